"""``status --by DIM`` (issue 14): each target's row followed by a row per unit of its
breakdown by DIM, for the terminal's table and for CSV/TSV.

A unit's row is the target's row computed on the unit's assessment (``Assessment.breakdown``),
so every column means what it means for a target. JSON needs none of this: every target's
breakdown is always in it (docs/json.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

from .formats import STATUS_COLUMNS, status_rows
from .ranking import unit_name

if TYPE_CHECKING:
    from ..method.assessment import Assessment
    from ..method.series import Series
    from ..plan.model import Observation
    from ..plan.units import Dimension
    from .summary import Cell

__all__ = ["broken_down_by", "unit_columns", "status_rows_by", "status_cells_by"]


def broken_down_by(a: Assessment, dim: str) -> bool:
    """Whether ``a``'s target gets unit rows under ``--by dim``: its for_each includes it."""
    return dim in a.target.for_each


def unit_columns(assessments: Sequence[Assessment], dim: str, dimensions: Mapping[str, Dimension]) -> tuple[str, ...]:
    """The dimension columns of ``status --by dim`` in CSV/TSV: ``dim``, then every other
    dimension a target broken down by ``dim`` is also broken down by, in the order
    targets.yaml declares them."""
    used = {d for a in assessments if broken_down_by(a, dim) for d in a.target.for_each}
    return (dim, *(d for d in dimensions if d in used and d != dim))


def status_rows_by(
    assessments: Sequence[Assessment],
    dim: str,
    columns: Sequence[str],
    revised: Mapping[str, Mapping[str, float | None]] | None = None,
    as_of: str | None = None,
    whence: Mapping[str, Mapping[str, tuple[str, str]]] | None = None,
) -> Iterable[Sequence[Any]]:
    """The status CSV/TSV with a column per dimension after ``id`` (empty on a target's
    own row, the total) and a row per unit after each target broken down by ``dim``,
    in the breakdown's order (docs/json.md, "CSV and TSV")."""
    from ..plan.units import unit_key

    yield ("id", *columns, *STATUS_COLUMNS[1:])
    for a in assessments:
        units = a.breakdown if broken_down_by(a, dim) else ()
        keys = [a.target.series_key, *(unit_key(a.indicator.id, u.dims) for u in units)]
        rows = list(status_rows([a, *(u.assessment for u in units)], revised, keys, as_of, whence))[1:]
        yield (rows[0][0], *(None for _ in columns), *rows[0][1:])
        for u, row in zip(units, rows[1:], strict=True):
            values = dict(u.dims)
            yield (row[0], *(values.get(c) for c in columns), *row[1:])


def status_cells_by(
    assessments: Sequence[Assessment],
    dim: str,
    lang: str,
    series: Series,
    revised: Mapping[str, Mapping[str, float | None]] | None = None,
    observations: Sequence[Observation] = (),
    as_of: str | None = None,
    whence: Mapping[str, Mapping[str, tuple[str, str]]] | None = None,
    dimensions: Mapping[str, Dimension] | None = None,
) -> list[tuple[Cell, ...]]:
    """The status table's rows: each target's (``summary.status_cells``), then, for a
    target broken down by ``dim``, one per unit, named "↳ Ha Long" in the target column.
    ``revised``: by series, the value each figure replaced (``status_cells``). A unit whose
    every figure in ``observations`` was withdrawn by ``as_of`` last, "All figures
    withdrawn" in its status cell (output.units_withdrawn). With the plan's ``dimensions``,
    a unit is named as ``ranking.unit_name`` names it (in Vietnamese by its ``vi`` names, without the dimensions' ids), and
    its notes likewise."""
    from .i18n import label
    from .units_withdrawn import retracted_keys, units_withdrawn

    from ..plan.units import unit_key
    from .report_breakdowns import milestones_note
    from .report_view import report_word
    from .summary import reason_word, status_cells

    before = revised or {}
    came = whence or {}  # where each figure replaced came from (issue 17, twenty-fifth session)
    rows: list[tuple[Cell, ...]] = []
    retracted: frozenset[str] | None = None  # found at the first target broken down, once
    for a in assessments:
        key = a.target.series_key
        rows.append(
            status_cells(a, lang, series.get(key, ()), before.get(key), whence=came.get(key), dimensions=dimensions)
        )
        if not broken_down_by(a, dim):
            continue
        for u in a.breakdown:
            key = unit_key(a.indicator.id, u.dims)
            cells = status_cells(
                u.assessment, lang, series.get(key, ()), before.get(key), key, came.get(key), dimensions
            )
            note = milestones_note(a.target, u, lang)
            if u.without_figure:  # a declared unit with no figure: said why (issue 17)
                note = report_word("bd_reason_no_figures", lang)
            if note:
                # The milestones an ended unit was judged on, under its status (as rank says).
                status, *rest = cells[-1]
                if u.without_figure:  # the note says why, in full: not the reason's word again
                    rest = [
                        r
                        for r in rest
                        if r != ("\n" + reason_word(u.assessment.reason, lang, bool(u.assessment.withdrawn)), "muted")
                    ]
                cells = (*cells[:-1], (status, (f"\n({note})", "muted"), *rest))
            rows.append(((("↳ " + unit_name(u.dims, dimensions, lang), ""),), *cells[1:]))
        width = len(rows[-1])
        if retracted is None:
            retracted = retracted_keys(observations)
        for dims, _ in units_withdrawn(a, observations, series, as_of, retracted):
            blank = ((("–", "muted"),),) * (width - 2)
            rows.append(
                ((("↳ " + unit_name(dims, dimensions, lang), ""),), *blank, ((label("all_withdrawn", lang), "muted"),))
            )
    return rows
