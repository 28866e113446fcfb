"""Reading a person's text file safely: UTF-8 only, with a helpful word when it is not."""

from __future__ import annotations

import os
import stat
import unicodedata
from pathlib import Path

from .errors import fail
from .model import Location

__all__ = ["read_text", "read_regular", "open_regular", "nfc", "MAX_TARGETS_BYTES", "formula_like", "neutralise_formula"]

# targets.yaml is written by people: the synthetic national plan of docs/performance.md
# (10,000 indicators) is a few MB. A cap keeps `--targets /dev/zero`-like mistakes, or a
# huge file named by accident, from taking the machine's memory.
MAX_TARGETS_BYTES = 16 * 1024 * 1024


def nfc(text: str) -> str:
    """Unicode NFC, so that 'ệ' typed two ways compares equal (Vietnamese input methods differ)."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)


# Windows-1258 and TCVN3 (ABC) were the common encodings before Unicode in Vietnam and
# still come out of old spreadsheets; neither can be told apart reliably from bytes alone.
_LEGACY_HINT = (
    "not UTF-8 text (perhaps Windows-1258 or TCVN3/ABC, older Vietnamese encodings); "
    "open it in an editor and save it as UTF-8"
)


def _kind(mode: int) -> str:
    for test, kind in ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISDIR, "a directory")):
        if test(mode):
            return kind
    return "not a regular file"


def open_regular(path: Path | str, what: str) -> tuple[int, os.stat_result] | None:
    """A read-only descriptor on ``path`` and its stat, if it is a regular file (through
    any symlinks); None if there is no such file.

    Opened with O_NONBLOCK: a FIFO given as a qntrack file would otherwise block the open
    until a writer came, and hang the command. Anything but a regular file (a FIFO, a
    device such as /dev/zero, a socket, a folder) is refused by name, never read: a
    device can be endless. The caller closes the descriptor.
    """
    name = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise fail(name, f"{what} is a directory, expected a file") from None
    except OSError as exc:
        raise fail(name, f"cannot read {what}: {exc.strerror or exc}") from None
    try:
        st = os.fstat(fd)
    except OSError as exc:
        os.close(fd)
        raise fail(name, f"cannot read {what}: {exc.strerror or exc}") from None
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        if stat.S_ISDIR(st.st_mode):
            raise fail(name, f"{what} is a directory, expected a file")
        raise fail(name, f"{what} is {_kind(st.st_mode)}, not a regular file; give the path of an ordinary file")
    return fd, st


def read_regular(path: Path | str, what: str, limit: int | None = None) -> bytes | None:
    """The bytes of a regular file (``open_regular``), None if it does not exist; over
    ``limit`` bytes is refused without reading it all."""
    opened = open_regular(path, what)
    if opened is None:
        return None
    fd, st = opened
    name = str(path)
    with os.fdopen(fd, "rb") as fh:
        if limit is not None and st.st_size > limit:
            raise fail(name, f"{what} is {st.st_size / 1048576:.0f} MiB; at most {limit // 1048576} MiB "
                             "is accepted: is this the right file?")
        try:
            data = fh.read() if limit is None else fh.read(limit + 1)
        except OSError as exc:
            raise fail(name, f"cannot read {what}: {exc.strerror or exc}") from None
    if limit is not None and len(data) > limit:
        raise fail(name, f"{what} is over {limit // 1048576} MiB; is this the right file?")
    return data


def read_text(path: Path, what: str) -> str:
    """The file's text, or an InputError naming the file and what is wrong with it."""
    name = str(path)
    data = read_regular(path, what, MAX_TARGETS_BYTES)
    if data is None:
        raise fail(name, f"{what} not found")
    if b"\x00" in data[:8192]:
        raise fail(name, f"{what} is a binary file, not text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise fail(Location(name, line), f"{what}: {_LEGACY_HINT}") from None
    return text


# What a spreadsheet runs when a cell starts with it (OWASP's CSV injection list), also
# after leading spaces or tabs, which Excel and LibreOffice skip; formats.safe_cell is
# the output side of the same rule.
_FORMULA_CHARS = "=+-@"


def formula_like(text: str) -> bool:
    """Whether a spreadsheet opening a CSV cell holding ``text`` would run it as a formula.

    A number ("-2.5", "+84") is shown as a number, not run, so it is not formula-like.
    """
    if not text or text[0] not in _FORMULA_CHARS and text[0] not in " \t\r":
        return False  # the common case, decided by the first character
    if text[0] in "\t\r":
        return True
    stripped = text.lstrip(" \t")
    if not stripped or stripped[0] not in _FORMULA_CHARS:
        return False
    try:
        float(stripped)
        return False
    except ValueError:
        return True


def neutralise_formula(text: str) -> str:
    """``text`` with a leading apostrophe if a spreadsheet would run it (``formula_like``):
    spreadsheets show such a cell as the text after the apostrophe, as in CSV/TSV output."""
    return "'" + text if formula_like(text) else text
