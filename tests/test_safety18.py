"""Hostile authors of input files, and the people who open what qntrack writes (issue 17,
eighteenth session): a source that looks like a link but that no URL parser takes, an
import row padded with a million empty cells, the store's formula guard in the files other
systems publish, and text a spreadsheet would run, written out and read back.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from conftest import SMALL_OBSERVATIONS, SMALL_TARGETS, make_tracker
from helpers import run_bounded

# --- a source shaped like a link that is not one ---------------------------------------

# Each matches the report's test for a link (http(s)://, no space, no quote, no < >), and
# Python's urlsplit refuses each: an unclosed IPv6 bracket, and a host holding a character
# that NFKC normalisation turns into a '/' ('℀' is 'a/c').
NOT_LINKS = ["http://[x/report", "http://a\u2100b.example/page"]


@pytest.fixture
def odd_sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("QNTRACK_NO_CACHE", "1")
    rows = "".join(
        f'share,{2021 + i}-Q2,{12 + i},estimate,"{s}",,{2021 + i}-07-10T00:00:00Z\n' for i, s in enumerate(NOT_LINKS)
    )
    return make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS + rows)


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_a_source_no_url_parser_takes_is_shown_as_text_not_a_traceback(odd_sources: Path, fmt: str):
    r = run_bounded("report", "--format", fmt, seconds=60)
    assert r.exit_code == 0, r.stderr
    for source in NOT_LINKS:
        # Shown as typed (the markdown report escapes '[' and nothing else of these),
        # and never as a link's address.
        shown = source.replace("[", "\\[") if fmt == "markdown" else source
        assert shown in r.stdout
        assert f"]({source}" not in r.stdout and f'href="{source}' not in r.stdout


def test_the_word_report_shows_such_a_source_as_text(odd_sources: Path):
    r = run_bounded("report", "-o", "review.docx", seconds=60)
    assert r.exit_code == 0, r.stderr
    with zipfile.ZipFile(odd_sources / "review.docx") as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert "http://[x/report" in body and "http://a\u2100b.example/page" in body
