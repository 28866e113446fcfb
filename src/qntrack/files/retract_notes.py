"""What a retraction takes with it beyond its own figure: a year that was its parts added
up (a flow's quarters, docs/methodology.md "Annual plan"), the derived indicators computed
from that year or from the figure itself (per capita of ``pop 2022``), and the targets
judged on them, a unit of a ``for_each`` breakdown included (issue 17, twenty-fifth and
twenty-sixth sessions).

``qntrack retract grdp 2022-Q3`` had named Q3 alone, though 2022 (Q1 + Q2 + Q3 + Q4) went
with it and the 2022 plan fell from achieved to a half year's reading. The notes are
``retract``'s (``Retracted.notes``, for a Python caller); the command says them after its
confirmation, and in the dry run of a retraction (add-observation --dry-run with an empty
value and --status retracted), on stderr; ``record_many`` gives those of the retractions of
its batch (``Recorded.notes``, twenty-sixth session).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Collection, Sequence

from ..catalog import Figure, Message, Worded, msg
from ..plan.units import dims_text, listed_name
from ..plan.model import RETRACTED, Observation, Plan, PlanTarget
from ..plan.periods import Period

if TYPE_CHECKING:
    from ..method.assessment import Assessment
    from ..method.series import Series

__all__ = ["retraction_notes", "notes_in", "batch_notes"]


def retraction_notes(targets: str | os.PathLike[str] | None, row: Observation, was: Observation) -> list[Message]:
    """The notes on what the retraction ``row`` (of the figure ``was``) changes beyond its
    own figure: the periods it was a part of (an amount's, when not published), the
    derived figures computed from it or from them, and the targets judged on either. None
    when nothing else moves: a published year, a rate's or a level's part, an indicator no
    formula reads."""
    from .recording import _open

    plan, store = _open(targets)
    return notes_in(plan, store, row, was)


def batch_notes(plan: Plan, store: Path, withdrew: Sequence[tuple[Observation, Observation]]) -> list[Message]:
    """The notes of each retraction of a batch (``Recorded.withdrew``: the retraction and
    the figure it withdraws), in the batch's order, a note said by two retractions once;
    each against the store without that retraction alone. The store's rows they need are
    read once for the batch (an import of 500 retractions read a large store 500 times:
    twenty-ninth session), each retraction given those of its own indicators."""
    wanted = set().union(*(_inputs(plan, row) for row, _ in withdrew))
    everything = _reader(plan, store)(wanted) if wanted else ()

    def read(ids: set[str]) -> tuple[Observation, ...]:
        keep = _reads(ids)
        return tuple(o for o in everything if keep(o.indicator))

    out: list[Message] = []
    for row, was in withdrew:
        out.extend(n for n in notes_in(plan, store, row, was, read) if n not in out)
    return out


Rows = Callable[[set[str]], tuple[Observation, ...]]


def _reader(plan: Plan, store: Path) -> Rows:
    """The store's rows of some indicators, as the plan names their units; none without a
    store."""
    from .appending import _stored_now
    from .workspace import canonical_rows

    return lambda ids: canonical_rows(plan, _stored_now(store, ids)) if store.exists() else ()


def _reads(ids: set[str]) -> Callable[[str], bool]:
    """Whether a row's indicator is one ``_stored_now(store, ids)`` gives: one of ``ids``,
    or a unit of an indicator one of them is a unit of (appending.stored_rows)."""
    units = {i.partition("[")[0] for i in ids if "[" in i}
    return lambda ind: ind in ids or ("[" in ind and ind.partition("[")[0].strip() in units)


def _inputs(plan: Plan, row: Observation) -> set[str]:
    """The indicators whose stored rows ``notes_in`` reads for the retraction ``row``."""
    from ..plan.units import base_of

    base = plan.indicators.get(base_of(row.indicator))
    if base is None:
        return set()
    derived = _derived_from(plan, base.id) if row.indicator == base.id else []
    return {row.indicator} | {n for d in derived for n in _names(plan, d)}


def notes_in(plan: Plan, store: Path, row: Observation, was: Observation, read: Rows | None = None) -> list[Message]:
    """``retraction_notes`` with the plan and the store opened: ``record_many``'s, for each
    retraction of its batch, against the store as it is (the batch written, or not in a dry
    run) without that retraction. ``read``: the store's rows of some indicators (a batch's,
    read once); by default read from ``store``."""
    from ..plan.units import base_of

    read = read or _reader(plan, store)
    base = plan.indicators.get(base_of(row.indicator))
    if base is None:
        return []
    earlier = _not_put_back(plan, row, was, read)
    # A unit's figure feeds no formula (derived indicators are of totals: method.series).
    derived = _derived_from(plan, base.id) if row.indicator == base.id else []
    # An amount's period may have parts beneath it (a published year over its quarters):
    # withdrawn, it reads them added up; a part (not a year) is added into wider periods.
    amount = base.adds_up
    sums = amount and not was.period.is_year
    if not amount and not derived and not _judged_on(plan, row.indicator):
        return earlier
    stored = read(_inputs(plan, row))
    # The store without the retraction (written already, or only judged in a dry run).
    before = [o for o in stored if not _same(o, row)]
    after = [*before, row]
    return earlier + _notes(plan, row, was, derived, sums, before, after, amount)


def _not_put_back(plan: Plan, row: Observation, was: Observation, read: Rows) -> list[Message]:
    """A note that the figure ``was`` revised stays withdrawn with it: an office retracting a
    wrong revision (41 typed for 4.1) expected the 4.1 back in force, and found the period
    empty (issue 17, twenty-ninth session; docs/observations-format.md, "Retractions").
    None when ``was`` revised nothing, or a retraction."""
    from ..catalog import Day
    from ..files.shown_days import shown_day

    rows = read({row.indicator})
    older = [
        o
        for o in rows
        if o.indicator == row.indicator
        and o.period == was.period
        and (o.recorded_at, o.line) < (was.recorded_at, was.line)
    ]
    if not older:
        return []
    revised = max(older, key=lambda o: (o.recorded_at, o.line))
    if revised.status == RETRACTED:  # the period had no figure before ``was`` either
        return []
    return [
        msg(
            "cli_retracted_earlier",
            indicator=row.indicator,
            period=was.period,
            value=Figure(revised.value),
            # The day, as the withdrawal lines beside it say theirs (thirtieth session).
            recorded_at=Day(shown_day(revised.recorded_at)),
        )
    ]


def _notes(
    plan: Plan,
    row: Observation,
    was: Observation,
    derived: Sequence[str],
    sums: bool,
    before: Sequence[Observation],
    after: Sequence[Observation],
    amount: bool = True,
) -> list[Message]:
    from ..method.parts import added_up
    from ..method.series import build_series

    old, _ = build_series(plan.indicators, before)
    new, _ = build_series(plan.indicators, after)
    out = []
    # The period itself, read from its parts once its own figure is gone (issue 17,
    # twenty-sixth session): `retract grdp 2022` over four quarters makes 2022 their sum.
    # Only an amount's parts add up (a level's or a rate's quarters never make its year).
    own = _figure(new.get(row.indicator, []), was.period) if amount else None
    if own is not None and added_up(own) and was.value is not None:
        words = dict(indicator=row.indicator, period=was.period, parts=own.source)
        out.append(msg("cli_retracted_own_sum", **words, value=Figure(own.value), was=Figure(was.value)))
    for period in _wider(plan, row.indicator, was.period) if sums else ():
        then = _figure(old.get(row.indicator, []), period)
        if then is None or not added_up(then):
            continue  # published (it wins over its parts), or none to lose
        now = _figure(new.get(row.indicator, []), period)
        out.append(_changed("cli_retracted_sum", row.indicator, period, then, now, was.period))
    # The indicator's own targets move with a sum it lost; with its own figure alone, the
    # user withdrew what they meant to (the confirmation names it), and a target of it is
    # named only where its status moves (twenty-eighth session: `retract grdp_growth 2025`
    # took an average target from achieved to in progress without a word).
    changed = {row.indicator} if out else set()
    quiet = {row.indicator} - changed
    for ind_id in derived:
        befores = {o.period: o for o in old.get(ind_id, [])}
        afters = {o.period: o for o in new.get(ind_id, [])}
        for period in sorted(set(befores) | set(afters), key=lambda p: p.sort_key):
            b, a = befores.get(period), afters.get(period)
            if b is not None and (a is None or a.value != b.value):
                out.append(_changed("cli_retracted_derived", ind_id, period, b, a, was.period))
                changed.add(ind_id)
    return out + _targets(plan, changed | quiet, old, new, was.period, quiet)


def _changed(
    key: str, indicator: str, period: Period, then: Observation, now: Observation | None, gone: Period
) -> Message:
    """``indicator period``, once ``then``, now ``now`` (or no figure), without ``gone``."""
    words = dict(indicator=indicator, period=period, was=Figure(then.value), without=gone)
    if key == "cli_retracted_sum":
        words["parts"] = then.source
    if now is None:
        return msg(key + "_lost", **words)
    return msg(key + "_changed", **words, value=Figure(now.value))


def _targets(
    plan: Plan,
    changed: set[str],
    old: Series,
    new: Series,
    gone: Period,
    quiet: Collection[str] = (),
) -> list[Message]:
    """Each target judged on a changed series whose status or figures move: "A → B", or
    the status it keeps; for a unit's series, each ``for_each`` target's line for that unit
    (its total is judged on the total's figures, which the unit's do not make). For a
    series in ``quiet`` (the retracted figure's own), only a status that moves is said."""
    from .workspace import plan_day
    from ..kinds import assess
    from ..plan.units import split_key

    units: dict[str, dict[tuple[tuple[str, str], ...], str]] = {}
    for key in changed:
        split = split_key(key)
        if split is not None and split[1]:
            units[split[0]] = {**units.get(split[0], {}), split[1]: key}
    ids = [t.id for t in plan.targets if t.series_key in changed or (t.for_each and t.indicator in units)]
    if not ids:
        return []
    today = plan_day(None, plan.timezone)
    out = []
    for b, a in zip(assess(plan, old, ids, today), assess(plan, new, ids, today), strict=True):
        pairs: list[tuple[Assessment, Assessment, Worded | str, str]] = (
            [(b, a, "", b.target.series_key)] if b.target.series_key in changed else []
        )
        if b.target.for_each:
            wanted = units.get(b.target.indicator, {})
            after = {u.dims: u.assessment for u in a.breakdown}
            pairs += [
                (u.assessment, after[u.dims], _unit_words(plan, u.dims), wanted[u.dims])
                for u in b.breakdown
                if u.dims in wanted and u.dims in after
            ]
        for was, now, unit, series in pairs:
            if _judged(was) == _judged(now) or (series in quiet and now.status is was.status):
                continue
            words = dict(target=b.target.id, before=msg("status_" + was.status.value), without=gone)
            key = "cli_retracted_target" + ("_unit" if unit else "")
            if unit:
                words["unit"] = unit
            if now.status is was.status:
                out.append(msg(key + "_same", **words))
            else:
                out.append(msg(key, **words, after=msg("status_" + now.status.value)))
    return out


def _unit_words(plan: Plan, dims: tuple[tuple[str, str], ...]) -> Worded:
    """A unit as the line says it: ``dims_text`` in English, as before; in Vietnamese its
    names alone, as the report's tables and ``rank`` name it (each unit's ``vi`` name, a
    unit without one by its value; issue 17, thirty-second session)."""
    named = []
    for dim_id, value in dims:
        dimension = plan.dimensions.get(dim_id)
        unit = dimension.unit(value) if dimension is not None else None
        named.append(unit.name_in("vi") if unit is not None else value)
    return Worded(dims_text(dims), ", ".join(map(listed_name, named)) if len(named) > 1 else ", ".join(named))


def _judged_on(plan: Plan, key: str) -> bool:
    """Whether a target of the plan is judged on the series ``key`` (a total's, or a unit's
    of a ``for_each`` breakdown)."""
    from ..plan.units import base_of

    return any(t.series_key == key or (t.for_each and t.indicator == base_of(key)) for t in plan.targets)


def _judged(a: object) -> tuple:
    """What a reader sees of an assessment: its status and the figures it is read from."""
    from ..method.assessment import Assessment

    assert isinstance(a, Assessment)
    figures = tuple((o.period, o.value) if o is not None else None for o in (a.latest, a.provisional))
    return (a.status, a.score, a.progress_value, a.reason, figures)


def _wider(plan: Plan, indicator: str, part: Period) -> list[Period]:
    """The periods ``part`` adds up into that a reader meets: its year, always (every kind
    reads years); its quarter or half only where a plan of the indicator is for it."""
    from ..plan.units import base_of

    base = base_of(indicator)
    planned = {
        t.period
        for t in plan.targets
        if isinstance(t, PlanTarget) and (t.series_key == indicator or (t.for_each and t.indicator == base))
    }
    out = []
    for months in (3, 6):
        first = (part.first - 1) // months * months + 1
        wider = Period(part.year, first, first + months - 1)
        if part.months < months and wider.last >= part.last and wider in planned:
            out.append(wider)
    return [*out, Period(part.year, 1, 12)]


def _figure(rows: Sequence[Observation], period: Period) -> Observation | None:
    """The figure of ``period``: the one recorded for it, else its parts added up, as
    every kind reads an amount's period (method.parts)."""
    from ..method.parts import year_to_date

    direct = next((o for o in rows if o.period == period), None)
    if direct is not None:
        return direct
    inside = [o for o in rows if o.period.year == period.year and period.first <= o.period.first]
    summed = year_to_date(inside, period, period.last, True, exact=True) if inside else None
    return summed if summed is not None and summed.period == period else None


def _same(o: Observation, row: Observation) -> bool:
    """Whether the stored ``o`` is the retraction ``row`` (its line aside)."""
    return (o.indicator, o.period, o.status, o.recorded_at) == (row.indicator, row.period, row.status, row.recorded_at)


def _names(plan: Plan, ind_id: str, seen: frozenset[str] = frozenset()) -> set[str]:
    """The stored indicators a derived one is computed from, through derived inputs."""
    from ..plan.formula import parse_formula

    ind = plan.indicators.get(ind_id)
    if ind is None or not ind.formula or ind_id in seen:
        return {ind_id}
    names = parse_formula(ind.formula).names
    return {n for name in names for n in _names(plan, name, seen | {ind_id})}


def _derived_from(plan: Plan, base: str) -> list[str]:
    """The derived indicators computed from ``base``, directly or through another."""
    return sorted(i.id for i in plan.indicators.values() if i.formula and base in _names(plan, i.id))
