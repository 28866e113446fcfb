"""observations.csv: read whole, appended to, revisions kept, nothing lost."""

from pathlib import Path

import pytest

from qntrack.errors import InputError
from qntrack.plan.model import Observation
from qntrack.plan.periods import parse_period
from qntrack.method.series import in_force
from qntrack.files.rules import recorded_at as normalise_timestamp
from qntrack.files.appending import append_observations
from qntrack.files.store import HEADER, parse_store, read_store


def obs(ind, period, value, recorded, line=0, status=""):
    return Observation(ind, parse_period(period), value, status, "", "", recorded, line)


def test_missing_store_is_empty(tmp_path: Path):
    contents = read_store(tmp_path / "none.csv")
    assert contents.observations == () and contents.problems == ()


def test_append_writes_header_once_and_never_rewrites(tmp_path: Path):
    path = tmp_path / "o.csv"
    append_observations(path, [obs("g", "2023", 11.03, "2023-11-27T00:00:00Z")])
    first = path.read_bytes()
    assert first == (",".join(HEADER) + "\ng,2023,11.03,,,,2023-11-27T00:00:00Z\n").encode()
    append_observations(path, [obs("g", "2024-H1", 9.02, "2024-07-01T00:00:00Z")])
    after = path.read_bytes()
    assert after.startswith(first)
    assert after[len(first) :] == b"g,2024-H1,9.02,,,,2024-07-01T00:00:00Z\n"


def test_text_with_commas_and_quotes_round_trips(tmp_path: Path):
    path = tmp_path / "o.csv"
    row = Observation(
        "g",
        parse_period("2023"),
        3130.0,
        "estimate",
        'Báo "Đầu tư", số 12',
        "ước, hơn 3,13 tỷ USD",
        "2023-12-01T00:00:00Z",
    )
    append_observations(path, [row])
    back = read_store(path).observations[0]
    assert (back.source, back.note, back.value, back.period) == (row.source, row.note, 3130.0, row.period)
    assert back.line == 2


def test_append_refuses_after_a_torn_line(tmp_path: Path):
    path = tmp_path / "o.csv"
    path.write_text(",".join(HEADER) + "\ng,2023,11.0", encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(InputError) as err:
        append_observations(path, [obs("g", "2024", 8.42, "2025-01-01T00:00:00Z")])
    assert "incomplete row" in str(err.value) and f"{path}:2" in str(err.value)
    assert path.read_bytes() == before


def test_torn_last_line_is_reported_not_read():
    data = (",".join(HEADER) + "\ng,2022,10.28,,,,2023-01-01T00:00:00Z\ng,2023,11.0").encode()
    contents = parse_store(data, "o.csv")
    assert [o.value for o in contents.observations] == [10.28]
    assert contents.torn_line == 3
    assert str(contents.problems[0]).startswith("o.csv:3: error: incomplete last row")


@pytest.mark.parametrize(
    "row, message",
    [
        ("g,2023-13,1,,,,2023-01-01T00:00:00Z", "'2023-13': month 13 does not exist"),
        ("g,2023,nan,,,,2023-01-01T00:00:00Z", "'nan' is not a number"),
        (
            "g,2023,1.234,5,,,,2023-01-01T00:00:00Z",
            "expected 7 fields (indicator,period,value,status,source,note,recorded_at), found 8",
        ),
        ('g,2023,"1,5",,,,2023-01-01T00:00:00Z', "'1,5' is not a number; use a decimal point"),
        ("g,2023,1,guess,,,2023-01-01T00:00:00Z", "status 'guess' is not one of"),
        ("g,2023,1,,,,yesterday", "'yesterday' is not an ISO 8601 timestamp"),
        ("g,2023,1,,,,2023-01-01T09:00:00", "has no time zone"),
    ],
)
def test_bad_rows_are_located(row, message):
    data = (",".join(HEADER) + "\n" + row + "\n").encode()
    contents = parse_store(data, "o.csv")
    assert contents.observations == ()
    assert len(contents.problems) == 1
    assert str(contents.problems[0]).startswith("o.csv:2: error: ")
    assert message in str(contents.problems[0])


def test_bad_header_is_an_error():
    with pytest.raises(InputError, match="the header must be indicator,period,value,status,source,note,recorded_at"):
        parse_store(b"indicator,period,amount\n", "o.csv")


def test_timestamps_normalise_to_utc():
    assert normalise_timestamp("2023-11-27T09:00:00+07:00") == "2023-11-27T02:00:00Z"
    assert normalise_timestamp("2023-11-27") == "2023-11-27T00:00:00Z"


def test_the_row_recorded_last_is_in_force_and_as_of_replays_the_past():
    """H1 2022 growth: first 10.66 (July 2022), later 9.22 (July 2023)."""
    rows = [
        obs("g", "2022-H1", 9.22, "2023-07-05T00:00:00Z", line=3),
        obs("g", "2022-H1", 10.66, "2022-07-04T00:00:00Z", line=2),  # recorded earlier, listed later
    ]
    assert in_force(rows)["g"][0].value == 9.22
    assert in_force(rows, as_of="2022-12-31")["g"][0].value == 10.66
    # The end of the as-of day counts: a row recorded that evening is known.
    assert in_force(rows, as_of="2023-07-05")["g"][0].value == 9.22
    assert in_force(rows, as_of="2022-07-03") == {}


def test_same_timestamp_later_line_wins():
    rows = [
        obs("g", "2023", 11.02, "2023-11-27T00:00:00Z", line=2),
        obs("g", "2023", 11.03, "2023-11-27T00:00:00Z", line=3),
    ]
    assert in_force(rows)["g"][0].value == 11.03


@pytest.mark.parametrize("reorder", [False, True], ids=["fast reader", "general reader"])
def test_an_unreadable_record_does_not_hide_later_problems(tmp_path: Path, reorder: bool):
    """An over-long field is one error; the bad period two lines on is still reported."""
    header = ",".join(HEADER)
    if reorder:  # columns in another order take the general csv-module reader
        header = "period,indicator,value,status,source,note,recorded_at"
        rows = [
            '2023,g,1,,"' + "x" * 140_000 + '",,2024-01-01T00:00:00Z',
            "2024-13,g,1,,,,2024-01-01T00:00:00Z",
            "2022,g,2,,,,2024-01-01T00:00:00Z",
        ]
    else:
        rows = [
            'g,2023,1,,"' + "x" * 140_000 + '",,2024-01-01T00:00:00Z',
            "g,2024-13,1,,,,2024-01-01T00:00:00Z",
            "g,2022,2,,,,2024-01-01T00:00:00Z",
        ]
    path = tmp_path / "o.csv"
    path.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    contents = read_store(path)
    messages = [str(p) for p in contents.problems]
    assert messages[0].startswith(f"{path}:2: error: not valid CSV: a cell longer than 131,072 characters")
    assert messages[1].startswith(f"{path}:3: error: '2024-13': month 13 does not exist")
    assert [(str(o.period), o.value, o.line) for o in contents.observations] == [("2022", 2.0, 4)]


# --- reading part of a store (cache.py shares a large one between two processes) ----------------

PARTS = (
    ",".join(HEADER)
    + "\n"
    + "a,2020,1,,s,,2024-01-01T00:00:00Z\n"
    + "b,2020,2,,s,,2024-01-01T00:00:00Z\n"
    + 'a,2021,3,,"quoted, source",,2024-01-01T00:00:00Z\n'
    + "c,2020,4,,s,,2024-01-01T00:00:00Z\n"
    + "b,2021,5,,s,,2024-01-01T00:00:00Z\n"
    + "a,2022,6,,s,,2024-01-01T00:00:00Z\n"
).encode()


def test_reads_only_the_indicators_it_is_told_to_with_their_line_numbers():
    asked: list[str] = []

    def reads(indicator: str) -> bool:
        asked.append(indicator)
        return indicator == "a"

    part = parse_store(PARTS, "o.csv", reads=reads)
    assert [(o.indicator, o.value, o.line) for o in part.observations] == [("a", 1.0, 2), ("a", 3.0, 4), ("a", 6.0, 7)]
    assert part.observations == tuple(o for o in parse_store(PARTS, "o.csv").observations if o.indicator == "a")
    assert part.left_out == 3  # b twice, c once
    assert sorted(set(asked)) == ["a", "b", "c"] and asked.count("b") == 1  # once per id on plain lines


def test_two_processes_read_every_row_between_them():
    here = parse_store(PARTS, "o.csv", reads=lambda i: i != "b")
    there = parse_store(PARTS, "o.csv", reads=lambda i: i == "b")
    assert here.left_out == len(there.observations) == 2
    assert sorted(here.observations + there.observations, key=lambda o: o.line) == list(
        parse_store(PARTS, "o.csv").observations
    )


def test_a_row_left_out_is_not_checked_here():
    bad = PARTS + b"b,2023,not a number,,s,,2024-01-01T00:00:00Z\n"
    assert parse_store(bad, "o.csv").problems  # read whole: reported
    here = parse_store(bad, "o.csv", reads=lambda i: i != "b")
    assert here.problems == () and here.left_out == 3  # the other process checks them
    there = parse_store(bad, "o.csv", reads=lambda i: i == "b")
    assert [str(p) for p in there.problems] == [str(p) for p in parse_store(bad, "o.csv").problems]


def test_bytes_that_are_not_utf8_are_found_by_the_process_that_reads_their_row():
    # Line 8 is b's, line 9 is a's: each process stops at the first bad row it reads.
    bad = (
        PARTS
        + b"b,2023,7,,C\xe9,,2024-01-01T00:00:00Z\n"  # "Cé" as Windows-1258 or Latin-1 saves it
        + b"a,2023,8,,C\xe9,,2024-01-01T00:00:00Z\n"
    )
    message = "not UTF-8 text (perhaps a Western encoding, Windows-1252 or Mac OS Roman, which cannot hold most Vietnamese letters: then take the file from a copy from before, a backup or git; or Windows-1258 or TCVN3/ABC); save it as UTF-8"
    for reads, line in [(None, 8), (lambda i: i != "b", 9), (lambda i: i == "b", 8)]:
        with pytest.raises(InputError) as err:
            parse_store(bad, "o.csv", reads=reads)
        assert [str(p) for p in err.value.problems] == [f"o.csv:{line}: error: {message}"]


@pytest.mark.parametrize("where", ["indicator", "period", "value", "status", "source", "note", "recorded_at"])
def test_a_bad_byte_in_any_field_of_a_row_is_reported_even_after_good_rows_like_it(where: str):
    """The fast reader remembers each field it has checked; a field with one byte changed
    is another field, checked afresh, so a bad byte cannot slip through a remembered one."""
    good = ["share", "2023", "12.5", "official", "Cục Thống kê", "ghi chú", "2023-01-10T00:00:00Z"]
    row = [f.encode() for f in good]
    index = HEADER.index(where)
    row[index] = row[index] + b"\xe9"  # "é" in Windows-1258 and Latin-1; not UTF-8
    lines = [",".join(HEADER).encode(), ",".join(good).encode(), b",".join(row), ",".join(good).encode()]
    with pytest.raises(InputError) as err:
        parse_store(b"\n".join(lines) + b"\n", "o.csv")
    assert [str(p) for p in err.value.problems] == [
        "o.csv:3: error: not UTF-8 text (perhaps a Western encoding, Windows-1252 or Mac OS Roman, which cannot hold most Vietnamese letters: then take the file from a copy from before, a backup or git; or Windows-1258 or TCVN3/ABC); save it as UTF-8"
    ]


def test_the_fast_reader_lets_the_bytes_go_once_read():
    # Issue 17: a caller that hands the bytes over in a list keeps no other reference, so
    # a national store's bytes are freed before its million rows are made (the peak of memory).
    import sys

    import qntrack.files.store_fast as fast
    from qntrack.files.store import parse_store

    # Made at run time: a literal would also be held by the test's own code object.
    data = bytes(
        bytearray(b"indicator,period,value,status,source,note,recorded_at\ng,2020,1,,,,2021-01-01T00:00:00Z\n")
    )
    holder: list[bytes] = [data]
    held = []
    real = fast._build_observations

    def spy(columns):
        held.append(sys.getrefcount(data) - 2)  # references besides this test's and the call's
        return real(columns)

    fast._build_observations = spy
    try:
        store = parse_store(holder, "observations.csv")
    finally:
        fast._build_observations = real
    assert holder == [] and held == [0]
    assert [(o.indicator, o.value, o.line) for o in store.observations] == [("g", 1.0, 2)]
    # A file the general reader reads (a quoted header) is left in the list for it; one with
    # Windows line ends is the fast reader's since the nineteenth session, and let go too.
    quoted = [b'"indicator",period,value,status,source,note,recorded_at\ng,2020,1,,,,2021-01-01T00:00:00Z\n']
    assert len(parse_store(quoted, "observations.csv").observations) == 1 and len(quoted) == 1
    crlf = [b"indicator,period,value,status,source,note,recorded_at\r\ng,2020,1,,,,2021-01-01T00:00:00Z\r\n"]
    assert len(parse_store(crlf, "observations.csv").observations) == 1 and crlf == []
