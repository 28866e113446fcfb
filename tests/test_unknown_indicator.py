"""Rows for an indicator that targets.yaml does not define are never dropped silently
(issue 12): one warning line on stderr, exit code unchanged, cold and cached alike."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import SMALL_OBSERVATIONS, SMALL_TARGETS, make_tracker
from helpers import run
from qntrack.cli import app

runner = CliRunner()

# Three rows of a misspelt 'share' (two vintages of 2021 and one of 2022) and one row of an
# indicator nothing is close to.
EXTRA = """\
shaer,2021,11.0,,s,,2022-01-10T00:00:00Z
shaer,2021,11.2,,s,,2022-02-10T00:00:00Z
shaer,2022,11.4,,s,,2023-01-10T00:00:00Z
zzz_other,2022,1,,s,,2023-01-10T00:00:00Z
"""

SHAER = (
    "observations.csv: warning: 3 row(s) for indicator 'shaer', which targets.yaml does not define "
    "(did you mean 'share'?); they are ignored"
    '; if it was renamed, `qntrack docs targets-format` ("Changing the plan") says how to carry its figures over\n'
)
OTHER = (
    "observations.csv: warning: 1 row(s) for indicator 'zzz_other', which targets.yaml does not define; they are ignored"
    '; if it was renamed, `qntrack docs targets-format` ("Changing the plan") says how to carry its figures over\n'
)
WARNINGS = SHAER + OTHER + "0 error(s), 2 warning(s)\n"


@pytest.fixture
def stray(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS + EXTRA)


@pytest.mark.parametrize("fmt", ["json", "csv", "tsv", "table"])
def test_status_warns_cold_and_cached(stray: Path, fmt: str):
    for _ in range(3):  # cold, cached, cached again
        r = run("status", "--format", fmt)
        assert r.exit_code == 0
        assert r.stderr == WARNINGS


def test_status_of_one_target_and_as_of_warn_too(stray: Path):
    assert run("status", "share", "--format", "json").stderr == WARNINGS
    # As of 2024-01-01, share's 2024-Q1 figure (recorded 2024-04-05) is a later entry, said
    # first (issue 17, twenty-fourth session); the warnings and their count after it.
    said = run("status", "--format", "json", "--as-of", "2024-01-01").stderr
    assert said.startswith("1 later entry of the figures judged") and "2024-04-05T00:00:00Z" in said, said
    assert said.endswith("\n" + WARNINGS), said


def test_the_warning_does_not_change_the_exit_code_of_the_gate(stray: Path):
    r = run("status", "--format", "json", "--fail-on", "deterioration")
    assert r.exit_code == 0 and r.stderr == WARNINGS


def test_an_append_of_stray_rows_is_counted_through_the_cache(stray: Path):
    assert run("status", "--format", "json").stderr == WARNINGS
    with open(stray / "observations.csv", "a", encoding="utf-8") as fh:
        fh.write("shaer,2023,12.0,,s,,2024-01-10T00:00:00Z\n")
    r = run("status", "--format", "json")
    assert r.stderr == SHAER.replace("3 row(s)", "4 row(s)") + OTHER + "0 error(s), 2 warning(s)\n"


@pytest.mark.parametrize(
    "args",
    [
        ("show", "share"),
        ("show", "share", "--format", "json"),
        ("observations",),
        ("observations", "-i", "share"),
        ("report",),
    ],
)
def test_show_observations_and_report_warn(stray: Path, args: tuple[str, ...]):
    r = run(*args)
    assert r.exit_code == 0
    assert r.stderr == WARNINGS


def test_no_warning_without_stray_rows(tracker: Path):
    for _ in range(2):
        assert run("status", "--format", "json").stderr == ""


def test_the_cache_counts_the_stray_rows_once(stray: Path):
    """cache._share, which works out what the cache keeps, counts the rows of indicators
    targets.yaml does not define once each, and works out only the plan's indicators."""
    from qntrack import cache
    from qntrack.files.definitions import load_plan
    from qntrack.files.store import read_store

    plan = load_plan(stray / "targets.yaml")
    rows = read_store(stray / "observations.csv").observations
    kept = cache._share(plan, rows, False)
    assert kept["unknown"] == {"shaer": 3, "zzz_other": 1}
    assert set(kept["entries"]) == {"share", "mining"}
    assert set(kept["indicators"]) == set(plan.indicators)


@pytest.mark.parametrize("period", [["2099"], ["2024", "--recorded-at", "2024-05-01T00:00:00Z"]], ids=" ".join)
def test_an_unknown_indicator_is_the_one_error_not_followed_by_a_timing_rule(tracker: Path, period: list[str]):
    """The timing rules need the indicator; for an unknown one they would only add noise
    (a period not begun, or not ended without status estimate)."""
    r = runner.invoke(app, ["add-observation", "nosuch", period[0], "5", *period[1:]])
    assert r.exit_code == 1
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "unknown indicator 'nosuch'" in lines[0], r.stderr
    assert (tracker / "observations.csv").read_text(encoding="utf-8") == SMALL_OBSERVATIONS


@pytest.mark.parametrize("typed", ["share ", " share", "Share", "shaer"])
def test_check_suggests_the_indicator_a_hand_edited_row_meant(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: str
):
    # status's warning suggested 'share' for these; check, which names the line to mend,
    # said only "unknown indicator" (the hostile province pass: a trailing space typed in Excel).
    row = f'"{typed}",2021,11.0,,s,,2022-01-10T00:00:00Z\n'
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS + row)
    r = run("check")
    assert r.exit_code == 1
    assert f"unknown indicator '{typed}' (not in targets.yaml); did you mean 'share'?" in r.stderr, r.stderr
    vi = run("--lang", "vi", "check")
    assert "share" in vi.stderr.split(typed, 1)[1], vi.stderr


def test_check_suggests_nothing_when_nothing_is_close(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS + EXTRA)
    r = run("check")
    assert (
        "unknown indicator 'zzz_other' (not in targets.yaml); if it was renamed, `qntrack docs targets-format` (\"Changing the plan\") says how to carry its figures over\n"
        in r.stderr
    ), r.stderr


def test_a_misspelt_indicator_with_its_unit_in_brackets_gets_the_suggestion_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # A hand-typed unit row: the suggestion is for the indicator before the brackets, as
    # add-observation makes it of the same text typed at the prompt.
    make_tracker(
        tmp_path,
        monkeypatch,
        SMALL_TARGETS,
        SMALL_OBSERVATIONS + "shaer[locality=Ha Long],2022,11.4,,s,,2023-01-10T00:00:00Z\n",
    )
    warned = run("status", "--format", "json").stderr
    assert "'shaer[locality=Ha Long]', which targets.yaml does not define (did you mean 'share'?)" in warned
    checked = run("check").stderr
    assert "unknown indicator 'shaer[locality=Ha Long]' (not in targets.yaml); did you mean 'share'?" in checked
