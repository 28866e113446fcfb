"""What an indicator's description and a target's words reach, in every output (issue 17,
twenty-ninth session, pass Z).

The twenty-eighth session gave an indicator a ``description: {en, vi}`` and a target its
``note`` and ``source`` in both languages; `indicators --format json|csv` and the reports
print them. Here: the status JSON and CSV carry them too, the Open SDG export's schema
(``_prose.yml``) lists every field its metadata holds, with Open SDG's translation keys,
and the words survive a line break, a tab, a ``|``, a ``"``, ``<script>`` and a text given
in one language only. Every expected text below is written by hand from the plan.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from conftest import dedent, make_tracker
from helpers import run_clean

DESC_EN = 'Line one\nline two\twith a tab | a pipe "quoted" <script>alert(1)</script>'
DESC_VI = 'Dòng một\ndòng hai\tcó tab | ống "trích" <script>alert(2)</script>'
NOTE_EN = 'Note line 1\nNote line 2 | "q" <script>n</script>'
NOTE_VI = "Ghi chú dòng 1\ndòng 2"
SOURCE_EN = 'Resolution 01 | "A"'
SOURCE_VI = "Nghị quyết 01"

PLAN = dedent(
    r"""
    version: 1
    title: "Words"
    indicators:
      share:
        name: {en: "Manufacturing share", vi: "Tỷ trọng chế biến"}
        unit: "%"
        direction: increase
        description:
          en: "Line one\nline two\twith a tab | a pipe \"quoted\" <script>alert(1)</script>"
          vi: "Dòng một\ndòng hai\tcó tab | ống \"trích\" <script>alert(2)</script>"
      mining:
        name: "Mining share"
        unit: "%"
        direction: decrease
        description: {vi: "Chỉ có mô tả tiếng Việt"}
      fdi:
        name: "FDI"
        unit: "million USD"
        direction: increase
    targets:
      - id: share
        indicator: share
        source: {en: "Resolution 01 | \"A\"", vi: "Nghị quyết 01"}
        note: {en: "Note line 1\nNote line 2 | \"q\" <script>n</script>", vi: "Ghi chú dòng 1\ndòng 2"}
        baseline: {period: 2020, value: 9.8}
        milestones:
          - {by: 2025, value: 15}
      - id: mining
        indicator: mining
        note: {en: "Only in English"}
        baseline: 2015
      - id: fdi
        indicator: fdi
        baseline: {period: 2020, value: 100}
        milestones:
          - {by: 2025, value: 200}
    """
)
OBS = dedent(
    """
    indicator,period,value,status,source,note,recorded_at
    share,2021,11.3,estimate,src-a,,2022-01-10T00:00:00Z
    share,2023,12.3,estimate,src-c,,2023-10-15T00:00:00Z
    mining,2015,21.3,,src-e,,2016-01-01T00:00:00Z
    mining,2020,17.3,estimate,src-f,,2020-10-15T00:00:00Z
    fdi,2020,100,,src-g,,2021-01-01T00:00:00Z
    fdi,2022,150,,src-g,,2023-01-01T00:00:00Z
    """
)


@pytest.fixture
def words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "plan"
    folder.mkdir()
    return make_tracker(folder, monkeypatch, PLAN, OBS)


def _out(*args: str) -> str:
    r = run_clean(*args)
    assert r.exit_code == 0, r.output
    return r.stdout


# --- 1. the status JSON and CSV carry the indicator's description ------------------------


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_status_json_ends_each_target_with_its_indicators_description(words: Path, lang: str) -> None:
    items = {t["id"]: t for t in json.loads(_out("status", "--format", "json", "--lang", lang))["targets"]}
    # Added last, after note_names; the same whatever --lang says, as names is.
    assert list(items["share"])[-3:] == ["source_names", "note_names", "description_names"]
    assert items["share"]["description_names"] == {"en": DESC_EN, "vi": DESC_VI}
    # Only the Vietnamese given: it stands in for the English, as a name's does.
    assert items["mining"]["description_names"] == {"en": "Chỉ có mô tả tiếng Việt", "vi": "Chỉ có mô tả tiếng Việt"}
    assert items["fdi"]["description_names"] is None


def test_show_json_carries_it_too(words: Path) -> None:
    doc = json.loads(_out("show", "share", "--format", "json"))
    assert doc["description_names"] == {"en": DESC_EN, "vi": DESC_VI}


def test_the_status_csv_ends_with_the_note_and_the_description_in_both_languages(words: Path) -> None:
    rows = list(csv.reader(io.StringIO(_out("status", "--format", "csv"))))
    # One row a target: a line break inside a text stays inside its quoted cell.
    assert len(rows) == 4 and len({len(r) for r in rows}) == 1
    head = rows[0]
    # Then not_counted, added last in the thirty-sixth session.
    assert head[-8:-2] == ["source_vi", "note", "note_vi", "description", "description_vi", "not_counted"]
    by_id = {r[0]: dict(zip(head, r, strict=True)) for r in rows[1:]}
    share = by_id["share"]
    assert (share["note"], share["note_vi"]) == (NOTE_EN, NOTE_VI)
    assert (share["description"], share["description_vi"]) == (DESC_EN, DESC_VI)
    assert (by_id["mining"]["note"], by_id["mining"]["note_vi"]) == ("Only in English", "Only in English")
    assert by_id["mining"]["description"] == "Chỉ có mô tả tiếng Việt"
    assert [by_id["fdi"][k] for k in ("note", "note_vi", "description", "description_vi")] == ["", "", "", ""]


def test_the_status_tsv_keeps_each_text_in_one_cell(words: Path) -> None:
    lines = _out("status", "--format", "tsv").splitlines()
    assert len(lines) == 4
    head, share = lines[0].split("\t"), dict(zip(lines[0].split("\t"), lines[1].split("\t"), strict=True))
    assert len(lines[1].split("\t")) == len(head)
    # TSV has no quoting: a line break or a tab in a text is a space there.
    assert share["description"] == 'Line one line two with a tab | a pipe "quoted" <script>alert(1)</script>'
    assert share["note_vi"] == "Ghi chú dòng 1 dòng 2"


def test_a_dimension_cannot_take_the_new_columns_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # status --by prints a unit's dimension columns beside these: a dimension `description`
    # would give the CSV two columns of one name (as `source_vi` before them).
    plan = dedent(
        """
        version: 1
        dimensions:
          description:
            name: Description
        indicators:
          x:
            name: X
            dimensions: [description]
        targets:
          - id: x
            indicator: x
        """
    )
    make_tracker(tmp_path, monkeypatch, plan, "indicator,period,value,status,source,note,recorded_at\n")
    r = run_clean("check")
    assert r.exit_code == 1 and "description" in r.stderr


# --- 4. show prints the indicator's description, in the language asked --------------------


@pytest.mark.parametrize("lang, first, label", [("en", "Line one", "Description"), ("vi", "Dòng một", "Mô tả")])
def test_show_prints_the_description_in_the_language_asked(words: Path, lang: str, first: str, label: str) -> None:
    r = run_clean("show", "share", "--lang", lang, env={"COLUMNS": "120"})
    assert r.exit_code == 0, r.output
    assert label in r.stdout and first in r.stdout


# --- 2. the Open SDG export's schema names every field its metadata holds -----------------

EXPORT_PLAN = dedent(
    r"""
    version: 1
    title: "Export words"
    indicators:
      1_1_1:
        name: {en: "Employment rate", vi: "Tỷ lệ có việc làm"}
        unit: "%"
        direction: increase
        description:
          en: "Line one\nline two\twith a tab | a pipe \"quoted\" <script>alert(1)</script>"
          vi: "Dòng một\ndòng hai\tcó tab | ống \"trích\" <script>alert(2)</script>"
      share:
        name: "Manufacturing share"
        unit: "%"
        direction: increase
    targets:
      - id: employment
        type: open_sdg
        indicator: 1_1_1
        note: {en: "Employment at 70% by 2030 | \"full\"", vi: "Tỷ lệ có việc làm 70% vào năm 2030"}
        target: 70
        target_year: 2030
      - id: share
        indicator: share
        baseline: {period: 2020, value: 10}
        milestones:
          - {by: 2030, value: 20}
    """
)
EXPORT_OBS = dedent(
    """
    indicator,period,value,status,source,note,recorded_at
    1_1_1,2015,60.5,,Labour Force Survey https://example.org/lfs,,2016-01-10T00:00:00Z
    1_1_1,2020,63.0,,Labour Force Survey https://example.org/lfs,,2021-01-10T00:00:00Z
    share,2020,10,,Statistical yearbook,,2021-03-01T00:00:00Z
    share,2023,13,,Statistical yearbook,,2024-03-01T00:00:00Z
    """
)


@pytest.fixture
def exported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "plan"
    folder.mkdir()
    make_tracker(folder, monkeypatch, EXPORT_PLAN, EXPORT_OBS)
    r = run_clean("export", "opensdg", "--into", "../site")
    assert r.exit_code == 0, r.output
    return tmp_path / "site"


def _yaml(path: Path) -> dict:
    import yaml

    text = path.read_text(encoding="utf-8")
    if text.startswith("---\n"):
        text = text[4:].split("\n---\n")[0]
    return yaml.safe_load(text)


def _schema(site: Path) -> dict[str, dict]:
    return {f["name"]: f["field"] for f in _yaml(site / "_prose.yml")["prose"]["metadata"]["meta"]}


def test_the_schema_names_every_field_the_metadata_holds(exported: Path) -> None:
    schema = _schema(exported)
    written = {key for path in (exported / "meta").glob("*.md") for key in _yaml(path)}
    assert {"national_indicator_description", "target_name", "source_organisation_1"} <= written
    # progress_calculation_options is a list, which a Prose.io field cannot hold; Open SDG's
    # own data starter leaves it out of its schema too, and its build reads it as it is.
    assert written - {"progress_calculation_options"} <= set(schema)


def test_each_shown_field_has_open_sdgs_translation_key_and_tab(exported: Path) -> None:
    schema = _schema(exported)
    # As open-sdg-data-starter's _prose.yml gives them; the keys are sdg-translations'
    # metadata_fields (target_name's is metadata_fields.target there).
    assert schema["national_indicator_description"] == {
        "element": "text",
        "label": "Indicator description",
        "translation_key": "metadata_fields.national_indicator_description",
        "scope": "national",
    }
    assert schema["target_name"]["translation_key"] == "metadata_fields.target"
    assert schema["target_name"]["scope"] == "global"
    assert schema["indicator_name"]["translation_key"] == "metadata_fields.indicator_name"
    assert schema["computation_units"]["scope"] == "national"
    assert schema["source_organisation_1"]["scope"] == "source_1"
    assert schema["source_organisation_1"]["translation_key"] == "metadata_fields.source_organisation_1"
    # No field is labelled with its own raw key (what the site showed as its heading).
    assert all(field["label"] != name for name, field in schema.items())


def test_a_vietnamese_site_has_the_field_labels_in_vietnamese(exported: Path) -> None:
    # sdg-translations has no Vietnamese: without these the Vietnamese site would show the
    # keys themselves ("metadata_fields.national_indicator_description") as headings.
    labels = _yaml(exported / "translations" / "vi" / "metadata_fields.yml")
    assert labels["national_indicator_description"] == "Mô tả chỉ tiêu"
    assert labels["target"] == "Mục tiêu"
    assert labels["indicator_name"] == "Tên chỉ tiêu"
    assert labels["computation_units"] == "Đơn vị tính"
    assert labels["source_organisation_1"] == "Cơ quan cung cấp"
    # Every key the schema gives a shown field has its label.
    keys = {f["translation_key"].split(".", 1)[1] for f in _schema(exported).values() if "scope" in f}
    assert keys <= set(labels)


def test_an_english_only_plan_writes_no_vietnamese_labels(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = EXPORT_PLAN.replace('{en: "Employment rate", vi: "Tỷ lệ có việc làm"}', '"Employment rate"')
    # The description's three lines left out.
    gone = ("description:", 'en: "Line one', 'vi: "Dòng một')
    plan = "\n".join(line for line in plan.splitlines() if not line.strip().startswith(gone)) + "\n"
    plan = plan.replace(', vi: "Tỷ lệ có việc làm 70% vào năm 2030"', "")
    folder = tmp_path / "plan"
    folder.mkdir()
    make_tracker(folder, monkeypatch, plan, EXPORT_OBS)
    assert run_clean("export", "opensdg", "--into", "../site").exit_code == 0
    assert not (tmp_path / "site" / "translations").exists()


def test_the_export_imports_back_with_the_same_words_and_statuses(exported: Path) -> None:
    from qntrack.files.opensdg_run import import_opensdg
    from qntrack.files.workspace import open_workspace
    from qntrack.kinds import assess

    import_opensdg(exported, exported.parent / "back", "2025-01-01")
    before, after = open_workspace(None), open_workspace(str(exported.parent / "back" / "targets.yaml"))
    # Open SDG's metadata holds one line: a line break or a tab comes back as a space.
    assert after.plan.indicators["1_1_1"].description.en == DESC_EN.replace("\n", " ").replace("\t", " ")
    (target,) = after.plan.targets
    assert target.note.en == 'Employment at 70% by 2030 | "full"'

    def judged(ws) -> list[tuple[str, str, float | None]]:
        return [
            (a.target.indicator, a.status.value, a.score)
            for a in assess(ws.plan, ws.series)
            if a.target.kind == "open_sdg"
        ]

    # By hand: 60.5 (2015) to 63.0 (2020) against 70 by 2030: (63/60.5)^(1/5) - 1 = 0.00813
    # over (70/60.5)^(1/15) - 1 = 0.00977 is 0.83: moderate progress.
    assert [s for _, s, _ in judged(before)] == ["moderate_progress"]
    assert judged(after) == judged(before)


# --- 4. every output, with hostile words ------------------------------------------------

URL = "https://thongke.quangninh.gov.vn/" + "bao-cao-" * 15 + "2025.pdf"


@pytest.mark.parametrize("field", ["note", "source", "description"])
def test_show_folds_a_long_address_rather_than_cutting_it(words: Path, field: str) -> None:
    # The facts' table cut a word wider than its column with an ellipsis: the address of
    # the source was lost at a terminal's 80 columns.
    plan = (words / "targets.yaml").read_text(encoding="utf-8")
    text = f"See {URL} for the table"
    if field == "description":
        plan = plan.replace('description: {vi: "Chỉ có mô tả tiếng Việt"}', f'description: "{text}"')
    else:
        plan = plan.replace('note: {en: "Only in English"}', f'{field}: "{text}"')
    (words / "targets.yaml").write_text(plan, encoding="utf-8")
    r = run_clean("show", "mining", env={"COLUMNS": "80"})
    assert r.exit_code == 0, r.output
    assert "…" not in r.stdout
    assert URL in "".join(r.stdout.split())


def test_the_export_escapes_markup_in_the_texts_open_sdg_renders_as_html(exported: Path) -> None:
    # Open SDG renders a metadata field through markdownify (its metadata.html), which lets
    # HTML through: a plan's "<script>" ran on the published site. Written as entities, the
    # site shows the characters typed.
    meta = _yaml(exported / "meta" / "1-1-1.md")
    assert meta["national_indicator_description"] == (
        'Line one\nline two\twith a tab | a pipe "quoted" &lt;script&gt;alert(1)&lt;/script&gt;'
    )
    assert meta["target_name"] == 'Employment at 70% by 2030 | "full"'


def test_a_figures_source_with_markup_is_escaped_and_read_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "plan"
    folder.mkdir()
    make_tracker(folder, monkeypatch, EXPORT_PLAN, EXPORT_OBS.replace("Statistical yearbook", "Yearbook <b>2024</b>"))
    assert run_clean("export", "opensdg", "--into", "../site").exit_code == 0
    meta = _yaml(tmp_path / "site" / "meta" / "share.md")
    assert meta["source_organisation_1"] == meta["source_url_text_1"] == "Yearbook &lt;b&gt;2024&lt;/b&gt;"
    from qntrack.files.opensdg_run import import_opensdg

    import_opensdg(tmp_path / "site", tmp_path / "back", "2025-01-01")
    # The import gives each figure its indicator's sources, as typed.
    rows = (tmp_path / "back" / "observations.csv").read_text(encoding="utf-8")
    assert "Yearbook <b>2024</b>" in rows and "&lt;" not in rows


def test_the_reports_keep_each_text_in_its_place_and_escaped(words: Path) -> None:
    # Held already (pinned here): HTML escapes the markup, Markdown escapes it and the pipe
    # and keeps each text on its line, the workbook keeps the note in one cell.
    html = _out("report", "--format", "html")
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    md = _out("report", "--format", "markdown")
    (line,) = [x for x in md.splitlines() if "Line one" in x]
    assert line.endswith('Line one line two with a tab \\| a pipe "quoted" \\<script\\>alert(1)\\</script\\>')
    import openpyxl

    assert run_clean("report", "-o", "r.xlsx").exit_code == 0
    ws = openpyxl.load_workbook(words / "r.xlsx")["Summary"]
    notes = [c.value for c in ws["AA"][1:]]
    assert NOTE_EN in notes and "Only in English" in notes
