"""Pass D of session 36 (issue 17): this session's changes tried as a hostile new user
would (a cron job under a Vietnamese locale, the library beside the commands, the
reports' headline in every format). Each test was written first and seen failing; the
expected words and numbers are worked out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import run


def _locale(monkeypatch: pytest.MonkeyPatch, **env: str) -> None:
    for name in ("QNTRACK_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)


# --- 1. A locale never decides what an ambiguous figure is ---------------------------------

# A nightly job on a server set up in Vietnamese (LANG=vi_VN.UTF-8, as ssh passes it on)
# types the figure its program printed, "1.234" (one point two three four). Before this
# session it was refused as ambiguous; with the locale read as Vietnamese it was stored as
# 1234 in silence, a thousand times the figure. The locale speaks Vietnamese; only a
# language chosen for qntrack (--lang, QNTRACK_LANG) decides a figure with two readings
# (docs/decisions.md, "Numbers typed").
PLAN = (
    "indicators:\n  fdi: {name: FDI, unit: million USD, measure: flow}\n"
    "targets:\n  - {id: fdi-2026, type: plan, indicator: fdi, period: 2026, value: 2000}\n"
)


@pytest.mark.parametrize("typed", ["1.234", "85.000", "1,234"])
def test_a_vietnamese_locale_alone_refuses_a_figure_with_two_readings(tmp_path: Path, monkeypatch, typed):
    folder = make_tracker(tmp_path, monkeypatch, PLAN, STORE_HEADER)
    _locale(monkeypatch, LANG="vi_VN.UTF-8")
    r = run("add-observation", "fdi", "2026", typed, "--status", "estimate")
    assert r.exit_code == 1, (r.stdout, r.stderr)
    # Said in Vietnamese (the locale speaks), naming both readings and --lang.
    assert "--lang vi" in r.stderr and "--lang en" in r.stderr, r.stderr
    assert r.stderr.startswith("add-observation: lỗi: "), r.stderr
    assert (folder / "observations.csv").read_text(encoding="utf-8") == STORE_HEADER


@pytest.mark.parametrize(
    ("env", "args", "stored"),
    [
        # Chosen for qntrack: it decides, as it always did.
        ({"LANG": "vi_VN.UTF-8", "QNTRACK_LANG": "vi"}, (), "1234"),
        ({"LANG": "vi_VN.UTF-8"}, ("--lang", "vi"), "1234"),
        ({"LANG": "vi_VN.UTF-8", "QNTRACK_LANG": "en"}, (), "1.234"),
        ({"LANG": "C.UTF-8"}, ("--lang", "en"), "1.234"),
    ],
)
def test_a_language_chosen_for_qntrack_still_reads_it(tmp_path: Path, monkeypatch, env, args, stored):
    folder = make_tracker(tmp_path, monkeypatch, PLAN, STORE_HEADER)
    _locale(monkeypatch, **env)
    r = run(*args, "add-observation", "fdi", "2026", "1.234", "--status", "estimate")
    assert r.exit_code == 0, r.stderr
    assert (
        (folder / "observations.csv")
        .read_text(encoding="utf-8")
        .splitlines()[1]
        .startswith(f"fdi,2026,{stored},estimate,")
    )


@pytest.mark.parametrize(
    "typed,stored", [("1,5", "1.5"), ("1.5", "1.5"), ("1.234,5", "1234.5"), ("12.345.678", "12345678")]
)
def test_a_vietnamese_locale_reads_a_figure_with_one_reading(tmp_path: Path, monkeypatch, typed, stored):
    folder = make_tracker(tmp_path, monkeypatch, PLAN, STORE_HEADER)
    _locale(monkeypatch, LANG="vi_VN.UTF-8")
    r = run("add-observation", "fdi", "2026", typed, "--status", "estimate")
    assert r.exit_code == 0, r.stderr
    assert (
        (folder / "observations.csv")
        .read_text(encoding="utf-8")
        .splitlines()[1]
        .startswith(f"fdi,2026,{stored},estimate,")
    )
