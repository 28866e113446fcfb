"""An import judged a column at a time (files/import_columns.py) against the general path.

The general path (import_tables.parse_table, then recording.validated_batch) is the
definition: on any file, the column reader either gives up (None) or gives the very rows
and lines the general path gives. Files are drawn from cells that break one rule each
(an unknown indicator, a unit that no longer existed, a period Excel made a date, a
figure in a thousands' group, a moment in the future, a formula in a source...), so that
each way of giving up is met; and from clean cells, where it must not give up.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from qntrack.cli import app
from qntrack.errors import InputError
from qntrack.files import import_columns
from qntrack.files.definitions import load_plan
from qntrack.files.import_columns import columns_batch
from qntrack.files.import_tables import ImportFormat, RowDefaults, parse_table
from qntrack.files.column_names import dimension_names as _column_names
from qntrack.files.recording import validated_batch

PLAN = """\
title: {en: Columns, vi: Cột}
timezone: "+07:00"
dimensions:
  locality:
    name: {en: Locality, vi: Địa phương}
    values: [Hạ Long, Cẩm Phả, {value: Uông Bí, until: "2025-06-30"}]
indicators:
  g: {name: Growth, unit: "%", measure: rate, dimensions: [locality]}
  q: {name: Quarterly output, unit: bn VND, frequency: quarter}
  d: {name: Doubled, unit: "%", formula: "g * 2"}
targets: []
"""
STORE = "indicator,period,value,status,source,note,recorded_at\n"
NOW = "2026-12-01T03:00:00Z"
UNDATED = NOW

INDICATORS = ["g", "q", " q ", "G", "d", "unknown", "g[locality=Hạ Long]", "q[locality=Hạ Long]", "", "q\nx"]
UNITS = ["", "Hạ Long", "Cẩm Phả", "Uông Bí", "ha long", "Nowhere", " Cẩm Phả "]
PERIODS = [
    "2023",
    "2024",
    "2023-Q2",
    "2025-Q3",
    "2023-04",
    "Quý 2/2023",
    " 2024",
    "01/04/2025",
    "2023-13",
    "２０２３",
    "",
]
VALUES = [
    "12.5",
    "-3",
    "1e3",
    ".5",
    "7.",
    "0",
    "-0.0",
    "1e-400",
    "1e400",
    "1,5",
    "1,234",
    "12%",
    "",
    " 8 ",
    "nan",
    "1_0",
]
STATUSES = ["", "estimate", "preliminary", "official", "Official", "sơ bộ", "retracted", "guess"]
TEXTS = ["", "Cục Thống kê", unicodedata.normalize("NFD", "Cục Thống kê"), "=HYPERLINK(1)", "a, b", "two\nlines", " x "]
STAMPS = [
    "2026-03-01T00:00:00Z",
    "2026-03-01",
    "2026-03-01T07:00:00+07:00",
    "2026-03-01T07:00:00",
    "2026-02-30T00:00:00Z",
    "2026-03-01T24:00:00Z",
    "3/1/2026 10:00",
    "",
    "2027-06-01T00:00:00Z",  # in the future
    "2023-06-01T00:00:00Z",  # before 2023 ended: only an estimate may be
    "0000-01-01T00:00:00Z",
]
HEADERS = [
    ["indicator", "period", "value", "status", "source", "note", "recorded_at"],
    ["indicator", "locality", "period", "value", "status", "source", "note", "recorded_at"],
    ["Indicator", "period", "value", "recorded_at", "Địa phương"],
    ["indicator", "period", "value"],
    ["indicator", "period", "value", "state"],
    ["indicator\n", "period", "value", "recorded_at"],  # a header over two lines: the rows' lines move down
]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("columns")
    (folder / "targets.yaml").write_text(PLAN, encoding="utf-8")
    (folder / "observations.csv").write_text(STORE, encoding="utf-8")
    return load_plan(folder / "targets.yaml"), folder / "observations.csv"


def general(plan, store: Path, text: str, force: bool, tz: str | None):
    """What the general path makes of ``text``: its rows and lines, or "refused"."""
    fmt = ImportFormat(dimensions=_column_names(plan))
    parsed = parse_table(text, "f.csv", fmt, RowDefaults(recorded_at=UNDATED))
    if parsed.problems:
        return "refused"
    try:
        batch = validated_batch(plan, store, parsed.candidates, UNDATED, force=force, now=NOW, tz=tz)
    except InputError:
        return "refused"
    return batch.rows, batch.wheres


def by_columns(plan, text: str, force: bool, tz: str | None):
    fmt = ImportFormat(dimensions=_column_names(plan))
    return columns_batch(text, "f.csv", fmt, RowDefaults(recorded_at=UNDATED), plan, UNDATED, NOW, force=force, tz=tz)


def table(header: list[str], rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


CELLS = {
    "indicator": INDICATORS,
    "locality": UNITS,
    "period": PERIODS,
    "value": VALUES,
    "status": STATUSES,
    "source": TEXTS,
    "note": TEXTS,
    "recorded_at": STAMPS,
}
# Cells every rule takes (for "g" and "q" alike), drawn most of the time: a file is then
# often read by columns, and its one odd cell is what the two paths must agree on.
PLAIN = {
    "indicator": ["g", "q"],
    "locality": ["", "Hạ Long", "Cẩm Phả"],
    "period": ["2021", "2022", "2024"],
    "value": ["12.5", "-3", "1e3", "0"],
    "status": ["", "official", "estimate"],
    "source": ["", "Cục Thống kê"],
    "note": ["", "Cục Thống kê"],
    "recorded_at": [f"2026-01-{day:02d}T10:00:00Z" for day in range(1, 29)],
}
NAMES = {"địa phương": "locality", "state": "status"}
# Each column's two strategies made once, not for every cell drawn (a new strategy is
# validated when first drawn from); the same strategies give the same examples.
_ODD_CELL = {name: st.sampled_from(cells) for name, cells in CELLS.items()}
_PLAIN_CELL = {name: st.sampled_from(cells) for name, cells in PLAIN.items()}
_HEADER = st.sampled_from(HEADERS)


@st.composite
def awkward_files(draw) -> str:
    header = draw(_HEADER)
    rows = []
    for _ in range(draw(st.integers(1, 6))):
        row = []
        for name in header:
            name = NAMES.get(name.strip().lower(), name.strip().lower())
            odd = draw(st.integers(0, 11)) == 0
            row.append(draw(_ODD_CELL[name] if odd else _PLAIN_CELL[name]))
        if draw(st.integers(0, 19)) == 0:
            row = row + [""]  # a row a spreadsheet padded
        rows.append(row)
    text = table(header, rows)
    if draw(st.integers(0, 19)) == 0:
        text = text.replace("\n", "\n\n", 2)  # a blank line
    return text


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=awkward_files(), force=st.booleans(), tz=st.sampled_from([None, "+07:00", "-03:00"]))
def test_on_any_file_it_gives_up_or_agrees_with_the_general_path(project, text: str, force: bool, tz: str | None):
    plan, store = project
    fast = by_columns(plan, text, force, tz)
    if fast is not None:
        assert general(plan, store, text, force, tz) == fast, text


# Cells every rule takes, in every combination (periods fit both indicators' frequency).
CLEAN_KEYS = [("g", "Hạ Long"), ("g", "Cẩm Phả"), ("g", ""), ("q", ""), ("g[locality=Cẩm Phả]", "")]
CLEAN_PERIODS = ["2021", "2022", "2024"]
_CLEAN_VALUE = st.sampled_from(["12.5", "-3", "1e3", ".5", "7.", "0", "-0.0", "1e-300"])
_CLEAN_STATUS = st.sampled_from(["", "estimate", "preliminary", "official", "Official", "sơ bộ"])
_CLEAN_SOURCE = st.sampled_from(["", "Cục Thống kê", TEXTS[2], "=HYPERLINK(1)", "a, b", ' say "hi" '])
_CLEAN_STAMP = {
    day: st.sampled_from([f"2026-01-{day:02d}T10:00:00Z", f"2026-01-{day:02d}", "", "2026-01-02T10:00:00"])
    for day in range(1, 29)
}


@st.composite
def clean_files(draw) -> str:
    header = HEADERS[1]
    keys = draw(
        st.lists(
            st.tuples(st.sampled_from(CLEAN_KEYS), st.sampled_from(CLEAN_PERIODS), st.integers(1, 28)),
            min_size=1,
            max_size=8,
            unique=True,
        )
    )
    rows = []
    for (indicator, unit), period, day in keys:
        value = draw(_CLEAN_VALUE)
        status = draw(_CLEAN_STATUS)
        source = draw(_CLEAN_SOURCE)
        stamp = draw(_CLEAN_STAMP[day])
        rows.append([indicator, unit, period, value, status, source, "", stamp])
    return table(header, rows)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=clean_files(), tz=st.sampled_from(["+07:00", "-03:00"]))
def test_a_clean_file_is_read_by_columns_to_the_same_rows(project, text: str, tz: str):
    plan, store = project
    fast = by_columns(plan, text, False, tz)
    slow = general(plan, store, text, False, tz)
    if slow == "refused" or len({(r.indicator, r.period, r.recorded_at) for r in slow[0]}) < len(slow[0]):
        return  # two rows for one figure and moment (an empty stamp is the batch's): given up, rightly
    assert fast is not None, text
    assert fast == slow


def test_a_header_over_two_lines_is_left_to_the_general_path(project):
    # Found by a hostile differential run: "indicator\n" in quotes reads as `indicator`,
    # and every row is a line further down than the column reader counted.
    plan, store = project
    text = '"indicator\n",period,value,recorded_at\nq,2024-Q1,5,2026-01-02T00:00:00Z\n'
    assert general(plan, store, text, False, None)[1][0].line == 3
    assert by_columns(plan, text, False, None) is None


def test_the_lines_are_the_files(project):
    plan, _store = project
    text = table(HEADERS[0], [["q", "2021", "1", "official", "", "", "2026-01-01T00:00:00Z"]] * 1)
    text += "q,2022,2,official,,,2026-01-01T00:00:00Z\n"
    rows, wheres = by_columns(plan, text, False, None)
    assert [w.line for w in wheres] == [2, 3] and [r.value for r in rows] == [1.0, 2.0]


@pytest.mark.parametrize(
    "change",
    [
        lambda t: t.replace(",", ";"),  # another delimiter
        lambda t: "sep=,\n" + t,  # Excel's line naming it
        lambda t: t.replace("\n", "\r\n"),  # Windows line ends
        lambda t: t + "\n",  # a blank line at the end
        lambda t: t + "q,2023,1e3,official,,,2026-01-01T00:00:00Z\n",  # two rows for one figure
    ],
)
def test_what_it_leaves_to_the_general_path(project, change):
    plan, _store = project
    text = "indicator,period,value,status,source,note,recorded_at\nq,2023,1e3,official,,,2026-01-01T00:00:00Z\n"
    assert by_columns(plan, text, False, None) is not None
    assert by_columns(plan, change(text), False, None) is None


def test_the_command_reads_a_plain_file_by_columns_and_appends_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    (tmp_path / "targets.yaml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "observations.csv").write_text(STORE, encoding="utf-8")
    rows = "".join(f"q,{year},{year - 2000}.5,official,Niên giám,,2026-01-01T00:00:00Z\n" for year in range(2001, 2021))
    (tmp_path / "in.csv").write_text(STORE + rows, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    used = []
    real = import_columns.columns_batch

    def spy(*args, **kwargs):
        used.append(real(*args, **kwargs) is not None)
        return real(*args, **kwargs)

    monkeypatch.setattr(import_columns, "columns_batch", spy)
    result = CliRunner().invoke(app, ["add-observation", "--from", "in.csv"])
    assert result.exit_code == 0, result.output
    assert used == [True]
    assert (tmp_path / "observations.csv").read_text(encoding="utf-8") == STORE + rows


@given(
    st.lists(st.lists(st.sampled_from(["a", "b", "Cục Thống kê", ""]), min_size=3, max_size=3), max_size=40),
    st.integers(min_value=1, max_value=7),
    st.integers(min_value=0, max_value=5),
)
def test_the_columns_are_the_rows_read_a_slice_at_a_time_with_equal_cells_shared(rows, size, limit):
    # A store's whole export imported back is a million rows: read as one list of rows it
    # held every cell as a string of its own (about 1.6 GB at its peak). Read a slice at a
    # time, each column's equal cells are then one string, up to the column's limit of
    # distinct texts; beyond it the cells are kept as they are, and still equal.
    copies = [[str(bytearray(c, "utf-8"), "utf-8") for c in row] for row in rows]  # new strings
    columns = import_columns._columns(iter(copies), 3, size, limit)
    assert columns == [[row[i] for row in rows] for i in range(3)]
    for column in columns:
        if len(set(column)) <= limit:
            assert len({id(c) for c in column}) == len(set(column))


def test_a_row_of_another_width_in_any_slice_gives_up():
    with pytest.raises(import_columns._Unsure):
        import_columns._columns(iter([["a", "b"], ["a", "b"], ["a"]]), 2, 2, 10)
