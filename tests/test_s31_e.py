"""Issue 17, thirty-first session, helper E: an Excel and Word power user opens the
report's documents (docs/report.md, "Excel" and "Word").

- A Word table's formula (Layout > Formula, ``=SUM(ABOVE)``) reads the figures of the
  cells above with the radix point the document declares (ECMA-376 Part 1, 17.15.1.24
  ``decimalSymbol``: "12.345,00" is twelve thousand three hundred and forty-five where the
  symbol is a comma, twelve and 345 thousandths where it is a point). A Vietnamese report
  writes 1.234,5, so it must declare the comma, and the semicolon as its list separator.
- Excel reserves the sheet name "History" (Microsoft's "Rename a worksheet": a name may
  not be "History"); a broken-down target whose id is ``history`` got that sheet.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from docx.oxml.ns import qn

from conftest import dedent, make_tracker
from helpers import run_clean
from qntrack.output.report_xlsx import sheet_name

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# Two districts, one figure each: 1234.5 and 2000 (billion VND) for 2025, against plans
# of 1,000 and 2,500; the province's plan is 3,500.
TARGETS = dedent(
    """
    version: 1
    title: "Power user"
    dimensions:
      district:
        name: {en: District, vi: Huyện}
        values: [Hạ Long, Móng Cái]
    indicators:
      budget_revenue:
        name: {en: Budget revenue, vi: Thu ngân sách}
        unit: {en: billion VND, vi: tỷ đồng}
        measure: flow
        dimensions: [district]
    targets:
      - id: history
        type: plan
        indicator: budget_revenue
        period: 2025
        value: 3500
        for_each: district
        overrides:
          Hạ Long: {value: 1000}
          Móng Cái: {value: 2500}
    """
)
OBSERVATIONS = (
    "indicator,period,value,status,source,note,recorded_at\n"
    "budget_revenue[district=Hạ Long],2025,1234.5,official,Cục Thống kê,,2026-03-01T00:00:00Z\n"
    "budget_revenue[district=Móng Cái],2025,2000,official,Cục Thống kê,,2026-03-01T00:00:00Z\n"
)


@pytest.fixture
def power(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, TARGETS, OBSERVATIONS)


def _report(folder: Path, name: str, lang: str) -> Path:
    out = folder / name
    r = run_clean("report", "--lang", lang, "--as-of", "2026-06-30", "-o", str(out))
    assert r.exit_code == 0, r.output
    return out


def _settings(path: Path) -> dict[str, str]:
    from lxml import etree

    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/settings.xml"))
    return {tag: root.find(qn(f"w:{tag}")).get(qn("w:val")) for tag in ("decimalSymbol", "listSeparator")}


@pytest.mark.parametrize(
    ("lang", "point", "separator", "figure"), [("vi", ",", ";", "1.234,5"), ("en", ".", ",", "1,234.5")]
)
def test_word_reads_the_figures_with_the_reports_own_decimal_sign(
    power: Path, lang: str, point: str, separator: str, figure: str
) -> None:
    """The Vietnamese report writes Hạ Long's 1234.5 as "1.234,5"; Word's =SUM(ABOVE) over
    its column read it as 1.2345 under the template's "." (the figure is in the report)."""
    out = _report(power, f"r-{lang}.docx", lang)
    import docx

    cells = [c.text for t in docx.Document(str(out)).tables for row in t.rows for c in row.cells]
    assert any(figure in text for text in cells), cells
    assert _settings(out) == {"decimalSymbol": point, "listSeparator": separator}


def test_history_is_no_sheet_name_excel_accepts() -> None:
    """Excel refuses to name a sheet History (any case): the name is taken by its
    shared workbooks' change history."""
    assert sheet_name("history", set()) == "history (2)"
    assert sheet_name("HISTORY", set()) == "HISTORY (2)"
    assert sheet_name("history-2025", set()) == "history-2025"


def test_a_target_called_history_gets_a_sheet_excel_opens(power: Path) -> None:
    out = _report(power, "r.xlsx", "en")
    book = openpyxl.load_workbook(io.BytesIO(out.read_bytes()))
    assert "history" not in [n.casefold() for n in book.sheetnames]
    units = book["history (2)"]
    # Its title names the target, so the sheet still says whose units these are.
    assert "(history)" in units["A1"].value
    assert [units.cell(r, 2).value for r in (3, 4)] == ["Hạ Long", "Móng Cái"]  # 123.5 %, then 80 %
