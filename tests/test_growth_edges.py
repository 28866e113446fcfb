"""Growth figures at their edges (issue 12, m3): a year of −100 % or worse in an average,
and a level target whose baseline is zero.

Every expected number is worked out by hand in the docstrings; none is copied from qntrack.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest import approx
from typer.testing import CliRunner

from conftest import dedent, make_tracker
from qntrack.assessment import assess_target
from qntrack.cli import app
from qntrack.model import AverageTarget, Baseline, Bound, Direction, Indicator, LevelTarget, Measure, Milestone, \
    Observation, Text
from qntrack.narrative import explain
from qntrack.periods import parse_period as P
from qntrack.progress import Status

GROWTH = Indicator("growth", Text("GRDP growth", "Tăng trưởng GRDP"), unit="%", measure=Measure.RATE)


def rows(indicator: str, *pairs: tuple[str, float]) -> list[Observation]:
    return sorted((Observation(indicator, P(p), v) for p, v in pairs), key=lambda o: o.period.sort_key)


def average(start: str = "2021", end: str = "2025", value: float = 10, at_least: bool = True) -> AverageTarget:
    return AverageTarget(id="avg", indicator="growth", bound=Bound(value, at_least), start=P(start), end=P(end))


def _run(*args: str):
    return CliRunner().invoke(app, list(args))


# --- a. a year of −100 % or worse in an average ----------------------------------------------


def test_a_fall_of_100_percent_leaves_no_average_and_names_the_year():
    """2021 = 8, 2022 = −100, 2023 = 12: 1 + g of 2022 is 0, so G = 1.08 × 0 × 1.12 = 0 and
    no geometric mean of growth exists. Not available, and the year that did it is named."""
    a = assess_target(average(), GROWTH, rows("growth", ("2021", 8), ("2022", -100), ("2023", 12)))
    assert a.status is Status.NOT_AVAILABLE and a.reason == "average_undefined"
    assert a.details["average"] is None
    assert a.details["undefined_by"] == ["2022"]
    assert a.details["years_with_data"] == 3
    assert a.score is None and a.progress_value is None and a.gap is None


def test_two_falls_below_minus_100_do_not_make_a_positive_product_an_average():
    """2021 = −150, 2022 = −150, 2023 = 10: G = (−0.5) × (−0.5) × 1.1 = 0.275 > 0, which the
    product test alone took for a real mean ((0.275)^(1/3) − 1 = −35 %). Each year's 1 + g
    must be above zero: two quantities below zero make no growth."""
    a = assess_target(average(), GROWTH, rows("growth", ("2021", -150), ("2022", -150), ("2023", 10)))
    assert a.status is Status.NOT_AVAILABLE and a.reason == "average_undefined"
    assert a.details["average"] is None
    assert a.details["undefined_by"] == ["2021", "2022"]


def test_a_fall_just_short_of_100_percent_still_averages():
    """2021 = −99, 2022 = 10: G = 0.01 × 1.1 = 0.011; average 0.011^(1/2) − 1 = 0.104881 − 1
    = −89.51191 %. A defined (terrible) average: deterioration, below the bound of 10."""
    a = assess_target(average(), GROWTH, rows("growth", ("2021", -99), ("2022", 10)))
    assert a.details["average"] == approx(-89.511912, abs=1e-5)
    assert "undefined_by" not in a.details
    assert a.status is Status.DETERIORATION


@pytest.mark.parametrize("lang, says, never", [
    ("en", ["2022 (-100%)", "no average growth rate", "2021–2023"], ["No figure in the span"]),
    ("vi", ["2022 (-100%)", "không tính được tốc độ bình quân", "2021–2023"], ["Chưa có số liệu trong giai đoạn"]),
])
def test_the_sentences_give_one_account(lang: str, says: list[str], never: list[str]):
    """One true account: the figures are there, one year makes the mean impossible."""
    a = assess_target(average(), GROWTH, rows("growth", ("2021", 8), ("2022", -100), ("2023", 12)))
    text = " ".join(explain(a, lang))
    for words in says:
        assert words in text
    for words in never:
        assert words not in text
    assert len(explain(a, lang)) == 1


AVG_TARGETS = dedent("""
    version: 1
    title: "Test plan"
    indicators:
      growth:
        name: "GRDP growth"
        unit: "%"
        direction: increase
        measure: rate
    targets:
      - id: avg
        type: average
        indicator: growth
        at_least: 10
        from: 2021
        to: 2025
""")

AVG_ROWS = dedent("""
    indicator,period,value,status,source,note,recorded_at
    growth,2021,8,,src,,2022-01-10T00:00:00Z
    growth,2022,-100,,src,,2023-01-10T00:00:00Z
    growth,2023,12,,src,,2024-01-10T00:00:00Z
""")


@pytest.fixture
def fallen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, AVG_TARGETS, AVG_ROWS)


def test_show_report_and_json_agree_on_a_fall_of_100_percent(fallen: Path):
    show = _run("show", "avg", "--as-of", "2024-06-01", "-f", "table")
    assert show.exit_code == 0, show.output
    assert "No figure in the span yet" not in show.stdout
    assert "2022 (-100%)" in show.stdout
    report = _run("report", "--format", "markdown", "--as-of", "2024-06-01")
    assert report.exit_code == 0, report.output
    assert "No figure in the span yet" not in report.stdout and "2022 (-100%)" in report.stdout
    target = json.loads(_run("status", "-f", "json", "--as-of", "2024-06-01").stdout)["targets"][0]
    assert target["status"] == "not_available" and target["reason"] == "average_undefined"
    assert target["details"]["average"] is None and target["details"]["undefined_by"] == ["2022"]
