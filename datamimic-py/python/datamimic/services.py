"""A service class per entity of the catalogue, with DATAMIMIC's names and parameters:
``PersonService(dataset="US", rng=Random(42)).generate()``.

The classes are made from the native catalogue (``_native.entity_names()``), so every entity
the ``datamimic`` command knows has one; ``_PARAMETERS`` lists the parameters DATAMIMIC CE 4.3
gives each service beyond ``dataset`` and ``rng``.
"""

from __future__ import annotations

import inspect
import os
import random
from typing import Any, Dict, List, Optional, Tuple

from . import _native
from .demographic_config import DemographicConfig
from .entity import Entity

_P = inspect.Parameter

# DATAMIMIC's parameters after `dataset`, in its order, for the services that take more than
# `rng`.
_PERSON = [
    ("min_age", 18),
    ("max_age", 65),
    ("female_quota", 0.5),
    ("other_gender_quota", 0.0),
    ("demographic_config", None),
    ("demographic_sampler", None),
    ("rng", None),
    ("noble_quota", 0.001),
    # None: the published share of doctorates by country, age and sex (DATAMIMIC: a flat 0.5).
    ("academic_title_quota", None),
]
_CLOCKED = [("rng", None), ("reference_now", None)]
_PEOPLE = [("rng", None), ("reference_now", None), ("demographic_config", None), ("demographic_sampler", None)]
_PARAMETERS: Dict[str, List[Tuple[str, Any]]] = {
    "Person": _PERSON,
    "Patient": [("demographic_config", None), ("demographic_sampler", None), ("rng", None)],
    "Doctor": _PEOPLE,
    "PoliceOfficer": _PEOPLE,
    "CreditCard": [("demographic_config", None), ("rng", None)],
    "InsurancePolicy": [("demographic_config", None), ("rng", None)],
    "MedicalDevice": [("rng", None), ("reference_now", None), ("demographic_config", None)],
    "Product": [("min_price", 0.99), ("max_price", 999.99), ("rng", None)],
    "Order": _CLOCKED,
    "BankAccount": _CLOCKED,
    "Transaction": _CLOCKED,
    "Hospital": _CLOCKED,
    "AdministrationOffice": _CLOCKED,
    "EducationalInstitution": _CLOCKED,
}
_PLAIN = [("rng", None)]


def _signature(entity: str) -> inspect.Signature:
    params = [_P("dataset", _P.POSITIONAL_OR_KEYWORD, default=None)]
    params += [_P(name, _P.POSITIONAL_OR_KEYWORD, default=default) for name, default in _PARAMETERS.get(entity, _PLAIN)]
    # datamimic's own: an integer seed (instead of an rng), and strict dataset codes.
    params += [_P("seed", _P.KEYWORD_ONLY, default=None), _P("strict", _P.KEYWORD_ONLY, default=True)]
    return inspect.Signature(params)


def _seed(rng: Any, seed: Any) -> Optional[int]:
    """The run's seed: an integer, or 64 bits drawn from a ``random.Random``."""
    if rng is not None and seed is not None:
        raise TypeError("give `rng` or `seed`, not both")
    value = seed if seed is not None else rng
    if value is None:
        return None
    if isinstance(value, random.Random):
        return value.getrandbits(64)
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"`rng` takes a random.Random or an integer seed, not {type(value).__name__}")
    if not 0 <= value < 2**64:
        raise ValueError(f"the seed {value} is not between 0 and 2**64 - 1")
    return value


def _unsupported(name: str, value: Any, why: str) -> None:
    if value is not None:
        raise NotImplementedError(f"`{name}` is not supported: {why}")


class EntityService:
    """A service of one entity: ``generate()``, ``generate_batch(count)``, record ``i``, and
    the records of a shard. Subclasses name the entity (``PersonService``)."""

    _entity: str = ""
    __signature__ = inspect.Signature()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        given = type(self).__signature__.bind(*args, **kwargs)
        given.apply_defaults()
        p = given.arguments
        dataset = p["dataset"]
        if dataset is not None:
            if not isinstance(dataset, str):
                raise TypeError(f"`dataset` takes a country code such as 'US', not {type(dataset).__name__}")
            dataset = dataset.upper()
        _unsupported("reference_now", p.get("reference_now"), "seeded services use the anchor 2025-01-01 12:00:00 UTC, unseeded ones the current time")
        _unsupported("demographic_sampler", p.get("demographic_sampler"), "give the ages and conditions as a DemographicConfig")
        options: Dict[str, Any] = {
            "dataset": dataset,
            "seed": _seed(p.get("rng"), p["seed"]),
            "strict": bool(p["strict"]),
        }
        config = p.get("demographic_config")
        if config is not None:
            if not isinstance(config, DemographicConfig):
                raise TypeError(f"`demographic_config` takes a DemographicConfig, not {type(config).__name__}")
            _unsupported("transaction_profile", config.transaction_profile, "datamimic has no transaction profiles")
            options.update(age_min=config.age_min, age_max=config.age_max)
            options.update(conditions_include=sorted(config.conditions_include), conditions_exclude=sorted(config.conditions_exclude))
        if self._entity == "Person":
            options["person"] = (
                p["min_age"],
                p["max_age"],
                p["female_quota"],
                p["other_gender_quota"],
                p["noble_quota"],
                p["academic_title_quota"],
            )
        if self._entity == "Product":
            options["price"] = (p["min_price"], p["max_price"])
        self._native = _native.EntityService(self._entity, **options)
        self.dataset = dataset or "US"

    def generate(self) -> Entity:
        """The next record."""
        return self._native.generate()

    def generate_batch(self, count: int = 10) -> List[Entity]:
        """The next ``count`` records: one small object each, the record generated when it is
        first read, as DATAMIMIC's entities draw their values on access."""
        return self._native.generate_batch(count)

    def generate_arrow(self, count: int = 10) -> "pyarrow.Table":
        """The next ``count`` records as a pyarrow Table, without a Python object per record:
        Rust writes them on every core as ``datamimic generate -f arrow`` does (typed columns:
        dates ``date32``, times ``timestamp[us, UTC]``, integers of their width, nested records
        as structs, lists as lists) and pyarrow takes their columns as they are, through the
        Arrow C stream interface. Needs pyarrow 14 or later (``pip install pyarrow``)."""
        return _arrow_table(self._native.generate_batches(count))

    def record(self, index: int) -> Entity:
        """Record ``index`` of the sequence ``generate()`` walks (0, 1, 2, ...)."""
        return self._native.record(index)

    def shard(self, count: int, shard: str) -> List[Entity]:
        """The records of ``shard`` (``"2/4"``, from 1) of a run of ``count`` records from
        record 0, as ``datamimic generate --shard``: the shards in order hold the run's
        records. ``generate()``'s position does not move. Needs a seeded service."""
        return self._native.shard(count, shard)

    def shard_arrow(self, count: int, shard: str) -> "pyarrow.Table":
        """The records of ``shard`` (``"2/4"``) of a run of ``count`` records from record 0 as a
        pyarrow Table with the run's schema (every shard has the same one), typed as
        ``generate_arrow`` types them; ``generate()``'s position does not move. Needs a seeded
        service."""
        return _arrow_table(self._native.shard_batches(count, shard))

    def export(self, path: "os.PathLike[str] | str", count: int, format: Optional[str] = None, *, shard: Optional[str] = None, threads: Optional[int] = None) -> None:
        """Writes records 0 to ``count - 1`` (or only those of ``shard``, ``"2/4"``) to ``path``,
        byte for byte as ``datamimic generate --count COUNT [--shard K/N] -o PATH`` does for the
        same seed. ``format``: csv, json, ndjson, xml or sqlite (by default from the file's
        extension, else csv). Written on every core (or ``threads``) to a temporary file that
        is renamed into place only when the whole run succeeded."""
        path = os.fspath(path)
        if format is None:
            extension = os.path.splitext(path)[1].lower().lstrip(".")
            format = {"json": "json", "ndjson": "ndjson", "jsonl": "ndjson", "xml": "xml", "sqlite": "sqlite", "sqlite3": "sqlite", "db": "sqlite"}.get(extension, "csv")
        self._native.export(path, count, format, shard, threads)

    @classmethod
    def supported_datasets(cls) -> List[str]:
        """The dataset codes every table of the entity supports."""
        return _native.supported_datasets(cls._entity)


def _arrow_table(stream: _native.ArrowStream) -> "pyarrow.Table":
    """The record batches of ``stream`` as a pyarrow Table, their buffers taken as they are
    (the Arrow PyCapsule interface)."""
    try:
        import pyarrow as pa
    except ImportError as err:
        raise ImportError("Arrow tables need pyarrow: pip install pyarrow") from err
    return pa.table(stream)


def _make(entity: str) -> type:
    cls = type(
        f"{entity}Service",
        (EntityService,),
        {"_entity": entity, "__signature__": _signature(entity), "__module__": __name__, "__doc__": f"Generates {entity} records."},
    )
    cls.__qualname__ = cls.__name__
    return cls


SERVICES: Dict[str, type] = {name: _make(name) for name in _native.entity_names()}
"""Every service class, by entity name."""

globals().update({cls.__name__: cls for cls in SERVICES.values()})
__all__ = ["EntityService", "SERVICES", *(cls.__name__ for cls in SERVICES.values())]
