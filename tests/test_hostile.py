"""Hostile and mistaken input: each case with the exact message and exit code it gets.

Every case also checks what must never happen: a traceback, or a file written in part.
The inputs are generated here, byte for byte, so that each sits next to its verdict.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from helpers import run_clean as run
from qntrack.files.definitions import parse_plan
from conftest import STORE_HEADER


PERIOD_FORMS = "valid forms: 2023 (year), 2023-H1 (half), 2023-Q2 (quarter), 2023-04 (month), 2023-9M (first 9 months)"
LEGACY = "not UTF-8 text (perhaps Windows-1258 or TCVN3/ABC, older Vietnamese encodings)"
# "Tăng trưởng" as Windows-1258 writes it: ă E3, ư FD, ơ F5, then a combining hook (D2).
CP1258 = b"T\xe3ng tr\xfd\xf5\xd2ng"
# ă and ư as TCVN3 (ABC) encodes them: A8 and AD.
TCVN3 = b"T\xa8ng tr\xadng"
BINARY = b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256))  # the start of an .xlsx (a zip)

GOOD_TARGETS = """\
version: 1
indicators:
  share: {name: "Manufacturing share", unit: "%"}
  growth: {name: "GRDP growth", unit: "%", measure: rate, frequency: quarter}
targets:
  - id: share
    indicator: share
    baseline: {period: 2020, value: 10}
    milestones:
      - {by: 2025, value: 15}
"""
HEADER = STORE_HEADER.encode()
GOOD_STORE = HEADER + b"share,2020,10,official,yearbook,,2021-06-30T00:00:00Z\n"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("QNTRACK_TARGETS", "targets.yaml")
    monkeypatch.delenv("QNTRACK_LANG", raising=False)
    return tmp_path


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and not p.name.endswith(".lock")}


# --- targets.yaml -----------------------------------------------------------------------

YAML_CASES = [
    (
        "malformed",
        "version: 1\nindicators:\n  x: {name: X\ntargets: []\n",
        "targets.yaml:4:8: error: not valid YAML: inside { }, separate the entries with commas and close it on the "
        "same entry: {by: 2025, value: 15}",
    ),
    (
        "tab indentation",
        "version: 1\nindicators:\n\tx: {name: X}\ntargets: []\n",
        "targets.yaml:3:1: error: not valid YAML: a tab character; YAML needs spaces for indentation",
    ),
    (
        "duplicate key",
        "version: 1\nindicators:\n  x: {name: X}\n  x: {name: Y}\ntargets: []\n",
        "targets.yaml:4:3: error: indicators: duplicate key 'x' (first given on line 3)",
    ),
    (
        "YAML 1.1 boolean NO",
        "version: 1\nindicators:\n  x: {name: X, direction: NO}\ntargets: []\n",
        "targets.yaml:3:27: error: indicator 'x': direction: 'NO' is not one of increase, decrease",
    ),
    (
        "YAML 1.1 boolean as a number",
        "version: 1\nindicators:\n  x: {name: X}\ntargets:\n  - id: a\n    indicator: x\n"
        "    baseline: {period: 2020, value: yes}\n",
        "targets.yaml:7:37: error: target 'a': baseline value: 'yes' is not a number; write a decimal like 12.5",
    ),
    (
        "YAML 1.1 base 60",
        "version: 1\nindicators:\n  x: {name: X}\ntargets:\n  - id: a\n    indicator: x\n"
        "    baseline: {period: 2020, value: 1:30}\n",
        "targets.yaml:7:37: error: target 'a': baseline value: '1:30' is not a number (YAML 1.1 would read it as "
        "base-60); write a decimal like 12.5",
    ),
    (
        "unquoted date",
        "version: 1\nindicators:\n  x: {name: X}\ntargets:\n  - id: a\n    indicator: x\n"
        "    baseline: {period: 2020-06-30, value: 1}\n",
        # a baseline's period is a year: the forms of other periods are not offered (issue 17)
        "targets.yaml:7:24: error: target 'a': baseline period: '2020-06-30' is a day within 2020; a year is written here, and 2020 means the whole of it, to 31 December: write 2020, or 2019 for the last year ended by that day",
    ),
    (
        "quoted number",
        "version: 1\nindicators:\n  x: {name: X}\ntargets:\n  - id: a\n    indicator: x\n"
        '    baseline: {period: 2020, value: "1"}\n',
        "targets.yaml:7:37: error: target 'a': baseline value must be a number, not quoted text ('1')",
    ),
    (
        "wrong types",
        "version: 1\nindicators:\n  x: [1, 2]\ntargets: {}\n",
        "targets.yaml:3:6: error: indicator 'x' must be a mapping of keys to values, got a list\n"
        "targets.yaml:4:10: error: targets must be a list (each item starting with '- id: ...'), got a mapping\n"
        "2 error(s), 0 warning(s)",
    ),
    (
        "a list at the top",
        "- a\n- b\n",
        "targets.yaml:1: error: not a qntrack targets file (no 'indicators:' or 'targets:' at the top level); give "
        "the plan's targets.yaml (docs/targets-format.md), or run 'qntrack init' to start one",
    ),
    (
        "unknown indicator",
        "version: 1\nindicators:\n  share: {name: X}\ntargets:\n  - id: a\n    indicator: shar\n",
        "targets.yaml:6:16: error: target 'a': unknown indicator 'shar'; did you mean 'share'?",
    ),
    (
        "NaN",
        "version: 1\nindicators:\n  x: {name: X}\ntargets:\n  - id: a\n    indicator: x\n"
        "    baseline: {period: 2020, value: .nan}\n",
        "targets.yaml:7:37: error: target 'a': baseline value: '.nan' is not a finite number; write the figure itself, "
        "e.g. 12.5",
    ),
    (
        "infinity",
        "version: 1\nindicators:\n  x: {name: X}\ntargets:\n  - id: a\n    indicator: x\n"
        "    baseline: {period: 2020, value: -.inf}\n",
        "targets.yaml:7:37: error: target 'a': baseline value: '-.inf' is not a finite number; write the figure itself, "
        "e.g. 12.5",
    ),
    (
        "decimal comma",
        "version: 1\nindicators:\n  x: {name: X}\ntargets:\n  - id: a\n    indicator: x\n    type: plan\n"
        "    period: 2023\n    value: 1.234,5\n",
        # the one number it can be, 1234.5 (eighteenth session)
        "targets.yaml:9:12: error: target 'a': value: '1.234,5' is not a number here; use a decimal point and no "
        "thousands separator (1234.5)",
    ),
    (
        "thousands comma",
        "version: 1\nindicators:\n  x: {name: X}\ntargets:\n  - id: a\n    indicator: x\n    type: plan\n"
        "    period: 2023\n    value: 1,234.5\n",
        # the one number it can be, 1234.5 (eighteenth session)
        "targets.yaml:9:12: error: target 'a': value: '1,234.5' is not a number here; use a decimal point and no "
        "thousands separator (1234.5)",
    ),
    (
        "month 13",
        "version: 1\nindicators:\n  x: {name: X}\ntargets:\n  - id: a\n    indicator: x\n"
        "    baseline: {period: 2023-13, value: 1}\n",
        "targets.yaml:7:24: error: target 'a': baseline period: '2023-13' is not a year; write a year like 2025",
    ),
    (
        "quarter 5",
        "version: 1\nindicators:\n  x: {name: X}\ntargets:\n  - id: a\n    indicator: x\n    type: plan\n"
        "    period: Q5\n    value: 3\n",
        f"targets.yaml:8:13: error: target 'a': period: 'Q5' is not a period; {PERIOD_FORMS}",
    ),
    (
        "formula with a cycle",
        "version: 1\nindicators:\n  x: {name: X}\n  a: {name: A, formula: b + 1}\n"
        "  b: {name: B, formula: a * 2}\ntargets: []\n",
        "targets.yaml:4:3: error: indicator 'a': formula has a cycle: a -> b -> a",
    ),
    (
        "empty file",
        "",
        "targets.yaml:1: error: the targets file is empty; expected 'indicators:' and 'targets:' "
        "(run 'qntrack init' for a commented example)",
    ),
    (
        "only comments",
        "# nothing yet\n",
        "targets.yaml:1: error: the targets file has no content; expected 'indicators:' and 'targets:'",
    ),
    ("binary file", BINARY, "targets.yaml: error: targets file is a binary file, not text"),
    (
        "Windows-1258",
        b"version: 1\ntitle: " + CP1258 + b"\nindicators: {}\ntargets: []\n",
        f"targets.yaml:2: error: targets file: {LEGACY}; open it in an editor and save it as UTF-8",
    ),
    (
        "TCVN3",
        b"version: 1\nindicators:\n  x: {name: " + TCVN3 + b"}\ntargets: []\n",
        f"targets.yaml:3: error: targets file: {LEGACY}; open it in an editor and save it as UTF-8",
    ),
    (
        "absurdly long key",
        "version: 1\n" + "x" * 5000 + ": 1\nindicators: {}\ntargets: []\n",
        "targets.yaml:2:5001: error: not valid YAML: a line that is not 'key: value' inside a mapping: give the key "
        "its ':', or check the indentation",
    ),
    (
        "a Python object tag",
        'version: 1\nindicators: !!python/object/apply:os.system ["touch pwned"]\ntargets: []\n',
        # read as the list it is written as, never run (issue 17: a list of indicators is told its form)
        "targets.yaml:2:13: error: indicators are written by id, not as a list: 'cbct_share:' with its keys "
        "indented below it (or cbct_share: {name: ...}), without '- id:'",
    ),
]


@pytest.mark.parametrize("content, message", [c[1:] for c in YAML_CASES], ids=[c[0] for c in YAML_CASES])
def test_bad_targets_file(folder: Path, content: str | bytes, message: str):
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    (folder / "targets.yaml").write_bytes(data)
    before = snapshot(folder)
    for command in (["check"], ["status"], ["add-observation", "x", "2023", "1"]):
        r = run(*command)
        assert r.exit_code == 1, command
        assert r.stderr == message + "\n", command
        assert r.stdout == ""
    assert snapshot(folder) == before  # nothing created, nothing changed
    assert not (folder / "pwned").exists()


def test_yaml_11_words_stay_text_where_text_is_expected():
    plan = parse_plan("version: 1\nindicators:\n  x: {name: NO, unit: on}\ntargets: []\n")
    assert plan.indicators["x"].name.en == "NO" and plan.indicators["x"].unit == "on"


def test_absurdly_long_values_are_accepted_quickly(folder: Path):
    (folder / "targets.yaml").write_text("version: 1\ntitle: " + "x" * 2_000_000 + "\nindicators: {}\ntargets: []\n")
    start = time.monotonic()
    assert run("check").exit_code == 0
    assert time.monotonic() - start < 5


def test_alias_bombs_are_not_expanded(folder: Path):
    """Nested aliases ("billion laughs") are composed into shared nodes, never expanded."""
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
    (folder / "targets.yaml").write_text("\n".join(lines) + "\nversion: 1\nindicators: {}\ntargets: []\n")
    start = time.monotonic()
    r = run("check")
    assert r.exit_code == 1
    assert r.stderr.splitlines()[0] == (
        "targets.yaml:1:1: error: the top level: unknown key 'a0' "
        "(valid keys: version, title, observations, indicators, targets, timezone, dimensions, sdmx)"
    )
    assert time.monotonic() - start < 5


def test_targets_path_is_a_directory(folder: Path):
    (folder / "targets.yaml").mkdir()
    r = run("check")
    assert r.exit_code == 1 and r.stderr == "targets.yaml: error: targets file is a directory, expected a file\n"


# --- observations: a directory --------------------------------------------------------


@pytest.mark.parametrize(
    "command, message",
    [
        (
            ["check"],
            "targets.yaml:1:15: error: 'observations: data' points at a directory; give the CSV file's name, "
            "e.g. observations: data/observations.csv",
        ),
        (
            ["status"],
            "targets.yaml:1:15: error: 'observations: data' points at a directory; give the CSV file's name, "
            "e.g. observations: data/observations.csv",
        ),
        (
            ["history", "share"],
            "targets.yaml:1:15: error: 'observations: data' points at a directory; give the CSV file's "
            "name, e.g. observations: data/observations.csv",
        ),
        (
            ["add-observation", "share", "2023", "1"],
            "targets.yaml:1:15: error: 'observations: data' points at a directory; "
            "give the CSV file's name, e.g. observations: data/observations.csv",
        ),
        (
            ["add-observation", "--from", "in.csv"],
            "targets.yaml:1:15: error: 'observations: data' points at a directory; "
            "give the CSV file's name, e.g. observations: data/observations.csv",
        ),
        (
            ["check", "--repair"],
            "targets.yaml:1:15: error: 'observations: data' points at a directory; "
            "give the CSV file's name, e.g. observations: data/observations.csv",
        ),
    ],
)
def test_observations_pointing_at_a_directory(folder: Path, command: list[str], message: str):
    (folder / "targets.yaml").write_text("observations: data\n" + GOOD_TARGETS, encoding="utf-8")
    (folder / "data").mkdir()
    (folder / "in.csv").write_text("indicator,period,value\nshare,2023,1\n", encoding="utf-8")
    r = run(*command)
    assert r.exit_code == 1
    assert r.stderr == message + "\n"
    assert list((folder / "data").iterdir()) == []


# --- the observations file ------------------------------------------------------------

STORE_CASES = [
    (
        "NaN",
        HEADER + b"share,2021,nan,,,,2022-01-01T00:00:00Z\n",
        "observations.csv:2: error: 'nan' is not a number; write a decimal like 10.28",
    ),
    (
        "infinity",
        HEADER + b"share,2021,-inf,,,,2022-01-01T00:00:00Z\n",
        "observations.csv:2: error: '-inf' is not a number; write a decimal like 10.28",
    ),
    (
        "overflow",
        HEADER + b"share,2021,1e999,,,,2022-01-01T00:00:00Z\n",
        "observations.csv:2: error: '1e999' is not a finite number: beyond about 1.8 × 10^308, too large to be held; write it in a larger unit",
    ),
    (
        "decimal comma",
        HEADER + b'share,2021,"1.234,5",,,,2022-01-01T00:00:00Z\n',
        "observations.csv:2: error: '1.234,5' is not a number; use a decimal point and no thousands separator, "
        "e.g. 3130 or 10.28",
    ),
    (
        "thousands comma",
        HEADER + b'share,2021,"1,234.5",,,,2022-01-01T00:00:00Z\n',
        "observations.csv:2: error: '1,234.5' is not a number; use a decimal point and no thousands separator, "
        "e.g. 3130 or 10.28",
    ),
    (
        "month 13",
        HEADER + b"share,2023-13,1,,,,2022-01-01T00:00:00Z\n",
        f"observations.csv:2: error: '2023-13': month 13 does not exist (01-12); {PERIOD_FORMS}",
    ),
    (
        "quarter 5",
        HEADER + b"share,Q5,1,,,,2022-01-01T00:00:00Z\n",
        f"observations.csv:2: error: 'Q5' is not a period; {PERIOD_FORMS}",
    ),
    (
        "Windows-1258",
        HEADER + b"share,2021,1,," + CP1258 + b",,2022-01-01T00:00:00Z\n",
        "observations.csv:2: error: not UTF-8 text (perhaps a Western encoding, Windows-1252 or Mac OS Roman, which cannot hold most Vietnamese letters: then take the file from a copy from before, a backup or git; or Windows-1258 or TCVN3/ABC); save it as UTF-8",
    ),
    (
        "TCVN3",
        HEADER + b"share,2021,1,,," + TCVN3 + b",2022-01-01T00:00:00Z\n",
        "observations.csv:2: error: not UTF-8 text (perhaps a Western encoding, Windows-1252 or Mac OS Roman, which cannot hold most Vietnamese letters: then take the file from a copy from before, a backup or git; or Windows-1258 or TCVN3/ABC); save it as UTF-8",
    ),
    ("binary", BINARY, "observations.csv: error: the observations file is a binary file, not CSV text"),
    (
        "absurdly long line",
        HEADER + b"share,2021,1,,," + b"x" * 200_000 + b",2022-01-01T00:00:00Z\n",
        "observations.csv:2: error: not valid CSV: a cell longer than 131,072 characters (a quote never closed, "
        "or text that is no row of figures?)",
    ),
    (
        "short header",
        b"indicator,period,value\n",
        "observations.csv:1: error: the header must be indicator,period,value,status,source,note,recorded_at "
        "(missing status, source, note, recorded_at)",
    ),
    (
        "missing cells",
        HEADER + b"share,2021,1\n",
        "observations.csv:2: error: expected 7 fields (indicator,period,value,status,source,note,recorded_at), found 3",
    ),
    (
        "bad timestamp",
        HEADER + b"share,2021,1,,,,28/06/2023\n",
        # 28 cannot be a month: 28 June 2023, in its ISO form (eighteenth session)
        "observations.csv:2: error: '28/06/2023' is a date written day first: write 2023-06-28",
    ),
]


@pytest.mark.parametrize("content, message", [c[1:] for c in STORE_CASES], ids=[c[0] for c in STORE_CASES])
def test_bad_observations_file(folder: Path, content: bytes, message: str):
    (folder / "targets.yaml").write_text(GOOD_TARGETS, encoding="utf-8")
    (folder / "observations.csv").write_bytes(content)
    before = snapshot(folder)
    r = run("check")
    assert r.exit_code == 1
    assert r.stderr == message + "\n"
    r = run("status")
    assert r.exit_code == 1 and r.stdout == ""
    assert snapshot(folder) == before


def test_an_empty_observations_file_is_an_empty_record(folder: Path):
    (folder / "targets.yaml").write_text(GOOD_TARGETS, encoding="utf-8")
    (folder / "observations.csv").write_bytes(b"")
    r = run("check")
    assert r.exit_code == 0 and r.stderr == ""
    assert run("add-observation", "share", "2021", "11", "--recorded-at", "2022-01-01").exit_code == 0
    assert (folder / "observations.csv").read_bytes() == HEADER + b"share,2021,11,,,,2022-01-01T00:00:00Z\n"


def test_unknown_indicator_in_the_store(folder: Path):
    (folder / "targets.yaml").write_text(GOOD_TARGETS, encoding="utf-8")
    (folder / "observations.csv").write_bytes(GOOD_STORE + b"gdp,2021,1,,,,2022-01-01T00:00:00Z\n")
    r = run("check")
    assert r.exit_code == 1
    assert r.stderr == (
        "observations.csv:3: error: unknown indicator 'gdp' (not in targets.yaml)"
        '; if it was renamed, `qntrack docs targets-format` ("Changing the plan") says how to carry its figures over\n'
    )


# --- bulk import ----------------------------------------------------------------------

LONG_HEADER = b"indicator,period,value,note\n"
IMPORT_CASES = [
    (
        "empty file",
        b"",
        "in.csv:1: error: the file is empty; expected a header line: "
        "indicator,period,value[,status,source,note,recorded_at]",
    ),
    # A header and no rows adds nothing and exits 0 now (test_import_vietnamese.py).
    ("binary file", BINARY, "in.csv: error: a binary file, not CSV or TSV text (is it an .xlsx? save it as CSV UTF-8)"),
    (
        "Windows-1258",
        LONG_HEADER + b"share,2021,1," + CP1258 + b"\n",
        # The line tells its encoding (a hook after a letter) and reads as Windows-1258
        # (issue 17, seventeenth session: test_files17.py).
        "in.csv:2: error: not UTF-8 text but Windows-1258, the old encoding of Vietnamese Windows, as Excel's "
        '"CSV (Comma delimited)" writes it there (the line reads '
        "'share,2021,1,Tăng trưởng'): import the workbook itself (qntrack add-observation --from in.xlsx), or "
        "save it as CSV UTF-8 and import it again (Excel: Save As, CSV UTF-8 (Comma delimited); an Excel 2016 without "
        "that type: Save As, Unicode Text (*.txt), which qntrack reads too; Notepad: Save As, Encoding UTF-8)",
    ),
    (
        "TCVN3",
        LONG_HEADER + b"share,2021,1," + TCVN3 + b"\n",
        # A8 (a breve) shows as a sign in Windows Latin after a letter: TCVN3.
        "in.csv:2: error: not UTF-8 text but Vietnamese in the old TCVN3 (ABC) fonts (the line reads "
        "'share,2021,1,Tăng trưng'): convert it to Unicode (UniKey's converter, from TCVN3 (ABC) to Unicode), "
        "save it as CSV UTF-8 and import it again",
    ),
    (
        "NaN",
        LONG_HEADER + b"share,2021,NaN,\n",
        "in.csv:2: error: 'NaN' is not a finite number; leave the row out if there is no figure",
    ),
    (
        "infinity",
        LONG_HEADER + b"share,2021,-Infinity,\n",
        "in.csv:2: error: '-Infinity' is not a finite number; leave the row out if there is no figure",
    ),
    (
        "an Excel error",
        LONG_HEADER + b"share,2021,#DIV/0!,\n",
        "in.csv:2: error: '#DIV/0!' is an error value a spreadsheet shows where a formula gave no figure, not a figure: correct the formula and save the file again, or leave the row out if there is no figure",
    ),
    (
        "decimal comma in a comma file",
        LONG_HEADER + b'share,2021,"1.234,5",\nshare,2022,1.5,\n',
        "in.csv:2: error: '1.234,5' is written with decimal commas (1234,5), but this file is read with decimal points "
        "(1234.5); give --decimal-comma if the whole file is written that way",
    ),
    (
        "thousands point in a semicolon file",
        b"indicator;period;value\nshare;2021;1.234\n",
        "in.csv:2: error: '1.234' is ambiguous: 1234 with a thousands separator, or 1.234 with a decimal point; "
        "say which with --decimal-comma (thousands separator) or --decimal-point",
    ),
    (
        "month 13",
        LONG_HEADER + b"share,2023-13,1,\n",
        f"in.csv:2: error: '2023-13': month 13 does not exist (01-12); {PERIOD_FORMS}",
    ),
    ("quarter 5", LONG_HEADER + b"share,Q5,1,\n", f"in.csv:2: error: 'Q5' is not a period; {PERIOD_FORMS}"),
    (
        "unknown indicator",
        LONG_HEADER + b"gdp,2021,1,\n",
        "in.csv:2: error: unknown indicator 'gdp'; known: share, growth",
    ),
    (
        "absurdly long line",
        LONG_HEADER + b"share,2021,1," + b"x" * 200_000 + b"\n",
        "in.csv:2: error: a cell is far longer than the 2,000 characters allowed (the wrong file, or a missing quote?)",
    ),
    (
        "long note",
        LONG_HEADER + b"share,2021,1," + b"x" * 2001 + b"\n",
        "in.csv:2: error: a cell of 2,001 characters is longer than the 2,000 allowed (the wrong file, or a missing quote?)",
    ),
    (
        "NUL after the first 8 KB",
        LONG_HEADER + b"".join(b"share,%d,1,ok\n" % (1400 + i) for i in range(600)) + b"share,2022,1,a\x00b\n",
        "in.csv:602: error: the note contains a control character (U+0000)",
    ),
    (
        "escape sequence in a note",
        LONG_HEADER + b"share,2021,1,\x1b[2J\n",
        "in.csv:2: error: the note contains a control character (U+001B)",
    ),
    (
        "unknown column",
        b"indicator,period,value,notes\nshare,2021,1,x\n",
        "in.csv:1: error: unknown column 'notes'; did you mean 'note'? "
        "(columns: indicator, period, value, status, source, note, recorded_at)",
    ),
]


@pytest.mark.parametrize("content, message", [c[1:] for c in IMPORT_CASES], ids=[c[0] for c in IMPORT_CASES])
def test_bad_import_file(folder: Path, content: bytes, message: str):
    (folder / "targets.yaml").write_text(GOOD_TARGETS, encoding="utf-8")
    (folder / "observations.csv").write_bytes(GOOD_STORE)
    (folder / "in.csv").write_bytes(content)
    before = snapshot(folder)
    r = run("add-observation", "--from", "in.csv")
    assert r.exit_code == 1
    assert r.stderr == message + "\n"
    assert r.stdout == ""
    r = run("add-observation", "--from", "-", input=content)
    assert r.exit_code == 1
    # The workbook beside a Windows-1258 file is named after it; standard input has no name:
    # the session's example (figures.xlsx in English, thirtieth session).
    if content.startswith(b"PK\x03\x04"):
        # Piped, bytes starting as a workbook are read as one since the forty-fifth session
        # (pass K): damaged, they are told as a workbook, not "is it an .xlsx?".
        assert r.stderr.startswith("<stdin>: error: not a workbook qntrack can read"), r.stderr
    else:
        assert r.stderr == message.replace("in.csv", "<stdin>", 1).replace("in.xlsx", "figures.xlsx") + "\n"
    assert snapshot(folder) == before


# --- one figure on the command line ----------------------------------------------------

SINGLE_CASES = [
    (["share", "2021", "nan"], "add-observation: error: 'nan' is not a number; write a decimal like 10.28"),
    (["share", "2021", "inf"], "add-observation: error: 'inf' is not a number; write a decimal like 10.28"),
    (
        ["share", "2021", "1e400"],
        "add-observation: error: '1e400' is not a finite number: beyond about 1.8 × 10^308, too large to be held; write it in a larger unit",
    ),
    # '1.234,5' and '1,234.5' are read now (the last separator is the decimal): test_cli_input.py
    (["share", "2021", "1.2.3,4"], "add-observation: error: '1.2.3,4' is not a number; write a decimal like 10.28"),
    (["share", "2023-13", "1"], f"add-observation: error: '2023-13': month 13 does not exist (01-12); {PERIOD_FORMS}"),
    (["growth", "Q5", "1"], f"add-observation: error: 'Q5' is not a period; {PERIOD_FORMS}"),
    (["shar", "2021", "1"], "add-observation: error: unknown indicator 'shar'; did you mean 'share'?"),
    (
        ["share", "2021", "1", "--note", "Ch\udcfd"],  # bytes that were not UTF-8 in argv
        "add-observation: error: the note is not valid UTF-8 text (check the terminal's or file's encoding)",
    ),
    (
        ["share", "2021", "1", "--source", "a\x1b[31mb"],
        "add-observation: error: the source contains a control character (U+001B)",
    ),
    (
        ["share", "2021", "1", "--note", "x" * 2001],
        "add-observation: error: the note is 2,001 characters long; at most 2,000 are allowed",
    ),
    (["share", "2021", "1", "--note", "two\nlines"], "add-observation: error: the note must be on one line"),
    (["\x1b[2Jshare", "2021", "1"], "add-observation: error: unknown indicator '\\x1b[2Jshare'; did you mean 'share'?"),
]


@pytest.mark.parametrize("args, message", SINGLE_CASES, ids=[str(i) for i in range(len(SINGLE_CASES))])
def test_bad_single_figure(folder: Path, args: list[str], message: str):
    (folder / "targets.yaml").write_text(GOOD_TARGETS, encoding="utf-8")
    (folder / "observations.csv").write_bytes(GOOD_STORE)
    r = run("add-observation", *args)
    assert r.exit_code == 1
    assert r.stderr == message + "\n"
    assert (folder / "observations.csv").read_bytes() == GOOD_STORE
