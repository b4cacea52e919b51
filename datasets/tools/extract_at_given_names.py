"""AT given names by birth decade from Statistik Austria's first names of live births (1984-2022).

Writes common/person/given_name_by_decade_{male,female}_AT.csv and the test reference
tests/reference/at_given_name_by_decade.csv. The all-ages given_name_{male,female}_AT.csv stay
as extract_person.py writes them: Person draws from them for people born before 1984, the first
year Statistik Austria publishes.

Source: Statistik Austria, "Vornamen der Lebendgeborenen" (open government data set
OGDEXT_VORNAMEN_1: first names of the live-born children of Austrian citizenship by year
1984-2022, sex and district of residence, with the normalised spelling of each name, so that
variants such as Hanna/Hannah are one name; CC BY 4.0, "Datenquelle: Statistik Austria"). Read
from the Parquet copy `public/OGDEXT_VORNAMEN_1.parquet` of
github.com/stefnotch/austria-name-vis at commit a063b2d (columns C-JAHR-0, C-WOHNBEZIRK-0,
C-GESCHLECHT-0 (1 male, 2 female), F-VORNAME_NORMALISIERT, F-ANZAHL_LGEB). Put it into
$DM_SRC/stat_at/ and run with pyarrow:
`/tmp/dmvenv/bin/python datasets/tools/extract_at_given_names.py`.

Per decade (1980 = 1984-1989, 1990, 2000, 2010, 2020 = 2020-2022) and sex: births summed over
the districts and the decade's years, names of the other sex dropped as for the US (share < 1/10
of the other sex's), then the top 1,000 with the tail rule of extract_person.keep_tail_mass.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

from _lib import SRC, top_ten_shares, write_decade_reference, write_table
from extract_person import HEAD_SHARE, drop_cross_sex, keep_tail_mass

P = "common/person/"
PER_DECADE = 1000
SOURCE = ("Statistik Austria, Vornamen der Lebendgeborenen 1984-2022 (OGDEXT_VORNAMEN_1, live births of Austrian "
          "citizenship, normalised spellings); CC BY 4.0, Datenquelle: Statistik Austria; via "
          "stefnotch/austria-name-vis@a063b2d public/OGDEXT_VORNAMEN_1.parquet")
REFERENCE = Path(__file__).resolve().parents[2] / "tests" / "reference" / "at_given_name_by_decade.csv"
SEX = {1: "male", 2: "female"}


def main() -> None:
    import pyarrow.parquet as pq

    table = pq.read_table(str(SRC / "stat_at" / "OGDEXT_VORNAMEN_1.parquet")).to_pydict()
    counts = defaultdict(Counter)
    years = set()
    for year, sex, name, n in zip(table["C-JAHR-0"], table["C-GESCHLECHT-0"],
                                  table["F-VORNAME_NORMALISIERT"], table["F-ANZAHL_LGEB"]):
        years.add(year)
        counts[(year // 10 * 10, SEX[sex])][name.strip()] += n
    decades = sorted({d for d, _ in counts})
    head = round(PER_DECADE * HEAD_SHARE)
    out = {"male": [], "female": []}
    for decade in decades:
        male, female = counts[(decade, "male")], counts[(decade, "female")]
        m_items, f_items, drop_m, drop_f = drop_cross_sex(list(male.items()), list(female.items()))
        for sex, items, dropped, all_counts in (("male", m_items, drop_m, male), ("female", f_items, drop_f, female)):
            total = sum(all_counts.values()) - sum(all_counts[n] for n in dropped)
            items.sort(key=lambda r: (-r[1], r[0]))
            for name, w in keep_tail_mass(items[:PER_DECADE], total, head):
                out[sex].append([name, decade, w])
    first, last = min(years), max(years)
    for sex, rows in out.items():
        write_table(f"{P}given_name_by_decade_{sex}_AT.csv",
                    [f"Source: {SOURCE}",
                     f"decade = first year of the birth decade ({decades[0]} covers {first}-{decades[0] + 9}, {decades[-1]} covers {decades[-1]}-{last}); "
                     "weight = live births given the name in the decade (published counts summed over districts and years); "
                     "names of the other sex (share < 1/10 of the other sex's) dropped",
                     f"per decade the top {PER_DECADE}: the first {head} keep their counts, the rest carry the mass of all names beyond the cut (scaled)",
                     f"people born before {first} draw from given_name_{sex}_AT.csv"],
                    ["given_name", "decade", "weight"], rows)
    rows = [row for decade in (1990, 2000) for sex in ("male", "female")
            for row in top_ten_shares(decade, sex, counts[(decade, sex)])]
    write_decade_reference(REFERENCE, SOURCE, "live births of the sex in the decade given the name / all listed births of the sex in the decade; top 10",
                           "extract_at_given_names.py", rows)


if __name__ == "__main__":
    main()
