"""A scripter's hostile pass (issue 17, thirteenth session): what a shell pipeline, a CI
gate or a notebook does to qntrack that the other hostile files do not: ``-o`` naming a
descriptor (``/dev/stderr``, ``/dev/fd/N``) that is a pipe, and the library called from
Python with what a caller might pass.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers import run_clean


@pytest.mark.parametrize(
    "command",
    [["report", "--format", "markdown", "-o"], ["report", "--format", "json", "-o"], ["export", "sdmx-csv", "-o"]],
)
def test_an_output_named_by_a_descriptor_that_is_a_pipe_is_refused_as_a_pipe(tracker: Path, command: list[str]):
    """``-o /dev/fd/1`` (or ``/dev/stderr``) in ``... | cat``: the link resolves to
    ``/proc/PID/fd/pipe:[N]``, a name that is no path. It was taken for a missing file in
    a folder that exists, so the write failed with "No such file or directory ... create
    the folder first" (exit 1; for Markdown, naming ``pipe:[N]-charts``). It is a pipe:
    refused as a FIFO is, exit 2, nothing written."""
    read, write = os.pipe()
    try:
        name = f"/dev/fd/{write}"
        r = run_clean(*command, name)
    finally:
        os.close(read)
        os.close(write)
    assert r.exit_code == 2, r.output
    assert "is not a regular file (a FIFO, device or socket)" in r.stderr
    assert r.stderr.startswith(f"{name}: error:"), r.stderr
    assert "pipe:[" not in r.stderr
    assert "No such file" not in r.stderr
    assert sorted(p.name for p in tracker.iterdir()) == ["observations.csv", "targets.yaml"]
