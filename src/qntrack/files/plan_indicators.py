"""targets.yaml's indicators read: each indicator's entry (its keys, direction, frequency,
measure, units) and the formulas of the derived ones checked together. Apart from
definitions, which reads the file and its targets, because an indicator is what the
targets measure."""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

from yaml.nodes import MappingNode, Node

from ..plan.formula import FormulaError, parse_formula
from ..catalog import msg
from ..plan.model import Direction, Indicator, Measure, Problem
from .plan_texts import free_text
from ..plan.periods import Frequency
from ..plan.units import Dimension
from .breakdowns import indicator_dimensions
from .sdmx_units import read_sdmx_units
from .opensdg_status import read_open_sdg
from .invisible import id_problem
from .slips import indicator_id_could_be
from .yaml_reader import _Reader
from .yaml_problems import _at, _phrase


INDICATOR_ID = re.compile(r"^[a-z0-9_]+$")
INDICATOR_KEYS = (
    "name",
    "unit",
    "direction",
    "frequency",
    "measure",
    "description",
    "formula",
    "dimensions",
    "sdmx",
    "open_sdg",
)


# Each choice's valid values, and the enum member for each: worked out once rather than
# for each of ten thousand indicators (iterating an Enum and calling it run in Python).
_DIRECTION = {d.value: d for d in Direction}
_FREQUENCY = {f.value: f for f in Frequency}
_MEASURE = {m.value: m for m in Measure}
_DIRECTIONS, _FREQUENCIES, _MEASURES = tuple(_DIRECTION), tuple(_FREQUENCY), tuple(_MEASURE)


def _indicator(
    reader: _Reader,
    ind_id: str,
    key_node: Node,
    node: Node,
    dimensions: dict[str, Dimension],
    declared: Collection[str] = (),
) -> Indicator | None:
    where = ("indicator", ind_id)
    ok = True
    if (invisible := id_problem(reader.file, key_node, "indicator", ind_id)) is not None:
        reader.problems.append(invisible)
        ok = False
    elif not INDICATOR_ID.match(ind_id):
        fixed = indicator_id_could_be(ind_id)
        if fixed is None or fixed in declared:  # another indicator's id: never offered
            reader.error(key_node, msg("definitions_indicator_id", what=_phrase(where)))
        else:
            reader.error(key_node, msg("definitions_indicator_id_could_be", what=_phrase(where), fixed=fixed))
            reader.could_be[fixed] = ind_id  # a target referring to it so is told no more
        ok = False
    keys = reader.mapping(node, where, INDICATOR_KEYS)
    if keys is None:
        return None
    if "name" not in keys:
        reader.error(node, msg("definitions_indicator_missing_name", what=_phrase(where)))
        return None
    name = reader.localized(keys["name"][1], _at(where, "name"))
    unit: str | None = ""
    unit_vi = ""
    if "unit" in keys:
        unode = keys["unit"][1]
        if isinstance(unode, MappingNode):
            both = reader.localized(unode, _at(where, "unit"))
            unit, unit_vi = (both.en, both.vi) if both else (None, "")
        else:
            unit = reader.text(unode, _at(where, "unit"))
            if reader.is_null(unode):
                reader.empty_units.append((unode, _at(where, "unit")))
        # Without the spaces around it, as a name is read: " % of GRDP" (copied from a text
        # writing "12.3 % of GRDP") was a unit not starting with "%", its figures written
        # "12.31[1]  % of GRDP" and its gap "2.69  % of GRDP", not in percentage points
        # (forty-second session, tests/test_s42_g.py).
        unit, unit_vi = (unit.strip() if unit is not None else None), unit_vi.strip()
        if unit and unit_vi:
            unit = _one_unit(reader, unode, where, unit, unit_vi)
    direction = Direction.INCREASE
    if "direction" in keys:
        value = reader.choice(keys["direction"][1], _at(where, "direction"), _DIRECTIONS)
        direction = _DIRECTION[value] if value else direction
        ok = ok and value is not None
    frequency = Frequency.YEAR
    if "frequency" in keys:
        value = reader.choice(keys["frequency"][1], _at(where, "frequency"), _FREQUENCIES)
        frequency = _FREQUENCY[value] if value else frequency
        ok = ok and value is not None
    measure = Measure.LEVEL
    if "measure" in keys:
        value = reader.choice(keys["measure"][1], _at(where, "measure"), _MEASURES)
        measure = _MEASURE[value] if value else measure
        reader.declared_measure[ind_id] = reader.loc(keys["measure"][1]).line
        ok = ok and value is not None
    description = free_text(reader, keys, where, "description")
    formula = None
    if "formula" in keys:
        formula = reader.text(keys["formula"][1], _at(where, "formula"))
    dims: tuple[str, ...] | None = ()
    if "dimensions" in keys:
        dims = indicator_dimensions(reader, keys["dimensions"][1], _at(where, "dimensions"), dimensions, bool(formula))
    sdmx = read_sdmx_units(reader, keys["sdmx"][1] if "sdmx" in keys else None, where)
    status = read_open_sdg(reader, keys["open_sdg"][1] if "open_sdg" in keys else None, where)
    if status:
        reader.open_sdg_at[ind_id] = reader.loc(keys["open_sdg"][0])
    if name is None or unit is None or not ok or dims is None or sdmx is None or status is None:
        return None
    return Indicator(
        ind_id,
        name,
        unit,
        direction,
        frequency,
        measure,
        description,
        formula or None,
        reader.loc(key_node),
        unit_vi,
        dims,
        *sdmx,
        status,
    )


def _sign(unit: str) -> str:
    """ "%" for a per-cent unit, whose differences are percentage points; else "". (A
    per-mille sign only sits against the figure: its differences are per mille either way.)"""
    return "%" if unit.startswith("%") else ""


def _check_formulas(reader: _Reader, indicators: dict[str, Indicator]) -> None:
    """Parse each formula, then look for unknown names and cycles among derived indicators."""
    deps: dict[str, set[str]] = {}
    for ind in indicators.values():
        if ind.formula is None:
            continue
        loc = ind.location
        try:
            expr = parse_formula(ind.formula)
        except FormulaError as exc:
            reader.problems.append(Problem(loc, msg("definitions_formula_problem", id=ind.id, problem=exc.message)))
            continue
        unknown = sorted(n for n in expr.names if n not in indicators)
        for name in unknown:
            hint = reader.indicator_hint(name, indicators)
            reader.problems.append(
                Problem(
                    loc,
                    msg("definitions_formula_unknown", id=ind.id, name=name)
                    if hint is None
                    else msg("definitions_formula_unknown_hint", id=ind.id, name=name, hint=hint),
                )
            )
        deps[ind.id] = {n for n in expr.names if n in indicators}
    # Depth-first search for a cycle; report each cycle once, at the first indicator in it.
    state: dict[str, int] = {}
    reported: set[frozenset[str]] = set()

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(deps.get(node, ())):
            if state.get(nxt) == 1:
                cycle = path[path.index(nxt) :] + [nxt]
                key = frozenset(cycle)
                if key not in reported:
                    reported.add(key)
                    reader.problems.append(
                        Problem(
                            indicators[nxt].location, msg("definitions_formula_cycle", id=nxt, cycle=" -> ".join(cycle))
                        )
                    )
            elif state.get(nxt) is None:
                visit(nxt, path + [nxt])
        state[node] = 2

    for ind_id in sorted(deps):
        if state.get(ind_id) is None:
            visit(ind_id, [ind_id])


def _one_unit(reader: _Reader, node: Node, where: Any, en: str, vi: str) -> str | None:
    """``en``, or None after saying that the unit's two languages count different things:
    another size (million beside billion), another currency (files/unit_languages.py), or
    a per cent in one and not in the other."""
    from .unit_languages import kinds_differ, sizes_differ

    if (sizes := sizes_differ(en, vi)) is not None:
        reader.error(node, msg("definitions_unit_sizes", what=_phrase(_at(where, "unit")), **sizes))
        return None
    if (kinds := kinds_differ(en, vi)) is not None:
        reader.error(node, msg("definitions_unit_kinds", what=_phrase(_at(where, "unit")), **kinds))
        return None
    if _sign(en) != _sign(vi):
        # A share's differences are percentage points, decided by the unit's first character
        # in each language: two forms that disagree read one gap as points in one language
        # and as the unit in the other (forty-third session, tests/test_s43_lead.py).
        said, other = (en, vi) if _sign(en) else (vi, en)
        reader.error(node, msg("definitions_unit_sign", what=_phrase(where), said=said, other=other, sign=_sign(said)))
        return None
    return en
