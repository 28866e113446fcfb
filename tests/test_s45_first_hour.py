"""Issue 17, forty-fifth session, helper F: the first hour of a provincial planning officer
(Bắc Ninh) who has never used a command line tool much: a plan written from the docs, figures
typed and pasted from Excel, in Vietnamese. Each test written failing first; expected rows
and figures written by hand from the cells typed here, never copied from qntrack's output."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import run_clean

PLAN = """\
version: 1
title: {en: "Bac Ninh: Party Congress Resolution", vi: "Bắc Ninh: Nghị quyết Đại hội Đảng bộ tỉnh"}
indicators:
  grdp_growth:
    name: {en: GRDP growth, vi: "Tăng trưởng GRDP"}
    unit: "%"
    measure: rate
    frequency: quarter
  poverty:
    name: {en: Poverty rate, vi: "Tỷ lệ hộ nghèo"}
    unit: "%"
    direction: decrease
  fdi:
    name: {en: FDI attracted, vi: "Vốn FDI thu hút"}
    unit: {en: million USD, vi: triệu USD}
    measure: flow
  budget:
    name: {en: Budget revenue, vi: "Thu ngân sách"}
    unit: {en: billion VND, vi: tỷ đồng}
    measure: flow
targets:
  - id: tang-truong
    type: every_period
    indicator: grdp_growth
    at_least: 10
    from: 2021
    to: 2025
  - id: ngheo
    indicator: poverty
    baseline: {period: 2020, value: 2.5}
    milestones:
      - {by: 2025, value: 1}
"""

FROM = ("--source", "Cục Thống kê", "--recorded-at", "2026-07-10")


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, PLAN, STORE_HEADER)


def _rows() -> list[str]:
    return Path("observations.csv").read_text(encoding="utf-8").splitlines()[1:]


# --- 1. 'Thực hiện' merged over the quarters, the plan's column beside it -------------------------

# A six-month report's annex: 'Thực hiện' (the realised figures) merged across the two
# quarters' columns, the quarters in the row below, the year's plan in the last column.
# 'Năm' merged so was read; 'Thực hiện', the value column's own heading, was refused (the
# paste even with --wide: "'Thực hiện' is not a period"; the workbook without --wide).
_MERGED = [
    ["STT", "Chỉ tiêu", "ĐVT", "Thực hiện", "", "Kế hoạch 2025"],
    ["", "", "", "Quý I/2025", "Quý II/2025", ""],
    ["1", "Tăng trưởng GRDP", "%", "7,1", "7,5", "10"],
]
# Read by hand: grdp_growth 2025-Q1 = 7.1 and 2025-Q2 = 7.5; the plan's 10 never a figure.
_EXPECTED = [
    "grdp_growth,2025-Q1,7.1,,Cục Thống kê,,2026-07-10T00:00:00Z",
    "grdp_growth,2025-Q2,7.5,,Cục Thống kê,,2026-07-10T00:00:00Z",
]


@pytest.mark.parametrize("wide", [(), ("--wide",)])
def test_a_pasted_table_with_thuc_hien_merged_over_its_quarters_is_read(plan: Path, wide: tuple[str, ...]) -> None:
    text = "".join("\t".join(cells) + "\r\n" for cells in _MERGED)
    r = run_clean("--lang", "vi", "add-observation", "--from", "-", *wide, *FROM, input=text.encode("utf-8"))
    assert r.exit_code == 0, r.output
    assert _rows() == _EXPECTED


@pytest.mark.parametrize("wide", [(), ("--wide",)])
def test_a_workbook_with_thuc_hien_merged_over_its_quarters_is_read(plan: Path, wide: tuple[str, ...]) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in _MERGED:
        sheet.append([float(c.replace(",", ".")) if c[:1].isdigit() and "," in c else (c or None) for c in row])
    for merged in ("D1:E1", "A1:A2", "B1:B2", "C1:C2", "F1:F2"):
        sheet.merge_cells(merged)
    book.save("bieu.xlsx")
    r = run_clean("--lang", "vi", "add-observation", "--from", "bieu.xlsx", *wide, *FROM)
    assert r.exit_code == 0, r.output
    assert _rows() == _EXPECTED


def test_a_value_heading_over_figures_is_still_a_long_table(plan: Path) -> None:
    # 'Thực hiện' over a long table's figures (no period in the row below) stays the
    # value column: the row below is data.
    text = "Chỉ tiêu\tKỳ\tThực hiện\nTỷ lệ hộ nghèo\t2024\t1,9\n"
    r = run_clean("--lang", "vi", "add-observation", "--from", "-", *FROM, input=text.encode("utf-8"))
    assert r.exit_code == 0, r.output
    assert _rows() == ["poverty,2024,1.9,,Cục Thống kê,,2026-07-10T00:00:00Z"]


def test_a_workbook_with_thuc_hien_merged_over_its_last_columns_is_read(plan: Path) -> None:
    # The merged heading is the sheet's last: no gap between named headings, the cell right
    # of it empty.
    book = openpyxl.Workbook()
    sheet = book.active
    for row in [["Chỉ tiêu", "Thực hiện", None], [None, "Quý I/2025", "Quý II/2025"], ["grdp_growth", 7.1, 7.5]]:
        sheet.append(row)
    sheet.merge_cells("B1:C1")
    sheet.merge_cells("A1:A2")
    book.save("bieu.xlsx")
    r = run_clean("--lang", "vi", "add-observation", "--from", "bieu.xlsx", *FROM)
    assert r.exit_code == 0, r.output
    assert _rows() == _EXPECTED


# --- 2. a figure cut off after its decimal mark ---------------------------------------------------

# A paste stopped half-way ('1,9' arrived as '1,'), or a figure typed and Enter pressed too
# soon: the decimal mark with no digit after it was read as the whole number, 1 stored for
# 1.9, in silence. Nobody writes a figure so, in either convention.


@pytest.mark.parametrize("typed", ["1,", "1.", "12.345,", "-2,"])
def test_a_typed_figure_ending_in_its_decimal_mark_is_refused(plan: Path, typed: str) -> None:
    r = run_clean("--lang", "vi", "add-observation", "poverty", "2024", typed, *FROM)
    assert r.exit_code == 1, r.output
    assert _rows() == []
    assert f"'{typed}' kết thúc bằng dấu thập phân" in r.stderr, r.stderr
    en = run_clean("add-observation", "poverty", "2024", typed, *FROM)
    assert en.exit_code == 1 and f"'{typed}' ends with its decimal mark" in en.stderr, en.stderr


@pytest.mark.parametrize("sep", ["\t", ","])
def test_a_pasted_row_cut_after_its_decimal_mark_writes_nothing(plan: Path, sep: str) -> None:
    # The last row of a paste, cut after the comma: nothing of the paste is written.
    cell = "1," if sep == "\t" else '"1,"'
    text = sep.join(["indicator", "period", "value"]) + "\n"
    text += sep.join(["poverty", "2023", "2,1" if sep == "\t" else '"2,1"']) + "\n"
    text += sep.join(["poverty", "2024", cell])
    r = run_clean("--lang", "vi", "add-observation", "--from", "-", *FROM, input=text.encode("utf-8"))
    assert r.exit_code == 1, r.output
    assert _rows() == []
    assert "<stdin>:3: lỗi: '1,' kết thúc bằng dấu thập phân" in r.stderr, r.stderr


def test_a_csv_figure_ending_in_a_point_is_refused(plan: Path) -> None:
    Path("so-lieu.csv").write_text("indicator,period,value\npoverty,2023,2.1\npoverty,2024,1.\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "so-lieu.csv", *FROM)
    assert r.exit_code == 1, r.output
    assert _rows() == []
    assert "so-lieu.csv:3: error: '1.' ends with its decimal mark" in r.stderr, r.stderr


def test_a_wide_cell_ending_in_its_decimal_mark_names_its_period(plan: Path) -> None:
    text = "Chỉ tiêu\t2023\t2024\nTỷ lệ hộ nghèo\t2,1\t1,\n"
    r = run_clean("--lang", "vi", "add-observation", "--from", "-", "--wide", *FROM, input=text.encode("utf-8"))
    assert r.exit_code == 1, r.output
    assert "kỳ 2024: '1,' kết thúc bằng dấu thập phân" in r.stderr, r.stderr


# --- 3. a Vietnamese header without its period column ---------------------------------------------

# 'Chỉ tiêu | Giá trị' pasted without the period's column was told "the header needs period
# (found: indicator, value)": the officer's own headings were shown as the store's English
# names and the one missing by its English name alone, nowhere the Vietnamese to write.


def test_a_vietnamese_header_missing_its_period_is_told_in_its_own_words(plan: Path) -> None:
    text = "Chỉ tiêu\tGiá trị\nTỷ lệ hộ nghèo\t2,1\n"
    r = run_clean("--lang", "vi", "add-observation", "--from", "-", *FROM, input=text.encode("utf-8"))
    assert r.exit_code == 1, r.output
    said = r.stderr
    assert "<stdin>:1: lỗi: dòng tiêu đề cần có period (đang có: Chỉ tiêu, Giá trị)" in said, said
    # The Vietnamese headings read as the period column, among them the three an office writes.
    vietnamese = said.split("(đang có: Chỉ tiêu, Giá trị)", 1)[1]
    assert "period: kỳ, kỳ báo cáo" in vietnamese and "năm, quý, tháng" in vietnamese, said


def test_a_workbook_header_missing_its_period_shows_its_headings_as_typed(plan: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in [["STT", "Chỉ tiêu", "ĐVT", "Giá trị"], [1, "Tỷ lệ hộ nghèo", "%", 2.1]]:
        sheet.append(row)
    book.save("bieu.xlsx")
    r = run_clean("add-observation", "--from", "bieu.xlsx", *FROM)
    assert r.exit_code == 1, r.output
    assert "the header needs period (found: STT, Chỉ tiêu, Giá trị); its Vietnamese names: period: kỳ" in r.stderr, (
        r.stderr
    )


# --- 4. a plan saved under a name of the officer's own ------------------------------------------

# The officer wrote the plan from the docs and saved it as 'ke hoach.yaml': every command
# said "no targets.yaml here or in any parent folder ... or run 'qntrack init' to start one",
# the file in front of them never named, and init offered to start another plan beside it.


def test_a_plan_under_another_name_is_named_when_no_targets_yaml_is_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_tracker(tmp_path, monkeypatch, PLAN, STORE_HEADER)
    (folder / "targets.yaml").rename(folder / "ke hoach.yaml")
    (folder / "docker-compose.yml").write_text("services:\n  web: {image: nginx}\n", encoding="utf-8")
    r = run_clean("--lang", "vi", "status")
    assert r.exit_code == 1, r.output
    assert "ke hoach.yaml" in r.stderr and '--targets "ke hoach.yaml"' in r.stderr, r.stderr
    assert "docker-compose.yml" not in r.stderr and "qntrack init" not in r.stderr, r.stderr
    en = run_clean("add-observation", "poverty", "2024", "1.9")
    assert en.exit_code == 1 and '--targets "ke hoach.yaml"' in en.stderr, en.stderr
    assert not (folder / "observations.csv").read_text(encoding="utf-8").splitlines()[1:]


def test_a_folder_of_other_yaml_files_is_told_as_before(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("QNTRACK_TARGETS", raising=False)
    (tmp_path / "mkdocs.yml").write_text("site_name: Docs\nnav:\n  - index.md\n", encoding="utf-8")
    r = run_clean("status")
    assert r.exit_code == 1, r.output
    assert "no targets.yaml here or in any parent folder" in r.stderr and "mkdocs" not in r.stderr, r.stderr


# --- 5. a figure in another size of the plan's unit ------------------------------------------------

# The press release gives FDI in 'tỷ USD' and the budget in 'triệu đồng'; the plan keeps
# million USD and billion VND. The refusal asked "a figure in another unit, or on the wrong
# row?" and stopped there: the officer was not told what to do with 4,5 tỷ USD. 1 tỷ USD
# is 1,000 triệu USD (so 4,5 tỷ USD is 4.500 triệu USD); 1 triệu đồng is 1/1,000 tỷ đồng.


def test_a_unit_cell_of_another_size_is_told_the_factor(plan: Path) -> None:
    text = "Chỉ tiêu\tĐVT\tNăm 2024\nVốn FDI thu hút\ttỷ USD\t4,5\nThu ngân sách\tTriệu đồng\t38.212.400\n"
    r = run_clean("--lang", "vi", "add-observation", "--from", "-", *FROM, input=text.encode("utf-8"))
    assert r.exit_code == 1, r.output
    assert _rows() == []
    said = r.stderr
    assert "<stdin>:2: lỗi: đơn vị tính 'tỷ USD' không phải đơn vị tính của fdi" in said, said
    line2 = next(x for x in said.splitlines() if x.startswith("<stdin>:2:"))
    assert "hãy nhân các số liệu với 1.000" in line2, said
    line3 = next(x for x in said.splitlines() if x.startswith("<stdin>:3:"))
    assert "hãy chia các số liệu cho 1.000" in line3, said
    en = run_clean("add-observation", "--from", "-", *FROM, input=text.encode("utf-8"))
    assert "multiply the figures by 1,000" in en.stderr and "divide the figures by 1,000" in en.stderr, en.stderr


def test_a_unit_cell_of_another_currency_gets_no_factor(plan: Path) -> None:
    # Billion VND against million USD: no factor turns one into the other.
    text = "Chỉ tiêu\tĐVT\tNăm 2024\nVốn FDI thu hút\ttỷ đồng\t100\n"
    r = run_clean("add-observation", "--from", "-", *FROM, input=text.encode("utf-8"))
    assert r.exit_code == 1, r.output
    assert "multiply" not in r.stderr and "divide" not in r.stderr, r.stderr


# --- 6. 'from: 2025-2030' and no 'to' -----------------------------------------------------------

# The officer wrote the resolution's period as the span it is, in 'from', and left 'to' out.
# check said only "needs 'to'"; once 'to: 2030' was added, the next run refused 'from'.
# Both are now said in one run.


def test_a_span_written_in_from_is_told_with_the_missing_to(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = PLAN.replace("    from: 2021\n    to: 2025\n", "    from: 2025-2030\n")
    make_tracker(tmp_path, monkeypatch, plan, STORE_HEADER)
    r = run_clean("--lang", "vi", "check")
    assert r.exit_code == 1, r.output
    said = r.stderr
    assert "cần có 'to'" in said, said
    line = 1 + plan.splitlines().index("    from: 2025-2030")
    assert f"targets.yaml:{line}:11: lỗi: mục tiêu 'tang-truong': from: '2025-2030' là một giai đoạn nhiều năm" in said


# --- 7. an empty column between a Vietnamese header's columns -------------------------------------

# A spacer column left empty in the sheet: "cột thứ 4 không có tên (hợp lệ: indicator, period,
# ...)", the English names alone and nothing said of what to do with the column.


def test_an_unnamed_column_is_told_to_be_named_or_deleted_in_the_headers_language(plan: Path) -> None:
    text = "Chỉ tiêu\tKỳ\tGiá trị\t\tNguồn\nTỷ lệ hộ nghèo\t2023\t2,1\t\tCục TK\n"
    r = run_clean("--lang", "vi", "add-observation", "--from", "-", *FROM, input=text.encode("utf-8"))
    assert r.exit_code == 1, r.output
    assert _rows() == []
    said = r.stderr.splitlines()[0]
    assert said.startswith("<stdin>:1: lỗi: cột thứ 4 không có tên: hãy đặt tên cho cột, hoặc xóa cột đó"), said
    assert "tiếng Việt: chỉ tiêu" in said, said


# --- 8. a pasted row named in longer words than the plan's ----------------------------------------

# The statistics office writes "Tốc độ tăng trưởng GRDP" and "Tổng thu ngân sách nhà nước";
# the plan says "Tăng trưởng GRDP" and "Thu ngân sách". A cell whose words the plan's name
# holds was told the indicator; a cell holding every word of the plan's name was told only the
# list of ids. Suggested, never read: the longer name may be another figure.


def test_a_row_named_in_more_words_than_the_plans_name_is_told_the_indicator(plan: Path) -> None:
    text = "Chỉ tiêu\tNăm 2024\nTốc độ tăng trưởng GRDP\t6,1\nTổng thu ngân sách nhà nước\t38.212,4\nSố dự án FDI\t12\n"
    r = run_clean("--lang", "vi", "add-observation", "--from", "-", *FROM, input=text.encode("utf-8"))
    assert r.exit_code == 1, r.output
    assert _rows() == []
    lines = {x.split(": lỗi: ")[0]: x for x in r.stderr.splitlines() if ": lỗi: " in x}
    assert "hãy ghi grdp_growth" in lines["<stdin>:2"] and "'Tăng trưởng GRDP'" in lines["<stdin>:2"], r.stderr
    assert "hãy ghi budget" in lines["<stdin>:3"] and "'Thu ngân sách'" in lines["<stdin>:3"], r.stderr
    # 'FDI' alone of 'Vốn FDI thu hút' is in the cell: nothing suggested.
    assert "hãy ghi" not in lines["<stdin>:4"], r.stderr


# --- 9. init beside a plan Notepad saved as a text document ----------------------------------------

# The officer's targets.yaml was saved by Notepad as targets.yaml.txt (Explorer shows it as
# targets.yaml). Told by status to run init, or running it first, init wrote a starter
# targets.yaml beside it: Explorer then showed two targets.yaml, and every command read the
# starter's examples. init refuses there, naming the file, as it refuses Targets.yaml.


@pytest.mark.parametrize("name", ["targets.yaml.txt", "targets.yml"])
def test_init_beside_a_plan_saved_under_another_name_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("QNTRACK_TARGETS", raising=False)
    (tmp_path / name).write_text(PLAN, encoding="utf-8")
    r = run_clean("--lang", "vi", "init")
    assert r.exit_code != 0, r.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]
    assert name in r.stderr and "đổi tên" in r.stderr, r.stderr
