"""The pace of a level target: Open SDG's ratio read on absolute changes where a growth
rate means nothing, the reason a growth measure has none, and the year the achieved pace
reaches a milestone (ESCAP, docs/methodology.md 1.4). Pure: no I/O, no clock.
"""

from __future__ import annotations

import math

from ..method.assessment import significant
from ..method.progress import TARGET_THRESHOLDS, Progress, Status, band, score_with_target
from ..plan.model import Bound, Observation
from ..plan.periods import Period

__all__ = ["absolute_change", "crosses", "why_not", "year_reached", "year_reached_linear"]


def crosses(base_value: float, value: float) -> bool:
    """Opposite signs, a zero base counting as positive as in Open SDG (methodology 1.1)."""
    return (base_value < 0 < value) or (base_value >= 0 and value < 0)


def why_not(base_value: float, base_year: int, value: float, year: int, target: float | None) -> str:
    """The reason code of a not_available growth measure (progress._progress_value_or_none)."""
    if year - base_year < 1:
        return "one_figure"
    if crosses(base_value, value) or (target is not None and crosses(base_value, target)):
        return "crosses_zero"
    if target is not None and target == base_value:
        return "target_equals_baseline"
    return "undefined"


def absolute_change(
    base_value: float, base_year: int, value: float, year: int, target: float, target_year: int, increase: bool
) -> Progress:
    """P = achieved change a year / required change a year, read through Open SDG's bands.

    The growth ratio of method 2 with absolute changes in place of compound rates: a
    series that crosses zero has no growth rate, but it has a change (methodology,
    "Balances: absolute change").
    """
    d = 1 if increase else -1
    p = None
    if year - base_year >= 1 and target_year != base_year and target != base_value:
        required = (target - base_value) / (target_year - base_year)
        achieved = (value - base_value) / (year - base_year)
        # To 12 significant digits, as every pace computed from typed figures (0.57 / 0.6
        # read 0.9499999999999997 and missed the 0.95 edge; method.assessment.significant).
        p = significant(d * achieved / abs(required))
    # Target achieved is checked first, whatever the ratio would say (as in progress.measure),
    # at the 15 digits a typed figure has (plan.model.Bound.passes).
    if Bound(target, increase).passes(value):
        return Progress(Status.TARGET_ACHIEVED, p, 5.0, target_achieved=True)
    if p is None:
        return Progress(Status.NOT_AVAILABLE, None, None)
    return Progress(band(p, *TARGET_THRESHOLDS), p, score_with_target(p))


def year_reached_linear(target: float, latest: Observation, change: float) -> tuple[Period | None, bool]:
    """First whole year in which latest + change * n passes the target (absolute change)."""
    if change == 0:
        return None, True
    n = (target - latest.value) / change
    if n <= 0:
        return None, True  # the change moves away from the target
    if not math.isfinite(n):
        return None, True  # more years than a float holds: beyond the horizon below
    years = math.ceil(n - 1e-9)
    if years > 1000:
        return None, True
    return Period(latest.period.year + years), False


def year_reached(target: float, latest: Observation, rate: float, increase: bool) -> tuple[Period | None, bool]:
    """First whole year in which latest * (1 + rate) ** n passes the target (ESCAP, 1.4)."""
    if latest.value == 0 or target == 0 or (target > 0) != (latest.value > 0) or rate <= -1 or rate == 0:
        return None, True
    # The difference of logarithms, not the log of the ratio: 1e300 / 3e-300 overflows
    # although the number of years (about 1257) does not (issue 12).
    n = (math.log(abs(target)) - math.log(abs(latest.value))) / math.log(1 + rate)
    if n <= 0:
        # The pace moves away from the target (or it is already passed in the wrong sense).
        return None, True
    years = math.ceil(n - 1e-9)
    if years > 1000:
        return None, True
    return Period(latest.period.year + years), False
