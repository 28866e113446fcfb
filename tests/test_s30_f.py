"""Issue 17, thirtieth session, helper F: an import's column-at-a-time path
(files/import_columns.py) and a file with empty values. Pass I made a long table's row with
an empty value a figure not yet published (passed over, warned at its line, the first
twenty named, then a count: files/empty_values.py); the column path did not know the rule,
so one blank cell sent a whole national file to the general path, twice as slow. Each file
here is imported through both paths and must give the same exit code, standard output,
standard error and store, byte for byte; the expected words are the catalog's, written by
hand from the cells typed here."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Iterator
from unittest import mock

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from helpers import run_clean
from qntrack.files import import_columns, store as store_module
from qntrack.files.importing import import_observations

ROOT = Path(__file__).resolve().parents[1]
NOW = "2026-12-01T03:00:00Z"  # the clock, fixed: a row given no moment is stamped with it
HEADER = "indicator,period,value,status,recorded_at\n"


@contextlib.contextmanager
def _path(general: bool, taken: list[bool]) -> Iterator[None]:
    """The general path forced (``columns_batch`` gives up), or the column path watched:
    ``taken`` says whether it made the batch."""
    real = import_columns.columns_batch

    def watched(*args, **kwargs):
        made = real(*args, **kwargs)
        taken.append(made is not None)
        return made

    chosen = (lambda *args, **kwargs: None) if general else watched
    with (
        mock.patch.object(import_columns, "columns_batch", chosen),
        mock.patch.object(store_module, "utc_now", lambda: NOW),
    ):
        yield


def _both(text: str, *args: str) -> tuple[tuple[int, str, str, bytes], bool]:
    """What ``add-observation --from in.csv ARGS`` does through each path, which must be the
    same (exit code, stdout, stderr, the store's bytes), and whether the column path took it."""
    Path("in.csv").write_text(text, encoding="utf-8")
    before = Path("observations.csv").read_bytes()
    out = []
    taken: list[bool] = []
    for general in (True, False):
        Path("observations.csv").write_bytes(before)
        with _path(general, taken):
            r = run_clean("add-observation", "--from", "in.csv", *args)
        out.append((r.exit_code, r.stdout, r.stderr, Path("observations.csv").read_bytes()))
    assert out[0] == out[1]
    return out[0], taken == [True]


def _said(line: int, indicator: str, period: str) -> str:
    return (
        f"in.csv:{line}: warning: {indicator} {period}: the value is empty, so the row is passed over (no figure yet)"
    )


def test_one_blank_is_passed_over_by_the_column_path_as_by_the_general_one(shipped: Path) -> None:
    text = HEADER + "fdi,2019,400,estimate,2020-01-10\nfdi,2018,,estimate,2020-01-10\ncbct_share,2024,13.1,,\n"
    (code, stdout, stderr, store), fast = _both(text)
    assert code == 0, stderr
    assert fast, "one blank cell sent the file to the general path"
    assert _said(3, "fdi", "2018") in stderr, stderr
    assert "1 row(s) with an empty value were passed over: nothing is recorded for them" in stderr, stderr
    added = store.decode("utf-8").splitlines()[-2:]
    assert added == ["fdi,2019,400,estimate,,,2020-01-10T00:00:00Z", f"cbct_share,2024,13.1,,,,{NOW}"]


def test_twenty_five_blanks_are_named_twenty_then_counted_by_either_path(shipped: Path) -> None:
    rows = [f"fdi,{1990 + i},,," for i in range(25)]
    rows.insert(10, "grdp_per_capita,2019,5000,,")
    text = "indicator,period,value,status,source\n" + "\n".join(rows) + "\n"
    (code, _, stderr, store), fast = _both(text, "--dry-run")
    assert code == 0, stderr
    assert fast
    # Lines 2-11 are fdi 1990-1999, line 12 the figure, lines 13-27 fdi 2000-2014.
    assert _said(11, "fdi", "1999") in stderr and _said(13, "fdi", "2000") in stderr, stderr
    assert _said(22, "fdi", "2009") in stderr and "fdi 2010:" not in stderr, stderr
    assert "25 row(s) with an empty value were passed over, the first 20 named above" in stderr, stderr
    assert store == (ROOT / "observations.csv").read_bytes()


def test_a_blank_beside_a_refused_row_is_refused_the_same_way(shipped: Path) -> None:
    text = HEADER + "fdi,2019,400,,\nfdi,2018,,,\nfdx,2019,5,,\n"
    (code, _, stderr, store), fast = _both(text)
    assert code == 1 and not fast
    assert "in.csv:4:" in stderr and "fdx" in stderr, stderr
    assert store == (ROOT / "observations.csv").read_bytes()


def test_a_blank_naming_no_indicator_is_refused_the_same_way(shipped: Path) -> None:
    (code, _, stderr, store), fast = _both(HEADER + "fdi,2019,400,,\nfdx,2018,,,\n")
    assert code == 1 and not fast
    assert "in.csv:3:" in stderr, stderr
    assert store == (ROOT / "observations.csv").read_bytes()


def test_a_blank_among_indicators_with_units_is_passed_over_the_same_way(shipped: Path) -> None:
    text = (
        "indicator,period,value,locality,recorded_at\n"
        "budget_revenue,2023,6100,Hạ Long,2024-02-01\n"
        "budget_revenue,2023,,Cẩm Phả,2024-02-01\n"
        "fdi,2019,400,,2020-01-10\n"
        "budget_revenue,2023,,Nowhere,2024-02-01\n"
    )
    (code, _, stderr, store), fast = _both(text)
    assert code == 0, stderr
    assert fast
    assert _said(3, "budget_revenue", "2023") in stderr and _said(5, "budget_revenue", "2023") in stderr, stderr
    assert "2 row(s) with an empty value were passed over" in stderr, stderr
    assert store.decode("utf-8").splitlines()[-2:] == [
        "budget_revenue[locality=Hạ Long],2023,6100,,,,2024-02-01T00:00:00Z",
        "fdi,2019,400,,,,2020-01-10T00:00:00Z",
    ]


def test_a_retraction_has_no_value_and_is_no_blank_in_either_path(shipped: Path) -> None:
    text = HEADER + "fdi,2019,400,,\nfdi,2024,,retracted,\nfdi,2018,,,\n"
    (code, _, stderr, store), _fast = _both(text)
    assert code == 0, stderr
    assert _said(4, "fdi", "2018") in stderr and "fdi 2024: the value is empty" not in stderr, stderr
    assert store.decode("utf-8").splitlines()[-2:] == [f"fdi,2019,400,,,,{NOW}", f"fdi,2024,,retracted,,,{NOW}"]


def test_a_blanks_date_as_excel_shows_it_is_passed_over_in_either_path(shipped: Path) -> None:
    """13/07/2020 and 03/07/2020 are on rows passed over: they decide no order of day and
    month (thirty-first session: before, the general path read a blank row's moment for it
    and said which date decided it), and the file's one figure is imported."""
    text = HEADER + "fdi,2019,400,,2020-01-10\nfdi,2018,,,13/07/2020\nfdi,2017,,,03/07/2020\n"
    (code, _, stderr, _), _fast = _both(text, "--dry-run")
    assert code == 0, stderr
    assert _said(3, "fdi", "2018") in stderr, stderr


def test_a_blanks_quarter_number_alone_is_refused_in_either_path(shipped: Path) -> None:
    """'1' under a Quarter heading lacks its year: refused, blank value or not (pass I)."""
    text = "indicator,Quarter,value\ngrdp_growth,2024-Q1,9\ngrdp_growth,1,\n"
    (code, _, stderr, _), fast = _both(text)
    assert code == 1 and not fast
    assert "in.csv:3:" in stderr and "fdi" not in stderr, stderr


def test_a_blank_naming_its_indicator_by_name_is_passed_over_by_the_column_path(shipped: Path) -> None:
    """'FDI attracted' is fdi's English name: its row with no figure is passed over, said
    as written, while the file's figures keep the column path."""
    text = HEADER + "fdi,2019,400,,\nFDI attracted,2018,,,\n"
    (code, _, stderr, _), fast = _both(text, "--dry-run")
    assert code == 0 and fast, stderr
    assert _said(3, "FDI attracted", "2018") in stderr, stderr


def test_a_blank_under_json_prints_the_same_document(shipped: Path) -> None:
    text = HEADER + "fdi,2019,400,,\nfdi,2018,,,\n"
    (code, stdout, stderr, _), fast = _both(text, "--dry-run", "--format", "json")
    assert code == 0 and fast, stderr
    assert '"indicator": "fdi"' in stdout and '"period": "2018"' not in stdout, stdout


def test_a_python_caller_gets_the_same_notes_from_either_path(shipped: Path) -> None:
    Path("in.csv").write_text(HEADER + "fdi,2019,400,,\nfdi,2018,,,\n", encoding="utf-8")
    results, taken = [], []
    for general in (True, False):
        with _path(general, taken):
            results.append(import_observations("targets.yaml", "in.csv", dry_run=True))
    assert taken == [True]
    assert results[0] == results[1]
    assert [str(note.location) for note in results[1].notes] == ["in.csv:3", "in.csv"]


def test_a_file_with_no_blank_keeps_the_column_path(shipped: Path) -> None:
    (code, _, stderr, _), fast = _both(HEADER + "fdi,2019,400,,\ncbct_share,2024,13.1,,\n")
    assert code == 0 and fast, stderr


# --- any small file with blanks: both paths alike ------------------------------------------

# Built once: the cells a generated row is made of (strategies are not rebuilt per draw).
# Most rows are as a program writes them, blanks among them, so that most files are the
# column path's; a file has now and then one row of odd cells, which the general path alone
# reads (a retraction, a padded id, a figure's name, a Quarter's number) or refuses.
_INDICATORS = st.sampled_from(["fdi", "grdp_per_capita", "cbct_share"])
_PERIODS = st.sampled_from([str(year) for year in range(2005, 2025)])
_VALUES = st.sampled_from(["", "", " ", "400", "12.5", "-3", "0", "7e2"])
_STATUSES = st.sampled_from(["", "", "estimate", "official"])
_MOMENTS = st.sampled_from(["", "", "2020-01-10", "2021-03-04T05:06:07Z"])
_ROW = st.tuples(_INDICATORS, _PERIODS, _VALUES, _STATUSES, _MOMENTS)
_ODD_ROW = st.tuples(
    st.sampled_from(["fdi", "fdx", " fdi ", "FDI attracted", ""]),
    st.sampled_from(["2019", "2024-Q1", "", "1", "2030"]),
    st.sampled_from(["", " ", "1,5", "x", "N/A"]),
    st.sampled_from(["", "retracted", "KH", "bad"]),
    st.sampled_from(["", "3/7/2020", "13/7/2020", "2030-01-01", "2020-01-10"]),
)
_FILES = st.tuples(st.lists(_ROW, min_size=1, max_size=8), st.lists(_ODD_ROW, max_size=1), st.integers(0, 8))


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    made = tmp_path_factory.mktemp("s30f")
    for name in ("targets.yaml", "observations.csv"):
        (made / name).write_bytes((ROOT / name).read_bytes())
    return made


def _outcome(folder: Path, general: bool) -> object:
    from qntrack.errors import InputError

    taken: list[bool] = []
    with _path(general, taken):
        try:
            made = import_observations(folder / "targets.yaml", folder / "in.csv", dry_run=True)
            event(f"the column path took it: {taken}")
            return made
        except InputError as error:
            return ("refused", str(error), error.code)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=_FILES)
def test_any_small_file_with_blanks_is_read_alike_by_both_paths(folder: Path, rows: tuple) -> None:
    good, odd, at = rows
    rows = [*good[:at], *odd, *good[at:]]
    text = HEADER + "".join(",".join(row) + "\n" for row in rows)
    (folder / "in.csv").write_text(text, encoding="utf-8")
    assert _outcome(folder, general=False) == _outcome(folder, general=True)
