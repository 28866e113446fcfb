"""The Word report written a piece at a time (thirty-eighth session, pass W): a hostile
reading of output/docx_body.py. Plans with every text a name may hold (XML's special
characters, Vietnamese composed and decomposed, emoji, right-to-left text, very long
names) give a document.xml that reads as one document; and what a user met on the way."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path


from helpers import run

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
VI = "Quảng Ninh: thu ngân sách Hạ Long, Cẩm Phả"


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _write(folder: Path, title: str, names: list[str]) -> Path:
    """A plan of one level target per name, four years of figures each."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = ["version: 1", f"title: {_q(title)}", "indicators:"]
    lines += [f"  i{n}: {{name: {_q(name)}, unit: '%'}}" for n, name in enumerate(names)]
    lines.append("targets:")
    lines += [
        f"  - {{id: t{n}, indicator: i{n}, name: {_q(name)}, note: {_q(name)}, baseline: 2015,"
        f" milestones: [{{by: 2030, value: {60 + n}}}]}}"
        for n, name in enumerate(names)
    ]
    (folder / "targets.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows = ["indicator,period,value,status,source,note,recorded_at"]
    for n, name in enumerate(names):
        for k in range(4):
            rows.append(f"i{n},{2015 + k},{10 + n + k},official,{_q(name)},,{2016 + k}-06-01T00:00:00Z")
    (folder / "observations.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder / "targets.yaml"


def test_a_plan_title_longer_than_255_characters_gives_a_word_report(tmp_path: Path):
    """python-docx keeps a document's Title property to 255 characters and raised a
    ValueError past it: the Word report of a plan with a long title was a traceback
    (exit 1, no document). The property is now the title's first 254 characters and an
    ellipsis; the document's own first line keeps the title whole."""
    title = ("Kế hoạch phát triển kinh tế - xã hội " * 10).strip()  # 369 characters
    plan = _write(tmp_path, title, ["GRDP growth"])
    done = run("--targets", str(plan), "report", "--format", "docx", "-o", str(tmp_path / "r.docx"))
    assert done.exit_code == 0, done.output
    assert "Traceback" not in done.output
    import docx

    opened = docx.Document(str(tmp_path / "r.docx"))
    assert opened.core_properties.title == title[:254] + "…"
    assert opened.paragraphs[0].text == title


def test_a_long_property_is_cut_before_a_letters_marks_and_inside_no_emoji():
    """Counted by hand: 253 letters, then "ệ" decomposed (e, U+0323, U+0302) across the
    cut at 254: the cut goes back before its e, never leaving an "e" with no marks; an
    emoji joined by U+200D (woman, ZWJ, laptop) is not cut in two either."""
    from qntrack.output.docx_layout import property_text

    decomposed = "a" * 253 + unicodedata.normalize("NFD", "ệ") + "b" * 10
    assert property_text(decomposed) == "a" * 253 + "…"
    joined = "a" * 252 + "\U0001f469\u200d\U0001f4bb" + "b" * 10
    assert property_text(joined) == "a" * 252 + "…"
    assert property_text("a" * 255) == "a" * 255
    assert property_text("a" * 256) == "a" * 254 + "…"
