"""`check parts-sum` at entry, for the series touched (issue 17, twenty-second session).

A month (or quarter) recorded after a total covering it was published (a revised June after
the second quarter's figure) may take the total apart from its parts in force added up: a
plan still reads the published total (docs/methodology.md, "Annual plans"), so the month's
revision does not reach it. `add-observation` says so when the row being recorded is what
takes the total apart (it agreed with its parts, within rounding, before the row); a total
apart from its parts already (a yearbook's year beside its quarters as first published, the
reason the rule is on demand) is not said again at each entry: `check parts-sum` lists it.
Only the year of each row is looked up in the store's vintages, never the whole store.
"""

from __future__ import annotations

from typing import Sequence

from ..catalog import Figure, msg
from ..kinds.plan import year_to_date
from ..method.history import VintageIndex
from ..method.series import _VINTAGE_ORDER
from ..plan.model import RETRACTED, Location, Observation, Plan, Problem
from ..plan.periods import Period
from .checks_to_date import _apart, _difference

__all__ = ["entry_parts_problems"]


def _in_force(vintages: Sequence[Observation]) -> Observation | None:
    current = max(vintages, key=_VINTAGE_ORDER, default=None)
    return None if current is None or current.status == RETRACTED or current.value != current.value else current


def _year(index: VintageIndex, batch: dict[tuple[str, int], list[Observation]], key: str, year: int, with_batch: bool):
    """The figures of series ``key`` in force for ``year`` (every span of its months), from
    the store's vintages, and the batch's rows too ``with_batch``."""
    rows = []
    for last in range(1, 13):
        for first in range(1, last + 1):
            at = (key, (year * 16 + last) * 16 + first)
            vintages = [*index.get(at, ()), *(batch.get(at, ()) if with_batch else ())]
            current = _in_force(vintages)
            if current is not None:
                rows.append(current)
    return rows


def _covered(index: VintageIndex, batch: dict[tuple[str, int], list[Observation]], key: str, p: Period) -> bool:
    """Whether any vintage of series ``key`` is for a span of two months or more covering ``p``."""
    for last in range(p.last, 13):
        for first in range(1, p.first + 1):
            at = (key, (p.year * 16 + last) * 16 + first)
            if last > first and (at in index or at in batch):
                return True
    return False


def _parts(total: Observation, year_rows: list[Observation]) -> tuple[Observation | None, list[Observation]]:
    """``total``'s parts in force added up (as ``check parts-sum`` adds them), and the
    figures inside its span (their decimals set the rounding allowed)."""
    others = [x for x in year_rows if x.period != total.period]
    p = total.period
    inside = [x for x in year_rows if p.first <= x.period.first and x.period.last <= p.last]
    return year_to_date(others, p, p.last, True, exact=True), inside


def entry_parts_problems(new: Sequence[tuple[Location, Observation]], index: VintageIndex, plan: Plan) -> list[Problem]:
    """A warning at each row being recorded of a flow or a balance that takes a published
    total covering its period (two months or more, in force) apart from its parts in force
    added up, where before the batch the two agreed within rounding."""
    summed = {i.id for i in plan.indicators.values() if i.adds_up and not i.formula}
    # Only the rows of a flow or a balance are judged, and only theirs are the batch's
    # figures read beside them: a national import of levels and rates has none, and
    # tabling its 300,000 rows by period cost it 0.2 s (issue 17, thirty-first session).
    names = {n.indicator for _, n in new}
    wanted = {name for name in names if name.split("[", 1)[0] in summed}
    if len(wanted) < len(names):
        new = [(where, n) for where, n in new if n.indicator in wanted]
    batch: dict[tuple[str, int], list[Observation]] = {}
    for _, n in new:
        batch.setdefault((n.indicator, n.period.sort_key), []).append(n)
    problems = []
    years: dict[tuple[str, int], tuple[list[Observation], list[Observation]]] = {}
    judged: set[tuple[str, Observation]] = set()  # each total once: said at the first row in it
    for where, o in new:
        p = o.period
        if o.indicator.split("[", 1)[0] not in summed or o.status == RETRACTED or p.months == 12:
            continue
        if not _covered(index, batch, o.indicator, p):
            continue  # most rows: no total over two months or more covers the period
        seen = years.get((o.indicator, p.year))
        if seen is None:
            before = _year(index, batch, o.indicator, p.year, False)
            seen = years[(o.indicator, p.year)] = (before, _year(index, batch, o.indicator, p.year, True))
        before, after = seen
        for total in after:
            t = total.period
            if t.months < 2 or t == p or not (t.first <= p.first and p.last <= t.last):
                continue
            if (o.indicator, total) in judged or total in batch.get((o.indicator, t.sort_key), ()):
                continue  # said already, or recorded now (a total typed is check parts-sum's)
            judged.add((o.indicator, total))
            parts, inside = _parts(total, after)
            if parts is None or not _apart(total, parts, inside):
                continue
            was, was_inside = _parts(total, before)
            if was is None or _apart(total, was, was_inside):
                continue  # apart already (or not a sum before): check parts-sum says it
            said = msg(
                "recording_parts_sum",
                indicator=o.indicator,
                period=p,
                value=Figure(o.value),
                total_period=t,
                published=Figure(total.value),
                parts=parts.source,
                total=Figure(parts.value),
                apart=Figure(_difference(total.value, parts.value)),
            )
            problems.append(Problem(where, said, severity="warning", check="parts-sum"))
    return problems
