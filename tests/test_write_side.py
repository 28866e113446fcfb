"""The store's write side: idempotent imports, all-or-nothing batches under SIGKILL, a last
row without its newline, and retractions (issue 12)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from qntrack.cli import app
from qntrack.store import read_store

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


def store_bytes(folder: Path) -> bytes:
    return (folder / "observations.csv").read_bytes()


# --- 1. idempotent imports -----------------------------------------------------------------

IMPORT = ("indicator,period,value,status,source,recorded_at\n"
          "share,2025,13.1,estimate,src-x,2026-01-05T00:00:00Z\n"
          "share,2024,12.8,official,src-y,2025-03-01T00:00:00Z\n"
          "mining,2024,16.2,,src-z,2025-03-01T00:00:00Z\n")


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
    (tracker / "more.csv").write_text(IMPORT + "share,2026-Q1,13.5,estimate,src-w,2026-04-05T00:00:00Z\n",
                                      encoding="utf-8")
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
    r = run("add-observation", "share", "2022", "11.50", "--source", "src-b", "--recorded-at", "2023-01-10T07:00:00+07:00")
    assert r.exit_code == 0, r.stderr
    assert r.stderr == ("nothing to add: share 2022 = 11.5 (src-b, recorded 2023-01-10T00:00:00Z) is already "
                        "recorded in observations.csv\n")
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
    (tracker / "in.csv").write_text("indicator,period,value,source\nshare,2025,13.1,x\nmining,2024,16,y\n",
                                    encoding="utf-8")
    assert run("add-observation", "--from", "in.csv").stderr == "added 2 row(s), 0 already recorded, to observations.csv\n"
    before = store_bytes(tracker)
    r = run("add-observation", "--from", "in.csv")
    assert r.exit_code == 0
    assert r.stderr == "nothing to add: all 2 row(s) are already recorded in observations.csv\n"
    assert store_bytes(tracker) == before


def test_a_repeated_row_inside_one_batch_is_added_once(tracker: Path):
    (tracker / "in.csv").write_text("indicator,period,value,source,recorded_at\n"
                                    "share,2025,13.1,x,2026-01-05\n"
                                    "share,2025,13.10,x,2026-01-05T00:00:00Z\n", encoding="utf-8")
    before = store_bytes(tracker)
    r = run("add-observation", "--from", "in.csv")
    assert r.exit_code == 0, r.stderr
    assert r.stderr == "added 1 row(s), 1 already recorded, to observations.csv\n"
    assert store_bytes(tracker) == before + b"share,2025,13.1,,x,,2026-01-05T00:00:00Z\n"


def test_two_different_figures_for_one_moment_in_a_batch_are_still_refused(tracker: Path):
    (tracker / "in.csv").write_text("indicator,period,value,source,recorded_at\n"
                                    "share,2025,13.1,x,2026-01-05\n"
                                    "share,2025,13.2,x,2026-01-05\n", encoding="utf-8")
    before = store_bytes(tracker)
    r = run("add-observation", "--from", "in.csv")
    assert r.exit_code == 1
    assert "in.csv:3: error: share 2025 recorded at 2026-01-05 is already given on line 2" in r.stderr
    assert store_bytes(tracker) == before


def test_the_check_is_made_against_the_store_as_it_is_under_the_lock(tracker: Path):
    from qntrack.history import already_recorded
    from qntrack.model import Observation
    from qntrack.periods import parse_period
    from qntrack.store import append_observations

    row = Observation("share", parse_period("2025"), 13.0, "", "s", "", "2026-01-05T00:00:00Z")
    path = tracker / "observations.csv"
    seen: list = []

    def keep(stored):
        seen.append(stored)
        return [r for r, known in zip([row], already_recorded(stored, [row])) if not known]

    # Two writers that both validated before either appended: the second finds the first's row.
    assert append_observations(path, [row], keep) == [row]
    assert append_observations(path, [row], keep) == []
    assert [o.line for o in seen[1]] == [2, 3, 4, 5, 8]  # the rows of "share", with their line numbers
    assert len(read_store(path).observations) == 7


@pytest.mark.parametrize("extra", [
    "",
    'share,2025,1,,"a, quoted source",,2026-01-01T00:00:00Z\n',
    'share,2025,2,,"two\nlines",,2026-01-01T00:00:00Z\n',   # a record over two lines: the full reader
    "share,2025,x,,bad row,,2026-01-01T00:00:00Z\n",        # a bad row is left out, not a refusal
    "sharecropping,2025,3,,,,2026-01-01T00:00:00Z\n",       # an id that starts the same is another id
])
def test_the_rows_an_append_compares_with_are_those_every_reader_sees(tracker: Path, extra: str):
    from qntrack.store import stored_rows

    path = tracker / "observations.csv"
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(extra)
    data = path.read_bytes()
    general = [o for o in read_store(path).observations if o.indicator == "share"]
    assert list(stored_rows(data, {"share"}, str(path))) == general
    assert list(stored_rows(b"\xef\xbb\xbf" + data, {"share"}, str(path))) == general
