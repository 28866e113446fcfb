"""The status cache after an append to a broken-down indicator (issue 17).

A national office's plan breaks every indicator down by province, so nearly every figure
it appends is a unit's. The cache keeps each unit's lines in force (cache/units.py): such
an append is served warm, and every answer is byte for byte the cold one. What the plain
path would warn of (a key naming no declared unit, a figure outside a unit's dates) is a
cold run, which warns.
"""

from __future__ import annotations

import json
import shutil
import sys
import unicodedata
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import make_tracker
from qntrack import cache  # noqa: F401
from qntrack.cache import appended
from qntrack.cli import app
from test_breakdowns import PLAN, STORE

# Cold runs counted, and the clock in 2040 so that every figure appended below is past:
# test_cache's own fixtures, used here too.
from test_cache import COLD_RUNS as COLD
from test_cache import clock_in_2040, count_cold_runs  # noqa: F401

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import shapes  # noqa: E402

runner = CliRunner()
FORMS = (["-f", "json"], ["-f", "csv"], ["-f", "table"], ["-f", "table", "--lang", "vi"], ["--group-by", "group"])


@pytest.fixture(autouse=True)
def no_cache_setting(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("QNTRACK_NO_CACHE", raising=False)


def status(*args: str, cached: bool = True):
    return runner.invoke(app, ["status", *args], env={} if cached else {"QNTRACK_NO_CACHE": "1"})


def same_as_cold(*args: str, warm: bool | None = None) -> str:
    """The answer through the cache equals the one without; ``warm``: whether the cache served it."""
    before = len(COLD)
    cached = status(*args)
    if warm is not None:
        assert (len(COLD) == before) == warm, "rebuilt" if warm else "served warm"
    plain = status(*args, cached=False)
    assert (cached.exit_code, cached.stdout, cached.stderr) == (plain.exit_code, plain.stdout, plain.stderr)
    return cached.stdout


def append(*rows: str) -> None:
    with open("observations.csv", "a", encoding="utf-8") as fh:
        fh.writelines(row + "\n" for row in rows)


@pytest.fixture
def breakdowns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = make_tracker(tmp_path, monkeypatch, PLAN, STORE)
    for form in FORMS:
        same_as_cold(*form)  # every form cached once (the table's cells too)
    return folder


def test_a_units_figure_is_served_warm_in_every_form(breakdowns: Path):
    append("fdi[locality=Gamma],2024,21,official,,,2025-04-01T00:00:00Z")
    for form in FORMS:
        same_as_cold(*form, warm=True)
    doc = same_as_cold("-f", "json", warm=True)
    assert '"value": 21' in doc


def test_a_unit_typed_another_way_is_the_unit(breakdowns: Path):
    # 'gamma' in lower case and spaces: Gamma's figure, as the cold path reads it.
    append("share[ locality = gamma ],2023,13,official,,,2024-05-01T00:00:00Z")
    out = same_as_cold("-f", "json", warm=True)
    assert '"value": 13' in out
    # And again: the revision kept under the unit's own key, found again by the next append.
    append("share[locality=Gamma],2023,14,official,,,2024-06-01T00:00:00Z")
    assert '"value": 14' in same_as_cold("-f", "json", warm=True)


def test_the_total_of_a_broken_down_indicator_is_served_warm(breakdowns: Path):
    append("fdi,2024,101,official,,,2025-04-02T00:00:00Z")
    for form in FORMS:
        same_as_cold(*form, warm=True)


def test_a_new_units_first_figure(breakdowns: Path):
    append("share[locality=Old Town],2020,10,official,,,2021-03-01T00:00:00Z")
    same_as_cold("-f", "json", warm=True)
    append("share[locality=Old Town],2023,8,official,,,2024-03-01T00:00:00Z")
    same_as_cold("-f", "table", warm=True)


def test_a_retraction_of_a_units_figure(breakdowns: Path):
    append("fdi[locality=Beta],2024,,retracted,,,2025-05-01T00:00:00Z")
    out = same_as_cold("-f", "json", warm=True)
    assert "Beta" in out


def test_an_undeclared_unit_is_a_cold_run_that_warns(breakdowns: Path):
    append("fdi[locality=Delta],2024,5,official,,,2025-04-01T00:00:00Z")
    same_as_cold("-f", "json", warm=False)


def test_a_figure_outside_its_units_dates_is_a_cold_run_that_warns(breakdowns: Path):
    append("fdi[locality=New Ward],2024,1,official,,,2025-03-01T00:00:00Z")
    before = len(COLD)
    r = status("-f", "json")
    assert len(COLD) > before
    assert "a figure for 'New Ward' in 2024, when the unit did not exist" in r.stderr
    same_as_cold("-f", "json")


def test_a_unit_of_an_indicator_not_broken_down_is_a_cold_run(breakdowns: Path):
    append("growth[locality=Alpha],2021,11,official,,,2022-04-01T00:00:00Z")
    same_as_cold("-f", "json", warm=False)


def test_appends_after_the_cache_is_rewritten(breakdowns: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(cache, "REWRITE_AFTER", 1)
    for row in (
        "fdi[locality=Alpha],2024,45,official,,,2025-04-01T00:00:00Z",
        "share[locality=Beta],2023,12.5,official,,,2024-04-01T00:00:00Z",
        "fdi,2024,102,official,,,2025-04-03T00:00:00Z",
    ):
        append(row)
        same_as_cold("-f", "json", warm=True)
        same_as_cold("-f", "table", warm=True)


def test_a_unit_decomposed_from_another_sheet_is_the_unit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # Vietnamese names, as a national office types them: NFD from one sheet, NFC in the plan.
    folder = tmp_path / "vn"
    folder.mkdir()
    shapes.provinces(folder, indicators=3, years=2, provinces=4, import_rows=10)
    for name in ("targets.yaml", "observations.csv"):
        shutil.copyfile(folder / name, tmp_path / name)
    make_tracker(
        tmp_path,
        monkeypatch,
        (tmp_path / "targets.yaml").read_text(encoding="utf-8"),
        (tmp_path / "observations.csv").read_text(encoding="utf-8"),
    )
    same_as_cold("-f", "json")
    key = next(
        line.split(",")[0]
        for line in (tmp_path / "observations.csv").read_text(encoding="utf-8").splitlines()
        if "sex=" in line
    )
    append(f"{unicodedata.normalize('NFD', key)},2024,123.4,official,Cuc Thong ke,,2030-01-01T00:00:00Z")
    out = same_as_cold("-f", "json", warm=True)
    assert '"value": 123.4' in out
    same_as_cold("-f", "table", warm=None)


def test_an_append_of_many_indicators_is_still_a_cold_run(breakdowns: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(appended, "MAX_AFFECTED", 0)
    append("fdi[locality=Gamma],2024,22,official,,,2025-04-01T00:00:00Z")
    same_as_cold("-f", "json", warm=False)


def test_stored_figures_typed_another_way_stay_the_units(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # A figure typed by hand as 'beta' sits in the store before the cache is made: when an
    # append brings Beta's series back from the store's lines, it is Beta's, not a stranger's.
    make_tracker(
        tmp_path, monkeypatch, PLAN, STORE + "share[ locality = beta ],2024,11.5,official,,,2025-03-01T00:00:00Z\n"
    )
    same_as_cold("-f", "json")
    # A revision of Beta's baseline: Beta's latest figure is still the one typed 'beta'.
    append("share[locality=Beta],2020,9.5,official,,,2026-03-01T00:00:00Z")
    out = same_as_cold("-f", "json", warm=True)
    assert '"value": 9.5' in out and '"value": 11.5' in out


def test_a_target_of_one_unit_is_judged_again_warm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # A target `of:` one unit (issue 16) reads that unit's series: an append to the unit
    # is judged again from the series the cache keeps.
    plan = PLAN + "  - id: share-alpha\n    indicator: share\n    of: {locality: Alpha}\n"
    plan += "    baseline: 2020\n    milestones: [{by: 2025, value: 15}]\n"
    make_tracker(tmp_path, monkeypatch, plan, STORE)
    first = same_as_cold("-f", "json")
    assert '"id": "share-alpha"' in first
    append("share[locality=Alpha],2024,13.5,official,,,2025-03-01T00:00:00Z")
    doc = json.loads(same_as_cold("-f", "json", warm=True))
    alpha = next(t for t in doc["targets"] if t["id"] == "share-alpha")
    assert alpha["of"] == {"locality": "Alpha"} and alpha["latest"]["value"] == 13.5
    same_as_cold("-f", "table", warm=None)
