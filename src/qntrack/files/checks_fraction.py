"""A per cent saved as a fraction: 15.3 % written 0.153 by a spreadsheet whose "save as
shown" was off (issue 17, twenty-second session).

A figure of a "%" indicator below 1 whose hundredfold is in line with what it is compared
with (a neighbour's figure at least 1, else, for the series' first figure, the target
figures of its indicator: a baseline, a milestone, a bound, a plan) is warned of, at entry
and by `check`'s `jump` rule, naming the per cent it likely is. Never refused: a real 0.5 %
exists, and it is told apart by its hundredfold, 50, being far from figures around 3
(docs/data-integrity.md).
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from operator import attrgetter
from typing import Any, Sequence

from ..catalog import Figure, msg
from ..plan.model import (
    LevelTarget,
    Location,
    Observation,
    OpenSdgTarget,
    Plan,
    PlanTarget,
    Problem,
    RETRACTED,
    SpanTarget,
)
from ..method.history import VintageIndex
from ..method.series import Series
from .checks_jumps import DEFAULT_JUMP_FACTOR, growth_rate_ids, jump_ratio, percent_units
from .checks_jumps_entry import entry_jump_problems
from .figure_units import retract_words

_SORT_KEY, _VALUE = attrgetter("period.sort_key"), attrgetter("value")

__all__ = ["entry_slip_problems", "fraction_intended", "fraction_problems", "target_figures"]


# How near the hundredfold must be to what it is compared with: within twice or half of it
# (15.3 beside 15.1 or a baseline of 10). The jump factor, 5, took a real quarter's growth
# of 0.19 % beside 6.42 % (19 is 2.96 times 6.42) for a fraction in the benchmark's data.
FRACTION_FACTOR = 2.0


def fraction_intended(value: float, reference: float, factor: float = FRACTION_FACTOR) -> float | None:
    """``value`` × 100 when ``value`` reads as a per cent saved as a fraction beside
    ``reference``: below 1 (not 0), ``reference`` at least 1 of the same sign, and the
    hundredfold within ``factor`` of it (``jump_ratio``); else None."""
    if not 0 < abs(value) < 1 or abs(reference) < 1 or (value < 0) != (reference < 0):
        return None
    intended = float(Decimal(repr(value)) * 100)  # as typed: 0.153 × 100 is 15.3, not 15.299999
    return intended if jump_ratio(reference, intended, factor) is None else None


def target_figures(plan: Plan, indicator: str) -> list[tuple[str, float]]:
    """The figures the targets of ``indicator`` set, by target id, in the plan's order."""
    out: list[tuple[str, float]] = []
    for t in plan.targets:
        if t.indicator != indicator:
            continue
        if isinstance(t, LevelTarget):
            if t.baseline is not None and t.baseline.value is not None:
                out.append((t.id, t.baseline.value))
            out.extend((t.id, m.value) for m in t.milestones)
        elif isinstance(t, SpanTarget):
            out.append((t.id, t.bound.value))
        elif isinstance(t, PlanTarget):
            out.append((t.id, t.value))
        elif isinstance(t, OpenSdgTarget) and t.target is not None:
            out.append((t.id, t.target))
    return out


def _by_targets(plan: Plan, o: Observation) -> tuple[str, float, float] | None:
    """The first target figure of ``o``'s indicator that ``o`` reads as a fraction of: its
    target's id, the figure, and the per cent ``o`` likely is."""
    for target, value in target_figures(plan, o.indicator.split("[", 1)[0]):
        intended = fraction_intended(o.value, value)
        if intended is not None:
            return target, value, intended
    return None


def _values(o: Observation, intended: float) -> dict[str, Any]:
    return {
        "indicator": o.indicator,
        "period": o.period,
        "value": Figure(o.value),
        "intended": Figure(intended),
        "retract": retract_words(o.indicator, o.period),
    }


def entry_slip_problems(
    new: Sequence[tuple[Location, Observation]],
    index: VintageIndex,
    plan: Plan,
    dry_run: bool = False,
    found: Sequence[list[Observation] | None] | None = None,
) -> list[Problem]:
    """The jump warnings of the rows being recorded (``entry_jump_problems``, which says a
    per cent saved as a fraction beside its neighbour, and a growth rate typed as an index,
    checks_index), then one for each figure of a "%"
    indicator whose series has no other period on record and that reads as a fraction of
    its targets' figures (the series' first figure: no neighbour to jump from). ``found``:
    each row's stored vintages, when looked up already (batch_periods.looked_up)."""
    units = percent_units(plan)
    rates = frozenset(growth_rate_ids(plan))
    # A growth rate's first figure, with nothing on record to jump from, is weighed against
    # its targets' figures as an index (forty-fourth session); gathered only when asked.
    problems = entry_jump_problems(
        new,
        index,
        any_length=units,
        dry_run=dry_run,
        rates=rates,
        found=found,
        yardsticks=cache(lambda indicator: target_figures(plan, indicator)),
    )
    said = {id(p.location) for p in problems}
    # Only a "%" figure below 1 can read as a fraction: the store's periods are gathered
    # for those series alone, when there are any (an import of 300,000 rows has none, and
    # walking the million stored keys for nothing cost it half a second).
    candidates = [
        (where, o)
        for where, o in new
        if id(where) not in said
        and o.status != RETRACTED
        and 0 < abs(o.value) < 1
        and o.indicator.split("[", 1)[0] in units
    ]
    if not candidates:
        return problems
    names = {o.indicator for _, o in candidates}
    periods: dict[str, set[int]] = {}
    for name, key in index:
        if name in names:
            periods.setdefault(name, set()).add(key)
    for where, o in candidates:
        if periods.get(o.indicator, set()) - {o.period.sort_key}:
            continue  # another period on record: the jump rule compared it
        beside = _by_targets(plan, o)
        if beside is not None:
            target, before, intended = beside
            said_as = "recording_fraction_target" + ("_dry" if dry_run else "")
            text = msg(said_as, target=target, before=Figure(before), **_values(o, intended))
            problems.append(Problem(where, text, severity="warning", check="jump"))
    return problems


def fraction_problems(plan: Plan, series: Series, file: str, factor: float = DEFAULT_JUMP_FACTOR) -> list[Problem]:
    """`check`'s warnings of figures in force of a "%" indicator that read as a per cent
    saved as a fraction: beside the nearest figures of other periods (of any length, as a
    per cent reads alike over any span), each at least 1 and jumped from; a series' only
    figure, beside its targets' figures."""
    units = percent_units(plan)
    problems: list[Problem] = []
    for key, rows in series.items():
        if key.split("[", 1)[0] not in units or not rows:
            continue
        # Most series hold no figure below 1: told in C, not sorted for nothing (a NaN,
        # never below 1 here, is kept by min only when first, and then the figures are
        # looked at; issue 17, thirty-first session).
        if min(map(abs, map(_VALUE, rows))) >= 1:
            continue
        ordered = sorted(rows, key=_SORT_KEY)
        for i, o in enumerate(ordered):
            if not 0 < abs(o.value) < 1:
                continue
            near = [n for n in (ordered[i - 1] if i else None, ordered[i + 1] if i + 1 < len(ordered) else None) if n]
            near = [n for n in near if (n.value < 0) == (o.value < 0)]
            if near:
                if any(jump_ratio(n.value, o.value, factor) is None for n in near):
                    continue
                intended = fraction_intended(o.value, near[0].value)
                if intended is None:
                    continue
                text = msg(
                    "checks_fraction_figure", other=near[0].period, before=Figure(near[0].value), **_values(o, intended)
                )
            elif len(ordered) == 1 and (found := _by_targets(plan, o)) is not None:
                target, before, intended = found
                text = msg("checks_fraction_target", target=target, before=Figure(before), **_values(o, intended))
            else:
                continue
            problems.append(Problem(Location(file, o.line), text, severity="warning", check="jump"))
    problems.sort(key=lambda p: p.location.line or 0)
    return problems
