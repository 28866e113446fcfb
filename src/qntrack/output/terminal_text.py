"""Text from a user's file made safe to print on a terminal.

Entry refuses control characters in a source or a note, but a store edited by hand, a
file name or an unknown indicator can still hold one; printed as it is, ESC [ 2 J clears
the screen, OSC 0 retitles the window, CR and BS overwrite what was printed. Each is
shown as an escape instead (``\\x1b``), in messages and in the terminal tables alike;
data formats (csv, json) keep the text as stored.
"""

from __future__ import annotations

import re

# C0 but the tab, DEL, and C1 (U+0080-U+009F: U+009B is a one-byte CSI to some terminals).
_IN_A_LINE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")
# The same, a line feed kept: a table cell may hold several lines, a message may not.
_IN_A_CELL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _escape(found: re.Match[str]) -> str:
    return f"\\x{ord(found.group()):02x}"


def visible(text: str, *, lines: bool = False) -> str:
    """``text`` with every control character shown as ``\\xNN``; with ``lines``, line
    feeds are kept (a table cell), else shown too (a one-line message)."""
    return (_IN_A_CELL if lines else _IN_A_LINE).sub(_escape, text)
