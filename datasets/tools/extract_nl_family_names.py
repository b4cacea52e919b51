"""NL family names from the Nederlandse Familienamenbank (Meertens Instituut / CBG), 2007 counts.

Writes common/person/family_name_NL.csv and tests/reference/nl_family_name_share.csv.

Source: the counts of the Meertens Instituut's Nederlandse Familienamenbank (bearers of each
surname in the municipal population register GBA, 2007), as scraped into
github.com/digitalheir/family-names-in-the-netherlands at commit fa8c44e (MIT):
`top_1000_last_names_in_the_netherlands_2007.csv` (the 1,000 most common names with their 2007
counts, written in natural order: "van den Berg") and `family_names_freq_5_or_more.lst` (every
name with 5 or more bearers, without counts). Put both into $DM_SRC/meertens/ and run
`python3 datasets/tools/extract_nl_family_names.py` (stdlib only).

Rule: the 1,000 names keep their 2007 counts, so their shares of the population are the
published ones. The population's other bearers (the 2007 population minus the 1,000 names'
bearers) are spread evenly over every TAIL_STEP-th name of the names with 5 or more bearers that
are not among the 1,000 (alphabetical order): real Dutch surnames, with particles, at an even
weight because the scrape kept no counts for them (illustrative tail shape, published tail
mass). The 2007 population is CBS's 1 January 2007 figure, 16,357,992, **written from memory**
(no fetched file carried it).
"""
from __future__ import annotations

import csv
from pathlib import Path

from _lib import SRC, write_value_weight

MEERTENS = SRC / "meertens"
POPULATION_2007 = 16_357_992  # CBS, population on 1 January 2007 (from memory)
TAIL_STEP = 4
SOURCE = ("Meertens Instituut, Nederlandse Familienamenbank (surname bearers in the GBA, 2007), via "
          "digitalheir/family-names-in-the-netherlands@fa8c44e (MIT)")
REFERENCE = Path(__file__).resolve().parents[2] / "tests" / "reference" / "nl_family_name_share.csv"


def main() -> None:
    with open(MEERTENS / "top_1000_last_names_in_the_netherlands_2007.csv", encoding="utf-8") as f:
        head = [(r["natural name"].strip(), int(r["count in 2007"])) for r in csv.DictReader(f)]
    assert len(head) == 1000, len(head)
    listed = {name for name, _ in head}
    names = [line.strip() for line in (MEERTENS / "family_names_freq_5_or_more.lst").read_text(encoding="utf-8").splitlines()]
    others = sorted({n for n in names if n and n not in listed and "," not in n})
    tail = others[::TAIL_STEP]
    rest = POPULATION_2007 - sum(c for _, c in head)
    each = rest / len(tail)
    assert each < head[-1][1], (each, head[-1])
    write_value_weight(
        "common/person/family_name_NL.csv",
        [f"Source: {SOURCE}",
         f"weight = bearers in 2007: the 1,000 most common names with their published counts; every {TAIL_STEP}th of the other "
         f"{len(others):,} names with 5+ bearers (alphabetical) carries an even share ({each:.1f}) of the other "
         f"{rest:,} people of the 2007 population ({POPULATION_2007:,}, CBS 1 January 2007, written from memory)",
         "head: published counts; tail: real names, illustrative (even) weights, published mass"],
        head + [(n, each) for n in tail],
    )
    lines = [f"# {SOURCE}",
             f"# share = bearers in 2007 / {POPULATION_2007:,} (CBS population on 1 January 2007, written from memory); top 20",
             "# written by datasets/tools/extract_nl_family_names.py",
             "family_name,share"]
    lines += [f"{n},{c / POPULATION_2007:.7f}" for n, c in head[:20]]
    REFERENCE.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")
    print(f"tests/reference/{REFERENCE.name}: 20 rows")


if __name__ == "__main__":
    main()
