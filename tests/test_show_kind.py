"""`show` says an estimate is one beside its latest figure, as the reports' key figures do
since pass H (issue 17, twenty-seventh session; that pass's leftover).

The shipped CBCT value-added growth: 2021's 32.19 and H1 2025's 23.81 are both estimates
(observations.csv); `show` wrote "32.19% y/y (2021)", where the Word report wrote
"(2021, estimate)": an officer reading one and citing the other saw two different facts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_clean


def _line(out: str, start: str) -> str:
    return next(line.strip() for line in out.splitlines() if line.strip().startswith(start))


@pytest.mark.parametrize(
    "lang, latest, provisional",
    [
        ("en", "Latest", "Part-year"),
        ("vi", "Số mới nhất", "Chưa đủ năm"),
    ],
)
def test_show_says_an_estimate_is_one_beside_its_latest_figure(shipped: Path, lang: str, latest: str, provisional: str):
    r = run_clean("--lang", lang, "show", "cbct-va-growth-2021-2025", env={"COLUMNS": "150"})
    assert r.exit_code == 0, r.stderr
    if lang == "en":
        assert _line(r.stdout, latest).endswith("32.19% y/y (2021, estimate)")
        assert _line(r.stdout, provisional).endswith("23.81% y/y (2025-H1, estimate)")
    else:
        assert _line(r.stdout, latest).endswith("32,19% so với cùng kỳ (2021, ước tính)")
        assert _line(r.stdout, provisional).endswith("23,81% so với cùng kỳ (2025-H1, ước tính)")


def test_an_official_figure_keeps_its_period_alone(shipped: Path):
    # The shipped 2024 FDI figure is an estimate; recorded again as official, it says no kind.
    r = run_clean(
        "add-observation", "fdi", "2024", "2877.8", "--status", "official", "--source", "GSO",
        "--recorded-at", "2025-06-01",
    )  # fmt: skip
    assert r.exit_code == 0, r.stderr
    out = run_clean("show", "fdi-plan-2024", env={"COLUMNS": "150"}).stdout
    # Marked [1] as a revision (of the estimate: its status alone changed), no kind said.
    assert _line(out, "Latest").endswith("2,877.8[1] million USD (2024)")
