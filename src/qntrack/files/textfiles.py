"""Reading a person's text file safely: UTF-8 only, with a helpful word when it is not."""

from __future__ import annotations

import csv
import errno
import io
import os
import re
import stat
import unicodedata
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator


from ..errors import fail, os_read_reason
from ..catalog import Figure, Message, msg

__all__ = [
    "first_noncharacter",
    "real_path",
    "read_text",
    "read_regular",
    "open_regular",
    "nfc",
    "MAX_TARGETS_BYTES",
    "formula_like",
    "neutralise_formula",
    "csv_cell",
    "CsvCells",
    "in_pieces",
    "unpadded",
]


# Unicode's noncharacters are U+FDD0..U+FDEF and the last two code points of every plane:
# no text, and a chart's SVG (lxml) or its drawing for Word (cairo) refuses them. Found
# from every code point from the first of them on: one range, which the regex engine tests
# at the speed of a control character's class, where a class of the 34 code points across
# the planes took eight times as long over a national plan's 4 MB.
_FROM_FDD0 = re.compile("[\ufdd0-\U0010ffff]")


def first_noncharacter(text: str) -> str | None:
    """The first noncharacter of ``text``, or None: the few code points from U+FDD0 on
    (an emoji, a full-width sign) are each looked at, the rest passed in one search."""
    for found in _FROM_FDD0.finditer(text):
        code = ord(found.group())
        if code <= 0xFDEF or code & 0xFFFE == 0xFFFE:
            return found.group()
    return None


def real_path(path: Path) -> Path:
    """``path.resolve()``, with a loop of symbolic links an ``OSError`` (ELOOP) naming
    ``path``, as Python 3.13 raises it: 3.11 and 3.12 raise a RuntimeError, which reached
    the user as a traceback (docs/decisions.md, "durability pass")."""
    try:
        return path.resolve()
    except RuntimeError:
        raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), str(path)) from None


def case_variant(path: Path) -> Path | None:
    """A file beside ``path`` whose name differs from its name only by case
    (``Targets.yaml`` for ``targets.yaml``), when ``path`` itself is not there; else None.

    Windows and macOS do not tell such names apart, so a team's folder synced from them
    may hold ``Observations.csv`` where targets.yaml says observations.csv: here that is
    another file, and an append would start a second store beside the real one."""
    if os.path.lexists(path):
        return None
    folder = path.parent
    wanted = path.name.casefold()
    try:
        names = sorted(n for n in os.listdir(folder) if n.casefold() == wanted and n != path.name)
    except OSError:
        return None
    return folder / names[0] if names else None


def near_store(path: Path) -> Path | None:
    """A store beside ``path`` whose name is close to its name (obsevations.csv for
    observations.csv: a slip in 'observations:'), when ``path`` itself is not there: a
    file whose first line is the store's header, the closest such name; else None."""
    from ..plan.suggest import closest

    if os.path.lexists(path):
        return None
    folder = path.parent
    try:
        names = [n for n in os.listdir(folder) if n != path.name and n.lower().endswith((".csv", ".tsv", ".txt"))]
    except OSError:
        return None
    hint = closest(path.name, names)
    if hint is None:
        return None
    try:
        with open(folder / hint, "rb") as fh:
            head = fh.read(64).removeprefix(b"\xef\xbb\xbf")
    except OSError:
        return None
    return folder / hint if head.startswith(b"indicator,period,value") else None


def dangling_link(path: Path | str) -> str | None:
    """Where ``path`` points when it is a symbolic link to nothing (a drive or share not
    mounted), else None (no link, a link that resolves, or a loop, which says its own
    error when read)."""
    if not os.path.islink(path) or os.path.exists(path):
        return None
    try:
        return os.readlink(path) or None
    except OSError:
        return None


# targets.yaml is written by people: the synthetic national plan of docs/performance.md
# (10,000 indicators) is a few MB. A cap keeps `--targets /dev/zero`-like mistakes, or a
# huge file named by accident, from taking the machine's memory.
MAX_TARGETS_BYTES = 16 * 1024 * 1024


def nfc(text: str) -> str:
    """Unicode NFC, so that a letter with two diacritics typed two ways compares equal (Vietnamese input methods differ)."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)


# Each message names the file as a whole sentence, one id per situation and file (the
# words for "targets file" differ by language, and so does where they go in a sentence);
# a file not listed in _WHO is named by ``what`` as given. Windows-1258 and TCVN3 (ABC),
# named in "not_utf8", were the common encodings before Unicode in Vietnam and still come
# out of old spreadsheets; neither can be told apart reliably from bytes alone.
_WHO = {"targets file": "targets", "the observations file": "store"}
_IDS = {
    "directory": {
        "targets": "textfile_directory_targets",
        "store": "store_is_directory",
        "other": "textfile_directory_other",
    },
    "unreadable": {
        "targets": "textfile_unreadable_targets",
        "store": "textfile_unreadable_store",
        "other": "textfile_unreadable_other",
    },
    "fifo": {"targets": "textfile_fifo_targets", "store": "textfile_fifo_store", "other": "textfile_fifo_other"},
    "chardev": {
        "targets": "textfile_chardev_targets",
        "store": "textfile_chardev_store",
        "other": "textfile_chardev_other",
    },
    "blockdev": {
        "targets": "textfile_blockdev_targets",
        "store": "textfile_blockdev_store",
        "other": "textfile_blockdev_other",
    },
    "socket": {
        "targets": "textfile_socket_targets",
        "store": "textfile_socket_store",
        "other": "textfile_socket_other",
    },
    "special": {
        "targets": "textfile_special_targets",
        "store": "textfile_special_store",
        "other": "textfile_special_other",
    },
    "too_big": {
        "targets": "textfile_too_big_targets",
        "store": "textfile_too_big_store",
        "other": "textfile_too_big_other",
    },
    "over_limit": {
        "targets": "textfile_over_limit_targets",
        "store": "textfile_over_limit_store",
        "other": "textfile_over_limit_other",
    },
    "not_found": {
        "targets": "textfile_not_found_targets",
        "store": "textfile_not_found_store",
        "other": "textfile_not_found_other",
    },
    "binary": {
        "targets": "textfile_binary_targets",
        "store": "textfile_binary_store",
        "other": "textfile_binary_other",
    },
    "wide": {
        "targets": "textfile_wide_targets",
        "store": "textfile_wide_store",
        "other": "textfile_wide_other",
    },
    "not_utf8": {
        "targets": "textfile_not_utf8_targets",
        "store": "textfile_not_utf8_store",
        "other": "textfile_not_utf8_other",
    },
}


def _said(situation: str, what: str | Message, **params: object) -> Message:
    """The message for ``situation`` about the file ``what`` (an id of ``_IDS``)."""
    # A Message names a file in the user's language ("the data file"), a str as given.
    who = _WHO.get(what, "other") if isinstance(what, str) else "other"
    return msg(_IDS[situation][who], what=what, **params)


def _kind(mode: int) -> str:
    """The situation (a key of ``_IDS``) for a file that is not a regular one."""
    for test, kind in (
        (stat.S_ISFIFO, "fifo"),
        (stat.S_ISCHR, "chardev"),
        (stat.S_ISBLK, "blockdev"),
        (stat.S_ISSOCK, "socket"),
        (stat.S_ISDIR, "directory"),
    ):
        if test(mode):
            return kind
    return "special"


def open_regular(path: Path | str, what: str | Message) -> tuple[int, os.stat_result] | None:
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
        raise fail(name, _said("directory", what)) from None
    except OSError as exc:
        raise fail(name, _said("unreadable", what, reason=os_read_reason(exc))) from None
    try:
        st = os.fstat(fd)
    except OSError as exc:
        os.close(fd)
        raise fail(name, _said("unreadable", what, reason=os_read_reason(exc))) from None
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        raise fail(name, _said(_kind(st.st_mode), what))
    return fd, st


def read_regular(path: Path | str, what: str | Message, limit: int | None = None) -> bytes | None:
    """The bytes of a regular file (``open_regular``), None if it does not exist; over
    ``limit`` bytes is refused without reading it all."""
    opened = open_regular(path, what)
    if opened is None:
        return None
    fd, st = opened
    name = str(path)
    with os.fdopen(fd, "rb") as fh:
        if limit is not None and st.st_size > limit:
            # The size to a tenth of a MiB, and in bytes: rounded to whole MiB, 17,000,000
            # bytes read "16 MiB; at most 16 MiB".
            size = Figure(round(st.st_size / 1048576, 1))  # 16,2 in Vietnamese
            raise fail(
                name, _said("too_big", what, size=size, bytes=st.st_size, limit=limit // 1048576, limit_bytes=limit)
            )
        try:
            data = fh.read() if limit is None else fh.read(limit + 1)
        except OSError as exc:
            raise fail(name, _said("unreadable", what, reason=os_read_reason(exc))) from None
    if limit is not None and len(data) > limit:
        raise fail(name, _said("over_limit", what, limit=limit // 1048576))
    return data


def read_present(path: Path | str, what: str | Message) -> bytes | None:
    """``read_regular`` of a file a folder lists (an Open SDG repository's): a symbolic
    link to nothing (git-annex's before ``git annex get``, a drive not mounted) is refused
    by name, not read as no file and passed over in silence."""
    data = read_regular(path, what)
    if data is None and (target := dangling_link(path)) is not None:
        raise fail(str(path), msg("textfile_link_to_nothing", what=what, target=target))
    return data


def plan_text(path: Path) -> str:
    """``read_text`` of targets.yaml: what stops it being read is a PlanError."""
    from ..errors import InputError, PlanError

    try:
        return read_text(path, "targets file")
    except InputError as exc:
        raise PlanError.of(exc) from None


def read_text(path: Path, what: str) -> str:
    """The file's text, or an InputError naming the file and what is wrong with it."""
    name = str(path)
    data = read_regular(path, what, MAX_TARGETS_BYTES)
    if data is None:
        target = dangling_link(path)
        if target is not None:
            # Listed by `ls`, but pointing at nothing (a share not mounted): "not found"
            # alone sent the user looking for a file that is there.
            raise fail(name, msg("textfile_dangling_link", target=target))
        from .windows_paths import with_windows_hint

        raise fail(name, with_windows_hint(_said("not_found", what), name))
    if b"\x00" in data[:8192]:
        from .store import looks_like_utf16, looks_like_utf32  # only on this error: store imports this module

        # Notepad's "Unicode" is UTF-16: "binary" would say neither what it is nor the mend.
        wide = "UTF-32" if looks_like_utf32(data) else "UTF-16" if looks_like_utf16(data) else None
        raise fail(name, _said("wide", what, encoding=wide) if wide else _said("binary", what))
    from .merge_markers import refuse_merge_conflict  # here: it imports the model, which imports this module

    refuse_merge_conflict(data, name, csv=False)  # targets.yaml: YAML, not CSV
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        from ..plan.model import Location  # only on this error: formats imports this module for formula_like

        line = data[: exc.start].count(b"\n") + 1
        raise fail(Location(name, line), _said("not_utf8", what)) from None
    return text


# What a spreadsheet runs when a cell starts with it (OWASP's CSV injection list), also
# after leading spaces or tabs, which Excel and LibreOffice skip; formats.safe_cell is
# the output side of the same rule.
_FORMULA_CHARS = "=+-@"
# A number as a spreadsheet reads one in a CSV cell ("-2.5", "+84", "-1e5"), spaces after.
_ASCII_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?[ \t]*").fullmatch


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
    if stripped.rstrip(" \t") == "-":
        # A dash alone, an office's "no source": nothing after the sign to compute, and
        # spreadsheets show it as the text "-" (issue 17, twentieth session).
        return False
    # Not float(): it also reads -inf, -nan, 1_000 and digits of every script, which a
    # spreadsheet does not take for numbers, and so runs.
    return _ASCII_NUMBER(stripped) is None


def neutralise_formula(text: str) -> str:
    """``text`` with a leading apostrophe if a spreadsheet would run it (``formula_like``):
    spreadsheets show such a cell as the text after the apostrophe, as in CSV/TSV output."""
    return "'" + text if formula_like(text) else text


def as_given(text: str) -> str:
    """A stored source or note as it was given: without the apostrophe ``neutralise_formula``
    put before a text a spreadsheet would run. For what people read (documents, terminal
    tables); data outputs (csv, tsv, json) give the stored text, which a spreadsheet shows
    as it was given."""
    if text[:1] == "'" and text[1:].strip(" \t") == "-":
        return text[1:]  # stored so before a dash alone was read as no formula
    return text[1:] if text[:1] == "'" and formula_like(text[1:]) else text


# What makes the csv module quote a cell of a row: the delimiter, the quote, a line end.
_QUOTED = re.compile('[,"\n\r]').search


def csv_cell(text: str) -> str:
    """``text`` as one cell of a CSV row, as the csv module writes it (quoted only when
    it must be). A bare CR is quoted too: Python 3.11's writer quotes for the "\n" that
    ends its rows but not for a CR, which readers take for the end of the row."""
    if not _QUOTED(text):
        return text
    # Every other text must be quoted, and the module quotes a lone cell as it would in a row.
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_ALL).writerow([text])
    return buf.getvalue()[:-1]


class CsvCells(dict):
    """``csv_cell`` of each text, remembered while a table is written: the rows of a
    national file share a few hundred indicators, sources and notes, and the csv module
    writing 300,000 rows took 1.4 s of an import (issue 17). At most ``LIMIT`` texts are
    remembered: when a column of distinct texts (an import's moments, a store's figures)
    has filled the memory, it starts afresh, so that a source first met after that is
    remembered too rather than quoted again on every row."""

    LIMIT = 1 << 16

    def __missing__(self, text: str) -> str:
        cell = self.encode(text)
        if len(self) >= self.LIMIT:
            self.clear()
        self[text] = cell
        return cell

    def encode(self, text: str) -> str:
        return csv_cell(text)


# Lines joined a few thousand at a time: a national table (a million rows) joined whole
# held every line and the text together (707 MB for `observations --format csv`, 900 MB
# for `export sdmx-csv`).
PIECE_ROWS = 8192


def in_pieces(lines: Iterable[str], rows: int = PIECE_ROWS) -> Iterator[str]:
    """``lines`` joined ``rows`` at a time, each piece ending with a newline: the text of
    a table made and printed as it goes, never held whole."""
    remaining = iter(lines)
    while batch := list(islice(remaining, rows)):
        batch.append("")
        yield "\n".join(batch)


def unpadded(fields: list[str], width: int) -> list[str]:
    """A row read from a table without the empty cells a spreadsheet pads it with past the
    header's ``width``: found from the end, then cut once. Cutting them one at a time
    copied the row each time, and a row padded with a million commas never ended
    (issue 17, eighteenth session)."""
    end = len(fields)
    while end > width and not fields[end - 1].strip():
        end -= 1
    return fields if end == len(fields) else fields[:end]
