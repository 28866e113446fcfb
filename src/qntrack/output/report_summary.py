"""A report's summary: one row per target, the first table a reader meets after the groups
(docs/report.md). It builds on report_view's words and cells."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..method.assessment import Assessment
from ..output.i18n import label, progress_text
from ..output.summary import gap_text, goal_text, reached_text
from .report_view import Cell, TableView, _name, _status_with_missed, kind_words, report_word
from .revision_marks import latest_marked

if TYPE_CHECKING:
    from .report import ReportData

__all__ = ["summary_table"]


def summary_table(data: ReportData, lang: str) -> TableView:
    """One linked row per target: what it is, its latest figure, its goal, gap, P and status.
    A latest figure that replaced an earlier one is marked "[1]" as the status table marks
    it, the table's ``notes`` the legend (issue 17, eighteenth session); so is one whose
    target had a figure withdrawn, under its own heading (twentieth session)."""
    revised = data.revised
    notes: dict[str, int] = {}
    headers = (
        "#",
        label("target", lang),
        label("type", lang),
        label("latest", lang),
        report_word("goal", lang),
        label("gap", lang),
        label("p", lang),
        label("status", lang),
    )
    rows = []
    for i, a in enumerate(data.assessments, 1):
        rows.append(
            (
                Cell(str(i)),
                Cell(_name(a, lang), title=a.target.id),
                Cell(kind_words(a.target, lang)),
                Cell(
                    latest_marked(
                        a,
                        lang,
                        revised.get(a.target.series_key),
                        a.target.series_key,
                        notes,
                        withdrawals=True,
                        whence=data.whence.get(a.target.series_key),
                        kind=True,
                        # A target's own unit (``of:``) named in its note as the tables name units.
                        dimensions=data.plan.dimensions if data.plan is not None else None,
                    )
                ),
                Cell(_goal_with_reached(a, lang)),
                Cell(gap_text(a, lang)),
                Cell(progress_text(a.progress_value, lang, a.pace_within)),
                Cell(_status_with_missed(a, lang), status=a.status.value),
            )
        )
    return TableView(headers, tuple(rows), frozenset({0, 3, 5, 6}), tuple(notes))


def _goal_with_reached(a: Assessment, lang: str) -> str:
    """The goal, and the share of it reached under its own label (never called gap)."""
    reached = reached_text(a, lang)
    return f"{goal_text(a, lang)}; {reached}" if reached else goal_text(a, lang)
