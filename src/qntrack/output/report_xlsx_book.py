"""The workbook every sheet of the Excel report is written in: its shared formats and
properties, a cell's text cut where Excel cuts it, a figure's decimals, and a sheet
holding one table. Apart from report_xlsx, which writes the summary and figures sheets,
because every sheet's module writes through these."""

from __future__ import annotations

import io
import math
from datetime import datetime
from typing import TYPE_CHECKING, Any, Sequence

from ..catalog import msg
from ..catalog import render as text_of
from .report_groups import STATUS_COLOURS, status_ink
from .report_xlsx_names import sheet_name
from .report_xlsx_print import pages_wide, print_setup
from .report_view import report_word
from .report_contents import report_dates

if TYPE_CHECKING:
    from .report import ReportData


# A date the workbook may carry when the report has none (no --as-of, no figure recorded).
_NO_DAY = datetime(1980, 1, 1)


# Excel holds at most 32,767 characters in a cell; XlsxWriter cuts a longer text there in
# silence, and the cell would read as the whole name (issue 17, twentieth session).
CELL_LIMIT = 32_767


def cell_text(text: str, lang: str) -> str:
    """``text``, or as much of it as a cell holds with the words saying it was cut."""
    if len(text) <= CELL_LIMIT:
        return text
    mark = word("cut", lang)
    return text[: CELL_LIMIT - len(mark)] + mark


def word(key: str, lang: str, **values: Any) -> str:
    """A word of the workbook (catalog section ``report_xlsx``, ``xlsx_<key>``)."""
    return text_of(msg("xlsx_" + key, **values), lang)


def in_zone(heading: str, lang: str) -> str:
    """The heading of a column of recorded moments (date cells): as it is for a plan that
    names no zone, whose cells are UTC as stored; with the zone its cells are written in
    for one that names it, "Recorded (UTC+07:00)" (``_timestamp``; thirty-ninth session,
    pass Z: a UTC datetime under a date format read 2 July for a figure of 3 July)."""
    from ..files.shown_days import shown_zone

    zone = shown_zone()
    if not zone:
        return heading
    from ..method.recorded_days import zone_name

    return word("in_zone", lang, heading=heading, zone=zone_name(zone))


def cell_decimals(value: float) -> int:
    """The decimals the report would show for ``value`` (at most two, trailing zeros
    dropped, as i18n.number; three for a figure published with three, i18n.typed_places):
    the cell's number format, its value kept whole."""
    from .i18n import number, typed_places

    if typed_places(value) >= 3:
        return typed_places(value)  # 9.996 as #,##0.00 would show 10.00, 9.9996 too
    # The decimals of the text the tables write (i18n.number): 999,999,999,999.9 keeps its
    # one, where a whole-number test allowing 1e-9 of the figure's size (1,000 at 1e12)
    # showed the plan of 1,000,000,000,000 it missed; 0.0001 keeps its four, never 0.00;
    # float noise (30.000000000000004) is dropped as there (issue 17, twentieth session).
    text = number(value, "en", 2)
    if "e" in text:
        return 0 if abs(value) >= 1 else 2
    return len(text.partition(".")[2])


class _Book:
    """The workbook and the formats its cells share, made once each."""

    def __init__(self, data: ReportData, lang: str) -> None:
        import xlsxwriter  # type: ignore[import-untyped]  # XlsxWriter ships no type information

        self.lang = lang
        self.out = io.BytesIO()
        # in_memory: the zip entries get XlsxWriter's fixed date (1 January 1980), not the
        # temporary files' modification times.
        self.wb = xlsxwriter.Workbook(self.out, {"in_memory": True, "strings_to_numbers": False})
        # The days it is of, as the other reports' heading says them ("As of 2026-06-30 ·
        # figures recorded through ..."): in its properties and each printed page's header,
        # so the six-month review's appendix is not taken for the year-end one.
        dates = " · ".join(report_dates(data, lang))
        self.dates = dates[:1].upper() + dates[1:]  # alone, not after "Progress report ·"
        self.wb.set_properties(
            {
                "title": data.title_in(lang) or report_word("report", lang),
                "subject": self.dates,
                "author": "qntrack",
                "comments": "qntrack",
                "created": _report_day(data),
            }
        )
        self.taken: set[str] = set()
        self._formats: dict[tuple[Any, ...], Any] = {}
        self.header = self.fmt(bold=True, bg_color="#d9e2f3", border=1, text_wrap=True, valign="top")
        # A period (or a figure's kind, a rank) beside a number: centred, so it never reads
        # as one with the right-aligned number next to it ("12.3" then "2025", not "12.32025").
        self.period = self.fmt(align="center")

    def fmt(self, **props: Any) -> Any:
        key = tuple(sorted(props.items()))
        if key not in self._formats:
            self._formats[key] = self.wb.add_format(props)
        return self._formats[key]

    def number(
        self, value: float, decimals: int = 2, sign: str = "", negative: str = "", suffix: str = "", exact: bool = False
    ) -> Any:
        """``value``'s format: its own decimals (up to three, a figure published with three),
        or ``decimals`` when more are needed (14.999 beside the 15 it missed: the other
        formats' ``figure_decimals``); ``exact``: ``decimals`` alone when more than two (a
        gap of a computed average, 0.0001209923 at the average's four, never "0.00012"
        where the tables write 0.0001; session 47). ``negative``: how a negative value is
        written, its "{}" the figure without its sign (a gap passed: "beyond the target by
        {}"). ``suffix``: words after the figure in both sections (a gap's " pp")."""
        places = cell_decimals(value) if decimals <= 2 else decimals if exact else max(decimals, cell_decimals(value))
        figure = "#,##0" + ("." + "0" * places if places else "") + (f'" {suffix}"' if suffix else "")
        shown = (f'"{sign}"' if sign else "") + figure
        if negative:  # Excel's second section: the negative value, its minus not written
            before, _, after = negative.replace('"', "").partition("{}")
            shown += ";" + (f'"{before}"' if before else "") + figure + (f'"{after}"' if after else "")
        return self.fmt(num_format=shown)

    def shown(self, text: str, least: int = 2, suffix: str = "") -> Any:
        """The format of a P, a score or a percent at the decimals the tables write it
        (``text``, i18n's English): 0.9998 as "0.0000", never "1.00", the milestone met;
        at least ``least`` (issue 17, twentieth session)."""
        places = max(least, len(text.partition(".")[2]))
        decimals = "." + "0" * places if places else ""  # 313 % as "313%", never "313.%"
        return self.fmt(num_format=("#,##0" if suffix else "0") + decimals + suffix)

    def status(self, status: str, wrap: bool = False) -> Any:
        wrapped: dict[str, Any] = {"text_wrap": True} if wrap else {}
        return self.fmt(bg_color=STATUS_COLOURS[status], font_color=status_ink(status), bold=True, **wrapped)

    def sheet(self, title: str) -> Any:
        ws = self.wb.add_worksheet(sheet_name(title, self.taken))
        # A period is text ("2025-H1" and "2025" share a column and sort as written), and
        # Excel marked each year alone with its "number stored as text" triangle.
        ws.ignore_errors({"number_stored_as_text": "A1:XFD1048576"})
        if self.dates:
            ws.set_header("&R" + self.dates.replace("&", "&&"))
        return ws

    def close(self) -> bytes:
        self.wb.close()
        return self.out.getvalue()


def _report_day(data: ReportData) -> datetime:
    """The workbook's creation date: the report's day, never the clock (same bytes)."""
    day = data.as_of or data.recorded_through
    try:
        created = datetime.fromisoformat(day[:10]) if day else _NO_DAY
    except ValueError:
        return _NO_DAY
    # XlsxWriter writes the year by strftime, which writes year 1 as "1": a workbook as of
    # 0001-01-01 could not be opened (fortieth session). Its subject still says the day.
    return created if created.year >= 1000 else _NO_DAY


class _Table:
    """A sheet holding one table: a header row, frozen, with an autofilter over the rows,
    and columns as wide as their longest text (within reason)."""

    def __init__(
        self, book: _Book, ws: Any, headers: Sequence[str], first_row: int = 0, widest: int = 48, key: int = 0
    ) -> None:
        self.book, self.ws, self.top, self.widest, self.key = book, ws, first_row, widest, key
        self.widths = [len(h) for h in headers]
        self.tall: dict[int, int] = {}  # a row holding wrapped text: its longest one's letters
        self.across = 0.0  # set by finish()
        for col, h in enumerate(headers):
            ws.write_string(first_row, col, cell_text(h, book.lang), book.header)
        self.row = first_row + 1

    def put(self, col: int, value: Any, status: str | None = None, fmt: Any = None) -> None:
        """One cell: a number as a number (with its format), text as text, None as blank."""
        book, ws, row = self.book, self.ws, self.row
        if value is None or value == "":
            if status is not None:
                ws.write_blank(row, col, None, book.status(status))
            return
        if isinstance(value, datetime):
            ws.write_datetime(row, col, value, fmt or book.fmt(num_format=_date_format(book.lang)))
            width = 10
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            if value != value or value in (float("inf"), float("-inf")):
                return  # no cell for what is not a number
            ws.write_number(row, col, value, fmt or book.number(float(value)))
            width = len(f"{value:,.2f}")
        else:
            text = cell_text(str(value), book.lang)
            # Longer than the column can be: wrapped in it, never cut at its edge by the next
            # cell (a source's address; issue 17, twenty-second session).
            wrap = len(text) > self.widest
            if wrap:
                self.tall[row] = max(self.tall.get(row, 0), len(text))
            if wrap and status is None and fmt is None:
                fmt = book.fmt(text_wrap=True)
            ws.write_string(row, col, text, book.status(status, wrap) if status else fmt)
            width = len(text)
        self.widths[col] = max(self.widths[col], width)

    def next_row(self) -> None:
        self.row += 1

    def finish(self) -> None:
        ws, widest = self.ws, self.widest
        for col, width in enumerate(self.widths):
            ws.set_column(col, col, min(max(width + 2, 6), widest))
        for row, letters in self.tall.items():
            # Tall enough for its lines (a tenth more for the words' breaks), 15 points a line:
            # a spreadsheet need not grow a row on opening the file (LibreOffice does not).
            ws.set_row(row, min(409, 15 * math.ceil(letters * 1.1 / widest)))
        ws.freeze_panes(self.top + 1, 0)
        ws.autofilter(self.top, 0, max(self.row - 1, self.top), len(self.widths) - 1)
        widths = [min(max(width + 2, 6), widest) for width in self.widths]
        self.across = sum(widths)  # the table's width in characters, for a line spread over it
        print_setup(ws, pages_wide(widths, widths[self.key]))
        ws.repeat_rows(self.top)  # the header on every printed page
        if len(widths) > 1:
            ws.repeat_columns(self.key)  # and the target (or unit, group) on every page across


def spread(t: _Table, row: int, text: str, bold: str = "") -> bool:
    """A line above or below a finished table (``t.finish()``), longer than the table is
    wide, merged across its columns and wrapped, its row as tall as its lines: in one cell
    it ran on past the last column and off the printed page (session 46). ``bold``: its
    first words, in bold. False, writing nothing, for a line the table's width holds."""
    if len(text) <= t.across:
        return False
    ws, book = t.ws, t.book
    fmt = book.fmt(text_wrap=True, valign="top", bold=bool(bold) and bold == text)
    last = len(t.widths) - 1
    if last > 0:
        ws.merge_range(row, 0, row, last, "", fmt)
    if bold and bold != text:
        ws.write_rich_string(row, 0, book.fmt(bold=True), bold, text[len(bold) :], fmt)
    else:
        ws.write_string(row, 0, text, fmt)
    ws.set_row(row, min(409, 15 * math.ceil(len(text) * 1.1 / t.across)))
    return True


def _date_format(lang: str) -> str:
    return "dd/mm/yyyy" if lang == "vi" else "yyyy-mm-dd"
