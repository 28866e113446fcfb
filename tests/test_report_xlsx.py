"""`qntrack report --format xlsx`: the Excel appendix, read back with openpyxl (a reader
independent of XlsxWriter, which wrote it) and, for the charts, from the zip's XML.

Expected figures are the shipped data's, checked by hand against observations.csv and
targets.yaml: budget_revenue 2025 is 82,235 (line 78) against the 2025 plan of 57,330, so
the gap is 57,330 - 82,235 = -24,905; cbct_share's latest full year is 2023 at 12.3 with
the next milestone 15 in 2025 (gap 2.7); Cẩm Phả's 2024 revenue is 18,000 against its own
plan of 12,771 (overrides:), so it is ranked first, achieved.
"""

from __future__ import annotations

import io
import shutil
import sys
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
import yaml

from helpers import run, on_a_terminal
from qntrack.output.report_xlsx import sheet_name, with_comment

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-12-01"


def _write(folder: Path, name: str, *args: str) -> Path:
    out = folder / name
    result = run("report", "-o", str(out), "--as-of", AS_OF, "--targets", str(folder / "targets.yaml"), *args)
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The shipped plan's workbook in English and in Vietnamese, written once."""
    folder = tmp_path_factory.mktemp("xlsx")
    for name in ("targets.yaml", "observations.csv"):
        shutil.copyfile(ROOT / name, folder / name)
    return {
        "en": _write(folder, "phu-luc.xlsx", "--lang", "en"),
        "vi": _write(folder, "phu-luc-vi.xlsx", "--lang", "vi"),
    }


def _rows(ws) -> list[list]:
    return [[c for c in row] for row in ws.iter_rows()]


def _row_of(ws, column: int, value: str):
    for row in ws.iter_rows():
        if row[column].value == value:
            return row
    raise AssertionError(f"no row with {value!r} in column {column} of {ws.title}")


def _shipped_targets() -> list[dict]:
    return yaml.safe_load((ROOT / "targets.yaml").read_text(encoding="utf-8"))["targets"]


SUMMARY_EN = [
    "Group",
    "Owner",
    "Id",
    "Target",
    "Indicator",
    "Unit",
    "Latest period",
    "Latest value",
    # the goal's period, past or ahead: "Next milestone" until the thirty-first session
    "Deadline",
    "Target value",
    "Gap",
    "P",
    "Score",
    "Status",
    "Share of the plan",
    "Same period last year",
    "Change on the same period last year",
    "Direction",
    "Figure it revised",
    "Figure withdrawn",
    # where the figure it revised came from (issue 17, twenty-fifth session)
    "Source of the figure it revised",
    "Figure it revised, recorded (UTC+07:00)",  # the shipped plan's zone (thirty-ninth session, pass Z)
    # the latest figure's kind and source (issue 17, twenty-seventh session)
    "Latest figure's kind",
    "Latest figure's source",
    # the latest period's last day, a date, and the kind of the figure it revised (issue
    # 17, twenty-eighth session)
    "Latest period ends",
    "Kind of the figure it revised",
    # the target's note, in the workbook's language (twenty-eighth session, F)
    "Note",
    # the months of a sum added up that were revised (twenty-eighth session, W)
    "Periods added up that were revised (figure replaced)",
    # the target's own source (twenty-ninth session)
    "Target's source",
    "Figures recorded and not counted",  # issue 17, thirty-seventh session
    "Deadlines passed, figure awaited",  # issue 17, forty-first session
]


def test_sheets_in_english(books):
    wb = openpyxl.load_workbook(books["en"])
    # The Milestones sheet after the Summary's companions (forty-first session).
    assert wb.sheetnames == [
        "Summary",
        "At a glance",
        "Groups",
        "Milestones",
        "Figures",
        "budget-revenue-plan-2024",
        "Charts",
    ]


def test_summary_headers_numbers_and_layout(books):
    ws = openpyxl.load_workbook(books["en"])["Summary"]
    assert [c.value for c in ws[1]] == SUMMARY_EN
    targets = _shipped_targets()
    # One row per target, in the plan's order.
    assert [ws.cell(row=i + 2, column=3).value for i in range(len(targets))] == [t["id"] for t in targets]
    assert ws.freeze_panes == "A2"
    assert (
        ws.auto_filter.ref == f"A1:AE{len(targets) + 1}"
    )  # Z: two more (28th session, A), AA: the note (F), AB: parts revised (W), AC: the source (29th), AD: not counted (37th), AE: awaited (41st)

    row = _row_of(ws, 2, "budget-revenue-plan-2025")
    latest, goal, gap = row[7], row[9], row[10]
    assert latest.data_type == "n" and latest.value == 82235
    assert latest.number_format == "#,##0"
    assert row[6].value == "2025" and row[6].data_type == "s" and row[6].alignment.horizontal == "center"
    assert goal.data_type == "n" and goal.value == 57330
    assert gap.data_type == "n" and gap.value == -24905
    assert row[12].value == 5
    assert row[13].value == "Target achieved"
    assert row[0].value == "Annual socio-economic plans"

    row = _row_of(ws, 2, "cbct-share")
    assert row[7].value == 12.3 and row[7].number_format == "#,##0.0"
    assert row[6].value == "2023" and row[8].value == "2025" and row[9].value == 15
    assert row[10].value == pytest.approx(2.7)
    assert row[1].value == "Department of Industry and Trade"
    # Column widths set, not Excel's default everywhere.
    assert ws.column_dimensions["D"].width > 20


STATUS_FILLS = {
    "Target achieved": "1B5E20",
    "Substantial progress": "43A047",
    "Moderate progress": "F2B233",
    "Not achieved": "7F0000",
    "Not available": "8A9099",
}


def test_status_cells_are_filled_with_the_report_colours(books):
    ws = openpyxl.load_workbook(books["en"])["Summary"]
    seen = set()
    for row in ws.iter_rows(min_row=2):
        status = row[13]
        colour = STATUS_FILLS[status.value]
        assert status.fill.fgColor.rgb[-6:].upper() == colour, status.value
        seen.add(status.value)
    assert seen == set(STATUS_FILLS)


def test_groups_sheet(books):
    ws = openpyxl.load_workbook(books["en"])["Groups"]
    header = [c.value for c in ws[1]]
    assert header[:3] == ["Group", "Targets", "Target achieved"]
    assert header[-2:] == ["Score", "Status"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:K5"
    # Resolution 01-NQ/TU (targets.yaml): cbct-share moderate, cbct-va-growth and
    # mining-share substantial, cbct-investment not available (no figure).
    row = [c.value for c in _row_of(ws, 0, "Resolution 01-NQ/TU")]
    by = dict(zip(header, row, strict=True))
    assert by["Targets"] == 4
    assert (by["Target achieved"], by["Substantial progress"], by["Moderate progress"], by["Not available"]) == (
        0,
        2,
        1,
        1,
    )
    assert all(isinstance(v, int) for v in row[1:9])
    row = [c.value for c in _row_of(ws, 0, "Five-year plan 2021-2025")]
    assert row[1] == 2 and row[2] == 2 and row[-2] == 5 and row[-1] == "Target achieved"


def test_figures_sheet(books):
    ws = openpyxl.load_workbook(books["en"])["Figures"]
    header = [c.value for c in ws[1]]
    assert header == [
        "Indicator",
        "Unit of breakdown",
        "Unit",
        "Period",
        "Value",
        "Kind",
        "Source",
        "Recorded (UTC+07:00)",  # in the shipped plan's zone (thirty-ninth session, pass Z)
        "Vintages",
        "Figure withdrawn",
        # where the figure withdrawn came from (issue 17, twenty-sixth session)
        "Source of the figure withdrawn",
        "Figure withdrawn, recorded (UTC+07:00)",
        # the period's last day and what the figure revised (issue 17, twenty-eighth session)
        "Period ends",
        "Figure it revised",
        "Kind of the figure it revised",
        "Source of the figure it revised",
        "Figure it revised, recorded (UTC+07:00)",
        # the unit as stored, after the unit column's name (issue 17, thirty-second session)
        "Unit of breakdown as stored",
        "Note",  # the figure's own note, last (session 46)
    ]
    assert ws.freeze_panes == "A2"
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    assert ws.auto_filter.ref == f"A1:S{len(rows) + 1}"
    revenue = [r for r in rows if r[0] == "State budget revenue collected in the area" and r[3] == "2025"]
    assert len(revenue) == 1
    r = revenue[0]
    assert r[1] is None and r[2] == "billion VND" and r[4] == 82235 and r[5] == "estimate"
    assert (
        r[6].startswith("https://tienphong.vn/") and r[7] == datetime(2025, 12, 31, 7) and r[8] == 1
    )  # 00:00Z, 07:00 in Hà Nội
    # A unit's figure, named by its unit (Vietnamese letters intact).
    assert ["State budget revenue collected in the area", "Cẩm Phả", "billion VND", "2024", 18000] in [
        r[:5] for r in rows
    ]
    # GRDP growth 2023 was recorded twice (11.02 on 24/11, revised to 11.03 on 27/11/2023):
    # the figure in force, with two vintages.
    growth = [r for r in rows if r[0] == "GRDP growth" and r[3] == "2023"]
    assert [(g[4], g[7], g[8]) for g in growth] == [(11.03, datetime(2023, 11, 27, 7), 2)]  # 00:00Z is 07:00 in Hà Nội


def test_breakdown_sheet_ranks_the_units(books):
    ws = openpyxl.load_workbook(books["en"])["budget-revenue-plan-2024"]
    assert "budget-revenue-plan-2024" in ws["A1"].value
    heading = "Locality (district level until 30 June 2025)"  # the dimension, as the HTML report names it
    assert [c.value for c in ws[2]] == [
        "Rank",
        heading,
        "Status",
        "Score",
        "P",
        "Latest period",
        "Latest value",
        "Source",
        "Figure withdrawn",
        # the latest period's last day and what the figure revised (twenty-eighth session)
        "Latest period ends",
        "Figure it revised",
        "Kind of the figure it revised",
        "Source of the figure it revised",
        "Figure it revised, recorded (UTC+07:00)",
        "Missed milestones",  # the deadlines a unit missed (thirty-second session, test_s32_lead)
        "Gap (billion VND)",  # the unit's gap, named with its unit (thirty-fourth session)
        "Figures recorded and not counted",  # as rank's CSV not_counted (thirty-seventh session)
        "Deadlines passed, figure awaited",  # as rank's awaiting_figures (forty-second session, test_s42_r)
    ]
    assert ws.freeze_panes == "A3"
    first = [c.value for c in ws[3]]
    # Each unit with the dates it existed between, as the HTML and Word reports write it.
    assert first[:3] == [1, "Cẩm Phả (until 2025-06-30)", "Target achieved"]
    # observations.csv: Cẩm Phả's 2024 figure and the page it was read on.
    assert first[5:10] == [
        "2024",
        18000,
        "https://vietnam.vn/de/tp-cam-pha-vuot-kho-khan-khoi-thong-nguon-luc-de-kinh-te-but-pha",
        None,
        datetime(2024, 12, 31),
    ]
    assert ws["A3"].alignment.horizontal == "center"  # not glued to the unit's name
    assert ws.cell(row=3, column=3).fill.fgColor.rgb[-6:].upper() == "1B5E20"
    units = [ws.cell(row=r, column=2).value for r in range(3, ws.max_row + 1)]
    # The 13 district-level localities of 2024: the 3 with figures, then the 10 without
    # (issue 17, twenty-first session); the special zones of July 2025 are not among them.
    assert units[:3] == [f"{name} (until 2025-06-30)" for name in ("Cẩm Phả", "Hạ Long", "Móng Cái")]
    assert len(units) == 13 and units[3] == "Uông Bí (until 2025-06-30)"
    # The reason after a colon, as show, rank and the year-end pass write it (merge).
    assert ws.cell(row=6, column=3).value == "Not available: no figure recorded for this unit yet"
    # To the gap (34th session), then not counted (37th), then the deadlines awaited (42nd).
    assert ws.auto_filter.ref == f"A2:R{ws.max_row}"
    # Cẩm Phả's gap: its plan of 12,771 less its 18,000, −5,229, worded as the Summary's
    # Gap column words a gap passed; the others have no plan of their own, no gap.
    assert [ws.cell(row=r, column=16).value for r in range(3, 6)] == [-5229, None, None]
    assert "beyond the target by" in ws.cell(row=3, column=16).number_format


def test_native_charts(books):
    wb = openpyxl.load_workbook(books["en"])
    assert len(wb["Groups"]._charts) == 1
    levels = [t for t in _shipped_targets() if t["type"] == "level"]
    assert len(wb["Charts"]._charts) == len(levels) == 3
    with zipfile.ZipFile(books["en"]) as z:
        charts = sorted(n for n in z.namelist() if n.startswith("xl/charts/chart"))
        xml = [z.read(n).decode("utf-8") for n in charts]
    assert len(xml) == 4
    groups = [x for x in xml if "<c:barChart>" in x]
    assert len(groups) == 1 and '<c:grouping val="stacked"/>' in groups[0]
    lines = [x for x in xml if "<c:lineChart>" in x]
    assert len(lines) == 3
    cbct = next(x for x in lines if "CBCT share" in x)
    # The figures, the path to each milestone, and the milestones, from the sheet's cells.
    assert "Path to 15% of GRDP by 2025" in cbct and "Path to 30% of GRDP by 2030" in cbct
    assert "Charts!$B$" in cbct and "CBCT share of GRDP: 15% by 2025, 30% by 2030: figures against the path" in cbct
    # mining-share has no milestone, hence no path: its title does not promise one.
    mining = next(x for x in lines if "Lower the mining share" in x)
    assert "Lower the mining share of GRDP: figures<" in mining and "against the path" not in mining
    ws = wb["Charts"]
    # The cells behind it: 2020 is the baseline (9.8), where both paths start.
    assert [c.value for c in ws[3]][:4] == [2020, 9.8, 9.8, 9.8]


def test_vietnamese_sheets_and_headers(books):
    wb = openpyxl.load_workbook(books["vi"])
    assert wb.sheetnames == [
        "Tổng hợp",
        "Kết quả chung",
        "Nhóm mục tiêu",
        "Các mốc",
        "Số liệu",
        "budget-revenue-plan-2024",
        "Biểu đồ",
    ]
    ws = wb["Tổng hợp"]
    header = [c.value for c in ws[1]]
    assert header[:2] == ["Nhóm", "Cơ quan chủ trì"] and header[8] == "Thời hạn"
    row = _row_of(ws, 2, "budget-revenue-plan-2025")
    assert row[3].value == "Dự toán thu ngân sách 2025: 57.330 tỷ đồng"
    assert row[5].value == "tỷ đồng" and row[7].value == 82235
    assert row[13].value == "Đã đạt mục tiêu"
    dated = wb["Số liệu"]
    assert dated.cell(row=2, column=8).number_format == "dd/mm/yyyy"


def test_same_data_same_bytes_and_no_clock(books, tmp_path: Path):
    for name in ("targets.yaml", "observations.csv"):
        shutil.copyfile(ROOT / name, tmp_path / name)
    again = _write(tmp_path, "again.xlsx", "--lang", "en")
    assert again.read_bytes() == books["en"].read_bytes()
    wb = openpyxl.load_workbook(again)
    assert wb.properties.created == datetime(2026, 12, 1)
    assert wb.properties.modified == datetime(2026, 12, 1)
    with zipfile.ZipFile(again) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert z.comment.startswith(b"<!-- generator: qntrack; sha256:")


# --- the command line -------------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_refuses_a_terminal(tracker: Path):
    code, message = on_a_terminal(tracker, "report", "--format", "xlsx")
    assert code == 2
    assert "-o report.xlsx" in message and "Traceback" not in message


def test_to_a_pipe_it_is_the_workbook(tracker: Path):
    result = run("report", "--format", "xlsx")
    assert result.exit_code == 0, result.output
    wb = openpyxl.load_workbook(io.BytesIO(result.stdout_bytes))
    # The small plan names no group and breaks no target down: no sheet for either.
    assert wb.sheetnames == ["Summary", "At a glance", "Milestones", "Figures", "Charts"]


def test_o_rules(tracker: Path):
    foreign = tracker / "phu-luc.xlsx"
    foreign.write_bytes(b"someone's workbook")
    refused = run("report", "-o", str(foreign))
    assert refused.exit_code == 2 and "--force" in refused.output
    assert foreign.read_bytes() == b"someone's workbook"
    assert run("report", "-o", str(foreign), "--force").exit_code == 0
    assert zipfile.is_zipfile(foreign)
    # A workbook qntrack wrote is replaced without --force ...
    assert run("report", "-o", str(foreign)).exit_code == 0
    # ... but not once a person saved it again (here with openpyxl, as Excel would rewrite it).
    wb = openpyxl.load_workbook(foreign)
    wb["Summary"]["A1"] = "edited"
    wb.save(foreign)
    edited = foreign.read_bytes()
    refused = run("report", "-o", str(foreign))
    assert refused.exit_code == 2 and "--force" in refused.output
    assert foreign.read_bytes() == edited
    # An extension that says another format, and a --format the extension contradicts.
    assert run("report", "--format", "xlsx", "-o", str(tracker / "r.html")).exit_code == 2
    contradicted = run("report", "--format", "markdown", "-o", str(tracker / "r.xlsx"))
    assert contradicted.exit_code == 2 and "an Excel report" in contradicted.output
    assert not (tracker / "r.xlsx").exists()
    # Never over the tracker's own files.
    assert run("report", "--format", "xlsx", "-o", "observations.csv").exit_code == 2


def test_a_changed_byte_is_an_edit(tracker: Path):
    out = tracker / "r.xlsx"
    assert run("report", "-o", str(out)).exit_code == 0
    data = bytearray(out.read_bytes())
    data[100] ^= 1  # inside the first member: the mark at the end is intact, the fingerprint is not
    out.write_bytes(bytes(data))
    refused = run("report", "-o", str(out))
    assert refused.exit_code == 2 and "--force" in refused.output


def test_sheet_names_excel_accepts():
    taken: set[str] = set()
    assert sheet_name("a/b:c*d?e[f]g\\h", taken) == "a-b-c-d-e-f-g-h"
    long = "x" * 40
    first = sheet_name(long, taken)
    second = sheet_name(long, taken)
    assert len(first) == 31 and len(second) == 31 and first != second
    assert sheet_name("Summary", taken) == "Summary"
    assert sheet_name("SUMMARY", taken) == "SUMMARY (2)"  # Excel compares names without case
    assert sheet_name("'quoted'", taken) == "quoted"


def test_with_comment_needs_a_plain_zip():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("a.txt", "a")
    marked = with_comment(buffer.getvalue(), b"hello")
    with zipfile.ZipFile(io.BytesIO(marked)) as z:
        assert z.comment == b"hello" and z.read("a.txt") == b"a"
    with pytest.raises(ValueError):
        with_comment(marked, b"again")


# --- the sample in docs/ ------------------------------------------------------------------

SAMPLE_COMMAND = f"qntrack report --format xlsx -o docs/sample-report.xlsx --as-of {AS_OF}"


def test_sample_report_is_current(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """docs/sample-report.xlsx is what the command shown in docs/report.md makes. The
    members are compared, not the zip's bytes: another zlib may compress the same XML
    into other bytes."""
    monkeypatch.delenv("QNTRACK_LANG", raising=False)
    assert SAMPLE_COMMAND in (ROOT / "docs" / "report.md").read_text(encoding="utf-8")
    out = tmp_path / "sample-report.xlsx"
    args = SAMPLE_COMMAND.split()[1:]
    args[args.index("-o") + 1] = str(out)
    result = run(*args, "--targets", str(ROOT / "targets.yaml"))
    assert result.exit_code == 0, result.output

    def members(path: Path) -> dict[str, bytes]:
        with zipfile.ZipFile(path) as z:
            return {n: z.read(n) for n in z.namelist()}

    assert members(ROOT / "docs" / "sample-report.xlsx") == members(out), (
        f"docs/sample-report.xlsx is stale: run `{SAMPLE_COMMAND}` from the top of the repository"
    )


def test_more_figures_than_a_sheet_holds_is_refused_not_cut(tracker: Path, monkeypatch: pytest.MonkeyPatch):
    """Excel's sheet ends at row 1,048,576: a row past it would be dropped without a word.
    The limit is lowered here so that the small plan's figures pass it."""
    import qntrack.output.report_xlsx as report_xlsx

    monkeypatch.setattr(report_xlsx, "MAX_ROWS", 3)
    out = tracker / "r.xlsx"
    result = run("report", "-o", str(out))
    assert result.exit_code == 2
    assert "Excel" in result.output and "Traceback" not in result.output
    assert not out.exists()
