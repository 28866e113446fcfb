"""Issue 17, thirty-second session, pass L: leftovers of the last sessions, each a defect a
reader meets (docs/decisions.md, the thirty-first session's "Left" lines). Each test was
written failing first; the expected words are the plan's names and the catalog's, typed
here by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean

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
  - {id: qn, indicator: pov1, of: {province: Quang Ninh}, baseline: 2020, milestones: [{by: 2030, value: 1}]}
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
"""
WIDE = {"COLUMNS": "200"}


@pytest.fixture
def nso(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, PLAN, STORE)


def out(*args: str) -> str:
    r = run_clean(*args, env=WIDE)
    assert r.exit_code == 0, r.stderr
    return r.stdout


def line_with(text: str, start: str) -> str:
    return next(line for line in text.splitlines() if line.startswith(start)).rstrip()


# --- 1. A target of one unit is titled by the unit's name, its key kept -------------------


def test_show_titles_a_targets_unit_by_its_name_then_its_key(nso: Path) -> None:
    # The unit table and the legend below say "Hà Nội, Nữ"; the Indicator line said only
    # the store key "poverty[province=Ha Noi;sex=Female]".
    vi = out("--lang", "vi", "show", "hn-female")
    assert (
        line_with(vi, "Chỉ tiêu")
        == "Chỉ tiêu         Tỷ lệ hộ nghèo (Hà Nội, Nữ) [poverty[province=Ha Noi;sex=Female]]"
    )
    en = out("--lang", "en", "show", "hn-female")
    # English: the legend's form, "Poverty rate (Ha Noi, Female)".
    assert (
        line_with(en, "Indicator")
        == "Indicator      Poverty rate (Ha Noi, Female) [poverty[province=Ha Noi;sex=Female]]"
    )
    one = out("--lang", "vi", "show", "qn")
    assert "Nghèo theo tỉnh (Quảng Ninh) [pov1[province=Quang Ninh]]" in one
    # A target of the whole indicator keeps its title: no brackets to add.
    total = out("--lang", "vi", "show", "pov1-down")
    assert line_with(total, "Chỉ tiêu").split(None, 2)[2] == "Nghèo theo tỉnh [pov1]"


def test_history_titles_a_unit_by_its_name_then_its_key(nso: Path) -> None:
    vi = out("--lang", "vi", "history", "poverty", "--dim", "province=Ha Noi", "--dim", "sex=Nữ", "--format", "table")
    assert vi.splitlines()[0].rstrip() == "Tỷ lệ hộ nghèo (Hà Nội, Nữ) [poverty[province=Ha Noi;sex=Female]]"
    en = out("history", "poverty", "--dim", "province=Ha Noi", "--dim", "sex=Female", "2024", "--format", "table")
    assert en.splitlines()[0].rstrip() == "Poverty rate (Ha Noi, Female) [poverty[province=Ha Noi;sex=Female]] 2024"
    plain = out("--lang", "vi", "history", "poverty[province=Quang Ninh;sex=Male]", "--format", "table")
    assert plain.splitlines()[0].rstrip() == "Tỷ lệ hộ nghèo (Quảng Ninh, Nam) [poverty[province=Quang Ninh;sex=Male]]"


def test_history_of_a_unit_as_data_keeps_its_key(nso: Path) -> None:
    js = out("--lang", "vi", "history", "poverty", "--dim", "province=Ha Noi", "--dim", "sex=Nữ", "--format", "json")
    assert '"sex": "Female"' in js and "Hà Nội" not in js and "Nữ" not in js


# --- 2. show's units table marks a revised figure as rank's does --------------------------


def unit_row(text: str, unit: str) -> str:
    return next(line for line in text.splitlines() if f" {unit} " in line and line.strip()[:1].isdigit())


def test_show_marks_a_units_revised_figure_as_rank_does(nso: Path) -> None:
    # Hà Nội, Nữ's 2024 figure 6 was revised to 5.5 on 2025-03-10: rank said "5,5%[1]"
    # with its legend line, show's units table "5,5%" and no legend.
    legend_vi = "[1] Tỷ lệ hộ nghèo (Hà Nội, Nữ) 2024: 6% → 5,5% (chính thức, ghi nhận 10/03/2025; nguồn: B)"
    for command in ("show", "rank"):
        vi = out("--lang", "vi", command, "poverty-down", "--format", "table")
        assert "5,5%[1] (2024)" in unit_row(vi, "Hà Nội, Nữ"), command
        assert "Số liệu điều chỉnh so với số đã công bố trước đó" in vi and legend_vi in vi, command
        assert "[2]" not in vi and "5%[" not in unit_row(vi, "Hà Nội, Nam"), command
        en = out("--lang", "en", command, "poverty-down", "--format", "table")
        assert "5.5%[1] (2024)" in unit_row(en, "province=Ha Noi, sex=Female"), command
        assert "[1] Poverty rate (Ha Noi, Female) 2024: 6% → 5.5%" in en, command


def test_show_before_the_revision_marks_nothing(nso: Path) -> None:
    # Known on 2025-02-01: the 6 alone, which revised nothing.
    for lang in ("vi", "en"):
        text = out("--lang", lang, "show", "poverty-down", "--as-of", "2025-02-01", "--format", "table")
        assert "[1]" not in text and "→" not in text
        assert "6% (2024)" in text


def test_show_json_gives_a_units_revised_figure_as_status_does(nso: Path) -> None:
    import json

    doc = json.loads(out("show", "poverty-down", "--format", "json"))
    units = {(u["dims"]["province"], u["dims"]["sex"]): u for u in doc["breakdown"]}
    latest = units[("Ha Noi", "Female")]["latest"]
    assert (latest["value"], latest["revises"], latest["revises_source"]) == (5.5, 6.0, "A")
    assert latest["revises_recorded_at"] == "2025-01-10T00:00:00Z"
    assert units[("Ha Noi", "Male")]["latest"]["revises"] is None
    before = json.loads(out("show", "poverty-down", "--format", "json", "--as-of", "2025-02-01"))
    early = {(u["dims"]["province"], u["dims"]["sex"]): u for u in before["breakdown"]}
    assert early[("Ha Noi", "Female")]["latest"]["value"] == 6.0
    assert early[("Ha Noi", "Female")]["latest"]["revises"] is None


# --- 3. A unit like a cell reference stays the value axis's text in the workbook ----------

CELL_UNIT_PLAN = """\
version: 1
title: "Cell-like units"
indicators:
  share:
    name: {{en: "Manufacturing share", vi: "Tỷ trọng chế biến"}}
    unit: "{unit}"
    direction: increase
targets:
  - id: top
    indicator: share
    baseline: {{period: 2020, value: 10}}
    milestones:
      - {{by: 2025, value: 20}}
"""
CELL_UNIT_STORE = (
    "indicator,period,value,status,source,note,recorded_at\n"
    "share,2021,12,,s,,2022-01-10T00:00:00Z\n"
    "share,2022,14,,s,,2023-01-10T00:00:00Z\n"
)


@pytest.mark.parametrize("unit", ["Top!A1", "=SUM(A1)", "Sheet1!$B$2", "tỷ đồng"])
@pytest.mark.parametrize(("lang", "sheet", "word"), [("en", "Charts", "Unit"), ("vi", "Biểu đồ", "Đơn vị tính")])
def test_the_value_axis_title_is_the_unit_as_typed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, unit: str, lang: str, sheet: str, word: str
) -> None:
    # XlsxWriter read an axis title like "Top!A1" as a reference to cell A1 of a sheet
    # "Top", which does not exist: Excel showed an error, or another sheet's cell.
    import re
    import zipfile
    from xml.sax.saxutils import escape

    import openpyxl

    make_tracker(tmp_path, monkeypatch, CELL_UNIT_PLAN.format(unit=unit), CELL_UNIT_STORE)
    book = tmp_path / "r.xlsx"
    r = run_clean("report", "--lang", lang, "--as-of", "2026-06-30", "-o", str(book))
    assert r.exit_code == 0, r.output
    assert "Unknown worksheet" not in r.stderr
    with zipfile.ZipFile(book) as z:
        xml = next(z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart"))
    axis = xml.split("<c:valAx>")[1].split("</c:valAx>")[0]
    # The title refers to a cell of the chart's own sheet that holds the unit as typed,
    # and caches that text for a reader that computes nothing.
    (ref,) = re.findall(r"<c:f>(.*?)</c:f>", axis)
    ref_sheet, cell = ref.rsplit("!", 1)
    assert ref_sheet.strip("'") == sheet
    assert f"<c:v>{escape(unit)}</c:v>" in axis
    ws = openpyxl.load_workbook(book)[sheet]
    held = ws[cell.replace("$", "")]
    assert held.value == unit and held.data_type == "s"
    # Beside its label, under the block of cells the chart is drawn from (2020 to 2025).
    assert ws.cell(row=held.row, column=held.column - 1).value == word
    assert [c.value for c in ws[held.row - 1]][0] == 2025


# --- 4. A unit's figure of an earlier year under a later plan says its year ---------------
# A 2025 plan; A has a plan of its own (100) and 90 for 2025; C has no plan and 50 for
# 2025; D has no plan and only 2023's 80. Every output writes D's figure with its period,
# "80 ... (2023)", as the status table writes a total's figure of another period: checked
# here (the thirty-first session's "Left" line), nothing to mend.
LATER_PLAN = """\
version: 1
title: "Plan of 2025"
dimensions:
  district:
    name: {en: District, vi: Huyện}
    values: [A, C, D]
indicators:
  revenue:
    name: {en: Revenue, vi: Thu ngân sách}
    unit: {en: billion VND, vi: tỷ đồng}
    measure: flow
    direction: increase
    frequency: year
    dimensions: [district]
targets:
  - id: rev-plan-2025
    type: plan
    indicator: revenue
    name: {en: Revenue plan 2025, vi: Kế hoạch thu 2025}
    period: 2025
    value: 400
    for_each: district
    overrides:
      A: {value: 100}
"""
LATER_STORE = (
    "indicator,period,value,status,source,note,recorded_at\n"
    "revenue[district=A],2025,90,,s25,,2026-01-10T00:00:00Z\n"
    "revenue[district=C],2025,50,,s25,,2026-01-10T00:00:00Z\n"
    "revenue[district=D],2023,80,,s23,,2024-01-10T00:00:00Z\n"
)


def test_a_units_earlier_years_figure_says_its_year_everywhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import openpyxl

    make_tracker(tmp_path, monkeypatch, LATER_PLAN, LATER_STORE)
    day = ("--as-of", "2026-06-30")
    for lang, figure in (("en", "80 billion VND (2023)"), ("vi", "80 tỷ đồng (2023)")):
        for args in (("rank", "rev-plan-2025"), ("status", "--by", "district"), ("show", "rev-plan-2025")):
            assert figure in out("--lang", lang, *args, "--format", "table", *day), (lang, args)
    md = out("--lang", "vi", "report", "--format", "markdown", *day)
    assert "| D | **Chưa đủ số liệu** | – | – | 80 tỷ đồng (năm 2023) |" in md
    book = tmp_path / "r.xlsx"
    assert run_clean("report", "-o", str(book), *day).exit_code == 0
    rows = [r for r in openpyxl.load_workbook(book)["rev-plan-2025"].iter_rows(min_row=3, values_only=True) if r[0]]
    assert [(r[1], r[5], r[6]) for r in rows] == [
        ("A", "2025", 90),
        ("C", "2025", 50),
        ("D", "2023", 80),
    ]  # 2023 after 2025 (test_s32_lead)


# --- 5. "The year has ended" is the method's rule in the narrative too ------------------
# cbct-share (shipped): baseline 2020; by the end of 2022 the only figure recorded after it
# is 2022-9M (12.3, recorded 2022-09-20). On 31 December 2022 the year 2022 is still under
# way: only 2021 ended without its figure. On 1 January 2023 both had.


@pytest.mark.parametrize(
    ("day", "years_en", "years_vi"), [("2022-12-31", "2021", "2021"), ("2023-01-01", "2021–2022", "2021–2022")]
)
def test_a_year_ends_on_its_last_day_in_the_narrative(shipped: Path, day: str, years_en: str, years_vi: str) -> None:
    en = " ".join(out("show", "cbct-share", "--as-of", day).split())
    assert f"none is recorded for {years_en}, only part-year readings (the latest: January–September 2022)" in en
    vi = " ".join(out("--lang", "vi", "show", "cbct-share", "--as-of", day).split())
    assert f"chưa có số liệu cả năm nào cho {years_vi}, chỉ có số liệu một phần năm" in vi


def test_the_narratives_year_ended_is_the_methods_rule(shipped: Path) -> None:
    from datetime import date

    from qntrack.files.workspace import open_workspace
    from qntrack.kinds import assess
    from qntrack.method.assessment import ended
    from qntrack.output.narrative import _years_of_parts_only
    from qntrack.plan.periods import Period

    ws = open_workspace(Path("targets.yaml"), "2022-12-31")
    (a,) = assess(ws.plan, ws.series, ["cbct-share"], date(2022, 12, 31))
    assert a.reason == "no_annual_figure" and str(a.provisional.period) == "2022-9M"
    for today, years in (
        (None, (2021, 2021)),  # a Python caller without a day: 2022 may still run
        (date(2022, 9, 30), (2021, 2021)),
        (date(2022, 12, 31), (2021, 2021)),
        (date(2023, 1, 1), (2021, 2022)),
        (date(2031, 6, 1), (2021, 2022)),
    ):
        assert _years_of_parts_only(a, today) == years, today
        assert (years[1] == 2022) == ended(Period(2022), today), today
