"""Figures in force that `qntrack check` calls errors are never used in silence (issue 12).

A hand-edited row recorded "in 2206" stays in force for ever; status, show, the report and
observations must say so on stderr (exit code unchanged), by file and line, whether the
status cache serves the command or not.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st


from helpers import run as _run
from qntrack.files.checks_rows import timing_suspects
from qntrack.files.definitions import parse_plan
from qntrack.files.store import Distinct
from qntrack.plan.model import Observation
from qntrack.plan.periods import parse_period

FUTURE = "share,2024,13.1,official,typo,,2206-01-10T00:00:00Z\n"
WARNING = (
    "observations.csv:8: warning: in force, though `qntrack check` calls it an error: share 2024: recorded_at 2206"
)


def _append(folder: Path, text: str) -> None:
    with open(folder / "observations.csv", "a", encoding="utf-8") as fh:
        fh.write(text)


@pytest.mark.parametrize("cache", ["1", ""])
def test_status_warns_of_a_future_row_in_force(tracker: Path, monkeypatch: pytest.MonkeyPatch, cache: str):
    monkeypatch.setenv("QNTRACK_NO_CACHE", cache)
    clean = _run("status", "-f", "json")  # with the cache on: writes it, then the append is warm
    assert clean.exit_code == 0 and "warning" not in clean.stderr
    _append(tracker, FUTURE)
    for _ in range(2):  # the second run would be the cache's warm one
        r = _run("status", "-f", "json")
        assert r.exit_code == 0, r.output
        assert WARNING in r.stderr
        assert json.loads(r.stdout)["targets"][0]["latest"]["value"] == 13.1  # still used: said, not hidden


@pytest.mark.parametrize(
    "args", [("show", "share"), ("report", "--format", "markdown"), ("observations", "--indicator", "share")]
)
def test_show_report_and_observations_warn_too(tracker: Path, args: tuple[str, ...]):
    _append(tracker, FUTURE)
    r = _run(*args)
    assert r.exit_code == 0, r.output
    assert WARNING in r.stderr


def test_vietnamese_warning(tracker: Path):
    _append(tracker, FUTURE)
    r = _run("status", "-f", "json", "--lang", "vi")
    assert "observations.csv:8: cảnh báo: đang được dùng dù `qntrack check` coi là lỗi" in r.stderr


def test_a_row_no_longer_in_force_is_not_warned_of(tracker: Path):
    """2024-Q2 recorded on 2024-03-01 (before the quarter began: an error for check), then
    revised on 2024-07-10: the revision is in force, the bad row is history."""
    _append(
        tracker,
        "share,2024-Q2,13.0,estimate,early,,2024-03-01T00:00:00Z\n"
        "share,2024-Q2,13.2,official,ok,,2024-07-10T00:00:00Z\n",
    )
    assert "begins" in _run("check").stdout + _run("check").stderr
    r = _run("status", "-f", "json")
    assert r.exit_code == 0 and "warning" not in r.stderr


def test_rows_of_other_indicators_are_not_warned_of_for_one_target(tracker: Path):
    _append(tracker, FUTURE)
    assert "warning" not in _run("show", "mining").stderr


def test_many_are_counted_after_the_first_three(tracker: Path):
    _append(
        tracker,
        "".join(f"share,{y},13.1,official,typo,,2206-01-10T00:00:00Z\n" for y in (2024, 2025, 2026, 2027, 2028)),
    )
    r = _run("status", "-f", "json")
    lines = [line for line in r.stderr.splitlines() if ": warning: " in line]
    assert len(lines) == 4
    assert lines[-1] == (
        "observations.csv: warning: 2 more figure(s) in force that `qntrack check` calls errors; "
        "run `qntrack check` to see them"
    )


@pytest.mark.parametrize("cache", ["1", ""])
def test_a_formula_like_source_in_force_is_warned_of_through_the_cache(
    tracker: Path, monkeypatch: pytest.MonkeyPatch, cache: str
):
    # In the store before the cache is first made: the cold run's one pass over the rows
    # in force (checks_rows.timing_suspects, issue 17) must find it, or the cache would
    # serve a status without the warning the plain path gives.
    monkeypatch.setenv("QNTRACK_NO_CACHE", cache)
    _append(tracker, 'share,2024,13.1,official,"=HYPERLINK(""http://x"")",,2025-01-10T00:00:00Z\n')
    plain = _run("status", "-f", "json", env={"QNTRACK_NO_CACHE": "1"})
    assert "warning: in force, though `qntrack check` calls it an error" in plain.stderr
    for _ in range(2):  # cold, then (with the cache on) from the cache file
        r = _run("status", "-f", "json")
        assert (r.exit_code, r.stdout, r.stderr) == (plain.exit_code, plain.stdout, plain.stderr)


# --- the rules judged on the store's distinct values first (store.Distinct) ------------------


PLAN = parse_plan(
    "version: 1\nindicators:\n"
    "  share: {name: Share, unit: '%', measure: level, frequency: year}\n"
    "  growth: {name: Growth, unit: '%', measure: rate, frequency: quarter}\n"
    "targets: []\n"
)
_suspect_rows = st.builds(
    Observation,
    indicator=st.sampled_from(["share", "growth"]),
    period=st.sampled_from(["2023", "2024", "2024-Q2", "2024-05", "2207"]).map(parse_period),
    value=st.just(1.0),
    status=st.sampled_from(["estimate", "official"]),
    source=st.sampled_from(["GSO", "=SUM(A1)", ""]),
    note=st.sampled_from(["", "+1 revised"]),
    recorded_at=st.sampled_from(["2025-01-10T00:00:00Z", "2024-03-01T00:00:00Z", "2206-01-10T00:00:00Z"]),
    line=st.integers(2, 40),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_suspect_rows, max_size=25), st.lists(_suspect_rows, max_size=5))
def test_the_suspects_are_the_same_with_the_stores_distinct_values(rows, others):
    # The distinct values of a store holding these rows and perhaps others (never fewer):
    # the same rows are suspects as when the rules read the rows alone.
    every = rows + others
    distinct = Distinct(
        frozenset(o.indicator for o in every),
        frozenset(o.period.sort_key for o in every),
        frozenset({o.source for o in every} | {o.note for o in every}),
    )
    now = "2026-12-01T00:00:00Z"
    alone = timing_suspects(rows, now, PLAN.indicators)
    assert timing_suspects(rows, now, PLAN.indicators, distinct) == alone
