"""Defects found in the last review of the eighteenth session's merged passes (issue 17),
each test written failing first, its expected values worked out by hand."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from helpers import run_clean

ROOT = Path(__file__).resolve().parent.parent

# --- the UTF-8 re-run only when qntrack is the program ----------------------------------------
#
# console.main ran the whole process again (os.execve of sys.orig_argv) under LC_ALL=C
# PYTHONUTF8=0 whatever program had called it: a script that calls main() after work of
# its own had that work done twice (its output written twice, its standard input already
# read and gone the second time), and a `python -c` holding a letter outside ASCII ended
# in "Unable to decode the command from the command line".


def test_the_utf8_rerun_does_not_run_a_calling_program_twice(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QNTRACK_", "LC_", "LANG", "PYTHON"))}
    env.update(LC_ALL="C", PYTHONUTF8="0", PYTHONPATH=str(ROOT / "src"))
    script = (
        "import sys\n"
        "print('before', flush=True)\n"
        "sys.argv = ['qntrack', '--version']\n"
        "from qntrack.console import main\n"
        "main()\n"
    )
    r = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, timeout=60, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    # The caller's line once, then qntrack's answer: two lines in all.
    assert r.stdout.decode().splitlines() == ["before", "qntrack 0.1.0"], r.stdout


def test_qntrack_itself_still_runs_again_in_utf8_mode(tmp_path: Path) -> None:
    # `python -m qntrack` is qntrack's own process: a Vietnamese argument is still read as
    # typed. A period "Quý I/2026" is 2026-Q1 (the first quarter), shown in the dry run.
    import shutil

    shutil.copy(ROOT / "targets.yaml", tmp_path / "targets.yaml")
    shutil.copy(ROOT / "observations.csv", tmp_path / "observations.csv")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QNTRACK_", "LC_", "LANG", "PYTHON"))}
    env.update(LC_ALL="C", PYTHONUTF8="0", PYTHONPATH=str(ROOT / "src"))
    args = ["add-observation", "grdp_growth", "Quý I/2026", "9.5", "--source", "x", "--dry-run"]
    r = subprocess.run([sys.executable, "-m", "qntrack", *args], env=env, capture_output=True, timeout=60, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert b"2026-Q1" in r.stdout, r.stdout


# --- a figures file with a misnamed value column is not qntrack's own output -----------------
#
# Any header holding 'latest_value' and no 'value' was said to be "what 'qntrack status'
# writes": an officer's own indicator,period,latest_value (a value column misnamed) was
# told to run 'qntrack observations' instead of which column is unknown.


def test_an_own_file_with_a_latest_value_column_gets_the_usual_message(shipped: Path) -> None:
    (shipped / "mine.csv").write_text("indicator,period,latest_value\ncbct_share,2024,13\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "mine.csv", "--dry-run")
    assert r.exit_code == 1, r.output
    assert "qntrack status" not in r.stderr, r.stderr
    assert "unknown column 'latest_value'" in r.stderr, r.stderr


# --- two stores whose names differ only by how their letters are composed --------------------
#
# workspace.as_on_disk took the name as targets.yaml writes it whenever it existed: with a
# Mac's decomposed copy (NFD) beside the typed one (NFC), the two look the same in every
# listing, status read one and add-observation appended to it, and the other's figures were
# passed over in silence. Both are named now, the command refused (exit 1, invalid input).


def test_two_stores_differing_only_by_composition_are_both_named(shipped: Path) -> None:
    import shutil
    import unicodedata

    typed = unicodedata.normalize("NFC", "số liệu.csv")
    mac = unicodedata.normalize("NFD", typed)
    shutil.copy(shipped / "observations.csv", shipped / typed)
    (shipped / "observations.csv").rename(shipped / mac)
    plan = (shipped / "targets.yaml").read_text(encoding="utf-8")
    (shipped / "targets.yaml").write_text(
        plan.replace("\nobservations: observations.csv\n", f'\nobservations: "{typed}"\n'), encoding="utf-8"
    )
    before = {p: p.read_bytes() for p in shipped.iterdir() if p.suffix == ".csv"}
    for args in (("status",), ("add-observation", "grdp_growth", "2026-H1", "11.2", "--source", "x")):
        r = run_clean(*args)
        assert r.exit_code == 1, r.output
        assert "2 files" in r.stderr and "NFC" in r.stderr, r.stderr
        vi = run_clean("--lang", "vi", *args)
        assert "2 tệp" in vi.stderr, vi.stderr
    # Nothing written to either.
    assert {p: p.read_bytes() for p in shipped.iterdir() if p.suffix == ".csv"} == before
