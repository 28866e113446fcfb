"""Reading an import from a workbook: ``add-observation --from so-lieu.xlsx [--sheet NAME]``.

The same tables as the CSV path (``import_tables``: the long shape, ``--wide`` yearbook
tables, Vietnamese column names and status words, the plan's dimension columns), read
from the cells of one sheet with openpyxl in read-only mode, row by row, so that a sheet
of a million rows is read in bounded memory. What a cell holds decides how it is read,
never a guess at separators: a number cell is its number, a date cell a date; only a
text cell that holds a number is read by the CSV rules (``figures``), with no decimal
convention known, so only its certain forms (docs/observations-format.md, "Workbooks").

A yearbook sheet has a title and notes above its table and footnotes below it: the table starts at its header row
(the first row naming the indicator column) and ends at the first empty or note row after its figures (``_Table``).
A unit column, or a unit line above the table, is checked against the indicator's unit; a problem names its sheet and cell (``so-lieu.xlsx:Sheet1!C7``).
"""

from __future__ import annotations

import stat
from itertools import chain
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import IO, Iterator

from ..catalog import Figure, Message, msg
from ..errors import fail, os_read_reason
from ..plan.model import Location, Plan, Problem
from .import_wide import periods_below, value_over_periods, wide_unasked
from .import_wide_columns import _wide_columns
from .import_tables import (
    LONG_REQUIRED,
    SECOND,
    ImportFormat,
    ParsedTable,
    RowDefaults,
    _breakdowns,
    _dimension_columns,
    _long_columns,
    _looks_like_period,
)
from .empty_values import counted
from .workbook_book import open_book as _open_book
from .workbook_dates import MAC_ZERO, ShownDates
from .workbook_formulas import formulas_without_values
from .workbook_header import data_below, gap, lower_half, merged
from .workbook_hidden import hidden_columns_warning, hidden_parts, hidden_warning
from .workbook_stale import recalculated_on_open, stale_formulas
from .workbook_book import filled_cells as _filled
from .workbook_book import pick_sheet as _pick_sheet
from .workbook_book import sheet_rows as _rows
from .workbook_cells import cell_text as _text
from .workbook_cells import column_name as _name
from .workbook_cells import garbled_header, is_note, other_sheets, refusal, sheets_with_a_header
from .workbook_cells import ref as _ref
from .workbook_cells import sdmx_header, shown_heading
from .workbook_cells import twice_at
from .workbook_cells import unit_line, unit_matches, workbook_kind
from .workbook_rows import _row

__all__ = ["workbook_kind", "read_workbook", "unit_matches"]

# --- the table ------------------------------------------------------------------------


@dataclass
class _Table:
    """Where the table of a sheet is: its header row, each column read (sheet column,
    0-based) with its name, and the unit column if any."""

    row: int
    columns: list[tuple[int, str]]
    unit: int | None = None
    left: int = 0  # the sheet column of the table's first column

    @property
    def names(self) -> list[str]:
        return [name for _, name in self.columns]


@dataclass
class _Reading:
    file: str
    sheet: str
    fmt: ImportFormat
    defaults: RowDefaults
    plan: Plan | None
    parsed: ParsedTable = field(default_factory=lambda: ParsedTable("", False))
    # Value cells found empty, maybe formulas without a saved value: (row, column) -> what
    # they are when they are not (an empty long value is a problem; a wide one is no figure).
    blanks: dict[tuple[int, int], Problem | None] = field(default_factory=dict)
    seen: dict = field(default_factory=dict)
    headings: dict[int, str] = field(default_factory=dict)  # sheet column -> header cell as typed
    names: dict[str, tuple[str, ...]] | None = None  # the plan's indicator names (indicator_names.names_of)
    shown: ShownDates = field(default_factory=ShownDates)  # recorded_at typed as Excel shows a date
    hidden: frozenset[int] = frozenset()  # the sheet's rows hidden in Excel (workbook_hidden)
    hidden_read: list[int] = field(default_factory=list)  # those read as rows of the table
    last: int = 0  # the last row read as a row of the table
    kept: tuple | None = None  # a row looked at below the header and not part of it: the first data row
    read: set[int] = field(default_factory=set)  # the sheet columns whose cells are read (not passed over)
    mac: bool = False  # the workbook counts its days from 1904 (old Mac Excel; workbook_dates)
    # A unit line above the table (unit_cells.unit_line): (sheet column, row, the unit),
    # checked against each indicator when the table has no unit column; the indicators told.
    unit_line: tuple[int, int, str] | None = None
    unit_told: set[tuple[str, ...]] = field(default_factory=set)
    merged: dict[tuple[int, int], tuple[str, int]] = field(default_factory=dict)  # workbook_hidden.Hidden.merged
    # Number cells showing fewer decimals than they hold: how many, the first (column, row, held, shown).
    hidden_digits: int = 0
    hidden_first: tuple[int, int, float, float] | None = None

    def at(self, column: int, row: int) -> Location:
        return Location(self.file, row, column + 1, _ref(self.sheet, column, row))

    def problem(self, column: int, row: int, message: str | Message) -> None:
        self.parsed.problems.append(Problem(self.at(column, row), message))


def _find_table(rows: Iterator[tuple[int, tuple]], reading: _Reading) -> _Table | None:
    """The header row: the first row with a cell naming the indicator column, and the row
    below it when the header is two rows (files/workbook_header.py): with --wide when it
    names no period, in a long table when it leaves a gap between its named columns."""
    for number, cells in rows:
        names = [_name(shown_heading(c)) for c in cells]
        if "indicator" not in names:
            if reading.unit_line is None:
                found = next(((i, u) for i, c in enumerate(cells) if c is not None and (u := unit_line(c.value))), None)
                reading.unit_line = (found[0], number, found[1]) if found else None
            continue
        reading.headings = {i: _text(shown_heading(c)) for i, c in enumerate(cells)}
        if sdmx := sdmx_header(names):  # an exchange message opened in Excel and saved as .xlsx
            raise fail(reading.at(min(i for i, n in enumerate(names) if n), number), msg("workbook_sdmx", first=sdmx))
        if reading.fmt.wide and not any(
            _looks_like_period(n) or isinstance(c.value, (datetime, date)) for n, c in zip(names, cells, strict=True)
        ):
            below = next(rows, None)
            # A long sheet read --wide has data below its header: not a lower half.
            if below is not None and not data_below(names, below[1]):
                names, number = merged(names, below[1], reading.headings), below[0]
        elif not reading.fmt.wide and not any(map(_looks_like_period, names)) and _open_below(names):
            # Neither shape's columns in the row: a wide table's years may be in the row
            # below, under a merged heading ("Year"), which a long table never has (issue
            # 17, twenty-seventh session; read as wide by _read_rows, said once); or under
            # the value column's heading merged over them ('Thuc hien', forty-fifth session).
            below = next(rows, None)
            lower = [] if below is None else [_name(shown_heading(c)) for c in below[1]]
            if (
                below is not None
                and not data_below(names, below[1])
                and periods_below(names, lower)
                and ("value" not in names or value_over_periods(names, lower))
            ):
                names, number = merged(names, below[1], reading.headings), below[0]
            elif below is not None and "value" in names and lower_half(names, below[1]):
                names, number = merged(names, below[1], reading.headings), below[0]  # as below
            elif below is not None:
                reading.kept = below
        elif not reading.fmt.wide and gap(names):
            below = next(rows, None)
            if below is not None and lower_half(names, below[1]):
                names, number = merged(names, below[1], reading.headings), below[0]
            elif below is not None:
                reading.kept = below  # the first data row, read with the others
        return _columns(number, names, reading)
    return None


def _open_below(names: list[str]) -> bool:
    """Whether a header row may go on in the row below: it names no value column, or leaves a
    cell empty between its named ones or right of its value column (a heading merged over
    columns holds its text in the first cell alone; a sheet's row may end at it)."""
    if "value" not in names:
        return True
    at = names.index("value")
    return gap(names) or not "".join(names[at + 1 : at + 2])


def _columns(row: int, names: list[str], reading: _Reading) -> _Table:
    """The table's columns: from the indicator column (wide; a row number left of it is not
    read, a dimension's is) or the first named one (long), to the last named one."""
    last = max(i for i, n in enumerate(names) if n)
    left = names.index("indicator") if reading.fmt.wide else min(i for i, n in enumerate(names) if n)
    left = min([left, *_dimension_columns(names, reading.fmt.dimensions)])  # a dimension's left of it
    table = _Table(row, [], left=left)
    for i in range(left, last + 1):
        if names[i] == "unit" and table.unit is None:
            table.unit = i
        else:
            table.columns.append((i, names[i]))
    return table


def _header_problems(table: _Table, reading: _Reading, start: int) -> None:
    """The CSV path's header problems name a column by its place in the table: said at
    that cell of the header row, with the sheet's column number."""
    problems = reading.parsed.problems
    for k in range(start, len(problems)):
        message = problems[k].message
        column = table.left
        if isinstance(message, Message):
            params = dict(message.params)
            if message.id.startswith("small_column_twice"):
                message, column = twice_at(message, [c for c, _ in table.columns])
            elif "column" not in params and "name" in params and (said := _name(str(params["name"]))) in table.names:
                # An unknown or repeated column: at its own cell (the last, for one named twice),
                # its name read as the headings were ("Foo" as foo: told at A1 until the
                # forty-third session).
                named = [i for i, name in table.columns if name == said]
                column = named[-1] if message.id == "import_column_twice" else named[0]
            elif "column" in params:
                column = table.columns[int(str(params["column"])) - 1][0]
                params["column"] = str(column + 1)
                message = Message(message.id, tuple(sorted(params.items())))
        problems[k] = Problem(reading.at(column, table.row), message, problems[k].severity)


def read_workbook(
    name: str,
    sheet: str | None,
    fmt: ImportFormat,
    defaults: RowDefaults,
    plan: Plan | None,
    piped: bytes | None = None,
) -> ParsedTable:
    """The candidate rows of one sheet of the workbook ``name`` and every problem found;
    ``piped``: its bytes, read from a pipe (``name`` is then what to call it, ``<stdin>``)."""
    from .importing import MAX_IMPORT_BYTES

    if fmt.delimiter is not None:
        from ..errors import ExitCode

        raise fail("--delimiter", msg("workbook_delimiter", file=name), ExitCode.USAGE)
    if piped is not None:  # read within MAX_IMPORT_BYTES (importing.read_source)
        from io import BytesIO

        return _read_sheet(BytesIO(piped), name, sheet, fmt, defaults, plan)
    path = Path(name)
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        from .windows_paths import with_windows_hint

        raise fail(name, with_windows_hint(msg("import_file_not_found"), name)) from None
    except OSError as exc:
        # A loop of links, a part of the path that is a file: the system's words and what to
        # do, as a CSV's path is told (Path.exists took them for a file not found).
        raise fail(name, msg("import_cannot_read", reason=os_read_reason(exc))) from None
    if stat.S_ISDIR(mode):
        raise fail(name, msg("import_is_directory"))
    if not stat.S_ISREG(mode):
        raise fail(name, msg("workbook_not_regular"))
    kind = workbook_kind(name)
    if kind == "ods":
        raise fail(name, msg("workbook_ods"))
    if kind in ("ole", "markup"):
        raise fail(name, msg(refusal(name, kind)))
    if path.stat().st_size > MAX_IMPORT_BYTES:
        raise fail(name, msg("import_too_large", limit=MAX_IMPORT_BYTES // (1024 * 1024)))
    try:
        # openpyxl's warnings are silenced by the command line (cli/app.py), not here: a
        # caller's filters are its own (catch_warnings swapped them under every thread).
        with path.open("rb") as fh:
            return _read_sheet(fh, name, sheet, fmt, defaults, plan)
    except OSError as exc:
        raise fail(name, msg("import_cannot_read", reason=os_read_reason(exc))) from None


def _read_sheet(
    fh: IO[bytes], name: str, wanted: str | None, fmt: ImportFormat, defaults: RowDefaults, plan: Plan | None
) -> ParsedTable:
    book = _open_book(fh, name, data_only=True)
    try:
        sheet = _pick_sheet(book, name, wanted)
        reading = _Reading(name, sheet.title, fmt, defaults, plan)
        reading.mac = getattr(book, "epoch", None) == MAC_ZERO  # openpyxl's CALENDAR_MAC_1904
        if wanted is None:
            reading.parsed.notes.extend(other_sheets(book, sheet, name))
        rows = _rows(sheet, name)
        table = _find_table(rows, reading)
        if table is None:
            what = "indicator, 2021, 2022, ..." if fmt.wide else ", ".join(LONG_REQUIRED)
            garbled = garbled_header(sheet)
            if garbled is not None:
                row, column, text, encoding, reads = garbled
                words = msg("workbook_header_garbled", text=text, reading=reads, encoding=encoding)
                raise fail(reading.at(column, row), words)
            from .workbook_header import joined_lines, unmarked_row

            # Another sheet's header first: a template's instructions sheet names the
            # columns in a sentence, read as a joined line otherwise (session 47, helper G).
            elsewhere = sheets_with_a_header(book, sheet) if wanted is None else []
            if elsewhere:
                raise fail(name, msg("workbook_no_header_elsewhere", sheet=sheet.title, other=elsewhere[0]))
            joined = joined_lines(sheet) or unmarked_row(sheet)
            if joined is not None:
                raise fail(reading.at(joined[1], joined[0]), joined[2])
            raise fail(name, msg("workbook_no_header", sheet=sheet.title, header=what))
        hidden = hidden_parts(sheet)
        reading.hidden, formulas, reading.merged = hidden.rows, hidden.formulas, hidden.merged
        _read_rows(chain([reading.kept], rows) if reading.kept is not None else rows, table, reading)
        reading.shown.settle(reading.parsed)
        reading.parsed.notes.extend(reading.parsed.marks.said())
        if reading.hidden_first is not None:
            column, row, held, shown = reading.hidden_first
            more = reading.hidden_digits - 1
            if more:
                words = msg("s46x_workbook_hidden_digits_more", value=Figure(held), shown=Figure(shown), more=more)
            else:
                words = msg("s46x_workbook_hidden_digits", value=Figure(held), shown=Figure(shown))
            reading.parsed.notes.append(Problem(reading.at(column, row), words, "warning"))
        if reading.hidden_read:
            reading.parsed.notes.append(hidden_warning(name, sheet.title, reading.hidden_read))
        read_hidden = [(i + 1, heading) for i, heading in table.columns if i + 1 in hidden.columns]
        if read_hidden:
            reading.parsed.notes.append(hidden_columns_warning(name, sheet.title, read_hidden))
    finally:
        book.close()
    if reading.blanks:
        formulas_without_values(fh, name, wanted, reading)
    reading.parsed.notes = counted(name, reading.parsed.notes)  # rows passed over for an empty value
    if formulas and reading.last and recalculated_on_open(fh):
        stale_formulas(fh, name, wanted, reading, (table.row + 1, reading.last), reading.read)
    return reading.parsed


def _read_rows(rows: Iterator[tuple[int, tuple]], table: _Table, reading: _Reading) -> None:
    problems = reading.parsed.problems
    start = len(problems)
    names = table.names
    where = Location(reading.file, table.row)
    dims = _dimension_columns(names, reading.fmt.dimensions)
    typed, kinds = [reading.headings.get(i, "") for i, _ in table.columns], _breakdowns(reading.fmt)
    wide = _wide_columns(names, where, problems, dims, kinds, typed) if reading.fmt.wide else None
    headings = reading.fmt.dimension_headings
    long = None if reading.fmt.wide else _long_columns(names, where, problems, "", dims, kinds, typed, headings)
    if wide is None and long is None and not reading.fmt.wide:
        wide = wide_unasked(names, where, problems, start, dims, kinds, typed)
    _header_problems(table, reading, start)
    if wide is None and long is None:
        return
    right = max(table.columns[-1][0], table.unit if table.unit is not None else -1)
    # The indicator column: a plan's indicator alone there is its row, not a note (is_note).
    named = long if long is not None else dict(wide.meta, indicator=wide.first) if wide is not None else {}
    periods = [k for k, _ in wide.periods] if wide is not None else []
    reading.read = {table.columns[k][0] for k in (*named.values(), *periods)}
    if table.unit is not None:
        reading.read.add(table.unit)
    column = tuple(table.columns[named[c]][0] for c in ("indicator", SECOND) if c in named)
    if reading.plan is not None and reading.names is None:
        from .indicator_names import names_of

        reading.names = names_of(reading.plan)
    started, ended = False, 0
    why = ""
    for number, cells in rows:
        filled = _filled(cells)
        if ended:
            if len(filled) > 1:
                reading.problem(filled[0][0], number, msg("workbook_after_table_" + why, end=ended))
                return
            continue
        if not filled:
            if started:
                ended, why = number, "empty"
            continue
        if is_note(filled, column, reading.plan, reading.names or {}):
            ended, why = number, "note"  # a footnote, a source line, a heading inside the table
            continue
        started = True
        # A long table's columns are all named: a cell left or right of them is in none.
        outside = [i for i, _ in filled if i > right or (i < table.left and not reading.fmt.wide)]
        if outside:
            reading.problem(outside[0], number, msg("workbook_outside_table", row=table.row))
            continue
        padded = list(cells) + [None] * (right + 1 - len(cells))
        first, reading.last = len(reading.parsed.candidates), number
        if number in reading.hidden:
            reading.hidden_read.append(number)
        _row(number, padded, table, wide, long, reading)
        reading.shown.made(reading.parsed, first)
