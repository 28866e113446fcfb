"""The numbers, audited again (issue 17, twenty-ninth session, helper N).

Each test builds a small plan at an edge of a formula of docs/methodology.md and checks
what qntrack prints against figures worked out by hand in the comments, never copied from
the code's output.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qntrack.method.groups import Member, combine
from qntrack.method.progress import Status

from conftest import make_tracker
from helpers import run_clean

S = Status
HEADER = "indicator,period,value,status,source,note,recorded_at\n"
AT = "2024-01-01T00:00:00+07:00"


def _rows(*rows: str) -> str:
    return HEADER + "".join(f"{r},,,,{AT}\n" for r in rows)


def _status(*args: str) -> dict:
    r = run_clean("status", "--format", "json", *args)
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


# --- Groups: a member achieved without a score of its own ------------------------------

GROUP_TARGETS = """\
version: 1
indicators:
  infl: {name: Inflation, unit: "%", measure: rate, direction: decrease}
  g: {name: Growth, unit: "%", measure: rate}
  em: {name: Emissions, unit: kt, measure: flow, direction: decrease}
  nf: {name: Net flow, unit: bn USD, measure: flow}
  lv: {name: Index, unit: pts}
targets:
  - {id: avg-most, type: average, indicator: infl, at_most: 4, from: 2021, to: 2022, group: G}
  - {id: avg-neg, type: average, indicator: g, at_least: -2, from: 2021, to: 2022, group: G}
  - {id: ep, type: every_period, indicator: g, at_least: 5, from: 2021, to: 2022, group: G}
  - {id: cum-most, type: cumulative, indicator: em, at_most: 100, from: 2021, to: 2022, group: G}
  - {id: cum-neg, type: cumulative, indicator: nf, at_least: -500, from: 2021, to: 2022, group: G}
  - id: lvl
    indicator: lv
    baseline: 2020
    milestones: [{by: 2030, value: 259.374}]
    group: G
"""
GROUP_OBS = _rows(
    "infl,2021,3",
    "infl,2022,3",
    "g,2021,6",
    "g,2022,6",
    "em,2021,40",
    "em,2022,40",
    "nf,2021,-100",
    "nf,2022,-100",
    "lv,2020,100",
    "lv,2022,110.25",
)


def test_an_achieved_member_without_a_score_counts_five_as_a_missed_one_counts_minus_five():
    """Section 1.1 of the official method: target achieved scores 5, whatever the ratio.
    A member missed for good counts -5 (decisions, "Groups and owners"); one achieved but
    without a score of its own (an every-period target, an average or cumulative cap, a
    bound at or below zero) was left out, so a group's successes weighed nothing and its
    failures the bottom of the scale.

    Achieved every period (5) and limited progress of -0.41665 (worked example 9's level
    target: a = 1.1025^(1/2) - 1 = 0.05, r = 2.59374^(1/10) - 1 = 0.1, P = 0.5, score
    4.1667 x 0.5 - 2.5 = -0.41665): (5 - 0.41665) / 2 = 2.2917, moderate progress."""
    score, status = combine([Member("ep", S.TARGET_ACHIEVED, None), Member("lvl", S.LIMITED_PROGRESS, -0.41665)])
    assert score == pytest.approx(2.291675)
    assert status is S.MODERATE_PROGRESS
    # Alone, it is a group achieved with the top score, as a missed one alone is -5.
    assert combine([Member("ep", S.TARGET_ACHIEVED, None)]) == (5.0, S.TARGET_ACHIEVED)
    # Still left out: not available, and a member on track with no score (no judgement yet).
    score, status = combine(
        [
            Member("na", S.NOT_AVAILABLE, None),
            Member("on", S.SUBSTANTIAL_PROGRESS, None),
            Member("lvl", S.LIMITED_PROGRESS, -0.41665),
        ]
    )
    assert score == pytest.approx(-0.41665)
    assert status is S.LIMITED_PROGRESS


def test_a_group_of_five_achieved_caps_and_floors_and_one_limited_reads_substantial(tmp_path: Path, monkeypatch):
    """Five members achieved with no score of their own (average at most 4: 3 % and 3 %;
    average at least -2: 6 % and 6 %; 5 % every year: 6 and 6; at most 100 kt: 40 + 40 =
    80; at least -500: -100 - 100 = -200) and the level of worked example 9 (-0.41665).
    Before: (-0.41665) / 1, limited progress, five achievements out of six unheard.
    Now: (5 x 5 - 0.41665) / 6 = 24.58335 / 6 = 4.0972, substantial progress."""
    make_tracker(tmp_path, monkeypatch, GROUP_TARGETS, GROUP_OBS)
    doc = _status("--as-of", "2024-06-30")
    statuses = {t["id"]: (t["status"], t["score"]) for t in doc["targets"]}
    for tid in ("avg-most", "avg-neg", "ep", "cum-most", "cum-neg"):
        assert statuses[tid] == ("target_achieved", None), tid
    assert statuses["lvl"][0] == "limited_progress"
    assert statuses["lvl"][1] == pytest.approx(-0.41665, abs=1e-4)
    (group,) = doc["groups"]
    assert group["score"] == pytest.approx(24.58335 / 6, abs=1e-4)
    assert group["status"] == "substantial_progress"
    assert group["by_status"]["target_achieved"] == 5


def test_worked_example_9_with_an_every_period_target_met():
    """methodology.md, worked example 9, with "growth of at least 5 % every year
    2021–2022" met both years in place of the target with no figure:
    (5 - 0.417 + 5) / 3 = 9.583 / 3 = 3.194, substantial progress (it read 2.292)."""
    score, status = combine(
        [
            Member("fdi", S.TARGET_ACHIEVED, 5.0),
            Member("index", S.LIMITED_PROGRESS, -0.417),
            Member("growth", S.TARGET_ACHIEVED, None),
        ]
    )
    assert score == pytest.approx(9.583 / 3)
    assert status is S.SUBSTANTIAL_PROGRESS


BREAKDOWN_TARGETS = """\
version: 1
dimensions:
  locality: {name: Locality}
indicators:
  g: {name: Growth, unit: "%", measure: rate, dimensions: [locality]}
targets:
  - {id: ten-every-year, type: every_period, indicator: g, at_least: 10, from: 2021, to: 2022, for_each: locality}
"""
BREAKDOWN_OBS = _rows(
    "g,2021,11",
    "g,2022,10.5",
    "g[locality=Alpha],2021,12",
    "g[locality=Alpha],2022,11",
    "g[locality=Beta],2021,10",
    "g[locality=Beta],2022,10",
    "g[locality=Gamma],2021,9",
    "g[locality=Gamma],2022,12",
)


def test_a_breakdowns_roll_up_counts_its_units_that_met_every_year(tmp_path: Path, monkeypatch):
    """At least 10 % every year 2021–2022, by locality: Alpha (12, 11) and Beta (10, 10:
    the bound's edge passes) achieved, Gamma (9 in 2021) not achieved. The roll-up is the
    group rule: (5 + 5 - 5) / 3 = 1.667, moderate progress. It read -5 / 1,
    deterioration, as if the one locality that missed were the whole province. The
    ranking is unchanged: Alpha and Beta tie on status and score, Alpha's latest 11 above
    Beta's 10; Gamma last."""
    make_tracker(tmp_path, monkeypatch, BREAKDOWN_TARGETS, BREAKDOWN_OBS)
    (t,) = _status("--as-of", "2024-06-30")["targets"]
    assert t["status"] == "target_achieved"  # the total: 11 and 10.5
    assert t["rollup"]["score"] == pytest.approx(5 / 3)
    assert t["rollup"]["status"] == "moderate_progress"
    r = run_clean("rank", "ten-every-year", "--format", "json", "--as-of", "2024-06-30")
    assert r.exit_code == 0, r.output
    order = [(u["rank"], u["dims"]["locality"]) for u in json.loads(r.stdout)["units"]]
    assert order == [(1, "Alpha"), (2, "Beta"), (3, "Gamma")], order


# --- Rounding: a group's score just below an edge, in the workbook ---------------------

EDGE_TARGETS = """\
version: 1
indicators:
  fdi: {name: FDI, unit: million USD, measure: flow}
  idx: {name: Index, unit: pts}
targets:
  - {id: fdi-2022, type: plan, indicator: fdi, period: 2022, value: 100, group: G}
  - {id: idx-dir, indicator: idx, baseline: 2020, group: G}
"""
EDGE_OBS = _rows("fdi,2022,110", "idx,2020,100", "idx,2021,100.49984")


def test_a_group_score_just_below_the_substantial_edge_is_not_shown_on_it_in_the_workbook(tmp_path: Path, monkeypatch):
    """The plan met (5) and a direction-only index from 100 to 100.49984 in a year: P =
    0.0049984, below method 1's med edge 0.005, limited progress, score 500 x 0.0049984 -
    2.5 = -0.0008. The group: (5 - 0.0008) / 2 = 2.4996, in [0, 2.5), moderate progress.
    The table and the Markdown report write 2.4996 (methodology, "Statuses": a score just
    below an edge is never rounded onto it); the workbook's Groups sheet gave the cell
    "0.00", and Excel showed 2.50, the substantial edge, beside "Moderate progress"."""
    import openpyxl

    make_tracker(tmp_path, monkeypatch, EDGE_TARGETS, EDGE_OBS)
    (group,) = _status("--as-of", "2024-06-30")["groups"]
    assert group["score"] == pytest.approx(2.4996)
    assert group["status"] == "moderate_progress"
    r = run_clean("report", "--as-of", "2024-06-30", "-o", "r.xlsx")
    assert r.exit_code == 0, r.output
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx")["Groups"]
    header = [c.value for c in ws[1]]
    cell = ws.cell(row=2, column=header.index("Score") + 1)
    assert cell.value == pytest.approx(2.4996)
    assert cell.number_format == "0.0000"


# --- Rounding: a figure carrying a spreadsheet's float noise ----------------------------

NOISE_TARGETS = """\
version: 1
indicators:
  g: {name: Growth, unit: "%", measure: rate}
  fdi: {name: FDI, unit: million USD, measure: flow}
  sh: {name: Share, unit: "%"}
  bal: {name: Balance, unit: bn USD, measure: balance}
targets:
  - {id: ep, type: every_period, indicator: g, at_least: 10, from: 2021, to: 2021}
  - {id: pl, type: plan, indicator: fdi, period: 2022, value: 1500}
  - {id: lv, indicator: sh, baseline: 2020, milestones: [{by: 2022, value: 15}]}
  - {id: lv-open, indicator: sh, baseline: 2020, milestones: [{by: 2030, value: 15}]}
  - {id: bal, indicator: bal, baseline: 2020, milestones: [{by: 2030, value: 0.3}]}
"""
# Each figure is what a computed cell pastes: 9.999999999999998 (=10*0.1*10 in binary),
# 1499.9999999999998, 14.999999999999998, 0.30000000000000004 (=0.1+0.2): 16 or 17
# significant digits, where a figure holds 15 (Excel shows a cell at 15: these read 10,
# 1500, 15 and 0.3 in the sheet they came from, and qntrack prints them so).
NOISE_OBS = _rows(
    "g,2021,9.999999999999998",
    "fdi,2022,1499.9999999999998",
    "sh,2020,10",
    "sh,2022,14.999999999999998",
    "bal,2020,-1",
    "bal,2022,0.30000000000000004",
)


def test_a_figure_with_a_computed_cells_noise_is_judged_as_the_figure_it_prints(tmp_path: Path, monkeypatch):
    """Every table printed "10% (2021)" against "≥ 10%" with "Not achieved ✗ missed 2021",
    a gap of "2e-15 pp", and "The 2022 milestone of 15% was not achieved: 15%." A figure
    is now set against its bound, plan or milestone at 15 significant digits, the
    precision a typed figure has (the import's own refusal: "a figure holds 15 to 17
    significant digits ... round it to 15"), and its gap taken on the same digits:
    10.0000000000000 >= 10, passed, gap 10 - 10 = 0; 1500 of a plan of 1500, 100 %,
    difference 0; 15 by 2022, achieved, gap 0. Not yet due (2030), 15 meets 15 all the
    same: target achieved first (methodology 1.1); 0.3 of a balance's milestone of 0.3
    likewise (absolute change, whose achieved check comes first too). The figure itself
    is reported as stored."""
    make_tracker(tmp_path, monkeypatch, NOISE_TARGETS, NOISE_OBS)
    by_id = {t["id"]: t for t in _status("--as-of", "2024-06-30")["targets"]}
    ep = by_id["ep"]
    assert (ep["status"], ep["gap"], ep["missed_milestones"]) == ("target_achieved", 0.0, [])
    assert ep["details"]["periods"][0]["passed"] is True
    assert ep["latest"]["value"] == 9.999999999999998  # the stored figure, as recorded
    pl = by_id["pl"]
    assert (pl["status"], pl["gap"], pl["score"]) == ("target_achieved", 0.0, 5.0)
    assert pl["details"]["percent_of_plan"] == 100.0
    assert pl["details"]["difference"] == 0.0
    lv = by_id["lv"]
    assert (lv["status"], lv["gap"], lv["missed_milestones"]) == ("target_achieved", 0.0, [])
    assert lv["milestones"][0]["status"] == "target_achieved"
    assert (by_id["lv-open"]["status"], by_id["lv-open"]["gap"]) == ("target_achieved", 0.0)
    assert (by_id["bal"]["status"], by_id["bal"]["gap"]) == ("target_achieved", 0.0)
    r = run_clean("show", "lv", "--as-of", "2024-06-30")
    assert "was not achieved" not in r.stdout


def test_fifteen_digit_figures_are_still_told_apart():
    """A figure typed with 15 significant digits is a figure, not noise: an amount in VND
    of 123,456,789,012,345 misses a plan of 123,456,789,012,346 by 1 VND (15 digits
    each, exact in a float), and 9.99999999999999 (15 digits) stays below 10."""
    from qntrack.plan.model import Bound

    assert not Bound(123456789012346.0).passes(123456789012345.0)
    assert not Bound(10.0).passes(9.99999999999999)
    assert Bound(10.0).passes(9.999999999999998)
    assert Bound(0.3, at_least=False).passes(0.30000000000000004)


def test_a_pace_that_no_growth_rate_gives_is_a_dash_not_a_dash_a_year(tmp_path: Path, monkeypatch):
    """5 % in 2020, 0 % in 2023, 10 % by 2025: a = (0 / 5)^(1/3) - 1 = -100 % a year, r =
    2^(1/5) - 1 = 14.87 %, P = -1 / 0.1487 = -6.725, deterioration, score -5. No growth
    rate lifts 0 to 10 (0 x (1 + r)^2 is 0 whatever r): the pace needed from now is none,
    written "–", where show wrote "–/yr", a rate a year of nothing."""
    targets = """\
version: 1
indicators:
  b: {name: B, unit: "%"}
targets:
  - {id: zero-latest, indicator: b, baseline: 2020, milestones: [{by: 2025, value: 10}]}
"""
    make_tracker(tmp_path, monkeypatch, targets, _rows("b,2020,5", "b,2023,0"))
    (t,) = _status("--as-of", "2024-06-30")["targets"]
    assert t["status"] == "deterioration"
    assert t["progress_value"] == pytest.approx(-1 / (2 ** (1 / 5) - 1), rel=1e-9)
    assert t["milestones"][0]["required_rate_from_latest"] is None
    out = run_clean("show", "zero-latest", "--as-of", "2024-06-30").stdout
    (row,) = [line for line in out.splitlines() if line.startswith("Needed from now")]
    assert row.split() == ["Needed", "from", "now", "–"], row


# --- A growth rate's direction alone ------------------------------------------------------

RATE_DIRECTION = """\
version: 1
indicators:
  g: {name: GRDP growth, unit: "%", measure: rate}
targets:
  - {id: g-up, indicator: g, baseline: 2020}
"""


def test_a_growth_rates_direction_alone_is_not_read_as_a_compound_growth_of_the_rate(tmp_path: Path, monkeypatch):
    """GRDP growth of 2 % in 2020 and 8 % in 2023, higher is better, no milestone. Method 1
    read the compound growth of the rate, (8 / 2)^(1/3) - 1 = +58.7 % "a year", against
    1.5 % a year: substantial progress, score 5. Methodology section 2: a growth rate must
    not go straight into a CAGR (it may be 0 or below, and a growth of a growth means
    nothing); the twenty-fourth session judged a rate's milestones by their change in
    points for that reason, and left this case. Without a milestone there is no required
    change to set the change against either: not available, as a direction-only series
    that crosses zero is, reason rate_without_milestone, and the change is said, 8 - 2 =
    +6 pp."""
    make_tracker(tmp_path, monkeypatch, RATE_DIRECTION, _rows("g,2020,2", "g,2023,8"))
    (t,) = _status("--as-of", "2024-06-30")["targets"]
    assert (t["status"], t["reason"], t["score"], t["progress_value"]) == (
        "not_available",
        "rate_without_milestone",
        None,
        None,
    )
    assert t["achieved_rate"] is None
    out = run_clean("show", "g-up", "--as-of", "2024-06-30").stdout
    assert "58.7" not in out
    assert "+6 pp" in out
    assert "milestone" in out.split("In short", 1)[1]
    vi = run_clean("--lang", "vi", "show", "g-up", "--as-of", "2024-06-30").stdout
    assert "58,7" not in vi


# --- A cumulative cap read at its pace -----------------------------------------------------

CAP_TARGETS = """\
version: 1
indicators:
  em: {name: Emissions, unit: kt, measure: flow, direction: decrease}
targets:
  - {id: cap, type: cumulative, indicator: em, at_most: 400, from: 2024, to: 2027}
"""


@pytest.mark.parametrize(
    "figures, status",
    [
        # 390 of at most 400 after 1 year of 4: the pace allows 400 x 1 / 4 = 100; 390 is
        # 97.5 % of the cap after 25 % of the span (1,560 at that pace): limited progress,
        # where "within the cap" had read substantial progress.
        (("em,2024,390",), "limited_progress"),
        # 60 + 140 = 200 after 2 of 4: exactly the pace 400 x 2 / 4 = 200, on it.
        (("em,2024,60", "em,2025,140"), "substantial_progress"),
        # 200.1 is beyond it by a tenth: limited.
        (("em,2024,60", "em,2025,140.1"), "limited_progress"),
        # 401 breaks the cap: not achieved at once, as before.
        (("em,2024,401",), "not_achieved"),
        # Four years in, 399 within 400: achieved, as before.
        (("em,2024,100", "em,2025,100", "em,2026,100", "em,2027,99"), "target_achieved"),
    ],
)
def test_a_cumulative_cap_is_read_at_its_pace_as_a_ceiling_plan_is(tmp_path: Path, monkeypatch, figures, status):
    """A flow planned where lower is better is on track while its share of the plan stays
    within the share of time (methodology, "Annual plan"), and so is a cap below zero
    ("A bound below zero"); a cap above zero said "substantial progress" for any total
    within it, however fast it was being used up."""
    make_tracker(tmp_path, monkeypatch, CAP_TARGETS, _rows(*figures))
    (t,) = (
        _status("--as-of", "2028-06-30")["targets"]
        if len(figures) == 4
        else _status("--as-of", "2026-01-15")["targets"]
    )
    assert t["status"] == status
    assert t["score"] is None and t["progress_value"] is None


def test_a_group_whose_members_are_on_track_without_scores_is_not_called_not_available():
    """Two every-period targets passing so far (substantial progress, no score of their own:
    a run of passes has no ratio) made a group "Not available" beside "Substantial
    progress: 2". With no member scored, the group now takes the weakest status of its
    members judged, claiming no more than its weakest member: substantial and substantial
    is substantial; substantial and limited (a cap beyond its pace) is limited. Still no
    score; with no member judged it stays not available."""
    on = Member("ep", S.SUBSTANTIAL_PROGRESS, None)
    assert combine([on, Member("ep2", S.SUBSTANTIAL_PROGRESS, None)]) == (None, S.SUBSTANTIAL_PROGRESS)
    assert combine([on, Member("cap", S.LIMITED_PROGRESS, None), Member("na", S.NOT_AVAILABLE, None)]) == (
        None,
        S.LIMITED_PROGRESS,
    )
    assert combine([Member("na", S.NOT_AVAILABLE, None)]) == (None, S.NOT_AVAILABLE)
    assert combine([]) == (None, S.NOT_AVAILABLE)
