"""Pass H of session 37 (issue 17): what a scripting analyst met, pass E's leftovers. Each
test was written first and seen failing; the expected texts and codes are worked out by
hand from README.md and docs/."""

from __future__ import annotations

import re
from pathlib import Path

from helpers import run_clean

ROOT = Path(__file__).resolve().parent.parent

# --- 1. the Python API reference is installed, as every other reference is ---------------

# `qntrack docs python-api` said "no document 'python-api'": README sends a Python caller to
# docs/python-api.md, and a user who installed qntrack with pip had no copy of it offline.


def test_the_python_api_reference_is_installed() -> None:
    listed = run_clean("docs")
    assert listed.exit_code == 0
    assert "python-api" in listed.stdout.split()
    r = run_clean("docs", "python-api")
    assert r.exit_code == 0, r.output
    assert r.stdout == (ROOT / "docs" / "python-api.md").read_text(encoding="utf-8")
    # its packaged copy is the repository's page, byte for byte
    assert (ROOT / "src" / "qntrack" / "docs" / "python-api.md").read_bytes() == (
        ROOT / "docs" / "python-api.md"
    ).read_bytes()


def test_every_listed_document_opens_and_the_lists_say_them_all() -> None:
    names = run_clean("docs").stdout.split()
    for name in names:
        r = run_clean("docs", name)
        assert r.exit_code == 0, (name, r.output)
        assert r.stdout == (ROOT / "docs" / f"{name}.md").read_text(encoding="utf-8"), name
    # README's table of commands and `docs --help` (docs/cli.md) name each, and no other
    row = next(line for line in (ROOT / "README.md").read_text("utf-8").splitlines() if line.startswith("| `docs"))
    assert sorted(re.findall(r"`([a-z-]+)`", row.split("|")[2])) == sorted(names)
    help_text = " ".join(run_clean("docs", "--help").stdout.split())
    said = re.search(r"\[NAME\] <str> (.*?)\.", help_text)
    assert said is not None, help_text
    assert sorted(re.findall(r"[a-z]+(?:-[a-z]+)*", said.group(1).replace(" or ", ", "))) == sorted(names)
