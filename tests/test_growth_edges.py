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


# --- b. a growth rate below −100 % is warned of at entry and by check -------------------------

# 40 in 2021: no figure below is 5 times it, so no jump warning mixes in (checks.jump_ratio).
FLOOR_ROWS = dedent("""
    indicator,period,value,status,source,note,recorded_at
    growth,2021,40,,src,,2022-01-10T00:00:00Z
    share,2021,-150,,src,,2022-01-10T00:00:00Z
""")

# An average target implies `measure: rate` for its indicator (none declared here); `share`
# is a level, where -150 may be a real value (a balance) and is not a growth rate.
FLOOR_TARGETS = dedent("""
    version: 1
    title: "Test plan"
    indicators:
      growth:
        name: "GRDP growth"
        unit: "%"
        direction: increase
      share:
        name: "A level"
        unit: "billion VND"
        direction: increase
    targets:
      - id: avg
        type: average
        indicator: growth
        at_least: 10
        from: 2021
        to: 2025
      - id: lvl
        indicator: share
        baseline: 2021
""")


@pytest.fixture
def floor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, FLOOR_TARGETS, FLOOR_ROWS)


def _warnings(r) -> list[str]:
    return [line for line in r.stderr.splitlines() if ": warning: " in line or ": cảnh báo: " in line]


STAMP = "2024-02-01T00:00:00Z"


def test_a_growth_rate_below_minus_100_is_recorded_with_one_warning(floor: Path):
    r = _run("add-observation", "growth", "2022", "-150", "--recorded-at", STAMP)
    assert r.exit_code == 0, r.stderr
    assert _warnings(r) == ["add-observation: warning: growth 2022 = -150 is a growth rate below -100%: the quantity "
                            "would have fallen below zero; a typing slip? If so, 'qntrack retract growth 2022' "
                            "withdraws it"]
    assert (floor / "observations.csv").read_text(encoding="utf-8").splitlines()[-1] == \
        f"growth,2022,-150,,,,{STAMP}"


def test_in_vietnamese(floor: Path):
    r = _run("add-observation", "growth", "2022", "-150,5", "--recorded-at", STAMP, "--lang", "vi")
    assert r.exit_code == 0, r.stderr
    assert _warnings(r) == ["add-observation: cảnh báo: growth kỳ 2022 = -150,5 là tốc độ tăng dưới -100%: quy mô "
                            "sẽ giảm xuống dưới 0; có phải gõ nhầm? Nếu vậy, 'qntrack retract growth 2022' sẽ rút "
                            "lại số liệu này"]


@pytest.mark.parametrize("indicator, value", [("growth", "-100"), ("growth", "-99.9"), ("share", "-150")])
def test_no_warning_at_minus_100_or_for_a_level(floor: Path, indicator: str, value: str):
    """−100 % is a fall to zero, possible; −150 of a level (billion VND) is no growth rate."""
    r = _run("add-observation", indicator, "2022", value, "--recorded-at", STAMP)
    assert r.exit_code == 0, r.stderr
    assert _warnings(r) == []


def test_from_a_file_and_dry_run(floor: Path):
    (floor / "in.csv").write_text("indicator,period,value\ngrowth,2022,9\ngrowth,2023,-180\n", encoding="utf-8")
    before = (floor / "observations.csv").read_bytes()
    r = _run("add-observation", "--from", "in.csv", "--recorded-at", STAMP, "--dry-run")
    assert r.exit_code == 0, r.stderr
    assert len(_warnings(r)) == 1 and _warnings(r)[0].startswith("in.csv:3") and "-180" in r.stderr
    assert (floor / "observations.csv").read_bytes() == before
    r = _run("add-observation", "--from", "in.csv", "--recorded-at", STAMP)
    assert r.exit_code == 0, r.stderr
    assert len(_warnings(r)) == 1 and _warnings(r)[0].startswith("in.csv:3")
    assert (floor / "observations.csv").read_text(encoding="utf-8").count(STAMP) == 2


def test_check_flags_a_stored_one_as_a_warning(floor: Path):
    with (floor / "observations.csv").open("a", encoding="utf-8") as f:
        f.write("growth,2022,-150,,src,,2023-01-10T00:00:00Z\n")
    r = _run("check")
    assert r.exit_code == 0, r.output  # a warning: exit 0
    lines = [line for line in r.stderr.splitlines() if "below -100%" in line]
    assert len(lines) == 1 and lines[0].startswith("observations.csv:4: warning: growth 2022: -150 is a growth rate")
    doc = json.loads(_run("check", "--format", "json").stdout)
    [found] = [p for p in doc["problems"] if p["check"] == "growth-floor"]
    assert found["severity"] == "warning" and found["line"] == 4
    assert _run("check", "growth-floor").exit_code == 0
    listed = [line.split()[:3] for line in _run("check", "--list").stdout.splitlines()]
    assert ["growth-floor", "warning", "default"] in listed
    vi = _run("check", "--list", "--lang", "vi").stdout
    assert "growth-floor" in vi and "dưới -100%" in vi


def test_check_judges_the_figure_in_force_only(floor: Path):
    """−150 revised to −15 later: the store keeps the old vintage (append-only), which no
    longer counts anywhere; warning of it for ever would be noise nobody can clear."""
    with (floor / "observations.csv").open("a", encoding="utf-8") as f:
        f.write("growth,2022,-150,,src,,2023-01-10T00:00:00Z\n")
        f.write("growth,2022,-15,,src,,2023-02-10T00:00:00Z\n")
    r = _run("check")
    assert r.exit_code == 0 and "below -100%" not in r.stderr
    assert "below -100%" in _run("check", "--as-of", "2023-01-31").stderr
