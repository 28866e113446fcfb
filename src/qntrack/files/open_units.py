"""A unit of an open dimension (one that lists no units) spelt two ways in the store or a
batch: one unit, kept in the spelling met first (plan.units.open_spellings; thirty-sixth
session). The store's reader and ``check`` name a unit so (``canonical_rows``), an append
writes its rows so (``spelt_as_held``), and ``check`` says where a row spells it otherwise."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterable, Mapping, Sequence

if TYPE_CHECKING:
    from ..plan.model import Location, Observation, Plan, Problem

__all__ = ["open_folds", "spelt_as_held", "spelling_problems"]


def _has_open(plan: Plan) -> bool:
    return any(d.values is None for d in plan.dimensions.values())


def open_folds(plan: Plan, observations: Sequence[Observation], names: Mapping[str, str]) -> dict[str, str]:
    """Each key of ``names`` (a key as typed -> as the plan names it) whose open unit is
    spelt otherwise than on the store's first line naming that unit: to the key in that
    spelling. The rows are walked only when two spellings are met (a hand edit, or a store
    written before the rule): most stores have none."""
    from ..plan.units import open_spellings

    if not _has_open(plan) or not open_spellings(sorted(set(names.values())), plan.dimensions):
        return {}
    line: dict[str, int] = {}
    for o in observations:
        line.setdefault(names.get(o.indicator, o.indicator), o.line)
    ordered = sorted(set(names.values()), key=lambda n: (line.get(n, 1 << 62), n))
    spellings = open_spellings(ordered, plan.dimensions)
    return {key: spellings[name][0] for key, name in names.items() if name in spellings}


def spelling_problems(
    plan: Plan, observations: Sequence[Observation], file: str, canonical: Callable[[str], str | None]
) -> list[Problem]:
    """``check``'s warning at each row whose open unit is spelt otherwise than on the first
    line naming it (each key named as the plan names it by ``canonical``), with that line:
    the figures are read as one unit's, and the store should say it one way."""
    from ..catalog import msg
    from ..plan.model import Location, Problem
    from ..plan.unit_resolution import dimension_said
    from ..plan.units import open_spellings

    if not _has_open(plan):
        return []
    named = {k: canonical(k) or k for k in {o.indicator for o in observations} if "[" in k}
    if not open_spellings(sorted(set(named.values())), plan.dimensions):
        return []
    first: dict[str, int] = {}
    for o in observations:
        first.setdefault(named.get(o.indicator, o.indicator), o.line)
    spellings = open_spellings(sorted(first, key=first.__getitem__), plan.dimensions)
    out = []
    for o in observations:
        found = spellings.get(named.get(o.indicator, o.indicator))
        if found is not None:
            held, dim_id, typed, spelt = found
            out.append(
                Problem(
                    Location(file, o.line),
                    msg(
                        "checks_unit_spelt_otherwise",
                        typed=typed,
                        held=spelt,
                        line=first[held],
                        **dimension_said(dim_id, plan.dimensions),
                    ),
                    "warning",
                    "unit",
                )
            )
    return out


def spelt_as_held(
    plan: Plan, rows: list[Observation], wheres: Sequence[Location], stored: Iterable[Observation], file: str
) -> list[Problem]:
    """``rows`` (a batch) renamed in place where an open unit is spelt otherwise than the
    store (``stored``, named as the plan names them) or an earlier row of the batch spells
    it, each said as a warning at its row: the figure is written in the unit's spelling."""
    from ..catalog import msg
    from ..plan.model import Problem
    from ..plan.unit_resolution import dimension_said
    from ..plan.units import open_spellings

    if not _has_open(plan) or not any("[" in o.indicator for o in rows):
        return []
    first: dict[str, int] = {}
    for o in stored:
        first.setdefault(o.indicator, o.line)
    ordered = sorted(first, key=first.__getitem__)
    held_at: dict[str, dict[str, object]] = {key: {"file": file, "line": line} for key, line in first.items()}
    for i, o in enumerate(rows):
        if o.indicator not in first:
            first[o.indicator] = -1
            ordered.append(o.indicator)
            held_at[o.indicator] = {"place": str(wheres[i])}
    spellings = open_spellings(ordered, plan.dimensions)
    out = []
    for i, o in enumerate(rows):
        found = spellings.get(o.indicator)
        if found is None:
            continue
        key, dim_id, typed, spelt = found
        rows[i] = o._replace(indicator=key)
        where = held_at[key]
        said = "units_open_spelt_as_stored" if "file" in where else "units_open_spelt_as_batch"
        out.append(
            Problem(
                wheres[i],
                msg(said, typed=typed, held=spelt, **dimension_said(dim_id, plan.dimensions), **where),
                "warning",
            )
        )
    return out


def held_key(plan: Plan, key: str, held: Iterable[str]) -> str:
    """``key`` (a unit as typed for ``history`` or ``observations --dim``) in the spelling the
    store's keys ``held`` (already one spelling a unit: ``canonical_rows``) give its open
    unit; ``key`` itself where none does, or no dimension is open."""
    from ..plan.units import open_spellings

    if "[" not in key or not _has_open(plan):
        return key
    base = key.partition("[")[0] + "["
    mine = sorted(k for k in held if k.startswith(base) and k != key)
    found = open_spellings([*mine, key], plan.dimensions).get(key)
    return key if found is None else found[0]
