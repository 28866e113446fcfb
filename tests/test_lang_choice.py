"""`--lang` and QNTRACK_LANG read as people type them (issue 12, m3): any case, spaces
around; an unknown language in the environment falls back to English with one warning
(a shell profile must not break every command), one typed on the command line is a usage
error that says where it came from."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from qntrack.cli import app


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(app, list(args), env=env)


def _table(lang_args: tuple[str, ...] = (), env: dict | None = None) -> str:
    r = run("status", "-f", "table", "--as-of", "2024-06-01", *lang_args, env={"COLUMNS": "120", **(env or {})})
    assert r.exit_code == 0, r.output
    return r.stdout


@pytest.mark.parametrize("value", ["VI", " vi ", "Vi", "vi\t"])
def test_the_environment_is_read_in_any_case_and_with_spaces(tracker: Path, value: str):
    r = run("status", "-f", "table", "--as-of", "2024-06-01", env={"QNTRACK_LANG": value, "COLUMNS": "120"})
    assert r.exit_code == 0, r.output
    assert r.stderr == ""
    assert r.stdout == _table(("--lang", "vi"))
    assert "Tiến bộ" in r.stdout or "Tỷ trọng" in r.stdout


@pytest.mark.parametrize("args", [("--lang", "VI"), ("--lang", " vi "), ("--lang=Vi",), ("--lang", "EN")])
def test_the_option_is_read_in_any_case_and_with_spaces(tracker: Path, args: tuple[str, ...]):
    expected = _table(("--lang", args[-1].split("=")[-1].strip().lower()))
    assert _table(args) == expected
    # before the command, as a global option, too
    r = run(*args, "status", "-f", "table", "--as-of", "2024-06-01", env={"COLUMNS": "120"})
    assert r.exit_code == 0, r.output
    assert r.stdout == expected


def test_an_unknown_language_in_the_environment_falls_back_to_english_with_one_warning(tracker: Path):
    r = run("status", "-f", "table", "--as-of", "2024-06-01", env={"QNTRACK_LANG": "fr", "COLUMNS": "120"})
    assert r.exit_code == 0, r.output
    assert r.stdout == _table()
    assert r.stderr == (
        "qntrack: warning: QNTRACK_LANG='fr' is not a language qntrack speaks (en, vi); English is used\n"
    )
    # every command, not only status
    r = run("check", env={"QNTRACK_LANG": "fr"})
    assert r.exit_code == 0 and r.stderr.count("QNTRACK_LANG") == 1


def test_no_warning_when_the_command_line_chooses(tracker: Path):
    """The environment is not used when --lang says: nothing to warn of."""
    r = run(
        "status", "-f", "table", "--as-of", "2024-06-01", "--lang", "vi", env={"QNTRACK_LANG": "fr", "COLUMNS": "120"}
    )
    assert r.exit_code == 0 and r.stderr == ""
    assert r.stdout == _table(("--lang", "vi"))


def test_an_empty_environment_value_is_no_choice(tracker: Path):
    r = run("status", "-f", "tsv", env={"QNTRACK_LANG": "  "})
    assert r.exit_code == 0 and r.stderr == ""


def test_an_unknown_language_typed_is_a_usage_error_that_does_not_blame_the_environment(tracker: Path):
    r = run("status", "--lang", "fr")
    assert r.exit_code == 2
    assert "env var" not in r.stderr and "QNTRACK_LANG" not in r.stderr
    assert "Invalid value for '--lang'" in r.stderr and "'fr' is not one of 'en', 'vi'" in r.stderr
    r = run("status", "--lang", "fr", env={"QNTRACK_LANG": "vi"})
    assert r.exit_code == 2
    assert "biến môi trường" not in r.stderr and "'fr' không phải là một trong 'en', 'vi'" in r.stderr


def test_a_usage_error_follows_a_language_typed_in_capitals(tracker: Path):
    r = run("show", "share", "--sauce", "--lang", "VI")
    assert r.exit_code == 2
    assert "Lỗi:" in r.stderr
    r = run("show", "share", "--sauce", env={"QNTRACK_LANG": " VI "})
    assert r.exit_code == 2 and "Lỗi:" in r.stderr


def test_a_language_before_the_command_reads_a_typed_number_too(tracker: Path):
    """`1,234` has two readings; the language chosen decides (docs/decisions.md). A --lang
    before the command, or QNTRACK_LANG in capitals, is a choice like the command's own."""
    for args, env in ((("--lang", "VI", "add-observation"), None), (("add-observation",), {"QNTRACK_LANG": "VI"})):
        r = run(
            *args, "mining", "2021", "1,234", "--recorded-at", "2022-02-01T00:00:00Z", "--dry-run", "-f", "csv", env=env
        )
        assert r.exit_code == 0, r.output
        assert "mining,2021,1.234," in r.stdout


@pytest.mark.parametrize(
    ("value", "hint"), [("vi_VN", "; did you mean 'vi'?"), ("", "."), ("fr", "."), ("en-US", "; did you mean 'en'?")]
)
def test_an_unknown_language_says_so_cleanly_in_english(tracker: Path, value: str, hint: str):
    """`--lang vi_VN` and `--lang ''` said "Value error, 'vi_VN' is not one of ..." (the
    checker's prefix): a usage error names the option, the value and the choices, nothing
    more (issue 12, g2); a locale is told its language's code since the forty-fifth
    session (pass G), still refused."""
    for args in (("status", "--lang", value), ("status", f"--lang={value}"), ("--lang", value, "status")):
        r = run(*args)
        assert r.exit_code == 2, (args, r.output)
        assert "Value error" not in r.stderr and "Traceback" not in r.output, r.stderr
        assert r.stderr.rstrip("\n").splitlines()[-1] == (
            f"Error: Invalid value for '--lang': '{value}' is not one of 'en', 'vi'{hint}"
        ), r.stderr


def test_any_other_wrong_choice_says_so_cleanly_too(tracker: Path):
    r = run("status", "--format", "xml")
    assert r.exit_code == 2
    assert r.stderr.rstrip("\n").splitlines()[-1] == (
        "Error: Invalid value for '--format' / '-f': 'xml' is not one of 'table', 'json', 'csv', 'tsv'."
    ), r.stderr
