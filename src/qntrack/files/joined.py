"""What other offices' tools leave in a text file beside its table (issue 17, seventeenth
session), tidied before the table is read, line numbers kept:

- invisible characters copied from a web page or a document: the zero-width space
  (U+200B), the word joiner (U+2060) and a byte-order mark inside the text (U+FEFF), which
  would make 'growth' an unknown indicator the officer cannot tell from the right one;
- the header repeated, with its byte-order mark or not, where two files were joined
  (``copy /b a.csv+b.csv``): that line holds no figure, so it is left empty (the readers
  pass over an empty line) and said in a warning at its line;
- the end-of-file mark Ctrl-Z (0x1A) that cmd's ``copy a.csv+b.csv all.csv`` (text mode,
  its default for joining) and old DOS tools put last: the file ends there (twentieth
  session). One anywhere else is refused as the cell it is in.
"""

from __future__ import annotations

from ..catalog import msg
from ..plan.model import Location, Problem

__all__ = ["tidied"]

_INVISIBLE = str.maketrans("", "", "\u200b\u2060\ufeff")


def tidied(text: str, file: str) -> tuple[str, list[Problem]]:
    """``text`` without invisible characters and repeated header lines, and a warning for
    each header line left empty."""
    mark = text.rfind("\x1a", -8)
    if mark >= 0 and not text[mark + 1 :].strip("\r\n"):
        text = text[:mark]  # the DOS end-of-file mark: nothing after it is the file's
    if "\u200b" in text or "\u2060" in text or "\ufeff" in text:
        text = text.translate(_INVISIBLE)
    first, _, rest = text.partition("\n")
    header = first.rstrip("\r")
    if not header.strip() or not rest or rest.find(header) < 0:
        return text, []
    lines = text.split("\n")
    said = []
    for i in range(1, len(lines)):
        if lines[i].rstrip("\r") == header:
            lines[i] = ""
            said.append(Problem(Location(file, i + 1), msg("import_header_repeated", line=i + 1), "warning"))
    return ("\n".join(lines), said) if said else (text, [])
