"""Session 43, helper J: qntrack in pipelines and at terminals, as a data journalist and a
shell scripter use it (issue 17)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import read_terminal

ESC = b"\x1b["


def _on_a_terminal(cwd: Path, env: dict[str, str], *args: str) -> bytes:
    """What ``qntrack ARGS`` sends to a pseudo-terminal 100 columns wide, standard output
    and input on it, under the environment given (no colour settings of the runner's)."""
    import fcntl
    import struct
    import termios

    leader, follower = os.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 100, 0, 0))
    base = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR", "TERM")}
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "qntrack", *args],
            stdin=follower,
            stdout=follower,
            stderr=subprocess.PIPE,
            env={**base, "TERM": "xterm-256color", "QNTRACK_NO_CACHE": "1", **env},
            cwd=cwd,
        )
        said = read_terminal(leader, proc)
        assert proc.wait(timeout=120) == 0
    finally:
        os.close(follower)
        os.close(leader)
    return said


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a pseudo-terminal of a set size")
@pytest.mark.parametrize("command", [("status",), ("show", "cbct-share")])
def test_an_empty_force_color_leaves_a_terminal_its_colour(shipped: Path, command: tuple[str, ...]):
    # force-color.org (as no-color.org for NO_COLOR): a FORCE_COLOR set to the empty string
    # is as if it were not set. `FORCE_COLOR= qntrack status` (a wrapper or a CI file that
    # clears the variable) drew the table at a terminal with no colour, no bold and no dim
    # at all, where NO_COLOR= left them: Rich takes an empty FORCE_COLOR to mean "not a
    # terminal".
    unset = _on_a_terminal(shipped, {}, *command)
    assert ESC in unset  # the statuses are coloured at a terminal
    emptied = _on_a_terminal(shipped, {"FORCE_COLOR": ""}, *command)
    assert emptied == unset
    # NO_COLOR still takes the colour away there, and an empty NO_COLOR does not.
    assert _on_a_terminal(shipped, {"NO_COLOR": ""}, *command) == unset
    plain = _on_a_terminal(shipped, {"NO_COLOR": "1", "FORCE_COLOR": ""}, *command)
    assert not re.search(rb"\x1b\[(?:[0-9;]*;)?(?:3[0-8]|9[0-7])[;m]", plain)  # no foreground colour


def test_an_empty_force_color_sends_no_colour_into_a_pipe(shipped: Path):
    # Into a pipe, an empty FORCE_COLOR asks for nothing: no escape reaches the reader.
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    for args in (("status", "--format", "table"), ("show", "cbct-share")):
        r = subprocess.run(
            [sys.executable, "-m", "qntrack", *args],
            capture_output=True,
            env={**env, "FORCE_COLOR": "", "QNTRACK_NO_CACHE": "1"},
            cwd=shipped,
            timeout=120,
        )
        assert r.returncode == 0, r.stderr
        assert b"\x1b" not in r.stdout
