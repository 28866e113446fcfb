"""The office documents' numbers audited by hand (issue 17, fortieth session, helper W): the
Excel workbook and the Word report, in English and Vietnamese, read back with openpyxl and
python-docx and set against `status --format json`, the markdown report and hand arithmetic
from docs/methodology.md ("How figures are written"). Pass N audited the terminal and the
markdown report; these are the documents an office forwards.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import SHIPPED_DAY, run_clean, shipped_report
from test_s40_n import PATHS

HEADER = "indicator,period,value,status,source,note,recorded_at\n"
AS_OF = ("--as-of", "2024-06-30")


def _workbook(lang: str, *args: str) -> object:
    import openpyxl

    r = run_clean("--lang", lang, "report", "--format", "xlsx", "-o", f"r-{lang}.xlsx", *AS_OF, *args)
    assert r.exit_code == 0, r.output
    return openpyxl.load_workbook(f"r-{lang}.xlsx")


def _places(number_format: str) -> int:
    """The decimals Excel shows a positive value at under ``number_format`` (its first
    section): the zeros after the decimal point."""
    section = number_format.split(";")[0]
    return len(re.sub(r'"[^"]*"', "", section).partition(".")[2].rstrip('%" ').replace("#", ""))


def _docx_text(lang: str, *args: str) -> str:
    """The Word report's text, its paragraphs and table cells one a line, a figure's minus
    (a non-breaking hyphen, docx_xml) read as the "-" it prints."""
    import docx
    from docx.oxml.ns import qn

    r = run_clean("--lang", lang, "report", "--format", "docx", "-o", f"r-{lang}.docx", *AS_OF, *args)
    assert r.exit_code == 0, r.output
    body = docx.Document(f"r-{lang}.docx").element.body
    lines = []
    for p in body.iter(qn("w:p")):
        parts = []
        for x in p.iter(qn("w:t"), qn("w:noBreakHyphen"), qn("w:tab")):
            parts.append(x.text or "" if x.tag == qn("w:t") else "-" if x.tag == qn("w:noBreakHyphen") else " ")
        lines.append("".join(parts))
    return "\n".join(lines)


# --- 1. A path's cells in the workbook at the decimals the path is written with ------------

PATH = """\
version: 1
indicators:
  share: {name: Share, unit: "%"}
targets:
  - id: up
    indicator: share
    baseline: {period: 2020, value: 12.345}
    milestones: [{by: 2025, value: 15}]
"""
PATH_ROWS = (
    HEADER + "share,2020,12.345,official,s,,2021-01-10T00:00:00Z\nshare,2023,13.2,official,s,,2024-01-10T00:00:00Z\n"
)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_workbooks_path_cells_show_the_decimals_the_reports_write_the_path_with(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
):
    """12.345 % in 2020 to 15 % by 2025: the required rate is (15 / 12.345)^(1/5) − 1
    = 1.2150668^(0.2) − 1 = 0.039729 (ln 1.2150668 = 0.194798, a fifth 0.038960), and the
    path stands at 12.345 × 1.039729^3 = 12.345 × 1.123983 = 13.8756 in 2023. The baseline
    was typed with three decimals, so the path and its deviation are written at three
    (docs/methodology.md, "How figures are written"): 13.876 %, and 13.2 − 13.8756 =
    −0.676 pp, in the markdown report, `show` and the Word report. The workbook's Charts
    sheet held 13.8756 under "#,##0.00", shown 13.88: another figure for the same path.
    In 2025 the path reaches the milestone, 15 (the floats' 15.00000000000001), shown "15"
    as the milestone beside it, never 15.000."""
    make_tracker(tmp_path, monkeypatch, PATH, PATH_ROWS)
    shown = json.loads(run_clean("show", "up", "--format", "json", *AS_OF).stdout)
    assert shown["milestones"][0]["trajectory"] == pytest.approx(13.8756, abs=1e-4)
    report = run_clean("--lang", lang, "report", "--format", "markdown", *AS_OF).stdout
    assert ("13.876%" if lang == "en" else "13,876%") in report
    assert ("-0.676 pp" if lang == "en" else "-0,676 điểm %") in report
    ws = _workbook(lang).worksheets[-1]  # the Charts sheet, the last
    path = {ws.cell(row, 1).value: ws.cell(row, 3) for row in range(3, 9)}
    assert path[2023].value == pytest.approx(13.8756, abs=1e-4)
    assert _places(path[2023].number_format) == 3  # 13.876, as the reports write it
    assert _places(path[2021].number_format) == 3  # 12.345 × 1.039729 = 12.8355: 12.835, not 12.84
    assert path[2025].value == pytest.approx(15) and _places(path[2025].number_format) == 0
    assert _places(path[2020].number_format) == 3  # the baseline, 12.345
    assert ("13,876%" if lang == "vi" else "13.876%") in _docx_text(lang)


# --- 2. A change on the same period last year at the decimals the reports write it ---------

PLANS = """\
version: 1
indicators:
  exports: {name: Exports, unit: million USD, measure: flow}
  sales: {name: Sales, unit: t, measure: flow}
targets:
  - {id: exports, type: plan, indicator: exports, period: 2023, value: 50000}
  - {id: sales, type: plan, indicator: sales, period: 2023, value: 2600}
"""
PLAN_ROWS = HEADER + "".join(
    f"{row},official,s,,{day}T00:00:00Z\n"
    for row, day in (
        ("exports,2022,2500", "2023-01-10"),
        ("exports,2023,2575", "2024-01-10"),
        ("sales,2022,2500", "2023-01-10"),
        ("sales,2023,2501", "2024-01-10"),
    )
)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_workbooks_change_on_last_year_shows_what_the_reports_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
):
    """Exports of 2,575 million USD in 2023 against 2,500 in 2022: 2,575 / 2,500 − 1 = 0.03,
    a change of +3 %, and 2,575 / 50,000 = 0.0515, 5.15 % of the plan, written 5.2 % (one
    decimal, half away from zero). Sales of 2,501 t against 2,500: 2,501 / 2,500 − 1 =
    0.0004, +0.04 %, which one decimal would write 0.0, and a figure that is not zero never
    reads 0 (docs/methodology.md, "How figures are written"): the markdown and Word reports
    write "+3%" and "+0.04%". The workbook held 3 and 0.04 under "+#,##0.0%": "+3.0%" and
    "+0.0%", a change of nothing where sales rose."""
    make_tracker(tmp_path, monkeypatch, PLANS, PLAN_ROWS)
    details = {
        t["id"]: t["details"] for t in json.loads(run_clean("status", "--format", "json", *AS_OF).stdout)["targets"]
    }
    assert details["exports"]["change_on_same_period_last_year"] == pytest.approx(3)
    assert details["sales"]["change_on_same_period_last_year"] == pytest.approx(0.04)
    assert details["exports"]["percent_of_plan"] == pytest.approx(5.15)
    comma = (lambda s: s) if lang == "en" else (lambda s: s.replace(".", ","))
    report = run_clean("--lang", lang, "report", "--format", "markdown", *AS_OF).stdout
    for text in ("+3%", comma("+0.04%"), comma("5.2%")):
        assert text in report
        assert text in _docx_text(lang)
    ws = _workbook(lang).worksheets[0]  # the Summary
    heads = [c.value for c in ws[1]]
    share, change = heads.index(ws.cell(1, 15).value) + 1, heads.index(ws.cell(1, 17).value) + 1
    rows = {ws.cell(row, 3).value: row for row in (2, 3)}
    exports, sales = (ws.cell(rows[key], change) for key in ("exports", "sales"))
    assert exports.value == pytest.approx(3) and _places(exports.number_format) == 0
    assert sales.value == pytest.approx(0.04) and _places(sales.number_format) == 2
    assert "%" in sales.number_format.split(";")[0] and sales.number_format.startswith("+")
    cell = ws.cell(rows["exports"], share)
    # 5.15 held as the decimal 5.15 (never 5.1499999999999995, which one decimal shows 5.1).
    assert repr(cell.value) == "5.15" and _places(cell.number_format) == 1


# --- 3. The same period last year at the decimals it was published with --------------------

LAST_YEAR = """\
version: 1
indicators:
  g: {name: Growth, unit: "%", measure: rate}
  x: {name: Exports, unit: million USD, measure: flow}
targets:
  - {id: gp, type: plan, indicator: g, period: 2023, value: 13}
  - {id: xp, type: plan, indicator: x, period: 2023, value: 100}
"""
LAST_YEAR_ROWS = HEADER + "".join(
    f"{row},official,s,,{day}T00:00:00Z\n"
    for row, day in (
        ("g,2022,12.345", "2023-01-10"),
        ("g,2023,12.9", "2024-01-10"),
        ("x,2022,99.995", "2023-01-10"),
        ("x,2023,100.5", "2024-01-10"),
    )
)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_same_period_last_year_keeps_the_decimals_it_was_published_with(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
):
    """A growth of 12.345 % in 2022 and 12.9 % in 2023: the change is 12.9 − 12.345 =
    0.555 points. A figure published with three decimals keeps them (docs/methodology.md,
    "How figures are written": 9.995 %, never "10%"), and a difference is the difference
    of the figures as written: "Same period last year 12.345%", "+0.555 pp". The markdown
    and Word reports and `show` wrote "Against 2022 (12.35%): +0.56 pp" (12.9 − 12.35 is
    0.55) beside a workbook holding 12.345 shown 12.345 and +0.555. Exports of 99.995
    million USD in 2022 were written "100 million USD", the round figure they fell short of;
    2023's 100.5 against them is 100.5 / 99.995 − 1 = 0.00505, +0.5 %."""
    make_tracker(tmp_path, monkeypatch, LAST_YEAR, LAST_YEAR_ROWS)
    details = {
        t["id"]: t["details"] for t in json.loads(run_clean("status", "--format", "json", *AS_OF).stdout)["targets"]
    }
    assert details["gp"]["same_period_last_year"] == 12.345
    assert details["gp"]["difference_on_same_period_last_year"] == pytest.approx(0.555)
    assert details["xp"]["change_on_same_period_last_year"] == pytest.approx(0.505025, abs=1e-6)
    comma = (lambda s: s) if lang == "en" else (lambda s: s.replace(".", ","))
    pp = "pp" if lang == "en" else "điểm phần trăm"  # said in a sentence (helper V)
    report = run_clean("--lang", lang, "report", "--format", "markdown", *AS_OF).stdout
    word = _docx_text(lang)
    shown = " ".join(run_clean("--lang", lang, "show", "gp", *AS_OF).stdout.split())
    for text in (comma("12.345%"), comma(f"+0.555 {pp}"), comma("99.995 million USD"), comma("+0.5%")):
        assert text in report, text
        assert text in word, text
    for wrong in (comma("12.35%"), comma(f"+0.56 {pp}"), "2022 (100 million USD)"):
        assert wrong not in report and wrong not in word, wrong
    assert "| 100 million USD |" not in report and "\n100 million USD\n" not in word  # the figure of 2022
    assert comma("12.345%") in shown and comma(f"+0.555 {pp}") in shown and comma("12.35%") not in shown
    ws = _workbook(lang).worksheets[0]
    rows = {ws.cell(row, 3).value: row for row in (2, 3)}
    same, change = ws.cell(rows["gp"], 16), ws.cell(rows["gp"], 17)
    assert same.value == 12.345 and _places(same.number_format) == 3
    assert change.value == pytest.approx(0.555) and _places(change.number_format) == 3
    assert _places(ws.cell(rows["xp"], 16).number_format) == 3  # 99.995


# --- 4. The Word report's milestones, "Needed from now" included, are the markdown's --------

LEVELS = PATHS  # pass N's plan of a level to keep and an index (tests/test_s40_n.py)
LEVEL_ROWS = HEADER + "".join(
    f"{row},official,s,,{day}T00:00:00Z\n"
    for row, day in (
        ("share,2020,12.345", "2021-01-10"),
        ("share,2023,12.3", "2024-01-10"),
        ("index,2020,100", "2021-01-10"),
        ("index,2021,110.015", "2022-01-10"),
    )
)


def _word_milestones(lang: str, *args: str, report: Path | None = None) -> list[list[str]]:
    """The milestones tables' rows of the Word report made here with ``args``, or of
    ``report`` already made (the shipped plan's, shared by the session's tests)."""
    import docx

    if report is None:
        report = Path(f"m-{lang}.docx")
        run_clean("--lang", lang, "report", "--format", "docx", "-o", str(report), *args)
    rows = []
    for table in docx.Document(str(report)).tables:
        if len(table.rows[0].cells) == 11:  # the milestones table: milestone … reached in
            # A no-break space before a per-cent sign ("-0,35 điểm\u00a0%", so that Word never
            # leaves the sign alone on a line; tests/test_s42_g.py) reads as a space.
            rows += [[c.text.replace("\u00a0", " ") for c in r.cells] for r in table.rows[1:]]
    return rows


def _markdown_milestones(lang: str, *args: str) -> list[list[str]]:
    report = run_clean("--lang", lang, "report", "--format", "markdown", *args).stdout
    rows = []
    for part in report.split("\n### ")[1:]:
        lines = [line for line in part.splitlines() if line.startswith("| ")]
        if lines and len(lines[0].strip("|").split("|")) == 11:
            rows += [[c.strip().replace("**", "") for c in line.strip().strip("|").split("|")] for line in lines[1:]]
    return rows


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_word_reports_milestones_are_the_markdown_reports_worked_by_hand(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
):
    """Read on 2024-06-30. `keep`: 12.345 % to keep by 2025, 12.3 % in 2023. Its path is
    12.345 (a rate of 0), the deviation 12.3 − 12.345 = −0.045 pp; a level to keep not
    reached needs the level, not a pace from now: "–" (forty-second session, tests/test_s42_b.py;
    it was (12.345 / 12.3)^(1/2) − 1 = 0.18 % a year, "+0.2%/yr"); at its pace,
    (12.3 / 12.345)^(1/3) − 1 = −0.1216 % a year, it is 12.3 × 0.998784^2 = 12.27 in 2025.
    `tenth`: 100 to 121 by 2022, 10 % a year ((121 / 100)^(1/2) − 1), its path 110 in 2021,
    110.015 − 110 = +0.015, written +0.02 points; the 2022 deadline has passed with no
    figure, so nothing is needed from now: "–", in the Word report as in the markdown."""
    make_tracker(tmp_path, monkeypatch, LEVELS, LEVEL_ROWS)
    word, markdown = _word_milestones(lang, *AS_OF), _markdown_milestones(lang, *AS_OF)
    assert word == markdown and len(word) == 2
    keep, tenth = word
    comma = (lambda s: s) if lang == "en" else (lambda s: s.replace(".", ","))
    pp = "pp" if lang == "en" else "điểm %"
    assert keep[6:10] == [comma("12.345%"), comma(f"-0.045 {pp}"), "–", comma("12.27%")]
    assert tenth[6:9] == ["110 points", comma("+0.02 points"), "–"]


def test_the_word_reports_milestones_are_the_markdown_reports_on_the_shipped_plan(
    shipped: Path, tmp_path_factory: pytest.TempPathFactory
):
    """Every milestone of the shipped plan, read on 2026-12-01 (tests/test_s40_n.py's day),
    alike in the Word report and the markdown, in both languages. cbct-share: 9.8% of GRDP
    in 2020 to 15 % by 2025, its path 9.8 × (15 / 9.8)^(3/5) = 9.8 × 1.29098 = 12.6516 in
    2023, written 12.65; its deviation 12.3 − 12.6516 = −0.3516, written −0.35; the 2025
    deadline has passed by 2026-12-01 with no 2025 figure, so nothing is needed from now.
    The Word reports are the session's shared ones of the shipped plan on that day
    (helpers.shipped_report: the same command, made once for the five files that read them)."""
    assert SHIPPED_DAY == "2026-12-01"
    for lang in ("en", "vi"):
        word = _word_milestones(lang, report=shipped_report(tmp_path_factory, "docx", lang))
        assert word and word == _markdown_milestones(lang, "--as-of", "2026-12-01")
    assert ["12,65% GRDP", "-0,35 điểm %", "–"] in [row[6:9] for row in word], word


# --- 5. A year recorded in quarters is in the workbook's chart cells, as it is judged ------

QUARTERS = """\
version: 1
indicators:
  x: {name: Exports, unit: million USD, measure: flow, frequency: quarter}
targets:
  - id: lx
    indicator: x
    baseline: {period: 2020, value: 1000}
    milestones: [{by: 2025, value: 2000}]
"""
QUARTER_ROWS = HEADER + "".join(
    f"x,{period},{value},official,s,,{day}T00:00:00Z\n"
    for period, value, day in (
        ("2020", "1000", "2021-01-10"),
        ("2022-Q1", "300.5", "2022-04-10"),
        ("2022-Q2", "300.25", "2022-07-10"),
        ("2022-Q3", "300", "2022-10-10"),
        ("2022-Q4", "300", "2023-01-10"),
    )
)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_year_recorded_in_quarters_is_a_figure_of_the_workbooks_chart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
):
    """Exports of 1,000 million USD in 2020, 2,000 by 2025; 2022 recorded in its four
    quarters, 300.5 + 300.25 + 300 + 300 = 1,200.75, the latest figure the target is judged
    on ("1,200.75 million USD (2022, periods added up)") and drawn in the report's chart.
    The workbook's chart cells took full-year rows only: its "figures" column had 2020
    alone, and its chart drew no figure after the baseline. The path in 2022 is
    1,000 × (2,000 / 1,000)^(2/5) = 1,000 × 1.319508 = 1,319.51."""
    make_tracker(tmp_path, monkeypatch, QUARTERS, QUARTER_ROWS)
    latest = json.loads(run_clean("status", "--format", "json", *AS_OF).stdout)["targets"][0]
    assert latest["latest"]["period"] == "2022" and latest["latest"]["value"] == pytest.approx(1200.75)
    ws = _workbook(lang).worksheets[-1]
    figures = {ws.cell(row, 1).value: ws.cell(row, 2) for row in range(3, 9)}
    assert figures[2020].value == 1000
    assert figures[2022].value == pytest.approx(1200.75) and _places(figures[2022].number_format) == 2
    assert ws.cell(5, 3).value == pytest.approx(1319.508, abs=1e-3)  # the path, 2022
