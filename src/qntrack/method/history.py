"""Vintages: every figure ever recorded for an indicator and period, newest first.

The rule for which vintage is in force is the one of ``series.in_force``: the latest
``recorded_at`` wins, and on a tie the later line of the file. With ``as_of`` only the
rows recorded by the end of that day exist, so the history is the one a reader would have
seen then. ``as_of`` is a day, ended in UTC, or the last moment counted: a plan that names
its zone ends its day there, and its callers give ``series.as_of_bound(day, zone)``
(thirty-ninth session).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Callable, Iterable, Mapping, Sequence

from ..plan.model import RETRACTED, Indicator, Observation
from ..plan.periods import Period
from ..method.series import as_of_bound

__all__ = [
    "Vintage",
    "VintageIndex",
    "vintages",
    "already_recorded",
    "vintage_index",
    "stored_vintages",
    "figure_in_force",
    "latest_vintage",
    "revised_values",
    "revised_values_of",
    "replaced_vintages_of",
    "measured_keys",
    "recorded_after",
]


@dataclass(frozen=True, slots=True)
class Vintage:
    observation: Observation
    in_force: bool
    revises: Observation | None  # the vintage recorded just before it, if any


def vintages(
    observations: Iterable[Observation], indicator: str, period: Period | None = None, as_of: str | None = None
) -> list[Vintage]:
    """The vintages of ``indicator`` (for one ``period``, or all), latest period first,
    and within a period the newest vintage first."""
    bound = as_of_bound(as_of) if as_of else None
    groups: dict[Period, list[Observation]] = {}
    for o in observations:
        if o.indicator != indicator or (period is not None and o.period != period):
            continue
        if bound is not None and o.recorded_at > bound:
            continue
        groups.setdefault(o.period, []).append(o)
    out: list[Vintage] = []
    for p in sorted(groups, key=lambda p: p.sort_key, reverse=True):
        rows = sorted(groups[p], key=lambda o: (o.recorded_at, o.line), reverse=True)
        for i, o in enumerate(rows):
            out.append(Vintage(o, i == 0, rows[i + 1] if i + 1 < len(rows) else None))
    return out


def recorded_after(
    observations: Iterable[Observation],
    keys: Callable[[str], bool] | None,
    as_of: str,
    period: Period | None = None,
) -> tuple[int, str | None]:
    """How many rows whose store key ``keys`` accepts (None: every row), of ``period`` when
    given, were recorded after the end of day ``as_of``, and the first moment among them:
    what an as-of view leaves out, said beside it (history, observations, status, show) so
    that a figure known then is not taken for the one in force now."""
    bound = as_of_bound(as_of)
    count, first = 0, None
    for o in observations:
        if o.recorded_at <= bound:
            continue  # most rows of a past day's view: one comparison each
        if (keys is not None and not keys(o.indicator)) or (period is not None and o.period != period):
            continue
        count += 1
        if first is None or o.recorded_at < first:
            first = o.recorded_at
    return count, first


def revised_values(
    observations: Iterable[Observation], key: str, as_of: str | None = None
) -> dict[Period, float | None]:
    """Per period of ``key`` (an indicator or a unit's key), the value of the vintage that
    the one in force by ``as_of`` replaced: None for a first figure, and for a figure
    recorded after a retraction (which withdrew a figure and holds none), as ``history``'s
    ``revises`` says. What ``show`` prints beside each figure, so a revision is never read
    as a first estimate. One rule with ``revised_values_of``, which it asks."""
    return revised_values_of(observations, (key,), as_of)[key]


def revised_values_of(
    observations: Iterable[Observation], keys: Iterable[str], as_of: str | None = None
) -> dict[str, dict[Period, float | None]]:
    """``revised_values`` of every key in ``keys``, in one walk of the store: a report of
    ten thousand targets asks it once, not once a target over a million rows."""
    found = replaced_vintages_of(observations, keys, as_of)
    return {key: {p: o.value for p, o in periods.items()} for key, periods in found.items()}


def replaced_vintages_of(
    observations: Iterable[Observation],
    keys: Iterable[str],
    as_of: str | None = None,
    now: dict[str, dict[Period, Observation]] | None = None,
) -> dict[str, dict[Period, Observation]]:
    """``revised_values_of``, each as the vintage replaced rather than its value: its source
    and recorded_at say which publication the figure replaced was in (``revises_source``,
    ``revises_recorded_at``; issue 17, twenty-fifth session). ``now``, when given, receives
    the same, each as the vintage in force that replaced it (twenty-seventh session: a
    month revised inside a sum says its figure in force)."""
    wanted = set(keys)
    bound = as_of_bound(as_of) if as_of else None
    # The rows by key first, then only the periods given more than once looked at: a
    # dictionary entry for every period of a national store (observations --format json
    # asks of them all) took 13 MB a 100,000 rows; a reference a row takes less than 1.
    by_key: dict[str, list[Observation]] = {k: [] for k in wanted}
    for o in observations:
        if o.indicator in wanted and (bound is None or o.recorded_at <= bound):
            by_key[o.indicator].append(o)
    out: dict[str, dict[Period, Observation]] = {k: {} for k in wanted}
    for key, rows in by_key.items():
        periods = [o.period.sort_key for o in rows]
        if len(set(periods)) == len(rows):
            continue  # one row a period: no figure replaced another
        many = {p for p, n in Counter(periods).items() if n > 1}
        groups: dict[int, list[Observation]] = {}
        for o, p in zip(rows, periods, strict=True):
            if p in many:
                groups.setdefault(p, []).append(o)
        for group in groups.values():
            group.sort(key=lambda o: (o.recorded_at, o.line))
            if group[-2].status != RETRACTED:  # after a retraction a figure replaces none
                out[key][group[-1].period] = group[-2]
                if now is not None:
                    now.setdefault(key, {})[group[-1].period] = group[-1]
    return out


def measured_keys(keys: Iterable[str], indicators: Mapping[str, Indicator]) -> set[str]:
    """The ``keys`` (indicators, units' keys) whose figures are recorded, not computed: a
    derived indicator's figure replaced nothing, whatever rows were recorded against it by
    mistake (ignored, and warned of), so ``revised_values_of`` is asked only of these."""
    from ..plan.units import base_of

    out = set()
    for key in keys:
        indicator = indicators.get(base_of(key))
        if indicator is None or not indicator.formula:
            out.add(key)
    return out


def already_recorded(
    stored: Iterable[Observation] | VintageIndex,
    incoming: Sequence[Observation],
    undated: str | None = None,
    found: Sequence[Sequence[Observation] | None] | None = None,
    met: Sequence[bool] | None = None,
) -> list[bool]:
    """For each incoming row, in order, whether appending it would add nothing.

    A row is *already recorded* when the store holds the same vintage: the same indicator,
    period, value, status, source and ``recorded_at`` (the note does not count). Such a
    row is never needed: re-appending an older vintage changes no figure, and one that
    ties with the vintage in force is skipped so that importing the store into itself is
    a no-op (docs/decisions.md, "Writing").

    ``undated``: the ``recorded_at`` the tool stamped on rows given without one ("now").
    Such a row is already recorded when ANY stored vintage of its period has the same
    value, status and source, not only the one in force: typing a figure twice, or
    importing an undated file twice, adds it once, and re-importing an undated file after
    a revision does not bring the revised figure back in force with today's date. To put
    an old figure back deliberately, give it a ``recorded_at`` (docs/decisions.md, "Rows
    without a timestamp"). Rows accepted earlier in the batch count as stored for later ones.

    ``stored``: the stored rows, or their ``vintage_index`` (one an append's checks share);
    ``found``, ``met``: each row's stored vintages and whether another row is for its period
    (batch_periods.in_batch), when known already.
    """
    index = vintage_index(stored)
    if found is None:
        from .batch_periods import looked_up

        found = looked_up(index, incoming)
    # A period met once, with few stored vintages (nearly every row of a national import):
    # looked at directly, the row kept in ``once`` if accepted. A period met again, or with
    # many vintages: its vintages' identities and figures as sets and the vintage in force,
    # kept up to date as rows are accepted, so that a file of thousands of vintages of one
    # period costs no more a row than any other (issue 17).
    once: dict[tuple[str, int] | None, Observation] = {}
    many: dict[tuple[str, int] | None, tuple[set[tuple], set[tuple], list[Observation | None]]] = {}
    out: list[bool] = []
    for o, earlier, again in zip(incoming, found, [True] * len(incoming) if met is None else met, strict=True):
        key = (o.indicator, o.period.sort_key) if again else None  # None: its period's one row
        undated_row = undated is not None and o.recorded_at == undated
        state = many.get(key)
        if state is None:
            earlier = earlier or ()
            first = once.get(key)
            if first is None and len(earlier) <= _FEW:
                if undated_row and o.status == RETRACTED:
                    now = _latest(earlier)
                    skip = now is not None and (now.status, now.source) == (o.status, o.source)
                elif len(earlier) == 1 and not undated_row:  # a national import's rows, nearly all
                    skip = _repeats(earlier[0], o, False)
                else:
                    skip = any(_repeats(s, o, undated_row) for s in earlier) or (
                        undated_row and _bare_repeat(o, _latest(earlier))
                    )
                out.append(skip)
                if not skip and key is not None:
                    once[key] = o
                continue
            state = _vintages_seen(earlier, once.pop(key, None))
            if key is not None:
                many[key] = state
        idents, figures, current = state
        figure = (o.published_figure, o.status, o.source)
        if undated_row:
            if o.status == RETRACTED:
                # A retraction withdraws whatever is in force: it repeats only the one in
                # force, never an older retraction of a figure since given again.
                now = current[0]
                skip = now is not None and (now.status, now.source) == (o.status, o.source)
            else:
                skip = figure in figures or _bare_repeat(o, current[0])
        else:
            skip = (*figure, o.recorded_at) in idents
        out.append(skip)
        if not skip:
            _accept(state, o)
    return out


def _repeats(s: Observation, o: Observation, any_moment: bool) -> bool:
    """Whether stored vintage ``s`` holds the figure of row ``o``: the same value (none for
    a retraction), status and source, and, unless ``any_moment`` (a row stamped now), the
    same recorded_at. Compared field by field, the cheap texts first, with no tuple made:
    a store imported back into itself asks it of each of its million rows (issue 17).
    Equal statuses make both figures None (a retraction) or both values."""
    return (
        (any_moment or s.recorded_at == o.recorded_at)
        and s.source == o.source
        and s.status == o.status
        and (o.status == RETRACTED or s.value == o.value)
    )


def _bare_repeat(o: Observation, now: Observation | None) -> bool:
    """Whether row ``o``, stamped now, with neither a source nor a note, repeats the
    figure in force ``now`` (the same value, and the same status or none stated): a table
    re-imported without its source column, a figure retyped without ``--source`` or
    ``--status``. It says nothing new, and recorded it would blank the published figure's
    source ("source https://... -> -") or take away its status (an official figure retyped
    bare was "no longer said official"; twenty-seventh session), so it is already recorded.
    A non-empty other source, or another stated status, is a revision, as before."""
    return (
        not o.source
        and not o.note
        and now is not None
        and o.status != RETRACTED
        and (now.status == o.status or not o.status)
        and now.value == o.value
    )


# Stored vintages of one period looked through directly, below which no sets are made.
_FEW = 8


def _vintages_seen(
    stored: Sequence[Observation], first: Observation | None
) -> tuple[set[tuple], set[tuple], list[Observation | None]]:
    """A period's stored vintages (and the batch's row accepted before, if any) as
    ``already_recorded`` keeps them: (figure, recorded_at) of each, their figures, and the
    vintage in force."""
    state: tuple[set[tuple], set[tuple], list[Observation | None]] = (set(), set(), [_latest(stored)])
    for s in stored:
        figure = (s.published_figure, s.status, s.source)
        state[0].add((*figure, s.recorded_at))
        state[1].add(figure)
    if first is not None:
        _accept(state, first)
    return state


def _accept(state: tuple[set[tuple], set[tuple], list[Observation | None]], o: Observation) -> None:
    figure = (o.published_figure, o.status, o.source)
    state[0].add((*figure, o.recorded_at))
    state[1].add(figure)
    now = state[2][0]
    if now is None or o.recorded_at >= now.recorded_at:  # appended after it: wins a tie
        state[2][0] = o


def _latest(stored: Sequence[Observation]) -> Observation | None:
    """The stored vintage in force: the rule of series.in_force (the latest recorded_at,
    on a tie the later line)."""
    now = None
    for s in stored:
        if now is None or (s.recorded_at, s.line) >= (now.recorded_at, now.line):
            now = s
    return now


latest_vintage = _latest  # the vintage in force of one period's stored rows


# The stored rows by (indicator, period sort key), each list in file order.
VintageIndex = dict[tuple[str, int], list[Observation]]


def vintage_index(stored: Iterable[Observation] | VintageIndex) -> VintageIndex:
    """The stored rows by (indicator, period): made once by an append and read by each of
    its checks (already recorded, same moment, jumps, earlier vintages, ``stored_vintages``).
    Given an index already, that index: each check takes the rows or their index."""
    if isinstance(stored, dict):
        return stored
    index: VintageIndex = {}
    for s in stored:
        key = (s.indicator, s.period.sort_key)  # an int: hashed in C, a million times
        rows = index.get(key)
        if rows is None:
            index[key] = [s]
        else:
            rows.append(s)
    return index


def stored_vintages(
    stored: Iterable[Observation] | VintageIndex, rows: Sequence[Observation], undated: str | None = None
) -> list[tuple[Observation | None, Observation | None]]:
    """For each of ``rows`` that ``already_recorded`` left out, in order: the stored vintage
    it repeats (the latest such with its figure and, for a row given a recorded_at, its
    moment, with its own line and ``recorded_at``) and the vintage in force for its period
    (series.in_force's rule), so that a message quotes the row that exists, not the one
    typed. Each period's stored vintages are looked through once: the rows an import leaves
    out may be thousands of vintages of one period (the same file imported again)."""
    index = vintage_index(stored)
    # Per period: the vintage in force, and the latest stored vintage of each figure and of
    # each (figure, recorded_at), by the order of series.in_force.
    seen: dict[tuple[str, int], tuple[Observation | None, dict[tuple, Observation], dict[tuple, Observation]]] = {}
    out: list[tuple[Observation | None, Observation | None]] = []
    for o in rows:
        key = (o.indicator, o.period.sort_key)
        known = seen.get(key)
        if known is None:
            earlier = index.get(key, ())
            if len(earlier) <= _FEW:
                # A few vintages (every period of a national store, nearly): looked through
                # directly, as already_recorded does, rather than tables made per period.
                undated_row = undated is not None and o.recorded_at == undated
                best = None
                for s in earlier:
                    if _repeats(s, o, undated_row) and (
                        best is None or (s.recorded_at, s.line) >= (best.recorded_at, best.line)
                    ):
                        best = s
                now = _latest(earlier)
                if best is None and undated_row and _bare_repeat(o, now):
                    best = now  # a figure retyped without its source repeats the one in force
                out.append((best, now))
                continue
            by_figure: dict[tuple, Observation] = {}
            by_moment: dict[tuple, Observation] = {}
            for s in earlier:
                figure = (s.published_figure, s.status, s.source)
                for table, k in ((by_figure, figure), (by_moment, (*figure, s.recorded_at))):
                    best = table.get(k)
                    if best is None or (s.recorded_at, s.line) >= (best.recorded_at, best.line):
                        table[k] = s
            known = seen[key] = (_latest(earlier), by_figure, by_moment)
        current, by_figure, by_moment = known
        figure = (o.published_figure, o.status, o.source)
        if undated is not None and o.recorded_at == undated:
            best = by_figure.get(figure)
            if best is None and _bare_repeat(o, current):
                best = current
            out.append((best, current))
        else:
            out.append((by_moment.get((*figure, o.recorded_at)), current))
    return out


def figure_in_force(stored: Observation | None, current: Observation | None) -> bool:
    """Whether the figure in force (``current``) is the one ``stored`` holds: that vintage,
    or a later one of the same value, status and source (the same figure recorded again,
    say first undated, then with the date it was published). Then a row repeating
    ``stored`` has no news to tell: "not the figure in force, put it back" would be false."""
    if stored is None or current is None:
        return current is stored
    return current is stored or _repeats(current, stored, any_moment=True)
