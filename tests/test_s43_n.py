"""Issue 17, forty-third session, helper N: an officer of another organisation (a city
outside Vietnam) writing targets.yaml from scratch with only the documentation.

1. A target's period finer than its indicator is published. `frequency: year` on an
   indicator and `period: 2024-Q2` on its plan (or an every_period span `from: 2021-Q1`,
   `to: 2025-Q4`) passed `check` in silence: no figure for such a period can ever be
   recorded (add-observation refuses it, docs/targets-format.md "a period is valid for an
   indicator when it is made of whole units of its frequency"), so the target stayed "Not
   available" for ever, its "deadlines passed, figure awaited" listing quarters nobody can
   record. Now refused at the period's line, with what to write.

Expected texts are the catalog's words, written out here by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import dedent
from helpers import plan_problems, run_clean

_INDICATORS = """\
version: 1
indicators:
  homes:
    name: {en: New homes, vi: Nhà ở xây mới}
    unit: homes
    measure: flow
  deaths:
    name: Road deaths
    direction: decrease
  jobless:
    name: Unemployment rate
    frequency: quarter
  trips:
    name: Bus trips
    frequency: month
  per_person:
    name: Trips per person
    formula: "trips / homes"
targets:
"""


def _plan(targets: str) -> str:
    return _INDICATORS + dedent(targets)


# --- 1. A target's period finer than its indicator is published -------------------------


def test_a_plan_for_a_quarter_of_a_yearly_indicator_is_refused_at_its_line() -> None:
    text = _plan(
        """\
        - id: homes-2024
          type: plan
          indicator: homes
          period: 2024-Q2
          value: 1200
        """
    )
    line = text.splitlines().index("  period: 2024-Q2") + 1
    assert plan_problems(text) == [
        f"targets.yaml:{line}:11: error: target 'homes-2024': period: 2024-Q2 is Q2 2024, a quarter,"
        " finer than indicator 'homes' is published (frequency: year): no figure can be recorded"
        " for it, so the target could never be judged; write a period of the indicator's frequency"
        " or longer (such as 2024), or, if its figures are published so, give the indicator"
        " frequency: quarter"
    ]


def test_a_span_of_quarters_of_a_yearly_indicator_is_refused_at_its_from() -> None:
    text = _plan(
        """\
        - id: deaths-every-year
          type: every_period
          indicator: deaths
          at_most: 30
          from: 2021-Q1
          to: 2025-Q4
        """
    )
    line = text.splitlines().index("  from: 2021-Q1") + 1
    assert plan_problems(text) == [
        f"targets.yaml:{line}:9: error: target 'deaths-every-year': from: 2021-Q1 is Q1 2021, a quarter,"
        " finer than indicator 'deaths' is published (frequency: year): no figure can be recorded"
        " for it, so the target could never be judged; write a period of the indicator's frequency"
        " or longer (such as 2021), or, if its figures are published so, give the indicator"
        " frequency: quarter"
    ]


def test_a_month_of_a_quarterly_indicator_is_told_the_month_frequency() -> None:
    text = _plan(
        """\
        - id: jobless-may
          type: plan
          indicator: jobless
          period: 2025-05
          value: 5
        """
    )
    (problem,) = plan_problems(text)
    assert "period: 2025-05 is May 2025, a month, finer than indicator 'jobless' is published (frequency: quarter)" in (
        problem
    )
    assert problem.endswith(
        "(such as 2025-Q2), or, if its figures are published so, give the indicator frequency: month"
    )


def test_a_units_override_for_a_finer_period_is_refused_at_its_line() -> None:
    text = _plan(
        """\
        - id: homes-2024
          type: plan
          indicator: homes
          period: 2024
          value: 1200
          for_each: district
          overrides:
            North: {period: 2024-Q2, value: 300}
        """
    ).replace("    measure: flow\n", "    measure: flow\n    dimensions: [district]\n", 1)
    text = text.replace("indicators:\n", "dimensions:\n  district: {values: [North, South]}\nindicators:\n", 1)
    line = text.splitlines().index("    North: {period: 2024-Q2, value: 300}") + 1
    (problem,) = plan_problems(text)
    assert problem.startswith(
        f"targets.yaml:{line}:21: error: target 'homes-2024': overrides.North: period: 2024-Q2 is Q2 2024, a quarter,"
        " finer than indicator 'homes' is published (frequency: year)"
    )


@pytest.mark.parametrize(
    ("indicator", "period"),
    [
        ("jobless", "2025-H1"),  # two whole quarters
        ("jobless", "2025-9M"),  # three whole quarters
        ("trips", "2025-05"),  # a month of a monthly indicator
        ("homes", "2024"),
        ("per_person", "2025-Q1"),  # a derived indicator's figures are its inputs' periods
    ],
)
def test_a_period_made_of_whole_units_of_the_frequency_is_read(indicator: str, period: str) -> None:
    from qntrack.files.definitions import parse_plan

    text = _plan(
        f"""\
        - id: plan-x
          type: plan
          indicator: {indicator}
          period: {period}
          value: 5
        """
    )
    (target,) = parse_plan(text, "targets.yaml").targets
    assert str(target.period) == period


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_check_refuses_the_finer_period_exit_1_in_either_language(tmp_path: Path, lang: str) -> None:
    plan = tmp_path / "targets.yaml"
    text = _plan(
        """\
        - id: homes-2024
          type: plan
          indicator: homes
          period: 2024-H1
          value: 600
        """
    )
    plan.write_text(text, encoding="utf-8")
    at = text.splitlines().index("  period: 2024-H1") + 1
    (tmp_path / "observations.csv").write_text("indicator,period,value,status,source,note,recorded_at\n")
    r = run_clean("--lang", lang, "check", "--targets", str(plan))
    assert r.exit_code == 1
    assert "Traceback" not in r.stderr
    (line,) = r.stderr.splitlines()
    said = {
        "en": "error: target 'homes-2024': period: 2024-H1 is H1 2024, a half year, finer than indicator 'homes'"
        " is published (frequency: year)",
        "vi": "lỗi: mục tiêu 'homes-2024': period: 2024-H1 là 6 tháng đầu năm 2024, nửa năm, chi tiết hơn tần suất"
        " công bố của chỉ tiêu 'homes' (hằng năm, frequency: year)",
    }[lang]
    assert line.startswith(f"{plan}:{at}:11: {said}")
    assert line.endswith(
        {
            "en": "give the indicator frequency: half",
            "vi": "hãy đặt cho chỉ tiêu 6 tháng một lần, frequency: half",
        }[lang]
    )


# --- 2. A minus sign pasted from a document ----------------------------------------------


@pytest.mark.parametrize("sign", ["\u2212", "\u2013", "\u2014"])
def test_a_typographic_minus_before_a_number_is_told_the_hyphen_minus(sign: str) -> None:
    text = _plan(
        f"""\
        - id: deaths-down
          indicator: deaths
          baseline: {{period: 2020, value: 30}}
          milestones:
            - {{by: 2030, value: {sign}5.5}}
        """
    )
    line = text.splitlines().index(f"    - {{by: 2030, value: {sign}5.5}}") + 1
    assert plan_problems(text) == [
        f"targets.yaml:{line}:25: error: target 'deaths-down': milestone value: '{sign}5.5' begins with a"
        f" typographic minus or dash ({sign}), as a word processor writes it, which is not read as a minus"
        " sign here; write -5.5, with the keyboard's hyphen-minus"
    ]


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_check_tells_the_minus_in_either_language(tmp_path: Path, lang: str) -> None:
    plan = tmp_path / "targets.yaml"
    plan.write_text(
        _plan(
            """\
            - id: deaths-2025
              type: every_period
              indicator: deaths
              at_least: −10
              from: 2021
              to: 2025
            """
        ),
        encoding="utf-8",
    )
    r = run_clean("--lang", lang, "check", "--targets", str(plan))
    assert r.exit_code == 1
    (line,) = r.stderr.splitlines()
    assert line.endswith(
        {
            "en": "at_least: '−10' begins with a typographic minus or dash (−), as a word processor writes it,"
            " which is not read as a minus sign here; write -10, with the keyboard's hyphen-minus",
            "vi": "at_least: '−10' bắt đầu bằng dấu trừ hoặc gạch ngang kiểu văn bản (−), như trình soạn thảo"
            " văn bản tự viết, không được đọc là dấu âm ở đây; hãy viết -10, bằng dấu gạch nối trên bàn phím",
        }[lang]
    )


# --- 3. A broken-down level target from a baseline written for the whole -----------------

_DISTRICTS = """\
version: 1
dimensions:
  district:
    name: {en: District, vi: Quận}
    values: [North, South, Harbour]
indicators:
  jobless:
    name: Unemployment rate
    unit: "%"
    direction: decrease
    dimensions: [district]
targets:
  - id: jobless-down
    indicator: jobless
    baseline: {period: 2020, value: 8}
    milestones:
      - {by: 2030, value: 4}
    for_each: district
"""
_DISTRICT_FIGURES = """\
indicator,period,value,status,source,note,recorded_at
jobless,2020,8,official,,,2021-03-01T00:00:00Z
jobless,2025,6.1,official,,,2026-03-01T00:00:00Z
jobless[district=North],2020,7,official,,,2021-03-01T00:00:00Z
jobless[district=North],2025,5.5,official,,,2026-03-01T00:00:00Z
jobless[district=South],2020,9.5,official,,,2021-03-01T00:00:00Z
jobless[district=South],2025,7.2,official,,,2026-03-01T00:00:00Z
jobless[district=Harbour],2020,8,official,,,2021-03-01T00:00:00Z
jobless[district=Harbour],2025,6,official,,,2026-03-01T00:00:00Z
"""


def _districts(folder: Path, plan: str = _DISTRICTS) -> Path:
    (folder / "targets.yaml").write_text(plan, encoding="utf-8")
    (folder / "observations.csv").write_text(_DISTRICT_FIGURES, encoding="utf-8")
    return folder / "targets.yaml"


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_units_judged_from_the_wholes_stated_baseline_are_warned_of(tmp_path: Path, lang: str) -> None:
    # North's own 2020 figure is 7 and South's 9.5; each is judged from the city's 8:
    # North P = ((5.5/8)^(1/5) - 1) / |(4/8)^(1/10) - 1| = -0.0722 / 0.0670 = 1.08,
    # substantial, where from its own 7 it is -0.0471 / 0.0544 = 0.87, moderate.
    plan = _districts(tmp_path)
    r = run_clean("--lang", lang, "check", "--targets", str(plan))
    assert r.exit_code == 0, r.stderr
    said = {
        "en": "warning: target 'jobless-down' judges each unit of district from the baseline written for the"
        " whole, 8 (2020), not from the unit's own 2020 figure (North: 7; South: 9.5): write baseline: 2020"
        " so that each unit starts from its own figure, or give a unit its own baseline under overrides",
        "vi": "cảnh báo: mục tiêu 'jobless-down' đánh giá từng đơn vị theo district từ giá trị gốc ghi cho toàn bộ,"
        " 8 (2020), không phải từ số liệu năm 2020 của chính đơn vị (North: 7; South: 9,5): hãy ghi"
        " baseline: 2020 để mỗi đơn vị bắt đầu từ số liệu của chính mình, hoặc ghi giá trị gốc riêng cho đơn vị"
        " trong overrides",
    }[lang]
    assert r.stderr.splitlines() == [f"{plan}:13:5: {said}"]


def test_a_baseline_of_the_period_alone_or_a_units_own_is_not_warned_of(tmp_path: Path) -> None:
    alone = _DISTRICTS.replace("baseline: {period: 2020, value: 8}", "baseline: 2020")
    plan = _districts(tmp_path, alone)
    r = run_clean("check", "--targets", str(plan))
    assert (r.exit_code, r.stderr) == (0, "")
    own = _DISTRICTS + (
        "    overrides:\n      North: {baseline: {period: 2020, value: 7}}\n      South: {baseline: 2020}\n"
    )
    plan = _districts(tmp_path, own)
    r = run_clean("check", "--targets", str(plan))
    assert (r.exit_code, r.stderr) == (0, "")


def test_the_unit_baseline_rule_is_listed_last() -> None:
    r = run_clean("check", "--list")
    last = r.stdout.splitlines()[-1].split()
    assert last[:3] == ["unit-baseline", "warning", "default"]


# --- 4. A unit whose two languages give the figure different sizes ---------------------------


def _unit_plan(unit: str) -> str:
    return (
        "version: 1\nindicators:\n  investment:\n    name: Public investment\n"
        f"    unit: {unit}\n    measure: flow\ntargets:\n"
        "  - {id: investment-2025, type: plan, indicator: investment, period: 2025, value: 600}\n"
    )


@pytest.mark.parametrize(
    ("unit", "en_said", "vi_said"),
    [
        # 590 written "590 tỷ USD" in every Vietnamese report: a thousand times the English.
        ('{en: "million USD", vi: "tỷ USD"}', "millions (10^6)", "billions (10^9)"),
        ('{en: "billion VND", vi: "triệu đồng"}', "billions (10^9)", "millions (10^6)"),
        ('{en: "trillion VND", vi: "tỷ đồng"}', "trillions (10^12)", "billions (10^9)"),
        ('{en: "thousand tonnes", vi: "triệu tấn"}', "thousands (10^3)", "millions (10^6)"),
    ],
)
def test_a_unit_whose_languages_disagree_on_its_scale_is_refused(unit: str, en_said: str, vi_said: str) -> None:
    text = _unit_plan(unit)
    (problem,) = plan_problems(text)
    english = unit.split('"')[1]
    assert problem.startswith(f"targets.yaml:5:11: error: indicator 'investment': unit: '{english}' counts in ")
    assert f"counts in {en_said}" in problem and f"counts in {vi_said}" in problem, problem


@pytest.mark.parametrize(
    "unit",
    [
        '{en: "million USD", vi: "triệu USD"}',
        '{en: "billion VND", vi: "tỷ đồng"}',
        '{en: "trillion VND", vi: "nghìn tỷ đồng"}',  # a thousand billion: one size, two ways
        '{en: "thousand people", vi: "nghìn người"}',
        '{en: "deaths per thousand live births", vi: "‰"}',  # 'per thousand' is no scale of the figure
        '{en: "homes", vi: "căn"}',
        '{en: "% of GRDP", vi: "% GRDP"}',
        '{en: "million USD", vi: "USD"}',  # one side silent: not told (it may be written elsewhere)
    ],
)
def test_a_unit_whose_languages_agree_is_read(unit: str) -> None:
    from qntrack.files.definitions import parse_plan

    plan = parse_plan(_unit_plan(unit), "targets.yaml")
    assert plan.indicators["investment"].unit_vi


def test_the_scale_slip_is_said_in_vietnamese(tmp_path: Path) -> None:
    plan = tmp_path / "targets.yaml"
    plan.write_text(_unit_plan('{en: "million USD", vi: "tỷ USD"}'), encoding="utf-8")
    r = run_clean("--lang", "vi", "check", "--targets", str(plan))
    assert r.exit_code == 1
    (line,) = r.stderr.splitlines()
    assert line == (
        f"{plan}:5:11: lỗi: chỉ tiêu 'investment': unit: 'million USD' tính theo triệu (10^6), còn 'tỷ USD' tính"
        " theo tỷ (10^9): cùng một số liệu sẽ được viết với độ lớn khác nhau trong báo cáo tiếng Anh và tiếng Việt;"
        " hãy sửa cho hai đơn vị cùng một độ lớn"
    )


# --- 5. An observations file with tabs between its cells -----------------------------------


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_store_written_with_tabs_is_told_what_it_is_and_how_to_bring_it_back(tmp_path: Path, lang: str) -> None:
    # `qntrack observations > observations.csv` writes TSV into a file, as into any pipe.
    plan = tmp_path / "targets.yaml"
    plan.write_text(_plan(""), encoding="utf-8")
    rows = "indicator\tperiod\tvalue\tstatus\tsource\tnote\trecorded_at\nhomes\t2024\t1150\tofficial\t\t\t2025-03-01T00:00:00Z\n"
    (tmp_path / "observations.csv").write_text(rows, encoding="utf-8")
    for command in ("check", "status"):
        r = run_clean("--lang", lang, command, "--targets", str(plan))
        assert r.exit_code == 1 and "Traceback" not in r.stderr
        (line,) = r.stderr.splitlines()
        assert line.startswith(
            {
                "en": f"{tmp_path / 'observations.csv'}:1: error: this file has tabs between its cells",
                "vi": f"{tmp_path / 'observations.csv'}:1: lỗi: tệp này có ký tự tab giữa các ô",
            }[lang]
        ), line
        assert "add-observation --from observations-tab.txt" in line
    assert (tmp_path / "observations.csv").read_text(encoding="utf-8") == rows  # nothing rewritten


# --- 6. A plan of none at all where lower is better ----------------------------------------


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_plan_of_zero_where_lower_is_better_is_told_the_ceiling_to_write(tmp_path: Path, lang: str) -> None:
    # "Zero road deaths in 2025": a plan of 0 is read in per cent of the plan, so it is
    # refused; the same promise is a ceiling of 0 over the one year, which qntrack judges.
    text = _plan(
        """\
        - id: zero-deaths-2025
          type: plan
          indicator: deaths
          period: 2025
          value: 0
        """
    )
    line = text.splitlines().index("  value: 0") + 1
    plan = tmp_path / "targets.yaml"
    plan.write_text(text, encoding="utf-8")
    r = run_clean("--lang", lang, "check", "--targets", str(plan))
    assert r.exit_code == 1
    said = {
        "en": "error: target 'zero-deaths-2025': a plan of 0 is read in per cent of the plan, which a plan of 0"
        " has none of; where lower is better, none at all in 2025 is a ceiling of 0 for that period: write"
        " type: every_period, at_most: 0, from: 2025, to: 2025",
        "vi": "lỗi: mục tiêu 'zero-deaths-2025': kế hoạch được đánh giá theo phần trăm thực hiện, mà kế hoạch bằng 0"
        " thì không tính được phần trăm; với chỉ tiêu càng thấp càng tốt, việc không để xảy ra trường hợp nào trong"
        " kỳ 2025 là một mức trần bằng 0 cho kỳ đó: hãy ghi type: every_period, at_most: 0, from: 2025, to: 2025",
    }[lang]
    assert r.stderr.splitlines() == [f"{plan}:{line}:10: {said}"]


def test_the_ceiling_of_zero_it_advises_is_judged(tmp_path: Path) -> None:
    plan = tmp_path / "targets.yaml"
    plan.write_text(
        _plan(
            """\
            - {id: zero-deaths-2025, type: every_period, indicator: deaths, at_most: 0, from: 2025, to: 2025}
            """
        ),
        encoding="utf-8",
    )
    store = "indicator,period,value,status,source,note,recorded_at\ndeaths,2025,0,official,,,2026-03-01T00:00:00Z\n"
    (tmp_path / "observations.csv").write_text(store, encoding="utf-8")
    r = run_clean("status", "--targets", str(plan), "--format", "json", "--as-of", "2026-06-01")
    import json

    (target,) = json.loads(r.stdout)["targets"]
    assert target["status"] == "target_achieved"


# --- 7. Dimensions written as a list, as targets are ---------------------------------------

_LISTED_DIMENSIONS = """\
version: 1
dimensions:
  - id: district
    name: {en: District, vi: Quận}
    values: [North, South]
  - sex:
      values: [Female, Male]
indicators:
  jobless:
    name: Unemployment rate
    dimensions: [district, sex]
targets:
  - {id: jobless-up, indicator: jobless, baseline: 2020, for_each: district}
"""


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_dimensions_written_as_a_list_are_told_once(lang: str, tmp_path: Path) -> None:
    # Said once, at the list, with the form to write; the indicator and the target that
    # name 'district' and 'sex' were told besides "no dimension 'district' is declared
    # under 'dimensions:' at the top (declared: -)", though it is declared, in a list.
    plan = tmp_path / "targets.yaml"
    plan.write_text(_LISTED_DIMENSIONS, encoding="utf-8")
    r = run_clean("--lang", lang, "check", "--targets", str(plan))
    assert r.exit_code == 1
    said = {
        "en": "error: dimensions are written by id, not as a list: 'district:' with its keys indented below it"
        " (or district: {name: ..., values: [...]}), without '- id:'",
        "vi": "lỗi: các phân tổ (dimensions) được ghi theo mã, không phải dạng danh sách: 'district:' với các"
        " khóa thụt lề bên dưới (hoặc district: {name: ..., values: [...]}), không có '- id:'",
    }[lang]
    assert r.stderr.splitlines() == [f"{plan}:3:3: {said}"]


@pytest.mark.parametrize(
    ("unit", "en_kind", "vi_kind"),
    [
        ('{en: "million USD", vi: "triệu đồng"}', "US dollars", "Vietnamese dong"),
        ('{en: "billion VND", vi: "tỷ USD"}', "Vietnamese dong", "US dollars"),
        ('{en: "%", vi: "triệu USD"}', "per cent", "US dollars"),
    ],
)
def test_a_unit_whose_languages_name_other_currencies_is_refused(unit: str, en_kind: str, vi_kind: str) -> None:
    (problem,) = plan_problems(_unit_plan(unit))
    english, vietnamese = unit.split('"')[1], unit.split('"')[3]
    assert problem == (
        f"targets.yaml:5:11: error: indicator 'investment': unit: '{english}' counts {en_kind} and '{vietnamese}'"
        f" counts {vi_kind}: one figure would be two quantities, in the English and in the Vietnamese reports;"
        " write the same unit in both languages"
    )


@pytest.mark.parametrize(
    "unit",
    [
        '{en: "VND", vi: "đồng"}',
        '{en: "USD per capita", vi: "USD/người"}',
        '{en: "US dollars", vi: "đô la Mỹ"}',
    ],
)
def test_a_unit_naming_one_currency_in_both_languages_is_read(unit: str) -> None:
    from qntrack.files.definitions import parse_plan

    assert parse_plan(_unit_plan(unit), "targets.yaml").indicators["investment"].unit_vi
