"""Defects the review of the fourteenth session's passes found (issue 17), each checked
through the command line as a user meets it (docs/decisions.md, "The fourteenth
session's review pass")."""

from __future__ import annotations

from pathlib import Path

from helpers import run_clean
from conftest import STORE_HEADER

HEADER = STORE_HEADER


def _import(tracker: Path, rows: str, *extra: str):
    (tracker / "in.csv").write_text(HEADER + rows, encoding="utf-8")
    return run_clean("add-observation", "--from", "in.csv", *extra)


def test_a_retraction_listed_before_the_figure_it_withdraws_is_recorded(tracker: Path) -> None:
    # A file sorted newest first: the retraction (2024-06-01) comes on the line before the
    # figure it withdraws (2024-05-01). By the store's rule (the latest recorded_at is in
    # force) the figure is in force at the retraction's moment, whatever the line order.
    rows = "share,2019,,retracted,x,,2024-06-01T00:00:00Z\nshare,2019,10.1,estimate,x,,2024-05-01T00:00:00Z\n"
    r = _import(tracker, rows)
    assert r.exit_code == 0, r.output
    assert (tracker / "observations.csv").read_text(encoding="utf-8").endswith(rows)


def test_a_retraction_before_a_figure_of_the_same_moment_later_in_the_file_is_refused(tracker: Path) -> None:
    # Same moment: the later line is in force after both, so the retraction came first and
    # withdrew nothing.
    rows = "share,2019,,retracted,x,,2024-06-01T00:00:00Z\nshare,2019,10.1,estimate,x,,2024-06-01T00:00:00Z\n"
    r = _import(tracker, rows, "--dry-run")
    assert r.exit_code == 1 and "in.csv:2:" in r.stderr, r.output


def test_an_as_of_day_is_after_today_by_this_machine_s_calendar(tracker: Path, monkeypatch) -> None:
    # "Today" of the future-day warning was the UTC date, where every other "today" of
    # qntrack (reference_day: the deadlines, report --since) is the machine's: in Hanoi
    # before 07:00, `status --as-of` today's date was said to be "after today". Two zones
    # 26 hours apart: at any hour, in one of them the local date is not the UTC date.
    import time
    from datetime import date, timedelta

    for zone in ("Etc/GMT-14", "Etc/GMT+12"):
        monkeypatch.setenv("TZ", zone)
        time.tzset()
        try:
            today = date.today()
            same = run_clean("status", "--format", "json", "--as-of", today.isoformat())
            assert same.exit_code == 0 and same.stderr == "", (zone, same.stderr)
            later = (today + timedelta(days=1)).isoformat()
            after = run_clean("status", "--format", "json", "--as-of", later)
            assert f"{later} is after today ({today.isoformat()})" in after.stderr, (zone, after.stderr)
        finally:
            monkeypatch.delenv("TZ")
            time.tzset()


def test_check_repair_of_a_clean_store_removes_a_killed_append_s_journal_copy(tracker: Path) -> None:
    # SIGKILL while an append wrote its journal (through a temporary file) leaves
    # `.observations.csv.pending.XXXXXXXX.tmp`, no journal, and a store that ends with a
    # whole row. `check --repair` said "nothing to repair" without the lock, and so never
    # removed it: the durability pass's sweep ran only for a torn line or a journal.
    before = (tracker / "observations.csv").read_bytes()
    journal_tmp = tracker / ".observations.csv.pending.7hd02kqz.tmp"
    journal_tmp.write_bytes(b"qntrack append journal 1\n")
    other = tracker / ".targets.yaml.k3j9x0qa.tmp"  # not the store's: left alone
    other.write_bytes(b"x")
    r = run_clean("check", "--repair")
    assert r.exit_code == 0, r.stderr
    assert "nothing to repair" in r.stderr
    assert not journal_tmp.exists() and other.exists()
    assert (tracker / "observations.csv").read_bytes() == before


def test_a_dry_run_of_an_empty_value_retracted_judges_it_as_the_retraction_would(tracker: Path) -> None:
    # `add-observation IND PERIOD "" --status retracted` is `retract` (the docs pass); its
    # --dry-run went the way of a figure and showed the row it "would add", exit 0, where
    # the run itself refuses it: a retraction dated before a later vintage withdraws
    # nothing current. A dry run says what the run would do.
    later = run_clean("add-observation", "share", "2022", "11.6", "--recorded-at", "2024-02-01")
    assert later.exit_code == 0, later.output
    args = ("add-observation", "share", "2022", "", "--status", "retracted", "--recorded-at", "2023-06-01")
    dry = run_clean(*args, "--dry-run")
    real = run_clean(*args)
    assert real.exit_code == 1 and "later vintage" in real.stderr, real.output
    assert dry.exit_code == 1, dry.output
    assert dry.stderr == real.stderr
    # One that the run records is shown, as before.
    ok = run_clean("add-observation", "share", "2022", "", "--status", "retracted", "--dry-run")
    assert ok.exit_code == 0 and "retracted" in ok.stdout, ok.output


_GROWTH = """\
version: 1
title: {en: "T", vi: "T"}
observations: observations.csv
indicators:
  g:
    name: {en: "Growth", vi: "Tăng trưởng"}
    unit: {en: "%", vi: "%"}
    measure: rate
    direction: increase
    frequency: year
targets: []
"""


def test_a_slip_between_a_negative_and_a_positive_neighbour_is_still_warned_of(tmp_path: Path, monkeypatch) -> None:
    # The onboarding pass: a neighbour of opposite sign is no slip. It made that neighbour
    # a veto, so 142 (for 14.2) back-filled between -1.39 (2021) and 8.0 (2023) went
    # unsaid, though it is 17.75 times the neighbour of its own sign, where the code
    # before warned of it. The opposite-sign neighbour is now left out of the comparison.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "targets.yaml").write_text(_GROWTH, encoding="utf-8")
    (tmp_path / "observations.csv").write_text(
        HEADER
        + "g,2020,6.0,official,x,,2021-03-01T00:00:00Z\n"
        + "g,2021,-1.39,official,x,,2022-03-01T00:00:00Z\n"
        + "g,2023,8.0,official,x,,2024-03-01T00:00:00Z\n",
        encoding="utf-8",
    )
    slip = run_clean("add-observation", "g", "2022", "142", "--dry-run")
    assert slip.exit_code == 0, slip.output
    assert "g 2022 = 142 is 17.8 times the figure for 2023 (8)" in slip.stderr, slip.stderr
    fine = run_clean("add-observation", "g", "2022", "14.2", "--dry-run")
    assert fine.exit_code == 0 and "times" not in fine.stderr, fine.stderr
