"""The console builds only the command it runs (cli._run_app), and says the same as the whole app.

Typer turns every command's signature into Click parameters before it runs one; building
only the command named saves 15 ms of a warm ``status`` (docs/performance.md, the
start-up goals). Whatever the command line, what the user sees must not change: these
run the console both ways, the second with the shortcut off, and compare everything.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from qntrack.cli import _asked_command

# The console as installed, or with the shortcut turned off (every command built).
CONSOLE = "import sys, qntrack.cli as c; c._asked_command = (lambda args: None) if sys.argv.pop(1) == 'all' else c._asked_command; c.main()"


@pytest.mark.parametrize(
    ("args", "command"),
    [
        (["status"], "status"),
        (["status", "--format", "json"], "status"),
        (["--targets", "status", "show"], "show"),  # a targets file named like a command
        (["-t", "x.yaml", "check"], "check"),
        (["-tx.yaml", "rank", "t1"], "rank"),
        (["--targets=status", "--lang", "vi", "history", "g"], "history"),
        (["--lang=vi", "add-observation", "g", "2024", "1"], "add-observation"),
        (["import", "f.csv"], "import"),
        (["--help"], None),
        (["-h", "status"], None),
        (["--version"], None),
        (["--install-completion"], None),
        (["statu"], None),  # no such command: Click suggests one, from every command
        (["--bogus", "status"], None),
        (["--targets"], None),
        (["--", "status"], None),
        ([], None),
    ],
)
def test_the_command_asked_is_read_as_click_would(args: list[str], command: str | None):
    assert _asked_command(args) == command


def console(mode: str, args: list[str], cwd: Path) -> tuple[int, str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("QNTRACK_TARGETS", "QNTRACK_LANG", "COLUMNS")}
    env["QNTRACK_NO_CACHE"] = "1"  # the same path both times, whichever runs first
    r = subprocess.run([sys.executable, "-c", CONSOLE, mode, *args], cwd=cwd, env=env, capture_output=True, text=True)
    return r.returncode, r.stdout, r.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["status", "--format", "json"],
        ["--lang", "vi", "status", "--format", "csv"],
        ["-t", "targets.yaml", "show", "nope"],  # an unknown target: exit 1, one line
        ["status", "--bogus"],  # Click's usage error inside the command: exit 2
        ["--lang", "vi", "check", "--jump-factor", "-1"],  # in Vietnamese
        ["history", "--help"],
        ["add-observation"],  # a missing argument
        ["rank"],
    ],
)
def test_the_console_says_the_same_with_one_command_built(shipped: Path, args: list[str]):
    assert console("one", args, shipped) == console("all", args, shipped)


def test_only_that_command_is_built_and_the_app_is_whole_afterwards(shipped: Path, monkeypatch, capsys):
    import typer.main

    import qntrack.cli as cli

    built: list[str] = []
    real = typer.main.get_command_from_info

    def counted(**kwargs):
        built.append(cli._name_of(kwargs["command_info"]))
        return real(**kwargs)

    monkeypatch.setattr(typer.main, "get_command_from_info", counted)
    monkeypatch.setattr(sys, "argv", ["qntrack", "targets"])
    every = list(cli.app.registered_commands)
    with pytest.raises(SystemExit) as ended:
        cli._run_app()
    assert ended.value.code == 0
    assert built == ["targets"]
    assert cli.app.registered_commands == every
    assert "grdp" in capsys.readouterr().out
