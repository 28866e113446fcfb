"""Issue 17, twenty-third session: the revision legend names an indicator as a reader knows
it ("GRDP growth 2023: ..."), not by its id ("grdp_growth 2023: ..."). Each test was
written failing first; the names are written out by hand from targets.yaml, never copied
from qntrack's output."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean

SOURCE_2023 = (
    "https://vietnamnet.vn/tang-truong-grdp-quang-ninh-uoc-dat-11-03-dung-dau-khu-vuc-dong-bang-song-hong-2220375.html"
)
# targets.yaml, indicators: grdp_growth: name: {en: "GRDP growth", vi: "Tốc độ tăng trưởng
# GRDP"}, unit: {en: "% y/y", vi: "% so với cùng kỳ"}. observations.csv: grdp_growth 2023
# was 11.02, then 11.03 (estimate, recorded 2023-11-27, vietnamnet.vn) replaced it. The
# dates: 2023-11-27 in English, 27/11/2023 in Vietnamese; the decimal comma in Vietnamese.
LEGEND = {
    "en": f"[1] GRDP growth 2023: 11.02% y/y → 11.03% y/y (estimate, recorded 2023-11-27; source: {SOURCE_2023})",
    "vi": "[1] Tốc độ tăng trưởng GRDP 2023: 11,02% so với cùng kỳ → 11,03% so với cùng kỳ "
    f"(ước tính, ghi nhận 27/11/2023; nguồn: {SOURCE_2023})",
}


def _unwrapped(text: str) -> str:
    return " ".join(line.strip() for line in text.splitlines() if line.strip())


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_markdown_reports_legend_names_the_indicator(shipped: Path, lang: str):
    r = run_clean("--lang", lang, "report", "--format", "markdown")
    assert r.exit_code == 0, r.output
    out = re.sub(r"\\(.)", r"\1", r.stdout)  # as a Markdown reader shows it: "\[1\]" reads "[1]"
    assert LEGEND[lang] in _unwrapped(out)
    assert "grdp_growth 2023:" not in out


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_word_reports_legend_names_the_indicator(shipped: Path, tmp_path: Path, lang: str):
    path = tmp_path / "r.docx"
    assert run_clean("--lang", lang, "report", "--format", "docx", "-o", str(path)).exit_code == 0
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    text = re.sub(r"<[^>]+>", "", xml).replace("&amp;", "&")  # the document's words, runs joined
    assert LEGEND[lang] in text
    assert "grdp_growth 2023:" not in text


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_terminal_table_and_show_name_the_indicator_too(shipped: Path, lang: str):
    # One form everywhere a reader reads: the row with the mark still shows the id (the
    # status table's target column, show's "Indicator: GRDP growth [grdp_growth]").
    table = run_clean("--lang", lang, "status", "--format", "table", env={"COLUMNS": "400"})
    assert LEGEND[lang] in _unwrapped(table.stdout)
    show = run_clean("--lang", lang, "show", "grdp-double-digit", env={"COLUMNS": "400"})
    assert LEGEND[lang] in _unwrapped(show.stdout)


def test_json_and_csv_keep_the_ids(shipped: Path):
    # Data, not prose: the JSON's latest figure keeps its indicator's id and the value it
    # revised (11.02); no legend line there.
    doc = json.loads(run_clean("status", "--format", "json").stdout)
    target = next(t for t in doc["targets"] if t["id"] == "grdp-growth-plan-2023")
    assert target["indicator"] == "grdp_growth" and target["latest"]["revises"] == 11.02
    csv = run_clean("status", "--format", "csv").stdout
    assert "GRDP growth 2023:" not in csv


PLAN = """\
title: t
dimensions:
  locality:
    name: {en: Locality, vi: Địa phương}
    values: [{value: "Hạ Long"}]
indicators:
  rev:
    name: {en: Budget revenue, vi: Thu ngân sách}
    unit: {en: billion VND, vi: tỷ đồng}
    measure: flow
    frequency: year
    dimensions: [locality]
targets:
  - {id: r, type: plan, indicator: rev, period: 2024, value: 100, for_each: locality}
"""
STORE = (
    "indicator,period,value,status,source,note,recorded_at\n"
    "rev,2024,120,,S,,2025-01-10T00:00:00Z\n"
    "rev[locality=Hạ Long],2024,40,,A,,2025-01-10T00:00:00Z\n"
    "rev[locality=Hạ Long],2024,45,,B,,2025-02-10T00:00:00Z\n"
)


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        # Hạ Long's 2024 figure 45 (source B, recorded 2025-02-10) replaced 40; the unit's
        # series named by its indicator's name and the unit: "Budget revenue (Hạ Long)".
        ("en", "[1] Budget revenue (Hạ Long) 2024: 40 billion VND → 45 billion VND (recorded 2025-02-10; source: B)"),
        ("vi", "[1] Thu ngân sách (Hạ Long) 2024: 40 tỷ đồng → 45 tỷ đồng (ghi nhận 10/02/2025; nguồn: B)"),
    ],
)
def test_a_units_revision_is_named_by_its_indicator_and_unit(tmp_path: Path, monkeypatch, lang: str, line: str):
    make_tracker(tmp_path, monkeypatch, PLAN, STORE)
    r = run_clean("--lang", lang, "report", "--format", "markdown")
    assert r.exit_code == 0, r.output
    out = _unwrapped(re.sub(r"\\(.)", r"\1", r.stdout))
    assert line in out, out[-2000:]
    assert "rev[locality" not in out
