"""A planning officer of Đà Nẵng sets up her city's own tracker from scratch for the
six-month review (the fourteenth session's onboarding pass, issue 17): what her typing,
pastes and office workbooks did that the earlier passes, made on Quảng Ninh's plan, missed."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import STORE_HEADER, dedent, make_tracker
from helpers import run_clean

HEADER = STORE_HEADER
STAMP = "2026-07-05T00:00:00Z"

TARGETS = dedent(
    """
    version: 1
    title: "Đà Nẵng"
    dimensions:
      district:
        name: {en: District, vi: Quận/huyện}
        values: [Hải Châu, Sơn Trà, Hòa Vang, Hoàng Sa]
    indicators:
      grdp_growth: {name: {en: GRDP growth, vi: Tốc độ tăng trưởng GRDP}, unit: "%", measure: rate}
      budget_revenue:
        name: {en: State budget revenue, vi: Thu ngân sách nhà nước trên địa bàn}
        unit: {en: billion VND, vi: tỷ đồng}
        measure: flow
        frequency: quarter
        dimensions: [district]
      tourists:
        name: {en: Tourist arrivals, vi: Tổng lượt khách du lịch}
        unit: {en: million arrivals, vi: triệu lượt}
        measure: flow
        frequency: quarter
    targets:
      - id: budget-2026
        type: plan
        indicator: budget_revenue
        group: Annual plans
        period: 2026
        value: 10000
        for_each: district
        overrides:
          Hải Châu: {value: 6000}
          Sơn Trà: {value: 2600}
          Hòa Vang: {value: 900}
      - id: tourists-2025
        type: plan
        indicator: tourists
        group: Annual plans
        period: 2025
        value: 11
    """
)


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, TARGETS, HEADER)


def stored(plan: Path) -> list[list[str]]:
    return [line.split(",")[:3] for line in (plan / "observations.csv").read_text(encoding="utf-8").splitlines()[1:]]


# --- A district column left of the indicator column ----------------------------------


def _district_sheet(path: Path, rows: list[tuple]) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["THU NGÂN SÁCH NHÀ NƯỚC THEO QUẬN, HUYỆN"])
    ws.append([])
    ws.append(["STT", "Quận/huyện", "Chỉ tiêu", "Quý I/2026"])
    for r in rows:
        ws.append(list(r))
    wb.save(path)


def test_a_workbooks_district_column_left_of_the_indicator_is_read(plan: Path):
    """An office's sheet lists the districts first ('STT', 'Quận/huyện', 'Chỉ tiêu', the
    quarters). The district column was passed over as a row number is, so Hòa Vang's 160
    was recorded as the whole city's revenue, without a word."""
    _district_sheet(plan / "thu.xlsx", [(1, "Hòa Vang", "Thu ngân sách nhà nước trên địa bàn", 160)])
    r = run_clean("add-observation", "--from", "thu.xlsx", "--wide", "--recorded-at", STAMP)
    assert r.exit_code == 0, r.stderr
    assert stored(plan) == [["budget_revenue[district=Hòa Vang]", "2026-Q1", "160"]]


def test_a_workbooks_districts_and_total_left_of_the_indicator_are_each_their_own(plan: Path):
    """With several districts the rows collided as one figure ("already given"), which
    named no district column."""
    name = "Thu ngân sách nhà nước trên địa bàn"
    _district_sheet(
        plan / "thu.xlsx", [(None, "Tổng cộng", name, 2000), (1, "Hải Châu", name, 1450), (2, "Sơn Trà", name, 550)]
    )
    r = run_clean("add-observation", "--from", "thu.xlsx", "--wide", "--recorded-at", STAMP)
    assert r.exit_code == 0, r.stderr
    assert stored(plan) == [
        ["budget_revenue", "2026-Q1", "2000"],
        ["budget_revenue[district=Hải Châu]", "2026-Q1", "1450"],
        ["budget_revenue[district=Sơn Trà]", "2026-Q1", "550"],
    ]


def test_a_wide_text_tables_district_column_may_come_first(plan: Path):
    text = "Quận/huyện\tChỉ tiêu\tQuý I/2026\nHải Châu\tbudget_revenue\t1450\n"
    r = run_clean("add-observation", "--from", "-", "--wide", "--recorded-at", STAMP, input=text)
    assert r.exit_code == 0, r.stderr
    assert stored(plan) == [["budget_revenue[district=Hải Châu]", "2026-Q1", "1450"]]


# --- A city's total row --------------------------------------------------------------


@pytest.mark.parametrize("word", ["Toàn thành phố", "Cả thành phố", "toan thanh pho", "Toàn TP"])
def test_a_citys_total_row_is_the_total(plan: Path, word: str):
    """Đà Nẵng, like the other centrally-run cities, heads its total row 'Toàn thành phố':
    only a province's or the country's words were known, and the row was refused as an
    unknown district."""
    text = f"Chỉ tiêu\tKỳ\tGiá trị\tQuận/huyện\nbudget_revenue\t6T/2026\t3100\tHải Châu\nbudget_revenue\t6T/2026\t9000\t{word}\n"
    r = run_clean("add-observation", "--from", "-", "--recorded-at", STAMP, input=text)
    assert r.exit_code == 0, r.stderr
    assert stored(plan) == [
        ["budget_revenue[district=Hải Châu]", "2026-H1", "3100"],
        ["budget_revenue", "2026-H1", "9000"],
    ]


# --- The districts ranked at the six-month review show their figures -----------------

MID_YEAR = HEADER + "".join(
    f"budget_revenue{unit},2026-H1,{value},estimate,,,{STAMP}\n"
    for unit, value in [
        ("", 4900),
        ("[district=Hải Châu]", 3100),
        ("[district=Sơn Trà]", 1380),
        ("[district=Hòa Vang]", 350),
    ]
)


@pytest.fixture
def mid_year(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, TARGETS, MID_YEAR)


def test_rank_shows_each_districts_year_to_date_figure(mid_year: Path):
    """In July a plan's units have only their six-month figures, which are what they are
    ranked on; the ranking's "Latest" column read "–" for every district."""
    r = run_clean("rank", "budget-2026", "--lang", "vi", "--format", "table")
    assert r.exit_code == 0, r.stderr
    # Its row, or its block where the table would cut the heading "Quận/huyện" in two
    # (thirty-fifth session): from Sơn Trà's line to the next unit's.
    lines = r.stdout.splitlines()
    start = next(n for n, line in enumerate(lines) if "Sơn Trà" in line)
    row = " ".join(lines[start : start + 6])
    assert "1.380 tỷ đồng (2026-H1, chưa đủ năm, ước tính)" in row  # MID_YEAR's rows are estimates


def test_the_word_reports_districts_show_their_figures_and_chart(mid_year: Path):
    import docx

    r = run_clean("report", "-o", "bao-cao.docx", "--lang", "vi")
    assert r.exit_code == 0, r.stderr
    document = docx.Document(str(mid_year / "bao-cao.docx"))
    units = next(t for t in document.tables if t.rows[0].cells[0].text == "Hạng")
    by_name = {row.cells[1].text: row.cells[5].text for row in units.rows[1:]}
    # A document says the period in words (the terminal's `rank` above keeps the code), and
    # the figures' kind: estimates (issue 17, twenty-seventh session).
    assert by_name["Hải Châu"] == "3.100 tỷ đồng (6 tháng đầu năm 2026, chưa đủ năm, ước tính)"
    assert by_name["Hòa Vang"] == "350 tỷ đồng (6 tháng đầu năm 2026, chưa đủ năm, ước tính)"
    # The units' chart is drawn from those figures (it was left out: "no unit has a figure").
    captions = [p.text for p in document.paragraphs if p.text.startswith("Hình")]
    assert len(captions) == 3, captions  # the groups, the target, its districts


def test_the_excel_reports_districts_sheet_shows_their_figures(mid_year: Path):
    from openpyxl import load_workbook

    r = run_clean("report", "-o", "bao-cao.xlsx", "--lang", "vi")
    assert r.exit_code == 0, r.stderr
    ws = load_workbook(mid_year / "bao-cao.xlsx")["budget-2026"]
    rows = {row[1]: row[5:7] for row in ws.iter_rows(min_row=3, values_only=True)}
    assert rows["Sơn Trà"] == ("2026-H1 (chưa đủ năm)", 1380)


# --- A plan in progress counts in its group and its districts' roll-up ----------------


def test_a_plan_on_pace_during_its_year_is_scored_as_a_cumulative_target_is(mid_year: Path):
    """Hải Châu's 3,100 of 6,000 after half the year: P = 0.5167 / 0.5 = 1.0333, scored
    7.1429 × 1.0333 − 4.2857 = 3.095 (methodology.md, method 2). Without a score the
    districts' roll-up read "combined: not available" beside every district judged."""
    from helpers import json_of

    doc = json_of("rank", "budget-2026", "--format", "json")
    score = {u["dims"]["district"]: u["score"] for u in doc["units"]}
    assert score["Hải Châu"] == pytest.approx(7.1429 * (3100 / 6000 / 0.5) - 4.2857, abs=1e-3)
    # Hòa Vang: 350 / 900 = 38.9 % after 50 %: P = 0.7778, moderate, 1.27.
    assert score["Hòa Vang"] == pytest.approx(7.1429 * (350 / 900 / 0.5) - 4.2857, abs=1e-3)
    report = run_clean("report", "--lang", "vi", "budget-2026")
    assert "chung: Chưa đủ số liệu" not in report.stdout


def test_a_group_with_a_plan_still_in_progress_is_not_achieved(mid_year: Path):
    """The 2025 tourism plan achieved (score 5) and the 2026 budget on its way (no score)
    made the group "Annual plans" read "Target achieved", 1 of 2 achieved."""
    (mid_year / "observations.csv").write_text(
        MID_YEAR + f"tourists,2025,11.2,preliminary,,,{STAMP}\n", encoding="utf-8"
    )
    from helpers import json_of

    group = json_of("status", "--format", "json")["groups"][0]
    assert group["status"] != "target_achieved"
    # The mean of 5 and the budget's 7.1429 × (4900 / 10000 / 0.5) − 4.2857 = 2.714.
    assert group["score"] == pytest.approx((5 + 7.1429 * 0.98 - 4.2857) / 2, abs=1e-3)
    assert group["status"] == "substantial_progress"


# --- A growth rate that recovers from a fall is no slip -------------------------------


def test_a_growth_rate_that_changes_sign_is_not_called_a_multiple_of_the_year_before(plan: Path):
    """Đà Nẵng's GRDP fell 1.39 % in 2021 and grew 14.2 % in 2022: "14.2 is 10.2 times the
    figure for 2021 (-1.39); a unit or typing slip?" is false (it is −10.2 times) and a
    recovery is no slip of the decimal point, which keeps the sign."""
    assert run_clean("add-observation", "grdp_growth", "2021", "-1.39", "--recorded-at", STAMP).exit_code == 0
    r = run_clean("add-observation", "grdp_growth", "2022", "14.2", "--recorded-at", STAMP)
    assert r.exit_code == 0, r.stderr
    assert "times" not in r.stderr and "slip" not in r.stderr
    # A slip that keeps the sign is still said.
    r = run_clean("add-observation", "grdp_growth", "2023", "142", "--recorded-at", STAMP)
    assert "10 times the figure for 2022" in r.stderr
