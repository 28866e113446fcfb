"""The report's contents, as HTML and Markdown lay them out: its title and dates, the
headline, the groups, summary and since tables, then each target's section in order,
with the labels the templates use. Apart from report_view, which makes each section's
tables and cells, because this puts a whole report together."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..output.i18n import date_text, label, status_label
from .report_view import LARGE_PLAN, SECTION_DONE, TableView, _section, _words, report_word

if TYPE_CHECKING:
    from .report import ReportData


def _groups(data: ReportData, lang: str) -> TableView | None:
    from .report_groups import groups_table, report_groups  # it builds on report_view's cells

    return groups_table(report_groups(data.assessments), lang)


def _left_out(data: ReportData, lang: str) -> str | None:
    from .report_groups import left_out_line

    return left_out_line(data.assessments, lang)


_LABELS = (
    "indicator unit direction source note milestones observations summary status type details value notes_heading "
)
_LABELS += "withdrawn_heading previous_heading not_counted_heading"


def _view(data: ReportData, lang: str, with_charts: bool) -> dict[str, Any]:
    from .report_since import since_view  # it builds on report_view's words and cells
    from .report_summary import summary_table  # likewise
    from .headline import headline_view  # likewise

    from .. import __version__

    large = len(data.assessments) > LARGE_PLAN
    tick = SECTION_DONE.get()
    sections = []
    revised = data.revised  # a derived indicator's figures are computed: they replaced nothing
    dimensions = data.plan.dimensions if data.plan is not None else None  # a target's own unit named
    for i, a in enumerate(data.assessments, 1):
        key = a.target.series_key
        gone = data.withdrawn.get(key, ()) if not a.indicator.formula else ()
        came = data.whence.get(key) if not a.indicator.formula else None  # where each replaced figure came from
        section = _section(
            i,
            a,
            data.series.get(key, []),
            lang,
            with_charts,
            large,
            revised.get(key),
            gone,
            came,
            data.today,
            dimensions,
        )
        if a.indicator.formula and data.plan is not None:  # an input's figure withdrawn (withdrawn_inputs)
            from .withdrawn_inputs import input_sentences

            more = input_sentences(data.plan, a, data.withdrawn, data.series.get(key, []), lang)
            section = replace(section, sentences=section.sentences + tuple(more)) if more else section
        sections.append(section)
        if tick is not None:
            tick(i, len(data.assessments))
    statuses = [
        (key, status_label(key, lang))
        for key in (
            "target_achieved",
            "substantial_progress",
            "moderate_progress",
            "limited_progress",
            "deterioration",
            "not_achieved",
            "not_available",
        )
    ]
    meta = report_dates(data, lang)
    # One target is "1 target" (issue 17, twentieth session), as one unit is "1 unit".
    meta.append(report_word("targets_count_one" if len(sections) == 1 else "targets_count", lang, n=len(sections)))
    return {
        "lang": lang,
        "large": large,
        "title": data.title_in(lang) or report_word("report", lang),
        "heading": report_word("report", lang),
        "meta": " · ".join(meta),
        # The leader's first paragraph: counts by status, the targets missed and awaited.
        "headline": headline_view(data.assessments, lang),
        "groups": _groups(data, lang),
        # Under it, how many of the report's targets are in no group, when some are.
        "groups_left_out": _left_out(data, lang),
        "summary": summary_table(data, lang),
        "since": since_view(data, lang),
        "sections": sections,
        "statuses": statuses,
        "w": _words(lang),
        # The table's labels the templates use; notes_heading over a legend of marks.
        "l": {k: label(k, lang) for k in _LABELS.split()},
        "footer": report_word("footer", lang, version=__version__),
    }


def report_dates(data: ReportData, lang: str) -> list[str]:
    """The days a report is of, as its heading says them: "As of 2026-06-30" (--as-of, else the
    day its deadlines were read) and "figures recorded through 2026-04-05"; dates as the reader's
    language writes them (05/01/2025 in Vietnamese, ISO in English), as the workbook's header."""
    day = data.as_of or (data.today.isoformat() if data.today else None)
    meta = [f"{report_word('as_of', lang)} {date_text(day, lang)}"] if day else []
    if data.recorded_through:
        meta.append(f"{report_word('recorded_through', lang)} {date_text(data.recorded_through, lang)}")
    return meta
