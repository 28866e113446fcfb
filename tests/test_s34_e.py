"""Issue 17, thirty-fourth session, pass E: the thirty-third session's leftovers, each at
its root (docs/decisions.md, "The thirty-third session", each item's "Left"). Each test
was written failing first; the expected words and days are worked out by hand (Excel's
day n is 30 December 1899 plus n days from 1 March 1900 on; its 60 is the 29 February
1900 that never was)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

import qntrack
from qntrack.catalog import render
from qntrack.errors import ArgumentError, InputError

ROW = {
    "indicator": "budget_revenue",
    "period": "2025",
    "value": "84500",
    "status": "estimate",
    "source": "https://example.org/budget-2025",
}


def _store_digest() -> str:
    return hashlib.sha256(Path("observations.csv").read_bytes()).hexdigest()


# --- 4. An explicit empty selection is refused by name; None means all ----------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda: qntrack.status("targets.yaml", target_ids=[]),
        lambda: qntrack.assessed("targets.yaml", target_ids=()),
        lambda: qntrack.status("targets.yaml", target_ids=iter([])),
        lambda: qntrack.assess(*_judged(), target_ids=set()),
    ],
)
def test_an_empty_list_of_target_ids_is_refused_by_name(shipped: Path, call) -> None:  # type: ignore[no-untyped-def]
    """A notebook's filter that matched nothing (``[i for i in ids if ...]``) judged every
    target of the plan in silence, as the command line with no ids does."""
    with pytest.raises(ArgumentError) as caught:
        call()
    assert caught.value.file == "target_ids"
    said = str(caught.value.problems[0].message)
    assert "target_ids is empty" in said and "None for every target" in said, said


def _judged():  # type: ignore[no-untyped-def]
    ws = qntrack.open_workspace("targets.yaml")
    return ws.plan, ws.series


def test_an_empty_list_of_check_names_is_refused_by_name(shipped: Path) -> None:
    """``run_checks(names=[])`` ran only the three checks that always run, and said the
    store was clean: the same trap as an empty list of ids, told the same way."""
    from qntrack.output.documents import check_document

    with pytest.raises(ArgumentError) as caught:
        qntrack.run_checks("targets.yaml", names=[])
    assert caught.value.file == "names"
    said = str(caught.value.problems[0].message)
    assert "names is empty" in said and "None for the default checks" in said, said
    with pytest.raises(ArgumentError) as caught:
        check_document([], [])
    assert caught.value.file == "checks" and "checks is empty" in str(caught.value.problems[0].message)


def test_none_still_means_every_target_and_the_default_checks(shipped: Path) -> None:
    assert len(qntrack.status("targets.yaml", target_ids=None)["targets"]) == len(
        qntrack.open_workspace("targets.yaml").plan.targets
    )
    assert isinstance(qntrack.run_checks("targets.yaml", names=None), list)


def test_empty_data_is_no_filter_and_is_kept(shipped: Path) -> None:
    """Rows to record and judged targets to print are data, not a selection: none is
    nothing to record and a document of no target, as before."""
    before = _store_digest()
    assert qntrack.record_many("targets.yaml", []).rows == ()  # a tuple, as an import's
    assert qntrack.status_document([])["targets"] == []
    assert _store_digest() == before


def test_the_empty_selection_is_said_in_vietnamese_too() -> None:
    from qntrack.catalog import msg

    said = render(msg("library_target_ids_empty"), "vi")
    assert said.startswith("target_ids rỗng") and "None" in said, said
    said = render(msg("library_names_empty", argument="names"), "vi")
    assert said.startswith("names rỗng") and "None" in said, said


# --- 5. record_many's (where, row) pair: the place is a Location or a name ---------------------


@pytest.mark.parametrize("where", [None, 5, 2.5, ""])
def test_a_row_s_place_that_is_no_name_is_refused_by_name(shipped: Path, where: object) -> None:
    """``(None, row)`` was recorded with the place 'None', ``(5, row)`` with '5': a
    problem of the row was then said at a place the caller never named."""
    before = _store_digest()
    with pytest.raises(InputError) as caught:
        qntrack.record_many("targets.yaml", [(where, ROW)])
    problem = caught.value.problems[0]
    assert str(problem.location) == "candidates:1"
    said = str(problem.message)
    assert "not a row's place" in said and "Location" in said and "as a str" in said, said
    assert _store_digest() == before


def test_a_row_s_place_as_a_name_or_a_location_is_still_taken(shipped: Path) -> None:
    from qntrack import Location

    done = qntrack.record_many("targets.yaml", [("dashboard", ROW)], dry_run=True)
    assert len(done.rows) == 1
    done = qntrack.record_many("targets.yaml", [(Location("sheet", 3), ROW)], dry_run=True)
    assert len(done.rows) == 1


# --- 6. retract's period NaN named as the argument -------------------------------------------


@pytest.mark.parametrize("period", [float("nan"), float("inf"), float("-inf")])
def test_retract_s_period_that_is_no_number_is_refused_naming_period(shipped: Path, period: float) -> None:
    """pandas' empty cell given as the period was told "'nan' is not a period" at
    ``retract:``; a period of None is told at ``period:`` (library_period_type)."""
    before = _store_digest()
    with pytest.raises(ArgumentError) as caught:
        qntrack.retract("targets.yaml", "budget_revenue", period, "https://example.org/x", "", None)
    assert caught.value.file == "period"
    said = str(caught.value.problems[0].message)
    assert said.startswith(f"is {period}, which is no period") and '"2025-Q3"' in said, said
    assert _store_digest() == before


# --- 7. The figure a row published: one home for check's vintage rules and history ----------


def test_a_row_s_published_figure_is_its_value_and_a_retraction_s_is_none() -> None:
    """Two vintages are the same publication when figure, status and source agree; a
    retraction publishes no figure (its NaN would equal nothing, not even another
    retraction's), so two retractions from one source are the same withdrawal."""
    from qntrack.files import checks_vintages
    from qntrack.method import history
    from qntrack.plan.model import Observation
    from qntrack.plan.periods import parse_period

    figure = Observation("grdp_growth", parse_period("2024"), 8.42, "estimate", "s")
    withdrawn = Observation("grdp_growth", parse_period("2024"), float("nan"), "retracted", "s")
    assert figure.published_figure == 8.42
    assert withdrawn.published_figure is None
    # The two copies are gone: one rule, asked in both places.
    assert not hasattr(checks_vintages, "_figure_of") and not hasattr(history, "_figure")


# --- 2. A real moment whose UTC falls outside the store's years ------------------------------

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

BEFORE_EN = (
    "recorded_at '0001-01-01T00:00:00+07:00' is a real moment, but in UTC it falls before "
    "0001-01-01T00:00:00Z, the earliest moment the store can keep"
)
BEFORE_VI = (
    "recorded_at '0001-01-01T00:00:00+07:00' là một thời điểm có thật, nhưng theo giờ UTC thì rơi vào "
    "trước 0001-01-01T00:00:00Z, thời điểm sớm nhất mà tệp số liệu có thể lưu"
)


@pytest.fixture
def calendar_plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from conftest import make_tracker

    return make_tracker(tmp_path, monkeypatch, PLAN, STORE)


@pytest.mark.parametrize(("lang", "said"), [("en", BEFORE_EN), ("vi", BEFORE_VI)])
def test_a_moment_before_the_first_in_utc_is_told_so_on_every_path(calendar_plan: Path, lang: str, said: str) -> None:
    """0001-01-01T00:00:00+07:00 is midnight of 1 January of year 1 in Vietnam: a real
    moment, 17:00 of 31 December of year 0 in UTC, which no year of the store holds. It
    was told "is not a real date", which is false; the option, a CSV's cell, a workbook's
    text cell and the store's own line each say why."""
    from openpyxl import Workbook

    from helpers import run_clean

    typed = "0001-01-01T00:00:00+07:00"
    before = _store_digest()
    made = run_clean("--lang", lang, "add-observation", "share", "2024", "14", "--recorded-at", typed, "--force")
    assert made.exit_code == 1 and said in made.stderr, made.stderr
    Path("imp.csv").write_text(HEADER + f"share,2024,14,official,,,{typed}\n", encoding="utf-8")
    made = run_clean("--lang", lang, "add-observation", "--from", "imp.csv", "--force")
    assert made.exit_code == 1 and "imp.csv:2: " in made.stderr and said in made.stderr, made.stderr
    book = Workbook()
    sheet = book.active
    sheet.title = "Data"
    sheet.append(["indicator", "period", "value", "status", "recorded_at"])
    sheet.append(["share", "2024", 14, "official", typed])
    book.save("so-lieu.xlsx")
    made = run_clean("--lang", lang, "add-observation", "--from", "so-lieu.xlsx", "--force")
    assert made.exit_code == 1 and "so-lieu.xlsx:Data!E2: " in made.stderr and said in made.stderr, made.stderr
    assert _store_digest() == before
    with open("observations.csv", "a", encoding="utf-8") as fh:
        fh.write(f"share,2024,14,official,,,{typed}\n")
    made = run_clean("--lang", lang, "check")
    assert made.exit_code == 1 and "observations.csv:3: " in made.stderr and said in made.stderr, made.stderr


def test_a_moment_after_the_last_in_utc_and_a_zone_given_apart_are_told_so(calendar_plan: Path) -> None:
    """9999-12-31T23:00:00-01:00 is 0:00 of a year 10000 in UTC; a time given with --tz
    reaches year 0 the same way. A moment within the years is still stored."""
    from helpers import run_clean

    made = run_clean("add-observation", "share", "2024", "14", "--recorded-at", "9999-12-31T23:00:00-01:00")
    assert made.exit_code == 1, made.stderr
    assert (
        "recorded_at '9999-12-31T23:00:00-01:00' is a real moment, but in UTC it falls after "
        "9999-12-31T23:59:59Z, the latest moment the store can keep"
    ) in made.stderr, made.stderr
    made = run_clean(
        "add-observation", "share", "2024", "14", "--recorded-at", "0001-01-01T03:00:00", "--tz", "+07:00", "--force"
    )
    assert made.exit_code == 1 and "before 0001-01-01T00:00:00Z" in made.stderr, made.stderr
    made = run_clean(
        "add-observation", "share", "2024", "14", "--recorded-at", "0001-01-01T07:00:00+07:00", "--force", "-n"
    )
    assert made.exit_code == 0 and "0001-01-01T00:00:00Z" in made.stdout, made.stderr


# --- 3. A day in Vietnamese words with a time, typed for a day -------------------------------


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("ngày 30 tháng 4 năm 2026 10:00", "2026-04-30"),
        ("10 giờ ngày 30/4/2026", "2026-04-30"),
        ("10h30 ngày 30 tháng 4 năm 2026", "2026-04-30"),
        ("lúc 9:05 ngày 1 tháng 12 năm 2025", "2025-12-01"),
    ],
)
def test_as_of_and_since_in_words_with_a_time_are_told_the_day(calendar_plan: Path, typed: str, day: str) -> None:
    """The same words given --recorded-at are told their ISO moment; --as-of got the
    generic "write YYYY-MM-DD, e.g. 2023-06-28", as if nothing of them were read. Now the
    day they name, as a moment typed for a day is (2026-04-30T10:00)."""
    from helpers import run_clean

    made = run_clean("status", "--as-of", typed)
    assert made.exit_code == 2, made.stderr
    assert f"--as-of: error: '{typed}' is not a date; write YYYY-MM-DD" in made.stderr, made.stderr
    assert f"(a day, not a moment: {day} takes the figures recorded by the end of that day, UTC)" in made.stderr
    made = run_clean("--lang", "vi", "report", "--since", typed, "--format", "json")
    assert made.exit_code == 2, made.stderr
    assert f"--since: lỗi: '{typed}' không phải là ngày" in made.stderr, made.stderr
    assert f"{day} liệt kê các số liệu ghi nhận sau khi ngày đó kết thúc" in made.stderr, made.stderr
    with pytest.raises(InputError) as caught:
        qntrack.status("targets.yaml", as_of=typed)
    assert f"{day} takes the figures" in str(caught.value.problems[0].message)


def test_as_of_in_words_with_a_time_naming_no_day_is_told_the_month_s_days(calendar_plan: Path) -> None:
    from helpers import run_clean

    made = run_clean("status", "--as-of", "ngày 31 tháng 4 năm 2026 10:00")
    assert made.exit_code == 2 and "2026-04 has 30 days" in made.stderr, made.stderr
    made = run_clean("--lang", "vi", "status", "--as-of", "10 giờ ngày 31/4/2026")
    assert made.exit_code == 2 and "tháng 4/2026 có 30 ngày" in made.stderr, made.stderr


def test_recorded_at_in_words_with_a_time_keeps_its_telling(calendar_plan: Path) -> None:
    from helpers import run_clean

    made = run_clean("add-observation", "share", "2024", "14", "--recorded-at", "ngày 30 tháng 4 năm 2026 10:00")
    assert made.exit_code == 1 and "write 2026-04-30T10:00:00, and its time of day has no zone" in made.stderr


# --- 1. A workbook's recorded_at date cell at Excel's edges ------------------------------------


def _book_with_recorded_at(value: float, number_format: str = "dd/mm/yyyy") -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Data"
    sheet.append(["indicator", "period", "value", "status", "recorded_at"])
    sheet.append(["share", "2024", 14, "official", value])
    sheet["E2"].number_format = number_format
    book.save("so-lieu.xlsx")


EDGES = [
    # Excel's count of days in a cell formatted as a date, and what Excel shows there: below
    # 0 it shows ########; 0 shows 00/01/1900 and 0.5 that day at noon (day 0 is none);
    # 1 to 59 are 1 January to 28 February 1900, 60 its 29 February 1900 that never was
    # (read 1900-02-28 as 59 is); past 2958465 (9999-12-31) it shows ########.
    (-1, "en", "recorded_at: the cell is formatted as a date but holds a negative count of days (-1)"),
    (-0.5, "en", "holds a negative count of days (-0.5), which Excel shows as ########"),
    (0, "en", "recorded_at: the cell holds the time 00:00:00 with no day (Excel's count of days 0: day 0"),
    (0.5, "en", "recorded_at: the cell holds the time 12:00:00 with no day (Excel's count of days 0.5: day 0"),
    (60, "en", "recorded_at: the cell is a date before 1900-03-01 (read 1900-02-28)"),
    (59, "en", "its 60 shows 29/02/1900 and is read 1900-02-28, as 59 is"),
    (1, "en", "recorded_at: the cell is a date before 1900-03-01 (read 1900-01-01)"),
    (2958466, "en", "recorded_at: the cell holds '#VALUE!' where a date was expected: a count of days past 2958465"),
    (3e9, "en", "past 2958465 (9999-12-31, the last day Excel shows; here it shows ########)"),
    (-1, "vi", "recorded_at: ô được định dạng ngày nhưng chứa số ngày âm (-1)"),
    (0.5, "vi", "recorded_at: ô chứa giờ 12:00:00 mà không có ngày (số đếm ngày của Excel 0,5"),
    (60, "vi", "recorded_at: ô là một ngày trước 1900-03-01 (đọc được 1900-02-28)"),
    (2958466, "vi", "recorded_at: ô chứa '#VALUE!' ở chỗ cần một ngày"),
]


@pytest.mark.parametrize(("serial", "lang", "said"), EDGES)
def test_a_date_cell_at_excel_s_edges_is_one_message_at_its_cell(
    calendar_plan: Path, serial: float, lang: str, said: str
) -> None:
    """Each was read as a day no one saw (1899-12-29 for -1, 1900-02-28 for Excel's 29
    February) and recorded with --force, or told "'12:00:00' is not an ISO 8601 timestamp"
    of a cell showing 00/01/1900 12:00, or "'#VALUE!' is not an ISO 8601 timestamp" of a
    cell showing ########. Now one message at the cell, with --force too, nothing written."""
    from helpers import run_clean

    _book_with_recorded_at(serial)
    before = _store_digest()
    for force in ((), ("--force",)):
        made = run_clean("--lang", lang, "add-observation", "--from", "so-lieu.xlsx", *force)
        assert made.exit_code == 1, made.stderr
        lines = [line for line in made.stderr.splitlines() if ": error: " in line or ": lỗi: " in line]
        assert len(lines) == 1 and lines[0].startswith("so-lieu.xlsx:Data!E2: "), made.stderr
        assert said in lines[0], lines[0]
        assert "ISO 8601" not in made.stderr and "Warning" not in made.stderr
        valid = "2026-04-30" in lines[0]
        assert valid, lines[0]
    assert _store_digest() == before


def test_a_date_cell_from_1_march_1900_is_read_as_excel_shows_it(calendar_plan: Path) -> None:
    """61 is 1900-03-01 in Excel and in the calendar (30 December 1899 plus 61 days: 2 to
    1 January, 31 of January, 28 of February): read so, and refused only as any recorded_at
    before its period is (--force records it as typed)."""
    from helpers import run_clean

    _book_with_recorded_at(61)
    made = run_clean("add-observation", "--from", "so-lieu.xlsx")
    assert made.exit_code == 1 and "after the figure was recorded (1900-03-01T00:00:00Z)" in made.stderr
    made = run_clean("add-observation", "--from", "so-lieu.xlsx", "--force", "--dry-run")
    assert made.exit_code == 0 and "1900-03-01T00:00:00Z" in made.stdout, made.stderr


@pytest.mark.parametrize(("serial", "shown"), [(-1, "-1"), (0, "0"), (0.5, "0.5"), (60, "60"), (2958466, "2958466")])
def test_a_number_cell_at_excel_s_edges_keeps_the_generic_words(calendar_plan: Path, serial: float, shown: str) -> None:
    """A number cell (not formatted as a date) shows the number: it is told what a
    recorded_at may be, as --recorded-at 60 is; only 32874-73415 (1990-2100) is told the
    day Excel counts (thirty-third session)."""
    from helpers import run_clean

    _book_with_recorded_at(serial, "General")
    made = run_clean("add-observation", "--from", "so-lieu.xlsx", "--force")
    assert made.exit_code == 1, made.stderr
    assert f"so-lieu.xlsx:Data!E2: error: '{shown}' is not an ISO 8601 timestamp" in made.stderr, made.stderr


# --- 8. docs/architecture.md names every module ------------------------------------------------


def test_architecture_names_every_module_with_a_line_on_what_it_is_for() -> None:
    """The package table named about half the modules of each package (thirty-third
    session, pass D's leftover). "Every module" now has a row per module; a module added
    without its row, or a row left after its module went, fails here."""
    import re

    root = Path(__file__).resolve().parents[1]
    package = root / "src" / "qntrack"
    modules = {p.relative_to(package).as_posix() for p in package.rglob("*.py") if "__pycache__" not in p.parts}
    page = (root / "docs" / "architecture.md").read_text(encoding="utf-8")
    section = page.split("## Every module", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([^`]+\.py)` \| (.+?) \|$", section, re.MULTILINE)
    named = [name for name, _ in rows]
    assert len(named) == len(set(named)), "a module named twice"
    assert sorted(modules - set(named)) == [], "modules without a line in docs/architecture.md"
    assert sorted(set(named) - modules) == [], "lines naming no module"
    assert all(len(what) > 15 and what.endswith((".", ")")) for _, what in rows), rows
