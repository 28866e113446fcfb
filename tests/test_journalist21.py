"""A data journalist scripting qntrack who also uses a screen reader (issue 17, twenty-first
session): the defects found, each test written failing first, the expected values worked
out by hand in a comment (docs/decisions.md, "A data journalist with a screen reader")."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_clean

# --- show's table of an every-period target's periods: each period's pass or failure was a
# bare "✓" or "✗" (green or red) under a column with no heading. A screen reader reads "check
# mark" under nothing; the report's same table says "✓ yes" under "Passed".


@pytest.mark.parametrize(
    ("lang", "heading", "yes", "no"), [("en", "Passed", "yes", "no"), ("vi", "Đạt", "có", "không")]
)
def test_shows_every_period_table_says_each_pass_in_words_under_a_heading(
    shipped: Path, lang: str, heading: str, yes: str, no: str
):
    r = run_clean(
        "--lang", lang, "show", "grdp-double-digit", "--format", "table", env={"NO_COLOR": "1", "COLUMNS": "100"}
    )
    assert r.exit_code == 0, r.output
    lines = [line.split() for line in r.stdout.splitlines()]
    # The shipped growth: 2024's 8.42 is below 10 (failed), 2023's 11.03 above (passed).
    row_2024 = next(line for line in lines if line[:1] == ["2024"])
    row_2023 = next(line for line in lines if line[:1] == ["2023"])
    assert row_2024[-2:] == ["✗", no], row_2024
    assert row_2023[-2:] == ["✓", yes], row_2023
    # The periods' heading row names the third column.
    header = next(line for line in lines if line[-1:] == [heading] and len(line) in (3, 4))
    assert header[-1] == heading, header
