"""The fifteenth session's review pass (issue 17): regressions and defects found in the
changes this session merged, each a failing test first (docs/decisions.md, "The fifteenth
session's review pass")."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean
from helpers import stored_cells as _stored

from test_half_year_review import TARGETS  # growth, a rate by quarter; fdi, a flow by month


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, TARGETS, "")


# A ';' file is Excel's under a decimal comma, whose settings all write the day first
# (files/excel_dates.py). One cell that reads only month first (07/13/2026: there is no
# month 13 under those settings, so a slip) flipped the order of the whole file: 03/07/2026
# on the row before was recorded as 7 March, without a word. The settings decide; the odd
# cell is refused on its own line.
def test_one_odd_date_does_not_turn_a_semicolon_file_month_first(plan: Path):
    text = "indicator;period;value;recorded_at\ngrdp_growth;2026-H1;10,5;03/07/2026\nfdi;2026-H1;512,4;07/13/2026\n"
    (plan / "so-lieu.csv").write_text(text, encoding="utf-8")
    result = run_clean("add-observation", "--from", "so-lieu.csv")
    assert result.exit_code == 1, result.output
    assert "so-lieu.csv:3" in result.output and "07/13/2026" in result.output
    assert "so-lieu.csv:2" not in result.output  # 03/07/2026 read, day first: 3 July
    assert _stored(plan, 7) == []
    # Without the slip, the row is recorded on 3 July (a bare day: midnight UTC).
    (plan / "so-lieu.csv").write_text(text.rsplit("fdi", 1)[0], encoding="utf-8")
    result = run_clean("add-observation", "--from", "so-lieu.csv")
    assert result.exit_code == 0, result.output
    assert [r[6] for r in _stored(plan, 7)] == ["2026-07-03T00:00:00Z"]


BALANCE_TARGETS = """\
version: 1
title: "Balance"
indicators:
  trade:
    name: {en: "Trade balance", vi: "Cán cân thương mại"}
    unit: {en: "million USD", vi: "triệu USD"}
    measure: balance
    frequency: year
  fdi:
    name: {en: "FDI attracted", vi: "Vốn FDI thu hút"}
    unit: {en: "million USD", vi: "triệu USD"}
    measure: flow
    frequency: year
targets:
  - id: trade-2026
    type: plan
    indicator: trade
    period: 2026
    value: -500
  - id: fdi-2026
    type: plan
    indicator: fdi
    period: 2026
    value: 100
"""
BALANCE_FIGURES = """\
indicator,period,value,status,source,note,recorded_at
trade,2025,-300,official,s,,2026-02-01T00:00:00Z
trade,2026,-400,official,s,,2027-02-01T00:00:00Z
fdi,2025,-20,official,s,,2026-02-01T00:00:00Z
fdi,2026,30,official,s,,2027-02-01T00:00:00Z
"""


# The workbook's change on the same period last year (the half-year review) wrote every
# change by difference as percentage points; the numbers audit then read a balance, and
# any figure below zero, by difference too: -400 against -300 is -100 million USD (the
# Word report says so), but the Excel cell read "-100.00 pp". A difference is in the
# indicator's unit; only a rate's is in points.
@pytest.mark.parametrize(("lang", "unit"), [("en", "million USD"), ("vi", "triệu USD")])
def test_the_workbook_gives_a_balances_change_in_its_unit_not_points(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, unit: str
):
    import openpyxl

    make_tracker(tmp_path, monkeypatch, BALANCE_TARGETS, BALANCE_FIGURES)
    result = run_clean("report", "--format", "xlsx", "-o", "r.xlsx", "--as-of", "2027-03-01", "--lang", lang)
    assert result.exit_code == 0, result.output
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx").worksheets[0]
    rows = {r[2].value: r for r in ws.iter_rows(min_row=2)}
    # By hand: trade -400 against -300 is -400 - (-300) = -100 (million USD); FDI 30 against
    # -20 is 30 - (-20) = +50 (million USD), no per-cent change across zero.
    for tid, change in (("trade-2026", -100), ("fdi-2026", 50)):
        cell = rows[tid][16]
        assert cell.value == pytest.approx(change)
        assert f'" {unit}"' in cell.number_format, cell.number_format
        assert "pp" not in cell.number_format and "điểm" not in cell.number_format


# A shown date is turned into ISO before it is checked (files/excel_dates.py): a time that
# does not exist (25:00) was refused as "recorded_at '2026-07-03T25:00:00' is not a real
# date", a text the officer never typed and cannot find in the file. Like a day that does
# not exist (31/02/2026), it is refused as the cell reads, told how to write it.
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_an_impossible_time_in_a_shown_date_is_quoted_as_typed(plan: Path, lang: str):
    text = "indicator;period;value;recorded_at\nfdi;2026-H1;512,4;03/07/2026 25:00\n"
    (plan / "so-lieu.csv").write_text(text, encoding="utf-8")
    result = run_clean("add-observation", "--from", "so-lieu.csv", "--lang", lang)
    assert result.exit_code == 1, result.output
    assert "so-lieu.csv:2" in result.output and "'03/07/2026 25:00'" in result.output
    assert "2026-07-03T25" not in result.output
    assert _stored(plan, 7) == []


# In a ',' file one date with a part over 12 decides the order of every other shown date
# (files/excel_dates.py), and did so without a word: a month-first file with one slip
# (13/07/2026 for 12/07) had its 03/07/2026 recorded as 3 July, not 7 March. The reading
# stands (the file can only be day first), but it is said once, at the cell that decided
# it, with a date it decided: the officer who meant month first sees it.
@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "so-lieu.csv:2: warning: the recorded_at dates of this file are read day first"),
        ("vi", "so-lieu.csv:2: cảnh báo: ngày ở cột thời điểm ghi nhận của tệp này được đọc theo thứ tự ngày trước"),
    ],
)
def test_a_comma_file_says_which_date_decided_the_order(plan: Path, lang: str, said: str):
    text = "indicator,period,value,recorded_at\ngrdp_growth,2026-H1,10.5,13/07/2026\nfdi,2026-H1,512.4,03/07/2026\n"
    (plan / "so-lieu.csv").write_text(text, encoding="utf-8")
    result = run_clean("add-observation", "--from", "so-lieu.csv", "--lang", lang)
    assert result.exit_code == 0, result.output
    assert said in result.output
    # The date it decided, by hand: 03/07/2026 day first is 3 July 2026, and where it is.
    assert "'03/07/2026'" in result.output and "2026-07-03" in result.output
    assert [r[6] for r in _stored(plan, 7)] == ["2026-07-13T00:00:00Z", "2026-07-03T00:00:00Z"]


def test_a_comma_file_whose_order_decides_nothing_else_says_nothing(plan: Path):
    # 13/07/2026 and 15/07/2026 read only one way each, and no other shown date is left
    # to decide: nothing to tell.
    text = "indicator,period,value,recorded_at\ngrdp_growth,2026-H1,10.5,13/07/2026\nfdi,2026-H1,512.4,15/07/2026\n"
    (plan / "so-lieu.csv").write_text(text, encoding="utf-8")
    result = run_clean("add-observation", "--from", "so-lieu.csv")
    assert result.exit_code == 0, result.output
    assert "warning" not in result.output


# A CSV saved from the office's sheet passes over a row holding a single text (a 'Tổng số'
# row, a 'Nguồn: ...' line) and reads on. That also passed over, without a word, a row
# whose indicator id was mistyped and whose figure was missing ('fdx', refused before with
# the known ids) and a figure typed with its unit and nothing else ('512 tỷ' in the value
# column, refused before as no number): neither is a note, and the file was "all added".
def test_a_mistyped_id_or_a_figure_alone_in_a_csv_row_is_still_refused(plan: Path):
    text = "indicator,period,value\nfdi,2026-H1,512.4\nfdx,,\n,,512 tỷ\nNguồn: Cục Thống kê,,\n"
    (plan / "so-lieu.csv").write_text(text, encoding="utf-8")
    result = run_clean("add-observation", "--from", "so-lieu.csv", "--recorded-at", "2026-07-03")
    assert result.exit_code == 1, result.output
    assert "so-lieu.csv:3" in result.output and "'fdx'" in result.output
    assert "so-lieu.csv:4" in result.output and "'512 tỷ'" in result.output
    assert "so-lieu.csv:5" not in result.output  # the source line is still a note
    assert _stored(plan, 3) == []
