"""Check the 63 provincial populations of the VN 2019 census in extract_vn_address.py.

GSO's provincial table (*Kết quả toàn bộ Tổng điều tra dân số và nhà ở năm 2019*) was not
reachable from the build machine, so the figures were hand-transcribed. This script checks
them against the census's ward-level population counts, which GSO published in its census
data portal (portal.thongke.gov.vn/khodulieudanso2019) and which are copied, ward by ward with
urban and rural counts, in `hgscarlette/wcmmap-app@43d7603` `data/VN_Population_ward.csv`
(11,165 wards and communes; built from the portal by its author, not by GSO). The wards of
each province are summed and compared with PROVINCES; the national sum must be GSO's
published 96,208,984 too, so no ward is missing or counted twice.

Regional and provincial cross-checks found on the way: the six regional totals GSO published
with the preliminary results (Red River Delta 22,543,607, North Central and Central Coast
20,187,293, Southeast 17,828,907, Central Highlands 5,842,681) and Vĩnh Phúc's own census
report (Ban chỉ đạo TĐT tỉnh Vĩnh Phúc, No. 37/BC-BCĐT, 18 October 2019: 1,151,154, its nine
districts as in the ward file).

Rerun: `git clone https://github.com/hgscarlette/wcmmap-app`, then
`git -C wcmmap-app show 43d7603:data/VN_Population_ward.csv > $DM_SRC/VN_Population_ward.csv`,
then `python3 datasets/tools/check_vn_census_provinces.py` (stdlib only; exit 1 on a difference).
"""
from __future__ import annotations

import csv
import sys
import unicodedata
from collections import defaultdict

from _lib import SRC
from extract_vn_address import CENSUS_TOTAL, PROVINCES

WARDS = SRC / "VN_Population_ward.csv"


def key(name: str) -> str:
    """A province name without spaces, hyphens and diacritics: the ward file writes
    `BàRịa-VũngTàu` and `HoàBình` where the table writes `Bà Rịa - Vũng Tàu` and `Hòa Bình`."""
    plain = "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))
    return "".join(c for c in plain.replace("Đ", "D").replace("đ", "d") if c.isalnum()).lower()


def main() -> None:
    if not WARDS.exists():
        sys.exit(f"missing {WARDS}: see the Rerun line of this script's docstring")
    summed: dict[str, int] = defaultdict(int)
    with open(WARDS, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            summed[key(row["city"])] += int(row["total"])
    by_key = {key(name): code for code, (name, *_rest) in PROVINCES.items()}
    assert len(by_key) == len(PROVINCES) == 63, "two province names fold to one key"
    if set(summed) != set(by_key):
        sys.exit(f"provinces differ: ward file only {sorted(set(summed) - set(by_key))}, "
                 f"table only {sorted(set(by_key) - set(summed))}")
    differences = [(by_key[k], PROVINCES[by_key[k]][0], PROVINCES[by_key[k]][1], summed[k])
                   for k in sorted(summed) if summed[k] != PROVINCES[by_key[k]][1]]
    for code, name, table, wards in differences:
        print(f"{code} {name}: table {table}, wards add up to {wards} ({table - wards:+})")
    national = sum(summed.values())
    print(f"wards: {national} people in {len(summed)} provinces (GSO total {CENSUS_TOTAL}); "
          f"{63 - len(differences)} of 63 provinces agree")
    if differences or national != CENSUS_TOTAL:
        sys.exit(1)


if __name__ == "__main__":
    main()
