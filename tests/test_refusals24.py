"""Small refusals that said less than they should (issue 17, twenty-fourth session, pass X1):
each now names what would be valid. Expected words written by hand from the catalog's
sentences and the published names (Excel's Save As types, SDMX's CL_UNIT_MULT)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import run, store_text
from test_sdmx24 import OBSERVATIONS, TARGETS, UNIT_TARGETS

CHOICES = "'html', 'markdown', 'json', 'toml', 'xlsx', 'docx', 'pdf'"


# --- (a) a report format mistyped is told the closest --------------------------------


@pytest.mark.parametrize(("typed", "meant"), [("xls", "xlsx"), ("pfd", "pdf"), ("XLS", "xlsx"), ("htlm", "html")])
def test_a_report_format_mistyped_is_told_the_closest(typed: str, meant: str, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = run("report", "--format", typed)
    assert r.exit_code == 2
    assert r.stdout == ""
    assert r.stderr.endswith(
        f"Error: Invalid value for '--format' / '-f': '{typed}' is not one of {CHOICES}; did you mean '{meant}'?\n"
    )
    assert r.stderr.startswith("Usage: ")


def test_a_report_format_mistyped_is_told_the_closest_in_vietnamese(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = run("--lang", "vi", "report", "-f", "pfd")
    assert r.exit_code == 2
    assert r.stderr.endswith(
        f"Lỗi: giá trị không hợp lệ cho '--format' / '-f': 'pfd' không phải là một trong {CHOICES}; "
        "có phải ý bạn là 'pdf'?\n"
    )


def test_a_format_close_to_none_keeps_clicks_words(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = run("report", "--format", "csv")
    assert r.exit_code == 2
    assert r.stderr.endswith(f"Error: Invalid value for '--format' / '-f': 'csv' is not one of {CHOICES}.\n")


# --- (b) a folder given as the plan is told the plan inside ---------------------------


@pytest.fixture
def folder_plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "ke hoach").mkdir()
    make_tracker(tmp_path / "ke hoach", monkeypatch, TARGETS, OBSERVATIONS)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_quoted_folder_as_the_plan_is_told_the_plan_inside(folder_plan: Path):
    r = run("-t", "ke hoach", "status")
    assert r.exit_code == 1
    assert r.stdout == ""
    assert r.stderr == (
        'ke hoach: error: targets file is a directory, expected a file; name the plan in it: -t "ke hoach/targets.yaml"\n'
    )
    r = run("status", "--targets", "ke hoach", "--lang", "vi")
    assert r.exit_code == 1
    assert r.stderr == (
        "ke hoach: lỗi: tệp mục tiêu là một thư mục, cần một tệp; hãy ghi tên kế hoạch trong thư mục: "
        '--targets "ke hoach/targets.yaml"\n'
    )


def test_a_folder_without_spaces_is_told_unquoted_and_one_without_a_plan_as_before(folder_plan: Path):
    (folder_plan / "ke hoach").rename(folder_plan / "kh")
    r = run("--targets=kh", "status")
    assert r.exit_code == 1
    assert (
        r.stderr
        == "kh: error: targets file is a directory, expected a file; name the plan in it: --targets kh/targets.yaml\n"
    )
    (folder_plan / "empty").mkdir()
    r = run("-t", "empty", "status")
    assert r.exit_code == 1
    assert r.stderr == "empty: error: targets file is a directory, expected a file\n"
