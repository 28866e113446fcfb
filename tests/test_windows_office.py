"""A provincial officer on Windows (issue 17, twentieth session).

The files and bytes Windows makes (Notepad, PowerShell 5.1, Excel in Vietnamese,
OneDrive), made here and given to qntrack as a Windows user, or a Linux colleague sharing
the folder, would. Expected texts are worked out by hand from the files each test writes.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import SMALL_OBSERVATIONS, SMALL_TARGETS, make_tracker
from helpers import run_clean

HEADER = "indicator,period,value,status,source,note,recorded_at\n"


def _plan_with_store(written: str) -> str:
    """The small plan with ``observations:`` given as ``written`` (single quotes: YAML
    reads a backslash in them as itself)."""
    return SMALL_TARGETS.replace('title: "Test plan"\n', f"title: \"Test plan\"\nobservations: '{written}'\n", 1)


# --- a Windows path in 'observations:' -------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "C:\\Users\\hoa\\qntrack\\observations.csv",  # as Explorer's "Copy as path" gives it
        "C:/Users/hoa/qntrack/observations.csv",  # the same with slashes: still a drive
        "\\\\DESKTOP-AB12\\qntrack\\observations.csv",  # a share
    ],
)
def test_a_drive_path_to_the_store_is_told_to_be_written_from_the_plans_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, written: str
) -> None:
    # The file shared with a Linux colleague: targets.yaml names the store by its place on
    # the Windows PC, and the store itself sits beside targets.yaml. The warning said
    # "write C:/Users/hoa/qntrack/observations.csv" (a folder named 'C:' here) or
    # nothing at all; the name after the last separator is observations.csv, which is
    # beside targets.yaml, so that is what to write.
    assert SMALL_TARGETS.count('title: "Test plan"\n') == 1
    make_tracker(tmp_path, monkeypatch, _plan_with_store(written), SMALL_OBSERVATIONS)
    r = run_clean("status", "--format", "json")
    assert r.exit_code == 0
    assert "a path on a Windows drive or share" in r.stderr
    assert "observations: observations.csv, the file beside targets.yaml" in r.stderr
    assert "write C:/" not in r.stderr


def test_a_drive_path_whose_file_is_not_beside_the_plan_says_to_copy_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Nothing named obs2026.csv beside targets.yaml: the file is to be copied there first.
    make_tracker(tmp_path, monkeypatch, _plan_with_store("D:\\data\\obs2026.csv"), SMALL_OBSERVATIONS)
    r = run_clean("status", "--format", "json")
    assert "observations: obs2026.csv, once the file is copied beside targets.yaml" in r.stderr


def test_an_append_never_makes_a_file_named_after_a_drive_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # add-observation started a new store named 'C:\Users\hoa\qntrack\observations.csv'
    # (one file name, backslashes and all) beside targets.yaml, and a lock file beside it:
    # the Linux colleague's figure went into a file nobody reads. Now refused, exit 1, and
    # the folder holds what it held: targets.yaml and observations.csv.
    make_tracker(
        tmp_path, monkeypatch, _plan_with_store("C:\\Users\\hoa\\qntrack\\observations.csv"), SMALL_OBSERVATIONS
    )
    before = (tmp_path / "observations.csv").read_bytes()
    for args in (
        ("add-observation", "share", "2024-Q3", "13.4", "--status", "estimate"),
        ("add-observation", "share", "2024-Q3", "13.4", "--status", "estimate", "--dry-run"),
    ):
        r = run_clean(*args)
        assert r.exit_code == 1, r.output
        assert "a path on a Windows drive or share" in r.stderr
        assert "nothing was added" in r.stderr
    assert sorted(os.listdir(tmp_path)) == ["observations.csv", "targets.yaml"]
    assert (tmp_path / "observations.csv").read_bytes() == before


def test_an_append_never_makes_a_file_named_with_a_backslash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # `observations: data\quangninh.csv`: status warned "write data/quangninh.csv", but
    # add-observation made a file named 'data\quangninh.csv' (and its lock) in the plan's
    # folder, a second store beside data/quangninh.csv. Now refused with the same advice.
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "quangninh.csv").write_text(SMALL_OBSERVATIONS, encoding="utf-8")
    make_tracker(tmp_path, monkeypatch, _plan_with_store("data\\quangninh.csv"), SMALL_OBSERVATIONS)
    r = run_clean("add-observation", "share", "2024-Q3", "13.4", "--status", "estimate")
    assert r.exit_code == 1, r.output
    assert "write data/quangninh.csv, with '/' between folders" in r.stderr
    assert "nothing was added" in r.stderr
    assert sorted(os.listdir(tmp_path)) == ["data", "observations.csv", "targets.yaml"]
    assert (tmp_path / "data" / "quangninh.csv").read_text(encoding="utf-8") == SMALL_OBSERVATIONS


def test_the_drive_path_messages_in_vietnamese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_tracker(tmp_path, monkeypatch, _plan_with_store("C:\\qntrack\\observations.csv"), SMALL_OBSERVATIONS)
    r = run_clean("--lang", "vi", "status", "--format", "json")
    assert "một đường dẫn trên ổ đĩa hoặc thư mục chia sẻ của Windows" in r.stderr
    r = run_clean("--lang", "vi", "add-observation", "share", "2024-Q3", "13.4")
    assert r.exit_code == 1
    assert "không ghi thêm gì" in r.stderr, r.stderr
