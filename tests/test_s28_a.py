"""The Excel workbook as the year-end review's working file (issue 17, twenty-eighth
session): periods an officer can sort and filter in time (a date column, each period's
last day), what a revised figure replaced (its value, kind, source and recording day) on
every sheet that shows figures, and `--since` as sheets of their own.

Expected values are worked out by hand from the observations below: share 2023 was an
estimate of 12.3 (src-c, 15/10/2023) confirmed as official on 1/3/2024 (src-g), a revision
of the kind alone; share 2022 was 11.5 with no kind stated (src-b, 10/1/2023), revised to
11.6 on 1/6/2024 (src-h); mining 2020 was an estimate of 17.3 (src-f) revised to 17.1,
official, on 1/5/2024 (src-i). A period's last day: 2023-Q1 ends 31/3/2023, 2023-H1
30/6/2023, 2023 31/12/2023, 2024-Q1 31/3/2024.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from conftest import SMALL_TARGETS, make_tracker
from helpers import run_clean

OBSERVATIONS = """\
indicator,period,value,status,source,note,recorded_at
share,2021,11.3,estimate,src-a,,2022-01-10T00:00:00Z
share,2022,11.5,,src-b,,2023-01-10T00:00:00Z
share,2023-Q1,12.0,estimate,src-q,,2023-04-20T00:00:00Z
share,2023-H1,12.1,estimate,src-s,,2023-07-20T00:00:00Z
share,2023,12.3,estimate,src-c,,2023-10-15T00:00:00Z
share,2024-Q1,12.9,estimate,src-d,,2024-04-05T00:00:00Z
share,2023,12.3,official,src-g,,2024-03-01T00:00:00Z
share,2022,11.6,official,src-h,,2024-06-01T00:00:00Z
mining,2015,21.3,,src-e,,2016-01-01T00:00:00Z
mining,2020,17.3,estimate,src-f,,2020-10-15T00:00:00Z
mining,2020,17.1,official,src-i,,2024-05-01T00:00:00Z
"""

AS_OF = "2024-12-31"
SINCE = "2024-01-01"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, OBSERVATIONS)


def _book(folder: Path, *args: str, lang: str = "en", as_of: str = AS_OF) -> openpyxl.Workbook:
    out = folder / f"book-{lang}.xlsx"
    r = run_clean("report", "-o", str(out), "--as-of", as_of, "--lang", lang, "--force", *args)
    assert r.exit_code == 0, r.output
    return openpyxl.load_workbook(out)


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, openpyxl.Workbook]:
    """The small plan's workbooks, written once: in English and Vietnamese, with and
    without --since."""
    with pytest.MonkeyPatch.context() as mp:
        folder = make_tracker(tmp_path_factory.mktemp("s28a"), mp, SMALL_TARGETS, OBSERVATIONS)
        return {
            "en": _book(folder),
            "vi": _book(folder, lang="vi"),
            "since": _book(folder, "--since", SINCE),
            "since_vi": _book(folder, "--since", SINCE, lang="vi"),
        }


def _header(ws, row: int = 1) -> list:
    return [c.value for c in ws[row]]


def _rows(ws, first: int = 2) -> list[list]:
    return [[c.value for c in r] for r in ws.iter_rows(min_row=first)]


def _by(header: list, row: list) -> dict:
    return dict(zip(header, row, strict=True))


# --- periods in time --------------------------------------------------------------------


def test_figures_sheet_has_each_period_s_last_day_as_a_date_cell(books):
    wb = books["en"]
    ws = wb["Figures"]
    header = _header(ws)
    # The existing columns keep their places (users' formulas point at them); the new ones
    # come after the last (the figure withdrawn's recording day, column L).
    assert header[:12][-1] == "Figure withdrawn, recorded"
    assert header[12] == "Period ends"
    ends = {}
    for row in ws.iter_rows(min_row=2):
        if row[0].value == "Manufacturing share":
            cell = row[12]
            assert cell.is_date and cell.number_format == "yyyy-mm-dd"
            ends[row[3].value] = cell.value
    assert ends == {
        "2021": datetime(2021, 12, 31),
        "2022": datetime(2022, 12, 31),
        "2023-Q1": datetime(2023, 3, 31),
        "2023-H1": datetime(2023, 6, 30),
        "2023": datetime(2023, 12, 31),
        "2024-Q1": datetime(2024, 3, 31),
    }
    # Sorted on it the periods are in time, where their text sorts 2023 before 2023-H1.
    assert [p for p, _ in sorted(ends.items(), key=lambda kv: kv[1])] == [
        "2021",
        "2022",
        "2023-Q1",
        "2023-H1",
        "2023",
        "2024-Q1",
    ]
    assert ws.auto_filter.ref.startswith("A1:")
    last = ws.auto_filter.ref.split(":")[1].rstrip("0123456789")
    assert openpyxl.utils.column_index_from_string(last) == len(header)


def test_summary_and_vietnamese_dates(books):
    ws = books["en"]["Summary"]
    header = _header(ws)
    assert header[23] == "Latest figure's source"  # the last column before this session's
    assert header[24] == "Latest period ends"
    rows = {r[2]: _by(header, r) for r in _rows(ws)}
    assert rows["share"]["Latest period"] == "2023"
    assert rows["share"]["Latest period ends"] == datetime(2023, 12, 31)
    assert rows["mining"]["Latest period ends"] == datetime(2020, 12, 31)
    vi = books["vi"]["Tổng hợp"]
    cell = vi.cell(row=2, column=25)
    assert vi.cell(row=1, column=25).value == "Ngày cuối kỳ mới nhất"
    assert cell.is_date and cell.value == datetime(2023, 12, 31) and cell.number_format == "dd/mm/yyyy"
    figures = books["vi"]["Số liệu"]
    assert figures.cell(row=1, column=13).value == "Ngày cuối kỳ"


# --- what a revised figure replaced ------------------------------------------------------


def test_summary_says_the_kind_of_the_figure_revised_as_status_json(books, folder: Path):
    ws = books["en"]["Summary"]
    header = _header(ws)
    assert header[25] == "Kind of the figure it revised"
    rows = {r[2]: _by(header, r) for r in _rows(ws)}
    share = rows["share"]
    # An estimate confirmed as official: the value did not change, the kind did.
    assert share["Figure it revised"] == 12.3 and share["Latest figure's kind"] == "official"
    assert share["Kind of the figure it revised"] == "estimate"
    assert share["Source of the figure it revised"] == "src-c"
    mining = rows["mining"]
    assert (mining["Latest value"], mining["Figure it revised"]) == (17.1, 17.3)
    assert mining["Kind of the figure it revised"] == "estimate"
    doc = json.loads(run_clean("status", "--format", "json", "--as-of", AS_OF).stdout)
    latest = {t["id"]: t["latest"] for t in doc["targets"]}
    for target in ("share", "mining"):
        assert rows[target]["Latest value"] == latest[target]["value"]
        assert rows[target]["Figure it revised"] == latest[target]["revises"]
        assert latest[target]["revises_status"] == "estimate"


def test_figures_sheet_says_what_each_revised_figure_replaced(books, folder: Path):
    ws = books["en"]["Figures"]
    header = _header(ws)
    assert header[13:] == [
        "Figure it revised",
        "Kind of the figure it revised",
        "Source of the figure it revised",
        "Figure it revised, recorded",
        "Unit of breakdown as stored",  # added in the thirty-second session
        "Note",  # the figure's own note, last (session 46)
    ]
    rows = {(r[0], r[3]): r for r in _rows(ws)}
    share_2022 = rows[("Manufacturing share", "2022")]
    assert share_2022[4] == 11.6
    # It replaced a figure recorded with no status: a data sheet keeps that empty, as its
    # own Kind column does (the twentieth session's rule; the twenty-eighth's review).
    assert share_2022[5] == "official"
    assert share_2022[13:17] == [11.5, None, "src-b", datetime(2023, 1, 10)]
    share_2023 = rows[("Manufacturing share", "2023")]
    assert share_2023[4:6] == [12.3, "official"]
    assert share_2023[13:17] == [12.3, "estimate", "src-c", datetime(2023, 10, 15)]
    mining = rows[("Mining share", "2020")]
    assert mining[13:17] == [17.3, "estimate", "src-f", datetime(2020, 10, 15)]
    # A figure recorded once replaced nothing: the columns are empty, not 0 or "–".
    assert rows[("Manufacturing share", "2024-Q1")][13:17] == [None, None, None, None]
    cell = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "Mining share" and r[3].value == "2020")[13]
    assert cell.data_type == "n" and cell.number_format == "#,##0.0"
    # Before the day of the revision (--as-of), the figure in force replaced nothing.
    early = _book(folder, as_of="2024-02-01")["Figures"]
    rows = {(r[0], r[3]): r for r in _rows(early)}
    assert rows[("Manufacturing share", "2023")][4:6] == [12.3, "estimate"]
    assert rows[("Manufacturing share", "2023")][13:17] == [None, None, None, None]


# --- --since ----------------------------------------------------------------------------


def test_since_gives_the_workbook_its_changes_sheet(books, folder: Path):
    wb = books["since"]
    assert "Since the last review" in wb.sheetnames
    ws = wb["Since the last review"]
    assert ws["A1"].value == "Since the last review (2024-01-01)"
    header = _header(ws, 2)
    assert header == [
        "Indicator",
        "Unit of breakdown",
        "Unit",
        "Period",
        "Value",
        "Kind",
        "Source",
        "Recorded",
        "Change",
        "Figure it revised",
        "Kind of the figure it revised",
        "Source of the figure it revised",
        "Figure it revised, recorded",
        "Period ends",
        "In force",  # added last in the thirty-first session
        "Unit of breakdown as stored",  # added last in the thirty-second session
    ]
    assert ws.freeze_panes == "A3"
    rows = {(r[0], r[3]): r for r in _rows(ws, 3)}
    # Recorded after 1/1/2024: share 2023 (its kind), 2024-Q1 (new), 2022 and mining 2020.
    assert set(rows) == {
        ("Manufacturing share", "2023"),
        ("Manufacturing share", "2024-Q1"),
        ("Manufacturing share", "2022"),
        ("Mining share", "2020"),
    }
    assert rows[("Mining share", "2020")] == [
        "Mining share",
        None,
        "%",
        "2020",
        17.1,
        "official",
        "src-i",
        datetime(2024, 5, 1),
        "revised",
        17.3,
        "estimate",
        "src-f",
        datetime(2020, 10, 15),
        datetime(2020, 12, 31),
        "Yes",
        None,  # the unit as stored: a total has none (thirty-second session)
    ]
    assert rows[("Manufacturing share", "2024-Q1")][8:13] == ["new", None, None, None, None]
    assert rows[("Manufacturing share", "2023")][8] == "status: estimate → official"
    # O: "In force", thirty-first session; P: the unit as stored, thirty-second session.
    assert ws.auto_filter.ref == f"A2:P{ws.max_row}"
    value = next(r for r in ws.iter_rows(min_row=3) if r[0].value == "Mining share")[4]
    assert value.data_type == "n" and value.number_format == "#,##0.0"
    # The same rows as the JSON report's since.observations, figure for figure.
    r = run_clean("report", "--format", "json", "--as-of", AS_OF, "--since", SINCE)
    names = {"share": "Manufacturing share", "mining": "Mining share"}
    said = {
        (names[o["indicator"]], o["period"]): (o["value"], o["status"], o["previous_value"], o["previous_status"])
        for o in json.loads(r.stdout)["since"]["observations"]
    }
    assert set(said) == set(rows)
    kinds = {"estimate": "estimate", "official": "official", "": None, None: None}  # a data sheet: empty kept
    for key, row in rows.items():
        value, status, previous, previous_status = said[key]
        assert (row[4], row[5], row[9], row[10]) == (value, kinds[status], previous, kinds[previous_status])


def test_since_statuses_sheet_and_without_since_no_such_sheet(books):
    wb = books["since"]
    ws = wb["Status changes"]
    assert ws["A1"].value == "Since the last review (2024-01-01)"
    assert _header(ws, 2) == ["Id", "Target", "Before", "Now"]
    plain = books["en"]
    assert "Since the last review" not in plain.sheetnames and "Status changes" not in plain.sheetnames
    # The report's own sheets keep their order; the new ones come before the charts.
    names = wb.sheetnames
    assert names.index("Figures") < names.index("Since the last review") < names.index("Status changes")
    assert names[:2] == ["Summary", "At a glance"]


def test_since_sheets_in_vietnamese(books):
    wb = books["since_vi"]
    assert "Từ lần rà soát trước" in wb.sheetnames and "Thay đổi đánh giá" in wb.sheetnames
    ws = wb["Từ lần rà soát trước"]
    assert ws["A1"].value == "Từ lần rà soát trước (01/01/2024)"
    header = _header(ws, 2)
    assert (
        header[0] == "Chỉ tiêu"
        and header[8] == "Thay đổi"
        and header[-3] == "Ngày cuối kỳ"
        and header[-2] == "Hiệu lực"
        and header[-1] == "Đơn vị (phân tổ) như đã lưu"  # thirty-second session
    )
    assert header[9] == "Số liệu trước điều chỉnh"
    assert header[10] == "Loại của số liệu trước điều chỉnh"
    row = next(r for r in _rows(ws, 3) if r[3] == "2020")
    assert row[5] == "chính thức" and row[8] == "điều chỉnh" and row[10] == "ước tính"
    assert ws.cell(row=3, column=14).number_format == "dd/mm/yyyy"
    assert _header(wb["Thay đổi đánh giá"], 2)[2:] == ["Trước", "Nay"]


# --- a broken-down target's units -------------------------------------------------------

UNIT_TARGETS = """\
version: 1
title: "Units"
dimensions:
  locality:
    name: {en: "Locality", vi: "Địa phương"}
    values: ["Ha Long", "Cam Pha"]
indicators:
  revenue:
    name: {en: "Budget revenue", vi: "Thu ngân sách"}
    unit: {en: "billion VND", vi: "tỷ đồng"}
    direction: increase
    dimensions: [locality]
targets:
  - id: revenue-2024
    type: plan
    indicator: revenue
    period: 2024
    value: 100
    for_each: locality
"""

UNIT_OBSERVATIONS = """\
indicator,period,value,status,source,note,recorded_at
revenue[locality=Ha Long],2024,60,estimate,src-1,,2025-01-10T00:00:00Z
revenue[locality=Ha Long],2024,62,official,src-2,,2025-03-10T00:00:00Z
revenue[locality=Cam Pha],2024-H1,30,estimate,src-3,,2024-07-10T00:00:00Z
"""


def test_units_sheet_dates_and_revisions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    folder = make_tracker(tmp_path, monkeypatch, UNIT_TARGETS, UNIT_OBSERVATIONS)
    ws = _book(folder, as_of="2025-06-30")["revenue-2024"]
    header = _header(ws, 2)
    assert header[8] == "Figure withdrawn"  # the last column before this session's
    assert header[9:] == [
        "Latest period ends",
        "Figure it revised",
        "Kind of the figure it revised",
        "Source of the figure it revised",
        "Figure it revised, recorded",
        "Missed milestones",  # added after these by the thirty-second session (test_s32_lead)
        "Gap (billion VND)",  # then the unit's gap (thirty-fourth session, test_s34_o)
        "Figures recorded and not counted",  # then what is not counted (37th session, test_s37_c)
        "Deadlines passed, figure awaited",  # then the deadlines awaited (42nd session, test_s42_r)
    ]
    rows = {r[1]: r for r in _rows(ws, 3)}
    ha_long = next(v for k, v in rows.items() if k.startswith("Ha Long"))
    assert ha_long[6] == 62 and ha_long[9:14] == [
        datetime(2024, 12, 31),
        60,
        "estimate",
        "src-1",
        datetime(2025, 1, 10),
    ]
    cam_pha = next(v for k, v in rows.items() if k.startswith("Cam Pha"))
    # Its six months' reading, ending on 30 June 2024; it revised nothing.
    assert cam_pha[6] == 30 and cam_pha[9:15] == [datetime(2024, 6, 30), None, None, None, None, None]


def test_shipped_grdp_growth_2023_says_the_figure_it_revised(shipped: Path):
    """observations.csv lines 29-30: GRDP growth 2023 was 11.02 (estimate, baohaiduong.vn,
    24/11/2023), revised to 11.03 (estimate, vietnamnet.vn, 27/11/2023)."""
    ws = _book(shipped, as_of="2026-12-01")["Figures"]
    row = next(r for r in _rows(ws) if r[0] == "GRDP growth" and r[3] == "2023")
    assert row[4] == 11.03 and row[12] == datetime(2023, 12, 31)
    assert row[13:15] == [11.02, "estimate"]
    assert row[15].startswith("https://baohaiduong.vn/") and row[16] == datetime(
        2023, 11, 24, 7
    )  # midnight UTC is 07:00 in the plan's zone


# --- every word of a Vietnamese workbook is Vietnamese -----------------------------------


def _words(path: Path) -> dict[str, list[str]]:
    """The words a reader sees besides the data: sheet names, each sheet's header rows,
    the charts' titles (and axis titles), the number formats' quoted words."""
    import re
    import zipfile

    wb = openpyxl.load_workbook(path)
    out: dict[str, list[str]] = {"sheets": list(wb.sheetnames), "headers": [], "charts": [], "formats": []}
    for ws in wb:
        if ws.title in ("At a glance", "Kết quả chung"):
            continue  # a sentence sheet, its own test (test_report_xlsx)
        for row in ws.iter_rows(max_row=2):
            if any(c.font is not None and c.font.b for c in row):
                out["headers"] += [str(c.value) for c in row if c.value is not None and c.font.b]
    with zipfile.ZipFile(path) as z:
        for name in sorted(n for n in z.namelist() if n.startswith("xl/charts/chart")):
            out["charts"] += re.findall(r"<a:t>([^<]*)</a:t>", z.read(name).decode("utf-8"))
        styles = z.read("xl/styles.xml").decode("utf-8")
        for code in re.findall(r'formatCode="([^"]*)"', styles):
            out["formats"] += re.findall(r"&quot;([^&]*)&quot;", code)
    return out


def test_a_vietnamese_workbook_says_every_word_in_vietnamese(shipped: Path):
    found = {}
    for lang in ("en", "vi"):
        out = shipped / f"words-{lang}.xlsx"
        r = run_clean("report", "-o", str(out), "--as-of", "2026-12-01", "--since", "2025-06-30", "--lang", lang)
        assert r.exit_code == 0, r.output
        found[lang] = _words(out)
    en, vi = found["en"], found["vi"]
    # Codes are the same in both (a target's id names its sheet; P is the methodology's P).
    codes = {"P", "budget-revenue-plan-2024"}
    for part in ("sheets", "headers", "charts"):
        assert len(vi[part]) == len(en[part]) > 0, part
        same = {v for v, e in zip(vi[part], en[part], strict=True) if v == e} - codes
        # A chart's unit ("% GRDP", "USD") is the indicator's in both languages.
        assert same <= {"% GRDP", "USD"}, (part, same)
    assert "Từ lần rà soát trước" in vi["sheets"] and "Thay đổi đánh giá" in vi["sheets"]
    # The number formats' words: the gap passed, points of a rate, per cent and a bound's sign;
    # the Milestones sheet's rate a year and year it would be reached (forty-first session).
    said = {"đã vượt mục tiêu ", "đã thấp hơn mục tiêu ", " điểm %", "%", "≥ ", "≤ ", "%/năm", "dự báo năm "}
    assert set(vi["formats"]) <= said, vi["formats"]
    assert any("điểm" in f for f in vi["formats"]) and not any(
        w in f for f in vi["formats"] for w in ("beyond", "below", "pp", "target")
    )
