"""Issue 17, thirty-second session, pass H: provenance and time travel, tried by an auditor
who trusts nothing. Each test was written failing first; the expected figures are worked
out by hand from the rows typed here (the vintages of one year's share: an estimate, a
preliminary, an official figure, one recorded earlier than the one before, a retraction
and the figure recorded again)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conftest import make_tracker

PLAN = """\
version: 1
title: "Audit plan"
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

# 2023's share: estimate 12.5, preliminary 12.8, official 13.1, an official 12.9 appended
# later but recorded before 13.1, 13.1 withdrawn on 2024-08-10, then 13.2 recorded again.
STORE = """\
indicator,period,value,status,source,note,recorded_at
share,2022,12,official,Yearbook 2022,,2023-06-30T03:00:00Z
share,2023,12.5,estimate,Report A,,2023-12-20T10:00:00Z
share,2023,12.8,preliminary,Report B,,2024-03-01T18:00:00Z
share,2023,13.1,official,Yearbook 2023,,2024-06-30T20:00:00Z
share,2023,12.9,official,Earlier,,2024-05-01T00:00:00Z
share,2023,,retracted,Dept,wrong table,2024-08-10T09:00:00Z
share,2023,13.2,official,Yearbook 2023 corrected,,2024-09-01T16:30:00Z
"""


@pytest.fixture
def audit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, PLAN, STORE)


# --- 1. a day from Python with spaces round it ------------------------------------------------


@pytest.mark.parametrize("day", [" 2024-08-10", "2024-08-10 ", "\t2024-08-10\n"])
def test_a_padded_day_from_python_keeps_the_figure_withdrawn(audit: Path, day: str) -> None:
    """A notebook's day read from a cell or a file (" 2024-08-10", "2024-08-10\\n") judged
    the right figures (open_workspace strips it) but compared the padded text with each
    recorded_at to find the figures withdrawn: " 2024-08-10T23:59:59Z" sorts before every
    moment, so the 13.1 withdrawn that day vanished from `withdrawn`, and the document's
    `as_of` (docs/json.md: YYYY-MM-DD) said the padded text. By the end of 2024-08-10 the
    2023 figure in force is the retraction: latest is 2022's 12, and 13.1 (recorded
    2024-06-30, Yearbook 2023) is withdrawn with nothing recorded again yet."""
    import qntrack

    doc = qntrack.status("targets.yaml", as_of=day)
    assert doc["as_of"] == "2024-08-10"
    target = doc["targets"][0]
    assert target["latest"]["period"] == "2022" and target["latest"]["value"] == 12.0
    withdrawn = target["withdrawn"]
    assert [(w["period"], w["value"], w["in_force"]) for w in withdrawn] == [("2023", 13.1, None)]
    assert withdrawn[0]["value_source"] == "Yearbook 2023"
    assert doc == qntrack.status("targets.yaml", as_of="2024-08-10")


def test_a_padded_day_given_to_status_document_finds_what_a_figure_revised(audit: Path) -> None:
    """``status_document`` given the store's rows works out what each figure in force
    replaced by the day: by the end of 2024-03-01 the 2023 figure in force is 12.8
    (preliminary, Report B, 18:00 UTC), which replaced the estimate 12.5 (Report A). A
    padded day found no row recorded by it, and said no revision at all."""
    import qntrack
    from qntrack.output.formats import status_document

    ws = qntrack.open_workspace("targets.yaml", as_of="2024-03-01")
    found = qntrack.assess(ws.plan, ws.series, today="2024-03-01")
    doc = status_document(found, " 2024-03-01 ", ws.plan.title, observations=ws.store.observations)
    assert doc["as_of"] == "2024-03-01"
    latest = doc["targets"][0]["latest"]
    assert (latest["value"], latest["source"]) == (12.8, "Report B")
    assert (latest["revises"], latest["revises_source"], latest["revises_status"]) == (12.5, "Report A", "estimate")


def test_a_moment_given_as_a_document_s_day_is_refused_as_the_command_refuses_it(audit: Path) -> None:
    """A ``datetime`` (a pandas Timestamp) is a moment, not a day: ``status`` refuses it,
    naming ``as_of``; ``history_document`` wrote it as "2024-08-10T01:00:00" in `as_of`,
    a day no command prints."""
    from datetime import datetime

    import qntrack
    from qntrack.output.documents import history_document

    with pytest.raises(qntrack.InputError) as caught:
        history_document("share", [], as_of=datetime(2024, 8, 10, 1, 0))
    assert "as_of" in str(caught.value) and "not a date" in str(caught.value)
    assert history_document("share", [], as_of=" 2024-08-10")["as_of"] == "2024-08-10"


# --- 2. a report made without --as-of says the day its deadlines were read --------------------


class _FirstOfDecember(date):
    """The machine's calendar on 1 December 2026, as ``reference_day`` reads it."""

    @classmethod
    def today(cls) -> _FirstOfDecember:
        return cls(2026, 12, 1)


@pytest.mark.parametrize(
    ("lang", "heading", "awaited"),
    [
        ("en", "Progress report · As of 2026-12-01 · figures recorded up to 2024-09-01 · 1 target", "(2025)"),
        ("vi", "Báo cáo tiến độ · Tính đến 01/12/2026 · số liệu ghi nhận đến 01/09/2024 · 1 mục tiêu", "(năm 2025)"),
    ],
)
def test_a_report_without_as_of_says_the_day_it_read_its_deadlines_by(
    audit: Path, monkeypatch: pytest.MonkeyPatch, lang: str, heading: str, awaited: str
) -> None:
    """Made on 1 December 2026 with no --as-of, the report judged the 2025 milestone as a
    deadline passed ("⌛ awaiting figure 2025": 2025 ended on 31 December 2025, before the
    day), yet its heading gave only "figures recorded up to 2024-09-01" (13.2, the last
    row), a day on which 2025 was still to come: an auditor could not tell by which day the
    statuses were judged, nor reproduce them (`--as-of 2024-09-01` says nothing is awaited).
    It now says "As of 2026-12-01", the day `--as-of 2026-12-01` would give, and the report
    is the same as that one."""
    from helpers import run_clean

    from qntrack.files import workspace

    monkeypatch.setattr(workspace, "date", _FirstOfDecember)
    made = run_clean("--lang", lang, "report", "--format", "markdown")
    assert made.exit_code == 0, made.stderr
    assert heading in made.stdout.splitlines()
    assert awaited in made.stdout and "⌛" in made.stdout
    assert made.stdout == run_clean("--lang", lang, "report", "--format", "markdown", "--as-of", "2026-12-01").stdout


# --- 3. check --as-of reads the vintages recorded by the day, as its help says ----------------


def test_check_as_of_a_day_is_not_told_of_two_vintages_recorded_after_it(audit: Path) -> None:
    """Two different figures for 2022 stamped with one moment, 2025-01-10T00:00:00Z (lines 9
    and 10): which is in force depends on the order of the lines, an error. `check --as-of
    2025-01-09` ("use only figures recorded by the end of DATE") said it anyway, exit 1,
    for rows no one had recorded by then, where the jump and official-replaced checks left
    such rows out; by the end of 2025-01-09 2022's figure is 12 (line 2) alone. From
    2025-01-10 on, the error is said, at line 10, naming line 9."""
    from helpers import run_clean

    with open("observations.csv", "a", encoding="utf-8") as fh:
        fh.write("share,2022,12.1,official,Yearbook 2023,,2025-01-10T00:00:00Z\n")
        fh.write("share,2022,12.2,official,Yearbook 2023 (web),,2025-01-10T00:00:00Z\n")
    before = run_clean("check", "--as-of", "2025-01-09")
    assert (before.exit_code, before.stderr) == (0, "")
    on = run_clean("check", "--as-of", "2025-01-10")
    assert on.exit_code == 1
    assert on.stderr.startswith(
        "observations.csv:10: error: share 2022 recorded at 2025-01-10T00:00:00Z is already recorded at that "
        "moment with another figure on line 9;"
    ), on.stderr
    assert run_clean("check").stderr == on.stderr


# --- 4. a baseline read from a figure says that figure revised one ---------------------------

BASELINE_PLAN = """\
version: 1
title: "Poverty"
indicators:
  poverty:
    name: "Poverty rate"
    unit: "%"
    direction: decrease
targets:
  - id: poverty-down
    indicator: poverty
    baseline: 2021
"""

# 2021's rate, the baseline, first 5 (P21), then revised to 6 (P21 rev) on 2024-06-01.
BASELINE_STORE = """\
indicator,period,value,status,source,note,recorded_at
poverty,2021,5,official,P21,,2022-03-01T00:00:00Z
poverty,2023,4,official,P23,,2024-03-01T00:00:00Z
poverty,2021,6,official,P21 rev,,2024-06-01T00:00:00Z
"""


@pytest.fixture
def baseline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, BASELINE_PLAN, BASELINE_STORE)


def test_a_baseline_figure_revised_since_is_marked_where_it_is_shown(baseline: Path) -> None:
    """`baseline: 2021` reads the 2021 figure in force. On 2024-06-01 it was revised from 5
    to 6, and P moved from 0.11 to 0.18 with the latest figure (4 for 2023) unchanged:
    method 1, lower is better, P = −a, a = (4 / 5)^(1/2) − 1 = −0.1056 before and
    (4 / 6)^(1/2) − 1 = −0.1835 after. Nothing said why: `show`'s Baseline "6% (2021)" bore
    no mark, and the JSON's baseline was `{period, value}` alone. The baseline is now
    marked as the latest figure is, its legend line naming both publications, and the JSON's
    baseline says what it replaced (keys appended, as `latest`'s)."""
    import json

    from helpers import run_clean

    before = run_clean("show", "poverty-down", "--as-of", "2024-03-01")
    assert "Baseline       5% (2021)" in before.stdout and "[1]" not in before.stdout, before.stdout
    after = run_clean("show", "poverty-down", "--as-of", "2024-06-01")
    assert "Baseline       6%[1] (2021)" in after.stdout, after.stdout
    assert (
        "[1] Poverty rate 2021: 5% → 6% (official, recorded 2024-06-01; source: P21 rev), "
        "replacing 5% (recorded 2022-03-01; source: P21)"
    ) in " ".join(after.stdout.split()), after.stdout
    base = json.loads(run_clean("status", "--as-of", "2024-06-01", "-f", "json").stdout)["targets"][0]["baseline"]
    assert base == {
        "period": "2021",
        "value": 6.0,
        "revises": 5.0,
        "revises_source": "P21",
        "revises_recorded_at": "2022-03-01T00:00:00Z",
        "revises_status": "official",
    }
    base = json.loads(run_clean("status", "--as-of", "2024-03-01", "-f", "json").stdout)["targets"][0]["baseline"]
    assert base["value"] == 5.0 and base["revises"] is None


def test_a_baseline_stated_in_the_plan_replaces_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`baseline: {period: 2021, value: 5.5}` is the plan's figure, not the store's: the 2021
    figure revised in the store (5 → 6) is not what the baseline is, so nothing is marked
    and the JSON's baseline replaced nothing."""
    import json

    from helpers import run_clean

    plan = BASELINE_PLAN.replace("baseline: 2021", "baseline: {period: 2021, value: 5.5}")
    make_tracker(tmp_path, monkeypatch, plan, BASELINE_STORE)
    shown = run_clean("show", "poverty-down")
    assert "Baseline       5.5% (2021)" in shown.stdout and "[1]" not in shown.stdout, shown.stdout
    base = json.loads(run_clean("status", "-f", "json").stdout)["targets"][0]["baseline"]
    assert (base["value"], base["revises"], base["revises_source"]) == (5.5, None, None)


def test_the_json_report_made_without_as_of_records_the_day_it_read_its_deadlines_by(
    audit: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The JSON and TOML reports are the snapshot archived with a review. Made on
    1 December 2026 without --as-of, its `as_of` is null (the figures in force when it was
    made, as the contract says), and its headline listed share as awaiting its 2025 figure,
    a deadline passed only by a day the document recorded nowhere. The headline now ends
    with `day`, that day; with --as-of, the --as-of day (by 2024-09-01, 2025 was still to
    come: nothing awaited)."""
    import json

    from helpers import run_clean

    from qntrack.files import workspace

    monkeypatch.setattr(workspace, "date", _FirstOfDecember)
    head = json.loads(run_clean("report", "--format", "json").stdout)["headline"]
    assert head["awaiting_figure"] == [{"id": "share", "awaiting_figures": ["2025"]}]
    # `day` was last until `provisional` followed it (thirty-sixth session).
    assert list(head)[-2:] == ["day", "provisional"] and head["day"] == "2026-12-01"
    head = json.loads(run_clean("report", "--format", "json", "--as-of", "2024-09-01").stdout)["headline"]
    assert (head["awaiting_figure"], head["day"]) == ([], "2024-09-01")
    toml = run_clean("report", "--format", "toml").stdout
    assert 'day = "2026-12-01"' in toml.split("[headline]", 1)[1], toml
