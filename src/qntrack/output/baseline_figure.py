"""A target's baseline where it is a figure of the store (``baseline: 2021``, or none
stated: the first year's figure; an Open SDG option's base year): what that figure
replaced, said as the latest figure's is (issue 17, thirty-second session).

Revised since, such a baseline moved P with the latest figure unchanged, and nothing said
why: the JSON's ``baseline`` was ``{period, value}`` alone and ``show``'s Baseline line had
no mark. A baseline the plan states (``baseline: {period: 2020, value: 9.8}``) is the
plan's figure, not the store's, and replaced nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping, Sequence

if TYPE_CHECKING:
    from ..method.assessment import Assessment
    from ..plan.model import Observation
    from ..plan.units import Dimension

__all__ = ["baseline_dict", "baseline_marked", "baseline_row", "observed"]


def observed(a: Assessment) -> bool:
    """Whether ``a``'s baseline is a figure read from the store, not one the plan states."""
    stated = getattr(a.target, "baseline", None)
    return a.baseline is not None and (stated is None or stated.value is None)


def baseline_dict(
    a: Assessment, mine: Mapping[str, float | None], mine_from: Mapping[str, tuple[str, str]] | None = None
) -> dict[str, Any] | None:
    """The JSON's ``baseline``: ``{period, value}``, then, appended, ``revises`` (the value
    its figure replaced, null for a first figure and for a baseline the plan states),
    ``revises_source``, ``revises_recorded_at`` and ``revises_status``, as ``latest``'s."""
    from .replaced_from import with_status_replaced, with_whence

    if a.baseline is None:
        return None
    period = str(a.baseline.period)
    mine_from = mine_from if observed(a) else None
    out = {"period": period, "value": a.baseline.value, "revises": mine.get(period) if observed(a) else None}
    return with_status_replaced(with_whence(out, period, mine_from), period, mine_from)


def baseline_row(a: Assessment, rows: Sequence[Observation]) -> Observation | None:
    """The figure in force a baseline read from the store is (``rows``: the target's in
    force, as ``show`` has them), to mark as the latest figure is; None for a baseline the
    plan states, or one not among ``rows``."""
    if a.baseline is None or not observed(a):
        return None
    return next((o for o in rows if o.period == a.baseline.period and o.value == a.baseline.value), None)


def baseline_marked(
    a: Assessment,
    rows: Sequence[Observation],
    lang: str,
    revised: Mapping[str, float | None] | None,
    whence: Mapping[str, tuple] | None,
    marks: dict[str, int],
    when: str,
    dimensions: Mapping[str, Dimension] | None = None,
    period: str | None = None,
) -> str:
    """The baseline as ``show``'s facts and the report's Figures table write it, "6%[1]
    (2021)" where it is a figure of the store that revised one, its legend line numbered
    in ``marks`` (revision_marks.figure_marked); ``when``: its period as the caller writes
    periods ("2021" in show, in words in a report); ``period``: as the note writes it
    (summary.revision_note's; a report's tables give their ``when``)."""
    from .i18n import typed_value
    from .legend_names import series_name
    from .revision_marks import figure_marked
    from .views.plan import figure_decimals

    if a.baseline is None:
        return ""
    unit, o = a.indicator.unit_in(lang), baseline_row(a, rows)
    if o is None:
        return f"{typed_value(a.baseline.value, unit, lang)} ({when})"
    name = series_name(a.indicator, a.target.series_key, lang, dimensions)
    shown = figure_marked(o, name, revised, unit, lang, marks, figure_decimals(a, o), whence=whence, period=period)
    return f"{shown} ({when})"
