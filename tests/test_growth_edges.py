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
from qntrack.kinds import assess_target
from qntrack.cli import app
from qntrack.plan.model import (
    AverageTarget,
    Baseline,
    Bound,
    Direction,
    Indicator,
    LevelTarget,
    Measure,
    Milestone,
    Observation,
    Text,
)
from qntrack.output.narrative import explain
from qntrack.plan.periods import parse_period as P
from qntrack.method.progress import Status

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


@pytest.mark.parametrize(
    "lang, says, never",
    [
        ("en", ["2022 (-100%)", "no average growth rate", "2021–2023"], ["No figure in the span"]),
        (
            "vi",
            ["2022 (-100%)", "không tính được tốc độ tăng bình quân", "2021–2023"],
            ["Chưa có số liệu trong giai đoạn"],
        ),
    ],
)
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

# 40 in 2021: no figure below is 5 times it, so no jump warning mixes in (checks_jumps.jump_ratio).
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


@pytest.mark.parametrize(
    "value, lang, stored, warning",
    [
        (
            "-150",
            "en",
            "-150",
            "add-observation: warning: growth 2022 = -150 is a growth rate below -100%: the quantity "
            "would have fallen below zero; a typing slip? If so, 'qntrack retract growth 2022' "
            "withdraws it",
        ),
        (
            "-150,5",
            "vi",
            "-150.5",
            "add-observation: cảnh báo: growth kỳ 2022 = -150,5 là tốc độ tăng dưới -100%: quy mô "
            "sẽ giảm xuống dưới 0; có phải gõ nhầm? Nếu vậy, 'qntrack retract growth 2022' sẽ rút "
            "lại số liệu này",
        ),
    ],
    ids=["en", "vi"],
)
def test_a_growth_rate_below_minus_100_is_recorded_with_one_warning(
    floor: Path, value: str, lang: str, stored: str, warning: str
):
    language = ["--lang", lang] if lang != "en" else []  # English as a user gets it: no --lang
    r = _run("add-observation", "growth", "2022", value, "--recorded-at", STAMP, *language)
    assert r.exit_code == 0, r.stderr
    assert _warnings(r) == [warning]
    assert (floor / "observations.csv").read_text(encoding="utf-8").splitlines()[
        -1
    ] == f"growth,2022,{stored},,,,{STAMP}"


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


# --- c. a level target whose baseline is zero --------------------------------------------------

SHARE = Indicator("share", Text("Hi-tech share", "Tỷ trọng công nghệ cao"), unit="%", direction=Direction.INCREASE)


def zero_base(*milestones: tuple[int, float]) -> LevelTarget:
    return LevelTarget(
        id="hitech",
        indicator="share",
        baseline=Baseline(P("2020"), 0.0),
        milestones=tuple(Milestone(P(str(y)), v) for y, v in milestones),
    )


ZERO_ROWS = (("2021", 2.0), ("2022", 4.0), ("2023", 7.0))


def test_a_zero_baseline_is_judged_by_absolute_change():
    """Base 0 (2020), 2023 = 7, milestone 15 by 2025. Growth from zero has no rate (Open
    SDG's 0.001 stand-in gave P = 3.1 and the top score), so the change a year is read:
    required (15 − 0) / 5 = 3 a year; achieved (7 − 0) / 3 = 2.333333 a year;
    P = 2.333333 / 3 = 0.777778: moderate progress; score 7.1429 × 0.777778 − 4.2857 = 5.555589 − 4.2857 = 1.269889.
    Straight path: 2023 should be 0 + 3 × 3 = 9, deviation 7 − 9 = −2; needed from now
    (15 − 7) / 2 = 4 a year; projected 2025: 7 + 2 × 2.333333 = 11.666667, short of 15;
    15 passed after (15 − 7) / 2.333333 = 3.43 years -> 4 -> 2027 (a projection). Gap 15 − 7 = 8."""
    a = assess_target(zero_base((2025, 15)), SHARE, rows("share", *ZERO_ROWS))
    m = a.milestones[0]
    assert m.method == "absolute_change"
    assert a.status is Status.MODERATE_PROGRESS and a.reason is None
    assert m.required_change == approx(3.0) and m.achieved_change == approx(7 / 3)
    assert a.progress_value == approx(0.777778, abs=1e-6)
    assert a.score == approx(1.269889, abs=1e-5)
    assert m.required_rate is None and a.achieved_rate is None
    assert m.trajectory == approx(9.0) and m.deviation == approx(-2.0)
    assert m.required_change_from_latest == approx(4.0)
    assert m.projected == approx(35 / 3)
    assert str(m.reached_in) == "2027" and m.reached_is_projection
    assert m.gap == approx(8.0)


def test_a_zero_baseline_that_did_not_move_is_limited_progress_not_deterioration():
    """Base 0, 2023 = 0: achieved change 0, P = 0 / 3 = 0: limited progress (a series that
    has not moved; methodology "Statuses"). The 0.001 stand-in read it as a fall of 100 %
    a year: deterioration."""
    a = assess_target(zero_base((2025, 15)), SHARE, rows("share", ("2021", 0.0), ("2023", 0.0)))
    assert a.status is Status.LIMITED_PROGRESS and a.progress_value == approx(0.0)


@pytest.mark.parametrize(
    "lang, says",
    [
        (
            "en",
            [
                "From 0% in 2020 to 7% in 2023: +2.33 pp a year against +3 pp a year required.",
                "A baseline of zero has no growth rate",
                "At this pace it reaches 11.67% in 2025, short of 15%; from now on it needs +4 pp a year.",
                "At the current pace 15% would be reached in 2027.",
            ],
        ),
        (
            "vi",
            [
                "Giai đoạn 2020–2023: tăng từ 0% lên 7%, bình quân +2,33 điểm phần trăm/năm (lộ trình cần +3 điểm phần trăm/năm).",
                "Giá trị gốc bằng 0 nên không có tốc độ tăng",
                "Với tốc độ này, năm 2025 đạt 11,67%, chưa đạt 15%; từ nay cần +4 điểm phần trăm/năm.",
            ],
        ),
    ],
)
def test_a_zero_baseline_is_explained(lang: str, says: list[str]):
    text = explain(assess_target(zero_base((2025, 15)), SHARE, rows("share", *ZERO_ROWS)), lang)
    for sentence in says:
        assert any(sentence in s for s in text), (sentence, text)


def test_a_direction_only_target_from_zero_is_not_given_the_top_score_in_silence():
    """No milestone, base 0: method 1's thresholds are growth rates and growth from zero has
    none (the stand-in gave a = (7 / 0.001)^(1/3) − 1 = 18.13, score 5). As for a series
    that crosses zero, no required change exists to compare with: not available, with the
    change said (+7 pp over 2020–2023) and why."""
    target = LevelTarget(id="hitech", indicator="share", baseline=Baseline(P("2020"), 0.0))
    a = assess_target(target, SHARE, rows("share", *ZERO_ROWS))
    assert a.status is Status.NOT_AVAILABLE and a.reason == "zero_baseline" and a.score is None
    text = " ".join(explain(a, "en"))
    assert "From 0% in 2020 to 7% in 2023 (+7 pp)." in text and "baseline is zero" in text
    assert "từ 0% lên 7%" in " ".join(explain(a, "vi"))


ZERO_TARGETS = dedent("""
    version: 1
    title: "Test plan"
    indicators:
      share:
        name: "Hi-tech share"
        unit: "%"
        direction: increase
    targets:
      - id: hitech
        indicator: share
        baseline: {period: 2020, value: 0}
        milestones:
          - {by: 2025, value: 15}
""")

ZERO_OBS = dedent("""
    indicator,period,value,status,source,note,recorded_at
    share,2021,2,,src,,2022-01-10T00:00:00Z
    share,2022,4,,src,,2023-01-10T00:00:00Z
    share,2023,7,,src,,2024-01-10T00:00:00Z
""")


def test_show_status_and_report_on_a_zero_baseline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    make_tracker(tmp_path, monkeypatch, ZERO_TARGETS, ZERO_OBS)
    target = json.loads(_run("status", "-f", "json", "--as-of", "2024-06-01").stdout)["targets"][0]
    assert target["status"] == "moderate_progress" and target["score"] == approx(1.269889, abs=1e-5)
    assert target["milestones"][0]["method"] == "absolute_change"
    show = _run("show", "hitech", "--as-of", "2024-06-01", "-f", "table")
    assert show.exit_code == 0, show.output
    short = show.stdout.split("In short", 1)[1]
    assert "+2.33 pp a year against +3 pp a year required" in short and "2027" in short
    report = _run("report", "--format", "markdown", "--as-of", "2024-06-01")
    assert "+2.33 pp a year against +3 pp a year required" in report.stdout
