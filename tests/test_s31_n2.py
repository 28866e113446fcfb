"""Issue 17, thirty-first session, pass N2: a national office's leftovers (docs/decisions.md,
the thirty-first session, item 8's "Left"). Each test was written failing first; the
expected words are the plan's and the catalog's, typed here by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean
from qntrack.files.unit_cells import unit_matches

PLAN = """\
version: 1
title: National SDG tracker
observations: observations.csv
dimensions:
  province:
    name: {en: Province, vi: Tỉnh}
    values: [Hà Nội, Quảng Ninh]
  sex:
    name: {en: Sex, vi: Giới tính}
    values:
      - {value: Male, names: {vi: Nam}}
      - {value: Female, names: {vi: Nữ}}
indicators:
  poverty: {name: Poverty rate, unit: '%', direction: decrease, dimensions: [province, sex]}
  revenue: {name: Revenue, unit: {en: billion VND, vi: tỷ đồng}, direction: increase}
targets:
  - {id: poverty-down, indicator: poverty, baseline: 2020, milestones: [{by: 2030, value: 1}], for_each: [province, sex]}
"""
HEADER = "indicator,period,value,status,source,note,recorded_at\n"


@pytest.fixture
def nso(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, PLAN, HEADER)


@pytest.mark.parametrize("cell", ["Tỷ lệ (%)", "Tỷ lệ %", "tỉ lệ (%)", "(%)", "( % )", "Percent (%)", "% (%)"])
def test_a_unit_cell_saying_per_cent_in_words_and_sign_is_read_as_per_cent(nso: Path, cell: str) -> None:
    # A yearbook's ĐVT column says "Tỷ lệ (%)" for a rate whose unit in targets.yaml is %.
    Path("u.csv").write_text(
        f"Mã chỉ tiêu,Năm,Tỉnh,Giới tính,ĐVT,Giá trị\npoverty,2020,Hà Nội,Nữ,{cell},12\n", encoding="utf-8"
    )
    r = run_clean("add-observation", "--from", "u.csv", "--status", "official")
    assert r.exit_code == 0, r.stderr
    assert (
        Path("observations.csv")
        .read_text(encoding="utf-8")
        .splitlines()[1]
        .startswith("poverty[province=Hà Nội;sex=Female],2020,12,")
    )


@pytest.mark.parametrize("cell", ["Tỷ lệ", "Tỷ lệ (‰)", "% GRDP (%)", "Tỷ lệ (%) (%)", "lần (%)", "tỷ đồng (%)"])
def test_nothing_else_is_read_as_per_cent(cell: str) -> None:
    assert not unit_matches(cell, "%", "")
    assert not unit_matches(cell, "billion VND", "tỷ đồng")


def test_a_per_cent_cell_is_still_refused_for_a_unit_of_money(nso: Path) -> None:
    Path("u.csv").write_text("Mã chỉ tiêu,Năm,ĐVT,Giá trị\nrevenue,2020,Tỷ lệ (%),12\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "u.csv", "--status", "official")
    assert r.exit_code == 1
    assert "u.csv:2:" in r.stderr and "'Tỷ lệ (%)'" in r.stderr
    assert Path("observations.csv").read_text(encoding="utf-8") == HEADER


def test_an_unknown_column_is_told_the_dimensions_names_and_kept_as_typed(nso: Path) -> None:
    # An office heads its province column "Tỉnh/thành phố": it was told "unknown column
    # 'tỉnh/thành phố' (... a column named after its dimension: province, sex)", the ids
    # alone, and its own heading lower-cased. It is told the headings read, in both
    # languages, and its heading as typed.
    Path("h.csv").write_text(
        "Mã chỉ tiêu,Năm,Tỉnh/thành phố,Giới tính,Giá trị\npoverty,2020,Hà Nội,Nữ,12\n", encoding="utf-8"
    )
    r = run_clean("add-observation", "--from", "h.csv", "--status", "official")
    assert r.exit_code == 1
    assert "h.csv:1: error: unknown column 'Tỉnh/thành phố' (" in r.stderr, r.stderr
    assert r.stderr.rstrip().endswith(
        "; for a breakdown's unit, a column named after its dimension: province, sex, or after its name: Tỉnh, Giới tính)"
    ), r.stderr
    vi = run_clean("--lang", "vi", "add-observation", "--from", "h.csv", "--status", "official")
    assert "h.csv:1: lỗi: không có cột 'Tỉnh/thành phố' (" in vi.stderr, vi.stderr
    assert (
        "đơn vị của phân tổ: một cột mang tên chiều, province, sex, hoặc tên gọi của chiều: Tỉnh, Giới tính)"
        in vi.stderr
    )
    assert Path("observations.csv").read_text(encoding="utf-8") == HEADER
    # A name holding a comma is quoted, as a CSV header must write it; a misspelt name is
    # suggested as the plan writes it.
    Path("targets.yaml").write_text(PLAN.replace("vi: Tỉnh}", "vi: 'Tỉnh, thành phố'}"), encoding="utf-8")
    Path("h.csv").write_text("Mã chỉ tiêu,Năm,Giới tính,Giá trị,Giới tín\npoverty,2020,Nữ,12,x\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "h.csv", "--status", "official")
    assert "unknown column 'Giới tín'; did you mean 'Giới tính'?" in r.stderr, r.stderr
    assert 'province, sex, or after its name: "Tỉnh, thành phố", Giới tính)' in r.stderr, r.stderr
    # Each heading named is read: the table headed so is taken.
    Path("targets.yaml").write_text(PLAN, encoding="utf-8")
    Path("h.csv").write_text("Mã chỉ tiêu,Năm,Tỉnh,Giới tính,Giá trị\npoverty,2020,Hà Nội,Nữ,12\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "h.csv", "--status", "official")
    assert r.exit_code == 0, r.stderr


def test_an_unknown_unit_is_suggested_a_units_name_and_told_the_names(nso: Path) -> None:
    # 'Nu' (Nữ without its marks) was told "valid: Male, Female" with no suggestion: the
    # units' names, which the import reads, were not looked at. A misspelt name is
    # suggested as the plan writes it, and the valid units show their names.
    r = run_clean("add-observation", "poverty", "2020", "3", "--dim", "province=Hà Nội", "--dim", "sex=Nu")
    assert r.exit_code == 1
    assert "'Nu' is not a unit of 'sex' (Sex); did you mean 'Nữ'? valid: Male (Nam), Female (Nữ)" in r.stderr, r.stderr
    vi = run_clean(
        "--lang", "vi", "add-observation", "poverty", "2020", "3", "--dim", "province=Hà Nội", "--dim", "sex=Nữa"
    )
    assert "có phải ý bạn là 'Nữ'? hợp lệ: Male (Nam), Female (Nữ)" in vi.stderr, vi.stderr
    # A value is still suggested as a value, and a unit without names shows its value alone.
    r = run_clean("add-observation", "poverty", "2020", "3", "--dim", "province=Ha Noi", "--dim", "sex=Femal")
    assert "did you mean 'Hà Nội'? valid: Hà Nội, Quảng Ninh" in r.stderr, r.stderr
    assert "did you mean 'Female'? valid: Male (Nam), Female (Nữ)" in r.stderr, r.stderr
    assert Path("observations.csv").read_text(encoding="utf-8") == HEADER


def test_a_name_that_names_no_unit_is_neither_suggested_nor_listed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A name two units share names neither (refused as unknown): it is not offered either;
    # a name that is another unit's value names that unit, and is listed as its value only.
    plan = PLAN.replace("{value: Male, names: {vi: Nam}}", "{value: Male, names: {vi: Khác, fr: Female}}").replace(
        "{value: Female, names: {vi: Nữ}}", "{value: Female, names: {vi: Khác}}"
    )
    make_tracker(tmp_path, monkeypatch, plan, HEADER)
    r = run_clean("add-observation", "poverty", "2020", "3", "--dim", "province=Hà Nội", "--dim", "sex=Khac")
    assert r.exit_code == 1
    assert "'Khac' is not a unit of 'sex' (Sex); valid: Male, Female" in r.stderr, r.stderr


def test_a_reports_notes_name_a_unit_as_its_tables_do(nso: Path) -> None:
    # The Vietnamese report's table says "Hà Nội, Nữ"; its revision note said "Poverty
    # rate (Hà Nội, Female) 2024: 7,1% → 6,8%", the stored value. Every note names the
    # unit as the table does, in each language; the store keeps the declared value.
    Path("observations.csv").write_text(
        HEADER
        + "poverty[province=Hà Nội;sex=Female],2020,9,official,GSO,,2021-01-01T00:00:00Z\n"
        + "poverty[province=Hà Nội;sex=Female],2024,7.1,official,GSO,,2025-01-01T00:00:00Z\n"
        + "poverty[province=Hà Nội;sex=Female],2024,6.8,official,GSO 2,,2025-06-01T00:00:00Z\n",
        encoding="utf-8",
    )
    r = run_clean("--lang", "vi", "report", "--format", "md", "-o", "vi.md")
    assert r.exit_code == 0, r.stderr
    vi = Path("vi.md").read_text(encoding="utf-8")
    assert "| 1 | Hà Nội, Nữ |" in vi
    assert "\\[1\\] Poverty rate (Hà Nội, Nữ) 2024: 7,1% → 6,8%" in vi, vi
    assert "Female" not in vi.split("| 1 | Hà Nội, Nữ |")[1].split("\n\n")[1]
    r = run_clean("report", "--format", "md", "-o", "en.md")
    assert r.exit_code == 0, r.stderr
    assert "\\[1\\] Poverty rate (Hà Nội, Female) 2024: 7.1% → 6.8%" in Path("en.md").read_text(encoding="utf-8")
    # A withdrawn figure's note too.
    r = run_clean("retract", "poverty", "2024", "--dim", "province=Hà Nội", "--dim", "sex=Nữ", "--note", "sai")
    assert r.exit_code == 0, r.stderr
    r = run_clean("--lang", "vi", "report", "--format", "md", "-o", "vi.md")
    vi = Path("vi.md").read_text(encoding="utf-8")
    assert "Poverty rate (Hà Nội, Nữ) 2024" in vi and "Poverty rate (Hà Nội, Female)" not in vi, vi


def test_a_reports_units_without_a_figure_are_named_as_its_tables_name_them(nso: Path) -> None:
    # The line over the units table listed the units with no figure by their store keys,
    # "province=Hà Nội, sex=Male; ...", in a Vietnamese report whose table says "Hà Nội, Nam".
    Path("observations.csv").write_text(
        HEADER
        + "poverty[province=Hà Nội;sex=Female],2020,9,official,GSO,,2021-01-01T00:00:00Z\n"
        + "poverty[province=Hà Nội;sex=Female],2024,7.1,official,GSO,,2025-01-01T00:00:00Z\n",
        encoding="utf-8",
    )
    r = run_clean("--lang", "vi", "report", "--format", "md", "-o", "vi.md")
    assert r.exit_code == 0, r.stderr
    vi = Path("vi.md").read_text(encoding="utf-8")
    assert "1/4 đơn vị được đánh giá; 3 đơn vị chưa có số liệu: Hà Nội, Nam; Quảng Ninh, Nam; Quảng Ninh, Nữ" in vi, vi
    r = run_clean("report", "--format", "md", "-o", "en.md")
    en = Path("en.md").read_text(encoding="utf-8")
    assert "1 of 4 units judged; 3 without a figure: Hà Nội, Male; Quảng Ninh, Male; Quảng Ninh, Female" in en, en
