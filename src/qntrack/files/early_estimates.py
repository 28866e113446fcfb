"""A figure for a whole period recorded with months of it still to come, asked about at
entry: "grdp_growth 2025: recorded 2025-07-05, with 6 months of 2025 still to come (it ends
2025-12-31): is 11.03 the figure for 2025-H1? ..." (issue 17, forty-second session).

The timing rule lets an estimate be recorded before its period ends (method.timing): a
Vietnamese office publishes its first estimate of the year near the year's end, in late
November for the provincial council's December session or in December. The first half's growth typed as
the year's (`add-observation grdp_growth 2025 11.03 --status estimate` in July) was taken in
silence, and the year's plan read "not achieved" in July on a half's figure. The row is
kept (an early estimate may be meant) and warned of, with the period from the start to
the last month ended before the day recorded, in the indicator's frequency, to write if
that was meant. Pure: the rows and the plan are passed in."""

from __future__ import annotations

from typing import Sequence

from ..catalog import Day, Figure, msg
from ..method.history import VintageIndex
from ..method.recorded_days import recorded_day
from ..plan.model import Location, Observation, Plan, Problem
from ..plan.periods import Period
from ..plan.units import period_end
from .figure_units import retract_words

__all__ = ["early_estimate_problems"]

# Months of the period still to come (the month recorded in, not over, counted) from which
# an estimate of the whole is asked about: in November a year has two, as a year-end
# estimate has; in July six.
_ASKED_FROM = 3


def early_estimate_problems(
    new: Sequence[tuple[Location, Observation]], index: VintageIndex, plan: Plan, dry_run: bool = False
) -> list[Problem]:
    """A warning for each estimate in ``new`` recorded with ``_ASKED_FROM`` months or more of
    its period to come, where a shorter period from the same start, whole months of the
    indicator's frequency, had ended by then. Not of a row recorded before a stored figure
    of its period (``index``, the store's vintages): kept as an earlier vintage, it never
    takes effect, and the retraction offered would withdraw the figure in force."""
    # By period, day recorded and the part to write: a table of a year's estimates (a
    # six-month report's column of the year's estimates) is asked about once, not row by row.
    groups: dict[tuple[Period, str, Period], list[tuple[Location, Observation, dict]]] = {}
    for where, o in new:
        p = o.period
        if o.status != "estimate" or p.months < 2:
            continue
        if any(v.recorded_at > o.recorded_at for v in index.get((o.indicator, p.sort_key), ())):
            continue
        day = recorded_day(o.recorded_at, plan.timezone)
        year, month = int(day[:4]), int(day[5:7])
        if year != p.year or not p.first <= month <= p.last or p.last - month + 1 < _ASKED_FROM:
            continue
        indicator = plan.indicators.get(o.indicator.split("[", 1)[0])
        unit = indicator.frequency.months if indicator is not None else 12
        ended = p.first - 1 + (month - p.first) // unit * unit  # the last month of whole units ended
        if ended < p.first:
            continue  # no part of the period of the indicator's frequency had ended
        to_date = Period(p.year, p.first, ended)
        words = dict(
            period=p,
            recorded=Day(day),
            left=p.last - month + 1,
            end=Day(period_end(p).isoformat()),
            to_date=to_date,
        )
        groups.setdefault((p, day, to_date), []).append((where, o, words))
    problems = []
    for rows in groups.values():
        where, o, words = rows[0]
        if len(rows) > 1:
            said = msg(
                "recording_early_estimates", **words, count=len(rows), indicator=o.indicator, value=Figure(o.value)
            )
        elif dry_run:
            said = msg("recording_early_estimate_dry", **words, indicator=o.indicator, value=Figure(o.value))
        else:
            retract = retract_words(o.indicator, o.period)
            said = msg(
                "recording_early_estimate", **words, indicator=o.indicator, value=Figure(o.value), retract=retract
            )
        problems.append(Problem(where, said, severity="warning", check="timing"))
    return problems
