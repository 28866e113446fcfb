"""Leftovers of issue 17's twenty-sixth session's passes (helper L2): where withdrawn and
revised figures came from. Each test was written failing first; the expected values are
worked out by hand in a comment."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import run_clean
from test_leftovers21 import DERIVED_PLAN
from test_leftovers21 import DERIVED_STORE as _DERIVED_STORE

# --- 1. A derived figure missing for a withdrawn input names where the input came from ----

# The plan and store of the twenty-first session's test of the same sentence, va 2023 given a
# source of its own so that the source said is the withdrawn figure's, not the retraction's.
DERIVED_STORE = _DERIVED_STORE.replace("va,2023,30,official,GSO,,", "va,2023,30,official,Report 12/BC-CTK,,")
assert DERIVED_STORE != _DERIVED_STORE


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "2023: no figure is computed, since the figure of Value added [va] it is computed from, 30 bn VND, "
            "was withdrawn on 2025-06-01 (retracted). The figure withdrawn was recorded 2024-01-10; "
            "source: Report 12/BC-CTK.",
        ),
        (
            "vi",
            "Năm 2023: không tính được số liệu, vì số liệu Value added [va] dùng để tính (30 bn VND) đã bị rút lại "
            "ngày 01/06/2025. Số liệu bị rút lại được ghi nhận 10/01/2024; nguồn: Report 12/BC-CTK.",
        ),
    ],
)
def test_a_withdrawn_input_names_where_its_figure_was_published(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
):
    # va_share 2023 would be 30 / 120 × 100 = 25 %; va's 30 (recorded 2024-01-10 from
    # Report 12/BC-CTK) was withdrawn on 2025-06-01, so no 2023 share is computed. The
    # sentence named the 30 but not where it was published, which every other withdrawn
    # figure's sentence now says ("The figure withdrawn was recorded ...; source: ...").
    make_tracker(tmp_path, monkeypatch, DERIVED_PLAN, DERIVED_STORE)
    show = run_clean("--lang", lang, "show", "share", env={"COLUMNS": "400"})
    assert "• " + said in show.stdout.splitlines(), show.stdout
    report = run_clean("--lang", lang, "report", "--format", "markdown")
    assert said.replace("[", "\\[").replace("]", "\\]") in report.stdout, report.stdout  # Markdown escapes [ ]


# --- 2. The workbook's Figures sheet names where a withdrawn figure was published ---------

FDI_PLAN = """\
indicators:
  fdi: {name: FDI attracted, unit: million USD, measure: flow}
targets:
  - {id: fdi-2024, type: plan, indicator: fdi, period: 2024, value: 3000}
"""
FDI_STORE = (
    STORE_HEADER + "fdi,2022,2500,official,Report 1/BC,,2023-01-10T00:00:00Z\n"
    "fdi,2023,2700,official,Report 2/BC,,2024-01-10T00:00:00Z\n"
    "fdi,2024,2877.8,estimate,Report 3/BC,,2025-02-07T00:00:00Z\n"
    "fdi,2023,,retracted,GSO,double counted,2025-03-01T00:00:00Z\n"
    "fdi,2024,,retracted,DPI,wrong year,2025-03-02T00:00:00Z\n"
    "fdi,2024,2900,official,Report 4/BC,,2025-04-01T00:00:00Z\n"
)


def _sheet(path: Path, name: str) -> list[dict]:
    import openpyxl

    ws = openpyxl.load_workbook(path)[name]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


@pytest.mark.parametrize(
    ("lang", "sheet", "withdrawn", "source", "recorded"),
    [
        ("en", "Figures", "Figure withdrawn", "Source of the figure withdrawn", "Figure withdrawn, recorded"),
        (
            "vi",
            "Số liệu",
            "Số liệu đã bị rút lại",
            "Nguồn của số liệu đã bị rút lại",
            "Ngày ghi nhận số liệu đã bị rút lại",
        ),
    ],
)
def test_the_figures_sheet_names_where_a_withdrawn_figure_was_published(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, sheet: str, withdrawn: str, source: str, recorded: str
):
    # 2023's 2,700 (Report 2/BC, recorded 2024-01-10) withdrawn on 2025-03-01, none in force;
    # 2024's 2,877.8 (Report 3/BC, recorded 2025-02-07) withdrawn on 2025-03-02, then 2,900
    # recorded. The Figures sheet gave 2,700 and 2,877.8 in its last column but not the
    # publication they came from, which the legends and the Summary sheet now name: two
    # columns after it, the withdrawn vintage's source and its recording day (a date cell).
    from datetime import datetime

    make_tracker(tmp_path, monkeypatch, FDI_PLAN, FDI_STORE)
    r = run_clean("--lang", lang, "report", "--format", "xlsx", "-o", "r.xlsx")
    assert r.exit_code == 0, r.stderr
    rows = _sheet(tmp_path / "r.xlsx", sheet)
    header = list(rows[0])
    # Added at the end then (columns J-L); the period's last day and what a figure revised
    # follow them since the twenty-eighth session.
    assert header[9:12] == [withdrawn, source, recorded]
    by_period = {x[header[3]]: x for x in rows}
    gone, again, kept = by_period["2023"], by_period["2024"], by_period["2022"]
    assert (gone[header[4]], gone[withdrawn], gone[source], gone[recorded]) == (
        None,
        2700,
        "Report 2/BC",
        datetime(2024, 1, 10),
    )
    assert (again[header[4]], again[withdrawn], again[source], again[recorded]) == (
        2900,
        2877.8,
        "Report 3/BC",
        datetime(2025, 2, 7),
    )
    assert (kept[withdrawn], kept[source], kept[recorded]) == (None, None, None)


# --- 3. A retraction recorded through record_many gives its notes, as retract does -------
# GRDP by quarter, 2022 recorded only in its quarters: 50 + 60 + 70 + 80 = 260; per capita
# = grdp × 1000 / pop = 260 × 1000 / 1250 = 208 (plan 200: achieved).

SUMS_PLAN = """\
indicators:
  grdp: {name: GRDP, unit: bn VND, measure: flow, frequency: quarter}
  pop: {name: Population, unit: thousand, measure: level}
  per_capita: {name: GRDP per capita, unit: mn VND, formula: "grdp * 1000 / pop"}
targets:
  - {id: pc-2022, type: plan, indicator: per_capita, period: 2022, value: 200}
"""
SUMS_STORE = STORE_HEADER + (
    "grdp,2022-Q1,50,official,s,,2022-04-20T00:00:00Z\n"
    "grdp,2022-Q2,60,official,s,,2022-07-20T00:00:00Z\n"
    "grdp,2022-Q3,70,official,s,,2022-10-20T00:00:00Z\n"
    "grdp,2022-Q4,80,official,s,,2023-01-20T00:00:00Z\n"
    "pop,2022,1250,official,Census office,,2023-02-01T00:00:00Z\n"
)
Q3_GONE = (
    "grdp 2022 was its parts added up, 2022-Q1 + 2022-Q2 + 2022-Q3 + 2022-Q4 = 260: without 2022-Q3 it has "
    "no figure, until 2022-Q3 or 2022's own figure is recorded"
)


@pytest.mark.parametrize("dry_run", [True, False])
def test_record_many_gives_the_notes_of_a_retraction(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dry_run: bool):
    # A nightly job withdraws 2022-Q3 (70) as a row with status retracted and no value:
    # retract would have said 2022 (260) and per capita (208) go with it; record_many said
    # nothing. Its Recorded now has the same notes; a figure recorded with it adds none.
    import qntrack

    make_tracker(tmp_path, monkeypatch, SUMS_PLAN, SUMS_STORE)
    rows = [
        {"indicator": "grdp", "period": "2022-Q3", "value": "", "status": "retracted", "source": "GSO"},
        {"indicator": "pop", "period": "2023", "value": "1260", "source": "Census office"},
    ]
    done = qntrack.record_many(None, rows, dry_run=dry_run, now="2026-01-05T00:00:00Z")
    _store, added, _skipped, _warnings, _vintages, _revising = done  # six to unpack, as before
    assert len(added) == 2
    ((gone, was),) = done.withdrew
    assert (str(gone.period), gone.status, was.value) == ("2022-Q3", "retracted", 70)
    texts = [n.text("en") for n in done.notes]
    assert texts[0] == Q3_GONE
    assert "per_capita 2022, derived from it, was 208: without 2022-Q3 it has no figure" in texts
    assert "target pc-2022: Target achieved → Not available without 2022-Q3" in texts
    assert "mục tiêu pc-2022: Đã đạt mục tiêu → Chưa đủ số liệu khi thiếu 2022-Q3" in [n.text("vi") for n in done.notes]
    # A batch with no retraction has none.
    more = qntrack.record_many(None, [{"indicator": "pop", "period": "2024", "value": "1270"}], dry_run=True)
    assert more.notes == ()  # a tuple, as an import's (thirty-sixth session)


# --- 4. Withdrawing a published year with its quarters recorded says the year now sums them -
# 2022 published as 300 (recorded after its quarters, 50 + 60 + 70 + 80 = 260): a year
# published wins over its parts, so grdp 2022 read 300 and per capita 300 × 1000 / 1250 = 240.
# Without the 300, 2022 reads its quarters added up, 260, and per capita 260 × 1000 / 1250
# = 208; the plan of 280 was met by 300 and is not by 260.

YEAR_PLAN = """\
indicators:
  grdp: {name: GRDP, unit: bn VND, measure: flow, frequency: quarter}
  pop: {name: Population, unit: thousand, measure: level}
  per_capita: {name: GRDP per capita, unit: mn VND, formula: "grdp * 1000 / pop"}
targets:
  - {id: grdp-plan-2022, type: plan, indicator: grdp, period: 2022, value: 280}
"""
YEAR_STORE = SUMS_STORE + "grdp,2022,300,official,GSO yearbook,,2023-03-01T00:00:00Z\n"


@pytest.mark.parametrize(
    ("lang", "own", "target"),
    [
        (
            "en",
            "grdp 2022 now reads its parts added up, 2022-Q1 + 2022-Q2 + 2022-Q3 + 2022-Q4 = 260, in place of "
            "the 300 withdrawn",
            "target grdp-plan-2022: Target achieved → ",
        ),
        (
            "vi",
            "grdp 2022 nay được tính bằng tổng các kỳ thành phần, 2022-Q1 + 2022-Q2 + 2022-Q3 + 2022-Q4 = 260, "
            "thay cho số liệu 300 đã bị rút lại",
            "mục tiêu grdp-plan-2022: Đã đạt mục tiêu → ",
        ),
    ],
)
def test_withdrawing_a_published_year_says_it_now_reads_its_quarters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, own: str, target: str
):
    import qntrack

    make_tracker(tmp_path, monkeypatch, YEAR_PLAN, YEAR_STORE)
    done = qntrack.retract(None, "grdp", "2022", "", "", None, dry_run=True)
    texts = [n.text(lang) for n in done.notes]
    assert texts[0] == own, texts
    assert any(t.startswith(target) for t in texts), texts
    if lang == "en":
        assert "per_capita 2022, derived from it, was 240: without 2022 it is 208" in texts
    # The command says it too, after its confirmation.
    r = run_clean("--lang", lang, "retract", "grdp", "2022")
    assert r.exit_code == 0, r.stderr
    assert own in r.stderr + r.stdout
