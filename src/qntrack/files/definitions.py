"""Loading targets.yaml: strict, every problem reported at once with its line and column.

The YAML is only *composed* into nodes by PyYAML's safe machinery; no PyYAML constructor
ever turns text into Python values. Each scalar is read by what the schema expects there,
so YAML 1.1's surprises cannot slip through: ``NO`` in a name stays the text "NO",
``1:30`` is refused as a number instead of becoming 90, and an unquoted ``2025-06-30`` is
refused as a period instead of becoming a date.
"""

from __future__ import annotations

import re
import threading
from dataclasses import replace
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..errors import PlanError
from .kept_plans import KEEP_FROM as KEEP_FROM  # where tests set it (the loader reads kept_plans')

# Kept here for Python callers that import it from here; qntrack's own commands import it
# from plan_loading, so that a kept plan is read without this module's parser (issue 17).
from .plan_loading import load_plan as load_plan
from ..catalog import Worded, msg
from ..plan.model import Indicator, Location, Measure, Plan, Problem, Target, Text
from .group_names import named_groups
from .plan_words import named_as_change, named_as_share
from .plan_texts import free_text
from ..kinds import REGISTRY
from ..plan.units import Dimension
from .breakdowns import target_breakdown, target_unit, unit_overrides
from .dimensions import read_dimensions
from .sdmx_units import read_plan_sdmx
from .invisible import id_problem
from .finer import finer_than_published
from .yaml_reader import _Reader, parse_number
from .yaml_problems import What, _at, _kind, _phrase, has_noncharacter, typed_unprintable
from .slips import bad_target_id, written_id
from .yaml_nodes import compose_plan, looks_like_plan, merge_keys, nesting_line
from .yaml_words import yaml_problem
from .plan_indicators import _check_formulas, _indicator
from .opensdg_status import companion_status_problems

__all__ = ["load_plan", "parse_plan", "parse_number", "TARGET_TYPES"]

TARGET_ID = re.compile(r"^[a-z0-9-]+$")

TOP_KEYS = ("version", "title", "observations", "indicators", "targets", "timezone", "dimensions", "sdmx")
COMMON_TARGET_KEYS = tuple("id type indicator name source note group owner for_each overrides of".split())
# Each kind's own keys, as its module declares them (kinds.REGISTRY).
TARGET_TYPES: dict[str, tuple[str, ...]] = {name: kind.keys for name, kind in REGISTRY.items()}


# The plans this process parsed last, by file name and text: a program that reads one
# targets.yaml again (a status for each of several dates; a test suite) gets the plan
# without another parse. A plan is frozen dataclasses and tuples that no code changes
# (tests/test_plan_memo.py proves it after every command), so one can be shared; an edit
# changes the text, so the key. A file of problems raises each time, as it is never kept.
_RECENT: dict[tuple[str, str], Plan] = {}
_RECENT_SIZE = 4
_RECENT_LOCK = threading.Lock()  # a web service's threads may load plans at once


def _parsed_recently(text: str, file: str) -> Plan:
    plan = _RECENT.get((file, text))
    if plan is None:
        plan = parse_plan(text, file)  # outside the lock: two threads may parse; one is kept
        with _RECENT_LOCK:
            while len(_RECENT) >= _RECENT_SIZE:
                _RECENT.pop(next(iter(_RECENT)))  # the oldest
            _RECENT[(file, text)] = plan
    return plan


def parse_plan(text: str, file: str = "targets.yaml") -> Plan:
    reader = _Reader(file, plain_odd=has_noncharacter(text))
    if not text.strip():
        raise PlanError([Problem(Location(file, 1), msg("definitions_file_empty"))])
    try:
        root = compose_plan(text)
    except RecursionError:
        # PyYAML composes (and libyaml's binding builds) nodes by recursion: some 900
        # brackets inside one another exhaust Python's stack. No plan is nested so.
        raise PlanError([Problem(Location(file, nesting_line(text)), msg("definitions_too_deep"))]) from None
    except yaml.MarkedYAMLError as exc:
        if not looks_like_plan(text):
            raise PlanError([_foreign(file)]) from None
        raise PlanError([_yaml_problem(file, exc, text)]) from None
    except yaml.reader.ReaderError as exc:  # a character YAML refuses, typed as is
        if not looks_like_plan(text):
            raise PlanError([_foreign(file)]) from None
        typed = typed_unprintable(file, exc.character, exc.position, text)
        raise PlanError([typed or Problem(Location(file), msg("definitions_not_yaml", problem=exc))]) from None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML marks nearly every error
        raise PlanError([Problem(Location(file), msg("definitions_not_yaml", problem=exc))]) from None
    if root is None:
        raise PlanError([Problem(Location(file, 1), msg("definitions_no_content"))])

    if not isinstance(root, MappingNode) or not any(
        isinstance(k, ScalarNode) and (k.value in TOP_KEYS or _vietnamese_top(k.value)) for k, _ in root.value
    ):
        # Not one key of a plan: some other file (--targets /etc/passwd), whose content
        # a message must not echo (docs/data-integrity.md).
        raise PlanError([_foreign(file)])
    if "<<" in text and (merged := merge_keys(root)):  # a walk of every node, only where one can be
        # `<<: *span` merges nothing here (the plan is composed, not constructed): said
        # alone, not as an unknown key and the keys it was to bring as missing.
        raise PlanError([Problem(reader.loc(n), msg("definitions_yaml_merge")) for n in merged])
    top = reader.mapping(root, ("top",), TOP_KEYS)
    if top is None:
        raise PlanError(reader.problems)
    observations = "observations.csv"
    if "version" in top:
        node = top["version"][1]
        if reader.scalar(node, "version") not in (None, "1"):
            reader.error(node, msg("definitions_unknown_version", version=node.value))
    title, title_vi = "", ""
    if "title" in top:
        node = top["title"][1]
        if isinstance(node, MappingNode):
            both = reader.localized(node, "title")
            title, title_vi = (both.en, both.vi) if both is not None else ("", "")
        else:
            title = reader.text(node, "title") or ""
    if "observations" in top:
        observations = reader.text(top["observations"][1], "observations") or ""
        if not observations:
            reader.error(top["observations"][1], msg("definitions_observations_empty"))
            observations = "observations.csv"
        elif re.match(r"[A-Za-z][A-Za-z0-9+.-]*://", observations):  # read as a path, 'https:/x/...'
            reader.error(top["observations"][1], msg("definitions_observations_url", path=observations))
        elif observations.lstrip().startswith("~"):  # "~": a home folder, never the file '~' here
            from .store_missing import home_store

            if (home := home_store(observations, file)) is not None:
                reader.error(top["observations"][1], home)

    zone = ""
    if "timezone" in top:
        node = top["timezone"][1]
        raw = reader.text(node, "timezone")
        if raw:
            from ..method.timing import parse_zone

            try:
                parse_zone(raw)
                zone = raw.strip()
            except ValueError as exc:
                reader.error(node, msg("definitions_field_problem", what="timezone", problem=exc.args[0]))

    dimensions = read_dimensions(reader, top["dimensions"][1]) if "dimensions" in top else {}
    sdmx = read_plan_sdmx(reader, top["sdmx"][1] if "sdmx" in top else None)
    indicators: dict[str, Indicator] = {}
    if "indicators" not in top:
        reader.missing(root, "indicators", msg("definitions_missing_indicators"))
    else:
        node = top["indicators"][1]
        entries = {} if reader.is_null(node) else reader.mapping(node, "indicators", ())
        for ind_id, (key_node, value_node) in (entries or {}).items():
            ind = _indicator(reader, ind_id, key_node, value_node, dimensions, entries or {})
            # An indicator with a mistake still answers to its id, so targets that use it
            # are not reported again as naming an unknown indicator (nor checked against it).
            if ind is None:
                reader.refused.add(("indicator", ind_id))
            indicators[ind_id] = ind or Indicator(ind_id, Text.plain(ind_id), location=reader.loc(key_node))
    if reader.empty_units:
        from .smart_quotes import commented_units

        reader.problems += commented_units(reader, text)
    _check_formulas(reader, indicators)
    companion_status_problems(reader, indicators)

    targets: list[Target] = []
    if "targets" not in top:
        reader.missing(root, "targets", msg("definitions_missing_targets"))
    else:
        node = top["targets"][1]
        if reader.is_null(node):
            pass
        elif not isinstance(node, SequenceNode):
            reader.error(node, msg("definitions_targets_not_list", got=_kind(node)))
        else:
            seen: dict[str, int] = {}
            for item in node.value:
                target = _target(reader, item, indicators, dimensions)
                tid = target.id if target is not None else written_id(item)  # one refused has an id too
                if tid is not None and tid in seen:
                    reader.error(item, msg("definitions_duplicate_target", id=tid, first=seen[tid]))
                    continue
                if tid is not None:
                    seen[tid] = reader.loc(item).line
                if target is not None:
                    targets.append(target)
            _level_read_as_rate(reader, targets, indicators)

    if reader.problems:
        # In the order of the file's lines, as the author reads it (a target's "needs" was
        # said after the keys below its first line; a duplicate id after the target's own).
        from .smart_quotes import quote_hints  # a line TextEdit typed “ ” on says so

        raise PlanError(quote_hints(sorted(reader.problems, key=lambda p: p.location.line or 0), text))
    return Plan(title, observations, indicators, named_groups(targets), file, zone, dimensions, title_vi, *sdmx)


def _vietnamese_top(key: str) -> bool:
    """Whether ``key`` is Vietnamese for the plan's indicators or targets (plan_words'
    KEY_WORDS, the words for 'indicator' and 'target', accents and '_' aside): a plan
    written with its keys in Vietnamese, each then told its English, not a file of
    someone else's (forty-first session)."""
    from .slips import same_as

    return same_as(key, ("indicators", "targets")) is not None


def _foreign(file: str) -> Problem:
    return Problem(Location(file, 1), msg("definitions_foreign"))


def _yaml_problem(file: str, exc: yaml.MarkedYAMLError, text: str) -> Problem:
    line, col, message = yaml_problem(exc, text, TOP_KEYS)
    return Problem(Location(file, line, col), msg("definitions_not_yaml", problem=message))


def _target(
    reader: _Reader, node: Node, indicators: dict[str, Indicator], dimensions: dict[str, Dimension]
) -> Target | None:
    if not isinstance(node, MappingNode):
        reader.error(node, msg("definitions_target_not_mapping", got=_kind(node)))
        return None
    # The type decides which keys are valid, so read it before checking keys.
    # Up to a second 'id', or the target's first key again ('type' written first): the keys
    # from there are the next target's, its '- ' forgotten (yaml_reader says so once), and
    # its type is not this one's (pass G).
    kind, seen = "level", set()
    opening = getattr(node.value[0][0], "value", None) if node.value else None
    for key_node, value_node in node.value:
        key = getattr(key_node, "value", None)
        if key in seen and key in ("id", opening):
            break
        seen.add(key)
        if isinstance(key_node, ScalarNode) and key == "type" and isinstance(value_node, ScalarNode):
            kind = value_node.value
    id_text = next(
        (v.value for k, v in node.value if isinstance(k, ScalarNode) and k.value == "id" and isinstance(v, ScalarNode)),
        None,
    )
    where = ("target", id_text)
    if kind not in TARGET_TYPES:
        type_node = next(v for k, v in node.value if isinstance(k, ScalarNode) and k.value == "type")
        reader.choice(type_node, _at(where, "type"), tuple(TARGET_TYPES))
        return None
    keys = reader.mapping(node, where, COMMON_TARGET_KEYS + TARGET_TYPES[kind])
    if keys is None:
        return None
    before = len(reader.problems)

    if "id" not in keys:
        reader.error(node, msg("definitions_target_missing_id"))
        return None
    tid = reader.text(keys["id"][1], ("target id",)) or ""
    if (invisible := id_problem(reader.file, keys["id"][1], "target", tid)) is not None:
        reader.problems.append(invisible)
    elif tid and not TARGET_ID.match(tid):
        reader.error(keys["id"][1], bad_target_id(tid))
    elif tid.startswith("-"):
        # 'qntrack show -rf' reads it as an option: an id no command could be given.
        reader.error(keys["id"][1], msg("definitions_target_id_dash", id=tid))
    indicator: Indicator | None = None
    if "indicator" not in keys:
        if not reader.meant(node, "indicator"):  # else said as the key written for it
            reader.error(
                node,
                msg("definitions_target_missing_indicator", what=_phrase(where), options=", ".join(indicators))
                if indicators
                else msg("definitions_target_missing_indicator_none", what=_phrase(where)),
            )
    else:
        ind_node = keys["indicator"][1]
        ind_id = reader.text(ind_node, _at(where, "indicator"))
        if ind_id is not None and (invisible := id_problem(reader.file, ind_node, "indicator", ind_id)) is not None:
            reader.problems.append(invisible)  # a reference that reads as another id
        elif ind_id is not None:
            indicator = indicators.get(ind_id)
            if indicator is None and ("top", "indicators") not in reader.refused and ind_id not in reader.could_be:
                hint = reader.indicator_hint(ind_id, indicators)
                reader.error(
                    ind_node,
                    msg("definitions_target_unknown_indicator", what=_phrase(where), id=ind_id)
                    if hint is None
                    else msg("definitions_target_unknown_indicator_hint", what=_phrase(where), id=ind_id, hint=hint),
                )
    name = reader.localized(keys["name"][1], _at(where, "name")) if "name" in keys else None
    source, note = free_text(reader, keys, where, "source"), free_text(reader, keys, where, "note")
    # Text or {en, vi}, read as a name is (docs/targets-format.md, "Groups and owners").
    group = reader.localized(keys["group"][1], _at(where, "group")) if "group" in keys else None
    owner = reader.localized(keys["owner"][1], _at(where, "owner")) if "owner" in keys else None
    common: dict[str, Any] = dict(id=tid, indicator=indicator.id if indicator else "", name=name, group=group)
    common.update(source=source, note=note, location=reader.loc(node), owner=owner)
    if indicator is not None and ("indicator", indicator.id) in reader.refused:
        indicator = None  # a stand-in: its measure and dimensions are not the file's
    if "for_each" in keys and indicator is not None:
        common["for_each"] = target_breakdown(reader, node, keys, where, indicator, dimensions) or ()
    if "of" in keys and indicator is not None:
        common["of"] = target_unit(reader, keys, where, indicator, dimensions)
    own = {k: v for k, v in keys.items() if k not in ("for_each", "overrides", "of")}
    reader.target_measure = indicator.measure if indicator is not None else None
    reader.target_decrease = indicator is not None and not indicator.increase
    target = REGISTRY[kind].parse(reader, node, own, where, common)
    if target is not None and indicator is not None and len(reader.problems) == before:
        finer_than_published(reader, own, reader.phrase(where), target, indicator)
    if target is not None and indicator is not None and "overrides" in keys and len(reader.problems) == before:
        overrides = unit_overrides(
            reader, node, own | {"overrides": keys["overrides"]}, where, target, indicator, dimensions, REGISTRY[kind]
        )
        if overrides is not None:
            target = replace(target, overrides=overrides)
    needs = REGISTRY[kind].implies
    if indicator is not None and needs is not None and indicator.measure is not needs:
        indicator = _imply_measure(reader, node, where, kind, needs, indicator, indicators)
    if len(reader.problems) > before or indicator is None:
        return None
    return target


def _imply_measure(
    reader: _Reader,
    node: Node,
    where: What,
    kind: str,
    needs: Measure,
    indicator: Indicator,
    indicators: dict[str, Indicator],
) -> Indicator | None:
    """The target's kind implies its indicator's measure (an average reads a rate, a
    cumulative target adds up a flow) unless the indicator declares another one or an
    earlier target implied another: only a contradiction is refused (issue 12)."""
    # Only average (needs rate) and cumulative (needs flow) targets imply a measure: one
    # whole sentence for each, as the words around the kind differ in Vietnamese.
    declared = reader.declared_measure.get(indicator.id)
    implied = reader.implied_measure.get(indicator.id)
    measure = msg(f"measure_key_{indicator.measure.value}" if declared else f"measure_read_{indicator.measure.value}")
    flow = needs is Measure.FLOW
    if declared is not None:
        said = "definitions_measure_declared_flow" if flow else "definitions_measure_declared_rate"
        if flow and indicator.measure is Measure.BALANCE:  # a net amount: no average to offer (s47)
            said = "definitions_measure_declared_balance"
        reader.error(node, msg(said, what=_phrase(where), id=indicator.id, measure=measure, line=declared))
        return None
    if implied is not None:
        other, line = implied
        said = "definitions_measure_implied_flow" if flow else "definitions_measure_implied_rate"
        reader.error(node, msg(said, what=_phrase(where), other=other, line=line, id=indicator.id, measure=measure))
        return None
    if not flow and named_as_share(indicator.name.en, indicator.name.vi):
        # "Urbanisation up 1.2 points a year" as an average: 45.1 % read as growth (s46).
        en, vi = indicator.name.en, indicator.name.vi  # each reader the name in its language (s47)
        shown = Worded(en if named_as_share(en) else vi, vi if named_as_share(vi) else en)
        reader.error(node, msg("definitions_share_as_rate", what=_phrase(where), id=indicator.id, name=shown))
        return None
    if flow and any(u.lstrip().startswith(("%", "\u2030")) for u in (indicator.unit, indicator.unit_vi)):
        # "Deficit at most 4 % of GDP" as a cumulative cap: the years' shares added (s46).
        reader.error(
            node,
            msg(
                "definitions_percent_as_flow",
                what=_phrase(where),
                id=indicator.id,
                unit=Worded(indicator.unit, indicator.unit_vi),
            ),
        )
        return None
    reader.implied_measure[indicator.id] = (kind, reader.loc(node).line)
    implied_indicator = replace(indicator, measure=needs)
    indicators[indicator.id] = implied_indicator
    return implied_indicator


def _level_read_as_rate(reader: _Reader, targets: list[Target], indicators: dict[str, Indicator]) -> None:
    """A level target on an indicator that declares no measure, which an average target
    makes a growth rate: its milestones would be read by points a year instead of growth,
    one target changing another's status with nothing said ("reduce the poverty rate by 1
    point a year" added as an average beside the 2030 milestone; helper M, forty-sixth
    session). Refused at the level target, naming the average's line."""
    from ..plan.model import LevelTarget

    for t in targets:
        implied = reader.implied_measure.get(t.indicator)
        if not (isinstance(t, LevelTarget) and implied is not None and implied[0] == "average"):
            continue  # the names looked at only then: 10,000 folds cost a cold status 0.1 s
        named = indicators.get(t.indicator)
        if named is not None and named_as_change(named.name.en, named.name.vi):
            continue  # "GRDP growth": a rate, its level targets read as one (session 47, helper G)
        said = msg("definitions_level_read_as_rate", id=t.id, indicator=t.indicator, line=implied[1])
        reader.problems.append(Problem(t.location, said))
