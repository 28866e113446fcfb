"""Issue 17, twenty-sixth session, pass L1: leftovers of the session's passes over imports,
messages and dry runs (each test written failing first; each expected sentence written by
hand from the catalog's wording)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_clean

# --- 1. a dry run of a revision of the status, source or note alone ----------------------------

FIRST = ("grdp_growth", "2026-Q1", "5", "--status", "estimate", "--source", "Cuc TK")


def _dry_after_first(*changed: str, lang: str = "en") -> str:
    # The same 5 recorded on 20 April, then tried again with one thing changed, --dry-run.
    r = run_clean("add-observation", *FIRST, "--recorded-at", "2026-04-20T00:00:00Z")
    assert r.exit_code == 0, r.output
    before = Path("observations.csv").read_bytes()
    r = run_clean("--lang", lang, "add-observation", "grdp_growth", "2026-Q1", "5", *changed, "--dry-run")
    assert r.exit_code == 0, r.output
    assert Path("observations.csv").read_bytes() == before  # nothing written
    return r.stderr


def test_a_dry_run_says_a_status_only_revision(shipped: Path) -> None:
    said = _dry_after_first("--status", "official", "--source", "Cuc TK")
    assert (
        "dry run: would add grdp_growth 2026-Q1 = 5 to observations.csv: the same figure as the one recorded "
        "2026-04-20, its status changing from estimate to official; nothing was written"
    ) in said, said


def test_a_dry_run_says_a_status_only_revision_in_vietnamese(shipped: Path) -> None:
    said = _dry_after_first("--status", "official", "--source", "Cuc TK", lang="vi")
    assert (
        "chạy thử: sẽ thêm grdp_growth 2026-Q1 = 5 vào observations.csv: cùng số với số ghi nhận 20/04/2026, "
        "trạng thái sẽ đổi từ ước tính sang chính thức; không ghi gì"
    ) in said, said


def test_a_dry_run_says_a_source_only_revision(shipped: Path) -> None:
    said = _dry_after_first("--status", "estimate", "--source", "GSO")
    assert (
        "dry run: would add grdp_growth 2026-Q1 = 5 to observations.csv: the same figure as the one recorded "
        "2026-04-20, its source changing from Cuc TK to GSO; nothing was written"
    ) in said, said
    vi = run_clean("--lang", "vi", "add-observation", "grdp_growth", "2026-Q1", "5", "--status", "estimate",
                   "--source", "GSO", "--dry-run").stderr  # fmt: skip
    assert (
        "chạy thử: sẽ thêm grdp_growth 2026-Q1 = 5 vào observations.csv: cùng số và trạng thái với số ghi nhận "
        "20/04/2026, nguồn sẽ đổi từ Cuc TK sang GSO; không ghi gì"
    ) in vi, vi


def test_a_dry_run_says_a_note_only_revision(shipped: Path) -> None:
    # Dated, as the real run needs it: undated, the same figure, status and source is
    # already recorded whatever its note.
    at = ("--recorded-at", "2026-05-20T00:00:00Z")
    said = _dry_after_first("--status", "estimate", "--source", "Cuc TK", "--note", "hand checked", *at)
    assert (
        "dry run: would add grdp_growth 2026-Q1 = 5 to observations.csv: the same figure, status and source "
        "as the one recorded 2026-04-20, with a note of its own; nothing was written"
    ) in said, said
    vi = run_clean("--lang", "vi", "add-observation", *FIRST, "--note", "đã kiểm tra", *at, "--dry-run").stderr
    assert (
        "chạy thử: sẽ thêm grdp_growth 2026-Q1 = 5 vào observations.csv: cùng số, trạng thái và nguồn với số "
        "ghi nhận 20/04/2026, chỉ khác ghi chú; không ghi gì"
    ) in vi, vi


@pytest.mark.parametrize("value", ["5.2", "6"])
def test_a_dry_run_of_a_new_figure_says_what_it_revises(shipped: Path, value: str) -> None:
    # Pinned "would add 1 row(s)" until issue 17's twenty-seventh session, which has the dry
    # run of a revision of the figure say it as the run does (tests/test_s27_d.py).
    r = run_clean("add-observation", *FIRST, "--recorded-at", "2026-04-20T00:00:00Z")
    assert r.exit_code == 0, r.output
    r = run_clean("add-observation", "grdp_growth", "2026-Q1", value, "--status", "official", "--dry-run")
    assert (
        f"dry run: would add grdp_growth 2026-Q1 = {value} to observations.csv, revising 5 (recorded 2026-04-20), "
        "its status changing from estimate to official; nothing was written"
    ) in r.stderr


# --- 2. an imported figure with words or '%' told its row's indicator's unit ------------------


def _import(text: str, *args: str, lang: str = "en") -> str:
    Path("rows.csv").write_text(text, encoding="utf-8")
    before = Path("observations.csv").read_bytes()
    r = run_clean("--lang", lang, "add-observation", "--from", "rows.csv", *args)
    assert r.exit_code == 1, r.output
    assert Path("observations.csv").read_bytes() == before  # all or nothing
    return r.stderr


LONG = "indicator,period,value\nfdi,2024,1.2 billion\ngrdp_growth,2024,7.2%\nnope,2024,5%\n"


def test_an_imported_figure_with_words_names_its_unit(shipped: Path) -> None:
    said = _import(LONG)
    # fdi is declared in million USD (targets.yaml): 1.2 billion is 1200 of them.
    assert (
        "rows.csv:2: error: '1.2 billion' has words beside the figure ('billion'): write the figure alone, "
        "in million USD, the unit indicator 'fdi' is declared in (converted, if 'billion' is another unit); "
        "a word such as 'about' or 'over' goes in the note column"
    ) in said, said
    assert (
        "rows.csv:3: error: '7.2%': write the number without '%' (indicator 'grdp_growth' is declared in % y/y)" in said
    )
    # An indicator the plan lacks: the general words, and the unknown id said apart.
    assert "rows.csv:4: error: '5%': write the number without '%' (the unit belongs to the indicator)" in said


def test_an_imported_figure_with_words_names_its_unit_in_vietnamese(shipped: Path) -> None:
    said = _import(LONG, lang="vi")
    assert (
        "rows.csv:2: lỗi: '1.2 billion' có chữ bên cạnh số ('billion'): hãy chỉ viết số, theo đơn vị tính khai "
        "báo cho chỉ tiêu 'fdi', triệu USD (quy đổi nếu 'billion' là đơn vị khác)"
    ) in said, said
    assert (
        "rows.csv:3: lỗi: '7.2%': hãy viết số không kèm '%' (đơn vị tính khai báo cho chỉ tiêu 'grdp_growth' "
        "là % so với cùng kỳ)"
    ) in said, said


def test_a_wide_table_names_the_unit_of_its_row(shipped: Path) -> None:
    said = _import('indicator,2023,2024\nfdi,3,"1,2 tỷ"\nbudget_revenue,5%,6\n', "--wide", lang="vi")
    assert (
        "rows.csv:2: lỗi: kỳ 2024: '1,2 tỷ' có chữ bên cạnh số ('tỷ'): hãy chỉ viết số, theo đơn vị tính khai "
        "báo cho chỉ tiêu 'fdi', triệu USD"
    ) in said, said
    assert "rows.csv:3: lỗi: kỳ 2023: '5%': hãy viết số không kèm '%' (đơn vị tính khai báo cho chỉ tiêu " in said
    assert "'budget_revenue' là tỷ đồng)" in said, said


def test_a_workbooks_cell_names_the_unit_of_its_row(shipped: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["indicator", "period", "value"], ["fdi", "2024", "1,2 tỷ"], ["grdp_growth", "2024", "7,2%"]):
        sheet.append(row)
    book.save("rows.xlsx")
    r = run_clean("add-observation", "--from", "rows.xlsx")
    assert r.exit_code == 1, r.output
    assert "C2: error: '1,2 tỷ' has words beside the figure ('tỷ'): write the figure alone, in million USD" in r.stderr
    assert "C3: error: '7,2%': write the number without '%' (indicator 'grdp_growth' is declared in % y/y)" in r.stderr


# --- 3. a unit's name alone after --dim told its dimension ------------------------------------


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "'Hạ Long' is not DIMENSION=UNIT: 'Hạ Long' is a unit of dimension locality; "
               'write --dim locality="Hạ Long"'),
        ("vi", "'Hạ Long' không có dạng CHIỀU=ĐƠN_VỊ: 'Hạ Long' là một đơn vị của chiều locality; "
               'hãy viết --dim locality="Hạ Long"'),
    ],
)  # fmt: skip
def test_a_units_name_alone_is_told_its_dimension(shipped: Path, lang: str, said: str) -> None:
    before = Path("observations.csv").read_bytes()
    r = run_clean("--lang", lang, "add-observation", "budget_revenue", "2024", "4000", "--dim", "Hạ Long")
    assert r.exit_code == 2, r.output
    assert said in r.stderr, r.stderr
    assert Path("observations.csv").read_bytes() == before
    r = run_clean("--lang", lang, "history", "budget_revenue", "2024", "--dim", "Hạ Long")
    assert r.exit_code == 2 and said in r.stderr, r.output


def test_a_units_name_typed_otherwise_is_matched_and_an_unknown_one_keeps_the_general_words(shipped: Path) -> None:
    # Case and spaces as a unit is matched elsewhere (plan.units.unit_match): the declared name is given.
    r = run_clean("add-observation", "budget_revenue", "2024", "4000", "--dim", "hạ  LONG")
    assert "'hạ  LONG' is not DIMENSION=UNIT: 'Hạ Long' is a unit of dimension locality" in r.stderr, r.stderr
    r = run_clean("add-observation", "budget_revenue", "2024", "4000", "--dim", "Hà Nội")
    assert r.exit_code == 2, r.output
    assert "'Hà Nội' is not DIMENSION=UNIT; write e.g. --dim locality=NAME" in r.stderr, r.stderr


# --- 4. report -o into a folder that is there and takes no new file --------------------------


def test_a_report_into_a_folder_that_takes_no_file_says_so(shipped: Path) -> None:
    # /proc exists: "No such file or directory: ... create the folder first" sent the
    # officer to create a folder that is there.
    r = run_clean("report", "-o", "/proc/qntrack-l1.html")
    assert r.exit_code == 1, r.output
    assert r.stderr == (
        "/proc/qntrack-l1.html: error: cannot write the report: the folder '/proc' takes no new file "
        "(a system folder such as /proc or /sys): give a path in a folder you can write; nothing was written\n"
    ), r.stderr
    r = run_clean("--lang", "vi", "report", "-o", "/proc/qntrack-l1.md")
    assert r.exit_code == 1, r.output
    assert (
        "không thể ghi báo cáo: thư mục '/proc' không nhận tệp mới (một thư mục hệ thống như /proc hay /sys): "
        "hãy chọn một đường dẫn trong thư mục bạn ghi được; không ghi gì"
    ) in r.stderr, r.stderr
    r = run_clean("export", "sdmx-csv", "-o", "/proc/qntrack-l1.csv")
    assert r.exit_code == 1 and "cannot write the export: the folder '/proc' takes no new file" in r.stderr, r.output


def test_an_open_sdg_export_or_init_into_such_a_folder_says_so(shipped: Path) -> None:
    r = run_clean("export", "opensdg", "--into", "/proc/qntrack-l1")
    assert r.exit_code == 1, r.output
    assert "cannot write the Open SDG repository: the folder '/proc' takes no new file" in r.stderr, r.stderr
    r = run_clean("--lang", "vi", "init", "/proc/qntrack-l1")
    assert r.exit_code == 1, r.output
    assert "thư mục '/proc' không nhận tệp mới" in r.stderr and "không tạo gì" in r.stderr, r.stderr


def test_a_missing_folder_keeps_its_own_words(shipped: Path) -> None:
    # A link to a folder that is not there: "not found" indeed, not a folder taking no file.
    Path("dangling.html").symlink_to("/nonexistent-l1/review.html")
    r = run_clean("report", "-o", "dangling.html")
    assert r.exit_code != 0 and "takes no new file" not in r.stderr, r.output


# --- 5. an empty sdmx: read as not given; a dimension 'freq' told freq: false --------------


def test_an_empty_top_level_sdmx_is_read_as_not_given(tracker: Path) -> None:
    # Its keys deleted, 'sdmx:' alone was refused: "sdmx must be a mapping ..., got ''".
    Path("targets.yaml").write_text(Path("targets.yaml").read_text(encoding="utf-8") + "sdmx:\n", encoding="utf-8")
    r = run_clean("check")
    assert r.exit_code == 0, r.output
    assert "must be a mapping" not in r.output


def test_an_empty_indicator_sdmx_is_read_as_not_given(tracker: Path) -> None:
    plan = Path("targets.yaml").read_text(encoding="utf-8")
    Path("targets.yaml").write_text(plan.replace("    frequency: quarter\n", "    frequency: quarter\n    sdmx:\n"))
    r = run_clean("check")
    assert r.exit_code == 0, r.output
    assert "must be a mapping" not in r.output


def test_a_dimension_named_freq_beside_freq_true_is_told_freq_false(tracker: Path) -> None:
    plan = Path("targets.yaml").read_text(encoding="utf-8")
    plan = plan.replace("indicators:\n", "dimensions:\n  freq:\n    name: Frequency group\nindicators:\n", 1)
    Path("targets.yaml").write_text(plan + "sdmx: {freq: true}\n", encoding="utf-8")
    r = run_clean("export", "sdmx-csv", "-o", "out.csv")
    assert r.exit_code == 1, r.output
    assert (
        "the dimension 'freq' would be the SDMX-CSV column FREQ, which 'freq: true' under sdmx: in targets.yaml "
        "adds: rename the dimension, or set freq: false there to export without the FREQ column"
    ) in r.stderr, r.stderr
    assert not Path("out.csv").exists()
    r = run_clean("--lang", "vi", "export", "sdmx-csv", "-o", "out.csv")
    assert "hoặc đặt freq: false ở đó để xuất không có cột FREQ" in r.stderr, r.stderr
    # Without freq: true, FREQ is no column of the file: the dimension exports.
    Path("targets.yaml").write_text(plan, encoding="utf-8")
    assert run_clean("export", "sdmx-csv", "-o", "out.csv").exit_code == 0
