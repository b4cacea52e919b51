"""CH given names by birth decade from the first names of the children born in the city of Zürich 1993-2015.

Writes common/person/given_name_by_decade_{male,female}_CH.csv and the test reference
tests/reference/ch_given_name_by_decade.csv. The all-ages given_name_{male,female}_CH.csv stay
as extract_person.py writes them: Person draws from them for people born before 1990.

Source: Statistik Stadt Zürich, "Vornamen von Neugeborenen mit Wohnsitz in der Stadt Zürich seit
1993" (data.stadt-zuerich.ch, dataset bev_vornamen_baby_od3700: every first name given to the
babies born to residents of the city in a year, with its count and sex, down to names given
once), in the copy `data/bev_vornamen_baby_seit1993.csv` (`"jahr","vorname","geschlecht","Anzahl"`,
births 1993-2015) of github.com/rvogtenh/parse_name-list at commit afbd81e (2019); licence CC0
(Stadt Zürich open government data). Copy it with
`git show afbd81e:data/bev_vornamen_baby_seit1993.csv > $DM_SRC/zurich/bev_vornamen_baby_seit1993.csv`
and run `python3 datasets/tools/extract_ch_given_names.py` (stdlib only).

The Federal Statistical Office's national first-name files (BFS, newborns by canton from 1987,
residents by year of birth) were not reachable (see datasets/SOURCES.md), so Zürich's births
stand in for Switzerland's, as Berlin's do for Germany: the largest city, German-speaking, with
more Italian, Portuguese and Balkan names and fewer French ones than the country. Decades:
1990 = the births of 1993-1999 (standing in for the whole decade), 2000 = 2000-2009, 2010 =
2010-2015. Names listed for both sexes are dropped from the sex where their share is below 1/10
of the other's, as for the US (Jannik among girls); then the PER_DECADE most common names per
decade and sex with the tail rule of extract_person.keep_tail_mass (the lists are complete, down
to names given once). Person draws CH given names of people born from 1990 from the birth
decade, the others from the all-ages table.
"""
from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from _lib import SRC, top_ten_shares, write_decade_reference, write_table
from extract_person import HEAD_SHARE, drop_cross_sex, keep_tail_mass

P = "common/person/"
SOURCE = ("Statistik Stadt Zürich, first names of the babies born to residents of the city of Zürich 1993-2015 "
          "(data.stadt-zuerich.ch bev_vornamen_baby_od3700), via rvogtenh/parse_name-list@afbd81e "
          "data/bev_vornamen_baby_seit1993.csv; CC0")
FILE = SRC / "zurich" / "bev_vornamen_baby_seit1993.csv"
DECADE_YEARS = {1990: range(1993, 2000), 2000: range(2000, 2010), 2010: range(2010, 2016)}
SEXES = {"männlich": "male", "weiblich": "female"}
PER_DECADE = 2000
REFERENCE = Path(__file__).resolve().parents[2] / "tests" / "reference" / "ch_given_name_by_decade.csv"


def births_by_name() -> dict[int, dict[str, Counter]]:
    """Decade -> sex -> first name -> babies of the sex born in the decade's years."""
    year_to_decade = {year: decade for decade, years in DECADE_YEARS.items() for year in years}
    out = {decade: {sex: Counter() for sex in SEXES.values()} for decade in DECADE_YEARS}
    years = set()
    with open(FILE, encoding="utf-8-sig") as f:
        rows = csv.reader(f)
        header = next(rows)
        assert header == ["jahr", "vorname", "geschlecht", "Anzahl"], header
        for line, row in enumerate(rows, start=2):
            if not row:
                continue
            year, name, sex, count = row
            assert sex in SEXES, (line, sex)
            name = name.strip()
            assert name and int(count) > 0, (line, name, count)
            years.add(int(year))
            out[year_to_decade[int(year)]][SEXES[sex]][name] += int(count)
    assert years == set(year_to_decade), sorted(years)
    return out


def main() -> None:
    counts = births_by_name()
    out = {"male": [], "female": []}
    dropped = {"male": set(), "female": set()}
    references = []
    for decade, by_sex in counts.items():
        m_items, f_items, drop_m, drop_f = drop_cross_sex(list(by_sex["male"].items()), list(by_sex["female"].items()))
        dropped["male"] |= set(drop_m)
        dropped["female"] |= set(drop_f)
        for sex, items in (("male", m_items), ("female", f_items)):
            items.sort(key=lambda r: (-r[1], r[0]))
            born = sum(by_sex[sex].values())
            kept = keep_tail_mass(items[:PER_DECADE], sum(count for _, count in items), round(PER_DECADE * HEAD_SHARE))
            out[sex] += [[name, decade, count] for name, count in kept]
            print(f"{decade}s {sex}: {born:,} births, {len(items):,} names, top {PER_DECADE} kept")
            if decade in (2000, 2010):
                references += top_ten_shares(decade, sex, dict(items), born)
    for sex, rows in out.items():
        write_table(f"{P}given_name_by_decade_{sex}_CH.csv",
                    [f"Source: {SOURCE}",
                     "decade = first year of the birth decade (1990 = the births of 1993-1999, the first years published; 2000 = 2000-2009; "
                     "2010 = 2010-2015); weight = babies of the sex born to residents of Zürich given the name as their first name; "
                     f"top {PER_DECADE} per decade: the first {round(PER_DECADE * HEAD_SHARE)} keep their counts, the rest carry the mass of "
                     "every name beyond the cut (scaled); Zürich's births stand in for Switzerland's (the BFS files were not reachable)",
                     f"names of the other sex (share < 1/10 of the other sex's) dropped: {len(dropped[sex])} names, "
                     f"{', '.join(sorted(dropped[sex])[:12]) or 'none'}",
                     f"people born before 1990 draw from given_name_{sex}_CH.csv"],
                    ["given_name", "decade", "weight"], rows)
    write_decade_reference(REFERENCE, SOURCE,
                           "babies of the sex born to residents of Zürich in the decade's years given the name as first name / all such babies; top 10",
                           "extract_ch_given_names.py", references)


if __name__ == "__main__":
    main()
