"""A broken-down target's sheet names its target once (issue 17, twenty-eighth session).

A target with no `name:` is named by its indicator and its id, "Budget revenue
(revenue-2024)" (report_view._name), and the sheet's title added the id again: "Budget
revenue (revenue-2024) (revenue-2024): units best to worst"."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from conftest import make_tracker
from helpers import run_clean
from test_s28_a import UNIT_OBSERVATIONS, UNIT_TARGETS


def _title(folder: Path, targets: str, lang: str = "en") -> str:
    r = run_clean("report", "--format", "xlsx", "-o", str(folder / "b.xlsx"), "--lang", lang, "--as-of", "2025-06-30")
    assert r.exit_code == 0, r.stderr
    return str(openpyxl.load_workbook(folder / "b.xlsx")["revenue-2024"]["A1"].value)


def test_a_target_without_a_name_has_its_id_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    folder = make_tracker(tmp_path, monkeypatch, UNIT_TARGETS, UNIT_OBSERVATIONS)
    title = _title(folder, UNIT_TARGETS)
    assert title.startswith("Budget revenue (revenue-2024): units best to worst"), title
    assert title.count("revenue-2024") == 1


def test_a_named_target_keeps_its_name_and_id(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    named = UNIT_TARGETS.replace(
        "    type: plan\n", '    type: plan\n    name: {en: "Revenue plan 2024", vi: "Kế hoạch thu 2024"}\n', 1
    )
    folder = make_tracker(tmp_path, monkeypatch, named, UNIT_OBSERVATIONS)
    assert _title(folder, named).startswith("Revenue plan 2024 (revenue-2024): units best to worst")
    assert _title(folder, named, "vi").startswith("Kế hoạch thu 2024 (revenue-2024)")
