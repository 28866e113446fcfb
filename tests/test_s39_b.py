"""Issue 17, thirty-ninth session, helper B: what officers type for a day or a time, the
thirty-eighth session's leftovers (docs/decisions.md, items 9 and 10). Each test was
written first and seen failing; the expected days are worked out by hand.

1. A month past the twelfth (or month 0) typed for a day, in each form that names a month
   (2026-13, 13/2026, T13/2026, "tháng 13 năm 2026"), was "not a date; write YYYY-MM-DD,
   e.g. 2023-06-28", where ``history grdp_growth 2026-13`` says month 13 does not exist: told,
   as a fifth quarter and a third half are, that a year has twelve months, with the last day
   of December of that year (31 days: 2026-12-31).
2. "8g30" (Vietnamese shorthand for 08:30, g for giờ) and "8:30:5" (seconds of one digit, as
   a clock or Excel's h:mm:s shows them) after an ISO date in a recorded_at were told the
   generic "write e.g. 2023-11-27T09:00": each is told its own ISO form, as "8:30" and
   "20h30" are (thirty-eighth session, pass O).
3. A Vietnamese warning wrote a day twice over in two forms: "2026-12-31 là một ngày sau
   hôm nay (07/12/2026)"; and the day-moved note "rơi vào ngày 2026-12-06 theo giờ UTC ...
   hiện là 06/12/2026". Each day is now written as Vietnamese writes dates (DD/MM/YYYY),
   except the one inside "--as-of 2026-12-06", a value to type back as it stands.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_clean

# --- 1. a month past the twelfth, typed for a day ------------------------------------------

NO_MONTH = [
    ("2026-13", "2026"),
    ("13/2026", "2026"),
    ("T13/2026", "2026"),
    ("tháng 13 năm 2026", "2026"),
    ("Tháng 13/2027", "2027"),
    ("2026-00", "2026"),
    ("0/2027", "2027"),
]


def _said_twelve_months(stderr: str, year: str, lang: str) -> None:
    text = " ".join(stderr.split())
    assert f"{year}-12-31" in text, text  # December has 31 days in every year
    assert "2023-06-28" not in text, text  # the generic example, no day of this year
    if lang == "en":
        assert "twelve months" in text and "not a date" not in text, text
    else:
        assert "mười hai tháng" in text and "không phải là ngày;" not in text, text


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize(("typed", "year"), NO_MONTH)
def test_as_of_a_month_no_year_has_is_told_a_year_has_twelve(shipped: Path, lang: str, typed: str, year: str) -> None:
    made = run_clean("--lang", lang, "status", "--as-of", typed)
    assert made.exit_code == 2, made.output  # as any --as-of that is no day
    assert made.stderr.startswith("--as-of: "), made.stderr
    _said_twelve_months(made.stderr, year, lang)


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("option", ["--as-of", "--since"])
def test_report_s_days_a_thirteenth_month_is_told_a_year_has_twelve(shipped: Path, lang: str, option: str) -> None:
    made = run_clean("--lang", lang, "report", option, "2026-13", "-o", "r.md")
    assert made.exit_code == 2, made.output
    assert made.stderr.startswith(f"{option}: "), made.stderr
    _said_twelve_months(made.stderr, "2026", lang)
    assert not Path("r.md").exists()


def test_a_month_there_is_is_still_told_its_last_day(shipped: Path) -> None:
    made = run_clean("status", "--as-of", "2026-12")
    assert made.exit_code == 2, made.output
    assert "2026-12-31 (its last day)" in made.stderr, made.stderr
    made = run_clean("status", "--as-of", "2/2028")  # 2028 is a leap year: 29 days
    assert "2028-02-29 (its last day)" in made.stderr, made.stderr


def test_a_python_caller_s_thirteenth_month_is_an_argument_error_that_says_so() -> None:
    import qntrack

    with pytest.raises(qntrack.ArgumentError) as caught:
        qntrack.reference_day("2026-13")
    assert "twelve months" in str(caught.value) and "2026-12-31" in str(caught.value), caught.value
    assert caught.value.code == 2  # as --as-of 2026-13 exits
