"""The words of a targets.yaml problem: what it is about (a What, said as its phrase), the
kind of node found where another was wanted, what a value refused as a period means, and
a character YAML refuses as typed. Apart from the reader, which walks the nodes, because
these only say what it found."""

from __future__ import annotations

import re

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..catalog import Message, msg
from ..plan.model import Location, Problem
from ..files.textfiles import first_noncharacter as _noncharacter

__all__ = ["What", "has_noncharacter", "typed_unprintable"]

# What a problem is about ("target 'x': baseline period"): a plain YAML key, or a phrase
# of the catalog shown in the same language as the sentence it starts (messages.py). A
# phrase is kept as a small tuple, (kind, ...), and made a Message only when a problem is
# reported: a national plan names 160,000 of them and has no problem (docs/performance.md).
What = str | tuple


# C0 controls but tab and line feed, DEL and the C1 controls.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def has_noncharacter(text: str) -> bool:
    """Whether ``text`` holds a noncharacter as typed (one pass over a whole file)."""
    return _noncharacter(text) is not None


def typed_unprintable(file: str, character: object, position: int, text: str) -> Problem | None:
    """YAML's reader refusing a character typed as is (a control character, U+FFFE or
    U+FFFF): said at its line and column, as the same character written as an escape is,
    rather than in PyYAML's words with a position in the text. None for another."""
    if isinstance(character, int) and 0 <= character <= 0x10FFFF:
        character = chr(character)  # PyYAML gives the code point
    if not isinstance(character, str) or len(character) != 1 or not 0 <= position <= len(text):
        return None
    start = text.rfind("\n", 0, position) + 1
    where = Location(file, text.count("\n", 0, position) + 1, position - start + 1)
    code = f"{ord(character):04X}"
    if _noncharacter(character):
        return Problem(where, msg("definitions_typed_noncharacter", code=code))
    if _CONTROL.fullmatch(character):
        return Problem(where, msg("definitions_typed_control", code=code))
    return None


def _at(what: What, field: str) -> tuple:
    """``what: field``, the path to a key (``indicator 'x': direction``)."""
    return ("at", what, field)


def _meant(raw: str, year: bool = False) -> tuple[str, dict[str, str]] | None:
    """What a value targets.yaml refuses as a period means, when it has one reading: the
    words the command line reads (a year in an office's words is the year, ``vocabulary.vietnamese_period``),
    and for a year a date's year ('31/12/2020' is 2020). The message's key and values; None
    when it means nothing, or a period that is not a year where a year is wanted."""
    from .near_periods import near_period
    from .period_days import periods_of_day
    from .vocabulary import ambiguous_period, excel_date, vietnamese_period

    if not year and (both := ambiguous_period(raw)) is not None:  # I/2026: a quarter, or January?
        return "definitions_period_ambiguous", {"quarter": both[0], "month": both[1]}
    period = vietnamese_period(raw.strip())
    if period is None and not year:  # with a status before or after it: a plan's has none
        from .import_headers import status_after_period, status_before_period

        period = (status_before_period(raw) or status_after_period(raw) or ("", None))[1]
    if period is not None and (not year or period.isdigit()):
        return "definitions_period_as_written", {"period": period}
    if not year and (near := near_period(raw)) is not None:  # Q1/26 (its century a guess), 2026-5
        return ("definitions_period_two_digit_year" if "year" in near[1] else "definitions_period_near"), near[1]
    if not year and any(c.isalpha() for c in raw) and (guess := excel_date(raw)):  # Thg3-26, Mar-26
        return "definitions_period_near", {"reading": guess}
    if not year and (day := periods_of_day(raw)) is not None:  # from: 2025-01-01, YAML's date
        return f"definitions_period_day_{day[0]}", {"periods": ", ".join(day[1])}
    from .slips import year_of_date

    return year_of_date(raw) if year else None


def _phrase(what: What) -> str | Message:
    """The phrase ``what`` as a Message (a plain key stays as it is)."""
    if not isinstance(what, tuple):
        return what
    kind = what[0]
    if kind == "at":
        return msg("definitions_what_at", what=_phrase(what[1]), field=what[2])
    if kind == "sub":
        return msg("definitions_what_sub", what=_phrase(what[1]), key=what[2])
    if kind == "key":
        return msg("definitions_what_key", what=_phrase(what[1]))
    if kind == "indicator":
        return msg("definitions_what_indicator", id=what[1])
    if kind == "target":
        return msg("definitions_what_target", id=what[1]) if what[1] else msg("definitions_what_target_anonymous")
    if kind == "target id":
        return msg("definitions_what_target_id")
    if kind == "top":
        return msg("definitions_what_top_level")
    if kind == "baseline period":
        return msg("definitions_what_baseline_period", what=_phrase(what[1]))
    if kind == "baseline value":
        return msg("definitions_what_baseline_value", what=_phrase(what[1]))
    if kind == "milestone":
        return msg("definitions_what_milestone", what=_phrase(what[1]))
    if kind == "milestone by":
        return msg("definitions_what_milestone_by", what=_phrase(what[1]))
    assert kind == "milestone value", what
    return msg("definitions_what_milestone_value", what=_phrase(what[1]))


def _kind(node: Node) -> Message:
    if isinstance(node, MappingNode):
        return msg("definitions_kind_mapping")
    if isinstance(node, SequenceNode):
        return msg("definitions_kind_list")
    return (
        msg("definitions_kind_value", value=node.value)
        if isinstance(node, ScalarNode)
        else msg("definitions_kind_other")
    )
