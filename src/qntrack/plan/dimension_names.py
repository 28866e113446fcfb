"""How a column heading or an option names a dimension (issue 14): its id, its name in
either language, or its name without a bracketed qualifier when no other dimension shares
it. Moved out of plan/units.py (which holds the units themselves). Pure: no I/O.
"""

from __future__ import annotations

import re
from typing import Mapping, Sequence

from .units import Dimension, unit_match

__all__ = ["short_name", "dimension_named", "sharing_short_name"]


def short_name(name: str) -> str:
    """A dimension's name without a closing qualifier in brackets: "Locality" of "Locality
    (district level until 30 June 2025)", as an officer types it or heads a column."""
    return _QUALIFIER.sub("", name)


_QUALIFIER = re.compile(r"\s*\([^()]*\)\s*$")


def dimension_named(text: str, dimensions: Mapping[str, Dimension], among: Sequence[str] | None = None) -> str | None:
    """The id of the dimension (of ``among``, else any) that ``text`` names: its id or its
    name in either language, matched as units are (``unit_match``); failing those, its name
    without a bracketed qualifier (``short_name``) when no other dimension of ``among``
    shares it: a shared short name would be a guess (docs/decisions.md)."""
    ids = tuple(dimensions) if among is None else among
    if text in ids:  # the id itself, as the store writes it
        return text
    wanted = unit_match(text)
    for dim_id in ids:
        dimension = dimensions.get(dim_id)
        if dimension is not None and wanted in (
            unit_match(dim_id),
            unit_match(dimension.name.en),
            unit_match(dimension.name.vi),
        ):
            return dim_id
    by_short = _by_short_name(wanted, dimensions, ids)
    return by_short[0] if len(by_short) == 1 else None


def sharing_short_name(text: str, dimensions: Mapping[str, Dimension], among: Sequence[str] | None = None) -> list[str]:
    """The dimensions (of ``among``, else all) whose short name ``text`` is, when two or
    more share it and ``dimension_named`` names none: said as such, not as no dimension."""
    ids = _by_short_name(unit_match(text), dimensions, tuple(dimensions) if among is None else among)
    return ids if len(ids) > 1 else []


def _by_short_name(wanted: str, dimensions: Mapping[str, Dimension], ids: Sequence[str]) -> list[str]:
    """The dimensions of ``ids`` whose short name (either language) matches ``wanted``."""
    return [
        dim_id
        for dim_id in ids
        if (d := dimensions.get(dim_id)) is not None
        and wanted in (unit_match(short_name(d.name.en)), unit_match(short_name(d.name.vi)))
    ]
