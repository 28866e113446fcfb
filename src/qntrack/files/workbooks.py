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
A unit column is checked against the indicator's unit; a problem names its sheet and cell (``so-lieu.xlsx:Sheet1!C7``).
"""

from __future__ import annotations

import stat
from itertools import chain
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any, Iterator

from ..catalog import Message, msg
from ..catalog import said as _said
from ..errors import fail
from ..plan.model import RETRACTED, Location, Plan, Problem
from .figures import canonical, excel_error, in_period, no_figure
from .garbled import garbled_problem
from .import_wide import periods_below, wide_unasked
from .import_tables import (
    LONG_REQUIRED,
    SECOND,
    MAX_CELL,
    ImportFormat,
    ParsedTable,
    RowDefaults,
    _breakdowns,
    _dimension_columns,
    _long_columns,
    _looks_like_period,
    _wide_columns,
    heading_status,
)
from .bare_periods import bare_period
from .batch_rows import PERIOD_SAID, SHOWN_PERIOD, STAMP_CELL, stamp_cell
from .batch_rows import note_duplicate as _note_duplicate
from .empty_values import awaited, counted, passed_over
from .rules import is_status, status_problem
from .vocabulary import status_word
from .workbook_book import open_book as _open_book
from .workbook_dates import ShownDates
from .workbook_formulas import formulas_without_values
from .workbook_header import data_below, gap, lower_half, merged
from .workbook_hidden import hidden_columns_warning, hidden_parts, hidden_warning
from .workbook_stale import recalculated_on_open, stale_formulas
from .workbook_book import filled_cells as _filled
from .workbook_book import pick_sheet as _pick_sheet
from .workbook_book import sheet_rows as _rows
from .workbook_cells import cell_text as _text
from .workbook_cells import column_name as _name
from .workbook_cells import figure as _figure
from .workbook_cells import garbled_header, is_note, other_sheets, refusal, sheets_with_a_header
from .figure_units import frequency_of
from .workbook_cells import period as _period
from .workbook_cells import ref as _ref
from .workbook_cells import sdmx_header
from .workbook_cells import stamp as _stamp
from .workbook_cells import twice_at
from .workbook_cells import unit_matches, workbook_kind

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

    def at(self, column: int, row: int) -> Location:
        return Location(self.file, row, column + 1, _ref(self.sheet, column, row))

    def problem(self, column: int, row: int, message: str | Message) -> None:
        self.parsed.problems.append(Problem(self.at(column, row), message))


def _find_table(rows: Iterator[tuple[int, tuple]], reading: _Reading) -> _Table | None:
    """The header row: the first row with a cell naming the indicator column, and the row
    below it when the header is two rows (files/workbook_header.py): with --wide when it
    names no period, in a long table when it leaves a gap between its named columns."""
    for number, cells in rows:
        names = [_name(c.value) for c in cells]
        if "indicator" not in names:
            continue
        reading.headings = {i: _text(c.value) for i, c in enumerate(cells)}
        if sdmx := sdmx_header(names):  # an exchange message opened in Excel and saved as .xlsx
            raise fail(reading.at(min(i for i, n in enumerate(names) if n), number), msg("workbook_sdmx", first=sdmx))
        if reading.fmt.wide and not any(
            _looks_like_period(n) or isinstance(c.value, (datetime, date)) for n, c in zip(names, cells, strict=True)
        ):
            below = next(rows, None)
            # A long sheet read --wide has data below its header: not a lower half.
            if below is not None and not data_below(names, below[1]):
                names, number = merged(names, below[1], reading.headings), below[0]
        elif not reading.fmt.wide and "value" not in names and not any(map(_looks_like_period, names)):
            # Neither shape's columns in the row: a wide table's years may be in the row
            # below, under a merged heading ("Year"), which a long table never has (issue
            # 17, twenty-seventh session; read as wide by _read_rows, said once).
            below = next(rows, None)
            if (
                below is not None
                and not data_below(names, below[1])
                and periods_below(names, [_name(c.value) for c in below[1]])
            ):
                names, number = merged(names, below[1], reading.headings), below[0]
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
            elif "column" not in params and "name" in params and str(params["name"]) in table.names:
                # An unknown or repeated column: at its own cell (the last, for one named twice).
                named = [i for i, name in table.columns if name == str(params["name"])]
                column = named[-1] if message.id == "import_column_twice" else named[0]
            elif "column" in params:
                column = table.columns[int(str(params["column"])) - 1][0]
                params["column"] = str(column + 1)
                message = Message(message.id, tuple(sorted(params.items())))
        problems[k] = Problem(reading.at(column, table.row), message, problems[k].severity)


def read_workbook(
    name: str, sheet: str | None, fmt: ImportFormat, defaults: RowDefaults, plan: Plan | None
) -> ParsedTable:
    """The candidate rows of one sheet of the workbook ``name`` and every problem found."""
    from .importing import MAX_IMPORT_BYTES

    if fmt.delimiter is not None:
        from ..errors import ExitCode

        raise fail("--delimiter", msg("workbook_delimiter", file=name), ExitCode.USAGE)
    path = Path(name)
    if not path.exists():
        from .windows_paths import with_windows_hint

        raise fail(name, with_windows_hint(msg("import_file_not_found"), name))
    if path.is_dir():
        raise fail(name, msg("import_is_directory"))
    if not stat.S_ISREG(path.stat().st_mode):
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
        raise fail(name, msg("import_cannot_read", reason=exc.strerror or exc)) from None


def _read_sheet(
    fh: IO[bytes], name: str, wanted: str | None, fmt: ImportFormat, defaults: RowDefaults, plan: Plan | None
) -> ParsedTable:
    book = _open_book(fh, name, data_only=True)
    try:
        sheet = _pick_sheet(book, name, wanted)
        reading = _Reading(name, sheet.title, fmt, defaults, plan)
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
            elsewhere = sheets_with_a_header(book, sheet) if wanted is None else []
            if elsewhere:
                raise fail(name, msg("workbook_no_header_elsewhere", sheet=sheet.title, other=elsewhere[0]))
            raise fail(name, msg("workbook_no_header", sheet=sheet.title, header=what))
        hidden = hidden_parts(sheet)
        reading.hidden, formulas = hidden.rows, hidden.formulas
        _read_rows(chain([reading.kept], rows) if reading.kept is not None else rows, table, reading)
        reading.shown.settle(reading.parsed)
        reading.parsed.notes.extend(reading.parsed.marks.said())
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


class _Empty:
    value = None


def _row(number: int, cells: list, table: _Table, wide: Any, long: dict[str, int] | None, reading: _Reading) -> None:
    """One data row's candidates: the cells by column name, as ``record_many`` checks them."""
    fields = [cell if cell is not None else _Empty for cell in (cells[i] for i, _ in table.columns)]
    columns = long if long is not None else dict(wide.meta, indicator=wide.first)
    sheet_column = [i for i, _ in table.columns]
    for k, cell in enumerate(fields):
        if isinstance(cell.value, str) and len(cell.value) > MAX_CELL:
            reading.problem(
                sheet_column[k], number, msg("import_cell_too_long", length=len(cell.value), limit=MAX_CELL)
            )
            return
    defaults = reading.defaults

    def text(column: str, default: str = "") -> str:
        k = columns.get(column)
        return (_text(fields[k].value) if k is not None else "") or default

    row = {"indicator": text("indicator") or text(SECOND)}  # a code column left empty, a name beside it
    if SECOND in columns and text("indicator"):
        row[SECOND] = text(SECOND)  # checked against the first (indicator_names)
    if not row["indicator"].strip():  # a cell merged down over its rows: a value in its first only
        reading.problem(sheet_column[columns["indicator"]], number, msg("hostile_documents_no_indicator"))
        return
    for column in ("indicator", "period"):  # '#N/A' from a lookup that found nothing
        if column in columns and excel_error(text(column)):
            said = msg("import_cell_excel_error", column=column, text=text(column))
            return reading.problem(sheet_column[columns[column]], number, said)
    for column in ("source", "note"):
        row[column] = text(column, getattr(defaults, column))
        garbled = (
            garbled_problem(column, row[column], reading.at(sheet_column[columns[column]], number))
            if column in columns and row[column] != getattr(defaults, column)  # not --source's text
            else None
        )
        if garbled is not None:
            reading.parsed.problems.append(garbled)
    row["status"] = status_word(text("status", defaults.status))
    if text("status") and not is_status(row["status"]):  # said at its cell, not the indicator's
        reading.problem(sheet_column[columns["status"]], number, status_problem(row["status"]))
        return
    row.update((column, text(column)) for column in columns if column.startswith("dim:"))
    at = columns.get("recorded_at")
    row["recorded_at"], wrong = _stamp(fields[at].value if at is not None else None, defaults.recorded_at)
    if wrong is not None and isinstance(wrong, Message) and wrong.id == "import_recorded_at_excel_date":
        reading.shown.add(reading.at(sheet_column[at or 0], number), row["recorded_at"])  # read at the end
    elif wrong is not None:
        reading.problem(sheet_column[at or 0], number, wrong)
        return
    if at is not None and fields[at].value not in (None, ""):
        # The cell a problem of the moment names (recording.validate_batch), not the row's;
        # an empty one took --recorded-at, whose problem is the row's.
        row[STAMP_CELL] = stamp_cell(reading.at(sheet_column[at], number))
    where = reading.at(sheet_column[columns["indicator"]], number)
    if table.unit is not None:
        _check_unit(
            (row["indicator"], row.get(SECOND, "")),
            _text(cells[table.unit].value if cells[table.unit] else None),
            table.unit,
            number,
            reading,
        )
    if long is not None:
        _long(number, fields, sheet_column, long, row, where, reading)
    else:
        typed = status_word(text("status"))  # the row's own cell, not --status
        for k, period in wide.periods:
            figure = dict(row, period=period)
            wrong = heading_status(figure, wide.statuses[k], typed) if k in wide.statuses else None
            if wrong is not None:
                reading.problem(sheet_column[k], number, in_period(wrong, period))
                continue
            _value(number, fields[k], sheet_column[k], figure, where, reading, blank_is_problem=False)


def _long(
    number: int,
    fields: list,
    sheet_column: list[int],
    long: dict[str, int],
    row: dict,
    where: Location,
    reading: _Reading,
) -> None:
    cell = fields[long["period"]].value
    column = sheet_column[long["period"]]
    if (bare := bare_period(_text(cell), reading.headings.get(column, ""))) is not None:
        return reading.problem(column, number, bare)  # '1' under a Quarter heading: no year
    if isinstance(cell, str):  # '2024 (*)': its period, said once for the sheet (heading_marks)
        cell = reading.parsed.marks.cell(cell.strip(), reading.at(sheet_column[long["period"]], number))
    row["period"], wrong = _period(cell, frequency_of(row["indicator"], reading.plan))
    value = fields[long["value"]]
    blank = value.value is None or (isinstance(value.value, str) and not value.value.strip())
    if blank and row["status"] != RETRACTED and _awaited(row, reading):
        wrong = None  # no figure yet: the row is passed over (empty_values), whatever its period
    if wrong is not None:  # said at its cell; the row's other cells still checked, as a CSV's are
        reading.problem(sheet_column[long["period"]], number, wrong)
        row[SHOWN_PERIOD] = PERIOD_SAID
    if row["status"] == RETRACTED and value.value in (None, ""):
        row["value"] = ""
        reading.parsed.candidates.append((where, row))  # a retraction has no value
        return
    _value(number, value, sheet_column[long["value"]], row, where, reading, blank_is_problem=True)


def _value(
    number: int, cell: Any, column: int, row: dict, where: Location, reading: _Reading, *, blank_is_problem: bool
) -> None:
    value = cell.value
    if value is None or (isinstance(value, str) and not value.strip()):
        # A long row's: no figure yet, passed over and said (empty_values), or refused when it
        # names no indicator of the plan's ('fdx'); a wide cell's: no figure, nothing said.
        empty, at = None, reading.at(column, number)
        if blank_is_problem:
            known = _awaited(row, reading)
            empty = passed_over(at, row["indicator"], _text(row.get("period"))) if known else None
            empty = empty or Problem(at, msg("import_value_empty"))
            reading.shown.waiting = None if known else reading.shown.waiting  # its date decides no order
        if value is None and getattr(cell, "data_type", "n") != "str":
            # Maybe a formula with no saved value: known only on a second reading (below).
            # A formula whose saved value is empty text (=IF(...;"";...)) is marked "str".
            reading.blanks[(number, column)] = empty
        elif empty is not None:
            (reading.parsed.notes if empty.severity == "warning" else reading.parsed.problems).append(empty)
        return
    if not blank_is_problem and isinstance(value, str) and no_figure(value.strip()):
        return  # a yearbook's '-' or '..', an English table's 'N/A': no figure for that period
    readable = True
    try:
        row["value"] = canonical(_figure(cell, reading.fmt.decimal_comma))
    except ValueError as exc:
        said = _said(exc)
        if not blank_is_problem and isinstance(said, Message) and said.id in _NO_FIGURE:
            said = in_period(said, row["period"])  # a wide table's cell is emptied, not its row dropped
        reading.problem(column, number, said)
        row["value"], readable = "0", False  # a stand-in so the row's other cells are still checked
    if readable:
        _note_duplicate(row, where, reading.seen, reading.parsed.problems, reading.defaults.recorded_at)
    reading.parsed.candidates.append((where, row))


def _awaited(row: dict, reading: _Reading) -> bool:
    # The plan's names, worked out once a sheet before its rows are read (_read_table).
    return awaited(reading.plan, (row["indicator"], row.get(SECOND, "")), reading.names or {})


# A figure's problems whose mend is "leave the row out": in a wide table, "the cell empty".
_NO_FIGURE = ("import_value_no_figure", "import_value_excel_error")


def _check_unit(cells: tuple[str, ...], given: str, column: int, number: int, reading: _Reading) -> None:
    """A unit cell against the row's indicator's unit (unit_cells.row_unit_problem)."""
    if given and reading.plan is not None:
        from .indicator_names import names_of
        from .unit_cells import row_unit_problem

        reading.names = reading.names if reading.names is not None else names_of(reading.plan)
        if (said := row_unit_problem(reading.plan, reading.names, cells, given)) is not None:
            reading.problem(column, number, said)
