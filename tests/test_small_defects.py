"""Four small defects of issue 17 (fourteenth session), each pinned by a test written
failing first: a unit formed from one that comes into being later, UTF-16 text without a
byte-order mark said to be binary, a fraction of a second dropped in silence from a moment
of recording, and a column given twice under two spellings named by its English code."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from conftest import dedent, make_tracker
from helpers import problems, run_clean, store_text

PLAN = dedent("""
    version: 1
    title: Kế hoạch phường xã
    timezone: "+07:00"
    dimensions:
      locality:
        name: {en: Locality, vi: Địa phương}
        values:
          - {value: Uông Bí, until: "2025-06-30"}
          - {value: Phường Mới, since: "2025-07-01", from: [Uông Bí, Phường Sau]}
          - {value: Phường Sau, since: "2026-01-01"}
    indicators:
      growth:
        name: {en: Growth, vi: Tăng trưởng GRDP}
        unit: "%"
        measure: rate
        dimensions: [locality]
    targets: []
""")

START = "indicator,period,value,status,source,note,recorded_at\n"


# --- 1. a unit formed from one that comes into being later --------------------------------


def test_a_unit_formed_from_a_later_unit_is_refused_at_its_line():
    found = problems(PLAN)
    assert len(found) == 1, found
    assert found[0].startswith("targets.yaml:9:"), found
    assert "'Phường Mới'" in found[0] and "'Phường Sau'" in found[0], found
    assert "2026-01-01" in found[0] and "2025-07-01" in found[0], found


def test_a_unit_formed_from_units_that_began_before_it_or_the_same_day_is_fine():
    from qntrack.files.definitions import parse_plan

    text = PLAN.replace('since: "2026-01-01"', 'since: "2025-07-01"')
    units = parse_plan(text, "targets.yaml").dimensions["locality"].values or ()
    assert [u.value for u in units] == ["Uông Bí", "Phường Mới", "Phường Sau"]


# --- 2. UTF-16 without a byte-order mark ----------------------------------------------------

SMALL = PLAN.replace(", Phường Sau]", "]").replace('      - {value: Phường Sau, since: "2026-01-01"}\n', "")


@pytest.fixture
def tracker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, SMALL, START)


@pytest.mark.parametrize("order", ["utf-16-le", "utf-16-be"])
def test_a_plan_in_utf16_without_a_bom_is_said_to_be_utf16(tracker: Path, order: str):
    (tracker / "targets.yaml").write_bytes(SMALL.encode(order))
    r = run_clean("check")
    assert r.exit_code == 1, r.output
    assert "targets.yaml: error: targets file looks like UTF-16 text" in r.stderr, r.stderr
    assert "binary" not in r.stderr


@pytest.mark.parametrize("order", ["utf-16-le", "utf-16-be"])
def test_a_store_in_utf16_without_a_bom_is_said_to_be_utf16(tracker: Path, order: str):
    rows = START + "growth[locality=Phường Mới],2025,9.5,estimate,Cục Thống kê tỉnh Quảng Ninh,,2025-08-01T00:00:00Z\n"
    (tracker / "observations.csv").write_bytes(rows.encode(order))
    r = run_clean("status")
    assert r.exit_code == 1, r.output
    assert "observations.csv: error: the observations file looks like UTF-16 text" in r.stderr, r.stderr


@pytest.mark.parametrize("order", ["utf-16-le", "utf-16-be"])
def test_an_import_in_utf16_without_a_bom_is_said_to_be_utf16(tracker: Path, order: str):
    rows = "Chỉ tiêu,Kỳ,Giá trị,Loại số liệu,Nguồn,Địa phương\ngrowth,2025,9.5,ước tính,Cục Thống kê tỉnh,Phường Mới\n"
    (tracker / "nhap.csv").write_bytes(rows.encode(order))
    r = run_clean("add-observation", "--from", "nhap.csv")
    assert r.exit_code == 1, r.output
    assert r.stderr.startswith("nhap.csv: error: "), r.stderr
    assert "UTF-16" in r.stderr and "UTF-8" in r.stderr and "binary" not in r.stderr, r.stderr
    r = run_clean("add-observation", "--from", "-", input=rows.encode(order))
    assert r.exit_code == 1 and "UTF-16" in r.stderr, r.stderr
    assert store_text(tracker) == START


def test_a_binary_file_is_still_binary(tracker: Path):
    (tracker / "nhap.csv").write_bytes(bytes(range(256)) * 4)
    r = run_clean("add-observation", "--from", "nhap.csv")
    assert r.exit_code == 1 and "binary" in r.stderr and "UTF-16" not in r.stderr, r.stderr


# --- 3. a fraction of a second in a moment of recording ----------------------------------


def test_a_typed_moment_with_a_fraction_of_a_second_is_refused(tracker: Path):
    r = run_clean(
        "add-observation", "growth", "2025", "9.5", "--dim", "locality=Phường Mới",
        "--status", "estimate", "--recorded-at", "2025-08-01T10:00:00.5Z",
    )  # fmt: skip
    assert r.exit_code == 1, r.output
    assert "to the second" in r.stderr and "2025-08-01T10:00:00Z" in r.stderr, r.stderr
    assert store_text(tracker) == START


def test_a_zero_fraction_loses_nothing_and_is_taken(tracker: Path):
    r = run_clean(
        "add-observation", "growth", "2025", "9.5", "--dim", "locality=Phường Mới",
        "--status", "estimate", "--recorded-at", "2025-08-01T10:00:00.000Z",
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    assert store_text(tracker).endswith(",2025-08-01T10:00:00Z\n")


def test_an_imported_moment_with_a_fraction_is_refused_at_its_line(tracker: Path):
    (tracker / "nhap.csv").write_text(
        "indicator,period,value,status,recorded_at,locality\n"
        "growth,2025,9.5,estimate,2025-08-01T10:00:00Z,Phường Mới\n"
        "growth,2025,9.6,estimate,2025-08-02T10:00:00,25+07:00,Phường Mới\n".replace(",25+", ".25+"),
        encoding="utf-8",
    )
    r = run_clean("add-observation", "--from", "nhap.csv")
    assert r.exit_code == 1, r.output
    assert r.stderr.startswith("nhap.csv:3: error: "), r.stderr
    assert "to the second" in r.stderr and "2025-08-02T10:00:00+07:00" in r.stderr, r.stderr
    assert store_text(tracker) == START


def test_a_store_row_with_a_fraction_is_refused_at_its_line(tracker: Path):
    row = "growth[locality=Phường Mới],2025,9.5,estimate,,,2025-08-01T10:00:00.5Z\n"
    (tracker / "observations.csv").write_text(START + row, encoding="utf-8")
    r = run_clean("check")
    assert r.exit_code == 1, r.output
    assert "observations.csv:2:" in r.stderr and "to the second" in r.stderr, r.stderr


def test_a_workbook_time_with_a_fraction_is_taken_to_the_nearest_second(tracker: Path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["indicator", "period", "value", "status", "recorded_at", "locality"])
    sheet.append(["growth", "2025", 9.5, "estimate", datetime(2025, 8, 1, 9, 59, 59, 999000), "Phường Mới"])
    book.save(tracker / "nhap.xlsx")
    r = run_clean("add-observation", "--from", "nhap.xlsx")
    assert r.exit_code == 0, r.output
    # 10:00 in the plan's zone (UTC+7): the time a formula such as NOW() saved, to the second.
    assert store_text(tracker).endswith(",2025-08-01T03:00:00Z\n"), store_text(tracker)


# --- 4. a column twice under two spellings --------------------------------------------------


def test_a_column_twice_in_a_csv_is_named_by_its_headings_as_written(tracker: Path):
    (tracker / "nhap.csv").write_text(
        "indicator,Kỳ,value,period,locality\ngrowth,2025,9.5,2025,Phường Mới\n", encoding="utf-8"
    )
    r = run_clean("add-observation", "--from", "nhap.csv", "--status", "estimate")
    assert r.exit_code == 1, r.output
    assert r.stderr.startswith("nhap.csv:1: error: "), r.stderr
    assert "'Kỳ' (column 2)" in r.stderr and "'period' (column 4)" in r.stderr, r.stderr


def test_a_dimension_column_twice_is_named_by_its_headings(tracker: Path):
    (tracker / "nhap.csv").write_text(
        "indicator,period,value,Địa phương,Locality\ngrowth,2025,9.5,Phường Mới,Phường Mới\n", encoding="utf-8"
    )
    r = run_clean("add-observation", "--from", "nhap.csv", "--status", "estimate")
    assert r.exit_code == 1, r.output
    assert "'Địa phương' (column 4)" in r.stderr and "'Locality' (column 5)" in r.stderr, r.stderr


def test_a_column_twice_in_a_wide_table_is_named_by_its_headings(tracker: Path):
    (tracker / "nhap.csv").write_text(
        "indicator,Nguồn,2025,source,locality\ngrowth,Cục,9.5,Cục,Phường Mới\n", encoding="utf-8"
    )
    r = run_clean("add-observation", "--from", "nhap.csv", "--wide", "--status", "estimate")
    assert r.exit_code == 1, r.output
    assert "'Nguồn' (column 2)" in r.stderr and "'source' (column 4)" in r.stderr, r.stderr


def test_a_column_twice_in_a_workbook_is_named_by_its_headings_at_the_second(tracker: Path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([None, "indicator", "Kỳ báo cáo", "value", "Period", "locality"])
    sheet.append([None, "growth", "2025", 9.5, "2025", "Phường Mới"])
    book.save(tracker / "nhap.xlsx")
    r = run_clean("add-observation", "--from", "nhap.xlsx", "--status", "estimate")
    assert r.exit_code == 1, r.output
    assert r.stderr.startswith("nhap.xlsx:Sheet!E1: error: "), r.stderr
    assert "'Kỳ báo cáo' (column 3)" in r.stderr and "'Period' (column 5)" in r.stderr, r.stderr
