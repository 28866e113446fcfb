"""`qntrack report`: the formats, escaping, atomic writes, --since and the command line.

The fixture is small enough to check by hand. Its level target starts from 10 % in 2020
and must reach 15 % by 2025; the figure in force for 2022 is 12 (a revision of 11.5).
"""

from __future__ import annotations

import json
import os
import re
import sys
import tomllib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from helpers import run, on_a_terminal
from qntrack import __version__
from qntrack.kinds import assess
from qntrack.output.formats import status_document
from qntrack.output.narrative import explain
from qntrack.output.report import build_report, md_escape, render_html, render_markdown, render_toml, without_none
from qntrack.files.workspace import open_workspace, reference_day

TARGETS = """\
version: 1
title: "Fixture plan"
observations: observations.csv
indicators:
  share:
    name: {en: "Industry share", vi: "Tỷ trọng công nghiệp"}
    unit: "%"
    direction: increase
    frequency: half
  growth:
    name: {en: "Growth", vi: "Tăng trưởng"}
    unit: "%"
    measure: rate
    frequency: year
targets:
  - id: share
    indicator: share
    name: {en: "Share to 15% by 2025", vi: "Tỷ trọng 15% năm 2025"}
    source: "Resolution 1, 2020"
    baseline: {period: 2020, value: 10}
    milestones:
      - {by: 2025, value: 15}
  - id: growth-every-year
    type: every_period
    indicator: growth
    name: {en: "Growth of at least 10% every year", vi: "Tăng trưởng ít nhất 10% mỗi năm"}
    at_least: 10
    from: 2021
    to: 2023
"""

OBSERVATIONS = """\
indicator,period,value,status,source,note,recorded_at
share,2021,11,official,https://example.org/a,,2022-01-10T00:00:00Z
growth,2021,10.5,,,,2022-01-10T00:00:00Z
share,2022,11.5,estimate,https://example.org/b,first estimate,2023-01-10T00:00:00Z
growth,2022,11,,,,2023-01-10T00:00:00Z
share,2022,12,official,https://example.org/c,revised,2023-06-01T00:00:00Z
share,2023-H1,12.5,estimate,Report H1,,2023-07-15T00:00:00Z
"""


def write_tracker(folder: Path, targets: str = TARGETS, observations: str = OBSERVATIONS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "targets.yaml").write_text(targets, encoding="utf-8")
    (folder / "observations.csv").write_text(observations, encoding="utf-8")
    return folder / "targets.yaml"


@pytest.fixture
def tracker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = write_tracker(tmp_path / "plan")
    monkeypatch.chdir(path.parent)
    monkeypatch.delenv("QNTRACK_TARGETS", raising=False)
    monkeypatch.delenv("QNTRACK_LANG", raising=False)
    return path


def report_data(path: Path, ids=None, as_of=None, since=None):
    ws = open_workspace(str(path), as_of)
    return build_report(ws.plan, ws.series, ws.store.observations, ids, as_of, since)


# --- Markdown: the golden file -----------------------------------------------------------


def test_markdown_golden(tracker: Path):
    """Expected text written from the fixture's numbers.

    share: achieved (12/10)^(1/2) - 1 = +9.5 %/yr; required (15/10)^(1/5) - 1 = +8.4 %/yr;
    P = 0.09545 / 0.08447 = 1.13 (>= 0.95: substantial progress); score 7.1429 P - 4.2857
    = 3.79; gap 15 - 12 = 3 pp; trajectory 10 * 1.08447^2 = 11.76 (deviation +0.24 pp);
    needed from now (15/12)^(1/3) - 1 = 7.7217 %/yr, written +7.8 % (rounded up so that it
    suffices, forty-first session); projected 12 * 1.09545^3 = 15.77;
    reached after ln(1.25)/ln(1.09545) = 2.45 -> 3 years, in 2025. Its 2022 figure, 12
    (official, 2023-06-01, example.org/c), revised 11.5: the summary marks it "12%[1]"
    (escaped in Markdown) and says so under the table (eighteenth session), and under the
    table of observations too, where 11.5 came from (twenty-sixth session).
    growth: 10.5 and 11 both pass "at least 10"; 2023 is still to come. Its gap is that of the
    latest period, 10 - 11 = -1: beyond the threshold by 1 point (shown "✓ 2022" in the summary, naming the period whose
    gap it is).

    The "In short" sentences come from narrative.explain, which has its own tests. A period
    is written in words, as a document for people writes it: 2023-H1 is "H1 2023"
    (docs/decisions.md, "Periods in words in documents").
    The headline (issue 17, twenty-second session): both targets substantial progress, no
    day given to judge deadlines by, so none passed: "2 targets — Substantial progress: 2."
    """
    data = report_data(tracker)
    share, growth = data.assessments
    bullets = ["\n".join(f"- {s}" for s in explain(a, "en")) for a in (share, growth)]
    expected = f"""\
# Fixture plan

Progress report · figures recorded up to 2023-07-15 · 2 targets

## <a id="headline"></a>At a glance

2 targets — Substantial progress: 2.

## <a id="summary"></a>Summary

| # | Target | Type | Latest | Goal | Gap | P | Status |
|---:|---|---|---:|---|---:|---:|---|
| 1 | [Share to 15% by 2025](#t-share) | Level by a deadline | 12%\\[1\\] (2022) | 15% by 2025 | 3 pp | 1.13 | **Substantial progress** |
| 2 | [Growth of at least 10% every year](#t-growth-every-year) | Every period | 11% (2022) | ≥ 10%, 2021–2023 | ✓ 2022 | – | **Substantial progress** |

Figures that revised an earlier one (the figure replaced → the figure in force):

\\[1\\] Industry share 2022: 11.5% → 12% (official, recorded 2023-06-01; source: https://example.org/c), replacing 11.5% (recorded 2023-01-10; source: https://example.org/b)

## <a id="t-share"></a>1. Share to 15% by 2025

`share` · Level by a deadline · Status: **Substantial progress**

**What the target says:** Reach 15% by 2025, from 10% (2020).

**Indicator:** Industry share (`share`), %, higher is better.

**Source:** Resolution 1, 2020

### Figures

| Figure | Value |
|---|---|
| Baseline | 10% (2020) |
| Latest | 12% (2022) |
| Part-year | _12.5% (H1 2023, estimate)_ |
| Achieved rate | +9.5%/yr |
| P / Score | 1.13 / 3.79 |
| Status | **Substantial progress** |

### Milestones

| Milestone | Status | P | Score | Gap | Required rate | Trajectory | Deviation | Needed from now | Projected | Reached in |
|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|
| 15% by 2025 | **Substantial progress** | 1.13 | 3.79 | 3 pp | +8.4%/yr | 11.76% | +0.24 pp | +7.8%/yr | 15.77% | would be 2025 |

### Observations

| Period | Value | Kind | Source | Note | Recorded |
|---|---:|---|---|---|---|
| 2021 | 11% | official | [example.org](https://example.org/a) |  | 2022-01-10 |
| 2022 | 11.5% → 12%\\[1\\] | official | [example.org](https://example.org/c) | revised | 2023-06-01 |
| _H1 2023 (part-year)_ | _12.5%_ | estimate | Report H1 |  | 2023-07-15 |

Figures that revised an earlier one (the figure replaced → the figure in force):

\\[1\\] Industry share 2022: 11.5% → 12% (official, recorded 2023-06-01; source: https://example.org/c), replacing 11.5% (recorded 2023-01-10; source: https://example.org/b)

### In short

{bullets[0]}

[↑ Back to the summary](#summary)

## <a id="t-growth-every-year"></a>2. Growth of at least 10% every year

`growth-every-year` · Every period · Status: **Substantial progress**

**What the target says:** At least 10% in every period from 2021 to 2023.

**Indicator:** Growth (`growth`), %, higher is better.

### Figures

| Figure | Value |
|---|---|
| Latest | 11% (2022) |
| Status | **Substantial progress** |
| Span | 2021–2023 |
| Threshold | at least 10% |
| Passed | 2 of 2 |
| Current run of passes | 2 |
| Periods still to come | 1 |
| Gap | -1 pp (2022: beyond the target by 1 pp) |

### Periods

| Period | Value | Passed |
|---|---:|---|
| 2021 | 10.5% | **✓ yes** |
| 2022 | 11% | **✓ yes** |

### Observations

| Period | Value | Kind | Source | Note | Recorded |
|---|---:|---|---|---|---|
| 2021 | 10.5% | not stated |  |  | 2022-01-10 |
| 2022 | 11% | not stated |  |  | 2023-01-10 |

### In short

{bullets[1]}

[↑ Back to the summary](#summary)

---

Made by qntrack {__version__}. Statuses follow the Statistics Canada / Open SDG progress measure (qntrack docs methodology).

<!-- generator: qntrack -->
"""
    assert render_markdown(data, "en") == expected


def test_markdown_vietnamese_numbers(tracker: Path):
    text = render_markdown(report_data(tracker), "vi")
    assert "| 1 | [Tỷ trọng 15% năm 2025](#t-share) |" in text
    assert "12,5%" in text and "+9,5%/năm" in text and "1,13" in text
    assert "Tiến triển tốt" in text


def test_markdown_with_o_writes_charts_beside_it(tracker: Path):
    out = tracker.parent / "out" / "review.md"
    out.parent.mkdir()
    result = run("report", "-o", str(out))
    assert result.exit_code == 0, result.output
    charts = sorted((out.parent / "review-charts").glob("*.svg"))
    assert [c.name for c in charts] == ["growth-every-year.svg", "share.svg"]
    text = out.read_text(encoding="utf-8")
    # The image's alt text names the chart, then says what it draws (issue 17).
    assert re.search(r"!\[Chart: Share to 15% by 2025\. It shows: [^\n]*\]\(review-charts/share\.svg\)", text)
    svg = charts[1].read_text(encoding="utf-8")
    # qntrack's mark, an XML comment before the root element, then the SVG itself.
    assert (
        re.match(r"<!-- generator: qntrack; sha256:[0-9a-f]{64} -->\n<svg", svg)
        and 'xmlns="http://www.w3.org/2000/svg"' in svg
    )
    assert "<script" not in svg


# --- JSON and TOML -------------------------------------------------------------------------


def test_json_is_the_status_contract(tracker: Path):
    result = run("report", "--format", "json", "--as-of", "2023-12-31")
    assert result.exit_code == 0, result.output
    ws = open_workspace(str(tracker), "2023-12-31")
    expected = status_document(
        assess(ws.plan, ws.series), "2023-12-31", ws.plan.title, observations=ws.store.observations
    )
    # Less the headline the report appends (issue 17, twenty-second session): tests/test_headline22.py.
    assert {k: v for k, v in json.loads(result.stdout).items() if k != "headline"} == json.loads(json.dumps(expected))


def test_toml_round_trip_leaves_out_none(tracker: Path):
    result = run("report", "--format", "toml")
    assert result.exit_code == 0, result.output
    back = tomllib.loads(result.stdout)
    ws = open_workspace(str(tracker))
    # The command assesses as of today (the deadlines passed by then).
    judged = assess(ws.plan, ws.series, today=reference_day(None))
    expected = without_none(status_document(judged, None, ws.plan.title, observations=ws.store.observations))
    assert {k: v for k, v in back.items() if k != "headline"} == json.loads(json.dumps(expected))
    assert "as_of" not in back  # None in the contract: the key is left out
    share = back["targets"][0]
    assert share["milestones"][0]["reached_in"] == "2025"
    assert "next_milestone" in share and "provisional" in share


def test_without_none_keeps_array_positions():
    assert without_none({"a": None, "b": [1, None, {"c": None, "d": 2}]}) == {"b": [1, {}, {"d": 2}]}


def test_json_and_toml_carry_the_since_section(tracker: Path):
    data = json.loads(run("report", "-f", "json", "--since", "2023-03-01").stdout)
    since = data["since"]
    assert since["date"] == "2023-03-01"
    assert [(o["period"], o["change"], o["previous_value"]) for o in since["observations"]] == [
        ("2022", "revised", 11.5),
        ("2023-H1", "added", None),
    ]
    assert since["status_changes"] == [
        {
            "id": "share",
            "before": "moderate_progress",
            "after": "substantial_progress",
            "missed_milestones_before": [],
            "missed_milestones_after": [],
        }
    ]
    toml_since = tomllib.loads(render_toml(report_data(tracker, since="2023-03-01")))["since"]
    assert "previous_value" not in toml_since["observations"][1]


# --- --since -------------------------------------------------------------------------------


def test_since_lists_a_revision_and_a_status_change(tracker: Path):
    """On 2023-03-01 the 2022 figure in force was 11.5: P = ((1.15)^(1/2) - 1) / 0.08447
    = 0.857, moderate progress. The revision to 12 (2023-06-01) lifts it to substantial."""
    data = report_data(tracker, since="2023-03-01")
    assert data.since is not None
    changes = [
        (
            c.observation.indicator,
            str(c.observation.period),
            c.observation.value,
            c.previous.value if c.previous else None,
        )
        for c in data.since.changes
    ]
    assert changes == [("share", "2022", 12.0, 11.5), ("share", "2023-H1", 12.5, None)]
    (moved,) = data.since.status_changes
    assert (moved.target_id, moved.before.status.value, moved.after.status.value) == (
        "share",
        "moderate_progress",
        "substantial_progress",
    )
    text = render_markdown(data, "en")
    assert "## Since the last review (2023-03-01)" in text
    assert (
        # The figure replaced marked "[1]", its source said under the table (issue 17, twenty-sixth session).
        "| Industry share (share) | 2022 | 12% | official | revised | 11.5%\\[1\\] | [example.org](https://example.org/c) | 2023-06-01 |"
        in text
    )
    # The target's name links to its section, as in the summary (issue 17).
    assert "| [Share to 15% by 2025](#t-share) | **Moderate progress** | **Substantial progress** |" in text


def test_since_respects_as_of(tracker: Path):
    data = report_data(tracker, as_of="2023-06-30", since="2023-03-01")
    assert [str(c.observation.period) for c in data.since.changes] == ["2022"]


def test_since_with_nothing_new(tracker: Path):
    text = render_markdown(report_data(tracker, since="2024-01-01"), "en")
    assert "No figure was added or revised and no status changed since 2024-01-01." in text


def test_since_must_come_before_today_without_as_of(tracker: Path):
    # `--since 2099-01-01` (a typo for 2019) wrote a review "since" a day to come, every
    # change left out, and said nothing; with --as-of the same mistake was refused.
    from datetime import date, timedelta

    for since in ("2099-01-01", date.today().isoformat(), (date.today() + timedelta(days=1)).isoformat()):
        result = run("report", "-f", "markdown", "--since", since)
        assert result.exit_code == 2, (since, result.output)
        assert result.stdout == ""
        assert f"{since} is not before today" in result.stderr, result.stderr
    assert run("report", "-f", "markdown", "--since", (date.today() - timedelta(days=1)).isoformat()).exit_code == 0


def test_since_must_come_before_as_of(tracker: Path):
    result = run("report", "--since", "2023-06-01", "--as-of", "2023-01-01")
    assert result.exit_code == 2
    assert "--since" in result.output


# --- HTML: self-contained, escaped ---------------------------------------------------------


class _References(HTMLParser):
    """Every URL-bearing attribute and every url( ) in styles, with the tag it sits on."""

    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str, str]] = []
        self.styles: list[str] = []
        self._in_style = False
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self._in_style = tag == "style"
        for name, value in attrs:
            if name in ("src", "href", "xlink:href", "action", "poster", "data", "srcset", "background"):
                self.refs.append((tag, name, value or ""))
            if name == "style" and value:
                self.styles.append(value)

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.styles.append(data)


def test_html_references_nothing_outside_itself(tracker: Path):
    html = render_html(report_data(tracker, since="2023-03-01"), "en")
    parser = _References()
    parser.feed(html)
    assert parser.tags.count("svg") == 2  # one chart per target
    assert "script" not in parser.tags and "link" not in parser.tags and "img" not in parser.tags
    for tag, name, value in parser.refs:
        assert (tag, name) == ("a", "href"), f"{tag} {name}={value}"
        assert (
            value.startswith("#t-")
            or value in {"#headline", "#summary", "#main", "#since"}  # the skip link, the parts (issue 17)
            or value in {"https://example.org/a", "https://example.org/c"}
        ), value
    for css in parser.styles:
        assert "url(" not in css and "@import" not in css
    # No address at all outside the sources' links (no font, no namespace, no comment), and
    # the legend's words: the figure 12 replaced, 11.5, came from example.org/b (twenty-fifth
    # session), said as text, not a link.
    addresses = set(re.findall(r"https?://[^\s\"'<>)]+", html))
    assert addresses == {"https://example.org/a", "https://example.org/b", "https://example.org/c"}


def test_html_is_for_print(tracker: Path):
    html = render_html(report_data(tracker), "en")
    assert "@page" in html and "size: A4" in html and "@media print" in html
    assert 'class="pill s-substantial_progress"' in html
    assert "data:" not in html.replace("data-target", "")


SCARY_TARGETS = TARGETS.replace(
    'name: {en: "Share to 15% by 2025", vi: "Tỷ trọng 15% năm 2025"}', 'name: "<script>alert(1)</script> [red]x"'
).replace('source: "Resolution 1, 2020"', 'source: "javascript:alert(2) <b>bold</b> & co"')
SCARY_OBSERVATIONS = OBSERVATIONS.replace("first estimate", "<img src=x onerror=alert(3)>").replace(
    "share,2023-H1,12.5,estimate,Report H1,", 'share,2023-H1,12.5,estimate,"https://example.org/x?a=1&b=""><script>",'
)


def test_html_escapes_every_text_from_the_data(tmp_path: Path):
    path = write_tracker(tmp_path, SCARY_TARGETS, SCARY_OBSERVATIONS)
    html = render_html(report_data(path, since="2023-01-01"), "en")
    assert "<script" not in html and "<b>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; [red]x" in html
    assert "javascript:alert(2) &lt;b&gt;bold&lt;/b&gt; &amp; co" in html
    assert 'href="javascript' not in html
    # A URL with a quote in it cannot break out of its attribute.
    parser = _References()
    parser.feed(html)
    hrefs = [v for _, _, v in parser.refs if not v.startswith("#")]
    assert all(v.startswith("https://example.org/") for v in hrefs)
    assert "onerror" not in {name for name in re.findall(r"<[a-z]+[^>]*\s(on\w+)=", html)}


def test_markdown_escapes_every_text_from_the_data(tmp_path: Path):
    path = write_tracker(tmp_path, SCARY_TARGETS, SCARY_OBSERVATIONS)
    text = render_markdown(report_data(path), "en")
    assert '## <a id="t-share"></a>1. \\<script\\>alert(1)\\</script\\> \\[red\\]x' in text
    assert "<script" not in text.replace("\\<script", "") and "<img" not in text.replace("\\<img", "")
    assert md_escape("a|b\nc *d* _e_ `f` &amp;") == "a\\|b c \\*d\\* \\_e\\_ \\`f\\` &amp;amp;"


# --- writing files ------------------------------------------------------------------------


def test_report_replaces_a_file_whole_and_leaves_no_temporary(tracker: Path):
    out = tracker.parent / "review.html"
    # An earlier report by qntrack (its generator mark), longer than the new one.
    out.write_text('<meta name="generator" content="qntrack">' + "x" * 1_000_000, encoding="utf-8")
    result = run("report", "-o", str(out))  # the format comes from the extension
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and text.rstrip().endswith("</html>") and "xxx" not in text
    assert [p.name for p in tracker.parent.iterdir() if p.name.startswith(".")] == []
    assert f"wrote {out}" in result.stderr


def test_a_failed_write_leaves_the_old_file(tracker: Path, monkeypatch: pytest.MonkeyPatch):
    out = tracker.parent / "review.md"
    out.write_text("previous report\n<!-- generator: qntrack -->\n", encoding="utf-8")

    def broken(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    result = run("report", "-o", str(out))
    assert result.exit_code == 1
    assert "No space left on device" in result.stderr
    assert out.read_text(encoding="utf-8") == "previous report\n<!-- generator: qntrack -->\n"
    assert not [p for p in tracker.parent.iterdir() if p.name.startswith(".review")]


# --- the command line ---------------------------------------------------------------------


def test_default_is_markdown_on_stdout(tracker: Path):
    result = run("report", "share")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Fixture plan\n")
    assert "## 2." not in result.stdout  # the filter kept one target


def test_html_to_a_pipe_is_allowed(tracker: Path):
    result = run("report", "--format", "html", "--lang", "vi")
    assert result.exit_code == 0
    assert result.stdout.startswith("<!DOCTYPE html>") and '<html lang="vi">' in result.stdout


def test_unknown_target_exits_1_with_a_suggestion(tracker: Path):
    result = run("report", "shares")
    assert result.exit_code == 1
    assert "no target 'shares'; did you mean 'share'?" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["--format", "pdf"],
        ["--as-of", "yesterday"],
        ["--since", "2023-13-01"],
        ["--lang", "fr"],
    ],
)
def test_usage_errors_exit_2(tracker: Path, args: list[str]):
    assert run("report", *args).exit_code == 2


def test_output_into_a_missing_folder_exits_2(tracker: Path):
    result = run("report", "-o", str(tracker.parent / "nowhere" / "r.md"))
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_html_refuses_a_terminal(tracker: Path):
    """Run the real command with its stdout on a pseudo-terminal, as a person would."""
    code, message = on_a_terminal(tracker.parent, "report", "--format", "html")
    assert code == 2
    assert "give -o report.html" in message and "Traceback" not in message


# --- the sample in docs/ ------------------------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_COMMAND = "qntrack report --format markdown -o docs/sample-report.md --since 2025-06-30 --as-of 2026-12-01"


def test_sample_report_is_current(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """docs/sample-report.md is what the command shown in docs/report.md makes."""
    monkeypatch.delenv("QNTRACK_LANG", raising=False)
    assert SAMPLE_COMMAND in (ROOT / "docs" / "report.md").read_text(encoding="utf-8")
    out = tmp_path / "sample-report.md"
    args = SAMPLE_COMMAND.split()[1:]
    args[args.index("-o") + 1] = str(out)
    result = run(*args, "--targets", str(ROOT / "targets.yaml"))
    assert result.exit_code == 0, result.output
    assert (ROOT / "docs" / "sample-report.md").read_text(encoding="utf-8") == out.read_text(encoding="utf-8"), (
        f"docs/sample-report.md is stale: run `{SAMPLE_COMMAND}` from the top of the repository"
    )


def test_a_title_in_both_languages_heads_the_readers_report(tracker: Path):
    text = Path("targets.yaml").read_text(encoding="utf-8")
    Path("targets.yaml").write_text(
        text.replace('title: "Fixture plan"', 'title: {en: "Fixture plan", vi: "Kế hoạch thử"}'), encoding="utf-8"
    )
    vi = run("report", "--format", "markdown", "--lang", "vi")
    en = run("report", "--format", "markdown")
    assert vi.exit_code == en.exit_code == 0
    assert "Kế hoạch thử" in vi.stdout.split("\n## ")[0] and "Fixture plan" not in vi.stdout.split("\n## ")[0]
    assert "Fixture plan" in en.stdout.split("\n## ")[0]
    # The JSON contract's title stays the English text.
    assert json.loads(run("status", "--format", "json").stdout)["title"] == "Fixture plan"
    for cache in ({}, {"QNTRACK_NO_CACHE": "1"}):
        assert "Kế hoạch thử" in run("status", "--format", "table", "--lang", "vi", env=cache).stdout


class _CountedRows(list):
    """A store's rows that count how often they are walked from the start."""

    walks = 0

    def __iter__(self):
        type(self).walks += 1
        return super().__iter__()


def test_since_walks_the_rows_a_fixed_number_of_times_however_many_indicators():
    """`report --since` found each indicator's vintages by walking every row of the store
    (history.vintages once per indicator): a national plan of 10,000 indicators and a
    million rows ran for hours (issue 17's hostile pass). The rows are now gathered by
    indicator once: the walks no longer grow with the indicators, and the changes found
    are those of each indicator (its 2021 figure revised, its 2022 figure new)."""
    from datetime import date

    from qntrack.files.definitions import parse_plan
    from qntrack.method.series import build_series
    from qntrack.output.report import since_review
    from qntrack.plan.model import Observation
    from qntrack.plan.periods import parse_period

    def plan_of(n: int):
        text = "version: 1\ntitle: t\nindicators:\n" + "".join(f"  i{k:03}:\n    name: I{k}\n" for k in range(n))
        text += "targets:\n" + "".join(
            f"  - {{id: t{k:03}, indicator: i{k:03}, baseline: {{period: 2020, value: 10}},"
            f" milestones: [{{by: 2025, value: 15}}]}}\n"
            for k in range(n)
        )
        return parse_plan(text)

    def walks_for(n: int) -> tuple[int, list[tuple[str, str, float, float | None]]]:
        plan = plan_of(n)
        rows = _CountedRows(
            Observation(f"i{k:03}", parse_period(p), v, "official", "s", "", at, line)
            for k in range(n)
            for line, (p, v, at) in enumerate(
                [
                    ("2021", 11.0, "2022-02-01T00:00:00Z"),
                    ("2021", 11.5, "2024-02-01T00:00:00Z"),
                    ("2022", 12.0, "2024-03-01T00:00:00Z"),
                ],  # fmt: skip
                start=2 + 3 * k,
            )
        )
        series, _ = build_series(plan.indicators, rows)
        assessments = assess(plan, series, None, date(2024, 6, 1))
        _CountedRows.walks = 0
        review = since_review(plan, rows, "2023-01-01", None, assessments)
        found = [
            (c.observation.indicator, str(c.observation.period), c.observation.value, c.previous and c.previous.value)
            for c in review.changes
        ]
        return _CountedRows.walks, found

    few, found_few = walks_for(3)
    many, found_many = walks_for(60)
    assert many == few, (few, many)
    # Both figures recorded after 2023-01-01, per indicator: 2021 revising 11, 2022 new.
    assert found_few == [
        (f"i{k:03}", p, v, before) for k in range(3) for p, v, before in (("2021", 11.5, 11.0), ("2022", 12.0, None))
    ]
    assert len(found_many) == 120


def test_a_large_store_shows_what_the_report_is_doing_on_a_terminal_only(tmp_path: Path):
    """A national report said nothing for the 10-13 s it took to read and assess the store
    before its progress bar began (issue 17's hostile pass): a status line says so, on a
    terminal only, for a store of a megabyte or more (cli/waiting.py STATUS_FROM)."""
    from helpers import stderr_on_a_terminal

    note = "n" * 1000  # a long note a row, as a statistics office's export may carry
    rows = "".join(f"growth,{year},10.5,official,yearbook,{note},2026-01-01T00:00:00Z\n" for year in range(1000, 2021))
    path = write_tracker(tmp_path / "big", observations=OBSERVATIONS + rows)
    assert (path.parent / "observations.csv").stat().st_size > 1 << 20
    code, shown = stderr_on_a_terminal("report", "-o", "r.md", cwd=path.parent, env={"COLUMNS": "200"})
    assert code == 0, shown
    assert "Reading observations.csv" in shown and "Assessing 2 targets" in shown, shown
    assert (path.parent / "r.md").exists()
    piped = run("--targets", str(path), "report", "-o", str(path.parent / "r2.md"))
    assert piped.exit_code == 0 and "Reading" not in piped.stderr and "Assessing" not in piped.stderr
