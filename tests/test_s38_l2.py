"""Issue 17, thirty-eighth session, pass L2: a Python caller's arguments read alike across
the library's functions, the three differences pass L left (docs/decisions.md, the
thirty-eighth session, item 4, "Left:"). Each test was written failing first; what is
expected is worked out by hand in its docstring or comments."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from test_s38_l import AT, OPEN_PLAN  # the same plan of one open dimension, and moment

HEADER = "indicator,period,value,status,source,note,recorded_at\n"
LATER = "2024-01-01T00:00:00Z"
# One figure of the unit 2020 and one of the total, both for 2015.
STORE = HEADER + f"pop[year_group=2020],2015,7,official,s,,{AT}\npop,2015,9,official,s,,{AT}\n"


def _open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, store: str = STORE) -> None:
    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, OPEN_PLAN, store)


# --- 1. retract's source and note take a number as record_many does ------------------------

# (source, note) as a caller's numbers, and the texts a workbook's number cells hold for
# them (docs/observations-format.md, "Workbooks": a whole number without a needless '.0',
# any other as written): 5 and 5.0 are '5', 5.5 is '5.5', 250000.0 is '250000',
# Decimal('5.0') is '5', -0.0 is '0' (a cell has no negative zero).
NUMBERS = [
    (5, 5.5, "5", "5.5"),
    (5.0, 250000.0, "5", "250000"),
    (Decimal("5.0"), -0.0, "5", "0"),
]


@pytest.mark.parametrize(("source", "note", "source_text", "note_text"), NUMBERS)
def test_retract_stores_a_number_as_source_or_note_as_record_many_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: Any, note: Any, source_text: str, note_text: str
) -> None:
    """retract(source=5) was refused (library_text_type) where record_many stored the same
    source 5 as '5': one rule now, the workbook's. The line written is worked out by hand:
    the unit 2020's 2015 figure withdrawn, value empty, the texts above."""
    import qntrack

    _open(tmp_path, monkeypatch)
    done = qntrack.retract("targets.yaml", "pop", "2015", source, note, LATER, dims={"year_group": "2020"})
    assert (done.row.source, done.row.note) == (source_text, note_text)
    line = f"pop[year_group=2020],2015,,retracted,{source_text},{note_text},{LATER}\n"
    assert Path("observations.csv").read_text(encoding="utf-8") == STORE + line
    # record_many given the same numbers for the same retraction stores the same texts.
    Path("observations.csv").write_text(STORE, encoding="utf-8")
    row = {"indicator": "pop", "dim:year_group": "2020", "period": "2015", "status": "retracted"}
    same = qntrack.record_many("targets.yaml", [{**row, "source": source, "note": note, "recorded_at": LATER}])
    assert [(o.source, o.note) for o in same.rows] == [(source_text, note_text)]
    assert Path("observations.csv").read_text(encoding="utf-8") == STORE + line


@pytest.mark.parametrize("field", ["source", "note"])
@pytest.mark.parametrize(
    ("value", "shown"),
    [(True, "True"), (float("nan"), "nan"), (float("inf"), "inf"), (Decimal("NaN"), "NaN"), (-float("inf"), "-inf")],
)
def test_retract_still_refuses_a_bool_or_a_number_that_is_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, field: str, value: Any, shown: str
) -> None:
    """A bool is no text nor number a person typed; NaN (pandas' empty cell) and infinity
    are no source: refused naming the argument, code 2 (a usage error), nothing written.
    The message says what is taken now: text, a number, or None."""
    import qntrack
    from qntrack.errors import ArgumentError

    _open(tmp_path, monkeypatch)
    given = {"source": "s", "note": "n", field: value}
    with pytest.raises(ArgumentError) as caught:
        qntrack.retract("targets.yaml", "pop", "2015", recorded_at=None, dims={"year_group": "2020"}, **given)
    error = caught.value
    assert (error.file, int(error.code)) == (field, 2)
    english, vietnamese = error.text("en"), error.text("vi")
    assert "a number" in english and "None" in english and "str" in english, english
    assert "số" in vietnamese and "None" in vietnamese, vietnamese
    if isinstance(value, bool):
        assert error.key == "library_text_type" and "bool" in english
    else:
        assert error.key == "library_text_not_finite" and f"is {shown}," in english, english
    assert Path("observations.csv").read_text(encoding="utf-8") == STORE


def test_retract_still_refuses_a_list_as_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import qntrack
    from qntrack.errors import ArgumentError

    _open(tmp_path, monkeypatch)
    with pytest.raises(ArgumentError) as caught:
        qntrack.retract("targets.yaml", "pop", "2015", ["s"], "n", None, dims={"year_group": "2020"})  # type: ignore[arg-type]
    assert (caught.value.file, caught.value.key, int(caught.value.code)) == ("source", "library_text_type", 2)
    assert "list" in str(caught.value)


# --- 2. retract's dims take every form history's do ----------------------------------------


@pytest.mark.parametrize(
    "dims",
    [
        "year_group=2020",
        ["year_group=2020"],
        (" year_group = 2020 ",),
        [["year_group", "2020"]],
        {"year_group": "2020"},
        [("year_group", 2020.0)],
    ],
)
def test_retract_takes_dims_as_history_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dims: Any) -> None:
    """history(dims=["year_group=2020"]) was taken and retract's refused (library_dims_type):
    the same forms now, "dimension=unit" texts, one or a list, spaces around the parts
    dropped as --dim drops them. Both name the unit 2020, whose 2015 figure is 7."""
    import qntrack

    _open(tmp_path, monkeypatch)
    told = qntrack.history("targets.yaml", "pop", dims=dims)
    assert told["dims"] == {"year_group": "2020"}
    assert [v["value"] for v in told["vintages"]] == [7]
    done = qntrack.retract("targets.yaml", "pop", "2015", "s", "n", None, dims=dims, dry_run=True)
    assert done.row.indicator == "pop[year_group=2020]" and done.withdrawn.value == 7


def test_retract_takes_none_as_the_total_as_history_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """history(dims=None) is the total; retract(dims=None) was refused "of type NoneType, not
    a unit's dimensions". Now the total's 2015 figure, 9, is withdrawn, as with dims=()."""
    import qntrack

    _open(tmp_path, monkeypatch)
    assert [v["value"] for v in qntrack.history("targets.yaml", "pop", dims=None)["vintages"]] == [9]
    done = qntrack.retract("targets.yaml", "pop", "2015", "s", "n", None, dims=None, dry_run=True)  # type: ignore[arg-type]
    assert done.row.indicator == "pop" and done.withdrawn.value == 9


@pytest.mark.parametrize("typed", ["year_group", "=2020", "year_group="])
def test_retract_tells_a_dim_text_without_its_pair_the_form_as_history_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: str
) -> None:
    """A text that is not DIMENSION=UNIT: history tells the form (library_dim_form, code 2,
    as `--dim year_group` exits 2); retract now says the same, at dims, nothing written."""
    import qntrack
    from helpers import run_clean
    from qntrack.errors import ArgumentError

    _open(tmp_path, monkeypatch)
    for call in (
        lambda: qntrack.history("targets.yaml", "pop", dims=[typed]),
        lambda: qntrack.retract("targets.yaml", "pop", "2015", "s", "n", None, dims=[typed]),
        lambda: qntrack.retract("targets.yaml", "pop", "2015", "s", "n", None, dims=typed),  # type: ignore[arg-type]
    ):
        with pytest.raises(ArgumentError) as caught:
            call()
        assert (caught.value.file, caught.value.key, int(caught.value.code)) == ("dims", "library_dim_form", 2)
        assert f"'{typed}' is not DIMENSION=UNIT" in str(caught.value)
    made = run_clean("retract", "pop", "2015", "--dim", typed, "--source", "s", "--note", "n")
    assert made.exit_code == 2, made.output
    assert Path("observations.csv").read_text(encoding="utf-8") == STORE


def test_a_wrong_kind_of_dims_is_told_every_form_taken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """dims=5 is refused by both (library_dims_type, code 2); the words now list the
    "dimension=unit" texts both take, in English and Vietnamese."""
    import qntrack
    from qntrack.errors import ArgumentError

    _open(tmp_path, monkeypatch)
    for call in (
        lambda: qntrack.history("targets.yaml", "pop", dims=5),
        lambda: qntrack.retract("targets.yaml", "pop", "2015", "s", "n", None, dims=5),  # type: ignore[arg-type]
    ):
        with pytest.raises(ArgumentError) as caught:
            call()
        assert (caught.value.file, caught.value.key, int(caught.value.code)) == ("dims", "library_dims_type", 2)
        assert '"dimension=unit"' in caught.value.text("en")
        assert '"chiều=đơn vị"' in caught.value.text("vi")


# --- 3. a period given as a whole float is its year, as a workbook's cell ------------------


def test_record_many_reads_a_whole_float_period_as_a_workbook_s_cell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pandas column of years holding an empty cell is float: record_many refused 2019.0
    ("write 2019") where a workbook's period cell 2019.0 is read as 2019. Both now store
    the period 2019 (and 2020, 2021 for Decimal('2020.0') and numpy's float32 2021.0,
    numbers too). Recorded 2023-03-01, after each year ended: official figures."""
    from openpyxl import Workbook

    from helpers import run_clean
    from qntrack import record_many
    from test_s35_h import _Float32, _register

    _register()
    _open(tmp_path, monkeypatch, HEADER)
    periods: list[Any] = [2019.0, Decimal("2020.0"), _Float32("2021.0")]
    rows = [
        {"indicator": "pop", "dim:year_group": "a", "period": p, "value": n + 1, "status": "official"}
        for n, p in enumerate(periods)
    ]
    expected = HEADER + "".join(f"pop[year_group=a],{2019 + n},{n + 1},official,,,{AT}\n" for n in range(3))
    done = record_many("targets.yaml", [{**row, "recorded_at": AT} for row in rows])
    assert [str(o.period) for o in done.rows] == ["2019", "2020", "2021"]
    assert Path("observations.csv").read_text(encoding="utf-8") == expected

    Path("observations.csv").write_text(HEADER, encoding="utf-8")
    book = Workbook()
    sheet = book.active
    sheet.append(["indicator", "year_group", "period", "value", "status", "recorded_at"])
    for n in range(3):
        sheet.append(["pop", "a", 2019.0 + n, n + 1, "official", AT])
    book.save("in.xlsx")
    made = run_clean("add-observation", "--from", "in.xlsx")
    assert made.exit_code == 0, made.output
    assert Path("observations.csv").read_text(encoding="utf-8") == expected


def test_a_fractional_float_period_stays_refused_as_in_a_workbook(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """2021.5 is no period in a workbook's cell nor from record_many; and the text
    "2021.0" (a CSV's cell, typed) is still told it is a year written as a decimal."""
    from openpyxl import Workbook

    from helpers import run_clean
    from qntrack import record_many
    from qntrack.errors import InputError

    _open(tmp_path, monkeypatch, HEADER)
    row = {"indicator": "pop", "dim:year_group": "a", "value": 1, "status": "official", "recorded_at": AT}
    with pytest.raises(InputError) as caught:
        record_many("targets.yaml", [{**row, "period": 2021.5}])
    assert caught.value.key == "periods_not_a_period" and "'2021.5'" in str(caught.value)
    with pytest.raises(InputError) as caught:
        record_many("targets.yaml", [{**row, "period": "2021.0"}])
    assert caught.value.key == "periods_decimal_year" and "write 2021" in str(caught.value)
    book = Workbook()
    sheet = book.active
    sheet.append(["indicator", "year_group", "period", "value", "status", "recorded_at"])
    sheet.append(["pop", "a", 2021.5, 1, "official", AT])
    book.save("in.xlsx")
    made = run_clean("add-observation", "--from", "in.xlsx")
    assert made.exit_code == 1 and "'2021.5' is not a period" in made.output, made.output
    assert Path("observations.csv").read_text(encoding="utf-8") == HEADER


def test_retract_and_history_read_a_whole_float_period_as_record_many_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One column of years serves every function: retract and history refused 2015.0
    ("write 2015") as record_many did; now the year 2015 (the unit 2020's figure 7); 2015.5
    still no period, at period, with the code each command exits with for it (retract 1,
    history 2, as `qntrack retract pop 2015.5` and `qntrack history pop 2015.5` exit)."""
    import qntrack
    from helpers import run_clean
    from qntrack.errors import ArgumentError

    _open(tmp_path, monkeypatch)
    for period in (2015.0, Decimal("2015.00")):
        told = qntrack.history("targets.yaml", "pop", period, dims={"year_group": "2020"})
        assert [(v["period"], v["value"]) for v in told["vintages"]] == [("2015", 7)]
        done = qntrack.retract("targets.yaml", "pop", period, "s", "n", None, dims={"year_group": "2020"}, dry_run=True)
        assert str(done.row.period) == "2015" and done.withdrawn.value == 7
    with pytest.raises(ArgumentError) as caught:
        qntrack.history("targets.yaml", "pop", 2015.5)
    history_code = run_clean("history", "pop", "2015.5").exit_code
    assert (caught.value.file, caught.value.key, int(caught.value.code)) == ("period", "periods_not_a_period", 2)
    assert history_code == 2
    with pytest.raises(ArgumentError) as caught:
        qntrack.retract("targets.yaml", "pop", 2015.5, "s", "n", None, dims={"year_group": "2020"})
    retract_code = run_clean("retract", "pop", "2015.5", "--dim", "year_group=2020", "--source", "s").exit_code
    assert (caught.value.file, caught.value.key, int(caught.value.code)) == ("period", "periods_not_a_period", 1)
    assert retract_code == 1
    assert Path("observations.csv").read_text(encoding="utf-8") == STORE


def test_retract_reads_dims_given_as_a_generator_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A generator of pairs was read twice, once to check the unit against the plan and
    once to withdraw: the second read found it spent and withdrew the total's 2015 figure
    (9), not the unit 2020's (7), in silence. As history reads it: the unit's, 7."""
    import qntrack

    _open(tmp_path, monkeypatch)
    told = qntrack.history("targets.yaml", "pop", dims=(p for p in [("year_group", "2020")]))
    assert [v["value"] for v in told["vintages"]] == [7]
    done = qntrack.retract(
        "targets.yaml", "pop", "2015", "s", "n", None, dims=(p for p in [("year_group", "2020")]), dry_run=True
    )  # type: ignore[arg-type]
    assert done.row.indicator == "pop[year_group=2020]" and done.withdrawn.value == 7


# --- found on the way: record_many's text fields and a NaN or infinity of another kind ------


def _nan_kinds() -> list[Any]:
    from test_s35_h import _Float32, _register

    _register()
    return [Decimal("NaN"), _Float32("nan")]


def _infinities() -> list[Any]:
    from test_s35_h import _Float32, _register

    _register()
    return [float("inf"), -float("inf"), Decimal("Infinity"), _Float32("inf")]


def test_record_many_leaves_out_a_text_field_s_nan_of_any_kind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """python-api.md: a NaN in a text field is a field left out, "never the text nan". Python's
    float NaN was; a Decimal's and numpy's float32 NaN were stored as the source 'NaN' and
    'nan', and as a unit 'nan' of its own. Each now as float('nan'): source and note empty,
    the unit left out (the total, pop), as None gives them."""
    import qntrack

    _open(tmp_path, monkeypatch, HEADER)
    row = {"indicator": "pop", "period": "2016", "value": 1, "status": "official", "recorded_at": AT}
    for nan in _nan_kinds():
        done = qntrack.record_many(
            "targets.yaml", [{**row, "source": nan, "note": nan, "dim:year_group": nan}], dry_run=True
        )
        assert [(o.indicator, o.source, o.note) for o in done.rows] == [("pop", "", "")], nan


@pytest.mark.parametrize("field", ["source", "note", "dim:year_group"])
def test_record_many_refuses_an_infinity_in_a_text_field_as_retract_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, field: str
) -> None:
    """record_many stored float('inf') as the source 'inf' (a unit 'inf' of its own), where
    retract refuses it as a source and history and retract as a unit: no cell of a workbook
    holds it, and no person typed it. Refused at the row's place, naming the field and the
    value, code 1 as a bad row of `add-observation --from` exits; nothing written."""
    import qntrack
    from qntrack.errors import InputError

    _open(tmp_path, monkeypatch, HEADER)
    row = {"indicator": "pop", "period": "2016", "value": 1, "status": "official", "recorded_at": AT}
    for infinity in _infinities():
        with pytest.raises(InputError) as caught:
            qntrack.record_many("targets.yaml", [{**row, "dim:year_group": "a", field: infinity}])
        error = caught.value
        assert (error.file, error.key, int(error.code)) == ("candidates", "library_field_not_finite", 1), infinity
        assert f"field '{field}' is {infinity}," in str(error) and "finite number" in str(error)
        assert f"trường '{field}' là {infinity}," in error.text("vi")
    assert Path("observations.csv").read_text(encoding="utf-8") == HEADER


def test_retract_and_history_take_a_period_as_record_many_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """record_many takes an Observation's own period (a Period); retract and history refused
    it "is of type Period, not a period", so a caller withdrawing a row it holds
    (retract(..., o.period, ...)) had to write str(o.period). The period it is: the unit
    2020's 2015 figure, 7."""
    import qntrack

    _open(tmp_path, monkeypatch)
    held = qntrack.open_workspace("targets.yaml").store.observations[0]
    assert (held.indicator, str(held.period)) == ("pop[year_group=2020]", "2015")
    told = qntrack.history("targets.yaml", "pop", held.period, dims={"year_group": "2020"})
    assert [(v["period"], v["value"]) for v in told["vintages"]] == [("2015", 7)]
    done = qntrack.retract("targets.yaml", held.indicator, held.period, "s", "n", None, dry_run=True)  # type: ignore[arg-type]
    assert (done.row.indicator, str(done.row.period), done.withdrawn.value) == ("pop[year_group=2020]", "2015", 7)


# --- found on the way: import_observations' defaults of a caller's kinds --------------------

CSV_ROWS = "indicator,year_group,period,value,status\npop,c,2016,1,official\n"


@pytest.mark.parametrize(("source", "note", "source_text", "note_text"), NUMBERS)
def test_import_defaults_take_a_number_as_record_many_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: Any, note: Any, source_text: str, note_text: str
) -> None:
    """RowDefaults(source=5) raised TypeError "intern() argument must be str, not int" from
    inside the import; the rows' source and note are now the texts record_many stores for the
    same numbers (NUMBERS, worked by hand above), and a datetime recorded_at is read as
    record_many reads one (an aware one in UTC): 2023-03-01 at 07:00 +07:00 is 00:00 UTC."""
    from datetime import datetime, timedelta, timezone

    import qntrack
    from qntrack.files.import_tables import RowDefaults

    _open(tmp_path, monkeypatch, HEADER)
    Path("in.csv").write_text(CSV_ROWS, encoding="utf-8")
    moment = datetime(2023, 3, 1, 7, 0, tzinfo=timezone(timedelta(hours=7)))
    done = qntrack.import_observations(
        "targets.yaml", "in.csv", defaults=RowDefaults(source=source, note=note, recorded_at=moment)
    )
    line = f"pop[year_group=c],2016,1,official,{source_text},{note_text},{AT}\n"
    assert [(o.source, o.note, o.recorded_at) for o in done.rows] == [(source_text, note_text, AT)]
    assert Path("observations.csv").read_text(encoding="utf-8") == HEADER + line


@pytest.mark.parametrize(
    ("given", "key"),
    [
        ({"source": True}, "library_defaults_text_type"),
        ({"note": ["n"]}, "library_defaults_text_type"),
        ({"status": True}, "library_defaults_text_type"),
        ({"source": float("nan")}, "library_defaults_not_finite"),
        ({"note": float("inf")}, "library_defaults_not_finite"),
        ({"recorded_at": 5}, "library_now_type"),
    ],
)
def test_import_defaults_of_another_kind_are_refused_at_defaults(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: dict[str, Any], key: str
) -> None:
    """What no row field takes (a bool, a list, NaN, infinity, a number as a moment) raised
    TypeError from inside; refused at defaults, naming the field, code 2 as every argument
    of the wrong kind; nothing written. (A number as a status is the text record_many
    makes of it, '5', told it is no status as record_many tells it.)"""
    import qntrack
    from qntrack.errors import ArgumentError
    from qntrack.files.import_tables import RowDefaults

    _open(tmp_path, monkeypatch, HEADER)
    Path("in.csv").write_text(CSV_ROWS, encoding="utf-8")
    with pytest.raises(ArgumentError) as caught:
        qntrack.import_observations("targets.yaml", "in.csv", defaults=RowDefaults(**given))
    error = caught.value
    assert (error.file, error.key, int(error.code)) == ("defaults", key, 2)
    (field,) = given
    if key != "library_now_type":
        assert f"its {field} is" in str(error) and f"{field} của nó" in error.text("vi"), str(error)
    assert Path("observations.csv").read_text(encoding="utf-8") == HEADER
