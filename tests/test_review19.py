"""Review of the nineteenth session's merged change (issue 17): each test written first
and seen failing (docs/decisions.md, "Review of the nineteenth session's merged change")."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import run, run_clean, write_repository
from qntrack.catalog import msg, render

# --- 1. A count under a placeholder left out of _COUNT_KEYS was not grouped ----------------


def test_counts_of_figures_and_charts_are_grouped_in_vietnamese():
    # The export's confirmation grouped its 1,500 indicators ("1.500") but not, in the same
    # sentence, its 1,234,567 figures; Open SDG's figures gone and the report's charts are
    # counts as well: "1.234.567", "1.500" (a dot every three digits, as for any count).
    said = render(msg("osexport_wrote", indicators=1500, figures=1234567, folder="d"), "vi")
    assert said == "đã ghi 1.500 chỉ tiêu (1.234.567 số liệu) thành kho dữ liệu Open SDG trong d"
    gone = render(msg("opensdg_gone", gone=1500, figures="x 2020"), "vi")
    assert gone.startswith("1.500 số liệu đang có hiệu lực không còn trong kho")
    assert (
        render(msg("cli_wrote_charts", path="p", charts=1500, folder="d"), "vi") == "đã ghi p và 1.500 biểu đồ trong d"
    )
    # English groups them by commas (forty-first session; ungrouped before).
    assert render(msg("osexport_wrote", indicators=1500, figures=1234567, folder="d"), "en") == (
        "wrote 1,500 indicator(s) (1,234,567 figure(s)) as an Open SDG data repository in d"
    )


# --- 2. A column's, a figure's or an item's number is no count: never grouped ---------------


def test_a_column_number_is_not_grouped():
    # The 1,001st column (index 1000) has no name: "cột 1001", as every column number is
    # written ("Unnamed: 1000" beside it is pandas' own text), not "cột 1.001".
    from qntrack.files.opensdg_repo import _unnamed_or_twice

    said = render(_unnamed_or_twice([(1000, "")]), "vi")
    assert said.startswith("cột 1001 không có tên"), said
    assert "'Unnamed: 1000'" in said


def test_an_options_item_number_is_not_grouped(tmp_path: Path):
    # 1,001 progress options, each with an infinite target: the last is "item 1001" (a
    # place in the list, as a line is), not "mục 1.001".
    options = "".join("        - target: .inf\n          target_year: 2030\n" for _ in range(1001))
    meta = (
        "        ---\n        indicator_name: Poverty rate\n        computation_units: Percent\n"
        "        auto_progress_calculation: true\n        progress_calculation_options:\n" + options + "        ---\n"
    )
    files = {
        "config_data.yml": "languages:\n  - en\n",
        "data/indicator_1-1-1.csv": "Year,Units,Value\n2015,Percent,10\n2020,Percent,8\n",
        "meta/1-1-1.md": meta,
    }
    repo = write_repository(tmp_path / "repo", files)
    done = run_clean(
        "--lang", "vi", "import", "opensdg", str(repo), "--into", str(tmp_path / "t"), "--recorded-at", "2024-01-15"
    )
    assert done.exit_code == 1, done.stderr
    assert "mục 1001 của progress_calculation_options" in done.stderr
    assert "mục 1.001" not in done.stderr


def test_a_word_reports_figure_number_is_not_grouped(tracker: Path, monkeypatch: pytest.MonkeyPatch):
    # A report whose first chart is its 1,001st figure (the writer started at 1,000): its
    # caption "Hình 1001: ...", a figure's number as Word numbers it, not "Hình 1.001".
    import docx

    from qntrack.output import report_docx

    start = report_docx._Writer.__init__

    def from_1000(self, *args, **kwargs):
        start(self, *args, **kwargs)
        self.figures = 1000

    monkeypatch.setattr(report_docx._Writer, "__init__", from_1000)
    r = run("--lang", "vi", "report", "--format", "docx", "-o", "r.docx")
    assert r.exit_code == 0, r.output
    document = docx.Document("r.docx")
    captions = [p.text for p in document.paragraphs if p.style is not None and p.style.name == "Caption"]
    assert captions and captions[0].startswith("Hình 1001: "), captions[:2]


# --- 3. A dimension named in for_each or an indicator's dimensions, holding an invisible ----


BREAKDOWN_PLAN = """\
indicators:
  share: {{name: Share, unit: "%", dimensions: [{listed}]}}
dimensions:
  locality:
    name: Locality
    values: [A, B]
targets:
  - id: share
    indicator: share
    for_each: {each}
    baseline: {{period: 2020, value: 9.8}}
    milestones: [{{by: 2025, value: 15}}]
"""


def test_a_for_each_with_a_zero_width_space_is_refused_naming_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # for_each: "local\u200bity" read "no dimension 'locality' is declared" on screen, above
    # the 'locality:' it is declared at. Line 10, "    for_each: " is 14 characters, so
    # the id at column 15, U+200B its sixth character: column 15 + 5 = 20. Named as a
    # dimension id is, echoed with the character's code.
    plan = BREAKDOWN_PLAN.format(listed="locality", each="local\u200bity")
    make_tracker(tmp_path, monkeypatch, plan, STORE_HEADER)
    r = run("check")
    assert r.exit_code == 1
    assert r.stderr.splitlines()[0].startswith(
        "targets.yaml:10:20: error: dimension 'local<U+200B>ity': the id holds U+200B (zero width space)"
    ), r.stderr
    assert "\u200b" not in r.stderr
    vi = run("--lang", "vi", "check")
    assert vi.stderr.splitlines()[0].startswith(
        "targets.yaml:10:20: lỗi: chiều phân tổ 'local<U+200B>ity': mã chứa U+200B"
    )


def test_an_indicators_dimension_with_a_bidirectional_override_is_refused_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # dimensions: [loc\u202eality] on line 2: "  share: {name: Share, unit: "%", dimensions: ["
    # is 2 + 7 + 14 + 11 + 13 = 47 characters, the id at column 48, the override its
    # fourth character: column 48 + 3 = 51.
    plan = BREAKDOWN_PLAN.format(listed="loc\u202eality", each="locality")
    make_tracker(tmp_path, monkeypatch, plan, STORE_HEADER)
    r = run("check")
    assert r.exit_code == 1
    assert r.stderr.splitlines()[0].startswith(
        "targets.yaml:2:51: error: dimension 'loc<U+202E>ality': the id holds U+202E (right-to-left override)"
    ), r.stderr
    assert "\u202e" not in r.stderr


# --- 4. An every-period target's failing figure in its sentence, at its decimals -----------


EVERY_PLAN = """\
indicators:
  growth: {name: Growth, unit: "%", measure: rate}
targets:
  - id: growth
    type: every_period
    indicator: growth
    from: 2021
    to: 2025
    at_least: 10
"""


def test_the_figure_that_broke_an_every_period_run_is_not_written_as_its_bound(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # 9.999 for 2021 against "at least 10%": the table beside it writes 9.999% (three
    # decimals, where it differs from 10), but the sentence read "The run broke in 2021
    # (10%)", the bound it missed. At the table's decimals: 9.999%, "9,999%" in Vietnamese.
    rows = "growth,2021,9.999,,,,2022-03-01T00:00:00Z\ngrowth,2022,10.0001,,,,2023-03-01T00:00:00Z\n"
    make_tracker(tmp_path, monkeypatch, EVERY_PLAN, STORE_HEADER + rows)
    en = run("show", "growth", env={"COLUMNS": "120"})
    assert en.exit_code == 0, en.output
    assert "The run broke in 2021 (9.999%)." in en.stdout, en.stdout
    vi = run("--lang", "vi", "show", "growth", env={"COLUMNS": "120"})
    assert "bị gián đoạn ở năm 2021 (9,999%)." in vi.stdout, vi.stdout


# --- 5. A period out of range in a workbook's cell is said to be one, as in a CSV's --------


def test_a_workbooks_period_out_of_range_is_said_at_its_cell(tracker: Path):
    # The CSV import says "'Quý 5/2025': quarter 5 does not exist"; the same rows in an
    # .xlsx said "'Quý 5/2025' is not a period". Cells B2 and B3 (the period column, rows 2
    # and 3 under the header).
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Data"
    for row in (("indicator", "period", "value"), ("share", "Quý 5/2025", 13), ("share", "T13/2025", 14)):
        sheet.append(row)
    book.save("rows.xlsx")
    en = run("add-observation", "--from", "rows.xlsx", "--dry-run")
    assert en.exit_code == 1, en.output
    assert "rows.xlsx:Data!B2: error: 'Quý 5/2025': quarter 5 does not exist (1-4, or I-IV)" in en.stderr, en.stderr
    assert "rows.xlsx:Data!B3: error: 'T13/2025': month 13 does not exist (01-12)" in en.stderr
    vi = run("--lang", "vi", "add-observation", "--from", "rows.xlsx", "--dry-run")
    assert "rows.xlsx:Data!B2: lỗi: 'Quý 5/2025': không có quý 5 (1-4, hoặc I-IV)" in vi.stderr, vi.stderr


# --- 6. An id typed on the command line with an invisible character is echoed with its code


@pytest.mark.parametrize(
    ("args", "said"),
    [
        # Each command echoed the id as typed: the override reversed the rest of the line
        # on a terminal ("unknown indicator 'sha" then "re'; did you mean..." backwards),
        # the zero-width space read 'share' refused beside 'share' suggested. Written as
        # targets.yaml's refusal writes such an id: the character as <U+...>.
        (
            ("add-observation", "sha\u202ere", "2024-Q2", "13", "--source", "x"),
            "add-observation: error: unknown indicator 'sha<U+202E>re'; did you mean 'share'?",
        ),
        (
            ("retract", "sha\u200bre", "2024-Q2"),
            "retract: error: unknown indicator 'sha<U+200B>re'; did you mean 'share'?",
        ),
        (("show", "sha\u200bre"), "error: no target 'sha<U+200B>re'; did you mean 'share'?"),
        (("history", "sha\u2067re"), "error: no indicator 'sha<U+2067>re'; did you mean 'share'?"),
    ],
)
def test_an_id_typed_with_an_invisible_character_is_echoed_with_its_code(tracker: Path, args: tuple, said: str):
    r = run(*args)
    assert r.exit_code in (1, 2), r.output
    assert said in r.stderr, r.stderr
    assert not any(c in r.stderr for c in "\u200b\u202e\u2067")


def test_a_key_of_targets_yaml_with_a_zero_width_space_is_echoed_with_its_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # "base\u200bline:" read "unknown key 'baseline'; did you mean 'baseline'?" on screen.
    plan = (
        "indicators:\n  share: {name: Share, unit: '%'}\ntargets:\n  - id: share\n    indicator: share\n"
        "    base\u200bline: {period: 2020, value: 9.8}\n"
    )
    make_tracker(tmp_path, monkeypatch, plan, STORE_HEADER)
    r = run("check")
    assert r.exit_code == 1
    assert (
        "targets.yaml:6:5: error: target 'share': unknown key 'base<U+200B>line'; did you mean 'baseline'?" in r.stderr
    )
    assert "\u200b" not in r.stderr


@pytest.mark.parametrize(
    ("typed", "en", "vi"),
    [
        # Each form is read when its number is in range ("2025 Q1", "H1/2025", "6T/2025",
        # "9 tháng 2025"), and was "not a period" when it is not, where "Quý 5/2025" and
        # the canonical "2025-Q5", "2025-H3", "2025-13M" say which.
        ("2025 Q5", "'2025 Q5': quarter 5 does not exist (1-4, or I-IV)", "'2025 Q5': không có quý 5 (1-4, hoặc I-IV)"),
        ("H3/2025", "'H3/2025': half 3 does not exist (H1 or H2)", "'H3/2025': không có nửa năm 3 (H1 hoặc H2)"),
        ("2025 H0", "'2025 H0': half 0 does not exist (H1 or H2)", "'2025 H0': không có nửa năm 0 (H1 hoặc H2)"),
        (
            "13T/2025",
            "'13T/2025': first-N-months needs N from 1 to 12",
            "'13T/2025': dạng N tháng đầu năm cần N từ 1 đến 12",
        ),
        (
            "13 tháng 2025",
            "'13 tháng 2025': first-N-months needs N from 1 to 12",
            "'13 tháng 2025': dạng N tháng đầu năm cần N từ 1 đến 12",
        ),
    ],
)
def test_every_typed_form_of_a_period_out_of_range_is_said_so(tracker: Path, typed: str, en: str, vi: str):
    r = run("add-observation", "share", typed, "13", "--source", "x")
    assert r.exit_code == 1, r.output
    assert f"add-observation: error: {en}; valid forms: " in r.stderr, r.stderr
    r = run("--lang", "vi", "add-observation", "share", typed, "13", "--source", "x")
    assert f"add-observation: lỗi: {vi}; các dạng hợp lệ: " in r.stderr, r.stderr


# --- 7. The workbook's summary writes the figure and the gap at the decimals they differ ---


def test_the_workbooks_summary_shows_the_figure_and_gap_at_their_decimals(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # 14.999 for 2025 (15 by 2025 missed, 30 by 2030 next): the cells held 14.999 and
    # 15.001 under the format "#,##0.00", which Excel shows "15.00" and "15.00": the figure
    # as the milestone it missed, and 30 less a figure not shown. At the decimals the other
    # formats write them (three): "#,##0.000" for both.
    import openpyxl

    plan = (
        "indicators:\n  share: {name: Share, unit: '%'}\ntargets:\n  - id: share\n    indicator: share\n"
        "    baseline: {period: 2020, value: 9.8}\n    milestones:\n      - {by: 2025, value: 15}\n"
        "      - {by: 2030, value: 30}\n"
    )
    make_tracker(tmp_path, monkeypatch, plan, STORE_HEADER + "share,2025,14.999,,,,2026-01-10T00:00:00Z\n")
    r = run("report", "-o", "r.xlsx")
    assert r.exit_code == 0, r.output
    sheet = openpyxl.load_workbook("r.xlsx").worksheets[0]
    header = [c.value for c in sheet[1]]
    latest = sheet.cell(2, header.index("Latest value") + 1)
    gap = sheet.cell(2, header.index("Gap") + 1)
    assert (latest.value, latest.number_format) == (14.999, "#,##0.000")
    assert gap.value == pytest.approx(15.001)
    # A per-cent target's gap in points against its figure (forty-fourth session); a negative
    # gap has its words (twenty-second session).
    assert gap.number_format.split(";")[0] == '#,##0.000" pp"'
