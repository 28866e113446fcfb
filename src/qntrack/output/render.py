"""Tables for people, drawn with Rich. The only module that imports Rich.

Every text that comes from targets.yaml or the observations goes into ``rich.text.Text``
objects, never into markup strings, so a name like "[red]x" is shown as typed. Rich
itself honours NO_COLOR and drops colour when stdout is not a terminal.
"""

from __future__ import annotations

import re

from typing import TYPE_CHECKING, Literal, Mapping, Sequence

from rich import box
from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

from .i18n import (
    date_text,
    differing_decimals,
    kind_text,
    label,
    recorded_heading,
    replacing,
    status_label,
    timestamp_text,
)
from .i18n import typed_places, value_with_unit
from .terminal_text import visible
from ..files.textfiles import as_given
from .render_console import PIPED_WIDTH, _console, _Console  # noqa: F401  (re-exported)
from .render_rows import _how, _print, print_in_slices
from .render_notes import legend_text, numbered, with_legend
from .render_fitted import _FOLD_TO, _fitted_table, _room, listing_table, paragraph, print_figures, print_fitted  # noqa: F401  (re-exported)
from .render_fitted import mark_kept
from ..plan.units import base_of

if TYPE_CHECKING:
    from datetime import date

    from ..method.assessment import Assessment
    from ..cache import DrawnTables
    from ..plan.model import Observation, Plan
    from ..plan.periods import Period
    from ..plan.units import Dimension
    from ..output.summary import Cell

# The status table is drawn from plain cells, which the status cache can hand over
# without the model being imported at all; show() imports what it needs when called.

__all__ = ["status_table", "show", "observations_table", "history_table"]

STATUS_STYLE = {
    "target_achieved": "bold green",
    "substantial_progress": "green",
    "moderate_progress": "yellow",
    "limited_progress": "dark_orange",
    "deterioration": "red",
    "not_achieved": "bold red",
    "not_available": "dim",
}

# The roles of summary.status_cells' pieces; "status:<status>" takes STATUS_STYLE.
_ROLE_STYLE = {"": "", "muted": "dim", "provisional": "italic dim", "trend": "cyan"}


def _status(status: str, lang: str) -> Text:
    return Text(status_label(status, lang), style=STATUS_STYLE.get(status, ""))


def _name(a: Assessment, lang: str) -> str:
    return (a.target.name or a.indicator.name).get(lang)


def _cell(pieces: Cell) -> Text:
    # Text objects throughout: a name or unit from targets.yaml such as "[red]x" is shown
    # as typed, never read as Rich markup.
    def style(role: str) -> str:
        return STATUS_STYLE.get(role[7:], "") if role.startswith("status:") else _ROLE_STYLE[role]

    if len(pieces) == 1:  # styled as a whole, padding included, as a single Text is
        return Text(pieces[0][0], style=style(pieces[0][1]))
    cell = Text()
    for text, role in pieces:
        cell.append(text, style=style(role))
    return cell


def status_table(
    rows: Sequence[Sequence[Cell]],
    lang: str,
    title: str,
    as_of: str | None,
    drawn: DrawnTables | None = None,
    tally: str = "",
) -> None:
    """The status table; ``rows`` from ``summary.status_cells``, one per target; ``tally``
    (output.tally) the line under it, above the legend, that counts the targets by status.

    ``drawn`` (from the status cache) holds this table as already drawn: printed as it
    was when this terminal draws it the same way, else drawn now and kept there.
    """
    console = _console()
    how = _how(console, lang) if drawn is not None else None
    if how is not None:
        text = drawn.get(how)  # type: ignore[union-attr]
        if text is not None:
            console.file.write(text)
            console.file.flush()
            drawn.printed(how, text)  # type: ignore[union-attr]
            return
    rows, notes = numbered(rows)  # a revised figure's mark, "[1]", and the legend's lines
    # The reader's date (01/06/2024 in Vietnamese), as in the report (i18n.date_text).
    heading = title + (f" — {label('as_of_lower', lang)} {date_text(as_of, lang)}" if as_of else "")
    headers = (
        label("target", lang),
        label("latest", lang),
        "",
        # What the status is judged on, ahead or past (a milestone reached in 2025, a plan
        # of 2022): "Goal", as the reports head it; "Next milestone" named a past one next.
        label("goal", lang),
        label("gap", lang),
        label("p", lang),
        label("status", lang),
    )
    fitted = _fit(headers, rows, console.width)
    widths = fitted[0] if fitted is not None else None
    if fitted is None and rows:
        # Ids longer than a table row can hold: one block a target, each figure on its own
        # line, so that no id is split and no status cut (issue 12, "tables that do not mislead").
        _print(
            console,
            with_legend(_tallied(_stacked(heading, headers, rows, console), tally, gap=True), notes, lang, gap=True),
            how,
            drawn,
        )
        return
    compact = fitted is not None and fitted[1]

    def table(first: int, last: int) -> Table:
        """The table of rows[first:last]; the title and the header only above the first."""
        drawn_rows = Table(
            title=Text(heading) if heading and first == 0 else None,
            box=box.SIMPLE_HEAD,
            show_lines=False,
            show_header=first == 0,
        )
        if compact:
            drawn_rows.show_edge = False
            drawn_rows.padding = (0, 1, 0, 0)
        for k, header in enumerate(headers):
            if widths is not None and widths[k] == 0:
                continue  # the sparkline, dropped first when the terminal is narrow
            justify: Literal["right", "left"] = "right" if k in (4, 5) else "left"
            if widths is None:
                drawn_rows.add_column(header, justify=justify, overflow="fold", no_wrap=k == 2)
            else:
                drawn_rows.add_column(header, justify=justify, overflow="fold", no_wrap=k == 2, width=widths[k])
        for cells in rows[first:last]:
            kept = [
                _sign_kept(c, widths[k]) if widths is not None and k in (1, 3, 4) else c for k, c in enumerate(cells)
            ]
            drawn_rows.add_row(*(_cell(c) for k, c in enumerate(kept) if widths is None or widths[k]))
        return drawn_rows

    if widths is not None and not (console.is_jupyter or console.legacy_windows):
        # The columns' widths are fixed: the rows can be drawn a slice at a time, the
        # first on screen at once rather than after all of a national plan's (render_rows).
        text = print_in_slices(console, table, len(rows), edges=not compact)
        text += legend_text(console, notes, lang, tally)
        if how is not None and drawn is not None:
            drawn.put(how, text)
        return
    _print(console, with_legend(_tallied(table(0, len(rows)), tally), notes, lang), how, drawn)


def _tallied(what: RenderableType, tally: str, gap: bool = False) -> RenderableType:
    """``what`` with the tally line under it (none without a tally), after an empty line
    with ``gap`` (the blocks, which end on their last line; a table ends on its edge)."""
    if not tally:
        return what
    from rich.console import Group

    return Group(what, *([Text("")] if gap else []), Text(tally))


def _stacked(heading: str, headers: Sequence[str], rows: Sequence[Sequence[Cell]], console: Console) -> RenderableType:
    """The status table as blocks: the target's name and id, then "label: value" lines
    (the sparkline left out). Lines wrap at the terminal's width between words; an id is
    on a line of its own."""
    from rich.console import Group

    parts: list[RenderableType] = []
    if heading:
        parts.append(Text(heading, style="bold"))
    for cells in rows:
        parts.append(Text(""))
        parts.append(_cell(cells[0]))
        for k in (1, 3, 4, 5, 6):
            value = _cell(cells[k])
            line = Text(f"  {headers[k]}: ", style="bold")
            line.append_text(Text(" · ").join(value.split("\n")) if "\n" in value.plain else value)
            mark_kept(line, console)  # "⌛" never alone at a line's end
            parts.append(line)
    return Group(*parts)


# How narrow a column of the status table may become (before padding), and the order
# in which columns give up width: the target's name first, the status last.
_TARGET_MAX = 38
# The fewest columns ``history``'s table cuts a web address into (the thirty-fourth session):
# below it, a vintage is a block of its own.
HISTORY_FOLD_TO = 30
# The longest word the status table never folds (a longer one may, to _FOLD_TO).
_WHOLE = 16
_SHRINK_ORDER = (0, 1, 3, 4, 6)
_COMFORTABLE = 12
_AWAITING = "⌛"  # the mark that starts a status's line of deadlines awaited (summary.awaiting_text)


def _lines(cell: Cell) -> list[str]:
    return "".join(text for text, _ in cell).split("\n")


# A word and the per-cent sign after it, one piece a line never ends inside: "points %"
# of a Vietnamese gap, a unit typed "rate %" (forty-second session).
_GLUED = re.compile(r"\S+(?: +%\S*)+|\S+")


def _with_sign(line: str) -> int:
    """The width of the widest word with the per-cent sign after it in ``line`` (0 for
    none): a column narrower would leave the sign alone on a line."""
    if " %" not in line:
        return 0  # most cells: no regex walk over every row of a national table
    from rich.cells import cell_len

    return max((cell_len(m.group()) for m in _GLUED.finditer(line) if " " in m.group()), default=0)


def _sign_kept(cell: Cell, width: int) -> Cell:
    """``cell`` wrapped at ``width`` where Rich would end a line between a word and the
    per-cent sign after it: the Vietnamese gap ("2.7 points %" in its
    words) in 8 columns left the "%" alone on its line (forty-second session). A space where a line must end becomes a line break,
    before the word the sign goes with ("2.7" / "points %"); the pieces keep their roles."""
    from rich.cells import cell_len

    text = "".join(t for t, _ in cell)
    if " %" not in text:
        return cell
    chars = list(text)
    at = 0
    for line in text.split("\n"):
        used = None
        for m in _GLUED.finditer(line):
            size = cell_len(m.group())
            if used is not None and used + 1 + size > width and m.start() > 0:
                chars[at + m.start() - 1] = "\n"  # the space before the piece
                used = size
            else:
                used = size if used is None else used + 1 + size
        at += len(line) + 1
    wrapped, out, i = "".join(chars), [], 0
    for piece, role in cell:
        out.append((wrapped[i : i + len(piece)], role))
        i += len(piece)
    return tuple(out)


def _fit(headers: Sequence[str], rows: Sequence[Sequence[Cell]], width: int) -> tuple[list[int], bool] | None:
    """Widths of the status table's columns (0: dropped), and whether the padding must be
    the compact one, so that it fits ``width`` without truncating a status or splitting a
    target id: the sparkline goes first, then names, figures and goals wrap (a figure's
    word may fold), and a status wraps only between its words. None when even that does
    not fit (ids longer than the terminal is wide): Rich then does what it can.
    """
    from rich.cells import cell_len

    def longest_word(lines: Sequence[str]) -> int:  # "⌛" and its first word as one: never parted
        return max((cell_len(w) for line in lines for w in line.replace("⌛ ", "⌛_", 1).split()), default=0)

    natural = [cell_len(h) for h in headers]
    least = [longest_word([h]) for h in headers]
    # The longest word a fold must leave whole: "part-year," folded at 8 read "part-yea" /
    # "r," (forty-second session); only a longer word (an address, a figure of many
    # digits) may fold, and where that does not fit the rows are printed as blocks.
    ordinary = [0] * len(headers)
    status = cell_len(headers[6])  # the status's widest line but its deadlines awaited
    for cells in rows:
        for k, cell in enumerate(cells):
            lines = _lines(cell)
            natural[k] = max(natural[k], max(cell_len(line) for line in lines))
            least[k] = max(least[k], longest_word(lines))
            ordinary[k] = max(
                [ordinary[k]] + [n for line in lines for w in line.split() if (n := cell_len(w)) <= _WHOLE]
            )
        status = max([status] + [cell_len(line) for line in _lines(cells[6]) if not line.startswith(_AWAITING)])
    # A target id (the cell's last line) is never split; a name may wrap around it.
    least[0] = max([least[0], 12] + [cell_len(_lines(cells[0])[-1]) for cells in rows])
    natural[0] = max(least[0], min(natural[0], _TARGET_MAX))
    # A word and the per-cent sign after it keep one line (_sign_kept).
    bound = [max([0] + [_with_sign(line) for cells in rows for line in _lines(cells[k])]) for k in range(len(headers))]
    # Tried in turn: the sparkline kept while no figure or goal wraps below a comfortable
    # width; then, dropped first, every column down to its longest word; then with the
    # compact padding; then with a long word of a figure or goal folded.
    whole = [min(a, n) for a, n in zip(least, natural, strict=True)]  # no word folded
    for spark, compact, fold in (
        (True, False, False),
        (False, False, False),
        (False, True, False),
        (False, True, True),
    ):
        floor = list(whole)
        if spark:
            for k in (1, 3, 4):
                floor[k] = min(natural[k], max(floor[k], _COMFORTABLE))
            # The status whole, but for a list of deadlines awaited, which may wrap between
            # its words ("⌛ awaiting figure" above "2022–2025") before the trend goes.
            floor[6] = max(floor[6], status)
        if fold:  # a long word of a figure or a goal may fold; never a status, an id or a short word
            for k in (1, 3, 4):
                floor[k] = min(floor[k], max(_FOLD_TO, ordinary[k]))
        floor = [max(f, b) for f, b in zip(floor, bound, strict=True)]
        shown = [k for k in range(len(headers)) if spark or k != 2]
        excess = sum(natural[k] for k in shown) - _room(width, len(shown), compact)
        widths = [natural[k] if k in shown else 0 for k in range(len(headers))]
        # The widest of the name, figure, goal and gap columns gives a character at a time,
        # as Rich collapses a table; the status only once they are all at their floor. When
        # words must fold, every column (the status too, between its words) first gives
        # what it can with its words whole: a table one character too wide folded the
        # goal's header and the figures' periods while the status kept its room.
        while excess > 0:
            able = [k for k in _SHRINK_ORDER if widths[k] > floor[k]]
            if not able:
                break
            k = max(able, key=lambda k: (widths[k] > whole[k], k != 6, widths[k]))
            widths[k] -= 1
            excess -= 1
        if excess <= 0:
            return widths, compact
    return None


def observations_table(
    plan: Plan,
    rows: Sequence[Observation],
    lang: str,
    as_of: str | None = None,
    revised: Mapping[str, Mapping[Period, float | None]] | None = None,
) -> None:
    """The figures in force; with ``as_of``, headed "TITLE — as of DAY" as status's table is,
    so a table copied out of the terminal still says what day its figures were known on.
    ``revised``: per series, the figure each one replaced, written before it ("10.3% → 9.8%")."""
    console = _console()
    heading = Text(f"{plan.title_in(lang)} — {label('as_of_lower', lang)} {date_text(as_of, lang)}") if as_of else None
    if heading is not None and not rows:
        console.print(heading)
        console.print(Text(label("no_observations", lang), style="dim"))
        return
    keys = ("indicator", "period", "value", "obs_status", "source", "recorded_at")
    before = revised or {}
    cells = []
    for o in rows:
        ind = plan.indicators.get(base_of(o.indicator))  # a unit's figure: its indicator's unit
        unit = ind.unit_in(lang) if ind is not None else ""
        cells.append(
            [
                Text(visible(o.indicator)),
                Text(str(o.period)),
                Text(
                    replacing(
                        before.get(o.indicator, {}).get(o.period),
                        value_with_unit(o.value, unit, lang, typed_places(o.value)),
                        unit,
                        lang,
                        o.value,
                        typed_places(o.value),
                    )
                ),
                Text(kind_text(o.status, lang)),
                Text(visible(as_given(o.source), lines=True)),
                Text(date_text(o.recorded_at, lang)),
            ]
        )
    print_figures(console, heading, keys, cells, lang)


def show(
    a: Assessment,
    rows: Sequence[Observation],
    lang: str,
    as_of: str | None,
    revises: Mapping[Period, float | None] | None = None,
    withdrawn: Sequence[tuple[Observation, float | None]] = (),
    more: Sequence[str] = (),
    replaced: Mapping[Period, Observation] | None = None,
    today: date | None = None,
    dimensions: Mapping[str, Dimension] | None = None,
    judged_on: str = "",
) -> None:
    """One target at the terminal (``qntrack show``): output/render_show.py."""
    from .render_show import show as show_target

    show_target(a, rows, lang, as_of, revises, withdrawn, more, replaced, today, dimensions, judged_on)


def _places_of(vintages: Sequence) -> dict[float, int]:
    """The decimals ``history`` writes each stored figure at, one for every row it is in:
    those it was published with (``typed_places``), more where a revision's two figures
    differ only further (3.15 → 3.1507 at three: ``differing_decimals``). A figure written
    "3.151%" as a revision and "3.15%" where a retraction withdrew it read as two figures
    (thirty-fifth session)."""
    out: dict[float, int] = {}

    def need(value: float, places: int) -> None:
        if value == value:  # a retraction's NaN is written "–"
            out[value] = max(out.get(value, 0), places)

    for v in vintages:
        value = v.observation.value
        before = v.revises.value if v.revises is not None else None
        need(value, typed_places(value))
        if before is not None:
            need(before, typed_places(before))
            if before == before and value == value:
                both = differing_decimals(before, value, max(typed_places(before), typed_places(value)))
                need(before, both)
                need(value, both)
    return out


def history_table(
    plan: Plan, indicator_id: str, vintages: Sequence, lang: str, as_of: str | None, period: object = None
) -> None:
    """Every vintage of an indicator (of ``period`` when one was asked, named in the title),
    newest first; the one in force is marked "● yes" under "In force", the others "no": in
    words, since a bare mark under no heading and a dimmed row were all a screen reader had."""
    console = _console()
    ind = plan.indicators[base_of(indicator_id)]  # a unit's key: its indicator's name and unit
    unit = ind.unit_in(lang)
    # A unit named as the tables name it (by its names in ``lang``), then the key typed.
    from .legend_names import series_name

    named = series_name(ind, indicator_id, lang, plan.dimensions)
    title = Text(f"{named} [{indicator_id}]" + (f" {period}" if period is not None else ""))
    if as_of:
        title.append(f" — {label('as_of_lower', lang)} {date_text(as_of, lang)}")
    if not vintages:
        console.print(title)
        console.print(Text(label("no_observations", lang), style="dim"))
        return
    keys = ("in_force", "period", "value", "obs_status", "source", "note", "recorded_at", "line")
    from .report_view import report_word

    yes, no = f"● {report_word('yes', lang)}", report_word("no", lang)
    places = _places_of(vintages)

    def figure(value: float) -> str:  # "–": retracted; else at the decimals the table writes it
        return "–" if value != value else value_with_unit(value, unit, lang, places[value])

    cells = []
    for v in vintages:
        o = v.observation
        style = "" if v.in_force else "dim"
        before = v.revises.value if v.revises is not None else None
        # The figure it revised, or a retraction withdrew, before it: "10.3% → 9.8%".
        shown = figure(o.value) if before is None or before != before else f"{figure(before)} → {figure(o.value)}"
        cells.append(
            [
                Text(yes, style="bold green") if v.in_force else Text(no, style="dim"),
                Text(str(o.period), style=style),
                Text(shown, style=style),
                Text(kind_text(o.status, lang), style=style),
                Text(visible(as_given(o.source), lines=True), style=style),
                Text(visible(as_given(o.note), lines=True), style=style),
                Text(timestamp_text(o.recorded_at, lang), style=style),
                Text(str(o.line)),
            ]
        )
    headers = [recorded_heading(lang) if k == "recorded_at" else label(k, lang) for k in keys[:-1]] + ["#"]
    table = _fitted_table(
        Table(title=title, box=box.SIMPLE_HEAD, title_justify="left"),
        headers,
        cells,
        console.width,
        wrap=("value", "source", "note"),
        keys=keys,
        right=("value", "line"),
        optional=("note",),
        styles=["", "", "", "", "", "", "", "dim"],
        # A web address in pieces of 30 at least, else (at 80 columns) one block a vintage,
        # its address and recorded moment whole: cut 8 a line, a URL took 16 lines and the
        # figures six (issue 17, thirty-fourth session). A note's long word (an address
        # typed in it) is never cut: the blocks hold it.
        foldable=("source",),
        fold_to=HISTORY_FOLD_TO,
    )
    # A block's line is read with its heading: "Line: 30", where "#" said nothing aloud.
    print_fitted(console, table, headers[:-1] + [label("store_line", lang)], cells)
