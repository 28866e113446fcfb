"""A revised figure in the sentences and the report's Latest row (issue 17, forty-fourth
session, helper A): a figure that revises another and differs from it only beyond the usual
decimals is written where the two differ, as every table writes it, never as the figure it
replaced.

Every expected figure is worked out by hand in the comments, from the figures typed in
the fixture, never copied from the code's output.
"""

from __future__ import annotations

import pytest
from pathlib import Path

from conftest import make_tracker
from helpers import run_clean

# A share, higher is better: 0.5 % in 2020, a milestone of 2 % by 2025. The 2025 figure was
# recorded as 1.005 % on 2026-01-10 and revised to 1.0049 % on 2026-02-10. 1.0049 < 2: the
# milestone is missed. At the usual three decimals 1.0049 reads "1.005", the figure it
# replaced; the tables write "1.0049%[1]" beside the note "1.005% → 1.0049%". A sentence
# that said "not achieved: 1.005%" would be read as the figure replaced: it must say 1.0049.
# The 0.5 and 2 keep their own decimals (0.5 % and 2 %), as before.
PLAN = """\
indicators:
  share: {name: Share, unit: "%"}
targets:
  - id: share-2025
    indicator: share
    baseline: {period: 2020, value: 0.5}
    milestones: [{by: 2025, value: 2}]
"""
ROWS = (
    "indicator,period,value,status,source,note,recorded_at\n"
    "share,2020,0.5,official,s,,2021-01-05T00:00:00Z\n"
    "share,2025,1.005,official,s,,2026-01-10T00:00:00Z\n"
    "share,2025,1.0049,official,t,,2026-02-10T00:00:00Z\n"
)


@pytest.fixture
def revised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, PLAN, ROWS)


def _out(*args: str) -> str:
    r = run_clean(*args, "--as-of", "2026-06-01", env={"COLUMNS": "200"})
    assert r.exit_code == 0, r.output
    return " ".join(r.stdout.split())


def test_show_sentences_write_the_revised_figure_where_it_differs(revised: Path) -> None:
    out = _out("show", "share-2025")
    said = out[out.index("In short") :]
    assert "From 0.5% in 2020 to 1.0049% in 2025" in said
    assert "The 2025 milestone of 2% was not achieved: 1.0049%." in said
    assert "1.005%" not in said


def test_show_sentences_in_vietnamese(revised: Path) -> None:
    out = _out("show", "share-2025", "--lang", "vi")
    said = out[out.index("Tóm lại") :]
    assert "tăng từ 0,5% lên 1,0049%" in said
    assert "thực tế 1,0049%" in said
    assert "1,005%" not in said


def test_report_latest_row_and_sentences_write_the_revised_figure(revised: Path) -> None:
    out = _out("report")
    section = out[out.index("### Figures") :]
    assert "| Latest | 1.0049% (2025) |" in section
    assert "to 1.0049% in 2025" in section
    assert "was not achieved: 1.0049%." in section
    # The figure replaced is named only where it is said to be replaced: the Observations
    # table's and the note's "1.005% → 1.0049%", and the note's "replacing 1.005%".
    assert section.count("1.005%") == section.count("1.005% → 1.0049%") + section.count("replacing 1.005%")


# The same figures against a plan of 2 % for 2025: 1.0049 is 50.245 % of it, written 50.2 %
# at a per cent of a plan's one decimal (unchanged). show's "Latest" reads 1.0049%[1];
# its "Result" under it, the report's "Result" and the sentence must read 1.0049% too,
# never the 1.005 it replaced; the plan stays "2%".
PLAN_TARGET = """\
indicators:
  share: {name: Share, unit: "%"}
targets:
  - {id: p, type: plan, indicator: share, period: 2025, value: 2}
"""


def test_plan_result_and_sentence_write_the_revised_figure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_tracker(tmp_path, monkeypatch, PLAN_TARGET, ROWS)
    shown = _out("show", "p")
    assert "Latest 1.0049%[1] (2025)" in shown
    assert "Result 1.0049%" in shown
    assert "Plan 2% (2025)" in shown
    assert "Percent of plan 50.2%" in shown
    assert "2025: 1.0049%, 50.2% of the plan (2%)." in shown
    report = _out("report")
    assert "| Result | 1.0049% (2025) |" in report
    assert "- 2025: 1.0049%, 50.2% of the plan (2%)." in report
    assert report.count("1.005%") == report.count("1.005% → 1.0049%") + report.count("replacing 1.005%")


# Poverty for each locality (helper D's fixture, tests/test_s44_d.py): Hạ Long's 2025
# figure 1.005 % revised to 1.0049 %. 1.0049 <= 2 (lower is better): achieved. The units'
# chart labels each bar with the unit's latest figure; the table beside it writes
# 1.0049%[1], so the label must read 1.0049 % too, never the 1.005 it replaced.
def test_units_chart_label_writes_the_revised_figure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from test_s44_d import UNIT_ROWS, UNITS

    make_tracker(tmp_path, monkeypatch, UNITS, UNIT_ROWS)
    r = run_clean("report", "--as-of", "2026-06-01", "--format", "html", "-o", "r.html")
    assert r.exit_code == 0, r.output
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "1. Hạ Long: 1.0049% (2025) · Target achieved" in page
    assert "Hạ Long: 1.005%" not in page
