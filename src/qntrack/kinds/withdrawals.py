"""The figures withdrawn that a target's numbers touch, set on its assessment (and each unit
of its breakdown): a retraction in force in one of the target's own periods (its latest
period's figure withdrawn, so an earlier one is used), or the retraction the figure in force
was recorded right after. Found by ``method.withdrawals.withdrawals_of``, the rule show and the
report use too; said by the status table, its JSON and CSV, ``status --by`` and ``rank``
(issue 17, twentieth session).

Pure: the store's rows are given, nothing is read.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable, Mapping, Sequence

from ..method.assessment import Assessment
from ..method.withdrawals import Withdrawal, withdrawals_of
from ..plan.model import Observation
from ..plan.periods import Period

__all__ = ["withdrawal_keys", "with_withdrawals", "withdrawals_in", "set_withdrawals"]


def withdrawal_keys(assessments: Iterable[Assessment]) -> set[str]:
    """The series the assessments show: each target's, each unit's of its breakdown; not a
    derived indicator's (its figures are computed, never withdrawn)."""
    from ..plan.units import unit_key

    keys: set[str] = set()
    for a in assessments:
        if a.indicator.formula:
            continue
        keys.add(a.target.series_key)
        keys.update(unit_key(a.indicator.id, u.dims) for u in a.breakdown)
    return keys


def withdrawals_in(a: Assessment, found: Sequence[Withdrawal]) -> tuple[Withdrawal, ...]:
    """Those of ``found`` in the target's own periods (``kinds.relevant_rows``), as show and
    the report list a retraction in force (output.report_withdrawn.withdrawn_in)."""
    if not found:
        return ()
    from . import relevant_rows

    kept = {id(o) for o in relevant_rows(a.target, [w.retraction for w in found])}
    return tuple(w for w in found if id(w.retraction) in kept and _touches(a, w))


def _touches(a: Assessment, w: Withdrawal) -> bool:
    """Whether the period withdrawn is one the target judges (a year; a span's own length,
    ``kinds.span.in_span``), or a shorter one a year-to-date reading shown after the latest
    judged figure may come from (``provisional_after``). A quarter withdrawn before a full
    year's figure gave none of it: "11.89[1] (2025)" for 2025-Q3 read as if it had
    (review of the twentieth session)."""
    from ..plan.model import PlanTarget, SpanTarget

    period = w.retraction.period
    if isinstance(a.target, PlanTarget) and not _inside(period, a.target.period):
        # The year before a plan's, which a plan lists for its comparison: it touches the
        # reading compared with it alone, the full figure's or a part-year's same span last
        # year. 2025's withdrawal was pinned on 2026-01's 100 (issue 17, forty-fourth
        # session, helper H).
        read = [f.period.same_span_previous_year() for f in (a.latest, a.provisional) if f is not None]
        return period in read
    judged = a.target.start.months if isinstance(a.target, SpanTarget) else 12
    if period.months >= judged:
        return True
    latest = a.latest
    return latest is None or (period.year, period.first) > (latest.period.year, latest.period.last)


def with_withdrawals(
    assessments: Sequence[Assessment], observations: Iterable[Observation], as_of: str | None = None
) -> list[Assessment]:
    """The assessments, each with ``withdrawn`` set (and each unit's), by ``as_of``."""
    keys = withdrawal_keys(assessments)
    if not keys:
        return list(assessments)
    found = withdrawals_of(observations, keys, as_of)
    if not any(found.values()):
        return list(assessments)
    return [set_withdrawals(a, found) for a in assessments]


def set_withdrawals(a: Assessment, found: Mapping[str, Sequence[Withdrawal]]) -> Assessment:
    """``a`` with ``withdrawn`` set from ``found`` (by series key), and each unit's."""
    if a.indicator.formula:
        return a
    from ..plan.units import unit_key

    # replace(), not a new UnitAssessment: a unit keeps its other fields (without_figure).
    units = tuple(
        replace(
            u,
            assessment=replace(
                u.assessment, withdrawn=withdrawals_in(u.assessment, found.get(unit_key(a.indicator.id, u.dims), ()))
            ),
        )
        for u in a.breakdown
    )
    return replace(a, withdrawn=withdrawals_in(a, found.get(a.target.series_key, ())), breakdown=units)


def _inside(period: Period, span: Period) -> bool:
    """Whether ``period``'s months all lie in ``span``'s (2026-Q1 in 2026; 2025 not)."""
    return period.year == span.year and span.first <= period.first and period.last <= span.last
