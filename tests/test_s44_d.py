"""A planning officer's year-end review document against `status` (issue 17,
forty-fourth session, helper D): every number the report prints must be the number the
tables beside it, `status` and `show` print for the same figure.

Every expected figure is worked out by hand in the comments, from the figures typed in
the fixture, never copied from the code's output.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean

HEADER = "indicator,period,value,status,source,note,recorded_at\n"

# --- 1. A sentence quotes a figure as the tables write it ----------------------------------
#
# Poverty, lower is better: 6.45 % in 2020, a milestone of 2 % by 2025, and 2.125 % recorded
# for 2025 (a figure published with three decimals: the tables keep them, methodology.md
# "How figures are written"). 2.125 > 2: the 2025 milestone is missed, and the sentence
# that says so must quote 2.125 %, as the Latest cell beside it does, never "2.13%".
# Growth, at least 10 % each year of 2023-2024: 8.125 % in 2023 breaks the run, 10.5 % in
# 2024 passes; the details table writes 8.125 %, so must the sentence "The run broke".

SENTENCES = """\
indicators:
  poor: {name: Poverty rate, unit: "%", direction: decrease}
  g: {name: Growth, unit: "%"}
targets:
  - id: poor-down
    indicator: poor
    baseline: {period: 2020, value: 6.45}
    milestones: [{by: 2025, value: 2}]
  - {id: growth, type: every_period, indicator: g, at_least: 10, from: 2023, to: 2024}
"""
SENTENCE_ROWS = HEADER + (
    "poor,2025,2.125,official,s,,2026-01-05T00:00:00Z\n"
    "g,2023,8.125,official,s,,2024-01-05T00:00:00Z\n"
    "g,2024,10.5,official,s,,2025-01-05T00:00:00Z\n"
)


@pytest.fixture
def sentences(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, SENTENCES, SENTENCE_ROWS)


def _report(*args: str) -> str:
    r = run_clean("report", "--as-of", "2026-06-01", *args)
    assert r.exit_code == 0, r.output
    return r.stdout


def _show(*args: str) -> str:
    r = run_clean("show", *args, "--as-of", "2026-06-01", env={"COLUMNS": "200"})
    assert r.exit_code == 0, r.output
    return " ".join(r.stdout.split())


def test_missed_milestone_sentence_quotes_the_figure_as_typed(sentences: Path) -> None:
    doc = _report()
    assert "| Latest | 2.125% (2025) |" in doc
    assert "The 2025 milestone of 2% was not achieved: 2.125%." in doc
    assert "2.13%" not in doc
    assert "The 2025 milestone of 2% was not achieved: 2.125%." in _show("poor-down")


def test_missed_milestone_sentence_in_vietnamese(sentences: Path) -> None:
    doc = _report("--lang", "vi")
    # The decimal comma, the same three digits.
    assert "2,125%" in doc
    assert "2,13%" not in doc


def test_broken_run_sentence_quotes_the_figure_as_typed(sentences: Path) -> None:
    doc = _report()
    assert "| 2023 | 8.125% | **✗ no** |" in doc
    assert "The run broke in 2023 (8.125%)." in doc
    assert "8.13%" not in doc
    assert "The run broke in 2023 (8.125%)." in _show("growth")


# --- 2. A revised figure is written where it differs from the figure it replaced ----------
#
# Poverty for each locality, lower is better, 2 % by 2025 from each unit's own 2020 figure.
# Hạ Long: 3.333 % (2020), 1.005 % for 2025 (an estimate), revised to 1.0049 % (official).
# The figure in force is 1.0049: at three decimals it would read "1.005%", the figure it
# replaced, and the note under the table says "1.005% → 1.0049%". The cell must read
# 1.0049%, in the report, in rank's and show's tables, as the note and `status` (1.0049) do.
# Revenue for each locality, a plan of 120 for Móng Cái: 99.995 recorded, then withdrawn.
# The note of the withdrawal names the figure withdrawn twice; both must be 99.995, never
# "withdrawing 100 billion VND" (a round figure no one published).
# Đông Triều's only poverty figure, 7.125 % for 2025, was withdrawn: the unit is listed as
# "all figures withdrawn, none in force (2025: 7.125%, ...)", never "7.13%", and the
# workbook's sheet of poor-down lists it as the other documents and `status --by` do.

UNITS = """\
dimensions:
  locality:
    name: {en: Locality, vi: Địa phương}
    values: [Hạ Long, Cẩm Phả, Uông Bí, Móng Cái, Đông Triều]
indicators:
  poor: {name: Poverty rate, unit: "%", direction: decrease, dimensions: [locality]}
  rev: {name: Revenue, unit: billion VND, dimensions: [locality]}
targets:
  - id: poor-down
    group: Social
    indicator: poor
    baseline: 2020
    milestones: [{by: 2025, value: 2}]
    for_each: locality
  - id: rev-plan
    group: Social
    type: plan
    indicator: rev
    period: 2025
    value: 500
    for_each: locality
    overrides:
      Hạ Long: {value: 200}
      Cẩm Phả: {value: 100}
      Uông Bí: {value: 40}
      Móng Cái: {value: 120}
      Đông Triều: {value: 40}
"""
UNIT_ROWS = HEADER + (
    "poor,2020,6.45,official,s,,2021-03-01T00:00:00Z\n"
    "poor,2025,2.5,official,s,,2026-01-05T00:00:00Z\n"
    "poor[locality=Hạ Long],2020,3.333,official,s,,2021-03-01T00:00:00Z\n"
    "poor[locality=Hạ Long],2025,1.005,estimate,s,,2026-01-05T00:00:00Z\n"
    "poor[locality=Hạ Long],2025,1.0049,official,t,,2026-04-01T00:00:00Z\n"
    "rev,2025,480,official,s,,2026-01-05T00:00:00Z\n"
    "rev[locality=Móng Cái],2025,99.995,estimate,s,,2026-01-05T00:00:00Z\n"
    "rev[locality=Móng Cái],2025,,retracted,KBNN,typo,2026-04-02T00:00:00Z\n"
    "poor[locality=Đông Triều],2025,7.125,estimate,s,,2026-01-05T00:00:00Z\n"
    "poor[locality=Đông Triều],2025,,retracted,KBNN,typo,2026-04-02T00:00:00Z\n"
)


@pytest.fixture
def units(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, UNITS, UNIT_ROWS)


def _rows_with(text: str, word: str) -> list[str]:
    return [line for line in text.splitlines() if word in line]


def test_revised_unit_figure_is_not_written_as_the_one_it_replaced(units: Path) -> None:
    doc = _report()
    (row,) = [line for line in _rows_with(doc, "| Hạ Long |") if "%" in line]
    assert "1.0049%\\[1\\] (2025)" in row, row
    assert "1.005%\\[" not in row
    assert "Poverty rate (Hạ Long) 2025: 1.005% → 1.0049%" in doc
    r = run_clean("rank", "poor-down", "--as-of", "2026-06-01", "--format", "table", env={"COLUMNS": "200"})
    assert r.exit_code == 0, r.output
    (line,) = _rows_with(r.stdout, "Hạ Long  ")
    assert "1.0049%[1] (2025)" in line, line
    assert "1.0049%[1] (2025)" in _show("poor-down")


def test_withdrawal_note_names_the_figure_withdrawn_as_typed(units: Path) -> None:
    doc = _report()
    (note,) = _rows_with(doc, "Revenue (Móng Cái) 2025:")
    assert note.startswith("\\[1\\] Revenue (Móng Cái) 2025: 99.995 billion VND → – (withdrawn on 2026-04-02"), note
    assert "withdrawing 99.995 billion VND (recorded 2026-01-05" in note, note
    assert "withdrawing 100 billion VND" not in doc
    vi = _report("--lang", "vi")
    assert "99,995" in vi and " 100 tỷ" not in vi and " 100 billion" not in vi


def test_unit_all_withdrawn_line_quotes_the_figure_as_typed(units: Path) -> None:
    doc = _report()
    assert "- Đông Triều: all figures withdrawn, none in force (2025: 7.125%, withdrawn on 2026-04-02)" in doc
    assert "7.13%" not in doc
    r = run_clean("show", "poor-down", "--as-of", "2026-06-01", env={"COLUMNS": "200"})
    assert "7.13%" not in r.stdout and "7.125%" in r.stdout


def test_workbook_lists_the_unit_whose_figures_were_all_withdrawn(units: Path) -> None:
    import openpyxl

    r = run_clean("report", "--as-of", "2026-06-01", "-o", "review.xlsx")
    assert r.exit_code == 0, r.output
    ws = openpyxl.load_workbook("review.xlsx")["poor-down"]
    rows = [[c for c in row if c is not None] for row in ws.iter_rows(min_row=3, values_only=True)]
    named = {row[1]: row for row in rows if len(row) > 1 and row[0] != ""}
    # The four declared units of the status table, and Đông Triều, as `status --by` lists them.
    status = run_clean("status", "--by", "locality", "--as-of", "2026-06-01", "--format", "json")
    (poor,) = [t for t in json.loads(status.stdout)["targets"] if t["id"] == "poor-down"]
    judged = {u["dims"]["locality"] for u in poor["breakdown"]}
    assert judged == {"Hạ Long", "Cẩm Phả", "Uông Bí", "Móng Cái"}
    found = [row for row in rows if "Đông Triều" in row]
    assert found, rows
    (row,) = found
    assert "All figures withdrawn" in row
    assert any("7.125%" in str(c) for c in row), row
    assert judged <= set(named) | {row[1] for row in rows if len(row) > 1}


# --- 3. A figure withdrawn is quoted as typed in the sentence that says so ------------------
#
# The province's revenue for 2025, 480.125 billion VND, recorded then withdrawn: its row
# reads "480.125 billion VND → –"; the sentence under "In short" must say 480.125 too.


def test_withdrawn_sentence_quotes_the_figure_as_typed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = UNIT_ROWS.replace(
        "rev,2025,480,official,s,,2026-01-05T00:00:00Z\n",
        "rev,2025,480.125,estimate,s,,2026-01-05T00:00:00Z\nrev,2025,,retracted,KBNN,typo,2026-04-02T00:00:00Z\n",
    )
    make_tracker(tmp_path, monkeypatch, UNITS, rows)
    doc = _report()
    assert "| 2025 | 480.125 billion VND → – | retracted |" in doc
    assert "- 2025: 480.125 billion VND was withdrawn on 2026-04-02 (retracted)" in doc
    assert "480.13" not in doc
    assert "480.13" not in _show("rev-plan")


# --- 4. The workbook shows a revised figure as the other documents write it ----------------
#
# Hạ Long's 1.0049 (revising 1.005) is a number cell; its format must show four decimals,
# "1.0049", where "#,##0.000" showed "1.005", the figure it replaced, beside the column
# "Figure it revised" showing 1.005 too. The province's 2025 figure revised from 2.125 to
# 2.1249: four decimals look computed and are written at two, "2.12%[1]" (decisions.md,
# "Three decimals, not more"), which is not the 2.125 it replaced: the workbook the same.


def _decimals_shown(number_format: str) -> int:
    figure = number_format.split(";")[0]
    return len(figure.partition(".")[2].rstrip('"%/yr ').split('"')[0]) if "." in figure else 0


def test_workbook_writes_a_revised_figure_where_it_differs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import openpyxl

    rows = UNIT_ROWS.replace(
        "poor,2025,2.5,official,s,,2026-01-05T00:00:00Z\n",
        "poor,2025,2.125,estimate,s,,2026-01-05T00:00:00Z\npoor,2025,2.1249,official,s,,2026-02-05T00:00:00Z\n",
    )
    make_tracker(tmp_path, monkeypatch, UNITS, rows)
    assert "2.12%\\[1\\] (2025)" in _report()
    r = run_clean("report", "--as-of", "2026-06-01", "-o", "review.xlsx")
    assert r.exit_code == 0, r.output
    book = openpyxl.load_workbook("review.xlsx")
    ws = book["poor-down"]
    headers = [c.value for c in ws[2]]
    latest = headers.index("Latest value")
    (row,) = [row for row in ws.iter_rows(min_row=3) if row[1].value == "Hạ Long"]
    assert row[latest].value == 1.0049
    assert _decimals_shown(row[latest].number_format) == 4, row[latest].number_format
    summary = book["Summary"]
    headers = [c.value for c in summary[1]]
    (target,) = [row for row in summary.iter_rows(min_row=2) if row[2].value == "poor-down"]
    cell = target[headers.index("Latest value")]
    assert cell.value == 2.1249
    assert _decimals_shown(cell.number_format) == 2, cell.number_format


# --- 5. A unit whose only figure was withdrawn is not "a unit with no figure yet" ----------
#
# Móng Cái has a revenue plan of its own (120) and its only figure, 99.995 for 2025, was
# withdrawn: its row says the withdrawal ("–[1]", "99.995 billion VND → –"), so its reason
# may not say "no figure recorded for this unit yet", which is false: one was recorded and
# withdrawn. Every document and rank, show and the workbook say it alike.


def test_unit_with_its_only_figure_withdrawn_says_so(units: Path) -> None:
    import openpyxl

    doc = _report().split('<a id="t-rev-plan">')[1]
    (line,) = [line for line in doc.splitlines() if line.startswith("- Móng Cái:")]
    assert line == "- Móng Cái: all figures withdrawn, none in force", line
    vi = _report("--lang", "vi").split('<a id="t-rev-plan">')[1]
    (line,) = [line for line in vi.splitlines() if line.startswith("- Móng Cái:")]
    assert line == "- Móng Cái: mọi số liệu đã bị rút lại, không còn số liệu có hiệu lực", line
    r = run_clean("rank", "rev-plan", "--as-of", "2026-06-01", "--format", "table", env={"COLUMNS": "250"})
    (row,) = [line for line in _rows_with(r.stdout, "Móng Cái") if "Not available" in line]
    assert "all figures withdrawn" in row and "no figure recorded" not in row, row
    run_clean("report", "--as-of", "2026-06-01", "-o", "review.xlsx")
    ws = openpyxl.load_workbook("review.xlsx")["rev-plan"]
    (cells,) = [[c for c in row if c] for row in ws.iter_rows(values_only=True) if row[1] == "Móng Cái"]
    assert cells[2] == "Not available: all figures withdrawn, none in force", cells
    # Hạ Long, whose revenue was never recorded, still says so.
    assert "- Hạ Long: no figure recorded for this unit yet" in doc


# --- 6. A deadline awaiting its figure quotes the latest figure as the tables do -----------
#
# A share from 10 % (2020) to 12.35 % by 2025; the latest figure, 12.3456 % for 2023, is
# written 12.346 % beside the milestone of 12.35 % (two decimals would write the milestone
# itself). With 2025 over and no 2025 figure, the sentence "the latest is …" must say
# 12.346 %, never "12.35%", which reads as the milestone reached.

AWAITED = """\
indicators:
  s: {name: Share, unit: "%"}
targets:
  - id: share
    indicator: s
    baseline: {period: 2020, value: 10}
    milestones: [{by: 2025, value: 12.35}, {by: 2030, value: 20}]
"""


def test_awaited_deadline_sentence_quotes_the_latest_as_the_tables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_tracker(tmp_path, monkeypatch, AWAITED, HEADER + "s,2023,12.3456,official,s,,2024-01-05T00:00:00Z\n")
    doc = _report()
    assert "| Latest | 12.346% (2023) |" in doc
    assert "the latest is 12.346% (2023)." in doc
    assert "the latest is 12.35%" not in doc
    assert "the latest is 12.346% (2023)." in _show("share")


# --- 7. A part-year reading short of its year's milestone is not written as the milestone --
#
# A share with a milestone of 12.35 % for 2026 and a reading of 12.3456 % for H1 2026: at
# two decimals it would be "12.35%", the milestone itself, beside "short of the 2026
# milestone (12.35%)". Written 12.346 % (the decimals where it differs), in the Figures
# table and in the sentence alike.

PART_YEAR = """\
indicators:
  s: {name: Share, unit: "%", frequency: half}
targets:
  - id: share
    indicator: s
    baseline: {period: 2020, value: 10}
    milestones: [{by: 2026, value: 12.35}]
"""


def test_part_year_reading_is_not_written_as_the_milestone_it_is_short_of(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = HEADER + "s,2025,11.5,official,s,,2026-01-05T00:00:00Z\ns,2026-H1,12.3456,estimate,s,,2026-07-05T00:00:00Z\n"
    make_tracker(tmp_path, monkeypatch, PART_YEAR, rows)
    r = run_clean("report", "--as-of", "2026-08-01")
    assert r.exit_code == 0, r.output
    assert "| Part-year | _12.346% (H1 2026, estimate)_ |" in r.stdout
    assert "Part-year reading H1 2026: 12.346%, short of the 2026 milestone (12.35%)" in r.stdout
    assert "12.35%, short" not in r.stdout
