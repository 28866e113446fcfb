"""An import's header: which column is what, in the long shape (indicator, period, value
and the optional columns, or a column named after a dimension of the plan) and the wide
shape (indicator, then one column per period), and what to say when a header is not one.

Shared by the readers of CSV text (import_tables, import_columns) and of workbooks.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Sequence

from ..catalog import Message, msg
from ..plan.model import OBSERVATION_STATUSES, Location, Problem
from ..plan.periods import Frequency, PeriodError, parse_period
from ..plan.suggest import closest
from . import rules
from .status_flags import status_flag
from .textfiles import nfc
from .period_columns import open_sdg_data, twice
from .vocabulary import (
    VIETNAMESE_COLUMNS,
    column_of,
    excel_date,
    WIDE_ROW_NUMBER,
    is_row_number,
    status_word,
    vietnamese_period,
)
from .plan_marks import is_comparison, projection_period

if TYPE_CHECKING:
    from .import_tables import ImportFormat

LONG_REQUIRED = ("indicator", "period", "value")


LONG_OPTIONAL = ("status", "source", "note", "recorded_at")


LONG_COLUMNS = LONG_REQUIRED + LONG_OPTIONAL


# Where a row keeps its second indicator column (a code and a name column, both names of
# the indicator column in files/vocabulary.py), which indicator_names checks against the first.
SECOND = "indicator#2"


def _excel_date_message(text: str, guess: str, column: int = 0, frequency: Frequency | None = None) -> Message:
    """'2025-04' that Excel made a date, in a period cell or (``column``) a wide header; a
    cell holding a month's last day is told the periods that end on it (period_days), only
    those its indicator's ``frequency`` takes when one does (a quarterly figure up to
    31/03 is 2025-Q1, never the month, which would be refused next as finer)."""
    from .period_days import periods_ending

    if (ending := periods_ending(text)) is not None:
        taken = [p for p in ending if frequency is None or parse_period(p).fits(frequency)]
        ending = taken or ending  # 30/06 ends no year: every period said, the finer message follows
        said = {"text": text, "periods": ", ".join(ending)} | ({"column": column} if column else {})
        return msg("import_period_day" + ("_column" if column else ""), **said)
    said = {"text": text} | ({"column": column} if column else {}) | ({"guess": guess} if guess else {})
    return msg("import_excel_date" + ("_column" if column else "") + ("_guess" if guess else ""), **said)


# Pure, and asked of every cell of an import: remembered, within a bound (issue 17).
@lru_cache(maxsize=1 << 14)
def _read_period(text: str) -> str:
    """A period cell: canonical forms as they are, Vietnamese names made canonical."""
    try:
        rules.period(text)
        return text
    except PeriodError:
        return vietnamese_period(text) or text


def _near_heading(name: str) -> str | None:
    """The period a heading no column is named was one step from (near_periods), or the
    month of a date Excel shows (Thg3-26); None otherwise. Only on the refusal path."""
    from .near_periods import near_period

    if (near := near_period(name)) is not None:
        return near[1]["reading"]
    return excel_date(name) if any(c.isalpha() for c in name) else None


def _garbled_header(written: Sequence[str]) -> Message | None:
    """What to say of a header whose cells, read as TCVN3 or VNI (files/garbled.py), name
    columns of ours: the file was typed in an old font encoding. None otherwise."""
    from .garbled import garbled

    for cell in written:
        found = garbled(cell.strip()) if isinstance(cell, str) else None
        if found is not None and found[0] in ("TCVN3 (ABC)", "VNI") and _header([found[1]])[0] in LONG_COLUMNS:
            return msg("import_header_garbled", text=cell.strip(), reading=found[1], encoding=found[0])
    return None


def _header(fields: Sequence[str]) -> list[str]:
    # A unit column (vocabulary.UNIT_COLUMNS) is "unit", as a workbook's is (vocabulary.column_of).
    # Spaces folded, as a workbook's header cell is (workbook_cells.column_name): a Word
    # table's or a web page's non-breaking space, two spaces (session 46, helper X).
    names = [column_of(n) for n in (" ".join(nfc(f.lstrip("\ufeff")).split()).lower() for f in fields)]
    return names[: max((i + 1 for i, n in enumerate(names) if n), default=0)]  # not a spreadsheet's empty columns


def _dimension_columns(header: list[str], dimensions: tuple[tuple[str, str], ...]) -> dict[int, str]:
    """The columns named after a dimension of the plan: position -> ``dim:<id>``."""
    if not dimensions:
        return {}
    from ..plan.units import unit_match

    names = dict(dimensions)
    return {i: "dim:" + names[unit_match(h)] for i, h in enumerate(header) if h and unit_match(h) in names}


def _breakdowns(fmt: ImportFormat) -> tuple[str, ...]:
    """The ids of the dimensions a column may be named after, in the plan's order."""
    return tuple(dict.fromkeys(dim for _, dim in fmt.dimensions))


def _long_columns(
    header: list[str],
    where: Location,
    problems: list[Problem],
    delimiter: str,
    dims: dict[int, str] | None = None,
    breakdowns: Sequence[str] = (),
    written: Sequence[str] = (),
    named: Sequence[str] = (),
) -> dict[str, int] | None:
    """``breakdowns``: the plan's dimensions, whose columns an unknown column is told of too,
    and ``named`` their names as the plan writes them (``ImportFormat.dimension_headings``);
    ``written``: the header's cells as typed, which name a column given twice."""
    before = len(problems)
    dims = dims or {}
    if not any(name in LONG_COLUMNS or _looks_like_period(name) for name in header):
        # Not one column of ours: another kind of file (--from /etc/shadow), whose first
        # line is not quoted back (docs/data-integrity.md, "Files that are not what they claim").
        ours = ", ".join(LONG_COLUMNS)
        garbled = _garbled_header(written)
        if garbled is not None:
            problems.append(Problem(where, garbled))
            return None
        from .garbled import lost_letters

        lost = next((cell.strip() for cell in written if isinstance(cell, str) and lost_letters(cell)), None)
        if lost is not None:  # 'Ch? ti?u': Vietnamese letters lost on the way, said so
            problems.append(Problem(where, msg("import_header_lost_letters", text=lost)))
            return None
        other = _other_delimiter(written, delimiter) if len(header) == 1 else None
        problems.append(
            Problem(
                where,
                other
                or (
                    msg("import_not_a_table_delimiter", columns=ours)
                    if len(header) == 1
                    else msg("import_not_a_table", columns=ours)
                ),
            )
        )
        return None
    if (command := _qntrack_output(header)) is not None:
        problems.append(Problem(where, msg("import_qntrack_output", command=command, columns=", ".join(LONG_COLUMNS))))
        return None
    if open_sdg_data(header, written):
        # An Open SDG data file (Year, its disaggregations, Value): `import opensdg` reads it.
        shown = ", ".join(
            (written[i] if i < len(written) else h).strip().lstrip("\ufeff") for i, h in enumerate(header)
        )
        problems.append(Problem(where, msg("opensdg22_data_file_given", columns=shown)))
        return None
    columns: dict[str, int] = {}
    told: set[str] = set()  # required columns a heading's own refusal has named already
    for i, name in enumerate(header):
        if i in dims:
            if dims[i] in columns:
                problems.append(Problem(where, twice(dims[i][4:], columns[dims[i]], i, header, written)))
            columns[dims[i]] = i
        elif name == "unit" and name not in columns:
            columns[name] = i  # checked against the indicator's unit (indicator_names)
        elif name == "indicator" and name in columns and SECOND not in columns:
            columns[SECOND] = i  # a code and a name column: the two must agree (indicator_names)
        elif name in columns:
            problems.append(Problem(where, twice(name, columns[name], i, header, written)))
        elif is_row_number(name):
            continue  # the table's row numbers (STT): no figure of ours
        elif name not in LONG_COLUMNS and is_comparison(name):
            # A ratio qntrack computes, or a plan, beside the value: passed over, said once,
            # as a wide table's is (_wide_columns).
            shown = written[i] if i < len(written) else name
            problems.append(Problem(where, msg("import_comparison_column", column=i + 1, name=shown), "warning"))
        elif name not in LONG_COLUMNS and (projected := projection_period(name)) is not None:
            # A projection beside the value: neither read nor passed over (_wide_columns).
            shown = nfc(str(written[i]).strip()) if i < len(written) else name
            # Its estimate is a row of its own here, not a column headed 'Est.' (pass G).
            problems.append(
                Problem(where, msg("import_projection_column_long", column=i + 1, name=shown, period=projected))
            )
        elif name not in LONG_COLUMNS:
            known: str | Message = ", ".join(LONG_COLUMNS)
            typed = nfc(str(written[i]).strip().lstrip("\ufeff")) if i < len(written) else name
            hint = closest(name, (*LONG_COLUMNS, *breakdowns, *named))
            hint = next((meant for _, meant in unmarked([typed])), hint)  # 'Ghi chu': the note's heading
            if not name.isascii():
                # A Vietnamese heading the vocabulary lacks: told the Vietnamese names read,
                # and the closest of them, suggested, not taken (a heading meaning "moment"
                # may name the figure's reference date as well as when it was recorded).
                hint = closest(name, VIETNAMESE_COLUMNS) or hint
                known = msg("import_columns_with_vietnamese", columns=known, vietnamese=", ".join(VIETNAMESE_COLUMNS))
            if breakdowns and named:  # a name holding a comma in quotes, as a CSV header writes it
                said = ", ".join(f'"{n}"' if "," in n else n for n in named)
                known = msg(
                    "import_columns_with_breakdowns_named", columns=known, dimensions=", ".join(breakdowns), names=said
                )
            elif breakdowns:
                known = msg("import_columns_with_breakdowns", columns=known, dimensions=", ".join(breakdowns))
            if _looks_like_period(name) or status_flag(name):  # '2024 (p)' too: --wide tells its flag
                problems.append(Problem(where, msg("import_column_is_period", name=name)))
            elif (heading := status_heading(name)) is not None and _looks_like_period(heading[1]):
                # 'Prel. 2024', a period --wide reads with its status (issue 17, 22nd session)
                shown = written[i] if i < len(written) else name
                problems.append(Problem(where, msg("import_column_is_period", name=shown)))
            elif (meant := _near_heading(name)) is not None:  # Q1/26, 2026-5, Thg3-26: a period's heading
                shown = written[i] if i < len(written) else name
                problems.append(Problem(where, msg("import_column_near_period", name=shown, reading=meant)))
            elif name == WIDE_ROW_NUMBER:
                # A provincial form's row numbers, or its status (abbreviated): not guessed,
                # told how to import either (thirty-sixth session).
                problems.append(Problem(where, msg("import_column_tt", name=typed, columns=known)))
            elif not name:
                if isinstance(known, str) and not all(str(w).isascii() for w in written):
                    # A Vietnamese header's gap: the Vietnamese names too (forty-fifth session).
                    known = msg(
                        "import_columns_with_vietnamese", columns=known, vietnamese=", ".join(VIETNAMESE_COLUMNS)
                    )
                problems.append(Problem(where, msg("import_column_empty", column=i + 1, columns=known)))
            elif (bracketed := _unit_in_heading(typed)) is not None:
                # A value column headed with its unit, as a yearbook heads it (the Vietnamese
                # for "value (billion dong)"): told where the unit goes, not "unknown column"
                # (forty-third session).
                problems.append(Problem(where, msg("import_column_with_unit", name=typed, **bracketed)))
                told.add("value")  # not said missing again under it (forty-fourth session)
            elif hint:  # the heading as typed, not lower-cased
                problems.append(Problem(where, msg("import_unknown_column_hint", name=typed, hint=hint, columns=known)))
            else:
                problems.append(Problem(where, msg("import_unknown_column", name=typed, columns=known)))
        else:
            columns[name] = i
    missing = [c for c in LONG_REQUIRED if c not in columns and c not in told]
    if missing:
        # An empty header cell is shown as '' (a name a person can see, in any language).
        needed, found = ", ".join(missing), ", ".join(h or "''" for h in header)
        as_typed = [nfc(str(w).strip().lstrip("\ufeff")) for w in written]
        if len(as_typed) == len(header) and not all(map(str.isascii, as_typed)):
            # A Vietnamese header: shown as typed, with the Vietnamese names of what it lacks
            # (forty-fifth session: "found: indicator, value" for 'Chi tieu | Gia tri').
            names = "; ".join(f"{c}: {', '.join(k for k, v in VIETNAMESE_COLUMNS.items() if v == c)}" for c in missing)
            shown = ", ".join(w or "''" for w in as_typed)
            problems.append(
                Problem(where, msg("import_header_needs_vietnamese", missing=needed, found=shown, names=names))
            )
        else:
            problems.append(
                Problem(
                    where,
                    msg("import_header_needs_delimiter", missing=needed, found=found)
                    if len(header) == 1 and delimiter == ","
                    else msg("import_header_needs", missing=needed, found=found),
                )
            )
    return None if any(p.severity != "warning" for p in problems[before:]) else columns


_BRACKETED = re.compile(r"(.+?)\s*[(\[]\s*([^()\[\]]+?)\s*[)\]]\s*")


def _unit_in_heading(heading: str) -> dict[str, str] | None:
    """A heading that is one of our columns with a unit in brackets after it ("value
    [billion VND]", or its Vietnamese): the column, its name as typed and the unit; else None."""
    found = _BRACKETED.fullmatch(heading)
    if found is None:
        return None
    column = column_of(nfc(found[1]).lower())
    # The value's column alone: a note's or a source's brackets hold no unit, and a heading
    # in two languages (English, then the Vietnamese in brackets) names a column twice, not a unit.
    if column != "value" or column_of(nfc(found[2]).lower()) in LONG_COLUMNS:
        return None
    return {"meant": column, "base": found[1], "unit": found[2]}


def _qntrack_output(header: Sequence[str]) -> str | None:
    """The qntrack command whose CSV ``header`` is, when it is one that holds no column
    of figures to add (a target's row, a unit's rank, a period's vintages), else None."""
    # Their first columns too: an officer's own indicator,period,latest_value is a value
    # column misnamed, said as an unknown column.
    if "latest_value" in header and "value" not in header and header[:1] in (["rank"], ["id"]):
        return "rank" if header[:1] == ["rank"] else "status"
    if "in_force" in header and "line" in header and "indicator" not in header:
        return "history"
    return None


def _looks_like_period(name: str) -> bool:
    try:
        rules.period(_read_period(name))
    except PeriodError:
        return False
    return True


def status_heading(name: str) -> tuple[str, str] | None:
    """(status, the period's text) of a heading that gives both, as a yearbook heads its
    last column ("Prel. 2024", or its Vietnamese words), or an officer notes the status
    after the period ("Quy I/2026 (uoc)", folded, twenty-third session); None for any other
    heading. The status is a word the status column reads (``vocabulary.status_word``)."""
    return _status_first(name) or _status_last(name)


def _status_first(name: str) -> tuple[str, str] | None:
    words = name.split()
    # The longest status first: "Uoc TH 2025" is "Uoc TH" (estimated outturn) and 2025,
    # not "Uoc" and "TH 2025".
    for k in range(min(3, len(words) - 1), 0, -1):
        status = status_word(" ".join(words[:k]))
        rest = " ".join(words[k:]).lstrip("-–: ")
        if status in OBSERVATION_STATUSES and rest:
            return status, rest
    return None


def _status_last(name: str) -> tuple[str, str] | None:
    """A status after the period, in brackets or not: "Quy I/2026 (uoc)", folded, "2025 SB"."""
    text = name.strip()
    if text.endswith(")") and "(" in text:
        rest, _, said = text[:-1].rpartition("(")
        status = status_word(said)
        return (status, rest.strip()) if status in OBSERVATION_STATUSES and rest.strip() else None
    words = text.split()
    for k in range(min(3, len(words) - 1), 0, -1):
        status = status_word(" ".join(words[-k:]))
        rest = " ".join(words[:-k]).rstrip("-–: ")
        if status in OBSERVATION_STATUSES and rest:
            return status, rest
    return None


def status_before_period(text: str) -> tuple[str, str] | None:
    """(status, period code) of a text that is a status before a period, as a yearbook
    heads a column (``status_heading``), typed where a period alone is read: a period
    argument, an import's period cell (issue 17, twentieth session). None for any other."""
    return _with_period(_status_first(text))


def status_after_period(text: str) -> tuple[str, str] | None:
    """(status, period code) of a period with its status after it ("quy I/2026 (uoc)", folded),
    typed where a period alone is read, as ``status_before_period``. None for any other."""
    return _with_period(_status_last(text))


def _with_period(found: tuple[str, str] | None) -> tuple[str, str] | None:
    from ..plan.periods import parse_period

    if found is None:
        return None
    status, rest = found
    try:
        return status, str(parse_period(vietnamese_period(rest) or rest))
    except PeriodError:
        return None


def heading_status(row: dict[str, str], given: tuple[str, str], typed: str) -> Message | None:
    """Give ``row`` the status its column's heading says (``given``: status, heading), over
    --status, as a cell that says one is never filled; a status cell of the row's own
    that says another is the problem returned (the figure's status would be a guess)."""
    status, heading = given
    if typed and typed != status:
        # Both in the reader's words (their labels, as tables say them), never the stored codes.
        said = msg("label_" + typed) if typed in OBSERVATION_STATUSES else typed
        return msg("import_heading_status_conflict", heading=heading, status=msg("label_" + status), typed=said)
    row["status"] = status
    return None


# A figure as a table writes it: digits with a decimal mark or groups, a sign, a '%'.
_FIGURE = re.compile(r"[-+\u2212]?(?:\d+(?:[.,\s]\d+)*|[.,]\d+)\s*%?")


def row_of_figures(fields: Sequence[str], header: Sequence[str], where: Location, wide: bool) -> Problem | None:
    """The problem of a first line that is a row of figures, not a header, or None.

    Rows pasted from a spreadsheet without their header row ("growth, 2025-Q3, 7.9") were
    told four things (two unknown columns, "add --wide", the missing header); one
    sentence says what happened. Such a line names no column qntrack reads (``header``,
    as ``_header`` reads it) and holds a figure: a number that is no period (7.9, not
    2024), which no header has.
    """
    if wide:
        if header and header[0] == "indicator":
            return None
    elif any(name in LONG_COLUMNS for name in header):
        return None
    cells = [f.strip() for f in fields]
    if not any(_FIGURE.fullmatch(c) and not _looks_like_period(c) for c in cells[1:]):
        return None
    said = ", ".join(c for c in cells if c)
    return Problem(
        where, msg("import_header_missing_wide" if wide else "import_header_missing", line=where.line, cells=said)
    )


_SEPARATORS = {
    ",": ("','", "','"),
    ";": ("';'", "';'"),
    "\t": ("tab", "'\\t'"),
    "|": ("'|'", "'|'"),
}  # --delimiter's, Python's


def other_separator(line: str, used: str) -> tuple[str, str, str] | None:
    """How another separator than ``used`` reads ``line`` as a header of ours, long or wide
    (the indicator and a period: session 46, helper X): that separator as --delimiter and
    Python write it, and the header's names as typed; None when none does."""
    for sep, (option, python) in _SEPARATORS.items():
        cells = line.split(sep)
        names = _header(cells)
        wide = "indicator" in names and any(_looks_like_period(name) for name in names)
        if sep != used and (wide or sum(name in LONG_COLUMNS for name in names) >= 2):
            return option, python, ", ".join(nfc(cell.strip().lstrip("\ufeff")) for cell in cells)
    return None


def _other_delimiter(written: Sequence[str], used: str, sep_line: str = "") -> Message | None:
    """A header read as one column that another separator of ``--delimiter`` reads as ours
    (``-d tab`` given for a ';' file: pass K, s45), told that separator; None otherwise,
    the line not quoted back (it may be no table at all). ``sep_line``: Excel's 'sep=' line
    that chose ``used`` (no --delimiter given), told as the cause."""
    found = other_separator(str(written[0]) if written else "", used)
    if found is None:
        return None
    option, python, shown = found
    if sep_line:  # 'sep=' and a tab shown so, not as 'sep=' (forty-seventh session)
        line = msg("s47l_sep_line_tab") if sep_line == "sep=\t" else sep_line.strip()
        return msg("s46x_import_sep_line_other", line=line, other=option, python=python, columns=shown)
    used_as = _SEPARATORS.get(used, (repr(used),))[0]
    return msg("import_header_other_delimiter", used=used_as, other=option, python=python, columns=shown)


def unmarked(cells: Sequence[object]) -> list[tuple[str, str]]:
    """The cells that are a Vietnamese heading of ours typed without its marks ('Chi tieu'
    for the indicator's), each (as typed, the heading in the typed one's case): told, never read
    (without its marks a heading may be another word: session 46, helper X)."""
    from .vocabulary import VIETNAMESE_COLUMNS, fold

    headings = {fold(name): name for name in VIETNAMESE_COLUMNS if not name.isascii()}
    found = []
    for cell in cells:
        typed = nfc(str(cell).strip().lstrip("\ufeff")) if isinstance(cell, str) else ""
        meant = headings.get(fold(typed)) if typed.isascii() else None
        if meant is not None:
            cased = meant.upper() if typed.isupper() else meant[0].upper() + meant[1:] if typed[0].isupper() else meant
            found.append((typed, cased))
    return found


def unmarked_header(cells: Sequence[object]) -> Message | None:
    """What to say of a header whose Vietnamese headings are typed without their marks, one
    of them the indicator column's (a 'Nam | Nu' table, male and female, is no header of
    ours typed so); None otherwise."""
    found = unmarked(cells)
    if not any(_header([meant]) == ["indicator"] for _, meant in found):
        return None
    pairs = ", ".join(f"'{typed}' → '{meant}'" for typed, meant in found)
    return msg("s46x_import_header_unmarked", headings=pairs, columns=", ".join(LONG_COLUMNS))
