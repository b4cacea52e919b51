"""IT given names by birth decade from ISTAT's first names of the babies born 1999-2020.

Writes common/person/given_name_by_decade_{male,female}_IT.csv and the test reference
tests/reference/it_given_name_by_decade.csv. The all-ages given_name_{male,female}_IT.csv stay
as extract_person.py writes them: Person draws from them for people born before 1990 (ISTAT
publishes names from 1999) and for entities without a birth date.

Source: ISTAT, "Conta nomi" (names of the babies born each year in Italy, by sex, with their
count and their share of all births of the sex), as returned by the service behind
https://www.istat.it/dati/calcolatori/contanomi/ and saved per year in
`dataset/istat/contanomi_raw/list_<year>.json` of github.com/matteraggi/HDS_evolution_of_naming
(commit e3a31f1, scraped 2026). The service returns each year's names from the most common down
to a cut that varies by year (377 names in 1999, 5,577 in 2000, 137 in 2021; the listed names
hold 66-95 % of the births); each row's `percent` is of all births of the sex, so
count / percent gives the year's total. Copy the files into $DM_SRC/istat/
(`git show e3a31f1:dataset/istat/contanomi_raw/list_1999.json > $DM_SRC/istat/list_1999.json`
for 1999 ... 2020) and run with python3 (stdlib only).

Decades: 1990 = 1999, 2000 = 2000-2009, 2010 = 2010-2019, 2020 = 2020 (2021's list stops at
137 names, too short to add without biasing the decade towards its top names). Per decade and
sex: counts summed over the years (a name below a year's cut counts 0 there), names of the
other sex dropped as for the US (share < 1/10 of the other sex's), the top 1,000 with the tail
rule of extract_person.keep_tail_mass against the decade's total births. The lists of 1999 (377
names) and 2020 (466) are too short for that rule (their tail names would carry about 4x their
counts and outweigh the head), so their listed names keep their counts and their unlisted births
are spread over the names of a nearby longer list (2000, resp. 2015) that they do not list, in
proportion to the counts there (names given in a nearby year standing in for the ones below the
cut).

ISTAT writes names in capitals without accents (NICOLO), some with a final accent as an apostrophe
(NICOLO', GIOSUE'); names are title-cased with the accent restored, from the apostrophe (Nicolò,
Giosuè; José, René, André, Hervé, Chloé with the acute accent of their language) or, for
the plain spelling of the Italian names Nicolò, Niccolò, Giosuè, Mosè and Noè, from their
standard spelling, so that both spellings are one name. The few entries with other marks
(ALISON "SORAMIO, NICOL•) are recording errors and are dropped.
"""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from _lib import SRC, top_ten_shares, write_decade_reference, write_table
from extract_person import HEAD_SHARE, drop_cross_sex, keep_tail_mass

P = "common/person/"
PER_DECADE = 1000
FIRST_YEAR, LAST_YEAR = 1999, 2020
SOURCE = ("ISTAT, Conta nomi: first names of the babies born in Italy 1999-2020 by year and sex, with counts "
          "(each year's list cut by ISTAT's service at 246-5,577 names); CC BY 4.0 (ISTAT); via "
          "matteraggi/HDS_evolution_of_naming@e3a31f1 dataset/istat/contanomi_raw/list_<year>.json")
REFERENCE = Path(__file__).resolve().parents[2] / "tests" / "reference" / "it_given_name_by_decade.csv"
SEX = {"m": "male", "f": "female"}
# Decades whose lists are too short for the tail rule, and the nearby year whose longer list
# supplies the names below their cut.
STAND_IN_YEAR = {1990: 2000, 2020: 2015}
# Names whose final accent is acute in their language; every other final accent is grave (Italian).
ACUTE = {"JOSE", "RENE", "ANDRE", "HERVE", "CHLOE", "CLOE"}
GRAVE = {"A": "à", "E": "è", "I": "ì", "O": "ò", "U": "ù"}
# Italian names whose spelling carries a final accent, which ISTAT mostly writes without one
# (NICOLO beside NICOLO'): the plain spelling takes the accent, so both are one name.
ACCENTED = {"Nicolo": "Nicolò", "Niccolo": "Niccolò", "Giosue": "Giosuè", "Mose": "Mosè", "Noe": "Noè"}




def spelling(raw: str) -> str | None:
    """NICOLO' ANDREA and NICOLO ANDREA -> Nicolò Andrea; None for entries with marks that are
    not an accent."""
    words = []
    for word in raw.replace("`", "'").split():
        accent = word.endswith("'")
        word = word.rstrip("'")
        if not re.fullmatch(r"[A-Z]+", word):
            return None
        title = word[0] + word[1:].lower()
        if accent:
            last = word[-1]
            mark = "é" if last == "E" and word in ACUTE else GRAVE.get(last)
            if mark is None:
                return None
            title = title[:-1] + mark
        words.append(ACCENTED.get(title, title))
    return " ".join(words) or None


def read_years():
    """{year: {sex: Counter(name -> births)}} and {year: {sex: total births}}."""
    counts, totals = {}, {}
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        data = json.loads((SRC / "istat" / f"list_{year}.json").read_text(encoding="utf-8"))
        counts[year], totals[year] = {}, {}
        for key in ("0", "1"):
            rows = data[key]
            sex = SEX[rows[0]["gender"]]
            assert all(SEX[r["gender"]] == sex and r["year"] == year for r in rows), (year, key)
            # percent is of all births of the sex, listed or not.
            totals[year][sex] = round(rows[0]["count"] * 100 / rows[0]["percent"])
            names = Counter()
            for r in rows:
                name = spelling(r["name"])
                if name:
                    names[name] += r["count"]
            counts[year][sex] = names
    return counts, totals


def decade_of(year: int) -> int:
    return year // 10 * 10


def main() -> None:
    counts, totals = read_years()
    by_decade = defaultdict(Counter)
    decade_total = Counter()
    for year in counts:
        for sex in ("male", "female"):
            by_decade[(decade_of(year), sex)].update(counts[year][sex])
            decade_total[(decade_of(year), sex)] += totals[year][sex]
    decades = sorted({d for d, _ in by_decade})
    head = round(PER_DECADE * HEAD_SHARE)
    out = {"male": [], "female": []}
    # name -> births dropped from the sex's list (over all decades), to name the largest ones.
    dropped_names = {"male": Counter(), "female": Counter()}
    for decade in decades:
        male, female = by_decade[(decade, "male")], by_decade[(decade, "female")]
        m_items, f_items, drop_m, drop_f = drop_cross_sex(list(male.items()), list(female.items()))
        dropped_names["male"].update({n: male[n] for n in drop_m})
        dropped_names["female"].update({n: female[n] for n in drop_f})
        for sex, items, dropped, all_counts in (("male", m_items, drop_m, male), ("female", f_items, drop_f, female)):
            total = decade_total[(decade, sex)] - sum(all_counts[n] for n in dropped)
            items.sort(key=lambda r: (-r[1], r[0]))
            if len(items) >= PER_DECADE:
                rows = keep_tail_mass(items[:PER_DECADE], total, head)
            else:
                year = counts[STAND_IN_YEAR[decade]]
                other = year["female" if sex == "male" else "male"]
                # The stand-in year's own names of the other sex (a girl Luca there) stay out.
                stand_in = {n: c for n, c in year[sex].items() if other[n] < c}
                rows = items + stand_in_tail(items, stand_in, total, PER_DECADE - len(items), dropped)
            for name, w in rows:
                out[sex].append([name, decade, w])
    for sex, rows in out.items():
        write_table(f"{P}given_name_by_decade_{sex}_IT.csv",
                    [f"Source: {SOURCE}",
                     "decade = first year of the birth decade (1990 covers 1999 only, 2020 covers 2020 only); "
                     "weight = babies given the name in the decade (published counts summed over the years; a name below "
                     "a year's cut counts 0 that year); names of the other sex (share < 1/10 of the other sex's) dropped: "
                     f"{len(dropped_names[sex])} names, the most frequent "
                     + ", ".join(n for n, _ in sorted(dropped_names[sex].items(), key=lambda x: (-x[1], x[0]))[:12]),
                     f"per decade the top {PER_DECADE}: the first {head} keep their counts, the rest carry the mass of "
                     "all names beyond the cut (scaled); 1990 and 2020: the listed names keep their counts, the unlisted births "
                     "go to the names of the 2000 (resp. 2015) list that the year does not list, by their counts there",
                     f"people born before 1990 draw from given_name_{sex}_IT.csv"],
                    ["given_name", "decade", "weight"], rows)
    rows = [row for decade in (2000, 2010) for sex in ("male", "female")
            for row in top_ten_shares(decade, sex, by_decade[(decade, sex)], decade_total[(decade, sex)])]
    write_decade_reference(REFERENCE, SOURCE, "babies of the sex born in the decade given the name / all births of the sex in the decade "
                           "(ISTAT's totals); top 10", "extract_it_given_names.py", rows)


def stand_in_tail(items, stand_in, total, room, dropped):
    """The births beyond a short list's cut spread over the names of a nearby year's longer list
    that the short list lacks (not names dropped as the other sex's), by their counts there."""
    listed = {n for n, _ in items}
    rest = total - sum(c for _, c in items)
    stand_ins = sorted(((n, c) for n, c in stand_in.items() if n not in listed and n not in dropped),
                       key=lambda r: (-r[1], r[0]))[:room]
    assert stand_ins and rest > 0, (rest, len(stand_ins))
    factor = rest / sum(c for _, c in stand_ins)
    return [(n, max(1, round(c * factor))) for n, c in stand_ins]


if __name__ == "__main__":
    main()
