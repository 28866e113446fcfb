"""A footnote mark after a period heading: `2024 (*)`, `2024*`, `2024(1)`, `2024¹`, as a
yearbook marks a column whose figures a note below the table qualifies (issue 17,
twenty-seventh session). The heading is read as its period; the mark is said, never read
as a status (a note may say "preliminary", or "new boundaries", or anything else)."""

from __future__ import annotations

import re

# One mark at the end of a heading: stars, alone or in brackets; a footnote's number or
# letter in brackets; superscript digits. A status in brackets ("(uoc)") is no mark: it is
# read before this is asked (import_headers.status_heading).
_MARK = re.compile(
    r"^(?P<rest>.*?\S)\s*(?P<mark>\(\s*(?:\*{1,3}|\d{1,2}|[a-z])\s*\)|\*{1,3}|[\u00b9\u00b2\u00b3\u2070-\u2079]+)$"
)


def footnote_mark(heading: str) -> tuple[str, str] | None:
    """(the heading without its mark, the mark) of a heading ending in a footnote mark,
    None for any other. Only the mark's shape is known here: the caller reads the rest as
    a period and passes over a heading that is not one."""
    found = _MARK.match(heading.strip())
    if found is None:
        return None
    return found.group("rest"), found.group("mark")
