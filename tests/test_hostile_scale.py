"""A hostile user's pass over issue 17's changes (the national scale): each test is a
defect found, failing before its fix.
"""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import run_clean
from test_breakdowns import PLAN, STORE
from test_os_errors import refuse_writes

HEADER = STORE_HEADER


@pytest.mark.parametrize("code", [errno.EROFS, errno.EACCES])
def test_an_import_refused_for_its_rows_says_why_even_in_a_folder_it_cannot_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
):
    # fdi 2024 at 2025-03-01 is on line 10 with 100: another figure at the same moment is
    # refused for the row. The one-pass import took the store's lock first, and in a
    # folder it cannot write said only that, hiding what is wrong with the file.
    folder = make_tracker(tmp_path, monkeypatch, PLAN, STORE)
    (folder / "rows.csv").write_text(HEADER + "fdi,2024,101,official,,,2025-03-01T00:00:00Z\n", encoding="utf-8")
    before = (folder / "observations.csv").read_bytes()
    refuse_writes(monkeypatch, folder, code=code)
    r = run_clean("add-observation", "--from", "rows.csv")
    assert r.exit_code == 1
    assert r.stderr.startswith("rows.csv:2: error: fdi 2024 recorded at 2025-03-01T00:00:00Z is already on line 10")
    assert "lock" not in r.stderr
    assert (folder / "observations.csv").read_bytes() == before
