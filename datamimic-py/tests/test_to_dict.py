"""`to_dict()` is what the JSON writer writes for the same record: the same keys in the same
order, the same values of the same types (an int stays an int, a float a float), for every
entity and for datasets with ASCII and non-ASCII text. The JSON comes from `export`, which is
written by serde_json in Rust and shares no code with the conversion to Python objects."""

import json
from concurrent.futures import ThreadPoolExecutor

import pytest

from datamimic import SERVICES

# US and DE: the common tables; VN and PL: text beyond ASCII (Nguyễn, Łódź) in most fields.
DATASETS = ["US", "DE", "VN", "PL"]


def _service(entity, dataset, seed):
    try:
        return SERVICES[entity](dataset=dataset, seed=seed, strict=False)
    except ValueError as err:
        if "dataset" in str(err):
            pytest.skip(f"{entity} has no {dataset} tables: {err}")
        raise


def _written(service, tmp_path, count):
    path = tmp_path / "records.ndjson"
    service.export(path, count, "ndjson", threads=1)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("dataset", DATASETS)
@pytest.mark.parametrize("entity", sorted(SERVICES))
def test_to_dict_is_the_json_record(entity, dataset, tmp_path):
    service = _service(entity, dataset, 77)
    count = 40
    records = service.generate_batch(count=count)
    dicts = [r.to_dict() for r in records]
    # `repr` shows the key order and the types that `==` does not (1 == 1.0, {a, b} == {b, a}).
    assert [repr(d) for d in dicts] == [repr(w) for w in _written(service, tmp_path, count)]


def test_to_dict_gives_fresh_plain_dicts_each_time():
    service = SERVICES["Person"](dataset="DE", seed=5)
    people = service.generate_batch(count=3)
    first, again = people[0].to_dict(), people[0].to_dict()
    assert first == again and first is not again
    assert type(first) is dict and type(first["address"]) is dict
    assert first["address"] is not again["address"]
    first["address"]["city"] = "changed"
    first["name"] = "changed"
    assert people[0].to_dict() == again and people[0].address.city == again["address"]["city"]
    # Reading attributes first does not change what `to_dict` gives, nor the other way round.
    assert people[1].given_name == people[1].to_dict()["given_name"]
    assert repr(people[1].to_dict()) == repr(service.record(1).to_dict())
    assert people[1].address.street == people[1].to_dict()["address"]["street"]
    patients = SERVICES["Patient"](dataset="US", seed=5).generate_batch(count=2)
    listed = patients[0].to_dict()["conditions"]
    assert type(listed) is list
    listed.append("changed")
    assert patients[0].to_dict()["conditions"] == listed[:-1]


def test_to_dict_on_several_threads_is_the_same():
    people = SERVICES["Person"](dataset="VN", seed=8).generate_batch(count=4_000)
    alone = [p.to_dict() for p in people]
    with ThreadPoolExecutor(4) as pool:
        parts = list(pool.map(lambda k: [p.to_dict() for p in people[k::4]], range(4)))
    together = [None] * len(people)
    for k, part in enumerate(parts):
        together[k::4] = part
    assert [repr(d) for d in together] == [repr(d) for d in alone]


def test_entities_are_generated_when_read_and_keep_their_nested_entities():
    service = SERVICES["Person"](dataset="US", seed=11)
    people = service.generate_batch(count=3)
    # An entity read after others, or read twice, holds the record its index names.
    assert repr(people[2].to_dict()) == repr(service.record(2).to_dict())
    assert repr(people[2].to_dict()) == repr(people[2].to_dict())
    assert people[0].address is people[0].address
    assert people[0].address == people[0].to_dict()["address"]
    assert people[0].address.street == people[0].to_dict()["address"]["street"]
