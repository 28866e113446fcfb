"""The Excel report's sheet of groups: one row per group of targets, counted by status,
with its score and status, and a stacked bar chart of them beside the table."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..method.groups import STATUSES
from .charts import OUTLINE, alt_text
from .i18n import label, score_text, status_label
from .report_groups import STATUS_COLOURS, left_out_line, report_groups, status_ink
from .report_xlsx_book import spread, _Book, _Table, cell_text, word
from .report_xlsx_charts import named_chart

if TYPE_CHECKING:
    from .report import ReportData

__all__ = ["group_sheet"]


def group_sheet(book: _Book, data: ReportData) -> None:
    """One row per group: its targets, how many by status, its score and status; and the
    chart of its members by status (a stacked bar per group) beside the table."""
    lang = book.lang
    groups = report_groups(data.assessments)
    if not groups:
        return
    headers = (
        label("group", lang),
        label("group_count", lang),
        *(status_label(s.value, lang) for s in STATUSES),
        label("score", lang),
        label("status", lang),
    )
    name = word("sheet_groups", lang)
    ws = book.sheet(name)
    t = _Table(book, ws, headers, widest=36)
    whole = book.fmt(num_format="0")
    for g in groups:
        t.put(0, g.name.get(lang))
        t.put(1, g.count, fmt=whole)
        for i, s in enumerate(STATUSES, start=2):
            t.put(i, g.counted(s), fmt=whole)
        # At the tables' decimals: 2.4996 (moderate progress) as "2.4996", never "2.50",
        # the substantial edge (methodology, "Statuses").
        t.put(len(STATUSES) + 2, g.score, fmt=book.shown(score_text(g.score, "en")))
        t.put(len(STATUSES) + 3, status_label(g.status.value, lang), status=g.status.value)
        t.next_row()
    t.finish()
    # The report's targets in no group, said under the rows (not as a row of the table,
    # whose counts a total is read from), a blank row between; the chart goes below it.
    below = len(groups) + 3
    left_out = left_out_line(data.assessments, lang)
    if left_out is not None:
        line = cell_text(left_out, lang)  # cut, saying so, at a cell's limit
        if not spread(t, len(groups) + 2, line):  # ten long names: wrapped across the table
            ws.write_string(len(groups) + 2, 0, line)
        below += 2
    title = word("groups_chart", lang)
    chart = named_chart(book, {"type": "bar", "subtype": "stacked"}, title)
    first, last = 1, len(groups)
    sheet = ws.get_name()
    for i, s in enumerate(STATUSES, start=2):
        if not any(g.counted(s) for g in groups):
            continue  # only the statuses some group has, as the HTML chart
        chart.add_series(
            {
                "name": [sheet, 0, i],
                "categories": [sheet, first, 0, last, 0],
                "values": [sheet, first, i, last, i],
                **_filled(s.value),
                "border": {"color": OUTLINE, "width": 0.75},  # as the HTML's (charts.OUTLINE)
                "gap": 60,
            }
        )
    chart.set_title({"name": title, "name_font": {"size": 12}})
    # A bar chart's categories run up from the bottom: reversed, the first group is on
    # top, as in the table.
    chart.set_y_axis({"reverse": True, "crossing": "max"})
    chart.set_x_axis({"major_unit": 1, "num_format": "0", "major_gridlines": {"visible": True}})
    chart.set_legend({"position": "bottom"})
    chart.set_size({"width": 720, "height": 160 + 40 * len(groups)})
    shown = [status_label(s.value, lang) for s in STATUSES if any(g.counted(s) for g in groups)]
    # Its alt text, as the HTML chart's (charts.chart_alt): a screen reader's only view of it.
    about = alt_text(title, shown, [g.name.get(lang) for g in groups], lang, "cells")
    ws.insert_chart(below, 0, chart, {"description": about})


# Each status's bars as the report's SVG draws them (chart_patterns.PATTERNS), in Excel's
# preset patterns: told apart on a black-and-white printout, where "Target achieved" and
# "Not achieved" were the same dark grey (issue 17, twenty-third session).
_PATTERNS = {
    "substantial_progress": "wide_upward_diagonal",  # /
    "moderate_progress": "percent_20",  # dots
    "limited_progress": "light_horizontal",  # -
    "deterioration": "small_grid",  # a cross-hatch
    "not_achieved": "wide_downward_diagonal",  # \
    "not_available": "light_vertical",  # |
}


def _filled(status: str) -> dict[str, Any]:
    """A series' fill: its status's colour, under a pattern in the ink legible on it."""
    colour = STATUS_COLOURS[status]
    if status not in _PATTERNS:
        return {"fill": {"color": colour}}  # achieved: solid, as in the SVG
    return {"pattern": {"pattern": _PATTERNS[status], "fg_color": status_ink(status), "bg_color": colour}}
