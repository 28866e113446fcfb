"""Vietnamese leftovers of the twenty-fifth session and the mid-year review again, as a
Quảng Ninh officer who reads Vietnamese only does it (issue 17, twenty-sixth session,
pass V). Each expected sentence is written by hand from the catalog's wording."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import run_clean


def _add(*args: str) -> None:
    r = run_clean("add-observation", *args)
    assert r.exit_code == 0, r.output


# --- 1. targets.yaml's own English values ("frequency: quarter") were quoted bare inside
# Vietnamese sentences: the key stays (the officer edits it), its meaning is said.


def test_a_finer_period_says_the_frequency_in_vietnamese(shipped: Path):
    r = run_clean("--lang", "vi", "add-observation", "grdp_vnd", "2026-Q1", "5")
    assert r.exit_code == 1, r.output
    assert "tần suất công bố của chỉ tiêu 'grdp_vnd' (hằng năm, frequency: year):" in r.output, r.output
    assert "hãy sửa khóa frequency của chỉ tiêu trong targets.yaml" in r.output, r.output


def test_a_finer_period_keeps_its_english_words_in_english(shipped: Path):
    r = run_clean("add-observation", "grdp_vnd", "2026-Q1", "5")
    assert r.exit_code == 1, r.output
    assert "is finer than indicator 'grdp_vnd' is published (frequency: year): it is" in r.output, r.output


def test_history_of_a_finer_period_says_the_frequency_in_vietnamese(shipped: Path):
    r = run_clean("--lang", "vi", "history", "cbct_va_growth", "2025-Q1")
    assert "chỉ tiêu 'cbct_va_growth' (6 tháng một lần, frequency: half) nên không có số liệu" in r.output, r.output


def test_a_stored_finer_period_is_said_in_vietnamese_and_its_json_stays_english(shipped: Path):
    with open("observations.csv", "a", encoding="utf-8") as f:
        f.write("grdp_vnd,2025-Q1,5,estimate,,,2026-01-01T00:00:00Z\n")
    r = run_clean("--lang", "vi", "check", "frequency")
    assert "chỉ tiêu 'grdp_vnd' (hằng năm, frequency: year); nếu tần suất" in r.output, r.output
    problems = json.loads(run_clean("--lang", "vi", "check", "frequency", "--format", "json").stdout)["problems"]
    assert "(frequency: year); if the frequency" in problems[0]["message"], problems


def test_a_stale_indicator_says_its_frequency_in_vietnamese(shipped: Path):
    r = run_clean("--lang", "vi", "check", "stale", "--as-of", "2026-12-01")
    assert "chỉ tiêu 'grdp_growth' (công bố hằng quý, frequency: quarter): số liệu mới nhất" in r.output, r.output
    assert "chỉ tiêu 'fdi' (công bố hằng tháng, frequency: month)" in r.output, r.output


MEASURES = """\
indicators:
  invest:
    name: Investment
    unit: bn VND
    frequency: year
    direction: increase
targets:
  - {id: invest-avg, type: average, indicator: invest, at_least: 10, from: 2021, to: 2025}
  - {id: invest-total, type: cumulative, indicator: invest, at_least: 1000, from: 2021, to: 2025}
"""


def test_a_measure_implied_by_another_target_is_said_in_vietnamese(tmp_path: Path, monkeypatch):
    (tmp_path / "targets.yaml").write_text(MEASURES, encoding="utf-8")
    (tmp_path / "observations.csv").write_text("indicator,period,value,status,source,note,recorded_at\n")
    monkeypatch.chdir(tmp_path)
    r = run_clean("--lang", "vi", "check")
    assert "đọc chỉ tiêu 'invest' là một tốc độ tăng (measure: rate);" in r.output, r.output
    assert "reads indicator 'invest' as a rate;" in run_clean("check").output


def test_a_declared_measure_is_said_in_vietnamese(tmp_path: Path, monkeypatch):
    (tmp_path / "targets.yaml").write_text(
        MEASURES.replace("    direction: increase\n", "    direction: increase\n    measure: level\n"), encoding="utf-8"
    )
    (tmp_path / "observations.csv").write_text("indicator,period,value,status,source,note,recorded_at\n")
    monkeypatch.chdir(tmp_path)
    r = run_clean("--lang", "vi", "check")
    assert "được khai báo 'measure: level' (một mức) ở dòng 7" in r.output, r.output
    assert "is declared 'measure: level' on line 7" in run_clean("check").output
