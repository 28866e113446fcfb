"""What a retraction takes with it beyond its own period: a year that was its parts added
up (a flow's quarters, docs/methodology.md "Annual plan"), the derived indicators computed
from that year, and the targets judged on them (issue 17, twenty-fifth session).

``qntrack retract grdp 2022-Q3`` had named Q3 alone, though 2022 (Q1 + Q2 + Q3 + Q4) went
with it and the 2022 plan fell from achieved to a half year's reading. The notes are said
after the confirmation, and in the dry run of a retraction (add-observation --dry-run with
an empty value and --status retracted), on stderr.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Sequence

from ..catalog import Figure, Message, msg
from ..plan.model import Measure, Observation, Plan, PlanTarget
from ..plan.periods import Period

if TYPE_CHECKING:
    from ..method.series import Series

__all__ = ["retraction_notes"]


def retraction_notes(targets: str | os.PathLike[str] | None, row: Observation, was: Observation) -> list[Message]:
    """The notes on what the retraction ``row`` (of the figure ``was``) changes beyond its
    own period: none when ``was`` is a year's figure, or of an indicator whose parts never
    add up (a rate, a level), or when every year it was part of is published."""
    if was.period.is_year:
        return []
    from ..files.appending import _stored_now
    from ..files.recording import _open
    from ..plan.units import base_of

    plan, store = _open(targets)
    base = plan.indicators.get(base_of(row.indicator))
    if base is None or base.measure not in (Measure.FLOW, Measure.BALANCE):
        return []
    derived = _derived_from(plan, base.id) if row.indicator == base.id else []
    inputs = {row.indicator} | {n for d in derived for n in _names(plan, d)}
    stored = _stored_now(store, inputs) if store.exists() else ()
    # The store without the retraction (written already, or only judged in a dry run).
    before = [o for o in stored if not _same(o, row)]
    after = [*before, row]
    return _notes(plan, row, was, derived, before, after)


def _notes(
    plan: Plan,
    row: Observation,
    was: Observation,
    derived: Sequence[str],
    before: Sequence[Observation],
    after: Sequence[Observation],
) -> list[Message]:
    from ..method.parts import added_up
    from ..method.series import build_series

    old, _ = build_series(plan.indicators, before)
    new, _ = build_series(plan.indicators, after)
    out = []
    for period in _wider(plan, row.indicator, was.period):
        then = _figure(old.get(row.indicator, []), period)
        if then is None or not added_up(then):
            continue  # published (it wins over its parts), or none to lose
        now = _figure(new.get(row.indicator, []), period)
        out.append(_changed("cli_retracted_sum", row.indicator, period, then, now, was.period))
    if not out:
        return []
    changed = {row.indicator}
    for ind_id in derived:
        befores = {o.period: o for o in old.get(ind_id, [])}
        afters = {o.period: o for o in new.get(ind_id, [])}
        for period in sorted(set(befores) | set(afters), key=lambda p: p.sort_key):
            b, a = befores.get(period), afters.get(period)
            if b is not None and (a is None or a.value != b.value):
                out.append(_changed("cli_retracted_derived", ind_id, period, b, a, was.period))
                changed.add(ind_id)
    return out + _targets(plan, changed, old, new, was.period)


def _changed(
    key: str, indicator: str, period: Period, then: Observation, now: Observation | None, gone: Period
) -> Message:
    """``indicator period``, once ``then``, now ``now`` (or no figure), without ``gone``."""
    words = dict(indicator=indicator, period=period, was=Figure(then.value), without=gone)
    if key == "cli_retracted_sum":
        words["parts"] = then.source
    if now is None:
        return msg(key + "_lost", **words)
    return msg(key + "_changed", **words, value=Figure(now.value))


def _targets(
    plan: Plan,
    changed: set[str],
    old: Series,
    new: Series,
    gone: Period,
) -> list[Message]:
    """Each target judged on a changed series whose status or figures move: "A → B", or
    the status it keeps."""
    from ..files.workspace import reference_day
    from ..kinds import assess

    ids = [t.id for t in plan.targets if t.series_key in changed]
    if not ids:
        return []
    today = reference_day(None)
    out = []
    for b, a in zip(assess(plan, old, ids, today), assess(plan, new, ids, today), strict=True):
        if _judged(b) == _judged(a):
            continue
        words = dict(target=b.target.id, before=msg("status_" + b.status.value), without=gone)
        if a.status is b.status:
            out.append(msg("cli_retracted_target_same", **words))
        else:
            out.append(msg("cli_retracted_target", **words, after=msg("status_" + a.status.value)))
    return out


def _judged(a: object) -> tuple:
    """What a reader sees of an assessment: its status and the figures it is read from."""
    from ..method.assessment import Assessment

    assert isinstance(a, Assessment)
    figures = tuple((o.period, o.value) if o is not None else None for o in (a.latest, a.provisional))
    return (a.status, a.score, a.progress_value, a.reason, figures)


def _wider(plan: Plan, indicator: str, part: Period) -> list[Period]:
    """The periods ``part`` adds up into that a reader meets: its year, always (every kind
    reads years); its quarter or half only where a plan of the indicator is for it."""
    planned = {t.period for t in plan.targets if isinstance(t, PlanTarget) and t.series_key == indicator}
    out = []
    for months in (3, 6):
        first = (part.first - 1) // months * months + 1
        wider = Period(part.year, first, first + months - 1)
        if part.months < months and wider.last >= part.last and wider in planned:
            out.append(wider)
    return [*out, Period(part.year, 1, 12)]


def _figure(rows: Sequence[Observation], period: Period) -> Observation | None:
    """The figure of ``period``: the one recorded for it, else its parts added up, as
    every kind reads an amount's period (method.parts)."""
    from ..method.parts import year_to_date

    direct = next((o for o in rows if o.period == period), None)
    if direct is not None:
        return direct
    inside = [o for o in rows if o.period.year == period.year and period.first <= o.period.first]
    summed = year_to_date(inside, period, period.last, True, exact=True) if inside else None
    return summed if summed is not None and summed.period == period else None


def _same(o: Observation, row: Observation) -> bool:
    """Whether the stored ``o`` is the retraction ``row`` (its line aside)."""
    return (o.indicator, o.period, o.status, o.recorded_at) == (row.indicator, row.period, row.status, row.recorded_at)


def _names(plan: Plan, ind_id: str, seen: frozenset[str] = frozenset()) -> set[str]:
    """The stored indicators a derived one is computed from, through derived inputs."""
    from ..plan.formula import parse_formula

    ind = plan.indicators.get(ind_id)
    if ind is None or not ind.formula or ind_id in seen:
        return {ind_id}
    names = parse_formula(ind.formula).names
    return {n for name in names for n in _names(plan, name, seen | {ind_id})}


def _derived_from(plan: Plan, base: str) -> list[str]:
    """The derived indicators computed from ``base``, directly or through another."""
    return sorted(i.id for i in plan.indicators.values() if i.formula and base in _names(plan, i.id))
