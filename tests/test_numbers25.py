"""The numbers leftovers of the twenty-fourth session (issue 17, twenty-fifth session, pass
N), as an officer and an analyst meet them. Each test was written failing first; every
expected value is worked out by hand in the comments, never copied from qntrack's output.
Statuses are compared through the cache and cold (QNTRACK_NO_CACHE=1), as
tests/test_numbers24.py does: the cache's proof (tests/test_cache.py) holds for them too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import run


def _warm_and_cold(*args: str) -> dict:
    """The JSON ``status`` prints through the cache (twice: built, then served) and cold;
    all three must be the same, byte for byte, stderr too."""
    outs = [run("status", "--format", "json", *args, env=env) for env in ({}, {}, {"QNTRACK_NO_CACHE": "1"})]
    for r in outs:
        assert r.exit_code == 0, r.stderr
    assert outs[0].stdout == outs[1].stdout == outs[2].stdout
    assert outs[0].stderr == outs[1].stderr == outs[2].stderr
    return {t["id"]: t for t in json.loads(outs[0].stdout)["targets"]}


def _show(target: str, *args: str) -> str:
    r = run("show", target, *args, env={"COLUMNS": "200"})
    assert r.exit_code == 0, r.stderr
    return " ".join(r.stdout.split())


# --- 1. A broken-down target whose figures are recorded by unit only -----------------------
# A share by locality (Alpha, Beta, Gamma declared) and an FDI plan by locality; the store
# holds Alpha's and Beta's figures, none of the whole (no row with no unit named) and none
# of Gamma. "No figure has been recorded for this indicator yet" was said of the whole:
# untrue, four rows of share are recorded. The whole is still not assessed (qntrack never
# works a total out of its units), for a reason of its own: `no_total_figure`.

_UNITS = """\
title: units only
dimensions:
  locality:
    name: {en: Locality, vi: Địa phương}
    values: [Alpha, Beta, Gamma]
indicators:
  share: {name: Share, unit: "%", dimensions: [locality]}
  fdi: {name: FDI, unit: mn USD, measure: flow, dimensions: [locality]}
  other: {name: Other, unit: "%", dimensions: [locality]}
targets:
  - {id: share-2025, indicator: share, baseline: 2020, milestones: [{by: 2025, value: 15}], for_each: locality}
  - {id: fdi-2024, type: plan, indicator: fdi, period: 2024, value: 100, for_each: locality}
  - {id: other-2025, indicator: other, baseline: 2020, milestones: [{by: 2025, value: 15}], for_each: locality}
"""

_UNITS_STORE = STORE_HEADER + (
    "share[locality=Alpha],2020,10,official,s,,2021-03-01T00:00:00Z\n"
    "share[locality=Alpha],2023,12,official,s,,2024-03-01T00:00:00Z\n"
    "share[locality=Beta],2020,10,official,s,,2021-03-01T00:00:00Z\n"
    "share[locality=Beta],2022,11,official,s,,2023-03-01T00:00:00Z\n"
    "fdi[locality=Alpha],2024-Q1,10,official,s,,2024-04-20T00:00:00Z\n"
)


@pytest.fixture
def units_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, _UNITS, _UNITS_STORE)


def test_a_whole_without_figure_whose_units_have_some_has_its_own_reason(units_only: Path):
    t = _warm_and_cold("--as-of", "2025-06-01")
    # The whole is not assessed either way; its units' figures make the reason another one.
    assert t["share-2025"]["status"] == "not_available"
    assert t["share-2025"]["reason"] == "no_total_figure"
    assert t["fdi-2024"]["reason"] == "no_total_figure"
    # No unit of `other` has a figure (Alpha, Beta, Gamma listed without one): the
    # indicator has none at all, and says so as before.
    assert t["other-2025"]["reason"] == "no_figures"
    # The units are judged as before: Alpha 10 -> 12 over 2020-2023, moderate progress.
    alpha = next(u for u in t["share-2025"]["breakdown"] if u["dims"] == {"locality": "Alpha"})
    assert alpha["status"] == "moderate_progress"


def test_show_says_the_units_have_figures_and_what_to_record(units_only: Path):
    said = _show("share-2025", "--as-of", "2025-06-01")
    assert "no figure has been recorded for this indicator yet" not in said
    # Two units have figures: Alpha's latest is 2023, Beta's 2022; the latest of them, 2023.
    assert "the whole has no figure yet, only its units: 2 units have figures, the latest for 2023" in said
    assert "add-observation share PERIOD VALUE, with no unit named" in said
    assert "No figures of the whole yet; its units' figures are below." in said
    # One unit with a figure: its quarter, Q1 2024, read as a part-year reading of the plan.
    said = _show("fdi-2024", "--as-of", "2025-06-01")
    assert "1 unit has figures, the latest for Q1 2024" in said
    said = _show("other-2025", "--as-of", "2025-06-01")
    assert "no figure has been recorded for this indicator yet" in said


def test_the_vietnamese_show_says_it_too(units_only: Path):
    said = _show("share-2025", "--as-of", "2025-06-01", "--lang", "vi")
    assert "chỉ tiêu chưa có số liệu nào" not in said
    assert "mới có số liệu theo đơn vị: 2 đơn vị đã có số liệu, mới nhất là năm 2023" in said
    assert "add-observation share KỲ GIÁ_TRỊ, không ghi đơn vị" in said


def test_the_report_says_it(units_only: Path, tmp_path: Path):
    r = run("report", "-o", str(tmp_path / "r.md"), "--as-of", "2025-06-01")
    assert r.exit_code == 0, r.stderr
    text = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "only its units: 2 units have figures, the latest for 2023" in text
    assert text.count("no figure has been recorded for this indicator yet") == 1  # other-2025 alone
