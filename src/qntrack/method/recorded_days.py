"""The day a figure was recorded on, and the last moment of a day, in the plan's zone.

Pure: every moment is the store's text, ``YYYY-MM-DDTHH:MM:SSZ`` in UTC, and a zone is a
plan's ``timezone:`` offset (``+07:00``), the empty text for none (UTC, as before the
thirty-ninth session). A plan that names its zone counts its days there: a figure recorded
at 06:30 on 3 July in Hanoi (23:30 UTC on the 2nd) was recorded on 3 July, is not known
``--as-of 2026-07-02``, and is published after a review of 30 June held on 1 July's
morning (docs/targets-format.md, ``timezone``; docs/decisions.md, "The thirty-ninth
session"). The store still holds UTC, so stores read the same on every machine.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

__all__ = ["LAST_MOMENT", "day_end", "in_zone", "recorded_day", "utc_text", "zone_name", "zone_offset"]

# The latest moment a store can hold (its years have four digits).
LAST_MOMENT = "9999-12-31T23:59:59Z"
_LAST_DAY = date.max.isoformat()


# A plan's zone as the plan's reader took it (+07:00, +0700, Z, UTC, GMT; method.timing's
# parse_zone checked it then), read here without the model that module loads (the status
# cache's cache.keeping._offset reads it so too, for a warm status that loads neither).
_OFFSET = re.compile(r"([+-])(\d\d):?(\d\d)", re.ASCII)  # as parse_zone: ASCII digits


@lru_cache(maxsize=64)
def zone_offset(zone: str) -> timedelta | None:
    """The offset of a plan's ``timezone:`` (zero for none, UTC, Z, GMT); None for a text
    that is no offset, which the plan's reader has refused already."""
    text = zone.strip()
    if not text or text.upper() in ("Z", "UTC", "GMT"):
        return timedelta(0)
    found = _OFFSET.fullmatch(text)
    if found is None:
        return None
    sign, hours, minutes = found.groups()
    offset = timedelta(hours=int(hours), minutes=int(minutes))
    return -offset if sign == "-" else offset


def zone_name(zone: str) -> str:
    """The zone a day ends in, as a notice names it: ``UTC``, or ``UTC+07:00``."""
    offset = zone_offset(zone)
    if not offset:
        return "UTC"
    minutes = int(abs(offset).total_seconds()) // 60
    return f"UTC{'-' if offset < timedelta(0) else '+'}{minutes // 60:02d}:{minutes % 60:02d}"


def utc_text(moment: datetime) -> str:
    """A UTC moment as the store writes it (``files.rules`` writes every ``recorded_at`` so).
    Not strftime: glibc writes year 999 as "999", which no reader (nor
    ``date.fromisoformat``) takes back."""
    return (
        f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}"
        f"T{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}Z"
    )


def day_end(day: str, zone: str = "") -> str:
    """The last ``recorded_at`` that falls on ``day`` (``YYYY-MM-DD``) in ``zone``: every
    moment of that day compares ``<=`` it, as text, and none of the next.

    >>> day_end("2026-07-02", "+07:00")
    '2026-07-02T16:59:59Z'
    >>> day_end("2026-07-02")
    '2026-07-02T23:59:59Z'
    """
    offset = zone_offset(zone)
    if not offset:  # UTC, or no zone
        return f"{day}T23:59:59Z"
    if day == _LAST_DAY:
        # West of UTC the last day ends in year 10000: every moment is before it. East of
        # it the store's last hours (from 9999-12-31T10:00:00Z at +14:00) fall on a day after
        # it there, which no calendar here has: ``recorded_day`` shows them on the last day,
        # so its end counts them (fortieth session: it ended at 09:59:59Z, leaving them out).
        return LAST_MOMENT
    last = datetime.fromisoformat(day).replace(hour=23, minute=59, second=59)
    return utc_text(last - offset)


def in_zone(stamp: str, zone: str = "") -> str:
    """A stored moment written in ``zone``, ISO with its offset: the same instant, its date
    the day it falls on there; as stored without a zone (or one it cannot be written in).

    >>> in_zone("2025-07-02T17:00:00Z", "+07:00")
    '2025-07-03T00:00:00+07:00'
    >>> in_zone("2025-07-02T17:00:00Z")
    '2025-07-02T17:00:00Z'
    """
    offset = zone_offset(zone)
    if not offset or len(stamp) != 20:
        return stamp
    try:
        moment = datetime.fromisoformat(stamp[:19]) + offset
    except (ValueError, OverflowError):
        return stamp
    return moment.isoformat() + zone_name(zone).removeprefix("UTC")  # UTC+07:00: +07:00


def recorded_day(stamp: str, zone: str = "") -> str:
    """The day (``YYYY-MM-DD``) a stored ``recorded_at`` falls on in ``zone``.

    >>> recorded_day("2026-07-02T23:30:00Z", "+07:00")
    '2026-07-03'
    >>> recorded_day("2026-07-02T23:30:00Z")
    '2026-07-02'
    """
    offset = zone_offset(zone)
    if not offset or len(stamp) < 19:
        return stamp[:10]
    try:
        moment = datetime.fromisoformat(stamp[:19]) + offset
    except OverflowError:  # the zone's day after 31 December 9999, which no calendar here has
        return date.max.isoformat() if offset > timedelta(0) else date.min.isoformat()
    except ValueError:
        return stamp[:10]
    return moment.date().isoformat()
