"""`qntrack init` (issue 12): the starter shows every kind of target, works with status
and check at once, and points to documentation that is installed with qntrack."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import enter
from qntrack.cli import app
from qntrack.files.definitions import TARGET_TYPES, parse_plan

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def started(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    enter(tmp_path, monkeypatch)
    assert runner.invoke(app, ["init", "plan"]).exit_code == 0
    monkeypatch.chdir(tmp_path / "plan")
    return tmp_path / "plan"


def test_the_starter_shows_every_kind(started: Path):
    plan = parse_plan((started / "targets.yaml").read_text(encoding="utf-8"))
    assert sorted({t.kind for t in plan.targets}) == sorted(TARGET_TYPES)
    level = [t for t in plan.targets if t.kind == "level"]
    assert any(len(t.milestones) >= 2 for t in level)
    # It shows a group and an owner too (issue 14), in both languages.
    assert any(t.group and t.owner and t.group.vi != t.group.en for t in plan.targets)


def test_status_and_check_work_on_the_starter(started: Path):
    r = runner.invoke(app, ["check"])
    assert r.exit_code == 0 and r.stderr == ""
    r = runner.invoke(app, ["status", "-f", "json"])
    assert r.exit_code == 0, r.stderr
    doc = json.loads(r.stdout)
    assert len(doc["targets"]) == len(TARGET_TYPES) + 1
    assert runner.invoke(app, ["status", "-f", "table"]).exit_code == 0


def test_the_starter_points_to_documentation_the_user_has(started: Path):
    text = (started / "targets.yaml").read_text(encoding="utf-8")
    assert "qntrack docs targets-format" in text
    r = runner.invoke(app, ["docs", "targets-format"])
    assert r.exit_code == 0, r.stderr
    assert r.stdout == (ROOT / "docs" / "targets-format.md").read_text(encoding="utf-8")


def test_docs_lists_what_it_has_and_refuses_what_it_has_not():
    r = runner.invoke(app, ["docs"])
    assert r.exit_code == 0
    assert r.stdout.split() == SHIPPED
    r = runner.invoke(app, ["docs", "target-format"])
    assert r.exit_code == 2
    assert r.stderr == (
        f"docs: error: no document 'target-format'; did you mean 'targets-format'? (documents: {', '.join(SHIPPED)})\n"
    )


SHIPPED = [
    "cli",
    "data-integrity",
    "formats",
    "json",
    "methodology",
    "observations-format",
    "python-api",
    "targets-format",
]


def test_the_methodology_every_report_points_to_is_installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Every report's footer names `qntrack docs methodology`: it must answer after pip install."""
    from conftest import SMALL_OBSERVATIONS, SMALL_TARGETS, make_tracker

    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    for lang in ("en", "vi"):
        r = runner.invoke(app, ["report", "-f", "markdown", "--lang", lang])
        assert r.exit_code == 0, r.stderr
        assert "(qntrack docs methodology)" in r.stdout and "docs/methodology.md" not in r.stdout
    r = runner.invoke(app, ["docs", "methodology"])
    assert r.exit_code == 0, r.stderr
    assert r.stdout == (ROOT / "docs" / "methodology.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", SHIPPED)
def test_the_shipped_docs_are_the_repository_docs(name: str):
    # The package carries a copy (package data); it must never drift from docs/.
    shipped = ROOT / "src" / "qntrack" / "docs" / f"{name}.md"
    assert shipped.read_bytes() == (ROOT / "docs" / f"{name}.md").read_bytes(), (
        f"copy docs/{name}.md to src/qntrack/docs/"
    )
