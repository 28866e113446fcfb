"""The Excel report's Figures sheet and a figure withdrawn (issue 17, twentieth session): a
period whose retraction is in force gets a row with no value, its kind "retracted", the
retraction's source and day, and the figure it withdrew in the sheet's last column; a
figure recorded again after a retraction has the figure withdrawn there too. The rule is
``method.history.withdrawals_of``, which status and show read."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Sequence

if TYPE_CHECKING:
    from ..plan.model import Observation
    from .report import ReportData

__all__ = ["withdrawn_rows"]

Picked = list[tuple[str, Sequence[tuple[str, str]], Sequence["Observation"]]]


def withdrawn_rows(
    picked: Picked, data: ReportData, wanted: Iterable[str]
) -> tuple[Picked, dict[tuple[str, int], float | None]]:
    """``picked`` (indicator, unit, series in force) with each retraction in force among its
    series' rows, and by (series key, period) the figure withdrawn: for a retraction's row
    and for the figure recorded right after one."""
    from ..method.history import withdrawals_of
    from ..plan.units import unit_key

    measured = {i for i in wanted if data.plan is None or not data.plan.indicators[i].formula}
    keys = {unit_key(ind, tuple(dims)) for ind, dims, _ in picked if ind in measured}
    found = withdrawals_of(data.observations, keys, data.as_of) if keys else {}
    if not any(found.values()):
        return picked, {}
    value: dict[tuple[str, int], float | None] = {}
    out: Picked = []
    for ind, dims, series in picked:
        gone = found.get(unit_key(ind, tuple(dims)), ())
        added = [w.retraction for w in gone if w.now is None]
        for w in gone:
            value[(w.retraction.indicator, w.retraction.period.sort_key)] = w.value
        out.append((ind, dims, [*series, *added] if added else series))
    return out, value
