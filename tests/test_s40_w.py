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
from helpers import run_clean

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
