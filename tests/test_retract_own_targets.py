"""A retraction names the targets whose status it changes (issue 17, twenty-eighth
session).

`qntrack retract grdp_growth 2025` on the shipped data said only "retracted grdp_growth
2025 (was 11.89 …)", while two targets changed status with it; README says a retraction
"says what it would withdraw, and what goes with it". The shipped annual figures, by hand:
2021 10.28, 2022 10.28, 2023 11.03, 2024 8.42, 2025 11.89.

- grdp-average-2021-2025 (average at least 10): (10.28 + 10.28 + 11.03 + 8.42 + 11.89) / 5
  = 10.38, achieved once 2025 is in; without 2025 its period lacks a year and it is read
  as in progress, (10.28 + 10.28 + 11.03 + 8.42) / 4 = 10.0025 against 10: substantial
  progress, no longer achieved.
- grdp-growth-plan-2025 (a plan of 14 for 2025): 11.89 < 14, not achieved; without the
  year's figure it is judged on the year's part-year reading, no longer "not achieved".
- grdp-double-digit (at least 10 every year, 2015-2025): 2024's 8.42 missed it whatever
  2025 holds; its status does not move, and it is not named (its figures move, as every
  target's of the indicator do: the confirmation names the figure withdrawn).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_clean


@pytest.mark.parametrize("dry", [True, False])
def test_retracting_a_figure_names_the_targets_whose_status_moves(shipped: Path, dry: bool):
    r = run_clean("retract", "grdp_growth", "2025", "--note", "typo", *(["--dry-run"] if dry else []))
    assert r.exit_code == 0, r.stderr
    said = " ".join(r.stderr.split())
    assert "target grdp-average-2021-2025: Target achieved → Substantial progress without 2025" in said
    assert "target grdp-growth-plan-2025: Not achieved → " in said
    assert "grdp-double-digit" not in said


def test_in_vietnamese(shipped: Path):
    r = run_clean("--lang", "vi", "retract", "grdp_growth", "2025", "--dry-run")
    assert r.exit_code == 0, r.stderr
    assert "grdp-average-2021-2025" in r.stderr and "grdp-growth-plan-2025" in r.stderr


def test_a_figure_no_target_reads_names_none(shipped: Path):
    # grdp_vnd is context only (targets.yaml: "no target uses it").
    r = run_clean("retract", "grdp_vnd", "2020", "--dry-run")
    assert r.exit_code == 0, r.stderr
    assert "target " not in r.stderr


LEVEL_PLAN = """\
version: 1
title: t
indicators:
  share: {name: Share, unit: "%", measure: level, frequency: quarter}
targets:
  - id: share-2030
    indicator: share
    baseline: {period: 2020, value: 10}
    milestones: [{by: 2030, value: 30}]
"""
LEVEL_STORE = (
    "indicator,period,value,status,source,note,recorded_at\n"
    + "".join(
        f"share,2024-Q{q},{v},official,s,,2025-0{q}-01T00:00:00Z\n"
        for q, v in zip(range(1, 5), (21, 22, 23, 24), strict=True)
    )
    + "share,2024,22.5,official,s,,2025-06-01T00:00:00Z\n"
)


def test_a_levels_year_is_never_said_to_read_its_quarters_added_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # A level's quarters (21, 22, 23, 24) never make its year (90 would be no share):
    # withdrawn, the year has no figure, and share-2030 is judged on 2024-Q4's 24 instead.
    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, LEVEL_PLAN, LEVEL_STORE)
    r = run_clean("retract", "share", "2024", "--dry-run")
    assert r.exit_code == 0, r.stderr
    assert "added up" not in r.stderr and "90" not in r.stderr
