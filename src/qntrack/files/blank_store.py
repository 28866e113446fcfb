"""A store that holds no row: a byte order mark alone, or blank lines (issue 17, thirty-first
session, pass N). Notepad saving an empty observations.csv as "UTF-8 with BOM" writes the
three bytes of the mark and nothing else; an editor leaves a line end. Every reader and
`check` read such a file as a store with no figure; the writers start it as they start an
empty one, with the header, so that one file is never two things."""

from __future__ import annotations

from pathlib import Path

__all__ = ["blank_store"]

# A file larger than this holds more than a mark and a few blank lines: read as it is.
_LIMIT = 4096


def blank_store(path: Path) -> bool:
    """Whether ``path`` is a regular file of a few bytes holding no row: a UTF-8 byte order
    mark, blank lines, spaces or tabs, and nothing else. An empty file is not asked about
    (it is a new store already); a missing or unreadable one is not blank."""
    try:
        if not path.is_file() or not 0 < path.stat().st_size <= _LIMIT:
            return False
        data = path.read_bytes()
    except OSError:
        return False
    return not data.removeprefix(b"\xef\xbb\xbf").strip()
