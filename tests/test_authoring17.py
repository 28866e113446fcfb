"""An analyst writing a new plan's targets.yaml from scratch (issue 17, seventeenth
session): the mistakes a newcomer makes copying docs/targets-format.md's examples, and
the gaps the plan let through. Each test is a defect found and fixed (docs/decisions.md,
"A plan authored from scratch")."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import STORE_HEADER, dedent, make_tracker
from helpers import problems, run

# --- 1. `limit:` beside `milestones:` -------------------------------------------------


def test_a_limit_beside_milestones_is_refused_at_its_line():
    # targets-format.md: "limit: 100  # optional natural limit, used only without
    # milestones"; methodology.md: the limit is ignored when a target is given. Written
    # beside milestones it was accepted and did nothing: the author believed it counted.
    found = problems("""
        indicators:
          share: {name: Share, unit: "%"}
        targets:
          - id: share-t
            indicator: share
            baseline: 2020
            milestones:
              - {by: 2025, value: 15}
            limit: 100
        """)
    # line 9 (the limit's line), column 12 (its value, after "    limit: ")
    assert found == [
        "targets.yaml:9:12: error: target 'share-t': limit is used only without milestones (it bounds "
        "a target judged by its direction alone); remove limit, or the milestones"
    ]


def test_a_limit_with_no_milestones_or_an_empty_list_stays_accepted():
    from qntrack.files.definitions import parse_plan

    for milestones in ("", "    milestones: []\n"):
        text = (
            "indicators:\n  share: {name: Share}\ntargets:\n  - id: t\n    indicator: share\n"
            f"    baseline: 2020\n{milestones}    limit: 100\n"
        )
        (target,) = parse_plan(text, "targets.yaml").targets
        assert target.limit == 100


def test_a_limit_beside_milestones_is_refused_in_vietnamese_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    make_tracker(
        tmp_path,
        monkeypatch,
        "indicators:\n  s: {name: S}\ntargets:\n  - id: t\n    indicator: s\n    baseline: 2020\n"
        "    milestones: [{by: 2025, value: 15}]\n    limit: 100\n",
        STORE_HEADER,
    )
    r = run("--lang", "vi", "status")
    assert r.exit_code == 1
    assert r.stderr.startswith("targets.yaml:8:12: lỗi: mục tiêu 't': limit chỉ dùng khi không có mốc")
