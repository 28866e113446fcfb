"""The Excel report's Figures sheet and a figure withdrawn (issue 17, twentieth session): a
period whose retraction is in force gets a row with no value, its kind "retracted", the
retraction's source and day, and the figure it withdrew in the sheet's last column; a
figure recorded again after a retraction has the figure withdrawn there too. The rule is
``method.withdrawals.withdrawals_of``, which status and show read. After it, where that figure
was published: its vintage's source and recording day (twenty-sixth session), as the
Summary sheet names the figure a latest one revised."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, Sequence

if TYPE_CHECKING:
    from ..method.withdrawals import Withdrawal
    from ..plan.model import Observation
    from .report import ReportData

__all__ = ["withdrawn_rows", "withdrawn_headers", "put_withdrawn"]

Picked = list[tuple[str, Sequence[tuple[str, str]], Sequence["Observation"]]]


def withdrawn_rows(
    picked: Picked, data: ReportData, wanted: Iterable[str]
) -> tuple[Picked, dict[tuple[str, int], Withdrawal]]:
    """``picked`` (indicator, unit, series in force) with each retraction in force among its
    series' rows, and by (series key, period) the withdrawal: for a retraction's row and for
    the figure recorded right after one."""
    from ..method.withdrawals import withdrawals_of
    from ..plan.units import unit_key

    measured = {i for i in wanted if data.plan is None or not data.plan.indicators[i].formula}
    keys = {unit_key(ind, tuple(dims)) for ind, dims, _ in picked if ind in measured}
    found = withdrawals_of(data.observations, keys, data.known_by) if keys else {}
    if not any(found.values()):
        return picked, {}
    value: dict[tuple[str, int], Withdrawal] = {}
    out: Picked = []
    for ind, dims, series in picked:
        gone = found.get(unit_key(ind, tuple(dims)), ())
        added = [w.retraction for w in gone if w.now is None]
        for w in gone:
            value[(w.retraction.indicator, w.retraction.period.sort_key)] = w
        out.append((ind, dims, [*series, *added] if added else series))
    return out, value


def withdrawn_headers(lang: str) -> tuple[str, str, str]:
    """The sheet's last columns: the figure withdrawn, then its source and recording day."""
    from .report_xlsx_book import in_zone, word

    return word("withdrawn", lang), word("withdrawn_source", lang), in_zone(word("withdrawn_recorded_at", lang), lang)


def put_withdrawn(t: Any, w: Withdrawal | None, first: int) -> None:
    """A row's withdrawal ``w`` in the columns from ``first`` on: the value it withdrew, and
    where that figure came from (its source as given, a string cell never run; the day it
    was recorded, a date cell); nothing when ``w`` is None."""
    from ..files.textfiles import as_given
    from .report_xlsx import _timestamp

    if w is None:
        return
    t.put(first, w.value)
    if w.withdrew is not None and w.value is not None:
        t.put(first + 1, as_given(w.withdrew.source))
        t.put(first + 2, _timestamp(w.withdrew.recorded_at))
