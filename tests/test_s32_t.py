"""The thirty-second session's test-suite pass (T): the tests run the qntrack under test."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_the_stdout_guards_processes_run_the_qntrack_under_test(tmp_path: Path):
    """test_stdout_guard.py starts qntrack with a bare environment (PATH and HOME): it left
    out PYTHONPATH, so a checkout tested with ``PYTHONPATH=src`` (this project's helpers'
    clones) had those 48 processes run the qntrack the virtual environment installs (the
    main tree, editable) instead, and write bytecode into that tree."""
    import qntrack
    import test_stdout_guard

    code = "import qntrack, sys; print(qntrack.__file__, sys.dont_write_bytecode)"
    out = subprocess.run(
        [sys.executable, "-c", code],
        env=test_stdout_guard.bare_environment(tmp_path),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert out == [qntrack.__file__, str(sys.dont_write_bytecode)]
    assert set(test_stdout_guard.bare_environment(tmp_path)) <= {
        "PATH",
        "HOME",
        "PYTHONPATH",
        "PYTHONDONTWRITEBYTECODE",
    }
