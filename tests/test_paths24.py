"""Paths, links and the library's errors (issue 17, twenty-fourth session): an output
never replaces an input, on every way in (the command line and the Python API), and a
Python caller gets the documented qntrack error types (docs/python-api.md, "Errors").

Each test was written failing first; the expected words are the catalog's keys and the
places the brief names (the argument's name, the file and its line)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from conftest import SMALL_OBSERVATIONS, SMALL_TARGETS
from helpers import run_clean

DAY = "2025-12-31"


def _unchanged() -> bool:
    return (
        Path("observations.csv").read_text(encoding="utf-8") == SMALL_OBSERVATIONS
        and Path("targets.yaml").read_text(encoding="utf-8") == SMALL_TARGETS
    )


def _report_data():  # type: ignore[no-untyped-def]
    import qntrack
    from qntrack.output.report import build_report

    ws = qntrack.open_workspace("targets.yaml", as_of=DAY)
    return build_report(ws.plan, ws.series, ws.store.observations, None, DAY, None, DAY)


# --- report -o through a symbolic link ------------------------------------------------------


@pytest.mark.parametrize(
    ("link", "to", "words"),
    [
        ("latest.md", "review.pdf", ".pdf"),  # a Markdown report in a file named .pdf
        ("latest.md", "figures.csv", ".csv"),  # ... in a file named .csv
        ("latest.json", "review.md", ".md"),
        ("latest.md", "review", "review"),  # a name with no extension, without --format
        ("latest.md", "nowhere/../gone.txt", "gone.txt"),  # dangling, to a .txt
    ],
)
def test_report_through_a_link_to_a_file_named_for_another_format_is_refused(
    tracker: Path, link: str, to: str, words: str
) -> None:
    # It wrote through the link: "review.pdf" held Markdown, "figures.csv" held Markdown,
    # the rule "the extension must name the format" held for the link's name only.
    os.symlink(to, link)
    before = sorted(os.listdir("."))
    r = run_clean("report", "-o", link)
    assert r.exit_code == 2, r.output
    assert link in r.stderr and words in r.stderr and "symbolic link" in r.stderr
    assert sorted(os.listdir(".")) == before and _unchanged()


def test_report_through_a_link_in_vietnamese_names_the_link_and_its_file(tracker: Path) -> None:
    os.symlink("review.pdf", "latest.md")
    r = run_clean("report", "-o", "latest.md", "--lang", "vi")
    assert r.exit_code == 2
    assert "liên kết tượng trưng" in r.stderr and "review.pdf" in r.stderr
    assert not Path("review.pdf").exists()


def test_report_through_a_link_to_a_file_of_its_own_format_is_still_written(tracker: Path) -> None:
    """`latest.html -> review-2025-12.html`: the habit the write-through keeps."""
    os.symlink("review-2025-12.json", "latest.json")
    r = run_clean("report", "-o", "latest.json")
    assert r.exit_code == 0, r.output
    assert Path("latest.json").is_symlink() and Path("review-2025-12.json").read_text(encoding="utf-8").startswith("{")
    # A target with no extension, with the format said: written, as `-o review --format json` is.
    os.symlink("review", "plain.json")
    r = run_clean("report", "-o", "plain.json", "--format", "json")
    assert r.exit_code == 0, r.output
    assert Path("review").read_text(encoding="utf-8").startswith("{")


# --- write_report: the rules of report -o, for a Python caller ------------------------------


def test_write_report_never_replaces_the_store_or_the_plan_by_any_name(tracker: Path) -> None:
    from qntrack import InputError, write_report

    data = _report_data()
    os.symlink("observations.csv", "link.md")
    os.link("targets.yaml", "hard.md")
    names = [
        "observations.csv",
        "targets.yaml",
        "./sub/../observations.csv",
        str(Path("targets.yaml").resolve()),
        "link.md",
        "hard.md",
        "observations.csv.lock",  # a side file of the store
    ]
    os.mkdir("sub")
    for name in names:
        with pytest.raises(InputError) as caught:
            write_report(data, "markdown", "en", name)
        # It replaced the store with a Markdown report, and targets.yaml too.
        assert (caught.value.file, caught.value.code) == (name, 2), name
        assert caught.value.key in ("outputs_is_read_by_tracker", "outputs_belongs_to"), name
    assert _unchanged()
    assert not [p for p in os.listdir(".") if p.endswith("-charts")]


@pytest.mark.parametrize(
    ("name", "key", "code"),
    [
        ("afolder", "outputs_is_folder_report", 2),
        ("nofolder/r.md", "outputs_no_folder", 2),
        # A part of the path is a file: the folder for it is no folder, as a missing one
        # (exit 2 since the forty-first session; the system's ENOTDIR, exit 1, before).
        ("afile/r.md", "outputs_folder_is_file", 2),
        ("fifo.md", "outputs_not_regular", 2),  # replaced by a regular file before
        ("", "library_report_path", 2),
        ("-", "library_report_path", 2),
    ],
)
def test_write_report_refuses_what_report_o_refuses(tracker: Path, name: str, key: str, code: int) -> None:
    from qntrack import InputError, write_report

    os.mkdir("afolder")
    Path("afile").write_text("mine\n", encoding="utf-8")
    os.mkfifo("fifo.md")
    with pytest.raises(InputError) as caught:
        write_report(_report_data(), "markdown", "en", name)
    assert (caught.value.key, caught.value.code) == (key, code)
    assert Path("fifo.md").is_fifo() and os.listdir("afolder") == [] and Path("afile").read_text() == "mine\n"
    assert not [p for p in os.listdir(".") if p.endswith("-charts")]


def test_write_report_replaces_a_file_it_did_not_write_only_with_force(tracker: Path) -> None:
    from qntrack import InputError, write_report

    data = _report_data()
    Path("minutes.json").write_text('{"mine": true}\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        write_report(data, "json", "en", "minutes.json")
    assert (caught.value.file, caught.value.key) == ("minutes.json", "outputs_foreign_file")
    assert Path("minutes.json").read_text(encoding="utf-8") == '{"mine": true}\n'
    written = write_report(data, "json", "en", "minutes.json", force=True)
    assert written == [Path("minutes.json")]
    # Its own report, written again: no force needed.
    assert write_report(data, "json", "en", "minutes.json") == [Path("minutes.json")]


def test_write_report_says_a_full_disk_as_one_error_and_leaves_the_old_file(
    tracker: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from qntrack import InputError, write_report

    data = _report_data()
    write_report(data, "json", "en", "review.json")
    before = Path("review.json").read_bytes()

    def full(src: object, dst: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(dst))

    with monkeypatch.context() as patched, pytest.raises(InputError) as caught:
        patched.setattr(os, "replace", full)
        write_report(data, "json", "vi", "review.json")
    assert (caught.value.file, caught.value.code) == ("review.json", 1)
    assert "No space left on device" in str(caught.value)  # the system's reason, in one line
    assert Path("review.json").read_bytes() == before
    assert sorted(os.listdir(".")) == ["observations.csv", "review.json", "targets.yaml"]


# --- a format, a language, an id, a day: the qntrack error a caller catches ------------------


def test_a_report_format_or_language_qntrack_does_not_write_is_an_argument_error(tracker: Path) -> None:
    from qntrack import InputError
    from qntrack.errors import ArgumentError
    from qntrack.output.report import render, write_report

    data = _report_data()
    cases = [
        (lambda: render(data, "pdf", "en"), "fmt", "report_format_is_bytes"),  # was "unknown format 'pdf'"
        (lambda: render(data, "xlsx", "en"), "fmt", "report_format_is_bytes"),
        (lambda: render(data, "htm", "en"), "fmt", "report_unknown_format"),
        (lambda: render(data, "markdown", "fr"), "lang", "report_unknown_lang"),
        (lambda: write_report(data, "word", "en", "r.docx"), "fmt", "report_unknown_format"),
        (lambda: write_report(data, "markdown", "de", "r.md"), "lang", "report_unknown_lang"),
    ]
    for call, where, key in cases:
        with pytest.raises(InputError) as caught:
            call()
        error = caught.value
        # A bare ValueError before, with no place, no key and no Vietnamese.
        assert isinstance(error, ArgumentError) and isinstance(error, ValueError)
        assert (error.file, error.key, error.code) == (where, key, 2)
        assert error.text("vi") != error.text("en")
    assert not Path("r.docx").exists() and not Path("r.md").exists()


def test_assess_says_an_unknown_id_and_a_day_it_cannot_read_as_qntrack_errors(tracker: Path) -> None:
    import qntrack
    from qntrack.errors import ArgumentError

    ws = qntrack.open_workspace("targets.yaml", as_of=DAY)
    with pytest.raises(qntrack.InputError) as caught:
        qntrack.assess(ws.plan, ws.series, ["nope"], DAY)
    assert isinstance(caught.value, ValueError) and isinstance(caught.value, ArgumentError)
    # Code 1, as `qntrack status nope` exits (session 37, pass E: it was 2, a usage error,
    # where docs/python-api.md says error.code is the command's exit code).
    assert (caught.value.file, caught.value.key, caught.value.code) == ("target_ids", "kinds_unknown_targets", 1)
    assert "nope" in caught.value.text("vi")
    with pytest.raises(qntrack.InputError) as caught:
        qntrack.assess(ws.plan, ws.series, None, "31/12/2025")
    # Told the day it names, as as_of and run_checks' today are (thirty-fourth session, pass R).
    assert (caught.value.file, caught.value.key) == ("today", "cli_not_a_date_dmy")
    target = ws.plan.targets[0]
    with pytest.raises(qntrack.InputError) as caught:
        qntrack.assess_target(target, ws.plan.indicators[target.indicator], [], "2025-13-01")
    assert (caught.value.file, caught.value.key) == ("today", "cli_no_such_month")
    # What it judges is the core's: the same assessments.
    from qntrack.kinds import assess as core

    assert qntrack.assess(ws.plan, ws.series, None, DAY) == core(ws.plan, ws.series, None, DAY)


# --- the store's problems met while appending are StoreErrors -------------------------------


def _journal_left() -> None:
    """An append interrupted (a power cut): its journal beside the store."""
    size = Path("observations.csv").stat().st_size
    Path("observations.csv.pending").write_text(f"qntrack append journal 1\nsize {size}\nrows 1\n", encoding="ascii")


def test_a_store_problem_met_when_appending_is_a_store_error(tracker: Path) -> None:
    import qntrack
    from qntrack import Location, StoreError

    row = {"indicator": "mining", "period": "2025", "value": "16.1", "recorded_at": "2026-01-10T00:00:00Z"}
    _journal_left()
    with pytest.raises(qntrack.InputError) as caught:
        qntrack.record_many("targets.yaml", [(Location("job"), row)])
    assert isinstance(caught.value, StoreError)  # a plain InputError before
    assert (caught.value.file, caught.value.key) == ("observations.csv", "store_interrupted_not_added")
    with pytest.raises(StoreError) as caught:
        qntrack.retract("targets.yaml", "mining", "2020", "typo", "", "2026-01-10T00:00:00Z")
    # a withdrawal's own words since issue 17's forty-fourth session ("nothing was withdrawn")
    assert caught.value.key == "store_interrupted_not_done"
    os.remove("observations.csv.pending")
    # A byte that is not UTF-8 deep in the store, found only under the append's lock.
    lines = Path("observations.csv").read_bytes().split(b"\n")
    lines[2] = lines[2] + b"\xe0"
    Path("observations.csv").write_bytes(b"\n".join(lines))
    with pytest.raises(StoreError) as caught:
        qntrack.record_many("targets.yaml", [(Location("job"), row)])
    assert (caught.value.file, caught.value.line, caught.value.key) == ("observations.csv", 3, "store_not_utf8")
    assert Path("observations.csv").read_bytes() == b"\n".join(lines)


def test_a_retraction_of_nothing_stays_the_callers_error_not_the_stores(tracker: Path) -> None:
    import qntrack
    from qntrack import StoreError

    with pytest.raises(qntrack.InputError) as caught:
        qntrack.retract("targets.yaml", "mining", "2019", "typo", "", "2026-01-10T00:00:00Z")
    assert not isinstance(caught.value, StoreError)
    assert _unchanged()


# --- a name no Windows PC can hold ----------------------------------------------------------


@pytest.mark.parametrize("command", [("report", "--format", "json"), ("export", "sdmx-csv")])
@pytest.mark.parametrize(("name", "code"), [("review\n.json", "U+000A"), ("review\t2025.json", "U+0009")])
def test_an_output_named_with_a_line_break_or_a_tab_is_refused(
    tracker: Path, command: tuple[str, ...], name: str, code: str
) -> None:
    # It was written: a file "review\n.json" that a Windows colleague's PC cannot open or
    # copy, and that `ls` shows as 'review'$'\n''.json'.
    r = run_clean(*command, "-o", name)
    assert r.exit_code == 2, r.output
    assert code in r.stderr and "\n" not in r.stderr.rstrip("\n")
    assert sorted(os.listdir(".")) == ["observations.csv", "targets.yaml"]
    r = run_clean(*command, "-o", name, "--lang", "vi")
    assert r.exit_code == 2 and "ký tự điều khiển" in r.stderr


# --- import opensdg into a folder whose targets.yaml is a link to nothing -------------------


def test_an_import_never_replaces_a_dangling_link_named_targets_yaml(tmp_path: Path) -> None:
    from helpers import run as run_any, write_repository

    repo = write_repository(
        tmp_path / "repo",
        {
            "config_data.yml": "languages:\n  - en\n",
            "data/indicator_1-1-1.csv": "Year,Value\n2015,10\n2020,8\n",
            "meta/1-1-1.md": "---\nindicator_name: Poverty rate\ncomputation_units: Percent\n---\n",
        },
    )
    into = tmp_path / "t"
    into.mkdir()
    # The plan on a share that is not mounted: `init` keeps such a link; the import replaced
    # it with a plan of its own, without --force, and the link was gone.
    os.symlink("/mnt/share-not-mounted/targets.yaml", into / "targets.yaml")
    done = run_any("import", "opensdg", str(repo), "--into", str(into), "--recorded-at", "2024-01-15")
    assert done.exit_code == 2, done.output
    assert "share-not-mounted" in done.stderr and "Traceback" not in done.output
    assert os.listdir(into) == ["targets.yaml"] and (into / "targets.yaml").is_symlink()
    # Asked for, it is replaced, as any targets.yaml the import did not write.
    done = run_any("import", "opensdg", str(repo), "--into", str(into), "--recorded-at", "2024-01-15", "--force")
    assert done.exit_code == 0, done.output
    assert not (into / "targets.yaml").is_symlink()


# --- a store whose path the system cannot follow ---------------------------------------------


def _store_at(name: str) -> None:
    text = SMALL_TARGETS.replace("version: 1\n", f"version: 1\nobservations: {name}\n", 1)
    Path("targets.yaml").write_text(text, encoding="utf-8")


@pytest.mark.parametrize("where", ["loop", "file"])
def test_a_store_path_the_system_cannot_follow_is_a_store_error_naming_the_store(tracker: Path, where: str) -> None:
    import qntrack
    from qntrack import Location, StoreError

    if where == "loop":  # observations: a.csv, a link to b.csv, a link to a.csv
        os.symlink("b.csv", "a.csv")
        os.symlink("a.csv", "b.csv")
        name, reason = "a.csv", "Too many levels of symbolic links"
    else:  # observations: notes/obs.csv, where notes is a file
        Path("notes").write_text("mine\n", encoding="utf-8")
        name, reason = "notes/obs.csv", "Not a directory"
    _store_at(name)
    row = {"indicator": "mining", "period": "2025", "value": "16.1", "recorded_at": "2026-01-10T00:00:00Z"}
    calls = [
        lambda: qntrack.open_workspace("targets.yaml"),
        lambda: qntrack.status("targets.yaml", as_of=DAY),
        # A raw OSError for these (no file, no key): the command line's safety net said it.
        lambda: qntrack.record_many("targets.yaml", [(Location("job"), row)]),
        lambda: qntrack.record_many("targets.yaml", [(Location("job"), row)], dry_run=True),
        lambda: qntrack.retract("targets.yaml", "mining", "2020", "typo", "", "2026-01-10T00:00:00Z"),
        lambda: qntrack.import_observations("targets.yaml", "observations.csv"),
    ]
    for call in calls:
        with pytest.raises(StoreError) as caught:
            call()
        assert caught.value.file == name and reason in str(caught.value), str(caught.value)
        assert ".pending" not in str(caught.value)  # never the journal, a name the user does not know
    (problem,) = qntrack.run_checks("targets.yaml")
    assert problem.location.file == name and reason in problem.text("en")
    r = run_clean("status")
    assert r.exit_code == 1 and r.stderr.startswith(f"{name}: error:") and ".pending" not in r.stderr


# --- an Open SDG folder named by a link to nothing, or by a loop of links -------------------


@pytest.mark.parametrize("command", ["export", "import"])
def test_an_open_sdg_folder_given_as_a_dangling_link_or_a_loop_is_said_as_such(
    tracker: Path, tmp_path: Path, command: str
) -> None:
    from helpers import write_repository

    repo = write_repository(
        tmp_path.parent / f"{tmp_path.name}-repo",
        {
            "config_data.yml": "languages:\n  - en\n",
            "data/indicator_1-1-1.csv": "Year,Value\n2015,10\n2020,8\n",
            "meta/1-1-1.md": "---\nindicator_name: Poverty rate\ncomputation_units: Percent\n---\n",
        },
    )
    args = ["export", "opensdg"] if command == "export" else ["import", "opensdg", str(repo)]
    extra = [] if command == "export" else ["--recorded-at", "2024-01-15"]
    os.symlink("/mnt/share-not-mounted/site", "site")
    # It said "Not a directory: a part of the path is a file, not a folder" (export).
    # import: "File exists; what was written before the error is complete" (nothing was).
    r = run_clean(*args, "--into", "site", *extra)
    assert r.exit_code == 2, r.output
    assert r.stderr.startswith("site: error:") and "/mnt/share-not-mounted/site" in r.stderr
    assert "a part of the path is a file" not in r.stderr
    os.symlink("loop-b", "loop-a")
    os.symlink("loop-a", "loop-b")
    r = run_clean(*args, "--into", "loop-a", *extra)
    assert r.exit_code == 1, r.output
    assert r.stderr.startswith("loop-a: error:") and "Too many levels of symbolic links" in r.stderr
    assert "a part of the path is a file" not in r.stderr
    assert _unchanged() and sorted(os.listdir(".")) == ["loop-a", "loop-b", "observations.csv", "site", "targets.yaml"]


def test_init_into_a_link_to_nothing_or_a_loop_says_which(tracker: Path) -> None:
    os.symlink("/mnt/share-not-mounted/plan", "plan")
    # Both said "cannot start a tracker here: File exists", which sent the user looking
    # for a file that is not there.
    # Exit 2 since the forty-second session, as `import opensdg --into` of such a link
    # (README, "Exit codes"); a loop of links stays the system's answer, exit 1.
    r = run_clean("init", "plan")
    assert r.exit_code == 2 and r.stderr.startswith("plan: error:") and "/mnt/share-not-mounted/plan" in r.stderr
    assert "File exists" not in r.stderr and Path("plan").is_symlink()
    r = run_clean("init", "plan", "--lang", "vi")
    assert r.exit_code == 2 and "thư mục không tồn tại" in r.stderr
    os.symlink("loop-b", "loop-a")
    os.symlink("loop-a", "loop-b")
    r = run_clean("init", "loop-a")
    assert r.exit_code == 1 and "Too many levels of symbolic links" in r.stderr and "File exists" not in r.stderr
