"""DATAMIMIC's ``BaseEntity``, the base of custom entities (``to_dict``, ``from_dict``)."""

from __future__ import annotations

from typing import Any, Dict


class BaseEntity:
    """A custom entity: subclasses set their fields and implement ``to_dict``."""

    def __init__(self) -> None:
        self._field_cache: Dict[str, Any] = {}

    def to_dict(self) -> Dict[str, Any]:
        raise NotImplementedError(f"{type(self).__name__} must implement to_dict()")


__all__ = ["BaseEntity"]
