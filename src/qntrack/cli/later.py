"""What an ``--as-of`` view leaves out, said beside it (issue 17, twenty-fourth session).

``history``, ``observations``, ``status``, ``show`` and ``rank`` as of a day print what was known by
its end; a reader of that view, a journalist checking a past claim, is told on stderr how
many rows of what it lists were recorded after the day and when the first was, so that a
figure known then is never taken for the one in force now. Standard output, the record of
the day, stays the same whatever is recorded later (docs/data-integrity.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .printing import _say

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from ..method.assessment import Assessment
    from ..plan.model import Observation, Plan
    from ..plan.periods import Period

__all__ = ["keys_of", "say_counted", "say_later", "say_judged_later", "say_exported_later"]


def keys_of(indicators: set[str]) -> Callable[[str], bool]:
    """Whether a store key is one of ``indicators``' rows: a total's or one of its units'
    ("budget_revenue[locality=NAME]")."""
    return lambda key: key.split("[", 1)[0] in indicators


def say_later(
    key: str,
    rows: Iterable[Observation],
    keys: Callable[[str], bool] | None,
    day: str,
    wanted: Period | None = None,
    *,
    zone: str = "",
    **more: str,
) -> None:
    """On stderr, message ``key`` (its ``_one`` or ``_many`` form): how many rows whose
    store key ``keys`` accepts (None: every row), of period ``wanted`` when given, were recorded after the end
    of ``day`` in ``zone`` (the plan's ``timezone:``), and the first moment of them;
    nothing when none was."""
    from ..method.history import recorded_after
    from ..method.series import as_of_bound

    count, first = recorded_after(rows, keys, as_of_bound(day, zone), wanted)
    say_counted(key, count, first, day, zone, **more)


def say_counted(key: str, count: int, first: str | None, day: str, zone: str = "", **more: str) -> None:
    """``say_later``'s message for rows counted already (``method.history.recorded_after``):
    nothing when none was recorded after ``day``, which ends in ``zone`` (the plan's)."""
    from ..catalog import Count, Day, DayMoment, msg
    from ..method.recorded_days import in_zone, zone_name

    if first is not None:
        form = "_one" if count == 1 else "_many"
        # The day judged by as the reader writes days (19/04/2026 in Vietnamese, as the
        # view's own heading says it), and the moment recorded with its day written so too.
        # The first moment as the day that was ended reads it: in the plan's zone, with its
        # offset (2025-07-03T00:00:00+07:00, after 2025-07-02), the same instant as stored.
        at = DayMoment(in_zone(first, zone))
        said = msg(key + form, count=Count(count), first=at, day=Day(day), zone=zone_name(zone), **more)
        _say(said)


def say_judged_later(plan: Plan, rows: Sequence[Observation], judged: Iterable[Assessment], day: str) -> None:
    """``say_later`` for ``status``, ``show``, ``rank`` and ``report``: the rows the targets
    ``judged`` are judged on: a target's series (its total, or its ``of:`` unit's), every
    unit's of a target with ``for_each:``, a derived target's inputs' (down the chain, their
    units' with them)."""
    from ..output.withdrawn_inputs import input_keys

    judged = list(judged)
    # A target judged on one series (the total, or the unit ``of:`` names) is judged on its
    # rows alone: a unit's revision was said as a later entry of the figures a total target
    # judges (issue 17, forty-fourth session, helper H). A breakdown's (``for_each:``) are
    # every unit's, and a derived target's are its inputs', as before.
    whole = {a.indicator.id for a in judged if a.target.for_each} | input_keys(plan, judged)
    series = {a.target.series_key for a in judged if not a.target.for_each and not a.indicator.formula}
    in_whole = keys_of(whole)
    say_later("cli_judged_later", rows, lambda key: key in series or in_whole(key), day, zone=plan.timezone)


def say_exported_later(plan: Plan, rows: Sequence[Observation], day: str) -> None:
    """``say_later`` for ``export``: the rows of every indicator the plan declares (those
    an export writes), their units' with them."""
    say_later("cli_exported_later", rows, keys_of(set(plan.indicators)), day, zone=plan.timezone)


def plan_today(targets: str | None, day: str | None) -> str:
    """Today, as YYYY-MM-DD, for comparing ``day`` (``--as-of``, ``--since``) with it before
    the command opens the plan: in the plan's ``timezone:``, as the command judges on
    (files.workspace.plan_day), else on the machine's calendar. A day more than one
    before the machine's today is before every zone's: the plan is not read for it. A plan
    not read here is the command's to refuse, by name, when it opens it."""
    from datetime import date, timedelta

    from ..files.workspace import find_targets, plan_day, reference_day

    machine = reference_day(None)
    if day is None or date.fromisoformat(day) < machine - timedelta(days=1):
        return machine.isoformat()
    try:
        from ..files.plan_loading import load_plan

        zone = load_plan(find_targets(targets)).timezone
    except Exception:  # noqa: BLE001 - a plan missing or broken: said when the command opens it
        zone = ""
    return plan_day(None, zone).isoformat()
