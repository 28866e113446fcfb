"""Session 45, helper N (numbers auditor): defects found by recomputing qntrack's figures
by hand against docs/methodology.md. Each test was written failing first; each expected
figure and text is worked by hand in its comment, never copied from qntrack's output."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import json_of, run_clean

WIDE = {"COLUMNS": "250"}


def _out(*args: str) -> str:
    r = run_clean(*args, env=WIDE)
    assert r.exit_code == 0, r.output
    return r.stdout


# --- 1. An Open SDG P a float's last digit puts below an edge is not written as the edge ---
#
# Production 200 t (2020) -> 203 t (2021), higher is better, no target: Open SDG's method 1.
# In decimal 203 / 200 - 1 = 0.015, the substantial edge, but Open SDG's build works in
# floats, and 203 / 200 - 1 is 0.014999999999999902 there; an `open_sdg` target keeps Open
# SDG's floats (methodology.md, "Figures on an edge"), so it is moderate progress, score
# 250 x P - 1.25 = 2.4999999999999756. methodology.md ("How P is written"): P is written at
# three significant digits below 0.1, "and more where either would round onto an edge it is
# below"; a score is never rounded onto 2.5 from below. 0.014999999999999902 first differs
# from 0.015 at its 16th decimal: 0.0149999999999999 (digits 17-18, "02", rounded away);
# 2.4999999999999756 first differs from 2.5 at its 14th: 2.49999999999998 (at 13 decimals
# it is 2.5000000000000). Both were written "0.015" and "2.5" beside "Moderate progress".

_OSDG_PLAN = """\
version: 1
title: "Edge"
indicators:
  prod:
    name: "Production"
    unit: "t"
    direction: increase
targets:
  - id: prod
    type: open_sdg
    indicator: prod
    base_year: 2020
"""
_OSDG_ROWS = """\
indicator,period,value,status,source,note,recorded_at
prod,2020,200,,s,,2021-01-10T00:00:00Z
prod,2021,203,,s,,2022-01-10T00:00:00Z
"""


def test_open_sdg_p_below_an_edge_by_a_float_digit_is_written_below_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_tracker(tmp_path, monkeypatch, _OSDG_PLAN, _OSDG_ROWS)
    data = json_of("status", "--format", "json", "--as-of", "2024-01-01")
    (target,) = data["targets"]
    assert target["status"] == "moderate_progress"
    assert target["progress_value"] == 203 / 200 - 1  # Open SDG's float, kept as it computes it
    table = _out("status", "--format", "table", "--as-of", "2024-01-01")
    row = next(line for line in table.splitlines() if "Production" in line)
    assert "0.0149999999999999" in row.split(), table
    assert "0.015" not in row.split(), table
    shown = _out("show", "prod", "--as-of", "2024-01-01")
    line = next(line for line in shown.splitlines() if line.startswith("P / Score"))
    assert line.split()[-3:] == ["0.0149999999999999", "/", "2.49999999999998"], shown


# --- 2. An average over years that are not all in names the years it is over --------------
#
# "At least 10 % a year on average, 2021-2025", growth of 10 % (2021), 9 % (2023) and 9 %
# (2025), 2022 and 2024 never recorded. The average is over those three years:
# G = 1.10 x 1.09 x 1.09 = 1.30691, G^(1/3) - 1 = 0.093317, written 9.33 %. The sentence
# said "Average over the 3 years with data (2021–2025)", a span of five years of which two
# have no figure (the next sentence names them); the years with data are 2021, 2023, 2025.

_AVG_PLAN = """\
version: 1
title: "Gaps"
indicators:
  g:
    name: "Growth"
    unit: "%"
    measure: rate
    direction: increase
targets:
  - id: avg
    type: average
    indicator: g
    at_least: 10
    from: 2021
    to: 2025
"""
_AVG_ROWS = """\
indicator,period,value,status,source,note,recorded_at
g,2021,10,,x,,2022-01-10T00:00:00Z
g,2023,9,,x,,2024-01-10T00:00:00Z
g,2025,9,,x,,2026-01-10T00:00:00Z
"""

_AVG_SENTENCE = {
    "en": "Average over the 3 years with data (2021, 2023, 2025): 9.33% a year (target: at least 10% a year).",
    "vi": "Bình quân 3 năm có số liệu (2021, 2023, 2025): 9,33%/năm (mục tiêu: ít nhất 10%/năm).",
}


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_an_average_over_years_with_gaps_names_its_years(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    make_tracker(tmp_path, monkeypatch, _AVG_PLAN, _AVG_ROWS)
    shown = _out("--lang", lang, "show", "avg", "--as-of", "2026-02-01")
    assert "• " + _AVG_SENTENCE[lang] in shown.splitlines(), shown
    report = _out("--lang", lang, "report", "--format", "markdown", "--as-of", "2026-02-01")
    assert "- " + _AVG_SENTENCE[lang] in report.splitlines(), report
