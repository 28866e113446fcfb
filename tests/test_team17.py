"""A team of three officers sharing one tracker (issue 17, seventeenth session).

The folder is used on a network drive, as a git repository each officer clones and
pushes to, and through a cloud-drive client. Each test is a situation such a team meets;
expected lines, texts and figures are worked out by hand from the files the test writes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import STORE_HEADER
from helpers import run_clean, store_bytes

# Two officers' appends to the small tracker's store (conftest.SMALL_OBSERVATIONS, a
# header and 6 rows: lines 1-7), left by `git merge` with its markers.
OURS = "share,2024-Q2,13.1,estimate,officer-a,,2024-07-05T00:00:00Z\n"
THEIRS = "mining,2021,16.9,estimate,officer-b,,2022-01-05T00:00:00Z\n"
CONFLICT = f"<<<<<<< HEAD\n{OURS}=======\n{THEIRS}>>>>>>> 3180059f19e1fbd3bceb4045e23bdcd31a09d772\n"


def _merge_left_markers(folder: Path) -> bytes:
    with open(folder / "observations.csv", "a", encoding="utf-8") as fh:
        fh.write(CONFLICT)
    return store_bytes(folder)


@pytest.mark.parametrize(
    "args",
    [
        ("status",),
        ("status", "--format", "json"),
        ("observations",),
        ("show", "share"),
        ("history", "share"),
        ("check",),
        ("report", "--format", "markdown"),
        ("export", "sdmx-csv"),
    ],
)
def test_a_reader_names_the_merge_marker_in_the_store(tracker: Path, args: tuple[str, ...]) -> None:
    _merge_left_markers(tracker)
    r = run_clean(*args)
    assert r.exit_code == 1
    # The store's 7 lines, then the marker: line 8. One message, not one per marker line.
    lines = [line for line in r.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith("observations.csv:8: error:")
    assert "merge" in lines[0] and "<<<<<<<" in lines[0]


@pytest.mark.parametrize(
    "args",
    [
        ("add-observation", "share", "2024-Q3", "13.4", "--status", "estimate", "--recorded-at", "2024-10-05"),
        ("retract", "share", "2023", "--recorded-at", "2024-10-05"),
    ],
)
def test_a_writer_refuses_a_store_with_a_merge_marker_and_writes_nothing(tracker: Path, args: tuple[str, ...]) -> None:
    before = _merge_left_markers(tracker)
    r = run_clean(*args)
    assert r.exit_code == 1
    assert "observations.csv:8:" in r.stderr and "merge" in r.stderr
    assert store_bytes(tracker) == before


def test_an_import_refuses_a_store_with_a_merge_marker(tracker: Path) -> None:
    before = _merge_left_markers(tracker)
    (tracker / "new.csv").write_text(STORE_HEADER + "share,2024-Q3,13.4,estimate,x,,2024-10-05T00:00:00Z\n")
    r = run_clean("add-observation", "--from", "new.csv")
    assert r.exit_code == 1
    assert "observations.csv:8:" in r.stderr
    assert store_bytes(tracker) == before


def test_a_merge_marker_in_the_middle_is_found_at_its_line(tracker: Path) -> None:
    text = (tracker / "observations.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    # Header and two rows (lines 1-3), then the conflict: its first marker is line 4.
    (tracker / "observations.csv").write_text("".join(text[:3]) + CONFLICT + "".join(text[3:]), encoding="utf-8")
    r = run_clean("status")
    assert r.exit_code == 1
    assert r.stderr.startswith("observations.csv:4: error:")


def test_a_merge_marker_with_crlf_line_ends_is_found(tracker: Path) -> None:
    # core.autocrlf=true: the merge's markers end with CRLF like every line.
    text = (tracker / "observations.csv").read_text(encoding="utf-8") + CONFLICT
    (tracker / "observations.csv").write_bytes(text.replace("\n", "\r\n").encode())
    r = run_clean("status")
    assert r.exit_code == 1
    assert r.stderr.startswith("observations.csv:8: error:") and "merge" in r.stderr


def test_the_vietnamese_message_says_to_finish_the_merge(tracker: Path) -> None:
    _merge_left_markers(tracker)
    r = run_clean("status", "--lang", "vi")
    assert r.exit_code == 1
    assert "observations.csv:8:" in r.stderr and "hợp nhất" in r.stderr


def test_a_targets_file_with_a_merge_marker_is_refused_at_the_marker(tracker: Path) -> None:
    text = (tracker / "targets.yaml").read_text(encoding="utf-8")
    # "version: 1" is line 1; the markers go around "title": the first is line 2.
    text = text.replace('title: "Test plan"\n', '<<<<<<< HEAD\ntitle: "Test plan"\n=======\ntitle: "Plan"\n>>>>>>> b\n')
    (tracker / "targets.yaml").write_text(text, encoding="utf-8")
    for args in (("status",), ("check",), ("targets",), ("add-observation", "share", "2024-Q3", "1", "-s", "estimate")):
        r = run_clean(*args)
        assert r.exit_code == 1, args
        lines = [line for line in r.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("targets.yaml:2: error:"), (args, r.stderr)
        assert "merge" in lines[0]


def test_a_row_whose_note_holds_equals_signs_is_no_marker(tracker: Path) -> None:
    # "=======" inside a quoted note, on a line of its own, is text, not a marker.
    with open(tracker / "observations.csv", "a", encoding="utf-8") as fh:
        fh.write('share,2024-Q2,13.1,estimate,a,"see\n=======\nbelow",2024-07-05T00:00:00Z\n')
    r = run_clean("observations")
    assert r.exit_code == 0, r.stderr
    assert "13.1" in r.stdout


# core.autocrlf=true on Windows: git writes every line of the store with CRLF ------------


def _crlf(folder: Path) -> None:
    path = folder / "observations.csv"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))


def test_an_append_to_a_crlf_store_ends_its_row_with_crlf(tracker: Path) -> None:
    _crlf(tracker)
    before = store_bytes(tracker)
    r = run_clean("add-observation", "share", "2024-Q2", "13.1", "-s", "estimate", "--recorded-at", "2024-07-05")
    assert r.exit_code == 0, r.stderr
    # A bare date is midnight UTC; the empty source and note stay empty.
    assert store_bytes(tracker) == before + b"share,2024-Q2,13.1,estimate,,,2024-07-05T00:00:00Z\r\n"
    assert run_clean("check").exit_code == 0


def test_a_retraction_and_an_import_into_a_crlf_store_end_with_crlf(tracker: Path) -> None:
    _crlf(tracker)
    before = store_bytes(tracker)
    (tracker / "new.csv").write_text(STORE_HEADER + "mining,2021,16.9,estimate,b,,2022-01-05T00:00:00Z\n")
    assert run_clean("add-observation", "--from", "new.csv").exit_code == 0
    assert run_clean("retract", "share", "2023", "--recorded-at", "2024-10-05").exit_code == 0
    added = store_bytes(tracker)[len(before) :]
    assert added == (
        b"mining,2021,16.9,estimate,b,,2022-01-05T00:00:00Z\r\nshare,2023,,retracted,,,2024-10-05T00:00:00Z\r\n"
    )


def test_a_new_store_and_a_plain_one_keep_lf(tracker: Path) -> None:
    before = store_bytes(tracker)
    assert (
        run_clean(
            "add-observation", "share", "2024-Q2", "13.1", "-s", "estimate", "--recorded-at", "2024-07-05"
        ).exit_code
        == 0
    )
    assert store_bytes(tracker) == before + b"share,2024-Q2,13.1,estimate,,,2024-07-05T00:00:00Z\n"


# The same figure added by both officers: a clean merge keeps both rows ----------------


def test_check_warns_of_a_row_recorded_twice_and_the_figure_counts_once(tracker: Path) -> None:
    # Officer A's row at line 8, a row of officer B's at line 9, A's row again at line 10
    # (git kept both copies: they were added at different places of the two clones).
    row = "share,2024-Q2,13.1,estimate,officer-a,,2024-07-05T00:00:00Z\n"
    with open(tracker / "observations.csv", "a", encoding="utf-8") as fh:
        fh.write(row + THEIRS + row)
    r = run_clean("check")
    assert r.exit_code == 0  # a warning alone
    lines = [line for line in r.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith("observations.csv:10: warning:") and "line 8" in lines[0]
    r = run_clean("check", "--format", "json")
    [problem] = __import__("json").loads(r.stdout)["problems"]
    assert (problem["line"], problem["check"], problem["severity"]) == (10, "repeated", "warning")
    # Counted once: the store's 2024-Q2 row is the one in force, shown once.
    r = run_clean("observations", "--format", "csv")
    assert r.stdout.count("2024-Q2") == 1


def test_a_revision_to_the_same_value_at_another_moment_is_no_repeat(tracker: Path) -> None:
    # The same value recorded again a day later (a confirmed estimate) is a vintage of its
    # own, as add-observation with a date accepts it: not reported.
    with open(tracker / "observations.csv", "a", encoding="utf-8") as fh:
        fh.write("share,2024-Q2,13.1,estimate,officer-a,,2024-07-05T00:00:00Z\n")
        fh.write("share,2024-Q2,13.1,estimate,officer-a,,2024-07-06T00:00:00Z\n")
    r = run_clean("check")
    assert (r.exit_code, r.stderr) == (0, "")


def test_check_list_names_the_team_checks(tracker: Path) -> None:
    r = run_clean("check", "--list")
    # Before control (eighteenth session), invisible (nineteenth), year-to-date (twentieth),
    # parts-sum and lost-letters (twenty-first), official-replaced (twenty-fourth).
    # And yearly-unjudged (thirtieth), unit-names (thirty-first), open-sdg-status (37th), unit-baseline (43rd).
    assert [line.split()[:3] for line in r.stdout.splitlines()[-12:-10]] == [
        ["repeated", "warning", "default"],
        ["merged-retraction", "warning", "default"],
    ]


# A tracker kept in a git repository: qntrack's cache is never committed -----------------


def test_the_cache_folder_keeps_itself_out_of_git(tracker: Path) -> None:
    import shutil
    import subprocess

    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    subprocess.run(["git", "init", "-q", str(tracker)], check=True)
    assert run_clean("status", "--format", "json").exit_code == 0
    assert (tracker / ".qntrack-cache").is_dir()
    # Signed with each officer's own secret and keyed by the absolute path, the cache is
    # of no use in another clone; `git add -A` committed it, binary files that conflict.
    assert (tracker / ".qntrack-cache" / ".gitignore").read_text(encoding="utf-8") == "*\n"
    listed = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"], cwd=tracker, capture_output=True, text=True
    ).stdout
    assert ".qntrack-cache" not in listed
    assert "observations.csv" in listed and "targets.yaml" in listed


# Names that differ only by case: one file on Windows and macOS, two on Linux ----------


def test_a_targets_file_named_in_other_case_is_named_not_passed_over(tracker: Path, monkeypatch) -> None:
    # The team's folder, synced from Windows where someone renamed it Targets.yaml, sits
    # inside another tracker: the parent's plan (and its store) was taken in silence.
    inner = tracker / "team"
    inner.mkdir()
    (inner / "Targets.yaml").write_text((tracker / "targets.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (inner / "observations.csv").write_text(STORE_HEADER, encoding="utf-8")
    monkeypatch.chdir(inner)
    before = store_bytes(tracker)
    for args in (("status",), ("add-observation", "share", "2024-Q2", "13.1", "-s", "estimate")):
        r = run_clean(*args)
        assert r.exit_code == 1, (args, r.stderr)
        assert r.stderr.startswith("targets.yaml: error:") and "Targets.yaml" in r.stderr
        assert "--targets" in r.stderr
    assert store_bytes(tracker) == before


def test_an_append_never_starts_a_second_store_beside_one_named_in_other_case(tracker: Path) -> None:
    (tracker / "observations.csv").rename(tracker / "Observations.csv")
    before = (tracker / "Observations.csv").read_bytes()
    r = run_clean("add-observation", "share", "2024-Q2", "13.1", "-s", "estimate", "--recorded-at", "2024-07-05")
    assert r.exit_code == 1
    assert "Observations.csv" in r.stderr and "nothing was added" in r.stderr
    assert not (tracker / "observations.csv").exists()
    assert (tracker / "Observations.csv").read_bytes() == before
    # The readers' warning names it too.
    r = run_clean("status")
    assert r.exit_code == 0 and "Observations.csv" in r.stderr


def test_an_import_file_left_mid_merge_is_refused_at_its_marker(tracker: Path) -> None:
    # A file to import, a header and one row (lines 1-2), then the conflict: line 3.
    (tracker / "merged.csv").write_text(
        STORE_HEADER + "share,2024-Q3,13.4,estimate,x,,2024-10-05T00:00:00Z\n" + CONFLICT, encoding="utf-8"
    )
    before = store_bytes(tracker)
    for extra in ((), ("--dry-run",)):
        r = run_clean("add-observation", "--from", "merged.csv", *extra)
        assert r.exit_code == 1
        lines = [line for line in r.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("merged.csv:3: error:") and "merge" in lines[0], r.stderr
    assert store_bytes(tracker) == before


# A revision by one officer, a retraction of the same figure by the other ---------------


def test_check_warns_when_a_retraction_withdraws_a_revision_it_never_saw(tracker: Path) -> None:
    # share 2023 = 12.3 (line 4, recorded 2023-10-15). Officer B retracted it in B's clone
    # on 2024-02-02; officer A revised it to 12.6 in A's on 2024-02-01. The merge put B's
    # line first (line 8), A's after it (line 9). By recorded_at, the retraction (later)
    # withdraws A's 12.6, which was not in the file when B retracted: said at line 8.
    with open(tracker / "observations.csv", "a", encoding="utf-8") as fh:
        fh.write("share,2023,,retracted,officer-b,typo,2024-02-02T00:00:00Z\n")
        fh.write("share,2023,12.6,preliminary,officer-a,,2024-02-01T00:00:00Z\n")
    r = run_clean("check")
    assert r.exit_code == 0
    lines = [line for line in r.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith("observations.csv:8: warning:")
    assert "line 9" in lines[0] and "12.6" in lines[0] and "add-observation share 2023 12.6" in lines[0]
    problems = __import__("json").loads(run_clean("check", "--format", "json").stdout)["problems"]
    assert [(p["line"], p["check"]) for p in problems] == [(8, "merged-retraction")]


def test_a_retraction_of_the_figure_it_saw_is_not_reported(tracker: Path) -> None:
    # The same two rows in the order one clone appends them: the revision (line 8), then
    # its retraction (line 9), which withdrew what its author saw.
    with open(tracker / "observations.csv", "a", encoding="utf-8") as fh:
        fh.write("share,2023,12.6,preliminary,officer-a,,2024-02-01T00:00:00Z\n")
        fh.write("share,2023,,retracted,officer-b,typo,2024-02-02T00:00:00Z\n")
    r = run_clean("check")
    assert (r.exit_code, r.stderr) == (0, "")


def test_the_command_the_warning_gives_puts_the_revision_back_and_settles_it(tracker: Path) -> None:
    with open(tracker / "observations.csv", "a", encoding="utf-8") as fh:
        fh.write("share,2023,,retracted,officer-b,typo,2024-02-02T00:00:00Z\n")
        fh.write("share,2023,12.6,preliminary,officer-a,,2024-02-01T00:00:00Z\n")
    # One second after the retraction's moment: 2024-02-02T00:00:01Z.
    command = "add-observation share 2023 12.6 --status preliminary --recorded-at 2024-02-02T00:00:01Z"
    assert command in run_clean("check").stderr
    assert run_clean(*command.split()).exit_code == 0
    r = run_clean("check")
    assert (r.exit_code, r.stderr) == (0, "")
    rows = run_clean("observations", "--format", "csv").stdout.splitlines()
    assert [row.split(",")[:3] for row in rows if row.startswith("share,2023,")] == [["share", "2023", "12.6"]]
