"""The speed-ups keep behaviour: each fast path against the plain code it stands in for.

- store.parse_store: the fast reader against the general one (the csv module over the
  whole text), on generated files full of awkward rows, byte for byte: observations,
  problems with their lines and messages, torn rows, and the errors it raises;
- series.in_force against the rule written out longhand;
- the observations built from columns against Observation(...);
- periods' stored fields against what they stand for;
- lean_typer: option values and Typer's own error message for a wrong choice;
- store.peek_store: what add-observation needs, without reading the rows.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import modules_loaded

from qntrack.catalog import said
from qntrack.files import rules, store, store_fast
from qntrack.errors import InputError
from qntrack.plan.model import Observation
from qntrack.plan.periods import Period, parse_period
from qntrack.method.series import in_force
from qntrack.files.store import HEADER, parse_store, peek_store, read_store

# --- parse_store: fast against general -----------------------------------------------------------

INDICATORS = ["share", "growth_total_p01", "", " share", "Share", "x"]
PERIODS = ["2023", "2023-Q2", "2023-H1", "2023-6M", "2023-04", "2023-9M", "2023-Q5", "23", "2023-13", " 2024 ", ""]
VALUES = ["12.5", "-3", "1e3", ".5", "7.", "1_000", "nan", "inf", "1,5", "12%", "", " 8 ", "١٢", "0x10", "1e400"]
STATUSES = ["", "estimate", "preliminary", "official", "Official", "guess", "src"]  # "src" is also a source
TEXTS = [
    "",
    "src",
    "Cục Thống kê",
    unicodedata.normalize("NFD", "Cục Thống kê"),
    'say "hi"',
    "a, b",
    "two\nlines",
    "tab\there",
    "ok",
]
STAMPS = [
    "2023-01-10T00:00:00Z",
    "2023-01-10",
    "2023-01-10T07:00:00+07:00",
    "2023-01-10T00:00:00",
    "yesterday",
    "",
    "2023-01-10, 00:00",  # quoted when written: the last comma of the line is inside it
    'at "noon"',
]

# Notes a row has of its own (an Open SDG import's file and line), and awkward ones.
NOTES = ["data/indicator_1-1-1.csv:2", "data/indicator_1-1-1.csv:3", "x:9", "nôte", "a\rb", " pad", "'=1"]


def field(text: str) -> str:
    if any(c in text for c in ',"\n\r') or text != text.strip():
        return '"' + text.replace('"', '""') + '"'
    return text


# The strategies of a row's fields made once, not at every draw (Hypothesis validates a
# new strategy when first drawn from: that was most of an example's cost). The same
# strategies drawn in the same order give the same examples.
_STATUS = st.sampled_from(STATUSES)
_TEXT = st.sampled_from(TEXTS)
_STAMP = st.sampled_from(STAMPS)
_KIND = st.sampled_from(["good"] * 4 + ["odd"] * 4 + ["blank", "short", "long", "raw"])
_BLANK = st.sampled_from(["", "   "])
_RAW = st.sampled_from(
    [
        'share,2023,"1',
        'share,2023,1,,"a""b",,2023-01-10',
        "share,2023,5,,x,y,z,w",
        'share,"2023",1,,,,2023-01-10T00:00:00Z',
        'a"b,2023,1,,,,2023-01-10',
    ]
)
_INDICATOR = st.sampled_from(INDICATORS[:2])
_PERIOD = st.sampled_from(PERIODS[:6])
_VALUE = st.sampled_from(VALUES[:5])
_TEXT_OR_NOTE = st.sampled_from(TEXTS + NOTES)
_AWKWARD = [
    st.sampled_from(found)
    for found in (INDICATORS[2:], PERIODS[6:], VALUES[5:], STATUSES[4:], TEXTS, TEXTS, STAMPS[3:])
]


@st.composite
def tails(draw) -> list[str]:
    return [
        draw(_STATUS),
        draw(_TEXT),
        draw(_TEXT),
        draw(_STAMP),
    ]


_TAILS = tails()


@st.composite
def rows(draw, shared: st.SearchStrategy[list[str]]) -> str:
    """A row; most reuse one of a few shared last-four-fields (``shared`` draws one), as a
    report's rows do."""
    kind = draw(_KIND)
    if kind == "blank":
        return draw(_BLANK)
    if kind == "raw":  # bytes a person might leave in a file
        return draw(_RAW)
    cells = [
        draw(_INDICATOR),
        draw(_PERIOD),
        draw(_VALUE),
    ]
    ending = draw(shared) if draw(st.integers(0, 4)) else draw(_TAILS)
    if draw(st.integers(0, 3)) == 0:  # a known ending recorded at another moment, as an import writes
        ending = [*ending[:3], draw(_STAMP)]
    if draw(st.integers(0, 3)) == 0:  # a known status and source with a note of the row's own, as
        # an Open SDG import writes each row's origin ("data/indicator_1-1-1.csv:2")
        ending = [*ending[:2], draw(_TEXT_OR_NOTE), ending[3]]
    cells += ending
    if kind == "odd":  # one field at a time from the awkward ones
        which = draw(st.integers(0, 6))
        cells[which] = draw(_AWKWARD[which])
    if kind == "short":
        cells = cells[: draw(st.integers(1, 6))]
    if kind == "long":
        cells.append("extra")
    return ",".join(field(c) for c in cells)


@st.composite
def stores(draw) -> bytes:
    header = draw(
        st.sampled_from(
            [",".join(HEADER)] * 5
            + [
                "Indicator, Period ,value,status,source,note,recorded_at",  # case and spaces
                "period,indicator,value,status,source,note,recorded_at",  # another order: general reader
                '"indicator",period,value,status,source,note,recorded_at',  # quoted: general reader
                "indicator,period,value,status,source,note",  # missing a column
                "indicator,period,value,status,source,note,recorded_at,extra",
                "",
            ]
        )
    )
    shared = draw(st.lists(_TAILS, min_size=1, max_size=3))
    body = draw(st.lists(rows(st.sampled_from(shared)), max_size=30))
    text = "\n".join([header, *body]) + "\n"
    if draw(st.booleans()):  # a torn last row
        # ... or a whole row without its newline, as Notepad saves it: a row (issue 12)
        text += draw(
            st.sampled_from(
                [
                    "share,2023,1",
                    "x",
                    '"open',
                    "share,2023,1,,,,2023-01-10T00:00:00Z",
                    'share,2023,1,,"a, b",,2023-01-10',
                ]
            )
        )
    data = text.encode("utf-8")
    extra = draw(st.sampled_from(["none"] * 6 + ["bom", "crlf", "nul", "latin1", "cr"]))
    if extra == "bom":
        data = b"\xef\xbb\xbf" + data
    elif extra == "crlf":
        data = data.replace(b"\n", b"\r\n")
    elif extra == "nul":
        data = data + b"share,2023,1,,\x00,,2023-01-10\n"
    elif extra == "latin1":
        cut = draw(st.integers(0, len(data)))
        data = data[:cut] + b"\xe9" + data[cut:]
    elif extra == "cr":
        data = data.replace(b"\n", b"\r", 1)
    return data


def outcome(read, data: bytes):
    try:
        contents = read(data)
    except InputError as exc:
        return ("error", [str(p) for p in exc.problems])
    return ("ok", contents.observations, [str(p) for p in contents.problems], contents.torn_line)


def general(data: bytes) -> store.StoreContents:
    start = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    if b"\x00" in data[:8192]:
        raise InputError([])  # both raise the same "binary" error; compared below
    return store._parse_text(store._decode(data[start:], "o.csv"), "o.csv")


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stores())
def test_the_fast_reader_reads_as_the_general_one(data: bytes):
    fast = outcome(lambda d: parse_store(d, "o.csv"), data)
    slow = outcome(general, data)
    if b"\x00" in data[:8192]:
        assert fast[0] == "error"
        return
    assert fast == slow


GOOD = ["share", "2023", "12.5", "official", "Cục Thống kê", "", "2023-01-10T00:00:00Z"]
AWKWARD = [INDICATORS[2:], PERIODS[6:], VALUES[5:], STATUSES[4:], TEXTS, TEXTS, STAMPS[3:]]


@pytest.mark.parametrize("which, odd", [(i, v) for i, values in enumerate(AWKWARD) for v in values])
def test_one_awkward_field_after_the_reader_has_seen_the_rest(which: int, odd: str):
    """The row's other fields are already known, so the fast reader's own checks decide."""
    row = list(GOOD)
    row[which] = odd
    lines = [",".join(HEADER), ",".join(field(c) for c in GOOD), ",".join(field(c) for c in row)]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    assert outcome(lambda d: parse_store(d, "o.csv"), data) == outcome(general, data)


def test_a_status_that_was_a_source_on_an_earlier_row_is_still_refused():
    # The fast reader remembers each source it has seen; once it kept them in the same
    # table as the valid statuses, so a status "GSO" after a source "GSO" passed.
    data = (
        ",".join(HEADER) + "\nshare,2022,1,,GSO,,2023-01-10T00:00:00Z\nshare,2023,2,GSO,GSO,,2023-01-10T00:00:00Z\n"
    ).encode()
    contents = parse_store(data, "o.csv")
    assert [o.period.year for o in contents.observations] == [2022]
    assert [str(p) for p in contents.problems] == [
        "o.csv:3: error: status 'GSO' is not one of: (empty), estimate, preliminary, official"
    ]
    assert outcome(lambda d: parse_store(d, "o.csv"), data) == outcome(general, data)


# Texts a value cell may hold: anything but what ends a field (a comma, a quote, a line
# end), weighted towards what float() reads and rules.number may not.
VALUE_TEXTS = st.one_of(
    st.text(st.characters(blacklist_characters=',"\n\r\x00', blacklist_categories=("Cs",)), max_size=12),
    st.from_regex(r"[-+ \t]?[0-9_.eE+-]{1,10}[ \t]?", fullmatch=True),
    st.floats().map(repr),
    st.sampled_from(["1e-400", "0e-400", "-0.0", "1e308", "1e309", "nan", "-inf", "Infinity", "1_0", "\x1c1", "1\x1f"]),
)


@settings(max_examples=500, deadline=None)
@given(VALUE_TEXTS)
@example("#N/A")  # found by the search in the thirty-eighth session's full run
def test_the_fast_loop_takes_a_value_exactly_as_the_rule_does(text: str):
    """The fast loop reads a value by float() under its own conditions (store_fast._parse_fast)
    when the rest of the row is known; what it accepts, and as what, is rules.number's
    answer on any text, and a value it declines gets the rule's message, or, for a
    spreadsheet's error value (#N/A), the store's words for it (rules.stored_cell_error), as
    a row of the store so holding one is told."""
    ending = "official,src,,2023-01-10T00:00:00Z"
    data = f"{','.join(HEADER)}\nshare,2022,1,{ending}\nshare,2022,{text},{ending}\n".encode("utf-8")
    got = parse_store(data, "o.csv")
    try:
        expected = rules.value(text, "official")  # a row's rule: rules.number's, and an empty value told so
    except ValueError as exc:
        assert [o.line for o in got.observations] == [2]
        assert [p.message for p in got.problems] == [rules.stored_cell_error("value", text) or said(exc)]
    else:
        assert not got.problems
        assert [o.line for o in got.observations] == [2, 3]
        assert repr(got.observations[1].value) == repr(expected)
    assert outcome(lambda d: parse_store(d, "o.csv"), data) == outcome(general, data)


def test_a_quoted_ending_seen_before_is_read_by_the_fast_loop(monkeypatch: pytest.MonkeyPatch):
    """A national store's revisions share a quoted note ("revised, after the annual
    survey"). Once the csv module has read such an ending whole, a row ending the same way
    is read like any other, unless something else in it is new: then the csv module
    reads it after all (here a new indicator and period, then a bad value). Line 5 has
    only parts seen before: the fast loop reads it."""
    ending = 'official,"Niên giám, 2024","revised, after the survey",2024-01-01T00:00:00Z'
    data = "\n".join(
        [
            ",".join(HEADER),
            f"a,2021,1,{ending}",
            f"b,2022,2,{ending}",
            f"a,2021,oops,{ending}",
            f"a,2022,3.5,{ending}",
            '"a",2024,4,' + ending,
            "",
        ]
    ).encode("utf-8")
    calls = []
    real = store.csv.reader
    monkeypatch.setattr(store.csv, "reader", lambda *a, **k: calls.append(1) or real(*a, **k))
    contents = parse_store(data, "o.csv")
    assert len(calls) == 4  # lines 2, 3, 4 and 6 (a quoted indicator); not line 5
    assert [(o.indicator, str(o.period), o.value, o.note, o.line) for o in contents.observations] == [
        ("a", "2021", 1.0, "revised, after the survey", 2),
        ("b", "2022", 2.0, "revised, after the survey", 3),
        ("a", "2022", 3.5, "revised, after the survey", 5),
        ("a", "2024", 4.0, "revised, after the survey", 6),
    ]
    assert [str(p) for p in contents.problems] == ["o.csv:4: error: 'oops' is not a number; write a decimal like 10.28"]
    monkeypatch.setattr(store.csv, "reader", real)
    assert outcome(lambda d: parse_store(d, "o.csv"), data) == outcome(general, data)


def test_a_known_ending_recorded_at_a_new_moment_is_read_by_the_fast_loop(monkeypatch: pytest.MonkeyPatch):
    """An import writes each row's own moment of recording, and a yearbook's name often
    holds a comma ("Niên giám thống kê Đắk Lắk 2024, bản sửa đổi"): every such row used to
    go to the csv module and the checks field by field, and a store that had taken a
    300,000-row import read at a third of its speed. Once a status, source and note have
    been read whole, a row ending with them and a plain moment is read by the fast loop,
    quoted or not; anything odd in the moment still goes to the checks (line 6)."""
    quoted = 'official,"Niên giám, 2024",'
    plain = "official,Cục Thống kê,"
    data = "\n".join(
        [
            ",".join(HEADER),
            f"a,2021,1,{quoted},2024-01-01T00:00:00Z",
            f"a,2021,2,{quoted},2024-01-02T00:00:00Z",
            f"b,2021,3,{plain},2024-01-03T00:00:00Z",
            f"b,2021,4,{plain},2024-01-04T00:00:00Z",
            f"b,2021,5,{plain},yesterday",
            f'a,2021,6,{quoted},"2024-01-05T00:00:00Z"',
            "",
        ]
    ).encode("utf-8")
    readers, checked = [], []
    real_reader, real_check = store.csv.reader, store_fast._Rows.check
    monkeypatch.setattr(store.csv, "reader", lambda *a, **k: readers.append(1) or real_reader(*a, **k))
    monkeypatch.setattr(
        store_fast._Rows, "check", lambda self, f, line, *a: checked.append(line) or real_check(self, f, line, *a)
    )
    contents = parse_store(data, "o.csv")
    assert len(readers) == 2  # lines 2 and 7 (a quoted moment); not line 3, whose indicator and period are known too
    assert checked == [2, 4, 6, 7]  # not lines 3 and 5
    assert [(o.indicator, o.value, o.source, o.recorded_at, o.line) for o in contents.observations] == [
        ("a", 1.0, "Niên giám, 2024", "2024-01-01T00:00:00Z", 2),
        ("a", 2.0, "Niên giám, 2024", "2024-01-02T00:00:00Z", 3),
        ("b", 3.0, "Cục Thống kê", "2024-01-03T00:00:00Z", 4),
        ("b", 4.0, "Cục Thống kê", "2024-01-04T00:00:00Z", 5),
        ("a", 6.0, "Niên giám, 2024", "2024-01-05T00:00:00Z", 7),
    ]
    assert [p.location.line for p in contents.problems] == [6]
    monkeypatch.undo()
    assert outcome(lambda d: parse_store(d, "o.csv"), data) == outcome(general, data)


def test_an_ending_read_from_its_known_part_is_remembered_whole(monkeypatch: pytest.MonkeyPatch):
    """A report's rows end the same way: once one such ending was read from its status,
    source and note and a new moment, the rows after it take it whole. It was not kept,
    and every row paid the split again and held a tuple of its own: the generated stores
    read 2 s slower and 60 MB larger."""
    report = "official,Niên giám,,2024-02-01T00:00:00Z"
    data = "\n".join(
        [
            ",".join(HEADER),
            "a,2021,1,official,Niên giám,,2024-01-01T00:00:00Z",  # checked: its parts remembered
            *(f"a,2021,{n},{report}" for n in range(2, 7)),  # a new moment: then the same ending
            "",
        ]
    ).encode("utf-8")
    split = []
    real = store_fast._Rows.known_head
    monkeypatch.setattr(store_fast._Rows, "known_head", lambda self, rest: split.append(rest) or real(self, rest))
    contents = parse_store(data, "o.csv")
    # (The reader splits raw text, so a name reads as its bytes here.) Line 2, where nothing
    # is known yet and the checks read it, and line 3; not lines 4 to 7.
    assert [rest[-20:] for rest in split] == ["2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z"]
    assert [o.value for o in contents.observations] == [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]


@st.composite
def clean_stores(draw) -> bytes:
    """Stores without a problem, whose rows share a few endings, quoted ones among them."""
    endings = draw(
        st.lists(
            st.tuples(
                st.sampled_from(STATUSES[:4]),
                st.sampled_from(TEXTS),
                st.sampled_from(TEXTS),
                st.sampled_from(STAMPS[:3]),
            ),
            min_size=1,
            max_size=3,
        )
    )
    row = st.tuples(
        st.sampled_from(["share", "growth_total_p01", "x", "Share"]),
        st.sampled_from(PERIODS[:6]),
        st.sampled_from(VALUES[:5]),
        st.sampled_from(endings),
    )
    # Now and then an indicator in quotes, as a spreadsheet may write it: the same id.
    body = [
        ",".join([f'"{i}"' if q else i, *(field(c) for c in (p, v, *e))])
        for (i, p, v, e), q in draw(st.lists(st.tuples(row, st.integers(0, 5).map(lambda n: n == 0)), max_size=30))
    ]
    return "\n".join([",".join(HEADER), *body, ""]).encode("utf-8")


def distinct_of(rows) -> tuple:
    """The distinct values of ``rows``, worked out from the rows themselves."""
    return (
        {o.indicator for o in rows},
        {o.period.sort_key for o in rows},
        {o.source for o in rows} | {o.note for o in rows},
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(stores(), clean_stores()))
def test_the_readers_distinct_values_hold_every_rows(data: bytes):
    # What check's row rules judge instead of the rows (store.Distinct): never fewer values
    # than the rows hold, whatever the file; exactly theirs on a file without a problem.
    try:
        contents = parse_store(data, "o.csv")
    except InputError:
        return
    if contents.distinct is None:
        return  # not the fast reader's file: check gathers them from the rows
    seen = contents.distinct
    found = (set(seen.indicators), set(seen.sort_keys), set(seen.texts))
    actual = distinct_of(contents.observations)
    for mine, theirs in zip(found, actual, strict=True):
        assert theirs <= mine
    if not contents.problems:
        assert found[0] == actual[0]


def test_a_store_with_more_distinct_values_than_a_table_holds_gives_none(monkeypatch: pytest.MonkeyPatch):
    # A table that stopped growing no longer knows every value: check gathers them itself.
    from qntrack.files import store_fast

    monkeypatch.setattr(store_fast._Rows, "LIMIT", 4)
    head = ",".join(HEADER) + "\n"
    many = "".join(f"i{n},2024,1,official,s,,2025-01-01T00:00:00Z\n" for n in range(6))
    assert parse_store((head + many).encode(), "o.csv").distinct is None
    few = "".join(f"i{n % 2},2024,1,official,s,,2025-01-01T00:00:00Z\n" for n in range(6))
    distinct = parse_store((head + few).encode(), "o.csv").distinct
    assert distinct is not None and distinct.indicators == {"i0", "i1"} and distinct.texts == {"s", ""}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(stores(), clean_stores()), st.integers(0, 2))
def test_two_readers_that_leave_rows_to_each_other_miss_none(data: bytes, salt: int):
    """What a shared cold run relies on (cache._in_two): each process reads every row of
    its own indicators, as a single reading reads it, and nothing that is not in the store.
    (A store the fast reader leaves to the general one is read whole by both: harmless.)"""
    whole = outcome(lambda d: parse_store(d, "o.csv"), data)
    if whole[0] != "ok" or whole[2]:
        return  # with problems, the parent reads the whole store again and reports them

    def mine(indicator: str) -> bool:
        return hash((salt, indicator)) % 2 == 0

    here = parse_store(data, "o.csv", reads=mine)
    there = parse_store(data, "o.csv", reads=lambda i: not mine(i))
    assert here.problems == () and there.problems == ()
    assert [o for o in here.observations if mine(o.indicator)] == [o for o in whole[1] if mine(o.indicator)]
    assert [o for o in there.observations if not mine(o.indicator)] == [o for o in whole[1] if not mine(o.indicator)]
    assert set(here.observations) | set(there.observations) == set(whole[1])


@pytest.mark.parametrize("chunk", [1, 7, 64])
def test_chunk_edges_do_not_matter(monkeypatch: pytest.MonkeyPatch, chunk: int):
    text = (
        ",".join(HEADER)
        + "\n"
        + "".join(
            f'share,{2000 + i % 20},{i}.5,,"Cục, {i}","a ""q""\nb",2023-01-10T00:00:00Z\n'
            if i % 3 == 0
            else f"growth,{2000 + i % 20}-Q{1 + i % 4},{i},estimate,Thống kê,,2023-01-1{i % 10}T00:00:00Z\n"
            for i in range(300)
        )
    )
    data = text.encode("utf-8")
    expected = outcome(general, data)
    monkeypatch.setattr(store_fast, "_CHUNK", chunk)
    assert outcome(lambda d: parse_store(d, "o.csv"), data) == expected


def test_a_bad_byte_far_into_the_file_is_reported_on_its_line(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(store_fast, "_CHUNK", 50)
    good = "share,2023,1,,,,2023-01-10T00:00:00Z\n"
    data = (",".join(HEADER) + "\n" + good * 40).encode() + b"share,2023,1,,\xff,,2023-01-10\n" + good.encode() * 3
    with pytest.raises(InputError) as err:
        parse_store(data, "o.csv")
    assert str(err.value) == (
        "o.csv:42: error: not UTF-8 text (perhaps a Western encoding, Windows-1252 or Mac OS Roman, which cannot hold most Vietnamese letters: then take the file from a copy from before, a backup or git; or Windows-1258 or TCVN3/ABC); save it as UTF-8"
    )


def test_observations_built_from_columns_equal_constructed_ones():
    made = store_fast._build_observations(
        (
            ["a", "b"],
            [Period(2023), Period(2023, 4, 6)],
            [1.5, -2.0],
            ["", "official"],
            ["s", "t"],
            ["", "n"],
            ["2023-01-01T00:00:00Z"] * 2,
            [2, 3],
        )
    )
    assert made == (
        Observation("a", Period(2023), 1.5, "", "s", "", "2023-01-01T00:00:00Z", 2),
        Observation("b", Period(2023, 4, 6), -2.0, "official", "t", "n", "2023-01-01T00:00:00Z", 3),
    )
    assert hash(made[0]) == hash(Observation("a", Period(2023), 1.5, "", "s", "", "2023-01-01T00:00:00Z", 2))
    with pytest.raises(AttributeError):
        made[0].value = 3  # still frozen


# --- in_force against the rule ----------------------------------------------------------------


def in_force_longhand(observations, as_of=None):
    bound = f"{as_of}T23:59:59Z" if as_of else None
    best: dict = {}
    for o in observations:
        if bound and o.recorded_at > bound:
            continue
        key = (o.indicator, o.period)
        if key not in best or (o.recorded_at, o.line) >= (best[key].recorded_at, best[key].line):
            best[key] = o
    series: dict = {}
    for (ind, _), o in best.items():
        series.setdefault(ind, []).append(o)
    return {
        ind: sorted(rows, key=lambda o: (o.period.year, o.period.last, o.period.first)) for ind, rows in series.items()
    }


observations = st.builds(
    Observation,
    indicator=st.sampled_from(["a", "b", "c"]),
    period=st.sampled_from(["2022", "2023", "2023-H1", "2023-6M", "2023-Q2", "2023-04"]).map(parse_period),
    value=st.floats(-10, 10),
    recorded_at=st.sampled_from(["2023-01-01T00:00:00Z", "2023-06-01T00:00:00Z", "2024-01-01T00:00:00Z"]),
    line=st.integers(0, 5),
)


@given(st.lists(observations, max_size=40), st.sampled_from([None, "2023-01-01", "2023-06-30", "2030-01-01"]))
def test_in_force_follows_the_rule(rows, as_of):
    assert in_force(rows, as_of) == in_force_longhand(rows, as_of)


@given(st.sampled_from(["2023", "2023-H2", "2023-Q3", "2023-11", "2023-9M", "2023-1M", "2023-12M"]))
def test_period_stored_fields(text):
    p = parse_period(text)
    assert p.months == p.last - p.first + 1
    assert p.is_year == (p.first == 1 and p.last == 12)
    assert p.same_span_previous_year() == Period(p.year - 1, p.first, p.last)
    assert hash(p) == hash(Period(p.year, p.first, p.last)) and repr(p) == f"Period('{p}')"


# --- lean_typer ------------------------------------------------------------------------------


def test_a_wrong_choice_reads_as_typer_writes_it(tmp_path: Path):
    from qntrack.cli import app

    r = CliRunner().invoke(app, ["status", "--targets", str(tmp_path / "none.yaml"), "--format", "xml"])
    assert r.exit_code == 2
    # Typer's checker's words, less the "Value error, " before them that cli/usage.py drops
    # (issue 12, g2; tests/test_lang_choice.py).
    assert "Invalid value for '--format' / '-f': 'xml' is not one of 'table', 'json', 'csv', 'tsv'." in r.stderr


def test_the_patch_of_typers_private_module_still_applies():
    """lean_typer.py reaches into Typer's private ``_coercion`` module, and steps aside
    without a word when that module changes. pyproject.toml pins Typer to the versions it
    was tested on; this fails loudly when the patch no longer applies, so that a Typer
    upgrade is a decision (re-test and widen the pin, or drop lean_typer), not a silent
    slowdown of every command."""
    import typer
    from typer import core

    import qntrack.cli  # noqa: F401  (applies the patch on import)

    patched = getattr(getattr(core, "build_runtime_param", None), "qntrack_lean", False)
    assert patched, (
        f"lean_typer.py no longer applies to typer {typer.__version__}: "
        "re-test it and widen the pin in pyproject.toml, or remove it"
    )


def test_plain_values_need_no_pydantic():
    argv = ["status", "--targets", "none.yaml", "--format", "json", "a", "b"]
    assert modules_loaded(argv, ["pydantic", "rich"]) == [False, False]
    # The options of issue 14: a choice (--group-by) and a text (--group).
    argv = ["status", "--targets", "none.yaml", "--format", "json", "--group-by", "owner"]
    assert modules_loaded(argv + ["--fail-on", "deterioration", "--group", "x"], ["pydantic", "rich"]) == [False, False]
    # check's --jump-factor is a float: not given, it costs nothing (issue 17: every
    # national check paid a quarter of a second for Pydantic's import).
    assert modules_loaded(["check", "--targets", "none.yaml"], ["pydantic"]) == [False]


def test_a_wrong_group_by_reads_as_typer_writes_it(tmp_path: Path):
    from qntrack.cli import app

    r = CliRunner().invoke(app, ["status", "--targets", str(tmp_path / "none.yaml"), "--group-by", "team"])
    assert r.exit_code == 2
    assert "Invalid value for '--group-by': 'team' is not one of 'group', 'owner'." in r.stderr


# --- the collector ------------------------------------------------------------------------------


def test_only_the_console_entry_point_sets_a_collector_policy(tmp_path: Path):
    """The library never calls gc (a Python caller keeps its own collector); a command
    run from the console runs with the collector off (cli._collector_policy)."""
    import gc
    import subprocess
    import sys

    import qntrack

    package = Path(qntrack.__file__).parent
    users = sorted(
        str(f.relative_to(package)) for f in package.rglob("*.py") if "import gc" in f.read_text(encoding="utf-8")
    )
    assert users == ["cli/__init__.py"]
    entry = (package / "cli" / "__init__.py").read_text(encoding="utf-8")
    assert "gc." not in entry.split("def _collector_policy")[0]

    from qntrack.cli import app

    CliRunner().invoke(app, ["status", "--targets", str(tmp_path / "none.yaml"), "--format", "json"])
    assert gc.isenabled()
    code = (
        "import sys, gc; sys.argv = ['qntrack', 'status', '--targets', 'none.yaml', '--format', 'json']\n"
        "from qntrack.cli import main\ntry: main()\nexcept SystemExit: pass\nprint(gc.isenabled())"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path).stdout
    assert out.split()[-1] == "False"


# --- peek_store --------------------------------------------------------------------------------


def test_peek_reads_no_rows_but_answers_as_read_store(tmp_path: Path):
    path = tmp_path / "o.csv"
    assert peek_store(path) == read_store(path)  # no file
    path.write_text(",".join(HEADER) + "\nshare,2023,1,,,,2023-01-10T00:00:00Z\n", encoding="utf-8")
    assert peek_store(path).observations == () and not peek_store(path).torn_line
    path.write_text(",".join(HEADER) + "\nshare,2023,1", encoding="utf-8")
    assert peek_store(path).torn_line == read_store(path).torn_line == 2
    path.write_bytes((",".join(HEADER) + "\r\nshare,2023,1,,,,2023-01-10T00:00:00Z\r\n").encode())  # from a spreadsheet
    assert peek_store(path) == type(peek_store(path))((), ())
    path.write_text("indicator,value\nshare,1\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        peek_store(path)
    assert "the header must be" in str(err.value)


spans = st.builds(
    lambda year, a, b: Period(year, min(a, b), max(a, b)), st.integers(1, 9999), st.integers(1, 12), st.integers(1, 12)
)


@given(spans, spans)
def test_sort_key_orders_by_year_then_end_then_the_longer_span_first(a: Period, b: Period):
    """One int stands for (year, last month, first month): same order, one key per span."""
    assert (a.sort_key < b.sort_key) == ((a.year, a.last, a.first) < (b.year, b.last, b.first))
    assert (a.sort_key == b.sort_key) == (a == b)
    assert (a < b) == (a.sort_key < b.sort_key)


def test_rows_with_a_note_of_their_own_are_read_by_the_fast_loop(monkeypatch: pytest.MonkeyPatch):
    """A store an Open SDG import wrote: one quoted source for a whole indicator, and a
    note of each row's own (the file and line it came from). After the first row, the
    status and source are known and each note is plain: only a row with a period not met
    before (20 here) goes to the csv module, not every row, and the rows read as the
    general reader reads them."""
    import csv as csv_module

    from qntrack.files import store_fast

    source = '"Statistics Canada. Table 11-10-0135-01, by age and sex https://doi.org/10.25318/1110013501-eng"'
    lines = [",".join(HEADER)]
    lines += [
        f"g,{2000 + i % 20},{i / 7:.4f},,{source},data/indicator_1-1-1.csv:{i + 2},2025-11-01T00:00:00Z"
        for i in range(500)
    ]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    calls = []
    real = csv_module.reader
    monkeypatch.setattr(store_fast.csv, "reader", lambda *a, **k: calls.append(1) or real(*a, **k))
    fast = outcome(lambda d: parse_store(d, "o.csv"), data)
    assert len(calls) == 20  # each period's first row; every row (500) before
    assert fast == outcome(general, data)
    assert fast[1][499].note == "data/indicator_1-1-1.csv:501" and fast[1][499].source.startswith("Statistics Canada.")


def test_a_status_served_from_the_cache_loads_no_decimal(shipped: Path, monkeypatch: pytest.MonkeyPatch):
    """The numbers audit rounds displayed figures and adds cumulative totals with the
    decimal module: a status served from the cache prints no figure and assesses nothing,
    so it does not pay for decimal's import (the shipped start-up goal, issue 17)."""
    monkeypatch.delenv("QNTRACK_NO_CACHE", raising=False)
    argv = ["status", "--format", "json"]
    modules_loaded(argv, ["decimal"])  # the first run writes the cache
    assert modules_loaded(argv, ["decimal", "qntrack.kinds.cumulative"]) == [False, False]
