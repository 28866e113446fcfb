"""The Vietnamese a provincial planning officer reads (issue 17, fortieth session, helper V):
a year-end review of 2026 done entirely with --lang vi on the shipped Quảng Ninh plan and a
small plan of the test's own. Each test pins a sentence as a Vietnamese reader must see it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean

HEADER = "indicator,period,value,status,source,note,recorded_at\n"

# A 2026 growth plan of 12% and its estimate of 12.1%, after 11.9% in 2025; a revenue plan
# of 60,000 whose first figure, typed 650,000, was corrected to 65,000.
PLAN = """\
version: 1
indicators:
  growth:
    name: {en: GRDP growth, vi: Tốc độ tăng trưởng GRDP}
    unit: {en: "% y/y", vi: "% so với cùng kỳ"}
    measure: rate
  revenue:
    name: {en: Budget revenue, vi: Thu ngân sách}
    unit: {en: billion VND, vi: tỷ đồng}
targets:
  - id: growth-2026
    type: plan
    indicator: growth
    name: {en: "GRDP growth plan 2026: 12%", vi: "Kế hoạch tăng trưởng GRDP năm 2026: 12%"}
    period: 2026
    value: 12
  - id: revenue-2026
    type: plan
    indicator: revenue
    name: {en: "Budget revenue plan 2026", vi: "Dự toán thu ngân sách năm 2026"}
    period: 2026
    value: 60000
"""
ROWS = (
    HEADER
    + "growth,2025,11.9,official,s,,2026-03-01T00:00:00Z\n"
    + "growth,2026,12.1,estimate,s,,2026-12-01T00:00:00Z\n"
    + "revenue,2026,650000,estimate,s,,2026-12-01T00:00:00Z\n"
    + "revenue,2026,65000,estimate,s,,2026-12-02T00:00:00Z\n"
)


def _vi(*args: str) -> str:
    r = run_clean(*args, "--lang", "vi", env={"COLUMNS": "200"})
    assert r.exit_code == 0, r.output
    return " ".join(r.stdout.split())


def test_a_difference_in_points_is_said_in_full_in_a_sentence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """12.1 against a plan of 12 is 0.1 above it; against 11.9 in 2025 a rise of 0.2. A
    sentence writes "điểm phần trăm" as GSO's releases do, never the table's "điểm %"."""
    make_tracker(tmp_path, monkeypatch, PLAN, ROWS)
    said = _vi("show", "growth-2026")
    summary = said[said.index("Tóm lại") :]
    assert "cao hơn kế hoạch (12%) 0,1 điểm phần trăm." in summary
    assert "(+0,2 điểm phần trăm)" in summary
    assert "điểm %" not in summary


def test_the_revised_figures_heading_reads_as_vietnamese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """650,000 typed, 65,000 recorded the next day: the note under the table says which
    figures revised an earlier one in a sentence that parses ("điều chỉnh so với")."""
    make_tracker(tmp_path, monkeypatch, PLAN, ROWS)
    said = _vi("show", "revenue-2026")
    assert "Số liệu điều chỉnh so với số đã công bố trước đó (số bị thay thế → số liệu đang có hiệu lực):" in said
    assert "đã điều chỉnh số công bố" not in said


def test_a_run_of_awaited_years_names_the_year_once(shipped: Path, tmp_path: Path) -> None:
    """The shipped CBCT value-added average (2021-2025) has a figure for 2021 only, so at the
    end of 2026 it awaits 2022, 2023, 2024 and 2025: one span, "2022–2025", as GSO writes a
    span of years, never "năm 2022–năm 2025"."""
    out = tmp_path / "r.md"
    r = run_clean("report", "--format", "markdown", "--lang", "vi", "--as-of", "2026-12-07", "-o", str(out))
    assert r.exit_code == 0, r.output
    text = out.read_text(encoding="utf-8")
    assert "chờ số liệu 2022–2025" in text
    assert "năm 2022–năm 2025" not in text
    assert "năm 2021–năm 2025" not in text


def test_the_force_hint_says_what_force_does_in_plain_vietnamese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 2027 figure typed in December 2026: the period has not begun. The hint said "ghi
    nguyên số liệu" (record the whole figure?); it now says --force records it as typed."""
    make_tracker(tmp_path, monkeypatch, PLAN, ROWS)
    # Typed in December 2026 said by its moment, not read from the clock: without it the
    # test failed from 2027 on, when the period has begun (forty-third session, helper T).
    r = run_clean("--lang", "vi", "add-observation", "growth", "2027", "10", "--recorded-at", "2026-12-01T09:00:00Z")
    assert r.exit_code != 0
    assert r.stderr.rstrip().endswith("; nếu số liệu này đúng, dùng --force để vẫn ghi đúng như đã nhập"), r.stderr
    assert "ghi nguyên số liệu" not in r.stderr
    assert (tmp_path / "observations.csv").read_text(encoding="utf-8") == ROWS  # nothing written


def test_a_plan_with_no_figure_for_its_year_says_so_in_full_words(shipped: Path) -> None:
    """The shipped 2024 revenue plan has no province-wide 2024 figure. The status column
    said "kỳ này chưa có số" (a clipped, spoken "số"); it says "số liệu", as the reason of a
    target with no figure at all does ("chưa có số liệu")."""
    r = run_clean("status", "--format", "table", "--lang", "vi", "budget-revenue-plan-2024", env={"COLUMNS": "200"})
    assert r.exit_code == 0, r.output
    table = " ".join(r.stdout.split())
    assert "kỳ này chưa có số liệu" in table, table


def test_a_year_to_date_rate_against_the_plan_is_one_sentence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nine months of 2026 at 11.8% against the year's plan of 12%: 11.8 - 12 = -0.2. The
    sentence read "9 tháng năm 2026: 11,8% (kế hoạch 12%): -0,2 điểm phần trăm." (two colons,
    a bare signed number); it reads as a Vietnamese report writes a deviation."""
    rows = HEADER + "growth,2025-9M,11.67,estimate,s,,2025-10-05T00:00:00Z\n"
    rows += "growth,2026-9M,11.8,estimate,s,,2026-10-05T00:00:00Z\n"
    make_tracker(tmp_path, monkeypatch, PLAN, rows)
    said = _vi("show", "growth-2026")
    assert "• 9 tháng năm 2026: 11,8%, so với kế hoạch (12%) chênh lệch -0,2 điểm phần trăm." in said, said
    english = " ".join(run_clean("show", "growth-2026", env={"COLUMNS": "200"}).stdout.split())
    assert "(plan 12%): -0.2 pp." in english  # the English sentence is as it was


def test_no_overall_figure_is_said_in_the_order_of_the_other_reasons(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A broken-down target whose units have figures but the whole has none: the reason read
    "số chung chưa có" (the subject first, as no other reason is); it reads "chưa có số
    chung", as "chưa có số cả năm" and "chưa có số năm gốc" do, in the same width."""
    from test_numbers26 import _NA_PLAN, _NA_STORE

    make_tracker(tmp_path, monkeypatch, _NA_PLAN, _NA_STORE)
    r = run_clean("status", "--format", "table", "--lang", "vi", "fdi-2024", env={"COLUMNS": "80"})
    assert r.exit_code == 0, r.output
    assert "chưa có số chung" in r.stdout and "số chung chưa có" not in r.stdout, r.stdout


def test_the_headline_counts_estimates_as_a_report_writes_a_share_of_targets(shipped: Path, tmp_path: Path) -> None:
    """The shipped plan in December 2026: 20 of its 23 targets rest on an estimate. A
    Vietnamese report writes a count of targets as "20/23 mục tiêu" (as the groups table's
    "Đã đạt 0/4" beside it does), not the spoken "20 trên 23"."""
    out = tmp_path / "h.md"
    r = run_clean("report", "--format", "markdown", "--lang", "vi", "--as-of", "2026-12-07", "-o", str(out))
    assert r.exit_code == 0, r.output
    text = out.read_text(encoding="utf-8")
    assert "20/23 mục tiêu được đánh giá theo số ước tính hoặc sơ bộ" in text
    assert " trên 23 mục tiêu" not in text
