"""The status table printed: a slice of rows at a time, and kept for the status cache.

Rich lays a table out whole before it writes a character: about 1.7 ms a row on this
machine, so a national plan's 10,000 targets drew nothing for 15-30 s on a terminal and
then everything at once. When the status table's columns have fixed widths
(``render._fit``), a row is drawn the same whatever rows surround it, so the rows can be
drawn ``SLICE`` at a time, each slice written as soon as it is drawn: the first screen
comes at once and Ctrl-C works between slices. What reaches the terminal is byte for byte
the whole table's (tests/test_render_rows.py): the first slice carries the title and the
header; each slice is a table of its own, so the blank edge line Rich draws below one and
above the next is taken out where two slices meet.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Callable

from rich.console import Console
from rich.table import Table

if TYPE_CHECKING:
    from ..cache import DrawnTables

__all__ = ["SLICE", "print_in_slices"]

# Rows a slice: a screenful or more, and few enough to be drawn in about a third of a second.
SLICE = 200


def print_in_slices(
    console: Console, table: Callable[[int, int], Table], count: int, *, edges: bool, size: int = SLICE
) -> str:
    """Write ``table(first, last)`` for each slice of ``count`` rows; the text written.

    ``edges``: whether the table draws its top and bottom edge lines (Rich's ``show_edge``),
    which are then taken out between slices.
    """
    written: list[str] = []
    bounds = list(range(0, count, size)) or [0]
    for n, first in enumerate(bounds):
        last = min(first + size, count)
        with console.capture() as capture:
            console.print(table(first, last))
        text = capture.get()
        if edges:
            lines = text.split("\n")  # the text ends with a line feed: the last item is ""
            if n > 0:
                lines = lines[1:]  # the top edge, already drawn above the first slice
            if n < len(bounds) - 1:
                lines = lines[:-2] + [""]  # the bottom edge, drawn below the last slice
            text = "\n".join(lines)
        console.file.write(text)
        console.file.flush()
        written.append(text)
    return "".join(written)


def _print(console: Console, what: object, how: str | None, drawn: DrawnTables | None) -> None:
    if how is None or drawn is None:
        console.print(what)
        return
    # Rich writes exactly what a capture returns (Console._write_buffer on a plain
    # stream), so the captured text is both printed and kept.
    with console.capture() as capture:
        console.print(what)
    text = capture.get()
    console.file.write(text)
    console.file.flush()
    drawn.put(how, text)


def _how(console: Console, lang: str) -> str | None:
    """Everything besides the rows that decides the drawn text; None: do not keep it.

    Rich's own reading of the terminal and the environment (NO_COLOR, FORCE_COLOR, TERM,
    COLUMNS...) ends up in these attributes. Rich's own files are in it too, so an upgrade
    draws afresh. Jupyter and legacy Windows consoles write differently: not kept.
    """
    if console.is_jupyter or console.legacy_windows or sys.platform == "win32":
        return None
    import rich

    folder = os.path.dirname(rich.__file__)
    files = []
    for name in ("console.py", "table.py", "text.py", "segment.py", "style.py", "color.py"):
        try:
            st = os.stat(os.path.join(folder, name))
        except OSError:
            return None
        files.append((name, st.st_size, st.st_mtime_ns))
    return repr(
        (
            lang,
            console.width,
            console.height,
            console.color_system,
            console.no_color,
            console.encoding,
            console.is_terminal,
            console.is_dumb_terminal,
            console.options.ascii_only,
            folder,
            files,
        )
    )
