"""Defects of the second hostile pass on the store, recording and checks (issue 12, g1)."""

from __future__ import annotations

import json
import math

from helpers import run_clean, store_text
from qntrack.catalog import Figure
from qntrack.files.checks_jumps import jump_ratio


# 1. Figures of any size are shown, never a traceback after a row is written.


def test_figure_shows_any_float() -> None:
    assert Figure(math.inf).text("en") == "∞" and Figure(-math.inf).text("vi") == "-∞"
    assert Figure(1e300).text("en") == "1e+300" and Figure(1e-300).text("vi") == "1e-300"
    assert Figure(1e16).text("en") == "1e+16" and Figure(123.0).text("en") == "123"


def test_jump_ratio_of_extremes_is_infinite_not_an_error() -> None:
    assert jump_ratio(1e300, 1e-300, 5.0) == math.inf
    assert jump_ratio(1e-300, 1e300, 5.0) == math.inf


def test_extreme_revision_is_written_and_warned_of(tracker) -> None:
    r = run_clean("add-observation", "mining", "2021", "1e300", "--recorded-at", "2022-03-01T00:00:00Z")
    assert r.exit_code == 0, r.stderr
    # 1e-12, the smallest figure entry takes (forty-seventh session; 1e-300 is refused now):
    # 1e300 / 1e-12 = 1e312, beyond a double, so the ratio is still infinite.
    r = run_clean("add-observation", "mining", "2021", "1e-12", "--recorded-at", "2022-04-01T00:00:00Z")
    assert r.exit_code == 0, r.stderr
    assert "∞" in r.stderr and "warning" in r.stderr
    assert store_text(tracker).splitlines()[-1].startswith("mining,2021,1e-12,")
    r = run_clean("check")
    assert r.exit_code == 0, r.stderr
    assert "∞" in r.stderr


def test_extreme_revision_from_file_is_written(tracker) -> None:
    (tracker / "in.csv").write_text(
        "indicator,period,value,recorded_at\nmining,2021,1e300,2022-03-01T00:00:00Z\n", encoding="utf-8"
    )
    assert run_clean("add-observation", "--from", "in.csv").exit_code == 0
    (tracker / "in.csv").write_text(
        "indicator,period,value,recorded_at\nmining,2021,1e-12,2022-04-01T00:00:00Z\n", encoding="utf-8"
    )
    r = run_clean("add-observation", "--from", "in.csv")
    assert r.exit_code == 0, r.stderr
    assert "∞" in r.stderr


def test_signed_percent_of_infinity_is_a_dash() -> None:
    from qntrack.output.i18n import signed_percent

    assert signed_percent(math.inf, "en") == "–" and signed_percent(-math.inf, "vi") == "–"


# 2. Two vintages of one period recorded at the same moment: which is in force would
#    depend on file order. Refused against the store as within a batch; check calls it an error.

_AT = "2022-03-01T00:00:00Z"


def test_same_moment_refused_against_store(tracker) -> None:
    assert run_clean("add-observation", "mining", "2021", "17.1", "--recorded-at", _AT).exit_code == 0
    before = store_text(tracker)
    r = run_clean("add-observation", "mining", "2021", "17.9", "--recorded-at", _AT)
    assert r.exit_code == 1
    assert "line 8" in r.stderr and "recorded_at" in r.stderr and "Traceback" not in r.stderr
    assert store_text(tracker) == before


def test_same_moment_refused_from_file_naming_stored_line(tracker) -> None:
    assert run_clean("add-observation", "mining", "2021", "17.1", "--recorded-at", _AT).exit_code == 0
    before = store_text(tracker)
    (tracker / "in.csv").write_text(f"indicator,period,value,recorded_at\nmining,2021,17.9,{_AT}\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "in.csv")
    assert r.exit_code == 1
    assert "in.csv:2" in r.stderr and "line 8" in r.stderr
    assert store_text(tracker) == before


def test_same_moment_identical_row_stays_quiet(tracker) -> None:
    assert run_clean("add-observation", "mining", "2021", "17.1", "--recorded-at", _AT).exit_code == 0
    before = store_text(tracker)
    r = run_clean("add-observation", "mining", "2021", "17.1", "--recorded-at", _AT)
    assert r.exit_code == 0, r.stderr
    assert store_text(tracker) == before


def test_check_flags_stored_same_moment_pair(tracker) -> None:
    with open(tracker / "observations.csv", "a", encoding="utf-8") as f:
        f.write(
            f"mining,2021,17.1,,,,{_AT}\nmining,2021,17.9,,,,{_AT}\nmining,2019,16,,,,{_AT}\nmining,2019,16,,,,{_AT}\n"
        )
    r = run_clean("check")
    assert r.exit_code == 1
    errors = [line for line in r.stderr.splitlines() if "same-moment" in line or ":9:" in line]
    assert any("observations.csv:9:" in line and "line 8" in line for line in errors), r.stderr
    # An identical repeat is no conflict: no error; since issue 17 (seventeenth session) a
    # warning of the `repeated` check names it (a figure a git merge kept twice).
    assert ":11: error" not in r.stderr
    assert "observations.csv:11: warning: the same row as line 10" in r.stderr
    assert "same-moment" in run_clean("check", "--list").stdout
    r = run_clean("check", "--lang", "vi")
    assert "dòng 8" in r.stderr


def test_undated_correction_in_the_same_second_is_stamped_a_second_later(tracker) -> None:
    # Typed twice within one second without --recorded-at: the second is a correction,
    # entered after the first, and becomes the figure in force by its time, not by file order.
    assert run_clean("add-observation", "mining", "2021", "17.1").exit_code == 0
    r = run_clean("add-observation", "mining", "2021", "17.9")
    assert r.exit_code == 0, r.stderr
    first, second = (line.split(",")[-1] for line in store_text(tracker).splitlines()[-2:])
    assert second > first
    assert json.loads(run_clean("check", "--format", "json").stdout)["problems"] == []


# 3. Digits of other scripts in the store are refused by its reader, as the CLI refuses them.

import pytest  # noqa: E402


@pytest.mark.parametrize("value", ["１２", "٣٤", "१२", "1٢.5"])
def test_store_reader_refuses_non_ascii_digits(tracker, value) -> None:
    with open(tracker / "observations.csv", "a", encoding="utf-8") as f:
        f.write(f"mining,2019,{value},,,,2022-03-01T00:00:00Z\n")
    r = run_clean("status")
    assert r.exit_code == 1
    assert "observations.csv:8" in r.stderr and value in r.stderr
    cli = run_clean("add-observation", "mining", "2018", value)
    assert cli.exit_code == 1
    r = run_clean("check")
    assert r.exit_code == 1 and "observations.csv:8" in r.stderr


# 4. A non-zero figure that underflows to 0 is refused, as one that overflows is.


@pytest.mark.parametrize("value", ["1e-400", "-2.5E-330", "0.0001e-320"])
def test_underflow_refused_by_cli_from_and_store(tracker, value) -> None:
    before = store_text(tracker)
    r = run_clean("add-observation", "mining", "2019", value, "--recorded-at", _AT)
    assert r.exit_code == 1 and "0" in r.stderr and value in r.stderr
    (tracker / "in.csv").write_text(
        f"indicator,period,value,recorded_at\nmining,2019,{value},{_AT}\n", encoding="utf-8"
    )
    r = run_clean("add-observation", "--from", "in.csv")
    assert r.exit_code == 1 and "in.csv:2" in r.stderr and value in r.stderr
    assert store_text(tracker) == before
    with open(tracker / "observations.csv", "a", encoding="utf-8") as f:
        f.write(f"mining,2019,{value},,,,{_AT}\n")
    r = run_clean("status")
    assert r.exit_code == 1 and "observations.csv:8" in r.stderr and value in r.stderr


@pytest.mark.parametrize("value", ["0", "0.0", "-0", "0e-400", "0.000"])
def test_a_real_zero_is_still_a_figure(tracker, value) -> None:
    r = run_clean("add-observation", "mining", "2019", value, "--recorded-at", _AT)
    assert r.exit_code == 0, r.stderr
    assert run_clean("status").exit_code == 0


# 5. A future-dated vintage in force: add-observation --force records the figure one second
#    after it, as retract --force records a retraction; check does not call it a future row.

_FUTURE = "mining,2021,13.1,official,src,,2206-01-01T00:00:00Z\n"


def _hand_edited_future(tracker) -> None:
    with open(tracker / "observations.csv", "a", encoding="utf-8") as f:
        f.write(_FUTURE)


def test_force_records_after_a_future_retraction(tracker) -> None:
    _hand_edited_future(tracker)
    assert run_clean("retract", "mining", "2021", "--force").exit_code == 0
    r = run_clean("add-observation", "mining", "2021", "17.2", "--force")
    assert r.exit_code == 0, r.stderr
    assert "2206-01-01T00:00:02Z" in r.stderr and "line 9" in r.stderr
    assert store_text(tracker).splitlines()[-1] == "mining,2021,17.2,,,,2206-01-01T00:00:02Z"
    shown = json.loads(run_clean("observations", "--indicator", "mining", "--format", "json").stdout)
    assert [o["value"] for o in shown["observations"] if o["period"] == "2021"] == [17.2]
    r = run_clean("check", "--format", "json")
    assert r.exit_code == 0, r.stdout
    found = [(p["line"], p["severity"], p["code"]) for p in json.loads(r.stdout)["problems"]]
    r = run_clean("status")
    assert r.exit_code == 0 and "in force, though" not in r.stderr, r.stderr
    # The retraction (line 9) is itself a --force mark: neither a future row nor warned of.
    assert found == [(8, "warning", "checks_timing_withdrawn")]


def test_force_records_after_a_future_figure(tracker) -> None:
    _hand_edited_future(tracker)
    r = run_clean("add-observation", "mining", "2021", "17.2", "--force")
    assert r.exit_code == 0, r.stderr
    assert store_text(tracker).splitlines()[-1] == "mining,2021,17.2,,,,2206-01-01T00:00:01Z"
    r = run_clean("check", "--format", "json")
    found = [(p["line"], p["severity"], p["code"]) for p in json.loads(r.stdout)["problems"]]
    assert found == [(8, "warning", "checks_timing_superseded")]


def test_without_force_the_future_vintage_still_wins_and_a_present_one_is_untouched(tracker) -> None:
    _hand_edited_future(tracker)
    r = run_clean("add-observation", "mining", "2021", "17.2")
    assert r.exit_code == 0 and "2206" in r.stderr  # kept as an earlier vintage, and said so
    assert not store_text(tracker).splitlines()[-1].endswith("2206-01-01T00:00:01Z")
    # --force with no future vintage changes no timestamp
    r = run_clean("add-observation", "mining", "2020", "17.5", "--force", "--status", "official")
    assert r.exit_code == 0, r.stderr
    assert "2206" not in store_text(tracker).splitlines()[-1]


# 6. Rows in force that check calls errors for the formula or frequency rule are warned of
#    by the reading commands, as the timing ones are, with the cache or without.

_FORMULA = "share,2024,13.1,official,=HYPERLINK(1),,2025-02-01T00:00:00Z\n"
_NOTE = "share,2024,13.1,official,src,@SUM(A1),2025-02-01T00:00:00Z\n"
_FINER = "mining,2021-Q1,18,estimate,src,,2021-05-01T00:00:00Z\n"
_SUSPECT = "observations.csv:8: warning: in force, though `qntrack check` calls it an error: "


@pytest.mark.parametrize(
    "row, words", [(_FORMULA, "spreadsheet formula"), (_NOTE, "spreadsheet formula"), (_FINER, "finer than")]
)
@pytest.mark.parametrize("cache", ["1", ""])
def test_formula_and_frequency_rows_in_force_are_warned_of(tracker, monkeypatch, row, words, cache) -> None:
    monkeypatch.setenv("QNTRACK_NO_CACHE", cache)
    assert run_clean("status", "-f", "json").exit_code == 0  # with the cache on: written now
    with open(tracker / "observations.csv", "a", encoding="utf-8") as f:
        f.write(row)
    for _ in range(2):  # the second run would be the cache's warm one
        r = run_clean("status", "-f", "json")
        assert r.exit_code == 0, r.output
        assert _SUSPECT in r.stderr and words in r.stderr
    indicator = row.split(",")[0]
    for args in (("show", indicator), ("observations", "--indicator", indicator), ("report", "--format", "markdown")):
        r = run_clean(*args)
        assert r.exit_code == 0 and _SUSPECT in r.stderr, (args, r.stderr)


# 7. Say what a file is: UTF-32 text, a named pipe.


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-le", "utf-32-be"])
def test_a_utf32_store_is_called_utf32(tracker, encoding) -> None:
    text = store_text(tracker)
    (tracker / "observations.csv").write_bytes(text.encode(encoding))
    r = run_clean("status")
    assert r.exit_code == 1 and "UTF-32" in r.stderr and "UTF-16" not in r.stderr, r.stderr


def test_a_utf16_store_is_still_called_utf16(tracker) -> None:
    (tracker / "observations.csv").write_bytes(store_text(tracker).encode("utf-16"))
    r = run_clean("status")
    assert r.exit_code == 1 and "UTF-16" in r.stderr


def test_init_on_a_fifo_says_it_is_a_named_pipe(tmp_path, monkeypatch) -> None:
    import os

    monkeypatch.chdir(tmp_path)
    os.mkfifo(tmp_path / "ff")
    r = run_clean("init", "ff")
    assert r.exit_code != 0 and "named pipe" in r.stderr and "is a file" not in r.stderr, r.stderr
    r = run_clean("init", "ff", "--lang", "vi")
    assert "ống dẫn có tên" in r.stderr


def test_force_from_file_records_an_undated_row_after_a_future_vintage(tracker) -> None:
    _hand_edited_future(tracker)
    (tracker / "in.csv").write_text("indicator,period,value\nmining,2021,17.2\nmining,2020,17.4\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "in.csv", "--force")
    assert r.exit_code == 0, r.stderr
    assert "in.csv:2: warning" in r.stderr and "in.csv:3" not in r.stderr
    last = store_text(tracker).splitlines()[-2:]
    assert last[0] == "mining,2021,17.2,,,,2206-01-01T00:00:01Z" and "2206" not in last[1]
