"""Issue 17, twenty-fifth session: the lead's own fixes (each test written failing first).

`report -o` and ``write_report`` now share the sequence after the layout
(output/report_written.write_laid_out); what that sequence says must be the same both ways."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from helpers import run_clean


def test_report_o_on_a_full_disk_names_the_file_as_typed(tracker: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The command writes at the file's real path: a full disk was said of
    # "/tmp/.../review.json", where the user had typed "review.json".
    assert run_clean("report", "-o", "review.json").exit_code == 0
    before = Path("review.json").read_bytes()

    def full(src: object, dst: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(dst))

    monkeypatch.setattr(os, "replace", full)
    r = run_clean("report", "-o", "review.json")
    assert r.exit_code == 1, r.output
    assert r.stderr.startswith("review.json:"), r.stderr
    assert "No space left on device" in r.stderr and os.getcwd() not in r.stderr
    assert Path("review.json").read_bytes() == before


def test_check_on_a_store_without_revisions_walks_its_rows_for_vintages_once(
    tracker: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `official-replaced` took "no period has two vintages" (an empty list) for "not
    # gathered yet" and walked the whole store again: on the independent national shape,
    # whose periods have one vintage each, 0.9 s under the profiler and 43 MB at the peak.
    from qntrack.files import checks

    calls: list[int] = []
    walk = checks.revised_rows

    def counted(rows):  # type: ignore[no-untyped-def]
        calls.append(len(rows))
        return walk(rows)

    monkeypatch.setattr(checks, "revised_rows", counted)
    problems = checks.run_checks("targets.yaml")
    assert calls == []  # the series' building found the (no) revised periods
    assert [p for p in problems if p.severity == "error"] == []
