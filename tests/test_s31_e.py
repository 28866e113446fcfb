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
import re
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


def _runs(path: Path) -> list[tuple[str, str | None]]:
    """(text, w:lang of the run or None) of every run of the document's body."""
    from lxml import etree

    with zipfile.ZipFile(path) as z:
        body = etree.fromstring(z.read("word/document.xml"))
    out = []
    for r in body.iter(qn("w:r")):
        text = "".join(t.text or "" for t in r.iter(qn("w:t")))
        lang = r.find(f"{qn('w:rPr')}/{qn('w:lang')}")
        out.append((text, None if lang is None else lang.get(qn("w:val"))))
    return out


def test_vietnamese_names_in_an_english_report_are_marked_vietnamese(power: Path) -> None:
    """The English report's spelling language is en-GB; a unit's name, a source from the
    store, written in Vietnamese, were checked as English (every word underlined in red,
    read aloud by a screen reader as English). A run written mostly in Vietnamese words is
    now marked vi-VN; English words keep the document's language."""
    runs = _runs(_report(power, "r-en.docx", "en"))
    marked = {text: lang for text, lang in runs if text}
    assert marked["Hạ Long"] == "vi-VN"
    assert marked["Móng Cái"] == "vi-VN"  # only accents Latin-1 has, still Vietnamese words
    assert marked["Cục Thống kê"] == "vi-VN"
    assert marked["District"] is None and marked["Annual plan"] is None
    assert marked["–"] is None  # a cell without a figure has no words


def test_a_vietnamese_report_needs_no_mark_of_its_own(power: Path) -> None:
    runs = _runs(_report(power, "r-vi.docx", "vi"))
    assert {lang for _, lang in runs} == {None}  # the document's default, vi-VN


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Hạ Long (until 2025-06-30)", ["Hạ Long"]),
        ("Thành phố Hạ Long", ["Thành phố Hạ Long"]),
        ("Ba Chẽ", ["Ba Chẽ"]),
        ("Móng Cái", ["Móng Cái"]),
        ("Cục Thống kê tỉnh Quảng Ninh", ["Cục Thống kê tỉnh Quảng Ninh"]),
        ("phát triển kinh tế", ["phát triển kinh tế"]),
        ("Nghị quyết 01-NQ/TU, 16/11/2020", ["Nghị quyết"]),
        ("10 without a figure: Uông Bí, Đông Triều, Ba Chẽ", ["Uông Bí", "Đông Triều", "Ba Chẽ"]),
        ("Only Cẩm Phả's own estimate was found", ["Cẩm Phả"]),
        ("GRDP of Hạ Long and Cẩm Phả", ["Hạ Long", "Cẩm Phả"]),
        ("HĐND Resolution 176, UBND Quảng Ninh", ["HĐND", "UBND Quảng Ninh"]),
        ("Budget revenue – 3,500 ≥ 2,000", []),
    ],
)
def test_the_vietnamese_words_of_a_text(text: str, spans: list[str]) -> None:
    from qntrack.output.docx_language import vietnamese_spans

    assert [text[a:b] for a, b in vietnamese_spans(text)] == spans


def test_a_sentence_keeps_its_english_words_english(power: Path) -> None:
    """The units' sentence names the units without a figure in English words: only the
    names are marked, the sentence reads as it did (the same text, in its order)."""
    import docx

    out = _report(power, "r-en.docx", "en")
    runs = _runs(out)
    assert ("Hạ Long", "vi-VN") in runs
    for text, lang in runs:
        if lang == "vi-VN":
            assert not re.search(r"\b(units?|figure|target|until)\b", text), text
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert any(
        "1,234.5" in t for t in [c.text for t in docx.Document(str(out)).tables for r in t.rows for c in r.cells]
    )
    assert texts == [p.text for p in docx.Document(str(_report(power, "again.docx", "en"))).paragraphs]
