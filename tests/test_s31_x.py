"""Issue 17, thirty-first session, helper X: the 300,000-row import profiled again, and
four of its per-row passes made cheaper without changing a byte of what it says or
writes (docs/performance.md, "The thirty-first session").

Each changed function is proved the same as the code it replaced, kept here verbatim as
``old_*`` (from c921d69b): first on many drawn stores and batches (revisions, repeats,
several vintages of a period, the same period twice in a batch, retractions, figures
that are no number, rows recorded before the figure in force, growth rates typed as an
index), then end to end, where an import through the old functions and through the new
must give the same exit code, standard output, standard error and store, byte for byte.
The expected words of the end-to-end files are the catalog's, written by hand from the
cells typed here."""

from __future__ import annotations

import contextlib
import math
import random
from bisect import bisect_left, bisect_right
from collections import defaultdict
from operator import attrgetter
from pathlib import Path
from unittest import mock
from typing import Iterable, Mapping, Sequence

import pytest

from helpers import run_clean
from qntrack.catalog import Figure, msg
from qntrack.errors import InputError
from qntrack.files import store as store_module
from qntrack.files import checks_fraction, recording
from qntrack.files.checks_index import HIGHEST, LOWEST, index_intended
from qntrack.files.checks_jumps import _RECORDED, _VINTAGE_ORDER, DEFAULT_JUMP_FACTOR, jump_ratio
from qntrack.files.checks_jumps_entry import _index_message, entry_jump_problems
from qntrack.files.figure_units import retract_words
from qntrack.files.garbled import garbled_problem
from qntrack.files.import_tables import ParsedTable, RowDefaults
from qntrack.files.importing import _garbled
from qntrack.files.recorded import revisions_in
from qntrack.files.same_moment import _said, refuse_same_moment
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
from qntrack.plan.model import RETRACTED, Location, Observation, Problem
from qntrack.plan.periods import parse_period

NOW = "2026-12-01T03:00:00Z"  # the clock, fixed: a row given no moment is stamped with it


# ---------------------------------------------------------------------------------------
# The code replaced, verbatim but for its name and the imports moved to the top.
# ---------------------------------------------------------------------------------------


def _figure(o: Observation) -> float | None:
    """The value compared, as history's ``_figure`` was before the thirty-fourth session gave
    it one home (``Observation.published_figure``): this test's own copy."""
    return None if o.status == "retracted" else o.value


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
    from collections import Counter
    from itertools import compress
    from operator import attrgetter

    # Only the rows of a period the store holds, or the batch holds twice, can revise one:
    # picked in C, so that a 300,000-row import of new figures pays no loop of Python.
    keys = list(zip(map(attrgetter("indicator"), rows), map(attrgetter("period.sort_key"), rows), strict=True))
    twice = {key for key, n in Counter(keys).items() if n > 1}
    wanted = (index.keys() & set(keys)) | twice
    by_key: dict[tuple[str, int], list[int]] = {}
    for i in compress(range(len(rows)), map(wanted.__contains__, keys)) if wanted else ():
        by_key.setdefault(keys[i], []).append(i)
    found: list[tuple[int, Observation]] = []
    for key, places in by_key.items():
        before = latest_vintage(index.get(key, ()))
        # Stable: rows recorded at the same moment keep the file's order, the later in force.
        for i in sorted(places, key=lambda i: rows[i].recorded_at) if len(places) > 1 else places:
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
    found.sort(key=lambda pair: pair[0])
    return [(rows[i], was) for i, was in found]


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
        figure = (_figure(o), o.status, o.source)
        undated_row = undated is not None and o.recorded_at == undated
        state = many.get(key)
        if state is None:
            earlier = index.get(key, ())
            first = once.get(key)
            if first is None and len(earlier) <= _FEW:
                if undated_row and o.status == RETRACTED:
                    now = _latest(earlier)
                    skip = now is not None and (now.status, now.source) == (o.status, o.source)
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

    def in_force(indicator: str, key: int, at: str) -> Observation | None:
        rows = vintages.get((indicator, key))
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
        same = in_force(o.indicator, key, o.recorded_at)
        if same is not None:
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
            from qntrack.files.checks_fraction import fraction_intended

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


def old_refuse_same_moment(
    kept: Sequence[tuple[Location, Observation]],
    stored: Sequence[Observation],
    store: Path,
    index: VintageIndex,
    by_index: bool | None = None,
) -> None:
    """A row recorded at the same moment as a different stored vintage of its period is
    refused, as within a batch (import_tables._note_duplicate): which of the two is in force
    would depend on file order (checks_vintages.same_moment_problems). Identical rows were
    already left out (history.already_recorded). ``index``: the stored rows by period.
    ``by_index``: look in the periods' vintages rather than over every stored row (by
    default, when the batch is small against the store)."""
    wanted = {(o.indicator, o.period.sort_key, o.recorded_at): (where, o) for where, o in kept}
    if by_index is None:
        by_index = len(wanted) * 8 < len(stored)
    if by_index:
        # A few rows against a national store: their periods' vintages alone, in file
        # order, not a pass over a million rows (0.5 s of a 15,000-row import; issue 17).
        stored = sorted(
            (s for (name, key, at) in wanted for s in index.get((name, key), ()) if s.recorded_at == at),
            key=attrgetter("line"),
        )
    # Else one pass over the stored rows, each asked of one dict (in C but the loop):
    # cheaper than asking the index of every period for each of a national import's rows.
    problems = [
        Problem(wanted[key][0], _said(o, wanted[key][1], store))
        for o in stored
        if (key := (o.indicator, o.period.sort_key, o.recorded_at)) in wanted
    ]
    if problems:
        raise InputError(problems)


def old_garbled(
    fast: tuple[list[Observation], list[Location]] | None, parsed: ParsedTable, defaults: RowDefaults
) -> list[Problem]:
    """A source or note garbled by the program that made the file (files/garbled.py), at
    its line: stored as given, it would stay garbled for good. The text of --source or
    --note (``defaults``), typed on the command line, is no file's and is taken as given,
    as add-observation's single figure takes it (second review, issue 17)."""
    cells = (
        ((where, obs.source, obs.note) for obs, where in zip(*fast, strict=True))
        if fast is not None
        else ((where, f.get("source", ""), f.get("note", "")) for where, f in parsed.candidates)
    )
    found = []
    for where, source, note in cells:
        for column, text, typed in (("source", source, defaults.source), ("note", note, defaults.note)):
            if text and text != typed and (not text.isascii() or "?" in text or text[:1] in "#E"):
                problem = garbled_problem(column, text, where)
                if problem is not None:
                    found.append(problem)
    return found


# ---------------------------------------------------------------------------------------
# Drawn stores and batches.
# ---------------------------------------------------------------------------------------

SERIES = ("gdp", "gdp[sex=f]", "rate", "share")  # "rate": a growth rate; "share": a per cent
PERIODS = ("2018", "2019", "2020", "2021", "2020-Q1", "2020-Q2", "2021-H1")
MOMENTS = tuple(f"2022-0{m}-01T00:00:00Z" for m in range(1, 8))
UNDATED = MOMENTS[3]  # the moment an append stamps on rows given none
VALUES = (1.0, 1.5, 2.0, 15.0, 150.0, 0.015, -3.0, 0.0, 103.5, 97.0, math.nan)
SOURCES = ("", "office", "yearbook, revised")


def _row(rng: random.Random, line: int, retracted_share: float = 0.1) -> Observation:
    retracted = rng.random() < retracted_share
    return Observation(
        rng.choice(SERIES),
        parse_period(rng.choice(PERIODS)),
        math.nan if retracted else rng.choice(VALUES),
        RETRACTED if retracted else rng.choice(("", "official", "estimate")),
        rng.choice(SOURCES),
        rng.choice(("", "a note")),
        rng.choice(MOMENTS),
        line,
    )


def _draw(seed: int) -> tuple[list[Observation], list[Observation]]:
    """A store (its rows with their lines) and a batch (rows without a line), drawn small
    so that periods repeat: several vintages, the same period twice in a batch."""
    rng = random.Random(seed)
    stored = [_row(rng, line) for line in range(2, 2 + rng.randrange(0, 30))]
    batch = [_row(rng, 0) for _ in range(rng.randrange(1, 25))]
    if stored and rng.random() < 0.3:  # rows of the store itself, imported back
        batch += [o._replace(line=0) for o in rng.sample(stored, min(len(stored), 3))]
    if stored and rng.random() < 0.3:  # retyped undated (UNDATED: the clock), or bare
        for o in rng.sample(stored, min(len(stored), 3)):
            batch.append(o._replace(line=0, recorded_at=UNDATED))
            batch.append(o._replace(line=0, recorded_at=UNDATED, source="", note=""))
    rng.shuffle(batch)
    return stored, batch


def _same(a: object, b: object) -> bool:
    """Equal, NaN included (a retraction's value), and a Problem by its words in both
    languages and where it is."""
    if isinstance(a, Problem) and isinstance(b, Problem):
        return (a.location, a.severity, a.check, a.text("en"), a.text("vi")) == (
            b.location,
            b.severity,
            b.check,
            b.text("en"),
            b.text("vi"),
        )
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return type(a) is type(b) and len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and isinstance(b, float) and a != a:
        return b != b
    return a == b and type(a) is type(b)


SEEDS = range(200)  # each drawn case a store and a batch; a failure names its seed


def test_revisions_in_finds_what_it_found() -> None:
    for seed in SEEDS:
        stored, batch = _draw(seed)
        index = vintage_index(stored)
        old, new = old_revisions_in(batch, index), revisions_in(batch, index)
        assert _same(new, old), seed
        # The very rows and vintages, not equal copies: a caller tells them apart by identity.
        assert [(id(a), id(b)) for a, b in new] == [(id(a), id(b)) for a, b in old], seed


def test_already_recorded_marks_what_it_marked() -> None:
    for seed in SEEDS:
        stored, batch = _draw(seed)
        index = vintage_index(stored)
        for undated in (None, UNDATED):
            assert already_recorded(index, batch, undated) == old_already_recorded(index, batch, undated), seed


def test_jumps_are_said_as_they_were() -> None:
    for seed in SEEDS:
        stored, batch = _draw(seed)
        index = vintage_index(stored)
        new = [(Location("in.csv", i + 2), o) for i, o in enumerate(batch)]
        for options in (
            {},
            {"factor": 2.0, "dry_run": True},
            {"any_length": frozenset({"share"}), "rates": frozenset({"rate"})},
            {"rates": frozenset({"rate", "gdp"}), "dry_run": True},
        ):
            said = entry_jump_problems(new, index, **options), old_entry_jump_problems(new, index, **options)
            assert _same(*said), (seed, options)


def test_same_moment_refused_as_it_was() -> None:
    for seed in SEEDS:
        stored, batch = _draw(seed)
        index = vintage_index(stored)
        kept = [(Location("in.csv", i + 2), o) for i, o in enumerate(batch)]
        for by_index in (None, False, True):
            said = []
            for refuse in (refuse_same_moment, old_refuse_same_moment):
                try:
                    refuse(kept, stored, Path("observations.csv"), index, by_index)
                    said.append(None)
                except InputError as error:
                    said.append(error.problems)
            assert _same(said[0], said[1]), (seed, by_index)


def test_the_draws_meet_what_the_fast_paths_pass_over() -> None:
    """The drawn cases hold what each new path treats apart: a period held twice by a
    batch, a period with several vintages, a row that revises, a jump, a same-moment refusal."""
    twice = several = revising = jumping = refused = 0
    for seed in SEEDS:
        stored, batch = _draw(seed)
        index = vintage_index(stored)
        keys = [(o.indicator, o.period.sort_key) for o in batch]
        twice += len(keys) != len(set(keys))
        several += any(len(v) > 1 for v in index.values())
        revising += bool(revisions_in(batch, index))
        jumping += bool(entry_jump_problems([(Location("f", 1), o) for o in batch], index))
        try:
            refuse_same_moment([(Location("f", 1), o) for o in batch], stored, Path("s"), index)
        except InputError:
            refused += 1
    assert min(twice, several, revising, jumping, refused) >= 20, (twice, several, revising, jumping, refused)


# ---------------------------------------------------------------------------------------
# End to end: the import through the old functions and through the new, byte for byte.
# ---------------------------------------------------------------------------------------


def _old_code() -> mock._patch:
    """The four functions as they were, where the import looks them up. Since pass X2 the
    import hands each its rows' stored vintages and whether another row is for their period
    (``found``, ``met``: method.batch_periods), which they find themselves."""
    from qntrack.method import history as history_module

    def jumps(*args: object, found: object = None, yardsticks: object = None, **options: object) -> list[Problem]:
        # yardsticks (a growth rate's first figure beside its targets, forty-fourth
        # session) came after these functions: no row of these files is such a figure.
        return old_entry_jump_problems(*args, **options)  # type: ignore[arg-type]

    patches = [
        mock.patch.object(recording, "revisions_in", lambda r, i, f=None, m=None: old_revisions_in(r, i)),
        mock.patch.object(recording, "refuse_same_moment", old_refuse_same_moment),
        mock.patch.object(
            history_module, "already_recorded", lambda s, i, u=None, f=None, m=None: old_already_recorded(s, i, u)
        ),
        mock.patch.object(checks_fraction, "entry_jump_problems", jumps),
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


GROWTH = "https://example.org/yearbook"
MIXED = (
    "indicator,period,value,status,source,recorded_at\n"
    f"grdp_growth,2019,12.1,official,{GROWTH},2021-01-15\n"  # revises 12.01 (2020-09-21)
    f"grdp_growth,2018,111,estimate,{GROWTH},2021-01-15\n"  # 11.1 typed as an index
    "grdp_growth,2017,10.2,estimate,http://quangninhtv.vn/channel/5986/201712/"
    "2017-quang-ninh-giu-vung-muc-tang-truong-2-con-so-2583465/,2017-12-28\n"  # a repeat
    f"grdp_growth,2016,9.9,estimate,{GROWTH},2016-06-01\n"  # before the vintage in force
    f"grdp_growth,2020,10.1,official,{GROWTH},2021-06-01\n"  # the same period twice
    f"grdp_growth,2020,10.2,official,{GROWTH},2021-09-01\n"
    f"grdp_growth,2015,,estimate,{GROWTH},2021-01-15\n"  # not yet published
    "grdp_growth,2021-H1,7.75,estimate,,\n"  # retyped bare, undated: already recorded
)


@pytest.mark.parametrize("dry", [(), ("--dry-run",)], ids=["append", "dry-run"])
def test_a_mixed_import_says_and_writes_what_it_did(shipped: Path, dry: tuple[str, ...]) -> None:
    before = Path("observations.csv").read_bytes()
    code, stdout, stderr, store = _both(MIXED, *dry)
    assert code == 0, stderr
    added = [
        ("grdp_growth", "2019", "12.1", "official", GROWTH, "", "2021-01-15T00:00:00Z"),
        ("grdp_growth", "2018", "111", "estimate", GROWTH, "", "2021-01-15T00:00:00Z"),
        ("grdp_growth", "2016", "9.9", "estimate", GROWTH, "", "2016-06-01T00:00:00Z"),
        ("grdp_growth", "2020", "10.1", "official", GROWTH, "", "2021-06-01T00:00:00Z"),
        ("grdp_growth", "2020", "10.2", "official", GROWTH, "", "2021-09-01T00:00:00Z"),
    ]
    # A dry run shows the rows it would add on standard output, tab-separated.
    header = ("indicator", "period", "value", "status", "source", "note", "recorded_at")
    assert stdout == ("".join("\t".join(r) + "\n" for r in [header, *added]) if dry else "")
    would = "would " if dry else ""
    assert "2 already recorded" in stderr, stderr
    assert f"of these, 4 row(s) {would}revise an earlier figure:\n" in stderr, stderr
    for revision in (
        "grdp_growth 2019 = 12.1, revising 12.01 (recorded 2020-09-21)",
        "grdp_growth 2018 = 111, revising 11.1 (recorded 2018-12-28)",
        "grdp_growth 2020 = 10.1, revising 10.05 (recorded 2020-12-28), status estimate → official",
        "grdp_growth 2020 = 10.2, revising 10.1 (recorded 2021-06-01)",
    ):
        assert f"  {revision}\n" in stderr, stderr
    assert "in.csv:3: warning: grdp_growth 2018 = 111 is 10 times the figure in force (11.1): an index" in stderr
    assert (
        "in.csv:5: warning: grdp_growth 2016 = 9.9 recorded 2016-06-01T00:00:00Z, before the figure in force "
        "(10.1, recorded 2016-12-28T00:00:00Z)"
    ) in stderr
    assert "in.csv:8: warning: grdp_growth 2015: the value is empty" in stderr
    assert stderr.endswith("0 error(s), 4 warning(s)\n"), stderr
    if dry:
        assert store == before
        return
    assert store[: len(before)] == before
    assert store[len(before) :] == "".join(",".join(r) + "\n" for r in added).encode("utf-8")


def test_the_same_file_again_adds_nothing(shipped: Path) -> None:
    """Every row a repeat now: the store as it was, each said already recorded."""
    _both(MIXED)
    code, stdout, stderr, store = _both(MIXED)
    assert code == 0, stderr
    assert "7 row(s)" in stderr and "already recorded" in stderr, stderr


def test_a_row_at_a_stored_vintage_moment_is_refused_alike(shipped: Path) -> None:
    before = Path("observations.csv").read_bytes()
    text = (
        "indicator,period,value,status,source,recorded_at\n"
        f"grdp_growth,2019,12.1,official,{GROWTH},2021-01-15\n"
        "grdp_growth,2019,13,official,x,2020-09-21T00:00:00Z\n"  # 12.01's moment, another figure
    )
    code, stdout, stderr, store = _both(text)
    assert code == 1
    assert stderr.startswith(
        "in.csv:3: error: grdp_growth 2019 recorded at 2020-09-21T00:00:00Z is already on line 16 of "
        "observations.csv with another figure"
    ), stderr
    assert store == before  # nothing written, not even the first row


def test_a_row_refused_by_the_file_check_is_refused_alike(shipped: Path) -> None:
    before = Path("observations.csv").read_bytes()
    text = MIXED + "grdp_growth,2019-Q7,1,official,x,2021-01-15\n"
    code, stdout, stderr, store = _both(text)
    assert code == 1
    # Line 8's blank value is said among the errors (the same session's pass L2: a refused
    # import tells the rows it passes over too), then line 10's refusal.
    assert stderr.startswith("in.csv:8: warning: grdp_growth 2015: the value is empty"), stderr
    assert "\nin.csv:10: error: '2019-Q7': quarter 7 does not exist (1-4, or I-IV)" in stderr, stderr
    assert store == before


# Sources and notes as a program may garble them: UTF-8 read as Windows-1252, letters lost
# as '?', a spreadsheet's error value; and clean ones, ASCII or not.
_YEARBOOK = "Ni\u00ean gi\u00e1m th\u1ed1ng k\u00ea"  # the yearbook's name, as typed
TEXTS = (
    "",
    "office",
    _YEARBOOK,
    _YEARBOOK.encode("utf-8").decode("cp1252", "replace"),
    "Ni?n gi?m th?ng k?",
    "#REF!",
    "E-government portal",
    "What? A question",
)


def test_garbled_cells_are_said_as_they_were() -> None:
    rng = random.Random(31)
    said = 0
    for _ in range(300):
        n = rng.randrange(1, 12)
        rows = [
            Observation("gdp", parse_period("2020"), 1.0, "", rng.choice(TEXTS), rng.choice(TEXTS), MOMENTS[0])
            for _ in range(n)
        ]
        file = rng.choice(("in.csv", "<stdin>"))  # a pipe's lost letters are said otherwise
        places = [Location(file, i + 2) for i in range(n)]
        defaults = RowDefaults(source=rng.choice(("", *TEXTS)), note=rng.choice(("", *TEXTS)))
        parsed = ParsedTable(",", False)
        new, old = _garbled((rows, places), parsed, defaults), old_garbled((rows, places), parsed, defaults)
        assert _same(new, old)
        said += bool(old)
    assert 50 <= said <= 280, said  # both kinds of file drawn: with a garbled cell and without


def test_a_garbled_source_is_refused_alike(shipped: Path) -> None:
    from qntrack.files import importing

    garbled = _YEARBOOK.encode("utf-8").decode("cp1252")
    text = (
        "indicator,period,value,status,source,recorded_at\n"
        f"grdp_growth,2019,12.1,official,{GROWTH},2021-01-15\n"
        f"grdp_growth,2018,11.2,official,{garbled},2021-01-15\n"
    )
    with mock.patch.object(importing, "_garbled", old_garbled):
        old = _both(text)
    new = _both(text)
    assert old == new
    assert new[0] == 1
    assert new[2].startswith("in.csv:3: error: "), new[2]
    assert garbled in new[2]
