"""Every command through Typer's runner: exact output, streams and exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import run

runner = CliRunner()


def test_version():
    r = run("--version")
    assert r.exit_code == 0 and r.stdout == "qntrack 0.1.0\n"


def test_the_console_answers_version_without_loading_the_command_line(tmp_path: Path):
    # Scripts ask `qntrack --version` to see that qntrack is there; Typer, Click and Rich
    # took most of its start-up (issue 17's start-up goal sat at 1.15 x `import typer`).
    import subprocess
    import sys
    import tomllib

    from conftest import ROOT

    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts == {"qntrack": "qntrack.console:main"}
    code = (
        "import sys; sys.argv = ['qntrack', '--version']\n"
        "from qntrack.console import main\nmain()\n"
        "print(sorted(m for m in ('typer', 'click', 'rich', 'qntrack.cli') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, check=True)
    assert out.stdout == "qntrack 0.1.0\n[]\n" and out.stderr == ""
    dash_m = subprocess.run([sys.executable, "-m", "qntrack", "--version"], capture_output=True, text=True)
    assert (dash_m.returncode, dash_m.stdout, dash_m.stderr) == (0, "qntrack 0.1.0\n", "")


@pytest.mark.parametrize("lang, said", [([], "interrupted (Ctrl-C)\n"), (["--lang", "VI"], "đã dừng (Ctrl-C)\n")])
def test_ctrl_c_while_the_command_line_loads_is_a_message_not_a_traceback(lang: list[str], said: str):
    # The first few tenths of a second of every command load qntrack.cli (Typer, Click,
    # the commands): Ctrl-C then printed a KeyboardInterrupt traceback, exit 1.
    import subprocess
    import sys

    code = (
        "import sys, types\n"
        "def stop(name): raise KeyboardInterrupt\n"
        "loading = types.ModuleType('qntrack.cli'); loading.__getattr__ = stop\n"
        "sys.modules['qntrack.cli'] = loading\n"
        f"sys.argv = ['qntrack', *{lang!r}, 'status']\n"
        "from qntrack.console import main\nmain()\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8")
    assert (out.returncode, out.stderr, out.stdout) == (130, said, "")


def test_status_json_contract(tracker: Path):
    r = run("status", "--format", "json")
    assert r.exit_code == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["qntrack"] == "0.1.0" and doc["schema"] == 1 and doc["as_of"] is None
    share = doc["targets"][0]
    assert share["id"] == "share" and share["type"] == "level"
    # What its figure replaced, appended in the thirty-second session: none (stated by the plan).
    assert share["baseline"] == {
        "period": "2020",
        "value": 9.8,
        "revises": None,
        "revises_source": None,
        "revises_recorded_at": None,
        "revises_status": None,
    }
    assert share["latest"]["period"] == "2023" and share["latest"]["value"] == 12.3
    # The 2024-Q1 reading is provisional: shown, never mixed into the annual arithmetic.
    assert share["provisional"]["period"] == "2024-Q1"
    # Hand-computed (see docs/methodology.md, worked example 1): achieved CAGR
    # (12.3/9.8)^(1/3)-1 = 0.0786810, required (15/9.8)^(1/5)-1 = 0.0888625, P = 0.885424.
    assert share["progress_value"] == pytest.approx(0.885424, rel=1e-5)
    assert share["status"] == "moderate_progress"
    first = share["milestones"][0]
    assert first["by"] == "2025" and first["gap"] == pytest.approx(2.7)
    assert first["required_rate"] == pytest.approx(0.0888625, rel=1e-5)
    assert share["next_milestone"] == "2025"
    mining = doc["targets"][1]
    # Direction only: 21.3 -> 17.3 over 5 years, lower is better: P = -((17.3/21.3)^(1/5)-1) = 0.0407467.
    assert mining["progress_value"] == pytest.approx(0.0407467, rel=1e-5)
    assert mining["status"] == "substantial_progress"
    assert mining["milestones"] == []


def test_status_defaults_to_tsv_when_piped(tracker: Path):
    r = run("status")
    assert r.exit_code == 0
    rows = list(csv.reader(io.StringIO(r.stdout), delimiter="\t"))
    assert rows[0][:6] == ["id", "type", "indicator", "name", "unit", "status"]
    assert [row[0] for row in rows[1:]] == ["share", "mining"]
    assert r.stderr == ""


def test_status_csv_and_target_filter(tracker: Path):
    r = run("status", "share", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert len(rows) == 1 and rows[0]["status"] == "moderate_progress" and rows[0]["next_milestone"] == "2025"


def test_status_table_in_vietnamese_uses_decimal_comma(tracker: Path):
    r = run("status", "--format", "table", "--lang", "vi", env={"NO_COLOR": "1", "COLUMNS": "160"})
    assert r.exit_code == 0
    assert "12,3%" in r.stdout and "Tiến triển vừa phải" in r.stdout and "Tỷ trọng chế biến" in r.stdout
    assert "\x1b[" not in r.stdout


def test_lang_from_environment(tracker: Path):
    r = run("status", "--format", "table", env={"QNTRACK_LANG": "vi", "COLUMNS": "160"})
    assert "Mục tiêu" in r.stdout


def test_unknown_target_is_a_clear_error(tracker: Path):
    r = run("status", "shar")
    assert r.exit_code == 1
    assert r.stdout == ""
    assert r.stderr == "targets.yaml: error: no target 'shar'; did you mean 'share'? (targets: share, mining)\n"


@pytest.mark.parametrize("command", [["status"], ["show"], ["report"]], ids=" ".join)
def test_an_unknown_target_gets_the_closest_id_whatever_its_case_and_the_known_ones(tracker: Path, command):
    """docs/decisions.md: an unknown id gets the closest one and the list of known ids."""
    r = run(*command, "SHARE")
    assert r.exit_code == 1 and r.stdout == ""
    assert r.stderr == "targets.yaml: error: no target 'SHARE'; did you mean 'share'? (targets: share, mining)\n"
    r = run(*command, "zzz")
    assert r.stderr == "targets.yaml: error: no target 'zzz' (targets: share, mining)\n"


def test_the_known_target_ids_are_cut_at_twenty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from conftest import make_tracker

    targets = 'indicators:\n  x:\n    name: X\n    unit: "%"\ntargets:\n' + "".join(
        f"  - id: t{n:02d}\n    indicator: x\n    baseline: {{period: 2020, value: 1}}\n"
        f"    milestones:\n      - {{by: 2025, value: 2}}\n"
        for n in range(25)
    )
    make_tracker(tmp_path, monkeypatch, targets, "indicator,period,value,status,source,note,recorded_at\n")
    r = run("show", "nosuch")
    assert r.exit_code == 1, r.stderr
    expected = ", ".join(f"t{n:02d}" for n in range(20)) + ", ..."
    assert r.stderr == f"targets.yaml: error: no target 'nosuch' (targets: {expected})\n"


def test_fail_on_gate(tracker: Path):
    assert run("status", "--fail-on", "deterioration").exit_code == 0
    r = run("status", "--fail-on", "moderate_progress,not_achieved")
    assert r.exit_code == 3
    r = run("status", "--fail-on", "bad")
    assert r.exit_code == 2 and "unknown status bad" in r.stderr


@pytest.mark.parametrize("given", ["", ",", " , "])
def test_an_empty_fail_on_is_a_usage_error_not_a_gate_turned_off(tracker: Path, given: str):
    """`--fail-on ""` (an unset variable in a CI script) must not pass a gate silently."""
    r = run("status", "--fail-on", given)
    assert r.exit_code == 2 and r.stdout == ""
    assert "--fail-on" in r.stderr and "not_achieved" in r.stderr and "deterioration" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_usage_error_exits_2(tracker: Path):
    assert run("status", "--format", "xml").exit_code == 2
    assert run("frobnicate").exit_code == 2


def test_as_of_replays_what_was_known(tracker: Path):
    r = run("status", "share", "--format", "json", "--as-of", "2022-12-31")
    doc = json.loads(r.stdout)
    assert doc["as_of"] == "2022-12-31"
    assert doc["targets"][0]["latest"]["period"] == "2021"
    assert run("status", "--as-of", "28/06/2023").exit_code == 2


def test_add_observation_appends_one_row(tracker: Path):
    before = (tracker / "observations.csv").read_bytes()
    r = run(
        "add-observation",
        "share",
        "2024",
        "13.1",
        "--status",
        "estimate",
        "--source",
        "Sở Công Thương",
        "--recorded-at",
        "2025-01-05T10:00:00+07:00",
    )
    assert r.exit_code == 0, r.stderr
    assert r.stdout == ""
    after = (tracker / "observations.csv").read_bytes()
    assert after.startswith(before)
    assert after[len(before) :].decode() == "share,2024,13.1,estimate,Sở Công Thương,,2025-01-05T03:00:00Z\n"
    doc = json.loads(run("status", "share", "-f", "json").stdout)
    assert doc["targets"][0]["latest"]["value"] == 13.1


@pytest.mark.parametrize(
    "args, message",
    [
        (["shares", "2024", "1"], "add-observation: error: unknown indicator 'shares'; did you mean 'share'?"),
        (["share", "2024-13", "1"], "add-observation: error: '2024-13': month 13 does not exist"),
        (["share", "2024", "inf"], "add-observation: error: 'inf' is not a number"),
        (["share", "2024", "1", "--status", "revisd"], "add-observation: error: status 'revisd' is not one of"),
        # 'revised' is told what a revision is (forty-first session, tests/test_s41_u.py).
        (["share", "2024", "1", "--status", "revised"], "add-observation: error: status 'revised' is no status"),
        (
            ["mining", "2024-Q1", "1"],
            "add-observation: error: period 2024-Q1 is finer than indicator 'mining' is published",
        ),
        (
            ["share", "2024", "1", "--recorded-at", "soon"],
            "add-observation: error: 'soon' is not an ISO 8601 timestamp",
        ),
    ],
)
def test_add_observation_refuses_bad_input_and_writes_nothing(tracker: Path, args, message):
    before = (tracker / "observations.csv").read_bytes()
    r = run("add-observation", *args)
    assert r.exit_code == 1
    assert r.stderr.startswith(message)
    assert (tracker / "observations.csv").read_bytes() == before


def test_check_is_silent_when_all_is_well(tracker: Path):
    r = run("check")
    assert r.exit_code == 0 and r.stdout == "" and r.stderr == ""


def test_check_reports_every_problem(tracker: Path):
    with open(tracker / "observations.csv", "a", encoding="utf-8") as fh:
        fh.write("shar,2023,1,,,,2023-01-01T00:00:00Z\n")
        fh.write("share,2023-14,1,,,,2023-01-01T00:00:00Z\n")
    r = run("check")
    assert r.exit_code == 1
    lines = r.stderr.splitlines()
    assert "observations.csv:9: error: '2023-14': month 14 does not exist" in lines[0]
    assert (
        lines[1] == "observations.csv:8: error: unknown indicator 'shar' (not in targets.yaml); did you mean 'share'?"
        ' If it was renamed, `qntrack docs targets-format` ("Changing the plan") says how to carry its figures over'
    )


def test_status_refuses_a_broken_store(tracker: Path):
    with open(tracker / "observations.csv", "a", encoding="utf-8") as fh:
        fh.write("share,2024,abc,,,,2025-01-01T00:00:00Z\n")
    r = run("status")
    assert r.exit_code == 1 and r.stdout == ""
    assert r.stderr.startswith("observations.csv:8: error: 'abc' is not a number")


def test_show_table_and_json(tracker: Path):
    # As of a day before the 2025 deadline: the projection speaks of what is to come.
    r = run("show", "share", "--format", "table", "--as-of", "2025-06-30", env={"COLUMNS": "100"})
    assert r.exit_code == 0
    assert "15% by 2025" in r.stdout and "Resolution 01" in r.stdout
    # The sentence of the worked example: 12.3 * 1.078681^2 = 14.31 in 2025.
    assert "At this pace it reaches 14.31% in 2025, short of 15%" in r.stdout
    doc = json.loads(run("show", "share", "-f", "json").stdout)
    assert [o["period"] for o in doc["observations"]] == ["2021", "2022", "2023", "2024-Q1"]


def test_observations_lists_values_in_force(tracker: Path):
    r = run("observations", "--indicator", "mining", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [(row["period"], row["value"]) for row in rows] == [("2015", "21.3"), ("2020", "17.3")]
    assert run("observations", "--indicator", "nope").exit_code == 1


def test_csv_output_neutralises_formulas(tracker: Path):
    run("add-observation", "share", "2024", "13", "--source", '=HYPERLINK("http://x")')
    r = run("observations", "--indicator", "share", "--format", "csv")
    assert "'=HYPERLINK" in r.stdout


def test_markup_in_names_is_shown_as_typed(tracker: Path):
    text = (tracker / "targets.yaml").read_text(encoding="utf-8").replace('"Mining share"', '"[red]Mining[/red] share"')
    (tracker / "targets.yaml").write_text(text, encoding="utf-8")
    r = run("status", "--format", "table", env={"COLUMNS": "160"})
    assert "[red]Mining[/red] share" in r.stdout


def test_init_writes_a_starter_and_refuses_to_overwrite(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = run("init", "plan")
    assert r.exit_code == 0
    assert (
        tmp_path / "plan" / "observations.csv"
    ).read_text() == "indicator,period,value,status,source,note,recorded_at\n"
    monkeypatch.chdir(tmp_path / "plan")
    assert run("check").exit_code == 0
    assert run("status", "--format", "json").exit_code == 0
    again = run("init", ".")
    assert again.exit_code == 1 and "already exists" in again.stderr


def test_no_targets_file(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("QNTRACK_TARGETS", raising=False)
    r = run("status")
    assert r.exit_code == 1 and "no targets.yaml here or in any parent folder" in r.stderr


def test_observations_pointing_at_a_directory(tracker: Path):
    (tracker / "data").mkdir()
    text = "observations: data\n" + (tracker / "targets.yaml").read_text(encoding="utf-8")
    (tracker / "targets.yaml").write_text(text, encoding="utf-8")
    r = run("status")
    assert r.exit_code == 1 and "'observations: data' points at a directory" in r.stderr


def test_global_options_before_the_command(tracker: Path, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    import os

    os.chdir(elsewhere)
    r = run(
        "--targets",
        str(tracker / "targets.yaml"),
        "--lang",
        "vi",
        "status",
        "--format",
        "table",
        env={"COLUMNS": "160"},
    )
    assert r.exit_code == 0, r.stderr
    assert "Mục tiêu" in r.stdout and "12,3%" in r.stdout


@pytest.mark.parametrize(
    "command",
    [["history", "nope"], ["observations", "--indicator", "nope"], ["show", "nope"], ["history", "share[region=x]"]],
    ids=" ".join,
)
def test_an_unknown_id_is_refused_before_the_store_is_read(tracker: Path, monkeypatch: pytest.MonkeyPatch, command):
    """targets.yaml alone answers it: on a national store the refusal took 11 s, the time
    of reading a million rows (a hostile pass). A unit typed in the indicator's brackets
    is said of INDICATOR, where it was typed, not of --dim."""
    import qntrack.files.store as store

    def read_store(*args, **kwargs):
        raise AssertionError("the store was read")

    monkeypatch.setattr(store, "read_store", read_store)
    r = run(*command)
    assert r.exit_code in (1, 2) and r.stdout == "", r.stderr
    assert "the store was read" not in r.stderr and "Traceback" not in r.stderr
    said = (
        "INDICATOR: error: indicator 'share' is not broken down" if "[" in command[-1] else "targets.yaml: error: no "
    )
    assert r.stderr.startswith(said), r.stderr


def test_show_lists_the_formats_it_prints_and_refuses_the_others_first(tracker: Path, monkeypatch):
    # The help listed <table|json|csv|tsv> and `show --format csv` was refused only after
    # the whole store was read (seconds on a national one).
    from qntrack.files import workspace

    assert "<table|json>" in run("show", "--help").stdout
    monkeypatch.setattr(workspace, "open_workspace", lambda *a, **k: pytest.fail("the store was read"))
    r = run("show", "share", "--format", "csv")
    assert r.exit_code == 2 and r.stderr == "--format: error: show prints a table or json\n", r.output
