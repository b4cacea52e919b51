"""Times `PersonService(dataset="US", rng=Random(42)).generate_batch(count=N)` and reading
every record with `to_dict()`, for datamimic and, in the same run, DATAMIMIC CE; and
datamimic's `generate_arrow(count=N)`.

    python person_batch.py [--count 100000] [--ce-python /path/to/venv-with-datamimic-ce/bin/python]

The interpreter running this script must have `datamimic` installed (a release build:
`pip install ./datamimic-py`, and pyarrow for the Arrow figure); `--ce-python` is an
interpreter with `datamimic-ce` installed. Each implementation runs in its own process, one
after the other. Wall time and the process's CPU time (all threads) are reported: on a shared
machine the CPU time is the steadier figure.
"""

import argparse
import json
import subprocess
import sys

MEASURE = r"""
import json, sys, time
from random import Random
if sys.argv[1] == "ce":
    from datamimic_ce.domains.common.services import PersonService
else:
    from datamimic.domains.common.services import PersonService
count = int(sys.argv[2])

def timed(work):
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    return result, time.perf_counter() - wall, time.process_time() - cpu

service = PersonService(dataset="US", rng=Random(42))
people, batch, batch_cpu = timed(lambda: service.generate_batch(count=count))
rows, dicts, dicts_cpu = timed(lambda: [p.to_dict() for p in people])
assert len(rows) == count and all(r["given_name"] for r in rows)
result = {"batch": [batch, batch_cpu], "to_dict": [dicts, dicts_cpu]}
if sys.argv[1] != "ce":
    try:
        import pyarrow
    except ImportError:
        pyarrow = None
    if pyarrow is not None:
        arrow_service = PersonService(dataset="US", rng=Random(42))
        table, arrow, arrow_cpu = timed(lambda: arrow_service.generate_arrow(count=count))
        assert table.num_rows == count
        result["arrow"] = [arrow, arrow_cpu]
print(json.dumps(result))
"""


def measure(python: str, which: str, count: int) -> dict:
    out = subprocess.run([python, "-c", MEASURE, which, str(count)], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--ce-python")
    args = parser.parse_args()
    results = {"datamimic": measure(sys.executable, "datamimic", args.count)}
    if args.ce_python:
        results["datamimic-ce"] = measure(args.ce_python, "ce", args.count)
    for name, r in results.items():
        for i, kind in enumerate(["wall", "cpu"]):
            total = r["batch"][i] + r["to_dict"][i]
            print(
                f"{name:13} {kind:4}  generate_batch {r['batch'][i]:8.3f} s  + to_dict {r['to_dict'][i]:8.3f} s"
                f"  = {total:8.3f} s  ({args.count / total:,.0f} persons/s)"
            )
        if "arrow" in r:
            print(f"{name:13} generate_arrow  wall {r['arrow'][0]:8.3f} s  cpu {r['arrow'][1]:8.3f} s")
    if "datamimic-ce" in results:
        ours, theirs = results["datamimic"], results["datamimic-ce"]
        for i, kind in enumerate(["wall", "cpu"]):
            print(f"ratio ({kind}) generate_batch: {theirs['batch'][i] / ours['batch'][i]:,.1f}x")
            print(f"ratio ({kind}) to_dict: {theirs['to_dict'][i] / ours['to_dict'][i]:,.1f}x")
            both = (theirs["batch"][i] + theirs["to_dict"][i]) / (ours["batch"][i] + ours["to_dict"][i])
            print(f"ratio ({kind}) generate_batch + to_dict: {both:,.1f}x")
            if "arrow" in ours:
                print(f"ratio ({kind}) CE generate_batch + to_dict vs generate_arrow: {(theirs['batch'][i] + theirs['to_dict'][i]) / ours['arrow'][i]:,.1f}x")


if __name__ == "__main__":
    main()
