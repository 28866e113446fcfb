"""qntrack's Excel report saved again by a spreadsheet program (issue 17, twenty-first
session).

The appendix opened in LibreOffice Calc or Numbers and saved as .xlsx is a new archive:
the mark qntrack wrote (the archive's comment, files/outputs.py) is gone, so an import of
it read each of its sheets' headings as unknown columns, a dozen errors that did not say
why. The document's properties keep their author, which qntrack writes as "qntrack"
(output/report_xlsx.py) and those programs leave as it was: a workbook whose author is
qntrack is the report, whatever wrote it last. qntrack writes no other workbook.
"""

from __future__ import annotations

import re
import zipfile
from typing import IO

__all__ = ["saved_again_report"]

_CORE = "docProps/core.xml"
_AUTHOR = re.compile(rb"<(?:[\w.-]+:)?creator\b[^>]*>\s*qntrack\s*</")
_MOST = 64 * 1024  # the document's properties are a few hundred bytes


def saved_again_report(path: str | IO[bytes]) -> bool:
    """Whether the workbook at ``path`` (or read from a pipe, its bytes) names qntrack as its author. Anything that does
    not open as an archive with those properties is not one (the import says what it is)."""
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo(_CORE)
            if info.file_size > _MOST:
                return False
            with archive.open(info) as fh:
                return _AUTHOR.search(fh.read(_MOST)) is not None
    except (OSError, KeyError, ValueError, RuntimeError, EOFError, zipfile.BadZipFile, NotImplementedError):
        return False
