"""Issue 17, forty-third session, helper T: time, read by a hostile tester (what was known
on a given day, and the clock). Each test written failing first; expected values worked
by hand from the rows written here, never copied from qntrack's output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import dedent, make_tracker
from helpers import run_clean

# A plan west of Greenwich: its day 16 July 2025 runs from 2025-07-16T05:00:00Z to
# 2025-07-17T04:59:59Z.
_WEST_PLAN = dedent(
    """
    version: 1
    title: "West"
    timezone: "-05:00"
    indicators:
      g:
        name: "Growth"
        unit: "%"
    targets:
      - id: g-up
        indicator: g
        baseline: 2023
        milestones:
          - {by: 2025, value: 10}
    """
)

# The 2024 figure's revision written by hand as a bare date, as the store's format allows
# (observations-format.md: "a bare date is midnight UTC, or the zone's own midnight under a
# negative timezone:, its day in both").
_WEST_STORE = (
    "indicator,period,value,status,source,note,recorded_at\n"
    "g,2023,5,official,s,,2024-02-01T05:00:00Z\n"
    "g,2024,6,estimate,s,,2024-12-20T05:00:00Z\n"
    "g,2024,7,official,s,,2025-07-16\n"
)


@pytest.fixture
def west(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, _WEST_PLAN, _WEST_STORE)


def _latest(*args: str) -> dict:
    r = run_clean("status", "--format", "json", *args)
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)["targets"][0]["latest"]


def test_a_bare_date_in_a_western_plans_store_is_its_day_there(west: Path) -> None:
    """Under `timezone: -05:00` a store row dated `2025-07-16` was read as midnight UTC,
    19:00 on 15 July in the plan's zone: `status --as-of 2025-07-15` judged on the 7 the
    office wrote it published on the 16th, and `show` said it was recorded on the 15th.
    It is the zone's own midnight, 2025-07-16T05:00:00Z, as add-observation stores the
    same date typed: on the 15th the 6 (the estimate) is in force, on the 16th the 7."""
    assert _latest("--as-of", "2025-07-15")["value"] == 6.0
    latest = _latest("--as-of", "2025-07-16")
    assert (latest["value"], latest["recorded_at"]) == (7.0, "2025-07-16T05:00:00Z")
    r = run_clean("history", "g", "2024", "--as-of", "2025-07-15", "--format", "json")
    assert r.exit_code == 0, r.output
    assert [v["value"] for v in json.loads(r.stdout)["vintages"]] == [6.0]


def test_a_bare_date_in_a_western_store_is_told_its_own_day(west: Path) -> None:
    """The figure a revision replaces is told recorded on the day written in the store
    (2025-07-16), not the day before (its UTC midnight seen from -05:00)."""
    r = run_clean(
        "add-observation",
        "g",
        "2024",
        "8",
        "--status",
        "official",
        "--source",
        "s",
        "-n",
        "--recorded-at",
        "2025-08-01",
    )
    assert r.exit_code == 0, r.output
    assert "revising 7 (recorded 2025-07-16)" in r.output


def test_a_bare_date_appended_to_a_kept_status_is_its_day_there(west: Path) -> None:
    """The status cache's warm run reads a row appended by hand as the cold run does."""
    assert _latest()["recorded_at"] == "2025-07-16T05:00:00Z"  # the cache written
    with open("observations.csv", "a", encoding="utf-8") as f:
        f.write("g,2024,8,official,s,,2025-08-01\n")
    latest = _latest()
    assert (latest["value"], latest["recorded_at"]) == (8.0, "2025-08-01T05:00:00Z")


# A plan in Việt Nam's zone, its clock fixed at 18:00 UTC on 31 December 2026: 01:00 on
# 1 January 2027 in Hạ Long, still 2026 in UTC (and on a server set to UTC).
_EAST_PLAN = _WEST_PLAN.replace('timezone: "-05:00"', "timezone: +07:00")


@pytest.fixture
def new_year_in_ha_long(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from datetime import datetime, timezone

    from qntrack.files import workspace

    monkeypatch.setattr(workspace, "_now", lambda: datetime(2026, 12, 31, 18, 0, tzinfo=timezone.utc))
    monkeypatch.setenv("TZ", "UTC")
    store = "indicator,period,value,status,source,note,recorded_at\ng,2025,6,official,s,,2026-02-01T00:00:00Z\n"
    return make_tracker(tmp_path, monkeypatch, _EAST_PLAN, store)


@pytest.mark.parametrize(
    "command", [["history", "g", "H1"], ["add-observation", "g", "H1", "5", "-n"], ["retract", "g", "H1", "-n"]]
)
def test_a_period_without_its_year_is_offered_this_year_in_the_plans_zone(
    new_year_in_ha_long: Path, command: list[str]
) -> None:
    """'H1' typed without its year was offered the machine's year: on 1 January 2027 in Hạ
    Long, a server in UTC still in 2026 told the officer to write 2026-H1, a half long over.
    This year is the plan's, as every other day qntrack judges on: 2027-H1."""
    r = run_clean(*command)
    assert r.exit_code != 0
    assert "e.g. 2027-H1" in r.output, r.output
    assert "2026-H1" not in r.output


def test_a_months_number_alone_in_an_import_is_offered_this_year_in_the_plans_zone(
    new_year_in_ha_long: Path,
) -> None:
    """A month's number alone under a heading that names months ('3' under 'Month') was told
    to write the machine's year too: 2026-03 on 1 January 2027 in Ha Long. 2027-03."""
    Path("rows.csv").write_text("indicator,Month,value\ng,3,5\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "rows.csv", "-n")
    assert r.exit_code != 0
    assert "e.g. 2027-03" in r.output, r.output
