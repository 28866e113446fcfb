"""An office upgrading qntrack over a folder older versions wrote into (issue 17, the
nineteenth session): their reports, charts, caches, journals and stores are read or
replaced as the current version's own would be (docs/decisions.md, "An office upgrading
qntrack")."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_tracker, SMALL_OBSERVATIONS, SMALL_TARGETS
from helpers import run


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)


# The first bytes of a chart as qntrack 0.1 wrote it (no generator mark yet), copied from
# `report -o review.md` run by commit 001a7f0 (1 December 2026): pygal's root element
# declares the xlink namespace before the chart's id.
CHART_01 = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    'id="chart-share" class="pygal-chart" viewBox="0 0 760 340"><defs><style type="text/css">'
    "#chart-share{-webkit-user-select:none}</style></defs><g/></svg>"
)
MARKDOWN_01 = (
    "# Test plan\n\nold\n\n---\n\nMade by qntrack 0.1.0. Statuses follow the "
    "Statistics Canada / Open SDG progress measure (docs/methodology.md).\n"
)


def test_a_report_and_charts_qntrack_0_1_wrote_are_made_again_without_force(plan: Path):
    """docs/report.md promises that an upgrade does not ask for --force to re-make a 0.1
    report; its charts were taken for foreign files (the recognised element had no
    xmlns:xlink, which every chart pygal wrote has), so `report -o review.md` exited 2."""
    (plan / "review.md").write_text(MARKDOWN_01, encoding="utf-8")
    (plan / "review-charts").mkdir()
    (plan / "review-charts" / "share.svg").write_text(CHART_01, encoding="utf-8")
    result = run("report", "-o", "review.md")
    assert result.exit_code == 0, result.output
    assert "old" not in (plan / "review.md").read_text(encoding="utf-8")
    assert (plan / "review-charts" / "share.svg").read_text(encoding="utf-8") != CHART_01


def test_a_note_that_only_looks_like_a_0_1_chart_is_still_foreign(plan: Path):
    """The 0.1 chart is recognised by its root element at the very start, not anywhere."""
    (plan / "review-charts").mkdir()
    (plan / "review-charts" / "share.svg").write_text("my own drawing\n" + CHART_01, encoding="utf-8")
    result = run("report", "-o", "review.md")
    assert result.exit_code == 2, result.output
    assert "share.svg" in result.stderr


# --- an Open SDG import made again over what an older import wrote ------------------------

SOURCED = {
    "config_data.yml": "languages:\n  - en\n",
    "data/indicator_1-1-1.csv": "Year,Value\n2015,10\n2016,9\n2020,8\n",
    "meta/1-1-1.md": """\
        ---
        indicator_name: Poverty rate
        source_active_1: true
        source_organisation_1: Labour Force Survey https://example.org/lfs
        source_url_text_1: Labour Force Survey https://example.org/lfs
        source_url_1: https://example.org/lfs
        ---
        """,
}
NOW = "Labour Force Survey https://example.org/lfs"
# What the import wrote before 4 December (08283a1): the title (the organisation left out,
# as the title starts with it), then the address again.
BEFORE = "Labour Force Survey https://example.org/lfs https://example.org/lfs"


@pytest.mark.parametrize("again_at", ["2024-01-15", "2024-03-01"])
def test_an_import_made_again_after_an_upgrade_adds_nothing_unchanged(tmp_path: Path, again_at: str):
    """An office imported a repository (qntrack's own export: its source titles hold their
    addresses) with a qntrack before 08283a1, which gave every figure's source the address
    twice. Made again after the upgrade, the same import refused every figure ("the same
    value but another source", exit 1) at the same date, and at a later checkout's date
    added each unchanged figure again as a new vintage. The three figures are unchanged:
    nothing is added (3 already in force), the store is left byte for byte."""
    from helpers import run_clean, write_repository

    repo = write_repository(tmp_path / "repo", SOURCED)
    into = tmp_path / "t"
    first = run_clean("import", "opensdg", str(repo), "--into", str(into), "--recorded-at", "2024-01-15")
    assert first.exit_code == 0, first.stderr
    store = into / "observations.csv"
    text = store.read_text(encoding="utf-8")
    assert text.count(NOW) == 3
    store.write_text(text.replace(NOW, BEFORE), encoding="utf-8")  # as the older import wrote it
    before = store.read_bytes()
    again = run_clean("import", "opensdg", str(repo), "--into", str(into), "--recorded-at", again_at)
    assert again.exit_code == 0, again.stderr
    assert "0 added, 3 already in force" in again.stderr, again.stderr
    assert store.read_bytes() == before


def test_a_source_that_changed_otherwise_is_still_a_change(tmp_path: Path):
    """Only the address given again after a title holding it is the older import's form:
    a stored source with another word after it is another source, and the figure is added
    as a new vintage at a later date (3 figures, 3 added)."""
    from helpers import run_clean, write_repository

    repo = write_repository(tmp_path / "repo", SOURCED)
    into = tmp_path / "t"
    assert run_clean("import", "opensdg", str(repo), "--into", str(into), "--recorded-at", "2024-01-15").exit_code == 0
    store = into / "observations.csv"
    store.write_text(store.read_text(encoding="utf-8").replace(NOW, NOW + " revised"), encoding="utf-8")
    again = run_clean("import", "opensdg", str(repo), "--into", str(into), "--recorded-at", "2024-03-01")
    assert again.exit_code == 0, again.stderr
    assert "3 added" in again.stderr, again.stderr


def test_an_older_import_s_source_cut_at_1000_characters_is_still_the_same(tmp_path: Path):
    """The older import cut the doubled line at 1,000 characters, as the import still
    cuts a source: an address of 600 characters stood as 'address address' cut to 1,000
    (600 + 1 + 399), where the import now writes the 600 alone."""
    from helpers import run_clean, write_repository

    address = "https://example.org/" + "a" * 580  # 600 characters
    meta = SOURCED["meta/1-1-1.md"].replace("Labour Force Survey https://example.org/lfs", address)
    meta = meta.replace("https://example.org/lfs", address)
    repo = write_repository(tmp_path / "repo", {**SOURCED, "meta/1-1-1.md": meta})
    into = tmp_path / "t"
    assert run_clean("import", "opensdg", str(repo), "--into", str(into), "--recorded-at", "2024-01-15").exit_code == 0
    store = into / "observations.csv"
    text = store.read_text(encoding="utf-8")
    assert text.count("," + address + ",") == 3
    older = (address + " " + address)[:1000]
    assert len(older) == 1000
    store.write_text(text.replace("," + address + ",", "," + older + ","), encoding="utf-8")
    again = run_clean("import", "opensdg", str(repo), "--into", str(into), "--recorded-at", "2024-01-15")
    assert again.exit_code == 0, again.stderr
    assert "0 added, 3 already in force" in again.stderr, again.stderr


# --- what the docs tell a person to import ------------------------------------------------


def test_every_import_the_docs_show_imports():
    """A script copied from the docs after an upgrade: performance.md's callgrind command
    still imported parse_store from qntrack.store, a module that became files/store.py
    (e681b7e, 2 December) and no longer exists. Every `from qntrack... import ...` the
    README and the docs show (decisions.md is history) names a module and names that
    exist now."""
    import importlib
    import re

    root = Path(__file__).resolve().parents[1]
    pages = [root / "README.md", *sorted((root / "docs").glob("*.md"))]
    found = []
    for page in pages:
        if page.name == "decisions.md":
            continue
        for m in re.finditer(r"from (qntrack[\w.]*) import ([\w, ]+)", page.read_text(encoding="utf-8")):
            found.append((page.name, m.group(1), [n.strip() for n in m.group(2).split(",") if n.strip()]))
    assert len(found) >= 8  # README's three, architecture.md's four, performance.md's one
    missing = []
    for page_name, module, names in found:
        try:
            mod = importlib.import_module(module)
        except ImportError:
            missing.append(f"{page_name}: {module}")
            continue
        missing.extend(f"{page_name}: {module}.{n}" for n in names if not hasattr(mod, n))
    assert missing == []
