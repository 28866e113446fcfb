"""A revised or withdrawn figure's series as its legend line names it (issue 17,
twenty-third session): the indicator's name in the reader's language, "GRDP growth", and
for a unit's series the unit's values after it, "State budget revenue collected in the area
(Ha Long)". A provincial leader reads the report's legend, and knows the indicator by its
name, not by its id (``grdp_growth``); the row that carries the mark still shows the id.
JSON and CSV keep the ids: they are data (docs/decisions.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Mapping

if TYPE_CHECKING:
    from ..plan.model import Indicator
    from ..plan.units import Dimension

__all__ = ["series_name"]


def series_name(indicator: Indicator, key: str, lang: str, dimensions: Mapping[str, Dimension] | None = None) -> str:
    """The name of series ``key`` (a store key: the indicator's id, or a unit's,
    ``plan.units.unit_key``) of ``indicator`` in ``lang``; the key itself when it is no
    series of that indicator (never expected: a legend line still names something).
    With the plan's ``dimensions``, each unit by its name in ``lang`` (``names``), as the
    report's tables name it (report_breakdowns.unit_name); without, by its stored value."""
    from ..plan.units import split_key

    found = split_key(key)
    if found is None or found[0] != indicator.id:
        return key
    name = indicator.name.get(lang) or key
    dims = found[1]
    if not dims:
        return name
    from .report_breakdowns import unit_name

    return f"{name} ({unit_name(dims, dimensions, lang, dated=False) if dimensions else ', '.join(v for _, v in dims)})"
