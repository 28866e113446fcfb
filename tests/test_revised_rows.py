"""The rows of periods with several vintages, which `check`'s same-moment and jump checks
read: found by series.in_force while it builds the series (when check's series read the
store's rows as they are), or by checks_rows.revised_rows; both held to the rule."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from qntrack.files.checks_rows import revised_rows
from qntrack.method.series import in_force
from qntrack.plan.model import RETRACTED, Observation
from qntrack.plan.periods import parse_period

PERIODS = [parse_period(p) for p in ("2020", "2021", "2021-Q3", "2022")]
STAMPS = ["2021-03-01T00:00:00Z", "2022-03-01T00:00:00Z", "2023-03-01T00:00:00Z"]


@st.composite
def rows(draw: st.DrawFn) -> list[Observation]:
    drawn = draw(
        st.lists(
            st.tuples(
                st.sampled_from(["a", "b", "c[province=X]"]),
                st.sampled_from(PERIODS),
                st.booleans(),
                st.sampled_from(STAMPS),
            ),
            max_size=30,
        )
    )
    return [
        Observation(ind, period, float("nan") if gone else 1.0, RETRACTED if gone else "", "s", "", stamp, i + 2)
        for i, (ind, period, gone, stamp) in enumerate(drawn)
    ]


def model(observations: list[Observation]) -> list[Observation]:
    """The rule, the obvious way: every row whose indicator and period occur more than once,
    in the order of the lines."""
    count = Counter((o.indicator, o.period.sort_key) for o in observations)
    return [o for o in observations if count[(o.indicator, o.period.sort_key)] > 1]


@settings(max_examples=150, deadline=None)
@given(rows())
def test_in_force_finds_the_revised_rows_of_the_rule(observations: list[Observation]):
    found: list[Observation] = []
    series = in_force(observations, revised=found)
    assert found == model(observations) == revised_rows(observations)
    assert series == in_force(observations)  # the series are the same with or without


def test_check_reports_the_same_with_the_revised_rows_found_either_way(shipped: Path):
    """A unit typed otherwise than the plan names it makes check take revised_rows' own
    pass; the problems said are the same as when the series find them."""
    from qntrack.files.checks import run_checks

    store = shipped / "observations.csv"
    text = store.read_text(encoding="utf-8")
    first = text.splitlines()[1].split(",")
    # A revision of the first row, and the same figure again at the same moment: a jump
    # and a same-moment problem for the check to find.
    store.write_text(
        text
        + f"{first[0]},{first[1]},{float(first[2]) * 50},official,x,,2031-01-01T00:00:00Z\n"
        + f"{first[0]},{first[1]},{float(first[2]) * 60},official,y,,2031-01-01T00:00:00Z\n",
        encoding="utf-8",
    )
    plain = run_checks(str(shipped / "targets.yaml"), ["jump", "same-moment"])
    assert {p.check for p in plain} >= {"jump", "same-moment"}
    dated = run_checks(str(shipped / "targets.yaml"), ["jump", "same-moment"], as_of="2099-01-01")
    assert [(p.location, p.check) for p in dated] == [(p.location, p.check) for p in plain]


def test_check_names_each_unit_as_the_plan_does(shipped: Path):
    """check writes unit keys as the plan names them from what UnitRows read of each key
    (UnitRows.canonical): the same key as plan.unit_resolution.canonical_key, for keys as stored
    and as people type them (spacing, case, the dimension's name, no accents, units and
    dimensions that do not exist, malformed brackets)."""
    import csv

    from qntrack.files.checks_units import UnitRows
    from qntrack.files.definitions import load_plan
    from qntrack.plan.units import split_key
    from qntrack.plan.unit_resolution import canonical_key

    plan = load_plan(shipped / "targets.yaml")
    with open(shipped / "observations.csv", encoding="utf-8", newline="") as fh:
        stored = {row["indicator"] for row in csv.DictReader(fh) if "[" in row["indicator"]}
    assert len(stored) >= 3
    typed = set()
    for key in stored:
        base, dims = split_key(key)  # type: ignore[misc]
        (dim, unit), *_ = dims
        typed |= {
            f" {base} [ {dim} = {unit.upper()} ] ",
            f"{base}[{dim}={unit.encode('ascii', 'ignore').decode()}]",
            f"{base}[{plan.dimensions[dim].name.en}={unit}]",
            f"{base}[{dim}=Nowhere]",
            f"{base}[nothing={unit}]",
            f"{base}[{dim}={unit}",
            f"no_such_indicator[{dim}={unit}]",
            f"{base}[{dim}={unit};{dim}={unit}]",
        }
    units = UnitRows(plan)
    for key in sorted(stored | typed):
        assert units.canonical(key) == canonical_key(key, plan.indicators, plan.dimensions), key
