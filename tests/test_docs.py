"""The docs stay true: the CLI reference matches --help, README's commands exist."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _generator():
    spec = importlib.util.spec_from_file_location("gen_cli_docs", ROOT / "tools" / "gen_cli_docs.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_cli_reference_is_current():
    gen = _generator()
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == gen.render(), (
        "docs/cli.md is stale: run `python tools/gen_cli_docs.py`"
    )


def test_every_command_has_help_text():
    gen = _generator()
    text = gen.render()
    for name in gen.command_names():
        section = text.split(f"## qntrack {name}\n", 1)[1]
        assert "Example:" in section.split("## qntrack", 1)[0], f"{name} has no example in its help"


def test_readme_starts_with_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)\n```", readme, flags=re.S)
    assert blocks[0].endswith("pip install . && qntrack status")
    assert blocks[1].endswith("pip install '.[test]' && python -m pytest -q -n auto")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m pytest -q -n auto\n" in ci and "'.[test]'" in ci


def test_docs_links_resolve():
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for target in re.findall(r"\]\(([^)#]+\.md)\)", page.read_text(encoding="utf-8")):
            if target.startswith("http"):
                continue
            assert (page.parent / target).exists(), f"{page.name} links to missing {target}"


def test_check_help_says_what_each_format_does(tmp_path: Path, monkeypatch):
    """`check -h` offered <table|json|csv|tsv> but said "text (default) or json": each
    value it accepts is described, and each gives what the help says (issue 12, g2)."""
    import json

    from typer.testing import CliRunner

    from conftest import SMALL_OBSERVATIONS, SMALL_TARGETS, make_tracker
    from qntrack.cli import app

    runner = CliRunner()
    text = " ".join(runner.invoke(app, ["check", "-h"], env={"COLUMNS": "200"}).stdout.split())
    assert "<table|json|csv|tsv>" in text
    assert "text (default) or json." not in text
    for word in ("json", "table", "csv", "tsv"):
        assert re.search(rf"\b{word}\b", text.split("<table|json|csv|tsv>", 1)[1].split("--all")[0]), word
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    plain = runner.invoke(app, ["check"]).stdout
    for fmt in ("table", "csv", "tsv"):  # as the help says: the same text
        assert runner.invoke(app, ["check", "-f", fmt]).stdout == plain, fmt
    json.loads(runner.invoke(app, ["check", "-f", "json"]).stdout)
