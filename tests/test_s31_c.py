"""Issue 17, thirty-first session, helper C: ``check`` on a national store profiled, and
four of its passes made cheaper without changing a byte of what it says
(docs/performance.md, "The thirty-first session").

Each changed function is proved the same as the code it replaced, kept here verbatim as
``old_*`` (from 38929f5f): ``in_force`` (a period's vintages put in order by two stable
sorts, a series already in period order left as it is), ``index_intended`` and
``index_problems`` (a figure near its neighbours judged without a Decimal; a series with
no figure in the index's range told in C) and the two text rules of the store's sources
and notes (their texts gathered once, or taken from the reader's distinct values). First
on many drawn rows (ties of recorded_at, lines out of order, retractions, an as-of, NaN
and zero figures), then end to end: ``check``, ``check --all``, ``--format json`` and
``--as-of`` through the old functions and through the new give the same exit code,
standard output and standard error, byte for byte, on stores that set off the checks.
The expected words are the catalog's, written by hand from the rows typed here."""

from __future__ import annotations

import contextlib
import json
import math
import random
from collections import Counter, deque
from decimal import Decimal
from itertools import compress
from pathlib import Path
from typing import Iterable, Sequence
from unittest import mock

import pytest

from helpers import run_clean
from qntrack.catalog import Figure, msg
from qntrack.files import checks_index, checks_text
from qntrack.files.checks_index import HIGHEST, LOWEST, FAR, NEAR, index_by_targets, index_intended, index_problems
from qntrack.files.checks_jumps import growth_rate_ids, jump_ratio
from qntrack.files.checks_text import invisible_problems, lost_letter_problems, row_texts
from qntrack.files.figure_units import retract_words
from qntrack.files.garbled import garbled, lost_letters
from qntrack.files.invisible import character_words
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
from qntrack.plan.model import RETRACTED, Location, Observation, Plan, Problem
from qntrack.plan.periods import parse_period
from qntrack.files.checks_text import _unneeded
from qntrack.files import checks_fraction, workspace
from qntrack.files.checks_fraction import _by_targets, _values, fraction_intended, fraction_problems, target_figures
from qntrack.files.checks_jumps import DEFAULT_JUMP_FACTOR, percent_units
from qntrack.files.workspace import canonical_rows
from qntrack.plan.unit_resolution import canonical_key
from operator import attrgetter
from typing import Callable


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
            rows.sort(key=_VINTAGE_ORDER)
            # The last vintage of each period stays: the latest recorded, on a tie the
            # later line.
            latest = {o.period.sort_key: o for o in rows}
            kept = [latest[key] for key in sorted(latest)]
        if RETRACTED in set(map(_STATUS, rows)):
            # A period whose latest vintage withdraws its figure has none in force.
            kept = [o for o in kept if o.status != RETRACTED]
        series[ind] = kept
    if revised:
        revised.sort(key=_LINE)
    return series


def old_index_intended(value: float, references: Sequence[float]) -> float | None:
    """``value`` - 100 when ``value`` reads as an index beside every one of ``references``
    (the figures it is compared with); else None."""
    if not references or not LOWEST <= value <= HIGHEST:
        return None
    intended = float(Decimal(repr(value)) - 100)  # as typed: 108.7 - 100 is 8.7, not 8.700000000000003
    for reference in references:
        if jump_ratio(reference, value, FAR) is None or jump_ratio(reference, intended, NEAR) is not None:
            return None
    return intended


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
        if key.split("[", 1)[0] not in rates or not any(LOWEST <= o.value <= HIGHEST for o in rows):
            continue  # most series hold no figure an index could be: not sorted for nothing
        ordered = sorted(rows, key=lambda o: o.period.sort_key)
        every = len(ordered) > 1 and all(LOWEST <= o.value <= HIGHEST for o in ordered)
        for i, o in enumerate(ordered):
            if not LOWEST <= o.value <= HIGHEST:
                continue
            near = [n for n in (ordered[i - 1] if i else None, ordered[i + 1] if i + 1 < len(ordered) else None) if n]
            if every:
                # Every figure an index could be: each beside the targets (the forty-fourth
                # session's rule, which the optimisation under test leaves alone).
                problems.extend(beside_targets(plan, key, o, file, "checks_index_series_target"))
                continue
            if not near:
                # A series' only figure, beside its targets' figures (the forty-fourth
                # session's rule, which the optimisation under test leaves alone).
                problems.extend(beside_targets(plan, key, o, file, "checks_index_target"))
                continue
            intended = old_index_intended(o.value, [n.value for n in near])
            if intended is None:
                continue
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


def old_lost_letter_problems(rows: Sequence[Observation], file: str) -> list[Problem]:
    """A warning for each row's source and note that lost letters or is garbled. Each
    distinct text is judged once, and the rows are gone through again only when one is
    found: a national store repeats its sources, and nearly always has none."""
    texts = {o.source for o in rows} | {o.note for o in rows}
    bad: dict[str, tuple[str, str] | bool] = {}
    for text in texts:
        if text and not (text.isascii() and "?" not in text):
            verdict = garbled(text) or lost_letters(text)
            if verdict:
                bad[text] = verdict
    if not bad:
        return []
    found = []
    for row in rows:
        for column, text in (("source", row.source), ("note", row.note)):
            told = bad.get(text)
            if told is None:
                continue
            if not isinstance(told, tuple):
                said = msg("checks_lost_letters", column=msg(f"checks_column_{column}"), text=text)
            else:
                encoding, reading = told
                key = "checks_garbled_utf8" if encoding == "UTF-8" else "checks_garbled_legacy"
                said = msg(key, column=msg(f"checks_column_{column}"), text=text, reading=reading, encoding=encoding)
            found.append(Problem(Location(file, row.line), said, "warning", check="lost-letters"))
    return found


def old_invisible_problems(rows: Sequence[Observation], file: str) -> list[Problem]:
    """A warning for each row's source and note holding a character ``INVISIBLE`` finds,
    naming the first. Each distinct text is judged once, as for lost letters."""
    texts = {o.source for o in rows} | {o.note for o in rows}
    bad = {text: hit for text in texts if text and not text.isascii() and (hit := _unneeded(text)) is not None}
    if not bad:
        return []
    problems = []
    for row in rows:
        for column, text in (("source", row.source), ("note", row.note)):
            if text in bad:
                said = msg(f"checks_invisible_{column}", **character_words(bad[text]))
                problems.append(Problem(Location(file, row.line), said, "warning", check="invisible"))
    return problems


def old_fraction_problems(plan: Plan, series: Series, file: str, factor: float = DEFAULT_JUMP_FACTOR) -> list[Problem]:
    """`check`'s warnings of figures in force of a "%" indicator that read as a per cent
    saved as a fraction: beside the nearest figures of other periods (of any length, as a
    per cent reads alike over any span), each at least 1 and jumped from; a series' only
    figure, beside its targets' figures."""
    units = percent_units(plan)
    problems: list[Problem] = []
    for key, rows in series.items():
        if key.split("[", 1)[0] not in units:
            continue
        ordered = sorted(rows, key=lambda o: o.period.sort_key)
        for i, o in enumerate(ordered):
            if not 0 < abs(o.value) < 1:
                continue
            near = [n for n in (ordered[i - 1] if i else None, ordered[i + 1] if i + 1 < len(ordered) else None) if n]
            near = [n for n in near if (n.value < 0) == (o.value < 0)]
            if near:
                if any(jump_ratio(n.value, o.value, factor) is None for n in near):
                    continue
                intended = fraction_intended(o.value, near[0].value)
                if intended is None:
                    continue
                text = msg(
                    "checks_fraction_figure", other=near[0].period, before=Figure(near[0].value), **_values(o, intended)
                )
            elif len(ordered) == 1 and (found := _by_targets(plan, o)) is not None:
                target, before, intended = found
                text = msg("checks_fraction_target", target=target, before=Figure(before), **_values(o, intended))
            else:
                continue
            problems.append(Problem(Location(file, o.line), text, severity="warning", check="jump"))
    problems.sort(key=lambda p: p.location.line or 0)
    return problems


def old_canonical_rows(
    plan: Plan, observations: tuple[Observation, ...], canonical: Callable[[str], str | None] | None = None
) -> tuple[Observation, ...]:
    """``observations`` with every unit's key as the plan names it (``canonical_units``);
    the same tuple when none changes. What an append compares its rows with, too: a
    figure typed again is "already recorded", and a retraction finds the figure in force,
    however the stored key was typed."""
    if not plan.dimensions:
        return observations  # no unit to name: every append of a plan without breakdowns
    # Each distinct key judged once; the rows walked only when one is typed otherwise than
    # the plan names it. A national store's million rows are nearly all keys qntrack wrote
    # (issue 17): their set is made in C and the rows left as they are.
    renamed = {}
    for key in set(map(attrgetter("indicator"), observations)):
        if "[" in key:
            canon = (canonical(key) if canonical else canonical_key(key, plan.indicators, plan.dimensions)) or key
            if canon != key:
                renamed[key] = canon
    if not renamed:
        return observations
    return tuple(o._replace(indicator=renamed[o.indicator]) if o.indicator in renamed else o for o in observations)


# ---------------------------------------------------------------------------------------
# Drawn rows: the new code gives what the old gave, object for object.
# ---------------------------------------------------------------------------------------

PERIODS = ["2019", "2020", "2020-Q1", "2020-Q2", "2020-H1", "2020-01", "2021", "2021-Q3", "2018", "2022-Q4"]
MOMENTS = ["2020-03-01T00:00:00Z", "2021-01-15T00:00:00Z", "2021-01-15T08:00:00Z", "2022-06-30T23:59:59Z"]
KEYS = ["grdp_growth", "fdi", "budget_revenue[locality=Hạ Long]", "cbct_share"]


def _drawn_rows(rng: random.Random, in_order: bool) -> list[Observation]:
    """Rows of a few keys and periods, many periods with several vintages, ties of
    recorded_at (and of line: the rows a caller makes have line 0), retractions."""
    rows = []
    for line in range(2, 2 + rng.randint(0, 60)):
        status = rng.choice(["official", "estimate", "", RETRACTED])
        value = math.nan if status == RETRACTED else rng.choice([0.0, 1.5, 12.0, 108.5, -3.0])
        rows.append(
            Observation(
                rng.choice(KEYS),
                parse_period(rng.choice(PERIODS)),
                value,
                status,
                rng.choice(["a", "b"]),
                "",
                rng.choice(MOMENTS),
                rng.choice([line, line, 0]) if not in_order else line,
            )
        )
    if not in_order:
        rng.shuffle(rows)
    return rows


def _same_series(new: Series, old: Series) -> None:
    assert list(new) == list(old)
    for key in old:
        assert len(new[key]) == len(old[key]), key
        assert all(a is b for a, b in zip(new[key], old[key], strict=True)), key


@pytest.mark.parametrize("in_order", [True, False], ids=["store-order", "any-order"])
def test_in_force_is_the_old_one_on_drawn_rows(in_order: bool) -> None:
    rng = random.Random(31_3 + in_order)
    revising = 0
    for seed in range(400):
        rows = _drawn_rows(rng, in_order)
        as_of = rng.choice([None, None, "2021-01-15", "2020-12-31"])
        got: list[tuple] = []
        for fn in (old_in_force, in_force):
            revised: list[Observation] = []
            replaced: Replaced = {}
            vintages: ReplacedVintages = {}
            series = fn(iter(rows) if seed % 3 else rows, as_of, revised, replaced, vintages)
            got.append((series, revised, replaced, vintages))
        (old, *old_rest), (new, *new_rest) = got
        _same_series(new, old)
        assert new_rest == old_rest, seed
        assert all(a is b for a, b in zip(new_rest[0], old_rest[0], strict=True))
        _same_series(in_force(rows, as_of), old_in_force(rows, as_of))
        revising += bool(new_rest[0])
    assert revising > 250


def test_a_tie_of_recorded_at_keeps_the_later_line_however_the_rows_come() -> None:
    # Two vintages of grdp_growth 2020 recorded in the same second: the later line (7) is
    # in force whether the rows come in the store's order or not.
    period = parse_period("2020")
    early = Observation("grdp_growth", period, 3.1, "estimate", "s", "", "2021-01-15T00:00:00Z", 7)
    late = Observation("grdp_growth", period, 2.9, "estimate", "s", "", "2021-01-15T00:00:00Z", 4)
    newer = Observation("grdp_growth", parse_period("2019"), 7.0, "official", "s", "", "2020-01-01T00:00:00Z", 9)
    older = Observation("grdp_growth", parse_period("2019"), 7.5, "official", "s", "", "2020-01-01T00:00:00Z", 2)
    for rows in ([late, early, older, newer], [early, newer, late, older]):
        revised: list[Observation] = []
        series = in_force(rows, revised=revised)
        assert series == {"grdp_growth": [newer, early]}
        assert revised == [older, late, early, newer]  # by line


def test_a_series_out_of_period_order_is_still_sorted() -> None:
    rows = [
        Observation("fdi", parse_period(p), v, "official", "s", "", "2024-01-01T00:00:00Z", n)
        for n, (p, v) in enumerate([("2023", 3.0), ("2021", 1.0), ("2022", 2.0)], start=2)
    ]
    assert [o.value for o in in_force(rows)["fdi"]] == [1.0, 2.0, 3.0]
    assert [o.value for o in in_force(sorted(rows, key=lambda o: o.period.sort_key))["fdi"]] == [1.0, 2.0, 3.0]


def _plan() -> Plan:
    from conftest import ROOT
    from qntrack.files.definitions import load_plan

    return load_plan(ROOT / "targets.yaml", (ROOT / "targets.yaml").read_text(encoding="utf-8"))


def test_index_rule_is_the_old_one_on_drawn_series() -> None:
    plan = _plan()
    rates = sorted(growth_rate_ids(plan))
    assert "grdp_growth" in rates
    rng = random.Random(3131)
    said = 0
    values = [LOWEST, HIGHEST, 49.99, 250.01, 100.0, 108.5, 111.0, 95.2, 11.03, 8.5, 23.81, 0.0, -8.0, math.nan, 1e9]
    for seed in range(300):
        series: Series = {}
        for key in ("grdp_growth", "grdp_growth[locality=Hạ Long]", "fdi", rng.choice(rates)):
            periods = rng.sample(PERIODS, rng.randint(0, len(PERIODS)))
            series[key] = [
                Observation(key, parse_period(p), rng.choice(values), "official", "s", "", MOMENTS[0], n)
                for n, p in enumerate(periods, start=2)
            ]
        new, old = index_problems(plan, series, "o.csv"), old_index_problems(plan, series, "o.csv")
        assert new == old, seed
        said += bool(new)
        for value in values:
            refs = rng.sample(values, rng.randint(0, 2))
            assert index_intended(value, refs) == old_index_intended(value, refs) or (
                math.isnan(value) and index_intended(value, refs) is None
            ), (value, refs)
    assert said > 50


def test_an_index_beside_growth_rates_is_still_said() -> None:
    # 111 between 11.1 and 10.5: 10 times its neighbour, and 11 is in line with it.
    plan = _plan()
    rows = [
        Observation("grdp_growth", parse_period(p), v, "official", "s", "", MOMENTS[0], n)
        for n, (p, v) in enumerate([("2018", 11.1), ("2019", 111.0), ("2020", 10.5)], start=2)
    ]
    (problem,) = index_problems(plan, {"grdp_growth": rows}, "o.csv")
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


def test_text_rules_are_the_old_ones_with_texts_gathered_once_or_more() -> None:
    rng = random.Random(313)
    texts = ["", "https://example.org", "S? K? ho?ch", "Cá»¥c Thá»‘ng kÃª", "Niên giám\u200b 2024", "a\u202eb", "Cục"]
    for seed in range(200):
        rows = [
            Observation("fdi", parse_period("2020"), 1.0, "", rng.choice(texts), rng.choice(texts), MOMENTS[0], n)
            for n in range(2, 2 + rng.randint(0, 8))
        ]
        gathered = row_texts(rows)
        assert gathered == {o.source for o in rows} | {o.note for o in rows}
        more = gathered | set(rng.sample(texts, 3))  # the reader's distinct texts may hold more
        for new, old in (
            (lost_letter_problems, old_lost_letter_problems),
            (invisible_problems, old_invisible_problems),
        ):
            expected = old(rows, "o.csv")
            assert new(rows, "o.csv") == new(rows, "o.csv", gathered) == new(rows, "o.csv", more) == expected, seed


def test_fraction_rule_is_the_old_one_on_drawn_series() -> None:
    plan = _plan()
    percents = sorted(percent_units(plan))
    assert "cbct_share" in percents
    rng = random.Random(3113)
    said = 0
    values = [0.25, 0.113, -0.5, 0.0, 1.0, 0.999, 25.1, 24.3, 11.3, -12.0, math.nan, 1e-9]
    for seed in range(300):
        series: Series = {}
        for key in ("cbct_share", "fdi", rng.choice(percents)):
            periods = rng.sample(PERIODS, rng.randint(0, 4))
            series[key] = [
                Observation(key, parse_period(p), rng.choice(values), "official", "s", "", MOMENTS[0], n)
                for n, p in enumerate(periods, start=2)
            ]
        new, old = fraction_problems(plan, series, "o.csv"), old_fraction_problems(plan, series, "o.csv")
        assert new == old, seed
        said += bool(new)
    assert said > 30


def test_a_share_saved_as_a_fraction_is_still_said() -> None:
    # 0.113 between 11.5 (2022) and 12.3 (2024): 11.3 % saved as a fraction.
    plan = _plan()
    rows = [
        Observation("cbct_share", parse_period(p), v, "official", "s", "", MOMENTS[0], n)
        for n, (p, v) in enumerate([("2024", 12.3), ("2022", 11.5), ("2023", 0.113)], start=2)
    ]
    (problem,) = fraction_problems(plan, {"cbct_share": rows}, "o.csv")
    assert problem.location == Location("o.csv", 4)
    assert "0.113" in str(problem.message) and "11.3" in str(problem.message), str(problem.message)


def test_canonical_rows_are_the_old_ones_with_the_readers_keys() -> None:
    plan = _plan()
    keys = ["fdi", "budget_revenue[locality=Hạ Long]", "budget_revenue[locality = hạ long]", "budget_revenue[x"]
    rng = random.Random(1331)
    for seed in range(200):
        rows = tuple(
            Observation(rng.choice(keys), parse_period("2020"), 1.0, "", "s", "", MOMENTS[0], n)
            for n in range(2, 2 + rng.randint(0, 5))
        )
        held = {o.indicator for o in rows}
        more = held | set(rng.sample(keys, 2))  # the reader's keys may hold a refused row's
        old = old_canonical_rows(plan, rows)
        for given in (None, held, more):
            new = canonical_rows(plan, rows, None, given)
            assert new == old and (new is rows) == (old is rows), (seed, given)


# ---------------------------------------------------------------------------------------
# End to end: check through the old functions and through the new, byte for byte.
# ---------------------------------------------------------------------------------------


def _old_code(stack: contextlib.ExitStack) -> list[mock.MagicMock]:
    """The six functions as they were, where check looks them up; each a mock that
    calls the old one, so that the test knows each was used."""
    return [
        stack.enter_context(mock.patch.object(module, name, wraps=old))
        for module, name, old in (
            (series_module, "in_force", old_in_force),
            (checks_index, "index_problems", old_index_problems),
            (checks_fraction, "fraction_problems", old_fraction_problems),
            (
                workspace,
                "canonical_rows",
                lambda plan, rows, canonical=None, keys=None: old_canonical_rows(plan, rows, canonical),
            ),
            (checks_text, "lost_letter_problems", lambda rows, file, texts=None: old_lost_letter_problems(rows, file)),
            (checks_text, "invisible_problems", lambda rows, file, texts=None: old_invisible_problems(rows, file)),
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


T = "2021-01-15T00:00:00Z"
ROWS = [
    # grdp_growth, a quarterly growth rate: 111 between 10.2 and 10.8 reads as an index.
    f"grdp_growth,2010-Q1,10.2,official,https://example.org/a,,{T}",
    f"grdp_growth,2010-Q3,10.8,official,https://example.org/a,,{T}",
    f"grdp_growth,2010-Q2,111,official,https://example.org/a,,{T}",  # out of period order
    # Three vintages of one period, two in the same second (the later line in force), a
    # jump, a retraction of another period, an official figure replaced by an estimate.
    "grdp_vnd,2012,100000,estimate,https://example.org/b,,2013-01-10T00:00:00Z",
    "grdp_vnd,2012,1000000,official,https://example.org/b,,2013-06-10T00:00:00Z",
    "grdp_vnd,2012,1000001,estimate,https://example.org/b,,2013-06-10T00:00:00Z",
    "grdp_vnd,2011,90000,official,https://example.org/b,,2012-06-10T00:00:00Z",
    "grdp_vnd,2011,,retracted,https://example.org/b,wrong year,2012-07-10T00:00:00Z",
    "grdp_vnd,2011,90000,official,https://example.org/b,,2012-06-10T00:00:00Z",  # kept twice
    "grdp_vnd,2010-Q1,5,estimate,https://example.org/b,,2011-01-10T00:00:00Z",  # finer than a year
    # Sources and notes a program garbled, or holding a character no one sees.
    f"fdi,2009,1.5,official,S? K? ho?ch v? ??u t?,,{T}",
    f"fdi,2008,1.5,official,Cá»¥c Thá»‘ng kÃª,,{T}",
    f"fdi,2007,1.5,official,Niên giám\u200b 2024,,{T}",
    f"fdi,2006,1.5,official,=SUM(A1:A3),,{T}",
    # An indicator the plan lacks, a unit it does not declare, a figure from the future.
    f"grdp_grwth,2020,5,official,https://example.org/c,,{T}",
    f"budget_revenue[locality=Nowhere],2020,5,official,https://example.org/c,,{T}",
    "fdi,2030,1.5,official,https://example.org/c,,2021-01-01T00:00:00Z",
    # A share of 11.3 % saved as 0.113, between 11.5 (2022) and 12.3 (2023-Q1).
    f"cbct_share,2022-Q4,0.113,official,https://example.org/d,,{T}",
    f"cbct_share,2023-Q1,12.3,official,https://example.org/d,,{T}",
]
# A unit's key typed by hand otherwise than the plan names it: check reads the rows with
# their keys renamed, and finds the revised rows by a pass of its own.
TYPED = f"budget_revenue[locality = hạ long],2019,5,official,https://example.org/e,,{T}"


@pytest.mark.parametrize(
    "args",
    [(), ("--all",), ("--format", "json"), ("--all", "--format", "json"), ("--as-of", "2013-03-01"), ("--lang", "vi")],
    ids=["default", "all", "json", "all-json", "as-of", "vi"],
)
@pytest.mark.parametrize("typed", [False, True], ids=["as-written", "key-typed"])
def test_check_says_what_it_said(shipped: Path, args: tuple[str, ...], typed: bool) -> None:
    with Path("observations.csv").open("a", encoding="utf-8") as f:
        f.write("".join(row + "\n" for row in ROWS + [TYPED] * typed))
    code, stdout, stderr = _both(*args)
    assert code == 1  # errors: the unknown indicator, the undeclared unit, the future
    said = stdout + stderr
    if args == ("--format", "json"):
        found = {(p["line"], p["check"]) for p in json.loads(stdout)["problems"]}
        first = 84  # the shipped store's 83 lines, then ROWS
        for line, check in [
            (first + 2, "jump"),  # the index
            (first + 10, "lost-letters"),
            (first + 11, "lost-letters"),
            (first + 12, "invisible"),
            (first + 14, "unknown-indicator"),
            (first + 15, "unit"),
            (first + 16, "timing"),
            (first + 17, "jump"),  # the fraction
        ]:
            assert (line, check) in found, (line, check, sorted(found))
    if not args:
        assert "observations.csv:86: warning: grdp_growth 2010-Q2: 111" in said, said
