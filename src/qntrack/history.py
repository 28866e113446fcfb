"""Vintages: every figure ever recorded for an indicator and period, newest first.

The rule for which vintage is in force is the one of ``series.in_force``: the latest
``recorded_at`` wins, and on a tie the later line of the file. With ``as_of`` only the
rows recorded by the end of that day (UTC) exist, so the history is the one a reader
would have seen then.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from .model import Observation
from .periods import Period
from .series import as_of_bound

__all__ = ["Vintage", "vintages"]


@dataclass(frozen=True, slots=True)
class Vintage:
    observation: Observation
    in_force: bool
    revises: Observation | None  # the vintage recorded just before it, if any


def vintages(observations: Iterable[Observation], indicator: str, period: Period | None = None,
             as_of: str | None = None) -> list[Vintage]:
    """The vintages of ``indicator`` (for one ``period``, or all), latest period first,
    and within a period the newest vintage first."""
    bound = as_of_bound(as_of) if as_of else None
    groups: dict[Period, list[Observation]] = {}
    for o in observations:
        if o.indicator != indicator or (period is not None and o.period != period):
            continue
        if bound is not None and o.recorded_at > bound:
            continue
        groups.setdefault(o.period, []).append(o)
    out: list[Vintage] = []
    for p in sorted(groups, key=lambda p: p.sort_key, reverse=True):
        rows = sorted(groups[p], key=lambda o: (o.recorded_at, o.line), reverse=True)
        for i, o in enumerate(rows):
            out.append(Vintage(o, i == 0, rows[i + 1] if i + 1 < len(rows) else None))
    return out
