"""CH all-ages given names and family names from the population register of Basel-Stadt.

Writes common/person/given_name_{male,female}_CH.csv (Person draws from them for people born
before 1990, whose names no Swiss cohort file reachable here covers, and for entities without a
birth date), common/person/family_name_CH.csv, and the test references
tests/reference/ch_given_name_all_ages.csv and tests/reference/ch_family_name_share.csv.

Sources:
- Statistisches Amt Basel-Stadt, "Vornamen der baselstädtischen Bevölkerung" (data.bs.ch dataset
  100129: the first names of the canton's residents with their count and sex; names borne by
  fewer than 4 residents are pooled as "Übrige"), in the copy `data/100129.parquet` of
  github.com/lcalmbach/pseudonymizer at commit c463746 (2024-12-19), which expands the counts to
  one row per resident (206,308 rows; the year is not recorded in the copy: the surname file
  below counts 201,805 residents at the end of 2021, so it is a later year, 2022-2024).
- Statistisches Amt Basel-Stadt, "Nachnamen der baselstädtischen Bevölkerung" (data.bs.ch
  dataset 100127: surnames of the residents with their count per year, names of fewer than 4
  bearers pooled as "übrige"), in the copy `data/100127.csv` (`Datum;Nachname;Anzahl;Jahr`,
  2011-2021) of github.com/lcalmbach/names-ch at commit 564363f (2022); the year 2021 is used.
- Federal Statistical Office (BFS), the three most common surnames of the permanent resident
  population at the end of 2023 (Müller 53,170, Meier 32,657, Schmid 30,332 of 8.96 million), as
  BFS's release of 23 August 2024 was quoted (appenzell24.ch, 2024-08-23); hand-transcribed.
  BFS's full surname and first-name files were not reachable (see SOURCES.md).
Licence: Basel-Stadt open government data (data.bs.ch; its terms are CC BY 4.0, written from
memory, not re-checked: "Quelle: Statistisches Amt Basel-Stadt"); BFS figures quoted as facts.

Given names: counts of one canton's residents of every age stand in for Switzerland's, as
Berlin's and Zürich's births do for the cohort tables: a German-speaking city, with fewer French
and Italian names than the country (Daniel, Peter, Thomas; Maria, Anna, Claudia). A name listed
for both sexes is dropped from the sex where its share is below 1/10 of the other's, as for the
US; the listed names (4+ bearers) are all kept, the first fifth at their counts and the rest
carrying the Übrige residents too (extract_person.keep_tail_mass). The residents born since 1990
are counted as well (the file has no year of birth), though Person draws from this table only
for people born before 1990.

Family names: the BFS top 3 keep their national counts; every other surname keeps its share of
Basel's residents (2021) scaled to the rest of the Swiss population, the first fifth of the
listed names at their scaled counts and the rest carrying the residents pooled as "übrige"
(keep_tail_mass). Basel's 1,278 Müller are 0.63 % of its residents, BFS's 53,170 0.59 % of
Switzerland's: the city's head is close to the country's, but the Romandie's and Ticino's
names (da Silva, Favre, Bernasconi) weigh less than they do nationally.

Rerun: `git show c463746:data/100129.parquet > $DM_SRC/basel/100129.parquet` in a clone of
lcalmbach/pseudonymizer and `git show 564363f:data/100127.csv > $DM_SRC/basel/100127.csv` in
one of lcalmbach/names-ch, then `/tmp/dmvenv/bin/python datasets/tools/extract_ch_population_names.py`
(pyarrow for the Parquet file); run extract_organization.py after it.
"""
from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq

from _lib import SRC, write_value_weight
from extract_person import HEAD_SHARE, drop_cross_sex, keep_tail_mass

P = "common/person/"
FIRST_NAMES = SRC / "basel" / "100129.parquet"
SURNAMES = SRC / "basel" / "100127.csv"
SURNAME_YEAR = "2021"
REFERENCES = Path(__file__).resolve().parents[2] / "tests" / "reference"
GIVEN_SOURCE = ("Statistisches Amt Basel-Stadt, first names of the canton's residents (data.bs.ch 100129), "
                "via lcalmbach/pseudonymizer@c463746 data/100129.parquet")
FAMILY_SOURCE = ("BFS, the three most common surnames of the permanent resident population, end of 2023 (release of "
                 "2024-08-23 as quoted by appenzell24.ch); Statistisches Amt Basel-Stadt, surnames of the canton's residents "
                 "2021 (data.bs.ch 100127), via lcalmbach/names-ch@564363f data/100127.csv")
POOLED = {"Übrige", "übrige"}
SEXES = {"M": "male", "W": "female"}
# BFS, end of 2023: the three most common surnames and the permanent resident population
BFS_TOP = [("Müller", 53_170), ("Meier", 32_657), ("Schmid", 30_332)]
BFS_POPULATION = 8_960_000


def first_name_counts() -> tuple[dict[str, Counter], dict[str, int]]:
    """Sex -> first name -> residents, and sex -> all residents of the sex (pooled ones included)."""
    counts = {sex: Counter() for sex in SEXES.values()}
    totals = Counter()
    for row in pq.read_table(FIRST_NAMES).to_pylist():
        sex = SEXES[row["geschlecht"]]
        totals[sex] += 1
        if row["vorname"] not in POOLED:
            counts[sex][row["vorname"].strip()] += 1
    return counts, dict(totals)


def surname_counts() -> tuple[Counter, int]:
    """Surname -> Basel residents in SURNAME_YEAR, and all residents (pooled ones included)."""
    counts, total = Counter(), 0
    with open(SURNAMES, encoding="utf-8-sig", newline="") as f:
        rows = csv.reader(f, delimiter=";")
        assert next(rows) == ["Datum", "Nachname", "Anzahl", "Jahr"]
        for line, (_, name, count, year) in enumerate(rows, start=2):
            if year != SURNAME_YEAR:
                continue
            assert int(count) > 0, (line, name)
            total += int(count)
            if name not in POOLED:
                counts[name.strip()] += int(count)
    return counts, total


def given_names() -> None:
    counts, totals = first_name_counts()
    m_items, f_items, drop_m, drop_f = drop_cross_sex(list(counts["male"].items()), list(counts["female"].items()))
    reference = [f"# {GIVEN_SOURCE}",
                 "# share = residents of the sex with the first name / all residents of the sex (names of fewer than 4 "
                 "bearers included); top 10",
                 "# written by datasets/tools/extract_ch_population_names.py",
                 "sex,given_name,share"]
    for sex, items, dropped in (("male", m_items, drop_m), ("female", f_items, drop_f)):
        items.sort(key=lambda r: (-r[1], r[0]))
        total = totals[sex] - sum(counts[sex][n] for n in dropped)
        head = round(len(items) * HEAD_SHARE)
        write_value_weight(
            f"{P}given_name_{sex}_CH.csv",
            [f"Source: {GIVEN_SOURCE}; Basel-Stadt open government data",
             f"weight = residents of Basel-Stadt of the sex with the first name ({totals[sex]:,} counted; the year is not recorded "
             "in the copy, 2022-2024); one canton's residents of every age stand in for Switzerland's",
             f"all {len(items):,} names of 4+ bearers: the first {head} keep their counts, the rest also carry the residents whose "
             "names have fewer than 4 bearers (scaled)",
             f"dropped as names of the other sex (share < 1/10 of the other sex's): {', '.join(dropped) or 'none'}",
             "Person draws from it for people born before 1990 (the Zürich cohort tables start then)"],
            keep_tail_mass(items, total, head),
        )
        top = items[:10]
        reference += [f"{sex},{name},{n / totals[sex]:.7f}" for name, n in top]
        print(f"given_name_{sex}_CH: {totals[sex]:,} residents, {len(items):,} names, {len(dropped)} dropped")
    (REFERENCES / "ch_given_name_all_ages.csv").write_text("\n".join(reference) + "\n", encoding="utf-8", newline="\n")


def family_names() -> None:
    basel, basel_total = surname_counts()
    top_names = {name for name, _ in BFS_TOP}
    rest_basel = basel_total - sum(basel[n] for n in top_names)
    rest_swiss = BFS_POPULATION - sum(n for _, n in BFS_TOP)
    scale = rest_swiss / rest_basel
    ranked = sorted(((n, c * scale) for n, c in basel.items() if n not in top_names), key=lambda r: (-r[1], r[0]))
    head = round(len(ranked) * HEAD_SHARE)
    items = BFS_TOP + [(n, round(w)) for n, w in keep_tail_mass(ranked, rest_swiss, head)]
    write_value_weight(
        f"{P}family_name_CH.csv",
        [f"Source: {FAMILY_SOURCE}; figures quoted as facts, Basel-Stadt open government data",
         f"weight = people in Switzerland: Müller, Meier, Schmid at BFS's counts of {BFS_POPULATION:,}; every other surname at "
         f"its share of Basel-Stadt's {basel_total:,} residents ({SURNAME_YEAR}) x {scale:.2f}; the first {head} of the "
         f"{len(ranked):,} names of 4+ bearers keep that, the rest also carry the residents pooled as 'übrige' (scaled)",
         "one canton's surnames stand in for the names beyond the national top 3 (German-speaking: the Romandie's and "
         "Ticino's names weigh less than nationally)"],
        items,
    )
    reference = [f"# {FAMILY_SOURCE}",
                 f"# share = bearers of the surname / {BFS_POPULATION:,} residents (BFS, end of 2023); top 3 (no longer "
                 "national list with counts was reachable)",
                 "# written by datasets/tools/extract_ch_population_names.py",
                 "family_name,share"]
    reference += [f"{name},{n / BFS_POPULATION:.7f}" for name, n in BFS_TOP]
    (REFERENCES / "ch_family_name_share.csv").write_text("\n".join(reference) + "\n", encoding="utf-8", newline="\n")
    print(f"family_name_CH: {len(items):,} names; Basel {basel_total:,} residents, scale {scale:.2f}")


if __name__ == "__main__":
    given_names()
    family_names()
