"""Breakdowns (issue 14) attacked as a hostile user would: hand-typed unit spellings in the
store, withdrawing a unit's figure, round trips, dimension ids that collide with columns,
units formed from themselves, and other wrong inputs. Each test was written failing first.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import dedent, make_tracker
from helpers import problems, run_clean, store_text

PLAN = dedent("""
    title: Hostile plan
    dimensions:
      locality:
        name: {en: Locality, vi: Địa phương}
        values: [Hạ Long, Cẩm Phả, {value: Uông Bí, until: "2025-06-30"}]
    indicators:
      g:
        name: Growth
        unit: "%"
        measure: rate
        dimensions: [locality]
    targets:
      - {id: g-dd, type: every_period, indicator: g, at_least: 10, from: 2021, to: 2023, for_each: locality}
""")

# The Ha Long 2023 figure typed by hand: lower case, two spaces, decomposed (NFD) letters.
HAND = "g[locality=ha\u0323  long],2023,13,official,,,2024-03-01T00:00:00Z\n"
STORE = dedent("""
    indicator,period,value,status,source,note,recorded_at
    g,2023,11,official,,,2024-03-01T00:00:00Z
    g[locality=Cẩm Phả],2023,10,official,,,2024-03-01T00:00:00Z
""") + HAND.replace("ha\u0323", "h" + "a\u0323")


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, PLAN, STORE)


def test_a_figure_typed_by_hand_is_already_recorded_when_typed_again(plan: Path):
    before = store_text(plan)
    r = run_clean(
        "add-observation", "g", "2023", "13", "--dim", "locality=Hạ Long",
        "--status", "official", "--recorded-at", "2024-03-01T00:00:00Z",
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    assert store_text(plan) == before, "the hand-typed row is the same figure: nothing is added"


def test_observations_csv_imported_back_adds_nothing(plan: Path):
    r = run_clean("observations", "--format", "csv")
    assert r.exit_code == 0, r.output
    (plan / "round.csv").write_text(r.stdout, encoding="utf-8")
    before = store_text(plan)
    r = run_clean("add-observation", "--from", "round.csv")
    assert r.exit_code == 0, r.output
    assert store_text(plan) == before
    assert "all 3 row(s) are already recorded" in r.output, r.output


def test_retract_withdraws_a_units_figure_with_dim(plan: Path):
    r = run_clean("retract", "g", "2023", "--dim", "locality=hạ long", "--note", "typo")
    assert r.exit_code == 0, r.output
    assert store_text(plan).endswith("g[locality=Hạ Long],2023,,retracted,,typo," + store_text(plan)[-21:])
    r = run_clean("history", "g", "--dim", "locality=Hạ Long", "--format", "csv")
    assert r.exit_code == 0, r.output
    rows = r.stdout.splitlines()[1:]
    # The retraction (in force), then the hand-typed figure it withdrew (no longer in force).
    assert rows[0].startswith("2023,,retracted,") and rows[0].split(",")[6] == "true", rows
    assert rows[1].startswith("2023,13,official,") and rows[1].split(",")[6] == "false", rows


def test_retract_withdraws_a_units_figure_named_in_brackets(plan: Path):
    r = run_clean("retract", "g[locality=Hạ Long]", "2023")
    assert r.exit_code == 0, r.output
    assert "g[locality=Hạ Long],2023,,retracted," in store_text(plan)


def test_retract_leaves_the_total_and_other_units_alone(plan: Path):
    r = run_clean("retract", "g", "2023", "--dim", "locality=Cẩm Phả")
    assert r.exit_code == 0, r.output
    r = run_clean("retract", "g", "2023", "--dim", "locality=Cẩm Phả")
    assert r.exit_code == 1
    assert "no figure in force to retract" in r.stderr, r.stderr
    # The command it points to is one a shell runs as written (the key bare split in two).
    assert "(see 'qntrack history g --dim \"locality=Cẩm Phả\"')" in r.stderr, r.stderr
    r = run_clean("observations", "-i", "g", "--format", "csv")
    lines = r.stdout.splitlines()
    # The total and Ha Long keep their figures; Cam Pha's is withdrawn.
    assert "g,2023,11,official,,,2024-03-01T00:00:00Z" in lines
    assert any(line.startswith("g[locality=Hạ Long],2023,13,") for line in lines), lines


@pytest.mark.parametrize(
    "args, code, words",
    [
        (["--dim", "locality=Halong"], 1, "'Halong' is not a unit of 'locality'"),
        (["--dim", "sex=female"], 1, "indicator 'g' is not broken down by 'sex'"),
        (["--dim", "locality"], 2, "--dim"),
    ],
)
def test_retract_refuses_a_wrong_unit_and_writes_nothing(plan: Path, args: list[str], code: int, words: str):
    before = store_text(plan)
    r = run_clean("retract", "g", "2023", *args)
    assert r.exit_code == code, r.output
    assert words in r.stderr, r.stderr
    assert "Traceback" not in r.output
    assert store_text(plan) == before


@pytest.mark.parametrize("dim_id", ["unit", "status", "source", "id", "period", "value", "rank", "indicator"])
def test_a_dimension_id_that_is_a_column_name_is_refused(dim_id: str):
    text = PLAN.replace("  locality:\n", f"  {dim_id}:\n").replace("[locality]", f"[{dim_id}]")
    text = text.replace("for_each: locality", f"for_each: {dim_id}")
    found = problems(text)
    assert any(f"dimension id '{dim_id}' is also the name of a column" in p for p in found), found


def test_the_reserved_ids_cover_every_column_a_unit_is_printed_beside():
    from qntrack.files.dimensions import RESERVED_IDS
    from qntrack.files.store import HEADER
    from qntrack.output.documents import HISTORY_COLUMNS
    from qntrack.output.formats import STATUS_COLUMNS

    from qntrack.output.ranking import RANK_COLUMNS

    wanted = set(HEADER) | set(HISTORY_COLUMNS) | set(STATUS_COLUMNS) | set(RANK_COLUMNS)
    assert wanted <= RESERVED_IDS, wanted - RESERVED_IDS


@pytest.mark.parametrize(
    "values, words",
    [
        ("[{value: A, from: [A]}]", "unit 'A' is formed 'from' itself"),
        ("[{value: A, from: [B]}, {value: B, from: [A]}]", "units formed from each other: A, B, A"),
        (
            "[{value: A, from: [C]}, {value: B, from: [A]}, {value: C, from: [B]}]",
            "units formed from each other: A, C, B, A",
        ),
    ],
)
def test_units_formed_from_themselves_are_refused(values: str, words: str):
    text = PLAN.replace('[Hạ Long, Cẩm Phả, {value: Uông Bí, until: "2025-06-30"}]', values)
    found = problems(text)
    assert any(words in p for p in found), found


def test_a_chain_of_predecessors_is_fine():
    text = PLAN.replace(
        '[Hạ Long, Cẩm Phả, {value: Uông Bí, until: "2025-06-30"}]',
        "[A, {value: B, from: [A]}, {value: C, from: [A, B]}]",
    )
    from qntrack.files.definitions import parse_plan

    units = parse_plan(text, "targets.yaml").dimensions["locality"].values or ()
    assert [(u.value, u.predecessors) for u in units] == [("A", ()), ("B", ("A",)), ("C", ("A", "B"))]


def test_an_empty_list_of_values_is_refused():
    text = PLAN.replace('[Hạ Long, Cẩm Phả, {value: Uông Bí, until: "2025-06-30"}]', "[]")
    found = problems(text)
    assert any("dimensions.locality: values lists no unit" in p for p in found), found


def test_an_override_with_only_a_wrong_key_is_said_once():
    text = PLAN.replace("for_each: locality}", "for_each: locality, overrides: {Hạ Long: {value: 3}}}")
    found = problems(text)
    assert len(found) == 1 and "unknown key 'value'" in found[0], found


def test_a_thousand_units_in_a_chain_of_predecessors_read_without_recursion_error():
    from qntrack.files.definitions import parse_plan

    chain = ", ".join(["U0"] + [f"{{value: U{i}, from: [U{i - 1}]}}" for i in range(1, 1500)])
    text = PLAN.replace('[Hạ Long, Cẩm Phả, {value: Uông Bí, until: "2025-06-30"}]', f"[{chain}]")
    units = parse_plan(text, "targets.yaml").dimensions["locality"].values or ()
    assert len(units) == 1500 and units[-1].predecessors == ("U1498",)
    found = problems(text.replace("[U0, ", "[{value: U0, from: [U1499]}, "))
    assert any("units formed from each other: U0, U1499, U1498" in p for p in found), found[:1]


OPEN = dedent("""
    title: Open plan
    dimensions:
      sex: {name: {en: Sex, vi: Giới tính}}
    indicators:
      g: {name: Growth, unit: "%", dimensions: [sex]}
    targets: []
""")


def test_a_unit_name_too_long_to_import_back_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # A cell of an import holds at most 2000 characters (rules.MAX_TEXT): a unit of 10,000
    # made a store whose `observations --format csv` could not be imported back.
    make_tracker(tmp_path, monkeypatch, OPEN, "indicator,period,value,status,source,note,recorded_at\n")
    before = store_text(tmp_path)
    r = run_clean("add-observation", "g", "2021", "1", "--dim", "sex=" + "z" * 10_000)
    assert r.exit_code == 1, r.output
    assert "10,000 characters" in r.stderr and "at most 200" in r.stderr, r.stderr
    assert store_text(tmp_path) == before
    r = run_clean("add-observation", "g", "2021", "1", "--dim", "sex=" + "z" * 200)
    assert r.exit_code == 0, r.output


def test_a_unit_name_too_long_is_refused_in_targets_yaml():
    found = problems(PLAN.replace("Cẩm Phả, {value", "'" + "x" * 201 + "', {value"))
    assert any("201 characters" in p and "at most 200" in p for p in found), found


def test_a_control_character_in_a_unit_is_called_what_it_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    make_tracker(tmp_path, monkeypatch, OPEN, "indicator,period,value,status,source,note,recorded_at\n")
    r = run_clean("add-observation", "g", "2021", "1", "--dim", "sex=fe\x01male")
    assert r.exit_code == 1, r.output
    assert "a control character" in r.stderr and "the store uses" not in r.stderr, r.stderr


def test_an_import_giving_one_unit_two_figures_in_two_spellings_is_refused(plan: Path):
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "Hạ Long")
    assert decomposed != "Hạ Long"
    (plan / "in.csv").write_text(
        f"indicator;Địa phương;period;value\ng;Hạ Long;2024;9,5\ng;{decomposed};2024;9,7\n", encoding="utf-8"
    )
    before = store_text(plan)
    r = run_clean("add-observation", "--from", "in.csv")
    assert r.exit_code == 1, r.output
    assert "in.csv:3: error: g[locality=Hạ Long] 2024 is already given on line 2" in r.stderr, r.stderr
    assert store_text(plan) == before


def test_an_import_giving_the_total_and_a_unit_is_no_duplicate(plan: Path):
    (plan / "in.csv").write_text("indicator,locality,period,value\ng,,2024,9.5\ng,Hạ Long,2024,9.7\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "in.csv")
    assert r.exit_code == 0, r.output
    assert "added 2 row(s)" in r.output, r.output


def test_rank_without_a_judged_figure_says_what_the_list_below_is(plan: Path):
    # Ha Long and Cam Pha have 2023 figures, none in the target's 2030-2031: the units are
    # listed (not available, one shared rank), so "none is ranked" would contradict them.
    text = (
        PLAN
        + "  - {id: later, type: every_period, indicator: g, at_least: 1, from: 2030, to: 2031, for_each: locality}\n"
    )
    (plan / "targets.yaml").write_text(text, encoding="utf-8")
    r = run_clean("rank", "later", "--format", "csv")
    assert r.exit_code == 0, r.output
    rows = r.stdout.splitlines()[1:]
    assert [row.split(",")[:3] for row in rows] == [
        ["1", "Hạ Long", "not_available"],
        ["1", "Cẩm Phả", "not_available"],
    ]
    assert "none is ranked" not in r.stderr
    assert "no unit of 'later' has a figure the target judges yet" in r.stderr, r.stderr
    assert "share one rank" in r.stderr, r.stderr


def test_history_and_observations_take_a_unit_in_brackets_as_observations_prints_it(plan: Path):
    # observations --format csv prints a unit as g[locality=Ha Long]; a user copies it.
    by_dim = run_clean("history", "g", "--dim", "locality=Hạ Long", "--format", "csv")
    by_key = run_clean("history", "g[locality=hạ  long]", "--format", "csv")
    assert by_key.exit_code == 0, by_key.output
    assert by_key.stdout == by_dim.stdout and "2023,13,official" in by_key.stdout
    r = run_clean("observations", "-i", "g[locality=Cẩm Phả]", "--format", "csv")
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines()[1:] == ["g[locality=Cẩm Phả],2023,10,official,,,2024-03-01T00:00:00Z"]


@pytest.mark.parametrize(
    "key, words",
    [
        ("g[locality=Halong]", "'Halong' is not a unit of 'locality'"),
        ("g[locality=Hạ Long", "'g[locality=Hạ Long' is not an indicator and unit"),
        ("g[]", "'g[]' is not an indicator and unit"),
        ("G[locality=Hạ Long]", "no indicator 'G'"),
    ],
)
def test_history_refuses_a_bracketed_key_that_names_no_unit(plan: Path, key: str, words: str):
    r = run_clean("history", key)
    # A key that does not read is refused for its form alone, as `--dim locality` is (2); a
    # unit or an indicator the plan lacks is invalid input (1). Session 37, pass H (README,
    # "Exit codes"); the unreadable keys exited 1 before.
    assert r.exit_code == (2 if "not an indicator and unit" in words else 1), r.output
    assert words in r.stderr, r.stderr
    assert r.stdout == ""


CROSSED = dedent("""
    title: Crossed plan
    dimensions:
      locality: {values: [A, B]}
      sex: {values: [f, m]}
    indicators:
      g: {name: G, unit: bn, measure: flow, dimensions: [locality, sex]}
    targets: []
""")


def test_check_adds_up_the_cells_of_two_dimensions_to_each_subtotal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    store = dedent("""
        indicator,period,value,status,source,note,recorded_at
        g,2021,100,official,,,2022-01-01T00:00:00Z
        g[locality=A],2021,60,official,,,2022-01-01T00:00:00Z
        g[locality=B],2021,40,official,,,2022-01-01T00:00:00Z
        g[sex=f],2021,50,official,,,2022-01-01T00:00:00Z
        g[sex=m],2021,55,official,,,2022-01-01T00:00:00Z
        g[locality=A;sex=f],2021,30,official,,,2022-01-01T00:00:00Z
        g[sex=m;locality=A],2021,30,official,,,2022-01-01T00:00:00Z
        g[locality=B;sex=f],2021,20,official,,,2022-01-01T00:00:00Z
        g[locality=B;sex=m],2021,90,official,,,2022-01-01T00:00:00Z
    """)
    make_tracker(tmp_path, monkeypatch, CROSSED, store)
    r = run_clean("check", "units-sum")
    assert r.exit_code == 0, r.output
    warned = sorted(line for line in r.stderr.splitlines() if ": warning: " in line)
    # Total: locality 60 + 40 = 100 (fine); sex 50 + 55 = 105, 5 % off 100.
    # A: 30 + 30 = 60 (fine); B: 20 + 90 = 110 against 40. f: 30 + 20 = 50 (fine);
    # m: 30 (A, its key typed in another order) + 90 = 120 against 55.
    assert warned == [
        "observations.csv:2: warning: g 2021: the total is 100, but its 2 units of 'sex' add up to 105",
        "observations.csv:4: warning: g[locality=B] 2021: the total is 40, but its 2 units of 'sex' add up to 110",
        "observations.csv:6: warning: g[sex=m] 2021: the total is 55, but its 2 units of 'locality' add up to 120",
    ], r.stderr


AMOUNTS = dedent("""
    title: Amounts
    dimensions:
      locality: {values: [A, B]}
    indicators:
      f: {name: F, unit: bn, measure: flow, dimensions: [locality]}
    targets:
      - {id: p, type: plan, indicator: f, period: 2024, value: 100, for_each: locality, overrides: OVERRIDES}
""")


@pytest.mark.parametrize(
    "target, overrides, words",
    [
        ("", "{B: {period: 2025}}", "overrides.B gives no amount of its own (value)"),
        (
            "{id: p, type: cumulative, indicator: f, at_least: 300, from: 2021, to: 2025, for_each: locality,"
            " overrides: OVERRIDES}",
            "{A: {from: 2022}}",
            "overrides.A gives no amount of its own (at_least, at_most)",
        ),
    ],
)
def test_an_override_of_an_amount_must_give_the_units_own_amount(target: str, overrides: str, words: str):
    # The province's plan (100) is not B's: B's override giving only a period made it B's
    # own plan, and B was judged achieved against the whole province's amount.
    text = AMOUNTS
    if target:
        text = text.replace(text.splitlines()[-1], "  - " + target)
    found = problems(text.replace("OVERRIDES", overrides))
    assert any(words in p for p in found), found


def test_an_override_of_an_amount_with_its_own_amount_reads():
    from qntrack.files.definitions import parse_plan

    plan = parse_plan(AMOUNTS.replace("OVERRIDES", "{B: {period: 2025, value: 7}}"), "targets.yaml")
    ((dims, own),) = plan.target("p").overrides
    assert dims == (("locality", "B"),) and own.value == 7


@pytest.mark.parametrize("given", ["[]", "~", "''"])
def test_a_for_each_naming_no_dimension_is_refused(given: str):
    found = problems(PLAN.replace("for_each: locality}", f"for_each: {given}}}"))
    assert any(
        "target 'g-dd': for_each names no dimension: give a dimension of indicator 'g' (locality)" in p for p in found
    ), found


def test_a_dimension_declared_with_nothing_is_an_open_list():
    from qntrack.files.definitions import parse_plan

    text = PLAN.replace("dimensions:\n  locality:", "dimensions:\n  sex:\n  locality:")
    dimension = parse_plan(text, "targets.yaml").dimensions["sex"]
    assert dimension.values is None and dimension.name.en == "sex"


@pytest.mark.parametrize(
    "name, column",
    [("{en: Value, vi: Vùng}", "value"), ("{en: Place, vi: Kỳ}", "period"), ("Nguồn", "source")],
)
def test_a_dimension_named_as_an_import_column_is_refused(name: str, column: str):
    # A dimension named "Value" took the import's value column: "the header needs value
    # (found: indicator, period, value)".
    found = problems(PLAN.replace("name: {en: Locality, vi: Địa phương}", f"name: {name}"))
    assert any(f"is also the name of an import's column ({column})" in p for p in found), found


def test_two_dimensions_of_one_name_are_refused():
    text = PLAN.replace(
        "dimensions:\n  locality:", "dimensions:\n  area: {name: {en: Place, vi: Địa phương}}\n  locality:"
    )
    found = problems(text)
    assert any("dimension 'locality': its name 'Địa phương' is also a name of dimension 'area'" in p for p in found), (
        found
    )


def test_a_figure_outside_its_units_dates_can_be_withdrawn(plan: Path):
    # Uong Bi ended on 2022-12-31 here: a 2023 figure typed by hand is refused by check; the
    # user withdraws it (append-only: never by editing the file), and check is clean.
    (plan / "targets.yaml").write_text(PLAN.replace('until: "2025-06-30"', 'until: "2022-12-31"'), encoding="utf-8")
    with open(plan / "observations.csv", "a", encoding="utf-8") as fh:
        fh.write("g[locality=Uông Bí],2023,8,official,,,2024-03-01T00:00:00Z\n")
    r = run_clean("check", "unit")
    assert r.exit_code == 1 and "a figure for 'Uông Bí' in 2023" in r.stderr, r.output
    r = run_clean("retract", "g", "2023", "--dim", "locality=Uông Bí")
    assert r.exit_code == 0, r.output
    assert store_text(plan).splitlines()[-1].startswith("g[locality=Uông Bí],2023,,retracted,,,")
    r = run_clean("check", "unit")
    assert r.exit_code == 0, r.output
    assert "Uông Bí" not in r.stderr
    r = run_clean("rank", "g-dd", "--format", "csv")
    assert "Uông Bí" not in r.stdout


def test_a_figure_outside_its_units_dates_is_still_refused_when_recorded(plan: Path):
    before = store_text(plan)
    r = run_clean("add-observation", "g", "2025-Q4", "8", "--dim", "locality=Uông Bí", "--force")
    assert r.exit_code == 1 and "'Uông Bí' did not exist in 2025-Q4" in r.stderr, r.output
    assert store_text(plan) == before


def test_a_unit_whose_only_figure_is_withdrawn_leaves_the_breakdown(plan: Path):
    # docs/decisions.md: a breakdown lists the units with figures in force (and those with
    # their own values). Cam Pha's only figure withdrawn, it has none: only Ha Long is left,
    # and the roll-up counts one unit.
    assert run_clean("retract", "g", "2023", "--dim", "locality=Cẩm Phả").exit_code == 0
    import json

    doc = json.loads(run_clean("status", "--format", "json").stdout)
    (t,) = doc["targets"]
    # Uông Bí, declared with no figure, is listed after it, not counted (issue 17, twenty-first
    # session); Cẩm Phả is not among those: its withdrawn figure is said on its own line.
    assert [u["dims"] for u in t["breakdown"]] == [{"locality": "Hạ Long"}, {"locality": "Uông Bí"}]
    assert t["rollup"]["count"] == 1 and t["rollup"]["units_without_figure"] == [{"locality": "Uông Bí"}]


@pytest.mark.parametrize("pasted", ["Hạ Long\u200b", "\ufeffHạ Long", "Hạ\u00a0Long\u2060", "Hạ\u200e Long"])
def test_invisible_characters_pasted_with_a_unit_are_dropped(plan: Path, pasted: str):
    # A cell copied from a web page or a spreadsheet brings zero-width spaces, a byte order
    # mark, direction marks: "'Ha Long' is not a unit; did you mean 'Ha Long'?" baffled.
    r = run_clean("add-observation", "g", "2024", "5", "--dim", f"locality={pasted}")
    assert r.exit_code == 0, r.output
    assert store_text(plan).splitlines()[-1].startswith("g[locality=Hạ Long],2024,5,")


def test_invisible_characters_are_dropped_from_an_open_units_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    make_tracker(tmp_path, monkeypatch, OPEN, "indicator,period,value,status,source,note,recorded_at\n")
    (tmp_path / "in.csv").write_text("indicator,sex,period,value\ng,female\u200b,2021,1\ng,female,2022,2\n", "utf-8")
    r = run_clean("add-observation", "--from", "in.csv")
    assert r.exit_code == 0, r.output
    assert [line.split(",")[0] for line in store_text(tmp_path).splitlines()[1:]] == ["g[sex=female]"] * 2


def test_a_round_trip_of_units_whose_names_need_quotes_adds_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # A unit with ',' or '"' is written quoted ("g[sex=a,b]"): the append looked for its
    # rows as g[ at a line's start and found none, so every such figure was added again.
    make_tracker(tmp_path, monkeypatch, OPEN, "indicator,period,value,status,source,note,recorded_at\n")
    for unit in ("a,b", 'x"y', "plain"):
        assert run_clean("add-observation", "g", "2021", "1", "--dim", f"sex={unit}").exit_code == 0
    assert '"g[sex=a,b]",2021,1' in store_text(tmp_path)
    (tmp_path / "round.csv").write_text(run_clean("observations", "--format", "csv").stdout, "utf-8")
    before = store_text(tmp_path)
    r = run_clean("add-observation", "--from", "round.csv")
    assert r.exit_code == 0, r.output
    assert "all 3 row(s) are already recorded" in r.output, r.output
    assert store_text(tmp_path) == before


def test_a_thousand_units_are_looked_up_without_a_scan_each(monkeypatch: pytest.MonkeyPatch):
    # Each override and store key names a unit: matched against every declared unit in
    # turn, a province of a thousand communes cost a million name comparisons.
    from qntrack.plan import units as units_module
    from qntrack.plan.model import Text
    from qntrack.plan.units import Dimension, Unit

    dimension = Dimension("locality", Text.plain("locality"), tuple(Unit(f"Xã {i}") for i in range(1000)))
    calls = 0
    real = units_module.unit_match

    def counting(text: str) -> str:
        nonlocal calls
        calls += 1
        return real(text)

    monkeypatch.setattr(units_module, "unit_match", counting)
    found = [dimension.unit(f"xã  {i}") for i in range(1000)]
    assert [u.value for u in found if u] == [f"Xã {i}" for i in range(1000)]
    assert calls == 1000  # one per lookup: the declared names were matched once, when declared


TONES = PLAN.replace('[Hạ Long, Cẩm Phả, {value: Uông Bí, until: "2025-06-30"}]', "[Hòa Bình, Thủy Nguyên, Hà Bình]")


@pytest.mark.parametrize(
    "typed, stored",
    [("Hoà Bình", "Hòa Bình"), ("hoà  bình", "Hòa Bình"), ("Thuỷ Nguyên", "Thủy Nguyên"), ("Hà Bình", "Hà Bình")],
)
def test_old_and_new_tone_placement_name_one_unit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: str, stored: str
):
    # Vietnamese writes the tone of "oa", "oe", "uy" on either vowel (hoà / hòa, thuỷ /
    # thủy); offices use both. One syllable has one tone: where it sits changes nothing.
    make_tracker(tmp_path, monkeypatch, TONES, "indicator,period,value,status,source,note,recorded_at\n")
    r = run_clean("add-observation", "g", "2021", "1", "--dim", f"locality={typed}")
    assert r.exit_code == 0, r.output
    assert store_text(tmp_path).splitlines()[-1].startswith(f"g[locality={stored}],2021,1,")


def test_tone_placement_never_merges_two_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # Ha Binh is not Hoa Binh, and "Hà Bình" (tones on both syllables) is not "Ha Bình".
    make_tracker(tmp_path, monkeypatch, TONES, "indicator,period,value,status,source,note,recorded_at\n")
    r = run_clean("add-observation", "g", "2021", "1", "--dim", "locality=Ha Bình")
    assert r.exit_code == 1 and "'Ha Bình' is not a unit of 'locality'" in r.stderr, r.output


def test_one_name_in_two_tone_placements_is_listed_twice():
    found = problems(TONES.replace("Hà Bình]", "Hoà Bình]"))
    assert any("unit 'Hoà Bình' is listed twice" in p for p in found), found


def test_an_indicators_single_dimension_may_be_written_without_brackets():
    # for_each takes "locality" or a list; an indicator's "dimensions: locality" was refused
    # with an example of unit names ("e.g. [Ha Long, Cam Pha]"), not of dimensions.
    from qntrack.files.definitions import parse_plan

    plan = parse_plan(PLAN.replace("dimensions: [locality]", "dimensions: locality"), "targets.yaml")
    assert plan.indicators["g"].dimensions == ("locality",)
    found = problems(PLAN.replace("dimensions: [locality]", "dimensions: {locality: 1}"))
    assert any("dimensions must be a list of dimensions, e.g. [locality], not a mapping" in p for p in found), found


def test_predecessors_are_kept_in_their_declared_spelling():
    # The report finds a predecessor's figures under its store key: "uong  bi" typed in
    # from: found none (the key is g[locality=Uong Bi], in the declared spelling).
    from qntrack.files.definitions import parse_plan

    text = PLAN.replace(
        '{value: Uông Bí, until: "2025-06-30"}]',
        '{value: Uông Bí, until: "2025-06-30"}, {value: Mới, since: "2025-07-01", from: [uông  BÍ]}]',
    )
    units = parse_plan(text, "targets.yaml").dimensions["locality"].values or ()
    assert units[-1].predecessors == ("Uông Bí",)


# --- two figures for one unit, period and moment, spelt two ways (a hostile differential run) ---


def _imported(folder: Path, rows: str, header: str = "indicator,locality,period,value,recorded_at"):
    """``add-observation --from`` a file of ``rows`` under ``header``, run in ``folder``."""
    (folder / "in.csv").write_text(f"{header}\n{rows}", encoding="utf-8")
    return run_clean("add-observation", "--from", "in.csv")


def _refused_as_twins(r, folder: Path, before: str) -> None:
    assert r.exit_code == 1, r.output
    assert "in.csv:3:" in r.stderr and "already given on line 2" in r.stderr, r.stderr
    assert store_text(folder) == before


@pytest.mark.parametrize(
    "first, second",
    [
        ("g[locality=Hạ Long],,2024", "g,Hạ Long,2024"),  # the unit in brackets, then in its column
        ("g[locality=Hạ Long],,2024", "g[locality=hạ long],,2024"),  # another case
    ],
)
def test_two_figures_for_one_unit_spelt_two_ways_are_refused(plan: Path, first: str, second: str):
    # Both were written, and `check` then called the store wrong: two vintages of one
    # moment, the one in force left to file order.
    before = store_text(plan)
    r = _imported(plan, f"{first},1,2026-01-01T00:00:00Z\n{second},2,2026-01-01T00:00:00Z\n")
    _refused_as_twins(r, plan, before)


def test_the_same_figure_for_one_unit_spelt_two_ways_is_added_once(plan: Path):
    before = store_text(plan)
    r = _imported(plan, "g[locality=Hạ Long],,2024,1,2026-01-01T00:00:00Z\ng,hạ long,2024,1,2026-01-01T00:00:00Z\n")
    assert r.exit_code == 0, r.output
    assert store_text(plan) == before + "g[locality=Hạ Long],2024,1,,,,2026-01-01T00:00:00Z\n"


def test_two_figures_for_one_moment_written_with_and_without_the_plans_zone_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # 07:00 in the plan's zone (+07:00) is 00:00Z: the same moment, said two ways.
    folder = make_tracker(tmp_path, monkeypatch, 'timezone: "+07:00"\n' + PLAN, STORE)
    before = store_text(folder)
    r = _imported(
        folder,
        "g[locality=Cẩm Phả],2024,1,2026-01-01T07:00:00\ng[locality=Cẩm Phả],2024,2,2026-01-01T00:00:00Z\n",
        header="indicator,period,value,recorded_at",
    )
    _refused_as_twins(r, folder, before)


def test_a_row_whose_figure_does_not_read_is_no_twin_of_a_good_one(plan: Path):
    # Its stand-in 0 (so that its other cells are still checked) was compared with the
    # good row's figure, and the good row was blamed for a duplicate it is not.
    r = _imported(plan, "g,Hạ Long,2024,abc,2026-01-01T00:00:00Z\ng[locality=Hạ Long],,2024,10,2026-01-01T00:00:00Z\n")
    assert r.exit_code == 1, r.output
    assert "in.csv:2:" in r.stderr and "in.csv:3:" not in r.stderr, r.stderr


@pytest.mark.parametrize("heading", ["Địa phương", "địa phương", "Locality", "Địa phương (cấp huyện)"])
def test_a_column_headed_by_the_dimensions_short_name_is_its_column(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, heading: str
):
    # The shipped plan names its dimension "Địa phương (cấp huyện đến 30/6/2025)": an officer
    # heads the column "Địa phương", which was an unknown column (the hostile province pass).
    qualified = "name: {en: Locality (district level until 2025), vi: Địa phương (cấp huyện đến 30/6/2025)}"
    tracker = make_tracker(
        tmp_path, monkeypatch, PLAN.replace("name: {en: Locality, vi: Địa phương}", qualified), STORE
    )
    (tracker / "in.csv").write_text(f"indicator,{heading},period,value\ng,Hạ Long,2024,9.5\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "in.csv")
    if heading.endswith("(cấp huyện)"):  # another qualifier is another column: not guessed at
        assert r.exit_code == 1 and "unknown column" in r.stderr, r.output
        return
    assert r.exit_code == 0, r.output
    assert store_text(tracker).splitlines()[-1].startswith("g[locality=Hạ Long],2024,9.5,"), store_text(tracker)


def test_a_short_name_two_dimensions_share_names_neither(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    plan = PLAN.replace(
        "name: {en: Locality, vi: Địa phương}", "name: {en: Locality (district), vi: Địa phương (cấp huyện)}"
    ).replace(
        "dimensions:\n  locality:",
        "dimensions:\n  commune:\n    name: {en: Locality (commune), vi: Địa phương (cấp xã)}\n"
        "    values: [Bãi Cháy]\n  locality:",
    )
    tracker = make_tracker(tmp_path, monkeypatch, plan, STORE)
    (tracker / "in.csv").write_text("indicator,Địa phương,period,value\ng,Hạ Long,2024,9.5\n", encoding="utf-8")
    before = store_text(tracker)
    r = run_clean("add-observation", "--from", "in.csv")
    assert r.exit_code == 1 and "unknown column" in r.stderr, r.output
    assert store_text(tracker) == before


@pytest.mark.parametrize("heading", ["source", "Source", "Nguồn", "status", "Kỳ"])
def test_a_short_name_that_is_one_of_our_columns_names_the_column_not_the_dimension(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, heading: str
):
    # A dimension "Source (of funds)" (Nguồn (vốn)) had taken the file's source column:
    # "'https://...' is not a unit of 'funding'", and with both columns "column 'funding'
    # appears twice"; a file that imported before the short names were read no longer did.
    plan = PLAN.replace(
        "dimensions:\n  locality:",
        "dimensions:\n  funding:\n    name: {en: Source (of funds), vi: Nguồn (vốn)}\n    values: [ODA]\n"
        "  legal:\n    name: {en: Status (legal), vi: Kỳ (kế hoạch)}\n    values: [Open]\n  locality:",
    )
    tracker = make_tracker(tmp_path, monkeypatch, plan, STORE)
    cell = {"source": "https://example.org/a", "Source": "https://example.org/a", "Nguồn": "https://example.org/a"}
    period = heading == "Kỳ"
    header = "indicator,locality,value," + ("Kỳ" if period else f"period,{heading}")
    row = "g,Hạ Long,9.5," + ("2024" if period else "2024," + cell.get(heading, "official"))
    (tracker / "in.csv").write_text(f"{header}\n{row}\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "in.csv", "--recorded-at", "2026-01-01T00:00:00Z")
    assert r.exit_code == 0, r.output
    last = store_text(tracker).splitlines()[-1]
    assert last.startswith("g[locality=Hạ Long],2024,9.5,"), last
    if heading in cell:
        assert "https://example.org/a" in last, last
    elif not period:
        assert ",official," in last, last


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_an_unknown_column_of_a_wide_table_is_told_the_dimension_columns(plan: Path, suffix: str):
    # The long table's message named the dimension a column may be headed by; the wide
    # table's did not, so a misspelt 'locality' heading read as a bad period alone.
    rows = [["indicator", "Hạng", "2023", "2024"], ["g", "Hạ Long", "10", "11"]]
    if suffix == ".csv":
        (plan / f"w{suffix}").write_text("\n".join(",".join(r) for r in rows) + "\n", encoding="utf-8")
    else:
        import openpyxl

        book = openpyxl.Workbook()
        for r in rows:
            book.active.append(r)
        book.save(plan / f"w{suffix}")
    before = store_text(plan)
    r = run_clean("add-observation", "--from", f"w{suffix}", "--wide")
    assert r.exit_code == 1, r.output
    assert "nor a breakdown's column (locality)" in r.stderr, r.stderr
    assert store_text(plan) == before
    vi = run_clean("--lang", "vi", "add-observation", "--from", f"w{suffix}", "--wide")
    assert "cột của phân tổ (locality)" in vi.stderr, vi.stderr
