"""Issue 17, thirty-first session, pass L2: the import's and entry's leftovers of the
thirtieth session (docs/decisions.md, "The thirtieth session", the "Left" paragraphs of
items 3, 10 and 11). Each test was written failing first; the expected words are the
catalog's, written by hand from the cells typed here. A file imported through both paths
(the general one and the column-at-a-time one) is compared byte for byte, as
tests/test_s30_f.py does."""

from __future__ import annotations

import contextlib
import errno
import json
import re
from pathlib import Path
from typing import Iterator
from unittest import mock

import pytest

from conftest import SMALL_OBSERVATIONS, SMALL_TARGETS, make_tracker
from helpers import refused_here, run, run_clean
from qntrack.files import import_columns, store as store_module

ROOT = Path(__file__).resolve().parents[1]
NOW = "2026-12-01T03:00:00Z"  # the clock, fixed: a row given no moment is stamped with it


@contextlib.contextmanager
def _path(general: bool) -> Iterator[None]:
    """The general path forced (``columns_batch`` gives up), or left to choose."""
    real = import_columns.columns_batch
    chosen = (lambda *args, **kwargs: None) if general else real
    with (
        mock.patch.object(import_columns, "columns_batch", chosen),
        mock.patch.object(store_module, "utc_now", lambda: NOW),
    ):
        yield


def _both(text: str, *args: str) -> tuple[int, str, str]:
    """``add-observation --from in.csv ARGS`` through each path: the same exit code,
    standard output, standard error and store, byte for byte."""
    Path("in.csv").write_text(text, encoding="utf-8")
    before = Path("observations.csv").read_bytes()
    out = []
    for general in (True, False):
        Path("observations.csv").write_bytes(before)
        with _path(general):
            r = run_clean("add-observation", "--from", "in.csv", *args)
        out.append((r.exit_code, r.stdout, r.stderr, Path("observations.csv").read_bytes()))
    assert out[0] == out[1]
    return out[0][:3]


def _workbook(name: str, *rows: list) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Sheet"
    for row in rows:
        sheet.append(row)
    book.save(name)
    return Path(name)


PASSED = "the value is empty, so the row is passed over (no figure yet); nothing is recorded for it"
COUNT_1 = (
    "1 row(s) with an empty value were passed over: nothing is recorded for them; "
    "fill each value when it is published and import the file again"
)


# --- 1. two rows with the same unreadable moment: only the moment's errors ---------------------


def test_two_rows_with_the_same_unreal_moment_are_told_only_the_moment(shipped: Path) -> None:
    """2026-13-01 is no date (month 13): each row is told so. They were also told "fdi 2019
    recorded at 2026-13-01 is already given on line 2", a comparison of two moments that
    do not exist, which the officer cannot act on before the dates are mended."""
    Path("t.csv").write_text(
        "indicator,period,value,recorded_at\nfdi,2019,400,2026-13-01\nfdi,2019,500,2026-13-01\n", encoding="utf-8"
    )
    said = refused_here("add-observation", "--from", "t.csv")
    assert said.splitlines() == [
        "t.csv:2: error: recorded_at '2026-13-01' is not a real date: there is no month 13",
        "t.csv:3: error: recorded_at '2026-13-01' is not a real date: there is no month 13",
        "2 error(s), 0 warning(s)",
    ], said


def test_two_rows_with_the_same_moment_without_its_zone_are_still_compared(shipped: Path) -> None:
    """A moment without its zone is read once the plan's zone is applied: two such rows of
    one figure with different values are still one figure given twice."""
    Path("t.csv").write_text(
        "indicator,period,value,recorded_at\nfdi,2019,400,2020-01-10 10:00\nfdi,2019,500,2020-01-10 10:00\n",
        encoding="utf-8",
    )
    said = refused_here("add-observation", "--from", "t.csv", "--tz", "+07:00")
    assert "t.csv:3: error: fdi 2019 recorded at 2020-01-10 10:00 is already given on line 2" in said, said


def test_two_workbook_rows_with_the_same_unreal_moment_are_told_only_the_moment(shipped: Path) -> None:
    _workbook(
        "b.xlsx",
        ["indicator", "period", "value", "recorded_at"],
        ["fdi", "2019", 400, "2026-13-01"],
        ["fdi", "2019", 500, "2026-13-01"],
    )
    said = refused_here("add-observation", "--from", "b.xlsx")
    assert "already given" not in said and said.count("is not a real date") == 2, said


def test_two_workbook_rows_of_one_date_as_excel_shows_it_are_still_one_figure_given_twice(shipped: Path) -> None:
    """13/07/2020, typed as text in a sheet, is read once the sheet's order is known: it is
    a moment, and two figures of fdi 2019 at it are one given twice."""
    _workbook(
        "b.xlsx",
        ["indicator", "period", "value", "recorded_at"],
        ["fdi", "2019", 400, "13/07/2020"],
        ["fdi", "2019", 500, "13/07/2020"],
    )
    said = refused_here("add-observation", "--from", "b.xlsx")
    assert "b.xlsx:Sheet!A3: error: fdi 2019 is already given at Sheet!A2" in said, said


# --- 2. a refused import says the rows it passes over too -------------------------------------


def test_a_refused_csv_says_its_passed_over_rows_by_either_path(shipped: Path) -> None:
    """Line 4 names no indicator of the plan: refused. Line 3 has no figure yet: the officer
    mending line 4 learns in the same run that line 3 will be passed over, not after."""
    code, stdout, stderr = _both("indicator,period,value\nfdi,2019,400\nfdi,2018,\nfdx,2019,5\n")
    assert code == 1 and stdout == ""
    assert stderr.splitlines() == [
        f"in.csv:3: warning: fdi 2018: {PASSED}",
        "in.csv:4: error: unknown indicator 'fdx'; did you mean 'fdi'?",
        f"in.csv: warning: {COUNT_1}",
        "1 error(s), 2 warning(s)",
    ], stderr


def test_a_refusal_by_the_store_of_a_row_says_the_passed_over_rows_by_either_path(shipped: Path) -> None:
    """The column path reads the file cleanly; the store then refuses line 2 (another figure
    at a moment already recorded): the blank row of line 3 is said alike by both paths."""
    Path("first.csv").write_text("indicator,period,value,recorded_at\nfdi,2019,400,2020-01-10\n", encoding="utf-8")
    assert run_clean("add-observation", "--from", "first.csv").exit_code == 0
    code, _, stderr = _both("indicator,period,value,recorded_at\nfdi,2019,500,2020-01-10\nfdi,2018,,\n")
    assert code == 1, stderr
    lines = stderr.splitlines()
    assert lines[0].startswith("in.csv:2: error: fdi 2019 recorded at 2020-01-10T00:00:00Z is already on line"), stderr
    assert lines[1:] == [
        f"in.csv:3: warning: fdi 2018: {PASSED}",
        f"in.csv: warning: {COUNT_1}",
        "1 error(s), 2 warning(s)",
    ]


def test_a_refused_sdmx_file_says_its_passed_over_rows(shipped: Path) -> None:
    Path("s.csv").write_text(
        "DATAFLOW,INDICATOR,TIME_PERIOD,OBS_VALUE,OBS_STATUS\n"
        "GSO:DF_X(1.0),budget_revenue,2025,,E\n"
        "GSO:DF_X(1.0),fdx,2025,5,E\n",
        encoding="utf-8",
    )
    said = refused_here("add-observation", "--from", "s.csv")
    assert said.splitlines() == [
        f"s.csv:2: warning: budget_revenue 2025: {PASSED}",
        "s.csv:3: error: unknown indicator 'fdx'; did you mean 'fdi'?",
        "s.csv: warning: 1 row(s) with an empty OBS_VALUE (SDMX's missing value) were skipped: no figure to record",
        "1 error(s), 2 warning(s)",
    ], said


def test_a_refused_csv_with_many_blanks_names_twenty_then_counts(shipped: Path) -> None:
    rows = "".join(f"fdi,{1990 + i},\n" for i in range(25))
    _code, _, stderr = _both("indicator,period,value\n" + rows + "fdx,2019,5\n")
    lines = stderr.splitlines()
    assert lines[0] == f"in.csv:2: warning: fdi 1990: {PASSED}", stderr
    assert lines[19] == f"in.csv:21: warning: fdi 2009: {PASSED}", stderr
    assert lines[20] == "in.csv:27: error: unknown indicator 'fdx'; did you mean 'fdi'?", stderr
    assert lines[21] == (
        "in.csv: warning: 25 row(s) with an empty value were passed over, the first 20 named above: nothing "
        "is recorded for them; fill each value when it is published and import the file again"
    ), stderr
    assert "fdi 2010:" not in stderr


def test_a_refused_workbook_says_its_passed_over_rows(shipped: Path) -> None:
    _workbook(
        "b.xlsx",
        ["indicator", "period", "value"],
        ["fdi", "2019", 400],
        ["fdi", "2018", None],
        ["fdx", "2019", 5],
    )
    said = refused_here("add-observation", "--from", "b.xlsx")
    assert f"b.xlsx:Sheet!C3: warning: fdi 2018: {PASSED}" in said, said
    assert "b.xlsx:Sheet!A4: error: unknown indicator 'fdx'" in said, said
    assert f"b.xlsx: warning: {COUNT_1}" in said, said


def test_a_refused_import_in_vietnamese_says_its_passed_over_rows(shipped: Path) -> None:
    Path("t.csv").write_text("indicator,period,value\nfdi,2018,\nfdx,2019,5\n", encoding="utf-8")
    said = refused_here("--lang", "vi", "add-observation", "--from", "t.csv")
    assert "t.csv:2: cảnh báo: fdi 2018:" in said, said
    assert "1 lỗi, 2 cảnh báo" in said, said


def test_a_python_caller_gets_the_passed_over_rows_with_the_refusal(shipped: Path) -> None:
    from qntrack.errors import InputError
    from qntrack.files.importing import import_observations

    Path("t.csv").write_text("indicator,period,value\nfdi,2018,\nfdx,2019,5\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        import_observations("targets.yaml", "t.csv", dry_run=True)
    said = [(str(p.location), p.severity) for p in caught.value.problems]
    assert said == [("t.csv:2", "warning"), ("t.csv:3", "error"), ("t.csv", "warning")], said


def test_a_refusal_for_the_store_alone_says_no_row_of_the_file(shipped: Path) -> None:
    """The file is fine, the store's last line is torn: what is refused is the store, and
    the file's blank rows are no news to the officer mending it."""
    with open("observations.csv", "ab") as store:
        store.write(b"fdi,2030,5")  # a last line with no line end: torn
    Path("t.csv").write_text("indicator,period,value\nfdi,2019,400\nfdi,2018,\n", encoding="utf-8")
    said = refused_here("add-observation", "--from", "t.csv")
    assert "passed over" not in said and "t.csv" not in said, said


# --- 3. an empty typed figure, and a Python caller's row without a value ----------------------


def test_an_empty_typed_figure_is_told_the_command_to_type(shipped: Path) -> None:
    said = refused_here("add-observation", "fdi", "2025", "")
    assert said == (
        "add-observation: error: the figure for fdi 2025 is empty (a shell variable empty or unset?): type it, "
        "e.g. 'qntrack add-observation fdi 2025 10.28'; a figure not yet published needs no row: add it once "
        "it is published; to withdraw the figure in force: 'qntrack retract fdi 2025'\n"
    ), said


def test_an_empty_typed_figure_is_told_in_vietnamese_with_its_unit(shipped: Path) -> None:
    said = refused_here(
        "--lang", "vi", "add-observation", "budget_revenue", "Quý 2/2025", " ", "--dim", "locality=Hạ Long"
    )
    assert said == (
        'add-observation: lỗi: số liệu của budget_revenue "Quý 2/2025" để trống (một biến shell rỗng hoặc '
        'chưa đặt?): hãy gõ số liệu, ví dụ \'qntrack add-observation budget_revenue "Quý 2/2025" 10,28 --dim '
        '"locality=Hạ Long"\'; số liệu chưa công bố thì chưa cần ghi dòng nào: khi công bố hãy thêm vào; muốn '
        'rút lại số liệu đang có hiệu lực: \'qntrack retract budget_revenue "Quý 2/2025" --dim "locality=Hạ '
        "Long\"'\n"
    ), said


@pytest.mark.parametrize("row", [{}, {"value": ""}, {"value": "  "}, {"value": None}])
def test_a_python_callers_row_without_a_value_is_told_what_to_do(shipped: Path, row: dict) -> None:
    import qntrack
    from qntrack.errors import InputError

    before = Path("observations.csv").read_bytes()
    with pytest.raises(InputError) as caught:
        qntrack.record_many("targets.yaml", [{"indicator": "fdi", "period": "2025", **row}])
    assert str(caught.value) == (
        "candidates:1: error: the value is empty: a figure not yet published needs no row; leave the row out "
        "until it is published, then give its value (to withdraw the figure in force, give the row the status "
        "retracted and no value)"
    )
    assert caught.value.text("vi") == (
        "candidates:1: lỗi: giá trị để trống: số liệu chưa công bố thì chưa cần dòng nào; hãy bỏ dòng này ra "
        "cho đến khi số liệu được công bố, rồi ghi kèm giá trị (muốn rút lại số liệu đang có hiệu lực, hãy cho "
        "dòng trạng thái retracted và không có giá trị)"
    )
    assert Path("observations.csv").read_bytes() == before


def test_a_python_callers_retraction_still_has_no_value(shipped: Path) -> None:
    import qntrack

    done = qntrack.record_many(
        "targets.yaml", [{"indicator": "fdi", "period": "2022", "status": "retracted"}], dry_run=True
    )
    assert [(o.indicator, o.status) for o in done.rows] == [("fdi", "retracted")]


# --- 4. a new --into folder on a read-only disk: nothing was written -------------------------


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "plan"
    folder.mkdir()
    (tmp_path / "out").mkdir()
    return make_tracker(folder, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "Read-only file system: give a path on a writable disk; nothing was written"),
        ("vi", "hệ thống tệp chỉ cho đọc (EROFS): hãy ghi vào một đường dẫn trên ổ đĩa ghi được; không ghi gì"),
    ],
)
def test_an_import_into_a_new_folder_on_a_read_only_disk_says_nothing_was_written(
    plan: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
) -> None:
    """It said "what was written before the error is complete and a rerun adds the rest":
    nothing was written, and a rerun onto the same disk adds nothing."""
    from test_os_errors import intact, one_line, refuse_writes

    site, out = plan.parent / "site", plan.parent / "out"
    assert run("export", "opensdg", "--into", str(site)).exit_code == 0
    refuse_writes(monkeypatch, out, errno.EROFS)
    result = run(
        "--lang", lang, "import", "opensdg", str(site), "--recorded-at", "2026-01-01", "--into", str(out / "t")
    )
    line = one_line(result, 1, str(out / "t"))
    assert line.endswith(said), line
    assert "rerun" not in line and "chạy lại" not in line
    assert list(out.iterdir()) == []
    intact(plan)


def test_a_later_import_that_wrote_nothing_says_so(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A full disk on the plan's write of a later import with no new figure: the tracker
    is as it was, and the message says nothing was written."""
    from test_os_errors import full_disk, one_line

    site, into = plan.parent / "site", plan.parent / "out" / "imp"
    assert run("export", "opensdg", "--into", str(site)).exit_code == 0
    assert run("import", "opensdg", str(site), "--recorded-at", "2026-01-01", "--into", str(into)).exit_code == 0
    before = {p.name: p.read_bytes() for p in into.iterdir()}
    full_disk(monkeypatch, allowed=0)
    result = run("import", "opensdg", str(site), "--recorded-at", "2026-02-01", "--into", str(into))
    line = one_line(result, 1, str(into / "targets.yaml"), "No space left on device")
    assert line.endswith("; nothing was written"), line
    assert {p.name: p.read_bytes() for p in into.iterdir()} == before


def test_an_import_that_wrote_its_figures_but_not_its_plan_says_a_rerun_adds_the_rest(
    plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The figures are appended first, then the plan: when only the plan fails, what was
    written stays, and the old words are true."""
    site, into = plan.parent / "site", plan.parent / "out" / "imp"
    assert run("export", "opensdg", "--into", str(site)).exit_code == 0

    from qntrack.files import starter

    real = starter.write_atomically

    def no_plan(path: Path, data: bytes, *args: object, **kwargs: object) -> None:
        if Path(path).name == "targets.yaml":
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        real(path, data, *args, **kwargs)  # type: ignore[arg-type]

    with mock.patch.object(starter, "write_atomically", no_plan):
        result = run("import", "opensdg", str(site), "--recorded-at", "2026-01-01", "--into", str(into))
    assert result.exit_code == 1
    assert result.stderr.strip().endswith("what was written before the error is complete and a rerun adds the rest")
    assert (into / "observations.csv").stat().st_size > 0 and not (into / "targets.yaml").exists()


# --- 5. a passed-over row's moment decides nothing -------------------------------------------


def test_a_blanks_date_does_not_decide_the_files_order_and_is_not_named(shipped: Path) -> None:
    """14/07/2020 is on a row passed over; 13/07/2020, on an imported row, proves the day
    comes first: the warning names it, and 03/07/2020 is read 3 July."""
    text = (
        "indicator,period,value,status,recorded_at\n"
        "fdi,2017,500,,03/07/2020\n"
        "fdi,2018,,,14/07/2020\n"
        "fdi,2019,400,,13/07/2020\n"
    )
    code, stdout, stderr = _both(text, "--dry-run", "--format", "json")
    assert code == 0, stderr
    assert "14/07/2020" not in stderr, stderr
    assert "in.csv:4: warning: the recorded_at dates of this file are read day first, as '13/07/2020'" in stderr
    rows = json.loads(stdout)["observations"]
    assert [(r["period"], r["recorded_at"]) for r in rows] == [
        ("2017", "2020-07-03T00:00:00Z"),
        ("2019", "2020-07-13T00:00:00Z"),
    ]


def test_a_file_whose_order_only_a_blank_would_decide_is_refused_by_either_path(shipped: Path) -> None:
    """Only the passed-over row's 13/07/2020 could say which comes first in 03/07/2020:
    the imported row's date is refused as any undecided date is, with what to write."""
    text = "indicator,period,value,status,recorded_at\nfdi,2019,400,,2020-01-10\nfdi,2018,,,13/07/2020\nfdi,2017,500,,03/07/2020\n"
    code, _, stderr = _both(text, "--dry-run")
    assert code == 1, stderr
    assert "13/07/2020" not in stderr, stderr
    assert "in.csv:4: error: recorded_at '03/07/2020' is a date as Excel shows it" in stderr, stderr
    assert f"in.csv:3: warning: fdi 2018: {PASSED}" in stderr, stderr


def test_a_blanks_date_alone_keeps_the_column_path(shipped: Path) -> None:
    """A passed-over row's date as Excel shows it no longer sends the file to the general
    path: it decides nothing there either."""
    text = "indicator,period,value,status,recorded_at\nfdi,2019,400,,2020-01-10\nfdi,2018,,,13/07/2020\n"
    taken: list[bool] = []
    real = import_columns.columns_batch

    def watched(*args, **kwargs):
        made = real(*args, **kwargs)
        taken.append(made is not None)
        return made

    Path("in.csv").write_text(text, encoding="utf-8")
    with mock.patch.object(import_columns, "columns_batch", watched):
        r = run_clean("add-observation", "--from", "in.csv", "--dry-run")
    assert r.exit_code == 0 and taken == [True], r.stderr
    assert _both(text, "--dry-run")[0] == 0


def test_a_workbook_blanks_undecided_date_is_passed_over_not_refused(shipped: Path) -> None:
    """03/07/2020 typed as text on a row with no figure: passed over, as in a CSV, not
    refused at its cell for an order nothing in the sheet decides."""
    _workbook(
        "b.xlsx",
        ["indicator", "period", "value", "recorded_at"],
        ["fdi", "2019", 400, "2020-01-10"],
        ["fdi", "2018", None, "03/07/2020"],
    )
    r = run_clean("add-observation", "--from", "b.xlsx", "--dry-run")
    assert r.exit_code == 0, r.stderr
    assert f"b.xlsx:Sheet!C3: warning: fdi 2018: {PASSED}" in r.stderr, r.stderr
    assert "03/07/2020" not in r.stderr, r.stderr


# --- 7. init: an English office's starter ----------------------------------------------------

_VIETNAMESE = re.compile(r"[đĐăâêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)


def _comments(text: str) -> list[str]:
    """The starter's comments, whole lines and ends of lines (no '#' inside its values)."""
    return [line.split("#", 1)[1] for line in text.splitlines() if "#" in line]


@pytest.mark.parametrize(
    ("args", "env", "vietnamese"),
    [
        ((), {}, False),
        (("--lang", "en"), {}, False),
        ((), {"QNTRACK_LANG": "en_US.UTF-8"}, False),
        ((), {"LANG": "en_US.UTF-8"}, False),
        (("--lang", "vi"), {}, True),
        ((), {"QNTRACK_LANG": "vi_VN.UTF-8"}, True),
    ],
)
def test_init_writes_its_comments_in_the_offices_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple, env: dict, vietnamese: bool
) -> None:
    """An English office gets English comments; the names stay in both languages ({en, vi}),
    which the plan's reports in either language read. The two starters are one plan."""
    from qntrack.files.definitions import parse_plan

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("QNTRACK_LANG", raising=False)
    assert run_clean(*args, "init", "p", env=env).exit_code == 0
    text = (tmp_path / "p" / "targets.yaml").read_text(encoding="utf-8")
    said = [c for c in _comments(text) if _VIETNAMESE.search(c)]
    assert bool(said) is vietnamese, said
    if not vietnamese:
        # Every Vietnamese word is a value's vi half, never an English office's only text.
        assert all(_VIETNAMESE.search(line) is None or 'vi: "' in line for line in text.splitlines() if "#" not in line)
    from qntrack.files.starter import starter_targets

    assert parse_plan(text) == parse_plan(starter_targets("vi" if not vietnamese else "en"))
