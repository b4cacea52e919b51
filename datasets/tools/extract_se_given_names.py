"""SE given names from SCB's name statistics: by birth decade (newborns 1998-2022) and all ages.

Writes common/person/given_name_by_decade_{male,female}_SE.csv, the all-ages
common/person/given_name_{male,female}_SE.csv and the test reference
tests/reference/se_given_name_by_decade.csv.

Source: Statistics Sweden (SCB), name statistics, "Nyfödda – tilltalsnamn, alfabetisk
översikt" (`be0001namntab11-2022` girls, `be0001namntab12-2022` boys: the first name in use
(tilltalsnamn) of the children born in each year 1998-2022, every name given to at least 10
children of the sex in some year; "-" = fewer than 10 that year, not published). SCB's open
data, free reuse with attribution ("Källa: SCB"). Read from the CSV copies (title rows cut,
one row per name, 25 yearly columns 1998 ... 2022) in `src/` of
github.com/0n10n7/Logistiksystem at commit a5a158a: put both files into $DM_SRC/scb/ and run
`python3 datasets/tools/extract_se_given_names.py` (stdlib only).

Per period (1998 = 1998-1999, then the decades 2000, 2010 and 2020 = 2020-2022) and sex: the published yearly
counts summed, names of the other sex dropped as for the US (share < 1/10 of the other sex's),
every listed name kept (no cut). The names given to fewer than 10 children in a year are not
published, so a share is a share of the children whose name SCB lists (about 88 % of the
births); SCB's birth totals were not in the copy. Person draws SE given names from the birth
decade; people born before 1998 take the all-ages table.

All ages: SCB, "Förnamn, antal bärare" (statistical database, everyone registered in Sweden
at the end of 2020 by each of their first names, any position; ".." = fewer than 10 bearers,
not published), as exported to `names/swedish_{female,male}.csv` (ISO-8859-1, `"förnamn";"2020"`)
of github.com/juhosalmi/name_generator at commit 0c8041f; put both into $DM_SRC/scb/fornamn/.
A person with three first names counts under each, so second names (Maria, Elisabeth) and
fathers' names carried as a second first name (women's Ali, Mohamed) weigh in: a name listed
for both sexes is dropped where its share is below half of the other sex's. The ALL_AGES
most common names per sex with the tail rule of extract_person.keep_tail_mass (total = all
published bearers). This table serves people born before 1998 and entities without a birth
date.
"""
from __future__ import annotations

import csv
from collections import Counter, defaultdict
from pathlib import Path

from _lib import SRC, title_name, top_ten_shares, write_decade_reference, write_table, write_value_weight
from extract_person import HEAD_SHARE, PACKAGE_CROSS_SEX_RATIO, drop_cross_sex, keep_tail_mass

P = "common/person/"
FIRST_YEAR = 1998
FILES = {"female": "be0001namntab11-2022.csv", "male": "be0001namntab12-2022.csv"}
SOURCE = ("SCB (Statistics Sweden), Nyfödda - tilltalsnamn 1998-2022 (be0001namntab11/12-2022, names given to "
          "10+ children of a sex in a year); Källa: SCB; via 0n10n7/Logistiksystem@a5a158a src/")
ALL_AGES = 5000
ALL_AGES_SOURCE = ("SCB (Statistics Sweden), Förnamn - antal bärare 2020 (registered population, every first name); "
                   "Källa: SCB; via juhosalmi/name_generator@0c8041f names/swedish_{female,male}.csv")
REFERENCE = Path(__file__).resolve().parents[2] / "tests" / "reference" / "se_given_name_by_decade.csv"


def yearly_counts(sex: str) -> dict[int, Counter]:
    """Year -> name -> children of `sex` born that year given the name."""
    out: dict[int, Counter] = defaultdict(Counter)
    with open(SRC / "scb" / FILES[sex], encoding="utf-8") as f:
        for row in csv.reader(f):
            if not row or not row[0].strip():
                continue
            name = title_name(row[0].strip())
            cells = row[1:26]
            assert len(cells) == 25, (FILES[sex], row[0])
            for offset, cell in enumerate(cells):
                if cell.strip() not in ("-", ""):
                    out[FIRST_YEAR + offset][name] += int(cell.replace(" ", ""))
    return out


def bearers(sex: str) -> list[tuple[str, int]]:
    """(first name, people registered at the end of 2020 carrying it), suppressed counts left out."""
    out: Counter = Counter()
    with open(SRC / "scb" / "fornamn" / f"swedish_{sex}.csv", encoding="latin-1") as f:
        rows = csv.reader(f, delimiter=";")
        assert next(rows) == ["förnamn", "2020"]
        for name, count in rows:
            if count.strip() != "..":
                out[name.strip()] += int(count)
    return list(out.items())


def all_ages() -> None:
    male, female = bearers("male"), bearers("female")
    m_items, f_items, drop_m, drop_f = drop_cross_sex(male, female, PACKAGE_CROSS_SEX_RATIO)
    for sex, items, dropped in (("male", m_items, drop_m), ("female", f_items, drop_f)):
        total = sum(count for _, count in items)
        items.sort(key=lambda r: (-r[1], r[0]))
        head = round(ALL_AGES * HEAD_SHARE)
        write_value_weight(
            f"{P}given_name_{sex}_SE.csv",
            [f"Source: {ALL_AGES_SOURCE}",
             f"weight = people carrying the first name (any position) at the end of 2020; top {ALL_AGES}: the first {head} keep "
             f"their counts, the rest carry the mass of all {total:,} published bearers beyond the cut (scaled)",
             f"dropped as names of the other sex (share < 1/{PACKAGE_CROSS_SEX_RATIO} of the other sex's): {len(dropped)} names, "
             f"the most borne here: {', '.join(sorted(dropped, key=lambda n: -dict(male if sex == 'male' else female).get(n, 0))[:12])}",
             "Person draws SE given names of people born from 1998 from given_name_by_decade_*_SE (the birth decade)"],
            keep_tail_mass(items[:ALL_AGES], total, head))


def period_start(year: int) -> int:
    """The first year of `year`'s period: its decade, except that SCB's first two years form a
    period of their own (1998), so that people born 1990-1997 are not given 1998's names."""
    return max(year // 10 * 10, FIRST_YEAR)


def main() -> None:
    counts = defaultdict(Counter)
    for sex in FILES:
        for year, names in yearly_counts(sex).items():
            counts[(period_start(year), sex)].update(names)
    decades = sorted({d for d, _ in counts})
    out = {"male": [], "female": []}
    dropped_all = {"male": set(), "female": set()}
    for decade in decades:
        male, female = counts[(decade, "male")], counts[(decade, "female")]
        m_items, f_items, drop_m, drop_f = drop_cross_sex(list(male.items()), list(female.items()))
        dropped_all["male"] |= set(drop_m)
        dropped_all["female"] |= set(drop_f)
        for sex, items in (("male", m_items), ("female", f_items)):
            items.sort(key=lambda r: (-r[1], r[0]))
            out[sex] += [[name, decade, count] for name, count in items]
    for sex, table in out.items():
        write_table(f"{P}given_name_by_decade_{sex}_SE.csv",
                    [f"Source: {SOURCE}",
                     "decade = first year of the birth period (1998 covers 1998-1999, then decades; 2020 covers 2020-2022); weight = children of the sex "
                     "born in the decade given the name (published yearly counts of 10+, summed); every listed name kept",
                     f"names of the other sex (share < 1/10 of the other sex's) dropped: {', '.join(sorted(dropped_all[sex])) or 'none'}"],
                    ["given_name", "decade", "weight"], table)
    rows = [row for decade in (2000, 2010) for sex in ("male", "female")
            for row in top_ten_shares(decade, sex, counts[(decade, sex)])]
    write_decade_reference(REFERENCE, SOURCE, "children of the sex born in the decade given the name / all listed children of the sex born in the decade; top 10",
                           "extract_se_given_names.py", rows)
    all_ages()


if __name__ == "__main__":
    main()
