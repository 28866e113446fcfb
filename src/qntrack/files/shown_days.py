"""The zone in which the days figures were recorded on are shown: the plan's.

A plan that names its ``timezone:`` counts its days there (method.recorded_days): the
"recorded" day of a table, a report or a confirmation is the day in that zone, as
``--as-of`` is (thirty-ninth session). The tables and reports that write such a day are
many and deep (a footnote of the status table, a sentence of the report); the plan is
read once a command (``plan_loading.load_plan`` says its zone here), and a Python
caller's ``write_report`` says the zone of the report's plan for the time it writes.
Without a zone, the UTC day, as before. The store itself always holds UTC.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterator

__all__ = ["days_in", "show_days_in", "shown_day", "shown_zone", "stored_moment"]

_ZONE: ContextVar[str] = ContextVar("qntrack_days_zone", default="")


def show_days_in(zone: str) -> None:
    """From now on (this command), days are shown in ``zone``, a plan's ``timezone:``."""
    _ZONE.set(zone or "")


@contextmanager
def days_in(zone: str) -> Iterator[None]:
    """Days shown in ``zone`` for the time of the ``with`` block, then as before."""
    token = _ZONE.set(zone or "")
    try:
        yield
    finally:
        _ZONE.reset(token)


def shown_zone() -> str:
    """The zone days are shown in now ("" for UTC)."""
    return _ZONE.get()


def shown_day(stamp: str) -> str:
    """The day (YYYY-MM-DD) a stored ``recorded_at`` is shown as: its day in the zone."""
    zone = _ZONE.get()
    if not zone:
        return stamp[:10]
    from ..method.recorded_days import recorded_day

    return recorded_day(stamp, zone)


def stored_moment(text: str) -> str:
    """A store's ``recorded_at`` as read (files.rules.recorded_at: ISO 8601 to the second, in
    UTC), in the plan whose days are shown: a bare date there (``2025-07-16``) is, as the same
    date typed at entry is stored, midnight UTC, or the zone's own midnight west of
    Greenwich (``2025-07-16T05:00:00Z`` at ``-05:00``), its day the one written in both
    calendars. It was midnight UTC in every plan: 19:00 on the day before in a zone five
    hours west, so ``--as-of 2025-07-15`` counted a figure written as published on the 16th
    (issue 17, forty-third session). A store read with no plan said is read in UTC."""
    from .rules import recorded_at

    stamp = recorded_at(text)
    zone, raw = _ZONE.get(), text.strip()
    if zone and len(raw) == 10 and stamp.endswith("T00:00:00Z"):  # a date alone, YYYY-MM-DD
        from ..method.timing import parse_zone

        return recorded_at(raw, parse_zone(zone))
    return stamp
