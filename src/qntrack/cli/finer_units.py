"""What an empty list of a unit says when its figures all name another dimension too, and
an empty history of a period (``say_empty_period``: not begun, or no figure of it).

Literacy by province and sex, every figure naming both: ``observations --indicator lit
--dim sex=Female`` and ``history lit --dim sex=Female`` list nothing, since no figure names
sex alone, and an officer read the empty list as no figure for women. Said on stderr,
with the units that hold them and the ``--dim`` to add (issue 17, forty-second session),
as ``history`` of a total whose figures are all by unit says it (``say_units_only``)."""

from __future__ import annotations

from typing import Iterable, Sequence

from ..plan.model import Observation, Target
from ..plan.periods import Period
from ..plan.units import Dims

__all__ = [
    "finer_cells",
    "say_empty_period",
    "say_finer_units",
    "say_judged_finer",
    "say_total_units_only",
    "say_units_only",
    "units_only",
]


def finer_cells(
    key: str, rows: Iterable[Observation], wanted: Period | None, day: str | None, zone: str
) -> tuple[list[str], list[str]] | None:
    """The keys of the figures of the unit ``key`` that name another dimension too (of
    ``wanted`` alone when given, recorded by ``day``'s end when given), sorted, and those
    other dimensions as the first of them names them; None when there is none."""
    from ..method.series import as_of_bound
    from ..plan.units import split_key, unit_match

    asked = split_key(key)
    if asked is None or not asked[1]:
        return None
    base, dims = asked
    wanted_dims = {(d, unit_match(v)) for d, v in dims}
    bound = as_of_bound(day, zone) if day else None
    finer: set[str] = set()
    for o in rows:
        if not o.indicator.startswith(base + "[") or (wanted is not None and o.period != wanted):
            continue
        if bound is not None and o.recorded_at > bound:
            continue
        held = split_key(o.indicator)
        if held is None or len(held[1]) <= len(dims):
            continue
        if wanted_dims <= {(d, unit_match(v)) for d, v in held[1]}:
            finer.add(o.indicator)
    if not finer:
        return None
    cells = sorted(finer)
    named = {d for d, _ in dims}
    return cells, [d for d, _ in (split_key(cells[0]) or ("", ()))[1] if d not in named]


def say_finer_units(key: str, rows: Iterable[Observation], wanted: Period | None, day: str | None, zone: str) -> None:
    """Name the units holding the figures of the unit ``key`` with another dimension named
    too (of ``wanted`` alone when given, recorded by ``day``'s end when given)."""
    found = finer_cells(key, rows, wanted, day, zone)
    if found is None:
        return
    (example, *_), others = found
    from ..catalog import msg
    from ..plan.units import base_of
    from .printing import _say

    shown = ", ".join(others)
    more = msg("s42x_finer_units_one", dim=others[0]) if len(others) == 1 else msg("s42x_finer_units_more", dims=shown)
    said = msg(
        "s42x_finer_units", key=key, count=len(found[0]), example=example, dims=shown, more=more, id=base_of(key)
    )
    _say(said)


def say_judged_finer(
    target: Target,
    units: Sequence[Dims],
    declared: Sequence[str],
    rows: Iterable[Observation],
    day: str | None,
    zone: str,
    *,
    asked: bool = False,
) -> None:
    """Of the units of ``target``'s breakdown judged with no figure (``units``), those whose
    figures are all kept finer, named with a cell and the breakdown that would judge them:
    ``show TARGET --dim sex=Female`` said "no figure has been recorded for Female" and
    ``rank`` listed Female "not available" in silence, though four figures named women by
    province (issue 17, forty-second session, pass L). ``declared``: the indicator's
    dimensions, in the order a target's for_each is offered in; ``asked``: the one unit
    ``show --dim`` asked for, named by its key."""
    if not units:
        return  # every unit has a figure: the store is not read again (a national one is large)
    from ..catalog import msg
    from ..plan.units import unit_key, units_listed
    from .printing import _say

    rows = list(rows)
    held: list[Dims] = []
    cells: list[str] = []
    others: set[str] = set()
    for dims in units:
        found = finer_cells(unit_key(target.indicator, dims), rows, None, day, zone)
        if found is not None:
            held.append(dims)
            cells += found[0]
            others |= set(found[1])
    if not held:
        return
    ordered = [d for d in declared if d in others] + sorted(others - set(declared))
    wider = ", ".join((*target.for_each, *(d for d in ordered if d not in target.for_each)))
    for_each = target.for_each[0] if len(target.for_each) == 1 else "[" + ", ".join(target.for_each) + "]"
    said = {
        "target": target.id,
        "count": len(set(cells)),
        "dims": ", ".join(ordered),
        "example": sorted(set(cells))[0],
        "wider": wider,
        "for_each": for_each,
        "id": target.indicator,
    }
    if asked:
        _say(msg("s42l_finer_judged_one", key=unit_key(target.indicator, held[0]), **said))
    else:
        _say(msg("s42l_finer_judged", units=units_listed(held, most=10), held=len(held), **said))


def units_only(
    indicator: str, rows: Iterable[Observation], wanted: Period | None, day: str | None, zone: str
) -> list[str]:
    """The keys of ``indicator``'s units with a figure (of ``wanted`` alone when given,
    recorded by ``day``'s end when given), sorted."""
    from ..method.series import as_of_bound

    prefix, bound = indicator + "[", as_of_bound(day, zone) if day else None
    return sorted(
        {
            o.indicator
            for o in rows
            if o.indicator.startswith(prefix)
            and (wanted is None or o.period == wanted)
            and (bound is None or o.recorded_at <= bound)
        }
    )


def say_units_only(
    indicator: str, rows: Iterable[Observation], wanted: Period | None, day: str | None, zone: str
) -> None:
    """An empty history of a total whose figures are all by unit (an Open SDG indicator
    with every row disaggregated) says so on stderr: "No observations yet." alone read as
    nothing published. The units named are those with a vintage ``history --dim`` lists."""
    from ..catalog import msg
    from .printing import _say

    units = units_only(indicator, rows, wanted, day, zone)
    if units:
        _say(msg("cli_history_units_only", id=indicator, count=len(units), example=units[0]))


def say_total_units_only(target: Target, rows: Iterable[Observation], day: str | None, zone: str) -> None:
    """``show`` of a target on a total with no figure, whose indicator's figures are all by
    unit: "no figure has been recorded for this indicator yet" alone was false (issue 17,
    forty-second session, pass L)."""
    from ..catalog import msg
    from ..method.series import as_of_bound
    from .printing import _say

    rows = tuple(rows)
    bound = as_of_bound(day, zone) if day else None
    # A total recorded and since withdrawn is recorded: "no figure of the total is
    # recorded" was said of it (issue 17, forty-fourth session, helper H); the withdrawal
    # is said in the facts and the sentences.
    if any(o.indicator == target.indicator and (bound is None or o.recorded_at <= bound) for o in rows):
        return
    units = units_only(target.indicator, rows, None, day, zone)
    if units:
        _say(msg("s42l_total_units_only", target=target.id, id=target.indicator, count=len(units), example=units[0]))


def say_empty_period(key: str, rows: Iterable[Observation], wanted: Period, day: str | None, zone: str) -> None:
    """``history KEY PERIOD`` with no vintage of the period, in the series or any unit of
    its indicator: "No observations yet." alone, for 2099 as for a year with no figure,
    told neither that the period has not begun nor which periods hold figures (forty-
    seventh session, helper L). Said on stderr: that it has not begun (by ``day`` when
    given, else today in the plan's ``zone``) and its first day, or that no figure of it is
    recorded; and the periods recorded (by ``day``'s end when given)."""
    from ..catalog import Day, msg
    from ..files.workspace import plan_day
    from ..method.series import as_of_bound
    from ..method.timing import period_start
    from .printing import _say

    rows = tuple(rows)
    if units_only(key, rows, wanted, day, zone) if "[" not in key else finer_cells(key, rows, wanted, day, zone):
        return  # its units' figures of it: said by say_units_only / say_finer_units
    bound = as_of_bound(day, zone) if day else None
    held = {o.period for o in rows if o.indicator == key and (bound is None or o.recorded_at <= bound)}
    periods = [str(p) for p in sorted(held)]
    listed: object = (
        ", ".join(periods)
        if len(periods) <= 12
        else msg(
            "s47l_history_periods_more", first=", ".join(periods[:4]), last=", ".join(periods[-4:]), count=len(periods)
        )
    )
    listed = listed or msg("s47l_history_periods_none")
    start = period_start(wanted)
    begun = start <= plan_day(day, zone)
    key_of = ("s47l_history_no_figure" if begun else "s47l_history_not_begun") + ("_as_of" if day else "")
    extra = {"day": Day(day)} if day else {}
    _say(msg(key_of, key=key, period=str(wanted), start=Day(start.isoformat()), periods=listed, **extra))
