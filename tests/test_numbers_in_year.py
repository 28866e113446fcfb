"""Numbers during the year, round two (issue 17, sixteenth session): the year-to-date
readings of plans and cumulative targets, and the ranking of units read during the year.

Every expected number is worked out by hand in the docstrings; none is copied from qntrack.
"""

from __future__ import annotations

from qntrack.kinds import assess_target
from qntrack.method.assessment import Assessment, UnitAssessment
from qntrack.method.progress import Status
from qntrack.method.ranking import rank_units
from qntrack.plan.model import Direction, Indicator, Measure, Observation, PlanTarget, Text
from qntrack.plan.periods import parse_period as P

TODAY = "2026-12-01"


def flow(direction: Direction = Direction.INCREASE) -> Indicator:
    return Indicator("net", Text("net flow", "lượng ròng"), unit="bn", direction=direction, measure=Measure.FLOW)


def rows(*pairs: tuple[str, float]) -> list[Observation]:
    return sorted((Observation("net", P(p), v) for p, v in pairs), key=lambda o: o.period.sort_key)


def plan(value: float, period: str = "2026") -> PlanTarget:
    return PlanTarget(id="pl", indicator="net", period=P(period), value=value)


def in_year(value: float, reading: tuple[str, float], direction: Direction = Direction.INCREASE) -> Assessment:
    return assess_target(plan(value), flow(direction), rows(reading), today=None)


# --- 1. a flow plan below zero during its year -------------------------------------------


def test_a_deficit_plan_at_mid_year_has_no_percent_and_no_pace():
    """A net flow planned at −500 for 2026, higher is better (a deficit of at most 500),
    −200 by 2026-H1. Share of time 6 / 12 = 0.5; the plan's share of the year to date is
    −500 × 0.5 = −250, and −200 ≥ −250: better than the plan's pace, substantial progress.
    −200 / −500 = "40 % of the plan" would read as a plan 60 % short, and P = 0.4 / 0.5 =
    0.8 as moderate progress: a per cent of a figure below zero reads backwards
    (methodology.md, "Annual plan"), so no percent_of_plan, no P and no score."""
    a = in_year(-500, ("2026-H1", -200))
    assert a.status is Status.SUBSTANTIAL_PROGRESS
    assert a.progress_value is None
    assert a.score is None
    ytd = a.details["year_to_date"]
    assert ytd["percent_of_plan"] is None
    assert ytd["share_of_time"] == 0.5
    assert ytd["value"] == -200


def test_a_deficit_already_beyond_the_plan_at_mid_year_is_limited_not_substantial():
    """Plan −500 for 2026, higher is better, −600 by 2026-H1: −600 < −250 (the plan's pace
    to date) and already below the year's −500. Read as a pace, 1.2 / 0.5 = 2.4 was
    "substantial progress"; it is behind the plan: limited progress (the year is not over,
    and a net flow may come back, so not yet "not achieved")."""
    a = in_year(-500, ("2026-H1", -600))
    assert a.status is Status.LIMITED_PROGRESS
    assert a.progress_value is None and a.score is None


def test_a_deficit_within_the_plan_at_nine_months_is_not_yet_achieved():
    """Plan −500, higher is better, −100 by 2026-9M: −100 ≥ −500 already, but a deficit can
    still grow in the last quarter (−100 − 450 = −550 would miss it), so it is not
    target achieved during the year; −100 ≥ −500 × 9 / 12 = −375: substantial progress."""
    a = in_year(-500, ("2026-9M", -100))
    assert a.status is Status.SUBSTANTIAL_PROGRESS
    assert a.score is None


def test_a_plan_below_zero_where_lower_is_better_reads_the_other_way():
    """Plan −500 for 2026, lower is better (a net outflow of at least 500 planned).
    −600 by 2026-H1: −600 ≤ −500 × 6 / 12 = −250, ahead of the plan (it was "limited
    progress": 1.2 > 0.5 read as a share of the plan beyond the share of time).
    −100 by 2026-H1: −100 > −250, behind: limited progress."""
    ahead = in_year(-500, ("2026-H1", -600), Direction.DECREASE)
    assert ahead.status is Status.SUBSTANTIAL_PROGRESS
    assert ahead.progress_value is None and ahead.details["year_to_date"]["percent_of_plan"] is None
    behind = in_year(-500, ("2026-H1", -100), Direction.DECREASE)
    assert behind.status is Status.LIMITED_PROGRESS


def test_a_deficit_plan_exactly_on_its_pace_is_on_it_both_ways():
    """Plan −0.7 for 2026, −0.525 by 2026-9M: −0.7 × 9 / 12 = −0.525 exactly, on the
    plan's pace; the edge is inside, so substantial progress whichever way is better.
    (In floats −0.525 / −0.7 = 0.7500000000000001, above 9 / 12 = 0.75.) One thousandth
    off, −0.526, is behind a higher-is-better plan (−0.526 < −0.525)."""
    assert in_year(-0.7, ("2026-9M", -0.525)).status is Status.SUBSTANTIAL_PROGRESS
    assert in_year(-0.7, ("2026-9M", -0.525), Direction.DECREASE).status is Status.SUBSTANTIAL_PROGRESS
    assert in_year(-0.7, ("2026-9M", -0.526)).status is Status.LIMITED_PROGRESS


def test_a_deficit_plan_at_its_full_figure_is_unchanged():
    """The full-year figure is judged as before (fifteenth session): −400 against −500,
    higher is better, −400 ≥ −500: achieved, no per cent, difference +100."""
    a = assess_target(plan(-500), flow(), rows(("2026-H1", -200), ("2026", -400)), today=TODAY)
    assert a.status is Status.TARGET_ACHIEVED
    assert a.details["percent_of_plan"] is None
    assert a.details["difference"] == 100


# --- 2. a lower-is-better flow plan exactly on pace -------------------------------------


def test_a_lower_is_better_flow_exactly_on_pace_is_on_it():
    """Plan 0.7 for 2026 (an amount to keep low), 0.525 by 2026-9M: share of plan
    0.525 / 0.7 = 0.75, share of time 9 / 12 = 0.75, exactly on pace: the share of the plan
    stays within the share of time, substantial progress; P = 0.75 / 0.75 = 1. In floats
    0.525 / 0.7 = 0.7500000000000001 > 0.75, which made it limited progress."""
    a = in_year(0.7, ("2026-9M", 0.525), Direction.DECREASE)
    assert a.status is Status.SUBSTANTIAL_PROGRESS
    assert a.progress_value == 1
    assert a.score is None


def test_a_lower_is_better_flow_on_pace_with_noise_below_and_just_beyond():
    """Plan 1.1, 0.825 by 2026-9M: 0.825 / 1.1 = 0.75 = 9 / 12 exactly (floats give
    0.7499999999999999, below): substantial progress, P = 1. 0.826 is beyond:
    0.826 / 1.1 = 0.750909... > 0.75, limited progress."""
    assert in_year(1.1, ("2026-9M", 0.825), Direction.DECREASE).status is Status.SUBSTANTIAL_PROGRESS
    assert in_year(1.1, ("2026-9M", 0.825), Direction.DECREASE).progress_value == 1
    assert in_year(1.1, ("2026-9M", 0.826), Direction.DECREASE).status is Status.LIMITED_PROGRESS


def test_a_higher_is_better_flow_exactly_on_pace_is_substantial():
    """Plan 0.7, higher is better, 0.525 by 2026-9M: P = 0.75 / 0.75 = 1 ≥ 0.95,
    substantial progress; score 7.1429 × 1 − 4.2857 = 2.8572."""
    a = in_year(0.7, ("2026-9M", 0.525))
    assert a.status is Status.SUBSTANTIAL_PROGRESS
    assert a.progress_value == 1
    assert abs(a.score - 2.8572) < 1e-9


# --- 4. the ranking's last tie-break is the figure the row shows ---------------------------


def _unit(name: str, a: Assessment) -> UnitAssessment:
    return UnitAssessment((("locality", name),), a)


def test_units_tied_on_score_are_ranked_by_the_year_to_date_figure_they_show():
    """Two units, each given its own plan of 100 for 2026 (lower is better, so no score):
    Alpha 40 by 2026-H1, Beta 45 by 2026-H1. Both are within the share of time (0.40 and
    0.45 ≤ 0.5): substantial progress, no score. P: Alpha 0.4 / 0.5 = 0.8, Beta 0.45 / 0.5
    = 0.9, different, so give them equal P by making the plans differ: Alpha's plan 80
    with 40 (0.5 / 0.5 = 1), Beta's plan 90 with 45 (0.5 / 0.5 = 1). Equal status, no score,
    P = 1 each: the row shows each one's year-to-date figure (no full-year one), 40 and
    45, and lower is better, so Alpha (40) ranks first, Beta (45) second, not tied."""
    down = flow(Direction.DECREASE)
    alpha = assess_target(plan(80), down, rows(("2026-H1", 40)), today=None)
    beta = assess_target(plan(90), down, rows(("2026-H1", 45)), today=None)
    assert alpha.progress_value == beta.progress_value == 1
    ranked = rank_units([_unit("Beta", beta), _unit("Alpha", alpha)], increase=False)
    assert [(r.rank, dict(r.unit.dims)["locality"]) for r in ranked] == [(1, "Alpha"), (2, "Beta")]


def test_units_tied_on_score_where_higher_is_better_rank_the_larger_reading_first():
    """Higher is better, plans of 100 and 200 for 2026: Alpha 60 by 2026-H1 (0.6 / 0.5 =
    1.2), Beta 120 (0.6 / 0.5 = 1.2). Both substantial, score min(7.1429 × 1.2 − 4.2857, 5)
    = 4.28578 each, P 1.2 each: tied until the figure shown, 120 before 60."""
    up = flow()
    alpha = assess_target(plan(100), up, rows(("2026-H1", 60)), today=None)
    beta = assess_target(plan(200), up, rows(("2026-H1", 120)), today=None)
    assert alpha.score == beta.score
    ranked = rank_units([_unit("Alpha", alpha), _unit("Beta", beta)])
    assert [(r.rank, dict(r.unit.dims)["locality"]) for r in ranked] == [(1, "Beta"), (2, "Alpha")]


# --- 3. a cumulative total that a year-to-date reading already takes beyond its bound -----

CUMULATIVE_PLAN = """
    title: Investment
    indicators:
      inv: {name: Investment, unit: bn, measure: flow}
    targets:
      - {id: inv-total, type: cumulative, indicator: inv, at_least: 1000, from: 2021, to: 2025}
      - {id: inv-cap, type: cumulative, indicator: inv, at_most: 1500, from: 2021, to: 2025}
"""

CUMULATIVE_FIGURES = """
    indicator,period,value,status,source,note,recorded_at
    inv,2021,100,official,,,2022-03-01T00:00:00Z
    inv,2022-H1,1000.5,estimate,,,2022-07-05T00:00:00Z
"""


def test_a_cumulative_total_a_reading_takes_beyond_the_bound_says_so(tmp_path, monkeypatch):
    """At least 1,000 over 2021–2025: 100 in 2021, then 1,000.5 by 2022-H1. The total of
    the full years is 100 (share 100 / 1,000 = 0.1 after 1 / 5 = 0.2 of the span, P = 0.5:
    limited progress, score 4.1667 × 0.5 − 2.5 = −0.41665). With the reading, 100 + 1,000.5
    = 1,100.5 is recorded, beyond 1,000. The reading is an estimate, and a flow's second
    half may be negative (a net flow): the status stays on the full years (no false
    "achieved"), and the words say the total is already beyond the target. The cap of at
    most 1,500 is within (100 ≤ 1,500, and 1,100.5 ≤ 1,500): nothing said."""
    from conftest import dedent, make_tracker
    from helpers import json_of, run_clean

    make_tracker(tmp_path, monkeypatch, dedent(CUMULATIVE_PLAN), dedent(CUMULATIVE_FIGURES))
    d = {t["id"]: t for t in json_of("status", "--format", "json", "--as-of", "2022-08-01")["targets"]}
    assert d["inv-total"]["status"] == "limited_progress"
    assert abs(d["inv-total"]["score"] - (-0.41665)) < 1e-9
    assert d["inv-total"]["provisional"]["value"] == 1000.5
    shown = run_clean("show", "inv-total", "--as-of", "2022-08-01")
    assert shown.exit_code == 0, shown.output
    assert "1,100.5 bn" in shown.stdout and "already beyond the target of 1,000 bn" in shown.stdout
    vi = run_clean("show", "inv-total", "--as-of", "2022-08-01", "--lang", "vi")
    assert "1.100,5 bn" in vi.stdout and "vượt mục tiêu 1.000 bn" in vi.stdout
    # show's sentences speak the period in words (decisions.md, "Periods in words in
    # documents"), the merge of this sentence with that rule: "With H1 2022", "6 tháng đầu
    # năm 2022", never the code 2022-H1.
    sentence = next(x for x in shown.stdout.splitlines() if "already beyond" in x)
    assert "H1 2022" in sentence and "2022-H1" not in sentence, sentence
    vi_sentence = next(x for x in vi.stdout.splitlines() if "vượt mục tiêu" in x)
    assert "6 tháng đầu năm 2022" in vi_sentence and "2022-H1" not in vi_sentence, vi_sentence
    cap = run_clean("show", "inv-cap", "--as-of", "2022-08-01")
    assert "already" not in cap.stdout


def test_a_cumulative_cap_a_reading_takes_over_says_so(tmp_path, monkeypatch):
    """At most 1,500 over 2021–2025: 100 in 2021 (within: substantial progress while the
    span runs), then 1,500.5 by 2022-H1: 100 + 1,500.5 = 1,600.5 > 1,500, already over the
    cap with the reading; the status waits for 2022's figure, the words say it."""
    from conftest import dedent, make_tracker
    from helpers import json_of, run_clean

    figures = CUMULATIVE_FIGURES.replace("1000.5", "1500.5")
    make_tracker(tmp_path, monkeypatch, dedent(CUMULATIVE_PLAN), dedent(figures))
    d = {t["id"]: t for t in json_of("status", "--format", "json", "--as-of", "2022-08-01")["targets"]}
    assert d["inv-cap"]["status"] == "substantial_progress"
    shown = run_clean("show", "inv-cap", "--as-of", "2022-08-01")
    assert "1,600.5 bn" in shown.stdout and "already over the cap of 1,500 bn" in shown.stdout
    vi = run_clean("show", "inv-cap", "--as-of", "2022-08-01", "--lang", "vi")
    assert "1.600,5 bn" in vi.stdout and "vượt mức tối đa 1.500 bn" in vi.stdout


# --- 5. units that met (or missed) their own plans rank by the share of the plan ----------


def test_units_that_met_their_plans_rank_by_the_share_of_the_plan_not_the_figure():
    """Each unit has its own plan for 2026 (higher is better): Alpha 101.7 of 100 is
    101.7 % of its plan, Beta 52 of 50 is 52 / 50 = 104 %. Both met: status achieved, score
    5 each, no P. By the figure Alpha (101.7 > 52) ranked first, though Beta beat its plan
    by more; the share of the plan comes before the figure: Beta first. Missed plans too:
    Gamma 80 of 100 (80 %), Delta 45 of 50 (90 %): Delta first, then Gamma."""
    up = flow()
    alpha = assess_target(plan(100), up, rows(("2026", 101.7)), today=None)
    beta = assess_target(plan(50), up, rows(("2026", 52)), today=None)
    assert alpha.score == beta.score == 5.0 and alpha.progress_value is None
    ranked = rank_units([_unit("Alpha", alpha), _unit("Beta", beta)])
    assert [(r.rank, dict(r.unit.dims)["locality"]) for r in ranked] == [(1, "Beta"), (2, "Alpha")]
    gamma = assess_target(plan(100), up, rows(("2026", 80)), today=None)
    delta = assess_target(plan(50), up, rows(("2026", 45)), today=None)
    ranked = rank_units([_unit("Gamma", gamma), _unit("Delta", delta)])
    assert [(r.rank, dict(r.unit.dims)["locality"]) for r in ranked] == [(1, "Delta"), (2, "Gamma")]


def test_units_within_their_caps_rank_the_smaller_share_first():
    """Lower is better (a cost kept within a plan): Alpha 70 of 100 is 70 %, Beta 40 of 50
    is 80 %. Both within: Alpha used less of its plan, so ranks first (by the figure, 40 < 70,
    Beta did)."""
    down = flow(Direction.DECREASE)
    alpha = assess_target(plan(100), down, rows(("2026", 70)), today=None)
    beta = assess_target(plan(50), down, rows(("2026", 40)), today=None)
    ranked = rank_units([_unit("Beta", beta), _unit("Alpha", alpha)], increase=False)
    assert [(r.rank, dict(r.unit.dims)["locality"]) for r in ranked] == [(1, "Alpha"), (2, "Beta")]
