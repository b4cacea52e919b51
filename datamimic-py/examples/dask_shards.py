"""A seeded run of datamimic split across the workers of a Dask cluster, written as Parquet
shards: shard K of N holds exactly records K of the one-machine run with the same seed, so the
shards read in order are that run's table, row for row.

Each worker generates its shard with ``service.shard_arrow(count, "K/N")`` and writes it with
``pyarrow.parquet.write_table`` to ``OUT/part-K.parquet`` (through a temporary file renamed into
place). Every shard has the run's schema, whatever records it holds (a shard where a rare
title is never set still types it as text), so the files read together as one table.

On one machine (a local cluster of worker processes is started)::

    python dask_shards.py --entity Person --dataset US --seed 42 --count 1000000 --shards 8 --out out

On a real cluster, start ``dask scheduler`` and ``dask worker tcp://SCHEDULER:8786`` on the
machines (each with ``pip install ./datamimic-py pyarrow`` and this repository's Dask
versions), and give the scheduler's address; OUT must be a directory every worker can write
(a shared file system)::

    python dask_shards.py --scheduler tcp://SCHEDULER:8786 --entity Patient --seed 42 \\
        --count 100000000 --shards 400 --out /shared/patients

Workers need only ``datamimic`` and ``pyarrow``: this module's functions are sent to them by
value.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import List, Optional

import pyarrow as pa
import pyarrow.parquet as pq


def shard_path(out_dir: Path, k: int, shards: int) -> Path:
    """``OUT/part-K.parquet``, K zero-padded so the names sort in shard order."""
    return out_dir / f"part-{k:0{len(str(shards))}d}.parquet"


def _write_atomically(table: pa.Table, path: Path) -> None:
    staged = path.with_name(f".{path.name}.partial")
    pq.write_table(table, staged)
    os.replace(staged, path)


def write_shard(entity: str, dataset: Optional[str], seed: int, count: int, k: int, shards: int, out_dir: str) -> str:
    """Runs on a worker: shard ``k`` of ``shards`` of the run as ``part-K.parquet``; returns its
    path."""
    import datamimic

    service = datamimic.SERVICES[entity](dataset=dataset, seed=seed)
    table = service.shard_arrow(count, f"{k}/{shards}")
    path = shard_path(Path(out_dir), k, shards)
    _write_atomically(table, path)
    return str(path)


def generate_parquet_shards(client, entity: str, count: int, shards: int, out_dir: "os.PathLike[str] | str", *, seed: int, dataset: Optional[str] = None) -> List[Path]:
    """Records ``0..count`` of ``entity`` with ``seed``, in ``shards`` Parquet files written by
    the workers of the Dask ``client``'s cluster; returns the files in shard order, all with
    one schema."""
    import cloudpickle

    if shards < 1:
        raise ValueError(f"`shards` must be at least 1, not {shards}")
    # Workers unpickle the tasks' functions without this module on their path.
    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    futures = [client.submit(write_shard, entity, dataset, seed, count, k, shards, str(out_dir), pure=False) for k in range(1, shards + 1)]
    return [Path(path) for path in client.gather(futures)]


def main(argv: Optional[List[str]] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scheduler", help="a Dask scheduler's address (tcp://host:8786); without it a local cluster is started")
    parser.add_argument("--workers", type=int, default=2, help="worker processes of the local cluster (default 2)")
    parser.add_argument("--entity", default="Person", help="a catalogue entity (datamimic list entities)")
    parser.add_argument("--dataset", default=None, help="a dataset code (US, DE, ...)")
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--shards", type=int, required=True)
    parser.add_argument("--out", required=True, help="the directory of the part-K.parquet files")
    args = parser.parse_args(argv)

    from distributed import Client, LocalCluster

    if args.scheduler:
        client = Client(args.scheduler)
    else:
        client = Client(LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True))
    with client:
        paths = generate_parquet_shards(client, args.entity, args.count, args.shards, args.out, seed=args.seed, dataset=args.dataset)
    rows = sum(pq.ParquetFile(p).metadata.num_rows for p in paths)
    print(f"{rows} {args.entity} records in {len(paths)} shards under {args.out}")


if __name__ == "__main__":
    main()
