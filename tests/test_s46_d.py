"""Session 46, helper D: office documents for a national plan (the year-end review of
~300 targets, 34 provinces, every report format, en and vi)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from conftest import STORE_HEADER, dedent, make_tracker

from helpers import run

ROOT = Path(__file__).resolve().parent.parent


def test_a_word_report_says_it_was_made_by_qntrack_not_by_word_for_mac(shipped_vi_docx: Path) -> None:
    """The Word report carried python-docx's template package parts: Windows' Properties >
    Details said "Program name: Microsoft Macintosh Word", "Pages: 1", "Words: 0" of a
    document of dozens of pages, and its thumbnail (what Explorer's and Finder's large icons
    and an e-mail preview show) was a blank page, as if the report were empty."""
    with zipfile.ZipFile(shipped_vi_docx) as z:
        names = z.namelist()
        app = z.read("docProps/app.xml").decode("utf-8")
        rels = z.read("_rels/.rels").decode("utf-8")
        types = z.read("[Content_Types].xml").decode("utf-8")
    assert not [n for n in names if n.startswith("docProps/thumbnail")]
    assert "thumbnail" not in rels
    assert "thumbnail" not in types
    assert re.search(r"<Application>qntrack</Application>", app)
    # No counts that Word did not make: a page or word count of 1 and 0 is false.
    assert "Macintosh" not in app
    for element in ("Pages", "Words", "Characters", "Lines", "Paragraphs", "Template"):
        assert f"<{element}>" not in app


def test_the_workbooks_print_layout_is_said_as_the_workbook_has_it() -> None:
    """docs/report.md said every sheet prints "one page wide"; since the twenty-third
    session a wide sheet prints on as many A4 pages across as keep it at 70 % at least,
    its key column repeated (report_xlsx_print.pages_wide): the Summary of a national plan
    is five pages across, which an officer setting up the printer was told was one."""
    text = (ROOT / "docs" / "report.md").read_text(encoding="utf-8")
    excel = text.split("### Excel (`--format xlsx`)", 1)[1].split("\n### ", 1)[0]
    assert "one page wide" not in excel
    assert "pages across" in excel


def test_the_workbooks_milestones_give_the_baseline_they_are_measured_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Excel appendix gave each milestone its required rate "from the baseline", its
    path and its P, but the baseline itself was nowhere in the workbook: a baseline typed in
    targets.yaml is no figure of the Figures sheet, and a plan of more than 200 targets (a
    national one) lists only each series' latest five figures there. An officer could not
    check a required rate. Now the Milestones sheet ends with the baseline's period and
    value, a number cell."""
    make_tracker(
        tmp_path,
        monkeypatch,
        dedent(
            """
            version: 1
            title: Plan
            observations: observations.csv
            indicators:
              share: {name: Share, unit: "%", measure: level, direction: increase}
              income: {name: Income, unit: USD, measure: level, direction: increase}
            targets:
              - id: share
                indicator: share
                baseline: {period: 2020, value: 9.8}
                milestones:
                  - {by: 2025, value: 15}
                  - {by: 2030, value: 30}
              - id: income
                indicator: income
                baseline: 2017
                milestones:
                  - {by: 2025, value: 10000}
            """
        ),
        STORE_HEADER
        + "share,2024,12.5,,s,,2025-02-01\n"
        + "income,2017,4528,,s,,2018-02-01\n"
        + "income,2024,9350.25,,s,,2025-02-01\n",
    )
    for lang, headers in (("en", ("Baseline period", "Baseline")), ("vi", ("Kỳ gốc", "Giá trị gốc"))):
        out = tmp_path / f"r-{lang}.xlsx"
        result = run("report", "-o", str(out), "--lang", lang, "--as-of", "2025-06-30")
        assert result.exit_code == 0, result.output
        ws = openpyxl.load_workbook(out)["Milestones" if lang == "en" else "Các mốc"]
        rows = list(ws.iter_rows(values_only=True))
        assert rows[0][-2:] == headers
        # Each milestone row: its target's baseline, the period as its code, the value a number.
        by_target = [(r[0], r[4], r[-2], r[-1]) for r in rows[1:]]
        assert by_target == [
            ("share", "2025", "2020", 9.8),
            ("share", "2030", "2020", 9.8),
            ("income", "2025", "2017", 4528),
        ]
        cells = list(ws.iter_rows(min_row=2, max_row=2))[0]
        assert cells[-1].data_type == "n" and cells[-1].number_format == "#,##0.0"


# A target as a provincial resolution words it: 229 characters.
LONG_NAME = (
    "Thu ngân sách nhà nước trên địa bàn năm 2025 đạt và vượt dự toán trung ương giao, "
    "phấn đấu tăng ít nhất 10% so với ước thực hiện năm 2024, trong đó thu nội địa chiếm "
    "trên 85% tổng thu, thu từ hoạt động xuất nhập khẩu đạt trên 15%"
)


def test_a_long_target_name_at_a_glance_wraps_rather_than_running_off_the_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The workbook's "At a glance" sheet (the one it opens on) lists the targets missed,
    each a link to its Summary row, in a column 72 characters wide, printed one page wide:
    a target named as a resolution words it ran on past the column, over the empty cells
    beside it on screen and cut at the page's edge in print (the sheet's print area ends
    at column B). docs/report.md: a longer text wraps in its cell, its row made tall
    enough for its lines."""
    assert len(LONG_NAME) == 229
    make_tracker(
        tmp_path,
        monkeypatch,
        dedent(
            f"""
            version: 1
            title: Plan
            observations: observations.csv
            indicators:
              rev: {{name: Revenue, unit: bn VND, measure: flow}}
            targets:
              - id: rev-2025
                type: plan
                indicator: rev
                name: "{LONG_NAME}"
                period: 2025
                value: 100
            """
        ),
        STORE_HEADER + "rev,2025,90,,s,,2026-01-10\n",
    )
    out = tmp_path / "r.xlsx"
    result = run("report", "-o", str(out), "--lang", "vi", "--as-of", "2026-03-01")
    assert result.exit_code == 0, result.output
    ws = openpyxl.load_workbook(out)["Kết quả chung"]
    cell = next(c for row in ws.iter_rows() for c in row if c.value == LONG_NAME)
    assert cell.hyperlink is not None  # still the link to its Summary row
    assert cell.alignment.wrap_text
    width = ws.column_dimensions["A"].width
    lines = -(-len(LONG_NAME) // int(width))  # at least this many lines of the column's width
    assert ws.row_dimensions[cell.row].height >= 15 * lines


def _sheet_width(ws: Any, columns: int) -> float:
    """The width, in characters, of a sheet's first ``columns`` columns (openpyxl keeps a
    run of equal widths as one entry)."""
    widths = [8.43] * columns
    for dim in ws.column_dimensions.values():
        if dim.width:
            for col in range(dim.min, min(dim.max, columns) + 1):
                widths[col - 1] = dim.width
    return sum(widths)


def _spread_and_wrapped(ws: Any, cell: Any, columns: int) -> None:
    """``cell`` holds a line across the table's ``columns`` (merged), wrapped, its row as
    tall as its lines at that width: never run off the printed page."""
    merged = [r for r in ws.merged_cells.ranges if cell.coordinate in r]
    assert merged and merged[0].min_col == 1 and merged[0].max_col == columns
    assert cell.alignment.wrap_text
    lines = -(-len(cell.value) // int(_sheet_width(ws, columns)))
    assert lines >= 2
    assert ws.row_dimensions[cell.row].height >= 15 * lines


def test_long_lines_above_and_below_a_workbook_table_wrap_across_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two lines of the workbook that name targets ran on in one cell past the table's last
    column, cut at the printed page's edge: the Groups sheet's line under the table naming
    the targets in no group (up to ten names: a national plan's resolution wording makes it
    thousands of characters), and a units sheet's title with the target's note (a long note
    is longer than the table is wide). Each is now
    merged across its table's columns and wrapped, its row as tall as its lines."""
    names = [f"{LONG_NAME} ({i})" for i in range(3)]
    targets = "".join(
        f'  - id: rev-{i}\n    type: plan\n    indicator: rev\n    name: "{name}"\n    period: 2025\n    value: 100\n'
        for i, name in enumerate(names)
    )
    make_tracker(
        tmp_path,
        monkeypatch,
        dedent(
            f"""
            version: 1
            title: Plan
            observations: observations.csv
            dimensions:
              province:
                values: ["Hà Nội", "Huế"]
            indicators:
              rev: {{name: Revenue, unit: bn VND, measure: flow, dimensions: [province]}}
            targets:
              - id: grouped
                type: plan
                indicator: rev
                name: Grouped
                group: Finance
                period: 2025
                value: 100
                for_each: province
                note: "{LONG_NAME}; {LONG_NAME}"
                overrides:
                  "Hà Nội": {{value: 60}}
                  "Huế": {{value: 40}}
            """
        )
        + targets,
        STORE_HEADER + "rev,2025,90,,s,,2026-01-10\nrev[province=Hà Nội],2025,50,,s,,2026-01-10\n",
    )
    out = tmp_path / "r.xlsx"
    result = run("report", "-o", str(out), "--lang", "vi", "--as-of", "2026-03-01")
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(out)
    groups = book["Nhóm mục tiêu"]
    line = next(c for row in groups.iter_rows() for c in row if isinstance(c.value, str) and names[2] in c.value)
    _spread_and_wrapped(groups, line, 11)  # group, targets, the 7 statuses, score, status
    units = book["grouped"]
    assert units["A1"].value.startswith("Grouped (grouped)") and units["A1"].value.endswith(f"{LONG_NAME}; {LONG_NAME}")
    _spread_and_wrapped(units, units["A1"], units.max_column)
