"""Open SDG targets: a progress option of an Open SDG site, judged as its build judges it.

``type: open_sdg`` (issue 16; docs/methodology.md, "Open SDG targets"). The measure is
``method.progress.measure``, the one implementation of Statistics Canada's method; what
this kind adds is Open SDG's reading of its inputs, which differs from a level target's
in three ways, each kept so that an imported repository gives the published figures:

- the base is the figure of ``base_year`` (default 2015), else of the first later year
  with one; the current figure is the latest year's;
- a target year that has passed does not end the assessment: Open SDG measures progress
  on the latest figure whatever the year (a level target calls a missed deadline
  ``not_achieved``);
- a zero base is replaced by 0.001 and a series crossing zero has no assessment, where a
  level target would measure absolute change.

Pure: no I/O, no clock, no terminal.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Sequence

from ..catalog import Figure, msg
from ..method.assessment import (
    Assessment,
    MilestoneResult,
    annual_rows,
    difference,
    gap_to,
    no_figure_reason,
    overflowed,
    power,
    safe_growth,
)
from ..method.progress import ZERO_SUBSTITUTE, Progress, Status, measure
from ..plan.model import Baseline, Direction, Indicator, Observation, OpenSdgTarget
from ..plan.periods import Period
from .pace import why_not, year_reached
from .protocol import Due, Keys, Reader, What

__all__ = ["KIND", "OpenSdgResult", "DEFAULT_BASE_YEAR", "DEFAULT_TARGET_YEAR"]

# Open SDG's defaults for an option that leaves them out.
DEFAULT_BASE_YEAR = 2015
DEFAULT_TARGET_YEAR = 2030
# The direction words targets.yaml accepts here: qntrack's and Open SDG's.
_DIRECTIONS = {
    "increase": Direction.INCREASE,
    "positive": Direction.INCREASE,
    "decrease": Direction.DECREASE,
    "negative": Direction.DECREASE,
}


@dataclass(frozen=True, slots=True)
class OpenSdgResult:
    """The figures Open SDG publishes for a series (its ``indicator_calculation_components``),
    as the JSON contract's ``details`` (docs/json.md)."""

    base_year: int | None
    base_value: float | None
    current_year: int | None
    current_value: float | None
    target: float | None
    target_year: int
    direction: int
    sign: int | None
    limit: float | None

    def to_json(self) -> dict[str, Any]:
        return {
            "base_year": self.base_year,
            "base_value": self.base_value,
            "current_year": self.current_year,
            "current_value": self.current_value,
            "target": self.target,
            "target_year": self.target_year,
            "direction": self.direction,
            "sign": self.sign,
            "limit": self.limit,
        }


class OpenSdg:
    """``type: open_sdg``: ``base_year``, ``target``, ``target_year``, ``limit``, ``direction``."""

    name = "open_sdg"
    target = OpenSdgTarget
    keys = ("base_year", "target", "target_year", "limit", "direction")
    implies = None
    amount = False

    def parse(self, reader: Reader, node: Any, keys: Keys, where: What, common: dict[str, Any]) -> OpenSdgTarget | None:
        fields: dict[str, Any] = {}
        for key in ("base_year", "target_year"):
            if key in keys:
                year = reader.year(keys[key][1], reader.at(where, key))
                if year is None:
                    return None
                fields[key] = year.year
        for key in ("target", "limit"):
            if key in keys and not reader.is_null(keys[key][1]):
                number = reader.number(keys[key][1], reader.at(where, key))
                if number is None:
                    return None
                fields[key] = number
        if "direction" in keys:
            value = keys["direction"][1]
            word = str(getattr(value, "value", "")).strip().lower()
            if word not in _DIRECTIONS:
                reader.error(value, msg("exchange_open_sdg_direction", what=reader.phrase(where), given=word))
                return None
            fields["direction"] = _DIRECTIONS[word]
        defaults = OpenSdgTarget.__dataclass_fields__
        base = fields.get("base_year", defaults["base_year"].default)
        year = fields.get("target_year", defaults["target_year"].default)
        if fields.get("target") is not None and year <= base:
            # The required growth is over target_year - base_year years: none or fewer
            # gives a meaningless (or no) rate (docs/methodology.md, "Open SDG targets").
            node = keys["target_year"][1] if "target_year" in keys else keys["target"][1]
            problem = msg("hostile16_years_order", year=year, base=base)
            reader.error(node, msg("definitions_field_problem", what=reader.phrase(where), problem=problem))
            return None
        return OpenSdgTarget(**common, **fields)

    def assess(
        self, target: OpenSdgTarget, indicator: Indicator, rows: Sequence[Observation], today: date | None
    ) -> Assessment:
        return _assess(target, _as_read(target, indicator), rows)

    def overflowed(
        self, target: OpenSdgTarget, indicator: Indicator, rows: Sequence[Observation], today: date | None
    ) -> Assessment:
        return overflowed(target, _as_read(target, indicator), rows)

    def relevant_rows(self, target: OpenSdgTarget, rows: Sequence[Observation]) -> list[Observation]:
        """Every figure: the base may fall on any year from the base year on, and the chart
        shows the series before it too."""
        return list(rows)

    def due(self, target: OpenSdgTarget) -> list[Due]:
        """The target year, when the option sets a target."""
        if target.target is None:
            return []
        value = target.target
        return [Due(Period(target.target_year), target.location, lambda: _due_what(value, target.target_year))]


def _due_what(value: float, year: int):
    return msg("checks_due_milestone", value=Figure(value), by=Period(year))


KIND = OpenSdg()


def _as_read(target: OpenSdgTarget, indicator: Indicator) -> Indicator:
    """The indicator as this target reads it: in the option's direction when it gives one,
    so that the gap, the charts and the ranking all go the way the option says."""
    if target.direction is None or target.direction is indicator.direction:
        return indicator
    return replace(indicator, direction=target.direction)


def _base(annual: Sequence[Observation], base_year: int) -> Observation | None:
    """The figure of the base year, else of the first later year with one (Open SDG)."""
    return next((o for o in annual if o.period.year >= base_year), None)


def _assess(target: OpenSdgTarget, indicator: Indicator, rows: Sequence[Observation]) -> Assessment:
    annual = annual_rows(rows)
    latest = annual[-1] if annual else None
    base = _base(annual, target.base_year) if annual else None
    d = 1 if indicator.increase else -1
    details = OpenSdgResult(
        base.period.year if base else None,
        base.value if base else None,
        latest.period.year if latest else None,
        latest.value if latest else None,
        target.target,
        target.target_year,
        d,
        (-1 if base.value < 0 else 1) if base else None,
        target.limit,
    )
    common: dict[str, Any] = dict(
        target=target,
        indicator=indicator,
        latest=latest,
        baseline=Baseline(base.period, base.value) if base else None,
        result=details,
    )
    if latest is None or base is None:
        # No figure, none in whole years, or none from the base year on (where Open SDG's
        # build stops with an error, qntrack says there is no assessment). Rows with no
        # whole year among them are part-year readings alone, as a level target says.
        missing = ("no_annual_figure" if rows else no_figure_reason(rows)) if latest is None else "no_baseline"
        return Assessment(status=Status.NOT_AVAILABLE, reason=missing, **common)
    p = measure(
        base_year=base.period.year,
        base_value=base.value,
        current_year=latest.period.year,
        current_value=latest.value,
        increase=indicator.increase,
        target=target.target,
        target_year=target.target_year if target.target is not None else None,
        limit=target.limit,
    )
    reason: str | None = None
    if target.target is not None and base.period.year >= target.target_year:
        # The base moved to a first figure at or after the target year: Open SDG's build
        # would require a growth over zero or fewer years (a division by zero, or a rate
        # over -1 years: "-20 %/yr" and a band read from it). qntrack refuses such a plan
        # when it is declared (parse, above), and leaves the data's case unassessed, a
        # target reached still achieved but with no P (docs/methodology.md, "Open SDG
        # targets"; forty-second session).
        if p.target_achieved:
            p = Progress(Status.TARGET_ACHIEVED, None, 5.0, target_achieved=True)
        else:
            p, reason = Progress(Status.NOT_AVAILABLE, None, None), "no_years_to_target"
    elif p.status is Status.NOT_AVAILABLE:
        # A target of 0 as Open SDG reads it, 0.001: from a negative base it is across zero
        # (crosses_zero), where it was "undefined" (pass H).
        read = ZERO_SUBSTITUTE if target.target == 0 else target.target
        reason = why_not(base.value, base.period.year, latest.value, latest.period.year, read)
    achieved = None
    if latest.period.year - base.period.year >= 1:
        achieved = safe_growth(latest.value, base.value, latest.period.year, base.period.year)
    milestones: tuple[MilestoneResult, ...] = ()
    gap = None
    if target.target is not None:
        gap = gap_to(target.target, latest.value, indicator.increase)
        milestones = (_milestone(target, target.target, indicator, base, latest, achieved, p, reason),)
    return Assessment(
        status=p.status,
        score=p.score,
        progress_value=p.progress_value,
        achieved_rate=achieved,
        milestones=milestones,
        headline=0 if milestones else None,
        reason=reason,
        gap=gap,
        **common,
    )


def _milestone(
    target: OpenSdgTarget,
    value: float,
    indicator: Indicator,
    base: Observation,
    latest: Observation,
    achieved: float | None,
    p: Any,
    reason: str | None,
) -> MilestoneResult:
    """The option's target as the one milestone the displays show: the path from the base
    to the target, where the latest figure stands on it, where the pace would take it."""
    by = Period(target.target_year)
    ahead = target.target_year > latest.period.year
    # No required growth over zero or fewer years (reason no_years_to_target, above). A
    # target of 0 is Open SDG's 0.001 here too: the rate and path P is read on, not the
    # real 0's -100 % a year and a path at 0 from the first year (pass H).
    goal = ZERO_SUBSTITUTE if value == 0 else value
    required = safe_growth(goal, base.value, by.year, base.period.year) if by.year > base.period.year else None
    years = latest.period.year - base.period.year
    trajectory = power(base.value, required, years) if required is not None and ahead and years >= 0 else None
    reached = None
    never = False
    # Not for a figure at or beyond the milestone as typed (gap 0 or less) that Open SDG's
    # stand-in for 0 does not count: a deficit closed to 0 was "never reached" (pass H).
    if not p.target_achieved and achieved is not None and gap_to(value, latest.value, indicator.increase) > 0:
        reached, never = year_reached(value, latest, achieved, indicator.increase)
    return MilestoneResult(
        by=by,
        value=value,
        due=False,  # Open SDG never closes an option: the latest figure is always measured
        status=p.status,
        score=p.score,
        progress_value=p.progress_value,
        gap=gap_to(value, latest.value, indicator.increase),
        required_rate=required,
        trajectory=trajectory,
        # In decimal on 15 digits, as a level's (and a gap's): the path is qntrack's, not Open SDG's.
        deviation=difference(latest.value, trajectory) if trajectory is not None else None,
        # None for a level to keep not reached: it needs the level, not a pace (as a level
        # target's, docs/json.md; pass H).
        required_rate_from_latest=safe_growth(goal, latest.value, by.year, latest.period.year)
        if ahead and reason != "target_equals_baseline"
        else None,
        projected=power(latest.value, achieved, by.year - latest.period.year)
        if achieved is not None and ahead
        else None,
        reached_in=reached,
        never_reached=never,
        judged_on=latest,
        reached_is_projection=reached is not None,
        reason=reason,
    )
