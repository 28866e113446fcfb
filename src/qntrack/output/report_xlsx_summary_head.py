"""The Summary sheet's headers, one a column, in the order its cells are written (moved out
of report_xlsx.py, at its 500-line limit)."""

from __future__ import annotations

from ..catalog import msg
from ..catalog import render as text_of
from .i18n import label
from .report_xlsx_plan import plan_headers

__all__ = ["AWAITING_COLUMN", "NOTE_SIZE", "NOT_COUNTED_COLUMN", "not_counted_note", "summary_headers"]


def word(key: str, lang: str) -> str:
    """A word of the workbook (catalog ``xlsx_<key>``), as report_xlsx_book.word."""
    return text_of(msg("xlsx_" + key), lang)


def summary_headers(lang: str) -> tuple[str, ...]:
    """The headers of the Summary sheet in ``lang``."""
    from .report_xlsx_book import in_zone

    return (
        label("group", lang),
        label("owner", lang),
        label("id", lang),
        label("target", lang),
        label("indicator", lang),
        label("unit", lang),
        word("latest_period", lang),
        word("latest_value", lang),
        # The period of the goal the status is judged on, past or ahead (thirty-first session).
        word("deadline", lang),
        word("target_value", lang),
        label("gap", lang),
        label("p", lang),
        label("score", lang),
        label("status", lang),
        *plan_headers(lang),
        # A ceiling (a plan of 4.5 on inflation) told from a floor, as status's CSV tells it
        # (review of the twenty-first session).
        label("direction", lang),
        # As status's CSV has latest_revises: what the latest figure replaced.
        word("revises", lang),
        # As status's CSV had withdrawn last: the target's figures withdrawn (issue 17,
        # twentieth session), in the words of the status table's legend.
        word("withdrawn", lang),
        # Where the figure it revised came from, as the CSV's latest_revises_source and
        # latest_revises_recorded_at (twenty-fifth session).
        word("revises_source", lang),
        in_zone(word("revises_recorded_at", lang), lang),
        # The latest figure's status and source, as the CSV's latest_status and latest_source:
        # what the officer cites it as (issue 17, twenty-seventh session).
        word("latest_kind", lang),
        word("latest_source", lang),
        # The latest period's last day, a date cell that sorts in time where "2025-H1"
        # sorted after "2025"; then the kind of the figure it revised, as status's JSON
        # revises_status (issue 17, twenty-eighth session).
        word("latest_period_end", lang),
        word("revises_kind", lang),
        # The target's note in the workbook's language, as the Word and HTML reports give it
        # under the target (twenty-eighth session): last, as users' formulas point at the others.
        label("note", lang),
        # The months (or quarters) of a sum qntrack added up that revised an earlier figure,
        # each with the figure it replaced, as status's JSON parts_revised (pass W).
        word("parts_revised", lang),
        # The target's own source (the resolution that set it), as the Word and HTML reports
        # print it under the target (issue 17, twenty-ninth session).
        word("target_source", lang),
        # A flow plan's figures recorded in its period and left out of its reading, and why,
        # as status's CSV not_counted and the other reports under the target (issue 17,
        # thirty-seventh session); its header carries a note saying so (NOT_COUNTED_NOTE).
        word("not_counted", lang),
        # The deadlines passed with their figure awaited, as status's CSV awaiting_figures
        # (periods joined by "; ") and the other reports' "⌛ awaiting figure 2025": a status
        # read on an earlier figure, said where a filter finds it (forty-first session).
        label("awaiting_figures", lang),
    )


# The Summary's column of the figures not counted (the last) and its header's note, in a
# box three times a comment's default size so that its words show without scrolling, signed
# "qntrack" as the workbook's properties are (Excel showed an unsigned note "by None").
NOT_COUNTED_COLUMN = 29
AWAITING_COLUMN = 30
NOTE_SIZE = {"x_scale": 3, "y_scale": 3, "author": "qntrack"}


def not_counted_note(lang: str) -> str:
    """What the column of the figures not counted means, as a note on its header."""
    return word("not_counted_note", lang)
