"""Groups of targets in the outputs (issue 14): the JSON ``groups`` list, the rows of
``status --group-by`` (table, CSV, TSV) and the gate of ``--fail-on --group``.

Every output reads the groups off the targets' JSON items (``formats.assessment_dict``),
which the status cache keeps as they are: a cached and a cold ``status`` group the same
items, so they print the same bytes. The rule itself is ``method.groups``.
"""

from __future__ import annotations

from typing import Any, Iterable, Literal, NamedTuple, Sequence

from ..method.groups import STATUSES, Group, Member, group_key, group_members
from ..method.progress import Status

__all__ = [
    "GROUP_BY",
    "GroupBy",
    "GROUP_COLUMNS",
    "groups_of",
    "groups_json",
    "group_rows",
    "group_table_rows",
    "group_named",
]

GroupBy = Literal["group", "owner"]
GROUP_BY: tuple[GroupBy, ...] = ("group", "owner")

# ``status --group-by ... --format csv|tsv``: one row per group.
GROUP_COLUMNS: tuple[str, ...] = (
    "name",
    "name_vi",
    "count",
    "score",
    "status",
    *(s.value for s in STATUSES),
    "targets",
    # The --as-of day on every row, empty without one, as status's CSV (issue 17,
    # twenty-fourth session): a row pasted into a story says which day it describes.
    "as_of",
)


def groups_of(items: Iterable[dict[str, Any]], by: GroupBy = "group") -> list[Group]:
    """The groups of the targets' JSON items, by their ``group`` or their ``owner``; any
    other ``by`` (a Python caller's ``group_by="owners"``) is an ArgumentError naming it."""
    if by not in GROUP_BY:
        from ..catalog import msg
        from ..errors import ArgumentError, ExitCode, fail, suggestion_then

        # A suggestion only for text: None was offered "did you mean 'owner'?", its letters
        # being near the word's (thirty-fifth session).
        hint = suggestion_then(by if isinstance(by, str) else "", GROUP_BY)
        said = msg("library_group_by", given=by, hint=hint, valid=", ".join(GROUP_BY))
        raise fail("group_by", said, ExitCode.USAGE, ArgumentError)  # a bare InputError until s37
    key = f"{by}_names"
    # Only the members of a group are made: a national plan's 10,000 targets may have none.
    return group_members(
        (_text(names), Member(item["id"], Status(item["status"]), item["score"]))
        for item in items
        if (names := item[key]) is not None
    )


class Names(NamedTuple):
    """A group's name as a target's JSON item has it (``group_names``): what plan.model.Text
    holds, without loading the plan's model on the cache's path (method.groups.Named)."""

    en: str
    vi: str

    def get(self, lang: str) -> str:
        return self.vi if lang == "vi" else self.en


def _text(names: dict[str, str] | None) -> Names | None:
    return None if names is None else Names(names["en"], names["vi"])


def groups_json(groups: Sequence[Group]) -> list[dict[str, Any]]:
    """The status document's ``groups`` list (docs/json.md, "Groups")."""
    return [
        {
            "name": g.name.en,
            "names": {"en": g.name.en, "vi": g.name.vi},
            "targets": list(g.targets),
            "count": g.count,
            "by_status": {s.value: n for s, n in g.by_status},
            "score": g.score,
            "status": g.status.value,
        }
        for g in groups
    ]


def group_rows(groups: Sequence[Group], as_of: str | None = None) -> list[tuple[Any, ...]]:
    """``GROUP_COLUMNS`` and one row per group; the member ids joined by ';', then the
    --as-of day ``as_of`` (empty without one)."""
    return [GROUP_COLUMNS] + [
        (
            g.name.en,
            g.name.vi,
            g.count,
            g.score,
            g.status.value,
            *(n for _, n in g.by_status),
            ";".join(g.targets),
            as_of,
        )
        for g in groups
    ]


def group_table_rows(groups: Sequence[Group], by: GroupBy, lang: str) -> tuple[list[str], list[tuple[str, ...]]]:
    """The header and rows of the terminal's table of groups, in ``lang``: the group's name,
    its number of targets, its status and score, and its members by status (statuses with
    none left out), as "Target achieved: 2; Not achieved: 1"."""
    from .i18n import label, score_text, status_label

    header = [label(by, lang), label("group_count", lang), label("status", lang), label("score", lang)]
    header.append(label("group_by_status", lang))
    rows: list[tuple[str, ...]] = [
        (
            g.name.get(lang),
            str(g.count),
            status_label(g.status.value, lang),
            score_text(g.score, lang),
            "; ".join(f"{status_label(s.value, lang)}: {n}" for s, n in g.by_status if n),
        )
        for g in groups
    ]
    return header, rows


def group_named(groups: Sequence[Group], name: str) -> list[Group]:
    """The groups called ``name`` in either language, matched by ``group_key`` (case, spaces
    and the way a Vietnamese letter was typed ignored), as groups are made: one, none, or
    several when one group's Vietnamese name is another's name."""
    wanted = group_key(name)
    return [g for g in groups if wanted in (group_key(g.name.en), group_key(g.name.vi))]
