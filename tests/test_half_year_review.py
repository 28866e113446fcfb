"""The half-year review (issue 17, fifteenth session): a provincial statistics office
records its first-6-months figures, imports its workbook and CSV files, and writes the
6-month report in Vietnamese. Each test is a defect found and fixed (docs/decisions.md,
"The half-year review")."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean
from helpers import stored_cells as _stored

TARGETS = """\
version: 1
title: "Half year"
indicators:
  grdp_growth:
    name: {en: "GRDP growth", vi: "Tốc độ tăng trưởng GRDP"}
    unit: "%"
    measure: rate
    frequency: quarter
  fdi:
    name: {en: "FDI attracted", vi: "Vốn FDI thu hút"}
    unit: {en: "million USD", vi: "triệu USD"}
    measure: flow
    frequency: month
targets:
  - id: growth
    indicator: grdp_growth
    baseline: {period: 2020, value: 7}
    milestones:
      - {by: 2030, value: 10}
"""


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, TARGETS, "")


# An office writes the first half as "H1 2026", "H1/2026", "2026H1" or "2026 H1", and in
# words "nửa đầu năm 2026" / "nửa cuối năm 2026". Each names one span only: January to June
# (H1) or July to December (H2) of 2026, so the store's 2026-H1 / 2026-H2, by hand.
@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("H1 2026", "2026-H1"),
        ("H1/2026", "2026-H1"),
        ("h1-2026", "2026-H1"),
        ("2026H1", "2026-H1"),
        ("2026 H2", "2026-H2"),
        ("H2/2026", "2026-H2"),
        ("Nửa đầu năm 2026", "2026-H1"),
        ("nửa cuối năm 2026", "2026-H2"),
        ("6 tháng đầu năm 2026", "2026-H1"),
        # "năm" left out, as a table's heading often does: still one span each.
        ("6 tháng đầu 2026", "2026-H1"),
        ("9 tháng đầu 2026", "2026-9M"),
        ("nửa đầu 2026", "2026-H1"),
        ("6 tháng cuối 2026", "2026-H2"),
    ],
)
def test_a_half_year_is_read_as_the_office_writes_it(plan: Path, typed: str, stored: str):
    result = run_clean(
        "add-observation", "grdp_growth", typed, "10.5", "--status", "estimate", "--recorded-at", "2026-07-03"
    )
    assert result.exit_code == 0, result.output
    assert _stored(plan, 3)[-1] == ["grdp_growth", stored, "10.5"]


# The office's sheet saved by Excel as CSV (Vietnamese settings: ';', decimal comma, a
# byte-order mark, CRLF, trailing empty columns) keeps its 'Tổng số' row and its source
# line below the figures. The workbook path ends the table at such a row (a single text
# cell); the CSV path read each as a row of figures and refused the file with three errors
# a row. Two rows of figures, so two rows stored: 10,6 -> 10.6 and 1.512,4 -> 1512.4.
SAVED_BY_EXCEL = (
    "\ufeffSTT;Chỉ tiêu;ĐVT;Kỳ;Giá trị;Loại số liệu;Nguồn;;\r\n"
    "1;Tốc độ tăng trưởng GRDP;%;6 tháng đầu năm 2026;10,6;Ước tính;Cục Thống kê;;\r\n"
    "2;Vốn FDI thu hút;triệu USD;6T/2026;1.512,4;Ước tính;Sở Tài chính;;\r\n"
    ";Tổng số;;;;;;;\r\n"
    ";;;;;;;;\r\n"
    "Nguồn: Cục Thống kê tỉnh Quảng Ninh;;;;;;;;\r\n"
)


def test_a_total_row_and_a_source_line_of_a_csv_are_not_rows_of_figures(plan: Path):
    (plan / "so-lieu.csv").write_text(SAVED_BY_EXCEL, encoding="utf-8", newline="")
    result = run_clean("add-observation", "--from", "so-lieu.csv", "--recorded-at", "2026-07-03")
    assert result.exit_code == 0, result.output
    assert _stored(plan, 3) == [["grdp_growth", "2026-H1", "10.6"], ["fdi", "2026-H1", "1512.4"]]


def test_an_indicator_alone_in_a_csv_row_is_still_refused_at_its_empty_cells(plan: Path):
    # A plan's indicator alone in the indicator column is that indicator's row with no
    # figure yet (as in a workbook), never passed over unsaid as a note. Since the thirtieth
    # session a row with no figure is passed over with a warning at its line (it was refused).
    (plan / "so-lieu.csv").write_text("Chỉ tiêu;Kỳ;Giá trị\r\nVốn FDI thu hút;;\r\n", encoding="utf-8")
    result = run_clean("add-observation", "--from", "so-lieu.csv", "--recorded-at", "2026-07-03")
    assert result.exit_code == 0
    assert "so-lieu.csv:2: warning: Vốn FDI thu hút –: the value is empty" in result.output
    assert _stored(plan, 3) == []


HALF_YEAR_TARGETS = (
    TARGETS
    + """\
  - id: fdi-2026
    type: plan
    indicator: fdi
    period: 2026
    value: 1200
  - id: growth-2026
    type: plan
    indicator: grdp_growth
    period: 2026
    value: 12
"""
)
HALF_YEAR_FIGURES = """\
indicator,period,value,status,source,note,recorded_at
fdi,2025-H1,430,estimate,s,,2025-07-05T00:00:00Z
grdp_growth,2025-H1,11.03,estimate,s,,2025-07-05T00:00:00Z
fdi,2026-H1,512.4,estimate,s,,2026-07-03T00:00:00Z
grdp_growth,2026-H1,10.5,estimate,s,,2026-07-03T00:00:00Z
"""


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_excel_summary_compares_the_half_year_with_the_plan_and_last_year(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
):
    # The Word and Markdown reports give a plan's year to date as a share of the plan and
    # against the same period of last year; the Excel appendix, the one the committee sorts
    # and sums, gave neither. By hand:
    #   FDI: 512.4 of 1,200 is 42.7% of the plan; against 430 in 2025-H1, (512.4 - 430) / 430
    #        = 82.4 / 430 = +19.16%.
    #   Growth (a rate): no share of the plan; 10.5 against 11.03 is -0.53 points.
    import openpyxl

    make_tracker(tmp_path, monkeypatch, HALF_YEAR_TARGETS, HALF_YEAR_FIGURES)
    result = run_clean("report", "--format", "xlsx", "-o", "r.xlsx", "--as-of", "2026-07-05", "--lang", lang)
    assert result.exit_code == 0, result.output
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx").worksheets[0]
    header = [c.value for c in ws[1]]
    words = {
        "en": ["Share of the plan", "Same period last year", "Change on the same period last year"],
        "vi": ["Tỷ lệ so với kế hoạch", "Cùng kỳ năm trước", "So với cùng kỳ năm trước"],
    }[lang]
    assert header[14:17] == words  # then what the latest figure revised (nineteenth session)
    rows = {r[2].value: r for r in ws.iter_rows(min_row=2)}
    fdi, growth = rows["fdi-2026"], rows["growth-2026"]
    assert fdi[14].value == pytest.approx(42.7) and fdi[14].data_type == "n"
    assert fdi[15].value == 430
    assert fdi[16].value == pytest.approx(19.1628, abs=1e-4)
    assert fdi[16].number_format.endswith('"%"')  # shown 19.2%, never 1916%
    assert growth[14].value is None
    assert growth[15].value == 11.03
    assert growth[16].value == pytest.approx(-0.53)
    points = {"en": "pp", "vi": "điểm %"}[lang]
    assert f'" {points}"' in growth[16].number_format


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "added grdp_growth 2026-H1 = 10.62 to observations.csv, revising 10.5 (recorded 2026-07-03)"),
        ("vi", "đã thêm grdp_growth 2026-H1 = 10,62 vào observations.csv, thay cho số 10,5 (ghi nhận 03/07/2026)"),
    ],
)
def test_a_revision_says_which_figure_it_revises(plan: Path, lang: str, said: str):
    # The office's estimate of 3 July, revised a month later: "added ... = 10.62" alone left
    # the officer to wonder whether the half year now had two figures. The figure in force
    # before it (10.5, recorded 3 July) is named; the row is stored as any revision is.
    first = run_clean("add-observation", "grdp_growth", "2026-H1", "10.5", "--recorded-at", "2026-07-03")
    assert first.exit_code == 0 and "revis" not in first.output and "thay cho" not in first.output
    result = run_clean(
        "add-observation", "grdp_growth", "H1 2026", "10.62", "--recorded-at", "2026-08-04", "--lang", lang
    )
    assert result.exit_code == 0, result.output
    assert said in result.output
    assert _stored(plan, 3) == [["grdp_growth", "2026-H1", "10.5"], ["grdp_growth", "2026-H1", "10.62"]]


def test_an_earlier_vintage_is_not_said_to_revise(plan: Path):
    # A figure recorded before the one in force does not take effect (its own warning says
    # so): it revises nothing.
    run_clean("add-observation", "grdp_growth", "2026-H1", "10.5", "--recorded-at", "2026-08-04")
    result = run_clean("add-observation", "grdp_growth", "2026-H1", "10.4", "--recorded-at", "2026-07-03")
    assert result.exit_code == 0, result.output
    assert "revising" not in result.output


SHARE_TARGETS = """\
version: 1
title: "Shares"
indicators:
  cbct_share:
    name: {en: "Manufacturing share of GRDP", vi: "Tỷ trọng công nghiệp chế biến, chế tạo trong GRDP"}
    unit: {en: "% of GRDP", vi: "% GRDP"}
    frequency: quarter
  grdp_vnd:
    name: {en: "GRDP", vi: "GRDP"}
    unit: {en: "billion VND", vi: "tỷ đồng"}
    frequency: quarter
targets:
  - id: share
    indicator: cbct_share
    baseline: {period: 2020, value: 9.8}
    milestones:
      - {by: 2030, value: 30}
"""
SHARE_FIGURES = """\
indicator,period,value,status,source,note,recorded_at
cbct_share,2023,12.3,estimate,s,,2024-01-05T00:00:00Z
grdp_vnd,2025,368445,estimate,s,,2026-01-07T00:00:00Z
"""


def test_a_percent_cells_fraction_for_the_first_half_year_is_warned_of(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # Excel keeps 15.3% as 0.153; pasted from the cell, the first half-year share of 2026 is
    # recorded as 0.153. A share has no figure of the same length on record (only years),
    # so no neighbour was compared and nothing was said. A share (a per-cent unit) reads
    # alike over a year and a half year: 12.3 / 0.153 = 80.4 times, far above the factor 5.
    make_tracker(tmp_path, monkeypatch, SHARE_TARGETS, SHARE_FIGURES)
    result = run_clean("add-observation", "cbct_share", "2026-H1", "0,153", "--recorded-at", "2026-07-03")
    assert result.exit_code == 0, result.output  # a warning: the figure is stored
    assert "1/80.4 of the figure for 2023 (12.3)" in result.output


def test_an_amount_is_not_compared_with_a_span_of_another_length(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # GRDP of a quarter is a part of the year's: 60,000 against 368,445 is 1/6.14, above the
    # factor 5, yet no slip; an amount of one length is never compared with another's.
    make_tracker(tmp_path, monkeypatch, SHARE_TARGETS, SHARE_FIGURES)
    result = run_clean("add-observation", "grdp_vnd", "2026-Q1", "60000", "--recorded-at", "2026-04-05")
    assert result.exit_code == 0, result.output
    assert "figure for" not in result.output


# Excel under Vietnamese settings saves a date column as it shows it, day first, in a file
# separated by ';' (the list separator of every decimal-comma setting, all of which write
# the day first: vi 03/07/2026, fr 03/07/2026, de 03.07.2026). Every such file was refused
# at each row, "format the column as Text", though the file says which order it uses.
def test_a_semicolon_file_reads_its_dates_day_first(plan: Path):
    text = (
        "Chỉ tiêu;Kỳ;Giá trị;Ngày công bố\r\n"
        "grdp_growth;6T/2026;10,5;03/07/2026\r\n"
        "fdi;6T/2026;512,4;04/08/2026 10:00\r\n"  # 10:00 in Vietnam's zone, --tz +07:00
    )
    (plan / "so-lieu.csv").write_text(text, encoding="utf-8")
    result = run_clean("add-observation", "--from", "so-lieu.csv", "--tz", "+07:00")
    assert result.exit_code == 0, result.output
    # 3 July 2026 (a bare day: midnight UTC) and 4 August 2026 10:00 at +07:00 = 03:00 UTC.
    assert [r[6] for r in _stored(plan, 7)] == ["2026-07-03T00:00:00Z", "2026-08-04T03:00:00Z"]


def test_a_comma_file_reads_its_dates_in_the_order_a_day_over_12_shows(plan: Path):
    # 15/07/2026 can only be day first (there is no month 15): the column's other dates,
    # 03/07/2026, are read in the same order, 3 July.
    text = "indicator,period,value,recorded_at\ngrdp_growth,2026-H1,10.5,15/07/2026\nfdi,2026-H1,512.4,03/07/2026\n"
    (plan / "so-lieu.csv").write_text(text, encoding="utf-8")
    result = run_clean("add-observation", "--from", "so-lieu.csv")
    assert result.exit_code == 0, result.output
    assert [r[6] for r in _stored(plan, 7)] == ["2026-07-15T00:00:00Z", "2026-07-03T00:00:00Z"]


def test_a_comma_file_whose_dates_read_both_ways_is_still_refused(plan: Path):
    # 03/07/2026 is 3 July or 7 March: nothing in the file says which, so no date is guessed.
    text = "indicator,period,value,recorded_at\ngrdp_growth,2026-H1,10.5,03/07/2026\n"
    (plan / "so-lieu.csv").write_text(text, encoding="utf-8")
    result = run_clean("add-observation", "--from", "so-lieu.csv")
    assert result.exit_code == 1
    assert "so-lieu.csv:2" in result.output and "03/07/2026" in result.output
    assert _stored(plan, 7) == []


def _wide_review_table(folder: Path) -> Path:
    """The office's 6-month table: the realised half year of 2025 ("Thực hiện"), the
    estimate of 2026 ("Ước TH"), and the comparisons every such table ends with."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Biểu 01"
    ws.append(["MỘT SỐ CHỈ TIÊU KINH TẾ 6 THÁNG ĐẦU NĂM 2026"])
    ws.append([])
    ws.append(["STT", "Chỉ tiêu", "ĐVT", "Thực hiện 6 tháng 2025", "Ước TH 6 tháng 2026", "So cùng kỳ (%)", "% KH năm"])
    ws.append([1, "Vốn FDI thu hút", "triệu USD", 430, 512.4, 119.2, 42.7])
    path = folder / "bieu-01.xlsx"
    wb.save(path)
    return path


def test_a_six_month_table_is_imported_as_the_office_keeps_it(plan: Path):
    # "Thực hiện 6 tháng 2025" is the realised first half of 2025 (no status said: --status
    # fills it); "Ước TH 6 tháng 2026" the estimate of 2026-H1. "So cùng kỳ (%)" and "% KH
    # năm" are ratios qntrack computes itself (report): passed over, each said once, where
    # both refused the table. 430 and 512.4 stored; 119.2 and 42.7 not.
    _wide_review_table(plan)
    result = run_clean("add-observation", "--from", "bieu-01.xlsx", "--wide", "--recorded-at", "2026-07-03")
    assert result.exit_code == 0, result.output
    assert [r[:4] for r in _stored(plan, 4)] == [["fdi", "2025-H1", "430", ""], ["fdi", "2026-H1", "512.4", "estimate"]]
    assert "'So cùng kỳ (%)'" in result.output and "'% KH năm'" in result.output


def test_correcting_a_slip_is_not_warned_of_as_a_slip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # 0.153 recorded for the 15.3% share (warned: 1/80.4 of 2023's 12.3), then corrected a
    # day later to 15.3: 100 times the figure in force, yet 15.3 / 12.3 = 1.24 times its
    # neighbour, the series it belongs to. The correction was warned of as "a unit or
    # typing slip?", with a hint to retract the correct figure. Not any more.
    make_tracker(tmp_path, monkeypatch, SHARE_TARGETS, SHARE_FIGURES)
    run_clean("add-observation", "cbct_share", "2026-H1", "0.153", "--recorded-at", "2026-07-03")
    result = run_clean("add-observation", "cbct_share", "2026-H1", "15.3", "--recorded-at", "2026-07-04")
    assert result.exit_code == 0, result.output
    assert "slip" not in result.output
    assert _stored(tmp_path, 3)[-1] == ["cbct_share", "2026-H1", "15.3"]


def test_a_revision_far_from_the_figure_and_its_neighbours_is_still_warned_of(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # 15.3 revised to 1530 (typed without its decimal point): 100 times the figure in force
    # and 1530 / 12.3 = 124 times the neighbour: a slip, warned of.
    make_tracker(tmp_path, monkeypatch, SHARE_TARGETS, SHARE_FIGURES)
    run_clean("add-observation", "cbct_share", "2026-H1", "15.3", "--recorded-at", "2026-07-03")
    result = run_clean("add-observation", "cbct_share", "2026-H1", "1530", "--recorded-at", "2026-07-04")
    assert result.exit_code == 0, result.output
    assert "100 times the figure in force (15.3)" in result.output


def test_check_does_not_call_the_correction_of_a_slip_a_slip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # The same correction under `check`: line 4 (15.3, recorded 4 July) differs from line 3
    # (0.153) by 100 times, and `check` said line 4 was "a unit or typing slip?" for as
    # long as the store lasted. 15.3 is 1.24 times its neighbour 12.3 (2023), 0.153 is
    # 1/80.4 of it: the slip was line 3, put right by line 4. A slip not yet put right is
    # still warned of (the second test above, and test_entry_jump.py).
    figures = SHARE_FIGURES + (
        "cbct_share,2026-H1,0.153,estimate,s,,2026-07-03T00:00:00Z\n"
        "cbct_share,2026-H1,15.3,estimate,s,,2026-07-04T00:00:00Z\n"
    )
    make_tracker(tmp_path, monkeypatch, SHARE_TARGETS, figures)
    result = run_clean("check")
    assert result.exit_code == 0, result.output
    assert "slip" not in result.output


def test_check_still_warns_of_a_revision_that_is_the_slip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # 15.3 then 0.153: the later vintage, the one in force, is 1/80.4 of the neighbour 12.3.
    figures = SHARE_FIGURES + (
        "cbct_share,2026-H1,15.3,estimate,s,,2026-07-03T00:00:00Z\n"
        "cbct_share,2026-H1,0.153,estimate,s,,2026-07-04T00:00:00Z\n"
    )
    make_tracker(tmp_path, monkeypatch, SHARE_TARGETS, figures)
    result = run_clean("check")
    # (twenty-second session's review: said once, as the per cent saved as a fraction it is)
    assert "observations.csv:5" in result.output and "a per cent saved as a fraction" in result.output


@pytest.mark.parametrize(("typed", "canonical"), [("quý II", "Q2"), ("H1", "H1"), ("6T", "H1"), ("9 tháng", "9M")])
@pytest.mark.usefixtures("mid_2026")  # this year, whatever the hour the suite runs
def test_a_period_without_its_year_is_told_what_to_type(plan: Path, typed: str, canonical: str):
    # "quý II" names the second quarter of no year: it was answered with the generic list of
    # forms. The message now says the year is missing and shows the period written with one
    # (this year's, as an example): quý II of 2026 is 2026-Q2.
    from conftest import THIS_YEAR as year

    result = run_clean("add-observation", "grdp_growth", typed, "10.8", "--recorded-at", "2026-07-03")
    assert result.exit_code == 1
    assert f"'{typed}' gives no year: write it with its year, e.g. {year}-{canonical}" in result.output
    assert _stored(plan, 3) == []


def test_a_long_tables_comparison_columns_are_passed_over_as_a_wide_tables_are(plan: Path):
    # The same office's long table: one row a figure, and beside its value the ratios every
    # such table carries ("So cùng kỳ (%)", "% KH năm"). A wide table passes them over with
    # a warning; a long one refused the whole file ("unknown column"). 512.4 and 430 stored,
    # 119.2 and 42.7 (ratios qntrack computes itself) not; each column said once.
    text = "Chỉ tiêu,Kỳ,Giá trị,So cùng kỳ (%),% KH năm\nfdi,2025-H1,430,,\nfdi,2026-H1,512.4,119.2,42.7\n"
    (plan / "dai.csv").write_text(text, encoding="utf-8")
    result = run_clean("add-observation", "--from", "dai.csv", "--recorded-at", "2026-07-03", "--status", "estimate")
    assert result.exit_code == 0, result.output
    assert [r[:3] for r in _stored(plan, 3)] == [["fdi", "2025-H1", "430"], ["fdi", "2026-H1", "512.4"]]
    assert result.output.count("'So cùng kỳ (%)'") == 1 and result.output.count("'% KH năm'") == 1, result.output
    # The workbook's long table likewise.
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Chỉ tiêu", "Kỳ", "Giá trị", "So cùng kỳ (%)"])
    ws.append(["fdi", "2026-Q3", 200.5, 101.3])
    wb.save(plan / "dai.xlsx")
    result = run_clean("add-observation", "--from", "dai.xlsx", "--recorded-at", "2026-10-03", "--status", "estimate")
    assert result.exit_code == 0, result.output
    assert [r[:3] for r in _stored(plan, 3)][-1] == ["fdi", "2026-Q3", "200.5"]
    assert "'So cùng kỳ (%)'" in result.output


def test_an_impossible_date_decides_no_order(plan: Path):
    # '31/02/2026' reads neither way (no 31st of February; no 31st month), so it proves
    # nothing about the file's order. It counted as proof of day first, and with
    # '07/13/2026' (month first: July 13) the file "said both": every shown date was
    # refused. Now '07/13/2026' decides month first, '03/07/2026' is read as 2026-03-07,
    # and only the impossible cell is refused, at its own line (3).
    text = (
        "indicator,period,value,status,recorded_at\n"
        "fdi,2026-06,100,,07/13/2026\n"
        "fdi,2026-01,100,,31/02/2026\n"
        "fdi,2026-02,90,,03/07/2026\n"
    )
    (plan / "d.csv").write_text(text, encoding="utf-8")
    result = run_clean("add-observation", "--from", "d.csv", "--dry-run")
    assert result.exit_code == 1, result.output
    errors = [line for line in result.stderr.splitlines() if ": error:" in line]
    assert len(errors) == 1 and errors[0].startswith("d.csv:3:") and "31/02/2026" in errors[0], result.stderr
    # Without the impossible row, the file reads month first: 07/13 is July 13, 03/07 March 7.
    (plan / "d.csv").write_text(text.replace("fdi,2026-01,100,,31/02/2026\n", ""), encoding="utf-8")
    result = run_clean("add-observation", "--from", "d.csv", "--dry-run", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert "2026-07-13T00:00:00Z" in result.stdout and "2026-03-07T00:00:00Z" in result.stdout, result.stdout


def test_a_shown_time_without_a_zone_is_quoted_as_the_file_has_it(plan: Path):
    # '15/07/2026 10:00' (day first: 15 > 12) with a time of day and no zone, neither --tz
    # nor the plan's timezone: refused, as it was, but the message quoted
    # '2026-07-15T10:00:00', a text the file never held, and said to "add Z", which no
    # shown date can take. It now quotes the cell and says what fixes it (--tz).
    (plan / "t.csv").write_text(
        "indicator,period,value,recorded_at\nfdi,2026-06,10,15/07/2026 10:00\n", encoding="utf-8"
    )
    result = run_clean("add-observation", "--from", "t.csv", "--dry-run")
    assert result.exit_code == 1, result.output
    line = next(x for x in result.stderr.splitlines() if x.startswith("t.csv:2: error:"))
    assert "'15/07/2026 10:00'" in line and "--tz" in line, line
    assert "2026-07-15T10:00:00'" not in line and "add Z" not in line, line
    result = run_clean("add-observation", "--from", "t.csv", "--dry-run", "--tz", "+07:00", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert "2026-07-15T03:00:00Z" in result.stdout, result.stdout  # 10:00 at +07:00 is 03:00 UTC
