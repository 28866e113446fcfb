"""Every number printed under --lang vi has a decimal comma and a thousands dot, as every
other Vietnamese number does (issue 12): the axis labels of `show`'s terminal chart, and
the figures in the report's SVG charts. Expected labels are worked out by hand below.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import make_tracker
from qntrack.cli import app

runner = CliRunner()

ENV = {"NO_COLOR": "1", "COLUMNS": "100"}


def chart_labels(stdout: str) -> list[str]:
    """The labels left of the terminal chart's axis (`     15 │`), top to bottom."""
    return [m.group(1) for m in re.finditer(r"^ *(\S+) │", stdout, re.MULTILINE)]


@pytest.mark.parametrize("lang, labels", [("en", ["15", "9.8"]), ("vi", ["15", "9,8"])])
def test_show_chart_axis_in_the_language(tracker: Path, lang: str, labels: list[str]):
    """The small plan: baseline 9.8 (2020), next milestone 15 by 2025, actuals between:
    the path runs from 9.8 up to 15, so the top label is 15 and the bottom one 9.8."""
    r = runner.invoke(app, ["show", "share", "--lang", lang], env=ENV)
    assert r.exit_code == 0, r.stderr
    assert chart_labels(r.stdout) == labels


PER_CAPITA = """\
version: 1
title: "Per capita"
indicators:
  gdp:
    name: "GRDP per capita"
    unit: "USD"
    direction: increase
targets:
  - id: gdp
    indicator: gdp
    baseline: {period: 2017, value: 4528.5}
    milestones:
      - {by: 2025, value: 10000}
"""

PER_CAPITA_OBSERVATIONS = """\
indicator,period,value,status,source,note,recorded_at
gdp,2018,5012,official,s,,2019-03-01T00:00:00Z
gdp,2019,5600,official,s,,2020-03-01T00:00:00Z
gdp,2020,6100,official,s,,2021-03-01T00:00:00Z
"""


@pytest.mark.parametrize("lang, labels", [("en", ["10,000", "4,528.5"]), ("vi", ["10.000", "4.528,5"])])
def test_show_chart_axis_groups_thousands_as_the_language_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, labels: list[str]
):
    """The path runs from the baseline 4528.5 (the lowest value) to the milestone 10000
    (the highest): 4.528,5 and 10.000 in Vietnamese, 4,528.5 and 10,000 in English."""
    make_tracker(tmp_path, monkeypatch, PER_CAPITA, PER_CAPITA_OBSERVATIONS)
    r = runner.invoke(app, ["show", "gdp", "--lang", lang], env=ENV)
    assert r.exit_code == 0, r.stderr
    assert chart_labels(r.stdout) == labels


def _svg_texts(svg: str) -> list[str]:
    """What an SVG says to a reader: its <text>, <title> and <desc> contents, except
    the x/y coordinates pygal keeps in <desc class="x ..."> and <desc class="y ...">."""
    svg = re.sub(r'<desc class="[xy] [^"]*">[^<]*</desc>', "", svg)
    return re.findall(r"<(?:text|title|desc)[^>]*>([^<]*)<", svg)


def test_report_charts_write_vietnamese_numbers(tracker: Path):
    """share's 2024-Q1 reading (12.9) is drawn at the end of its quarter, x = 2023.25 on an
    axis where a year Y ends at Y (the chart's convention); its tooltip reads
    "2023,25: 12,9" in Vietnamese, "2023.25: 12.9" in English: a year is never grouped
    in thousands (not "2,023.25")."""
    r = runner.invoke(app, ["report", "-o", "vi.md", "--lang", "vi"])
    assert r.exit_code == 0, r.stderr
    texts = [t for svg in sorted((tracker / "vi-charts").glob("*.svg")) for t in _svg_texts(svg.read_text())]
    assert "2023,25: 12,9" in texts
    assert [t for t in texts if re.search(r"\d\.\d", t)] == []
    r = runner.invoke(app, ["report", "-o", "en.md", "--lang", "en"])
    assert r.exit_code == 0, r.stderr
    texts = [t for svg in sorted((tracker / "en-charts").glob("*.svg")) for t in _svg_texts(svg.read_text())]
    assert "2023.25: 12.9" in texts
    assert [t for t in texts if re.search(r"\d,\d", t)] == []


# --- a figure that is not zero never prints as 0 (issue 12, f5) ----------------------------


@pytest.mark.parametrize(
    "value, lang, shown",
    [
        (0.0000001, "en", "0.0000001"),
        (0.0000001, "vi", "0,0000001"),
        (0.004, "en", "0.004"),  # 2 decimals would say 0
        (-0.0012345, "en", "-0.0012"),  # two significant digits
        (0.004, "vi", "0,004"),
        (1e-300, "en", "1e-300"),  # past 12 decimals: the exponent says it
        (0.0, "en", "0"),
        (12.3456, "en", "12.35"),  # as before: two decimals
        (1234567.891, "vi", "1.234.567,89"),
    ],
)
def test_a_small_figure_keeps_its_significant_digits(value: float, lang: str, shown: str):
    from qntrack.output.i18n import number

    assert number(value, lang) == shown


def test_observations_never_show_a_tiny_figure_as_zero(tracker: Path):
    from helpers import run_clean

    r = run_clean("add-observation", "mining", "2021", "0.0000001", "--recorded-at", "2022-01-01T00:00:00Z")
    assert r.exit_code == 0, r.stderr
    out = run_clean("observations", "--indicator", "mining", "--format", "table").stdout
    line = next(line for line in out.splitlines() if " 2021 " in line)
    assert "0.0000001" in line, line


# --- a huge figure prints as its exponent, never as 300 digits of float noise (issue 12, g2) ---


@pytest.mark.parametrize(
    "value, lang, shown",
    [
        (2e300, "en", "2e+300"),
        (2e300, "vi", "2e+300"),
        (-2.5e300, "en", "-2.5e+300"),
        (-2.5e300, "vi", "-2,5e+300"),
        (1e15, "en", "1e+15"),  # from 1e15 the exponent says it
        (999999999999999.0, "en", "999,999,999,999,999"),  # below it: every typed digit, grouped
        (1.5e20, "vi", "1,5e+20"),
    ],
)
def test_a_huge_figure_is_written_with_its_exponent(value: float, lang: str, shown: str):
    from qntrack.output.i18n import number, value_with_unit

    assert number(value, lang) == shown
    assert value_with_unit(value, "%", lang) == shown + "%"


def test_status_and_show_write_a_huge_figure_in_a_few_characters(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from conftest import make_tracker
    from helpers import run_clean

    targets = (
        'version: 1\ntitle: T\nindicators:\n  a:\n    name: A\n    unit: "%"\n    direction: increase\n'
        "targets:\n  - id: a\n    indicator: a\n    baseline: 2020\n    milestones:\n      - {by: 2025, value: 1e300}\n"
    )
    store = (
        "indicator,period,value,status,source,note,recorded_at\n"
        "a,2020,1,,,,2021-01-01T00:00:00Z\na,2021,2e300,,,,2022-01-01T00:00:00Z\n"
    )
    make_tracker(tmp_path, monkeypatch, targets, store)
    for lang in ("en", "vi"):
        for args in (("status", "--format", "table"), ("show", "a")):
            out = run_clean(*args, "--lang", lang, env={"COLUMNS": "80"}).stdout
            assert "2e+300" in out, out
            assert not re.search(r"\d{1,3}([.,]\d{3}){5}", out), out  # no run of grouped digits
    # Machine formats keep the number as Python writes it, unchanged.
    assert "2e+300" in run_clean("status", "--format", "csv").stdout
