"""What a long import or report shows on a terminal while it works (issue 17).

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
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

if TYPE_CHECKING:
    from ..catalog import Message

# A file of this many bytes or more (about ten thousand rows) shows what the import does.
STATUS_FROM = 1 << 20


@contextmanager
def import_status(source: str, lang: str) -> Iterator[None]:
    """While the import of ``source`` runs, its steps on a status line (above)."""
    if source == "-" or not sys.stderr.isatty() or _size(source) < STATUS_FROM:
        yield
        return
    from rich.console import Console
    from rich.text import Text

    from ..catalog import render
    from ..files.importing import IMPORT_STEP
    from .printing import _visible

    def show(message: Message) -> None:
        # As plain text: a file's name is no markup ('so-lieu [v2].csv' kept its brackets
        # only so), and its control characters are shown escaped, as in every message.
        status.update(Text(_visible(render(message, lang))))

    with Console(stderr=True).status("") as status:
        token = IMPORT_STEP.set(show)
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


@contextmanager
def report_status(lang: str) -> Iterator[Callable[[Message, Path], None]]:
    """A report's status line while it reads the plan and the store and assesses them,
    before its progress bar (cli/report.py): ``show(message, store)`` puts ``message`` on
    it when standard error is a terminal and the store is large enough to wait for. The
    line is gone before the progress bar starts (one live display at a time)."""
    shown: list = []

    def show(message: Message, store: Path) -> None:
        if not shown and (not sys.stderr.isatty() or _size(str(store)) < STATUS_FROM):
            return
        from rich.spinner import Spinner
        from rich.text import Text

        from ..catalog import render
        from .printing import _visible

        line = Spinner("dots", Text(_visible(render(message, lang))))
        if not shown:
            from rich.console import Console
            from rich.live import Live

            shown.append(Live(line, console=Console(stderr=True), transient=True, refresh_per_second=12.5))
            shown[0].start()
        # Drawn at once: a step done within the spinner's tick was otherwise never shown.
        shown[0].update(line, refresh=True)

    try:
        yield show
    finally:
        if shown:
            shown[0].stop()
