"""Issue 17, thirty-first session, pass R: the session's change reviewed as its next
maintainer and tried as a hostile user. Each test was written failing first; the expected
values are worked by hand from the rows typed here."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean

PLAN = """\
version: 1
title: Sex breakdown
observations: observations.csv
dimensions:
  sex:
    name: {en: Sex, vi: Giới tính}
    values:
      - {value: Male, names: {vi: Nam}}
      - {value: Female, names: {vi: Nữ}}
      - {value: Other, names: {vi: Song}}
      - {value: Unknown, names: {fr: Song}}
indicators:
  poverty: {name: Poverty rate, unit: '%', direction: decrease, dimensions: [sex]}
targets:
  - {id: poverty-down, indicator: poverty, baseline: 2020, milestones: [{by: 2030, value: 1}], for_each: sex}
"""
HEADER = "indicator,period,value,status,source,note,recorded_at\n"


@pytest.mark.parametrize("blank", [b"\n" * 5000, b"\xef\xbb\xbf" + b" \r\n" * 2000])
def test_a_store_of_more_blank_bytes_than_a_page_is_started_as_an_empty_one_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, blank: bytes
) -> None:
    # 5,000 blank lines: check and status read the store as holding no figure (exit 0,
    # nothing said), but add-observation refused it as "not a qntrack observations file:
    # its first line is not the header", in a dry run too: blank_store only looked at
    # files of 4,096 bytes or fewer. One file is one thing to every command.
    make_tracker(tmp_path, monkeypatch, PLAN, "")
    Path("observations.csv").write_bytes(blank)
    assert run_clean("check").exit_code == 0
    dry = run_clean("add-observation", "poverty", "2020", "10", "--dim", "sex=Nam", "--dry-run")
    assert dry.exit_code == 0, dry.stderr
    assert Path("observations.csv").read_bytes() == blank
    r = run_clean("add-observation", "poverty", "2020", "10", "--dim", "sex=Nam")
    assert r.exit_code == 0, r.stderr
    lines = Path("observations.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == HEADER.strip()
    assert lines[1].startswith("poverty[sex=Male],2020,10,") and len(lines) == 2


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_name_two_units_share_is_told_as_such_not_with_a_guess(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    # 'Song' is the vi name of Other and the fr name of Unknown: it names neither. It was
    # refused as "'song' is not a unit of 'sex'", which the officer reads in the plan as
    # false (and, for a word close to a value, 'Both' of X and Y, with "did you mean
    # 'Other'?", a unit the word has nothing to do with); the message now says why and
    # names the units it could be.
    make_tracker(tmp_path, monkeypatch, PLAN, HEADER)
    r = run_clean("--lang", lang, "add-observation", "poverty", "2020", "10", "--dim", "sex=song")
    assert r.exit_code == 1
    if lang == "en":  # told at --dim, as history tells it (session 36, pass F: was "add-observation:")
        assert r.stderr == (
            "--dim: error: 'song' is the name of more than one unit of 'sex' (Sex): "
            "Other, Unknown, so it names none of them; type the unit's own name; "
            "valid: Male (Nam), Female (Nữ), Other, Unknown\n"  # each unit with the names that name it (pass N2)
        )
    else:
        assert "(Giới tính): Other, Unknown" in r.stderr and "có phải ý bạn là" not in r.stderr
    assert Path("observations.csv").read_text(encoding="utf-8") == HEADER


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Cục Thống kê tỉnh Quảng Ninh", ["Cục Thống kê tỉnh Quảng Ninh"]),
        ("GRDP of Hạ Long and Đặc khu Vân Đồn", ["Hạ Long", "Đặc khu Vân Đồn"]),
        ("Sở Công Thương report", ["Sở Công Thương"]),
    ],
)
def test_a_vietnamese_name_typed_decomposed_is_one_stretch_of_vietnamese(text: str, spans: list[str]) -> None:
    # A source pasted from a Mac's file comes as NFD: 'ạ' is 'a' and a combining dot below.
    # The English Word report marked "Đặc khu Vân Đồn" as two stretches, "Đa" and "Đo",
    # cut between a letter and its marks (the rest spell-checked as English), and "Hạ Long",
    # "Cục Thống kê" not at all: a combining mark is no letter to a regular expression's
    # word. The same stretches as the composed text's are marked, whole.
    import unicodedata

    from qntrack.output.docx_language import vietnamese_spans

    typed = unicodedata.normalize("NFD", text)
    found = [unicodedata.normalize("NFC", typed[a:b]) for a, b in vietnamese_spans(typed)]
    assert found == spans
