"""A workbook's cells read as an import's text (files/workbooks.py): what a cell holds
decides how it is read. A number cell is its number; a text cell holding a number is read
by the CSV rules (``figures``) with no decimal convention known, so only its certain
forms; a date cell is a date (refused as a period or a figure, said as the CSV path says
a period Excel turned into a date); a unit cell is matched loosely against the unit of
targets.yaml (unit_cells, docs/observations-format.md, "Workbooks"). And what kind of file a name
holds (``workbook_kind``): a workbook read here, one refused with what to do, or text.
"""

from __future__ import annotations

import re
import stat
from functools import lru_cache
from itertools import islice
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Mapping

from ..catalog import Figure, Message, msg
from ..plan.model import Location, Plan, Problem
from ..plan.periods import Frequency, PeriodError
from . import rules
from .figures import excel_error, number_text, parse_number_cell, whole_units_kept
from .import_tables import _excel_date_message, _read_period
from .textfiles import nfc
from .typed_periods import no_year
from .unit_cells import unit_line, unit_matches
from .vocabulary import column_of, excel_date, foreign_digits

__all__ = ["is_note", "unit_matches", "ref", "cell_text", "column_name", "figure", "period", "stamp", "unit_line"]


def ref(sheet: str, column: int, row: int) -> str:
    """Excel's name of a cell (0-based column): Sheet1!C7, 'Data 2024'!C7."""
    from openpyxl.utils import get_column_letter

    plain = sheet.replace("_", "").isalnum() and not sheet[0].isdigit()
    name = sheet if plain else "'" + sheet.replace("'", "''") + "'"
    return f"{name}!{get_column_letter(column + 1)}{row}"


def cell_text(value: Any) -> str:
    """A cell as text (indicator, status, source, note, a unit, a header): numbers without a
    needless '.0', a date cell as its ISO date."""
    if value is None:
        return ""
    if isinstance(value, str):
        return nfc(value.strip())
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return number_text(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat()
    if isinstance(value, (date, time)):
        return value.isoformat()
    return str(value)


# A date format that shows a period: its year alone ('yyyy'), or its month and year
# ('mm/yyyy', 'm-yyyy', 'mm.yyyy'); as written, without its quoted text and [locale].
_YEAR_SHOWN = re.compile(r"y{4}")
_MONTH_SHOWN = re.compile(r"m{1,2}[/.\- ]y{4}")


def shown_heading(cell: Any) -> Any:
    """A header cell as read: a date cell whose format shows a year or a month alone is
    the text Excel shows ('2022', '03/2025'), as the same sheet saved as CSV writes it and
    the CSV import reads it; a date the format shows with its day stays a date (refused as
    a period, told the one it probably was). Refused, a 'yyyy' heading was told its
    period was probably January (forty-third session)."""
    value = getattr(cell, "value", None)
    if not isinstance(value, (datetime, date)):
        return value
    written = str(getattr(cell, "number_format", "") or "").split(";")[0]
    shown = re.sub(r'"[^"]*"|\[[^\]]*\]', "", written).replace("\\", "").strip().lower()  # 'mm\/yyyy' too
    if _YEAR_SHOWN.fullmatch(shown):
        return str(value.year)
    if _MONTH_SHOWN.fullmatch(shown):
        return f"{value.month:02d}/{value.year}"
    return value


def column_name(value: Any) -> str:
    """A header cell as a column name: the CSV path's names, spaces and line breaks folded."""
    text = " ".join(cell_text(value).split()).lower()
    return column_of(text)


def sdmx_header(names: list[str]) -> str | None:
    """The first cells of a header row that is an SDMX-CSV message's (``STRUCTURE,
    STRUCTURE_ID`` or ``DATAFLOW`` first, as ``sdmx_csv.sdmx_version`` reads a file's), as
    written in the message's capitals; None for any other row."""
    named = [n for n in names if n]
    if named[:1] == ["dataflow"]:
        return "DATAFLOW"
    if named[:1] and re.fullmatch(r"structure(?:\[[^\]]*\])?", named[0]) and named[1:2] == ["structure_id"]:
        return "STRUCTURE, STRUCTURE_ID"
    return None


def _text_number(text: str, decimal_comma: bool | None) -> float:
    """A number typed into a text cell. With --decimal-comma/--decimal-point, read under it;
    else only its certain forms (``figures.parse_number_either``)."""
    return parse_number_cell(text, decimal_comma, True)


def figure(cell: Any, decimal_comma: bool | None) -> float:
    """The figure of a value cell (not empty): a number cell as it is, a text cell by the
    CSV rules; a date, a yes/no or a percent-formatted number refused."""
    value = cell.value
    if isinstance(value, bool):
        raise ValueError(msg("workbook_value_bool", text=cell_text(value)))
    if isinstance(value, (datetime, date, time)):
        raise ValueError(msg("workbook_value_date", text=cell_text(value)))
    if isinstance(value, (int, float)):
        percent, thousands = _scaling(str(getattr(cell, "number_format", "") or ""), value)
        if percent:
            # 5.28 % is the number 0.0528 shown in a percent format: stored as 0.0528 it
            # would be a hundred times too small for a unit of %.
            return _percent_refused(value)
        if thousands:
            # '#,##0,' shows 2877800 as 2,878: the officer reads a figure a thousand times
            # smaller than the one the cell holds, as with a percent format.
            scale = 1000**thousands
            shown = Figure(float(f"{value / scale:.10g}"))
            raise ValueError(msg("workbook_value_scaled", value=Figure(float(value)), scale=scale, shown=shown))
        if isinstance(value, int):  # a whole number written by a program (pandas' int64)
            return whole_units_kept(float(value), value, str(value))
        return as_shown(value)
    return _text_number(str(value), decimal_comma)


def as_shown(value: float) -> float:
    """A number cell's double as Excel shows it: to its 15 significant digits (the most a
    cell holds as typed). A computed value, a formula's saved with it or a sum pasted as
    values, keeps the double's last bits (10.1 + 0.2 is 10.299999999999999, saved so): stored
    so, it was a figure no one published, and 347534.00000000006 revised 347534 (forty-third
    session). A cell's -0.0 is 0 (rules.number)."""
    return float(f"{float(value):.15g}") + 0.0


# What a number format shows as written, not as a placeholder: "text", \x and [Red], [$-42A].
_FORMAT_TEXT = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')


def _scaling(number_format: str, value: float) -> tuple[bool, int]:
    """Whether the format section that shows ``value`` multiplies it by 100 (a '%' outside
    quotes: '0.00"%"' writes the sign and keeps 8.42) and how many times it divides it by
    1000 (commas after its last digit placeholder: '#,##0,'; '#,##0' only groups)."""
    sections = number_format.split(";")
    index = 0 if value > 0 or len(sections) == 1 else 1 if value < 0 else 2 if len(sections) > 2 else 0
    section = _FORMAT_TEXT.sub("", sections[index])
    trailing = re.search(r"[0#?](,+)[^0#?]*$", section)
    return "%" in section, len(trailing.group(1)) if trailing else 0


def hidden_digits(number_format: str, value: float) -> float | None:
    """The figure a number cell shows when its format shows fewer decimals than it holds
    (8.41234567 under '0.0' shows 8.4; 1234.5 under '#,##0' shows 1235, Excel rounding
    half away from zero); None when it shows all it holds, or the format does not fix its
    decimals (General, text, scientific, fractions). Session 46, helper X."""
    sections = _format_decimals(number_format)
    decimals = sections[0 if value > 0 or len(sections) == 1 else 1 if value < 0 else 2 if len(sections) > 2 else 0]
    if decimals is None:
        return None
    held_float = as_shown(value)
    if round(held_float, decimals) == held_float:
        return None  # the common case, a figure at the decimals shown: no Decimal made (s47)
    from decimal import ROUND_HALF_UP, Decimal

    held = Decimal(repr(held_float))
    if int(held.as_tuple().exponent) >= -decimals:
        return None  # no decimal beyond those shown (and 1e308 is never rounded to 309 digits)
    shown = held.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return None if shown == held else float(shown)


@lru_cache(maxsize=256)
def _format_decimals(number_format: str) -> tuple[int | None, ...]:
    """The decimals each section of a number format shows (positive; negative; zero), None
    for a section that fixes none (General, text, scientific, fractions). Worked out once a
    format: a sheet's 300,000 cells share a few (session 47: 1.4 s, each cell parsed)."""
    out: list[int | None] = []
    for part in number_format.split(";"):
        section = _FORMAT_TEXT.sub("", part)
        if not re.search(r"[0#?]", section) or re.search(r"[Ee/@]|general", section, re.IGNORECASE):
            out.append(None)
            continue
        point = section.find(".")
        out.append(len(re.findall(r"[0#?]", section[point:])) if point >= 0 else 0)
    return tuple(out)


def _percent_refused(value: float) -> float:
    # Figures, not text: a Vietnamese reader reads '8.42' as eight hundred and forty-two.
    shown = Figure(float(f"{value * 100:.10g}"))
    raise ValueError(msg("workbook_value_percent", value=Figure(float(value)), shown=shown))


def period(value: Any, frequency: Frequency | None = None) -> tuple[str, Message | None]:
    """A period cell's canonical text, or what is wrong: a date cell is a period Excel
    turned into a date (said with the period it probably was, as the CSV path does). The
    first of January of an indicator published by year was most likely its year; a
    month's last day is told the periods of the indicator's ``frequency`` ending on it."""
    if isinstance(value, (datetime, date)):
        text = cell_text(value)
        guess = excel_date(text) or ""
        if frequency == Frequency.YEAR and (value.month, value.day) == (1, 1):
            guess = str(value.year)
        return text, _excel_date_message(text, guess, frequency=frequency)
    text = cell_text(value)
    if foreign_digits(text):
        return text, msg("import_period_foreign_digits", period=text)
    if (told := no_year(text)) is not None:  # 'H1': told its year, as typed (typed_periods)
        return text, told
    text = _read_period(text)
    shown = excel_date(text)
    if shown is not None:
        return text, _excel_date_message(text, shown, frequency=frequency)
    # Said here, at the period's cell; the row's checks would say it at the indicator's
    # (an empty cell too: twenty-eighth session). rules.period, as a CSV's cell: it tells a
    # fifth quarter or a thirteenth month as one (issue 17, review of the nineteenth session).
    if not text:
        return text, msg("import_period_cell_empty")
    try:
        rules.period(text)
    except PeriodError as exc:
        return text, exc.message
    return text, None


def stamp(value: Any, default: str, number_format: str = "", mac: bool = False) -> tuple[str, Message | None]:
    """recorded_at: a date cell is that day (midnight UTC, as a bare date); a date and time
    has no zone, so it is read in targets.yaml's timezone or --tz (rules.recorded_at). A
    date cell whose count of days Excel shows as no day of the calendar is refused
    (``workbook_dates.date_cell_refused``; ``number_format``: the cell's; ``mac``: the
    workbook counts its days from 1904, where a time alone is 1 January 1904's), and so is
    a spreadsheet's error value (#N/A), as in every other column."""
    if value is None or value == "":
        return default, None
    if isinstance(value, (datetime, time, timedelta)) or value == "#VALUE!":
        from .workbook_dates import MAC_ZERO, date_cell_refused

        if (edge := date_cell_refused(value, number_format, mac)) is not None:
            return cell_text(value), edge
        if mac and isinstance(value, time):  # Excel shows 01/01/1904 and the time
            value = datetime.combine(MAC_ZERO.date(), value)
    if mac and isinstance(value, (int, float)):
        from .workbook_dates import number_cell_refused

        if (told := number_cell_refused(value, mac)) is not None:  # a 1904 workbook's count
            return cell_text(value), told
    if isinstance(value, str) and excel_error(value):  # '#N/A' from a lookup that found nothing
        return value.strip(), msg("import_cell_excel_error", column="recorded_at", text=value.strip())
    if isinstance(value, datetime) and value.microsecond:
        # A time a formula saved (NOW()) holds a fraction no one typed nor sees: to the
        # nearest second, as the store keeps moments (a typed fraction is refused).
        value = (value + timedelta(microseconds=500_000)).replace(microsecond=0)
    text = cell_text(value)
    if isinstance(value, str):
        if re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?)?", text):
            return text, msg("import_recorded_at_excel_date", recorded_at=text)
    return text, None


def twice_at(message: Message, columns: list[int]) -> tuple[Message, int]:
    """A column given twice (``import_headers.twice``), its places in the table made the
    sheet's columns (1-based, as said), and said at the second's cell (0-based)."""
    params = dict(message.params)
    first, second = (columns[int(str(params[k])) - 1] for k in ("first", "second"))
    params.update(first=str(first + 1), second=str(second + 1))
    return Message(message.id, tuple(sorted(params.items())), message.wording), second  # a split period's words kept


def other_sheets(book: Any, sheet: Any, file: str) -> list[Problem]:
    """Without --sheet the first sheet shown is read: a warning names the other sheets that
    hold cells (one sheet a year, say), or their figures would be left out in silence; the
    hidden ones in a warning of their own, since the officer does not see them."""
    others: dict[bool, list[str]] = {True: [], False: []}
    for other in book.worksheets:
        # The first rows are enough: a table has its header near the top.
        if other is not sheet and any(
            v not in (None, "") for row in islice(other.iter_rows(values_only=True), 50) for v in row
        ):
            others[other.sheet_state == "visible"].append(other.title)
    found = []
    if others[True]:
        shown = ", ".join(f"'{title}'" for title in others[True])
        found.append(
            Problem(Location(file), msg("hostile_documents_other_sheets", sheet=sheet.title, others=shown), "warning")
        )
    if others[False]:
        hidden = ", ".join(f"'{title}'" for title in others[False])
        found.append(Problem(Location(file), msg("workbook_hidden_sheets", sheets=hidden), "warning"))
    return found


def is_note(
    filled: list[tuple[int, Any]], columns: tuple[int, ...], plan: Plan | None, names: Mapping[str, object] = {}
) -> bool:
    """Whether a row's filled cells (sheet column, value) are a note that ends the table: a
    single text cell (a footnote, a source line, a heading), unless it is an indicator of
    the plan in an indicator column (``columns``), by its id or by its name (``names``,
    indicator_names.names_of): a yearbook lists every indicator, some with no
    figure yet, and that row is the indicator's (a wide row gives no figure, a long one is
    refused at its empty cells), not a footnote before which the table ends."""
    if len(filled) != 1 or not isinstance(filled[0][1], str):
        return False
    at, text = filled[0]
    if at not in columns or plan is None:
        return True
    from ..plan.units import unit_match

    return not (text.strip() in plan.indicators or unit_match(text) in names)


_ZIP = b"PK\x03\x04"
# The compound-file container of an old .xls, and of any password-protected .xlsx.
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def workbook_kind(name: str) -> str | None:
    """'xlsx' for a workbook read here, 'ods', 'ole' (an old .xls, or an encrypted .xlsx)
    or 'markup' (a web page's table or Excel 2003's XML, as office systems export "Excel")
    for one refused with what to do (``refusal``), None for a text file (the CSV path):
    tab-separated text under an .xls name, as a system may export it, is read as text, in
    UTF-16 too. Markup is said so only under a workbook's name (second review, issue 17)."""
    if name == "-":
        return None
    path = Path(name)
    suffix = path.suffix.lower()
    head = None  # not read: not a regular file, or one that does not open
    try:
        if stat.S_ISREG(path.stat().st_mode):
            with path.open("rb") as fh:
                head = fh.read(4096)
    except OSError:
        pass  # the CSV path's reader says what is wrong with the file
    if suffix in (".ods", ".fods"):
        return "ods"
    if (head or b"").startswith(_OLE):
        return "ole"
    low = (head or b"").lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    workbook_name = suffix in (".xls", ".xlsx", ".xlsm")  # a .csv or .txt name is read as its text
    if workbook_name and low.startswith(b"<") and any(m in low for m in (b"<html", b"<table", _SPREADSHEET_ML)):
        return "markup"
    if suffix == ".xls":
        # UTF-16 text with its byte-order mark (Excel's "Unicode Text") has zero bytes too.
        utf16 = (head or b"").startswith((b"\xff\xfe", b"\xfe\xff"))
        return "ole" if head is None or (b"\0" in head and not utf16) else None
    # Text or nothing under an .xlsx name (an office system's CSV export) is read as the CSV it is.
    if (head or b"").startswith(_ZIP) or (suffix in (".xlsx", ".xlsm") and (head is None or b"\0" in head)):
        return "xlsx"
    return None


_SPREADSHEET_ML = b"urn:schemas-microsoft-com:office:spreadsheet"


def refusal(name: str, kind: str) -> str:
    """The message id refusing a file of ``kind`` 'ole' or 'markup' (``workbook_kind``),
    as precisely as its bytes tell: a compound file's directory names its streams in
    UTF-16 ("Workbook" for Excel 97-2003, "EncryptedPackage" for an .xlsx with a password)."""
    try:
        with open(name, "rb") as fh:
            data = fh.read(8 << 20 if kind == "ole" else 4096)
    except OSError:
        data = b""
    if kind == "markup":
        return "workbook_xml2003" if _SPREADSHEET_ML in data.lower() else "workbook_html"
    if "EncryptedPackage".encode("utf-16-le") in data:
        return "workbook_password"
    if "Workbook".encode("utf-16-le") in data or "Book\0".encode("utf-16-le") in data:
        return "workbook_old_xls"
    return "workbook_encrypted"


def sheets_with_a_header(book: Any, sheet: Any) -> list[str]:
    """The other sheets whose first rows name the indicator column: where the table is,
    when the sheet read first (a cover note, a title page) has none."""
    return [
        other.title
        for other in book.worksheets
        if other is not sheet
        and any("indicator" in {column_name(v) for v in row} for row in islice(other.iter_rows(values_only=True), 50))
    ]


def garbled_header(sheet: Any) -> tuple[int, int, str, str, str] | None:
    """The first cell of the sheet's first rows whose text, garbled by an old font encoding
    (files/garbled.py), reads as the indicator column's name (a .VnTime workbook's header,
    tests/test_files17.py): (row, column, text, encoding, reading); None when there is none."""
    from .garbled import CODE_PAGES, garbled

    for number, row in enumerate(islice(sheet.iter_rows(values_only=True), 50), start=1):
        for column, value in enumerate(row):
            found = garbled(value) if isinstance(value, str) else None
            if found is not None and found[0] not in CODE_PAGES.values() and column_name(found[1]) == "indicator":
                return number, column, value, found[0], found[1]
    return None
