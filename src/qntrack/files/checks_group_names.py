"""`check`'s group-names rule: targets of one group (or owner) that name it two ways in
Vietnamese. A rule of the plan alone, apart from the store's rules of files/checks.py, so
that `status --group-by`, which says the same warning, loads none of them (issue 17,
thirty-third session: moved from files/checks.py, word for word)."""

from __future__ import annotations

from ..catalog import msg
from ..plan.model import Plan, Problem

__all__ = ["group_name_problems"]


def group_name_problems(plan: Plan) -> list[Problem]:
    """Targets of one group (or owner) that give it different names in the other
    language: the group is shown by its first target's names (docs/decisions.md), so a
    second spelling would silently never be seen. Names given as plain text, which are
    the same in both languages, say nothing of the other language and are not compared."""
    from ..method.groups import group_key

    out: list[Problem] = []
    for field in ("group", "owner"):
        first: dict[str, tuple[str, int]] = {}
        for t in plan.targets:
            name = getattr(t, field)
            if name is None or name.en == name.vi:
                continue
            key = group_key(name.en)
            seen = first.setdefault(key, (name.vi, t.location.line))
            if group_key(seen[0]) != group_key(name.vi):
                out.append(
                    Problem(
                        t.location,
                        msg(
                            "checks_group_names",
                            field=field,
                            name=name.en,
                            vi=name.vi,
                            first=seen[0],
                            line=seen[1],
                        ),
                        "warning",
                        "group-names",
                    )
                )
    return out + _plain_names(plan)


def _plain_names(plan: Plan) -> list[Problem]:
    """A group (or owner) written as plain text on one target that is the Vietnamese name of
    one given in both languages on another (`group: Kinh te` with its marks beside `{en:
    Economy, vi: Kinh te}`): two groups, both shown by that name in Vietnamese (helper M,
    forty-sixth session). Said at the plain one, with the line to write."""
    from ..method.groups import group_key

    out: list[Problem] = []
    for field in ("group", "owner"):
        both: dict[str, tuple[str, str, int]] = {}
        for t in plan.targets:
            name = getattr(t, field)
            if name is not None and name.en != name.vi:
                both.setdefault(group_key(name.vi), (name.en, name.vi, t.location.line))
        for t in plan.targets:
            name = getattr(t, field)
            if name is None or name.en != name.vi or (found := both.get(group_key(name.en))) is None:
                continue
            if group_key(found[0]) != group_key(name.en):
                words = dict(field=field, name=name.en, en=found[0], vi=found[1], line=found[2])
                out.append(Problem(t.location, msg("checks_group_names_plain", **words), "warning", "group-names"))
    return out
