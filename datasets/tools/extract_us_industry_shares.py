"""US industry tables weighted by published figures: insurers by market share, insurance
products by premium volume, police departments by staff.

Rewrites the weights (and the `#` source lines) of three tables that `extract_industry.py`
writes from datamimic-ce, and writes the reference files the tests compare generated records
with. Run it after `extract_industry.py`:

    python3 datasets/tools/extract_us_industry_shares.py    # stdlib only

Sources (figures hand-transcribed below, each with its publisher and year):

- `insurance/company_US`: A.M. Best, "Best's Rankings: Top 25 U.S. Auto Liability Writers –
  2021 Edition", direct premiums written 2020 in USD thousands, compiled from the insurers'
  statutory (NAIC) statements. All ten companies of the table are among the top ten; Geico is
  reported as its group, Berkshire Hathaway Insurance.
- `insurance/product_US`: Insurance Information Institute (Triple-I) tables from NAIC data via
  S&P Global Market Intelligence, 2022: "Net Premiums Written by Line, Property/Casualty
  Insurance, 2021-2023" (private passenger auto, homeowners multiple peril, commercial multiple
  peril) and "Direct Premiums Written by Line, Life/Annuity Insurance, 2020-2022" (life; accident
  and health as written by life/annuity insurers, without the health insurers' own statements).
  Renters, motorcycle, boat, pet and travel insurance are not broken out there (renters is
  inside homeowners multiple peril): their weights are illustrative orders of magnitude.
- `public_sector/education_institution_type_US`: institutions counted by kind. Public schools:
  NCES Common Core of Data, "Number of operating public elementary and secondary schools, by
  school type, charter, magnet, ... : School year 2020-21" (CCD summary table 3: 98,609 schools,
  1,921 special education, 1,547 career and technical, 7,644 charter, 2,946 magnet). Private
  schools: NCES Private School Universe Survey 2019-20 as in Digest of Education Statistics 2022
  Table 105.50 (30,492). Degree-granting institutions: Digest 2018 Table 317.40, fall 2017, by
  Carnegie classification (research very high 115, high 104, doctoral/research 109, master's 742,
  baccalaureate 849, 2-year 1,480). The public/private split of the doctoral and master's
  universities is not in that table: it is derived from Digest 2005 Table 213, fall 2003 (public
  63 of 107 doctoral-intensive and 276 of 634 master's institutions). Technical institutes
  (non-degree-granting Title IV institutions): about 2,000, hand-transcribed from memory, not
  re-checked. All NCES figures are US government works (public domain).
- `public_sector/police_department_US`: FBI Uniform Crime Reporting, Crime in the United States
  2018, police employee data by city (Table 78: full-time law enforcement employees, officers
  and civilians), US government work, public domain; read from the copy in the public
  repository vastava/data-science-projects, `police-presence/data input/police_geocoded.csv`
  (column `Total`). With `$DM_SRC/fbi2018_police_geocoded.csv` present the figures below are
  checked against that file.
"""
from __future__ import annotations

import csv
import os
from pathlib import Path

from _lib import DATASETS, write_table

REFERENCE = DATASETS.parent / "tests" / "it" / "reference"

AM_BEST = ("A.M. Best, Best's Rankings: Top 25 U.S. Auto Liability Writers - 2021 Edition "
           "(direct premiums written 2020, from NAIC statutory statements); hand-transcribed")
# Company code -> 2020 direct premiums written, USD thousands.
AUTO_PREMIUMS_2020 = {
    "PRGRS": 25_888_829,  # Progressive Ins Group
    "STFRM": 24_060_734,  # State Farm Group
    "GEICO": 21_573_919,  # Berkshire Hathaway Ins (Geico)
    "ALST": 15_639_083,  # Allstate Ins Group
    "USAA": 8_763_754,  # USAA Group
    "LBRTY": 8_238_236,  # Liberty Mutual Ins Cos
    "FRMRS": 7_878_264,  # Farmers Ins Group
    "TRVLR": 5_195_055,  # Travelers Group
    "NWIDE": 4_544_536,  # Nationwide Group
    "AMFAM": 3_338_154,  # Amer Family Ins Group
}

TRIPLE_I = ("Insurance Information Institute from NAIC data (S&P Global Market Intelligence), 2022: "
            "P/C net premiums written by line and life/annuity direct premiums written by line; "
            "hand-transcribed")
# Product code -> 2022 premiums, USD thousands.
LINE_PREMIUMS_2022 = {
    "AUTO": 268_047_120,  # P/C private passenger auto, net premiums written
    "HOME": 113_869_764,  # P/C homeowners multiple peril
    "BUSI": 48_416_980,  # P/C commercial multiple peril (business owners' package policies)
    "LIFE": 206_804_608,  # life/annuity: life, direct premiums written
    "HLTH": 216_362_804,  # life/annuity: accident and health
}
# Not broken out by Triple-I: illustrative orders of magnitude, USD thousands.
LINE_ILLUSTRATIVE = {
    "RENT": 5_000_000,
    "MOTO": 3_000_000,
    "BOAT": 2_000_000,
    "PET": 3_000_000,
    "TRVL": 3_000_000,
}

NCES = ("NCES: CCD 2020-21 operating public schools by type, charter and magnet status; PSS 2019-20 "
        "private schools (Digest 2022 Table 105.50); degree-granting institutions fall 2017 by Carnegie "
        "class (Digest 2018 Table 317.40), public share of doctoral and master's universities fall 2003 "
        "(Digest 2005 Table 213); public domain; hand-transcribed")
PUBLIC_SCHOOLS_2020 = 98_609
CHARTER, MAGNET, SPECIAL_EDUCATION, CAREER_TECHNICAL = 7_644, 2_946, 1_921, 1_547
PRIVATE_SCHOOLS_2019 = 30_492
RESEARCH_VERY_HIGH, RESEARCH_HIGH, DOCTORAL, MASTERS, BACCALAUREATE, TWO_YEAR = 115, 104, 109, 742, 849, 1_480
# Fall 2003: public institutions among doctoral-intensive and master's institutions.
PUBLIC_2003, ALL_2003 = 63 + 276, 107 + 634
# Non-degree-granting Title IV institutions: hand-transcribed from memory, not re-checked.
TECHNICAL_FROM_MEMORY = 2_000


def institution_counts() -> dict[str, float]:
    """Institutions per type of education_institution_type_US; every published count once.
    Charter and magnet schools are counted by status, special education and career and
    technical schools by type; what remains of the public schools is "Public School"."""
    universities = DOCTORAL + MASTERS
    public_share = PUBLIC_2003 / ALL_2003
    return {
        "Public School": PUBLIC_SCHOOLS_2020 - CHARTER - MAGNET - SPECIAL_EDUCATION - CAREER_TECHNICAL,
        "Charter School": CHARTER,
        "Magnet School": MAGNET,
        "Special Education School": SPECIAL_EDUCATION,
        "Private School": PRIVATE_SCHOOLS_2019,
        "Vocational School": CAREER_TECHNICAL,
        "Research University": RESEARCH_VERY_HIGH + RESEARCH_HIGH,
        "Public University": round(universities * public_share, 1),
        "Private University": round(universities * (1 - public_share), 1),
        "Liberal Arts College": BACCALAUREATE,
        "Community College": TWO_YEAR,
        "Technical Institute": TECHNICAL_FROM_MEMORY,
    }


FBI = ("FBI Uniform Crime Reporting, Crime in the United States 2018, Table 78 (full-time law "
       "enforcement employees by city, officers and civilians); public domain; via "
       "vastava/data-science-projects police-presence/data input/police_geocoded.csv")
# Department id -> (city and state as in the FBI table, employees 2018).
POLICE_EMPLOYEES_2018 = {
    "NYPD-01": ("New York", "NY", 52_278),
    "CPD-03": ("Chicago", "IL", 14_086),
    "LAPD-02": ("Los Angeles", "CA", 13_010),
    "PPD-05": ("Philadelphia", "PA", 7_366),
    "HPD-04": ("Houston", "TX", 6_258),
    "LVMPD-21": ("Las Vegas Metropolitan Police Department", "NV", 4_535),
    "MPD-19": ("Washington", "DC", 4_520),
    "PHX-06": ("Phoenix", "AZ", 3_902),
    "DPD-09": ("Dallas", "TX", 3_581),
    "IMPD-16": ("Indianapolis", "IN", 3_153),
    "JSO-12": ("Jacksonville", "FL", 3_032),
    "SAPD-07": ("San Antonio", "TX", 2_991),
    "BPD-20": ("Boston", "MA", 2_715),
    "APD-11": ("Austin", "TX", 2_422),
    "CMPD-15": ("Charlotte-Mecklenburg", "NC", 2_342),
    "SDPD-08": ("San Diego", "CA", 2_332),
    "CDP-14": ("Columbus", "OH", 2_255),
    "FWPD-13": ("Fort Worth", "TX", 2_132),
    "SPD-17": ("Seattle", "WA", 1_954),
    "DPD-18": ("Denver", "CO", 1_824),
    "SJPD-10": ("San Jose", "CA", 1_550),
}


def read_table(rel: str) -> tuple[list[str], list[list[str]]]:
    """Header and rows of a headered table under datasets/ (its `#` lines dropped)."""
    with open(DATASETS / rel, encoding="utf-8", newline="") as f:
        rows = [r for r in csv.reader(f) if r and not r[0].startswith("#")]
    return rows[0], rows[1:]


def reweight(rel: str, key: str, weights: dict[str, float], comments: list[str]) -> None:
    """Replaces the weights of `rel` by `weights[row[key]]`; every row must have one."""
    header, rows = read_table(rel)
    k, w = header.index(key), header.index("weight")
    keys = {r[k] for r in rows}
    assert keys == set(weights), f"{rel}: {sorted(keys ^ set(weights))}"
    for r in rows:
        r[w] = weights[r[k]]
    rows.sort(key=lambda r: (-r[w], r[k]))
    write_table(rel, comments, header, rows)


def write_reference(name: str, comments: list[str], header: list[str], rows: list[list]) -> None:
    with open(REFERENCE / name, "w", encoding="utf-8", newline="") as f:
        for c in comments:
            f.write(f"# {c}\n")
        f.write(",".join(header) + "\n")
        for r in rows:
            f.write(",".join(str(c) for c in r) + "\n")


def check_fbi_file() -> None:
    """The transcribed staff counts agree with the repository's FBI file, when it is there."""
    path = Path(os.environ.get("DM_SRC", "/tmp/dmsrc")) / "fbi2018_police_geocoded.csv"
    if not path.exists():
        print(f"note: {path} absent, FBI figures not re-checked")
        return
    with open(path, encoding="utf-8", newline="") as f:
        total = {(r["City"], r["Abbrev"]): int(r["Total"]) for r in csv.DictReader(f)}
    for dept, (city, state, employees) in POLICE_EMPLOYEES_2018.items():
        assert total[(city, state)] == employees, (dept, total[(city, state)], employees)


def main() -> None:
    reweight("insurance/company_US.csv", "code", {c: v / 1000 for c, v in AUTO_PREMIUMS_2020.items()},
             ["Source: datamimic-ce@4.3.0 → datamimic_ce/domains/domain_data/insurance/companies_US.csv "
              "(MIT; real company names, founding years/HQ as shipped)",
              f"weight = USD million: {AM_BEST}"])
    total = sum(AUTO_PREMIUMS_2020.values())
    write_reference("insurance_company_share_us.csv",
                    [AM_BEST, "share = the company's premiums / the ten companies' premiums; "
                     "written by datasets/tools/extract_us_industry_shares.py"],
                    ["code", "share"],
                    [[c, f"{v / total:.4f}"] for c, v in sorted(AUTO_PREMIUMS_2020.items(), key=lambda i: -i[1])])

    lines = {**LINE_PREMIUMS_2022, **LINE_ILLUSTRATIVE}
    reweight("insurance/product_US.csv", "code", {c: v / 1000 for c, v in lines.items()},
             ["Source: datamimic-ce@4.3.0 → datamimic_ce/domains/domain_data/insurance/products_US.csv (MIT)",
              f"weight = USD million premiums (a proxy for the policy mix): {TRIPLE_I}; "
              "RENT, MOTO, BOAT, PET, TRVL not broken out there: illustrative orders of magnitude"])
    total = sum(LINE_PREMIUMS_2022.values())
    write_reference("insurance_product_share_us.csv",
                    [TRIPLE_I, "share = the line's premiums / the five published lines' premiums; "
                     "written by datasets/tools/extract_us_industry_shares.py"],
                    ["code", "share"],
                    [[c, f"{v / total:.4f}"] for c, v in sorted(LINE_PREMIUMS_2022.items(), key=lambda i: -i[1])])

    counts = institution_counts()
    reweight("public_sector/education_institution_type_US.csv", "type", counts,
             ["Source: types after datamimic-ce@4.3.0 → datamimic_ce/domains/domain_data/public_sector/education/"
              "institution_types_US.csv (MIT); level links to education_program",
              f"weight = institutions: {NCES}; Public/Private University split derived from the fall 2003 "
              "control shares; Technical Institute about 2,000 from memory, not re-checked"])
    published = {t: n for t, n in counts.items() if t != "Technical Institute"}
    total = sum(published.values())
    write_reference("education_institution_type_share_us.csv",
                    [NCES, "share = the type's institutions / all institutions but the technical institutes "
                     "(a figure from memory); written by datasets/tools/extract_us_industry_shares.py"],
                    ["type", "share"],
                    [[t, f"{n / total:.4f}"] for t, n in sorted(published.items(), key=lambda i: -i[1])])

    check_fbi_file()
    reweight("public_sector/police_department_US.csv", "department_id",
             {d: float(n) for d, (_, _, n) in POLICE_EMPLOYEES_2018.items()},
             ["Source: datamimic-ce@4.3.0 → datamimic_ce/domains/domain_data/public_sector/police/departments_US.csv "
              "(MIT; real department names; fictitious phone numbers and addresses dropped)",
              f"weight = employees: {FBI}"])
    total = sum(n for _, _, n in POLICE_EMPLOYEES_2018.values())
    write_reference("police_department_share_us.csv",
                    [FBI, "share = the department's employees / the 21 departments' employees; "
                     "written by datasets/tools/extract_us_industry_shares.py"],
                    ["department_id", "share"],
                    [[d, f"{n / total:.4f}"] for d, (_, _, n) in sorted(POLICE_EMPLOYEES_2018.items(), key=lambda i: -i[1][2])])


if __name__ == "__main__":
    main()
