"""`qntrack check`'s ``year-to-date`` rule: a part of the year at least as large as the
parts before it added up, for an amount that adds up (issue 17, twentieth session).

A ministry publishes each month's exports and the total since January (the nine months' release); the
total typed as the month's own figure (350.2 for October, the ten months' total, where
October alone was 41) is, once a plan adds the months up (kinds.plan.year_to_date), a
plan achieved. A warning, not an error: a month may be that large.
"""

from __future__ import annotations

from typing import Sequence

from ..catalog import Figure, msg
from ..kinds.plan import year_to_date
from ..method.history import VintageIndex
from ..method.series import _VINTAGE_ORDER, Series
from ..plan.model import RETRACTED, Location, Measure, Observation, Plan, Problem
from ..plan.periods import Period
from .figure_units import retract_words

__all__ = ["entry_to_date_problems", "to_date_problems"]


def to_date_problems(plan: Plan, series: Series, file: str) -> list[Problem]:
    """A warning for each figure in force of a flow, of a part of its year after two parts
    or more of its length (a month from March, a quarter from the third), at least as large
    as the year to date before it, itself above zero, and at most twice it (``_a_total``)."""
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
            if before is None or not _a_total(o.value, before):
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


def entry_to_date_problems(
    new: Sequence[tuple[Location, Observation]], index: VintageIndex, plan: Plan, dry_run: bool = False
) -> list[Problem]:
    """The ``year-to-date`` rule at entry, for the rows being recorded (``new``) against the
    store's vintages (``index``, as the append read them) and the batch's own rows: the
    periods before each one in its year are looked up, never the whole store."""
    flows = {i.id for i in plan.indicators.values() if i.measure is Measure.FLOW and not i.formula}
    problems = []
    batch: dict[tuple[str, int], list[Observation]] = {}  # the batch's rows by period, made once when needed
    for where, o in new:
        p = o.period
        if o.indicator.split("[", 1)[0] not in flows or o.status == RETRACTED or not o.value > 0:
            continue
        if p.first == 1 or p.months == 12 or p.first - 1 < 2 * p.months:
            continue
        if not batch:
            for _, n in new:
                batch.setdefault((n.indicator, n.period.sort_key), []).append(n)
        rows = []
        for last in range(1, p.first):
            for first in range(1, last + 1):
                key = (p.year * 16 + last) * 16 + first
                vintages = [*index.get((o.indicator, key), ()), *batch.get((o.indicator, key), ())]
                current = max(vintages, key=_VINTAGE_ORDER, default=None)
                if current is not None and current.status != RETRACTED:
                    rows.append(current)
        before = year_to_date(rows, Period(p.year), p.first - 1, True, exact=True)
        if before is None or not _a_total(o.value, before):
            continue
        words = dict(
            indicator=o.indicator,
            period=p,
            value=Figure(o.value),
            months=before.period.months,
            before=Figure(before.value),
            before_period=before.period,
            to_date=Period(p.year, 1, p.last),
        )
        said = (
            msg("recording_to_date_dry", **words)
            if dry_run
            else msg("checks_to_date", **words, retract=retract_words(o.indicator, p))
        )
        problems.append(Problem(where, said, severity="warning", check="year-to-date"))
    return problems


def _a_total(value: float, before: Observation) -> bool:
    """Whether ``value`` reads as the total since January where the part was meant: at least
    the year to date ``before`` it (above zero), and at most twice it, as a total adds one
    part to two or more (a month typed 100 times too large is a jump, not a total)."""
    return 0 < before.value <= value <= 2 * before.value
