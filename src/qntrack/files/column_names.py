"""The names a column of a plan's dimension may have in an import's header, worked out once
an import (moved out of files/importing.py whole, its 500 lines: issue 17, thirtieth
session). Pure."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..plan.model import Plan

__all__ = ["dimension_headings", "dimension_names"]


def dimension_names(plan: Plan) -> tuple[tuple[str, str], ...]:
    """Every name a column of a dimension may have (its id, its name in either language,
    and that name without a closing qualifier in brackets), matched as units are
    (``unit_match``), with the dimension's id. A short name that is a column qntrack
    reads (``source`` in either language, a unit or row-number column) is not taken.

    The shipped plan's dimension is "Locality (district level until 30 June 2025)", in
    Vietnamese too; an officer heads the column with the first word alone. A short name
    two dimensions share names neither: the column would be a guess (docs/decisions.md).
    """
    from ..plan.dimension_names import short_name
    from ..plan.units import unit_match
    from .import_headers import LONG_COLUMNS
    from .vocabulary import HEADINGS, UNIT_COLUMNS, fold, is_row_number

    out: dict[str, str] = {}
    for d in plan.dimensions.values():
        for name in (d.id, d.name.en, d.name.vi):
            out.setdefault(unit_match(name), d.id)
    # A short name that is a column qntrack reads ("Source (of funds)", in either
    # language) names that column: the file's source column had been read as the dimension's.
    ours = {unit_match(n) for n in (*LONG_COLUMNS, *HEADINGS)}
    short: dict[str, set[str]] = {}
    for d in plan.dimensions.values():
        for name in (d.name.en, d.name.vi):
            bare = short_name(name)
            taken = unit_match(bare) in ours or fold(bare) in UNIT_COLUMNS or is_row_number(bare)
            if bare and bare != name and not taken:
                short.setdefault(unit_match(bare), set()).add(d.id)
    for key, ids in short.items():
        if len(ids) == 1 and key not in out:
            out[key] = next(iter(ids))
    return tuple(out.items())


def dimension_headings(plan: Plan) -> tuple[str, ...]:
    """The dimensions' English and Vietnamese names as the plan writes them, for a message
    beside their ids: one of each spelling that reads alike, none that reads as an id, only
    those ``dimension_names`` reads as their dimension (a name two share names neither). An
    officer who headed a column with a longer Vietnamese wording of the dimension is told
    its Vietnamese name, not only its id."""
    from ..plan.units import unit_match

    read = dict(dimension_names(plan))
    out: dict[str, str] = {unit_match(d.id): "" for d in plan.dimensions.values()}
    for d in plan.dimensions.values():
        for name in (d.name.en, d.name.vi):
            if name and read.get(unit_match(name)) == d.id:
                out.setdefault(unit_match(name), name)
    return tuple(name for name in out.values() if name)
