"""An Open SDG repository's file names that make one indicator two (issue 17, twenty-second
session): a data file and its metadata written with dots and with dashes
(``indicator_1.1.1.csv`` beside ``meta/1-1-1.md``), and a copy of a data file saved beside
it (``indicator_1-1-1 (1).csv``, ``indicator_1-1-1 - Copy.csv``).

Open SDG's id is the file's name, so the site reads two indicators in each case (a page
with figures and no metadata, a page for the copy); qntrack read the first as an indicator
without its name and targets and the second as an indicator of its own. Each is refused
at the data file, naming the other file and the names that are read as one
(docs/formats.md, "All or nothing").

Also here: the data files the site's path_pattern passes over (said, not read), a column
named twice in a data file's header and a column that is an index rather than a
disaggregation (both refused), and the export's refusal of a unit pandas reads as no value."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

from ..catalog import Message, msg
from ..errors import ExitCode, fail
from ..plan.model import Location, Plan, Problem
from .opensdg_cells import read_as_empty
from .opensdg_repo import IndicatorData, Repository

__all__ = ["index_column", "name_problems", "passed_over", "refuse_empty_units"]

# What a browser, a cloud drive or a file manager adds to the name of a copy: a number in
# brackets (a second download, Google Drive), Dropbox's "(... conflicted copy ...)",
# Windows Explorer's " - Copy" (and " - Copy (2)"), a Mac's " copy" (and " copy 2").
_COPY = re.compile(
    r"(?P<inid>.+?)(?:\s\(\d+\)|\s\([^()]*conflicted copy[^()]*\)|\s-\s[Cc]opy(?:\s\(\d+\))?|\s[Cc]opy(?:\s\d+)?)"
)


def _dashed(inid: str) -> str:
    """Open SDG's way of writing an id: its parts joined by dashes (1.1.1 -> 1-1-1)."""
    return re.sub(r"[._]+", "-", inid)


def name_problems(repo: Repository, ind: IndicatorData, id_of: Callable[[str], str]) -> list[Problem]:
    """The problems of ``ind``'s file names: a copy of another data file, or metadata named
    otherwise (dots for dashes) that qntrack would take for the same indicator."""
    found: list[Problem] = []
    copied = _COPY.fullmatch(ind.inid)
    others = {i.inid: i.data_file for i in repo.indicators}
    if copied is not None and copied["inid"] in others:
        found.append(Problem(Location(ind.data_file, 0), msg("opensdg22_copy", original=others[copied["inid"]])))
    if ind.meta_file is None:
        for meta in repo.meta_only:
            path = PurePosixPath(meta)
            if path.stem != ind.inid and id_of(path.stem) == id_of(ind.inid):
                dashed = _dashed(ind.inid)
                data = PurePosixPath(ind.data_file).with_name(f"indicator_{dashed}.csv")
                found.append(
                    Problem(
                        Location(ind.data_file, 0),
                        msg(
                            "opensdg22_ids_apart",
                            inid=ind.inid,
                            meta=meta,
                            meta_id=path.stem,
                            id=id_of(ind.inid),
                            data_name=str(data),
                            meta_name=str(path.with_name(dashed + path.suffix)),
                        ),
                    )
                )
                break
    return found


def passed_over(src: Path, pattern: str, read: list[Path], root: Path) -> list[str]:
    """The CSV files in the folder of the site's data pattern that the pattern does not
    match (``indicator_1.1.1.csv`` beside ``data/*-*.csv``): Open SDG builds no page of
    them, and the import reads none, which is said rather than passed over in silence."""
    folder = src / PurePosixPath(pattern).parent
    try:
        found = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".csv" and p.is_file())
    except OSError:
        return []
    taken = set(read)
    return [p.relative_to(root).as_posix() for p in found if p not in taken]


def refuse_empty_units(plan: Plan, cells: Iterable[tuple[tuple[str, str], ...]]) -> None:
    """Refuse an export whose data file would hold a unit Open SDG reads as an empty cell
    (a region 'NA'): its figure would be the total's there. Said at the unit's line."""
    for row in cells:
        for dim, unit in row:
            if read_as_empty(unit):
                dimension = plan.dimensions.get(dim)
                declared = dimension.unit(unit) if dimension is not None else None
                where = (declared and declared.location) or (dimension and dimension.location) or plan.source_file
                raise fail(where, msg("opensdg22_export_empty_unit", id=dim, unit=unit), ExitCode.INVALID)


def separator_line(header: list[str], below: list[str]) -> Message | None:
    """Excel's separator hint on line 1 ('sep=,', 'sep=;'), which sdg-build reads as the
    header: said so, rather than "no 'Year' column" (session 45, pass O). A header
    ``below`` it of one column holding ';' or a tab is said too: deleting the line alone
    left a file refused again for its separator (session 46, helper X)."""
    line = ",".join(header).strip()
    if not (line.lower().startswith("sep=") and len(line) <= 6):
        return None
    cell = below[0] if len(below) == 1 else ""
    sep = "';'" if ";" in cell else msg("opensdg_tab") if "\t" in cell else None
    # 'sep=' and a tab, stripped to 'sep=' above, shown with its tab (forty-seventh session).
    shown = msg("s47l_sep_line_tab") if ",".join(header).lstrip().lower().startswith("sep=\t") else line
    if sep is not None:
        return msg("s46x_opensdg_sep_line_separator", line=shown, separator=sep)
    return msg("s45o_opensdg_sep_line", line=shown)


def column_twice(header: list[str]) -> Message | None:
    """A column named twice (``Year`` and ``Year``, ``Value`` and ``Value ``): the cells
    would be read from the last one, which Open SDG (pandas renames it ``Year.1``) does not."""
    first: dict[str, int] = {}
    for n, name in enumerate(header, start=1):
        if not name:
            continue  # no name: opensdg_repo._unnamed_or_twice judges it by its cells
        if name in first:
            return msg("hostile16_column_twice", column=name, first=first[name], second=n)
        first[name] = n
    return None


def index_column(columns: list[tuple[int, str]], body: list[list[str]], figures: set[int]) -> Message | None:
    """A disaggregation column that is an index, not a breakdown: pandas' 'Unnamed: 0', or
    any column whose cells are the rows' own numbers (0, 1, 2, ... or 1, 2, 3, ...: an
    office's 'No.', pandas' 'index'), which Open SDG would read as a unit a row, when the
    rows without it are still one figure each (``figures``: the Value and progress
    columns, left out of a row's key). A breakdown numbered 1 to 5 (an income quintile of
    one year) is no index: without it the rows would be five figures of one total."""
    rows = [r for r in body if any(c.strip() for c in r)]
    for i, label in columns:
        if re.fullmatch(r"Unnamed: \d+", label):
            # pandas' name for a headerless column: to_csv's row numbers, read back and saved.
            return msg("opensdg22_unnamed_column", column=i + 1, name=label)
        cells = [r[i].strip() if i < len(r) else "" for r in rows]
        for first in (0, 1):
            if (
                len(cells) >= 3
                and cells[0] == str(first)
                and cells == [str(n) for n in range(first, first + len(cells))]
                and _apart(rows, i, figures)
            ):
                return msg(
                    "opensdg22_row_numbers", column=i + 1, name=label, numbers=f"{first}, {first + 1}, {first + 2}"
                )
    return None


def _apart(rows: list[list[str]], column: int, figures: set[int]) -> bool:
    """Whether ``rows`` are still one figure each without ``column``: keyed by every other
    cell but the figures', no two alike (an index added to a valid file leaves it so)."""
    leave = figures | {column}
    keys = {tuple(c.strip() for k, c in enumerate(r) if k not in leave) for r in rows}
    return len(keys) == len(rows)
