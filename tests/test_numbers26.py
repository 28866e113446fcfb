"""The numbers and sources leftovers of the twenty-fifth session (issue 17, twenty-sixth
session, pass N), as a journalist and an analyst checking every figure and where it came
from meet them. Each test was written failing first; every expected value is worked out by
hand in the comments, never copied from qntrack's output."""

from __future__ import annotations

from pathlib import Path

import pytest

import qntrack
from conftest import STORE_HEADER, make_tracker
from helpers import run


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines()]


# --- 1-3. What a retraction takes with it, said to a Python caller too -----------------------
# GRDP by quarter, 2022 recorded only in its quarters: 50 + 60 + 70 + 80 = 260; per capita
# = grdp × 1000 / pop = 260 × 1000 / 1250 = 208 (plan 200: achieved). FDI by locality,
# Alpha's 2024 in quarters: 30 × 4 = 120 against its plan of 100 (achieved); Beta's 2024
# published, 90 against 100 (not achieved); the whole's 2024 published, 210 against 200.

_PLAN = """\
title: sums
dimensions:
  locality:
    name: {en: Locality, vi: Địa phương}
    values: [Alpha, Beta]
indicators:
  grdp: {name: GRDP, unit: bn VND, measure: flow, frequency: quarter}
  pop: {name: Population, unit: thousand, measure: level}
  per_capita: {name: GRDP per capita, unit: mn VND, formula: "grdp * 1000 / pop"}
  fdi: {name: FDI, unit: mn USD, measure: flow, frequency: quarter, dimensions: [locality]}
targets:
  - {id: grdp-plan-2022, type: plan, indicator: grdp, period: 2022, value: 250}
  - {id: pc-2022, type: plan, indicator: per_capita, period: 2022, value: 200}
  - id: fdi-2024
    type: plan
    indicator: fdi
    period: 2024
    value: 200
    for_each: locality
    overrides: {Alpha: {value: 100}, Beta: {value: 100}}
"""

_STORE = STORE_HEADER + (
    "grdp,2022-Q1,50,official,s,,2022-04-20T00:00:00Z\n"
    "grdp,2022-Q2,60,official,s,,2022-07-20T00:00:00Z\n"
    "grdp,2022-Q3,70,official,s,,2022-10-20T00:00:00Z\n"
    "grdp,2022-Q4,80,official,s,,2023-01-20T00:00:00Z\n"
    "pop,2022,1250,official,Census office,,2023-02-01T00:00:00Z\n"
    "fdi,2024,210,official,s,,2025-02-01T00:00:00Z\n"
    "fdi[locality=Beta],2024,90,official,s,,2025-02-01T00:00:00Z\n"
    + "".join(f"fdi[locality=Alpha],2024-Q{q},30,official,s,,2025-0{q}-01T00:00:00Z\n" for q in range(1, 5))
)


@pytest.fixture
def sums(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, _PLAN, _STORE)


def test_the_library_retract_returns_the_notes_the_command_says(sums: Path):
    done = qntrack.retract(None, "grdp", "2022-Q3", "", "", None)
    store, row, was = done  # still three to unpack, as before
    assert (store.name, row.status, was.value) == ("observations.csv", "retracted", 70)
    texts = [n.text("en") for n in done.notes]
    # 2022 was 50 + 60 + 70 + 80 = 260; without Q3 it has none, nor per capita (208).
    assert texts[0] == (
        "grdp 2022 was its parts added up, 2022-Q1 + 2022-Q2 + 2022-Q3 + 2022-Q4 = 260: without 2022-Q3 it has "
        "no figure, until 2022-Q3 or 2022's own figure is recorded"
    )
    assert "per_capita 2022, derived from it, was 208: without 2022-Q3 it has no figure" in texts
    assert "target pc-2022: Target achieved → Not available without 2022-Q3" in texts
    assert any(t.startswith("target grdp-plan-2022: Target achieved → ") for t in texts)
    assert [n.id for n in done.notes][:2] == ["cli_retracted_sum_lost", "cli_retracted_derived_lost"]
    assert "mục tiêu pc-2022: Đã đạt mục tiêu → Chưa đủ số liệu khi thiếu 2022-Q3" in [n.text("vi") for n in done.notes]
    assert (done.store, done.row, done.withdrawn) == (store, row, was)


def test_the_library_dry_run_gives_the_notes_and_writes_nothing(sums: Path):
    done = qntrack.retract(None, "grdp", "2022-Q3", "", "", None, dry_run=True)
    assert "per_capita 2022, derived from it, was 208: without 2022-Q3 it has no figure" in [
        n.text("en") for n in done.notes
    ]
    assert (sums / "observations.csv").read_text(encoding="utf-8") == _STORE
    # FDI's published whole feeds nothing and is a year (no sum it was part of): its only
    # note is its own plan's status, which moves without it (twenty-eighth session: a
    # target whose status a retraction moves is named).
    notes = qntrack.retract(None, "fdi", "2024", "", "", None, dry_run=True).notes
    assert [n.text("en") for n in notes] == ["target fdi-2024: Target achieved → Not available without 2024"]


def test_retracting_a_derived_figures_input_says_the_derived_figure_it_loses(sums: Path):
    r = run("retract", "pop", "2022")
    assert r.exit_code == 0, r.stderr
    said = _lines(r.stderr)
    assert said[0].startswith("retracted pop 2022 (was 1250,")
    # Per capita 2022 = 260 × 1000 / 1250 = 208; without pop 2022 it has no figure, and the
    # plan of 200 judged on it (achieved) has none to read.
    assert "per_capita 2022, derived from it, was 208: without 2022 it has no figure" in said
    assert "target pc-2022: Target achieved → Not available without 2022" in said
    # GRDP's own figures and plan are untouched: not named.
    assert not any("grdp" in s for s in said[1:])
    assert len(said) == 3


def test_retracting_one_units_part_says_the_units_year_and_its_line_of_the_breakdown(sums: Path):
    r = run("retract", "fdi", "2024-Q2", "--dim", "locality=Alpha")
    assert r.exit_code == 0, r.stderr
    said = _lines(r.stderr)
    # Alpha's 2024 was 30 + 30 + 30 + 30 = 120: without Q2, no figure for the year.
    assert (
        "fdi[locality=Alpha] 2024 was its parts added up, 2024-Q1 + 2024-Q2 + 2024-Q3 + 2024-Q4 = 120: without "
        "2024-Q2 it has no figure, until 2024-Q2 or 2024's own figure is recorded" in said
    )
    # Its line of the fdi-2024 breakdown (120 >= 100: achieved) moves; the whole (210,
    # published) and Beta (90) do not, and are not named.
    assert any(s.startswith("target fdi-2024, locality=Alpha: Target achieved → ") for s in said)
    assert not any("Beta" in s for s in said)
    assert not any(s.startswith("target fdi-2024:") for s in said)


def test_a_units_retraction_gives_the_library_its_notes_in_vietnamese_too(sums: Path):
    done = qntrack.retract(None, "fdi", "2024-Q2", "", "", None, dims=[("locality", "Alpha")], dry_run=True)
    vi = [n.text("vi") for n in done.notes]
    # The unit by its name alone in Vietnamese, as the tables name it (thirty-second session).
    assert any(t.startswith("mục tiêu fdi-2024, Alpha: Đã đạt mục tiêu → ") for t in vi)
    assert any(n.text("en").startswith("target fdi-2024, locality=Alpha: ") for n in done.notes)


# --- 6. Where a withdrawn figure came from ---------------------------------------------------
# The 2023 share, 12.3, was published in "Report 88/BC-UBND" (recorded 2024-03-01) and
# withdrawn on 2024-04-01 by the statistics office ("Cuc Thong ke": the retraction's
# source). A journalist writing "the province withdrew its 12.3% figure" must cite where
# 12.3 was published: only the retraction's source was given.

_SHARE_PLAN = """\
title: w
indicators:
  share: {name: Share, unit: "%"}
targets:
  - {id: share-2025, indicator: share, baseline: 2020, milestones: [{by: 2025, value: 15}]}
"""

_SHARE_STORE = STORE_HEADER + (
    "share,2020,10,official,Statistical Yearbook 2020,,2021-03-01T00:00:00Z\n"
    "share,2022,11,official,Statistical Yearbook 2022,,2023-03-01T00:00:00Z\n"
    "share,2023,12.3,official,Report 88/BC-UBND,,2024-03-01T00:00:00Z\n"
    "share,2023,,retracted,Cuc Thong ke,typo,2024-04-01T00:00:00Z\n"
)


@pytest.fixture
def withdrawn(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, _SHARE_PLAN, _SHARE_STORE)


def test_status_json_withdrawn_ends_with_the_withdrawn_figures_source(withdrawn: Path):
    import json

    for env in ({}, {"QNTRACK_NO_CACHE": "1"}, {}):  # cold, no cache, warm
        r = run("status", "--format", "json", env=env)
        assert r.exit_code == 0, r.stderr
        (gone,) = json.loads(r.stdout)["targets"][0]["withdrawn"]
        assert list(gone)[-2:] == ["value_source", "value_recorded_at"]  # added at the end
        assert (gone["value"], gone["source"]) == (12.3, "Cuc Thong ke")  # as before
        assert (gone["value_source"], gone["value_recorded_at"]) == ("Report 88/BC-UBND", "2024-03-01T00:00:00Z")


def test_show_json_retracted_ends_with_the_withdrawn_figures_source(withdrawn: Path):
    import json

    r = run("show", "share-2025", "--format", "json")
    (gone,) = json.loads(r.stdout)["retracted"]
    assert list(gone)[-4:] == ["revises", "revises_source", "revises_recorded_at", "revises_status"]
    assert (gone["revises"], gone["revises_source"]) == (12.3, "Report 88/BC-UBND")
    assert gone["revises_recorded_at"] == "2024-03-01T00:00:00Z"


def test_the_texts_name_the_withdrawn_figures_source_after_the_line_they_had(withdrawn: Path):
    said = " ".join(run("show", "share-2025").stdout.split())
    assert (
        "2023: 12.3% was withdrawn on 2024-04-01 (retracted); no figure for it is in force. The figure withdrawn "
        "was recorded 2024-03-01; source: Report 88/BC-UBND." in said
    )
    table = " ".join(run("status", "--format", "table").stdout.split())
    assert (
        "[1] Share 2023: 12.3% → – (withdrawn on 2024-04-01; source: Cuc Thong ke), withdrawing 12.3% "
        "(recorded 2024-03-01; source: Report 88/BC-UBND)" in table
    )
    vi = " ".join(run("show", "share-2025", "--lang", "vi").stdout.split())
    assert "Số liệu bị rút lại được ghi nhận 01/03/2024; nguồn: Report 88/BC-UBND." in vi


def test_the_report_names_it_too(withdrawn: Path, tmp_path: Path):
    r = run("report", "-o", str(tmp_path / "r.md"))
    assert r.exit_code == 0, r.stderr
    text = " ".join((tmp_path / "r.md").read_text(encoding="utf-8").split())
    assert "The figure withdrawn was recorded 2024-03-01; source: Report 88/BC-UBND." in text


# --- 4. Why "Not available", in the status table ---------------------------------------------
# share has no figure (reason no_figures); one has its baseline year's figure alone
# (one_figure: a change needs two figures a year apart); fdi's whole has none while
# Alpha has one (no_total_figure). The JSON gave the codes; the table said "Not available".

_NA_PLAN = """\
title: na
dimensions:
  locality: {name: Locality, values: [Alpha, Beta]}
indicators:
  share: {name: Share, unit: "%"}
  one: {name: One, unit: "%"}
  fdi: {name: FDI, unit: mn USD, measure: flow, dimensions: [locality]}
targets:
  - {id: share-2030, indicator: share, baseline: 2020, milestones: [{by: 2030, value: 15}]}
  - {id: one-2030, indicator: one, baseline: 2020, milestones: [{by: 2030, value: 15}]}
  - {id: fdi-2024, type: plan, indicator: fdi, period: 2024, value: 100, for_each: locality}
"""

_NA_STORE = STORE_HEADER + (
    "one,2020,10,official,s,,2021-03-01T00:00:00Z\nfdi[locality=Alpha],2024,10,official,s,,2025-03-01T00:00:00Z\n"
)


def _status_lines(*args: str) -> list[str]:
    r = run("status", "--format", "table", *args, env={"COLUMNS": "80"})
    assert r.exit_code == 0, r.stderr
    assert max(len(line) for line in r.stdout.splitlines()) <= 80
    return [line.rstrip() for line in r.stdout.splitlines()]


def test_the_status_table_says_why_a_target_is_not_available(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    make_tracker(tmp_path, monkeypatch, _NA_PLAN, _NA_STORE)
    for env in ({}, {"QNTRACK_NO_CACHE": "1"}):
        r = run("status", "--format", "json", env=env)
        reasons = {t["id"]: t["reason"] for t in __import__("json").loads(r.stdout)["targets"]}
        assert reasons == {"share-2030": "no_figures", "one-2030": "one_figure", "fdi-2024": "no_total_figure"}
    for lang, words in (
        ("en", ("no figure yet", "one figure only", "whole: no figure")),
        ("vi", ("chưa có số liệu", "mới có số năm gốc", "chưa có số chung")),
    ):
        lines = _status_lines("--lang", lang)
        # Each word on the line under its target's status, in the status column.
        for word in words:
            (at,) = [i for i, line in enumerate(lines) if line.endswith(word)]
            assert lines[at - 1].endswith("Not available" if lang == "en" else "Chưa đủ số liệu")


def test_a_unit_listed_for_want_of_a_figure_says_it_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    make_tracker(tmp_path, monkeypatch, _NA_PLAN, _NA_STORE)
    r = run("status", "--by", "locality", "--format", "table", env={"COLUMNS": "120"})
    text = " ".join(r.stdout.split())
    # Beta has no figure: its note says so in full, not followed by the short word too.
    assert "(no figure recorded for this unit yet)" in text
    assert "(no figure recorded for this unit yet) no figure yet" not in text
    # Alpha has a figure and no plan of its own (the plan of 100 is the whole's).
    assert "↳ Alpha" in text and "no unit plan" in text


# --- 5. A level target's "In short" says a figure was added up -------------------------------
# GRDP 2020 published, 200; 2022 only in quarters, 50 + 60 + 70 + 80 = 260, which the level
# target reads as 2022's figure: +14% a year (sqrt(260 / 200) = 1.140). Per capita 2022 =
# 260 × 1000 / 1250 = 208 (2020: 200 × 1000 / 1000 = 200). The plan and cumulative kinds
# said "The figure for 2022 is the sum of Q1 2022 to Q4 2022."; a level target did not.

_LEVEL_PLAN = """\
title: lv
indicators:
  grdp: {name: GRDP, unit: bn VND, measure: flow, frequency: quarter}
  pop: {name: Population, unit: thousand, measure: level}
  per_capita: {name: GRDP per capita, unit: mn VND, formula: "grdp * 1000 / pop"}
targets:
  - {id: grdp-2025, indicator: grdp, baseline: 2020, milestones: [{by: 2025, value: 300}]}
  - {id: pc-2025, indicator: per_capita, baseline: 2020, milestones: [{by: 2025, value: 250}]}
"""

_LEVEL_STORE = STORE_HEADER + (
    "grdp,2020,200,official,s,,2021-02-01T00:00:00Z\n"
    "grdp,2022-Q1,50,official,s,,2022-04-20T00:00:00Z\n"
    "grdp,2022-Q2,60,official,s,,2022-07-20T00:00:00Z\n"
    "grdp,2022-Q3,70,official,s,,2022-10-20T00:00:00Z\n"
    "grdp,2022-Q4,80,official,s,,2023-01-20T00:00:00Z\n"
    "pop,2020,1000,official,s,,2021-02-01T00:00:00Z\n"
    "pop,2022,1250,official,s,,2023-02-01T00:00:00Z\n"
)


def test_a_level_targets_in_short_says_its_figure_was_added_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    make_tracker(tmp_path, monkeypatch, _LEVEL_PLAN, _LEVEL_STORE)
    said = " ".join(run("show", "grdp-2025").stdout.split())
    assert "From 200 bn VND in 2020 to 260 bn VND in 2022: +14% a year." in said
    assert "The figure for 2022 is the sum of Q1 2022 to Q4 2022." in said
    said = " ".join(run("show", "pc-2025").stdout.split())
    assert "From 200 mn VND in 2020 to 208 mn VND in 2022" in said
    assert "The figure for 2022 is worked out from grdp for 2022, the sum of Q1 2022 to Q4 2022." in said
    vi = " ".join(run("show", "grdp-2025", "--lang", "vi").stdout.split())
    assert "Số liệu năm 2022 là tổng các kỳ: từ quý I/2022 đến quý IV/2022." in vi
    r = run("report", "-o", str(tmp_path / "r.md"))
    assert r.exit_code == 0, r.stderr
    text = " ".join((tmp_path / "r.md").read_text(encoding="utf-8").split())
    assert text.count("The figure for 2022 is the sum of Q1 2022 to Q4 2022.") == 1


# --- 7. Where the figure a revision replaced came from, in the reports ------------------------
# 2023 growth: 11.02 (estimate, "Press release 11/2023", recorded 2023-11-24), revised to
# 11.03 (official, "Yearbook 2023", 2024-03-01). A review since 2024-01-01 lists the
# revision with previous_value 11.02 and previous_recorded_at, but not where 11.02 was
# published; the target's table of observations named "Yearbook 2023" alone.

_REV_PLAN = """\
title: rv
indicators:
  growth: {name: GRDP growth, unit: "%"}
targets:
  - {id: growth-2025, indicator: growth, baseline: 2020, milestones: [{by: 2025, value: 12}]}
"""

_REV_STORE = STORE_HEADER + (
    "growth,2020,9,official,Yearbook 2020,,2021-03-01T00:00:00Z\n"
    "growth,2023,11.02,estimate,Press release 11/2023,,2023-11-24T00:00:00Z\n"
    "growth,2023,11.03,official,Yearbook 2023,,2024-03-01T00:00:00Z\n"
)


@pytest.fixture
def revised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, _REV_PLAN, _REV_STORE)


def test_report_since_json_gives_the_replaced_figures_source_last(revised: Path):
    import json

    r = run("report", "--format", "json", "--since", "2024-01-01")
    assert r.exit_code == 0, r.stderr
    (change,) = json.loads(r.stdout)["since"]["observations"]
    assert change["change"] == "revised"
    assert (change["previous_value"], change["previous_recorded_at"]) == (11.02, "2023-11-24T00:00:00Z")
    # added at the end, in turn (and "in_force" after them, thirty-first session)
    assert list(change)[-3:] == ["previous_source", "previous_status", "in_force"]
    assert change["previous_source"] == "Press release 11/2023"


def test_a_reports_table_of_figures_names_the_replaced_figures_source(revised: Path, tmp_path: Path):
    r = run("report", "-o", str(tmp_path / "r.md"))
    assert r.exit_code == 0, r.stderr
    text = (tmp_path / "r.md").read_text(encoding="utf-8")
    section = text[text.index("### Observations") : text.index("### In short")]
    assert "| 2023 | 11.02% → 11.03%\\[1\\] | official | Yearbook 2023 |" in section
    assert (
        "\\[1\\] GRDP growth 2023: 11.02% → 11.03% (official, recorded 2024-03-01; source: Yearbook 2023), "
        "replacing 11.02% (recorded 2023-11-24; source: Press release 11/2023)" in section
    )
    r = run("report", "-o", str(tmp_path / "r.html"), "--lang", "vi")
    assert r.exit_code == 0, r.stderr
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert html.count("Press release 11/2023") == 2  # the summary's legend and the section's


def test_the_tables_legend_writes_a_part_years_period_in_words(revised: Path, tmp_path: Path):
    # Q1 2024 growth 8.79 (recorded 2024-04-05), revised to 8.97 (2024-07-05): a document
    # writes its period in words, "Q1 2024" / "quý I/2024", never the code 2024-Q1.
    with (revised / "observations.csv").open("a", encoding="utf-8") as fh:
        fh.write("growth,2024-Q1,8.79,estimate,Press Q1,,2024-04-05T00:00:00Z\n")
        fh.write("growth,2024-Q1,8.97,preliminary,Report H1,,2024-07-05T00:00:00Z\n")
    for lang, words in (("en", "GRDP growth Q1 2024: 8.79% → 8.97%"), ("vi", "GRDP growth quý I/2024: 8,79% → 8,97%")):
        r = run("report", "-o", str(tmp_path / f"r-{lang}.md"), "--lang", lang)
        assert r.exit_code == 0, r.stderr
        text = (tmp_path / f"r-{lang}.md").read_text(encoding="utf-8")
        assert words in text and "2024-Q1" not in text
