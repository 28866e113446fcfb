"""Every document a command prints has a library function behind it (issue 13): a Python
caller who opens the tracker and calls output.documents gets the dict that the command's
``--format json`` prints, and the rows of its CSV."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from helpers import json_of, run
from qntrack.files.checks import CHECKS, DEFAULT_CHECKS, run_checks
from qntrack.files.definitions import load_plan
from qntrack.files.workspace import open_workspace, reference_day
from qntrack.kinds import assess_target, relevant_rows
from qntrack.method.history import vintages
from qntrack.output import documents
from qntrack.output.formats import to_json
from qntrack.output.tables import write_table
from qntrack.plan.periods import parse_period


def printed(doc: dict[str, Any]) -> Any:
    """The document as the command line prints it and a reader parses it back."""
    return json.loads(to_json(doc))


def test_show_document_is_what_show_prints(tracker: Path):
    ws = open_workspace(None, "2024-06-30")
    target = ws.plan.target("share")
    assert target is not None
    rows = ws.series.get(target.indicator, [])
    result = assess_target(target, ws.plan.indicators[target.indicator], rows, reference_day("2024-06-30"))
    doc = documents.show_document(result, relevant_rows(target, rows), as_of="2024-06-30")
    assert printed(doc) == json_of("show", "share", "--format", "json", "--as-of", "2024-06-30")
    # The rows behind it, as conftest's store holds them (all four recorded by the end of
    # June 2024), without the indicator the target names.
    assert [(o["period"], o["value"], o["source"]) for o in doc["observations"]] == [
        ("2021", 11.3, "src-a"),
        ("2022", 11.5, "src-b"),
        ("2023", 12.3, "src-c"),
        ("2024-Q1", 12.9, "src-d"),
    ]
    assert "indicator" not in doc["observations"][0]


def test_observations_document_is_what_observations_prints(tracker: Path):
    ws = open_workspace(None, "2023-12-31")
    rows = [o for i in ws.plan.indicators for o in ws.series.get(i, [])]
    doc = documents.observations_document(rows, "2023-12-31")
    assert printed(doc) == json_of("observations", "--format", "json", "--as-of", "2023-12-31")
    # Recorded by the end of 2023: five rows (share's 2024-Q1 came in April 2024).
    assert len(doc["observations"]) == 5 and doc["as_of"] == "2023-12-31"


def test_history_document_and_rows_are_what_history_prints(shipped: Path):
    ws = open_workspace(None)
    period = parse_period("2022-H1")
    found = vintages(ws.store.observations, "grdp_growth", period)
    doc = documents.history_document("grdp_growth", found, period)
    assert printed(doc) == json_of("history", "grdp_growth", "2022-H1", "--format", "json")
    # The shipped store's two vintages: 9.22 (2023) revises 10.66 (2022) and is in force.
    assert [(v["value"], v["in_force"], v["revises"]) for v in doc["vintages"]] == [
        (9.22, True, 10.66),
        (10.66, False, None),
    ]
    r = run("history", "grdp_growth", "2022-H1", "--format", "csv")
    assert r.exit_code == 0, r.stderr
    assert write_table(documents.history_rows(found), "csv") == r.stdout
    assert r.stdout.splitlines()[0] == ",".join(documents.HISTORY_COLUMNS)


def test_listing_documents_are_what_indicators_and_targets_print(tracker: Path):
    plan = load_plan(Path("targets.yaml"))
    for lang in ("en", "vi"):
        assert printed(documents.indicators_document(plan, lang)) == json_of(
            "indicators", "--format", "json", "--lang", lang
        )
        assert printed(documents.targets_document(plan, lang)) == json_of("targets", "--format", "json", "--lang", lang)
    shown = documents.targets_document(plan, "vi")["targets"]
    # mining has no name of its own: its indicator's, which has no Vietnamese one (English).
    assert [(t["id"], t["kind"], t["name"]) for t in shown] == [
        ("share", "level", "Tỷ trọng chế biến"),
        ("mining", "level", "Mining share"),
    ]
    assert documents.indicators_document(plan)["indicators"][0]["formula"] is None


def test_check_documents_are_what_check_prints(tracker: Path):
    Path("observations.csv").write_text(
        Path("observations.csv").read_text(encoding="utf-8") + "nothing,2021,1,,,,2022-01-01T00:00:00Z\n",
        encoding="utf-8",
    )
    problems = run_checks(None, list(DEFAULT_CHECKS))
    doc = documents.check_document(list(DEFAULT_CHECKS), problems)
    r = run("check", "--format", "json")
    assert r.exit_code == 1
    assert printed(doc) == json.loads(r.stdout)
    assert [(p["line"], p["check"]) for p in doc["problems"]] == [(8, "unknown-indicator")]
    listed = documents.checks_list_document(CHECKS, "vi")
    assert printed(listed) == json_of("check", "--list", "--format", "json", "--lang", "vi")
    assert [c["name"] for c in listed["checks"]] == [c.name for c in CHECKS]


def _python_blocks(page: str) -> list[str]:
    import re

    root = Path(__file__).resolve().parents[1]
    return re.findall(r"```python\n(.*?)\n```", (root / page).read_text(encoding="utf-8"), flags=re.S)


def test_the_python_examples_print_what_the_commands_print(shipped: Path):
    """README's and docs/architecture.md's examples run on the shipped tracker and give
    the commands' documents, byte for byte once written as JSON."""
    (readme,) = _python_blocks("README.md")
    names: dict[str, Any] = {}
    exec(readme, names)  # noqa: S102 - our own documentation's example
    r = run("status", "--format", "json", "--as-of", "2025-12-31")
    assert to_json(names["doc"]) == r.stdout
    # The page's other Python blocks sketch the kind protocol; this one is the caller's example.
    (architecture,) = [block for block in _python_blocks("docs/architecture.md") if "open_workspace" in block]
    names = {}
    exec(architecture, names)  # noqa: S102
    assert to_json(names["doc"]) == r.stdout
    shown = run("show", "cbct-share", "--format", "json", "--as-of", "2025-12-31")
    assert to_json(names["shown"]) == shown.stdout
