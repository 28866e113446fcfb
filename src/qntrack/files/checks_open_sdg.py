"""``check``'s ``open-sdg-status``: an indicator whose Open SDG status was set by hand
(targets.yaml's ``open_sdg: {progress_status: ...}``) that targets judge too. ``export
opensdg`` writes the status of the targets in its place (docs/formats.md, "Open SDG:
export"), so the status set by hand would be lost without a word; ``export opensdg``
says the same warning (thirty-seventh session, pass J). A rule of the plan alone."""

from __future__ import annotations

from collections.abc import Mapping

from ..catalog import msg
from ..plan.model import Plan, Problem
from .opensdg_status import PROGRESS_SUFFIX  # an indicator's Progress companion, x_progress

__all__ = ["hand_set_problems"]

_SHOWN = 5  # the targets named in a warning; the rest counted


def hand_set_problems(plan: Plan, written: Mapping[str, str] | None = None) -> list[Problem]:
    """One warning at each indicator with a status set by hand and a target on it or on
    its Progress companion, naming the indicator, the status and the targets; with
    ``written`` (an export's: indicator id -> the setting it wrote), what was written."""
    out: list[Problem] = []
    for ind in plan.indicators.values():
        if not ind.open_sdg_status or ind.formula:  # a derived indicator is not exported
            continue
        ids = {ind.id}
        companion = plan.indicators.get(ind.id + PROGRESS_SUFFIX)
        if companion is not None and not companion.formula:
            ids.add(companion.id)
        judging = [t.id for t in plan.targets if t.indicator in ids]
        if not judging:
            continue
        shown = ", ".join(f"'{t}'" for t in judging[:_SHOWN]) + (", ..." if len(judging) > _SHOWN else "")
        words = {"indicator": ind.id, "status": ind.open_sdg_status, "count": len(judging), "targets": shown}
        if written is not None and ind.id in written:
            said = msg("checks_open_sdg_hand_set_written", written=written[ind.id], **words)
        else:
            said = msg("checks_open_sdg_hand_set", **words)
        out.append(Problem(ind.location, said, "warning", "open-sdg-status"))
    return out
