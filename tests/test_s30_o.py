"""Session 30, pass O: the outputs' leftovers of the twenty-ninth session.

1. A folder given where a file goes was offered "e.g. -o review.html" by the message no
   report reaches (``outputs_is_folder``, and its library twin), whatever the format.
2. ``export opensdg`` wrote ``indicator_name`` and ``graph_title`` with their markup raw,
   where Open SDG puts both into the page as HTML.
3. A second export from a plan that lost its Vietnamese names left the first export's
   ``translations/vi/*.yml`` behind, and a later export called them the site's own.
4. A ceiling met in its latest period, by a target already failed, had no gap in the
   status table and "-0.1 pp" in ``show``, the key figures and the workbook.
5. A Windows-1258 standard input in an English session was told of ``so-lieu.xlsx``.
6. The "since" table's "new" figure that a later row of the same table revised carried
   no mark, though it is no longer in force.
7. A retraction's note that the figure it revised does not come back gave that figure's
   moment as stored (2026-05-10T00:00:00Z), beside the withdrawal lines' day.
8. ``observations: data/.`` was told to write ``data/./observations.csv``.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import run_clean

PLAN = """\
version: 1
title: "Plan"
indicators:
  growth:
    name: {en: "GRDP growth", vi: "Tăng trưởng GRDP"}
    unit: "%"
    direction: increase
targets:
  - id: growth-plan
    indicator: growth
    type: plan
    period: 2025
    value: 10
"""

ROWS = "growth,2025,8.5,,NSO,,2026-01-10T00:00:00Z\n"


# 1. A folder where a file goes ---------------------------------------------------------


@pytest.mark.parametrize(("kind", "lang", "example"), [("docx", "en", "review.docx"), ("xlsx", "vi", "bao-cao.xlsx")])
def test_a_folder_is_offered_a_file_of_the_format_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str, lang: str, example: str
) -> None:
    # No command reaches this message (report -o names a file in the folder; export
    # sdmx-csv words it as an export): a caller of output_path with report=False does.
    from qntrack.catalog import render
    from qntrack.errors import InputError
    from qntrack.files.outputs import output_path

    monkeypatch.chdir(tmp_path)
    (tmp_path / "out").mkdir()
    with pytest.raises(InputError) as caught:
        output_path("out", kind)
    said = render(caught.value.problems[0].message, lang)
    assert said.endswith(f"-o {example}"), said
    assert "review.html" not in said


def test_the_library_twin_names_the_format_too() -> None:
    from qntrack.catalog import msg, render
    from qntrack.files.example_name import example

    said = render(msg("library_outputs_is_folder", **example("out", "pdf")), "en")
    assert said.endswith('"review.pdf"'), said


def test_an_export_into_a_folder_keeps_its_csv_example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_tracker(tmp_path, monkeypatch, PLAN, STORE_HEADER + ROWS)
    (tmp_path / "out").mkdir()
    r = run_clean("export", "sdmx-csv", "-o", "out")
    assert r.exit_code == 2
    assert r.stderr == "out: error: is a folder; give a file name, e.g. -o figures.csv\n"


# 2. Open SDG's names with markup -----------------------------------------------------------

MARKUP_PLAN = """\
version: 1
title: "Plan"
indicators:
  co2:
    name: "CO<sub>2</sub> emissions <script>alert(1)</script>"
    unit: "kt"
    direction: decrease
targets:
  - id: co2-plan
    indicator: co2
    type: plan
    period: 2025
    value: 100
"""


def test_the_indicator_name_and_graph_title_are_escaped_and_read_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Open SDG writes indicator_name into the page's <h1> and graph_title into the chart's
    # <h3> and a data-charttitle="..." attribute, all through Liquid without escaping: HTML
    # passes (the script would run). An entity is shown as its character in all three:
    # the attribute is decoded before the chart's script sets the title as text.
    import yaml

    make_tracker(tmp_path, monkeypatch, MARKUP_PLAN, STORE_HEADER + "co2,2024,120,,NSO,,2025-03-01T00:00:00Z\n")
    r = run_clean("export", "opensdg", "--into", "site")
    assert r.exit_code == 0, r.stderr
    text = (tmp_path / "site" / "meta" / "co2.md").read_text(encoding="utf-8")
    meta = yaml.safe_load(text.split("---\n")[1])
    shown = "CO&lt;sub&gt;2&lt;/sub&gt; emissions &lt;script&gt;alert(1)&lt;/script&gt;"
    assert meta["indicator_name"] == shown
    assert meta["graph_title"] == shown
    assert "<script>" not in text
    r = run_clean("import", "opensdg", "site", "--into", "back", "--recorded-at", "2026-01-01")
    assert r.exit_code == 0, r.stderr
    plan = yaml.safe_load((tmp_path / "back" / "targets.yaml").read_text(encoding="utf-8"))
    (indicator,) = plan["indicators"].values()
    assert indicator["name"] == "CO<sub>2</sub> emissions <script>alert(1)</script>"


# 3. A second export without the Vietnamese names ----------------------------------------------


def test_an_export_without_vietnamese_removes_the_translations_an_earlier_export_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_tracker(tmp_path, monkeypatch, PLAN, STORE_HEADER + ROWS)
    site = folder / "site"
    assert run_clean("export", "opensdg", "--into", "site").exit_code == 0
    assert (site / "translations" / "vi" / "metadata_fields.yml").is_file()
    (site / "translations" / "vi" / "own.yml").write_text("x: y\n", encoding="utf-8")  # the site's own
    plan = folder / "targets.yaml"
    plan.write_text(PLAN.replace('{en: "GRDP growth", vi: "Tăng trưởng GRDP"}', '"GRDP growth"'), encoding="utf-8")
    r = run_clean("export", "opensdg", "--into", "site")
    assert r.exit_code == 0, r.stderr
    # The files the marker listed are gone; the one no export wrote stays.
    assert not (site / "translations" / "vi" / "metadata_fields.yml").exists()
    assert (site / "translations" / "vi" / "own.yml").read_text(encoding="utf-8") == "x: y\n"
    # The names come back: written as the export's again, never "the site's own".
    plan.write_text(PLAN, encoding="utf-8")
    r = run_clean("export", "opensdg", "--into", "site")
    assert r.exit_code == 0, r.stderr
    assert "site's own" not in r.stderr
    assert "translations/vi/metadata_fields.yml" in (site / ".qntrack-export").read_text(encoding="utf-8")


def test_a_language_folder_the_export_emptied_is_removed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = make_tracker(tmp_path, monkeypatch, PLAN, STORE_HEADER + ROWS)
    assert run_clean("export", "opensdg", "--into", "site").exit_code == 0
    (folder / "targets.yaml").write_text(PLAN.replace(', vi: "Tăng trưởng GRDP"', ""), encoding="utf-8")
    assert run_clean("export", "opensdg", "--into", "site").exit_code == 0
    # As a fresh export of the plan writes it: no translations folder at all.
    assert not (folder / "site" / "translations").exists()


# 4. A ceiling's gap, one reading ------------------------------------------------------------

CEILING_PLAN = """\
version: 1
title: "Plan"
indicators:
  cpi:
    name: "CPI inflation"
    unit: "%"
    direction: decrease
    frequency: month
targets:
  - id: cpi-ceiling
    type: every_period
    indicator: cpi
    at_most: 4
    from: 2025-01
    to: 2025-03
"""


def _ceiling(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, march: str) -> Path:
    rows = (
        "cpi,2025-01,3.2,,NSO,,2026-02-10T00:00:00Z\n"
        "cpi,2025-02,4.4,,NSO,,2026-03-10T00:00:00Z\n"
        f"cpi,2025-03,{march},,NSO,,2026-04-10T00:00:00Z\n"
    )
    return make_tracker(tmp_path, monkeypatch, CEILING_PLAN, STORE_HEADER + rows)


def _gap_line(text: str) -> str:
    return next(line for line in text.splitlines() if line.startswith("Gap ")).split(None, 1)[1].strip()


def _workbook_gap(folder: Path) -> object:
    from openpyxl import load_workbook

    assert run_clean("report", "-o", "r.xlsx").exit_code == 0
    sheet = load_workbook(folder / "r.xlsx")["Summary"]
    heads = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if "cpi-ceiling" in [c.value for c in r])
    return row[heads.index("Gap")].value


def test_a_ceiling_met_by_a_failed_target_has_no_gap_anywhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # February's 4.4 broke the ceiling of 4 for good; March's 3.9 is under it: 4 - 3.9
    # leaves nothing to close. The table said "–", show and the key figures "-0.1 pp
    # (2025-03)", the workbook "below the target by 0.1 pp" beside "Not achieved".
    folder = _ceiling(tmp_path, monkeypatch, "3.9")
    table = run_clean("status", "--format", "table", env={"COLUMNS": "160"}).stdout
    assert "Not achieved" in table and "0.1" not in table
    shown = run_clean("show", "cpi-ceiling", env={"COLUMNS": "160"}).stdout
    assert _gap_line(shown) == "–", shown
    report = run_clean("report", "--format", "markdown").stdout
    assert "-0.1 pp" not in report and "below the target" not in report
    assert _workbook_gap(folder) is None
    # The JSON keeps the number (a documented field: the latest period's gap).
    import json

    doc = json.loads(run_clean("status", "--format", "json").stdout)
    assert doc["targets"][0]["gap"] == pytest.approx(-0.1)


def test_a_ceiling_exceeded_has_its_gap_everywhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # March's 4.4 is over the ceiling of 4 by 0.4 points: a gap, said alike by each.
    folder = _ceiling(tmp_path, monkeypatch, "4.4")
    table = run_clean("status", "--format", "table", env={"COLUMNS": "160"}).stdout
    assert "0.4 pp (2025-03)" in table
    shown = run_clean("show", "cpi-ceiling", env={"COLUMNS": "160"}).stdout
    assert _gap_line(shown) == "0.4 pp (2025-03)"
    report = run_clean("report", "--format", "markdown").stdout
    assert report.count("| 0.4 pp (March 2025) |") == 2  # the summary's row and the key figures
    assert _workbook_gap(folder) == pytest.approx(0.4)


# 5. A Windows-1258 standard input in English --------------------------------------------------


@pytest.mark.parametrize(("lang", "book"), [("en", "figures.xlsx"), ("vi", "so-lieu.xlsx")])
def test_a_windows_1258_stdin_is_told_the_sessions_example_workbook(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, book: str
) -> None:
    make_tracker(tmp_path, monkeypatch, PLAN, STORE_HEADER)
    text = "indicator,period,value,source\ngrowth,2025,8.5,Cu\u0323c Thô\u0301ng kê\n"
    r = run_clean("--lang", lang, "add-observation", "--from", "-", input=io.BytesIO(text.encode("cp1258")).read())
    assert r.exit_code == 1, r.output
    assert f"add-observation --from {book})" in r.stderr, r.stderr
    other = "so-lieu.xlsx" if lang == "en" else "figures.xlsx"
    assert other not in r.stderr


# 6. The since table's superseded "new" figure ----------------------------------------------------


def test_a_new_figure_revised_within_the_since_table_is_marked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = "growth,2025,8.5,estimate,NSO,,2026-01-10T00:00:00Z\ngrowth,2025,8.7,,NSO,,2026-03-10T00:00:00Z\n"
    make_tracker(tmp_path, monkeypatch, PLAN, STORE_HEADER + rows)
    r = run_clean("report", "--format", "markdown", "--since", "2026-01-01")
    assert r.exit_code == 0, r.stderr
    lines = [line for line in r.stdout.splitlines() if line.startswith("| GRDP growth (growth) |")]
    new, revised = lines
    # The 8.5 recorded as new is no longer in force: the mark its revision's Before cell
    # carries, one legend line for both.
    assert "| 8.5%\\[1\\] |" in new and "| new |" in new, new
    assert "| 8.5%\\[1\\] |" in revised and "| revised |" in revised, revised
    assert r.stdout.count("\\[1\\] GRDP growth (growth) 2025: 8.5%") == 1
    assert "\\[2\\]" not in r.stdout


def test_a_new_figure_in_force_is_not_marked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_tracker(tmp_path, monkeypatch, PLAN, STORE_HEADER + ROWS)
    r = run_clean("report", "--format", "markdown", "--since", "2026-01-01")
    row = next(line for line in r.stdout.splitlines() if line.startswith("| GRDP growth (growth) |"))
    assert "| 8.5% |" in row and "\\[1\\]" not in r.stdout


# 7. A retraction's note of the figure that does not come back ----------------------------------


@pytest.mark.parametrize(("lang", "day"), [("en", "2026-05-10"), ("vi", "10/05/2026")])
def test_the_figure_that_does_not_come_back_is_dated_as_the_other_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, day: str
) -> None:
    rows = "growth,2025,4.1,,NSO,,2026-05-10T00:00:00Z\ngrowth,2025,41,,NSO,,2026-06-10T00:00:00Z\n"
    folder = make_tracker(tmp_path, monkeypatch, PLAN, STORE_HEADER + rows)
    r = run_clean("--lang", lang, "retract", "growth", "2025", "--dry-run")
    assert r.exit_code == 0, r.stderr
    assert f"4.1 (recorded {day})" in r.stderr or f"4,1 (ghi nhận {day})" in r.stderr, r.stderr
    assert "T00:00:00Z" not in r.stderr
    (folder / "in.csv").write_text("indicator,period,value,status\ngrowth,2025,,retracted\n", encoding="utf-8")
    r = run_clean("--lang", lang, "add-observation", "--from", "in.csv")
    assert r.exit_code == 0, r.stderr
    assert "T00:00:00Z" not in r.stderr, r.stderr
    assert day in r.stderr


# 8. observations: data/. ----------------------------------------------------------------------


@pytest.mark.parametrize("value", ["data/.", "data/./", "./data/.", "data//"])
def test_a_folder_written_with_a_dot_is_given_a_tidy_example(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    folder = make_tracker(
        tmp_path, monkeypatch, PLAN.replace("version: 1\n", f"version: 1\nobservations: {value}\n"), ""
    )
    (folder / "data").mkdir()
    r = run_clean("status")
    assert r.exit_code == 1
    expected = "./data/observations.csv" if value.startswith("./") else "data/observations.csv"
    assert r.stderr.rstrip().endswith(f"e.g. observations: {expected}"), r.stderr
