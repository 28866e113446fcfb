"""Where a figure replaced came from, in a revised figure's legend line (issue 17,
twenty-fifth session).

The legend under the status table and in the reports said the figure replaced and the
figure in force, "GRDP growth 2023: 11.02 % y/y → 11.03 % y/y (estimate, recorded
2023-11-27; source: …)", with where the figure in force came from only: a story citing
the revision must name both publications, and an officer must see which report the old
figure was in. The line now goes on ", replacing 11.02 % y/y (recorded 2023-11-24;
source: …)", in the words and date form of the first half, so the two read alike.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping

from ..files.textfiles import as_given
from .i18n import date_text, kind_text, label

if TYPE_CHECKING:
    from ..plan.model import Observation

__all__ = [
    "Whence",
    "Came",
    "came",
    "with_replaced",
    "said_of",
    "status_replaced",
    "in_force_of",
    "with_status_replaced",
    "with_whence",
]

# What is known of the vintage a figure in force replaced: its source, recorded_at and
# status (the status since the twenty-seventh session: a status-only revision says which
# it replaced), then, where known, the figure in force's value, status, source and
# recorded_at (a month revised inside a sum says the month's figure in force, which the
# sum's legend line has no other way to know). Plain tuples: the status cache keeps them
# (marshal), and ``[0]``, ``[1]`` stay the source and recorded_at every reader takes.
Came = tuple[Any, ...]

# By period's text, ``Came`` of the vintage each figure of a series in force replaced
# (output.formats.Whence, one series').
Whence = Mapping[str, Came]


def came(replaced: Observation, now: Observation | None = None) -> Came:
    """``Came`` of ``replaced``, the vintage a figure in force took the place of, and of
    ``now``, that figure in force (None: not known here)."""
    was = (replaced.source, replaced.recorded_at, replaced.status)
    return was if now is None else (*was, now.value, now.status, now.source, now.recorded_at)


def status_replaced(was: Came | None) -> str | None:
    """The status of the vintage replaced (``""``: none stated), or None when not known."""
    return was[2] if was is not None and len(was) > 2 else None


def with_whence(out: dict[str, Any], period: str, whence: Whence | None) -> dict[str, Any]:
    """``out`` with ``revises_source`` and ``revises_recorded_at`` last: where the figure
    ``revises`` names came from, both null when it replaced none (issue 17, twenty-fifth
    session; moved here from output.formats in the twenty-seventh)."""
    was = (whence or {}).get(period) if out.get("revises") is not None else None
    out["revises_source"] = (was[0] or None) if was else None
    out["revises_recorded_at"] = (was[1] or None) if was else None
    return out


def with_status_replaced(out: dict[str, Any], period: str, whence: Whence | None) -> dict[str, Any]:
    """``out``, a figure's JSON object (``latest``, ``provisional``, ``judged_on``), with
    ``revises_status`` last: the status of the vintage its ``revises`` names (``estimate``
    for an estimate confirmed as official), null when it replaced none or none was stated
    (issue 17, twenty-seventh session)."""
    status = status_replaced((whence or {}).get(period)) if out.get("revises") is not None else None
    out["revises_status"] = status or None
    return out


def in_force_of(was: Came | None) -> tuple[float, str, str, str] | None:
    """The figure in force's value, status, source and recorded_at, or None when not known."""
    if was is None or len(was) < 7:
        return None
    return (was[3], was[4], was[5], was[6])


def said_of(source: str, recorded_at: str, lang: str) -> str:
    """ "recorded 2023-11-24; source: …" (the date in ``lang``'s form), as the legend says
    it of the figure in force; "no source recorded" for a figure given none."""
    said = [label("note_recorded", lang).format(date_text(recorded_at, lang))] if recorded_at else []
    source = as_given(source)  # as typed: the store's guard against spreadsheet formulas taken off
    said.append(label("note_source", lang).format(source) if source else label("note_no_source", lang))
    return "; ".join(said)


def with_replaced(note: str, before: str, period: str, whence: Whence | None, lang: str, part: bool = False) -> str:
    """``note``, the legend line of a figure of ``period`` that replaced ``before`` (written
    as the line writes it), followed by where ``before`` came from when ``whence`` knows:
    ", replacing 11.02 % y/y (recorded 2023-11-24; source: …)"; for a part of a sum
    (``part``), whose line already says the figure replaced, "; the figure replaced: recorded
    …" (the figure said once: "30 billion USD: recorded …" read as a second figure)."""
    was = (whence or {}).get(period)
    if was is None:
        return note
    said = said_of(was[0], was[1], lang)
    if part:  # the part's status replaced, when the one in force has another (twenty-seventh session)
        status, now = status_replaced(was), in_force_of(was)
        if status is not None and now is not None and status != now[1]:
            said = f"{kind_text(status, lang)}, {said}"
    key = "note_part_replaced" if part else "note_replaced"
    return label(key, lang).format(note=note, before=before, said=said)
