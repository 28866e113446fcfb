"""The progress measure of Statistics Canada / Open SDG, reproduced exactly.

Methodology section 1.1. The achieved compound annual growth rate (CAGR) since the
base year is compared with the CAGR required to reach the target by the target year
(method 2), or, without a target, read against fixed thresholds of direction-adjusted
growth (method 1). Every number here is unrounded; rounding is for display.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum

__all__ = [
    "Status",
    "Progress",
    "band",
    "growth",
    "score_with_target",
    "limit_coefficient",
    "measure",
    "status_from_score",
    "twelve_digits",
]


class Status(str, Enum):
    """One vocabulary for every kind of target (docs/methodology.md, "Statuses")."""

    TARGET_ACHIEVED = "target_achieved"
    SUBSTANTIAL_PROGRESS = "substantial_progress"
    MODERATE_PROGRESS = "moderate_progress"
    LIMITED_PROGRESS = "limited_progress"
    DETERIORATION = "deterioration"
    NOT_ACHIEVED = "not_achieved"
    NOT_AVAILABLE = "not_available"


# Thresholds of the two methods (section 1.1); the lower edge of each band is inclusive.
TARGET_THRESHOLDS = (0.95, 0.60, 0.0)
DIRECTION_THRESHOLDS = (0.015, 0.005, 0.0)
# A zero base or target would make the growth rate undefined; Open SDG substitutes this.
ZERO_SUBSTITUTE = 0.001
LIMIT_EXPONENT = 4.44


@dataclass(frozen=True, slots=True)
class Progress:
    """The outcome of the measure for one series against one target (or direction)."""

    status: Status
    progress_value: float | None
    score: float | None
    target_achieved: bool = False


def growth(v1: float, v0: float, t1: float, t0: float) -> float:
    """Compound annual growth rate from ``v0`` at ``t0`` to ``v1`` at ``t1`` (years)."""
    return (v1 / v0) ** (1.0 / (t1 - t0)) - 1.0


def limit_coefficient(base_value: float, limit: float) -> float:
    """Factor C that narrows the method-1 thresholds as the base nears a natural limit."""
    b = abs(base_value)
    lim = abs(limit)
    # Checked first so that a zero base and a zero limit give C = 1, as Open SDG does.
    if b >= 2 * lim:
        return 1.0
    if b <= lim:
        return 1.0 - (b / lim) ** LIMIT_EXPONENT
    return 1.0 - ((2 * lim - b) / lim) ** LIMIT_EXPONENT


def band(p: float, high: float, med: float, low: float) -> Status:
    """The status band of a progress value (lower edges inclusive)."""
    if p >= high:
        return Status.SUBSTANTIAL_PROGRESS
    if p >= med:
        return Status.MODERATE_PROGRESS
    if p >= low:
        return Status.LIMITED_PROGRESS
    return Status.DETERIORATION


def score_with_target(p: float) -> float:
    """Open SDG's score of method 2, from P."""
    if p >= 0.6:
        return min(7.1429 * p - 4.2857, 5.0)
    return max(4.1667 * p - 2.5, -5.0)


def _score_direction(p: float, high: float, med: float, c: float) -> float:
    if p < 0:
        return max(125 * p - 2.5, -5.0)
    if c == 0:
        # The base already sits on the limit and did not move away: nothing left to gain.
        return 5.0
    if p >= high:
        return min(500 * p / c - 5, 5.0)
    if p >= med:
        return 250 * p / c - 1.25
    return 500 * p / c - 2.5


def measure(
    *,
    base_year: float,
    base_value: float,
    current_year: float,
    current_value: float,
    increase: bool,
    target: float | None = None,
    target_year: float | None = None,
    limit: float | None = None,
    kept: bool = False,
) -> Progress:
    """Status, progress value P and score of one series (section 1.1).

    ``increase`` is the direction d: True when higher is better. ``limit`` is used only
    when there is no target, as in the reference implementation. ``kept``: P is kept to 12
    significant digits before it is read against the bands and scored, as qntrack's own
    level targets read it (203 / 200 − 1 is 0.014999999999999902 in floats, one band below
    the 1.5 % a year it is; docs/methodology.md, "Figures on an edge"); an ``open_sdg``
    target leaves it as Open SDG computes it, to reproduce the platform's published results.
    """
    d = 1 if increase else -1
    if target is not None and target_year is None:
        raise ValueError("a target needs a target year")
    if target == 0:
        # Replaced before the achievement check too, as Open SDG does on reading its config.
        target = ZERO_SUBSTITUTE
    if not (math.isfinite(base_value) and math.isfinite(current_value)):
        return Progress(Status.NOT_AVAILABLE, None, None)

    # Target achieved is checked first, whatever the ratio would say. qntrack's own level
    # targets (kept) read the figure and the target at 15 significant digits, as every
    # goal is met (plan.model.published): 14.999999999999998, a computed cell's noise,
    # meets 15. Open SDG's compares the floats, as the platform does.
    now, goal = (
        (_published(current_value), _published(target)) if kept and target is not None else (current_value, target)
    )
    if goal is not None and ((d == 1 and now >= goal) or (d == -1 and now <= goal)):
        reached = _progress_value_or_none(base_year, base_value, current_year, current_value, d, target, target_year)
        return Progress(
            Status.TARGET_ACHIEVED,
            twelve_digits(reached) if kept and reached is not None else reached,
            5.0,
            target_achieved=True,
        )

    c = 1.0
    if target is None:
        high, med, low = DIRECTION_THRESHOLDS
        if limit is not None:
            c = limit_coefficient(base_value, limit)
            high, med = high * c, med * c
    else:
        high, med, low = TARGET_THRESHOLDS

    p = _progress_value_or_none(base_year, base_value, current_year, current_value, d, target, target_year)
    if p is None:
        return Progress(Status.NOT_AVAILABLE, None, None)
    if kept:
        p = twelve_digits(p)
    status = band(p, high, med, low)
    score = score_with_target(p) if target is not None else _score_direction(p, high, med, c)
    return Progress(status, p, score)


def _published(x: float) -> float:
    """``plan.model.published``, here so that this module imports nothing of the plan."""
    return float(f"{x:.15g}") + 0.0 if math.isfinite(x) else x


def twelve_digits(x: float) -> float:
    """``x`` to 12 significant digits: a float carries 15 to 17, and the last ones are the
    arithmetic's noise, not the figures' (``method.assessment.significant`` is this one)."""
    # + 0.0: a P of nothing achieved on a falling target is 0, not -0.0.
    return float(f"{x:.12g}") + 0.0 if math.isfinite(x) else x


def _progress_value_or_none(
    base_year: float,
    base_value: float,
    current_year: float,
    current_value: float,
    d: int,
    target: float | None,
    target_year: float | None,
) -> float | None:
    """P, or None where the reference implementation gives no assessment."""
    # The sign is taken before a zero base is replaced (a zero base counts as positive).
    sign = -1 if base_value < 0 else 1
    if base_value == 0:
        base_value = ZERO_SUBSTITUTE
    if (base_value > 0 and current_value < 0) or (base_value < 0 and current_value > 0):
        return None
    if current_year - base_year < 1:
        return None
    try:
        achieved = growth(current_value, base_value, current_year, base_year)
        # + 0.0: a series that did not move has P = 0, where −1 × 0 (lower is better) is the
        # float −0.0, which JSON and CSV wrote "-0.0" (issue 17, twentieth session).
        if target is None:
            return sign * d * achieved + 0.0
        assert target_year is not None
        # A target of the other sign from the base has no required rate (docs/methodology.md,
        # "When there is no assessment"), whatever the power: one year on, its root is real.
        if (base_value > 0 and target < 0) or (base_value < 0 and target > 0):
            return None
        required = growth(target, base_value, target_year, base_year)
        if isinstance(achieved, complex) or isinstance(required, complex) or required == 0:
            return None
        return sign * d * achieved / abs(required) + 0.0
    except (ZeroDivisionError, OverflowError, ValueError):
        return None


def status_from_score(score: float | None, all_achieved: bool = False) -> Status:
    """Status of several series combined by the mean of their scores (section 1.1)."""
    if all_achieved:
        return Status.TARGET_ACHIEVED
    if score is None:
        return Status.NOT_AVAILABLE
    if score >= 2.5:
        return Status.SUBSTANTIAL_PROGRESS
    if score >= 0:
        return Status.MODERATE_PROGRESS
    if score >= -2.5:
        return Status.LIMITED_PROGRESS
    return Status.DETERIORATION
