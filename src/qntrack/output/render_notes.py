"""The status table's notes: a mark on a figure that revised an earlier one, and a legend.

``summary.status_cells`` puts a piece of role "note" after each figure shown that replaced
another, its text the legend line ("GRDP growth 2023: 11.02 % y/y → 11.03 % y/y
(estimate, recorded 2023-11-27; source: ...)", the series by its name: legend_names). Here the notes are numbered in the order
the table shows them, one number for one figure however many targets show it; each piece
becomes its mark, "[1]", written against the figure's number ("11.03[1] % y/y (2023)") so
that a narrow column never wraps the mark away from its figure, and the legend under the table says what each number stands for
(issue 17, seventeenth session). Plain text: no colour, no symbol a terminal may lack, so
the mark reads the same piped, under NO_COLOR and at 50 columns; the legend wraps at the
terminal's width.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from .i18n import label
from .terminal_text import visible

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from .summary import Cell

__all__ = ["numbered", "legend", "legend_text", "with_legend", "print_legend"]


def numbered(rows: Sequence[Sequence[Cell]]) -> tuple[list[tuple[Cell, ...]], list[str]]:
    """The rows with each note piece made its mark ("[n]", muted), and the notes' texts,
    the first numbered 1. The same text (one figure shown for several targets) keeps its
    number. Rows without notes come back as they were."""
    notes: dict[str, int] = {}
    out: list[tuple[Cell, ...]] = []
    for cells in rows:
        if not any(role == "note" for cell in cells for _, role in cell):
            out.append(tuple(cells))
            continue
        out.append(
            tuple(
                tuple(
                    (f"[{notes.setdefault(text, len(notes) + 1)}]", "muted") if role == "note" else (text, role)
                    for text, role in cell
                )
                for cell in cells
            )
        )
    return out, list(notes)


def legend(notes: Sequence[str], lang: str, gap: bool = False) -> RenderableType | None:
    """The legend under the table: a heading, then "[n] note" a line each; None without
    notes. ``gap``: a blank line first (under the blocks of a narrow terminal, which end
    without the table's blank edge line)."""
    if not notes:
        return None
    from rich.console import Group
    from rich.text import Text

    from .withdrawn import legend_groups

    lines = [Text("")] if gap else []
    # A figure withdrawn (its note marked so: output.withdrawn) under its own heading, after
    # the revisions (issue 17, twentieth session); each line keeps its number.
    for heading, mine in legend_groups(notes):
        lines.append(Text(label(heading, lang), style="dim"))
        # A source from a store edited by hand may hold control characters: shown as escapes.
        lines.extend(Text(f"[{n}] {visible(text)}") for n, text in mine)
    return Group(*lines)


def legend_text(console: Console, notes: Sequence[str], lang: str, tally: str = "") -> str:
    """The legend as ``console`` draws it, written there, after the ``tally`` line
    (output.tally) when there is one; "" without either."""
    from rich.text import Text

    drawn = legend(notes, lang)
    if drawn is None and not tally:
        return ""
    with console.capture() as capture:
        if tally:
            console.print(Text(tally))
        if tally and drawn is not None:
            console.print()  # the legend apart from the tally, as from the stacked table
        if drawn is not None:
            console.print(drawn)
    text = capture.get()
    console.file.write(text)
    console.file.flush()
    return text


def with_legend(what: RenderableType, notes: Sequence[str], lang: str, gap: bool = False) -> RenderableType:
    """``what`` (the table, or its blocks) with the legend under it, drawn as one."""
    from rich.console import Group

    said = legend(notes, lang, gap)
    return what if said is None else Group(what, said)


def print_legend(notes: Sequence[str], lang: str) -> None:
    """The legend printed on its own under a table already printed (rank's); nothing
    without notes."""
    from .render import _console

    said = legend(notes, lang)
    if said is not None:
        _console().print(said)
