"""Issue 17, thirty-second session, pass H3: two leftovers of the auditor's passes (H, H2).
Each test was written failing first; the expected words and figures are worked out by hand
from the rows typed here and the calendar."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean

# --- 1. the tracker the tests read ---------------------------------------------------------

PLAN = """\
version: 1
title: "Audit plan"
indicators:
  share:
    name: "Manufacturing share"
    unit: "%"
    direction: increase
targets:
  - id: share
    indicator: share
    baseline: {period: 2020, value: 10}
    milestones:
      - {by: 2025, value: 15}
"""

# 2023's share: 12.9 then 13.1 (Yearbook 2023, 2024-06-30), 13.1 withdrawn on 2024-08-10
# (Dept), 13.2 recorded again on 2024-09-01.
STORE = """\
indicator,period,value,status,source,note,recorded_at
share,2022,12,official,Yearbook 2022,,2023-06-30T03:00:00Z
share,2023,12.9,official,Earlier,,2024-05-01T00:00:00Z
share,2023,13.1,official,Yearbook 2023,,2024-06-30T20:00:00Z
share,2023,,retracted,Dept,wrong table,2024-08-10T09:00:00Z
share,2023,13.2,official,Yearbook 2023 corrected,,2024-09-01T16:30:00Z
"""


@pytest.fixture
def audit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("COLUMNS", "250")
    return make_tracker(tmp_path, monkeypatch, PLAN, STORE)


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines()]


# --- 2. a day in ISO order, a digit short, that is no day of the calendar ---------------------

_NO_DAY = {
    ("2026-2-30", "en"): "'2026-2-30' is no day of the calendar: 2026-02 has 28 days",
    ("2026-2-30", "vi"): "'2026-2-30' không phải là ngày có thật: tháng 2/2026 có 28 ngày",
    ("2024-2-30", "en"): "'2024-2-30' is no day of the calendar: 2024-02 has 29 days",
    ("2026-4-31", "en"): "'2026-4-31' is no day of the calendar: 2026-04 has 30 days",
    ("2026-9-0", "en"): "'2026-9-0' is no day of the calendar: 2026-09 has 30 days",
    ("2026-13-1", "en"): "'2026-13-1' is no day of the calendar: there is no month 13",
    ("2026-13-1", "vi"): "'2026-13-1' không phải là ngày có thật: không có tháng 13",
}


@pytest.mark.parametrize(("typed", "lang"), list(_NO_DAY))
def test_a_day_a_digit_short_that_is_no_day_is_told_the_calendar(audit: Path, typed: str, lang: str) -> None:
    """`--as-of 2026-02-30` is told "no day of the calendar: 2026-02 has 28 days";
    `--as-of 2026-2-30`, the same text a digit short, got the generic "write YYYY-MM-DD,
    e.g. 2023-06-28", as if the order were wrong. It is told the calendar, the month padded
    (February 2026 has 28 days, 2024's 29, April 30; there is no month 13). `--since`
    reads its day the same way."""
    said = _NO_DAY[typed, lang]
    for command in (("status", "--as-of"), ("report", "-f", "markdown", "--since")):
        made = run_clean("--lang", lang, *command, typed)
        assert made.exit_code == 2, made.output
        assert said in made.stderr, made.stderr
        assert "e.g." not in made.stderr and "ví dụ" not in made.stderr, made.stderr
        assert made.stdout == ""


def test_a_day_a_digit_short_that_is_a_day_is_still_told_its_digits(audit: Path) -> None:
    """The calendar's message is for no day only: 2026-2-28 is a day, told 2026-02-28."""
    made = run_clean("status", "--as-of", "2026-2-28")
    assert made.exit_code == 2
    assert "write 2026-02-28" in made.stderr and "calendar" not in made.stderr, made.stderr


def test_a_notebook_s_day_a_digit_short_is_told_the_calendar(audit: Path) -> None:
    """`qntrack.status(as_of="2026-2-30")` reads the day as --as-of does."""
    import qntrack

    with pytest.raises(qntrack.InputError) as caught:
        qntrack.status("targets.yaml", as_of="2026-2-30")
    assert "'2026-2-30' is no day of the calendar: 2026-02 has 28 days" in str(caught.value)


@pytest.mark.parametrize(
    ("typed", "lang", "said"),
    [
        ("2026-2-30", "en", "recorded_at '2026-2-30' is not a real date"),
        ("2026-2-30", "vi", "recorded_at '2026-2-30' không phải là ngày giờ có thật"),
        ("2026-13-1", "en", "recorded_at '2026-13-1' is not a real date"),
    ],
)
def test_a_recorded_at_a_digit_short_that_is_no_day_is_told_so_as_its_padded_form_is(
    audit: Path, typed: str, lang: str, said: str
) -> None:
    """`--recorded-at 2026-02-30` is told "recorded_at '2026-02-30' is not a real date";
    `--recorded-at 2026-2-30` got "is not an ISO 8601 timestamp; write e.g.
    2023-11-27T09:00:00Z or 2023-11-27", though it is the ISO order a digit short, as
    `2026-1-6` (told "write 2026-01-06") is. It is now told it names no day, and nothing is
    written, by `add-observation` and `retract` alike."""
    before = Path("observations.csv").read_bytes()
    for command in (("add-observation", "share", "2024", "14"), ("retract", "share", "2023")):
        made = run_clean("--lang", lang, *command, "--recorded-at", typed)
        assert made.exit_code != 0 and said in made.stderr, made.stderr
        assert "ISO 8601" not in made.stderr, made.stderr
    assert Path("observations.csv").read_bytes() == before
