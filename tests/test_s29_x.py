"""Session 29, pass X: the file system's last leftovers.

1. A name the file system takes (up to 255 bytes, NAME_MAX) is writable: the names qntrack
   makes from it (a temporary file, 14 bytes more; the store's lock, journal and side
   files; a Markdown report's charts folder) are kept within the limit.
2. The lock file's name taken by a FIFO, a socket, a device: refused, never opened as a
   lock (a FIFO's open may wait for ever).
3. `observations:` naming a folder (`data/`, `obs.csv/`): one message at its line.
4. The sweep: names with control characters, a folder gone mid-run, ENOSPC on the cache.
"""

from __future__ import annotations

import os
import re
import socket
import stat
from pathlib import Path

import pytest

from conftest import STORE_HEADER
from helpers import run_bounded, run_clean, store_text

NAME_MAX = 255


def _name(stem_bytes: int, ext: str, letter: str = "r") -> str:
    """A name of exactly ``stem_bytes`` + len(ext) bytes."""
    return letter * stem_bytes + ext


def _long_names(folder: Path) -> list[str]:
    return [n for n in os.listdir(folder) if len(os.fsencode(n)) > NAME_MAX]


# 1. Names of 242-255 bytes ------------------------------------------------------------


@pytest.mark.parametrize("size", [242, 250, 255])
def test_report_named_up_to_name_max_is_written(tracker: Path, size: int) -> None:
    name = _name(size - 3, ".md")
    r = run_clean("report", "-o", name)
    assert r.exit_code == 0, r.stderr
    assert "generator: qntrack" in (tracker / name).read_text(encoding="utf-8")
    # Nothing but the report (and its charts folder) was left: no temporary file.
    assert not [n for n in os.listdir(tracker) if n.endswith(".tmp")]


def test_markdown_charts_folder_of_a_255_byte_report_fits(tracker: Path) -> None:
    name = _name(252, ".md")
    r = run_clean("report", "-o", name)
    assert r.exit_code == 0, r.stderr
    folders = [p for p in tracker.iterdir() if p.is_dir() and p.name.endswith("-charts")]
    assert len(folders) == 1
    assert len(os.fsencode(folders[0].name)) <= NAME_MAX
    # The report links to the charts where they are.
    text = (tracker / name).read_text(encoding="utf-8")
    linked = re.findall(r"\]\(([^)]+\.svg)\)", text)
    assert linked and all((tracker / link).is_file() for link in linked)


def test_vietnamese_name_of_255_bytes_is_written(tracker: Path) -> None:
    # "ố" is 3 bytes in UTF-8: 84 of them and ".md" make 255 bytes, 87 characters.
    name = "ố" * 84 + ".md"
    assert len(os.fsencode(name)) == 255
    r = run_clean("report", "-o", name)
    assert r.exit_code == 0, r.stderr
    assert (tracker / name).is_file()


def test_sdmx_export_named_255_bytes_is_written(tracker: Path) -> None:
    name = _name(251, ".csv", "e")
    r = run_clean("export", "sdmx-csv", "-o", name)
    assert r.exit_code == 0, r.stderr
    assert (tracker / name).read_text(encoding="utf-8").startswith("STRUCTURE")


def _long_store(tracker: Path, size: int) -> str:
    name = _name(size - 4, ".csv", "o")
    os.rename(tracker / "observations.csv", tracker / name)
    text = (tracker / "targets.yaml").read_text(encoding="utf-8")
    (tracker / "targets.yaml").write_text(f"observations: {name}\n" + text.replace("version: 1\n", "version: 1\n", 1))
    return name


@pytest.mark.parametrize("size", [234, 248, 255])
def test_store_named_up_to_name_max_takes_an_append(tracker: Path, size: int) -> None:
    name = _long_store(tracker, size)
    r = run_clean("add-observation", "share", "2024", "13.1", "--source", "s")
    assert r.exit_code == 0, r.stderr
    assert (tracker / name).read_text(encoding="utf-8").splitlines()[-1].startswith("share,2024,13.1,,s,")
    r = run_clean("retract", "share", "2024")
    assert r.exit_code == 0, r.stderr
    assert ",retracted," in (tracker / name).read_text(encoding="utf-8").splitlines()[-1]
    assert _long_names(tracker) == []
    # No journal left, no temporary: only the plan, the store, its lock (and the cache).
    left = sorted(n for n in os.listdir(tracker) if n not in ("targets.yaml", name, ".qntrack-cache"))
    assert len(left) == 1 and left[0].endswith(".lock"), left


def test_store_of_255_bytes_repairs_a_torn_row(tracker: Path) -> None:
    name = _long_store(tracker, 255)
    with open(tracker / name, "ab") as fh:
        fh.write(b"share,2025,1")  # a row cut short by a crash
    r = run_clean("check", "--repair")
    assert r.exit_code == 0, r.stderr
    assert (tracker / name).read_bytes().endswith(b"\n")
    sides = [n for n in os.listdir(tracker) if ".torn-" in n]
    assert len(sides) == 1 and (tracker / sides[0]).read_bytes() == b"share,2025,1"
    assert _long_names(tracker) == []


def test_interrupted_batch_of_a_255_byte_store_is_seen_and_repaired(tracker: Path) -> None:
    from qntrack.files.journal import pending_path, read_pending

    name = _long_store(tracker, 255)
    store = tracker / name
    size = store.stat().st_size
    journal = pending_path(store)
    assert len(os.fsencode(journal.name)) <= NAME_MAX
    # An append journal as docs/data-integrity.md describes it, left by a crash.
    journal.write_text(f"qntrack append journal 1\nsize {size}\nrows 1\n", encoding="ascii")
    assert read_pending(store) is not None
    with open(store, "ab") as fh:
        fh.write(b"share,2025,14,,s,,2026-01-01T00:00:00Z\n")
    r = run_clean("add-observation", "share", "2026", "1", "--source", "s")
    assert r.exit_code == 1  # the interrupted batch is refused until repaired
    r = run_clean("check", "--repair")
    assert r.exit_code == 0, r.stderr
    assert store.stat().st_size == size
    assert not journal.exists()


def test_opensdg_export_into_a_folder_named_255_bytes(tracker: Path) -> None:
    into = _name(255, "", "d")
    r = run_clean("export", "opensdg", "--into", into)
    assert r.exit_code == 0, r.stderr
    assert (tracker / into / "data").is_dir()
    assert _long_names(tracker) == []


def test_made_names_fit_and_are_the_same_each_time(tmp_path: Path) -> None:
    from qntrack.files.name_room import beside, temporary_prefix

    short = tmp_path / "observations.csv"
    assert beside(short, ".lock").name == "observations.csv.lock"
    assert temporary_prefix(short) == ".observations.csv."
    long = tmp_path / ("ố" * 84 + ".csv")  # 256 bytes would not be taken; 255 is
    long = tmp_path / ("ố" * 83 + "x.csv")  # 255 bytes
    for suffix in (".lock", ".pending", ".interrupted-20240105T101500Z-99"):
        made = beside(long, suffix)
        assert made == beside(long, suffix)  # two processes agree on the lock's name
        assert made.name.endswith(suffix) and len(os.fsencode(made.name)) <= NAME_MAX
        # and the temporary file of the made name fits too, without being shortened again
        assert temporary_prefix(made) == "." + made.name + "."
    prefix = temporary_prefix(long)
    assert len(os.fsencode(prefix)) + 12 <= NAME_MAX
    assert prefix.startswith(".ố") and re.search(r"~[0-9a-f]{8}\.$", prefix)
    # Different long names that share their first bytes make different names.
    other = tmp_path / ("ố" * 83 + "y.csv")
    assert beside(other, ".lock") != beside(long, ".lock")


# 2. The lock file's name taken by something that is no file ---------------------------


def _odd_lock(folder: Path, kind: str) -> Path:
    lock = folder / "observations.csv.lock"
    if kind == "fifo":
        os.mkfifo(lock)
    elif kind == "socket":
        held = socket.socket(socket.AF_UNIX)
        held.bind(str(lock))
        held.close()  # the socket file stays
    elif kind == "device":
        lock.symlink_to("/dev/null")
    elif kind == "folder":
        lock.mkdir()
    return lock


_SAID = {
    "fifo": "a FIFO (named pipe)",
    "socket": "a socket",
    "device": "a symbolic link",
    "folder": "a folder",
}


@pytest.mark.parametrize("kind", ["fifo", "socket", "device", "folder"])
def test_append_refuses_a_lock_that_is_no_file(tracker: Path, kind: str) -> None:
    lock = _odd_lock(tracker, kind)
    before = store_text(tracker)
    r = run_bounded("add-observation", "share", "2024", "13.1", "--source", "s", seconds=20)
    assert r.exit_code == 1, r.stderr
    assert r.stderr.count("error:") == 1
    assert r.stderr.startswith(f"{lock}: error: the lock file's name is taken by {_SAID[kind]}")
    assert "a plain file" in r.stderr and "nothing was added: move it away" in r.stderr
    assert store_text(tracker) == before
    assert stat.S_ISREG(os.lstat(lock).st_mode) is False  # left as it was


@pytest.mark.parametrize("kind", ["fifo", "socket"])
def test_every_writer_refuses_a_fifo_or_socket_lock(tracker: Path, kind: str) -> None:
    lock = _odd_lock(tracker, kind)
    before = store_text(tracker)
    r = run_bounded("retract", "share", "2023", seconds=20)
    assert r.exit_code == 1 and "nothing was withdrawn: move it away" in r.stderr, r.stderr
    (tracker / "more.csv").write_text(STORE_HEADER + "share,2024,13.1,,s,,\n", encoding="utf-8")
    r = run_bounded("add-observation", "--from", "more.csv", seconds=20)
    assert r.exit_code == 1 and str(lock) in r.stderr and "move it away" in r.stderr, r.stderr
    assert store_text(tracker) == before
    with open(tracker / "observations.csv", "ab") as fh:
        fh.write(b"share,2025,1")
    r = run_bounded("check", "--repair", seconds=20)
    assert r.exit_code == 1 and str(lock) in r.stderr and "nothing was repaired: move it away" in r.stderr, r.stderr
    assert store_text(tracker) == before + "share,2025,1"


def test_readers_do_not_wait_on_a_fifo_lock(tracker: Path) -> None:
    """status, twice (the cache made, then read), and check, with a FIFO at the lock's
    name and an append's journal beside the store: a reader opens the lock to see whether
    a batch is under way, and a FIFO's open waits for a writer that never comes."""
    _odd_lock(tracker, "fifo")
    for _ in range(2):
        r = run_bounded("status", "--format", "json", seconds=20)
        assert r.exit_code == 0, r.stderr
    size = (tracker / "observations.csv").stat().st_size
    (tracker / "observations.csv.pending").write_text(
        f"qntrack append journal 1\nsize {size}\nrows 1\n", encoding="ascii"
    )
    r = run_bounded("status", "--format", "json", seconds=20)
    assert r.exit_code in (0, 1), r.stderr
    r = run_bounded("check", seconds=20)
    assert r.exit_code == 1, r.stderr


# 3. `observations:` naming a folder -----------------------------------------------------


def _observations_line(tracker: Path, value: str) -> None:
    text = (tracker / "targets.yaml").read_text(encoding="utf-8")
    (tracker / "targets.yaml").write_text(text.replace("version: 1\n", f"version: 1\nobservations: {value}\n", 1))


@pytest.mark.parametrize("command", [["status"], ["check"], ["add-observation", "share", "2024", "1", "--source", "s"]])
def test_observations_with_a_trailing_slash_is_refused_at_its_line(tracker: Path, command: list[str]) -> None:
    # The path read "observations.csv/" as observations.csv and went on, the slash unseen:
    # a folder's name was meant, or a slip; either way the user is asked.
    _observations_line(tracker, "observations.csv/")
    before = store_text(tracker)
    r = run_clean(*command)
    assert r.exit_code == 1, r.stdout
    assert r.stderr == (
        "targets.yaml:2:15: error: 'observations: observations.csv/' ends in '/', which names a folder, "
        "and the observations are a CSV file; write observations: observations.csv\n"
    )
    assert store_text(tracker) == before


def test_observations_naming_a_folder_is_refused_at_its_line(tracker: Path) -> None:
    (tracker / "data").mkdir()
    for value in ("data/", "data"):
        _observations_line(tracker, value)
        r = run_clean("status")
        assert r.exit_code == 1
        assert r.stderr == (
            f"targets.yaml:2:15: error: 'observations: {value}' points at a directory; give the CSV file's "
            "name, e.g. observations: data/observations.csv\n"
        )
        text = (tracker / "targets.yaml").read_text(encoding="utf-8")
        (tracker / "targets.yaml").write_text(text.replace(f"observations: {value}\n", "", 1))


def test_trailing_slash_said_in_vietnamese(tracker: Path) -> None:
    _observations_line(tracker, "so-lieu.csv/")
    r = run_clean("--lang", "vi", "check")
    assert r.exit_code == 1
    assert "kết thúc bằng '/'" in r.stderr and "hãy ghi observations: so-lieu.csv" in r.stderr


# 4. The sweep ----------------------------------------------------------------------------


def test_a_tab_in_a_file_name_is_shown_escaped_in_the_message(tracker: Path) -> None:
    # A tab printed as it is reads as spaces: "e	x.csv" could be "e x.csv". Every other
    # control character was already shown as \xNN.
    r = run_clean("export", "sdmx-csv", "-o", "e\tx.csv")
    assert r.exit_code == 2
    assert r.stderr.startswith("e\\x09x.csv: error: the name holds a control character (U+0009")
    assert "\t" not in r.stderr and r.stderr.count("\n") == 1
    r = run_clean("--targets", "a\nb.yaml", "status")
    assert r.exit_code == 1 and r.stderr == "a\\x0ab.yaml: error: targets file not found\n"


@pytest.mark.parametrize("output", ["gone/r.md", "gone/r.xlsx", "gone/r.csv"])
def test_output_folder_removed_mid_run_is_said_of_the_output(
    tracker: Path, monkeypatch: pytest.MonkeyPatch, output: str
) -> None:
    import shutil
    import tempfile

    (tracker / "gone").mkdir()
    made = tempfile.mkstemp

    def folder_gone_first(*args, **kwargs):  # another program removes the folder just then
        folder = kwargs.get("dir")
        if folder is not None and Path(folder).name == "gone" and Path(folder).is_dir():
            shutil.rmtree(folder)
        return made(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", folder_gone_first)
    command = ["export", "sdmx-csv"] if output.endswith(".csv") else ["report"]
    r = run_clean(*command, "-o", output)
    assert r.exit_code == 1
    doing = "the export" if output.endswith(".csv") else "the report"
    assert r.stderr == (
        f"{output}: error: cannot write {doing}: No such file or directory: check the path "
        "(and create the folder first); nothing was written\n"
    )
    assert not (tracker / "gone").exists()


def test_a_full_disk_under_the_status_cache_still_prints_the_answer(
    tracker: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    cold = run_clean("status", "--format", "csv", env={"QNTRACK_NO_CACHE": "1"})
    assert cold.exit_code == 0
    opened = os.fdopen

    class Full:
        def __init__(self, fh) -> None:
            self.fh = fh

        def __enter__(self) -> Full:
            return self

        def __exit__(self, *exc: object) -> None:
            self.fh.close()

        def write(self, data: bytes) -> int:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        def __getattr__(self, name: str) -> object:
            return getattr(self.fh, name)

    monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: Full(opened(fd, *a, **k)))
    for _ in range(2):
        r = run_clean("status", "--format", "csv")
        assert (r.exit_code, r.stdout, r.stderr) == (0, cold.stdout, "")
    cache = tracker / ".qntrack-cache"
    assert not cache.exists() or not [n for n in os.listdir(cache) if n.endswith((".bin", ".tmp"))]


def test_shipped_data_on_a_read_only_medium(shipped: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every read-only command works on a tracker on a read-only disk (a CD, a mounted
    image, a share mounted ro): only the cache tries to write there, and fails quietly."""
    import errno
    import tempfile

    here = str(shipped)
    tried: list[str] = []

    def refused(name: object) -> OSError:
        tried.append(os.fsdecode(name))  # type: ignore[arg-type]
        return OSError(errno.EROFS, os.strerror(errno.EROFS), os.fsdecode(name))  # type: ignore[arg-type]

    real_open, real_mkdir, real_mkstemp = os.open, os.mkdir, tempfile.mkstemp
    writing = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND

    def ro_open(path, flags, *args, **kwargs):
        if flags & writing and os.path.abspath(os.fsdecode(path)).startswith(here):
            raise refused(path)
        return real_open(path, flags, *args, **kwargs)

    def ro_mkdir(path, *args, **kwargs):
        if os.path.abspath(os.fsdecode(path)).startswith(here):
            raise refused(path)
        return real_mkdir(path, *args, **kwargs)

    def ro_mkstemp(*args, **kwargs):
        if os.path.abspath(str(kwargs.get("dir", ""))).startswith(here):
            raise refused(os.path.join(str(kwargs["dir"]), "x"))
        return real_mkstemp(*args, **kwargs)

    monkeypatch.setattr(os, "open", ro_open)
    monkeypatch.setattr(os, "mkdir", ro_mkdir)
    monkeypatch.setattr(tempfile, "mkstemp", ro_mkstemp)
    before = sorted(os.listdir(shipped))
    for command in (
        ["status"],
        ["status", "--format", "json"],
        ["status", "--group-by", "group"],
        ["rank", "budget-revenue-plan-2024"],
        ["show", "cbct-share"],
        ["observations"],
        ["history", "grdp_growth", "2022-H1"],
        ["check"],
        ["indicators"],
        ["targets"],
        ["report", "--format", "markdown"],
        ["export", "sdmx-csv"],
        ["add-observation", "grdp_growth", "2026-H1", "11.2", "--source", "s", "--dry-run"],
        ["retract", "grdp_growth", "2025", "--dry-run"],
        ["check", "--repair"],
    ):
        r = run_clean(*command)
        assert r.exit_code == 0, (command, r.stderr)
        assert "error" not in r.stderr and "cache" not in r.stderr, (command, r.stderr)
    assert sorted(os.listdir(shipped)) == before
    # Only the cache tried to write there.
    assert tried and all(".qntrack-cache" in name for name in tried), tried


def test_every_temporary_name_is_made_by_the_one_rule() -> None:
    """A temporary file or folder named after the file it becomes takes its prefix from
    files.name_room.temporary_prefix; the others have fixed short prefixes."""
    source = Path(__file__).resolve().parent.parent / "src" / "qntrack"
    calls = []
    for module in source.rglob("*.py"):
        for line in module.read_text(encoding="utf-8").splitlines():
            if re.search(r"\bmk[sd]temp\(", line) and "def " not in line:
                calls.append((module.name, line.strip()))
    assert calls
    for module, line in calls:
        prefix = re.search(r"prefix=([^,)]+)", line)
        assert prefix is not None, (module, line)
        assert prefix.group(1).startswith(("temporary_prefix(", '".', "MARKER")), (module, line)


def test_a_trailing_backslash_is_told_the_name_without_it(tracker: Path) -> None:
    # `observations: obs.csv\` (a Windows habit): the backslash hint said "write
    # obs.csv/", a name ending in '/', which is refused in its turn.
    _observations_line(tracker, "so-lieu.csv\\")
    r = run_clean("status")
    assert "write so-lieu.csv:" in r.stderr and "so-lieu.csv/" not in r.stderr, r.stderr
