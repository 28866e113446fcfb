"""The order of an Open SDG export's rows, so that importing it declares each dimension's
units in the plan's order (issue 17, thirty-seventh session).

``import opensdg`` declares a dimension's units in the order it first meets them, file
after file, row after row: the site's own order (age groups youngest first, "Total"
where the office put it). The export wrote a file's rows by the units' names, so a second
import of an export declared them alphabetically: the plan's bytes changed on a round
trip. Here the rows keep the plan's declared order of each dimension, and where that
order would introduce a unit before one declared ahead of it (a unit of one dimension
first met beside a later unit of another), a row that introduces them in order is
written first. No I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

__all__ = ["in_declared_order"]

Cells = tuple[tuple[str, str], ...]


def in_declared_order(
    cells: Iterable[Cells], ids: Sequence[str], declared: Mapping[str, Sequence[str]], seen: set[tuple[str, str]]
) -> list[Cells]:
    """``cells`` (one per series of the file) in the order to write them: the total first,
    then by the declared place of each dimension's unit, in column order (``ids``), a
    unit the plan does not list after those it does, by name. ``seen``: the units earlier
    files met, which the import has declared already; those of this file are added."""
    place = {d: {u: i for i, u in enumerate(declared.get(d, ()))} for d in ids}

    def key(one: Cells) -> tuple[bool, list[tuple[int, str]]]:
        have = dict(one)
        return bool(have), [(-1, "") if d not in have else (place[d].get(have[d], len(place[d])), have[d]) for d in ids]

    left = sorted(set(cells), key=key)
    # The units this file introduces, each dimension's in the order they are to be met.
    coming: dict[str, list[str]] = {}
    for one in left:
        for d, unit in one:
            if (d, unit) not in seen and unit not in coming.setdefault(d, []):
                coming[d].append(unit)
    for d in coming:
        coming[d].sort(key=lambda unit: (place[d].get(unit, len(place[d])), unit))
    out: list[Cells] = []
    while left and any(coming.values()):
        # The first row, in the order above, that meets no unit before one due ahead of it.
        pick = next((i for i, one in enumerate(left) if _in_turn(one, coming, seen)), 0)
        one = left.pop(pick)
        out.append(one)
        for d, unit in one:
            if (d, unit) not in seen:
                seen.add((d, unit))
                coming[d].remove(unit)
    return out + left


def _in_turn(one: Cells, coming: Mapping[str, list[str]], seen: set[tuple[str, str]]) -> bool:
    """Whether each unit of ``one`` is met already or the next due of its dimension."""
    return all((d, unit) in seen or coming[d][0] == unit for d, unit in one)
