"""A CSV or TSV table whose header is two rows, as a workbook with a merged "Year" over its
years is saved (`Indicator,Year,` then `,2023,2024`): read as the workbook reader reads the
sheet (one rule, import_wide.periods_below), the lower row's periods under the upper
row's merged heading (issue 17, twenty-seventh session). Nothing else is guessed: the lower
row leaves the indicator column empty and holds periods (alone, with a status, or with a
footnote mark), anything else only where the row above is empty."""

from __future__ import annotations

import itertools
from typing import Iterable, Iterator

from .import_headers import _header
from .import_wide import _period_heading, periods_below, value_over_periods

Record = tuple[int, int, list[str]]


def two_row_header(
    header: list[str], fields: list[str], records: Iterable[Record]
) -> tuple[list[str], list[str], Iterator[Record]]:
    """``header`` and ``fields`` (the cells as written) with the row below merged in when
    the two are one header, and the records left to read; as given otherwise (the row below
    put back). The header keeps its own line: problems of the header are said there, and
    each row of figures keeps its own."""
    rest = iter(records)
    # A year's heading ('nam') is the period column's name and a merged heading over the
    # years alike: the row below decides (twenty-ninth session); so does the value column's
    # ('Thuc hien' over the quarters), merged over periods only (forty-fifth session).
    if "indicator" not in header or any(map(_period_heading, header)):
        return header, fields, rest
    below = next(rest, None)
    if below is None:
        return header, fields, rest
    lower = _header(below[2])
    at = header.index("indicator")
    if (
        (at < len(lower) and lower[at])
        or not periods_below(header, lower)
        or ("value" in header and not value_over_periods(header, lower))
    ):
        return header, fields, itertools.chain([below], rest)
    width = max(len(header), len(lower))
    up, low = header + [""] * (width - len(header)), lower + [""] * (width - len(lower))
    cells = [*below[2], *[""] * (width - len(below[2]))]
    written = [*fields, *[""] * (width - len(fields))]
    merged = [b or a for a, b in zip(up, low, strict=True)]
    shown = [c if low[i] else written[i] for i, c in enumerate(cells)]
    return merged, shown, rest
