"""A long table's period cell that holds a quarter's or a month's number alone, under a
column headed as a quarter or a month (``Quarter`` or the Vietnamese heading, folded
``quy``; ``Month``, folded ``thang``): the period without its year. The heading only
names the column (twenty-ninth session: nothing is taken from it), so the cell is
refused, now told what it is and the form to write, where it was "not a period" with the
generic list (thirtieth session). A year in another column of the table is refused at the
header first ("split the period in two columns"), never joined. Pure but for the clock's
year, the example's."""

from __future__ import annotations

from functools import lru_cache

from ..catalog import Message, msg
from .vocabulary import ROMAN_QUARTERS, ROMAN_MONTHS, fold

__all__ = ["bare_period"]

_QUARTERS = frozenset({"quy", "quarter"})
_MONTHS = frozenset({"thang", "month"})


def _number(text: str, romans: dict[str, int], top: int) -> int | None:
    if text.isdigit() and text.isascii():
        number = int(text)
        return number if 1 <= number <= top else None
    return romans.get(text)


@lru_cache(maxsize=64)
def _kind(heading: str) -> str | None:
    """The heading folded when it names a quarter's or a month's column, else None: asked
    of every row of a long table, worked out once a heading (300,000 rows: issue 17)."""
    kind = fold(heading).strip()
    return kind if kind in _QUARTERS or kind in _MONTHS else None


def bare_period(cell: str, heading: str) -> Message | None:
    """What to say of ``cell`` under ``heading`` when it is a quarter's or a month's number
    alone; None for any other cell or heading."""
    kind = _kind(heading)
    if kind is None:
        return None
    from .workspace import this_year  # the year of the example, the plan's as no_year's: read

    text = fold(cell).strip()  # only for a cell refused, not for every row under the heading
    if kind in _QUARTERS and (quarter := _number(text, ROMAN_QUARTERS, 4)) is not None:
        return msg(
            "import_period_bare_quarter", text=cell.strip(), heading=heading.strip(), quarter=quarter, year=this_year()
        )
    if kind in _MONTHS and (month := _number(text, ROMAN_MONTHS, 12)) is not None:
        words = {"month": month, "mm": f"{month:02d}", "year": this_year()}
        return msg("import_period_bare_month", text=cell.strip(), heading=heading.strip(), **words)
    return None
