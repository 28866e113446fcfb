"""`qntrack check`'s ``year-to-date`` rule: a part of the year at least as large as the
parts before it added up, for an amount that adds up (issue 17, twentieth session).

A ministry publishes each month's exports and the total since January (the nine months' release); the
total typed as the month's own figure (350.2 for October, the ten months' total, where
October alone was 41) is, once a plan adds the months up (kinds.plan.year_to_date), a
plan achieved. A warning, not an error: a month may be that large.
"""

from __future__ import annotations

from ..catalog import Figure, msg
from ..kinds.plan import year_to_date
from ..method.series import Series
from ..plan.model import Location, Measure, Plan, Problem
from ..plan.periods import Period
from .figure_units import retract_words

__all__ = ["to_date_problems"]


def to_date_problems(plan: Plan, series: Series, file: str) -> list[Problem]:
    """A warning for each figure in force of a flow, of a part of its year after two parts
    or more of its length (a month from March, a quarter from the third), at least as large
    as the year to date before it, itself above zero."""
    flows = {i.id for i in plan.indicators.values() if i.measure is Measure.FLOW and not i.formula}
    problems = []
    for key, rows in series.items():
        if key.split("[", 1)[0] not in flows:
            continue
        for o in rows:
            p = o.period
            if p.first == 1 or p.months == 12 or o.value <= 0 or p.first - 1 < 2 * p.months:
                continue
            before = year_to_date(rows, Period(p.year), p.first - 1, True, exact=True)
            if before is None or before.value <= 0 or o.value < before.value:
                continue
            problems.append(
                Problem(
                    Location(file, o.line),
                    msg(
                        "checks_to_date",
                        indicator=key,
                        period=p,
                        value=Figure(o.value),
                        months=before.period.months,
                        before=Figure(before.value),
                        before_period=before.period,
                        to_date=Period(p.year, 1, p.last),
                        retract=retract_words(key, p),
                    ),
                    severity="warning",
                    check="year-to-date",
                )
            )
    problems.sort(key=lambda p: p.location.line or 0)
    return problems
