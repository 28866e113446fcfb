"""A target judged for every unit of its breakdown (``for_each:``, issue 14).

Each unit is judged by the target's own kind on the unit's own series, with the unit's
own values where ``overrides:`` gives them (docs/methodology.md, "Breakdowns"). A bound,
a growth rate or a level milestone applies to every unit as it is written; an amount (an
annual plan, a total over a span) is the whole's and does not divide itself among units:
a unit given none is not_available with reason ``no_amount_for_unit``.

Pure: no I/O, no clock, no terminal.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from itertools import product
from typing import Mapping, Sequence

from ..catalog import Message, msg
from ..method.assessment import Assessment, UnitAssessment, annual_rows, at_period, provisional_after
from ..method.groups import Member, combine
from ..method.parts import span_sum, year_to_date
from ..method.progress import Status
from ..method.series import Series
from ..plan.periods import Period
from ..plan.model import Indicator, LevelTarget, Milestone, Observation, Plan, PlanTarget, SpanTarget, Target
from ..plan.units import (
    Dimension,
    Dims,
    period_end,
    period_start,
    split_key,
    unit_key,
    unit_lifetime,
    unit_match,
    units_dated,
    units_outside,
    units_outside_days,
)
from ..plan.unit_resolution import resolve_dims
from .span import span_periods, to_date, years_of

__all__ = [
    "UnitIndex",
    "unit_index",
    "assess_units",
    "rollup",
    "unit_order",
    "judged_span",
    "lived_span",
    "due_milestones",
    "inherits_milestones",
    "NO_AMOUNT",
    "NO_FIGURES",
    "NO_TOTAL_FIGURE",
    "with_units",
    "declared_units",
    "without_figures",
]

# The reason a unit without its own amount has no status (docs/json.md).
NO_AMOUNT = "no_amount_for_unit"
# The reason of a declared unit with no figure at all (docs/json.md).
NO_FIGURES = "no_figures"
# The reason of a broken-down target whose whole has no figure while units have some
# (docs/json.md): "no figure has been recorded for this indicator yet" would be untrue.
NO_TOTAL_FIGURE = "no_total_figure"

# Per indicator, the units that have a series: their dimension values and series key.
UnitIndex = Mapping[str, Sequence[tuple[Dims, str]]]


def unit_index(plan: Plan, series: Series) -> dict[str, list[tuple[Dims, str]]]:
    """The units with a series in force, by indicator. Only keys as the plan names them
    count (``files.workspace`` writes a hand-typed key that way); a key naming an undeclared
    dimension or unit is left to ``qntrack check``, which reports it."""
    index: dict[str, list[tuple[Dims, str]]] = {}
    if not plan.dimensions:
        return index
    for key, rows in series.items():
        if "[" not in key or not rows:  # every figure withdrawn: no series in force
            continue
        split = split_key(key)
        if split is None:
            continue
        base, dims = split
        indicator = plan.indicators.get(base)
        if indicator is None or not indicator.dimensions:
            continue
        canonical, problems = resolve_dims(indicator, dims, plan.dimensions)
        if problems or canonical != dims:
            continue
        index.setdefault(base, []).append((dims, key))
    return index


def unit_order(dimensions: Mapping[str, Dimension], dims: Dims) -> tuple[tuple[int, str], ...]:
    """Where a unit sorts: by each dimension's declared list, then by name."""
    out = []
    for dim_id, value in dims:
        declared = dimensions.get(dim_id)
        values = declared.values if declared is not None and declared.values is not None else ()
        position = next((i for i, u in enumerate(values) if u.value == value), len(values))
        out.append((position, unit_match(value)))
    return tuple(out)


def assess_units(
    target: Target,
    indicator: Indicator,
    series: Series,
    index: UnitIndex,
    dimensions: Mapping[str, Dimension],
    today: date | None,
) -> tuple[UnitAssessment, ...]:
    """Every unit of ``target``'s breakdown that has figures or its own values, judged,
    in the order of the dimension's declared units."""
    from . import assess_target, kind_of

    if not target.for_each:
        return ()
    own: dict[Dims, Target] = dict(target.overrides)
    keys: dict[Dims, str] = {}
    for dims, key in index.get(indicator.id, ()):
        if tuple(d for d, _ in dims) == target.for_each:
            keys[dims] = key
    span = judged_span(target)
    if span is not None:
        # A unit that existed at no time in the target's periods (a district abolished in
        # 2025, for a 2026 plan; a unit formed in 2025, for a 2024 one) is none of its
        # units: it was listed "no plan assigned" and ranked against the units of the
        # time. targets.yaml gives no such unit values of its own: the plan is refused.
        keys = {d: k for d, k in keys.items() if not units_outside_days(dimensions, d, *span)}
    due = {d: due_milestones(target, d, dimensions) for d in set(keys) | set(own) if inherits_milestones(target, d)}
    # A unit of a level target that existed during none of its milestones' years (a
    # district abolished in 2025, for a milestone of 2030) can never be judged: none of its
    # units either (methodology.md, "Breakdowns").
    keys = {d: k for d, k in keys.items() if d in own or due[d] is None or due[d]}
    units = sorted(set(keys) | set(own), key=lambda d: unit_order(dimensions, d))
    amount = kind_of(target).amount
    out = []
    for dims in units:
        rows = series.get(keys[dims], []) if dims in keys else []
        if rows and indicator.adds_up:
            rows = lived_years(rows, dims, dimensions)
        unit_target = own.get(dims)
        if unit_target is None and amount:
            # A plan or a total is the whole's: never shared out among units in silence.
            # Its figures mean what a target's do (docs/json.md): `latest` the latest
            # full-year figure, `provisional` a later sub-annual reading (never a month
            # as `latest`, which rank would then set against another unit's full year).
            # An amount's year recorded in quarters is their sum, as the total's is judged.
            # Only the figures of the periods the target judges (issue 17, thirty-first
            # session): a 2024 plan's unit showed, and was ranked on, its 2025 figure.
            latest, provisional = _unjudged_figures(target, indicator, rows, span)
            judged = Assessment(
                target, indicator, Status.NOT_AVAILABLE, latest=latest, provisional=provisional, reason=NO_AMOUNT
            )
        else:
            milestones = due.get(dims)
            judged_as = unit_target or target
            if milestones and isinstance(judged_as, LevelTarget):
                # The unit's own baseline or limit, if given, with the target's milestones
                # due while it existed (an override giving none keeps the target's).
                unit_target = replace(judged_as, milestones=milestones)
            lived = lived_span(judged_as, dims, dimensions)
            if lived is not None and isinstance(judged_as, SpanTarget):
                # A span's periods while the unit existed: a province formed on 1 July
                # 2025 awaited 2021-2024 figures that add-observation refuses for it.
                unit_target = replace(judged_as, start=lived[0], end=lived[1])
            judged = assess_target(unit_target or target, indicator, rows, today)
        out.append(UnitAssessment(dims, judged))
    # The declared units with no figure at all, after the judged ones: the ones an officer
    # chases (issue 17, twenty-first session). Left out of the roll-up (``rollup``).
    for dims in declared_units(target, dimensions):
        if dims in keys or dims in own or unit_key(indicator.id, dims) in series:
            continue  # judged, or every figure withdrawn (said by output.units_withdrawn)
        if span is not None and units_outside_days(dimensions, dims, *span):
            continue
        if due_milestones(target, dims, dimensions) == ():
            continue
        absent = Assessment(target, indicator, Status.NOT_AVAILABLE, reason=NO_FIGURES)
        if not amount:
            # A bound or a milestone applies to every unit: judged on no figure, the unit
            # shows the goal it is judged towards, where it showed "lower is better" as if
            # it had none (forty-fifth session, helper R). An amount stays the whole's.
            absent = replace(assess_target(_as_unit(target, dims, dimensions), indicator, [], today), reason=NO_FIGURES)
        out.append(UnitAssessment(dims, absent, without_figure=True))
    return tuple(out)


def _as_unit(target: Target, dims: Dims, dimensions: Mapping[str, Dimension]) -> Target:
    """``target`` as the unit ``dims`` with no values of its own is judged: a level target
    on the milestones due while it existed, a span target on the periods it existed in."""
    milestones = due_milestones(target, dims, dimensions)
    if milestones and isinstance(target, LevelTarget):
        return replace(target, milestones=milestones)
    lived = lived_span(target, dims, dimensions)
    if lived is not None and isinstance(target, SpanTarget):
        return replace(target, start=lived[0], end=lived[1])
    return target


def _unjudged_figures(
    target: Target, indicator: Indicator, rows: Sequence[Observation], span: tuple[date, date] | None
) -> tuple[Observation | None, Observation | None]:
    """The figures a unit given no amount of its own is shown and ranked with: its latest
    full-year figure and a later part-year reading, as any target's, of the periods that
    ended by the end of the target's own (a plan's year, a span's last year). A later
    figure judges nothing of it: a 2024 plan's unit was ranked on its 2025 figure.
    A plan of a quarter, a half-year or some months is read on that period's figure, as
    the units given a plan are: a 2024-Q3 plan's unit was shown and ranked with its 2023
    full year beside another's 2024-Q3 (issue 17, thirty-fourth session)."""
    if span is not None:
        rows = [o for o in rows if period_end(o.period) <= span[1]]
    adds_up = indicator.adds_up
    if isinstance(target, PlanTarget) and not target.period.is_year:
        full = at_period(rows, target.period)
        if full is None and adds_up:
            full = year_to_date(rows, target.period, target.period.last, True, exact=True)
        if full is not None:
            return full, None
    annual = years_of(rows) if adds_up else annual_rows(rows)
    latest = annual[-1] if annual else None
    provisional = provisional_after(rows, latest.period if latest else None)
    return latest, (to_date(provisional, rows) if adds_up else provisional)


def with_units(judged: Assessment, units: tuple[UnitAssessment, ...]) -> Assessment:
    """``judged`` (the whole's assessment) with its units; its reason ``no_figures`` becomes
    ``no_total_figure`` when a unit has figures: the indicator has figures, by unit, and
    only the whole (the row with no unit named) lacks one (methodology.md, "Breakdowns")."""
    if judged.reason == NO_FIGURES and any(has_figures(u) for u in units):
        return replace(judged, breakdown=units, reason=NO_TOTAL_FIGURE)
    return replace(judged, breakdown=units)


def has_figures(unit: UnitAssessment) -> bool:
    """Whether the unit was judged on figures of its own (not a declared unit listed for
    want of one, nor a unit with values of its own and no figure yet)."""
    return not unit.without_figure and unit.assessment.reason != NO_FIGURES


def declared_units(target: Target, dimensions: Mapping[str, Dimension]) -> list[Dims]:
    """Every unit ``target``'s ``for_each`` dimensions declare, in their declared order
    (the first dimension's slowest); [] when one of them declares no list of units."""
    lists = []
    for dim_id in target.for_each:
        declared = dimensions.get(dim_id)
        if declared is None or declared.values is None:
            return []
        lists.append([(dim_id, u.value) for u in declared.values])
    return [tuple(combo) for combo in product(*lists)]


def inherits_milestones(target: Target, dims: Dims) -> bool:
    """Whether the unit ``dims`` is judged towards the target's own milestones: it has no
    ``overrides:`` entry, or one that gives none of its own (a baseline alone, say)."""
    own = dict(target.overrides).get(dims)
    if own is None:
        return True
    return isinstance(own, LevelTarget) and isinstance(target, LevelTarget) and own.milestones == target.milestones


def due_milestones(target: Target, dims: Dims, dimensions: Mapping[str, Dimension]) -> tuple[Milestone, ...] | None:
    """The milestones of a level target due in a year the unit ``dims`` existed (a year its
    ``since:`` or ``until:`` cuts through counts); None when that is every milestone, or
    for a target that is no level target with milestones.

    A unit that ended (Old Town, until 30 June 2025) is judged on the milestones it could
    meet, 2025's, not on 2030's, when it no longer exists (methodology.md, "Breakdowns").
    """
    if not isinstance(target, LevelTarget) or not target.milestones:
        return None
    kept = tuple(m for m in target.milestones if not units_outside(dimensions, dims, m.by))
    return None if len(kept) == len(target.milestones) else kept


def lived_span(target: Target, dims: Dims, dimensions: Mapping[str, Dimension]) -> tuple[Period, Period] | None:
    """The first and last of a span target's periods the unit ``dims`` existed in (a period
    its ``since:`` or ``until:`` cuts through counts), when that is not all of them; None
    when it is, or for a target that is no span target (forty-fifth session, helper R).

    A province formed on 1 July 2025 is judged on 2025 alone of 2021-2025, as a level
    target's unit is on the milestones due while it existed (``due_milestones``): a figure
    for 2021 cannot be its own, and was awaited of it for good."""
    if not isinstance(target, SpanTarget) or not units_dated(dimensions, dims):
        return None
    periods = span_periods(target.start, target.end)
    kept = [p for p in periods if not units_outside(dimensions, dims, p)]
    if not kept or len(kept) == len(periods):
        return None
    return kept[0], kept[-1]


def lived_years(rows: Sequence[Observation], dims: Dims, dimensions: Mapping[str, Dimension]) -> list[Observation]:
    """An amount's ``rows`` of the unit ``dims`` with, for each year its ``since:`` or
    ``until:`` cuts through and no figure recorded for the year, the year read as the parts
    recorded over the months the unit existed, added up (``method.parts.year_to_date``):
    a province merged away on 30 June 2025 has for 2025 its 2025-Q1 + 2025-Q2, one formed
    on 1 July 2025 its 2025-Q3 + 2025-Q4. Nothing of the year before or after it could be
    its own (add-observation refuses it), so the year was awaited of it for good: an
    annual plan or a total over years never judged it (forty-fifth session, helper R).
    A year recorded as such wins, as it does over any year's parts."""
    cut: dict[int, tuple[int, int]] = {}  # year: the first and last month it existed in
    for dim_id, value in dims:
        dimension = dimensions.get(dim_id)
        unit = dimension.unit(value) if dimension is not None else None
        if unit is None:
            continue
        since, until = unit.since, unit.until
        if since is not None and since.day == 1 and since.month > 1:
            first, last = cut.get(since.year, (1, 12))
            cut[since.year] = (max(first, since.month), last)
        if until is not None and until.month < 12 and until == _month_end(until.year, until.month):
            first, last = cut.get(until.year, (1, 12))
            cut[until.year] = (first, min(last, until.month))
    lived = [(year, first, last) for year, (first, last) in sorted(cut.items()) if first <= last]
    if not lived:
        return list(rows)
    have = {o.period.year for o in rows if o.period.is_year}
    added = []
    for year, first, last in lived:
        if year in have:
            continue
        summed = span_sum([o for o in rows if o.period.year == year], Period(year, first, last))
        if summed is not None:
            added.append(summed._replace(period=Period(year, 1, 12)))
    if not added:
        return list(rows)
    return sorted([*rows, *added], key=lambda o: o.period.sort_key)


def _month_end(year: int, month: int) -> date:
    return period_end(Period(year, month, month))


def judged_span(target: Target) -> tuple[date, date] | None:
    """The first and last day of the periods a plan or a span target judges; None for a
    level target, whose milestones a unit may be judged towards from figures of earlier years."""
    if isinstance(target, PlanTarget):
        return period_start(target.period), period_end(target.period)
    if isinstance(target, SpanTarget):
        return period_start(target.start), period_end(target.end)
    return None


def absent_problem(target: Target, dims: Dims, dimensions: Mapping[str, Dimension], what: object) -> Message | None:
    """Why ``target``, a unit's override, cannot be given to the unit ``dims``: the unit
    existed at no time in the periods it judges. None when it did, or for a level target."""
    span = judged_span(target)
    gone = units_outside_days(dimensions, dims, *span) if span else []
    if not gone:
        return None
    if isinstance(target, PlanTarget):
        start = end = target.period
    elif isinstance(target, SpanTarget):
        start, end = target.start, target.end
    else:  # judged_span gives a span to these two kinds only
        return None
    return msg(
        "authoring_override_unit_absent",
        what=what,
        value=gone[0].value,
        periods=start if start == end else f"{start}–{end}",
        lifetime=unit_lifetime(gone[0]),
    )


def rollup(units: Sequence[UnitAssessment]) -> tuple[float | None, Status, dict[Status, int]]:
    """The units' score and status by the group rule (method.groups.combine), and how
    many units have each status: the units judged, never those without a figure."""
    # combine reads a member's status and score alone: no unit is named (a national
    # plan's 200,000 units would each be written out for nothing).
    members = [Member("", u.assessment.status, u.assessment.score) for u in units if not u.without_figure]
    score, status = combine(members)
    counts = {s: 0 for s in Status}
    for m in members:
        counts[m.status] += 1
    return score, status, counts


def without_figures(units: Sequence[UnitAssessment]) -> list[UnitAssessment]:
    """The declared units listed for want of any figure (``UnitAssessment.without_figure``)."""
    return [u for u in units if u.without_figure]
