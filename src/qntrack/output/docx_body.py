"""The Word report's body, kept as compressed text once written (output/report_docx.py).

A national plan's report holds hundreds of thousands of paragraphs and table cells. Kept
as python-docx's lxml elements until the document was saved, they took about 330 KB a
target: 760 MB for the provinces benchmark's 145 targets, 3.4 GB for the independent
plan's 10,000 (issue 17). Each piece the writer finishes is here serialized as the whole
document would serialize it, compressed, and taken out of the tree; the saved
``word/document.xml`` is python-docx's with the pieces spliced in where the body's
content goes, so the bytes are the ones the whole tree would have given.
"""

from __future__ import annotations

import zlib
from typing import Any, BinaryIO, Callable, Iterator

__all__ = ["WrittenBody"]

# Where the pieces go, in the document python-docx saves: a paragraph no text can spell
# (a text's "<" is written "&lt;"), put before the body's section properties.
_MARK_ATTRIBUTE = "QNTRACKBODY"


class WrittenBody:
    """The body's pieces, in order, each as compressed UTF-8 XML."""

    def __init__(self, document: Any, scratch: Any) -> None:
        from docx.oxml import OxmlElement
        from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type information

        self._etree = etree
        # lxml writes an element taken alone with every namespace declared above it; in
        # the whole document those are the root's only. Found once from an empty
        # paragraph where the pieces stand, and taken off each piece.
        probe = OxmlElement("w:p")
        scratch.append(probe)
        alone = etree.tostring(probe, encoding="UTF-8")
        scratch.remove(probe)
        self._declared = alone[len(b"<w:p") : -len(b"/>")]
        # The scratch body empty, as lxml writes it alone; its opening tag when it holds
        # something is the same, ended by ">".
        self._empty = etree.tostring(scratch, encoding="UTF-8", with_tail=False)
        self._open = self._empty[: -len(b"/>")] + b">"
        self._pieces: list[bytes] = []
        self.size = 0  # the uncompressed bytes, as the zip entry states them
        self._document = document

    def take(self, scratch: Any, marked: Callable[[Any], None]) -> None:
        """What ``scratch`` holds, ``marked``, then kept as the document would write it;
        ``scratch`` left empty."""
        marked(scratch)
        # Written whole, once a flush: its children inside it, as in the whole document
        # (the declarations copied onto it alone taken off with its tags). One call for a
        # target's section, not one for each of its paragraphs and tables: each of those
        # copied the root's declarations, then was compressed on its own.
        text = self._etree.tostring(scratch, encoding="UTF-8", with_tail=False)
        if text.startswith(self._open) and text.endswith(b"</w:body>"):
            self._add(text[len(self._open) : -len(b"</w:body>")])
        elif text != self._empty:
            element = None
            for element in scratch:
                self._add(self._piece(self._etree.tostring(element, encoding="UTF-8", with_tail=False)))
            element = None
        # All at once, with no reference left to them: lxml then frees what it takes out. An
        # element taken out while referenced has its namespaces declared again on it, a walk
        # of its nodes against a cache that grows with them: the independent plan's summary
        # table (10,000 rows) took minutes, as moving it between documents once did.
        scratch.clear()

    def take_open(self, scratch: Any, marked: Callable[[Any], None]) -> bool:
        """As ``take``, the table ``scratch`` ends with left open (its closing tag held back)
        for rows written after it by ``take_rows``; False, and nothing taken, when lxml
        writes the body otherwise than ``take`` reads it, or it does not end with a table.

        A table of thousands of rows (the independent plan's summary: 10,000) built whole
        held some 200 MB of elements before its flush: the largest part of a national Word
        report's memory once the rest went out at each flush."""
        marked(scratch)
        text = self._etree.tostring(scratch, encoding="UTF-8", with_tail=False)
        end = b"</w:tbl></w:body>"
        if not (text.startswith(self._open) and text.endswith(end)):
            return False
        self._add(text[len(self._open) : -len(end)])
        scratch.clear()
        return True

    def take_rows(self, scratch: Any, marked: Callable[[Any], None], rows: list[Any]) -> None:
        """``rows`` (a table's rows, elements of their own), ``marked``, kept as they stand
        in the table ``take_open`` left open; ``rows`` emptied, as lxml frees a row no
        reference holds (``take``)."""
        from docx.oxml import OxmlElement

        # In a table of their own in the body, to be written as they are in the document's
        # table (namespaces in scope alike), its own tags taken off.
        holder = OxmlElement("w:tbl")
        scratch.append(holder)
        for row in rows:
            holder.append(row)
        rows.clear()
        marked(holder)
        text = self._etree.tostring(holder, encoding="UTF-8", with_tail=False)
        opened = b"<w:tbl" + self._declared + b">"
        if text.startswith(opened) and text.endswith(b"</w:tbl>"):
            self._add(text[len(opened) : -len(b"</w:tbl>")])
        else:
            row = None
            for row in holder:
                self._add(self._piece(self._etree.tostring(row, encoding="UTF-8", with_tail=False)))
            row = None
        holder = None
        scratch.clear()

    def take_close(self) -> None:
        """The closing tag of the table ``take_open`` left open."""
        self._add(b"</w:tbl>")

    def _piece(self, text: bytes) -> bytes:
        """One element written alone, the declarations lxml copied onto it taken off."""
        at = text.find(b" ")
        if at > 0 and text.startswith(self._declared, at):
            text = text[:at] + text[at + len(self._declared) :]
        return text

    def _add(self, text: bytes) -> None:
        if not text:
            return
        # Level 1: a tenth of the text's size at a fraction of the default level's time;
        # the zip entry is compressed again at the default level when the document is saved.
        self._pieces.append(zlib.compress(text, 1))
        self.size += len(text)

    def mark(self, end: Any) -> None:
        """Put the mark of where the pieces go before ``end`` (the body's section properties),
        or at the body's end when it has none."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        mark = OxmlElement("w:p")
        mark.set(qn("w:rsidR"), _MARK_ATTRIBUTE)
        if end is None:
            self._document.element.body.append(mark)
        else:
            end.addprevious(mark)

    def spliced(self, document_xml: bytes) -> tuple[int, Iterator[bytes]]:
        """The size of ``document_xml`` (python-docx's, holding the mark) with the pieces in
        the mark's place, and its bytes a piece at a time."""
        mark = f'<w:p w:rsidR="{_MARK_ATTRIBUTE}"/>'.encode("ascii")
        at = document_xml.index(mark)
        head, tail = document_xml[:at], document_xml[at + len(mark) :]

        def pieces() -> Iterator[bytes]:
            yield head
            for piece in self._pieces:
                yield zlib.decompress(piece)
            yield tail

        return len(head) + self.size + len(tail), pieces()


def write_entry(archive: Any, entry: Any, size: int, pieces: Iterator[bytes]) -> None:
    """Write one zip entry of ``size`` bytes a piece at a time, as ``writestr`` would write
    it whole (it states the size first, then compresses the data as one stream)."""
    entry.file_size = size
    out: BinaryIO
    with archive.open(entry, mode="w") as out:
        for piece in pieces:
            out.write(piece)
