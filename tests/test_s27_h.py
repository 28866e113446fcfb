"""Issue 17, twenty-seventh session, pass H: what the reports' summary says of the latest
figure (its kind, where it is an estimate or preliminary), and a milestone met on time."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from test_s27_e import _EARLY_PLAN

from helpers import run_clean

WIDE = {"COLUMNS": "250"}


def _out(*args: str, env: dict[str, str] | None = None) -> str:
    r = run_clean(*args, env=env)
    assert r.exit_code == 0, r.output
    return r.stdout


def _md(lang: str, *args: str) -> str:
    r = run_clean("--lang", lang, "report", "--format", "markdown", "-o", "r.md", *args)
    assert r.exit_code == 0, r.output
    return re.sub(r"\\(.)", r"\1", Path("r.md").read_text(encoding="utf-8"))


# --- 1. the latest figure's kind in the summary tables and key figures ----------------------

_KIND_PLAN = """\
title: T
indicators:
  share: {name: Manufacturing share, unit: "%", measure: level}
  jobs: {name: Jobs, unit: "%", measure: level}
  wage: {name: Wage, unit: "%", measure: level}
targets:
  - id: share-t
    type: level
    indicator: share
    baseline: {period: 2020}
    milestones:
      - {by: 2030, value: 30}
  - id: jobs-t
    type: level
    indicator: jobs
    baseline: {period: 2020}
    milestones:
      - {by: 2030, value: 30}
  - id: wage-t
    type: level
    indicator: wage
    baseline: {period: 2020}
    milestones:
      - {by: 2030, value: 30}
"""
# share: its 2026 figure an estimate; jobs: preliminary; wage: official. The estimate and the
# preliminary figure say so beside their period; the official one says its period alone.
_KIND_ROWS = (
    "indicator,period,value,status,source,note,recorded_at\n"
    "share,2020,10,official,X,,2021-02-01T00:00:00Z\n"
    "share,2026,14.8,estimate,X,,2026-07-01T00:00:00Z\n"
    "jobs,2020,10,official,X,,2021-02-01T00:00:00Z\n"
    "jobs,2025,12.5,preliminary,X,,2026-02-01T00:00:00Z\n"
    "wage,2020,10,official,X,,2021-02-01T00:00:00Z\n"
    "wage,2025,13,official,X,,2026-02-01T00:00:00Z\n"
)
_KIND = {
    "en": ("14.8% (2026, estimate)", "12.5% (2025, preliminary)", "13% (2025)"),
    "vi": ("14,8% (năm 2026, ước tính)", "12,5% (năm 2025, sơ bộ)", "13% (năm 2025)"),
}


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_summary_and_key_figures_say_an_estimate_is_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, _KIND_PLAN, _KIND_ROWS)
    text = _md(lang)
    estimate, preliminary, official = _KIND[lang]
    rows = [line for line in text.splitlines() if line.startswith("| 1 |") or line.startswith("| 2 |")]
    # The summary table: one row per target, the latest figure with its kind.
    assert any(f"| {estimate} |" in r for r in rows), text
    assert any(f"| {preliminary} |" in r for r in rows), text
    assert f"| {official} |" in text, text
    # Nowhere is the official figure given a kind, nor the estimate written without its own.
    assert "13% (2025, " not in text and "13% (năm 2025, " not in text, text
    bare = estimate.split(" (")[0] + " (" + ("2026)" if lang == "en" else "năm 2026)")
    assert bare not in text, text
    # The key figures of each target (the latest figure's line) say it too.
    latest = "Latest" if lang == "en" else "Số mới nhất"
    facts = [line for line in text.splitlines() if latest in line]
    assert any(estimate in f for f in facts), facts
    assert any(preliminary in f for f in facts), facts


def test_the_html_and_word_reports_say_the_kind_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import docx

    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, _KIND_PLAN, _KIND_ROWS)
    assert run_clean("--lang", "vi", "report", "--format", "html", "-o", "r.html").exit_code == 0
    html = Path("r.html").read_text(encoding="utf-8")
    assert "14,8% (năm 2026, ước tính)" in html, html
    assert run_clean("--lang", "vi", "report", "-o", "r.docx").exit_code == 0
    d = docx.Document("r.docx")
    cells = [c.text for t in d.tables for r in t.rows for c in r.cells]
    assert "14,8% (năm 2026, ước tính)" in cells, cells
    assert "13% (năm 2025)" in cells, cells


# --- 2. a milestone due and met on time, the headline moved on ----------------------------------

# The plan of pass E's milestone met early (15 by 2025, 30 by 2030 from 2020), its rows other.
_ONTIME_PLAN = _EARLY_PLAN
# 10 in 2020, 16 in 2025: the 2025 milestone of 15 is met in its own year; as of mid-2026 the
# headline is 2030's 30, and the sentences said nothing of 2025's.
_ONTIME_ROWS = (
    "indicator,period,value,status,source,note,recorded_at\n"
    "share,2020,10,official,X,,2021-02-01T00:00:00Z\n"
    "share,2025,16,official,X,,2026-02-01T00:00:00Z\n"
)
_ONTIME = {
    "en": "• The 2025 milestone of 15% was met: 16% in 2025.",
    "vi": "• Đã đạt mốc năm 2025 (15%): thực tế 16% (năm 2025).",
}


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_milestone_met_on_time_is_said_in_show_and_the_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, _ONTIME_PLAN, _ONTIME_ROWS)
    shown = _out("--lang", lang, "show", "share-t", "--as-of", "2026-06-01", env=WIDE)
    lines = [line.strip() for line in shown.splitlines()]
    assert _ONTIME[lang] in lines, shown
    assert lines.count(_ONTIME[lang]) == 1, shown
    text = _md(lang, "--as-of", "2026-06-01")
    assert _ONTIME[lang][2:] in text, text


def test_a_milestone_met_on_time_is_said_at_the_tables_decimals(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 15.004 against 15: the tables write it 15.004 (where it differs from the milestone);
    # judged on the 2026 figure when 2025 has none, the year said is the figure's.
    from conftest import make_tracker

    rows = _ONTIME_ROWS.replace("share,2025,16,", "share,2026,15.004,")
    make_tracker(tmp_path, monkeypatch, _ONTIME_PLAN, rows)
    shown = _out("show", "share-t", "--as-of", "2027-06-01", env=WIDE)
    assert "• The 2025 milestone of 15% was met: 15.004% in 2026." in shown, shown


def test_a_headline_milestone_met_keeps_its_one_sentence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, _ONTIME_PLAN.replace("      - {by: 2030, value: 30}\n", ""), _ONTIME_ROWS)
    shown = _out("show", "share-t", "--as-of", "2026-06-01", env=WIDE)
    assert "• The 2025 milestone of 15% is achieved." in shown, shown
    assert "was met" not in shown, shown
