"""Issue 17, thirtieth session, helper I: the import's and entry's leftovers as an officer
pasting from Excel meets them (docs/decisions.md, the twenty-ninth session's items 5, 6
and 9, "Left"). Each test written failing first; the expected rows and words are written
by hand from the cells typed here and the catalog's wording."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import THIS_YEAR

from helpers import refused_here as _refused
from helpers import run_clean


def _table(header: str, *rows: str, name: str = "t.tsv") -> Path:
    path = Path(name)
    path.write_text(header + "\n" + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


def _dry(*args: str) -> tuple[list[dict], str]:
    """The rows a dry run would add, and what it says on stderr; nothing written."""
    before = Path("observations.csv").read_bytes()
    r = run_clean("add-observation", *args, "--dry-run", "--format", "json")
    assert r.exit_code == 0, r.output
    assert Path("observations.csv").read_bytes() == before
    return json.loads(r.stdout)["observations"], r.stderr


def _workbook(name: str, *rows: list) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(name)
    return Path(name)


# --- 1. an empty value: no figure yet, passed over and said, in every reader alike --------------

_BLANK_ROWS = ("grdp_per_capita\t2025\t9000\testimate", "budget_revenue\t2025\t\testimate")
_BLANK_HEADER = "Chỉ tiêu\tKỳ\tGiá trị\tLoại số liệu"
_SAID_EN = "budget_revenue 2025: the value is empty, so the row is passed over (no figure yet)"
_COUNT_EN = "1 row(s) with an empty value were passed over: nothing is recorded for them"


@pytest.mark.parametrize("name", ["t.tsv", "t.csv"])
def test_an_empty_value_in_a_long_table_is_passed_over_and_said_at_its_line(shipped: Path, name: str) -> None:
    sep = "," if name.endswith(".csv") else "\t"
    _table(_BLANK_HEADER.replace("\t", sep), *(r.replace("\t", sep) for r in _BLANK_ROWS), name=name)
    rows, said = _dry("--from", name)
    assert [(r["indicator"], r["period"], r["value"]) for r in rows] == [("grdp_per_capita", "2025", 9000)]
    assert f"{name}:3: warning: {_SAID_EN}" in said, said
    assert _COUNT_EN in said, said


def test_an_empty_value_pasted_on_stdin_is_passed_over_and_said(shipped: Path) -> None:
    text = _BLANK_HEADER + "\n" + "\n".join(_BLANK_ROWS) + "\n"
    r = run_clean("add-observation", "--from", "-", "--dry-run", "--format", "json", input=text)
    assert r.exit_code == 0, r.output
    assert [o["value"] for o in json.loads(r.stdout)["observations"]] == [9000]
    assert f"<stdin>:3: warning: {_SAID_EN}" in r.stderr, r.stderr


def test_an_empty_value_in_a_workbooks_long_table_is_passed_over_and_said(shipped: Path) -> None:
    _workbook(
        "b.xlsx",
        ["Chỉ tiêu", "Kỳ", "Giá trị", "Loại số liệu"],
        ["grdp_per_capita", "2025", 9000, "estimate"],
        ["budget_revenue", "2025", None, "estimate"],
        ["budget_revenue", "2024", "  ", "estimate"],
        ["fdi", "2025", 1200, "estimate"],
    )
    rows, said = _dry("--from", "b.xlsx")
    assert [(r["indicator"], r["value"]) for r in rows] == [("grdp_per_capita", 9000), ("fdi", 1200)]
    assert f"b.xlsx:Sheet!C3: warning: {_SAID_EN}" in said, said
    assert said.index("Sheet!C3") < said.index("Sheet!C4"), said
    assert "b.xlsx:Sheet!C4: warning: budget_revenue 2024: the value is empty" in said, said
    assert "2 row(s) with an empty value were passed over" in said, said


def test_an_empty_value_is_said_in_vietnamese(shipped: Path) -> None:
    _table(_BLANK_HEADER, *_BLANK_ROWS)
    r = run_clean("--lang", "vi", "add-observation", "--from", "t.tsv", "--dry-run")
    assert r.exit_code == 0, r.output
    assert "t.tsv:3: cảnh báo: budget_revenue 2025: giá trị để trống nên bỏ qua dòng này (chưa có số liệu)" in (
        r.stderr
    ), r.stderr
    assert "đã bỏ qua 1 dòng có giá trị để trống" in r.stderr, r.stderr


def test_an_empty_value_is_recorded_as_nothing_and_the_rest_is(shipped: Path) -> None:
    _table(_BLANK_HEADER, *_BLANK_ROWS)
    before = Path("observations.csv").read_text(encoding="utf-8")
    r = run_clean("add-observation", "--from", "t.tsv", "--recorded-at", "2026-01-05")
    assert r.exit_code == 0, r.output
    added = Path("observations.csv").read_text(encoding="utf-8")[len(before) :]
    assert added == "grdp_per_capita,2025,9000,estimate,,,2026-01-05T00:00:00Z\n"


def test_an_sdmx_rows_empty_value_is_said_at_its_line_too(shipped: Path) -> None:
    _table(
        "DATAFLOW,INDICATOR,TIME_PERIOD,OBS_VALUE,OBS_STATUS",
        "GSO:DF_X(1.0),grdp_per_capita,2025,9000,E",
        "GSO:DF_X(1.0),budget_revenue,2025,,E",
        name="s.csv",
    )
    rows, said = _dry("--from", "s.csv")
    assert [r["value"] for r in rows] == [9000]
    assert f"s.csv:3: warning: {_SAID_EN}" in said, said
    assert "1 row(s) with an empty OBS_VALUE (SDMX's missing value) were skipped" in said, said


def test_many_empty_values_are_named_first_and_counted(shipped: Path) -> None:
    # A national table or an SDMX download may leave thousands of cells empty: the first 20
    # rows are named, one a line, and the count says all 25.
    months = [f"2025-{m:02d}" for m in range(1, 13)] + [f"2024-{m:02d}" for m in range(1, 13)] + ["2023-12"]
    _table("Chỉ tiêu\tKỳ\tGiá trị", "fdi\t2023-11\t100", *(f"fdi\t{m}\t" for m in months))
    _, said = _dry("--from", "t.tsv")
    assert said.count("the value is empty, so the row is passed over") == 20, said
    assert "t.tsv:22: warning: fdi 2024-08" in said and "t.tsv:23:" not in said, said
    assert "25 row(s) with an empty value were passed over, the first 20 named above" in said, said
    _table(
        "DATAFLOW,INDICATOR,TIME_PERIOD,OBS_VALUE",
        "X,fdi,2023-M11,100",
        *(f"X,fdi,{m},," for m in months),
        name="s.csv",
    )
    _, said = _dry("--from", "s.csv")
    assert said.count("the value is empty, so the row is passed over") == 20, said
    assert "25 row(s) with an empty OBS_VALUE (SDMX's missing value) were skipped" in said, said


def test_a_mistyped_indicator_with_no_value_is_still_refused(shipped: Path) -> None:
    # Passed over, 'fdx' would hide the typo: only a row of the plan's indicators (by id or
    # name) awaits its figure; this one is refused as before, in a CSV as in a workbook.
    _table(_BLANK_HEADER, "fdx\t2025\t\testimate", "Vốn FDI thu hút\t2025\t\testimate")
    said = _refused("add-observation", "--from", "t.tsv")
    assert "t.tsv:2: error: the value is empty; leave the row out if there is no figure" in said, said
    # fdi by its Vietnamese name: passed over, and said with the refusal (thirty-first session)
    assert "t.tsv:3: warning: Vốn FDI thu hút 2025: the value is empty, so the row is passed over" in said, said
    assert "t.tsv:3: error" not in said, said
    _workbook("b.xlsx", ["Chỉ tiêu", "Kỳ", "Giá trị"], ["fdx", "2025", None])
    said = _refused("add-observation", "--from", "b.xlsx")
    assert "b.xlsx:Sheet!C2: error: the value is empty" in said, said


def test_a_retraction_row_still_has_no_value(shipped: Path) -> None:
    _table(_BLANK_HEADER, "budget_revenue\t2025\t\tretracted")
    rows, said = _dry("--from", "t.tsv")
    assert [(r["indicator"], r["status"]) for r in rows] == [("budget_revenue", "retracted")]
    assert "passed over" not in said, said


def test_a_wide_tables_empty_cell_is_still_a_period_without_a_figure(shipped: Path) -> None:
    _table("Chỉ tiêu\t2024\t2025", "grdp_per_capita\t\t9000")
    rows, said = _dry("--wide", "--from", "t.tsv")
    assert [(r["period"], r["value"]) for r in rows] == [("2025", 9000)]
    assert "passed over" not in said, said


# --- 2. and 6. a plan's column, in English as in Vietnamese, wide or long ---------------------

_PASSED = "is a comparison or a plan (qntrack computes the ratios against the same period and the plan"


@pytest.mark.parametrize("heading", ["Plan 2025", "Target 2025", "Kế hoạch 2025", "2025 (plan)", "% of plan"])
def test_a_plan_column_of_a_wide_table_is_passed_over_in_either_language(shipped: Path, heading: str) -> None:
    _table(f"Chỉ tiêu\t2024\t{heading}", "grdp_per_capita\t5000\t6000")
    rows, said = _dry("--wide", "--from", "t.tsv")
    assert [(r["period"], r["value"]) for r in rows] == [("2024", 5000)]
    assert f"t.tsv:1: warning: column 3 '{heading}' {_PASSED}" in said, said


@pytest.mark.parametrize(
    "header",
    [
        "Chỉ tiêu\tKỳ\tKH\tGiá trị",
        "Indicator\tPeriod\tPlan\tValue",
        "Indicator\tPeriod\tTarget\tValue",
        "Chỉ tiêu\tKỳ\tKế hoạch\tThực hiện",
        "Indicator\tPeriod\tPlan\tActual",
    ],
)
def test_a_plan_column_of_a_long_table_is_never_recorded(shipped: Path, header: str) -> None:
    # A plan-against-realised table: 60,000 planned, 57,000 collected. Only 57,000 is a figure.
    _table(header, "budget_revenue\t2025\t60000\t57000")
    rows, said = _dry("--from", "t.tsv")
    assert [(r["indicator"], r["period"], r["value"]) for r in rows] == [("budget_revenue", "2025", 57000)]
    plan = header.split("\t")[2]
    assert f"t.tsv:1: warning: column 3 '{plan}' {_PASSED}" in said, said


def test_a_plan_column_of_a_workbooks_long_table_is_never_recorded(shipped: Path) -> None:
    _workbook("b.xlsx", ["Indicator", "Period", "Plan", "Value"], ["budget_revenue", "2025", 60000, 57000])
    rows, said = _dry("--from", "b.xlsx")
    assert [r["value"] for r in rows] == [57000]
    assert "'Plan' is a comparison or a plan" in said, said


@pytest.mark.parametrize("typed", ["Plan 2025", "Target 2025"])
def test_a_plan_typed_as_the_period_is_told_it_is_a_plan(shipped: Path, typed: str) -> None:
    said = _refused("add-observation", "grdp_per_capita", typed, "6000")
    assert f"'{typed}' marks a plan for 2025, not a figure observed" in said, said


# --- 4. a store's row whose period carries its status -------------------------------------------


@pytest.mark.parametrize(
    "lang, said",
    [
        (
            "en",
            "observations.csv:{line}: error: 'Sơ bộ 2024' begins with a status (preliminary): write the period"
            " alone, 2024, in this row's period cell, and preliminary in its status cell",
        ),
        (
            "vi",
            "observations.csv:{line}: lỗi: 'Sơ bộ 2024' bắt đầu bằng loại số liệu (sơ bộ): hãy ghi riêng kỳ, 2024,"
            " vào ô kỳ của dòng này, và preliminary vào ô status của dòng đó",
        ),
    ],
)
def test_check_of_a_stored_period_with_its_status_names_the_rows_cells(shipped: Path, lang: str, said: str) -> None:
    store = Path("observations.csv")
    line = len(store.read_text(encoding="utf-8").splitlines()) + 1
    with store.open("a", encoding="utf-8") as fh:
        fh.write("grdp_per_capita,Sơ bộ 2024,6000,,,,2025-05-01T00:00:00Z\n")
    r = run_clean("--lang", lang, "check")
    assert r.exit_code == 1, r.output
    assert said.format(line=line) in r.stderr, r.stderr
    assert "--status" not in r.stderr, r.stderr


def test_an_imported_period_with_its_status_still_names_the_option(shipped: Path) -> None:
    _table("Chỉ tiêu\tKỳ\tGiá trị", "grdp_per_capita\t2024 sơ bộ\t6000")
    said = _refused("add-observation", "--from", "t.tsv")
    assert "and the status in the status column (or --status preliminary)" in said, said


# --- 7. six months written as a report's title runs them together --------------------------------


@pytest.mark.parametrize(
    "typed, period", [("6T2026", "2026-H1"), ("6t2026", "2026-H1"), ("9T2025", "2025-9M"), ("3T2026", "2026-Q1")]
)
def test_the_first_months_written_without_a_separator_are_read_as_with_one(
    shipped: Path, typed: str, period: str
) -> None:
    # 6T/2026 and 6T 2026 were read (the vocabulary's six months, the first half); 6T2026 was
    # "not a period". The same span, whichever way the title runs it.
    rows, _ = _dry("fdi", typed, "1512.4")
    assert [r["period"] for r in rows] == [period]
    _table("Chỉ tiêu\tKỳ\tGiá trị", f"fdi\t{typed}\t1512.4")
    rows, _ = _dry("--from", "t.tsv")
    assert [r["period"] for r in rows] == [period]


def test_thirteen_months_without_a_separator_are_told_as_with_one(shipped: Path) -> None:
    said = _refused("add-observation", "fdi", "13T2025", "1")
    assert "'13T2025': first-N-months needs N from 1 to 12" in said, said


@pytest.mark.parametrize("typed", ["1H2026", "1H 2026"])
def test_a_half_with_its_number_first_is_still_told_the_form(shipped: Path, typed: str) -> None:
    # The twenty-ninth session's rule: told, never read (H1 2026 and 2026H1 are read).
    said = _refused("add-observation", "grdp_growth", typed, "7.1")
    assert f"'{typed}' is not a period qntrack reads: write 2026-H1 if that is the period meant" in said, said
    rows, _ = _dry("grdp_growth", "H1 2026", "7.1")
    assert [r["period"] for r in rows] == ["2026-H1"]


# --- 3. a quarter's or a month's number alone under its column's heading -------------------------

# The example's year is this year, as the refusal of a period with no year gives it (typed_periods).
_YEAR = THIS_YEAR  # the clock fixed (conftest's mid_2026) in the tests that say it


@pytest.mark.parametrize(
    "heading, cell, said",
    [
        (
            "Quý",
            "1",
            "'1' under 'Quý' is a quarter without its year: each period cell names its year too, e.g. {Y}-Q1 (Q1/{Y})",
        ),
        ("Quarter", "4", "'4' under 'Quarter' is a quarter without its year: each period cell names its year too"),
        (
            "Quý",
            "III",
            "'III' under 'Quý' is a quarter without its year: each period cell names its year too, e.g. {Y}-Q3 (Q3/{Y})",
        ),
        (
            "Tháng",
            "V",
            "'V' under 'Tháng' is a month without its year: each period cell names its year too, e.g. {Y}-05 (T5/{Y})",
        ),
        (
            "Month",
            "12",
            "'12' under 'Month' is a month without its year: each period cell names its year too, e.g. {Y}-12 (T12/{Y})",
        ),
        ("Tháng", "XII", "'XII' under 'Tháng' is a month without its year"),
    ],
)
@pytest.mark.usefixtures("mid_2026")
def test_a_number_alone_under_a_quarter_or_month_heading_is_told_its_year(
    shipped: Path, heading: str, cell: str, said: str
) -> None:
    _table(f"Chỉ tiêu\t{heading}\tGiá trị", f"fdi\t{cell}\t120")
    told = _refused("add-observation", "--from", "t.tsv")
    assert "t.tsv:2: error: " + said.format(Y=_YEAR) in told, told
    assert "valid forms" not in told, told


@pytest.mark.usefixtures("mid_2026")
def test_a_quarter_alone_is_told_in_vietnamese_and_in_a_workbook(shipped: Path) -> None:
    _table("Chỉ tiêu\tQuý\tGiá trị", "grdp_growth\t1\t7.5")
    r = run_clean("--lang", "vi", "add-observation", "--from", "t.tsv")
    assert (
        "t.tsv:2: lỗi: '1' ở cột 'Quý' là một quý nhưng thiếu năm: mỗi ô kỳ phải ghi cả năm, ví dụ {Y}-Q1 (quý 1/{Y})".format(
            Y=_YEAR
        )
        in (r.stderr)
    ), r.stderr
    _workbook("b.xlsx", ["Chỉ tiêu", "Quý", "Giá trị"], ["grdp_growth", 2, 7.5])
    told = _refused("add-observation", "--from", "b.xlsx")
    assert "b.xlsx:Sheet!B2: error: '2' under 'Quý' is a quarter without its year" in told, told


def test_a_year_in_another_column_is_still_told_to_join(shipped: Path) -> None:
    _table("Chỉ tiêu\tNăm\tQuý\tGiá trị", "grdp_growth\t2025\t1\t7.5")
    told = _refused("add-observation", "--from", "t.tsv")
    assert "'Năm' (column 2) and 'Quý' (column 3) split the period in two columns" in told, told


def test_a_whole_period_under_quy_is_still_read(shipped: Path) -> None:
    _table("Chỉ tiêu\tQuý\tGiá trị", "grdp_growth\tQuý I/2025\t7.5", "grdp_growth\t2025-Q2\t7.6")
    rows, _ = _dry("--from", "t.tsv")
    assert [r["period"] for r in rows] == ["2025-Q1", "2025-Q2"]


# --- 8. a per cent sign in targets.yaml, quoted or not: one message ------------------------------


@pytest.mark.parametrize("written", ['"90%"', "90%", "'90%'"])
def test_a_milestone_with_a_per_cent_sign_is_told_alike_quoted_or_not(shipped: Path, written: str) -> None:
    plan = Path("targets.yaml")
    text = plan.read_text(encoding="utf-8")
    assert text.count("      - {by: 2025, value: 15}\n") == 1
    plan.write_text(
        text.replace("      - {by: 2025, value: 15}\n", f"      - {{by: 2025, value: {written}}}\n"), "utf-8"
    )
    said = _refused("check")
    assert (
        "target 'cbct-share': milestone value: '90%' is not a number; write 90 (the unit belongs to the indicator)"
        in (said)
    ), said
    assert "quoted text" not in said, said


@pytest.mark.parametrize("written", ['"5%"', "5%"])
def test_a_bound_with_a_per_cent_sign_is_told_alike_quoted_or_not(shipped: Path, written: str) -> None:
    plan = Path("targets.yaml")
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("    at_least: 10\n", f"    at_least: {written}\n", 1), "utf-8")
    r = run_clean("--lang", "vi", "check")
    assert r.exit_code == 1
    assert "at_least: '5%' không phải là số; hãy ghi 5 (đơn vị tính thuộc về chỉ tiêu)" in r.stderr, r.stderr


def test_a_quoted_number_is_still_told_to_lose_its_quotes(shipped: Path) -> None:
    plan = Path("targets.yaml")
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("      - {by: 2025, value: 15}\n", '      - {by: 2025, value: "15"}\n'), "utf-8")
    said = _refused("check")
    assert "target 'cbct-share': milestone value must be a number, not quoted text ('15')" in said, said


# --- 5. a refused row is no figure for the duplicate check, in a CSV as in a workbook ------------


def test_a_row_refused_for_its_status_draws_no_duplicate_in_a_csv(shipped: Path) -> None:
    # Row 2's status is a typo; row 3 is the same figure with its status right. The officer
    # reads one problem, the typo, not also "already given on line 2" of a row refused.
    _table("indicator,period,value,status", "fdi,2025,1200,estimat", "fdi,2025,1200,estimate", name="t.csv")
    said = _refused("add-observation", "--from", "t.csv")
    assert "t.csv:2: error: status 'estimat'" in said, said
    assert "already given" not in said, said


def test_a_row_refused_for_its_status_draws_no_duplicate_in_a_workbook(shipped: Path) -> None:
    _workbook(
        "b.xlsx",
        ["indicator", "period", "value", "status"],
        ["fdi", "2025", 1200, "estimat"],
        ["fdi", "2025", 1200, "estimate"],
    )
    said = _refused("add-observation", "--from", "b.xlsx")
    assert "b.xlsx:Sheet!D2: error: status 'estimat'" in said, said
    assert "already given" not in said, said


def test_two_valid_rows_of_one_figure_still_draw_the_duplicate(shipped: Path) -> None:
    _table("indicator,period,value,status", "fdi,2025,1200,estimate", "fdi,2025,1300,estimate", name="t.csv")
    said = _refused("add-observation", "--from", "t.csv")
    assert "t.csv:3: error: fdi 2025 is already given on line 2; keep one" in said, said


# --- 9. a yearly level target that only ever gets quarters -------------------------------------

_QUARTERS_ONLY = """\
version: 1
observations: observations.csv
indicators:
  cbct_share:
    name: CBCT share of GRDP
    unit: "%"
    measure: level
    direction: increase
    frequency: quarter
  fdi:
    name: FDI
    unit: million USD
    measure: flow
    direction: increase
    frequency: quarter
targets:
  - id: cbct-share
    type: level
    indicator: cbct_share
    baseline: {period: 2020, value: 9.8}
    milestones:
      - {by: 2025, value: 15}
  - id: fdi-level
    type: level
    indicator: fdi
    baseline: {period: 2020, value: 100}
    milestones:
      - {by: 2025, value: 200}
"""


def _quarters_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *rows: str) -> None:
    monkeypatch.chdir(tmp_path)
    Path("targets.yaml").write_text(_QUARTERS_ONLY, encoding="utf-8")
    header = "indicator,period,value,status,source,note,recorded_at\n"
    Path("observations.csv").write_text(header + "".join(r + "\n" for r in rows), encoding="utf-8")


def test_a_level_target_with_only_quarters_is_warned_of_by_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Four quarters of 2024 and two of 2025: the target reads each year's own figure and
    # none is recorded, so it is never judged. A level's quarters are not its year's (a
    # share is no sum); a flow's are (fdi's quarters add up to the year: no warning).
    _quarters_only(
        tmp_path,
        monkeypatch,
        *(f"cbct_share,2024-Q{q},{v},,,,2025-0{q + 4}-01T00:00:00Z" for q, v in ((1, 11.0), (2, 11.5), (3, 12.0))),
        "cbct_share,2025-Q1,12.3,,,,2025-05-01T00:00:00Z",
        *(f"fdi,2024-Q{q},50,,,,2025-0{q + 4}-01T00:00:00Z" for q in (1, 2, 3)),
    )
    r = run_clean("check")
    assert r.exit_code == 0, r.output
    said = (
        "targets.yaml:17:5: warning: target 'cbct-share' is judged on each year's own figure of cbct_share,"
        " and only quarters or months are recorded (4 figures, 2024-Q1 to 2025-Q1): it is never judged;"
        " record each year's figure as its year (e.g. cbct_share 2024 VALUE)"
    )
    assert said in r.stderr, r.stderr
    assert "fdi-level" not in r.stderr, r.stderr
    vi = run_clean("--lang", "vi", "check")
    assert "mục tiêu 'cbct-share' được đánh giá theo số liệu của từng năm" in vi.stderr, vi.stderr
    listed = run_clean("check", "--list")
    assert "yearly-unjudged" in listed.stdout, listed.stdout


def test_one_years_figure_ends_the_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _quarters_only(
        tmp_path,
        monkeypatch,
        "cbct_share,2024-Q1,11.0,,,,2025-05-01T00:00:00Z",
        "cbct_share,2024,11.8,,,,2025-06-01T00:00:00Z",
    )
    r = run_clean("check")
    assert r.exit_code == 0, r.output
    assert "never judged" not in r.stderr, r.stderr
