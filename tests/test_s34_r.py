"""Issue 17, thirty-fourth session, pass R: the session's changes tried by a hostile user
(docs/decisions.md, "The thirty-fourth session", items 1-8). Each test was written failing
first; the expected days and counts are worked out by hand: in Excel's 1904 date system
(old Mac Excel, ``workbook.epoch``) the count of days n is 1 January 1904 plus n days, with
no 29 February 1900 to skip; 1904-01-01 is the 1900 system's count 1462, so 9999-12-31,
its 2958465, is the 1904 system's 2958465 - 1462 = 2957003."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

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
def calendar_plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from conftest import make_tracker

    return make_tracker(tmp_path, monkeypatch, PLAN, STORE)


def _digest() -> str:
    return hashlib.sha256(Path("observations.csv").read_bytes()).hexdigest()


def _book(value: Any, number_format: str | None = "dd/mm/yyyy", mac: bool = False, wide: bool = False) -> None:
    """so-lieu.xlsx, one row whose recorded_at cell holds ``value`` in ``number_format``;
    ``mac``: the workbook counts its days from 1904 (old Mac Excel)."""
    from openpyxl import Workbook
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    book = Workbook()
    if mac:
        book.epoch = CALENDAR_MAC_1904
    sheet = book.active
    sheet.title = "Data"
    if wide:
        sheet.append(["indicator", "status", "recorded_at", "2024"])
        sheet.append(["share", "official", value, 14])
        cell = "C2"
    else:
        sheet.append(["indicator", "period", "value", "status", "recorded_at"])
        sheet.append(["share", "2024", 14, "official", value])
        cell = "E2"
    if number_format is not None:
        sheet[cell].number_format = number_format
    book.save("so-lieu.xlsx")


def _one_error(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if ": error: " in line or ": lỗi: " in line]
    assert len(lines) == 1, stderr
    return lines[0]


# --- A workbook in the 1904 date system -----------------------------------------------------


@pytest.mark.parametrize(
    ("serial", "lang", "said"),
    [
        (
            -1,
            "en",
            "so-lieu.xlsx:Data!E2: error: recorded_at: the cell is formatted as a date but holds a negative "
            "count of days (-1), which Excel shows as ########, no day; this workbook counts its days from "
            "1904 (Excel's 1904 date system), its dates running from 1904-01-01 (its count 0) to 9999-12-31 "
            "(2957003)",
        ),
        (
            -1,
            "vi",
            "so-lieu.xlsx:Data!E2: lỗi: recorded_at: ô được định dạng ngày nhưng chứa số ngày âm (-1), Excel "
            "hiện thành ########, không phải ngày nào; sổ tính này đếm ngày từ năm 1904 (hệ ngày 1904 của "
            "Excel), các ngày của nó chạy từ 1904-01-01 (số đếm 0) đến 9999-12-31 (2957003)",
        ),
        (
            2957004,
            "en",
            "so-lieu.xlsx:Data!E2: error: recorded_at: the cell holds '#VALUE!' where a date was expected: a "
            "count of days past 2957003 (9999-12-31, the last day Excel shows in a workbook counting its days "
            "from 1904; here it shows ########)",
        ),
    ],
)
def test_a_1904_workbook_s_date_cell_outside_its_days_is_refused_at_its_cell(
    calendar_plan: Path, serial: int, lang: str, said: str
) -> None:
    """-1 in a 1904 workbook was read 1903-12-31 (openpyxl counts from the workbook's day 0)
    and stored so with --force, where Excel shows ########: the 1900 system's rule (below
    1899-12-30) never saw it. Past its last count, the message named the 1900 system's."""
    from helpers import run_clean

    _book(serial, mac=True)
    before = _digest()
    for force in ((), ("--force",)):
        made = run_clean("--lang", lang, "add-observation", "--from", "so-lieu.xlsx", *force)
        assert made.exit_code == 1, made.stderr
        assert _one_error(made.stderr).startswith(said), made.stderr
    assert _digest() == before


def test_a_1904_workbook_s_day_0_is_the_day_excel_shows(calendar_plan: Path) -> None:
    """0.5 in a date and time cell of a 1904 workbook shows 01/01/1904 12:00 in Excel;
    openpyxl gives the time alone, and it was told "day 0, which Excel shows as
    00/01/1900, is no day". It is that day: refused as any moment before its period is,
    and recorded as shown with --force (12:00 in the zone given, here +07:00)."""
    from helpers import run_clean

    _book(0.5, "dd/mm/yyyy hh:mm", mac=True)
    made = run_clean("add-observation", "--from", "so-lieu.xlsx", "--tz", "+07:00")
    assert made.exit_code == 1 and "after the figure was recorded (1904-01-01T05:00:00Z)" in made.stderr, made.stderr
    assert "00/01/1900" not in made.stderr
    made = run_clean("add-observation", "--from", "so-lieu.xlsx", "--tz", "+07:00", "--force", "--dry-run")
    assert made.exit_code == 0 and "1904-01-01T05:00:00Z" in made.stdout, made.stderr
    _book(0, "dd/mm/yyyy", mac=True)
    made = run_clean("add-observation", "--from", "so-lieu.xlsx", "--force", "--dry-run")
    assert made.exit_code == 0 and "1904-01-01T00:00:00Z" in made.stdout, made.stderr


def test_a_1900_workbook_keeps_its_edges(calendar_plan: Path) -> None:
    """The 1900 system's words are unchanged (tests/test_s34_e.py has them all)."""
    from helpers import run_clean

    _book(-1)
    made = run_clean("add-observation", "--from", "so-lieu.xlsx", "--force")
    assert "from 1900-03-01 (its count 61) to 9999-12-31 (2958465)" in _one_error(made.stderr)


# --- A cell formatted as a length of time -----------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "so-lieu.xlsx:Data!E2: error: recorded_at: the cell is formatted as a length of time ([h]:mm), "
            "not as a date: it holds 1.5 days, which is no moment; a recorded_at is a day, or a day and a "
            "time: type e.g. 2026-04-30 or 2026-04-30 12:00:00",
        ),
        (
            "vi",
            "so-lieu.xlsx:Data!E2: lỗi: recorded_at: ô được định dạng là khoảng thời gian ([h]:mm), không "
            "phải ngày: ô chứa 1,5 ngày, không phải một thời điểm; recorded_at là một ngày, hoặc một ngày "
            "kèm giờ: hãy ghi ví dụ 2026-04-30 hoặc 2026-04-30 12:00:00",
        ),
    ],
)
def test_a_duration_cell_is_told_it_is_a_length_of_time(calendar_plan: Path, lang: str, said: str) -> None:
    """1.5 in a cell formatted [h]:mm (Excel shows 36:00) was told "'1 day, 12:00:00' is not
    an ISO 8601 timestamp": Python's words for a length of time, which the sheet never shows."""
    from helpers import run_clean

    _book(1.5, "[h]:mm")
    before = _digest()
    for force in ((), ("--force",)):
        made = run_clean("--lang", lang, "add-observation", "--from", "so-lieu.xlsx", *force)
        assert made.exit_code == 1, made.stderr
        assert _one_error(made.stderr) == said, made.stderr
    assert _digest() == before


# --- A spreadsheet's error value in the recorded_at column ----------------------------------

ERROR_EN = (
    "column 'recorded_at': '{text}' is an error value a spreadsheet shows where a formula gave no "
    "result: correct the formula (or empty the cell) and save the file again"
)


@pytest.mark.parametrize("text", ["#N/A", "#REF!", "#DIV/0!"])
def test_an_error_value_in_recorded_at_is_told_as_in_every_other_column(calendar_plan: Path, text: str) -> None:
    """'#N/A' in the indicator, period, source or note column is told it is a formula's
    error value; in recorded_at it was "'#N/A' is not an ISO 8601 timestamp". The same
    words now, in a CSV (long and wide) and a workbook (long and wide), --force or not."""
    from helpers import run_clean

    said = ERROR_EN.format(text=text)
    before = _digest()
    header = "indicator,period,value,status,source,note,recorded_at\n"
    Path("long.csv").write_text(header + f"share,2024,14,official,,,{text}\n", encoding="utf-8")
    Path("wide.csv").write_text(f"indicator,status,recorded_at,2024\nshare,official,{text},14\n", encoding="utf-8")
    sdmx = "STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,TIME_PERIOD,OBS_VALUE,RECORDED_AT\n"
    Path("sdmx.csv").write_text(sdmx + f"dataflow,X:Y(1.0),I,share,2024,14,{text}\n", encoding="utf-8")
    for args, where in (
        (("--from", "long.csv"), "long.csv:2: error: "),
        (("--from", "wide.csv", "--wide"), "wide.csv:2: error: "),
        (("--from", "sdmx.csv"), "sdmx.csv:2: error: "),  # SDMX-CSV: as its COMMENT_OBS (note) is told
    ):
        for force in ((), ("--force",)):
            made = run_clean("add-observation", *args, *force)
            assert made.exit_code == 1 and _one_error(made.stderr) == where + said, made.stderr
    for wide, cell in ((False, "E2"), (True, "C2")):
        _book(text, None, wide=wide)
        for force in ((), ("--force",)):
            extra = ("--wide",) if wide else ()
            made = run_clean("add-observation", "--from", "so-lieu.xlsx", *extra, *force)
            assert made.exit_code == 1, made.stderr
            assert _one_error(made.stderr) == f"so-lieu.xlsx:Data!{cell}: error: " + said, made.stderr
    assert _digest() == before


def test_an_error_value_in_recorded_at_is_told_in_vietnamese(calendar_plan: Path) -> None:
    from helpers import run_clean

    _book("#N/A", None)
    made = run_clean("--lang", "vi", "add-observation", "--from", "so-lieu.xlsx", "--dry-run")
    line = _one_error(made.stderr)
    assert line.startswith("so-lieu.xlsx:Data!E2: lỗi: cột 'recorded_at': '#N/A' ") and "ISO 8601" not in line, line


# --- A day as Excel shows a timestamp, typed for a day ------------------------------------------


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("30/4/2026 10:00", "2026-04-30"),
        ("30/04/2026 10:00:05", "2026-04-30"),
        ("30.4.2026 10:00", "2026-04-30"),
        ("4/30/2026 10:00 AM", "2026-04-30"),
    ],
)
def test_a_day_as_excel_shows_a_timestamp_is_told_its_day(calendar_plan: Path, typed: str, day: str) -> None:
    """``--as-of 30/4/2026`` is told its day, and ``--recorded-at "30/4/2026 10:00"`` its
    ISO moment; ``--as-of "30/4/2026 10:00"`` (a timestamp copied from Excel) got the
    generic "write YYYY-MM-DD, e.g. 2023-06-28", as if nothing of it were read. Now the day
    it falls in, as "ngày 30/4/2026 10:00" is told."""
    from helpers import run_clean

    made = run_clean("status", "--as-of", typed)
    assert made.exit_code == 2, made.stderr
    assert f"(a day, not a moment: {day} takes the figures recorded by the end of that day, UTC)" in made.stderr, (
        made.stderr
    )
    made = run_clean("--lang", "vi", "report", "--since", typed, "--format", "json")
    assert made.exit_code == 2 and f"{day} liệt kê các số liệu ghi nhận sau khi ngày đó kết thúc" in made.stderr


def test_a_timestamp_read_two_ways_names_both_days_and_no_day_names_the_month(calendar_plan: Path) -> None:
    from helpers import run_clean

    made = run_clean("status", "--as-of", "03/04/2026 10:00")
    assert made.exit_code == 2, made.stderr
    assert "2026-04-03 if 03/04/2026 10:00 is day/month/year, 2026-03-04 if it is month/day/year" in made.stderr
    made = run_clean("status", "--as-of", "31/4/2026 10:00")
    assert made.exit_code == 2 and "2026-04 has 30 days" in made.stderr, made.stderr


# --- The library's selections: an empty text, an id with spaces -------------------------------


@pytest.mark.parametrize("typed", ["", "   "])
def test_an_empty_text_as_the_selection_is_refused_as_empty(shipped: Path, typed: str) -> None:
    """``target_ids=""`` (a notebook's ``cell.strip()`` of an empty cell) was told "no
    target  in the plan", naming nothing between two spaces, and ``names=""`` "unknown
    check ''": an empty selection, told as ``[]`` is (thirty-fourth session, item 4)."""
    import qntrack
    from qntrack.errors import ArgumentError

    with pytest.raises(ArgumentError) as caught:
        qntrack.status("targets.yaml", target_ids=typed)
    assert caught.value.file == "target_ids" and "target_ids is empty" in str(caught.value.problems[0].message)
    with pytest.raises(ArgumentError) as caught:
        qntrack.run_checks("targets.yaml", names=typed)
    assert caught.value.file == "names" and "names is empty" in str(caught.value.problems[0].message)


def test_an_unknown_target_id_is_quoted_once(shipped: Path) -> None:
    """ " cbct-share " (a pasted cell's spaces) was told "no target  cbct-share  in the
    plan": the spaces that made it unknown could not be seen. Quoted, as the command line's
    "no target 'x'" is, and each unknown id named once."""
    import qntrack
    from qntrack.catalog import render
    from qntrack.errors import ArgumentError

    with pytest.raises(ArgumentError) as caught:
        qntrack.status("targets.yaml", target_ids=[" cbct-share ", "nope", "nope"])
    message = caught.value.problems[0].message
    assert str(message) == "no target ' cbct-share ', 'nope' in the plan", str(message)
    assert render(message, "vi") == "kế hoạch không có mục tiêu ' cbct-share ', 'nope'"


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        ("ngày 30 tháng 4 năm 2026 10:00", "(a day, not a moment: 2026-04-30 takes the figures recorded by the end"),
        ("30/4/2026", "(day/month/year 30/4/2026 is 2026-04-30)"),
        ("2026-04-30T10:00", "(a day, not a moment: 2026-04-30 takes the figures recorded by the end"),
    ],
)
def test_the_library_s_today_is_told_the_day_as_every_other_day_is(shipped: Path, typed: str, hint: str) -> None:
    """``run_checks(today=...)``, ``status(as_of=...)`` and ``build_report(since=...)`` tell
    a day typed otherwise the day it names; ``assess(today=...)`` and ``build_report(today=
    ...)`` said only "write YYYY-MM-DD, e.g. 2023-06-28" of the same text (item 3: "on
    every option that reads a day")."""
    import qntrack
    from qntrack.errors import ArgumentError

    ws = qntrack.open_workspace("targets.yaml")
    for call in (
        lambda: qntrack.assess(ws.plan, ws.series, today=typed),
        lambda: qntrack.build_report(ws.plan, ws.series, [], today=typed),
        lambda: qntrack.assess_target(ws.plan.targets[0], ws.plan.indicators[ws.plan.targets[0].indicator], [], typed),
    ):
        with pytest.raises(ArgumentError) as caught:
            call()
        assert caught.value.file == "today", caught.value.file
        said = str(caught.value.problems[0].message)
        assert said.startswith(f"'{typed}' is not a date; write YYYY-MM-DD") and hint in said, said
    assert len(qntrack.assess(ws.plan, ws.series, today="2026-04-30")) == len(ws.plan.targets)


@pytest.mark.parametrize("typed", ["ngày 30 tháng 4 năm 2026 lúc 10 giờ 5 phút", "10 giờ 5 phút ngày 30/4/2026"])
def test_a_time_in_words_with_a_one_digit_minute_is_read(calendar_plan: Path, typed: str) -> None:
    """ "10 giờ 5 phút" (five past ten, as Vietnamese says it) was not read as a time: the
    words got the generic message on --as-of and --recorded-at alike, where "10 giờ 05"
    was read. Only with "phút": "10h5" stays unread (10:05 or 10:50 to its writer)."""
    from helpers import run_clean

    made = run_clean("status", "--as-of", typed)
    assert made.exit_code == 2 and "(a day, not a moment: 2026-04-30 takes the figures" in made.stderr, made.stderr
    made = run_clean("add-observation", "share", "2024", "14", "--recorded-at", typed)
    assert made.exit_code == 1 and "write 2026-04-30T10:05:00, and its time of day has no zone" in made.stderr
    made = run_clean("status", "--as-of", "ngày 30/4/2026 10h5")
    assert made.exit_code == 2 and "a day, not a moment" not in made.stderr, made.stderr


@pytest.mark.parametrize("where", ["", "  ", "\n"])
def test_an_empty_place_is_told_it_is_empty_in_either_language(shipped: Path, where: str) -> None:
    """An empty place was told "is of type empty str", a type Python has not, and in
    Vietnamese "có kiểu empty str", English words in the sentence."""
    import qntrack
    from qntrack.catalog import render
    from qntrack.errors import InputError

    row = {"indicator": "budget_revenue", "period": "2025", "value": "84500", "status": "estimate"}
    with pytest.raises(InputError) as caught:
        qntrack.record_many("targets.yaml", [(where, row)], dry_run=True)
    message = caught.value.problems[0].message
    assert str(message).startswith("is an empty text, not a row's place: give"), str(message)
    assert render(message, "vi").startswith("là một văn bản rỗng, không phải vị trí của một dòng"), render(
        message, "vi"
    )


def test_a_1904_workbook_s_count_of_days_in_a_general_cell_is_told_its_own_day(calendar_plan: Path) -> None:
    """A General cell holding 46142 shows the count of days of a date whose format was lost;
    in a 1904 workbook that count is 1904-01-01 plus 46142 days, 2030-05-01 (the 1900
    system's 46142 + 1462 = 47604), and it was told "how Excel counts the day 2026-04-30:
    write 2026-04-30", four years and a day off. Told the workbook's day now; a count the
    1900 system reads in 1990-2100 but the 1904 one does not (72000: 2101-02-16) gets the
    generic words, not the 1900 system's day."""
    from helpers import run_clean

    _book(46142, "General", mac=True)
    made = run_clean("add-observation", "--from", "so-lieu.xlsx", "--force")
    line = _one_error(made.stderr)
    assert line.startswith(
        "so-lieu.xlsx:Data!E2: error: '46142' is how this workbook counts the day 2030-05-01 (it counts its days "
        "from 1904, Excel's 1904 date system"
    ), line
    assert line.endswith("write 2030-05-01"), line
    assert "2026-04-30" not in line
    made = run_clean("--lang", "vi", "add-observation", "--from", "so-lieu.xlsx", "--force")
    assert "2030-05-01" in _one_error(made.stderr) and "1904" in made.stderr, made.stderr
    _book(72000, "General", mac=True)
    made = run_clean("add-observation", "--from", "so-lieu.xlsx", "--force")
    assert "'72000' is not an ISO 8601 timestamp" in _one_error(made.stderr), made.stderr
    _book(46142, "General")
    made = run_clean("add-observation", "--from", "so-lieu.xlsx", "--force")
    assert "how Excel counts the day 2026-04-30" in _one_error(made.stderr), made.stderr


def _aware(hours: int, *parts: int) -> Any:
    from datetime import datetime, timedelta, timezone

    return datetime(*parts, tzinfo=timezone(timedelta(hours=hours)))  # type: ignore[misc]


@pytest.mark.parametrize(
    ("moment", "side"),
    [((7, 1, 1, 1), "before 0001-01-01T00:00:00Z"), ((-1, 9999, 12, 31, 23), "after 9999-12-31T23:59:59Z")],
)
def test_a_python_moment_outside_the_store_s_years_is_told_so_by_name(shipped: Path, moment: tuple, side: str) -> None:
    """datetime(1, 1, 1, tzinfo=+07:00) is the moment the command line is told "is a real
    moment, but in UTC it falls before 0001-01-01T00:00:00Z" of (item 2, "on every path");
    given to the library as a datetime (a row's recorded_at, record_many's now, retract's
    recorded_at, run_checks' now), it raised Python's OverflowError "date value out of
    range" from inside. Now the same words, at the argument or the row, nothing written."""
    import qntrack
    from qntrack.errors import InputError

    given = _aware(*moment)
    row = {"indicator": "budget_revenue", "period": "2025", "value": "84500", "status": "estimate", "source": "s"}
    before = _digest()
    for call, where in (
        (lambda: qntrack.record_many("targets.yaml", [dict(row, recorded_at=given)]), "candidates:1"),
        (lambda: qntrack.record_many("targets.yaml", [row], now=given), "now"),
        # retract's own argument, named since the thirty-sixth session (was "retract")
        (lambda: qntrack.retract("targets.yaml", "budget_revenue", "2025", "s", "", given), "recorded_at"),
        (lambda: qntrack.run_checks("targets.yaml", now=given), "now"),
    ):
        with pytest.raises(InputError) as caught:
            call()
        problem = caught.value.problems[0]
        said = str(problem.message)
        assert str(problem.location) == where and "is a real moment, but in UTC it falls " + side in said, (
            str(problem.location),
            said,
        )
    assert _digest() == before


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_1904_workbook_s_time_alone_is_no_day(calendar_plan: Path, lang: str) -> None:
    """0.5 in a cell formatted hh:mm shows 12:00 and no day, in either date system: in a 1904
    workbook it is not read as 1 January 1904 (the day a date format would show), nor told
    of the 1900 system's 00/01/1900; it is a time alone, refused at its cell."""
    from helpers import run_clean

    _book(0.5, "hh:mm", mac=True)
    made = run_clean("--lang", lang, "add-observation", "--from", "so-lieu.xlsx", "--force", "--tz", "+07:00")
    assert made.exit_code == 1, made.stdout
    line = _one_error(made.stderr)
    start = {
        "en": "so-lieu.xlsx:Data!E2: error: recorded_at: the cell holds the time 12:00:00 with no day (its format, "
        "hh:mm, shows a time alone); a recorded_at is a day, or a day and a time",
        "vi": "so-lieu.xlsx:Data!E2: lỗi: recorded_at: ô chứa giờ 12:00:00 mà không có ngày (định dạng của ô, "
        "hh:mm, chỉ hiện giờ); recorded_at là một ngày, hoặc một ngày kèm giờ",
    }[lang]
    assert line.startswith(start) and "1904-01-01" not in line and "00/01/1900" not in line, line
