"""The store and targets.yaml must be regular files of sane size, and ours.

A FIFO must not hang a command, a device must not be read, a missing folder is not
created, a foreign file's content is never echoed, and a symlinked store is locked and
repaired where it really is (issue 12, "regular files of sane size").
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from conftest import STORE_HEADER, make_tracker
from helpers import run_bounded
from qntrack.cli import app

runner = CliRunner()

TARGETS = """\
version: 1
indicators:
  share: {name: "Manufacturing share", unit: "%"}
targets:
  - id: share
    indicator: share
    baseline: {period: 2020, value: 10}
    milestones:
      - {by: 2025, value: 15}
"""
HEADER = STORE_HEADER.encode()
STORE = HEADER + b"share,2020,10,official,yearbook,,2021-06-30T00:00:00Z\n"
# A line as /etc/shadow holds it: what a message must never show.
SECRET = b"root:$6$saltsalt$SECRETHASHSECRETHASH:19000:0:99999:7:::\nbin:*:19000:0:99999:7:::\n"

READERS = [
    ["status"],
    ["status", "--format", "json"],
    ["show", "share"],
    ["observations"],
    ["history", "share"],
    ["check"],
    ["report"],
]
EVERY = READERS + [["check", "--repair"], ["add-observation", "share", "2024", "12", "--status", "official"]]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("QNTRACK_NO_CACHE", "1")
    return make_tracker(tmp_path, monkeypatch, TARGETS, STORE.decode("utf-8"))


def one_message(r: Result) -> str:
    assert "Traceback" not in r.stderr
    assert r.stderr.count("\n") == 1, r.stderr
    return r.stderr


# --- targets.yaml ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "command", [["status"], ["status", "--format", "json"], ["check"], ["add-observation", "share", "2024", "12"]]
)
def test_a_fifo_as_targets_is_refused_without_hanging(folder: Path, command: list[str]):
    os.mkfifo(folder / "plan.yaml")
    r = run_bounded(*command, "--targets", "plan.yaml")
    assert r.exit_code == 1
    assert one_message(r) == (
        "plan.yaml: error: targets file is a named pipe (FIFO), not a regular file; give the path of an ordinary file\n"
    )


def test_a_fifo_named_targets_yaml_is_found_and_refused(folder: Path):
    (folder / "targets.yaml").unlink()
    os.mkfifo(folder / "targets.yaml")
    r = run_bounded("status", "--format", "json")
    assert r.exit_code == 1
    assert "targets.yaml: error: targets file is a named pipe (FIFO)" in one_message(r)


@pytest.mark.parametrize("command", [["status"], ["status", "--format", "json"], ["check"]])
def test_dev_zero_as_targets_is_refused_without_reading_it(folder: Path, command: list[str]):
    r = run_bounded(*command, "--targets", "/dev/zero")
    assert r.exit_code == 1
    assert one_message(r) == (
        "/dev/zero: error: targets file is a character device, not a regular file; give the path of an ordinary file\n"
    )


def test_a_huge_targets_file_is_refused_by_its_size(folder: Path):
    big = folder / "big.yaml"
    with open(big, "wb") as fh:
        fh.truncate(17 * 1024 * 1024)  # sparse: 17 MiB of NULs without writing them
    r = run_bounded("status", "--format", "json", "--targets", "big.yaml")
    assert r.exit_code == 1
    assert (
        one_message(r)
        == "big.yaml: error: targets file is 17 MiB (17,825,792 bytes); at most 16 MiB (16,777,216 bytes) is accepted: is this the right file?\n"
    )


FOREIGN = "not a qntrack targets file (no 'indicators:' or 'targets:' at the top level)"


@pytest.mark.parametrize(
    "content",
    [
        SECRET,  # YAML: a mapping of unknown keys
        b"root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n",  # a scalar
        b"SECRET one\n  SECRET: [two\n",  # not YAML at all
        b"- SECRET\n- list\n",  # a list
    ],
    ids=["shadow", "passwd", "not-yaml", "list"],
)
def test_a_foreign_targets_file_is_named_not_quoted(folder: Path, content: bytes):
    (folder / "foreign").write_bytes(content)
    for command in (["status"], ["status", "--format", "json"], ["check"], ["add-observation", "share", "2024", "1"]):
        r = runner.invoke(app, [*command, "--targets", "foreign"])
        assert r.exit_code == 1, command
        assert r.stderr.startswith(f"foreign:1: error: {FOREIGN}"), r.stderr
        assert r.stderr.count("\n") == 1
        assert "SECRET" not in r.stderr and "root" not in r.stderr


def test_a_plan_with_a_typo_still_gets_its_own_messages(folder: Path):
    """A file with at least one key of a plan is a plan with mistakes, not a foreign file."""
    (folder / "targets.yaml").write_text(TARGETS.replace("targets:\n", "targetz:\n"), encoding="utf-8")
    r = runner.invoke(app, ["check"])
    assert r.exit_code == 1
    assert "unknown key 'targetz'" in r.stderr and "not a qntrack targets file" not in r.stderr


# --- the store -------------------------------------------------------------------------


def _store_is(folder: Path, name: str) -> None:
    (folder / "targets.yaml").write_text(f"observations: {name}\n" + TARGETS, encoding="utf-8")


@pytest.mark.parametrize("command", EVERY, ids=" ".join)
def test_a_fifo_as_the_store_is_refused_without_hanging(folder: Path, command: list[str]):
    os.mkfifo(folder / "fifo.csv")
    _store_is(folder, "fifo.csv")
    r = run_bounded(*command)
    assert r.exit_code == 1
    assert "error: the observations file is a named pipe (FIFO), not a regular file" in one_message(r)
    assert sorted(p.name for p in folder.iterdir()) == ["fifo.csv", "observations.csv", "targets.yaml"]


@pytest.mark.parametrize("command", EVERY, ids=" ".join)
def test_a_store_linked_to_dev_zero_is_refused(folder: Path, command: list[str]):
    (folder / "zero.csv").symlink_to("/dev/zero")
    _store_is(folder, "zero.csv")
    r = run_bounded(*command)
    assert r.exit_code == 1
    assert "error: the observations file is a character device, not a regular file" in one_message(r)


@pytest.mark.parametrize("command", READERS + [["add-observation", "share", "2024", "1"]], ids=" ".join)
def test_a_foreign_store_is_named_not_quoted(folder: Path, command: list[str]):
    (folder / "shadow").write_bytes(SECRET)
    _store_is(folder, "shadow")
    r = runner.invoke(app, command)
    assert r.exit_code == 1
    assert r.stderr == (
        "shadow:1: error: not a qntrack observations file: its first line is not the header "
        "indicator,period,value,status,source,note,recorded_at (UTF-8 CSV); check 'observations:' "
        "in targets.yaml\n"
    )
    assert (folder / "shadow").read_bytes() == SECRET


@pytest.mark.parametrize(
    "content",
    [SECRET.rstrip(b"\n"), b"\x7fELF\x02\x01\x01\x00\x00" + bytes(range(256)) + b"\nend"],
    ids=["text", "binary"],
)
def test_repair_never_rewrites_a_foreign_file(folder: Path, content: bytes):
    """`check --repair` once truncated a program named as the store (observations: /bin/ls)."""
    (folder / "foreign").write_bytes(content)
    _store_is(folder, "foreign")
    r = runner.invoke(app, ["check", "--repair"])
    assert r.exit_code == 1
    assert r.stderr.startswith(f"{folder / 'foreign'}: error: not a qntrack observations file")
    assert "SECRET" not in r.stderr
    assert (folder / "foreign").read_bytes() == content
    assert sorted(p.name for p in folder.iterdir()) == ["foreign", "observations.csv", "targets.yaml"]


@pytest.mark.parametrize(
    "command",
    [
        ["add-observation", "share", "2024", "12"],
        ["check", "--repair"],
        ["add-observation", "share", "2024", "12", "--dry-run"],
    ],
    ids=" ".join,
)
def test_a_missing_folder_for_the_store_is_not_created(folder: Path, command: list[str]):
    _store_is(folder, "sub/dir/obs.csv")
    r = runner.invoke(app, command)
    assert not (folder / "sub").exists()
    # check --repair too: a missing folder is a typo in 'observations:', not a store to repair.
    assert r.exit_code == 1
    assert r.stderr == (
        f"sub/dir/obs.csv: error: the folder '{folder / 'sub' / 'dir'}' for the observations file "
        "does not exist; create it, or correct 'observations:' in targets.yaml\n"
    )


def test_two_links_to_one_store_share_its_lock(folder: Path):
    """The lock is beside the real file, so writers through a link and through the file
    (or two links) take the same lock; an append through a link leaves no lock beside it."""
    from qntrack.files.appending import store_lock

    (folder / "link.csv").symlink_to("observations.csv")
    (folder / "other.csv").symlink_to(folder / "observations.csv")
    real = str(folder / "observations.csv") + ".lock"
    assert store_lock(Path("link.csv")).lock_file == real
    assert store_lock(Path("other.csv")).lock_file == real
    _store_is(folder, "link.csv")
    r = runner.invoke(app, ["add-observation", "share", "2024", "12"])
    assert r.exit_code == 0, r.stderr
    assert not (folder / "link.csv.lock").exists()
    assert (folder / "link.csv").is_symlink()
    assert (folder / "observations.csv").read_bytes().startswith(STORE + b"share,2024,12,")


def test_a_symlinked_store_is_repaired_where_it_really_is(folder: Path):
    data = folder / "data"
    data.mkdir()
    (data / "observations.csv").write_bytes(STORE + b"share,2021,1")
    (folder / "link.csv").symlink_to("data/observations.csv")
    _store_is(folder, "link.csv")
    r = runner.invoke(app, ["check", "--repair"])
    assert (folder / "link.csv").is_symlink()  # the link stays a link
    assert (data / "observations.csv").read_bytes() == STORE
    sides = [p for p in data.iterdir() if ".torn-" in p.name]
    assert len(sides) == 1 and sides[0].read_bytes() == b"share,2021,1"
    assert "torn" not in " ".join(p.name for p in folder.iterdir())
    assert r.exit_code == 0, r.stderr


# --- add-observation --from: the same siblings -------------------------------------------


def test_import_from_a_device_is_refused_but_a_pipe_is_read(folder: Path):
    r = runner.invoke(app, ["add-observation", "--from", "/dev/zero"])
    assert r.exit_code == 1
    assert (
        r.stderr
        == "/dev/zero: error: is a device or socket, not a CSV or TSV file; give a file, or '-' to read stdin\n"
    )
    os.mkfifo(folder / "pipe.csv")
    import threading

    def feed() -> None:
        with open(folder / "pipe.csv", "w", encoding="utf-8") as fh:
            fh.write("indicator,period,value,status,recorded_at\nshare,2023,12,official,2024-02-01\n")

    writer = threading.Thread(target=feed)
    writer.start()
    r = runner.invoke(app, ["add-observation", "--from", "pipe.csv"])
    writer.join(timeout=10)
    assert r.exit_code == 0, r.stderr
    assert (folder / "observations.csv").read_bytes() == STORE + b"share,2023,12,official,,,2024-02-01T00:00:00Z\n"


def test_import_of_a_foreign_file_does_not_quote_it(folder: Path):
    (folder / "shadow").write_bytes(SECRET)
    r = runner.invoke(app, ["add-observation", "--from", "shadow"])
    assert r.exit_code == 1
    assert r.stderr == (
        "shadow:1: error: not a table of figures: its first line names none of the columns indicator, "
        "period, value, status, source, note, recorded_at; is the file separated by something else? "
        "give --delimiter\n"
    )
    assert (folder / "observations.csv").read_bytes() == STORE
