"""The service API over the whole catalogue: seeding, batches, shards, strict datasets, the
parameters, and records equal to what `datamimic generate` writes for the same seed."""

import inspect
import json
import os
import subprocess
from random import Random

import pytest

import datamimic
from datamimic import DemographicConfig, PersonService, SERVICES
from datamimic import _native


def test_every_catalogue_entity_has_a_service_in_its_domain_module():
    import importlib

    from datamimic.domains import DOMAINS, _snake

    assert set(SERVICES) == set(_native.entity_names())
    in_domains = [e for entities in DOMAINS.values() for e in entities]
    assert sorted(in_domains) == sorted(e for e in SERVICES if not e.startswith("Demo"))
    for domain, entities in DOMAINS.items():
        package = importlib.import_module(f"datamimic.domains.{domain}.services")
        for entity in entities:
            module = importlib.import_module(f"datamimic.domains.{domain}.services.{_snake(entity)}_service")
            assert getattr(module, f"{entity}Service") is getattr(package, f"{entity}Service") is SERVICES[entity]
            generator = importlib.import_module(f"datamimic.domains.{domain}.generators.{_snake(entity)}_generator")
            model = importlib.import_module(f"datamimic.domains.{domain}.models.{_snake(entity)}")
            record = getattr(model, entity)(getattr(generator, f"{entity}Generator")(dataset="US", seed=1))
            assert record == SERVICES[entity](dataset="US", seed=1).generate()
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("datamimic.domains.common.services.nobody_service")


@pytest.mark.parametrize("entity", sorted(SERVICES))
@pytest.mark.parametrize("dataset", ["US", "DE"])
def test_every_entity_generates_with_attribute_access(entity, dataset):
    service = SERVICES[entity](dataset=dataset, rng=Random(5))
    batch = service.generate_batch(count=3)
    assert len(batch) == 3
    for record in batch:
        fields = record.to_dict()
        assert fields, entity
        for key, value in fields.items():
            got = getattr(record, key)
            if isinstance(value, dict):
                assert isinstance(got, datamimic.Entity) and got.to_dict() == value
                for inner_key, inner in value.items():
                    assert getattr(got, inner_key) == inner
            else:
                assert got == value
    # Records differ (a catalogue entity such as InsuranceProduct repeats its common rows, so
    # two records may be equal; fifty may not all be).
    assert len({repr(record.to_dict()) for record in service.generate_batch(count=50)}) > 1


def test_seeds_rng_and_integers_deterministically():
    first = PersonService(dataset="DE", rng=Random(42)).generate_batch(count=50)
    assert first == PersonService(dataset="DE", rng=Random(42)).generate_batch(count=50)
    assert first != PersonService(dataset="DE", rng=Random(43)).generate_batch(count=50)
    # An rng is consumed like DATAMIMIC's: one draw of 64 bits seeds the service.
    seed = Random(42).getrandbits(64)
    assert PersonService(dataset="DE", seed=seed).generate_batch(count=50) == first
    assert PersonService(dataset="DE", rng=seed).generate_batch(count=50) == first
    unseeded = [PersonService(dataset="DE").generate() for _ in range(3)]
    assert len({p.email for p in unseeded}) > 1
    with pytest.raises(TypeError, match="not both"):
        PersonService(rng=Random(1), seed=1)
    with pytest.raises(ValueError, match="between 0 and 2"):
        PersonService(seed=-1)
    with pytest.raises(TypeError, match="random.Random or an integer"):
        PersonService(rng="42")


def test_batches_records_and_generate_walk_one_sequence():
    service = PersonService(dataset="US", seed=9)
    # Large enough to be generated on several threads.
    batch = service.generate_batch(count=5_000)
    one_by_one = PersonService(dataset="US", seed=9)
    assert [one_by_one.generate() for _ in range(5_000)] == batch
    assert service.generate() == service.record(5_000) != batch[-1]
    assert service.record(17) == batch[17]
    assert service.generate_batch(count=0) == []


def test_shards_in_order_are_the_whole_run():
    service = PersonService(dataset="US", seed=21)
    whole = service.generate_batch(count=1_003)
    shards = [service.shard(1_003, f"{k}/4") for k in range(1, 5)]
    assert [len(s) for s in shards] == [250, 251, 251, 251]
    assert [p for s in shards for p in s] == whole
    assert service.generate() == service.record(1_003), "shard() leaves generate()'s position"
    for bad, says in [("0/4", "between 1 and 4"), ("5/4", "between 1 and 4"), ("a/b", "not a shard")]:
        with pytest.raises(ValueError, match=says):
            service.shard(10, bad)
    with pytest.raises(ValueError, match="needs a seeded service"):
        PersonService(dataset="US").shard(10, "1/2")


def test_dataset_codes_are_strict():
    with pytest.raises(ValueError, match=r"has no dataset `ZZ`.*exists for: AT, CH, DE"):
        PersonService(dataset="ZZ")
    with pytest.raises(ValueError, match="no table of `Patient` has dataset `ZZ`"):
        SERVICES["Patient"](dataset="ZZ", strict=False)
    # A table without FR falls back to US only when asked to.
    with pytest.raises(ValueError, match="`FR`"):
        SERVICES["Patient"](dataset="FR")
    assert SERVICES["Patient"](dataset="FR", strict=False, seed=1).generate().patient_id
    assert PersonService(dataset="de", seed=1).generate().address.country_code == "DE"
    assert "DE" in PersonService.supported_datasets() and "US" in PersonService.supported_datasets()
    with pytest.raises(TypeError, match="country code"):
        PersonService(dataset=49)


def test_person_parameters():
    assert "female_quota" in inspect.signature(PersonService).parameters
    women = PersonService(dataset="US", female_quota=1.0, seed=3).generate_batch(count=200)
    assert {p.gender for p in women} == {"female"}
    young = PersonService("US", 20, 25, seed=3).generate_batch(count=200)
    assert {p.age for p in young} <= set(range(20, 26))
    config = DemographicConfig(age_min=60, age_max=61)
    old = PersonService(dataset="US", demographic_config=config, seed=3).generate_batch(count=200)
    assert {p.age for p in old} <= {60, 61}
    titled = PersonService(dataset="DE", academic_title_quota=1.0, seed=3).generate_batch(count=50)
    assert all(p.academic_title for p in titled)
    with pytest.raises(ValueError, match="minimum age 50 is above the maximum age 30"):
        PersonService(min_age=50, max_age=30)
    with pytest.raises(ValueError, match="female_quota"):
        PersonService(female_quota=1.5)
    with pytest.raises(TypeError):
        PersonService(dataset="US", min_price=3)


def test_other_parameters():
    products = SERVICES["Product"](dataset="US", min_price=1, max_price=5, seed=2).generate_batch(count=300)
    assert all(1 <= p.price <= 5 for p in products)
    with pytest.raises(ValueError, match="minimum price"):
        SERVICES["Product"](min_price=10, max_price=5)
    diabetic = SERVICES["Patient"](
        dataset="US", demographic_config=DemographicConfig(conditions_include=frozenset({"Diabetes"})), seed=2
    ).generate_batch(count=50)
    assert all(any("Diabetes" in c["name"] for c in p.conditions) for p in diabetic)
    with pytest.raises(NotImplementedError, match="reference_now"):
        SERVICES["Order"](reference_now="2024-01-01")
    with pytest.raises(NotImplementedError, match="demographic_sampler"):
        SERVICES["Patient"](demographic_sampler=object())
    with pytest.raises(NotImplementedError, match="transaction_profile"):
        SERVICES["Patient"](demographic_config=DemographicConfig(transaction_profile="retail"))
    with pytest.raises(ValueError, match="does not take"):
        SERVICES["MedicalDevice"](demographic_config=DemographicConfig(age_min=30))
    with pytest.raises(TypeError):
        SERVICES["Bank"](dataset="US", min_age=3)
    with pytest.raises(ValueError, match="above `age_max`"):
        DemographicConfig(age_min=9, age_max=3)


def test_entities_read_like_datamimic():
    person = PersonService(dataset="US", seed=4).generate()
    assert person.givenName == person.GIVEN_NAME == person.given_name
    assert person.address.zip_code if hasattr(person.address, "zip_code") else person.address.postal_code
    with pytest.raises(AttributeError, match="'Person' has no attribute 'salary'; its fields: birthdate"):
        person.salary
    assert "given_name" in dir(person) and "to_dict" in dir(person)
    assert repr(person).startswith("Person({'birthdate': ")
    fields = person.to_dict()
    fields["address"]["city"] = "changed"
    assert person.address.city != "changed", "to_dict() returns a copy"
    address = person.address.to_dict()
    address["city"] = "changed"
    assert person.address.city != "changed"


def test_arrow_shards_are_the_runs_records():
    pa = pytest.importorskip("pyarrow")
    service = PersonService(dataset="US", seed=14)
    shards = [service.shard_arrow(5_003, f"{k}/2") for k in (1, 2)]
    assert [s.num_rows for s in shards] == [2_501, 2_502]
    assert service.generate() == service.record(0), "shard_arrow() leaves generate()'s position"
    assert pa.concat_tables(shards).equals(PersonService(dataset="US", seed=14).generate_arrow(5_003))


@pytest.mark.skipif("DATAMIMIC_BIN" not in os.environ, reason="set DATAMIMIC_BIN to the datamimic command (.ci/run does)")
@pytest.mark.parametrize("entity", sorted(SERVICES))
def test_records_are_what_the_command_writes(entity):
    out = subprocess.run(
        [os.environ["DATAMIMIC_BIN"], "generate", entity, "-n", "20", "--seed", "77", "-d", "DE", "-f", "ndjson"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    written = [json.loads(line) for line in out.splitlines()]
    generated = SERVICES[entity](dataset="DE", seed=77).generate_batch(count=20)
    assert [r.to_dict() for r in generated] == written


def test_arrow_batches_hold_the_records():
    pa = pytest.importorskip("pyarrow")
    service = PersonService(dataset="US", seed=12)
    # Large enough to be written on several threads.
    table = service.generate_arrow(count=5_000)
    assert isinstance(table, pa.Table) and table.num_rows == 5_000
    assert service.generate() == service.record(5_000), "generate_arrow() moves generate()'s position"
    records = PersonService(dataset="US", seed=12).generate_batch(count=5_000)
    assert table.column("email").to_pylist() == [p.email for p in records]
    assert table.column("age").type == pa.uint8() or pa.types.is_integer(table.column("age").type)
    assert pa.types.is_struct(table.schema.field("address").type)
    streets = table.column("address").combine_chunks().field("street").to_pylist()
    assert streets == [p.address.street for p in records]
    assert table.equals(PersonService(dataset="US", seed=12).generate_arrow(count=5_000))
    patients = SERVICES["Patient"](dataset="US", seed=3).generate_arrow(count=50)
    assert pa.types.is_list(patients.schema.field("conditions").type)
    assert SERVICES["Patient"](dataset="US", seed=3).generate_arrow(count=0).num_rows == 0


@pytest.mark.skipif("DATAMIMIC_BIN" not in os.environ, reason="set DATAMIMIC_BIN to the datamimic command (.ci/run does)")
def test_arrow_tables_are_the_commands_arrow_files(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.ipc as pa_ipc

    # More than one record batch (65,536 records each), for both entities' nested columns.
    for entity, count in [("Person", 66_000), ("Patient", 300)]:
        path = tmp_path / f"{entity}.arrow"
        subprocess.run([os.environ["DATAMIMIC_BIN"], "generate", entity, "-n", str(count), "--seed", "9", "-d", "DE", "-f", "arrow", "-o", str(path)], check=True)
        written = pa_ipc.open_file(pa.memory_map(str(path))).read_all()
        table = SERVICES[entity](dataset="DE", seed=9).generate_arrow(count)
        assert table.schema == written.schema
        assert [len(b) for b in table.to_batches()] == [len(b) for b in written.to_batches()]
        assert table.equals(written)


def test_an_arrow_stream_is_read_once():
    pa = pytest.importorskip("pyarrow")
    stream = PersonService(dataset="US", seed=4)._native.generate_batches(3)
    assert pa.table(stream).num_rows == 3
    with pytest.raises(ValueError, match="already read"):
        pa.table(stream)
    # A stream never read frees its batches with it.
    unread = PersonService(dataset="US", seed=4)._native.generate_batches(3)
    del unread


@pytest.mark.skipif("DATAMIMIC_BIN" not in os.environ, reason="set DATAMIMIC_BIN to the datamimic command (.ci/run does)")
@pytest.mark.parametrize("format", ["csv", "json", "ndjson", "xml"])
def test_exported_files_and_shards_are_the_commands(tmp_path, format):
    def command(*args):
        subprocess.run([os.environ["DATAMIMIC_BIN"], "generate", "Person", "--seed", "33", "-d", "DE", *args], check=True, cwd=tmp_path)
        return (tmp_path / args[-1]).read_bytes()

    service = PersonService(dataset="DE", seed=33)
    service.generate_batch(count=7)  # export does not depend on generate()'s position
    service.export(tmp_path / f"whole.{format}", 2_500, threads=2)
    assert (tmp_path / f"whole.{format}").read_bytes() == command("-n", "2500", "-f", format, "-o", f"cli.{format}")
    service.export(str(tmp_path / "shard.out"), 2_500, format, shard="2/3", threads=1)
    cli_shard = command("-n", "2500", "--shard", "2/3", "-f", format, "-o", f"cli-shard.{format}")
    assert (tmp_path / "shard.out").read_bytes() == cli_shard
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["whole." + format, "cli." + format, "shard.out", "cli-shard." + format])


def test_export_refuses_bad_arguments(tmp_path):
    import sqlite3

    service = PersonService(dataset="US", seed=2)
    service.export(tmp_path / "people.sqlite", 300, shard="3/3")
    rows = sqlite3.connect(tmp_path / "people.sqlite").execute("SELECT given_name FROM Person ORDER BY rowid").fetchall()
    assert [r[0] for r in rows] == [p.given_name for p in service.shard(300, "3/3")]
    with pytest.raises(ValueError, match="unknown format `parquet`"):
        service.export(tmp_path / "x", 10, "parquet")
    with pytest.raises(ValueError, match="needs a seeded service"):
        PersonService(dataset="US").export(tmp_path / "y.csv", 10, shard="1/2")
    with pytest.raises(ValueError, match="between 1 and 2"):
        service.export(tmp_path / "z.csv", 10, shard="3/2")
    with pytest.raises(ValueError):
        service.export(tmp_path / "missing" / "dir" / "z.csv", 10)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["people.sqlite"], "failed runs leave no file"
