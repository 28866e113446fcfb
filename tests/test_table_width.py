"""The status table never truncates a status or splits a target id, at 80 columns or wider
(issue 12): names, figures and goals wrap, and the sparkline goes first."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from helpers import read_terminal
from qntrack.cli import app
from qntrack.output.i18n import date_text, kind_name, label, status_label

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


def expectations(lang: str) -> tuple[list[str], list[str]]:
    doc = json.loads(runner.invoke(app, ["status", "--format", "json"]).stdout)
    return [t["id"] for t in doc["targets"]], [status_label(t["status"], lang) for t in doc["targets"]]


def check_table(text: str, width: int, ids: list[str], statuses: list[str]) -> None:
    lines = text.splitlines()
    assert all(cell_len(line) <= width for line in lines), max(cell_len(line) for line in lines)
    assert "…" not in text
    stripped = [line.strip() for line in lines]
    for target_id in ids:
        # Whole, on a line of its own in the target column.
        assert any(line.startswith(target_id + " ") or line == target_id for line in stripped), target_id
    for status in statuses:
        # A status may wrap between its words, never inside one.
        for word in status.split():
            assert any(f" {word} " in f" {line} " for line in lines), (status, word)


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("width", [80, 100, 120])
def test_piped_table_at_each_width(shipped: Path, lang: str, width: int):
    ids, statuses = expectations(lang)
    for _ in range(2):  # cold, then drawn through the status cache
        r = runner.invoke(app, ["status", "--format", "table", "--lang", lang], env={"COLUMNS": str(width)})
        assert r.exit_code == 0, r.stderr
        check_table(r.stdout, width, ids, statuses)


def test_the_sparkline_goes_first(shipped: Path):
    """At 80 columns the trend column is dropped; at 120 it is still drawn."""
    narrow = runner.invoke(app, ["status", "--format", "table"], env={"COLUMNS": "80"}).stdout
    wide = runner.invoke(app, ["status", "--format", "table"], env={"COLUMNS": "120"}).stdout
    bars = set("▁▂▃▄▅▆▇█")
    assert not bars & set(narrow)
    assert bars & set(wide)


def test_the_missed_marker_is_kept_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from conftest import make_tracker
    from test_missed import OBSERVATIONS, TARGETS

    make_tracker(tmp_path, monkeypatch, TARGETS, OBSERVATIONS)
    for lang, words in (("en", "✗ missed 2025"), ("vi", "✗ không đạt mốc 2025")):
        r = runner.invoke(app, ["status", "--format", "table", "--lang", lang], env={"COLUMNS": "80"})
        assert words in r.stdout


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a pseudo-terminal of a set size")
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_real_terminal_of_80_columns(shipped: Path, lang: str):
    import fcntl
    import struct
    import termios

    ids, statuses = expectations(lang)
    leader, follower = os.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 80, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR")}
    env.update(TERM="dumb", QNTRACK_NO_CACHE="1")
    proc = subprocess.Popen(
        [sys.executable, "-m", "qntrack", "status", "--lang", lang],
        stdin=follower,
        stdout=follower,
        stderr=subprocess.PIPE,
        env=env,
        cwd=shipped,
    )
    said = read_terminal(leader, proc)
    proc.wait(timeout=60)
    os.close(follower)
    os.close(leader)
    assert proc.returncode == 0, proc.stderr.read() if proc.stderr else ""
    text = said.decode("utf-8").replace("\r\n", "\n")
    check_table(text, 80, ids, statuses)


# The other tables follow the same rules (issue 12, wave 3): ids, periods and statuses are
# never split, names and sources wrap, and an all-empty optional column is not drawn.
def _whole(text: str, word: str) -> bool:
    return any(f" {word} " in f" {line} " for line in text.splitlines())


def _assert_fits(text: str, width: int) -> None:
    lines = text.splitlines()
    assert all(cell_len(line) <= width for line in lines), max(cell_len(line) for line in lines)
    assert "…" not in text


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("width", [80, 120])
def test_other_tables_keep_ids_and_periods_whole(shipped: Path, lang: str, width: int):
    env = {"COLUMNS": str(width)}
    plan = json.loads(runner.invoke(app, ["indicators", "--format", "json"]).stdout)["indicators"]
    targets = json.loads(runner.invoke(app, ["targets", "--format", "json"]).stdout)["targets"]
    obs = json.loads(runner.invoke(app, ["observations", "--format", "json", "--indicator", "cbct_va_growth"]).stdout)
    rows = obs["observations"] if isinstance(obs, dict) else obs

    r = runner.invoke(
        app, ["observations", "--format", "table", "--indicator", "cbct_va_growth", "--lang", lang], env=env
    )
    assert r.exit_code == 0, r.stderr
    _assert_fits(r.stdout, width)
    assert _whole(r.stdout, "cbct_va_growth")
    for row in rows:
        assert _whole(r.stdout, row["period"]), row["period"]
        assert _whole(r.stdout, date_text(row["recorded_at"], lang))  # 28/12/2020 in Vietnamese

    r = runner.invoke(app, ["indicators", "--format", "table", "--lang", lang], env=env)
    assert r.exit_code == 0, r.stderr
    _assert_fits(r.stdout, width)
    for ind in plan:
        assert _whole(r.stdout, ind["id"]), ind["id"]
        # Under --lang vi the table says the values in Vietnamese (docs/decisions.md).
        words = {"direction": ind["direction"], "frequency": ind["frequency"], "measure": ind["measure"]}
        if lang == "vi":
            words = {
                "direction": label(ind["direction"], lang),
                "frequency": label(f"frequency_{ind['frequency']}", lang),
                "measure": label(f"measure_{ind['measure']}", lang),
            }
        assert all(_whole(r.stdout, w) for w in words.values()), words
    assert all(ind["formula"] is None for ind in plan)  # so the Formula column is not drawn
    assert label("formula", lang) not in r.stdout
    assert _whole(r.stdout, label("direction", lang).split()[0])

    r = runner.invoke(app, ["targets", "--format", "table", "--lang", lang], env=env)
    assert r.exit_code == 0, r.stderr
    _assert_fits(r.stdout, width)
    for t in targets:
        # The kind in the reader's words (test_listing pins them); a Vietnamese one may wrap.
        kind = kind_name(t["kind"], lang)
        assert _whole(r.stdout, t["id"]) and _whole(r.stdout, t["indicator"]), t
        assert all(_whole(r.stdout, w) for w in kind.split()), kind

    r = runner.invoke(app, ["history", "grdp_growth", "--format", "table", "--lang", lang], env=env)
    assert r.exit_code == 0, r.stderr
    _assert_fits(r.stdout, width)
    for period in ("2025", "2025-Q3", "2025-9M", "2024-H1", "2021-H2"):
        assert _whole(r.stdout, period), period
    # Stored 2026-01-07T00:00:00Z; written in the shipped plan's zone, +07:00 (fortieth session).
    assert _whole(r.stdout, "2026-01-07T07:00:00")

    r = runner.invoke(app, ["show", "grdp-per-capita", "--lang", lang], env=env)
    assert r.exit_code == 0, r.stderr
    _assert_fits(r.stdout, width)
    for day in ("2023-11-24", "2025-02-07", "2026-01-07"):
        assert _whole(r.stdout, date_text(day, lang)), day


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("length", [44, 74])
def test_ids_too_long_for_a_row_are_never_split(shipped: Path, lang: str, length: int):
    """A 44- or 74-character id (a resolution's number in it) leaves no room for the other
    columns at 80: the table turns into one block a target, every id whole on its own line
    and every status word whole (the hostile pass saw `growth-every-yea`/`r`)."""
    long_id = ("grdp-average-2021-2025-resolution-01-nq-tu-hdnd-tinh-quang-ninh-khoa-xiv")[:length]
    plan = shipped / "targets.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("id: grdp-average-2021-2025", f"id: {long_id}"), encoding="utf-8"
    )
    ids, statuses = expectations(lang)
    assert long_id in ids
    for _ in range(2):  # cold, then drawn through the status cache
        r = runner.invoke(app, ["status", "--format", "table", "--lang", lang], env={"COLUMNS": "80"})
        assert r.exit_code == 0, r.stderr
        check_table(r.stdout, 80, ids, statuses)


# --- the listings (`targets`, `indicators`) at 60 and 80 columns (issue 12, g2) -----------


def _check_listing(text: str, width: int, whole: list[str]) -> None:
    _assert_fits(text, width)
    for word in whole:
        assert _whole(text, word), (word, text)


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("width", [60, 80])
def test_listings_never_cut_an_id_or_a_word(shipped: Path, lang: str, width: int):
    long_target = "industry-share-2025-resolution-01-nq-tu-hdnd"  # 44 characters
    long_indicator = "industry_share_of_grdp_at_current_prices_by_province"
    text = (shipped / "targets.yaml").read_text(encoding="utf-8")
    assert "id: cbct-share" in text and "cbct_share" in text
    text = text.replace("id: cbct-share\n", f"id: {long_target}\n").replace("cbct_share", long_indicator)
    (shipped / "targets.yaml").write_text(text, encoding="utf-8")
    env = {"COLUMNS": str(width)}
    plan = json.loads(runner.invoke(app, ["indicators", "--format", "json"]).stdout)["indicators"]
    targets = json.loads(runner.invoke(app, ["targets", "--format", "json"]).stdout)["targets"]
    assert long_target in [t["id"] for t in targets] and long_indicator in [i["id"] for i in plan]

    r = runner.invoke(app, ["targets", "--format", "table", "--lang", lang], env=env)
    assert r.exit_code == 0, r.stderr
    _check_listing(r.stdout, width, [w for t in targets for w in (t["id"], t["indicator"])])
    for t in targets:  # every word of every name is there, whole
        name = (
            t["name"]
            if lang == "en"
            else json.loads(runner.invoke(app, ["targets", "--format", "json", "--lang", lang]).stdout)["targets"][
                targets.index(t)
            ]["name"]
        )
        assert all(_whole(r.stdout, w) for w in name.split()), name

    r = runner.invoke(app, ["indicators", "--format", "table", "--lang", lang], env=env)
    assert r.exit_code == 0, r.stderr
    words = []
    for ind in plan:
        words.append(ind["id"])
        if lang == "vi":
            words += [
                label(ind["direction"], lang),
                label(f"frequency_{ind['frequency']}", lang),
                label(f"measure_{ind['measure']}", lang),
            ]
        else:
            words += [ind["direction"], ind["frequency"], ind["measure"]]
    _check_listing(r.stdout, width, words)
    assert label("name", lang) in r.stdout  # the Name column (or line) is not dropped


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_shipped_listings_at_60_columns(shipped: Path, lang: str):
    targets = json.loads(runner.invoke(app, ["targets", "--format", "json"]).stdout)["targets"]
    r = runner.invoke(app, ["targets", "--format", "table", "--lang", lang], env={"COLUMNS": "60"})
    assert r.exit_code == 0, r.stderr
    _check_listing(r.stdout, 60, [t["id"] for t in targets])
    assert _whole(r.stdout, "cbct-investment-2021-2025")
