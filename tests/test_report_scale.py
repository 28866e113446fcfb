"""The Word and Excel reports of a national plan (issue 17, a hostile pass): what makes
them slow is counted, never timed (docs/report.md, "A large plan")."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run
from test_report_large import _plan
from qntrack.output.report_docx import WORD_UNITS
from qntrack.output.report_view import LARGE_PLAN, RECENT
from qntrack.output.report_xlsx_book import word


def _style_lookups(monkeypatch: pytest.MonkeyPatch, folder: Path, years: int, targets: int = 3) -> int:
    """How often python-docx looks a style up by name while a Word report is written."""
    from docx.styles.styles import Styles

    calls = 0
    lookup = Styles.get_style_id

    def counted(self, style, style_type):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += style is not None  # None is answered at once: no walk
        return lookup(self, style, style_type)

    monkeypatch.setattr(Styles, "get_style_id", counted)
    plan = _plan(folder, targets, years=years)
    done = run("--targets", str(plan), "report", "-o", str(folder / "r.docx"))
    assert done.exit_code == 0, done.stderr
    return calls


def test_a_word_table_looks_its_style_up_once_not_per_cell(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Each cell's paragraph was styled by name, and python-docx finds a name by walking
    every style of the document: most of the provinces plan's Word report's time. A table
    of more figures must ask no more often than one of fewer."""
    few = _style_lookups(monkeypatch, tmp_path / "few", years=3)
    many = _style_lookups(monkeypatch, tmp_path / "many", years=12)
    assert many == few


def test_a_word_report_looks_each_style_up_once_not_per_target(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Each heading, paragraph and table was styled by name too: the 10,000 targets of
    the independent shape looked styles up hundreds of thousands of times."""
    few = _style_lookups(monkeypatch, tmp_path / "few", years=3, targets=3)
    more = _style_lookups(monkeypatch, tmp_path / "more", years=3, targets=9)
    assert more == few


def _units_plan(folder: Path, units: int) -> Path:
    """One level target judged in each of ``units`` provinces, with three years each."""
    folder.mkdir(parents=True, exist_ok=True)
    names = ", ".join(f"P{n}" for n in range(units))
    (folder / "targets.yaml").write_text(
        "version: 1\ntitle: Units\n"
        f"dimensions:\n  province: {{name: Province, values: [{names}]}}\n"
        "indicators:\n  i: {name: Indicator, unit: '%', dimensions: [province]}\n"
        "targets:\n  - {id: t, indicator: i, baseline: 2015, milestones: [{by: 2030, value: 90}], for_each: province}\n",
        encoding="utf-8",
    )
    rows = ["indicator,period,value,status,source,note,recorded_at"]
    for k in range(3):
        rows.append(f"i,{2015 + k},{40 + k},official,,,{2016 + k}-06-01T00:00:00Z")
        rows += [
            f"i[province=P{n}],{2015 + k},{30 + n + k},official,,,{2016 + k}-06-01T00:00:00Z" for n in range(units)
        ]
    (folder / "observations.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder / "targets.yaml"


@pytest.mark.parametrize(("units", "drawn"), [(WORD_UNITS, True), (WORD_UNITS + 1, False)])
def test_a_word_units_chart_taller_than_a_page_is_not_drawn(tmp_path: Path, units: int, drawn: bool):
    """A bar per unit: 68 provinces by sex made a chart 52 cm tall, longer than the page,
    that took seconds to draw each (145 of them in the provinces plan). The table ranks
    every unit; the chart is left out, and the document says why."""
    import docx

    plan = _units_plan(tmp_path, units)
    out = tmp_path / "r.docx"
    done = run("--targets", str(plan), "report", "-o", str(out))
    assert done.exit_code == 0, done.stderr
    doc = docx.Document(str(out))
    text = "\n".join(p.text for p in doc.paragraphs)
    # The target's own chart, and its units' when they fit a page.
    assert len(doc.inline_shapes) == (2 if drawn else 1)
    said = f"No chart of the units: {units} units are more than a printed page holds"
    assert (said in text) is not drawn


def _figures(book: Path, lang: str) -> tuple[str | None, list[list]]:
    """The Figures sheet's line above its header (None when there is none) and its rows."""
    import openpyxl

    # Read-only: the values only, in a seventh of the time of the whole workbook's load.
    ws = openpyxl.load_workbook(book, read_only=True)[word("sheet_figures", lang)]
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    top = 0 if rows[0][1] is not None else 1  # a line of one cell, else the header
    return (rows[0][0] if top else None), rows[top + 1 :]


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_large_plans_workbook_lists_each_series_latest_figures(tmp_path: Path, lang: str):
    """Above LARGE_PLAN targets the Figures sheet holds what the HTML report lists, each
    series' latest RECENT figures, says how many it leaves out, and there is no sheet of
    per-target charts; a figure it lists is the small plan's, cell for cell."""
    import openpyxl

    small = _plan(tmp_path / "small", LARGE_PLAN)
    large = _plan(tmp_path / "large", LARGE_PLAN + 1)
    for plan in (small, large):
        done = run("--targets", str(plan), "report", "--lang", lang, "-o", str(plan.parent / "r.xlsx"))
        assert done.exit_code == 0, done.stderr
    note, rows = _figures(large.parent / "r.xlsx", lang)
    assert len(rows) == (LARGE_PLAN + 1) * RECENT
    earlier = (LARGE_PLAN + 1) * (8 - RECENT)
    assert note is not None and f"{earlier:,}".replace(",", "." if lang == "vi" else ",") in note
    assert "qntrack observations --indicator" in note
    assert word("sheet_charts", lang) not in openpyxl.load_workbook(large.parent / "r.xlsx", read_only=True).sheetnames
    none, every = _figures(small.parent / "r.xlsx", lang)
    assert none is None and len(every) == LARGE_PLAN * 8
    t7 = [r for r in every if r[0] == "Indicator 7"]
    assert [r for r in rows if r[0] == "Indicator 7"] == t7[-RECENT:]


def test_a_large_plans_word_report_says_its_earlier_figures(tmp_path: Path):
    import docx

    plan = _plan(tmp_path, LARGE_PLAN + 1)
    done = run("--targets", str(plan), "report", "-o", str(tmp_path / "r.docx"))
    assert done.exit_code == 0, done.stderr
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "r.docx")).paragraphs)
    assert "3 earlier figure(s) are not listed: qntrack observations --indicator i7 lists them all." in text
    assert "a report of more than 200 targets draws none" in text


@pytest.mark.parametrize(
    "text",
    ['x & <y> "z"', " lead", "trail ", "tab\there", "line\nbreak", "cr\rlf\r\n", "\x0b vt", "Hạ Long", "", "  "],
)
def test_a_cell_written_as_xml_reads_as_python_docx_writes_it(text: str):
    """The Word report writes a table's rows as WordprocessingML (a national plan's
    hundred thousand cells through python-docx's objects took minutes): each cell's text
    must read back as python-docx's own run does, breaks, tabs and spaces included."""
    import docx
    from docx.oxml import parse_xml

    from qntrack.output.docx_xml import _W, _run_text, _safe

    mine = parse_xml(f"<w:r {_W}>{_run_text(_safe(text))}</w:r>")
    theirs = docx.Document().add_paragraph().add_run(_safe(text))._r
    assert [(e.tag, e.text or "") for e in mine.iter()][1:] == [(e.tag, e.text or "") for e in theirs.iter()][1:]


def test_the_workbooks_progress_counts_every_sheets_rows_then_says_it_is_packing(tmp_path: Path):
    """The bar reached its end when the Figures sheet was written, then stood still while
    the units' sheets were written and XlsxWriter packed the workbook: 9 of the provinces
    report's 20 s. It counts the units' rows too, against one total, and says when the
    rows are all written and the file is being packed."""
    from qntrack.files.workspace import open_workspace
    from qntrack.output.report import build_report
    from qntrack.output.report_view import REPORT_PACKING, SECTION_DONE
    from qntrack.output.report_xlsx import render_xlsx

    units = 7
    ws = open_workspace(str(_units_plan(tmp_path, units)), None)
    data = build_report(ws.plan, ws.series, ws.store.observations, None, None)
    events: list[tuple] = []
    done_token = SECTION_DONE.set(lambda done, total: events.append(("rows", done, total)))
    packing_token = REPORT_PACKING.set(lambda: events.append(("packing",)))
    try:
        render_xlsx(data, "en")
    finally:
        SECTION_DONE.reset(done_token)
        REPORT_PACKING.reset(packing_token)
    assert events[-1] == ("packing",) and events.count(("packing",)) == 1
    ticks = events[:-1]
    figures = 3 * (1 + units)  # the total's three years and each unit's
    assert {total for _, _, total in ticks} == {figures + units}  # one total: figures, then the units' rows
    assert [done for _, done, _ in ticks] == sorted(done for _, done, _ in ticks)
    assert ticks[-1][1] == figures + units


def test_a_word_report_writes_within_its_own_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """What is written goes to a scratch body first, written out at each flush (moved into
    the document's body until the thirty-eighth session: test_s38_word.py). Kept in a
    document of its own, each flush was a move between lxml documents, and lxml remaps the
    namespace of every node so moved at a cost growing with the nodes already remapped: the
    summary table of the independent plan's 10,000 targets alone took minutes. What a flush
    takes must stand in the one document, and the scratch body must be gone from the
    document saved."""
    import zipfile

    from lxml import etree

    from qntrack.output import report_docx

    flushes, strays = 0, 0
    flush = report_docx._Writer.flush

    def counted(self):  # type: ignore[no-untyped-def]
        nonlocal flushes, strays
        flushes += 1
        strays += sum(child.getroottree().getroot() is not self.doc.element for child in self.body._element)
        flush(self)

    monkeypatch.setattr(report_docx._Writer, "flush", counted)
    plan = _plan(tmp_path, 3, years=3)
    done = run("--targets", str(plan), "report", "-o", str(tmp_path / "r.docx"))
    assert done.exit_code == 0, done.stderr
    assert flushes > 3 and strays == 0
    root = etree.fromstring(zipfile.ZipFile(tmp_path / "r.docx").read("word/document.xml"))
    assert [etree.QName(child).localname for child in root] == ["body"]
