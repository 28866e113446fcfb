"""`qntrack rank TARGET_ID` (issue 14): a breakdown's units best to worst, by hand.

The rule (method/ranking.py): the score (a unit missed for good counts as -5), then the
progress value, then the latest figure in the indicator's direction; a unit without one
of these after every unit with it; units equal on all three share a rank and the next
rank skips ("1, 2, 2, 4").

Every expected number is worked out in the comments from docs/methodology.md
("Method 2", "Scores", "Annual plan").
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run

RANK_TARGETS = """\
version: 1
title: "Ranking test"
dimensions:
  locality:
    name: {en: Locality, vi: Địa phương}
    values: [Hạ Long, Cẩm Phả, Uông Bí, Móng Cái, Vân Đồn]
indicators:
  fdi:
    name: {en: FDI, vi: Vốn FDI}
    unit: bn
    measure: flow
    dimensions: [locality]
  poor:
    name: {en: Poverty rate, vi: Tỷ lệ hộ nghèo}
    unit: "%"
    direction: decrease
    dimensions: [locality]
  plain:
    name: Plain
    unit: "%"
targets:
  - id: fdi-2024
    type: plan
    indicator: fdi
    period: 2024
    value: 100
    for_each: locality
    overrides:
      Hạ Long: {value: 40}
      Cẩm Phả: {value: 60}
  - id: poor-2030
    indicator: poor
    baseline: 2020
    milestones:
      - {by: 2030, value: 5}
    for_each: locality
    overrides:
      Cẩm Phả: {milestones: [{by: 2030, value: 2.5}]}
      Vân Đồn: {milestones: [{by: 2021, value: 1}]}
  - id: plain
    indicator: plain
    baseline: 2020
"""

RANK_OBSERVATIONS = """\
indicator,period,value,status,source,note,recorded_at
fdi,2024,150,official,,,2025-03-01T00:00:00Z
fdi[locality=Hạ Long],2024,50,official,,,2025-03-01T00:00:00Z
fdi[locality=Cẩm Phả],2024,30,official,,,2025-03-01T00:00:00Z
fdi[locality=Uông Bí],2024,20,official,,,2025-03-01T00:00:00Z
fdi[locality=Móng Cái],2024,25,official,,,2025-03-01T00:00:00Z
fdi[locality=Vân Đồn],2024,25,official,,,2025-03-01T00:00:00Z
poor,2020,10,official,,,2021-03-01T00:00:00Z
poor,2022,9,official,,,2023-03-01T00:00:00Z
poor[locality=Hạ Long],2020,10,official,,,2021-03-01T00:00:00Z
poor[locality=Hạ Long],2022,9.5,official,,,2023-03-01T00:00:00Z
poor[locality=Cẩm Phả],2020,5,official,,,2021-03-01T00:00:00Z
poor[locality=Cẩm Phả],2022,4.75,official,,,2023-03-01T00:00:00Z
poor[locality=Uông Bí],2020,10,official,,,2021-03-01T00:00:00Z
poor[locality=Uông Bí],2022,10.2,official,,,2023-03-01T00:00:00Z
poor[locality=Móng Cái],2020,10,official,,,2021-03-01T00:00:00Z
poor[locality=Móng Cái],2022,9.5,official,,,2023-03-01T00:00:00Z
poor[locality=Vân Đồn],2020,10,official,,,2021-03-01T00:00:00Z
poor[locality=Vân Đồn],2021,9,official,,,2022-03-01T00:00:00Z
plain,2020,1,official,,,2021-03-01T00:00:00Z
"""

# poor-2030, a decrease (d = -1), baseline 2020, milestone 5 by 2030 (Cẩm Phả: 2.5):
#   r = (5 / 10) ^ (1/10) - 1 = (2.5 / 5) ^ (1/10) - 1 = 0.5 ^ 0.1 - 1 = -0.0669670
#   Hạ Long, Móng Cái: 10 -> 9.5 over 2 years: a = 0.95 ^ 0.5 - 1 = -0.0253206
#   Cẩm Phả: 5 -> 4.75: a = (4.75 / 5) ^ 0.5 - 1 = 0.95 ^ 0.5 - 1, the same a
#   P = -1 x a / |r| = 0.0253206 / 0.0669670 = 0.378105 (< 0.6: limited progress)
#   score = 4.1667 x 0.378105 - 2.5 = -0.924550
#   Uông Bí: 10 -> 10.2: a = 1.02 ^ 0.5 - 1 = 0.00995049; P = -0.00995049 / 0.0669670
#   = -0.148588 (< 0: deterioration); score = 4.1667 x -0.148588 - 2.5 = -3.119122
#   Vân Đồn: milestone 1 by 2021, 2021's figure 9: missed for good (not_achieved, no
#   score, ranked as -5); P = -1 x (9/10 - 1) / |1/10 - 1| = 0.1 / 0.9 = 0.111111
R = 0.5**0.1 - 1
A_SLOW = 0.95**0.5 - 1
P_SLOW = -A_SLOW / abs(R)
SCORE_SLOW = 4.1667 * P_SLOW - 2.5
P_UP = -(1.02**0.5 - 1) / abs(R)
SCORE_UP = 4.1667 * P_UP - 2.5


def test_hand_worked_numbers_are_what_the_comments_say():
    # The arithmetic above, to four places: a check on the comments, not on qntrack.
    assert (round(R, 7), round(P_SLOW, 6), round(SCORE_SLOW, 4)) == (-0.066967, 0.378105, -0.9245)
    assert (round(P_UP, 6), round(SCORE_UP, 4)) == (-0.148588, -3.1191)


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, RANK_TARGETS, RANK_OBSERVATIONS)


def _obs(period: str, value: float, recorded_at: str) -> dict:
    # `revises` last (review of issue 17's eighteenth session): each figure here is a first one.
    return {
        "period": period,
        "value": value,
        "status": "official",
        "source": None,
        "recorded_at": recorded_at,
        "revises": None,
        "revises_source": None,  # where the figure replaced came from (twenty-fifth session)
        "revises_recorded_at": None,
        "revises_status": None,  # and its status (twenty-seventh session)
        "note": None,  # the figure's own note, last (session 46)
    }


def test_decrease_ties_and_a_missed_unit_in_json(plan: Path):
    r = run("rank", "poor-2030", "--format", "json")
    assert r.exit_code == 0, r.stderr
    doc = json.loads(r.stdout)
    assert list(doc) == ["qntrack", "schema", "as_of", "target", "for_each", "units", "as_of_end"]  # 39th, J
    assert (doc["schema"], doc["as_of"], doc["target"], doc["for_each"]) == (1, None, "poor-2030", ["locality"])
    units = doc["units"]
    for u in units:
        assert list(u) == [
            "rank", "dims", "status", "reason", "score", "progress_value", "latest", "own_values", "withdrawn",
            "milestones", "provisional",  # added (issue 17, twenty-first session)
            "without_figure",  # added (issue 17, twenty-first session, declared units without a figure)
            "awaiting_figures",  # added (thirty-second session, the deadlines awaited, as status's)
            "missed_milestones",  # added (thirty-third session, the deadlines missed, as status's)
            "gap",  # thirty-fourth session, still to go, as status's
            "not_counted",  # added last (thirty-fifth session): a plan's figures not counted
        ]  # fmt: skip
    # Equal score and P for Cẩm Phả, Hạ Long and Móng Cái: the decrease puts the lowest
    # latest first (4.75 < 9.5); Hạ Long and Móng Cái equal on all three share rank 2,
    # in the dimension's declared order, and the next rank is 4.
    assert [(u["rank"], u["dims"]["locality"]) for u in units] == [
        (1, "Cẩm Phả"),
        (2, "Hạ Long"),
        (2, "Móng Cái"),
        (4, "Uông Bí"),
        (5, "Vân Đồn"),
    ]
    for u in units[:3]:
        assert u["status"] == "limited_progress" and u["reason"] is None
        assert u["score"] == pytest.approx(SCORE_SLOW, abs=1e-9)
        assert u["progress_value"] == pytest.approx(P_SLOW, abs=1e-12)
    assert units[0]["latest"] == _obs("2022", 4.75, "2023-03-01T00:00:00Z")
    assert units[1]["latest"] == units[2]["latest"] == _obs("2022", 9.5, "2023-03-01T00:00:00Z")
    assert [u["own_values"] for u in units] == [True, False, False, False, True]
    assert units[3]["status"] == "deterioration"
    assert units[3]["score"] == pytest.approx(SCORE_UP, abs=1e-9)
    assert units[3]["progress_value"] == pytest.approx(P_UP, abs=1e-12)
    missed = units[4]
    assert (missed["status"], missed["score"], missed["latest"]) == (
        "not_achieved",
        None,
        _obs("2021", 9.0, "2022-03-01T00:00:00Z"),
    )
    assert missed["progress_value"] == pytest.approx(0.1 / 0.9)


def test_missed_counts_as_minus_five_and_no_amount_ranks_by_latest(plan: Path):
    # fdi-2024, a plan: Hạ Long 50 against its own 40 -> achieved (score 5); Cẩm Phả 30
    # against 60 -> not_achieved (no score, ranked as -5, so above the units with none);
    # Uông Bí 20, Móng Cái 25, Vân Đồn 25 have no plan of their own: not_available,
    # no_amount_for_unit, ranked by their latest figure (an increase: 25, 25, then 20),
    # Móng Cái and Vân Đồn tied at 3, Uông Bí 5.
    r = run("rank", "fdi-2024", "--format", "csv")
    assert r.exit_code == 0, r.stderr
    rows = list(csv.reader(io.StringIO(r.stdout)))
    # The gap, added last (thirty-fourth session), as status's CSV writes it: Hạ Long 40 −
    # 50 = −10 (beyond its plan), Cẩm Phả 60 − 30 = 30; the others have no plan, no gap.
    # Then not_counted (thirty-sixth session), empty here: no flow plan read on its first months.
    assert [row.pop() for row in rows] == ["not_counted", "", "", "", "", ""]
    assert [row.pop() for row in rows] == ["gap", "-10.0", "30.0", "", "", ""]
    # The deadlines missed, added before it (thirty-third session): Cẩm Phả's plan of 2024.
    assert [row.pop() for row in rows] == ["missed_milestones", "", "2024", "", "", ""]
    assert rows == [
        [
            "rank",
            "locality",
            "status",
            "reason",
            "score",
            "progress_value",
            "latest_period",
            "latest_value",
            "own_values",
            "latest_source",
            "withdrawn",
            "milestones",  # added last (issue 17, twenty-first session): a plan has none
            "provisional_period",  # and no year-to-date reading once its year is over
            "provisional_value",
            "provisional_source",
            "as_of",  # added last (twenty-fourth session): empty without --as-of
            "latest_status",  # then the kinds (twenty-eighth session): all official here
            "provisional_status",
            "awaiting_figures",  # then the deadlines awaited (thirty-second session): none here
        ],
        [
            "1",
            "Hạ Long",
            "target_achieved",
            "",
            "5.0",
            "",
            "2024",
            "50.0",
            "true",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "official",
            "",
            "",
        ],
        [
            "2",
            "Cẩm Phả",
            "not_achieved",
            "",
            "",
            "",
            "2024",
            "30.0",
            "true",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "official",
            "",
            "",
        ],
        [
            "3",
            "Móng Cái",
            "not_available",
            "no_amount_for_unit",
            "",
            "",
            "2024",
            "25.0",
            "false",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "official",
            "",
            "",
        ],
        [
            "3",
            "Vân Đồn",
            "not_available",
            "no_amount_for_unit",
            "",
            "",
            "2024",
            "25.0",
            "false",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "official",
            "",
            "",
        ],
        [
            "5",
            "Uông Bí",
            "not_available",
            "no_amount_for_unit",
            "",
            "",
            "2024",
            "20.0",
            "false",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "official",
            "",
            "",
        ],
    ]


def test_tsv_is_the_default_when_piped_and_plain(plan: Path):
    r = run("rank", "fdi-2024")
    assert r.exit_code == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].split("\t")[:3] == ["rank", "locality", "status"]
    assert lines[1].split("\t")[:2] == ["1", "Hạ Long"]
    assert "\x1b[" not in r.stdout


def test_table_in_both_languages(plan: Path):
    r = run("rank", "poor-2030", "--format", "table", env={"NO_COLOR": "1", "COLUMNS": "160"})
    assert r.exit_code == 0, r.stderr
    out = r.stdout
    assert "\x1b[" not in out
    assert "Poverty rate (poor-2030)" in out
    for word in ("Rank", "Locality", "Status", "Score", "Latest", "Own values"):
        assert word in out
    lines = [line.split() for line in out.splitlines()]
    # Rank, unit, status, score and P (two decimals), latest, the gap (a decrease: the
    # figure less the goal, 4.75 − 2.5, 9.5 − 5, 10.2 − 5, 9 − 1; thirty-fourth session),
    # own values.
    assert ["1", "Cẩm", "Phả", "Limited", "progress", "-0.92", "0.38", "4.75%", "(2022)", "2.25", "pp", "yes"] in lines
    assert ["2", "Móng", "Cái", "Limited", "progress", "-0.92", "0.38", "9.5%", "(2022)", "4.5", "pp", "no"] in lines
    assert ["4", "Uông", "Bí", "Deterioration", "-3.12", "-0.15", "10.2%", "(2022)", "5.2", "pp", "no"] in lines
    assert ["5", "Vân", "Đồn", "Not", "achieved", "–", "0.11", "9%", "(2021)", "8", "pp", "yes"] in lines
    vi = run("rank", "poor-2030", "--format", "table", "--lang", "vi", env={"COLUMNS": "160"}).stdout
    assert "Tỷ lệ hộ nghèo (poor-2030)" in vi and "Hạng" in vi and "Địa phương" in vi
    assert [
        "1",
        "Cẩm",
        "Phả",
        "Tiến",
        "triển",
        "hạn",
        "chế",
        "-0,92",
        "0,38",
        "4,75%",
        "(2022)",
        "2,25",
        "điểm",
        "%",
        "có",
    ] in [line.split() for line in vi.splitlines()]


def test_unknown_target_names_the_closest(plan: Path):
    r = run("rank", "poor-203")
    assert r.exit_code == 1
    assert r.stdout == ""
    assert r.stderr == (
        "targets.yaml: error: no target 'poor-203'; did you mean 'poor-2030'? (targets: fdi-2024, poor-2030, plain)\n"
    )


def test_target_not_broken_down_names_those_that_are(plan: Path):
    r = run("rank", "plain")
    assert r.exit_code == 1
    assert r.stdout == ""
    assert r.stderr == (
        "targets.yaml: error: 'plain' is not broken down (it has no for_each in targets.yaml); "
        "targets broken down: fdi-2024, poor-2030\n"
    )


def test_no_target_broken_down(tracker: Path):
    r = run("rank", "share")
    assert r.exit_code == 1
    assert r.stderr == "targets.yaml: error: 'share' is not broken down: no target in targets.yaml has for_each\n"


def test_breakdown_without_figures_prints_the_header_and_says_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    make_tracker(tmp_path, monkeypatch, RANK_TARGETS, "indicator,period,value,status,source,note,recorded_at\n")
    r = run("rank", "poor-2030", "--format", "csv")
    assert r.exit_code == 0
    # The units with their own values are listed, without figures and not_available.
    assert r.stdout.splitlines()[0].startswith("rank,locality,status")
    assert "no unit of 'poor-2030' has a figure the target judges yet" in r.stderr
    assert "add-observation poor PERIOD VALUE --dim locality=..." in r.stderr
    doc = json.loads(run("rank", "poor-2030", "--format", "json").stdout)
    assert all(u["latest"] is None and u["status"] == "not_available" for u in doc["units"])


def test_as_of_ranks_what_was_known_then(plan: Path):
    # By the end of 2022-06-01 the 2022 figures were not recorded (2023-03-01): each unit
    # but Vân Đồn has its 2020 figure alone, no progress to measure (not_available, no
    # score, no P); Vân Đồn's 2021 figure missed its 2021 milestone (-5) and ranks first.
    # The others by their latest figure, lower first (a decrease): Cẩm Phả 5, then
    # Hạ Long, Uông Bí, Móng Cái at 10, tied at 3.
    doc = json.loads(run("rank", "poor-2030", "--format", "json", "--as-of", "2022-06-01").stdout)
    assert doc["as_of"] == "2022-06-01"
    assert [(u["rank"], u["dims"]["locality"], u["status"]) for u in doc["units"]] == [
        (1, "Vân Đồn", "not_achieved"),
        (2, "Cẩm Phả", "not_available"),
        (3, "Hạ Long", "not_available"),
        (3, "Uông Bí", "not_available"),
        (3, "Móng Cái", "not_available"),
    ]
    assert [u["latest"]["value"] for u in doc["units"]] == [9.0, 5.0, 10.0, 10.0, 10.0]
