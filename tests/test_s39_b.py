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

from datetime import date, datetime
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


# --- 2. 8g30 and 8:30:5 after an ISO date ---------------------------------------------------

CLOCKS = [
    ("2026-12-07 8g30", "2026-12-07T08:30:00"),
    ("2026-12-07 20G05", "2026-12-07T20:05:00"),
    ("2026-12-07T8g30", "2026-12-07T08:30:00"),
    ("2026-12-07 8:30:5", "2026-12-07T08:30:05"),
    ("2026-12-07 8g30 GMT+7", "2026-12-07T08:30:00+07:00"),
    ("2026-12-07 8:30:5Z", "2026-12-07T08:30:05Z"),
]


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize(("typed", "iso"), CLOCKS)
def test_8g30_and_seconds_of_one_digit_are_told_their_iso_form(shipped: Path, lang: str, typed: str, iso: str) -> None:
    before = (shipped / "observations.csv").read_bytes()
    r = run_clean(
        "--lang", lang, "add-observation", "grdp_growth", "2026-Q3", "9.1", "--status", "estimate",
        "--recorded-at", typed, "-n",
    )  # fmt: skip
    assert r.exit_code == 1, r.output  # bad input, as "8:30" is
    text = " ".join(r.stderr.split())
    assert f"write {iso}" in text or f"hãy viết {iso}" in text, text
    assert "2023-11-27T09:00" not in text, text  # the generic example
    if not iso.endswith(("Z", "+07:00")):
        assert f"{iso}Z" not in text, text  # the plan reads a time without a zone at +07:00
    assert (shipped / "observations.csv").read_bytes() == before


def test_an_import_s_8g30_cell_is_told_its_iso_form_at_its_line(shipped: Path) -> None:
    (shipped / "in.csv").write_text(
        "indicator,period,value,status,recorded_at\n"
        "grdp_growth,2026-Q3,9.1,estimate,2026-12-07T08:30:00\n"
        "grdp_growth,2026-Q4,9.3,estimate,2026-12-07 8g30\n"
        "grdp_growth,2025-Q4,9.0,estimate,2026-12-07 8:30:5\n",
        encoding="utf-8",
    )
    before = (shipped / "observations.csv").read_bytes()
    r = run_clean("add-observation", "--from", "in.csv")
    assert r.exit_code == 1, r.output
    text = " ".join(r.stderr.split())
    assert "in.csv:3" in text and "2026-12-07T08:30:00" in text, text
    assert "in.csv:4" in text and "2026-12-07T08:30:05" in text, text
    assert "T08:30:00Z" not in text and "2023-11-27T09:00" not in text, text
    assert (shipped / "observations.csv").read_bytes() == before  # nothing half written


def test_a_clock_with_an_impossible_part_is_still_not_read(shipped: Path) -> None:
    # 8g75, 8:30:75, 25g00: no time of day; never told an ISO form with 75 minutes.
    for typed in ("2026-12-07 8g75", "2026-12-07 8:30:75", "2026-12-07 25g00"):
        r = run_clean("add-observation", "grdp_growth", "2026-Q3", "9.1", "--recorded-at", typed, "-n")
        assert r.exit_code == 1, r.output
        assert "T08:75" not in r.stderr and ":75" not in r.stderr.split("'")[-1], r.stderr
        assert "T25:" not in r.stderr, r.stderr


# --- 3. a Vietnamese message writes its days in one form -------------------------------------


def _clock_at(monkeypatch: pytest.MonkeyPatch, moment: str) -> None:
    """The clock fixed at ``moment`` (UTC) and the machine's calendar that day."""
    from qntrack.files import workspace

    at = datetime.fromisoformat(moment)
    monkeypatch.setattr(workspace, "_now", lambda: at)

    class Calendar(date):
        @classmethod
        def today(cls) -> date:
            return at.date()

    monkeypatch.setattr(workspace, "date", Calendar)


def test_the_after_today_warning_writes_both_days_as_vietnamese_does(
    shipped: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _clock_at(monkeypatch, "2026-12-07T03:00:00+00:00")  # 10:00 on 7 December in Hà Nội
    vi = run_clean("--lang", "vi", "status", "--as-of", "2026-12-31", "--format", "json")
    assert vi.exit_code == 0, vi.output
    assert vi.stderr == (
        "--as-of: cảnh báo: 31/12/2026 là một ngày sau hôm nay (07/12/2026): số liệu là những số đã "
        "ghi nhận đến nay, còn các thời hạn được xét như vào ngày 31/12/2026\n"
    ), vi.stderr
    en = run_clean("status", "--as-of", "2026-12-31", "--format", "json")
    assert en.stderr == (
        "--as-of: warning: 2026-12-31 is after today (2026-12-07): the figures are those recorded by now,"
        " and deadlines are read as on 2026-12-31\n"
    ), en.stderr


def test_the_day_moved_note_writes_its_day_as_vietnamese_does_but_the_option_to_type(shipped_utc: Path) -> None:
    # 05:00 on 7 December in Hà Nội (+07:00) is 22:00 UTC on the 6th: the day counted by a plan
    # that names no zone (the shipped plan's zone, given as --tz; a zoned plan counts the 7th).
    r = run_clean(
        "--lang", "vi", "add-observation", "grdp_growth", "2026-Q3", "9.1", "--status", "estimate",
        "--recorded-at", "2026-12-07T05:00:00", "--tz", "+07:00", "-n",
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    text = " ".join(r.output.split())
    assert "rơi vào ngày 06/12/2026 theo giờ UTC" in text, text
    assert "'--as-of 2026-12-06'" in text and "hiện là 06/12/2026" in text, text
    assert text.count("2026-12-06") == 1 + text.count("2026-12-06T"), text  # the option's alone


def test_an_import_s_day_moved_note_writes_its_day_as_vietnamese_does(shipped_utc: Path) -> None:
    (shipped_utc / "in.csv").write_text(
        "indicator,period,value,status,recorded_at\ngrdp_growth,2026-Q3,9.1,estimate,2026-12-07T05:00:00\n",
        encoding="utf-8",
    )
    r = run_clean("--lang", "vi", "add-observation", "--from", "in.csv", "--tz", "+07:00", "-n")
    assert r.exit_code == 0, r.output
    text = " ".join(r.output.split())
    assert "'--as-of 2026-12-06'" in text and "hiện là 06/12/2026" in text, text
    assert text.count("2026-12-06") == 1 + text.count("2026-12-06T"), text


# --- 2b. the same clocks after a day written otherwise ---------------------------------------
# A day as Vietnamese tables write it (07/12/2026) or in words, then 20h30, 8g30 or 8:30:5:
# the day and time were read with "8:30" alone, and these got the generic words (a recorded_at)
# or "not a date; e.g. 2023-06-28" (--as-of), where "07/12/2026 20:30" is told its ISO form.

OTHER_DAYS = [
    ("07/12/2026 20h30", "2026-12-07T20:30:00"),
    ("07/12/2026 8g30", "2026-12-07T08:30:00"),
    ("31/12/2026 8:30:5", "2026-12-31T08:30:05"),
    ("ngày 7 tháng 12 năm 2026 8g30", "2026-12-07T08:30:00"),
    ("8g30 ngày 7/12/2026", "2026-12-07T08:30:00"),
]


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize(("typed", "iso"), OTHER_DAYS)
def test_a_clock_after_a_day_written_otherwise_is_told_its_iso_moment(
    shipped: Path, lang: str, typed: str, iso: str
) -> None:
    before = (shipped / "observations.csv").read_bytes()
    r = run_clean(
        "--lang", lang, "add-observation", "grdp_growth", "2026-Q3", "9.1", "--status", "estimate",
        "--recorded-at", typed, "-n",
    )  # fmt: skip
    assert r.exit_code == 1, r.output
    text = " ".join(r.stderr.split())
    assert iso in text and f"{iso}Z" not in text, text  # read at the plan's +07:00, no Z
    assert "2023-11-27T09:00" not in text, text
    assert (shipped / "observations.csv").read_bytes() == before


@pytest.mark.parametrize(("typed", "iso"), OTHER_DAYS)
def test_as_of_a_day_and_a_clock_written_otherwise_is_told_the_day(shipped: Path, typed: str, iso: str) -> None:
    r = run_clean("status", "--as-of", typed)
    assert r.exit_code == 2, r.output
    text = " ".join(r.stderr.split())
    # The day it falls in; 07/12/2026 both days, day first, as "07/12/2026 20:30" is told.
    # The shipped plan names +07:00: a moment without a zone is read there (thirty-ninth session).
    said = f"falls on {iso[:10]} in the plan's zone" in text or f"{iso[:10]} if {typed} is day/month/year" in text
    assert said, text
