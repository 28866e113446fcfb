"""The units' series in the cache (issue 14's breakdowns, kept warm for issue 17).

A national office's plan breaks every indicator down by province, so nearly every
figure it appends is a unit's (``sdg_001[province=Ha Noi]``). The cold run keeps, for
every unit a plan declares, the line numbers of its figures in force, and the plan's
dimensions; an append to a unit then gets that indicator's series back from the store's
own lines (its total and every unit's), as an append to a total does, and only the
targets on that indicator are judged again, their units with them.

Anything the plain path would say of an appended unit's figure (a key that names no
declared unit, a figure outside the unit's dates) is left to a cold run, which says it.
"""

from __future__ import annotations

import marshal
from array import array
from operator import attrgetter
from types import SimpleNamespace
from typing import Any, Mapping, Sequence

from .plain import _decode, _encode

__all__ = ["unit_lines", "kept_dimensions", "canonical_appended", "units_of", "unit_plan"]

_LINE = attrgetter("line")


def unit_lines(series: Mapping[str, Sequence[Any]], known: set[str]) -> dict[str, bytes]:
    """Per store key of a declared unit (as the plan names it), its lines in force."""
    return {key: array("I", map(_LINE, rows)).tobytes() for key, rows in series.items() if "[" in key and key in known}


def kept_dimensions(plan: Any) -> bytes | None:
    """The plan's dimensions, marshalled (None without any)."""
    return marshal.dumps(_encode(dict(plan.dimensions))) if plan.dimensions else None


def unit_plan(dimensions: Mapping[str, Any], indicators: Mapping[str, Any]) -> Any:
    """What the unit rules read of a plan (its dimensions and indicators), from the cache."""
    return SimpleNamespace(dimensions=dimensions, indicators=indicators)


def canonical_appended(
    cached: dict, rows: list[Any], allowed: dict[str, type]
) -> tuple[list[Any], dict[str, Any], set[str]] | None:
    """The appended ``rows`` with every unit's key as the plan names it, the dimensions, and
    the indicators whose units were appended to; None when a key names no declared unit
    (the plain path warns of it) or the cache has no dimensions."""
    from ..plan.unit_resolution import canonical_key

    if cached.get("dimensions") is None:
        return None
    dimensions = _decode(marshal.loads(cached["dimensions"]), allowed)
    decoded: dict[str, Any] = {}
    canon: dict[str, str] = {}
    out = []
    for o in rows:
        key = o.indicator
        if "[" not in key:
            out.append(o)
            continue
        name = canon.get(key)
        if name is None:
            base = key.partition("[")[0].strip()
            if base not in cached["indicators"]:
                return None
            if base not in decoded:
                decoded[base] = _decode(marshal.loads(cached["indicators"][base]), allowed)
            found = canonical_key(key, {base: decoded[base]}, dimensions)
            if found is None or (found not in cached["units"] and _open(found, dimensions)):
                return None  # a new unit of an open dimension may be one spelt otherwise: cold
            name = canon[key] = found
        out.append(o if name == key else o._replace(indicator=name))
    bases = {name.partition("[")[0] for name in canon.values()}
    return out, dimensions, bases


def _open(key: str, dimensions: Mapping[str, Any]) -> bool:
    """Whether ``key`` names a unit of a dimension that lists no units (files.open_units
    folds its spellings over the whole store, which a warm run does not read)."""
    from ..plan.units import split_key

    split = split_key(key)
    return split is not None and any(getattr(dimensions.get(d), "values", 1) is None for d, _ in split[1])


def units_of(cached: dict, indicator_ids: set[str]) -> dict[str, bytes]:
    """The kept lines in force of every unit of these indicators, by key."""
    return {key: lines for key, lines in cached["units"].items() if key.partition("[")[0] in indicator_ids}
