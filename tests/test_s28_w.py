"""Session 28, pass W: an indicator's description through Open SDG's metadata, and the
workbook's Summary marking a sum whose month was revised.

Open SDG's own sample (tests/data/opensdg-sample, meta/3-10-1.md) writes an indicator's
description as ``national_indicator_description``; the export wrote none and the import
read none back. Expected values are the texts typed below."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl

import pytest
import yaml

from conftest import dedent, make_tracker
from helpers import run_clean

DESCRIBED = "Share of people aged 15 and over who worked at least one hour in the week."
TARGETS = dedent(
    f"""
    version: 1
    title: "Description test"
    indicators:
      employment:
        name: {{en: Employment rate, vi: Tỷ lệ có việc làm}}
        unit: "%"
        description: {{en: "{DESCRIBED}", vi: "Tỷ lệ người có việc làm."}}
      plain:
        name: Plain
    targets:
      - id: employment
        indicator: employment
        baseline: {{period: 2020, value: 60}}
        milestones:
          - {{by: 2030, value: 70}}
    """
)
OBSERVATIONS = dedent(
    """
    indicator,period,value,status,source,note,recorded_at
    employment,2020,60,,Survey,,2021-01-10T00:00:00Z
    plain,2020,5,,Survey,,2021-01-10T00:00:00Z
    """
)


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "plan"
    folder.mkdir()
    return make_tracker(folder, monkeypatch, TARGETS, OBSERVATIONS)


def _front(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])


def test_export_writes_the_english_description_as_opensdg_does(plan: Path) -> None:
    r = run_clean("export", "opensdg", "--into", "../site")
    assert r.exit_code == 0, r.output
    meta = _front(plan.parent / "site" / "meta" / "employment.md")
    assert meta["national_indicator_description"] == DESCRIBED
    # An indicator with no description gets no empty field.
    assert "national_indicator_description" not in _front(plan.parent / "site" / "meta" / "plain.md")


def test_import_reads_the_description_back_into_the_plan(plan: Path) -> None:
    assert run_clean("export", "opensdg", "--into", "../site").exit_code == 0
    into = plan.parent / "back"
    r = run_clean("import", "opensdg", str(plan.parent / "site"), "--into", str(into), "--recorded-at", "2025-11-01")
    assert r.exit_code == 0, r.output
    plan_back = yaml.safe_load((into / "targets.yaml").read_text(encoding="utf-8"))
    assert plan_back["indicators"]["employment"]["description"] == DESCRIBED
    assert "description" not in plan_back["indicators"]["plain"]


SITES = (
    "---\n"
    "indicator_name: Employment rate\n"
    "national_indicator_description: |-\n"
    "  Share of people aged 15 and over who worked\n"
    "  at least one hour in the week.\n"
    "---\n"
)


def test_the_sites_own_lines_of_the_same_description_are_kept(plan: Path) -> None:
    # The import reads the site's lines as one (DESCRIBED): exporting that plan back
    # leaves the site's own line breaks as it wrote them.
    meta = plan.parent / "site" / "meta"
    meta.mkdir(parents=True)
    (meta / "employment.md").write_text(SITES, encoding="utf-8")
    assert run_clean("export", "opensdg", "--into", "../site", "--force").exit_code == 0
    text = (meta / "employment.md").read_text(encoding="utf-8")
    assert "  Share of people aged 15 and over who worked\n  at least one hour in the week.\n" in text
    assert _front(meta / "employment.md")["national_indicator_description"] == (
        "Share of people aged 15 and over who worked\nat least one hour in the week."
    )


def test_a_description_the_plan_changed_replaces_the_sites(plan: Path) -> None:
    meta = plan.parent / "site" / "meta"
    meta.mkdir(parents=True)
    (meta / "employment.md").write_text(SITES.replace("worked", "were paid"), encoding="utf-8")
    assert run_clean("export", "opensdg", "--into", "../site", "--force").exit_code == 0
    assert _front(meta / "employment.md")["national_indicator_description"] == DESCRIBED


# --- the workbook's Summary: a month of a sum revised -----------------------------------

from test_s27_d import _SUM_PLAN, _SUM_ROWS  # noqa: E402


def test_summary_ends_with_the_parts_of_a_sum_revised_as_status_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # January to March added up (30 + 40 + 30 = 100) for 2025 so far; February's 30
    # (estimate, MOIT) was revised to 40: the sum rests on a revised month.
    folder = make_tracker(tmp_path, monkeypatch, _SUM_PLAN, _SUM_ROWS)
    doc = json.loads(run_clean("status", "--format", "json", "--as-of", "2025-05-01").stdout)
    (target,) = doc["targets"]
    parts = target["provisional"]["parts_revised"]
    assert [(p["period"], p["revises"]) for p in parts] == [("2025-02", 30)]
    books = {}
    for lang in ("en", "vi"):
        out = folder / f"book-{lang}.xlsx"
        r = run_clean("report", "-o", str(out), "--as-of", "2025-05-01", "--lang", lang, "--force")
        assert r.exit_code == 0, r.output
        books[lang] = openpyxl.load_workbook(out)["Summary" if lang == "en" else "Tổng hợp"]
    ws = books["en"]
    header = [c.value for c in ws[1]]
    # Every column before it where it was: the note 27th, then the parts revised.
    assert header[26] == "Note" and header[27] == "Periods added up that were revised (figure replaced)"
    row = [c.value for c in ws[2]]
    assert row[7] == 100 and row[27] == "2025-02: 30"
    vi = books["vi"]
    assert [c.value for c in vi[1]][27] == "Kỳ được cộng dồn đã điều chỉnh (số liệu trước điều chỉnh)"
    assert [c.value for c in vi[2]][27] == "2025-02: 30"


# --- a broken-down target's sheet: the target's note ------------------------------------

from test_s28_a import UNIT_OBSERVATIONS, UNIT_TARGETS  # noqa: E402

NOTED = UNIT_TARGETS.replace(
    "    for_each: locality\n",
    "    for_each: locality\n"
    '    note: {en: "Revenue collected in the province only.", vi: "Chỉ tính thu trên địa bàn tỉnh."}\n',
)


@pytest.mark.parametrize(
    ("lang", "said", "other"),
    [
        ("en", "Note: Revenue collected in the province only.", "Chỉ tính"),
        ("vi", "Ghi chú: Chỉ tính thu trên địa bàn tỉnh.", "Revenue collected"),
    ],
)
def test_a_units_sheet_says_its_targets_note_under_its_title(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str, other: str
) -> None:
    folder = make_tracker(tmp_path, monkeypatch, NOTED, UNIT_OBSERVATIONS)
    out = folder / "book.xlsx"
    r = run_clean("report", "-o", str(out), "--as-of", "2025-06-30", "--lang", lang, "--force")
    assert r.exit_code == 0, r.output
    ws = openpyxl.load_workbook(out)["revenue-2024"]
    title = ws["A1"].value
    # The title as it was, then the note: the table stays where it was, headers on row 2.
    assert title.startswith("Budget revenue" if lang == "en" else "Thu ngân sách") and "(revenue-2024)" in title
    assert title.endswith(said) and other not in title
    assert ws.freeze_panes == "A3"


def test_a_units_sheet_without_a_note_keeps_its_title(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = make_tracker(tmp_path, monkeypatch, UNIT_TARGETS, UNIT_OBSERVATIONS)
    out = folder / "book.xlsx"
    assert run_clean("report", "-o", str(out), "--as-of", "2025-06-30", "--force").exit_code == 0
    title = openpyxl.load_workbook(out)["revenue-2024"]["A1"].value
    assert title.endswith("(revenue-2024): units best to worst")
