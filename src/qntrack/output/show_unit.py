"""``show TARGET_ID --dim DIMENSION=UNIT`` (and ``qntrack.show(..., dims=...)``): one unit of
a broken-down target (``for_each:``) on its own, its story rather than its row among the
others: the unit's assessment as the breakdown judged it (kinds.breakdown.assess_units,
the one ``status --by`` and ``rank`` show), its figures in force with what each replaced,
its figures withdrawn (issue 17, thirty-ninth session: there was no way to see one
province's trajectory).

The unit is read by ``--dim``'s own resolver (plan.unit_resolution.resolve_dims, through
the command's or the library's wrapper); what this adds is the target's side: a target
with no breakdown, a dimension the indicator has but the target is not judged by, a unit
the target judges no figure of.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Mapping

if TYPE_CHECKING:
    from ..catalog import Message
    from ..method.assessment import Assessment, UnitAssessment
    from ..plan.model import Plan, Target
    from ..plan.periods import Period
    from ..plan.units import Dimension, Dims, Unit
    from .show_run import Shown

__all__ = ["dimensions_problem", "for_each_unit", "judged_unit", "unit_shown"]


def for_each_unit(plan: Plan, target: Target, key: str, refuse: Callable[[Message], Exception]) -> Dims:
    """The unit the store's ``key`` names (resolved already), checked against ``target``'s
    breakdown: it names each dimension of ``for_each`` and no other, else ``refuse``'s error
    saying which to name. A target without ``for_each`` is refused before (``not_broken_down``)."""
    from ..plan.units import split_key

    split = split_key(key)
    dims: Dims = split[1] if split is not None else ()
    wrong = dimensions_problem(plan, target, dims)
    if wrong is not None:
        raise refuse(wrong)
    return dims


def dimensions_problem(plan: Plan, target: Target, dims: Dims) -> Message | None:
    """What is wrong with ``dims`` (resolved) as a unit of ``target``'s breakdown: a
    dimension of ``for_each`` left out, or another named; None when they are its own."""
    if tuple(d for d, _ in dims) == target.for_each:
        return None
    from ..catalog import msg
    from ..plan.unit_resolution import dimensions_listed

    example = " ".join(f"--dim {d}=UNIT" for d in target.for_each)
    listed = dimensions_listed(list(target.for_each), plan.dimensions)
    named = ", ".join(d for d, _ in dims)
    return msg("show_unit_dimensions", target=target.id, given=named, example=example, **listed)


def judged_unit(found: Shown, dims: Dims) -> UnitAssessment | None:
    """The unit of ``found``'s breakdown ``dims`` names (its units' spellings matched as
    --dim matches them), or None when the breakdown has none such."""
    from ..plan.units import unit_match

    wanted = tuple((d, unit_match(v)) for d, v in dims)
    for u in found.assessment.breakdown:
        if tuple((d, unit_match(v)) for d, v in u.dims) == wanted:
            return u
    return None


def unit_shown(found: Shown, dims: Dims, refuse: Callable[[Message], Exception]) -> tuple[Shown, Dims]:
    """``found`` (the whole target, as ``show`` judged it) made the unit's: its assessment
    as its breakdown judged it, its rows in force, what each replaced and where that came
    from, its figures withdrawn; and the unit's dims as the breakdown spells them. A unit
    whose every figure was withdrawn (no series in force, so no unit of the breakdown) is
    not available, ``no_figures``, with its figures withdrawn. One the target judges no
    figure of otherwise (no figure ever, and no values of its own: an open dimension's, or
    a unit that existed in none of the target's periods) is ``refuse``'s error, naming the
    units it has."""
    from ..kinds import relevant_rows
    from ..method.history import replaced_vintages_of
    from ..method.series import as_of_bound
    from ..method.withdrawals import withdrawn
    from ..plan.units import unit_key

    ws, whole = found.workspace, found.assessment
    by_day = as_of_bound(found.as_of, ws.plan.timezone) if found.as_of else None
    unit = judged_unit(found, dims)
    key = unit_key(whole.indicator.id, unit.dims if unit is not None else dims)
    gone = withdrawn(ws.store.observations, key, by_day)
    if unit is None:
        # Judged as the breakdown judges: a unit of no time in the target's periods is none
        # of its units whatever was withdrawn of it, nor one whose figures withdrawn are of
        # other periods (status --by lists neither).
        outside = _outside_periods(whole, dims, ws.plan.dimensions)
        if outside is not None:
            raise refuse(outside)
        if not relevant_rows(whole.target, [o for o, _ in gone]):
            raise refuse(_not_judged(whole, dims))
        judged = _all_withdrawn(whole, key, ws.store.observations, by_day)
    else:
        dims, judged = unit.dims, unit.assessment
    target = judged.target
    rows = relevant_rows(target, ws.series.get(key, []))
    kept = {id(o) for o in relevant_rows(target, [o for o, _ in gone])}
    gone = [item for item in gone if id(item[0]) in kept]
    vintages = dict(replaced_vintages_of(ws.store.observations, [key], by_day).get(key, {}))
    revises: dict[Period, float | None] = {p: o.value for p, o in vintages.items()}
    return found._replace(assessment=judged, rows=rows, revises=revises, withdrawn=gone, replaced=vintages), dims


def _all_withdrawn(whole: Assessment, key: str, observations: object, by_day: str | None) -> Assessment:
    """A unit whose every figure was withdrawn, as a declared unit without a figure is
    judged (kinds.breakdown: not available, ``no_figures``), with its withdrawals."""
    from dataclasses import replace

    from ..kinds.breakdown import NO_FIGURES
    from ..kinds.withdrawals import withdrawals_in
    from ..method.assessment import Assessment
    from ..method.progress import Status
    from ..method.withdrawals import withdrawals_of

    absent = Assessment(whole.target, whole.indicator, Status.NOT_AVAILABLE, reason=NO_FIGURES)
    found = withdrawals_of(observations, [key], by_day)  # type: ignore[arg-type]
    return replace(absent, withdrawn=withdrawals_in(absent, found.get(key, ())))


def _judged_units(whole: Assessment) -> str:
    """The units ``whole``'s breakdown judges, twenty at most, for a refusal to offer."""
    from ..plan.units import units_listed

    # "province=Ba Ria, Vung Tau" is one unit: its value quoted (units_listed).
    return units_listed([u.dims for u in whole.breakdown], most=20) or "–"


def _not_judged(whole: Assessment, dims: Dims) -> Message:
    """A unit the plan allows with no figure of the target's periods, recorded or
    withdrawn, and no values of its own: the units the target judges."""
    from ..catalog import msg
    from ..plan.units import dims_text

    return msg("show_unit_not_judged", target=whole.target.id, unit=dims_text(dims), units=_judged_units(whole))


def _outside_periods(whole: Assessment, dims: Dims, dimensions: Mapping[str, Dimension]) -> Message | None:
    """Why a unit is none of the target's when it existed at no time in its periods (a
    plan's or a span's days, a level target's milestones' years), with the days it existed;
    None when it did. This and ``_not_judged`` were said as one sentence joined by "or",
    of which only one was true."""
    from ..catalog import msg
    from ..kinds.breakdown import due_milestones, judged_span
    from ..plan.units import dims_text, unit_lifetime, units_outside_days

    target = whole.target
    span = judged_span(target)
    if span is not None:
        gone = units_outside_days(dimensions, dims, *span)
        first, last = (str(p) for p in _span_periods(target))
        periods = first if first == last else f"{first}–{last}"
    else:  # a level target: the years of its milestones, when the unit existed in none
        due = due_milestones(target, dims, dimensions)
        gone = _dated(dimensions, dims) if due == () else []
        periods = ", ".join(str(m.by) for m in getattr(target, "milestones", ()))
    if not gone:
        return None
    unit = gone[0]
    return msg(
        "show_unit_not_in_periods",
        target=target.id,
        unit=dims_text(dims),
        lifetime=unit_lifetime(unit),
        periods=periods,
        units=_judged_units(whole),
    )


def _span_periods(target: Target) -> tuple[Period, Period]:
    """The first and last period a plan or a span target judges."""
    from ..plan.model import PlanTarget

    if isinstance(target, PlanTarget):
        return target.period, target.period
    return target.start, target.end  # type: ignore[attr-defined]


def _dated(dimensions: Mapping[str, Dimension], dims: Dims) -> list[Unit]:
    """The declared units among ``dims`` with a first or a last day."""
    out = []
    for dim_id, value in dims:
        dimension = dimensions.get(dim_id)
        unit = dimension.unit(value) if dimension is not None else None
        if unit is not None and (unit.since is not None or unit.until is not None):
            out.append(unit)
    return out
