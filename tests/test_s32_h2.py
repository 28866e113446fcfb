"""Issue 17, thirty-second session, pass H2: an auditor's leftovers, each a place where two
outputs told one fact differently. Each test was written failing first; the expected words
and figures are worked out by hand from the rows typed here."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean

# --- 1. the report's key figures mark a revised baseline as `show` does ----------------------

BASELINE_PLAN = """\
version: 1
title: "Poverty"
indicators:
  poverty:
    name: "Poverty rate"
    unit: "%"
    direction: decrease
targets:
  - id: poverty-down
    indicator: poverty
    baseline: 2021
"""

# 2021's rate, the baseline, first 5 (P21), then revised to 6 (P21 rev) on 2024-06-01.
BASELINE_STORE = """\
indicator,period,value,status,source,note,recorded_at
poverty,2021,5,official,P21,,2022-03-01T00:00:00Z
poverty,2023,4,official,P23,,2024-03-01T00:00:00Z
poverty,2021,6,official,P21 rev,,2024-06-01T00:00:00Z
"""


@pytest.fixture
def baseline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, BASELINE_PLAN, BASELINE_STORE)


_FIGURES = {
    "en": (
        "| Baseline | 6%\\[1\\] (2021) |",
        "Figures that revised an earlier one (the figure replaced → the figure in force):",
        "\\[1\\] Poverty rate 2021: 5% → 6% (official, recorded 2024-06-01; source: P21 rev), "
        "replacing 5% (recorded 2022-03-01; source: P21)",
        "### Observations",
    ),
    "vi": (
        "| Giá trị gốc | 6%\\[1\\] (năm 2021) |",
        "Số liệu điều chỉnh so với số đã công bố trước đó (số bị thay thế → số liệu đang có hiệu lực):",
        "\\[1\\] Poverty rate năm 2021: 5% → 6% (chính thức, ghi nhận 01/06/2024; nguồn: P21 rev), "
        "thay cho số liệu 5% (ghi nhận 01/03/2022; nguồn: P21)",
        "### Số liệu",
    ),
}


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_report_marks_a_baseline_revised_since_under_its_figures(baseline: Path, lang: str) -> None:
    """`show` printed "Baseline 6%[1] (2021)" with a legend naming both publications (5 by
    P21, revised to 6 by P21 rev on 2024-06-01); the report's Figures table said
    "Baseline | 6% (2021)", no mark, though the baseline moved P from 0.11 to 0.18. It is
    now marked there, its legend line under the Figures table (before the Observations'
    own), in the words the report's tables use (the period in words)."""
    row, heading, note, after = _FIGURES[lang]
    lines = run_clean("--lang", lang, "report", "-f", "markdown", "--as-of", "2024-06-01").stdout.splitlines()
    at = lines.index(row)
    legend = lines[at:]
    assert legend.index(heading) < legend.index(note) < legend.index(after), "\n".join(legend)
    before = run_clean("--lang", lang, "report", "-f", "markdown", "--as-of", "2024-03-01").stdout
    assert row.replace("6%\\[1\\]", "5%") in before.splitlines() and "\\[1\\]" not in before


def test_the_html_and_word_reports_mark_the_baseline_too(baseline: Path) -> None:
    """The HTML report (and the PDF made from it) and the Word report: the mark in the
    Baseline cell, its note under the table."""
    import docx

    html = run_clean("report", "-f", "html", "--as-of", "2024-06-01").stdout
    assert '<th scope="row">Baseline</th><td>6%[1] (2021)</td>' in html, html
    facts = html.split('<table class="facts">', 1)[1]
    assert facts.index("</table>") < facts.index(
        '<p class="note">[1] Poverty rate 2021: 5% <span role="img" aria-label="to">→</span> 6% (official, '
        "recorded 2024-06-01; source: P21 rev)"
    )
    made = run_clean("report", "--as-of", "2024-06-01", "-o", "r.docx")
    assert made.exit_code == 0, made.output
    doc = docx.Document("r.docx")
    cells = [c.text for row in doc.tables[1].rows for c in row.cells]
    assert "6%[1] (2021)" in cells, cells
    texts = [p.text for p in doc.paragraphs]
    assert any(t.startswith("[1] Poverty rate 2021: 5% → 6% (official") for t in texts), texts


def test_a_baseline_the_plan_states_is_not_marked_in_the_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`baseline: {period: 2021, value: 5.5}` is the plan's figure: the store's revision of
    2021 (5 → 6) is not what it is, so the Figures table marks nothing (the Observations
    table still marks the 2021 row)."""
    make_tracker(
        tmp_path,
        monkeypatch,
        BASELINE_PLAN.replace("baseline: 2021", "baseline: {period: 2021, value: 5.5}"),
        BASELINE_STORE,
    )
    lines = run_clean("report", "-f", "markdown").stdout.splitlines()
    assert "| Baseline | 5.5% (2021) |" in lines
    figures = lines[lines.index("### Figures") : lines.index("### Observations")]
    assert not any("[1]" in line or "revised an earlier" in line for line in figures), figures


# --- 2. rank says a withdrawn unit figure awaited in status's words ---------------------------


@pytest.mark.parametrize(
    ("lang", "awaited"),
    [("en", "⌛ awaiting figure 2024 (withdrawn)"), ("vi", "⌛ chờ số liệu 2024 (đã rút lại)")],
)
def test_rank_says_a_units_withdrawn_figure_is_awaited_as_status_does(
    shipped: Path, monkeypatch: pytest.MonkeyPatch, lang: str, awaited: str
) -> None:
    """Cẩm Phả's 2024 budget revenue (18,000, the only 2024 figure of a unit with a plan)
    withdrawn on 2026-01-10: `status --by locality` said "⌛ awaiting figure 2024
    (withdrawn)" under its "Not available", while `rank` said only "no figure for the
    target's period yet", as for a figure never published (its legend alone said it was
    withdrawn). Rank's status cell now ends with status's words on a line of their own (the
    same catalog key; `show`'s ranked table is rank's); a unit awaiting nothing keeps its
    cell."""
    monkeypatch.setenv("COLUMNS", "250")
    made = run_clean(
        "retract", "budget_revenue", "2024", "--dim", "locality=Cẩm Phả", "--recorded-at", "2026-01-10T00:00:00Z"
    )
    assert made.exit_code == 0, made.output
    status = run_clean("--lang", lang, "status", "--by", "locality", "--as-of", "2026-01-10", "-f", "table").stdout
    assert awaited in status
    ranked = run_clean("--lang", lang, "rank", "budget-revenue-plan-2024", "--as-of", "2026-01-10", "-f", "table")
    rows = [" ".join(line.split()) for line in ranked.stdout.splitlines()]
    at = next(i for i, r in enumerate(rows) if r.startswith("3 Cẩm Phả"))
    assert rows[at + 1] == awaited, ranked.stdout  # on a line of its own, as in status's cell
    assert [r for r in rows if awaited in r] == [awaited]


# --- 3. date messages: the padded day, the hour, a lowercase z --------------------------------


@pytest.mark.parametrize(
    ("typed", "lang", "said"),
    [
        (
            "2026-12-6",
            "en",
            "'2026-12-6' is not a date; a day is written YYYY-MM-DD, two digits for the month and the day: write 2026-12-06",
        ),
        ("2026-1-06", "en", "write 2026-01-06"),
        ("2026-1-6", "en", "write 2026-01-06"),
        (
            "2026-12-6",
            "vi",
            "'2026-12-6' không phải là ngày; ngày được viết YYYY-MM-DD, tháng và ngày đủ hai chữ số: hãy viết 2026-12-06",
        ),
    ],
)
def test_a_day_of_one_digit_in_iso_order_is_told_the_padded_day(
    baseline: Path, typed: str, lang: str, said: str
) -> None:
    """`--as-of 6/12/2026` was told "2026-12-06" and `--as-of 2024/12/31` "2024-12-31", but
    `--as-of 2026-12-6`, the ISO order with a digit short, got the generic "write
    YYYY-MM-DD, e.g. 2023-06-28": the reader had written YYYY-MM-DD, as far as they could
    see. It is told the day with its digits (no day is guessed: the text names one)."""
    for command in (("status", "--as-of"), ("report", "-f", "markdown", "--since")):
        made = run_clean("--lang", lang, *command, typed)
        assert made.exit_code == 2, made.output
        assert said in made.stderr, made.stderr


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "'2026-1-6' is not an ISO 8601 timestamp: the month and the day take two digits; write 2026-01-06"),
        (
            "vi",
            "'2026-1-6' không phải là thời điểm theo ISO 8601: tháng và ngày viết đủ hai chữ số; hãy viết 2026-01-06",
        ),
    ],
)
def test_a_recorded_at_of_one_digit_in_iso_order_is_told_the_padded_day(baseline: Path, lang: str, said: str) -> None:
    """`--recorded-at 2026-1-6` was told "write e.g. 2023-11-27T09:00:00Z or 2023-11-27" where
    `--as-of 2026-1-6` is now told 2026-01-06 and `--recorded-at 2026/1/6` was told it too:
    the same day, told the same way. Still refused: no day is stored as typed."""
    made = run_clean("--lang", lang, "add-observation", "poverty", "2024", "3", "--recorded-at", "2026-1-6")
    assert made.exit_code != 0 and said in made.stderr, made.stderr
    assert "2024,3" not in Path("observations.csv").read_text(encoding="utf-8")


def test_a_padded_day_that_is_no_day_keeps_the_calendars_message(baseline: Path) -> None:
    """2026-2-30 is no day even padded: told so as 2026-02-30 is, not offered a day."""
    made = run_clean("status", "--as-of", "2026-2-30")
    assert made.exit_code == 2 and "write 2026-02-30" not in made.stderr, made.stderr


@pytest.mark.parametrize(
    ("typed", "lang", "said"),
    [
        (
            "2026-01-06T25:00Z",
            "en",
            "recorded_at '2026-01-06T25:00Z' is not a real moment: the hour 25 is not 00 to 23",
        ),
        ("2026-01-06T25:00:00Z", "en", "the hour 25 is not 00 to 23"),
        (
            "2026-01-06T08:61:00Z",
            "en",
            "recorded_at '2026-01-06T08:61:00Z' is not a real moment: the minute 61 is not 00 to 59",
        ),
        ("2026-01-06T08:00:60+07:00", "en", "the second 60 is not 00 to 59"),
        (
            "2026-01-06T25:00Z",
            "vi",
            "recorded_at '2026-01-06T25:00Z' không phải là thời điểm có thật: giờ 25 không thuộc khoảng 00 đến 23",
        ),
    ],
)
def test_a_moment_whose_time_is_wrong_says_which_part(baseline: Path, typed: str, lang: str, said: str) -> None:
    """`--recorded-at 2026-01-06T25:00Z` was told "is not a real date": 6 January 2026 is
    one; the hour is what is wrong. The part out of range is named, with its range."""
    made = run_clean("--lang", lang, "add-observation", "poverty", "2024", "3", "--recorded-at", typed)
    assert made.exit_code != 0
    assert said in made.stderr, made.stderr
    assert "2024,3" not in Path("observations.csv").read_text(encoding="utf-8")


def test_a_wrong_date_with_a_wrong_hour_is_told_the_date(baseline: Path) -> None:
    """2026-02-30T25:00Z: the date comes first, and is what the message names."""
    made = run_clean("add-observation", "poverty", "2024", "3", "--recorded-at", "2026-02-30T25:00Z")
    assert "recorded_at '2026-02-30T25:00Z' is not a real date" in made.stderr, made.stderr


@pytest.mark.parametrize("typed", ["2026-01-06T08:00:00z", "2026-01-06t08:00:00z", "2026-01-06T15:00:00+07:00"])
def test_a_lowercase_z_is_utc_as_rfc_3339_allows(baseline: Path, typed: str) -> None:
    """RFC 3339 (section 5.6, note) allows "t" and "z" in lower case; "t" was taken, "z"
    refused as "not an ISO 8601 timestamp". It is UTC, written back as the store writes
    every moment, 2026-01-06T08:00:00Z, and every reader then reads that text."""
    made = run_clean("add-observation", "poverty", "2024", "3", "--recorded-at", typed)
    assert made.exit_code == 0, made.output
    assert Path("observations.csv").read_text(encoding="utf-8").endswith("poverty,2024,3,,,,2026-01-06T08:00:00Z\n")


def test_a_store_row_with_a_lowercase_z_reads_as_its_upper_case(baseline: Path) -> None:
    """A hand-edited row "…T08:00:00z" reads as the moment it names, as one with an offset
    does: `check` passes it and `history` says its UTC moment."""
    with open("observations.csv", "a", encoding="utf-8") as fh:
        fh.write("poverty,2024,3,official,P24,,2026-01-06T08:00:00z\n")
    assert run_clean("check").exit_code == 0
    assert "2026-01-06T08:00:00Z" in run_clean("history", "poverty", "-f", "csv").stdout


# --- 4. the status table's mark on an older period's figure says why that figure is shown -----

AUDIT_PLAN = """\
version: 1
title: "Audit plan"
indicators:
  share:
    name: "Manufacturing share"
    unit: "%"
    direction: increase
targets:
  - id: share
    indicator: share
    baseline: {period: 2020, value: 10}
    milestones:
      - {by: 2025, value: 15}
"""

# 2023's 13.1 (Yearbook 2023) withdrawn on 2024-08-10, 13.2 recorded again on 2024-09-01.
AUDIT_STORE = """\
indicator,period,value,status,source,note,recorded_at
share,2022,12,official,Yearbook 2022,,2023-06-30T03:00:00Z
share,2023,13.1,official,Yearbook 2023,,2024-06-30T20:00:00Z
share,2023,,retracted,Dept,wrong table,2024-08-10T09:00:00Z
share,2023,13.2,official,Yearbook 2023 corrected,,2024-09-01T16:30:00Z
"""

_INSTEAD = {
    "en": (
        "Manufacturing share 12%[1] (2022)",
        "[1] Manufacturing share 2023: 13.1% → – (withdrawn on 2024-08-10; source: Dept), withdrawing 13.1% "
        "(recorded 2024-06-30; source: Yearbook 2023); the 2022 figure is shown because the 2023 figure was withdrawn",
    ),
    "vi": (
        "Manufacturing share 12%[1] (2022)",
        "[1] Manufacturing share 2023: 13,1% → – (rút lại ngày 10/08/2024; nguồn: Dept), rút lại số liệu 13,1% "
        "(ghi nhận 30/06/2024; nguồn: Yearbook 2023); số liệu 2022 được hiển thị vì số liệu 2023 đã bị rút lại",
    ),
}


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_mark_on_an_older_periods_figure_says_why_it_is_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """By the end of 2024-08-10 2023's figure is withdrawn and the table shows 2022's,
    "12%[1] (2022)"; the legend line [1] spoke of 2023 alone ("13.1% → –"), and an auditor
    read the mark on 12% as "12% was revised". The line now says plainly that the 2022
    figure is shown because the 2023 figure was withdrawn. Once 13.2 is recorded again
    (2024-09-01) the table shows 2023's figure, and the line says nothing of the kind."""
    make_tracker(tmp_path, monkeypatch, AUDIT_PLAN, AUDIT_STORE)
    monkeypatch.setenv("COLUMNS", "250")
    row, note = _INSTEAD[lang]
    table = run_clean("--lang", lang, "status", "--as-of", "2024-08-10", "-f", "table").stdout
    lines = [" ".join(line.split()) for line in table.splitlines()]
    assert any(line.startswith(row) for line in lines), table
    assert note in lines, table
    later = run_clean("--lang", lang, "status", "--as-of", "2024-09-01", "-f", "table").stdout
    assert "[1]" in later and "2022" not in later.split("[1] ", 1)[1], later


def test_a_withdrawn_figure_with_none_shown_says_no_other_is_shown(
    shipped: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cẩm Phả's only 2024 figure withdrawn: its row shows "–[1]", no other figure, and
    the line says nothing of one shown instead."""
    monkeypatch.setenv("COLUMNS", "250")
    run_clean("retract", "budget_revenue", "2024", "--dim", "locality=Cẩm Phả", "--recorded-at", "2026-01-10T00:00:00Z")
    ranked = run_clean("rank", "budget-revenue-plan-2024", "--as-of", "2026-01-10", "-f", "table").stdout
    assert "(Cẩm Phả) 2024: 18,000 billion VND → – (withdrawn on 2026-01-10" in " ".join(ranked.split())
    assert "is shown because" not in ranked, ranked


def test_rank_s_json_and_csv_list_a_units_deadlines_awaited_as_status_does(
    shipped: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """status's breakdown gives each unit `awaiting_figures` (Cẩm Phả's `["2024"]` once its
    2024 figure is withdrawn), rank's JSON and CSV did not: a script reading rank could not
    tell the deadline awaited that its table now says. Appended last, as the contract
    allows (docs/json.md): the JSON list, the CSV periods joined by ';'."""
    import csv
    import io
    import json

    run_clean("retract", "budget_revenue", "2024", "--dim", "locality=Cẩm Phả", "--recorded-at", "2026-01-10T00:00:00Z")
    units = json.loads(run_clean("rank", "budget-revenue-plan-2024", "--as-of", "2026-01-10", "-f", "json").stdout)[
        "units"
    ]
    status = json.loads(run_clean("status", "budget-revenue-plan-2024", "--as-of", "2026-01-10", "-f", "json").stdout)
    awaited = {tuple(u["dims"].items()): u["awaiting_figures"] for u in status["targets"][0]["breakdown"]}
    for u in units:
        assert list(u)[12] == "awaiting_figures"  # then missed_milestones (thirty-third session)
        assert u["awaiting_figures"] == awaited[tuple(u["dims"].items())]
    assert [u["awaiting_figures"] for u in units if u["dims"] == {"locality": "Cẩm Phả"}] == [["2024"]]
    rows = list(
        csv.DictReader(
            io.StringIO(run_clean("rank", "budget-revenue-plan-2024", "--as-of", "2026-01-10", "-f", "csv").stdout)
        )
    )
    # then missed_milestones (thirty-third session), gap (thirty-fourth) and not_counted (thirty-sixth)
    assert list(rows[0])[-4] == "awaiting_figures"
    assert {r["locality"]: r["awaiting_figures"] for r in rows if r["awaiting_figures"]} == {"Cẩm Phả": "2024"}
