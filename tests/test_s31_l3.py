"""The reports' and rankings' leftovers of the thirty-first session (issue 17, pass L3).
Each expected text or figure is worked out by hand from the small plans written here,
never copied from qntrack's output."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest

from conftest import dedent, make_tracker
from helpers import run_clean

# --- 1. A plan for 2024 whose units also have 2025 figures. A and B have plans of their
# own (100 each); C and D have none ("no plan assigned"). The 2024 figures: A 90 (missed),
# B 120 (met), C 50, D 80; the 2025 figures: A 300, B 50, C 500, D 60. By hand, the order
# the 2024 plan is judged on: B (achieved) 1, A (not achieved) 2, then the two units without
# a plan by their 2024 figure, higher first: D (80) 3, C (50) 4. Their 2025 figures (C 500
# above D 60) are no figure of a 2024 plan.
PLAN_TARGETS = dedent(
    """
    version: 1
    title: "Plan of a past year"
    dimensions:
      district:
        name: {en: District, vi: Huyện}
        values: [A, B, C, D]
    indicators:
      revenue:
        name: {en: Revenue, vi: Thu ngân sách}
        unit: {en: billion VND, vi: tỷ đồng}
        measure: flow
        direction: increase
        frequency: year
        dimensions: [district]
    targets:
      - id: rev-plan-2024
        type: plan
        indicator: revenue
        name: {en: Revenue plan 2024, vi: Kế hoạch thu 2024}
        period: 2024
        value: 400
        for_each: district
        overrides:
          A: {value: 100}
          B: {value: 100}
    """
)
PLAN_OBSERVATIONS = (
    "indicator,period,value,status,source,note,recorded_at\n"
    "revenue[district=A],2024,90,,s24,,2025-01-10T00:00:00Z\n"
    "revenue[district=B],2024,120,,s24,,2025-01-10T00:00:00Z\n"
    "revenue[district=C],2024,50,,s24,,2025-01-10T00:00:00Z\n"
    "revenue[district=D],2024,80,,s24,,2025-01-10T00:00:00Z\n"
    "revenue[district=A],2025,300,,s25,,2026-01-10T00:00:00Z\n"
    "revenue[district=B],2025,50,,s25,,2026-01-10T00:00:00Z\n"
    "revenue[district=C],2025,500,,s25,,2026-01-10T00:00:00Z\n"
    "revenue[district=D],2025,60,,s25,,2026-01-10T00:00:00Z\n"
)
# Rank, unit, period and figure, by hand.
PLAN_ORDER = [("1", "B", "2024", 120.0), ("2", "A", "2024", 90.0), ("3", "D", "2024", 80.0), ("4", "C", "2024", 50.0)]


@pytest.fixture
def past_plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, PLAN_TARGETS, PLAN_OBSERVATIONS)


def test_rank_of_a_past_plan_reads_the_plans_year(past_plan: Path) -> None:
    r = run_clean("rank", "rev-plan-2024", "--format", "csv")
    assert r.exit_code == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    got = [(x["rank"], x["district"], x["latest_period"], float(x["latest_value"])) for x in rows]
    assert got == PLAN_ORDER
    assert [x["latest_source"] for x in rows] == ["s24"] * 4


def test_status_by_unit_of_a_past_plan_reads_the_plans_year(past_plan: Path) -> None:
    r = run_clean("status", "--by", "district", "--format", "csv")
    assert r.exit_code == 0, r.stderr
    rows = {x["district"]: x for x in csv.DictReader(io.StringIO(r.stdout)) if x["district"]}
    assert {d: (x["latest_period"], float(x["latest_value"])) for d, x in rows.items()} == {
        "A": ("2024", 90.0),
        "B": ("2024", 120.0),
        "C": ("2024", 50.0),
        "D": ("2024", 80.0),
    }


def test_the_workbooks_units_sheet_of_a_past_plan_reads_the_plans_year(past_plan: Path) -> None:
    out = past_plan / "r.xlsx"
    r = run_clean("report", "--as-of", "2026-06-30", "-o", str(out))
    assert r.exit_code == 0, r.output
    ws = openpyxl.load_workbook(out)["rev-plan-2024"]
    got = [(str(row[0]), row[1], row[5], row[6]) for row in ws.iter_rows(min_row=3, values_only=True) if row[0]]
    assert got == PLAN_ORDER


def test_the_reports_units_table_of_a_past_plan_reads_the_plans_year(past_plan: Path) -> None:
    r = run_clean("report", "--format", "markdown", "--as-of", "2026-06-30")
    assert r.exit_code == 0, r.stderr
    lines = [line for line in r.stdout.splitlines() if line.startswith("| ") and "billion VND (202" in line]
    cells = [[c.strip() for c in line.strip("|").split("|")] for line in lines]
    # Nine cells: the gap after the latest figure (thirty-fourth session, test_s34_o).
    got = [(c[0], c[1], c[5]) for c in cells if len(c) == 9 and c[1] in "ABCD"]
    assert got == [(n, u, f"{v:g} billion VND ({p})") for n, u, p, v in PLAN_ORDER]


# --- 3. A level target named like a cell reference. XlsxWriter reads a chart title that
# matches ``^=?[^!]+!\$?[A-Z]+\$?\d+`` as a formula: "Top!KH2025: figures against the path"
# became a reference to cell KH2025 of a sheet "Top", which does not exist, and the chart
# had no title. The title must stay the text typed, held by a cell the chart refers to.
TOP_TARGETS = dedent(
    """
    version: 1
    title: "Cell-like names"
    indicators:
      share:
        name: {en: "Manufacturing share", vi: "Tỷ trọng chế biến"}
        unit: "%"
        direction: increase
    targets:
      - id: top
        indicator: share
        name: {en: "Top!KH2025", vi: "Top!KH2025"}
        baseline: {period: 2020, value: 10}
        milestones:
          - {by: 2025, value: 20}
    """
)
TOP_OBSERVATIONS = (
    "indicator,period,value,status,source,note,recorded_at\n"
    "share,2021,12,,s,,2022-01-10T00:00:00Z\n"
    "share,2022,14,,s,,2023-01-10T00:00:00Z\n"
)


@pytest.mark.parametrize(
    ("lang", "sheet", "title"),
    [
        ("en", "Charts", "Top!KH2025: figures against the path"),
        ("vi", "Biểu đồ", "Top!KH2025: số liệu so với lộ trình"),
    ],
)
def test_a_chart_title_like_a_cell_reference_stays_its_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, sheet: str, title: str
) -> None:
    import re
    import zipfile

    make_tracker(tmp_path, monkeypatch, TOP_TARGETS, TOP_OBSERVATIONS)
    out = tmp_path / "r.xlsx"
    r = run_clean("report", "--lang", lang, "--as-of", "2026-06-30", "-o", str(out))
    assert r.exit_code == 0, r.output
    with zipfile.ZipFile(out) as z:
        xml = next(z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart"))
    head = xml.split("<c:plotArea>")[0]  # the chart's own title, before its series
    assert "<c:title>" in head
    # Its text: literal, or a reference to a cell of the sheet that holds the text.
    refs = re.findall(r"<c:f>(.*?)</c:f>", head)
    if refs:
        assert len(refs) == 1
        ref_sheet, cell = refs[0].split("!")
        assert ref_sheet.strip("'") == sheet
        m = re.fullmatch(r"\$([A-Z]+)\$(\d+)", cell)
        assert m is not None
        ws = openpyxl.load_workbook(out)[sheet]
        assert ws[f"{m[1]}{m[2]}"].value == title
        assert f"<c:v>{title}</c:v>" in head  # its cached text, for a reader that computes nothing
    else:
        assert f"<a:t>{title}</a:t>" in head


# --- 2. A retraction later superseded, in the since tables. On the shipped data: 8.5 for
# grdp_growth 2026-H1 recorded on 10 July, retracted on 20 July, 9.0 recorded on 10 August;
# the report since 30 June as of 1 September. The retraction's row is no longer in force
# (JSON `in_force: false`, the workbook's "No"): its Value cell carries a mark, "–[2]" ([1]
# is 8.5's, revised: withdrawn), whose legend line, under the heading of the figures
# withdrawn, says what followed: 8.5 → 9, withdrawn on 20 July, recorded again on 10 August.


def _superseded_retraction(shipped: Path) -> None:
    for args in (
        ("add-observation", "grdp_growth", "2026-H1", "8.5", "--source", "A", "--recorded-at", "2026-07-10T00:00:00Z"),
        ("retract", "grdp_growth", "2026-H1", "--recorded-at", "2026-07-20T00:00:00Z"),
        ("add-observation", "grdp_growth", "2026-H1", "9.0", "--source", "B", "--recorded-at", "2026-08-10T00:00:00Z"),
    ):
        r = run_clean(*args)
        assert r.exit_code == 0, r.output


def _since_rows(text: str) -> list[list[str]]:
    rows = [[c.strip() for c in line.strip().strip("|").split("|")] for line in text.splitlines()]
    return [r for r in rows if len(r) == 8 and r[0].startswith(("GRDP growth", "Tốc độ tăng trưởng GRDP"))]


@pytest.mark.parametrize(
    ("lang", "heading", "line"),
    [
        (
            "en",
            "Figures withdrawn (the figure withdrawn → the figure in force; – for none):",
            "\\[2\\] GRDP growth (grdp\\_growth) H1 2026: 8.5% y/y → 9% y/y (withdrawn on 2026-07-20, "
            "recorded again on 2026-08-10; source: B)",
        ),
        (
            "vi",
            "Số liệu đã bị rút lại (số bị rút lại → số liệu đang có hiệu lực; – nếu không có):",
            "\\[2\\] Tốc độ tăng trưởng GRDP (grdp\\_growth) 6 tháng đầu năm 2026: 8,5% so với cùng kỳ → 9% so với cùng kỳ (rút lại ngày "
            "20/07/2026, ghi lại ngày 10/08/2026; nguồn: B)",
        ),
    ],
)
def test_the_since_table_marks_a_retraction_superseded(shipped: Path, lang: str, heading: str, line: str) -> None:
    _superseded_retraction(shipped)
    r = run_clean("--lang", lang, "report", "--format", "markdown", "--since", "2026-06-30", "--as-of", "2026-09-01")
    assert r.exit_code == 0, r.stderr
    rows = _since_rows(r.stdout)
    assert [row[2] for row in rows] == [
        "8.5%\\[1\\] y/y" if lang == "en" else "8,5%\\[1\\] so với cùng kỳ",
        "–\\[2\\]",
        "9% y/y" if lang == "en" else "9% so với cùng kỳ",
    ]
    flat = " ".join(r.stdout.split())
    assert heading in flat
    assert line in flat


def test_the_html_since_table_marks_a_retraction_superseded(shipped: Path) -> None:
    _superseded_retraction(shipped)
    r = run_clean("report", "--format", "html", "--since", "2026-06-30", "--as-of", "2026-09-01")
    assert r.exit_code == 0, r.stderr
    flat = " ".join(r.stdout.split())
    assert "withdrawn on 2026-07-20, recorded again on 2026-08-10; source: B" in flat


def test_the_word_since_table_marks_a_retraction_superseded(shipped: Path) -> None:
    import docx

    _superseded_retraction(shipped)
    out = shipped / "r.docx"
    r = run_clean("report", "--since", "2026-06-30", "--as-of", "2026-09-01", "-o", str(out))
    assert r.exit_code == 0, r.output
    d = docx.Document(str(out))
    cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
    assert "–[2]" in cells
    text = " ".join(" ".join(p.text for p in d.paragraphs).split())
    assert "[2] GRDP growth (grdp_growth) H1 2026: 8.5% y/y → 9% y/y (withdrawn on 2026-07-20" in text


# --- 4. The "At a glance" links go to fixed cells of the Summary ('Summary'!D9): a sort of
# the Summary moves the rows, not the links. The sheet says so, under its links, in the
# report's language.
@pytest.mark.parametrize(
    ("lang", "sheet", "note"),
    [
        (
            "en",
            "At a glance",
            "The names link to the Summary's rows in the report's order: after sorting the Summary, find a target by its name instead.",
        ),
        (
            "vi",
            "Kết quả chung",
            "Các tên dẫn tới dòng của trang Tổng hợp theo thứ tự của báo cáo: nếu đã sắp xếp lại trang Tổng hợp, hãy tìm mục tiêu theo tên.",
        ),
    ],
)
def test_the_glance_sheet_says_its_links_follow_the_reports_order(
    shipped: Path, lang: str, sheet: str, note: str
) -> None:
    out = shipped / "r.xlsx"
    r = run_clean("--lang", lang, "report", "--as-of", "2026-12-01", "-o", str(out))
    assert r.exit_code == 0, r.output
    ws = openpyxl.load_workbook(out)[sheet]
    linked = [c.row for row in ws.iter_rows() for c in row if c.hyperlink is not None]
    assert linked
    said = [c for row in ws.iter_rows() for c in row if c.value == note]
    assert len(said) == 1 and said[0].row > max(linked)
