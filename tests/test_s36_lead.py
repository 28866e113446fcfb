"""Thirty-sixth session, the lead (issue 17): what the session's lead found and mended.

A unit's name is what a reader looks for in rank's table: it is never split over two
lines while a status could have wrapped its note instead.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_clean

# The shipped plan's localities (targets.yaml, dimension "locality"), the two-word names
# a narrow column would split.
_NAMES = ("Cẩm Phả", "Hạ Long", "Móng Cái", "Uông Bí", "Đông Triều", "Quảng Yên", "Vân Đồn", "Cô Tô")


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_rank_never_splits_a_units_name_to_keep_a_status_whole(shipped: Path, lang: str) -> None:
    # At 160 columns rank kept every status ("Not available: no figure recorded for this
    # unit yet", 52 columns) on one line by giving the locality 9 columns: "Đông" over
    # "Triều", and its heading over six lines; at 140 it wrapped the statuses and kept
    # the names whole. From 80 columns to 200, every name is on one line.
    for width in range(80, 201):
        r = run_clean(
            "--lang", lang, "rank", "budget-revenue-plan-2024", "--format", "table", env={"COLUMNS": str(width)}
        )
        assert r.exit_code == 0, r.output
        lines = r.output.splitlines()
        for name in _NAMES:
            assert any(name in line for line in lines), (width, name, r.output)
