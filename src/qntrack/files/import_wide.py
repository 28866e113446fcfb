"""A table read as ``--wide`` reads it though ``--wide`` was not given: a yearbook's table
pasted as printed, a period per column and neither a period nor a value column (issue 17,
twenty-seventh session). Shared by the readers of CSV text and of workbooks."""

from __future__ import annotations

from typing import Sequence

from ..catalog import Message, msg
from ..plan.model import Location, Problem
from .import_headers import LONG_OPTIONAL, _looks_like_period, status_heading
from .import_wide_columns import WideColumns, _unmarked, _wide_columns


def wide_unasked(
    header: list[str],
    where: Location,
    problems: list[Problem],
    before: int,
    dims: dict[int, str],
    breakdowns: Sequence[str],
    written: Sequence[str] = (),
) -> WideColumns | None:
    """A table the long reading refused, read as ``--wide`` reads it when that is its one
    reading: no period and no value column, an indicator column and periods for headings
    (a yearbook's table pasted as printed). The long reading's problems, from ``before``
    on, give way to one warning that says so (the table was refused once per year, "is
    this a wide table? add --wide", then for its missing period and value columns).

    When ``--wide``'s reading refuses the header too (a period in two columns, a heading
    that is no period), and some heading is a period, its problems are the table's: they
    take the place of the long reading's ("add --wide", which would only lead to them),
    after one line that says the table was read as wide. None then, and None with the
    long reading's problems kept when no heading is a period or no column is the
    indicator's."""
    if "period" in header or "value" in header:
        return None
    tried: list[Problem] = []
    wide = _wide_columns(header, where, tried, dims, breakdowns, written)
    if wide is None:
        if "indicator" not in header:
            return None  # a row of figures, a title: nothing says the table is a wide one
        from .period_days import periods_ending

        headings = [
            (str(written[i]).strip() if i < len(written) else name, periods_ending(name) is None)
            for i, name in enumerate(header)
            if i not in dims and name not in ("indicator", "unit", *LONG_OPTIONAL) and _period_or_day(name)
        ]
        if headings:
            del problems[before:]
            problems.append(Problem(where, _read_as_wide(headings), "warning"))
            problems.extend(tried)
        return None
    del problems[before:]
    problems.extend(tried)  # its own warnings (a comparison column passed over, a footnote mark)
    shown = ", ".join(str(written[i]).strip() if i < len(written) else period for i, period in wide.periods)
    said = "import_read_as_wide" if len(wide.periods) > 1 else "import_read_as_wide_one"
    problems.append(Problem(where, msg(said, periods=shown), "warning"))
    return wide


def _read_as_wide(headings: list[tuple[str, bool]]) -> Message:
    """What a table read as wide and refused is told of its headings, each (as written,
    whether a period, flagged or not, rather than a day): periods, month-end days
    (`31/12/2024`, each told the periods ending on it next), or both, each said as what it
    is (`2024, 30/06/2025`: not "are periods")."""
    periods = ", ".join(name for name, period in headings if period)
    days = ", ".join(name for name, period in headings if not period)
    one = "_one" if len(headings) == 1 else ""
    if not days:
        return msg("import_read_as_wide_refused" + one, periods=periods)
    if not periods:
        return msg("import_read_as_wide_refused_day" if one else "import_read_as_wide_refused_days", periods=days)
    return msg("import_read_as_wide_refused_mixed", periods=periods, days=days)


def _period_heading(name: str) -> bool:
    """Whether a heading is a period as ``--wide`` reads one: alone, with its status ("Prel.
    2024"), or with a footnote mark ("2024 (*)")."""
    if _looks_like_period(name) or _unmarked(name) is not None:
        return True
    given = status_heading(name)
    return given is not None and _looks_like_period(given[1])


def _period_or_day(name: str) -> bool:
    """A period heading, one with a status flag (`2024 (p)`, which ``--wide`` tells where
    its status goes), or a month's last day (`31/12/2024`), which ``--wide`` tells the
    periods that end on (period_days): any makes the heading a wide table's."""
    from .status_flags import status_flag
    from .period_days import periods_ending

    return _period_heading(name) or status_flag(name) is not None or periods_ending(name) is not None


def periods_below(upper: Sequence[str], lower: Sequence[str]) -> bool:
    """Whether ``lower``, the column names of the row below a header row ``upper``, is the
    lower half of a wide table's two-row header (the years under a merged "Year"):
    periods (alone, with a status, or a footnote mark), and anything else only where the
    row above is empty (a note typed beside the years, "(*) Prel.", which --wide refuses at
    its cell: the refusal then says to add it, not "unknown column 'year'"). The CSV
    reader (import_two_rows) and the workbook reader ask the same."""
    periods = [bool(name) and _period_heading(name) for name in lower]
    stray = [i for i, name in enumerate(lower) if name and not periods[i]]
    return any(periods) and all(i >= len(upper) or not upper[i] for i in stray)


def value_over_periods(upper: Sequence[str], lower: Sequence[str]) -> bool:
    """Whether the upper row's value heading (`Thuc hien`, `Gia tri`, `Actual`) is merged over
    periods, as `Nam` is: the row below holds a period under it, and is the lower half of a
    wide table's header (``periods_below``). A long table's value column has a figure under
    it, never a period (forty-fifth session: such an annex was refused)."""
    if "value" not in upper:
        return False
    at = list(upper).index("value")
    return at < len(lower) and bool(lower[at]) and _period_heading(lower[at]) and periods_below(upper, lower)


def explains_refusal(problem: Problem) -> bool:
    """Whether a warning is said with the refusal it comes with, where an import's other
    warnings are not (they would be said again once the file is mended): that the table
    was read as ``--wide`` reads it, which is why ``--wide``'s problems are the table's."""
    return isinstance(problem.message, Message) and problem.message.id.startswith("import_read_as_wide_refused")


# The warnings that say what a cell was read as: a table read as --wide reads it, a footnote
# mark read past on a period cell or heading (twenty-eighth session). Said beside a refusal
# for other rows too, as a name read as an id is (importing.import_file): the refusal's
# messages name the periods as read, and the person mending the file learns now, not after,
# that '2024 (*)' was read as 2024.
_READINGS = frozenset(
    {"import_read_as_wide", "import_read_as_wide_one", "import_period_footnote_marks", "import_heading_footnote_marks"}
)


def tells_reading(problem: Problem) -> bool:
    """Whether a warning says what a cell was read as (said with a refusal, as on success)."""
    return isinstance(problem.message, Message) and problem.message.id in _READINGS
