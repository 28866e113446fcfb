"""observations.csv: the record of published figures. Read whole, only ever appended to.

Every row stays in the file forever; a later row for the same indicator and period is a
revision (see ``vintages.in_force``). The file is plain UTF-8 CSV so that a person can
open it in a spreadsheet, and the tool never rewrites what a person wrote.
"""

from __future__ import annotations

import csv
import io
import math
import os
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Sequence

from .errors import InputError, fail
from .model import OBSERVATION_STATUSES, Location, Observation, Problem
from .periods import PeriodError, parse_period
from .textfiles import nfc

__all__ = [
    "HEADER",
    "StoreContents",
    "read_store",
    "parse_store",
    "append_observations",
    "format_value",
    "normalise_timestamp",
    "utc_now",
]

HEADER = ("indicator", "period", "value", "status", "source", "note", "recorded_at")
_CANONICAL_TS = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
_PLAIN_NUMBER = re.compile(r"^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$")


@dataclass(frozen=True, slots=True)
class StoreContents:
    """Rows that parsed, problems with the rest, and whether the last line was torn."""

    observations: tuple[Observation, ...]
    problems: tuple[Problem, ...]
    torn_line: int = 0  # 1-based line number of an incomplete last line, 0 if none


def utc_now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def normalise_timestamp(text: str) -> str:
    """ISO 8601 with a time zone (or a bare date, taken as midnight UTC) → ``...Z`` in UTC."""
    raw = text.strip()
    if _CANONICAL_TS.match(raw):
        return raw
    try:
        moment = datetime.fromisoformat(raw)
    except ValueError:
        raise ValueError(f"'{text}' is not an ISO 8601 timestamp; write e.g. 2023-11-27T09:00:00Z or 2023-11-27") from None
    if moment.tzinfo is None:
        if len(raw) == 10:
            moment = moment.replace(tzinfo=timezone.utc)
        else:
            raise ValueError(f"'{text}' has no time zone; add Z for UTC (2023-11-27T09:00:00Z) or an offset like +07:00")
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def format_value(value: float) -> str:
    """The shortest text that reads back as the same float (15.0 is written 15)."""
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def parse_value(text: str) -> float:
    raw = text.strip()
    if not _PLAIN_NUMBER.match(raw):
        if "," in raw:
            raise ValueError(f"'{text}' is not a number; use a decimal point and no thousands separator, e.g. 3130 or 10.28")
        raise ValueError(f"'{text}' is not a number; write a decimal like 10.28")
    value = float(raw)
    if not math.isfinite(value):
        raise ValueError(f"'{text}' is not a finite number")
    return value


def read_store(path: Path) -> StoreContents:
    """Read the whole store. A missing file is an empty store; unreadable text is an error."""
    if path.is_dir():
        raise fail(str(path), "the observations file is a directory, expected a CSV file")
    if not path.exists():
        return StoreContents((), ())
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise fail(str(path), f"cannot read the observations file: {exc.strerror or exc}") from None
    return parse_store(data, str(path))


def parse_store(data: bytes, file: str) -> StoreContents:
    if b"\x00" in data[:8192]:
        raise fail(file, "the observations file is a binary file, not CSV text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise fail(Location(file, line), "not UTF-8 text (perhaps Windows-1258 or TCVN3/ABC); save it as UTF-8") from None
    if not text.strip():
        return StoreContents((), ())
    torn = 0
    if not text.endswith("\n"):
        # A row is complete only once its newline is written (see append_observations):
        # anything after the last newline is the remnant of an interrupted write.
        cut = text.rfind("\n") + 1
        torn = text.count("\n") + 1
        text = text[:cut]
    problems: list[Problem] = []
    if torn:
        problems.append(Problem(Location(file, torn), "incomplete last row (the file does not end with a newline; a write was probably interrupted); run 'qntrack check --repair' to move it to a side file"))
    if not text:
        return StoreContents((), tuple(problems), torn)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        return StoreContents((), tuple(problems), torn)
    names = [h.strip().lower() for h in header]
    missing = [h for h in HEADER if h not in names]
    unknown = [h for h in names if h not in HEADER]
    if missing or unknown or len(set(names)) != len(names):
        detail = []
        if missing:
            detail.append("missing " + ", ".join(missing))
        if unknown:
            detail.append("unknown " + ", ".join(repr(u) for u in unknown))
        raise InputError([Problem(Location(file, 1), f"the header must be {','.join(HEADER)} ({'; '.join(detail) or 'a column is repeated'})")])
    order = [names.index(h) for h in HEADER]
    width = len(HEADER)
    rows: list[Observation] = []
    append = rows.append
    in_order = order == list(range(width))
    line = 1
    try:
        for fields in reader:
            line = reader.line_num
            if len(fields) != width:
                if not fields or (len(fields) == 1 and not fields[0].strip()):
                    continue
                problems.append(Problem(Location(file, line), f"expected {width} fields ({','.join(HEADER)}), found {len(fields)}"))
                continue
            if not in_order:
                fields = [fields[i] for i in order]
            ind, period_text, value_text, status, source, note, recorded = fields
            try:
                period = parse_period(period_text)
                value = parse_value(value_text)
                if status and status not in OBSERVATION_STATUSES:
                    raise ValueError(f"status '{status}' is not one of: (empty), {', '.join(OBSERVATION_STATUSES)}")
                if not _CANONICAL_TS.match(recorded):
                    recorded = normalise_timestamp(recorded)
            except (PeriodError, ValueError) as exc:
                problems.append(Problem(Location(file, line), str(exc)))
                continue
            if not ind:
                problems.append(Problem(Location(file, line), "the indicator is empty"))
                continue
            if not source.isascii() or not note.isascii():
                source, note = nfc(source), nfc(note)
            append(Observation(ind, period, value, status, source, note, recorded, line))
    except csv.Error as exc:
        problems.append(Problem(Location(file, reader.line_num or line), f"not valid CSV: {exc}"))
    return StoreContents(tuple(rows), tuple(problems), torn)


def encode_rows(observations: Iterable[Observation], with_header: bool) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    if with_header:
        writer.writerow(HEADER)
    for o in observations:
        writer.writerow((o.indicator, str(o.period), format_value(o.value), o.status, o.source, o.note, o.recorded_at))
    return buf.getvalue().encode("utf-8")


def _lock(path: Path):
    from filelock import FileLock, Timeout  # noqa: F401  (imported here: only writers need it)

    return FileLock(str(path) + ".lock", timeout=30)


def append_observations(path: Path, observations: Sequence[Observation]) -> None:
    """Append rows under an exclusive lock, in one write; the header too if the file is new.

    Refuses to append after an incomplete last line, so a new row is never glued onto
    the remnant of an interrupted write.
    """
    from filelock import Timeout

    if path.is_dir():
        raise fail(str(path), "the observations file is a directory, expected a CSV file")
    lock = _lock(path)
    try:
        with lock:
            new_file = not path.exists() or path.stat().st_size == 0
            if not new_file:
                with open(path, "rb") as fh:
                    fh.seek(-1, os.SEEK_END)
                    if fh.read(1) != b"\n":
                        size = path.stat().st_size
                        with open(path, "rb") as whole:
                            lines = whole.read(size).count(b"\n") + 1
                        raise fail(Location(str(path), lines), "the file ends in an incomplete row (an interrupted write?); nothing was added; run 'qntrack check --repair' first")
            payload = encode_rows(observations, with_header=new_file)
            fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                view = memoryview(payload)
                while view:
                    written = os.write(fd, view)
                    view = view[written:]
                os.fsync(fd)
            finally:
                os.close(fd)
    except Timeout:
        raise fail(str(path), "another qntrack process holds the lock on this file; try again") from None
