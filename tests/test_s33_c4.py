"""Issue 17, thirty-third session, helper C4: ``check`` on a national store in less
processor time, every byte it writes the same (docs/performance.md).

Two changes. ``in_force`` gathers a store's rows by indicator through a defaultdict, asks
once of all the rows whether any withdraws a figure, and finds a series' periods recorded
more than once among its keys sorted; the code it replaced is kept here verbatim as
``old_in_force`` (from main at 8194403a, but for its name and the imports moved to the
top) and compared with it on drawn rows (Hypothesis: ties of recorded_at and of line, NaN
figures, retractions, units' keys, an as-of, rows in any order), object for object, then
end to end (``check`` through the old function and through the new: the same exit code,
standard output and standard error, in every mode). And a console ``check`` leaves its
rows to the process's end (``cli.left_to_the_exit``): the same output from the console's
own process, and only there.
"""

from __future__ import annotations

import contextlib
import gc
import json
import math
import os
import subprocess
import sys
from collections import Counter, deque
from itertools import compress
from pathlib import Path
from typing import Iterable, Sequence
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import run_clean
from qntrack.files.checks import run_checks
from qntrack.method import series as series_module
from qntrack.method.series import (
    _INDICATOR,
    _LINE,
    _SORT_KEY,
    _STATUS,
    _VINTAGE_ORDER,
    Replaced,
    ReplacedVintages,
    Series,
    _note_replaced,
    as_of_bound,
    in_force,
)
from qntrack.plan.model import RETRACTED, Observation
from qntrack.plan.periods import parse_period


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
            # The rows of the periods recorded more than once, picked in C while ``keys``
            # line up with the rows: a generator asking each row its period again took
            # 0.2 s of a check.
            many = {key for key, n in Counter(keys).items() if n > 1}
            again = list(compress(rows, map(many.__contains__, keys)))
            if revised is not None:
                revised.extend(again)
            if replaced is not None:
                _note_replaced(ind, again, replaced, vintages)
            again.sort(key=_VINTAGE_ORDER)
            # A period's only row is in force; of the others, the last vintage (the latest
            # recorded, on a tie the later line: the stable sort keeps the rows' order).
            # Only those few sorted: a national store's series each have a revised period
            # or two among a hundred, and sorting every row by vintage took 0.43 s of a
            # provinces check against 0.34 s (issue 17, thirty-second session).
            latest = dict(zip(keys, rows, strict=True))
            latest.update(zip(map(_SORT_KEY, again), again, strict=True))
            kept = list(map(latest.__getitem__, sorted(latest)))
        if RETRACTED in set(map(_STATUS, rows)):
            # A period whose latest vintage withdraws its figure has none in force.
            kept = [o for o in kept if o.status != RETRACTED]
        series[ind] = kept
    if revised:
        revised.sort(key=_LINE)
    return series


# ---------------------------------------------------------------------------------------
# Drawn rows: the new in_force gives the very objects the old one gave.
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
    figures too; periods with several vintages, some at one moment, some repeated; a
    store with no retraction at all as often as one with some."""
    drawn = draw(st.lists(_ROW, max_size=40))
    if draw(st.booleans()):
        drawn = [row for row in drawn if row[3] != RETRACTED]
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
    assert list(new) == list(old)  # the indicators in the order first met
    for key in old:
        assert len(new[key]) == len(old[key]), key
        assert all(a is b for a, b in zip(new[key], old[key], strict=True)), key


def _same_objects(new: Sequence[Observation], old: Sequence[Observation]) -> None:
    assert len(new) == len(old) and all(a is b for a, b in zip(new, old, strict=True))


@settings(max_examples=300, deadline=None)
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
        assert list(new_replaced[key]) == list(old_replaced[key])
        assert all(
            a is b or a == b or (a != a and b != b)
            for a, b in zip(new_replaced[key].values(), old_replaced[key].values(), strict=True)
        )
    assert {k: {p: (id(a), id(b)) for p, (a, b) in v.items()} for k, v in new_vintages.items()} == {
        k: {p: (id(a), id(b)) for p, (a, b) in v.items()} for k, v in old_vintages.items()
    }
    # Without the optional outputs (status, show, report): the same series.
    _same_series(in_force(rows, as_of), old_in_force(rows, as_of))
    _same_series(in_force(tuple(rows), as_of, []), old_in_force(tuple(rows), as_of, []))


def _row(line: int, period: str, value: float, status: str, at: str, key: str = "fdi") -> Observation:
    return Observation(key, parse_period(period), value, status, "s", "", at, line)


def test_a_series_is_in_period_order_with_each_period_once() -> None:
    # By hand: fdi has 2021 (line 2), 2019 (line 3), 2020 twice (lines 4 and 5, the later
    # line recorded first, so line 4 is in force), 2022 withdrawn (lines 6 and 7); grdp has
    # 2020 and 2019 once each, out of order.
    rows = [
        _row(2, "2021", 3.0, "official", "2022-03-01T00:00:00Z"),
        _row(3, "2019", 1.0, "official", "2020-03-01T00:00:00Z"),
        _row(4, "2020", 2.2, "official", "2021-06-01T00:00:00Z"),
        _row(5, "2020", 2.0, "estimate", "2021-01-10T00:00:00Z"),
        _row(6, "2022", 4.0, "estimate", "2022-12-20T00:00:00Z"),
        _row(7, "2022", math.nan, RETRACTED, "2023-01-05T00:00:00Z"),
        _row(8, "2020", 7.0, "official", "2021-03-01T00:00:00Z", key="grdp"),
        _row(9, "2019", 6.0, "official", "2020-03-01T00:00:00Z", key="grdp"),
    ]
    revised: list[Observation] = []
    series = in_force(rows, revised=revised)
    assert list(series) == ["fdi", "grdp"]
    assert [o.line for o in series["fdi"]] == [3, 4, 2]
    assert [o.line for o in series["grdp"]] == [9, 8]
    assert [o.line for o in revised] == [4, 5, 6, 7]
    # Known on 2022-12-31: 2022's estimate is in force, not yet withdrawn.
    assert [o.line for o in in_force(rows, "2022-12-31")["fdi"]] == [3, 4, 2, 6]


# ---------------------------------------------------------------------------------------
# End to end: check through the old in_force and through the new, byte for byte.
# ---------------------------------------------------------------------------------------


def _both(*args: str) -> tuple[int, str, str]:
    """What ``check ARGS`` says with the old in_force and with the new, which must be the
    same: exit code, standard output, standard error."""
    out = []
    for old in (True, False):
        with contextlib.ExitStack() as stack:
            if old:
                patched = stack.enter_context(mock.patch.object(series_module, "in_force", wraps=old_in_force))
            r = run_clean("check", *args)
            if old:
                assert patched.called
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

MODES = [
    (),
    ("--all",),
    ("--format", "json"),
    ("--all", "--format", "json"),
    ("--as-of", "2013-03-01"),
    ("--lang", "vi"),
]


@pytest.mark.parametrize("args", MODES, ids=["default", "all", "json", "all-json", "as-of", "vi"])
def test_check_says_what_it_said(shipped: Path, args: tuple[str, ...]) -> None:
    with Path("observations.csv").open("a", encoding="utf-8") as f:
        f.write("".join(row + "\n" for row in ROWS))
    code, stdout, stderr = _both(*args)
    assert code == 1
    if "--format" in args:
        found = {(p["line"], p["check"]) for p in json.loads(stdout)["problems"]}
        for line_check in [(85, "merged-retraction"), (88, "official-replaced"), (91, "same-moment")]:
            assert line_check in found, (line_check, sorted(found))


def test_check_of_the_shipped_store_says_what_it_said(shipped: Path) -> None:
    for args in [(), ("--all",), ("--all", "--format", "json"), ("--as-of", "2024-06-30", "--all")]:
        _both(*args)


# ---------------------------------------------------------------------------------------
# A console check leaves its rows to the process's end, and only a console check.
# ---------------------------------------------------------------------------------------


def test_run_checks_hands_over_what_it_read(shipped: Path) -> None:
    kept: list[object] = []
    problems = run_checks(None, keep=kept)
    assert problems == run_checks(None)
    (held,) = kept
    plan, store = held[0], held[1]  # type: ignore[index]
    assert "grdp_growth" in plan.indicators and len(store.observations) == 82


def test_a_python_caller_frees_what_check_read(shipped: Path) -> None:
    from qntrack.cli import left_to_the_exit

    before = gc.get_freeze_count()
    left_to_the_exit([object()])  # the collector on, as in any program but the console's
    assert gc.get_freeze_count() == before


_PROGRAM = """
import gc, sys, types
if sys.argv[1] == "console":  # as `python -m qntrack` names its main module
    sys.modules["__main__"].__spec__ = types.SimpleNamespace(name="qntrack.__main__")
sys.argv = ["qntrack", "check", *sys.argv[3:]]
from qntrack.console import main  # the console's entry point, as the installed script calls it
try:
    main()
finally:
    with open({out!r}, "w") as f:
        f.write(str(gc.get_freeze_count() > 0))
"""


@pytest.mark.parametrize("who", ["console", "caller"])
def test_only_qntrack_s_own_process_leaves_the_rows(shipped: Path, who: str) -> None:
    """In qntrack's own process the rows are left to its end (the collector frozen), and
    check says what it says in-process, byte for byte; a Python program that calls main()
    runs on, and is left its collector as it was."""
    with Path("observations.csv").open("a", encoding="utf-8") as f:
        f.write("".join(row + "\n" for row in ROWS))
    out = Path("frozen.txt").resolve()
    code = _PROGRAM.format(out=str(out))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    for args in [(), ("--all", "--format", "json")]:
        r = subprocess.run([sys.executable, "-c", code, who, "-", *args], capture_output=True, env=env)
        here = run_clean("check", *args)
        assert (r.returncode, r.stdout.decode(), r.stderr.decode()) == (here.exit_code, here.stdout, here.stderr)
        assert out.read_text() == str(who == "console")
