"""The report's links hold: every id once per HTML document (pygal's legend ids were
repeated in every chart) and every in-page link lands on an id (docs/report.md)."""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

from helpers import run
from test_report_large import _plan

ROOT = Path(__file__).resolve().parent.parent
_URL_REF = re.compile(r"url\(#([^)]+)\)")


class _Ids(HTMLParser):
    """Every id of a document, and every in-page reference (href, xlink:href, url(#…))."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: Counter[str] = Counter()
        self.refs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for key, value in attrs:
            value = value or ""
            if key == "id":
                self.ids[value] += 1
            if key in ("href", "xlink:href") and value.startswith("#"):
                self.refs.append(value[1:])
            self.refs += _URL_REF.findall(value)


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
