"""The report's opening on groups (issue 14): a table of the targets' groups, what each
achieved, its status and score, and its members by status. HTML and Markdown both show
it; a plan whose targets name no group has none. Pure: no I/O.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from ..method.groups import Group, Member, group_members
from ..method.progress import Status
from .i18n import label, number, status_label
from .report_view import Cell, TableView, report_word

if TYPE_CHECKING:
    from ..method.assessment import Assessment

__all__ = ["report_groups", "groups_table"]


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
            Cell(number(g.score, lang)),
            Cell("; ".join(f"{status_label(s.value, lang)}: {n}" for s, n in g.by_status if n)),
        )
        for g in groups
    )
    return TableView(headers, rows, frozenset({1, 4}))
