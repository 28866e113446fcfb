"""A statistics officer's audit of the numbers the twenty-first session left unmarked
(issue 17, twenty-second session): each defect's test, written failing first, the expected
values worked out by hand in a comment (docs/decisions.md, "Numbers left unmarked")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import run_clean

_PLAN = """\
title: Ministry of Industry and Trade
indicators:
  exports: {name: Export turnover, unit: billion USD, measure: flow, frequency: month}
targets:
  - id: exports-2025
    type: plan
    indicator: exports
    period: 2025
    value: 400
"""

_HEADER = "indicator,period,value,status,source,note,recorded_at\n"

# January to March at 30 each; February revised to 40 on 10 April, after March's figure.
_Q1 = (
    _HEADER
    + "exports,2025-01,30,official,MOIT,,2025-02-06T00:00:00Z\n"
    + "exports,2025-02,30,official,MOIT,,2025-03-06T00:00:00Z\n"
    + "exports,2025-03,30,official,MOIT,,2025-04-06T00:00:00Z\n"
)
_REVISED = _Q1 + "exports,2025-02,40,official,MOIT,revised,2025-04-10T00:00:00Z\n"


# --- A figure qntrack added up from months carried no revision mark when one of its
# months was revised: "100 billion USD (2025-Q1, part-year, periods added up)" with
# `revises` null, the revised February said only in show's table of figures.


def _provisional(lang: str = "en", env: dict[str, str] | None = None) -> dict:
    r = run_clean("--lang", lang, "status", "--format", "json", "--as-of", "2025-04-30", env=env)
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)["targets"][0]["provisional"]


def test_a_sum_resting_on_a_revised_month_says_which_month_in_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, _PLAN, _REVISED)
    # 30 + 40 + 30 = 100 by 2025-Q1; the sum itself replaced no vintage (revises null), but
    # it rests on February's 40, which replaced 30.
    p = _provisional()
    assert p["value"] == 100 and p["source"] == "2025-01 + 2025-02 + 2025-03", p
    assert p["revises"] is None, p
    # and where 30 came from: MOIT, 6 March (twenty-fifth session)
    assert p["parts_revised"] == [
        {
            "period": "2025-02",
            "revises": 30,
            "revises_source": "MOIT",
            "revises_recorded_at": "2025-03-06T00:00:00Z",
            "revises_status": "official",  # the status of the 30 replaced (twenty-seventh session)
        }
    ], p
    # The same from the status cache's warm path as from a cold run.
    assert _provisional() == p
    assert _provisional(env={"QNTRACK_NO_CACHE": "1"}) == p


def test_a_sum_of_first_figures_has_no_part_revised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, _PLAN, _REVISED)
    # As of 8 April, before February's revision: 30 + 30 + 30 = 90, no part revised.
    r = run_clean("status", "--format", "json", "--as-of", "2025-04-08")
    p = json.loads(r.stdout)["targets"][0]["provisional"]
    assert p["value"] == 90 and p["parts_revised"] == [], p


def test_a_published_figure_has_no_parts_revised_field(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, _PLAN, _REVISED + "exports,2025-Q1,100,official,MOIT,,2025-04-12T00:00:00Z\n")
    p = _provisional()
    assert p["source"] == "MOIT" and "parts_revised" not in p, p


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_sum_resting_on_a_revised_month_is_marked_in_the_table_and_the_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
):
    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, _PLAN, _REVISED)
    # The sum 100 is marked "[1]", the legend naming the month revised and the 30 it replaced.
    env = {"COLUMNS": "200"}
    table = run_clean("--lang", lang, "status", "--format", "table", "--as-of", "2025-04-30", env=env)
    assert table.exit_code == 0, table.output
    figure = "100[1] billion USD"  # the plan gives no unit in Vietnamese
    assert figure in table.output, table.output
    if lang == "en":
        line = "[1] Export turnover 2025-02: 30 billion USD → revised, a part of 2025-Q1 (periods added up)"
    else:
        line = "[1] Export turnover 2025-02: 30 billion USD → đã điều chỉnh, một kỳ trong số liệu 2025-Q1 (tổng các kỳ)"
    assert line in table.output, table.output
    # Cached = uncached, byte for byte.
    cold = run_clean(
        "--lang", lang, "status", "--format", "table", "--as-of", "2025-04-30", env={**env, "QNTRACK_NO_CACHE": "1"}
    )
    assert cold.output == table.output
    report = run_clean("--lang", lang, "report", "--as-of", "2025-04-30", "-o", "r.md")
    assert report.exit_code == 0, report.output
    text = Path("r.md").read_text(encoding="utf-8")
    # Markdown escapes the brackets of a mark: "100\\[1\\] billion USD".
    assert figure.replace("[1]", "\\[1\\]") in text, text
    # A document writes the periods in words, as its tables do (issue 17, twenty-sixth session).
    month, quarter = ("February 2025", "Q1 2025") if lang == "en" else ("tháng 2/2025", "quý I/2025")
    words = line.replace("2025-02", month).replace("2025-Q1", quarter)
    assert words.replace("[1]", "\\[1\\]") in text, text


def test_a_sum_of_first_figures_is_not_marked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, _PLAN, _Q1)
    table = run_clean("status", "--format", "table", env={"COLUMNS": "200"})
    assert "100 billion USD (2025-Q1" not in table.output  # 30 + 30 + 30 = 90
    assert "90 billion USD (2025-Q1, part-year, periods added up)" in table.output, table.output
    assert "[1]" not in table.output, table.output


# --- A spreadsheet with "save as shown" off writes 15.3% as 0.153. For a "%" indicator,
# such a figure next to figures around 15 got only the jump warning ("1/98.7 of the figure
# for 2021"), with nothing of the per cent it likely is; as the indicator's first figure,
# nothing at all. Never refused: a real 0.5 % exists.

_SHARES = """\
title: Digital economy
indicators:
  share: {name: Digital economy share, unit: "%", measure: level, frequency: year}
  cpi: {name: Inflation, unit: "%", measure: rate, frequency: year, direction: decrease}
  fdi: {name: FDI, unit: billion USD, measure: flow, frequency: year}
targets:
  - id: share-2030
    type: level
    indicator: share
    baseline: {period: 2020, value: 10}
    milestones: [{by: 2025, value: 15}, {by: 2030, value: 30}]
  - id: cpi-cap
    type: every_period
    indicator: cpi
    from: 2021
    to: 2025
    at_most: 4
  - id: fdi-2025
    type: plan
    indicator: fdi
    period: 2025
    value: 15
"""


def _said(r, lang: str = "en") -> list[str]:
    word = ": warning: " if lang == "en" else ": cảnh báo: "
    return [line for line in r.stderr.splitlines() if word in line]


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_percent_figure_typed_as_a_fraction_is_warned_of_as_the_first_figure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
):
    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, _SHARES, _HEADER)
    # No figure of share on record: 0.153 × 100 = 15.3, within twice the baseline of
    # target share-2030, 10 (15.3 / 10 = 1.53), the first figure the target gives.
    r = run_clean("--lang", lang, "add-observation", "share", "2021", "0.153", "--recorded-at", "2022-03-01")
    assert r.exit_code == 0, r.output  # a warning: recorded all the same
    assert Path("observations.csv").read_text(encoding="utf-8").splitlines()[-1].startswith("share,2021,0.153,")
    said = _said(r, lang)
    if lang == "en":
        assert said == [
            "add-observation: warning: share 2021 = 0.153 is below 1, where target 'share-2030' of this "
            "'%' indicator reads 10: a per cent saved as a fraction (15.3% written 0.153 by a spreadsheet)? "
            "If so, 'qntrack retract share 2021' withdraws it, and 15.3 is the figure to record"
        ], said
    else:
        assert len(said) == 1 and "0,153" in said[0] and "15,3" in said[0] and "share-2030" in said[0], said
        assert "phần trăm" in said[0], said


def test_a_percent_figure_typed_as_a_fraction_beside_its_neighbour_says_the_per_cent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, _SHARES, _HEADER + "share,2021,15.1,official,GSO,,2022-03-01T00:00:00Z\n")
    # 15.1 / 0.153 = 98.69, "1/98.7" at three digits; 0.153 × 100 = 15.3, within twice
    # 15.1: one warning, the jump's, saying the per cent it likely is.
    dry = run_clean("add-observation", "share", "2022", "0.153", "--dry-run")
    assert [s for s in _said(dry) if "correct it to 15.3 before adding it" in s], dry.stderr
    r = run_clean("add-observation", "share", "2022", "0.153", "--recorded-at", "2023-03-01")
    assert r.exit_code == 0, r.output
    assert _said(r) == [
        "add-observation: warning: share 2022 = 0.153 is 1/98.7 of the figure for 2021 (15.1): a per cent "
        "saved as a fraction (15.3% written 0.153 by a spreadsheet)? If so, 'qntrack retract share 2022' "
        "withdraws it, and 15.3 is the figure to record"
    ], r.stderr


def test_check_warns_of_a_percent_figure_typed_as_a_fraction(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from conftest import make_tracker

    # Line 2, the series' only figure: against the target's 10 (15.3 / 10 = 1.53).
    make_tracker(tmp_path, monkeypatch, _SHARES, _HEADER + "share,2021,0.153,official,GSO,,2022-03-01T00:00:00Z\n")
    r = run_clean("check")
    lines = [x for x in r.output.splitlines() if "share 2021" in x]
    assert len(lines) == 1 and lines[0].startswith("observations.csv:2:"), r.output
    assert "15.3%" in lines[0] and "share-2030" in lines[0], lines
    assert r.exit_code == 0, r.output  # a warning
    # Line 3 beside 2021's 15.1 (line 2): 15.3 within twice 15.1 (and 15.1 / 0.153 = 98.7, a jump).
    Path("observations.csv").write_text(
        _HEADER
        + "share,2021,15.1,official,GSO,,2022-03-01T00:00:00Z\n"
        + "share,2022,0.153,official,GSO,,2023-03-01T00:00:00Z\n",
        encoding="utf-8",
    )
    r = run_clean("--lang", "vi", "check")
    lines = [x for x in r.output.splitlines() if "share 2022" in x]
    assert len(lines) == 1 and lines[0].startswith("observations.csv:3:"), r.output
    assert "15,3%" in lines[0] and "2021" in lines[0] and "15,1" in lines[0], lines


def test_a_real_small_per_cent_and_an_amount_are_not_taken_for_fractions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, _SHARES, _HEADER)
    # Inflation of 0.6 %, the first figure: 0.6 × 100 = 60 is 15 times the bound of 4, no
    # per cent written as a fraction. FDI of 0.153 billion USD: not a "%" unit.
    for args in (("cpi", "2021", "0.6"), ("fdi", "2025", "0.153")):
        r = run_clean("add-observation", *args, "--recorded-at", "2026-03-01")
        assert r.exit_code == 0 and _said(r) == [], r.stderr
    # Then 0.5 after 3.2: 3.2 / 0.5 = 6.4 times, a jump (above 5), but 50 is 15.6 times 3.2:
    # the jump's warning as before, nothing of a fraction.
    run_clean("add-observation", "cpi", "2022", "3.2", "--recorded-at", "2026-03-02")
    r = run_clean("add-observation", "cpi", "2023", "0.5", "--recorded-at", "2026-03-03")
    said = _said(r)
    assert len(said) == 1 and "1/6.4 of the figure for 2022 (3.2)" in said[0] and "fraction" not in said[0], said
    check = run_clean("check")
    assert "fraction" not in check.output, check.output


# --- `add-observation` of a month that makes a published total disagree with its months
# said nothing at entry; only `check parts-sum`, on demand, did. Entry now says it when the
# row entered is what takes the total apart (it agreed before), for the series touched only.

_QUARTERLY = _PLAN  # the same ministry plan: its months, then its quarters below

_Q2 = (
    _HEADER
    + "exports,2025-04,37.4,official,MOIT,,2025-05-06T00:00:00Z\n"
    + "exports,2025-05,39.6,official,MOIT,,2025-06-06T00:00:00Z\n"
    + "exports,2025-06,39.4,official,MOIT,,2025-07-06T00:00:00Z\n"
    + "exports,2025-Q2,116.4,official,MOIT,,2025-07-07T00:00:00Z\n"
)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_month_revised_after_its_quarter_is_said_at_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str):
    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, _QUARTERLY, _Q2)
    # Before: 37.4 + 39.6 + 39.4 = 116.4, the published Q2 itself. June revised to 39.9:
    # 37.4 + 39.6 + 39.9 = 116.9, 0.5 apart from 116.4, beyond the (3 + 1) × 0.05 = 0.2 the
    # rounding of four figures at one decimal makes (methodology.md, "Annual plans").
    r = run_clean("--lang", lang, "add-observation", "exports", "2025-06", "39.9", "--recorded-at", "2025-08-06")
    assert r.exit_code == 0, r.output  # a warning: recorded all the same
    said = _said(r, lang)
    assert len(said) == 1, r.stderr
    if lang == "en":
        assert said[0] == (
            "add-observation: warning: exports 2025-06 = 39.9 takes the published 2025-Q2 (116.4) apart from "
            "its parts in force added up, 2025-04 + 2025-05 + 2025-06 = 116.9 (0.5 apart, more than the "
            "figures' rounding makes): a plan reads the published 116.4; record the revised figure for 2025-Q2 "
            "if one was published ('qntrack check parts-sum' lists every such total)"
        ), said
    else:
        assert "116,4" in said[0] and "116,9" in said[0] and "lệch 0,5" in said[0] and "2025-Q2" in said[0], said
    # What check parts-sum says of the same store (line 5, Q2), as before.
    check = run_clean("check", "parts-sum")
    assert [x for x in check.output.splitlines() if x.startswith("observations.csv:5:")], check.output


def test_a_total_already_apart_or_kept_within_rounding_is_not_said_at_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from conftest import make_tracker

    # June at 39.5: 37.4 + 39.6 + 39.5 = 116.5, 0.1 from 116.4, within 0.2: nothing said.
    make_tracker(tmp_path, monkeypatch, _QUARTERLY, _Q2)
    r = run_clean("add-observation", "exports", "2025-06", "39.5", "--recorded-at", "2025-08-06")
    assert _said(r) == [], r.stderr
    # A quarter published apart from its months (a yearbook's, 118.0 against 116.4: 1.6
    # apart) before May is revised: it was apart already; this entry did not take it apart.
    Path("observations.csv").write_text(_Q2 + "exports,2025-Q2,118.0,official,GSO,,2025-09-01T00:00:00Z\n", "utf-8")
    r = run_clean("add-observation", "exports", "2025-05", "39.7", "--recorded-at", "2025-09-02")
    assert _said(r) == [], r.stderr


# --- Item 2: a figure typed with four decimals written at two. The status table, show's
# Latest and the key figures write a recorded figure where a rule judges it at the decimals
# where it differs from its bound or milestone (checked: 14.9996 against 15, 6.9996 against
# 7, 4.0004 against a ceiling of 4). A cumulative target's total did not: 20 × 4 + 19.9996 =
# 99.9996 was "Total so far: 100 trillion VND" beside "at least 100" and "Not achieved".

_TOTALS = """\
title: Investment
indicators:
  inv: {name: Investment, unit: trillion VND, measure: flow, frequency: year}
  spend: {name: Spending, unit: trillion VND, measure: flow, frequency: year, direction: decrease}
targets:
  - id: inv-total
    type: cumulative
    indicator: inv
    from: 2021
    to: 2025
    at_least: 100
  - id: spend-cap
    type: cumulative
    indicator: spend
    from: 2021
    to: 2025
    at_most: 100
"""

_TOTAL_ROWS = _HEADER + "".join(
    f"inv,{y},{v},official,GSO,,{y + 1}-03-01T00:00:00Z\nspend,{y},{w},official,GSO,,{y + 1}-03-01T00:00:00Z\n"
    for y, v, w in (
        (2021, "20", "20"),
        (2022, "20", "20"),
        (2023, "20", "20"),
        (2024, "20", "20"),
        (2025, "19.9996", "20.0004"),
    )
)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_cumulative_total_is_never_written_as_the_bound_it_misses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
):
    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, _TOTALS, _TOTAL_ROWS)
    # inv: 20 + 20 + 20 + 20 + 19.9996 = 99.9996, short of "at least 100" by 0.0004: not
    # achieved. spend: 20 × 4 + 20.0004 = 100.0004, over "at most 100" by 0.0004: not
    # achieved. At two decimals both read "100", the bound itself.
    short, over = ("99.9996", "100.0004") if lang == "en" else ("99,9996", "100,0004")
    for target, total in (("inv-total", short), ("spend-cap", over)):
        show = run_clean("--lang", lang, "show", target, "--as-of", "2026-06-01", env={"COLUMNS": "120"})
        row = next(x for x in show.stdout.splitlines() if x.startswith(("Total so far", "Lũy kế")))
        assert f"{total} trillion VND" in row, show.stdout
    report = run_clean("--lang", lang, "report", "--as-of", "2026-06-01", "--format", "markdown")
    assert f"| {short} trillion VND |" in report.stdout and f"| {over} trillion VND |" in report.stdout, report.stdout
    # The sentence under "In short" too: "99.9996 trillion VND so far: ..." ("Lũy kế 99,9996 ...").
    sentence = f"- {short} trillion VND so far" if lang == "en" else f"- Lũy kế {short} trillion VND"
    assert sentence in report.stdout, report.stdout


def test_a_spans_table_of_figures_keeps_the_typed_decimals(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from conftest import make_tracker

    plan = """\
title: Prices
indicators:
  cpi: {name: Inflation, unit: "%", measure: rate, frequency: year, direction: decrease}
targets:
  - id: cpi-avg
    type: average
    indicator: cpi
    from: 2021
    to: 2025
    at_most: 4
"""
    rows = _HEADER + "".join(
        f"cpi,{y},{v},official,GSO,,{y + 1}-03-01T00:00:00Z\n"
        for y, v in ((2021, "4"), (2022, "4"), (2023, "4"), (2024, "4"), (2025, "4.5004"))
    )
    make_tracker(tmp_path, monkeypatch, plan, rows)
    # 2025's 4.5004 was "4.5%" in the average's table of the span's figures (show's Details,
    # the report's Periods) and "4.5004%" in the table of observations under it: one
    # figure, two ways. Both now at the decimals typed, as the observations are.
    show = run_clean("show", "cpi-avg", "--as-of", "2026-06-01", env={"COLUMNS": "120"})
    rows_2025 = [x.strip() for x in show.stdout.splitlines() if x.strip().startswith("2025 ")]
    assert rows_2025 and all("4.5004%" in x for x in rows_2025), show.stdout
    report = run_clean("report", "--as-of", "2026-06-01", "--format", "markdown")
    assert "| 2025 | 4.5004% |" in report.stdout, report.stdout
