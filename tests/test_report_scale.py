"""The Word and Excel reports of a national plan (issue 17, a hostile pass): what makes
them slow is counted, never timed (docs/report.md, "A large plan")."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run
from test_report_large import _plan


def _style_lookups(monkeypatch: pytest.MonkeyPatch, folder: Path, years: int) -> int:
    """How often python-docx looks a style up by name while a Word report is written."""
    from docx.styles.styles import Styles

    calls = 0
    lookup = Styles.get_style_id

    def counted(self, style, style_type):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        return lookup(self, style, style_type)

    monkeypatch.setattr(Styles, "get_style_id", counted)
    plan = _plan(folder, 3, years=years)
    done = run("--targets", str(plan), "report", "-o", str(folder / "r.docx"))
    assert done.exit_code == 0, done.stderr
    return calls


def test_a_word_table_looks_its_style_up_once_not_per_cell(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Each cell's paragraph was styled by name, and python-docx finds a name by walking
    every style of the document: most of the provinces plan's Word report's time. A table
    of more figures must ask no more often than one of fewer."""
    few = _style_lookups(monkeypatch, tmp_path / "few", years=3)
    many = _style_lookups(monkeypatch, tmp_path / "many", years=12)
    assert many == few
