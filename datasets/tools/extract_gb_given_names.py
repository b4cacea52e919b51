"""GB given names by birth decade from the Office for National Statistics (England and Wales).

Writes common/person/given_name_by_decade_{male,female}_GB.csv, the all-ages
common/person/given_name_{male,female}_GB.csv (decades 1940-2000 weighted equally) and the test reference
tests/reference/gb_given_name_by_decade.csv.

Sources (ONS, Open Government Licence v3.0), the original spreadsheets as ONS published them:
- "Baby names in England and Wales" 1996-2020, one workbook per year and sex (`B1996.xls`,
  `G1996.xls`, ...): every first name given to at least 3 babies of the sex in the year, with
  its count;
- "Top 100 baby names, historical data" (`historic.xls`): the top 100 names of each sex for
  1904, 1914, ..., 1994, ranks only.
Copies of these files are in github.com/lvalnegri/data-uk_babynames at commit e76127d
(`data-raw/ori/ENG-WLS/`); put them into $DM_SRC/ons/ and run with xlrd installed:
`/tmp/dmvenv/bin/pip install xlrd==2.0.1; /tmp/dmvenv/bin/python datasets/tools/extract_gb_given_names.py`.

Decades 1990 (1996-1999 only), 2000, 2010 and 2020 (2020 only) are **published** counts: per
decade and sex the top 1,000 names with the tail rule of extract_person.keep_tail_mass (the
first 200 keep their counts, the rest carry the mass of every name beyond the cut).

Decades 1900 to 1980 have ranks only. Each takes the top 100 of its year (1904 for the 1900s,
...), weighted by the share the same rank had in 1996, the first year with counts (**derived**:
an assumption that the rank-share curve of 1996 held earlier; earlier decades concentrated more
on their top names, so their heads are if anything too light). The mass beyond rank 100 in 1996
is spread over the names of the top-100 lists of the neighbouring years (±20 years) that are
not in the decade's own list, by the 1996 share of their rank there plus 100 (period names,
not modern ones): an **illustrative** tail shape with the published tail mass.
"""
from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from _lib import SRC, title_name, top_ten_shares, write_decade_reference, write_table, write_value_weight
from extract_person import HEAD_SHARE, drop_cross_sex, keep_tail_mass

try:
    import xlrd
except ImportError:
    sys.exit("needs xlrd: /tmp/dmvenv/bin/pip install xlrd==2.0.1 and run with /tmp/dmvenv/bin/python")

ONS = SRC / "ons"
P = "common/person/"
PER_DECADE = 1000
HISTORIC_NEIGHBOURS = 20
NAME = re.compile(r"^[A-Za-z][A-Za-z' -]*[A-Za-z]$")
SOURCE = ("Office for National Statistics, Baby names in England and Wales 1996-2020 (annual "
          "workbooks, names given to 3+ babies) and Top 100 baby names historical data 1904-1994; "
          "Open Government Licence v3.0")
REFERENCE = Path(__file__).resolve().parents[2] / "tests" / "reference" / "gb_given_name_by_decade.csv"


def year_counts(path: Path) -> Counter:
    """The full name list of one ONS workbook: the sheet with the most rows, where a row's
    first name-like text cell is followed by its count."""
    book = xlrd.open_workbook(str(path))
    sheet = max(book.sheets(), key=lambda s: s.nrows)
    counts = Counter()
    for r in range(sheet.nrows):
        row = sheet.row_values(r)
        for i, cell in enumerate(row[:-1]):
            if isinstance(cell, str) and NAME.match(cell.strip()) and cell.strip().isupper():
                count = row[i + 1]
                if isinstance(count, float) and count >= 1:
                    counts[title_name(cell.strip())] += int(count)
                break
    assert sum(counts.values()) > 100_000, (path, sum(counts.values()))
    return counts


def historic() -> dict[tuple[int, str], list[str]]:
    book = xlrd.open_workbook(str(ONS / "historic.xls"))
    out = {}
    for sheet, sex in (("Boys", "male"), ("Girls", "female")):
        s = book.sheet_by_name(sheet)
        header = next(r for r in range(s.nrows) if str(s.row_values(r)[0]).strip().upper() == "RANK")
        years = [int(y) for y in s.row_values(header)[1:] if isinstance(y, float)]
        for col, year in enumerate(years, start=1):
            names = []
            for r in range(header + 1, s.nrows):
                rank, name = s.row_values(r)[0], s.row_values(r)[col]
                if isinstance(rank, float) and isinstance(name, str) and name.strip():
                    names.append(title_name(name.strip()))
            assert len(names) == 100, (sex, year, len(names))
            out[(year, sex)] = names
    return out


def main() -> None:
    counts = defaultdict(Counter)  # (decade, sex) -> name -> births
    first_year = {}
    for year in range(1996, 2021):
        for prefix, sex in (("B", "male"), ("G", "female")):
            c = year_counts(ONS / f"{prefix}{year}.xls")
            counts[(year // 10 * 10, sex)].update(c)
            if year == 1996:
                first_year[sex] = c
    out = {"male": [], "female": []}
    head = round(PER_DECADE * HEAD_SHARE)
    # Historic decades: the 1996 rank-share curve.
    curve = {}
    for sex, c in first_year.items():
        total = sum(c.values())
        curve[sex] = [n / total for _, n in sorted(c.items(), key=lambda x: (-x[1], x[0]))]
    lists = historic()
    scale = 1_000_000  # per-decade weight total of the historic decades
    for (year, sex), names in sorted(lists.items()):
        decade = year // 10 * 10
        if decade >= 1990:
            continue  # counted decades
        shares = {n: curve[sex][i] for i, n in enumerate(names)}
        tail_mass = 1 - sum(shares.values())
        tail = {}
        for (other_year, other_sex), other in lists.items():
            if other_sex == sex and other_year != year and abs(other_year - year) <= HISTORIC_NEIGHBOURS:
                for rank, n in enumerate(other):
                    if n not in shares:
                        tail[n] = max(tail.get(n, 0.0), curve[sex][100 + rank])
        tail_sum = sum(tail.values())
        rows = [(n, round(s * scale)) for n, s in shares.items()]
        rows += [(n, max(1, round(s / tail_sum * tail_mass * scale))) for n, s in tail.items()]
        rows.sort(key=lambda r: (-r[1], r[0]))
        out[sex] += [[n, decade, w] for n, w in rows]
    # Counted decades.
    for decade in (1990, 2000, 2010, 2020):
        male, female = counts[(decade, "male")], counts[(decade, "female")]
        m_items, f_items, drop_m, drop_f = drop_cross_sex(list(male.items()), list(female.items()))
        for sex, items, dropped, all_counts in (("male", m_items, drop_m, male), ("female", f_items, drop_f, female)):
            total = sum(all_counts.values()) - sum(all_counts[n] for n in dropped)
            items.sort(key=lambda r: (-r[1], r[0]))
            for name, w in keep_tail_mass(items[:PER_DECADE], total, head):
                out[sex].append([name, decade, w])
    for sex, rows in out.items():
        rows.sort(key=lambda r: (r[1], -r[2], r[0]))
        write_table(f"{P}given_name_by_decade_{sex}_GB.csv",
                    [f"Source: {SOURCE}",
                     "decade = first year of the birth decade; 1990 covers 1996-1999 and 2020 the year 2020; weight = births given the name (published counts)",
                     f"1990-2020: per decade the top {PER_DECADE}: the first {head} keep their counts, the rest carry the mass of all names beyond the cut (scaled); names of the other sex (share < 1/10 of the other sex's) dropped",
                     f"1900-1980: the top 100 of 1904, ..., 1984 (ranks only) weighted by the 1996 share of the same rank (derived); the mass beyond rank 100 spread over the top-100 names of the years within {HISTORIC_NEIGHBOURS} years not in the list (illustrative tail shape); weights per decade sum to about {scale:,}"],
                    ["given_name", "decade", "weight"], rows)
    # All ages: the people born 1940-2009, each decade's shares weighted equally (ONS has no
    # counts before 1996, so births per decade cannot weight them).
    for sex, rows in out.items():
        mix = Counter()
        for decade in range(1940, 2010, 10):
            part = [(n, w) for n, d, w in rows if d == decade]
            total = sum(w for _, w in part)
            for n, w in part:
                mix[n] += w / total * 1_000_000
        items = sorted(mix.items(), key=lambda x: (-x[1], x[0]))
        write_value_weight(
            f"{P}given_name_{sex}_GB.csv",
            [f"Source: {SOURCE}",
             "weight = mean share over the birth decades 1940-2000 of given_name_by_decade (people aged about 15-85; each decade weighted equally, an assumption) x 1,000,000",
             "Person draws GB given names from given_name_by_decade_*_GB (the birth decade); this table serves the entities without a birth date"],
            items,
        )
    reference(counts, lists)


def reference(counts, lists) -> None:
    """Published figures for tests/it/real_names.rs: the 2000s top 10 per sex with their shares
    of all listed births, and the 1964 and 1984 top 10 (ranks only)."""
    rows = [row for sex in ("male", "female") for row in top_ten_shares(2000, sex, counts[(2000, sex)])]
    rows += [f"{year // 10 * 10},{sex},{name}," for year in (1964, 1984) for sex in ("male", "female")
             for name in lists[(year, sex)][:10]]
    write_decade_reference(REFERENCE, SOURCE, "births of the sex 2000-2009 given the name / all births of the sex listed by ONS; "
                           "rank lists of 1964 and 1984 have no share (empty)", "extract_gb_given_names.py", rows)


if __name__ == "__main__":
    main()
