"""Leftovers of issue 17's twenty-sixth session's passes (helper L2): where withdrawn and
revised figures came from. Each test was written failing first; the expected values are
worked out by hand in a comment."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import run_clean

# --- 1. A derived figure missing for a withdrawn input names where the input came from ----

DERIVED_PLAN = """\
indicators:
  va: {name: Value added, unit: bn VND, measure: flow}
  grdp: {name: GRDP, unit: bn VND, measure: flow}
  va_share: {name: VA share, unit: "%", formula: "va / grdp * 100"}
targets:
  - {id: share, indicator: va_share, baseline: 2020, milestones: [{by: 2030, value: 30}]}
"""
DERIVED_STORE = (
    STORE_HEADER + "va,2020,20,official,GSO,,2021-01-10T00:00:00Z\n"
    "grdp,2020,100,official,GSO,,2021-01-10T00:00:00Z\n"
    "va,2023,30,official,Report 12/BC-CTK,,2024-01-10T00:00:00Z\n"
    "grdp,2023,120,official,GSO,,2024-01-10T00:00:00Z\n"
    "va,2023,,retracted,GSO,wrong year,2025-06-01T00:00:00Z\n"
)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "2023: no figure is computed, since the figure of Value added [va] it is computed from, 30 bn VND, "
            "was withdrawn on 2025-06-01 (retracted). The figure withdrawn was recorded 2024-01-10; "
            "source: Report 12/BC-CTK.",
        ),
        (
            "vi",
            "Năm 2023: không tính được số liệu, vì số liệu Value added [va] dùng để tính (30 bn VND) đã bị rút lại "
            "ngày 01/06/2025. Số liệu bị rút lại được ghi nhận 10/01/2024; nguồn: Report 12/BC-CTK.",
        ),
    ],
)
def test_a_withdrawn_input_names_where_its_figure_was_published(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
):
    # va_share 2023 would be 30 / 120 × 100 = 25 %; va's 30 (recorded 2024-01-10 from
    # Report 12/BC-CTK) was withdrawn on 2025-06-01, so no 2023 share is computed. The
    # sentence named the 30 but not where it was published, which every other withdrawn
    # figure's sentence now says ("The figure withdrawn was recorded ...; source: ...").
    make_tracker(tmp_path, monkeypatch, DERIVED_PLAN, DERIVED_STORE)
    show = run_clean("--lang", lang, "show", "share", env={"COLUMNS": "400"})
    assert "• " + said in show.stdout.splitlines(), show.stdout
    report = run_clean("--lang", lang, "report", "--format", "markdown")
    assert said.replace("[", "\\[").replace("]", "\\]") in report.stdout, report.stdout  # Markdown escapes [ ]
