"""The review documents read as a demanding reader reads them (issue 17, the thirteenth
session's report pass): the officer's Word, Excel, HTML and Markdown reports, in
Vietnamese and English. Each test is a defect found and fixed (docs/decisions.md, "The
thirteenth session's report pass")."""

from __future__ import annotations

import re

from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_chart_is_titled_pygal(shipped: Path, lang: str) -> None:
    """pygal titles a chart given no title "Pygal": a browser showed that word as the
    tooltip of every chart of an HTML report, and a screen reader read it as the chart's
    name, in a Vietnamese document too. The figure's caption names the chart."""
    r = run_clean("report", "--lang", lang, "-o", "r.html", "cbct-share", "budget-revenue-plan-2024")
    assert r.exit_code == 0, r.output
    html = (shipped / "r.html").read_text(encoding="utf-8")
    assert "<svg" in html
    assert "Pygal" not in html
    r = run_clean("report", "--lang", lang, "-o", "r.md", "cbct-share", "budget-revenue-plan-2024")
    assert r.exit_code == 0, r.output
    charts = list((shipped / "r-charts").glob("*.svg"))
    assert len(charts) == 3
    for chart in charts:
        assert "Pygal" not in chart.read_text(encoding="utf-8"), chart.name


def test_since_table_names_indicators_and_units_in_the_reports_language(shipped: Path) -> None:
    """The table of figures added or revised since the last review named each figure by
    its store key alone: `grdp_growth`, `budget_revenue[locality=Cẩm Phả]`, the
    dimension's English id and brackets in a Vietnamese document for the People's
    Committee, where every other table names the indicator. It names the indicator in the
    report's language, the key's code beside it (what `qntrack history` takes), and the
    unit by its name."""
    for args in (
        ("grdp_growth", "2025", "12.05", "--status", "official", "--source", "Cục Thống kê"),
        ("budget_revenue", "2025", "19000", "--dim", "locality=Cẩm Phả", "--source", "UBND Cẩm Phả"),
    ):
        assert run_clean("add-observation", *args).exit_code == 0
    for lang, growth, revenue in (
        ("vi", "Tốc độ tăng trưởng GRDP", "Thu ngân sách nhà nước trên địa bàn"),
        ("en", "GRDP growth", "State budget revenue collected in the area"),
    ):
        r = run_clean(
            "report", "--lang", lang, "--since", "2026-06-30", "grdp-growth-plan-2025", "budget-revenue-plan-2024"
        )
        assert r.exit_code == 0, r.output
        since = r.stdout.split("\n## ")[4]  # headline, groups, summary, then "since the last review"
        rows = [line for line in since.splitlines() if line.startswith("| ") and "|---" not in line][1:]
        assert len(rows) == 2, since
        # No store key's brackets; a figure replaced is marked "\\[1\\]" (its source under the table).
        assert "locality" not in since and "[" not in re.sub(r"\\\[\d+\\\]", "", since).replace("](", "")
        assert rows[0].startswith(f"| {revenue} (budget\\_revenue), Cẩm Phả |"), rows[0]
        assert rows[1].startswith(f"| {growth} (grdp\\_growth) |"), rows[1]


UNITS_ENDED = """\
version: 1
title: {en: "Localities", vi: "Địa phương"}
dimensions:
  locality:
    name: {en: "Locality", vi: "Địa phương"}
    values:
      - {value: "Hạ Long", until: "2025-06-30"}
      - {value: "Vân Đồn", until: "2025-06-30"}
      - {value: "Đặc khu Vân Đồn", since: "2025-07-01", from: ["Vân Đồn"]}
indicators:
  revenue:
    name: {en: "Budget revenue", vi: "Thu ngân sách"}
    unit: {en: "billion VND", vi: "tỷ đồng"}
    measure: flow
    dimensions: [locality]
targets:
  - id: revenue-2026
    type: plan
    indicator: revenue
    period: 2026
    value: 60000
    for_each: locality
    overrides:
      "Đặc khu Vân Đồn": {value: 3000}
  - id: revenue-2024
    type: plan
    indicator: revenue
    period: 2024
    value: 55000
    for_each: locality
    overrides:
      "Vân Đồn": {value: 2000}
"""
UNITS_ENDED_ROWS = """\
indicator,period,value,status,source,note,recorded_at
revenue[locality=Hạ Long],2024,18135,official,,,2025-02-10T00:00:00Z
revenue[locality=Vân Đồn],2024,2500,official,,,2025-02-10T00:00:00Z
revenue[locality=Đặc khu Vân Đồn],2026,3100,official,,,2027-01-10T00:00:00Z
"""


def test_a_unit_that_did_not_exist_in_the_plans_period_is_not_among_its_units(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 2026 plan judged by locality listed the districts abolished on 30 June 2025 among
    its units, each "no plan assigned to this unit" beside its 2024 figure, ranked against
    the units of 2026 and counted in the roll-up ("3 units: 1 achieved, 2 not available"):
    no plan could be assigned to a unit that did not exist in 2026. A unit that existed at
    no time in the target's period is not one of its units (unless targets.yaml gives it a
    value of its own); a 2024 plan still lists the districts of 2024."""
    import json

    make_tracker(tmp_path, monkeypatch, UNITS_ENDED, UNITS_ENDED_ROWS)
    doc = json.loads(run_clean("status", "--format", "json").stdout)
    units = {t["id"]: [u["dims"]["locality"] for u in t["breakdown"]] for t in doc["targets"]}
    assert units == {"revenue-2026": ["Đặc khu Vân Đồn"], "revenue-2024": ["Hạ Long", "Vân Đồn"]}
    md = run_clean("report", "--lang", "vi", "revenue-2026").stdout
    assert "Hạ Long" not in md
    assert "1 đơn vị: 1 đã đạt mục tiêu" in md


def test_the_word_reports_table_of_contents_names_words_command_in_vietnamese(shipped: Path) -> None:
    """The placeholder of a Vietnamese Word report's table of contents told the officer to
    choose "Update Field", the command's name in an English Word only: a Vietnamese Word
    calls it "Cập nhật Trường". Both are named, the Vietnamese first."""
    import docx

    assert run_clean("report", "--lang", "vi", "-o", "r.docx", "cbct-share").exit_code == 0
    texts = [p.text for p in docx.Document(str(shipped / "r.docx")).paragraphs]
    (placeholder,) = [t for t in texts if "Update Field" in t]
    assert "chọn Cập nhật Trường (Update Field)" in placeholder


def test_excel_does_not_flag_the_periods_as_numbers_stored_as_text(shipped: Path) -> None:
    """A period is text ("2025", "2025-H1", "2022-9M" share a column, which must sort as
    written), but Excel marked every year alone ("2023") with its green "number stored as
    text" triangle, on every row of the Summary and Figures sheets: a workbook that looked
    full of errors to the officer re-sorting it. Each sheet tells Excel to ignore that
    check (the `ignoredErrors` element Excel itself writes when told to)."""
    import zipfile

    import openpyxl

    assert run_clean("report", "--lang", "vi", "-o", "r.xlsx").exit_code == 0
    wb = openpyxl.load_workbook(shipped / "r.xlsx")
    assert wb["Tổng hợp"]["G2"].value == "2023" and wb["Tổng hợp"]["G2"].data_type == "s"
    with zipfile.ZipFile(shipped / "r.xlsx") as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
        assert len(sheets) == len(wb.sheetnames)
        for name in sheets:
            xml = z.read(name).decode("utf-8")
            assert '<ignoredErrors><ignoredError sqref="A1:XFD1048576" numberStoredAsText="1"/>' in xml, name


GROUPS_PLAIN = """\
version: 1
title: "Groups"
indicators:
  fdi: {name: {en: "FDI attracted", vi: "Vốn FDI thu hút"}, unit: "million USD", measure: flow}
targets:
  - {id: fdi-2024, type: plan, indicator: fdi, period: 2024, value: 3000, group: "Annual plans"}
  - {id: fdi-2025, type: plan, indicator: fdi, period: 2025, value: 1000,
     group: {en: "Annual plans", vi: "Kế hoạch hằng năm"}}
"""


def test_a_group_named_in_one_language_takes_the_names_another_target_gives_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A target that names its group in one language (`group: "Annual plans"`) beside
    targets naming it in both: a Vietnamese report of that target (or of a plan where it
    came first) headed the group in English, since a group was named by its first member
    among those reported. A plain name that is the English name another target gives the
    group takes both names (docs/decisions.md)."""
    import json

    make_tracker(tmp_path, monkeypatch, GROUPS_PLAIN, "indicator,period,value,status,source,note,recorded_at\n")
    doc = json.loads(run_clean("status", "--format", "json", "--group-by", "group").stdout)
    assert [(g["names"], g["targets"]) for g in doc["groups"]] == [
        ({"en": "Annual plans", "vi": "Kế hoạch hằng năm"}, ["fdi-2024", "fdi-2025"])
    ]
    md = run_clean("report", "--lang", "vi", "fdi-2024").stdout
    assert "| Kế hoạch hằng năm | 1 |" in md
    assert "Annual plans" not in md
