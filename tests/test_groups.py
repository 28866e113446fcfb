"""Groups and owners (issue 14): the group rule, by hand, and what `status` says of them.

Every expected number below is worked out by hand in the comments, from the rule of
docs/methodology.md ("Groups"): mean of the members' scores, members without a score
left out; the status read off the mean through the bands [2.5, 5] substantial,
[0, 2.5) moderate, [-2.5, 0) limited, [-5, -2.5) deterioration; target_achieved only
when every scored member achieved (and none was missed for good, docs/decisions.md).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qntrack.method.groups import Member, combine, group_key, group_members
from qntrack.method.progress import Status
from qntrack.plan.model import Text

from conftest import make_tracker
from helpers import run

S = Status


def test_mean_of_scored_members_read_through_the_bands():
    members = [
        Member("a", S.TARGET_ACHIEVED, 5.0),
        Member("b", S.MODERATE_PROGRESS, 1.0),
        Member("c", S.DETERIORATION, -4.0),
        Member("d", S.NOT_AVAILABLE, None),  # no score: left out of the mean
    ]
    score, status = combine(members)
    # (5 + 1 - 4) / 3 = 2/3 = 0.6667: in [0, 2.5), moderate progress.
    assert score == pytest.approx(2 / 3)
    assert status is S.MODERATE_PROGRESS


@pytest.mark.parametrize(
    "scores, mean, status",
    [
        # (2 + 3) / 2 = 2.5: the substantial band's lower edge is inclusive.
        ((2.0, 3.0), 2.5, S.SUBSTANTIAL_PROGRESS),
        # (1 - 1) / 2 = 0: the moderate band's lower edge.
        ((1.0, -1.0), 0.0, S.MODERATE_PROGRESS),
        # (-2 - 3) / 2 = -2.5: the limited band's lower edge.
        ((-2.0, -3.0), -2.5, S.LIMITED_PROGRESS),
        # (-3 - 2.1) / 2 = -2.55: below -2.5, deterioration.
        ((-3.0, -2.1), -2.55, S.DETERIORATION),
    ],
)
def test_band_edges(scores: tuple[float, ...], mean: float, status: Status):
    score, got = combine([Member(str(n), S.MODERATE_PROGRESS, s) for n, s in enumerate(scores)])
    assert score == pytest.approx(mean)
    assert got is status


def test_achieved_only_when_every_scored_member_achieved():
    # Two achieved (5 each) and one with no figure yet: mean 5, every scored member achieved.
    score, status = combine(
        [Member("a", S.TARGET_ACHIEVED, 5.0), Member("b", S.TARGET_ACHIEVED, 5.0), Member("c", S.NOT_AVAILABLE, None)]
    )
    assert (score, status) == (5.0, S.TARGET_ACHIEVED)
    # One achieved (5) and one at 3.0: mean 4, substantial, not achieved.
    score, status = combine([Member("a", S.TARGET_ACHIEVED, 5.0), Member("b", S.SUBSTANTIAL_PROGRESS, 3.0)])
    assert (score, status) == (4.0, S.SUBSTANTIAL_PROGRESS)


def test_a_member_missed_for_good_counts_at_the_bottom_of_the_scale():
    # not_achieved has no score of its own; it counts as -5, the bottom of the scale: (5 - 5)
    # / 2 = 0, moderate progress. Left out, the mean would be the achieved one's 5 and a
    # plan missed half of the time would read "substantial progress".
    score, status = combine([Member("a", S.TARGET_ACHIEVED, 5.0), Member("b", S.NOT_ACHIEVED, None)])
    assert (score, status) == (0.0, S.MODERATE_PROGRESS)
    # Five achieved and five missed, as the shipped annual plans: (5 * 5 - 5 * 5) / 10 = 0.
    half = [Member(f"a{i}", S.TARGET_ACHIEVED, 5.0) for i in range(5)]
    half += [Member(f"m{i}", S.NOT_ACHIEVED, None) for i in range(5)]
    assert combine(half) == (0.0, S.MODERATE_PROGRESS)
    # Three achieved, two missed: (15 - 10) / 5 = 1.0, moderate; never "target achieved".
    assert combine(half[:3] + half[5:7]) == (1.0, S.MODERATE_PROGRESS)


def test_worked_example_4_with_its_fourth_member():
    # docs/methodology.md: achieved (5), limited (-0.417), not available, and a missed
    # exports plan (-5): (5 - 0.41665 - 5) / 3 = -0.13888, in [-2.5, 0): limited progress.
    members = [
        Member("fdi", S.TARGET_ACHIEVED, 5.0),
        Member("output", S.LIMITED_PROGRESS, -0.41665),
        Member("empty", S.NOT_AVAILABLE, None),
        Member("exports", S.NOT_ACHIEVED, None),
    ]
    score, status = combine(members)
    assert score == pytest.approx(-0.13888, abs=1e-4)
    assert status is S.LIMITED_PROGRESS


def test_no_scored_member_means_no_score():
    assert combine([Member("a", S.NOT_AVAILABLE, None), Member("b", S.NOT_AVAILABLE, None)]) == (None, S.NOT_AVAILABLE)
    # Only a missed member and one without figures: -5 / 1, deterioration.
    assert combine([Member("a", S.NOT_ACHIEVED, None), Member("b", S.NOT_AVAILABLE, None)]) == (-5.0, S.DETERIORATION)
    assert combine([]) == (None, S.NOT_AVAILABLE)


def test_groups_in_order_of_first_member_by_english_name():
    r01 = Text("Resolution 01", "Nghị quyết 01")
    plan = Text.plain("Plan 2024")
    groups = group_members(
        [
            (r01, Member("a", S.TARGET_ACHIEVED, 5.0)),
            (None, Member("x", S.DETERIORATION, -5.0)),  # no group: in none
            (plan, Member("b", S.LIMITED_PROGRESS, -1.0)),
            (Text("Resolution 01", "NQ 01 (other spelling)"), Member("c", S.DETERIORATION, -3.0)),
        ]
    )
    assert [g.name for g in groups] == [r01, plan]  # the Vietnamese name of the first member
    first, second = groups
    assert first.targets == ("a", "c") and first.count == 2
    # (5 - 3) / 2 = 1: moderate.
    assert first.score == pytest.approx(1.0) and first.status is S.MODERATE_PROGRESS
    assert first.counted(S.TARGET_ACHIEVED) == 1 and first.counted(S.DETERIORATION) == 1
    assert sum(n for _, n in first.by_status) == 2
    assert [s for s, _ in first.by_status] == list(Status)  # every status, in order
    assert second.targets == ("b",) and second.score == -1.0 and second.status is S.LIMITED_PROGRESS


# --- through targets.yaml and `status` --------------------------------------------------------

GROUPED_TARGETS = """\
version: 1
title: "Grouped"
indicators:
  fdi:
    name: "FDI"
    unit: "million USD"
    measure: flow
  exports:
    name: "Exports"
    unit: "million USD"
    measure: flow
  output:
    name: "Output"
    unit: "index"
  empty:
    name: "Nothing yet"
    unit: "index"
targets:
  - id: fdi-2024
    type: plan
    indicator: fdi
    period: 2024
    value: 100
    group: {en: "Resolution 01", vi: "Nghị quyết 01"}
    owner: {en: "Department of Planning and Investment", vi: "Sở Kế hoạch và Đầu tư"}
  - id: exports-2024
    type: plan
    indicator: exports
    period: 2024
    value: 100
    group: "Plan 2024"
    owner: {en: "Department of Planning and Investment", vi: "Sở Kế hoạch và Đầu tư"}
  - id: output-2030
    indicator: output
    baseline: {period: 2020, value: 100}
    milestones:
      - {by: 2030, value: 259.37424601}
    group: {en: "Resolution 01", vi: "Nghị quyết 01"}
    owner: "Department of Industry and Trade"
  - id: empty-2030
    indicator: empty
    baseline: {period: 2020, value: 100}
    milestones:
      - {by: 2030, value: 200}
    group: {en: "Resolution 01", vi: "Nghị quyết 01"}
"""

GROUPED_OBSERVATIONS = """\
indicator,period,value,status,source,note,recorded_at
fdi,2024,110,official,a,,2025-02-01T00:00:00Z
exports,2024,90,official,b,,2025-02-01T00:00:00Z
output,2020,100,official,c,,2021-02-01T00:00:00Z
output,2022,110.25,official,c,,2023-02-01T00:00:00Z
"""

# By hand:
# - fdi-2024: 110 against a plan of 100 for 2024, which is over: target achieved, score 5.
# - exports-2024: 90 against 100, 2024 over: not achieved, no score (methodology, "plan").
# - output-2030: achieved rate (110.25 / 100)^(1/2) - 1 = 0.05; required rate
#   (259.37424601 / 100)^(1/10) - 1 = 1.1 - 1 = 0.10; P = 0.05 / 0.10 = 0.5 < 0.6:
#   score 4.1667 x 0.5 - 2.5 = -0.41665, limited progress (0 <= P < 0.6).
# - empty-2030: no figures, not available, no score.
# Group "Resolution 01": fdi-2024, output-2030, empty-2030; scores 5 and -0.41665 (the
#   third has none): mean (5 - 0.41665) / 2 = 2.291675, moderate progress.
# Group "Plan 2024": exports-2024 alone, no score: not available.
# Owner "Department of Planning and Investment": fdi-2024 (5) and exports-2024 (missed,
#   no score): mean 5, substantial progress, not achieved as one target was missed.
# Owner "Department of Industry and Trade": output-2030 alone: -0.41665, limited progress.
# empty-2030 has no owner: in no owner's group.
R01_SCORE = (5 - 0.41665) / 2


@pytest.fixture
def grouped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, GROUPED_TARGETS, GROUPED_OBSERVATIONS)


# --- item 1: group and owner on each target ---------------------------------------------------


def test_group_and_owner_are_read_as_names_are():
    from qntrack.files.definitions import parse_plan

    plan = parse_plan(GROUPED_TARGETS)
    fdi = plan.target("fdi-2024")
    assert fdi is not None
    assert fdi.group == Text("Resolution 01", "Nghị quyết 01")
    assert fdi.owner == Text("Department of Planning and Investment", "Sở Kế hoạch và Đầu tư")
    exports = plan.target("exports-2024")
    assert exports is not None and exports.group == Text.plain("Plan 2024")
    empty = plan.target("empty-2030")
    assert empty is not None and empty.owner is None


@pytest.mark.parametrize(
    "line, words",
    [
        ('    group: ""', "empty"),
        ("    group: [a, b]", "group"),
        ("    group: {en: x, vn: y}", "'vn' is not a language"),
    ],
)
def test_a_bad_group_or_owner_is_one_message_with_its_line(line: str, words: str):
    from qntrack.errors import InputError
    from qntrack.files.definitions import parse_plan

    text = GROUPED_TARGETS.replace('    group: "Plan 2024"', line)
    with pytest.raises(InputError) as caught:
        parse_plan(text)
    problems = caught.value.problems
    assert len(problems) == 1
    where = text.splitlines().index(line) + 1
    assert problems[0].location.line == where, str(problems[0])
    assert words in str(problems[0])


def test_show_and_targets_listing_name_group_and_owner(grouped: Path):
    r = run("show", "fdi-2024", "--lang", "vi")
    assert r.exit_code == 0, r.stderr
    assert "Nhóm" in r.stdout and "Nghị quyết 01" in r.stdout
    assert "Cơ quan chủ trì" in r.stdout and "Sở Kế hoạch và Đầu tư" in r.stdout
    r = run("show", "empty-2030")
    assert "Owner" not in r.stdout  # none given: no line for it
    doc = json.loads(run("targets", "--format", "json", "--lang", "vi").stdout)
    assert [(t["id"], t["group"], t["owner"]) for t in doc["targets"]] == [
        ("fdi-2024", "Nghị quyết 01", "Sở Kế hoạch và Đầu tư"),
        ("exports-2024", "Plan 2024", "Sở Kế hoạch và Đầu tư"),
        ("output-2030", "Nghị quyết 01", "Department of Industry and Trade"),
        ("empty-2030", "Nghị quyết 01", None),
    ]
    # CSV keeps its four columns (scripts read them by position).
    assert run("targets", "--format", "csv").stdout.splitlines()[0] == "id,kind,indicator,name"
    r = run("targets", "--format", "table")
    assert r.exit_code == 0, r.stderr
    assert "Group" in r.stdout and "Owner" in r.stdout


def _counts(group: dict) -> dict:
    return {s: n for s, n in group["by_status"].items() if n}


def test_status_json_groups_by_group(grouped: Path):
    r = run("status", "--format", "json")
    assert r.exit_code == 0, r.stderr
    doc = json.loads(r.stdout)
    by_id = {t["id"]: t for t in doc["targets"]}
    assert by_id["output-2030"]["score"] == pytest.approx(-0.41665, abs=1e-4)
    assert by_id["fdi-2024"]["group"] == "Resolution 01"
    assert by_id["fdi-2024"]["group_names"] == {"en": "Resolution 01", "vi": "Nghị quyết 01"}
    assert by_id["exports-2024"]["group_names"] == {"en": "Plan 2024", "vi": "Plan 2024"}
    assert by_id["empty-2030"]["owner"] is None and by_id["empty-2030"]["owner_names"] is None
    r01, p24 = doc["groups"]
    assert r01["name"] == "Resolution 01" and r01["names"] == {"en": "Resolution 01", "vi": "Nghị quyết 01"}
    assert r01["targets"] == ["fdi-2024", "output-2030", "empty-2030"] and r01["count"] == 3
    assert _counts(r01) == {"target_achieved": 1, "limited_progress": 1, "not_available": 1}
    assert list(r01["by_status"]) == [s.value for s in Status]
    assert r01["score"] == pytest.approx(R01_SCORE, abs=1e-4)
    assert r01["status"] == "moderate_progress"
    assert p24 == {
        "name": "Plan 2024",
        "names": {"en": "Plan 2024", "vi": "Plan 2024"},
        "targets": ["exports-2024"],
        "count": 1,
        "by_status": {s.value: (1 if s is S.NOT_ACHIEVED else 0) for s in Status},
        "score": -5.0,  # its one member was missed: the bottom of the scale
        "status": "deterioration",
    }


def test_status_json_groups_by_owner(grouped: Path):
    doc = json.loads(run("status", "--format", "json", "--group-by", "owner").stdout)
    dpi, dit = doc["groups"]
    assert dpi["name"] == "Department of Planning and Investment" and dpi["targets"] == ["fdi-2024", "exports-2024"]
    # An achieved target (5) and a missed one (-5): (5 - 5) / 2 = 0, moderate progress.
    assert dpi["score"] == 0.0 and dpi["status"] == "moderate_progress"
    assert _counts(dpi) == {"target_achieved": 1, "not_achieved": 1}
    assert dit["targets"] == ["output-2030"] and dit["status"] == "limited_progress"
    assert dit["score"] == pytest.approx(-0.41665, abs=1e-4)
    # The targets themselves are listed as without --group-by.
    assert [t["id"] for t in doc["targets"]] == ["fdi-2024", "exports-2024", "output-2030", "empty-2030"]


def test_status_group_by_csv_one_row_per_group(grouped: Path):
    r = run("status", "--group-by", "group", "--format", "csv")
    assert r.exit_code == 0, r.stderr
    rows = [line.split(",") for line in r.stdout.splitlines()]
    assert rows[0] == [
        "name",
        "name_vi",
        "count",
        "score",
        "status",
        *(s.value for s in Status),
        "targets",
        "as_of",  # added last in issue 17's twenty-fourth session
    ]
    r01, p24 = rows[1:]
    # Counts in Status order: achieved 1, substantial 0, moderate 0, limited 1,
    # deterioration 0, not achieved 0, not available 1 (by hand, above).
    assert r01[:3] == ["Resolution 01", "Nghị quyết 01", "3"]
    assert float(r01[3]) == pytest.approx(R01_SCORE, abs=1e-4)
    assert r01[4:] == ["moderate_progress", "1", "0", "0", "1", "0", "0", "1", "fdi-2024;output-2030;empty-2030", ""]
    assert p24 == [
        "Plan 2024",
        "Plan 2024",
        "1",
        "-5.0",  # its one member was missed
        "deterioration",
        "0",
        "0",
        "0",
        "0",
        "0",
        "1",
        "0",
        "exports-2024",
        "",  # as_of: empty without --as-of
    ]
    tsv = run("status", "--group-by", "owner", "--format", "tsv").stdout.splitlines()
    assert [line.split("\t")[0] for line in tsv] == [
        "name",
        "Department of Planning and Investment",
        "Department of Industry and Trade",
    ]


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_status_group_by_table_in_the_readers_language(grouped: Path, lang: str):
    r = run("status", "--group-by", "group", "--format", "table", "--lang", lang, env={"COLUMNS": "120"})
    assert r.exit_code == 0, r.stderr
    lines = r.stdout.splitlines()
    row = next(line for line in lines if ("Resolution 01" if lang == "en" else "Nghị quyết 01") in line)
    # 2.291675 shown with two decimals, in the language's separator.
    assert ("2.29" if lang == "en" else "2,29") in row
    from qntrack.output.i18n import status_label

    assert status_label("moderate_progress", lang) in row
    assert not any("output-2030" in line for line in lines)  # groups, not targets


def test_fail_on_one_group(grouped: Path):
    # exports-2024 (not achieved) is in "Plan 2024", not in "Resolution 01".
    assert run("status", "--fail-on", "not_achieved", "--format", "json").exit_code == 3
    assert run("status", "--fail-on", "not_achieved", "--group", "Resolution 01", "-f", "json").exit_code == 0
    r = run("status", "--fail-on", "not_achieved", "--group", "plan 2024", "-f", "json")
    assert r.exit_code == 3 and "exports-2024" in r.stderr
    # By owner: the planning department owns the missed plan; a Vietnamese name finds it.
    r = run(
        "status", "--fail-on", "not_achieved", "--group-by", "owner", "--group", "Sở Kế hoạch và Đầu tư", "-f", "csv"
    )
    assert r.exit_code == 3 and "exports-2024" in r.stderr
    assert r.stdout.splitlines()[0].startswith("name,name_vi,count")


def test_a_group_without_the_targets_given_gates_none_of_them(grouped: Path):
    # "Plan 2024" exists but holds only exports-2024: asked of fdi-2024 alone, the gate has
    # nothing of that group to check; it says so rather than "no group 'Plan 2024'".
    r = run("status", "fdi-2024", "--fail-on", "not_achieved", "--group", "Plan 2024", "-f", "json")
    assert r.exit_code == 0, r.stderr
    assert "group 'Plan 2024' has none of the targets given (its targets: exports-2024)" in r.stderr
    # Given with its member, the member is gated.
    r = run("status", "fdi-2024", "exports-2024", "--fail-on", "not_achieved", "--group", "Plan 2024", "-f", "json")
    assert r.exit_code == 3 and "exports-2024" in r.stderr
    # A name no group of the plan has is still refused.
    r = run("status", "fdi-2024", "--fail-on", "not_achieved", "--group", "Plan 2042", "-f", "json")
    assert r.exit_code == 1 and "no group 'Plan 2042'" in r.stderr


def test_several_groups_are_gated_together(grouped: Path):
    # "Resolution 01" has no missed target, "Plan 2024" has exports-2024: the two named
    # together fail the gate, as "Plan 2024" alone does; named in either order.
    for first, second in (("Resolution 01", "Plan 2024"), ("Plan 2024", "Resolution 01")):
        r = run("status", "--fail-on", "not_achieved", "--group", first, "--group", second, "-f", "json")
        assert r.exit_code == 3 and "exports-2024" in r.stderr, r.stderr
    # An unknown name among them is refused, whichever place it takes.
    r = run("status", "--fail-on", "not_achieved", "--group", "Plan 2024", "--group", "Resolution 10", "-f", "json")
    assert r.exit_code == 1 and "no group 'Resolution 10'" in r.stderr


def test_a_name_two_groups_share_is_refused(grouped: Path):
    # "Plan 2024" becomes the Vietnamese name of the exports plan's owner too: --group
    # "Plan 2024" under --group-by group still finds the one group; under owner, where the
    # fdi plan's owner is renamed "Plan 2024" in English, two owners answer to the name.
    text = (grouped / "targets.yaml").read_text(encoding="utf-8")
    text = text.replace(
        'owner: {en: "Department of Planning and Investment", vi: "Sở Kế hoạch và Đầu tư"}\n  - id: exports-2024',
        'owner: "Plan 2024"\n  - id: exports-2024',
    )
    text = text.replace('owner: "Department of Industry and Trade"', 'owner: {en: "Industry", vi: "Plan 2024"}')
    (grouped / "targets.yaml").write_text(text, encoding="utf-8")
    r = run("status", "--fail-on", "not_achieved", "--group-by", "owner", "--group", "plan 2024", "-f", "json")
    assert r.exit_code == 1 and list(json.loads(r.stdout)) == ["qntrack", "problems"]  # docs/json.md, "A refusal"
    assert "'plan 2024' names more than one group (Plan 2024, Industry)" in r.stderr
    assert "Traceback" not in r.stderr


def test_group_by_with_no_groups_says_why_the_table_is_empty(tracker: Path):
    for by, words in (("owner", "no target names an owner"), ("group", "no target names a group")):
        for fmt in ("table", "csv"):
            r = run("status", "--group-by", by, "--format", fmt)
            assert r.exit_code == 0 and words in r.stderr, (by, fmt, r.stderr)


def test_a_group_name_typed_another_way_is_the_same_group(grouped: Path):
    """A Vietnamese name typed with its marks as separate characters (NFD, as some
    keyboards and macOS terminals send it), with other spaces or another case, names the
    same group; targets.yaml spelling a group so is grouped with it too."""
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "Sở Kế hoạch và Đầu tư")
    assert decomposed != "Sở Kế hoạch và Đầu tư"
    for typed in (decomposed, "  sở kế hoạch   và đầu tư "):
        r = run("status", "--fail-on", "not_achieved", "--group-by", "owner", "--group", typed, "-f", "json")
        assert r.exit_code == 3 and "exports-2024" in r.stderr, (typed, r.stderr)
    assert group_key("Plan  2024 ") == group_key("plan 2024") == group_key(unicodedata.normalize("NFD", "plan 2024"))
    named = [
        (Text("Alpha", "Alpha"), Member("a", S.TARGET_ACHIEVED, 5.0)),
        (Text("ALPHA ", "ALPHA "), Member("b", S.NOT_ACHIEVED, None)),
        (Text(unicodedata.normalize("NFD", "Nghị quyết"), "Nghị quyết"), Member("c", S.TARGET_ACHIEVED, 5.0)),
        (Text("Nghị quyết", "Nghị quyết"), Member("d", S.TARGET_ACHIEVED, 5.0)),
    ]
    alpha, resolution = group_members(named)
    assert alpha.targets == ("a", "b") and resolution.targets == ("c", "d")


def test_an_unknown_group_is_one_message_with_the_closest(grouped: Path):
    r = run("status", "--fail-on", "not_achieved", "--group", "Resolution 10", "-f", "json")
    assert r.exit_code == 1 and list(json.loads(r.stdout)) == ["qntrack", "problems"]  # docs/json.md, "A refusal"
    assert (
        r.stderr
        == "--group: error: no group 'Resolution 10'; did you mean 'Resolution 01'? (groups: Resolution 01, Plan 2024)\n"
    )
    r = run(
        "status", "--fail-on", "not_achieved", "--group-by", "owner", "--group", "Department of Trade", "-f", "json"
    )
    assert (
        r.exit_code == 1
        and "no owner 'Department of Trade'; did you mean 'Department of Industry and Trade'?" in r.stderr
    )
    r = run("status", "--group", "Resolution 01")
    assert r.exit_code == 2 and "give --fail-on STATUS too" in r.stderr


def test_no_group_anywhere(tracker: Path):
    doc = json.loads(run("status", "--format", "json").stdout)
    assert doc["groups"] == [] and all(t["group"] is None for t in doc["targets"])
    r = run("status", "--fail-on", "deterioration", "--group", "Resolution 01", "-f", "json")
    assert r.exit_code == 1 and "no target names a group" in r.stderr


# --- item 4: the report opens with the groups -------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_markdown_report_opens_with_the_groups(grouped: Path, lang: str):
    r = run("report", "--format", "markdown", "--lang", lang)
    assert r.exit_code == 0, r.stderr
    text = r.stdout
    heading = "## Groups of targets" if lang == "en" else "## Các nhóm mục tiêu"
    summary = '## <a id="summary"></a>' + ("Summary" if lang == "en" else "Tổng hợp")
    assert text.index(heading) < text.index(summary)
    rows = [line for line in text[text.index(heading) : text.index(summary)].splitlines() if line.startswith("| ")]
    # Resolution 01: 3 targets, 1 achieved, moderate progress, score 2.29 (by hand, above).
    if lang == "en":
        assert rows[1] == (
            "| Resolution 01 | 3 | 1 of 3 | **Moderate progress** | 2.29 | "
            "Target achieved: 1; Limited progress: 1; Not available: 1 |"
        )
        assert rows[2] == "| Plan 2024 | 1 | 0 of 1 | **Deterioration** | -5 | Not achieved: 1 |"
    else:
        assert rows[1].startswith("| Nghị quyết 01 | 3 | 1/3 | **Tiến triển vừa phải** | 2,29 | ")


def test_the_html_report_opens_with_the_groups(grouped: Path):
    r = run("report", "--format", "html")
    assert r.exit_code == 0, r.stderr
    html = r.stdout
    assert html.index('<section class="groups" id="groups">') < html.index('<section class="summary" id="summary">')
    assert '<span class="pill s-moderate_progress">Moderate progress</span></td><td class="num">2.29</td>' in html


def test_a_report_without_groups_has_no_groups_section(tracker: Path):
    assert "Groups of targets" not in run("report", "--format", "markdown").stdout
    assert 'class="groups"' not in run("report", "--format", "html").stdout


# --- item 6: the shipped data -------------------------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("targets.yaml", "observations.csv"):
        (tmp_path / name).write_bytes((ROOT / name).read_bytes())
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_every_shipped_target_has_a_group(shipped: Path):
    doc = json.loads(run("status", "--format", "json", "--as-of", "2026-12-01").stdout)
    assert all(t["group"] for t in doc["targets"]), [t["id"] for t in doc["targets"] if not t["group"]]
    r01 = doc["groups"][0]
    assert r01["names"] == {"en": "Resolution 01-NQ/TU", "vi": "Nghị quyết 01-NQ/TU"}
    assert r01["targets"] == ["cbct-share", "cbct-va-growth-2021-2025", "cbct-investment-2021-2025", "mining-share"]
    # By hand, from docs/methodology.md: cbct-share scores 2.0388 (worked example 1),
    # mining-share 5 (worked example 2), the CBCT value-added average 5 (P = 1.89 >= 1.3,
    # capped); the investment total has no figures (no score). (2.0388 + 5 + 5) / 3 = 4.0129:
    # substantial progress.
    assert r01["score"] == pytest.approx(4.0129, abs=1e-3)
    assert r01["status"] == "substantial_progress"


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_how_resolution_01_is_doing_in_one_screen(shipped: Path, lang: str):
    r = run(
        "status", "--group-by", "group", "-f", "table", "--lang", lang, "--as-of", "2026-12-01", env={"COLUMNS": "80"}
    )
    assert r.exit_code == 0, r.stderr
    lines = r.stdout.splitlines()
    assert len(lines) <= 24 and all(len(line) <= 80 for line in lines)
    row = next(line for line in lines if line.lstrip().startswith("Resolution" if lang == "en" else "Nghị quyết"))
    assert " 4 " in row and ("4.01" if lang == "en" else "4,01") in row


def test_the_groups_chart_beside_the_markdown_and_inside_the_html(grouped: Path):
    r = run("report", "--format", "markdown", "-o", "review.md")
    assert r.exit_code == 0, r.stderr
    text = (grouped / "review.md").read_text(encoding="utf-8")
    link = "![Chart: Groups of targets. It shows: "  # and what it draws, its bars (issue 17)
    assert "](review-charts/groups_by_status.svg)" in text.split(link, 1)[1].split("\n", 1)[0]
    assert text.index("## Groups of targets") < text.index(link) < text.index('## <a id="summary"></a>Summary')
    svg = (grouped / "review-charts" / "groups_by_status.svg").read_text(encoding="utf-8")
    # One bar per group, a series per status some group has: Resolution 01 has an
    # achieved, a limited and a not-available target; Plan 2024 a not-achieved one.
    for word in ("Resolution 01", "Plan 2024", "Target achieved", "Limited progress", "Not available", "Not achieved"):
        assert word in svg, word
    assert "Deterioration" not in svg and "Substantial progress" not in svg
    # The same data, the same bytes.
    run("report", "--format", "markdown", "-o", "again.md")
    assert (grouped / "again-charts" / "groups_by_status.svg").read_bytes() == svg.encode("utf-8")
    html = run("report", "--format", "html", "--lang", "vi").stdout
    figure = html[html.index('<figure class="chart" data-target="groups">') :]
    assert figure.index("<svg") < figure.index("</figure>") and "Nghị quyết 01" in figure[: figure.index("</figure>")]
    assert html.index('data-target="groups"') < html.index('<section class="summary" id="summary">')


def test_no_groups_no_groups_chart(tracker: Path):
    assert run("report", "--format", "markdown", "-o", "review.md").exit_code == 0
    assert not (tracker / "review-charts" / "groups_by_status.svg").exists()
    assert 'data-target="groups"' not in run("report", "--format", "html").stdout


def test_the_cached_json_groups_without_loading_the_plan_model(grouped: Path):
    """Every status document has its groups; the cache's warm path writes them as they were
    kept with its entries (cache.entries.kept_groups, twenty-fifth session), without the
    plan's model or even the grouping (docs/performance.md)."""
    from conftest import modules_loaded

    assert run("status", "--format", "json").exit_code == 0  # the cache is written
    assert modules_loaded(["status", "--format", "json"], ["qntrack.plan.model", "qntrack.output.grouping"]) == [
        False,
        False,
    ]
    # By owner they are made again from the items kept, still without the plan's model.
    assert modules_loaded(["status", "--format", "json", "--group-by", "owner"], ["qntrack.plan.model"]) == [False]


@pytest.mark.parametrize(
    "line, words",
    [
        ('    group: "a\\e[31mred\\a"', "holds a control character (U+001B)"),
        ('    owner: {en: "Industry", vi: "Công\\x85Thương"}', "holds a control character (U+0085)"),
        ('    group: "   "', "must not be empty"),
    ],
)
def test_a_name_with_a_control_character_or_only_spaces_is_refused(tracker: Path, line: str, words: str):
    """An escape sequence in a group name drove the terminal and broke the groups chart's
    SVG (found by t4); a name of spaces made a group no --group could name."""
    text = (tracker / "targets.yaml").read_text(encoding="utf-8")
    first = text.index("  - id: ")
    end = text.index("\n", first)
    (tracker / "targets.yaml").write_text(text[: end + 1] + line + "\n" + text[end + 1 :], encoding="utf-8")
    r = run("status", "--format", "json")
    assert r.exit_code == 1 and words in r.stderr, r.stderr
    assert json.loads(r.stdout)["problems"][0]["severity"] == "error"  # docs/json.md, "A refusal"
    assert "targets.yaml:" in r.stderr


def test_a_folded_name_ending_in_a_line_break_is_still_a_name(tracker: Path):
    text = (tracker / "targets.yaml").read_text(encoding="utf-8")
    first = text.index("  - id: ")
    end = text.index("\n", first)
    folded = "    group: >\n      Resolution\n      01\n"
    (tracker / "targets.yaml").write_text(text[: end + 1] + folded + text[end + 1 :], encoding="utf-8")
    r = run("status", "--format", "json")
    assert r.exit_code == 0, r.stderr


def test_check_warns_of_a_group_named_two_ways_in_vietnamese(grouped: Path):
    text = Path("targets.yaml").read_text(encoding="utf-8")
    # The third member of "Resolution 01" (output-2030's group line) spells it differently.
    first = text.index('group: {en: "Resolution 01", vi: "Nghị quyết 01"}')
    second = text.index('group: {en: "Resolution 01", vi: "Nghị quyết 01"}', first + 1)
    text = (
        text[:second]
        + 'group: {en: "Resolution 01", vi: "NQ 01"}'
        + text[second + len('group: {en: "Resolution 01", vi: "Nghị quyết 01"}') :]
    )
    Path("targets.yaml").write_text(text, encoding="utf-8")
    r = run("check")
    assert r.exit_code == 0
    assert "group 'Resolution 01' is called 'NQ 01' in Vietnamese here, but 'Nghị quyết 01' on line" in r.stderr
    # Plain text ("Plan 2024") says nothing of Vietnamese: never compared.
    assert "Plan 2024" not in r.stderr
