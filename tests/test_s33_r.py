"""Issue 17, thirty-third session, pass R: a hostile new user against the session's
changes. Each test was written failing first; the expected words are worked out by hand
from the calendar (2026 and 2025 are no leap years: February has 28 days; April has 30)."""

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

HEADER = "indicator,period,value,status,source,note,recorded_at\n"


@pytest.fixture
def tracker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, PLAN, STORE)


# --- 1. A day first with dashes naming no day is told the calendar, as with slashes ---------


@pytest.mark.parametrize(
    ("typed", "lang", "said"),
    [
        ("31-04-2026", "en", "recorded_at '31-04-2026' is not a real date: 2026-04 has 30 days"),
        ("29-02-2025", "en", "recorded_at '29-02-2025' is not a real date: 2025-02 has 28 days"),
        ("31-04-2026 10:00", "en", "recorded_at '31-04-2026 10:00' is not a real date: 2026-04 has 30 days"),
        ("31-04-2026", "vi", "recorded_at '31-04-2026' không phải là ngày giờ có thật: tháng 4/2026 có 30 ngày"),
    ],
)
def test_a_day_first_with_dashes_naming_no_day_is_told_the_month_s_days(
    tracker: Path, typed: str, lang: str, said: str
) -> None:
    """`--recorded-at 31/04/2026` and `31.04.2026` are told "2026-04 has 30 days", and
    `30-04-2026` its ISO form, but `31-04-2026` was told "is not an ISO 8601 timestamp",
    as if the dashes were wrong and not the day; by add-observation and retract alike,
    nothing written."""
    before = Path("observations.csv").read_bytes()
    for command in (("add-observation", "share", "2024", "14"), ("retract", "share", "2023")):
        made = run_clean("--lang", lang, *command, "--recorded-at", typed)
        assert made.exit_code == 1, made.stderr
        assert said in made.stderr and "ISO 8601" not in made.stderr, made.stderr
        assert len(made.stderr.splitlines()) == 1, made.stderr
    assert Path("observations.csv").read_bytes() == before


def test_as_of_a_day_first_with_dashes_naming_no_day_is_told_the_month_s_days(tracker: Path) -> None:
    """`--as-of 31.04.2026` is told "is no day of the calendar: 2026-04 has 30 days";
    `--as-of 31-04-2026` only "is not a date; write YYYY-MM-DD"."""
    made = run_clean("status", "--as-of", "31-04-2026")
    assert made.exit_code == 2, made.stderr
    assert "'31-04-2026' is no day of the calendar: 2026-04 has 30 days" in made.stderr, made.stderr


def test_an_imported_day_first_with_dashes_naming_no_day_is_told_its_line_and_the_calendar(tracker: Path) -> None:
    Path("imp.csv").write_text(HEADER + "share,2024,14,official,,,31-04-2026\n", encoding="utf-8")
    before = Path("observations.csv").read_bytes()
    made = run_clean("add-observation", "--from", "imp.csv")
    assert made.exit_code == 1, made.stderr
    assert "imp.csv:2: error: recorded_at '31-04-2026' is not a real date: 2026-04 has 30 days" in made.stderr
    assert Path("observations.csv").read_bytes() == before


# --- 2. A fraction of a second on a day that does not exist ----------------------------------


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("2026-02-29T10:00:00.5Z", "recorded_at '2026-02-29T10:00:00.5Z' is not a real date: 2026-02 has 28 days"),
        (
            "2025-02-29T10:00:00,25+07:00",
            "recorded_at '2025-02-29T10:00:00,25+07:00' is not a real date: 2025-02 has 28 days",
        ),
        ("31/04/2026 10:00:00.5", "recorded_at '31/04/2026 10:00:00.5' is not a real date: 2026-04 has 30 days"),
    ],
)
def test_a_fraction_of_a_second_on_a_day_that_does_not_exist_is_told_the_calendar(
    tracker: Path, typed: str, said: str
) -> None:
    """`--recorded-at 2026-02-29T10:00:00.5Z` was told "has a fraction of a second ...: write
    2026-02-29T10:00:00Z", a moment that does not exist either, refused at the next try.
    The day is what cannot be mended by the second, so it is said first and alone."""
    before = Path("observations.csv").read_bytes()
    made = run_clean("add-observation", "share", "2024", "14", "--recorded-at", typed)
    assert made.exit_code == 1, made.stderr
    assert said in made.stderr and "fraction" not in made.stderr, made.stderr
    assert Path("observations.csv").read_bytes() == before


def test_a_fraction_of_a_second_on_a_real_day_is_still_told_to_drop_it(tracker: Path) -> None:
    made = run_clean("add-observation", "share", "2024", "14", "--recorded-at", "2026-02-28T10:00:00.5Z")
    assert made.exit_code == 1, made.stderr
    assert "write 2026-02-28T10:00:00Z" in made.stderr, made.stderr


# --- 3. An import's date as Excel shows it, naming no day -------------------------------------


@pytest.mark.parametrize(
    ("cell", "said"),
    [
        ("31/04/2026", "recorded_at '31/04/2026' is not a real date: 2026-04 has 30 days"),
        ("29/02/2025", "recorded_at '29/02/2025' is not a real date: 2025-02 has 28 days"),
        ("31/04/2026 10:00", "recorded_at '31/04/2026 10:00' is not a real date: 2026-04 has 30 days"),
    ],
)
@pytest.mark.parametrize("separator", [",", "\t"])
def test_an_imported_shown_date_naming_no_day_is_told_the_calendar(
    tracker: Path, cell: str, said: str, separator: str
) -> None:
    """A CSV or TSV recorded_at of 31/04/2026 was told "is a date as Excel shows it; write it
    in ISO 8601, e.g. 2025-01-05...", though 30/04/2026 is read (day first, 30 being no
    month): the officer retyped it in ISO and met the calendar only then. Now the calendar
    is said at the line; the file is refused, nothing written."""
    name = "imp.csv" if separator == "," else "imp.tsv"
    rows = [HEADER.strip().split(","), ["share", "2024", "14", "official", "", "", cell]]
    Path(name).write_text("".join(separator.join(r) + "\n" for r in rows), encoding="utf-8")
    before = Path("observations.csv").read_bytes()
    made = run_clean("add-observation", "--from", name)
    assert made.exit_code == 1, made.stderr
    assert f"{name}:2: error: {said}" in made.stderr, made.stderr
    assert "as Excel shows it" not in made.stderr, made.stderr
    assert Path("observations.csv").read_bytes() == before


def test_a_workbook_text_cell_formatted_as_a_date_naming_no_day_is_told_the_calendar(tracker: Path) -> None:
    """A workbook cell formatted as a date holding 31/04/2026, which Excel keeps as text
    since it is no day: told at its cell that April has 30 days, in Vietnamese too."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Data"
    sheet.append(["indicator", "period", "value", "status", "recorded_at"])
    sheet.append(["share", "2024", 14, "official", "31/04/2026"])
    sheet["E2"].number_format = "dd/mm/yyyy"
    book.save("so-lieu.xlsx")
    before = Path("observations.csv").read_bytes()
    made = run_clean("add-observation", "--from", "so-lieu.xlsx")
    assert made.exit_code == 1, made.stderr
    assert "so-lieu.xlsx:Data!E2: error: recorded_at '31/04/2026' is not a real date: 2026-04 has 30 days" in (
        made.stderr
    ), made.stderr
    made = run_clean("--lang", "vi", "add-observation", "--from", "so-lieu.xlsx")
    assert "recorded_at '31/04/2026' không phải là ngày giờ có thật: tháng 4/2026 có 30 ngày" in made.stderr
    assert Path("observations.csv").read_bytes() == before


# --- 4. run_checks' today and now, as python-api.md now gives them ---------------------------


def test_run_checks_reads_today_as_every_function_reads_a_day(tracker: Path) -> None:
    """python-api.md (this session) gives `run_checks(..., today=None, ..., now=None)`, "the
    day and moment the time-dependent checks read", and README says the functions take "a
    `date` or `YYYY-MM-DD`". `today="2030-01-01"` raised TypeError ('>' not supported
    between 'str' and 'date') deep in the stale check; it is now that day, as a date is."""
    from datetime import date

    from qntrack import run_checks

    as_text = run_checks("targets.yaml", ["stale"], today="2030-01-01")
    as_date = run_checks("targets.yaml", ["stale"], today=date(2030, 1, 1))
    assert [str(p) for p in as_text] == [str(p) for p in as_date] and as_date


@pytest.mark.parametrize(
    ("argument", "value", "said"),
    [
        ("today", "2026-02-30", "today: error: '2026-02-30' is no day of the calendar: 2026-02 has 28 days"),
        ("today", "banana", "today: error: 'banana' is not a date"),
        ("now", "2026-02-30T00:00:00Z", "now: error: recorded_at '2026-02-30T00:00:00Z' is not a real date: 2026-02"),
        ("now", "banana", "now: error: 'banana' is not an ISO 8601 timestamp"),
    ],
)
def test_run_checks_refuses_a_day_or_moment_that_is_none_with_an_input_error_naming_it(
    tracker: Path, argument: str, value: str, said: str
) -> None:
    """`today="banana"` raised TypeError, `now="2026-02-30T00:00:00Z"` a bare ValueError ("day
    is out of range for month"), neither an InputError naming what was wrong, as the other
    functions raise for a day or moment that is none."""
    from qntrack import InputError, run_checks

    with pytest.raises(InputError) as caught:
        run_checks("targets.yaml", ["stale", "timing"], **{argument: value})
    assert said in caught.value.problems[0].text("en"), caught.value.problems[0].text("en")


def test_run_checks_takes_now_as_an_aware_datetime_as_record_many_does(tracker: Path) -> None:
    """`record_many`'s `now` is "text, an aware datetime (written in UTC)"; `run_checks`'
    raised TypeError ('datetime.datetime' object is not subscriptable). The row recorded
    2024-05-01 is in the future of 2024-01-01 (the timing check says so) and not of 2025."""
    from datetime import datetime, timezone

    from qntrack import run_checks

    def timing(now: object) -> list[str]:
        return [str(p) for p in run_checks("targets.yaml", ["timing"], now=now) if p.check == "timing"]  # type: ignore[arg-type]

    assert timing(datetime(2024, 1, 1, tzinfo=timezone.utc)) == timing("2024-01-01T00:00:00Z") != []
    assert timing(datetime(2025, 1, 1, 7, tzinfo=timezone.utc)) == []


# --- 5. --recorded-at given once for an import's rows is told once, of the option ------------

UNDATED = "indicator,period,value,status\nshare,2024,14,official\nshare,2022,11,official\n"


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("31-04-2026", "recorded_at '31-04-2026' is not a real date: 2026-04 has 30 days"),
        ("2026-02-29T10:00:00.5Z", "recorded_at '2026-02-29T10:00:00.5Z' is not a real date: 2026-02 has 28 days"),
        ("30/04/2026", "'30/04/2026' is a date written day first: write 2026-04-30"),
        ("2026-04-30T10:00:00.5Z", "'2026-04-30T10:00:00.5Z' has a fraction of a second"),
    ],
)
def test_an_import_s_recorded_at_option_is_refused_once_as_for_one_figure(tracker: Path, typed: str, said: str) -> None:
    """`add-observation --from undated.csv --recorded-at 31-04-2026` (the moment of every row
    without its own) was told at each line of the file, "undated.csv:2: error: ...",
    "undated.csv:3: error: ...", as if the file were wrong; `--recorded-at 30/04/2026`
    was told "is a date as Excel shows it ... (format the column as Text so Excel keeps
    it)", of a column no one had. It is now said once, in the words a single figure is
    told (`add-observation share 2024 14 --recorded-at ...`), nothing written."""
    Path("undated.csv").write_text(UNDATED, encoding="utf-8")
    before = Path("observations.csv").read_bytes()
    made = run_clean("add-observation", "--from", "undated.csv", "--recorded-at", typed)
    one = run_clean("add-observation", "share", "2024", "14", "--recorded-at", typed)
    assert made.exit_code == one.exit_code == 1, made.stderr
    assert made.stderr == one.stderr == f"add-observation: error: {said}" + one.stderr.split(said, 1)[1], made.stderr
    assert "undated.csv" not in made.stderr and "Excel" not in made.stderr, made.stderr
    assert Path("observations.csv").read_bytes() == before


def test_import_observations_refuses_defaults_recorded_at_once_naming_defaults(tracker: Path) -> None:
    from qntrack import InputError, import_observations
    from qntrack.files.importing import RowDefaults

    Path("undated.csv").write_text(UNDATED, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        import_observations("targets.yaml", "undated.csv", defaults=RowDefaults(recorded_at="31-04-2026"))
    assert [p.text("en") for p in caught.value.problems] == [
        "defaults: error: recorded_at '31-04-2026' is not a real date: 2026-04 has 30 days"
    ]


def test_an_import_s_recorded_at_option_with_a_time_and_no_zone_is_left_to_the_plan_s_zone(tracker: Path) -> None:
    """A time with no zone is read in the plan's `timezone:` (or --tz): the option is not
    refused before the plan is read. Here, with neither, the rows say it as before."""
    Path("undated.csv").write_text(UNDATED, encoding="utf-8")
    made = run_clean("add-observation", "--from", "undated.csv", "--recorded-at", "2026-04-30T10:00", "--dry-run")
    assert made.exit_code == 1 and "has no time zone" in made.stderr, made.stderr
    made = run_clean(
        "add-observation", "--from", "undated.csv", "--recorded-at", "2026-04-30T10:00", "--tz", "+07:00", "--dry-run"
    )
    assert made.exit_code == 0, made.stderr


# --- 6. Year 0000, a database's "zero date" ---------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "lang", "said"),
    [
        ("0000-00-00", "en", "recorded_at '0000-00-00' is not a real date: there is no year 0000 (the first is 0001)"),
        (
            "0000-00-00 00:00:00",
            "en",
            "recorded_at '0000-00-00 00:00:00' is not a real date: there is no year 0000 (the first is 0001)",
        ),
        ("0000-02-29", "en", "recorded_at '0000-02-29' is not a real date: there is no year 0000 (the first is 0001)"),
        (
            "0000-01-01",
            "vi",
            "recorded_at '0000-01-01' không phải là ngày giờ có thật: không có năm 0000 (năm đầu tiên là 0001)",
        ),
    ],
)
def test_a_recorded_at_in_year_0000_is_told_there_is_no_such_year(
    tracker: Path, typed: str, lang: str, said: str
) -> None:
    """`0000-00-00 00:00:00` is what a database (MySQL's zero date) exports for a moment it
    does not know; '0000-01-01' was told only "is not a real date", with none of the
    reasons the other days that do not exist are told (the Gregorian calendar has no
    year 0, and Python's neither)."""
    made = run_clean("--lang", lang, "add-observation", "share", "2024", "14", "--recorded-at", typed)
    assert made.exit_code == 1, made.stderr
    assert said in made.stderr, made.stderr


def test_as_of_year_0000_is_told_there_is_no_such_year_not_to_write_the_form_it_has(tracker: Path) -> None:
    """`--as-of 0000-01-01` was told "is not a date; write YYYY-MM-DD, e.g. 2023-06-28":
    the form it was written in."""
    made = run_clean("status", "--as-of", "0000-01-01")
    assert made.exit_code == 2, made.stderr
    assert made.stderr == (
        "--as-of: error: '0000-01-01' is no day of the calendar: there is no year 0000 (the first is 0001)\n"
    ), made.stderr
    made = run_clean("--lang", "vi", "status", "--as-of", "0000-01-01")
    assert "'0000-01-01' không phải là ngày có thật: không có năm 0000 (năm đầu tiên là 0001)" in made.stderr


# --- 7. A day in Vietnamese words, as --as-of reads it -----------------------------------------


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("ngày 30 tháng 4 năm 2026", "'ngày 30 tháng 4 năm 2026' is a date written day first: write 2026-04-30"),
        ("ngày 5 tháng 4 năm 2026", "'ngày 5 tháng 4 năm 2026' is a date written day first: write 2026-04-05"),
        ("ngày 30/4/2026", "'ngày 30/4/2026' is a date written day first: write 2026-04-30"),
        (
            "ngày 31 tháng 4 năm 2026",
            "recorded_at 'ngày 31 tháng 4 năm 2026' is not a real date: 2026-04 has 30 days",
        ),
    ],
)
def test_a_recorded_at_in_vietnamese_words_is_told_its_iso_form_as_as_of_is(
    tracker: Path, typed: str, said: str
) -> None:
    """`--as-of "ngày 30 tháng 4 năm 2026"` is told "write YYYY-MM-DD: 2026-04-30";
    `--recorded-at` the same words was told "is not an ISO 8601 timestamp; write e.g.
    2023-11-27T09:00:00Z", as if it named no day. Words name the day first, so the
    fifth of April is never read as the fourth of May."""
    made = run_clean("add-observation", "share", "2024", "14", "--recorded-at", typed)
    assert made.exit_code == 1, made.stderr
    assert said in made.stderr and "ISO 8601" not in made.stderr, made.stderr


def test_as_of_a_day_in_vietnamese_words_naming_no_day_is_told_the_calendar(tracker: Path) -> None:
    made = run_clean("--lang", "vi", "status", "--as-of", "ngày 31 tháng 4 năm 2026")
    assert made.exit_code == 2, made.stderr
    assert "'ngày 31 tháng 4 năm 2026' không phải là ngày có thật: tháng 4/2026 có 30 ngày" in made.stderr


# --- 8. The year first with dots -------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "lang", "said"),
    [
        ("2026.04.30", "en", "'2026.04.30' is a date written with dots: write 2026-04-30"),
        ("2026.4.5", "en", "'2026.4.5' is a date written with dots: write 2026-04-05"),
        ("2026.04.31", "en", "recorded_at '2026.04.31' is not a real date: 2026-04 has 30 days"),
        ("2026.04.30", "vi", "'2026.04.30' là ngày viết với dấu chấm: hãy viết 2026-04-30"),
    ],
)
def test_a_recorded_at_year_first_with_dots_is_told_its_iso_form_as_as_of_is(
    tracker: Path, typed: str, lang: str, said: str
) -> None:
    """`--as-of 2026.04.30` is told "write 2026-04-30" and `--as-of 2026.04.31` the
    calendar; `--recorded-at` the same was told "is not an ISO 8601 timestamp; write e.g.
    2023-11-27T09:00:00Z", though 2026/04/30 is told its ISO form."""
    made = run_clean("--lang", lang, "add-observation", "share", "2024", "14", "--recorded-at", typed)
    assert made.exit_code == 1, made.stderr
    assert said in made.stderr and "ISO 8601" not in made.stderr, made.stderr


def test_an_sdmx_csv_recorded_at_as_excel_shows_it_naming_no_day_is_told_the_calendar(tracker: Path) -> None:
    """The SDMX-CSV reader says an Excel-shown RECORDED_AT as the CSV path does: 31/04/2026
    is told April's days at its line, not "a date as Excel shows it"."""
    Path("sdmx.csv").write_text(
        "STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,TIME_PERIOD,OBS_VALUE,OBS_STATUS,SOURCE,COMMENT_OBS,RECORDED_AT\n"
        "dataflow,QNTRACK:DF_CALENDAR_PLAN(1.0),I,share,2024,14,A,Yearbook,,31/04/2026\n",
        encoding="utf-8",
    )
    before = Path("observations.csv").read_bytes()
    made = run_clean("add-observation", "--from", "sdmx.csv")
    assert made.exit_code == 1, made.stderr
    assert "sdmx.csv:2: error: recorded_at '31/04/2026' is not a real date: 2026-04 has 30 days" in made.stderr
    assert Path("observations.csv").read_bytes() == before


# --- 9. A zone named, or an offset spelt another way ------------------------------------------


@pytest.mark.parametrize(
    ("zone", "said"),
    [
        ("UTC+7", "'UTC+7' is not a time zone as qntrack writes one: write +07:00"),
        ("GMT+7", "'GMT+7' is not a time zone as qntrack writes one: write +07:00"),
        ("+7", "'+7' is not a time zone as qntrack writes one: write +07:00"),
        ("UTC-5:30", "'UTC-5:30' is not a time zone as qntrack writes one: write -05:30"),
        ("Asia/Ho_Chi_Minh", "'Asia/Ho_Chi_Minh' is not a time zone as qntrack reads one"),
        ("ICT", "'ICT' is not a time zone as qntrack reads one"),
    ],
)
def test_a_zone_named_or_an_offset_spelt_otherwise_is_told_the_offset_to_write(
    tracker: Path, zone: str, said: str
) -> None:
    """`--tz Asia/Ho_Chi_Minh` (the zone a Vietnamese computer names) was told "is not a
    time zone", which it is; `UTC+7` the same, though it names the offset. Each is now
    told what qntrack reads, and the offset to write: +07:00 for Vietnam's names (no
    daylight saving time since 1975), by --tz and by the plan's timezone: alike."""
    made = run_clean("add-observation", "share", "2024", "14", "--tz", zone)
    assert made.exit_code == 2, made.stderr
    assert made.stderr.startswith(f"--tz: error: {said}"), made.stderr
    if "reads one" in said:
        assert "write +07:00" in made.stderr, made.stderr
    plan = Path("targets.yaml").read_text(encoding="utf-8")
    Path("targets.yaml").write_text(f'timezone: "{zone}"\n' + plan, encoding="utf-8")
    made = run_clean("check")
    assert made.exit_code == 1, made.stderr
    assert made.stderr.startswith(f"targets.yaml:1:11: error: timezone: {said}"), made.stderr


def test_another_zone_s_name_is_told_to_write_its_offset(tracker: Path) -> None:
    made = run_clean("--lang", "vi", "add-observation", "share", "2024", "14", "--tz", "Europe/Paris")
    assert made.exit_code == 2, made.stderr
    assert made.stderr == (
        "--tz: lỗi: 'Europe/Paris' không phải là múi giờ theo cách qntrack đọc: qntrack đọc độ lệch so với UTC, "
        "không đọc tên múi giờ; hãy viết độ lệch của múi giờ đó, như +07:00 (Việt Nam) hoặc -05:00\n"
    ), made.stderr


@pytest.mark.parametrize("zone", ["UTC+15", "GMT+7:60"])
def test_an_offset_spelt_otherwise_out_of_range_is_told_the_range_not_an_offset_to_write(
    tracker: Path, zone: str
) -> None:
    made = run_clean("add-observation", "share", "2024", "14", "--tz", zone)
    assert made.exit_code == 2, made.stderr
    assert made.stderr.startswith(f"--tz: error: '{zone}' is not a time zone (offsets run from -14:00 to +14:00)")


# --- 10. Excel's count of days, where a date was pasted as a value ----------------------------


def test_a_recorded_at_that_is_excel_s_count_of_days_is_told_the_day_it_counts(tracker: Path) -> None:
    """A recorded_at column pasted as values ("Paste Values" drops the date format) shows
    46142, Excel's count of days for 2026-04-30: day n is 30 December 1899 plus n days
    (Excel's day 1 is 1 January 1900, and it counts a 29 February 1900 that never was).
    By hand: 2 days to 1900-01-01, 126 years to 2026-01-01 (126 x 365 + 31 leap days,
    1904 to 2024) = 46021, then 31 + 28 + 31 + 29 = 119 to 30 April: 46142. It was told
    "is not an ISO 8601 timestamp; write e.g. 2023-11-27T09:00:00Z", leaving the officer
    to wonder where the number came from; a workbook's number cell, a CSV's cell and
    --recorded-at alike."""
    said = "'46142' is how Excel counts the day 2026-04-30"
    made = run_clean("add-observation", "share", "2024", "14", "--recorded-at", "46142")
    assert made.exit_code == 1 and said in made.stderr and "write 2026-04-30" in made.stderr, made.stderr
    Path("imp.csv").write_text(HEADER + "share,2024,14,official,,,46142\n", encoding="utf-8")
    made = run_clean("add-observation", "--from", "imp.csv")
    assert made.exit_code == 1 and f"imp.csv:2: error: {said}" in made.stderr, made.stderr
    book = Workbook()
    sheet = book.active
    sheet.title = "Data"
    sheet.append(["indicator", "period", "value", "status", "recorded_at"])
    sheet.append(["share", "2024", 14, "official", 46142])
    book.save("so-lieu.xlsx")
    made = run_clean("--lang", "vi", "add-observation", "--from", "so-lieu.xlsx")
    assert made.exit_code == 1, made.stderr
    assert "so-lieu.xlsx:Data!E2: lỗi: '46142' là số Excel dùng để đếm ngày 2026-04-30" in made.stderr, made.stderr


def test_a_number_that_is_no_recent_day_is_not_told_a_day(tracker: Path) -> None:
    made = run_clean("add-observation", "share", "2024", "14", "--recorded-at", "12345")
    assert made.exit_code == 1 and "Excel" not in made.stderr and "ISO 8601" in made.stderr, made.stderr
