"""What a long import or report shows on a terminal while it works (issue 17).

A national file of 300,000 rows takes tens of seconds to read, check against the store
and append; a command that says nothing for that long looks hung. The import tells what
it is doing (``importing.IMPORT_STEP``), and this shows it as one status line: on
standard error, only on a terminal, only for a file large enough to wait for, and
transient (gone when the command ends). A pipe, a log or a script sees none of it, as
with the report's progress bar (cli/report.py).
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator

if TYPE_CHECKING:
    from ..catalog import Message

# A file of this many bytes or more (about ten thousand rows) shows what the import does.
STATUS_FROM = 1 << 20


class _StatusLine:
    """One transient line on standard error, started with the first step told and drawn
    at once for each (a step done within the spinner's tick was otherwise never shown)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.live: Any = None

    def say(self, message: Message) -> None:
        from rich.spinner import Spinner
        from rich.text import Text

        from ..catalog import render
        from .printing import _visible

        # As plain text: a file's name is no markup ('so-lieu [v2].csv' kept its brackets
        # only so), and its control characters are shown escaped, as in every message.
        line = Spinner("dots", Text(_visible(render(message, self.lang))))
        if self.live is None:
            from rich.console import Console
            from rich.live import Live

            from ..output.render_console import terminal_as_it_is

            console = Console(stderr=True, force_terminal=terminal_as_it_is(sys.stderr))
            self.live = Live(line, console=console, transient=True, refresh_per_second=12.5)
            self.live.start()
        self.live.update(line, refresh=True)

    def stop(self) -> None:
        if self.live is not None:
            self.live.stop()


@contextmanager
def import_status(source: str, lang: str) -> Iterator[None]:
    """While the import of ``source`` runs, its steps on a status line (above). Rows read
    from a terminal are asked for, with how to end them: the command seemed to hang."""
    if source == "-" and _a_terminal(sys.stdin):
        from ..catalog import msg
        from .printing import _say

        _say(msg("cli_rows_from_terminal"))
    if source == "-" or not sys.stderr.isatty() or _size(source) < STATUS_FROM:
        yield
        return
    from ..files.importing import IMPORT_STEP

    line = _StatusLine(lang)
    token = IMPORT_STEP.set(line.say)
    try:
        yield
    finally:
        IMPORT_STEP.reset(token)
        line.stop()


def _a_terminal(stream: Any) -> bool:
    try:
        return bool(stream is not None and stream.isatty())
    except (AttributeError, OSError, ValueError):  # closed, or replaced by a caller
        return False


def _size(source: str) -> int:
    """The file's size, or 0 when it cannot be asked (the import says why it cannot read it)."""
    try:
        return os.stat(source).st_size
    except (OSError, ValueError):
        return 0


@contextmanager
def work_status(lang: str) -> Iterator[Callable[[Message, Path], None]]:
    """A status line while a command reads the plan and the store and judges them (a
    report before its progress bar, `status`, `check`): ``show(message, store)`` puts
    ``message`` on it when standard error is a terminal and the store is large enough to
    wait for; the library's own steps (``files.stages.WORK_STEP``: the store read, the
    targets assessed, the rows checked) are shown alike. The line is gone when the block
    ends, before the command prints anything (one live display at a time)."""
    from ..files.stages import WORK_STEP

    line = _StatusLine(lang)

    def show(message: Message, store: Path) -> None:
        if line.live is None and (not sys.stderr.isatty() or _size(str(store)) < STATUS_FROM):
            return
        line.say(message)

    token = WORK_STEP.set(show)
    try:
        yield show
    finally:
        WORK_STEP.reset(token)
        line.stop()


def fitted_progress(console: Any) -> Any:
    """The report's progress bar on ``console`` (transient): a spinner, what is being done,
    the bar, the count done and the time left. The count and the time are figures, never
    cut: at a 40-column terminal Rich cut them to "1620/…" and "0:00:…". Where the line
    cannot hold everything, the bar goes first, then the time left, then the spinner, and
    the words wrap, so that the count stays whole down to the tables' narrowest width."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeRemainingColumn
    from rich.table import Column

    spinner = SpinnerColumn(table_column=Column(no_wrap=True))  # turns while the file is packed, the bar full
    words = TextColumn("{task.description}", markup=False, table_column=Column())  # wraps
    bar = BarColumn()
    count = MofNCompleteColumn(table_column=Column(no_wrap=True))
    left = TimeRemainingColumn(table_column=Column(no_wrap=True))

    class Fitted(Progress):
        def make_tasks_table(self, tasks: Any) -> Any:
            tasks = list(tasks)
            every = self.columns
            self.columns = _fitting(console.width, tasks, spinner, words, bar, count, left)
            try:
                return super().make_tasks_table(tasks)
            finally:
                self.columns = every

    return Fitted(spinner, words, bar, count, left, console=console, transient=True)


# The narrowest bar worth drawing.
_BAR_AT_LEAST = 10


def _fitting(
    width: int, tasks: list[Any], spinner: Any, words: Any, bar: Any, count: Any, left: Any
) -> tuple[Any, ...]:
    """The columns of ``fitted_progress`` a line ``width`` wide holds with every figure
    whole, one space between columns: the bar only beside the words whole, the others
    beside the words' longest word (they wrap)."""
    from rich.cells import cell_len

    def widest(column: Any) -> int:
        return max((cell_len(column(task).plain) for task in tasks), default=0)

    def longest_word(task: Any) -> int:
        return max((cell_len(word) for word in str(task.description).split()), default=0)

    need = {"spinner": 1, "words": widest(words), "bar": _BAR_AT_LEAST, "count": widest(count), "left": widest(left)}
    kept = ["spinner", "words", "bar", "count", "left"]
    for dropped in ("bar", "left", "spinner"):
        if sum(need[name] for name in kept) + len(kept) - 1 <= width:
            break
        kept.remove(dropped)
        need["words"] = max((longest_word(task) for task in tasks), default=0)  # the bar kept the words whole
    if "bar" in kept:  # as wide as the rest of the line leaves it (Rich's most, 40), not wrapping the words
        bar.bar_width = min(40, width - sum(need[name] for name in kept if name != "bar") - len(kept) + 1)
    named = {"spinner": spinner, "words": words, "bar": bar, "count": count, "left": left}
    return tuple(named[name] for name in kept)


def say_lock_wait(lock: str, seconds: float) -> None:
    """A writer waits for another qntrack's lock (files.stages.LOCK_WAIT): said at once on a
    terminal, where up to 30 s of nothing looked hung; a pipe or a log gets the refusal
    alone, as before, if the wait ends in one."""
    if not _a_terminal(sys.stderr):
        return
    from ..catalog import Figure, msg
    from .printing import _say

    _say(msg("cli_waiting_for_lock", lock=lock, seconds=Figure(seconds)))
