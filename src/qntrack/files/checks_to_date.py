"""`qntrack check`'s ``year-to-date`` rule: a part of the year at least as large as the
parts before it added up, for an amount that adds up (issue 17, twentieth session).

A ministry publishes each month's exports and the total since January (the nine months' release); the
total typed as the month's own figure (350.2 for October, the ten months' total, where
October alone was 41) is, once a plan adds the months up (kinds.plan.year_to_date), a
plan achieved. A warning, not an error: a month may be that large.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Sequence

from ..catalog import Figure, msg
from ..kinds.plan import year_to_date
from ..method.history import VintageIndex
from ..method.series import _VINTAGE_ORDER, Series
from ..plan.model import RETRACTED, Location, Measure, Observation, Plan, Problem
from ..plan.periods import Period
from .figure_units import retract_words

__all__ = ["entry_to_date_problems", "parts_problems", "to_date_problems"]


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
                    msg("checks_to_date", **_words(key, o, before), retract=retract_words(key, p)),
                    severity="warning",
                    check="year-to-date",
                )
            )
    problems.extend(_gap_problems(plan, series, file))
    problems.sort(key=lambda p: p.location.line or 0)
    return problems


def _gap_problems(plan: Plan, series: Series, file: str) -> list[Problem]:
    """A warning for the parts of a year a plan's sum of months cannot reach: a month
    missing ends the sum (kinds.plan.year_to_date), and the figures after it were left out
    with nothing said ("January–February 2025: 68" with April to June recorded; last
    review, twentieth session). Only a flow or a balance that a plan target reads."""
    from ..plan.model import PlanTarget

    read = {t.indicator for t in plan.targets if isinstance(t, PlanTarget)}
    ids = {i.id for i in plan.indicators.values() if i.adds_up and not i.formula and i.id in read}
    problems = []
    for key, rows in series.items():
        if key.split("[", 1)[0] not in ids:
            continue
        rows = _while_it_existed(plan, key, rows)
        for year in sorted({o.period.year for o in rows}):
            reached = year_to_date(rows, Period(year), 12, True)
            if reached is None:
                continue
            end = reached.period.last
            # What starts after the sum's end (a part starting right after it is added).
            after = sorted((o for o in rows if o.period.year == year and o.period.first > end), key=_START)
            if not after:
                continue
            missing = _missing(year, end + 1, after[0].period.first - 1)
            said = msg(
                "checks_to_date_gap",
                indicator=key,
                after=", ".join(str(o.period) for o in after),
                reached=reached.period,
                value=Figure(reached.value),
                missing=missing,
            )
            problems.append(Problem(Location(file, after[0].line), said, severity="warning", check="year-to-date"))
    return problems


def _while_it_existed(plan: Plan, key: str, rows: list[Observation]) -> list[Observation]:
    """A unit's ``rows`` of periods it existed in: a figure after a province's end is the
    ``unit`` rule's error, and no quarter missing before it is asked for, which
    add-observation would refuse (forty-fifth session, pass R)."""
    from ..plan.units import split_key, units_dated, units_outside

    split = split_key(key)
    if split is None or not split[1] or not units_dated(plan.dimensions, split[1]):
        return rows
    return [o for o in rows if not units_outside(plan.dimensions, split[1], o.period)]


def parts_problems(plan: Plan, series: Series, file: str) -> list[Problem]:
    """``check parts-sum`` (when named): a warning for each figure in force of a flow or a
    balance over two months or more (a total since January, a quarter, the year) that is
    further from its parts in force added up (the months or quarters it covers, a total
    inside it first, as ``kinds.plan.year_to_date`` adds them) than the figures' rounding
    can make: a part revised after the total was published, or a total typed wrong. A plan
    reads the published total (it wins over its parts), and nothing said the two apart
    (issue 17, twenty-first session). On demand: a yearbook revises a year's figure and
    leaves its quarters as first published, so a default warning would say every one."""
    ids = {i.id for i in plan.indicators.values() if i.adds_up and not i.formula}
    problems = []
    for key, rows in series.items():
        if key.split("[", 1)[0] not in ids:
            continue
        years: dict[int, list[Observation]] = {}
        for o in rows:
            years.setdefault(o.period.year, []).append(o)
        for year_rows in years.values():
            for o in year_rows:
                if o.period.months < 2:
                    continue
                others = [x for x in year_rows if x is not o]
                parts = year_to_date(others, o.period, o.period.last, True, exact=True)
                inside = [x for x in year_rows if o.period.first <= x.period.first and x.period.last <= o.period.last]
                if parts is None or not _apart(o, parts, inside):
                    continue
                said = msg(
                    "checks_to_date_parts",
                    indicator=key,
                    period=o.period,
                    value=Figure(o.value),
                    parts=parts.source,
                    total=Figure(parts.value),
                    apart=Figure(_difference(o.value, parts.value)),
                )
                problems.append(Problem(Location(file, o.line), said, severity="warning", check="parts-sum"))
    problems.sort(key=lambda p: p.location.line or 0)
    return problems


def _apart(total: Observation, parts: Observation, inside: Sequence[Observation]) -> bool:
    """Whether ``total`` and its ``parts`` added up differ by more than rounding explains:
    each figure written to d decimals (the most any figure ``inside`` the total's span is
    written with: a whole 178.0 reads as 178) is within half a unit of the d-th decimal of
    its exact figure, so a total and the sum of its n parts may be (n + 1) halves apart."""
    count = parts.source.count(" + ") + 1
    decimals = max(_decimals(o.value) for o in inside)
    allowed = Decimal(count + 1) * Decimal(5) / Decimal(10) ** (decimals + 1)
    return Decimal(repr(_difference(total.value, parts.value))) > allowed


def _decimals(value: float) -> int:
    """The decimals ``value`` is written with (repr's shortest form; 178.0 has none)."""
    text = repr(value)
    if "e" in text or "E" in text:
        return 0
    digits = text.partition(".")[2].rstrip("0")
    return len(digits)


def _difference(a: float, b: float) -> float:
    """|a − b| as typed figures give it (Decimal: 178.0 − 177.6 is 0.4, not 0.40000000000000568)."""
    return float(abs(Decimal(repr(a)) - Decimal(repr(b))))


def _start(o: Observation) -> tuple[int, int]:
    return (o.period.first, o.period.last)


_START = _start


def _missing(year: int, first: int, last: int) -> Period:
    """The span with no figure, ``first``..``last``, as a period where one writes it (a
    month, a quarter, the second half), else its first month."""
    span = Period(year, first, last)
    months = last - first + 1
    if months == 1 or (months == 3 and (first - 1) % 3 == 0) or (months == 6 and first == 7):
        return span
    return Period(year, first, first)


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
        words = _words(o.indicator, o, before)
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


def _words(indicator: str, o: Observation, before: Observation) -> dict:
    """What the rule's messages say of the figure ``o`` and the year to date ``before`` it
    (check's and add-observation's alike)."""
    p = o.period
    return dict(
        indicator=indicator,
        period=p,
        value=Figure(o.value),
        months=before.period.months,
        before=Figure(before.value),
        before_period=before.period,
        to_date=Period(p.year, 1, p.last),
    )
