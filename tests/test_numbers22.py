"""A statistics officer's audit of the numbers the twenty-first session left unmarked
(issue 17, twenty-second session): each defect's test, written failing first, the expected
values worked out by hand in a comment (docs/decisions.md, "Numbers left unmarked")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import run_clean

_PLAN = """\
title: Ministry of Industry and Trade
indicators:
  exports: {name: Export turnover, unit: billion USD, measure: flow, frequency: month}
targets:
  - id: exports-2025
    type: plan
    indicator: exports
    period: 2025
    value: 400
"""

_HEADER = "indicator,period,value,status,source,note,recorded_at\n"

# January to March at 30 each; February revised to 40 on 10 April, after March's figure.
_Q1 = (
    _HEADER
    + "exports,2025-01,30,official,MOIT,,2025-02-06T00:00:00Z\n"
    + "exports,2025-02,30,official,MOIT,,2025-03-06T00:00:00Z\n"
    + "exports,2025-03,30,official,MOIT,,2025-04-06T00:00:00Z\n"
)
_REVISED = _Q1 + "exports,2025-02,40,official,MOIT,revised,2025-04-10T00:00:00Z\n"


# --- A figure qntrack added up from months carried no revision mark when one of its
# months was revised: "100 billion USD (2025-Q1, provisional, periods added up)" with
# `revises` null, the revised February said only in show's table of figures.


def _provisional(lang: str = "en", env: dict[str, str] | None = None) -> dict:
    r = run_clean("--lang", lang, "status", "--format", "json", "--as-of", "2025-04-30", env=env)
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)["targets"][0]["provisional"]


def test_a_sum_resting_on_a_revised_month_says_which_month_in_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, _PLAN, _REVISED)
    # 30 + 40 + 30 = 100 by 2025-Q1; the sum itself replaced no vintage (revises null), but
    # it rests on February's 40, which replaced 30.
    p = _provisional()
    assert p["value"] == 100 and p["source"] == "2025-01 + 2025-02 + 2025-03", p
    assert p["revises"] is None, p
    assert p["parts_revised"] == [{"period": "2025-02", "revises": 30}], p
    # The same from the status cache's warm path as from a cold run.
    assert _provisional() == p
    assert _provisional(env={"QNTRACK_NO_CACHE": "1"}) == p


def test_a_sum_of_first_figures_has_no_part_revised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, _PLAN, _REVISED)
    # As of 8 April, before February's revision: 30 + 30 + 30 = 90, no part revised.
    r = run_clean("status", "--format", "json", "--as-of", "2025-04-08")
    p = json.loads(r.stdout)["targets"][0]["provisional"]
    assert p["value"] == 90 and p["parts_revised"] == [], p


def test_a_published_figure_has_no_parts_revised_field(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, _PLAN, _REVISED + "exports,2025-Q1,100,official,MOIT,,2025-04-12T00:00:00Z\n")
    p = _provisional()
    assert p["source"] == "MOIT" and "parts_revised" not in p, p


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_sum_resting_on_a_revised_month_is_marked_in_the_table_and_the_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
):
    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, _PLAN, _REVISED)
    # The sum 100 is marked "[1]", the legend naming the month revised and the 30 it replaced.
    env = {"COLUMNS": "200"}
    table = run_clean("--lang", lang, "status", "--format", "table", "--as-of", "2025-04-30", env=env)
    assert table.exit_code == 0, table.output
    figure = "100[1] billion USD"  # the plan gives no unit in Vietnamese
    assert figure in table.output, table.output
    if lang == "en":
        line = "[1] exports 2025-02: 30 billion USD → revised, a part of 2025-Q1 (periods added up)"
    else:
        line = "[1] exports 2025-02: 30 billion USD → đã điều chỉnh, một kỳ trong số liệu 2025-Q1 (tổng các kỳ)"
    assert line in table.output, table.output
    # Cached = uncached, byte for byte.
    cold = run_clean(
        "--lang", lang, "status", "--format", "table", "--as-of", "2025-04-30", env={**env, "QNTRACK_NO_CACHE": "1"}
    )
    assert cold.output == table.output
    report = run_clean("--lang", lang, "report", "--as-of", "2025-04-30", "-o", "r.md")
    assert report.exit_code == 0, report.output
    text = Path("r.md").read_text(encoding="utf-8")
    # Markdown escapes the brackets of a mark: "100\\[1\\] billion USD".
    assert figure.replace("[1]", "\\[1\\]") in text, text
    assert line.replace("[1]", "\\[1\\]") in text, text


def test_a_sum_of_first_figures_is_not_marked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, _PLAN, _Q1)
    table = run_clean("status", "--format", "table", env={"COLUMNS": "200"})
    assert "100 billion USD (2025-Q1" not in table.output  # 30 + 30 + 30 = 90
    assert "90 billion USD (2025-Q1, provisional, periods added up)" in table.output, table.output
    assert "[1]" not in table.output, table.output
