"""What the importers (CSV, SDMX-CSV, workbooks) ask of each candidate row as they read it.

A candidate is a row's cells by column name (``import_rows.Candidate``); these are
asked once for every row of a file, so what is the same for all the rows of a table is
worked out once (issue 17).
"""

from __future__ import annotations

from datetime import timezone
from functools import lru_cache
from typing import Iterable, Sequence

from ..catalog import Message, msg
from ..plan.model import RETRACTED, Location, Observation, Plan, Problem
from ..plan.periods import PeriodError
from ..plan.units import unit_match
from . import rules
from .import_headers import SECOND
from .rules import recorded_at as _recorded_at
from .textfiles import nfc

__all__ = [
    "STAMP_CELL",
    "stamp_cell",
    "stamp_location",
    "unit_cells",
    "note_duplicate",
    "SHOWN_MOMENT",
    "SHOWN_PERIOD",
    "EMPTY_CELL",
    "PERIOD_SAID",
    "twin_problems",
    "typed_key",
    "units_as_typed",
]


# A workbook row's recorded_at cell, kept with the row's cells as "column:Sheet1!G7": a
# problem of the moment names that cell, not the row's (docs/observations-format.md).
STAMP_CELL = "@recorded_at cell"

# A CSV row's recorded_at as the file showed it ('15/07/2026 10:00'), kept beside its ISO
# reading: a problem of the moment quotes what the file holds (recording.validate_record).
SHOWN_MOMENT = "@recorded_at shown"

# A row's period as typed ('04/2025', a quarter's name), kept beside its code: the message of a
# period finer than its indicator quotes it and says what it was read as (finer.py).
SHOWN_PERIOD = "@period shown"
# The SHOWN_PERIOD of an import's period cell left empty: most often a period merged down over
# several rows, pasted (its value in the first row only), which the row's problem says
# (recording.validate_record; issue 17, twenty-eighth session).
EMPTY_CELL = "\x00empty cell"
# The SHOWN_PERIOD of a workbook's period cell whose problem was said at its cell: the row is
# still checked, for its other problems (an unknown indicator), and its period not said again.
PERIOD_SAID = "\x00said at its cell"


# A row's indicator as its file gave it, kept once indicator_names has read a name (or a
# second column's code) as the id: repeats within the file are told by what was typed
# (``typed_key``), as before the name was read, so that ``twin_problems`` sees the rest.
TYPED = "@indicator as typed"


def stamp_cell(cell: Location) -> str:
    """``cell`` as STAMP_CELL keeps it."""
    return f"{cell.column}:{cell.cell}"


def stamp_location(where: Location, row: dict[str, str]) -> Location | None:
    """The cell a row's recorded_at came from (STAMP_CELL), or None: a CSV row's line."""
    kept = row.get(STAMP_CELL)
    if not kept:
        return None
    column, _, cell = kept.partition(":")
    return Location(where.file, where.line, int(column), cell)


@lru_cache(maxsize=64)
def _unit_columns(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(name for name in names if name.startswith("dim:"))


def unit_cells(row: dict[str, str]) -> list[tuple[str, str]]:
    """A candidate's cells in a dimension's column (``dim:<id>``) that name a unit, an empty
    cell being none. The rows of a table share their columns: which are a dimension's is
    worked out once for them, not for each row (issue 17)."""
    return [(name, row[name]) for name in _unit_columns(tuple(row)) if row[name].strip()]


def typed_key(row: dict[str, str]) -> tuple | None:
    """What ``note_duplicate`` knows a candidate's figure by: its indicator as typed, each
    unit however it is spelt, its period and its moment read without the plan's zone;
    None when the period or the moment does not read in any zone (the row is refused for it
    anyway: two rows of 2026-13-01 are told that date, not also that they are one figure
    given twice). A moment that lacks only its zone is compared as written."""
    try:
        period = rules.period(row["period"])
    except PeriodError:
        return None
    stamp = row.get("recorded_at", "")
    try:
        moment = _recorded_at(stamp) if stamp else ""
    except ValueError:
        if not _reads_in_a_zone(stamp):
            return None
        moment = stamp
    # A code column left empty: the name beside it is the row's (the workbook's rule).
    typed = row.get(TYPED) or row["indicator"] or row.get(SECOND, "")
    return (typed, units_as_typed(unit_cells(row)), period, moment)


# What rules.recorded_at says of a moment that is none in any zone: a date that does not
# exist, a text that is no moment. A date as Excel shows it (15/07/2026) is not among them:
# a sheet's is read once its order is known (workbook_dates), and compared as written.
_NO_MOMENT = frozenset(
    {
        "store_timestamp_not_real",
        "store_timestamp_no_such_day",
        "store_timestamp_no_such_month",
        "store_timestamp_no_such_year",
        "store_timestamp_after_last_year",
        "store_timestamp_bad_hour",
        "store_timestamp_bad_minute",
        "store_timestamp_bad_second",
        "store_timestamp_invalid",
        "store_timestamp_invalid_zoned",
        "store_timestamp_clock",
        "store_timestamp_padded",
        "store_timestamp_dotted",
        "store_timestamp_excel_count",
        "store_timestamp_foreign_digits",
        "small_timestamp_fraction",
    }
)


def _reads_in_a_zone(stamp: str) -> bool:
    """Whether a moment refused without a zone may yet read (given the plan's zone, or
    once a sheet's order of day and month is known): what is refused for another reason is
    refused in every zone (UTC stands for any)."""
    try:
        _recorded_at(stamp, timezone.utc)
    except ValueError as exc:
        return getattr(exc.args[0] if exc.args else None, "id", "") not in _NO_MOMENT
    return True


def units_as_typed(cells: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """A candidate's unit cells (dimension column, value) as ``typed_key`` knows them: each
    unit however it is spelt (a decomposed 'Ha Long' from another sheet is Ha Long)."""
    return tuple(sorted((k, unit_match(v)) for k, v in cells))


def note_duplicate(
    row: dict[str, str],
    where: Location,
    seen: dict,
    problems: list[Problem],
    default_stamp: str,
    plan: Plan | None = None,
) -> None:
    """Two figures for the same indicator, period and moment in one batch: one is a mistake.

    The same figure twice (same value, status and source) is no mistake, only a repeat:
    it is added once and counted as already recorded (``history.already_recorded``).

    A row refused for its status is no figure to compare (thirtieth session): it is said
    once, for what is wrong with it, never also as a figure given twice (a workbook's such
    row was never compared; a CSV's was, and the same figure with its status mended read
    "already given on line 2" of the row refused).
    """
    key = typed_key(row)
    if key is None or not rules.is_status(row.get("status", "")):
        return
    figure = (_number(row["value"]), row.get("status", ""), rules.written_text(row.get("source", "")))
    if key in seen:
        if seen[key][1] == figure:
            return
        line, _, cell, first = seen[key]
        problems.append(Problem(where, _duplicate(row, key[2], line, cell, default_stamp, first, plan)))
    else:
        seen[key] = (where.line, figure, where.cell, row)


def _number(text: str) -> float | str | None:
    """A candidate's figure as the store will hold it, which tells a repeat from a second
    figure: '0' and '-0', '10' and '1e1' are one figure (its cell is a canonical number
    once read; a retraction's is empty)."""
    try:
        return float(text) if text else None
    except ValueError:
        return text


def _duplicate(
    row: dict[str, str],
    period: object,
    line: int,
    cell: str,
    default_stamp: str,
    first: dict[str, str] | None = None,
    plan: Plan | None = None,
) -> Message:
    """The words for a candidate that gives another figure for the one at ``line`` (or, in
    a sheet, at ``cell``): named as typed, so that the row can be found in the file. When
    the first row (``first``) spells a unit otherwise, the words say the two spellings are
    one unit and which is kept (``_one_unit``): the user sees two names (thirty-seventh
    session)."""
    given = unit_cells(row)
    named = row["indicator"] + (
        "[" + ";".join(f"{k[4:].partition('#')[0]}={' '.join(nfc(v).split())}" for k, v in given) + "]" if given else ""
    )
    stamp = row.get("recorded_at", "")
    why = _one_unit(plan, row, first) if first is not None and plan is not None else None
    if cell:  # a sheet's row: said by the first one's cell, as Excel names it (a sheet has no lines)
        return _why(why, "hostile_documents_duplicate", indicator=named, period=period, cell=cell)
    if stamp and stamp != default_stamp:
        return _why(why, "import_duplicate_at", indicator=named, period=period, recorded_at=stamp, line=line)
    return _why(why, "import_duplicate", indicator=named, period=period, line=line)


def _why(why: Message | None, message_id: str, **params: object) -> Message:
    """The refusal ``message_id``; with ``why`` (``_one_unit``) in the words that say it, its
    key the same (``error.key``, which a program tests: the same refusal, said fuller)."""
    if why is None:
        return msg(message_id, **params)
    from dataclasses import replace

    at = "_at" if message_id.endswith("_at") else ""
    return replace(msg(message_id, **params, why=why), wording=f"{message_id.removesuffix(at)}_unit{at}")


def _units(row: dict[str, str]) -> dict[str, str]:
    """A candidate's units by dimension as it spells them, cleaned as a unit's name is
    (``unit_text``): those of its key (``pop[district=Ha Long]``) and its columns."""
    from ..plan.units import split_key, unit_text

    split = split_key(row.get(TYPED) or row.get("indicator", ""))
    found = dict(split[1]) if split is not None else {}
    for column, value in unit_cells(row):
        found.setdefault(column[4:].partition("#")[0], unit_text(value))
    return found


def _one_unit(plan: Plan, row: dict[str, str], first: dict[str, str]) -> Message | None:
    """Why ``row`` gives the figure ``first`` gives though a unit is spelt two ways: the two
    spellings are one unit of the dimension, kept as the plan lists it, or in an open
    dimension (one that lists no units) in the spelling met first; None when every unit is
    spelt alike. A third spelling the store already holds is not named ("unless the store
    already spells it another way"): the batch is validated before the store is read, under
    the append's lock, and naming it would read a national store's million rows for the
    words alone, the fix (keep one row) being the same; the run that records the one kept
    warns of the store's spelling by its line (open_units.spelt_as_held; thirty-eighth
    session, tests/test_s38_l.py)."""
    from ..plan.unit_resolution import dimension_said

    mine, theirs = _units(row), _units(first)
    for dim_id, typed in mine.items():
        other = theirs.get(dim_id)
        if other is None or other == typed or unit_match(other) != unit_match(typed):
            continue
        dimension = plan.dimensions.get(dim_id)
        if dimension is None:
            continue
        if dimension.values is None:
            return msg("duplicate_one_unit_open", typed=typed, first=other, **dimension_said(dim_id, plan.dimensions))
        unit = dimension.unit(typed)
        if unit is not None:
            said = dimension_said(dim_id, plan.dimensions)
            return msg("duplicate_one_unit_listed", typed=typed, first=other, held=unit.value, **said)
    return None


def twin_problems(
    rows: Sequence[Observation],
    wheres: Sequence[Location],
    cells: Sequence[dict[str, str]],
    default_stamp: str,
    unread: frozenset[Location] = frozenset(),
    typed_said: bool = True,
    plan: Plan | None = None,
) -> list[Problem]:
    """Two validated rows of one batch for one figure as the store will hold it (the same
    key, period and moment) with different figures, which ``note_duplicate`` cannot tell
    from the cells: a unit spelt two ways (``g[locality=Ha Long]``, and ``g`` with Ha Long
    in its column) or a moment written with and without the plan's zone. Both would be
    written, and which is in force would be left to file order
    (checks_vintages.same_moment_problems). Rows with the same key as typed are left to
    ``note_duplicate``, which has said them already, and so are rows at ``unread``: the
    places whose figure did not read, validated with a stand-in 0 for their other cells.
    ``typed_said`` false: no reader has (``record_many``'s rows, a caller's list), so those
    are said here (thirty-fifth session: two figures of fdi 2025 at one moment in a
    caller's list were both written, and ``check`` then found the store in error)."""
    first: dict[tuple, int] = {}
    clashes: dict[tuple, list[int]] = {}
    for i, o in enumerate(rows):  # one pass; most batches have no two rows for one figure
        if unread and wheres[i] in unread:
            continue
        key = (o.indicator, o.period.sort_key, o.recorded_at)
        j = first.setdefault(key, i)
        if j != i:
            clashes.setdefault(key, [j]).append(i)
    problems = []
    for head, *others in clashes.values():
        typed = {typed_key(cells[head])}
        for i in others:
            as_typed = typed_key(cells[i])
            if typed_said and as_typed in typed:
                continue
            typed.add(as_typed)
            if _figure(rows[i]) != _figure(rows[head]):
                where = wheres[head]
                said = (
                    _duplicate(cells[i], rows[i].period, where.line, where.cell, default_stamp, cells[head], plan)
                    if typed_said
                    # A caller's row is at a place of the caller's words, no line of a file.
                    else _given_at(
                        rows[i],
                        str(where),
                        cells[i].get("recorded_at", ""),
                        default_stamp,
                        _one_unit(plan, cells[i], cells[head]) if plan is not None else None,
                    )
                )
                problems.append(Problem(wheres[i], said))
    return problems


def _given_at(row: Observation, place: str, stamp: str, default_stamp: str, why: Message | None) -> Message:
    """A caller's second figure for one already in its list, at ``place`` (``candidates:1``,
    or the caller's own ``Location``), said as the store will hold it; ``why``: the two
    spellings of one unit that make the rows one (``_one_unit``), if any."""
    if stamp and stamp != default_stamp:
        return _why(
            why,
            "recording_duplicate_at",
            indicator=row.indicator,
            period=row.period,
            recorded_at=row.recorded_at,
            place=place,
        )
    return _why(why, "recording_duplicate", indicator=row.indicator, period=row.period, place=place)


def _figure(o: Observation) -> tuple:
    """A row's figure as a repeat is told by: a retraction's value (NaN, equal to nothing) as None."""
    return (None if o.status == RETRACTED else o.value, o.status, o.source)
