"""`check jump` at entry: a figure being recorded weighed against what is on record (its
period's figure in force, else its nearest neighbours), said by add-observation and
import. Apart from the store's jump check because it looks up a batch's rows in the
vintages, one row at a time."""

from __future__ import annotations

from collections import defaultdict
from typing import Callable, Iterable, Sequence

from .figure_units import retract_words
from ..catalog import Figure, Message, msg
from ..plan.model import Location, Observation, Problem, RETRACTED
from ..method.history import VintageIndex, vintage_index
from ..method.batch_periods import looked_up
from ..method.series import _VINTAGE_ORDER
from .checks_jumps import _RECORDED, DEFAULT_JUMP_FACTOR, jump_ratio


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
    yardsticks: Callable[[str], Sequence[tuple[str, float]]] | None = None,
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
    growth (checks_index), said so whether or not it jumps. ``found``: batch_periods.looked_up.
    ``yardsticks``: a growth-rate indicator's targets' figures (target id, figure), which
    its figure with nothing on record to be compared with is weighed against as an index."""
    from bisect import bisect_left, bisect_right

    from .checks_index import HIGHEST, LOWEST, index_by_targets, index_intended

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
            if not compared:
                # Nothing on record to be compared with: a growth rate's first figure is
                # weighed against its targets' figures (a fraction's is in checks_fraction).
                if yardsticks is not None and LOWEST <= o.value <= HIGHEST and o.indicator.split("[", 1)[0] in rates:
                    seen = index_by_targets(o.value, yardsticks(o.indicator.split("[", 1)[0]))
                    if seen is not None:
                        target, figure, growth = seen
                        plan_said = msg("recording_index_beside_target", target=target, before=Figure(figure))
                        problems.append(
                            Problem(where, _said_index(o, plan_said, growth, dry_run), severity="warning", check="jump")
                        )
                continue
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
    return _said_index(o, beside, intended, dry_run)


def _said_index(o: Observation, beside: Message, intended: float, dry_run: bool) -> Message:
    return msg(
        "recording_index" + ("_dry" if dry_run else ""),
        indicator=o.indicator,
        period=o.period,
        value=Figure(o.value),
        beside=beside,
        intended=Figure(intended),
        retract=retract_words(o.indicator, o.period),
    )
