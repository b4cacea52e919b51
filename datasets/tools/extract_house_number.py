"""common/address/house_number_CH.csv and tests/it/reference/house_numbers_CH.csv. Stdlib only.

A count of all house numbers of Switzerland was published for four numbers (1, 12, 13, 14)
with the largest number in use. The numbers a street carries run from 1 up to its length, so
how often number k occurs is the number of streets reaching k: it falls with k. The table
takes an exponential fall, n(k) = A * exp(-(k-1)/scale), fitted by least squares on the
logarithms of the counts of 1, 12 and 14 (13 is left out: the source shows it avoided), keeps
the four published counts as they are, and stops at the largest published number.

Only Switzerland has such a count among the 12 countries (searched: address registers BAN,
BAG, GWR/Post, OS AddressBase, TIGER/NAD and OpenAddresses summaries, OSM house-number
statistics); the other countries keep the illustrative rule in `address.rs`.
"""
from __future__ import annotations

import math
from pathlib import Path

from _lib import write_value_weight

SOURCE = ("crow-ten GmbH, 'Sind die Schweizer abergläubisch? Eine Statistik der Hausnummern' "
          "(count of all Swiss house numbers, blog post on crow-ten.ch, read 2026)")
# Occurrences of each house number in Switzerland, as published (hand-transcribed).
PUBLISHED = {1: 81405, 12: 45238, 13: 33368, 14: 39183}
# "die höchste ist die Nummer 790"
LARGEST = 790
# Numbers the fit reads: 13 is depressed by superstition, as the source says.
FITTED_ON = (1, 12, 14)

REFERENCE = Path(__file__).resolve().parents[2] / "tests/it/reference/house_numbers_CH.csv"


def fit() -> tuple[float, float]:
    """(A, scale) of n(k) = A * exp(-(k-1)/scale), least squares on ln n."""
    xs = [k - 1 for k in FITTED_ON]
    ys = [math.log(PUBLISHED[k]) for k in FITTED_ON]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    return math.exp(my - slope * mx), -1.0 / slope


def main():
    a, scale = fit()
    rows = []
    for k in range(1, LARGEST + 1):
        rows.append((str(k), PUBLISHED.get(k, a * math.exp(-(k - 1) / scale))))
    write_value_weight(
        "common/address/house_number_CH.csv",
        [f"Source: {SOURCE}; counts of 1, 12, 13, 14 and the largest number (790) published",
         f"weights: published counts where published; elsewhere A*exp(-(k-1)/s), A={a:.1f}, s={scale:.3f}, "
         "fitted on the counts of 1, 12, 14 (extract_house_number.py); rows below 0.000001 dropped"],
        rows)
    lines = [f"# Source: {SOURCE}",
             "# Occurrences of these house numbers among all Swiss addresses, as published",
             "number,count"]
    lines += [f"{k},{n}" for k, n in sorted(PUBLISHED.items())]
    REFERENCE.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
