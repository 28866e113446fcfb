"""Issue 17, forty-fourth session, helper H: "what was known on a given day, and where did
this number come from?", asked of every command by a hostile tester playing a provincial
statistics officer and a journalist. Each test was written failing first; the expected
figures and days are worked by hand from the rows written here, never copied from
qntrack's output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import run_clean

# A province's revenue, by locality, judged on its total; the plan's day is Hà Nội's.
_PLAN = """\
version: 1
title: "Revenue"
timezone: "+07:00"
dimensions:
  locality:
    name: {en: "Locality", vi: "Địa phương"}
    values: ["Hạ Long", "Cẩm Phả"]
indicators:
  revenue:
    name: {en: "Budget revenue", vi: "Thu ngân sách"}
    unit: {en: "billion VND", vi: "tỷ đồng"}
    measure: flow
    frequency: year
    dimensions: [locality]
targets:
  - id: revenue-plan-2025
    type: plan
    indicator: revenue
    name: {en: "Revenue plan 2025", vi: "Dự toán thu 2025"}
    period: 2025
    value: 100
"""

# The total's estimate (5 January, Hà Nội), a locality's figure, the total withdrawn at
# 09:00 on 10 February in Hà Nội (02:00 UTC), then a new total at 09:00 on 20 February.
_STORE = (
    STORE_HEADER
    + "revenue,2025,120,estimate,HĐND,,2026-01-05T00:00:00Z\n"
    + "revenue[locality=Hạ Long],2025,60,estimate,UBND Hạ Long,,2026-01-06T00:00:00Z\n"
    + "revenue,2025,,retracted,,,2026-02-10T02:00:00Z\n"
    + "revenue,2025,130,estimate,VTC,,2026-02-20T02:00:00Z\n"
)


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, _PLAN, _STORE)


def test_show_on_the_day_a_total_was_withdrawn_does_not_say_no_total_was_recorded(plan: Path) -> None:
    """On 10 February the total's only figure (120) had been withdrawn: `show` said "no
    figure of the total is recorded: the figures of revenue are by unit", which is false (a
    total was recorded and withdrawn; `status` the same day says nothing of the kind). The
    withdrawal is said; the false sentence is not."""
    r = run_clean("show", "revenue-plan-2025", "--as-of", "2026-02-10")
    assert r.exit_code == 0, r.stderr
    assert "no figure of the total is recorded" not in r.stderr
    assert "withdrawn on 2026-02-10" in r.stdout
    # Nor on the day of the new total, nor before any row was recorded.
    for day in ("2026-02-20", "2026-01-04"):
        assert "no figure of the total is recorded" not in run_clean("show", "revenue-plan-2025", "--as-of", day).stderr


def test_show_of_a_total_never_recorded_still_says_its_figures_are_by_unit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sentence the fix above must keep: only units were ever recorded."""
    make_tracker(
        tmp_path,
        monkeypatch,
        _PLAN,
        STORE_HEADER + "revenue[locality=Hạ Long],2025,60,estimate,UBND,,2026-01-06T00:00:00Z\n",
    )
    r = run_clean("show", "revenue-plan-2025")
    assert r.exit_code == 0, r.stderr
    assert "no figure of the total is recorded" in r.stderr


def test_since_review_says_the_status_then_awaited_a_withdrawn_figure(plan: Path) -> None:
    """`report --since 2026-02-10`: on the review's day the total was withdrawn, and
    `status --as-of 2026-02-10` says "⌛ awaiting figure 2025 (withdrawn)"; the report's
    status changes said "⌛ awaiting figure 2025", as if it had never been published."""
    status = run_clean("status", "--as-of", "2026-02-10", "--format", "table")
    assert "awaiting figure 2025 (withdrawn)" in status.stdout
    r = run_clean("report", "--format", "markdown", "--since", "2026-02-10", "--as-of", "2026-02-20")
    assert r.exit_code == 0, r.stderr
    since = r.stdout.split("## Since the last review", 1)[1].split("\n## ", 1)[0]
    changes = since.split("### Status changes", 1)[1]
    assert "awaiting figure 2025 (withdrawn)" in changes
    doc = json.loads(run_clean("report", "--format", "json", "--since", "2026-02-10", "--as-of", "2026-02-20").stdout)
    (moved,) = doc["since"]["status_changes"]
    assert (moved["before"], moved["after"]) == ("not_available", "target_achieved")


def test_reimporting_a_file_of_vintages_names_only_its_latest_vintage_not_in_force(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file holding two vintages of revenue 2025 (120, then 125) is imported; the official
    128 is typed later; the same file is imported again. Nothing is added. 125, the file's
    last word on 2025, is no longer in force: said, with the moment to import it after.
    120 is not: the file itself replaced it with 125, and telling the officer to "put it
    back in force" was advice the file contradicts."""
    make_tracker(tmp_path, monkeypatch, _PLAN, STORE_HEADER)
    (tmp_path / "vintages.csv").write_text(
        STORE_HEADER
        + "revenue,2025,120,estimate,HĐND,,2026-01-05T00:00:00Z\n"
        + "revenue,2025,125,preliminary,Sở Tài chính,,2026-03-01T00:00:00Z\n",
        encoding="utf-8",
    )
    assert run_clean("add-observation", "--from", "vintages.csv").exit_code == 0
    typed = run_clean(
        "add-observation", "revenue", "2025", "128", "--status", "official", "--recorded-at", "2026-04-01T09:00:00"
    )
    assert typed.exit_code == 0, typed.stderr
    before = (tmp_path / "observations.csv").read_bytes()
    again = run_clean("add-observation", "--from", "vintages.csv")
    assert again.exit_code == 0, again.stderr
    assert (tmp_path / "observations.csv").read_bytes() == before  # nothing added
    said = [line for line in again.stderr.splitlines() if "is already in the store" in line]
    # The store's line 3 holds 125 (header, 120, 125, 128); 128 was recorded at 02:00 UTC.
    assert said == [
        "observations.csv:3: warning: revenue 2025 = 125 (recorded 2026-03-01T00:00:00Z) is already in the store"
        " and was not added again, but it is not the figure in force (128, recorded 2026-04-01T02:00:00Z);"
        " to put it back in force, import it with a recorded_at after 2026-04-01T02:00:00Z"
    ]


def _section(document: str, title: str) -> str:
    """A target's section of a Markdown report, from its heading to the next target's."""
    start = document.index(f"{title}\n")
    return document[start:].split("\n## ", 1)[0]


def test_report_section_marks_a_figure_recorded_again_after_its_withdrawal(plan: Path) -> None:
    """On 20 February 130 is in force, recorded again after 120 was withdrawn on the 10th.
    `show --as-of 2026-02-20` marks it, "130[1]", with the legend "120 → 130 (withdrawn on
    2026-02-10, recorded again on 2026-02-20; source: VTC)"; the report's summary marks it
    too; the report's own section of the target printed a bare 130, its table and its
    sentences silent of 120: a reader of the section could not tell that the figure in
    force replaced one withdrawn."""
    shown = run_clean("show", "revenue-plan-2025", "--as-of", "2026-02-20")
    assert "130[1] billion VND" in shown.stdout
    legend = "120 billion VND → 130 billion VND (withdrawn on 2026-02-10, recorded again on 2026-02-20; source: VTC)"
    assert legend in " ".join(shown.stdout.split())  # wrapped at the terminal's width
    r = run_clean("report", "--format", "markdown", "--as-of", "2026-02-20")
    assert r.exit_code == 0, r.stderr
    section = _section(r.stdout, "Revenue plan 2025")
    observations = section.split("### Observations", 1)[1]
    assert "| 2025 | 130\\[1\\] billion VND | estimate | VTC |" in observations
    assert "Figures withdrawn" in observations
    assert legend in observations
    # Before the withdrawal, and on its day, nothing was recorded again: no such mark.
    before = _section(run_clean("report", "--format", "markdown", "--as-of", "2026-02-09").stdout, "Revenue plan 2025")
    assert "| 2025 | 120 billion VND | estimate | HĐND |" in before
    assert "recorded again" not in before


_FDI_PLAN = """\
version: 1
title: "FDI"
timezone: "+07:00"
indicators:
  fdi:
    name: {en: "FDI attracted", vi: "Vốn FDI thu hút"}
    unit: {en: "million USD", vi: "triệu USD"}
    measure: flow
    frequency: month
targets:
  - id: fdi-plan-2026
    type: plan
    indicator: fdi
    name: {en: "FDI plan 2026", vi: "Kế hoạch FDI 2026"}
    period: 2026
    value: 1500
"""


def test_last_years_figure_withdrawn_does_not_mark_this_years_part_year_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The 2026 plan is read on January 2026's 100 (a part-year reading, compared with no
    figure of last year's January). 2025's full-year 1,000 was withdrawn on 1 March: status
    wrote "100[1] million USD (2026-01, part-year …)" with the legend "[1] FDI attracted
    2025: 1,000 → – (withdrawn …)", pinning on 100 a withdrawal that no part of its reading
    touches. Once 2026's own full figure is in force, compared with 2025's, the withdrawal
    does touch it (no figure of last year to compare with) and stays marked."""
    make_tracker(
        tmp_path,
        monkeypatch,
        _FDI_PLAN,
        STORE_HEADER
        + "fdi,2025,1000,estimate,Sở Tài chính,,2026-01-10T00:00:00Z\n"
        + "fdi,2026-01,100,estimate,Sở Tài chính,,2026-02-05T00:00:00Z\n"
        + "fdi,2025,,retracted,,,2026-03-01T00:00:00Z\n",
    )
    table = run_clean("status", "--as-of", "2026-03-05", "--format", "table")
    assert table.exit_code == 0, table.stderr
    assert "100 million USD" in table.stdout
    assert "[1]" not in table.stdout and "withdrawn" not in table.stdout
    (doc,) = json.loads(run_clean("status", "--as-of", "2026-03-05", "--format", "json").stdout)["targets"]
    assert doc["provisional"]["value"] == 100.0 and doc["withdrawn"] == []
    # The report's section still lists 2025's row withdrawn among the target's figures.
    report = run_clean("report", "--format", "markdown", "--as-of", "2026-03-05").stdout
    assert "1,000 million USD → –" in report
    # 2026's full figure: compared with last year's, which was withdrawn: marked.
    with (tmp_path / "observations.csv").open("a", encoding="utf-8") as store:
        store.write("fdi,2026,1400,estimate,Sở Tài chính,,2026-03-02T00:00:00Z\n")
    (doc,) = json.loads(run_clean("status", "--as-of", "2026-03-05", "--format", "json").stdout)["targets"]
    assert doc["latest"]["value"] == 1400.0
    assert [w["period"] for w in doc["withdrawn"]] == ["2025"]


def test_as_of_notice_of_a_total_target_counts_the_totals_rows_not_its_units(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`status --as-of 2026-02-20` of a target judged on the total: Hạ Long's revision of
    1 March is no figure it judges, yet the notice said "1 later entry of the figures
    judged …, recorded 2026-03-01T07:00:00+07:00, is not counted", which a journalist reads
    as the total's 130 having been superseded. The total's own later row is still said."""
    make_tracker(
        tmp_path,
        monkeypatch,
        _PLAN,
        _STORE + "revenue[locality=Hạ Long],2025,65,preliminary,UBND Hạ Long,,2026-03-01T00:00:00Z\n",
    )
    for command in (["status"], ["show", "revenue-plan-2025"], ["report", "--format", "json"]):
        r = run_clean(*command, "--as-of", "2026-02-20")
        assert r.exit_code == 0, r.stderr
        assert "later entr" not in r.stderr, command
        # The day before, the total's 130 (09:00 on 20 February in Hà Nội) came later: one row.
        r = run_clean(*command, "--as-of", "2026-02-19")
        assert "1 later entry of the figures judged" in r.stderr, command
        assert "recorded 2026-02-20T09:00:00+07:00 (after 2026-02-19)" in r.stderr, command


def test_a_month_not_added_up_after_a_month_withdrawn_says_it_was_withdrawn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """January 100, February 90, March 80 recorded; February withdrawn. The 2026 plan is read
    on January (100), March left out: `show` said "March 2026 (80 million USD) is recorded
    and not counted: February 2026 is not recorded", though it was, and withdrawn, as the
    legend beside it says. Now: its figure was withdrawn; in Vietnamese too."""
    make_tracker(
        tmp_path,
        monkeypatch,
        _FDI_PLAN,
        STORE_HEADER
        + "fdi,2026-01,100,estimate,Sở Tài chính,,2026-02-05T00:00:00Z\n"
        + "fdi,2026-02,90,estimate,Sở Tài chính,,2026-03-05T00:00:00Z\n"
        + "fdi,2026-03,80,estimate,Sở Tài chính,,2026-04-05T00:00:00Z\n"
        + "fdi,2026-02,,retracted,,,2026-04-10T00:00:00Z\n",
    )
    en = " ".join(run_clean("show", "fdi-plan-2026", "--as-of", "2026-04-30").stdout.split())
    assert "March 2026 (80 million USD) is recorded and not counted" in en
    assert "February 2026 is not recorded" not in en
    assert "the figure of February 2026 was withdrawn, and a sum of periods stops at the first one missing" in en
    vi = " ".join(run_clean("show", "fdi-plan-2026", "--as-of", "2026-04-30", "--lang", "vi").stdout.split())
    assert "chưa ghi nhận số liệu tháng 2/2026" not in vi
    assert "số liệu tháng 2/2026 đã bị rút lại" in vi
