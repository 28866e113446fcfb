"""Issue 17, forty-second session, pass H: a hostile test of the session's changes.

1. A year reached on a whole number of years (methodology.md, "Would be reached"): a
   number of years within 1e-9 of a whole number counts as that number, so a milestone a
   hair above the latest figure (53.9999999999999, 15 digits, is not 54) was "would be
   reached in 2023", the year of the very figure that falls short of it. The first year
   the pace can pass it is the one after the latest figure's: 2024.
2. Open SDG's 0.001 stand-in for a target of 0 was said beside any figure achieving it:
   "a trade deficit closed" from -5 to a surplus of 4 against a target of 0, higher is
   better, read "the latest figure, 4 bn USD, counts as reaching it, though it is not 0",
   as if 4 fell short of 0. Only a figure short of the real 0 that the stand-in lets pass
   (0.0005 road deaths, lower is better) needs that sentence.
3. "Allowed from now" said what is no allowance. A balance of 0.29999999999999993 (a
   computed cell's 0.3) meets its milestone of 0.3 at the 15 digits of a typed figure,
   gap 0, yet `show` said "Allowed from now +1e-17 bn USD/yr" and the JSON gave 1e-17 as
   the change needed: the straight path was worked on the floats' 17 digits, the gap on
   15. And an Open SDG target of 0 achieved at 0.0005 through the stand-in read "Allowed
   from now -100%/yr", a fall to the real 0, not a loss the milestone allows.
4. An Open SDG target of 0 said "Required rate -100%/yr" (the real 0's) and drew its path
   at 0, beside a P read on the rate to Open SDG's 0.001 (-41.4 % a year from 3 over 15
   years): the milestone's rate, path and rate from now are now the stand-in's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import json_of, run_clean

_HEAD = "indicator,period,value,status,source,note,recorded_at\n"


def _targets() -> dict:
    return {t["id"]: t for t in json_of("status", "--format", "json", "--as-of", "2024-06-30")["targets"]}


def _show(*args: str) -> str:
    shown = run_clean(*args, "--as-of", "2024-06-30")
    assert shown.exit_code == 0, shown.stderr
    return shown.stdout


# --- 1. A year reached is after the latest figure's -------------------------------------

_HAIR = """\
indicators:
  share: {name: Share, unit: "%", direction: increase}
  bal: {name: Balance, unit: bn USD, direction: increase, measure: balance}
targets:
  - id: hair
    indicator: share
    baseline: {period: 2020, value: 50}
    milestones: [{by: 2030, value: 54}]
  - id: hair-change
    indicator: bal
    baseline: {period: 2020, value: -5}
    milestones: [{by: 2030, value: 0.3}]
"""


def test_a_milestone_a_hair_above_the_latest_is_reached_the_year_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 53.9999999999999 has 15 significant digits: it is not 54 as typed, so the milestone
    # is not achieved (gap 1e-13 pp). The pace from 50 (2020) is (53.9999999999999 / 50)^(1/3)
    # - 1 = 2.6 % a year, and one year of it passes 54: 2024, not 2023, the latest figure's
    # year. The same on a balance's straight path: from -5 (2020) to 0.2999999999999 (2023)
    # is +1.7667 a year, short of 0.3 by 1e-13, passed in 2024.
    figures = _HEAD + "share,2023,53.9999999999999,official,x,,2024-01-01\n"
    figures += "bal,2023,0.2999999999999,official,x,,2024-01-01\n"
    make_tracker(tmp_path, monkeypatch, _HAIR, figures)
    rows = _targets()
    for name in ("hair", "hair-change"):
        m = rows[name]["milestones"][0]
        assert rows[name]["status"] != "target_achieved", rows[name]
        assert m["gap"] > 0, m
        assert m["reached_in"] == "2024", m
        shown = _show("show", name)
        line = next(x for x in shown.splitlines() if x.startswith("Would be reached in"))
        assert "2024" in line, line


# --- 2. The stand-in is said only where it made a figure short of 0 count ---------------

_ZERO = """\
indicators:
  bal: {name: Trade balance, unit: bn USD, direction: increase}
  net: {name: Net emissions, unit: Mt, direction: decrease}
targets:
  - id: deficit-closed
    type: open_sdg
    indicator: bal
    base_year: 2015
    target: 0
    target_year: 2030
  - id: net-zero
    type: open_sdg
    indicator: net
    base_year: 2015
    target: 0
    target_year: 2030
"""


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_figure_beyond_a_target_of_zero_is_not_said_to_count_through_the_stand_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    # -5 (2015) to 4 (2023), higher is better: 4 is beyond 0 by 4 (gap -4). Net emissions
    # from 3 (2015) to -0.5 (2023), lower is better: beyond 0 by 0.5 (gap -0.5). Both have
    # reached the real 0; neither needs the stand-in of 0.001 to count.
    figures = _HEAD + "bal,2015,-5,official,x,,2024-01-01\nbal,2023,4,official,x,,2024-01-01\n"
    figures += "net,2015,3,official,x,,2024-01-01\nnet,2023,-0.5,official,x,,2024-01-01\n"
    make_tracker(tmp_path, monkeypatch, _ZERO, figures)
    rows = _targets()
    assert rows["deficit-closed"]["gap"] == -4 and rows["net-zero"]["gap"] == -0.5
    for name in ("deficit-closed", "net-zero"):
        assert rows[name]["status"] == "target_achieved", rows[name]
        shown = " ".join(_show("--lang", lang, "show", name).split())
        assert "0.001" not in shown and "0,001" not in shown, shown
        made = run_clean("--lang", lang, "report", "--format", "markdown", name)
        assert made.exit_code == 0, made.stderr
        assert "0.001" not in made.stdout and "0,001" not in made.stdout, made.stdout


# --- 3. "Allowed from now" is an allowance or nothing -------------------------------------


def test_a_balance_met_at_fifteen_digits_allows_no_noise(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # 0.29999999999999993 is 0.3 at 15 digits: achieved, gap 0. From it to 0.3 by 2030 is
    # (0.3 - 0.3) / 7 = 0 a year allowed, not the floats' 1e-17.
    figures = _HEAD + "bal,2023,0.29999999999999993,official,x,,2024-01-01\n"
    make_tracker(tmp_path, monkeypatch, _HAIR, figures)
    row = _targets()["hair-change"]
    m = row["milestones"][0]
    assert row["status"] == "target_achieved" and m["gap"] == 0, row
    assert m["required_change_from_latest"] == 0, m
    shown = _show("show", "hair-change")
    assert "e-17" not in shown and "e-1" not in shown, shown
    line = next(x for x in shown.splitlines() if x.startswith("Allowed from now"))
    assert "0 bn USD/yr" in line, line


def test_a_target_of_zero_met_through_the_stand_in_allows_no_fall(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Road deaths from 3 (2015) to 0.0005 (2023), target 0 by 2030, lower is better:
    # achieved through Open SDG's 0.001, still 0.0005 above the real 0, which it still has
    # to fall to: no loss is allowed, and `show` gives no "Allowed from now" line. The JSON
    # keeps the rate to the stand-in the status is read on (section 4 below), for a program
    # to read: (0.001 / 0.0005)^(1/7) - 1 = 2^(1/7) - 1 = +10.41 % a year.
    targets = _ZERO.replace("Net emissions", "Road deaths").replace("Mt", "per 100k")
    figures = _HEAD + "net,2015,3,official,x,,2024-01-01\nnet,2023,0.0005,official,x,,2024-01-01\n"
    make_tracker(tmp_path, monkeypatch, targets, figures)
    row = _targets()["net-zero"]
    assert row["status"] == "target_achieved"
    assert row["milestones"][0]["required_rate_from_latest"] == pytest.approx(0.10409, abs=1e-5)
    shown = _show("show", "net-zero")
    assert "Allowed from now" not in shown, shown
    # Nor a surplus of 4 where a deficit of 5 was to close: from 4 to 0 is no growth rate.
    figures = _HEAD + "bal,2015,-5,official,x,,2024-01-01\nbal,2023,4,official,x,,2024-01-01\n"
    Path("observations.csv").write_text(figures, encoding="utf-8")
    assert "Allowed from now" not in _show("show", "deficit-closed")


# --- 4. An Open SDG target of 0: the required rate P is read on --------------------------


def test_an_open_sdg_target_of_zero_requires_the_rate_its_p_is_read_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Road deaths from 3 (2015) to 0.5 (2023), target 0 by 2030, lower is better. Open SDG
    # reads the target as 0.001: r = (0.001 / 3)^(1/15) - 1 = -41.36 % a year, and
    # a = (0.5 / 3)^(1/8) - 1 = -20.07 %; P = 0.2007 / 0.4136 = 0.485. The milestone said
    # "Required rate -100%/yr" (the growth to the real 0) and drew the path at 0 from 2016 on,
    # beside a P that -100 % would make 0.2: the rate and path are the ones P is read on.
    targets = _ZERO.replace("Net emissions", "Road deaths").replace("Mt", "per 100k")
    figures = _HEAD + "net,2015,3,official,x,,2024-01-01\nnet,2023,0.5,official,x,,2024-01-01\n"
    make_tracker(tmp_path, monkeypatch, targets, figures)
    row = _targets()["net-zero"]
    r = (0.001 / 3) ** (1 / 15) - 1
    a = (0.5 / 3) ** (1 / 8) - 1
    assert r == pytest.approx(-0.41360, abs=1e-5) and a == pytest.approx(-0.20066, abs=1e-5)
    assert row["progress_value"] == pytest.approx(0.4852, abs=1e-3)
    m = row["milestones"][0]
    assert m["required_rate"] == pytest.approx(r, rel=1e-9), m
    # The path in 2023, 8 years on: 3 x (0.001 / 3)^(8/15) = 0.042 per 100k.
    assert m["trajectory"] == pytest.approx(3 * (0.001 / 3) ** (8 / 15), rel=1e-9), m
    shown = _show("show", "net-zero")
    line = next(x for x in shown.splitlines() if x.startswith("Required rate"))
    assert "-41.4%/yr" in line, line
    # And says why the rate to 0 is not -100 % a year: the stand-in it is read to.
    said = " ".join(shown.split())
    assert "a target of 0 is read as 0.001 per 100k" in said and "the required rate" in said, said
    vi = " ".join(_show("--lang", "vi", "show", "net-zero").split())
    assert "mục tiêu 0 được đọc là 0,001 per 100k" in vi and "tốc độ cần" in vi, vi


# --- 5. One target in no group is said in the singular -----------------------------------

_ONE_LEFT = """\
indicators:
  forest: {name: Forest cover, unit: "%", direction: increase}
targets:
  - id: forest-a
    indicator: forest
    name: {en: Forest A, vi: Rừng A}
    group: {en: Environment, vi: Môi trường}
    baseline: {period: 2020, value: 50}
    milestones: [{by: 2030, value: 55}]
  - id: forest-b
    indicator: forest
    name: {en: Forest B, vi: Rừng B}
    baseline: {period: 2020, value: 50}
    milestones: [{by: 2030, value: 56}]
"""


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "1 of the 2 targets in this report belongs to no group and is not in this table or its chart: Forest B.",
        ),
        (
            "vi",
            "1/2 mục tiêu trong báo cáo này không thuộc nhóm nào nên không có trong bảng này và biểu đồ đi kèm: Rừng B.",
        ),
    ],
)
def test_one_target_in_no_group_is_said_in_the_singular(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
) -> None:
    make_tracker(tmp_path, monkeypatch, _ONE_LEFT, _HEAD + "forest,2023,52,official,x,,2024-01-01\n")
    made = run_clean("--lang", lang, "report", "--format", "markdown")
    assert made.exit_code == 0, made.stderr
    assert said in " ".join(made.stdout.split()), made.stdout


# --- 6. An Open SDG level to keep has no rate needed from now in the JSON either ----------


def test_an_open_sdg_level_to_keep_needs_no_rate_in_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Forest cover 40 % (2015) to keep by 2030 (target 40), at 39 % in 2023: not available,
    # reason target_equals_baseline (a required growth of 0). `show` and the report give no
    # rate needed from now, and json.md says required_rate_from_latest is null for that
    # reason; the JSON had (40 / 39)^(1/7) - 1 = 0.0036 for an Open SDG target.
    targets = """\
indicators:
  cover: {name: Forest cover, unit: "%", direction: increase}
targets:
  - id: osdg-keep
    type: open_sdg
    indicator: cover
    base_year: 2015
    target: 40
    target_year: 2030
"""
    figures = _HEAD + "cover,2015,40,official,x,,2024-01-01\ncover,2023,39,official,x,,2024-01-01\n"
    make_tracker(tmp_path, monkeypatch, targets, figures)
    row = _targets()["osdg-keep"]
    assert row["status"] == "not_available" and row["reason"] == "target_equals_baseline", row
    m = row["milestones"][0]
    assert m["required_rate_from_latest"] is None, m
    assert "Needed from now" not in _show("show", "osdg-keep")


# --- 7. A level kept by the whole is not one every unit keeps -----------------------------

_UNITS = """\
dimensions:
  district: {name: District, values: [A, B]}
indicators:
  cover: {name: Forest cover, unit: "%", direction: increase, dimensions: [district]}
targets:
  - id: cover-units
    indicator: cover
    baseline: 2020
    milestones: [{by: 2030, value: 54}]
    for_each: district
"""


def test_a_broken_down_target_from_each_units_own_baseline_is_not_defined_as_a_keep(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The whole was 54 % in 2020, so its milestone of 54 % keeps its level; district B
    # started from its own 50 % (`baseline: 2020`, a period alone: each unit's own figure),
    # and 54 % by 2030 asks it to rise by 4 points. The definition, one for the target and
    # its units, said "Keep the level of the figure observed for 2020: 54% by 2030."
    figures = _HEAD + "cover,2020,54,official,x,,2024-01-01\ncover,2023,53,official,x,,2024-01-01\n"
    figures += "cover[district=A],2020,54,official,x,,2024-01-01\ncover[district=B],2020,50,official,x,,2024-01-01\n"
    figures += "cover[district=A],2023,53,official,x,,2024-01-01\ncover[district=B],2023,53,official,x,,2024-01-01\n"
    make_tracker(tmp_path, monkeypatch, _UNITS, figures)
    made = run_clean("report", "--format", "markdown", "--as-of", "2024-06-30")
    assert made.exit_code == 0, made.stderr
    text = " ".join(made.stdout.split())
    assert "Keep the level" not in text, text
    assert "Reach 54% by 2030, from the figure observed for 2020." in text, text


# --- 8. A level kept, reached and lost again ----------------------------------------------


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "It is achieved when the latest figure reaches the milestone"),
        ("vi", "Mục tiêu đạt khi số liệu mới nhất đạt mốc"),
    ],
)
def test_a_level_reached_and_lost_again_is_said_to_be_judged_on_the_latest_figure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
) -> None:
    # Forest cover to keep at 54 % (2020) by 2030: 55 % in 2022 reached it, 53 % in 2023
    # lost it. The status is read on the latest figure: not available (a level to keep,
    # 1 point short). The sentence said "It is achieved once a figure reaches the
    # milestone", and the 2022 figure had: read as a contradiction of the status beside it.
    targets = """\
indicators:
  cover: {name: Forest cover, unit: "%", direction: increase}
targets:
  - id: keep
    indicator: cover
    baseline: {period: 2020, value: 54}
    milestones: [{by: 2030, value: 54}]
"""
    figures = _HEAD + "cover,2022,55,official,x,,2024-01-01\ncover,2023,53,official,x,,2024-01-01\n"
    make_tracker(tmp_path, monkeypatch, targets, figures)
    row = _targets()["keep"]
    assert (row["status"], row["reason"], row["gap"]) == ("not_available", "target_equals_baseline", 1), row
    shown = " ".join(_show("--lang", lang, "show", "keep").split())
    assert said in shown, shown
    assert "once a figure reaches" not in shown and "khi có số liệu đạt mốc" not in shown, shown


# --- 9. A zero deficit by Open SDG's reading: a target of 0 from a negative base ----------


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "Open SDG reads a target of 0 as 0.001 bn USD, of the other sign from the base year's figure (-5 bn USD",
        ),
        ("vi", "Open SDG đọc mục tiêu 0 là 0,001 bn USD, trái dấu với số liệu năm gốc (-5 bn USD"),
    ],
)
def test_a_zero_target_from_a_negative_base_says_why_it_is_not_assessed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
) -> None:
    # A trade deficit from -5 (2015) to -1 (2023), to close (0) by 2030. Open SDG reads the
    # target as 0.001, above zero while the base is below it: no growth rate leads from -5
    # to 0.001, so there is no assessment (crosses_zero, as a target of the other sign).
    # It said reason "undefined", "the growth rate is undefined for these figures".
    figures = _HEAD + "bal,2015,-5,official,x,,2024-01-01\nbal,2023,-1,official,x,,2024-01-01\n"
    make_tracker(tmp_path, monkeypatch, _ZERO, figures)
    row = _targets()["deficit-closed"]
    assert (row["status"], row["reason"]) == ("not_available", "crosses_zero"), row
    shown = " ".join(_show("--lang", lang, "show", "deficit-closed").split())
    assert said in shown, shown
    assert "undefined" not in shown and "không tính được tốc độ tăng" not in shown, shown
    # Closed to exactly 0 in 2023: the series does not cross zero (a 0 reached from below
    # is on neither side), and the target as read, 0.001, is still across it from -5.
    figures = _HEAD + "bal,2015,-5,official,x,,2024-01-01\nbal,2023,0,official,x,,2024-01-01\n"
    Path("observations.csv").write_text(figures, encoding="utf-8")
    shown = " ".join(_show("--lang", lang, "show", "deficit-closed").split())
    assert said in shown, shown
    assert "crosses zero" not in shown and "đổi dấu" not in shown, shown
    # At 0 it has reached the real 0 (gap 0): not "at the current pace 0 is never reached",
    # beside "at this pace it reaches 0 bn USD in 2030, meeting the milestone".
    assert "is never reached" not in shown and "sẽ không đạt được" not in shown, shown
    assert _targets()["deficit-closed"]["milestones"][0]["never_reached"] is False


def test_an_open_sdg_target_of_zero_with_no_figure_yet_is_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No figure: not available, reason no_figures, and no word on the stand-in's path.
    make_tracker(tmp_path, monkeypatch, _ZERO, _HEAD)
    row = _targets()["net-zero"]
    assert (row["status"], row["reason"]) == ("not_available", "no_figures"), row
    for lang in ("en", "vi"):
        shown = _show("--lang", lang, "show", "net-zero")
        assert "0.001" not in shown and "0,001" not in shown, shown
