"""The CPython calls of `src/ffi_fast.rs`: entities kept off the garbage collector, and ASCII
strings copied into strings of ASCII kind. Their values are pinned against the JSON writer by
`test_to_dict.py`; these tests check what that cannot see: the strings' kind, the reference
counts of strings many records share, and that entities still die with their batch."""

import gc
import sys

from datamimic import SERVICES

DATASETS = ["US", "DE", "VN", "PL"]


def _strings(value):
    """Every string in a converted record, keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _remade(text):
    """The same text as a string CPython makes itself, of the narrowest kind."""
    return "".join(list(text))


def test_strings_are_what_python_makes_of_the_same_text():
    for dataset in DATASETS:
        people = SERVICES["Person"](dataset=dataset, seed=3).generate_batch(count=300)
        seen = 0
        for person in people:
            for text in _strings(person.to_dict()):
                same = _remade(text)
                assert text == same and hash(text) == hash(same)
                # The size tells the kind apart: an ASCII string is smaller than a Latin-1
                # one of the same length.
                assert sys.getsizeof(text) == sys.getsizeof(same), (dataset, text)
                assert text.isascii() == all(ord(c) < 128 for c in text)
                seen += 1
        assert seen > 300 * 20


def test_shared_strings_keep_their_reference_counts():
    service = SERVICES["Person"](dataset="US", seed=4)
    people = service.generate_batch(count=5_000)
    first = people[0].to_dict()
    # Strings every US person shares: a key, a country from the tables, a variant name.
    shared = [next(iter(first)), first["address"]["country"], first["gender"]]
    before = [sys.getrefcount(s) for s in shared]
    dicts = [p.to_dict() for p in people]
    held = [sys.getrefcount(s) for s in shared]
    holders = [
        sum(1 for d in dicts if next(iter(d)) is shared[0]),
        sum(1 for d in dicts if d["address"]["country"] is shared[1]),
        sum(1 for d in dicts if d["gender"] is shared[2]),
    ]
    assert holders[0] == len(dicts)
    assert holders[1] > 1_000 and holders[2] > 1_000
    # Each dict holding a shared string holds one reference to it, no more, no fewer.
    assert [h - b for h, b in zip(held, before)] == holders
    del dicts
    assert [sys.getrefcount(s) for s in shared] == before
    # Converting again and dropping at once leaves the counts where they were.
    for person in people[:1_000]:
        person.to_dict()
    assert [sys.getrefcount(s) for s in shared] == before


def test_entities_are_off_the_collector_and_die_with_their_batch():
    service = SERVICES["Person"](dataset="DE", seed=6)
    people = service.generate_batch(count=100)
    assert not any(gc.is_tracked(p) for p in people)
    assert not gc.is_tracked(service.generate()) and not gc.is_tracked(service.record(3))
    # An entity's fields, once read, are held by the entity alone, and freed with it.
    street = people[0].address.street
    email = people[0].email
    counts = sys.getrefcount(street), sys.getrefcount(email)
    address = people[0].address
    assert not gc.is_tracked(address)
    del address
    gc.collect()
    assert (sys.getrefcount(street), sys.getrefcount(email)) == counts
    del people
    gc.collect()
    assert sys.getrefcount(email) == counts[1] - 1
    assert sys.getrefcount(street) == counts[0] - 1
