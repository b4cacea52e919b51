"""common/finance/cryptocurrency.csv (`code,name,weight`) and
tests/it/reference/cryptocurrency_market_cap.csv.

Faker's cryptocurrencies (faker@40.63.0 `faker/providers/currency/__init__.py`,
`cryptocurrencies`: the codes and names `cryptocurrency()` returns), each weighted by its market
capitalisation in US dollars on 1 October 2025, from CoinMarketCap's historical snapshot of that
day (the top 200 coins by market capitalisation), as saved in the public repository
`smoothbrainquant/trading-for-new-dads` at commit 6b3fa1e,
`data/raw/coinmarketcap_monthly_all_snapshots.csv` (`git show
6b3fa1e:data/raw/coinmarketcap_monthly_all_snapshots.csv >
$DM_SRC/cmc/coinmarketcap_monthly_all_snapshots.csv`).

A coin is found in the snapshot by its ticker; where Faker's code is not the ticker the coin
trades under, `TICKER` names it (Faker writes Decred DRC, NEM's token is XEM, EOS was renamed
Vaulta with ticker A in 2025). Coins outside the snapshot's top 200 were worth less than its
200th coin (US$216 M, under 0.01 % of the 200's total each); their market capitalisation is not
in the file, so they keep weight 0 (listed, never drawn) and the script says which.

Run: python3 datasets/tools/extract_cryptocurrency.py (stdlib; needs the faker wheel and the
snapshot file in $DM_SRC)
"""
from __future__ import annotations

import csv
from pathlib import Path

from _lib import SRC, write_table
from extract_faker_vocabularies import FAKER, faker

SNAPSHOT = SRC / "cmc/coinmarketcap_monthly_all_snapshots.csv"
DATE = "20251001"
REFERENCE = Path(__file__).resolve().parents[2] / "tests/it/reference/cryptocurrency_market_cap.csv"
SOURCE = ("CoinMarketCap historical snapshot of 1 October 2025 (top 200 coins by market capitalisation), "
          "as saved in smoothbrainquant/trading-for-new-dads@6b3fa1e data/raw/coinmarketcap_monthly_all_snapshots.csv")

# Faker's code -> the ticker the snapshot lists the same coin under.
TICKER = {"DRC": "DCR", "NEM": "XEM", "EOS": "A", "MSC": "OMNI"}


def market_caps() -> dict[str, int]:
    """Ticker -> market capitalisation (US$) on DATE."""
    with SNAPSHOT.open(encoding="utf-8") as f:
        rows = [row for row in csv.DictReader(f) if row["snapshot_date"] == DATE]
    assert len(rows) == 200, len(rows)
    caps = {}
    for row in rows:
        # A ticker two coins share keeps the larger (the snapshot lists none twice in 2025-10).
        caps[row["Symbol"]] = max(caps.get(row["Symbol"], 0), round(float(row["Market Cap"])))
    return caps


def main() -> None:
    caps = market_caps()
    coins = faker("currency", "cryptocurrencies")
    rows = []
    missing = []
    for code, name in coins:
        cap = caps.get(TICKER.get(code, code), 0)
        if cap == 0:
            missing.append(code)
        rows.append([code, name, cap])
    total = sum(cap for _, _, cap in rows)
    write_table(
        "common/finance/cryptocurrency.csv",
        [
            f"Source: {FAKER} faker/providers/currency/__init__.py cryptocurrencies (MIT; codes and names); "
            f"weights: {SOURCE}",
            "weight: market capitalisation in US dollars on 2025-10-01; 0 for a coin outside that day's top 200 "
            "(below US$216 M each, not drawn)",
        ],
        ["code", "name", "weight"],
        sorted(rows),
    )
    reference = ["# Source: " + SOURCE,
                 "# Each coin's share of the market capitalisation of Faker's coins (coins outside the top 200: 0)",
                 "code,share"]
    reference += [f"{code},{cap / total:.6f}" for code, _, cap in sorted(rows, key=lambda r: -r[2])]
    REFERENCE.write_text("\n".join(reference) + "\n", encoding="utf-8")
    print(f"{len(rows)} coins, {len(rows) - len(missing)} in the top 200; weight 0: {' '.join(missing)}")


if __name__ == "__main__":
    main()
