"""The workbook's "since the last review" (``report --since DATE``; issue 17, twenty-eighth
session): what the other formats' section says, as two sheets an officer filters.

"Since the last review": each figure recorded after the date (new, revised, retracted),
laid out as the Figures sheet lays out a figure (indicator, unit of breakdown, unit,
period, value, kind, source, recorded), then the change in words and what the figure
replaced (its value, kind, source, recording day), then the period's last day (a date, to
sort in time). "Status changes": each target whose status moved, before and now, filled
as the Summary's statuses. Each sheet's first row says the date, as the section's title.
Numbers are numbers; an empty table is a header alone (nothing changed).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..files.textfiles import as_given
from ..plan.model import RETRACTED
from ..plan.units import split_key
from .i18n import date_text, label, recorded_places
from .report_since import _change_words
from .report_view import _name, _status_with_missed, report_word
from .report_xlsx import _fits, _timestamp
from .report_xlsx_book import _Book, _Table, cell_text, word
from .report_xlsx_revised import data_kind, figure_headers, last_day, put_revised, revised_headers

if TYPE_CHECKING:
    from .report import ReportData

__all__ = ["since_sheets"]


def since_sheets(book: _Book, data: ReportData) -> None:
    """The two sheets of ``--since``; none without it."""
    s = data.since
    if s is None:
        return
    lang = book.lang
    title = report_word("since_title", lang, date=date_text(s.date, lang))
    # The plan's indicators, and an assessed one the plan lacks (a report without a plan).
    indicators = dict(data.plan.indicators) if data.plan is not None else {}
    for a in data.assessments:
        indicators.setdefault(a.indicator.id, a.indicator)

    ws = book.sheet(word("sheet_since", lang))
    ws.write_string(0, 0, cell_text(title, lang), book.fmt(bold=True))
    headers = (
        *figure_headers(lang),
        report_word("change", lang),
        *revised_headers(lang),
        word("period_end", lang),
        # Last, so that every earlier column keeps its letter (a filter, a formula): a row
        # a later row of the sheet revised or withdrew is no longer in force, as the other
        # formats' since table marks it (issue 17, thirty-first session).
        label("in_force", lang),
        # The unit as stored, after the unit column's name (the units sheet's): what a filter
        # or a script matches the store with (issue 17, thirty-second session).
        word("breakdown_unit_stored", lang),
    )
    t = _Table(book, ws, headers, first_row=1, widest=60)
    _fits(len(s.changes), t.top)  # refused, never cut at the sheet's last row
    from .report_breakdowns import unit_name

    dimensions = data.plan.dimensions if data.plan is not None else {}
    for c in s.changes:
        o = c.observation
        split = split_key(o.indicator)
        base, dims = split if split is not None else (o.indicator, ())
        indicator = indicators.get(base)
        t.put(0, indicator.name.get(lang) if indicator is not None else base)
        t.put(1, unit_name(dims, dimensions, lang, dated=False))
        t.put(2, indicator.unit_in(lang) if indicator is not None else "")
        t.put(3, str(o.period), fmt=book.period)
        if o.status != RETRACTED and o.value is not None:
            t.put(4, o.value, fmt=book.number(o.value, recorded_places(o.value)))
        t.put(5, data_kind(o.status, lang), fmt=book.period)
        t.put(6, as_given(o.source))  # a string cell: never run, so as given
        t.put(7, _timestamp(o.recorded_at))
        t.put(8, _change_words(c, lang))
        put_revised(t, c.previous, 9, lang)
        t.put(13, last_day(o.period))
        t.put(14, cell_text(report_word("yes" if c.in_force else "no", lang).capitalize(), lang))
        t.put(15, ", ".join(v for _, v in dims))
        t.next_row()
    t.finish()

    ws = book.sheet(word("sheet_status_changes", lang))
    ws.write_string(0, 0, cell_text(title, lang), book.fmt(bold=True))
    moved = (label("id", lang), label("target", lang), report_word("before", lang), report_word("now", lang))
    t = _Table(book, ws, moved, first_row=1, key=1)
    for sc in s.status_changes:
        t.put(0, sc.target_id)
        t.put(1, _name(sc.after, lang))
        t.put(2, _status_with_missed(sc.before, lang), status=sc.before.status.value)
        t.put(3, _status_with_missed(sc.after, lang), status=sc.after.status.value)
        t.next_row()
    t.finish()
