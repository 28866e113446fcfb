"""Whether a figure's period and ``recorded_at`` can be true. Pure: ``now`` is passed in.

A figure cannot be published in the future, nor for a period that has not begun (by
today, or by its own ``recorded_at``). A figure published before its period ended can
only be an estimate (ước tính): Vietnamese offices publish whole-year estimates in late
December, and that is what such a figure is by definition. docs/decisions.md, "Files,
timestamps and text in the store", and docs/data-integrity.md state the rule.

Dates are compared by whole UTC days, with one day of grace either way: a clock a little
fast, and a zone ahead of UTC (in Hà Nội, 1 January begins at 17:00 UTC on 31 December),
are not mistakes. So a period's last day counts as the day it ended.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta, timezone

from .model import RETRACTED
from .periods import Period

__all__ = ["CLOCK_SKEW_DAYS", "FUTURE", "NOT_BEGUN", "BEFORE_END", "timing_problems", "parse_zone", "ZONE_FORMS"]

ZONE_FORMS = "write a UTC offset such as +07:00 (Việt Nam), -05:00 or Z for UTC"

CLOCK_SKEW_DAYS = 1
FUTURE, NOT_BEGUN, BEFORE_END = "future", "not-begun", "before-end"
_GRACE = timedelta(days=CLOCK_SKEW_DAYS)


def _first_day(period: Period) -> date:
    return date(period.year, period.first, 1)


def _last_day(period: Period) -> date:
    return date(period.year, period.last, calendar.monthrange(period.year, period.last)[1])


def timing_problems(period: Period, recorded_at: str, status: str, now: str) -> list[tuple[str, str]]:
    """(kind, message) for each way this figure's timing cannot be true; [] when it can.

    ``recorded_at`` and ``now`` are canonical UTC timestamps (``2024-07-03T02:00:00Z``).
    Kinds: FUTURE (recorded more than a day after ``now``), NOT_BEGUN (the period begins
    more than a day after ``now`` or after ``recorded_at``), BEFORE_END (recorded before
    the period's last day, with a status other than ``estimate``).
    """
    found: list[tuple[str, str]] = []
    recorded = date.fromisoformat(recorded_at[:10])
    today = date.fromisoformat(now[:10])
    # Differences, not sums: a date near 9999-12-31 plus a day would overflow.
    if recorded - today > _GRACE:
        found.append((FUTURE, f"recorded_at {recorded_at} is in the future (now: {now}); check the year"))
    start = _first_day(period)
    if start - today > _GRACE:
        found.append((NOT_BEGUN, f"period {period} has not begun (it begins {start.isoformat()}); "
                                 "a figure cannot exist before its period"))
    elif start - recorded > _GRACE:
        found.append((NOT_BEGUN, f"period {period} begins {start.isoformat()}, after the figure was recorded "
                                 f"({recorded_at}); fix the period or recorded_at"))
    elif recorded < _last_day(period) and status not in ("estimate", RETRACTED):
        # A retraction (qntrack retract) withdraws a figure; it is no figure itself.
        found.append((BEFORE_END, f"recorded {recorded.isoformat()}, before period {period} ended "
                                  f"({_last_day(period).isoformat()}), so it can only be an estimate: mark it "
                                  "with status estimate, or fix recorded_at"))
    return found


_ZONE = re.compile(r"^([+-])(\d{2}):?(\d{2})$")


def parse_zone(text: str) -> timezone:
    """A fixed UTC offset (``+07:00``, ``+0700``, ``Z``, ``UTC``) → a tzinfo; ValueError if not one.

    Only offsets, not zone names: a plan's figures are dated where it is made, Việt Nam
    has had no daylight saving time since 1975, and an offset needs no time zone database.
    """
    raw = text.strip()
    if raw.upper() in ("Z", "UTC", "+00:00", "-00:00"):
        return timezone.utc
    found = _ZONE.match(raw)
    if found is None:
        raise ValueError(f"'{text}' is not a time zone; {ZONE_FORMS}")
    sign, hours, minutes = found.groups()
    offset = timedelta(hours=int(hours), minutes=int(minutes))
    if int(minutes) >= 60 or offset > timedelta(hours=14):
        raise ValueError(f"'{text}' is not a time zone (offsets run from -14:00 to +14:00); {ZONE_FORMS}")
    return timezone(-offset if sign == "-" else offset)
