"""Whether a figure is a part-year reading of its target, to be set apart (in italics, "(part-year)")
from the periods the target judges. Pure.

A year's figures are what most targets judge, so every period shorter than a year was set
apart; but a target judged month by month ("inflation at most 4 % every month of 2025",
`every_period` from 2025-01) or quarter by quarter judges its months or quarters, and an
English office's report marked each of its own months "(part-year)", the words of a
reading not assessed (issue 17, twenty-ninth session).
"""

from __future__ import annotations

from ..plan.model import PlanTarget, SpanTarget, Target
from ..plan.periods import Period

__all__ = ["part_year_reading"]


def part_year_reading(target: Target, period: Period) -> bool:
    """True when ``period`` is part of a year and not of the length of the periods
    ``target`` judges: its span's (``from``), its plan's period, else a year."""
    if period.is_year:
        return False
    if isinstance(target, SpanTarget):
        judged = target.start.months
    elif isinstance(target, PlanTarget):
        judged = target.period.months
    else:
        judged = 12
    return period.months != judged
