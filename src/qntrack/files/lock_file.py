"""The store's lock file (``observations.csv.lock``, files.appending.store_lock): its
name, made to fit (files.name_room); what may stand at it (a plain file, or nothing);
and a reader's look at it, which never waits (issue 17, twenty-ninth session). Apart from
files.appending and files.journal, so that the warm status imports no more than this."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..catalog import Message

__all__ = ["lock_path", "open_lock_to_read", "refuse_odd_lock"]


def open_lock_to_read(lock: str | os.PathLike[str]) -> int:
    """The store's lock file opened by a reader, to see whether a writer holds it: without
    waiting (a FIFO at its name would make ``open`` wait for ever for a writer) and only
    when it is a plain file (OSError otherwise: no writer can hold it, for every writer
    refuses it, refuse_odd_lock)."""
    fd = os.open(lock, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise IsADirectoryError(lock)  # any OSError: read as "no lock file"
    return fd


def lock_path(path: Path) -> str:
    """The store's lock file: beside the real file, its name made to fit (files.name_room)."""
    from .name_room import beside
    from .textfiles import real_path

    return str(beside(real_path(path), ".lock"))


_ODD_LOCKS = (
    (stat.S_ISDIR, "store_lock_is_folder"),
    (stat.S_ISLNK, "store_lock_is_link"),
    (stat.S_ISFIFO, "store_lock_is_fifo"),
    (stat.S_ISSOCK, "store_lock_is_socket"),
)


def refuse_odd_lock(lock: str, not_done: Message | None) -> None:
    """Refuse a lock file's name taken by anything but a plain file, before it is opened:
    a FIFO was opened and locked as if it were one (and a reader's open of it waits for
    ever), a socket said "No such device or address" as if the folder were at fault
    (issue 17, twenty-ninth session). Exit 1: a file in the way, which a person moves."""
    try:
        mode = os.lstat(lock).st_mode
    except OSError:
        return  # none there (filelock makes it), or not to be seen: filelock's to meet
    if stat.S_ISREG(mode):
        return
    from ..catalog import msg
    from ..errors import fail

    said = next((key for test, key in _ODD_LOCKS if test(mode)), "store_lock_is_device")
    after = not_done or msg("store_nothing_added")
    raise fail(lock, msg("store_lock_taken", what=msg(said), not_done=after))
