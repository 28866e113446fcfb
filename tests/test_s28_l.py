"""Do the docs tell the truth? (issue 17, twenty-eighth session, helper L.)

A new user copies README's "A first session" into a terminal, and the annotated example of
docs/targets-format.md into a targets.yaml of their own; a maintainer remakes the samples of
docs/report.md. Each test runs what the page shows and checks what the page says it gives;
the expected figures are the page's own (worked by hand in docs/methodology.md), never the
code's output."""

from __future__ import annotations

import json
import os
import re
import shlex
from pathlib import Path

import pytest

from helpers import run, run_clean

ROOT = Path(__file__).resolve().parent.parent
HEADER = "indicator,period,value,status,source,note,recorded_at\n"


def _first_session() -> list[str]:
    """README's "A first session" block, one command a line (a line ending in a backslash
    continued), its comments dropped."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## A first session", 1)[1].split("```sh\n", 1)[1].split("\n```", 1)[0]
    commands: list[str] = []
    pending = ""
    for line in block.split("\n"):
        line = (pending + " " + line.strip()) if pending else line.strip()
        if line.endswith("\\"):
            pending = line[:-1].strip()
            continue
        pending = ""
        commands.append(re.sub(r"\s+#.*$", "", line))
    return commands


def test_readmes_first_session_runs_on_the_shipped_data_and_gives_what_it_says(shipped: Path) -> None:
    """Every command of README's first session, in its order, on a copy of the shipped
    tracker: each exits 0, and each says what its comment says (no test ran them)."""
    commands = _first_session()
    assert len(commands) == 12 and all(c.startswith("qntrack ") for c in commands), commands
    for command in commands:
        words, _, pipe = command.partition(" | ")
        args = shlex.split(words)[1:]
        result = run_clean(*args)
        assert result.exit_code == 0, (command, result.output)
        if args == ["status", "--format", "json"]:
            # `| jq '.targets[] | {id, status}'`: one id and status a target; worked
            # examples 1 and 2 of methodology.md: moderate and substantial progress.
            assert pipe == "jq '.targets[] | {id, status}'"
            statuses = {t["id"]: t["status"] for t in json.loads(result.stdout)["targets"]}
            assert statuses["cbct-share"] == "moderate_progress"
            assert statuses["mining-share"] == "substantial_progress"
        elif args[:1] == ["history"]:
            # "10.66 first, revised to 9.22": newest first, the 9.22 in force.
            rows = [line.split("\t") for line in result.stdout.splitlines()]
            assert [(r[1], r[6]) for r in rows[1:]] == [("9.22", "true"), ("10.66", "false")]
        elif args == ["check"]:
            assert result.stdout == "" and result.stderr == "", "check is silent when everything is valid"
        elif args[:1] == ["add-observation"]:
            assert "grdp_growth 2026-H1 = 11.2" in result.stderr
        elif args[:1] == ["report"]:
            assert Path("review.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
        elif args[:1] == ["init"]:
            assert {p.name for p in Path("my-plan").iterdir()} >= {"targets.yaml", "observations.csv"}
    # "Vietnamese labels and number format (12,3%)": the table a terminal shows.
    table = run_clean("status", "--lang", "vi", "--format", "table", env={"COLUMNS": "160"})
    assert "12,3%" in table.stdout and "Tiến triển vừa phải" in table.stdout


def _annotated_example() -> str:
    page = (ROOT / "docs" / "targets-format.md").read_text(encoding="utf-8")
    return page.split("```yaml\n", 1)[1].split("\n```", 1)[0] + "\n"


def test_the_annotated_targets_yaml_of_targets_format_is_a_valid_plan(tmp_path: Path, monkeypatch) -> None:
    """The page's first example, copied as it stands into targets.yaml, was refused three
    times by `check` (exit 1): its derived share's formula named two indicators it never
    declared (`cbct_va`, `grdp`), and its level target had `limit: 100` beside milestones,
    which the same page and methodology.md say is refused. Now it is a plan `check` passes."""
    monkeypatch.chdir(tmp_path)
    for name in [n for n in os.environ if n.startswith("QNTRACK_")]:
        monkeypatch.delenv(name)
    Path("targets.yaml").write_text(_annotated_example(), encoding="utf-8")
    Path("observations.csv").write_text(HEADER, encoding="utf-8")
    result = run_clean("check")
    assert result.exit_code == 0, result.output
    assert "error" not in result.output
    # What the comments say each key does still holds: the limit is on a target judged by
    # its direction alone, and the formula's inputs are indicators of the plan.
    doc = json.loads(run_clean("status", "--format", "json").stdout)
    assert [t["id"] for t in doc["targets"]] == ["cbct-share", "cbct-va-share"]
    assert doc["targets"][1]["milestones"] == []


HTML_SAMPLE = (
    "qntrack report --format html -o docs/sample-report.html --since 2025-06-30 --as-of 2026-12-01"
    " cbct-share cbct-va-growth-2021-2025 grdp-per-capita grdp-double-digit mining-share fdi-plan-2024"
    " budget-revenue-plan-2024"
)


def test_the_html_sample_is_what_its_command_in_report_md_makes(tmp_path: Path, monkeypatch) -> None:
    """docs/report.md, "Making the samples again", gives the command of sample-report.html;
    the Markdown, Excel, Word and PDF samples were each compared with their command's
    output, the HTML one with nothing, so it could go stale unnoticed."""
    for name in [n for n in os.environ if n.startswith("QNTRACK_")]:
        monkeypatch.delenv(name)
    assert HTML_SAMPLE in (ROOT / "docs" / "report.md").read_text(encoding="utf-8")
    out = tmp_path / "sample-report.html"
    args = shlex.split(HTML_SAMPLE)[1:]
    args[args.index("-o") + 1] = str(out)
    result = run(*args, "--targets", str(ROOT / "targets.yaml"))
    assert result.exit_code == 0, result.output
    assert (ROOT / "docs" / "sample-report.html").read_bytes() == out.read_bytes(), (
        f"docs/sample-report.html is stale: run `{HTML_SAMPLE}` from the top of the repository"
    )


def _help_examples(command: str) -> list[str]:
    """The `Example:` lines of `qntrack COMMAND -h`, as docs/cli.md prints them (each
    joined back onto one line)."""
    page = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    section = page.split(f"## qntrack {command}\n", 1)[1].split("\n## qntrack", 1)[0]
    return [
        " ".join(m.split()) for m in re.findall(r"Example(?: \([^)]*\))?:\s+(.*?)(?:\n\n|\nArguments:)", section, re.S)
    ]


def test_the_import_help_has_an_example_that_reads_what_the_export_example_wrote(shipped: Path) -> None:
    """`export -h` shows `qntrack export opensdg --into sdg-data --as-of 2025-06-30`;
    `import -h` then showed only `qntrack import opensdg sdg-data --into tracker && ...`,
    which on that folder (no git checkout) exits 1: "not a git checkout: give the date
    ... with --recorded-at". The import's help now shows the form for such a folder too,
    and both examples run in turn on the shipped tracker."""
    (export,) = [e for e in _help_examples("export") if "opensdg" in e]
    assert export == "qntrack export opensdg --into sdg-data --as-of 2025-06-30"
    assert run_clean(*shlex.split(export)[1:]).exit_code == 0
    examples = [e for e in _help_examples("import") if "--recorded-at" in e]
    assert examples, _help_examples("import")
    first, _, then = examples[0].partition(" && ")
    result = run_clean(*shlex.split(first)[1:])
    assert result.exit_code == 0, result.output
    if then:
        assert run_clean(*shlex.split(then)[1:]).exit_code == 0
    # The shipped plan's nine indicators less the one with no figure (cbct_investment).
    assert "imported 8 indicator(s)" in result.stderr


def test_import_observations_told_a_flag_given_where_its_format_goes(shipped: Path) -> None:
    """python-api.md listed `import_observations(targets, source, dry_run=False)`, so a
    caller wrote `import_observations("targets.yaml", "so-lieu.csv", True)` for a dry run:
    `True` went to `fmt`, and Python's "replace() should be called on dataclass instances"
    came out of qntrack, a TypeError no `except InputError` catches. Now the argument is
    named (an ArgumentError, nothing written), and the page gives the real signature."""
    import qntrack
    from qntrack.errors import ArgumentError

    Path("so-lieu.csv").write_text("indicator,period,value,status,source\nfdi,2026,5,estimate,x\n", encoding="utf-8")
    before = Path("observations.csv").read_bytes()
    for third in (True, "csv", None):
        with pytest.raises(ArgumentError) as caught:
            qntrack.import_observations("targets.yaml", "so-lieu.csv", third)  # type: ignore[arg-type]
        assert caught.value.file == "fmt" and "dry_run=True" in caught.value.text("en")
        assert "dry_run=True" in caught.value.text("vi")
    with pytest.raises(ArgumentError) as caught:
        qntrack.import_observations("targets.yaml", "so-lieu.csv", defaults={"status": "estimate"})  # type: ignore[arg-type]
    assert caught.value.file == "defaults"
    assert Path("observations.csv").read_bytes() == before
    # The dry run, asked by name, writes nothing and says the row.
    assert len(qntrack.import_observations("targets.yaml", "so-lieu.csv", dry_run=True).rows) == 1
    assert Path("observations.csv").read_bytes() == before
    page = (ROOT / "docs" / "python-api.md").read_text(encoding="utf-8")
    assert "`import_observations(targets, source, dry_run=False)`" not in page


def _listed(anchor: str) -> list[str]:
    """The keys json.md's "Other JSON outputs" lists in braces just after ``anchor``."""
    page = (ROOT / "docs" / "json.md").read_text(encoding="utf-8").split("## Other JSON outputs", 1)[1]
    after = " ".join(page.split(anchor, 1)[1].split())
    inside = after.split("{", 1)[1].split("}", 1)[0]
    return [k.split(":")[0].strip() for k in inside.split(",")]


def _keys(*args: str) -> dict:
    result = run_clean(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_the_keys_json_md_lists_for_the_other_documents_are_theirs(shipped: Path) -> None:
    """json.md's lists of `show`'s observations and retractions and of `observations`'
    rows ended at `revises_recorded_at`, though each has ended with `revises_status` since
    the twenty-seventh session (the page's general rule said so, the lists a reader copies
    did not). Every list of that section checked here is the documents' keys, in order."""
    show = _keys("show", "cbct-share")
    assert list(show["observations"][0]) == _listed("plus `observations`, the\n  series in force (")
    rows = _keys("observations")
    assert list(rows) == _listed("- `observations --format json`: `")
    assert list(rows["observations"][0]) == _listed("each\n  observation `")
    history = _keys("history", "grdp_growth", "2023")
    assert list(history) == _listed("- `history --format json`: `")
    assert list(history["vintages"][0]) == _listed("newest first within a period, is `")
    assert list(_keys("indicators")["indicators"][0]) == _listed("`indicators --format json`: `{qntrack, indicators: [")
    assert list(_keys("targets")["targets"][0]) == _listed("`targets --format json`: `{qntrack, targets: [")
    # A retraction, as show lists it.
    assert run_clean("retract", "grdp_growth", "2025", "--note", "typo").exit_code == 0
    retracted = _keys("show", "grdp-double-digit")["retracted"][0]
    assert list(retracted) == [k for k in _listed("Then `retracted`: the periods") if k]


def test_worked_example_3_is_what_show_prints_on_the_shipped_data(shipped: Path) -> None:
    """methodology.md's worked example 3 says `qntrack show cbct-share --as-of 2024-12-31`
    prints its figures; no test ran it. By hand (a calculator): a = (12.3 / 9.8)^(1/3) - 1
    = 0.07868, r = (15 / 9.8)^(1/5) - 1 = 0.08886, trajectory 9.8 x 1.08886^3 = 12.652,
    deviation 12.3 - 12.652 = -0.35, needed (15 / 12.3)^(1/2) - 1 = 0.1043, projected
    12.3 x 1.07868^2 = 14.31, n = ln(15 / 12.3) / ln(1.07868) = 2.62, so 2026; P = 0.885,
    score 7.1429 x 0.8854 - 4.2857 = 2.04; gap 2.7. Read after 2025 (the shipped data's
    today) nothing is "needed from now", as the example says."""
    page = (ROOT / "docs" / "methodology.md").read_text(encoding="utf-8")
    assert "`qntrack show cbct-share --as-of 2024-12-31`\nprints these figures" in page
    shown = run_clean("show", "cbct-share", "--as-of", "2024-12-31", env={"COLUMNS": "120"})
    assert shown.exit_code == 0, shown.output
    first = " ".join(shown.stdout.split("Milestone ", 2)[1].split())  # the 2025 milestone
    for figure in (
        "P / Score 0.89 / 2.04",
        "Gap 2.7 pp",
        "Required rate +8.9%/yr",
        "Trajectory 12.65% of GRDP (deviation -0.35 pp)",
        "Needed from now +10.5%/yr",  # 10.43 %, rounded up so that it suffices (41st session)
        "Projected 14.31% of GRDP (2025)",
        "Would be reached in 2026",
    ):
        assert figure in first, figure
    assert "Achieved rate +7.9%/yr" in " ".join(shown.stdout.split())
    later = run_clean("show", "cbct-share", "--as-of", "2026-12-01", env={"COLUMNS": "120"})
    assert "Needed from now" not in later.stdout.split("Milestone ", 2)[1]
