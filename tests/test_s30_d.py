"""Issue 17, thirtieth session, pass D: every command against the system's refusals.

Swept for real on a read-only bind mount and a full 64 KB tmpfs (see the pass's report);
what CI can reproduce without root is simulated here with test_os_errors' helpers. A
file the user chose to write (a report, an export, a new tracker) on a read-only or
unwritable disk is not "the tracker": the advice says where to write it instead.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from conftest import SMALL_OBSERVATIONS, SMALL_TARGETS, make_tracker
from helpers import run
from test_os_errors import intact, one_line, refuse_writes

READ_ONLY = "give a path on a writable disk"
NO_ACCESS = "ask for write access, or give a path in a folder you can write"


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "plan"
    folder.mkdir()
    (tmp_path / "out").mkdir()
    return make_tracker(folder, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)


def _outputs(out: Path) -> list[list[str]]:
    """Every command that writes a file or folder the user names, outside the tracker."""
    return [
        ["report", "-o", str(out / "review.html")],
        ["report", "-o", str(out / "review.md")],
        ["report", "-o", str(out / "review.xlsx")],
        ["export", "sdmx-csv", "-o", str(out / "data.csv")],
        ["export", "opensdg", "--into", str(out / "site")],
        ["init", str(out / "new")],
    ]


@pytest.mark.parametrize("which", range(6))
@pytest.mark.parametrize(("code", "todo"), [(errno.EROFS, READ_ONLY), (errno.EACCES, NO_ACCESS)])
def test_an_output_on_a_read_only_disk_is_not_told_to_copy_the_tracker(
    plan: Path, monkeypatch: pytest.MonkeyPatch, which: int, code: int, todo: str
):
    """`report -o /mnt/ro/review.html` from a tracker on a writable disk was told "copy the
    tracker to a folder on a writable disk", which the tracker is on (and `init` has no
    tracker to copy): the advice now names the path the user gave."""
    out = plan.parent / "out"
    args = _outputs(out)[which]
    refuse_writes(monkeypatch, out, code)
    line = one_line(run(*args), 1, str(out))
    assert os.strerror(code) in line
    assert todo in line
    assert "tracker" not in line.split(os.strerror(code), 1)[1]
    intact(plan)
    assert list(out.iterdir()) == []


def test_the_advice_for_an_output_in_vietnamese(plan: Path, monkeypatch: pytest.MonkeyPatch):
    out = plan.parent / "out"
    refuse_writes(monkeypatch, out, errno.EROFS)
    line = one_line(run("--lang", "vi", "report", "-o", str(out / "review.html")), 1, str(out))
    assert "hãy ghi vào một đường dẫn trên ổ đĩa ghi được" in line
    assert "bộ theo dõi" not in line.split(":", 2)[2]


def test_the_store_on_a_read_only_disk_keeps_its_advice(plan: Path, monkeypatch: pytest.MonkeyPatch):
    """The tracker's own files are still told to copy the tracker: that is what to do."""
    refuse_writes(monkeypatch, plan, errno.EROFS)
    line = one_line(run("add-observation", "share", "2024-Q2", "13"), 1, "observations.csv")
    assert "copy the tracker to a folder on a writable disk" in line
    intact(plan)


def test_the_advice_for_a_path_made_is_in_both_catalogs():
    """The ids are named through a table, which test_messages.py's search does not see."""
    from qntrack.catalog import catalog
    from qntrack.errors import _ADVICE_MADE

    for message_id in _ADVICE_MADE.values():
        assert message_id in catalog("en") and message_id in catalog("vi"), message_id


def _with_a_file_size_limit(limit: int):
    """The child's files can grow to ``limit`` bytes (``ulimit -f``): a write past it
    writes what fits, the next fails with EFBIG (Python ignores SIGXFSZ)."""
    import resource

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))

    return limited


@pytest.mark.parametrize(
    "args", [["report", "-f", "html"], ["report", "-f", "xlsx"], ["export", "sdmx-csv"]], ids=" ".join
)
def test_standard_output_cut_short_by_a_file_size_limit_is_said(plan: Path, args: list[str]):
    """`qntrack report -f html > review.html` under `ulimit -f 20` (a shared host's limit)
    left the first 20 KB of the report, exit 0, not a word: the system wrote part of one
    large write and Python's buffer took the short count as done. Now the rest is
    written, the limit's EFBIG is met, and said as any full standard output is."""
    import subprocess
    import sys

    whole = subprocess.run([sys.executable, "-m", "qntrack", *args], capture_output=True, cwd=plan, check=True).stdout
    limit = 256
    assert len(whole) > 2 * limit
    out = plan.parent / "out" / "cut"
    with open(out, "wb") as stdout:
        done = subprocess.run(
            [sys.executable, "-m", "qntrack", *args],
            stdout=stdout,
            stderr=subprocess.PIPE,
            cwd=plan,
            preexec_fn=_with_a_file_size_limit(limit),
            text=True,
        )
    assert done.returncode == 1, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    assert lines[0].startswith("standard output: error: cannot write: File too large"), lines[0]
    assert out.stat().st_size <= limit
    intact(plan)


def test_a_full_disk_during_an_import_names_the_plan_not_standard_output(plan: Path, monkeypatch: pytest.MonkeyPatch):
    """A later `import opensdg --into DIR` on a full disk said "standard output: error:
    cannot import the repository": the plan's write failed on the open file, whose error
    carries no file name, and a nameless error was taken for standard output's. It now
    names the plan the import was writing; the tracker is as it was."""
    from test_os_errors import full_disk

    site, into = plan.parent / "site", plan.parent / "out" / "imp"
    assert run("export", "opensdg", "--into", str(site)).exit_code == 0
    assert run("import", "opensdg", str(site), "--recorded-at", "2026-01-01", "--into", str(into)).exit_code == 0
    before = {p.name: p.read_bytes() for p in into.iterdir()}
    full_disk(monkeypatch, allowed=0)
    result = run("import", "opensdg", str(site), "--recorded-at", "2026-02-01", "--into", str(into))
    line = one_line(result, 1, str(into / "targets.yaml"), "No space left on device")
    assert not line.startswith("standard output")
    assert {p.name: p.read_bytes() for p in into.iterdir()} == before
