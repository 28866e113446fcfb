"""What a newcomer writes in targets.yaml for something else (issue 17, seventeenth
session): a span of years where one period goes, a key of another type of target, a
group listed at the top, a decimal comma inside ``{ }``. The reader (yaml_reader) asks
these to say the slip in the author's terms instead of YAML's."""

from __future__ import annotations

import re
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..catalog import Message, msg

__all__ = [
    "ON_TARGETS",
    "SAME_AS",
    "SPAN",
    "comma_in_number",
    "comma_readings",
    "flow_key",
    "glued_key",
    "grouped_reading",
    "kinds_with",
    "listed_id",
    "size_after_comma",
    "written_id",
]

# Two years joined by a dash (2025-2030, 2021–2025): a span copied from a plan's heading.
SPAN = re.compile(r"^((?:19|20|21)\d\d)\s*[-\u2013\u2014]\s*((?:19|20|21)\d\d)$")

# Keys a newcomer writes for another: {year: 2020, value: 9.8} for a baseline's period,
# {year: 2025, value: 15} for a milestone's 'by'; the first the mapping takes is meant.
SAME_AS = {"year": ("period", "by"), "deadline": ("by",), "target": ("value",)}

# Top-level keys a newcomer writes for what each target says of itself.
ON_TARGETS = {"groups": "group", "group": "group", "owners": "owner", "owner": "owner"}


def kinds_with(key: str) -> list[str]:
    """The types of target (kinds.REGISTRY) that take ``key``, in the registry's order."""
    from ..kinds import REGISTRY

    return [name for name, kind in REGISTRY.items() if key in kind.keys]


def comma_in_number(
    key_node: ScalarNode, value_node: Node, read: dict[str, tuple[Node, Node]]
) -> tuple[Node, dict[str, Any]] | None:
    """``{value: 15,5}``: YAML reads ``value: 15`` and a key ``5`` with no value (a decimal
    comma, or a thousands separator, in ``{ }``). The number's node and the fields of the
    message that says so (catalog ``definitions_comma_in_number``), else None. ``read``:
    the keys of the mapping read before this one."""
    if not (not key_node.style and key_node.value[:1].isdigit() and read):  # plain: None, or "" (libyaml)
        return None
    if not (isinstance(value_node, ScalarNode) and value_node.value == "" and not value_node.style):
        return None
    number = list(read.values())[-1][1]  # read as 15 meanwhile: the plan is refused here
    if not (isinstance(number, ScalarNode) and not number.style):
        return None
    if number.end_mark.line != key_node.start_mark.line:
        return None
    rest = key_node.value
    written = f"{number.value},{rest}"
    if number.value.lstrip("+-").isdigit() and rest.isdigit():
        readings = comma_readings(number.value, rest)
    elif (whole := grouped_reading(written)) is not None:  # 12.771,5 or 1,234.5: one reading
        readings = msg("definitions_comma_reading", decimal=whole)
    else:
        return None
    return number, {"written": written, "number": number.value, "rest": rest, "readings": readings}


def size_after_comma(
    key_node: ScalarNode, value_node: Node, read: dict[str, tuple[Node, Node]]
) -> tuple[Node, dict[str, str]] | None:
    """``{value: 1,5 trieu}`` (with its marks): YAML reads ``value: 1`` and a key ``5 trieu``,
    a figure with its size word after a decimal comma. The number's node and the fields of
    ``definitions_number_size_word``, as outside ``{ }`` (session 47, helper G), else None."""
    from .plan_numbers import size_word

    if not (not key_node.style and key_node.value[:1].isdigit() and read):
        return None
    if not (isinstance(value_node, ScalarNode) and value_node.value == "" and not value_node.style):
        return None
    number = list(read.values())[-1][1]
    if not (isinstance(number, ScalarNode) and not number.style and number.value.lstrip("+").isdigit()):
        return None
    written = f"{number.value},{key_node.value}"
    sized = size_word(written) if number.end_mark.line == key_node.start_mark.line else None
    return None if sized is None else (number, {"text": written, **sized})


# A number grouped by thousands: the Vietnamese way (12.771,5) or the English (1,234.5).
_GROUPED_VI = re.compile(r"^[+-]?\d{1,3}(?:\.\d{3})+,\d+$")
_GROUPED_EN = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+\.\d+$")


def grouped_reading(raw: str) -> str | None:
    """The one number ``raw`` grouped by thousands can be (12.771,5 and 1,234.5: 12771.5,
    1234.5), written with a decimal point; None when it is not so grouped."""
    if _GROUPED_VI.match(raw):
        return raw.replace(".", "").replace(",", ".")
    if _GROUPED_EN.match(raw):
        return raw.replace(",", "")
    return None


def comma_readings(before: str, after: str) -> Message:
    """The numbers ``before,after`` can be (digits on both sides), for a message that says
    how to write it: with a decimal comma, ``before.after``; with a thousands separator,
    which groups three digits, also ``beforeafter`` ("2,500": 2.5 or 2500; "1,5": 1.5)."""
    decimal = f"{before}.{after}".rstrip("0").rstrip(".")
    if len(after) != 3:
        return msg("definitions_comma_reading", decimal=decimal)
    return msg("definitions_comma_readings", decimal=decimal, whole=f"{before}{after}")


def written_id(item: Node) -> str | None:
    """The ``id:`` written in a target's mapping, as typed, for a target refused for another
    mistake: a later target with the same id is still a duplicate, said at once."""
    if not isinstance(item, MappingNode):
        return None
    for key, value in item.value:
        if isinstance(key, ScalarNode) and key.value == "id" and isinstance(value, ScalarNode):
            return value.value.strip() or None
    return None


def listed_id(node: Node) -> str | None:
    """The first ``id:`` of a list of mappings (indicators written as targets are)."""
    items = getattr(node, "value", None)
    return written_id(items[0]) if isinstance(items, list) and items else None


def listed_ids(node: Node) -> list[str]:
    """The ids of a list written where a mapping by id is wanted: each item's ``id:``, or
    the key of an item written ``- sex:`` with its keys below it (dimensions as targets are)."""
    out: list[str] = []
    for item in getattr(node, "value", None) or ():
        found = written_id(item)
        if found is None and isinstance(item, MappingNode) and item.value:
            key = item.value[0][0]
            found = key.value.strip() if isinstance(key, ScalarNode) and key.value.strip() else None
        if found is not None:
            out.append(found)
    return out


def dedented_milestone(target: Node, key_node: ScalarNode, key: str) -> tuple[Node, str] | None:
    """``value: 15`` written under ``- by: 2025`` at the target's indentation, which YAML
    reads as a key of the target: the milestone it belongs to (the last of the list above
    it, which lacks the key) and that milestone's first key; else None."""
    if key not in ("by", "value") or not isinstance(target, MappingNode):
        return None
    listed = next((v for k, v in target.value if isinstance(k, ScalarNode) and k.value == "milestones"), None)
    items = getattr(listed, "value", None)
    if not isinstance(listed, SequenceNode) or not items or not isinstance(items[-1], MappingNode):
        return None
    last = items[-1]
    keys = [k.value for k, _ in last.value if isinstance(k, ScalarNode)]
    if key in keys or not keys or key_node.start_mark.line <= last.start_mark.line:
        return None
    return last, keys[0]


def same_as(key: str, allowed: tuple[str, ...]) -> str | None:
    """The key ``key`` is written for (SAME_AS; in Vietnamese, plan_words.KEY_WORDS),
    the first the mapping takes, or None."""
    from .plan_words import KEY_WORDS
    from .vocabulary import fold

    # A Vietnamese key written as `for_each` is (`chi_tieu`, folded): the underscore is the space (26th session).
    meant = SAME_AS.get(key) or KEY_WORDS.get(fold(key).replace("_", " "), ())
    return next((k for k in meant if k in allowed), None)


def unknown_key(what: str | Message, key: str, valid: str, hint: str | None, value: Node) -> Message:
    """An unknown key, with the key it most likely is; an empty value under it (`{year: ""}`)
    is said in the same message, so that the key once mended is not refused again. A
    character no one sees in the key is written as its code (invisible.py): "unknown key
    'baseline'; did you mean 'baseline'?" read so (issue 17, review of the 19th session)."""
    from .invisible import shown

    key = shown(key)
    if hint is None:
        return msg("definitions_unknown_key", what=what, key=key, valid=valid)
    if isinstance(value, ScalarNode) and not value.value.strip():
        wanted = msg("definitions_wanted_year" if hint in ("by", "period") else "definitions_wanted_value")
        return msg("definitions_unknown_key_empty", what=what, key=key, valid=valid, hint=hint, wanted=wanted)
    return msg("definitions_unknown_key_hint", what=what, key=key, valid=valid, hint=hint)


def glued_key(key_node: ScalarNode, value_node: Node, allowed: tuple[str, ...]) -> tuple[str, str] | None:
    """``{by:2025}``: a key written with no space after its colon, which YAML reads as one
    key 'by:2025' with no value. The key meant and the text to write (``by: 2025``), else None."""
    key, _, rest = key_node.value.partition(":")
    empty = isinstance(value_node, ScalarNode) and not value_node.value and not value_node.style
    if key_node.style or not empty or key not in allowed or not rest.strip() or rest[:1].isspace():
        return None
    return key, f"{key}: {rest.strip()}"


# A key, a space, then the start of a flow mapping or list: "unit {en" of "unit {en: yy}".
_FLOW_OPENED = re.compile(r"([a-z_][a-z0-9_]*)\s+([{\[].*)")
_CLOSER = {"{": "}", "[": "]"}


def flow_key(key_node: ScalarNode, value_node: Node, allowed: tuple[str, ...]) -> tuple[str, str] | None:
    """``unit {en: yy}``: a key without its colon before a flow mapping of one key, which is
    valid YAML, the key "unit {en" and its value "yy}" (thirty-eighth session: told "unknown
    key 'unit {en'"). The key meant and the text to write (``unit: {en: yy}``), else None;
    the same slip before two keys is a YAML error, said by ``yaml_words``."""
    found = _FLOW_OPENED.fullmatch(key_node.value) if not key_node.style else None
    if found is None or found[1] not in allowed or not isinstance(value_node, ScalarNode) or value_node.style:
        return None
    if not value_node.value.rstrip().endswith(_CLOSER[found[2][0]]):
        return None
    return found[1], f"{found[1]}: {found[2]}: {value_node.value.strip()}"


def bad_target_id(tid: str) -> Message:
    """A target id of other letters than a-z, 0-9 and '-', with the id it could be when
    there is one: its letters without their marks, in lower case, a space or '_' made '-'
    (a Vietnamese ke-hoach-fdi with its marks: ke-hoach-fdi; issue 17, twenty-sixth session)."""
    from .vocabulary import fold

    fixed = re.sub(r"[^a-z0-9]+", "-", fold(tid)).strip("-")
    if fixed and fixed != tid:
        return msg("definitions_target_id_could_be", id=tid, fixed=fixed)
    return msg("definitions_target_id", id=tid)


def indicator_id_could_be(ind_id: str) -> str | None:
    """The id an indicator id of other letters than a-z, 0-9 and '_' could be: its letters
    without their marks, in lower case, a space or '-' made '_' (a Vietnamese name typed
    as the id: tang_truong; issue 17, session 36), else None."""
    from .vocabulary import fold

    fixed = re.sub(r"[^a-z0-9_]+", "_", fold(ind_id)).strip("_")
    return fixed if fixed and fixed != ind_id else None


# A date as offices and ISO write it: 31/12/2020, 31-12-2020, 31.12.2020, 2020-12-31.
_DATE_YEAR = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})|(\d{4})-(\d{1,2})-(\d{1,2})")


def year_of_date(raw: str) -> tuple[str, dict[str, str]] | None:
    """A date written where targets.yaml wants a year (`baseline:`, a milestone's `by:`):
    its year when the day is the year's last, 31/12/2020 (or a US 12/31/2020); a day inside
    its year, `by: 30/6/2026`, is told that the year is the whole of it, to 31 December, and
    the last year ended by that day (issue 17, twenty-sixth session). The message's key and
    values, or None for no date."""
    date = _DATE_YEAR.fullmatch(raw.strip())
    if date is None:
        return None
    written = str(date[4] or date[5])
    # Day and month: 30/6/2026 day first, 2026-06-30 ISO.
    parts = {(int(date[1]), int(date[3])), (int(date[3]), int(date[1]))} if date[1] else {(int(date[7]), int(date[6]))}
    if (31, 12) in parts:
        return "definitions_year_of_date", {"year": written}
    return "definitions_year_of_date_within", {"year": written, "before": str(int(written) - 1)}
