"""An import's indicator named by the indicator's name, as an office's table names it
("Chỉ tiêu: Tốc độ tăng trưởng GRDP"), and a table with both a code and a name column
("Mã chỉ tiêu", "Tên chỉ tiêu"): docs/observations-format.md, "The indicator by its name"."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import run
from helpers import stored_cells as _stored

TARGETS = """\
version: 1
title: "Names"
indicators:
  grdp_growth:
    name: {en: "GRDP growth", vi: "Tốc độ tăng trưởng GRDP"}
    unit: "%"
  fdi:
    name: {en: "FDI attracted", vi: "Vốn FDI thu hút"}
    unit: "million USD"
  fdi_disbursed:
    name: {en: "FDI disbursed", vi: "Vốn FDI thu hút"}
    unit: "million USD"
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


def test_a_vietnamese_table_names_its_indicators(plan: Path):
    (plan / "t.csv").write_text(
        "Chỉ tiêu,Kỳ,Giá trị\nTốc độ tăng trưởng GRDP,2023,10.5\ntốc độ  tăng trưởng grdp,2024,11\n", encoding="utf-8"
    )
    r = run("add-observation", "--from", "t.csv", "--status", "official")
    assert r.exit_code == 0, r.stderr
    assert _stored(plan) == [["grdp_growth", "2023", "10.5"], ["grdp_growth", "2024", "11"]]
    # Said once for the name, with the id it was read as.
    assert r.stderr.count("'Tốc độ tăng trưởng GRDP'") == 1 and "grdp_growth" in r.stderr


def test_the_english_name_and_a_wide_table(plan: Path):
    (plan / "t.csv").write_text("indicator,2023,2024\nGRDP growth,10.5,11\n", encoding="utf-8")
    r = run("add-observation", "--from", "t.csv", "--wide", "--status", "official")
    assert r.exit_code == 0, r.stderr
    assert _stored(plan) == [["grdp_growth", "2023", "10.5"], ["grdp_growth", "2024", "11"]]


def test_a_name_two_indicators_share_is_not_guessed(plan: Path):
    (plan / "t.csv").write_text("Chỉ tiêu,Kỳ,Giá trị\nVốn FDI thu hút,2023,1500\n", encoding="utf-8")
    r = run("add-observation", "--from", "t.csv", "--status", "official")
    assert r.exit_code == 1
    assert "t.csv:2:" in r.stderr and "fdi, fdi_disbursed" in r.stderr and "by its id" in r.stderr
    assert _stored(plan) == []


def test_a_code_column_and_a_name_column(plan: Path):
    (plan / "t.csv").write_text(
        "STT,Mã chỉ tiêu,Tên chỉ tiêu,Kỳ,Giá trị\n1,grdp_growth,Tăng trưởng kinh tế,2023,10.5\n", encoding="utf-8"
    )
    r = run("add-observation", "--from", "t.csv", "--status", "official")
    assert r.exit_code == 0, r.stderr
    assert _stored(plan) == [["grdp_growth", "2023", "10.5"]]


def test_a_code_and_a_name_that_name_two_indicators_stop_the_row(plan: Path):
    # A table sorted by one column only: the code of one indicator beside another's name.
    (plan / "t.csv").write_text(
        "Mã chỉ tiêu,Tên chỉ tiêu,Kỳ,Giá trị\ngrdp_growth,FDI attracted,2023,10.5\n", encoding="utf-8"
    )
    r = run("add-observation", "--from", "t.csv", "--status", "official")
    assert r.exit_code == 1
    assert "t.csv:2:" in r.stderr and "'FDI attracted'" in r.stderr and "fdi" in r.stderr
    assert _stored(plan) == []


def test_an_id_is_still_an_id(plan: Path):
    (plan / "t.csv").write_text("indicator,period,value\nfdi,2023,1500\n", encoding="utf-8")
    r = run("add-observation", "--from", "t.csv", "--status", "official")
    assert r.exit_code == 0, r.stderr
    assert _stored(plan) == [["fdi", "2023", "1500"]]
    assert "read as" not in r.stderr


def test_a_workbook_with_a_code_and_a_name_column(plan: Path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Sheet1"
    sheet.append(["STT", "Mã chỉ tiêu", "Tên chỉ tiêu", "ĐVT", "Kỳ", "Giá trị"])
    sheet.append([1, "grdp_growth", "Tốc độ tăng trưởng GRDP", "%", "2023", 10.5])
    sheet.append([2, None, "FDI attracted", "million USD", "2023", 1500])  # the code left empty; its unit is checked
    book.save(plan / "t.xlsx")
    r = run("add-observation", "--from", "t.xlsx", "--status", "official")
    assert r.exit_code == 0, r.stderr
    assert _stored(plan) == [["grdp_growth", "2023", "10.5"], ["fdi", "2023", "1500"]]
    # Sorted by the name column alone: row 3's code is another indicator's.
    sheet.append([3, "fdi", "GRDP growth", "%", "2024", 9])
    book.save(plan / "t.xlsx")
    r = run("add-observation", "--from", "t.xlsx", "--status", "official")
    assert r.exit_code == 1
    assert "t.xlsx:Sheet1!B4: error: the two indicator columns name different indicators" in r.stderr


# --- a unit column (ĐVT) in a CSV file, as a workbook has one ----------------------------


def test_a_csv_unit_column_is_checked_against_the_indicator_unit(plan: Path):
    (plan / "t.csv").write_text(
        "STT,Chỉ tiêu,ĐVT,Kỳ,Giá trị\n1,grdp_growth,%,2023,10.5\n2,Vốn FDI thu hút,Million  USD,2023,1500\n",
        encoding="utf-8",
    )
    # 'Vốn FDI thu hút' names two indicators in this plan: the code then.
    text = (plan / "t.csv").read_text(encoding="utf-8").replace("Vốn FDI thu hút", "fdi")
    (plan / "t.csv").write_text(text, encoding="utf-8")
    r = run("add-observation", "--from", "t.csv", "--status", "official")
    assert r.exit_code == 0, r.stderr
    assert _stored(plan) == [["grdp_growth", "2023", "10.5"], ["fdi", "2023", "1500"]]


def test_a_csv_unit_that_is_not_the_indicators_stops_the_row(plan: Path):
    (plan / "t.csv").write_text("indicator,unit,period,value\nfdi,%,2023,1500\n", encoding="utf-8")
    r = run("add-observation", "--from", "t.csv", "--status", "official")
    assert r.exit_code == 1
    assert "t.csv:2: error: the unit '%' is not the unit of fdi in targets.yaml (million USD)" in r.stderr
    assert _stored(plan) == []


def test_a_wide_csv_with_a_unit_column(plan: Path):
    (plan / "t.tsv").write_text("Chỉ tiêu\tĐơn vị tính\t2023\t2024\nGRDP growth\t%\t10,5\t11\n", encoding="utf-8")
    r = run("add-observation", "--from", "t.tsv", "--wide", "--status", "official", "--decimal-comma")
    assert r.exit_code == 0, r.stderr
    assert _stored(plan) == [["grdp_growth", "2023", "10.5"], ["grdp_growth", "2024", "11"]]
    (plan / "u.tsv").write_text("Chỉ tiêu\tĐơn vị tính\t2023\nfdi\ttỷ đồng\t1500\n", encoding="utf-8")
    r = run("add-observation", "--from", "u.tsv", "--wide", "--status", "official")
    assert r.exit_code == 1
    assert "u.tsv:2: error: the unit 'tỷ đồng' is not the unit of fdi" in r.stderr


def test_a_name_two_indicators_share_beside_the_code_of_one_of_them_is_no_disagreement(plan: Path):
    # 'Vốn FDI thu hút' is the Vietnamese name of fdi and of fdi_disbursed: beside the code
    # fdi it agrees with it, and the code says which; it was refused as a shared name.
    (plan / "t.csv").write_text(
        "Mã chỉ tiêu,Tên chỉ tiêu,Kỳ,Giá trị\nfdi,Vốn FDI thu hút,2023,1500\n", encoding="utf-8"
    )
    r = run("add-observation", "--from", "t.csv", "--status", "official")
    assert r.exit_code == 0, r.stderr
    assert _stored(plan) == [["fdi", "2023", "1500"]]
    # Beside the code of neither, it disagrees.
    (plan / "u.csv").write_text(
        "Mã chỉ tiêu,Tên chỉ tiêu,Kỳ,Giá trị\ngrdp_growth,Vốn FDI thu hút,2023,10\n", encoding="utf-8"
    )
    r = run("add-observation", "--from", "u.csv", "--status", "official")
    assert r.exit_code == 1
    assert "'Vốn FDI thu hút' is fdi, fdi_disbursed" in r.stderr
