"""A file that is no table of figures, given to ``add-observation --from`` by mistake:
said as what it is, before anything is read, with the file to import or the way to make it.

- Excel's ``~$x.xlsx`` and LibreOffice's ``.~lock.x.xlsx#``, the lock files beside an open
  workbook (issue 17, eighteenth session).
- macOS's ``._x.csv`` (AppleDouble): the Finder's information about ``x.csv``, which a
  Mac writes beside it on a disk that cannot keep it (a FAT USB stick, a network share, a
  zip made by the Finder), and which ``find -name '*.csv'`` lists (twenty-first session).
  Only a file that starts with AppleDouble's magic number is one; a CSV so named is read.
- A Numbers document (``x.numbers``, a zip, or a folder copied from an older Mac), which
  qntrack does not read and Numbers exports as .xlsx or CSV (twenty-first session).
- A plan (``--from targets.yaml``): told "not a table of figures ... give --delimiter",
  advice that led nowhere; told it is the plan, and what --from takes (forty-seventh
  session, helper L).
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from ..catalog import msg
from ..errors import ExitCode, fail

__all__ = ["refuse_a_plan", "refuse_not_an_import"]

_APPLE_DOUBLE = b"\x00\x05\x16\x07"


def refuse_not_an_import(source: str, file: str) -> None:
    """Raise when ``source`` is a lock file, an AppleDouble file or a Numbers document;
    else nothing. An empty path (a Python caller's ``""``; the command refuses ``--from ""``
    itself) is said as one: read, it would be the current folder."""
    if source == "":
        raise fail("source", msg("library_import_source_empty"), ExitCode.USAGE)
    base = Path(source).name
    if base.lower().endswith(".numbers") and os.path.exists(source):
        raise fail(file, msg("import_numbers_document"))
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


# A plan's top-level 'indicators:' or 'targets:' with its entries below (nothing after the
# colon but a comment): no line of a table of figures is so written.
_PLAN_KEY = re.compile(r"^(?:indicators|targets)[ \t]*:[ \t]*(?:#.*)?\r?$", re.MULTILINE)


def refuse_a_plan(data: bytes, file: str) -> None:
    """Raise when ``data`` (a file given to --from, read) is a plan, targets.yaml or a copy
    of one, whatever its name; else nothing. Its first 64 KiB are looked at."""
    head = data[:65536].decode("utf-8", "replace")
    if _PLAN_KEY.search(head):
        raise fail(file, msg("s47l_import_plan_file"))
