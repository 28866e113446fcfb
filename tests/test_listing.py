"""What a plan holds, listed and completed (issue 12): `qntrack indicators`, `qntrack
targets`, `-h` as `--help`, and shell completion of target and indicator ids."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import run

runner = CliRunner()


@pytest.mark.parametrize(
    "args",
    [
        ["-h"],
        ["status", "-h"],
        ["add-observation", "-h"],
        ["history", "-h"],
        ["report", "-h"],
        ["indicators", "-h"],
        ["targets", "-h"],
    ],
)
def test_dash_h_is_help(tracker: Path, args: list[str]):
    r = run(*args)
    assert r.exit_code == 0, r.stderr
    assert r.stdout == run(*args[:-1], "--help").stdout
    assert "Usage:" in r.stdout and "-h, --help" in r.stdout


def test_indicators_listing(tracker: Path):
    r = run("indicators", "-f", "csv")
    assert r.exit_code == 0, r.stderr
    assert list(csv.reader(io.StringIO(r.stdout))) == [
        ["id", "name", "unit", "frequency", "measure", "direction", "formula", "description"],
        ["share", "Manufacturing share", "%", "quarter", "level", "increase", "", ""],
        ["mining", "Mining share", "%", "year", "level", "decrease", "", ""],
    ]
    vi = run("indicators", "-f", "tsv", "--lang", "vi").stdout.splitlines()
    assert vi[1].split("\t")[:2] == ["share", "Tỷ trọng chế biến"]
    doc = json.loads(run("indicators", "-f", "json").stdout)
    assert doc["indicators"][0] == {
        "id": "share",
        "name": "Manufacturing share",
        "unit": "%",
        "frequency": "quarter",
        "measure": "level",
        "direction": "increase",
        "formula": None,
        "dimensions": [],  # added for issue 14, after the others
        "description": None,  # then this (issue 17, twenty-eighth session)
    }
    # piped (the runner is not a terminal): TSV, like every other listing
    assert run("indicators").stdout == run("indicators", "-f", "tsv").stdout


def test_targets_listing(tracker: Path):
    r = run("targets", "-f", "csv")
    assert r.exit_code == 0, r.stderr
    # The second target has no name of its own: the indicator's name stands in.
    assert list(csv.reader(io.StringIO(r.stdout))) == [
        ["id", "kind", "indicator", "name"],
        ["share", "level", "share", "Manufacturing share"],
        ["mining", "level", "mining", "Mining share"],
    ]
    doc = json.loads(run("targets", "-f", "json").stdout)
    assert [t["id"] for t in doc["targets"]] == ["share", "mining"]


def test_listing_tables_on_a_terminal_render(tracker: Path):
    from qntrack.output import render

    # The table path is Rich's; it must at least print every id.
    r = run("targets", "-f", "table")
    assert r.exit_code == 0, r.stderr
    assert "share" in r.stdout and "mining" in r.stdout
    assert hasattr(render, "listing_table")


def test_completion_functions_offer_ids(tracker: Path):
    from qntrack.cli import complete_indicator_ids, complete_target_ids

    assert [c[0] for c in complete_target_ids(None, "")] == ["share", "mining"]
    assert [c[0] for c in complete_target_ids(None, "mi")] == ["mining"]
    assert [c[0] for c in complete_indicator_ids(None, "s")] == ["share"]


def test_completion_never_raises(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from qntrack.cli import complete_indicator_ids, complete_target_ids

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("QNTRACK_TARGETS", raising=False)
    assert complete_target_ids(None, "") == []  # no targets.yaml
    (tmp_path / "targets.yaml").write_text("indicators: [\n", encoding="utf-8")
    assert complete_indicator_ids(None, "") == []  # broken targets.yaml


@pytest.mark.parametrize(
    "words, cword, expected",
    [
        ("qntrack status ", 2, ["share", "mining"]),
        ("qntrack show m", 2, ["mining"]),
        ("qntrack history s", 2, ["share"]),
        ("qntrack observations --indicator ", 3, ["share", "mining"]),
        ("qntrack add-observation mi", 2, ["mining"]),
        ("qntrack report ", 2, ["share", "mining"]),
        ("qntrack --targets targets.yaml history ", 4, ["share", "mining"]),
        ("qntrack status --targets nowhere.yaml ", 4, []),
        ("qntrack retract ", 2, ["share", "mining"]),
        ("qntrack retract m", 2, ["mining"]),
        (
            "qntrack status --fail-on ",
            3,
            [
                "target_achieved",
                "substantial_progress",
                "moderate_progress",
                "limited_progress",
                "deterioration",
                "not_achieved",
                "not_available",
                "awaiting_figure",
            ],
        ),
        ("qntrack status --fail-on not", 3, ["not_achieved", "not_available"]),
        (
            "qntrack status --fail-on deterioration,not_a",
            3,
            ["deterioration,not_achieved", "deterioration,not_available"],
        ),
        (
            "qntrack docs ",
            2,
            [
                "cli",
                "data-integrity",
                "formats",
                "json",
                "methodology",
                "observations-format",
                "python-api",
                "targets-format",
            ],
        ),
        ("qntrack docs me", 2, ["methodology"]),
        # An option given twice is refused when the command runs, not while the shell
        # completes a word: a traceback had been printed over the prompt on every Tab.
        ("qntrack status --as-of 2024-01-01 --as-of 2025-01-01 m", 6, ["mining"]),
        ("qntrack -t targets.yaml -t targets.yaml history s", 6, ["share"]),
        ("qntrack add-observation -nf json -f csv mi", 6, ["mining"]),
    ],
)
def test_completion_through_the_shell_protocol(tracker: Path, words: str, cword: int, expected: list[str]):
    env = dict(os.environ, _QNTRACK_COMPLETE="complete_bash", COMP_WORDS=words, COMP_CWORD=str(cword))
    env.pop("QNTRACK_TARGETS", None)
    # The entry point as the console script runs it (argv[0] 'qntrack' names the
    # completion variable), from this interpreter so that it is this checkout's code.
    code = "import sys; sys.argv = ['qntrack']; from qntrack.cli import main; main()"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == expected


# --- check --list at the terminal's width (issue 12, f5) ---------------------------------


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_check_list_wraps_the_rule_to_the_terminal(tracker, monkeypatch, lang: str):
    """At an 80-column terminal no line is longer than 80; the rule's text continues under
    its own column, every word of it kept."""
    import qntrack.cli.checking as cli
    from helpers import run_clean

    piped = run_clean("check", "--list", "--lang", lang).stdout
    monkeypatch.setattr(cli, "_terminal_columns", lambda: 80)
    shown = run_clean("check", "--list", "--lang", lang).stdout
    lines = shown.splitlines()
    assert max(len(line) for line in lines) <= 80, max(lines, key=len)
    assert len(lines) > len(piped.splitlines())
    # Same words, same order: only the line breaks differ.
    assert shown.split() == piped.split()
    from qntrack.catalog import render
    from qntrack.files.checks import CHECKS

    first = piped.splitlines()[0]
    indent = first.index(render(CHECKS[0].rule, lang))  # where the rule column starts
    for line in lines:
        if line.startswith(" "):
            assert len(line) - len(line.lstrip()) == indent, line


def test_check_list_piped_is_one_line_a_check(tracker):
    from helpers import run_clean
    from qntrack.files.checks import CHECKS

    assert len(run_clean("check", "--list").stdout.splitlines()) == len(CHECKS)


def test_indicators_table_in_vietnamese_says_the_values_in_vietnamese(tracker: Path):
    """The table is for people: under --lang vi its frequency, measure and direction are
    Vietnamese words; CSV/TSV/JSON keep the targets.yaml words (a contract)."""
    r = run("indicators", "-f", "table", "--lang", "vi")
    assert r.exit_code == 0, r.stderr
    share = next(line for line in r.stdout.splitlines() if line.strip().startswith("share"))
    assert "quý" in share and "mức" in share and "càng cao càng tốt" in share, share
    for word in ("quarter", "level", "increase"):
        assert word not in share, share
    mining = next(line for line in r.stdout.splitlines() if line.strip().startswith("mining"))
    assert "năm" in mining and "càng thấp càng tốt" in mining, mining
    assert run("indicators", "-f", "tsv", "--lang", "vi").stdout.splitlines()[1].split("\t")[3:6] == [
        "quarter",
        "level",
        "increase",
    ]


def test_kinds_are_said_in_vietnamese_for_people(shipped: Path):
    """Under --lang vi the targets table's Kind column and `show`'s header name the kind
    as the report does (Mức cần đạt theo mốc, Bình quân giai đoạn); CSV, TSV and JSON
    keep the codes of targets.yaml (issue 12, g2)."""
    vi = {
        "level": "Mức cần đạt theo mốc",
        "every_period": "Mỗi kỳ",
        "average": "Bình quân giai đoạn",
        "cumulative": "Lũy kế giai đoạn",
        "plan": "Kế hoạch năm",
    }
    doc = json.loads(run("targets", "-f", "json", "--lang", "vi").stdout)["targets"]
    assert {t["kind"] for t in doc} == set(vi)  # the shipped plan has every kind; JSON keeps codes
    r = run("targets", "-f", "table", "--lang", "vi", env={"COLUMNS": "200"})
    assert r.exit_code == 0, r.stderr
    for t in doc:
        line = next(line for line in r.stdout.splitlines() if line.strip().startswith(t["id"] + " "))
        # mining-share is a level target with no milestone: judged by its direction, not
        # by a deadline (issue 17, seventeenth session)
        assert (vi[t["kind"]] if t["id"] != "mining-share" else "Chuyển biến đúng hướng") in line, line
        assert f" {t['kind']} " not in line, line
    tsv = run("targets", "-f", "tsv", "--lang", "vi").stdout.splitlines()
    assert [row.split("\t")[1] for row in tsv[1:]] == [t["kind"] for t in doc]
    shown = run("show", "grdp-double-digit", "--lang", "vi").stdout.splitlines()[0]
    assert "(grdp-double-digit, Mỗi kỳ)" in shown, shown
    assert "(grdp-double-digit, every_period)" in run("show", "grdp-double-digit", "--lang", "en").stdout
