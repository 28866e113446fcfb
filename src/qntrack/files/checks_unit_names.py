"""``check``'s ``unit-names``: a unit's name in another language (``names:``) that can never
name it. A name that is another unit's value names that unit (a declared value wins), and a
name two units share names neither (plan.units.Dimension, thirty-first session): either
was found only when an import refused a row. Said at the unit's line. Pure."""

from __future__ import annotations

from ..catalog import msg
from ..plan.model import Location, Plan, Problem
from ..plan.units import names_listed, unit_match

__all__ = ["unit_name_problems"]


def unit_name_problems(plan: Plan) -> list[Problem]:
    """A warning for each name that is another unit's value, and one for each name two or
    more units of a dimension share (at the first of them)."""
    out: list[Problem] = []
    for dimension in plan.dimensions.values():
        units = dimension.values or ()
        values = {unit_match(u.value): u for u in units}
        holders: dict[str, list[str]] = {}
        for unit in units:
            where = unit.location or dimension.location or Location(plan.source_file)
            for _, name in unit.names:
                key = unit_match(name)
                other = values.get(key)
                if other is not None and other is not unit:
                    said = msg("checks_unit_name_taken", unit=unit.value, dimension=dimension.id, name=name)
                    out.append(Problem(where, said, "warning", "unit-names"))
                elif other is None and unit.value not in holders.setdefault(key, []):
                    holders[key].append(unit.value)
        for unit in units:
            for _, name in unit.names:
                shared = holders.get(unit_match(name), [])
                if len(shared) > 1 and shared[0] == unit.value:
                    where = unit.location or dimension.location or Location(plan.source_file)
                    said = msg("checks_unit_name_shared", name=name, dimension=dimension.id, units=names_listed(shared))
                    out.append(Problem(where, said, "warning", "unit-names"))
                    holders.pop(unit_match(name))  # said once
    return out
