"""DATAMIMIC's generator and model classes: ``Product(ProductGenerator(dataset="US",
rng=Random(42)))`` is the generator's next record, as in DATAMIMIC's guide."""

from __future__ import annotations

from typing import Any, Dict

from . import _native
from .services import SERVICES, EntityService


def _generator(service: type) -> type:
    entity = service._entity
    cls = type(
        f"{entity}Generator",
        (service,),
        {"__module__": __name__, "__doc__": f"Generates {entity} records for {entity}(generator)."},
    )
    cls.__qualname__ = cls.__name__
    return cls


def _model(entity: str) -> type:
    def __new__(cls: type, generator: EntityService, **related: Any) -> _native.Entity:
        if not isinstance(generator, EntityService) or generator._entity != entity:
            raise TypeError(f"{entity}(generator) takes a {entity}Generator, not {type(generator).__name__}")
        if related:
            raise NotImplementedError(f"{entity}(generator, {', '.join(related)}=...): related records are not supported")
        return generator.generate()

    cls = type(entity, (), {"__new__": __new__, "__module__": __name__, "__doc__": f"The next {entity} of a {entity}Generator."})
    cls.__qualname__ = cls.__name__
    return cls


GENERATORS: Dict[str, type] = {name: _generator(service) for name, service in SERVICES.items()}
MODELS: Dict[str, type] = {name: _model(name) for name in SERVICES}
