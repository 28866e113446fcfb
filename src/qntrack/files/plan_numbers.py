"""How targets.yaml's numbers are read: a decimal point, no thousands separator, finite.

A number written another way is refused with the one it must be where there is one: a
Vietnamese thousands group ("1.500"), a decimal comma ("10,5"), a grouped figure in
either convention ("12.771,5", "1,234.5"), a per cent sign, a time (``1:30``, which YAML
1.1 reads in base 60). Moved out of yaml_reader.py, which reads everything else of a
node, to keep each module small (issue 17, eighteenth session).
"""

from __future__ import annotations

import math
import re
from itertools import takewhile

from ..catalog import Message, msg
from .ranges import range_ends
from .slips import comma_readings, grouped_reading

__all__ = ["parse_number", "quoted_problem", "size_word"]

_NUMBER = re.compile(r"^[-+]?(?:\d[\d_]*)?(?:\.\d+)?(?:[eE][-+]?\d+)?$")


# The minus sign (U+2212) and the dashes a word processor puts before a number.
_MINUSES = ("\u2212", "\u2013", "\u2014", "\u2012", "\ufe63", "\uff0d")

_ONE_COMMA = re.compile(r"^([+-]?\d+),(\d+)$")
# Thousands grouped by spaces, as an English or a French report prints 12 000 (a no-break or
# a narrow space too): one reading, told, never read (issue 17, twenty-ninth session).
_SPACED = re.compile(r"^([+-]?\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+)(\.\d+)?$")  # \u2009: thin (s47)


# One to three digits, not starting with 0, a dot and three digits ending in 0: a thousands
# group in the Vietnamese convention ("1.500") as much as a decimal, which nobody writes
# with a trailing 0. 7.101 is left a decimal, and 0.120 has one reading.
_GROUPED = re.compile(r"^[+-]?[1-9][0-9]{0,2}\.[0-9]{2}0$")
# Two or more groups of thousands after dots (104.500.000): a thousands separator only.
_DOTTED = re.compile(r"^[+-]?[1-9][0-9]{0,2}(?:\.[0-9]{3}){2,}$")


def parse_number(text: str) -> float:
    """A finite decimal number, or ValueError saying what would be valid (``args[0]``: a Message)."""
    raw = text.strip()
    if (ends := range_ends(raw)) is not None:  # "6-7%": a resolution's range, one figure to write
        raise ValueError(msg("definitions_number_range", text=raw, low=ends[0], high=ends[1]))
    if _GROUPED.match(raw):
        # A Vietnamese plan writes fifteen hundred "1.500": read as 1.5 it met the plan at
        # once. Said as add-observation says it, never guessed.
        fraction = raw.rstrip("0").rstrip(".")
        raise ValueError(msg("authoring_number_grouped", text=raw, whole=raw.replace(".", ""), fraction=fraction))
    if raw and _NUMBER.match(raw) and any(ch.isdigit() for ch in raw):
        value = float(raw)
        if math.isfinite(value):
            if abs(value) >= 2.0**53:  # an amount in dong a double would hold as another
                from .figures import whole_units_kept

                return whole_units_kept(value, raw, raw)
            return value
    # Looked for once a figure is no plain number: 10,000 targets' figures each folding the
    # size words cost a cold status on the independent shape 0.1 s (session 47).
    if (sized := size_word(raw)) is not None:
        # "106,5 trieu" (with its marks) or "1.5 billion", as the resolution writes it (s46).
        raise ValueError(msg("definitions_number_size_word", text=raw, **sized))
    if _DOTTED.match(raw):
        # "104.500.000", a population grouped the Vietnamese way: one reading (helper M, s46).
        raise ValueError(msg("definitions_number_comma_as", text=raw, readings=raw.replace(".", "")))
    rest = raw[1:].strip()
    if raw[:1] in _MINUSES and _NUMBER.match(rest) and rest[:1] not in "+-" and any(ch.isdigit() for ch in rest):
        # '−200' or '–200' pasted from the resolution's text: a word processor's minus or
        # dash, which the file's strict numbers do not read (forty-third session, helper N:
        # told "not a number; write a decimal like 12.5", where the figure was a deficit).
        raise ValueError(msg("definitions_number_minus_sign", text=raw, sign=raw[0], fixed="-" + rest))
    low = raw.lower().lstrip("+-.")
    if low in ("nan", "inf", "infinity"):
        raise ValueError(msg("definitions_number_not_finite", text=text))
    if ":" in raw:
        raise ValueError(msg("definitions_number_base60", text=text))
    if "," in raw:
        if found := _ONE_COMMA.match(raw):  # "10,5": the number it must be (comma_readings)
            readings = comma_readings(found[1], found[2])
            raise ValueError(msg("definitions_number_comma_as", text=text, readings=readings))
        if (number := grouped_reading(raw)) is not None:  # 12.771,5 or 1,234.5: one reading
            readings = msg("definitions_comma_reading", decimal=number)
            raise ValueError(msg("definitions_number_comma_as", text=text, readings=readings))
        raise ValueError(msg("definitions_number_comma", text=text))
    if found := _SPACED.match(raw):
        number = re.sub(r"\s", "", found[1]) + (found[2] or "")
        raise ValueError(msg("definitions_number_comma_as", text=text, readings=number))
    if raw.endswith("%"):
        raise ValueError(msg("definitions_number_percent", text=text, number=raw[:-1].strip()))
    raise ValueError(msg("definitions_number_invalid", text=text))


def quoted_problem(raw: str) -> Message | None:
    """What ``parse_number`` says of a quoted scalar's text when it would say the same of it
    unquoted ("90%": write 90), so that one slip gets one message however it is quoted;
    None when the text is a number (told to lose its quotes) or nothing near one."""
    try:
        parse_number(raw)
    except ValueError as exc:
        said = exc.args[0] if exc.args else None
        if isinstance(said, Message) and said.id != "definitions_number_invalid":
            return said
    return None


_SIZED = re.compile(r"([+]?\d+(?:[.,]\d+)?)\s+(\D+?)")


def size_word(raw: str) -> dict[str, str] | None:
    """A figure and its size word (a million, the Vietnamese nghin ty): the word, the
    figure as typed with a decimal point, and the figure in ones; else None."""
    from decimal import Decimal

    from .vocabulary import UNIT_NOT_SIZE_VI, UNIT_SIZES_VI, fold

    found = _SIZED.fullmatch(raw)
    if found is None:
        return None
    sizes = {"thousand": 3, "million": 6, "billion": 9, "trillion": 12}
    sizes.update({fold(k): v for k, v in UNIT_SIZES_VI.items()})
    folded = fold(found[2]).split()
    # The size words first, then perhaps the unit, as a resolution writes it: "1,5 ty USD",
    # "106,5 trieu nguoi" (session 47); "ty le" (a rate) is no size.
    words = list(takewhile(sizes.__contains__, folded))
    if not words or any(fold(w) in folded[len(words) : len(words) + 1] for w in UNIT_NOT_SIZE_VI):
        return None
    number = found[1].lstrip("+").replace(",", ".")
    if len(number.partition(".")[2]) == 3:
        return None  # "1.500 trieu": 1500 or 1.5 million, told as a number grouped is
    whole = Decimal(number).scaleb(sum(sizes[w] for w in words))
    word = " ".join(found[2].split()[: len(words)])
    return {"word": word, "number": number, "whole": f"{whole.normalize():f}"}
