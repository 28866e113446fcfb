"""A workbook file opened for an import (files/workbooks.py reads its table): openpyxl's
read-only book, or one clear message for a file that is not one (an OpenDocument sheet,
a Word file, a damaged archive, a compressed bomb); the sheet to read (the first one
shown, or the one named); its rows, a damaged sheet said as one message.
"""

from __future__ import annotations

import unicodedata

from pathlib import Path
from typing import IO, Any, Iterator

from ..catalog import Message, msg
from ..errors import fail, suggestion

__all__ = ["open_book", "pick_sheet", "sheet_rows", "filled_cells", "damage_words"]


def damage_words(exc: BaseException) -> Message:
    """What openpyxl raised on a damaged workbook, in the reader's words where it can be
    told: a part the archive lacks (zipfile's KeyError, "There is no item named ..."), XML
    that does not parse (at its line and column, as an editor counts them: expat counts
    columns from 0, lxml from 1); anything else in openpyxl's own text, said as its
    (thirty-sixth session: the English text reached a Vietnamese line, as errors.os_words
    mends for the system's)."""
    import re
    from xml.etree.ElementTree import ParseError

    text = str(exc.args[0]) if isinstance(exc, KeyError) and exc.args else str(exc)
    missing = re.fullmatch(r"There is no item named '(.+)' in the archive", text)
    if missing:
        return msg("workbook_part_missing", part=missing[1])
    position = getattr(exc, "position", None)
    if isinstance(exc, SyntaxError) and isinstance(position, tuple) and len(position) == 2:
        line, column = position
        return msg("workbook_xml_damaged", line=line, column=column + (1 if isinstance(exc, ParseError) else 0))
    if isinstance(exc, SyntaxError):
        return msg("workbook_xml_damaged_somewhere")
    return msg("workbook_library_said", text=text or type(exc).__name__)


# The namespace of ISO/IEC 29500 Strict, which Excel writes under "Strict Open XML".
_STRICT = b"http://purl.oclc.org/ooxml/spreadsheetml/main"


def open_book(fh: IO[bytes], name: str, data_only: bool) -> Any:
    """openpyxl's read-only workbook, or one clear message for a file that is not one."""
    import zipfile

    import openpyxl
    from .importing import MAX_IMPORT_BYTES

    reason: object = None
    try:
        fh.seek(0)
        with zipfile.ZipFile(fh) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and b"opendocument" in archive.read("mimetype")[:100]:
                raise fail(name, msg("workbook_ods"))
            if "word/document.xml" in names:
                raise fail(name, msg("hostile_documents_docx"))
            if "xl/workbook.xml" not in names:
                reason = msg("workbook_not_excel")
            elif _STRICT in archive.read("xl/workbook.xml")[:4096]:
                # Excel's "Strict Open XML Spreadsheet": other namespaces, which openpyxl
                # does not read; it said "no sheet of cells" (forty-third session).
                raise fail(name, msg("workbook_strict"))
            elif (lost := _sheet_part_missing(archive, names)) is not None:
                reason = msg("workbook_part_missing", part=lost)
            # The shared strings are read whole: a compressed bomb is refused before.
            elif (
                sum(i.file_size for i in archive.infolist() if i.filename == "xl/sharedStrings.xml") > MAX_IMPORT_BYTES
            ):
                raise fail(name, msg("import_too_large", limit=MAX_IMPORT_BYTES // (1024 * 1024)))
        if reason is None:
            fh.seek(0)
            return openpyxl.load_workbook(fh, read_only=True, data_only=data_only)
    except zipfile.BadZipFile:
        reason = msg("workbook_not_zip")
    except (KeyError, ValueError, TypeError, AttributeError, IndexError, SyntaxError, zipfile.LargeZipFile) as exc:
        # What openpyxl raises on a damaged part (a missing entry, XML that does not parse).
        reason = damage_words(exc)
    if name != "<stdin>" and Path(name).suffix.lower() not in (".xlsx", ".xlsm"):
        # Not named as a workbook and not one inside: a binary file given as CSV, said so.
        # Piped, it began as a workbook does, and is read as one (pass K): said as one.
        raise fail(name, msg("import_binary"))
    raise fail(name, msg("workbook_unreadable", reason=reason))


def _sheet_part_missing(archive: Any, names: set[str]) -> str | None:
    """The first worksheet part the workbook's relationships name that the archive lacks:
    openpyxl passes such a sheet over in silence, and a workbook whose only sheet is lost
    was said to have "no sheet of cells", as if saved empty (thirty-sixth session, pass H).
    None when every part is there, or the relationships cannot be read here (openpyxl then
    says what is wrong with them)."""
    import posixpath
    from xml.etree.ElementTree import ParseError, fromstring

    rels = "xl/_rels/workbook.xml.rels"
    if rels not in names or archive.getinfo(rels).file_size > _RELS_LIMIT:
        return None
    try:
        root = fromstring(archive.read(rels))
    except (ParseError, ValueError):
        return None
    for rel in root:
        target = rel.get("Target") or ""
        if not (rel.get("Type") or "").endswith("/worksheet") or rel.get("TargetMode") == "External" or not target:
            continue
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        if part not in names:
            return part
    return None


# A workbook's relationships name a few parts per sheet: far fewer bytes than this.
_RELS_LIMIT = 4 * 1024 * 1024


def sheet_rows(sheet: Any, name: str) -> Iterator[tuple[int, tuple]]:
    """(row number, cells) of every row, a damaged sheet said as one message."""
    rows = sheet.iter_rows(min_row=1)
    number = 0
    while True:
        try:
            cells = next(rows)
        except StopIteration:
            return
        except (KeyError, ValueError, TypeError, AttributeError, IndexError, SyntaxError) as exc:
            raise fail(name, msg("workbook_unreadable", reason=damage_words(exc))) from None
        number += 1
        yield number, cells


def pick_sheet(book: Any, name: str, wanted: str | None) -> Any:
    """The sheet to read, its rows as wide as their cells: the <dimension> a sheet claims
    is not trusted. A stray cell at XFD1048576 made openpyxl fill every row out to 16,384
    cells, a million rows of them (issue 17, eighteenth session); the rows are padded to the
    table's width where they are read."""
    sheet = _picked(book, name, wanted)
    sheet.reset_dimensions()
    return sheet


def _picked(book: Any, name: str, wanted: str | None) -> Any:
    sheets = [s.title for s in book.worksheets]
    if wanted is None:
        if not sheets:
            raise fail(name, msg("workbook_no_sheets"))
        # The first sheet Excel shows: a hidden one (a working copy, last year's) is read
        # only when named, or its figures would be recorded in place of those on screen.
        return next((s for s in book.worksheets if s.sheet_state == "visible"), book.worksheets[0])
    if wanted in sheets:
        return book[wanted]
    # A name pasted from a Mac's Finder or Numbers arrives decomposed (NFD), or the sheet's
    # was written so: the same name to the eye, the same sheet (twenty-first session).
    same = [s for s in sheets if unicodedata.normalize("NFC", s) == unicodedata.normalize("NFC", wanted)]
    if len(same) == 1:
        return book[same[0]]
    # Excel holds no two sheets whose names differ in case alone, and finds one in any case
    # (upper case is the same sheet as lower case; forty-third session).
    key = unicodedata.normalize("NFC", wanted).casefold()
    same = [s for s in sheets if unicodedata.normalize("NFC", s).casefold() == key]
    if len(same) == 1:
        return book[same[0]]
    if wanted in book.sheetnames:
        raise fail(name, msg("workbook_chartsheet", sheet=wanted, sheets=", ".join(sheets)))
    shown = ", ".join(f"'{s}'" for s in sheets)
    raise fail(name, msg("workbook_no_such_sheet", sheet=wanted, hint=suggestion(wanted, sheets), sheets=shown))


def filled_cells(cells: tuple) -> list[tuple[int, Any]]:
    """(index, value) of each cell of a row that holds something. A row reaching far to the
    right (a cell in XFD, the last column) is 16,384 cells wide, nearly all openpyxl's one
    empty cell: asking each for its value took 20 s for 20,000 such rows (issue 17,
    eighteenth session). A stretch of the row that is all that cell is passed over after
    one count, done at C speed."""
    from openpyxl.cell.read_only import EMPTY_CELL

    filled: list[tuple[int, Any]] = []
    for start in range(0, len(cells), _STRETCH):
        stretch = cells[start : start + _STRETCH]
        try:
            if stretch.count(EMPTY_CELL) == len(stretch):
                continue
        except AttributeError:  # a read cell compared with the empty one (it has no parent)
            pass  # the stretch holds a cell the sheet has: each is asked
        filled.extend((start + i, v) for i, c in enumerate(stretch) if (v := c.value) is not None and v != "")
    return filled


# The cells counted at once by filled_cells: a table's width or more, few enough to count.
_STRETCH = 256
