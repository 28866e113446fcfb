"""A report of a large plan (issue 17): above LARGE_PLAN targets no chart per target and
each target's latest RECENT figures, so that a national plan's document stays one a
person opens (docs/report.md, "A large plan"); a progress bar on a terminal."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import stderr_on_a_terminal, run
from qntrack.output.report_view import LARGE_PLAN, RECENT


def _without_headline(md: str) -> str:
    """The Markdown report without its headline, whose list of targets at risk names every
    target of these plans (each below its path to 2030)."""
    top = md.index('## <a id="headline"></a>')
    return md[:top] + md[md.index("\n## ", top + 1) :]


def _plan(folder: Path, targets: int, years: int = 8) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    lines = ["version: 1", "title: Large", "indicators:"]
    lines += [f"  i{n}: {{name: Indicator {n}, unit: '%'}}" for n in range(targets)]
    lines.append("targets:")
    lines += [
        f"  - {{id: t{n}, indicator: i{n}, baseline: 2015, milestones: [{{by: 2030, value: {50 + n}}}]}}"
        for n in range(targets)
    ]
    (folder / "targets.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows = ["indicator,period,value,status,source,note,recorded_at"]
    for n in range(targets):
        for k in range(years):
            rows.append(f"i{n},{2015 + k},{10 + n + k * 0.5},official,Bulletin,,{2016 + k}-06-01T00:00:00Z")
    (folder / "observations.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder / "targets.yaml"


@pytest.mark.parametrize(("targets", "large"), [(LARGE_PLAN, False), (LARGE_PLAN + 1, True)])
def test_above_the_limit_a_target_has_no_chart_and_its_latest_figures(tmp_path: Path, targets: int, large: bool):
    plan = _plan(tmp_path, targets)
    done = run("--targets", str(plan), "report", "--format", "html", "-o", str(tmp_path / "r.html"))
    assert done.exit_code == 0, done.stderr
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    section = html[html.index('id="t-t7"') :]
    section = section[: section.index("</section>")]
    if large:
        assert "<svg" not in section
        assert f"a report of more than {LARGE_PLAN} targets draws none (qntrack report t7 draws this one)" in section
        # Eight figures, the latest five listed: 2018 to 2022; three earlier said.
        listed = section[section.index('<table class="obs">') :]
        assert listed[: listed.index("</table>")].count("<tr><td") == RECENT
        assert ">2022<" in section and ">2018<" in section and ">2017<" not in section
        assert "3 earlier figure(s) are not listed: qntrack observations --indicator i7 lists them all." in section
    else:
        assert "<svg" in section and "earlier figure" not in section
    # Every target is found from the summary: one link each (the headline's list of the
    # targets at risk, every one here, links ten more: issue 17, twenty-seventh session).
    html = re.sub(r'<section class="headline".*?</section>', "", html, flags=re.S)
    assert html.count('href="#t-') == targets


@pytest.mark.parametrize("name", ["r.html", "r.xlsx", "r.docx"])
def test_a_progress_bar_on_a_terminal_and_none_in_a_pipe(tmp_path: Path, name: str):
    """Every document format shows it (the workbook and the Word document count their own
    work), and none does in a pipe. A plan above LARGE_PLAN, so that no chart is drawn:
    the bar is the same, and 120 targets' Word charts took a minute of the suite."""
    plan = _plan(tmp_path, LARGE_PLAN + 1, years=3)
    code, shown = stderr_on_a_terminal("--targets", str(plan), "report", "-o", str(tmp_path / name))
    assert code == 0, shown
    assert "Writing the report" in shown and "Traceback" not in shown, shown
    if not name.endswith(".html"):  # the rows written, the library packs them: said, not a bar standing still
        assert "Saving the file" in shown, shown
    piped = run("--targets", str(plan), "report", "-o", str(tmp_path / f"2{name}"))
    assert piped.exit_code == 0 and "Writing the report" not in piped.stderr


def test_a_large_plans_markdown_draws_no_chart_and_links_every_row(tmp_path: Path):
    """The Markdown report follows the HTML's large-plan layout: no chart file per target
    (10,000 of them took minutes and 196 MB), the summary's rows linked to their sections."""
    targets = LARGE_PLAN + 1
    plan = _plan(tmp_path, targets)
    out = tmp_path / "r.md"
    done = run("--targets", str(plan), "report", "--format", "markdown", "-o", str(out))
    assert done.exit_code == 0, done.stderr
    md = out.read_text(encoding="utf-8")
    assert not (tmp_path / "r-charts").exists()
    assert "![" not in md and ".svg" not in md
    section = md[md.index('<a id="t-t7"></a>') :]
    section = section[: section.index('<a id="t-t8"></a>')]
    assert f"a report of more than {LARGE_PLAN} targets draws none (qntrack report t7 draws this one)" in section
    assert "3 earlier figure(s) are not listed" in section
    # One link per summary row, each to the one anchor its section carries (the headline's
    # targets at risk left out: issue 17, twenty-seventh session).
    links = re.findall(r"\]\(#(t-[a-z0-9-]+)\)", _without_headline(md))
    assert len(links) == len(set(links)) == targets
    anchors = re.findall(r'<a id="(t-[a-z0-9-]+)"></a>', md)
    assert sorted(anchors) == sorted(links)


def test_a_small_plans_markdown_still_draws_its_charts_and_links_its_rows(tmp_path: Path):
    plan = _plan(tmp_path, 3)
    out = tmp_path / "r.md"
    done = run("--targets", str(plan), "report", "--format", "markdown", "-o", str(out))
    assert done.exit_code == 0, done.stderr
    md = out.read_text(encoding="utf-8")
    assert len(list((tmp_path / "r-charts").glob("*.svg"))) == 3
    assert _without_headline(md).count("](#t-") == 3 and md.count('<a id="t-') == 3
