"""Issue 17, thirty-first session, helper X2: the 300,000-row import's second pass. Each
row's stored vintages are looked up once in the million-period index, with whether another
row of the batch is for its period (method.batch_periods.in_batch), and handed to every
check that found them again: already recorded, the jumps, the earlier vintages, the
revisions (docs/performance.md).

As in tests/test_s31_x.py, whose drawn stores and batches this file reuses, each changed
function is proved the same as the code it replaced, kept here verbatim as ``old_*``
(from main at 38929f5f) but for its name and the imports moved to the top: on the draws,
given what in_batch finds and not, then end to end, where an import through the old
functions (which look every row up themselves) and through the new must give the same
exit code, standard output, standard error and store, byte for byte: revisions, repeats,
a blank value, a retraction, rows before the figure in force, refusals and --dry-run."""

from __future__ import annotations

import contextlib
import math
import random
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterable, Mapping, Sequence
from unittest import mock

import pytest

from qntrack.catalog import Figure, Moment, msg
from qntrack.files import checks_fraction, checks_jumps, recording
from qntrack.files import store as store_module
from qntrack.files.checks_index import HIGHEST, LOWEST, index_intended
from qntrack.files.checks_parts_entry import _apart, _covered, _difference, _parts, _year, entry_parts_problems
from qntrack.files.checks_jumps import (
    _RECORDED,
    _VINTAGE_ORDER,
    DEFAULT_JUMP_FACTOR,
    earlier_vintage_problems,
    jump_ratio,
)
from qntrack.files.checks_jumps_entry import _index_message, entry_jump_problems
from qntrack.files.checks_fraction import fraction_intended
from qntrack.files.figure_units import retract_words
from qntrack.files.definitions import load_plan
from qntrack.files.recorded import revisions_in
from qntrack.method import history
from qntrack.method.history import (
    _FEW,
    VintageIndex,
    _accept,
    _bare_repeat,
    _latest,
    _repeats,
    _vintages_seen,
    already_recorded,
    latest_vintage,
    vintage_index,
)
from qntrack.method.batch_periods import in_batch, looked_up
from qntrack.plan.model import RETRACTED, Location, Measure, Observation, Plan, Problem
from qntrack.plan.periods import parse_period
from test_s31_x import MIXED, NOW, SEEDS, UNDATED, _draw, _same
from helpers import run_clean


# ---------------------------------------------------------------------------------------
# The code replaced, verbatim but for its name and the imports moved to the top.
# ---------------------------------------------------------------------------------------


def _figure(o: Observation) -> float | None:
    """The value compared, as history's ``_figure`` was before the thirty-fourth session gave
    it one home (``Observation.published_figure``): this test's own copy."""
    return None if o.status == "retracted" else o.value


def old_already_recorded(
    stored: Iterable[Observation] | VintageIndex, incoming: Sequence[Observation], undated: str | None = None
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

    ``stored``: the stored rows, or their ``vintage_index`` (an append shares one index
    among all its checks rather than passing over a national store once for each).
    """
    index = vintage_index(stored)
    # A period met once, with few stored vintages (nearly every row of a national import):
    # looked at directly, the row kept in ``once`` if accepted. A period met again, or with
    # many vintages: its vintages' identities and figures as sets and the vintage in force,
    # kept up to date as rows are accepted, so that a file of thousands of vintages of one
    # period costs no more a row than any other (issue 17).
    once: dict[tuple[str, int], Observation] = {}
    many: dict[tuple[str, int], tuple[set[tuple], set[tuple], list[Observation | None]]] = {}
    out: list[bool] = []
    for o in incoming:
        key = (o.indicator, o.period.sort_key)
        undated_row = undated is not None and o.recorded_at == undated
        state = many.get(key)
        if state is None:
            earlier = index.get(key, ())
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
                if not skip:
                    once[key] = o
                continue
            state = many[key] = _vintages_seen(earlier, once.pop(key, None))
        idents, figures, current = state
        figure = (_figure(o), o.status, o.source)
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


def old_entry_jump_problems(
    new: Sequence[tuple[Location, Observation]],
    stored: Iterable[Observation] | VintageIndex,
    factor: float = DEFAULT_JUMP_FACTOR,
    any_length: frozenset[str] = frozenset(),
    dry_run: bool = False,
    rates: frozenset[str] = frozenset(),
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
    growth (checks_index), said so whether or not it jumps."""

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
    for where, o in new:
        if o.status == RETRACTED or o.value != o.value:
            continue
        key = o.period.sort_key
        on_record = vintages.get((o.indicator, key))
        if on_record is not None and (
            on_record[0].recorded_at > o.recorded_at
            if len(on_record) == 1  # most periods: one vintage
            else max(map(_RECORDED, on_record)) > o.recorded_at
        ):
            # Kept as an earlier vintage, never in force: its own warning says so with both
            # values, and this one's hint ('qntrack retract ...') would withdraw the figure
            # in force, not this row (earlier_vintage_problems).
            continue
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


def old_earlier_vintage_problems(
    new: Sequence[tuple[Location, Observation]], stored: Iterable[Observation] | VintageIndex
) -> list[Problem]:
    """Warnings for rows being added that are recorded before the figure in force for
    their period (issue 12): they are kept, as an earlier vintage (history stays
    replayable), but they do not take effect, and the user is told so, once per row.
    ``stored``: the rows the append read under its lock, or their ``history.vintage_index``;
    rows earlier in ``new`` count."""
    index = vintage_index(stored)
    latest: dict[tuple, Observation | None] = {}
    problems = []
    for where, o in new:
        key = (o.indicator, o.period.sort_key)
        if key in latest:
            current = latest[key]
        else:  # the period's stored vintage in force, when first asked
            current = latest_vintage(index.get(key, ()))
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
            latest[key] = current
        else:
            latest[key] = o  # kept after the rows before it: in force from its moment on
    return problems


def old_revisions_in(
    rows: Sequence[Observation], index: Mapping[tuple[str, int], Sequence[Observation]]
) -> list[tuple[Observation, Observation]]:
    """Each of ``rows`` (a batch kept for the store, in its order) that comes after the
    vintage of its period in force before it, with that vintage: the latest stored one
    (``index``, history.vintage_index), or the batch's own row recorded before it (the same
    period twice in one file). A row recorded before that vintage revises nothing (it is
    never in force; checks_jumps warns of it); a retraction says what it withdraws itself,
    and is only the vintage the next row follows. A vintage whose value is no number and
    no retraction is none to revise, as ``recording._revised`` reads it."""

    # A period the batch holds once (every row of a national import, nearly) is judged
    # where it is met, against its stored vintage in force: one pass, no list of places
    # per period and no sort of the answers. A period held twice or more keeps its rows'
    # places, judged after in the order they were recorded (issue 17, thirty-first session).
    keys = [(o.indicator, o.period.sort_key) for o in rows]
    times = Counter(keys)
    stored = index.get
    found: list[tuple[int, Observation]] = []
    twice: dict[tuple[str, int], list[int]] = {}
    for i, key in enumerate(keys):
        if times[key] > 1:
            twice.setdefault(key, []).append(i)
            continue
        earlier = stored(key)
        if not earlier:
            continue
        before = earlier[0] if len(earlier) == 1 else latest_vintage(earlier)
        o = rows[i]
        if (
            before is not None
            and o.recorded_at >= before.recorded_at
            and o.status != RETRACTED
            and (before.status == RETRACTED or before.value == before.value)
        ):
            found.append((i, before))
    for key, places in twice.items():
        before = latest_vintage(index.get(key, ()))
        # Stable: rows recorded at the same moment keep the file's order, the later in force.
        for i in sorted(places, key=lambda i: rows[i].recorded_at):
            o = rows[i]
            if before is not None and o.recorded_at < before.recorded_at:
                continue
            if (
                before is not None
                and o.status != RETRACTED
                and (before.status == RETRACTED or before.value == before.value)
            ):
                found.append((i, before))
            before = o
    if twice:
        found.sort(key=lambda pair: pair[0])
    return [(rows[i], was) for i, was in found]


def old_entry_parts_problems(
    new: Sequence[tuple[Location, Observation]], index: VintageIndex, plan: Plan
) -> list[Problem]:
    """A warning at each row being recorded of a flow or a balance that takes a published
    total covering its period (two months or more, in force) apart from its parts in force
    added up, where before the batch the two agreed within rounding."""
    summed = {i.id for i in plan.indicators.values() if i.measure in (Measure.FLOW, Measure.BALANCE) and not i.formula}
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


# ---------------------------------------------------------------------------------------
# Drawn stores and batches (test_s31_x._draw): the rows' vintages handed over, and not.
# ---------------------------------------------------------------------------------------


def test_looked_up_gives_each_row_its_periods_vintages() -> None:
    stored, batch = _draw(7)
    index = vintage_index(stored)
    for o, found in zip(batch, looked_up(index, batch), strict=True):
        mine = [s for s in stored if (s.indicator, s.period) == (o.indicator, o.period)]
        assert (found or []) == mine and (found is None) == (not mine)


def test_in_batch_tells_the_periods_met_again() -> None:
    gdp, share = Observation("gdp", parse_period("2020"), 1.0), Observation("share", parse_period("2020"), 1.0)
    later = gdp._replace(value=2.0, recorded_at="2022-01-01T00:00:00Z")
    index = vintage_index([gdp])
    assert in_batch(index, [gdp, share]) == ([[gdp], None], [False, False])
    assert in_batch(index, [gdp, share, later]) == ([[gdp], None, [gdp]], [True, False, True])


def test_already_recorded_marks_what_it_marked() -> None:
    for seed in SEEDS:
        stored, batch = _draw(seed)
        index = vintage_index(stored)
        for undated in (None, UNDATED):
            old = old_already_recorded(index, batch, undated)
            assert already_recorded(index, batch, undated, *in_batch(index, batch)) == old, seed
            assert already_recorded(index, batch, undated, looked_up(index, batch)) == old, seed
            assert already_recorded(index, batch, undated) == old, seed


def test_jumps_and_earlier_vintages_are_said_as_they_were() -> None:
    for seed in SEEDS:
        stored, batch = _draw(seed)
        index = vintage_index(stored)
        new = [(Location("in.csv", i + 2), o) for i, o in enumerate(batch)]
        found = looked_up(index, batch)
        for options in (
            {},
            {"factor": 2.0, "dry_run": True},
            {"any_length": frozenset({"share"}), "rates": frozenset({"rate"})},
            {"rates": frozenset({"rate", "gdp"}), "dry_run": True},
        ):
            old = old_entry_jump_problems(new, index, **options)
            assert _same(entry_jump_problems(new, index, **options, found=found), old), (seed, options)
            assert _same(entry_jump_problems(new, index, **options), old), (seed, options)
        old = old_earlier_vintage_problems(new, index)
        assert _same(earlier_vintage_problems(new, index, *in_batch(index, batch)), old), seed
        assert _same(earlier_vintage_problems(new, index, found), old), seed
        assert _same(earlier_vintage_problems(new, index), old), seed


def test_revisions_in_finds_what_it_found() -> None:
    for seed in SEEDS:
        stored, batch = _draw(seed)
        index = vintage_index(stored)
        old = old_revisions_in(batch, index)
        for new in (revisions_in(batch, index, *in_batch(index, batch)), revisions_in(batch, index)):
            assert _same(new, old), seed
            # The very rows and vintages, not equal copies: a caller tells them apart by identity.
            assert [(id(a), id(b)) for a, b in new] == [(id(a), id(b)) for a, b in old], seed


def test_the_draws_hold_earlier_vintages_and_repeats() -> None:
    """The drawn cases hold what the handed-over vintages must stay in line with: rows
    recorded before the figure in force, and rows already recorded among the others."""
    earlier = repeats = 0
    for seed in SEEDS:
        stored, batch = _draw(seed)
        index = vintage_index(stored)
        earlier += bool(old_earlier_vintage_problems([(Location("f", 1), o) for o in batch], index))
        marks = old_already_recorded(index, batch, UNDATED)
        repeats += any(marks) and not all(marks)
    assert min(earlier, repeats) >= 20, (earlier, repeats)


# ---------------------------------------------------------------------------------------
# End to end: the import through the old functions and through the new, byte for byte.
# ---------------------------------------------------------------------------------------


def _old_code() -> contextlib.ExitStack:
    """The four functions as they were, where the import looks them up; each is handed the
    rows' vintages and whether another row is for their period now (``found``, ``met``),
    and, as before, finds them itself."""

    def jumps(*args: object, found: object = None, yardsticks: object = None, **options: object) -> list[Problem]:
        # yardsticks (a growth rate's first figure beside its targets, forty-fourth
        # session) came after these functions: no row of these files is such a figure.
        return old_entry_jump_problems(*args, **options)  # type: ignore[arg-type]

    patches = [
        mock.patch.object(
            history, "already_recorded", lambda s, i, u=None, f=None, m=None: old_already_recorded(s, i, u)
        ),
        mock.patch.object(checks_fraction, "entry_jump_problems", jumps),
        mock.patch.object(
            checks_jumps, "earlier_vintage_problems", lambda n, s, f=None, m=None: old_earlier_vintage_problems(n, s)
        ),
        mock.patch.object(recording, "revisions_in", lambda r, i, f=None, m=None: old_revisions_in(r, i)),
    ]
    stack = contextlib.ExitStack()
    for patch in patches:
        stack.enter_context(patch)
    return stack


def _both(text: str, *args: str) -> tuple[int, str, str, bytes]:
    """What ``add-observation --from in.csv ARGS`` does with the old functions and with the
    new, which must be the same: exit code, stdout, stderr, the store's bytes."""
    Path("in.csv").write_text(text, encoding="utf-8")
    before = Path("observations.csv").read_bytes()
    out = []
    for old in (True, False):
        Path("observations.csv").write_bytes(before)
        with contextlib.ExitStack() as stack:
            if old:
                stack.enter_context(_old_code())
            stack.enter_context(mock.patch.object(store_module, "utc_now", lambda: NOW))
            r = run_clean("add-observation", "--from", "in.csv", *args)
        out.append((r.exit_code, r.stdout, r.stderr, Path("observations.csv").read_bytes()))
    assert out[0] == out[1]
    return out[1]


@pytest.mark.parametrize("dry", [(), ("--dry-run",)], ids=["append", "dry-run"])
def test_a_mixed_import_says_and_writes_what_it_did(shipped: Path, dry: tuple[str, ...]) -> None:
    """test_s31_x's file: a revision, an index typed for a growth, a repeat, a row before
    the figure in force, one period twice, a blank value, a bare undated repeat."""
    code, stdout, stderr, store = _both(MIXED, *dry)
    assert code == 0, stderr
    assert "2 already recorded" in stderr, stderr
    assert "in.csv:5: warning: grdp_growth 2016 = 9.9 recorded 2016-06-01T00:00:00Z, before the figure" in stderr
    assert stderr.endswith("0 error(s), 4 warning(s)\n"), stderr


# Repeats between the rows that are kept (each row's vintages then follow it past the rows
# left out), a retraction, a row before the figure in force after a repeat, a revision.
BETWEEN = (
    "indicator,period,value,status,source,recorded_at\n"
    "grdp_growth,2017,10.2,estimate,http://quangninhtv.vn/channel/5986/201712/"
    "2017-quang-ninh-giu-vung-muc-tang-truong-2-con-so-2583465/,2017-12-28\n"  # a repeat
    "grdp_growth,2021-Q1,,retracted,,2021-05-01\n"  # withdraws 9.02 (2021-04-05)
    "grdp_growth,2021-H1,7.75,estimate,,\n"  # retyped bare, undated: a repeat
    "grdp_growth,2016,9.9,estimate,x,2016-06-01\n"  # before 10.1 (2016-12-28)
    "grdp_growth,2019,12.1,official,x,2021-01-15\n"  # revises 12.01 (2020-09-21)
    "grdp_growth,2015-Q1,84,estimate,x,2021-01-15\n"  # ten times 8.4
)


@pytest.mark.parametrize("dry", [(), ("--dry-run",)], ids=["append", "dry-run"])
def test_rows_kept_between_repeats_are_judged_against_their_own_periods(shipped: Path, dry: tuple[str, ...]) -> None:
    before = Path("observations.csv").read_bytes()
    code, stdout, stderr, store = _both(BETWEEN, *dry)
    assert code == 0, stderr
    assert "2 already recorded" in stderr, stderr
    assert (
        "in.csv:5: warning: grdp_growth 2016 = 9.9 recorded 2016-06-01T00:00:00Z, before the figure in force" in stderr
    )
    assert "(10.1, recorded 2016-12-28T00:00:00Z)" in stderr, stderr
    assert "in.csv:7: warning: grdp_growth 2015-Q1 = 84 is 10 times the figure in force (8.4)" in stderr, stderr
    assert "grdp_growth 2019 = 12.1, revising 12.01 (recorded 2020-09-21)" in stderr, stderr
    assert (store == before) if dry else (len(store.splitlines()) == len(before.splitlines()) + 4)


def test_a_refused_import_is_refused_alike(shipped: Path) -> None:
    before = Path("observations.csv").read_bytes()
    text = BETWEEN + "grdp_growth,2019,13,official,x,2020-09-21T00:00:00Z\n"  # 12.01's moment
    code, stdout, stderr, store = _both(text)
    assert code == 1
    assert stderr.startswith("in.csv:8: error: grdp_growth 2019 recorded at 2020-09-21T00:00:00Z"), stderr
    assert store == before


# A flow's months and the totals over them, beside a level's: the parts-sum check at entry
# judges the flow's rows alone now, reading the batch's rows of the flow only.
PARTS_PLAN = """\
title: Parts
indicators:
  exports: {name: Export turnover, unit: billion USD, measure: flow, frequency: month}
  cash: {name: Cash held, unit: billion VND, measure: balance, frequency: month}
  stock: {name: Stock, unit: tonnes, measure: level, frequency: month}
targets:
  - {id: exports-2025, type: plan, indicator: exports, period: 2025, value: 400}
"""
PARTS_PERIODS = ("2025-04", "2025-05", "2025-06", "2025-Q2", "2025-H1", "2025-01", "2025-Q1")
PARTS_VALUES = (37.4, 39.6, 39.4, 39.9, 116.4, 118.0, 12.0, 40.0, 232.8)


def _parts_row(rng: random.Random, line: int) -> Observation:
    retracted = rng.random() < 0.05
    return Observation(
        rng.choice(("exports", "exports[port=Cai Lan]", "cash", "stock")),
        parse_period(rng.choice(PARTS_PERIODS)),
        math.nan if retracted else rng.choice(PARTS_VALUES),
        RETRACTED if retracted else "official",
        "MOIT",
        "",
        f"2025-0{rng.randrange(7, 10)}-0{rng.randrange(1, 8)}T00:00:00Z",
        line,
    )


def test_parts_at_entry_are_said_as_they_were(tmp_path: Path) -> None:
    (tmp_path / "targets.yaml").write_text(PARTS_PLAN, encoding="utf-8")
    plan = load_plan(tmp_path / "targets.yaml")
    said = 0
    for seed in range(300):
        rng = random.Random(seed)
        # A second quarter that agrees with its months (37.4 + 39.6 + 39.4 = 116.4), then more.
        agreed = [("2025-04", 37.4), ("2025-05", 39.6), ("2025-06", 39.4), ("2025-Q2", 116.4)]
        name = rng.choice(("exports", "exports[port=Cai Lan]", "cash", "stock"))
        stored = [
            Observation(name, parse_period(p), v, "official", "MOIT", "", "2025-07-01T00:00:00Z", i + 2)
            for i, (p, v) in enumerate(agreed)
        ]
        stored += [_parts_row(rng, line) for line in range(6, 6 + rng.randrange(0, 12))]
        batch = [(Location("in.csv", i + 2), _parts_row(rng, 0)) for i in range(rng.randrange(1, 12))]
        index = vintage_index(stored)
        old = old_entry_parts_problems(batch, index, plan)
        assert _same(entry_parts_problems(batch, index, plan), old), seed
        said += bool(old)
    assert 20 <= said <= 280, said  # the draws take totals apart, and not
