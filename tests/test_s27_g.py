"""Issue 17, twenty-seventh session, helper G: imports keep provenance, and tables whose
headings need a word of help (each test written failing first; expected rows and words
written by hand from the shipped store and the catalog's wording)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_clean

# --- 1. a figure retyped without its source keeps the source in force ---------------------------

# The shipped store: grdp_growth 2023 = 11.03 (estimate), recorded 2023-11-27, its source the
# vietnamnet page (line 30 of observations.csv).
SOURCE = (
    "https://vietnamnet.vn/tang-truong-grdp-quang-ninh-uoc-dat-11-03-dung-dau-khu-vuc-dong-bang-song-hong-2220375.html"
)


def _unchanged(*args: str) -> str:
    before = Path("observations.csv").read_bytes()
    r = run_clean(*args)
    assert r.exit_code == 0, r.output
    assert Path("observations.csv").read_bytes() == before  # nothing written
    return r.stderr


def test_a_figure_retyped_without_its_source_is_already_recorded(shipped: Path) -> None:
    said = _unchanged("add-observation", "grdp_growth", "2023", "11.03", "--status", "estimate")
    assert "nothing to add: grdp_growth 2023 = 11.03 (estimate, " + SOURCE in said, said
    assert "source changed" not in said


@pytest.mark.parametrize("source_cell", [None, ""])
def test_a_table_without_sources_repeating_the_figure_in_force_is_already_recorded(
    shipped: Path, source_cell: str | None
) -> None:
    if source_cell is None:
        Path("t.csv").write_text("indicator,period,value,status\ngrdp_growth,2023,11.03,estimate\n", encoding="utf-8")
    else:
        Path("t.csv").write_text(
            "indicator,period,value,status,source\ngrdp_growth,2023,11.03,estimate,\n", encoding="utf-8"
        )
    said = _unchanged("add-observation", "--from", "t.csv")
    assert "nothing to add: all 1 row(s) are already recorded in observations.csv" in said, said
    vi = _unchanged("--lang", "vi", "add-observation", "--from", "t.csv")
    assert "source" not in vi and "nguồn" not in vi.split("observations.csv")[-1], vi


def test_the_library_keeps_the_source_in_force(shipped: Path) -> None:
    from qntrack import record_many

    done = record_many(
        "targets.yaml", [{"indicator": "grdp_growth", "period": "2023", "value": "11.03", "status": "estimate"}]
    )
    assert done.rows == ()  # a tuple, as an import's (thirty-sixth session)
    assert len(done.skipped) == 1
    stored, current = done.vintages[0]
    assert stored is not None and stored.source == SOURCE and current is stored


def test_another_source_is_still_a_source_only_revision(shipped: Path) -> None:
    r = run_clean("add-observation", "grdp_growth", "2023", "11.03", "--status", "estimate", "--source", "Niên giám")
    assert r.exit_code == 0, r.output
    assert "its source changed from " + SOURCE + " to Niên giám" in r.stderr, r.stderr


def test_a_different_status_or_a_note_is_still_recorded(shipped: Path) -> None:
    # A status stated anew is a status change (estimate -> official), source or none.
    r = run_clean("add-observation", "grdp_growth", "2023", "11.03", "--status", "official")
    assert r.exit_code == 0, r.output
    assert (
        Path("observations.csv")
        .read_text(encoding="utf-8")
        .splitlines()[-1]
        .startswith("grdp_growth,2023,11.03,official,,")
    )


# --- 2. and 3. a table read as wide unasked: --wide's own problems, and footnote marks -----------

TARGETS = """\
version: 1
title: "Wide tables"
indicators:
  beds:
    name: {en: "Hospital beds", vi: "Giường bệnh"}
    unit: {en: "beds", vi: "giường"}
targets:
  - id: beds-up
    indicator: beds
    baseline: 2023
"""

FROM = ("--source", "Niên giám", "--recorded-at", "2026-06-30")


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from conftest import STORE_HEADER, make_tracker

    return make_tracker(tmp_path, monkeypatch, TARGETS, STORE_HEADER)


def _refused(*args: str) -> str:
    before = Path("observations.csv").read_bytes()
    r = run_clean(*args)
    assert r.exit_code == 1, r.output
    assert Path("observations.csv").read_bytes() == before
    return r.stderr


def test_a_period_in_two_columns_is_said_without_wide(plan: Path) -> None:
    Path("bang.csv").write_text("Chỉ tiêu,2024,Sơ bộ 2024\nbeds,3700,3750\n", encoding="utf-8")
    said = _refused("add-observation", "--from", "bang.csv", *FROM)
    assert "is this a wide table" not in said, said
    assert "bang.csv:1: error: period 2024 has two columns ('2024' and 'Sơ bộ 2024')" in said
    assert sum("read as a wide table" in line for line in said.splitlines()) == 1
    assert "the columns 2024, Sơ bộ 2024 are periods" in said
    vi = _refused("--lang", "vi", "add-observation", "--from", "bang.csv", *FROM)
    assert "bang.csv:1: lỗi: kỳ 2024 có hai cột ('2024' và 'Sơ bộ 2024')" in vi, vi
    assert "đọc như bảng dạng ngang" in vi and "hãy thêm --wide" not in vi


def test_a_heading_that_is_no_period_beside_years_is_said_without_wide(plan: Path) -> None:
    # 'Xếp hạng' (rank): 'Tăng/giảm' was the example until the forty-third session, which
    # passes a change column over as a comparison (tests/test_s43_w.py).
    Path("bang.csv").write_text("Chỉ tiêu,2023,2024,Xếp hạng\nbeds,3500,3700,2\n", encoding="utf-8")
    said = _refused("add-observation", "--from", "bang.csv", *FROM)
    assert "bang.csv:1: error: column 4 'Xếp hạng' is neither a period nor one of" in said, said
    assert "is this a wide table" not in said and "header needs" not in said
    assert "the columns 2023, 2024 are periods" in said
    # What --wide says, the same error.
    w = _refused("add-observation", "--from", "bang.csv", "--wide", *FROM)
    assert w.splitlines()[0] in said


@pytest.mark.parametrize("wide", [(), ("--wide",)])
@pytest.mark.parametrize(
    ("headings", "marks"),
    [
        (("2024 (*)", "2025"), "(*)"),
        (("2024*", "2025"), "*"),
        (("2024(1)", "2025(2)"), "(1), (2)"),
        (("2024", "Sơ bộ 2025(*)"), "(*)"),
    ],
)
def test_a_footnote_mark_on_a_heading_is_read_past_and_said(
    plan: Path, wide: tuple[str, ...], headings: tuple[str, str], marks: str
) -> None:
    Path("bang.csv").write_text("indicator," + ",".join(headings) + "\nbeds,3700,3900\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "bang.csv", *wide, *FROM)
    assert r.exit_code == 0, r.output
    status = "preliminary" if headings[1].startswith("Sơ bộ") else ""
    assert Path("observations.csv").read_text(encoding="utf-8").splitlines()[1:] == [
        "beds,2024,3700,,Niên giám,,2026-06-30T00:00:00Z",
        f"beds,2025,3900,{status},Niên giám,,2026-06-30T00:00:00Z",
    ]
    marked = [line for line in r.stderr.splitlines() if "footnote mark" in line]
    assert len(marked) == 1, r.stderr
    assert marked[0].startswith("bang.csv:1: warning: headings with a footnote mark, read as their periods: ")
    assert f"; not read: {marks} (no status is taken from a mark" in marked[0]


def test_a_footnote_mark_is_said_in_vietnamese(plan: Path) -> None:
    Path("bang.csv").write_text("Chỉ tiêu,2024 (*),2025\nbeds,3700,3900\n", encoding="utf-8")
    r = run_clean("--lang", "vi", "add-observation", "--from", "bang.csv", *FROM)
    assert r.exit_code == 0, r.output
    assert (
        "bang.csv:1: cảnh báo: tiêu đề cột có dấu chú thích, đọc theo kỳ của cột: '2024 (*)' → 2024; không đọc: (*)"
    ) in r.stderr, r.stderr


# --- 4. a two-row header saved as CSV: read as the workbook's is ---------------------------------


@pytest.mark.parametrize("wide", [(), ("--wide",)])
@pytest.mark.parametrize("sep", [",", "\t"])
def test_a_two_row_header_saved_as_csv_is_read_as_the_workbooks(plan: Path, wide: tuple[str, ...], sep: str) -> None:
    # A workbook's 'Năm' merged over its years, saved as CSV: the upper row names the
    # indicator column and 'Năm', the lower row leaves the indicator's cell empty.
    lines = [["Chỉ tiêu", "Năm", ""], ["", "2023", "2024"], ["beds", "3500", "3700"]]
    Path("bang.csv").write_text("".join(sep.join(cells) + "\n" for cells in lines), encoding="utf-8")
    r = run_clean("add-observation", "--from", "bang.csv", *wide, *FROM)
    assert r.exit_code == 0, r.output
    assert Path("observations.csv").read_text(encoding="utf-8").splitlines()[1:] == [
        "beds,2023,3500,,Niên giám,,2026-06-30T00:00:00Z",
        "beds,2024,3700,,Niên giám,,2026-06-30T00:00:00Z",
    ]


def test_a_two_row_header_keeps_the_rows_line_numbers(plan: Path) -> None:
    Path("bang.csv").write_text("Chỉ tiêu,Năm,\n,2023,Sơ bộ 2024\nbeds,3500,3700\nbeds,x,3900\n", encoding="utf-8")
    said = _refused("add-observation", "--from", "bang.csv", "--wide", *FROM)
    # The fourth line of the file holds the 'x' (the header's two rows are lines 1 and 2).
    assert "bang.csv:4: error: period 2023: 'x' is not a number" in said, said
    assert "bang.csv:4: error: period 2024" not in said


def test_a_row_of_figures_below_a_header_is_no_lower_half(plan: Path) -> None:
    # The row below names an indicator: it is data, and the header is refused as before.
    Path("bang.csv").write_text("Chỉ tiêu,Năm,\nbeds,2023,2024\n", encoding="utf-8")
    said = _refused("add-observation", "--from", "bang.csv", *FROM)
    assert "bang.csv:1: error:" in said, said
    assert "Niên giám" not in Path("observations.csv").read_text(encoding="utf-8")


def test_a_workbooks_years_with_footnote_marks_under_a_merged_year(plan: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in [["Chỉ tiêu", "Năm", None], [None, "2024 (*)", 2025], ["beds", 3700, 3900]]:
        sheet.append(row)
    sheet.merge_cells("B1:C1")
    book.save("bieu.xlsx")
    r = run_clean("add-observation", "--from", "bieu.xlsx", *FROM)
    assert r.exit_code == 0, r.output
    assert Path("observations.csv").read_text(encoding="utf-8").splitlines()[1:] == [
        "beds,2024,3700,,Niên giám,,2026-06-30T00:00:00Z",
        "beds,2025,3900,,Niên giám,,2026-06-30T00:00:00Z",
    ]
    assert "read as their periods: '2024 (*)' → 2024; not read: (*)" in r.stderr, r.stderr
