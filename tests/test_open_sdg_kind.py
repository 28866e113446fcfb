"""``type: open_sdg`` and a target's ``of:`` (issue 16): an Open SDG progress option judged
as Open SDG's build judges it (docs/methodology.md, "Open SDG targets").

Expected figures are Statistics Canada's published ones (the sample's
indicator_calculation_components.yml) or worked by hand in the comments."""

from __future__ import annotations

import math
from textwrap import dedent

import pytest

from helpers import problems, series
from qntrack.files.definitions import parse_plan
from qntrack.kinds import assess, assess_target
from qntrack.method.progress import Status
from qntrack.method.series import build_series
from qntrack.plan.model import OpenSdgTarget


def _plan(targets: str, direction: str = "increase"):
    text = dedent(
        f"""\
        version: 1
        dimensions:
          sex: {{name: Sex}}
        indicators:
          x: {{name: X, unit: "%", direction: {direction}, dimensions: [sex]}}
        targets:
        """
    )
    return parse_plan(text + dedent(targets), "targets.yaml")


def _judge(targets: str, *pairs: tuple[str, float], direction: str = "increase"):
    plan = _plan(targets, direction)
    target = plan.targets[0]
    return assess_target(target, plan.indicators["x"], series("x", *pairs))


def test_statistics_canada_1_1_1_with_a_target():
    # Published: base 14.5 (2015), current 10.4 (2023), target 7.25 by 2030, direction -1:
    # progress_value 0.9010899546976208, score 2.1506954374096354, moderate_progress.
    a = _judge(
        "  - {id: t, type: open_sdg, indicator: x, target: 7.25, target_year: 2030}\n",
        ("2015", 14.5),
        ("2019", 11.0),
        ("2023", 10.4),
        direction="decrease",
    )
    assert a.status is Status.MODERATE_PROGRESS
    assert a.progress_value == 0.9010899546976208
    assert a.score == 2.1506954374096354
    assert a.details == {
        "base_year": 2015,
        "base_value": 14.5,
        "current_year": 2023,
        "current_value": 10.4,
        "target": 7.25,
        "target_year": 2030,
        "direction": -1,
        "sign": 1,
        "limit": None,
    }


def test_the_base_is_the_first_year_from_the_default_base_year_on_and_a_limit_narrows_the_bands():
    # Published 1-2-1: the default base year 2015 has no figure, 2016 is the first after
    # it (66.6); current 71.4 (2023); positive, limit 100: progress_value
    # 0.009991483690946268, score 1.739752850099936, moderate_progress. The 2005 figure,
    # before the base year, is not the base.
    a = _judge(
        "  - {id: t, type: open_sdg, indicator: x, direction: positive, limit: 100}\n",
        ("2005", 65.1),
        ("2016", 66.6),
        ("2023", 71.4),
    )
    assert a.details["base_year"] == 2016
    assert a.progress_value == 0.009991483690946268
    assert a.score == 1.739752850099936
    assert a.status is Status.MODERATE_PROGRESS


def test_a_passed_target_year_is_still_measured_on_the_latest_figure():
    # 100 (2015) to 121 (2017): achieved 10% a year; 200 by 2016 needs 100% a year:
    # P = 0.1 / 1.0 = 0.1 < 0.6, score 4.1667 * 0.1 - 2.5 = -2.08333: limited progress.
    # A level target would call the passed 2016 deadline not_achieved.
    a = _judge(
        "  - {id: t, type: open_sdg, indicator: x, target: 200, target_year: 2016}\n",
        ("2015", 100.0),
        ("2017", 121.0),
    )
    assert a.status is Status.LIMITED_PROGRESS
    assert a.progress_value == pytest.approx(0.1, abs=1e-12)
    assert a.score == pytest.approx(4.1667 * 0.1 - 2.5, abs=1e-12)
    assert a.milestones[0].due is False


def test_a_zero_base_is_replaced_by_a_thousandth_as_open_sdg_does():
    # Base 0 (2015) read as 0.001; 2 in 2017: growth sqrt(2 / 0.001) - 1 = 43.72, far above
    # 0.015: substantial, score min(500 P - 5, 5) = 5. A level target measures absolute change.
    a = _judge("  - {id: t, type: open_sdg, indicator: x}\n", ("2015", 0.0), ("2017", 2.0))
    assert a.progress_value == pytest.approx(math.sqrt(2000) - 1)
    assert a.status is Status.SUBSTANTIAL_PROGRESS
    assert a.score == 5.0


def test_a_series_crossing_zero_has_no_assessment():
    a = _judge("  - {id: t, type: open_sdg, indicator: x}\n", ("2015", -1.0), ("2017", 1.0))
    assert a.status is Status.NOT_AVAILABLE
    assert a.reason == "crosses_zero"


def test_no_figure_from_the_base_year_on_is_no_baseline():
    a = _judge("  - {id: t, type: open_sdg, indicator: x, base_year: 2020}\n", ("2015", 1.0), ("2017", 2.0))
    assert a.status is Status.NOT_AVAILABLE
    assert a.reason == "no_baseline"


def test_the_option_direction_overrides_the_indicator_and_the_gap_follows_it():
    # Indicator 'increase', option negative: 10 -> 8 over 2015-2017 is progress.
    # growth = (0.8) ** 0.5 - 1 = -0.105573; P = -1 * growth = 0.105573: substantial.
    a = _judge(
        "  - {id: t, type: open_sdg, indicator: x, direction: negative, target: 5, target_year: 2030}\n",
        ("2015", 10.0),
        ("2017", 8.0),
    )
    assert a.indicator.increase is False
    assert a.gap == 3.0  # 8 still to fall to 5
    required = (5 / 10) ** (1 / 15) - 1
    assert a.progress_value == pytest.approx(-(0.8**0.5 - 1) / abs(required))


def test_defaults_are_open_sdg_s():
    plan = _plan("  - {id: t, type: open_sdg, indicator: x, target: 5}\n")
    t = plan.targets[0]
    assert isinstance(t, OpenSdgTarget)
    assert (t.base_year, t.target_year, t.limit, t.direction) == (2015, 2030, None, None)


def test_of_judges_the_target_on_one_unit_series():
    plan = _plan(
        "  - {id: t, type: open_sdg, indicator: x, of: {sex: Women}}\n"
        "  - {id: u, type: open_sdg, indicator: x, of: 'sex=Men'}\n"
    )
    rows = series("x", ("2015", 1.0), ("2017", 1.0))
    rows += series("x[sex=Women]", ("2015", 1.0), ("2017", 2.0))
    built, _ = build_series(plan.indicators, rows)
    women, men = assess(plan, built)
    assert women.target.series_key == "x[sex=Women]"
    assert women.latest is not None and women.latest.value == 2.0
    assert men.status is Status.NOT_AVAILABLE and men.reason == "no_figures"


def test_of_is_refused_with_for_each_and_names_a_unit_of_a_declared_dimension():
    head = """\
        version: 1
        dimensions:
          sex: {name: Sex}
        indicators:
          x: {name: X, dimensions: [sex]}
        targets:
    """
    both = problems(head + "      - {id: t, type: open_sdg, indicator: x, of: {sex: Women}, for_each: sex}\n")
    assert any("'of' judges the target on one unit and 'for_each' on every unit" in p for p in both)
    unknown = problems(head + "      - {id: t, type: open_sdg, indicator: x, of: {age: Old}}\n")
    assert len(unknown) == 1 and "targets.yaml:7:" in unknown[0] and "age" in unknown[0]
    empty = problems(head + "      - {id: t, type: open_sdg, indicator: x, of: {}}\n")
    assert len(empty) == 1 and "one unit per dimension" in empty[0]


def test_a_direction_word_is_checked():
    out = problems(
        """\
        version: 1
        indicators:
          x: {name: X}
        targets:
          - {id: t, type: open_sdg, indicator: x, direction: up}
        """
    )
    assert out == [
        "targets.yaml:5:54: error: target 't': direction: 'up' is not a direction; use increase or decrease "
        "(Open SDG's positive or negative are accepted too)"
    ]


def test_names_in_other_languages_are_kept_and_a_unit_has_its_own():
    plan = parse_plan(
        dedent(
            """\
            version: 1
            dimensions:
              sex:
                name: {en: Sex, vi: Giới tính, fr: Sexe}
                values:
                  - {value: Female, names: {vi: Nữ, fr: Femmes}}
                  - Male
            indicators:
              x: {name: {en: X, fr: Ixe}, dimensions: [sex]}
            targets: []
            """
        ),
        "targets.yaml",
    )
    sex = plan.dimensions["sex"]
    assert sex.name.languages() == {"en": "Sex", "vi": "Giới tính", "fr": "Sexe"}
    assert sex.name.get("fr") == "Sexe" and sex.name.get("de") == "Sex"
    female, male = sex.values or ()
    assert (female.name_in("vi"), female.name_in("fr"), female.name_in("en")) == ("Nữ", "Femmes", "Female")
    assert male.name_in("vi") == "Male"
    assert plan.indicators["x"].name.get("fr") == "Ixe"
    from qntrack.output.report_breakdowns import unit_name

    assert unit_name((("sex", "Female"),), plan.dimensions, "vi") == "Nữ"
