"""Timestamps and periods that cannot be true (issue 12): refused at input, flagged by check.

The dates are worked out by hand: 2024 ends 2024-12-31; 2024-H2 begins 2024-07-01;
a "now" of 2026-12-01T21:00:00Z makes 2026-12-02 the last day not in the future (one
day of clock skew) and 2206 plainly a typo.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, strategies as st
from typer.testing import CliRunner

from conftest import STORE_HEADER, make_tracker
from helpers import store_text as store
from qntrack.cli import app
from qntrack.files.checks_rows import _timing_found
from qntrack.plan.model import Observation
from qntrack.plan.periods import parse_period
from qntrack.method.timing import BEFORE_END, FUTURE, NOT_BEGUN, timing_problems

runner = CliRunner()
NOW = "2026-12-01T21:00:00Z"

TARGETS = """\
version: 1
indicators:
  growth: {name: "GRDP growth", unit: "%", measure: rate, frequency: quarter}
targets:
  - id: growth
    indicator: growth
    type: plan
    period: 2024
    value: 10
"""
HEADER = STORE_HEADER


def kinds(period: str, recorded_at: str, status: str = "", now: str = NOW) -> list[str]:
    return [k for k, _ in timing_problems(parse_period(period), recorded_at, status, now)]


# --- the rule, pure ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "period, recorded_at, status, expected",
    [
        ("2024", "2025-01-07T00:00:00Z", "", []),  # after the year: anything goes
        ("2024", "2024-12-31T00:00:00Z", "official", []),  # the last day counts as ended
        ("2024", "2024-12-28T00:00:00Z", "estimate", []),  # ước tính on 28 December
        ("2024", "2024-12-28T00:00:00Z", "", [BEFORE_END]),
        ("2024", "2024-12-28T00:00:00Z", "preliminary", [BEFORE_END]),
        ("2024", "2024-12-28T00:00:00Z", "official", [BEFORE_END]),
        ("2024-H2", "2024-06-28T00:00:00Z", "estimate", [NOT_BEGUN]),  # begins 2024-07-01: not begun when recorded
        ("2024-H2", "2024-06-30T00:00:00Z", "estimate", []),  # a day's grace (time zones)
        ("2027", NOW, "estimate", [NOT_BEGUN]),  # begins 2027-01-01, now is 2026-12-01
        ("2026-12", NOW, "estimate", []),  # begun today
        ("2025", "2206-01-07T00:00:00Z", "official", [FUTURE]),  # 2206 typed for 2026
        ("2025", "2026-12-02T23:00:00Z", "official", []),  # a day of clock skew
        ("2025", "2026-12-03T00:00:00Z", "official", [FUTURE]),
    ],
)
def test_the_rule(period: str, recorded_at: str, status: str, expected: list[str]):
    assert kinds(period, recorded_at, status) == expected


def test_the_messages_say_what_to_do():
    (message,) = [m for _, m in timing_problems(parse_period("2024"), "2024-12-28T00:00:00Z", "", NOW)]
    # A Message (shown in the user's language); its str() is the English text.
    assert str(message) == (
        "recorded 2024-12-28, before period 2024 ended (2024-12-31), so it can only be an estimate: "
        "mark it with status estimate, or fix recorded_at"
    )
    (message,) = [m for _, m in timing_problems(parse_period("2025"), "2206-01-07T00:00:00Z", "", NOW)]
    assert str(message) == f"recorded_at 2206-01-07T00:00:00Z is in the future (now: {NOW}); check the year"


# --- add-observation ---------------------------------------------------------------------


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, TARGETS, HEADER)


def test_a_recorded_at_in_the_future_is_refused_even_with_force(folder: Path):
    for extra in ([], ["--force"]):
        r = runner.invoke(app, ["add-observation", "growth", "2025", "8", "--recorded-at", "2206-01-07", *extra])
        assert r.exit_code == 1
        assert r.stderr.startswith("add-observation: error: --recorded-at 2206-01-07T00:00:00Z is in the future (now: ")
        assert r.stderr.endswith("); check the year\n")
    assert store(folder) == HEADER


def test_a_period_not_begun_is_refused_without_force(folder: Path):
    r = runner.invoke(app, ["add-observation", "growth", "2099", "8", "--status", "estimate"])
    assert r.exit_code == 1
    assert r.stderr == (
        "add-observation: error: period 2099 has not begun (it begins 2099-01-01); a figure cannot "
        "exist before its period; --force records it as it is\n"
    )
    assert store(folder) == HEADER


def test_a_non_estimate_recorded_before_its_period_ended_needs_force(folder: Path):
    args = ["add-observation", "growth", "2024", "7.5", "--recorded-at", "2024-12-28"]
    r = runner.invoke(app, args)
    assert r.exit_code == 1
    assert r.stderr == (
        "add-observation: error: recorded 2024-12-28, before period 2024 ended (2024-12-31), so it "
        "can only be an estimate: give --status estimate, or set --recorded-at to the day the figure was "
        "published; --force records it as it is\n"
    )
    assert store(folder) == HEADER
    assert runner.invoke(app, [*args, "--status", "estimate"]).exit_code == 0
    # A day later: two vintages of one moment would leave the one in force to file order.
    r = runner.invoke(app, [*args[:-1], "2024-12-29", "--status", "official", "--force"])
    assert r.exit_code == 0, r.stderr
    assert store(folder) == HEADER + (
        "growth,2024,7.5,estimate,,,2024-12-28T00:00:00Z\ngrowth,2024,7.5,official,,,2024-12-29T00:00:00Z\n"
    )


def test_import_refuses_the_same_rows_and_force_lets_them_in(folder: Path):
    (folder / "in.csv").write_text(
        "indicator,period,value,status,recorded_at\n"
        "growth,2023,7,official,2024-01-10\n"
        "growth,2024,7.5,,2024-12-28\n"
        "growth,2024-Q4,7.9,estimate,2024-12-28\n",
        encoding="utf-8",
    )
    r = runner.invoke(app, ["add-observation", "--from", "in.csv"])
    assert r.exit_code == 1
    assert r.stderr.startswith("in.csv:3: error: recorded 2024-12-28, before period 2024 ended (2024-12-31)")
    assert r.stderr.count("error") == 1
    assert store(folder) == HEADER  # all or nothing
    r = runner.invoke(app, ["add-observation", "--from", "in.csv", "--force"])
    assert r.exit_code == 0, r.stderr
    assert store(folder).count("\n") == 4


# --- check -------------------------------------------------------------------------------


def test_check_flags_rows_already_stored(folder: Path):
    (folder / "observations.csv").write_text(
        HEADER
        + "growth,2023,7,official,,,2024-01-10T00:00:00Z\n"  # fine
        + "growth,2024,7.5,,,,2024-12-28T00:00:00Z\n"  # line 3: not an estimate, before the end
        + "growth,2024,7.6,estimate,,,2024-12-29T00:00:00Z\n"  # fine: an estimate
        + "growth,2025,8,official,,,2206-01-07T00:00:00Z\n"  # line 5: in the future
        + "growth,2099,8,estimate,,,2025-01-01T00:00:00Z\n",  # line 6: not begun
        encoding="utf-8",
    )
    r = runner.invoke(app, ["check", "--format", "json"])
    assert r.exit_code == 1
    import json

    found = [(p["line"], p["check"], p["severity"]) for p in json.loads(r.stdout)["problems"]]
    assert found == [(3, "timing", "error"), (5, "timing", "error"), (6, "timing", "error")]
    assert "timing" in runner.invoke(app, ["check", "--list"]).stdout


def test_the_shipped_data_passes_the_timing_check():
    """Its year-end figures published in late December are all marked estimate."""
    root = Path(__file__).resolve().parent.parent
    r = runner.invoke(app, ["check", "--targets", str(root / "targets.yaml")])
    assert r.exit_code == 0 and r.stderr == "", r.stderr


# --- recorded_at without a time zone (item: "takes the plan's declared zone or --tz") --------


def test_a_time_without_a_zone_takes_tz(folder: Path):
    # 09:00 in Hà Nội (UTC+7) is 02:00 UTC.
    r = runner.invoke(
        app,
        [
            "add-observation",
            "growth",
            "2025",
            "8",
            "--status",
            "official",
            "--recorded-at",
            "2026-01-07T09:00",
            "--tz",
            "+07:00",
        ],
    )
    assert r.exit_code == 0, r.stderr
    assert store(folder) == HEADER + "growth,2025,8,official,,,2026-01-07T02:00:00Z\n"


def test_a_time_without_a_zone_takes_the_plans_zone_and_tz_wins(folder: Path):
    (folder / "targets.yaml").write_text("timezone: +07:00\n" + TARGETS, encoding="utf-8")
    (folder / "in.csv").write_text(
        "indicator,period,value,status,recorded_at\ngrowth,2024,7,official,2025-01-10T08:30\n", encoding="utf-8"
    )
    assert runner.invoke(app, ["add-observation", "--from", "in.csv"]).exit_code == 0
    r = runner.invoke(
        app,
        [
            "add-observation",
            "growth",
            "2025",
            "8",
            "--status",
            "official",
            "--recorded-at",
            "2026-01-07T09:00",
            "--tz",
            "-05:00",
        ],
    )
    assert r.exit_code == 0, r.stderr
    # 08:30 at +07:00 is 01:30 UTC; 09:00 at -05:00 is 14:00 UTC.
    assert store(folder) == HEADER + (
        "growth,2024,7,official,,,2025-01-10T01:30:00Z\ngrowth,2025,8,official,,,2026-01-07T14:00:00Z\n"
    )


def test_a_bare_date_stays_midnight_utc_whatever_the_zone(folder: Path):
    (folder / "targets.yaml").write_text("timezone: +07:00\n" + TARGETS, encoding="utf-8")
    r = runner.invoke(
        app,
        [
            "add-observation",
            "growth",
            "2025",
            "8",
            "--status",
            "official",
            "--recorded-at",
            "2026-01-07",
            "--tz",
            "+07:00",
        ],
    )
    assert r.exit_code == 0, r.stderr
    assert store(folder).endswith(",2026-01-07T00:00:00Z\n")


def test_without_a_zone_the_message_says_how_to_give_one(folder: Path):
    r = runner.invoke(app, ["add-observation", "growth", "2025", "8", "--recorded-at", "2026-01-07T09:00"])
    assert r.exit_code == 1
    assert r.stderr == (
        "add-observation: error: '2026-01-07T09:00' has no time zone; add Z for UTC "
        "(2023-11-27T09:00:00Z) or an offset like +07:00, or declare the plan's zone "
        "(timezone: +07:00 in targets.yaml) or give --tz +07:00\n"
    )


@pytest.mark.parametrize("zone", ["+7", "Asia/Hanoi", "+15:00", "+07:60", "ICT"])
def test_a_bad_zone_is_refused(folder: Path, zone: str):
    r = runner.invoke(app, ["add-observation", "growth", "2025", "8", "--tz", zone])
    assert r.exit_code == 2
    assert r.stderr.startswith(f"--tz: error: '{zone}' is not a time zone")
    (folder / "targets.yaml").write_text(f'timezone: "{zone}"\n' + TARGETS, encoding="utf-8")
    r = runner.invoke(app, ["check"])
    assert r.exit_code == 1
    assert r.stderr.startswith(f"targets.yaml:1:11: error: timezone: '{zone}' is not a time zone")
    assert store(folder) == HEADER


@pytest.mark.parametrize("zone, hours", [("+07:00", 7), ("+0700", 7), ("Z", 0), ("UTC", 0), ("-05:30", -5.5)])
def test_zones(zone: str, hours: float):
    from qntrack.method.timing import parse_zone

    assert parse_zone(zone).utcoffset(None).total_seconds() == hours * 3600


# --- spreadsheet formulas in the store --------------------------------------------------------


@pytest.mark.parametrize(
    "typed, stored",
    [
        ('=HYPERLINK("http://evil","x")', '\'=HYPERLINK("http://evil","x")'),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("   =1+1", "'=1+1"),  # leading spaces are stripped, then the formula neutralised
        ("-2.5", "-2.5"),  # a number is shown, not run
        ("Cục Thống kê - 2025", "Cục Thống kê - 2025"),
        ("'=already quoted", "'=already quoted"),
    ],
)
def test_a_formula_in_a_source_is_stored_with_an_apostrophe(folder: Path, typed: str, stored: str):
    r = runner.invoke(app, ["add-observation", "growth", "2023", "7", "--source", typed])
    assert r.exit_code == 0, r.stderr
    import csv
    import io

    (row,) = list(csv.DictReader(io.StringIO(store(folder))))
    assert row["source"] == stored
    # Said when qntrack put the apostrophe; a text typed with it is stored as typed, and not
    # said (issue 17, twenty-sixth session: the observations CSV imported back).
    assert ("start like a spreadsheet formula" in r.stderr) == (stored.startswith("'") and stored != typed)
    assert runner.invoke(app, ["check"]).exit_code == 0


def test_import_neutralises_notes_and_sources(folder: Path):
    (folder / "in.csv").write_text(
        "indicator,period,value,source,note\ngrowth,2022,6,=1+1,@x\ngrowth,2023,7,ok,\t=2\n", encoding="utf-8"
    )
    r = runner.invoke(app, ["add-observation", "--from", "in.csv", "--recorded-at", "2024-02-01T00:00:00Z"])
    assert r.exit_code == 0, r.stderr
    assert (
        "3 source/note text(s) start like a spreadsheet formula (=, +, -, @) and are stored after an "
        "apostrophe (')" in r.stderr
    )
    assert store(folder) == HEADER + (
        "growth,2022,6,,'=1+1,'@x,2024-02-01T00:00:00Z\ngrowth,2023,7,,ok,'=2,2024-02-01T00:00:00Z\n"
    )


def test_check_flags_formulas_already_stored(folder: Path):
    (folder / "observations.csv").write_text(
        HEADER
        + "growth,2022,6,official,=cmd(),,2023-02-01T00:00:00Z\n"
        + "growth,2023,7,official,ok,  @SUM(1),2024-02-01T00:00:00Z\n"
        + 'growth,2021,5,official,"\tx",-3,2022-02-01T00:00:00Z\n',
        encoding="utf-8",
    )
    import json

    r = runner.invoke(app, ["check", "--format", "json"])
    assert r.exit_code == 1
    found = [(p["line"], p["check"], p["message"]) for p in json.loads(r.stdout)["problems"]]
    rest = "; a spreadsheet opening this file would run it: put an apostrophe (') before it"
    assert found == [
        (2, "formula", "the source starts like a spreadsheet formula ('=')" + rest),
        (3, "formula", "the note starts like a spreadsheet formula ('@')" + rest),
        (4, "formula", "the source starts like a spreadsheet formula ('\\t')" + rest),
    ]


# --- timestamps that look right but name no real moment (wave 3, defect f1.1) -------------
# 2020 is a leap year, so February has 29 days and 2020-02-30 does not exist; months end at
# 12, hours at 23, minutes and seconds at 59.

IMPOSSIBLE = [
    "2020-02-30T00:00:00Z",
    "2020-13-01T00:00:00Z",
    "2020-03-01T25:00:00Z",
    "2020-03-01T23:61:00Z",
    "2020-03-01T99:99:99Z",
    "2019-02-29T00:00:00Z",
]


# A real day at a time out of range is told the part out of range, with its range (issue
# 17, thirty-second session: 25:00 on 1 March 2020 was told "not a real date").
WRONG_PART = {
    "2020-03-01T25:00:00Z": "the hour 25 is not 00 to 23",
    "2020-03-01T23:61:00Z": "the minute 61 is not 00 to 59",
    "2020-03-01T99:99:99Z": "the hour 99 is not 00 to 23",
    "2020-02-29T24:00:00Z": "the hour 24 is not 00 to 23",
}


# A day the calendar lacks is told the month's days, as --as-of's is (issue 17,
# thirty-third session): 2020 is a leap year, 2019 is not.
NO_DAY = {"2020-02": "2020-02 has 29 days", "2019-02": "2019-02 has 28 days", "2020-13": "there is no month 13"}


def not_real(stamp: str) -> str:
    part = WRONG_PART.get(stamp)
    if part:
        return f"recorded_at '{stamp}' is not a real moment: {part}"
    return f"recorded_at '{stamp}' is not a real date: {NO_DAY[stamp[:7]]}"


@pytest.mark.parametrize("stamp", IMPOSSIBLE)
def test_an_impossible_recorded_at_is_refused_with_one_message(folder: Path, stamp: str):
    r = runner.invoke(
        app, ["add-observation", "growth", "2019", "5", "--status", "official", "--source", "x", "--recorded-at", stamp]
    )
    assert r.exit_code == 1
    assert r.stderr == f"add-observation: error: {not_real(stamp)}\n"
    assert store(folder) == HEADER


@pytest.mark.parametrize("stamp", ["2020-02-30", "2020-02-30T09:00:00+07:00", "2020-02-29T24:00:00Z"])
def test_an_impossible_recorded_at_in_another_form_is_refused_too(folder: Path, stamp: str):
    r = runner.invoke(app, ["add-observation", "growth", "2019", "5", "--status", "official", "--recorded-at", stamp])
    assert r.exit_code == 1
    assert r.stderr == f"add-observation: error: {not_real(stamp)}\n"


def test_a_real_leap_day_is_taken(folder: Path):
    r = runner.invoke(
        app, ["add-observation", "growth", "2019", "5", "--status", "official", "--recorded-at", "2020-02-29T23:59:59Z"]
    )
    assert r.exit_code == 0, r.stderr
    assert store(folder) == HEADER + "growth,2019,5,official,,,2020-02-29T23:59:59Z\n"


def test_an_impossible_recorded_at_is_refused_by_import_and_retract(folder: Path):
    (folder / "in.csv").write_text(
        "indicator,period,value,status,recorded_at\ngrowth,2019,5,official,2020-02-30T00:00:00Z\n", encoding="utf-8"
    )
    r = runner.invoke(app, ["add-observation", "--from", "in.csv"])
    assert r.exit_code == 1
    assert "recorded_at '2020-02-30T00:00:00Z' is not a real date" in r.stderr
    assert isinstance(r.exception, SystemExit)
    (folder / "undated.csv").write_text("indicator,period,value,status\ngrowth,2019,5,official\n", encoding="utf-8")
    r = runner.invoke(app, ["add-observation", "--from", "undated.csv", "--recorded-at", "2020-13-01T00:00:00Z"])
    assert r.exit_code == 1
    assert "recorded_at '2020-13-01T00:00:00Z' is not a real date" in r.stderr
    assert store(folder) == HEADER
    (folder / "observations.csv").write_text(
        HEADER + "growth,2019,5,official,,,2020-03-01T00:00:00Z\n", encoding="utf-8"
    )
    r = runner.invoke(app, ["retract", "growth", "2019", "--recorded-at", "2020-02-30T00:00:00Z"])
    assert r.exit_code == 1
    assert r.stderr == "retract: error: recorded_at '2020-02-30T00:00:00Z' is not a real date: 2020-02 has 29 days\n"
    assert isinstance(r.exception, SystemExit)


@pytest.mark.parametrize("stamp", IMPOSSIBLE)
def test_the_store_reader_and_check_refuse_an_impossible_stored_recorded_at(folder: Path, stamp: str):
    # Line 3 is hand-edited; line 2 is fine. Both readers (the fast one, and the general
    # one that a carriage return sends a file to) say the same.
    for newline in ("\n", "\r\n"):
        text = HEADER + "growth,2019,5,official,,,2020-03-01T00:00:00Z\n" + f"growth,2020,6,official,,,{stamp}\n"
        (folder / "observations.csv").write_bytes(text.replace("\n", newline).encode())
        expected = f"observations.csv:3: error: {not_real(stamp)}"
        r = runner.invoke(app, ["check"])
        assert r.exit_code == 1, r.output
        assert expected in r.stderr
        assert isinstance(r.exception, SystemExit)
        r = runner.invoke(app, ["check", "--repair"])
        assert r.exit_code == 1
        assert expected in r.stderr
        assert isinstance(r.exception, SystemExit)
        r = runner.invoke(app, ["status"])
        assert r.exit_code == 1
        assert expected in r.stderr


# --- timestamps in other digits (issue 17's hostile pass) ---------------------------------
# Full-width ０-９, Arabic-Indic ٠-٩: Python's \d and int() read them, datetime does not,
# and the store orders vintages by the text of recorded_at, where '０' sorts after '9'.

FOREIGN_STAMPS = [
    "2025-03-01T1\uff10:00:00Z",
    "\u0662\u0660\u0662\u0665-03-01T10:00:00Z",
    "\uff12\uff10\uff12\uff15-\uff10\uff13-\uff10\uff11",
]


@pytest.mark.parametrize("stamp", FOREIGN_STAMPS)
def test_a_recorded_at_in_other_digits_is_refused_as_such(folder: Path, stamp: str):
    r = runner.invoke(app, ["add-observation", "growth", "2019", "5", "--status", "official", "--recorded-at", stamp])
    assert r.exit_code == 1
    assert r.stderr == (
        f"add-observation: error: recorded_at '{stamp}' is written in digits other than 0-9; write it with 0-9\n"
    )
    assert store(folder) == HEADER


@pytest.mark.parametrize("stamp", FOREIGN_STAMPS)
def test_a_stored_recorded_at_in_other_digits_is_named_by_its_line(folder: Path, stamp: str):
    (folder / "observations.csv").write_text(f"{HEADER}growth,2019,5,official,x,,{stamp}\n", encoding="utf-8")
    r = runner.invoke(app, ["status", "--format", "json"])
    assert r.exit_code == 1
    assert "Traceback" not in r.output
    assert f"observations.csv:2: error: recorded_at '{stamp}' is written in digits other than 0-9" in r.stderr


# --- check's way: each distinct (period, moment, status) judged once, by dates ----------------


_rows = st.builds(
    Observation,
    indicator=st.just("growth"),
    period=st.sampled_from(["2024", "2024-H2", "2026-Q4", "2027", "2026-12", "2024-9M"]).map(parse_period),
    value=st.just(1.0),
    status=st.sampled_from(["estimate", "preliminary", "official", "retracted"]),
    recorded_at=st.sampled_from(
        [
            "2024-06-30T23:00:00Z",
            "2024-12-31T00:00:00Z",
            "2026-12-02T23:59:59Z",
            "2026-12-03T00:00:00Z",
            "2206-01-07T00:00:00Z",
        ]
    ),
)


@given(st.lists(_rows, max_size=30))
def test_check_finds_what_the_rule_says_of_every_row(rows):
    # The rule applied to each row one by one, against check's pass over distinct keys.
    key, found = _timing_found(rows, NOW)
    for o in rows:
        said = timing_problems(o.period, o.recorded_at, o.status, NOW)
        assert [(k, str(m)) for k, m in found.get(key(o), [])] == [(k, str(m)) for k, m in said]
