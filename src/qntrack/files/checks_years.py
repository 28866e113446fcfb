"""``check``'s ``yearly-unjudged``: a level target whose indicator has figures, none of
them a year's. A level target reads each year's own figure (``method.assessment
.annual_rows``): a share or a rate recorded only by quarter or month is never judged, and
status says "not available" for ever with no warning where an officer looks for one
(issue 17, thirtieth session). A flow's or a balance's parts add up to its year, which is
judged from them, so it is left out; so is a derived indicator (computed, never
recorded). Pure: the plan and the series in, warnings out."""

from __future__ import annotations

from ..catalog import Count, msg
from operator import attrgetter

from ..plan.model import LevelTarget, Plan, Problem
from ..method.series import Series

__all__ = ["unjudged_problems"]

_IS_YEAR = attrgetter("period.is_year")


def unjudged_problems(plan: Plan, series: Series) -> list[Problem]:
    """A warning at each level target whose series holds figures and none of a year."""
    out: list[Problem] = []
    for t in plan.targets:
        ind = plan.indicators.get(t.indicator)
        if not isinstance(t, LevelTarget) or ind is None or ind.formula:
            continue
        if ind.adds_up:
            continue
        held = series.get(t.series_key, ())
        # A year's figure (not a retraction: NaN) is almost always among a series' first
        # rows, so asking for one stops there; copying every row to ask cost a national
        # plan's check a third of a second (a million rows, issue 17).
        if any(o.value == o.value for o in filter(_IS_YEAR, held)):
            continue
        rows = [o for o in held if o.value == o.value]  # not a retraction
        if not rows:
            continue
        first, last = rows[0].period, rows[-1].period
        words = dict(id=t.id, indicator=t.series_key, count=Count(len(rows)), first=first, last=last, year=first.year)
        key = "checks_yearly_unjudged_one" if len(rows) == 1 else "checks_yearly_unjudged"  # not "1 figures"
        out.append(Problem(t.location, msg(key, **words), "warning", "yearly-unjudged"))
    return out
