"""``add-observation --force`` after a future-dated vintage: a row given no recorded_at is
stamped one second after the vintage recorded last for its period, so that it can be in
force (moved out of recording.py, which had reached the 500-line limit)."""

from __future__ import annotations

from typing import Sequence

from ..catalog import msg
from ..plan.model import Location, Observation, Problem

__all__ = ["after_future"]


def after_future(
    rows: list[Observation], wheres: list[Location], stored: Sequence[Observation], undated: str, now: str
) -> list[Problem]:
    """With --force: a row given no recorded_at, for a period whose vintage recorded last
    (figure or retraction) is dated after now (a hand-edited future date, or the mark of
    ``retract --force``), is stamped one second after it, as ``retract --force`` stamps a
    retraction (timing.one_second_after): dated now it could never be in force. ``rows``
    is updated in place; one warning per row moved says so (docs/decisions.md)."""
    from ..method.timing import one_second_after

    said: list[Problem] = []
    if not any(o.recorded_at == undated for o in rows):
        return said
    # One pass over the stored rows, the future-dated ones only (a hand edit: few).
    latest: dict[tuple, Observation] = {}
    for s in stored:
        if s.recorded_at > now:
            key = (s.indicator, s.period.sort_key)
            last = latest.get(key)
            if last is None or (s.recorded_at, s.line) >= (last.recorded_at, last.line):
                latest[key] = s
    for i, o in enumerate(rows):
        latest_row = latest.get((o.indicator, o.period.sort_key)) if o.recorded_at == undated else None
        if latest_row is None:
            continue
        stamp = one_second_after(latest_row.recorded_at)
        if stamp is None:  # 9999-12-31T23:59:59Z: no later moment; left before it, and said so
            continue
        rows[i] = o._replace(recorded_at=stamp)
        said.append(
            Problem(
                wheres[i],
                msg(
                    "recording_forced_after_future",
                    indicator=o.indicator,
                    period=o.period,
                    at=stamp,
                    line=latest_row.line,
                    later_at=latest_row.recorded_at,
                ),
                severity="warning",
                check="timing",
            )
        )
    return said
