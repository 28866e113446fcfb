"""Reading the breakdowns of targets.yaml (issue 14): an indicator's ``dimensions: [...]``,
and a target's ``for_each:`` and ``overrides:`` (the top-level ``dimensions:`` are
files/dimensions.py's).

Every problem is reported with its line and column through the plan's reader, as the
rest of targets.yaml is (files/definitions.py); docs/targets-format.md, "Breakdowns".
"""

from __future__ import annotations

from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..plan.suggest import closest
from ..catalog import msg
from ..kinds.breakdown import absent_problem
from ..plan.formula import names_in
from ..plan.model import Indicator, Target
from ..plan.units import Dimension, Dims
from ..plan.unit_resolution import resolve_dims
from .finer import finer_than_published
from .yaml_reader import _Reader
from .yaml_problems import What, _at, _kind, _phrase

__all__ = ["indicator_dimensions", "target_breakdown", "unit_overrides", "target_unit"]

# The fields that give an amount (a plan's value, a cumulative target's bound): never
# inherited by a unit's override from the whole's (docs/decisions.md).
AMOUNT_KEYS = ("value", "at_least", "at_most")


def _invisible(reader: _Reader, node: Node, name: str) -> bool:
    """Whether ``name``, a dimension's id, holds a character no one sees (invisible.py),
    refused as the dimension's own id is: "no dimension 'locality'" read on screen above
    the 'locality:' declared (issue 17, review of the nineteenth session)."""
    from .invisible import id_problem

    problem = id_problem(reader.file, node, "dimension", name)
    if problem is not None:
        reader.problems.append(problem)
    return problem is not None


def indicator_dimensions(
    reader: _Reader, node: Node, where: What, dimensions: dict[str, Dimension], formula: bool
) -> tuple[str, ...] | None:
    """An indicator's ``dimensions: [locality, sex]``: each declared at the top, none twice;
    one may be written alone (``dimensions: locality``), as for_each takes it."""
    if isinstance(node, MappingNode):
        reader.error(node, msg("hostile_dimensions_not_list", what=_phrase(where), got=_kind(node)))
        return None
    if formula:
        reader.error(node, msg("breakdowns_derived"))
        return None
    out: list[str] = []
    for item in node.value if isinstance(node, SequenceNode) else [node]:
        name = reader.text(item, where)
        if name is None or _invisible(reader, item, name):
            return None
        if name not in dimensions and ("dimension", name) in reader.refused:
            return None  # its own problem is reported where it is declared
        if name not in dimensions and (named := _named(name, tuple(dimensions), dimensions)) is not None:
            # `dimensions: [vung]` (the region's name, with its marks): its id, as for_each is told.
            reader.error(item, msg("breakdowns_dimensions_named", name=name, id=named))
            return None
        if name not in dimensions:
            hint = closest(name, dimensions)
            declared = ", ".join(dimensions) or "-"
            reader.error(
                item,
                msg("breakdowns_unknown_dimension_hint", name=name, hint=hint, declared=declared)
                if hint
                else msg("breakdowns_unknown_dimension", name=name, declared=declared),
            )
            return None
        if name in out:
            reader.error(item, msg("units_twice", dimension=name))
            return None
        out.append(name)
    return tuple(out)


def target_breakdown(
    reader: _Reader,
    node: Node,
    keys: dict[str, tuple[Node, Node]],
    where: What,
    indicator: Indicator,
    dimensions: dict[str, Dimension],
) -> tuple[str, ...] | None:
    """A target's ``for_each:``: a dimension of its indicator, or a list of them."""
    value = keys["for_each"][1]
    names_nodes = value.value if isinstance(value, SequenceNode) else [value]
    first = names_nodes[0] if names_nodes else None
    if first is None or (
        isinstance(first, ScalarNode) and len(names_nodes) == 1 and (reader.is_null(first) or not first.value.strip())
    ):
        # for_each: [] / ~ / '': a breakdown by nothing is a slip, never "no breakdown".
        declared = ", ".join(indicator.dimensions) or "-"
        reader.error(
            value, msg("hostile_for_each_empty", what=_phrase(where), indicator=indicator.id, declared=declared)
        )
        return None
    out: list[str] = []
    for item in names_nodes:
        name = reader.text(item, _at(where, "for_each"))
        if name is None or _invisible(reader, item, name):
            return None
        if name not in indicator.dimensions:
            declared = ", ".join(indicator.dimensions)
            named = _named(name, indicator, dimensions)
            if named is not None:  # its name, in either language, or its id in capitals
                reader.error(item, msg("breakdowns_for_each_named", what=_phrase(where), name=name, id=named))
                return None
            reader.error(
                item,
                msg(
                    "breakdowns_for_each_not_declared",
                    what=_phrase(where),
                    name=name,
                    indicator=indicator.id,
                    declared=declared,
                )
                if declared
                # A derived indicator may not declare dimensions: saying to add them sent
                # the author round in a circle.
                else msg(
                    "authoring_for_each_derived",
                    what=_phrase(where),
                    name=name,
                    indicator=indicator.id,
                    inputs=", ".join(sorted(names_in(indicator.formula))),
                )
                if indicator.formula
                else msg("breakdowns_for_each_none", what=_phrase(where), name=name, indicator=indicator.id)
                if name in dimensions or ("dimension", name) in reader.refused
                # Declared nowhere: both steps at once, not one run for each.
                else msg("authoring_for_each_nowhere", what=_phrase(where), name=name, indicator=indicator.id),
            )
            return None
        if name not in out:
            out.append(name)
    order = {d: i for i, d in enumerate(indicator.dimensions)}
    return tuple(sorted(out, key=order.__getitem__))


def unit_overrides(
    reader: _Reader,
    node: Node,
    keys: dict[str, tuple[Node, Node]],
    where: What,
    target: Target,
    indicator: Indicator,
    dimensions: dict[str, Dimension],
    kind: Any,
) -> tuple[tuple[Dims, Target], ...] | None:
    """A target's ``overrides:``: each unit's own values, the fields of the target's kind,
    read as the whole target is, with the unit's fields in place of the target's."""
    value = keys["overrides"][1]
    if not target.for_each:
        reader.error(keys["overrides"][0], msg("breakdowns_overrides_need_for_each", what=_phrase(where)))
        return None
    entries = reader.mapping(value, _at(where, "overrides"), ())
    if entries is None:
        return None
    out: list[tuple[Dims, Target]] = []
    seen: dict[Dims, int] = {}
    for unit_key_text, (key_node, unit_node) in entries.items():
        given = _unit_named(unit_key_text, target.for_each)
        dims, problems = resolve_dims(indicator, given, dimensions)
        if not problems and tuple(d for d, _ in dims) != target.for_each:
            problems = [msg("breakdowns_override_dims", unit=unit_key_text, dims=", ".join(target.for_each))]
        if problems:
            # Said with the target and the override, as its other problems are: "target
            # 'thu-2025': overrides.Ha Long: 'Ha Long' is not a unit ..." (issue 17, twentieth session).
            named = _phrase(("sub", _at(where, "overrides"), unit_key_text))
            for problem in problems:
                reader.error(key_node, msg("definitions_field_problem", what=named, problem=problem))
            continue
        if dims in seen:
            reader.error(key_node, msg("breakdowns_override_twice", unit=unit_key_text, line=seen[dims]))
            continue
        seen[dims] = reader.loc(key_node).line
        unit_where = ("sub", _at(where, "overrides"), unit_key_text)
        field = next((k for k in ("value", "at_least", "at_most") if k in keys), None)
        if field is not None and isinstance(unit_node, ScalarNode) and not reader.is_null(unit_node):
            # "Ha Long: 20000": the figure without the key the target's type reads it by.
            said = dict(what=_phrase(unit_where), unit=unit_key_text, field=field, value=unit_node.value)
            reader.error(unit_node, msg("authoring_override_bare", **said))
            continue
        before = len(reader.problems)
        own = reader.mapping(unit_node, unit_where, kind.keys)
        if own is None:
            continue
        if not own:
            if len(reader.problems) == before:  # an unknown key is said already
                reader.error(
                    unit_node, msg("breakdowns_override_empty", what=_phrase(unit_where), keys=", ".join(kind.keys))
                )
            continue
        amounts = [k for k in AMOUNT_KEYS if k in kind.keys]
        if kind.amount and amounts and not set(own) & set(amounts):
            # The target's amount is the whole's (kinds/breakdown.py): inherited, it would
            # judge the unit against the province's plan.
            reader.error(
                unit_node, msg("hostile_override_needs_amount", what=_phrase(unit_where), keys=", ".join(amounts))
            )
            continue
        # A bound given for the unit replaces the target's, whichever side it is on.
        replaced = set(own) | ({"at_least", "at_most"} if {"at_least", "at_most"} & set(own) else set())
        merged = {k: v for k, v in keys.items() if k not in replaced and k not in ("for_each", "overrides")}
        merged.update(own)
        # The kind reads the unit's target as it read the whole one; the node is the
        # override's, so that a key it finds missing is said at the override.
        pairs = [merged[k] for k in merged]
        merged_node = MappingNode(unit_node.tag, pairs, unit_node.start_mark, unit_node.end_mark)
        common = {
            f: getattr(target, f) for f in ("id", "indicator", "name", "source", "note", "location", "group", "owner")
        }
        before = len(reader.problems)
        unit_target = kind.parse(reader, merged_node, merged, unit_where, common)
        if unit_target is not None and len(reader.problems) == before:
            finer_than_published(reader, own, _phrase(unit_where), unit_target, indicator)
        if unit_target is None or len(reader.problems) > before:
            continue
        # A plan for a unit of another time (a province formed in 2025, given a 2024
        # plan) is a slip of the author's: judged as written, it had a plan it never had.
        absent = absent_problem(unit_target, dims, dimensions, _phrase(where))
        if absent is not None:
            reader.error(key_node, absent)
            continue
        out.append((dims, unit_target))
    return tuple(out)


def _unit_named(text: str, for_each: tuple[str, ...]) -> list[tuple[str, str]]:
    """An override's key as dimension values: the unit's name when the target is broken
    down by one dimension, ``locality=Ha Long;sex=female`` when by several."""
    if len(for_each) == 1 and "=" not in text:
        return [(for_each[0], text)]
    out = []
    for part in text.split(";"):
        key, _, value = part.partition("=")
        out.append((key.strip(), value.strip()))
    return out


def target_unit(
    reader: _Reader,
    keys: dict[str, tuple[Node, Node]],
    where: What,
    indicator: Indicator,
    dimensions: dict[str, Dimension],
) -> Dims:
    """A target's ``of:`` (issue 16): the one unit whose series it is judged on, as
    ``{sex: Both sexes, age: All ages}`` or ``sex=Both sexes;age=All ages``. Not beside
    ``for_each`` (a breakdown of one unit is a later question; docs/decisions.md)."""
    value = keys["of"][1]
    if "for_each" in keys:
        reader.error(keys["of"][0], msg("exchange_of_and_for_each", what=_phrase(where)))
        return ()
    given: list[tuple[str, str]] = []
    if isinstance(value, MappingNode):
        entries = reader.mapping(value, _at(where, "of"), ())
        for dim_text, (_, unit_node) in (entries or {}).items():
            unit = reader.text(unit_node, _at(where, "of"))
            if unit is None:
                return ()
            given.append((dim_text, unit))
    else:
        text = reader.text(value, _at(where, "of"))
        if text is None:
            return ()
        given = [(k.strip(), v.strip()) for k, _, v in (part.partition("=") for part in text.split(";"))]
    dims, problems = resolve_dims(indicator, given, dimensions)
    if not given or (not dims and not problems):
        problems = [msg("exchange_of_empty", what=_phrase(where), dimensions=", ".join(indicator.dimensions) or "-")]
    for problem in problems:
        reader.error(value, problem)
    return () if problems else dims


def _named(name: str, indicator: Indicator | tuple[str, ...], dimensions: dict[str, Dimension]) -> str | None:
    """The dimension of ``indicator`` that ``name`` names rather than gives the id of: its
    id in other case, or its name in either language, with or without what its brackets
    add ('Locality (district level until 30 June 2025)'), as ``fold`` writes them
    (issue 17, twenty-sixth session). None for no such dimension."""
    from .vocabulary import fold

    typed = fold(name)
    for dim_id in indicator if isinstance(indicator, tuple) else indicator.dimensions:
        dim = dimensions.get(dim_id)
        written = [dim_id] + ([dim.name.en, dim.name.vi] if dim is not None else [])
        if any(typed in (fold(w), fold(w).partition(" (")[0].strip()) for w in written if w):
            return dim_id
    return None
