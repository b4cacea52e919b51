"""The hand-written `Record` type of `src/record_object.rs`: what services return for each
record. Its values are pinned by `test_to_dict.py` and `test_services.py`; these tests check
what a C type can get wrong: the objects it creates and frees, its attribute lookup, its
errors, and first reads from several threads."""

import gc
import sys
import threading
import tracemalloc

import pytest

import datamimic
from datamimic import SERVICES, PersonService


def test_records_are_entities_of_their_own_type():
    service = PersonService(dataset="US", seed=1)
    people = service.generate_batch(count=3)
    for person in [*people, service.generate(), service.record(7), *service.shard(9, "2/3")]:
        assert type(person) is datamimic._native.Record
        assert isinstance(person, datamimic.Entity)
        assert not gc.is_tracked(person)
    address = people[0].address
    assert isinstance(address, datamimic.Entity) and type(address) is datamimic._native.Entity
    assert people[0].address is address, "a nested record is read once"


def test_the_type_makes_no_records_itself():
    with pytest.raises(TypeError, match="cannot create"):
        datamimic._native.Record()
    with pytest.raises(TypeError):
        datamimic._native.Record.__new__(datamimic._native.Record)
    with pytest.raises(TypeError):
        datamimic._native.Record.extra = 1


def test_attributes_come_from_the_type_or_the_fields():
    person = PersonService(dataset="DE", seed=2).generate()
    fields = person.to_dict()
    assert person.__class__ is datamimic._native.Record
    assert person.__doc__.startswith("A generated record")
    assert callable(person.to_dict) and person.to_dict() == fields
    assert person.given_name == fields["given_name"] == person.givenName == person.GIVEN_NAME
    assert sorted(dir(person)) == sorted([*fields, "to_dict"])
    with pytest.raises(AttributeError, match="has no attribute 'nope'; its fields: "):
        person.nope
    with pytest.raises(AttributeError):
        person.__nope__
    with pytest.raises(TypeError, match="must be string"):
        getattr(person, 1)
    with pytest.raises(AttributeError):
        person.given_name = "x"
    with pytest.raises(TypeError, match="unhashable"):
        hash(person)
    with pytest.raises(TypeError):
        import copy

        copy.copy(person)


def test_comparisons_are_the_fields():
    service = PersonService(dataset="US", seed=3)
    first, second = service.generate_batch(count=2)
    assert first == service.record(0) and service.record(0) == first
    assert first != second and not (first == second)
    assert first == first.to_dict() and first.to_dict() == first
    assert first != "Person" and (first == None) is False  # noqa: E711
    with pytest.raises(TypeError, match="'<' not supported between instances of 'datamimic._native.Record'"):
        first < second
    assert repr(first) == f"Person({first.to_dict()!r})"


def test_freed_records_free_what_they_hold():
    service = SERVICES["Patient"](dataset="US", seed=4)
    patients = service.generate_batch(count=50)
    # Read once: each record holds its entity, which holds the converted fields.
    conditions = [p.conditions for p in patients]
    held = [sys.getrefcount(c) for c in conditions]
    del patients
    gc.collect()
    assert [sys.getrefcount(c) for c in conditions] == [h - 1 for h in held]
    # Batches made, read and dropped leave no memory behind: the records, their references
    # to the service's records, their entities. The same records each time, so that the
    # caches of strings hold the same ones.
    def round_trip():
        batch = SERVICES["Patient"](dataset="US", seed=4).generate_batch(count=20_000)
        [p.blood_type for p in batch[:2_000]]
        [p.to_dict() for p in batch[2_000:4_000]]
        del batch
        gc.collect()

    tracemalloc.start()
    try:
        round_trip()
        before = tracemalloc.get_traced_memory()[0]
        for _ in range(5):
            round_trip()
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert after - before < 64 * 1024, (before, after)


def _records_objects():
    """How many services' record sources are alive (pyo3 objects, which the collector lists)."""
    return sum(1 for o in gc.get_objects() if type(o).__name__ == "Records")


def test_records_outlive_their_service():
    gc.collect()
    before = _records_objects()
    people = PersonService(dataset="US", seed=5).generate_batch(count=3)
    gc.collect()
    assert _records_objects() == before + 1, "the records keep their service's source"
    assert all(p.given_name for p in people) and people[2].to_dict()["address"]
    del people
    gc.collect()
    assert _records_objects() == before, "and release it when they go"


def test_first_reads_from_several_threads_agree():
    service = PersonService(dataset="VN", seed=6)
    people = service.generate_batch(count=2_000)
    expected = [p.to_dict() for p in PersonService(dataset="VN", seed=6).generate_batch(count=2_000)]
    seen = [[] for _ in range(4)]
    start = threading.Barrier(4)

    def read(out):
        start.wait()
        out.extend((p.given_name, p.address, repr(p)) for p in people)

    threads = [threading.Thread(target=read, args=(out,)) for out in seen]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for out in seen:
        assert [name for name, _, _ in out] == [e["given_name"] for e in expected]
        # Every thread sees the one entity each record kept, so the one nested address.
        assert all(address is people[i].address for i, (_, address, _) in enumerate(out))
        assert [r for _, _, r in out] == [f"Person({e!r})" for e in expected]


def test_a_batch_too_large_for_a_list_is_refused_and_moves_nothing():
    service = PersonService(dataset="US", seed=7)
    with pytest.raises(ValueError, match="too many records for one list"):
        service.generate_batch(count=2**63)
    with pytest.raises(MemoryError):
        service.generate_batch(count=2**62)
    with pytest.raises(ValueError, match="too many records for one list"):
        service.shard(2**64 - 1, "1/1")
    assert service.generate() == service.record(0), "a refused batch leaves generate()'s position"
