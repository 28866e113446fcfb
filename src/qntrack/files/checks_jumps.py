"""`qntrack check`'s jump family: figures far from their neighbours (``jump``), growth
rates below -100 % (``growth-floor``), and a new row recorded before the figure in force.

Each is a warning, said at entry too (``recording.record_many``): a figure five times
its neighbour may be a typo (15 typed 150), or may be true; a person looks.
"""

from __future__ import annotations

from collections import defaultdict, deque
from operator import attrgetter
from typing import Iterable, Mapping, Sequence

from .figure_units import retract_words
from ..catalog import Figure, Message, Moment, msg
from ..plan.model import Location, Measure, Observation, Plan, Problem, RETRACTED
from ..method.history import VintageIndex, latest_vintage, vintage_index
from ..method.batch_periods import looked_up
from ..method.series import _VINTAGE_ORDER, Series, as_of_bound

_INDICATOR = attrgetter("indicator")
_SORT_KEY = attrgetter("period.sort_key")
_PERIOD_OF = attrgetter("indicator", "period.sort_key")
_STATUS = attrgetter("status")
_RECORDED = attrgetter("recorded_at")

DEFAULT_JUMP_FACTOR = 5.0
# A growth rate below -100 % would take the quantity below zero: almost surely a slip
# (-15 typed -150), and no average over a span holds it (docs/methodology.md, "Average
# over a span"). -100 % itself, a fall to zero, can be true and is not warned of.
GROWTH_FLOOR = -100.0


def growth_rate_ids(plan: Plan) -> set[str]:
    """The indicators whose figures are growth rates in per cent: declared ``measure: rate``
    or implied so by an average target (definitions.py); derived ones have no rows."""
    return {i.id for i in plan.indicators.values() if i.measure is Measure.RATE and not i.formula}


def growth_floor_problems(plan: Plan, series: Series, file: str) -> list[Problem]:
    """Growth rates in force below -100 % (``GROWTH_FLOOR``). Only the figure in force is
    judged: a vintage revised since is history the append-only store cannot lose."""
    problems = []
    for indicator in sorted(growth_rate_ids(plan)):
        for o in series.get(indicator, ()):
            if o.value < GROWTH_FLOOR:
                problems.append(
                    Problem(
                        Location(file, o.line),
                        msg(
                            "checks_growth_floor",
                            indicator=o.indicator,
                            period=o.period,
                            value=Figure(o.value),
                            retract=retract_words(o.indicator, o.period),
                        ),
                        severity="warning",
                        check="growth-floor",
                    )
                )
    problems.sort(key=lambda p: p.location.line or 0)
    return problems


def entry_growth_floor_problems(
    new: Sequence[tuple[Location, Observation]], plan: Plan, dry_run: bool = False
) -> list[Problem]:
    """One warning for each growth rate being recorded below -100 %; it is still recorded,
    as a jump is (a warning, not a refusal: docs/decisions.md). A dry run's says to correct
    the figure: ``retract`` would withdraw the figure in force, the slip being unwritten."""
    rates = growth_rate_ids(plan)
    return [
        Problem(
            where,
            msg(
                "recording_growth_floor_dry" if dry_run else "recording_growth_floor",
                indicator=o.indicator,
                period=o.period,
                value=Figure(o.value),
                retract=retract_words(o.indicator, o.period),
            ),
            severity="warning",
            check="growth-floor",
        )
        for where, o in new
        if o.value < GROWTH_FLOOR and o.indicator in rates
    ]


def jump_problems(
    observations: Iterable[Observation],
    file: str,
    factor: float,
    as_of: str | None = None,
    in_force: Mapping[str, Sequence[Observation]] | None = None,
    any_length: frozenset[str] = frozenset(),
) -> list[Problem]:
    """A vintage that is more than ``factor`` times larger or smaller than the one it revises,
    unless it puts a slip right (``_put_right``, with the series ``in_force``)."""
    bound = as_of_bound(as_of) if as_of else None
    rows = [o for o in observations if o.recorded_at <= bound] if bound else list(observations)
    # Each period's vintages gathered in C (its list found by map, appended to by map),
    # then each period's few judged in one plain loop: a store grown by a 300,000-row
    # import of revisions has 650,000 revised rows, and counting, gathering and sorting
    # them in Python (a lambda per row, a generator per period) took 4 s of its check
    # (issue 17, ninth session).
    keys = list(map(_PERIOD_OF, rows))
    periods: dict[tuple[str, int], list[Observation]] = {key: [] for key in dict.fromkeys(keys)}
    deque(map(list.append, map(periods.__getitem__, keys), rows), maxlen=0)
    del keys
    any_retracted = RETRACTED in set(map(_STATUS, rows))
    problems = []
    for vintages in periods.values():
        if len(vintages) < 2:
            continue
        vintages.sort(key=_VINTAGE_ORDER)
        first = 1
        if any_retracted:
            # A vintage a later retraction withdrew was dealt with (qntrack retract): no
            # warning for a pair before the last retraction of its period.
            statuses = list(map(_STATUS, vintages))
            if RETRACTED in statuses:
                first = max(1, len(statuses) - 1 - statuses[::-1].index(RETRACTED))
        for at in range(first, len(vintages)):
            earlier, row = vintages[at - 1], vintages[at]
            ratio = jump_ratio(earlier.value, row.value, factor)
            if ratio is None or _put_right(earlier, row, in_force, any_length, factor):
                continue
            problems.append(
                Problem(
                    Location(file, row.line),
                    msg(
                        "checks_jump",
                        indicator=row.indicator,
                        period=row.period,
                        value=Figure(row.value),
                        recorded=Moment(row.recorded_at),
                        before=Figure(earlier.value),
                        line=earlier.line,
                        before_recorded=Moment(earlier.recorded_at),
                        ratio=Figure(float(f"{ratio:.3g}")),
                        factor=Figure(factor),
                    ),
                    severity="warning",
                    check="jump",
                )
            )
    problems.sort(key=lambda p: p.location.line)
    return problems


def _put_right(
    earlier: Observation,
    row: Observation,
    in_force: Mapping[str, Sequence[Observation]] | None,
    any_length: frozenset[str],
    factor: float,
) -> bool:
    """Whether ``row`` revises a slip back into its series: within ``factor`` of the figures
    in force for the nearest earlier and later periods (of its length; of any length for
    an ``any_length`` indicator with none), where ``earlier`` was not (0.153, then 15.3,
    beside 12.3). The slip was the earlier vintage, and it is put right."""
    figures = in_force.get(row.indicator) if in_force else None
    if not figures:
        return False
    key = row.period.sort_key
    for months in (row.period.months, 0):
        if months == 0 and row.indicator.split("[", 1)[0] not in any_length:
            return False
        others = [
            o
            for o in figures
            if o.period.sort_key != key and months in (0, o.period.months) and (o.value < 0) == (row.value < 0)
        ]
        before = max((o for o in others if o.period.sort_key < key), key=_PERIOD_KEY, default=None)
        after = min((o for o in others if o.period.sort_key > key), key=_PERIOD_KEY, default=None)
        near = [o for o in (before, after) if o is not None]
        if near:
            return all(jump_ratio(o.value, row.value, factor) is None for o in near) and any(
                jump_ratio(o.value, earlier.value, factor) is not None for o in near
            )
    return False


def percent_units(plan: Plan) -> frozenset[str]:
    """The plan's indicators in a per-cent unit (a share, a rate): their figures read alike
    over any span, so a half year may be compared with the years beside it."""
    return frozenset(i.id for i in plan.indicators.values() if i.unit.startswith("%"))


def _PERIOD_KEY(o: Observation) -> int:
    return o.period.sort_key


def jump_ratio(before: float, after: float, factor: float) -> float | None:
    """How many times larger or smaller ``after`` is than ``before`` when that is more than
    ``factor`` (3,13 typed as 313); None otherwise. The one jump rule, of ``check`` and of
    recording a figure (``entry_jump_problems``)."""
    a, b = abs(before), abs(after)
    if a == 0 or b == 0 or a != a or b != b:
        return None  # no ratio to judge; a zero is not a slip of the decimal point
    ratio = max(a, b) / min(a, b)
    return ratio if ratio > factor else None


# A period's vintages looked through directly up to this many; more are sorted once.
_FEW = 8


def entry_jump_problems(
    new: Sequence[tuple[Location, Observation]],
    stored: Iterable[Observation] | VintageIndex,
    factor: float = DEFAULT_JUMP_FACTOR,
    any_length: frozenset[str] = frozenset(),
    dry_run: bool = False,
    rates: frozenset[str] = frozenset(),
    found: Sequence[list[Observation] | None] | None = None,
) -> list[Problem]:
    """Warnings for figures being recorded that jump (``jump_ratio``) against what is on
    record: the figure in force for the same period when there is one, else the figures
    in force now for the nearest earlier and later periods of the same length, whenever
    they were recorded (both, when there are two: a real break in a series differs from
    one side only; one suffices when only one side has figures). ``dry_run``: nothing is
    written, so the warning says to correct the figure, not to retract it. ``stored``: the
    rows of the batch's indicators, as the append read them under its lock, or their
    ``history.vintage_index``. ``any_length``: indicators in a per-cent unit (a share, a
    rate), whose figures read alike over any span: with no period of the same length on
    record (the first half year of a series of years), the nearest of any length are.
    ``rates``: the growth-rate indicators, whose figure may be an index typed for the
    growth (checks_index), said so whether or not it jumps. ``found``: batch_periods.looked_up."""
    from bisect import bisect_left, bisect_right

    from .checks_index import HIGHEST, LOWEST, index_intended

    vintages = vintage_index(stored)
    LATEST = "\uffff"  # after every timestamp: the vintage in force now
    # The periods on record of each indicator and length, sorted: made when a row first has
    # no figure for its own period to be compared with (a revision never needs them).
    lengths: list[dict[tuple[str, int], list[int]]] = []

    def periods_of(indicator: str, months: int) -> list[int]:
        if not lengths:
            made: dict[tuple[str, int], list[int]] = defaultdict(list)
            wide: dict[str, bool] = {}  # by series: whether its indicator is any_length's
            for (name, key), rows in vintages.items():
                made[(name, rows[0].period.months)].append(key)
                if any_length:
                    every = wide.get(name)
                    if every is None:
                        every = wide[name] = name.split("[", 1)[0] in any_length
                    if every:
                        # Every length, for an any_length indicator only: made for all, the
                        # lists cost a national import a second list of its million keys.
                        made[(name, 0)].append(key)
            for keys in made.values():
                keys.sort()
            lengths.append(made)
        return lengths[0].get((indicator, months), [])

    latest: dict[tuple[str, int], Observation | None] = {}  # in force now, by period: asked again and again
    in_order: dict[tuple[str, int], tuple[list[Observation], list[str]]] = {}

    def in_force(indicator: str, key: int, at: str, rows: list[Observation] | None = None) -> Observation | None:
        """``rows``: the period's vintages when the caller has looked them up already."""
        rows = vintages.get((indicator, key)) if rows is None else rows
        if rows is None:
            return None  # nothing on record for the period
        if at == LATEST and (indicator, key) in latest:
            return latest[(indicator, key)]
        # The rule of series.in_force: the latest recorded_at, on a tie the later line.
        if len(rows) == 1:  # most periods: one vintage, no list to make
            current = rows[0] if rows[0].recorded_at <= at else None
        elif len(rows) <= _FEW:
            current = max((o for o in rows if o.recorded_at <= at), key=_VINTAGE_ORDER, default=None)
        else:  # thousands of vintages of one period: sorted once, then found by bisection
            ordered = in_order.get((indicator, key))
            if ordered is None:
                ranked = sorted(rows, key=_VINTAGE_ORDER)
                ordered = in_order[(indicator, key)] = (ranked, [o.recorded_at for o in ranked])
            i = bisect_right(ordered[1], at)
            current = ordered[0][i - 1] if i else None
        found = None if current is None or current.status == RETRACTED or current.value != current.value else current
        if at == LATEST:
            latest[(indicator, key)] = found
        return found

    def nearest(indicator: str, keys: list[int], start: int, step: int, at: str) -> Observation | None:
        i = start
        while 0 <= i < len(keys):
            found = in_force(indicator, keys[i], at)
            if found is not None:
                # Of the spans that end with it, the longest (keys of one end sort longest
                # first): a year beside the nine months to September, not September alone,
                # as a year to date is read before the month ending with it (issue 17).
                end = keys[i] >> 4
                while step < 0 and i > 0 and keys[i - 1] >> 4 == end:
                    i -= 1
                    found = in_force(indicator, keys[i], at) or found
                return found
            i += step
        return None

    def neighbours(o: Observation, key: int) -> list[Observation]:
        """The figures in force now for the nearest earlier and later periods of ``o``'s
        length, whenever recorded: a figure back-dated before its neighbours were recorded
        (980 for 2019, recorded 2020-06-01, next to 9.8 for 2020 recorded in 2023) is still
        compared with both sides. Of any length for an ``any_length`` indicator with none."""
        for months in (o.period.months, 0):
            if months == 0 and o.indicator.split("[", 1)[0] not in any_length:
                break
            keys = periods_of(o.indicator, months)
            at = bisect_left(keys, key)
            after = at + 1 if at < len(keys) and keys[at] == key else at  # not the period itself
            ends = (nearest(o.indicator, keys, at - 1, -1, LATEST), nearest(o.indicator, keys, after, 1, LATEST))
            found = [n for n in ends if n is not None]
            if found:
                return found
        return []

    problems = []
    found = looked_up(vintages, (o for _, o in new)) if found is None else found
    for (where, o), on_record in zip(new, found, strict=True):
        if o.status == RETRACTED or o.value != o.value:
            continue
        key = o.period.sort_key
        if on_record is not None and (
            on_record[0].recorded_at > o.recorded_at
            if len(on_record) == 1  # most periods: one vintage
            else max(map(_RECORDED, on_record)) > o.recorded_at
        ):
            # Kept as an earlier vintage, never in force: its own warning says so with both
            # values, and this one's hint ('qntrack retract ...') would withdraw the figure
            # in force, not this row (earlier_vintage_problems).
            continue
        if on_record is not None and len(on_record) == 1:  # recorded before this row (above): in force
            same = (
                None if on_record[0].status == RETRACTED or on_record[0].value != on_record[0].value else on_record[0]
            )
        else:
            same = None if on_record is None else in_force(o.indicator, key, o.recorded_at, on_record)
        if same is not None:
            # Most rows of an import revise a figure in line with them: no jump and no
            # growth rate that could be an index, passed over with no list made.
            ratio = jump_ratio(same.value, o.value, factor)
            if ratio is None and not (rates and LOWEST <= o.value <= HIGHEST and o.indicator.split("[", 1)[0] in rates):
                continue
            compared = [same]
            if jump_ratio(same.value, o.value, factor) is not None:
                # A revision far from the figure in force but in line with its neighbours
                # puts a slip right (0.153, then 15.3 beside 12.3): no slip of its own.
                beside = [n for n in neighbours(o, key) if (n.value < 0) == (o.value < 0)]
                if beside and all(jump_ratio(n.value, o.value, factor) is None for n in beside):
                    continue
        else:
            compared = neighbours(o, key)
        if same is None:
            # Another period of opposite sign is no slip (a slip of the decimal point keeps
            # the sign): a growth rate that fell one year and rose the next, a balance
            # (issue 17). It tells nothing, so it is left out, not a veto: 142 (for 14.2)
            # between -1.39 and 8.0 is still 17.8 times its neighbour of the same sign.
            compared = [c for c in compared if (c.value < 0) == (o.value < 0)]
        ratios = [jump_ratio(c.value, o.value, factor) for c in compared]
        index = None
        # Only a figure an index could be is looked at: a range test before the split.
        if rates and compared and LOWEST <= o.value <= HIGHEST and o.indicator.split("[", 1)[0] in rates:
            index = index_intended(o.value, [c.value for c in compared])
        if not compared or (index is None and any(r is None for r in ratios)):
            continue
        other, ratio = compared[0], ratios[0]
        if index is not None:
            problems.append(
                Problem(
                    where,
                    _index_message(o, other, same is not None, ratio, index, dry_run),
                    severity="warning",
                    check="jump",
                )
            )
            continue
        times = msg(
            "recording_jump_larger" if abs(o.value) > abs(other.value) else "recording_jump_smaller",
            ratio=Figure(float(f"{ratio:.3g}")),
        )
        # A "%" figure below 1 whose hundredfold is in line: a per cent saved as a fraction,
        # said with the per cent it likely is (checks_fraction; twenty-second session).
        intended = None
        if o.indicator.split("[", 1)[0] in any_length:
            from .checks_fraction import fraction_intended

            intended = fraction_intended(o.value, other.value)
        fraction = {} if intended is None else {"intended": Figure(intended)}
        problems.append(
            Problem(
                where,
                msg(
                    ("recording_jump_same" if same is not None else "recording_jump_neighbour")
                    + ("_fraction" if fraction else "")
                    + ("_dry" if dry_run else ""),
                    indicator=o.indicator,
                    period=o.period,
                    value=Figure(o.value),
                    times=times,
                    before=Figure(other.value),
                    other=other.period,
                    retract=retract_words(o.indicator, o.period),
                    **fraction,
                ),
                severity="warning",
                check="jump",
            )
        )
    return problems


def _index_message(
    o: Observation, other: Observation, same: bool, ratio: float | None, intended: float, dry_run: bool
) -> Message:
    """The warning of a growth rate typed as an index (checks_index): beside the figure in
    force (``same``) or its neighbour ``other``, how far when it jumps."""
    where = "same" if same else "neighbour"
    if ratio is None:
        beside = msg(f"recording_index_beside_{where}", before=Figure(other.value), other=other.period)
    else:
        larger = "recording_jump_larger" if abs(o.value) > abs(other.value) else "recording_jump_smaller"
        times = msg(larger, ratio=Figure(float(f"{ratio:.3g}")))
        beside = msg(f"recording_index_times_{where}", times=times, before=Figure(other.value), other=other.period)
    return msg(
        "recording_index" + ("_dry" if dry_run else ""),
        indicator=o.indicator,
        period=o.period,
        value=Figure(o.value),
        beside=beside,
        intended=Figure(intended),
        retract=retract_words(o.indicator, o.period),
    )


def earlier_vintage_problems(
    new: Sequence[tuple[Location, Observation]],
    stored: Iterable[Observation] | VintageIndex,
    found: Sequence[list[Observation] | None] | None = None,
    met: Sequence[bool] | None = None,
) -> list[Problem]:
    """Warnings for rows being added that are recorded before the figure in force for
    their period (issue 12): they are kept, as an earlier vintage (history stays
    replayable), but they do not take effect, and the user is told so, once per row.
    ``stored``: the rows the append read under its lock, or their ``history.vintage_index``;
    rows earlier in ``new`` count. ``found``, ``met``: batch_periods.in_batch."""
    index = vintage_index(stored)
    latest: dict[tuple, Observation | None] = {}
    problems = []
    found = looked_up(index, (o for _, o in new)) if found is None else found
    for (where, o), earlier, again in zip(new, found, [True] * len(new) if met is None else met, strict=True):
        key = (o.indicator, o.period.sort_key) if again else None  # None: its period's one row
        if key in latest:
            current = latest[key]
        elif not earlier:
            current = None
        else:  # the period's stored vintage in force, when first asked
            current = earlier[0] if len(earlier) == 1 else latest_vintage(earlier)
        if current is not None and current.recorded_at > o.recorded_at:
            if o.status == RETRACTED:
                # A retraction has no figure to quote (its value is NaN in memory).
                later = "retraction" if current.status == RETRACTED else "vintage"
                # No figure in force behind a later retraction: none to name.
                figure = {} if current.status == RETRACTED else {"current": Figure(current.value)}
                text = msg(
                    f"recording_earlier_retraction_{later}",
                    indicator=o.indicator,
                    period=o.period,
                    at=Moment(o.recorded_at),
                    current_at=Moment(current.recorded_at),
                    **figure,
                )
            elif current.status == RETRACTED:
                text = msg(
                    "recording_earlier_than_retraction",
                    indicator=o.indicator,
                    period=o.period,
                    value=Figure(o.value),
                    at=Moment(o.recorded_at),
                    current_at=Moment(current.recorded_at),
                )
            else:
                text = msg(
                    "recording_earlier_vintage",
                    indicator=o.indicator,
                    period=o.period,
                    value=Figure(o.value),
                    at=Moment(o.recorded_at),
                    current=Figure(current.value),
                    current_at=Moment(current.recorded_at),
                )
            problems.append(Problem(where, text, severity="warning", check="earlier_vintage"))
            if key is not None:
                latest[key] = current
        elif key is not None:
            latest[key] = o  # kept after the rows before it: in force from its moment on
    return problems
