"""The HTML report as a person sees it: rendered by headless Chromium, looked at in pixels.

Two runs of Chromium on a small report (three targets, three kinds of chart): the first
loads a copy with a measuring script added and dumps the DOM, which tells where each chart
was laid out and how many of its marks have a size; the second takes a screenshot of the
report itself, whole, and the test checks that the page is not blank and that every
chart's region holds the colours of its data.
"""

from __future__ import annotations

import json
import re
import shutil
import os
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qntrack.output.charts import COLOURS
from qntrack.cli import app

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

# CI installs Chromium (.ci/run), so there its absence is a failure, not a skip.
if CHROMIUM is None and os.environ.get("CI") == "true":
    raise RuntimeError("CI=true but Chromium is missing: .ci/run should have installed it")

pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is not installed; install it with `apt-get install -y chromium` "
    "(Debian package 'chromium', plus fonts-dejavu-core) to run the browser test",
)

TARGETS = """\
version: 1
title: "Browser fixture: Quảng Ninh"
indicators:
  share:
    name: {en: "Industry share", vi: "Tỷ trọng công nghiệp"}
    unit: "%"
    frequency: half
  growth:
    name: "GRDP growth"
    unit: "%"
    measure: rate
  fdi:
    name: "FDI"
    unit: "million USD"
    measure: flow
    frequency: month
targets:
  - id: share
    indicator: share
    name: "Share: 15% by 2025, 20% by 2030"
    source: "https://example.org/resolution"
    baseline: {period: 2020, value: 10}
    milestones:
      - {by: 2025, value: 15}
      - {by: 2030, value: 20}
  - id: growth-every-year
    type: every_period
    indicator: growth
    at_least: 10
    from: 2019
    to: 2025
  - id: fdi-2024
    type: plan
    indicator: fdi
    period: 2024
    value: 3000
"""

OBSERVATIONS = """\
indicator,period,value,status,source,note,recorded_at
share,2020,10,,,,2021-01-10T00:00:00Z
share,2021,11,,,,2022-01-10T00:00:00Z
share,2022,11.6,,,,2023-01-10T00:00:00Z
share,2023,12.3,,,,2024-01-10T00:00:00Z
share,2024-H1,12.9,estimate,,,2024-07-10T00:00:00Z
growth,2019,12,,,,2020-01-10T00:00:00Z
growth,2020,10.1,,,,2021-01-10T00:00:00Z
growth,2021,10.3,,,,2022-01-10T00:00:00Z
growth,2022,10.3,,,,2023-01-10T00:00:00Z
growth,2023,11,,,,2024-01-10T00:00:00Z
growth,2024,8.4,,,,2025-01-10T00:00:00Z
fdi,2024,2877.8,,,,2025-01-10T00:00:00Z
"""

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]

PROBE = """<script>
(function () {
  var out = {height: document.documentElement.scrollHeight, charts: []};
  document.querySelectorAll("figure.chart").forEach(function (fig) {
    var svg = fig.querySelector("svg"), r = svg.getBoundingClientRect(), marks = 0;
    svg.querySelectorAll("circle.dot, rect.rect, path.line").forEach(function (el) {
      var b = el.getBBox();
      if (b.width > 0 || b.height > 0) { marks++; }
    });
    out.charts.push({target: fig.dataset.target, x: r.left + window.scrollX, y: r.top + window.scrollY,
                     w: r.width, h: r.height, marks: marks});
  });
  var pre = document.createElement("pre");
  pre.id = "probe";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>"""


def _chromium(tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp / f"profile-{len(list(tmp.glob('profile-*')))}"
    profile.mkdir()
    assert CHROMIUM is not None
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def _pixels_near(image, box, colour: tuple[int, int, int], tolerance: int = 40) -> int:
    region = image.crop(box).convert("RGB")
    return sum(
        count
        for count, pixel in region.getcolors(region.width * region.height)
        if sum(abs(a - b) for a, b in zip(pixel, colour, strict=True)) <= tolerance
    )


def test_the_report_renders_in_chromium(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from PIL import Image

    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    (tmp_path / "observations.csv").write_text(OBSERVATIONS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("QNTRACK_TARGETS", raising=False)
    report = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["report", "--format", "html", "-o", str(report)])
    assert result.exit_code == 0, result.output
    html = report.read_text(encoding="utf-8")

    # 1. Where Chromium laid out each chart, and how many of its marks it drew.
    probed = tmp_path / "probed.html"
    probed.write_text(html.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    dom = _chromium(tmp_path, "--window-size=1200,3000", "--dump-dom", probed.as_uri())
    match = re.search(r'<pre id="probe">(.*?)</pre>', dom.stdout, re.S)
    assert match, f"no probe in the DOM; chromium said: {dom.stderr[-2000:]}"
    probe = json.loads(match.group(1).replace("&quot;", '"').replace("&amp;", "&"))
    charts = {c["target"]: c for c in probe["charts"]}
    assert set(charts) == {"share", "growth-every-year", "fdi-2024"}
    for target, c in charts.items():
        assert c["w"] > 400 and c["h"] > 100, (target, c)
    # share: 4 annual points, 1 hollow part-year point, 2 milestones, and 4 lines
    # (actual, two paths, projection); growth: 6 points with the actual line and the
    # threshold; fdi: two bars (plan and result).
    assert charts["share"]["marks"] >= 4 + 1 + 2 + 4
    assert charts["growth-every-year"]["marks"] >= 6 + 2
    assert charts["fdi-2024"]["marks"] >= 2

    # 2. The report itself, whole, as pixels.
    height = min(int(probe["height"]) + 20, 12000)
    shot = tmp_path / "report.png"
    run = _chromium(tmp_path, f"--screenshot={shot}", f"--window-size=1200,{height}", report.as_uri())
    assert shot.exists(), f"no screenshot; chromium said: {run.stderr[-2000:]}"
    image = Image.open(shot).convert("RGB")
    small = image.resize((300, max(1, image.height // 4)))
    colours = small.getcolors(small.width * small.height)
    assert colours is not None and len(colours) > 50, "the page looks blank"
    white = sum(n for n, px in colours if min(px) > 245)
    assert white < 0.97 * small.width * small.height, "the page is nearly all white"

    actual, red = _rgb(COLOURS["actual"]), _rgb(COLOURS["milestone"])
    for target, c in charts.items():
        box = (int(c["x"]), int(c["y"]), int(c["x"] + c["w"]), int(c["y"] + c["h"]))
        assert box[3] <= image.height, f"{target}'s chart is below the screenshot"
        assert _pixels_near(image, box, actual) > 60, f"{target}: no data drawn in its chart"
        assert _pixels_near(image, box, red) > 30, f"{target}: no milestone, threshold or plan drawn"
    # The summary's statuses are coloured pills, not plain text.
    top = image.crop((0, 0, 1200, 900))
    assert _pixels_near(top, (0, 0, 1200, 900), (67, 160, 71), tolerance=30) > 100  # substantial progress
