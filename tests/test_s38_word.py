"""The Word report of a national plan in bounded memory (issue 17, thirty-eighth session).

Its paragraphs and tables were kept as lxml elements until the document was saved (about
330 KB a target: 760 MB for the provinces benchmark, 3.4 GB for the independent plan's
10,000 targets), and each chart's CairoSVG tree stayed after it was drawn, the console
process's collector being off. What is written now leaves the tree as compressed text at
each flush (output/docx_body.py), and the report command collects cycles while it draws
(cli.collect_while_drawing; which formats: tests/test_s38_w.py). Counted and compared,
never timed.
"""

from __future__ import annotations

import gc
import zipfile
from pathlib import Path

import pytest

from helpers import run
from test_report_large import _plan

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _tree_sizes(monkeypatch: pytest.MonkeyPatch, folder: Path, targets: int) -> list[int]:
    """The document's elements after each flush, while a Word report of ``targets`` is written."""
    from qntrack.output import report_docx

    sizes: list[int] = []
    flush = report_docx._Writer.flush

    def counted(self):  # type: ignore[no-untyped-def]
        flush(self)
        sizes.append(sum(1 for _ in self.doc.element.iter()))

    with monkeypatch.context() as patched:
        patched.setattr(report_docx._Writer, "flush", counted)
        plan = _plan(folder, targets, years=4)
        done = run("--targets", str(plan), "report", "-o", str(folder / "r.docx"))
    assert done.exit_code == 0, done.stderr
    return sizes


def test_what_a_word_report_wrote_leaves_the_tree_at_each_flush(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Three times the targets, the same tree after every flush: a flush takes what was
    written out of the document (it moved it into the document's body, which grew with the
    plan until the document was saved)."""
    few = _tree_sizes(monkeypatch, tmp_path / "few", 3)
    many = _tree_sizes(monkeypatch, tmp_path / "many", 9)
    assert len(many) > len(few) > 3
    assert max(many) == max(few)


def _document_xml(path: Path) -> bytes:
    return zipfile.ZipFile(path).read("word/document.xml")


def test_the_saved_body_is_what_the_whole_tree_would_be(tmp_path: Path):
    """The pieces spliced into word/document.xml read as one document: the namespaces
    declared once, at its root (lxml writes each piece taken alone with all of them), every
    target's heading in order, and lxml writes the parsed document back to the same bytes."""
    from lxml import etree

    plan = _plan(tmp_path, 5, years=4)
    done = run("--targets", str(plan), "report", "-o", str(tmp_path / "r.docx"))
    assert done.exit_code == 0, done.stderr
    xml = _document_xml(tmp_path / "r.docx")
    assert xml.count(b'xmlns:w="') == 1
    assert b"QNTRACKBODY" not in xml
    root = etree.fromstring(xml)
    assert etree.tostring(root, encoding="UTF-8", standalone=True) == xml
    body = root.find(f"{W}body")
    assert [etree.QName(c).localname for c in root] == ["body"]
    assert etree.QName(body[-1]).localname == "sectPr"  # the section's properties last, as Word wants
    headings = [
        "".join(p.itertext())
        for p in body.iter(f"{W}p")
        if p.find(f"{W}pPr/{W}pStyle") is not None and p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "Heading1"
    ]
    numbered = [h.split(" ", 1)[0] for h in headings if h[:1].isdigit()]
    assert numbered == ["1.", "2.", "3.", "4.", "5."]


def test_each_picture_has_its_own_id_from_one(shipped: Path):
    """Word needs each drawing's id distinct in the document: python-docx gave one more than
    the document's largest, found by searching it whole for each picture; the writer counts
    them now, as 1, 2, 3... in the order the pictures stand."""
    from lxml import etree

    done = run("report", "--format", "docx", "-o", "r.docx", "--as-of", "2026-12-01")
    assert done.exit_code == 0, done.stderr
    root = etree.fromstring(_document_xml(shipped / "r.docx"))
    ns = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
    ids = [int(d.get("id")) for d in root.iter(f"{ns}docPr")]
    assert len(ids) > 3
    assert ids == list(range(1, len(ids) + 1))


def test_an_english_report_marks_vietnamese_words_in_every_piece(shipped: Path):
    """Each piece is marked before it leaves the tree: the last target's Vietnamese source
    (written after many flushes) is marked vi-VN as the first section's is."""
    from lxml import etree

    done = run("report", "--format", "docx", "-o", "r.docx", "--as-of", "2026-12-01")
    assert done.exit_code == 0, done.stderr
    root = etree.fromstring(_document_xml(shipped / "r.docx"))
    marked = [r for r in root.iter(f"{W}r") if r.find(f"{W}rPr/{W}lang") is not None]
    assert marked
    paragraphs = list(root.iter(f"{W}p"))
    where = [paragraphs.index(r.getparent()) for r in marked if r.getparent() in paragraphs]
    assert max(where) > len(paragraphs) * 3 // 4  # in the last quarter of the document too


def test_collecting_while_drawing_turns_the_collector_on_only_for_the_console(monkeypatch: pytest.MonkeyPatch):
    import qntrack.cli as cli

    was = gc.isenabled()
    try:
        gc.disable()
        monkeypatch.setattr(cli, "_ENDS_WITH_THE_COMMAND", False)
        cli.collect_while_drawing()
        assert not gc.isenabled()  # a Python caller of main(): left as it was
        monkeypatch.setattr(cli, "_ENDS_WITH_THE_COMMAND", True)
        cli.collect_while_drawing()
        assert gc.isenabled() and gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        (gc.enable if was else gc.disable)()


def test_no_table_is_held_when_it_is_written_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A table still referenced when it leaves the tree is not freed at once: lxml declares
    its namespaces again on it, node by node, against a cache that grows with them (16 s for
    the summary of 3,000 targets). python-docx's Table held its own in a reference cycle
    (its cached rows and columns), which the console's collector, off, never broke."""
    from lxml import etree

    from qntrack.output import report_docx

    held: list[str] = []
    flush = report_docx._Writer.flush

    def looked(self):  # type: ignore[no-untyped-def]
        scratch = self.body._element
        for o in gc.get_objects():
            if isinstance(o, etree._Element) and etree.QName(o).localname == "tbl":
                if any(a is scratch for a in o.iterancestors()):
                    held.append(repr(gc.get_referrers(o))[:200])
        flush(self)

    monkeypatch.setattr(report_docx._Writer, "flush", looked)
    was = gc.isenabled()
    gc.disable()  # as in a console command (cli._collector_policy)
    try:
        plan = _plan(tmp_path, 4, years=4)
        done = run("--targets", str(plan), "report", "-o", str(tmp_path / "r.docx"))
    finally:
        (gc.enable if was else gc.disable)()
    assert done.exit_code == 0, done.stderr
    assert held == []


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_long_table_written_a_few_rows_at_a_time_is_the_same_document(
    shipped: Path, monkeypatch: pytest.MonkeyPatch, lang: str
):
    """A table of more rows than report_docx._ROWS_AT_ONCE is written out that many rows at
    a time, never held whole (the independent plan's summary of 10,000 rows held some
    200 MB of elements). Four at a time, the shipped plan's summary and units' tables go out
    in pieces, their Vietnamese words marked in the English report as before: the same
    bytes as each table written whole."""
    from qntrack.output import docx_body, report_docx

    args = ("--lang", lang, "report", "--format", "docx", "--as-of", "2026-12-01", "-o")
    whole = run(*args, "whole.docx")
    assert whole.exit_code == 0, whole.stderr
    held: list[int] = []
    take_rows = docx_body.WrittenBody.take_rows

    def counted(self, scratch, marked, rows):  # type: ignore[no-untyped-def]
        held.append(len(rows) + sum(1 for _ in scratch.iter()))
        take_rows(self, scratch, marked, rows)

    monkeypatch.setattr(report_docx, "_ROWS_AT_ONCE", 4)
    monkeypatch.setattr(docx_body.WrittenBody, "take_rows", counted)
    pieces = run(*args, "pieces.docx")
    assert pieces.exit_code == 0, pieces.stderr
    assert len(held) > 10 and max(held) <= 5  # four rows and an empty scratch body at most
    assert (shipped / "pieces.docx").read_bytes() == (shipped / "whole.docx").read_bytes()
