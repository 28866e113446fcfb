"""A file a program keeps beside the one meant, given to ``add-observation --from`` by
mistake: said as what it is, with the file to import.

- Excel's ``~$x.xlsx`` and LibreOffice's ``.~lock.x.xlsx#``, the lock files beside an open
  workbook (issue 17, eighteenth session).
- macOS's ``._x.csv`` (AppleDouble): the Finder's information about ``x.csv``, which a
  Mac writes beside it on a disk that cannot keep it (a FAT USB stick, a network share, a
  zip made by the Finder), and which ``find -name '*.csv'`` lists (twenty-first session).
  Only a file that starts with AppleDouble's magic number is one; a CSV so named is read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..catalog import msg
from ..errors import fail

__all__ = ["refuse_companion"]

_APPLE_DOUBLE = b"\x00\x05\x16\x07"


def refuse_companion(source: str, file: str) -> None:
    """Raise when ``source`` is a lock file or an AppleDouble file; else nothing."""
    base = Path(source).name
    locked = base[2:] if base.startswith("~$") else base[7:-1] if base.startswith(".~lock.") and base[-1] == "#" else ""
    if locked:
        raise fail(file, msg("hostile_documents_lock_file", workbook=locked))
    if base.startswith("._") and len(base) > 2 and _starts_apple_double(source):
        raise fail(file, msg("import_apple_double", file=base[2:]))


def _starts_apple_double(source: str) -> bool:
    try:
        if not stat.S_ISREG(os.stat(source).st_mode):
            return False  # a FIFO would block the look
        with open(source, "rb") as fh:
            return fh.read(4) == _APPLE_DOUBLE
    except OSError:
        return False  # the read says what is wrong
