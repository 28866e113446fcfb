"""One rule set for an observation (issue 13): the store's readers and the entry path
accept the same fields, because both ask files/rules.py.

A row the store's readers take (the fast one and the general one) is a row
``recording.validate_record`` takes, as the same values, and the other way round; the
importer's rows go through ``validate_record`` too (importing.import_observations). The
rules only the entry path has are left out of the comparison on purpose: the plan
(a known indicator, a period its frequency allows), the clock (timing.py, which check
reports for stored rows) and the text of new sources and notes.
"""

from __future__ import annotations

import csv
import io
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qntrack.catalog import said
from qntrack.files import rules
from qntrack.files.definitions import parse_plan
from qntrack.files.recording import validate_record
from qntrack.files.store import HEADER, parse_store
from qntrack.plan.model import Location

# A monthly indicator: every period is a month or longer, so the frequency rule of the
# entry path never refuses here.
PLAN = parse_plan("version: 1\nindicators:\n  share: {name: S, frequency: month}\ntargets: []\n")
NOW = "9999-12-31T23:59:59Z"  # with force, only a moment after this would be refused

PERIODS = ["2023", "2023-Q2", "2023-H1", "2023-9M", "2023-04", " 2024 ", "2023-Q5", "23", "2023-13", "", "2023-W01"]
VALUES = [
    "12.5",
    "-3",
    "1e3",
    ".5",
    "7.",
    " 8 ",
    "",
    "1_000",
    "nan",
    "inf",
    "1,5",
    "12%",
    "١٢",
    "0x10",
    "1e400",
    "1e-400",
]
STATUSES = ["", "estimate", "preliminary", "official", "retracted", "Official", "guess", " official"]
STAMPS = [
    "2023-01-10T00:00:00Z",
    "2023-01-10",
    "2023-01-10T07:00:00+07:00",
    "2023-01-10T00:00:00",
    "2020-02-30T00:00:00Z",
    "2023-01-10T25:00:00Z",
    "20230110",
    "yesterday",
]


def stored(period: str, value: str, status: str, stamp: str) -> tuple:
    """What the store's readers make of one row with these fields: its values, or its problem."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows([HEADER, ["share", period, value, status, "src", "", stamp]])
    got = parse_store(buf.getvalue().encode("utf-8"), "o.csv")
    if got.problems:
        return ("refused", [p.message for p in got.problems])
    (o,) = got.observations
    return ("taken", str(o.period), repr(o.value), o.status, o.recorded_at)


def entered(period: str, value: str, status: str, stamp: str) -> tuple:
    """What the entry path makes of the same fields (add-observation, retract, an import)."""
    obs, problems = validate_record(
        PLAN, Location("t"), "share", period, value, status or None, "src", "", stamp, now=NOW, force=True
    )
    if obs is None:
        return ("refused", [p.message for p in problems])
    return ("taken", str(obs.period), repr(obs.value), obs.status, obs.recorded_at)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PERIODS), st.sampled_from(VALUES), st.sampled_from(STATUSES), st.sampled_from(STAMPS))
def test_the_store_and_the_entry_path_take_the_same_rows(period: str, value: str, status: str, stamp: str):
    store, entry = stored(period, value, status, stamp), entered(period, value, status, stamp)
    assert store[0] == entry[0], (store, entry)
    if store[0] == "taken":
        assert store == entry


def test_a_field_is_refused_in_the_same_words_by_both():
    """Where a refusal names nothing of the path, both paths say the same sentence."""
    for period, value, stamp in [
        ("2023-13", "1", "2023-01-10"),
        ("2023", "1,5", "2023-01-10"),
        ("2023", "1e400", "2023-01-10"),
        ("2023", "1", "2020-02-30T00:00:00Z"),
    ]:
        store, entry = stored(period, value, "", stamp), entered(period, value, "", stamp)
        assert store[0] == entry[0] == "refused"
        assert store[1] == entry[1]


def test_a_retraction_has_no_value_on_every_path():
    assert stored("2023", "1", "retracted", "2023-01-10")[1] == entered("2023", "1", "retracted", "2023-01-10")[1]
    assert math.isnan(rules.value("", "retracted"))
    try:
        rules.value("1", "retracted")
    except ValueError as exc:
        assert str(said(exc)) == "a retraction has no value; leave the value empty"
    else:
        raise AssertionError("a retraction with a value was taken")


def test_the_status_words_are_one_list():
    assert [s for s in rules.STATUSES if rules.is_status(s)] == ["", "estimate", "preliminary", "official", "retracted"]
    assert not rules.is_status("Official") and not rules.is_status(" official")


def test_what_one_plan_says_of_a_row_is_never_another_plans():
    """validate_record remembers what a row's indicator and unit come to for the plan it
    was last given (issue 17): a Python caller with two plans gets each plan's answer."""
    other = parse_plan(
        "version: 1\nindicators:\n  base: {name: B, frequency: year}\n"
        "  growth: {name: G, frequency: year, formula: base * 2}\ntargets: []\n"
    )
    yearly = parse_plan("version: 1\nindicators:\n  share: {name: S, frequency: year}\ntargets: []\n")
    for _ in range(2):
        ok, none = validate_record(PLAN, Location("t"), "share", "2023-04", "1", None, "s", "", "2024-01-01")
        assert ok is not None and none == []
        _, unknown = validate_record(other, Location("t"), "share", "2023-04", "1", None, "s", "", "2024-01-01")
        assert "unknown indicator 'share'" in said_text(unknown[0])
        _, derived = validate_record(other, Location("t"), "growth", "2023", "1", None, "s", "", "2024-01-01")
        assert any("derived" in said_text(p) or "formula" in said_text(p) for p in derived)
        # The same period fits a month's frequency but not a year's.
        _, finer = validate_record(yearly, Location("t"), "share", "2023-04", "1", None, "s", "", "2024-01-01")
        assert any("2023-04" in said_text(p) for p in finer)


def said_text(problem) -> str:
    from qntrack.catalog import render

    return render(problem.message)


def test_an_unknown_indicator_in_a_national_plan_names_a_few_known_ones_not_all():
    """A national plan has 10,000 indicators: "known: " and all of them would be one line
    of 70,000 characters for every mistyped row. A few are named, with the count and where
    to see them all; a short plan's list is still given whole."""
    many = parse_plan(
        "version: 1\nindicators:\n"
        + "".join(f"  zz_{i:05d}: {{name: I{i}, frequency: year}}\n" for i in range(10_000))
        + "targets: []\n"
    )
    _, problems = validate_record(many, Location("t"), "abc", "2023", "1", None, "s", "", "2024-01-01")
    text = said_text(problems[0])
    assert "10000 indicators" in text and "zz_00000" in text and "qntrack indicators" in text
    assert "zz_09999" not in text and len(text) < 400
    _, short = validate_record(PLAN, Location("t"), "abc", "2023", "1", None, "s", "", "2024-01-01")
    assert said_text(short[0]) == "unknown indicator 'abc'; known: share"
