"""The wide shape's header (an indicator column, then one column a period, a status in a
heading or a footnote mark read past) read into its columns. Apart from import_headers,
which reads the long shape's header and what the two share, because a wide header's
columns are periods, not fields."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from ..catalog import msg
from ..catalog import said as _said
from ..plan.model import Location, Problem
from ..plan.periods import Period, PeriodError
from . import rules
from .figures import _within
from .heading_marks import footnote_mark
from .status_flags import column_refusal, in_heading
from .period_columns import twice
from .vocabulary import WIDE_ROW_NUMBER, excel_date, foreign_digits, is_row_number
from .plan_marks import is_comparison, projection_period
from .import_headers import LONG_OPTIONAL, SECOND, _excel_date_message, _read_period, status_heading


@dataclass(frozen=True, slots=True)
class WideColumns:
    """Where a wide table's cells are: the optional columns by name (status, source, note,
    recorded_at), and each period column with its period as canonical text."""

    meta: dict[str, int]
    periods: list[tuple[int, str]]
    first: int = 0  # the indicator column: 1 behind a row-number column (STT)
    # A period column whose heading gives its figures' status ("Prel. 2024"): column ->
    # (status, heading as written).
    statuses: dict[int, tuple[str, str]] = field(default_factory=dict)


def _wide_columns(
    header: list[str],
    where: Location,
    problems: list[Problem],
    dims: dict[int, str],
    breakdowns: Sequence[str],
    written: Sequence[str] = (),
) -> WideColumns | None:
    """'indicator' first, then period columns; status, source, note, recorded_at and the
    plan's dimensions (``breakdowns``, named in the message of an unknown column) too."""
    before = len(problems)
    # A yearbook numbers its rows before the indicator (STT): passed over, as a workbook's
    # is; an office lists its districts there too (issue 17): a dimension's column is read.
    at = header.index("indicator") if "indicator" in header else 0
    # "TT" too (WIDE_ROW_NUMBER), the provincial forms' row numbers, left of the indicator:
    # a wide table's status is in its headings or a column after it (issue 17, session 36).
    first = at if all(i in dims or is_row_number(h) or h == WIDE_ROW_NUMBER for i, h in enumerate(header[:at])) else 0
    if not header or header[first] != "indicator":
        problems.append(Problem(where, msg("import_wide_first_column", found=header[0] if header else "")))
    meta: dict[str, int] = {}
    periods: list[tuple[int, str]] = []
    statuses: dict[int, tuple[str, str]] = {}
    seen_periods: dict[object, str] = {}
    marks: list[tuple[str, str, str]] = []  # headings with a footnote mark: (heading, mark, period)
    for i, name in enumerate(header):
        if i == first or (i < first and i not in dims):
            continue
        if i in dims:
            if dims[i] in meta:
                problems.append(Problem(where, twice(dims[i][4:], meta[dims[i]], i, header, written)))
            meta[dims[i]] = i
            continue
        if name in LONG_OPTIONAL or name == "unit":
            if name in meta:
                problems.append(Problem(where, twice(name, meta[name], i, header, written)))
            meta[name] = i
            continue
        if name == "indicator":  # a code and a name column; or one after a row number (said above)
            if header[first] == name and SECOND not in meta:
                meta[SECOND] = i  # the two must agree (indicator_names)
            elif header[first] == name:
                problems.append(Problem(where, twice(name, first, i, header, written)))
            continue
        if foreign_digits(name):
            problems.append(Problem(where, msg("import_column_foreign_digits", column=i + 1, name=name)))
            continue
        if is_comparison(name):
            # A ratio qntrack computes, or a plan: passed over, said once (a warning).
            shown = written[i] if i < len(written) else name
            problems.append(Problem(where, msg("import_comparison_column", column=i + 1, name=shown), "warning"))
            continue
        if (projected := projection_period(name)) is not None:
            shown = written[i].strip() if i < len(written) and isinstance(written[i], str) else name
            problems.append(Problem(where, msg("import_projection_column", column=i + 1, name=shown, period=projected)))
            continue
        given = status_heading(name)
        # The heading as the officer wrote it, for what is said of it ('Quy V/2026' as typed, not
        # the lower case it is read in: twenty-third session).
        shown = written[i].strip() if i < len(written) and isinstance(written[i], str) else name
        try:
            period = rules.period(_read_period(given[1] if given else name))
        except PeriodError as exc:
            if (unmarked := _unmarked(name)) is not None:  # '2024 (*)': the period, its mark said
                given, period, mark = unmarked
                marks.append((shown, mark, str(period)))
            else:
                exc = in_heading(_as_written(shown, exc))  # '2024 (p)': its status in the heading
                guess = excel_date(name)
                if guess is not None:
                    problems.append(Problem(where, _excel_date_message(shown, guess, column=i + 1)))
                else:
                    # periods.py's reason is kept as its Message, not glued as English text (see _within).
                    problems.append(
                        Problem(
                            where,
                            _within(
                                column_refusal(exc, bool(breakdowns)),
                                _said(exc),
                                column=i + 1,
                                name=shown,
                                columns=", ".join(LONG_OPTIONAL),
                                dimensions=", ".join(breakdowns),
                            ),
                        )
                    )
                continue
        if period in seen_periods:
            problems.append(
                Problem(
                    where, msg("import_period_two_columns", period=period, first=seen_periods[period], second=shown)
                )
            )
            continue
        seen_periods[period] = shown
        periods.append((i, str(period)))
        if given is not None:
            statuses[i] = (given[0], shown)
    refused = any(p.severity != "warning" for p in problems[before:])
    if marks and not refused:
        read = ", ".join(f"'{heading}' → {period}" for heading, _, period in marks)
        said = ", ".join(dict.fromkeys(mark for _, mark, _ in marks))
        problems.append(Problem(where, msg("import_heading_footnote_marks", headings=read, marks=said), "warning"))
    if not periods and not refused:
        problems.append(Problem(where, msg("import_wide_no_period")))
        refused = True
    return None if refused else WideColumns(meta, periods, first, statuses)


def _unmarked(name: str) -> tuple[tuple[str, str] | None, Period, str] | None:
    """(status heading, period, mark) of a period heading with a footnote mark after it."""
    found = footnote_mark(name)
    given = status_heading(found[0]) if found is not None else None
    try:
        return (given, rules.period(_read_period(given[1] if given else found[0])), found[1]) if found else None
    except PeriodError:
        return None


def _as_written(shown: str, exc: PeriodError) -> PeriodError:
    """A heading's refusal (``exc``, of its lower-cased reading) said of the heading as
    written, when that is refused too (it is, but for the case of its letters)."""
    given = status_heading(shown)
    try:
        rules.period(_read_period(given[1] if given else shown))
    except PeriodError as again:
        return again
    return exc
