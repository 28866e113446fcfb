"""The Excel report's sheet of a broken-down target names its units as the HTML and Word
reports do: the column by the dimension's name in the report's language (Quận/huyện,
District), each unit by its name in that language, with the dates it existed between."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import dedent, make_tracker
from helpers import run_clean

TARGETS = dedent(
    """
    version: 1
    title: "Units by name"
    dimensions:
      district:
        name: {en: District, vi: Quận/huyện}
        values:
          - {value: Hải Châu, names: {en: Hai Chau District}}
          - {value: Sơn Trà, until: "2026-06-30"}
    indicators:
      budget_revenue:
        name: {en: Budget revenue, vi: Thu ngân sách}
        unit: {en: billion VND, vi: tỷ đồng}
        measure: flow
        dimensions: [district]
    targets:
      - id: budget-2025
        type: plan
        indicator: budget_revenue
        period: 2025
        value: 9000
        for_each: district
        overrides:
          Hải Châu: {value: 6000}
          Sơn Trà: {value: 3000}
    """
)
OBSERVATIONS = (
    "indicator,period,value,status,source,note,recorded_at\n"
    "budget_revenue[district=Hải Châu],2025,6100,official,,,2026-03-01T00:00:00Z\n"
    "budget_revenue[district=Sơn Trà],2025,2800,official,,,2026-03-01T00:00:00Z\n"
)


@pytest.mark.parametrize(
    ("lang", "heading", "hai_chau", "son_tra"),
    [
        ("en", "District", "Hai Chau District", "Sơn Trà (until 2026-06-30)"),
        ("vi", "Quận/huyện", "Hải Châu", "Sơn Trà (đến 30/06/2026)"),
    ],
)
def test_the_units_sheet_names_units_as_the_other_reports_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, heading: str, hai_chau: str, son_tra: str
) -> None:
    make_tracker(tmp_path, monkeypatch, TARGETS, OBSERVATIONS)
    assert run_clean("report", "-o", "r.xlsx", "--lang", lang, "--as-of", "2026-12-01").exit_code == 0
    ws = load_workbook(tmp_path / "r.xlsx")["budget-2025"]
    assert ws.cell(2, 2).value == heading
    units = [ws.cell(row, 2).value for row in range(3, ws.max_row + 1) if ws.cell(row, 2).value]
    assert units == [hai_chau, son_tra]
    html = run_clean("report", "--format", "html", "--lang", lang, "--as-of", "2026-12-01").stdout
    assert hai_chau in html and son_tra in html and heading in html
