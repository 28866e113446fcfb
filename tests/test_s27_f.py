"""Issue 17, twenty-seventh session, helper F: a hostile pass over the session's new
behaviour as a new user meets it (each test written failing first; each expected sentence
written by hand from the catalog's wording and the shipped store's figures)."""

from __future__ import annotations

from pathlib import Path

from helpers import run_clean

# The shipped store: grdp_growth 2023 = 11.03 (estimate), recorded 2023-11-27; 2015-Q1 8.4,
# Q2 9.3, Q3 11.9, Q4 13.9 (recorded 2015-12-28); 2017-Q1 8.3 (recorded 2017-06-28).


def _unchanged(*args: str) -> str:
    before = Path("observations.csv").read_bytes()
    r = run_clean(*args)
    assert r.exit_code == 0, r.output
    assert Path("observations.csv").read_bytes() == before  # nothing written
    return r.stderr


# --- 1. an import's retractions are said, as its revisions are ---------------------------------

RETRACTING = (
    "indicator,period,value,status,source\n"
    "grdp_growth,2023,,retracted,Cuc TK\n"
    "grdp_growth,2017-Q1,8.5,official,Cuc TK\n"
)


def test_an_import_dry_run_says_what_its_retraction_would_withdraw(shipped: Path) -> None:
    # Before: "would add 2 row(s)", the revision of 2017-Q1 named, and the 11.03 the file
    # withdraws said nowhere, though it is the one change an officer most needs to see.
    Path("rows.csv").write_text(RETRACTING, encoding="utf-8")
    lines = _unchanged("add-observation", "--from", "rows.csv", "--dry-run").splitlines()
    start = lines.index("dry run: would add 2 row(s), 0 already recorded, to observations.csv; nothing was written")
    assert lines[start + 1 : start + 5] == [
        "of these, 1 row(s) would revise an earlier figure:",
        "  grdp_growth 2017-Q1 = 8.5, revising 8.3 (recorded 2017-06-28), status not stated → official",
        "of these, 1 row(s) would withdraw a figure:",
        "  grdp_growth 2023: withdrawing 11.03 (recorded 2023-11-27)",
    ], lines
    # The import itself says the same, without the dry run's words.
    r = run_clean("add-observation", "--from", "rows.csv")
    assert r.exit_code == 0, r.output
    lines = r.stderr.splitlines()
    start = lines.index("added 2 row(s), 0 already recorded, to observations.csv")
    assert lines[start + 3 : start + 5] == [
        "of these, 1 row(s) withdraw a figure:",
        "  grdp_growth 2023: withdrawing 11.03 (recorded 2023-11-27)",
    ], r.stderr


def test_an_import_dry_run_says_its_retraction_in_vietnamese(shipped: Path) -> None:
    Path("rows.csv").write_text(RETRACTING, encoding="utf-8")
    said = _unchanged("--lang", "vi", "add-observation", "--from", "rows.csv", "--dry-run")
    lines = said.splitlines()
    at = lines.index("trong đó có 1 dòng sẽ rút lại số liệu:")
    assert lines[at + 1] == "  grdp_growth 2023: rút lại số 11,03 (ghi nhận 27/11/2023)", said


def test_an_import_names_the_first_five_retractions_and_counts_the_rest(shipped: Path) -> None:
    periods = ["2015-Q1", "2015-Q2", "2015-Q3", "2015-Q4", "2017-Q1", "2023", "2022"]
    body = "".join(f"grdp_growth,{p},,retracted\n" for p in periods)
    Path("rows.csv").write_text("indicator,period,value,status\n" + body, encoding="utf-8")
    said = _unchanged("add-observation", "--from", "rows.csv", "--dry-run")
    assert "of these, 7 row(s) would withdraw a figure:" in said, said
    assert "  grdp_growth 2015-Q1: withdrawing 8.4 (recorded 2015-12-28)" in said
    assert "  grdp_growth 2017-Q1: withdrawing 8.3 (recorded 2017-06-28)" in said
    assert "grdp_growth 2023: withdrawing" not in said  # the sixth and seventh: counted
    # A dry run's rest: history shows no row not yet recorded; the JSON names each.
    assert "… and 2 more (--format json gives each row with the figure it replaces, its revises)" in said
    assert "revise an earlier figure" not in said  # a retraction is no revision


def test_a_file_that_gives_a_figure_then_withdraws_it_says_the_figure_withdrawn(shipped: Path) -> None:
    # The same period twice: its figure, then a retraction recorded after it.
    Path("rows.csv").write_text(
        "indicator,period,value,status,recorded_at\n"
        "grdp_growth,2026-Q2,9.1,estimate,2026-07-05\n"
        "grdp_growth,2026-Q2,,retracted,2026-07-06\n",
        encoding="utf-8",
    )
    said = _unchanged("add-observation", "--from", "rows.csv", "--dry-run")
    assert said.splitlines()[1:] == [
        "of these, 1 row(s) would withdraw a figure:",
        "  grdp_growth 2026-Q2: withdrawing 9.1 (recorded 2026-07-05)",
    ], said


# --- 2. the JSON of an import names what each row replaces, as observations' JSON does --------

_Q1_2017 = "http://fr.vietnamplus.vn/croissance-record-du-grdp-de-quang-ninh-etablit-depuis-cinq-ans/90320.vnp"
_Y2023 = (
    "https://vietnamnet.vn/tang-truong-grdp-quang-ninh-uoc-dat-11-03-dung-dau-khu-vuc-dong-bang-song-hong-2220375.html"
)


def test_an_import_dry_run_in_json_says_what_each_row_replaces(shipped: Path) -> None:
    # A script gating an import (`--dry-run --format json`) could not tell a new figure from
    # one that revises or withdraws a published figure: the stderr list was all there was.
    import json

    Path("rows.csv").write_text(RETRACTING + "grdp_growth,2026-Q2,9.1,estimate,Cuc TK\n", encoding="utf-8")
    before = Path("observations.csv").read_bytes()
    r = run_clean("add-observation", "--from", "rows.csv", "--dry-run", "--format", "json")
    assert r.exit_code == 0, r.output
    assert Path("observations.csv").read_bytes() == before
    rows = json.loads(r.stdout)["observations"]
    keys = ["indicator", "dims", "period", "value", "status", "source", "note", "recorded_at"]
    assert [list(row) for row in rows] == [
        [*keys, "revises", "revises_source", "revises_recorded_at", "revises_status"]
    ] * 3
    withdrawn, revised, new = rows
    assert (withdrawn["period"], withdrawn["value"], withdrawn["status"]) == ("2023", None, "retracted")
    assert (withdrawn["revises"], withdrawn["revises_source"], withdrawn["revises_recorded_at"]) == (
        11.03,
        _Y2023,
        "2023-11-27T00:00:00Z",
    )
    assert (revised["period"], revised["value"]) == ("2017-Q1", 8.5)
    assert (revised["revises"], revised["revises_source"], revised["revises_recorded_at"]) == (
        8.3,
        _Q1_2017,
        "2017-06-28T00:00:00Z",
    )
    assert (new["revises"], new["revises_source"], new["revises_recorded_at"]) == (None, None, None)
    # The import itself prints the same for the rows it added.
    r = run_clean("add-observation", "--from", "rows.csv", "--format", "json")
    assert r.exit_code == 0, r.output
    assert [row["revises"] for row in json.loads(r.stdout)["observations"]] == [11.03, 8.3, None]


def test_one_figure_in_json_says_what_it_revises_and_a_figure_after_a_retraction_none(shipped: Path) -> None:
    import json

    r = run_clean("add-observation", "grdp_growth", "2023", "11.2", "--dry-run", "--format", "json")
    assert r.exit_code == 0, r.output
    (row,) = json.loads(r.stdout)["observations"]
    assert (row["revises"], row["revises_recorded_at"]) == (11.03, "2023-11-27T00:00:00Z")
    r = run_clean("retract", "grdp_growth", "2023", "--recorded-at", "2024-01-10T00:00:00Z")
    assert r.exit_code == 0, r.output
    # After a retraction the figure replaces no figure: null, as history's and show's JSON say.
    r = run_clean("add-observation", "grdp_growth", "2023", "11.2", "--dry-run", "--format", "json")
    (row,) = json.loads(r.stdout)["observations"]
    assert (row["revises"], row["revises_source"], row["revises_recorded_at"]) == (None, None, None)


def test_a_retraction_typed_as_a_figure_says_in_json_what_it_would_withdraw(shipped: Path) -> None:
    import json

    r = run_clean(
        "add-observation", "grdp_growth", "2023", "", "--status", "retracted", "--dry-run", "--format", "json"
    )
    assert r.exit_code == 0, r.output
    (row,) = json.loads(r.stdout)["observations"]
    assert (row["value"], row["revises"], row["revises_source"]) == (None, 11.03, _Y2023)


# --- 3. a wide table read unasked, said of one period as of several ----------------------------


def test_a_wide_table_of_one_period_is_said_in_the_singular(shipped: Path) -> None:
    # Before: "the columns 2026-Q2 are periods" of a table with one period column.
    Path("rows.csv").write_text("Chỉ tiêu,2026-Q2\ngrdp_growth,9.1\n", encoding="utf-8")
    said = _unchanged("add-observation", "--from", "rows.csv", "--dry-run")
    assert (
        "rows.csv:1: warning: no period or value column, and the column 2026-Q2 is a period: read as a wide "
        "table, a period per column, as --wide reads it"
    ) in said, said
    vi = _unchanged("--lang", "vi", "add-observation", "--from", "rows.csv", "--dry-run")
    assert "và cột 2026-Q2 là một kỳ: đọc như bảng dạng ngang" in vi, vi
    # Two periods keep the plural.
    Path("rows.csv").write_text("Chỉ tiêu,2026-Q2,2026-Q3\ngrdp_growth,9.1,9.3\n", encoding="utf-8")
    assert "and the columns 2026-Q2, 2026-Q3 are periods" in _unchanged("add-observation", "--from", "rows.csv", "-n")


# --- 4. a yearbook's two-row header with a stray note in its lower row -------------------------


def test_a_merged_year_heading_over_a_stray_note_points_to_wide(shipped: Path) -> None:
    # 'Năm' merged over the years, and a footnote typed in the lower row beside them. Before:
    # "unknown column 'năm'" and "the header needs period, value", which named neither the
    # years nor --wide; with --wide, the note is refused at its cell. Now the refusal reads
    # the years below 'Năm' and says "add --wide", which then names the note's cell.
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in [
        ["Chỉ tiêu", "Năm", None, None],
        [None, "2025-Q1", "2025-Q2", "(*) Sơ bộ"],
        ["grdp_growth", 8.1, 8.2, None],
    ]:
        sheet.append(row)
    sheet.merge_cells("B1:C1")
    book.save("bieu.xlsx")
    before = Path("observations.csv").read_bytes()
    r = run_clean("add-observation", "--from", "bieu.xlsx")
    assert r.exit_code == 1, r.output
    # Since helper G of this session: the refusal is --wide's own (the note's cell), after one
    # line saying the table was read as wide, rather than "add --wide", which only led to it.
    assert "read as a wide table, a period per column, as --wide reads it" in r.stderr, r.stderr
    assert "bieu.xlsx:Sheet!D2: error: column 4 '(*) Sơ bộ' is neither a period" in r.stderr
    assert "unknown column 'năm'" not in r.stderr
    w = run_clean("add-observation", "--from", "bieu.xlsx", "--wide")
    assert w.exit_code == 1, w.output
    assert "bieu.xlsx:Sheet!D2: error: column 4 '(*) Sơ bộ' is neither a period" in w.stderr, w.stderr
    assert Path("observations.csv").read_bytes() == before


# --- 5. a retraction typed as a figure: its dry run says what it would withdraw ----------------


def test_a_retraction_typed_as_a_figure_says_in_its_dry_run_what_it_would_withdraw(shipped: Path) -> None:
    # Before: "dry run: would add 1 row(s), 0 already recorded, ..." and nothing of the 11.03
    # it withdraws, though the run says "retracted grdp_growth 2023 (was 11.03, ...)".
    said = _unchanged("add-observation", "grdp_growth", "2023", "", "--status", "retracted", "--dry-run")
    assert (
        "dry run: would add a retraction of grdp_growth 2023 to observations.csv, withdrawing 11.03 "
        "(recorded 2023-11-27); nothing was written"
    ) in said, said
    assert "would add 1 row(s)" not in said
    vi = _unchanged("--lang", "vi", "add-observation", "grdp_growth", "2023", "", "--status", "retracted", "-n")
    assert (
        "chạy thử: sẽ thêm dòng rút lại số liệu grdp_growth 2023 vào observations.csv, rút lại số 11,03 "
        "(ghi nhận 27/11/2023); không ghi gì"
    ) in vi, vi


def test_the_run_of_many_revisions_points_to_history_and_its_dry_run_to_the_json(shipped: Path) -> None:
    periods = ["2015-Q1", "2015-Q2", "2015-Q3", "2015-Q4", "2017-Q1", "2017-Q2"]
    body = "".join(f"grdp_growth,{p},7,official,GSO\n" for p in periods)
    Path("rows.csv").write_text("indicator,period,value,status,source\n" + body, encoding="utf-8")
    vi = _unchanged("--lang", "vi", "add-observation", "--from", "rows.csv", "--dry-run")
    assert "… và 1 dòng khác (thêm --format json để xem từng dòng và số liệu nó thay, trường revises)" in vi, vi
    r = run_clean("add-observation", "--from", "rows.csv")
    assert r.exit_code == 0, r.output
    assert "… and 1 more (qntrack history INDICATOR PERIOD shows each)" in r.stderr, r.stderr


# --- 6. a retraction typed as a figure, with --format: the row on standard output -------------


def test_a_retraction_typed_as_a_figure_prints_its_row_when_a_format_is_asked(shipped: Path) -> None:
    # Before: stdout empty (the retraction went its own way and returned), though json.md
    # says --format json without --dry-run prints the rows added: a script's json.loads failed.
    import json

    r = run_clean("add-observation", "grdp_growth", "2023", "", "--status", "retracted", "--format", "json")
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    assert doc["dry_run"] is False
    (row,) = doc["observations"]
    assert (row["indicator"], row["period"], row["value"], row["status"]) == ("grdp_growth", "2023", None, "retracted")
    assert (row["revises"], row["revises_recorded_at"]) == (11.03, "2023-11-27T00:00:00Z")
    assert row["recorded_at"] in Path("observations.csv").read_text(encoding="utf-8").splitlines()[-1]
    assert r.stderr.startswith("retracted grdp_growth 2023 (was 11.03, recorded 2023-11-27")
    # The store's columns in CSV, as for any figure added.
    r = run_clean("add-observation", "grdp_growth", "2024-H1", "", "--status", "retracted", "--format", "csv")
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert lines[0] == "indicator,period,value,status,source,note,recorded_at"
    assert lines[1].startswith("grdp_growth,2024-H1,,retracted,,,"), r.stdout
