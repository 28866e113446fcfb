"""The pace of a level target: Open SDG's ratio read on absolute changes where a growth
rate means nothing, the reason a growth measure has none, and the year the achieved pace
reaches a milestone (ESCAP, docs/methodology.md 1.4). Pure: no I/O, no clock.
"""

from __future__ import annotations

import math
from typing import Any, NamedTuple

from ..method.assessment import significant
from ..method.progress import TARGET_THRESHOLDS, Progress, Status, band, score_with_target
from ..plan.model import Bound, Observation, published
from ..plan.periods import Period

__all__ = ["LinearPath", "absolute_change", "crosses", "linear_path", "why_not", "year_reached", "year_reached_linear"]


def crosses(base_value: float, value: float) -> bool:
    """Opposite signs, a zero base counting as positive as in Open SDG (methodology 1.1)."""
    return (base_value < 0 < value) or (base_value >= 0 and value < 0)


def why_not(base_value: float, base_year: int, value: float, year: int, target: float | None) -> str:
    """The reason code of a not_available growth measure (progress._progress_value_or_none)."""
    if year - base_year < 1:
        return "one_figure"
    if crosses(base_value, value) or (target is not None and crosses(base_value, target)):
        return "crosses_zero"
    # At the 15 digits a typed figure has: a milestone pasted as 9.999999999999998 is the
    # baseline's 10, a level to keep (docs/methodology.md, "A figure as typed").
    if target is not None and published(target) == published(base_value):
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


class LinearPath(NamedTuple):
    """The figures of a milestone judged by absolute change, in the indicator's unit."""

    required: float | None  # change a year the path asks for, baseline to milestone
    achieved: float | None  # change a year achieved, baseline to latest
    trajectory: float | None  # where the straight path stands in the latest year
    deviation: float | None  # latest − trajectory
    projected: float | None  # latest + achieved × the years to the milestone
    required_from_latest: float | None  # change a year needed from the latest figure on


def linear_path(
    base_value: float, base_year: int, latest_value: float, latest_year: int, value: float, by_year: int, due: bool
) -> LinearPath:
    """The straight path of an absolute change (methodology, "Balances: absolute change"),
    worked on the figures as typed, in decimal, and each rounded once, as a gap is: a
    growth rate from 2 to 8 % against 10 % had its path at 2 + 1.6 × 3 = 6.800000000000001
    and a deviation of 1.1999999999999993 in JSON, where the docs (and the gap beside them)
    say 6.8 and 1.2. A quotient that does not end (8 / 3) is the float nearest it; 40
    digits on the way, so a path through it (−5 + 8 / 3 × 3) lands on its figure."""
    figures = (base_value, latest_value, value)
    if all(math.isfinite(x) for x in figures):
        from decimal import Context, Decimal, localcontext  # here: a warm status assesses nothing

        with localcontext(Context(prec=40)):
            # At the 15 digits of a figure as typed, as a gap is taken (method.assessment.
            # difference): a balance of 0.29999999999999993 meets 0.3 with a gap of 0, and
            # the change it may lose a year from now is 0, not the floats' 1e-17 (pass H).
            base, latest, goal = (Decimal(repr(published(x))) for x in figures)
            found = _path(base, latest, goal, base_year, latest_year, by_year, due)
    else:  # a Python caller's figure past the largest float: the floats' inf and nan, no trap
        found = _path(base_value, latest_value, value, base_year, latest_year, by_year, due)
    return LinearPath(*(None if x is None else float(x) + 0.0 for x in found))


def _path(base: Any, latest: Any, goal: Any, base_year: int, latest_year: int, by_year: int, due: bool) -> tuple:
    """``linear_path``'s figures in the arithmetic of ``base``, ``latest`` and ``goal``
    (decimals, or floats where one is not finite)."""
    years = latest_year - base_year
    required = (goal - base) / (by_year - base_year) if by_year != base_year else None
    achieved = (latest - base) / years if years >= 1 else None
    trajectory = base + required * years if required is not None and years >= 0 and not due else None
    deviation = latest - trajectory if trajectory is not None else None
    projected = latest + achieved * (by_year - latest_year) if achieved is not None and not due else None
    from_latest = (goal - latest) / (by_year - latest_year) if not due and by_year > latest_year else None
    return required, achieved, trajectory, deviation, projected, from_latest


def year_reached_linear(target: float, latest: Observation, change: float) -> tuple[Period | None, bool]:
    """First whole year in which latest + change * n passes the target (absolute change)."""
    if change == 0:
        return None, True
    n = (target - latest.value) / change
    if n <= 0:
        return None, True  # the change moves away from the target
    if not math.isfinite(n):
        return None, True  # more years than a float holds: beyond the horizon below
    # Within 1e-9 of a whole number of years, that number (the floats' last digit); at
    # least one: n > 0 is a latest figure short of the target, so not its own year.
    years = max(1, math.ceil(n - 1e-9))
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
    # Within 1e-9 of a whole number of years, that number (the floats' last digit); at
    # least one: n > 0 is a latest figure short of the target, so not its own year.
    years = max(1, math.ceil(n - 1e-9))
    if years > 1000:
        return None, True
    return Period(latest.period.year + years), False
