"""The cells Open SDG reads as no value (issue 17, twenty-second session).

sdg-build reads a data file with pandas, whose read_csv takes 'NA', 'N/A', 'null', 'None',
'#N/A', ... for no value: a Value so written is no figure (the row is passed over), and a
disaggregation, Series or Units cell so written is an empty cell, which makes the row the
total's (docs/formats.md, "What maps to what")."""

from __future__ import annotations

import math
import re

__all__ = ["read_as_empty", "number", "NA_LIKE"]

# The cells pandas' read_csv takes for no value (its default na_values), as sdg-build reads
# a data file: in a disaggregation, Series or Units column such a cell is empty on the site.
_PANDAS_NA = frozenset(
    "#N/A,#N/A N/A,#NA,-1.#IND,-1.#QNAN,-NaN,-nan,1.#IND,1.#QNAN,<NA>,N/A,NA,NULL,NaN,None,n/a,nan,null".split(",")
)


def read_as_empty(cell: str) -> bool:
    """Whether Open SDG reads ``cell`` (a disaggregation's) as an empty one: 'NA', 'null', ..."""
    return cell.strip() in _PANDAS_NA


# Cells that look like "no value" but are text to pandas unless written as its na_values
# are ('na', 'NONE', 'Null', 'NAN'): said as such rather than "not a number".
NA_LIKE = frozenset({"na", "n/a", "nan", "null", "none", "#n/a", "-nan"})


# A number as pandas' read_csv reads one: ASCII digits, a sign, a point, an exponent.
# Python's float() also takes '1_000' and other scripts' digits ('١٢', '１２'), which
# pandas reads as text: the site shows no figure there (session 45, pass O).
_PANDAS_NUMBER = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


def number(text: str) -> float | None:
    """A cell as pandas would read a number; None when empty or one of pandas' default
    na_values (Open SDG drops the row). Those are matched as written: 'na', 'NONE', 'Null'
    or 'NAN' are text to pandas, not a missing value (opensdg_cells). A whole number a
    double cannot hold (9007199254740993) is refused with the figure it would become, as in
    every other import (figures.whole_units_kept: issue 17, twenty-sixth session)."""
    text = text.strip()
    if text == "" or read_as_empty(text):  # 'NA', 'null', '#N/A', ...
        return None
    if _PANDAS_NUMBER.fullmatch(text) is None:
        raise ValueError(text)  # the caller says where
    value = float(text)
    if math.isinf(value) or math.isnan(value):
        # 1e400 reads as infinity: refused as the cell is written, not as "inf"; float()
        # takes 'NAN' for a NaN, which pandas reads as text.
        raise ValueError(text)
    if abs(value) >= 2.0**53:
        from .figures import whole_units_kept

        return whole_units_kept(value, text, text)
    return value
