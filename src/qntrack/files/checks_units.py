"""``check``'s rules for the units of breakdowns (issue 14): a row's unit must be one the
plan declares, for a period the unit existed in; a flow's units should add up to its total.

docs/data-integrity.md, "Breakdowns"; docs/methodology.md, "Breakdowns" (why only flows add up).
"""

from __future__ import annotations

from typing import Mapping, Sequence

from ..catalog import Figure, Message, msg
from ..plan.model import RETRACTED, Indicator, Location, Measure, Observation, Plan, Problem
from ..plan.periods import Period
from ..plan.units import Dims, Unit, outside, period_end, period_start, split_key, unit_key, units_outside
from ..plan.unit_resolution import resolve_dims
from ..method.series import Series

__all__ = ["UnitRows", "SUM_TOLERANCE", "units_sum_problems", "outside_in_force"]

# How far the units' sum may be from the total before check warns: published figures are
# rounded one by one, so thirteen districts' figures rounded to one decimal can be 0.65
# off; half a per cent of the total leaves room for that and still catches a district
# left out or counted twice.
SUM_TOLERANCE = 0.005


class UnitRows:
    """What a store key says about a unit, worked out once per key (a store repeats a
    few hundred keys over a million rows)."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.known: dict[str, tuple[Indicator | None, Dims, Message | None]] = {}
        self._vintages: dict[tuple, Observation] | None = None

    def read(self, key: str) -> tuple[Indicator | None, Dims, Message | None]:
        """The indicator and unit of ``key``, or the message saying why it names none.
        The indicator is None (and the message too) when its base is no indicator at all:
        the unknown-indicator check says that."""
        found = self.known.get(key)
        if found is None:
            found = self.known[key] = self._read(key)
        return found

    def _read(self, key: str) -> tuple[Indicator | None, Dims, Message | None]:
        split = split_key(key)
        if split is None:
            return None, (), msg("checks_unit_malformed", key=key)
        base, dims = split
        indicator = self.plan.indicators.get(base)
        if indicator is None:
            return None, (), None
        canon, problems = resolve_dims(indicator, dims, self.plan.dimensions)
        if problems:
            return None, (), msg("checks_unit_not_declared", key=key, problem=problems[0])
        return indicator, canon, None

    def canonical(self, key: str) -> str | None:
        """``plan.unit_resolution.canonical_key`` of ``key``, from what ``read`` found of it: check
        writes every unit's key as the plan names it (workspace.canonical_rows) without
        resolving each key a second time."""
        indicator, dims, wrong = self.read(key)
        if indicator is None or wrong is not None or not indicator.dimensions or not dims:
            return None
        return unit_key(indicator.id, dims)

    def withdrawn(self, rows: Sequence[Observation], row: Observation) -> bool:
        """Whether the latest vintage of ``row``'s unit and period is a retraction (the
        rule of series.in_force: latest recorded_at, on a tie the later line), however
        each row spells the unit. Asked only of a figure outside its unit's dates: the
        rows are grouped once, on the first question."""
        if self._vintages is None:
            self._vintages = {}
            for o in rows:
                if "[" in o.indicator:
                    ind, dims, wrong = self.read(o.indicator)
                    if ind is not None and wrong is None:
                        key = (ind.id, dims, o.period.sort_key)
                        last = self._vintages.get(key)
                        if last is None or (o.recorded_at, o.line) >= (last.recorded_at, last.line):
                            self._vintages[key] = o
        ind, dims, _ = self.read(row.indicator)
        latest = self._vintages.get((ind.id if ind else "", dims, row.period.sort_key))
        return latest is not None and latest.status == RETRACTED

    def declared(self, dims: Dims) -> list[Unit]:
        """The declared units among ``dims`` (a unit of an open list has none)."""
        out = []
        for dim_id, value in dims:
            dimension = self.plan.dimensions.get(dim_id)
            unit = dimension.unit(value) if dimension is not None else None
            if unit is not None:
                out.append(unit)
        return out

    def outside_problem(self, dims: Dims, period: Period) -> Message | None:
        """Why a figure for ``period`` cannot be this unit's, or None."""
        found = units_outside(self.plan.dimensions, dims, period)
        if not found:
            return None
        from .figure_units import outside_message

        return outside_message("checks_unit_outside", self.plan, dims, found[0], period)


def units_sum_problems(plan: Plan, series: Series, file: str) -> list[Problem]:
    """A flow's total against the sum of its units, for each period where the total and
    every unit of a declared dimension that existed then have a figure: a warning when
    they differ by more than ``SUM_TOLERANCE`` of the total. Levels, shares and rates are
    never added up (docs/methodology.md, "Breakdowns").

    With several dimensions each unit is a total too: Ha Long's figure against its
    figures by sex (``g[locality=Ha Long;sex=...]``), as the province's against its
    localities'. ``series`` has its keys as the plan names them (canonical_units)."""
    out: list[Problem] = []
    for indicator in plan.indicators.values():
        if indicator.measure is not Measure.FLOW or len(indicator.dimensions) < 1:
            continue
        # Every series of the indicator (the total, its units) is a total of its own.
        parents: list[tuple[str, Dims]] = [(indicator.id, ())]
        if len(indicator.dimensions) > 1:
            prefix = indicator.id + "["
            for key in series:
                split = split_key(key) if key.startswith(prefix) else None
                if split is not None and len(split[1]) < len(indicator.dimensions):
                    parents.append((key, split[1]))
        for parent, given in parents:
            for dim_id in indicator.dimensions:
                if any(d == dim_id for d, _ in given):
                    continue
                out.extend(_sum_problems(plan, series, file, indicator, parent, given, dim_id))
    return out


def _sum_problems(
    plan: Plan, series: Series, file: str, indicator: Indicator, parent: str, given: Dims, dim_id: str
) -> list[Problem]:
    """``parent``'s figures against the sum of its units of ``dim_id`` (units_sum_problems)."""
    from ..plan.unit_resolution import dimension_said
    from ..plan.units import unit_key

    out: list[Problem] = []
    dimension = plan.dimensions.get(dim_id)
    if dimension is None or dimension.values is None:
        return out  # an open list: no way to know every unit is there
    from ..kinds.breakdown import lived_years

    order = {d: i for i, d in enumerate(indicator.dimensions)}
    by_unit: dict[str, Mapping[Period, float]] = {}
    lived: dict[str, Mapping[Period, float]] = {}  # with the years a unit's dates cut through added up
    for unit in dimension.values:
        dims = tuple(sorted((*given, (dim_id, unit.value)), key=lambda p: order[p[0]]))
        rows = series.get(unit_key(indicator.id, dims), [])
        by_unit[unit.value] = {o.period: o.value for o in rows}
        dated = unit.since is not None or unit.until is not None
        lived[unit.value] = {o.period: o.value for o in lived_years(rows, dims, plan.dimensions)} if dated else {}
    for total in series.get(parent, ()):
        found = None  # the first complete set of units that does not add up: (units, sum)
        for n, living in enumerate(_unit_sets(dimension.values, total.period)):
            # The third set, every unit of a period a change cuts through, each for its part:
            # a unit's year read as status reads it, its months added up (kinds.breakdown).
            figures = [
                (lived[u.value] or by_unit[u.value] if n == 2 else by_unit[u.value]).get(total.period) for u in living
            ]
            if not living or any(f is None for f in figures):
                continue
            summed = sum(f for f in figures if f is not None)
            if abs(summed - total.value) <= SUM_TOLERANCE * abs(total.value):
                found = None
                break  # one set adds up: the figures agree
            found = found or (living, summed)
        if found is not None:
            living, summed = found
            out.append(
                Problem(
                    Location(file, total.line),
                    msg(
                        "checks_units_sum",
                        id=parent,
                        period=total.period,
                        total=Figure(total.value),
                        units=len(living),
                        sum=Figure(summed),
                        # its id and the plan's name, as the units messages say it: a
                        # Vietnamese warning read "theo province" (forty-fifth session)
                        **dimension_said(dim_id, plan.dimensions),
                    ),
                    "warning",
                    "units-sum",
                )
            )
    return out


def _unit_sets(units: Sequence[Unit], period: Period) -> list[list[Unit]]:
    """The sets of units that each make the whole in ``period``: the units that existed
    then, or, in a period a change cuts through (2025, for provinces merged on 1 July),
    those before it (without the units that began during the period) and those after it
    (without the units that ended during it). The old provinces' 2025 figures and the new
    ones' each cover the country: added together they counted it twice; all of them
    together, each for its months, too."""
    first, last = period_start(period), period_end(period)
    living = [u for u in units if not outside(u, period)]
    before = [u for u in living if u.since is None or u.since <= first]
    after = [u for u in living if u.until is None or u.until >= last]
    if len(before) == len(living) and len(after) == len(living):
        return [living]
    # And all of them, each for its part of the period (units_sum_problems' third set):
    # an ended province's 2025-Q1 + Q2 beside a new one's Q3 + Q4 (forty-fifth session).
    return [before, after, living]


def outside_in_force(plan: Plan, series: Series, file: str, indicators: Sequence[str] | None = None) -> list[Problem]:
    """Figures in force for a unit in a period it did not exist in: ``check`` calls each an
    error (``unit``); a status or report built on one says so (a warning by line), as it
    does of the other figures check refuses. ``indicators``: only their units."""
    if not plan.dimensions:
        return []
    wanted = None if indicators is None else set(indicators)
    units = UnitRows(plan)
    out = []
    for key, rows in series.items():
        if "[" not in key:
            continue
        indicator, dims, wrong = units.read(key)
        if indicator is None or wrong is not None or (wanted is not None and indicator.id not in wanted):
            continue
        # Only a unit with dates can be outside them: found once per key, not per row (a
        # national store has a million rows over a few thousand keys; issue 17).
        if not any(u.since or u.until for u in units.declared(dims)):
            continue
        for o in rows:
            problem = units.outside_problem(dims, o.period)
            if problem is not None:
                out.append(Problem(Location(file, o.line), problem, "warning", "unit"))
    return sorted(out, key=lambda p: p.location.line)
