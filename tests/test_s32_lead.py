"""Issue 17, thirty-second session, the lead: a unit's figure of another year is not
ranked against this year's by its value (pass L's leftover). Expected orders worked out
by hand from methodology.md, "Ranking"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean

# A 2025 plan of 400 for the districts; A has its own plan (100) and 90 for 2025. C, E, F
# and D have no plan: not available, no score, no P, no share; the figure shown decides.
# C 50 and E 60 are 2025's; D's 80 and F's 95 are 2023's, two years older.
PLAN = """\
version: 1
title: "Plan of 2025"
dimensions:
  district:
    name: {en: District, vi: Huyện}
    values: [A, C, D, E, F]
indicators:
  revenue:
    name: {en: Revenue, vi: Thu ngân sách}
    unit: {en: billion VND, vi: tỷ đồng}
    measure: flow
    direction: increase
    frequency: year
    dimensions: [district]
targets:
  - id: rev-plan-2025
    type: plan
    indicator: revenue
    name: {en: Revenue plan 2025, vi: Kế hoạch thu 2025}
    period: 2025
    value: 400
    for_each: district
    overrides:
      A: {value: 100}
"""
STORE = (
    "indicator,period,value,status,source,note,recorded_at\n"
    "revenue[district=A],2025,90,,s25,,2026-01-10T00:00:00Z\n"
    "revenue[district=C],2025,50,,s25,,2026-01-10T00:00:00Z\n"
    "revenue[district=D],2023,80,,s23,,2024-01-10T00:00:00Z\n"
    "revenue[district=E],2025,60,,s25,,2026-01-10T00:00:00Z\n"
    "revenue[district=F],2023,95,,s23,,2024-01-10T00:00:00Z\n"
)


def _ranked(*args: str) -> list[tuple[int, str]]:
    r = run_clean("rank", "rev-plan-2025", "--format", "json", "--as-of", "2026-06-30", *args)
    assert r.exit_code == 0, r.stderr
    return [(u["rank"], u["dims"]["district"]) for u in json.loads(r.stdout)["units"]]


def test_a_units_older_figure_ranks_after_this_years_figures(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A (judged against its own plan: 90 of 100, not achieved) first; then the 2025 figures by value, E 60 before C
    50; then the 2023 figures by value, F 95 before D 80: a 2023 figure says nothing of how
    a district stands against 2025's, so it is not put above them by being larger."""
    make_tracker(tmp_path, monkeypatch, PLAN, STORE)
    assert _ranked() == [(1, "A"), (2, "E"), (3, "C"), (4, "F"), (5, "D")]


def test_the_tsv_and_the_workbook_rank_as_json_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    import openpyxl

    make_tracker(tmp_path, monkeypatch, PLAN, STORE)
    tsv = run_clean("rank", "rev-plan-2025", "--format", "tsv", "--as-of", "2026-06-30").stdout
    assert [line.split("\t")[1] for line in tsv.splitlines()[1:]] == ["A", "E", "C", "F", "D"]
    book = tmp_path / "r.xlsx"
    assert run_clean("report", "-o", str(book), "--as-of", "2026-06-30").exit_code == 0
    rows = [r for r in openpyxl.load_workbook(book)["rev-plan-2025"].iter_rows(min_row=3, values_only=True) if r[0]]
    assert [r[1] for r in rows] == ["A", "E", "C", "F", "D"]


# Two districts on a 2023 and a 2030 milestone of an industry share; A missed 2023 (12
# against 15) and is now on its way to 2030, B met it (16). status --by says "✗ missed
# 2023" under A's status; rank said nothing of it, so an auditor reading the ranking would
# not see the miss.
MILESTONES = """\
version: 1
title: Milestones by district
dimensions:
  district:
    name: {en: District, vi: Huyện}
    values: [A, B]
indicators:
  share:
    name: {en: Industry share, vi: Tỷ trọng công nghiệp}
    unit: '%'
    direction: increase
    dimensions: [district]
targets:
  - id: share-up
    indicator: share
    baseline: 2020
    milestones: [{by: 2023, value: 15}, {by: 2030, value: 30}]
    for_each: district
"""
MILESTONE_FIGURES = (
    "indicator,period,value,status,source,note,recorded_at\n"
    "share[district=A],2020,10,official,s,,2021-03-01T00:00:00Z\n"
    "share[district=A],2023,12,official,s,,2024-03-01T00:00:00Z\n"
    "share[district=A],2024,16,official,s,,2025-03-01T00:00:00Z\n"
    "share[district=B],2020,10,official,s,,2021-03-01T00:00:00Z\n"
    "share[district=B],2023,16,official,s,,2024-03-01T00:00:00Z\n"
    "share[district=B],2024,17,official,s,,2025-03-01T00:00:00Z\n"
)


@pytest.mark.parametrize(("lang", "missed"), [("en", "✗ missed 2023"), ("vi", "✗ không đạt mốc 2023")])
def test_rank_says_a_units_missed_milestone_as_status_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, missed: str
):
    make_tracker(tmp_path, monkeypatch, MILESTONES, MILESTONE_FIGURES)
    wide = {"COLUMNS": "150", "NO_COLOR": "1"}
    by = run_clean("--lang", lang, "status", "--by", "district", "--as-of", "2025-06-01", "--format", "table", env=wide)
    assert missed in by.stdout, by.stdout  # the words status says, taken as the reference
    ranked = run_clean("--lang", lang, "rank", "share-up", "--as-of", "2025-06-01", "--format", "table", env=wide)
    lines = ranked.stdout.splitlines()
    a_row = next(i for i, line in enumerate(lines) if line.split()[:2] == ["2", "A"])
    assert missed in lines[a_row + 1], ranked.stdout  # under A's status, on a line of its own
    assert missed not in "\n".join(lines[: a_row + 1]), ranked.stdout  # B met 2023: nothing under it


@pytest.mark.parametrize(
    ("lang", "row"),
    [
        ("en", "| 2 | A | **Substantial progress (✗ missed 2023)** |"),
        (
            "vi",
            "| 2 | A | **Tiến triển tốt (✗ không đạt mốc năm 2023)** |",
        ),  # a period in words, as the report writes them
    ],
)
def test_the_reports_units_table_says_a_missed_milestone_as_its_summary_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, row: str
):
    """The report's summary writes a target's status "Not available (⌛ awaiting figure
    2023)"; its units table wrote A's "Substantial progress" with nothing of the miss."""
    make_tracker(tmp_path, monkeypatch, MILESTONES, MILESTONE_FIGURES)
    md = run_clean("--lang", lang, "report", "--format", "markdown", "--as-of", "2025-06-01")
    assert md.exit_code == 0, md.stderr
    assert row in md.stdout, md.stdout
    assert "| 1 | B | **" + ("Substantial progress" if lang == "en" else "Tiến triển tốt") + "** |" in md.stdout


def test_the_workbooks_units_sheet_lists_a_units_missed_milestones_last(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """The units sheet's Status column says a status to filter on; the deadlines a unit
    missed had no cell: now a last column, "Missed milestones", each deadline's year."""
    import openpyxl

    make_tracker(tmp_path, monkeypatch, MILESTONES, MILESTONE_FIGURES)
    for lang, heading in (("en", "Missed milestones"), ("vi", "Các mốc không đạt")):
        book = tmp_path / f"r-{lang}.xlsx"
        assert run_clean("--lang", lang, "report", "-o", str(book), "--as-of", "2025-06-01").exit_code == 0
        rows = list(openpyxl.load_workbook(book)["share-up"].iter_rows(min_row=2, values_only=True))
        # Then the unit's gap, after it (thirty-fourth session, test_s34_o), and the figures
        # not counted after that (thirty-seventh session, test_s37_c), then the deadlines
        # awaiting a figure (forty-second session, test_s42_r).
        assert rows[0][-4] == heading and rows[0][-3] == ("Gap (pp)" if lang == "en" else "Còn thiếu (điểm %)")
        assert [(r[1], r[2], r[-4]) for r in rows[1:3]] == [
            ("B", "Substantial progress" if lang == "en" else "Tiến triển tốt", None),
            ("A", "Substantial progress" if lang == "en" else "Tiến triển tốt", "2023"),
        ]


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("2026/2/30", "'2026/2/30' is no day of the calendar: 2026-02 has 28 days"),
        ("2026/02/30", "'2026/02/30' is no day of the calendar: 2026-02 has 28 days"),
        ("2024.02.30", "'2024.02.30' is no day of the calendar: 2024-02 has 29 days"),
        # Day first, unambiguous: 30 and 31 are no month, so the second number is the month.
        ("30/02/2026", "'30/02/2026' is no day of the calendar: 2026-02 has 28 days"),
        ("31/4/2026", "'31/4/2026' is no day of the calendar: 2026-04 has 30 days"),
        ("2026/13/1", "'2026/13/1' is no day of the calendar: there is no month 13"),
    ],
)
def test_a_date_with_slashes_that_names_no_day_is_told_the_calendar(shipped: Path, typed: str, said: str):
    """`2026-2-30` was told the calendar by pass H3; the same day typed with slashes or
    dots, year first or day first (as Vietnamese tables write it), still got the generic
    "write YYYY-MM-DD" (its "Left")."""
    r = run_clean("status", "--as-of", typed)
    assert r.exit_code == 2, r.stderr
    assert said in " ".join(r.stderr.split()), r.stderr


def test_a_day_first_date_read_both_ways_is_not_told_one_calendar(shipped: Path):
    """12/30/2026: month first it is a day, 30 December; the calendar's message would be
    wrong, so it keeps the message naming that day."""
    r = run_clean("status", "--as-of", "12/30/2026")
    assert r.exit_code == 2
    assert "no day of the calendar" not in r.stderr and "2026-12-30" in r.stderr, r.stderr
