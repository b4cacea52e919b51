"""``Entity``: what every generated record, and every record nested in one, is an instance of."""

import abc

from . import _native


class Entity(abc.ABC):
    """A generated record (``PersonService().generate()``) or a record nested in one
    (``person.address``): its fields are attributes, matched exactly or ignoring case and
    underscores, and ``to_dict()`` gives them as a new dict.

    Two native types are entities: ``_native.Record``, what services return (a small object
    holding the index of its record, generated when it is first read), and ``_native.Entity``,
    a nested record."""


Entity.register(_native.Record)
Entity.register(_native.Entity)
