"""The command line fits the hands that type it: negative numbers, decimal commas, a
real minus sign, and confirmations that echo what was stored (issue 12)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run


def last_row(tracker: Path) -> list[str]:
    return (tracker / "observations.csv").read_text(encoding="utf-8").splitlines()[-1].split(",")


@pytest.mark.parametrize(
    "typed, stored",
    [
        ("-2.5", "-2.5"),
        ("-1e3", "-1000"),
        ("-.5", "-0.5"),
        ("-0", "0"),
        ("+3", "3"),
    ],
)
def test_negative_numbers_are_values_not_options(tracker: Path, typed: str, stored: str):
    r = run("add-observation", "share", "2024", typed, "--recorded-at", "2025-01-05T00:00:00Z")
    assert r.exit_code == 0, r.stderr
    assert last_row(tracker)[:3] == ["share", "2024", stored]


def test_options_after_a_negative_value_still_work(tracker: Path):
    r = run("add-observation", "share", "2024", "-2.5", "--status", "estimate", "--note", "-5 pts")
    assert r.exit_code == 0, r.stderr
    row = last_row(tracker)
    assert (
        row[2:4] == ["-2.5", "estimate"] and row[5] == "'-5 pts"
    )  # stored behind an apostrophe: it starts like a formula


def test_an_unknown_option_is_still_an_error(tracker: Path):
    before = (tracker / "observations.csv").read_bytes()
    r = run("add-observation", "share", "2024", "3", "--sauce")
    assert r.exit_code == 2
    assert "No such option: --sauce" in r.stderr
    assert (tracker / "observations.csv").read_bytes() == before


@pytest.mark.parametrize(
    "args, option",
    [
        (["--from", "a.csv", "--from", "b.csv"], "--from"),
        (["--from=a.csv", "--from", "b.csv"], "--from"),
        (["share", "2024", "3", "--status", "estimate", "--status=official"], "--status"),
    ],
)
def test_an_option_given_twice_is_refused_not_half_read(tracker: Path, args: list[str], option: str):
    # Click keeps the last value: '--from a.csv --from b.csv' imported b.csv alone and said
    # 'added 1 row(s)', a.csv's rows lost without a word.
    (tracker / "a.csv").write_text("indicator,period,value\nshare,2024,12\n", encoding="utf-8")
    (tracker / "b.csv").write_text("indicator,period,value\nshare,2023,11.5\n", encoding="utf-8")
    before = (tracker / "observations.csv").read_bytes()
    r = run("add-observation", *args)
    assert r.exit_code == 2, r.output
    assert f"Option {option} is given twice" in r.stderr, r.stderr
    assert (tracker / "observations.csv").read_bytes() == before
    vi = run("--lang", "vi", "add-observation", *args)
    assert vi.exit_code == 2 and "hai lần" in vi.stderr, vi.stderr


@pytest.mark.parametrize(
    "args, option",
    [
        (["status", "-f", "json", "-f", "csv"], "--format"),
        (["status", "-fjson", "--format=csv"], "--format"),
        (["status", "--as-of", "2024-01-01", "--as-of", "2025-01-01"], "--as-of"),
        (["history", "share", "--as-of", "2024-01-01", "--as-of=2025-01-01"], "--as-of"),
        (["observations", "-i", "share", "--indicator", "growth"], "--indicator"),
        (["report", "-f", "json", "-o", "a.json", "-o", "b.json"], "--output"),
        (["export", "sdmx-csv", "--as-of", "2024-01-01", "--as-of", "2025-01-01"], "--as-of"),
        (["check", "--jump-factor", "5", "--jump-factor", "10"], "--jump-factor"),
        (["retract", "share", "2024", "--note", "a", "--note", "b"], "--note"),
        (["--targets", "targets.yaml", "-t", "other.yaml", "status"], "--targets"),
        (["--lang", "vi", "--lang", "en", "status"], "--lang"),
        (["status", "--fail-on", "not_achieved", "--fail-on", "deterioration"], "--fail-on"),
        # Short flags bundled with an option that takes a value, as Click reads them:
        # '-nf json' is '-n -f json', so a later '-f csv' had been kept in silence.
        (["add-observation", "share", "2024", "3", "-nf", "json", "-f", "csv"], "--format"),
        (["add-observation", "share", "2024", "3", "-nfjson", "--format=csv"], "--format"),
        (["add-observation", "share", "2024", "3", "-f", "csv", "-nfjson"], "--format"),
    ],
)
def test_every_command_refuses_an_option_given_twice(tracker: Path, args: list[str], option: str):
    # Click keeps the last value, so one of two dates, files or formats was dropped without
    # a word; add-observation refused it already, now every command does (decisions.md).
    before = (tracker / "observations.csv").read_bytes()
    r = run(*args)
    assert r.exit_code == 2, (r.exit_code, r.stdout, r.stderr)
    assert f"Option {option} is given twice" in r.stderr, r.stderr
    assert r.stdout == ""
    assert (tracker / "observations.csv").read_bytes() == before
    assert not (tracker / "a.json").exists() and not (tracker / "b.json").exists()
    if option == "--fail-on":  # its value is a list: said how to give several
        assert "give it once, its values separated by commas" in r.stderr, r.stderr
        vi = run("--lang", "vi", *args)
        assert "dấu phẩy" in vi.stderr, vi.stderr


def test_an_option_before_and_after_the_command_is_not_a_repeat(tracker: Path):
    # `qntrack --lang vi status --lang en`: the command's own wins, as documented.
    r = run("--lang", "vi", "status", "--lang", "en", "-f", "csv")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith("id,type,indicator")  # English headers: the command's --lang


def test_a_double_dash_that_is_an_options_value_ends_no_options(tracker: Path):
    # '--note --': Click reads '--' as the note, and the words after it as options still;
    # read as the end of the options, a second --note was kept in silence and '-2.5'
    # after it was "No such option: -2".
    before = (tracker / "observations.csv").read_bytes()
    r = run("add-observation", "share", "2024", "3", "--note", "--", "--note", "x")
    assert r.exit_code == 2 and "Option --note is given twice" in r.stderr, r.output
    assert (tracker / "observations.csv").read_bytes() == before
    r = run("add-observation", "--note", "--", "share", "2024", "-2.5", "--recorded-at", "2025-01-05T00:00:00Z")
    assert r.exit_code == 0, r.output
    assert last_row(tracker)[:3] == ["share", "2024", "-2.5"]


@pytest.mark.parametrize(
    "flags", [["--decimal-comma", "--decimal-point"], ["--decimal-point", "--from", "a.csv", "--decimal-comma"]]
)
def test_an_on_off_flag_given_both_ways_is_refused(tracker: Path, flags: list[str]):
    # '--decimal-comma ... --decimal-point': Click kept the last, so '85.000' was read as
    # 85 or as 85000 by the order of two options, without a word; one is refused as
    # twice as any single-valued option is. The same side twice is still a flag repeated.
    (tracker / "a.csv").write_text('indicator,period,value\nshare,2024,"85,5"\n', encoding="utf-8")
    before = (tracker / "observations.csv").read_bytes()
    args = flags if "--from" in flags else ["--from", "a.csv", *flags]
    r = run("add-observation", *args)
    assert r.exit_code == 2, r.output
    assert "Option --decimal-comma/--decimal-point is given twice" in r.stderr, r.stderr
    assert (tracker / "observations.csv").read_bytes() == before
    vi = run("--lang", "vi", "add-observation", *args)
    assert vi.exit_code == 2 and "hai lần" in vi.stderr, vi.stderr
    again = run("add-observation", "--from", "a.csv", "--decimal-comma", "--decimal-comma")
    assert again.exit_code == 0, again.output
    assert (tracker / "observations.csv").read_text(encoding="utf-8").splitlines()[-1].startswith("share,2024,85.5,")


def test_bundled_short_flags_take_their_value_once(tracker: Path):
    # '-nf json': the flag -n and -f's value; 'json' is the value, not a fourth argument.
    before = (tracker / "observations.csv").read_bytes()
    r = run("add-observation", "share", "2024", "3", "-nf", "json", "--recorded-at", "2025-01-05T00:00:00Z")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.lstrip().startswith("[") or r.stdout.lstrip().startswith("{"), r.stdout
    assert (tracker / "observations.csv").read_bytes() == before  # -n: a dry run


def test_a_value_that_looks_like_the_option_is_not_a_repeat(tracker: Path):
    # The note of a retraction may well read "--note": it is the value, not the option.
    r = run("retract", "share", "2024", "--note", "--note", "--recorded-at", "2030-01-01T00:00:00Z", "--force")
    assert "given twice" not in r.stderr, r.stderr


@pytest.mark.parametrize(
    "args, stored",
    [
        (["10,5"], "10.5"),  # no other reading: a decimal comma
        (["10,5", "--lang", "vi"], "10.5"),
        (["1,234", "--lang", "vi"], "1.234"),  # Vietnamese: the comma is the decimal
        (["85.000", "--lang", "vi"], "85000"),  # Vietnamese: the point groups thousands
        (["85.000", "--lang", "en"], "85"),  # English: the point is the decimal
        (["1,234", "--lang", "en"], "1234"),  # English: the comma groups thousands
        (["12.345.678"], "12345678"),  # a repeated separator can only group thousands
        (["1,234,567"], "1234567"),
        (["1.000,0"], "1000"),  # both separators: the last one is the decimal
        (["1,000.5"], "1000.5"),
        (["\u22122,5"], "-2.5"),  # a real minus sign (U+2212)
        (["\u22122.5"], "-2.5"),
    ],
)
def test_numbers_as_vietnamese_write_them(tracker: Path, args: list[str], stored: str):
    r = run("add-observation", "share", "2024", *args, "--recorded-at", "2025-01-05T00:00:00Z")
    assert r.exit_code == 0, r.stderr
    assert last_row(tracker)[2] == stored
    # The confirmation follows --lang (issue 12); the value is the one stored, written with
    # the reader's decimal mark (1,234 in Vietnamese, where 1.234 would read as 1234).
    # Since the eighteenth session thousands are grouped by a dot there, as Vietnamese
    # tables write them: 85000 reads "85.000".
    vi = {"85000": "85.000"}.get(stored, stored.replace(".", ","))
    said, shown = ("đã thêm", vi) if "vi" in args else ("added", stored)
    assert r.stderr.startswith(f"{said} share 2024 = {shown} ")


@pytest.mark.parametrize(
    "typed, message",
    [
        (
            "1,234",
            "'1,234' is ambiguous: 1234 with a thousands separator, or 1.234 with a decimal comma; write 1234 "
            "for the first, or say how figures are written: --lang en reads it as 1234, --lang vi as 1.234",
        ),
        ("85.000", "'85.000' is ambiguous: 85000 with a thousands separator, or 85.000 with a decimal point"),
        ("\u0661\u0662", "digits other than 0-9"),  # Arabic-Indic 12
        ("\uff11\uff12", "digits other than 0-9"),  # full-width 12
        ("-\u0663", "digits other than 0-9"),
        ("-inf", "is not a number"),
        ("12,5,3", "not a number"),
    ],
)
def test_numbers_that_cannot_be_read_are_refused(tracker: Path, typed: str, message: str):
    before = (tracker / "observations.csv").read_bytes()
    r = run("add-observation", "share", "2024", typed)
    assert r.exit_code == 1, r.stderr
    assert message in r.stderr and "Traceback" not in r.stderr
    assert (tracker / "observations.csv").read_bytes() == before


@pytest.mark.parametrize(
    "typed, stored",
    [
        ("0.123", "0.123"),
        ("0,123", "0.123"),
        ("-0.500", "-0.5"),
        ("+0,250", "0.25"),
        ("0.123,5", None),
        ("012,345", "12.345"),
    ],
)
def test_a_leading_zero_cannot_start_a_thousands_group(tracker: Path, typed: str, stored: str | None):
    """'0.123' and '0,123' have one reading, 0.123: no thousands group starts with 0."""
    r = run("add-observation", "share", "2024", typed, "--recorded-at", "2025-01-05T00:00:00Z")
    if stored is None:
        assert r.exit_code == 1 and "ambiguous" not in r.stderr, r.stderr
    else:
        assert r.exit_code == 0, r.stderr
        assert last_row(tracker)[2] == stored


def test_confirmation_echoes_what_was_stored(tracker: Path):
    r = run("add-observation", "share", "2024-6M", "1.000,0", "--recorded-at", "2025-01-05T00:00:00Z")
    assert r.exit_code == 0, r.stderr
    assert r.stderr.startswith("added share 2024-H1 = 1000 to ")
    assert last_row(tracker)[:3] == ["share", "2024-H1", "1000"]


def test_the_language_from_the_environment_decides_too(tracker: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("QNTRACK_LANG", "vi")
    r = run("add-observation", "share", "2024", "85.000", "--recorded-at", "2025-01-05T00:00:00Z")
    assert r.exit_code == 0, r.stderr
    assert last_row(tracker)[2] == "85000"


@pytest.mark.parametrize("typed", ["7.2%", "12,5 %", "-0.5%"])
def test_a_typed_percent_sign_is_told_to_go(tracker: Path, typed: str):
    # Pasted from Excel with its sign: the import's message (the unit belongs to the
    # indicator) was lost on the command line for "is not a number".
    before = (tracker / "observations.csv").read_bytes()
    r = run("add-observation", "share", "2024", typed)
    assert r.exit_code == 1, r.output
    # The indicator's unit named since issue 17's twenty-sixth session (an import's cell keeps
    # "the unit belongs to the indicator").
    assert f"'{typed}': write the number without '%' (indicator 'share' is declared in %)" in r.stderr, r.stderr
    assert (tracker / "observations.csv").read_bytes() == before
