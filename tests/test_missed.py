"""A missed milestone never disappears (issue 12): once the headline moves on to the next
milestone, the miss stays in every output and trips ``--fail-on not_achieved``.

The plan: base 9.8 % (2020), 15 % by 2025, 20 % by 2030; 2025 = 14.0, 2026 = 14.5.
By hand: the 2025 milestone is judged on 2025's figure, 14.0 < 15: missed.
The headline is 2030: achieved CAGR (14.5 / 9.8) ** (1/6) - 1 = 0.067473, required
(20 / 9.8) ** (1/10) - 1 = 0.073941, P = 0.9125: moderate progress (0.60 <= P < 0.95).
Where 15 % would be reached at the achieved pace: ln(15 / 14.5) / ln(1.067473) = 0.519
years after 2026, the first whole year 2027 (a projection, so "would be reached").
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run


TARGETS = """\
version: 1
title: "Missed"
indicators:
  share:
    name: {en: "Manufacturing share", vi: "Tỷ trọng chế biến"}
    unit: "%"
    direction: increase
  fdi:
    name: "FDI"
    unit: "million USD"
    measure: flow
    direction: increase
  growth:
    name: "Growth"
    unit: "%"
    measure: rate
    direction: increase
targets:
  - id: share
    indicator: share
    baseline: {period: 2020, value: 9.8}
    milestones:
      - {by: 2025, value: 15}
      - {by: 2030, value: 20}
  - id: fdi-plan-2022
    type: plan
    indicator: fdi
    period: 2022
    value: 1500
  - id: fdi-2021-2023
    type: cumulative
    indicator: fdi
    at_least: 3000
    from: 2021
    to: 2023
  - id: double-digit
    type: every_period
    indicator: growth
    at_least: 10
    from: 2020
    to: 2025
"""

OBSERVATIONS = """\
indicator,period,value,status,source,note,recorded_at
share,2025,14.0,,s,,2026-01-10T00:00:00Z
share,2026,14.5,estimate,s,,2026-11-20T00:00:00Z
fdi,2021,800,,s,,2022-01-10T00:00:00Z
fdi,2022,622,,s,,2023-01-10T00:00:00Z
fdi,2023,1000,,s,,2024-01-10T00:00:00Z
growth,2020,10.5,,s,,2021-01-10T00:00:00Z
growth,2021,9.0,,s,,2022-01-10T00:00:00Z
growth,2022,11.0,,s,,2023-01-10T00:00:00Z
growth,2023,8.4,,s,,2024-01-10T00:00:00Z
"""


@pytest.fixture
def missed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, TARGETS, OBSERVATIONS)


def by_id(doc: dict) -> dict:
    return {t["id"]: t for t in doc["targets"]}


def test_json_lists_the_missed_milestones_of_every_kind(missed: Path):
    """share: 2025 missed, headline 2030. Plan 2022: 622 < 1500. Cumulative 2021-2023:
    800 + 622 + 1000 = 2422 < 3000 with the span over. Every period: 2021 (9.0) and
    2023 (8.4) below 10; 2020 and 2022 pass."""
    r = run("status", "--format", "json")
    assert r.exit_code == 0, r.stderr
    t = by_id(json.loads(r.stdout))
    assert t["share"]["status"] == "moderate_progress"
    assert t["share"]["progress_value"] == pytest.approx(0.9125, abs=5e-4)
    assert t["share"]["next_milestone"] == "2030"
    assert t["share"]["missed_milestones"] == ["2025"]
    assert t["fdi-plan-2022"]["missed_milestones"] == ["2022"]
    assert t["fdi-2021-2023"]["missed_milestones"] == ["2023"]
    assert t["double-digit"]["missed_milestones"] == ["2021", "2023"]


def test_a_target_with_no_miss_has_an_empty_list(tracker: Path):
    r = run("status", "--format", "json")
    assert all(t["missed_milestones"] == [] for t in json.loads(r.stdout)["targets"])


def test_the_projection_of_a_missed_milestone_is_marked(missed: Path):
    share = by_id(json.loads(run("status", "--format", "json").stdout))["share"]
    m2025 = share["milestones"][0]
    assert m2025["status"] == "not_achieved" and m2025["reached_in"] == "2027"
    assert m2025["reached_in_is_projection"] is True


@pytest.mark.parametrize("fmt,sep", [("csv", ","), ("tsv", "\t")])
def test_csv_and_tsv_carry_a_missed_milestones_column(missed: Path, fmt: str, sep: str):
    r = run("status", "--format", fmt)
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(r.stdout), delimiter=sep)}
    assert rows["share"]["missed_milestones"] == "2025"
    assert rows["double-digit"]["missed_milestones"] == "2021;2023"
    assert rows["fdi-plan-2022"]["missed_milestones"] == "2022"


@pytest.mark.parametrize("lang,word", [("en", "missed 2025"), ("vi", "không đạt mốc 2025")])
def test_the_table_keeps_the_miss_beside_the_status(missed: Path, lang: str, word: str):
    for _ in range(2):  # cold, then through the status cache
        r = run("status", "--lang", lang, "--format", "table")
        assert r.exit_code == 0, r.stderr
        assert word in r.stdout


@pytest.mark.parametrize(
    "lang,word,milestone", [("en", "missed 2021, 2023", "milestone"), ("vi", "không đạt kỳ 2021, 2023", "mốc")]
)
def test_an_every_period_targets_failed_periods_are_not_called_milestones(
    missed: Path, lang: str, word: str, milestone: str
):
    """An every-period target has periods, not milestones: its failed years read "không đạt
    kỳ 2021" in Vietnamese ("không đạt mốc" is a level target's missed milestone)."""
    for _ in range(2):  # cold, then through the status cache
        r = run("status", "double-digit", "--lang", lang, "--format", "table", env={"COLUMNS": "200"})
        assert r.exit_code == 0, r.stderr
        line = next(x for x in r.stdout.splitlines() if "✗" in x)
        assert word in line and milestone not in line


def test_show_says_the_milestone_was_not_achieved(missed: Path):
    en = run("show", "share").stdout
    assert "The 2025 milestone of 15% was not achieved: 14%." in en
    assert "At the current pace 15% would be reached in 2027." in en
    assert "Would be reached in" in en
    vi = run("show", "share", "--lang", "vi").stdout
    assert "Không đạt mốc năm 2025 (15%): thực tế 14%." in vi  # the year in words: "năm 2025"
    assert "Với tốc độ hiện nay, mốc 15% sẽ đạt được vào năm 2027." in vi


def test_show_json_lists_the_miss(missed: Path):
    r = run("show", "share", "--format", "json")
    assert r.exit_code == 0, r.stderr
    doc = json.loads(r.stdout)
    target = doc["targets"][0] if "targets" in doc else doc
    assert target["missed_milestones"] == ["2025"]


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_the_report_summary_keeps_the_miss(missed: Path, fmt: str):
    out = missed / f"review.{fmt}"
    r = run("report", "--format", fmt, "-o", str(out))
    assert r.exit_code == 0, r.stderr
    text = out.read_text(encoding="utf-8")
    summary = text[: text.index("What the target says")] if fmt == "markdown" else text
    # In HTML the cross is hidden from a screen reader, its words beside it (twenty-third session).
    said = (
        "Moderate progress (✗ missed 2025)"
        if fmt == "markdown"
        else 'Moderate progress (<span aria-hidden="true">✗</span> missed 2025)'
    )
    assert said in summary
    # The section's own status line keeps it too.
    assert text.count(said) >= 2
    assert "would be 2027" in text


def test_report_json_and_toml_list_the_miss(missed: Path):
    r = run("report", "--format", "json")
    assert by_id(json.loads(r.stdout))["share"]["missed_milestones"] == ["2025"]
    r = run("report", "--format", "toml")
    assert 'missed_milestones = [\n    "2025",\n]' in r.stdout or 'missed_milestones = ["2025"]' in r.stdout


@pytest.mark.parametrize("fmt", ["json", "csv", "table"])
def test_fail_on_not_achieved_trips_on_a_missed_milestone(missed: Path, fmt: str):
    for _ in range(2):  # cold, then through the status cache
        r = run("status", "share", "--format", fmt, "--fail-on", "not_achieved")
        assert r.exit_code == 3
        assert r.stderr == "--fail-on not_achieved: share (2025 milestone missed)\n"


def test_fail_on_names_every_target_that_tripped(missed: Path):
    r = run("status", "--format", "json", "--fail-on", "not_achieved")
    assert r.exit_code == 3
    assert r.stderr == (
        "--fail-on not_achieved: share (2025 milestone missed), fdi-plan-2022, fdi-2021-2023, double-digit\n"
    )


def test_fail_on_another_status_ignores_a_miss(missed: Path):
    r = run("status", "share", "--format", "json", "--fail-on", "deterioration")
    assert r.exit_code == 0 and r.stderr == ""


def test_a_milestone_missed_since_the_review_is_a_change(missed: Path):
    """On 2025-06-30 no share figure was recorded yet (2025's came on 2026-01-10): nothing
    missed then; now the 2025 milestone is missed. The JSON carries both lists."""
    r = run("report", "--format", "json", "--since", "2025-06-30", "share")
    change = json.loads(r.stdout)["since"]["status_changes"][0]
    assert change["id"] == "share"
    assert change["missed_milestones_before"] == [] and change["missed_milestones_after"] == ["2025"]


def test_a_miss_with_the_same_headline_status_is_still_listed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Base 9.8 (2020); 2024 = 13.9 (recorded 2025-01), then 2025 = 14.0 (recorded 2026-01),
    milestones 15 by 2025 and 20 by 2030.
    On 2025-06-30: latest 2024, headline 2025 (not due): a = (13.9/9.8)^(1/4) - 1 = 0.09130,
    r = (15/9.8)^(1/5) - 1 = 0.08886, P = 1.027: substantial progress.
    Now: 2025 (14.0 < 15) missed, headline 2030: a = (14/9.8)^(1/5) - 1 = 0.07394 and
    r = (20/9.8)^(1/10) - 1 = 0.07394 (14/9.8 = sqrt(20/9.8)), P = 1.0: substantial progress
    again. Same status, but 2025 was missed: listed."""
    targets = TARGETS.split("  - id: fdi-plan-2022")[0]
    observations = (
        "indicator,period,value,status,source,note,recorded_at\n"
        "share,2024,13.9,,s,,2025-01-10T00:00:00Z\nshare,2025,14.0,,s,,2026-01-10T00:00:00Z\n"
    )
    make_tracker(tmp_path, monkeypatch, targets, observations)
    r = run("report", "--format", "json", "--since", "2025-06-30")
    doc = json.loads(r.stdout)
    assert doc["targets"][0]["status"] == "substantial_progress"
    change = doc["since"]["status_changes"][0]
    assert (change["before"], change["after"]) == ("substantial_progress", "substantial_progress")
    assert change["missed_milestones_after"] == ["2025"]
    md = run("report", "--since", "2025-06-30").stdout
    assert "Substantial progress (✗ missed 2025)" in md
