"""observations.csv: the record of published figures. Read whole, only ever appended to.

Every row stays in the file forever; a later row for the same indicator and period is a
revision (see ``series.in_force``). The file is plain UTF-8 CSV so that a person can
open it in a spreadsheet, and the tool never rewrites what a person wrote.

This module reads it: its header and encoding, the general reader (the csv module) and
what a torn last row is. Beside it: ``store_fast`` (the fast reader for the common shape
of the file), ``appending`` (new rows under a lock), ``journal`` (where the committed
rows end while a batch is written) and ``rules`` (what a valid field is).
"""

from __future__ import annotations

import csv
import io
import os
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Sequence

from ..errors import InputError, fail
from ..catalog import Message, msg, said
from ..plan.model import OBSERVATION_STATUSES, Location, Observation, Problem
from ..plan.periods import PeriodError
from ..files.textfiles import nfc
from .line_ends import refuse_cr_only
from .merge_markers import refuse_merge_conflict
from .journal import not_added, interrupted, interrupted_batch, read_pending
from .rules import STATUSES as _STATUSES, stored_error_value, stored_period as _period, utc_text
from ..plan.notebook import store_repr
from .shown_days import stored_moment as _recorded_at  # a bare date in the plan's zone
from .rules import value as _value

__all__ = [
    "HEADER",
    "StoreContents",
    "read_store",
    "read_store_bytes",
    "peek_store",
    "parse_store",
    "format_value",
    "utc_now",
]

HEADER = ("indicator", "period", "value", "status", "source", "note", "recorded_at")


@dataclass(frozen=True, slots=True)
class Distinct:
    """Each distinct value of the store's rows, as the fast reader met them (store_fast),
    or more (a value of a row refused for another field may be among them, never fewer).

    ``check``'s row rules (an indicator undefined, a period finer than its frequency, a
    formula in a source) judge these once each and walk the rows only when one fails: a
    national store's million rows hold a few thousand of each, and gathering them again
    took ``check`` two passes over the rows (docs/performance.md). Each is the values of
    a table the reader keeps anyway; it has none when a table was full.
    """

    indicators: frozenset[str]  # ids as typed in the file (canonical_units may name a unit otherwise)
    sort_keys: frozenset[int]  # periods, by Period.sort_key
    texts: frozenset[str]  # sources and notes


@dataclass(frozen=True, slots=True)
class StoreContents:
    """Rows that parsed, problems with the rest, and whether the last line was torn."""

    observations: tuple[Observation, ...]
    problems: tuple[Problem, ...]
    torn_line: int = 0  # 1-based line number of an incomplete last line, 0 if none
    left_out: int = 0  # rows ``parse_store``'s ``reads`` declined: not read, not checked
    # What the rows hold, each distinct value once, when the reader gathered it as it read
    # (store_fast); None otherwise. Never compared: the same rows, however read.
    distinct: Distinct | None = field(default=None, compare=False, repr=False)
    __repr__ = store_repr  # one line in a notebook, not every row


def utc_now() -> str:
    """The clock, read at the edge: the moment an append stamps a row given none."""
    return utc_text(datetime.now(timezone.utc))


def format_value(value: float) -> str:
    """The shortest text that reads back as the same float (15.0 is written 15)."""
    if abs(value) < 1e15 and value == int(value):  # size first: int() of inf fails
        return str(int(value))
    return repr(value)


def read_store(path: Path, committed_only: bool = False) -> StoreContents:
    """Read the whole store. A missing file is an empty store; unreadable text is an error.

    ``committed_only``: after an interrupted batch (``read_pending``), read the rows
    before it rather than refuse (``check`` does, to report the rest).
    """
    data = read_store_bytes(path, committed_only)
    if data is None:
        return StoreContents((), ())
    # Handed over in a list the reader empties, no other reference kept: the bytes go
    # before the rows are made (parse_store).
    holder = [data]
    del data
    return parse_store(holder, str(path))


def peek_store(path: Path, not_done: Message | None = None) -> StoreContents:
    """What appending needs to know, without reading every row: ``read_store``'s answer
    (no observations) when the header is sound and the last row complete.

    Only the header and the last byte are read, so adding a row costs the same on a
    national store as on a new one (docs/performance.md). Anything unusual (a torn last
    row, an odd header) is answered by reading the whole store, with its usual messages.
    Bytes that are not UTF-8 deep in the file are not looked for here: the append itself
    checks them under its lock (``check_appendable``); bad rows never refuse an append.
    """
    from ..files.textfiles import open_regular

    if _is_folder(path):
        return read_store(path)
    pending = interrupted_batch(path)
    if pending is not None:
        raise fail(str(path), not_added(pending, not_done))
    opened = open_regular(path, "the observations file")  # a FIFO or device: refused, never waited on
    if opened is None:
        return read_store(path)
    try:
        with os.fdopen(opened[0], "rb") as fh:
            head = fh.read(8192)
            fh.seek(0)
            header = fh.readline()
            end = fh.seek(0, os.SEEK_END)
            fh.seek(max(end - 1, 0))
            last = fh.read(1)
    except OSError:
        return read_store(path)
    if header.startswith(b"\xef\xbb\xbf"):
        header = header[3:]
    header = header[:-2] + b"\n" if header.endswith(b"\r\n") else header  # saved by a spreadsheet
    plain = (
        b"\x00" not in head and last == b"\n" and header.endswith(b"\n") and b'"' not in header and b"\r" not in header
    )
    if plain:
        try:
            names = [h.strip().lower() for h in header[:-1].decode("utf-8").split(",")]
        except UnicodeDecodeError:
            names = []
        if sorted(names) == sorted(HEADER):
            return StoreContents((), ())
    return read_store(path)


def _is_folder(path: Path) -> bool:
    """Whether the store's path is a folder; a name the system refuses to look up (too
    long) is not, and the read that follows says why it fails, naming the store."""
    try:
        return path.is_dir()
    except OSError:
        return False


def read_store_bytes(path: Path, committed_only: bool = False) -> bytes | None:
    """The store's bytes as ``read_store`` reads them; None when there is no file.

    Only committed rows are read: while a batch is being appended (its journal beside
    the store, ``read_pending``) the bytes before it. A journal that no writer holds the
    lock for is a batch a crash interrupted: refused with the way out ('qntrack check
    --repair'), or, with ``committed_only``, the bytes before it.
    """
    if _is_folder(path):
        raise fail(str(path), msg("store_is_directory"))
    # The journal is looked for before and after the read: a batch that began or ended
    # meanwhile is cut off at the size the journal recorded (docs/data-integrity.md).
    before = read_pending(path)
    from ..files.textfiles import read_regular

    # Only a regular file is read: a FIFO would hang the read, /dev/zero would fill memory.
    data = read_regular(path, "the observations file")
    if data is None:
        return None
    pending = before or read_pending(path)
    if pending is None:
        return data
    if not committed_only:
        stale = interrupted_batch(path)
        if stale is not None:
            raise fail(str(path), interrupted(stale))
    return data[: pending.size]


def parse_store(data: bytes | list[bytes], file: str, reads: Callable[[str], bool] | None = None) -> StoreContents:
    """Every row of an observations file, with a problem for each row that is wrong.

    Two readers give the same result: a general one (the csv module over the whole
    text) and a fast one for the common shape of the file (a plain header, Unix line
    ends, no NUL) that reads the bytes a chunk at a time, splits unquoted lines itself
    and checks each distinct period, timestamp and text once. The fast one is what
    makes a national store of a million rows load in about the time the csv module
    alone takes (docs/performance.md); tests/test_fast_paths.py holds the two to the
    same output on generated files.

    ``reads(indicator_id)``: whether to read that indicator's rows at all (a caller that
    wants only some indicators). Asked once per distinct id; the rows it declines are
    counted in ``left_out``, not read and not checked. The general reader, which reads
    every row, is used only if the fast one cannot be.

    ``data``: the bytes, or a list holding them, which the fast reader empties once it
    has read every line: a caller that keeps no other reference (``read_store``, the
    status cache) then frees a national store's 77 MB before its million rows are made,
    which is the run's peak of memory (issue 17).
    """
    holder = data if isinstance(data, list) else [data]
    del data
    raw = holder[0]
    if raw.startswith(b"PK\x03\x04") and file.lower().endswith((".xlsx", ".xlsm")):  # issue 17, 22nd session
        raise fail(file, msg("store_workbook", name=f'"{file}"' if " " in file else file))
    if b"\x00" in raw[:8192]:
        raise fail(
            file,
            msg("store_utf32" if looks_like_utf32(raw) else "store_utf16" if looks_like_utf16(raw) else "store_binary"),
        )
    refuse_merge_conflict(raw, file)  # a merge left unfinished: one message, at its first marker
    start = 3 if raw.startswith(b"\xef\xbb\xbf") else 0
    crlf = _every_line_ends_in_crlf(raw)
    if crlf:
        # git's core.autocrlf or Excel wrote it: read with LF ends, each line where it was;
        # the fast reader gives back the CR of a line end inside a quoted field.
        holder[0] = raw = raw.replace(b"\r\n", b"\n")
    if b"\r" not in raw and b"\x00" not in raw:
        from .store_fast import _parse_fast  # a module of its own; it uses this one's checks

        del raw
        fast = _parse_fast(holder, start, file, reads, crlf)
        if fast is not None:
            return fast
        raw = holder[0]  # left where it was: the general reader reads it
        if crlf:
            raw = raw.replace(b"\n", b"\r\n")  # as it was: every LF had been a CRLF
    return _parse_text(_decode(raw[start:], file), file)


def _every_line_ends_in_crlf(data: bytes) -> bool:
    """Whether every line end of ``data`` is CRLF and it holds no other CR or LF: such a
    store is read as if its ends were LF, by the fast reader (a national store's CRLF ends
    took the general reader 7.6 s and 1.18 GB, not 1.6 s and 241 MB: issue 17)."""
    if b"\r" not in data:  # an LF store: one search in C, not the counts below
        return False
    pairs = data.count(b"\r\n")
    return pairs > 0 and pairs == data.count(b"\r") == data.count(b"\n") and b"\x00" not in data


def looks_like_utf32(data: bytes) -> bool:
    """Whether a file with NUL bytes is UTF-32 text: a byte-order mark, or text of
    one-byte characters with three NUL bytes to each (checked before UTF-16, whose test
    it would also pass)."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return True
    head = data[:512]
    head = head[: len(head) - len(head) % 4]
    if len(head) < 16 or not head.strip(b"\x00"):  # NULs alone (a write cut by a crash): no text
        return False
    nul = [head[i::4].count(0) == len(head) // 4 for i in range(4)]
    return (nul[1] and nul[2] and nul[3]) or (nul[0] and nul[1] and nul[2])


def looks_like_utf16(data: bytes) -> bool:
    """Whether a file with NUL bytes is UTF-16 text (a spreadsheet's "Unicode text"): a
    byte-order mark, or text of one-byte characters, every other byte NUL, or text read
    whole in one byte order with no control character (saved without the mark)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    head = data[:512]
    evens, odds = head[0::2], head[1::2]
    if len(head) < 8 or not head.strip(b"\x00"):
        return False
    if evens.count(0) == len(evens) or odds.count(0) == len(odds):
        return True
    # Without a mark, Vietnamese letters (U+1EA0..., U+01A0...) fill some high bytes: a
    # quarter of the characters one-byte, and the whole read as text, no control character.
    from unicodedata import category

    head = head[: len(head) - len(head) % 2]
    for order, high in (("utf-16-le", odds), ("utf-16-be", evens)):
        if high.count(0) * 4 >= len(high):
            try:
                text = head.decode(order)
            except UnicodeDecodeError as exc:  # a pair of surrogates cut at the end is text
                if exc.start < len(head) - 2:
                    continue
                text = head[: exc.start].decode(order)
            if not any(category(ch) in ("Cc", "Cn", "Co") and ch not in "\t\r\n" for ch in text):
                return True
    return False


# Message ids, made into Messages only where a problem is found (never per row).
NOT_UTF8 = "store_not_utf8"
# One wording for a torn last row, wherever it is met (readers, check): check names the
# repair command for its own tracker (--targets), the readers the plain one.
TORN = "store_torn_row"
REPAIR = "qntrack check --repair"
CTRL_Z = "store_ctrl_z"  # cmd's `copy a+b` ends the file with Ctrl-Z: said as what it is


def torn_id(remnant: bytes | str) -> str:
    """The message id for a store's torn last line ``remnant``: Ctrl-Z alone is DOS's
    end-of-file mark (twentieth session), anything else an interrupted write."""
    return CTRL_Z if remnant in (b"\x1a", "\x1a") else TORN


def _decode(data: bytes, file: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.end == len(data) and exc.reason == "unexpected end of data":
            # A write cut inside a letter: a torn last row (U+FFFD keeps it unended).
            return data[: exc.start].decode("utf-8") + "\ufffd"
        line = data[: exc.start].count(b"\n") + 1
        raise fail(Location(file, line), msg(NOT_UTF8)) from None


def column_order(header: list[str], file: str) -> list[int]:
    """Where each of HEADER's columns is in the file's header, or the header's problem."""
    names = [h.strip().lower() for h in header]
    # Opened in Excel under Vietnamese settings and saved (';' between cells, decimal commas,
    # perhaps a BOM and reformatted timestamps), or TSV, as `qntrack observations > file`
    # writes (forty-third session): said so, with how to get back.
    for mark, key in ((";", "store_excel_vietnamese"), ("\t", "store_tab_separated")):
        if len(names) == 1 and sorted(n.strip() for n in names[0].split(mark)) == sorted(HEADER):
            raise fail(Location(file, 1), msg(key, header=",".join(HEADER)))
    if not any(h in HEADER for h in names):
        # Not one column of ours: another file (a store pointing at /etc/passwd, say). Its
        # first line is not quoted: it may hold what must not be shown (docs/data-integrity.md).
        raise InputError([Problem(Location(file, 1), msg("store_foreign_file", header=",".join(HEADER)))])
    missing = [h for h in HEADER if h not in names]
    unknown = [h for h in names if h not in HEADER]
    if missing or unknown or len(set(names)) != len(names):
        # One whole sentence per case: word order differs between languages.
        ours, gone, odd = ",".join(HEADER), ", ".join(missing), ", ".join(repr(u) for u in unknown)
        if missing and unknown:
            message = msg("store_header_missing_unknown", header=ours, missing=gone, unknown=odd)
        elif missing:
            message = msg("store_header_missing", header=ours, missing=gone)
        elif unknown:
            message = msg("store_header_unknown", header=ours, unknown=odd)
        else:
            message = msg("store_header_repeated", header=ours)
        raise InputError([Problem(Location(file, 1), message)])
    return [names.index(h) for h in HEADER]


def _parse_text(text: str, file: str) -> StoreContents:
    """The general reader: the csv module over the whole text, one row at a time."""
    if not text.strip():
        return StoreContents((), ())
    refuse_cr_only(text, file)  # Excel for Mac's "CSV (Macintosh)": no LF, so no line would end
    torn = 0
    if not text.endswith("\n") and ends_in_a_row(text, file):
        text += "\n"
    if not text.endswith("\n"):
        # Anything after the last newline that is not a whole, valid row is the remnant
        # of an interrupted write.
        cut = text.rfind("\n") + 1
        torn = text.count("\n") + 1
        remnant = text[cut:]
        text = text[:cut]
    problems: list[Problem] = []
    if torn:
        problems.append(Problem(Location(file, torn), msg(torn_id(remnant), repair=REPAIR)))
    if not text:
        return StoreContents((), tuple(problems), torn)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        return StoreContents((), tuple(problems), torn)
    order = column_order(header, file)
    width = len(HEADER)
    rows: list[Observation] = []
    append = rows.append
    stamps: dict[str, str] = {}  # each distinct recorded_at as written → as stored
    in_order = order == list(range(width))
    line = 1
    while True:
        # A record the csv module cannot read (an over-long field, say) is reported and
        # reading goes on, so that every later problem is listed too.
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            line = reader.line_num or line
            problems.append(Problem(Location(file, line), msg("store_not_csv", detail=csv_reason(str(exc)))))
            continue
        line = reader.line_num
        if len(fields) != width:
            if not fields or (len(fields) == 1 and not fields[0].strip()):
                continue
            problems.append(Problem(Location(file, line), wrong_field_count(len(fields), fields)))
            continue
        if not in_order:
            fields = [fields[i] for i in order]
        ind, period_text, value_text, status, source, note, recorded = fields
        try:
            period = _period(period_text)
            value = _value(value_text, status)
            if status not in _STATUSES:
                raise ValueError(bad_status(status))
            stamp = stamps.get(recorded)
            if stamp is None:
                # Each distinct timestamp is checked (shape, and a real date) once.
                stamp = stamps[recorded] = _recorded_at(recorded)
            recorded = stamp
        except (PeriodError, ValueError) as exc:
            error = stored_error_value(exc, period_text, value_text, status, recorded)
            problems.append(Problem(Location(file, line), error or said(exc)))
            continue
        if not ind:
            problems.append(Problem(Location(file, line), msg("store_indicator_empty")))
            continue
        if not source.isascii() or not note.isascii():
            source, note = nfc(source), nfc(note)
        append(Observation(ind, period, value, status, source, note, recorded, line))
    return StoreContents(tuple(rows), tuple(problems), torn)


def wrong_field_count(found: int, fields: Sequence[str] = ()) -> Message:
    """Too many or too few fields; said to be an unclosed quote when the csv module read
    the record's last field on to a line end (to the end of the file, as it reads one)."""
    if found < len(HEADER) and fields and fields[-1].endswith(("\n", "\r")):
        return msg("store_field_count_quote", width=len(HEADER), header=",".join(HEADER), found=found)
    if (
        found == len(HEADER) + 1 == len(fields)
        and re.fullmatch(r"[-−]?\d+", fields[2])
        and re.fullmatch(r"\d+", fields[3])
    ):
        # 4,5 typed by hand for 4.5: the comma split the figure (forty-first session).
        typed, point = f"{fields[2]},{fields[3]}", f"{fields[2]}.{fields[3]}"
        return msg("store_field_count_comma", width=len(HEADER), found=found, typed=typed, point=point)
    return msg("store_field_count", width=len(HEADER), header=",".join(HEADER), found=found)


def bad_status(status: str) -> Message:
    return msg("store_status_invalid", status=status, valid=", ".join(OBSERVATION_STATUSES))


def last_line_is_whole(data: bytes, file: str) -> bool:
    """``ends_in_a_row`` for a store's bytes (which do not end with a newline)."""
    start = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    first = data.find(b"\n", start)
    head = data[start:first] + b"\n" if first >= 0 else b""
    try:
        return ends_in_a_row((head + data[data.rfind(b"\n") + 1 :]).decode("utf-8"), file)
    except UnicodeDecodeError:
        return False


def ends_in_a_row(text: str, file: str) -> bool:
    """Whether ``text``, which does not end with a newline, ends in a whole, valid row.

    Notepad and VS Code save a file without a newline after its last line: a last line
    that reads as a row (or as the header, in a file of no rows) is one. Only a last line
    that does not read is the torn remnant of an interrupted write. An append by qntrack
    never leaves one behind unnoticed: its journal marks where the committed rows end.
    """
    cut = text.rfind("\n") + 1
    last = text[cut:]
    if last.count('"') % 2:
        return False  # an open quote: the record was cut off
    probe = last + "\n" if not cut else text[: text.find("\n")] + "\n" + last + "\n"
    try:
        got = _parse_text(probe, file)
    except InputError:
        return False
    return not got.problems and len(got.observations) == (1 if cut else 0)


# --- the fast reader ------------------------------------------------------------------


# The csv module's words (English) for the faults a person makes, said in the catalog's:
# anything else is shown as the module words it.
_CSV_REASONS = (
    ("unexpected end of data", "csv_unexpected_end"),
    ("expected after '\"'", "csv_text_after_quote"),
    ("new-line character seen in unquoted field", "csv_line_end_unquoted"),
    ("line contains NUL", "csv_nul"),
    ("field larger than field limit", "csv_field_too_long"),
)


def csv_reason(reason: str) -> str | Message:
    """What the csv module's ``reason`` means, in the user's language when it is known."""
    for words, message_id in _CSV_REASONS:
        if words in reason:
            return msg(message_id)
    return reason
