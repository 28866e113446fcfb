"""What a long import shows on a terminal while it works (issue 17).

A national file of 300,000 rows takes tens of seconds to read, check against the store
and append; a command that says nothing for that long looks hung. The import tells what
it is doing (``importing.IMPORT_STEP``), and this shows it as one status line: on
standard error, only on a terminal, only for a file large enough to wait for, and
transient (gone when the command ends). A pipe, a log or a script sees none of it, as
with the report's progress bar (cli/report.py).
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from typing import Iterator

# A file of this many bytes or more (about ten thousand rows) shows what the import does.
STATUS_FROM = 1 << 20


@contextmanager
def import_status(source: str, lang: str) -> Iterator[None]:
    """While the import of ``source`` runs, its steps on a status line (above)."""
    if source == "-" or not sys.stderr.isatty() or _size(source) < STATUS_FROM:
        yield
        return
    from rich.console import Console

    from ..catalog import render
    from ..files.importing import IMPORT_STEP

    with Console(stderr=True).status("") as status:
        token = IMPORT_STEP.set(lambda message: status.update(render(message, lang)))
        try:
            yield
        finally:
            IMPORT_STEP.reset(token)


def _size(source: str) -> int:
    """The file's size, or 0 when it cannot be asked (the import says why it cannot read it)."""
    try:
        return os.stat(source).st_size
    except (OSError, ValueError):
        return 0
