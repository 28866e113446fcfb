"""Session 46, helper D: office documents for a national plan (the year-end review of
~300 targets, 34 provinces, every report format, en and vi)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_a_word_report_says_it_was_made_by_qntrack_not_by_word_for_mac(shipped_vi_docx: Path) -> None:
    """The Word report carried python-docx's template package parts: Windows' Properties >
    Details said "Program name: Microsoft Macintosh Word", "Pages: 1", "Words: 0" of a
    document of dozens of pages, and its thumbnail (what Explorer's and Finder's large icons
    and an e-mail preview show) was a blank page, as if the report were empty."""
    with zipfile.ZipFile(shipped_vi_docx) as z:
        names = z.namelist()
        app = z.read("docProps/app.xml").decode("utf-8")
        rels = z.read("_rels/.rels").decode("utf-8")
        types = z.read("[Content_Types].xml").decode("utf-8")
    assert not [n for n in names if n.startswith("docProps/thumbnail")]
    assert "thumbnail" not in rels
    assert "thumbnail" not in types
    assert re.search(r"<Application>qntrack</Application>", app)
    # No counts that Word did not make: a page or word count of 1 and 0 is false.
    assert "Macintosh" not in app
    for element in ("Pages", "Words", "Characters", "Lines", "Paragraphs", "Template"):
        assert f"<{element}>" not in app


def test_the_workbooks_print_layout_is_said_as_the_workbook_has_it() -> None:
    """docs/report.md said every sheet prints "one page wide"; since the twenty-third
    session a wide sheet prints on as many A4 pages across as keep it at 70 % at least,
    its key column repeated (report_xlsx_print.pages_wide): the Summary of a national plan
    is five pages across, which an officer setting up the printer was told was one."""
    text = (ROOT / "docs" / "report.md").read_text(encoding="utf-8")
    excel = text.split("### Excel (`--format xlsx`)", 1)[1].split("\n### ", 1)[0]
    assert "one page wide" not in excel
    assert "pages across" in excel
