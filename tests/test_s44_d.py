"""A planning officer's year-end review document against `status` (issue 17,
forty-fourth session, helper D): every number the report prints must be the number the
tables beside it, `status` and `show` print for the same figure.

Every expected figure is worked out by hand in the comments, from the figures typed in
the fixture, never copied from the code's output.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean

HEADER = "indicator,period,value,status,source,note,recorded_at\n"

# --- 1. A sentence quotes a figure as the tables write it ----------------------------------
#
# Poverty, lower is better: 6.45 % in 2020, a milestone of 2 % by 2025, and 2.125 % recorded
# for 2025 (a figure published with three decimals: the tables keep them, methodology.md
# "How figures are written"). 2.125 > 2: the 2025 milestone is missed, and the sentence
# that says so must quote 2.125 %, as the Latest cell beside it does, never "2.13%".
# Growth, at least 10 % each year of 2023-2024: 8.125 % in 2023 breaks the run, 10.5 % in
# 2024 passes; the details table writes 8.125 %, so must the sentence "The run broke".

SENTENCES = """\
indicators:
  poor: {name: Poverty rate, unit: "%", direction: decrease}
  g: {name: Growth, unit: "%"}
targets:
  - id: poor-down
    indicator: poor
    baseline: {period: 2020, value: 6.45}
    milestones: [{by: 2025, value: 2}]
  - {id: growth, type: every_period, indicator: g, at_least: 10, from: 2023, to: 2024}
"""
SENTENCE_ROWS = HEADER + (
    "poor,2025,2.125,official,s,,2026-01-05T00:00:00Z\n"
    "g,2023,8.125,official,s,,2024-01-05T00:00:00Z\n"
    "g,2024,10.5,official,s,,2025-01-05T00:00:00Z\n"
)


@pytest.fixture
def sentences(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, SENTENCES, SENTENCE_ROWS)


def _report(*args: str) -> str:
    r = run_clean("report", "--as-of", "2026-06-01", *args)
    assert r.exit_code == 0, r.output
    return r.stdout


def _show(*args: str) -> str:
    r = run_clean("show", *args, "--as-of", "2026-06-01", env={"COLUMNS": "200"})
    assert r.exit_code == 0, r.output
    return " ".join(r.stdout.split())


def test_missed_milestone_sentence_quotes_the_figure_as_typed(sentences: Path) -> None:
    doc = _report()
    assert "| Latest | 2.125% (2025) |" in doc
    assert "The 2025 milestone of 2% was not achieved: 2.125%." in doc
    assert "2.13%" not in doc
    assert "The 2025 milestone of 2% was not achieved: 2.125%." in _show("poor-down")


def test_missed_milestone_sentence_in_vietnamese(sentences: Path) -> None:
    doc = _report("--lang", "vi")
    # The decimal comma, the same three digits.
    assert "2,125%" in doc
    assert "2,13%" not in doc


def test_broken_run_sentence_quotes_the_figure_as_typed(sentences: Path) -> None:
    doc = _report()
    assert "| 2023 | 8.125% | **✗ no** |" in doc
    assert "The run broke in 2023 (8.125%)." in doc
    assert "8.13%" not in doc
    assert "The run broke in 2023 (8.125%)." in _show("growth")
