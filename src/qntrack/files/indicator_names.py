"""An import's indicator named by its name in targets.yaml rather than its id, and the
unit a text file's unit column gives it.

A provincial office's table names each row's indicator in words (its "GRDP growth" in
Vietnamese), and often beside a code column (the vocabulary's code and name headings,
files/vocabulary.py). A cell that is no id but is one indicator's name, in either
language and matched as units are (case, spaces, NFC), is read as that indicator, and the
import says so once per name. A name two indicators share is not guessed. Where a table has both columns, the two must name
the same indicator: a table sorted by one column alone puts one indicator's code beside
another's name, and the figure would go to either (docs/decisions.md). A unit column
("unit", or its Vietnamese names) is checked against the indicator's unit, as a
workbook's is (unit_cells.unit_fits): a figure in another unit, or on the wrong row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..catalog import msg
from ..plan.model import Location, Problem
from .batch_rows import TYPED
from .import_headers import SECOND

if TYPE_CHECKING:
    from ..plan.model import Plan


def names_of(plan: Plan) -> dict[str, tuple[str, ...]]:
    from ..plan.units import unit_match

    found: dict[str, dict[str, None]] = {}
    for ind in plan.indicators.values():
        for name in (ind.name.en, ind.name.vi):
            if name:
                found.setdefault(unit_match(name), {})[ind.id] = None
    return {key: tuple(ids) for key, ids in found.items()}


def row_indicator(plan: Plan, cells: tuple[str, ...], names: dict[str, tuple[str, ...]]) -> str | None:
    """The id a row's indicator cells name, as ``read_names`` reads them: an id in either
    column first (the code is the row's indicator), else a name of exactly one indicator."""
    from ..plan.units import unit_match

    for cell in cells:
        if known_id(plan, cell):
            return cell.partition("[")[0].strip()
    ids = names.get(unit_match(_named(cells[0], names)), ()) if cells else ()
    return ids[0] if len(ids) == 1 else None


def _named(cell: str, names: dict[str, tuple[str, ...]]) -> str:
    """The part of ``cell`` that may be a name: all of it, or what comes before a unit key
    (``Budget revenue[locality=X]``), as an id's unit is written after it."""
    from ..plan.units import unit_match

    before, bracket, _ = cell.partition("[")
    return before if bracket and unit_match(cell) not in names else cell


def known_id(plan: Plan, cell: str) -> bool:
    """An id of the plan, alone or with its unit in brackets (``fdi[locality=Ha Long]``)."""
    return cell.partition("[")[0].strip() in plan.indicators


def read_names(
    plan: Plan, candidates: list[tuple[Location, dict[str, str]]], file: str
) -> tuple[list[Problem], list[Problem]]:
    """Put each candidate's indicator named by its name as its id, in place, and check a
    second indicator column against the first. Returns (problems, notes); a row with a
    problem is taken out of ``candidates``."""
    from ..plan.units import unit_match
    from .unit_cells import unit_fits, unit_mismatch

    names: dict[str, tuple[str, ...]] | None = None
    problems: list[Problem] = []
    read: dict[str, tuple[str, dict[int, None]]] = {}  # name -> (id, its lines)
    kept: list[tuple[Location, dict[str, str]]] = []

    def named(cell: str) -> tuple[str, ...]:
        """The ids of the indicators ``cell`` is the name of."""
        nonlocal names
        if names is None:
            names = names_of(plan)
        return names.get(unit_match(_named(cell, names)), ())

    def meant(cell: str, where: Location) -> str | None:
        """The id ``cell`` names, or None (no id, no name: the general check says so)."""
        if not cell or known_id(plan, cell):
            return cell.partition("[")[0].strip() or None
        ids = named(cell)
        if len(ids) > 1:
            problems.append(Problem(where, msg("import_indicator_name_shared", name=cell, ids=", ".join(ids))))
        return ids[0] if len(ids) == 1 else None

    indicators = plan.indicators
    for candidate in candidates:
        where, fields = candidate
        if SECOND not in fields and "unit" not in fields and fields.get("indicator", "") in indicators:
            kept.append(candidate)  # an id, alone in its column: most rows of most files
            continue
        before = len(problems)
        cell = fields.get("indicator", "")
        second = fields.pop(SECOND, "")
        typed = cell or second  # what repeats in the file were told by (batch_rows.typed_key)
        if not cell or (second and not known_id(plan, cell) and known_id(plan, second) and not named(cell)):
            # The code is the row's indicator whichever column comes first: a name column
            # before it may hold a longer title, which is passed over, not refused. A name
            # stays first, checked against the code: it may carry a unit key the code lacks.
            cell, second = second, cell
            fields["indicator"] = cell
        first_id = meant(cell, where)
        if first_id is not None and not known_id(plan, cell):
            name = _named(cell, names or {})
            fields["indicator"] = first_id + cell[len(name) :].strip()  # a unit key kept, as after an id
            name = " ".join(name.split())  # a name wrapped in its cell said on one line
            # The rows of the file, not its figures: a wide row gives one for each period.
            read.setdefault(name, (first_id, {}))[1][where.line] = None
        unit = fields.pop("unit", "")
        if unit and first_id in indicators:
            ind = indicators[first_id]
            if not unit_fits(unit, ind):
                problems.append(Problem(where, unit_mismatch(unit, ind)))
        if second and first_id is not None:
            # The second column agrees when it names the first's indicator, as its id or as
            # a name it has (shared or not: the first column says which); a name of no
            # indicator (a longer title) is passed over.
            others = (second.partition("[")[0].strip(),) if known_id(plan, second) else named(second)
            if others and first_id not in others:
                other = ", ".join(others)
                problems.append(
                    Problem(
                        where,
                        msg("import_indicator_columns_differ", first=cell, id=first_id, second=second, other=other),
                    )
                )
        if fields.get("indicator") != typed:
            fields[TYPED] = typed
        if len(problems) == before:
            kept.append(candidate)
    candidates[:] = kept
    notes = [
        Problem(Location(file), msg("import_indicator_read_by_name", name=name, id=ind, rows=len(rows)), "warning")
        for name, (ind, rows) in read.items()
    ]
    return problems, notes
