"""DATAMIMIC's ``DemographicConfig``: the ages and conditions a service's records keep to."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping, Optional, Union


@dataclass(frozen=True)
class DemographicConfig:
    """Ages (inclusive) and conditions, as DATAMIMIC's ``DemographicConfig``.

    ``conditions_include`` are conditions every patient has, ``conditions_exclude`` ones no
    patient has (they win). ``transaction_profile`` is DATAMIMIC's and not supported here: a
    value other than ``None`` is refused when a service is built with the config.
    """

    age_min: Optional[int] = None
    age_max: Optional[int] = None
    conditions_include: frozenset = field(default_factory=frozenset)
    conditions_exclude: frozenset = field(default_factory=frozenset)
    transaction_profile: Optional[Union[str, Mapping[str, float]]] = None

    def __post_init__(self) -> None:
        for name in ("age_min", "age_max"):
            value = getattr(self, name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
                raise ValueError(f"DemographicConfig `{name}` must be a whole number of years, not {value!r}")
        if self.age_min is not None and self.age_max is not None and self.age_min > self.age_max:
            raise ValueError(f"DemographicConfig `age_min` {self.age_min} is above `age_max` {self.age_max}")
        for name in ("conditions_include", "conditions_exclude"):
            value = getattr(self, name)
            if isinstance(value, str):
                raise TypeError(f"DemographicConfig `{name}` takes a set of condition names, not the string {value!r}")
            object.__setattr__(self, name, frozenset(_names(name, value)))

    def with_defaults(self, default_age_min: int, default_age_max: int) -> "DemographicConfig":
        """The config with missing ages filled in."""
        return DemographicConfig(
            age_min=self.age_min if self.age_min is not None else default_age_min,
            age_max=self.age_max if self.age_max is not None else default_age_max,
            conditions_include=self.conditions_include,
            conditions_exclude=self.conditions_exclude,
            transaction_profile=self.transaction_profile,
        )

    def normalized_includes(self) -> frozenset:
        """The included conditions, lower-cased."""
        return frozenset(c.lower() for c in self.conditions_include)

    def normalized_excludes(self) -> frozenset:
        """The excluded conditions, lower-cased."""
        return frozenset(c.lower() for c in self.conditions_exclude)


def _names(field_name: str, values: Iterable[str]) -> Iterable[str]:
    for value in values:
        if not isinstance(value, str):
            raise TypeError(f"DemographicConfig `{field_name}` holds {value!r}, not a condition name")
        yield value
