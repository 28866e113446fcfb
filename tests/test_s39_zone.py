"""Issue 17, thirty-ninth session: a plan's day ends at midnight in its own zone.

A provincial officer in Hà Nội (``timezone: +07:00``) asks what was known at the meeting
of 2 July and what was published after the review of 30 June. Until this session every day
ended at 23:59:59 UTC, 06:59:59 the next morning in Hà Nội, so that:

- a figure published at 06:30 on 3 July there (23:30 UTC on 2 July) counted ``--as-of
  2025-07-02``, the day before it was known;
- a revision recorded at 06:15 on 1 July there (23:15 UTC on 30 June) was missing from
  ``report --since 2025-06-30``, though published after the review;
- its "recorded" day read 2 July (or 30 June), a day it was not published on.

The expected days below are worked out by hand: 23:30 UTC + 7 h = 06:30 the next day;
the end of 2 July in Hà Nội is 2 July 23:59:59 − 7 h = 16:59:59 UTC. Without ``timezone:``
the days stay UTC days, as before.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean

PLAN = """\
version: 1
title: "Zoned plan"
{zone}indicators:
  share:
    name: {{en: "Manufacturing share", vi: "Tỷ trọng chế biến"}}
    unit: "%"
    direction: increase
    frequency: quarter
targets:
  - id: share
    indicator: share
    baseline: {{period: 2020, value: 9.8}}
    milestones:
      - {{by: 2025, value: 15}}
      - {{by: 2030, value: 30}}
"""

STORE = """\
indicator,period,value,status,source,note,recorded_at
share,2025-Q1,12.0,,src-a,,2025-04-20T02:00:00Z
share,2025-Q1,12.2,,src-b,revised,2025-06-30T23:15:00Z
share,2025-Q2,13.0,estimate,src-c,,2025-07-02T23:30:00Z
"""


@pytest.fixture
def hanoi(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, PLAN.format(zone='timezone: "+07:00"\n'), STORE)


@pytest.fixture
def utc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, PLAN.format(zone=""), STORE)


@pytest.fixture
def new_york(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, PLAN.format(zone='timezone: "-05:00"\n'), STORE)


def _latest(as_of: str) -> tuple[str, float]:
    r = run_clean("status", "--format", "json", "--as-of", as_of)
    assert r.exit_code == 0, r.output
    (target,) = json.loads(r.stdout)["targets"]
    return target["provisional"]["period"], target["provisional"]["value"]  # a quarter: part of a year


@pytest.mark.usefixtures("hanoi")
def test_a_figure_published_at_6_30_on_3_july_in_hanoi_is_not_known_as_of_2_july() -> None:
    # By the end of 2 July in Hà Nội: Q1's first figure and its revision of 1 July, 06:15.
    assert _latest("2025-07-02") == ("2025-Q1", 12.2)
    assert _latest("2025-07-03") == ("2025-Q2", 13.0)


@pytest.mark.usefixtures("hanoi")
def test_a_revision_at_6_15_on_1_july_in_hanoi_is_not_known_as_of_30_june() -> None:
    assert _latest("2025-06-30") == ("2025-Q1", 12.0)


@pytest.mark.usefixtures("utc")
def test_without_a_zone_the_day_ends_at_midnight_utc_as_before() -> None:
    assert _latest("2025-06-30") == ("2025-Q1", 12.2)
    assert _latest("2025-07-02") == ("2025-Q2", 13.0)


def test_west_of_greenwich_the_day_ends_later_in_utc(new_york: Path) -> None:
    # 02:00 UTC on 3 July is 21:00 on 2 July at -05:00: known by the end of 2 July there.
    with (new_york / "observations.csv").open("a", encoding="utf-8") as f:
        f.write("share,2025-Q2,13.1,estimate,src-d,,2025-07-03T02:00:00Z\n")
    assert _latest("2025-07-02") == ("2025-Q2", 13.1)
    assert _latest("2025-07-01") == ("2025-Q1", 12.2)


@pytest.mark.usefixtures("hanoi")
def test_history_lists_what_2_july_knew_and_the_days_each_figure_was_recorded_on_there() -> None:
    r = run_clean("history", "share", "--as-of", "2025-07-02", "--format", "json")
    assert r.exit_code == 0, r.output
    got = [(v["period"], v["value"]) for v in json.loads(r.stdout)["vintages"]]
    assert got == [("2025-Q1", 12.2), ("2025-Q1", 12.0)]
    # history's table keeps each stored moment, in UTC as its Z says, for a reader to
    # search the store for; the tables that show a day show Hà Nội's (below).


@pytest.mark.parametrize("command", [("show", "share"), ("observations",)])
@pytest.mark.usefixtures("hanoi")
def test_the_recorded_days_of_the_tables_are_hanoi_days(command: tuple[str, ...]) -> None:
    # 23:15 UTC on 30 June is 06:15 on 1 July there; 23:30 UTC on 2 July, 06:30 on 3 July.
    table = run_clean(*command, "--format", "table", env={"COLUMNS": "200"})
    assert table.exit_code == 0, table.output
    assert "2025-07-01" in table.stdout and "2025-07-03" in table.stdout, table.stdout
    assert "2025-06-30" not in table.stdout and "2025-07-02" not in table.stdout, table.stdout
    vi = run_clean("--lang", "vi", *command, "--format", "table", env={"COLUMNS": "200"})
    assert "01/07/2025" in vi.stdout and "03/07/2025" in vi.stdout, vi.stdout


@pytest.mark.usefixtures("hanoi")
def test_the_as_of_notice_counts_what_came_after_the_day_in_hanoi() -> None:
    r = run_clean("history", "share", "--as-of", "2025-07-02")
    assert r.exit_code == 0, r.output
    # One row came after the end of 2 July in Hà Nội: Q2's, at 23:30 UTC that day.
    # Written in the plan's zone, its offset kept: 06:30 on 3 July there, after the 2nd.
    assert "recorded 2025-07-03T06:30:00+07:00 (after 2025-07-02)" in r.stderr, r.stderr
    assert "by the end of 2025-07-02 (UTC+07:00)" in r.stderr, r.stderr
    vi = run_clean("--lang", "vi", "history", "share", "--as-of", "2025-07-02")
    assert "06:30 UTC+07:00 ngày 03/07/2025 (sau ngày 02/07/2025)" in vi.stderr, vi.stderr
    assert "(giờ UTC+07:00)" in vi.stderr, vi.stderr


@pytest.mark.usefixtures("hanoi")
def test_observations_and_show_as_of_2_july_leave_out_the_figure_of_3_july() -> None:
    r = run_clean("observations", "--indicator", "share", "--as-of", "2025-07-02", "--format", "json")
    assert r.exit_code == 0, r.output
    assert [(o["period"], o["value"]) for o in json.loads(r.stdout)["observations"]] == [("2025-Q1", 12.2)]
    s = run_clean("show", "share", "--as-of", "2025-07-02", "--format", "json")
    assert s.exit_code == 0, s.output
    assert [(o["period"], o["value"]) for o in json.loads(s.stdout)["observations"]] == [("2025-Q1", 12.2)]


def test_the_review_since_30_june_lists_the_revision_of_1_july_morning(hanoi: Path) -> None:
    import qntrack

    ws = qntrack.open_workspace(hanoi / "targets.yaml", "2025-07-03")
    data = qntrack.build_report(ws.plan, ws.series, ws.store.observations, as_of="2025-07-03", since="2025-06-30")
    assert data.since is not None
    changed = sorted((str(c.observation.period), c.observation.value) for c in data.since.changes)
    assert changed == [("2025-Q1", 12.2), ("2025-Q2", 13.0)]
    assert data.recorded_through == "2025-07-03"


def test_the_report_heading_says_figures_recorded_up_to_the_day_in_hanoi(hanoi: Path) -> None:
    r = run_clean("report", "--format", "markdown", "-o", "-")
    assert r.exit_code == 0, r.output
    # The last figure was recorded at 06:30 on 3 July in Hà Nội.
    assert "2025-07-03" in r.stdout and "2025-07-02" not in r.stdout, r.stdout


def test_the_review_since_30_june_in_utc_leaves_the_revision_out_as_before(utc: Path) -> None:
    import qntrack

    ws = qntrack.open_workspace(utc / "targets.yaml", "2025-07-03")
    data = qntrack.build_report(ws.plan, ws.series, ws.store.observations, as_of="2025-07-03", since="2025-06-30")
    assert data.since is not None
    assert [str(c.observation.period) for c in data.since.changes] == ["2025-Q2"]
    assert data.recorded_through == "2025-07-02"


@pytest.mark.usefixtures("hanoi")
def test_a_time_typed_in_hanoi_is_confirmed_without_a_utc_day_note() -> None:
    r = run_clean("add-observation", "share", "2025-Q3", "13.5", "--recorded-at", "2025-10-03T06:30", "-n")
    assert r.exit_code == 0, r.output
    assert "UTC" not in r.stderr, r.stderr  # 06:30 on 3 October in Hà Nội is recorded on 3 October


@pytest.mark.usefixtures("hanoi")
def test_a_time_typed_in_utc_that_is_the_next_day_in_hanoi_is_said_so() -> None:
    r = run_clean("add-observation", "share", "2025-Q3", "13.5", "--recorded-at", "2025-10-02T23:30:00Z", "-n")
    assert r.exit_code == 0, r.output
    assert "falls on 2025-10-03 in the plan's zone (UTC+07:00)" in " ".join(r.stderr.split()), r.stderr
    vi = run_clean(
        "--lang", "vi", "add-observation", "share", "2025-Q3", "13.5", "--recorded-at", "2025-10-02T23:30:00Z", "-n"
    )  # fmt: skip
    said = " ".join(vi.stderr.split())
    assert "rơi vào ngày 03/10/2025 theo múi giờ của kế hoạch (UTC+07:00)" in said, said


def test_a_bare_date_west_of_greenwich_is_that_day_in_both_calendars(new_york: Path) -> None:
    r = run_clean("add-observation", "share", "2025-Q3", "13.5", "--recorded-at", "2025-10-03")
    assert r.exit_code == 0, r.output
    last = (new_york / "observations.csv").read_text(encoding="utf-8").splitlines()[-1]
    assert last.endswith(",2025-10-03T05:00:00Z"), last  # midnight at -05:00


def test_a_bare_date_east_of_greenwich_is_still_midnight_utc(hanoi: Path) -> None:
    r = run_clean("add-observation", "share", "2025-Q3", "13.5", "--recorded-at", "2025-10-03")
    assert r.exit_code == 0, r.output
    last = (hanoi / "observations.csv").read_text(encoding="utf-8").splitlines()[-1]
    assert last.endswith(",2025-10-03T00:00:00Z"), last


def test_an_import_typed_in_hanoi_time_is_not_warned_of_another_day(hanoi: Path) -> None:
    (hanoi / "new.csv").write_text(
        "indicator,period,value,recorded_at\nshare,2025-Q3,13.5,2025-10-03T06:30:00+07:00\n", encoding="utf-8"
    )
    r = run_clean("add-observation", "--from", "new.csv")
    assert r.exit_code == 0, r.output
    assert "UTC" not in r.stderr, r.stderr


def test_the_cold_and_warm_status_tables_show_the_same_hanoi_days(hanoi: Path) -> None:
    cold = run_clean("status")
    warm = run_clean("status")
    assert cold.exit_code == warm.exit_code == 0, cold.output
    assert cold.stdout == warm.stdout


@pytest.mark.parametrize(
    ("option", "typed", "day"),
    [
        ("--as-of", "2023-11-27T20:00:00Z", "2023-11-28"),  # 03:00 on the 28th in Hà Nội
        ("--as-of", "2023-11-27T00:00:00+07:00", "2023-11-27"),  # its UTC day, the 26th, was offered
        ("--as-of", "2023-11-27T10:00", "2023-11-27"),  # no zone: read in the plan's
        ("--since", "2023-11-27T00:00:00+07:00", "2023-11-27"),
    ],
)
@pytest.mark.usefixtures("hanoi")
def test_a_moment_typed_for_a_day_is_told_the_day_it_falls_on_in_hanoi(option: str, typed: str, day: str) -> None:
    command = ("report", "--format", "markdown", "-o", "-") if option == "--since" else ("status",)
    r = run_clean(*command, option, typed)
    assert r.exit_code == 2, r.output
    assert f"falls on {day} in the plan's zone (UTC+07:00)" in r.stderr, r.stderr
    assert r.stdout == ""


@pytest.mark.usefixtures("utc")
def test_without_a_zone_a_moment_is_still_told_its_utc_day() -> None:
    r = run_clean("status", "--as-of", "2023-11-27T00:00:00+07:00")
    assert r.exit_code == 2, r.output
    assert "2023-11-26T17:00:00Z in UTC" in r.stderr, r.stderr


def test_a_python_caller_is_told_the_day_in_the_plans_zone(hanoi: Path) -> None:
    import qntrack

    plan = qntrack.open_workspace(hanoi / "targets.yaml").plan
    with pytest.raises(qntrack.ArgumentError) as told:
        qntrack.reference_day("2023-11-27T20:00:00Z", plan)
    assert "falls on 2023-11-28 in the plan's zone (UTC+07:00)" in str(told.value)
    with pytest.raises(qntrack.ArgumentError) as opened:
        qntrack.open_workspace(hanoi / "targets.yaml", "2023-11-27T20:00:00Z")
    assert "2023-11-28" in str(opened.value)


def test_an_import_typed_in_utc_that_falls_on_the_next_day_in_hanoi_says_it_once(hanoi: Path) -> None:
    (hanoi / "new.csv").write_text(
        "indicator,period,value,recorded_at\n"
        "share,2025-Q3,13.5,2025-10-02T23:30:00Z\n"
        "share,2025-Q4,13.9,2026-01-05T18:00:00Z\n",
        encoding="utf-8",
    )
    r = run_clean("add-observation", "--from", "new.csv", "-n")
    assert r.exit_code == 0, r.output
    said = " ".join(r.stderr.split())
    # 23:30 UTC on 2 October is 06:30 on 3 October there; 18:00 UTC on 5 January, 01:00 on the 6th.
    assert "2 row(s) have a recorded_at whose day in the plan's zone (UTC+07:00) is not the day typed" in said, said
    assert said.count("UTC+07:00") == 1, said
