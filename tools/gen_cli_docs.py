"""Regenerate docs/cli.md from the commands' own --help (run: python tools/gen_cli_docs.py).

tests/test_docs.py fails when docs/cli.md is stale, so the reference cannot drift from
the code.
"""

from __future__ import annotations

import sys
from pathlib import Path

from typer.testing import CliRunner

from qntrack.cli import app

DOC = Path(__file__).resolve().parent.parent / "docs" / "cli.md"

HEAD = """# Command-line reference

Generated from `--help` by `python tools/gen_cli_docs.py`; do not edit by hand.
Exit codes: 0 success, 1 invalid input or failed check, 2 usage error, 3 a `--fail-on`
gate tripped, 75 another process held the store's lock (nothing done; try again later),
130 interrupted by Ctrl-C, 143 stopped by SIGTERM (`timeout`, systemd, a
shutdown; undone as Ctrl-C is, and the last line of a command that adds rows says what
it had added to the store), 129 stopped by SIGHUP (the terminal or an SSH connection
closed; undone as SIGTERM is). A closed pipe (`| head -1`) is no error: 0. A value refused for its form alone (a period or a day that
does not read, `--tz`, `--dim` without `=`, a word not among an option's choices) is 2;
a well-formed name the plan lacks (target, indicator, dimension, unit, group) is 1; so is
every problem of the row `add-observation` records or `retract` appends, told as a
`--from` file's row is (README.md, "Exit codes").
Data goes to stdout; messages to stderr. A warning (a period a derived indicator cannot
give, a division by zero: status, show, observations and report name each one they
depend on) does not change the exit code. Sent to a pipe or a file, data and messages
are UTF-8 whatever the locale says; a terminal that cannot show a letter shows `?`.
"""


def command_names() -> list[str]:
    import typer.main

    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def render() -> str:
    runner = CliRunner()
    parts = [HEAD]
    env = {"COLUMNS": "88", "NO_COLOR": "1", "TERM": "dumb"}
    top = runner.invoke(app, ["--help"], env=env, prog_name="qntrack")
    parts.append("## qntrack\n\n```text\n" + top.stdout.rstrip() + "\n```\n")
    for name in command_names():
        result = runner.invoke(app, [name, "--help"], env=env, prog_name="qntrack")
        parts.append(f"## qntrack {name}\n\n```text\n" + result.stdout.rstrip() + "\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    text = render()
    if "--check" in sys.argv:
        sys.exit(0 if DOC.read_text(encoding="utf-8") == text else 1)
    DOC.write_text(text, encoding="utf-8")
    print(f"wrote {DOC}")
