"""Issue 17, forty-second session, pass B: two leftovers of the forty-first session.

1. The report's groups table listed the groups only: in a plan of four targets, two in a
   group, it drew one row "Environment | 2" and said nothing of the other two, so a reader
   could take the table for the whole plan. Every document format (Markdown, HTML, Word,
   PDF, the workbook's Groups sheet) now says under the table how many of the report's
   targets are in no group, and which. Not a row: a row "In no group" would be read as a
   group, its status and score combined by the group rule as if its targets were one
   group (docs/decisions.md, "Groups": they are not put in a group of their own).
2. A level to keep (a milestone equal to its baseline) not yet reached has no pace to
   read (methodology.md, "A level to keep"): what it needs is the level itself, which the
   milestone and its gap already say, not a rate from the latest figure.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean

# --- 1. Targets in no group, under the groups table --------------------------------------

# A district's plan of four targets: two in the group "Environment", two in none.
SOME_GROUPED = """\
version: 1
title: {en: District review 2025, vi: Tổng kết năm 2025 của huyện}
observations: observations.csv
indicators:
  forest: {name: {en: Forest cover, vi: Tỷ lệ che phủ rừng}, unit: "%", measure: level}
  poverty: {name: {en: Poverty rate, vi: Tỷ lệ hộ nghèo}, unit: "%", measure: level, direction: decrease}
  growth: {name: {en: Growth, vi: Tăng trưởng}, unit: "%", measure: rate}
targets:
  - id: forest-cover
    indicator: forest
    name: {en: Forest cover 55% by 2025, vi: Che phủ rừng 55% năm 2025}
    group: {en: Environment, vi: Môi trường}
    baseline: {period: 2020, value: 53}
    milestones: [{by: 2025, value: 55}]
  - id: poverty-down
    indicator: poverty
    name: {en: Poverty below 1% by 2025, vi: Hộ nghèo dưới 1% năm 2025}
    group: {en: Environment, vi: Môi trường}
    baseline: {period: 2020, value: 3}
    milestones: [{by: 2025, value: 1}]
  - id: growth-2025
    type: plan
    indicator: growth
    name: {en: Growth plan 2025, vi: Kế hoạch tăng trưởng 2025}
    period: 2025
    value: 10
  - id: growth-every-year
    type: every_period
    indicator: growth
    name: {en: Growth 8% every year, vi: Tăng trưởng 8% mỗi năm}
    at_least: 8
    from: 2021
    to: 2025
"""

OBSERVATIONS = """\
indicator,period,value,status,source,note,recorded_at
forest,2020,53,official,x,,2021-01-10T00:00:00Z
forest,2023,54,official,x,,2024-01-10T00:00:00Z
poverty,2020,3,official,x,,2021-01-10T00:00:00Z
poverty,2023,1.5,official,x,,2024-01-10T00:00:00Z
growth,2021,9,official,x,,2022-01-10T00:00:00Z
growth,2022,8.5,official,x,,2023-01-10T00:00:00Z
"""

# Two of the four targets are in no group; written by hand, in each language.
SAYS = {
    "en": (
        "2 of the 4 targets in this report belong to no group and are not in this table or its"
        " chart: Growth plan 2025; Growth 8% every year."
    ),
    "vi": (
        "2/4 mục tiêu trong báo cáo này không thuộc nhóm nào nên không có trong bảng này và biểu"
        " đồ đi kèm: Kế hoạch tăng trưởng 2025; Tăng trưởng 8% mỗi năm."
    ),
}


def _flat(text: str) -> str:
    return " ".join(text.split())


def _docx_text(data: bytes) -> str:
    import docx

    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def _groups_sheet(data: bytes, lang: str) -> list[list[object]]:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data))
    name = "Groups" if lang == "en" else "Nhóm mục tiêu"
    return [[c for c in row] for row in book[name].iter_rows(values_only=True)]


def _report(fmt: str, lang: str, *ids: str) -> bytes:
    r = run_clean("report", "--format", fmt, "--lang", lang, "-o", f"out.{fmt}", "--as-of", "2025-06-30", *ids)
    assert r.exit_code == 0, r.stderr
    return Path(f"out.{fmt}").read_bytes()


@pytest.fixture
def some_grouped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, SOME_GROUPED, OBSERVATIONS)


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_groups_table_says_how_many_targets_are_in_no_group(some_grouped: Path, fmt: str, lang: str) -> None:
    text = _report(fmt, lang).decode("utf-8")
    flat = _flat(re.sub(r"<[^>]+>", " ", text) if fmt == "html" else text.replace("\\", ""))
    assert SAYS[lang] in _flat(flat.replace(" .", ".").replace(" :", ":")), flat[:3000]
    # Said once, under the table: after its one row and before the summary.
    groups_at = flat.index("Environment" if lang == "en" else "Môi trường")
    said_at = flat.index(SAYS[lang][:20])
    summary = "Summary" if lang == "en" else "Tổng hợp"
    assert groups_at < said_at < flat.index(summary, said_at), flat[:3000]
    assert flat.count(SAYS[lang][:30]) == 1


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_word_report_says_it_under_the_groups_table(some_grouped: Path, lang: str) -> None:
    text = _docx_text(_report("docx", lang))
    assert SAYS[lang] in text, text[:3000]


def test_the_pdf_report_says_it(some_grouped: Path) -> None:
    from pypdf import PdfReader

    pages = PdfReader(io.BytesIO(_report("pdf", "en"))).pages
    assert "belong to no group" in _flat(pages[0].extract_text() + pages[1].extract_text())


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_workbooks_groups_sheet_says_it_under_its_rows(some_grouped: Path, lang: str) -> None:
    rows = _groups_sheet(_report("xlsx", lang), lang)
    # The header, the group's row, then (after a blank row) the line; no row of its own
    # in the table, whose numbers a total is read from: its counts add up to 2, the group.
    assert rows[1][0] == ("Environment" if lang == "en" else "Môi trường") and rows[1][1] == 2
    said = [row[0] for row in rows[2:] if row and row[0]]
    assert said == [SAYS[lang]], rows


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "xlsx"])
def test_nothing_new_is_said_when_every_target_or_none_is_in_a_group(some_grouped: Path, fmt: str) -> None:
    # All grouped: the two of Environment alone. None grouped: the two others alone (and
    # no groups table at all, as before).
    for ids in (("forest-cover", "poverty-down"), ("growth-2025", "growth-every-year")):
        data = _report(fmt, "en", *ids)
        if fmt == "docx":
            text = _docx_text(data)
        elif fmt == "xlsx":
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                text = " ".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
        else:
            text = data.decode("utf-8")
        assert "belong to no group" not in text and "not in this table" not in text, ids


def test_the_json_report_keeps_its_groups_and_each_targets_group(some_grouped: Path) -> None:
    # Data, for programs: each target says its group (null for none) and each group its
    # members, so the two in no group are found there; no key is added or renamed.
    doc = json.loads(_report("json", "en"))
    assert list(doc) == [
        "qntrack",
        "fingerprint",
        "schema",
        "title",
        "as_of",
        "targets",
        "groups",
        "headline",
        "as_of_end",
    ]
    assert [(g["name"], g["targets"]) for g in doc["groups"]] == [("Environment", ["forest-cover", "poverty-down"])]
    assert [t["id"] for t in doc["targets"] if t["group"] is None] == ["growth-2025", "growth-every-year"]


# --- 2. A level to keep not reached needs the level, not a pace --------------------------

# Forest cover to keep at 54 % by 2030 (its 2020 baseline); a balance (a trade surplus of
# 500 million USD to keep, judged by its change a year); and, beside them, a level to raise
# (poverty from 3 % to 1 %), which does need a pace from now.
KEPT = """\
version: 1
observations: observations.csv
indicators:
  forest: {name: Forest cover, unit: "%", measure: level}
  surplus: {name: Trade surplus, unit: million USD, measure: balance}
  poverty: {name: Poverty rate, unit: "%", measure: level, direction: decrease}
targets:
  - id: forest-keep
    indicator: forest
    baseline: {period: 2020, value: 54}
    milestones: [{by: 2030, value: 54}]
  - id: surplus-keep
    indicator: surplus
    baseline: {period: 2020, value: 500}
    milestones: [{by: 2030, value: 500}]
  - id: poverty-down
    indicator: poverty
    baseline: {period: 2020, value: 3}
    milestones: [{by: 2030, value: 1}]
"""

HEADER = "indicator,period,value,status,source,note,recorded_at\n"

# 2023: forest 53 % and a surplus of 450, both short of the level they keep, before the
# deadline: not available, reason target_equals_baseline (methodology.md, "A level to
# keep"). Before, show and the report said "Needed from now +0.3%/yr" ((54 / 53)^(1/7) - 1
# = 0.27 %) and "+7.14 million USD/yr" ((500 - 450) / 7), a pace the status is never read
# on: the level is met by a figure at 54, whenever it comes, and missed by 2030's short.
SHORT = HEADER + (
    "forest,2023,53,official,x,,2024-01-10T00:00:00Z\n"
    "surplus,2023,450,official,x,,2024-01-10T00:00:00Z\n"
    "poverty,2023,2,official,x,,2024-01-10T00:00:00Z\n"
)
# A baseline year's figure revised below the level the plan states (no figure after the
# baseline): not available either, and "Needed from now +0.19%/yr" ((54 / 53)^(1/10) - 1).
REVISED_BASE = HEADER + "forest,2020,53,official,x,,2021-01-10T00:00:00Z\n"


def _show(target: str) -> str:
    r = run_clean("show", target, "--as-of", "2025-06-30", env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert r.exit_code == 0, r.stderr
    return r.stdout


def _milestone_json(target: str) -> dict:
    r = run_clean("show", target, "--format", "json", "--as-of", "2025-06-30")
    assert r.exit_code == 0, r.stderr
    (m,) = json.loads(r.stdout)["milestones"]
    return m


@pytest.mark.parametrize("store", [SHORT, REVISED_BASE, HEADER], ids=["short", "revised-base", "no-figure"])
def test_show_gives_a_level_to_keep_no_need_from_now(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, store: str
) -> None:
    make_tracker(tmp_path, monkeypatch, KEPT, store)
    shown = _show("forest-keep")
    assert "Not available" in shown
    assert "Needed from now" not in shown, shown
    # Its milestone and gap say what is needed: the level itself.
    assert "54% by 2030" in shown
    m = _milestone_json("forest-keep")
    assert (m["status"], m["required_rate_from_latest"], m["required_change_from_latest"]) == (
        "not_available",
        None,
        None,
    ), m


def test_a_balance_to_keep_has_no_change_needed_from_now(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_tracker(tmp_path, monkeypatch, KEPT, SHORT)
    shown = _show("surplus-keep")
    assert "Needed from now" not in shown and "7.14" not in shown, shown
    m = _milestone_json("surplus-keep")
    assert (m["method"], m["status"], m["required_change_from_latest"]) == ("absolute_change", "not_available", None)
    assert m["gap"] == 50  # 500 - 450: what the level needs, as before


def test_a_level_to_raise_still_needs_its_pace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Poverty from 2 % (2023) to 1 % by 2030: (1 / 2)^(1/7) - 1 = -9.43 % a year, as before.
    make_tracker(tmp_path, monkeypatch, KEPT, SHORT)
    assert "Needed from now" in _show("poverty-down")
    assert _milestone_json("poverty-down")["required_rate_from_latest"] == pytest.approx(0.5 ** (1 / 7) - 1)


def _milestone_rows(text: str, header: str) -> dict[str, dict[str, str]]:
    """The Markdown table whose header holds ``header``, each row by its first cell."""
    lines = [x for x in text.splitlines() if x.startswith("|")]
    heads = [c.strip() for c in next(x for x in lines if header in x).strip("|").split("|")]
    rows = {}
    for x in lines:
        cells = [c.strip() for c in x.strip("|").split("|")]
        if len(cells) == len(heads) and cells[0] != heads[0] and not set(cells[0]) <= set("-:"):
            rows[cells[0]] = dict(zip(heads, cells, strict=True))
    return rows


def test_the_reports_milestones_table_and_workbook_agree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_tracker(tmp_path, monkeypatch, KEPT, SHORT)
    md = _report("md", "en").decode("utf-8")
    rows = _milestone_rows(md, "Needed from now")
    assert rows["54% by 2030"]["Needed from now"] == "–", rows
    assert rows["500 million USD by 2030"]["Needed from now"] == "–", rows
    # The level to lower, as before: -9.43 % a year, written at one decimal so that it
    # suffices (a fall of 9.4 % a year would leave 2 x 0.906^7 = 1.002 %, short).
    assert rows["1% by 2030"]["Needed from now"] == "-9.5%/yr", rows
    assert "+0.3%" not in md and "+0.27%" not in md and "7.14" not in md
    import openpyxl

    ws = openpyxl.load_workbook(io.BytesIO(_report("xlsx", "en")))["Milestones"]
    table = list(ws.iter_rows(values_only=True))
    col = table[0].index("Needed from now")
    needed = {row[0]: row[col] for row in table[1:]}
    assert needed["forest-keep"] is None and needed["surplus-keep"] is None, needed
    assert needed["poverty-down"] == -9.5, needed  # as the report writes it


def test_a_plan_of_many_targets_in_no_group_names_ten_and_counts_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A national plan's groups table need not list thousands of names: twelve annual
    # plans in no group, beside one grouped target, are named ten and "2 more".
    plans = "".join(
        f"  - {{id: plan-{y}, type: plan, indicator: growth, name: Plan {y}, period: {y}, value: 8}}\n"
        for y in range(2014, 2026)
    )
    grouped = "  - {id: avg, type: average, indicator: growth, at_least: 8, from: 2021, to: 2025, group: Five-year}\n"
    plan = "version: 1\nindicators:\n  growth: {name: Growth, unit: '%', measure: rate}\ntargets:\n" + grouped + plans
    make_tracker(tmp_path, monkeypatch, plan, HEADER)
    text = _flat(_report("md", "en").decode("utf-8"))
    ten = "; ".join(f"Plan {y}" for y in range(2014, 2024))
    assert (
        "12 of the 13 targets in this report belong to no group and are not in this table or its chart: "
        f"{ten} and 2 more (the summary lists every target)."
    ) in text, text[:2000]
    assert "Plan 2024;" not in text.split("## Summary")[0]
    vi = _flat(_report("md", "vi").decode("utf-8"))
    assert f"{ten} và 2 mục tiêu khác (bảng tổng hợp liệt kê mọi mục tiêu)." in vi


def test_the_workbooks_line_of_long_names_is_cut_as_any_cell_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Twelve targets in no group named in 4,005 characters each: ten names are 40,068
    # characters, over a cell's 32,767. Excel's writer cut the line there without a word;
    # it is cut as every long cell of the workbook is, saying so (report_xlsx_book.cell_text).
    long = "X" * 4000
    plans = "".join(
        f"  - {{id: plan-{y}, type: plan, indicator: growth, name: '{long} {y}', period: {y}, value: 8}}\n"
        for y in range(2014, 2026)
    )
    grouped = "  - {id: avg, type: average, indicator: growth, at_least: 8, from: 2021, to: 2025, group: G}\n"
    plan = "version: 1\nindicators:\n  growth: {name: Growth, unit: '%', measure: rate}\ntargets:\n" + grouped + plans
    make_tracker(tmp_path, monkeypatch, plan, HEADER)
    said = [row[0] for row in _groups_sheet(_report("xlsx", "en"), "en")[2:] if row and row[0]]
    assert len(said) == 1 and len(said[0]) == 32_767, [len(s) for s in said]
    assert said[0].startswith("12 of the 13 targets in this report belong to no group")
    assert said[0].endswith("[cut at Excel's limit of 32,767 characters a cell; the whole text is in targets.yaml]")
