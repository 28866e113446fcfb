"""An import in the plain long shape, judged a column at a time (issue 17).

A national office's import is usually a file a program wrote: the long shape's header,
commas, one line a row, figures written as the store writes them. The general path
(``import_tables.parse_table``, then ``recording.validated_batch``) makes a dict of cells
for each row and asks every rule of each row; 300,000 rows took it about twenty seconds
on the benchmark's machine. Here the csv module reads the whole table, the rows are
turned into columns, and each rule is asked once for each distinct cell, or each
distinct pair of cells for the rules that read two (a period against its indicator's
frequency, against its unit's dates, against its moment of recording). The rules are
the functions the general path calls, so a row comes out as the general path makes it.

This reader never words a problem. Whatever it is not certain of (any cell a rule
refuses, a blank or padded row, a cell over two lines, two rows for one figure,
a retraction, a default from the command line, another delimiter or decimal
convention) makes it give up, and the general path reads the file and says what is
wrong, line by line. tests/test_import_columns.py holds the two to the same batch.
A row whose value cell is empty (not yet published) is passed over here as the general
path passes it over, with the same warnings (``import_blanks``; tests/test_s30_f.py).
"""

from __future__ import annotations

import csv
import io
import math
import re
from datetime import date
from itertools import compress, islice, repeat
from operator import itemgetter
from typing import Any, Iterable, Iterator, Sequence

from ..method.recorded_days import recorded_day, zone_offset
from ..method.timing import FUTURE, parse_zone, period_days, timing_kinds
from ..plan.model import RETRACTED, Location, Observation, Plan, Problem
from ..plan.periods import Period, PeriodError
from ..plan.units import open_spellings
from . import rules
from .import_tables import (
    MAX_CELL,
    ImportFormat,
    RowDefaults,
    _detect_delimiter,
    _dimension_columns,
    _header,
    _long_columns,
    _read_period,
    SECOND,
)
from .import_rows import _EXCEL_TIMESTAMP
from .batch_rows import units_as_typed
from .figures import excel_scientific
from .figure_size import SMALLEST, too_small
from .row_against_plan import period_fits, unit_dates, whose
from .store_fast import _build_observations
from .import_blanks import Unsure as _Unsure, blank_rows
from .vocabulary import excel_date, foreign_digits, status_word

__all__ = ["columns_batch"]

# A figure as the store writes it, which the general path reads under the decimal point
# to the same float (figures._read_number's plain shape, without the spaces it strips;
# '1.', a figure cut after its point, is the general path's to refuse).
_PLAIN = re.compile(r"[-+]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?", re.ASCII).fullmatch
# A moment as the store writes it, its time of day in range: rules.recorded_at gives such
# a text back as it is when its date is real, which is asked once for each distinct day.
_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\dZ", re.ASCII).fullmatch


def columns_batch(
    text: str,
    file: str,
    fmt: ImportFormat,
    defaults: RowDefaults,
    plan: Plan,
    undated: str,
    now: str,
    *,
    force: bool = False,
    tz: str | None = None,
    notes: list[Problem] | None = None,
) -> tuple[list[Observation], list[Location]] | None:
    """The rows of ``text`` and where each is, as ``validated_batch`` would make them from
    ``parse_table``'s candidates; None when the general path must read the file.

    ``undated``: the moment of a row given none (the batch's); ``now``: the clock the
    timing rules judge by; ``force``, ``tz``: as for ``recording.validate_record``;
    ``notes``: where the warnings of the rows passed over for an empty value go
    (``empty_values``), as ``parse_table`` makes them, counted; without it, a file with such
    a row is the general path's.
    """
    if fmt.wide or fmt.delimiter not in (None, ",") or fmt.decimal_comma:
        return None
    if defaults.status or defaults.source or defaults.note:
        return None  # empty cells take the command's values: the general path's work
    if "\r" in text or text.startswith("sep="):
        return None
    # A row given no moment takes the command's --recorded-at, else the batch's.
    empty = defaults.recorded_at or undated
    # The clock's moment, given a row when nothing gave one, was typed by no one: its day in
    # the plan's zone is not compared with a day typed (forty-third session).
    stamped = defaults.recorded_at in ("", undated)
    said: list[Problem] | None = [] if notes is not None else None
    try:
        made = _batch(text, file, plan, fmt.dimensions, (empty, tz or plan.timezone, now, force, stamped), said)
    except (_Unsure, csv.Error):
        return None
    if notes is not None and said:
        notes.extend(said)
    return made


def _batch(
    text: str,
    file: str,
    plan: Plan,
    dimensions: tuple[tuple[str, str], ...],
    when: tuple[str, str, str, bool, bool],
    said: list[Problem] | None,
) -> tuple[list[Observation], list[Location]]:
    """``columns_batch`` once its options allow it. ``when``: the moment for an empty cell,
    the zone for a time given without one, the clock, whether ``--force`` was given, and
    whether that moment is the clock's, typed by no one;
    ``said``: the warnings of rows passed over for an empty value (None: none is)."""
    empty, zone, now, force, stamped = when
    if _detect_delimiter(text.partition("\n")[0]) != ",":
        raise _Unsure  # the general path would split the file at another character
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    head = next(reader, None)
    if not head or reader.line_num != 1:
        raise _Unsure  # no header, or one over two lines: the rows would not start on line 2
    names = _header(head)
    problems: list[Problem] = []
    columns = _long_columns(names, Location(file, 1), problems, ",", _dimension_columns(names, dimensions), (), head)
    if columns is None or problems or SECOND in columns or "unit" in columns:
        raise _Unsure  # a second indicator column or a unit column is checked: the general path's work
    width = len(names)  # a row with a cell under an unnamed column past them: the general path says it
    by_index = _columns(reader, width)
    n = len(by_index[0])
    if not n or reader.line_num != n + 1:
        raise _Unsure  # no rows, or a record over two lines: the general path says so
    for cells_in in by_index:
        if max(map(len, cells_in)) > MAX_CELL:
            raise _Unsure

    def column(name: str) -> Sequence[str]:
        i = columns.get(name)
        return by_index[i] if i is not None else ("",) * n

    lines: Sequence[int] = range(2, n + 2)  # line 1 is the header, and no record spans lines
    try:
        values = _values(column("value"))
    except _Unsure:
        # Rows with an empty value (not yet published) are left out, said in ``said``, and
        # the others judged as a file of their own, at their own lines.
        if said is None:
            raise
        kept = blank_rows(by_index, columns, head, plan, file, said)
        by_index = [list(compress(cells, kept)) for cells in by_index]
        lines = list(compress(lines, kept))
        n = len(lines)
        if not n:
            raise _Unsure from None  # every row passed over: the general path says nothing is added
        values = _values(column("value"))
    status_col = _mapped(column("status"), _status)
    periods_of = _each(set(column("period")), _period)
    if len(set(periods_of.values())) != len(periods_of):
        raise _Unsure  # two spellings of one period: the general path finds the repeats
    moments = _moments(column("recorded_at"), empty, zone, plan.timezone, stamped)

    # A row's indicator and units, as one key per distinct combination of their cells.
    dim_names = [name for name in columns if name.startswith("dim:")]
    units = list(zip(column("indicator"), *(column(name) for name in dim_names), strict=True))
    whose = {
        cells: _who(plan, cells, dim_names) for cells in dict.fromkeys(units)
    }  # in the file's order: a hint goes to its first names

    # The rules that read two cells of a row, each asked once of each distinct pair.
    frequency = {cells: found[0].frequency for cells, found in whose.items()}
    for freq, text_period in set(zip(map(frequency.__getitem__, units), column("period"), strict=True)):
        if not period_fits(periods_of[text_period], freq):
            raise _Unsure
    dims_of = {cells: found[2] for cells, found in whose.items()}
    for unit_dims, text_period in set(zip(map(dims_of.__getitem__, units), column("period"), strict=True)):
        if unit_dims and unit_dates(plan, unit_dims, periods_of[text_period]):
            raise _Unsure
    _timing(column("period"), periods_of, moments, status_col, now, force, plan.timezone)

    # Two rows for one figure (one indicator and unit, period and moment) in the batch:
    # a mistake or a repeat, which import_tables.note_duplicate words and tells apart.
    twins = {cells: found[3] for cells, found in whose.items()}
    same = list(map(twins.__getitem__, units))
    if len(set(zip(same, column("period"), moments.stored, strict=True))) != n:
        raise _Unsure
    if (
        moments.compared is not moments.stored
        and len(set(zip(same, column("period"), moments.compared, strict=True))) != n
    ):
        raise _Unsure

    # ... and as the store will hold them (batch_rows.twin_problems): a unit spelt two ways.
    keys = {cells: found[1] for cells, found in whose.items()}
    if any(d.values is None for d in plan.dimensions.values()) and open_spellings(
        dict.fromkeys(keys.values()), plan.dimensions
    ):
        # An open unit spelt two ways is one unit (open_units): the general path says where
        # two of its rows give one figure, and warns of each later spelling.
        raise _Unsure
    key_col = list(map(keys.__getitem__, units))
    if len(set(zip(key_col, column("period"), moments.stored, strict=True))) != n:
        raise _Unsure
    observations = _build_observations(
        (
            key_col,
            list(map(periods_of.__getitem__, column("period"))),
            values,
            status_col,
            _mapped(column("source"), lambda cell: _text(cell, "source")),
            _mapped(column("note"), lambda cell: _text(cell, "note")),
            list(moments.stored),
            [Observation._field_defaults["line"]] * n,  # a new row has no line yet, as validate_record makes it
        )
    )
    return list(observations), list(map(Location, repeat(file), lines))


# Rows read at a time, and the most distinct texts a column shares its equal cells among.
_SLICE = 1 << 15
_SHARED = 1 << 12


def _columns(reader: Iterator[list[str]], width: int, size: int = _SLICE, limit: int = _SHARED) -> list[list[str]]:
    """The rows of ``reader`` as ``width`` columns, read ``size`` rows at a time. A column's
    cells equal to one met before are that string (the same source or unit on every row),
    while the column has at most ``limit`` distinct texts: a million rows read as one list
    held every cell as a string of its own, 1.6 GB at the peak of a store's export imported
    back (issue 17). A column of distinct figures or moments is kept as read."""
    columns: list[list[str]] = [[] for _ in range(width)]
    shared: list[dict[str, str] | None] = [{} for _ in range(width)]
    while rows := list(islice(reader, size)):
        if {len(r) for r in rows} != {width}:
            raise _Unsure  # a blank, short or padded row: the general path skips or says it
        for i, column in enumerate(columns):
            cells = list(map(itemgetter(i), rows))  # zip(*rows) takes twice as long
            texts = shared[i]
            if texts is None:
                column.extend(cells)
                continue
            column.extend(map(texts.setdefault, cells, cells))
            if len(texts) > limit:
                shared[i] = None  # too many to be worth it: the column's figures, say
    return columns


def _each(cells: set[str], rule: Any) -> dict[str, Any]:
    return {cell: rule(cell) for cell in cells}


def _mapped(column: Sequence[str], rule: Any) -> list[Any]:
    return list(map(_each(set(column), rule).__getitem__, column))


def _no_line_end(cell: str) -> str:
    if "\n" in cell or "\r" in cell:
        raise _Unsure  # a record over two lines: its line is the general path's to count
    return cell.strip()


def _values(column: Sequence[str]) -> list[float]:
    """Each figure as ``parse_number_cell`` then ``rules.value`` read it: float() of a
    plain number, finite, and not a nonzero text read as 0."""
    if not all(map(_PLAIN, column)):
        raise _Unsure
    if any("E" in t for t in column) and any(map(excel_scientific, column)):
        raise _Unsure  # '1.23E+05', as Excel shows a number too wide: the general path refuses it
    values = list(map(float, column))
    if not all(map(math.isfinite, values)):
        raise _Unsure
    if values and max(map(abs, values)) >= 2.0**53:
        raise _Unsure  # whole units a double may not hold: the general path says so (figures)
    if 0.0 in values and any(v == 0.0 and rules.nonzero_mantissa(t) for v, t in zip(values, column, strict=True)):
        raise _Unsure
    if values and min(map(abs, values)) < SMALLEST and any(map(too_small, values)):
        raise _Unsure  # -1e-300: refused by the general path (recording.validate_record)
    if 0.0 in values:
        values = [v + 0.0 for v in values]  # '-0' is 0 (rules.number)
    return values


def _status(cell: str) -> str:
    word = status_word(_no_line_end(cell))
    if not rules.is_status(word) or word == RETRACTED:
        raise _Unsure  # a retraction's row has no figure: the general path reads it
    return word


def _period(cell: str) -> Period:
    raw = _no_line_end(cell)
    if foreign_digits(raw):
        raise _Unsure
    text = _read_period(raw)
    if excel_date(text) is not None:
        raise _Unsure
    try:
        return rules.period(text)
    except PeriodError:
        raise _Unsure from None


def _text(cell: str, column: Any) -> str:
    raw = _no_line_end(cell)
    if rules.text_problem(raw, column) is not None:
        raise _Unsure
    return rules.given_text(raw)


def _who(plan: Plan, cells: tuple[str, ...], dim_names: list[str]) -> tuple[Any, str, tuple, tuple]:
    """(indicator, store key, its unit's dimension values, what a repeat in the batch is
    known by) for one combination of a row's indicator and unit cells."""
    name = _no_line_end(cells[0])
    given = [(column, _no_line_end(cell)) for column, cell in zip(dim_names, cells[1:], strict=True)]
    given = [(column, value) for column, value in given if value]  # an empty cell names no unit
    ind, key, unit_dims, said = whose(plan, name, tuple((column[4:].partition("#")[0], v) for column, v in given))
    if said or ind is None:
        raise _Unsure
    # batch_rows.typed_key's indicator and units: what note_duplicate knows a repeat by.
    twin = (name, units_as_typed(given))
    return ind, key, unit_dims, twin


class _Moments:
    """A column's moments of recording: as stored (``rules.recorded_at`` with the zone),
    and as a repeat in the batch is told by (``note_duplicate`` reads them without it)."""

    def __init__(self, stored: Sequence[str], compared: Sequence[str]) -> None:
        self.stored = stored
        self.compared = compared


def _moments(column: Sequence[str], empty: str, zone_text: str, days_zone: str = "", stamped: bool = False) -> _Moments:
    distinct = set(column)
    odd = [cell for cell in distinct if not _MOMENT(cell)]
    if days_zone and _other_day_in(distinct.difference(odd), days_zone):
        raise _Unsure  # a UTC moment on another day in the plan's zone: the general path says it
    for day in {cell[:10] for cell in distinct if _MOMENT(cell)}:
        try:
            date.fromisoformat(day)
        except ValueError:
            raise _Unsure from None
    if not odd:
        return _Moments(column, column)  # every moment already as the store writes it
    try:
        zone = parse_zone(zone_text) if zone_text else None
    except ValueError:
        raise _Unsure from None
    stored: dict[str, str] = {cell: cell for cell in distinct}
    compared = dict(stored)
    for cell in odd:
        typed = _no_line_end(cell)
        raw = typed or empty
        if "/" in raw and _EXCEL_TIMESTAMP.fullmatch(raw):
            raise _Unsure
        try:
            stored[cell] = rules.recorded_at(raw, zone)
        except ValueError:
            raise _Unsure from None
        if raw[:10] != recorded_day(stored[cell], days_zone) and (typed or not stamped):
            raise _Unsure  # typed in another zone, a day apart in the plan's: the general path says it (utc_days)
        try:
            compared[cell] = rules.recorded_at(raw)
        except ValueError:
            compared[cell] = raw
    return _Moments(list(map(stored.__getitem__, column)), list(map(compared.__getitem__, column)))


def _other_day_in(moments: Iterable[str], zone: str) -> bool:
    """Whether a stored moment among ``moments`` falls on another day in ``zone`` than its
    UTC day: by its time of day as text, without reading a date (an import's 300,000
    distinct moments): at +07:00 from 17:00:00 UTC on, at -05:00 before 05:00:00."""
    offset = zone_offset(zone)
    if not offset:
        return False
    seconds = int(offset.total_seconds())
    if seconds > 0:
        first = 86400 - seconds  # the first second of the next day there
        edge = f"{first // 3600:02d}:{first // 60 % 60:02d}:{first % 60:02d}"
        return any(m[11:19] >= edge for m in moments)
    edge = f"{-seconds // 3600:02d}:{-seconds // 60 % 60:02d}:{-seconds % 60:02d}"
    return any(m[11:19] < edge for m in moments)


def _timing(
    period_col: Sequence[str],
    periods_of: dict[str, Period],
    moments: _Moments,
    statuses: Sequence[str],
    now: str,
    force: bool,
    zone: str = "",
) -> None:
    """timing.timing_problems of each distinct (period, day recorded, status): none may
    be one the general path would refuse (a moment in the future always; the others
    unless ``force``). Days in ``zone``, the plan's ``timezone:``, as that path counts them."""
    from ..method.timing import days_of

    today = days_of(now, now, zone)[1]
    days: dict[str, date] = {}
    spans: dict[str, tuple[date, date]] = {}
    # The day of each moment in the plan's zone: its first ten characters without one.
    cut = (lambda m: m) if zone else (lambda m: m[:10])
    for text_period, day, status in set(zip(period_col, map(cut, moments.stored), statuses, strict=True)):
        recorded = days.get(day)
        if recorded is None:
            recorded = days[day] = days_of(day, now, zone)[0]
        span = spans.get(text_period)
        if span is None:
            span = spans[text_period] = period_days(periods_of[text_period])
        kinds = timing_kinds(span[0], span[1], recorded, status, today)
        if kinds and (FUTURE in kinds or not force):
            raise _Unsure
