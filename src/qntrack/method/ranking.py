"""Ranking the units of a breakdown, best to worst (issue 14; docs/methodology.md, "Ranking").

The order: the status, best first (target achieved, substantial, moderate, limited
progress, deterioration, not achieved, not available), then the score, then the progress
value, then, for a plan's units, the share of its own plan a full figure reached, then the
period of the figure the row shows (the latest, else the year-to-date reading), the
latest first, then that figure; the share and the figure in the indicator's direction
(higher is better for an increase, lower for a decrease). A unit without one of these
comes after every unit with it. For units with a score the status adds nothing (it is read
off the score's bands), but some kinds judge without a score (a target every period): by
the score alone a unit missed for good (-5) would rank above one making substantial
progress without a score. A figure is compared only with figures of its own period: a
district's 2023 figure says nothing of how it stands against others' 2025 ones (issue 17,
thirty-second session). Units equal on all of these share a rank, and the next rank skips
as many places ("1, 2, 2, 4": standard competition ranking, as league tables and the
province's own rankings of its localities count them).

Pure: no I/O, no clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .assessment import Assessment, UnitAssessment, shown_figure
from .groups import unscored_score
from .progress import Status

__all__ = ["Ranked", "rank_units", "rank_key"]


@dataclass(frozen=True, slots=True)
class Ranked:
    """A unit in its place: ``rank`` shared with the units it ties with."""

    rank: int
    unit: UnitAssessment


def _descending(value: float | None) -> tuple[int, float]:
    """A sort key putting higher values first and a missing value after all of them."""
    return (1, 0.0) if value is None else (0, -value)


# Statuses best first: the order the score bands put them in (methodology.md, "Statuses").
_STATUS_ORDER = {
    s: i
    for i, s in enumerate(
        (
            Status.TARGET_ACHIEVED,
            Status.SUBSTANTIAL_PROGRESS,
            Status.MODERATE_PROGRESS,
            Status.LIMITED_PROGRESS,
            Status.DETERIORATION,
            Status.NOT_ACHIEVED,
            Status.NOT_AVAILABLE,
        )
    )
}


def rank_key(a: Assessment, increase: bool) -> tuple[tuple[int, float], ...]:
    """What a unit is ranked by, smaller first (see the module's docstring)."""
    score = a.score if a.score is not None else unscored_score(a.status)
    # The figure the unit's row shows: its latest, else its year-to-date reading, so that two
    # units tied until then are told apart by what the reader sees (methodology, "Ranking").
    shown = shown_figure(a)
    latest = None if shown is None else (shown.value if increase else -shown.value)
    share = _share_of_plan(a)
    share = None if share is None else (share if increase else -share)
    return (
        (0, float(_STATUS_ORDER[a.status])),
        _descending(score),
        _descending(a.progress_value),
        _descending(share),
        # The figures of one period compared, never a 2023 figure with 2025's: the period
        # ending latest first, of two ending together the longer (2025 before 2025-Q4).
        _descending(None if shown is None else float(shown.period.year * 12 + shown.period.last)),
        _descending(None if shown is None else float(shown.period.last - shown.period.first)),
        _descending(latest),
    )


def _share_of_plan(a: Assessment) -> float | None:
    """The per cent of its own plan a unit's full figure reached, for a plan's units (each
    may have its plan: 52 of 50 beats 101.7 of 100), else None. Read off the result's
    fields, as the kinds give them (method does not import kinds)."""
    full = getattr(a.result, "full", None)
    share = getattr(full, "percent_of_plan", None)
    return share if isinstance(share, float) else None


def rank_units(units: Sequence[UnitAssessment], increase: bool = True) -> list[Ranked]:
    """``units`` best to worst, each with its rank; equal units keep their given order."""
    keyed = sorted(((rank_key(u.assessment, increase), i, u) for i, u in enumerate(units)), key=lambda k: (k[0], k[1]))
    out: list[Ranked] = []
    for place, (key, _, unit) in enumerate(keyed, start=1):
        tie = out and rank_key(out[-1].unit.assessment, increase) == key
        out.append(Ranked(out[-1].rank if tie else place, unit))
    return out
