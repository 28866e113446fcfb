"""The checks of what is due (``stale``, ``milestone-due``: judged against today or
``--as-of``) and of milestones on the wrong side of their baseline (``milestone-side``),
over the plan and the series in force; files/checks.py runs them. Status, show and the
other commands that judge targets say the milestone-side warnings too (workspace), so that
they and check agree on what a plan has wrong.

A figure for a period is expected within ``PUBLICATION_LAG_DAYS`` of the period's end:
Vietnamese statistics offices publish estimates before or just after a period closes,
and 90 days covers the slower provincial releases.
"""

from __future__ import annotations

import calendar
from collections.abc import Collection, Sequence
from datetime import date, timedelta

from ..catalog import Day, Figure, Message, msg
from ..plan.model import (
    Indicator,
    LevelTarget,
    Observation,
    Plan,
    PlanTarget,
    Problem,
    SpanTarget,
    published,
)
from ..plan.periods import Frequency, Period
from ..method.assessment import first_from
from ..method.series import Series
from ..plan.units import period_end
from ..kinds import due as deadlines
from .finer import frequency_key

__all__ = ["PUBLICATION_LAG_DAYS", "milestone_due_problems", "milestone_side_problems", "stale_problems", "wrong_side"]

PUBLICATION_LAG_DAYS = 90


def _next_period_end(period: Period, months: int) -> date | None:
    """The last day of the period ``months`` long after ``period``; None past 9999-12-31,
    the last day a date can be (a figure for 9999 has no next period to wait for)."""
    index = period.year * 12 + (period.last - 1) + months
    year, month = divmod(index, 12)
    if year > date.max.year:
        return None
    return date(year, month + 1, calendar.monthrange(year, month + 1)[1])


def _days_after(day: date | None, days: int) -> date | None:
    """``day`` plus ``days``; None when that is past the last day a date can be: what
    would fall due then never does, whatever the reference day."""
    if day is None or date.max - day < timedelta(days=days):
        return None
    return day + timedelta(days=days)


def stale_problems(plan: Plan, series: Series, reference: date, lag_days: int = PUBLICATION_LAG_DAYS) -> list[Problem]:
    """Indicators whose next figure is overdue: the period after the latest observed one
    ended more than ``lag_days`` before ``reference``. Indicators never observed, and
    derived ones (they follow their inputs), are not judged here."""
    problems = []
    for ind in plan.indicators.values():
        rows = series.get(ind.id, [])
        if ind.formula or not rows:
            continue
        latest = max(rows, key=lambda o: (o.period.year, o.period.last, -o.period.first)).period
        next_end = _next_period_end(latest, ind.frequency.months)
        due = _days_after(next_end, lag_days)
        if next_end is not None and due is not None and reference > due:
            problems.append(
                Problem(
                    ind.location,
                    msg(
                        "checks_stale",
                        id=ind.id,
                        frequency=frequency_key(ind.frequency),
                        latest=latest,
                        unit=_unit(ind.frequency),
                        next_end=Day(next_end.isoformat()),
                        due=Day(due.isoformat()),
                        reference=Day(reference.isoformat()),
                    ),
                    severity="warning",
                    check="stale",
                )
            )
    return problems


def _unit(frequency: Frequency) -> Message:
    """The frequency's unit as a word of the sentence ("the next quarter")."""
    if frequency is Frequency.HALF:
        return msg("checks_unit_half")
    if frequency is Frequency.QUARTER:
        return msg("checks_unit_quarter")
    if frequency is Frequency.MONTH:
        return msg("checks_unit_month")
    return msg("checks_unit_year")


def milestone_due_problems(
    plan: Plan, series: Series, reference: date, lag_days: int = PUBLICATION_LAG_DAYS
) -> list[Problem]:
    """Milestones whose period ended more than ``lag_days`` ago with no observation for it."""
    problems = []
    for target in plan.targets:
        rows = series.get(target.series_key, [])
        have = {o.period for o in rows}
        for period, where, what in deadlines(target):
            end = period_end(period)
            due = _days_after(end, lag_days)
            if due is not None and reference > due and period not in have and not _added_up(plan, target, rows):
                problems.append(
                    Problem(
                        where,
                        msg(
                            "checks_milestone_due",
                            id=target.id,
                            what=what(),
                            period=period,
                            end=Day(end.isoformat()),
                            due=Day(due.isoformat()),
                            indicator=target.indicator,
                            reference=Day(reference.isoformat()),
                        ),
                        severity="warning",
                        check="milestone-due",
                    )
                )
    return problems


def _added_up(plan: Plan, target: object, rows: Sequence[Observation]) -> bool:
    """Whether ``target`` is a plan on a flow or a balance whose months (or quarters) recorded
    cover its whole period: added up, they are its figure (kinds.plan), and status awaits
    none (twenty-first session)."""
    from ..kinds.plan import year_to_date

    if not isinstance(target, PlanTarget):
        return False
    ind = plan.indicators.get(target.indicator)
    if ind is None or ind.formula or not ind.adds_up:
        return False
    return year_to_date(rows, target.period, target.period.last, True, exact=True) is not None


def milestone_side_problems(plan: Plan, series: Series, indicators: Collection[str] | None = None) -> list[Problem]:
    """A level target's milestone on the wrong side of its baseline for the indicator's
    direction (15 from 20 for an indicator to increase): it is met before any progress,
    and the target reads "achieved" while the figures stay on its side (not "at once": a
    figure past it the other way does not); a direction or a value typed wrong. The
    baseline is the figure in force when targets.yaml gives only its period.
    ``indicators``: only the targets of these (what status or show prints), else all."""
    out: list[Problem] = []
    for t in plan.targets:
        if indicators is not None and t.indicator not in indicators:
            continue
        ind = plan.indicators.get(t.indicator)
        if isinstance(t, (LevelTarget, SpanTarget)) and ind is not None:
            out += wrong_side(t, ind, series)
    return out


def wrong_side(t: LevelTarget | SpanTarget, ind: Indicator, series: Series) -> list[Problem]:
    """``milestone_side_problems`` of one target (the cache asks it of a target judged again)."""
    if isinstance(t, SpanTarget):
        return _bound_side(t, ind)
    if t.baseline is None or not t.milestones:
        return []
    base = t.baseline.value
    if base is None:
        # Found by bisection, as the level kind finds its baseline: a national plan asks
        # this of 10,000 targets on every status, and a scan of each series cost 0.2 s.
        found = first_from(series.get(t.series_key, ()), t.baseline.period)
        base = found.value if found is not None and found.period == t.baseline.period else None
    if base is None:
        return []
    out: list[Problem] = []
    for m in t.milestones:
        # At the 15 digits of a typed figure, as the level kind reads a level to keep: a
        # milestone pasted as 53.99999999999999 beside a baseline of 54 is that level, not
        # one below it (forty-first session, tests/test_s41_h.py).
        value, start = published(m.value), published(base)
        if (value < start) if ind.increase else (value > start):
            said = "checks_milestone_below" if ind.increase else "checks_milestone_above"
            words = dict(id=t.id, value=Figure(m.value), by=m.by, base=Figure(base), period=t.baseline.period)
            out.append(Problem(m.location, msg(said, indicator=ind.id, **words), "warning", "milestone-side"))
    return out


def _bound_side(t: SpanTarget, ind: Indicator) -> list[Problem]:
    """A span's bound the other way from its indicator's direction: a floor (``at_least``)
    where lower is better, "inflation about 4.5 %" written as at least 4.5, or a ceiling
    (``at_most``) on an indicator left higher-is-better, a CPI whose direction was not
    written (helper M, forty-sixth session). Said at the target, as a warning: the plan may
    mean it (a floor of inflation)."""
    if t.bound.at_least == ind.increase:
        return []
    typed = repr(t.bound.value)
    typed = typed[:-2] if typed.endswith(".0") else typed
    said = "checks_bound_floor" if t.bound.at_least else "checks_bound_ceiling"
    return [Problem(t.location, msg(said, id=t.id, indicator=ind.id, value=typed), "warning", "milestone-side")]
