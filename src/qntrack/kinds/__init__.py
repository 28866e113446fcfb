"""Target kinds, one module each behind one protocol (docs/architecture.md, "Target kinds").

``REGISTRY`` lists the kinds; ``kind_of`` finds a target's; ``assess_target`` judges a
target through its kind. May import ``method``, ``plan`` and ``catalog``; pure like them:
no I/O, no clock, no terminal.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Sequence

from dataclasses import replace

from ..method.assessment import Assessment, ended, finite_only
from ..method.series import Series
from ..plan.model import Indicator, Observation, Plan, Target
from . import average, cumulative, every_period, level, open_sdg, plan
from .protocol import Due, Kind

__all__ = ["REGISTRY", "Due", "Kind", "assess", "assess_target", "due", "kind_of", "relevant_rows"]

# The kinds, by the ``type:`` of targets.yaml: adding a kind is its module and one line here.
REGISTRY: dict[str, Kind[Any]] = {
    k.name: k for k in (level.KIND, every_period.KIND, average.KIND, cumulative.KIND, plan.KIND, open_sdg.KIND)
}


def kind_of(target: Target) -> Kind[Any]:
    """The kind that judges ``target`` (by its class's ``kind``)."""
    return REGISTRY[target.kind]


def assess(
    plan: Plan, series: Series, target_ids: Sequence[str] | str | None = None, today: date | str | None = None
) -> list[Assessment]:
    """Every target (or those named: one id may be given as a string), judged on ``series``.

    ``today`` is the reference day (the caller's clock, or ``--as-of``), a date or
    ``YYYY-MM-DD``: deadlines that ended before it without a figure are marked as
    awaiting one. None: no deadline is taken as passed unless a figure shows it (a
    caller without a calendar). A target id the plan lacks, or a day written otherwise,
    raises ValueError (the commands refuse them before, with the closest).
    """
    targets: Sequence[Target] = plan.targets
    today = day_of(today)
    if isinstance(target_ids, str):
        target_ids = [target_ids]  # one id, not its letters
    if target_ids:
        # Sets, not a scan per id: a report's "since" table asks for all 10,000 of a
        # national plan's targets at once.
        wanted = set(target_ids)
        known = {t.id for t in plan.targets}
        unknown = [t for t in target_ids if t not in known]
        if unknown:
            from ..catalog import msg

            # Quoted, as the command line's "no target 'x'": a pasted id's spaces are seen.
            named = ", ".join(f"'{t}'" for t in dict.fromkeys(unknown))
            raise ValueError(msg("kinds_unknown_targets", ids=named))
        targets = [t for t in plan.targets if t.id in wanted]
    out = [assess_target(t, plan.indicators[t.indicator], series.get(t.series_key, []), today) for t in targets]
    if any(t.for_each for t in targets):
        from .breakdown import assess_units, unit_index, with_units

        index = unit_index(plan, series)
        out = [
            with_units(a, assess_units(a.target, a.indicator, series, index, plan.dimensions, today))
            if a.target.for_each
            else a
            for a in out
        ]
    return out


def day_of(today: date | str | None) -> date | None:
    """``today`` as a date: a caller's ``"2025-12-31"`` is that day, as ``--as-of`` and
    ``open_workspace`` read it; any other spelling is a ValueError naming it."""
    if not isinstance(today, str):
        return today
    try:
        if len(today) != 10 or not today.isascii() or today[4] + today[7] != "--":
            raise ValueError(today)
        return date.fromisoformat(today)
    except ValueError:
        from ..catalog import msg

        raise ValueError(msg("cli_not_a_date", value=today, example="2023-06-28")) from None


def assess_target(
    target: Target, indicator: Indicator, rows: Sequence[Observation], today: date | str | None = None
) -> Assessment:
    """The target's assessment; never a figure that is inf or NaN.

    The store holds finite numbers only, but finite ones can still overflow: 1e300 grown
    at its own rate, or two amounts of 1.5e308 added up. A figure that overflows is not
    computed (None); where the status is read from it, the status is not_available with
    reason "overflow" (docs/methodology.md, "When there is no assessment").
    """
    kind, today = kind_of(target), day_of(today)
    try:
        a = finite_only(kind.assess(target, indicator, rows, today))
    except OverflowError:
        a = kind.overflowed(target, indicator, rows, today)
    return _deadlines_behind(a, today)


def _deadlines_behind(a: Assessment, today: date | None) -> Assessment:
    """A deadline is missed once it is behind the day spoken of (methodology.md, "Deadlines
    passed without a figure"): a year's estimate published in December (data-integrity.md
    accepts it as an estimate) that misses its plan leaves the target not achieved, on the
    office's own figure of the year, but 2026 is not a deadline passed until 1 January 2027
    (issue 17, thirty-eighth session, pass O). Without a day, as before: every kind's own."""
    if today is None or not a.missed_milestones:
        return a
    behind = tuple(p for p in a.missed_milestones if ended(p, today))
    return a if len(behind) == len(a.missed_milestones) else replace(a, missed_milestones=behind)


def relevant_rows(target: Target, rows: Sequence[Observation]) -> list[Observation]:
    """The observations a reader of this target needs: its span, or its year and the one before."""
    return kind_of(target).relevant_rows(target, rows)


def due(target: Target) -> list[Due]:
    """The target's deadlines whose figure ``check`` expects."""
    return kind_of(target).due(target)
