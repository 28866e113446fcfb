"""The twelfth session's contract audit (issue 17): places where what qntrack printed
disagreed with docs/json.md, docs/cli.md or docs/report.md, each pinned to the contract.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT, dedent, make_tracker
from helpers import run_clean

# A monthly flow broken down by locality: a plan and a total over a span whose units have
# no amount of their own (no_amount_for_unit), each unit with a full year, then a month.
UNITS_PLAN = dedent("""
    title: Units without an amount
    dimensions:
      locality:
        name: {en: Locality, vi: Địa phương}
        values: [Alpha, Beta, Gamma]
    indicators:
      fdi:
        name: FDI
        unit: mn USD
        measure: flow
        frequency: month
        dimensions: [locality]
    targets:
      - id: fdi-2024
        type: plan
        indicator: fdi
        period: 2024
        value: 100
        for_each: locality
        overrides:
          Alpha: {value: 40}
      - id: fdi-span
        type: cumulative
        indicator: fdi
        at_least: 500
        from: 2021
        to: 2025
        for_each: locality
""")

UNITS_STORE = dedent("""
    indicator,period,value,status,source,note,recorded_at
    fdi,2023,90,official,,,2024-03-01T00:00:00Z
    fdi[locality=Alpha],2023,30,official,,,2024-03-01T00:00:00Z
    fdi[locality=Alpha],2024-06,20,estimate,,,2024-07-05T00:00:00Z
    fdi[locality=Beta],2023,35,official,,,2024-03-01T00:00:00Z
    fdi[locality=Beta],2024-06,25,estimate,,,2024-07-05T00:00:00Z
    fdi[locality=Gamma],2023,25,official,,,2024-03-01T00:00:00Z
    fdi[locality=Gamma],2024-09,26,estimate,,,2024-10-05T00:00:00Z
""")


@pytest.fixture
def units(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, UNITS_PLAN, UNITS_STORE)


def _json(*args: str) -> dict:
    r = run_clean(*args, "--format", "json", "--as-of", "2024-12-01")
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def test_a_unit_without_an_amount_has_a_full_year_latest_and_its_reading_as_provisional(units: Path):
    # docs/json.md: a unit's fields have "the same meaning as a target's": `latest` is the
    # latest full-year figure, `provisional` the latest sub-annual reading after it. A
    # unit without an amount of its own had its last row, a month, as `latest`.
    doc = _json("status")
    for tid in ("fdi-2024", "fdi-span"):
        t = next(t for t in doc["targets"] if t["id"] == tid)
        for u in t["breakdown"]:
            if u["reason"] != "no_amount_for_unit":
                continue
            name = u["dims"]["locality"]
            assert u["latest"]["period"] == "2023", (tid, name, u["latest"])
            assert u["provisional"] is not None and u["provisional"]["period"] in ("2024-06", "2024-09"), (tid, name)
    # rank lists, and ranks by, the same full-year figures: Beta's 35 above Gamma's 25,
    # not Gamma's September reading (26) above Beta's June one (25).
    ranked = _json("rank", "fdi-2024")["units"]
    assert [(u["dims"]["locality"], u["latest"] and u["latest"]["period"]) for u in ranked] == [
        ("Beta", "2023"),
        ("Gamma", "2023"),
        ("Alpha", None),
    ]


def test_json_md_names_every_kind_and_every_key_of_targets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # `type` (status) and `kind` (targets) print "open_sdg" for an Open SDG target (issue
    # 16), and `targets --format json` prints each target's `of`: docs/json.md listed five
    # kinds and `{id, kind, indicator, name, group, owner}` plus `for_each`.
    from qntrack.kinds import REGISTRY

    text = (ROOT / "docs" / "json.md").read_text(encoding="utf-8")
    type_row = next(line for line in text.splitlines() if line.startswith("| `type` |"))
    kind_line = text[text.index("- `targets --format json`") :]
    for name in REGISTRY:
        assert f"`{name}`" in type_row, name
        assert name in kind_line.split("`name` in")[0], name
    make_tracker(
        tmp_path,
        monkeypatch,
        dedent("""
            title: Of
            dimensions:
              sex: {values: [F, M]}
            indicators:
              emp: {name: Employment, unit: "%", dimensions: [sex]}
            targets:
              - {id: women, type: open_sdg, indicator: emp, of: {sex: F}}
        """),
        "indicator,period,value,status,source,note,recorded_at\n",
    )
    item = json.loads(run_clean("targets", "--format", "json").stdout)["targets"][0]
    assert item["kind"] == "open_sdg"
    listed = kind_line.split("\n\n")[0]
    for key in item:
        assert f"`{key}`" in listed or f"{key}," in listed or f"{key}}}" in listed, key


def test_units_share_a_rank_only_when_equal_on_all_four_keys_as_the_docs_say(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # Every period at least 10 over 2021-2023: Alpha missed 2021 (not achieved), Beta has
    # no 2021 figure (substantial progress on 2022-2023). Both have no score and no P and
    # the same latest figure (12): equal on score, P and latest, which docs/json.md said
    # was a tie, but the status ranks Beta first (methodology.md, "Ranking").
    make_tracker(
        tmp_path,
        monkeypatch,
        dedent("""
            title: Ties
            dimensions:
              locality: {values: [Alpha, Beta]}
            indicators:
              growth: {name: Growth, unit: "%", measure: rate, dimensions: [locality]}
            targets:
              - {id: dd, type: every_period, indicator: growth, at_least: 10, from: 2021, to: 2023,
                 for_each: locality}
        """),
        dedent("""
            indicator,period,value,status,source,note,recorded_at
            growth[locality=Alpha],2021,8,official,,,2022-03-01T00:00:00Z
            growth[locality=Alpha],2022,12,official,,,2023-03-01T00:00:00Z
            growth[locality=Beta],2022,12,official,,,2023-03-01T00:00:00Z
        """),
    )
    r = run_clean("rank", "dd", "--format", "json", "--as-of", "2023-06-01")
    assert r.exit_code == 0, r.output
    units = [(u["rank"], u["dims"]["locality"], u["status"], u["score"]) for u in json.loads(r.stdout)["units"]]
    assert units == [(1, "Beta", "substantial_progress", None), (2, "Alpha", "not_achieved", None)]
    for doc in ("json.md", "methodology.md"):
        text = (ROOT / "docs" / doc).read_text(encoding="utf-8")
        # The share of plan joined the keys (sixteenth session): a plan's units each have one.
        assert "equal on status, score, progress value, share of plan" in text, doc
        # The period of the figure shown joined them (thirty-second session, test_s32_lead).
        assert "the period of the figure shown" in text, doc


def test_report_md_shows_the_since_rows_with_the_keys_report_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # docs/report.md's `since` example left out `dims`, which every observation row of
    # `report --format json --since` carries after `indicator` (docs/json.md, issue 14).
    text = (ROOT / "docs" / "report.md").read_text(encoding="utf-8")
    block = text[text.index("### JSON") :].split("```json\n", 1)[1].split("```", 1)[0]
    shown = json.loads("{" + block + "}")["since"]
    make_tracker(
        tmp_path,
        monkeypatch,
        dedent("""
            title: Since
            indicators:
              growth: {name: Growth, unit: "%", measure: rate}
            targets:
              - {id: g, type: plan, indicator: growth, period: 2025, value: 10}
        """),
        dedent("""
            indicator,period,value,status,source,note,recorded_at
            growth,2025,11.89,estimate,s,,2026-01-07T00:00:00Z
        """),
    )
    r = run_clean("report", "--format", "json", "--since", "2025-06-30", "--as-of", "2026-02-01")
    assert r.exit_code == 0, r.output
    since = json.loads(r.stdout)["since"]
    assert list(shown) == list(since)
    assert list(shown["observations"][0]) == list(since["observations"][0])
    assert list(shown["status_changes"][0]) == list(since["status_changes"][0])


def test_a_plans_year_to_date_keys_come_in_the_documented_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # docs/json.md: "Keys come in the order this page documents them"; `year_to_date` is
    # `period`, `value`, `percent_of_plan` and `share_of_time` (flows) or `difference`
    # (rates and levels), then the previous-year fields, as a full figure's are. The
    # previous-year fields came between `value` and the reading's own figures.
    make_tracker(
        tmp_path,
        monkeypatch,
        dedent("""
            title: Year to date
            indicators:
              fdi: {name: FDI, unit: mn USD, measure: flow, frequency: month}
              growth: {name: Growth, unit: "%", measure: rate, frequency: quarter}
            targets:
              - {id: fdi-2025, type: plan, indicator: fdi, period: 2025, value: 1000}
              - {id: growth-2025, type: plan, indicator: growth, period: 2025, value: 10}
        """),
        dedent("""
            indicator,period,value,status,source,note,recorded_at
            fdi,2024-9M,500,official,,,2024-10-05T00:00:00Z
            fdi,2025-9M,600,estimate,,,2025-10-05T00:00:00Z
            growth,2024-9M,8,official,,,2024-10-05T00:00:00Z
            growth,2025-9M,9,estimate,,,2025-10-05T00:00:00Z
        """),
    )
    r = run_clean("status", "--format", "json", "--as-of", "2025-11-01")
    assert r.exit_code == 0, r.output
    ytd = {t["id"]: t["details"]["year_to_date"] for t in json.loads(r.stdout)["targets"]}
    assert list(ytd["fdi-2025"]) == [
        "period",
        "value",
        "percent_of_plan",
        "share_of_time",
        "same_period_last_year",
        "change_on_same_period_last_year",
        "not_counted",  # added last, thirty-fifth session (docs/json.md)
    ]
    assert list(ytd["growth-2025"]) == [
        "period",
        "value",
        "difference",
        "same_period_last_year",
        "difference_on_same_period_last_year",
        "not_counted",  # a level's or rate's too, added last in the forty-third session (docs/json.md)
    ]


COMMANDS = ["status", "rank", "show", "report", "observations", "history", "indicators", "targets", "check"]


@pytest.mark.parametrize("command", COMMANDS)
def test_a_target_in_a_help_example_is_one_the_shipped_plan_has(command: str):
    # `rank --help` (and docs/cli.md, made from it) showed `qntrack rank grdp-growth`,
    # which the shipped plan has no target of: the example's first run said "no target".
    import re

    from qntrack.files.definitions import load_plan

    plan = load_plan(ROOT / "targets.yaml")
    ids = {t.id: t for t in plan.targets}
    text = " ".join(run_clean("--lang", "en", command, "--help").stdout.split())
    for cmd, args in re.findall(r"Example: qntrack (status|rank|show|report) ((?:[a-z0-9][a-z0-9-]*\s?)*)", text):
        for given in args.split():
            if "-" in given:
                assert given in ids, (command, given)
                if cmd == "rank":
                    assert ids[given].for_each, (command, given)


def test_rank_says_no_unit_has_a_figure_only_when_none_has_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # docs/json.md, "Ranking": only "a breakdown where no unit has a figure yet" is told
    # so on stderr. Alpha's half-year reading against its own plan judges it (substantial
    # progress), yet rank said the units were "not available and share one rank", since
    # a plan's reading is its `provisional`, not its `latest`.
    make_tracker(
        tmp_path,
        monkeypatch,
        UNITS_PLAN,
        dedent("""
            indicator,period,value,status,source,note,recorded_at
            fdi[locality=Alpha],2024-6M,30,estimate,,,2024-07-05T00:00:00Z
            fdi[locality=Beta],2024-6M,10,estimate,,,2024-07-05T00:00:00Z
        """),
    )
    r = run_clean("rank", "fdi-2024", "--format", "csv", "--as-of", "2024-12-01")
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines()[1].startswith("1,Alpha,substantial_progress,")
    assert r.stderr == ""
    # With no figure at all by the date, it is still said.
    r = run_clean("rank", "fdi-2024", "--format", "csv", "--as-of", "2024-01-01")
    assert r.exit_code == 0 and "no unit of 'fdi-2024' had a figure" in r.stderr


def test_json_md_says_which_span_details_wait_for_a_figure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # An average or cumulative target with no figure in its span has only its definition
    # in `details` (methodology.md: "once there is a figure"); json.md listed every key as
    # always there, and a script reading details["average"] of a new target failed.
    make_tracker(
        tmp_path,
        monkeypatch,
        dedent("""
            title: Spans
            indicators:
              growth: {name: Growth, unit: "%", measure: rate}
              invest: {name: Investment, unit: bn VND, measure: flow}
            targets:
              - {id: avg, type: average, indicator: growth, at_least: 10, from: 2021, to: 2025}
              - {id: cum, type: cumulative, indicator: invest, at_least: 500, from: 2021, to: 2025}
        """),
        "indicator,period,value,status,source,note,recorded_at\n",
    )
    r = run_clean("status", "--format", "json", "--as-of", "2023-06-01")
    details = {t["id"]: t["details"] for t in json.loads(r.stdout)["targets"]}
    assert list(details["avg"]) == ["bound", "from", "to", "years_in_span", "years_with_data", "periods"]
    assert list(details["cum"]) == ["bound", "from", "to", "periods"]
    text = " ".join((ROOT / "docs" / "json.md").read_text(encoding="utf-8").split())
    assert "`periods`; once a span year has a figure, `average`" in text
    assert "once there is an average, `remaining_years`" in text
    assert "`periods`; once a span period has a figure, `total`" in text


ALL_COMMANDS = [
    "status", "rank", "show", "observations", "add-observation", "retract", "indicators",
    "targets", "history", "check", "init", "docs", "report", "import", "export",
]  # fmt: skip


def test_the_readme_names_the_commands_that_take_as_of():
    # README.md called `--as-of DATE` an option "shared by the commands"; `targets`,
    # `indicators`, `add-observation` and others refuse it (exit 2). It names those that take it.
    import re

    taking = [c for c in ALL_COMMANDS if re.search(r"^\s+--as-of DATE", run_clean(c, "--help").stdout, re.M)]
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    said = re.search(r"`--as-of DATE` \(([^)]*)\)", readme)
    assert said is not None
    assert re.findall(r"`([a-z-]+)`", said.group(1)) == taking


def test_check_counts_problems_only_when_there_are_several(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # docs/data-integrity.md said check prints each problem "then a count"; with one
    # problem there is none (every command prints a lone problem as one line).
    make_tracker(
        tmp_path,
        monkeypatch,
        dedent("""
            title: One warning
            indicators:
              a: {name: A, unit: x}
            targets:
              - {id: t1, indicator: a, group: {en: G, vi: Một}, baseline: 2020, milestones: [{by: 2030, value: 2}]}
              - {id: t2, indicator: a, group: {en: G, vi: Hai}, baseline: 2020, milestones: [{by: 2030, value: 2}]}
        """),
        "indicator,period,value,status,source,note,recorded_at\n",
    )
    r = run_clean("check")
    assert r.exit_code == 0
    assert len(r.stderr.splitlines()) == 1 and ": warning: group 'G'" in r.stderr
    text = " ".join((ROOT / "docs" / "data-integrity.md").read_text(encoding="utf-8").split())
    assert "`FILE:LINE[:COL]: severity: message`, then, when there are several, a count" in text
