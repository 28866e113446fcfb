"""Issue 17, twenty-seventh session, helper D: what a revision replaced, leftovers of the
twenty-sixth session (each test written failing first; each expected sentence written by
hand from the catalog's wording and the shipped store's figures)."""

from __future__ import annotations

from pathlib import Path

from helpers import run_clean

# --- 1. a dry run says what it would revise ----------------------------------------------------

# The shipped store: grdp_growth 2023 = 11.03 (estimate), recorded 2023-11-27; 2024-H1 = 9.02
# (estimate), recorded 2024-07-05; 2024-Q1 = 8.97 (preliminary), recorded 2024-07-05.


def _unchanged(*args: str) -> str:
    before = Path("observations.csv").read_bytes()
    r = run_clean(*args)
    assert r.exit_code == 0, r.output
    assert Path("observations.csv").read_bytes() == before  # nothing written
    return r.stderr


def test_a_dry_run_of_a_revision_says_what_it_would_revise(shipped: Path) -> None:
    said = _unchanged("add-observation", "grdp_growth", "2023", "11.2", "--status", "official", "--dry-run")
    assert (
        "dry run: would add grdp_growth 2023 = 11.2 to observations.csv, revising 11.03 (recorded 2023-11-27); "
        "nothing was written"
    ) in said, said
    # The run says the same words, without the dry run's.
    r = run_clean("add-observation", "grdp_growth", "2023", "11.2", "--status", "official")
    assert "added grdp_growth 2023 = 11.2 to observations.csv, revising 11.03 (recorded 2023-11-27)" in r.stderr


def test_a_dry_run_of_a_revision_says_what_it_would_revise_in_vietnamese(shipped: Path) -> None:
    said = _unchanged("--lang", "vi", "add-observation", "grdp_growth", "2023", "11,2", "--dry-run")
    assert (
        "chạy thử: sẽ thêm grdp_growth 2023 = 11,2 vào observations.csv, thay cho số 11,03 (ghi nhận 27/11/2023); "
        "không ghi gì"
    ) in said, said


def test_a_dry_run_after_a_retraction_says_the_figure_comes_back(shipped: Path) -> None:
    r = run_clean("retract", "grdp_growth", "2023", "--recorded-at", "2024-01-10T00:00:00Z")
    assert r.exit_code == 0, r.output
    said = _unchanged("add-observation", "grdp_growth", "2023", "11.2", "--dry-run")
    assert (
        "dry run: would add grdp_growth 2023 = 11.2 to observations.csv, a figure again after its retraction "
        "(recorded 2024-01-10); nothing was written"
    ) in said, said
    vi = _unchanged("--lang", "vi", "add-observation", "grdp_growth", "2023", "11,2", "--dry-run")
    assert (
        "chạy thử: sẽ thêm grdp_growth 2023 = 11,2 vào observations.csv, có lại số liệu sau lần rút lại "
        "(ghi nhận 10/01/2024); không ghi gì"
    ) in vi, vi


ROWS = (
    "indicator,period,value,status,source\n"
    "grdp_growth,2023,11.2,official,Cuc TK\n"
    "grdp_growth,2024-H1,9.02,official,Cuc TK\n"
    "grdp_growth,2026-Q2,9.1,estimate,Cuc TK\n"
)


def test_an_import_says_the_rows_that_revise(shipped: Path) -> None:
    Path("rows.csv").write_text(ROWS, encoding="utf-8")
    said = _unchanged("add-observation", "--from", "rows.csv", "--dry-run")
    lines = said.splitlines()
    start = lines.index("dry run: would add 3 row(s), 0 already recorded, to observations.csv; nothing was written")
    assert lines[start + 1 : start + 4] == [
        "of these, 2 row(s) would revise an earlier figure:",
        "  grdp_growth 2023 = 11.2, revising 11.03 (recorded 2023-11-27)",
        "  grdp_growth 2024-H1 = 9.02: the same figure as the one recorded 2024-07-05, status estimate → official",
    ], said
    # The import itself says the same.
    r = run_clean("add-observation", "--from", "rows.csv")
    lines = r.stderr.splitlines()
    start = lines.index("added 3 row(s), 0 already recorded, to observations.csv")
    assert lines[start + 1 : start + 4] == [
        "of these, 2 row(s) revise an earlier figure:",
        "  grdp_growth 2023 = 11.2, revising 11.03 (recorded 2023-11-27)",
        "  grdp_growth 2024-H1 = 9.02: the same figure as the one recorded 2024-07-05, status estimate → official",
    ], r.stderr


def test_an_import_says_the_rows_that_revise_in_vietnamese(shipped: Path) -> None:
    Path("rows.csv").write_text(ROWS, encoding="utf-8")
    said = _unchanged("--lang", "vi", "add-observation", "--from", "rows.csv", "--dry-run")
    lines = said.splitlines()
    start = lines.index("chạy thử: sẽ thêm 3 dòng vào observations.csv (0 dòng đã có, bỏ qua); không ghi gì")
    assert lines[start + 1 : start + 4] == [
        "trong đó có 2 dòng sẽ thay cho số liệu trước đó:",
        "  grdp_growth 2023 = 11,2, thay cho số 11,03 (ghi nhận 27/11/2023)",
        "  grdp_growth 2024-H1 = 9,02: cùng số với số ghi nhận 05/07/2024, trạng thái ước tính → chính thức",
    ], said


def test_an_import_names_the_first_few_revisions_and_counts_the_rest(shipped: Path) -> None:
    # Eight quarters of the shipped store's grdp_growth revised at once (the store holds
    # 2015-Q1 8.4, Q2 9.3, Q3 11.9, Q4 13.9; 2017-Q1 8.3, Q2 10.7, Q3 9.9, Q4 11.5).
    periods = ["2015-Q1", "2015-Q2", "2015-Q3", "2015-Q4", "2017-Q1", "2017-Q2", "2017-Q3", "2017-Q4"]
    body = "".join(f"grdp_growth,{p},7,official,GSO\n" for p in periods)
    Path("rows.csv").write_text("indicator,period,value,status,source\n" + body, encoding="utf-8")
    said = _unchanged("add-observation", "--from", "rows.csv", "--dry-run")
    assert "of these, 8 row(s) would revise an earlier figure:" in said
    assert "  grdp_growth 2015-Q1 = 7, revising 8.4 (recorded 2015-12-28)" in said
    assert "  grdp_growth 2017-Q1 = 7, revising 8.3 (recorded 2017-06-28)" in said
    assert "2017-Q2 = 7" not in said  # the sixth and later: counted
    assert "… and 3 more (qntrack history INDICATOR PERIOD shows each)" in said


def test_an_import_of_new_figures_only_says_no_revision(shipped: Path) -> None:
    Path("rows.csv").write_text("indicator,period,value\ngrdp_growth,2026-Q2,9.1\n", encoding="utf-8")
    said = _unchanged("add-observation", "--from", "rows.csv", "--dry-run")
    assert "revis" not in said, said


def test_an_import_says_a_row_revising_an_earlier_row_of_the_file(shipped: Path) -> None:
    # The same period twice in one file: the later recorded revises the earlier, as the store
    # will keep them (the earlier one is never in force).
    Path("rows.csv").write_text(
        "indicator,period,value,status,recorded_at\n"
        "grdp_growth,2026-Q2,9.1,estimate,2026-07-05\n"
        "grdp_growth,2026-Q2,9.3,official,2026-08-05\n",
        encoding="utf-8",
    )
    said = _unchanged("add-observation", "--from", "rows.csv", "--dry-run")
    assert said.splitlines()[1:] == [
        "of these, 1 row(s) would revise an earlier figure:",
        "  grdp_growth 2026-Q2 = 9.3, revising 9.1 (recorded 2026-07-05)",
    ], said
