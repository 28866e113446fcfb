"""Defects of the files side found by the hostile pass (issue 12, fix round f4).

Each test reproduces what a tester did on a fresh install; expected texts and stored
timestamps are worked out by hand from the documented rules (a bare date is midnight UTC).
"""

from __future__ import annotations

import pytest

from helpers import run_clean, store_text
from qntrack.files.rules import recorded_at as normalise_timestamp
from qntrack.method.timing import timing_problems
from qntrack.plan.periods import parse_period


# 1. Years below 1000 --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, stored",
    [
        ("0001-01-01", "0001-01-01T00:00:00Z"),
        ("0999-01-01", "0999-01-01T00:00:00Z"),
        ("0999-01-01T10:00:00+07:00", "0999-01-01T03:00:00Z"),
        ("0002-01-01T03:00:00+07:00", "0001-12-31T20:00:00Z"),
    ],
)
def test_years_below_1000_keep_four_digits(text: str, stored: str) -> None:
    assert normalise_timestamp(text) == stored


def test_timing_reads_a_year_below_1000() -> None:
    kinds = [
        kind
        for kind, _ in timing_problems(parse_period("2019"), "0999-01-01T00:00:00Z", "official", "2026-01-01T00:00:00Z")
    ]
    assert kinds == ["not-begun"]


@pytest.mark.parametrize("stamp", ["0001-01-01", "0999-01-01"])
def test_add_observation_with_an_ancient_date_says_one_thing(tracker, stamp: str) -> None:
    before = store_text(tracker)
    r = run_clean("add-observation", "share", "2019", "10", "--status", "official", "--recorded-at", stamp)
    assert r.exit_code == 1
    assert "2019" in r.stderr and stamp in r.stderr
    assert store_text(tracker) == before


def test_retract_with_an_ancient_date_says_one_thing(tracker) -> None:
    before = store_text(tracker)
    r = run_clean("retract", "share", "2021", "--recorded-at", "0999-01-01")
    assert r.exit_code == 1
    assert "0999-01-01" in r.stderr
    assert store_text(tracker) == before


def test_import_with_an_ancient_date_says_one_thing(tracker) -> None:
    (tracker / "new.csv").write_text(
        "indicator,period,value,status,recorded_at\nshare,2019,10,official,0999-01-01\n", encoding="utf-8"
    )
    before = store_text(tracker)
    r = run_clean("add-observation", "--from", "new.csv")
    assert r.exit_code == 1
    assert "new.csv" in r.stderr and "0999-01-01" in r.stderr
    assert store_text(tracker) == before


# 2. A compact date is the same bare date ------------------------------------------------
# Since the thirty-third session the basic form (20240402) is told "write 2024-04-02", in
# the store and typed alike (tests/test_s33_l.py): the store keeps one spelling.


@pytest.mark.parametrize("text", ["2024-04-02"])
def test_a_bare_date_in_either_spelling_is_midnight_utc(text: str) -> None:
    from qntrack.method.timing import parse_zone

    assert normalise_timestamp(text) == "2024-04-02T00:00:00Z"
    assert normalise_timestamp(text, parse_zone("+07:00")) == "2024-04-02T00:00:00Z"


@pytest.mark.parametrize("text", ["2024-04-02"])
def test_add_observation_compact_date_with_and_without_tz(tracker, text: str) -> None:
    r = run_clean("add-observation", "share", "2024-Q1", "13", "--recorded-at", text, "--tz", "+07:00")
    assert r.exit_code == 0, r.stderr
    assert store_text(tracker).splitlines()[-1].endswith(",2024-04-02T00:00:00Z")
    r = run_clean("add-observation", "share", "2023", "12.4", "--recorded-at", text)
    assert r.exit_code == 0, r.stderr
    assert store_text(tracker).splitlines()[-1].endswith(",2024-04-02T00:00:00Z")


# 3. Nesting too deep: YAML and formulas -------------------------------------------------


def _deep_yaml(levels: int) -> str:
    return "version: 1\nx: " + "[" * levels + "]" * levels + "\n"


@pytest.mark.parametrize(
    "command", [("status",), ("check",), ("show", "share"), ("add-observation", "share", "2023", "12")]
)
def test_deeply_nested_yaml_is_one_message(tracker, command: tuple[str, ...]) -> None:
    (tracker / "deep.yaml").write_text(_deep_yaml(1000), encoding="utf-8")
    r = run_clean("-t", "deep.yaml", *command)
    assert r.exit_code == 1, r.output
    assert "deep.yaml" in r.stderr and "nested too deeply" in r.stderr
    assert len(r.stderr.strip().splitlines()) <= 3, r.stderr


def test_yaml_600_levels_is_read_as_yaml(tracker) -> None:
    # 600 levels compose; the plan is then refused for what it says (unknown key x), not for depth.
    (tracker / "deep.yaml").write_text(_deep_yaml(600), encoding="utf-8")
    r = run_clean("-t", "deep.yaml", "check")
    assert r.exit_code == 1
    assert "nested too deeply" not in r.stderr


@pytest.mark.parametrize("formula", ["(" * 1500 + "a" + ")" * 1500, "+".join(["a"] * 30_000), "-" * 5000 + "a"])
def test_formula_too_deep_or_long_is_one_message(formula: str) -> None:
    from qntrack.plan.formula import FormulaError, parse_formula

    with pytest.raises(FormulaError) as err:
        parse_formula(formula)
    assert "formula" in str(err.value)


def test_formula_of_hundreds_of_terms_still_computes() -> None:
    from qntrack.plan.formula import parse_formula

    # 400 terms: a national total of every commune's figure is long but honest.
    assert parse_formula("+".join(["a"] * 400)).evaluate({"a": 0.5}) == 200.0
    assert parse_formula("(" * 90 + "a" + ")" * 90).evaluate({"a": 3.0}) == 3.0


def test_formula_too_deep_in_targets_is_one_message(tracker) -> None:
    text = (tracker / "targets.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "    direction: decrease\n",
        '    direction: decrease\n  total:\n    name: "Total"\n'
        '    unit: "%"\n    formula: "' + "(" * 150 + "share" + ")" * 150 + '"\n',
        1,
    )
    (tracker / "targets.yaml").write_text(text, encoding="utf-8")
    r = run_clean("check")
    assert r.exit_code == 1
    assert "targets.yaml" in r.stderr and "total" in r.stderr and "nested too deeply" in r.stderr


# 4. A store with its columns in another order -------------------------------------------

REORDERED = (
    "indicator,period,value,status,recorded_at,source,note\n"
    "share,2021,11.3,estimate,2022-01-10T00:00:00Z,src-a,\n"
    "mining,2015,21.3,,2016-01-01T00:00:00Z,src-e,\n"
)


def _reordered(tracker):
    (tracker / "observations.csv").write_text(REORDERED, encoding="utf-8")
    return tracker


def _rows(tracker) -> list:
    from qntrack.files.store import read_store

    contents = read_store(tracker / "observations.csv")
    assert contents.problems == ()
    return [(o.indicator, str(o.period), o.value, o.status, o.source, o.recorded_at) for o in contents.observations]


def test_single_add_keeps_the_files_column_order(tracker) -> None:
    _reordered(tracker)
    r = run_clean(
        "add-observation",
        "share",
        "2023",
        "12.3",
        "--status",
        "estimate",
        "--source",
        "src-c",
        "--recorded-at",
        "2023-10-15",
    )
    assert r.exit_code == 0, r.stderr
    assert store_text(tracker).splitlines()[-1] == "share,2023,12.3,estimate,2023-10-15T00:00:00Z,src-c,"
    assert _rows(tracker)[-1] == ("share", "2023", 12.3, "estimate", "src-c", "2023-10-15T00:00:00Z")
    assert run_clean("check").exit_code == 0
    assert run_clean("status").exit_code == 0


def test_import_keeps_the_files_column_order(tracker) -> None:
    _reordered(tracker)
    (tracker / "new.csv").write_text(
        "indicator,period,value,status,source,recorded_at\n"
        "share,2022,11.5,official,src-b,2023-01-10\n"
        "mining,2020,17.3,estimate,src-f,2020-10-15\n",
        encoding="utf-8",
    )
    r = run_clean("add-observation", "--from", "new.csv")
    assert r.exit_code == 0, r.stderr
    assert store_text(tracker).splitlines()[-2:] == [
        "share,2022,11.5,official,2023-01-10T00:00:00Z,src-b,",
        "mining,2020,17.3,estimate,2020-10-15T00:00:00Z,src-f,",
    ]
    assert _rows(tracker)[-1] == ("mining", "2020", 17.3, "estimate", "src-f", "2020-10-15T00:00:00Z")
    assert run_clean("check").exit_code == 0


def test_retract_keeps_the_files_column_order(tracker) -> None:
    _reordered(tracker)
    r = run_clean("retract", "share", "2021", "--recorded-at", "2022-02-01", "--note", "wrong table")
    assert r.exit_code == 0, r.stderr
    assert store_text(tracker).splitlines()[-1] == "share,2021,,retracted,2022-02-01T00:00:00Z,,wrong table"
    assert _rows(tracker)[-1][3] == "retracted"
    assert run_clean("check").exit_code == 0
    assert run_clean("history", "share", "2021").exit_code == 0


def test_a_quoted_reordered_header_keeps_its_order_too(tracker) -> None:
    (tracker / "observations.csv").write_text(
        '"indicator","value","period","status","recorded_at","note","source"\n'
        "share,11.3,2021,estimate,2022-01-10T00:00:00Z,,src-a\n",
        encoding="utf-8",
    )
    r = run_clean("add-observation", "share", "2023", "12.3", "--status", "estimate", "--recorded-at", "2023-10-15")
    assert r.exit_code == 0, r.stderr
    assert store_text(tracker).splitlines()[-1] == "share,12.3,2023,estimate,2023-10-15T00:00:00Z,,"
    assert run_clean("check").exit_code == 0


# 5. A store the readers refuse is not appended to ---------------------------------------


def _cp1258(tracker):
    text = store_text(tracker).replace("src-e", "Tài chính Đà")
    (tracker / "observations.csv").write_bytes(text.encode("cp1258"))
    return (tracker / "observations.csv").read_bytes()


@pytest.mark.parametrize(
    "args",
    [
        ("add-observation", "share", "2023", "12.4"),
        ("retract", "share", "2021"),
        ("add-observation", "--from", "new.csv"),
        ("add-observation", "share", "2023", "12.4", "--dry-run"),
        ("add-observation", "--from", "new.csv", "--dry-run"),
    ],
)
def test_a_store_not_in_utf8_is_not_appended_to(tracker, args: tuple[str, ...]) -> None:
    (tracker / "new.csv").write_text("indicator,period,value,status\nshare,2022,11.6,official\n", encoding="utf-8")
    before = _cp1258(tracker)
    reader = run_clean("status")
    assert reader.exit_code == 1 and "not UTF-8" in reader.stderr
    r = run_clean(*args)
    assert r.exit_code == 1, r.output
    assert "observations.csv:6" in r.stderr and "not UTF-8" in r.stderr
    assert (tracker / "observations.csv").read_bytes() == before


@pytest.mark.parametrize("args", [("status",), ("check",), ("add-observation", "share", "2023", "12.4")])
def test_a_store_saved_as_utf16_says_so(tracker, args: tuple[str, ...]) -> None:
    (tracker / "observations.csv").write_bytes(store_text(tracker).encode("utf-16"))
    before = (tracker / "observations.csv").read_bytes()
    r = run_clean(*args)
    assert r.exit_code == 1
    assert "UTF-16" in r.stderr and "UTF-8" in r.stderr
    assert (tracker / "observations.csv").read_bytes() == before


# 6. Vietnamese period names in every command that takes a period ------------------------


@pytest.mark.parametrize("typed, canonical", [("Năm 2021", "2021"), ("năm 2021", "2021")])
def test_retract_reads_a_vietnamese_period(tracker, typed: str, canonical: str) -> None:
    r = run_clean("retract", "share", typed, "--recorded-at", "2022-02-01")
    assert r.exit_code == 0, r.stderr
    assert store_text(tracker).splitlines()[-1] == f"share,{canonical},,retracted,,,2022-02-01T00:00:00Z"


@pytest.mark.parametrize("lang", [(), ("--lang", "vi")])
@pytest.mark.parametrize(
    "typed, canonical", [("Quý I/2024", "2024-Q1"), ("Năm 2021", "2021"), ("9 tháng đầu năm 2021", "2021-9M")]
)
def test_history_reads_a_vietnamese_period(tracker, lang: tuple[str, ...], typed: str, canonical: str) -> None:
    import json

    r = run_clean(*lang, "history", "share", typed, "--format", "json")
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["period"] == canonical


def test_history_with_foreign_digits_is_refused(tracker) -> None:
    r = run_clean("history", "share", "Năm ２０２１")
    assert r.exit_code == 2
    assert "２０２１" in r.stderr


# 7. Target ids that the command line would read as options ------------------------------


@pytest.mark.parametrize("tid", ["-rf", "-", "--", "-share"])
def test_a_target_id_starting_with_a_dash_is_refused(tracker, tid: str) -> None:
    text = (tracker / "targets.yaml").read_text(encoding="utf-8").replace("  - id: mining\n", f"  - id: '{tid}'\n")
    (tracker / "targets.yaml").write_text(text, encoding="utf-8")
    r = run_clean("check")
    assert r.exit_code == 1
    line = next(x for x in r.stderr.splitlines() if f"'{tid}'" in x)
    assert line.startswith("targets.yaml:") and "'-'" in line and "option" in line and "letter or digit" in line


def test_a_dash_inside_a_target_id_is_still_fine() -> None:
    from conftest import SMALL_TARGETS

    text = SMALL_TARGETS.replace("  - id: mining\n", "  - id: mining-2030-\n")
    from qntrack.files.definitions import parse_plan

    assert [t.id for t in parse_plan(text).targets] == ["share", "mining-2030-"]


# 8. The size of a targets file too big is its real size ---------------------------------


def test_a_targets_file_too_big_says_its_real_size(tracker) -> None:
    with open(tracker / "big.yaml", "wb") as fh:
        fh.truncate(17_000_000)  # 16.21 MiB: said "16 MiB; at most 16 MiB" before
    r = run_clean("-t", "big.yaml", "status")
    assert r.exit_code == 1
    assert r.stderr == (
        "big.yaml: error: targets file is 16.2 MiB (17,000,000 bytes); at most 16 MiB "
        "(16,777,216 bytes) is accepted: is this the right file?\n"
    )


def test_one_byte_too_big_is_not_said_to_be_the_limit(tracker) -> None:
    with open(tracker / "big.yaml", "wb") as fh:
        fh.truncate(16 * 1024 * 1024 + 1)
    r = run_clean("-t", "big.yaml", "check")
    assert r.exit_code == 1
    assert "(16,777,217 bytes); at most 16 MiB (16,777,216 bytes)" in r.stderr


def test_the_size_in_vietnamese_has_a_decimal_comma(tracker) -> None:
    with open(tracker / "big.yaml", "wb") as fh:
        fh.truncate(17_000_000)
    r = run_clean("--lang", "vi", "-t", "big.yaml", "status")
    assert r.exit_code == 1
    assert "16,2 MiB (17.000.000 byte); chỉ nhận tối đa 16 MiB (16.777.216 byte)" in r.stderr


# 9. A folder that cannot be written is named, not the store ------------------------------


def _folder_refuses_new_files(monkeypatch, folder) -> None:
    """What `chattr +i` on the folder does (the store itself stays writable): no file can
    be made there, so the journal of an append cannot be written."""
    import errno

    import qntrack.files.starter as starter

    def refuse(path, data, durable=True, **_):  # mode= too (twenty-second session)
        raise PermissionError(errno.EPERM, "Operation not permitted", str(folder / f".{path.name}.x1y2.tmp"))

    monkeypatch.setattr(starter, "write_atomically", refuse)


@pytest.mark.parametrize(
    "args, after",
    [
        (("add-observation", "share", "2023", "12.4"), "nothing was added"),
        (("retract", "share", "2021"), "nothing was withdrawn"),
    ],
)
def test_a_folder_that_takes_no_new_file_is_named(tracker, monkeypatch, args, after) -> None:
    _folder_refuses_new_files(monkeypatch, tracker)
    before = store_text(tracker)
    r = run_clean(*args)
    assert r.exit_code == 1
    assert r.stderr.startswith(f"{tracker.resolve()}: error: cannot create a file in the folder")
    assert "cannot write to the observations file" not in r.stderr
    assert after in r.stderr
    assert store_text(tracker) == before


# 10. A future-dated row in the store can be withdrawn -----------------------------------

FUTURE_ROW = "share,2022,99,,typo,,2206-01-07T00:00:00Z\n"


def _with_future_row(tracker) -> None:
    with open(tracker / "observations.csv", "a", encoding="utf-8") as fh:
        fh.write(FUTURE_ROW)


def test_retract_without_force_is_refused_and_names_force(tracker) -> None:
    _with_future_row(tracker)
    before = store_text(tracker)
    r = run_clean("retract", "share", "2022")
    assert r.exit_code == 1
    assert "2206-01-07T00:00:00Z" in r.stderr and "--force" in r.stderr
    assert store_text(tracker) == before


def test_retract_force_withdraws_a_future_dated_vintage(tracker) -> None:
    import json

    _with_future_row(tracker)
    r = run_clean("retract", "share", "2022", "--force", "--note", "hand-edited date")
    assert r.exit_code == 0, r.stderr
    # One second after the offending vintage, so that it is the vintage recorded last.
    assert store_text(tracker).splitlines()[-1] == "share,2022,,retracted,,hand-edited date,2206-01-07T00:00:01Z"
    # The period has no figure in force any more: 11.5 of 2023-01-10 is not back either
    # (a retraction withdraws the period's figure, docs/data-integrity.md).
    shown = json.loads(run_clean("observations", "--indicator", "share", "--format", "json").stdout)
    assert "2022" not in [o["period"] for o in shown["observations"]]
    # check: the retraction is not a future figure; the withdrawn row is a warning now.
    r = run_clean("check")
    assert r.exit_code == 0, r.stderr
    lines = [x for x in r.stderr.splitlines() if "2206" in x]
    assert len(lines) == 1 and ":8: warning:" in lines[0] and "withdrawn" in lines[0] and "line 9" in lines[0]


def test_retract_force_only_for_a_future_vintage(tracker) -> None:
    before = store_text(tracker)
    r = run_clean("retract", "share", "2022", "--force")
    assert r.exit_code == 1
    assert "--force" in r.stderr and "future" in r.stderr
    assert store_text(tracker) == before


def test_retract_force_with_recorded_at_is_a_usage_error(tracker) -> None:
    _with_future_row(tracker)
    r = run_clean("retract", "share", "2022", "--force", "--recorded-at", "2206-01-08")
    assert r.exit_code == 2
    assert "--force" in r.stderr and "--recorded-at" in r.stderr


def test_a_retraction_one_second_after_a_present_row_is_still_future(tracker) -> None:
    # Only a retraction of a future-dated vintage is spared: a lone future retraction is not.
    with open(tracker / "observations.csv", "a", encoding="utf-8") as fh:
        fh.write("share,2022,,retracted,,,2206-01-07T00:00:01Z\n")
    r = run_clean("check")
    assert r.exit_code == 1
    assert ":8: error:" in r.stderr and "2206-01-07T00:00:01Z" in r.stderr


# 11. Re-importing a withdrawn figure says it is withdrawn ---------------------------------


def test_reimporting_a_retracted_figure_says_it_is_withdrawn(tracker) -> None:
    (tracker / "new.csv").write_text(
        "indicator,period,value,status,source,recorded_at\nshare,2021,11.3,estimate,src-a,2022-01-10T00:00:00Z\n",
        encoding="utf-8",
    )
    assert run_clean("retract", "share", "2021", "--recorded-at", "2022-02-01").exit_code == 0
    before = store_text(tracker)
    r = run_clean("add-observation", "--from", "new.csv")
    assert r.exit_code == 0, r.stderr
    assert store_text(tracker) == before
    assert "nothing to add: all 1 row(s) are already recorded" in r.stderr
    said = next(x for x in r.stderr.splitlines() if "share 2021" in x)
    assert said.startswith("observations.csv:2: warning:")
    assert "not the figure in force" in said and "retracted" in said
    assert "2022-02-01T00:00:00Z" in said and "recorded_at after 2022-02-01T00:00:00Z" in said


def test_reimport_with_new_rows_still_names_the_withdrawn_one(tracker) -> None:
    (tracker / "new.csv").write_text(
        "indicator,period,value,status,source,recorded_at\n"
        "share,2021,11.3,estimate,src-a,2022-01-10T00:00:00Z\n"
        "share,2024-Q2,13.1,estimate,src-g,2024-07-05T00:00:00Z\n",
        encoding="utf-8",
    )
    assert run_clean("retract", "share", "2021", "--recorded-at", "2022-02-01").exit_code == 0
    r = run_clean("add-observation", "--from", "new.csv")
    assert r.exit_code == 0, r.stderr
    assert "added 1 row(s), 1 already recorded" in r.stderr
    assert any("share 2021" in x and "not the figure in force" in x for x in r.stderr.splitlines())


def test_reimport_of_figures_in_force_says_nothing_more(tracker) -> None:
    (tracker / "new.csv").write_text(
        "indicator,period,value,status,source,recorded_at\nshare,2021,11.3,estimate,src-a,2022-01-10T00:00:00Z\n",
        encoding="utf-8",
    )
    r = run_clean("add-observation", "--from", "new.csv")
    assert r.exit_code == 0
    assert r.stderr.strip() == "nothing to add: all 1 row(s) are already recorded in observations.csv"


def test_a_dry_run_reimport_names_the_withdrawn_figure_too(tracker) -> None:
    (tracker / "new.csv").write_text(
        "indicator,period,value,status,source,recorded_at\nshare,2021,11.3,estimate,src-a,2022-01-10T00:00:00Z\n",
        encoding="utf-8",
    )
    assert run_clean("retract", "share", "2021", "--recorded-at", "2022-02-01").exit_code == 0
    r = run_clean("add-observation", "--from", "new.csv", "--dry-run")
    assert r.exit_code == 0, r.stderr
    assert any("share 2021" in x and "not the figure in force" in x for x in r.stderr.splitlines())


def test_a_file_that_holds_the_retraction_itself_is_no_news(tracker) -> None:
    assert run_clean("retract", "share", "2021", "--recorded-at", "2022-02-01").exit_code == 0
    r = run_clean("add-observation", "--from", "observations.csv")
    assert r.exit_code == 0, r.stderr
    assert r.stderr == "nothing to add: all 7 row(s) are already recorded in observations.csv\n"
