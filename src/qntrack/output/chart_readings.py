"""The part-year readings the every-period and level charts draw hollow: for an amount (a
flow or a balance) the year to date a target judged, not its quarters one by one (issue 17,
twenty-fifth session).

With 2022-Q1 and Q2 at 70 each, the table says "Part-year reading H1 2022: 140" and
judges it; the chart had drawn two points of 70 against a year's bound of 200. It now
draws the 140 of H1 2022, the table's number, and for an every-period target the bound's
pace by then (200 × 6 / 12 = 100), which the reading was set against. A rate's or a
level's part-year readings are drawn as before: each is a reading of its own.
"""

from __future__ import annotations

from typing import Sequence

from ..method.assessment import Assessment
from ..method.parts import by_year, year_to_date
from ..plan.model import Observation
from ..plan.periods import Period
from .charts import provisional_readings

__all__ = ["hollow_readings"]


def hollow_readings(
    a: Assessment, rows: Sequence[Observation], first_year: int | None = None, last_year: int | None = None
) -> list[Observation]:
    """The part-year readings of the years with no full-year figure (``rows`` holding the
    years drawn as full years, sums included): for an amount, each such year's reading to
    date in place of its parts (the one the target judged, ``a.provisional``, for its year),
    any part after a missing one as it is; otherwise ``charts.provisional_readings``."""
    plain = provisional_readings(rows, first_year, last_year)
    if not plain or not a.indicator.adds_up:
        return plain
    judged = a.provisional
    out: list[Observation] = []
    for year, parts in sorted(by_year(plain).items()):
        to_date: Observation | None = judged
        if judged is None or judged.period.year != year:
            to_date = year_to_date(parts, Period(year, 1, 12), 12, True)
        if to_date is None or to_date.period.first != 1:
            out.extend(parts)  # no reading from January: the parts as they are
            continue
        out.append(to_date)
        # A part after a missing one (Q1 and Q3) is no part of the year to date.
        out.extend(o for o in parts if o.period.first > to_date.period.last)
    return out
