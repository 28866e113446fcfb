"""An import table's rows read into candidates: a long row's cells by the table's cell
plan, a wide row's cells one candidate a period. Apart from import_tables, which finds
the table in the text (delimiter, title lines, header), because this is what each row
says."""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING, Callable, Sequence

from ..catalog import msg
from ..catalog import said as _said
from ..plan.model import RETRACTED, Location, Problem
from .excel_dates import iso_moment
from .moment_words import shown_date_refused
from .figure_units import frequency_of
from .figures import canonical, excel_error, in_period, no_figure, parse_number_cell
from .heading_marks import PeriodMarks
from .typed_periods import no_year
from .batch_rows import EMPTY_CELL, SHOWN_MOMENT, SHOWN_PERIOD
from .vocabulary import excel_date, foreign_digits, status_word
from .import_headers import LONG_OPTIONAL, LONG_REQUIRED, SECOND, _excel_date_message, _read_period, heading_status
from .import_wide_columns import WideColumns

from .empty_values import awaited, passed_over

if TYPE_CHECKING:
    from ..plan.model import Plan
    from .import_tables import RowDefaults


def _cell(fields: Sequence[str], columns: dict[str, int], name: str, default: str) -> str:
    i = columns.get(name)
    value = fields[i].strip() if i is not None else ""
    return value or default


# A candidate row: where it is, its cells by column name, and whether its figure read
# (a row whose figure did not still has its other cells checked).
Candidate = tuple[Location, dict[str, str], bool]


# How a long table's row becomes a candidate's cells: (name, position or None, value when
# empty, what keeps the text) for each column, in the order a candidate holds them
# (``_long_row``). The columns whose few texts repeat down the file (the indicator, its
# units, the period, status, source, note) keep one copy of each text, not one a row:
# 300,000 copies of one yearbook's name as a source are a tenth of an import's memory (issue 17).
CellPlan = tuple[tuple[str, int | None, str, Callable[[str], str]], ...]


_DISTINCT = ("value", "recorded_at")  # nearly every row's own


def _cell_plan(columns: dict[str, int], defaults: RowDefaults) -> CellPlan:
    """Worked out once per table, not for each of its rows (``_cell`` for every cell)."""
    names = [*LONG_REQUIRED, *LONG_OPTIONAL, *(name for name in columns if name.startswith("dim:"))]
    names += [name for name in (SECOND, "unit") if name in columns]
    return tuple(
        (
            name,
            columns.get(name),
            getattr(defaults, name) if name in LONG_OPTIONAL else "",
            str if name in _DISTINCT else sys.intern,
        )
        for name in names
    )


# Excel's regional date form of a timestamp (``_long_row``); compiled once, asked of every row.
_EXCEL_TIMESTAMP = re.compile(r"\d{1,2}/\d{1,2}/\d{4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?)?")


def _long_row(
    fields: Sequence[str],
    plan: CellPlan,
    where: Location,
    decimal_comma: bool | None,
    explicit: bool,
    problems: list[Problem],
    day_first: bool | None = None,
    marks: PeriodMarks | None = None,
    indicators: Plan | None = None,  # whose frequency a month's last day is told by (import_headers)
    notes: list[Problem] | None = None,  # warnings: a row passed over for its empty value
    names: dict[str, tuple[str, ...]] | None = None,  # the plan's indicator names (indicator_names.names_of)
) -> list[Candidate]:
    # What _cell gives for each column, without a call per cell (300,000 rows: issue 17).
    row = {name: kept((fields[i].strip() if i is not None else "") or default) for name, i, default, kept in plan}
    row["status"] = status_word(row["status"])
    if row["status"] == RETRACTED and not row["value"]:
        return [(where, row, True)]  # a retraction (qntrack retract) has no value: the store imported into itself
    cells = (row["indicator"], row.get(SECOND, ""))
    empty = not row["value"] and any(cells)
    if empty and notes is not None and awaited(indicators, cells, names or {}):  # no figure yet
        notes.append(passed_over(where, row["indicator"] or row.get(SECOND, ""), row["period"]))
        return []
    merged = not row["indicator"] and not row.get(SECOND)  # a merged cell pasted: a value in its first row only
    if merged:
        problems.append(Problem(where, msg("hostile_documents_no_indicator")))
    for column in ("indicator", "period", "recorded_at"):  # '#N/A' from a lookup that found nothing
        if row[column][:1] in "#E" and excel_error(row[column]):
            problems.append(Problem(where, msg("import_cell_excel_error", column=column, text=row[column])))
            return []
    if marks is not None:  # '2024 (*)': its period, said once for the file (heading_marks)
        row["period"] = marks.cell(row["period"], where)
    if foreign_digits(row["period"]):
        problems.append(Problem(where, msg("import_period_foreign_digits", period=row["period"])))
        return []
    if (told := no_year(row["period"])) is not None:  # 'H1': told its year, as typed (typed_periods)
        problems.append(Problem(where, told))
        return []
    row[SHOWN_PERIOD], row["period"] = row["period"] or EMPTY_CELL, _read_period(row["period"])
    guess = excel_date(row["period"])
    if guess is not None:
        # Said once, in words that lead to the fix, instead of "not a period" from the check.
        told = _excel_date_message(row["period"], guess, frequency=frequency_of(row["indicator"], indicators))
        problems.append(Problem(where, told))
        return []
    if not _shown_moment(row, day_first, where, problems):
        return []
    try:
        row["value"] = canonical(parse_number_cell(row["value"], decimal_comma, explicit))
    except ValueError as exc:
        problems.append(Problem(where, _said(exc)))
        row["value"] = "0"  # a stand-in so the row's other cells are still checked
        return [] if merged else [(where, row, False)]
    return [] if merged else [(where, row, True)]


def _shown_moment(row: dict[str, str], day_first: bool | None, where: Location, problems: list[Problem]) -> bool:
    """A recorded_at as Excel shows a timestamp in the regional date form, read in the
    order the file shows (excel_dates.day_order), in a long or a wide table alike; False
    when it is refused (no date suggested when the order is not known)."""
    if "/" in row["recorded_at"] and _EXCEL_TIMESTAMP.fullmatch(row["recorded_at"]):
        iso = iso_moment(row["recorded_at"], day_first)
        if iso is not None:
            # The cell as the file shows it, for a message about the moment (recording).
            row[SHOWN_MOMENT], row["recorded_at"] = row["recorded_at"], iso
    if "/" in row["recorded_at"] and _EXCEL_TIMESTAMP.fullmatch(row["recorded_at"]):
        problems.append(Problem(where, shown_date_refused(row["recorded_at"], day_first)))
        return False
    return True


def _wide_row(
    fields: Sequence[str],
    columns: WideColumns,
    where: Location,
    decimal_comma: bool | None,
    explicit: bool,
    defaults: RowDefaults,
    problems: list[Problem],
    day_first: bool | None = None,
) -> list[Candidate]:
    meta = columns.meta
    base = {"indicator": fields[columns.first].strip()}
    for name in LONG_OPTIONAL:
        base[name] = _cell(fields, meta, name, getattr(defaults, name))
    base.update(
        (name, _cell(fields, meta, name, "")) for name in meta if name.startswith("dim:") or name in (SECOND, "unit")
    )
    base["status"] = status_word(base["status"])
    if not _shown_moment(base, day_first, where, problems):
        return []
    typed = status_word(_cell(fields, meta, "status", ""))  # the row's own cell, not --status
    for column in ("indicator", "recorded_at"):  # '#N/A' from a lookup that found nothing
        if excel_error(base[column]):
            problems.append(Problem(where, msg("import_cell_excel_error", column=column, text=base[column])))
            return []
    if not base["indicator"] and not base.get(SECOND):  # a merged cell pasted, figures beside it
        if not all(no_figure(fields[i].strip()) for i, _ in columns.periods):
            problems.append(Problem(where, msg("hostile_documents_no_indicator")))
            return []
    out = []
    for i, period in columns.periods:
        cell = fields[i].strip()
        if no_figure(cell):
            continue
        row = dict(base, period=period)
        if i in columns.statuses:
            wrong = heading_status(row, columns.statuses[i], typed)
            if wrong is not None:
                problems.append(Problem(where, in_period(wrong, period)))
                continue
        try:
            row["value"] = canonical(parse_number_cell(cell, decimal_comma, explicit))
            out.append((where, row, True))
        except ValueError as exc:
            problems.append(Problem(where, in_period(_said(exc), period)))
            row["value"] = "0"
            out.append((where, row, False))
    return out
