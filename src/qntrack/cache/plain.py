"""The plan as plain tuples, and back: what marshal can keep in the cache file.

``_encode`` tags every tuple by its first item (a dataclass, an enum, a tuple, a list, a
dict); ``_decode`` builds only qntrack's model classes, by name, from ``_allowed``, so a
cache file that anyone could edit cannot make the reader build anything else.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from datetime import date
from enum import Enum
from typing import Any


def _allowed() -> dict[str, type]:
    from ..files.kept_plans import model_classes

    return model_classes()


_PLAIN = frozenset({type(None), bool, int, float, str})


_INIT_FIELDS: dict[type, tuple[str, ...] | None] = {}


def _encode(value: Any) -> Any:
    """A model value as marshal-able plain data: every tuple is tagged by its first item."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind not in _INIT_FIELDS:
        _INIT_FIELDS[kind] = tuple(f.name for f in fields(kind) if f.init) if is_dataclass(kind) else None
    names = _INIT_FIELDS[kind]
    if names is not None:
        return (
            "D",
            kind.__name__,
            *[v if type(v) in _PLAIN else _encode(v) for v in map(value.__getattribute__, names)],
        )
    if isinstance(value, Enum):
        return ("E", kind.__name__, value.value)
    if kind is date:  # a unit's dates (plan.units.Unit)
        return ("d", value.isoformat())
    if kind is tuple:
        return ("T", *map(_encode, value))
    if kind is list:
        return ("L", *map(_encode, value))
    # A plan's mappings (plan.model.ReadOnlyDict, by name: a warm status loads no model).
    if (kind is dict or kind.__name__ == "ReadOnlyDict") and all(type(k) is str for k in value):
        return ("M", *((k, _encode(v)) for k, v in value.items()))
    raise TypeError(f"cannot cache a {kind.__name__}")


def _decode(value: Any, allowed: dict[str, type]) -> Any:
    """The inverse of ``_encode``, building only classes from ``allowed``."""
    if not isinstance(value, tuple):
        if value is None or isinstance(value, (bool, int, float, str)):
            return value
        raise ValueError("unexpected value in the cache")
    tag = value[0]
    if tag == "D":
        cls = allowed[value[1]]
        if not is_dataclass(cls):
            raise ValueError(f"{value[1]} is not a dataclass")
        return cls(*(_decode(v, allowed) for v in value[2:]))
    if tag == "E":
        cls = allowed[value[1]]
        if not issubclass(cls, Enum):
            raise ValueError(f"{value[1]} is not an enum")
        return cls(value[2])
    if tag == "d":
        return date.fromisoformat(value[1])
    if tag == "T":
        return tuple(_decode(v, allowed) for v in value[1:])
    if tag == "L":
        return [_decode(v, allowed) for v in value[1:]]
    if tag == "M":
        return {k: _decode(v, allowed) for k, v in value[1:]}
    raise ValueError(f"unknown tag {tag!r} in the cache")
