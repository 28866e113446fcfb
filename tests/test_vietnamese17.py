"""A Vietnamese provincial statistics officer's week of messages (issue 17, seventeenth
session): what `init`, the as-of day, a typed figure, a broken targets.yaml and a growth
plan's definition say to a reader of Vietnamese. Expected text written out by hand."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import run
from qntrack.files.definitions import parse_plan


# --- init --lang vi: a starter whose comments a Vietnamese officer reads ------------------


def _comments(text: str) -> list[str]:
    return [line.split("#", 1)[1] for line in text.splitlines() if "#" in line and not line.lstrip().startswith("- id")]


@pytest.mark.parametrize("how", [("--lang", "vi"), ()])
def test_init_in_vietnamese_writes_vietnamese_comments(tmp_path: Path, how: tuple[str, ...]):
    env = {} if how else {"QNTRACK_LANG": "vi"}
    r = run("init", str(tmp_path / "kh"), *how, env=env)
    assert r.exit_code == 0, r.stderr
    text = (tmp_path / "kh" / "targets.yaml").read_text(encoding="utf-8")
    assert text.startswith("# targets.yaml — những gì kế hoạch đề ra."), text[:80]
    # Every comment line of the starter: none left in English (no English sentence
    # words such as "the", "which", "and:" in a comment).
    english = [c for c in _comments(text) if re.search(r"\b(the|which|with|is|are|every)\b", c)]
    assert english == [], english
    assert "# tệp số liệu" in text


def test_init_in_english_keeps_english_comments(tmp_path: Path):
    r = run("init", str(tmp_path / "p"))
    assert r.exit_code == 0, r.stderr
    text = (tmp_path / "p" / "targets.yaml").read_text(encoding="utf-8")
    assert text.startswith("# targets.yaml — what the plan promises."), text[:80]


def test_both_starters_load_to_the_same_plan(tmp_path: Path):
    run("init", str(tmp_path / "en"), "--lang", "en")
    run("init", str(tmp_path / "vi"), "--lang", "vi")
    en = (tmp_path / "en" / "targets.yaml").read_text(encoding="utf-8")
    vi = (tmp_path / "vi" / "targets.yaml").read_text(encoding="utf-8")
    assert en != vi
    plan_en, plan_vi = parse_plan(en, "targets.yaml"), parse_plan(vi, "targets.yaml")
    assert plan_en == plan_vi
    # The starter's 7 targets and 5 indicators, as the English one lists them.
    assert len(plan_vi.targets) == 7 and len(plan_vi.indicators) == 5
    # Its title in both languages: a Vietnamese report is headed in Vietnamese.
    assert plan_vi.title_in("vi") == "Kế hoạch của tôi" and plan_vi.title_in("en") == "My plan"
