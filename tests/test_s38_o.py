"""Issue 17, thirty-eighth session, pass O: the shipped Quảng Ninh plan (``timezone:
+07:00``) used as a provincial statistics officer preparing the 2026 year-end review, on a
machine set to UTC or to New York. Each test was written first and seen failing; the
expected days are worked out by hand from docs/methodology.md ("Deadlines passed without a
figure": a deadline is behind us once the last month of its period is over, 2026 on
1 January 2027).

1. A year's estimate published in December (the statistics office's ước tính, which
   docs/data-integrity.md accepts before the year is over) that misses the year's plan made
   the plan "✗ Deadline passed, not achieved" and "Periods missed: 2026" on 7 December
   2026, three weeks before the deadline. The status stays "Not achieved" (the office's
   own estimate of the year says so); the deadline is said passed only from 1 January.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import run_clean

PLAN_2026 = """
  - id: grdp-growth-plan-2026
    type: plan
    indicator: grdp_growth
    name: {en: "GRDP growth plan 2026: 12%", vi: "Kế hoạch tăng trưởng GRDP 2026: 12%"}
    period: 2026
    value: 12

  - id: double-digit-2026-2030
    type: every_period
    indicator: grdp_growth
    name: {en: "Double-digit GRDP growth, 2026-2030", vi: "Tăng trưởng GRDP hai con số, 2026-2030"}
    at_least: 10
    from: 2026
    to: 2030
"""

# The year's estimate, published on 5 December 2026 (09:00 in Hà Nội), below both bounds.
ESTIMATE_2026 = "grdp_growth,2026,9.5,estimate,Cục Thống kê,ước tính cả năm,2026-12-05T02:00:00Z\n"


@pytest.fixture
def year_end(shipped: Path) -> Path:
    with (shipped / "targets.yaml").open("a", encoding="utf-8") as f:
        f.write(PLAN_2026)
    with (shipped / "observations.csv").open("a", encoding="utf-8") as f:
        f.write(ESTIMATE_2026)
    return shipped


def _status(as_of: str) -> dict[str, dict]:
    r = run_clean("status", "--format", "json", "--as-of", as_of, "grdp-growth-plan-2026", "double-digit-2026-2030")
    assert r.exit_code == 0, r.output
    return {t["id"]: t for t in json.loads(r.stdout)["targets"]}


def test_a_december_estimate_misses_the_plan_but_no_deadline_has_passed(year_end: Path) -> None:
    before = _status("2026-12-07")
    for tid in ("grdp-growth-plan-2026", "double-digit-2026-2030"):
        assert before[tid]["status"] == "not_achieved", before[tid]
        assert before[tid]["missed_milestones"] == [], before[tid]
    after = _status("2027-01-01")
    for tid in ("grdp-growth-plan-2026", "double-digit-2026-2030"):
        assert after[tid]["status"] == "not_achieved", after[tid]
        assert after[tid]["missed_milestones"] == ["2026"], after[tid]


@pytest.mark.parametrize(
    ("lang", "passed", "at_risk"),
    [
        ("en", "✗ Deadline passed, not achieved", "⚠ Not yet due, at risk of being missed"),
        ("vi", "✗ Đã đến hạn, không đạt", "⚠ Chưa đến hạn, có nguy cơ không đạt"),
    ],
)
def test_the_report_of_7_december_does_not_call_the_2026_plan_past_its_deadline(
    year_end: Path, lang: str, passed: str, at_risk: str
) -> None:
    name = "GRDP growth plan 2026" if lang == "en" else "Kế hoạch tăng trưởng GRDP 2026"
    r = run_clean("--lang", lang, "report", "--format", "markdown", "--as-of", "2026-12-07")
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    missed = [line for line in lines if line.startswith(passed)]
    assert not any(name in line for line in missed), missed  # 2025's plans stay named there
    risky = [line for line in lines if line.startswith(at_risk)]
    assert risky and name in risky[0], risky
    # From 1 January 2027 the deadline has passed: named there, no longer at risk.
    r = run_clean("--lang", lang, "report", "--format", "markdown", "--as-of", "2027-01-01")
    lines = r.stdout.splitlines()
    missed = [line for line in lines if line.startswith(passed)]
    assert missed and name in missed[0], missed
    risky = [line for line in lines if line.startswith(at_risk)]
    assert not any(name in line for line in risky), risky


def test_show_says_no_period_missed_before_the_year_is_over(year_end: Path) -> None:
    shown = run_clean("show", "grdp-growth-plan-2026", "--as-of", "2026-12-07")
    assert shown.exit_code == 0, shown.output
    assert "Periods missed" not in shown.stdout, shown.stdout
    assert "Not achieved" in shown.stdout, shown.stdout
    shown = run_clean("show", "grdp-growth-plan-2026", "--as-of", "2027-01-01")
    assert "Periods missed" in shown.stdout, shown.stdout


# --- 2. A time of day typed as officers type it ----------------------------------------------

# "2026-12-07 8:30" (the hour of one digit, as a clock shows it), "20h30" (as Vietnamese
# writes a time: "lúc 20h30") and "08:30 GMT+7" were told "write e.g. 2023-11-27T09:00:00Z":
# an officer who copies that pattern types 08:30:00Z, 15:30 in Hà Nội, and an evening's
# 20:00:00Z is 03:00 the next morning there, another day. Each is told its own ISO form,
# without a Z under the plan's zone (the plan reads a time without one as +07:00).
CLOCKS = [
    ("2026-12-07 8:30", "2026-12-07T08:30:00"),
    ("2026-12-07T8:30", "2026-12-07T08:30:00"),
    ("2026-12-07 20h30", "2026-12-07T20:30:00"),
    ("2026-12-07 8h05", "2026-12-07T08:05:00"),
    ("2026-12-06 23h30", "2026-12-06T23:30:00"),
    ("2026-12-07 08:30 GMT+7", "2026-12-07T08:30:00+07:00"),
    ("2026-12-07 08:30 +7", "2026-12-07T08:30:00+07:00"),
    ("2026-12-07 8:30 UTC+07:00", "2026-12-07T08:30:00+07:00"),
    ("2026-12-07 8:30Z", "2026-12-07T08:30:00Z"),
]


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize(("typed", "iso"), CLOCKS)
def test_a_time_typed_as_a_clock_shows_it_is_told_its_iso_form(shipped: Path, lang: str, typed: str, iso: str) -> None:
    before = (shipped / "observations.csv").read_bytes()
    r = run_clean(
        "--lang", lang, "add-observation", "grdp_growth", "2026-Q3", "8.1", "--status", "estimate",
        "--source", "GSO", "--recorded-at", typed,
    )  # fmt: skip
    assert r.exit_code == 1, r.output  # bad input, as a date with slashes is
    text = " ".join(r.stderr.split())
    assert f"{iso} " in text + " " or f"{iso};" in text or f"{iso})" in text, text
    assert "2023-11-27T09:00:00Z" not in text, text
    if not iso.endswith(("Z", "+07:00")):
        assert f"{iso}Z" not in text, text
    assert (shipped / "observations.csv").read_bytes() == before


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_no_moment_at_all_is_not_told_to_write_utc_under_a_zoned_plan(shipped: Path, lang: str) -> None:
    r = run_clean("--lang", lang, "add-observation", "grdp_growth", "2026-Q3", "8.1", "--recorded-at", "sáng nay")
    assert r.exit_code == 1, r.output
    text = " ".join(r.stderr.split())
    assert "T09:00:00Z" not in text, text  # a Z there moves 09:00 in Hà Nội to 16:00
    assert "2023-11-27T09:00" in text and "+07:00" in text, text


def test_a_time_typed_as_a_clock_shows_it_in_a_workbook_is_told_at_its_cell(shipped: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["indicator", "period", "value", "status", "recorded_at"])
    sheet.append(["grdp_growth", "2026-Q3", 8.1, "estimate", "2026-12-07 8h30"])
    book.save(shipped / "in.xlsx")
    before = (shipped / "observations.csv").read_bytes()
    r = run_clean("add-observation", "--from", "in.xlsx")
    assert r.exit_code == 1, r.output
    text = " ".join(r.stderr.split())
    assert "in.xlsx" in text and "2026-12-07T08:30:00" in text and "T08:30:00Z" not in text, text
    assert (shipped / "observations.csv").read_bytes() == before
