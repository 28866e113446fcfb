"""``check``'s ``unit-baseline``: a level target judged unit by unit (``for_each:``) whose
baseline targets.yaml states with its value (``{period: 2020, value: 8}``), the whole's
figure. Each unit without a baseline of its own then starts from the whole's value, not from
its own figure of that year, which the store holds: a district at 7 % in 2020 was judged
from the city's 8 % and read "substantial progress" where its own path is "moderate"
(forty-third session, helper N; methodology.md, "Breakdowns", says to write the period
alone). Said at the target's line, naming the units whose own figure differs. Pure."""

from __future__ import annotations

from ..catalog import Figure, Message, msg
from ..method.assessment import first_from
from ..method.series import Series
from ..plan.model import LevelTarget, Plan, Problem, published
from ..plan.units import unit_key

__all__ = ["unit_baseline_problems"]

# The units named in the warning; the others counted.
_NAMED = 3


def unit_baseline_problems(plan: Plan, series: Series) -> list[Problem]:
    """One warning for each broken-down level target whose stated baseline some unit's own
    figure for that year differs from."""
    out: list[Problem] = []
    if not plan.dimensions:
        return out
    # The store's units by indicator, made once at the first target that needs them: a
    # national store has tens of thousands of series, walked once, not once a target.
    by_indicator: dict[str, list[str]] | None = None
    for t in plan.targets:
        if not isinstance(t, LevelTarget) or not t.for_each or t.baseline is None or t.baseline.value is None:
            continue
        if by_indicator is None:
            by_indicator = {}
            for key in series:
                if "[" in key:
                    by_indicator.setdefault(key.partition("[")[0], []).append(key)
        stated, period = t.baseline.value, t.baseline.period
        own = dict(t.overrides)
        differ: list[tuple[str, float]] = []
        for key in by_indicator.get(t.indicator, ()):
            rows = series[key]
            if not rows:
                continue
            dims = _dims(key, t.for_each)
            if dims is None:
                continue
            unit = own.get(dims)
            if isinstance(unit, LevelTarget) and unit.baseline != t.baseline:
                continue  # the unit's own baseline, given under overrides
            found = first_from(rows, period)
            if found is not None and found.period == period and published(found.value) != published(stated):
                differ.append((", ".join(v for _, v in dims), found.value))
        if differ:
            out.append(Problem(t.location, _said(t, differ), "warning", "unit-baseline"))
    return out


def _dims(key: str, for_each: tuple[str, ...]) -> tuple[tuple[str, str], ...] | None:
    """The unit a store key names, when it names exactly the target's dimensions."""
    from ..plan.units import split_key

    split = split_key(key)
    if split is None or tuple(d for d, _ in split[1]) != for_each:
        return None
    return split[1] if unit_key(split[0], split[1]) == key else None


def _said(t: LevelTarget, differ: list[tuple[str, float]]) -> Message:
    assert t.baseline is not None and t.baseline.value is not None
    units: Message | None = None
    for name, value in differ[:_NAMED]:
        item = msg("checks_unit_baseline_unit", unit=name, value=Figure(value))
        units = item if units is None else msg("checks_unit_baseline_and", left=units, right=item)
    if len(differ) > _NAMED:
        units = msg("checks_unit_baseline_more", units=units, count=len(differ) - _NAMED)
    return msg(
        "checks_unit_baseline",
        id=t.id,
        dimensions=", ".join(t.for_each),
        value=Figure(t.baseline.value),
        period=t.baseline.period,
        units=units,
    )
