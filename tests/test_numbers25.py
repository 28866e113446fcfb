"""The numbers leftovers of the twenty-fourth session (issue 17, twenty-fifth session, pass
N), as an officer and an analyst meet them. Each test was written failing first; every
expected value is worked out by hand in the comments, never copied from qntrack's output.
Statuses are compared through the cache and cold (QNTRACK_NO_CACHE=1), as
tests/test_numbers24.py does: the cache's proof (tests/test_cache.py) holds for them too."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import run, shown, warm_and_cold_targets


_warm_and_cold = warm_and_cold_targets
_show = shown


# --- 1. A broken-down target whose figures are recorded by unit only -----------------------
# A share by locality (Alpha, Beta, Gamma declared) and an FDI plan by locality; the store
# holds Alpha's and Beta's figures, none of the whole (no row with no unit named) and none
# of Gamma. "No figure has been recorded for this indicator yet" was said of the whole:
# untrue, four rows of share are recorded. The whole is still not assessed (qntrack never
# works a total out of its units), for a reason of its own: `no_total_figure`.

_UNITS = """\
title: units only
dimensions:
  locality:
    name: {en: Locality, vi: Địa phương}
    values: [Alpha, Beta, Gamma]
indicators:
  share: {name: Share, unit: "%", dimensions: [locality]}
  fdi: {name: FDI, unit: mn USD, measure: flow, dimensions: [locality]}
  other: {name: Other, unit: "%", dimensions: [locality]}
targets:
  - {id: share-2025, indicator: share, baseline: 2020, milestones: [{by: 2025, value: 15}], for_each: locality}
  - {id: fdi-2024, type: plan, indicator: fdi, period: 2024, value: 100, for_each: locality}
  - {id: other-2025, indicator: other, baseline: 2020, milestones: [{by: 2025, value: 15}], for_each: locality}
"""

_UNITS_STORE = STORE_HEADER + (
    "share[locality=Alpha],2020,10,official,s,,2021-03-01T00:00:00Z\n"
    "share[locality=Alpha],2023,12,official,s,,2024-03-01T00:00:00Z\n"
    "share[locality=Beta],2020,10,official,s,,2021-03-01T00:00:00Z\n"
    "share[locality=Beta],2022,11,official,s,,2023-03-01T00:00:00Z\n"
    "fdi[locality=Alpha],2024-Q1,10,official,s,,2024-04-20T00:00:00Z\n"
)


@pytest.fixture
def units_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, _UNITS, _UNITS_STORE)


def test_a_whole_without_figure_whose_units_have_some_has_its_own_reason(units_only: Path):
    t = _warm_and_cold("--as-of", "2025-06-01")
    # The whole is not assessed either way; its units' figures make the reason another one.
    assert t["share-2025"]["status"] == "not_available"
    assert t["share-2025"]["reason"] == "no_total_figure"
    assert t["fdi-2024"]["reason"] == "no_total_figure"
    # No unit of `other` has a figure (Alpha, Beta, Gamma listed without one): the
    # indicator has none at all, and says so as before.
    assert t["other-2025"]["reason"] == "no_figures"
    # The units are judged as before: Alpha 10 -> 12 over 2020-2023, moderate progress.
    alpha = next(u for u in t["share-2025"]["breakdown"] if u["dims"] == {"locality": "Alpha"})
    assert alpha["status"] == "moderate_progress"


def test_show_says_the_units_have_figures_and_what_to_record(units_only: Path):
    said = _show("share-2025", "--as-of", "2025-06-01")
    assert "no figure has been recorded for this indicator yet" not in said
    # Two units have figures: Alpha's latest is 2023, Beta's 2022; the latest of them, 2023.
    assert "the whole has no figure yet, only its units: 2 units have figures, the latest for 2023" in said
    assert "add-observation share PERIOD VALUE, with no unit named" in said
    assert "No figures of the whole yet; its units' figures are below." in said
    # One unit with a figure: its quarter, Q1 2024, read as a part-year reading of the plan.
    said = _show("fdi-2024", "--as-of", "2025-06-01")
    assert "1 unit has figures, the latest for Q1 2024" in said
    said = _show("other-2025", "--as-of", "2025-06-01")
    assert "no figure has been recorded for this indicator yet" in said


def test_the_vietnamese_show_says_it_too(units_only: Path):
    said = _show("share-2025", "--as-of", "2025-06-01", "--lang", "vi")
    assert "chỉ tiêu chưa có số liệu nào" not in said
    assert "mới có số liệu theo đơn vị: 2 đơn vị đã có số liệu, mới nhất là năm 2023" in said
    assert "add-observation share KỲ GIÁ_TRỊ, không ghi đơn vị" in said


def test_a_whole_whose_figures_were_withdrawn_says_so_not_yet(units_only: Path):
    # The whole's 2020 figure recorded, then withdrawn: none is in force, the units still
    # have theirs; "no figure yet" would be untrue of a figure recorded and withdrawn.
    with (units_only / "observations.csv").open("a", encoding="utf-8") as fh:
        fh.write("share,2020,10,official,s,,2021-03-01T00:00:00Z\n")
        fh.write("share,2020,,retracted,,typo,2021-04-01T00:00:00Z\n")
    assert _warm_and_cold("--as-of", "2025-06-01")["share-2025"]["reason"] == "no_total_figure"
    said = _show("share-2025", "--as-of", "2025-06-01")
    assert "the whole has no figure in force (those recorded were withdrawn), only its units: 2 units" in said
    said = _show("share-2025", "--as-of", "2025-06-01", "--lang", "vi")
    assert "chỉ tiêu không còn số liệu chung (toàn bộ) nào có hiệu lực" in said


def test_the_report_says_it(units_only: Path, tmp_path: Path):
    r = run("report", "-o", str(tmp_path / "r.md"), "--as-of", "2025-06-01")
    assert r.exit_code == 0, r.stderr
    text = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "only its units: 2 units have figures, the latest for 2023" in text
    assert text.count("no figure has been recorded for this indicator yet") == 1  # other-2025 alone


# --- 2. A retraction takes the year its parts made with it ---------------------------------
# GRDP by quarter, 2022 recorded only in its quarters: 50 + 60 + 70 + 80 = 260, which the
# 2022 plan of 250 reads (achieved) and per capita derives from: 260 × 1000 / 1250 = 208
# (achieved against 200). `retract grdp 2022-Q3` named Q3 alone; 2022 went with it.

_SUMS = """\
title: sums
indicators:
  grdp: {name: GRDP, unit: bn VND, measure: flow, frequency: quarter}
  growth: {name: Growth, unit: "%", measure: rate, frequency: quarter}
  pop: {name: Population, unit: thousand, measure: level}
  per_capita: {name: GRDP per capita, unit: mn VND, formula: "grdp * 1000 / pop"}
targets:
  - {id: grdp-plan-2022, type: plan, indicator: grdp, period: 2022, value: 250}
  - {id: grdp-total, type: cumulative, indicator: grdp, at_least: 500, from: 2021, to: 2022}
  - {id: pc-2022, type: plan, indicator: per_capita, period: 2022, value: 200}
  - {id: grdp-2021, type: plan, indicator: grdp, period: 2021, value: 200}
"""

_SUMS_STORE = STORE_HEADER + (
    "grdp,2021,240,official,s,,2022-02-01T00:00:00Z\n"
    "grdp,2022-Q1,50,official,s,,2022-04-20T00:00:00Z\n"
    "grdp,2022-Q2,60,official,s,,2022-07-20T00:00:00Z\n"
    "grdp,2022-Q3,70,official,s,,2022-10-20T00:00:00Z\n"
    "grdp,2022-Q4,80,official,s,,2023-01-20T00:00:00Z\n"
    "growth,2022-Q3,8.1,official,s,,2022-10-20T00:00:00Z\n"
    "pop,2022,1250,official,s,,2023-02-01T00:00:00Z\n"
)


@pytest.fixture
def sums(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, _SUMS, _SUMS_STORE)


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines()]


def test_retracting_a_quarter_says_the_year_it_made_and_the_targets_judged_on_it(sums: Path):
    r = run("retract", "grdp", "2022-Q3")
    assert r.exit_code == 0, r.stderr
    said = _lines(r.stderr)
    assert said[0].startswith("retracted grdp 2022-Q3 (was 70,")
    assert (
        "grdp 2022 was its parts added up, 2022-Q1 + 2022-Q2 + 2022-Q3 + 2022-Q4 = 260: without 2022-Q3 it has "
        "no figure, until 2022-Q3 or 2022's own figure is recorded" in said
    )
    assert "per_capita 2022, derived from it, was 208: without 2022-Q3 it has no figure" in said
    # The three targets judged on 2022 were achieved (260 >= 250; 240 + 260 = 500 >= 500;
    # 208 >= 200); per capita has no 2022 now. grdp-2021 (240 of 2021) is untouched: not named.
    assert "target pc-2022: Target achieved → Not available without 2022-Q3" in said
    assert any(s.startswith("target grdp-plan-2022: Target achieved → ") for s in said)
    assert any(s.startswith("target grdp-total: Target achieved → ") for s in said)
    assert not any("grdp-2021" in s for s in said)
    # What it said is what status now says.
    t = _warm_and_cold()
    assert t["pc-2022"]["status"] == "not_available"
    assert t["grdp-plan-2022"]["status"] != "target_achieved"


def test_the_dry_run_of_a_retraction_says_it_too_and_writes_nothing(sums: Path):
    r = run("add-observation", "grdp", "2022-Q3", "", "--status", "retracted", "--dry-run")
    assert r.exit_code == 0, r.stderr
    said = _lines(r.stderr)
    assert "per_capita 2022, derived from it, was 208: without 2022-Q3 it has no figure" in said
    assert "target pc-2022: Target achieved → Not available without 2022-Q3" in said
    assert (sums / "observations.csv").read_text(encoding="utf-8") == _SUMS_STORE


def test_the_vietnamese_retraction_says_it(sums: Path):
    r = run("retract", "grdp", "2022-Q3", "--lang", "vi")
    assert r.exit_code == 0, r.stderr
    said = _lines(r.stderr)
    assert "per_capita 2022, tính từ chỉ tiêu này, là 208: thiếu 2022-Q3 thì không còn số liệu" in said
    assert "mục tiêu pc-2022: Đã đạt mục tiêu → Chưa đủ số liệu khi thiếu 2022-Q3" in said


def test_a_month_says_the_quarter_a_plan_is_for_and_the_year(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # Revenue by month, 10 each in 2022; a plan of 30 for 2022-Q2 and of 100 for 2022:
    # Q2 = 10 + 10 + 10 = 30 (achieved), 2022 = 12 × 10 = 120 (achieved). Withdrawing May
    # leaves neither: both are said, each with its own period to record.
    plan = (
        "title: months\n"
        "indicators:\n  rev: {name: Revenue, unit: bn VND, measure: flow, frequency: month}\n"
        "targets:\n"
        "  - {id: rev-q2, type: plan, indicator: rev, period: 2022-Q2, value: 30}\n"
        "  - {id: rev-2022, type: plan, indicator: rev, period: 2022, value: 100}\n"
    )
    store = STORE_HEADER + "".join(f"rev,2022-{m:02d},10,official,s,,2023-01-20T00:00:00Z\n" for m in range(1, 13))
    make_tracker(tmp_path, monkeypatch, plan, store)
    r = run("retract", "rev", "2022-05")
    assert r.exit_code == 0, r.stderr
    said = _lines(r.stderr)
    assert (
        "rev 2022-Q2 was its parts added up, 2022-04 + 2022-05 + 2022-06 = 30: without 2022-05 it has no figure, "
        "until 2022-05 or 2022-Q2's own figure is recorded" in said
    )
    months = " + ".join(f"2022-{m:02d}" for m in range(1, 13))
    assert f"rev 2022 was its parts added up, {months} = 120: without 2022-05 it has no figure" in said[2]
    assert any(s.startswith("target rev-q2: Target achieved → ") for s in said)
    assert any(s.startswith("target rev-2022: Target achieved → ") for s in said)


def test_a_published_year_or_a_rate_loses_nothing_and_says_nothing_more(sums: Path):
    # 2022 published (265) wins over its quarters: withdrawing Q3 leaves it as it was.
    with (sums / "observations.csv").open("a", encoding="utf-8") as fh:
        fh.write("grdp,2022,265,official,s,,2023-03-01T00:00:00Z\n")
    r = run("retract", "grdp", "2022-Q3")
    assert r.exit_code == 0, r.stderr
    assert len(_lines(r.stderr.strip())) == 1 and "retracted grdp 2022-Q3" in r.stderr
    # A growth rate's quarters never add up into a year.
    r = run("retract", "growth", "2022-Q3")
    assert r.exit_code == 0, r.stderr
    assert len(_lines(r.stderr.strip())) == 1


def test_a_sum_that_still_stands_from_months_is_said_with_its_new_value(sums: Path):
    # 2022's third quarter is also recorded month by month, 20 + 25 + 30 = 75 (a quarter
    # published, 70, wins over its months while it is in force).
    with (sums / "observations.csv").open("a", encoding="utf-8") as fh:
        fh.write("grdp,2022-07,20,official,s,,2022-08-20T00:00:00Z\n")
        fh.write("grdp,2022-08,25,official,s,,2022-09-20T00:00:00Z\n")
        fh.write("grdp,2022-09,30,official,s,,2022-10-21T00:00:00Z\n")
    r = run("retract", "grdp", "2022-Q3")
    assert r.exit_code == 0, r.stderr
    # Q3 gone, its months stand in: 50 + 60 + (20 + 25 + 30) + 80 = 265, not 260.
    assert (
        "grdp 2022 was its parts added up, 2022-Q1 + 2022-Q2 + 2022-Q3 + 2022-Q4 = 260: without 2022-Q3 it is 265"
        in _lines(r.stderr)
    )
    assert "per_capita 2022, derived from it, was 208: without 2022-Q3 it is 212" in _lines(r.stderr)


# --- 3. A derived figure says an input was added up ---------------------------------------
# Per capita 2022 = (50 + 60 + 70 + 80) × 1000 / 1250 = 208: its source said "= grdp * 1000
# / pop" alone, while the sum it was worked out from says "2022-Q1 + ... + 2022-Q4".


def test_a_derived_figure_of_a_sum_says_its_input_was_added_up(sums: Path):
    t = _warm_and_cold()
    latest = t["pc-2022"]["latest"]
    assert latest["period"] == "2022" and latest["value"] == 208
    assert latest["source"] == "= grdp * 1000 / pop; grdp = 2022-Q1 + 2022-Q2 + 2022-Q3 + 2022-Q4"
    # The sum's own source is as before.
    assert t["grdp-plan-2022"]["latest"]["source"] == "2022-Q1 + 2022-Q2 + 2022-Q3 + 2022-Q4"


def test_a_derived_figure_of_a_published_year_keeps_the_formula_alone(sums: Path):
    # 2022 published, 265: per capita 265 × 1000 / 1250 = 212, from no sum.
    with (sums / "observations.csv").open("a", encoding="utf-8") as fh:
        fh.write("grdp,2022,265,official,s,,2023-03-01T00:00:00Z\n")
    latest = _warm_and_cold()["pc-2022"]["latest"]
    assert (latest["value"], latest["source"]) == (212, "= grdp * 1000 / pop")


def test_the_table_show_and_report_say_the_input_was_added_up(sums: Path, tmp_path: Path):
    r = run("status", "--format", "table", env={"COLUMNS": "200"})
    assert r.exit_code == 0, r.stderr
    assert "208 mn VND (2022, an input added up)" in " ".join(r.stdout.split())
    said = _show("pc-2022")
    assert "The figure for 2022 is worked out from grdp for 2022, the sum of Q1 2022 to Q4 2022." in said
    said = _show("pc-2022", "--lang", "vi")
    assert "Số liệu năm 2022 được tính từ grdp năm 2022, là tổng các kỳ: từ quý I/2022 đến quý IV/2022." in said
    r = run("report", "-o", str(tmp_path / "r.md"))
    assert r.exit_code == 0, r.stderr
    assert "(2022, an input added up)" in (tmp_path / "r.md").read_text(encoding="utf-8")


def test_the_listing_of_such_a_figure_imported_back_adds_nothing(sums: Path, tmp_path: Path):
    listing = tmp_path / "listing.csv"
    r = run("observations", "--format", "csv")
    assert r.exit_code == 0, r.stderr
    assert "= grdp * 1000 / pop; grdp = 2022-Q1 + 2022-Q2 + 2022-Q3 + 2022-Q4" in r.stdout
    listing.write_text(r.stdout, encoding="utf-8")
    r = run("add-observation", "--from", str(listing))
    assert r.exit_code == 0, r.stderr
    assert (sums / "observations.csv").read_text(encoding="utf-8") == _SUMS_STORE


# --- 4. The charts draw the year to date that was judged ----------------------------------
# Investment by quarter, "at least 200 a year" and a level target of 300 by 2025; 2021 is
# 210, and of 2022 only Q1 and Q2, 70 each. The table judges H1 2022 = 70 + 70 = 140 against
# the bound's pace by June, 200 × 6 / 12 = 100; the charts drew the two quarters, 70 and 70,
# against the year's 200. A growth rate's quarters are readings of their own: drawn as before.

_OPEN_YEAR = """\
title: open year
indicators:
  invest: {name: Investment, unit: bn VND, measure: flow, frequency: quarter}
  growth: {name: Growth, unit: "%", measure: rate, frequency: quarter}
targets:
  - {id: invest-yearly, type: every_period, indicator: invest, at_least: 200, from: 2021, to: 2025}
  - {id: invest-level, indicator: invest, baseline: 2020, milestones: [{by: 2025, value: 300}]}
  - {id: growth-yearly, type: every_period, indicator: growth, at_least: 5, from: 2021, to: 2025}
"""

_OPEN_STORE = STORE_HEADER + (
    "invest,2020,190,official,s,,2021-02-01T00:00:00Z\n"
    "invest,2021,210,official,s,,2022-02-01T00:00:00Z\n"
    "invest,2022-Q1,70,official,s,,2022-04-20T00:00:00Z\n"
    "invest,2022-Q2,70,official,s,,2022-07-20T00:00:00Z\n"
    "growth,2021,6,official,s,,2022-02-01T00:00:00Z\n"
    "growth,2022-Q1,4.5,official,s,,2022-04-20T00:00:00Z\n"
    "growth,2022-Q2,5.5,official,s,,2022-07-20T00:00:00Z\n"
)


def _points(svg: str) -> tuple[list[str], list[str]]:
    """The labels of the points a chart draws (a line's points have none) and the values
    of all of them, as pygal writes them."""
    import re

    labels = re.findall(r'<desc class="label">([^<]*)</desc>', svg)
    values = [v.rpartition(": ")[2] for v in re.findall(r'<desc class="value">([^<]*)</desc>', svg)]
    return labels, values


@pytest.fixture
def open_year(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = make_tracker(tmp_path, monkeypatch, _OPEN_YEAR, _OPEN_STORE)
    r = run("report", "-o", str(folder / "r.md"), "--as-of", "2022-08-01")
    assert r.exit_code == 0, r.stderr
    return folder


def test_the_every_period_chart_draws_the_year_to_date_and_the_pace_it_was_set_against(open_year: Path):
    svg = (open_year / "r-charts" / "invest-yearly.svg").read_text(encoding="utf-8")
    # 2021's 210, H1 2022's 140 (hollow) and the bound's pace by then, 100 (hollow).
    assert _points(svg) == (["2021", "H1 2022", "H1 2022"], ["210", "140", "100"])
    assert "The threshold's pace by H1 2022 (≥ 100 bn VND)" in svg
    text = (open_year / "r.md").read_text(encoding="utf-8")
    assert "Hollow markers are the year to date (its parts added up)" in text


def test_the_level_chart_draws_the_year_to_date(open_year: Path):
    svg = (open_year / "r-charts" / "invest-level.svg").read_text(encoding="utf-8")
    # 2020's 190, 2021's 210, H1 2022's 140, and the milestone 300 by 2025.
    assert _points(svg) == (["H1 2022", "2025"], ["190", "210", "140", "300"])


def test_a_rates_quarters_are_drawn_as_before(open_year: Path):
    svg = (open_year / "r-charts" / "growth-yearly.svg").read_text(encoding="utf-8")
    assert _points(svg) == (["2021", "Q1 2022", "Q2 2022"], ["6", "4.5", "5.5"])
    assert "pace" not in svg
