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
    assert head[-5:] == ["source_vi", "note", "note_vi", "description", "description_vi"]
    by_id = {r[0]: dict(zip(head, r)) for r in rows[1:]}
    share = by_id["share"]
    assert (share["note"], share["note_vi"]) == (NOTE_EN, NOTE_VI)
    assert (share["description"], share["description_vi"]) == (DESC_EN, DESC_VI)
    assert (by_id["mining"]["note"], by_id["mining"]["note_vi"]) == ("Only in English", "Only in English")
    assert by_id["mining"]["description"] == "Chỉ có mô tả tiếng Việt"
    assert [by_id["fdi"][k] for k in ("note", "note_vi", "description", "description_vi")] == ["", "", "", ""]


def test_the_status_tsv_keeps_each_text_in_one_cell(words: Path) -> None:
    lines = _out("status", "--format", "tsv").splitlines()
    assert len(lines) == 4
    head, share = lines[0].split("\t"), dict(zip(lines[0].split("\t"), lines[1].split("\t")))
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
