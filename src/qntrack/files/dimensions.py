"""Reading targets.yaml's ``dimensions:`` (issue 14): each dimension's names and its
units, with the days a unit existed between and the units it was formed ``from``.

Every problem is reported with its line and column through the plan's reader
(files/yaml_reader.py); files/breakdowns.py reads what indicators and targets make of
the dimensions. docs/targets-format.md, "Breakdowns".
"""

from __future__ import annotations

from datetime import date
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..catalog import msg
from ..plan.model import Text
from ..plan.units import FORBIDDEN, Dimension, Unit, names_listed, unit_match, unit_text
from ..plan.unit_resolution import unit_name_problem
from .yaml_reader import LANGUAGE, _Reader, written_text
from .yaml_problems import What, _at, _kind, _phrase

__all__ = ["read_dimensions", "RESERVED_IDS", "DIMENSION_ID"]

DIMENSION_KEYS = ("name", "values")
UNIT_KEYS = ("value", "since", "until", "from", "names", "geocode", "code")
DIMENSION_ID = "^[a-z0-9_]+$"

# The columns printed beside a unit's dimension columns: the store's and history's, status
# (--by), rank. A dimension with one of these ids would give a CSV two columns of one
# name, which a script reading by name cannot tell apart (docs/decisions.md). Kept here,
# below the output layer; tests/test_hostile_breakdowns.py pins that it covers them all.
RESERVED_IDS = frozenset(
    """indicator period value status source note recorded_at in_force line id type name unit
    score progress_value latest_period latest_value next_milestone next_value gap
    missed_milestones reason bound_kind bound from to plan_period plan percent_of_plan
    difference year_to_date_period year_to_date_value year_to_date_percent_of_plan average
    required_rate_remaining total share_of_target share_of_time needed_per_remaining_period
    passed failed first_failure streak awaiting_figures rank own_values latest_source latest_status
    latest_recorded_at revises latest_revises provisional_period provisional_value provisional_status
    provisional_source provisional_recorded_at provisional_revises withdrawn direction milestones name_vi
    latest_parts_revised provisional_parts_revised as_of latest_revises_source latest_revises_recorded_at
    provisional_revises_source provisional_revises_recorded_at revises_source revises_recorded_at
    latest_revises_status provisional_revises_status revises_status source_vi note_vi description
    description_vi not_counted latest_note provisional_note""".split()
)


def read_dimensions(reader: _Reader, node: Node) -> dict[str, Dimension]:
    """The ``dimensions:`` mapping, by id; a dimension with a mistake is left out (its
    problem reported), so that indicators naming it are not refused a second time."""
    import re

    from .invisible import id_problem

    out: dict[str, Dimension] = {}
    if reader.is_null(node):
        return out
    entries = reader.mapping(node, "dimensions", ())
    for dim_id, (key_node, value_node) in (entries or {}).items():
        where = ("sub", "dimensions", dim_id)
        if (invisible := id_problem(reader.file, key_node, "dimension", dim_id)) is not None:
            reader.problems.append(invisible)
            continue
        if not re.match(DIMENSION_ID, dim_id):
            reader.error(key_node, msg("breakdowns_dimension_id", id=dim_id))
            continue
        if dim_id in RESERVED_IDS:
            reader.error(key_node, msg("hostile_dimension_reserved", id=dim_id, hint=f"{dim_id}_group"))
            continue
        if reader.is_null(value_node):  # `sex:` alone: an open list, named by its id
            out[dim_id] = Dimension(dim_id, Text.plain(dim_id), None, reader.loc(key_node))
            continue
        keys = reader.mapping(value_node, where, DIMENSION_KEYS)
        if keys is None:
            continue
        name = reader.localized(keys["name"][1], _at(where, "name")) if "name" in keys else Text.plain(dim_id)
        values = _units(reader, keys["values"][1], _at(where, "values")) if "values" in keys else None
        if name is None or ("values" in keys and values is None):
            continue
        if _name_taken(reader, key_node, dim_id, name, out):
            continue
        out[dim_id] = Dimension(dim_id, name, values, reader.loc(key_node))
    # Every dimension left out for its mistake: what names it is not told another.
    reader.refused.update(("dimension", d) for d in set(entries or ()) - set(out))
    return out


def _name_taken(reader: _Reader, node: Node, dim_id: str, name: Text, seen: dict[str, Dimension]) -> bool:
    """Whether the dimension's name is one an import's column or ``--dim`` would read as
    something else: a column of the store or its Vietnamese name (a dimension "Value" took
    the value column), or a name of a dimension declared before it (reported)."""
    from ..plan.units import unit_match
    from .store import HEADER
    from .vocabulary import HEADINGS  # a year's heading too (twenty-ninth session)

    columns = {unit_match(c): c for c in HEADER} | {unit_match(k): v for k, v in HEADINGS.items()}
    for text in dict.fromkeys((name.en, name.vi)):
        column = columns.get(unit_match(text))
        if column is not None:
            reader.error(node, msg("hostile_dimension_name_column", id=dim_id, name=text, column=column))
            return True
        for other in seen.values():
            if unit_match(text) in {unit_match(n) for n in (other.id, other.name.en, other.name.vi)}:
                reader.error(node, msg("hostile_dimension_name_twice", id=dim_id, name=text, other=other.id))
                return True
    return False


def _units(reader: _Reader, node: Node, what: What) -> tuple[Unit, ...] | None:
    """A dimension's ``values``: names, or ``{value, since, until, from}`` for a unit that
    began or ended on a date (Vietnam's 2025 reorganisation) and the units it was formed from."""
    if not isinstance(node, SequenceNode):
        reader.error(node, msg("breakdowns_values_not_list", what=_phrase(what), got=_kind(node)))
        return None
    if not node.value:  # no unit would be valid: every figure for the dimension refused
        reader.error(node, msg("hostile_values_empty", what=_phrase(what)))
        return None
    units: list[Unit] = []
    seen: dict[str, int] = {}
    coded: dict[str, str] = {}  # each declared code, or name that is one, and its unit
    refused: set[str] = set()  # listed, but said already: not "not listed" as a predecessor
    ok = True
    for item in node.value:
        unit = _unit(reader, item, what, flow=node.flow_style is True)
        if unit is None:
            ok = False
            refused.add(unit_match(unit_text(written_text(item, "value") or "")))
            continue
        key = unit_match(unit.value)
        if key in seen:
            reader.error(item, msg("breakdowns_unit_twice", value=unit.value, line=seen[key]))
            ok = False
            continue
        seen[key] = reader.loc(item).line
        units.append(unit)
        if not _own_code(reader, item, unit, coded):
            ok = False
    known = {unit_match(u.value): u for u in units}
    for unit in units:
        for before in unit.predecessors:
            prior = known.get(unit_match(before))
            if prior is None and unit_match(before) not in refused:
                found = msg("breakdowns_unknown_predecessor", value=unit.value, before=before)
            elif prior is not None and unit.since and prior.since and prior.since > unit.since:
                # Formed from a unit that comes into being later: no past to have come from.
                found = msg(
                    "small_unit_from_later", value=unit.value, since=unit.since, before=prior.value, began=prior.since
                )
            else:
                continue
            reader.problems.append(_at_unit(reader, unit, found))
            ok = False
    if ok:  # each predecessor in its declared spelling: the report finds its figures by it
        from dataclasses import replace

        units = [replace(u, predecessors=tuple(known[unit_match(b)].value for b in u.predecessors)) for u in units]
    return tuple(units) if ok and _no_cycle(reader, units) else None


def _own_code(reader: _Reader, node: Node, unit: Unit, coded: dict[str, str]) -> bool:
    """Whether the unit's SDMX code (its ``code:``, or its name when that is a code) is no
    other unit's of the dimension: read back, the code names one unit (files/sdmx_codes.py)."""
    from .sdmx_codes import usable

    code = unit.code or (unit.value if usable(unit.value) else "")
    if not code:
        return True
    other = coded.setdefault(code.lower(), unit.value)  # case aside, as sdmx_codes compares codes
    if other == unit.value:
        return True
    reader.error(node, msg("sdmx24_code_twice", code=code, value=unit.value, other=other))
    return False


def _no_cycle(reader: _Reader, units: list[Unit]) -> bool:
    """Whether no unit is formed, directly or through others, from itself: the report
    shows a successor beside its predecessors' history, which a cycle makes endless."""
    by_key = {unit_match(u.value): u for u in units}
    done: set[str] = set()
    ok = True
    for start in units:
        cycle = _cycle_from(start, by_key, done)
        if cycle is None:
            continue
        ok = False
        done.update(unit_match(u.value) for u in cycle)
        message = (
            msg("hostile_unit_from_itself", value=cycle[0].value)
            if len(cycle) == 2
            else msg("hostile_units_cycle", cycle=names_listed(u.value for u in cycle))
        )
        reader.problems.append(_at_unit(reader, cycle[0], message))
    return ok


def _cycle_from(start: Unit, by_key: dict[str, Unit], done: set[str]) -> list[Unit] | None:
    """The first cycle of predecessors reached from ``start`` (its units in order, the first
    repeated at the end), or None; ``done``: units known to lead to no cycle. A walk with
    its own stack: a chain of a thousand communes must not exhaust Python's recursion."""
    path: list[Unit] = []
    on_path: dict[str, int] = {}
    stack: list[tuple[Unit, int]] = [(start, 0)]
    while stack:
        unit, next_before = stack.pop()
        key = unit_match(unit.value)
        if next_before == 0:
            if key in on_path:
                return path[on_path[key] :] + [unit]
            if key in done:
                continue
            on_path[key] = len(path)
            path.append(unit)
        if next_before < len(unit.predecessors):
            stack.append((unit, next_before + 1))
            stack.append((by_key[unit_match(unit.predecessors[next_before])], 0))
        else:
            path.pop()
            del on_path[key]
            done.add(key)
    return None


def _at_unit(reader: _Reader, unit: Unit, message: Any) -> Any:
    from ..plan.model import Location, Problem

    return Problem(unit.location or Location(reader.file), message)


def _unit(reader: _Reader, node: Node, what: What, flow: bool = False) -> Unit | None:
    if isinstance(node, MappingNode):
        keys = reader.mapping(node, what, UNIT_KEYS)
        if keys is None:
            return None
        if "value" not in keys:
            reader.error(node, msg("breakdowns_unit_needs_value", what=_phrase(what)))
            return None
        value = _value(reader, keys["value"][1], what)
        since = _date(reader, keys["since"][1], _at(what, "since")) if "since" in keys else None
        until = _date(reader, keys["until"][1], _at(what, "until")) if "until" in keys else None
        before: tuple[str, ...] = ()
        if "from" in keys:
            items = keys["from"][1]
            if not isinstance(items, SequenceNode):
                reader.error(
                    items, msg("breakdowns_values_not_list", what=_phrase(_at(what, "from")), got=_kind(items))
                )
                return None
            names = [_value(reader, i, _at(what, "from"), flow=items.flow_style is True) for i in items.value]
            if any(n is None for n in names):
                return None
            before = tuple(n for n in names if n is not None)
        if value is None or ("since" in keys and since is None) or ("until" in keys and until is None):
            return None
        if since is not None and until is not None and until < since:
            reader.error(node, msg("breakdowns_until_before_since", value=value, since=since, until=until))
            return None
        labels: tuple[tuple[str, str], ...] = ()
        if "names" in keys:
            given = reader.mapping(keys["names"][1], _at(what, "names"), ())
            if given is None:
                return None
            found = []
            for lang, (key_node, name_node) in sorted(given.items()):
                if lang == "vn" or not LANGUAGE.match(lang):
                    reader.error(key_node, msg("exchange_language_key", what=_phrase(_at(what, "names")), key=lang))
                    return None
                name = _value(reader, name_node, _at(what, "names"), one_line=False)
                if name is None:
                    return None
                found.append((lang, name))
            labels = tuple(found)
        geocode = reader.text(keys["geocode"][1], _at(what, "geocode")) if "geocode" in keys else ""
        if geocode is None:
            return None
        code = _code(reader, keys["code"][1], what) if "code" in keys else ""
        if code is None:
            return None
        return Unit(value, since, until, before, reader.loc(node), labels, geocode.strip(), code)
    value = _value(reader, node, what, flow=flow)
    return None if value is None else Unit(value, location=reader.loc(node))


def _code(reader: _Reader, node: Node, what: What) -> str | None:
    """A unit's ``code:``, its SDMX code (files/sdmx_codes.py): an SDMX id, not the total's."""
    from .sdmx_codes import usable

    text = reader.text(node, _at(what, "code"))
    if text is None:
        return None
    text = text.strip()
    if not text:
        reader.error(node, msg("definitions_empty", what=_phrase(_at(what, "code"))))
    elif text.startswith("_"):  # SDMX's own codes: _T the total, _Z not applicable, ...
        reader.error(node, msg("sdmx24_code_total", code=text))
    elif not usable(text):
        reader.error(node, msg("sdmx24_code_not_id", code=text))
    else:
        return text
    return None


def _value(reader: _Reader, node: Node, what: What, one_line: bool = True, flow: bool = False) -> str | None:
    """A unit's name: text, trimmed, without the characters that write a store key;
    ``one_line``: a plain text over lines refused (not a label under ``names``, which may wrap);
    ``flow``: an item of a list in brackets, whose units a comma parts, not a '- '."""
    text = reader.text(node, what)
    if text is None:
        return None
    text = unit_text(text)
    if not text:
        reader.error(node, msg("definitions_empty", what=_phrase(what)))
        return None
    if one_line and isinstance(node, ScalarNode) and not node.style and node.end_mark.line > node.start_mark.line:
        # A plain text (no style: libyaml gives "", PyYAML None) over lines is one text to YAML: the next unit's '- ' forgotten made
        # "Cam Pha" and "Uong Bi" one unit, and every figure of either "not a unit"
        # (forty-fourth session's leftover). A name needing lines can be quoted.
        first, last = node.start_mark.line + 1, node.end_mark.line + 1
        key = "breakdowns_unit_over_lines_flow" if flow else "breakdowns_unit_over_lines"
        reader.error(node, msg(key, value=text, first=first, last=last))
        return None
    bad = next((ch for ch in text if ch in FORBIDDEN), None)
    if bad is not None:
        reader.error(node, msg("breakdowns_unit_character", value=text, character=repr(bad)))
        return None
    wrong = unit_name_problem(text)
    if wrong is not None:
        reader.error(node, wrong)
        return None
    return text


def _date(reader: _Reader, node: Node, what: What) -> date | None:
    raw = reader.scalar(node, what)
    if raw is None:
        return None
    text = raw.strip()
    try:
        if len(text) != 10:  # fromisoformat also takes 20250701 and 2025-W27-1
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        reader.error(node, msg("breakdowns_not_a_date", what=_phrase(what), raw=raw))
        return None
