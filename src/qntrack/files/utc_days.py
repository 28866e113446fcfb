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
    candidates: Sequence[tuple[Location, dict[str, str]]], wheres: Sequence[Location], rows: Sequence[Observation]
) -> list[Problem]:
    """One warning when some of ``rows`` (validated from ``candidates``, each at its place
    in ``wheres``) were typed with a day that is not the UTC day stored; [] otherwise."""
    from ..catalog import Day, Moment, msg
    from ..plan.model import Problem

    stored = {where: o.recorded_at for where, o in zip(wheres, rows, strict=True)}
    count, first = 0, None
    for where, fields in candidates:
        typed = (fields.get("recorded_at") or "").strip()
        at = stored.get(where)
        if at is None or not _DAY.match(typed) or typed[:10] == at[:10]:
            continue
        count += 1
        if first is None:
            first = (where, typed, at)
    if first is None:
        return []
    where, typed, at = first
    day = at[:10]
    note = msg("import_recorded_other_day", count=count, typed=typed, stored=Moment(at), day=day, shown=Day(day))
    return [Problem(where, note, "warning")]
