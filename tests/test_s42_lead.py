"""Issue 17, forty-second session, the lead's own finds.

1. An Open SDG target whose base moves to a first figure at or after its target year.
   `base_year: 2015, target: 50, target_year: 2020` with figures only for 2021 (40) and
   2023 (45): Open SDG's base is the first figure from 2015 on, 2021's, and the required
   growth (50 / 40)^(1 / (2020 - 2021)) - 1 = 0.8 - 1 = -20 % a year is over minus one
   year. It was printed as "Required rate -20%/yr", and P = a / |r| with
   a = (45 / 40)^(1/2) - 1 = 0.06066 gave 0.06066 / 0.2 = 0.303, "limited progress", a
   status read from a rate that means nothing. With target_year 2021, equal to the base's
   year, the division by zero years was "undefined". Both are now not available, reason
   `no_years_to_target`, with a sentence naming the base's year and the target year, as
   qntrack already refuses a plan declaring target_year at or before base_year
   (docs/methodology.md, "Open SDG targets"). A figure that has reached the target is
   still achieved: achievement is checked first (45 >= 44 below).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import json_of, run_clean

_OPEN_SDG = """\
indicators:
  cover:
    name: Forest cover
    unit: "%"
    direction: increase
targets:
  - id: before
    type: open_sdg
    indicator: cover
    base_year: 2015
    target: 50
    target_year: 2020
  - id: equal
    type: open_sdg
    indicator: cover
    base_year: 2015
    target: 50
    target_year: 2021
  - id: reached
    type: open_sdg
    indicator: cover
    base_year: 2015
    target: 44
    target_year: 2020
  - id: after
    type: open_sdg
    indicator: cover
    base_year: 2015
    target: 50
    target_year: 2030
"""
_FIGURES = """\
indicator,period,value,status,source,note,recorded_at
cover,2021,40,official,GSO,,2024-01-01
cover,2023,45,official,GSO,,2024-01-01
"""


@pytest.fixture
def late_base(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, _OPEN_SDG, _FIGURES)


def _targets() -> dict:
    return {t["id"]: t for t in json_of("status", "--format", "json")["targets"]}


def test_an_open_sdg_base_at_or_after_the_target_year_is_not_assessed(late_base: Path) -> None:
    rows = _targets()
    for name in ("before", "equal"):
        assert rows[name]["status"] == "not_available", rows[name]
        assert rows[name]["reason"] == "no_years_to_target", rows[name]
        assert rows[name]["progress_value"] is None and rows[name]["score"] is None
        milestone = rows[name]["milestones"][0]
        assert milestone["required_rate"] is None, milestone
    # Achievement is checked first: 45 >= 44, with no P read over -1 years.
    assert rows["reached"]["status"] == "target_achieved"
    assert rows["reached"]["progress_value"] is None and rows["reached"]["score"] == 5
    # The ordinary case is untouched: the base is 2021's 40, r = (50 / 40)^(1/9) - 1 =
    # 0.025103, a = (45 / 40)^(1/2) - 1 = 0.060660, P = 2.4164 >= 0.95: substantial progress.
    assert rows["after"]["status"] == "substantial_progress"
    assert rows["after"]["progress_value"] == pytest.approx(0.060660 / 0.025103, rel=1e-4)


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ["2021", "2020", "Not assessed"]),
        ("vi", ["2021", "2020", "Chưa đánh giá"]),
    ],
)
def test_show_says_why_the_base_leaves_no_years(late_base: Path, lang: str, words: list[str]) -> None:
    shown = run_clean("--lang", lang, "show", "before")
    assert shown.exit_code == 0, shown.stderr
    text = " ".join(shown.stdout.split())
    assert "-20%" not in text and "−20%" not in text and "-20 %" not in text, text
    reason = next(line for line in shown.stdout.splitlines() if words[2] in line)
    for word in words[:2]:
        assert word in reason, reason
    # Not "the status is read on the latest figure": it is not read at all.
    assert "read on the latest figure" not in text and "số liệu mới nhất" not in text, text
