"""The report as an Excel workbook (issue 15): ``qntrack report --format xlsx -o phu-luc.xlsx``.

The appendix a provincial office sends with its review: a sheet of every target (the
summary), one of the groups, one of every figure in force with its source and vintages,
one per broken-down target with its units ranked, and one of native Excel charts (the
groups by status, each level target's figures against its path) beside the cells they
are drawn from, so that an officer can restyle or extend them.

Numbers are written as numbers with a number format, never as text; statuses are filled
with the HTML report's colours (report_groups.STATUS_COLOURS). Written with XlsxWriter
in memory, whose zip entries carry a fixed date; the document's creation date is the
report's own day (``--as-of``, else the last recording day), never the wall clock, so the
same data give the same bytes (docs/report.md). Pure: the bytes are returned, not written.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Sequence

from ..catalog import msg
from ..files.textfiles import as_given
from ..plan.units import split_key
from .i18n import kind_text, label, percent_reached_text, progress_text, recorded_places, score_text, status_label
from .report_xlsx_plan import goal_of, goal_sign, plan_cells, provisional_period
from .report_xlsx_summary_head import AWAITING_COLUMN, NOT_COUNTED_COLUMN, NOTE_SIZE, not_counted_note, summary_headers
from .report_xlsx_names import sheet_name
from .report_view import LARGE_PLAN, RECENT, REPORT_PACKING, SECTION_DONE, _name
from .report_xlsx_book import _Book, _Table, word

if TYPE_CHECKING:
    from ..plan.model import Observation
    from .report import ReportData

__all__ = ["render_xlsx", "sheet_name", "ZIP_MARK"]

# The zip archive's comment: qntrack's generator mark, at the very end of the file where
# outputs.mark_state looks for it, so that a later report may replace this one. Its
# fingerprint is written by outputs.stamp in place of the zeros (same length, so the
# comment's length in the archive's last record holds).
ZIP_MARK = b"<!-- generator: qntrack; sha256:" + b"0" * 64 + b" -->"

# Rows of a sheet under its header: Excel's sheet ends at row 1,048,576, and XlsxWriter
# drops a cell past it without an error, so a larger table is refused, never cut.
MAX_ROWS = 1_048_575


# --- the summary ----------------------------------------------------------------------


def _summary(book: _Book, data: ReportData) -> None:
    from ..kinds.plan import added_up
    from ..method.parts import input_added_up
    from .revision_marks import revised_places
    from .views.plan import figure_decimals
    from .withdrawn import WITHDRAWN_NOTE, withdrawal_notes
    from .report_xlsx_units import put_gap
    from .replaced_from import status_replaced
    from .report_xlsx_revised import last_day, parts_cell
    from ..plan.model import text_in
    from .views.sums import not_counted_sentences

    lang = book.lang
    dimensions = data.plan.dimensions if data.plan is not None else None  # a target's own unit named
    headers = summary_headers(lang)
    t = _Table(book, book.sheet(word("sheet_summary", lang)), headers, key=3)  # the target's name
    for a in data.assessments:
        latest, period = a.latest, a.latest.period if a.latest else None
        period_text = str(period) if period is not None else ""
        # The months qntrack added up are said as the status table and the other reports
        # say them (review of the twenty-first session): "2025-Q1 (part-year, periods
        # added up)", never as a figure published for the period.
        summed = dict(added=label("added_up", lang))
        if latest is not None and added_up(latest):
            period_text = word("added_up", lang, period=period_text, **summed)
        elif latest is not None and input_added_up(latest):  # a derived figure of a sum
            period_text = word("added_up", lang, period=period_text, added=label("input_added_up", lang))
        if latest is None and a.provisional is not None:
            latest = a.provisional
            period_text = provisional_period(a.provisional, lang)
        by, goal = goal_of(a)
        cells = (
            a.target.group.get(lang) if a.target.group else None,
            a.target.owner.get(lang) if a.target.owner else None,
            a.target.id,
            _name(a, lang),
            a.indicator.name.get(lang),
            a.indicator.unit_in(lang),
            period_text,
            latest.value if latest is not None else None,
            by,
            goal,
            None,  # the gap: put_gap, below (blank beside a failure with nothing to close)
        )
        # The figure at the decimals the other formats write it with (issue 17, review of
        # the nineteenth session): "#,##0.00" showed 14.999 as 15.00.
        places = figure_decimals(a, latest) if latest is not None else 2
        if latest is not None:  # and where it differs from a figure it revised (s44)
            places = revised_places(latest, data.revised.get(a.target.series_key), places)
        for col, value in enumerate(cells):
            if col == 10:
                # The gap as a unit sheet writes a unit's (one rule: put_gap), "beyond the
                # target by 2,130" once passed, where "-2,130" under "Gap" read as a shortfall.
                put_gap(book, t, a, col, lang, points=True)
                continue
            fmt = book.period if col in (6, 8) else None
            if col == 9 and isinstance(value, (int, float)):  # a ceiling's "≤ 4.5" (goal_sign)
                fmt = book.number(float(value), sign=goal_sign(a))
            if col == 7 and isinstance(value, (int, float)) and math.isfinite(value):
                fmt = book.number(float(value), places)
            t.put(col, value, fmt=fmt)
        t.put(11, a.progress_value, fmt=book.shown(progress_text(a.progress_value, "en", a.pace_within)))
        t.put(12, a.score, fmt=book.shown(score_text(a.score, "en")))
        t.put(13, status_label(a.status.value, lang), status=a.status.value)
        percent, same, change, shown = plan_cells(a, lang)
        # At the reports' decimals: "313%" as the Word report writes it, not "313.0%"; a
        # cap's share of its plan where it differs from the share of the year (75.03 %).
        ytd = getattr(a.result, "year_to_date", None) if a.latest is None else None
        written = percent_reached_text(percent, "en")
        if ytd is not None and a.pace_within:
            from .views.plan_places import paced_shares

            written = paced_shares(percent, ytd.share_of_time, "en", True)[0]
        t.put(14, percent, fmt=book.shown(written, 0, '"%"'))
        t.put(15, same)
        t.put(16, change, fmt=book.fmt(num_format=shown) if shown else None)
        t.put(17, label(a.indicator.direction.value, lang))
        came = None
        if latest is not None and not a.indicator.formula:
            t.put(18, was := data.revised.get(a.target.series_key, {}).get(str(latest.period)))
            came = data.whence.get(a.target.series_key, {}).get(str(latest.period)) if was is not None else None
        gone = withdrawal_notes(a, a.target.series_key, lang, dimensions=dimensions)
        t.put(19, "; ".join(text.removeprefix(WITHDRAWN_NOTE) for text in gone))
        if came is not None:
            t.put(20, as_given(came[0]))  # a string cell: never run, so as given
            t.put(21, _timestamp(came[1]))
        if latest is not None:
            t.put(22, kind_text(latest.status, lang))
            t.put(23, as_given(latest.source) or None)
            t.put(24, last_day(latest.period))  # its period in time: a date to sort on (28th session)
        if came is not None:  # the kind of the figure it revised (status's revises_status)
            t.put(25, kind_text(status, lang) if (status := status_replaced(came)) is not None else None)
        t.put(26, text_in(a.target.note, lang))  # the plan's words, in the workbook's language
        t.put(27, parts_cell(latest, data.revised.get(a.target.series_key), lang))
        t.put(28, as_given(text_in(a.target.source, lang)) or None)  # the target's, not a figure's
        t.put(NOT_COUNTED_COLUMN, " ".join(not_counted_sentences(a, lang)))
        t.put(AWAITING_COLUMN, "; ".join(str(p) for p in a.awaiting_figures) or None)
        t.next_row()
    t.finish()
    t.ws.write_comment(0, NOT_COUNTED_COLUMN, not_counted_note(lang), NOTE_SIZE)


# --- every figure in force ------------------------------------------------------------


def _figures(book: _Book, data: ReportData, after: int = 0) -> int:
    """Every figure in force of the report's indicators (and those they are computed
    from), by indicator, unit and period: its status, source, recording date and how many
    vintages of it were recorded by the report's day. In a large report (``large_figures``)
    each series' latest ``RECENT`` figures, as the HTML report lists them, and a line above
    the table saying how many earlier ones are left out and how to list them.

    Its rows are counted on the progress bar against their number and ``after`` (the
    rows the units' sheets will write); returns their number."""
    from .report import _inputs
    from .report_xlsx_withdrawn import put_withdrawn, withdrawn_headers, withdrawn_rows
    from .report_xlsx_revised import (
        data_kind,
        figure_headers,
        last_day,
        put_revised,
        revised_headers,
    )
    from ..method.history import replaced_vintages_of
    from ..plan.model import RETRACTED
    from ..plan.units import unit_key

    lang = book.lang
    plan = data.plan
    wanted = {a.indicator.id for a in data.assessments}
    if plan is not None:
        wanted = _inputs(plan, wanted)
    picked: list[tuple[str, Sequence[tuple[str, str]], Sequence[Observation]]] = []
    for key, series in data.series.items():
        split = split_key(key)
        if split is not None and split[0] in wanted:
            picked.append((split[0], split[1], series))
    # A period whose figure was withdrawn (issue 17, twentieth session): a row with no value
    # (a sum of the sheet is unchanged), and the figure withdrawn in a last column, beside
    # the figure recorded again after it too (withdrawn_rows).
    picked, withdrawn = withdrawn_rows(picked, data, wanted)
    from .report_breakdowns import unit_name

    dimensions = plan.dimensions if plan is not None else {}
    large = large_figures(data, sum(len(series) for _, _, series in picked))
    left_out = 0
    rows: list[tuple[tuple[str, tuple[str, ...], int], str, tuple[str, str], Observation]] = []
    for ind_id, dims, series in picked:
        # The unit as the units sheet names it (its name in the workbook's language), and
        # as stored, which a filter or a script matches the store with: the last column.
        unit = (unit_name(tuple(dims), dimensions, lang, dated=False), ", ".join(v for _, v in dims))
        if large and len(series) > RECENT:
            # A national plan's million figures would be a sheet no one opens, and took
            # minutes to write (issue 17): the latest of each series, the rest counted.
            series = sorted(series, key=lambda o: o.period.sort_key)
            left_out += len(series) - RECENT
            series = series[-RECENT:]
        for o in series:
            rows.append(((ind_id, tuple(v for _, v in dims), o.period.sort_key), ind_id, unit, o))
    rows.sort(key=lambda r: r[0])
    # What each figure in force by --as-of replaced, by history's rule of `revises` (none after a retraction).
    replaced = replaced_vintages_of(data.observations, {unit_key(i, tuple(d)) for i, d, _ in picked}, data.known_by)
    shown = {(o.indicator, str(o.period)) for _, _, _, o in rows}
    bound = data.known_by  # the day's end in the plan's zone
    vintages: dict[tuple[str, str], int] = {}
    for o in data.observations:
        if bound is None or o.recorded_at <= bound:
            figure = (o.indicator, str(o.period))
            if figure in shown:
                vintages[figure] = vintages.get(figure, 0) + 1
    headers = (
        *figure_headers(lang),
        word("vintages", lang),
        *withdrawn_headers(lang),  # the figure withdrawn, then where it came from (26th session)
        word("period_end", lang),  # the period in time, then what the figure replaced (28th session)
        *revised_headers(lang),
        word("breakdown_unit_stored", lang),  # every earlier column keeps its letter (32nd session)
        label("note", lang),  # the figure's note, a retraction's why: last (session 46)
    )
    ws = book.sheet(word("sheet_figures", lang))
    if left_out:
        ws.write_string(0, 0, word("earlier_figures", lang, n=left_out, recent=RECENT), book.fmt(bold=True))
    t = _Table(book, ws, headers, first_row=1 if left_out else 0, widest=60)
    _fits(len(rows), t.top)
    whole = book.fmt(num_format="0")
    tick = SECTION_DONE.get()
    for done, (_, ind_id, unit, o) in enumerate(rows, 1):
        indicator = plan.indicators.get(ind_id) if plan is not None else None
        t.put(0, indicator.name.get(lang) if indicator is not None else ind_id)
        t.put(1, unit[0])
        t.put(2, indicator.unit_in(lang) if indicator is not None else "")
        t.put(3, str(o.period), fmt=book.period)
        # A recorded figure at every decimal typed (-1.2004); a computed one as before.
        typed = isinstance(o.value, float) and math.isfinite(o.value) and not (indicator and indicator.formula)
        t.put(4, o.value, fmt=book.number(o.value, recorded_places(o.value)) if typed else None)
        t.put(5, data_kind(o.status, lang), fmt=book.period)
        t.put(6, as_given(o.source))  # a string cell: never run, so as given
        t.put(7, _timestamp(o.recorded_at))
        t.put(8, vintages.get((o.indicator, str(o.period))), fmt=whole)
        put_withdrawn(t, withdrawn.get((o.indicator, o.period.sort_key)), 9)
        t.put(12, last_day(o.period))
        if o.status != RETRACTED:  # a retraction's row says what it withdrew in its own columns
            put_revised(t, replaced.get(o.indicator, {}).get(o.period), 13, lang)
        t.put(17, unit[1])
        t.put(18, as_given(o.note) or None)  # a string cell: never run, so as given
        t.next_row()
        if tick is not None and done % 1000 == 0:
            tick(done, len(rows) + after)  # the command line's progress bar: rows, the work here
    if tick is not None:
        tick(len(rows), len(rows) + after)
    t.finish()
    return len(rows)


# Figures in force above which the Figures sheet lists each series' latest RECENT only,
# as a large plan's does: about as many rows as Excel opens at ease; the provinces
# benchmark's 145 targets hold a million figures (docs/decisions.md).
FIGURES_IN_FULL = 100_000


def large_figures(data: ReportData, figures: int) -> bool:
    """Whether the Figures sheet takes a large plan's layout (docs/report.md)."""
    return len(data.assessments) > LARGE_PLAN or figures > FIGURES_IN_FULL


def _fits(rows: int, header_row: int) -> None:
    """Refuse a table longer than a sheet (``MAX_ROWS``) rather than lose its last rows."""
    if rows + header_row > MAX_ROWS:
        from ..errors import ExitCode, fail

        raise fail("--format xlsx", msg("xlsx_too_many_rows", rows=rows, limit=MAX_ROWS), ExitCode.USAGE)


# The first moment a date cell holds as the day Excel shows: before it, Excel counts a
# 29 February 1900 that never was, and XlsxWriter writes 1 January 1900 as a time alone;
# an import refuses such a cell (docs/observations-format.md, "Workbooks").
_FIRST_DATE_CELL = datetime(1900, 3, 1)


def _timestamp(text: str) -> datetime | str:
    """A recording time as a date cell, or the text itself if it is none. In the plan's
    zone when it names one (files.shown_days), as every "recorded" day the report shows
    and as a workbook's time without a zone is read back (an import reads it in the
    plan's zone); its heading says the zone (``in_zone``). UTC, as stored, for a plan
    that names none. A date cell holds no zone: 23:30 on 2 July in UTC, under a date
    format, read 2 July for a figure published at 06:30 on 3 July in Hanoi (thirty-ninth
    session, pass Z)."""
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text
    from ..files.shown_days import shown_zone

    zone = shown_zone()
    if zone:
        from ..method.recorded_days import zone_offset

        try:
            moment = moment + (zone_offset(zone) or timedelta(0))
        except OverflowError:  # past 9999-12-31 in the zone: no date cell holds it
            return text
    if moment.replace(tzinfo=None) < _FIRST_DATE_CELL:
        # Year 1 was written as the serial -693594, which Excel and openpyxl read as
        # #VALUE! (fortieth session). The stored text, Z and all, which an import reads back.
        return text
    return moment.replace(tzinfo=None)


def render_xlsx(data: ReportData, lang: str) -> bytes:
    """The workbook's bytes, with qntrack's mark as the zip's comment (not yet stamped)."""
    from .report_xlsx_charts import level_charts
    from .report_xlsx_groups import group_sheet
    from .report_xlsx_headline import headline_sheet
    from .report_xlsx_milestones import milestone_sheet
    from .report_xlsx_units import unit_sheets
    from .report_xlsx_since import since_sheets

    book = _Book(data, lang)
    _summary(book, data)
    summary = book.wb.worksheets()[0].get_name()
    headline_sheet(book, data, summary)
    group_sheet(book, data)
    # After the Summary's companions, before the data sheets: every level target's milestones,
    # as the other reports' milestones tables (forty-first session).
    milestone_sheet(book, data, summary)
    units = sum(len(a.breakdown) for a in data.assessments)
    figures = _figures(book, data, units)
    unit_sheets(book, data, figures, figures + units)
    since_sheets(book, data)  # --since: what changed since the last review (28th session)
    if len(data.assessments) <= LARGE_PLAN:  # a large plan's report draws no target's chart
        level_charts(book, data, word("sheet_charts", lang), word("year", lang))
    packing = REPORT_PACKING.get()
    if packing is not None:
        packing()  # XlsxWriter now writes each sheet's XML: as long again as the rows took
    return with_comment(book.close(), ZIP_MARK)


def with_comment(archive: bytes, comment: bytes) -> bytes:
    """``archive`` (a zip without a comment) with ``comment`` as its archive comment: the
    end-of-central-directory record's last field, so it is the file's last bytes."""
    end = archive[-22:]
    if end[:4] != b"PK\x05\x06" or end[-2:] != b"\x00\x00":
        raise ValueError("not a zip archive without a comment")
    return archive[:-2] + len(comment).to_bytes(2, "little") + comment
