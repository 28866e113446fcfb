"""The fifteenth session's second review (issue 17): regressions found in the changes
merged after the first review pass, each a failing test first (docs/decisions.md, "The
fifteenth session's second review")."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import run_clean

LONG_A = "Economic Zone Management Board of the province and its industrial parks"  # 71 letters
LONG_B = "Department of Planning and Investment with all of its subordinate units"  # 71 letters

UNITS_PLAN = f"""\
version: 1
title: "Long unit names"
dimensions:
  agency:
    name: "Agency"
    values: ["{LONG_A}", "{LONG_B}", "Ha Long"]
indicators:
  rev:
    name: "Revenue"
    unit: "billion VND"
    measure: flow
    frequency: year
    dimensions: [agency]
targets:
  - id: rev-plan
    type: plan
    indicator: rev
    name: "Revenue plan 2025"
    period: 2025
    value: 3000
    for_each: agency
"""

UNITS_STORE = STORE_HEADER + "".join(
    f'"rev[agency={name}]",2025,{value},,,,2026-01-01T00:00:00Z\n'
    for name, value in ((LONG_A, 1234567.89), (LONG_B, 2000), ("Ha Long", 900))
)


@pytest.fixture
def units_plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, UNITS_PLAN, UNITS_STORE)


# The units chart's bar labels gained the status in words (" · Not available", issue 17).
# The name in a label was cut at 60 letters so that a long name could not push the bars
# off the chart (chart_pygal.BAR_LABEL); with the status added, a 60-letter name and a long
# figure made a label of about 105 letters, wider than the 760-pixel chart: pygal put the
# plot at x = 816, its width negative, and every bar was drawn off the picture (the old
# label, without the status, still left a 61-pixel plot). The whole label is now kept to
# 60 letters, the name cut to make room (never below 16), the figure and status whole.
def test_long_unit_names_leave_the_units_chart_its_bars(units_plan: Path):
    result = run_clean("report", "--format", "markdown", "-o", "r.md")
    assert result.exit_code == 0, result.output
    svg = (units_plan / "r-charts" / "rev-plan_units.svg").read_text(encoding="utf-8")
    # The plot group: translate(x, y). By hand, a label of at most 66 letters at about
    # 7 pixels a letter is some 460 pixels, so the plot starts left of 760 - 200 = 560.
    x = float(re.search(r'<g transform="translate\(([-\d.]+), [-\d.]+\)" class="plot"', svg)[1])
    assert x < 560, x
    # Every bar starts inside the plot (x >= 0), none off the picture to its left.
    bars = [float(v) for v in re.findall(r'<rect x="([-\d.]+)"[^>]*class="rect reactive', svg)]
    assert len(bars) == 3 and min(bars) >= 0, bars
    # The figure and the status stay whole; the name is what is shortened. By hand: the
    # rest of the first label, "1. " + ": 1,234,567.89 billion VND (2025)" + " · Not
    # available", is 3 + 33 + 16 = 52 letters, 8 left of 60, so the name keeps the floor of 16: its
    # first 15 letters "Economic Zone M" and the ellipsis.
    labels = re.findall(r'<text x="[-\d.]+" y="[-\d.]+" class="">(\d\. [^<]*)</text>', svg)
    assert "1. Economic Zone M…: 1,234,567.89 billion VND (2025) · Not available" in labels, labels
    assert "3. Ha Long: 900 billion VND (2025) · Not available" in labels, labels


def _left(path: Path, hours: float) -> Path:
    path.write_bytes(b"half an export")
    then = time.time() - hours * 3600
    os.utime(path, (then, then))
    return path


# docs/data-integrity.md: "the next report or export that writes the same files removes"
# what a killed run left (.NAME.XXXXXXXX.tmp, older than an hour). A report and an Open
# SDG export did; an SDMX-CSV export, written atomically as a report is, did not, so what
# a killed one left stayed beside the file for good.
def test_an_sdmx_exports_stale_temporary_is_swept(shipped: Path):
    stale = _left(shipped / ".x.csv.k2j4h6g8.tmp", hours=3)  # a killed export of x.csv
    fresh = _left(shipped / ".x.csv.zzzz9999.tmp", hours=0.1)  # perhaps one writing now
    other = _left(shipped / ".y.csv.k2j4h6g8.tmp", hours=3)  # another file's: not this run's
    result = run_clean("export", "sdmx-csv", "-o", "x.csv")
    assert result.exit_code == 0, result.output
    assert not stale.exists()
    assert fresh.exists() and other.exists()


# A chart's text alternative begins "Chart: {title}." (charts.alt_text); a target named
# with a closing full stop, as a resolution's sentence often is, read "Chart: GRDP up 10%
# a year.. It shows: ...", a doubled stop a screen reader reads out as it is.
def test_a_title_ending_in_a_full_stop_is_not_stopped_twice():
    from qntrack.output.charts import alt_text

    # By hand: the title's own stop ends the first sentence, then the legend's sentence.
    assert alt_text("GRDP up 10% a year.", ["Actual"], (), "en") == (
        "Chart: GRDP up 10% a year. It shows: Actual. Its figures are in the tables of this section."
    )
    assert alt_text("GRDP tăng 10%/năm.", ["Thực tế"], (), "vi").startswith(
        "Biểu đồ: GRDP tăng 10%/năm. Biểu đồ thể hiện"
    )
