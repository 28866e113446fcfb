"""The console the tables are drawn on: its width in a pipe, at a terminal, and when
COLUMNS says nothing usable (issue 17, eighteenth session)."""

from __future__ import annotations

import os
import re
import sys
from typing import Iterable, TextIO

from rich.console import Console
from rich.segment import Segment

PIPED_WIDTH = 120
# The narrowest width the tables are laid out for (a list a target, the ids whole): a
# COLUMNS of 1 (a script's slip, a pane squeezed shut) printed one letter a line, 4,312
# lines for the shipped plan. Narrower is drawn at this, and the terminal folds the lines.
NARROWEST = 20


def _console() -> Console:
    # Piped or redirected output has no terminal to measure; Rich would assume 80
    # columns and fold the names, so a report-friendly width is used unless COLUMNS says.
    # A COLUMNS of 0 (`COLUMNS=$(tput cols)` with no terminal) says no width: Rich took
    # it as the width and printed nothing at all, so it counts as no COLUMNS.
    columns = os.environ.get("COLUMNS", "")
    width = None
    if columns.isdigit() and int(columns) > 0:
        width = max(int(columns), NARROWEST)
    elif not sys.stdout.isatty():
        width = PIPED_WIDTH
    else:
        import shutil  # the terminal's own width, else 80

        width = max(shutil.get_terminal_size().columns, NARROWEST)
    # NO_COLOR with FORCE_COLOR (a profile's FORCE_COLOR, a cron line's NO_COLOR): Rich
    # drops the colour and still sent bold and dim into the pipe; NO_COLOR means none.
    plain = bool(os.environ.get("NO_COLOR")) and not sys.stdout.isatty()
    height = None
    if os.environ.get("TERM", "").lower() in ("dumb", "unknown") and sys.stdout.isatty():
        # Rich takes a dumb terminal to be 80 x 25 unless given its height as well as its
        # width: Emacs's shell (TERM=dumb, COLUMNS its window's width, where Emacspeak reads
        # aloud) got every table 80 wide, folded by the window (issue 17, 21st session).
        import shutil

        height = max(shutil.get_terminal_size().lines, 1)
    return _Console(
        highlight=False,
        soft_wrap=False,
        width=width,
        height=height,
        force_terminal=False if plain else terminal_as_it_is(sys.stdout),
    )


def terminal_as_it_is(stream: TextIO) -> bool | None:
    """What to tell Rich of ``stream`` being a terminal: nothing (None, Rich reads it and
    FORCE_COLOR), except under a FORCE_COLOR set to the empty string, which force-color.org
    takes as not set (as no-color.org an empty NO_COLOR) and Rich as "not a terminal": the
    tables at a terminal lost their colour, bold and dim (issue 17, forty-third session)."""
    if os.environ.get("FORCE_COLOR") != "":
        return None
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):  # closed or replaced by a caller
        return False


# The bidirectional embeddings, overrides and isolates: on a terminal that lays out
# right-to-left text, an override reverses the letters after it, so a name of targets.yaml
# holding one (check warns of it) could show a table's row as another. None of Rich's own
# codes holds one, and each is zero columns wide to Rich, so taking them out of what is
# drawn moves no column. A source or note of the store is shown with their codes before it
# reaches a table (terminal_text.visible).
_REORDERING = re.compile("[\u202a-\u202e\u2066-\u2069]")


class _Console(Console):
    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        return _REORDERING.sub("", super()._render_buffer(buffer))

    def on_broken_pipe(self) -> None:
        # Rich's default exits 1 on its own; a closed pipe is the reader going away, which
        # the commands end quietly with 0 (cli.command).
        self.quiet = True
        raise BrokenPipeError
