"""Issue 17, thirty-second session, helper C2: ``check`` on a national store in less
processor time, every byte it writes the same (docs/performance.md).

Each changed function is proved the same as the code it replaced, kept here verbatim as
``old_*`` (from main at 3476890c, but for its name and the imports moved to the top):
``in_force`` (only a series' revised periods sorted by vintage), the vintage rules
``same_moment_problems``, ``repeated_problems``, ``merged_retraction_problems`` and
``official_replaced_problems`` (each told in C when it cannot fire), and ``index_problems``
(only a figure far from the one before it judged). First on drawn rows
(Hypothesis: ties of recorded_at and of line, NaN figures, retractions, repeats, an
as-of, rows in any order), object for object; then end to end: ``check`` with the old
functions and with the new gives the same exit code, standard output and standard error,
byte for byte, by default, ``--all``, ``--format json``, ``--as-of`` and ``--lang vi``, on
the shipped store and on one that sets off every one of these rules.
"""

from __future__ import annotations

import contextlib
import math
from collections import Counter, deque
from itertools import compress
from pathlib import Path
from typing import Iterable, Sequence
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import run_clean
from qntrack.catalog import Figure, Moment, msg
from qntrack.files import checks, checks_index, checks_status
from qntrack.files.checks_index import FAR, HIGHEST, LOWEST, _VALUE
from qntrack.files.checks_index import index_by_targets, index_intended, index_problems
from qntrack.files.checks_fraction import target_figures
from qntrack.files.checks_jumps import growth_rate_ids
from qntrack.files.figure_units import retract_words
from qntrack.plan.model import Plan
from qntrack.files.checks_status import LESS_FINAL, official_replaced_problems
from qntrack.files.checks_vintages import (
    merged_retraction_problems,
    repeated_problems,
    same_moment_problems,
)
from qntrack.method import series as series_module
from qntrack.method.series import (
    _INDICATOR,
    _LINE,
    _SORT_KEY,
    _STATUS,
    Replaced,
    ReplacedVintages,
    Series,
    _note_replaced,
    as_of_bound,
    in_force,
)
from qntrack.plan.model import RETRACTED, Location, Observation, Problem
from qntrack.plan.periods import parse_period
from qntrack.files.figure_units import shell_word
from qntrack.files.store import format_value
from qntrack.method.timing import one_second_after
from operator import attrgetter, itemgetter

_RECORDED_AT = itemgetter(Observation._fields.index("recorded_at"))


# ---------------------------------------------------------------------------------------
# The code replaced, verbatim but for its name and the imports moved to the top.
# ---------------------------------------------------------------------------------------


def old_in_force(
    observations: Iterable[Observation],
    as_of: str | None = None,
    revised: list[Observation] | None = None,
    replaced: Replaced | None = None,
    vintages: ReplacedVintages | None = None,
) -> Series:
    """Per indicator, the observations in force, sorted by period.

    ``revised``, when given, receives the rows of every (indicator, period) that has more
    than one, in the order of their lines: what ``check``'s same-moment and jump checks
    read (files.checks_rows.revised_rows), found here while each indicator's rows are at
    hand rather than by another pass over a million rows.

    ``replaced``, when given, receives by indicator (or unit's key), by period, the value
    the vintage in force replaced, where it replaced one: history's rule
    (``method.history.revised_values_of``: none after a retraction), worked out here on the
    few rows of periods recorded more than once rather than by grouping the store again.
    ``vintages``, when given with ``replaced``, receives the same, each as the vintage
    replaced (its source and recorded_at say where the figure came from; issue 17,
    twenty-fifth session).
    """
    if as_of:
        bound = as_of_bound(as_of)
        observations = (o for o in observations if o.recorded_at <= bound)
    # Gathered by indicator first, then each indicator's rows worked out together while
    # they are in the processor's cache: a national store has a million rows, in the order
    # figures came out, and this is about a tenth faster than one pass over nested dicts
    # (docs/performance.md). The gathering runs in C (each row's list looked up by its
    # indicator and appended to by map, drained by a zero-length deque): 0.26-0.37 s of a
    # million rows against 0.44-0.55 s for a Python loop (issue 17, eighth session).
    rows_of = observations if isinstance(observations, (list, tuple)) else list(observations)
    ids = list(map(_INDICATOR, rows_of))
    by_indicator: dict[str, list[Observation]] = {ind: [] for ind in dict.fromkeys(ids)}
    deque(map(list.append, map(by_indicator.__getitem__, ids), rows_of), maxlen=0)
    del ids
    series: Series = {}
    for ind, rows in by_indicator.items():
        # Keyed by the period's sort key, an int that hashes as itself.
        keys = list(map(_SORT_KEY, rows))
        if len(set(keys)) == len(rows):
            # One row a period, as most series are (a figure never revised): each row is
            # the one in force, and sorting by period is all there is to do; a fifth
            # faster on a national store than working out vintages (docs/performance.md).
            # Nearly always in period order already (figures come out in turn): seen from
            # the keys, sorted as ints, rather than each row asked its period again by a
            # sort (0.08 s of a national check; issue 17, thirty-first session).
            if sorted(keys) != keys:
                rows.sort(key=_SORT_KEY)
            kept = rows
        else:
            if revised is not None or replaced is not None:
                # Picked in C while ``keys`` still line up with the rows (before the sort):
                # a generator asking each row its period again took 0.2 s of a check.
                many = {key for key, n in Counter(keys).items() if n > 1}
                again = list(compress(rows, map(many.__contains__, keys)))
                if revised is not None:
                    revised.extend(again)
                if replaced is not None:
                    _note_replaced(ind, again, replaced, vintages)
            # In vintage order (_VINTAGE_ORDER) by two stable sorts: by line (rows come
            # in the store's order, which this finds in one pass), then by recorded_at
            # alone, a text compared in C: a third of the time of the sort by the
            # pair, 0.1 s of a national check (issue 17, thirty-first session).
            rows.sort(key=_LINE)
            rows.sort(key=_RECORDED_AT)
            # The last vintage of each period stays: the latest recorded, on a tie the
            # later line.
            latest = dict(zip(map(_SORT_KEY, rows), rows, strict=True))
            kept = list(map(latest.__getitem__, sorted(latest)))
        if RETRACTED in set(map(_STATUS, rows)):
            # A period whose latest vintage withdraws its figure has none in force.
            kept = [o for o in kept if o.status != RETRACTED]
        series[ind] = kept
    if revised:
        revised.sort(key=_LINE)
    return series


def _figure_of(o: Observation) -> float | None:
    """The oracle's own copy of the value compared (checks_vintages' one line, given one
    home as ``Observation.published_figure`` in the thirty-fourth session)."""
    return None if o.status == "retracted" else o.value


def old_same_moment_problems(observations: Sequence[Observation], file: str) -> list[Problem]:
    """Two different vintages of one indicator and period recorded at the same moment:
    which is in force then depends on the order of the lines (series.in_force takes the
    later line on a tie), so one of them is a mistake. The same figure (value, status,
    source) twice is only a repeat, as in a batch (import_tables._note_duplicate)."""
    # A million rows are nearly all one vintage per moment: the keys are made in C and
    # the rows walked in Python only when two share one.
    keys = list(map(attrgetter("indicator", "period.sort_key", "recorded_at"), observations))
    if len(set(keys)) == len(keys):
        return []
    first: dict[tuple, Observation] = {}
    problems = []
    for key, o in zip(keys, observations, strict=True):
        seen = first.setdefault(key, o)
        if seen is not o and (_figure_of(seen), seen.status, seen.source) != (_figure_of(o), o.status, o.source):
            problems.append(
                Problem(
                    Location(file, o.line),
                    msg(
                        "checks_same_moment",
                        indicator=o.indicator,
                        period=o.period,
                        recorded_at=o.recorded_at,
                        line=seen.line,
                    ),
                    check="same-moment",
                )
            )
    return problems


def old_repeated_problems(observations: Sequence[Observation], file: str) -> list[Problem]:
    """A row that repeats an earlier one: the same indicator, period, value, status, source
    and recorded_at (the vintage ``add-observation`` calls already recorded and leaves
    out). Two officers who each added the figure in their own clone leave it twice after
    a clean git merge. It counts once (series.in_force keeps one vintage of a moment), so
    this is a warning, at the later line, naming the first (docs/data-integrity.md)."""
    # The first row of each figure, by note: a copy with another note is the same figure,
    # but deleting either changes the note read (the later line's, on a tie of moments).
    first: dict[tuple, dict[str, Observation]] = {}
    problems = []
    for o in observations:
        key = (o.indicator, o.period.sort_key, _figure_of(o), o.status, o.source, o.recorded_at)
        notes = first.setdefault(key, {})
        if not notes:
            notes[o.note] = o
            continue
        seen = notes.setdefault(o.note, o)
        said = (
            msg("checks_repeated", line=seen.line)
            if seen is not o
            else msg("checks_repeated_note", line=next(iter(notes.values())).line)
        )
        problems.append(Problem(Location(file, o.line), said, "warning", "repeated"))
    return problems


def old_merged_retraction_problems(observations: Sequence[Observation], file: str) -> list[Problem]:
    """A retraction that, by recorded_at, withdraws a vintage on a later line: a figure
    added to the file after the retraction was, so not the one its author withdrew. The
    store is only appended to, so this happens when git merges a revision made in one
    clone with a retraction made in another (or an older vintage is imported after a
    retraction): the revision is withdrawn too, without anyone having chosen to. Said at
    the retraction, with the command that records the figure again after it."""
    by_period: dict[tuple, list[Observation]] = {}
    for o in observations:
        by_period.setdefault((o.indicator, o.period.sort_key), []).append(o)
    problems: list[Problem] = []
    for rows in by_period.values():
        if len(rows) < 2 or not any(o.status == RETRACTED for o in rows):
            continue
        rows.sort(key=attrgetter("recorded_at", "line"))  # series.in_force's vintage order
        # Only a retraction still in force: a figure recorded after it (the command below)
        # settles it, whichever figure that is.
        withdrawn, o = rows[-2], rows[-1]
        if o.status != RETRACTED or withdrawn.status == RETRACTED or withdrawn.line < o.line:
            continue
        base, _, dims = withdrawn.indicator.partition("[")
        words = [f"--dim {shell_word(d.strip())}" for d in dims.rstrip("]").split(";") if d.strip()]
        if withdrawn.status:
            words += ["--status", withdrawn.status]
        words += ["--recorded-at", one_second_after(o.recorded_at) or o.recorded_at]
        # The figure again as it was, its source and note with it (the command left them
        # out: the figure recorded again had lost its provenance).
        words += [
            f"--{name} {shell_word(text)}"
            for name, text in (("source", withdrawn.source), ("note", withdrawn.note))
            if text
        ]
        # The figure as the reader types it (a Figure: 17,345 in Vietnamese, which
        # add-observation reads back under vi as 17.345; 17.345 read as 17345 there).
        command = msg(
            "checks_merged_retraction_command",
            indicator=base,
            period=withdrawn.period.text,
            value=Figure(withdrawn.value),
            options="".join(" " + w for w in words),
        )
        said = msg(
            "checks_merged_retraction",
            indicator=o.indicator,
            period=o.period,
            line=withdrawn.line,
            value=Figure(withdrawn.value),
            recorded_at=Moment(withdrawn.recorded_at),
            command=command,
        )
        problems.append(Problem(Location(file, o.line), said, "warning", "merged-retraction"))
    return problems


def old_official_replaced_problems(revised: Sequence[Observation], file: str, bound: str | None) -> list[Problem]:
    """The warnings for ``revised`` (the rows of the periods with several vintages, in file
    order; ``checks_rows.revised_rows``): one per period whose vintage in force (by
    recorded_at, the later line on a tie; of the rows recorded by ``bound`` when given) is
    an estimate or a preliminary figure recorded after an official one, with no retraction
    between them."""
    by_period: dict[tuple[str, object], list[Observation]] = {}
    for o in revised:
        if bound is None or o.recorded_at <= bound:
            by_period.setdefault((o.indicator, o.period.sort_key), []).append(o)
    problems = []
    for rows in by_period.values():
        ordered = sorted(rows, key=lambda o: (o.recorded_at, o.line))
        current = ordered[-1]
        if current.status not in LESS_FINAL:
            continue
        official = None
        for o in ordered[:-1]:
            if o.status == RETRACTED:
                official = None  # withdrawn on purpose: what follows is not over it
            elif o.status == "official":
                official = o
        if official is None:
            continue
        command = (
            f"qntrack add-observation {shell_word(current.indicator)} {current.period} {format_value(official.value)}"
            f" --status official --source {shell_word(official.source or '...')}"
        )
        said = msg(
            "checks_official_replaced",
            indicator=current.indicator,
            period=current.period,
            value=Figure(current.value),
            # The status in the reader's words, as every table says it (its label for
            # the stored "estimate"); the command below keeps the stored words.
            status=msg("label_" + current.status),
            recorded_at=current.recorded_at,
            official=Figure(official.value),
            line=official.line,
            official_at=official.recorded_at,
            source=official.source,
            command=command,
        )
        problems.append(Problem(Location(file, current.line), said, "warning", "official-replaced"))
    return sorted(problems, key=lambda p: p.location.line or 0)


def beside_targets(plan: Plan, key: str, o: Observation, file: str, said: str) -> list[Problem]:
    """The forty-fourth session's rule, which the optimisation under test leaves alone: a
    figure with no neighbour to tell (a series' only one, ``checks_index_target``, or one
    of a series made only of figures an index could be, ``checks_index_series_target``)
    weighed against its targets' figures."""
    seen = index_by_targets(o.value, target_figures(plan, key.split("[", 1)[0]))
    if seen is None:
        return []
    text = msg(
        said,
        indicator=o.indicator,
        period=o.period,
        value=Figure(o.value),
        target=seen[0],
        before=Figure(seen[1]),
        intended=Figure(seen[2]),
        retract=retract_words(o.indicator, o.period),
    )
    return [Problem(Location(file, o.line), text, severity="warning", check="jump")]


def old_index_problems(plan: Plan, series: Series, file: str) -> list[Problem]:
    """`check`'s warnings of growth rates in force that read as an index beside the nearest
    figures in force before and after them, of any length (a growth rate reads alike over
    any span: the half year's beside the year's)."""
    rates = growth_rate_ids(plan)
    problems: list[Problem] = []
    for key, rows in series.items():
        if key.split("[", 1)[0] not in rates or not rows:
            continue
        values = list(map(_VALUE, rows))
        # Most series hold no figure an index could be: not sorted for nothing. Told in C
        # first when every figure is below the range or above it (a NaN, never in it, is
        # never kept by max or min but when first, and then the figures are looked at).
        if max(values) < LOWEST or min(values) > HIGHEST or not any(LOWEST <= v <= HIGHEST for v in values):
            continue
        if len(rows) == 1:
            # A series' only figure, beside its targets' figures (the forty-fourth session's
            # rule, which the screen under test leaves alone).
            o = rows[0]
            problems.extend(beside_targets(plan, key, o, file, "checks_index_target"))
            continue
        ordered = sorted(rows, key=_SORT_KEY)
        values = list(map(_VALUE, ordered))
        if all(LOWEST <= v <= HIGHEST for v in values):
            # Every figure an index could be: each beside the targets (the forty-fourth
            # session's rule, which the screen under test leaves alone).
            for o in ordered:
                problems.extend(beside_targets(plan, key, o, file, "checks_index_series_target"))
            continue
        for i, value in enumerate(values):
            if not LOWEST <= value <= HIGHEST:
                continue
            # The figures before and after it, as many as there are.
            intended = index_intended(value, values[max(i - 1, 0) : i] + values[i + 1 : i + 2])
            if intended is None:
                continue
            o = ordered[i]
            near = ordered[max(i - 1, 0) : i] + ordered[i + 1 : i + 2]
            text = msg(
                "checks_index_figure",
                indicator=o.indicator,
                period=o.period,
                value=Figure(o.value),
                other=near[0].period,
                before=Figure(near[0].value),
                intended=Figure(intended),
                retract=retract_words(o.indicator, o.period),
            )
            problems.append(Problem(Location(file, o.line), text, severity="warning", check="jump"))
    return problems


# ---------------------------------------------------------------------------------------
# Drawn rows: the new code gives what the old gave, object for object.
# ---------------------------------------------------------------------------------------

KEYS = ["grdp_growth", "fdi", "budget_revenue[locality=Hạ Long]"]
PERIODS = ["2019", "2020", "2020-Q1", "2020-Q2", "2020-H1", "2021"]
MOMENTS = ["2020-03-01T00:00:00Z", "2021-01-15T00:00:00Z", "2021-01-15T08:00:00Z", "2022-06-30T23:59:59Z"]
STATUSES = ["official", "estimate", "preliminary", "", RETRACTED]
AS_OF = [None, "2021-01-15", "2020-12-31", "2021-01-15T00:00:00Z"]

_ROW = st.tuples(
    st.sampled_from(KEYS),
    st.sampled_from(PERIODS),
    st.sampled_from([0.0, 1.5, 12.0, -3.0, math.nan]),
    st.sampled_from(STATUSES),
    st.sampled_from(["a", "b"]),
    st.sampled_from(["", "n"]),
    st.sampled_from(MOMENTS),
    st.sampled_from([0, 1, 2]),  # a line drawn, for ties (a caller's rows have line 0)
)


@st.composite
def stored_rows(draw: st.DrawFn) -> list[Observation]:
    """Rows as a store holds them (lines in order, each its own) or as a caller gives
    them (lines tied, in any order): a retraction's figure is NaN, as read; other NaN
    figures too; many periods with several vintages, some at one moment, some repeated."""
    drawn = draw(st.lists(_ROW, max_size=40))
    as_stored = draw(st.booleans())
    rows = [
        Observation(
            k, parse_period(p), math.nan if s == RETRACTED else v, s, src, note, at, n + 2 if as_stored else line
        )
        for n, (k, p, v, s, src, note, at, line) in enumerate(drawn)
    ]
    if not as_stored:
        rows = draw(st.permutations(rows))
    return list(rows)


def _same_series(new: Series, old: Series) -> None:
    assert list(new) == list(old)
    for key in old:
        assert len(new[key]) == len(old[key]), key
        assert all(a is b for a, b in zip(new[key], old[key], strict=True)), key


def _same_objects(new: Sequence[Observation], old: Sequence[Observation]) -> None:
    assert len(new) == len(old) and all(a is b for a, b in zip(new, old, strict=True))


@settings(max_examples=200, deadline=None)
@given(stored_rows(), st.sampled_from(AS_OF), st.booleans())
def test_in_force_is_the_old_one(rows: list[Observation], as_of: str | None, given_a_list: bool) -> None:
    got = []
    for fn in (old_in_force, in_force):
        revised: list[Observation] = []
        replaced: Replaced = {}
        vintages: ReplacedVintages = {}
        series = fn(rows if given_a_list else iter(rows), as_of, revised, replaced, vintages)
        got.append((series, revised, replaced, vintages))
    (old, old_revised, old_replaced, old_vintages), (new, new_revised, new_replaced, new_vintages) = got
    _same_series(new, old)
    _same_objects(new_revised, old_revised)
    assert new_replaced.keys() == old_replaced.keys()
    for key in old_replaced:  # NaN compares unequal to itself: the same objects, or equal
        assert list(new_replaced[key].items()) == list(old_replaced[key].items()) or all(
            p == q and (a is b or a == b or (a != a and b != b))
            for (p, a), (q, b) in zip(new_replaced[key].items(), old_replaced[key].items(), strict=True)
        )
    assert {k: {p: (a.line, id(a), id(b)) for p, (a, b) in v.items()} for k, v in new_vintages.items()} == {
        k: {p: (a.line, id(a), id(b)) for p, (a, b) in v.items()} for k, v in old_vintages.items()
    }
    # Without the optional outputs (status, show, report): the same series.
    _same_series(in_force(rows, as_of), old_in_force(rows, as_of))
    _same_series(in_force(rows, as_of, [], None), old_in_force(rows, as_of, [], None))


@settings(max_examples=200, deadline=None)
@given(stored_rows(), st.sampled_from(AS_OF))
def test_the_vintage_rules_are_the_old_ones(rows: list[Observation], as_of: str | None) -> None:
    revised: list[Observation] = []
    in_force(rows, None, revised)
    bound = as_of_bound(as_of) if as_of else None
    for given_rows in (revised, rows):  # what check gives them, and any rows
        for new, old in (
            (same_moment_problems, old_same_moment_problems),
            (repeated_problems, old_repeated_problems),
            (merged_retraction_problems, old_merged_retraction_problems),
        ):
            assert new(given_rows, "o.csv") == old(given_rows, "o.csv"), new.__name__
        assert official_replaced_problems(given_rows, "o.csv", bound) == old_official_replaced_problems(
            given_rows, "o.csv", bound
        )


def _plan() -> Plan:
    from conftest import ROOT
    from qntrack.files.definitions import load_plan

    return load_plan(ROOT / "targets.yaml", (ROOT / "targets.yaml").read_text(encoding="utf-8"))


PLAN = _plan()
# Figures about an index's range and about twice or half of one another, at the edges
# of the screen (100 and 200 and 50 exactly, and a float either side), NaN, zeros, signs,
# infinities and the largest floats (whose double overflows).
INDEX_VALUES = [
    100.0,
    200.0,
    50.0,
    49.99,
    250.0,
    250.01,
    math.nextafter(200.0, math.inf),
    math.nextafter(50.0, 0.0),
    108.5,
    111.0,
    11.03,
    8.5,
    23.81,
    0.0,
    -0.0,
    -108.5,
    -50.0,
    math.nan,
    math.inf,
    -math.inf,
    1e308,
    1.7e308,
    5e-324,
]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(KEYS + ["grdp_growth[locality=Hạ Long]"]), st.sampled_from(PERIODS + ["2018", "2022"])
        ),
        max_size=24,
        unique=True,
    ),
    st.data(),
)
def test_the_index_rule_is_the_old_one(cells: list[tuple[str, str]], data: st.DataObject) -> None:
    # grdp_growth is a growth rate in the shipped plan, fdi is not: one series is judged.
    assert "grdp_growth" in growth_rate_ids(PLAN) and "fdi" not in growth_rate_ids(PLAN)
    series: Series = {}
    for n, (key, period) in enumerate(cells, start=2):
        value = data.draw(st.sampled_from(INDEX_VALUES) | st.floats(allow_nan=True, allow_infinity=True))
        series.setdefault(key, []).append(Observation(key, parse_period(period), value, "official", "s", "", "", n))
    assert index_problems(PLAN, series, "o.csv") == old_index_problems(PLAN, series, "o.csv")


def test_the_screen_leaves_an_index_to_be_said() -> None:
    # 111 between 11.1 and 10.5 (ten times its neighbours, 11 in line with them): said.
    # Beside 60 and 100 instead (within twice), 111 is near its neighbours: nothing said.
    assert FAR == 2.0  # the screen doubles figures exactly: FAR must stay a power of two
    rows = [
        Observation("grdp_growth", parse_period(p), v, "official", "s", "", "", n)
        for n, (p, v) in enumerate([("2018", 11.1), ("2019", 111.0), ("2020", 10.5)], start=2)
    ]
    (problem,) = index_problems(PLAN, {"grdp_growth": rows}, "o.csv")
    assert problem.location == Location("o.csv", 3)
    assert problem.message == msg(
        "checks_index_figure",
        indicator="grdp_growth",
        period=parse_period("2019"),
        value=Figure(111.0),
        other=parse_period("2018"),
        before=Figure(11.1),
        intended=Figure(11.0),
        retract=retract_words("grdp_growth", parse_period("2019")),
    )
    near = [rows[0]._replace(value=60.0), rows[1], rows[2]._replace(value=100.0)]
    # (Every figure of this series an index could be: since the forty-fourth session each
    # is weighed against the targets instead, checks_index_series_target; none beside its
    # neighbours.)
    assert [
        p
        for p in index_problems(PLAN, {"grdp_growth": near}, "o.csv")
        if getattr(p.message, "id", None) == "checks_index_figure"
    ] == []
    # Among growth rates near one another, the one figure after a jump is judged: 109 in
    # 2018 after 11.0 (2017) and before 10.5, a growth of 9.0 typed as an index.
    figures = [("2014", 10.2), ("2015", 10.8), ("2016", 10.4), ("2017", 11.0), ("2018", 109.0), ("2019", 10.5)]
    long = [
        Observation("grdp_growth", parse_period(p), v, "official", "s", "", "", n)
        for n, (p, v) in enumerate(figures, start=2)
    ]
    (problem,) = index_problems(PLAN, {"grdp_growth": long}, "o.csv")
    assert problem.location == Location("o.csv", 6)
    assert problem.message == msg(
        "checks_index_figure",
        indicator="grdp_growth",
        period=parse_period("2018"),
        value=Figure(109.0),
        other=parse_period("2017"),
        before=Figure(11.0),
        intended=Figure(9.0),
        retract=retract_words("grdp_growth", parse_period("2018")),
    )


# ---------------------------------------------------------------------------------------
# Hand-written stores: each rule still says what it said, where its fast path is passed.
# ---------------------------------------------------------------------------------------


def _row(line: int, period: str, value: float, status: str, at: str, key: str = "fdi") -> Observation:
    return Observation(key, parse_period(period), value, status, "s", "", at, line)


def test_a_repeat_is_said_when_two_vintages_share_a_moment() -> None:
    # Lines 2 and 3 are one figure (fdi 2020, 1.5, official, source s, the same moment):
    # line 3 repeats line 2. Line 4 is another moment of the same period.
    rows = [
        _row(2, "2020", 1.5, "official", "2021-01-15T00:00:00Z"),
        _row(3, "2020", 1.5, "official", "2021-01-15T00:00:00Z"),
        _row(4, "2020", 1.6, "official", "2021-02-15T00:00:00Z"),
    ]
    assert repeated_problems(rows, "o.csv") == [
        Problem(Location("o.csv", 3), msg("checks_repeated", line=2), "warning", "repeated")
    ]
    assert repeated_problems(rows[::2], "o.csv") == []  # no moment shared: nothing


def test_a_merged_retraction_is_said_and_none_without_a_retraction() -> None:
    # The retraction (line 3, 10 March) withdraws by recorded_at the figure of line 4
    # (10 February), added to the file after it: said at line 3.
    rows = [
        _row(2, "2005", 2.0, "official", "2006-01-10T00:00:00Z"),
        _row(3, "2005", math.nan, RETRACTED, "2006-03-10T00:00:00Z"),
        _row(4, "2005", 2.5, "official", "2006-02-10T00:00:00Z"),
    ]
    (problem,) = merged_retraction_problems(rows, "o.csv")
    assert problem.location == Location("o.csv", 3) and problem.check == "merged-retraction"
    assert "2.5" in str(problem.message) and "--recorded-at 2006-03-10T00:00:01Z" in str(problem.message)
    assert merged_retraction_problems([rows[0], rows[2]], "o.csv") == []


def test_an_official_figure_replaced_is_said_only_where_an_estimate_is() -> None:
    # fdi 2004: official (line 2), then a preliminary figure (line 5) in force over it.
    # fdi 2003: official twice, nothing to say.
    rows = [
        _row(2, "2004", 3.0, "official", "2005-03-01T00:00:00Z"),
        _row(3, "2003", 2.0, "official", "2004-03-01T00:00:00Z"),
        _row(4, "2003", 2.1, "official", "2004-06-01T00:00:00Z"),
        _row(5, "2004", 3.4, "preliminary", "2005-06-01T00:00:00Z"),
    ]
    (problem,) = official_replaced_problems(rows, "o.csv", None)
    assert problem.location == Location("o.csv", 5) and problem.check == "official-replaced"
    # Recorded by 2005-05-31, the preliminary figure is not yet known: nothing.
    assert official_replaced_problems(rows, "o.csv", as_of_bound("2005-05-31")) == []
    assert official_replaced_problems(rows[1:3], "o.csv", None) == []


def test_a_revised_period_keeps_its_latest_vintage_among_periods_recorded_once() -> None:
    # fdi: 2019 and 2021 recorded once, 2020 three times (line 5 is the latest recorded;
    # lines 3 and 6 tie on their moment, the later line wins over line 3 but not line 5).
    once_2019 = _row(2, "2019", 1.0, "official", "2020-03-01T00:00:00Z")
    tie_early = _row(3, "2020", 2.0, "official", "2021-03-01T00:00:00Z")
    once_2021 = _row(4, "2021", 3.0, "official", "2022-03-01T00:00:00Z")
    latest = _row(5, "2020", 2.2, "official", "2021-06-01T00:00:00Z")
    tie_late = _row(6, "2020", 2.1, "official", "2021-03-01T00:00:00Z")
    revised: list[Observation] = []
    series = in_force([once_2021, tie_early, once_2019, latest, tie_late], revised=revised)
    assert series == {"fdi": [once_2019, latest, once_2021]}
    assert revised == [tie_early, latest, tie_late]
    # Known on 2021-04-01: the tie's later line is in force.
    assert in_force([once_2021, tie_early, once_2019, latest, tie_late], "2021-04-01") == {"fdi": [once_2019, tie_late]}


# ---------------------------------------------------------------------------------------
# End to end: check through the old functions and through the new, byte for byte.
# ---------------------------------------------------------------------------------------


def _old_code(stack: contextlib.ExitStack) -> list[mock.MagicMock]:
    """The functions as they were, where check looks them up; each a mock that calls the
    old one, so that the test knows each was used."""
    return [
        stack.enter_context(mock.patch.object(module, name, wraps=old))
        for module, name, old in (
            (series_module, "in_force", old_in_force),
            (checks, "same_moment_problems", old_same_moment_problems),
            (checks, "repeated_problems", old_repeated_problems),
            (checks, "merged_retraction_problems", old_merged_retraction_problems),
            (checks_status, "official_replaced_problems", old_official_replaced_problems),
            (checks_index, "index_problems", old_index_problems),
        )
    ]


def _both(*args: str) -> tuple[int, str, str]:
    """What ``check ARGS`` says with the old functions and with the new, which must be the
    same: exit code, standard output, standard error."""
    out = []
    for old in (True, False):
        with contextlib.ExitStack() as stack:
            mocks = _old_code(stack) if old else []
            r = run_clean("check", *args)
            assert all(m.called for m in mocks), mocks
        out.append((r.exit_code, r.stdout, r.stderr))
    assert out[0] == out[1]
    return out[1]


ROWS = [
    # After the shipped store's 83 lines. fdi 2005: a retraction (line 85) withdrawing by
    # recorded_at the figure of line 86.
    "fdi,2005,2.0,official,https://example.org/a,,2006-01-10T00:00:00Z",
    "fdi,2005,,retracted,https://example.org/a,,2006-03-10T00:00:00Z",
    "fdi,2005,2.5,official,https://example.org/a,,2006-02-10T00:00:00Z",
    # fdi 2004: an official figure (line 87) overtaken by a preliminary one (line 88).
    "fdi,2004,3.0,official,https://example.org/a,,2005-03-01T00:00:00Z",
    "fdi,2004,3.4,preliminary,https://example.org/a,,2005-06-01T00:00:00Z",
    # grdp_vnd 2012: two figures at one moment (lines 90 and 91: same-moment at 91), a
    # repeat of line 91 (line 92), and a jump from line 89 (100000) to line 90 (ten times).
    "grdp_vnd,2012,100000,estimate,https://example.org/b,,2013-01-10T00:00:00Z",
    "grdp_vnd,2012,1000000,official,https://example.org/b,,2013-06-10T00:00:00Z",
    "grdp_vnd,2012,1000001,estimate,https://example.org/b,,2013-06-10T00:00:00Z",
    "grdp_vnd,2012,1000001,estimate,https://example.org/b,,2013-06-10T00:00:00Z",
    # fdi 2030 from the future of its recorded_at: an error, so exit 1.
    "fdi,2030,1.5,official,https://example.org/c,,2021-01-01T00:00:00Z",
]


@pytest.mark.parametrize(
    "args",
    [(), ("--all",), ("--format", "json"), ("--all", "--format", "json"), ("--as-of", "2013-03-01"), ("--lang", "vi")],
    ids=["default", "all", "json", "all-json", "as-of", "vi"],
)
def test_check_says_what_it_said(shipped: Path, args: tuple[str, ...]) -> None:
    with Path("observations.csv").open("a", encoding="utf-8") as f:
        f.write("".join(row + "\n" for row in ROWS))
    code, stdout, stderr = _both(*args)
    assert code == 1
    if "--format" in args:
        import json

        found = {(p["line"], p["check"]) for p in json.loads(stdout)["problems"]}
        for line_check in [
            (85, "merged-retraction"),
            (88, "official-replaced"),
            (91, "same-moment"),
            (92, "repeated"),
            (90, "jump"),
            (93, "timing"),
        ]:
            assert line_check in found, (line_check, sorted(found))


def test_check_of_the_shipped_store_says_what_it_said(shipped: Path) -> None:
    for args in [(), ("--all",), ("--all", "--format", "json"), ("--as-of", "2024-06-30", "--all")]:
        _both(*args)
