"""The store's write side: idempotent imports, all-or-nothing batches under SIGKILL, a last
row without its newline, and retractions (issue 12)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import PAUSED_IMPORT, run, store_bytes
from qntrack.cli import app
from qntrack.files.store import read_store

runner = CliRunner()


# --- 1. idempotent imports -----------------------------------------------------------------

IMPORT = (
    "indicator,period,value,status,source,recorded_at\n"
    "share,2025,13.1,estimate,src-x,2026-01-05T00:00:00Z\n"
    "share,2024,12.8,official,src-y,2025-03-01T00:00:00Z\n"
    "mining,2024,16.2,,src-z,2025-03-01T00:00:00Z\n"
)


def test_importing_the_same_file_twice_adds_nothing_the_second_time(tracker: Path):
    (tracker / "in.csv").write_text(IMPORT, encoding="utf-8")
    first = run("add-observation", "--from", "in.csv")
    assert first.exit_code == 0, first.stderr
    assert first.stderr == "added 3 row(s), 0 already recorded, to observations.csv\n"
    after_first = store_bytes(tracker)
    second = run("add-observation", "--from", "in.csv")
    assert second.exit_code == 0, second.stderr
    assert second.stderr == "nothing to add: all 3 row(s) are already recorded in observations.csv\n"
    assert store_bytes(tracker) == after_first


def test_a_partly_known_file_adds_only_the_new_rows_and_counts_the_rest(tracker: Path):
    (tracker / "in.csv").write_text(IMPORT, encoding="utf-8")
    assert run("add-observation", "--from", "in.csv").exit_code == 0
    before = store_bytes(tracker)
    (tracker / "more.csv").write_text(
        IMPORT + "share,2026-Q1,13.5,estimate,src-w,2026-04-05T00:00:00Z\n", encoding="utf-8"
    )
    dry = run("add-observation", "--from", "more.csv", "--dry-run", "--format", "csv")
    assert dry.exit_code == 0
    assert dry.stderr == "dry run: would add 1 row(s), 3 already recorded, to observations.csv; nothing was written\n"
    assert dry.stdout.count("\n") == 2  # the header and the one new row
    assert store_bytes(tracker) == before
    r = run("add-observation", "--from", "more.csv")
    assert r.stderr == "added 1 row(s), 3 already recorded, to observations.csv\n"
    assert store_bytes(tracker) == before + b"share,2026-Q1,13.5,estimate,src-w,,2026-04-05T00:00:00Z\n"


def test_the_store_imported_into_itself_adds_nothing(tracker: Path):
    # Two vintages of one period, one of them not in force: neither is added again.
    with open(tracker / "observations.csv", "a", encoding="utf-8") as fh:
        fh.write("share,2023,12.4,official,src-g,,2024-03-01T00:00:00Z\n")
    before = store_bytes(tracker)
    r = run("add-observation", "--from", "observations.csv")
    assert r.exit_code == 0, r.stderr
    assert r.stderr == "nothing to add: all 7 row(s) are already recorded in observations.csv\n"
    assert store_bytes(tracker) == before


def test_a_single_identical_figure_is_skipped_with_a_message(tracker: Path):
    before = store_bytes(tracker)
    r = run(
        "add-observation", "share", "2022", "11.50", "--source", "src-b", "--recorded-at", "2023-01-10T07:00:00+07:00"
    )
    assert r.exit_code == 0, r.stderr
    assert r.stderr == (
        "nothing to add: share 2022 = 11.5 (src-b, recorded 2023-01-10T00:00:00Z) is already "
        "recorded in observations.csv\n"
    )
    assert store_bytes(tracker) == before


def test_an_undated_figure_equal_to_the_one_in_force_is_already_recorded(tracker: Path):
    # Without --recorded-at the tool stamps "now": typing the same figure twice adds it once.
    assert run("add-observation", "share", "2025", "13", "--source", "s").exit_code == 0
    before = store_bytes(tracker)
    r = run("add-observation", "share", "2025", "13.0", "--source", "s")
    assert r.exit_code == 0
    assert r.stderr.startswith("nothing to add: share 2025 = 13 (s, recorded ")
    assert store_bytes(tracker) == before
    # A different status, value or source is a new vintage.
    assert run("add-observation", "share", "2025", "13", "--source", "s", "--status", "official").exit_code == 0
    assert store_bytes(tracker).count(b"\n") == before.count(b"\n") + 1


def test_an_undated_import_run_twice_adds_nothing_the_second_time(tracker: Path):
    (tracker / "in.csv").write_text(
        "indicator,period,value,source\nshare,2025,13.1,x\nmining,2024,16,y\n", encoding="utf-8"
    )
    assert (
        run("add-observation", "--from", "in.csv").stderr == "added 2 row(s), 0 already recorded, to observations.csv\n"
    )
    before = store_bytes(tracker)
    r = run("add-observation", "--from", "in.csv")
    assert r.exit_code == 0
    assert r.stderr == "nothing to add: all 2 row(s) are already recorded in observations.csv\n"
    assert store_bytes(tracker) == before


def test_an_undated_import_after_a_revision_does_not_bring_the_old_figure_back(tracker: Path):
    # 9.5 (estimate) imported undated, then revised to 9.1 (official); importing the same
    # undated file again must not put 9.5 back in force: it is an older vintage already stored.
    (tracker / "h1.csv").write_text(
        "indicator,period,value,status,source\nshare,2025,9.5,estimate,Cục TK\n", encoding="utf-8"
    )
    assert (
        run("add-observation", "--from", "h1.csv").stderr == "added 1 row(s), 0 already recorded, to observations.csv\n"
    )
    r = run("add-observation", "share", "2025", "9.1", "--status", "official", "--source", "Cục TK")
    assert r.exit_code == 0, r.stderr
    before = store_bytes(tracker)
    r = run("add-observation", "--from", "h1.csv")
    assert r.exit_code == 0, r.stderr
    # (typed in the same second, 9.1 was stamped a second after 9.5: g1 item 2)
    assert r.stderr.startswith("nothing to add: all 1 row(s) are already recorded in observations.csv\n")
    assert store_bytes(tracker) == before
    # The same for one figure typed again without --recorded-at.
    r = run("add-observation", "share", "2025", "9.5", "--status", "estimate", "--source", "Cục TK")
    assert r.exit_code == 0
    # the stored vintage is named, with the figure in force and the way back (--recorded-at)
    assert r.stderr.startswith(
        "nothing to add: share 2025 = 9.5 (estimate, Cục TK) is already recorded in observations.csv (line "
    )
    assert "not the figure in force (9.1, recorded " in r.stderr and "--recorded-at" in r.stderr
    assert store_bytes(tracker) == before
    shown = run("show", "share", "--format", "json")
    assert '"value": 9.1' in shown.stdout and '"value": 9.5' not in shown.stdout.split('"vintages"')[0]


def test_an_old_figure_is_put_back_in_force_with_an_explicit_recorded_at(tracker: Path):
    # The deliberate case: a dated row is compared as a whole vintage, so it is added.
    assert run("add-observation", "share", "2025", "9.5", "--status", "estimate", "--source", "s").exit_code == 0
    assert run("add-observation", "share", "2025", "9.1", "--status", "official", "--source", "s").exit_code == 0
    r = run(
        "add-observation",
        "share",
        "2025",
        "9.5",
        "--status",
        "estimate",
        "--source",
        "s",
        "--recorded-at",
        "2026-12-01T23:59:00Z",
    )
    assert r.exit_code == 0, r.stderr
    assert store_bytes(tracker).endswith(b"share,2025,9.5,estimate,s,,2026-12-01T23:59:00Z\n")


def test_an_undated_retraction_repeats_only_the_retraction_in_force():
    import math

    from qntrack.method.history import already_recorded
    from qntrack.plan.model import RETRACTED, Observation
    from qntrack.plan.periods import parse_period

    p = parse_period("2025")
    stored = [
        Observation("share", p, 9.5, "", "s", "", "2026-01-05T00:00:00Z", 2),
        Observation("share", p, math.nan, RETRACTED, "", "", "2026-02-05T00:00:00Z", 3),
        Observation("share", p, 9.7, "", "s", "", "2026-03-05T00:00:00Z", 4),
    ]
    now = "2026-12-01T00:00:00Z"
    retraction = Observation("share", p, math.nan, RETRACTED, "", "", now)
    # 9.7 is in force: a new undated retraction withdraws it, although an older one is stored.
    assert already_recorded(stored, [retraction], now) == [False]
    # With the retraction in force, the same retraction again adds nothing.
    assert already_recorded(stored[:2], [retraction], now) == [True]
    # An undated 9.5 was stored once (line 2): it is already recorded, whatever is in force.
    assert already_recorded(stored, [Observation("share", p, 9.5, "", "s", "", now)], now) == [True]


def test_a_repeated_row_inside_one_batch_is_added_once(tracker: Path):
    (tracker / "in.csv").write_text(
        "indicator,period,value,source,recorded_at\n"
        "share,2025,13.1,x,2026-01-05\n"
        "share,2025,13.10,x,2026-01-05T00:00:00Z\n",
        encoding="utf-8",
    )
    before = store_bytes(tracker)
    r = run("add-observation", "--from", "in.csv")
    assert r.exit_code == 0, r.stderr
    # The row left out repeats the file's own line 2, not a figure of the store: said so
    # (it used to be counted as "already recorded", which sent the reader to the store).
    assert r.stderr == (
        "added 1 row(s) to observations.csv; left out: 0 already recorded there, 1 repeating an earlier row of in.csv\n"
    )
    assert store_bytes(tracker) == before + b"share,2025,13.1,,x,,2026-01-05T00:00:00Z\n"


def test_rows_left_out_are_told_apart_repeats_of_the_file_from_figures_of_the_store(tracker: Path):
    """Two rows already in the store (one of them twice) and a new figure twice: the store's
    are "already recorded", the second of the new figure repeats the file; a dry run says
    the same, in English and Vietnamese."""
    (tracker / "first.csv").write_text(
        "indicator,period,value,source,recorded_at\nshare,2024,12.5,y,2025-01-05\n", encoding="utf-8"
    )
    assert run("add-observation", "--from", "first.csv").exit_code == 0
    (tracker / "in.csv").write_text(
        "indicator,period,value,source,recorded_at\n"
        "share,2024,12.5,y,2025-01-05\n"
        "share,2025,13.1,x,2026-01-05\n"
        "share,2024,12.5,y,2025-01-05T00:00:00Z\n"
        "share,2025,13.1,x,2026-01-05\n",
        encoding="utf-8",
    )
    before = store_bytes(tracker)
    dry = run("add-observation", "--from", "in.csv", "--dry-run")
    assert dry.exit_code == 0, dry.stderr
    assert dry.stderr.splitlines()[-1] == (
        "dry run: would add 1 row(s) to observations.csv; left out: 2 already recorded there, "
        "1 repeating an earlier row of in.csv; nothing was written"
    )
    assert store_bytes(tracker) == before
    vi = run("--lang", "vi", "add-observation", "--from", "in.csv")
    assert vi.exit_code == 0, vi.stderr
    assert vi.stderr == (
        "đã thêm 1 dòng vào observations.csv; bỏ qua: 2 dòng đã có ở đó, 1 dòng lặp lại một dòng trước đó của in.csv\n"
    )
    assert store_bytes(tracker) == before + b"share,2025,13.1,,x,,2026-01-05T00:00:00Z\n"


def test_two_different_figures_for_one_moment_in_a_batch_are_still_refused(tracker: Path):
    (tracker / "in.csv").write_text(
        "indicator,period,value,source,recorded_at\nshare,2025,13.1,x,2026-01-05\nshare,2025,13.2,x,2026-01-05\n",
        encoding="utf-8",
    )
    before = store_bytes(tracker)
    r = run("add-observation", "--from", "in.csv")
    assert r.exit_code == 1
    assert "in.csv:3: error: share 2025 recorded at 2026-01-05 is already given on line 2" in r.stderr
    assert store_bytes(tracker) == before


def test_the_check_is_made_against_the_store_as_it_is_under_the_lock(tracker: Path):
    from qntrack.method.history import already_recorded
    from qntrack.plan.model import Observation
    from qntrack.plan.periods import parse_period
    from qntrack.files.appending import append_observations

    row = Observation("share", parse_period("2025"), 13.0, "", "s", "", "2026-01-05T00:00:00Z")
    path = tracker / "observations.csv"
    seen: list = []

    def keep(stored):
        seen.append(stored)
        return [r for r, known in zip([row], already_recorded(stored, [row]), strict=True) if not known]

    # Two writers that both validated before either appended: the second finds the first's row.
    assert append_observations(path, [row], keep) == [row]
    assert append_observations(path, [row], keep) == []
    assert [o.line for o in seen[1]] == [2, 3, 4, 5, 8]  # the rows of "share", with their line numbers
    assert len(read_store(path).observations) == 7


@pytest.mark.parametrize(
    "extra",
    [
        "",
        'share,2025,1,,"a, quoted source",,2026-01-01T00:00:00Z\n',
        'share,2025,2,,"two\nlines",,2026-01-01T00:00:00Z\n',  # a record over two lines: the full reader
        "share,2025,x,,bad row,,2026-01-01T00:00:00Z\n",  # a bad row is left out, not a refusal
        "sharecropping,2025,3,,,,2026-01-01T00:00:00Z\n",  # an id that starts the same is another id
    ],
)
def test_the_rows_an_append_compares_with_are_those_every_reader_sees(tracker: Path, extra: str):
    from qntrack.files.appending import _stored_now, stored_rows

    path = tracker / "observations.csv"
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(extra)
    data = path.read_bytes()
    general = [o for o in read_store(path).observations if o.indicator == "share"]
    assert list(stored_rows(data, {"share"}, str(path))) == general
    assert list(stored_rows(b"\xef\xbb\xbf" + data, {"share"}, str(path))) == general
    assert list(_stored_now(path, {"share"})) == general  # through a memory map, as under the lock
    many = {"share", "mining", *(f"x{i}" for i in range(10))}  # more ids than are looked up one by one
    assert list(stored_rows(data, many, str(path))) == [o for o in read_store(path).observations if o.indicator in many]


# --- 2. a batch is all or nothing, whenever the writer is killed ------------------------------

# PAUSED_IMPORT (helpers.py) runs `add-observation --from FILE` paused after its second
# chunk of the store, to be killed there.


def test_a_big_import_killed_mid_write_leaves_all_or_nothing(tracker: Path):
    import signal
    import subprocess
    import sys
    import time

    from datetime import datetime, timedelta

    start = datetime(2026, 2, 1)
    rows = "".join(
        f"share,{1950 + i % 280 // 4}-Q{i % 4 + 1},{i}.5,estimate,bulk source {i % 7},note {i},"
        f"{start + timedelta(seconds=i):%Y-%m-%dT%H:%M:%SZ}\n"
        for i in range(5_000)
    )
    (tracker / "big.csv").write_text("indicator,period,value,status,source,note,recorded_at\n" + rows, encoding="utf-8")
    before = store_bytes(tracker)
    status_before = run("status", "--format", "json").stdout
    marker = tracker / "paused"
    writer = subprocess.Popen([sys.executable, "-c", PAUSED_IMPORT, str(marker), "big.csv"], cwd=tracker)
    try:
        deadline = time.monotonic() + 120
        while not marker.exists() and writer.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert marker.exists(), "the writer never reached its second chunk"
        written = store_bytes(tracker)
        assert len(written) >= len(before) + 2 * (1 << 14)  # two chunks of the batch are in the file
        assert (tracker / "observations.csv.pending").exists()
        # A write in progress: every reader sees the committed rows only.
        assert run("status", "--format", "json").stdout == status_before
        seen = run("observations", "--format", "csv")
        assert seen.exit_code == 0 and seen.stdout.count("\n") == 7
        assert run("check").exit_code == 0
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=30)
    # Killed: the batch is refused everywhere, with the way out, and nothing is added to it.
    for args in (("status",), ("show", "share"), ("observations",), ("history", "share"), ("report",)):
        r = run(*args)
        assert r.exit_code == 1, args
        assert r.stderr == (
            "observations.csv: error: a batch of 5,000 row(s) was interrupted before it was complete "
            "(the rows before it are intact); run 'qntrack check --repair' to set it aside\n"
        ), args
    r = run("add-observation", "share", "2025", "14", "--recorded-at", "2026-03-01")
    assert r.exit_code == 1
    assert "nothing was added; run 'qntrack check --repair' to set it aside, then add again" in r.stderr
    checked = run("check")
    assert checked.exit_code == 1
    assert "observations.csv: error: a batch of 5,000 row(s) was interrupted" in checked.stderr
    assert store_bytes(tracker) == written
    repaired = run("check", "--repair")
    assert repaired.exit_code == 0, repaired.stderr
    assert repaired.stderr.startswith(
        f"rolled back an interrupted batch of 5,000 row(s) in observations.csv: moved "
        f"its {len(written) - len(before):,} byte(s) to observations.csv.interrupted-"
    )
    assert store_bytes(tracker) == before  # none of the batch
    side = [p for p in tracker.iterdir() if p.name.startswith("observations.csv.interrupted-")]
    assert len(side) == 1 and side[0].read_bytes() == written[len(before) :]  # kept, never deleted
    assert not (tracker / "observations.csv.pending").exists()
    assert run("status", "--format", "json").stdout == status_before
    # The whole batch goes in again, once.
    again = run("add-observation", "--from", "big.csv")
    # (the synthetic values jump against the plan's own figures: warnings follow, test_entry_jump.py)
    assert again.exit_code == 0
    assert again.stderr.splitlines()[0] == "added 5,000 row(s), 0 already recorded, to observations.csv"
    assert store_bytes(tracker) == before + rows.encode()


def _batch(tracker: Path, new_file: bool) -> tuple[bytes, bytes]:
    from qntrack.plan.model import Observation
    from qntrack.plan.periods import parse_period
    from qntrack.files.appending import append_observations

    path = tracker / "observations.csv"
    if new_file:
        path.unlink()
    before = path.read_bytes() if path.exists() else b""
    append_observations(
        path,
        [
            Observation(
                "share", parse_period(f"{2025 + i}"), 13 + i, "estimate", 's, "q"', "ghi chú", "2026-01-05T00:00:00Z"
            )
            for i in range(3)
        ],
    )
    return before, path.read_bytes()


@pytest.mark.parametrize("new_file", [False, True])
def test_repair_restores_the_bytes_before_a_batch_cut_at_any_offset(tracker: Path, new_file: bool):
    from qntrack.files.repair import roll_back
    from qntrack.files.journal import _JOURNAL, pending_path

    path = tracker / "observations.csv"
    before, after = _batch(tracker, new_file)
    expected = read_store(path).observations[: len(read_store(path).observations) - 3]
    for cut in range(len(before), len(after) + 1):
        path.write_bytes(after[:cut])
        pending_path(path).write_bytes(f"{_JOURNAL}size {len(before)}\nrows 3\n".encode())
        # Readers see exactly the committed rows, whatever was cut.
        assert read_store(path, committed_only=True).observations == expected, cut
        done = roll_back(path)
        assert done is not None and done.rows == 3 and done.size == len(before)
        assert path.read_bytes() == before, cut
        assert not pending_path(path).exists()
        if cut > len(before):
            assert done.side_file is not None and done.side_file.read_bytes() == after[len(before) : cut]
            done.side_file.unlink()
        else:
            assert done.side_file is None
    assert roll_back(path) is None


# --- 3. a whole last row without its newline is a row -----------------------------------------

NO_NEWLINE = b"mining,2023,16.9,official,src-n,,2024-02-01T00:00:00Z"


@pytest.mark.parametrize("cache", ["0", "1"])
def test_a_last_row_saved_without_its_newline_is_read(tracker: Path, monkeypatch: pytest.MonkeyPatch, cache: str):
    monkeypatch.setenv("QNTRACK_NO_CACHE", cache)
    path = tracker / "observations.csv"
    with_newline = store_bytes(tracker) + NO_NEWLINE + b"\n"
    path.write_bytes(with_newline)
    expected = {a: run(*a).stdout for a in (("status", "--format", "json"), ("observations", "--format", "csv"))}
    assert "16.9" in expected[("observations", "--format", "csv")]
    path.write_bytes(with_newline[:-1])  # as Notepad saves it
    for args, out in expected.items():
        r = run(*args)
        assert (r.exit_code, r.stdout, r.stderr) == (0, out, ""), args
    assert run("status", "--format", "json").stdout == expected[("status", "--format", "json")]  # cached
    contents = read_store(path)
    assert contents.torn_line == 0 and contents.problems == ()
    assert contents.observations[-1].value == 16.9 and contents.observations[-1].line == 8
    assert run("check").exit_code == 0


def test_check_repair_leaves_a_whole_last_row_in_place(tracker: Path):
    path = tracker / "observations.csv"
    path.write_bytes(store_bytes(tracker) + NO_NEWLINE)
    before = store_bytes(tracker)
    r = run("check", "--repair")
    assert r.exit_code == 0 and r.stderr.startswith("nothing to repair: ")
    assert store_bytes(tracker) == before
    assert not [p for p in tracker.iterdir() if ".torn-" in p.name]


def test_add_observation_adds_the_missing_newline_first(tracker: Path):
    path = tracker / "observations.csv"
    path.write_bytes(store_bytes(tracker) + NO_NEWLINE)
    before = store_bytes(tracker)
    r = run("add-observation", "share", "2025", "14", "--recorded-at", "2026-03-01")
    assert r.exit_code == 0, r.stderr
    assert store_bytes(tracker) == before + b"\nshare,2025,14,,,,2026-03-01T00:00:00Z\n"
    assert len(read_store(path).observations) == 8


@pytest.mark.parametrize(
    "tail",
    [
        b"mining,2023,16.9,official,src-n,,2024-02-01T00:00:0",  # cut in the timestamp
        b"mining,2023,16.9,official,src-n",  # too few cells
        b'mining,2023,16.9,official,"src-n',
    ],
)  # an open quote
def test_a_last_line_that_does_not_read_is_still_torn(tracker: Path, tail: bytes):
    path = tracker / "observations.csv"
    path.write_bytes(store_bytes(tracker) + tail)
    assert read_store(path).torn_line == 8
    before = store_bytes(tracker)
    r = run("add-observation", "share", "2025", "14", "--recorded-at", "2026-03-01")
    assert r.exit_code == 1 and "incomplete row" in r.stderr
    assert store_bytes(tracker) == before


# --- 4. qntrack retract -------------------------------------------------------------------------


def _share_2023(args: tuple[str, ...] = ()) -> list:
    doc = __import__("json").loads(run("observations", "--indicator", "share", "--format", "json", *args).stdout)
    return [o for o in doc["observations"] if o["period"] == "2023"]


def test_retract_withdraws_the_figure_in_force(tracker: Path):
    before = store_bytes(tracker)
    assert [o["value"] for o in _share_2023()] == [12.3]
    r = run("retract", "share", "2023", "--note", "typo: 12.3 was 2023-9M", "--recorded-at", "2024-01-02")
    assert r.exit_code == 0, r.stderr
    assert r.stderr == "retracted share 2023 (was 12.3, recorded 2023-10-15) in observations.csv\n"
    assert store_bytes(tracker) == before + b"share,2023,,retracted,,typo: 12.3 was 2023-9M,2024-01-02T00:00:00Z\n"
    # No figure in force now; the day before the retraction still shows it.
    assert _share_2023() == []
    assert [o["value"] for o in _share_2023(("--as-of", "2024-01-01"))] == [12.3]
    assert run("check").exit_code == 0
    # history shows the retraction as a vintage, in force, with no value.
    doc = __import__("json").loads(run("history", "share", "2023", "--format", "json").stdout)
    assert [(v["value"], v["status"], v["in_force"], v["revises"]) for v in doc["vintages"]] == [
        (None, "retracted", True, 12.3),
        (12.3, "estimate", False, None),
    ]
    csv_out = run("history", "share", "2023", "--format", "csv").stdout.splitlines()
    # revises (sixteenth session): the retraction withdrew 12.3; as_of (twenty-fourth), empty;
    # where 12.3 came from, conftest's src-c of 2023-10-15 (twenty-fifth session).
    assert csv_out[1] == (
        "2023,,retracted,,typo: 12.3 was 2023-9M,2024-01-02T00:00:00Z,true,8,12.3,,src-c,2023-10-15T00:00:00Z,estimate"
    )
    table = runner.invoke(app, ["history", "share", "2023", "--format", "table"], env={"COLUMNS": "150"}).stdout
    assert "retracted" in table and "nan" not in table
    # A later figure re-enters one.
    assert run("add-observation", "share", "2023", "12.1", "--recorded-at", "2024-02-01").exit_code == 0
    assert [o["value"] for o in _share_2023()] == [12.1]


@pytest.mark.parametrize("cache", ["0", "1"])
def test_every_reader_accepts_a_retraction_and_the_figure_leaves_status(
    tracker: Path, monkeypatch: pytest.MonkeyPatch, cache: str
):
    monkeypatch.setenv("QNTRACK_NO_CACHE", cache)
    run("status", "--format", "json")  # a cache of the figures before, when there is one
    # What status shows without the 2024-Q1 figure, computed from a store that never had it:
    path = tracker / "observations.csv"
    full = store_bytes(tracker)
    path.write_bytes(full.replace(b"share,2024-Q1,12.9,estimate,src-d,,2024-04-05T00:00:00Z\n", b""))
    expected = run("status", "--format", "json").stdout
    path.write_bytes(full)
    assert run("status", "--format", "json").stdout != expected
    assert run("retract", "share", "2024-Q1", "--recorded-at", "2024-05-01").exit_code == 0
    # The same document but each target's `withdrawn`, which (since the twentieth session)
    # says the figure withdrawn; twice, the second from the cache if there is one.
    for _ in range(2):
        after = json.loads(run("status", "--format", "json").stdout)
        said = [[w["period"] for w in t.pop("withdrawn")] for t in after["targets"]]
        before = json.loads(expected)
        assert [t.pop("withdrawn") for t in before["targets"]] == [[] for _ in before["targets"]]
        assert after == before
        assert ["2024-Q1"] in said
    data = store_bytes(tracker)
    general = read_store(path).observations
    from qntrack.files import store

    assert store._parse_text(data.decode(), str(path)).observations[-1] == general[-1]
    assert general[-1].status == "retracted" and general[-1].value != general[-1].value  # NaN in memory


def test_retracting_a_period_without_a_figure_is_an_error_naming_it(tracker: Path):
    before = store_bytes(tracker)
    r = run("retract", "share", "2019")
    assert r.exit_code == 1
    assert r.stderr == "retract: error: share 2019 has no figure in force to retract (see 'qntrack history share')\n"
    assert run("retract", "share", "2023", "--recorded-at", "2024-01-02").exit_code == 0
    again = run("retract", "share", "2023", "--recorded-at", "2024-01-03")
    assert again.exit_code == 1 and "share 2023 has no figure in force to retract" in again.stderr
    # Before any figure was recorded there was nothing to withdraw either: said with the
    # figure in force now, which came later (the provenance pass, issue 17).
    early = run("retract", "share", "2022", "--recorded-at", "2022-06-01")
    assert early.exit_code == 1 and "would withdraw nothing: no figure of it was in force then" in early.stderr
    assert run("retract", "nope", "2023").exit_code == 1
    assert len(store_bytes(tracker)) > len(before)


@pytest.mark.parametrize(
    "row, message",
    [
        ("share,2023,5,retracted,,,2024-01-02T00:00:00Z", "a retraction has no value; leave the value empty"),
        ("share,2023,,estimate,,,2024-01-02T00:00:00Z", "the value is empty: a figure not yet published needs no row"),
    ],
)
def test_a_retraction_with_a_value_or_a_figure_without_one_is_refused(tracker: Path, row: str, message: str):
    path = tracker / "observations.csv"
    # The same ending twice: the fast reader must check the second row too, not reuse the first.
    path.write_bytes(store_bytes(tracker) + b"share,2022,,retracted,,,2024-01-02T00:00:00Z\n" + row.encode() + b"\n")
    contents = read_store(path)
    assert [str(p) for p in contents.problems] == [
        f"{path}:9: error: {message}" + ("" if "retraction" in message else _EMPTY_REST)
    ]


_EMPTY_REST = (
    " in the observations file; delete the line and record the figure once it is published"
    " (qntrack add-observation), or, to withdraw the figure in force, give the row the status retracted"
)


def test_a_store_with_a_retraction_imported_into_itself_adds_nothing(tracker: Path):
    assert run("retract", "share", "2023", "--recorded-at", "2024-01-02").exit_code == 0
    before = store_bytes(tracker)
    r = run("add-observation", "--from", "observations.csv")
    assert r.exit_code == 0, r.stderr
    assert r.stderr == "nothing to add: all 7 row(s) are already recorded in observations.csv\n"
    assert store_bytes(tracker) == before


def test_the_review_report_lists_a_retraction_as_retracted(tracker: Path):
    import json

    assert run("retract", "share", "2023", "--recorded-at", "2024-01-02").exit_code == 0
    doc = json.loads(run("report", "--format", "json", "--since", "2024-01-01").stdout)
    changes = [o for o in doc["since"]["observations"] if o["period"] == "2023"]
    assert [(o["value"], o["status"], o["change"], o["previous_value"]) for o in changes] == [
        (None, "retracted", "retracted", 12.3)
    ]
    md = run("report", "--format", "markdown", "--since", "2024-01-01").stdout
    # The figure withdrawn marked "[1]", its line under the table naming its source (twenty-sixth session).
    assert "| Manufacturing share (share) | 2023 | – | – | retracted | 12.3%\\[1\\] |  | 2024-01-02 |" in md


def test_the_cache_follows_an_append_after_a_row_without_its_newline(tracker: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("QNTRACK_NO_CACHE", "0")
    path = tracker / "observations.csv"
    path.write_bytes(store_bytes(tracker) + NO_NEWLINE)
    assert run("status", "--format", "json").exit_code == 0  # the cache is made
    assert run("add-observation", "share", "2025", "14", "--recorded-at", "2026-03-01").exit_code == 0
    cached = run("status", "--format", "json").stdout
    monkeypatch.setenv("QNTRACK_NO_CACHE", "1")
    assert cached == run("status", "--format", "json").stdout


def test_a_journal_qntrack_did_not_write_is_refused_by_name(tracker: Path):
    (tracker / "observations.csv.pending").write_text("hello\n", encoding="utf-8")
    r = run("status")
    assert r.exit_code == 1
    assert r.stderr.startswith("observations.csv.pending: error: is not an append journal qntrack wrote")
    assert "Traceback" not in r.stderr


# --- Ctrl-C: what an interrupted command left behind (issue 17's hostile pass) -------------


def _interrupt_at(monkeypatch: pytest.MonkeyPatch, target: object, name: str, after: int = 0) -> None:
    """Ctrl-C (a KeyboardInterrupt) on the ``after``+1-th call of ``target.name``."""
    real = getattr(target, name)
    calls = []

    def interrupted(*a, **k):
        calls.append(1)
        if len(calls) > after:
            raise KeyboardInterrupt
        return real(*a, **k)

    monkeypatch.setattr(target, name, interrupted)


IMPORTED = "indicator,period,value,source,recorded_at\nshare,2025,13.1,x,2026-01-05\nshare,2024,12.2,x,2025-01-05\n"


def test_ctrl_c_after_the_rows_were_added_says_they_are_recorded(tracker: Path, monkeypatch: pytest.MonkeyPatch):
    """An import interrupted after its batch was whole exited 130 in silence, which reads as
    a failed import although every row was written."""
    from qntrack.files import repair

    (tracker / "in.csv").write_text(IMPORTED, encoding="utf-8")
    before = store_bytes(tracker)
    _interrupt_at(monkeypatch, repair, "sync_folder", after=1)  # the folder synced after the journal goes
    r = run("add-observation", "--from", "in.csv")
    assert r.exit_code == 130
    assert r.stderr == "interrupted (Ctrl-C) after 2 row(s) were added to observations.csv: they are recorded\n"
    assert "Traceback" not in r.output
    assert (
        store_bytes(tracker).startswith(before)
        and len(store_bytes(tracker).splitlines()) == len(before.splitlines()) + 2
    )
    assert not (tracker / "observations.csv.pending").exists()


def test_ctrl_c_between_two_writes_of_a_batch_leaves_the_store_as_it_was(
    tracker: Path, monkeypatch: pytest.MonkeyPatch
):
    """Ctrl-C between two writes of a batch left part of it with its journal (every reader
    then refused the store until check --repair): the batch is cut back off, as after a
    full disk, and the command says nothing was added."""
    from qntrack.files import appending

    (tracker / "in.csv").write_text(IMPORTED, encoding="utf-8")
    before = store_bytes(tracker)
    _interrupt_at(monkeypatch, appending.os, "fsync")
    r = run("add-observation", "--from", "in.csv")
    assert r.exit_code == 130
    assert r.stderr == "interrupted (Ctrl-C); nothing was added to the observations file\n"
    assert store_bytes(tracker) == before
    assert [p.name for p in tracker.iterdir() if "pending" in p.name or "journal" in p.name] == []
    monkeypatch.undo()
    assert run("check").exit_code == 0


def test_ctrl_c_before_any_write_says_nothing_was_added_in_either_language(
    tracker: Path, monkeypatch: pytest.MonkeyPatch
):
    from qntrack.files import importing

    (tracker / "in.csv").write_text(IMPORTED, encoding="utf-8")
    before = store_bytes(tracker)
    _interrupt_at(monkeypatch, importing, "decode_source")
    r = run("--lang", "vi", "add-observation", "--from", "in.csv")
    assert r.exit_code == 130
    assert r.stderr == "đã dừng (Ctrl-C); không có dòng nào được thêm vào tệp số liệu\n"
    assert store_bytes(tracker) == before


@pytest.mark.parametrize(
    "args", [("status",), ("observations", "--format", "csv"), ("history", "share"), ("report", "-o", "r.html")]
)
def test_ctrl_c_in_a_command_that_adds_nothing_says_only_that_it_was_interrupted(
    tracker: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
):
    """Ctrl-C in `status` on a national store said "nothing was added to the observations
    file", as if it could have added something."""
    from qntrack.files import plan_loading

    before = store_bytes(tracker)
    _interrupt_at(monkeypatch, plan_loading, "load_plan")  # where every command reads the plan
    r = run(*args)
    assert r.exit_code == 130
    assert r.stderr == "interrupted (Ctrl-C)\n"
    r = run("--lang", "vi", *args)
    assert r.stderr == "đã dừng (Ctrl-C)\n"
    assert store_bytes(tracker) == before
    assert not (tracker / "r.html").exists()


def test_the_commands_said_to_add_rows_are_commands():
    # _ADDS_ROWS names command functions: a renamed one would quietly lose its message.
    from qntrack.cli import app
    from qntrack.cli.app import _ADDS_ROWS

    assert _ADDS_ROWS <= {c.callback.__name__ for c in app.registered_commands if c.callback}
