"""The hostile review of the twenty-third session's merged change (issue 17): the seams
between its passes (docs/decisions.md, "Review of the twenty-third session's merged
change"). Each test was written failing first."""

from __future__ import annotations

from pathlib import Path

import pytest


def test_the_library_reads_an_offices_period_and_status_words_as_the_command_does(shipped: Path) -> None:
    """The Vietnamese pass read 'Quý I/2026' and 'ƯTH' in every reader of the command
    line; the library pass's record_many and retract, the same path without the command
    line, refused them as 'not a period' with no hint of the period meant."""
    import qntrack

    rows = [
        # quarter I of 2026 = 2026-Q1; "ước thực hiện" (ƯTH) = estimate
        {"indicator": "fdi", "period": "Quý I/2026", "value": 100, "status": "ƯTH"},
        # the first six months ("6T đầu năm") of 2026 = 2026-H1; "SB" (sơ bộ) = preliminary
        {"indicator": "fdi", "period": "6T đầu năm 2026", "value": 200, "status": "SB"},
    ]
    recorded = qntrack.record_many("targets.yaml", rows, dry_run=True)
    assert [(str(o.period), o.status) for o in recorded.rows] == [("2026-Q1", "estimate"), ("2026-H1", "preliminary")]
    # "Năm 2025" is the year 2025, whose GRDP growth the shipped store holds.
    _, retraction, _ = qntrack.retract("targets.yaml", "grdp_growth", "Năm 2025", "", "", None, dry_run=True)
    assert str(retraction.period) == "2025"


def test_the_library_still_refuses_a_roman_numeral_that_may_be_a_quarter_or_a_month(shipped: Path) -> None:
    """'I/2026' stays a question (2026-Q1 or 2026-01?), as on the command line."""
    import qntrack

    with pytest.raises(qntrack.InputError) as caught:
        qntrack.record_many("targets.yaml", [{"indicator": "fdi", "period": "I/2026", "value": 1}], dry_run=True)
    assert "2026-Q1" in str(caught.value) and "2026-01" in str(caught.value)
