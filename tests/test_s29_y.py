"""Issue 17, twenty-ninth session, helper Y: an office's tables read as the office wrote
them, the last leftovers (total words, period columns by their Vietnamese and English
headings, a plan's period, a library caller's words). Each test written failing first;
the expected rows and words are written by hand from the cells typed here and the
catalog's wording."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import refused_here as _refused
from helpers import run_clean


def _table(header: str, *rows: str, name: str = "t.tsv") -> Path:
    path = Path(name)
    path.write_text(header + "\n" + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


def _dry_rows(*args: str) -> list[dict]:
    before = Path("observations.csv").read_bytes()
    r = run_clean("add-observation", *args, "--dry-run", "--format", "json")
    assert r.exit_code == 0, r.output
    assert Path("observations.csv").read_bytes() == before
    return json.loads(r.stdout)["observations"]


# --- 1. Cộng, a budget table's total line ------------------------------------------------------


@pytest.mark.parametrize("word", ["Cộng", "CỘNG", "Tổng cộng", "Tổng số", "Toàn tỉnh", "Cả nước"])
def test_a_total_word_in_the_indicator_column_is_a_total_line(shipped: Path, word: str) -> None:
    _table("Chỉ tiêu\tKỳ\tGiá trị", "budget_revenue\t2024\t57330", f"{word}\t2024\t60000")
    said = _refused("add-observation", "--from", "t.tsv")
    assert f"t.tsv:3: error: '{word}' is a table's total line, not an indicator:" in said, said
    assert "known:" not in said, said
    vi = run_clean("--lang", "vi", "add-observation", "--from", "t.tsv")
    assert f"'{word}' là dòng tổng của bảng, không phải một chỉ tiêu" in vi.stderr, vi.stderr


def test_cong_in_a_units_column_is_the_total_never_a_units_figure(shipped: Path) -> None:
    # A budget table: two localities, then their sum on a "Cộng" line. The sum is the total's
    # row (no unit in brackets), as "Tổng số" there always was.
    _table(
        "Chỉ tiêu\tĐịa phương\tKỳ\tGiá trị\tLoại số liệu",
        "budget_revenue\tHạ Long\t2025\t20000\testimate",
        "budget_revenue\tCẩm Phả\t2025\t19000\testimate",
        "budget_revenue\tCộng\t2025\t39000\testimate",
    )
    rows = _dry_rows("--from", "t.tsv")
    assert [(r["indicator"], r["dims"], r["value"]) for r in rows] == [
        ("budget_revenue", {"locality": "Hạ Long"}, 20000),
        ("budget_revenue", {"locality": "Cẩm Phả"}, 19000),
        ("budget_revenue", {}, 39000),
    ]


@pytest.mark.parametrize("word", ["Công", "Cong"])
def test_a_word_that_only_folds_to_cong_is_no_total(shipped: Path, word: str) -> None:
    # Without its marks "Cộng" is "cong", as "Công" is: only the word as written is a total.
    _table("Chỉ tiêu\tĐịa phương\tKỳ\tGiá trị", f"budget_revenue\t{word}\t2025\t39000")
    said = _refused("add-observation", "--from", "t.tsv")
    assert f"'{word}' is not a unit of 'locality'" in said, said


# --- 2. the period column by the heading an office gives it --------------------------------------


@pytest.mark.parametrize("heading", ["Năm", "NĂM", "Thời kỳ", "Kì", "Year", "Period"])
def test_a_period_column_headed_as_an_office_heads_it(shipped: Path, heading: str) -> None:
    _table(f"Chỉ tiêu\t{heading}\tGiá trị\tLoại số liệu", "budget_revenue\t2025\t60123\testimate")
    rows = _dry_rows("--from", "t.tsv")
    assert [(r["indicator"], r["period"], r["value"], r["status"]) for r in rows] == [
        ("budget_revenue", "2025", 60123, "estimate")
    ]


@pytest.mark.parametrize(
    ("heading", "cell", "period"),
    [("Quý", "Quý I/2025", "2025-Q1"), ("Quarter", "2025-Q2", "2025-Q2"), ("Tháng", "Tháng 3/2025", "2025-03")],
)
def test_a_quarter_or_month_column_holds_its_periods_with_their_years(
    shipped: Path, heading: str, cell: str, period: str
) -> None:
    _table(f"Chỉ tiêu\t{heading}\tGiá trị\tLoại số liệu", f"fdi\t{cell}\t123.4\testimate")
    rows = _dry_rows("--from", "t.tsv")
    assert [(r["indicator"], r["period"], r["value"]) for r in rows] == [("fdi", period, 123.4)]


def test_a_workbooks_period_column_headed_nam(shipped: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Chỉ tiêu", "Năm", "Giá trị", "Loại số liệu"])
    sheet.append(["budget_revenue", 2025, 60123, "estimate"])
    book.save("b.xlsx")
    rows = _dry_rows("--from", "b.xlsx")
    assert [(r["period"], r["value"]) for r in rows] == [("2025", 60123)]


def test_a_merged_nam_over_its_years_is_still_a_two_row_header(shipped: Path) -> None:
    # The twenty-seventh session's two-row header: 'Năm' heads the years below it, no column.
    _table("Chỉ tiêu,Năm,", ",2023,2024", "budget_revenue,50000,57330", name="t.csv")
    rows = _dry_rows("--from", "t.csv")
    assert [(r["period"], r["value"]) for r in rows] == [("2023", 50000), ("2024", 57330)]


def test_an_open_sdg_data_file_is_still_told_import_opensdg(shipped: Path) -> None:
    _table("Year,Value", "2024,5", name="t.csv")
    said = _refused("add-observation", "--from", "t.csv")
    assert "import opensdg" in said, said


def test_a_year_and_a_quarter_in_two_columns_are_told_to_join(shipped: Path) -> None:
    # "Năm | Quý" splits one period across two columns: neither is the period alone, and
    # "keep one" would lose the quarter. Nothing is joined by guess.
    _table("Năm\tQuý\tChỉ tiêu\tGiá trị", "2025\tI\tgrdp_growth\t10.1")
    said = _refused("add-observation", "--from", "t.tsv")
    assert (
        "t.tsv:1: error: 'Năm' (column 1) and 'Quý' (column 2) split the period in two columns: "
        "write it in one column, each cell a period with its year (e.g. 2025-Q1, Q1/2025)"
    ) in said, said
    assert "keep one" not in said, said
    vi = run_clean("--lang", "vi", "add-observation", "--from", "t.tsv")
    assert "'Năm' (cột 1) và 'Quý' (cột 2) tách kỳ ra hai cột" in vi.stderr, vi.stderr


@pytest.mark.parametrize("cell", ["I", "II", "IV"])
@pytest.mark.usefixtures("mid_2026")  # this year in the plan's zone, whatever the hour the suite runs
def test_a_bare_roman_numeral_in_a_period_cell_is_told_its_year_is_missing(shipped: Path, cell: str) -> None:
    n = {"I": 1, "II": 2, "IV": 4}[cell]
    _table("Chỉ tiêu\tQuý\tGiá trị", f"grdp_growth\t{cell}\t10.1")
    said = _refused("add-observation", "--from", "t.tsv")
    from conftest import THIS_YEAR as year

    # Under a column headed 'Quý' it is a quarter, said so since the thirtieth session (it
    # was "may be a quarter or a month", the words of a cell under no such heading).
    assert (
        f"t.tsv:2: error: '{cell}' under 'Quý' is a quarter without its year: each period cell names its year too, "
        f"e.g. {year}-Q{n} (Q{n}/{year})"
    ) in said, said


@pytest.mark.parametrize("name", ["Năm", "Year"])
def test_a_dimension_named_as_a_period_column_is_refused_at_its_name(shipped: Path, name: str) -> None:
    text = Path("targets.yaml").read_text(encoding="utf-8")
    extra = f"dimensions:\n  by_year:\n    name: {name}\n    values: [a, b]\n"
    Path("targets.yaml").write_text(text.replace("dimensions:\n", extra, 1), encoding="utf-8")
    r = run_clean("check")
    assert r.exit_code == 1, r.output
    assert f"dimension 'by_year': its name '{name}' is also the name of an import's column (period)" in r.stderr


# --- 3. a plan's period is never an observed figure ----------------------------------------------


@pytest.mark.parametrize(
    ("cell", "code"),
    [("KH 2025", "2025"), ("Kế hoạch năm 2025", "2025"), ("2025 (KH)", "2025"), ("KH quý I/2026", "2026-Q1")],
)
def test_a_plans_period_in_a_period_cell_is_told_it_is_a_plan(shipped: Path, cell: str, code: str) -> None:
    _table("Chỉ tiêu\tKỳ\tGiá trị", f"grdp_growth\t{cell}\t10.5")
    said = _refused("add-observation", "--from", "t.tsv")
    assert (
        f"t.tsv:2: error: '{cell}' marks a plan for {code}, not a figure observed: a plan is a target's"
        " milestone in targets.yaml, never an observation; leave this row out"
    ) in said, said
    vi = run_clean("--lang", "vi", "add-observation", "--from", "t.tsv")
    assert f"'{cell}' là kế hoạch của kỳ {code}, không phải số liệu thực tế" in vi.stderr, vi.stderr


def test_a_plans_period_typed_is_told_it_is_a_plan(shipped: Path) -> None:
    said = _refused("add-observation", "grdp_growth", "KH 2025", "10.5")
    assert (
        "add-observation: error: 'KH 2025' marks a plan for 2025, not a figure observed: a plan is a"
        " target's milestone in targets.yaml, never an observation; the period alone is 2025"
    ) in said, said
    r = run_clean("history", "grdp_growth", "Kế hoạch 2025")
    assert "'Kế hoạch 2025' marks a plan for 2025" in r.stderr, r.stderr


@pytest.mark.parametrize("status", ["KH", "Kế hoạch"])
def test_a_plan_in_the_status_column_is_told_it_is_a_plan(shipped: Path, status: str) -> None:
    _table("Chỉ tiêu\tKỳ\tGiá trị\tLoại số liệu", f"budget_revenue\t2024\t60000\t{status}")
    said = _refused("add-observation", "--from", "t.tsv")
    assert (
        f"t.tsv:2: error: status '{status}' marks a plan, not a figure observed: a plan is a target's"
        " milestone in targets.yaml, never an observation; leave this row out"
    ) in said, said


@pytest.mark.parametrize("heading", ["2025 (KH)", "Năm 2025 (kế hoạch)", "2025 KH"])
def test_a_wide_plan_column_after_its_period_is_passed_over(shipped: Path, heading: str) -> None:
    # As 'KH 2025' already was (twenty-first session): a plan column holds no figure to record.
    _table(f"Chỉ tiêu\t2024\t{heading}", "budget_revenue\t57330\t60000")
    r = run_clean("add-observation", "--from", "t.tsv", "--dry-run", "--format", "json")
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)["observations"]
    assert [(x["period"], x["value"]) for x in rows] == [("2024", 57330)]
    assert f"column 3 '{heading}' is a comparison or a plan" in r.stderr, r.stderr


# --- 4. a library caller is told its own parameter, not the command line's option -------------


@pytest.mark.parametrize(
    ("period", "words"),
    [
        ("2024 (p)", 'and the figure\'s status in the row\'s "status" field, "preliminary" or "estimate"'),
        ("Sơ bộ 2024", 'and the status in the row\'s "status" field, "preliminary"'),
        ("2024 (ước)", 'and the status in the row\'s "status" field, "estimate"'),
    ],
)
def test_record_many_names_the_rows_status_field(shipped: Path, period: str, words: str) -> None:
    import qntrack

    row = {"indicator": "budget_revenue", "period": period, "value": "1", "recorded_at": "2025-03-02"}
    with pytest.raises(qntrack.InputError) as caught:
        qntrack.record_many("targets.yaml", [(qntrack.Location("job"), row)], dry_run=True)
    said = caught.value.text("en")
    assert "--status" not in said, said
    assert words in said, said
    assert "2024" in said, said  # the period alone, still told
    # The refusal's key is the command line's: a script testing error.key sees no change.
    assert caught.value.problems[0].message.id.startswith("cli_period_")
    assert "--status" not in caught.value.text("vi")
    assert 'trường "status" của dòng' in caught.value.text("vi")


@pytest.mark.parametrize(
    ("period", "status"), [("Sơ bộ 2024", "preliminary"), ("2024 (sơ bộ)", "preliminary"), ("Ước 2024", "estimate")]
)
def test_import_observations_names_its_defaults_parameter(shipped: Path, period: str, status: str) -> None:
    import qntrack

    Path("t.csv").write_text(f"indicator,period,value\nbudget_revenue,{period},1\n", encoding="utf-8")
    with pytest.raises(qntrack.InputError) as caught:
        qntrack.import_observations("targets.yaml", "t.csv", dry_run=True)
    said = caught.value.text("en")
    assert "--status" not in said, said
    assert f'and the status in the status column (or defaults=RowDefaults(status="{status}"))' in said, said
    assert caught.value.problems[0].message.id.startswith("periods_")
    assert "--status" not in caught.value.text("vi")


def test_the_command_line_import_still_names_status_option(shipped: Path) -> None:
    _table("indicator\tperiod\tvalue", "budget_revenue\tSơ bộ 2024\t1")
    said = _refused("add-observation", "--from", "t.tsv")
    assert "(or --status preliminary)" in said, said


def test_a_workbooks_year_and_quarter_columns_are_told_to_join_at_the_second(shipped: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Năm", "Quý", "Chỉ tiêu", "Giá trị"])
    sheet.append([2025, "I", "grdp_growth", 10.1])
    book.save("b.xlsx")
    said = _refused("add-observation", "--from", "b.xlsx")
    assert "b.xlsx:Sheet!B1: error: 'Năm' (column 1) and 'Quý' (column 2) split the period in two columns:" in said, (
        said
    )


def test_a_plan_typed_as_a_status_is_told_to_record_the_figure_when_published(shipped: Path) -> None:
    said = _refused("add-observation", "budget_revenue", "2025", "60000", "--status", "KH")
    assert (
        "add-observation: error: status 'KH' marks a plan, not a figure observed: a plan is a target's milestone"
        " in targets.yaml, never an observation; record the figure when it is published, with its status:"
        " estimate, preliminary or official"
    ) in said, said
