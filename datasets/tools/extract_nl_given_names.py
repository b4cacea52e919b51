"""NL given names by birth decade from the Meertens Instituut's yearly top 100 (1880-2014).

Writes common/person/given_name_by_decade_{male,female}_NL.csv and the test reference
tests/reference/nl_given_name_by_decade.csv, once the births of each sex and year are at hand
(see BIRTHS below). Without them it stops with an error and writes nothing (`--coverage` prints
the top 100s' sums per decade and sex, which need no births): the top 100 alone
cannot say how much of a year's births they cover, and renormalising them would inflate every
listed name (issue 12).

Source of the names: Meertens Instituut (KNAW), Nederlandse Voornamenbank, the 100 most given
first names per sex and birth year 1880-2014 with the number of people of that year registered
with the name, as scraped into `name_popularity_netherlands_1880-2014.csv` (columns
`,rank,naam,aantal,tag`; 270 lists in year order, boys then girls, the row index restarting at 0
for each list; no year column) of github.com/Josha91/DutchFirstNames (MIT, 2020), copied into
github.com/HabaneroCake/pii-filter at commit b7eba74:
`git show b7eba74:dataset/nl/feature_sets/first_names/raw/DutchFirstNames/name_popularity_netherlands_1880-2014.csv > $DM_SRC/meertens/name_popularity_netherlands_1880-2014.csv`.
Ties at rank 100 make some lists shorter than 100 (96-100 rows).

BIRTHS: `$DM_SRC/cbs/live_births_by_sex_NL.csv` with the header `year,male,female` and one row
per year 1880-2014: CBS, live-born boys and girls per year (StatLine 37556, "Bevolking,
huishoudens en bevolkingsontwikkeling; vanaf 1899", columns LevendGeborenJongens /
LevendGeborenMeisjes; 1880-1898 from CBS's historical series). Not found in a public repository
or registry package in session 10 (see datasets/SOURCES.md, "Searched in session 10").

Per decade (1880 = 1880-1889, ..., 2010 = 2010-2014) and sex: the listed counts summed over the
decade's years are the head and keep their counts. A name in a year's top 100 in some years of
the decade only lacks its counts of the other years (each below that year's 100th name); they go
to the tail with everyone else unlisted. Tail mass = the decade's births of the sex - the head.
Tail names: the names of the same sex listed in other decades but not in this one, each at its
counts there, all scaled by one factor to the tail mass (real Dutch names of neighbouring
generations; the split among them is illustrative). Names listed for both sexes are dropped
from the sex where their share is below 1/10 of the other's, as for the US.

Coverage: the Voornamenbank counts the people of each birth year found in the registers it
draws on, not the births. The top 100 boys of 1880 sum to 18,265, those of 1960 to 87,298 and
those of 2010 to 36,455: the early years are counted far below their births (in the 1880s a top
100 held most boys' names), so births - head would give them a tail that is mostly an artefact
of the register. A decade whose top 100s hold less than MIN_HEAD_SHARE of its births, or more
than all of them, is refused with an error instead of written with such a tail; whether to
scale those decades by an estimated register coverage is left open (no published coverage was
found).
"""
from __future__ import annotations

import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

from _lib import SRC, top_ten_shares, write_decade_reference, write_table
from extract_person import drop_cross_sex

P = "common/person/"
FIRST_YEAR, LAST_YEAR = 1880, 2014
LISTS = SRC / "meertens" / "name_popularity_netherlands_1880-2014.csv"
BIRTHS = SRC / "cbs" / "live_births_by_sex_NL.csv"
SEX = {"M": "male", "F": "female"}
# A decade whose top 100s cover less of its births than this is taken as undercounted by the
# register (see COVERAGE in the module docstring), not as a decade of rare names.
MIN_HEAD_SHARE = 0.3
SOURCE = ("Meertens Instituut (KNAW), Nederlandse Voornamenbank, top 100 first names per sex and birth year 1880-2014 "
          "with counts, via Josha91/DutchFirstNames (MIT) as copied in HabaneroCake/pii-filter@b7eba74; "
          "births: CBS StatLine 37556 (live-born boys and girls per year)")
REFERENCE = Path(__file__).resolve().parents[2] / "tests" / "reference" / "nl_given_name_by_decade.csv"


def yearly_lists() -> dict[tuple[int, str], Counter]:
    """(year, sex) -> name -> people of that birth year registered with the name (top 100)."""
    with open(LISTS, encoding="utf-8") as f:
        rows = list(csv.reader(f))
    if rows[0] != ["", "rank", "naam", "aantal", "tag"]:
        sys.exit(f"{LISTS}: unexpected header {rows[0]}")
    lists: list[list[list[str]]] = []
    previous = None
    for line, row in enumerate(rows[1:], start=2):
        index = int(row[0])
        if previous is None or index <= previous:
            lists.append([])
        elif index != previous + 1:
            sys.exit(f"{LISTS}:{line}: row index {index} after {previous}")
        lists[-1].append(row)
        previous = index
    expected = 2 * (LAST_YEAR - FIRST_YEAR + 1)
    if len(lists) != expected:
        sys.exit(f"{LISTS}: {len(lists)} lists, expected {expected} (boys and girls of {FIRST_YEAR}-{LAST_YEAR})")
    out: dict[tuple[int, str], Counter] = {}
    for i, rows_of_list in enumerate(lists):
        year, tag = FIRST_YEAR + i // 2, "MF"[i % 2]
        tags = {r[4] for r in rows_of_list}
        if tags != {tag} or not 90 <= len(rows_of_list) <= 100:
            sys.exit(f"{LISTS}: list {i} ({year}) has tags {sorted(tags)} and {len(rows_of_list)} rows, expected {tag}")
        counts = Counter()
        for r in rows_of_list:
            counts[r[2].strip()] += int(float(r[3]))
        out[(year, SEX[tag])] = counts
    return out


def births_by_year() -> dict[tuple[int, str], int]:
    if not BIRTHS.exists():
        sys.exit(f"missing {BIRTHS} (year,male,female: CBS live births per sex and year {FIRST_YEAR}-{LAST_YEAR}); "
                 "see the module docstring. Nothing written.")
    out = {}
    with open(BIRTHS, encoding="utf-8") as f:
        rows = csv.DictReader(f)
        for line, row in enumerate(rows, start=2):
            try:
                year = int(row["year"])
                out[(year, "male")], out[(year, "female")] = int(row["male"]), int(row["female"])
            except (KeyError, TypeError, ValueError):
                sys.exit(f"{BIRTHS}:{line}: expected year,male,female as integers, got {row}")
    missing = [y for y in range(FIRST_YEAR, LAST_YEAR + 1) if (y, "male") not in out]
    if missing:
        sys.exit(f"{BIRTHS}: no births for {missing[:5]}{'...' if len(missing) > 5 else ''}")
    return out


def print_coverage(lists: dict[tuple[int, str], Counter]) -> None:
    """The top 100s' sums per decade and sex, to compare with CBS births (needs no births file)."""
    sums = Counter()
    for (year, sex), counts in lists.items():
        sums[(year // 10 * 10, sex)] += sum(counts.values())
    print("decade,male_top100_sum,female_top100_sum")
    for decade in sorted({d for d, _ in sums}):
        print(f"{decade},{sums[(decade, 'male')]},{sums[(decade, 'female')]}")


def main() -> None:
    lists = yearly_lists()
    if sys.argv[1:] == ["--coverage"]:
        print_coverage(lists)
        return
    births = births_by_year()
    head = defaultdict(Counter)
    born = Counter()
    for (year, sex), counts in lists.items():
        head[(year // 10 * 10, sex)].update(counts)
        born[(year // 10 * 10, sex)] += births[(year, sex)]
    decades = sorted({d for d, _ in head})
    out = {"male": [], "female": []}
    reference = []
    for decade in decades:
        male, female = head[(decade, "male")], head[(decade, "female")]
        m_items, f_items, _, _ = drop_cross_sex(list(male.items()), list(female.items()))
        for sex, items in (("male", m_items), ("female", f_items)):
            listed = dict(items)
            head_sum = sum(listed.values())
            share = head_sum / born[(decade, sex)]
            if not MIN_HEAD_SHARE <= share <= 1:
                sys.exit(f"{decade}s {sex}: the top 100s hold {head_sum:,} of {born[(decade, sex)]:,} births ({share:.0%}); "
                         "outside the plausible range, so the register's coverage of the decade is unknown. Nothing written.")
            others = Counter()
            for other in decades:
                if other != decade:
                    others.update({n: c for n, c in head[(other, sex)].items() if n not in listed})
            tail_mass = born[(decade, sex)] - head_sum
            factor = tail_mass / sum(others.values())
            rows = sorted(listed.items(), key=lambda r: (-r[1], r[0]))
            rows += sorted(((n, c * factor) for n, c in others.items()), key=lambda r: (-r[1], r[0]))
            out[sex] += [[name, decade, round(w, 1)] for name, w in rows if w >= 0.05]
            if decade in (1950, 2000):
                reference += top_ten_shares(decade, sex, listed, total=born[(decade, sex)])
    for sex, rows in out.items():
        write_table(f"{P}given_name_by_decade_{sex}_NL.csv",
                    [f"Source: {SOURCE}",
                     f"decade = first year of the birth decade ({decades[-1]} covers {decades[-1]}-{LAST_YEAR}); weight = people of the "
                     "decade registered with the name (the yearly top 100s summed) at their published counts; the rest of the decade's "
                     "births spread over the names listed in other decades only, at their counts there (illustrative split)",
                     "names of the other sex (share < 1/10 of the other sex's) dropped",
                     f"people born after {LAST_YEAR} draw from the {decades[-1]}s"],
                    ["given_name", "decade", "weight"], rows)
    write_decade_reference(REFERENCE, SOURCE, "people of the sex born in the decade registered with the name / CBS live births of the "
                           "sex in the decade; top 10", "extract_nl_given_names.py", reference)


if __name__ == "__main__":
    main()
