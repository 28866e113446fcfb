"""A workbook table's row read into a candidate: its cells, a long row's figure and status,
a figure awaited, its unit checked against the indicator's. Apart from workbooks, which
finds the sheet's table and walks its rows, because this is what one row's cells say."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..catalog import Message, msg
from ..catalog import said as _said
from ..plan.model import RETRACTED, Location, Problem
from .figures import canonical, excel_error, in_period, no_figure
from .garbled import garbled_problem
from .import_tables import SECOND, MAX_CELL, heading_status
from .bare_periods import bare_period
from .batch_rows import PERIOD_SAID, SHOWN_PERIOD, STAMP_CELL, stamp_cell
from .batch_rows import note_duplicate as _note_duplicate
from .empty_values import awaited, passed_over
from .rules import is_status, status_problem
from .vocabulary import status_word
from .workbook_cells import cell_text as _text
from .workbook_cells import figure as _figure
from .workbook_cells import hidden_digits
from .figure_units import frequency_of
from .workbook_cells import period as _period
from .workbook_cells import stamp as _stamp

if TYPE_CHECKING:
    from .workbooks import _Reading, _Table


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
    if reading.merged:
        _merged_down(number, fields, columns, sheet_column, reading)
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
    stamped = fields[at] if at is not None else _Empty
    shown_as = getattr(stamped, "number_format", "")
    row["recorded_at"], wrong = _stamp(stamped.value, defaults.recorded_at, shown_as, reading.mac)
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
    elif reading.unit_line is not None:  # a unit line above the table (unit_cells.unit_line): said once an indicator
        unit_at, line, given = reading.unit_line
        told = (row["indicator"], row.get(SECOND, ""))
        if told not in reading.unit_told:
            reading.unit_told.add(told)
            _check_unit(told, given, unit_at, line, reading)
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


def _merged_down(
    number: int, fields: list, columns: dict[str, int], sheet_column: list[int], reading: _Reading
) -> None:
    """A status, source, note, moment or unit of a dimension merged down over the rows it
    covers: the file holds it in the first row alone, and the rows below were recorded
    without it in silence (forty-third session). An indicator or period merged down is
    told at each empty cell below it, a figure's by ``_value``."""
    for name, k in columns.items():
        span = reading.merged.get((number, sheet_column[k] + 1))
        if name not in ("indicator", SECOND, "value", "period") and span is not None and span[1] > 1:
            if said := _text(fields[k].value):
                reading.problem(sheet_column[k], number, msg("workbook_cell_merged_down", text=said, cells=span[0]))


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
        if (span := reading.merged.get((number, column + 1))) is not None:
            # Excel shows one figure over the merged cells; the file holds it in the first
            # alone: read, it was the first period's (or row's) in silence (forty-third session).
            raise ValueError(msg("workbook_value_merged", value=_text(value), cells=span[0]))
        if isinstance(value, float) and (shown := hidden_digits(str(cell.number_format or ""), value)) is not None:
            reading.hidden_digits += 1  # said once, at the first (workbooks._read_sheet)
            reading.hidden_first = reading.hidden_first or (column, number, value, shown)
    except ValueError as exc:
        said = _said(exc)
        if not blank_is_problem and isinstance(said, Message) and said.id in _NO_FIGURE:
            said = in_period(said, row["period"])  # a wide table's cell is emptied, not its row dropped
        reading.problem(column, number, said)
        row["value"], readable = "0", False  # a stand-in so the row's other cells are still checked
    if readable:
        _note_duplicate(row, where, reading.seen, reading.parsed.problems, reading.defaults.recorded_at, reading.plan)
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
