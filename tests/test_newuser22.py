"""A new user following the documentation on a fresh machine (issue 17, twenty-second
session): an analyst of another province clones the repository, does what README.md says
word for word, then starts her own plan with `qntrack init`, types figures by hand and
makes a newcomer's first mistakes. Each place where what she read left her stuck is pinned
here (docs/decisions.md, "A new user following the documentation").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import run_clean, store_text

# --- a target's id given where an indicator's is wanted -------------------------------------


@pytest.mark.parametrize(
    "lang, said",
    [
        ("en", "'fdi-plan-2025' is a target; its indicator is 'fdi'"),
        ("vi", "'fdi-plan-2025' là mục tiêu, theo dõi chỉ tiêu 'fdi'"),
    ],
)
def test_add_observation_and_retract_name_a_targets_indicator(shipped: Path, lang: str, said: str):
    # `history fdi-plan-2025` and `observations --indicator fdi-plan-2025` said "is a
    # target; its indicator is 'fdi'"; add-observation and retract, the two a newcomer types
    # first, said "unknown indicator 'fdi-plan-2025'; known: grdp_growth, ..." (nine ids,
    # none like the one typed). They say what history says now.
    before = store_text(shipped)
    r = run_clean("add-observation", "fdi-plan-2025", "2025", "1000", "--lang", lang)
    assert r.exit_code == 1
    assert said in r.stderr, r.stderr
    r = run_clean("retract", "fdi-plan-2025", "2025", "--lang", lang)
    assert r.exit_code == 1
    assert said in r.stderr, r.stderr
    assert store_text(shipped) == before


def test_an_imported_row_naming_a_target_is_told_its_indicator(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    make_tracker(
        tmp_path,
        monkeypatch,
        "indicators:\n  grdp_growth: {name: GRDP growth, unit: '%', measure: rate}\n"
        "targets:\n  - {id: growth-average, type: average, indicator: grdp_growth, at_least: 8, from: 2021, to: 2025}\n",
        STORE_HEADER,
    )
    (tmp_path / "rows.csv").write_text("indicator,period,value\ngrowth-average,2021,-2.5\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "rows.csv")
    assert r.exit_code == 1
    assert "rows.csv:2: error: 'growth-average' is a target; its indicator is 'grdp_growth'" in r.stderr, r.stderr
    assert store_text(tmp_path) == STORE_HEADER
