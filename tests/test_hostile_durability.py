"""Issue 17's durability pass: real operating-system failures against every command
(a full tmpfs, a read-only mount, an unprivileged user, SIGKILL and SIGINT at random
moments of a 300,000-row import). Each defect it found is pinned here, simulated
portably: Ctrl-C as a KeyboardInterrupt raised by a patched function, as in
test_write_side.py."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers import run, store_bytes

IMPORTED = "indicator,period,value,source,recorded_at\nshare,2025,13.1,x,2026-01-05\nshare,2024,12.2,x,2025-01-05\n"


def _interrupt_at(monkeypatch: pytest.MonkeyPatch, target: object, name: str, after: int = 0) -> None:
    """Ctrl-C (a KeyboardInterrupt) on the ``after``+1-th call of ``target.name`` only: the
    calls after it run as usual (``monkeypatch.undo()`` would also undo the tracker's chdir)."""
    real = getattr(target, name)
    calls = []

    def interrupted(*a, **k):
        calls.append(1)
        if len(calls) == after + 1:
            raise KeyboardInterrupt
        return real(*a, **k)

    monkeypatch.setattr(target, name, interrupted)


def _journals(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if "pending" in p.name or p.name.endswith(".tmp"))


def test_ctrl_c_just_after_the_journal_is_made_leaves_no_journal(tracker: Path, monkeypatch: pytest.MonkeyPatch):
    """SIGINT sent to a 300,000-row import the moment its journal appeared: exit 130,
    "nothing was added", but the journal stayed, so every later command refused the store
    as holding an interrupted batch until `check --repair`. Ctrl-C before the first row is
    written now removes the journal it made."""
    from qntrack.files import repair

    (tracker / "in.csv").write_text(IMPORTED, encoding="utf-8")
    before = store_bytes(tracker)
    _interrupt_at(monkeypatch, repair, "sync_folder")  # the folder synced after the journal is made
    r = run("add-observation", "--from", "in.csv")
    assert r.exit_code == 130
    assert r.stderr == "interrupted (Ctrl-C); nothing was added to the observations file\n"
    assert store_bytes(tracker) == before
    assert _journals(tracker) == []
    assert run("status").exit_code == 0
    assert run("add-observation", "--from", "in.csv").exit_code == 0


def _one_line(r, code: int, *names: str) -> str:
    """Exit ``code``, one line on stderr naming each of ``names``, no traceback."""
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
    assert r.exit_code == code, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in r.stderr, r.stderr
    for name in names:
        assert name in lines[0], lines[0]
    return lines[0]


def _loop(at: Path) -> None:
    """``at`` a symbolic link in a loop of two (at -> at.2 -> at)."""
    other = at.with_name(at.name + ".2")
    at.unlink(missing_ok=True)
    os.symlink(other.name, at)
    os.symlink(at.name, other)


@pytest.mark.parametrize(
    "args",
    [
        ["status"],
        ["show", "share"],
        ["history", "share"],
        ["observations"],
        ["check"],
        ["check", "--repair"],
        ["add-observation", "share", "2025", "13"],
        ["retract", "share", "2023"],
        ["report", "-o", "r.md"],
        ["export", "sdmx-csv", "-o", "x.csv"],
    ],
    ids=" ".join,
)
def test_a_store_that_is_a_loop_of_symbolic_links(tracker: Path, args: list[str]):
    """A store that is a loop of symbolic links gave an 80-line RuntimeError traceback in
    every command (Python 3.11's Path.resolve raises RuntimeError for a loop)."""
    _loop(tracker / "observations.csv")
    line = _one_line(run(*args), 1, "observations.csv")
    assert "symbolic link" in line
    assert not (tracker / "r.md").exists() and not (tracker / "x.csv").exists()


def test_import_into_a_loop_of_symbolic_links(tracker: Path, tmp_path: Path):
    """`import opensdg REPO --into LOOP` gave a RuntimeError traceback."""
    repo = tmp_path / "repo"
    assert run("export", "opensdg", "--into", str(repo)).exit_code == 0
    _loop(tmp_path / "into")
    r = run("import", "opensdg", str(repo), "--into", str(tmp_path / "into"), "--recorded-at", "2025-01-01")
    line = _one_line(r, 1, "into")
    assert "symbolic link" in line


@pytest.mark.parametrize(
    ("lang", "said"),
    [("en", "nothing was withdrawn: try again"), ("vi", "không rút lại gì: hãy thử lại")],
)
def test_a_retraction_refused_for_a_held_lock_says_nothing_was_withdrawn(
    tracker: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
):
    """`retract` waiting in vain for the lock another process held said "nothing was
    added", the words of an append, where every other refused retraction says "nothing
    was withdrawn" (docs/data-integrity.md)."""
    fcntl = pytest.importorskip("fcntl")
    monkeypatch.setenv("QNTRACK_LOCK_TIMEOUT", "0.2")
    before = store_bytes(tracker)
    fd = os.open(tracker / "observations.csv.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # another open file: flock refuses this process's own lock too
        # Exit 75 ("try again later") since the twenty-third session, 1 before.
        line = _one_line(run("--lang", lang, "retract", "share", "2023"), 75, "observations.csv.lock")
        assert said in line and "added" not in line and "thêm" not in line
        line = _one_line(run("add-observation", "share", "2025", "13"), 75, "observations.csv.lock")
        assert "nothing was added: try again" in line
    finally:
        os.close(fd)
    assert store_bytes(tracker) == before


@pytest.mark.parametrize(
    "args", [["add-observation", "share", "2025", "13"], ["retract", "share", "2023"]], ids=" ".join
)
def test_a_lock_file_that_cannot_be_opened_is_not_blamed_on_its_folder(
    tracker: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
):
    """A lock file another user made (root's 0644 `observations.csv.lock` in a folder the
    user may write) refused the append with "cannot create the lock file (its folder must
    be writable)": the folder was writable; the lock file is what must be. (As root,
    chmod stops nothing: the kernel's EACCES is simulated.)"""
    lock = tracker / "observations.csv.lock"
    lock.touch()
    real_open = os.open

    def fake_open(path, flags, *a, **k):
        if os.fsdecode(path) == str(lock) and flags & (os.O_WRONLY | os.O_RDWR):
            raise PermissionError(13, os.strerror(13), os.fsdecode(path))
        return real_open(path, flags, *a, **k)

    before = store_bytes(tracker)
    monkeypatch.setattr(os, "open", fake_open)
    line = _one_line(run(*args), 1, "observations.csv.lock")
    assert "its folder must be writable" not in line and "the lock file must be writable" in line
    monkeypatch.setattr(os, "open", real_open)
    assert store_bytes(tracker) == before


@pytest.mark.parametrize("args", [["add-observation", "--from", "in.csv"], ["add-observation", "share", "2025", "13"]])
def test_a_store_replaced_during_an_append_is_not_said_to_hold_the_rows(
    tracker: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
):
    """An editor saving observations.csv (a new file renamed over it) while a
    300,000-row import was writing: the import said "added 300000 row(s)" and exit 0, but
    its rows had gone into the replaced file, and the store held none of them. The
    append now checks, once its rows are synced, that the file it wrote is still the
    store, and says otherwise; the file now there is left as the other program saved it."""
    from qntrack.files import appending

    (tracker / "in.csv").write_text(IMPORTED, encoding="utf-8")
    saved = store_bytes(tracker) + b"share,2020,11.0,,editor,,2021-01-01T00:00:00Z\n"
    (tracker / "edited.csv").write_bytes(saved)
    real_write = os.write
    replaced = []

    def write(fd, data):
        if not replaced:  # the first write of the batch: the editor saves just now
            replaced.append(1)
            os.replace(tracker / "edited.csv", tracker / "observations.csv")
        return real_write(fd, data)

    monkeypatch.setattr(appending.os, "write", write)
    r = run(*args)
    line = _one_line(r, 1, "observations.csv")
    assert "replaced" in line and "nothing was added" in line
    assert store_bytes(tracker) == saved
    assert _journals(tracker) == []
    monkeypatch.setattr(appending.os, "write", real_write)
    assert run(*args).exit_code == 0  # added again, into the file now there
    assert store_bytes(tracker).startswith(saved) and len(store_bytes(tracker)) > len(saved)


def test_check_repair_of_a_clean_store_on_a_read_only_disk_says_nothing_to_repair(
    tracker: Path, monkeypatch: pytest.MonkeyPatch
):
    """`check --repair` on a read-only mount (or a folder the user may not write) failed,
    exit 1, "cannot repair the observations file: Read-only file system", on a store that
    ended with a complete row, where a writable one says "nothing to repair": the lock it
    took first could not be created. A store that ends cleanly needs no lock to say so."""
    real_open = os.open

    def read_only(path, flags, *a, **k):
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise OSError(30, os.strerror(30), os.fsdecode(path))
        return real_open(path, flags, *a, **k)

    before = store_bytes(tracker)
    monkeypatch.setattr(os, "open", read_only)
    r = run("check", "--repair")
    assert r.exit_code == 0, r.stderr
    assert r.stderr == "nothing to repair: observations.csv ends with a complete row\n"
    assert store_bytes(tracker) == before
    (tracker / "observations.csv").write_bytes(before + b"share,2025,1")  # torn: the lock is needed
    _one_line(run("check", "--repair"), 1, "observations.csv", "Read-only file system")


def test_an_import_into_a_new_folder_that_fails_leaves_no_folder(
    tracker: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """`import opensdg REPO --into new/dir` on a full disk (a real 200 KiB tmpfs) said
    "nothing was added" but left new/dir with an empty observations.csv and its lock file
    and no targets.yaml: a folder the import made, holding nothing. Like `init`, a failed
    import now removes what it made."""
    from qntrack.files import appending

    repo = tmp_path / "repo"
    assert run("export", "opensdg", "--into", str(repo)).exit_code == 0

    real_write = os.write

    def full(fd, data):
        raise OSError(28, os.strerror(28))

    monkeypatch.setattr(appending.os, "write", full)
    into = tmp_path / "new" / "dir"
    r = run("import", "opensdg", str(repo), "--into", str(into), "--recorded-at", "2025-01-01")
    _one_line(r, 1, "observations.csv", "No space left on device")
    assert not (tmp_path / "new").exists()
    monkeypatch.setattr(appending.os, "write", real_write)
    r = run("import", "opensdg", str(repo), "--into", str(into), "--recorded-at", "2025-01-01")
    assert r.exit_code == 0, r.stderr
    assert (into / "targets.yaml").exists()


def test_a_repair_finished_after_an_earlier_one_was_killed_names_the_side_file(tracker: Path):
    """A `check --repair` killed (SIGKILL) after it had moved a 42 MB interrupted batch to
    its side file and cut the store back, but before it removed the journal: the next
    repair finished the job and said "it had written nothing", although the batch's bytes
    were in `observations.csv.interrupted-...`. It now names that file."""
    size = len(store_bytes(tracker))
    (tracker / "observations.csv.pending").write_bytes(b"qntrack append journal 1\nsize %d\nrows 2\n" % size)
    side = tracker / "observations.csv.interrupted-20261204T182215Z"
    side.write_bytes(b"share,2025,13.1,,x,,2026-01-05T00:00:00Z\nshare,2024,12.2,,x,,2025-01-05T00:00:00Z\n")
    r = run("check", "--repair")
    assert r.exit_code == 0, r.stderr
    said = r.stderr.splitlines()[0]
    assert "had written nothing" not in said and side.name in said, said
    assert not (tracker / "observations.csv.pending").exists() and len(store_bytes(tracker)) == size
    r = run("--lang", "vi", "check", "--repair")  # nothing left to roll back
    assert r.exit_code == 0, r.stderr


def test_check_repair_removes_the_temporary_copy_a_killed_repair_left(tracker: Path):
    """SIGKILL during `check --repair` of a torn 42 MB store, while it wrote the store's
    complete prefix to a temporary file, left `.observations.csv.XXXXXXXX.tmp` (42 MB)
    beside it; every later repair left it there, and each one killed so added another.
    Under the lock no qntrack writer is using such a file: the repair removes them."""
    before = store_bytes(tracker)
    (tracker / "observations.csv").write_bytes(before + b"share,2025,1")
    stale = tracker / ".observations.csv.k3j9x0qa.tmp"
    stale.write_bytes(before)
    journal_tmp = tracker / ".observations.csv.pending.7hd02kqz.tmp"
    journal_tmp.write_bytes(b"qntrack append journal 1\n")
    other = tracker / ".targets.yaml.k3j9x0qa.tmp"  # not the store's: left alone
    other.write_bytes(b"x")
    r = run("check", "--repair")
    assert r.exit_code == 0, r.stderr
    assert store_bytes(tracker) == before
    assert not stale.exists() and not journal_tmp.exists() and other.exists()


@pytest.mark.parametrize("link", ["dangling", "loop"])
def test_a_targets_yaml_link_that_leads_nowhere_is_not_passed_over_for_a_parents(
    tracker: Path, monkeypatch: pytest.MonkeyPatch, link: str
):
    """A targets.yaml that is a symbolic link to a share not mounted (or a loop of links)
    was passed over as if absent: the nearest parent's plan was used instead, and
    `add-observation` wrote the figure into the parent's store ("added ... to
    ../observations.csv", exit 0). The link is now taken as the plan and refused by name."""
    child = tracker / "child"
    child.mkdir()
    if link == "dangling":
        os.symlink("/nonexistent-share/targets.yaml", child / "targets.yaml")
    else:
        _loop(child / "targets.yaml")
    monkeypatch.chdir(child)
    before = store_bytes(tracker)
    for args in (["status"], ["add-observation", "share", "2025", "13"]):
        line = _one_line(run(*args), 1, "targets.yaml")
        assert "../" not in line and "no targets.yaml here" not in line, line
    assert store_bytes(tracker) == before


@pytest.mark.parametrize(
    "args",
    [
        ["add-observation", "share", "2025", "13"],
        ["add-observation", "--from", "in.csv"],
        ["retract", "share", "2023"],
        ["check"],
        ["check", "--repair"],
    ],
    ids=" ".join,
)
def test_a_store_link_to_a_share_not_mounted_is_never_written_through(tracker: Path, tmp_path: Path, args: list[str]):
    """observations.csv a symbolic link to a share that is not mounted (its mount point an
    empty folder): `add-observation` said "added ... to observations.csv", exit 0, having
    made a new store under the empty mount point, on the local disk; once the share was
    mounted again it hid that file, and the row was lost. `check` said nothing. The link
    is now refused by name, and nothing is created through it."""
    (tracker / "in.csv").write_text(IMPORTED, encoding="utf-8")
    mount_point = tmp_path / "share"
    mount_point.mkdir()
    (tracker / "observations.csv").unlink()
    os.symlink(mount_point / "observations.csv", tracker / "observations.csv")
    line = _one_line(run(*args), 1, "observations.csv")
    assert "symbolic link" in line and "not mounted" in line, line
    assert list(mount_point.iterdir()) == []
    r = run("status")  # a reader warns of the link, not of a file that "does not exist"
    assert r.exit_code == 0 and "symbolic link" in r.stderr and "does not exist;" not in r.stderr


def test_a_row_another_program_appends_during_a_repair_is_not_lost(tracker: Path, monkeypatch: pytest.MonkeyPatch):
    """A script appending to observations.csv (`echo ... >> observations.csv`, no lock)
    while `check --repair` rewrote a torn 42 MB store: the repair replaced the store with
    the prefix it had read, and the script's row was gone, without a word. The repair now
    checks, once the prefix is written and before it replaces the store, that the store is
    still the size it read, and otherwise leaves it as it is and says so."""
    from qntrack.files import repair, starter

    before = store_bytes(tracker)
    torn = before + b"share,2025,1"
    (tracker / "observations.csv").write_bytes(torn)
    real = starter.write_atomically

    def meanwhile(path, data, *a, **k):
        if Path(path).name == "observations.csv":  # the script appends while the copy is made
            with open(tracker / "observations.csv", "ab") as fh:
                fh.write(b"3.0,,script,,2026-01-05T00:00:00Z\n")
        return real(path, data, *a, **k)

    monkeypatch.setattr(repair.starter, "write_atomically", meanwhile)
    line = _one_line(run("check", "--repair"), 1, "observations.csv")
    assert "changed" in line, line
    assert store_bytes(tracker) == torn + b"3.0,,script,,2026-01-05T00:00:00Z\n"  # the script's bytes kept
    assert [p.name for p in tracker.iterdir() if ".torn-" in p.name or p.name.endswith(".tmp")] == []


@pytest.mark.parametrize("kind", ["folder", "dangling link"])
def test_a_lock_file_name_taken_by_a_folder_or_a_link_says_so(tracker: Path, kind: str):
    """A folder named observations.csv.lock was reported as "cannot create the lock file
    (its folder must be writable): Is a directory", and a dangling symbolic link there as
    "Too many levels of symbolic links: check the path for a loop" (the lock library
    opens it with O_NOFOLLOW): neither is what to fix. Both now say that the lock file's
    name is taken, and by what."""
    lock = tracker / "observations.csv.lock"
    if kind == "folder":
        lock.mkdir()
    else:
        os.symlink("/nonexistent/lock", lock)
    before = store_bytes(tracker)
    line = _one_line(run("add-observation", "share", "2025", "13"), 1, "observations.csv.lock")
    assert "its folder must be writable" not in line and "loop" not in line, line
    assert "move it away" in line, line
    assert store_bytes(tracker) == before
