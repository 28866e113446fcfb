"""The cells Open SDG reads as no value (issue 17, twenty-second session).

sdg-build reads a data file with pandas, whose read_csv takes 'NA', 'N/A', 'null', 'None',
'#N/A', ... for no value: a Value so written is no figure (the row is passed over), and a
disaggregation, Series or Units cell so written is an empty cell, which makes the row the
total's (docs/formats.md, "What maps to what")."""

from __future__ import annotations

__all__ = ["read_as_empty"]

# The cells pandas' read_csv takes for no value (its default na_values), as sdg-build reads
# a data file: in a disaggregation, Series or Units column such a cell is empty on the site.
_PANDAS_NA = frozenset(
    "#N/A,#N/A N/A,#NA,-1.#IND,-1.#QNAN,-NaN,-nan,1.#IND,1.#QNAN,<NA>,N/A,NA,NULL,NaN,None,n/a,nan,null".split(",")
)


def read_as_empty(cell: str) -> bool:
    """Whether Open SDG reads ``cell`` (a disaggregation's) as an empty one: 'NA', 'null', ..."""
    return cell.strip() in _PANDAS_NA
