"""A data journalist and a policy researcher checking the province's claims (session 46,
pass J): provenance and "what was known when". Each test was written failing first; the
expected values are worked out by hand in the comments."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean

_PLAN = """\
version: 1
title: Revenue
timezone: "+07:00"
indicators:
  rev:
    name: Revenue
    unit: billion VND
    measure: level
    direction: increase
    frequency: year
  share:
    name: Share
    unit: "%"
    measure: level
    direction: increase
    frequency: quarter
targets:
  - id: rev-plan
    type: plan
    indicator: rev
    name: Revenue plan 2024
    period: 2024
    value: 100
  - id: share-level
    type: level
    indicator: share
    name: Share 20 by 2030
    baseline: {period: 2020, value: 10}
    milestones:
      - {by: 2030, value: 20}
"""

# The estimate 105 (first estimate, 2025-01-05), then the preliminary 98 (2025-03-10,
# 09:00 in the plan's zone): the note says why the figure moved. The share's 2023 figure is
# 14; its 2024-Q1 reading, after the latest year, is the provisional one, with its own note.
_STORE = """\
indicator,period,value,status,source,note,recorded_at
rev,2024,105,estimate,src-est,first estimate,2025-01-05T02:00:00Z
rev,2024,98,preliminary,src-prel,revised down after the audit,2025-03-10T02:00:00Z
share,2020,10,official,s0,,2021-01-01T00:00:00Z
share,2023,14,estimate,s1,stated as about 14,2024-01-05T00:00:00Z
share,2024-Q1,15,,s2,first quarter only,2024-04-05T00:00:00Z
"""


@pytest.fixture
def noted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, _PLAN, _STORE)


# --- status --format json and csv gave the figure judged its source, status and
# recorded_at, but not its note: a journalist citing `latest` could not see the caveat the
# store keeps beside the figure ("stated as more than 622 million", "publication date
# approximate", "revised down after the audit"), which show, history and observations give.


def _targets(*args: str) -> dict[str, dict]:
    r = run_clean("status", "--format", "json", *args)
    assert r.exit_code == 0, r.output
    return {t["id"]: t for t in json.loads(r.stdout)["targets"]}


def test_status_json_latest_and_provisional_carry_the_figures_note(noted: Path):
    now = _targets()
    assert now["rev-plan"]["latest"]["value"] == 98
    assert now["rev-plan"]["latest"]["note"] == "revised down after the audit"
    assert list(now["rev-plan"]["latest"])[-1] == "note"  # added last: docs/json.md is a contract
    assert now["share-level"]["latest"]["note"] == "stated as about 14"
    assert now["share-level"]["provisional"]["note"] == "first quarter only"
    # By the end of 2025-03-09 (UTC+07:00) the preliminary figure (09:00 on the 10th) was
    # not yet known: the estimate is judged, and its own note goes with it.
    then = _targets("--as-of", "2025-03-09")
    assert then["rev-plan"]["latest"]["value"] == 105
    assert then["rev-plan"]["latest"]["note"] == "first estimate"


def test_status_json_a_figure_without_a_note_has_null(noted: Path):
    # The baseline 10 has no note; judged_on of the milestone is the 2023 figure (noted).
    share = _targets()["share-level"]
    assert share["milestones"][0]["judged_on"]["note"] == "stated as about 14"
    r = run_clean("status", "--format", "json", "--as-of", "2024-01-04")
    assert r.exit_code == 0, r.output
    # By 2024-01-04 only the baseline year was recorded: no latest at all.
    (t,) = [t for t in json.loads(r.stdout)["targets"] if t["id"] == "share-level"]
    assert t["latest"] is None or t["latest"]["note"] is None


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_status_csv_ends_with_the_latest_and_provisional_notes(noted: Path, fmt: str):
    r = run_clean("status", "--format", fmt)
    assert r.exit_code == 0, r.output
    rows = list(csv.reader(io.StringIO(r.stdout), delimiter="," if fmt == "csv" else "\t"))
    header, body = rows[0], {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    assert header[-2:] == ["latest_note", "provisional_note"]
    assert body["rev-plan"]["latest_note"] == "revised down after the audit"
    assert body["rev-plan"]["provisional_note"] == ""
    assert body["share-level"]["latest_note"] == "stated as about 14"
    assert body["share-level"]["provisional_note"] == "first quarter only"


# --- report --format xlsx: the Figures sheet listed each figure's source, kind and
# recorded day, and what it revised, but not its note, which the HTML and Markdown
# reports print under each table ("Note (2024): revised down after the audit"): an
# office or a newsroom working from the workbook lost the caveat of every figure.


@pytest.mark.parametrize(
    ("as_of", "value", "note"), [(None, 98, "revised down after the audit"), ("2025-03-09", 105, "first estimate")]
)
def test_the_workbooks_figures_sheet_ends_with_each_figures_note(
    noted: Path, tmp_path: Path, as_of: str | None, value: float, note: str
):
    import openpyxl

    out = tmp_path / "review.xlsx"
    r = run_clean("report", "-o", str(out), *(("--as-of", as_of) if as_of else ()))
    assert r.exit_code == 0, r.output
    ws = openpyxl.load_workbook(out)["Figures"]
    rows = list(ws.iter_rows(values_only=True))
    header = list(rows[0])
    assert header[-2:] == ["Unit of breakdown as stored", "Note"]  # last: every column keeps its letter
    by_figure = {(row[0], row[3]): dict(zip(header, row, strict=True)) for row in rows[1:]}
    assert by_figure[("Revenue", "2024")]["Value"] == value
    assert by_figure[("Revenue", "2024")]["Note"] == note
    assert by_figure[("Share", "2024-Q1")]["Note"] == "first quarter only"
    assert by_figure[("Share", "2020")]["Note"] is None  # none recorded: an empty cell


def test_the_workbooks_figures_sheet_gives_a_retractions_note(noted: Path, tmp_path: Path):
    import openpyxl

    r = run_clean("retract", "rev", "2024", "--note", "typed 98 for 89", "--recorded-at", "2025-04-01T10:00")
    assert r.exit_code == 0, r.output
    out = tmp_path / "review.xlsx"
    assert run_clean("report", "-o", str(out)).exit_code == 0
    rows = list(openpyxl.load_workbook(out)["Figures"].iter_rows(values_only=True))
    (row,) = [row for row in rows[1:] if row[0] == "Revenue"]
    assert (row[4], row[-1]) == (None, "typed 98 for 89")  # no value, the retraction's why


_FLOW_PLAN = """\
version: 1
title: Flow
timezone: "+07:00"
indicators:
  inv:
    name: Investment
    unit: million USD
    measure: flow
    direction: increase
    frequency: month
targets:
  - id: inv-2026
    type: plan
    indicator: inv
    name: Investment plan 2026
    period: 2026
    value: 1200
"""

_FLOW_STORE = """\
indicator,period,value,status,source,note,recorded_at
inv,2026-01,100,estimate,dpi,january note,2026-02-05T00:00:00Z
inv,2026-02,90,estimate,dpi,february note,2026-03-05T00:00:00Z
"""


def test_a_sum_qntrack_added_up_says_so_in_its_note(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # January 100 + February 90 = 190, the year-to-date reading by 10 March 2026: no
    # published figure, so no note of one; the note is the word docs/json.md names.
    make_tracker(tmp_path, monkeypatch, _FLOW_PLAN, _FLOW_STORE)
    provisional = _targets("--as-of", "2026-03-10")["inv-2026"]["provisional"]
    assert (provisional["value"], provisional["source"]) == (190, "2026-01 + 2026-02")
    assert provisional["note"] == "added up"
