"""Words that do not mislead (issue 12): dates as Vietnamese write them, and targets that
share an indicator told apart everywhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import make_tracker
from qntrack.cli import app
from qntrack.output.i18n import date_text

runner = CliRunner()


def test_date_text():
    assert date_text("2025-01-05", "vi") == "05/01/2025"
    assert date_text("2025-01-05T10:00:00Z", "vi") == "05/01/2025"
    assert date_text("2025-01-05", "en") == "2025-01-05"
    assert date_text(None, "vi") == ""


TARGETS = """\
version: 1
title: "Two targets, one indicator"
indicators:
  growth:
    name: {en: "GRDP growth", vi: "Tăng trưởng GRDP"}
    unit: "%"
    measure: rate
    direction: increase
targets:
  - id: growth-2022
    type: plan
    indicator: growth
    period: 2022
    value: 11
  - id: growth-2023
    type: plan
    indicator: growth
    period: 2023
    value: 10
"""

OBSERVATIONS = """\
indicator,period,value,status,source,note,recorded_at
growth,2022,10.28,,s,,2023-01-05T00:00:00Z
growth,2023,11.03,,s,,2024-01-05T08:00:00Z
"""


@pytest.fixture
def shared(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, TARGETS, OBSERVATIONS)


def test_vietnamese_report_dates(shared: Path):
    vi = runner.invoke(app, ["report", "--lang", "vi", "--since", "2023-06-30"]).stdout
    assert "số liệu ghi nhận đến 05/01/2024" in vi
    assert "(30/06/2023)" in vi
    assert "| 05/01/2024 |" in vi and "2024-01-05" not in vi
    en = runner.invoke(app, ["report", "--since", "2023-06-30"]).stdout
    assert "figures recorded up to 2024-01-05" in en and "(2023-06-30)" in en


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_report_tells_targets_on_one_indicator_apart(shared: Path, fmt: str):
    out = runner.invoke(app, ["report", "--format", fmt, "-o", str(shared / f"r.{fmt}")])
    assert out.exit_code == 0, out.stderr
    text = (shared / f"r.{fmt}").read_text(encoding="utf-8")
    for target_id in ("growth-2022", "growth-2023"):
        heading = f"GRDP growth ({target_id})"
        assert ("## " in text and f". {heading}" in text) if fmt == "markdown" else f". {heading}</h2>" in text
        # The summary names them apart too.
        assert text.count(heading) >= 2


def test_table_and_show_tell_them_apart(shared: Path):
    table = runner.invoke(app, ["status", "--format", "table"], env={"COLUMNS": "100"}).stdout
    assert "growth-2022" in table and "growth-2023" in table
    assert "(growth-2023, plan)" in runner.invoke(app, ["show", "growth-2023"]).stdout
