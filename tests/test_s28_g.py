"""Issue 17, twenty-eighth session, helper G: a hostile new user against what the session
changed. Each test written failing first; expected periods and words written by hand from
the cells typed here, targets.yaml's frequencies (grdp_growth by quarter, budget_revenue by
year, fdi by month) and the catalog's wording."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from helpers import run_clean

HEADER = "indicator\tperiod\tvalue\n"


def _table(*rows: str) -> Path:
    path = Path("t.tsv")
    path.write_text(HEADER + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


def _refused(*args: str) -> str:
    before = Path("observations.csv").read_bytes()
    r = run_clean(*args)
    assert r.exit_code != 0, r.output
    assert Path("observations.csv").read_bytes() == before  # nothing written on a refusal
    return r.stderr


# --- 1. a month's last day is told only the periods its indicator is published for ---------
# A quarterly indicator takes no month (2025-03 would be refused next as finer than its
# frequency), a yearly one only its year.


@pytest.mark.parametrize(
    ("indicator", "cell", "periods"),
    [
        ("grdp_growth", "31/03/2025", "2025-Q1"),
        ("grdp_growth", "30/06/2025", "2025-Q2, 2025-H1"),
        ("grdp_growth", "31/12/2024", "2024-Q4, 2024-H2, 2024"),
        ("budget_revenue", "31/12/2024", "2024"),
        ("fdi", "30/06/2025", "2025-06, 2025-Q2, 2025-H1"),
    ],
)
def test_a_month_end_day_is_told_the_periods_its_indicator_takes(
    shipped: Path, indicator: str, cell: str, periods: str
) -> None:
    _table(f"{indicator}\t{cell}\t8")
    said = _refused("add-observation", "--from", "t.tsv")
    assert (
        f"t.tsv:2: error: '{cell}' is a day, not a period: a figure up to that day is for a period that ends on it, {periods};"
        in said
    ), said


def test_a_month_end_day_no_period_of_the_indicator_ends_on_keeps_every_period(shipped: Path) -> None:
    # 30/06 ends no year: budget_revenue's figure up to then is of no period it takes; the
    # periods ending then are said as before, and the finer-period message follows a choice.
    _table("budget_revenue\t30/06/2025\t8")
    said = _refused("add-observation", "--from", "t.tsv")
    assert "ends on it, 2025-06, 2025-Q2, 2025-H1;" in said, said


def test_a_month_end_date_cell_of_a_workbook_is_told_its_indicators_periods(shipped: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["indicator", "period", "value"])
    sheet.append(["grdp_growth", datetime(2025, 3, 31), 8.1])
    sheet.append(["budget_revenue", datetime(2024, 12, 31), 51000])
    book.save("d.xlsx")
    said = _refused("add-observation", "--from", "d.xlsx")
    assert (
        "d.xlsx:Sheet!B2: error: '2025-03-31' is a day, not a period: a figure up to that day is for a period that ends on it, 2025-Q1;"
        in said
    ), said
    assert (
        "d.xlsx:Sheet!B3: error: '2024-12-31' is a day, not a period: a figure up to that day is for a period that ends on it, 2024;"
        in said
    ), said


# --- 2. a note's, a source's or a description's wrong language key is not called a name ----


@pytest.mark.parametrize(
    ("key", "old", "new"),
    [
        ("note", '    note:\n      en: "2030 milestone', '    note:\n      vn: "V"\n      en: "2030 milestone'),
        (
            "source",
            '    source: "Nghị quyết 01-NQ/TU, 16/11/2020"\n    group',
            '    source: {en: "E", vn: "V"}\n    group',
        ),
    ],
)
def test_a_note_with_vn_for_vi_is_refused_in_words_fit_for_a_note(shipped: Path, key: str, old: str, new: str) -> None:
    plan = Path("targets.yaml")
    text = plan.read_text(encoding="utf-8")
    assert old in text  # cbct-share's, the first target
    plan.write_text(text.replace(old, new, 1), encoding="utf-8")
    r = run_clean("check")
    assert r.exit_code == 1, r.output
    # In the field's own words (pass F's, merged with this pass's): never "the name".
    said = f"target 'cbct-share': {key}: 'vn' is not a language: give the {key} as text, or as {{en: ..., vi: ...}}"
    assert said in r.stderr, r.stderr
    r = run_clean("--lang", "vi", "check")
    field = {"note": "ghi chú", "source": "nguồn"}[key]
    said = f"'vn' không phải là một ngôn ngữ: hãy viết {field} dạng văn bản, hoặc dạng {{en: ..., vi: ...}}"
    assert said in r.stderr, r.stderr


# --- 3. a statistics table's status flag after a period is no footnote mark ------------------
# Eurostat's and the OECD's flags: p a provisional figure, e an estimated one. Read past as
# a footnote, the figure was recorded with no status (the warning said "no status is taken
# from a mark"); the period and the status are now asked for, as for "2024 (ước)".


@pytest.mark.parametrize(
    ("cell", "said"),
    [
        (
            "2019 (p)",
            "'2019 (p)' ends with (p), a statistics table's flag of a provisional figure: write the period alone, 2019,",
        ),
        (
            "2019(e)",
            "'2019(e)' ends with (e), a statistics table's flag of an estimated figure: write the period alone, 2019,",
        ),
        (
            "Quý I/2019 (P)",
            "'Quý I/2019 (P)' ends with (P), a statistics table's flag of a provisional figure: write the period alone, 2019-Q1,",
        ),
    ],
)
def test_a_status_flag_after_a_long_tables_period_is_refused_not_read_past(shipped: Path, cell: str, said: str) -> None:
    indicator = "grdp_growth" if "Quý" in cell else "budget_revenue"
    _table(f"{indicator}\t{cell}\t8")
    told = _refused("add-observation", "--from", "t.tsv")
    assert f"t.tsv:2: error: {said}" in told, told
    assert "footnote mark" not in told, told


def test_a_status_flag_after_a_wide_tables_heading_is_refused_at_its_column(shipped: Path) -> None:
    Path("w.tsv").write_text("indicator\t2023\t2024 (p)\nbudget_revenue\t51000\t52000\n", encoding="utf-8")
    told = _refused("add-observation", "--from", "w.tsv", "--wide")
    assert (
        "column 3" in told and "'2024 (p)' ends with (p), a statistics table's flag of a provisional figure" in told
    ), told


def test_a_footnote_letter_that_is_no_flag_is_still_read_past(shipped: Path) -> None:
    _table("budget_revenue\t2019 (a)\t8")
    r = run_clean("add-observation", "--from", "t.tsv", "--dry-run")
    assert r.exit_code == 0, r.output
    assert "'2019 (a)' → 2019" in r.stderr, r.stderr


def test_a_status_flag_is_told_in_vietnamese(shipped: Path) -> None:
    _table("budget_revenue\t2019 (p)\t8")
    told = _refused("--lang", "vi", "add-observation", "--from", "t.tsv")
    assert (
        "'2019 (p)' kết thúc bằng (p), ký hiệu số liệu tạm tính của bảng thống kê: hãy ghi riêng kỳ, 2019," in told
    ), told


# --- 4. a note written as a YAML block scalar ends where its text does ------------------------
# `note: |` (the way to write a note of several lines) keeps a line break after its last
# line; the Word report printed it, an empty line under the note. Read as the text, its
# lines kept, with no trailing break, in each language.

BLOCK_PLAN = """\
title: "Plan"
indicators:
  share: {name: "Share", unit: "%"}
targets:
  - id: share-2025
    indicator: share
    note: |
      First line.
      Second line.
    source:
      en: >
        A folded
        source.
      vi: |
        Dòng một.
    baseline: {period: 2020, value: 10}
    milestones:
      - {by: 2025, value: 15}
"""


def test_a_block_scalar_note_keeps_its_lines_and_no_trailing_break() -> None:
    from qntrack.files.definitions import parse_plan
    from qntrack.plan.model import Text

    target = parse_plan(BLOCK_PLAN).targets[0]
    assert target.note == Text("First line.\nSecond line.", "First line.\nSecond line.")
    assert target.source == Text("A folded source.", "Dòng một.")


def test_a_block_scalar_note_ends_its_word_paragraph(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import zipfile

    from conftest import make_tracker

    make_tracker(
        tmp_path,
        monkeypatch,
        BLOCK_PLAN,
        "indicator,period,value,status,source,note,recorded_at\nshare,2021,11,,,,2022-03-01\n",
    )
    r = run_clean("report", "-o", "r.docx")
    assert r.exit_code == 0, r.output
    with zipfile.ZipFile("r.docx") as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert "Second line.</w:t></w:r></w:p>" in xml, xml[xml.find("Second line.") - 200 : xml.find("Second line.") + 200]
