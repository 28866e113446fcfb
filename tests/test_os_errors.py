"""The OS-error sweep (issue #12): every command against a missing, read-only, full,
non-regular or locked file or folder gives ONE line on stderr naming the file, the
documented exit code, no traceback, and leaves nothing half-written.

The tests run as root in CI, where chmod stops nothing: a read-only file or folder and a
full disk are simulated in-process by making ``os.open``/``os.mkdir``/``os.write`` fail as
the kernel would (EROFS, EACCES, ENOSPC), and a full stdout is the real /dev/full. A FIFO
and a held lock are real, in a child process with a timeout so that a hang fails the test.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SMALL_OBSERVATIONS, SMALL_TARGETS, make_tracker
from helpers import lock_held_by_another_process, run

EXE = Path(sys.executable).parent / "qntrack"
IMPORT = "indicator,period,value\nshare,2024-Q2,13\nshare,2024-Q3,13.5\n"

# Every command that reads the plan (``-t`` is added by the tests), in each output form.
READERS = [
    ["status", "-f", "json"],
    ["status", "-f", "csv"],
    ["status", "-f", "tsv"],
    ["status", "-f", "table"],
    ["show", "share"],
    ["show", "share", "-f", "json"],
    ["observations"],
    ["observations", "-f", "json"],
    ["history", "share"],
    ["check"],
    ["report"],
    ["report", "-f", "json"],
    ["indicators"],
    ["indicators", "-f", "json"],
    ["targets"],
    ["targets", "-f", "csv"],
]
WRITERS = [
    ["add-observation", "share", "2024-Q2", "13"],
    ["add-observation", "--from", "rows.csv"],
    ["check", "--repair"],
    ["report", "-o", "review.md"],
    ["report", "-o", "review.html"],
]
ALL = READERS + WRITERS
# `indicators` and `targets` list the plan only; they never open the observations file.
STORE_USERS = [a for a in ALL if a[0] not in ("indicators", "targets")]


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    (folder / "rows.csv").write_text(IMPORT, encoding="utf-8")
    monkeypatch.delenv("QNTRACK_LOCK_TIMEOUT", raising=False)
    return folder


def one_line(result, code: int, *names: str) -> str:
    """Exit ``code``, one line on stderr that names each of ``names``, no traceback."""
    exception = getattr(result, "exception", None)
    assert exception is None or isinstance(exception, SystemExit), repr(exception)
    got = result.returncode if isinstance(result, subprocess.CompletedProcess) else result.exit_code
    err = result.stderr
    assert got == code, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    assert ".tmp" not in lines[0], "a temporary file is no name the user knows"
    for name in names:
        assert name in lines[0], lines[0]
    return lines[0]


def intact(folder: Path) -> None:
    """The tracker's files as they were, and no temporary file left behind."""
    assert (folder / "observations.csv").read_text(encoding="utf-8") == SMALL_OBSERVATIONS
    assert (folder / "targets.yaml").read_text(encoding="utf-8") == SMALL_TARGETS
    leftovers = [p.name for p in folder.rglob("*") if p.name.endswith(".tmp") or ".torn-" in p.name]
    assert leftovers == []


# --- simulated file-system failures ----------------------------------------------------------

_WRITE = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


def refuse_writes(
    monkeypatch: pytest.MonkeyPatch,
    inside: Path,
    code: int = errno.EROFS,
    only: Path | None = None,
    but: Path | None = None,
) -> None:
    """Writing, creating, renaming or removing anything under ``inside`` (or only the file
    ``only``; never the file ``but``) fails with ``code``, as on a read-only mount or a
    folder without write access."""
    real_open, real_mkdir, real_replace, real_rename, real_unlink = os.open, os.mkdir, os.replace, os.rename, os.unlink
    top = os.path.realpath(inside)

    def hit(path) -> bool:
        full = os.path.realpath(os.fsdecode(path))
        if but is not None and full == os.path.realpath(but):
            return False
        if only is not None:
            return full == os.path.realpath(only)
        return full == top or full.startswith(top + os.sep)

    def deny(path):
        raise OSError(code, os.strerror(code), os.fsdecode(path))

    def fake_open(path, flags, *a, **k):
        if flags & _WRITE and hit(path):
            deny(path)
        return real_open(path, flags, *a, **k)

    def fake_mkdir(path, *a, **k):
        if hit(path):
            deny(path)
        return real_mkdir(path, *a, **k)

    def fake_move(real):
        def move(src, dst, *a, **k):
            if hit(src) or hit(dst):
                deny(dst)
            return real(src, dst, *a, **k)

        return move

    def fake_unlink(path, *a, **k):
        if hit(path):
            deny(path)
        return real_unlink(path, *a, **k)

    monkeypatch.setattr(os, "open", fake_open)
    monkeypatch.setattr(os, "mkdir", fake_mkdir)
    monkeypatch.setattr(os, "replace", fake_move(real_replace))
    monkeypatch.setattr(os, "rename", fake_move(real_rename))
    monkeypatch.setattr(os, "unlink", fake_unlink)


def full_disk(monkeypatch: pytest.MonkeyPatch, allowed: int = 10) -> None:
    """``os.write`` (appends) and the file objects of atomic writes take ``allowed`` bytes,
    then fail with ENOSPC: a disk that fills up in the middle of a write."""
    real_write, real_fdopen = os.write, os.fdopen
    budget = [allowed]

    def fake_write(fd, data):
        if budget[0] <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        n = real_write(fd, bytes(data[: budget[0]]))
        budget[0] -= n
        return n

    class Full:
        def __init__(self, fd: int):
            self.fd = fd

        def write(self, data):
            done = 0
            while done < len(data):
                done += fake_write(self.fd, data[done:])
            return done

        def flush(self):
            pass

        def fileno(self):
            return self.fd

        def close(self):
            os.close(self.fd)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.close()

    def fake_fdopen(fd, mode="r", *a, **k):
        return Full(fd) if "w" in mode else real_fdopen(fd, mode, *a, **k)

    monkeypatch.setattr(os, "write", fake_write)
    monkeypatch.setattr(os, "fdopen", fake_fdopen)


# --- missing, a folder, a missing folder --------------------------------------------------------


@pytest.mark.parametrize("args", ALL, ids=" ".join)
def test_missing_targets(plan: Path, args: list[str]):
    one_line(run(*args, "-t", "nowhere/targets.yaml"), 1, "nowhere/targets.yaml", "not found")
    intact(plan)
    assert not (plan / "nowhere").exists() and not (plan / "review.md").exists()


@pytest.mark.parametrize("args", ALL, ids=" ".join)
def test_targets_is_a_folder(plan: Path, args: list[str]):
    (plan / "plan.yaml").mkdir()
    one_line(run(*args, "-t", "plan.yaml"), 1, "plan.yaml", "directory")
    intact(plan)


@pytest.mark.parametrize("args", STORE_USERS, ids=" ".join)
def test_store_is_a_folder(plan: Path, args: list[str]):
    (plan / "targets.yaml").write_text(SMALL_TARGETS.replace("title:", "observations: data\ntitle:"), encoding="utf-8")
    (plan / "data").mkdir()
    one_line(run(*args), 1, "data", "directory")
    assert list((plan / "data").iterdir()) == []


@pytest.mark.parametrize("args", WRITERS[:3], ids=" ".join)
def test_a_missing_store_folder_is_not_created(plan: Path, args: list[str]):
    (plan / "targets.yaml").write_text(
        SMALL_TARGETS.replace("title:", "observations: data/obs.csv\ntitle:"), encoding="utf-8"
    )
    one_line(run(*args), 1, "data", "does not exist")
    assert not (plan / "data").exists()


def test_check_json_names_the_missing_file_in_its_document(plan: Path):
    """`check --format json` reports problems in its document (docs/json.md), not on stderr."""
    import json

    result = run("check", "-f", "json", "-t", "nowhere/targets.yaml")
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    problems = json.loads(result.stdout)["problems"] if result.stdout else []
    named = [p["file"] for p in problems] or [result.stderr]
    assert any("nowhere/targets.yaml" in f for f in named)


def test_init_into_a_path_under_a_file(plan: Path):
    # A usage mistake since the forty-second session (exit 2, as `report -o
    # observations.csv/r.md`); the system's "Not a directory", exit 1, before it.
    one_line(run("init", "observations.csv/new"), 2, "'observations.csv' is a file, not a folder")
    intact(plan)


def test_report_into_a_missing_folder(plan: Path):
    """A usage mistake (README, "Exit codes": 2), naming the folder and saying it is not made."""
    one_line(run("report", "-o", "nowhere/r.md"), 2, "nowhere", "does not exist", "not create")
    assert not (plan / "nowhere").exists()
    one_line(run("--lang", "vi", "report", "-o", "nowhere/r.md"), 2, "'nowhere'", "không tự tạo")


def test_report_to_an_empty_file_name(plan: Path):
    line = one_line(run("report", "-o", ""), 2, "-o", "file name is empty")
    assert "folder" not in line
    one_line(run("--lang", "vi", "report", "-o", ""), 2, "-o", "tên tệp để trống")
    intact(plan)


def test_a_new_report_in_a_read_only_folder_says_nothing_was_written(plan: Path, monkeypatch: pytest.MonkeyPatch):
    refuse_writes(monkeypatch, plan, errno.EACCES)
    # The charts folder is made first, so the message may name new-charts.
    line = one_line(run("report", "-o", "new.md"), 1, "new", "Permission denied", "nothing was written")
    assert "left as it was" not in line
    line = one_line(run("--lang", "vi", "report", "-o", "new.md"), 1, "new", "không ghi gì")
    assert "giữ nguyên" not in line
    assert not (plan / "new.md").exists() and not (plan / "new-charts").exists()
    line = one_line(run("report", "-o", "new.json"), 1, "new.json", "Permission denied", "nothing was written")


# --- read-only -------------------------------------------------------------------------------


@pytest.mark.parametrize("args", WRITERS[:2], ids=" ".join)
@pytest.mark.parametrize("code", [errno.EACCES, errno.EROFS])
def test_a_read_only_store(plan: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], code: int):
    refuse_writes(monkeypatch, plan, code, only=plan / "observations.csv")
    line = one_line(run(*args), 1, "observations.csv", "nothing was added")
    assert os.strerror(code) in line
    intact(plan)


@pytest.mark.parametrize("args", WRITERS, ids=" ".join)
def test_a_read_only_folder(plan: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]):
    """The lock file, a temporary file or a chart folder cannot be created."""
    store = SMALL_OBSERVATIONS + ("share,2024-Q" if args[0] == "check" else "")  # torn: repair has work
    (plan / "observations.csv").write_text(store, encoding="utf-8")
    refuse_writes(monkeypatch, plan)
    line = one_line(run(*args), 1, "review" if args[0] == "report" else "observations.csv")
    assert "Read-only file system" in line
    assert (plan / "observations.csv").read_text(encoding="utf-8") == store
    assert not (plan / "review.md").exists() and not (plan / "review.html").exists()
    assert [p.name for p in plan.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize("args", READERS, ids=" ".join)
def test_readers_work_in_a_read_only_folder(plan: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]):
    """Reading needs no write access: the status cache that cannot be saved is no error."""
    expected = (
        run(*args, "--as-of", "2025-12-31")
        if args[0] in ("status", "show", "observations", "history", "report")
        else run(*args)
    )
    refuse_writes(monkeypatch, plan)
    result = (
        run(*args, "--as-of", "2025-12-31")
        if args[0] in ("status", "show", "observations", "history", "report")
        else run(*args)
    )
    assert result.exit_code == expected.exit_code == 0, result.output
    assert result.stdout == expected.stdout and result.stderr == ""
    result = run(*args)  # as of now, through the cache
    assert result.exit_code == 0 and result.stderr == "", result.output


@pytest.mark.parametrize("args", WRITERS[:3], ids=" ".join)
def test_a_read_only_folder_with_a_writable_lock_file(plan: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]):
    """The lock can be taken; the append, or the temporary file of a repair, cannot be
    written. The message names the store, never the temporary file."""
    store = SMALL_OBSERVATIONS + ("share,2024-Q" if args[0] == "check" else "")
    (plan / "observations.csv").write_text(store, encoding="utf-8")
    (plan / "observations.csv.lock").touch()
    refuse_writes(monkeypatch, plan, errno.EACCES, but=plan / "observations.csv.lock")
    one_line(run(*args), 1, "observations.csv", "Permission denied")
    assert (plan / "observations.csv").read_text(encoding="utf-8") == store


def test_init_in_a_read_only_folder(plan: Path, monkeypatch: pytest.MonkeyPatch):
    refuse_writes(monkeypatch, plan)
    one_line(run("init", "new/plan"), 1, "new", "Read-only file system", "nothing was created")
    assert not (plan / "new").exists()


def test_init_when_the_second_file_cannot_be_written(plan: Path, monkeypatch: pytest.MonkeyPatch):
    (plan / "new").mkdir()
    refuse_writes(monkeypatch, plan, errno.EACCES, only=plan / "new" / "observations.csv")
    real_mkstemp = __import__("tempfile").mkstemp

    def mkstemp(prefix="", suffix="", dir=None, *a, **k):  # noqa: A002 - tempfile's name
        if prefix.startswith(".observations.csv"):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(Path(dir) / "observations.csv"))
        return real_mkstemp(*a, prefix=prefix, suffix=suffix, dir=dir, **k)

    monkeypatch.setattr("tempfile.mkstemp", mkstemp)
    one_line(run("init", "new"), 1, "observations.csv", "nothing was created")
    assert list((plan / "new").iterdir()) == []  # targets.yaml, written first, is gone again


# --- a full disk ------------------------------------------------------------------------------


@pytest.mark.parametrize("args", WRITERS[:2], ids=" ".join)
def test_a_full_disk_during_an_append_leaves_no_partial_row(
    plan: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
):
    full_disk(monkeypatch, allowed=10)  # a part of the first new row gets onto the disk
    one_line(run(*args), 1, "observations.csv", "No space left on device", "nothing was added")
    intact(plan)


@pytest.mark.parametrize("name", ["review.md", "review.html", "review.json", "review.toml"])
def test_a_full_disk_during_a_report(plan: Path, monkeypatch: pytest.MonkeyPatch, name: str):
    assert run("report", "-o", name).exit_code == 0
    before = (plan / name).read_bytes()
    full_disk(monkeypatch, allowed=100)
    one_line(run("report", "-o", name, "--lang", "vi"), 1, name, "hết chỗ trống (ENOSPC)", "vẫn được giữ nguyên")
    assert (plan / name).read_bytes() == before
    intact(plan)


def test_a_full_disk_during_init(plan: Path, monkeypatch: pytest.MonkeyPatch):
    full_disk(monkeypatch, allowed=100)
    one_line(run("init", "new"), 1, "targets.yaml", "No space left on device", "nothing was created")
    assert not (plan / "new").exists()


def test_a_full_disk_during_a_repair(plan: Path, monkeypatch: pytest.MonkeyPatch):
    torn = SMALL_OBSERVATIONS + "share,2024-Q"
    (plan / "observations.csv").write_text(torn, encoding="utf-8")
    full_disk(monkeypatch, allowed=5)
    one_line(run("check", "--repair"), 1, "observations.csv", "No space left on device", "left as it was")
    assert (plan / "observations.csv").read_text(encoding="utf-8") == torn
    assert [p.name for p in plan.iterdir() if p.name.startswith(".")] == []


def test_a_disk_that_fills_between_the_side_file_and_the_store_leaves_no_stray_file(
    plan: Path, monkeypatch: pytest.MonkeyPatch
):
    """Room for the torn tail's side file, none for the store's rewrite: the store is as it
    was, and so is its folder (the side file would be a copy of nothing that was moved)."""
    torn = SMALL_OBSERVATIONS + "share,2024-Q"
    (plan / "observations.csv").write_text(torn, encoding="utf-8")
    full_disk(monkeypatch, allowed=len("share,2024-Q") + 5)
    one_line(run("check", "--repair"), 1, "observations.csv", "No space left on device", "left as it was")
    assert (plan / "observations.csv").read_text(encoding="utf-8") == torn
    assert sorted(p.name for p in plan.iterdir() if p.name.startswith("observations.csv.")) in (
        [],
        ["observations.csv.lock"],
    )


# --- real processes: a full stdout, a FIFO, a held lock ---------------------------------------


def qntrack(
    args: list[str],
    cwd: Path,
    stdout=subprocess.PIPE,
    env: dict | None = None,
    timeout: float = 60,
    *,
    stderr=subprocess.PIPE,
    closing: str = "",
) -> subprocess.CompletedProcess:
    """The installed command in a child process, its stdin empty. ``closing`` (``>&-``,
    ``2>&-`` or ``<&-``) runs it through sh with that stream not open at all."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("QNTRACK_")}
    command = [str(EXE)] if EXE.exists() else [sys.executable, "-m", "qntrack"]
    if closing:
        command = ["sh", "-c", f'exec "$@" {closing}', "sh", *command]
    return subprocess.run(
        command + args,
        cwd=cwd,
        stdout=stdout,
        stderr=stderr,
        stdin=None if closing == "<&-" else subprocess.DEVNULL,
        env={**base, **(env or {})},
        text=True,
        timeout=timeout,
    )


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="/dev/full is Linux's")
@pytest.mark.parametrize(
    "args",
    [a for a in READERS if a != ["check"]]
    + [
        ["--version"],
        ["--help"],
        ["check", "--list"],
        ["check", "-f", "json"],
        ["docs"],
        ["docs", "targets-format"],
        ["add-observation", "share", "2024-Q2", "13", "-n", "-f", "json"],
    ],
    ids=" ".join,
)
def test_a_full_stdout(plan: Path, args: list[str]):
    with open("/dev/full", "w") as full:
        proc = qntrack(args, plan, stdout=full)
    one_line(proc, 1, "standard output", "No space left on device")
    intact(plan)


def test_a_lock_held_by_another_process(plan: Path):
    """Another process holds the lock; QNTRACK_LOCK_TIMEOUT keeps the wait short."""
    from filelock import FileLock

    torn = SMALL_OBSERVATIONS + "share,2024-Q"
    with lock_held_by_another_process(plan / "observations.csv.lock"):
        for args in WRITERS[:3]:
            if args[0] == "check":
                (plan / "observations.csv").write_text(torn, encoding="utf-8")
            proc = qntrack(args, plan, env={"QNTRACK_LOCK_TIMEOUT": "0.2"}, timeout=30)
            one_line(proc, 75, "observations.csv", "lock", "try again")  # 75 since the twenty-third session
            expected = torn if args[0] == "check" else SMALL_OBSERVATIONS
            assert (plan / "observations.csv").read_text(encoding="utf-8") == expected
    assert FileLock(str(plan / "observations.csv.lock"), timeout=5).acquire()  # it was released


def test_a_bad_lock_timeout_is_a_usage_error(plan: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("QNTRACK_LOCK_TIMEOUT", "soon")
    one_line(run("add-observation", "share", "2024-Q2", "13"), 2, "QNTRACK_LOCK_TIMEOUT", "seconds")
    intact(plan)


@pytest.mark.parametrize(
    "args", [["status", "-f", "json"], ["add-observation", "share", "2024-Q2", "13"]], ids=" ".join
)
def test_a_fifo_as_the_store_does_not_hang(plan: Path, args: list[str]):
    (plan / "observations.csv").unlink()
    os.mkfifo(plan / "observations.csv")
    proc = qntrack(args, plan, timeout=5)
    one_line(proc, 1, "observations.csv", "not a regular file")


def test_a_fifo_as_targets_does_not_hang(plan: Path):
    os.mkfifo(plan / "fifo.yaml")
    proc = qntrack(["status", "-f", "json", "-t", "fifo.yaml"], plan, timeout=5)
    one_line(proc, 1, "fifo.yaml", "not a regular file")


def test_a_fifo_in_the_status_cache_does_not_hang(plan: Path):
    """The cache is qntrack's own, but anything can be put there: it is read only if it is
    a regular file, and otherwise made again."""
    first = qntrack(["status", "-f", "json"], plan)
    (cached,) = (plan / ".qntrack-cache").glob("status-*.bin")
    cached.unlink()
    os.mkfifo(cached)
    again = qntrack(["status", "-f", "json"], plan, timeout=10)
    assert again.returncode == 0 and again.stdout == first.stdout and again.stderr == ""


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="/dev/full is Linux's")
def test_a_full_stdout_on_the_cached_path(plan: Path):
    for form in ("json", "table"):
        assert qntrack(["status", "-f", form], plan).returncode == 0  # the cache is made
        with open("/dev/full", "w") as full:
            proc = qntrack(["status", "-f", form], plan, stdout=full)
        one_line(proc, 1, "standard output", "No space left on device")


def test_init_never_replaces_a_dangling_symlink(plan: Path):
    (plan / "new").mkdir()
    (plan / "new" / "targets.yaml").symlink_to(plan / "elsewhere.yaml")
    one_line(run("init", "new"), 1, "targets.yaml", "already exists")
    assert (plan / "new" / "targets.yaml").is_symlink() and not (plan / "new" / "observations.csv").exists()


def refuse_reads(monkeypatch: pytest.MonkeyPatch, file: Path) -> None:
    """Opening ``file`` at all fails with EACCES, as for a file of another user's, mode 0600."""
    import builtins
    import io

    real_io_open, real_builtin_open, real_os_open = io.open, builtins.open, os.open
    target = os.path.realpath(file)

    def guard(path):
        if isinstance(path, (str, bytes, os.PathLike)) and os.path.realpath(os.fsdecode(path)) == target:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fsdecode(path))

    def fake_io_open(path, *a, **k):
        guard(path)
        return real_io_open(path, *a, **k)

    def fake_builtin_open(path, *a, **k):
        guard(path)
        return real_builtin_open(path, *a, **k)

    def fake_os_open(path, *a, **k):
        guard(path)
        return real_os_open(path, *a, **k)

    monkeypatch.setattr(io, "open", fake_io_open)
    monkeypatch.setattr(builtins, "open", fake_builtin_open)
    monkeypatch.setattr(os, "open", fake_os_open)


UNREADABLE = [
    (name, args)
    for name in ("observations.csv", "targets.yaml")
    for args in READERS + WRITERS[:2] + [["status", "-f", "json", "--as-of", "2025-12-31"]]
    if name == "targets.yaml" or args in STORE_USERS
]


@pytest.mark.parametrize("name, args", UNREADABLE, ids=[f"{n} {' '.join(a)}" for n, a in UNREADABLE])
def test_an_unreadable_store_or_plan(plan: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], name: str):
    assert run("status", "-f", "json").exit_code == 0  # a status cache exists: its path is tried too
    refuse_reads(monkeypatch, plan / name)
    result = run(*args)
    monkeypatch.undo()  # read the files back as they are
    one_line(result, 1, name, "Permission denied")
    intact(plan)


@pytest.mark.parametrize(
    "args",
    [
        ["status"],
        ["status", "-f", "json"],
        ["show", "share"],
        ["report"],
        ["observations"],
        ["check", "--list"],
        ["--version"],
        ["--help"],
    ],
    ids=" ".join,
)
def test_a_closed_stdout(plan: Path, args: list[str]):
    """`qntrack status >&-`: Python has no sys.stdout at all; one line, exit 1, no traceback."""
    one_line(qntrack(args, plan, closing=">&-"), 1, "standard output", "closed")
    intact(plan)


def test_a_closed_stdout_does_not_stop_a_command_that_writes_none(plan: Path):
    proc = qntrack(["add-observation", "share", "2024-Q2", "13"], plan, closing=">&-")
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "share,2024-Q2,13" in (plan / "observations.csv").read_text(encoding="utf-8")


# --- report -o paths the system refuses: exit 1 (an OS error), with advice -------------------


def test_report_into_a_path_under_a_file(plan: Path):
    # The folder for the report is a file: a usage mistake, exit 2, as a folder that does
    # not exist (forty-first session; the system's "Not a directory", exit 1, before).
    line = one_line(run("report", "-o", "observations.csv/r.md"), 2, "observations.csv/r.md")
    assert "'observations.csv' is a file, not a folder: give a path in an existing folder" in line
    intact(plan)


def test_report_to_a_file_name_too_long(plan: Path):
    name = "a" * 300 + ".md"
    line = one_line(run("report", "-o", name), 1, name, "File name too long")
    assert "shorter" in line
    intact(plan)


def test_a_full_disk_during_a_first_report_leaves_no_charts_folder(plan: Path, monkeypatch: pytest.MonkeyPatch):
    full_disk(monkeypatch, allowed=100)
    line = one_line(run("report", "-o", "review.md"), 1, "review.md", "No space left on device", "nothing was written")
    assert "left as it was" not in line  # review.md never existed
    assert not (plan / "review.md").exists() and not (plan / "review-charts").exists()
    intact(plan)


def test_a_full_disk_keeps_a_charts_folder_that_was_there(plan: Path, monkeypatch: pytest.MonkeyPatch):
    (plan / "review-charts").mkdir()
    (plan / "review-charts" / "mine.txt").write_text("kept", encoding="utf-8")
    full_disk(monkeypatch, allowed=100)
    one_line(run("report", "-o", "review.md"), 1, "review.md", "No space left on device")
    assert (plan / "review-charts" / "mine.txt").read_text(encoding="utf-8") == "kept"


@pytest.mark.parametrize("args", WRITERS[:2], ids=" ".join)
def test_a_folder_without_write_access_names_the_folder_not_the_journal(
    plan: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
):
    """The store and its lock can be written, the folder cannot (no new file in it): the
    append journal's temporary file cannot be made. The message names the folder, the
    obstacle (issue 12, f4: it named the store, which could be written)."""
    (plan / "observations.csv.lock").touch()
    real_mkstemp = __import__("tempfile").mkstemp

    def mkstemp(prefix="", suffix="", dir=None, *a, **k):  # noqa: A002 - tempfile's name
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(Path(dir) / f"{prefix}x1y2{suffix}"))

    monkeypatch.setattr("tempfile.mkstemp", mkstemp)
    line = one_line(run(*args), 1, "Permission denied", "nothing was added", "folder must be writable")
    assert line.startswith(f"{plan.resolve()}: error: cannot create a file in the folder")
    assert "pending" not in line
    monkeypatch.setattr("tempfile.mkstemp", real_mkstemp)
    intact(plan)


@pytest.mark.parametrize(
    "args, words",
    [
        (["add-observation", "--from", "-", "-n"], ["<stdin>", "standard input is closed"]),
        (["add-observation", "--from", "-"], ["<stdin>", "standard input is closed"]),
        (["--lang", "vi", "add-observation", "--from", "-"], ["<stdin>", "đầu vào chuẩn đã bị đóng"]),
    ],
    ids=" ".join,
)
def test_reading_a_closed_stdin(plan: Path, args: list[str], words: list[str]):
    """`add-observation --from - <&-`: Python has no sys.stdin; one line, exit 1, no traceback."""
    one_line(qntrack(args, plan, closing="<&-"), 1, *words)
    intact(plan)


def unshown_messages(args: list[str], cwd: Path, stderr: str) -> subprocess.CompletedProcess:
    """The command run as ``qntrack ... 2>/dev/full`` (``stderr`` "full") or ``2>&-``
    ("closed": Python has no sys.stderr)."""
    if stderr == "closed":
        return qntrack(args, cwd, closing="2>&-")
    with open("/dev/full", "w") as full:
        return qntrack(args, cwd, stderr=full)


NO_DEV_FULL = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="/dev/full is Linux's")
ADD = ["add-observation", "share", "2024-Q2", "13", "--status", "official", "--source", "x"]
RETRACT = ["retract", "share", "2024-Q1"]
EVERY_STATUS = (
    "target_achieved,substantial_progress,moderate_progress,limited_progress,deterioration,not_achieved,not_available"
)


@pytest.mark.parametrize(
    "stderr, args, row",
    [
        pytest.param("full", ADD, "share,2024-Q2,13,official,x", marks=NO_DEV_FULL),
        pytest.param("full", ["add-observation", "--from", "rows.csv"], "share,2024-Q3,13.5", marks=NO_DEV_FULL),
        pytest.param("full", RETRACT, "share,2024-Q1,,retracted", marks=NO_DEV_FULL),
        ("closed", ADD, "share,2024-Q2,13,official,x"),
        ("closed", RETRACT, "share,2024-Q1,,retracted"),
    ],
    ids=lambda a: " ".join(a) if isinstance(a, list) else (a if a in ("full", "closed") else ""),
)
def test_a_confirmation_that_cannot_be_shown_keeps_a_success(plan: Path, stderr: str, args: list[str], row: str):
    """`add-observation ... 2>/dev/full` or `2>&-`: the row is stored, so the exit is 0, not 1."""
    proc = unshown_messages(args, plan, stderr)
    assert proc.returncode == 0
    assert row in (plan / "observations.csv").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "stderr, args, code",
    [
        pytest.param("full", ["add-observation", "nosuch", "2024-Q2", "13"], 1, marks=NO_DEV_FULL),
        pytest.param("full", ["status", "--fail-on", "bogus"], 2, marks=NO_DEV_FULL),
        pytest.param("full", ["status", "--no-such-option"], 2, marks=NO_DEV_FULL),
        pytest.param("full", ["status", "--fail-on", EVERY_STATUS], 3, marks=NO_DEV_FULL),
        ("closed", ["add-observation", "nosuch", "2024-Q2", "13"], 1),
        ("closed", ["status", "--fail-on", "bogus"], 2),
        ("closed", ["status", "--fail-on", EVERY_STATUS], 3),
    ],
    ids=lambda a: " ".join(a) if isinstance(a, list) else (a if a in ("full", "closed") else ""),
)
def test_an_error_that_cannot_be_shown_keeps_its_exit_code(plan: Path, stderr: str, args: list[str], code: int):
    proc = unshown_messages(args, plan, stderr)
    assert proc.returncode == code
    intact(plan)


# --- the store refused: the message in the language asked for, saying what was not done ----


@pytest.mark.parametrize("lock", [False, True], ids=["store", "lock"])
@pytest.mark.parametrize(
    "lang, args, words, english",
    [
        ("en", ["add-observation", "share", "2024-Q2", "13"], ["nothing was added"], None),
        ("en", ["retract", "share", "2024-Q1"], ["nothing was withdrawn"], "nothing was added"),
        ("vi", ["add-observation", "share", "2024-Q2", "13"], ["không thể", "không ghi thêm gì"], "nothing"),
        ("vi", ["retract", "share", "2024-Q1"], ["không thể", "không rút lại gì"], "nothing"),
    ],
    ids=lambda a: " ".join(a) if isinstance(a, list) else str(a),
)
def test_a_refused_store_in_either_language(
    plan: Path,
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
    args: list[str],
    words: list[str],
    english: str | None,
    lock: bool,
):
    if lock:  # the lock file cannot be created: the folder is not writable
        refuse_writes(monkeypatch, plan, errno.EPERM)
    else:
        (plan / "observations.csv.lock").touch()
        refuse_writes(monkeypatch, plan, errno.EPERM, only=plan / "observations.csv")
    line = one_line(run("--lang", lang, *args), 1, "observations.csv", *words)
    if lang == "en":
        assert ("create the lock file" in line) == lock, line
        assert ("write to the observations file" in line) != lock, line
    else:
        for fragment in ("cannot", "lock file", "observations file", "folder must"):
            assert fragment not in line, line
    if english:
        assert english not in line
    intact(plan)
