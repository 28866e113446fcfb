"""Figures in force that `qntrack check` calls errors are never used in silence (issue 12).

A hand-edited row recorded "in 2206" stays in force for ever; status, show, the report and
observations must say so on stderr (exit code unchanged), by file and line, whether the
status cache serves the command or not.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import run as _run

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
