"""Which milestone tells a level target's status: the nearest one not yet due, passing over
one the latest figure already reaches early (docs/decisions.md, "Level targets")."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SMALL_TARGETS, make_tracker
from helpers import json_of

HEAD = "indicator,period,value,status,source,note,recorded_at\n"


def _status(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rows: str) -> dict:
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, HEAD + rows)
    return json_of("status", "share", "-f", "json")["targets"][0]


def test_a_first_milestone_reached_early_does_not_call_the_whole_target_achieved(tmp_path, monkeypatch):
    # share: 9.8 in 2020, milestones 15 by 2025 and 30 by 2030. 19.3 in 2023 already
    # passes 15, so the status is told by 30 by 2030: the growth achieved is
    # (19.3/9.8)^(1/3) - 1 = 25.34% a year and the rate 2020-2030 needs is
    # (30/9.8)^(1/10) - 1 = 11.83% a year, so P = 2.14 > 1: substantial progress, not
    # "target achieved" (methodology.md, the Open SDG measure).
    doc = _status(tmp_path, monkeypatch, "share,2023,19.3,official,s,,2024-03-01T00:00:00Z\n")
    assert doc["status"] == "substantial_progress"
    assert doc["next_milestone"] == "2030"


def test_the_nearest_milestone_still_tells_while_it_is_not_reached(tmp_path, monkeypatch):
    doc = _status(tmp_path, monkeypatch, "share,2023,12.3,official,s,,2024-03-01T00:00:00Z\n")
    assert doc["next_milestone"] == "2025"


def test_every_milestone_reached_early_is_target_achieved(tmp_path, monkeypatch):
    doc = _status(tmp_path, monkeypatch, "share,2023,31,official,s,,2024-03-01T00:00:00Z\n")
    assert doc["status"] == "target_achieved"
    assert doc["next_milestone"] == "2030"
