"""A store that holds no row: a byte order mark alone, or blank lines (issue 17, thirty-first
session, pass N). Notepad saving an empty observations.csv as "UTF-8 with BOM" writes the
three bytes of the mark and nothing else; an editor leaves a line end. Every reader and
`check` read such a file as a store with no figure; the writers start it as they start an
empty one, with the header, so that one file is never two things."""

from __future__ import annotations

from pathlib import Path

__all__ = ["blank_store"]

# Read this much at a time: a store's first bytes are its header, so a store with rows is
# told from a blank one by the first read, and a blank one of any size is read through
# (5,000 blank lines were refused by add-observation as "not a qntrack observations file"
# where check and status read them as no figure: one file is one thing to every command).
_CHUNK = 1 << 16
_BLANK = b" \t\r\n\f\v"


def blank_store(path: Path) -> bool:
    """Whether ``path`` is a regular file holding no row: a UTF-8 byte order mark, blank
    lines, spaces or tabs, and nothing else, whatever its size. An empty file is not asked
    about (it is a new store already); a missing or unreadable one is not blank."""
    try:
        if not path.is_file() or not path.stat().st_size:
            return False
        with path.open("rb") as fh:
            chunk = fh.read(_CHUNK).removeprefix(b"\xef\xbb\xbf")
            while chunk:
                if chunk.strip(_BLANK):
                    return False
                chunk = fh.read(_CHUNK)
    except OSError:
        return False
    return True
