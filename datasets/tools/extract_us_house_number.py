"""common/address/house_number_US.csv and tests/it/reference/house_numbers_US.csv. Stdlib only.

The house numbers of the OpenAddresses address points sampled by rrad@1.1.0 (see
extract_us_streets.py: 3,220 addresses of 15 states and DC, public domain), each weighted by its
state's 2020 population over the state's sample. US numbers run by block (1200 is the twelfth
block), so the table counts them by band of the leading digit: 1-9, 10-19, ..., 90-99,
100-199, ..., 900-999, 1000-1999, ..., 60000-65535; a number is drawn uniformly within its
band (a range row of `house_number`). The few sampled numbers above 65,535 (the largest a
house number may be here) are left out and said so in the table's header.
"""
from __future__ import annotations

from collections import defaultdict

from extract_us_streets import REFERENCE, SAMPLE, sample
from _lib import write_value_weight

LARGEST = 65_535
# Shares are written per million addresses.
SCALE = 1_000_000


def band(number: int) -> tuple[int, int]:
    """The band of `number`: 1-9, then by its leading digit (10-19, 100-199, 1000-1999, ...)."""
    if number < 10:
        return 1, 9
    step = 10 ** (len(str(number)) - 1)
    first = number // step * step
    return first, min(first + step - 1, LARGEST)


def main() -> None:
    weights: dict[tuple[int, int], float] = defaultdict(float)
    dropped = 0
    total = 0.0
    for number, _, weight in sample():
        if number is None or number == 0:
            continue
        if number > LARGEST:
            dropped += 1
            continue
        weights[band(number)] += weight
        total += weight
    rows = [(f"{first}-{last}", w / total * SCALE) for (first, last), w in weights.items()]
    write_value_weight("common/address/house_number_US.csv", [
        f"Source: {SAMPLE}",
        "weights: sampled addresses per million by band of the leading digit (a number drawn uniformly "
        f"within its band), each weighted by its state's 2020 population over the state's sample; "
        f"{dropped} sampled numbers above {LARGEST} left out"], rows)
    digits: dict[int, float] = defaultdict(float)
    for (first, _), w in weights.items():
        digits[len(str(first))] += w / total
    path = REFERENCE / "house_numbers_US.csv"
    lines = [f"# Source: {SAMPLE}, each address weighted by its state's 2020 population over the state's sample",
             "# Share of addresses whose house number has this many digits", "digits,share"]
    lines += [f"{d},{digits[d]:.6f}" for d in sorted(digits)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{path.name}: {len(digits)} rows; {dropped} dropped")


if __name__ == "__main__":
    main()
