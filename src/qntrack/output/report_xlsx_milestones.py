"""The Excel report's Milestones sheet (issue 17, forty-first session): one row per
milestone of every level target of the report, in the plan's order, with the figures the
other reports' milestones table gives (report_milestones.py): status, P, score, gap,
required rate, path, deviation, pace needed from now, projection and the year reached.

Every figure is a number cell showing what the Markdown report writes: its decimals are
those of the report's text (made by the same functions), and a rate is the number of per
cent (8.886, shown "+8.9%/yr"), as the Summary's change on last year is. A pace needed from
now holds the figure as the report rounds it so that it suffices (13.583 % needed is 13.6),
never a second rounding of its own; blank after a deadline passed with no figure yet."""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Any

from .i18n import (
    label,
    needed_rate,
    needed_up,
    percent_figure,
    progress_text,
    score_text,
    signed_percent,
    status_label,
    typed_places,
    value_beside,
    value_with_unit,
)
from .report_milestones import FIGURE_KEYS
from .report_view import _name, report_word
from .report_xlsx_book import _Book, _Table, cell_text, word
from .report_xlsx_revised import last_day
from .report_xlsx_summary_head import NOTE_SIZE
from .summary import difference_text

if TYPE_CHECKING:
    from ..method.assessment import Assessment, MilestoneResult
    from .report import ReportData

__all__ = ["milestone_sheet"]

# The sheet's columns after the target's id, name, unit, milestone, deadline and status:
# the report's milestones table's (the catalog's labels).
_FIGURES = FIGURE_KEYS


def milestone_sheet(book: _Book, data: ReportData, summary: str) -> None:
    """The sheet, when a target of the report has milestones; ``summary`` is the Summary
    sheet's name, whose row ``i + 2`` (its column D the target's name) is the report's
    ``i``-th target, which each row's name links to (as "At a glance" links a target)."""
    from .report_xlsx import _fits

    lang = book.lang
    rows = [(i, a, m) for i, a in enumerate(data.assessments) for m in a.milestones]
    if not rows:
        return
    headers = (
        label("id", lang),
        label("target", lang),
        label("unit", lang),
        label("milestone", lang),
        word("deadline", lang),
        label("status", lang),
        *(label(key, lang) for key in _FIGURES),
        word("period_end", lang),  # the deadline in time, a date cell, as every period column has
        # Its figure awaited past the deadline, a word to filter on, as the Since sheet's
        # "In force": the status is read on an earlier figure (forty-first session).
        word("milestone_awaiting", lang),
        # Last, the baseline the rate, the path and P are measured from: typed in targets.yaml
        # it is no figure of the Figures sheet, which a large plan also cuts (session 46).
        word("baseline_period", lang),
        label("baseline", lang),
    )
    ws = book.sheet(word("sheet_milestones", lang))
    t = _Table(book, ws, headers, key=1)  # the target's name on every printed page across
    _fits(len(rows), t.top)
    link = book.fmt(font_color="#1f4e79", underline=1)
    wrapped = book.fmt(font_color="#1f4e79", underline=1, text_wrap=True)
    for i, a, m in rows:
        unit = a.indicator.unit_in(lang)
        t.put(0, a.target.id)
        name = cell_text(_name(a, lang), lang)
        long = len(name) > t.widest
        if long:
            t.tall[t.row] = max(t.tall.get(t.row, 0), len(name))
        ws.write_url(t.row, 1, f"internal:'{summary}'!D{i + 2}", wrapped if long else link, string=name)
        t.widths[1] = max(t.widths[1], len(name))
        t.put(2, unit)
        _number(t, 3, m.value, value_with_unit(m.value, "", "en", typed_places(m.value)))
        t.put(4, str(m.by), fmt=book.period)
        t.put(5, status_label(m.status.value, lang), status=m.status.value)
        t.put(6, m.progress_value, fmt=book.shown(progress_text(m.progress_value, "en")))
        t.put(7, m.score, fmt=book.shown(score_text(m.score, "en")))
        _gap(t, a, m, lang)
        _paces(t, a, m, lang)
        _path(t, a, m)
        _reached(t, m, lang)
        t.put(15, last_day(m.by))
        t.put(16, cell_text(report_word("yes" if m.awaiting_figure else "no", lang).capitalize(), lang))
        if a.baseline is not None:
            t.put(17, str(a.baseline.period), fmt=book.period)
            base = a.baseline.value
            _number(t, 18, base, value_with_unit(base, "", "en", typed_places(base)))
        t.next_row()
    t.finish()
    ws.write_comment(0, 1, word("milestones_links_note", lang), NOTE_SIZE)


def _digits(text: str, signed: bool = False, suffix: str = "") -> str:
    """The number format showing a figure as the report's ``text`` (English) writes it: its
    decimals, a sign when ``signed``, and ``suffix``, literal, after it ("%/yr")."""
    found = re.search(r"\d[\d,]*(?:\.(\d+))?", text)
    places = len(found.group(1) or "") if found else 2
    if "e" in text:  # a figure the report writes with its exponent (1.2e+15)
        digits = "0.00E+00"
    else:
        digits = "#,##0" + ("." + "0" * places if places else "")
    after = f'"{suffix}"' if suffix else ""
    if signed:
        return f"+{digits}{after};-{digits}{after};0{after}"
    return digits + after


def _number(t: _Table, col: int, value: float | None, text: str, signed: bool = False, suffix: str = "") -> None:
    """``value`` as a number cell at the decimals of ``text``; nothing when there is none."""
    if value is None or not math.isfinite(value):
        return
    t.put(col, value, fmt=t.book.fmt(num_format=_digits(text, signed, suffix)))
    t.widths[col] = max(t.widths[col], len(text) + len(suffix) + 1)  # never "###" on the page


def _gap(t: _Table, a: Assessment, m: MilestoneResult, lang: str) -> None:
    """The gap as the report's table writes it (summary.gap_phrase), a negative one worded
    "beyond the target by 0.5" by the format's second section, as the Summary's gap."""
    from .views.plan import gap_decimals

    if m.gap is None or not math.isfinite(m.gap):
        return
    text = difference_text(abs(m.gap), "", "en", signed=False, decimals=gap_decimals(a, m))
    digits = _digits(text)
    shown = digits
    if m.gap < 0:
        beyond = label("beyond" if a.indicator.increase else "below", lang).replace('"', "")
        before, _, after = beyond.partition("{}")
        shown += ";" + (f'"{before}"' if before else "") + digits + (f'"{after}"' if after else "")
        t.widths[8] = max(t.widths[8], len(beyond) + len(text))
    t.put(8, m.gap, fmt=t.book.fmt(num_format=shown))


def _paces(t: _Table, a: Assessment, m: MilestoneResult, lang: str) -> None:
    """The rate (or change) a year the path asks for from the baseline, and the one needed
    from now on, rounded so that it suffices (report_milestones._needed)."""
    base = a.baseline.value if a.baseline is not None else None
    unit = a.indicator.unit_in(lang)
    per_year = label("per_year", lang)
    in_size = f" {label('rate_in_size', lang)}" if base is not None and base < 0 else ""
    rate_suffix = ("%" + per_year + in_size).replace('"', "")
    named = (label("pp", lang) if unit.startswith("%") else unit).replace('"', "")
    change_suffix = (f" {named}" if named else "") + per_year
    if m.required_rate is not None:
        _number(t, 9, percent_figure(m.required_rate), signed_percent(m.required_rate, "en"), True, rate_suffix)
    elif m.required_change is not None:
        from .views.level import path_places  # the path's decimals, as the report's table (41st session)

        shown = difference_text(m.required_change, "", "en", decimals=path_places(a, m))
        _number(t, 9, m.required_change, shown, True, change_suffix)
    from .views.level import needs_nothing

    if needs_nothing(a, m):  # a deadline past with no figure, a level to keep, a milestone achieved
        return
    up = needed_up(base, a.indicator.increase)
    if m.required_rate_from_latest is not None:
        rate = m.required_rate_from_latest
        _number(t, 12, percent_figure(rate, up), needed_rate(rate, base, a.indicator.increase, "en"), True, rate_suffix)
    elif m.required_change_from_latest is not None:
        from .views.level import needed_change

        change, places = needed_change(a, m)
        _number(t, 12, change, difference_text(change, "", "en", decimals=places), True, change_suffix)


def _path(t: _Table, a: Assessment, m: MilestoneResult) -> None:
    """Where the path says the figure should be by the latest one, the figure's deviation
    from it, and where the achieved pace takes it by the deadline."""
    from .views.level import path_places

    places = path_places(a, m)
    if m.trajectory is not None:
        _number(t, 10, m.trajectory, value_with_unit(m.trajectory, "", "en", places))
    if m.deviation is not None:
        _number(t, 11, m.deviation, difference_text(m.deviation, "", "en", decimals=places), True)
    if m.projected is not None:
        _number(t, 13, m.projected, value_beside(m.projected, m.value, "", "en"))


def _reached(t: _Table, m: MilestoneResult, lang: str) -> None:
    """The year the milestone is (or, at the achieved pace, would be) reached: a number cell,
    "would be 2026" by its format when a projection; "never at this pace" in words; blank
    for a milestone achieved, as the report's "–"."""
    if m.status.value == "target_achieved":
        return
    if m.reached_in is None:
        if m.never_reached:
            t.put(14, label("never", lang))
        return
    year: Any = str(m.reached_in)
    if not year.isdigit():  # not a year: its period's code, as the report writes it
        t.put(14, year)
        return
    shown = "0"
    if m.reached_is_projection:
        before, _, after = report_word("would_be", lang, year="{}").replace('"', "").partition("{}")
        shown = (f'"{before}"' if before else "") + "0" + (f'"{after}"' if after else "")
        t.widths[14] = max(t.widths[14], len(before) + len(year) + len(after))
    t.put(14, int(year), fmt=t.book.fmt(num_format=shown))
