"""A plan's notes, sources and descriptions in the reader's language (twenty-eighth session, D).

A target's ``note`` and ``source`` and an indicator's ``description`` take ``{en, vi}`` as a
name does; each output prints them in the language asked. Expected texts are the plan's
own words, written here by hand.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, dedent
from helpers import plan_problems, problems, run_clean
from qntrack.files.definitions import parse_plan
from qntrack.plan.model import Plan, Text

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
DESC_EN, DESC_VI = "Share of manufacturing in GRDP.", "Tỷ trọng công nghiệp chế biến, chế tạo trong GRDP."


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "targets.yaml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "observations.csv").write_text(OBS, encoding="utf-8")
    return tmp_path


def _run(folder: Path, *args: str) -> str:
    r = run_clean(*args, "--targets", str(folder / "targets.yaml"))
    assert r.exit_code == 0, r.output
    return r.stdout


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_the_model_reads_both_languages() -> None:
    plan = parse_plan(PLAN)
    t = plan.targets[0]
    assert t.note == Text(NOTE_EN, NOTE_VI)
    assert t.source == Text(SOURCE_EN, SOURCE_VI)
    assert plan.indicators["share"].description == Text(DESC_EN, DESC_VI)


@pytest.mark.parametrize(("lang", "note", "source"), [("vi", NOTE_VI, SOURCE_VI), ("en", NOTE_EN, SOURCE_EN)])
def test_show_prints_the_note_and_source_in_the_language_asked(folder: Path, lang: str, note: str, source: str) -> None:
    out = _flat(_run(folder, "show", "share-2025", "--lang", lang))
    assert note in out and source in out
    other = NOTE_EN if lang == "vi" else NOTE_VI
    assert other not in out


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_a_vietnamese_report_has_the_vietnamese_note_source_and_description(folder: Path, fmt: str) -> None:
    out = folder / f"r.{fmt}"
    _run(folder, "report", "--format", fmt, "--lang", "vi", "-o", str(out))
    text = _flat(out.read_text(encoding="utf-8")).replace("&#39;", "'")
    for vi, en in ((NOTE_VI, NOTE_EN), (SOURCE_VI, SOURCE_EN), (DESC_VI, DESC_EN)):
        assert vi in text and en not in text


def test_an_english_report_keeps_the_english(folder: Path) -> None:
    out = folder / "r.md"
    _run(folder, "report", "--lang", "en", "-o", str(out))
    text = _flat(out.read_text(encoding="utf-8"))
    for vi, en in ((NOTE_VI, NOTE_EN), (SOURCE_VI, SOURCE_EN), (DESC_VI, DESC_EN)):
        assert en in text and vi not in text


def test_a_vietnamese_word_report_has_the_vietnamese_note(folder: Path) -> None:
    out = folder / "r.docx"
    _run(folder, "report", "--lang", "vi", "-o", str(out))
    with zipfile.ZipFile(out) as z:
        xml = z.read("word/document.xml").decode("utf-8").replace("&apos;", "'")
    assert NOTE_VI in xml and NOTE_EN not in xml
    assert DESC_VI in xml and SOURCE_VI in xml


def test_json_keeps_source_a_string_and_adds_both_languages_last(folder: Path) -> None:
    doc = json.loads(_run(folder, "status", "--format", "json", "--lang", "vi"))
    item = doc["targets"][0]
    assert item["source"] == SOURCE_EN  # English, as name is, whatever --lang says
    # note_names after it (twenty-eighth session, F), then description_names (twenty-ninth, Z)
    assert list(item)[-3] == "source_names"
    assert item["source_names"] == {"en": SOURCE_EN, "vi": SOURCE_VI}


def test_a_plain_source_is_the_same_in_both_and_none_is_null(folder: Path) -> None:
    plan = PLAN.replace(f'{{en: "{SOURCE_EN}", vi: "{SOURCE_VI}"}}', '"GSO"')
    (folder / "targets.yaml").write_text(plan, encoding="utf-8")
    item = json.loads(_run(folder, "status", "--format", "json"))["targets"][0]
    assert (item["source"], item["source_names"]) == ("GSO", {"en": "GSO", "vi": "GSO"})
    no_source = "\n".join(line for line in PLAN.splitlines() if "source:" not in line)
    (folder / "targets.yaml").write_text(no_source, encoding="utf-8")
    item = json.loads(_run(folder, "status", "--format", "json"))["targets"][0]
    assert (item["source"], item["source_names"]) == (None, None)


def test_the_status_csv_source_column_stays_english(folder: Path) -> None:
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(_run(folder, "status", "--format", "csv", "--lang", "vi"))))
    assert rows[0]["source"] == SOURCE_EN


def test_either_language_stands_in_for_a_missing_or_blank_one() -> None:
    plan = PLAN.replace(f'{{en: "{NOTE_EN}", vi: "{NOTE_VI}"}}', f'{{en: "{NOTE_EN}", vi: "  "}}')
    assert parse_plan(plan).targets[0].note == Text(NOTE_EN, NOTE_EN)
    plan = PLAN.replace(f'{{en: "{NOTE_EN}", vi: "{NOTE_VI}"}}', f'{{vi: "{NOTE_VI}"}}')
    assert parse_plan(plan).targets[0].note == Text(NOTE_VI, NOTE_VI)


def test_other_languages_are_kept_beside_them() -> None:
    plan = PLAN.replace(f'vi: "{NOTE_VI}"}}', f'vi: "{NOTE_VI}", fr: "La valeur 2025"}}')
    assert parse_plan(plan).targets[0].note == Text(NOTE_EN, NOTE_VI, (("fr", "La valeur 2025"),))


def test_a_plain_empty_note_is_still_no_note() -> None:
    plan = PLAN.replace(f'{{en: "{NOTE_EN}", vi: "{NOTE_VI}"}}', '""')
    assert parse_plan(plan).targets[0].note is None


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ('{en: "", vi: ""}', "needs 'en', 'vi' or both"),
        # '{en: "A", vn: "B"}' is said in the field's words, not a name's: tests/test_s28_f.py
        ('{en: "A", vi: "B\\e[2J"}', "holds a control character (U+001B)"),
        ('{en: "A", vi: "B\\uFFFE"}', "noncharacter"),
    ],
)
@pytest.mark.parametrize("field", ["note", "source"])
def test_check_refuses_what_a_name_refuses_in_the_same_words(field: str, value: str, said: str) -> None:
    base = "\n".join(line for line in PLAN.splitlines() if not line.startswith(f"    {field}:"))
    target = base.replace("    indicator: share\n", f"    indicator: share\n    {field}: {value}\n")
    named = base.replace("    indicator: share\n", f"    indicator: share\n    name: {value}\n")
    got, want = plan_problems(target), plan_problems(named)
    assert len(got) == 1 and len(want) == 1 and said in got[0]
    # The same line and words, the key named aside (its column moves with the key's length).
    assert got[0].startswith("targets.yaml:10:") and want[0].startswith("targets.yaml:10:")
    assert got[0].split(f"'share-2025': {field}")[1] == want[0].split("'share-2025': name")[1]


def test_a_description_is_refused_as_a_name_is() -> None:
    got = problems(
        """
        indicators:
          share: {name: Share, description: {en: "", vi: " "}}
        targets: []
        """
    )
    assert got == ["targets.yaml:2:37: error: indicator 'share': description needs 'en', 'vi' or both"]


def test_the_starter_plan_shows_the_two_language_form(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run_clean("init", "--lang", "vi").exit_code == 0
    t = parse_plan((tmp_path / "targets.yaml").read_text(encoding="utf-8")).target("industry-share")
    assert t is not None
    assert t.note == Text(
        "The 2030 milestone is the resolution's orientation", "Mốc năm 2030 là định hướng của nghị quyết"
    )
    assert t.source == Text("The resolution that sets it, with its date", "Văn bản đặt ra mục tiêu, kèm ngày ban hành")


def _shipped() -> Plan:
    return parse_plan((ROOT / "targets.yaml").read_text(encoding="utf-8"), str(ROOT / "targets.yaml"))


def _vietnamese(text: str) -> bool:
    """Written in Vietnamese: it has letters only Vietnamese uses here (đ, ư, ơ, ă, ê, ô, tones)."""
    return any(ch in text for ch in "đươăêôạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")


def test_every_note_and_description_of_the_shipped_plan_is_given_in_vietnamese() -> None:
    plan = _shipped()
    for t in plan.targets:
        if t.note is not None:
            assert t.note.vi != t.note.en and _vietnamese(t.note.vi), t.id
        assert t.source is not None
        if t.source.vi == t.source.en:  # one text for both: a Vietnamese citation
            assert t.source.en.startswith("Nghị quyết"), t.id
    for ind in plan.indicators.values():
        assert ind.description is not None and _vietnamese(ind.description.vi), ind.id
        assert ind.description.vi != ind.description.en
    notes = sum(t.note is not None for t in plan.targets)
    assert notes == 21  # as many as the English plan had


def test_the_shipped_vietnamese_report_has_no_english_note(tmp_path: Path) -> None:
    out = tmp_path / "bao-cao.md"
    r = run_clean(
        "report", "--lang", "vi", "--as-of", "2026-12-01", "--targets", str(ROOT / "targets.yaml"), "-o", str(out)
    )
    assert r.exit_code == 0, r.output
    text = _flat(out.read_text(encoding="utf-8"))
    assert "Chọn 3 tỷ USD vì kết quả được công bố" in text  # fdi-plan-2024's note, in Vietnamese
    assert "3 billion chosen because" not in text
    assert "Only 2021 has a full-year value-added figure" not in text


def test_check_refuses_an_empty_two_language_note_with_exit_code_1(folder: Path) -> None:
    plan = PLAN.replace(f'{{en: "{NOTE_EN}", vi: "{NOTE_VI}"}}', '{en: "", vi: " "}')
    (folder / "targets.yaml").write_text(plan, encoding="utf-8")
    r = run_clean("check", "--targets", str(folder / "targets.yaml"))
    assert r.exit_code == 1 and r.stdout == ""
    assert "targets.yaml:11:11: error: target 'share-2025': note needs 'en', 'vi' or both" in r.stderr
