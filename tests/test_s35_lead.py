"""Thirty-fifth session, the lead (issue 17): what the session's lead found and mended.

A table that fits only by cutting a heading's word or a source's site name in pieces is
read worse than the blocks the same rows make at a narrower terminal.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_clean


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_rank_never_cuts_a_headings_word_or_a_sites_name_to_fit(shipped: Path, lang: str) -> None:
    # The shipped plan's budget revenue by locality: its dimension's heading is "Locality
    # (district level until 30 June 2025)", one of its sources thoibaotaichinhvietnam.vn.
    # At 103 columns its table fitted only by folding "(district" after 8 characters and
    # the site into four lines of 8; from 80 columns on, every width gives either a table
    # holding both whole or a block a unit.
    for width in range(80, 161):
        r = run_clean(
            "--lang", lang, "rank", "budget-revenue-plan-2024", "--format", "table", env={"COLUMNS": str(width)}
        )
        assert r.exit_code == 0, r.output
        words = r.output.split()
        assert "thoibaotaichinhvietnam.vn" in words, (width, r.output)
        heading = "(district" if lang == "en" else "(cấp"
        assert heading in words, (width, r.output)
