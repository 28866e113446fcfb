"""Bulk import: many figures at once from a CSV/TSV file or stdin, all or nothing.

Two shapes are read. The *long* shape has one figure per row under a header naming at
least ``indicator``, ``period`` and ``value`` (``status``, ``source``, ``note`` and
``recorded_at`` are optional). The *wide* shape (``--wide``) is how statistical
yearbooks print a table: one row per indicator, one column per period.

Files come out of spreadsheets, so the reader copes with what Excel writes: a UTF-8
byte-order mark, CRLF line ends, UTF-16 "Unicode text", and, under Vietnamese regional
settings, semicolon-separated cells with decimal commas (``3,13``). A number is only
read when its meaning is certain under the file's convention; ``1.234`` in a file whose
convention was guessed could be 1234 or 1.234, so it is refused with a way to say which.

Every problem names the line of the *source* file. Nothing is written unless every row
is valid (``recording.record_many`` does the writing).
"""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO, Sequence

from ..errors import InputError, fail
from ..catalog import Message, msg
from ..catalog import said as _said
from ..plan.model import RETRACTED, Location, Observation, Problem
from ..plan.periods import PeriodError
from ..files.textfiles import nfc
from . import rules
from .rules import MAX_TEXT, nonzero_mantissa
from .rules import recorded_at as _recorded_at
from ..files.vocabulary import VIETNAMESE_COLUMNS, excel_date, foreign_digits, status_word, vietnamese_period

__all__ = [
    "ImportFormat",
    "RowDefaults",
    "ParsedTable",
    "ImportResult",
    "DELIMITERS",
    "read_source",
    "decode_source",
    "parse_table",
    "parse_number_cell",
    "parse_typed_number",
    "import_observations",
]

LONG_REQUIRED = ("indicator", "period", "value")
LONG_OPTIONAL = ("status", "source", "note", "recorded_at")
LONG_COLUMNS = LONG_REQUIRED + LONG_OPTIONAL
# Cells a yearbook prints where it has no figure; in a wide table they are skipped.
NO_FIGURE = frozenset({"", "-", "–", "—", "..", "...", "…"})
# Longer than any sensible source URL or note: a cell this long means the wrong file,
# or a missing quote that swallowed the rest of it (the limit of a new row's source).
MAX_CELL = MAX_TEXT

DELIMITERS = {",": ",", "comma": ",", ";": ";", "semicolon": ";", "tab": "\t", "\\t": "\t", "\t": "\t"}
_DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}


@dataclass(frozen=True, slots=True)
class ImportFormat:
    """How to read the file; ``None`` means detect it."""

    delimiter: str | None = None
    decimal_comma: bool | None = None
    wide: bool = False


@dataclass(frozen=True, slots=True)
class RowDefaults:
    """Values for cells that are empty or whose column is absent (the command's options)."""

    status: str = ""
    source: str = ""
    note: str = ""
    recorded_at: str = ""


@dataclass
class ParsedTable:
    """Candidate rows (source location, fields) and the problems found while reading them."""

    delimiter: str
    decimal_comma: bool
    candidates: list[tuple[Location, dict[str, str]]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ImportResult:
    store: Path
    rows: tuple[Observation, ...]
    delimiter: str
    decimal_comma: bool
    dry_run: bool
    skipped: int = 0  # valid rows left out as already recorded (history.already_recorded)
    warnings: tuple[Problem, ...] = ()  # rows that jump against the figures on record (recording.Recorded)
    # For each row left out as already recorded: the stored vintage it repeats and the
    # vintage in force for its period (recording.Recorded.vintages).
    vintages: tuple = ()


# --- reading the bytes ------------------------------------------------------------------


def read_source(name: str, stdin: BinaryIO | None = None) -> bytes:
    """The bytes of FILE, or of stdin for ``-``."""
    if name == "-":
        if stdin is None:
            import sys

            if sys.stdin is None:  # `<&-`: Python starts with no standard input at all
                raise fail("<stdin>", msg("import_stdin_closed"))
            stdin = sys.stdin.buffer
        try:
            return stdin.read()
        except (OSError, ValueError) as exc:
            raise fail(
                "<stdin>", msg("import_stdin_unreadable", reason=getattr(exc, "strerror", None) or exc)
            ) from None
    path = Path(name)
    if not path.exists():
        raise fail(name, msg("import_file_not_found"))
    if path.is_dir():
        raise fail(name, msg("import_is_directory"))
    import stat

    mode = path.stat().st_mode
    if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
        # A pipe is read (--from <(...)); a device such as /dev/zero would never end.
        raise fail(name, msg("import_not_regular"))
    try:
        return path.read_bytes()
    except OSError as exc:
        raise fail(name, msg("import_cannot_read", reason=exc.strerror or exc)) from None


def decode_source(data: bytes, file: str) -> str:
    """Text of an import file: UTF-8 (with or without BOM) or UTF-16 with a BOM."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Excel's "Unicode text" export: UTF-16 with a byte-order mark, tab-separated.
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise fail(file, msg("import_bad_utf16")) from None
    if b"\x00" in data[:8192]:
        raise fail(file, msg("import_binary"))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise fail(Location(file, line), msg("import_not_utf8")) from None


# --- numbers --------------------------------------------------------------------------


def _within(message_id: str, problem: str | Message, **params: object) -> Message:
    """``message_id``'s sentence around another module's message (periods.py).

    msg() turns values into text at once (English); the Message itself is kept as the
    ``problem`` value so that it can be shown in the user's language once messages.render
    renders Message values (today it shows the English text there)."""
    pairs = [(k, str(v)) for k, v in params.items()] + [("problem", problem)]
    return Message(message_id, tuple(sorted(pairs, key=lambda kv: kv[0])))


# A figure's problem in a wide table names its period column: the same sentence with the
# period in front, one whole sentence per message (word order differs in Vietnamese).
_IN_PERIOD = {
    "import_value_empty": "import_value_empty_in_period",
    "import_value_foreign_digits": "import_value_foreign_digits_in_period",
    "import_value_no_figure": "import_value_no_figure_in_period",
    "import_value_percent": "import_value_percent_in_period",
    "import_value_not_number": "import_value_not_number_in_period",
    "import_value_point_in_comma_file": "import_value_point_in_comma_file_in_period",
    "import_value_comma_in_point_file": "import_value_comma_in_point_file_in_period",
    "import_value_not_finite": "import_value_not_finite_in_period",
    "import_value_ambiguous_dot": "import_value_ambiguous_dot_in_period",
    "import_value_ambiguous_comma": "import_value_ambiguous_comma_in_period",
}


def _in_period(problem: str | Message, period: str) -> Message:
    if isinstance(problem, Message) and problem.id in _IN_PERIOD:
        pairs = [*problem.params, ("period", period)]
        return Message(_IN_PERIOD[problem.id], tuple(sorted(pairs)))
    return _within("import_in_period", problem, period=period)


def parse_number_cell(text: str, decimal_comma: bool, explicit: bool) -> float:
    """A figure as a spreadsheet writes it, read under one decimal convention.

    ``explicit`` says whether the convention was chosen by the user; when it was only
    detected, a number that would mean different things under the two conventions
    (``1,234`` or ``50.000``) is refused instead of guessed.
    """
    raw = text.strip().replace("\u2212", "-")  # a real minus sign, pasted from a document
    if not raw:
        raise ValueError(msg("import_value_empty"))
    if foreign_digits(raw):
        # float() and \\d would read them; no office writes them: refuse, never convert.
        raise ValueError(msg("import_value_foreign_digits", text=text))
    low = raw.lower().lstrip("+-")
    if low in ("nan", "inf", "infinity", "#n/a", "#value!", "#div/0!", "#ref!"):
        raise ValueError(msg("import_value_no_figure", text=text))
    if raw.endswith("%"):
        raise ValueError(msg("import_value_percent", text=text))
    value = _read_number(raw, decimal_comma, explicit)
    if value is None:
        if _read_number(raw, not decimal_comma, True) is None:
            raise ValueError(msg("import_value_not_number", text=text, example="1234,5" if decimal_comma else "1234.5"))
        # One sentence per convention: the two are not glued from translated halves.
        raise ValueError(
            msg("import_value_point_in_comma_file", text=text)
            if decimal_comma
            else msg("import_value_comma_in_point_file", text=text)
        )
    if not math.isfinite(value):
        raise ValueError(msg("import_value_not_finite", text=text))
    if value == 0.0:
        if nonzero_mantissa(raw):  # 1e-400 underflows to 0: refused as 1e309 is, never stored as 0
            raise ValueError(msg("store_value_underflow", text=text))
    return value


def _read_number(raw: str, decimal_comma: bool, explicit: bool) -> float | None:
    """The value under one convention; None when the text does not fit it at all."""
    dec, grp = (",", ".") if decimal_comma else (".", ",")
    d, g = re.escape(dec), re.escape(grp)
    plain = re.fullmatch(rf"([-+]?(?:\d+(?:{d}\d*)?|{d}\d+))([eE][-+]?\d+)?", raw)
    if plain:
        return float(plain.group(1).replace(dec, ".") + (plain.group(2) or ""))
    # A thousands group never starts with 0: '0.123' and '0,123' are only decimals.
    if not re.fullmatch(rf"[-+]?[1-9]\d{{0,2}}(?:{g}\d{{3}})+(?:{d}\d+)?", raw):
        return None
    if dec not in raw and not explicit:
        whole, fraction = raw.replace(grp, ""), raw.replace(grp, ".")
        raise ValueError(
            msg("import_value_ambiguous_dot", text=raw, whole=whole, fraction=fraction)
            if decimal_comma
            else msg("import_value_ambiguous_comma", text=raw, whole=whole, fraction=fraction)
        )
    return float(raw.replace(grp, "").replace(dec, "."))


def parse_typed_number(text: str, lang: str | None) -> float:
    """A figure typed on the command line, as a person writes it.

    A real minus sign (U+2212) is a minus. ``10.28`` and ``10,5`` each have one reading.
    One separator followed by exactly three digits (``1,234``, ``85.000``; not after a
    lone 0: ``0.123`` is 0.123, as no thousands group starts with 0) groups
    thousands under one convention and is the decimal under the other: ``lang`` (the
    --lang given, or QNTRACK_LANG) decides, ``vi`` with the decimal comma, ``en`` with
    the decimal point; with no language it is refused as ambiguous. With both
    separators the last one is the decimal (``1.000,0`` is 1000); a separator repeated
    (``12.345.678``) can only group thousands. See docs/decisions.md.
    """
    raw = text.strip().replace("\u2212", "-")
    if foreign_digits(raw):
        raise ValueError(msg("import_typed_foreign_digits", text=text))
    if raw.lower().lstrip("+-") in ("nan", "inf", "infinity"):
        raise ValueError(msg("import_typed_not_number", text=text))
    dot, comma = raw.rfind("."), raw.rfind(",")
    if dot >= 0 and comma >= 0:
        decimal_comma = comma > dot  # the last separator is the decimal
    else:
        mark = "," if comma >= 0 else "."
        # No thousands group starts with 0: '0.123' and '0,123' have one reading, 0.123.
        grouped = re.fullmatch(rf"[-+]?[1-9]\d{{0,2}}(?:{re.escape(mark)}\d{{3}})+", raw) is not None
        if not grouped:
            decimal_comma = mark == ","  # '10,5' and '10.28' have one reading each
        elif lang in ("vi", "en"):
            decimal_comma = lang == "vi"
        elif raw.count(mark) > 1:
            decimal_comma = mark == "."  # '12.345.678' or '1,234,567': only thousands
        else:
            whole, fraction = raw.replace(mark, ""), raw.replace(mark, ".")
            raise ValueError(
                msg("import_typed_ambiguous_comma", text=text, whole=whole, fraction=fraction)
                if mark == ","
                else msg("import_typed_ambiguous_point", text=text, whole=whole, fraction=fraction)
            )
    try:
        return parse_number_cell(raw, decimal_comma, explicit=True)
    except ValueError as exc:
        said = _said(exc)
        if isinstance(said, Message) and said.id in (
            "import_value_no_figure",
            "import_value_not_finite",
            "store_value_underflow",
        ):
            raise
        # The import's messages speak of the file's convention and its flags; here there are none.
        raise ValueError(msg("import_typed_not_number", text=text)) from None


def _canonical(value: float) -> str:
    return repr(value)


def _excel_date_message(text: str, guess: str, column: int = 0) -> Message:
    """'2025-04' that Excel made a date, in a period cell or (``column``) a wide header."""
    if column:
        if guess:
            return msg("import_excel_date_column_guess", column=column, text=text, guess=guess)
        return msg("import_excel_date_column", column=column, text=text)
    if guess:
        return msg("import_excel_date_guess", text=text, guess=guess)
    return msg("import_excel_date", text=text)


def _read_period(text: str) -> str:
    """A period cell: canonical forms as they are, Vietnamese names made canonical."""
    try:
        rules.period(text)
        return text
    except PeriodError:
        return vietnamese_period(text) or text


def _convention_shown(cells: Sequence[str], default: bool) -> bool:
    """The decimal convention the file's numbers show: decimal comma when some cell
    reads only that way ('3,13') and none only the other way ('1.5'); else ``default``
    (';' files: comma, others: point), whose usual messages then name the odd cells."""
    comma_only = point_only = False
    for cell in cells:
        raw = cell.strip().replace("\u2212", "-")
        as_comma, as_point = _read_number(raw, True, True), _read_number(raw, False, True)
        comma_only = comma_only or (as_comma is not None and as_point is None)
        point_only = point_only or (as_point is not None and as_comma is None)
    if comma_only != point_only:
        return comma_only
    return default


def _shows_thousands(cells: Sequence[str], decimal_comma: bool) -> bool:
    """Whether some cell can only be read with a thousands separator under the file's
    convention ('1.234,5' or '12.345.678' with decimal commas), or uses the convention's
    decimal mark ('12,5'): a file has one decimal mark, so the other separator can then
    only group thousands, and '85.000' in the same file is 85000, not ambiguous
    (docs/decisions.md, "Typing and importing")."""
    dec, grp = (",", ".") if decimal_comma else (".", ",")
    d, g = re.escape(dec), re.escape(grp)
    shown = re.compile(rf"[-+]?[1-9]\d{{0,2}}(?:{g}\d{{3}})+{d}\d+|[-+]?[1-9]\d{{0,2}}(?:{g}\d{{3}}){{2,}}")
    raws = [c.strip().replace("\u2212", "-") for c in cells]
    if any(shown.fullmatch(raw) for raw in raws):
        return True
    # The decimal mark in use, in a file none of whose cells reads only the other way
    # (a file mixing '12,5' and '12.5' shows no one mark: its '85.000' stays ambiguous).
    decimal = re.compile(rf"[-+]?\d*{d}\d+(?:[eE][-+]?\d+)?")
    return any(decimal.fullmatch(raw) for raw in raws) and not any(
        _read_number(raw, not decimal_comma, True) is not None and _read_number(raw, decimal_comma, True) is None
        for raw in raws
    )


# --- tables ---------------------------------------------------------------------------


def _detect_delimiter(text: str) -> str:
    """From the header line: tab if it has one, else whichever of ';' and ',' is more common."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    if "\t" in first:
        return "\t"
    return ";" if first.count(";") > first.count(",") else ","


def _records(text: str, delimiter: str, file: str, problems: list[Problem]):
    """(first line, last line, fields) for every record; CSV syntax errors become problems."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    previous_end = 0
    while True:
        start = previous_end + 1
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            problems.append(Problem(Location(file, start), _csv_error(str(exc))))
            previous_end = reader.line_num
            continue
        previous_end = reader.line_num
        yield start, reader.line_num, fields


def _csv_error(reason: str) -> Message:
    if "field larger than field limit" in reason:
        return msg("import_cell_far_too_long", limit=MAX_CELL)
    # ``reason`` is the csv module's own words (English).
    return msg("import_not_csv", reason=reason)


def _check_cells(fields: Sequence[str], where: Location, first: int, last: int, problems: list[Problem]) -> bool:
    for cell in fields:
        if len(cell) > MAX_CELL:
            problems.append(Problem(where, msg("import_cell_too_long", length=len(cell), limit=MAX_CELL)))
            return False
    if last > first and any("\n" in c or "\r" in c for c in fields):
        problems.append(Problem(where, msg("import_cell_over_lines", first=first, last=last)))
        return False
    return True


def _header(fields: Sequence[str]) -> list[str]:
    names = [nfc(f.strip().lstrip("\ufeff")).lower() for f in fields]
    return [VIETNAMESE_COLUMNS.get(n, n) for n in names]


def parse_table(
    text: str, file: str, fmt: ImportFormat = ImportFormat(), defaults: RowDefaults = RowDefaults()
) -> ParsedTable:
    """Read the table into candidate rows; never raises for a bad row, collects problems."""
    declared = re.match(r"sep=(.)\r?(?:\n|$)", text)
    if declared:
        # Excel's own way to name the delimiter, on a line before the header. The line is
        # blanked rather than removed so that line numbers still match the file.
        text = "\n" + text[declared.end() :]
    delimiter = fmt.delimiter or (declared.group(1) if declared else None) or _detect_delimiter(text)
    decimal_comma = fmt.decimal_comma if fmt.decimal_comma is not None else delimiter == ";"
    explicit = fmt.decimal_comma is not None
    parsed = ParsedTable(delimiter, decimal_comma)
    problems = parsed.problems
    if not text.strip():
        what = "indicator,2021,2022,..." if fmt.wide else ",".join(LONG_REQUIRED) + "[,status,source,note,recorded_at]"
        problems.append(Problem(Location(file, 1), msg("import_empty_file", header=what)))
        return parsed
    records = _records(text, delimiter, file, problems)
    header: list[str] | None = None
    header_line = 0
    for first, _last, fields in records:
        if not fields or all(not f.strip() for f in fields):
            continue
        header, header_line = _header(fields), first
        break
    if header is None:
        if not problems:
            problems.append(Problem(Location(file, 1), msg("import_no_header")))
        return parsed
    where = Location(file, header_line)
    columns = _wide_columns(header, where, problems) if fmt.wide else _long_columns(header, where, problems, delimiter)
    if columns is None:
        return parsed
    width = len(header)
    seen: dict[tuple[str, object, str], tuple[int, tuple[str, str, str]]] = {}
    records = list(records)
    if not explicit:
        # The file may answer what a flag would: its numbers may fit only one decimal
        # convention ('3,13' in a tab-separated file), and may show its thousands
        # separator ('1.234,5'); then '85.000' in the same file is certain too.
        value_columns = [i for i, _ in columns["periods"]] if fmt.wide else [columns["value"]]
        cells = [f[i] for _, _, f in records for i in value_columns if i < len(f)]
        decimal_comma = parsed.decimal_comma = _convention_shown(cells, decimal_comma)
        explicit = _shows_thousands(cells, decimal_comma)
    for first, last, fields in records:
        where = Location(file, first)
        if not fields or all(not f.strip() for f in fields):
            continue
        while len(fields) > width and not fields[-1].strip():
            fields = fields[:-1]  # spreadsheets pad rows with empty cells
        if len(fields) != width:
            if len(fields) > width and delimiter == "," and re.search(r"\d,\d", ",".join(fields)):
                problems.append(Problem(where, msg("import_cell_count_comma", width=width, found=len(fields))))
            else:
                problems.append(Problem(where, msg("import_cell_count", width=width, found=len(fields))))
            continue
        if not _check_cells(fields, where, first, last, problems):
            continue
        if fmt.wide:
            rows = _wide_row(fields, columns, where, decimal_comma, explicit, defaults, problems)
        else:
            rows = _long_row(fields, columns, where, decimal_comma, explicit, defaults, problems)
        for cell_where, row, readable in rows:
            if readable:
                _note_duplicate(row, cell_where, seen, problems, defaults.recorded_at)
            parsed.candidates.append((cell_where, row))
    # A header and no rows (an empty filter result in a pipeline) is not an error: no
    # candidates and no problems, and the command says that nothing was added.
    return parsed


def _closest(word: str, options: Sequence[str]) -> str | None:
    """The option closest to ``word`` (errors.did_you_mean's choice), or None."""
    import difflib

    found = difflib.get_close_matches(word, list(options), n=1)
    return found[0] if found else None


def _long_columns(header: list[str], where: Location, problems: list[Problem], delimiter: str) -> dict[str, int] | None:
    before = len(problems)
    if not any(name in LONG_COLUMNS or _looks_like_period(name) for name in header):
        # Not one column of ours: another kind of file (--from /etc/shadow), whose first
        # line is not quoted back (docs/data-integrity.md, "Files that are not what they claim").
        columns = ", ".join(LONG_COLUMNS)
        problems.append(
            Problem(
                where,
                msg("import_not_a_table_delimiter", columns=columns)
                if len(header) == 1
                else msg("import_not_a_table", columns=columns),
            )
        )
        return None
    columns: dict[str, int] = {}
    for i, name in enumerate(header):
        if name in columns:
            problems.append(Problem(where, msg("import_column_twice", name=name)))
        elif name not in LONG_COLUMNS:
            known = ", ".join(LONG_COLUMNS)
            hint = _closest(name, LONG_COLUMNS)
            if _looks_like_period(name):
                problems.append(Problem(where, msg("import_column_is_period", name=name)))
            elif not name:
                problems.append(Problem(where, msg("import_column_empty", column=i + 1, columns=known)))
            elif hint:
                problems.append(Problem(where, msg("import_unknown_column_hint", name=name, hint=hint, columns=known)))
            else:
                problems.append(Problem(where, msg("import_unknown_column", name=name, columns=known)))
        else:
            columns[name] = i
    missing = [c for c in LONG_REQUIRED if c not in columns]
    if missing:
        # An empty header cell is shown as '' (a name a person can see, in any language).
        needed, found = ", ".join(missing), ", ".join(h or "''" for h in header)
        problems.append(
            Problem(
                where,
                msg("import_header_needs_delimiter", missing=needed, found=found)
                if len(header) == 1 and delimiter == ","
                else msg("import_header_needs", missing=needed, found=found),
            )
        )
    return None if len(problems) > before else columns


def _looks_like_period(name: str) -> bool:
    try:
        rules.period(_read_period(name))
    except PeriodError:
        return False
    return True


def _wide_columns(header: list[str], where: Location, problems: list[Problem]) -> dict[str, object] | None:
    """'indicator' first, then period columns; status, source, note, recorded_at may appear too."""
    before = len(problems)
    if not header or header[0] != "indicator":
        problems.append(Problem(where, msg("import_wide_first_column", found=header[0] if header else "")))
    meta: dict[str, int] = {}
    periods: list[tuple[int, str]] = []
    seen_periods: dict[object, str] = {}
    for i, name in enumerate(header[1:], start=1):
        if name in LONG_OPTIONAL:
            if name in meta:
                problems.append(Problem(where, msg("import_column_twice", name=name)))
            meta[name] = i
            continue
        if foreign_digits(name):
            problems.append(Problem(where, msg("import_column_foreign_digits", column=i + 1, name=name)))
            continue
        try:
            period = rules.period(_read_period(name))
        except PeriodError as exc:
            guess = excel_date(name)
            if guess is not None:
                problems.append(Problem(where, _excel_date_message(name, guess, column=i + 1)))
            else:
                # periods.py's reason is kept as its Message, not glued as English text (see _within).
                problems.append(
                    Problem(
                        where,
                        _within(
                            "import_column_not_period",
                            _said(exc),
                            column=i + 1,
                            name=name,
                            columns=", ".join(LONG_OPTIONAL),
                        ),
                    )
                )
            continue
        if period in seen_periods:
            problems.append(
                Problem(where, msg("import_period_two_columns", period=period, first=seen_periods[period], second=name))
            )
            continue
        seen_periods[period] = name
        periods.append((i, str(period)))
    if not periods and len(problems) == before:
        problems.append(Problem(where, msg("import_wide_no_period")))
    return None if len(problems) > before else {"meta": meta, "periods": periods}


def _cell(fields: Sequence[str], columns: dict, name: str, default: str) -> str:
    i = columns.get(name)
    value = fields[i].strip() if i is not None else ""
    return value or default


def _long_row(fields, columns, where, decimal_comma, explicit, defaults, problems):
    row = {name: _cell(fields, columns, name, "") for name in LONG_REQUIRED}
    for name in LONG_OPTIONAL:
        row[name] = _cell(fields, columns, name, getattr(defaults, name))
    row["status"] = status_word(row["status"])
    if row["status"] == RETRACTED and not row["value"]:
        return [(where, row, True)]  # a retraction (qntrack retract) has no value: the store imported into itself
    if foreign_digits(row["period"]):
        problems.append(Problem(where, msg("import_period_foreign_digits", period=row["period"])))
        return []
    row["period"] = _read_period(row["period"])
    guess = excel_date(row["period"])
    if guess is not None:
        # Said once, in words that lead to the fix, instead of "not a period" from the check.
        problems.append(Problem(where, _excel_date_message(row["period"], guess)))
        return []
    if re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?)?", row["recorded_at"]):
        # Excel shows a timestamp in the regional date form; which of day and month
        # comes first is not known here, so no date is suggested.
        problems.append(Problem(where, msg("import_recorded_at_excel_date", recorded_at=row["recorded_at"])))
        return []
    try:
        row["value"] = _canonical(parse_number_cell(row["value"], decimal_comma, explicit))
    except ValueError as exc:
        problems.append(Problem(where, _said(exc)))
        row["value"] = "0"  # a stand-in so the row's other cells are still checked
        return [(where, row, False)]
    return [(where, row, True)]


def _wide_row(fields, columns, where, decimal_comma, explicit, defaults, problems):
    meta = columns["meta"]
    base = {"indicator": fields[0].strip()}
    for name in LONG_OPTIONAL:
        base[name] = _cell(fields, meta, name, getattr(defaults, name))
    base["status"] = status_word(base["status"])
    out = []
    for i, period in columns["periods"]:
        cell = fields[i].strip()
        if cell in NO_FIGURE:
            continue
        row = dict(base, period=period)
        try:
            row["value"] = _canonical(parse_number_cell(cell, decimal_comma, explicit))
            out.append((where, row, True))
        except ValueError as exc:
            problems.append(Problem(where, _in_period(_said(exc), period)))
            row["value"] = "0"
            out.append((where, row, False))
    return out


def _note_duplicate(
    row: dict[str, str], where: Location, seen: dict, problems: list[Problem], default_stamp: str
) -> None:
    """Two figures for the same indicator, period and moment in one batch: one is a mistake.

    The same figure twice (same value, status and source) is no mistake, only a repeat:
    it is added once and counted as already recorded (``history.already_recorded``).
    """
    try:
        period = rules.period(row["period"])
    except PeriodError:
        return
    stamp = row.get("recorded_at", "")
    try:
        moment = _recorded_at(stamp) if stamp else ""
    except ValueError:
        moment = stamp
    key = (row["indicator"], period, moment)
    figure = (row["value"], row.get("status", ""), nfc(row.get("source", "").strip()))
    if key in seen:
        if seen[key][1] == figure:
            return
        if stamp and stamp != default_stamp:
            problems.append(
                Problem(
                    where,
                    msg(
                        "import_duplicate_at",
                        indicator=row["indicator"],
                        period=period,
                        recorded_at=stamp,
                        line=seen[key][0],
                    ),
                )
            )
        else:
            problems.append(
                Problem(where, msg("import_duplicate", indicator=row["indicator"], period=period, line=seen[key][0]))
            )
    else:
        seen[key] = (where.line, figure)


# --- the whole import -----------------------------------------------------------------


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[Location, str]] = set()
    out = []
    for p in problems:
        key = (p.location, p.message)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def import_observations(
    targets: str | None,
    source: str,
    fmt: ImportFormat = ImportFormat(),
    defaults: RowDefaults = RowDefaults(),
    dry_run: bool = False,
    stdin: BinaryIO | None = None,
    *,
    force: bool = False,
    tz: str | None = None,
) -> ImportResult:
    """Validate every row of ``source``; append them all, or raise with every problem.

    Rows without a ``recorded_at`` share one timestamp, so a batch is one vintage.
    """
    from ..files.recording import record_many
    from ..files.store import utc_now

    file = "<stdin>" if source == "-" else source
    text = decode_source(read_source(source, stdin), file)
    now = utc_now()  # read once: the batch's default timestamp and the clock its rows are judged by
    undated = None
    if not defaults.recorded_at:
        undated = now
        defaults = replace(defaults, recorded_at=undated)
    parsed = parse_table(text, file, fmt, defaults)
    problems = list(parsed.problems)
    vintages: Sequence = ()
    try:
        store, rows, skipped, warnings, vintages = record_many(
            targets, parsed.candidates, dry_run=True, undated=undated, force=force, now=now, tz=tz
        )
    except InputError as exc:
        problems.extend(exc.problems)
    if problems:
        # Problems with the store itself come first, then the file's, in line order.
        ordered = sorted(_dedupe(problems), key=lambda p: (p.location.file == file, p.location.line))
        raise InputError(ordered)
    if not dry_run:
        store, rows, skipped, warnings, vintages = record_many(
            targets, parsed.candidates, dry_run=False, undated=undated, force=force, now=now, tz=tz
        )
    # A vintage in force that the file itself holds (the store imported into itself, with
    # its revisions and retractions) is no news: only the others are said.
    batch = {(o.indicator, o.period, o.recorded_at) for o in (*rows, *skipped)}
    vintages = [
        (stored, current)
        for stored, current in vintages
        if current is None or (current.indicator, current.period, current.recorded_at) not in batch
    ]
    return ImportResult(
        store,
        tuple(rows),
        parsed.delimiter,
        parsed.decimal_comma,
        dry_run,
        len(skipped),
        tuple(warnings),
        tuple(vintages),
    )
