"""A group (or owner) named in one language by some targets and in both by others: the
plain names take both (docs/decisions.md, "The thirteenth session's report pass").

A group is named by its first member among the targets shown, so a target writing
`group: "Annual plans"` headed the group in English in a Vietnamese report of it, or of
a plan where it came first. Only the English name joins: a plain name is one group with
a two-language one when their English names match (``method.groups.group_members``),
and a plain name equal to another group's Vietnamese name stays its own group, as
``--group`` tells two such groups apart (tests/test_groups.py). Pure: no I/O.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from ..method.groups import group_key
from ..plan.model import Target, Text

__all__ = ["named_groups"]

_FIELDS = ("group", "owner")


def named_groups(targets: Sequence[Target]) -> tuple[Target, ...]:
    """``targets``, each plain group or owner name (the same in both languages) that is
    the English name of a two-language one given in the plan replaced by that one (the
    first given, as a group shows its first member's). Two-language names are left as written:
    two spellings of one group are ``check``'s warning (``group-names``)."""
    full: dict[str, dict[str, Text]] = {field: {} for field in _FIELDS}
    for t in targets:
        for field in _FIELDS:
            name = getattr(t, field)
            if name is not None and name.en != name.vi:
                full[field].setdefault(group_key(name.en), name)
    if not any(full.values()):
        return tuple(targets)
    out = []
    for t in targets:
        group, owner = _named(t.group, full["group"]), _named(t.owner, full["owner"])
        # Only a target whose name changes is made again: a national plan has 10,000.
        out.append(t if group is t.group and owner is t.owner else replace(t, group=group, owner=owner))
    return tuple(out)


def _named(name: Text | None, full: dict[str, Text]) -> Text | None:
    if name is None or name.en != name.vi:
        return name
    return full.get(group_key(name.en), name)
