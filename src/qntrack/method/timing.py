"""Whether a figure's period and ``recorded_at`` can be true. Pure: ``now`` is passed in.

A figure cannot be published in the future, nor for a period that has not begun (by
today, or by its own ``recorded_at``). A figure published before its period ended can
only be an estimate (the office's first estimate): Vietnamese offices publish whole-year estimates in late
December, and that is what such a figure is by definition. docs/decisions.md, "Files,
timestamps and text in the store", and docs/data-integrity.md state the rule.

Dates are compared by whole days, with one day of grace either way: a clock a little
fast, and a zone ahead of UTC (in Hanoi, 1 January begins at 17:00 UTC on 31 December),
are not mistakes. So a period's last day counts as the day it ended. The days are the
plan's, in its ``timezone:`` (method.recorded_days), as every "recorded" day it shows;
UTC days for a plan that names none (thirty-ninth session, pass Z: a preliminary figure
for 2025-Q2 recorded at 01:00 on 30 June in Hanoi was "recorded 2025-06-29, before
2025-Q2 ended", and one recorded at 22:00 on 29 June at -05:00 passed as of 30 June).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

from ..catalog import Day, Message, msg
from ..plan.model import RETRACTED
from ..plan.periods import Period
from ..plan.units import period_end, period_start

__all__ = [
    "one_second_after",
    "CLOCK_SKEW_DAYS",
    "FUTURE",
    "NOT_BEGUN",
    "BEFORE_END",
    "period_days",
    "timing_kinds",
    "timing_problems",
    "days_of",
    "parse_zone",
    "typed_timing",
]

# The forms of a zone, in English (the messages of parse_zone say it in the user's language).

CLOCK_SKEW_DAYS = 1
FUTURE, NOT_BEGUN, BEFORE_END = "future", "not-begun", "before-end"
_GRACE = timedelta(days=CLOCK_SKEW_DAYS)


def period_days(period: Period) -> tuple[date, date]:
    """The first and last days of ``period`` (plan.units', a unit's dates are read by them)."""
    return period_start(period), period_end(period)


def timing_kinds(start: date, end: date, recorded: date, status: str, today: date) -> tuple[str, ...]:
    """The kinds of timing_problems (FUTURE, NOT_BEGUN, BEFORE_END) for a figure of the
    period from ``start`` to ``end``, recorded on day ``recorded`` with ``status``, judged
    on ``today``. From dates worked out beforehand: ``check`` judges the 30,000 distinct
    (period, moment, status) of a national store by it and puts only the failing ones
    into words (docs/performance.md)."""
    # Differences, not sums: a date near 9999-12-31 plus a day would overflow.
    future = (FUTURE,) if recorded - today > _GRACE else ()
    if start - today > _GRACE or start - recorded > _GRACE:
        return (*future, NOT_BEGUN)
    if recorded < end and status not in ("estimate", RETRACTED):
        # A retraction (qntrack retract) withdraws a figure; it is no figure itself.
        return (*future, BEFORE_END)
    return future


def days_of(recorded_at: str, now: str, zone: str = "") -> tuple[date, date]:
    """The days ``recorded_at`` and ``now`` (stored UTC moments) fall on in ``zone``, a
    plan's ``timezone:`` ("" for UTC): the days the timing rules compare."""
    if not zone:
        return date.fromisoformat(recorded_at[:10]), date.fromisoformat(now[:10])
    from .recorded_days import recorded_day  # a plan that names its zone

    return date.fromisoformat(recorded_day(recorded_at, zone)), date.fromisoformat(recorded_day(now, zone))


def timing_problems(
    period: Period, recorded_at: str, status: str, now: str, zone: str = ""
) -> list[tuple[str, Message]]:
    """(kind, message) for each way this figure's timing cannot be true; [] when it can.

    The message is shown in the user's language; ``str()`` of it is the English text.

    ``recorded_at`` and ``now`` are canonical UTC timestamps (``2024-07-03T02:00:00Z``).
    Kinds: FUTURE (recorded more than a day after ``now``), NOT_BEGUN (the period begins
    more than a day after ``now`` or after ``recorded_at``), BEFORE_END (recorded before
    the period's last day, with a status other than ``estimate``). ``zone``: the plan's
    ``timezone:``, in which the days of ``recorded_at`` and ``now`` are counted ("" for UTC).
    """
    recorded, today = days_of(recorded_at, now, zone)
    start, end = period_days(period)
    found: list[tuple[str, Message]] = []
    for kind in timing_kinds(start, end, recorded, status, today):
        if kind == FUTURE:
            found.append((FUTURE, msg("timing_future", recorded_at=recorded_at, now=now)))
        elif kind == NOT_BEGUN and start - today > _GRACE:
            found.append((NOT_BEGUN, msg("timing_not_begun", period=period, start=Day(start.isoformat()))))
        elif kind == NOT_BEGUN:
            found.append(
                (
                    NOT_BEGUN,
                    msg(
                        "timing_begins_after_recorded",
                        period=period,
                        start=Day(start.isoformat()),
                        recorded_at=recorded_at,
                    ),
                )
            )
        else:
            found.append(
                (
                    BEFORE_END,
                    msg(
                        "timing_before_end",
                        recorded=Day(recorded.isoformat()),
                        period=period,
                        end=Day(end.isoformat()),
                    ),
                )
            )
    return found


def typed_timing(message: Message) -> Message:
    """A timing refusal in the words of the command line: ``--recorded-at`` and ``--status
    estimate``, the options the user typed, rather than the file's recorded_at column. The
    id (``code`` in JSON) stays the rule's (issue 17, twenty-sixth session)."""
    from dataclasses import replace

    if message.id not in ("timing_future", "timing_begins_after_recorded", "timing_before_end"):
        return message  # a period not begun: nothing typed to name
    return replace(message, wording=message.id + "_typed")


# ASCII digits only, as a recorded_at's (rules.recorded_at): Python's \d and int() read
# Arabic-Indic and full-width ones too, and `timezone: +٠٧:٠٠` was taken in silence
# (fortieth session); _zone_meant offers it in ASCII.
_ZONE = re.compile(r"^([+-])(\d{2}):?(\d{2})$", re.ASCII)


def parse_zone(text: str) -> timezone:
    """A fixed UTC offset (``+07:00``, ``+0700``, ``Z``, ``UTC``, ``GMT``) → a tzinfo; ValueError if not one.

    Only offsets, not zone names: a plan's figures are dated where it is made, Vietnam
    has had no daylight saving time since 1975, and an offset needs no time zone database.
    """
    raw = text.strip()
    if raw.upper() in ("Z", "UTC", "GMT", "+00:00", "-00:00"):  # GMT: UTC's zero offset (pass L)
        return timezone.utc
    found = _ZONE.match(raw)
    if found is None:
        raise ValueError(_zone_meant(raw, text))
    sign, hours, minutes = found.groups()
    offset = timedelta(hours=int(hours), minutes=int(minutes))
    if int(minutes) >= 60 or offset > timedelta(hours=14):
        raise ValueError(msg("timing_zone_out_of_range", text=text))
    return timezone(-offset if sign == "-" else offset)


# An offset spelt another way: UTC+7, GMT+07:00, +7 (thirty-third session).
_SPELT = re.compile(r"^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$", re.IGNORECASE)
# The names a computer in Vietnam gives its zone, all UTC+7 (no daylight saving time since
# 1975); Asia/Hanoi is no zone's name, but what an officer in Hanoi may guess.
_VIETNAM = frozenset({"asia/ho_chi_minh", "asia/saigon", "asia/hanoi", "ict", "indochina time"})


def _zone_meant(raw: str, text: str) -> Message:
    """What a zone qntrack does not read is told: the offset an offset spelt otherwise
    means; +07:00 for Vietnam's names; that a zone's name is not read, with what to write.
    "'Asia/Ho_Chi_Minh' is not a time zone" said what is false (thirty-third session)."""
    spelt = _SPELT.match(raw)
    if spelt is not None:
        sign, hours, minutes = spelt.groups()
        if int(minutes or 0) >= 60 or timedelta(hours=int(hours), minutes=int(minutes or 0)) > timedelta(hours=14):
            return msg("timing_zone_out_of_range", text=text)
        return msg("timing_zone_spelt", text=text, offset=f"{sign}{int(hours):02d}:{int(minutes or 0):02d}")
    if raw.lower() in _VIETNAM:
        return msg("timing_zone_name", text=text, offset="+07:00")
    if "/" in raw or raw.isalpha():
        return msg("timing_zone_named", text=text)
    return msg("timing_zone_invalid", text=text)


def one_second_after(stamp: str) -> str | None:
    """The canonical timestamp one second after ``stamp`` (``...Z``); None past 9999.

    The moment ``retract --force`` records a retraction of a vintage dated in the future:
    the earliest that makes the retraction the vintage recorded last, and the mark by
    which ``check`` knows the retraction for what it is (docs/decisions.md, "Retractions").
    """
    try:
        moment = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ") + timedelta(seconds=1)
    except (ValueError, OverflowError):
        return None
    return (
        f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}"
        f"T{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}Z"
    )
