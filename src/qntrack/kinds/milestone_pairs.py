"""Milestones written as years and figures without their keys (``- 2025: 15``, or a
mapping of years, ``{2028: 26, 2030: 28}``), read for the line a message tells to write."""

from __future__ import annotations

import re
from typing import Any

from .protocol import Reader

__all__ = ["mapping_lines", "year_pair"]


def year_pair(reader: Reader, item: Any, every: bool = False) -> Any:
    """The year and value of a milestone written ``- 2025: 15``, else None; ``every``: the
    list of them of a mapping of years (``{2028: 26, 2030: 28}``), else None."""
    pairs = getattr(item, "value", None) if reader.is_mapping(item) else None
    if not pairs or (len(pairs) != 1 and not every):
        return None
    found = [tuple(getattr(n, "value", None) for n in pair) for pair in pairs]
    if all(isinstance(k, str) and len(k) == 4 and k.isdigit() and isinstance(v, str) for k, v in found):
        return found if every else found[0]
    return None


# A figure with a decimal comma and one reading: digits either side, not three after it
# ('2,5'; '2,500' is 2.5 or 2500, and is not written for the author).
_DECIMAL_COMMA = re.compile(r"[+-]?\d+,(?:\d{1,2}|\d{4,})")


def mapping_lines(reader: Reader, node: Any) -> str:
    """The lines to write for a mapping of years, ``- {by: 2028, value: 26}; ...``, each
    figure as YAML reads it in ``{ }`` (a decimal comma as a point: session 47, helper G);
    "" when it is no such mapping or a figure has two readings."""
    lines = []
    for year, value in year_pair(reader, node, True) or ():
        if _DECIMAL_COMMA.fullmatch(value.strip()):
            value = value.strip().replace(",", ".")
        elif "," in value:
            return ""  # '2,500', or a text: a line YAML would read otherwise
        lines.append(f"- {{by: {year}, value: {value}}}")
    return "; ".join(lines)
