"""An amount's period recorded only in parts (a year's quarters, a quarter's months) read
as their sum: the rule every kind, a plan's year to date and a derived indicator's inputs
share (docs/methodology.md, "Annual plan" and "Derived indicators"). Pure: no I/O, no clock.
"""

from __future__ import annotations

from typing import Iterable, Sequence

from ..plan.model import Observation
from ..plan.periods import Period

__all__ = [
    "ADDED_UP",
    "added_as_typed",
    "added_up",
    "by_year",
    "finality",
    "input_added_up",
    "not_counted",
    "not_from_start",
    "span_sum",
    "summed_inputs",
    "year_to_date",
    "years_of",
]

# The note of a figure qntrack added up from the periods in its ``source`` (``year_to_date``),
# never a stored row's (its line is 0): the outputs for people say it is a sum.
ADDED_UP = "added up"


def added_up(o: Observation) -> bool:
    """Whether ``o`` is the periods of its ``source`` added up by ``year_to_date``, not a
    figure published for its period (twenty-first session)."""
    return o.line == 0 and o.note == ADDED_UP


def input_added_up(o: Observation) -> bool:
    """Whether ``o`` is a derived indicator's figure worked out from an input qntrack
    added up (method.series: its source ``= FORMULA; grdp = 2022-Q1 + 2022-Q2 + ...``)."""
    return o.line == 0 and o.note == "derived" and "; " in o.source


def summed_inputs(o: Observation) -> list[tuple[str, str]]:
    """The inputs of a derived figure that qntrack added up, each with the periods added
    (``[("grdp", "2022-Q1 + 2022-Q2 + 2022-Q3 + 2022-Q4")]``); [] for any other figure."""
    if not input_added_up(o):
        return []
    out = []
    for part in o.source.split("; ")[1:]:
        name, _, periods = part.partition(" = ")
        out.append((name, periods))
    return out


def year_to_date(
    rows: Sequence[Observation], span: Period, until: int, adds_up: bool, exact: bool = False
) -> Observation | None:
    """The latest year-to-date reading of ``span`` ending by month ``until`` (exactly then
    with ``exact``): one that starts with the span, as recorded; or, for an amount that adds
    up, such a reading (or none) followed by the periods after it, month by month or
    quarter by quarter with no month missing, added up (docs/methodology.md, "Annual plan").

    A ministry records its monthly figures one by one: in July the months from January
    to June are the year to date, where January alone was read before (issue 17,
    twentieth session). A reading published for a span wins over the sum of its parts: it
    carries the revisions of its months.
    """
    inside = _inside(rows, span, until)
    direct = {o.period.last: o for o in inside if o.period.first == span.first}
    if not adds_up:
        ends = [m for m in direct if not exact or m == until]
        return direct[max(ends)] if ends else None
    known = _chains(inside, span, until, direct)
    # A sum ends where a period can be written: any month from January, else a quarter or a
    # half (July and August of a second half's plan are no period: "2025-8M" is January on).
    ends = [m for m in known if (not exact or m == until) and _writable(span.first, m, len(known[m]))]
    if not ends:
        return None
    chain = known[max(ends)]
    if len(chain) == 1:
        return chain[0]
    total = added_as_typed(o.value for o in chain)  # as a cumulative total is
    first = chain[0]
    return Observation(
        first.indicator,
        Period(span.year, span.first, chain[-1].period.last),
        total,
        min((o.status for o in chain), key=finality),
        " + ".join(str(o.period) for o in chain),
        ADDED_UP,
        max(o.recorded_at for o in chain),
        0,
    )


def span_sum(rows: Sequence[Observation], span: Period) -> Observation | None:
    """``span`` read as its parts added up, month by month or quarter by quarter with no
    month missing (a reading published for a span from its start counts as its parts),
    written as a figure of ``span``: the year of a unit that existed in some of its months,
    2025-Q3 + 2025-Q4 for one formed on 1 July, whatever period those months make
    (kinds.breakdown.lived_years). None when the parts do not reach the span's end."""
    inside = _inside(rows, span, span.last)
    direct = {o.period.last: o for o in inside if o.period.first == span.first}
    chain = _chains(inside, span, span.last, direct).get(span.last)
    if not chain:
        return None
    return Observation(
        chain[0].indicator,
        span,
        added_as_typed(o.value for o in chain),
        min((o.status for o in chain), key=finality),
        " + ".join(str(o.period) for o in chain),
        ADDED_UP,
        max(o.recorded_at for o in chain),
        0,
    )


def _inside(rows: Sequence[Observation], span: Period, until: int) -> list[Observation]:
    """The figures of ``rows`` for a period inside ``span`` ending by month ``until``."""
    return [o for o in rows if o.period.year == span.year and span.first <= o.period.first and o.period.last <= until]


def _chains(
    inside: Sequence[Observation], span: Period, until: int, direct: dict[int, Observation]
) -> dict[int, list[Observation]]:
    """By month, the figures that add up to ``span``'s reading from its start to that month
    (``year_to_date``'s rule); a month no chain reaches is not a key."""
    known: dict[int, list[Observation]] = {}
    for month in range(span.first, until + 1):
        if month in direct:
            known[month] = [direct[month]]
            continue
        # The part ending this month that follows a known year to date in the fewest parts,
        # the longest of those: a total published from January (2025-5M) and June win over
        # the first quarter's months and 2025-Q2 (twenty-first session), as the published
        # total wins over its months.
        parts = [o for o in inside if o.period.last == month and o.period.first - 1 in known]
        if parts:
            best = min(parts, key=lambda o: (len(known[o.period.first - 1]), o.period.first))
            known[month] = [*known[best.period.first - 1], best]
    return known


def not_counted(
    rows: Sequence[Observation], span: Period, until: int, reading: Observation
) -> list[tuple[Observation, str, Period | None]]:
    """The figures recorded inside ``span`` (by month ``until``) after the end of an amount's
    ``reading`` (``year_to_date``'s, adding up), which the reading does not count, each with
    why: ``"no_period"``, the sum from the span's start to it is no period (July and August
    of a quarter's plan: "2024-8M" is January on), or ``"period_missing"``, a month before
    it is not recorded, named (a sum stops at the first month missing). A plan's reading
    said alone leaves the officer sure the month was lost (thirty-fifth session)."""
    inside = _inside(rows, span, until)
    direct = {o.period.last: o for o in inside if o.period.first == span.first}
    known = _chains(inside, span, until, direct)
    out: list[tuple[Observation, str, Period | None]] = []
    for o in sorted(inside, key=lambda o: (o.period.last, o.period.first)):
        if o.period.last <= reading.period.last:
            continue
        if o.period.last in known:
            out.append((o, "no_period", None))
            continue
        first = next(m for m in range(reading.period.last + 1, o.period.last + 1) if m not in known)
        # The months missing up to the next figure recorded: named as one period where they
        # are one (a quarter of a series of quarters), else the first month missing.
        last = min((p.period.first for p in inside if p.period.first > first), default=first + 1) - 1
        whole = last - first + 1 in (1, 3) and (last - first != 2 or (first - 1) % 3 == 0)
        out.append((o, "period_missing", Period(span.year, first, last if whole else first)))
    return out


def not_from_start(
    rows: Sequence[Observation], span: Period, until: int, reading: Observation
) -> list[tuple[Observation, str, Period | None]]:
    """The figures of a level or rate recorded inside ``span`` (by month ``until``) after the
    end of its ``reading``, which do not start at the span's start and so are not read,
    each with why, ``"not_from_start"``: a part-year reading of a level is from January
    (methodology.md, "Annual plan"), Q1 of a quarterly unemployment rate, and Q2 and Q3
    recorded after it were passed over in silence (forty-third session, pass N)."""
    later = [
        o for o in _inside(rows, span, until) if o.period.last > reading.period.last and o.period.first != span.first
    ]
    return [(o, "not_from_start", None) for o in sorted(later, key=lambda o: (o.period.last, o.period.first))]


def added_as_typed(values: Iterable[float]) -> float:
    """``values`` added as the decimals they were typed as, rounded once: a float sum of 10.1
    and 20.2 is 30.299999999999997, short of "at least 30.3" (docs/decisions.md, "Numbers
    audit by hand"). A year's parts, a span's total and a total with a year's reading are
    added so. Past the largest float: inf."""
    from decimal import Decimal  # here, not at the top: a status served from the cache adds nothing

    return float(sum((Decimal(repr(v)) for v in values), Decimal(0)))


def _writable(first: int, last: int, parts: int) -> bool:
    """Whether the span ``first``..``last`` of a sum of ``parts`` readings is a period."""
    months = last - first + 1
    return parts == 1 or first == 1 or (months == 3 and (first - 1) % 3 == 0) or (months == 6 and first == 7)


def finality(status: str) -> int:
    """How final a status is: a sum with an estimate in it is an estimate, and a figure
    computed from one (method.series) too; one from a figure of no status has none, and
    only official inputs make it official."""
    return {"estimate": 0, "preliminary": 2, "official": 3}.get(status, 1)


def by_year(parts: Sequence[Observation]) -> dict[int, list[Observation]]:
    """``parts`` by their year: each period's sum reads its own year's figures only, so a
    series of twenty years of months costs twenty small sums, not twenty passes over all."""
    out: dict[int, list[Observation]] = {}
    for o in parts:
        out.setdefault(o.period.year, []).append(o)
    return out


def years_of(rows: Sequence[Observation]) -> list[Observation]:
    """An amount's full-year figures: those recorded for a year, and a year recorded only in
    parts (its four quarters, its months) as their sum (``year_to_date``), as a plan's year is."""
    annual = [o for o in rows if o.period.is_year]
    parts = [o for o in rows if not o.period.is_year]
    if not parts:
        return annual
    have = {o.period.year for o in annual}
    grouped = by_year(parts)
    added = [year_to_date(grouped[y], Period(y, 1, 12), 12, True, exact=True) for y in sorted(set(grouped) - have)]
    found = [o for o in added if o is not None]
    return sorted(annual + found, key=lambda o: o.period.sort_key) if found else annual
