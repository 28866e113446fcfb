"""Issue 17, thirty-second session, pass U: a unit is named by the plan's name for it in
every Vietnamese output (docs/decisions.md, the thirty-first session, items 11-12's
"Left"). The report's tables said `Hà Nội, Nữ`; `status --by`, `rank`, `show`, the status
table's legend (a target `of:` one unit) and the workbook's Figures and since sheets said
`province=Ha Noi, sex=Female`. Each test was written failing first; the expected words are
the plan's names and the catalog's, typed here by hand. Machine outputs (CSV, JSON) keep
the stored values."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from conftest import make_tracker
from helpers import run_clean
from qntrack import cache
from qntrack.cli import app

PLAN = """\
version: 1
title: National SDG tracker
observations: observations.csv
dimensions:
  province:
    name: {en: Province, vi: Tỉnh}
    values:
      - {value: Ha Noi, names: {vi: Hà Nội}}
      - {value: Quang Ninh, names: {vi: Quảng Ninh}}
      - Bac Ninh
  sex:
    name: {en: Sex, vi: Giới tính}
    values:
      - {value: Male, names: {vi: Nam}}
      - {value: Female, names: {vi: Nữ}}
indicators:
  poverty: {name: {en: Poverty rate, vi: Tỷ lệ hộ nghèo}, unit: '%', direction: decrease, dimensions: [province, sex]}
  pov1: {name: {en: Poverty by province, vi: Nghèo theo tỉnh}, unit: '%', direction: decrease, dimensions: [province]}
targets:
  - {id: poverty-down, indicator: poverty, baseline: 2020, milestones: [{by: 2030, value: 1}], for_each: [province, sex]}
  - {id: pov1-down, indicator: pov1, baseline: 2020, milestones: [{by: 2030, value: 1}], for_each: province}
  - {id: hn-female, indicator: poverty, of: {province: Ha Noi, sex: Female}, baseline: 2020, milestones: [{by: 2030, value: 1}]}
"""
STORE = """\
indicator,period,value,status,source,note,recorded_at
poverty[province=Ha Noi;sex=Female],2020,10,official,A,,2025-01-10T00:00:00Z
poverty[province=Ha Noi;sex=Male],2020,9,official,A,,2025-01-10T00:00:00Z
poverty[province=Bac Ninh;sex=Female],2020,8,official,A,,2025-01-10T00:00:00Z
poverty[province=Quang Ninh;sex=Male],2020,7,official,A,,2025-01-10T00:00:00Z
poverty[province=Ha Noi;sex=Female],2024,6,official,A,,2025-01-10T00:00:00Z
poverty[province=Ha Noi;sex=Male],2024,5,official,A,,2025-01-10T00:00:00Z
poverty[province=Bac Ninh;sex=Female],2024,7,official,A,,2025-01-10T00:00:00Z
poverty[province=Quang Ninh;sex=Male],2024,4,official,A,,2025-01-10T00:00:00Z
pov1[province=Ha Noi],2020,10,official,A,,2025-01-10T00:00:00Z
pov1[province=Quang Ninh],2020,10,official,A,,2025-01-10T00:00:00Z
pov1[province=Ha Noi],2024,6,official,A,,2025-01-10T00:00:00Z
pov1[province=Quang Ninh],2024,8,official,A,,2025-01-10T00:00:00Z
poverty[province=Ha Noi;sex=Female],2024,5.5,official,B,,2025-03-10T00:00:00Z
pov1[province=Quang Ninh],2024,,retracted,,,2025-03-11T00:00:00Z
"""
WIDE = {"COLUMNS": "200"}


@pytest.fixture
def nso(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("QNTRACK_NO_CACHE", raising=False)
    return make_tracker(tmp_path, monkeypatch, PLAN, STORE)


def out(*args: str) -> str:
    r = run_clean(*args, env=WIDE)
    assert r.exit_code == 0, r.stderr
    return r.stdout


# --- status --by -----------------------------------------------------------------------


def test_status_by_names_each_unit_by_its_vietnamese_name(nso: Path) -> None:
    # An officer of a national office reads `status --by province --lang vi`: each unit's
    # row said "↳ province=Ha Noi, sex=Female" under a report whose tables say "Hà Nội, Nữ".
    text = out("status", "--by", "province", "--lang", "vi", "--format", "table")
    for unit in (
        "↳ Hà Nội, Nữ ",
        "↳ Hà Nội, Nam ",
        "↳ Quảng Ninh, Nam ",
        "↳ Bac Ninh, Nữ ",
        "↳ Hà Nội ",
        "↳ Quảng Ninh ",
    ):
        assert unit in text, unit
    assert "province=" not in text and "Female" not in text and "Ha Noi" not in text
    # The legend names the unit as its row does.
    assert "[1] Tỷ lệ hộ nghèo (Hà Nội, Nữ) 2024: 6% → 5,5%" in text
    assert "Nghèo theo tỉnh (Quảng Ninh) 2024: 8% → –" in text


def test_status_by_in_english_is_as_it_was(nso: Path) -> None:
    text = out("status", "--by", "province", "--lang", "en", "--format", "table")
    assert "↳ province=Ha Noi, sex=Female " in text and "↳ Quang Ninh " in text
    assert "[1] Poverty rate (Ha Noi, Female) 2024: 6% → 5.5%" in text


def test_status_by_csv_keeps_the_stored_values(nso: Path) -> None:
    text = out("status", "--by", "province", "--lang", "vi", "--format", "csv")
    assert "poverty-down,Ha Noi,Female," in text and "Hà Nội" not in text and "Nữ" not in text


# --- rank and show ----------------------------------------------------------------------


def test_rank_names_each_unit_by_its_vietnamese_name(nso: Path) -> None:
    text = out("rank", "poverty-down", "--lang", "vi", "--format", "table")
    rows = [line for line in text.splitlines() if line.strip()[:1].isdigit()]
    # Best to worst: Quảng Ninh, Nam (4 from 7), Hà Nội, Nam (5 from 9), Hà Nội, Nữ (5.5 from 10), Bac Ninh, Nữ.
    assert [re.split(r"\s{2,}", line.strip())[1] for line in rows][:4] == [
        "Quảng Ninh, Nam",
        "Hà Nội, Nam",
        "Hà Nội, Nữ",
        "Bac Ninh, Nữ",
    ]
    assert "province=" not in text and "Female" not in text
    assert "[1] Tỷ lệ hộ nghèo (Hà Nội, Nữ) 2024: 6% → 5,5%" in text
    one = out("rank", "pov1-down", "--lang", "vi", "--format", "table")
    assert " Hà Nội " in one and "Ha Noi" not in one and "(Quảng Ninh) 2024: 8% → –" in one


def test_rank_in_english_and_as_data_is_as_it_was(nso: Path) -> None:
    text = out("rank", "poverty-down", "--lang", "en", "--format", "table")
    assert "province=Ha Noi, sex=Female" in text and "[1] Poverty rate (Ha Noi, Female) 2024" in text
    csv = out("rank", "poverty-down", "--lang", "vi", "--format", "csv")
    assert ",Ha Noi,Female," in csv and "Nữ" not in csv
    js = out("rank", "poverty-down", "--lang", "vi", "--format", "json")
    assert '"sex": "Female"' in js and "Nữ" not in js


def test_show_names_units_and_a_targets_own_unit_by_name(nso: Path) -> None:
    text = out("show", "poverty-down", "--lang", "vi")
    assert " Hà Nội, Nữ " in text and "province=" not in text and "Ha Noi, Female" not in text
    one = out("show", "pov1-down", "--lang", "vi")
    assert "Nghèo theo tỉnh (Quảng Ninh) 2024: 8% → –" in one and "(Quang Ninh)" not in one
    # A target judged on one unit (`of:`): its legend names the unit as the report does.
    own = out("show", "hn-female", "--lang", "vi")
    assert "Tỷ lệ hộ nghèo (Hà Nội, Nữ) 2024: 6% → 5,5%" in own and "(Ha Noi, Female)" not in own
    assert "Poverty rate (Ha Noi, Female) 2024" in out("show", "hn-female", "--lang", "en")


# --- the status table and its cache -----------------------------------------------------


def _status(*args: str, cached: bool) -> tuple[int, str, str]:
    env = {**WIDE, **({} if cached else {"QNTRACK_NO_CACHE": "1"})}
    r = CliRunner().invoke(app, ["status", "--format", "table", *args], env=env)
    return r.exit_code, r.stdout, r.stderr


def test_the_status_legend_names_a_targets_unit_warm_and_cold(nso: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # hn-female is judged on one unit; its revision's legend said "(Ha Noi, Female)" in a
    # Vietnamese table, which the status cache keeps drawn. Cold, warm, after an append
    # served warm: the same bytes, naming the unit "Hà Nội, Nữ".
    from qntrack.files import store

    monkeypatch.setattr(store, "utc_now", lambda: "2026-01-01T00:00:00Z")
    colds: list[int] = []
    real = cache._cold

    def counted(*args: object, **kwargs: object) -> object:
        colds.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(cache, "_cold", counted)
    for lang, said in (("vi", "Tỷ lệ hộ nghèo (Hà Nội, Nữ) 2024: 6% → 5,5%"), ("en", "Poverty rate (Ha Noi, Female)")):
        first = _status("--lang", lang, cached=True)
        again = _status("--lang", lang, cached=True)
        plain = _status("--lang", lang, cached=False)
        assert first == again == plain
        assert said in plain[1]
    assert len(colds) == 1  # the second language, and every repeat, served from the cache
    # A revision of the unit's 2024 figure, appended: the cache serves it without a cold run.
    r = run_clean("add-observation", "poverty", "2024", "5.2", "--dim", "province=Ha Noi", "--dim", "sex=Nữ")
    assert r.exit_code == 0, r.stderr
    for lang, said in (
        ("vi", "Tỷ lệ hộ nghèo (Hà Nội, Nữ) 2024: 5,5% → 5,2%"),
        ("en", "Poverty rate (Ha Noi, Female)"),
    ):
        warm = _status("--lang", lang, cached=True)
        assert warm == _status("--lang", lang, cached=False)
        assert said in warm[1]
    assert len(colds) == 1  # the append was served warm


# --- the reports ------------------------------------------------------------------------


def test_the_markdown_report_names_a_targets_own_unit(nso: Path) -> None:
    text = out("report", "--format", "markdown", "--lang", "vi")
    assert "Tỷ lệ hộ nghèo (Hà Nội, Nữ)" in text and "(Ha Noi, Female)" not in text


def _sheet(path: Path, title: str) -> list[tuple]:
    return [tuple(r) for r in openpyxl.load_workbook(path, read_only=True)[title].iter_rows(values_only=True)]


def test_the_workbooks_figures_name_a_unit_and_keep_its_stored_values_last(nso: Path) -> None:
    # A Vietnamese workbook's units sheet wrote "Hà Nội, Nữ", its Figures and since sheets
    # "Ha Noi, Female". The unit column now holds the name; the stored values, which a
    # filter or a script matches the store with, are the last column, in both languages.
    assert run_clean("report", "-o", "vi.xlsx", "--lang", "vi", "--since", "2025-03-01").exit_code == 0
    figures = _sheet(Path("vi.xlsx"), "Số liệu")
    head = figures[0]
    assert head[1] == "Đơn vị (phân tổ)" and tuple(head[-2:]) == ("Đơn vị (phân tổ) như đã lưu", "Ghi chú")
    units = {(r[0], r[1], r[-2]) for r in figures[1:]}  # the figure's note last (session 46)
    assert ("Tỷ lệ hộ nghèo", "Hà Nội, Nữ", "Ha Noi, Female") in units
    assert ("Tỷ lệ hộ nghèo", "Bac Ninh, Nữ", "Bac Ninh, Female") in units
    assert ("Nghèo theo tỉnh", "Quảng Ninh", "Quang Ninh") in units
    since = _sheet(Path("vi.xlsx"), "Từ lần rà soát trước")
    assert since[1][1] == "Đơn vị (phân tổ)" and since[1][-1] == "Đơn vị (phân tổ) như đã lưu"
    assert {(r[1], r[-1]) for r in since[2:]} == {("Hà Nội, Nữ", "Ha Noi, Female"), ("Quảng Ninh", "Quang Ninh")}
    assert run_clean("report", "-o", "en.xlsx", "--lang", "en", "--since", "2025-03-01").exit_code == 0
    figures = _sheet(Path("en.xlsx"), "Figures")
    assert figures[0][-2] == "Unit of breakdown as stored"
    assert ("Poverty rate", "Ha Noi, Female", "Ha Noi, Female") in {(r[0], r[1], r[-2]) for r in figures[1:]}


# --- retract's consequences -------------------------------------------------------------


def test_retract_names_the_unit_whose_status_moves_by_its_name(nso: Path) -> None:
    # "mục tiêu poverty-down, province=Ha Noi, sex=Female: Tiến triển vừa phải → …" was
    # said in Vietnamese; the unit is named as the tables above name it.
    args = ("retract", "poverty", "2024", "--dim", "province=Ha Noi", "--dim", "sex=Female", "--dry-run")
    vi = run_clean("--lang", "vi", *args)
    assert vi.exit_code == 0, vi.output
    assert "mục tiêu poverty-down, Hà Nội, Nữ: Tiến triển vừa phải → " in vi.output
    assert "province=" not in vi.output.split("mục tiêu", 1)[1]
    en = run_clean("--lang", "en", *args)
    assert "target poverty-down, province=Ha Noi, sex=Female: Moderate progress → " in en.output


def test_an_english_name_a_unit_declares_is_used_in_english(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A unit stored as "Ha Noi" and named {en: Hanoi, vi: Hà Nội}: the English tables keep
    # their form ("province=…, sex=…") with the English name, as the English legend and
    # report name it; CSV keeps the stored value.
    make_tracker(tmp_path, monkeypatch, PLAN.replace("names: {vi: Hà Nội}", "names: {en: Hanoi, vi: Hà Nội}"), STORE)
    text = out("rank", "poverty-down", "--lang", "en", "--format", "table")
    assert "province=Hanoi, sex=Female" in text and "[1] Poverty rate (Hanoi, Female) 2024" in text
    assert "Ha Noi" not in text
    assert " Hà Nội, Nữ " in out("rank", "poverty-down", "--lang", "vi", "--format", "table")
    assert ",Ha Noi,Female," in out("rank", "poverty-down", "--format", "csv")
