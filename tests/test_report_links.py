"""The report's links hold: every id once per HTML document (pygal's legend ids were
repeated in every chart), every in-page link lands on an id, and each target's section
links back to the summary, in HTML and Markdown, in each language (docs/report.md)."""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from helpers import run
from qntrack.catalog import msg, render
from test_report_large import _plan

ROOT = Path(__file__).resolve().parent.parent
_URL_REF = re.compile(r"url\(#([^)]+)\)")


class _Ids(HTMLParser):
    """Every id of a document, and every in-page reference (href, xlink:href, url(#…))."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: Counter[str] = Counter()
        self.refs: list[str] = []
        self.back: list[str] = []  # the text of each link to the summary
        self._in_back = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for key, value in attrs:
            value = value or ""
            if key == "id":
                self.ids[value] += 1
            if key in ("href", "xlink:href") and value.startswith("#"):
                self.refs.append(value[1:])
            self.refs += _URL_REF.findall(value)
        if tag == "a" and dict(attrs).get("href") == "#summary":
            self._in_back = True
            self.back.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._in_back = False

    def handle_data(self, data: str) -> None:
        if self._in_back:
            self.back[-1] += data


def _parsed(html: str) -> _Ids:
    parser = _Ids()
    parser.feed(html)
    parser.close()
    return parser


def _assert_valid(parsed: _Ids) -> None:
    repeated = {k: n for k, n in parsed.ids.items() if n > 1}
    assert not repeated, f"ids repeated: {sorted(repeated.items())[:5]}"
    dangling = sorted(set(parsed.refs) - set(parsed.ids))
    assert not dangling, f"links to no id: {dangling[:5]}"


def _html(tmp_path: Path, targets: int, *options: str) -> str:
    plan = _plan(tmp_path, targets)
    out = tmp_path / "r.html"
    done = run("--targets", str(plan), "report", "--format", "html", "-o", str(out), *options)
    assert done.exit_code == 0, done.stderr
    return out.read_text(encoding="utf-8")


def test_every_id_of_a_report_with_charts_is_unique_and_every_link_lands(tmp_path: Path):
    html = _html(tmp_path, 4)
    assert html.count("<svg") == 4  # four charts, each with its legend
    parsed = _parsed(html)
    _assert_valid(parsed)
    assert any(i.startswith("chart-t0-") for i in parsed.ids)  # a chart's own ids carry its id


def test_the_shipped_html_sample_has_unique_ids():
    _assert_valid(_parsed((ROOT / "docs" / "sample-report.html").read_text(encoding="utf-8")))


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_each_section_of_the_html_links_back_to_the_summary(tmp_path: Path, lang: str):
    html = _html(tmp_path, 3, "--lang", lang)
    parsed = _parsed(html)
    _assert_valid(parsed)
    assert parsed.ids["summary"] == 1
    # The parts' navigation at the top links to it too, by its heading (issue 17).
    back = render(msg("report_back_to_summary"), lang)
    assert parsed.back == [render(msg("report_contents"), lang)] + [back] * 3


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_each_section_of_the_markdown_links_back_to_the_summary(tmp_path: Path, lang: str):
    plan = _plan(tmp_path, 3)
    out = tmp_path / "r.md"
    done = run("--targets", str(plan), "report", "--format", "markdown", "-o", str(out), "--lang", lang)
    assert done.exit_code == 0, done.stderr
    md = out.read_text(encoding="utf-8")
    assert md.count('<a id="summary"></a>') == 1
    back = f"[{render(msg('report_back_to_summary'), lang)}](#summary)"
    assert md.count(back) == 3
    # Each after its own section's heading, none before the first.
    assert md.index('<a id="t-t0"></a>') < md.index(back)
