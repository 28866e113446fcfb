"""Pass H of session 37 (issue 17): what a scripting analyst met, pass E's leftovers. Each
test was written first and seen failing; the expected texts and codes are worked out by
hand from README.md and docs/."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from helpers import run_clean

ROOT = Path(__file__).resolve().parent.parent

# --- 1. the Python API reference is installed, as every other reference is ---------------

# `qntrack docs python-api` said "no document 'python-api'": README sends a Python caller to
# docs/python-api.md, and a user who installed qntrack with pip had no copy of it offline.


def test_the_python_api_reference_is_installed() -> None:
    listed = run_clean("docs")
    assert listed.exit_code == 0
    assert "python-api" in listed.stdout.split()
    r = run_clean("docs", "python-api")
    assert r.exit_code == 0, r.output
    assert r.stdout == (ROOT / "docs" / "python-api.md").read_text(encoding="utf-8")
    # its packaged copy is the repository's page, byte for byte
    assert (ROOT / "src" / "qntrack" / "docs" / "python-api.md").read_bytes() == (
        ROOT / "docs" / "python-api.md"
    ).read_bytes()


def test_every_listed_document_opens_and_the_lists_say_them_all() -> None:
    names = run_clean("docs").stdout.split()
    for name in names:
        r = run_clean("docs", name)
        assert r.exit_code == 0, (name, r.output)
        assert r.stdout == (ROOT / "docs" / f"{name}.md").read_text(encoding="utf-8"), name
    # README's table of commands and `docs --help` (docs/cli.md) name each, and no other
    row = next(line for line in (ROOT / "README.md").read_text("utf-8").splitlines() if line.startswith("| `docs"))
    assert sorted(re.findall(r"`([a-z-]+)`", row.split("|")[2])) == sorted(names)
    help_text = " ".join(run_clean("docs", "--help").stdout.split())
    said = re.search(r"\[NAME\] <str> (.*?)\.", help_text)
    assert said is not None, help_text
    assert sorted(re.findall(r"[a-z]+(?:-[a-z]+)*", said.group(1).replace(" or ", ", "))) == sorted(names)


# --- 2. one rule for the exit code of a refused value -----------------------------------

# README, "Exit codes", now says it: a value refused for its form alone (a period, a day, a
# zone, DIMENSION=UNIT, a word not among the choices --help lists) is a usage error, 2,
# whatever the tracker holds; a well-formed name the plan lacks (a target, an indicator, a
# dimension, a unit, a group) is invalid input, 1, with its problems document under
# --format json. The figure add-observation records and the row retract appends are rows:
# each is checked as a row of a --from file is, every problem told at once, exit 1. Before:
# `status --by nope` exited 2 where `status --group nope --fail-on ...` exited 1, and
# `history 'g[locality=X'` exited 1 where `history g --dim locality` exited 2.

RULE = [
    # the form alone: 2
    (["history", "fdi", "2025-Q5"], 2),
    (["history", "fdi", "--as-of", "2024-13-01"], 2),
    (["history", "budget_revenue", "--dim", "locality"], 2),
    (["history", "budget_revenue[locality"], 2),
    (["history", "budget_revenue[]"], 2),
    (["observations", "-i", "budget_revenue[locality=Hạ Long"], 2),
    (["status", "--as-of", "tomorrow"], 2),
    (["status", "-f", "yaml"], 2),
    (["status", "--fail-on", "late"], 2),
    (["report", "--since", "2024-02-30"], 2),
    (["retract", "fdi", "2024", "--tz", "+99:00", "-n"], 2),
    (["add-observation", "fdi", "2025", "1", "--dim", "locality", "-n"], 2),
    # a name the plan lacks: 1
    (["status", "--by", "nope"], 1),
    (["status", "--by", "Locality (district level)"], 1),
    (["status", "--group", "nope", "--fail-on", "not_achieved"], 1),
    (["status", "nope"], 1),
    (["history", "nope"], 1),
    (["history", "budget_revenue", "--dim", "locality=Nowhere"], 1),
    (["rank", "nope"], 1),
    (["rank", "fdi-plan-2022"], 1),
    (["history", "grdp_growth", "2025-03"], 1),  # a month of a quarterly indicator: the plan says so
    # a row to record or withdraw: 1, as the same row in a file
    (["retract", "fdi", "2025-Q5", "-n"], 1),
    (["add-observation", "fdi", "2025-Q5", "1", "-n"], 1),
    (["add-observation", "fdi", "2025", "1", "--recorded-at", "2025-13-01", "-n"], 1),
]


@pytest.mark.parametrize("args, code", RULE, ids=[" ".join(a) for a, _ in RULE])
def test_a_refused_value_exits_by_one_rule(shipped: Path, args: list[str], code: int) -> None:
    r = run_clean(*args)
    assert r.exit_code == code, (r.exit_code, r.stderr)


def test_a_dimension_the_plan_lacks_prints_its_problems_document(shipped: Path) -> None:
    # Exit 1 under --format json: one problem, as `status --group nope` prints it.
    r = run_clean("status", "--by", "district", "-f", "json")
    assert r.exit_code == 1
    problems = json.loads(r.stdout)["problems"]
    assert [(p["file"], p["severity"]) for p in problems] == [("--by", "error")]
    assert problems[0]["message"].startswith("no dimension 'district'")


def test_a_plan_without_dimensions_is_told_so_with_code_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from conftest import STORE_HEADER, make_tracker

    make_tracker(tmp_path, monkeypatch, DERIVED_PLAN, STORE_HEADER)
    r = run_clean("status", "--by", "locality")
    assert r.exit_code == 1, r.output
    assert r.stderr.startswith("--by: error: no dimension 'locality'")


@pytest.mark.parametrize(
    "indicator, period, where, code",
    [
        ("budget_revenue[locality", None, "indicator", 2),
        ("budget_revenue[]", None, "indicator", 2),
        ("grdp_growth", "2025-03", "period", 1),
    ],
)
def test_the_library_gives_the_command_code(
    shipped: Path, indicator: str, period: str | None, where: str, code: int
) -> None:
    import qntrack

    with pytest.raises(qntrack.InputError) as caught:
        qntrack.history("targets.yaml", indicator, period)
    assert (caught.value.file, int(caught.value.code)) == (where, code)
    assert run_clean("history", indicator, *([period] if period else [])).exit_code == code


DERIVED_PLAN = """\
indicators:
  grdp: {name: GRDP, unit: billion VND, measure: flow}
targets:
  - {id: grdp-2026, type: plan, indicator: grdp, period: 2026, value: 1000}
"""


# --- 3. "today" is the office's day: the plan's timezone:, on every machine ---------------

# Without --as-of a command speaks of today. It was the machine's calendar (date.today()):
# a Vietnamese officer's plan (timezone: +07:00) judged on a server in UTC at 06:30 on 1
# January in Hà Nội (23:30 UTC on 31 December) was judged on 31 December: the year's
# deadline not yet passed, the report headed 31 December, and `--as-of 2026-01-01` (the
# officer's today) warned of as a day after today. The same plan on a laptop in New York
# was judged a day earlier again. The clock is fixed here (workspace._now), and TZ sets the
# machine's zone; no test waits on the real clock.

ZONED = """\
version: 1
title: "Test plan"
timezone: "+07:00"
indicators:
  share:
    name: "Manufacturing share"
    unit: "%"
    direction: increase
targets:
  - id: share
    indicator: share
    baseline: {period: 2020, value: 9.8}
    milestones:
      - {by: 2025, value: 15}
      - {by: 2030, value: 30}
"""

FIGURES = """\
indicator,period,value,status,source,note,recorded_at
share,2021,11.3,official,src-a,,2022-01-10T00:00:00Z
share,2024,12.9,official,src-b,,2025-03-01T00:00:00Z
"""

# 06:30 on 1 January 2026 in Hà Nội (UTC+7).
NEW_YEAR_IN_HANOI = "2025-12-31T23:30:00+00:00"


def _at(monkeypatch: pytest.MonkeyPatch, moment: str, machine_zone: str) -> None:
    import time
    from datetime import date, datetime

    from qntrack.files import workspace

    monkeypatch.setattr(workspace, "_now", lambda: datetime.fromisoformat(moment))
    monkeypatch.setenv("TZ", machine_zone)
    time.tzset()
    on_the_machine = datetime.fromisoformat(moment).astimezone().date()  # in TZ

    class MachineCalendar(date):  # the machine's date.today() at that moment
        @classmethod
        def today(cls) -> date:
            return on_the_machine

    monkeypatch.setattr(workspace, "date", MachineCalendar)


@pytest.fixture
def machine_zone_restored():
    import time

    yield
    time.tzset()  # after monkeypatch has put TZ back


@pytest.mark.parametrize("machine", ["UTC", "America/New_York", "Asia/Ho_Chi_Minh"])
def test_today_is_the_plans_day_whatever_the_machine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, machine_zone_restored: None, machine: str
) -> None:
    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, ZONED, FIGURES)
    _at(monkeypatch, NEW_YEAR_IN_HANOI, machine)
    # 1 January 2026 in the plan's zone: the 2025 milestone's year is over, with no figure.
    status = json.loads(run_clean("status", "-f", "json").stdout)
    assert status["targets"][0]["awaiting_figures"] == ["2025"]
    assert json.loads(run_clean("report", "-f", "json").stdout)["headline"]["day"] == "2026-01-01"
    # The officer's today is no day after today: no warning, and the same judgement.
    r = run_clean("status", "-f", "json", "--as-of", "2026-01-01")
    assert r.exit_code == 0 and "after today" not in r.stderr, r.stderr
    assert json.loads(r.stdout)["targets"][0]["awaiting_figures"] == ["2025"]
    # report --since the day before is before today
    assert run_clean("report", "-f", "json", "--since", "2025-12-31").exit_code == 0


def test_a_figure_recorded_this_morning_is_in_todays_as_of(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, machine_zone_restored: None
) -> None:
    # Recorded at 06:20 in Hà Nội on 1 January (23:20 UTC on 31 December): counted by the
    # report of the day, and by --as-of that day, the same figure.
    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, ZONED, FIGURES + "share,2025,15.2,estimate,src-c,,2025-12-31T23:20:00Z\n")
    _at(monkeypatch, NEW_YEAR_IN_HANOI, "UTC")
    plain = json.loads(run_clean("status", "-f", "json").stdout)["targets"][0]
    dated = json.loads(run_clean("status", "-f", "json", "--as-of", "2026-01-01").stdout)["targets"][0]
    assert plain["latest"]["value"] == dated["latest"]["value"] == 15.2
    assert plain["awaiting_figures"] == dated["awaiting_figures"] == []
    assert plain["status"] == dated["status"]


def test_without_a_timezone_today_is_the_machines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, machine_zone_restored: None
) -> None:
    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, ZONED.replace('timezone: "+07:00"\n', ""), FIGURES)
    _at(monkeypatch, NEW_YEAR_IN_HANOI, "UTC")  # 31 December on this machine
    assert json.loads(run_clean("status", "-f", "json").stdout)["targets"][0]["awaiting_figures"] == []
    assert json.loads(run_clean("report", "-f", "json").stdout)["headline"]["day"] == "2025-12-31"
    _at(monkeypatch, NEW_YEAR_IN_HANOI, "Asia/Ho_Chi_Minh")  # 1 January on this one
    assert json.loads(run_clean("report", "-f", "json").stdout)["headline"]["day"] == "2026-01-01"


def test_the_library_reads_the_same_day(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, machine_zone_restored: None):
    import qntrack
    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, ZONED, FIGURES)
    _at(monkeypatch, NEW_YEAR_IN_HANOI, "UTC")
    assert qntrack.status("targets.yaml")["targets"][0]["awaiting_figures"] == ["2025"]
    assert qntrack.show("targets.yaml", "share")["awaiting_figures"] == ["2025"]


def test_the_status_cache_follows_the_plans_day(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, machine_zone_restored: None
) -> None:
    # A plan at -05:00 on a machine in UTC: at 02:00 UTC on 1 January it is still 31
    # December for the plan, at 06:00 it is 1 January. The machine's month is January both
    # times (the cache's key): the second run must not be served the first one's statuses.
    from conftest import make_tracker

    monkeypatch.setenv("QNTRACK_NO_CACHE", "")  # the cache, as a national plan has it
    make_tracker(tmp_path, monkeypatch, ZONED.replace("+07:00", "-05:00"), FIGURES)
    for moment, expected in (("2026-01-01T02:00:00+00:00", []), ("2026-01-01T06:00:00+00:00", ["2025"])):
        _at(monkeypatch, moment, "UTC")
        for fmt in ("json", "json"):  # the second run warm
            r = run_clean("status", "-f", fmt)
            assert json.loads(r.stdout)["targets"][0]["awaiting_figures"] == expected, moment
