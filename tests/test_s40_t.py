"""Issue 17, fortieth session, pass T: a plan's zone tried with the offsets that break naive
code (+05:45, +05:30, -09:30, +14:00, -12:00, +13:00, Z, UTC, GMT, +0000, -00:00, +00:00)
and inputs at the edges of a day and of the calendar.

Worked out by hand:

- ``+14:00`` (Kiribati): the end of 31 December 9999 there is 9999-12-31T09:59:59Z; a
  moment stored later that day in UTC (``9999-12-31T12:00:00Z``) is 02:00 on 1 January of
  year 10000 there, a day no calendar here holds: the store's last day is the day it is
  shown on (``recorded_day`` keeps it to 9999-12-31), so the end of that day must count it.
- ``-12:00``: ``0001-01-01T01:00:00Z`` is 13:00 on 31 December of year 0 there, likewise
  held to 0001-01-01, the first day.
- ``+05:45`` (Nepal): the end of 2 July is 23:59:59 - 5 h 45 min = 2025-07-02T18:14:59Z.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from conftest import make_tracker
from helpers import run_clean
from qntrack.cache.keeping import _offset
from qntrack.method.recorded_days import LAST_MOMENT, day_end, recorded_day, zone_offset
from qntrack.method.timing import parse_zone
from test_s39_zone import PLAN

HEADER = "indicator,period,value,status,source,note,recorded_at\n"


def _zone(zone: str) -> str:
    return f'timezone: "{zone}"\n'


# --- the core: the end of the calendar's last day -----------------------------------------


def test_the_last_day_east_of_greenwich_ends_at_the_last_moment_the_store_holds() -> None:
    # 9999-12-31T12:00:00Z is shown as recorded on 9999-12-31 at +14:00 (the calendar's
    # last day); --as-of 9999-12-31 must then count it. day_end gave 9999-12-31T09:59:59Z.
    assert recorded_day("9999-12-31T12:00:00Z", "+14:00") == "9999-12-31"
    assert day_end("9999-12-31", "+14:00") == LAST_MOMENT
    assert day_end("9999-12-31", "+05:45") == LAST_MOMENT
    # Every other day ends where it did: 23:59:59 - 14 h, 23:59:59 - 5 h 45 min.
    assert day_end("9999-12-30", "+14:00") == "9999-12-30T09:59:59Z"
    assert day_end("2025-07-02", "+05:45") == "2025-07-02T18:14:59Z"
    assert day_end("2025-07-02", "-09:30") == "2025-07-03T09:29:59Z"
    assert day_end("0001-01-01", "-12:00") == "0001-01-02T11:59:59Z"
    assert day_end("0001-01-01", "+14:00") == "0001-01-01T09:59:59Z"


# Offsets a plan may name: -14:00 to +14:00, any minutes (parse_zone's range).
OFFSETS = st.integers(min_value=-14 * 60, max_value=14 * 60).map(
    lambda m: f"{'-' if m < 0 else '+'}{abs(m) // 60:02d}:{abs(m) % 60:02d}"
)
FIRST, LAST = datetime(1, 1, 1), datetime(9999, 12, 31, 23, 59, 59)
EDGES = st.sampled_from([FIRST, FIRST + timedelta(hours=11, minutes=59, seconds=59), LAST - timedelta(hours=14), LAST])
MOMENTS = st.one_of(EDGES, st.datetimes(min_value=FIRST, max_value=LAST)).map(
    lambda m: m.replace(microsecond=0).isoformat() + "Z"
)
DAYS = st.one_of(
    st.sampled_from(["0001-01-01", "0001-01-02", "9999-12-30", "9999-12-31"]),
    st.dates().map(lambda d: d.isoformat()),
)


@given(stamp=MOMENTS, day=DAYS, zone=OFFSETS)
@example(stamp="9999-12-31T12:00:00Z", day="9999-12-31", zone="+14:00")
@example(stamp="9999-12-31T23:59:59Z", day="9999-12-31", zone="+00:01")
@example(stamp="0001-01-01T01:00:00Z", day="0001-01-01", zone="-12:00")
@example(stamp="0001-01-01T00:00:00Z", day="0001-01-01", zone="-00:01")
def test_a_moment_is_known_by_the_end_of_a_day_exactly_when_it_falls_on_that_day_or_before(
    stamp: str, day: str, zone: str
) -> None:
    # The whole calendar, its first and last days too, in every offset a plan may name.
    assert (stamp <= day_end(day, zone)) == (recorded_day(stamp, zone) <= day)


# --- the three readers of a plan's zone agree -----------------------------------------------

ZERO_FORMS = ["Z", "z", "UTC", "utc", "GMT", "+0000", "-00:00", "+00:00", "-0000", " +00:00 "]
OFFSET_FORMS = {
    "+05:45": timedelta(hours=5, minutes=45),
    "+0545": timedelta(hours=5, minutes=45),
    "+05:30": timedelta(hours=5, minutes=30),
    "-09:30": -timedelta(hours=9, minutes=30),
    "-0930": -timedelta(hours=9, minutes=30),
    "+14:00": timedelta(hours=14),
    "-12:00": -timedelta(hours=12),
    "+13:00": timedelta(hours=13),
    " +07:00\t": timedelta(hours=7),
}


@pytest.mark.parametrize("text", ZERO_FORMS + list(OFFSET_FORMS))
def test_the_three_readers_of_a_zone_agree_on_every_form_a_plan_may_write(text: str) -> None:
    expected = OFFSET_FORMS.get(text, timedelta(0))
    assert parse_zone(text).utcoffset(None) == expected
    assert zone_offset(text) == expected
    assert _offset(text).utcoffset(None) == expected


@given(minutes=st.integers(min_value=-14 * 60, max_value=14 * 60), colon=st.booleans())
def test_the_three_readers_agree_on_every_offset(minutes: int, colon: bool) -> None:
    sign = "-" if minutes < 0 else "+"
    text = f"{sign}{abs(minutes) // 60:02d}{':' if colon else ''}{abs(minutes) % 60:02d}"
    expected = timedelta(minutes=minutes)
    assert parse_zone(text).utcoffset(None) == expected
    assert zone_offset(text) == expected
    assert _offset(text).utcoffset(None) == expected


@pytest.mark.parametrize("text", ["+٠٧:٠٠", "+０７:００", "-٠٥٠٠"])
def test_an_offset_in_other_digits_is_refused_by_every_reader(text: str) -> None:
    # Python's \d and int() read Arabic-Indic and full-width digits; a recorded_at in them
    # is refused (store_timestamp_foreign_digits), but `timezone: +٠٧:٠٠` and `--tz` took
    # them in silence. The message offers the offset in ASCII digits.
    with pytest.raises(ValueError) as told:
        parse_zone(text)
    assert "+07:00" in str(told.value) or "-05:00" in str(told.value)
    assert zone_offset(text) is None
    assert _offset(text) is None


def test_a_plan_whose_zone_is_written_in_other_digits_is_told_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_tracker(tmp_path, monkeypatch, PLAN.format(zone=_zone("+٠٧:٠٠")), HEADER)
    r = run_clean("status")
    assert r.exit_code == 1, r.output
    assert "targets.yaml:3:" in r.output and "+07:00" in r.output


def test_tz_in_other_digits_is_refused_before_anything_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_tracker(tmp_path, monkeypatch, PLAN.format(zone=""), HEADER)
    r = run_clean("add-observation", "share", "2025-Q1", "12", "--recorded-at", "2025-04-20T09:00", "--tz", "+٠٧:٠٠")
    assert r.exit_code == 2, r.output
    assert "+07:00" in r.output
    assert (folder / "observations.csv").read_text(encoding="utf-8") == HEADER


# --- the command line at the calendar's last day ----------------------------------------------

KIRIBATI_LATE = (
    HEADER + "share,2025-Q1,12.0,,src-a,,2025-04-20T02:00:00Z\nshare,2025-Q1,12.5,,src-b,,9999-12-31T12:00:00Z\n"
)


def test_as_of_the_last_day_at_plus_14_counts_the_figure_shown_as_recorded_that_day(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A hand-edited row dated 9999-12-31T12:00:00Z: `show` says it was recorded on
    # 9999-12-31 (the last day), but `observations --as-of 9999-12-31` left it out as
    # "recorded ... (after 9999-12-31)".
    make_tracker(tmp_path, monkeypatch, PLAN.format(zone=_zone("+14:00")), KIRIBATI_LATE)
    r = run_clean("observations", "--as-of", "9999-12-31", "--format", "json")
    assert r.exit_code == 0, r.output
    document = json.loads(r.stdout)
    assert [row["value"] for row in document["observations"]] == [12.5]
    assert document["as_of_end"] == "9999-12-31T23:59:59Z"
    assert "after 9999-12-31" not in r.output


# --- a moment typed for a day, off the calendar in the plan's zone --------------------------


@pytest.mark.parametrize(
    ("zone", "typed", "day"),
    [
        ("+14:00", "9999-12-31T23:00:00Z", "9999-12-31"),  # 13:00 on 1 January 10000 there
        ("-12:00", "0001-01-01T01:00:00Z", "0001-01-01"),  # 13:00 on 31 December of year 0 there
    ],
)
@pytest.mark.parametrize("option", ["--as-of", "--since"])
def test_a_moment_typed_for_a_day_off_the_calendar_in_the_plans_zone_is_told_in_that_zone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, zone: str, typed: str, day: str, option: str
) -> None:
    # It was told "... by the end of that day, UTC": the plan counts its days in its zone.
    make_tracker(tmp_path, monkeypatch, PLAN.format(zone=_zone(zone)), HEADER)
    r = run_clean("report" if option == "--since" else "status", option, typed)
    assert r.exit_code == 2, r.output
    assert f"(UTC{zone})" in r.output
    assert "UTC)" not in r.output and ", UTC" not in r.output
    assert day in r.output
    assert "0001-01-01 to 9999-12-31" in r.output


def test_a_moment_before_year_1_in_utc_but_on_the_first_day_in_the_plans_zone_is_told_that_day(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 01:00 on 1 January of year 1 at +05:00 is 20:00 on 31 December of year 0 in UTC and
    # 10:00 on 1 January of year 1 at +14:00: the plan's day is 0001-01-01, on the calendar.
    make_tracker(tmp_path, monkeypatch, PLAN.format(zone=_zone("+14:00")), HEADER)
    r = run_clean("status", "--as-of", "0001-01-01T01:00:00+05:00")
    assert r.exit_code == 2, r.output
    assert "falls on 0001-01-01 in the plan's zone (UTC+14:00)" in r.output


def test_a_moment_off_the_calendar_is_told_in_vietnamese_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_tracker(tmp_path, monkeypatch, PLAN.format(zone=_zone("+14:00")), HEADER)
    r = run_clean("--lang", "vi", "status", "--as-of", "9999-12-31T23:00:00Z")
    assert r.exit_code == 2, r.output
    assert "theo múi giờ của kế hoạch (UTC+14:00)" in r.output
    assert "9999-12-31" in r.output


def test_a_python_callers_moment_off_the_calendar_is_an_argument_error_in_the_plans_zone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import qntrack
    from qntrack.errors import ArgumentError

    make_tracker(tmp_path, monkeypatch, PLAN.format(zone=_zone("+14:00")), HEADER)
    with pytest.raises(ArgumentError) as told:
        qntrack.status(None, as_of=datetime(9999, 12, 31, 23, tzinfo=timezone.utc))  # type: ignore[arg-type]
    assert told.value.code == 2
    assert "(UTC+14:00)" in str(told.value)


# --- the workbook at the calendar's first days ------------------------------------------------


def _cells(book: Path) -> list[tuple[str, object, str]]:
    import warnings

    import openpyxl

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # openpyxl warns of a date cell it cannot read, then makes it #VALUE!
        wb = openpyxl.load_workbook(book)
    return [(ws.title, c.value, c.data_type) for ws in wb.worksheets for row in ws.iter_rows() for c in row]


YEAR_ONE = HEADER + "share,2025-Q1,12.0,,src-a,,0001-01-01T00:00:00Z\nshare,2025-Q2,13.0,,src-b,,1900-02-28T20:00:00Z\n"


@pytest.mark.parametrize(
    ("zone", "late"),
    [
        ("", "1900-02-28T20:00:00Z"),
        ("-12:00", "1900-02-28T20:00:00Z"),  # 08:00 on 28 February 1900 there
        ("+07:00", datetime(1900, 3, 1, 3)),
        ("+14:00", datetime(1900, 3, 1, 10)),
    ],
)
def test_a_figure_recorded_before_excels_dates_is_a_text_cell_not_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, zone: str, late: object
) -> None:
    # Excel's dates begin on 1 January 1900: a recorded_at of year 1 was written as the
    # date serial -693594, which Excel and openpyxl read as #VALUE!. Before 1 March 1900
    # (in the cell's zone) Excel counts a 29 February that never was, and an import refuses
    # the cell: such a cell is the stored text. 20:00 UTC on 28 February 1900 is 03:00 on
    # 1 March at +07:00, a date cell in the plan's time.
    folder = make_tracker(tmp_path, monkeypatch, PLAN.format(zone=_zone(zone) if zone else ""), YEAR_ONE)
    r = run_clean("report", "-o", "review.xlsx")
    assert r.exit_code == 0, r.output
    cells = _cells(folder / "review.xlsx")
    assert not [c for c in cells if c[2] == "e"]
    assert ("Figures", "0001-01-01T00:00:00Z", "s") in cells
    assert ("Figures", late, "s" if isinstance(late, str) else "d") in cells


@pytest.mark.parametrize("zone", ["", "+14:00", "-12:00"])
def test_a_workbook_as_of_year_one_can_be_opened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, zone: str) -> None:
    # Its creation date, the report's day, was written "1-01-01T00:00:00Z" (a year of one
    # digit): openpyxl refused the whole workbook ("could not read properties").
    import openpyxl

    folder = make_tracker(tmp_path, monkeypatch, PLAN.format(zone=_zone(zone) if zone else ""), STORE_2025)
    r = run_clean("report", "--as-of", "0001-01-01", "-o", "review.xlsx")
    assert r.exit_code == 0, r.output
    _cells(folder / "review.xlsx")
    wb = openpyxl.load_workbook(folder / "review.xlsx")
    assert "0001-01-01" in (wb.properties.subject or "")


STORE_2025 = HEADER + "share,2025-Q1,12.0,,src-a,,2025-04-20T02:00:00Z\n"


# --- a recorded_at's own offset, beyond any zone ----------------------------------------------


@pytest.mark.parametrize(
    "typed", ["2025-07-02T23:59:59+14:30", "2025-07-02T09:00:00-15:00", "2025-07-02T09:00:00+2359"]
)
def test_a_recorded_at_whose_offset_no_zone_keeps_is_refused_as_tz_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: str
) -> None:
    # `--tz +14:30` and `timezone: +14:30` are refused (offsets run from -14:00 to +14:00),
    # but the same offset inside a recorded_at was stored in silence (+14:30: 09:29:59Z),
    # a typo for +04:30 or +14:00 turned into another day.
    folder = make_tracker(tmp_path, monkeypatch, PLAN.format(zone=_zone("+05:45")), HEADER)
    r = run_clean("add-observation", "share", "2025-Q2", "12", "--status", "estimate", "--recorded-at", typed)
    assert r.exit_code == 1, r.output
    assert "-14:00 to +14:00" in r.output and typed in r.output
    assert (folder / "observations.csv").read_text(encoding="utf-8") == HEADER
    (folder / "rows.csv").write_text(HEADER + f"share,2025-Q2,12,estimate,src,,{typed}\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "rows.csv")
    assert r.exit_code == 1, r.output
    assert "rows.csv:2:" in r.output and "-14:00 to +14:00" in r.output
    assert (folder / "observations.csv").read_text(encoding="utf-8") == HEADER


def test_a_recorded_at_at_the_widest_offsets_is_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # +14:00 (Kiribati) and -12:00 are real zones: 23:59:59 on 2 July at +14:00 is
    # 09:59:59 UTC; 00:00 on 2 July at -12:00 is 12:00 UTC.
    folder = make_tracker(tmp_path, monkeypatch, PLAN.format(zone=""), HEADER)
    for value, typed in (("12", "2025-07-02T23:59:59+14:00"), ("12.5", "2025-07-02T00:00:00-12:00")):
        r = run_clean("add-observation", "share", "2025-Q2", value, "--status", "estimate", "--recorded-at", typed)
        assert r.exit_code == 0, r.output
    stored = (folder / "observations.csv").read_text(encoding="utf-8")
    assert "2025-07-02T09:59:59Z" in stored and "2025-07-02T12:00:00Z" in stored


def test_a_python_callers_recorded_at_whose_offset_no_zone_keeps_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import qntrack
    from qntrack.errors import InputError

    folder = make_tracker(tmp_path, monkeypatch, PLAN.format(zone=""), HEADER)
    moment = datetime(2025, 7, 2, 9, tzinfo=timezone(timedelta(hours=15)))
    with pytest.raises(InputError) as told:
        qntrack.record_many(
            None,
            [{"indicator": "share", "period": "2025-Q2", "value": 12, "status": "estimate", "recorded_at": moment}],
        )
    assert "-14:00 to +14:00" in str(told.value)
    assert (folder / "observations.csv").read_text(encoding="utf-8") == HEADER


@given(text=st.text(alphabet="+-0123456789:ZUTCGMzutc \t\n٠٧０", max_size=9))
def test_whatever_the_plans_reader_takes_as_a_zone_the_other_two_read_alike(text: str) -> None:
    # The plan's reader (parse_zone) decides what a zone is; the core's and the warm
    # cache's readers, which load no model, must give the same offset for it.
    try:
        expected = parse_zone(text).utcoffset(None)
    except ValueError:
        return
    assert zone_offset(text) == expected
    assert _offset(text).utcoffset(None) == expected
