"""Reading an import's table: the long shape (one figure per row) and the wide shape (one
row per indicator, one column per period), as spreadsheets write them.

Each row becomes a candidate: the cells as the text ``recording.validate_record`` checks
by ``rules`` (a figure read under the file's convention by ``figures``, a Vietnamese
period name made canonical), with the line of the source file. A bad row never raises:
its problems are collected, so every problem of a file is said at once.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterator, Sequence

from ..catalog import Message, msg
from ..plan.model import Location, Problem
from .excel_dates import day_order, order_notes
from .figures import convention_shown, shows_thousands
from .heading_marks import PeriodMarks
from .rules import MAX_TEXT
from .store import csv_reason
from .textfiles import unpadded
from .batch_rows import note_duplicate as _note_duplicate
from .import_headers import (  # noqa: F401  (the header's reading, re-exported for the other readers)
    LONG_COLUMNS,
    LONG_OPTIONAL,
    LONG_REQUIRED,
    SECOND,
    _breakdowns,
    _dimension_columns,
    _excel_date_message,
    _header,
    _long_columns,
    _looks_like_period,
    _other_delimiter,
    _read_period,
    heading_status,
    other_separator,
    row_of_figures,
    unmarked_header,
)
from .import_wide_columns import _wide_columns

from .bare_periods import bare_period
from .csv_notes import FIGURE as _FIGURE, is_note
from .empty_values import awaited_row, counted
from .import_two_rows import two_row_header
from .import_wide import wide_unasked
from .import_rows import _cell_plan, _long_row, _wide_row
from .unit_cells import unit_line, unit_line_problems

if TYPE_CHECKING:
    from ..plan.model import Plan


# Longer than any sensible source URL or note: a cell this long means the wrong file,
# or a missing quote that swallowed the rest of it (the limit of a new row's source).
MAX_CELL = MAX_TEXT


@dataclass(frozen=True, slots=True)
class ImportFormat:
    """How to read the file; ``None`` means detect it."""

    delimiter: str | None = None
    decimal_comma: bool | None = None
    wide: bool = False
    # The plan's dimensions a column may be named after (issue 14): each name a column
    # may have (the id, the name in either language, as ``unit_match`` writes it) and the
    # dimension's id. A row's cell in such a column is the unit its figure is for.
    dimensions: tuple[tuple[str, str], ...] = ()
    # The same dimensions' names as the plan writes them, each a column may be headed with
    # (``column_names.dimension_headings``): what an unknown column is told, besides the ids.
    dimension_headings: tuple[str, ...] = ()


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
    decimal_comma: bool | None  # None: no convention known (figures.parse_number_either)
    candidates: list[tuple[Location, dict[str, str]]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)  # warnings that do not stop the import
    marks: PeriodMarks = field(default_factory=PeriodMarks)  # footnote marks read past in period cells


_DEFAULT_CONVENTION: dict[str, bool | None] = {";": True, ",": False, "\t": None, "|": None}


def _detect_delimiter(text: str) -> str:
    """From the header line: tab if it has one, else whichever of ';' and ',' is more common,
    else '|' if it has one (a database's export: session 46, helper X). A title typed above
    the table with no separator (a report's name) is passed over for the first line that has
    one (a header has, or it names one column and is no table of ours). A '|' line that
    reads as our header is the header: its rows' decimal commas or a note's ';' chose ','
    or ';' (session 47, helper G); a title with a '|' is still passed over."""
    first = ""
    for line in io.StringIO(text, newline=None):  # line by line: a national file is not split whole
        if line.strip():
            first = first or line
            if any(c in line for c in "\t;,") or ("|" in line and _piped_header(line)):
                first = line
                break
    if "\t" in first:
        return "\t"
    if "|" in first and ";" not in first and "," not in first:
        return "|"
    return ";" if first.count(";") > first.count(",") else ","


def _piped_header(line: str) -> bool:
    """Whether ``line`` is a header of ours separated by '|' (long or wide)."""
    found = other_separator(line, "")
    return found is not None and found[0] == "'|'"


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


# The line under a Markdown table's header: cells of '---', perhaps with ':' for alignment.
_RULE = re.compile(r"\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?")


def _markdown_rule(text: str) -> int | None:
    """The line number of a Markdown table's rule, the second of the text's lines that hold
    anything, under a header with a '|': such a table, read as '|'-separated, had an empty
    first column or its rule read as a row of '---' (session 47); None for any other text."""
    head = text[:8192].splitlines()[:50]  # the top alone: a 300,000-row file is not split for it
    lines = [(n, line.strip()) for n, line in enumerate(head, start=1) if line.strip()]
    if len(lines) >= 2 and "|" in lines[0][1] and _RULE.fullmatch(lines[1][1]):
        return lines[1][0]
    return None


def _csv_error(reason: str) -> Message:
    if "field larger than field limit" in reason:
        return msg("import_cell_far_too_long", limit=MAX_CELL)
    return msg("import_not_csv", reason=csv_reason(reason))


def _check_cells(fields: Sequence[str], where: Location, first: int, last: int, problems: list[Problem]) -> bool:
    if last == first and max(map(len, fields), default=0) <= MAX_CELL:
        return True  # nearly every row: one line, no cell too long (said in C)
    for cell in fields:
        if len(cell) > MAX_CELL:
            problems.append(Problem(where, msg("import_cell_too_long", length=len(cell), limit=MAX_CELL)))
            return False
    if last > first and any("\n" in c or "\r" in c for c in fields):
        problems.append(Problem(where, msg("import_cell_over_lines", first=first, last=last)))
        return False
    return True


def _ours(header: Sequence[str]) -> bool:
    """Whether a first line is a header of ours: it names a column of ours, or periods; a
    line of one cell naming a period ("March 2026", "Q1 2026") is a title above the
    table (a table has an indicator column and a period or value one)."""
    if any(name in LONG_COLUMNS for name in header):
        return True
    return sum(1 for name in header if name) > 1 and any(_looks_like_period(name) for name in header)


def _below_a_title(
    header: list[str], line: int, fields: list[str], records: Iterator, units: list[tuple[int, str]]
) -> tuple:
    """The header below the title and date lines an office prints above a table, as Excel
    saves them into a CSV file (a report's name, a place and date, padded with ';'): the first of the
    next lines that names the indicator column, when no line before it holds a figure, so
    that no row of figures is ever passed over. Else the first line, as it was, to be
    refused as no table of ours. Line numbers stay the file's. A unit line above the header
    (unit_cells.unit_line) is put in ``units`` (its line, the unit)."""
    above: list[tuple[int, int, list[str]]] = []
    if any(_FIGURE.fullmatch(c.strip()) for c in fields):
        return header, line, fields, records
    _unit_line(line, fields, units)
    for record in records:
        cells = record[2]
        # The header is looked for before its figures: a wide table's header holds its years.
        if len(above) < _TITLE_LINES and "indicator" in _header(cells):
            return _header(cells), record[0], cells, records
        _unit_line(record[0], cells, units)
        above.append(record)
        if any(_FIGURE.fullmatch(c.strip()) for c in cells) or len(above) >= _TITLE_LINES:
            break
    return header, line, fields, itertools.chain(above, records)


def _unit_line(line: int, cells: list[str], units: list[tuple[int, str]]) -> None:
    if not units and (found := next(filter(None, map(unit_line, cells)), None)) is not None:
        units.append((line, found))


# How many lines above a table's header a title, its subtitles and blank lines may take.
_TITLE_LINES = 20


def parse_table(
    text: str,
    file: str,
    fmt: ImportFormat = ImportFormat(),
    defaults: RowDefaults = RowDefaults(),
    plan: Plan | None = None,
) -> ParsedTable:
    """Read the table into candidate rows; never raises for a bad row, collects problems.
    With ``plan``, a row holding a single text (a total row with no figure, a source line) is a note,
    passed over as a workbook's is (``csv_notes.is_note``)."""
    declared = re.match(r"sep=(.)\r?(?:\n|$)", text)
    if declared:
        # Excel's own way to name the delimiter, on a line before the header. The line is
        # blanked rather than removed so that line numbers still match the file.
        text = "\n" + text[declared.end() :]
    delimiter = fmt.delimiter or (declared.group(1) if declared else None) or _detect_delimiter(text)
    # A ';' file is Excel's under a decimal comma, a ',' file under a decimal point; a tab
    # separates Excel's copied cells and text exports under either (None: not known).
    decimal_comma = fmt.decimal_comma if fmt.decimal_comma is not None else _DEFAULT_CONVENTION.get(delimiter, False)
    explicit = fmt.decimal_comma is not None
    parsed = ParsedTable(delimiter, decimal_comma)
    problems = parsed.problems
    if not text.strip():
        what = "indicator,2021,2022,..." if fmt.wide else ",".join(LONG_REQUIRED) + "[,status,source,note,recorded_at]"
        problems.append(Problem(Location(file, 1), msg("import_empty_file", header=what)))
        return parsed
    if (ruled := _markdown_rule(text)) is not None:  # a table pasted from Markdown (session 47)
        problems.append(Problem(Location(file, ruled), msg("import_markdown_table")))
        return parsed
    records = _records(text, delimiter, file, problems)
    header: list[str] | None = None
    header_line = 0
    for first, _last, fields in records:
        if not fields or all(not f.strip() for f in fields):
            continue
        header, header_line = _header(fields), first
        break
    units: list[tuple[int, str]] = []  # a unit line above the header: checked once the rows are read
    if header is not None and not _ours(header):
        header, header_line, fields, records = _below_a_title(header, header_line, fields, records, units)
    if header is None:
        if not problems:
            problems.append(Problem(Location(file, 1), msg("import_no_header")))
        return parsed
    header, fields, records = two_row_header(header, fields, records)  # a saved workbook's merged 'Year'
    where = Location(file, header_line)
    # One column that another separator reads as a header, long or wide: that separator
    # told; at Excel's 'sep=' line when that line chose the one used (session 46, helper X).
    sep_line = declared.group(0).rstrip("\r\n") if declared and not fmt.delimiter else ""
    other = _other_delimiter(fields, delimiter, sep_line) if len(header) == 1 else None
    if other is not None:
        problems.append(Problem(Location(file, 1) if sep_line else where, other))
        return parsed
    if not any(name in LONG_COLUMNS for name in header) and (bare := unmarked_header(fields)) is not None:
        problems.append(Problem(where, bare))  # 'Chi tieu;Ky;Gia tri': the headings meant
        return parsed
    dims = _dimension_columns(header, fmt.dimensions)
    pasted = None if dims else row_of_figures(fields, header, where, fmt.wide)
    if pasted is not None:
        problems.append(pasted)
        return parsed
    wide = _wide_columns(header, where, problems, dims, _breakdowns(fmt), fields) if fmt.wide else None
    before = len(problems)
    headings = fmt.dimension_headings
    long = (
        None
        if fmt.wide
        else _long_columns(header, where, problems, delimiter, dims, _breakdowns(fmt), fields, headings)
    )
    if wide is None and long is None and not fmt.wide:
        wide = wide_unasked(header, where, problems, before, dims, _breakdowns(fmt), fields)
    if wide is None and long is None:
        return parsed
    width = len(header)
    seen: dict[tuple, tuple] = {}  # a figure's key as typed -> its first line, figure, cell and row
    records = list(records)
    if not explicit:
        # The file may answer what a flag would: its numbers may fit only one decimal
        # convention ('3,13' in a tab-separated file), and may show its thousands
        # separator ('1.234,5'); then '85.000' in the same file is certain too.
        value_columns = [i for i, _ in wide.periods] if wide is not None else [long["value"]] if long else []
        cells = [f[i] for _, _, f in records for i in value_columns if i < len(f)]
        decimal_comma = parsed.decimal_comma = convention_shown(cells, decimal_comma)
        explicit = decimal_comma is not None and shows_thousands(cells, decimal_comma)
        del cells
    # The order of day and month of the file's shown dates (excel_dates), when it has some.
    # A wide table's too, as a long one of the same sheet (thirty-third session, pass L).
    at = long.get("recorded_at") if long is not None else wide.meta.get("recorded_at") if wide is not None else None
    # A file whose figures show a decimal comma ('125,5') reads its dates as a ';' file's.
    figure = None
    if at is not None and decimal_comma:
        shown = [long["value"]] if long is not None else [i for i, _ in wide.periods] if wide is not None else []
        figure = next((f[v].strip() for _, _, f in records for v in shown if v < len(f) and "," in f[v]), None)
    from .indicator_names import names_of

    # The plan's indicator names, worked out once a file: a note's cell and an empty value's
    # row are looked up in them (csv_notes.is_note, empty_values.awaited).
    names = names_of(plan) if plan is not None else None
    # The moments shown; a row passed over for its empty value decides nothing (awaited_row).
    dated = [] if at is None else [(n, f[at]) for n, _, f in records if at < len(f)]
    if dated and long is not None:
        v, status, known = long["value"], defaults.status, names or {}  # only a row with no figure is asked more
        over = {
            n for n, _, f in records if v < len(f) and not f[v].strip() and awaited_row(f, long, status, plan, known)
        }
        dated = [(n, text) for n, text in dated if n not in over] if over else dated
    day_first = None if at is None else day_order((text for _, text in dated), delimiter, bool(figure))
    if at is not None and day_first is not None and delimiter != ";":
        parsed.notes.extend(order_notes(file, dated, day_first, figure))
    cell_plan = _cell_plan(long, defaults) if long is not None else ()
    # The period column's heading as written (Quarter, Month): a number alone under it is told so.
    heading = fields[long["period"]] if long is not None and long["period"] < len(fields) else ""
    named = long if long is not None else dict(wide.meta, indicator=wide.first) if wide is not None else {}
    indicator_columns = tuple(named[c] for c in ("indicator", SECOND) if c in named)
    # The columns a note never sits in: what is alone there is a row's figure, period or
    # moment without the rest of its row ('512 billion'), refused as before, not passed over.
    row_columns = (
        tuple(i for i, _ in wide.periods)
        if wide is not None
        else tuple(long[c] for c in ("period", "value", "recorded_at") if c in long)
        if long is not None
        else ()
    )
    # Taken from the end of the reversed list, each record is let go once read: the file's
    # cells are never held twice, as records and as candidates (issue 17).
    records.reverse()
    while records:
        first, last, fields = records.pop()
        where = Location(file, first)
        # A blank row (every cell empty or spaces) is skipped; a row whose first cell holds
        # something is not blank, which is said without walking the others.
        if not fields or (not fields[0].strip() and all(not f.strip() for f in fields)):
            continue
        fields = unpadded(fields, width)  # spreadsheets pad rows with empty cells
        if len(fields) != width:
            if len(fields) > width and delimiter == "," and re.search(r"\d,\d", ",".join(fields)):
                problems.append(Problem(where, msg("import_cell_count_comma", width=width, found=len(fields))))
            else:
                problems.append(Problem(where, msg("import_cell_count", width=width, found=len(fields))))
            continue
        if not _check_cells(fields, where, first, last, problems):
            continue
        if plan is not None and is_note(fields, indicator_columns, row_columns, plan, names or {}):
            continue
        if wide is not None:
            rows = _wide_row(fields, wide, where, decimal_comma, explicit, defaults, problems, day_first)
        elif long is not None:
            if heading and (bare := bare_period(fields[long["period"]], heading)) is not None:
                problems.append(Problem(where, bare))  # '1' under a Quarter heading: no year
                continue
            rows = _long_row(
                fields,
                cell_plan,
                where,
                decimal_comma,
                explicit,
                problems,
                day_first,
                parsed.marks,
                plan,
                parsed.notes,
                names,
            )
        for cell_where, row, readable in rows:
            if readable:
                _note_duplicate(row, cell_where, seen, problems, defaults.recorded_at, plan)
            parsed.candidates.append((cell_where, row))
    if units and plan is not None and "unit" not in named:  # a unit column says each row's own
        indicators = ((f.get("indicator", ""), f.get(SECOND, "")) for _, f in parsed.candidates)
        line = Location(file, units[0][0])
        said = unit_line_problems(plan, names or {}, units[0][1], indicators)
        problems.extend(Problem(line, wrong) for wrong in said)
    parsed.notes.extend(parsed.marks.said())
    parsed.notes = counted(file, parsed.notes)  # rows passed over for an empty value
    # A header and no rows (an empty filter result in a pipeline) is not an error: no
    # candidates and no problems, and the command says that nothing was added.
    return parsed
