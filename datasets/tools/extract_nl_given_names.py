"""NL given names by birth decade from the Meertens Instituut's yearly top 100 (1880-2014).

Writes common/person/given_name_by_decade_{male,female}_NL.csv (the decades 1950-2010, whose
births CBS publishes below), the all-ages common/person/given_name_{male,female}_NL.csv (those
decades summed: the people born 1950-2014 at their births) and the test reference
tests/reference/nl_given_name_by_decade.csv (`--coverage` prints the top 100s' sums per decade
and sex). The top 100 alone cannot say how much of a year's births they cover, and
renormalising them would inflate every listed name (issue 12): the births give the tail its
mass.

Source of the names: Meertens Instituut (KNAW), Nederlandse Voornamenbank, the 100 most given
first names per sex and birth year 1880-2014 with the number of people of that year registered
with the name, as scraped into `name_popularity_netherlands_1880-2014.csv` (columns
`,rank,naam,aantal,tag`; 270 lists in year order, boys then girls, the row index restarting at 0
for each list; no year column) of github.com/Josha91/DutchFirstNames (2020; no licence stated:
only the Voornamenbank's figures are taken), copied into github.com/HabaneroCake/pii-filter
(MIT) at commit b7eba74:
`git show b7eba74:dataset/nl/feature_sets/first_names/raw/DutchFirstNames/name_popularity_netherlands_1880-2014.csv > $DM_SRC/meertens/name_popularity_netherlands_1880-2014.csv`.
Ties at rank 100 make some lists shorter than 100 (96-100 rows).

BIRTHS: CBS StatLine 37422ned, "Geboorte; kerncijfers, 1950-2022" (live births per year,
column "Totaal levend geboren kinderen"), the years 1950-2014 as the table's page on cbs.nl
shows them (view `?dl=15829`, stored in the pages corpus), in BIRTHS_TOTAL below; and the
boys' share of them from StatLine 37201 ("Geboorte; kerncijfers vruchtbaarheid, leeftijd
moeder, regio", Nederland: 95,474 boys of 186,647 in 1988, 105,637 of 206,619 in 2000, 86,893
of 169,680 in 2019; pooled 51.16 %), in BOYS below. Each year's births are split by that one
share (the sex ratio at birth moves by a few tenths of a per cent between those years; the
yearly split was not reachable). Both tables: CBS open data, CC BY 4.0 ("Bron: CBS"). Births
before 1950 (StatLine 37556, from 1899) were not reachable (see datasets/SOURCES.md), so the
decades 1880-1940 are not written: Dutch people born before 1950 take the all-ages names.

Per decade (1950 = 1950-1959, ..., 2010 = 2010-2014) and sex: the listed counts summed over the
decade's years are the head and keep their counts. A name in a year's top 100 in some years of
the decade only lacks its counts of the other years (each below that year's 100th name); they go
to the tail with everyone else unlisted. Tail mass = the decade's births of the sex - the head.
Tail names: the names of the sex in the other years' top 100s (1880-2014) and in the
datamimic-ce and faker nl_NL given-name lists (MIT), less this decade's listed names, each at
the same weight (the mass is the births'; its split among real Dutch names is illustrative:
weighting them by their counts in other decades handed the 2010s' tail to the Petrus and
Gerrit of the 1950s). Names listed for both sexes are dropped from the sex where their share
is below 1/10 of the other's, as for the US.

Coverage: the Voornamenbank counts the people of each birth year found in the registers it
draws on, not the births. The top 100 boys of 1880 sum to 18,265, those of 1960 to 87,298 and
those of 2010 to 36,455: the early years are counted far below their births (in the 1880s a top
100 held most boys' names), so births - head would give them a tail that is mostly an artefact
of the register. A decade whose top 100s hold less than MIN_HEAD_SHARE of its births, or more
than all of them, is refused with an error instead of written with such a tail; the decades
1950-2010 hold 36-73 % (the registers count people found in them, so the decades whose people
died or emigrated before the registers were kept are counted a little below their births, and
their tails come out a little heavy).
"""
from __future__ import annotations

import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

from _lib import SRC, dm_weighted, faker_attrs, top_ten_shares, write_decade_reference, write_table, write_value_weight
from extract_person import drop_cross_sex

P = "common/person/"
FIRST_YEAR, LAST_YEAR = 1880, 2014
LISTS = SRC / "meertens" / "name_popularity_netherlands_1880-2014.csv"
FIRST_DECADE = 1950
# CBS StatLine 37422ned, live births per year (Totaal levend geboren kinderen), 1950-2014.
BIRTHS_TOTAL = {
    1950: 229_718, 1951: 228_407, 1952: 231_888, 1953: 227_964, 1954: 228_173,
    1955: 229_222, 1956: 231_492, 1957: 233_892, 1958: 236_859, 1959: 242_518,
    1960: 239_128, 1961: 247_407, 1962: 246_150, 1963: 249_879, 1964: 250_914,
    1965: 245_216, 1966: 239_611, 1967: 238_678, 1968: 237_112, 1969: 247_588,
    1970: 238_912, 1971: 227_180, 1972: 214_133, 1973: 194_993, 1974: 185_982,
    1975: 177_876, 1976: 177_090, 1977: 173_296, 1978: 175_550, 1979: 174_979,
    1980: 181_294, 1981: 178_569, 1982: 172_071, 1983: 170_246, 1984: 174_436,
    1985: 178_136, 1986: 184_513, 1987: 186_667, 1988: 186_647, 1989: 188_979,
    1990: 197_965, 1991: 198_665, 1992: 196_734, 1993: 195_748, 1994: 195_611,
    1995: 190_513, 1996: 189_521, 1997: 192_443, 1998: 199_408, 1999: 200_445,
    2000: 206_619, 2001: 202_603, 2002: 202_083, 2003: 200_297, 2004: 194_007,
    2005: 187_910, 2006: 185_057, 2007: 181_336, 2008: 184_634, 2009: 184_915,
    2010: 184_397, 2011: 180_060, 2012: 175_959, 2013: 171_341, 2014: 175_181,
}
# CBS StatLine 37201, Nederland: (year, live-born boys, all live births).
BOYS = [(1988, 95_474, 186_647), (2000, 105_637, 206_619), (2019, 86_893, 169_680)]
SEX = {"M": "male", "F": "female"}
# A decade whose top 100s cover less of its births than this is taken as undercounted by the
# register (see COVERAGE in the module docstring), not as a decade of rare names.
MIN_HEAD_SHARE = 0.3
SOURCE = ("Meertens Instituut (KNAW), Nederlandse Voornamenbank, top 100 first names per sex and birth year 1880-2014 "
          "with counts, scraped by Josha91/DutchFirstNames as copied in HabaneroCake/pii-filter@b7eba74 (MIT); "
          "births: CBS StatLine 37422ned (live births per year 1950-2014) split by the boys' share of StatLine 37201 "
          "(1988, 2000, 2019); CBS open data, CC BY 4.0 (Bron: CBS)")
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
    """(year, sex) -> live births 1950-2014: CBS's yearly totals split by the pooled boys' share."""
    boys_share = sum(b for _, b, _ in BOYS) / sum(t for _, _, t in BOYS)
    for year, boys, total in BOYS:
        if year in BIRTHS_TOTAL and BIRTHS_TOTAL[year] != total:
            sys.exit(f"StatLine 37201 gives {total:,} births in {year}, 37422ned {BIRTHS_TOTAL[year]:,}")
    missing = [y for y in range(FIRST_DECADE, LAST_YEAR + 1) if y not in BIRTHS_TOTAL]
    if missing:
        sys.exit(f"BIRTHS_TOTAL lacks {missing}")
    out = {}
    for year, total in BIRTHS_TOTAL.items():
        out[(year, "male")] = round(total * boys_share)
        out[(year, "female")] = total - out[(year, "male")]
    return out


def package_names() -> dict[str, set[str]]:
    """sex -> the Dutch given names of datamimic-ce's and faker's nl_NL lists (no counts)."""
    faker = faker_attrs("nl_NL")
    return {sex: {v.strip() for v, _ in dm_weighted(f"common/person/givenName_{sex}_NL.csv")}
            | {n.strip() for n in faker[f"first_names_{sex}"]}
            for sex in ("male", "female")}


def tail_names(sex: str, head: dict, packages: dict[str, set[str]]) -> set[str]:
    """Real Dutch names of `sex` to carry a decade's births beyond its top 100s: those in any
    year's top 100 of the sex (1880-2014) and the package lists, less the names only ever
    listed for the other sex (Maria among boys' package names)."""
    other = "female" if sex == "male" else "male"
    listed = {n for (_, s), counts in head.items() if s == sex for n in counts}
    listed_other = {n for (_, s), counts in head.items() if s == other for n in counts}
    names = listed | packages[sex]
    return {n for n in names if n and (n in listed or n not in listed_other)}


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
    packages = package_names()
    head = defaultdict(Counter)
    born = Counter()
    for (year, sex), counts in lists.items():
        head[(year // 10 * 10, sex)].update(counts)
        if year >= FIRST_DECADE:
            born[(year // 10 * 10, sex)] += births[(year, sex)]
    listed_decades = sorted({d for d, _ in head})
    decades = [d for d in listed_decades if d >= FIRST_DECADE]
    out = {"male": [], "female": []}
    all_ages = {"male": Counter(), "female": Counter()}
    dropped = {"male": set(), "female": set()}
    listed_all = {"male": Counter(), "female": Counter()}
    reference = []
    for decade in decades:
        male, female = head[(decade, "male")], head[(decade, "female")]
        m_items, f_items, drop_m, drop_f = drop_cross_sex(list(male.items()), list(female.items()))
        dropped["male"].update(drop_m)
        dropped["female"].update(drop_f)
        for sex, items in (("male", m_items), ("female", f_items)):
            listed = dict(items)
            listed_all[sex].update(listed)
            head_sum = sum(listed.values())
            share = head_sum / born[(decade, sex)]
            if not MIN_HEAD_SHARE <= share <= 1:
                sys.exit(f"{decade}s {sex}: the top 100s hold {head_sum:,} of {born[(decade, sex)]:,} births ({share:.0%}); "
                         "outside the plausible range, so the register's coverage of the decade is unknown. Nothing written.")
            print(f"{decade}s {sex}: top 100s {head_sum:,} of {born[(decade, sex)]:,} births ({share:.0%})")
            # Tail: the births beyond the top 100s, spread evenly over real Dutch names of the
            # sex not listed in this decade (see tail_names). Weighting them by their counts in
            # other decades would hand the 2010s' tail to Petrus and Gerrit of the 1950s.
            others = tail_names(sex, head, packages) - set(head[(decade, sex)])
            tail_mass = born[(decade, sex)] - head_sum
            each = tail_mass / len(others)
            rows = sorted(listed.items(), key=lambda r: (-r[1], r[0]))
            rows += sorted((n, each) for n in others)
            rows = [(name, round(w, 1)) for name, w in rows if round(w, 1) > 0]
            out[sex] += [[name, decade, w] for name, w in rows]
            all_ages[sex].update(dict(rows))
            if decade in (1950, 2000):
                reference += top_ten_shares(decade, sex, listed, total=born[(decade, sex)])
    for sex in ("male", "female"):
        born_all = sum(n for (d, s), n in born.items() if s == sex and d in decades)
        reference += top_ten_shares(f"{FIRST_DECADE}-{LAST_YEAR}", sex, listed_all[sex], total=born_all)
    for sex, rows in out.items():
        write_table(f"{P}given_name_by_decade_{sex}_NL.csv",
                    [f"Source: {SOURCE}",
                     f"decade = first year of the birth decade ({decades[-1]} covers {decades[-1]}-{LAST_YEAR}); weight = people of the "
                     "decade registered with the name (the yearly top 100s summed) at their published counts; the rest of the decade's "
                     "births (CBS) spread evenly over the other Dutch names of the sex (those of the other years' top 100s and of the datamimic-ce "
                     "and faker nl_NL lists, MIT; an illustrative split)",
                     f"names of the other sex (share < 1/10 of the other sex's in a decade) dropped: {', '.join(sorted(dropped[sex])) or 'none'}",
                     f"people born before {FIRST_DECADE} draw from given_name_{sex}_NL.csv, people born after {LAST_YEAR} from the {decades[-1]}s"],
                    ["given_name", "decade", "weight"], rows)
        write_value_weight(f"{P}given_name_{sex}_NL.csv",
                           [f"Source: {SOURCE}",
                            f"weight = the decades {FIRST_DECADE}-{decades[-1]} of given_name_by_decade_{sex}_NL summed: the people born "
                            f"{FIRST_DECADE}-{LAST_YEAR} at their births (no name counts of older people are published with births to "
                            "weigh them by; mortality and migration since birth not applied)",
                            f"Person draws NL given names from the birth decade and this table for people born before {FIRST_DECADE} "
                            "and entities without a birth date"],
                           all_ages[sex].items())
    write_decade_reference(REFERENCE, SOURCE, "people of the sex born in the decade registered with the name / CBS live births of the "
                           f"sex in the decade; top 10 (decade {FIRST_DECADE}-{LAST_YEAR}: all those decades, the all-ages table)",
                           "extract_nl_given_names.py", reference)


if __name__ == "__main__":
    main()
