"""What the importers (CSV, SDMX-CSV, workbooks) ask of each candidate row as they read it.

A candidate is a row's cells by column name (``import_tables.Candidate``); these are
asked once for every row of a file, so what is the same for all the rows of a table is
worked out once (issue 17).
"""

from __future__ import annotations

from functools import lru_cache

from ..catalog import msg
from ..plan.model import Location, Problem
from ..plan.periods import PeriodError
from ..plan.units import unit_match
from . import rules
from .rules import recorded_at as _recorded_at
from .textfiles import nfc

__all__ = ["unit_cells", "note_duplicate"]


@lru_cache(maxsize=64)
def _unit_columns(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(name for name in names if name.startswith("dim:"))


def unit_cells(row: dict[str, str]) -> list[tuple[str, str]]:
    """A candidate's cells in a dimension's column (``dim:<id>``) that name a unit, an empty
    cell being none. The rows of a table share their columns: which are a dimension's is
    worked out once for them, not for each row (issue 17)."""
    return [(name, row[name]) for name in _unit_columns(tuple(row)) if row[name].strip()]


def note_duplicate(
    row: dict[str, str], where: Location, seen: dict, problems: list[Problem], default_stamp: str
) -> None:
    """Two figures for the same indicator, period and moment in one batch: one is a mistake.

    The same figure twice (same value, status and source) is no mistake, only a repeat:
    it is added once and counted as already recorded (``history.already_recorded``).
    """
    try:
        period = rules.period(row["period"])
    except PeriodError:
        return
    stamp = row.get("recorded_at", "")
    try:
        moment = _recorded_at(stamp) if stamp else ""
    except ValueError:
        moment = stamp
    # A unit however it is spelt (a decomposed 'Ha Long' from another sheet is Ha Long).
    given = unit_cells(row)
    unit = tuple(sorted((k, unit_match(v)) for k, v in given))
    key = (row["indicator"], unit, period, moment)
    figure = (row["value"], row.get("status", ""), nfc(row.get("source", "").strip()))
    if key in seen:
        if seen[key][1] == figure:
            return
        # Named only for the message: most rows are no duplicate.
        named = row["indicator"] + (
            "[" + ";".join(f"{k[4:].partition('#')[0]}={' '.join(nfc(v).split())}" for k, v in given) + "]"
            if given
            else ""
        )
        first, cell = seen[key][0], seen[key][2]
        if cell:  # a sheet's row: said by the first one's cell, as Excel names it (a sheet has no lines)
            message = msg("hostile_documents_duplicate", indicator=named, period=period, cell=cell)
        elif stamp and stamp != default_stamp:
            message = msg("import_duplicate_at", indicator=named, period=period, recorded_at=stamp, line=first)
        else:
            message = msg("import_duplicate", indicator=named, period=period, line=first)
        problems.append(Problem(where, message))
    else:
        seen[key] = (where.line, figure, where.cell)
