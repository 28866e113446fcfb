"""Standard streams whose encoding is not UTF-8 (PYTHONIOENCODING, a legacy locale, a
Windows code page): what qntrack writes is never a traceback, data and reports to a pipe
or a file are UTF-8 as documented, and a terminal that cannot show a letter gets '?'."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import read_terminal


def run(folder: Path, *args: str, encoding: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QNTRACK_", "PYTHONIOENCODING"))}
    if encoding is not None:
        env["PYTHONIOENCODING"] = encoding
    return subprocess.run(
        [sys.executable, "-m", "qntrack", *args], cwd=folder, env=env, capture_output=True, timeout=60
    )


COMMANDS = [  # one of each way output is written: the cache's bytes, text, a table piped, a report
    ("status", "--format", "json"),
    ("--lang", "vi", "status", "--format", "csv"),
    ("status",),  # piped: plain TSV
    ("show", "cbct-share"),
    ("observations", "--indicator", "cbct_share"),
    ("check",),
    ("report", "--format", "markdown"),
]


@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(a) for a in COMMANDS])
def test_output_to_a_pipe_is_utf8_whatever_the_encoding(shipped: Path, args: tuple[str, ...]):
    plain = run(shipped, *args)
    assert plain.returncode in (0, 1), plain.stderr.decode("utf-8", "replace")
    plain.stdout.decode("utf-8")  # UTF-8, as docs/json.md and docs/formats.md say
    for encoding in ("ascii", "cp1258"):  # seven bits; a code page without Vietnamese's letters
        other = run(shipped, *args, encoding=encoding)
        assert b"Traceback" not in other.stderr
        assert (other.returncode, other.stdout) == (plain.returncode, plain.stdout), encoding


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_messages_in_vietnamese_to_a_pipe_are_utf8(shipped: Path, encoding: str):
    plain = run(shipped, "--lang", "vi", "show", "no-such-target")
    other = run(shipped, "--lang", "vi", "show", "no-such-target", encoding=encoding)
    assert plain.returncode == other.returncode == 1
    assert other.stderr == plain.stderr
    assert not other.stderr.decode("utf-8").isascii()  # Vietnamese letters, not escapes


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal")
def test_a_terminal_that_cannot_show_a_letter_gets_a_question_mark(shipped: Path):
    import pty

    env = {k: v for k, v in os.environ.items() if not k.startswith("QNTRACK_")}
    env.update(PYTHONIOENCODING="ascii", COLUMNS="200", NO_COLOR="1")
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "qntrack", "status"], cwd=shipped, env=env, stdout=follower, stderr=subprocess.PIPE
    )
    out = read_terminal(leader, proc)
    os.close(follower)
    os.close(leader)
    err = proc.stderr.read() if proc.stderr else b""
    assert proc.wait(60) == 0, err
    assert b"Traceback" not in err
    text = out.decode("ascii")  # nothing but what an ASCII terminal can show
    assert "cbct-share" in text and "?" in text
