"""Loading targets.yaml: strict, every problem reported at once with its line and column.

The YAML is only *composed* into nodes by PyYAML's safe machinery; no PyYAML constructor
ever turns text into Python values. Each scalar is read by what the schema expects there,
so YAML 1.1's surprises cannot slip through: ``NO`` in a name stays the text "NO",
``1:30`` is refused as a number instead of becoming 90, and an unquoted ``2025-06-30`` is
refused as a period instead of becoming a date.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import InputError, did_you_mean
from .formula import FormulaError, parse_formula
from .model import (
    AverageTarget,
    Baseline,
    Bound,
    CumulativeTarget,
    Direction,
    EveryPeriodTarget,
    Indicator,
    LevelTarget,
    Location,
    Measure,
    Milestone,
    Plan,
    PlanTarget,
    Problem,
    Target,
    Text,
)
from .periods import Frequency, Period, PeriodError, parse_period
from .textfiles import nfc, read_text

__all__ = ["load_plan", "parse_plan", "parse_number", "TARGET_TYPES"]

_SURROGATE = re.compile("[\ud800-\udfff]")

INDICATOR_ID = re.compile(r"^[a-z0-9_]+$")
TARGET_ID = re.compile(r"^[a-z0-9-]+$")
_NUMBER = re.compile(r"^[-+]?(?:\d[\d_]*)?(?:\.\d+)?(?:[eE][-+]?\d+)?$")
_NULLS = {"", "~", "null", "Null", "NULL"}

TOP_KEYS = ("version", "title", "observations", "indicators", "targets", "timezone")
INDICATOR_KEYS = ("name", "unit", "direction", "frequency", "measure", "description", "formula")
COMMON_TARGET_KEYS = ("id", "type", "indicator", "name", "source", "note")
TARGET_TYPES: dict[str, tuple[str, ...]] = {
    "level": ("baseline", "milestones", "limit"),
    "every_period": ("at_least", "at_most", "from", "to"),
    "average": ("at_least", "at_most", "from", "to"),
    "cumulative": ("at_least", "at_most", "from", "to"),
    "plan": ("period", "value"),
}


def parse_number(text: str) -> float:
    """A finite decimal number, or ValueError saying what would be valid."""
    raw = text.strip()
    if raw and _NUMBER.match(raw) and any(ch.isdigit() for ch in raw):
        value = float(raw)
        if math.isfinite(value):
            return value
    low = raw.lower().lstrip("+-.")
    if low in ("nan", "inf", "infinity"):
        raise ValueError(f"'{text}' is not a finite number; write the figure itself, e.g. 12.5")
    if ":" in raw:
        raise ValueError(f"'{text}' is not a number (YAML 1.1 would read it as base-60); write a decimal like 12.5")
    if "," in raw:
        raise ValueError(f"'{text}' is not a number here; use a decimal point and no thousands separator, e.g. 1234.5")
    if raw.endswith("%"):
        raise ValueError(f"'{text}' is not a number; write {raw[:-1].strip()} (the unit belongs to the indicator)")
    raise ValueError(f"'{text}' is not a number; write a decimal like 12.5")


@dataclass
class _Reader:
    """Walks the node tree for one file, collecting problems instead of stopping at the first."""

    file: str
    problems: list[Problem] = field(default_factory=list)
    # Indicator id -> line of its 'measure:' key, for those that declare one; and the
    # measure a target's kind implied for one that does not, with that target's kind and line.
    declared_measure: dict[str, int] = field(default_factory=dict)
    implied_measure: dict[str, tuple[str, int]] = field(default_factory=dict)

    def loc(self, node: Node) -> Location:
        return Location(self.file, node.start_mark.line + 1, node.start_mark.column + 1)

    def error(self, node: Node, message: str) -> None:
        self.problems.append(Problem(self.loc(node), message))

    # --- structure -----------------------------------------------------------------
    def mapping(self, node: Node, what: str, allowed: tuple[str, ...]) -> dict[str, tuple[Node, Node]] | None:
        """Keys to (key node, value node); duplicate and unknown keys are reported."""
        if not isinstance(node, MappingNode):
            self.error(node, f"{what} must be a mapping of keys to values, got {_kind(node)}")
            return None
        out: dict[str, tuple[Node, Node]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.error(key_node, f"{what}: keys must be plain words, got {_kind(key_node)}")
                continue
            key = key_node.value
            # Only a double-quoted scalar can hold a surrogate (see ``surrogate``): the test
            # of style here spares a call for each of a national plan's 150,000 keys.
            if key_node.style == '"' and self.surrogate(key_node, f"{what}: key"):
                continue
            if key in out:
                first = out[key][0].start_mark.line + 1
                self.error(key_node, f"{what}: duplicate key '{key}' (first given on line {first})")
                continue
            if allowed and key not in allowed:
                suggestion = did_you_mean(key, allowed)
                self.error(key_node, f"{what}: unknown key '{key}'{suggestion} (valid keys: {', '.join(allowed)})")
                continue
            out[key] = (key_node, value_node)
        return out

    def scalar(self, node: Node, what: str) -> str | None:
        if not isinstance(node, ScalarNode):
            self.error(node, f"{what} must be a single value, got {_kind(node)}")
            return None
        if node.style == '"' and self.surrogate(node, what):
            return None
        return node.value

    def surrogate(self, node: ScalarNode, what: str) -> bool:
        """Report a lone UTF-16 surrogate ("\\ud800"), which no UTF-8 output can carry.

        Only a double-quoted scalar can hold one (YAML's \\u escape), so only those are
        searched: a national plan has hundreds of thousands of plain scalars.
        """
        if node.style != '"':
            return False
        found = _SURROGATE.search(node.value)
        if found is None:
            return False
        self.error(node, f"{what}: \\u{ord(found.group()):04x} is half of a UTF-16 surrogate pair, not a "
                         "character; write the character itself, or its \\U escape (e.g. \\U0001F600)")
        return True

    def is_null(self, node: Node) -> bool:
        # Plain style is None from PyYAML's composer and '' from libyaml's.
        return isinstance(node, ScalarNode) and not node.style and node.value in _NULLS

    def text(self, node: Node, what: str) -> str | None:
        raw = self.scalar(node, what)
        if raw is None:
            return None
        if self.is_null(node):
            return ""
        return nfc(raw)

    def localized(self, node: Node, what: str) -> Text | None:
        if isinstance(node, MappingNode):
            keys = self.mapping(node, what, ("en", "vi"))
            if keys is None:
                return None
            en = self.text(keys["en"][1], f"{what}.en") if "en" in keys else None
            vi = self.text(keys["vi"][1], f"{what}.vi") if "vi" in keys else None
            if not en and not vi:
                self.error(node, f"{what} needs 'en', 'vi' or both")
                return None
            return Text(en or vi or "", vi or en or "")
        value = self.text(node, what)
        if value is None:
            return None
        if not value:
            self.error(node, f"{what} must not be empty")
            return None
        return Text.plain(value)

    def number(self, node: Node, what: str) -> float | None:
        raw = self.scalar(node, what)
        if raw is None:
            return None
        if node.style:
            self.error(node, f"{what} must be a number, not quoted text ('{raw}')")
            return None
        try:
            return parse_number(raw)
        except ValueError as exc:
            self.error(node, f"{what}: {exc}")
            return None

    def period(self, node: Node, what: str) -> Period | None:
        raw = self.scalar(node, what)
        if raw is None:
            return None
        try:
            return parse_period(raw)
        except PeriodError as exc:
            self.error(node, f"{what}: {exc}")
            return None

    def choice(self, node: Node, what: str, options: tuple[str, ...]) -> str | None:
        raw = self.scalar(node, what)
        if raw is None:
            return None
        if raw not in options:
            suggestion = did_you_mean(raw, options)
            self.error(node, f"{what}: '{raw}' is not one of {', '.join(options)}{suggestion}")
            return None
        return raw


def _kind(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    return f"'{node.value}'" if isinstance(node, ScalarNode) else "something else"


def load_plan(path: Path) -> Plan:
    """Read and validate targets.yaml; raise InputError listing every problem."""
    from .gcpause import gc_paused

    text = read_text(path, "targets file")
    with gc_paused():  # a national plan is hundreds of thousands of nodes (gcpause.py)
        return parse_plan(text, str(path))


def parse_plan(text: str, file: str = "targets.yaml") -> Plan:
    reader = _Reader(file)
    if not text.strip():
        raise InputError([Problem(Location(file, 1), "the targets file is empty; expected 'indicators:' and 'targets:' (run 'qntrack init' for a commented example)")])
    try:
        root = _compose(text)
    except yaml.MarkedYAMLError as exc:
        if not _looks_like_plan(text):
            raise InputError([_foreign(file)]) from None
        raise InputError([_yaml_problem(file, exc, text)]) from None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML marks nearly every error
        raise InputError([Problem(Location(file), f"not valid YAML: {exc}")]) from None
    if root is None:
        raise InputError([Problem(Location(file, 1), "the targets file has no content; expected 'indicators:' and 'targets:'")])

    if not isinstance(root, MappingNode) or not any(
            isinstance(k, ScalarNode) and k.value in TOP_KEYS for k, _ in root.value):
        # Not one key of a plan: some other file (--targets /etc/passwd), whose content
        # a message must not echo (docs/data-integrity.md).
        raise InputError([_foreign(file)])
    top = reader.mapping(root, "the top level", TOP_KEYS)
    if top is None:
        raise InputError(reader.problems)
    title = ""
    observations = "observations.csv"
    if "version" in top:
        node = top["version"][1]
        if reader.scalar(node, "version") not in (None, "1"):
            reader.error(node, f"version: only schema version 1 is known, got '{node.value}'")
    if "title" in top:
        title = reader.text(top["title"][1], "title") or ""
    if "observations" in top:
        observations = reader.text(top["observations"][1], "observations") or ""
        if not observations:
            reader.error(top["observations"][1], "observations: give a file name, e.g. observations.csv")
            observations = "observations.csv"

    zone = ""
    if "timezone" in top:
        node = top["timezone"][1]
        raw = reader.text(node, "timezone")
        if raw:
            from .timing import parse_zone

            try:
                parse_zone(raw)
                zone = raw.strip()
            except ValueError as exc:
                reader.error(node, f"timezone: {exc}")

    indicators: dict[str, Indicator] = {}
    if "indicators" not in top:
        reader.error(root, "missing 'indicators:' (a mapping of indicator ids to their definitions)")
    else:
        node = top["indicators"][1]
        if reader.is_null(node):
            pass
        else:
            entries = reader.mapping(node, "indicators", ())
            for ind_id, (key_node, value_node) in (entries or {}).items():
                ind = _indicator(reader, ind_id, key_node, value_node)
                # An indicator with a mistake still answers to its id, so targets that use
                # it are not reported again as naming an unknown indicator.
                indicators[ind_id] = ind or Indicator(ind_id, Text.plain(ind_id), location=reader.loc(key_node))
    _check_formulas(reader, indicators)

    targets: list[Target] = []
    if "targets" not in top:
        reader.error(root, "missing 'targets:' (a list of targets)")
    else:
        node = top["targets"][1]
        if reader.is_null(node):
            pass
        elif not isinstance(node, SequenceNode):
            reader.error(node, f"targets must be a list (each item starting with '- id: ...'), got {_kind(node)}")
        else:
            seen: dict[str, int] = {}
            for item in node.value:
                target = _target(reader, item, indicators)
                if target is None:
                    continue
                if target.id in seen:
                    reader.error(item, f"duplicate target id '{target.id}' (first used on line {seen[target.id]})")
                    continue
                seen[target.id] = target.location.line
                targets.append(target)

    if reader.problems:
        raise InputError(reader.problems)
    return Plan(title, observations, indicators, tuple(targets), file, zone)


def _compose(text: str) -> Node | None:
    """The node tree, from libyaml's composer when PyYAML has it, else from PyYAML's.

    Both give the same nodes and marks. libyaml's is about five times faster on a
    national plan of 10,000 targets (docs/performance.md); on an error PyYAML's own pass
    is repeated, so that the message reads the same with or without libyaml.
    """
    fast = _untagged_loader()
    if fast is not None:
        try:
            return yaml.compose(text, Loader=fast)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


_UNTAGGED: list[type | None] = []


def _untagged_loader() -> type | None:
    """libyaml's loader minus tag resolution: nothing here reads a node's tag (each scalar is
    read by what the schema expects), and resolving them, in Python, cost a third of the time.
    """
    if not _UNTAGGED:
        base = getattr(yaml, "CSafeLoader", None)
        loader = None
        if base is not None:
            tags = {ScalarNode: base.DEFAULT_SCALAR_TAG, SequenceNode: base.DEFAULT_SEQUENCE_TAG,
                    MappingNode: base.DEFAULT_MAPPING_TAG}
            loader = type("_UntaggedLoader", (base,), {"resolve": lambda self, kind, value, implicit: tags[kind]})
        _UNTAGGED.append(loader)
    return _UNTAGGED[0]


_PLAN_KEY = re.compile(r"^(?:version|title|observations|indicators|targets|timezone)\s*:", re.MULTILINE)


def _looks_like_plan(text: str) -> bool:
    """Whether a file that is not valid YAML has at least one of a plan's top-level keys."""
    return _PLAN_KEY.search(text) is not None


def _foreign(file: str) -> Problem:
    return Problem(Location(file, 1), "not a qntrack targets file (no 'indicators:' or 'targets:' at the top "
                                      "level); give the plan's targets.yaml (docs/targets-format.md), or run "
                                      "'qntrack init' to start one")


def _yaml_problem(file: str, exc: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 0
    col = mark.column + 1 if mark else 0
    message = (exc.problem or exc.context or "not valid YAML").strip()
    if "\t" in message or "'\\t'" in message:
        message = "a tab character; YAML needs spaces for indentation"
    elif mark is not None:
        lines = text.splitlines()
        if 0 < line <= len(lines) and "\t" in lines[line - 1]:
            message += " (this line has a tab; YAML needs spaces for indentation)"
    return Problem(Location(file, line, col), f"not valid YAML: {message}")


# Each choice's valid values, and the enum member for each: worked out once rather than
# for each of ten thousand indicators (iterating an Enum and calling it run in Python).
_DIRECTION = {d.value: d for d in Direction}
_FREQUENCY = {f.value: f for f in Frequency}
_MEASURE = {m.value: m for m in Measure}
_DIRECTIONS, _FREQUENCIES, _MEASURES = tuple(_DIRECTION), tuple(_FREQUENCY), tuple(_MEASURE)


def _indicator(reader: _Reader, ind_id: str, key_node: Node, node: Node) -> Indicator | None:
    where = f"indicator '{ind_id}'"
    ok = True
    if not INDICATOR_ID.match(ind_id):
        reader.error(key_node, f"{where}: ids use lower-case letters, digits and '_' only (e.g. cbct_share)")
        ok = False
    keys = reader.mapping(node, where, INDICATOR_KEYS)
    if keys is None:
        return None
    if "name" not in keys:
        reader.error(node, f"{where}: missing 'name' (text, or {{en: ..., vi: ...}})")
        return None
    name = reader.localized(keys["name"][1], f"{where}: name")
    unit: str | None = ""
    unit_vi = ""
    if "unit" in keys:
        unode = keys["unit"][1]
        if isinstance(unode, MappingNode):
            both = reader.localized(unode, f"{where}: unit")
            unit, unit_vi = (both.en, both.vi) if both else (None, "")
        else:
            unit = reader.text(unode, f"{where}: unit")
    direction = Direction.INCREASE
    if "direction" in keys:
        value = reader.choice(keys["direction"][1], f"{where}: direction", _DIRECTIONS)
        direction = _DIRECTION[value] if value else direction
        ok = ok and value is not None
    frequency = Frequency.YEAR
    if "frequency" in keys:
        value = reader.choice(keys["frequency"][1], f"{where}: frequency", _FREQUENCIES)
        frequency = _FREQUENCY[value] if value else frequency
        ok = ok and value is not None
    measure = Measure.LEVEL
    if "measure" in keys:
        value = reader.choice(keys["measure"][1], f"{where}: measure", _MEASURES)
        measure = _MEASURE[value] if value else measure
        reader.declared_measure[ind_id] = reader.loc(keys["measure"][1]).line
        ok = ok and value is not None
    description = reader.text(keys["description"][1], f"{where}: description") if "description" in keys else ""
    formula = None
    if "formula" in keys:
        formula = reader.text(keys["formula"][1], f"{where}: formula")
    if name is None or unit is None or not ok:
        return None
    return Indicator(ind_id, name, unit, direction, frequency, measure, description or "", formula or None,
                     reader.loc(key_node), unit_vi)


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
            reader.problems.append(Problem(loc, f"indicator '{ind.id}': formula: {exc}"))
            continue
        unknown = sorted(n for n in expr.names if n not in indicators)
        for name in unknown:
            suggestion = did_you_mean(name, list(indicators))
            reader.problems.append(Problem(loc, f"indicator '{ind.id}': formula uses unknown indicator '{name}'{suggestion}"))
        deps[ind.id] = {n for n in expr.names if n in indicators}
    # Depth-first search for a cycle; report each cycle once, at the first indicator in it.
    state: dict[str, int] = {}
    reported: set[frozenset[str]] = set()

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(deps.get(node, ())):
            if state.get(nxt) == 1:
                cycle = path[path.index(nxt):] + [nxt]
                key = frozenset(cycle)
                if key not in reported:
                    reported.add(key)
                    reader.problems.append(Problem(indicators[nxt].location, f"indicator '{nxt}': formula has a cycle: {' -> '.join(cycle)}"))
            elif state.get(nxt) is None:
                visit(nxt, path + [nxt])
        state[node] = 2

    for ind_id in sorted(deps):
        if state.get(ind_id) is None:
            visit(ind_id, [ind_id])


def _target(reader: _Reader, node: Node, indicators: dict[str, Indicator]) -> Target | None:
    if not isinstance(node, MappingNode):
        reader.error(node, f"each target must be a mapping starting with 'id:', got {_kind(node)}")
        return None
    # The type decides which keys are valid, so read it before checking keys.
    kind = "level"
    for key_node, value_node in node.value:
        if isinstance(key_node, ScalarNode) and key_node.value == "type" and isinstance(value_node, ScalarNode):
            kind = value_node.value
    id_text = next((v.value for k, v in node.value if isinstance(k, ScalarNode) and k.value == "id" and isinstance(v, ScalarNode)), None)
    where = f"target '{id_text}'" if id_text else "target"
    if kind not in TARGET_TYPES:
        type_node = next(v for k, v in node.value if isinstance(k, ScalarNode) and k.value == "type")
        reader.choice(type_node, f"{where}: type", tuple(TARGET_TYPES))
        return None
    keys = reader.mapping(node, where, COMMON_TARGET_KEYS + TARGET_TYPES[kind])
    if keys is None:
        return None
    before = len(reader.problems)

    if "id" not in keys:
        reader.error(node, "target: missing 'id' (lower-case letters, digits and '-', e.g. cbct-share)")
        return None
    tid = reader.text(keys["id"][1], "target id") or ""
    if tid and not TARGET_ID.match(tid):
        reader.error(keys["id"][1], f"target id '{tid}': use lower-case letters, digits and '-' only (e.g. cbct-share)")
    indicator: Indicator | None = None
    if "indicator" not in keys:
        reader.error(node, f"{where}: missing 'indicator' (one of: {', '.join(indicators) or 'none defined'})")
    else:
        ind_node = keys["indicator"][1]
        ind_id = reader.text(ind_node, f"{where}: indicator")
        if ind_id is not None:
            indicator = indicators.get(ind_id)
            if indicator is None:
                suggestion = did_you_mean(ind_id, list(indicators))
                reader.error(ind_node, f"{where}: unknown indicator '{ind_id}'{suggestion}")
    name = reader.localized(keys["name"][1], f"{where}: name") if "name" in keys else None
    source = reader.text(keys["source"][1], f"{where}: source") if "source" in keys else ""
    note = reader.text(keys["note"][1], f"{where}: note") if "note" in keys else ""
    common: dict[str, Any] = dict(
        id=tid,
        indicator=indicator.id if indicator else "",
        name=name,
        source=source or "",
        note=note or "",
        location=reader.loc(node),
    )
    build: Callable[..., Target | None] = {
        "level": _level,
        "every_period": _span,
        "average": _span,
        "cumulative": _span,
        "plan": _plan,
    }[kind]
    target = build(reader, node, keys, where, common, kind)
    needs = {"average": Measure.RATE, "cumulative": Measure.FLOW}.get(kind)
    if indicator is not None and needs is not None and indicator.measure is not needs:
        indicator = _imply_measure(reader, node, where, kind, needs, indicator, indicators)
    if len(reader.problems) > before or indicator is None:
        return None
    return target


def _imply_measure(reader: _Reader, node: Node, where: str, kind: str, needs: Measure, indicator: Indicator,
                   indicators: dict[str, Indicator]) -> Indicator | None:
    """The target's kind implies its indicator's measure (an average reads a rate, a
    cumulative target adds up a flow) unless the indicator declares another one or an
    earlier target implied another: only a contradiction is refused (issue 12)."""
    does = ("averages a growth rate per period (measure: rate)" if needs is Measure.RATE
            else "adds up an amount per period (measure: flow)")
    article = "an" if kind[0] in "aeiou" else "a"
    declared = reader.declared_measure.get(indicator.id)
    implied = reader.implied_measure.get(indicator.id)
    if declared is not None:
        fix = ("use an average target for a rate, or remove that line if the indicator is an amount"
               if needs is Measure.FLOW else
               "use a cumulative target for an amount, or remove that line if the indicator is a rate")
        reader.error(node, f"{where}: {article} {kind} target {does}, but indicator '{indicator.id}' is declared "
                           f"'measure: {indicator.measure.value}' on line {declared}; {fix}")
        return None
    if implied is not None:
        other, line = implied
        reader.error(node, f"{where}: {article} {kind} target {does}, but the {other} target on line {line} reads "
                           f"indicator '{indicator.id}' as a {indicator.measure.value}; an indicator is one or the "
                           "other: declare its measure and keep the targets that fit it")
        return None
    reader.implied_measure[indicator.id] = (kind, reader.loc(node).line)
    implied_indicator = replace(indicator, measure=needs)
    indicators[indicator.id] = implied_indicator
    return implied_indicator


def _level(reader: _Reader, node: Node, keys: dict, where: str, common: dict, kind: str) -> Target | None:
    baseline = None
    if "baseline" in keys:
        bnode = keys["baseline"][1]
        if isinstance(bnode, MappingNode):
            bkeys = reader.mapping(bnode, f"{where}: baseline", ("period", "value"))
            if bkeys is not None:
                if "period" not in bkeys:
                    reader.error(bnode, f"{where}: baseline needs 'period' (e.g. {{period: 2020, value: 9.8}})")
                else:
                    period = _year(reader, bkeys["period"][1], f"{where}: baseline period")
                    value = reader.number(bkeys["value"][1], f"{where}: baseline value") if "value" in bkeys else None
                    if period is not None:
                        baseline = Baseline(period, value)
        else:
            period = _year(reader, bnode, f"{where}: baseline")
            if period is not None:
                baseline = Baseline(period)
    milestones: list[Milestone] = []
    if "milestones" in keys:
        mnode = keys["milestones"][1]
        if reader.is_null(mnode):
            pass
        elif not isinstance(mnode, SequenceNode):
            reader.error(mnode, f"{where}: milestones must be a list like '- {{by: 2025, value: 15}}'")
        else:
            for item in mnode.value:
                mkeys = reader.mapping(item, f"{where}: milestone", ("by", "value"))
                if mkeys is None:
                    continue
                missing = [k for k in ("by", "value") if k not in mkeys]
                if missing:
                    reader.error(item, f"{where}: milestone needs {' and '.join(repr(k) for k in missing)} (e.g. {{by: 2025, value: 15}})")
                    continue
                by = _year(reader, mkeys["by"][1], f"{where}: milestone 'by'")
                value = reader.number(mkeys["value"][1], f"{where}: milestone value")
                if by is None or value is None:
                    continue
                if baseline is not None and by <= baseline.period:
                    reader.error(mkeys["by"][1], f"{where}: milestone by {by} is not after the baseline {baseline.period}")
                    continue
                if milestones and by == milestones[-1].by:
                    reader.error(mkeys["by"][1], f"{where}: two milestones for {by} (lines {milestones[-1].location.line} "
                                                 f"and {reader.loc(item).line}); a target has one value a year: keep one")
                    continue
                if milestones and by <= milestones[-1].by:
                    reader.error(mkeys["by"][1], f"{where}: milestones must be in order of 'by'; {by} comes after {milestones[-1].by}")
                    continue
                milestones.append(Milestone(by, value, reader.loc(item)))
    if milestones and baseline is None:
        reader.error(node, f"{where}: milestones need a 'baseline' (a year, or {{period: 2020, value: 9.8}})")
    limit = reader.number(keys["limit"][1], f"{where}: limit") if "limit" in keys else None
    return LevelTarget(**common, baseline=baseline, milestones=tuple(milestones), limit=limit)


def _year(reader: _Reader, node: Node, what: str) -> Period | None:
    period = reader.period(node, what)
    if period is not None and not period.is_year:
        reader.error(node, f"{what}: level targets are judged on whole years; write a year like 2025, not {period}")
        return None
    return period


def _bound(reader: _Reader, node: Node, keys: dict, where: str) -> Bound | None:
    given = [k for k in ("at_least", "at_most") if k in keys]
    if len(given) != 1:
        reader.error(node, f"{where}: give exactly one of 'at_least' or 'at_most'")
        return None
    value = reader.number(keys[given[0]][1], f"{where}: {given[0]}")
    return None if value is None else Bound(value, given[0] == "at_least")


def _span(reader: _Reader, node: Node, keys: dict, where: str, common: dict, kind: str) -> Target | None:
    bound = _bound(reader, node, keys, where)
    missing = [k for k in ("from", "to") if k not in keys]
    if missing:
        reader.error(node, f"{where}: a {kind} target needs {' and '.join(repr(k) for k in missing)} (periods, e.g. from: 2021, to: 2025)")
        return None
    start = reader.period(keys["from"][1], f"{where}: from")
    end = reader.period(keys["to"][1], f"{where}: to")
    if start is None or end is None or bound is None:
        return None
    if end < start:
        reader.error(keys["to"][1], f"{where}: 'to' ({end}) is before 'from' ({start})")
        return None
    if kind == "average" and not (start.is_year and end.is_year):
        reader.error(node, f"{where}: an average target runs over whole years (e.g. from: 2021, to: 2025)")
        return None
    cls = {"every_period": EveryPeriodTarget, "average": AverageTarget, "cumulative": CumulativeTarget}[kind]
    return cls(**common, bound=bound, start=start, end=end)


def _plan(reader: _Reader, node: Node, keys: dict, where: str, common: dict, kind: str) -> Target | None:
    missing = [k for k in ("period", "value") if k not in keys]
    if missing:
        reader.error(node, f"{where}: a plan target needs {' and '.join(repr(k) for k in missing)} (e.g. period: 2022, value: 1500)")
        return None
    period = reader.period(keys["period"][1], f"{where}: period")
    value = reader.number(keys["value"][1], f"{where}: value")
    if period is None or value is None:
        return None
    if value == 0:
        reader.error(keys["value"][1], f"{where}: a plan of 0 cannot be achieved in per cent; give the planned figure")
        return None
    return PlanTarget(**common, period=period, value=value)
