"""observations.csv: the record of published figures. Read whole, only ever appended to.

Every row stays in the file forever; a later row for the same indicator and period is a
revision (see ``vintages.in_force``). The file is plain UTF-8 CSV so that a person can
open it in a spreadsheet, and the tool never rewrites what a person wrote.
"""

from __future__ import annotations

import csv
import io
import os
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from itertools import chain, repeat
from operator import itemgetter
from typing import Any, Callable, Iterable, Iterator, Sequence

from ..errors import ExitCode, InputError, fail, os_failure
from ..catalog import Message, msg, said
from ..plan.model import OBSERVATION_STATUSES, RETRACTED, Location, Observation, Problem
from ..plan.periods import Period, PeriodError
from ..files.textfiles import nfc
from .rules import STATUSES as _STATUSES
from .rules import nonzero_mantissa, utc_text
from .rules import period as _period
from .rules import recorded_at as _recorded_at
from .rules import value as _value

__all__ = [
    "HEADER",
    "StoreContents",
    "read_store",
    "read_store_bytes",
    "peek_store",
    "parse_store",
    "append_observations",
    "format_value",
    "utc_now",
]

HEADER = ("indicator", "period", "value", "status", "source", "note", "recorded_at")


@dataclass(frozen=True, slots=True)
class StoreContents:
    """Rows that parsed, problems with the rest, and whether the last line was torn."""

    observations: tuple[Observation, ...]
    problems: tuple[Problem, ...]
    torn_line: int = 0  # 1-based line number of an incomplete last line, 0 if none
    left_out: int = 0  # rows ``parse_store``'s ``reads`` declined: not read, not checked


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
    return StoreContents((), ()) if data is None else parse_store(data, str(path))


def peek_store(path: Path) -> StoreContents:
    """What appending needs to know, without reading every row: ``read_store``'s answer
    (no observations) when the header is sound and the last row complete.

    Only the header and the last byte are read, so adding a row costs the same on a
    national store as on a new one (docs/performance.md). Anything unusual (a torn last
    row, an odd header) is answered by reading the whole store, with its usual messages.
    Bytes that are not UTF-8 deep in the file are not looked for here: the append itself
    checks them under its lock (``check_appendable``); bad rows never refuse an append.
    """
    from ..files.textfiles import open_regular

    if path.is_dir():
        return read_store(path)
    pending = interrupted_batch(path)
    if pending is not None:
        raise fail(str(path), _not_added(pending))
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


def read_store_bytes(path: Path, committed_only: bool = False) -> bytes | None:
    """The store's bytes as ``read_store`` reads them; None when there is no file.

    Only committed rows are read: while a batch is being appended (its journal beside
    the store, ``read_pending``) the bytes before it. A journal that no writer holds the
    lock for is a batch a crash interrupted: refused with the way out ('qntrack check
    --repair'), or, with ``committed_only``, the bytes before it.
    """
    if path.is_dir():
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


@dataclass(frozen=True, slots=True)
class Pending:
    """The journal of a batch being appended: the store's size before it, and its rows."""

    size: int
    rows: int


_JOURNAL = "qntrack append journal 1\n"


def pending_path(path: Path) -> Path:
    """Beside the real file, like the lock: a store reached through a symlink has one journal."""
    real = path.resolve() if path.is_symlink() else path  # as given otherwise: messages name it so
    return real.with_name(real.name + ".pending")


def read_pending(path: Path) -> Pending | None:
    """The journal of a batch not yet committed, or None (no batch under way or interrupted)."""
    journal = pending_path(path)
    try:
        text = journal.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise fail(str(journal), msg("store_journal_unreadable", reason=exc.strerror or exc)) from None
    match = re.fullmatch(rb"qntrack append journal 1\nsize (\d{1,18})\nrows (\d{1,18})\n", text)
    if match is None:
        raise fail(str(journal), msg("store_journal_foreign"))
    return Pending(int(match.group(1)), int(match.group(2)))


def interrupted(pending: Pending, repair: str = "qntrack check --repair") -> Message:
    """That a batch was interrupted, and the command (``repair``) that sets it aside."""
    return msg("store_interrupted", rows=pending.rows, repair=repair)


def interrupted_message(pending: Pending) -> str:
    """``interrupted`` in English, as text (kept for callers that edit the text)."""
    return str(interrupted(pending))


def _not_added(pending: Pending) -> Message:
    """Why an append refuses after an interrupted batch: a person should see it set aside."""
    return msg("store_interrupted_not_added", rows=pending.rows)


def interrupted_batch(path: Path) -> Pending | None:
    """The journal of a batch a crash interrupted, or None (no journal, or a batch being
    written: another process holds the append lock).

    A shared ``flock`` on the lock file is tried without waiting; while it is held no
    writer can begin a batch, so the journal is looked at again under it. Where there is
    no ``flock`` (or no lock file yet), no writer is assumed.
    """
    if read_pending(path) is None:
        return None
    try:
        import fcntl
    except ImportError:
        return read_pending(path)
    try:
        fd = os.open(str(path.resolve()) + ".lock", os.O_RDONLY)
    except OSError:
        return read_pending(path)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError:
            return None  # a writer holds the lock: a batch in progress
        return read_pending(path)
    finally:
        os.close(fd)  # closing also lets go of a lock taken here


def parse_store(data: bytes, file: str, reads: Callable[[str], bool] | None = None) -> StoreContents:
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
    """
    if b"\x00" in data[:8192]:
        raise fail(
            file,
            msg(
                "store_utf32" if looks_like_utf32(data) else "store_utf16" if looks_like_utf16(data) else "store_binary"
            ),
        )
    start = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    if b"\r" not in data and b"\x00" not in data:
        fast = _parse_fast(data, start, file, reads)
        if fast is not None:
            return fast
    return _parse_text(_decode(data[start:], file), file)


def looks_like_utf32(data: bytes) -> bool:
    """Whether a file with NUL bytes is UTF-32 text: a byte-order mark, or text of
    one-byte characters with three NUL bytes to each (checked before UTF-16, whose test
    it would also pass)."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return True
    head = data[:512]
    head = head[: len(head) - len(head) % 4]
    if len(head) < 16:
        return False
    nul = [head[i::4].count(0) == len(head) // 4 for i in range(4)]
    return (nul[1] and nul[2] and nul[3]) or (nul[0] and nul[1] and nul[2])


def looks_like_utf16(data: bytes) -> bool:
    """Whether a file with NUL bytes is UTF-16 text (a spreadsheet's "Unicode text"): a
    byte-order mark, or text of one-byte characters, every other byte NUL."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    head = data[:512]
    evens, odds = head[0::2], head[1::2]
    return len(head) >= 8 and (evens.count(0) == len(evens) or odds.count(0) == len(odds))


# Message ids, made into Messages only where a problem is found (never per row).
_NOT_UTF8 = "store_not_utf8"
# One wording for a torn last row, wherever it is met (readers, check): check names the
# repair command for its own tracker (--targets), the readers the plain one.
_TORN = "store_torn_row"
_REPAIR = "qntrack check --repair"


def _decode(data: bytes, file: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise fail(Location(file, line), msg(_NOT_UTF8)) from None


def _column_order(header: list[str], file: str) -> list[int]:
    """Where each of HEADER's columns is in the file's header, or the header's problem."""
    names = [h.strip().lower() for h in header]
    if len(names) == 1 and sorted(n.strip() for n in names[0].split(";")) == sorted(HEADER):
        # Opened in Excel under Vietnamese settings and saved: ';' between cells, decimal
        # commas, perhaps a BOM and reformatted timestamps. Say so and how to get back.
        raise fail(Location(file, 1), msg("store_excel_vietnamese", header=",".join(HEADER)))
    if not any(h in HEADER for h in names):
        # Not one column of ours: another file (a store pointing at /etc/passwd, say). Its
        # first line is not quoted: it may hold what must not be shown (docs/data-integrity.md).
        raise InputError([Problem(Location(file, 1), msg("store_foreign_file", header=",".join(HEADER)))])
    missing = [h for h in HEADER if h not in names]
    unknown = [h for h in names if h not in HEADER]
    if missing or unknown or len(set(names)) != len(names):
        # One whole sentence per case: word order differs between languages.
        header, gone, odd = ",".join(HEADER), ", ".join(missing), ", ".join(repr(u) for u in unknown)
        if missing and unknown:
            message = msg("store_header_missing_unknown", header=header, missing=gone, unknown=odd)
        elif missing:
            message = msg("store_header_missing", header=header, missing=gone)
        elif unknown:
            message = msg("store_header_unknown", header=header, unknown=odd)
        else:
            message = msg("store_header_repeated", header=header)
        raise InputError([Problem(Location(file, 1), message)])
    return [names.index(h) for h in HEADER]


def _parse_text(text: str, file: str) -> StoreContents:
    """The general reader: the csv module over the whole text, one row at a time."""
    if not text.strip():
        return StoreContents((), ())
    torn = 0
    if not text.endswith("\n") and _ends_in_a_row(text, file):
        text += "\n"
    if not text.endswith("\n"):
        # Anything after the last newline that is not a whole, valid row is the remnant
        # of an interrupted write.
        cut = text.rfind("\n") + 1
        torn = text.count("\n") + 1
        text = text[:cut]
    problems: list[Problem] = []
    if torn:
        problems.append(Problem(Location(file, torn), msg(_TORN, repair=_REPAIR)))
    if not text:
        return StoreContents((), tuple(problems), torn)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        return StoreContents((), tuple(problems), torn)
    order = _column_order(header, file)
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
            problems.append(Problem(Location(file, line), msg("store_not_csv", detail=exc)))
            continue
        line = reader.line_num
        if len(fields) != width:
            if not fields or (len(fields) == 1 and not fields[0].strip()):
                continue
            problems.append(Problem(Location(file, line), _field_count(len(fields))))
            continue
        if not in_order:
            fields = [fields[i] for i in order]
        ind, period_text, value_text, status, source, note, recorded = fields
        try:
            period = _period(period_text)
            value = _value(value_text, status)
            if status not in _STATUSES:
                raise ValueError(_bad_status(status))
            stamp = stamps.get(recorded)
            if stamp is None:
                # Each distinct timestamp is checked (shape, and a real date) once.
                stamp = stamps[recorded] = _recorded_at(recorded)
            recorded = stamp
        except (PeriodError, ValueError) as exc:
            problems.append(Problem(Location(file, line), said(exc)))
            continue
        if not ind:
            problems.append(Problem(Location(file, line), msg("store_indicator_empty")))
            continue
        if not source.isascii() or not note.isascii():
            source, note = nfc(source), nfc(note)
        append(Observation(ind, period, value, status, source, note, recorded, line))
    return StoreContents(tuple(rows), tuple(problems), torn)


def _field_count(found: int) -> Message:
    return msg("store_field_count", width=len(HEADER), header=",".join(HEADER), found=found)


def _bad_status(status: str) -> Message:
    return msg("store_status_invalid", status=status, valid=", ".join(OBSERVATION_STATUSES))


def _last_line_is_whole(data: bytes, file: str) -> bool:
    """``_ends_in_a_row`` for a store's bytes (which do not end with a newline)."""
    start = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    first = data.find(b"\n", start)
    head = data[start:first] + b"\n" if first >= 0 else b""
    try:
        return _ends_in_a_row((head + data[data.rfind(b"\n") + 1 :]).decode("utf-8"), file)
    except UnicodeDecodeError:
        return False


def _ends_in_a_row(text: str, file: str) -> bool:
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

_CHUNK = 1 << 20  # bytes read at a time: the text of a whole national store never exists at once


def _raw_lines(data: bytes, pos: int, end: int) -> Iterator[str]:
    """The physical lines of data[pos:end] (which ends in "\n"), without their newline,
    as raw text: each byte one character (Latin-1), not yet checked as UTF-8.

    The fast reader splits and looks up these, and decodes each distinct field as UTF-8
    the first time it sees it (``_utf8``), so every byte it reads is still checked. Text
    decoded as UTF-8 up front cost 5-8 % more instructions: a store with Vietnamese names
    decodes to two bytes a character, and every field split from it was scanned again to
    narrow it, and hashed over twice the bytes.
    """
    while pos < end:
        stop = data.find(b"\n", min(pos + _CHUNK, end - 1)) + 1
        lines = str(data[pos:stop], "latin-1").split("\n")
        lines.pop()  # the empty text after the chunk's last newline
        yield from lines
        pos = stop


def _utf8(raw: str, file: str, line: int) -> str:
    """Raw text (``_raw_lines``) as the UTF-8 it should be, or the general reader's error."""
    if raw.isascii():
        return raw
    try:
        return raw.encode("latin-1").decode("utf-8")
    except UnicodeDecodeError:
        raise fail(Location(file, line), msg(_NOT_UTF8)) from None


def _raw(text: str) -> str:
    """The raw form (``_raw_lines``) of decoded text: the key it is remembered by."""
    return text if text.isascii() else text.encode("utf-8").decode("latin-1")


def _check_utf8(data: bytes, pos: int, start: int, file: str) -> None:
    """Raise as the general reader would if anything from ``pos`` on is not UTF-8."""
    end = len(data)
    while pos < end:
        stop = min(pos + _CHUNK, end)
        while stop < end and data[stop] & 0xC0 == 0x80:  # do not split a character
            stop += 1
        try:
            str(data[pos:stop], "utf-8")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", start, pos + exc.start) + 1
            raise fail(Location(file, line), msg(_NOT_UTF8)) from None
        pos = stop


class _Rows:
    """Rows of the fast reader, and what it remembers of the fields it has checked.

    A national store repeats itself: ten thousand indicator ids, a few hundred periods,
    and the last four fields of a row (status, source, note, recorded_at) shared by all
    the figures of one report. Each distinct text is checked once, then looked up; a row
    whose four parts are all known is taken as is. Any other row goes through ``check``,
    which applies the general reader's checks in its order and remembers what passed.
    """

    LIMIT = 200_000  # entries per table at most: memory stays bounded on any file

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.names: dict[str, str] = {}
        self.periods: dict[str, Period] = {}
        self.tails: dict[str, tuple[str, str, str, str]] = {}
        self.stamps: dict[str, str] = {}
        self.texts: dict[str, str] = {}
        self.columns: tuple[list, ...] = ([], [], [], [], [])

    def problem(self, line: int, message: Message | str) -> None:
        self.problems.append(Problem(Location(self.file, line), message))

    def check(
        self, fields: list[str], line: int, rest: str | None = None, raw: tuple[str, str, str | None] | None = None
    ) -> None:
        """One row, as ``fields`` (seven) or as its first three and the ``rest`` of the line.

        ``raw``: the row's indicator, period and rest as raw text (``_raw_lines``), which
        is what the fast loop looks up: what passes is remembered under them. Worked out
        from the text when not given (a record the csv module read).
        """
        if rest is not None:
            count = 4 + rest.count(",") if len(fields) == 4 else len(fields)
        else:
            count = len(fields)
        if count != len(HEADER):
            if count == 1 and not fields[0].strip():
                return  # a blank line
            self.problem(line, _field_count(count))
            return
        ind, period_text, value_text = fields[0], fields[1], fields[2]
        status, source, note, recorded = rest.split(",") if rest is not None else fields[3:]
        if raw is None:
            raw = (_raw(ind), _raw(period_text), None)
        period = self.periods.get(raw[1])
        if period is None:
            try:
                period = _period(period_text)
            except PeriodError as exc:
                self.problem(line, said(exc))
                return
            self._remember(self.periods, raw[1], period)
        try:
            value = _value(value_text, status)
        except ValueError as exc:
            self.problem(line, said(exc))
            return
        if status not in _STATUSES:
            self.problem(line, _bad_status(status))
            return
        stamp = self.stamps.get(recorded)
        if stamp is None:
            try:
                stamp = _recorded_at(recorded)  # once per distinct timestamp: then remembered
            except ValueError as exc:
                self.problem(line, said(exc))
                return
            self._remember(self.stamps, recorded, stamp)
        if not ind:
            self.problem(line, msg("store_indicator_empty"))
            return
        tail = (_STATUSES[status], self._text(source), self._text(note), stamp)
        if raw[2] is not None and status != RETRACTED:
            # Not a retraction's ending: the fast loop would take the next row that ends
            # the same way without checking that its value is empty.
            self._remember(self.tails, raw[2], tail)
        self._remember(self.names, raw[0], ind)
        self.add(ind, period, value, tail, line)

    def _text(self, text: str) -> str:
        kept = self.texts.get(text)
        return kept if kept is not None else self._remember(self.texts, text, nfc(text))

    def _remember(self, table: dict, key: Any, value: Any) -> Any:
        if len(table) < self.LIMIT:
            table[key] = value
        return value

    def add(self, name: str, period: Period, value: float, tail: tuple, line: int) -> None:
        for column, item in zip(self.columns, (name, period, value, tail, line), strict=True):
            column.append(item)

    def observations(self) -> tuple[Observation, ...]:
        inds, periods, values, tails, lines = self.columns
        status, source, note, recorded = (list(map(itemgetter(i), tails)) for i in range(4))
        return _build_observations((inds, periods, values, status, source, note, recorded, lines))


def _parse_fast(data: bytes, start: int, file: str, reads: Callable[[str], bool] | None = None) -> StoreContents | None:
    """The fast reader; None when the file is not of the plain shape it handles."""
    first = data.find(b"\n", start)
    if first < 0:
        return None
    try:
        header_line = str(data[start:first], "utf-8")
    except UnicodeDecodeError:
        return None
    limit = csv.field_size_limit()
    if not header_line.strip() or '"' in header_line or len(header_line) > limit:
        return None  # a blank or quoted header is for the general reader
    header = header_line.split(",")
    if [h.strip().lower() for h in header] != list(HEADER):
        try:
            _column_order(header, file)
        except InputError:
            _check_utf8(data, first, start, file)  # an encoding error is reported first, as ever
            raise
        return None  # the columns in another order: the general reader

    if not data.endswith(b"\n"):
        try:
            whole = _ends_in_a_row(
                str(data[start:first], "utf-8") + "\n" + str(data[data.rfind(b"\n") + 1 :], "utf-8"), file
            )
        except UnicodeDecodeError:
            whole = False
        if whole:
            data += b"\n"  # a copy, made only for a store saved without its last newline
    rows = _Rows(file)
    end = len(data)
    torn = 0
    if not data.endswith(b"\n"):
        end = data.rfind(b"\n") + 1
        torn = data.count(b"\n", start) + 1
        rows.problem(torn, msg(_TORN, repair=_REPAIR))
    names, periods, tails = rows.names, rows.periods, rows.tails
    add_ind, add_period, add_value, add_tail, add_line = (c.append for c in rows.columns)
    check = rows.check

    lines = _raw_lines(data, first + 1, end)
    line_no = 1
    # Whether this process reads an indicator's rows, asked once per id (``reads``).
    read_here: dict[str, bool] = {}
    left_out = 0

    def read_record(line: str, line_no: int, head: list[str]) -> int:
        """The record that starts on ``line``, read by the csv module (quoted fields, perhaps
        over several lines, or a long line) and checked; the number of its last line.

        ``head``: the line split at its first three commas. When the record is that one
        line and those three fields hold no quote, its last four fields, as raw text, are
        remembered with the rest, so the next line that ends the same way (the same source
        and a quoted note, say) is read by the fast loop.
        """
        nonlocal left_out
        reader = csv.reader(_decoded(chain((line,), lines), file, line_no))
        try:
            fields = next(reader)
        except csv.Error as exc:
            # As the general reader does: report the record and read on.
            last = line_no + reader.line_num - 1
            rows.problem(last, msg("store_not_csv", detail=exc))
            return last
        last = line_no + reader.line_num - 1
        if reads is not None and fields and not reads(fields[0]):
            left_out += 1
            return last
        plain_head = (
            last == line_no
            and len(head) == 4
            and len(line) <= limit
            and '"' not in head[0]
            and '"' not in head[1]
            and '"' not in head[2]
        )
        check(fields, last, None, (head[0], head[1], head[3]) if plain_head else None)
        return last

    for line in lines:
        line_no += 1
        fields = line.split(",", 3)
        quoted = '"' in line or len(line) > limit
        if quoted and (
            len(fields) != 4
            or fields[3] not in tails
            or len(line) > limit
            or '"' in fields[0]
            or '"' in fields[1]
            or '"' in fields[2]
        ):
            line_no = read_record(line, line_no, fields)
            continue
        if reads is not None:
            here = read_here.get(fields[0])
            if here is None:
                here = read_here[fields[0]] = reads(_utf8(fields[0], file, line_no))
            if not here:
                left_out += 1  # a row the caller does not want
                continue
        if len(fields) == 4:
            ind, period_text, value_text, rest = fields
            name = names.get(ind)
            period = periods.get(period_text)
            tail = tails.get(rest)
            if name is not None and period is not None and tail is not None:
                # rules.number's rule, in the loop: float() also takes "1_000", "nan",
                # "inf" and non-ASCII digits, which it refuses, so only a finite value of
                # plain ASCII without "_" is taken here; anything else goes to ``check``
                # (tests/test_fast_paths.py holds the two to the same answer on any text).
                try:
                    value = float(value_text)
                except ValueError:
                    value = None
                if (
                    value is not None
                    and value - value == 0.0
                    and "_" not in value_text
                    and value_text.isascii()
                    and (value or not nonzero_mantissa(value_text))
                ):  # 1e-400 is no 0
                    add_ind(name)
                    add_period(period)
                    add_value(value)
                    add_tail(tail)
                    add_line(line_no)
                    continue
            raw = (ind, period_text, rest)
        else:
            raw = (fields[0], fields[1] if len(fields) > 1 else "", None)
        if quoted:
            # A known quoted ending, but something else in the row to check: the csv
            # module reads it, as any quoted record.
            line_no = read_record(line, line_no, fields)
            continue
        # Not a row made of parts already checked: decoded as UTF-8 (which stops the
        # reading here if it is not), then checked field by field.
        text = _utf8(line, file, line_no)
        if text is not line:
            fields = text.split(",", 3)
        check(fields, line_no, fields[3] if len(fields) == 4 else "", raw)
    if torn:
        _check_utf8(data, end, start, file)
    return StoreContents(rows.observations(), tuple(rows.problems), torn, left_out)


def _decoded(lines: Iterator[str], file: str, line_no: int) -> Iterator[str]:
    """Raw lines from line ``line_no`` on, decoded as UTF-8, each with its newline."""
    for raw in lines:
        yield _utf8(raw, file, line_no) + "\n"
        line_no += 1


_FIELDS = ("indicator", "period", "value", "status", "source", "note", "recorded_at", "line")


def _build_observations(columns: tuple[list, ...]) -> tuple[Observation, ...]:
    """Observations from columns of field values, as ``Observation(*row)`` would make them.

    ``Observation`` is a named tuple, so each row is the tuple ``zip`` makes, given the
    class by ``tuple.__new__``: no Python call per row (about 0.3 µs a row here, against
    0.7 µs for the frozen dataclass it was). Should its fields change, the plain
    constructor is used.
    """
    if Observation._fields != _FIELDS:
        return tuple(map(Observation, *columns))
    return tuple(map(tuple.__new__, repeat(Observation), zip(*columns, strict=True)))


def encode_rows(observations: Iterable[Observation], with_header: bool, columns: Sequence[str] = HEADER) -> bytes:
    """Rows as CSV bytes, their fields in the order of ``columns`` (the store's header)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    if with_header:
        writer.writerow(HEADER)
    order = None if tuple(columns) == HEADER else [HEADER.index(c) for c in columns]
    for o in observations:
        value = "" if o.status == RETRACTED else format_value(o.value)
        row = (o.indicator, str(o.period), value, o.status, o.source, o.note, o.recorded_at)
        writer.writerow(row if order is None else [row[i] for i in order])
    return buf.getvalue().encode("utf-8")


def check_appendable(path: Path) -> tuple[str, ...]:
    """The columns of an existing, non-empty store in its own order, once it is known that
    the readers accept it as a whole (header, UTF-8 throughout); else their refusal."""
    columns = _columns_of(path)
    _check_store_utf8(path)
    return columns


def _columns_of(path: Path) -> tuple[str, ...]:
    """The store's columns in its own order, from its header, checked as the readers check
    it: a file whose columns a person reordered gets its rows in that order, never in
    HEADER's, which would put each figure under another column for good."""
    with open(path, "rb") as fh:
        line = fh.readline(1 << 16)
    line = line[3:] if line.startswith(b"\xef\xbb\xbf") else line
    try:
        text = line.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError:
        raise fail(Location(str(path), 1), msg(_NOT_UTF8)) from None
    names = next(csv.reader([text]), [])
    _column_order(names, str(path))  # the reader's refusal, if it refuses the header
    return tuple(n.strip().lower() for n in names)


def _check_store_utf8(path: Path) -> None:
    """Refuse, as every reader would, a store with bytes that are not UTF-8 anywhere.

    Appending UTF-8 rows to a file saved in Windows-1258 would leave one file in two
    encodings that no reader accepts and no converter can fix whole. A pass over the
    mapped file, a megabyte at a time: about a tenth of a second on a national store.
    """
    import mmap

    with open(path, "rb") as fh:
        if not os.fstat(fh.fileno()).st_size:
            return
        with mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
            end = len(data)
            pos = 0
            while pos < end:
                stop = min(pos + _CHUNK, end)
                while stop < end and data[stop] & 0xC0 == 0x80:  # do not split a character
                    stop += 1
                try:
                    str(data[pos:stop], "utf-8")
                except UnicodeDecodeError as exc:
                    line = _newlines(data, 0, pos + exc.start) + 1
                    raise fail(Location(str(path), line), msg(_NOT_UTF8)) from None
                pos = stop


def _lock(path: Path):
    from filelock import FileLock  # imported here: only writers need it

    if not path.resolve().parent.is_dir():
        # filelock would create the folder: a mistyped `observations:` path must not
        # silently start a new store somewhere else.
        raise fail(str(path), msg("store_lock_no_folder", folder=path.parent))
    # Beside the real file: two symlinks to one store (or a symlink and the file) share
    # one lock, so their appends and repairs never interleave (docs/data-integrity.md).
    return FileLock(str(path.resolve()) + ".lock", timeout=lock_timeout())


def missing_folder(path: Path) -> Problem | None:
    """The problem when the store's folder does not exist: it is never created silently
    (a typo in 'observations:' would otherwise start a new store somewhere unexpected)."""
    folder = path.resolve().parent
    if folder.is_dir():
        return None
    return Problem(Location(str(path)), msg("store_missing_folder", folder=folder))


def lock_timeout() -> float:
    """Seconds a writer waits for the lock: ``QNTRACK_LOCK_TIMEOUT``, else 30 (README)."""
    raw = os.environ.get("QNTRACK_LOCK_TIMEOUT", "")
    try:
        seconds = float(raw) if raw.strip() else 30.0
    except ValueError:
        raise fail("QNTRACK_LOCK_TIMEOUT", msg("store_lock_timeout_not_number", raw=raw), ExitCode.USAGE) from None
    if not seconds >= 0 or seconds == float("inf"):
        raise fail("QNTRACK_LOCK_TIMEOUT", msg("store_lock_timeout_negative", raw=raw), ExitCode.USAGE)
    return seconds


def _stored_now(path: Path, indicator_ids: set[str]) -> tuple[Observation, ...]:
    """``stored_rows`` of the file as it is (the caller holds the lock), mapped rather than
    read: a national store is 100 MB, of which a few lines are wanted."""
    import mmap

    with open(path, "rb") as fh:
        if not os.fstat(fh.fileno()).st_size:
            return ()
        with mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
            return stored_rows(data, indicator_ids, str(path))


def _newlines(data: Any, start: int, stop: int) -> int:
    """``data.count(b"\n", start, stop)`` for bytes or a memory map (which has no count)."""
    if isinstance(data, bytes):
        return data.count(b"\n", start, stop)
    step = 1 << 22
    return sum(data[a : min(a + step, stop)].count(b"\n") for a in range(start, stop, step))


def stored_rows(data: Any, indicator_ids: set[str], file: str) -> tuple[Observation, ...]:
    """The rows of these indicators in a store's bytes, read leniently: what an append
    compares its rows with (``keep`` in ``append_observations``).

    For a few indicators only their lines are looked up (``\nID,``), so adding a figure
    costs about the same on a national store as on a small one (docs/performance.md);
    a quoted id or a record over several lines sends it to the full reader. Bad rows are
    ``check``'s to report, not a reason to refuse an append: they are left out here.
    """
    start = 3 if data[:3] == b"\xef\xbb\xbf" else 0
    first = data.find(b"\n", start) + 1
    if not first:
        return ()
    header = data[start:first]
    # Each id is one pass over the bytes (a tenth of a second on a national store): a
    # batch of many indicators is read by the fast reader instead.
    if (
        len(indicator_ids) <= 8
        and b"\r" not in header
        and header[:-1].decode("utf-8", "replace").split(",") == list(HEADER)
    ):
        found: list[int] = []
        for ind in indicator_ids:
            needle = b"\n" + ind.encode("utf-8") + b","
            pos = data.find(needle, first - 1)
            while pos >= 0:
                found.append(pos + 1)
                pos = data.find(needle, pos + 1)
        found.sort()
        lines: list[bytes] = []
        numbers: list[int] = []
        line, at = 1, 0
        for pos in found:
            line += _newlines(data, at, pos)
            at = pos
            end = data.find(b"\n", pos)
            text = data[pos : end if end >= 0 else len(data)]
            if text.count(b'"') % 2 or b"\r" in text:
                break  # a record over several lines, or a spreadsheet's line ends: read it all
            lines.append(text)
            numbers.append(line)
        else:
            contents = _lenient(header + b"\n".join(lines) + b"\n", file)
            return tuple(o._replace(line=numbers[o.line - 2]) for o in contents.observations)
    contents = _lenient(bytes(data), file, lambda ind: ind in indicator_ids)
    return contents.observations


def _lenient(data: bytes, file: str, reads: Callable[[str], bool] | None = None) -> StoreContents:
    """``parse_store``, with bytes that are not UTF-8 read as U+FFFD rather than refused."""
    try:
        return parse_store(data, file, reads)
    except InputError:
        return parse_store(data.decode("utf-8", "replace").encode("utf-8"), file, reads)


def append_observations(
    path: Path,
    observations: Sequence[Observation],
    keep: Callable[[tuple[Observation, ...]], Sequence[Observation]] | None = None,
    not_done: Message | None = None,
) -> list[Observation]:
    """Append rows under an exclusive lock, in one write; the header too if the file is new.

    ``keep(stored)``: given the stored rows of the batch's indicators, read under the lock
    (so a row another process appended a moment ago counts), the rows to write; by
    default all of them. Returns the rows written. ``not_done`` ends a message about an
    OS error: what was not done ("nothing was added", the default; a retraction says
    "nothing was withdrawn").

    Refuses to append after an incomplete last line, so a new row is never glued onto
    the remnant of an interrupted write.
    """
    from filelock import Timeout

    if path.is_dir():
        raise fail(str(path), msg("store_is_directory"))
    folder = missing_folder(path)
    if folder is not None:
        raise InputError([folder])
    from ..files.textfiles import open_regular

    lock = _lock(path)
    try:
        with lock:
            opened = open_regular(path, "the observations file")  # refuses a FIFO or device
            if opened is not None:
                os.close(opened[0])
            pending = read_pending(path)
            if pending is not None:
                raise fail(str(path), _not_added(pending))
            new_file = not path.exists() or path.stat().st_size == 0
            newline = b""
            if not new_file:
                with open(path, "rb") as fh:
                    fh.seek(-1, os.SEEK_END)
                    if fh.read(1) != b"\n":
                        fh.seek(0)
                        data = fh.read()
                        if _last_line_is_whole(data, str(path)):
                            newline = b"\n"  # saved by an editor without it: added in the batch
                        else:
                            lines = data.count(b"\n") + 1
                            raise fail(Location(str(path), lines), msg("recording_torn"))
            columns = HEADER if new_file else check_appendable(path)
            rows = list(observations)
            if keep is not None:
                stored = () if new_file else _stored_now(path, {o.indicator for o in rows})
                rows = list(keep(stored))
            if not rows:
                return rows
            payload = newline + encode_rows(rows, with_header=new_file, columns=columns)
            _append_batch(path, payload, len(rows))
            return rows
    except Timeout:
        raise fail(str(path), msg("store_lock_busy", lock=lock.lock_file, seconds=f"{lock.timeout:g}")) from None
    except OSError as exc:
        named = os.fsdecode(exc.filename) if exc.filename is not None else ""
        on_lock = named.endswith(".lock")
        after = not_done or msg("store_nothing_added")
        if named and not on_lock and Path(named).name != path.name:
            # The journal (or its temporary file) could not be made beside the store: the
            # obstacle is the folder (read-only, `chattr +i`, full of inodes), not the
            # store, which may well be writable. Name the folder, as the user knows it.
            raise os_failure(exc, str(path.resolve().parent), msg("store_doing_journal"), after) from None
        # The journal and its temporary file are ours, not names the user knows: name the store.
        shown = named or str(path) if on_lock else str(path)
        raise os_failure(exc, shown, msg("store_doing_lock") if on_lock else msg("store_doing_append"), after) from None


_WRITE = 1 << 20  # bytes a write at most: a big batch goes in several


def _append_batch(path: Path, payload: bytes, rows: int) -> None:
    """Append ``payload`` all or nothing (the caller holds the lock).

    The store's size is first recorded in a journal beside it, made durable; then the
    rows are appended and synced; then the journal is removed. A crash at any point
    leaves either no journal (the batch is whole, or was never begun) or the journal,
    which tells every reader where the committed rows end and tells
    ``qntrack check --repair`` what to set aside (docs/data-integrity.md).
    """
    from ..files.repair import _sync_folder
    from ..files.starter import write_atomically

    journal = pending_path(path)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        size = os.fstat(fd).st_size
        write_atomically(journal, f"{_JOURNAL}size {size}\nrows {rows}\n".encode("ascii"))
        _sync_folder(path.parent)
        try:
            view = memoryview(payload)
            while view:
                written = os.write(fd, view[:_WRITE])
                view = view[written:]
            os.fsync(fd)
        except OSError:
            # A full disk may take part of the batch: cut the file back to what it was
            # and drop the journal, so that no row is half-written (all or nothing).
            os.ftruncate(fd, size)
            os.unlink(journal)
            raise
    finally:
        os.close(fd)
    os.unlink(journal)
    _sync_folder(path.parent)
