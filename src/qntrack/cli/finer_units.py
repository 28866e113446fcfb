"""What an empty list of a unit says when its figures all name another dimension too.

Literacy by province and sex, every figure naming both: ``observations --indicator lit
--dim sex=Female`` and ``history lit --dim sex=Female`` list nothing, since no figure names
sex alone, and an officer read the empty list as no figure for women. Said on stderr,
with the units that hold them and the ``--dim`` to add (issue 17, forty-second session),
as ``history`` of a total whose figures are all by unit says it (``say_units_only``)."""

from __future__ import annotations

from typing import Iterable

from ..plan.model import Observation
from ..plan.periods import Period

__all__ = ["say_finer_units", "say_units_only"]


def say_finer_units(key: str, rows: Iterable[Observation], wanted: Period | None, day: str | None, zone: str) -> None:
    """Name the units holding the figures of the unit ``key`` with another dimension named
    too (of ``wanted`` alone when given, recorded by ``day``'s end when given)."""
    from ..plan.units import split_key, unit_match

    asked = split_key(key)
    if asked is None or not asked[1]:
        return
    base, dims = asked
    wanted_dims = {(d, unit_match(v)) for d, v in dims}
    from ..method.series import as_of_bound

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
        return
    example = sorted(finer)[0]
    named = {d for d, _ in dims}
    others = [d for d, _ in (split_key(example) or ("", ()))[1] if d not in named]
    from ..catalog import msg
    from .printing import _say

    shown = ", ".join(others)
    more = msg("s42x_finer_units_one", dim=others[0]) if len(others) == 1 else msg("s42x_finer_units_more", dims=shown)
    _say(msg("s42x_finer_units", key=key, count=len(finer), example=example, dims=shown, more=more, id=base))


def say_units_only(
    indicator: str, rows: Iterable[Observation], wanted: Period | None, day: str | None, zone: str
) -> None:
    """An empty history of a total whose figures are all by unit (an Open SDG indicator
    with every row disaggregated) says so on stderr: "No observations yet." alone read as
    nothing published. The units named are those with a vintage ``history --dim`` lists."""
    from ..catalog import msg
    from ..method.series import as_of_bound
    from .printing import _say

    prefix, bound = indicator + "[", as_of_bound(day, zone) if day else None
    units = sorted(
        {
            o.indicator
            for o in rows
            if o.indicator.startswith(prefix)
            and (wanted is None or o.period == wanted)
            and (bound is None or o.recorded_at <= bound)
        }
    )
    if units:
        _say(msg("cli_history_units_only", id=indicator, count=len(units), example=units[0]))
