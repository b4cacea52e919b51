"""common/address/city_CC.csv fitted to the published state populations of state_CC.csv, for
the countries whose state table carries a statistics office's figures (GB ES AT CH IT PL SE;
VN is fitted by extract_vn_address.py).

The city table spreads what GeoNames does not list (the villages) evenly over the unmatched
postal places of the whole country, so a region of many small postal places got too many
addresses (PL Podlasie twice its population). Here, per state, the rows of the places over
100,000 inhabitants (tests/it/reference/large_cities_CC.csv) keep their weights and the other
rows are scaled so that the state adds up to its published population; where the large places
alone exceed it, every row of the state is scaled.

Rerun after extract_address.py and extract_state_population.py:
`python3 datasets/tools/fit_cities_to_states.py` (stdlib; idempotent).
"""
from __future__ import annotations

import csv
from collections import defaultdict

from _lib import DATASETS, write_table
from state_population import PUBLISHED

REFERENCE = DATASETS.parent / "tests/it/reference"
NOTE = ("fitted per state to state_{cc}.csv's published population: the rows of places over 100,000 keep their "
        "weight, the others scaled (datasets/tools/fit_cities_to_states.py)")


def read(path):
    """(# comment lines, header, rows) of a table."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    comments = [line[2:] for line in lines if line.startswith("# ")]
    rows = list(csv.reader(line for line in lines if not line.startswith("#")))
    return comments, rows[0], rows[1:]


def fit(cc: str) -> dict[str, float]:
    """Rewrites city_CC.csv; returns the scale applied to each state's small places."""
    comments, header, rows = read(DATASETS / f"common/address/city_{cc}.csv")
    _, _, states = read(DATASETS / f"common/address/state_{cc}.csv")
    published = {code: float(weight) for code, _, weight in states}
    _, _, large = read(REFERENCE / f"large_cities_{cc}.csv")
    large = {(city, state) for city, state, *_ in large}
    city, state, weight = header.index("city"), header.index("state_code"), header.index("weight")
    fixed, scalable = defaultdict(float), defaultdict(float)
    for r in rows:
        (fixed if (r[city], r[state]) in large else scalable)[r[state]] += float(r[weight])
    assert set(fixed) | set(scalable) <= set(published), (cc, set(fixed) | set(scalable) - set(published))
    scale, scale_all = {}, {}
    for code, population in published.items():
        if scalable[code] and population > fixed[code]:
            scale[code], scale_all[code] = (population - fixed[code]) / scalable[code], 1.0
        else:  # the large places alone reach the published figure (or the state has only them)
            scale[code] = scale_all[code] = population / (fixed[code] + scalable[code])
    out = []
    for r in rows:
        factor = scale_all[r[state]] if (r[city], r[state]) in large else scale[r[state]]
        r = list(r)
        r[weight] = float(r[weight]) * factor
        out.append(r)
    note = NOTE.format(cc=cc)
    write_table(f"common/address/city_{cc}.csv", [c for c in comments if c != note] + [note], header, out)
    return scale


def main() -> None:
    for cc in sorted(PUBLISHED):
        scale = fit(cc)
        extremes = sorted(scale.items(), key=lambda kv: kv[1])
        print(f"{cc}: small places scaled by {extremes[0]} ... {extremes[-1]}")


if __name__ == "__main__":
    main()
