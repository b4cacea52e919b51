"""PL given names: by birth decade from the first names given to children born in 2000-2019,
and for everyone born before from the first names of the living people in the PESEL register.

Writes common/person/given_name_by_decade_{male,female}_PL.csv, the all-ages
common/person/given_name_{male,female}_PL.csv and the test references
tests/reference/pl_given_name_by_decade.csv and tests/reference/pl_given_name_born_before_2000.csv.

Source: Ministry of Digitization, "Imiona nadane dzieciom w Polsce w latach 2000-2019" (dane.gov.pl,
the first names registered in the PESEL register for the children born in each year, by sex;
open data, free reuse with attribution), as aggregated into `data/pl.json` of
github.com/ldvdp/Nombretorio at commit 0eb57d5 (2026): `M5K`/`W5K` hold every listed name with
its births summed over 2000-2019 (1,841 boys' and 1,803 girls' names), `BB`/`BG` the yearly
births 2000-2019 of the 220 most common names of each sex (98.6 % of the listed boys, 98.3 % of
the girls). Put the file into $DM_SRC/dane_gov_pl/pl.json and run
`python3 datasets/tools/extract_pl_given_names.py` (stdlib only).

Decades 2000 (2000-2009) and 2010 (2010-2019): the 220 names per sex keep their yearly counts
summed per decade; the other names (under 2 % of the births) have only their 2000-2019 totals,
split between the decades in the ratio of the 220 names' decade totals (illustrative split).
Names listed for both sexes are dropped from the sex where their share is below 1/10 of the
other's, as for the US.

All ages: Ministry of Digital Affairs, "Lista imion występujących w rejestrze PESEL - osoby
żyjące" (dane.gov.pl dataset 1667, resources 63929 men and 63924 women: the first name
(IMIĘ_PIERWSZE) of every living person in the PESEL register on 22 January 2025 with its count;
open data, free reuse with attribution), as the CSV files `imiona_meskie.csv` /
`imiona_zenskie.csv` (`IMIĘ_PIERWSZE,PŁEĆ,LICZBA_WYSTĄPIEŃ`, capitals) of
github.com/pabloss/morizon-gratka-task-solution at commit e9f5158: put both into
$DM_SRC/dane_gov_pl/pesel/. Person draws this table for people born before 2000, so the
children born 2000-2019 (their names' totals from pl.json, above) are taken out of each name's
count (a name given to more children than the register now counts goes to 0); the children
born since 2020 and the foreigners holding a PESEL number (Oleksandr, Andrii) stay in. The
register's placeholders (BRAK DANYCH, "no data") are dropped, capitals title-cased, Turkish
dotted İ written I. Names of the other sex dropped as for the US (share < 1/10), top ALL_AGES
per sex with the tail rule of extract_person.keep_tail_mass (total = everyone counted).
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import csv

from _lib import SRC, title_name, write_table, write_value_weight
from extract_person import HEAD_SHARE, drop_cross_sex, keep_tail_mass

P = "common/person/"
SOURCE = ("Ministry of Digitization, first names given to children born in Poland 2000-2019 (dane.gov.pl, PESEL), "
          "via ldvdp/Nombretorio@0eb57d5 data/pl.json")
REFERENCE = Path(__file__).resolve().parents[2] / "tests" / "reference" / "pl_given_name_by_decade.csv"
DECADES = (2000, 2010)
ALL_AGES = 5000
ALL_AGES_SOURCE = ("Ministry of Digital Affairs, first names of the living people in the PESEL register, 22 January 2025 "
                   "(dane.gov.pl dataset 1667, resources 63929/63924), via pabloss/morizon-gratka-task-solution@e9f5158 "
                   "imiona_meskie.csv / imiona_zenskie.csv; children born 2000-2019 taken out with the totals of ldvdp/Nombretorio@0eb57d5 data/pl.json")
PESEL_FILES = {"male": ("imiona_meskie.csv", "MĘŻCZYZNA"), "female": ("imiona_zenskie.csv", "KOBIETA")}
# Register entries that are not names: "no data", "no name".
NOT_NAMES = {"BRAK DANYCH", "BRAKDANYCH", "BRAK IMIENIA", "BRAK"}
BEFORE_2000_REFERENCE = REFERENCE.with_name("pl_given_name_born_before_2000.csv")


def decade_counts(totals: list, yearly: list) -> dict[int, Counter]:
    """Births per name and decade: yearly series where published, else the total split."""
    out = {d: Counter() for d in DECADES}
    series = {e["n"]: e["y"] for e in yearly}
    assert all(len(y) == 20 for y in series.values())
    for name, y in series.items():
        out[2000][name] += sum(y[:10])
        out[2010][name] += sum(y[10:])
    first = sum(out[2000].values()) / (sum(out[2000].values()) + sum(out[2010].values()))
    for name, _rank, total in totals:
        if name not in series:
            out[2000][name] += total * first
            out[2010][name] += total * (1 - first)
    return out


def pesel_living(sex: str) -> Counter:
    """Title-cased first name -> living people of `sex` in the PESEL register bearing it."""
    file, label = PESEL_FILES[sex]
    out: Counter = Counter()
    with open(SRC / "dane_gov_pl" / "pesel" / file, encoding="utf-8-sig") as f:
        rows = csv.reader(f)
        assert next(rows) == ["IMIĘ_PIERWSZE", "PŁEĆ", "LICZBA_WYSTĄPIEŃ"], file
        for name, row_sex, count in rows:
            assert row_sex == label, (file, name, row_sex)
            if name.strip() not in NOT_NAMES:
                out[title_name(name.strip().replace("İ", "I"))] += int(count)
    return out


def all_ages(data: dict) -> None:
    """given_name_{male,female}_PL.csv: the living people's first names, the children born
    2000-2019 taken out (Person draws this table for people born before 2000)."""
    born = {"male": Counter({name: total for name, _rank, total in data["M5K"]}),
            "female": Counter({name: total for name, _rank, total in data["W5K"]})}
    before = {}
    for sex in PESEL_FILES:
        living = pesel_living(sex)
        before[sex] = [(name, count - born[sex][name]) for name, count in living.items() if count > born[sex][name]]
    m_items, f_items, drop_m, drop_f = drop_cross_sex(before["male"], before["female"])
    other = {sex: Counter(dict(items)) for sex, items in before.items()}
    lines = [f"# {ALL_AGES_SOURCE}",
             "# share = living people of the sex bearing the first name, less the children born 2000-2019 given it / "
             "all such people of the sex; top 10",
             "# written by datasets/tools/extract_pl_given_names.py",
             "sex,given_name,share"]
    for sex, items, dropped in (("male", m_items, drop_m), ("female", f_items, drop_f)):
        total = sum(count for _, count in items)
        items.sort(key=lambda r: (-r[1], r[0]))
        head = round(ALL_AGES * HEAD_SHARE)
        write_value_weight(
            f"{P}given_name_{sex}_PL.csv",
            [f"Source: {ALL_AGES_SOURCE}",
             f"weight = living people in PESEL with the first name less the children born 2000-2019 given it; top {ALL_AGES}: "
             f"the first {head} keep their counts, the rest carry the mass of all {total:,} people beyond the cut (scaled)",
             f"placeholders ({', '.join(sorted(NOT_NAMES))}) and names of the other sex (share < 1/10 of the other sex's) dropped: "
             f"{len(dropped)} names, the most borne: {', '.join(sorted(dropped, key=lambda n: -other[sex][n])[:8]) or 'none'}",
             "Person draws PL given names of people born from 2000 from given_name_by_decade_*_PL (the birth decade)"],
            keep_tail_mass(items[:ALL_AGES], total, head))
        lines += [f"{sex},{name},{count / total:.7f}" for name, count in items[:10]]
    BEFORE_2000_REFERENCE.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")
    print(f"tests/reference/{BEFORE_2000_REFERENCE.name}: {len(lines) - 4} rows")


def main() -> None:
    data = json.loads((SRC / "dane_gov_pl" / "pl.json").read_text(encoding="utf-8"))
    assert (data["meta"]["y0"], data["meta"]["yN"]) == (2000, 2019), data["meta"]
    by_sex = {"male": decade_counts(data["M5K"], data["BB"]), "female": decade_counts(data["W5K"], data["BG"])}
    out = {"male": [], "female": []}
    lines = [f"# {SOURCE}",
             "# share = children of the sex born in the decade given the name / all listed children of the sex born then; top 10 (all from the yearly series)",
             "# written by datasets/tools/extract_pl_given_names.py",
             "decade,sex,given_name,share"]
    for decade in DECADES:
        male, female = by_sex["male"][decade], by_sex["female"][decade]
        m_items, f_items, _, _ = drop_cross_sex(list(male.items()), list(female.items()))
        for sex, items, counts in (("male", m_items, male), ("female", f_items, female)):
            items.sort(key=lambda r: (-r[1], r[0]))
            out[sex] += [[name, decade, round(w, 1)] for name, w in items if w >= 0.5]
            total = sum(counts.values())
            lines += [f"{decade},{sex},{name},{w / total:.7f}" for name, w in items[:10]]
    for sex, rows in out.items():
        write_table(f"{P}given_name_by_decade_{sex}_PL.csv",
                    [f"Source: {SOURCE}",
                     "decade = first year of the birth decade (2000 = 2000-2009, 2010 = 2010-2019); weight = children given the name: "
                     "the 220 most common names per sex from their yearly counts, the others (under 2 %) from their 2000-2019 totals split "
                     "in the ratio of the decades' births (illustrative split); names of the other sex (share < 1/10 of the other sex's) dropped",
                     f"people born before 2000 draw from given_name_{sex}_PL.csv (PESEL living people)"],
                    ["given_name", "decade", "weight"], rows)
    REFERENCE.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")
    print(f"tests/reference/{REFERENCE.name}: {len(lines) - 4} rows")
    all_ages(data)


if __name__ == "__main__":
    main()
