"""Tables fitted to the terminal's width (issue 12), moved out of render.py: the listings
(indicators, targets, rank, groups), history's and the observations' tables. A table that
cannot fit without cutting an id, a period or a word it never splits is printed as one
block a row, "Heading: value" lines, rather than left to Rich, which gave a column no
width at all (history's figures at 60 columns) or one character (issue 17, twenty-first
session)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Mapping, Sequence

from rich import box
from rich.table import Table
from rich.text import Text

from .render_console import _console

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

__all__ = ["listing_table", "mark_kept", "paragraph", "print_figures", "print_fitted", "print_grid"]

# How narrow a column may fold a long word (a URL) when nothing else fits.
_FOLD_TO = 8


def mark_kept(line: Text, console: Console, within: RenderableType | None = None, mark: str = "⌛") -> None:
    """Breaks ``line`` before ``mark`` where it, or the table ``within`` holding it, drawn
    at the console's width would part the mark from its first word ("⌛" at a line's end,
    or cut to "…", "awaiting figure 2025" on the next line). Rich breaks at every space, a
    no-break one too (forty-fourth session's leftover). The line keeps its length, so its
    styles stay where they were."""
    at = line.plain.find(" " + mark)
    if at < 0:
        return
    words = line.plain[at + 1 + len(mark) :].split(maxsplit=1)
    whole = f"{mark} {words[0]}" if words else mark
    drawn = console.render_lines(within if within is not None else line, pad=False)
    if not any(whole in "".join(piece.text for piece in row) for row in drawn):
        line.plain = line.plain[:at] + "\n" + line.plain[at + 1 :]


def _room(width: int, columns: int, compact: bool) -> int:
    """The width left for the cells: SIMPLE_HEAD has an edge each side and a divider
    between columns; the padding is a space each side, or, compact, only on the right
    with no edges."""
    if compact:
        return width - (columns - 1) - columns
    return width - 2 - (columns - 1) - 2 * columns


def listing_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    keys: Sequence[str] = (),
    wrap: Sequence[str] = (),
    optional: Sequence[str] = (),
    title: str = "",
    foldable: Sequence[str] | None = None,
    labelled: bool = False,
    kept: Mapping[str, int] | None = None,
) -> None:
    """A plain listing (indicators, targets): text cells as typed, never markup. ``keys``
    name the columns; those in ``wrap`` may wrap between words, the others are never
    split; an ``optional`` column that is empty in every row is not shown. ``title``
    (as typed, never markup) heads it. ``foldable``: as ``_fitted_table``'s. ``labelled``:
    as blocks, the first cell too is said with its heading ("Rank: 1"), where a bare
    number would mean nothing read aloud; an id or a name leads alone. ``kept``: as
    ``_fitted_table``'s."""
    console = _console()
    cells = [[Text(str(cell)) for cell in row] for row in rows]
    heading = Text(title) if title else None
    table = _fitted_table(
        Table(box=box.SIMPLE_HEAD, title=heading),
        header,
        cells,
        console.width,
        wrap=wrap,
        keys=keys or header,
        optional=optional,
        foldable=foldable,
        kept=kept,
    )
    if cells and table.columns and table.columns[0].width is None:
        # No widths fit without cutting an id or an enumerated word (a 44-character id at
        # 80 columns, the shipped plan at 60): one block a row, as the status table does.
        if heading is not None:
            console.print(heading)
        console.print(_stacked_listing(header, rows, labelled, keys or header, kept or {}, console.width))
        return
    console.print(table)


def paragraph(text: str) -> None:
    """``text`` as typed (never markup), wrapped between words at the terminal's width, as
    show's notes are."""
    _console().print(Text(text))


def _stacked_listing(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    labelled: bool = False,
    keys: Sequence[str] = (),
    kept: Mapping[str, int] | None = None,
    width: int = 0,
) -> object:
    """A listing as blocks: the row's first cell (its id) on a line of its own, then
    "Header: value" lines, empty values left out. Lines wrap between words at the
    terminal's width; an id or a word is never cut (issue 12, as ``_stacked``). A value
    that ``kept`` keeps whole by its key (a unit's name of up to 24 characters) and that
    does not fit after its label goes whole to the next line: a district's two words were
    split over two lines at 54 columns (thirty-sixth session, pass D)."""
    from rich.cells import cell_len
    from rich.console import Group
    from rich.padding import Padding

    kept = kept or {}
    parts: list[RenderableType] = []
    for n, row in enumerate(rows):
        if n:
            parts.append(Text(""))
        parts.append(Text(f"{header[0]}: {row[0]}" if labelled else str(row[0]), style="bold"))
        for k, (title, value) in enumerate(zip(header[1:], row[1:], strict=True), start=1):
            text = str(value)
            if not text.strip():
                continue
            key = keys[k] if k < len(keys) else title
            whole = " " in text.strip() and cell_len(text) <= min(kept.get(key, 0), width - 4)
            if whole and cell_len(f"{title}: {text}") > width - 2:
                parts.append(Padding(Text(f"{title}:", style="bold"), (0, 0, 0, 2)))
                parts.append(Padding(Text(text), (0, 0, 0, 4)))
                continue
            line = Text(f"{title}: ", style="bold")
            line.append(text)
            parts.append(Padding(line, (0, 0, 0, 2)))  # a wrapped line stays under its label
    return Group(*parts)


# The other tables follow the status table's rules (issue 12): an id, a period, a status
# or a date is never split; names, sources and notes wrap, a long word of theirs (a URL)
# folding only when the terminal is too narrow for whole words; an optional column that is
# empty throughout is dropped.
def _fitted_table(
    table: Table,
    headers: Sequence[str],
    rows: Sequence[Sequence[Text]],
    width: int,
    wrap: Sequence[str],
    keys: Sequence[str],
    right: Sequence[str] = (),
    optional: Sequence[str] = (),
    styles: Sequence[str] = (),
    foldable: Sequence[str] | None = None,
    kept: Mapping[str, int] | None = None,
    fold_to: int = _FOLD_TO,
) -> Table:
    """``table`` with ``headers`` and ``rows``, its columns' widths fitting ``width`` when
    they can (each column's width None when not: the caller prints blocks instead). Those in
    ``wrap`` may wrap between words; a long word (a URL) folds only as a last resort, and
    only in the ``foldable`` columns (default: every column that wraps; none, for a table
    whose words are names and statuses a screen reader would read cut in two). ``kept``: by
    key, the fewest columns a wrapping column may be given: a status followed by its note
    ("Substantial progress (baseline 2023: ...)") wraps the note, never the status.
    ``fold_to``: the fewest columns a folded word is cut into (history's web addresses, in
    pieces of 30 or in a block of their own, never 8 a line)."""
    from rich.cells import cell_len

    shown = [k for k, key in enumerate(keys) if key not in optional or any(row[k].plain.strip() for row in rows)]
    headers = [headers[k] for k in shown]
    keys = [keys[k] for k in shown]
    rows = [[row[k] for k in shown] for row in rows]
    bendy = [key in wrap for key in keys]

    def words(text: str) -> list[str]:
        return [w for line in text.split("\n") for w in line.split()]

    natural = [max([cell_len(line) for line in h.split("\n")]) for h in headers]
    least = [max([cell_len(w) for w in words(h)], default=0) for h in headers]
    # A heading's word is never folded, even where the column's cells may be: "(distric"
    # over "t level" named no column (thirty-fifth session).
    heading = list(least)
    whole = list(least)  # a column never split still lets its header wrap between words
    for row in rows:
        for k, cell in enumerate(row):
            lines = [cell_len(line) for line in cell.plain.split("\n")]
            natural[k] = max([natural[k]] + lines)
            whole[k] = max([whole[k]] + lines)
            least[k] = max([least[k]] + [cell_len(w) for w in words(cell.plain)])
    for k, key in enumerate(keys):
        least[k] = max(least[k], min((kept or {}).get(key, 0), natural[k]))
    widths: list[int] | None = None
    compact = False
    # Tried in turn: whole words; the compact padding; a ``kept`` column (a status and
    # its note) wrapped; a source (a URL) folded; every column that may wrap folded. A
    # ``kept`` column stays whole while the table fits without wrapping it.
    last = tuple(k for k in keys if foldable is None or k in foldable)
    held = tuple(kept or ())
    tries: list[tuple[bool, tuple[str, ...], tuple[str, ...]]]
    tries = [(False, (), held), (True, (), held), *([(True, (), ())] if held else [])]
    tries += [(True, ("source",), ())] if "source" in last else []  # never a source not foldable
    for compact, fold, whole_too in (*tries, (True, last, ())):
        floor = [
            w if key in whole_too else min(n, max(fold_to, h) if key in fold else a) if b else w
            for a, n, w, b, h, key in zip(least, natural, whole, bendy, heading, keys, strict=True)
        ]
        tried = list(natural)
        excess = sum(tried) - _room(width, len(tried), compact)
        while excess > 0:  # the widest column that may wrap gives a character at a time
            able = [k for k in range(len(tried)) if tried[k] > floor[k]]
            if not able:
                break
            k = max(able, key=lambda k: tried[k])
            tried[k] -= 1
            excess -= 1
        if excess <= 0:
            widths = tried
            break
    if widths is not None and compact:
        table.show_edge = False
        table.padding = (0, 1, 0, 0)
    for k, header in enumerate(headers):
        table.add_column(
            header,
            justify="right" if keys[k] in right else "left",
            overflow="fold",
            # at its width a column never split holds its longest line whole,
            # and its header may still wrap between words
            no_wrap=not bendy[k] and widths is None,
            width=None if widths is None else widths[k],
            style=styles[shown[k]] if styles else None,
        )
    for row in rows:
        table.add_row(*row)
    return table


def print_fitted(console: Console, table: Table, headers: Sequence[str], rows: Sequence[Sequence[Text]]) -> None:
    """``table`` (from ``_fitted_table``) when its widths fit; else its title, then each row
    as a block of "Heading: value" lines (empty cells left out, a blank line between rows),
    each cell whole, in its style: the figures are never dropped or cut one character a
    line, and a screen reader reads each with its heading."""
    from rich.console import Group
    from rich.padding import Padding

    if not rows or not table.columns or table.columns[0].width is not None:
        console.print(table)
        return
    if table.title is not None:  # as typed, never markup
        console.print(table.title if isinstance(table.title, Text) else Text(str(table.title)))
    parts: list[RenderableType] = []
    for n, row in enumerate(rows):
        if n:
            parts.append(Text(""))
        for k, (title, cell) in enumerate(zip(headers, row, strict=True)):
            if cell.plain.strip():
                line = Text.assemble((f"{title}: ", "bold"), _started(cell, f"{title}: ", console.width - 2 * bool(k)))
                parts.append(Padding(line, (0, 0, 0, 2 if k else 0)))  # a wrapped line under its label
    console.print(Group(*parts))


def _started(cell: Text, label: str, width: int) -> Text:
    """``cell`` begun on its label's line when its first word is longer than a whole line
    (a web address, cut wherever it goes): the line filled after "Source: ", the rest on the
    lines below, where wrapping put the word on the next line and left the label alone
    (thirty-fifth session). A word that fits a line of its own still moves there whole."""
    from rich.cells import cell_len

    word = cell.plain.split(maxsplit=1)[0] if cell.plain.strip() else ""
    room = width - cell_len(label)
    if cell.plain[:1].isspace() or cell_len(word) <= width or room < 1:
        return cell
    cut = 0
    while cut < len(word) and cell_len(word[: cut + 1]) <= room:
        cut += 1
    if not cut:
        return cell
    first, rest = cell.divide([cut])
    return Text.assemble(first, "\n", rest)


def print_figures(
    console: Console, title: str | Text | None, keys: Sequence[str], cells: Sequence[Sequence[Text]], lang: str
) -> None:
    """A table of figures, a row a figure (the observations listed by ``observations`` and
    by ``show``), headed by the catalog's labels of ``keys``, its value and source wrapping,
    fitted to the terminal as ``print_fitted`` does."""
    from .i18n import label

    headers = [label(k, lang) for k in keys]
    table = _fitted_table(
        Table(title=title, box=box.SIMPLE_HEAD, title_justify="left"),
        headers,
        cells,
        console.width,
        wrap=("value", "source"),
        keys=keys,
        right=("value",),
    )
    print_fitted(console, table, headers, cells)


def print_grid(console: Console, grid: Table) -> None:
    """A grid of label and value (``show``'s facts, a milestone, a kind's key figures) as
    Rich draws it where that cuts nothing; on a terminal too narrow for that, a line
    "Label: value" a row, the value wrapping under it: at 20 columns the grid cut its
    labels to "Indicat…", its ids to "[grdp_gro…", a revision's mark to "[…" and a
    figure to "10 /" (forty-seventh session). A cut is an ellipsis drawn that no cell
    holds, or a grid wider at its least than the terminal."""
    from rich.console import Group

    if len(grid.columns) != 2:
        console.print(grid)
        return
    from rich.segment import Segment

    labels, values = ([_as_text(console, cell) for cell in column.cells] for column in grid.columns)
    held = sum(cell.plain.count("…") for cell in labels + values if isinstance(cell, Text))
    # Drawn wider than the terminal (a label column's min_width), the grid's lines were
    # cropped at its edge with no mark: "10 / 1" passed and failed shown "10 /" at 24.
    drawn = list(Segment.split_lines(console.render(grid, console.options)))
    wide = max((Segment.get_line_length(line) for line in drawn), default=0)
    if wide <= console.width and sum(piece.text.count("…") for line in drawn for piece in line) <= held:
        console.print(grid)
        return
    style = grid.columns[0].style or ""
    lines: list[RenderableType] = []
    for name, value in zip(labels, values, strict=True):
        if not isinstance(name, Text) or not isinstance(value, Text):
            lines.append(Group(name, value))
            continue
        head = name.copy()
        head.stylize(style)
        head.append(": " if name.plain.strip() else "")
        lines.append(Text.assemble(head, value))
    console.print(Group(*lines))


def _as_text(console: Console, cell: RenderableType) -> RenderableType:
    """A grid's cell as the grid draws it: a string read as markup, as Rich reads it."""
    return console.render_str(cell) if isinstance(cell, str) else cell
