"""The console's entry point (``qntrack``): the command line, loaded only when needed.

``qntrack --version`` is what scripts and installers ask to see that qntrack is there.
Answering it took Typer, Click and Rich (the command line's own modules) for one line of
text: this module answers it with none of them, and hands every other command line to
``qntrack.cli.main``, which does what it always did (issue 17's start-up goal).
"""

from __future__ import annotations

import os
import stat
import sys
from typing import NoReturn


def _a_stream() -> bool:
    """Standard output is open and not a regular file: ``--version >> observations.csv``
    goes to the command line's guard (outputs never extend inputs), a closed stdout to its
    message."""
    try:
        return not stat.S_ISREG(os.fstat(sys.stdout.fileno()).st_mode)
    except (AttributeError, OSError, ValueError):  # no stdout at all, or not a real file
        return False


def _utf8_file_names() -> None:
    """Run again in Python's UTF-8 mode when the file system encoding is not UTF-8.

    With the C locale and UTF-8 mode turned off (``LC_ALL=C PYTHONUTF8=0``, or a legacy
    locale such as Latin-1), Python decodes the command line and every file name in that
    encoding: a Vietnamese period or source arrived as escaped bytes and was refused, and
    a store with a Vietnamese name in targets.yaml ended in a UnicodeEncodeError
    traceback. qntrack's files, plan and store are UTF-8 (docs/cli.md); the same command
    is run once more with ``-X utf8``, which decodes the same bytes as UTF-8 (bytes that
    are not UTF-8 still reach the file system unchanged). Nothing was read or written yet.
    """
    if os.name != "posix" or sys.flags.utf8_mode or not sys.executable or not _qntrack_is_the_program():
        return
    if sys.getfilesystemencoding().lower().replace("-", "").replace("_", "") == "utf8":
        return
    env = dict(os.environ)
    if sys.stdout is not None and not env.get("PYTHONIOENCODING"):
        # The streams keep the locale's encoding: a terminal that cannot show a letter
        # still shows '?', a pipe still gets UTF-8 (cli._utf8_streams).
        env["PYTHONIOENCODING"] = sys.stdout.encoding
    try:
        os.execve(sys.executable, [sys.executable, "-X", "utf8", *sys.orig_argv[1:]], env)
    except (OSError, AttributeError, ValueError):
        return  # run as before: the command's own messages say what it cannot read


def _qntrack_is_the_program() -> bool:
    """Whether the process is qntrack's own (``python -m qntrack`` or the installed
    ``qntrack`` script): only then is running it again running qntrack again. A program
    that calls main() itself (``python -c``, a script of the office's) would do its own work
    a second time, its input already read; it runs on in its locale's encoding."""
    first = sys.modules.get("__main__")
    spec = getattr(first, "__spec__", None)
    if spec is not None:
        return spec.name in ("qntrack", "qntrack.__main__")
    return os.path.basename(getattr(first, "__file__", None) or "") == "qntrack"


def main() -> None:
    _utf8_file_names()
    if sys.argv[1:] == ["--version"] and _a_stream():
        from . import __version__

        try:
            # One system call, nothing left in a buffer (a line this short goes whole or
            # not at all: POSIX writes up to PIPE_BUF, at least 512 bytes, at once). If it
            # fails (a full disk, a reader gone), the command line below writes it again
            # and says what failed, as for any command.
            os.write(sys.stdout.fileno(), f"qntrack {__version__}\n".encode("ascii"))
            return
        except OSError:
            pass
    try:
        from .cli import main as command_line
    except KeyboardInterrupt:
        _interrupted()
    # qntrack's own process ends with the command: what it read may be left to that end.
    command_line(ends_the_process=_qntrack_is_the_program())


def _interrupted() -> NoReturn:
    """Ctrl-C while the command line loads (its first few tenths of a second): nothing
    was read or written yet. Said as a command says it, not as a traceback; exit 130."""
    from .catalog import argv_language, msg, render

    text = render(msg("cli_interrupted_reading"), argv_language()) + "\n"
    try:  # UTF-8 into a pipe or a file, as every message; a terminal shows what it can
        tty = sys.stderr.isatty()
        sys.stderr.buffer.write(text.encode((sys.stderr.encoding if tty else None) or "utf-8", "replace"))
        sys.stderr.flush()
    except (AttributeError, OSError, LookupError, ValueError):
        pass
    raise SystemExit(130)
