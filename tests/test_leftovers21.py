"""Leftovers of the twentieth session (issue 17, twenty-first session): each defect an
earlier pass found and left, its test written failing first, the expected values worked
out by hand in a comment (docs/decisions.md, "Leftovers of the twentieth session")."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import run_clean


# --- 6. A finer period is quoted as typed, and said as read -------------------------------

QUARTERLY_PLAN = """\
indicators:
  cpi: {name: Inflation, unit: "%", measure: rate, direction: decrease, frequency: quarter}
targets:
  - {id: cpi-2025, type: plan, indicator: cpi, period: 2025, value: 4.5}
"""


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "add-observation: error: period '04/2025' (read as 2025-04) is finer than indicator 'cpi' is "
            "published (frequency: quarter): it is April 2025, a month, where a quarter is needed: write 2025-Q2 "
            "(Q2 2025), the quarter that holds it, or change the indicator's frequency in targets.yaml if that "
            "is intended",
        ),
        (
            "vi",
            "add-observation: lỗi: kỳ '04/2025' (đọc là 2025-04) chi tiết hơn tần suất công bố của chỉ tiêu 'cpi' "
            "(hằng quý, frequency: quarter): đó là tháng 4/2025, một tháng, trong khi chỉ tiêu cần một quý: hãy ghi 2025-Q2 "
            "(quý II/2025), quý chứa kỳ đó, hoặc nếu đúng là như vậy, hãy sửa khóa frequency của chỉ tiêu trong "
            "targets.yaml",
        ),
    ],
)
def test_a_finer_period_is_quoted_as_typed_and_said_as_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
):
    # "04/2025" typed is April 2025 (read 2025-04), a month; cpi is quarterly: Q2 holds April.
    make_tracker(tmp_path, monkeypatch, QUARTERLY_PLAN, STORE_HEADER)
    r = run_clean("--lang", lang, "add-observation", "cpi", "04/2025", "3.1")
    assert r.exit_code == 1
    assert r.stderr.splitlines() == [said]
    assert (tmp_path / "observations.csv").read_text(encoding="utf-8") == STORE_HEADER
    # Typed as its code, the code alone is quoted, as before.
    r = run_clean("add-observation", "cpi", "2025-04", "3.1")
    assert r.stderr.startswith("add-observation: error: period 2025-04 is finer than indicator 'cpi'"), r.stderr


# --- 7. A new store is said at targets.yaml's `observations:` line ------------------------


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "targets.yaml:2:15: warning: a new observations file was started, while observations.csv beside it "
            "holds figures: if 'observations:' in targets.yaml means observations.csv, correct that line and add "
            "the figure there",
        ),
        ("vi", "targets.yaml:2:15: cảnh báo: "),
    ],
)
def test_a_new_store_is_said_at_the_observations_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
):
    # targets.yaml's second line is "observations: obsevations.csv": its value starts at
    # column len("observations: ") + 1 = 15. The slip is there, not in the new file.
    plan = "# a plan\nobservations: obsevations.csv\nindicators:\n  g: {name: G}\ntargets:\n" + (
        "  - {id: t, indicator: g, baseline: 2020, milestones: [{by: 2025, value: 15}]}\n"
    )
    make_tracker(tmp_path, monkeypatch, plan, STORE_HEADER + "g,2020,10,,,,2021-01-01T00:00:00Z\n")
    r = run_clean("--lang", lang, "add-observation", "g", "2021", "11", "--recorded-at", "2022-01-01")
    assert r.exit_code == 0, r.stderr
    lines = [line for line in r.stderr.splitlines() if "observations.csv" in line]
    assert len(lines) == 1 and lines[0].startswith(said), r.stderr


# --- 3. A ceiling's goal says "at most" wherever it is written ------------------------------

CEILING_PLAN = """\
indicators:
  cpi: {name: Inflation, unit: "%", measure: rate, direction: decrease}
  fdi: {name: FDI, unit: million USD, measure: flow}
targets:
  - {id: cpi-2025, type: plan, indicator: cpi, period: 2025, value: 4.5}
  - {id: fdi-2025, type: plan, indicator: fdi, period: 2025, value: 1500}
"""
CEILING_STORE = (
    STORE_HEADER + "cpi,2025,4.2,official,GSO,,2026-01-10T00:00:00Z\nfdi,2025,1200,official,GSO,,2026-01-10T00:00:00Z\n"
)


@pytest.mark.parametrize(
    ("lang", "cell", "goal", "in_report"),
    [
        ("en", "≤ 4.5% (2025)", "at most 4.5% (2025)", ("≤ 4.5% (2025)", "at most 4.5% (2025)")),
        # A Vietnamese report writes "năm 2025".
        ("vi", "≤ 4,5% (2025)", "không quá 4,5% (2025)", ("≤ 4,5% (năm 2025)", "không quá 4,5% (năm 2025)")),
    ],
)
def test_a_ceilings_goal_says_at_most_everywhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, cell: str, goal: str, in_report: tuple[str, str]
):
    # Inflation "not more than 4.5 %" in 2025 (lower is better): the report's statement
    # says "At most 4.5% in 2025"; the goal written in the status table, show's Plan row
    # and the report's summary and key figures said "4.5% (2025)", a figure to reach.
    # FDI's plan (higher is better) keeps "1,500 million USD (2025)".
    make_tracker(tmp_path, monkeypatch, CEILING_PLAN, CEILING_STORE)
    table = run_clean("--lang", lang, "status", "--format", "table", env={"COLUMNS": "200"})
    assert table.exit_code == 0, table.output
    row = next(line for line in table.stdout.splitlines() if "4.2" in line or "4,2" in line)
    # A goal cell says the ceiling as the table's spans do ("≤ 4.5%, 2021–2025"); a row
    # labelled "Plan" says it in words (merge of the twenty-first session's two passes).
    assert cell in row, table.stdout
    fdi = "1,500 million USD (2025)" if lang == "en" else "1.500 million USD (2025)"
    assert fdi in table.stdout and "at most 1" not in table.stdout and "không quá 1" not in table.stdout
    show = run_clean("--lang", lang, "show", "cpi-2025", env={"COLUMNS": "200"})
    plan_row = next(line for line in show.stdout.splitlines() if goal in line)
    assert plan_row.split()[0] in ("Plan", "Kế"), show.stdout
    report = run_clean("--lang", lang, "report", "--format", "markdown")
    # The summary's Goal cell, and the section's key figure "Plan" in words.
    assert report.stdout.count(f"| {in_report[0]} |") == 1, report.stdout
    assert report.stdout.count(f"| {in_report[1]} |") == 1, report.stdout


# --- 4 and 5. A figure typed with four decimals keeps them; so does a gap from it ----------

BALANCE_PLAN = """\
indicators:
  trade: {name: Trade balance, unit: billion USD, measure: balance, frequency: month}
targets:
  - {id: trade-2025, type: plan, indicator: trade, period: 2025, value: 15}
"""
BALANCE_STORE = (
    STORE_HEADER + "trade,2025-01,1.2,official,MoIT,,2025-02-05T00:00:00Z\n"
    "trade,2025-02,-1.2004,official,MoIT,,2025-03-05T00:00:00Z\n"
)


def test_a_figure_typed_with_four_decimals_keeps_them_in_show_and_the_workbook(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # February's -1.2004 was written "-1.2" in show's table of figures and the workbook's
    # Figures sheet (#,##0.00), beside the sum of January and February at its four decimals
    # (1.2 + -1.2004 = -0.0004): the month read as if it cancelled January exactly.
    import openpyxl

    make_tracker(tmp_path, monkeypatch, BALANCE_PLAN, BALANCE_STORE)
    show = run_clean("show", "trade-2025", env={"COLUMNS": "160"})
    row = next(line for line in show.stdout.splitlines() if line.strip().startswith("2025-02"))
    assert "-1.2004 billion USD" in row, show.stdout
    january = next(line for line in show.stdout.splitlines() if line.strip().startswith("2025-01"))
    assert "1.2 billion USD" in january  # 1.2 stays as typed, no zeros added
    vi = run_clean("--lang", "vi", "show", "trade-2025", env={"COLUMNS": "160"})
    assert "-1,2004 billion USD" in vi.stdout, vi.stdout
    # The report's table of figures likewise (found on the way).
    report = run_clean("report", "--format", "markdown")
    assert "| _February 2025 (part-year)_ | _-1.2004 billion USD_ |" in report.stdout, report.stdout
    r = run_clean("report", "-o", "r.xlsx")
    assert r.exit_code == 0, r.output
    figures = openpyxl.load_workbook("r.xlsx")["Figures"]
    cells = {row[3].value: row[4] for row in figures.iter_rows(min_row=2)}
    assert cells["2025-02"].value == -1.2004
    assert cells["2025-02"].number_format == "#,##0.0000"  # four decimals shown, as typed


@pytest.mark.parametrize(("lang", "gap"), [("en", "15.0004 billion USD"), ("vi", "15,0004 billion USD")])
def test_a_balances_gap_is_never_written_as_a_round_number_it_is_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, gap: str
):
    # The year so far is 1.2 + -1.2004 = -0.0004 against a plan of 15: the gap is
    # 15 - (-0.0004) = 15.0004, written at its figure's decimals (four), as methodology.md's
    # "Gap" says; it was "15", the plan's, as if nothing had been recorded.
    make_tracker(tmp_path, monkeypatch, BALANCE_PLAN, BALANCE_STORE)
    show = run_clean("--lang", lang, "show", "trade-2025", env={"COLUMNS": "160"})
    gap_row = next(line for line in show.stdout.splitlines() if line.split()[:1] in (["Gap"], ["Còn"]))
    assert gap in gap_row, show.stdout
    table = run_clean("--lang", lang, "status", "--format", "table", env={"COLUMNS": "200"})
    assert f"{gap} (2025-2M)" in table.stdout, table.stdout
    report = run_clean("--lang", lang, "report", "--format", "markdown")
    assert gap in report.stdout, report.stdout


# --- 8. show's table of figures is followed by each figure's note ---------------------------


@pytest.mark.parametrize(("lang", "word"), [("en", "Note"), ("vi", "Ghi chú")])
@pytest.mark.parametrize("columns", ["80", "200"])
def test_show_gives_each_figures_note_under_its_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, word: str, columns: str
):
    # February's figure was recorded with the note "revised after the annual survey": show
    # listed the figure, its kind, source and day, never the note (JSON, history and the
    # report carried it). Now a line under the table names the period and gives the note.
    # Piped, it is plain text: no escape sequence.
    store = BALANCE_STORE.replace(",MoIT,,2025-03-05", ",MoIT,revised after the annual survey,2025-03-05")
    make_tracker(tmp_path, monkeypatch, BALANCE_PLAN, store)
    show = run_clean("--lang", lang, "show", "trade-2025", env={"COLUMNS": columns})
    assert "\x1b" not in show.stdout
    lines = show.stdout.splitlines()
    note = lines.index(f"{word} (2025-02): revised after the annual survey")
    above = [line for line in lines[:note] if line.strip()][-1]
    assert above.strip().startswith("2025-02"), show.stdout  # right under the table's last row
    assert sum(line.startswith(f"{word} (") for line in lines) == 1  # January has no note: no line


# --- 9. A span's list says a withdrawn year and a year never recorded each as it is -------

AVERAGE_PLAN = """\
indicators:
  growth: {name: Growth, unit: "% y/y", measure: rate}
targets:
  - {id: growth-avg, type: average, indicator: growth, at_least: 7, from: 2021, to: 2025}
  - {id: growth-every, type: every_period, indicator: growth, at_least: 7, from: 2021, to: 2025}
"""
AVERAGE_STORE = (
    STORE_HEADER + "growth,2021,8,official,GSO,,2022-01-10T00:00:00Z\n"
    "growth,2022,7.5,official,GSO,,2023-01-10T00:00:00Z\n"
    "growth,2024,7.2,official,GSO,,2025-01-10T00:00:00Z\n"
    "growth,2024,,retracted,GSO,wrong year,2025-06-01T00:00:00Z\n"
)


@pytest.mark.parametrize(
    ("lang", "average", "periods"),
    [
        (
            "en",
            "The 2021–2025 span is over with no figure yet for 2023, 2025, and the figure for 2024 was withdrawn, "
            "with none in force; for the average to meet the target, the years without a figure need at least "
            "6.51% a year.",  # 6.5032 %, rounded up so that it suffices (41st session)
            "Over, with no figure yet: 2023, 2025; with the figure withdrawn and none in force: 2024.",
        ),
        (
            "vi",
            "Giai đoạn 2021–2025 đã kết thúc, chưa có số liệu năm 2023, 2025, số liệu năm 2024 đã bị rút lại, "
            "không còn số liệu có hiệu lực; để bình quân đạt mục tiêu, các năm chưa có số liệu cần ít nhất 6,51%/năm.",
            # A Vietnamese list writes each year in words ("năm 2023").
            "Đã qua nhưng chưa có số liệu: năm 2023, năm 2025; số liệu đã bị rút lại, không còn số liệu có hiệu lực: "
            "năm 2024.",
        ),
    ],
)
def test_a_spans_list_says_each_year_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, average: str, periods: str
):
    # 2024's 7.2 was withdrawn, 2023 and 2025 never recorded: the sentence said "no figure
    # yet for 2023, 2024, 2025", as if 2024 had never been published. The years with data,
    # 2021 and 2022: (1.08 × 1.075)^(1/2) − 1 = 7.75 %; to reach 7 % over five years the
    # three years without a figure need (1.07^5 / (1.08 × 1.075))^(1/3) − 1 = 6.50 %.
    make_tracker(tmp_path, monkeypatch, AVERAGE_PLAN, AVERAGE_STORE)
    show = run_clean("--lang", lang, "show", "growth-avg", env={"COLUMNS": "400"})
    assert "• " + average in show.stdout.splitlines(), show.stdout
    report = run_clean("--lang", lang, "report", "--format", "markdown")
    assert average in report.stdout
    every = run_clean("--lang", lang, "show", "growth-every", env={"COLUMNS": "400"})
    assert any(periods in line for line in every.stdout.splitlines()), every.stdout


# --- 2. A derived figure missing because an input's was withdrawn says so -----------------

DERIVED_PLAN = """\
indicators:
  va: {name: Value added, unit: bn VND, measure: flow}
  grdp: {name: GRDP, unit: bn VND, measure: flow}
  va_share: {name: VA share, unit: "%", formula: "va / grdp * 100"}
targets:
  - {id: share, indicator: va_share, baseline: 2020, milestones: [{by: 2030, value: 30}]}
"""
DERIVED_STORE = (
    STORE_HEADER + "va,2020,20,official,GSO,,2021-01-10T00:00:00Z\n"
    "grdp,2020,100,official,GSO,,2021-01-10T00:00:00Z\n"
    "va,2023,30,official,GSO,,2024-01-10T00:00:00Z\n"
    "grdp,2023,120,official,GSO,,2024-01-10T00:00:00Z\n"
    "va,2023,,retracted,GSO,wrong year,2025-06-01T00:00:00Z\n"
)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "2023: no figure is computed, since the figure of Value added [va] it is computed from, 30 bn VND, "
            "was withdrawn on 2025-06-01 (retracted). The figure withdrawn was recorded 2024-01-10; source: GSO.",
        ),
        (
            "vi",
            "Năm 2023: không tính được số liệu, vì số liệu Value added [va] dùng để tính (30 bn VND) đã bị rút lại "
            "ngày 01/06/2025. Số liệu bị rút lại được ghi nhận 10/01/2024; nguồn: GSO.",
        ),
    ],
)
def test_a_derived_figure_missing_for_a_withdrawn_input_says_which(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
):
    # va_share 2023 would be 30 / 120 × 100 = 25 %; va's 30 was withdrawn, so no 2023 share
    # is computed and the latest is 2020's 20 / 100 × 100 = 20 %. show and the report read
    # as if 2023 had never been published.
    make_tracker(tmp_path, monkeypatch, DERIVED_PLAN, DERIVED_STORE)
    show = run_clean("--lang", lang, "show", "share", env={"COLUMNS": "400"})
    assert "• " + said in show.stdout.splitlines(), show.stdout
    report = run_clean("--lang", lang, "report", "--format", "markdown")
    assert said.replace("[", "\\[").replace("]", "\\]") in report.stdout, report.stdout  # Markdown escapes [ ]
    # Recorded again, the share is computed again and nothing is said.
    again = run_clean("add-observation", "va", "2023", "31", "--recorded-at", "2025-07-01")
    assert again.exit_code == 0, again.stderr
    show = run_clean("--lang", lang, "show", "share", env={"COLUMNS": "400"})
    assert said not in show.stdout


# --- 1. A unit whose every figure was withdrawn is said, not left out in silence ------------


def _retract_mong_cai() -> None:
    # The shipped Móng Cái budget revenue (its only figure: 5,000 billion VND for 2023)
    # withdrawn on 2025-06-01.
    r = run_clean(
        "retract", "budget_revenue", "2023", "--dim", "locality=Móng Cái", "--source", "DoF",
        "--recorded-at", "2025-06-01T00:00:00Z",
    )  # fmt: skip
    assert r.exit_code == 0, r.stderr


@pytest.mark.parametrize(
    ("lang", "status", "line"),
    [
        (
            "en",
            "All figures withdrawn",
            "Móng Cái: all figures withdrawn, none in force (2023: 5,000 billion VND, withdrawn on 2025-06-01)",
        ),
        (
            "vi",
            "Mọi số liệu đã bị rút lại",
            "Móng Cái: mọi số liệu đã bị rút lại, không còn số liệu có hiệu lực "
            "(năm 2023: 5.000 tỷ đồng, rút lại ngày 01/06/2025)",
        ),
    ],
)
def test_a_unit_whose_every_figure_was_withdrawn_is_said(shipped: Path, lang: str, status: str, line: str):
    # Before: Móng Cái (5,000 for 2023, ranked among the 2024 plan's units) vanished from
    # status --by, show's units and the report's breakdown once its only figure was
    # withdrawn, nothing said. The units judged and the roll-up's counts stay those with a
    # figure in force (Hạ Long, Cẩm Phả: "2 units"); Móng Cái is listed with the withdrawal.
    _retract_mong_cai()
    table = run_clean(
        "--lang", lang, "status", "--by", "locality", "--format", "table", "budget-revenue-plan-2024",
        env={"COLUMNS": "250"},
    )  # fmt: skip
    row = next(x for x in table.stdout.splitlines() if "↳ Móng Cái" in x)
    assert row.rstrip().endswith(status), table.stdout
    show = run_clean("--lang", lang, "show", "budget-revenue-plan-2024", env={"COLUMNS": "250"})
    assert line in show.stdout.splitlines(), show.stdout
    report = run_clean("--lang", lang, "report", "--format", "markdown", "budget-revenue-plan-2024")
    assert f"- {line}" in report.stdout.splitlines(), report.stdout
    assert ("2 units:" if lang == "en" else "2 đơn vị:") in report.stdout  # the roll-up's units are unchanged
