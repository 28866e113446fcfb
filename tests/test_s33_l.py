"""Issue 17, thirty-third session, pass L: what pass R left of the dates of recording.
Each test was written failing first; the expected words are worked out by hand from the
calendar (2026 is no leap year: February has 28 days; April has 30; 30 April 2026 is a
Thursday, in ISO week 18)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from conftest import make_tracker
from helpers import run_clean

PLAN = """\
version: 1
title: "Calendar plan"
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

STORE = """\
indicator,period,value,status,source,note,recorded_at
share,2023,12.9,official,Yearbook 2023,,2024-05-01T00:00:00Z
"""


@pytest.fixture
def tracker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, PLAN, STORE)


# --- 1. A wide table reads its recorded_at column as a long one does -------------------------


@pytest.mark.parametrize(
    ("cells", "stored"),
    [
        (["30/04/2026"], ["2026-04-30T00:00:00Z"]),
        (["30/04/2026 10:00", "03/07/2026 10:00"], ["2026-04-30T03:00:00Z", "2026-07-03T03:00:00Z"]),
    ],
)
def test_a_wide_table_reads_its_recorded_at_as_excel_shows_it_day_first_as_a_long_one_does(
    tracker: Path, cells: list[str], stored: list[str]
) -> None:
    """`30/04/2026` in a wide table's recorded_at column was told "write 2026-04-30", where
    the same cell in a long table of the same sheet is read day first (the 30 proves the
    order). 10:00 at +07:00 is 03:00 UTC; 03/07/2026 is 3 July once the file proves day
    first."""
    lines = ["indicator,2024,recorded_at"] + [f"share,{14 + k},{cell}" for k, cell in enumerate(cells)]
    Path("wide.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    made = run_clean("add-observation", "--from", "wide.csv", "--wide", "--tz", "+07:00", "--force")
    assert made.exit_code == 0, made.stderr
    kept = Path("observations.csv").read_text(encoding="utf-8").splitlines()[2:]
    assert [line.rsplit(",", 1)[1] for line in kept] == stored


def test_a_wide_table_naming_no_day_in_its_proven_order_is_told_the_calendar(tracker: Path) -> None:
    """A wide table proving day first (15/07/2026) holding 04/31/2026 (4th of a month 31)."""
    Path("wide.csv").write_text("indicator,2024,recorded_at\nshare,14,15/07/2026\nshare,15,04/31/2026\n")
    before = Path("observations.csv").read_bytes()
    made = run_clean("add-observation", "--from", "wide.csv", "--wide")
    assert made.exit_code == 1, made.stderr
    assert "wide.csv:3: error: recorded_at '04/31/2026' is not a real date: there is no month 31" in made.stderr
    assert Path("observations.csv").read_bytes() == before


# --- 2. A sheet that proves day first tells 04/31/2026 there is no month 31 -------------------


def test_a_workbook_proving_day_first_tells_a_cell_naming_no_day_the_calendar(tracker: Path) -> None:
    """15/07/2026 proves the sheet day first; 04/31/2026 read so is the 4th of a month 31.
    It was told "a date as Excel shows it; write it in ISO 8601", which says nothing of
    what is wrong."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Data"
    sheet.append(["indicator", "period", "value", "status", "recorded_at"])
    sheet.append(["share", "2024", 14, "official", "15/07/2026"])
    sheet.append(["share", "2022", 11, "official", "04/31/2026"])
    book.save("so-lieu.xlsx")
    before = Path("observations.csv").read_bytes()
    made = run_clean("add-observation", "--from", "so-lieu.xlsx")
    assert made.exit_code == 1, made.stderr
    assert "so-lieu.xlsx:Data!E3: error: recorded_at '04/31/2026' is not a real date: there is no month 31" in (
        made.stderr
    ), made.stderr
    made = run_clean("--lang", "vi", "add-observation", "--from", "so-lieu.xlsx")
    assert "recorded_at '04/31/2026' không phải là ngày giờ có thật" in made.stderr, made.stderr
    assert "31" in made.stderr.split("04/31/2026")[-1], made.stderr
    assert Path("observations.csv").read_bytes() == before


def test_a_csv_proving_day_first_tells_a_cell_naming_no_day_the_calendar(tracker: Path) -> None:
    text = "indicator,period,value,recorded_at\nshare,2024,14,15/07/2026\nshare,2022,11,04/31/2026\n"
    Path("long.csv").write_text(text, encoding="utf-8")
    made = run_clean("add-observation", "--from", "long.csv")
    assert made.exit_code == 1, made.stderr
    assert "long.csv:3: error: recorded_at '04/31/2026' is not a real date: there is no month 31" in made.stderr


# --- 4. record_many's now: one InputError naming now ------------------------------------------


@pytest.mark.parametrize(
    ("now", "tz", "said"),
    [
        (
            "2026-02-29T10:00:00Z",
            None,
            "now: error: recorded_at '2026-02-29T10:00:00Z' is not a real date: 2026-02 has 28 days",
        ),
        ("banana", None, "now: error: 'banana' is not an ISO 8601 timestamp"),
        ("2026-04-30 10:00", None, "now: error: "),
    ],
)
def test_record_many_refuses_a_now_that_is_none_naming_now(tracker: Path, now: str, tz: str | None, said: str) -> None:
    """`now="2026-02-29T10:00:00Z"` was blamed on `candidates:1:` (or raised a bare
    ValueError when the row had its own recorded_at); `now` is one moment, said once."""
    from qntrack import InputError, record_many

    before = Path("observations.csv").read_bytes()
    for row in (
        {"indicator": "share", "period": "2024", "value": 14},
        {"indicator": "share", "period": "2024", "value": 14, "recorded_at": "2026-04-30"},
    ):
        with pytest.raises(InputError) as caught:
            record_many("targets.yaml", [row], now=now, tz=tz)
        told = [str(p) for p in caught.value.problems]
        assert len(told) == 1 and told[0].startswith(said), told
    assert Path("observations.csv").read_bytes() == before


def test_record_many_reads_now_in_the_zone_tz_gives(tracker: Path) -> None:
    """10:00 at +07:00 on 30 April 2026 is 03:00 UTC: the undated row is stamped so."""
    from qntrack import record_many

    done = record_many(
        "targets.yaml", [{"indicator": "share", "period": "2024", "value": 14}], now="2026-04-30 10:00", tz="+07:00"
    )
    assert [o.recorded_at for o in done.rows] == ["2026-04-30T03:00:00Z"]


# --- 5. ISO 8601's other spellings of a day: told the store's, as --as-of tells them ----------


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("20260430", "'20260430' is ISO 8601's basic form, without dashes: write 2026-04-30"),
        ("2026-W18-4", "'2026-W18-4' is a week and a weekday: write 2026-04-30"),
        ("2026W184", "'2026W184' is a week and a weekday: write 2026-04-30"),
        ("2026-W18-5", "'2026-W18-5' is a week and a weekday: write 2026-05-01"),
        ("20260430T100000Z", "'20260430T100000Z' is ISO 8601's basic form, without dashes: write 2026-04-30T10:00:00Z"),
    ],
)
def test_recorded_at_in_another_iso_spelling_is_told_the_store_s_one(tracker: Path, typed: str, said: str) -> None:
    """`--recorded-at 2026-W18-5` was stored as 2026-05-01 and `20260430` as 2026-04-30,
    where `--as-of` refuses both: the store keeps one spelling, and an officer who typed a
    week (week 18 of 2026 runs from Monday 27 April; its 4th day is Thursday 30 April) is
    shown the day it names. By hand, import and a Python caller alike; nothing written."""
    from qntrack import InputError, record_many

    before = Path("observations.csv").read_bytes()
    made = run_clean("add-observation", "share", "2024", "14", "--recorded-at", typed, "--force")
    assert made.exit_code == 1, made.stderr
    assert made.stderr == f"add-observation: error: {said}\n", made.stderr
    Path("imp.csv").write_text(f"indicator,period,value,recorded_at\nshare,2024,14,{typed}\n", encoding="utf-8")
    made = run_clean("add-observation", "--from", "imp.csv", "--force")
    assert made.exit_code == 1, made.stderr
    assert f"imp.csv:2: error: {said}" in made.stderr, made.stderr
    with pytest.raises(InputError) as caught:
        record_many(
            "targets.yaml", [{"indicator": "share", "period": "2024", "value": 14, "recorded_at": typed}], force=True
        )
    assert said in str(caught.value.problems[0]), caught.value.problems
    assert Path("observations.csv").read_bytes() == before


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("20260430", "'20260430' is not a date; a day is written YYYY-MM-DD, with hyphens: write 2026-04-30"),
        (
            "2026-W18-4",
            "'2026-W18-4' is not a date; a day is written YYYY-MM-DD, not as a week and a weekday: write 2026-04-30",
        ),
    ],
)
def test_as_of_in_another_iso_spelling_is_told_the_day_it_names(tracker: Path, typed: str, said: str) -> None:
    """`--as-of 20260430` was told "write YYYY-MM-DD, e.g. 2023-06-28", not the day typed."""
    made = run_clean("status", "--as-of", typed)
    assert made.exit_code == 2, made.stderr
    assert said in made.stderr, made.stderr


def test_a_store_row_written_by_hand_in_the_basic_form_is_told_the_store_s_spelling(tracker: Path) -> None:
    """The store's reader and the entry take the same rows (tests/test_rules.py): a row a
    person wrote as 20240402 is told at its line to write 2024-04-02, as 02/04/2024 is."""
    with Path("observations.csv").open("a", encoding="utf-8") as store:
        store.write("share,2022,11,official,,,20240402\n")
    made = run_clean("observations", "--format", "csv")
    assert made.exit_code == 1, made.stderr
    said = "observations.csv:3: error: '20240402' is ISO 8601's basic form, without dashes: write 2024-04-02"
    assert said in made.stderr, made.stderr


# --- 3. A day in Vietnamese words with a time of day: told the ISO moment ---------------------


@pytest.mark.parametrize(
    ("typed", "iso"),
    [
        ("ngày 30 tháng 4 năm 2026 10:00", "2026-04-30T10:00:00"),
        ("ngày 30 tháng 4 năm 2026, 10:30:15", "2026-04-30T10:30:15"),
        ("ngày 30 tháng 4 năm 2026 lúc 10 giờ", "2026-04-30T10:00:00"),
        ("10 giờ ngày 30/4/2026", "2026-04-30T10:00:00"),
        ("10 giờ 30 phút ngày 30/4/2026", "2026-04-30T10:30:00"),
        ("10h30 ngày 30 tháng 4 năm 2026", "2026-04-30T10:30:00"),
        ("10:00, ngày 30/04/2026", "2026-04-30T10:00:00"),
    ],
)
def test_a_day_in_vietnamese_words_with_a_time_is_told_its_iso_moment(tracker: Path, typed: str, iso: str) -> None:
    """They got "is not an ISO 8601 timestamp", though the words alone are told their ISO
    form: now told the moment, and, with no zone, the zone rule 30/04/2026 10:00 is told
    (no Z added: 10:00 in Hạ Long is 03:00 UTC); with --tz, the moment alone."""
    before = Path("observations.csv").read_bytes()
    made = run_clean("add-observation", "share", "2024", "14", "--recorded-at", typed, "--force")
    assert made.exit_code == 1, made.stderr
    assert made.stderr.startswith(f"add-observation: error: '{typed}' is a date written day first: write {iso}, and")
    assert "its time of day has no zone" in made.stderr and len(made.stderr.splitlines()) == 1, made.stderr
    made = run_clean("--lang", "vi", "add-observation", "share", "2024", "14", "--recorded-at", typed, "--tz", "+07:00")
    assert made.exit_code == 1, made.stderr
    assert made.stderr == f"add-observation: lỗi: '{typed}' là ngày viết theo thứ tự ngày/tháng/năm: hãy viết {iso}\n"
    assert Path("observations.csv").read_bytes() == before


def test_a_day_in_vietnamese_words_with_a_time_naming_no_day_is_told_the_calendar(tracker: Path) -> None:
    made = run_clean("add-observation", "share", "2024", "14", "--recorded-at", "ngày 31 tháng 4 năm 2026 10:00")
    assert made.exit_code == 1, made.stderr
    said = "recorded_at 'ngày 31 tháng 4 năm 2026 10:00' is not a real date: 2026-04 has 30 days"
    assert made.stderr == f"add-observation: error: {said}\n", made.stderr


def test_an_imported_day_in_vietnamese_words_with_a_time_is_told_at_its_line(tracker: Path) -> None:
    Path("imp.csv").write_text(
        "indicator,period,value,recorded_at\nshare,2024,14,10 giờ ngày 30/4/2026\n", encoding="utf-8"
    )
    made = run_clean("add-observation", "--from", "imp.csv", "--tz", "+07:00", "--force")
    assert made.exit_code == 1, made.stderr
    said = "imp.csv:2: error: '10 giờ ngày 30/4/2026' is a date written day first: write 2026-04-30T10:00:00"
    assert said in made.stderr, made.stderr


# --- 6. R's new words tried hostilely ----------------------------------------------------------


@pytest.mark.parametrize("typed", ["0001-01-01T00:00:00+07:00", "9999-12-31T23:59:59-01:00"])
def test_as_of_a_moment_beyond_the_calendar_in_utc_is_one_message(tracker: Path, typed: str) -> None:
    """Midnight of 1 January 0001 at +07:00 is 17:00 UTC on a day before the first; the last
    second of 9999 at -01:00 is in the year 10000: both raised OverflowError, a traceback.
    The day typed is offered, as for any moment."""
    made = run_clean("status", "--as-of", typed)
    assert made.exit_code == 2, made.stderr
    assert "Traceback" not in made.stderr and len(made.stderr.splitlines()) == 1, made.stderr
    assert made.stderr.startswith(f"--as-of: error: '{typed}' is not a date; write YYYY-MM-DD"), made.stderr


@pytest.mark.parametrize("zone", ["GMT", "gmt"])
def test_gmt_is_read_as_utc_is(tracker: Path, zone: str) -> None:
    """`--tz UTC` is read, `--tz GMT` (the same zero offset, the word a phone shows beside
    "GMT+7") was told "it reads the UTC offset, not the zone's name"."""
    made = run_clean(
        "add-observation", "share", "2024", "14", "--recorded-at", "2026-04-30 10:00", "--tz", zone, "--force"
    )
    assert made.exit_code == 0, made.stderr
    assert Path("observations.csv").read_text(encoding="utf-8").splitlines()[-1].endswith(",2026-04-30T10:00:00Z")


@pytest.mark.parametrize(("typed", "iso"), [("46142", "2026-04-30"), ("32874", "1990-01-01"), ("73415", "2100-12-31")])
def test_as_of_excel_s_count_of_days_is_told_the_day_as_recorded_at_is(tracker: Path, typed: str, iso: str) -> None:
    """`--recorded-at 46142` is told "how Excel counts the day 2026-04-30"; `--as-of 46142`
    only "write YYYY-MM-DD, e.g. 2023-06-28". Day n is n days after 30 December 1899:
    32874 is 1 January 1990, 73415 31 December 2100 (the range R chose)."""
    made = run_clean("status", "--as-of", typed)
    assert made.exit_code == 2, made.stderr
    said = f"--as-of: error: '{typed}' is not a date; it is how Excel counts the day {iso}: write {iso}"
    assert made.stderr.startswith(said), made.stderr


# 46142.5 is now told its day and time (thirty-fifth session, tests/test_s35_e.py).
@pytest.mark.parametrize("typed", ["32873", "73416", "46,142"])
def test_as_of_a_number_that_is_no_recent_day_keeps_the_plain_message(tracker: Path, typed: str) -> None:
    made = run_clean("status", "--as-of", typed)
    assert made.exit_code == 2, made.stderr
    assert "Excel" not in made.stderr and len(made.stderr.splitlines()) == 1, made.stderr


@pytest.mark.parametrize("zone", ["banana", "Asia/Bangkok", "+07", " "])
def test_record_many_refuses_a_tz_that_is_none_naming_tz(tracker: Path, zone: str) -> None:
    """`record_many(..., tz="Asia/Bangkok")` was blamed on `candidates:1:`, as if the row
    were wrong (and on every row of a batch); it is one InputError naming `tz`."""
    from qntrack import InputError, record_many

    rows = [
        {"indicator": "share", "period": "2024", "value": 14},
        {"indicator": "share", "period": "2022", "value": 11},
    ]
    with pytest.raises(InputError) as caught:
        record_many("targets.yaml", rows, now="2026-04-30T10:00:00Z", tz=zone)
    told = [str(p) for p in caught.value.problems]
    assert len(told) == 1 and told[0].startswith(f"tz: error: '{zone}' is not a time zone"), told


def test_record_many_refuses_a_tz_of_another_type_naming_tz(tracker: Path) -> None:
    """`tz=7` raised "'int' object has no attribute 'strip'", as import_observations' did
    before its arguments were checked."""
    from qntrack import record_many
    from qntrack.errors import ArgumentError

    with pytest.raises(ArgumentError) as caught:
        record_many("targets.yaml", [{"indicator": "share", "period": "2024", "value": 14}], tz=7)  # type: ignore[arg-type]
    assert str(caught.value.problems[0]).startswith("tz: error: "), caught.value.problems
