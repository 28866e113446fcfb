"""The store's fast reader: a national store of a million rows read in about the time the
csv module alone takes (docs/performance.md).

It handles the common shape of observations.csv (a plain header, Unix line ends, no NUL),
reads the bytes a chunk at a time, splits unquoted lines itself and checks each distinct
period, timestamp and text once, by the rules of ``rules`` (the general reader's, in
``store``). Anything else is left to the general reader; tests/test_fast_paths.py holds
the two to the same output on generated files.
"""

from __future__ import annotations

import csv
from itertools import chain, repeat
from typing import Any, Callable, Iterator, Sequence

from ..catalog import Message, msg, said
from ..errors import InputError, fail
from ..plan.model import RETRACTED, Location, Observation, Problem
from ..plan.periods import Period, PeriodError
from .rules import STATUSES as _STATUSES
from .rules import nonzero_mantissa, stored_cell_error
from .rules import stored_period as _period
from .shown_days import stored_moment as _recorded_at  # a bare date in the plan's zone
from .rules import value as _value
from .store import (
    csv_reason,
    NOT_UTF8,
    REPAIR,
    torn_id,
    HEADER,
    Distinct,
    StoreContents,
    bad_status,
    column_order,
    ends_in_a_row,
    wrong_field_count,
)
from .textfiles import nfc

_SLICE = 1 << 16  # rows made at a time from the columns (Rows.observations)
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
        raise fail(Location(file, line), msg(NOT_UTF8)) from None


def _raw(text: str) -> str:
    """The raw form (``_raw_lines``) of decoded text: the key it is remembered by."""
    return text if text.isascii() else text.encode("utf-8").decode("latin-1")


def check_utf8(data: Any, pos: int, start: int, file: str) -> None:
    """Raise as the general reader would if anything from ``pos`` on is not UTF-8, naming
    the line counted from ``start``. ``data`` is bytes, or the memory map of a store an
    append checks whole (appending.py)."""
    end = len(data)
    while pos < end:
        stop = min(pos + _CHUNK, end)
        while stop < end and data[stop] & 0xC0 == 0x80:  # do not split a character
            stop += 1
        try:
            str(data[pos:stop], "utf-8")
        except UnicodeDecodeError as exc:
            if stop == end and exc.end == stop - pos and exc.reason == "unexpected end of data":
                return  # a write cut inside a letter: a torn last row, which the readers say
            line = newlines(data, start, pos + exc.start) + 1
            raise fail(Location(file, line), msg(NOT_UTF8)) from None
        pos = stop


def newlines(data: Any, start: int, stop: int) -> int:
    """``data.count(b"\n", start, stop)`` for bytes or a memory map (which has no count)."""
    if isinstance(data, bytes):
        return data.count(b"\n", start, stop)
    step = 1 << 22
    return sum(data[a : min(a + step, stop)].count(b"\n") for a in range(start, stop, step))


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
        # A row's ending without its moment, as raw text up to the last comma: an import
        # gives each row its own moment, so its whole endings never repeat (``known_head``).
        self.heads: dict[str, tuple[str, str, str]] = {}
        # Shorter still, up to the comma before the note: an Open SDG import gives each
        # row a note of its own (the file and line it came from), so even the heads of a
        # store it wrote never repeat, and every row went to the csv module (~4x slower).
        self.pairs: dict[str, tuple[str, str]] = {}
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
            # The row's cells, the rest split as the csv module would (a line without quotes).
            cells = fields if rest is None else [*fields[:3], *rest.split(",")] if len(fields) == 4 else ()
            self.problem(line, wrong_field_count(count, cells))
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
                self.problem(line, stored_cell_error("period", period_text) or said(exc))
                return
            self._remember(self.periods, raw[1], period)
        try:
            value = _value(value_text, status)
        except ValueError as exc:
            self.problem(line, stored_cell_error("value", value_text) or said(exc))
            return
        if status not in _STATUSES:  # '#N/A' told as in the other cells (pass G)
            self.problem(line, stored_cell_error("status", status) or bad_status(status))
            return
        stamp = self.stamps.get(recorded)
        if stamp is None:
            try:
                stamp = _recorded_at(recorded)  # once per distinct timestamp: then remembered
            except ValueError as exc:
                self.problem(line, stored_cell_error("recorded_at", recorded) or said(exc))
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
            if raw[2].endswith("," + recorded) and '"' not in recorded:
                # The moment was the line's last field, plain: the text before its comma
                # reads as these three fields whatever plain moment follows.
                head = raw[2][: -len(recorded) - 1]
                self._remember(self.heads, head, tail[:3])
                raw_note = _raw(note)
                if head.endswith("," + raw_note) and '"' not in note and "\r" not in note:
                    # Likewise the note, plain: the text before it is this status and source.
                    self._remember(self.pairs, head[: -len(raw_note) - 1], tail[:2])
        self._remember(self.names, raw[0], ind)
        self.add(ind, period, value, tail, line)

    def known_head(self, rest: str) -> tuple[str, str, str, str] | None:
        """The checked status, source, note and moment of a row ending in ``rest`` (the
        raw text after its third comma) that ``tails`` lacks, when its status, source and
        note were checked before (``heads``) and a valid plain moment follows; else None,
        and the row is checked. The fast loop asks ``tails`` itself first, in C."""
        head, _, moment = rest.rpartition(",")
        if '"' in moment:
            return None
        known = self.heads.get(head)
        if known is None:
            known = self._known_pair(head)
            if known is None:
                return None
        stamp = self.stamps.get(moment)
        if stamp is None:
            try:
                stamp = _recorded_at(moment)
            except ValueError:
                return None  # ``check`` says what is wrong with it, on its line
            self._remember(self.stamps, moment, stamp)
        # Remembered whole too: the rest of a report's rows end the same way and then share
        # this tuple (without it the generated stores read 2 s slower and 60 MB larger).
        tail: tuple[str, str, str, str] = self._remember(self.tails, rest, (*known, stamp))
        return tail

    def _known_pair(self, head: str) -> tuple[str, str, str] | None:
        """The checked status, source and note of ``head`` (a row's ending without its
        moment) when its status and source were checked before (``pairs``) and a plain
        note follows, as ``check`` reads one: no quote, no CR, valid UTF-8."""
        before, _, raw_note = head.rpartition(",")
        pair = self.pairs.get(before)
        if pair is None or '"' in raw_note or "\r" in raw_note:
            return None
        try:
            note = raw_note if raw_note.isascii() else raw_note.encode("latin-1").decode("utf-8")
        except UnicodeDecodeError:
            return None  # ``check`` says so, on its line
        return (*pair, self._text(note))

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

    def distinct(self) -> Distinct | None:
        """Each distinct value of the rows read, or None when a table they come from is
        full (a value met after that was not remembered)."""
        if max(len(self.names), len(self.periods), len(self.texts)) >= self.LIMIT:
            return None
        return Distinct(
            # (every source and note of a row went through ``_text``, so ``texts`` has them all)
            frozenset(self.names.values()),
            frozenset(p.sort_key for p in self.periods.values()),
            frozenset(self.texts.values()),
        )

    def observations(self) -> tuple[Observation, ...]:
        inds, periods, values, tails, lines = self.columns
        self.columns = ()
        # Made a slice at a time: the four columns a row's ending is split into exist for
        # one slice only, not as four lists of a million (32 MB at the run's peak of memory).
        made = []
        for start in range(0, len(inds), _SLICE):
            part = slice(start, start + _SLICE)
            # Split in one pass by zip, in C (each tail holds exactly these four): four
            # passes of itemgetter took 0.015-0.02 s more of a national store's read (issue
            # 17, thirty-third session).
            status, source, note, recorded = zip(*tails[part], strict=True)
            made.append(
                _build_observations(
                    (inds[part], periods[part], values[part], status, source, note, recorded, lines[part])
                )
            )
        del inds, periods, values, tails, lines
        return tuple(chain.from_iterable(made))


def _parse_fast(
    holder: list[bytes], start: int, file: str, reads: Callable[[str], bool] | None = None, crlf: bool = False
) -> StoreContents | None:
    """The fast reader; None when the file is not of the plain shape it handles.

    ``crlf``: the file's line ends were all CRLF, made LF (store.parse_store): a line end
    within a quoted field is given back its CR, as the general reader reads it.

    ``holder``: a list holding the bytes (store.parse_store). Once the reader knows it can
    read the file, it takes them out; it lets them go when every line is read, before the
    rows are made. None leaves them in it.
    """
    data = holder[0]
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
            column_order(header, file)
        except InputError:
            check_utf8(data, first, start, file)  # an encoding error is reported first, as ever
            raise
        return None  # the columns in another order: the general reader

    if not data.endswith(b"\n"):
        try:
            whole = ends_in_a_row(
                str(data[start:first], "utf-8") + "\n" + str(data[data.rfind(b"\n") + 1 :], "utf-8"), file
            )
        except UnicodeDecodeError:
            whole = False
        if whole:
            data += b"\n"  # a copy, made only for a store saved without its last newline
    holder.clear()
    rows = _Rows(file)
    end = len(data)
    torn = 0
    if not data.endswith(b"\n"):
        end = data.rfind(b"\n") + 1
        torn = data.count(b"\n", start) + 1
        rows.problem(torn, msg(torn_id(data[end:]), repair=REPAIR))
    names, periods, tails, known_head = rows.names, rows.periods, rows.tails, rows.known_head
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
            rows.problem(last, msg("store_not_csv", detail=csv_reason(str(exc))))
            return last
        last = line_no + reader.line_num - 1
        if crlf and last > line_no:
            fields = [f.replace("\n", "\r\n") for f in fields]
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
        tail = None
        if quoted and (
            len(fields) != 4
            or len(line) > limit
            or '"' in fields[0]
            or '"' in fields[1]
            or '"' in fields[2]
            or ((tail := tails.get(fields[3])) is None and (tail := known_head(fields[3])) is None)
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
            if tail is None:
                tail = tails.get(rest) or known_head(rest)
            if name is not None and period is not None and tail is not None:
                # rules.number's rule, in the loop: float() also takes "1_000", "nan",
                # "inf", "8." and non-ASCII digits, which it refuses, so only a finite value
                # of plain ASCII without "_" or a last "." is taken here; anything else goes
                # to ``check`` (tests/test_fast_paths.py holds the two to the same answer).
                try:
                    value = float(value_text)
                except ValueError:
                    value = None
                if (
                    value is not None
                    and value - value == 0.0
                    and "_" not in value_text
                    and value_text[-1] > "."  # no last "." (8.), nor space the rule strips (8. )
                    and value_text.isascii()
                    and (value or not nonzero_mantissa(value_text))
                ):  # 1e-400 is no 0
                    add_ind(name)
                    add_period(period)
                    add_value(value + 0.0)  # -0 is 0, as rules.number reads it
                    add_tail(tail)
                    add_line(line_no)
                    continue
            raw: tuple[str, str, str | None] = (ind, period_text, rest)
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
        check_utf8(data, end, start, file)
    # Every line read: the bytes may go before the rows are made, and the columns' appenders.
    del data, add_ind, add_period, add_value, add_tail, add_line  # (``lines`` is spent: it holds none)
    distinct = rows.distinct()
    return StoreContents(rows.observations(), tuple(rows.problems), torn, left_out, distinct)


def _decoded(lines: Iterator[str], file: str, line_no: int) -> Iterator[str]:
    """Raw lines from line ``line_no`` on, decoded as UTF-8, each with its newline."""
    for raw in lines:
        yield _utf8(raw, file, line_no) + "\n"
        line_no += 1


_FIELDS = ("indicator", "period", "value", "status", "source", "note", "recorded_at", "line")


def _build_observations(columns: tuple[Sequence[Any], ...]) -> tuple[Observation, ...]:
    """Observations from columns of field values, as ``Observation(*row)`` would make them.

    ``Observation`` is a named tuple, so each row is the tuple ``zip`` makes, given the
    class by ``tuple.__new__``: no Python call per row (about 0.3 µs a row here, against
    0.7 µs for the frozen dataclass it was). Should its fields change, the plain
    constructor is used.
    """
    if Observation._fields != _FIELDS:
        return tuple(map(Observation, *columns))
    return tuple(map(tuple.__new__, repeat(Observation), zip(*columns, strict=True)))
