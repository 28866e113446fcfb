"""The thirteenth session's features attacked (issue 17, review pass): an import's
indicator by its name, a text file's unit column, a dimension's short name, the status
line on a terminal. Each test is a defect found and fixed (docs/decisions.md, "The
thirteenth session's review pass")."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import run_clean
from helpers import stored_cells as _stored

TARGETS = """\
version: 1
title: "Names"
dimensions:
  locality:
    name: {en: "Locality (district level)", vi: "Địa phương (cấp huyện)"}
    values: ["Hạ Long", "Cẩm Phả"]
indicators:
  grdp_growth:
    name: {en: "GRDP growth", vi: "Tốc độ tăng trưởng GRDP"}
    unit: "%"
  fdi:
    name: {en: "FDI attracted", vi: "Vốn FDI thu hút"}
    unit: "million USD"
  revenue:
    name: {en: "Budget revenue", vi: "Thu ngân sách"}
    unit: "billion VND"
    dimensions: [locality]
targets:
  - id: growth
    indicator: grdp_growth
    baseline: {period: 2020, value: 7}
    milestones:
      - {by: 2025, value: 10}
"""
HEADER = STORE_HEADER


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, TARGETS, HEADER)


@pytest.mark.parametrize("wide", [False, True])
def test_a_name_column_before_the_code_column_holding_a_longer_title(plan: Path, wide: bool):
    # The code identifies the row whichever column comes first: a title that names no
    # indicator, in the first column, was 'unknown indicator' beside a valid code.
    table = (
        "Tên chỉ tiêu,Mã chỉ tiêu,2023\nVốn FDI thu hút (triệu USD),fdi,1500\n"
        if wide
        else "Tên chỉ tiêu,Mã chỉ tiêu,Kỳ,Giá trị\nVốn FDI thu hút (triệu USD),fdi,2023,1500\n"
    )
    (plan / "t.csv").write_text(table, encoding="utf-8")
    r = run_clean("add-observation", "--from", "t.csv", "--status", "official", *(["--wide"] if wide else []))
    assert r.exit_code == 0, r.stderr
    assert _stored(plan) == [["fdi", "2023", "1500"]]


def test_a_name_column_before_the_code_column_that_names_another(plan: Path):
    (plan / "t.csv").write_text("Tên chỉ tiêu,Mã chỉ tiêu,Kỳ,Giá trị\nGRDP growth,fdi,2023,1500\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "t.csv", "--status", "official")
    assert r.exit_code == 1
    assert "t.csv:2:" in r.stderr and "grdp_growth" in r.stderr and "fdi" in r.stderr
    assert _stored(plan) == []


def _workbook(path: Path, rows: list[list[object]]) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)


@pytest.mark.parametrize(
    "rows",
    [
        [["Tên chỉ tiêu", "Mã chỉ tiêu", "ĐVT", "Kỳ", "Giá trị"], ["GRDP growth", "grdp_growth", "tỷ đồng", 2023, 9]],
        [["Chỉ tiêu", "ĐVT", "Kỳ", "Giá trị"], ["Tốc độ tăng trưởng GRDP", "tỷ đồng", 2023, 9]],
        [["Tên chỉ tiêu", "Mã chỉ tiêu", "ĐVT", 2023], ["Tăng trưởng (%)", "grdp_growth", "tỷ đồng", 9]],
    ],
)
def test_a_workbook_unit_cell_is_checked_on_a_row_named_by_its_name(plan: Path, rows: list[list[object]]):
    # A workbook's unit cell was checked against the first indicator column's text alone:
    # a name there (or a code in the second column) let a figure in another unit through.
    _workbook(plan / "t.xlsx", rows)
    wide = ["--wide"] if isinstance(rows[0][-1], int) else []
    r = run_clean("add-observation", "--from", "t.xlsx", "--status", "official", *wide)
    assert r.exit_code == 1, r.stderr
    assert "'tỷ đồng'" in r.stderr and "grdp_growth" in r.stderr
    assert _stored(plan) == []


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_a_dry_run_retraction_shows_no_figure_not_nan(plan: Path, fmt: str):
    # The store writes a retraction's value empty; the dry run's table wrote 'nan'.
    (plan / "t.csv").write_text("indicator,period,value,status\nfdi,2023,1500,official\n", encoding="utf-8")
    assert run_clean("add-observation", "--from", "t.csv").exit_code == 0
    (plan / "r.csv").write_text(
        "Chỉ tiêu,Kỳ,Giá trị,status,note\nFDI attracted,2023,,retracted,typo\n", encoding="utf-8"
    )
    r = run_clean("add-observation", "--from", "r.csv", "--dry-run", "--format", fmt)
    assert r.exit_code == 0, r.stderr
    row = r.stdout.splitlines()[1].split("," if fmt == "csv" else "\t")
    assert row[:4] == ["fdi", "2023", "", "retracted"]
    assert "nan" not in r.stdout


def test_a_name_with_a_unit_key_is_read_as_the_id_with_it(plan: Path):
    # 'revenue[locality=X]' was read, its name with the same key 'unknown indicator'.
    (plan / "t.csv").write_text(
        "Chỉ tiêu,Kỳ,Giá trị\nThu ngân sách[locality=Hạ Long],2023,7000\nBudget revenue [locality=Cẩm Phả],2023,9000\n",
        encoding="utf-8",
    )
    r = run_clean("add-observation", "--from", "t.csv", "--status", "official")
    assert r.exit_code == 0, r.stderr
    assert _stored(plan) == [
        ["revenue[locality=Hạ Long]", "2023", "7000"],
        ["revenue[locality=Cẩm Phả]", "2023", "9000"],
    ]
    assert "'Thu ngân sách'" in r.stderr and "'Budget revenue'" in r.stderr


def test_an_import_counts_every_warning_it_prints(plan: Path):
    # Two warnings of names and one of a jump printed 'then 0 error(s), 2 warning(s)'.
    (plan / "a.csv").write_text("indicator,period,value,status\nfdi,2022,1500,official\n", encoding="utf-8")
    assert run_clean("add-observation", "--from", "a.csv").exit_code == 0
    (plan / "t.csv").write_text("Chỉ tiêu,Kỳ,Giá trị\nFDI attracted,2023,15\nGRDP growth,2023,9\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "t.csv", "--status", "official")
    assert r.exit_code == 0, r.stderr
    printed = [line for line in r.stderr.splitlines() if ": warning: " in line]
    assert len(printed) == 3, r.stderr
    assert r.stderr.rstrip().endswith("0 error(s), 3 warning(s)"), r.stderr


def test_many_names_read_are_not_told_as_rows_not_in_force(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # Past the twentieth note, the file's own notes were summed up as '... more row(s)
    # already recorded but not in force', which they are not.
    indicators = "".join(f'  i{k}:\n    name: {{en: "Indicator {k}"}}\n    unit: "%"\n' for k in range(25))
    targets = (
        "targets:\n  - {id: t, indicator: i0, baseline: {period: 2020, value: 1}, milestones: [{by: 2025, value: 2}]}\n"
    )
    make_tracker(tmp_path, monkeypatch, f"version: 1\ntitle: t\nindicators:\n{indicators}{targets}", HEADER)
    rows = "".join(f"Indicator {k},2023,{k}\n" for k in range(25))
    (tmp_path / "t.csv").write_text("Chỉ tiêu,Kỳ,Giá trị\n" + rows, encoding="utf-8")
    r = run_clean("add-observation", "--from", "t.csv", "--status", "official")
    assert r.exit_code == 0, r.stderr
    assert "not in force" not in r.stderr
    assert r.stderr.count("is the name of indicator") == 25


def test_a_wide_csv_with_a_title_is_read_below_it(plan: Path):
    # A wide header holds its years, which were taken for a row of figures: the title
    # line stayed the header ("a wide table's first column must be 'indicator'").
    (plan / "t.csv").write_text(
        "BÁO CÁO SỐ LIỆU;;\nQuảng Ninh, ngày 1/1/2025;;\n;;\nChỉ tiêu;2022;2023\nfdi;3000;3100,5\n", encoding="utf-8"
    )
    r = run_clean("add-observation", "--from", "t.csv", "--wide", "--status", "official")
    assert r.exit_code == 0, r.stderr
    assert _stored(plan) == [["fdi", "2022", "3000"], ["fdi", "2023", "3100.5"]]


def test_a_wide_csv_whose_title_holds_a_figure_is_still_refused(plan: Path):
    (plan / "t.csv").write_text("Năm;2024;\n;;\nChỉ tiêu;2022;2023\nfdi;3000;3100,5\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "t.csv", "--wide", "--status", "official")
    assert r.exit_code == 1 and "t.csv:1:" in r.stderr
    assert _stored(plan) == []


def test_a_name_and_its_id_for_one_period_are_one_figure_twice(plan: Path):
    # 'FDI attracted' and 'fdi' for 2022 in one file were two rows of one moment, both
    # written (which is in force left to file order); two ids so are refused.
    (plan / "t.csv").write_text("Chỉ tiêu,Kỳ,Giá trị\nFDI attracted,2022,3000\nfdi,2022,3100\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "t.csv", "--status", "official")
    assert r.exit_code == 1
    assert "t.csv:3:" in r.stderr and "line 2" in r.stderr
    assert _stored(plan) == []


def test_rows_named_only_in_the_name_column_are_not_one_figure(plan: Path):
    # The code column left empty: every row's indicator was '' when repeats were looked
    # for, so two indicators for one period were 'already given on line 2'.
    (plan / "t.csv").write_text(
        "Mã chỉ tiêu,Tên chỉ tiêu,Kỳ,Giá trị\n,FDI attracted,2022,3000\n,GRDP growth,2022,9\n", encoding="utf-8"
    )
    r = run_clean("add-observation", "--from", "t.csv", "--status", "official")
    assert r.exit_code == 0, r.stderr
    assert _stored(plan) == [["fdi", "2022", "3000"], ["grdp_growth", "2022", "9"]]


def test_a_name_with_a_unit_key_before_the_code_keeps_its_unit(plan: Path):
    (plan / "t.csv").write_text(
        "Tên chỉ tiêu,Mã chỉ tiêu,Kỳ,Giá trị\nThu ngân sách[locality=Hạ Long],revenue,2023,7000\n", encoding="utf-8"
    )
    r = run_clean("add-observation", "--from", "t.csv", "--status", "official")
    assert r.exit_code == 0, r.stderr
    assert _stored(plan) == [["revenue[locality=Hạ Long]", "2023", "7000"]]


def test_a_refused_import_still_says_which_names_it_read(plan: Path):
    # Refused, the file was told 'fdi 2022 is already given on line 2' of a line that
    # reads 'FDI attracted', with nothing to say that the name was read as fdi.
    (plan / "t.csv").write_text("Chỉ tiêu,Kỳ,Giá trị\nFDI attracted,2022,3000\nfdi,2022,3100\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "t.csv", "--status", "official")
    assert r.exit_code == 1
    assert "'FDI attracted' is the name of indicator fdi" in r.stderr
    assert r.stderr.rstrip().endswith("1 error(s), 1 warning(s)"), r.stderr


@pytest.mark.parametrize("header", [["Chỉ tiêu"], ["Mã chỉ tiêu", "Tên chỉ tiêu"]])
def test_a_yearbook_row_named_by_its_name_with_no_figure_yet_does_not_end_the_table(plan: Path, header: list[str]):
    # An id alone is the indicator's row with no figure yet; its name alone was a note
    # that ended the table, and the rows below were refused ('delete row 3').
    pad = [None] * (len(header) - 1)
    _workbook(
        plan / "t.xlsx",
        [
            [*header, 2022, 2023],
            [*pad, "GRDP growth", 9, 10],
            [*pad, "Vốn FDI thu hút", None, None],
            [*pad, "Thu ngân sách", 700, 800],
        ],
    )
    r = run_clean("add-observation", "--from", "t.xlsx", "--wide", "--status", "official")
    assert r.exit_code == 0, r.stderr
    assert [row[0] for row in _stored(plan)] == ["grdp_growth", "grdp_growth", "revenue", "revenue"]


def test_a_wide_row_read_by_its_name_is_counted_once(plan: Path):
    # One row of a wide table is a figure for each period: it was said as '2 row(s)'.
    (plan / "t.csv").write_text("Chỉ tiêu,2022,2023\nGRDP growth,9,10\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "t.csv", "--wide", "--status", "official")
    assert r.exit_code == 0, r.stderr
    assert "its 1 row(s) were read as grdp_growth" in r.stderr, r.stderr


SHARED = """\
version: 1
title: "Dims"
dimensions:
  old:
    name: {en: "Locality (until 2025)", vi: "Địa phương (đến 2025)"}
    values: ["Hạ Long", "Cẩm Phả"]
  new:
    name: {en: "Locality (since 2025)", vi: "Địa phương (từ 2025)"}
    values: ["Hạ Long", "Vân Đồn"]
indicators:
  rev:
    name: {en: "Revenue", vi: "Thu"}
    unit: "billion VND"
    dimensions: [old, new]
targets:
  - id: t
    indicator: rev
    for_each: old
    baseline: {period: 2020, value: 1}
    milestones: [{by: 2025, value: 2}]
"""


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_short_name_two_dimensions_share_is_said_to_be_shared(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
):
    # It was 'rev is not broken down by Locality' (it is, twice) and, for --by, 'no
    # dimension Locality': what names neither should say why, and what to write.
    make_tracker(tmp_path, monkeypatch, SHARED, HEADER)
    r = run_clean("--lang", lang, "add-observation", "rev", "2023", "5", "--dim", "Locality=Hạ Long", "-s", "official")
    assert r.exit_code == 1
    assert "old, new" in r.stderr and ("not broken down" not in r.stderr and "không phân tổ" not in r.stderr)
    r = run_clean("--lang", lang, "status", "--by", "Locality")
    assert r.exit_code == 1  # as --dim's; was 2 (session 37, pass H: README, "Exit codes")
    assert "old, new" in r.stderr and "no dimension" not in r.stderr and "không có chiều" not in r.stderr


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_history_told_an_indicator_by_its_name_is_told_its_id(plan: Path, lang: str):
    # add-observation and retract say the id of a name typed; history said 'no indicator'.
    r = run_clean("--lang", lang, "history", "Vốn FDI thu hút", "2023")
    assert r.exit_code == 1
    assert "'fdi'" in r.stderr and ("not its id" in r.stderr or "không phải mã" in r.stderr), r.stderr


def test_a_name_over_two_lines_of_its_cell_is_said_on_one(plan: Path):
    # A yearbook wraps a long name in its cell (Alt+Enter): read, it was said as
    # 'Tốc độ tăng trưởng\\x0aGRDP', the line break shown as an escape.
    _workbook(plan / "t.xlsx", [["Chỉ tiêu", 2022], ["Tốc độ tăng\ntrưởng GRDP", 9]])
    r = run_clean("add-observation", "--from", "t.xlsx", "--wide", "--status", "official")
    assert r.exit_code == 0, r.stderr
    assert "'Tốc độ tăng trưởng GRDP' is the name of indicator grdp_growth" in r.stderr, r.stderr
