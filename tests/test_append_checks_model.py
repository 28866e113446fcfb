"""The checks an append makes against the store, against plain models of their rules.

An append of a national import compares 300,000 rows with a million stored ones, so the
checks read one shared index of the stored vintages by period (issue 17). These tests
hold them to the rules as written in their docstrings and docs/decisions.md ("Writing",
"Rows without a timestamp"), each rule computed here the slow, obvious way over every
stored row, on stores and batches drawn small enough that periods share vintages often.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from qntrack.files.checks_jumps import earlier_vintage_problems
from qntrack.files.checks_jumps_entry import entry_jump_problems
from qntrack.method import history
from qntrack.method.history import already_recorded, vintage_index
from qntrack.plan.model import RETRACTED, Location, Observation
from qntrack.plan.periods import parse_period

NOW = "2026-01-01T00:00:00Z"  # the stamp given to rows typed without one
PERIODS = [parse_period(p) for p in ("2020", "2021", "2022")]
STAMPS = ["2021-03-01T00:00:00Z", "2022-03-01T00:00:00Z", "2023-03-01T00:00:00Z", NOW]


# Each field's strategy made once, not at every draw: a strategy is validated when first
# drawn from, and building them per draw was most of an example's cost. The same
# strategies in the same order: the same examples.
_INDICATORS = st.sampled_from(["a", "b"])
_PERIODS = st.sampled_from(PERIODS)
_VALUES = st.sampled_from([1.0, 2.0, 50.0])
_STATUSES = st.sampled_from(["", "official"])
_SOURCES = st.sampled_from(["s", "t"])
_STAMPS = st.sampled_from(STAMPS)


@st.composite
def observations(draw: st.DrawFn, line: bool) -> Observation:
    retracted = draw(st.booleans()) and draw(st.booleans())
    return Observation(
        draw(_INDICATORS),
        draw(_PERIODS),
        float("nan") if retracted else draw(_VALUES),
        RETRACTED if retracted else draw(_STATUSES),
        draw(_SOURCES),
        "",
        draw(_STAMPS),
        0,
    )


def numbered(rows: list[Observation]) -> list[Observation]:
    """Stored rows carry their line in the file, from 2 (the header is line 1)."""
    return [o._replace(line=i + 2) for i, o in enumerate(rows)]


def figure(o: Observation) -> tuple:
    return (None if o.status == RETRACTED else o.value, o.status, o.source)


def in_force(rows: list[Observation]) -> Observation | None:
    """series.in_force's rule: the latest recorded_at, on a tie the later line; rows of the
    batch (line 0) are appended after every stored row, in their order."""
    ordered = [o for o in rows if o.line] + [o for o in rows if not o.line]
    best = None
    for o in ordered:
        if best is None or o.recorded_at >= best.recorded_at:
            best = o
    return best


def model_already_recorded(stored: list[Observation], incoming: list[Observation]) -> list[bool]:
    out: list[bool] = []
    seen = list(stored)
    for o in incoming:
        same_period = [s for s in seen if (s.indicator, s.period) == (o.indicator, o.period)]
        if o.recorded_at == NOW and o.status == RETRACTED:
            now = in_force(same_period)
            skip = now is not None and (now.status, now.source) == (o.status, o.source)
        elif o.recorded_at == NOW:
            skip = any(figure(s) == figure(o) for s in same_period)
        else:
            skip = any(figure(s) == figure(o) and s.recorded_at == o.recorded_at for s in same_period)
        out.append(skip)
        if not skip:
            seen.append(o)
    return out


def model_earlier_vintages(stored: list[Observation], new: list[Observation]) -> list[tuple[int, float | None]]:
    """Each row recorded before the vintage in force for its period, with the figure in
    force it names (None for a retraction in force)."""
    said = []
    seen = list(stored)
    for i, o in enumerate(new):
        current = in_force([s for s in seen if (s.indicator, s.period) == (o.indicator, o.period)])
        if current is not None and current.recorded_at > o.recorded_at:
            said.append((i, None if current.status == RETRACTED else current.value))
        else:
            seen.append(o)
    return said


# A store of a few rows (numbered as the file's lines), a batch, and whether the checks
# are given the rows or their index (an append gives the index, a caller may give rows).
CASES = given(
    st.lists(observations(True), max_size=12).map(numbered), st.lists(observations(False), max_size=8), st.booleans()
)


def as_given(stored: list[Observation], as_index: bool):
    return vintage_index(stored) if as_index else stored


@settings(max_examples=150, deadline=None)
@CASES
def test_already_recorded_is_its_rule_whether_given_rows_or_their_index(stored, incoming, as_index):
    assert already_recorded(as_given(stored, as_index), incoming, NOW) == model_already_recorded(stored, incoming)


@settings(max_examples=150, deadline=None)
@CASES
def test_already_recorded_is_its_rule_when_every_period_keeps_sets(stored, incoming, as_index):
    """The path for a period with many vintages (more than ``history._FEW``), taken here
    by every period."""
    few = history._FEW
    history._FEW = -1
    try:
        assert already_recorded(as_given(stored, as_index), incoming, NOW) == model_already_recorded(stored, incoming)
    finally:
        history._FEW = few


@settings(max_examples=150, deadline=None)
@CASES
def test_a_row_recorded_before_the_figure_in_force_is_said_once(stored, new, as_index):
    rows = [(Location("in.csv", i + 2), o) for i, o in enumerate(new)]
    said = earlier_vintage_problems(rows, as_given(stored, as_index))
    named = [dict(p.message.params).get("current") for p in said]
    assert [(p.location.line - 2, f and f.value) for p, f in zip(said, named, strict=True)] == model_earlier_vintages(
        stored, new
    )


def model_jumps(stored: list[Observation], new: list[Observation], factor: float) -> list[int]:
    """entry_jump_problems' rule: a figure is compared with the one in force for its period
    when it was recorded, else with the figures in force now for the nearest earlier and
    later periods of its length that have one; it jumps when every comparison is over
    ``factor`` times (a zero, or another period's figure of opposite sign, compares with
    nothing). A row recorded before a stored vintage of its period is never in force and is
    not compared: the earlier-vintage warning speaks of it. A revision that jumps against
    the figure in force but is within ``factor`` of the nearest earlier and later periods'
    figures in force now (of its length, its sign; at least one) puts a slip right and is
    not said (the half-year review)."""

    def usable(o: Observation | None) -> Observation | None:
        return None if o is None or o.status == RETRACTED else o

    def at(period_rows: list[Observation], moment: str) -> Observation | None:
        rows = [s for s in period_rows if s.recorded_at <= moment]
        return usable(max(rows, key=lambda s: (s.recorded_at, s.line), default=None))

    said = []
    for i, o in enumerate(new):
        if o.status == RETRACTED:
            continue
        if any(s.recorded_at > o.recorded_at for s in stored if (s.indicator, s.period) == (o.indicator, o.period)):
            continue
        same = at([s for s in stored if (s.indicator, s.period) == (o.indicator, o.period)], o.recorded_at)
        if same is not None:
            compared = [same]
        else:
            periods = sorted({s.period for s in stored if s.indicator == o.indicator}, key=lambda p: p.sort_key)
            now = {p: at([s for s in stored if (s.indicator, s.period) == (o.indicator, p)], "\uffff") for p in periods}
            before = [now[p] for p in periods if p.sort_key < o.period.sort_key and now[p] is not None]
            after = [now[p] for p in periods if p.sort_key >= o.period.sort_key and now[p] is not None]
            compared = ([before[-1]] if before else []) + ([after[0]] if after else [])
        ratios = [
            max(abs(c.value), abs(o.value)) / min(abs(c.value), abs(o.value))
            if same is not None or (c.value < 0) == (o.value < 0)
            else 0.0  # another period of opposite sign: no slip (issue 17)
            for c in compared
        ]
        if compared and all(r > factor for r in ratios):
            if same is not None:
                periods = sorted(
                    {s.period for s in stored if s.indicator == o.indicator and s.period.months == o.period.months},
                    key=lambda p: p.sort_key,
                )
                now = {
                    p: at([s for s in stored if (s.indicator, s.period) == (o.indicator, p)], "\uffff") for p in periods
                }
                before = [now[p] for p in periods if p.sort_key < o.period.sort_key and now[p] is not None]
                after = [now[p] for p in periods if p.sort_key > o.period.sort_key and now[p] is not None]
                beside = [c for c in ([before[-1]] if before else []) + ([after[0]] if after else [])]
                beside = [c for c in beside if (c.value < 0) == (o.value < 0)]
                if beside and all(
                    c.value == 0
                    or o.value == 0
                    or max(abs(c.value), abs(o.value)) / min(abs(c.value), abs(o.value)) <= factor
                    for c in beside
                ):
                    continue  # back in line with its neighbours: a slip put right
            said.append(i)
    return said


@settings(max_examples=150, deadline=None)
@CASES
def test_a_figure_that_jumps_against_the_record_is_said(stored, new, as_index):
    rows = [(Location("in.csv", i + 2), o) for i, o in enumerate(new)]
    said = entry_jump_problems(rows, as_given(stored, as_index), 10.0)
    assert [p.location.line - 2 for p in said] == model_jumps(stored, new, 10.0)


def model_stored_vintage(stored: list[Observation], o: Observation, undated: str | None) -> tuple:
    """The stored vintage a row left out repeats (the latest with its figure and, for a row
    given a recorded_at, its moment) and the vintage in force for its period."""
    same_period = [s for s in stored if (s.indicator, s.period) == (o.indicator, o.period)]
    repeats = [
        s
        for s in same_period
        if figure(s) == figure(o)
        and ((undated is not None and o.recorded_at == undated) or s.recorded_at == o.recorded_at)
    ]
    latest = max(repeats, key=lambda s: (s.recorded_at, s.line), default=None)
    return latest, in_force(same_period)


@settings(max_examples=150, deadline=None)
@CASES
def test_each_skipped_row_names_the_vintage_it_repeats_and_the_one_in_force(stored, incoming, as_index):
    """``stored_vintages`` answers for a whole batch, each period's vintages looked through
    once (a file of 20,000 vintages of one period imported again asked every stored vintage
    for every row: two minutes), what the rule says row by row."""
    for undated in (NOW, None):
        expected = [model_stored_vintage(stored, o, undated) for o in incoming]
        assert history.stored_vintages(as_given(stored, as_index), incoming, undated) == expected
        # One row at a time, as a single add-observation asks.
        assert [history.stored_vintages(as_given(stored, as_index), [o], undated)[0] for o in incoming] == expected


@settings(max_examples=150, deadline=None)
@CASES
def test_each_skipped_row_names_its_vintages_when_every_period_keeps_tables(stored, incoming, as_index):
    """The path for a period with many vintages (more than ``history._FEW``), taken here
    by every period: the direct look of the few-vintage path must agree with it."""
    few = history._FEW
    history._FEW = -1
    try:
        for undated in (NOW, None):
            expected = [model_stored_vintage(stored, o, undated) for o in incoming]
            assert history.stored_vintages(as_given(stored, as_index), incoming, undated) == expected
    finally:
        history._FEW = few


@settings(max_examples=120, deadline=None)
@CASES
def test_jumps_against_a_period_of_many_vintages_follow_the_same_rule(stored, new, as_index):
    """The path for a period with many vintages (more than ``checks_jumps_entry._FEW``: sorted once,
    then bisected), taken here by every period."""
    from qntrack.files import checks_jumps_entry

    few = checks_jumps_entry._FEW
    checks_jumps_entry._FEW = 1
    try:
        rows = [(Location("in.csv", i + 2), o) for i, o in enumerate(new)]
        said = entry_jump_problems(rows, as_given(stored, as_index), 10.0)
    finally:
        checks_jumps_entry._FEW = few
    assert [p.location.line - 2 for p in said] == model_jumps(stored, new, 10.0)


def test_a_row_of_the_batch_at_the_moment_of_the_one_in_force_takes_its_place():
    """Appended after every stored row, a row of the batch recorded at the same moment as
    the vintage in force is then the one in force (series.in_force's tie rule): an undated
    retraction after it withdraws it, so it repeats nothing. Rare in random batches, so
    stated here with the sets' path and the direct one alike."""
    period = PERIODS[0]
    withdrawn = Observation("a", period, float("nan"), RETRACTED, "s", "", STAMPS[0], 2)
    figure = Observation("a", period, 2.0, "official", "s", "", STAMPS[0], 0)
    retraction = Observation("a", period, float("nan"), RETRACTED, "s", "", NOW, 0)
    expected = model_already_recorded([withdrawn], [figure, retraction])
    assert expected == [False, False]
    few = history._FEW
    for threshold in (few, -1):
        history._FEW = threshold
        try:
            assert already_recorded([withdrawn], [figure, retraction], NOW) == expected
        finally:
            history._FEW = few


# --- check's jump rule over the store -------------------------------------------------------


def jump_model(rows: list[Observation], factor: float, as_of: str | None) -> list[tuple[int, int, float]]:
    """``check``'s jump rule, the obvious way: each period's vintages known by ``as_of`` in
    the order they were recorded (on a tie, of their lines); each next one that is more than
    ``factor`` times larger or smaller than the one before it, unless a later retraction
    withdrew it (docs/data-integrity.md). (line of the row, line of the one before, ratio)."""
    bound = f"{as_of}T23:59:59Z" if as_of else None
    found = []
    for key in {(o.indicator, o.period) for o in rows}:
        vintages = sorted(
            (o for o in rows if (o.indicator, o.period) == key and (bound is None or o.recorded_at <= bound)),
            key=lambda o: (o.recorded_at, o.line),
        )
        last_retraction = max((i for i, o in enumerate(vintages) if o.status == RETRACTED), default=-1)
        for i in range(max(1, last_retraction), len(vintages)):
            a, b = abs(vintages[i - 1].value), abs(vintages[i].value)
            if a > 0 and b > 0 and max(a, b) / min(a, b) > factor:  # NaN compares false
                found.append((vintages[i].line, vintages[i - 1].line, max(a, b) / min(a, b)))
    return sorted(found)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["a", "b", "c[province=X]"]),
            st.sampled_from(PERIODS),
            st.sampled_from([1.0, -2.0, 0.0, 10.0, 60.0, -300.0, float("nan")]),
            st.sampled_from(STAMPS),
        ),
        max_size=40,
    ),
    st.sampled_from([None, "2022-03-01", "2025-12-31"]),
    st.sampled_from([5.0, 10.0]),
)
def test_checks_jump_rule_follows_the_model(drawn, as_of, factor):
    from qntrack.files.checks_jumps import jump_problems

    rows = [
        Observation(ind, period, value, RETRACTED if value != value else "", "s", "", stamp, i + 2)
        for i, (ind, period, value, stamp) in enumerate(drawn)
    ]
    said = jump_problems(rows, "o.csv", factor, as_of)
    assert [p.location.line for p in said] == sorted(p.location.line for p in said)
    got = sorted(
        (p.location.line, int(dict(p.message.params)["line"]), dict(p.message.params)["ratio"].value) for p in said
    )
    expected = jump_model(rows, factor, as_of)
    assert [(a, b) for a, b, _ in got] == [(a, b) for a, b, _ in expected]
    assert all(abs(r - float(f"{e:.3g}")) < 1e-9 for (_, _, r), (_, _, e) in zip(got, expected, strict=True))


@settings(max_examples=150, deadline=None)
@CASES
def test_a_row_at_the_moment_of_a_stored_vintage_is_refused_by_one_rule_either_way(stored, incoming, few):
    """A row at the moment of a different stored vintage of its period is refused, each
    stored vintage named in file order: looked for over every stored row (a batch as
    large as the store) or in the periods' vintages (a few rows against a national
    store), with the same words."""
    from pathlib import Path

    import pytest

    from qntrack.errors import InputError
    from qntrack.files import same_moment

    kept = [(Location("f.csv", i + 2), o) for i, o in enumerate(incoming)]
    kept = list({(o.indicator, o.period, o.recorded_at): (w, o) for w, o in kept}.values())
    expected = [
        (w, s.line)
        for s in stored
        for w, o in kept
        if (s.indicator, s.period, s.recorded_at) == (o.indicator, o.period, o.recorded_at)
    ]
    index = vintage_index(stored)
    for by_index in (True, False):
        if not expected:
            same_moment.refuse_same_moment(kept, stored, Path("obs.csv"), index, by_index)
            continue
        with pytest.raises(InputError) as refused:
            same_moment.refuse_same_moment(kept, stored, Path("obs.csv"), index, by_index)
        said = [(p.location, str(dict(p.message.params)["line"])) for p in refused.value.problems]
        assert said == [(w, str(line)) for w, line in expected]
