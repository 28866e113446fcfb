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
