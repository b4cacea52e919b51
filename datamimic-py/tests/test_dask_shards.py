"""The Dask example (examples/dask_shards.py) on a local cluster of two worker processes: the
Parquet shards its workers write, read back in order, are the one-process run's table."""

import sys
from pathlib import Path

import pytest

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
distributed = pytest.importorskip("distributed")

import datamimic  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "examples"))
import dask_shards  # noqa: E402


@pytest.fixture(scope="module")
def client():
    # Processes, as on a real cluster: each worker imports datamimic and writes its own shards.
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            yield client


def read_shards(paths):
    return pa.concat_tables([pq.read_table(p) for p in paths])


def one_machine(path, entity, dataset, seed, count):
    """The same run in one process, through one Parquet file."""
    pq.write_table(datamimic.SERVICES[entity](dataset=dataset, seed=seed).generate_arrow(count), path)
    return pq.read_table(path)


@pytest.mark.parametrize(
    "entity, dataset, count, shards",
    [
        ("Person", "GB", 1_200, 3),  # nobility titles are rare (the US has none): some shards have none
        ("Patient", "DE", 700, 4),  # nested structs and lists
        ("Order", None, 500, 2),  # a list of structs
    ],
)
def test_dask_shards_are_the_one_process_run(client, tmp_path, entity, dataset, count, shards):
    paths = dask_shards.generate_parquet_shards(client, entity, count, shards, tmp_path / "out", seed=42, dataset=dataset)
    assert [p.name for p in paths] == sorted(p.name for p in (tmp_path / "out").iterdir())
    assert len(paths) == shards
    sharded = read_shards(paths)
    whole = one_machine(tmp_path / "whole.parquet", entity, dataset, 42, count)
    assert sharded.num_rows == count
    assert sharded.schema == whole.schema
    assert sharded.equals(whole), "the shards in order are the one-process run, row for row"
    assert len({pq.read_schema(p) for p in paths}) == 1, "every shard has the run's schema"

    other = dask_shards.generate_parquet_shards(client, entity, count, shards, tmp_path / "other", seed=43, dataset=dataset)
    assert not read_shards(other).equals(whole), "another seed is another run"


def test_shards_without_a_rare_value_have_the_runs_types(client, tmp_path):
    # Orders rarely carry a coupon code or notes: shards of two records mostly have none, and
    # still type those columns as text.
    service = datamimic.OrderService(seed=42)
    shards = [service.shard_arrow(40, f"{k}/20") for k in range(1, 21)]
    assert any(t.column("coupon_code").null_count == t.num_rows for t in shards)
    assert all(t.schema == shards[0].schema for t in shards)
    paths = dask_shards.generate_parquet_shards(client, "Order", 40, 20, tmp_path / "out", seed=42)
    schemas = [pq.read_schema(p) for p in paths]
    assert all(s == schemas[0] for s in schemas)
    assert pa.types.is_string(schemas[0].field("coupon_code").type)
    assert read_shards(paths).equals(one_machine(tmp_path / "whole.parquet", "Order", None, 42, 40))


def test_more_shards_than_records(client, tmp_path):
    paths = dask_shards.generate_parquet_shards(client, "Person", 3, 5, tmp_path, seed=7, dataset="DE")
    tables = [pq.read_table(p) for p in paths]
    assert [t.num_rows for t in tables] == [0, 1, 0, 1, 1]
    assert pa.concat_tables(tables).equals(one_machine(tmp_path / "whole.parquet", "Person", "DE", 7, 3))


def test_bad_runs_are_refused(client, tmp_path):
    with pytest.raises(ValueError, match="at least 1"):
        dask_shards.generate_parquet_shards(client, "Person", 10, 0, tmp_path, seed=1)
    with pytest.raises(ValueError, match="between 1 and 2"):
        datamimic.PersonService(seed=1).shard_arrow(10, "3/2")
    with pytest.raises(ValueError, match="needs a seeded service"):
        datamimic.PersonService().shard_arrow(10, "1/2")
