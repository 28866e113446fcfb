"""Text from a user's file made safe to print on a terminal.

Entry refuses control characters in a source or a note, but a store edited by hand, a
file name or an unknown indicator can still hold one; printed as it is, ESC [ 2 J clears
the screen, OSC 0 retitles the window, CR and BS overwrite what was printed. Each is
shown as an escape instead (``\\x1b``), in messages and in the terminal tables alike;
data formats (csv, json) keep the text as stored, but printed on a terminal itself
(``for_a_terminal``). The bidirectional controls and zero-width characters (U+202A-U+202E,
U+2066-U+2069, U+200B-U+200D, U+FEFF) are not control characters, but an override reverses
the letters after it on a terminal that lays out right-to-left text ("Trojan Source"), and
a zero-width space splits a word unseen: each is shown by its code (``<U+202E>``), as an
id holding one is echoed (issue 17, twenty-second session).
"""

from __future__ import annotations

import re

# C0 but the tab, DEL, and C1 (U+0080-U+009F: U+009B is a one-byte CSI to some terminals).
_IN_A_LINE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")
# The same, a line feed kept: a table cell may hold several lines, a message may not.
_IN_A_CELL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# files.invisible.INVISIBLE, spelt here: this module is loaded by every message printed.
_UNSEEN = re.compile("[\u200b-\u200d\u202a-\u202e\u2066-\u2069\ufeff]")


def _escape(found: re.Match[str]) -> str:
    return f"\\x{ord(found.group()):02x}"


def visible(text: str, *, lines: bool = False) -> str:
    """``text`` with every control character shown as ``\\xNN``; with ``lines``, line
    feeds are kept (a table cell), else shown too (a one-line message)."""
    escaped = (_IN_A_CELL if lines else _IN_A_LINE).sub(_escape, text)
    return _UNSEEN.sub(_code, escaped)


def _code(found: re.Match[str]) -> str:
    return f"<U+{ord(found.group()):04X}>"


# What a data format (csv, tsv, json, a report to standard output) may not hand a terminal
# as it is: C0 but the tab and a line break (CR LF, LF), a CR alone (it goes back over the
# line), DEL, C1, and the characters shown by their code above.
_TO_A_TERMINAL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200d\u202a-\u202e\u2066-\u2069\ufeff]|\r(?!\n)"
)


def _json_escape(found: re.Match[str]) -> str:
    return f"\\u{ord(found.group()):04x}"


def for_a_terminal(text: str) -> str:
    """A data format's ``text`` as a terminal may be given it: each character a terminal
    would act on (ESC [ 2 J, OSC 52's clipboard, U+009B) or that reorders or hides letters
    written ``\\u001b``, as JSON writes it. Those characters stand only inside a JSON
    document's strings, so the JSON shown is still valid and reads as the stored text; a
    csv cell shows the escape. Only for a terminal: a pipe or a file gets the stored text."""
    return _TO_A_TERMINAL.sub(_json_escape, text)


def controls_shown(text: str) -> str:
    """``text`` with each control character (a line feed too) shown as ``\\xNN``, and
    nothing else changed: a document read as text (the Markdown report, which ``cat`` or
    ``less`` shows) keeps the direction marks a name may need."""
    return _IN_A_LINE.sub(_escape, text)
