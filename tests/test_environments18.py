"""Unusual environments (issue 17, eighteenth session): cron, servers, locales.

docs/decisions.md, "Unusual environments: cron, servers, locales".
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from helpers import run_clean

ROOT = Path(__file__).resolve().parent.parent


def _c_locale_without_utf8_mode(folder: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    """The C locale with Python's UTF-8 mode turned off (PYTHONUTF8=0): Python then decodes
    the command line and file names as ASCII, its file system encoding."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QNTRACK_", "LC_", "LANG", "PYTHON"))}
    env.update(LC_ALL="C", PYTHONUTF8="0", PYTHONPATH=str(ROOT / "src"))
    return subprocess.run(
        [sys.executable, "-m", "qntrack", *args], cwd=folder, env=env, capture_output=True, timeout=60
    )


def test_c_locale_without_utf8_mode_reads_vietnamese_names_and_arguments(tmp_path: Path) -> None:
    # The store is named in Vietnamese in targets.yaml, the period and the source are typed
    # in Vietnamese (UTF-8 bytes, as every terminal and cron script sends them).
    # Before: a UnicodeEncodeError traceback opening "số liệu.csv", and "Quý I/2026"
    # refused as 'Qu\udcc3\udcbd I/2026'.
    shutil.copy(ROOT / "targets.yaml", tmp_path / "targets.yaml")
    shutil.copy(ROOT / "observations.csv", tmp_path / "số liệu.csv")
    plan = (tmp_path / "targets.yaml").read_text(encoding="utf-8")
    assert "\nobservations: observations.csv\n" in plan
    plan = plan.replace("\nobservations: observations.csv\n", '\nobservations: "số liệu.csv"\n')
    (tmp_path / "targets.yaml").write_text(plan, encoding="utf-8")
    added = _c_locale_without_utf8_mode(
        tmp_path,
        "add-observation",
        "grdp_growth",
        "Quý I/2026",
        "9.5",
        "--status",
        "estimate",
        "--source",
        "Cục Thống kê",
    )
    assert added.returncode == 0, added.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in added.stderr
    # Quý I/2026 is the first quarter of 2026: stored as 2026-Q1, the source as typed.
    last = (tmp_path / "số liệu.csv").read_text(encoding="utf-8").splitlines()[-1]
    assert last.startswith("grdp_growth,2026-Q1,9.5,estimate,Cục Thống kê,"), last


@pytest.mark.parametrize("columns", ["0", "00"])
@pytest.mark.parametrize(
    "args",
    [
        ("status", "--format", "table"),
        ("show", "cbct-share"),
        ("history", "grdp_growth", "2022-H1", "--format", "table"),
    ],
)
def test_columns_zero_is_no_width_not_an_empty_table(shipped: Path, columns: str, args: tuple[str, ...]) -> None:
    # COLUMNS=0 (a cron line's `COLUMNS=$(tput cols)` with no terminal, a serial console)
    # printed nothing at all and exited 0: Rich took 0 as the width. A width of 0 says
    # nothing, so it is read as no COLUMNS: 120 columns in a pipe (docs/cli.md).
    r = run_clean(*args, env={"COLUMNS": columns})
    assert r.exit_code == 0, r.output
    assert "cbct-share" in r.stdout or "grdp_growth" in r.stdout, r.stdout
    # Every line within the 120 columns a pipe gets, none empty-width.
    assert max(len(line) for line in r.stdout.splitlines()) <= 120


def test_no_color_wins_over_force_color_in_a_pipe(shipped: Path) -> None:
    # A server's profile with FORCE_COLOR=1 for its CI tools, and the cron line's
    # NO_COLOR=1: the status table in the mailed log had Rich's bold and dim escapes
    # (\x1b[1m, \x1b[2m) in it. NO_COLOR says no escapes; FORCE_COLOR alone still forces
    # colour, as it asks (README).
    r = run_clean("status", "--format", "table", env={"NO_COLOR": "1", "FORCE_COLOR": "1", "COLUMNS": "100"})
    assert r.exit_code == 0 and "cbct-share" in r.stdout
    assert "\x1b[" not in r.stdout
    forced = run_clean("status", "--format", "table", env={"FORCE_COLOR": "1", "COLUMNS": "100"})
    assert "\x1b[" in forced.stdout


def test_store_copied_from_a_mac_with_its_name_decomposed(shipped: Path) -> None:
    # targets.yaml names "số liệu.csv" as typed (NFC, one code point a letter); a Mac's copy
    # wrote the file's name decomposed (NFD: "ố" as o + U+0302 + U+0301). Linux sees two
    # different names: status warned that the store did not exist "but số liệu.csv beside
    # it holds figures" (the same name to the eye), every target was not_available, and
    # add-observation started a second store beside the first.
    typed = unicodedata.normalize("NFC", "số liệu.csv")
    on_disk = unicodedata.normalize("NFD", typed)
    assert typed != on_disk
    (shipped / "observations.csv").rename(shipped / on_disk)
    plan = (shipped / "targets.yaml").read_text(encoding="utf-8")
    (shipped / "targets.yaml").write_text(
        plan.replace("\nobservations: observations.csv\n", f'\nobservations: "{typed}"\n'), encoding="utf-8"
    )
    r = run_clean("status", "--format", "json")
    assert r.exit_code == 0 and r.stderr == "", r.stderr
    statuses = {t["id"]: t["status"] for t in json.loads(r.stdout)["targets"]}
    # cbct-share's latest figure is 12.3 for 2023 (the store's rows), so it has a status.
    assert statuses["cbct-share"] != "not_available"
    added = run_clean("add-observation", "grdp_growth", "2026-H1", "11.2", "--status", "estimate", "--source", "x")
    assert added.exit_code == 0 and "warning" not in added.stderr, added.stderr
    # One store, the Mac's, with the new row as its last line.
    assert sorted(p.name for p in shipped.iterdir() if p.suffix == ".csv") == [on_disk]
    assert (shipped / on_disk).read_text(encoding="utf-8").splitlines()[-1].startswith("grdp_growth,2026-H1,11.2,")


def test_current_folder_removed_under_a_cron_job(tmp_path: Path) -> None:
    # A cron job's shell entered a dated folder another job then removed: `qntrack status`
    # said "cannot go on: No such file or directory: check the path (and create the
    # folder first)", naming no path. It now says the current folder is gone and what to do.
    gone = tmp_path / "gone"
    env = {k: v for k, v in os.environ.items() if not k.startswith("QNTRACK_")}
    env["PYTHONPATH"] = str(ROOT / "src")
    script = f"import os, sys; os.mkdir({str(gone)!r}); os.chdir({str(gone)!r}); os.rmdir({str(gone)!r}); sys.argv[1:] = ['status']; "
    for lang, said in (("en", "the current folder no longer exists"), ("vi", "thư mục hiện tại không còn nữa")):
        env["QNTRACK_LANG"] = lang
        r = subprocess.run(
            [sys.executable, "-c", script + "from qntrack.console import main; main()"],
            env=env,
            capture_output=True,
            timeout=60,
            cwd=tmp_path,
        )
        err = r.stderr.decode("utf-8")
        # Exit 1, invalid input (docs/cli.md), one line naming targets.yaml and --targets.
        assert r.returncode == 1 and "Traceback" not in err, err
        assert err.startswith("targets.yaml: ") and said in err and "--targets" in err, err


def test_init_in_a_current_folder_removed(tmp_path: Path) -> None:
    # `qntrack init plan` from a removed folder said "cannot start a tracker here: No such
    # file or directory: check the path (and create the folder first)", which sends the
    # officer to create "plan". It now says the current folder is gone; exit 1, nothing made.
    gone = tmp_path / "gone"
    env = {k: v for k, v in os.environ.items() if not k.startswith("QNTRACK_")}
    env.update(PYTHONPATH=str(ROOT / "src"), QNTRACK_LANG="vi")
    script = (
        f"import os, sys; os.mkdir({str(gone)!r}); os.chdir({str(gone)!r}); os.rmdir({str(gone)!r}); "
        "sys.argv[1:] = ['init', 'plan']; from qntrack.console import main; main()"
    )
    r = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, timeout=60, cwd=tmp_path)
    err = r.stderr.decode("utf-8")
    assert r.returncode == 1 and "Traceback" not in err, err
    assert err.startswith("plan: ") and "thư mục hiện tại không còn nữa" in err and "không tạo gì" in err, err
    assert sorted(p.name for p in tmp_path.iterdir()) == []
