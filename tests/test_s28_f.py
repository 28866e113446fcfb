"""A plan's words in both languages, follow-ups (twenty-eighth session, F).

Pass D let a target's ``note`` and ``source`` and an indicator's ``description`` take
``{en, vi}``. Here: a slip in such a mapping is said in the field's own words, the status
CSV carries the Vietnamese source beside the English, and the workbook's Summary carries
the target's note in the workbook's language. Expected texts are written here by hand.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest

from conftest import dedent
from helpers import run_clean

PLAN = dedent(
    """
    title: {en: "Plan", vi: "Kế hoạch"}
    indicators:
      share:
        name: {en: "Manufacturing share", vi: "Tỷ trọng chế biến, chế tạo"}
        unit: "%"
        description: {en: "Share of manufacturing in GRDP.", vi: "Tỷ trọng công nghiệp chế biến, chế tạo trong GRDP."}
    targets:
      - id: share-2025
        indicator: share
        source: {en: "Resolution 01, as reported", vi: "Nghị quyết 01, theo báo chí đưa tin"}
        note: {en: "The 2025 value is written 'more than 15%'.", vi: "Giá trị năm 2025 được ghi là 'trên 15%'."}
        baseline: {period: 2020, value: 10}
        milestones:
          - {by: 2025, value: 15}
    """
)
OBS = (
    "indicator,period,value,status,source,note,recorded_at\nshare,2021,11,,,,2022-03-01\nshare,2022,12,,,,2023-03-01\n"
)
NOTE_EN, NOTE_VI = "The 2025 value is written 'more than 15%'.", "Giá trị năm 2025 được ghi là 'trên 15%'."
SOURCE_EN, SOURCE_VI = "Resolution 01, as reported", "Nghị quyết 01, theo báo chí đưa tin"
DESC_EN = "Share of manufacturing in GRDP."


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "targets.yaml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "observations.csv").write_text(OBS, encoding="utf-8")
    return tmp_path


def _run(folder: Path, *args: str) -> str:
    r = run_clean(*args, "--targets", str(folder / "targets.yaml"))
    assert r.exit_code == 0, r.output
    return r.stdout


# --- 1. a slip in {en, vi} said in the field's words, not a name's ------------------------

SLIPS = {
    "note": (f'{{en: "{NOTE_EN}", vi: "{NOTE_VI}"}}', "note", "ghi chú"),
    "source": (f'{{en: "{SOURCE_EN}", vi: "{SOURCE_VI}"}}', "source", "nguồn"),
    "description": (
        f'{{en: "{DESC_EN}", vi: "Tỷ trọng công nghiệp chế biến, chế tạo trong GRDP."}}',
        "description",
        "mô tả",
    ),
}


@pytest.mark.parametrize("field", sorted(SLIPS))
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_vn_key_is_said_in_the_fields_own_words(folder: Path, field: str, lang: str) -> None:
    written, en_word, vi_word = SLIPS[field]
    (folder / "targets.yaml").write_text(PLAN.replace(written, written.replace(" vi: ", " vn: ")), encoding="utf-8")
    r = run_clean("check", "--lang", lang, "--targets", str(folder / "targets.yaml"))
    assert r.exit_code == 1 and r.stdout == ""
    lines = [line for line in r.stderr.splitlines() if ": error: " in line or ": lỗi: " in line]
    assert len(lines) == 1, r.stderr
    said = lines[0]
    line = {"description": 6, "source": 10, "note": 11}[field]
    assert said.startswith(f"targets.yaml:{line}:") or f"/targets.yaml:{line}:" in said, said
    if lang == "en":
        assert f": {field}: 'vn' is not a language: give the {en_word} as text, or as {{en: ..., vi: ...}}" in said
        assert "the name" not in said and "Vietnamese is vi" in said
    else:
        assert f": {field}: 'vn' không phải là một ngôn ngữ: hãy viết {vi_word} dạng văn bản" in said
        assert "tên" not in said.split("không phải")[1] and "tiếng Việt là vi" in said


def test_a_names_slip_keeps_a_names_words(folder: Path) -> None:
    plan = PLAN.replace('vi: "Tỷ trọng chế biến, chế tạo"', 'vn: "Tỷ trọng chế biến, chế tạo"')
    (folder / "targets.yaml").write_text(plan, encoding="utf-8")
    r = run_clean("check", "--targets", str(folder / "targets.yaml"))
    assert r.exit_code == 1
    # A name's slip keeps the words every text of the plan had (pass G made them neutral).
    assert "name: 'vn' is not a language: give it as one text for both languages" in r.stderr


# --- 2. the status CSV's Vietnamese source, its last column -------------------------------


def _rows(text: str, delimiter: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_status_csv_ends_with_the_vietnamese_source(folder: Path, lang: str) -> None:
    text = _run(folder, "status", "--format", "csv", "--lang", lang)
    header = text.splitlines()[0].split(",")
    # Then the note and the description in both languages (twenty-ninth session, Z), and
    # not_counted (thirty-sixth session).
    assert header[-8] == "source_vi" and header.index("source") == 13  # source stays where it was
    (row,) = _rows(text)
    assert (row["source"], row["source_vi"]) == (SOURCE_EN, SOURCE_VI)


def test_the_status_tsv_and_by_unit_rows_have_it_too(folder: Path) -> None:
    (row,) = _rows(_run(folder, "status", "--format", "tsv"), "\t")
    assert row["source_vi"] == SOURCE_VI


def test_a_plain_source_is_the_same_and_none_is_empty(folder: Path) -> None:
    plan = PLAN.replace(f'{{en: "{SOURCE_EN}", vi: "{SOURCE_VI}"}}', '"GSO"')
    (folder / "targets.yaml").write_text(plan, encoding="utf-8")
    (row,) = _rows(_run(folder, "status", "--format", "csv"))
    assert (row["source"], row["source_vi"]) == ("GSO", "GSO")
    no_source = "\n".join(line for line in PLAN.splitlines() if "source:" not in line)
    (folder / "targets.yaml").write_text(no_source, encoding="utf-8")
    (row,) = _rows(_run(folder, "status", "--format", "csv"))
    assert (row["source"], row["source_vi"]) == ("", "")


# --- 3. the workbook's Summary: the target's note, last --------------------------------


def _summary(folder: Path, lang: str) -> list[list[object]]:
    out = folder / f"r-{lang}.xlsx"
    _run(folder, "report", "--format", "xlsx", "--lang", lang, "-o", str(out))
    book = openpyxl.load_workbook(out)
    return [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]


@pytest.mark.parametrize(
    ("lang", "heading", "note", "other"), [("en", "Note", NOTE_EN, NOTE_VI), ("vi", "Ghi chú", NOTE_VI, NOTE_EN)]
)
def test_the_summary_ends_with_the_targets_note_in_the_workbooks_language(
    folder: Path, lang: str, heading: str, note: str, other: str
) -> None:
    header, row = _summary(folder, lang)[:2]
    # The note was last; pass W's column of the parts of a sum revised now follows it.
    assert header[26] == heading
    assert row[26] == note and other not in row
    assert row[2] == "share-2025"  # the columns before it where they were


def test_a_target_without_a_note_has_an_empty_cell(folder: Path) -> None:
    plan = "\n".join(line for line in PLAN.splitlines() if "note:" not in line)
    (folder / "targets.yaml").write_text(plan, encoding="utf-8")
    header, row = _summary(folder, "en")[:2]
    # The note's cell (AA) empty; the target's source (AC, twenty-ninth session) after it.
    assert header[26] == "Note" and row[26:27] in ([None], [])


# --- 5. the JSON carries the target's note, in both languages, last ---------------------


def test_status_json_ends_with_the_note_in_both_languages(folder: Path) -> None:
    import json

    item = json.loads(_run(folder, "status", "--format", "json", "--lang", "vi"))["targets"][0]
    keys = list(item)
    assert keys[-3:-1] == ["source_names", "note_names"]  # description_names last (twenty-ninth, Z)
    assert item["note_names"] == {"en": NOTE_EN, "vi": NOTE_VI}
    shown = json.loads(_run(folder, "show", "share-2025", "--format", "json"))
    assert shown["note_names"] == {"en": NOTE_EN, "vi": NOTE_VI}
    plan = "\n".join(line for line in PLAN.splitlines() if "note:" not in line)
    (folder / "targets.yaml").write_text(plan, encoding="utf-8")
    item = json.loads(_run(folder, "status", "--format", "json"))["targets"][0]
    assert item["note_names"] is None
