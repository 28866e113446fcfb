"""The whole store printed (`observations --format csv|json`, `history`): a national
store's million figures share a few hundred texts, so each rule a cell passes through is
asked once per distinct text, not once per cell, and the answers are the same as the
rule's own on every cell (issue 17, tenth session)."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from qntrack.files.textfiles import formula_like
from qntrack.output import formats, tables
from qntrack.output.formats import safe_cell
from qntrack.output.json_figures import observation_dict
from qntrack.output.tables import observation_rows, write_table
from qntrack.plan.model import Observation
from qntrack.plan.periods import Period, parse_period

_SOURCES = ["Cục Thống kê", '=HYPERLINK("x")', "  @SUM(A1)", "-cmd", "-2.5", "\tx", ""]


def _rows(n: int) -> list[Observation]:
    return [
        Observation(
            "sdg_001[province=Hà Nội]" if i % 2 else "sdg_002",
            parse_period(("2024", "2024-Q3", "2023-H2", "2022-07")[i % 4]),
            i * 1.25 - 3,
            "official",
            _SOURCES[i % len(_SOURCES)],
            "+note" if i % 3 == 0 else "",
            "2025-01-05T00:00:00Z",
            i + 2,
        )
        for i in range(n)
    ]


def test_the_formula_rule_is_asked_once_per_distinct_text(monkeypatch):
    asked: list[str] = []
    rule = formats.formula_like

    def counted(text: str) -> bool:
        asked.append(text)
        return rule(text)

    monkeypatch.setattr(formats, "formula_like", counted)
    monkeypatch.setattr(tables, "formula_like", counted)
    rows = _rows(2_000)
    for write in (
        lambda: write_table(observation_rows(rows), "csv"),
        lambda: "".join(tables.observation_pieces(rows, "csv")),
    ):
        assert write().count("\n") == len(rows) + 1
        assert len(asked) == len(set(asked))  # never the same text twice
        asked.clear()


def _tsv(text: str) -> str:
    # In TSV a tab, a line feed or a CR would end the cell or the row: each becomes a space,
    # and the formula rule holds of the cell so written (" =X" from "\n=X" is a formula).
    cell = safe_cell(text).replace("\t", " ").replace("\n", " ").replace("\r", " ")
    return "'" + cell if formula_like(cell) else cell


@given(st.lists(st.one_of(st.text(max_size=6), st.sampled_from(_SOURCES)), max_size=30))
@example(["\n=cmd", "\n-2", " \n@x", '"', '"a"b', 'a"b', '\n"'])
def test_every_cell_reads_as_safe_cell_makes_it(texts):
    # Repeats included: a formula-like text is neutralised on every row, not the first only.
    rows = [[t, t] for t in texts]
    expected = [[_tsv(t) for t in row] for row in rows]
    tsv = write_table(rows, "tsv")
    # Read as TSV readers read it: a cell opening with a quote is quoted, as in CSV.
    assert list(csv.reader(io.StringIO(tsv, newline=""), delimiter="\t")) == expected
    assert all(line.count("\t") == 1 for line in tsv.split("\n")[:-1])
    assert list(csv.reader(io.StringIO(write_table(rows, "csv"), newline=""))) == [
        [safe_cell(t) for t in row] for row in rows
    ]


_CELLS = st.one_of(
    st.text(alphabet=st.sampled_from(',"\n\r\t =+-@ aĐ1.'), max_size=6),
    st.text(max_size=4),
    st.integers(),
    st.floats(),
    st.booleans(),
    st.none(),
)


@given(st.lists(st.lists(_CELLS, max_size=4), max_size=8))
def test_csv_is_what_the_csv_module_writes_and_reads_back(rows):
    # Each cell is quoted by the table's own rule, remembered per text: held here to the
    # csv module's writer cell for cell, and every table, a bare CR included, reads back.
    safe = [[safe_cell(c) for c in row] for row in rows]
    written = write_table(rows, "csv")
    assert list(csv.reader(io.StringIO(written, newline=""))) == safe
    if not any("\r" in c for row in safe for c in row):
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows(safe)
        assert written == buf.getvalue()


@pytest.mark.parametrize("count", [0, 1, 8191, 8192, 8193, 2 * 8192 + 5])
@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_a_table_printed_in_pieces_is_the_table_whole(count: int, fmt: str):
    # observations and history print a national table a few thousand rows at a time
    # (707 MB joined whole): every row once, in order, each piece ending its last row.
    from qntrack.output.tables import table_pieces

    rows = [[f"r{i}", i, "=x" if i % 3 else "", "a,b"] for i in range(count)]
    pieces = list(table_pieces(rows, fmt))
    assert all(p.endswith("\n") for p in pieces)
    text = "".join(pieces)
    assert text.count("\n") == count
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n", delimiter="," if fmt == "csv" else "\t").writerows(
        [[safe_cell(c) for c in row] for row in rows]
    )
    assert text == buf.getvalue()


@pytest.mark.parametrize("count", [0, 1, 2, 4095, 4096, 4097, 2 * 4096 + 3])
# A day after the rows' (2025-01-05): a document of a day before it is refused its later
# figures (thirty-fifth session, observations_document's `rows`).
@pytest.mark.parametrize("as_of", [None, "2025-06-30"])
def test_the_observations_document_in_pieces_is_the_document_whole(count: int, as_of):
    # `observations --format json` of a national store made a million dicts before
    # writing one byte (1.5 GB): it is written a few thousand rows at a time, byte for
    # byte what to_json of the whole document writes (docs/json.md).
    from qntrack.output.documents import observations_document, observations_parts
    from qntrack.output.formats import to_json

    rows = _rows(count)
    if count:  # a retraction (no value) and a figure of every shape
        rows[0] = rows[0]._replace(value=float("nan"), status="retracted")
    pieces = list(observations_parts(rows, as_of))
    assert b"".join(pieces).decode("utf-8") == to_json(observations_document(rows, as_of))


@pytest.mark.parametrize("count", [0, 1, 8190, 8191, 8192, 2 * 8192 + 1])
def test_an_sdmx_export_in_pieces_has_every_row_once_in_order(count: int):
    # Written 8,192 lines at a time (a national export joined whole took 900 MB): the
    # header once, each figure once, in order, each piece ending its last row.
    import csv as csv_module

    from qntrack.files.definitions import parse_plan
    from qntrack.files.sdmx_csv import sdmx_pieces

    plan = parse_plan(
        "version: 1\ndimensions:\n  province:\n    name: P\n    values: [Hà Nội]\nindicators:\n"
        "  sdg_001: {name: A, unit: '%', measure: level, direction: increase, frequency: year, dimensions: [province]}\n"
        "  sdg_002: {name: B, unit: '%', measure: level, direction: increase, frequency: year}\n"
        "targets: []\n"
    )
    rows = _rows(count)
    pieces = list(sdmx_pieces(plan, rows, "X:DF(1.0)"))
    assert all(p.endswith("\n") for p in pieces)
    read = list(csv_module.reader(io.StringIO("".join(pieces), newline="")))
    assert read[0][:4] == ["STRUCTURE", "STRUCTURE_ID", "ACTION", "INDICATOR"]
    assert len(read) == count + 1
    assert [(r[3], r[4], r[6]) for r in read[1:]] == [
        ("sdg_001" if i % 2 else "sdg_002", "HA_NOI" if i % 2 else "_T", repr(i * 1.25 - 3).removesuffix(".0"))
        for i in range(count)
    ]


_TEXTS = st.one_of(
    st.sampled_from(["", "official", "=x", "-cmd", "a,b", 'q"', "x\ty", "n\nl", " @s", "Hà Nội"]), st.text(max_size=5)
)


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["sdg_001", "sdg_002[province=Hà Nội]", "g[sex=female;province=Huế]"]),
            st.sampled_from(["2024", "2024-Q3", "2023-H2", "2022-07"]),
            st.one_of(st.floats(allow_infinity=False), st.integers(-(10**16), 10**16).map(float)),
            _TEXTS,
            _TEXTS,
            _TEXTS,
            st.sampled_from(["", "2025-01-05T00:00:00Z", "2024-12-31T17:00:00Z"]),
        ),
        max_size=12,
    ),
    st.sampled_from(["csv", "tsv"]),
)
def test_the_observations_table_is_the_generic_table(drawn, fmt):
    # observation_pieces skips the table's memory for a figure's period, value and moment:
    # held to the generic writer, cell for cell, whatever the texts and the numbers.
    rows = [
        Observation(i, parse_period(p), v, st_, so, n, r, k + 2) for k, (i, p, v, st_, so, n, r) in enumerate(drawn)
    ]
    assert "".join(tables.observation_pieces(rows, fmt)) == write_table(observation_rows(rows), fmt)


def test_numbers_equal_in_python_stay_apart_in_a_table():
    # 1 == 1.0 == True in a dict: a table remembering its cells must not print one as another.
    assert write_table([[1, 1.0, True, "1"], [True, 1, 1.0, False]], "csv") == "1,1.0,true,1\ntrue,1,1.0,false\n"


def test_each_row_of_the_json_document_has_its_own_dims():
    rows = _rows(4)
    first, third = observation_dict(rows[1]), observation_dict(rows[3])
    assert first["indicator"] == "sdg_001" and first["dims"] == {"province": "Hà Nội"}
    first["dims"]["province"] = "changed"  # a Python caller's edit of one row
    assert third["dims"] == {"province": "Hà Nội"}
    assert observation_dict(rows[0])["dims"] == {}


def test_the_json_rows_do_not_import_per_row(monkeypatch):
    # `from ..plan.units import split_key` inside the row's function cost 4 s of a
    # 970,000-row `observations --format json` (py-spy): the import machinery ran per row.
    import builtins

    calls = []
    real = builtins.__import__

    def counting(name, *args, **kwargs):
        calls.append(name)
        return real(name, *args, **kwargs)

    rows = _rows(200)
    observation_dict(rows[1])  # the first row may import what it needs
    monkeypatch.setattr(builtins, "__import__", counting)
    for o in rows:
        observation_dict(o)
    assert calls == []


@given(
    st.integers(min_value=1, max_value=9999),
    st.sampled_from([(1, 12), (1, 6), (7, 12), (1, 3), (4, 6), (10, 12), (5, 5), (1, 9), (2, 4)]),
)
def test_a_period_keeps_its_text(year, span):
    # Written out by hand rather than by __str__: the form docs/targets-format.md gives each span.
    p = Period(year, *span)
    first, last = span
    if (first, last) == (1, 12):
        expected = f"{year}"
    elif (first, last) in ((1, 6), (7, 12)):
        expected = f"{year}-H{1 if first == 1 else 2}"
    elif last - first == 2 and first in (1, 4, 7, 10):
        expected = f"{year}-Q{(first + 2) // 3}"
    elif first == last:
        expected = f"{year}-{first:02d}"
    else:
        expected = f"{year}-{last}M"
    assert p.text == expected == str(p)


def test_a_carriage_return_kept_in_the_store_stays_inside_its_cell(tracker):
    # A hand edit can leave a bare CR inside a quoted note; readers keep what a person
    # wrote. Printed as CSV it must stay one cell of one row (Python 3.11's csv writer
    # quotes a field for its lineterminator's "\n" only), and TSV must not break the row.
    from typer.testing import CliRunner

    from qntrack.cli import app

    store = tracker / "observations.csv"
    store.write_bytes(store.read_bytes() + b'mining,2021,16.9,estimate,src-g,"first\rsecond",2021-10-15T00:00:00Z\n')
    out = CliRunner().invoke(app, ["observations", "--indicator", "mining", "--format", "csv"])
    assert out.exit_code == 0, out.output
    rows = list(csv.reader(io.StringIO(out.stdout, newline="")))
    assert [r[5] for r in rows[1:]] == ["", "", "first\rsecond"]
    tsv = CliRunner().invoke(app, ["observations", "--indicator", "mining", "--format", "tsv"]).stdout
    assert "\r" not in tsv and len(tsv.split("\n")) == 5  # header, three rows, the final newline


def test_a_carriage_return_kept_in_the_store_stays_inside_its_sdmx_cell(tracker):
    from typer.testing import CliRunner

    from qntrack.cli import app

    store = tracker / "observations.csv"
    store.write_bytes(store.read_bytes() + b'mining,2021,16.9,estimate,"src\rg",note,2021-10-15T00:00:00Z\n')
    out = CliRunner().invoke(app, ["export", "sdmx-csv"])
    assert out.exit_code == 0, out.output
    rows = list(csv.reader(io.StringIO(out.stdout, newline="")))
    assert {len(r) for r in rows} == {len(rows[0])}
    assert ["src\rg", "note"] in [r[-3:-1] for r in rows]


def test_a_units_value_is_read_once_for_every_indicator_broken_down_by_it(monkeypatch):
    # A national import names 34 provinces and 3 sexes for each of 145 indicators: each
    # typed value was checked again for each indicator (10,000 combinations, 1 s).
    from qntrack.plan import unit_resolution
    from qntrack.plan.model import Indicator, Text
    from qntrack.plan.units import Dimension, Unit
    from qntrack.plan.unit_resolution import resolve_dims

    dims = {
        "province": Dimension("province", Text("Province", "Tỉnh"), tuple(Unit(f"P{i}") for i in range(5))),
        "sex": Dimension("sex", Text("Sex", "Giới tính")),
    }
    asked: list[str] = []
    rule = unit_resolution.unit_name_problem

    def counted(value: str):
        asked.append(value)
        return rule(value)

    monkeypatch.setattr(unit_resolution, "unit_name_problem", counted)
    for n in range(20):
        indicator = Indicator(f"i{n}", Text("I", "I"), "%", dimensions=("province", "sex"))
        for p in range(5):
            for sex in ("Nam", "Nữ"):
                found, wrong = resolve_dims(indicator, [("province", f"p{p}"), ("sex", sex)], dims)
                assert found == (("province", f"P{p}"), ("sex", sex)) and wrong == []
    assert sorted(asked) == sorted({*(f"p{p}" for p in range(5)), "Nam", "Nữ"})


_TEXT = st.text(alphabet=st.sampled_from(',"; =+-@ aĐ1.[]'), max_size=8)


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["g", "g[locality=Hạ Long]", "x[a=b, c]"]),
            st.sampled_from(["2024", "2024-Q3", "2023-07"]),
            st.one_of(st.floats(allow_nan=False, allow_infinity=False), st.just(None)),
            _TEXT,
            _TEXT,
            st.sampled_from(["2025-01-05T00:00:00Z", "2025-01-06T10:00:00Z"]),
        ),
        max_size=12,
    ),
    st.booleans(),
    st.booleans(),
)
def test_the_store_writes_each_row_as_the_csv_module_does(drawn, header, reordered):
    # The append writes each distinct text once (a batch of 300,000 rows shares its
    # sources and units); the bytes must be the csv module's, field for field.
    from qntrack.files.appending import encode_rows
    from qntrack.files.store import HEADER, format_value

    rows = [
        Observation(
            i, parse_period(p), float("nan") if v is None else v, "retracted" if v is None else "official", s, n, r, 0
        )
        for i, p, v, s, n, r in drawn
    ]
    columns = list(reversed(HEADER)) if reordered else list(HEADER)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    if header:
        writer.writerow(HEADER)
    for o in rows:
        fields = dict(
            zip(
                HEADER,
                (
                    o.indicator,
                    str(o.period),
                    "" if o.value != o.value else format_value(o.value),
                    o.status,
                    o.source,
                    o.note,
                    o.recorded_at,
                ),
                strict=True,
            )
        )
        writer.writerow([fields[c] for c in columns])
    assert encode_rows(rows, header, columns) == buf.getvalue().encode("utf-8")


def test_a_column_of_distinct_texts_does_not_stop_the_others_being_remembered(monkeypatch):
    # An import's moments are nearly all distinct: once they had filled the table's memory,
    # a source first met after that was quoted by the csv module again on every row (2 s
    # of 300,000 rows). The memory starts afresh instead, and learns the sources again.
    from qntrack.files import textfiles
    from qntrack.files.textfiles import CsvCells

    quoted: list[str] = []
    rule = textfiles.csv_cell

    def counted(text: str) -> str:
        quoted.append(text)
        return rule(text)

    monkeypatch.setattr(textfiles, "csv_cell", counted)
    monkeypatch.setattr(CsvCells, "LIMIT", 100)
    cells = CsvCells()
    for i in range(150):
        cells[f"2024-01-01T00:00:{i:04d}Z"]  # distinct: the memory is full
    for i in range(1_000):
        cells[f"2025-01-01T00:00:{i:04d}Z"]  # still distinct: ten times over
        assert cells["late, source"] == '"late, source"'
    assert quoted.count("late, source") <= 1_000 // 100 + 1
    assert len(cells) <= 100


def test_history_does_not_work_out_the_series_in_force(tracker, monkeypatch):
    # `history` lists one indicator's stored vintages: the series in force of every
    # indicator (1.2 s of a national store's 8.8 s) were worked out and never read.
    from typer.testing import CliRunner

    from qntrack.cli import app
    from qntrack.method import series

    def refused(*args, **kwargs):
        raise AssertionError("the series in force were worked out")

    monkeypatch.setattr(series, "build_series", refused)
    out = CliRunner().invoke(app, ["history", "share", "--format", "csv"])
    assert out.exit_code == 0, out.output
    assert [line.split(",")[0] for line in out.stdout.splitlines()[1:]] == ["2024-Q1", "2023", "2022", "2021"]


@pytest.mark.parametrize(
    "args", [("show", "share"), ("show", "share", "--format", "json"), ("observations", "-i", "share", "-f", "csv")]
)
def test_one_target_or_indicator_works_out_its_own_series_only(tracker, monkeypatch, args):
    # A national store's series in force took 1.2 s of `show`, every indicator's, for one
    # target's figures: only the rows of the indicators shown (and their formula's
    # inputs) are worked out now; the warnings of the others' rows are said as before.
    from typer.testing import CliRunner

    from qntrack.cli import app
    from qntrack.method import series

    seen: list[set[str]] = []
    real = series.in_force

    def recorded(observations, *rest, **kwargs):
        rows = list(observations)
        seen.append({o.indicator for o in rows})
        return real(rows, *rest, **kwargs)

    monkeypatch.setattr(series, "in_force", recorded)
    out = CliRunner().invoke(app, list(args))
    assert out.exit_code == 0, out.output
    assert seen == [{"share"}]
