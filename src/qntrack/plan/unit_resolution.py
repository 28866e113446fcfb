"""The units typed for a figure's dimensions resolved to the plan's (by value or by name,
once per dimension asked), or refused with the units the plan has, and a key made
canonical. Apart from units, which declares dimensions and their units and names a
unit's key, because this reads what a person or a file typed."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

from .units import (
    FORBIDDEN,
    MAX_UNIT,
    Dimension,
    Dims,
    Unit,
    fold,
    listed_name,
    names_listed,
    split_key,
    unit_key,
    unit_match,
    unit_text,
)

if TYPE_CHECKING:
    from ..catalog import Message
    from .model import Indicator

__all__ = [
    "unit_name_problem",
    "resolve_dims",
    "canonical_key",
    "dimension_label",
    "dimension_said",
    "dimensions_listed",
]

# The answers of resolve_dims for the dimensions last asked about: a store names a few
# thousand units over a million rows, and a status asks about each key several times
# (its canonical name, its breakdown, its dates). The mapping is held, so that its id
# cannot be another's while the answers are kept.
_RESOLVED: list[Any] = [None, {}, {}]


def resolve_dims(
    indicator: Indicator, given: Iterable[tuple[str, str]], dimensions: Mapping[str, Dimension]
) -> tuple[Dims, list[Message]]:
    """``given`` (dimension id or name, value as typed) as the indicator's canonical
    dimension values (the declared spelling, in the indicator's order), with what is wrong.

    A dimension is named by its id or its name in either language; a value must be one of
    the dimension's declared units when it lists them (did-you-mean otherwise).
    """
    given = tuple(given)
    if _RESOLVED[0] is not dimensions:
        _RESOLVED[0], _RESOLVED[1], _RESOLVED[2] = dimensions, {}, {}
    memo = (indicator.id, indicator.dimensions, given)
    found = _RESOLVED[1].get(memo)
    if found is None:
        found = _RESOLVED[1][memo] = _resolve_dims(indicator, given, dimensions)
    return found[0], list(found[1])


def _not_broken_down(indicator: Indicator, given: str, dimensions: Mapping[str, Dimension]) -> Message:
    """``given`` is no dimension of ``indicator``: the closest of its dimensions (by id or
    label) and each of them, labelled as the plan labels it."""
    from ..catalog import msg
    from .suggest import closest

    own = [dimensions[d] for d in indicator.dimensions if d in dimensions]
    names = {n: d.id for d in own for n in (d.id, d.name.en, d.name.vi)}
    close = closest(given, names)  # a label suggests the id, which is what is typed
    hint = msg("errors_did_you_mean", option=names[close]) if close else msg("errors_no_suggestion_then")
    listed = dimensions_listed(indicator.dimensions, dimensions)
    return msg("units_not_broken_down", indicator=indicator.id, dimension=given, hint=hint, **listed)


def _resolve_dims(
    indicator: Indicator, given: tuple[tuple[str, str], ...], dimensions: Mapping[str, Dimension]
) -> tuple[Dims, list[Message]]:
    from ..catalog import msg
    from .dimension_names import dimension_named, sharing_short_name

    problems: list[Message] = []
    found: dict[str, str] = {}
    typed: dict[str, str] = {}  # each unit found, as typed (tidied): the refusal names it so
    for raw_key, raw_value in given:
        dim_id = dimension_named(raw_key, dimensions, indicator.dimensions)
        if dim_id is None:
            shared = sharing_short_name(raw_key, dimensions, indicator.dimensions)
            problems.append(
                msg("units_dimension_short_name_shared", name=raw_key, ids=", ".join(shared))
                if shared
                else _not_broken_down(indicator, raw_key, dimensions)
                if indicator.dimensions
                else msg("units_no_dimensions", indicator=indicator.id, dimension=raw_key)
            )
            continue
        # What a typed value comes to depends on its dimension alone: worked out once for
        # every indicator broken down by it (a national import: 34 provinces and 3 sexes
        # for each of 145 indicators, 10,000 combinations; issue 17).
        values = _RESOLVED[2] if _RESOLVED[0] is dimensions else {}
        answer = values.get((dim_id, raw_value))
        if answer is None:
            answer = values[(dim_id, raw_value)] = _unit_value(dimensions[dim_id], raw_value)
        value, wrong, unknown = answer
        if wrong is not None:
            problems.append(wrong)
            continue
        if dim_id in found:
            # The same unit said twice (in a key and in its column, spelt alike or not) is
            # one unit; two units of one dimension are a figure of neither.
            # An open dimension's unit spelt two ways is one (units.open_spellings).
            if unknown is not None or unit_match(found[dim_id]) != unit_match(value):
                # Both units named: which is meant is the typist's to say (fortieth session),
                # each as typed (the Vietnamese names of a sex, not the plan's Male and Female: helper H).
                second = unit_text(raw_value)
                problems.append(msg("units_twice_named", dimension=dim_id, first=typed[dim_id], second=second))
            continue
        if unknown is not None:
            problems.append(unknown)
            continue
        found[dim_id], typed[dim_id] = value, unit_text(raw_value)
    dims = tuple((d, found[d]) for d in indicator.dimensions if d in found)
    return dims, problems


def _unit_value(dimension: Dimension, raw_value: str) -> tuple[str, Message | None, Message | None]:
    """The declared spelling of the unit ``raw_value`` names in ``dimension`` (the value as
    typed, tidied, for an open dimension); what is wrong with it as a name; and, when the
    dimension lists its units, that it names none of them (said after a dimension given
    twice, as before)."""
    from ..catalog import msg

    broken = _line_break(raw_value)
    if broken is not None:
        return raw_value, broken, None
    value = unit_text(raw_value)
    if not value:
        return value, msg("units_empty_value", dimension=dimension.id), None
    bad = next((ch for ch in value if ch in FORBIDDEN), None)
    if bad is not None:
        return value, msg("units_bad_character", dimension=dimension.id, value=value, character=repr(bad)), None
    wrong = unit_name_problem(value)
    if wrong is not None:
        return value, wrong, None
    if dimension.values is not None:
        unit = dimension.unit(value)
        if unit is None:
            return value, None, _unknown_unit(dimension, value)
        value = unit.value
    return value, None, None


# What ends a line (str.splitlines's line ends but the control characters, which
# ``unit_name_problem`` names as such): a unit's name holding one is two lines.
_LINE_ENDS = "\n\r\x85\u2028\u2029"


def _line_break(raw: str) -> Message | None:
    """A unit typed or imported with a line break in it ("Ha\\nLong": a cell wrapped with
    Alt+Enter, or two names pasted into one), refused on every path where it had become a
    space unsaid on all but a CSV's (thirty-fifth session); a tab stays a space. Any other
    control character that collapsing spaces would hide is named as one."""
    from ..catalog import msg

    for ch in raw:
        if ch in _LINE_ENDS:
            # Each break written as its escape, as the terminal writes a line feed (\x0a):
            # quoted as it is, it ran the message over two lines wherever nothing escaped
            # it, a caller's str(error), and U+2028 on the terminal (pass G).
            said = "".join(_escaped(c) if c in _LINE_ENDS else c for c in raw)
            return msg("hostile_unit_line_break", value=said, character=f"U+{ord(ch):04X}")
        if ch != "\t" and unicodedata.category(ch) == "Cc" and ch.isspace():
            return msg("hostile_unit_control", value=raw, character=repr(ch))
    return None


def _escaped(ch: str) -> str:
    """A line end as an escape: ``\\x0a`` below U+0100 (as output.terminal_text writes a
    control character), ``\\u2028`` above."""
    return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"


def unit_name_problem(value: str) -> Message | None:
    """What makes ``value`` no unit name besides the key's characters: a control character
    (a tab or line end is a space by now; what is left came with a pasted cell), or more
    than MAX_UNIT characters."""
    from ..catalog import msg

    bad = next((ch for ch in value if unicodedata.category(ch) == "Cc"), None)
    if bad is not None:
        return msg("hostile_unit_control", value=value, character=repr(bad))
    if len(value) > MAX_UNIT:
        return msg("hostile_unit_too_long", start=value[:40], length=len(value), limit=MAX_UNIT)
    return None


def canonical_key(text: str, indicators: Mapping[str, Indicator], dimensions: Mapping[str, Dimension]) -> str | None:
    """A store key as the plan names its unit (declared spelling, dimensions in the
    indicator's order), or None when it names none: a malformed key, an indicator not
    broken down, an undeclared dimension or unit (``qntrack check`` says which)."""
    split = split_key(text)
    if split is None:
        return None
    base, dims = split
    indicator = indicators.get(base)
    if indicator is None or not indicator.dimensions or not dims:
        return None
    canon, problems = resolve_dims(indicator, dims, dimensions)
    return None if problems else unit_key(base, canon)


def dimension_label(dimension: Dimension, lang: str) -> str:
    """The plan's label of ``dimension`` in ``lang``, in brackets after a space ("
    (Locality)"), for a message that names it by its id; "" when it has no label of its own."""
    name = dimension.name.get(lang).strip()
    return "" if not name or name == dimension.id else f" ({name})"


def dimension_said(dim_id: str, dimensions: Mapping[str, Dimension]) -> dict[str, str]:
    """A message's values naming dimension ``dim_id`` as the units messages do, its id and the
    plan's label in each language ("'locality' (Locality)"): ``dimension``, ``named_en``,
    ``named_vi`` (issue 17, thirty-seventh session, pass I)."""
    dimension = dimensions.get(dim_id)
    said = {"dimension": dim_id}
    for lang in ("en", "vi"):
        said[f"named_{lang}"] = dimension_label(dimension, lang) if dimension is not None else ""
    return said


def dimensions_listed(ids: Iterable[str], dimensions: Mapping[str, Dimension]) -> dict[str, str]:
    """``ids`` as a message lists valid dimensions, each with its label: the values of
    ``dimensions_en`` and ``dimensions_vi`` ("locality (Locality), area")."""
    out = {}
    for lang in ("en", "vi"):
        out[f"dimensions_{lang}"] = ", ".join(
            d + (dimension_label(dimensions[d], lang) if d in dimensions else "") for d in ids
        )
    return out


def _unknown_unit(dimension: Dimension, value: str) -> Message:
    from ..catalog import msg
    from .suggest import closest_unit, figures

    # Each unit's value, and its names that read as it (``Dimension.by_match``), as the plan
    # writes them: a misspelt name is suggested as a name, "valid:" lists each after its value.
    named = {u.value: _names_read(dimension, u) for u in dimension.values or ()}
    names = [*named, *(n for read in named.values() for n in read)]
    # A name holding a comma or a bracket is quoted (listed_name): "Ba Ria, Vung Tau" is one unit.
    shown = ", ".join(
        f"{listed_name(v)} ({names_listed(read)})" if read else listed_name(v) for v, read in named.items()
    )
    # Named by its id (what --dim and a column take) and as the plan labels it.
    said = {"dimension": dimension.id, "value": value, "values": shown}
    said |= {f"named_{lang}": dimension_label(dimension, lang) for lang in ("en", "vi")}
    shared = [u.value for u in dimension.values or () if any(unit_match(n) == unit_match(value) for _, n in u.names)]
    if len(shared) > 1:  # a name two units share names neither (Dimension): said so, no guess
        return msg("units_shared_name", units=names_listed(shared), **said)
    # No hint holds other figures than those typed (closest_unit): '2025' is no '2020'.
    lost = _letters_lost(value, names)
    if lost is not None and figures(lost) == figures(value):
        # A name whose letters a file saved in an encoding without them turned into '?':
        # the one declared unit it can be is named with the cause (twenty-first session).
        return msg("units_unknown_value_lost", hint=lost, **said)
    within = _named_within(value, named)
    if within is not None:
        if within and figures(within) == figures(value):
            return msg("units_unknown_value_hint", hint=within, **said)
        return msg("units_unknown_value", **said)
    close = closest_unit(unit_match(value), [unit_match(n) for n in names])
    if close is not None:
        hint = next(n for n in names if unit_match(n) == close)
        return msg("units_unknown_value_hint", hint=hint, **said)
    return msg("units_unknown_value", **said)


def _names_read(dimension: Dimension, unit: Unit) -> list[str]:
    """``unit``'s names in other languages that name it (not its value's spelling, nor a
    name another unit's value or name takes), one of each spelling, as the plan writes them."""
    out: dict[str, str] = {unit_match(unit.value): ""}
    for _, name in unit.names:
        if dimension.by_match.get(unit_match(name)) is unit:
            out.setdefault(unit_match(name), name)
    return [n for n in out.values() if n]


def _letters_lost(value: str, names: Sequence[str]) -> str | None:
    """The one declared unit ``value`` is when each of its '?' stands for one letter a
    program could not save (a Vietnamese name kept in cp1252), its other letters matched
    case ignored; None when there is no '?', no such unit or more than one."""
    if "?" not in value:
        return None
    pattern = re.compile(".".join(re.escape(part) for part in unicodedata.normalize("NFC", value).split("?")), re.I)
    found = [n for n in names if pattern.fullmatch(unicodedata.normalize("NFC", n))]
    return found[0] if len(found) == 1 else None


def _named_within(value: str, named: Mapping[str, Sequence[str]]) -> str | None:
    """The declared name whose words are whole words of ``value``, accents and case aside:
    a locality typed with the word for its kind of place (Ha Long after the words for
    "city", Co To after those for "island district"), which a plan leaves out and difflib
    finds too far when those words are long (fortieth session). The longest such name, when
    every other name found lies within it (a special zone's name holds its district's),
    and only when the other words typed say what kind of unit it is (``_KIND_WORDS``); ""
    when two units are named ("Ha Long and Cam Pha": no guess, not even difflib's) or when
    the other words make it another place ("Nam Dinh" is a province, not the sex "Nam";
    "Long Bien" no unit "Long": helper H); None when no name is."""
    typed = _words(value)
    found: list[tuple[tuple[str, ...], str]] = []
    for unit, read in named.items():
        for name in (unit, *read):
            words = _words(name)
            if words and _holds(typed, words):
                found.append((words, name))
    if not found:
        return None
    longest, name = max(found, key=lambda f: len(f[0]))
    if not all(_holds(longest, words) for words, _ in found):
        return ""
    at = next(i for i in range(len(typed)) if typed[i : i + len(longest)] == longest)
    return name if all(w in _KIND_WORDS for w in typed[:at] + typed[at + len(longest) :]) else ""


# The words (accents and case aside, as ``_words`` reads them) that say what kind of unit a
# name is and leave which unit it names alone: the kinds of place of Viet Nam's
# administrative levels and their abbreviations (province, city, town, township,
# district, ward, commune, special zone, island, region: tinh, thanh pho, thi xa, thi
# tran, huyen, quan, phuong, xa, dac khu, dao, vung, mien, khu vuc; TP, TX, TT, H., Q.,
# P., X.), their English words, "former" (cu), and the word a sex is written with (gioi).
# Any other word beside a declared name makes it another place: "Quang Nam" is no region
# "Nam". Written in ASCII, as the architecture keeps Vietnamese letters in the catalog.
_KIND_WORDS = frozenset(
    "tinh thanh pho thi xa tran huyen quan phuong dac khu dao vung mien vuc cu gioi "
    "tp tx tt h q p x "
    "province provincial city town township district ward commune special zone island "
    "region area county municipality former old the of".split()
)


def _words(text: str) -> tuple[str, ...]:
    """``text``'s words without their accents, case folded: the letter d with a stroke read
    as d, as a keyboard without Vietnamese types it."""
    return tuple(re.findall(r"\w+", fold(text)))


def _holds(words: tuple[str, ...], part: tuple[str, ...]) -> bool:
    return any(words[i : i + len(part)] == part for i in range(len(words) - len(part) + 1))
