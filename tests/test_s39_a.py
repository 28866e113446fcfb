"""Issue 17, thirty-ninth session, pass A: the leftovers of the thirty-eighth session's items
7 and 8 (docs/decisions.md, "The thirty-eighth session", the "Left:" lines).

1. An output named a bare '~' (``report -o "~"``, ``export sdmx-csv -o "~"``, a Python
   caller's ``write_report(..., "~")``) was written as a file named '~' in the current
   folder, in silence: a user typing "~" meant the home folder, a folder. Refused as a
   usage error (2), nothing written, told as the input side tells a bare '~' (pass M2):
   what it stands for is a folder, with a file's path in it to write.
2. ``observations: "~"`` in targets.yaml was warned (by ``check`` alone) only until the file
   existed, and the first ``add-observation`` made a store named '~' beside the plan. Now
   refused wherever the plan is read, at its line and column, with what to write.
3. ``history pop 2015.5`` exits 2 and ``retract pop 2015.5`` 1: kept, as README's "Exit
   codes" words the rule (a row ``add-observation`` records or ``retract`` appends is
   invalid input, 1; a period that only chooses what to show is a usage error, 2); pinned
   across the commands that take a period, each library function's code its command's.
4. ``retract``'s and ``history``'s annotations list what they take: a number or a
   ``Period`` as the period, a number as ``retract``'s source and note.

Each test was written failing first (but those of 3, which pin what was already so). The
expected paths and codes are worked out by hand from the brief and README's "Exit codes"."""

from __future__ import annotations

import inspect
from decimal import Decimal
from pathlib import Path
from typing import Callable

import pytest

from helpers import run_clean

# --- 1. An output named a bare '~' --------------------------------------------------------------


def _nothing_written(shipped: Path, home: Path) -> None:
    assert sorted(p.name for p in shipped.iterdir() if not p.name.startswith(".")) == [
        "home",
        "observations.csv",
        "targets.yaml",
    ]
    assert [p.name for p in home.iterdir() if p.name != "data"] == []


def _told_home_is_a_folder(stderr: str, folder: Path, lang: str, example: str) -> None:
    text = " ".join(stderr.split())
    assert "'~'" in text and f'"{folder}"' in text, text
    assert f"-o {example}" in text, text
    if lang == "en":
        assert "is a folder, not a file" in text, text
    else:
        assert "là một thư mục, không phải một tệp" in text, text


REPORT_NAMES = {"en": "review", "vi": "bao-cao"}


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize(("fmt", "ext"), [("markdown", ".md"), ("html", ".html"), ("json", ".json"), ("xlsx", ".xlsx")])
def test_report_to_a_bare_tilde_is_refused_as_the_home_folder(
    shipped: Path, home: Path, lang: str, fmt: str, ext: str
) -> None:
    made = run_clean("--lang", lang, "report", "--format", fmt, "-o", "~")
    assert made.exit_code == 2, made.output
    assert made.stderr.startswith("~: "), made.stderr
    assert made.stdout == ""
    _told_home_is_a_folder(made.stderr, home, lang, f"{home}/{REPORT_NAMES[lang]}{ext}")
    _nothing_written(shipped, home)


@pytest.mark.parametrize("typed", ["~/", "~//"])
def test_report_to_tilde_slash_is_told_home_is_a_folder(shipped: Path, home: Path, typed: str) -> None:
    """It was "folder '~' does not exist": true, and no help to one who meant home."""
    made = run_clean("report", "-o", typed, "--format", "markdown")
    assert made.exit_code == 2, made.output
    _told_home_is_a_folder(made.stderr, home, "en", f"{home}/review.md")
    _nothing_written(shipped, home)


def test_report_to_a_folder_at_home_is_told_it_is_a_folder(shipped: Path, home: Path) -> None:
    (home / "data").mkdir()
    made = run_clean("report", "-o", "~/data", "--format", "html")
    assert made.exit_code == 2, made.output
    _told_home_is_a_folder(made.stderr, home / "data", "en", f"{home}/data/review.html")
    _nothing_written(shipped, home)
    assert list((home / "data").iterdir()) == []


def test_report_to_a_file_at_home_keeps_its_hint(shipped: Path, home: Path) -> None:
    """A file's name at home is no folder: still told its full path to write."""
    made = run_clean("report", "-o", "~/review.md")
    assert made.exit_code == 2, made.output
    text = " ".join(made.stderr.split())
    assert f'write "{home}/review.md"' in text and "not a file" not in text, text


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_report_to_a_bare_tilde_where_a_file_so_named_is_asks_for_dot_slash(
    shipped: Path, home: Path, lang: str
) -> None:
    """A file '~' here (a report an earlier qntrack wrote to `-o "~"`) is what a quoted '~'
    reads as; writing over it again said only "wrote ~". Refused, the home folder's file
    offered, and `-o ./~` for whoever does mean that file."""
    Path("~").write_text('# a report written to -o "~" before\n', encoding="utf-8")
    made = run_clean("--lang", lang, "report", "--format", "markdown", "-o", "~")
    assert made.exit_code == 2, made.output
    text = " ".join(made.stderr.split())
    assert f"-o {home}/{REPORT_NAMES[lang]}.md" in text and "-o ./~" in text, text
    assert Path("~").read_text(encoding="utf-8") == '# a report written to -o "~" before\n'
    assert not Path("~-charts").exists()
    made = run_clean("report", "--format", "markdown", "-o", "./~", "--force")
    assert made.exit_code == 0, made.output
    assert Path("~").read_text(encoding="utf-8").startswith("# ")


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_sdmx_export_to_a_bare_tilde_is_refused_as_the_home_folder(shipped: Path, home: Path, lang: str) -> None:
    made = run_clean("--lang", lang, "export", "sdmx-csv", "-o", "~")
    assert made.exit_code == 2, made.output
    assert made.stdout == ""
    # A Vietnamese message names a Vietnamese file (forty-fifth session, pass F).
    _told_home_is_a_folder(made.stderr, home, lang, f"{home}/{'so-lieu' if lang == 'vi' else 'figures'}.csv")
    _nothing_written(shipped, home)


def test_an_existing_folder_is_still_refused_as_a_folder(shipped: Path, home: Path) -> None:
    made = run_clean("report", "-o", str(home), "--format", "markdown")
    assert made.exit_code == 2, made.output
    assert f"-o {home}/review.md" in " ".join(made.stderr.split()), made.stderr
    _nothing_written(shipped, home)


def test_write_report_to_a_bare_tilde_is_refused_in_a_caller_s_words(shipped: Path, home: Path) -> None:
    import qntrack

    ws = qntrack.open_workspace("targets.yaml", as_of="2026-06-01")
    data = qntrack.build_report(ws.plan, ws.series, ws.store.observations, as_of="2026-06-01")
    with pytest.raises(qntrack.InputError) as caught:
        qntrack.write_report(data, "markdown", "en", "~")
    said = " ".join(str(caught.value).split())
    assert caught.value.code == 2  # as report -o "~" exits
    assert f'"{home}/review.md"' in said and "is a folder, not a file" in said, said
    assert "-o " not in said and "shell" not in said, said  # a Python caller's words
    _nothing_written(shipped, home)


# --- 2. observations: "~" in targets.yaml ---------------------------------------------------------


def _store_named(value: str) -> tuple[int, int]:
    """The shipped plan with its `observations:` line made ``value``; its line and column."""
    plan = Path("targets.yaml")
    lines = plan.read_text(encoding="utf-8").split("\n")
    at = lines.index("observations: observations.csv")
    lines[at] = f"observations: {value}"
    plan.write_text("\n".join(lines), encoding="utf-8")
    return at + 1, len("observations: ") + 1


COMMANDS = [
    ["check"],
    ["status"],
    ["indicators"],
    ["show", "cbct-share"],
    ["history", "grdp_vnd"],
    ["report", "--format", "markdown"],
    ["add-observation", "grdp_vnd", "2025", "300000"],
    ["add-observation", "grdp_vnd", "2025", "300000", "--dry-run"],
    ["retract", "grdp_vnd", "2020", "--source", "x"],
    ["export", "sdmx-csv"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c))
@pytest.mark.parametrize("value", ['"~"', "'~/'"])
def test_a_store_named_a_bare_tilde_is_refused_at_its_line(
    shipped: Path, home: Path, command: list[str], value: str
) -> None:
    line, column = _store_named(value)
    made = run_clean(*command)
    assert made.exit_code == 1, made.output
    first = made.stderr.splitlines()[0]
    assert first.startswith(f"targets.yaml:{line}:{column}: error: "), made.stderr
    said = " ".join(made.stderr.split())
    assert "is a folder, not a file" in said, said
    assert f'observations: "{home}/observations.csv"' in said and "observations: observations.csv" in said, said
    assert "write observations: ~" not in said, said  # "~/" was offered "~" (trailing slash)
    assert not Path("~").exists() and not Path("~.lock").exists()
    assert list(home.iterdir()) == []


def test_a_store_named_a_bare_tilde_is_refused_in_vietnamese(shipped: Path, home: Path) -> None:
    line, column = _store_named('"~"')
    made = run_clean("--lang", "vi", "add-observation", "grdp_vnd", "2025", "300000")
    assert made.exit_code == 1, made.output
    assert made.stderr.startswith(f"targets.yaml:{line}:{column}: "), made.stderr
    said = " ".join(made.stderr.split())
    assert "là một thư mục, không phải một tệp" in said, said
    assert f'observations: "{home}/observations.csv"' in said, said
    assert not Path("~").exists()


def test_a_store_an_earlier_append_named_tilde_is_told_to_be_renamed(shipped: Path, home: Path) -> None:
    """A store '~' that an earlier qntrack made at the first append holds figures: it is
    named with what to do (rename it), never left unsaid nor read as if nothing were wrong."""
    _store_named('"~"')
    stored = Path("observations.csv").read_bytes()
    Path("~").write_bytes(stored)
    made = run_clean("status")
    assert made.exit_code == 1, made.output
    said = " ".join(made.stderr.split())
    assert "a file named '~'" in said and "rename it" in said, said
    # Never "rename it to observations.csv", the store there; and './~', as a shell's '~' is home.
    assert "mv ./~ observations-1.csv" in said and "write observations: observations-1.csv" in said, said
    assert Path("~").read_bytes() == stored  # nothing moved, nothing lost
    made = run_clean("--lang", "vi", "status")
    assert made.exit_code == 1 and "đổi tên" in made.stderr, made.output


def test_a_python_caller_opening_such_a_plan_gets_a_plan_error(shipped: Path, home: Path) -> None:
    import qntrack

    _store_named('"~"')
    with pytest.raises(qntrack.PlanError) as caught:
        qntrack.open_workspace("targets.yaml")
    assert caught.value.code == 1 and f'"{home}/observations.csv"' in str(caught.value)
    with pytest.raises(qntrack.PlanError):
        qntrack.record_many("targets.yaml", [{"indicator": "grdp_vnd", "period": "2025", "value": 300000}])
    assert not Path("~").exists()


@pytest.mark.parametrize("value", ['"~/obs.csv"', "'~a.csv'", "observations.csv"])
def test_other_names_are_left_as_they_were(shipped: Path, home: Path, value: str) -> None:
    """A file at home ('~/obs.csv') is the warning it was; a name that only starts with '~'
    and names no home is a file's name like any other."""
    _store_named(value)
    made = run_clean("indicators")
    assert made.exit_code == 0, made.output


# --- 3. A period that does not read: one rule, the command's code the library's -----------------


def _library(call: Callable[[], object]) -> int:
    import qntrack

    with pytest.raises(qntrack.InputError) as caught:
        call()
    return int(caught.value.code)


@pytest.mark.parametrize("typed", ["2015.5", "2025-Q5"])
def test_a_period_that_does_not_read_exits_by_readme_s_rule(shipped: Path, typed: str) -> None:
    """README, "Exit codes": a row add-observation records or retract appends is invalid
    input (1), every problem of it told at once as a --from file's row is; a period that
    only chooses what history shows is a usage error (2). Each function's code its command's."""
    import qntrack

    before = Path("observations.csv").read_bytes()
    number: object = 2015.5 if typed == "2015.5" else typed
    assert run_clean("add-observation", "grdp_vnd", typed, "1").exit_code == 1
    assert run_clean("retract", "grdp_vnd", typed, "--source", "x").exit_code == 1
    assert run_clean("history", "grdp_vnd", typed).exit_code == 2
    row = {"indicator": "grdp_vnd", "period": number, "value": 1}
    assert _library(lambda: qntrack.record_many("targets.yaml", [row])) == 1
    assert _library(lambda: qntrack.retract("targets.yaml", "grdp_vnd", number, "x", None, None)) == 1
    assert _library(lambda: qntrack.history("targets.yaml", "grdp_vnd", number)) == 2
    assert Path("observations.csv").read_bytes() == before


# --- 4. What retract and history take, in their annotations ----------------------------------------


def _written(function: Callable[..., object], name: str) -> set[str]:
    """The alternatives of an annotation as written (the modules postpone them), by name."""
    written = str(inspect.signature(function).parameters[name].annotation)
    return {n.strip().split("[")[0].rsplit(".", 1)[-1] for n in written.split("|")}


def test_retract_s_annotations_list_what_it_takes() -> None:
    from qntrack.files.retracting import retract

    assert {"str", "int", "float", "Decimal", "Period"} <= _written(retract, "period")
    for name in ("source", "note"):
        assert {"str", "int", "float", "Decimal", "None"} <= _written(retract, name), name
    assert {"str", "datetime", "date", "None"} <= _written(retract, "recorded_at")


def test_history_s_annotations_list_what_it_takes() -> None:
    from qntrack.output.history_run import history

    assert {"str", "int", "float", "Decimal", "Period", "None"} <= _written(history, "period")


def test_retract_takes_a_period_a_source_and_a_note_of_those_kinds(shipped: Path) -> None:
    """What the annotations say is taken: a Period held, a whole float's year, Decimal
    source and note stored as a workbook's number cells are (5.0 as '5')."""
    import qntrack
    from qntrack.plan.periods import parse_period

    for period in (parse_period("2020"), 2020.0, Decimal("2020")):
        done = qntrack.retract("targets.yaml", "grdp_vnd", period, Decimal("5.0"), 7.5, None, dry_run=True)
        assert (str(done.row.period), done.row.source, done.row.note) == ("2020", "5", "7.5")
