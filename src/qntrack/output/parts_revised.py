"""The months (or quarters) of a sum qntrack added up that revised an earlier figure (issue
17, twenty-second session).

A plan's year to date may be its months added up (``kinds.plan.year_to_date``): the sum
replaced no vintage of its own (its ``revises`` is null), but a month in it may have. The
revision maps every output reads are by stored period, so the sum's parts are looked up
there by the periods its ``source`` lists: the same map on the status cache's warm path as
on a cold run, so the mark reads alike (docs/methodology.md, "Annual plans").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping

from ..kinds.plan import added_up

if TYPE_CHECKING:
    from ..plan.model import Observation

__all__ = ["parts_revised", "parts_revised_json"]


def parts_revised(o: Observation, revised: Mapping[str, float | None] | None) -> list[tuple[str, float]]:
    """Each part of ``o`` (a sum added up, else none) that replaced an earlier figure, as
    its period's text and the value it replaced, in the sum's order. ``revised``: by
    period's text, the value each figure of the series in force replaced (null for a first
    figure and for one recorded after a retraction, which replaced none)."""
    if not added_up(o) or not revised:
        return []
    out = []
    for text in o.source.split(" + "):
        before = revised.get(text.strip())
        if before is not None and before == before:
            out.append((text.strip(), before))
    return out


def parts_revised_json(
    o: Observation, revised: Mapping[str, float | None], whence: Mapping[str, tuple[str, str]] | None = None
) -> dict[str, Any]:
    """``parts_revised`` as JSON adds it after ``revises``: on a figure added up only, a list
    of ``{period, revises, revises_source, revises_recorded_at}`` (empty when no part
    replaced a figure): the last two where the figure replaced came from (``whence``, by
    period's text; issue 17, twenty-fifth session); nothing on a figure published for its
    period (docs/json.md)."""
    if not added_up(o):
        return {}
    from .replaced_from import status_replaced

    came = whence or {}
    return {
        "parts_revised": [
            {
                "period": p,
                "revises": v,
                "revises_source": (came[p][0] or None) if p in came else None,
                "revises_recorded_at": (came[p][1] or None) if p in came else None,
                "revises_status": status_replaced(came.get(p)) or None,  # twenty-seventh session
            }
            for p, v in parts_revised(o, revised)
        ]
    }
