"""The names qntrack makes from a file's name, kept within the file system's limit.

A folder takes names of up to 255 bytes (NAME_MAX: ext4, XFS, Btrfs, APFS, tmpfs; fewer
on some, which ``pathconf`` tells). qntrack makes names from the name of a file it
writes: the temporary file beside it (``.review.md.x1y2z3w4.tmp``, 14 bytes more), the
store's lock (``observations.csv.lock``) and journal (``observations.csv.pending``), a
repair's side file (``observations.csv.interrupted-20240105T101500Z``), a Markdown
report's charts folder. A name of 242-255 bytes that the system had taken was refused
("File name too long") for the name qntrack made from it (issue 17, twenty-ninth
session). One rule now: a made name that would not fit is made from a shortened stem,
the name's leading part (whole characters) and ``~`` and 8 hex digits of a hash of the
whole name, leaving ``ROOM`` bytes for what is added to it. A name that fits is made as
before, so every lock, journal and temporary of a shorter name keeps its name, and two
processes always make the same name for the same file.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["ROOM", "TEMPORARY_ADDS", "beside", "fitted", "name_limit", "shortened", "temporary_prefix"]

NAME_MAX = 255
# The bytes a shortened stem leaves free: the longest suffix qntrack adds to a name (a side
# file's ".interrupted-20240105T101500Z-99", 32 bytes) and then its temporary's 14.
ROOM = 64
# ".", the name, ".", mkstemp's 8 random letters, ".tmp" (starter.write_atomically).
TEMPORARY_ADDS = 14
_SURE = 128  # a name this long with what is added fits every file system qntrack runs on


def name_limit(folder: str | os.PathLike[str]) -> int:
    """The longest name in bytes that ``folder`` takes: its file system's NAME_MAX, at most
    255 (a Windows share may say more in UTF-16 units; bytes are never fewer)."""
    try:
        limit = os.pathconf(os.fspath(folder) or ".", "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):  # no folder yet; Windows has no pathconf
        return NAME_MAX
    return min(limit, NAME_MAX) if limit >= _SURE else NAME_MAX


def _size(text: str) -> int:
    return len(os.fsencode(text))


def shortened(name: str, folder: str | os.PathLike[str]) -> str:
    """``name``'s shortened stem: its leading whole characters, then ``~`` and 8 hex
    digits of the SHA-256 of the whole name, ``ROOM`` bytes short of the folder's limit."""
    import hashlib

    room = name_limit(folder) - ROOM - 9
    kept, used = [], 0
    for char in name:
        used += _size(char)
        if used > room:
            break
        kept.append(char)
    return "".join(kept) + "~" + hashlib.sha256(os.fsencode(name)).hexdigest()[:8]


def fitted(name: str, adds: int, folder: str | os.PathLike[str]) -> str:
    """``name`` when it and ``adds`` bytes more fit a name in ``folder``; else its
    shortened stem (``shortened``)."""
    size = _size(name) + adds
    if size <= _SURE or size <= name_limit(folder):
        return name
    return shortened(name, folder)


def beside(path: Path, suffix: str) -> Path:
    """The file named ``path``'s name and ``suffix`` in ``path``'s folder (a lock, a
    journal, a side file), its name made to fit (``fitted``)."""
    return path.with_name(fitted(path.name, _size(suffix), path.parent) + suffix)


def temporary_prefix(path: Path) -> str:
    """The prefix of the temporary file (or folder) written before it becomes ``path``:
    ``.NAME.``, then mkstemp's 8 letters and ``.tmp``; NAME made to fit (``fitted``)."""
    return "." + fitted(path.name, TEMPORARY_ADDS, path.parent) + "."
