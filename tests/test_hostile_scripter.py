"""A scripter's hostile pass (issue 17, thirteenth session): what a shell pipeline, a CI
gate or a notebook does to qntrack that the other hostile files do not: ``-o`` naming a
descriptor (``/dev/stderr``, ``/dev/fd/N``) that is a pipe, and the library called from
Python with what a caller might pass.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers import run, run_clean


@pytest.mark.parametrize(
    "command",
    [["report", "--format", "markdown", "-o"], ["report", "--format", "json", "-o"], ["export", "sdmx-csv", "-o"]],
)
def test_an_output_named_by_a_descriptor_that_is_a_pipe_is_refused_as_a_pipe(tracker: Path, command: list[str]):
    """``-o /dev/fd/1`` (or ``/dev/stderr``) in ``... | cat``: the link resolves to
    ``/proc/PID/fd/pipe:[N]``, a name that is no path. It was taken for a missing file in
    a folder that exists, so the write failed with "No such file or directory ... create
    the folder first" (exit 1; for Markdown, naming ``pipe:[N]-charts``). It is a pipe:
    refused as a FIFO is, exit 2, nothing written."""
    read, write = os.pipe()
    try:
        name = f"/dev/fd/{write}"
        r = run_clean(*command, name)
    finally:
        os.close(read)
        os.close(write)
    assert r.exit_code == 2, r.output
    assert "is not a regular file (a FIFO, device or socket)" in r.stderr
    assert r.stderr.startswith(f"{name}: error:"), r.stderr
    assert "pipe:[" not in r.stderr
    assert "No such file" not in r.stderr
    assert sorted(p.name for p in tracker.iterdir()) == ["observations.csv", "targets.yaml"]


@pytest.mark.parametrize(
    "day", ["2023-6-28", "20230628", "2023-06-28T00:00:00Z", "2023", "yesterday", "2023-13-01", ""]
)
def test_a_day_the_library_is_given_is_read_as_the_command_line_reads_it(tracker: Path, day: str):
    """``open_workspace(..., as_of=...)`` and ``reference_day`` are the library's way in
    (docs/architecture.md). A day in another spelling was compared as text with each
    figure's recorded_at, so ``"2023-6-28"`` kept figures recorded in December 2023 (a
    wrong status, in silence), and ``reference_day("yesterday")`` raised a bare
    ValueError. Both raise the documented InputError, with what --as-of says."""
    from qntrack.errors import InputError
    from qntrack.files.workspace import open_workspace, reference_day

    for call in (lambda: open_workspace("targets.yaml", as_of=day), lambda: reference_day(day)):
        # "" was read as no day given, today (thirty-fifth session: refused, as `--as-of ""`
        # is and as "  " was; a notebook's empty cell judged the plan by the clock in silence).
        with pytest.raises(InputError) as caught:
            call()
        # A day written YYYY-MM-DD that is no day of the calendar says why (sixteenth session).
        said = (
            "is no day of the calendar: there is no month 13"
            if day == "2023-13-01"
            # A year is a period: its last day is offered (nineteenth session, test_journalist.py).
            else "is a period (2023), not a day; write YYYY-MM-DD, e.g. 2023-12-31 (its last day)"
            if day == "2023"
            # The ISO order with a digit short is told its day (thirty-second session).
            else "is not a date; a day is written YYYY-MM-DD, two digits for the month and the day: write 2023-06-28"
            if day == "2023-6-28"
            # The basic form is told its day too (thirty-third session, pass L).
            else "is not a date; a day is written YYYY-MM-DD, with hyphens: write 2023-06-28"
            if day == "20230628"
            else "is not a date; write YYYY-MM-DD, e.g. 2023-06-28"
        )
        assert f"'{day}' {said}" in str(caught.value)
        assert str(caught.value).startswith("as_of: error:"), str(caught.value)


def test_a_day_the_library_is_given_as_a_date_is_that_day(tracker: Path):
    """A notebook holds days as ``datetime.date``: taken as that day, not a TypeError."""
    from datetime import date

    from qntrack.files.workspace import open_workspace, reference_day

    given = open_workspace("targets.yaml", as_of=date(2023, 6, 28))  # type: ignore[arg-type]
    spelt = open_workspace("targets.yaml", as_of="2023-06-28")
    assert given.series == spelt.series
    assert reference_day(date(2023, 6, 28)) == date(2023, 6, 28)  # type: ignore[arg-type]


@pytest.mark.parametrize("cache", ["cold", "warm"])
@pytest.mark.parametrize(
    "command",
    [
        "status --fail-on moderate_progress --format json",
        "status --fail-on moderate_progress --format csv",
        "status --fail-on moderate_progress --format table",
        "status share mining --fail-on moderate_progress --format tsv",
        "status --fail-on moderate_progress --as-of 2025-01-01",
    ],
)
def test_a_gate_that_tripped_still_exits_3_when_the_reader_went_away(tracker: Path, command: str, cache: str):
    """``qntrack status --fail-on X | head -1`` in a CI job (bash -o pipefail): a closed
    pipe is not an error (exit 0), but a tripped gate is still a tripped gate. It exited 0
    whenever the reader had gone before the last write (``| true``; ``| head`` on a large
    plan, on the cold path and not the warm one), and the gate was silently off."""
    import subprocess

    from test_pipe import sh

    if cache == "warm":
        assert sh(f"qntrack {command} >/dev/null", tracker).returncode == 3
    prefix = "QNTRACK_NO_CACHE=1 " if cache == "cold" else ""
    r = sh(f"{prefix}qntrack {command} | true", tracker)
    assert r.returncode == 3, (r.returncode, r.stderr)
    assert r.stderr == "--fail-on moderate_progress: share\n", r.stderr
    assert isinstance(r, subprocess.CompletedProcess)


def test_a_gate_that_did_not_trip_still_exits_0_when_the_reader_went_away(tracker: Path):
    from test_pipe import sh

    r = sh("qntrack status --fail-on not_achieved --format json | true", tracker)
    assert (r.returncode, r.stderr) == (0, "")


def test_a_failed_check_still_exits_1_when_the_reader_went_away(tracker: Path):
    """``qntrack check --format json | jq ...`` where jq stops early: the store's bad row
    is still a failed check (exit 1), not the 0 of a closed pipe."""
    from test_pipe import sh

    with open("observations.csv", "a", encoding="utf-8") as store:
        store.write("share,2025,abc,official,,,2026-01-01T00:00:00Z\n")
    r = sh("qntrack check --format json | true", tracker)
    assert r.returncode == 1, (r.returncode, r.stderr)
    r = sh("qntrack check --format json | python3 -c 'import json,sys; json.load(sys.stdin)'", tracker)
    assert r.returncode == 1, (r.returncode, r.stderr)


@pytest.mark.parametrize(
    "args, option",
    [
        (["-t", "", "status"], "--targets"),
        (["status", "--targets", ""], "--targets"),
        (["add-observation", "--targets", "", "share", "2024", "13"], "--targets"),
        (["add-observation", "--from", "", "--dry-run"], "--from"),
        (["import", "opensdg", "", "--into", "new-plan"], "REPO_DIR"),
    ],
)
def test_an_empty_path_from_an_unset_variable_is_refused_by_name(tracker: Path, args: list[str], option: str):
    """``qntrack -t "$PLAN" status --fail-on ...`` with PLAN unset gated the plan of the
    current folder instead, in silence; ``--from "$FILE"`` said ": error: is a directory";
    ``import opensdg ""`` read the current folder. (``init ""`` is left as ``init``: the
    default is this folder, and init never overwrites.) An empty name is a
    usage error naming the option, as ``-o ""`` and ``--into ""`` already were, and
    nothing is read or written."""
    before = sorted(p.name for p in tracker.iterdir())
    r = run_clean(*args)
    assert r.exit_code == 2, (r.exit_code, r.output)
    assert r.stderr.startswith(f"{option}: error: "), r.stderr
    assert "empty" in r.stderr
    assert r.stdout == ""
    assert sorted(p.name for p in tracker.iterdir()) == before


def test_an_empty_qntrack_targets_is_still_no_choice(tracker: Path):
    """QNTRACK_TARGETS set to "" is unset, as for any environment variable (Click's rule):
    the plan here is used. Only an empty --targets on the command line is refused."""
    r = run_clean("status", "--format", "csv", env={"QNTRACK_TARGETS": ""})
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("id,type,indicator")


@pytest.mark.parametrize("typed", ["1,234", "85.000", "-12.345"])
def test_what_an_ambiguous_figure_is_told_to_write_reads_without_asking_again(tracker: Path, typed: str):
    """'1,234' was told "write 1234 or 1.234": but 1.234 has the same two readings and was
    refused in turn (and in Vietnamese, where 1.234 is 1234, the advice named one number
    twice). Every spelling the message offers is taken as it stands."""
    import re

    r = run_clean("add-observation", "share", "2024", typed, "--dry-run")
    assert r.exit_code == 1 and "is ambiguous" in r.stderr, r.stderr
    offered = re.search(r"; write (.+?), or say how figures are written", r.stderr)
    assert offered is not None, r.stderr
    spellings = re.findall(r"-?[\d.,]+", offered.group(1))
    assert spellings, r.stderr
    for spelling in spellings:
        again = run_clean("add-observation", "share", "2024", spelling, "--dry-run")
        assert again.exit_code == 0, (spelling, again.stderr)


@pytest.mark.parametrize(
    ("args", "starts"),
    [
        (["status", "--format", "JSON"], "{"),
        (["status", "-f", "Csv"], "id,type,"),
        (["check", "--format", "JSON"], "{"),
        (["report", "-f", "MARKDOWN"], "# "),
    ],
)
def test_a_format_is_read_in_any_case_as_the_language_is(shipped: Path, args: list[str], starts: str):
    # `--lang VI` was read as vi while `--format JSON` was a usage error (exit 2).
    r = run(*args)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith(starts)


@pytest.mark.parametrize("raw", ["inf", "-1", "nan"])
def test_a_lock_timeout_that_is_no_finite_number_of_seconds_says_so(tracker: Path, raw: str):
    # 'inf' was told it "must be 0 or more seconds", which it is.
    r = run("add-observation", "share", "2024", "10", "--status", "official", env={"QNTRACK_LOCK_TIMEOUT": raw})
    assert r.exit_code == 2
    assert f"QNTRACK_LOCK_TIMEOUT: error: '{raw}' must be a finite number of seconds, 0 or more, e.g. 30" in r.stderr


def test_an_exchange_format_is_read_in_any_case_too(shipped: Path, tmp_path: Path):
    # --format took any case; `export SDMX-CSV` and `import OPENSDG` did not (the review pass).
    r = run("export", "SDMX-CSV")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith("STRUCTURE,STRUCTURE_ID")
    r = run("import", "OpenSDG", str(tmp_path / "absent"), "--into", str(tmp_path / "t"))
    assert r.exit_code != 2 or "Invalid value" not in r.stderr, r.stderr


def test_a_plan_read_through_dev_stdin_has_its_store_beside_the_plan(tracker: Path):
    # `-t /dev/stdin < targets.yaml` took /dev as the plan's folder: the figure went to a
    # new /dev/observations.csv (as root), not to the tracker's store.
    import subprocess
    import sys

    before = (tracker / "observations.csv").read_text(encoding="utf-8")
    with open(tracker / "targets.yaml", "rb") as plan_file:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "qntrack",
                "-t",
                "/dev/stdin",
                "add-observation",
                "share",
                "2024",
                "10.5",
                "-s",
                "official",
            ],
            stdin=plan_file,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode == 0, done.stderr
    after = (tracker / "observations.csv").read_text(encoding="utf-8")
    assert after.startswith(before) and after[len(before) :].startswith("share,2024,10.5,official,")
    assert not Path("/dev/observations.csv").exists()


def test_the_library_refuses_a_target_id_the_plan_lacks(tracker: Path):
    # kinds.assess(plan, series, ["nope"]) returned [] in silence: a mistyped id in a
    # notebook gave an empty table (the scripting pass).
    from qntrack.files.workspace import open_workspace
    from qntrack.kinds import assess

    ws = open_workspace(None)
    with pytest.raises(ValueError, match="nope"):
        assess(ws.plan, ws.series, ["share", "nope"])
    assert [a.target.id for a in assess(ws.plan, ws.series, ["share"])] == ["share"]


def test_a_folder_where_the_journal_goes_says_what_to_do(tracker: Path):
    # 'cannot read the append journal: Is a directory', with nothing to do about it.
    (tracker / "observations.csv.pending").mkdir()
    r = run("add-observation", "share", "2024", "10.5", "-s", "official")
    assert r.exit_code == 1
    assert "observations.csv.pending: error: a folder has the name of the append journal" in r.stderr
    assert "move it or rename it" in r.stderr


def test_a_loop_of_links_given_to_from_is_said_as_such(tracker: Path):
    # 'file not found', of a name that is there.
    os.symlink("loop-b", tracker / "loop-a")
    os.symlink("loop-a", tracker / "loop-b")
    r = run("add-observation", "--from", "loop-a")
    assert r.exit_code == 1
    assert "loop-a: error: cannot read the file: Too many levels of symbolic links" in r.stderr
