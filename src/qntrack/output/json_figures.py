"""The JSON contract's figures (docs/json.md): an observation, a figure with the value it
revised and where that came from, a milestone as judged, a figure withdrawn. Apart from
formats, which writes a target's item and the document around it, so that a status
served warm from the cache, which writes neither, never loads them."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any, Mapping

if TYPE_CHECKING:  # annotations only: a status served by the cache needs no assessment
    from ..method.assessment import Assessment, MilestoneResult
    from ..plan.model import Observation
    from ..plan.periods import Period


def observation_dict(o: Observation, indicator: bool = True, note: bool = True) -> dict[str, Any]:
    """An observation in the JSON contract (docs/json.md), the one way every output writes
    it: ``{indicator, period, value, status, source, note, recorded_at}``, without the
    indicator where the document names it once, without the note inside an assessment.
    A retraction has no value: the store reads it as NaN, written null."""
    out: dict[str, Any] = {}
    if indicator:
        # A unit's figure (issue 14) names its indicator and, in "dims", its unit; the
        # store's key (grdp_growth[locality=...]) is never a JSON indicator id.
        base, dims = _unit_of(o.indicator)
        out["indicator"] = base
        out["dims"] = dims
    out["period"] = o.period.text
    out["value"] = None if o.value != o.value else o.value
    out["status"] = o.status or None
    out["source"] = o.source or None
    if note:
        out["note"] = o.note or None
    out["recorded_at"] = o.recorded_at or None
    return out


def _unit_of(key: str) -> tuple[str, dict[str, str]]:
    if "[" not in key:
        return key, {}
    base, dims = _split_unit(key)
    return base, dict(dims)  # each row its own dict: a caller may edit one


@lru_cache(maxsize=1 << 14)
def _split_unit(key: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    # Remembered, so that the import below runs once per distinct key, not once per row:
    # it took 4 s of a 970,000-row `observations --format json` (issue 17). Imported here
    # rather than at the top: a status served by the cache never needs plan.units.
    from ..plan.units import split_key

    split = split_key(key)
    return (key, ()) if split is None else (split[0], split[1])


def figure_dict(
    o: Observation | None,
    mine: Mapping[str, float | None],
    mine_from: Mapping[str, tuple[str, str]] | None = None,
) -> dict[str, Any] | None:
    """``latest``, ``provisional``: an observation with ``revises`` (issue 17, 18th session),
    ``parts_revised`` on a sum, then ``revises_source``, ``revises_recorded_at`` (from
    ``mine_from``, the series' ``Whence``; 25th session), ``revises_status`` (27th) and the
    figure's ``note`` (46th: a story citing the figure needs its caveat, as show gives it)."""
    if o is None:
        return None
    from .parts_revised import parts_revised_json
    from .replaced_from import with_status_replaced, with_whence

    out = {**observation_dict(o, indicator=False, note=False), "revises": mine.get(o.period.text)}
    out = with_whence({**out, **parts_revised_json(o, mine, mine_from)}, o.period.text, mine_from)
    out = with_status_replaced(out, o.period.text, mine_from)  # revises_status (27th session)
    out["note"] = o.note or None  # last (46th session)
    return out


def _details(
    details: dict[str, Any], mine: Mapping[str, float | None], mine_from: Mapping[str, tuple[str, str]] | None = None
) -> dict[str, Any]:
    """``details``, each of its ``periods`` with ``revises``, the value it replaced, then
    where that came from and its status (``with_whence``, ``with_status_replaced``)."""
    from .replaced_from import with_status_replaced, with_whence

    periods = details.get("periods")
    if not isinstance(periods, list):
        return details
    come = [with_whence({**p, "revises": mine.get(p["period"])}, p["period"], mine_from) for p in periods]
    return {**details, "periods": [with_status_replaced(p, p["period"], mine_from) for p in come]}


def _period(p: Period | None) -> str | None:
    return str(p) if p is not None else None


def _milestone(
    m: MilestoneResult, mine: Mapping[str, float | None], mine_from: Mapping[str, tuple[str, str]] | None
) -> dict[str, Any]:
    return {
        "by": str(m.by),
        "value": m.value,
        "due": m.due,
        "status": m.status.value,
        "score": m.score,
        "progress_value": m.progress_value,
        "gap": m.gap,
        "required_rate": m.required_rate,
        "trajectory": m.trajectory,
        "deviation": m.deviation,
        "required_rate_from_latest": m.required_rate_from_latest,
        "projected": m.projected,
        "reached_in": _period(m.reached_in),
        "never_reached": m.never_reached,
        "judged_on": figure_dict(m.judged_on, mine, mine_from),
        "reached_in_is_projection": m.reached_is_projection,
        "method": m.method,
        "required_change": m.required_change,
        "achieved_change": m.achieved_change,
        "required_change_from_latest": m.required_change_from_latest,
        "reason": m.reason,
        "awaiting_figure": m.awaiting_figure,
    }


def milestone_list(
    a: Assessment, mine: Mapping[str, float | None], mine_from: Mapping[str, tuple[str, str]] | None = None
) -> list[dict[str, Any]]:
    """``milestones`` (docs/json.md): those the target (or a unit: an ended unit's, those due
    while it existed) was judged on, each as ``_milestone`` writes it."""
    return [_milestone(m, mine, mine_from) for m in a.milestones]


def withdrawn_list(a: Assessment) -> list[dict[str, Any]]:
    """``withdrawn`` (docs/json.md): each figure of the target's periods withdrawn by the
    day (``Assessment.withdrawn``): the period, the value withdrawn, the retraction's day,
    source and note, and the figure recorded after it and in force (null while none is)."""
    return [
        {
            "period": w.retraction.period.text,
            "value": w.value,
            "recorded_at": w.retraction.recorded_at or None,
            "source": w.retraction.source or None,
            "note": w.retraction.note or None,
            "in_force": None if w.now is None else w.now.value,
            # Added last in issue 17, twenty-sixth session: where the figure withdrawn came
            # from (null when the retraction withdrew none).
            "value_source": None if w.withdrew is None else w.withdrew.source or None,
            "value_recorded_at": None if w.withdrew is None else w.withdrew.recorded_at or None,
        }
        for w in a.withdrawn
    ]
