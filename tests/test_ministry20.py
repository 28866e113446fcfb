"""A ministry's planning department adopting qntrack (issue 17, twentieth session): the
defects found, each test written failing first, the expected values worked out by hand in
a comment (docs/decisions.md, "A ministry's planning department adopting qntrack")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import run_clean, store_text

# --- A range typed where one figure goes ("6-7%", "6–7", "6 to 7"): said as a range, with
# the figure to write, never "not a number; write a decimal like 12.5".

_PLAN = """\
title: Ministry of Industry and Trade
indicators:
  export_growth: {name: Export turnover growth, unit: "%", measure: rate, frequency: month}
  exports: {name: Export turnover, unit: billion USD, measure: flow, frequency: month}
  trade_balance: {name: {en: Trade balance, vi: Cán cân thương mại}, unit: {en: billion USD, vi: tỷ USD}, measure: balance, frequency: month}
  cpi: {name: Average CPI increase, unit: "%", measure: rate, direction: decrease, frequency: month}
targets:
  - id: export-growth-2025
    type: plan
    indicator: export_growth
    period: 2025
    value: VALUE
"""

_EMPTY = "indicator,period,value,status,source,note,recorded_at\n"


@pytest.mark.parametrize("typed", ["6-7", '"6-7%"', "6–7", "6 to 7", "6,5-7"])
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_range_in_targets_yaml_is_said_as_a_range_with_the_figure_to_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: str, lang: str
):
    from conftest import make_tracker

    folder = make_tracker(tmp_path, monkeypatch, _PLAN.replace("VALUE", typed), _EMPTY)
    r = run_clean("--lang", lang, "check")
    assert r.exit_code == 1
    # The line of `value:` (line 12), once, with both ends said as figures to write: the
    # lower end where higher is better (6), the higher where lower is better (7).
    lines = [line for line in r.output.splitlines() if "error" in line or "lỗi" in line]
    assert len(lines) == 1, r.output
    assert lines[0].startswith("targets.yaml:12:"), r.output
    low = "6.5" if typed == "6,5-7" else "6"  # as targets.yaml reads a number: a decimal point
    if lang == "en":
        assert "is a range" in lines[0] and f"write {low}" in lines[0] and "7 where lower is better" in lines[0]
        assert "not a number" not in lines[0]
    else:
        assert "là một khoảng" in lines[0] and f"ghi {low}" in lines[0] and "7 nếu càng thấp càng tốt" in lines[0]
    assert "Traceback" not in r.output
    assert (folder / "observations.csv").read_text() == _EMPTY


@pytest.mark.parametrize("typed", ["6-7", "6-7%", "6–7", "6 to 7"])
def test_a_range_typed_as_a_figure_is_said_as_a_range(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: str):
    from conftest import make_tracker

    folder = make_tracker(tmp_path, monkeypatch, _PLAN.replace("VALUE", "6"), _EMPTY)
    r = run_clean("add-observation", "export_growth", "2025-09", typed)
    assert r.exit_code == 1
    assert "is a range" in r.output and "one figure" in r.output, r.output
    r = run_clean("--lang", "vi", "add-observation", "export_growth", "2025-09", typed)
    assert r.exit_code == 1
    assert "là một khoảng" in r.output, r.output
    assert store_text(folder) == _EMPTY


def test_a_negative_figure_and_a_date_are_no_range(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from conftest import make_tracker

    folder = make_tracker(tmp_path, monkeypatch, _PLAN.replace("VALUE", "6"), _EMPTY)
    # -1.2 is a deficit, read as before; 7-6 (the higher end first) is no range, and
    # neither is a period typed as a value.
    assert run_clean("add-observation", "trade_balance", "2025-01", "-1.2", "--status", "estimate").exit_code == 0
    assert "trade_balance,2025-01,-1.2,estimate" in store_text(folder)
    for typed in ("7-6", "2025-09"):
        r = run_clean("add-observation", "export_growth", "2025-09", typed)
        assert r.exit_code == 1 and "range" not in r.output, r.output


# --- A flow's plan read during the year from the months recorded one by one (the
# ministry's monthly figures): the months from January add up to the year to date, as the
# cumulative kind adds its periods. Before, only January was "year to date", and in July
# the 400 bn plan was judged on January's 33.6 alone ("8.4% of the plan").

_MONTHS = """\
indicator,period,value,status,source,note,recorded_at
exports,2025-01,33.6,estimate,MOIT,,2025-02-06T00:00:00Z
exports,2025-02,30.3,estimate,MOIT,,2025-03-06T00:00:00Z
exports,2025-03,36.7,estimate,MOIT,,2025-04-06T00:00:00Z
exports,2025-04,37.4,preliminary,MOIT,,2025-05-06T00:00:00Z
exports,2025-05,39.6,estimate,MOIT,,2025-06-06T00:00:00Z
exports,2025-06,39.4,estimate,MOIT,,2025-07-06T00:00:00Z
"""

_EXPORTS_PLAN = _PLAN.replace("export-growth-2025", "exports-2025").replace(
    "indicator: export_growth", "indicator: exports"
)


def _plan_json(target: str, as_of: str) -> dict:
    r = run_clean("status", target, "--format", "json", "--as-of", as_of)
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)["targets"][0]


def test_a_flows_months_add_up_to_the_year_to_date_its_plan_is_read_against(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, _EXPORTS_PLAN.replace("VALUE", "400"), _MONTHS)
    t = _plan_json("exports-2025", "2025-07-10")
    # 33.6 + 30.3 + 36.7 + 37.4 + 39.6 + 39.4 = 217.0 by the end of June (2025-H1);
    # 217 / 400 = 54.25 % of the plan after 6 / 12 = 0.5 of the year: P = 0.5425 / 0.5 =
    # 1.085, substantial progress, score 7.1429 × 1.085 − 4.2857 = 3.4643.
    assert t["provisional"]["period"] == "2025-H1"
    assert t["provisional"]["value"] == 217.0
    ytd = t["details"]["year_to_date"]
    assert ytd["period"] == "2025-H1" and ytd["value"] == 217.0
    assert ytd["percent_of_plan"] == pytest.approx(54.25)
    assert ytd["share_of_time"] == 0.5
    assert t["progress_value"] == pytest.approx(1.085)
    assert t["status"] == "substantial_progress"
    assert t["score"] == pytest.approx(3.4643, abs=1e-4)
    # Its kind is the least final of the months' (an estimate among them), and it was
    # known when the last of them was recorded.
    assert t["provisional"]["status"] == "estimate"
    assert t["provisional"]["recorded_at"].startswith("2025-07-06")
    # As of 10 May only January to April were known: 138.0 by 2025-4M, 34.5 % after
    # 4 / 12 of the year, P = 0.345 / 0.33333 = 1.035.
    t = _plan_json("exports-2025", "2025-05-10")
    assert t["provisional"]["period"] == "2025-4M" and t["provisional"]["value"] == 138.0
    assert t["progress_value"] == pytest.approx(1.035)


def test_a_published_year_to_date_figure_wins_over_its_months_sum_and_a_gap_stops_the_sum(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from conftest import make_tracker

    # The ministry's "5 tháng" release (178.0, which carries the revisions of earlier
    # months) is the year to date to May; June's month is added to it: 178.0 + 39.4 = 217.4.
    store = _MONTHS + "exports,2025-5M,178.0,preliminary,MOIT,,2025-06-08T00:00:00Z\n"
    make_tracker(tmp_path, monkeypatch, _EXPORTS_PLAN.replace("VALUE", "400"), store)
    t = _plan_json("exports-2025", "2025-07-10")
    assert t["provisional"]["period"] == "2025-H1" and t["provisional"]["value"] == 217.4
    # Up to 10 June the published 5-month figure itself is the reading, as recorded.
    t = _plan_json("exports-2025", "2025-06-10")
    assert t["provisional"] == {**t["provisional"], "period": "2025-5M", "value": 178.0, "source": "MOIT"}


def test_a_month_missing_ends_the_sum(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from conftest import make_tracker

    # March missing: the months add up to February only, 33.6 + 30.3 = 63.9 (2025-2M);
    # April to June cannot be added without March.
    store = "".join(line + "\n" for line in _MONTHS.splitlines() if ",2025-03," not in line)
    make_tracker(tmp_path, monkeypatch, _EXPORTS_PLAN.replace("VALUE", "400"), store)
    t = _plan_json("exports-2025", "2025-07-10")
    assert t["provisional"]["period"] == "2025-2M" and t["provisional"]["value"] == 63.9


# --- A trade balance's year-to-date surplus read against the year's plan at its pace, as
# a flow's is: the months' balances add up to the year's. Before, the balance (the example
# methodology.md gives of `measure: balance`) was read as a level: January's surplus of 3
# against the year's 15 was "limited progress, gap 12", and so was a first half of 7.6,
# ahead of the plan's pace.

_BALANCE = """\
indicator,period,value,status,source,note,recorded_at
trade_balance,2025-01,3.0,estimate,MOIT,,2025-02-06T00:00:00Z
trade_balance,2025-02,-1.5,estimate,MOIT,,2025-03-06T00:00:00Z
trade_balance,2025-03,1.6,estimate,MOIT,,2025-04-06T00:00:00Z
trade_balance,2025-04,2.4,estimate,MOIT,,2025-05-06T00:00:00Z
trade_balance,2025-05,1.0,estimate,MOIT,,2025-06-06T00:00:00Z
trade_balance,2025-06,1.1,estimate,MOIT,,2025-07-06T00:00:00Z
"""

_BALANCE_PLAN = _PLAN.replace("export-growth-2025", "trade-surplus-2025").replace(
    "indicator: export_growth", "indicator: trade_balance"
)


def test_a_trade_balances_year_to_date_is_read_at_the_plans_pace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, _BALANCE_PLAN.replace("VALUE", "15"), _BALANCE)
    # By 10 April: 3.0 − 1.5 + 1.6 = 3.1 by 2025-Q1, against the plan's pace 15 × 3 / 12 =
    # 3.75: behind it, limited progress. No per cent of a balance, no P, no score.
    t = _plan_json("trade-surplus-2025", "2025-04-10")
    assert t["provisional"]["period"] == "2025-Q1" and t["provisional"]["value"] == 3.1
    assert t["status"] == "limited_progress"
    ytd = t["details"]["year_to_date"]
    assert ytd["share_of_time"] == 0.25 and ytd["percent_of_plan"] is None
    assert t["progress_value"] is None and t["score"] is None
    # By 10 July: 3.1 + 2.4 + 1.0 + 1.1 = 7.6 by 2025-H1, against 15 × 6 / 12 = 7.5: on
    # the plan's pace, substantial progress (as a level, 7.6 < 15 read "limited").
    t = _plan_json("trade-surplus-2025", "2025-07-10")
    assert t["provisional"]["period"] == "2025-H1" and t["provisional"]["value"] == 7.6
    assert t["status"] == "substantial_progress"
    # The gap is to the year's plan, as a flow's: 15 − 7.6 = 7.4.
    assert t["gap"] == pytest.approx(7.4)


def test_a_trade_deficit_plan_is_read_at_its_pace_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from conftest import make_tracker

    # A plan of a deficit of at most 2 (−2), higher is better. By 2025-H1 the months add
    # up to 7.6, above the pace −2 × 6 / 12 = −1: substantial progress, never "achieved"
    # before the year's figure.
    make_tracker(tmp_path, monkeypatch, _BALANCE_PLAN.replace("VALUE", "-2"), _BALANCE)
    t = _plan_json("trade-surplus-2025", "2025-07-10")
    assert t["status"] == "substantial_progress" and t["provisional"]["value"] == 7.6


# --- A year-to-date figure typed as a month's ("T10/2025 350.2", the ten months' total):
# with the months now added up to the year to date, it would read the plan achieved. `check`
# warns of a part of the year at least the parts before it added up, and says what to write.

_YEAR = _MONTHS + (
    "exports,2025-07,42.1,estimate,MOIT,,2025-08-06T00:00:00Z\n"
    "exports,2025-08,43.0,estimate,MOIT,,2025-09-06T00:00:00Z\n"
    "exports,2025-09,41.2,estimate,MOIT,,2025-10-06T00:00:00Z\n"
)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_year_to_date_figure_recorded_as_a_month_is_warned_of(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
):
    from conftest import make_tracker

    # The nine months add up to 217.0 + 42.1 + 43.0 + 41.2 = 343.3; October's 350.2 (the
    # ten months' total, typed as the month) is more than that: line 11 of the store.
    store = _YEAR + "exports,2025-10,350.2,estimate,MOIT,,2025-11-06T00:00:00Z\n"
    make_tracker(tmp_path, monkeypatch, _EXPORTS_PLAN.replace("VALUE", "400"), store)
    r = run_clean("--lang", lang, "check")
    assert r.exit_code == 0, r.output  # a warning: a month may be that large
    [said] = [line for line in r.output.splitlines() if "2025-10" in line]
    assert said.startswith("observations.csv:11:"), said
    assert "343.3" in said or "343,3" in said
    assert "2025-10M" in said and "qntrack retract exports 2025-10" in said
    if lang == "vi":
        assert "lũy kế" in said
    r = run_clean("check", "year-to-date", "--format", "json")
    assert [p["check"] for p in json.loads(r.stdout)["problems"]] == ["year-to-date"]


def test_months_and_quarters_as_published_are_not_warned_of(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from conftest import make_tracker

    # Each month well below the months before it; a second quarter above the first (one
    # part before it: nothing to tell a quarter from a half year by).
    store = _YEAR + (
        "exports,2024-Q1,90.0,official,MOIT,,2024-05-06T00:00:00Z\n"
        "exports,2024-Q2,100.0,official,MOIT,,2024-08-06T00:00:00Z\n"
    )
    make_tracker(tmp_path, monkeypatch, _EXPORTS_PLAN.replace("VALUE", "400"), store)
    r = run_clean("check")
    assert r.exit_code == 0 and r.output == "", r.output


def test_a_range_in_an_imported_cell_is_said_as_a_range(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from conftest import make_tracker

    folder = make_tracker(tmp_path, monkeypatch, _PLAN.replace("VALUE", "6"), _EMPTY)
    # A long table (line 2) and a wide one (its 2025 column): each said as a range.
    (folder / "long.csv").write_text("indicator,period,value\nexport_growth,2025-04,6-7%\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "long.csv")
    assert r.exit_code == 1
    assert r.stderr.startswith("long.csv:2: error: '6-7%' is a range"), r.stderr
    (folder / "wide.csv").write_text("indicator,2025\nexport_growth,6–7\n", encoding="utf-8")
    r = run_clean("--lang", "vi", "add-observation", "--from", "wide.csv", "--wide")
    assert r.exit_code == 1
    assert "kỳ 2025: '6–7' là một khoảng" in r.stderr, r.stderr
    assert store_text(folder) == _EMPTY


# --- A ceiling ("inflation not more than 4.5%") is said as one in the report's statement of
# the target: it read "4.5% in 2025 (annual plan).", as a figure to reach.

_CPI_PLAN = _PLAN.replace("export-growth-2025", "inflation-2025").replace("indicator: export_growth", "indicator: cpi")


def test_a_lower_is_better_plan_is_stated_as_a_ceiling(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from conftest import make_tracker

    store = _EMPTY + "cpi,2025,3.31,official,GSO,,2026-01-06T00:00:00Z\n"
    folder = make_tracker(tmp_path, monkeypatch, _CPI_PLAN.replace("VALUE", "4.5"), store)
    for lang, said in (
        ("en", "**What the target says:** At most 4.5% in 2025 (annual plan)."),
        ("vi", "**Nội dung mục tiêu:** Kế hoạch năm 2025: không quá 4,5%."),
    ):
        r = run_clean("--lang", lang, "report", "--format", "markdown", "-o", f"r-{lang}.md", "--as-of", "2026-01-10")
        assert r.exit_code == 0, r.output
        assert said in (folder / f"r-{lang}.md").read_text(encoding="utf-8")
    # A plan where higher is better reads as before.
    (tmp_path / "up").mkdir()
    folder = make_tracker(tmp_path / "up", monkeypatch, _PLAN.replace("VALUE", "6"), _EMPTY)
    assert run_clean("report", "--format", "markdown", "-o", "up.md").exit_code == 0
    assert "**What the target says:** 6% in 2025 (annual plan)." in (folder / "up.md").read_text(encoding="utf-8")


# --- The year's average CPI recorded after the nine months' (3.27) and September's own
# (0.42, month on month): compared with September alone it was "7.88 times the figure for
# 2025-09, a unit or typing slip?". Of the periods that end last, the longest is the
# neighbour, as a year to date is read before a month ending with it.


def test_a_years_figure_is_compared_with_the_year_to_date_not_the_month_ending_with_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from conftest import make_tracker

    store = _EMPTY + (
        "cpi,2025-9M,3.27,estimate,GSO,,2025-10-06T00:00:00Z\ncpi,2025-09,0.42,estimate,GSO,,2025-10-06T00:00:00Z\n"
    )
    folder = make_tracker(tmp_path, monkeypatch, _CPI_PLAN.replace("VALUE", "4.5"), store)
    # A slip beside the nine months is still one: 33.1 / 3.27 = 10.12, "10.1 times".
    r = run_clean("add-observation", "cpi", "2025", "33.1", "--dry-run", "--recorded-at", "2026-01-06")
    assert "10.1 times the figure for 2025-9M (3.27)" in r.stderr, r.stderr
    r = run_clean("add-observation", "cpi", "2025", "3.31", "--status", "official", "--recorded-at", "2026-01-06")
    # 3.31 / 3.27 = 1.01: no slip; 3.31 / 0.42 = 7.88 was the warning.
    assert r.exit_code == 0 and "warning" not in r.stderr, r.stderr
    assert "cpi,2025,3.31,official" in store_text(folder)


# --- A balance's year to date said at the plan's pace in `show` and the report, as a plan
# below zero is: it read "Q1 2025: 3.1 billion USD, –% of the annual plan after 25% of the
# year", a per cent it has none of.


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_balances_year_to_date_is_said_at_the_plans_pace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str):
    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, _BALANCE_PLAN.replace("VALUE", "15"), _BALANCE)
    r = run_clean("--lang", lang, "show", "trade-surplus-2025", "--as-of", "2025-04-10")
    assert r.exit_code == 0, r.output
    # 3.1 by Q1, after 25 % of the year; the plan's pace, 15 × 3 / 12 = 3.75.
    said = " ".join(r.stdout.split())  # the sentence as wrapped at the table's width, on one line
    assert "–%" not in said, said
    if lang == "en":
        assert "3.1 billion USD after 25% of the year" in said and "it would be 3.75 billion USD" in said, said
    else:
        assert "3,1 tỷ USD sau 25% thời gian" in said and "thì là 3,75 tỷ USD" in said, said


def test_a_second_half_plans_months_add_up_only_to_a_span_that_can_be_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from conftest import make_tracker

    # A plan for 2025-H2 of 200. July (30) and August (35) would add up to July–August, a
    # span no period writes (2025-8M is January to August): the reading stays July's own,
    # 30. With September (40), July to September is the third quarter: 30 + 35 + 40 = 105.
    plan = _EXPORTS_PLAN.replace("VALUE", "200").replace("period: 2025", "period: 2025-H2")
    store = _EMPTY + (
        "exports,2025-07,30,estimate,MOIT,,2025-08-06T00:00:00Z\n"
        "exports,2025-08,35,estimate,MOIT,,2025-09-06T00:00:00Z\n"
        "exports,2025-09,40,estimate,MOIT,,2025-10-06T00:00:00Z\n"
    )
    make_tracker(tmp_path, monkeypatch, plan, store)
    t = _plan_json("exports-2025", "2025-09-10")
    assert (t["provisional"]["period"], t["provisional"]["value"]) == ("2025-07", 30.0)
    t = _plan_json("exports-2025", "2025-10-10")
    assert (t["provisional"]["period"], t["provisional"]["value"]) == ("2025-Q3", 105.0)


@pytest.mark.parametrize("dry_run", [False, True])
def test_a_year_to_date_figure_typed_as_a_month_is_said_at_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dry_run: bool
):
    from conftest import make_tracker

    # As at `check`: 350.2 for October against the nine months' 343.3. Said at entry as what
    # it probably is, with the period to record it as, instead of "8.5 times the figure for
    # 2025-09 (41.2); a unit or typing slip?" (350.2 / 41.2 = 8.5).
    make_tracker(tmp_path, monkeypatch, _EXPORTS_PLAN.replace("VALUE", "400"), _YEAR)
    args = ["add-observation", "exports", "T10/2025", "350.2", "--recorded-at", "2025-11-06"]
    r = run_clean(*args, *(["--dry-run"] if dry_run else []))
    assert r.exit_code == 0, r.output
    warnings = [line for line in r.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1, r.stderr
    assert "at least the 9 months before it added up (343.3 by 2025-9M)" in warnings[0]
    assert "2025-10M" in warnings[0]
    assert ("qntrack retract exports 2025-10" in warnings[0]) is not dry_run
    # A month as published is said nothing of.
    r = run_clean("add-observation", "exports", "T10/2025", "42.5", "--recorded-at", "2025-11-06", "--dry-run")
    assert "warning" not in r.stderr, r.stderr


def test_a_figure_far_beyond_the_year_to_date_is_a_slip_not_a_total(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from conftest import make_tracker

    # October typed 100 times too large, 4250 for 42.5: more than twice the nine months'
    # 343.3 (686.6), so no total since January (which adds one month to them: about 343.3
    # × 10 / 9 = 381.4); said as a jump at entry (4250 / 41.2 = 103 times), and `check`
    # says nothing of a year to date.
    make_tracker(tmp_path, monkeypatch, _EXPORTS_PLAN.replace("VALUE", "400"), _YEAR)
    r = run_clean("add-observation", "exports", "T10/2025", "4250", "--recorded-at", "2025-11-06")
    assert "103 times the figure for 2025-09 (41.2)" in r.stderr and "months before" not in r.stderr, r.stderr
    r = run_clean("check", "year-to-date")
    assert r.exit_code == 0 and r.output == "", r.output


# --- A total since January written with its word, as a ministry's release heads it:
# "Lũy kế 9 tháng 2025", "lũy kế tháng 9/2025" (cumulative to September), "cộng dồn đến
# hết tháng 10/2025". It was "not a period".


@pytest.mark.parametrize(
    ("typed", "period"),
    [
        ("lũy kế 9 tháng 2025", "2025-9M"),
        ("Lũy kế tháng 9/2025", "2025-9M"),
        ("lũy kế T9/2025", "2025-9M"),
        ("cộng dồn đến hết tháng 10/2025", "2025-10M"),
        ("Lũy kế từ đầu năm đến tháng 3/2025", "2025-Q1"),
    ],
)
def test_a_total_since_january_written_with_its_word_is_that_period(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: str, period: str
):
    from conftest import make_tracker

    folder = make_tracker(tmp_path, monkeypatch, _EXPORTS_PLAN.replace("VALUE", "400"), _EMPTY)
    r = run_clean("add-observation", "exports", typed, "308.5", "--status", "estimate", "--recorded-at", "2025-11-06")
    assert r.exit_code == 0, r.output
    assert f"exports,{period},308.5,estimate" in store_text(folder)


def test_a_total_since_january_of_a_later_span_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from conftest import make_tracker

    # "Lũy kế quý III": a third quarter is no span from January; which total was meant
    # (the nine months, or the quarter) is not guessed.
    folder = make_tracker(tmp_path, monkeypatch, _EXPORTS_PLAN.replace("VALUE", "400"), _EMPTY)
    r = run_clean("add-observation", "exports", "lũy kế quý III/2025", "308.5")
    assert r.exit_code == 1 and "not a period" in r.stderr, r.stderr
    assert store_text(folder) == _EMPTY
