"""Issue 17, thirty-fourth session, the lead's passes. Each test was written failing first;
the expected words are what a person must read, worked out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

import qntrack
from conftest import make_tracker
from helpers import run_clean

PLAN = """\
version: 1
title: "Decimal years"
indicators:
  fdi:
    name: "FDI"
    unit: "million USD"
    measure: flow
targets:
  - {id: fdi-2025, type: plan, indicator: fdi, period: 2025, value: 1500}
"""

STORE = """\
indicator,period,value,status,source,note,recorded_at
fdi,2024,2877.8,estimate,Yearbook 2024,,2025-02-07T00:00:00Z
"""


@pytest.fixture
def tracker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, PLAN, STORE)


# --- 1. A year written as a decimal number (pandas' column of years with an empty cell) ---

EN = "'{text}' is not a period: it is the year {year} written as a decimal number"
VI = "'{text}' không phải là một kỳ: đó là năm {year} viết thành số thập phân"


@pytest.mark.parametrize(("typed", "year"), [("2025.0", "2025"), ("2025.00", "2025"), ("1999.0", "1999")])
def test_a_year_typed_as_a_decimal_is_told_the_year(tracker: Path, typed: str, year: str) -> None:
    """pandas writes a column of years holding one empty cell as floats: 2025.0 in every
    row. It was told only "'2025.0' is not a period; valid forms: ...", leaving the
    researcher to find where the .0 came from; it is now told the year and why."""
    before = (tracker / "observations.csv").read_bytes()
    r = run_clean("add-observation", "fdi", typed, "1234.5", "--source", "Report")
    assert r.exit_code == 1
    said = " ".join(r.stderr.split())
    assert EN.format(text=typed, year=year) in said and f"write {year}" in said
    assert "pandas" in said
    r = run_clean("--lang", "vi", "add-observation", "fdi", typed, "1234.5", "--source", "Report")
    assert VI.format(text=typed, year=year) in " ".join(r.stderr.split())
    assert (tracker / "observations.csv").read_bytes() == before


def test_a_csv_of_decimal_years_is_told_at_each_line(tracker: Path) -> None:
    (tracker / "p.csv").write_text(
        "indicator,period,value,status,source\nfdi,2023.0,3130,official,Yearbook\nfdi,2025.0,1200,estimate,Report\n",
        encoding="utf-8",
    )
    before = (tracker / "observations.csv").read_bytes()
    r = run_clean("add-observation", "--from", "p.csv")
    assert r.exit_code == 1
    said = " ".join(r.stderr.split())
    assert f"p.csv:2: error: {EN.format(text='2023.0', year='2023')}" in said
    assert f"p.csv:3: error: {EN.format(text='2025.0', year='2025')}" in said
    assert (tracker / "observations.csv").read_bytes() == before


def test_the_library_tells_a_float_year_the_same(tracker: Path) -> None:
    # The text '2025.0', as a CSV's cell holds it. The float 2025.0 (a number, a pandas
    # column's) was told the same until the thirty-eighth session; it is now read as the
    # year 2025, as a workbook's number cell 2025.0 is (tests/test_s38_l2.py).
    with pytest.raises(qntrack.InputError) as raised:
        qntrack.record_many(
            tracker / "targets.yaml", [{"indicator": "fdi", "period": "2025.0", "value": 1200, "source": "Report"}]
        )
    assert EN.format(text="2025.0", year="2025") in str(raised.value)


@pytest.mark.parametrize("typed", ["2025.5", "2025.1", "12025.0", "0.0"])
def test_other_decimals_are_no_year_told(tracker: Path, typed: str) -> None:
    """Only a whole year written with zero decimals is told its year: 2025.5 is no year,
    and 2025.1 may be a sheet's January (its own words stay)."""
    r = run_clean("add-observation", "fdi", typed, "1234.5", "--source", "Report")
    assert r.exit_code == 1
    assert "written as a decimal number" not in " ".join(r.stderr.split())


# --- 2. A target set for one unit with no figure names it as the plan names it -------------

NAMED_PLAN = """\
version: 1
title: Named provinces
dimensions:
  province:
    name: {en: Province, vi: Tỉnh}
    values:
      - {value: Ha Noi, names: {vi: Hà Nội}}
      - {value: Ha Giang, names: {vi: Hà Giang}}
  sex:
    name: {en: Sex, vi: Giới tính}
    values:
      - {value: Male, names: {vi: Nam}}
      - {value: Female, names: {vi: Nữ}}
indicators:
  forest: {name: {en: Forest cover, vi: Độ che phủ rừng}, unit: '%', dimensions: [province]}
  poverty: {name: {en: Poverty rate, vi: Tỷ lệ hộ nghèo}, unit: '%', direction: decrease, dimensions: [province, sex]}
targets:
  - {id: hg-forest, indicator: forest, of: {province: Ha Giang}, baseline: 2020, milestones: [{by: 2030, value: 60}]}
  - {id: hg-poor-f, indicator: poverty, of: {province: Ha Giang, sex: Female}, baseline: 2020, milestones: [{by: 2030, value: 1}]}
"""
NAMED_STORE = """\
indicator,period,value,status,source,note,recorded_at
forest[province=Ha Noi],2020,40,official,A,,2025-01-10T00:00:00Z
poverty[province=Ha Noi;sex=Female],2020,10,official,A,,2025-01-10T00:00:00Z
"""


@pytest.mark.parametrize(
    ("target", "lang", "said"),
    [
        ("hg-forest", "en", "no figure has been recorded for Ha Giang yet"),
        ("hg-forest", "vi", "chưa có số liệu nào của Hà Giang"),
        ("hg-poor-f", "en", "no figure has been recorded for Ha Giang, Female yet"),
        ("hg-poor-f", "vi", "chưa có số liệu nào của Hà Giang, Nữ"),
    ],
)
def test_a_unit_with_no_figure_is_named_as_the_plan_names_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str, lang: str, said: str
) -> None:
    """Pass N made the sentence name the unit, by its stored values joined: "Ha Giang" in
    Vietnamese where the plan names it Hà Giang, and the page's own title (series_name,
    the thirty-second session's pass U) says "Hà Giang, Nữ". The sentence now names the
    unit as the title does, in both languages; `show` and the report agree."""
    make_tracker(tmp_path, monkeypatch, NAMED_PLAN, NAMED_STORE)
    shown = run_clean("--lang", lang, "show", target)
    assert shown.exit_code == 0, shown.output
    assert said in " ".join(shown.stdout.split())
    report = run_clean("--lang", lang, "report", target, "--format", "md")
    assert report.exit_code == 0, report.output
    assert said in " ".join(report.stdout.split())
