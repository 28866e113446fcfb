"""The workbook's Milestones sheet (issue 17, forty-first session, helper X): one row per
milestone of every level target of the report, as the other reports' milestones tables.

Expected figures by hand from docs/methodology.md, worked examples 1 and 3 (the CBCT share:
base 9.8 % in 2020, 11.3, 11.5 and 12.3 % in 2021-2023, milestones 15 % by 2025 and 30 % by
2030, read on 2026-12-01 with no 2025 figure recorded):

- 2025: a = (12.3/9.8)^(1/3) - 1 = 0.07868, r = (15/9.8)^(1/5) - 1 = 0.08886, P = 0.8854,
  score 7.1429 x 0.8854 - 4.2857 = 2.039, gap 15 - 12.3 = 2.7, path 9.8 x 1.08886^3 =
  12.652, deviation 12.3 - 12.652 = -0.352, projected 12.3 x 1.07868^2 = 14.31, reached
  ln(15/12.3)/ln(1.07868) = 2.62 years after 2023, so 2026 (a projection); the deadline
  is past with no figure: nothing "needed from now".
- 2030: r = (30/9.8)^(1/10) - 1 = 0.11838, P = 0.07868/0.11838 = 0.6646, score 7.1429 x
  0.6646 - 4.2857 = 0.461, gap 17.7, path 9.8 x 1.11838^3 = 13.709, deviation -1.409,
  needed (30/12.3)^(1/7) - 1 = 0.13583, written +13.6 % (rounded up so that it suffices),
  projected 12.3 x 1.07868^7 = 20.90, reached ln(30/12.3)/ln(1.07868) = 11.77 years after
  2023, so 2035.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import openpyxl
import pytest
import yaml

from helpers import run, shipped_report

ROOT = Path(__file__).resolve().parent.parent

HEADERS_EN = [
    "Id",
    "Target",
    "Unit",
    "Milestone",
    "Deadline",
    "Status",
    "P",
    "Score",
    "Gap",
    "Required rate",
    "Trajectory",
    "Deviation",
    "Needed from now",
    "Projected",
    "Reached in",
    "Period ends",
    "Deadline passed, figure awaited",  # Yes / No (the lead, same session)
    "Baseline period",  # the baseline measured from (session 46, pass D)
    "Baseline",
]


@pytest.fixture(scope="module")
def book_en(tmp_path_factory: pytest.TempPathFactory) -> openpyxl.Workbook:
    return openpyxl.load_workbook(shipped_report(tmp_path_factory, "xlsx", "en"))


@pytest.fixture(scope="module")
def book_vi(tmp_path_factory: pytest.TempPathFactory) -> openpyxl.Workbook:
    return openpyxl.load_workbook(shipped_report(tmp_path_factory, "xlsx", "vi"))


def _rows_of(ws, target: str) -> list[list]:
    return [list(row) for row in ws.iter_rows(min_row=2) if row[0].value == target]


def test_the_sheet_follows_the_summary_companions_and_moves_no_sheet(book_en):
    names = book_en.sheetnames
    assert names == ["Summary", "At a glance", "Groups", "Milestones", "Figures", "budget-revenue-plan-2024", "Charts"]
    ws = book_en["Milestones"]
    assert [c.value for c in ws[1]] == HEADERS_EN


def test_cbct_share_two_milestones_by_hand(book_en):
    ws = book_en["Milestones"]
    first, second = _rows_of(ws, "cbct-share")
    name = "CBCT share of GRDP: 15% by 2025, 30% by 2030"
    assert [c.value for c in first[:6]] == ["cbct-share", name, "% of GRDP", 15, "2025", "Moderate progress"]
    assert first[6].value == pytest.approx(0.8854, abs=5e-4) and first[6].number_format == "0.00"
    assert first[7].value == pytest.approx(2.039, abs=2e-3) and first[7].number_format == "0.00"
    assert first[8].value == pytest.approx(2.7)
    # The required rate is the number of per cent (8.886), shown "+8.9%/yr" as the report
    # writes it: what the cell shows is what it holds, as the Summary's change on last year.
    assert first[9].value == pytest.approx(8.886, abs=1e-3)
    assert first[9].number_format.startswith('+#,##0.0"%/yr"')
    assert first[10].value == pytest.approx(12.652, abs=1e-3) and first[10].number_format == "#,##0.00"
    assert first[11].value == pytest.approx(-0.352, abs=1e-3)
    assert first[11].number_format.split(";")[1] == "-#,##0.00"
    assert first[12].value is None  # the 2025 figure awaited: nothing needed from now
    assert first[13].value == pytest.approx(14.31, abs=5e-3) and first[13].number_format == "#,##0.00"
    assert first[14].value == 2026 and first[14].number_format == '"would be "0'  # a projection
    assert first[15].value.year == 2025 and (first[15].value.month, first[15].value.day) == (12, 31)

    assert [c.value for c in second[:6]] == ["cbct-share", name, "% of GRDP", 30, "2030", "Moderate progress"]
    assert second[6].value == pytest.approx(0.6646, abs=5e-4)
    assert second[7].value == pytest.approx(0.461, abs=2e-3)
    assert second[8].value == pytest.approx(17.7)
    assert second[9].value == pytest.approx(11.838, abs=1e-3)
    assert second[10].value == pytest.approx(13.709, abs=1e-3)
    assert second[11].value == pytest.approx(-1.409, abs=1e-3)
    # 13.583 % needed, written +13.6 %: the cell holds what it shows, rounded up to suffice.
    assert second[12].value == 13.6 and second[12].number_format.startswith('+#,##0.0"%/yr"')
    assert second[13].value == pytest.approx(20.90, abs=5e-3)
    assert second[14].value == 2035


def test_target_name_links_to_its_summary_row(book_en):
    ws = book_en["Milestones"]
    cell = _rows_of(ws, "cbct-share")[0][1]
    assert cell.hyperlink is not None
    sheet, _, ref = cell.hyperlink.location.partition("!")
    assert sheet.strip("'") == "Summary"
    assert book_en["Summary"][ref.replace("D", "C")].value == "cbct-share"
    assert ws.cell(row=1, column=2).comment is not None  # the header says how the links behave


def test_an_officer_filters_and_sorts_numbers(book_en):
    ws = book_en["Milestones"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:S{ws.max_row}"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    for row in ws.iter_rows(min_row=2):
        for c in row[6:14]:
            assert c.value is None or isinstance(c.value, (int, float)), (c.coordinate, c.value)
        assert isinstance(row[3].value, (int, float))
    # One row per milestone of every level target, in the plan's order (from targets.yaml).
    plan = yaml.safe_load((ROOT / "targets.yaml").read_text(encoding="utf-8"))["targets"]
    expected = [(t["id"], m["value"]) for t in plan for m in t.get("milestones") or []]
    assert [(r[0].value, r[3].value) for r in ws.iter_rows(min_row=2)] == expected


def test_the_same_rows_as_the_markdown_report(tmp_path_factory: pytest.TempPathFactory, book_en):
    text = shipped_report(tmp_path_factory, "markdown", "en").read_text(encoding="utf-8")
    rows = []
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("| Milestone | Status |"):
            for row in lines[i + 2 :]:
                if not row.startswith("|"):
                    break
                rows.append([c.strip() for c in row.strip("|").split("|")])
    ws = book_en["Milestones"]
    sheet = list(ws.iter_rows(min_row=2))
    assert len(sheet) == len(rows)
    for md, cells in zip(rows, sheet, strict=True):
        # The Markdown says a milestone's figure awaited beside its status, the sheet in its
        # last column (Yes / No), where a filter finds it (the lead, same session).
        status, awaiting, _ = md[1].strip("*").partition(" (⌛ awaiting figure ")
        assert status == cells[5].value
        assert cells[16].value == ("Yes" if awaiting else "No")
        assert md[0].endswith(f"by {cells[4].value}")
        reached = cells[14].value
        if reached is None:
            assert md[10] == "–"
        elif isinstance(reached, str):
            assert md[10] == reached
        elif "would be" in cells[14].number_format:
            assert md[10] == f"would be {reached}"
        else:
            assert md[10] == str(reached)
        if cells[12].value is None:
            assert md[8] == "–"


def test_in_vietnamese(book_vi):
    assert book_vi.sheetnames[3] == "Các mốc"
    ws = book_vi["Các mốc"]
    header = [c.value for c in ws[1]]
    assert header[:6] == ["Mã", "Mục tiêu", "Đơn vị tính", "Mốc", "Thời hạn", "Đánh giá"]
    first, second = _rows_of(ws, "cbct-share")
    assert first[1].value == "Tỷ trọng CBCT trong GRDP: 15% năm 2025, 30% năm 2030"
    assert first[5].value == "Tiến triển vừa phải"
    assert first[9].number_format.startswith('+#,##0.0"%/năm"')
    assert first[14].value == 2026 and first[14].number_format == '"dự báo năm "0'
    assert second[12].value == 13.6 and first[15].number_format == "dd/mm/yyyy"


def test_no_milestone_no_sheet(shipped: Path):
    # A plan target and a level target without a milestone (direction only).
    out = shipped / "r.xlsx"
    r = run("report", "mining-share", "budget-revenue-plan-2025", "-o", str(out), "--as-of", "2026-12-01")
    assert r.exit_code == 0, r.output
    names = openpyxl.load_workbook(out).sheetnames
    assert "Milestones" not in names and names[:2] == ["Summary", "At a glance"]


HOSTILE = """\
version: 1
title: "Hostile milestones"
indicators:
  fund:
    name: "Net position of the fund"
    unit: "billion VND"
    direction: increase
  forest:
    name: {en: "Forest cover", vi: "Tỷ lệ che phủ rừng"}
    unit: "%"
    direction: increase
  water:
    name: "Households with clean water"
    unit: "%"
    direction: increase
targets:
  - id: fund-deficit
    indicator: fund
    baseline: {period: 2020, value: -500}
    milestones:
      - {by: 2025, value: -200}
  - id: forest-cover-already-above-its-first-two-milestones-abcdefgh
    indicator: forest
    baseline: {period: 2020, value: 54}
    milestones:
      - {by: 2022, value: 54.5}
      - {by: 2030, value: 60}
  - id: water
    indicator: water
    baseline: {period: 2020, value: 80}
    milestones:
""" + "".join(f"      - {{by: {2020 + k}, value: {80 + k}}}\n" for k in range(1, 13))

HOSTILE_OBS = """\
indicator,period,value,status,source,note,recorded_at
fund,2023,-350,,src,,2024-01-10T00:00:00Z
forest,2022,55,,src,,2023-01-10T00:00:00Z
forest,2023,55.2,,src,,2024-01-10T00:00:00Z
water,2021,81.5,,src,,2022-01-10T00:00:00Z
water,2023,83.2,,src,,2024-01-10T00:00:00Z
"""


@pytest.fixture
def hostile(tmp_path: Path) -> openpyxl.Workbook:
    (tmp_path / "targets.yaml").write_text(HOSTILE, encoding="utf-8")
    (tmp_path / "observations.csv").write_text(HOSTILE_OBS, encoding="utf-8")
    out = tmp_path / "h.xlsx"
    r = run(
        "report", "-o", str(out), "--as-of", "2024-06-01", "--lang", "en", "--targets", str(tmp_path / "targets.yaml")
    )
    assert r.exit_code == 0, r.output
    return openpyxl.load_workbook(out)


def test_a_milestone_below_zero(hostile):
    (row,) = _rows_of(hostile["Milestones"], "fund-deficit")
    assert row[3].value == -200 and row[8].value == 150  # gap: -200 - (-350)
    # The size's rate: (200/500)^(1/5) - 1 = -16.745 % a year, said so in its format.
    assert row[9].value == pytest.approx(-16.745, abs=1e-3)
    assert "in size" in row[9].number_format
    # Path in 2023: -500 x 0.83255^3 = -288.54; needed (200/350)^(1/2) - 1 = -24.407 %, the
    # size must shrink at least that fast: written -24.5 %, rounded away from zero to suffice.
    assert row[10].value == pytest.approx(-288.54, abs=1e-2)
    assert row[12].value == -24.5 and "in size" in row[12].number_format


def test_a_milestone_achieved_and_a_long_id(hostile):
    long_id = "forest-cover-already-above-its-first-two-milestones-abcdefgh"
    assert len(long_id) == 60
    met, ahead = _rows_of(hostile["Milestones"], long_id)
    assert met[5].value == "Target achieved" and met[7].value == 5
    # Gap 54.5 - 55 = -0.5: the number, worded "beyond the target by 0.5" by its format.
    assert met[8].value == pytest.approx(-0.5) and "beyond the target by" in met[8].number_format
    assert [c.value for c in met[10:15]] == [None] * 5  # no path, need or year once achieved
    # 60 by 2030: needed (60/55.2)^(1/7) - 1 = 1.198 %, written +1.2 % (rounded up).
    assert ahead[12].value == 1.2


def test_many_milestones(hostile):
    rows = _rows_of(hostile["Milestones"], "water")
    assert [r[3].value for r in rows] == list(range(81, 93))
    assert [r[4].value for r in rows] == [str(y) for y in range(2021, 2033)]
    ws = hostile["Milestones"]
    assert ws.auto_filter.ref == f"A1:S{1 + 1 + 2 + 12}"


# --- every figure of the sheet reads as the Markdown report's table writes it ---------------

_NUMBER = re.compile(r"[+-]?\d[\d,]*(?:\.\d+)?")


def _places(section: str) -> int:
    digits = re.sub(r'"[^"]*"', "", section)
    return len(re.match(r"0*", digits.partition(".")[2]).group(0)) if "." in digits else 0


def _excel_shows(value: float, fmt: str) -> float:
    """The figure Excel shows for ``value`` under ``fmt`` (the formats this sheet writes:
    digits with literal words, one to three sections), as a signed number: rounded half
    away from zero at the section's decimals."""
    sections = fmt.split(";")
    section = sections[1] if value < 0 and len(sections) > 1 else sections[0]
    step = Decimal(1).scaleb(-_places(section))
    shown = Decimal(repr(abs(value))).quantize(step, rounding=ROUND_HALF_UP)
    return float(-shown if value < 0 else shown)


def _markdown_rows(text: str) -> list[list[str]]:
    rows, lines = [], text.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("| Milestone | Status |"):
            for row in lines[i + 2 :]:
                if not row.startswith("|"):
                    break
                rows.append([c.strip() for c in row.strip("|").split("|")])
    return rows


def _same_figures(md_rows: list[list[str]], ws) -> None:
    sheet = list(ws.iter_rows(min_row=2))
    assert len(sheet) == len(md_rows) > 0
    # Markdown's column -> the sheet's: milestone, P, score, gap, rates, path, deviation, need, projection.
    pairs = {0: 3, 2: 6, 3: 7, 4: 8, 5: 9, 6: 10, 7: 11, 8: 12, 9: 13}
    for md, cells in zip(md_rows, sheet, strict=True):
        for m, x in pairs.items():
            cell = cells[x]
            if md[m] == "–":
                assert cell.value is None, (md, cell.coordinate)
                continue
            written = _NUMBER.search(md[m]).group(0).replace(",", "")
            assert isinstance(cell.value, (int, float)), (md[m], cell.coordinate)
            assert _excel_shows(cell.value, cell.number_format) == float(written), (
                md[m],
                cell.value,
                cell.number_format,
            )
            if m not in (2, 3):  # P and score keep two decimals at least, as on the Summary
                section = cell.number_format.split(";")[1 if cell.value < 0 and ";" in cell.number_format else 0]
                assert _places(section) == len(written.partition(".")[2]), (md[m], cell.number_format)


def test_every_figure_as_the_markdown_report_writes_it(tmp_path_factory: pytest.TempPathFactory, book_en):
    text = shipped_report(tmp_path_factory, "markdown", "en").read_text(encoding="utf-8")
    _same_figures(_markdown_rows(text), book_en["Milestones"])


def test_every_hostile_figure_as_the_markdown_report_writes_it(hostile, tmp_path: Path):
    r = run(
        "report",
        "--format",
        "markdown",
        "--as-of",
        "2024-06-01",
        "--lang",
        "en",
        "--targets",
        str(tmp_path / "targets.yaml"),
    )
    assert r.exit_code == 0, r.output
    _same_figures(_markdown_rows(r.stdout), hostile["Milestones"])
