"""common/net/user_agent.csv: browser user-agent strings with their share of real-world web
traffic, from the npm package user-agents@2.1.198 (Intoli, BSD-2-Clause, released
2026-09-29; `dist/user-agents.json`: 10,000 browser profiles sampled from traffic, each with
its weight). Profiles with the same user agent and device category are merged (weights
summed); the weight written is the share in percent.

Run: (cd $DM_SRC && npm pack user-agents@2.1.198 && tar xzf user-agents-2.1.198.tgz)
     python3 datasets/tools/extract_user_agent.py
"""
from __future__ import annotations

import json
from collections import defaultdict

from _lib import SRC, write_table

PROFILES = SRC / "package" / "dist" / "user-agents.json"


def main() -> None:
    if not PROFILES.exists():
        raise SystemExit(f"missing {PROFILES}: see the module docstring")
    shares: dict[tuple[str, str], float] = defaultdict(float)
    for profile in json.loads(PROFILES.read_text(encoding="utf-8")):
        shares[(profile["userAgent"], profile["deviceCategory"])] += profile["weight"]
    rows = sorted(
        ([agent, device, share * 100] for (agent, device), share in shares.items()),
        key=lambda r: (-r[2], r[0], r[1]),
    )
    write_table(
        "common/net/user_agent.csv",
        [
            "Source: npm user-agents@2.1.198 (Intoli, BSD-2-Clause, 2026-09-29) dist/user-agents.json: browser profiles sampled from real-world traffic",
            "weight: share of the sampled traffic in percent (profiles with the same user agent and device category summed)",
        ],
        ["user_agent", "device_category", "weight"],
        rows,
    )


if __name__ == "__main__":
    main()
