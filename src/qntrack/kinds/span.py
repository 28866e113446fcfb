"""What the span kinds (every_period, average, cumulative) share: a bound over
``from``..``to``, the periods of the span, the rows a reader needs, the span's deadline.
Pure: no I/O, no clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any, Sequence

from ..catalog import Message, msg
from ..method.assessment import Assessment, ended, overflowed
from ..plan.model import Bound, Indicator, Measure, Observation, SpanTarget
from ..plan.periods import Period
from ..method.parts import by_year as _by_year, year_to_date, years_of
from .protocol import Due, Keys, Reader, What

__all__ = [
    "PeriodValue",
    "SpanKind",
    "awaited",
    "bound_json",
    "in_span",
    "parse_span",
    "parts_of",
    "span_figures",
    "span_periods",
    "to_date",
    "vintage_json",
    "years_of",
]


@dataclass(frozen=True, slots=True)
class PeriodValue:
    """A period's figure inside a span, with the vintage it is (its status, source and
    recorded_at, as an observation's in JSON: "" written null)."""

    period: Period
    value: float
    status: str = ""
    source: str = ""
    recorded_at: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"period": str(self.period), "value": self.value, **vintage_json(self)}


def vintage_json(figure: Any) -> dict[str, str | None]:
    """A period's ``status``, ``source`` and ``recorded_at`` in ``details`` (issue 17,
    seventeenth session), written as an observation's are in JSON: empty is null."""
    return {
        "status": figure.status or None,
        "source": figure.source or None,
        "recorded_at": figure.recorded_at or None,
    }


def bound_json(bound: Bound) -> dict[str, float]:
    """A bound as ``details`` writes it: ``{"at_least": 8.0}``."""
    return {bound.keyword: bound.value}


class SpanKind:
    """The parts of the protocol every span kind has alike."""

    name = ""
    keys = ("at_least", "at_most", "from", "to")
    implies: Measure | None = None
    amount = False
    target: type[SpanTarget] = SpanTarget

    def parse(self, reader: Reader, node: Any, keys: Keys, where: What, common: dict[str, Any]) -> SpanTarget | None:
        read = parse_span(reader, node, keys, where, self.name)
        if read is None:
            return None
        bound, start, end = read
        return self.target(**common, bound=bound, start=start, end=end)

    def overflowed(
        self, target: SpanTarget, indicator: Indicator, rows: Sequence[Observation], today: date | None
    ) -> Assessment:
        return overflowed(target, indicator, rows)

    def relevant_rows(self, target: SpanTarget, rows: Sequence[Observation]) -> list[Observation]:
        """The years of the span."""
        return [o for o in rows if target.start.year <= o.period.year <= target.end.year]

    def due(self, target: SpanTarget) -> list[Due]:
        """The span's end: its last figure closes the span."""
        return [Due(target.end, target.location, partial(_due_what, target.start, target.end))]


def _due_what(start: Period, end: Period) -> Message:
    return msg("checks_due_span", start=start, end=end)


def in_span(rows: Sequence[Observation], start: Period, end: Period) -> list[Observation]:
    """Observations of the span's own granularity (as long as `from`) inside [from, to]."""
    lo, hi = start.sort_key, end.sort_key  # compared as ints, in C: a national plan has millions of these
    return [
        o
        for o in rows
        if o.period.months == start.months
        and lo <= o.period.sort_key <= hi
        and (o.period.first - start.first) % start.months == 0
    ]


def parts_of(rows: Sequence[Observation], start: Period, end: Period) -> list[Observation]:
    """The figures of spans shorter than the span's periods (a year's quarters) in its years."""
    return [o for o in rows if o.period.months < start.months and start.year <= o.period.year <= end.year]


def span_figures(
    rows: Sequence[Observation], start: Period, end: Period, parts: list[Observation]
) -> list[Observation]:
    """The span's figures, a period recorded only in parts (a year's four quarters, a
    quarter's months) taken as its parts added up, as a plan's period is
    (``kinds.plan.year_to_date``): for an amount that adds up they are its figure. A
    figure recorded for the period itself wins: it carries its parts' revisions."""
    inside = in_span(rows, start, end)
    if not parts:
        return inside
    have = {o.period for o in inside}
    by_year = _by_year(parts)
    added = [
        year_to_date(by_year[p.year], p, p.last, True, exact=True)
        for p in span_periods(start, end)
        if p not in have and p.year in by_year
    ]
    found = [o for o in added if o is not None]
    return sorted(inside + found, key=lambda o: o.period.sort_key) if found else inside


def to_date(reading: Observation | None, parts: Sequence[Observation]) -> Observation | None:
    """The year to date of the year of the latest part-year ``reading``: its months or
    quarters from January added up where no figure from January covers them (2022-9M of
    three quarters), else the reading itself."""
    if reading is None:
        return None
    year = Period(reading.period.year, 1, 12)
    summed = year_to_date(parts, year, reading.period.last, True)
    return summed if summed is not None and summed.period.last >= reading.period.last else reading


def awaited(start: Period, end: Period, have: Sequence[Observation], today: date | None) -> tuple[Period, ...]:
    """The span's periods with no figure once the span is over (``awaiting_figures``): the
    years actually missing, 2022 and 2024 of a 2021-2025 span whose 2025 is in, as an
    every-period target names them, where the span's end was named whether its figure was
    in or not (issue 17, thirtieth session). Nothing while the span runs: its deadline is
    its end."""
    if not ended(end, today):
        return ()
    keys = {o.period.sort_key for o in have}
    return tuple(p for p in span_periods(start, end) if p.sort_key not in keys)


def span_periods(start: Period, end: Period) -> list[Period]:
    out = []
    p = start
    while p <= end:
        out.append(p)
        first = p.first + p.months
        p = Period(p.year + 1, 1, p.months) if first > 12 else Period(p.year, first, first + p.months - 1)
    return out


def _bound(reader: Reader, node: Any, keys: Keys, where: What) -> Bound | None:
    given = [k for k in ("at_least", "at_most") if k in keys]
    low, high = (getattr(keys[k][1], "value", None) if k in keys else None for k in ("at_least", "at_most"))
    if len(given) == 2 and isinstance(low, str) and isinstance(high, str) and low.strip() and high.strip():
        # "6,5-7 %" written as two bounds: said at the second, as a range is (helper M, s46);
        # only two figures as written (a mapping's value is its nodes, session 47).
        second_key = max((keys[k][0] for k in given), key=lambda n: n.start_mark.index)
        reader.error(second_key, msg("definitions_bound_both", what=reader.phrase(where), low=low, high=high))
        return None
    if len(given) != 1:
        reader.error(node, msg("definitions_bound_one", what=reader.phrase(where)))
        return None
    value = reader.number(keys[given[0]][1], reader.at(where, given[0]))
    return None if value is None else Bound(value, given[0] == "at_least")


def parse_span(
    reader: Reader, node: Any, keys: Keys, where: What, kind: str, years: Message | None = None
) -> tuple[Bound, Period, Period] | None:
    """The bound and the span of a span kind's entry; None after reporting what is wrong.
    ``years``: the message for a span of a kind that runs over whole years only, said at
    the first period that is not a year before any other advice on the span's periods
    (which would suggest a quarter, refused next)."""
    bound = _bound(reader, node, keys, where)
    if any(k not in keys for k in ("from", "to")):
        # A key said to be misspelt is not said to be missing too.
        missing = [k for k in ("from", "to") if k not in keys and not reader.meant(node, k)]
        if missing:
            reader.error(
                node,
                msg("definitions_span_needs", what=reader.phrase(where), kind=kind, key=missing[0])
                if len(missing) == 1
                else msg("definitions_span_needs_both", what=reader.phrase(where), kind=kind),
            )
        for key in ("from", "to"):
            if key in keys:
                # Said in the same run: 'from: 2025-2030' with no 'to' was told only the
                # missing key, and the span refused once 'to' was added (forty-fifth session).
                reader.period(keys[key][1], reader.at(where, key))
        return None
    start = reader.period(keys["from"][1], reader.at(where, "from"))
    end = reader.period(keys["to"][1], reader.at(where, "to"))
    if start is None or end is None or bound is None:
        return None
    if years is not None and not (start.is_year and end.is_year):
        reader.error(keys["from" if not start.is_year else "to"][1], years)
        return None
    if end < start:
        reader.error(keys["to"][1], msg("definitions_to_before_from", what=reader.phrase(where), end=end, start=start))
        return None
    if end.months != start.months:
        # A span counts periods like 'from', and a year sorts before its own last quarter:
        # 'from: 2021-Q1, to: 2025' silently ended at 2025-Q3.
        reader.error(keys["to"][1], _lengths_differ(reader.phrase(where), start, end))
        return None
    return bound, start, end


def _lengths_differ(what: object, start: Period, end: Period) -> Message:
    """The message for a span whose 'to' is not as long as its 'from', with the period of
    from's length that ends where 'to' ends, when there is one."""
    first = end.last - start.months + 1
    if first >= 1 and (first - start.first) % start.months == 0:
        suggestion = Period(end.year, first, end.last)
        return msg("authoring_span_lengths_hint", what=what, start=start, end=end, suggestion=suggestion)
    return msg("authoring_span_lengths", what=what, start=start, end=end)
