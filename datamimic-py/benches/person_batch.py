"""Times `PersonService(dataset="US", rng=Random(42)).generate_batch(count=N)` and reading
every record with `to_dict()`, for datamimic and, in the same run, DATAMIMIC CE; and
datamimic's `generate_arrow(count=N)`.

    python person_batch.py [--count 100000] [--ce-python /path/to/venv-with-datamimic-ce/bin/python]
                           [--callgrind] [--callgrind-count 20000] [--callgrind-ce-count 1000]

The interpreter running this script must have `datamimic` installed (a release build:
`pip install ./datamimic-py`, and pyarrow for the Arrow figure); `--ce-python` is an
interpreter with `datamimic-ce` installed. Each implementation runs in its own process, one
after the other. Wall time and the process's CPU time (all threads) are reported: on a shared
machine the CPU time is the steadier figure.

Two floors are timed in datamimic's process, the most any implementation that makes these
Python objects could reach: `pickle.loads` of the very dicts `to_dict()` returned (CPython's
own C loader rebuilding them, shared strings kept shared), and a list of as many ints as the
batch has entities (the cheapest object CPython allocates). Each is reported as CE's time
over the floor's.

With `--callgrind`, each step also runs under `valgrind --tool=callgrind` (`PYTHONHASHSEED=0`)
and the instructions per person are reported: the whole process (all threads, its exit
included) with N persons less the same process with none, divided by N. These counts do not
move with the machine's load. DATAMIMIC CE is counted at fewer persons (it is slow under
valgrind); a per-person figure does not depend on the count once the start-up is taken off.
"""

import argparse
import json
import os
import re
import subprocess
import sys

MEASURE = r"""
import json, sys, time
from random import Random
which, count, steps = sys.argv[1], int(sys.argv[2]), sys.argv[3].split(",")
if which == "ce":
    from datamimic_ce.domains.common.services import PersonService
else:
    from datamimic.domains.common.services import PersonService

def timed(work):
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    return result, [time.perf_counter() - wall, time.process_time() - cpu]

result = {}
if "batch" in steps:
    service = PersonService(dataset="US", rng=Random(42))
    people, result["batch"] = timed(lambda: service.generate_batch(count=count))
    assert len(people) == count
if "to_dict" in steps:
    rows, result["to_dict"] = timed(lambda: [p.to_dict() for p in people])
    assert len(rows) == count and all(r["given_name"] for r in rows)
if "floor" in steps:
    # What CPython itself needs, whoever makes the objects: the same dicts rebuilt from a
    # pickle (its C loader, with the strings the records share kept shared), and as many
    # plain ints as the batch has entities (the cheapest object it allocates).
    import gc, pickle
    blob = pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL)
    del rows
    gc.collect()
    loaded, result["floor_dicts"] = timed(lambda: pickle.loads(blob))
    assert len(loaded) == count
    del loaded
    gc.collect()
    ints, result["floor_objects"] = timed(lambda: list(range(2**40, 2**40 + count)))
if "arrow" in steps:
    import pyarrow
    arrow_service = PersonService(dataset="US", rng=Random(42))
    table, result["arrow"] = timed(lambda: arrow_service.generate_arrow(count=count))
    assert table.num_rows == count
print(json.dumps(result))
"""

# What each implementation runs: CE has no Arrow output.
STEPS = {"datamimic": ["batch", "to_dict", "floor", "arrow"], "ce": ["batch", "to_dict"]}


def has_pyarrow(python: str) -> bool:
    return subprocess.run([python, "-c", "import pyarrow"], capture_output=True).returncode == 0


def measure(python: str, which: str, count: int, steps: list) -> dict:
    args = [python, "-c", MEASURE, which, str(count), ",".join(steps)]
    out = subprocess.run(args, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.splitlines()[-1])


def instructions(python: str, which: str, count: int, steps: list) -> int:
    """The instructions callgrind counts for a whole run of `steps` over `count` persons."""
    args = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", python, "-c", MEASURE, which, str(count), ",".join(steps)]
    env = dict(os.environ, PYTHONHASHSEED="0")
    out = subprocess.run(args, check=True, capture_output=True, text=True, env=env)
    collected = re.search(r"Collected : (\d+)", out.stderr)
    if collected is None:
        raise RuntimeError(f"no callgrind total in:\n{out.stderr}")
    return int(collected.group(1))


def per_person(python: str, which: str, count: int, steps: list, baseline: int) -> float:
    """Instructions per person of `steps`: a run of `count` persons less `baseline`, a run of
    none."""
    return (instructions(python, which, count, steps) - baseline) / count


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--ce-python")
    parser.add_argument("--callgrind", action="store_true", help="also count instructions per person with valgrind")
    parser.add_argument("--callgrind-count", type=int, default=20_000)
    parser.add_argument("--callgrind-ce-count", type=int, default=1_000)
    args = parser.parse_args()
    ours_steps = [s for s in STEPS["datamimic"] if s != "arrow" or has_pyarrow(sys.executable)]
    results = {"datamimic": measure(sys.executable, "datamimic", args.count, ours_steps)}
    if args.ce_python:
        results["datamimic-ce"] = measure(args.ce_python, "ce", args.count, STEPS["ce"])
    for name, r in results.items():
        for i, kind in enumerate(["wall", "cpu"]):
            total = r["batch"][i] + r["to_dict"][i]
            print(
                f"{name:13} {kind:4}  generate_batch {r['batch'][i]:8.3f} s  + to_dict {r['to_dict'][i]:8.3f} s"
                f"  = {total:8.3f} s  ({args.count / total:,.0f} persons/s)"
            )
        if "arrow" in r:
            print(f"{name:13} generate_arrow  wall {r['arrow'][0]:8.3f} s  cpu {r['arrow'][1]:8.3f} s")
        if "floor_dicts" in r:
            print(f"{name:13} CPython floor: pickle.loads of the dicts  wall {r['floor_dicts'][0]:8.3f} s  cpu {r['floor_dicts'][1]:8.3f} s")
            print(f"{name:13} CPython floor: {args.count:,} ints  wall {r['floor_objects'][0]:8.3f} s  cpu {r['floor_objects'][1]:8.3f} s")
    if "datamimic-ce" in results:
        ours, theirs = results["datamimic"], results["datamimic-ce"]
        for i, kind in enumerate(["wall", "cpu"]):
            print(f"ratio ({kind}) generate_batch: {theirs['batch'][i] / ours['batch'][i]:,.1f}x")
            print(f"ratio ({kind}) to_dict: {theirs['to_dict'][i] / ours['to_dict'][i]:,.1f}x")
            both = (theirs["batch"][i] + theirs["to_dict"][i]) / (ours["batch"][i] + ours["to_dict"][i])
            print(f"ratio ({kind}) generate_batch + to_dict: {both:,.1f}x")
            # The most any producer of Python objects could reach: CE's time over CPython's own.
            print(f"ratio ({kind}) CE generate_batch vs CPython's floor ({args.count:,} ints): {theirs['batch'][i] / ours['floor_objects'][i]:,.1f}x")
            print(f"ratio ({kind}) CE generate_batch + to_dict vs CPython's floor (pickle.loads of the dicts): {(theirs['batch'][i] + theirs['to_dict'][i]) / ours['floor_dicts'][i]:,.1f}x")
            if "arrow" in ours:
                print(f"ratio ({kind}) CE generate_batch + to_dict vs generate_arrow: {(theirs['batch'][i] + theirs['to_dict'][i]) / ours['arrow'][i]:,.1f}x")
    if args.callgrind:
        report_instructions(args, ours_steps)


def count_steps(python: str, which: str, count: int, arrow: bool) -> dict:
    """Instructions per person of each step of `which` under `python`."""
    # A run of no persons makes and converts nothing: one start-up for both steps.
    start = instructions(python, which, 0, ["batch", "to_dict"])
    batch = per_person(python, which, count, ["batch"], start)
    both = per_person(python, which, count, ["batch", "to_dict"], start)
    figures = {"generate_batch": batch, "to_dict": both - batch, "generate_batch + to_dict": both}
    if arrow:
        figures["generate_arrow"] = per_person(python, which, count, ["arrow"], instructions(python, which, 0, ["arrow"]))
    return figures


def report_instructions(args: argparse.Namespace, ours_steps: list) -> None:
    """Instructions per person of each step, and the ratios when CE is measured too."""
    counted = {"datamimic": (sys.executable, "datamimic", args.callgrind_count)}
    if args.ce_python:
        counted["datamimic-ce"] = (args.ce_python, "ce", args.callgrind_ce_count)
    figures = {}
    for name, (python, which, count) in counted.items():
        figures[name] = count_steps(python, which, count, arrow=which == "datamimic" and "arrow" in ours_steps)
    print("instructions per person (callgrind):")
    ours = figures["datamimic"]
    theirs = figures.get("datamimic-ce")
    for step, value in ours.items():
        line = f"  {step:26} datamimic {value:12,.0f}"
        if theirs is not None:
            # Arrow is compared with what CE needs for the same data: generate_batch + to_dict.
            ce = theirs["generate_batch + to_dict" if step == "generate_arrow" else step]
            line += f"  datamimic-ce {ce:12,.0f}  ratio {ce / value:8,.1f}x"
            if step == "generate_arrow":
                line += " (against CE's generate_batch + to_dict)"
        print(line)


if __name__ == "__main__":
    main()
