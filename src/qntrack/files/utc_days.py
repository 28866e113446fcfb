"""A batch's moments typed in another zone that fall on the UTC day before (or after) the
day typed, said once for the batch (issue 17, twenty-fourth session).

Every day qntrack counts a figure on (``--as-of``, the "recorded" days of tables and
reports) is its UTC day: 06:00 on 16 July in Hanoi (+07:00) is 23:00 UTC on the 15th. A
single figure and ``retract`` say it in their confirmation (cli.recorded.say_utc_day); an
import of a hundred such rows says it in one warning, at the first row's line, with how
many rows and the moment stored, never one line a row."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..plan.model import Location, Observation, Problem

__all__ = ["other_day_note"]

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def other_day_note(
    candidates: Sequence[tuple[Location, dict[str, str]]],
    wheres: Sequence[Location],
    rows: Sequence[Observation],
    zone: str = "",
    stamped: str | None = None,
) -> list[Problem]:
    """One warning when some of ``rows`` (validated from ``candidates``, each at its place
    in ``wheres``) were typed with a day that is not the day stored, in ``zone`` (the
    plan's ``timezone:``; UTC without one); [] otherwise. ``stamped``: the clock's moment
    the rows given none took, which no one typed (forty-third session: an import run
    from 17:00 UTC for a plan in +07:00 was told its own stamp was "not the day typed")."""
    from ..catalog import Day, Moment, msg
    from ..method.recorded_days import recorded_day, zone_name
    from ..plan.model import Problem

    stored = {where: o.recorded_at for where, o in zip(wheres, rows, strict=True)}
    count, first = 0, None
    for where, fields in candidates:
        typed = (fields.get("recorded_at") or "").strip()
        at = stored.get(where)
        if at is None or typed == stamped or not _DAY.match(typed) or typed[:10] == recorded_day(at, zone):
            continue
        count += 1
        if first is None:
            first = (where, typed, at)
    if first is None:
        return []
    where, typed, at = first
    day, said = recorded_day(at, zone), {"zone": zone_name(zone)} if zone else {}
    key = "import_recorded_zone_day" if zone else "import_recorded_other_day"
    note = msg(key, count=count, typed=typed, stored=Moment(at), day=day, shown=Day(day), **said)
    return [Problem(where, note, "warning")]
