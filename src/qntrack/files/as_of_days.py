"""The day typed for ``--as-of`` and ``--since``, and a Python caller's ``as_of``: read as
YYYY-MM-DD, else refused, told what it names (a day written another way, a period, a
moment, a day no calendar has). Kept apart from ``files.workspace``, which re-exports it.
"""

from __future__ import annotations

from datetime import date
from typing import Callable

from ..errors import ArgumentError, ExitCode, InputError, fail

__all__ = ["as_of_day", "zone_of_plan"]


# Words for the day it is, folded (plan.units.fold: no marks, lower case): "today", and
# the Vietnamese "today" and "now" typed with or without their marks.
_TODAY = frozenset({"today", "now", "hom nay", "bay gio"})


def _today_word(text: str) -> bool:
    from ..plan.units import fold

    return fold(text) in _TODAY


def as_of_day(
    value: str | date | None, where: str = "as_of", example: str = "2023-06-28", zone: str | Callable[[], str] = ""
) -> str | None:
    """The day ``value`` names, as YYYY-MM-DD; None for none. ``""`` is no day, as on the
    command line (``--as-of ""``): a notebook's ``as_of=cell.strip()`` of an empty cell was
    read as today's clock, in silence, where ``"  "`` was refused (thirty-fifth session).

    Every way in reads a day so: ``--as-of`` and ``--since`` (``where`` is the option) and
    a caller of ``open_workspace`` or ``reference_day``, whose day is compared as text with
    each figure's recorded_at: "2023-6-28" there kept December's figures, in silence. A
    ``datetime.date`` from a notebook is that day. ``zone``: the plan's ``timezone:`` (or
    how to read it, asked only when a moment was typed), in which a moment is told the day
    it falls on (thirty-ninth session: the day it names in UTC was offered).
    """
    if value is None:
        return None
    if type(value) is date:
        return value.isoformat()
    # A datetime (a pandas Timestamp) is a moment, refused as `--as-of 2025-03-20T10:00` is,
    # with the day it names in the message.
    text = value.strip() if isinstance(value, str) else value.isoformat() if isinstance(value, date) else ""
    try:
        # The shape first: Python also reads 20230628 and 2023-W26-3, which the message and
        # the docs do not offer; one spelling of a day, as everywhere in qntrack.
        if len(text) != 10 or not (text[:4] + text[5:7] + text[8:]).isascii() or text[4] + text[7] != "--":
            raise ValueError(text)
        return date.fromisoformat(text).isoformat()
    except ValueError:
        from ..catalog import msg

        from .days_typed import day_meant, no_such_day

        key, iso, period = day_meant(text)
        if where.lstrip("-") in ("as-of", "as_of") and _today_word(text):
            key = "cli_as_of_today"  # the day today: the option left out says it
        year, month, days = no_such_day(text)
        if month:
            key = "cli_no_such_day" if days else "cli_no_such_month"
        elif year:
            key = "cli_no_such_year"
        local = ""
        if key in ("cli_not_a_date_time", "cli_not_a_date_zoned"):
            key, iso, local = _in_plan_zone(text, key, iso, zone() if callable(zone) else zone)
        if where.lstrip("-") == "since" and key in (
            "cli_not_a_date_time",
            "cli_not_a_date_zoned",
            "cli_not_a_date_plan_zone",
            "cli_not_a_date_plan_zone_edge",
        ):
            key += "_since"  # the figures recorded after the day, not by its end
        from .vocabulary import foreign_digits

        if foreign_digits(text):
            # ２０２４-１２-３１ was "no day of the calendar: ２０２４-１２ has 31 days".
            key = "cli_not_a_date_digits"
        raise fail(
            where,
            # m: the month without its leading zero, as Vietnamese writes it (4/2025, not 04/2025).
            msg(
                key,
                value=value,
                example=example,
                iso=iso,
                period=period,
                utc=period,
                yyyy=year,
                mm=month,
                m=month.lstrip("0"),
                days=days,
                zone=local,
                where=where,
            ),
            ExitCode.USAGE,
            # A Python caller's argument (as_of, since, today) is an ArgumentError, as
            # python-api.md says of history's and rank's as_of; an option stays an
            # InputError (thirty-sixth session, pass D).
            InputError if where.startswith("-") else ArgumentError,
        ) from None


def _in_plan_zone(text: str, key: str, iso: str, zone: str) -> tuple[str, str, str]:
    """A moment typed for a day, under a plan that names its zone: the day it falls on in
    that zone (2023-11-27T00:00:00+07:00 is the 27th in Hanoi, where its UTC day, the
    26th, was offered), a moment without a zone being read in the plan's, as a recorded_at
    is. The message's key, the day, and the zone's name; as given without a zone."""
    from datetime import datetime, timedelta

    from ..method.recorded_days import zone_name, zone_offset

    offset = zone_offset(zone) if zone else None
    if not offset:
        return key, iso, ""
    try:
        moment = datetime.fromisoformat(text.replace(" ", "T", 1))
    except ValueError:
        moment = None  # a moment as Excel or Vietnamese write it: no zone, read in the plan's
    if moment is not None and moment.tzinfo is not None:  # a zone of its own (Z too): where it falls in the plan's
        try:  # its own clock moved by the two offsets' difference: no UTC moment to overflow on the way
            iso = (moment.replace(tzinfo=None) + (offset - (moment.utcoffset() or timedelta(0)))).date().isoformat()
        except OverflowError:
            # Before the first day or after the last in the plan's zone (9999-12-31T23:00:00Z
            # at +14:00): counted on the nearest day there, as recorded_day shows a stored
            # moment; it was told the UTC day "by the end of that day, UTC" (fortieth session).
            iso = (date.max if moment.year > 1 else date.min).isoformat()
            return "cli_not_a_date_plan_zone_edge", iso, zone_name(zone)
    return "cli_not_a_date_plan_zone", iso, zone_name(zone)


def zone_of_plan(targets: object) -> Callable[[], str]:
    """How to read the ``timezone:`` of the plan ``targets`` names, asked only when a moment
    was typed for a day: "" when there is none, or no plan to read (the command says that
    when it opens it)."""

    def read() -> str:
        try:
            from .plan_loading import load_plan
            from .workspace import find_targets

            return load_plan(find_targets(targets)).timezone  # type: ignore[arg-type]
        except Exception:  # noqa: BLE001 - a plan missing or broken: said when the command opens it
            return ""

    return read
