"""A hostile new user: a data journalist and a researcher who must trust every number
(issue 17, thirtieth session, pass J).

The journalist checks a claim against the shipped dataset (the figure, its source and
status, what was known on a day, how the status was computed); the researcher scripts
qntrack (JSON into jq, CSV into a spreadsheet, exit codes in a shell `if`). Every
expected number below is worked by hand in its test's docstring, from the shipped
observations.csv and docs/methodology.md, never copied from qntrack's output.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from helpers import run_clean

# --- 1. `status --fail-on achieved`: the word is part of two statuses, target_achieved and
# not_achieved, which mean opposite things; it was told "did you mean 'not_achieved'?"
# (difflib's nearest, the shorter code), so a script's author who meant target_achieved
# and took the hint gated on the opposite. A word that is a whole part of several codes
# is now told all of them, and no one is picked.


@pytest.mark.parametrize(
    ("typed", "codes"),
    [
        ("achieved", ["not_achieved", "target_achieved"]),
        ("Achieved", ["not_achieved", "target_achieved"]),
        ("progress", ["limited_progress", "moderate_progress", "substantial_progress"]),
    ],
)
def test_a_fail_on_word_of_several_statuses_names_them_all(shipped: Path, typed: str, codes: list[str]):
    r = run_clean("status", "--fail-on", typed)
    assert r.exit_code == 2 and r.stdout == "", r.output
    head = r.stderr.split("valid:")[0]
    assert "did you mean" not in head, r.stderr
    for code in codes:
        assert f"'{code}'" in head, r.stderr
    vi = run_clean("--lang", "vi", "status", "--fail-on", typed)
    assert vi.exit_code == 2, vi.output
    head_vi = vi.stderr.split("hợp lệ:")[0]
    assert all(f"'{code}'" in head_vi for code in codes), vi.stderr


def test_a_fail_on_near_miss_of_one_status_keeps_its_hint(shipped: Path):
    """`notachieved` and `deteriorated` are close to one code each: the hint stays."""
    r = run_clean("status", "--fail-on", "deteriorated")
    assert r.exit_code == 2 and "did you mean 'deterioration'?" in r.stderr, r.stderr
    r = run_clean("status", "--fail-on", "target")  # a word of one code: that code
    assert r.exit_code == 2 and "did you mean 'target_achieved'?" in r.stderr, r.stderr


# --- 2. An id that names a family of targets or indicators (`fdi-plan`, the start of five
# years' plans; `fdi-plan-2026`, a year the plan does not hold; `grdp`, the start of three
# indicators) was told one member, difflib's pick: `status fdi-plan-2026` said "did you
# mean 'fdi-plan-2022'?", a plan four years off, and `show cbct` said nothing close. A
# journalist takes the one hint offered; now every member is named and none is picked.


@pytest.mark.parametrize(
    ("args", "members"),
    [
        (("status", "fdi-plan-2026"), ["fdi-plan-2022", "fdi-plan-2023", "fdi-plan-2024", "fdi-plan-2025"]),
        (("show", "fdi-plan"), ["fdi-plan-2022", "fdi-plan-2023", "fdi-plan-2023-ubnd", "fdi-plan-2024"]),
        (("show", "cbct"), ["cbct-share", "cbct-va-growth-2021-2025", "cbct-investment-2021-2025"]),
        (("show", "grdp-growth-plan-2016"), [f"grdp-growth-plan-{y}" for y in range(2017, 2026)]),
        (("history", "grdp"), ["grdp_growth", "grdp_vnd", "grdp_per_capita"]),
        (("observations", "--indicator", "cbct"), ["cbct_share", "cbct_va_growth", "cbct_investment"]),
    ],
)
def test_an_id_of_a_family_is_told_every_member(shipped: Path, args: tuple[str, ...], members: list[str]):
    r = run_clean(*args)
    assert r.exit_code == 1 and r.stdout == "", r.output
    head = r.stderr.split("(targets:")[0].split("(indicators:")[0]
    assert "did you mean one of" in head, r.stderr
    for member in members:
        assert f"'{member}'" in head, r.stderr
    vi = run_clean("--lang", "vi", *args)
    assert all(f"'{member}'" in vi.stderr for member in members), vi.stderr


def test_a_near_miss_of_one_id_keeps_its_one_hint(shipped: Path):
    r = run_clean("show", "cbct-shar")
    assert r.exit_code == 1 and "did you mean 'cbct-share'?" in r.stderr, r.stderr
    r = run_clean("show", "FDI-PLAN-2023")  # one id in capitals: that id, not its family
    assert r.exit_code == 1 and "did you mean 'fdi-plan-2023'?" in r.stderr, r.stderr
    r = run_clean("history", "grdp_grwth")
    assert r.exit_code == 1 and "did you mean 'grdp_growth'?" in r.stderr, r.stderr


# --- 3. `qntrack --as-of 2023-06-28 status`: README says --lang and --targets go before
# the command's name or after it, so a journalist put --as-of there too and read "No such
# option: --as-of", though status has it. The refusal (exit 2, nothing run) now says whose
# option it is and the command to type.


@pytest.mark.parametrize(
    ("args", "fixed"),
    [
        (("--as-of", "2023-06-28", "status"), "qntrack status --as-of 2023-06-28"),
        (("--format", "json", "status", "cbct-share"), "qntrack status --format json"),
        (("--lang", "vi", "--as-of=2023-06-28", "show", "cbct-share"), "qntrack show --as-of=2023-06-28"),
        (("-f", "json", "status"), "qntrack status -f json"),
    ],
)
def test_a_command_option_before_the_command_is_told_where_it_goes(shipped: Path, args: tuple[str, ...], fixed: str):
    r = run_clean(*args)
    assert r.exit_code == 2 and r.stdout == "", r.output
    assert fixed in r.stderr, r.stderr


def test_an_option_no_command_has_is_refused_as_before(shipped: Path):
    r = run_clean("--verbose", "status")
    assert r.exit_code == 2 and "No such option: --verbose" in r.stderr, r.stderr
    assert "after the command" not in r.stderr, r.stderr


# --- 4. Every kind of output checked once against a hand computation (the journalist's
# recomputation, written down). The shipped data, judged as of 2026-12-01 unless said.

AS_OF = "2026-12-01"


def _json(*args: str) -> dict:
    r = run_clean(*args)
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)


def _target(doc: dict, tid: str) -> dict:
    return next(t for t in doc["targets"] if t["id"] == tid)


def test_status_json_of_what_was_known_at_the_june_2023_meeting(shipped: Path):
    """`status --as-of 2023-06-28 --format json`, by hand from observations.csv:

    - cbct-share: the rows of 2020-2023 were recorded 2023-10-15, after the day; only
      2022-9M (12.3, recorded 2022-09-20) was known: not available, no full-year figure.
    - grdp-per-capita: baseline 4,528 (2017), latest known 8,200 (2022); achieved
      (8200 / 4528)^(1/5) - 1 = 1.81095^0.2 - 1 = 0.126105; required to 10,000 by 2025,
      (10000 / 4528)^(1/8) - 1 = 2.20848^0.125 - 1 = 0.104113; P = 0.126105 / 0.104113
      = 1.21123 (substantial, >= 0.95); score 7.1429 x 1.21123 - 4.2857 = 4.3661.
    - fdi-plan-2023-ubnd: 2023-Q1 341.82 of a plan of 1,200 after 3 of 12 months:
      0.28485 / 0.25 = P 1.1394, substantial; score 7.1429 x 1.1394 - 4.2857 = 3.8529.
    """
    doc = _json("status", "--as-of", "2023-06-28", "--format", "json")
    assert doc["as_of"] == "2023-06-28"
    cbct = _target(doc, "cbct-share")
    assert (cbct["status"], cbct["reason"]) == ("not_available", "no_annual_figure")
    assert cbct["provisional"]["period"] == "2022-9M" and cbct["provisional"]["value"] == 12.3
    pc = _target(doc, "grdp-per-capita")
    assert pc["status"] == "substantial_progress" and pc["latest"]["value"] == 8200
    assert pc["progress_value"] == pytest.approx(1.2112, abs=5e-4)
    assert pc["score"] == pytest.approx(4.366, abs=2e-3)
    ubnd = _target(doc, "fdi-plan-2023-ubnd")
    assert ubnd["status"] == "substantial_progress"
    assert ubnd["progress_value"] == pytest.approx(1.1394, abs=1e-9)
    assert ubnd["score"] == pytest.approx(3.8529, abs=1e-3)


def test_status_csv_into_a_spreadsheet(shipped: Path):
    """`status --format csv`, each number by hand:

    - fdi-plan-2022: 622 of 1,500 = 41.4667 %, difference 622 - 1500 = -878, not achieved.
    - grdp-average-2021-2025: the geometric mean of 10.28, 10.28, 11.03, 8.42, 11.89:
      G = 1.1028 x 1.1028 x 1.1103 x 1.0842 x 1.1189 = 1.63808, G^(1/5) - 1 = 10.374 %,
      at least 10: achieved, gap 10 - 10.374 = -0.374.
    - cbct-share (methodology.md, worked example 1): P = 0.07868 / 0.08886 = 0.8854,
      score 2.0388, gap 15 - 12.3 = 2.7.
    """
    r = run_clean("status", "--format", "csv", "--as-of", AS_OF)
    assert r.exit_code == 0, r.stderr
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(r.stdout))}
    fdi = rows["fdi-plan-2022"]
    assert fdi["status"] == "not_achieved"
    assert float(fdi["percent_of_plan"]) == pytest.approx(41.4667, abs=1e-4)
    assert float(fdi["difference"]) == -878
    avg = rows["grdp-average-2021-2025"]
    assert avg["status"] == "target_achieved"
    assert float(avg["average"]) == pytest.approx(10.374, abs=1e-3)
    assert float(avg["gap"]) == pytest.approx(-0.374, abs=1e-3)
    share = rows["cbct-share"]
    assert float(share["progress_value"]) == pytest.approx(0.8854, abs=1e-4)
    assert float(share["score"]) == pytest.approx(2.0388, abs=1e-4)
    assert float(share["gap"]) == pytest.approx(2.7, abs=1e-9)


def test_groups_read_off_their_members_scores(shipped: Path):
    """`status --group-by group --format json`: Resolution 01-NQ/TU holds cbct-share
    (2.0388), cbct-va-growth (5), cbct-investment (not available, left out) and
    mining-share (5): (2.0388 + 5 + 5) / 3 = 4.0129, substantial. The annual plans: six
    achieved (5 each) and five missed (-5 each; budget 2024 not available, left out):
    (30 - 25) / 11 = 0.4545, moderate."""
    doc = _json("status", "--group-by", "group", "--format", "json", "--as-of", AS_OF)
    groups = {g["name"]: g for g in doc["groups"]}
    res = groups["Resolution 01-NQ/TU"]
    assert res["score"] == pytest.approx(4.0129, abs=1e-4) and res["status"] == "substantial_progress"
    plans = groups["Annual socio-economic plans"]
    assert plans["score"] == pytest.approx(5 / 11, abs=1e-9) and plans["status"] == "moderate_progress"


def test_export_sdmx_carries_the_unit_s_size(shipped: Path):
    """`export sdmx-csv`: FDI is in million USD, so its 2022 figure 622 goes out as 622
    with UNIT_MEASURE USD and UNIT_MULT 6 (10^6), an estimate (E); the CBCT share of
    2020, official, is 9.8 PT (per cent), UNIT_MULT 0, status A."""
    r = run_clean("export", "sdmx-csv", "--as-of", AS_OF)
    assert r.exit_code == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    fdi = next(x for x in rows if x["INDICATOR"] == "fdi" and x["TIME_PERIOD"] == "2022")
    assert (fdi["OBS_VALUE"], fdi["UNIT_MEASURE"], fdi["UNIT_MULT"], fdi["OBS_STATUS"]) == ("622", "USD", "6", "E")
    share = next(x for x in rows if x["INDICATOR"] == "cbct_share" and x["TIME_PERIOD"] == "2020")
    assert (share["OBS_VALUE"], share["UNIT_MEASURE"], share["UNIT_MULT"], share["OBS_STATUS"]) == (
        "9.8",
        "PT",
        "0",
        "A",
    )


def test_observations_as_of_counts_what_came_later(shipped: Path):
    """`observations --as-of 2023-06-28`: 45 of the store's 82 rows were recorded by the
    end of that day (counted in observations.csv); 2022-H1's 10.66 is the one in force
    then, its revision 9.22 recorded 2023-07-05."""
    r = run_clean("observations", "--as-of", "2023-06-28", "--format", "csv")
    assert r.exit_code == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    h1 = [x for x in rows if x["indicator"] == "grdp_growth" and x["period"] == "2022-H1"]
    assert [x["value"] for x in h1] == ["10.66"]
    assert all(x["recorded_at"] <= "2023-06-28T23:59:59Z" for x in rows)


def test_a_revised_2025_figure_recomputed_by_hand(shipped: Path):
    """A copy given a 2025 CBCT share: 15.2 estimated (recorded 2026-01-05), revised to
    14.8 official (2026-06-30). By hand, from baseline 9.8 (2020):

    - as of 2026-03-01 the estimate is in force: 15.2 >= 15, the 2025 milestone achieved;
    - now: 14.8 < 15, the 2025 milestone missed (gap 0.2); against 30 by 2030, achieved
      (14.8 / 9.8)^(1/5) - 1 = 1.510204^0.2 - 1 = 8.594 % a year; required
      (30 / 9.8)^(1/10) - 1 = 11.838 %; P = 0.08594 / 0.11838 = 0.7260, moderate; score
      7.1429 x 0.7260 - 4.2857 = 0.900; at that pace 2030 reads 14.8 x 1.08594^5 = 22.35;
      the path called for 9.8 x 1.11838^5 = 17.15 in 2025; from now on it needs
      (30 / 14.8)^(1/5) - 1 = 15.2 % a year; `history` names 15.2 as the figure replaced.
    """
    for value, status, day in (("15.2", "estimate", "2026-01-05"), ("14.8", "official", "2026-06-30")):
        r = run_clean(
            "add-observation", "cbct_share", "2025", value, "--status", status, "--source", "S", "--recorded-at", day
        )
        assert r.exit_code == 0, r.stderr
    early = _target(_json("status", "cbct-share", "--format", "json", "--as-of", "2026-03-01"), "cbct-share")
    assert early["latest"]["value"] == 15.2 and early["milestones"][0]["status"] == "target_achieved"
    now = _target(_json("status", "cbct-share", "--format", "json", "--as-of", AS_OF), "cbct-share")
    assert now["latest"]["value"] == 14.8 and now["latest"]["revises"] == 15.2
    assert now["missed_milestones"] == ["2025"] and now["milestones"][0]["gap"] == pytest.approx(0.2, abs=1e-9)
    assert now["status"] == "moderate_progress"
    assert now["progress_value"] == pytest.approx(0.7260, abs=1e-4)
    assert now["score"] == pytest.approx(0.900, abs=1e-3)
    shown = run_clean("show", "cbct-share", "--as-of", AS_OF, env={"COLUMNS": "200"})
    assert shown.exit_code == 0, shown.stderr
    text = " ".join(shown.stdout.split())
    for figure in ("+8.6% a year", "22.35% of GRDP in 2030", "17.15% of GRDP in 2025", "+15.2% a year"):
        assert figure in text, text
    history = _json("history", "cbct_share", "2025", "--format", "json", "--as-of", AS_OF)
    assert [(v["value"], v["in_force"]) for v in history["vintages"]] == [(14.8, True), (15.2, False)]


# --- 5. A plan's baseline stated after every full-year figure in the store (the sixteenth
# congress's 2026-2030 targets, their 2025 base written in the plan, the store's latest
# year 2023): the 2023 figure, older than the baseline, was judged against the milestone,
# so a figure of 16 % before a 2025 base of 14 % "achieved" 18 % by 2030 would not, but a
# figure of 19 % did: "Target achieved", on a year before the plan began; and short of it
# the reason was "one figure only", "the latest figure is of the baseline year", neither
# true. Now no figure of the baseline year or later is `no_baseline`, as json.md defines
# it: not available, said in those words.

NEW_PLAN = """\
version: 1
indicators:
  share: {name: Share, unit: "%", direction: increase}
targets:
  - id: t
    indicator: share
    baseline: {period: 2025, value: 14}
    milestones:
      - {by: 2030, value: 18}
  - id: d
    indicator: share
    baseline: {period: 2025, value: 14}
"""


@pytest.mark.parametrize("old", ["12.3", "19"])
def test_a_figure_before_a_stated_baseline_judges_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, old: str):
    from conftest import make_tracker

    store = (
        "indicator,period,value,status,source,note,recorded_at\n"
        f"share,2022,11.5,,a,,2023-10-15T00:00:00Z\nshare,2023,{old},estimate,a,,2023-10-15T00:00:00Z\n"
    )
    make_tracker(tmp_path, monkeypatch, NEW_PLAN, store)
    doc = _json("status", "--format", "json", "--as-of", "2026-12-01")
    for tid in ("t", "d"):
        target = _target(doc, tid)
        assert (target["status"], target["reason"]) == ("not_available", "no_baseline"), target
    shown = run_clean("show", "t", "--as-of", "2026-12-01", env={"COLUMNS": "200"})
    assert "no figure for the baseline year or later" in shown.stdout, shown.stdout
    assert "of the baseline year;" not in shown.stdout


# --- 6. Arguments in the wrong order: `history 2022-H1 grdp_growth` was told
# "'grdp_growth' is not a period" and nothing of the order; `add-observation 2026-H1
# grdp_growth 11.2` two errors (an unknown indicator '2026-H1', 'grdp_growth' no period);
# `add-observation grdp_growth 11.2 2026-H1` "'2026-H1' is not a number". Each is now one
# refusal naming the order and the command to type, with the exit code the command gave
# before (history's period: 2; add-observation's and retract's: 1); nothing is written.


@pytest.mark.parametrize(
    ("args", "fixed", "code"),
    [
        (("history", "2022-H1", "grdp_growth"), "qntrack history grdp_growth 2022-H1", 2),
        (("history", "2022", "grdp_growth"), "qntrack history grdp_growth 2022", 2),
        (("add-observation", "2026-H1", "grdp_growth", "11.2"), "qntrack add-observation grdp_growth 2026-H1 11.2", 1),
        (("add-observation", "grdp_growth", "11.2", "2026-H1"), "qntrack add-observation grdp_growth 2026-H1 11.2", 1),
        (("add-observation", "grdp_growth", "10,5", "2026"), "qntrack add-observation grdp_growth 2026 10,5", 1),
        (("retract", "2025", "grdp_growth"), "qntrack retract grdp_growth 2025", 1),
    ],
)
def test_arguments_in_the_wrong_order_are_told_the_order(shipped: Path, args: tuple[str, ...], fixed: str, code: int):
    before = (shipped / "observations.csv").read_bytes()
    r = run_clean(*args)
    assert r.exit_code == code and r.stdout == "", r.output
    assert fixed in r.stderr, r.stderr
    assert "error(s)" not in r.stderr, r.stderr  # one refusal, not two
    assert (shipped / "observations.csv").read_bytes() == before
    vi = run_clean("--lang", "vi", *args)
    # The line as typed, its options kept (the lead, thirtieth session): --lang vi too.
    assert vi.exit_code == code and fixed.replace("qntrack", "qntrack --lang vi", 1) in vi.stderr, vi.stderr


def test_right_order_and_other_mistakes_are_told_as_before(shipped: Path):
    r = run_clean("history", "grdp_growth", "2022-H3")
    assert r.exit_code == 2 and "half 3 does not exist" in r.stderr, r.stderr
    r = run_clean("add-observation", "grdp_growth", "2026-Q1", "abc", "--dry-run")
    assert r.exit_code == 1 and "'abc' is not a number" in r.stderr and "order" not in r.stderr, r.stderr


@pytest.mark.parametrize(
    ("args", "fixed"),
    [
        (("cbct-share", "show"), "qntrack show cbct-share"),
        (("grdp_growth", "history", "2022-H1"), "qntrack history grdp_growth 2022-H1"),
        (("cbct-share", "show", "--as-of", "2023-06-28"), "qntrack show cbct-share --as-of 2023-06-28"),
    ],
)
def test_a_command_after_its_argument_is_told_the_order(shipped: Path, args: tuple[str, ...], fixed: str):
    """`qntrack cbct-share show` read "No such command 'cbct-share'": the command's name
    comes first, and the refusal (exit 2) now says the command to type."""
    r = run_clean(*args)
    assert r.exit_code == 2 and r.stdout == "", r.output
    assert fixed in r.stderr, r.stderr
    vi = run_clean("--lang", "vi", *args)
    assert vi.exit_code == 2 and fixed.replace("qntrack", "qntrack --lang vi") in vi.stderr, vi.stderr


def test_the_terminal_table_rank_and_markdown_report_by_hand(shipped: Path):
    """The other outputs a journalist reads, by hand:

    - status's table as of 2023-06-28: GRDP per capita 8,200 (2022), gap 10,000 - 8,200 =
      1,800 USD, P 1.21 (test above); FDI 2022: 622 of 1,500 "reached 41.5%" (41.47
      at one decimal), gap 1,500 - 622 = 878 million USD.
    - rank of the 2024 budget plan by locality: Cẩm Phả alone has a plan assigned
      (12,771) and a figure (18,000 >= 12,771: achieved, 18,000 / 12,771 = 140.94 % of it),
      so it ranks first; Hạ Long and Móng Cái have figures but no plan (not available),
      then the ten units without a figure share rank 4.
    - the Markdown report's row for the CBCT share: P 0.89 (0.8854 at two decimals), gap
      2.7 pp.
    """
    r = run_clean(
        "status",
        "fdi-plan-2022",
        "grdp-per-capita",
        "--format",
        "table",
        "--as-of",
        "2023-06-28",
        env={"COLUMNS": "200"},
    )
    assert r.exit_code == 0, r.stderr
    text = " ".join(r.stdout.split())
    for shown in ("8,200 USD (2022, estimate)", "1,800 USD 1.21", "reached 41.5%", "878 million USD"):
        assert shown in text, text
    ranked = _json("rank", "budget-revenue-plan-2024", "--format", "json", "--as-of", AS_OF)["units"]
    assert [(u["rank"], u["dims"]["locality"], u["status"]) for u in ranked[:3]] == [
        (1, "Cẩm Phả", "target_achieved"),
        (2, "Hạ Long", "not_available"),
        (3, "Móng Cái", "not_available"),
    ]
    assert {u["rank"] for u in ranked[3:]} == {4} and len(ranked) == 13
    units = csv.DictReader(
        io.StringIO(
            run_clean(
                "status", "budget-revenue-plan-2024", "--by", "locality", "--format", "csv", "--as-of", AS_OF
            ).stdout
        )
    )
    cam_pha = next(u for u in units if u["locality"] == "Cẩm Phả")
    assert float(cam_pha["percent_of_plan"]) == pytest.approx(140.944, abs=1e-3)
    md = run_clean("report", "--format", "markdown", "--as-of", AS_OF)
    assert md.exit_code == 0, md.stderr
    row = next(line for line in md.stdout.splitlines() if line.startswith("| 1 | [CBCT share of GRDP"))
    assert "| 2.7 pp | 0.89 |" in row, row


def test_a_misspelt_targets_file_is_told_the_plan_beside_it(shipped: Path):
    """`-t target.yaml` beside targets.yaml read "targets file not found", nothing more; the
    plan a letter away is now named (exit 1 as before, nothing read)."""
    r = run_clean("-t", "target.yaml", "status")
    assert r.exit_code == 1 and r.stdout == "", r.output
    assert "did you mean 'targets.yaml'?" in r.stderr, r.stderr
    far = run_clean("-t", "plan.yaml", "status")
    assert far.exit_code == 1 and "did you mean" not in far.stderr, far.stderr


def test_a_numbered_id_of_a_national_plan_keeps_its_closest():
    """Thousands of ids differing only in their numbers (x-00000 … x-00099 here, a
    national plan's numbering): the closest is named, as before, not ten of them."""
    from qntrack.errors import id_suggestion
    from qntrack.catalog import render

    ids = [f"x-{n:05d}" for n in range(100)]
    assert render(id_suggestion("x-0000", ids), "en") == "; did you mean 'x-00000'?"
    years = [f"plan-{y}" for y in (2022, 2023, 2024)]
    assert (
        render(id_suggestion("plan-2026", years), "en")
        == "; did you mean one of 'plan-2022', 'plan-2023', 'plan-2024'?"
    )
