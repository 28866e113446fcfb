"""The leader's headline at the top of every report (issue 17, twenty-second session): the
whole plan's counts by status, the targets whose deadline passed unmet, and those whose
deadline passed with the figure awaited (docs/report.md, "The headline"; docs/decisions.md,
"The leader's headline"). Written failing first; every expected value is worked by hand.

The shipped dataset as `qntrack status --format json --as-of 2026-12-01` gives it (read
line by line, status, missed_milestones, awaiting_figures):

    cbct-share                 moderate_progress    []       [2025]
    cbct-va-growth-2021-2025   substantial_progress []       [2025]
    cbct-investment-2021-2025  not_available        []       [2025]
    grdp-average-2021-2025     target_achieved
    grdp-per-capita            target_achieved
    grdp-double-digit          not_achieved         [2024]   []
    mining-share               substantial_progress
    fdi-plan-2022              not_achieved         [2022]
    fdi-plan-2023              target_achieved
    fdi-plan-2023-ubnd         target_achieved
    fdi-plan-2024              not_achieved         [2024]
    fdi-plan-2025              target_achieved
    grdp-growth-plan-2017/2018/2019  target_achieved (3)
    grdp-growth-plan-2020      not_achieved         [2020]
    grdp-growth-plan-2021      target_achieved
    grdp-growth-plan-2022      not_achieved         [2022]
    grdp-growth-plan-2023      target_achieved
    grdp-growth-plan-2024      not_achieved         [2024]
    grdp-growth-plan-2025      not_achieved         [2025]
    budget-revenue-plan-2024   not_available        []       [2024]
    budget-revenue-plan-2025   target_achieved

Counted by hand: target achieved = grdp-average, grdp-per-capita, fdi 2023, fdi 2023 ubnd,
fdi 2025, growth plans 2017, 2018, 2019, 2021, 2023, budget 2025 = 11; substantial
progress = cbct-va-growth, mining-share = 2; moderate = cbct-share = 1; limited and
deterioration 0; not achieved = grdp-double-digit, fdi 2022, fdi 2024, growth plans 2020,
2022, 2024, 2025 = 7; not available = cbct-investment, budget 2024 = 2. 11+2+1+7+2 = 23.
Missed (a passed deadline unmet): those same seven not achieved, in the plan's order.
Awaiting a figure: cbct-share, cbct-va-growth, cbct-investment, budget-revenue-plan-2024 (4).
The groups table's rows (Resolution 01: 2 substantial, 1 moderate, 1 not available;
Five-year plan: 2 achieved; annual plans: 6 achieved, 5 not achieved, 1 not available;
FDI plans: 3 achieved, 2 not achieved) add up to 11, 2, 1, 7, 2: the same numbers.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import SHIPPED_DAY, run_clean, shipped_report

DAY = ("--as-of", "2026-12-01")

MISSED = (
    "grdp-double-digit",
    "fdi-plan-2022",
    "fdi-plan-2024",
    "grdp-growth-plan-2020",
    "grdp-growth-plan-2022",
    "grdp-growth-plan-2024",
    "grdp-growth-plan-2025",
)
AWAITING = ("cbct-share", "cbct-va-growth-2021-2025", "cbct-investment-2021-2025", "budget-revenue-plan-2024")


def _report(folder: Path, name: str, *args: str) -> str:
    r = run_clean(*args, *DAY, "-o", name)
    assert r.exit_code == 0, r.stderr
    return (folder / name).read_text(encoding="utf-8") if not name.endswith((".docx", ".xlsx")) else ""


def test_the_json_report_has_the_headline_object(shipped: Path):
    doc = json.loads(_report(shipped, "r.json", "report", "--format", "json"))
    head = doc["headline"]
    # appended: every earlier key where it was; then as_of_end (thirty-ninth session, pass J)
    assert list(doc)[-2:] == ["headline", "as_of_end"]
    assert head["targets"] == 23
    # Every status, zero included, in docs/json.md's order (best first).
    assert head["by_status"] == {
        "target_achieved": 11,
        "substantial_progress": 2,
        "moderate_progress": 1,
        "limited_progress": 0,
        "deterioration": 0,
        "not_achieved": 7,
        "not_available": 2,
    }
    assert [m["id"] for m in head["missed"]] == list(MISSED)
    assert head["missed"][0]["missed_milestones"] == ["2024"]
    assert [m["id"] for m in head["awaiting_figure"]] == list(AWAITING)
    assert head["awaiting_figure"][3]["awaiting_figures"] == ["2024"]


def test_the_markdown_report_opens_with_the_headline(shipped: Path):
    text = _report(shipped, "r.md", "report", "--format", "markdown")
    lines = text.splitlines()
    top = lines.index('## <a id="headline"></a>At a glance')
    assert top < lines.index("## Groups of targets")
    assert lines[top + 2] == (
        "23 targets — Target achieved: 11; Substantial progress: 2; Moderate progress: 1; "
        "Not achieved: 7; Not available: 2."
    )
    # How many statuses rest on estimates, under the counts (thirty-sixth session).
    assert lines[top + 4].startswith("Judged on an estimate or a preliminary figure, ")
    missed = lines[top + 6]
    assert missed.startswith("✗ Deadline passed, not achieved (7): [Double-digit GRDP growth every year (2024)]")
    # Each name links to its target's section, in the plan's order.
    assert re.findall(r"\(#t-([a-z0-9-]+)\)", missed) == list(MISSED)
    awaited = lines[top + 8]
    assert awaited.startswith("⌛ Deadline passed, figure awaited (4): ")
    assert re.findall(r"\(#t-([a-z0-9-]+)\)", awaited) == list(AWAITING)
    # A level target's awaited milestone is said beside its name; a plan's period is in its name.
    assert "[CBCT share of GRDP: 15% by 2025, 30% by 2030 (2025)](#t-cbct-share)" in awaited
    assert "[Budget revenue plan 2024: 55,600 billion VND](#t-budget-revenue-plan-2024)." in awaited
    assert "more" not in missed + awaited  # seven and four: under the cap of ten


def test_the_html_report_in_vietnamese_opens_with_the_headline(shipped: Path):
    html = _report(shipped, "r.html", "--lang", "vi", "report", "--format", "html")
    section = re.search(r'<section class="headline" id="headline">(.*?)</section>', html, re.S)
    assert section is not None
    assert html.index('id="headline"') < html.index('id="groups"')
    body = section[1]
    assert "<h2>Kết quả chung</h2>" in body
    assert (
        "<p>23 mục tiêu — Đã đạt mục tiêu: 11; Tiến triển tốt: 2; Tiến triển vừa phải: 1; "
        "Không đạt: 7; Chưa đủ số liệu: 2.</p>"
    ) in body
    # Each symbol hidden from a screen reader, its words beside it (twenty-third session).
    assert '<span aria-hidden="true">✗</span> Đã đến hạn, không đạt (7): ' in body
    assert '<span aria-hidden="true">⌛</span> Đã đến hạn, chờ số liệu (4): ' in body
    # Then the target at risk, its 2030 milestone ahead (issue 17, twenty-seventh session).
    assert re.findall(r'href="#t-([a-z0-9-]+)"', body) == list(MISSED + AWAITING) + ["cbct-share"]
    # The year in words, as the Vietnamese report writes a period.
    assert ">Tăng trưởng GRDP hai con số hằng năm (năm 2024)</a>" in body


def test_the_word_report_opens_with_the_headline_before_its_contents(tmp_path_factory: pytest.TempPathFactory):
    docx = pytest.importorskip("docx")
    assert DAY == ("--as-of", SHIPPED_DAY)  # the report _report(shipped, "r.docx", ...) writes
    texts = [p.text for p in docx.Document(str(shipped_report(tmp_path_factory, "docx", "en"))).paragraphs]
    top = texts.index("At a glance")
    assert top < texts.index("Groups of targets")
    assert texts[top + 1].startswith("23 targets — Target achieved: 11; ")
    assert texts[top + 2].startswith("Judged on an estimate or a preliminary figure, ")  # thirty-sixth session
    assert texts[top + 3].startswith(
        "✗ Deadline passed, not achieved (7): Double-digit GRDP growth every year (2024); "
    )
    assert texts[top + 3].endswith("; GRDP growth plan 2025: 14%.")
    assert texts[top + 4].startswith("⌛ Deadline passed, figure awaited (4): CBCT share of GRDP")


def test_the_workbook_opens_on_its_headline_sheet(shipped: Path):
    openpyxl = pytest.importorskip("openpyxl")
    _report(shipped, "r.xlsx", "report", "--format", "xlsx")
    wb = openpyxl.load_workbook(shipped / "r.xlsx")
    assert wb.sheetnames[:2] == ["Summary", "At a glance"]
    assert wb.active.title == "At a glance"
    ws = wb["At a glance"]
    cells = {c.value: c for row in ws.iter_rows() for c in row if c.value is not None}
    # The counts are number cells beside their status: 11 + 2 + 1 + 7 + 2 = 23.
    counts = {a.value: b.value for a, b in ws.iter_rows(min_row=5, max_col=2) if isinstance(b.value, int)}
    assert counts == {
        "Target achieved": 11,
        "Substantial progress": 2,
        "Moderate progress": 1,
        "Not achieved": 7,
        "Not available": 2,
    }
    # fdi-plan-2022 is the plan's 8th target: the Summary's row 9 (its header is row 1).
    link = cells["FDI plan 2022: 1.5 billion USD"].hyperlink
    assert link is not None and link.location == "'Summary'!D9"
    assert wb["Summary"]["C9"].value == "fdi-plan-2022"


# --- the cap: a national plan's list is not 5,000 names ---------------------------------

_PLAN = """\
version: 1
title: "Many plans"
indicators:
  x:
    name: "Output"
    unit: "t"
    direction: increase
targets:
"""


def _plans(count: int) -> str:
    return _PLAN + "".join(
        f'  - id: p{i:02d}\n    type: plan\n    indicator: x\n    name: "Plan {i:02d}"\n    period: {2000 + i}\n'
        f"    value: 100\n"
        for i in range(1, count + 1)
    )


def test_a_long_list_names_ten_and_counts_the_rest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # Twelve plans for 2001-2012, each 100 t, each with 50 t recorded: every period has
    # ended by 2026-12-01 and none is met, so all twelve are missed. The list names the
    # first ten (Plan 01 to Plan 10) and says "and 2 more" (12 - 10); JSON lists all twelve.
    rows = "".join(f"x,{2000 + i},50,official,s,,2020-01-01T00:00:00Z\n" for i in range(1, 13))
    make_tracker(tmp_path, monkeypatch, _plans(12), STORE_HEADER + rows)
    text = _report(tmp_path, "r.md", "report", "--format", "markdown")
    line = next(line for line in text.splitlines() if line.startswith("✗"))
    assert line.startswith("✗ Deadline passed, not achieved (12): [Plan 01](#t-p01); ")
    assert line.endswith("[Plan 10](#t-p10) and 2 more.")
    assert "Plan 11" not in line
    doc = json.loads(_report(tmp_path, "r.json", "report", "--format", "json"))
    assert len(doc["headline"]["missed"]) == 12
    assert doc["headline"]["by_status"]["not_achieved"] == 12


def test_a_deadline_not_yet_passed_is_not_named(shipped: Path):
    # As of 2024-06-30 (status --as-of that day, read by hand): fdi-plan-2022,
    # grdp-growth-plan-2020 and -2022 missed their years; 2024's plans are not over (the
    # growth plan is limited progress, fdi-plan-2024 not available): not named; nothing
    # is awaited (2024 has not ended, and the 2025 spans have not either).
    r = run_clean("report", "--format", "json", "--as-of", "2024-06-30", "-o", "r.json")
    assert r.exit_code == 0, r.stderr
    head = json.loads((shipped / "r.json").read_text(encoding="utf-8"))["headline"]
    assert [m["id"] for m in head["missed"]] == ["fdi-plan-2022", "grdp-growth-plan-2020", "grdp-growth-plan-2022"]
    assert head["awaiting_figure"] == []
    # 7 achieved + 5 substantial + 1 moderate + 1 limited + 3 not achieved + 6 not available = 23
    assert sum(head["by_status"].values()) == 23
    assert head["by_status"]["limited_progress"] == 1
