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

This module reads the bytes and runs the import; ``import_tables`` reads the table into
candidate rows, ``figures`` reads a figure under the file's convention, and ``rules``
says what a valid observation is.
"""

from __future__ import annotations

import os
from contextvars import ContextVar
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO, Callable, Sequence

from ..errors import ExitCode, InputError, fail, os_read_reason, os_words, refuse_nul
from ..catalog import Message, msg
from ..plan.model import Location, Observation, Plan, Problem
from .figures import parse_number_cell, parse_typed_number  # the CLI's typed figures (add-observation VALUE)
from .column_names import dimension_headings, dimension_names
from .empty_values import ahead_of_rows, with_refusal
from .import_tables import ImportFormat, ParsedTable, RowDefaults, parse_table
from .rules import given_once
from .import_wide import explains_refusal as _explains, tells_reading as _tells
from .source_text import ZIP as _ZIP, decode_source, read_bounded

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
    "IMPORT_STEP",
]


# The defaults of ``import_observations``: the format detected, no values for empty cells.
_DETECTED = ImportFormat()
_NO_DEFAULTS = RowDefaults()

# '|': a database's export (session 46, helper X).
DELIMITERS = {",": ",", "comma": ",", ";": ";", "semicolon": ";", "tab": "\t", "\\t": "\t", "\t": "\t", "|": "|", "pipe": "|"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class ImportResult:
    store: Path
    rows: tuple[Observation, ...]
    delimiter: str
    decimal_comma: bool | None  # None: no convention known (figures.parse_number_either)
    dry_run: bool
    skipped: int = 0  # valid rows left out as already recorded (history.already_recorded)
    warnings: tuple[Problem, ...] = ()  # rows that jump against the figures on record (recording.Recorded)
    # For each row left out as already recorded whose stored vintage is not the one in
    # force, and whose vintage in force the file does not hold: the stored vintage it
    # repeats and the vintage in force for its period (recording.Recorded.vintages).
    vintages: tuple = ()
    notes: tuple[Problem, ...] = ()  # what reading the file warns of (a sheet not read)
    # Of ``skipped``, the rows that repeat an earlier row of the file and no stored figure
    # (the same figure typed twice in one sheet): said apart from "already recorded".
    repeated: int = 0
    # Each row added (or that would be) that revises a vintage recorded before it, with that
    # vintage (recording.Recorded.revised): the command says the first few.
    revised: tuple = ()
    # Each retraction added (or that would be) with the figure it withdraws
    # (recording.Recorded.withdrew): said as the revisions are (twenty-seventh session).
    withdrew: tuple = ()
    retraction_notes: tuple[Message, ...] = ()  # what they take with them, as record_many's notes


# What the import is doing, for a caller that shows it (the command's status line on a
# terminal: a national file takes tens of seconds). None: nobody is told.
IMPORT_STEP: ContextVar[Callable[[Message], None] | None] = ContextVar("import_step", default=None)


def _step(message: Message) -> None:
    tell = IMPORT_STEP.get()
    if tell is not None:
        tell(message)


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
            return read_bounded(stdin, "<stdin>", MAX_IMPORT_BYTES)
        except (OSError, ValueError) as exc:
            raise fail("<stdin>", msg("import_stdin_unreadable", reason=os_words(exc))) from None
    path = Path(name)
    import stat

    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        from .windows_paths import with_windows_hint

        raise fail(name, with_windows_hint(msg("import_file_not_found"), name)) from None
    except OSError as exc:
        # A loop of links, a part of the path that is a file, no permission: the system's
        # words, not "file not found" of a name that is there.
        raise fail(name, msg("import_cannot_read", reason=os_read_reason(exc))) from None
    if stat.S_ISDIR(mode):
        raise fail(name, msg("import_is_directory"))
    if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
        # A pipe is read (--from <(...)); a device such as /dev/zero would never end.
        raise fail(name, msg("import_not_regular"))
    try:
        with path.open("rb") as fh:
            return read_bounded(fh, name, MAX_IMPORT_BYTES)
    except OSError as exc:
        raise fail(name, msg("import_cannot_read", reason=os_read_reason(exc))) from None


# Far more than any import a person makes (a national store of a million rows is about
# 80 MB): a stream that goes on past it is not a table (`< /dev/zero`, `yes |`), and is
# refused before it fills the memory.
MAX_IMPORT_BYTES = 512 * 1024 * 1024


# --- numbers --------------------------------------------------------------------------


# --- tables ---------------------------------------------------------------------------


# --- the whole import -----------------------------------------------------------------


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[Location, str | Message]] = set()
    out = []
    for p in problems:
        key = (p.location, p.message)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _a_report(source: str) -> str | None:
    """The message's key when ``source`` is a report qntrack wrote (its mark:
    outputs.mark_state), or its workbook saved again by a spreadsheet (saved_report), which
    is for reading: its tables are not an import's. Only a regular file is looked at (a FIFO
    would block the look); any failure is left to the read, which says it."""
    import stat

    from .outputs import mark_state
    from .saved_report import saved_again_report

    try:
        if not stat.S_ISREG(os.stat(source).st_mode):
            return None
        if mark_state(Path(source)) != "foreign":
            return "import_is_a_report"
    except OSError:
        return None
    return "import_is_a_report_saved_again" if saved_again_report(source) else None


def import_observations(
    targets: str | os.PathLike[str] | None,
    source: str | os.PathLike[str],
    fmt: ImportFormat = _DETECTED,
    defaults: RowDefaults = _NO_DEFAULTS,
    dry_run: bool = False,
    stdin: BinaryIO | None = None,
    *,
    force: bool = False,
    tz: str | None = None,
    sheet: str | None = None,
) -> ImportResult:
    """Validate every row of ``source``; append them all, or raise with every problem, told
    in a Python caller's words (``defaults=RowDefaults(status=...)`` where the command says
    ``--status``; issue 17, twenty-ninth session). Rows without a ``recorded_at`` share one
    timestamp. ``targets``: targets.yaml's path (None: found as the commands find it);
    ``source``: a CSV, TSV, SDMX-CSV or .xlsx file (``"-"``: ``stdin``, a binary stream);
    ``fmt``: an ``ImportFormat`` (``delimiter``, ``decimal_comma``, ``wide``), ``defaults``
    a ``RowDefaults`` (files.import_tables); ``dry_run``, ``force``, ``tz``, ``sheet``: as
    ``--dry-run``, ``--force``, ``--tz``, ``--sheet``. Returns an ``ImportResult``. Raises
    ``InputError`` (each problem at its line), ``PlanError`` or ``StoreError`` when all are
    of that kind, or an ``ArgumentError`` naming the argument."""
    from .argument_kinds import defaults_argument, refuse_import_options, refuse_import_settings
    from .library_arguments import for_library, library_problems

    refuse_import_options(tz, sheet, stdin)  # tz=7, stdin="...": named, never an AttributeError
    try:
        # A number as source or note, a datetime as recorded_at, as record_many reads them.
        defaults = defaults_argument(defaults)
        # A zone, a plan's status (as --status KH), a moment or a sheet: said once, of its argument.
        refuse_import_settings(source, defaults, tz, sheet)
        done = import_file(targets, source, fmt, defaults, dry_run, stdin, force=force, tz=tz, sheet=sheet)
    except InputError as error:
        raise for_library(error) from None
    return replace(done, warnings=library_problems(done.warnings))  # "with force=True"


def import_file(
    targets: str | os.PathLike[str] | None,
    source: str | os.PathLike[str],
    fmt: ImportFormat = _DETECTED,
    defaults: RowDefaults = _NO_DEFAULTS,
    dry_run: bool = False,
    stdin: BinaryIO | None = None,
    *,
    force: bool = False,
    tz: str | None = None,
    sheet: str | None = None,
) -> ImportResult:
    """``add-observation --from``'s import (``import_observations``, the library's, is this
    with its refusals in a caller's words): every row of ``source`` validated, then all
    appended, or an InputError with every problem, in the command line's words.

    Rows without a ``recorded_at`` share one timestamp, so a batch is one vintage.
    """
    from ..files.recording import Batch, _open, record_batch, refuse_torn, validated_batch
    from .retract_notes import batch_notes
    from ..files.store import utc_now
    from ..method.history import figure_in_force
    from .not_an_import import refuse_a_plan, refuse_not_an_import
    from .utc_days import other_day_note
    from .workbooks import workbook_kind
    from io import BytesIO
    from .saved_report import saved_again_report

    from .library_arguments import refuse_flags, refuse_path, refuse_settings

    refuse_path("source", source, none=False)
    refuse_settings(fmt=(fmt, ImportFormat), defaults=(defaults, RowDefaults))
    refuse_flags(dry_run=dry_run, force=force)
    if (told := given_once(defaults.recorded_at, tz)) is not None:  # said once, not at each line
        raise fail("add-observation", told)
    source = os.fspath(source)  # a caller's Path, as the command's text
    refuse_nul("source", source)
    file = "<stdin>" if source == "-" else source
    refuse_not_an_import(source, file)  # a lock file beside an open workbook, a Mac's ._x.csv
    if source != "-" and (report := _a_report(source)):
        raise fail(file, msg(report))
    workbook = workbook_kind(source) is not None
    _step(msg("import_step_reading", file=file))
    data = b"" if workbook else read_source(source, stdin)
    refuse_a_plan(data, file)  # --from targets.yaml: the plan, not its figures
    piped = data if data.startswith(_ZIP) else None  # `curl .../x.xlsx | ... --from -` (pass K)
    workbook = workbook or piped is not None
    if piped is not None and saved_again_report(BytesIO(piped)):  # `report --format xlsx | ...`
        raise fail(file, msg("import_is_a_report"))
    if sheet is not None and not workbook:
        raise fail("--sheet", msg("workbook_sheet_for_csv", file=file), ExitCode.USAGE)
    text, data = "" if workbook else decode_source(data, file), b""
    joined: list[Problem] = []
    if text:
        from .joined import tidied

        text, joined = tidied(text, file)  # invisible characters, a header repeated where files were joined
    # The rows and their lines when the file was judged a column at a time (import_columns).
    fast: tuple[list[Observation], list[Location]] | None = None
    now = utc_now()  # read once: the batch's default timestamp and the clock its rows are judged by
    undated = None
    if not defaults.recorded_at:
        undated = now
        defaults = replace(defaults, recorded_at=undated)
    opened = None
    try:
        opened = _open(targets)  # once: record_many reads the same plan for both passes
    except InputError:
        pass  # record_many reports it below, with the file's problems, as it always has
    if opened is not None and opened[0].dimensions:
        fmt = replace(fmt, dimensions=dimension_names(opened[0]), dimension_headings=dimension_headings(opened[0]))
    if workbook:
        from .workbooks import read_workbook

        parsed = read_workbook(file, sheet, fmt, defaults, opened[0] if opened is not None else None, piped)
    else:
        from .sdmx_csv import parse_sdmx, sdmx_version

        blanks: list[Problem] = []
        if sdmx_version(text) is None:
            if opened is not None:
                # A file in the plain long shape, judged a column at a time; None when the
                # general path must read it (import_columns).
                from .import_columns import columns_batch

                fast = columns_batch(
                    text, file, fmt, defaults, opened[0], undated or now, now, force=force, tz=tz, notes=blanks
                )
            parsed = (
                ParsedTable(",", False, notes=blanks)  # the rows passed over for an empty value (import_blanks)
                if fast is not None
                else parse_table(text, file, fmt, defaults, opened[0] if opened is not None else None)
            )
        elif fmt.wide:
            raise fail("--wide", msg("sdmx_not_wide", file=file), ExitCode.USAGE)
        else:
            # SDMX-CSV (issue 16): its columns read as the long shape's (docs/formats.md).
            parsed = parse_sdmx(text, file, fmt, defaults, opened[0] if opened is not None else None)
    text = ""  # read: a national file's text is not held while the store is read (issue 17)
    # What reading the table only warns of (a comparison column) is said, not refused, before
    # the rows with no value and their count; read as --wide, it stays with its refusal.
    parsed.notes = ahead_of_rows(parsed.notes, [*joined, *(p for p in parsed.problems if p.severity == "warning")])
    parsed.problems[:] = [p for p in parsed.problems if p.severity != "warning" or _explains(p)]
    problems = list(parsed.problems)
    if not workbook:  # a workbook's cells are looked at as they are read (workbook_rows._row)
        problems.extend(_garbled(fast, parsed, defaults))
    vintages: Sequence = ()
    batch = None
    read_as: list[Problem] = []  # the names read as ids (indicator_names)
    code = ExitCode.INVALID
    kind: type[InputError] = InputError  # PlanError, StoreError...: when all problems are of one
    try:
        # One pass: every row is checked before any is written (all or nothing), so a file
        # read cleanly is validated and appended at once; a file with problems of its own
        # is only validated, so that every problem is said together.
        plan, store_path = opened or _open(targets)
        if fast is not None:
            refuse_torn(store_path)
            batch = Batch(fast[0], fast[1], undated or now, now)
        else:
            from .indicator_names import read_names

            named, read_as = read_names(plan, parsed.candidates, file)
            from .import_units import naming_units  # '1.2 billion': the row's indicator's unit told

            problems[:] = naming_units(plan, problems, parsed.candidates)
            problems.extend(named)
            parsed.notes.extend(read_as)
            unread = frozenset(p.location for p in (*parsed.problems, *named))
            _leave_out_computed(plan, parsed, file)
            batch = validated_batch(
                plan, store_path, parsed.candidates, undated, force=force, now=now, tz=tz, unread=unread
            )
            parsed.notes.extend(
                other_day_note(parsed.candidates, batch.wheres, batch.rows, plan.timezone, undated)
            )  # Hanoi's 06:00
        # The rows are made: the file's cells (a dict a row, 300,000 of them) go before the
        # store's million rows are read under the lock (issue 17: the import's peak memory).
        parsed.candidates.clear()
        _step(msg("import_step_checking", rows=len(batch.rows), store=store_path.name))
        done = record_batch(plan, store_path, batch, dry_run or bool(problems), force=force)
        store, rows, skipped, warnings, vintages, _ = done
    except InputError as exc:
        said = list(exc.problems)
        # A lock held by another process keeps its own exit code (75: try again later) and
        # kind when it is all there is to say.
        code, kind = (ExitCode.INVALID, InputError) if problems else (exc.code, type(exc))
        if batch is not None and not (dry_run or problems) and not any(p.location.file == file for p in said):
            # The append failed on the store itself (its lock or its folder cannot be
            # written, a full disk): the rows it never got to judge are judged as a dry
            # run would, and their problems, the ones to fix first, are said instead.
            try:
                record_batch(plan, store_path, batch, True, force=force)
            except InputError as row_problems:
                said = list(row_problems.problems)
                # The rows' own problems: a person must look.
                code, kind = ExitCode.INVALID, InputError
        problems.extend(said)
    if problems:
        # Problems with the store itself come first, then the file's, in line order. What
        # reading did (a name read as an id, '2024 (*)' as 2024) is said too: the problems name it.
        said_too = [*problems, *read_as, *filter(_tells, parsed.notes)]
        ordered = sorted(_dedupe(said_too), key=lambda p: (p.location.file == file, p.location.line))
        raise kind(with_refusal(ordered, parsed.notes, file), code, kinds=True)  # and the rows passed over
    # A row left out with no stored vintage of its figure was left out for an earlier row
    # of the file (history.stored_vintages gives None for it).
    repeated = sum(1 for stored, _ in vintages if stored is None)
    # Only a row whose stored vintage is not the one in force has news to tell (a note);
    # picked first, as the store's own export imported back leaves a million pairs with none.
    # A later vintage of the same figure in force is no news either (history.figure_in_force).
    vintages = [
        (stored, current) for stored, current in vintages if not (stored is None or figure_in_force(stored, current))
    ]
    if vintages:
        # A vintage in force that the file itself holds (the store imported into itself,
        # with its revisions and retractions) is no news either: only the others are said.
        in_file = {(o.indicator, o.period.sort_key, o.recorded_at) for o in (*rows, *skipped)}
        # Nor is a vintage the file itself replaces with a later one of its period (a file
        # of an estimate and its revision imported again): only the file's last word on a
        # period is told to be put back in force (issue 17, forty-fourth session, helper H).
        last: dict[tuple[str, object], str] = {}
        for o in (*rows, *skipped):
            key = (o.indicator, o.period.sort_key)
            last[key] = max(last.get(key, ""), o.recorded_at)
        vintages = [
            (stored, current)
            for stored, current in vintages
            if (current is None or (current.indicator, current.period.sort_key, current.recorded_at) not in in_file)
            and (stored is None or last.get((stored.indicator, stored.period.sort_key), "") <= stored.recorded_at)
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
        tuple(parsed.notes),
        repeated,
        tuple(done.revised),
        tuple(done.withdrew),
        tuple(batch_notes(plan, store_path, done.withdrew)) if done.withdrew else (),
    )


def _garbled(
    fast: tuple[list[Observation], list[Location]] | None, parsed: ParsedTable, defaults: RowDefaults
) -> list[Problem]:
    """A source or note garbled by the program that made the file (files/garbled.py), at
    its line: stored as given, it would stay garbled for good. The text of --source or
    --note (``defaults``), typed on the command line, is no file's and is taken as given,
    as add-observation's single figure takes it (second review, issue 17)."""
    from operator import attrgetter

    from .garbled import garbled_problem

    def suspect(text: str, typed: str) -> bool:
        return bool(text) and text != typed and (not text.isascii() or "?" in text or text[:1] in "#E")

    if fast is not None and fast[0]:
        # Whether a cell is garbled is its text's alone (the row gives the problem its
        # place): each distinct source and note asked once, and a file with none garbled
        # (nearly every one) not gone through row by row (issue 17, thirty-first session).
        somewhere = fast[1][0]
        if not any(
            suspect(text, typed) and garbled_problem(column, text, somewhere) is not None
            for column, typed, texts in (
                ("source", defaults.source, set(map(attrgetter("source"), fast[0]))),
                ("note", defaults.note, set(map(attrgetter("note"), fast[0]))),
            )
            for text in texts
        ):
            return []
    cells = (
        ((where, obs.source, obs.note) for obs, where in zip(*fast, strict=True))
        if fast is not None
        else ((where, f.get("source", ""), f.get("note", "")) for where, f in parsed.candidates)
    )
    found = []
    for where, source, note in cells:
        for column, text, typed in (("source", source, defaults.source), ("note", note, defaults.note)):
            if suspect(text, typed):
                problem = garbled_problem(column, text, where)
                if problem is not None:
                    found.append(problem)
    return found


def _leave_out_computed(plan: Plan, parsed: ParsedTable, file: str) -> None:
    """Leave out the rows of derived indicators that are qntrack's own computed figures as
    ``qntrack observations`` lists them (source ``= FORMULA``, after the apostrophe that
    keeps a spreadsheet from running it, note ``derived``; its status is its inputs'), and say how many:
    the store's own listing imported back adds nothing rather than failing on them
    (docs/observations-format.md). Any other row of a derived indicator is still refused."""
    kept = []
    for where, fields in parsed.candidates:
        ind = plan.indicators.get(fields.get("indicator", "").strip())
        formula = ind.formula if ind is not None else None
        printed = (fields.get("source", "").strip().removeprefix("'"), fields.get("note", "").strip())
        # The formula, then any input qntrack added up ("; grdp = 2022-Q1 + ..."): its own.
        source = printed[0].partition("; ")[0] if printed[0].startswith(f"= {formula}; ") else printed[0]
        if formula is None or (source, printed[1]) != (f"= {formula}", "derived"):
            kept.append((where, fields))
    if len(kept) < len(parsed.candidates):
        count = len(parsed.candidates) - len(kept)
        parsed.notes.append(Problem(Location(file), msg("import_derived_left_out", count=count), "warning"))
        parsed.candidates[:] = kept
