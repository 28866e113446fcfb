"""A sheet's name as Excel accepts it (moved out of report_xlsx.py, at its 500-line limit)."""

from __future__ import annotations

import re

__all__ = ["sheet_name"]

# Characters Excel refuses in a sheet's name, and its longest name.
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
_SHEET_MAX = 31
# A name Excel keeps for itself (its shared workbooks' change history): a sheet may not be
# called so, in any case (Microsoft's "Rename a worksheet").
_RESERVED = frozenset({"history"})


def sheet_name(text: str, taken: set[str]) -> str:
    """``text`` as a sheet's name Excel accepts: no ``[]:*?/\\``, at most 31 characters, not
    starting or ending with an apostrophe, and unlike every name in ``taken`` (compared
    without case, as Excel does), nor ``History``, which Excel reserves: a target whose id
    is ``history`` gets "history (2)", as a second sheet of one name does. ``taken`` gains
    the name."""
    name = _BAD_SHEET_CHARS.sub("-", text).strip("'").strip() or "-"
    name = name[:_SHEET_MAX]
    n = 1
    candidate = name
    while candidate.casefold() in taken or candidate.casefold() in _RESERVED:
        n += 1
        suffix = f" ({n})"
        candidate = name[: _SHEET_MAX - len(suffix)] + suffix
    taken.add(candidate.casefold())
    return candidate
