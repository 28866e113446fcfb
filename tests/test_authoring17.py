"""An analyst writing a new plan's targets.yaml from scratch (issue 17, seventeenth
session): the mistakes a newcomer makes copying docs/targets-format.md's examples, and
the gaps the plan let through. Each test is a defect found and fixed (docs/decisions.md,
"A plan authored from scratch")."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import STORE_HEADER, dedent, make_tracker
from helpers import plan_problems, problems, run

# --- 1. `limit:` beside `milestones:` -------------------------------------------------


def test_a_limit_beside_milestones_is_refused_at_its_line():
    # targets-format.md: "limit: 100  # optional natural limit, used only without
    # milestones"; methodology.md: the limit is ignored when a target is given. Written
    # beside milestones it was accepted and did nothing: the author believed it counted.
    found = problems("""
        indicators:
          share: {name: Share, unit: "%"}
        targets:
          - id: share-t
            indicator: share
            baseline: 2020
            milestones:
              - {by: 2025, value: 15}
            limit: 100
        """)
    # line 9 (the limit's line), column 12 (its value, after "    limit: ")
    assert found == [
        "targets.yaml:9:12: error: target 'share-t': limit is used only without milestones (it bounds "
        "a target judged by its direction alone); remove limit, or the milestones"
    ]


def test_a_limit_with_no_milestones_or_an_empty_list_stays_accepted():
    from qntrack.files.definitions import parse_plan

    for milestones in ("", "    milestones: []\n"):
        text = (
            "indicators:\n  share: {name: Share}\ntargets:\n  - id: t\n    indicator: share\n"
            f"    baseline: 2020\n{milestones}    limit: 100\n"
        )
        (target,) = parse_plan(text, "targets.yaml").targets
        assert target.limit == 100


def test_a_limit_beside_milestones_is_refused_in_vietnamese_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    make_tracker(
        tmp_path,
        monkeypatch,
        "indicators:\n  s: {name: S}\ntargets:\n  - id: t\n    indicator: s\n    baseline: 2020\n"
        "    milestones: [{by: 2025, value: 15}]\n    limit: 100\n",
        STORE_HEADER,
    )
    r = run("--lang", "vi", "status")
    assert r.exit_code == 1
    assert r.stderr.startswith("targets.yaml:8:12: lỗi: mục tiêu 't': limit chỉ dùng khi không có mốc")


BROKEN_DOWN_LEVEL = """
    dimensions:
      locality: {values: [Hạ Long, Cẩm Phả]}
    indicators:
      share: {name: Share, unit: "%", dimensions: [locality]}
    targets:
      - id: t
        indicator: share
        baseline: 2020
        for_each: locality
"""


def test_a_unit_given_milestones_under_a_target_with_a_limit_stays_accepted():
    # The whole is judged by its direction within its limit; Hạ Long has a milestone of
    # its own, and inherits a limit it does not use: no slip of the author's.
    from qntrack.files.definitions import parse_plan

    text = (
        dedent(BROKEN_DOWN_LEVEL)
        + "    limit: 100\n    overrides:\n      Hạ Long: {milestones: [{by: 2025, value: 50}]}\n"
    )
    (target,) = parse_plan(text, "targets.yaml").targets
    assert target.limit == 100


def test_a_limit_given_to_a_unit_beside_milestones_is_refused_at_the_override():
    found = problems(
        BROKEN_DOWN_LEVEL
        + "        milestones: [{by: 2025, value: 50}]\n        overrides:\n          Hạ Long: {limit: 100}\n"
    )
    # line 12 is "      Hạ Long: {limit: 100}"; its 100 is at column 24
    assert found == [
        "targets.yaml:12:24: error: target 't': overrides.Hạ Long: limit is used only without milestones "
        "(it bounds a target judged by its direction alone); remove limit, or the milestones"
    ]


# --- 2. A level target with a direction only ------------------------------------------


DIRECTION_ONLY = """
    indicators:
      poverty: {name: Poverty rate, unit: "%", direction: decrease}
    targets:
      - id: poverty-down
        indicator: poverty
        baseline: 2020
"""


def test_a_direction_only_level_target_is_not_called_level_by_a_deadline():
    # No milestone, so no deadline: the target is judged by the way it moves
    # (report_def_direction: "Move the indicator the right way ...").
    from qntrack.files.definitions import parse_plan
    from qntrack.output.i18n import target_kind_name
    from qntrack.output.report_view import kind_words

    (target,) = parse_plan(dedent(DIRECTION_ONLY), "targets.yaml").targets
    assert kind_words(target, "en") == "Direction of change"
    assert kind_words(target, "vi") == "Chuyển biến đúng hướng"
    assert target_kind_name(target, "vi") == "Chuyển biến đúng hướng"
    assert target_kind_name(target, "en") == "level"  # the code targets.yaml takes


def test_a_level_target_with_milestones_keeps_its_words():
    from qntrack.files.definitions import parse_plan
    from qntrack.output.report_view import kind_words

    text = dedent(DIRECTION_ONLY) + "    milestones: [{by: 2025, value: 3}]\n"
    (target,) = parse_plan(text, "targets.yaml").targets
    assert kind_words(target, "en") == "Level by a deadline"
    assert kind_words(target, "vi") == "Mức cần đạt theo mốc"


def test_show_in_vietnamese_names_a_direction_only_target_by_its_kind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    make_tracker(tmp_path, monkeypatch, dedent(DIRECTION_ONLY), STORE_HEADER)
    r = run("--lang", "vi", "show", "poverty-down")
    assert r.exit_code == 0, r.stderr
    assert "(poverty-down, Chuyển biến đúng hướng)" in r.stdout
    assert "theo mốc" not in r.stdout


# --- 3. Nesting by indentation alone, deep enough to be refused ------------------------


def _deep_by_indentation(levels: int, sequence: bool) -> str:
    lines = ["indicators:", "  a: {name: A}", "targets:", "  - id: x", "    indicator: a", "    note:"]
    indent = "      "
    for n in range(levels):
        lines.append(f"{indent}- " if sequence else f"{indent}k{n}:")
        indent += "  "
    lines.append(f"{indent}z: 1")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("sequence", [False, True])
def test_nesting_by_indentation_alone_is_said_at_its_line(sequence: bool):
    # 1,500 levels exhaust PyYAML's recursion. The file's 6 lines before the nesting hold
    # 3 levels of their own (targets:, the list item, note:) at line 6; the refusal names
    # the line where the nesting reaches 100 levels: line 6 is level 3, so level 100 is
    # line 6 + 97 = 103.
    found = problems(_deep_by_indentation(1500, sequence))
    assert found == [
        "targets.yaml:103: error: nested too deeply: lists or mappings hundreds of levels inside one "
        "another; a plan needs only a few levels (docs/targets-format.md)"
    ]


def test_nesting_by_brackets_is_still_said_at_its_line():
    # One line of 1,000 '[' opening inside a note on line 4: the line is 4.
    text = "indicators:\n  a: {name: A}\ntargets:\n  - {id: x, indicator: a, note: " + "[" * 1000 + "\n"
    found = problems(text)
    assert found[0].startswith("targets.yaml:4: error: nested too deeply")


# --- 4. Completion of `rank TARGET_ID` -------------------------------------------------


BROKEN_DOWN = """
    dimensions:
      locality: {values: [Hạ Long, Cẩm Phả]}
    indicators:
      revenue: {name: Revenue, unit: bn VND, measure: flow, dimensions: [locality]}
      share: {name: Share, unit: "%"}
    targets:
      - id: revenue-2024
        type: plan
        indicator: revenue
        period: 2024
        value: 100
        for_each: locality
      - id: share-up
        indicator: share
        baseline: 2020
      - id: revenue-total
        type: plan
        indicator: revenue
        period: 2025
        value: 200
"""


def test_rank_completion_offers_only_targets_rank_accepts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # rank refuses a target without for_each ("ranking_not_broken_down"): of the three
    # targets only revenue-2024 has one.
    from qntrack.cli.completion import complete_ranked_target_ids, complete_target_ids

    make_tracker(tmp_path, monkeypatch, dedent(BROKEN_DOWN), STORE_HEADER)
    assert [c[0] for c in complete_ranked_target_ids(None, "")] == ["revenue-2024"]
    assert [c[0] for c in complete_ranked_target_ids(None, "share")] == []
    # every other command still offers every target
    assert [c[0] for c in complete_target_ids(None, "")] == ["revenue-2024", "share-up", "revenue-total"]


def test_rank_argument_is_completed_by_the_ranked_ids(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # What the shell is offered: the rank command's argument, completed as Click does.
    import typer.main
    from typer._click import Context

    from qntrack.cli import app

    make_tracker(tmp_path, monkeypatch, dedent(BROKEN_DOWN), STORE_HEADER)
    rank = typer.main.get_command(app).commands["rank"]  # type: ignore[attr-defined]
    (argument,) = [p for p in rank.params if p.name == "target_id"]
    offered = argument.shell_complete(Context(rank), "")
    assert [item.value for item in offered] == ["revenue-2024"]


# --- 5. Figures recorded for a derived indicator: count and noun ----------------------


def test_figures_of_a_derived_indicator_are_counted_by_period(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # 2 periods (2020, 2021) x 3 rows each (three vintages): 6 rows in the store, figures
    # in force for 2 periods. The warning said "2 figure(s) recorded" where check names 6
    # rows: it counted periods and called them figures. It now says 2 period(s).
    rows = "".join(
        f"share,{p},{v},estimate,,,2024-0{v}-01T00:00:00Z\n" for p in (2020, 2021) for v in (1, 2, 3)
    ) + "".join(
        f"va,{p},5,official,,,2024-01-01T00:00:00Z\ngrdp,{p},50,official,,,2024-01-01T00:00:00Z\n" for p in (2020, 2021)
    )
    make_tracker(
        tmp_path,
        monkeypatch,
        "indicators:\n  va: {name: VA}\n  grdp: {name: GRDP}\n"
        '  share: {name: Share, formula: "va / grdp * 100"}\n'
        "targets:\n  - {id: s, indicator: share, baseline: 2020}\n",
        STORE_HEADER + rows,
    )
    r = run("status")
    assert r.exit_code == 0, r.stderr
    assert (
        "targets.yaml:4:3: warning: figures recorded for 'share' for 2 period(s) are ignored "
        "(`qntrack check` names each row): it is derived" in r.stderr
    )
    vi = run("--lang", "vi", "status")
    assert "số liệu đã ghi nhận của chỉ tiêu 'share' cho 2 kỳ bị bỏ qua" in vi.stderr
    assert "(`qntrack check` chỉ ra từng dòng)" in vi.stderr
    c = run("check")
    # one error a row: 6
    assert c.stderr.count("is derived from a formula; its values are computed, not recorded") == 6


# --- 6. A span of years written where one period goes; a year field's forms ------------


LEVEL = """
    indicators:
      share: {name: Share, unit: "%"}
    targets:
      - id: share-t
        indicator: share
        baseline: 2020
        milestones:
          - {by: 2025, value: 15}
"""

SPAN = (
    "is a span of years, not one period; write a single year here ({first} or {last}); a span is "
    "written as from: {first} and to: {last}, in an every_period, average or cumulative target"
)


@pytest.mark.parametrize(
    "old, new, where, first, last",
    [
        # line 8 "      - {by: 2025, ...": the period at column 14
        ("{by: 2025,", "{by: 2025-2030,", "8:14: error: target 'share-t': milestone 'by': '2025-2030'", 2025, 2030),
        # line 6 "    baseline: 2020": column 15
        ("baseline: 2020", "baseline: 2020–2025", "6:15: error: target 'share-t': baseline: '2020–2025'", 2020, 2025),
    ],
)
def test_a_span_of_years_where_one_year_goes_is_said_as_such(old: str, new: str, where: str, first: int, last: int):
    # The author copied the plan's "2025-2030" heading: the message listed 2023-H1,
    # 2023-Q2 and 2023-04 as the valid forms, none of which a level target takes.
    found = problems(LEVEL.replace(old, new))
    assert found == [f"targets.yaml:{where} " + SPAN.format(first=first, last=last)]


def test_a_span_of_years_as_a_span_targets_from_is_said_as_such_in_vietnamese():
    from qntrack.catalog import render as text_of
    from qntrack.errors import InputError
    from qntrack.files.definitions import parse_plan

    text = dedent("""
        indicators:
          g: {name: Growth, measure: rate}
        targets:
          - {id: g-avg, type: average, indicator: g, at_least: 10, from: 2021-2025, to: 2025}
        """)
    with pytest.raises(InputError) as err:
        parse_plan(text, "targets.yaml")
    (problem,) = err.value.problems
    assert text_of(problem.message, "vi") == (
        "mục tiêu 'g-avg': from: '2021-2025' là một giai đoạn nhiều năm, không phải một kỳ; hãy ghi một năm "
        "ở đây (2021 hoặc 2025); giai đoạn được ghi bằng from: 2021 và to: 2025, ở mục tiêu loại every_period, "
        "average hoặc cumulative"
    )


@pytest.mark.parametrize("given", ["25", "2025.5", "năm 2025"])
def test_a_year_field_that_is_no_period_asks_for_a_year(given: str):
    # Where only a year is read (a level target's by), the forms of a half, a quarter or a
    # month were offered, each then refused as "not a year".
    found = problems(LEVEL.replace("{by: 2025,", f"{{by: {given},"))
    # 'năm 2025' is told the year it names (twenty-second session, tests/test_newuser22b.py).
    said = "is written 2025 in targets.yaml" if given == "năm 2025" else "is not a year; write a year like 2025"
    assert found == [f"targets.yaml:8:14: error: target 'share-t': milestone 'by': '{given}' {said}"]


def test_an_open_sdg_base_year_that_is_a_quarter_is_not_called_a_level_target():
    found = problems("""
        indicators:
          x: {name: X}
        targets:
          - {id: o, type: open_sdg, indicator: x, base_year: 2015-Q1, target: 5}
        """)
    # "  - {id: o, type: open_sdg, indicator: x, base_year: " is 2 + 51 = 53 characters:
    # column 54
    assert found == [
        "targets.yaml:4:54: error: target 'o': base_year: this target is judged on whole years; write a year "
        "like 2025, not 2015-Q1"
    ]


# --- 7. A decimal comma inside { } -----------------------------------------------------


@pytest.mark.parametrize(
    "written, column, decimal, whole",
    [
        # "      - {by: 2025, value: " is 26 characters: the number starts at column 27;
        # a comma before one digit separates no thousands: 15.5 alone (eighteenth session)
        ("15,5", 27, "15.5", None),
        # the decimal's zeros dropped: 1.500 is refused as ambiguous (targets-format.md)
        ("1,500", 27, "1.5", "1500"),
    ],
)
def test_a_decimal_comma_in_a_flow_mapping_is_said_as_a_number(
    written: str, column: int, decimal: str, whole: str | None
):
    # "value: 15,5" inside { } is YAML for value: 15 and a key "5": the author was told
    # "milestone: unknown key '5'", which names nothing they wrote.
    found = problems(LEVEL.replace("value: 15}", f"value: {written}}}"))
    number, rest = written.split(",")
    assert found == [
        f"targets.yaml:8:{column}: error: target 'share-t': milestone: '{written}' reads as {number} and a key "
        f"'{rest}': in {{ }} a comma separates the entries; write a number with a decimal point and no "
        f"thousands separator ({decimal if whole is None else f'{decimal} or {whole}'})"
    ]


def test_a_decimal_comma_in_a_flow_mapping_in_vietnamese():
    from qntrack.catalog import render as text_of
    from qntrack.errors import InputError
    from qntrack.files.definitions import parse_plan

    with pytest.raises(InputError) as err:
        parse_plan(dedent(LEVEL.replace("value: 15}", "value: 15,5}")), "targets.yaml")
    (problem,) = err.value.problems
    assert text_of(problem.message, "vi") == (
        "mục tiêu 'share-t': mốc: '15,5' được đọc thành 15 và một khóa '5': trong { } dấu phẩy ngăn cách các "
        "mục; hãy ghi số với dấu chấm thập phân và không có dấu phân cách hàng nghìn (15.5)"
    )


# --- 8. Groups listed at the top, as a newcomer expects them --------------------------


@pytest.mark.parametrize("key, field", [("groups", "group"), ("owners", "owner"), ("group", "group")])
def test_a_top_level_list_of_groups_says_where_a_group_is_written(key: str, field: str):
    # The author listed a resolution's targets under a top-level `groups:` (one of them
    # not even a target): told only "unknown key 'groups'", they were not told that a
    # group is given on each target. LEVEL is 8 lines: the key is on line 9, column 1.
    found = problems(LEVEL + f"    {key}:\n      resolution-x: [share-t, share-2030]\n")
    assert found == [
        f"targets.yaml:9:1: error: the top level: unknown key '{key}': a target's {field} is written on the "
        f"target itself ({field}: Resolution 01-NQ/TU, beside its id); targets with the same {field} are judged "
        f"together (status --group-by {field})"
    ]


# --- 9. A breakdown by a dimension declared nowhere ------------------------------------


def test_a_breakdown_by_a_dimension_declared_nowhere_says_both_steps():
    # for_each: locality with no top-level dimensions: and no dimensions on the indicator.
    # The message said "add 'dimensions: [locality]' to it"; done, the next run said "no
    # dimension 'locality' is declared under 'dimensions:'": two rounds for one slip.
    found = problems("""
        indicators:
          revenue: {name: Revenue, unit: bn VND, measure: flow}
        targets:
          - id: revenue-2026
            type: plan
            indicator: revenue
            period: 2026
            value: 50000
            for_each: locality
        """)
    # line 9 "    for_each: locality": column 15
    assert found == [
        "targets.yaml:9:15: error: target 'revenue-2026': for_each 'locality': no dimension 'locality' is "
        "declared: declare it under 'dimensions:' at the top (locality: {values: [...]}, or locality: alone "
        "for any unit) and add 'dimensions: [locality]' to indicator 'revenue'"
    ]


def test_a_breakdown_by_a_declared_dimension_the_indicator_lacks_keeps_its_message():
    found = problems("""
        dimensions:
          locality:
        indicators:
          revenue: {name: Revenue, unit: bn VND, measure: flow}
        targets:
          - {id: r, type: plan, indicator: revenue, period: 2026, value: 5, for_each: locality}
        """)
    assert found[0].endswith(
        "for_each 'locality': indicator 'revenue' declares no dimensions; add 'dimensions: [locality]' to it"
    )


# --- 10. A misspelt top-level key said once -------------------------------------------


@pytest.mark.parametrize("typo, key", [("tagrets", "targets"), ("indicator", "indicators")])
def test_a_misspelt_top_level_key_is_said_once(typo: str, key: str):
    # "tagrets:" was said twice: an unknown key (did you mean 'targets'?) and, at 1:1,
    # "missing 'targets:'", the same slip in other words.
    text = dedent(LEVEL).replace(f"{key}:", f"{typo}:", 1)
    found = plan_problems(text)
    line = 3 if key == "targets" else 1
    assert len(found) == 1, found
    assert found[0].startswith(
        f"targets.yaml:{line}:1: error: the top level: unknown key '{typo}'; did you mean '{key}'?"
    )


# --- 11. Words a newcomer uses for a choice -------------------------------------------


@pytest.mark.parametrize(
    "field, given, hint",
    [("direction", "up", "increase"), ("direction", "down", "decrease"), ("frequency", "annual", "year")],
)
def test_an_english_word_for_a_choice_is_told_the_value(field: str, given: str, hint: str):
    found = problems(f"""
        indicators:
          share: {{name: Share, {field}: {given}}}
        targets: []
        """)
    options = "increase, decrease" if field == "direction" else "year, half, quarter, month"
    # "  share: {name: Share, " is 23 characters, then "direction: " (11) or "frequency: " (11): column 35
    assert found == [
        f"targets.yaml:2:35: error: indicator 'share': {field}: '{given}' is not one of {options}; "
        f"did you mean '{hint}'?"
    ]


# --- 12. A key of another type of target -----------------------------------------------


@pytest.mark.parametrize(
    "line, key, kinds, kind",
    [
        ("    to: 2025", "to", "every_period, average, cumulative", "every_period"),
        ("    at_least: 30", "at_least", "every_period, average, cumulative", "every_period"),
        ("    target: 30", "target", "open_sdg", "open_sdg"),
    ],
)
def test_a_key_of_another_type_of_target_names_that_type(line: str, key: str, kinds: str, kind: str):
    # A level target (no type:) given `to:` or `at_least:` copied from another example:
    # "unknown key 'to'" left the author wondering, as the docs' first example has it.
    text = dedent(LEVEL).replace("    baseline: 2020\n", f"    baseline: 2020\n{line}\n")
    found = plan_problems(text)
    valid = (
        "id, type, indicator, name, source, note, group, owner, for_each, overrides, of, baseline, milestones, limit"
    )
    # line 7, after "    baseline: 2020" on line 6; the key at column 5
    assert found == [
        f"targets.yaml:7:5: error: target 'share-t': unknown key '{key}' for a target of its type (valid keys: "
        f"{valid}); '{key}' is a key of type {kinds}: write 'type: {kind}' if that is what is meant (a target "
        "without 'type:' is a level target)"
    ]


# --- 13. A milestone written as a pair --------------------------------------------------


def test_a_milestone_written_as_year_colon_value_is_said_once_with_its_form():
    # "- 2025: 15" was said twice: an unknown key '2025', then "needs 'by' and 'value'".
    found = problems(LEVEL.replace("- {by: 2025, value: 15}", "- 2025: 15"))
    # line 8 "      - 2025: 15": the item at column 9
    assert found == [
        "targets.yaml:8:9: error: target 'share-t': milestone '2025: 15': write it as {by: 2025, value: 15}"
    ]


def test_a_baseline_with_a_year_key_is_told_period():
    found = problems(LEVEL.replace("baseline: 2020", "baseline: {year: 2020, value: 9.8}"))
    # line 6 "    baseline: {year: ...": the key 'year' at column 16
    assert found[0] == (
        "targets.yaml:6:16: error: target 'share-t': baseline: unknown key 'year'; did you mean 'period'? "
        "(valid keys: period, value)"
    )


# --- 14. A duplicate id of a target that has a mistake of its own -----------------------


def test_a_duplicate_id_is_said_even_when_the_first_target_has_a_mistake():
    # Copy-pasting a target and forgetting to change its id: while the first copy had a
    # mistake of its own (an unknown indicator), the duplicate was not said, and came up
    # only once that was mended: not "every problem at once" (targets-format.md).
    found = problems("""
        indicators:
          x: {name: X}
        targets:
          - id: a
            indicator: y
          - id: a
            indicator: x
        """)
    assert found == [
        "targets.yaml:5:16: error: target 'a': unknown indicator 'y'",
        "targets.yaml:6:5: error: duplicate target id 'a' (first used on line 4)",
    ]


# --- 15. Indicators written as a list, as targets are ----------------------------------


def test_indicators_written_as_a_list_say_the_form_once():
    # Written as targets are ("- id: share"): told "must be a mapping ... got a list", and
    # then each target's indicator was unknown, a second message for the same slip.
    found = problems("""
        indicators:
          - id: share
            name: Share
        targets:
          - id: share-t
            indicator: share
        """)
    # line 2 "  - id: share": the list at column 3
    assert found == [
        "targets.yaml:2:3: error: indicators are written by id, not as a list: 'share:' with its keys "
        "indented below it (or share: {name: ...}), without '- id:'"
    ]


# --- 16. A milestone on the wrong side of the baseline: status says it as check does -----


def test_status_says_a_milestone_on_the_wrong_side_as_check_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # The author wrote direction-less "share" (to increase, the default) with a milestone
    # 15 below the baseline 20: check warned, status said nothing and read the target as
    # achieved at once.
    make_tracker(
        tmp_path,
        monkeypatch,
        dedent(LEVEL).replace("baseline: 2020", "baseline: {period: 2020, value: 20}"),
        STORE_HEADER,
    )
    said = (
        "targets.yaml:8:9: warning: target 'share-t': the milestone 15 by 2025 is below the baseline 20 "
        "(2020), though share is to increase"
    )
    c = run("check")
    assert said in c.stderr
    for args in (("status",), ("show", "share-t")):
        r = run(*args)
        assert r.exit_code == 0, r.stderr
        assert said in r.stderr, (args, r.stderr)
    vi = run("--lang", "vi", "status")
    assert "targets.yaml:8:9: cảnh báo: mục tiêu 'share-t': mốc 15 đến 2025 thấp hơn giá trị gốc 20" in vi.stderr


def test_a_baseline_figure_recorded_later_is_said_wrong_side_by_status_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # baseline: 2020 with no value: the baseline is the 2020 figure, recorded only after a
    # first status (which kept a cache); 20 then puts the milestone 15 below it.
    make_tracker(tmp_path, monkeypatch, dedent(LEVEL), STORE_HEADER)
    for fmt in ("table", "csv"):
        assert "below the baseline" not in run("status", "--format", fmt).stderr
    assert run("add-observation", "share", "2020", "20").exit_code == 0
    for fmt in ("table", "csv", "table"):
        r = run("status", "--format", fmt)
        assert (
            "targets.yaml:8:9: warning: target 'share-t': the milestone 15 by 2025 is below the baseline 20 (2020)"
            in r.stderr
        ), (fmt, r.stderr)


# --- 17. One group named two ways in Vietnamese: status --group-by says it, as check does ---


GROUPS = """
    indicators:
      a: {name: A}
      b: {name: B}
    targets:
      - id: ta
        indicator: a
        baseline: 2020
        group: {en: Resolution 1, vi: Nghị quyết 1}
      - id: tb
        indicator: b
        baseline: 2020
        group: {en: Resolution 1, vi: Nghị quyết số 1}
"""


@pytest.mark.parametrize("fmt", ["table", "csv"])
def test_status_by_group_says_a_group_named_two_ways_as_check_does(
    fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # The table by group shows the first spelling only; check warned of the second,
    # status --group-by group, the command that shows the group, said nothing.
    make_tracker(tmp_path, monkeypatch, dedent(GROUPS), STORE_HEADER)
    said = (
        "targets.yaml:9:5: warning: group 'Resolution 1' is called 'Nghị quyết số 1' in Vietnamese here, "
        "but 'Nghị quyết 1' on line 5, whose name is the one shown: write it one way"
    )
    assert said in run("check").stderr
    for _ in range(2):  # cold, then from the cache
        r = run("status", "--group-by", "group", "--format", fmt)
        assert r.exit_code == 0, r.stderr
        assert said in r.stderr, r.stderr
    # by owner, the group's names are not what is shown: not said
    assert "Nghị quyết số 1" not in run("status", "--group-by", "owner").stderr


# --- 18. An average target over quarters: one message, and advice that holds ------------


@pytest.mark.parametrize(
    "start, end, line, column",
    [
        # from: 2026-Q1, to: 2030 was told "write to: 2030-Q4", which was then refused as
        # "an average target runs over whole years": advice that led to another refusal.
        ("2026-Q1", "2030", 7, 11),  # the 'from' (line 7 "    from: 2026-Q1", column 11)
        ("2026", "2030-Q4", 8, 9),  # the 'to' (line 8 "    to: 2030-Q4", column 9)
        ("2026-Q1", "2030-Q4", 7, 11),
    ],
)
def test_an_average_target_over_quarters_is_told_years_at_once(start: str, end: str, line: int, column: int):
    found = problems(f"""
        indicators:
          g: {{name: Growth, measure: rate}}
        targets:
          - id: g-avg
            type: average
            indicator: g
            from: {start}
            to: {end}
            at_least: 10
        """)
    assert found == [
        f"targets.yaml:{line}:{column}: error: target 'g-avg': an average target runs over whole years "
        "(e.g. from: 2021, to: 2025)"
    ]


def test_a_key_of_another_type_on_a_typed_target_does_not_speak_of_level_targets():
    # type: plan given: "(a target without 'type:' is a level target)" would be beside the point.
    found = problems("""
        indicators:
          fdi: {name: FDI, measure: flow}
        targets:
          - {id: p, type: plan, indicator: fdi, period: 2026, value: 1500, at_least: 1500}
        """)
    assert len(found) == 1
    assert found[0].endswith(
        "'at_least' is a key of type every_period, average, cumulative: write 'type: every_period' if that "
        "is what is meant"
    )


# --- 19. A unit's own value written as a bare number ------------------------------------


@pytest.mark.parametrize(
    "target, field",
    [
        ("type: plan, period: 2026, value: 50000", "value"),
        ("type: cumulative, at_least: 50000, from: 2026, to: 2030", "at_least"),
    ],
)
def test_a_units_own_value_as_a_bare_number_is_told_its_form(target: str, field: str):
    # "Hạ Long: 20000" under overrides: told only "must be a mapping of keys to values,
    # got '20000'", not the form the target's type takes.
    found = problems(f"""
        dimensions:
          locality: {{values: [Hạ Long, Cẩm Phả]}}
        indicators:
          revenue: {{name: Revenue, measure: flow, dimensions: [locality]}}
        targets:
          - {{id: r, indicator: revenue, for_each: locality, {target}, overrides: {{Hạ Long: 20000}}}}
        """)
    assert len(found) == 1
    assert found[0].endswith(
        f"target 'r': overrides.Hạ Long: a unit's own values are written by their keys: Hạ Long: {{{field}: 20000}}"
    )
