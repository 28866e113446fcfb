"""The Excel report's sheets of broken-down targets (issue 14): one per target, its units
ranked best to worst, each sheet's rows counted on the report's progress bar."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from ..files.textfiles import as_given
from ..kinds.plan import added_up
from ..method.assessment import shown_figure
from ..method.ranking import rank_units
from .i18n import label, progress_text, score_text
from .report_breakdowns import dimension_names, unit_name, unit_reason, unit_status
from .report_view import SECTION_DONE, report_word
from .report_xlsx_book import _Book, _Table, cell_text, spread, word
from .report_xlsx_names import sheet_name
from .report_xlsx_plan import provisional_period
from .report_xlsx_revised import last_day, put_came, revised_headers
from .report_xlsx_summary_head import NOTE_SIZE, not_counted_note
from .views.sums import not_counted_sentences
from .withdrawn import WITHDRAWN_NOTE, withdrawal_notes
from ..plan.model import text_in
from ..plan.units import unit_key

if TYPE_CHECKING:
    from ..method.assessment import Assessment
    from .report import ReportData

__all__ = ["gap_unit", "put_gap", "unit_sheets"]


def gap_unit(unit: str, lang: str) -> str:
    """What a gap counts in: percentage points for a per-cent unit, else the unit
    (summary.difference_text's rule)."""
    return label("pp", lang) if unit.startswith("%") else unit


def put_gap(book: _Book, t: _Table, a: Assessment, col: int, lang: str, points: bool = False) -> None:
    """A unit's gap as the Summary sheet writes a target's (report_xlsx._summary): blank
    beside a failure with nothing left to close, at the decimals the other formats write
    it, a gap passed worded "beyond the target by 2" (below, for a ceiling). ``points``:
    a per-cent unit's gap written in percentage points against its figure ("2.7 pp"), for
    the Summary, whose Unit column says "% of GRDP" beside it (forty-fourth session); a
    units sheet's heading says "Gap (pp)" instead."""
    from .summary import lower_is_the_goal, nothing_to_close
    from .views.plan import gap_decimals

    value = None if nothing_to_close(a) else a.gap
    if value is None or not math.isfinite(value):
        return
    places = gap_decimals(a)
    beyond = label("below" if lower_is_the_goal(a) else "beyond", lang)
    suffix = label("pp", lang) if points and a.indicator.unit_in(lang).startswith("%") else ""
    figure = f"{abs(value):,.{places}f}" + (f" {suffix}" if suffix else "")
    # As wide as its words and its points together, never "###" on the page (the Vietnamese
    # "beyond the target by 15.19 pp", 29 letters, was given the width of either; pass G).
    t.widths[col] = max(t.widths[col], len(beyond.replace("{}", figure) if value < 0 else figure))
    t.put(col, value, fmt=book.number(float(value), places, negative=beyond, suffix=suffix, exact=True))


def unit_sheets(book: _Book, data: ReportData, done: int = 0, total: int = 0) -> None:
    """A sheet per broken-down target: its units best to worst (method.ranking, as
    `qntrack rank` and the HTML report rank them). Each sheet's rows counted on the
    progress bar, from ``done`` of ``total``."""
    lang = book.lang
    dimensions = data.plan.dimensions if data.plan is not None else {}
    tick = SECTION_DONE.get()
    # The sheets made after these keep their names (a target called 'charts' made the
    # workbook's own "Charts (2)"): a target's sheet is the one told apart.
    later = {word(key, lang).casefold() for key in ("sheet_since", "sheet_status_changes", "sheet_charts")}
    from .revision_marks import revised_places
    from .units_withdrawn import retracted_keys, unit_withdrawn_line, units_withdrawn
    from .views.plan import figure_decimals

    retracted = retracted_keys(data.observations)
    for a in data.assessments:
        # A unit whose every figure was withdrawn is in no breakdown: listed after the
        # ranked units, as the other reports and `status --by` list it (forty-fourth session:
        # the sheet left it out, and a target whose every unit was so had no sheet).
        emptied = units_withdrawn(a, data.observations, data.series, data.known_by, retracted)
        if not a.breakdown and not emptied:
            continue
        ws = book.sheet(sheet_name(a.target.id, book.taken | later))
        # Its own name, else its indicator's: the title gives the id (_name would add it again).
        named = (a.target.name or a.indicator.name).get(lang)
        title = word("units_title", lang, name=named, id=a.target.id)
        note = text_in(a.target.note, lang)
        # The target's note (the Summary's last but one column) is the target's, not a
        # unit's: said after the sheet's title, in plain type, where the table's rows and
        # columns stay where they were (pass W). One cell holds both, cut as any cell is.
        whole = cell_text(f"{title}. {label('note', lang)}: {note}" if note else title, lang)
        if len(whole) > len(title):
            ws.write_rich_string(0, 0, book.fmt(bold=True), title, whole[len(title) :])
        else:
            ws.write_string(0, 0, whole, book.fmt(bold=True))
        headers = (
            report_word("bd_rank", lang),
            # Named as the HTML and Word reports name them: the dimension, each unit in
            # the report's language with its dates.
            dimension_names(a.target.for_each, dimensions, lang),
            label("status", lang),
            label("score", lang),
            label("p", lang),
            word("latest_period", lang),
            word("latest_value", lang),
            label("source", lang),  # of the figure beside it, as the Figures sheet gives it
            # Last: the unit's figures withdrawn, as the Summary says a target's (issue 17,
            # twentieth session).
            word("withdrawn", lang),
            # Then the latest period's last day (a date, to sort in time) and what the
            # latest figure revised, as the Summary says a target's (twenty-eighth session).
            word("latest_period_end", lang),
            *revised_headers(lang),
            # Last: the deadlines the unit missed, which rank and the other reports say
            # beside its status (thirty-second session); a cell of their own here, the
            # Status column staying a status to filter on.
            label("missed_milestones", lang),
            # Then the unit's gap, a number to sort and sum, named with its unit ("Gap (pp)")
            # as the sheet has no unit column: the distance the province still has to go, as
            # the Summary's Gap column gives a target's (issue 17, thirty-fourth session).
            # Last, as the columns users' formulas point at stay where they were.
            f"{label('gap', lang)} ({gap_unit(a.indicator.unit_in(lang), lang)})",
            # Then the unit's figures recorded and not counted in its plan's reading, as rank's
            # CSV ends a unit's row and the Summary a target's (issue 17, thirty-seventh session).
            word("not_counted", lang),
            # Last, the deadlines passed whose figure the unit awaits, as the Summary's last
            # column says a target's and rank says beside a unit's status: "Target achieved"
            # alone read as if 2025 were judged (issue 17, forty-second session, helper R).
            label("awaiting_figures", lang),
        )
        counted = len(headers) - 2  # the column of the figures not counted
        t = _Table(book, ws, headers, first_row=1, key=1)  # the unit's name
        for r in rank_units(a.breakdown, a.indicator.increase):
            u = r.unit.assessment
            t.put(0, r.rank, fmt=book.fmt(num_format="0", align="center"))
            t.put(1, unit_name(r.unit.dims, dimensions, lang))
            # With the reason a unit is not assessed, as show's and rank's tables write it.
            reason = f": {unit_reason(u, lang)}" if u.reason else ""
            t.put(2, unit_status(a.target, r.unit, lang) + reason, status=u.status.value)
            t.put(3, u.score, fmt=book.shown(score_text(u.score, "en")))
            t.put(4, u.progress_value, fmt=book.shown(progress_text(u.progress_value, "en", u.pace_within)))
            # During a plan's year its year-to-date reading, marked as the summary marks it.
            shown = shown_figure(u)
            period = None if shown is None else str(shown.period)
            summed = dict(added=label("added_up", lang))
            if shown is not None and added_up(shown):  # the months qntrack added up, said so
                period = word("added_up", lang, period=period, **summed)
            if u.latest is None and shown is not None:
                period = provisional_period(shown, lang)
            t.put(5, period, fmt=book.period)
            # At the decimals the other documents write it: where it differs from a figure it
            # revised (1.0049 revising 1.005 was "1.005": forty-fourth session).
            key = unit_key(a.indicator.id, r.unit.dims)
            places = 2 if shown is None else revised_places(shown, data.revised.get(key), figure_decimals(u, shown))
            t.put(6, shown.value if shown else None, fmt=book.number(shown.value, places) if shown else None)
            t.put(7, as_given(shown.source) if shown else None)  # a string cell: never run, so as given
            gone = withdrawal_notes(u, unit_key(a.indicator.id, r.unit.dims), lang, dimensions=dimensions)
            t.put(8, "; ".join(text.removeprefix(WITHDRAWN_NOTE) for text in gone))
            if shown is not None:
                t.put(9, last_day(shown.period))
                key, when = unit_key(a.indicator.id, r.unit.dims), str(shown.period)
                was = data.revised.get(key, {}).get(when) if not a.indicator.formula else None
                put_came(t, was, data.whence.get(key, {}).get(when), 10, lang)
            if u.missed_milestones:
                t.put(10 + len(revised_headers(lang)), "; ".join(map(str, u.missed_milestones)))
            put_gap(book, t, u, 11 + len(revised_headers(lang)), lang)
            t.put(counted, " ".join(not_counted_sentences(u, lang)))
            t.put(len(headers) - 1, "; ".join(str(p) for p in u.awaiting_figures) or None)
            t.next_row()
        for dims, rows in emptied:
            t.put(1, unit_name(dims, dimensions, lang))
            t.put(2, label("all_withdrawn", lang), status="not_available")
            t.put(8, unit_withdrawn_line(a, dims, rows, lang, dimensions))
            t.next_row()
        t.finish()
        spread(t, 0, whole, title)  # a title and a note longer than the table: wrapped across it
        ws.write_comment(1, counted, not_counted_note(lang), NOTE_SIZE)
        done += len(a.breakdown)
        if tick is not None:
            tick(done, total)
