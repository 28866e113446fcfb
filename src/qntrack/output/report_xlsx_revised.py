"""The workbook's periods in time and its revised figures (issue 17, twenty-eighth session).

A period is written as its code ("2025-Q1", "2025-H1", "2025"), text, which a spreadsheet
sorts as text: 2025 before 2025-H1 before 2025-Q1. Each sheet of figures therefore ends
with the period's last day, a date cell an officer sorts and filters on in time (the
period's own code stays where it was, for the formulas that point at it).

A figure in force that replaced another is said, on every sheet that shows figures, with
what it replaced: its value (a number), its kind, its source and the day it was recorded,
as the status table's legend and the other reports say it (replaced_from.with_replaced).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, Mapping

from ..files.textfiles import as_given
from ..plan.units import period_end
from .i18n import label
from .replaced_from import status_replaced

if TYPE_CHECKING:
    from ..plan.model import Observation
    from ..plan.periods import Period
    from .replaced_from import Came

__all__ = [
    "data_kind",
    "parts_cell",
    "figure_headers",
    "last_day",
    "revised_headers",
    "put_revised",
    "put_came",
]


def data_kind(status: str, lang: str) -> str:
    """A figure's kind in a data sheet's cell (Figures, a unit's sheet, "Since the last
    review"): its word, and an empty cell for a figure recorded with no status, as the
    store, CSV and JSON keep it (the twentieth session's rule for the Figures sheet: an
    office filters and counts these cells). The Summary, read rather than filtered, says
    "not stated" (i18n.kind_text)."""
    return label(status, lang) if status else ""


def last_day(period: Period) -> datetime:
    """The last day of ``period``, a date cell's value: 2025-Q1 ends on 31 March 2025,
    2025-H1 on 30 June, 2025-9M on 30 September, 2025 on 31 December."""
    end = period_end(period)
    return datetime(end.year, end.month, end.day)


def figure_headers(lang: str) -> tuple[str, ...]:
    """The columns a sheet of figures opens with, a figure as recorded: indicator, unit of
    breakdown, unit, period, value, kind, source, recorded. The Figures sheet and "Since
    the last review" share them, so that a figure reads the same on both."""
    from .i18n import label
    from .report_xlsx_book import in_zone, word

    return (
        label("indicator", lang),
        word("breakdown_unit", lang),
        label("unit", lang),
        label("period", lang),
        label("value", lang),
        label("obs_status", lang),
        label("source", lang),
        in_zone(label("recorded_at", lang), lang),
    )


def revised_headers(lang: str) -> tuple[str, str, str, str]:
    """The columns of what a figure replaced: its value, kind, source and recording day
    (the Summary's words for the same, report_xlsx_summary_head)."""
    from .report_xlsx_book import in_zone, word

    return (
        word("revises", lang),
        word("revises_kind", lang),
        word("revises_source", lang),
        in_zone(word("revises_recorded_at", lang), lang),
    )


def put_revised(t: Any, was: Observation | None, first: int, lang: str) -> None:
    """The vintage ``was`` a figure replaced, in the four columns from ``first`` on (a number,
    its kind in words, its source as given, a date); nothing when it replaced none."""
    from .report_xlsx import _timestamp
    from .i18n import recorded_places

    if was is None or was.value is None:
        return
    value = was.value
    typed = isinstance(value, float) and value == value and abs(value) != float("inf")
    t.put(first, value, fmt=t.book.number(value, recorded_places(value)) if typed else None)
    t.put(first + 1, data_kind(was.status, lang))
    t.put(first + 2, as_given(was.source))  # a string cell: never run, so as given
    t.put(first + 3, _timestamp(was.recorded_at))


def put_came(t: Any, value: float | None, came: Came | None, first: int, lang: str) -> None:
    """``put_revised`` of what the report's ``revised`` and ``whence`` keep of it (the units'
    sheets: the value replaced and ``Came``, its source, recorded_at and kind)."""
    from .report_xlsx import _timestamp

    if value is None:
        return
    t.put(first, value)
    if came is None:
        return
    status = status_replaced(came)
    if status is not None:
        t.put(first + 1, data_kind(status, lang))
    t.put(first + 2, as_given(came[0]))
    t.put(first + 3, _timestamp(came[1]))


def parts_cell(o: Observation | None, revised: Mapping[str, float | None] | None, lang: str) -> str | None:
    """The Summary's last cell: each month (or quarter) of a sum qntrack added up that
    revised an earlier figure, with the figure it replaced, "2025-02: 30; 2025-03: 12" (as
    status's JSON ``parts_revised``); empty on a figure published for its period, or a sum
    none of whose parts was revised."""
    from .i18n import number, typed_places
    from .parts_revised import parts_revised

    if o is None:
        return None
    parts = parts_revised(o, revised)
    return "; ".join(f"{p}: {number(v, lang, typed_places(v))}" for p, v in parts) or None
