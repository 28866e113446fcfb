"""Leftovers of issue 17's twenty-sixth session's passes (helper L2): where withdrawn and
revised figures came from. Each test was written failing first; the expected values are
worked out by hand in a comment."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import run_clean

# --- 1. A derived figure missing for a withdrawn input names where the input came from ----

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
    "va,2023,30,official,Report 12/BC-CTK,,2024-01-10T00:00:00Z\n"
    "grdp,2023,120,official,GSO,,2024-01-10T00:00:00Z\n"
    "va,2023,,retracted,GSO,wrong year,2025-06-01T00:00:00Z\n"
)


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
    assert header[-3:] == [withdrawn, source, recorded]  # added at the end only
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
