"""The report's opening on groups (issue 14): a table of the targets' groups, what each
achieved, its status and score, and its members by status. HTML and Markdown both show
it; a plan whose targets name no group has none. Pure: no I/O.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from ..method.groups import STATUSES, Group, Member, group_members
from ..method.progress import Status
from .charts import Chart
from .i18n import label, score_text, status_label
from .report_view import Cell, TableView, report_word

if TYPE_CHECKING:
    from ..method.assessment import Assessment

__all__ = ["report_groups", "groups_table", "groups_chart", "left_out_line", "CHART_ID"]


def report_groups(assessments: Sequence[Assessment]) -> list[Group]:
    """The groups of the report's targets (by ``group:``), by the rule of method.groups."""
    return group_members((a.target.group, Member(a.target.id, a.status, a.score)) for a in assessments)


def groups_table(groups: Sequence[Group], lang: str) -> TableView | None:
    """The table the report opens with, or None without groups: the group, its number of
    targets, how many achieved ("2 of 5"), its status (coloured by it in HTML), its score,
    and its members by status, statuses with none left out."""
    if not groups:
        return None
    headers = (
        label("group", lang),
        label("group_count", lang),
        report_word("group_achieved", lang),
        label("status", lang),
        label("score", lang),
        label("group_by_status", lang),
    )
    rows = tuple(
        (
            Cell(g.name.get(lang)),
            Cell(str(g.count)),
            Cell(report_word("group_achieved_of", lang, achieved=g.counted(Status.TARGET_ACHIEVED), count=g.count)),
            Cell(status_label(g.status.value, lang), status=g.status.value),
            Cell(score_text(g.score, lang)),
            Cell("; ".join(f"{status_label(s.value, lang)}: {n}" for s, n in g.by_status if n)),
        )
        for g in groups
    )
    return TableView(headers, rows, frozenset({1, 4}))


# The most names of targets in no group the line under the table gives; the others are
# counted ("and 3 more"): a national plan's thousands would fill pages.
NAMED = 10


def left_out_line(assessments: Sequence[Assessment], lang: str) -> str | None:
    """The line under the groups table when some of the report's targets are in a group
    and others in none: how many are in no row, of how many, and which ("2 of the 7
    targets in this report belong to no group ..."). None when every target is in a group
    or none is (then the table is the whole report, or there is none). A line, not a row:
    a row "In no group" would be read as a group, its status and score combined by the
    group rule as if its targets were one (forty-second session)."""
    from .report_view import _name

    left = [a for a in assessments if a.target.group is None]
    if not left or len(left) == len(assessments):
        return None
    names = "; ".join(_name(a, lang) for a in left[:NAMED])
    more = len(left) - NAMED
    key = "groups_left_out_more" if more > 0 else "groups_left_out_one" if len(left) == 1 else "groups_left_out"
    return report_word(key, lang, count=len(left), total=len(assessments), names=names, more=more)


# The file name of the chart beside a Markdown report, and its key among the charts' links:
# an underscore, which no target id has, so it never meets a target's chart.
CHART_ID = "groups_by_status"

# The status colours of the HTML report's labels (templates/report.html.j2, ``.s-*``).
STATUS_COLOURS = {
    "target_achieved": "#1b5e20",
    "substantial_progress": "#43a047",
    "moderate_progress": "#f2b233",
    "limited_progress": "#e8710a",
    "deterioration": "#c62828",
    "not_achieved": "#7f0000",
    "not_available": "#8a9099",
}

# The text on a status's colour: whichever of white and the report's ink contrasts more
# with it. White on the green of substantial progress (3.3:1), the orange of limited
# progress (3.1:1) and the grey of not available (3.2:1) was below the 4.5:1 that WCAG 2.1
# AA asks of text this size; the ink is above 5:1 on each (docs/decisions.md, issue 17).
INK = "#1a1a1a"


def _luminance(colour: str) -> float:
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """WCAG's contrast ratio of two colours, from 1 to 21."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def status_ink(status: str) -> str:
    """The colour of the text on ``status``'s label or cell."""
    fill = STATUS_COLOURS[status]
    return "#ffffff" if contrast("#ffffff", fill) >= contrast(INK, fill) else INK


def groups_chart(groups: Sequence[Group], lang: str) -> Chart | None:
    """The groups' members by status: one stacked bar per group, a colour per status (only
    the statuses some group has), or None without groups."""
    if not groups:
        return None
    import pygal  # type: ignore[import-untyped]  # pygal ships no type information

    from .charts import finished_chart
    from .chart_pygal import bar_name, plot_config, plot_style

    shown = [s for s in STATUSES if any(g.counted(s) for g in groups)]
    # pygal draws the first label at the bottom: reversed, the first group is on top, as
    # in the table above the chart.
    groups = list(reversed(groups))
    extra = {"margin_bottom": 12 + 20} if len(shown) % 2 else {}
    chart = pygal.HorizontalStackedBar(
        style=plot_style([STATUS_COLOURS[s.value] for s in shown]),
        x_labels=[bar_name(g.name.get(lang)) for g in groups],
        **plot_config(lang, height=140 + 40 * len(groups), show_y_guides=False, show_x_guides=True, **extra),
    )
    # Counts are whole numbers: whole ticks only, and written without decimals.
    most = max(g.count for g in groups)
    step = max(1, -(-most // 10))
    chart.y_labels = list(range(0, most + step, step))
    chart.value_formatter = lambda v: str(int(v))
    for s in shown:
        chart.add(status_label(s.value, lang), [g.counted(s) or None for g in groups])
    # A pattern per status as well as its colour: a black-and-white print tells them apart.
    from .chart_patterns import patterned

    chart.add_xml_filter(patterned([s.value for s in shown], lambda key: (STATUS_COLOURS[key], status_ink(key))))
    return finished_chart(chart, CHART_ID, sum(g.count for g in groups), outlined=True)
