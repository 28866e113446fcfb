"""Session 43, helper J: qntrack in pipelines and at terminals, as a data journalist and a
shell scripter use it (issue 17)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import read_terminal

ESC = b"\x1b["


def _on_a_terminal(cwd: Path, env: dict[str, str], *args: str) -> bytes:
    """What ``qntrack ARGS`` sends to a pseudo-terminal 100 columns wide, standard output
    and input on it, under the environment given (no colour settings of the runner's)."""
    import fcntl
    import struct
    import termios

    leader, follower = os.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 100, 0, 0))
    base = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR", "TERM")}
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "qntrack", *args],
            stdin=follower,
            stdout=follower,
            stderr=subprocess.PIPE,
            env={**base, "TERM": "xterm-256color", "QNTRACK_NO_CACHE": "1", **env},
            cwd=cwd,
        )
        said = read_terminal(leader, proc)
        assert proc.wait(timeout=120) == 0
    finally:
        os.close(follower)
        os.close(leader)
    return said


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a pseudo-terminal of a set size")
@pytest.mark.parametrize("command", [("status",), ("show", "cbct-share")])
def test_an_empty_force_color_leaves_a_terminal_its_colour(shipped: Path, command: tuple[str, ...]):
    # force-color.org (as no-color.org for NO_COLOR): a FORCE_COLOR set to the empty string
    # is as if it were not set. `FORCE_COLOR= qntrack status` (a wrapper or a CI file that
    # clears the variable) drew the table at a terminal with no colour, no bold and no dim
    # at all, where NO_COLOR= left them: Rich takes an empty FORCE_COLOR to mean "not a
    # terminal".
    unset = _on_a_terminal(shipped, {}, *command)
    assert ESC in unset  # the statuses are coloured at a terminal
    emptied = _on_a_terminal(shipped, {"FORCE_COLOR": ""}, *command)
    assert emptied == unset
    # NO_COLOR still takes the colour away there, and an empty NO_COLOR does not.
    assert _on_a_terminal(shipped, {"NO_COLOR": ""}, *command) == unset
    plain = _on_a_terminal(shipped, {"NO_COLOR": "1", "FORCE_COLOR": ""}, *command)
    assert not re.search(rb"\x1b\[(?:[0-9;]*;)?(?:3[0-8]|9[0-7])[;m]", plain)  # no foreground colour


def test_an_empty_force_color_sends_no_colour_into_a_pipe(shipped: Path):
    # Into a pipe, an empty FORCE_COLOR asks for nothing: no escape reaches the reader.
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    for args in (("status", "--format", "table"), ("show", "cbct-share")):
        r = subprocess.run(
            [sys.executable, "-m", "qntrack", *args],
            capture_output=True,
            env={**env, "FORCE_COLOR": "", "QNTRACK_NO_CACHE": "1"},
            cwd=shipped,
            timeout=120,
        )
        assert r.returncode == 0, r.stderr
        assert b"\x1b" not in r.stdout


def _big_import(folder: Path, rows: int = 3_000) -> None:
    """``big.csv``: ``rows`` figures of the small plan's 'share', distinct quarters and moments."""
    from datetime import datetime, timedelta

    start = datetime(2026, 2, 1)
    lines = "".join(
        f"share,{1950 + i % 280 // 4}-Q{i % 4 + 1},{i}.5,estimate,Cục Thống kê {i % 7},note {i},"
        f"{start + timedelta(seconds=i):%Y-%m-%dT%H:%M:%SZ}\n"
        for i in range(rows)
    )
    (folder / "big.csv").write_text("indicator,period,value,status,source,note,recorded_at\n" + lines, encoding="utf-8")


def _paused_writer(folder: Path, stderr: object = subprocess.PIPE) -> subprocess.Popen[bytes]:
    """An import of big.csv stopped in the middle of writing its rows (helpers.PAUSED_IMPORT)."""
    import time

    from helpers import PAUSED_IMPORT

    marker = folder / "paused"
    writer = subprocess.Popen([sys.executable, "-c", PAUSED_IMPORT, str(marker), "big.csv"], cwd=folder, stderr=stderr)
    deadline = time.monotonic() + 120  # a guard against a hung suite, not a measure
    while not marker.exists() and writer.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert marker.exists(), "the writer never reached its second chunk"
    assert (folder / "observations.csv.pending").exists()
    return writer


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_hangup_mid_import_rolls_the_batch_back_and_exits_129(
    tracker: Path, monkeypatch: pytest.MonkeyPatch, lang: str
):
    """SIGHUP: the terminal closed, or the SSH connection to the statistics office's server
    dropped, while a national import was writing its rows. It ended the process where it
    stood, as SIGKILL does: no message, exit 129, the journal left behind, and every later
    command (the report, the next cron run) refused the store until a person ran `check
    --repair`, where data-integrity.md said only SIGKILL or the machine stopping leaves
    the journal. It now ends as SIGTERM does: the rows cut off, the journal removed, said
    in one line, and exit 129, the shell's 128 + 1 for SIGHUP."""
    from helpers import run, store_bytes

    _big_import(tracker)
    before = store_bytes(tracker)
    monkeypatch.setenv("QNTRACK_LANG", lang)  # the child's environment
    writer = _paused_writer(tracker)
    writer.send_signal(signal.SIGHUP)
    _, err = writer.communicate(timeout=60)
    assert writer.returncode == 129
    said = {
        "en": "stopped (SIGHUP: the terminal or the connection closed); nothing was added to the observations file\n",
        "vi": "đã dừng (SIGHUP: cửa sổ dòng lệnh hoặc kết nối đã đóng); không có dòng nào được thêm vào tệp số liệu\n",
    }
    assert err.decode("utf-8") == said[lang]
    assert store_bytes(tracker) == before  # the batch is gone whole
    assert not (tracker / "observations.csv.pending").exists()
    monkeypatch.delenv("QNTRACK_LANG")
    assert run("status").exit_code == 0
    again = run("add-observation", "--from", "big.csv")  # run again: added once
    assert again.exit_code == 0, again.stderr
    assert store_bytes(tracker).count(b"\n") == 3000 + 6 + 1  # + the small store's 6 rows and header


def test_a_hangup_with_standard_error_gone_still_rolls_the_batch_back(tracker: Path):
    # The terminal that closed was standard error too: the line cannot be written, the
    # batch is undone all the same, and the exit code is still SIGHUP's.
    from helpers import store_bytes

    _big_import(tracker, 2_000)
    before = store_bytes(tracker)
    with open("/dev/full", "wb") as full:
        writer = _paused_writer(tracker, stderr=full)
        writer.send_signal(signal.SIGHUP)
        writer.wait(timeout=60)
    assert writer.returncode == 129
    assert store_bytes(tracker) == before
    assert not (tracker / "observations.csv.pending").exists()


def test_a_hangup_ignored_by_nohup_is_left_alone(tracker: Path):
    # `nohup qntrack add-observation --from ...`: SIGHUP ignored by the caller stays
    # ignored, and the import goes on to its end.
    from helpers import PAUSED_IMPORT, store_bytes

    _big_import(tracker, 2_000)
    marker = tracker / "paused"
    code = "import signal; signal.signal(signal.SIGHUP, signal.SIG_IGN)\n" + PAUSED_IMPORT.replace(
        "time.sleep(600)", "time.sleep(1)"
    )
    writer = subprocess.Popen([sys.executable, "-c", code, str(marker), "big.csv"], cwd=tracker, stderr=subprocess.PIPE)
    import time

    deadline = time.monotonic() + 120
    while not marker.exists() and writer.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    writer.send_signal(signal.SIGHUP)
    _, err = writer.communicate(timeout=60)
    assert writer.returncode == 0, err
    assert store_bytes(tracker).count(b"\n") == 2000 + 6 + 1


def test_a_tab_in_a_note_round_trips_through_the_csv_and_is_a_space_in_the_tsv(tracker: Path, tmp_path: Path):
    # docs/formats.md: a listing imported back gives the store the same rows, the CSV byte
    # for byte; the TSV keeps its columns apart for cut and awk, a tab in a note a space.
    from conftest import SMALL_TARGETS
    from helpers import run, store_bytes

    added = run(
        "add-observation", "share", "2019", "10.5", "--status", "official",
        "--recorded-at", "2020-02-01", "--source", "=GSO, \"Niên giám\"", "--note", "quý\tI",
    )  # fmt: skip
    assert added.exit_code == 0, added.stderr
    stored = store_bytes(tracker)
    assert 'share,2019,10.5,official,"\'=GSO, ""Niên giám""",quý\tI,'.encode() in stored  # as typed, guarded
    csv_listing = run("observations", "--format", "csv").stdout
    tsv_listing = run("observations", "--format", "tsv").stdout
    assert "quý\tI" in csv_listing
    line = next(x for x in tsv_listing.splitlines() if x.startswith("share\t2019\t"))
    assert line.split("\t") == [
        "share",
        "2019",
        "10.5",
        "official",
        '\'=GSO, "Niên giám"',
        "quý I",
        "2020-02-01T00:00:00Z",
    ]
    # Into the tracker it came from: nothing to add, from either.
    for name, text in (("back.csv", csv_listing), ("back.tsv", tsv_listing)):
        (tracker / name).write_text(text, encoding="utf-8")
        again = run("add-observation", "--from", name)
        assert again.exit_code == 0, again.stderr
        assert store_bytes(tracker) == stored
    # Into a new tracker: the CSV gives the store's rows byte for byte (in the listing's order).
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    (fresh / "targets.yaml").write_text(SMALL_TARGETS, encoding="utf-8")
    (fresh / "observations.csv").write_text("indicator,period,value,status,source,note,recorded_at\n", encoding="utf-8")
    made = run("add-observation", "--from", str(tracker / "back.csv"), "--targets", str(fresh / "targets.yaml"))
    assert made.exit_code == 0, made.stderr
    assert sorted((fresh / "observations.csv").read_bytes().splitlines()) == sorted(stored.splitlines())


@pytest.mark.parametrize(
    "args",
    [("--help",), ("status", "--help"), ("rank", "-h"), ("--show-completion", "bash"), ("status",), ("docs", "json")],
)
def test_a_reader_gone_before_help_is_written_is_no_error(shipped: Path, args: tuple[str, ...]):
    # data-integrity.md: a closed pipe (`| head`, `| true`, `| grep -q`) is silent, exit 0.
    # The help, which Click writes before any command runs, exited 1 into a pipe whose
    # reader had gone (`qntrack --help | true` under `set -o pipefail` failed the script),
    # where the command itself exits 0.
    read, write = os.pipe()
    os.close(read)  # the reader went away before a byte was written
    try:
        r = subprocess.run(
            [sys.executable, "-m", "qntrack", *args],
            stdout=write,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            cwd=shipped,
            env={**os.environ, "QNTRACK_NO_CACHE": "1"},
            timeout=120,
        )
    finally:
        os.close(write)
    assert (r.returncode, r.stderr) == (0, b"")
