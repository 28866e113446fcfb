"""The header's period column, by the names an office gives it (issue 17, twenty-ninth
session): a year's, a quarter's, a month's heading in Vietnamese (files.vocabulary) or
`Year`, `Quarter`, `Month` is the period column, whose cells each name their period whole. What that reading must
still tell apart: an Open SDG data file, whose `Year` is no table of ours, and a table that
splits its period across two such columns (a year's and a quarter's), which no cell can be read from
alone. Also a column given twice, which the split is a case of.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from ..catalog import Message, msg
from .vocabulary import fold

__all__ = ["open_sdg_data", "twice"]

# The headings of a year's column and of a part of a year's, as ``fold`` writes them.
_YEAR_HEADINGS = frozenset({"nam", "year"})
_PART_HEADINGS = {"quy": "quarter", "quarter": "quarter", "thang": "month", "month": "month"}


def _said(header: Sequence[str], written: Sequence[str], i: int) -> str:
    return (written[i] if i < len(written) else "").strip().lstrip("\ufeff") or header[i]


def open_sdg_data(header: list[str], written: Sequence[str]) -> bool:
    """Whether the header is an Open SDG data file's (Year, its disaggregations, Value):
    no indicator column, and the period column only its `Year` (read as the period)."""
    years = [i for i, h in enumerate(header) if h == "period"]
    said = [_said(header, written, i).lower() for i in years]
    return "value" in header and "indicator" not in header and bool(years) and all(s == "year" for s in said)


def twice(name: str, first: int, second: int, header: Sequence[str], written: Sequence[str]) -> Message:
    """A column given twice (0-based places ``first`` and ``second``), named by its
    headings as the file has them (a Vietnamese one and an English one, say), not only by
    the column they both mean, which the officer may not have written at all."""
    said = [_said(header, written, i) for i in (first, second)]
    key = "small_column_twice_same" if said[0] == said[1] else "small_column_twice_as"
    told = msg(key, name=name, heading=said[0], other=said[1], first=first + 1, second=second + 1)
    if name != "period":
        return told
    # A year and the part of it (nam | quy) in columns of their own. "Keep one" would lose
    # the quarter: told to write the period whole, in one column; never joined by guess.
    folded = [fold(s) for s in said]
    parts = [_PART_HEADINGS[f] for f in folded if f in _PART_HEADINGS]
    if len(parts) == 1 and any(f in _YEAR_HEADINGS for f in folded):
        return replace(told, wording=f"import_period_split_{parts[0]}")
    return told
