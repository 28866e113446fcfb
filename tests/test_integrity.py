"""Nothing lost, nothing silently changed: vintages, --as-of, locking, torn lines, repair,
named checks, and output that cannot be turned against its reader."""

from __future__ import annotations

import json
import os
import re
import signal
import stat
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import json_of, run
from qntrack.files.checks import CHECKS, DEFAULT_CHECKS, run_checks
from qntrack.method.history import vintages
from qntrack.method.series import in_force
from qntrack.files.appending import store_lock
from qntrack.files.store import read_store


TARGETS = """\
version: 1
title: "Integrity test"
indicators:
  growth:
    name: {en: "GRDP growth", vi: "Tăng trưởng GRDP"}
    unit: "%"
    measure: rate
    frequency: half
  share:
    name: "[red]Manufacturing[/red] share"
    unit: "%"
  fdi:
    name: "FDI"
    unit: "million USD"
    measure: flow
  fdi_per_share:
    name: "FDI per point of share"
    formula: fdi / share
targets:
  - id: share
    indicator: share
    baseline: {period: 2020, value: 10}
    milestones:
      - {by: 2025, value: 15}
  - id: fdi-plan-2023
    type: plan
    indicator: fdi
    period: 2023
    value: 1500
"""

# Quảng Ninh's H1 2022 growth: first estimated at 10.66 %, later revised to 9.22 %.
OBSERVATIONS = """\
indicator,period,value,status,source,note,recorded_at
growth,2022-H1,10.66,estimate,press release 6/2022,,2022-06-28T10:00:00Z
share,2020,10,official,yearbook,,2021-06-30T00:00:00Z
share,2021,11.2,estimate,[bold]report[/bold],,2022-01-05T00:00:00Z
growth,2022-H1,9.22,official,yearbook 2022,revised,2023-08-10T09:00:00Z
growth,2022-H2,8.1,estimate,=HYPERLINK("http://evil"),,2022-12-20T00:00:00Z
fdi,2023,-5,,@SUM(A1),-note,2024-01-05T00:00:00Z
share,2021,11.4,preliminary,+report,,2022-01-06T00:00:00Z
"""


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    make_tracker(tmp_path, monkeypatch, TARGETS, OBSERVATIONS)
    os.chmod(tmp_path / "observations.csv", 0o644)
    return tmp_path


def _formulas_fixed_by_hand(plan: Path) -> None:
    """The fixture's store holds formula-like text, as a store from before qntrack
    neutralised it at input did (the output tests need it); `check` flags that (the
    `formula` check), so the tests of other checks start from the store fixed as its
    message says: an apostrophe before each."""
    store = plan / "observations.csv"
    text = store.read_text(encoding="utf-8")
    for raw in ('=HYPERLINK("http://evil")', "@SUM(A1)", "-note", "+report"):
        text = text.replace("," + raw + ",", ",'" + raw + ",")
    store.write_text(text, encoding="utf-8")


def js(*args: str) -> dict:
    return json_of(*args, "--format", "json")


# --- vintages and history ---------------------------------------------------------------


def test_history_lists_every_vintage_newest_first(plan: Path):
    doc = js("history", "growth", "2022-H1")
    assert doc["indicator"] == "growth" and doc["period"] == "2022-H1" and doc["as_of"] is None
    assert [
        (v["value"], v["status"], v["source"], v["recorded_at"], v["in_force"], v["line"], v["revises"])
        for v in doc["vintages"]
    ] == [
        (9.22, "official", "yearbook 2022", "2023-08-10T09:00:00Z", True, 5, 10.66),
        (10.66, "estimate", "press release 6/2022", "2022-06-28T10:00:00Z", False, 2, None),
    ]


def test_history_of_a_whole_indicator_is_latest_period_first(plan: Path):
    doc = js("history", "growth")
    assert [(v["period"], v["value"], v["in_force"]) for v in doc["vintages"]] == [
        ("2022-H2", 8.1, True),
        ("2022-H1", 9.22, True),
        ("2022-H1", 10.66, False),
    ]


def test_history_as_of_shows_what_was_known(plan: Path):
    doc = js("history", "growth", "2022-H1", "--as-of", "2023-08-09")
    assert [(v["value"], v["in_force"]) for v in doc["vintages"]] == [(10.66, True)]
    # The end of the revision's own day includes it.
    doc = js("history", "growth", "2022-H1", "--as-of", "2023-08-10")
    assert [(v["value"], v["in_force"]) for v in doc["vintages"]] == [(9.22, True), (10.66, False)]


def test_a_tie_on_recorded_at_goes_to_the_later_line(plan: Path):
    """share 2021 has two rows recorded at the same second: the later line is in force,
    in history exactly as in every other command."""
    doc = js("history", "share", "2021")
    assert [(v["value"], v["line"], v["in_force"]) for v in doc["vintages"]] == [(11.4, 8, True), (11.2, 4, False)]
    rows = js("observations", "--indicator", "share")["observations"]
    assert [(o["period"], o["value"]) for o in rows] == [("2020", 10), ("2021", 11.4)]


def test_history_agrees_with_in_force_on_every_key(plan: Path):
    obs = read_store(plan / "observations.csv").observations
    for day in (None, "2022-06-28", "2022-12-31", "2023-08-10", "2030-01-01"):
        current = {(o.indicator, o.period): o for rows in in_force(obs, day).values() for o in rows}
        for ind in ("growth", "share", "fdi"):
            marked = {(ind, v.observation.period): v.observation for v in vintages(obs, ind, as_of=day) if v.in_force}
            assert marked == {k: o for k, o in current.items() if k[0] == ind}


def test_history_csv_tsv_and_table(plan: Path):
    r = run("history", "growth", "--format", "csv")
    assert r.exit_code == 0
    assert r.stdout.splitlines() == [
        # as_of last (twenty-fourth session): empty without --as-of.
        # then where the figure replaced came from (twenty-fifth session).
        "period,value,status,source,note,recorded_at,in_force,line,revises,as_of,revises_source,revises_recorded_at,"
        "revises_status",
        '2022-H2,8.1,estimate,"\'=HYPERLINK(""http://evil"")",,2022-12-20T00:00:00Z,true,6,,,,,',
        # revises (added in the sixteenth session): 9.22 replaced 10.66; the others are first.
        "2022-H1,9.22,official,yearbook 2022,revised,2023-08-10T09:00:00Z,true,5,10.66,,"
        "press release 6/2022,2022-06-28T10:00:00Z,estimate",  # and its status (twenty-seventh session)
        "2022-H1,10.66,estimate,press release 6/2022,,2022-06-28T10:00:00Z,false,2,,,,,",
    ]
    r = run("history", "growth", "2022-H1", "--format", "tsv")
    assert (
        r.stdout.splitlines()[1]
        == "2022-H1\t9.22\tofficial\tyearbook 2022\trevised\t2023-08-10T09:00:00Z\ttrue\t5\t10.66\t"
        "\tpress release 6/2022\t2022-06-28T10:00:00Z\testimate"  # where 10.66 came from, its status
    )
    r = run("history", "share", "--format", "table", env={"COLUMNS": "200"})
    assert r.exit_code == 0
    # Markup from targets.yaml and from the store is printed as typed, never interpreted.
    assert "[red]Manufacturing[/red] share [share]" in r.stdout
    assert "[bold]report[/bold]" in r.stdout


@pytest.mark.parametrize(
    "args, code, message",
    [
        (
            ["history", "grwth"],
            1,
            "targets.yaml: error: no indicator 'grwth'; did you mean 'growth'? "
            "(indicators: growth, share, fdi, fdi_per_share)\n",
        ),
        (
            ["history", "growth", "2022-H3"],
            2,
            "history: error: '2022-H3': half 3 does not exist (H1 or H2); valid forms: 2023 (year), "
            "2023-H1 (half), 2023-Q2 (quarter), 2023-04 (month), 2023-9M (first 9 months)\n",
        ),
        (
            ["history", "fdi_per_share"],
            1,
            "targets.yaml: error: indicator 'fdi_per_share' is derived (formula: fdi / share); "
            "its history is that of its inputs\n",
        ),
        (
            ["history", "growth", "--as-of", "2023-02-30"],
            2,
            "--as-of: error: '2023-02-30' is no day of the calendar: 2023-02 has 28 days\n",
        ),
        # Python reads these as dates (ISO's basic and week forms); the message asks for
        # YYYY-MM-DD, so they are refused too (issue 17's hostile pass: 20250101 ran).
        (
            ["history", "growth", "--as-of", "20230628"],
            2,
            # Told the day they name since the thirty-third session (pass L).
            "--as-of: error: '20230628' is not a date; a day is written YYYY-MM-DD, with hyphens: write 2023-06-28\n",
        ),
        (
            ["history", "growth", "--as-of", "2023-W26-3"],
            2,
            # Week 26 of 2023 runs from Monday 26 June: its 3rd day is the 28th.
            "--as-of: error: '2023-W26-3' is not a date; a day is written YYYY-MM-DD, not as a week and a weekday:"
            " write 2023-06-28\n",
        ),
    ],
)
def test_history_refuses_with_a_reason(plan: Path, args, code, message):
    r = run(*args)
    assert r.exit_code == code
    assert r.stderr.endswith(message)
    assert r.stdout == ""


# --- --as-of on the other commands ------------------------------------------------------


def test_as_of_on_observations_status_and_show(plan: Path):
    def growth_h1(*extra: str) -> float:
        rows = js("observations", "--indicator", "growth", *extra)["observations"]
        return next(o["value"] for o in rows if o["period"] == "2022-H1")

    assert growth_h1() == 9.22
    assert growth_h1("--as-of", "2023-08-09") == 10.66  # "what did we know the day before?"
    assert growth_h1("--as-of", "2023-08-10") == 9.22
    early = js("observations", "--as-of", "2022-06-27")["observations"]
    assert [(o["indicator"], o["period"]) for o in early] == [("share", "2020"), ("share", "2021")]

    assert js("status", "share", "--as-of", "2021-12-31")["targets"][0]["latest"]["period"] == "2020"
    assert js("status", "share")["targets"][0]["latest"] == {
        "period": "2021",
        "value": 11.4,
        "status": "preliminary",
        "source": "+report",
        "recorded_at": "2022-01-06T00:00:00Z",
        "revises": 11.2,  # line 70 replaced line 66's 11.2 (recorded 2022-01-05): eighteenth session
        "revises_source": "[bold]report[/bold]",  # line 66's, as stored (twenty-fifth session)
        "revises_recorded_at": "2022-01-05T00:00:00Z",
        "revises_status": "estimate",  # the status of the figure replaced (twenty-seventh session)
        "note": None,  # the figure's own note, last (session 46)
    }
    shown = js("show", "share", "--as-of", "2021-12-31")
    assert [o["period"] for o in shown["observations"]] == ["2020"]


# --- output that cannot be turned against its reader -----------------------------------


def test_csv_cells_that_could_be_formulas_are_neutralised(plan: Path):
    r = run("observations", "--format", "csv")
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert 'growth,2022-H2,8.1,estimate,"\'=HYPERLINK(""http://evil"")",,2022-12-20T00:00:00Z' in lines
    # A negative number stays a number; text starting with @, + or - is quoted away.
    assert "fdi,2023,-5,,'@SUM(A1),'-note,2024-01-05T00:00:00Z" in lines
    assert "share,2021,11.4,preliminary,'+report,,2022-01-06T00:00:00Z" in lines
    tsv = run("observations", "--format", "tsv").stdout
    assert '\t\'=HYPERLINK("http://evil")\t' in tsv


def test_markup_in_targets_yaml_is_shown_literally(plan: Path):
    r = run("status", "--format", "table", env={"COLUMNS": "200"})
    assert r.exit_code == 0
    assert "[red]Manufacturing[/red] share" in r.stdout
    r = run("show", "share", "--format", "table", env={"COLUMNS": "200"})
    assert r.exit_code == 0 and "[red]Manufacturing[/red] share" in r.stdout


# --- concurrency ------------------------------------------------------------------------

WRITER = """
import sys, time
from pathlib import Path
from qntrack.plan.model import Observation
from qntrack.plan.periods import parse_period
from qntrack.files.appending import append_observations

path, who, go = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
count = int(sys.argv[4])
while not go.exists():
    time.sleep(0.001)
period = parse_period("2021")
for i in range(count):
    append_observations(path, [Observation("share", period, i + 0.5, "", who, f"row {i}", "2022-01-01T00:00:00Z")])
"""


def test_two_processes_appending_200_rows_each_leave_exactly_400(tmp_path: Path):
    store = tmp_path / "observations.csv"  # does not exist yet: the header race is part of the test
    go = tmp_path / "go"
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(store), who, str(go), "200"])
        for who in ("writer-a", "writer-b")
    ]
    time.sleep(0.3)
    go.touch()
    for w in writers:
        assert w.wait(timeout=120) == 0
    data = store.read_bytes()
    assert data.count(b"\n") == 401 and data.endswith(b"\n")
    assert data.count(b"indicator,period,value") == 1
    contents = read_store(store)
    assert contents.problems == () and contents.torn_line == 0
    assert len(contents.observations) == 400
    for who in ("writer-a", "writer-b"):
        mine = [o for o in contents.observations if o.source == who]
        assert [o.note for o in mine] == [f"row {i}" for i in range(200)]
        assert [o.value for o in mine] == [i + 0.5 for i in range(200)]


def test_a_process_killed_while_appending_leaves_earlier_rows_intact(tmp_path: Path):
    store = tmp_path / "observations.csv"
    go = tmp_path / "go"
    go.touch()
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(store), "killed", str(go), "1000000"])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not store.exists() or store.read_bytes().count(b"\n") < 100):
        time.sleep(0.01)
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=30)
    # The kill may fall inside an append, whose journal then tells where the committed rows end.
    contents = read_store(store, committed_only=True)
    # Whatever the moment of the kill, every complete row is there, in order, unchanged;
    # at most the last line is torn, and it is reported, not read.
    assert all(p.location.line == contents.torn_line for p in contents.problems)
    assert [o.note for o in contents.observations] == [f"row {i}" for i in range(len(contents.observations))]
    # 99 rows were on disk before the kill; the last of them may not have been committed yet
    # (its journal not yet removed), and then it is not read.
    assert len(contents.observations) >= 98


# --- torn lines and repair --------------------------------------------------------------


def _tear(plan: Path, tail: bytes = b"share,2024,1") -> bytes:
    before = (plan / "observations.csv").read_bytes()
    with open(plan / "observations.csv", "ab") as fh:
        fh.write(tail)  # what a process killed in the middle of its write leaves behind
    return before


TORN = re.compile(
    r"^\S*observations\.csv:9: error: incomplete last row \(the file does not end with a newline: a "
    r"write was interrupted\); the rows before it are intact; run 'qntrack check --repair' to move it "
    r"to a side file\n$"
)


def test_check_reports_a_torn_line_with_its_number_and_the_repair(plan: Path):
    _formulas_fixed_by_hand(plan)
    _tear(plan)
    r = run("check")
    assert r.exit_code == 1
    assert TORN.match(r.stderr), r.stderr
    doc = json.loads(run("check", "--format", "json").stdout)
    assert [(p["line"], p["check"], p["severity"]) for p in doc["problems"]] == [(9, "torn-line", "error")]
    r = run("check", "--targets", "targets.yaml")
    assert "run 'qntrack check --repair --targets targets.yaml'" in r.stderr


def test_nothing_is_glued_onto_a_torn_line(plan: Path):
    torn = _tear(plan) + b"share,2024,1"
    r = run("add-observation", "share", "2024", "13")
    assert r.exit_code == 1
    assert re.search(
        r"observations\.csv:9: error: the file ends in an incomplete row; nothing was added; "
        r"run 'qntrack check --repair' first\n$",
        r.stderr,
    )
    assert (plan / "observations.csv").read_bytes() == torn


def test_repair_moves_the_tail_aside_and_the_next_append_works(plan: Path):
    _formulas_fixed_by_hand(plan)
    before = _tear(plan, b"share,2024,1")
    r = run("check", "--repair")
    assert r.exit_code == 0, r.stderr
    side = [p for p in plan.iterdir() if p.name.startswith("observations.csv.torn-")]
    assert len(side) == 1 and re.fullmatch(r"observations\.csv\.torn-\d{8}T\d{6}Z", side[0].name)
    assert side[0].read_bytes() == b"share,2024,1"  # never deleted
    assert (plan / "observations.csv").read_bytes() == before  # every complete row, byte for byte
    assert r.stderr.startswith("moved the incomplete line 9 (12 bytes) of ")
    assert r.stderr.endswith("; re-enter that row if it is still wanted\n")
    # Written whole through a temporary file: nothing left behind, permissions kept.
    assert not [p for p in plan.iterdir() if p.name.endswith(".tmp")]
    assert stat.S_IMODE((plan / "observations.csv").stat().st_mode) == 0o644
    r = run("add-observation", "share", "2024", "13", "--recorded-at", "2025-01-05")
    assert r.exit_code == 0, r.stderr
    assert (plan / "observations.csv").read_bytes() == before + b"share,2024,13,,,,2025-01-05T00:00:00Z\n"
    assert run("check").exit_code == 0
    again = run("check", "--repair")
    assert again.exit_code == 0 and again.stderr.startswith("nothing to repair: ")


def test_repair_of_a_store_torn_inside_its_header(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    (tmp_path / "observations.csv").write_bytes(b"indicator,period,va")
    monkeypatch.chdir(tmp_path)
    assert run("check", "--repair").exit_code == 0
    assert (tmp_path / "observations.csv").read_bytes() == b""
    assert run("add-observation", "share", "2024", "13", "--recorded-at", "2025-01-05").exit_code == 0
    assert (tmp_path / "observations.csv").read_text() == (
        "indicator,period,value,status,source,note,recorded_at\nshare,2024,13,,,,2025-01-05T00:00:00Z\n"
    )


def test_repair_waits_for_the_append_lock(plan: Path):
    from qntrack.files.repair import repair_store

    before = _tear(plan)
    path = plan / "observations.csv"
    done = []
    with store_lock(path):
        worker = threading.Thread(target=lambda: done.append(repair_store(path)))
        worker.start()
        time.sleep(0.3)
        assert not done and path.read_bytes().endswith(b"share,2024,1")
    worker.join(timeout=30)
    assert done and done[0] is not None and done[0].torn_line == 9
    assert path.read_bytes() == before


# --- named checks -----------------------------------------------------------------------


def test_check_list_names_every_check(plan: Path):
    r = run("check", "--list")
    assert r.exit_code == 0 and r.stderr == ""
    assert [line.split()[0] for line in r.stdout.splitlines()] == [
        "syntax",
        "store",
        "torn-line",
        "unknown-indicator",
        "derived-recorded",
        "frequency",
        "timing",
        "formula",
        "same-moment",
        "derived",
        "growth-floor",
        "jump",
        "stale",
        "milestone-due",
        "unit",
        "units-sum",
        "group-names",
        "milestone-side",
        "repeated",
        "merged-retraction",
        "control",
        "invisible",
        "year-to-date",
        "parts-sum",
        "lost-letters",
        "official-replaced",  # twenty-fourth session
        "yearly-unjudged",  # thirtieth session
        "unit-names",  # thirty-first session
        "open-sdg-status",  # thirty-seventh session
        "unit-baseline",  # forty-third session
    ]
    doc = js("check", "--list")
    assert {c["name"]: (c["severity"], c["default"]) for c in doc["checks"]} == {
        c.name: (c.severity, c.default) for c in CHECKS
    }
    assert "stale" not in DEFAULT_CHECKS and "jump" in DEFAULT_CHECKS


def test_check_is_silent_on_good_files(plan: Path):
    _formulas_fixed_by_hand(plan)
    r = run("check")
    assert r.exit_code == 0 and r.stdout == "" and r.stderr == ""


def test_jump_between_vintages_is_a_warning(plan: Path):
    _formulas_fixed_by_hand(plan)
    with open(plan / "observations.csv", "a", encoding="utf-8") as fh:
        fh.write("growth,2022-H2,810,official,typo,,2023-02-01T00:00:00Z\n")
    r = run("check")
    assert r.exit_code == 0  # a warning: it may be right
    assert r.stderr.endswith(
        "observations.csv:9: warning: growth 2022-H2: 810 (recorded 2023-02-01T00:00:00Z) differs from the vintage "
        "before it, 8.1 (line 6, recorded 2022-12-20T00:00:00Z), by a factor of 100; a unit or typing slip? "
        "(warned above 5 times; --jump-factor)\n"
    )
    assert run("check", "--jump-factor", "150").stderr == ""
    doc = json.loads(run("check", "--format", "json").stdout)
    assert [(p["line"], p["check"], p["severity"]) for p in doc["problems"]] == [(9, "jump", "warning")]
    # Before the typo was recorded, nothing to warn about.
    assert run("check", "--as-of", "2023-01-31").stderr == ""


@pytest.mark.parametrize("factor", ["1", "0.5", "-3", "nan", "inf", "1e309"])
def test_jump_factor_must_exceed_one(plan: Path, factor: str):
    # 'inf' is greater than 1: the message says finite, so that it reads true for it too.
    r = run("check", "--jump-factor", factor)
    assert r.exit_code == 2
    # Echoed as typed (pass K, s45: it was float()'s '1.0', '-3.0', 'inf' for 1e309).
    assert r.stderr == f"--jump-factor: error: '{factor}' must be a finite number greater than 1, e.g. 5\n"


def test_stale_relative_to_as_of(plan: Path):
    _formulas_fixed_by_hand(plan)
    # share is yearly; its latest, 2021, is followed by 2022, expected within 90 days of
    # its end: by 2023-03-31. growth is half-yearly; after 2022-H2 comes 2023-H1, ending
    # 30 June, expected by 2023-09-28.
    assert run("check", "stale", "--as-of", "2023-03-31").stderr == ""
    r = run("check", "stale", "--as-of", "2023-04-01")
    assert r.exit_code == 0
    assert r.stderr == (
        "targets.yaml:9:3: warning: indicator 'share' (frequency: year): the latest observation is "
        "for 2021; the next year ended 2022-12-31, its figure was expected by 2023-03-31 and none is "
        "recorded as of 2023-04-01\n"
    )
    r = run("check", "stale", "--as-of", "2023-09-29")
    assert r.stderr.splitlines()[0] == (
        "targets.yaml:4:3: warning: indicator 'growth' (frequency: half): the latest observation is for 2022-H2; "
        "the next half ended 2023-06-30, its figure was expected by 2023-09-28 and none is recorded as of 2023-09-29"
    )
    # Relative to today when no --as-of is given.
    problems = run_checks("targets.yaml", ["stale"], today=date(2022, 1, 1))
    assert problems == []


def test_milestone_due_without_data(plan: Path):
    _formulas_fixed_by_hand(plan)
    assert run("check", "milestone-due", "--as-of", "2024-03-30").stderr == ""
    r = run("check", "milestone-due", "--as-of", "2026-04-01")
    assert r.exit_code == 0
    assert r.stderr.splitlines() == [
        "targets.yaml:24:9: warning: target 'share': milestone 15 by 2025 is due (2025 ended 2025-12-31; figures "
        "expected by 2026-03-31) but 'share' has no observation for 2025 as of 2026-04-01",
    ]
    # fdi's 2023 plan has its figure (recorded 2024-01-05): nothing to say about it.
    assert "fdi-plan-2023" not in r.stderr
    r = run("check", "milestone-due", "--as-of", "2024-04-01")
    assert "target 'fdi-plan-2023'" not in r.stderr


def test_a_period_finer_than_its_frequency_alone_is_found(plan: Path):
    # The only row problem in the store: check looks at the rows one by one only when some
    # distinct (frequency, period) or key can fail (issue 17), and this one can.
    _formulas_fixed_by_hand(plan)
    with open(plan / "observations.csv", "a", encoding="utf-8") as fh:
        fh.write("share,2023-Q1,1,,,,2024-01-01T00:00:00Z\n")
    lines = (plan / "observations.csv").read_text(encoding="utf-8").count("\n")
    r = run("check", "--format", "json")
    assert r.exit_code == 1
    found = [(p["line"], p["check"]) for p in json.loads(r.stdout)["problems"] if p["severity"] == "error"]
    assert found == [(lines, "frequency")]


def test_errors_exit_1_with_their_check_names(plan: Path):
    _formulas_fixed_by_hand(plan)
    with open(plan / "observations.csv", "a", encoding="utf-8") as fh:
        fh.write("gdp,2023,1,,,,2024-01-01T00:00:00Z\n")
        fh.write("share,2023-Q1,1,,,,2024-01-01T00:00:00Z\n")
        fh.write("fdi_per_share,2023,1,,,,2024-01-01T00:00:00Z\n")
        fh.write("share,2023,0,,,,2024-01-01T00:00:00Z\n")
    r = run("check", "--format", "json")
    assert r.exit_code == 1
    doc = json.loads(r.stdout)
    assert [(p["line"], p["check"], p["severity"]) for p in doc["problems"]] == [
        (9, "unknown-indicator", "error"),
        (10, "frequency", "error"),
        (11, "derived-recorded", "error"),
        (16, "derived", "warning"),
    ]
    assert doc["problems"][3]["message"] == (
        "indicator 'fdi_per_share' in 2023: division by zero (share is 0); the period is left out"
    )


def test_unknown_check_names_are_usage_errors(plan: Path):
    r = run("check", "stail")
    assert r.exit_code == 2
    assert (
        r.stderr == "check: error: unknown check 'stail'; did you mean 'stale'? ('qntrack check --list' shows them)\n"
    )


def test_all_runs_every_check(plan: Path):
    _formulas_fixed_by_hand(plan)
    doc = js("check", "--all", "--as-of", "2030-01-01")
    assert doc["checks"] == [c.name for c in CHECKS]
    assert {p["check"] for p in doc["problems"]} == {"stale", "milestone-due"}


# --- through a real pipe ----------------------------------------------------------------


def test_installed_command_through_pipes(plan: Path):
    """The console script, stdin from a pipe, stdout into a pipe: as in a shell script."""
    cmd = [sys.executable, "-m", "qntrack"]
    env = {**os.environ, "QNTRACK_TARGETS": str(plan / "targets.yaml")}
    env.pop("COLUMNS", None)
    feed = "indicator,period,value,source\ngrowth,2023-H1,7.7,=1+1\n"
    r = subprocess.run(
        cmd + ["add-observation", "--from", "-", "--recorded-at", "2023-07-10"],
        input=feed.encode(),
        capture_output=True,
        env=env,
        timeout=60,
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout == b""
    r = subprocess.run(cmd + ["history", "growth", "2023-H1"], capture_output=True, env=env, timeout=60)
    assert r.returncode == 0
    # Piped, the default is TSV, and the formula-looking source is neutralised.
    assert r.stdout.decode().splitlines() == [
        "period\tvalue\tstatus\tsource\tnote\trecorded_at\tin_force\tline\trevises\tas_of\trevises_source\trevises_recorded_at"
        "\trevises_status",
        "2023-H1\t7.7\t\t'=1+1\t\t2023-07-10T00:00:00Z\ttrue\t9\t\t\t\t\t",  # a first figure: revises nothing
    ]
    bad = subprocess.run(
        cmd + ["add-observation", "--from", "-"],
        input=b"indicator,period,value\ngrowth,Q5,1\n",
        capture_output=True,
        env=env,
        timeout=60,
    )
    assert bad.returncode == 1
    assert b"Traceback" not in bad.stderr
    assert bad.stderr.decode().startswith("<stdin>:2: error: 'Q5' is not a period")


@pytest.mark.parametrize("period", ["9999", "9999-H2", "9999-H1"])
def test_a_figure_at_the_end_of_the_calendar_is_no_traceback_for_stale(plan: Path, period: str):
    # The next period after 9999 (or its 90 days of grace after 9999-H1) is past the last
    # date Python knows: such a series cannot be overdue; the row's own timing is an error.
    _formulas_fixed_by_hand(plan)
    with open(plan / "observations.csv", "a", encoding="utf-8") as fh:
        fh.write(f"growth,{period},1,estimate,far,,2024-01-05T00:00:00Z\n")
    r = run("check", "--all", "--as-of", "2024-06-30")
    assert r.exit_code == 1, r.output
    assert "Traceback" not in r.output and f"growth {period}: period {period} has not begun" in r.stderr
    assert "indicator 'growth'" not in r.stderr  # not stale


def test_a_milestone_at_the_end_of_the_calendar_is_no_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # Its figures would be expected 90 days after 9999-12-31: never due in any reference day.
    make_tracker(tmp_path, monkeypatch, TARGETS.replace("{by: 2025, value: 15}", "{by: 9999, value: 15}"), OBSERVATIONS)
    _formulas_fixed_by_hand(tmp_path)
    r = run("check", "milestone-due", "--as-of", "2026-04-01")
    assert (r.exit_code, r.stderr) == (0, "")


def test_check_warns_of_a_cell_over_two_lines_written_by_hand(tracker: Path):
    """Every entry refuses a line break in a cell, but a hand edit can leave one, and the
    readers take it: check said nothing, and the store's own export could then not be
    imported back (a hostile pass). A warning names the row's lines and what to do."""
    with open("observations.csv", "a", encoding="utf-8", newline="") as fh:
        fh.write('share,2024-Q2,13.1,official,"Cục TK\nquý II",,2024-07-05T00:00:00Z\n')
        fh.write('mining,2021,16.9,,src-g,"a note\r\nover lines",2022-01-05T00:00:00Z\n')
    doc = json.loads(run("check", "--format", "json").stdout)
    said = [(p["line"], p["check"], p["severity"], p["message"]) for p in doc["problems"] if p["check"] == "store"]
    assert said == [
        (
            9,
            "store",
            "warning",
            "a cell of this row runs over lines 8-9; every other way into the store keeps a cell on one line, "
            "and a file exported from it cannot be imported again: join the lines",
        ),
        (
            11,
            "store",
            "warning",
            "a cell of this row runs over lines 10-11; every other way into the store keeps a cell on one line, "
            "and a file exported from it cannot be imported again: join the lines",
        ),
    ]
    vi = run("--lang", "vi", "check")
    assert "dòng 8-9" in vi.stderr, vi.stderr


def test_a_quote_never_closed_in_the_store_is_said_so(tracker: Path):
    """The csv module reads an unclosed quote to the end of the file, so the row came out
    as too few fields, and that was all check said; the import says "a stray or missing
    quote?" of the same fault (a hostile pass)."""
    with open("observations.csv", "a", encoding="utf-8", newline="") as fh:
        fh.write('share,2024-Q3,7.7,estimate,"Cục TK, 2026,,2026-10-05T00:00:00Z\n')
    doc = json.loads(run("check", "--format", "json").stdout)
    said = [p["message"] for p in doc["problems"] if p["check"] == "store"]
    assert said == [
        "expected 7 fields (indicator,period,value,status,source,note,recorded_at), found 5: "
        "a quote opened in this row is not closed, so the rest of the file reads as one cell"
    ]
