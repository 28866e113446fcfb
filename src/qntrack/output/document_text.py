"""Text from a user's file made visible and inert in a document (HTML, Word, PDF and the
charts' SVG): issue 17, twenty-third session.

A hand edit or a paste can leave in a source, a note or a name a bidirectional override
(U+202E), which a browser and Word obey: "abc<U+202E>evil.com" was laid out as
"abcmoc.live". And a control character (ESC [ 2 J, a bell), which a browser shows as
nothing and ``cat report.html`` on a terminal acts on. A document shows each as the
terminal does (output/terminal_text.py): a control as ``\\x1b``, an invisible character
the text does not need by its code, ``<U+202E>``. What a text needs is kept, as check's
``invisible`` rule judges it (files/checks_text.unneeded_at): an isolate closed around an
Arabic name, a joiner inside an Arabic word or an emoji. A tab and a line feed are kept.
"""

from __future__ import annotations

import re

from ..files.checks_text import unneeded_at

__all__ = ["for_a_document", "sign_kept"]

# C0 but the tab and the line feed, DEL, C1; and what files.invisible.INVISIBLE finds.
_SUSPECT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200d\u202a-\u202e\u2066-\u2069\ufeff]")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def for_a_document(text: str, *, markup: bool = False) -> str:
    """``text`` with each control character shown as ``\\xNN`` and each invisible
    character it does not need as ``<U+XXXX>``; with ``markup`` (an SVG's source), the
    code's angle brackets written as entities."""
    if _SUSPECT.search(text) is None:  # nearly every text: nothing to do
        return text
    opening, closing = ("&lt;", "&gt;") if markup else ("<", ">")
    coded = set(unneeded_at(text))
    pieces = []
    for i, c in enumerate(text):
        if i in coded:
            pieces.append(f"{opening}U+{ord(c):04X}{closing}")
        elif _CONTROL.match(c):
            pieces.append(f"\\x{ord(c):02x}")
        else:
            pieces.append(c)
    return "".join(pieces)


# A space between a word and a per-cent sign: "2.7 points %" (percentage points as
# the Vietnamese say them), a unit "rate %". A document's narrow column wrapped there, the sign alone
# on the next line (the sign under "2.7 points" in the Vietnamese PDF's summary; forty-second session).
_BEFORE_SIGN = re.compile(r"(?<=\w) (?=%)")


def sign_kept(text: str) -> str:
    """``text`` with a space before a per-cent sign after a word made a no-break space
    (U+00A0), which HTML, WeasyPrint and Word never end a line at, so that the sign stays
    with its word. A figure's own sign is already against it ("12,3%")."""
    return _BEFORE_SIGN.sub("\u00a0", text) if " %" in text else text
