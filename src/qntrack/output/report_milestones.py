"""The report's table of a level target's milestones (status, P, score, gap, required
rate, trajectory, deviation, rate needed from now, projection, year reached), moved out of
report_view.py, on whose cells it builds (its 500 lines, issue 17, twentieth session)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .i18n import (
    achieved_rate_text,
    label,
    needed_rate_text,
    progress_text,
    score_text,
    status_label,
    typed_value,
    value_beside,
    value_with_unit,
)
from .period_words import period_text
from .report_view import Cell, TableView, report_word
from .summary import difference_text, gap_phrase

if TYPE_CHECKING:
    from ..method.assessment import Assessment, MilestoneResult

__all__ = ["FIGURE_KEYS", "milestones_table"]

# The figures of a milestone's row after its status, by their labels' keys: the workbook's
# Milestones sheet has the same columns (report_xlsx_milestones).
FIGURE_KEYS = (
    "p",
    "score",
    "gap",
    "required_rate",
    "trajectory",
    "deviation",
    "required_from_latest",
    "projected",
    "reached_in",
)


def milestones_table(a: Assessment, lang: str) -> TableView | None:
    """A level target's milestones, one row each; None without milestones."""
    if not a.milestones:
        return None
    from .views.level import path_places
    from .views.plan import gap_decimals

    unit = a.indicator.unit_in(lang)
    base = a.baseline.value if a.baseline is not None else None
    headers = tuple(label(k, lang) for k in ("milestone", "status", *FIGURE_KEYS))
    rows = []
    for m in a.milestones:
        if m.status.value == "target_achieved":
            reached = "–"
        else:
            reached = str(m.reached_in) if m.reached_in else (label("never", lang) if m.never_reached else "–")
            if m.reached_is_projection:
                # Where the achieved rate would take the value: a projection, said as one.
                reached = report_word("would_be", lang, year=reached)
        rows.append(
            (
                Cell(f"{typed_value(m.value, unit, lang)} {label('by', lang)} {period_text(m.by, lang)}"),
                Cell(_status(m, lang), status=m.status.value),
                Cell(progress_text(m.progress_value, lang)),
                Cell(score_text(m.score, lang)),
                Cell(gap_phrase(m.gap, unit, lang, gap_decimals(a, m), not a.indicator.increase)),
                Cell(_required(m.required_rate, m.required_change, unit, base, lang, path_places(a, m))),
                Cell(value_with_unit(m.trajectory, unit, lang, path_places(a, m))),
                Cell(difference_text(m.deviation, unit, lang, decimals=path_places(a, m))),
                # A deadline past with no figure needs nothing "from now" (show gives no such
                # row; methodology.md, worked example 3): it was 2024-2025's pace a year on.
                Cell("–" if m.awaiting_figure else _needed(a, m, unit, base, lang)),
                Cell(value_beside(m.projected, m.value, unit, lang)),
                Cell(reached),
            )
        )
    return TableView(headers, tuple(rows), frozenset(range(2, 10)))


def _status(m: MilestoneResult, lang: str) -> str:
    """A milestone's status, with the deadline passed and its figure awaited said beside it
    as the target's status line says it ("Moderate progress (⌛ awaiting figure 2025)"):
    the row is judged on an earlier figure, and its "needed from now" is "–" for that
    reason (forty-first session: the 2025 and 2030 rows read alike)."""
    text = status_label(m.status.value, lang)
    if not m.awaiting_figure:
        return text
    return f"{text} (⌛ {label('awaiting', lang)} {period_text(m.by, lang)})"


def _needed(a: Assessment, m: MilestoneResult, unit: str, base: float | None, lang: str) -> str:
    """The pace needed from now on as ``_required`` writes a pace, rounded so that it
    suffices (i18n.sufficient): up where the figure must rise, down where it must fall; a
    change at the decimals of the milestone's path (views.level.needed_change); "–" where
    the displays say nothing is needed (views.level.needs_nothing)."""
    from .views.level import needs_nothing

    if needs_nothing(a, m):
        return "–"
    if m.required_rate_from_latest is not None:
        return needed_rate_text(m.required_rate_from_latest, base, a.indicator.increase, lang)
    if m.required_change_from_latest is not None:
        from .views.level import needed_change

        needed, places = needed_change(a, m)
        return f"{difference_text(needed, unit, lang, decimals=places)}{label('per_year', lang)}"
    return "–"


def _required(
    rate: float | None, change: float | None, unit: str, base: float | None, lang: str, places: int = 2
) -> str:
    """A required pace as the table writes it: a rate in per cent a year where the method
    gives one (a level that grows; below zero, its size's, said so), else a change in the
    unit a year (a share's points) at ``places``, the decimals of the milestone's path
    (0.0058 pp a year to 10.025 is "+0.006", not "+0.01"; forty-first session), else "–"."""
    if rate is not None:
        return achieved_rate_text(rate, base, lang)
    if change is not None:
        return f"{difference_text(change, unit, lang, decimals=places)}{label('per_year', lang)}"
    return "–"
