"""Helper M of the forty-sixth session: a ministry writing a national five-year plan
(2026-2030) by hand, with a new author's mistakes; each defect pinned before its fix, the
expected values worked out by hand in a comment."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean

HEADER = "indicator,period,value,status,source,note,recorded_at\n"

PLAN = """\
title: {en: National plan 2026-2030, vi: Kế hoạch 5 năm 2026-2030}
indicators:
  gdp_growth: {name: {en: GDP growth, vi: Tốc độ tăng trưởng GDP}, unit: "%", measure: rate}
targets:
  - id: gdp-growth-avg
    type: average
    indicator: gdp_growth
    at_least: BOUND
    from: 2026
    to: 2030
"""


# --- A range written backwards ("7-6,5 %", the higher end first, as a resolution may say
# "7 - 6,5 %") or in Vietnamese words ("từ 6,5 đến 7"): told "not a number; write a decimal
# like 12.5" (or "use a decimal point"), where "6.5-7" is told it is a range and which end
# to write. Both ends are 6.5 and 7 whatever their order: the lower where higher is better.


@pytest.mark.parametrize("typed", ["7-6.5", "7 - 6.5", '"7–6,5"', '"7-6,5%"', '"từ 6,5 đến 7"', '"khoảng 6,5-7%"'])
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_range_written_backwards_or_in_words_is_said_as_a_range(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: str, lang: str
) -> None:
    make_tracker(tmp_path, monkeypatch, PLAN.replace("BOUND", typed), HEADER)
    r = run_clean("--lang", lang, "check")
    assert r.exit_code == 1, r.output
    lines = [line for line in r.output.splitlines() if "error" in line or "lỗi" in line]
    assert len(lines) == 1 and lines[0].startswith("targets.yaml:8:"), r.output
    if lang == "en":
        assert "is a range" in lines[0] and "write 6.5 where higher is better" in lines[0], r.output
        assert "7 where lower is better" in lines[0] and "not a number" not in lines[0], r.output
    else:
        assert "là một khoảng" in lines[0] and "ghi 6.5 nếu càng cao càng tốt" in lines[0], r.output
        assert "7 nếu càng thấp càng tốt" in lines[0], r.output


def test_a_backwards_range_typed_as_a_figure_is_said_as_a_range(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_tracker(tmp_path, monkeypatch, PLAN.replace("BOUND", "10"), HEADER)
    r = run_clean("add-observation", "gdp_growth", "2026", "7-6.5", "--status", "estimate")
    assert r.exit_code == 1 and "is a range" in r.output, r.output
    assert (tmp_path / "observations.csv").read_text(encoding="utf-8") == HEADER
    # Two whole numbers the higher first stay no range: "7-6" may be a day and a month.
    r = run_clean("add-observation", "gdp_growth", "2026", "7-6", "--status", "estimate")
    assert r.exit_code == 1 and "range" not in r.output, r.output


# --- Two files joined badly: a second top-level `targets:` (or `indicators:`) was told
# "duplicate key 'targets' (first given on line 5)", nothing of what to write. It is told
# to delete the second line, so that what follows joins the first list.

JOINED = """\
title: Plan
indicators:
  hdi: {name: HDI}
targets:
  - id: hdi-2030
    indicator: hdi
    baseline: 2025
    milestones: [{by: 2030, value: 0.78}]
SECOND
"""


@pytest.mark.parametrize(
    ("second", "key", "first"),
    [
        (
            "targets:\n  - id: hdi-2028\n    indicator: hdi\n    baseline: 2025\n    milestones: [{by: 2028, value: 0.77}]",
            "targets",
            4,
        ),
        ("indicators:\n  gni: {name: GNI}", "indicators", 2),
    ],
)
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_second_top_level_list_is_told_to_join_the_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, second: str, key: str, first: int, lang: str
) -> None:
    make_tracker(tmp_path, monkeypatch, JOINED.replace("SECOND", second), HEADER)
    r = run_clean("--lang", lang, "check")
    assert r.exit_code == 1, r.output
    said = " ".join(r.output.split())
    assert said.startswith("targets.yaml:9:1:"), r.output
    if lang == "en":
        assert f"a second '{key}:'" in said and f"line {first}" in said and "delete line 9" in said, r.output
    else:
        assert f"'{key}:' thứ hai" in said and f"dòng {first}" in said and "xóa dòng 9" in said, r.output


# --- Vietnamese keys a ministry's author writes on a target: 'mã' (its id), 'kiểu' (its
# type), 'cơ quan chủ trì' (its owner), 'giới hạn' (its limit) were told "unknown key"
# with the whole list, where 'chỉ tiêu' and 'loại' are told the key they mean.


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("mã", "id"), ("mã số", "id"), ("kiểu", "type"), ("cơ quan chủ trì", "owner"), ("giới hạn", "limit")],
)
def test_a_vietnamese_key_on_a_target_is_told_the_key_it_means(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: str, meant: str
) -> None:
    plan = """\
title: Plan
indicators:
  waste: {name: Waste treated, unit: "%"}
targets:
  - id: waste-up
    indicator: waste
    baseline: 2025
    KEY: VALUE
"""
    value = {"id": "waste-2", "type": "level", "owner": "Bộ Xây dựng", "limit": "100"}[meant]
    make_tracker(tmp_path, monkeypatch, plan.replace("KEY", typed).replace("VALUE", value), HEADER)
    r = run_clean("check")
    assert r.exit_code == 1, r.output
    said = " ".join(r.output.split())
    assert f"targets.yaml:8:5: error: target 'waste-up': unknown key '{typed}'; did you mean '{meant}'?" in said, (
        r.output
    )
    r = run_clean("--lang", "vi", "check")
    assert f"có phải ý bạn là '{meant}'?" in " ".join(r.output.split()), r.output


# --- A resolution's "6,5-7 % a year" written as two bounds, at_least: 6.5 and at_most: 7:
# told "give exactly one of 'at_least' or 'at_most'" at the target's first line, nothing of
# which to keep. Now said at the second bound's line, as a range is: keep the one that must
# be met, the range in note:.


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_both_bounds_are_told_which_to_keep(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    make_tracker(tmp_path, monkeypatch, PLAN.replace("BOUND", "6.5\n    at_most: 7"), HEADER)
    r = run_clean("--lang", lang, "check")
    assert r.exit_code == 1, r.output
    said = " ".join(r.output.split())
    assert said.startswith("targets.yaml:9:5:"), r.output  # the line of at_most, the second bound
    if lang == "en":
        assert "'at_least' (6.5) and 'at_most' (7)" in said and "keep at_least where higher is better" in said, r.output
        assert "note:" in said, r.output
    else:
        assert "'at_least' (6.5) và 'at_most' (7)" in said and "giữ at_least nếu càng cao càng tốt" in said, r.output


# --- "Reduce the poverty rate by 1-1.5 points a year" added as an average target beside
# the level target on the same undeclared indicator: the average made the poverty rate a
# growth rate (measure: rate) with nothing said, so its 3.1 % was "3.1 % a year", at least
# 1 a year met (P = 3.1, substantial progress), and the level target's milestone, judged by
# growth before (a = 3.1 / 4.06 - 1 = -0.2365, r = (0.5 / 4.06)^(1/5) - 1 = -0.3422,
# P = 0.691, moderate progress), was judged instead by points a year (P = 0.96 / 0.712 =
# 1.35, substantial progress): one target changed another's status. Refused, naming both.

POVERTY = """\
title: Plan
indicators:
  poverty: {name: Poverty rate, unit: "%", direction: decrease}
targets:
  - id: poverty-2030
    indicator: poverty
    baseline: 2025
    milestones: [{by: 2030, value: 0.5}]
  - id: poverty-points
    type: average
    indicator: poverty
    at_least: 1
    from: 2026
    to: 2030
"""
POVERTY_ROWS = (
    HEADER
    + "poverty,2025,4.06,official,GSO,,2026-03-01T00:00:00Z\n"
    + "poverty,2026,3.1,estimate,GSO,,2026-12-05T00:00:00Z\n"
)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_an_average_target_does_not_silently_make_a_level_targets_share_a_growth_rate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    make_tracker(tmp_path, monkeypatch, POVERTY, POVERTY_ROWS)
    r = run_clean("--lang", lang, "check")
    assert r.exit_code == 1, r.output
    said = " ".join(r.output.split())
    assert said.startswith("targets.yaml:5:5:"), r.output  # the level target's line
    if lang == "en":
        assert "target 'poverty-2030'" in said and "average target on line 9" in said, r.output
        assert "declare 'measure: rate'" in said, r.output
    else:
        assert "mục tiêu 'poverty-2030'" in said and "mục tiêu loại average ở dòng 9" in said, r.output
    assert run_clean("status").exit_code == 1


def test_the_same_targets_on_a_declared_growth_rate_are_read_as_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Declared a rate, the two targets are the author's choice: no refusal.
    plan = POVERTY.replace("direction: decrease}", "direction: decrease, measure: rate}")
    make_tracker(tmp_path, monkeypatch, plan, POVERTY_ROWS)
    r = run_clean("check")
    assert r.exit_code == 0, r.output


# --- An indicator's dimensions named by a dimension's Vietnamese name (`dimensions:
# [vùng]`, the region's vi name 'Vùng'): told "no dimension 'vùng' is declared (declared:
# sex, region)", where a target's `for_each: giới tính` is told the id to write.

REGIONS = """\
title: Plan
dimensions:
  sex: {name: {en: Sex, vi: Giới tính}}
  region: {name: {en: Region, vi: Vùng}}
indicators:
  poverty: {name: Poverty rate, unit: "%", direction: decrease, dimensions: [NAMED]}
targets:
  - id: poverty-2030
    indicator: poverty
    baseline: 2025
    milestones: [{by: 2030, value: 0.5}]
"""


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_an_indicators_dimension_named_by_its_name_is_told_its_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    make_tracker(tmp_path, monkeypatch, REGIONS.replace("NAMED", "vùng"), HEADER)
    r = run_clean("--lang", lang, "check")
    assert r.exit_code == 1, r.output
    said = " ".join(r.output.split())
    assert said.startswith("targets.yaml:6:"), r.output
    assert "dimensions: [region]" in said, r.output


# --- A ceiling written as a floor: "inflation about 4.5 %" as at_least: 4.5 on a CPI
# declared direction: decrease (or at_most on an indicator left at the default, higher is
# better). Accepted with nothing said, the status table then read "≥ 4.5%" beside "lower
# is better", and 3.8 % "Not achieved"; a level milestone the wrong way from its baseline
# is warned of (milestone-side), a bound the wrong way from its direction was not.

CPI = """\
title: Plan
indicators:
  cpi: {name: CPI inflation, unit: "%", measure: rate, DIRECTION}
targets:
  - id: cpi-ceiling
    type: every_period
    indicator: cpi
    BOUND: 4.5
    from: 2026
    to: 2030
"""


@pytest.mark.parametrize(
    ("direction", "bound", "told"),
    [(", direction: decrease", "at_least", "is to decrease"), ("", "at_most", "is to increase")],
)
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_bound_the_other_way_from_its_indicators_direction_is_warned_of(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, direction: str, bound: str, told: str, lang: str
) -> None:
    plan = CPI.replace(", DIRECTION", direction).replace("BOUND", bound)
    make_tracker(tmp_path, monkeypatch, plan, HEADER + "cpi,2026,3.8,estimate,GSO,,2026-12-05T00:00:00Z\n")
    r = run_clean("--lang", lang, "check")
    assert r.exit_code == 0, r.output  # a warning: the plan may mean it
    said = " ".join(r.output.split())
    assert said.startswith("targets.yaml:5:5:"), r.output
    assert f"{bound}: 4.5" in said and "milestone-side" not in said, r.output
    if lang == "en":
        assert told in said, r.output
    else:
        assert ("cần giảm" if "decrease" in told else "cần tăng") in said, r.output
    # status says it too, as it says a milestone on the wrong side.
    assert f"{bound}: 4.5" in " ".join(run_clean("--lang", lang, "status").stderr.split())


def test_a_bound_the_way_of_its_direction_is_not_warned_of(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = CPI.replace("DIRECTION", "direction: decrease").replace("BOUND", "at_most")
    make_tracker(tmp_path, monkeypatch, plan, HEADER + "cpi,2026,3.8,estimate,GSO,,2026-12-05T00:00:00Z\n")
    r = run_clean("check")
    assert r.exit_code == 0 and r.output == "", r.output


# --- A group written {en: Economy, vi: Kinh tế} on most targets and as plain Vietnamese
# text, `group: Kinh tế`, on one: two groups, both shown "Kinh tế" in a Vietnamese status
# --group-by group (9 targets and 1), with nothing said. The group-names rule compared
# only names given in both languages.

GROUPS = """\
title: Plan
indicators:
  a: {name: A}
  b: {name: B}
targets:
  - id: a-up
    indicator: a
    baseline: 2025
    FIRST
  - id: b-up
    indicator: b
    baseline: 2025
    SECOND
"""


@pytest.mark.parametrize("plain_first", [False, True])
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_group_written_as_plain_vietnamese_beside_its_two_languages_is_warned_of(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, plain_first: bool
) -> None:
    both, plain = "group: {en: Economy, vi: Kinh tế}", "group: Kinh tế"
    first, second = (plain, both) if plain_first else (both, plain)
    make_tracker(tmp_path, monkeypatch, GROUPS.replace("FIRST", first).replace("SECOND", second), HEADER)
    r = run_clean("--lang", lang, "check")
    assert r.exit_code == 0, r.output
    said = " ".join(r.output.split())
    line = 6 if plain_first else 10  # the plain one's target
    assert said.startswith(f"targets.yaml:{line}:5:"), r.output
    assert "group: {en: Economy, vi: Kinh tế}" in said, r.output
    assert ("line 10" if plain_first else "line 6") in said or ("dòng 10" if plain_first else "dòng 6") in said, (
        r.output
    )


# --- A target put in two groups at once, `group: [Kinh tế, Xã hội]`: told "group must be
# a single value, got a list", nothing of what to write. Told that a target is in one group,
# with owner: (status --group-by owner) for a second way of grouping.


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_target_in_two_groups_is_told_it_is_in_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    plan = GROUPS.replace("FIRST", "group: [Kinh tế, Xã hội]").replace("SECOND", "group: Xã hội")
    make_tracker(tmp_path, monkeypatch, plan, HEADER)
    r = run_clean("--lang", lang, "check")
    assert r.exit_code == 1, r.output
    said = " ".join(r.output.split())
    assert said.startswith("targets.yaml:9:12:"), r.output
    assert "group: Kinh tế" in said and "owner:" in said and "--group-by owner" in said, r.output


# --- "Urbanisation up 1.2 points a year" written as an average target on the urbanisation
# rate, a share that declares no measure: the average made it a growth rate, so 45.1 % in
# 2026 was averaged as growth of 45.1 % a year, P = 45.1 / 1.2 = 37.58, substantial progress
# with nothing said. A share named so (tỷ lệ, tỷ trọng, share of) is refused as an average's
# growth rate unless declared one.

URBAN = """\
title: Plan
indicators:
  urban: {name: NAME, unit: "%"MEASURE}
targets:
  - id: urban-avg
    type: average
    indicator: urban
    at_least: 1.2
    from: 2026
    to: 2030
"""


@pytest.mark.parametrize(
    "name", ["{en: Urbanisation rate, vi: Tỷ lệ đô thị hóa}", "Tỷ trọng kinh tế số", "Share of trained workers"]
)
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_an_average_target_on_a_share_is_refused_unless_declared_a_rate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, lang: str
) -> None:
    rows = HEADER + "urban,2026,45.1,estimate,GSO,,2026-12-05T00:00:00Z\n"
    make_tracker(tmp_path, monkeypatch, URBAN.replace("NAME", name).replace("MEASURE", ""), rows)
    r = run_clean("--lang", lang, "check")
    assert r.exit_code == 1, r.output
    said = " ".join(r.output.split())
    assert said.startswith("targets.yaml:5:5:"), r.output
    assert "'measure: rate'" in said and "urban" in said, r.output
    # Declared a rate, the author's word is taken.
    make_tracker(tmp_path, monkeypatch, URBAN.replace("NAME", name).replace("MEASURE", ", measure: rate"), rows)
    assert run_clean("check").exit_code == 0


@pytest.mark.parametrize(
    "name", ["{en: GDP growth, vi: Tốc độ tăng trưởng GDP}", "{en: Inflation, vi: Tỷ lệ lạm phát}", "Tỷ lệ tăng dân số"]
)
def test_an_average_target_on_a_growth_rate_is_read_as_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    make_tracker(tmp_path, monkeypatch, URBAN.replace("NAME", name).replace("MEASURE", ""), HEADER)
    r = run_clean("check")
    assert r.exit_code == 0, r.output


# --- "Budget deficit at most 4 % of GDP" written as a cumulative target (a ceiling over
# 2026-2030) on the deficit in % GDP, which declares no measure: the cumulative target made
# it a flow, so the years' percentages were added up (3.6 + 3.5 = 7.1 % "of GDP", over the
# cap of 4) with nothing said. A per cent is no amount that adds up: refused unless the
# indicator declares measure: flow.

DEFICIT = """\
title: Plan
indicators:
  deficit: {name: State budget deficit, unit: "% GDP", direction: decreaseMEASURE}
targets:
  - id: deficit-cap
    type: cumulative
    indicator: deficit
    at_most: 4
    from: 2026
    to: 2030
"""


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_cumulative_target_on_a_per_cent_is_refused_unless_declared_a_flow(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    make_tracker(tmp_path, monkeypatch, DEFICIT.replace("MEASURE", ""), HEADER)
    r = run_clean("--lang", lang, "check")
    assert r.exit_code == 1, r.output
    said = " ".join(r.output.split())
    assert said.startswith("targets.yaml:5:5:"), r.output
    assert "'measure: flow'" in said and "every_period" in said and "% GDP" in said, r.output
    make_tracker(tmp_path, monkeypatch, DEFICIT.replace("MEASURE", ", measure: flow"), HEADER)
    assert run_clean("check").exit_code == 0


# --- A population milestone written the Vietnamese way, `value: 104.500.000` (two groups
# of thousands after dots): told "not a number; write a decimal like 12.5", where `8.500`
# is told its two readings. Two dot groups have one reading, 104500000: told so.


@pytest.mark.parametrize(("typed", "meant"), [("104.500.000", "104500000"), ("1.234.567,5", "1234567.5")])
def test_a_number_grouped_by_dots_twice_is_told_the_number(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: str, meant: str
) -> None:
    plan = """\
title: Plan
indicators:
  population: {name: Population, unit: people, measure: flow}
targets:
  - id: population-sum
    type: cumulative
    indicator: population
    at_least: TYPED
    from: 2026
    to: 2030
""".replace("TYPED", typed)
    make_tracker(tmp_path, monkeypatch, plan, HEADER)
    r = run_clean("check")
    assert r.exit_code == 1, r.output
    said = " ".join(r.output.split())
    assert said.startswith("targets.yaml:8:") and meant in said and "12.5" not in said, r.output


# --- A figure written with its size word, as the resolution writes it: `value: "106,5
# triệu"` or `at_least: 1.5 billion` were told to use a decimal point and no thousands
# separator, nothing of the word. The word belongs to the unit: the figure in ones is
# 106.5 x 10^6 = 106500000, or 106.5 where the unit says millions itself.


@pytest.mark.parametrize(
    ("typed", "whole", "number", "word"),
    [
        ('"106,5 triệu"', "106500000", "106.5", "triệu"),
        ("1.5 billion", "1500000000", "1.5", "billion"),
        ('"2 nghìn tỷ"', "2000000000000", "2", "nghìn tỷ"),
    ],
)
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_number_with_its_size_word_is_told_the_figure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: str, whole: str, number: str, word: str, lang: str
) -> None:
    plan = """\
title: Plan
indicators:
  population: {name: Population, unit: people, measure: flow}
targets:
  - id: population-sum
    type: cumulative
    indicator: population
    at_least: TYPED
    from: 2026
    to: 2030
""".replace("TYPED", typed)
    make_tracker(tmp_path, monkeypatch, plan, HEADER)
    r = run_clean("--lang", lang, "check")
    assert r.exit_code == 1, r.output
    said = " ".join(r.output.split())
    assert said.startswith("targets.yaml:8:"), r.output
    assert f"'{word}'" in said and whole in said and f" {number} " in said, r.output


def test_a_grouped_number_with_its_size_word_is_not_read_one_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "1.500 triệu" is 1500 million the Vietnamese way, 1.5 million the English way: no
    # figure is offered for it (1500000 would be a thousand times too small).
    plan = PLAN.replace("BOUND", '"1.500 triệu"')
    make_tracker(tmp_path, monkeypatch, plan, HEADER)
    r = run_clean("check")
    assert r.exit_code == 1 and "1500000" not in r.output, r.output


# --- A baseline year after the milestone's (baseline: 2031 beside by: 2030) was told "milestone
# by 2030 is not after the baseline 2031", nothing of what to write, where an Open SDG
# target_year before its base_year is told "give a later target_year".


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_milestone_before_its_baseline_is_told_what_to_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    plan = POVERTY.replace("baseline: 2025", "baseline: 2031", 1)
    make_tracker(tmp_path, monkeypatch, plan, POVERTY_ROWS)
    r = run_clean("--lang", lang, "check")
    assert r.exit_code == 1, r.output
    said = " ".join(r.output.split())
    assert said.startswith("targets.yaml:8:"), r.output
    assert ("a year after 2031" if lang == "en" else "một năm sau 2031") in said, r.output


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_second_top_level_title_is_told_to_keep_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    # Two plans joined: the second's `title:` was told "duplicate key 'title' (first given
    # on line 1)", nothing of what to write.
    make_tracker(tmp_path, monkeypatch, JOINED.replace("SECOND", "title: Kế hoạch xã hội"), HEADER)
    r = run_clean("--lang", lang, "check")
    assert r.exit_code == 1, r.output
    said = " ".join(r.output.split())
    assert said.startswith("targets.yaml:9:1:"), r.output
    assert ("keep one of lines 1 and 9" if lang == "en" else "giữ một trong hai dòng 1 và 9") in said, r.output


# --- A value that starts with '#' ("name: #Số người chết", "at_most: #6000", the sign
# for "number"): YAML reads it as a comment, and the author was told "name must not be
# empty" or "at_most: '' is not a number" of a line that shows the text. Told so now.


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_value_after_a_hash_is_told_it_is_a_comment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    make_tracker(tmp_path, monkeypatch, PLAN.replace("BOUND", "#10"), HEADER)
    r = run_clean("--lang", lang, "check")
    assert r.exit_code == 1, r.output
    said = " ".join(r.output.split())
    assert said.startswith("targets.yaml:8:"), r.output
    assert "'#'" in said and '"#10"' in said, r.output


# --- Milestones written as a mapping of years, `milestones: {2028: 26, 2030: 28}`: told
# "milestones must be a list like '- {by: 2025, value: 15}'", an example of other figures.
# Told the author's own lines to write.


def test_milestones_written_as_a_mapping_of_years_are_told_their_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = POVERTY.replace("milestones: [{by: 2030, value: 0.5}]", "milestones: {2028: 2, 2030: 0.5}")
    make_tracker(tmp_path, monkeypatch, plan, POVERTY_ROWS)
    r = run_clean("check")
    assert r.exit_code == 1, r.output
    said = " ".join(r.output.split())
    assert said.startswith("targets.yaml:8:17:"), r.output
    assert "- {by: 2028, value: 2}" in said and "- {by: 2030, value: 0.5}" in said, r.output
