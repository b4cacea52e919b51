"""DE given names by birth decade from the first names of the children born in Berlin 2017-2023.

Writes common/person/given_name_by_decade_{male,female}_DE.csv and the test reference
tests/reference/de_given_name_by_decade.csv. The all-ages given_name_{male,female}_DE.csv stay
as extract_person.py writes them: Person draws from them for people born before 2010.

Source: Landesamt für Bürger- und Ordnungsangelegenheiten Berlin (LABO), "Liste der häufigen
Vornamen" (daten.berlin.de: every first name given to the children registered at the
registry offices of Berlin's twelve districts in a year, with its count, sex and, from 2017,
its position among the child's names), as cleaned and published by BerlinOnline in
github.com/berlinonline/haeufige-vornamen-berlin at commit e8760a7 (`data/cleaned/<year>/<district>.csv`,
`vorname,anzahl,geschlecht,position`); licence CC BY 3.0 DE. Copy the years 2017-2023 into
$DM_SRC/berlin/<year>/ (`git show e8760a7:data/cleaned/2017/mitte.csv > $DM_SRC/berlin/2017/mitte.csv`,
and so on) and run `python3 datasets/tools/extract_de_given_names.py` (stdlib only).

No German statistics office publishes the names given in the whole country (the national
rankings come from private collections); Berlin's registry offices publish complete counts,
so Berlin's births stand in for Germany's. Only the first name (position 1) is counted,
which the files carry from 2017 (2012-2016 count a name in any position, so Marie, a usual
second name, would be inflated); Standesamt I (births abroad of Berlin residents, in the files
from 2021) is left out. Decades: 2010 = the births of 2017-2019 (the first years with
positions, standing in for the whole decade), 2020 = 2020-2023. Names listed for both sexes
dropped from the sex where their share is below 1/10 of the other's, as for the US; then the
PER_DECADE most common names per decade and sex with the tail rule of
extract_person.keep_tail_mass (the lists are complete, down to names given once: about 10,000
names per decade and sex, whose rarest carry little mass but most of the table's size). Person draws DE given names
of people born from 2010 from the birth decade, the others from the all-ages table.
"""
from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from _lib import SRC, top_ten_shares, write_decade_reference, write_table
from extract_person import HEAD_SHARE, drop_cross_sex, keep_tail_mass

P = "common/person/"
SOURCE = ("LABO Berlin, first names of the children registered in Berlin's 12 districts 2017-2023 (daten.berlin.de), "
          "via berlinonline/haeufige-vornamen-berlin@e8760a7 data/cleaned; CC BY 3.0 DE")
DECADE_YEARS = {2010: range(2017, 2020), 2020: range(2020, 2024)}
SEXES = {"m": "male", "w": "female"}
PER_DECADE = 3000
# Standesamt I registers births abroad, not births in a district of Berlin.
LEFT_OUT = {"standesamt_i.csv"}
REFERENCE = Path(__file__).resolve().parents[2] / "tests" / "reference" / "de_given_name_by_decade.csv"


def first_names(year: int) -> dict[str, Counter]:
    """Sex -> first name (position 1) -> children of the sex registered in `year`."""
    out = {sex: Counter() for sex in SEXES.values()}
    files = sorted(p for p in (SRC / "berlin" / str(year)).glob("*.csv") if p.name not in LEFT_OUT)
    assert len(files) == 12, (year, [p.name for p in files])
    for path in files:
        with open(path, encoding="utf-8") as f:
            rows = csv.reader(f)
            assert next(rows) == ["vorname", "anzahl", "geschlecht", "position"], path
            for name, count, sex, position in rows:
                if position == "1" and sex in SEXES:
                    out[SEXES[sex]][name.strip()] += int(count)
    return out


def main() -> None:
    counts = {}
    for decade, years in DECADE_YEARS.items():
        summed = {sex: Counter() for sex in SEXES.values()}
        for year in years:
            for sex, names in first_names(year).items():
                summed[sex].update(names)
        counts[decade] = summed
    out = {"male": [], "female": []}
    dropped = {"male": set(), "female": set()}
    references = []
    for decade, by_sex in counts.items():
        m_items, f_items, drop_m, drop_f = drop_cross_sex(list(by_sex["male"].items()), list(by_sex["female"].items()))
        dropped["male"] |= set(drop_m)
        dropped["female"] |= set(drop_f)
        for sex, items in (("male", m_items), ("female", f_items)):
            items.sort(key=lambda r: (-r[1], r[0]))
            kept = keep_tail_mass(items[:PER_DECADE], sum(count for _, count in items), round(PER_DECADE * HEAD_SHARE))
            out[sex] += [[name, decade, count] for name, count in kept]
            references += top_ten_shares(decade, sex, dict(items), sum(by_sex[sex].values()))
    for sex, rows in out.items():
        write_table(f"{P}given_name_by_decade_{sex}_DE.csv",
                    [f"Source: {SOURCE}",
                     "decade = first year of the birth decade (2010 = the births of 2017-2019, the first years the files give the name's position; "
                     f"2020 = 2020-2023); weight = children of the sex registered in Berlin given the name as their first name; top {PER_DECADE} per decade: "
                     f"the first {round(PER_DECADE * HEAD_SHARE)} keep their counts, the rest carry the mass of every name beyond the cut (scaled); "
                     "Berlin's births stand in for Germany's (no national statistic)",
                     f"names of the other sex (share < 1/10 of the other sex's) dropped: {len(dropped[sex])} names, "
                     f"{', '.join(sorted(dropped[sex])[:12]) or 'none'}",
                     f"people born before 2010 draw from given_name_{sex}_DE.csv"],
                    ["given_name", "decade", "weight"], rows)
    write_decade_reference(REFERENCE, SOURCE,
                           "children of the sex registered in Berlin in the decade's years given the name as first name / all such children; top 10",
                           "extract_de_given_names.py", references)


if __name__ == "__main__":
    main()
