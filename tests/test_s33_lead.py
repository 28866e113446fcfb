"""Issue 17, thirty-third session, the lead's passes. Each test was written failing first;
the expected words are worked out by hand from the calendar (2026 is no leap year: its
February has 28 days; April has 30)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean

PLAN = """\
version: 1
title: "Calendar plan"
indicators:
  share:
    name: "Manufacturing share"
    unit: "%"
    direction: increase
targets:
  - id: share
    indicator: share
    baseline: {period: 2020, value: 10}
    milestones:
      - {by: 2025, value: 15}
"""

STORE = """\
indicator,period,value,status,source,note,recorded_at
share,2023,12.9,official,Yearbook 2023,,2024-05-01T00:00:00Z
"""


@pytest.fixture
def tracker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, PLAN, STORE)


# --- 1. A moment of recording naming no day is told the calendar, as --as-of's day is ------


@pytest.mark.parametrize(
    ("typed", "lang", "said"),
    [
        ("2026-02-30", "en", "recorded_at '2026-02-30' is not a real date: 2026-02 has 28 days"),
        ("2026-2-30", "en", "recorded_at '2026-2-30' is not a real date: 2026-02 has 28 days"),
        ("2026-02-30T10:00Z", "en", "recorded_at '2026-02-30T10:00Z' is not a real date: 2026-02 has 28 days"),
        ("2026/4/31", "en", "recorded_at '2026/4/31' is not a real date: 2026-04 has 30 days"),
        ("31/04/2026", "en", "recorded_at '31/04/2026' is not a real date: 2026-04 has 30 days"),
        ("2026-13-01", "en", "recorded_at '2026-13-01' is not a real date: there is no month 13"),
        ("2026-02-30", "vi", "recorded_at '2026-02-30' không phải là ngày giờ có thật: tháng 2/2026 có 28 ngày"),
        ("2026-13-01", "vi", "recorded_at '2026-13-01' không phải là ngày giờ có thật: không có tháng 13"),
    ],
)
def test_a_recorded_at_naming_no_day_is_told_the_month_s_days(tracker: Path, typed: str, lang: str, said: str) -> None:
    """`--as-of 2026-02-30` is told "2026-02 has 28 days"; `--recorded-at 2026-02-30` was
    told only "is not a real date", and `--recorded-at 31/04/2026` "is not an ISO 8601
    timestamp" though the same day typed 30/04/2026 is told its ISO form. Both now say why,
    and nothing is written, by add-observation and retract alike."""
    before = Path("observations.csv").read_bytes()
    for command in (("add-observation", "share", "2024", "14"), ("retract", "share", "2023")):
        made = run_clean("--lang", lang, *command, "--recorded-at", typed)
        assert made.exit_code != 0 and said in made.stderr, made.stderr
        assert "ISO 8601" not in made.stderr, made.stderr
    assert Path("observations.csv").read_bytes() == before


def test_a_day_first_date_with_a_time_naming_no_day_is_told_the_calendar_alone(tracker: Path) -> None:
    """'31/04/2026 10:00' was told the calendar and then to give a zone, which cannot mend it."""
    made = run_clean("add-observation", "share", "2023", "14", "--recorded-at", "31/04/2026 10:00")
    assert made.exit_code == 1, made.stderr
    assert made.stderr == (
        "add-observation: error: recorded_at '31/04/2026 10:00' is not a real date: 2026-04 has 30 days\n"
    ), made.stderr


def test_a_stored_moment_naming_no_day_is_told_the_calendar_with_its_line(tracker: Path) -> None:
    """The store's reader says the same of a row's recorded_at, with the file and line."""
    with open("observations.csv", "a", encoding="utf-8") as store:
        store.write("share,2024,13.5,official,Yearbook 2024,,2025-02-29T00:00:00Z\n")
    made = run_clean("check")
    assert made.exit_code != 0, made.stderr
    assert (
        "observations.csv:3: error: recorded_at '2025-02-29T00:00:00Z' is not a real date: 2025-02 has 28 days"
        in made.stderr
    ), made.stderr


def test_a_real_day_at_a_leap_year_s_29_february_is_read(tracker: Path) -> None:
    """2024 is a leap year: its 29 February is a day, and is recorded."""
    made = run_clean("add-observation", "share", "2023", "14", "--recorded-at", "2024-02-29")
    assert made.exit_code == 0, made.stderr
    assert "share,2023,14,,,,2024-02-29T00:00:00Z" in Path("observations.csv").read_text(encoding="utf-8")


# --- 2. Every command reading a kept national plan imports no parser -------------------------

# The kept plan and the probe of pass C3 (tests/test_s32_c3.py), which proved it for `check`.
from test_s32_c3 import PARSER_MODULES, _national_plan, command_modules  # noqa: E402


@pytest.mark.parametrize(
    "args",
    [
        ("add-observation", "fdi", "2024", "3100", "--status", "official", "--dry-run"),
        ("show", "fdi-plan-2022"),
        ("history", "fdi"),
        ("observations", "--format", "csv"),
        ("targets", "--format", "csv"),
    ],
    ids=lambda a: a[0],
)
def test_a_command_reading_a_kept_plan_imports_no_parser(tmp_path: Path, args: tuple[str, ...]) -> None:
    """`check` read a kept national plan back without the parser and PyYAML (pass C3); every
    other command still imported both through ``definitions.load_plan`` (17 modules, some
    15-20 ms of processor time of each command on a national plan). The third run, reading
    the plan kept by the second, says what the first said and loads neither."""
    _national_plan(tmp_path)
    runs = [command_modules(tmp_path, *args) for _ in range(3)]
    assert len(list((tmp_path / ".qntrack-cache").glob("plan-*.bin"))) == 1
    (code, said, parsed), _, (kept_code, kept_said, kept) = runs
    assert (kept_code, kept_said) == (code, said)
    assert "qntrack.files.definitions" in parsed and "yaml" in parsed  # the first run parsed
    assert kept & PARSER_MODULES == set(), sorted(kept & PARSER_MODULES)
    assert {m for m in kept if m == "yaml" or m.startswith("yaml.")} == set()


# --- 3. A folder named targets.yaml is refused, not passed over for the parent's plan --------


def test_a_folder_named_targets_yaml_is_refused_not_passed_over(tracker: Path) -> None:
    """Inside a tracker, a sub-folder holding a folder named targets.yaml (an unzipped
    bundle, a slip of `mkdir`): `qntrack status` there printed the parent tracker's status
    in silence, and `add-observation` would have written to its store. A FIFO or a file of
    another case is refused by name (files.workspace); a folder now is too, as `--targets`
    refuses one, and the parent's store is not touched."""
    import os

    inner = tracker / "bundle"
    (inner / "targets.yaml").mkdir(parents=True)
    before = Path("observations.csv").read_bytes()
    os.chdir(inner)
    shown = run_clean("status")
    assert shown.exit_code == 1, shown.stdout
    assert shown.stdout == ""
    assert shown.stderr == "targets.yaml: error: targets file is a directory, expected a file\n", shown.stderr
    added = run_clean("add-observation", "share", "2024", "14", "--recorded-at", "2025-06-30")
    assert added.exit_code == 1 and "targets file is a directory" in added.stderr, added.stderr
    assert (tracker / "observations.csv").read_bytes() == before


# --- 4. A moment given for a day is refused by assess as by run_checks ---------------------


def test_assess_refuses_a_datetime_for_today_as_run_checks_does(tracker: Path) -> None:
    """`run_checks(today=datetime(...))` and every `as_of` refuse a moment given for a day,
    naming the day it falls in; `qntrack.assess(plan, series, None, datetime(2025, 12, 31,
    23))` judged it as its date in silence (pass P's leftover): a notebook's
    `datetime.now()` passed as `today` is a moment whose day depends on the zone it was
    taken in. One rule: both refuse it by the argument's name."""
    from datetime import datetime

    import qntrack
    from qntrack.errors import ArgumentError, InputError

    moment = datetime(2025, 12, 31, 23)
    ws = qntrack.open_workspace("targets.yaml")
    with pytest.raises(ArgumentError) as judged:  # as assess refuses any other wrong today
        qntrack.assess(ws.plan, ws.series, None, moment)
    with pytest.raises(InputError) as checked:
        qntrack.run_checks("targets.yaml", ["stale"], today=moment)
    refusals = [caught.value.problems[0].text("en") for caught in (judged, checked)]
    assert refusals[0] == refusals[1], refusals
    assert refusals[0].startswith("today: error: '2025-12-31 23:00:00' is not a date"), refusals
    assert "(a day, not a moment: 2025-12-31 takes the figures recorded by the end of that day" in refusals[0]


# --- 5. status --group-by warns of a group's two names without loading check's rules ------


def test_status_by_group_warns_of_two_names_without_check_s_rules(tmp_path: Path) -> None:
    """`status --group-by group` says a group its targets name two ways in Vietnamese, as
    `check` says it; it imported the whole of files.checks (the store's rules, 20 modules)
    for that one plan-level rule, which now has a module of its own. The warning is the
    same, and status by group loads none of check's store rules."""
    import shutil

    root = Path(__file__).resolve().parents[1]
    for name in ("targets.yaml", "observations.csv"):
        shutil.copy(root / name, tmp_path / name)
    code, said, loaded = command_modules(tmp_path, "status", "--group-by", "group")
    assert code == 0, said
    assert "qntrack.files.checks_group_names" in loaded
    # (checks_rows is status's own: the timing rules it warns of for the figures in force)
    assert {"qntrack.files.checks", "qntrack.files.checks_jumps", "qntrack.files.checks_vintages"} & loaded == set()
