"""The library as a Python caller uses it (a notebook, an Airflow task, a web service):
the fourteenth session's library pass (issue 17, docs/decisions.md).

Each test is a defect found by calling the documented functions with what a caller
naturally has: a ``Path``, a ``datetime.date``, a single id as a string."""

from __future__ import annotations

import inspect
from datetime import date
from pathlib import Path
from typing import Callable

import pytest

from qntrack.errors import InputError
from qntrack.files.workspace import open_workspace, reference_day

DAY = "2025-12-31"


def test_assess_takes_one_target_id_given_as_a_string(shipped: Path) -> None:
    from qntrack.kinds import assess

    ws = open_workspace("targets.yaml", as_of=DAY)
    # It iterated the string: "no target c, b, c, t, -, s, h, a, r, e in the plan".
    found = assess(ws.plan, ws.series, "cbct-share", reference_day(DAY))
    assert [a.target.id for a in found] == ["cbct-share"]


def test_assess_takes_the_day_as_the_library_writes_it_elsewhere(shipped: Path) -> None:
    from qntrack.kinds import assess

    ws = open_workspace("targets.yaml", as_of=DAY)
    expected = assess(ws.plan, ws.series, None, date(2025, 12, 31))
    # "2025-12-31", as open_workspace and reference_day take it: it was an AttributeError
    # ('str' object has no attribute 'year') from deep in a kind.
    assert assess(ws.plan, ws.series, None, DAY) == expected
    with pytest.raises(ValueError, match="31/12/2025"):
        assess(ws.plan, ws.series, None, "31/12/2025")


def test_run_checks_reads_its_day_as_open_workspace_does(shipped: Path) -> None:
    from qntrack.files.checks import run_checks

    assert run_checks("targets.yaml", as_of=date(2025, 12, 31)) == run_checks("targets.yaml", as_of=DAY)
    # A bare ValueError ("Invalid isoformat string") and a TypeError (a date has no len()).
    with pytest.raises(InputError) as caught:
        run_checks("targets.yaml", as_of="31/12/2025")
    assert str(caught.value.problems[0].location) == "as_of"
    assert "YYYY-MM-DD" in caught.value.problems[0].text("en")
    assert "ngày" in caught.value.problems[0].text("vi")


def test_run_checks_refuses_a_check_it_does_not_have(shipped: Path) -> None:
    from qntrack.files.checks import run_checks

    # A gate asking for a misspelt check ran none of it and reported no problem.
    with pytest.raises(InputError) as caught:
        run_checks("targets.yaml", ["stael"], as_of=DAY)
    said = caught.value.problems[0]
    assert "'stael'" in said.text("en") and "stale" in said.text("en")
    assert "kiểm tra" in said.text("vi")
    # One name as a string is that check, not its letters.
    assert run_checks("targets.yaml", "stale", as_of=DAY) == run_checks("targets.yaml", ["stale"], as_of=DAY)


def test_an_empty_targets_path_is_refused_not_the_current_folders_plan(shipped: Path) -> None:
    from qntrack.files.checks import run_checks

    # open_workspace(os.environ.get("PLAN", "")) judged ./targets.yaml in silence.
    for call in (lambda: open_workspace(""), lambda: run_checks("")):
        with pytest.raises(InputError) as caught:
            call()
        assert "empty" in caught.value.problems[0].text("en")
        assert "trống" in caught.value.problems[0].text("vi")


def test_export_opensdg_takes_a_path(shipped: Path) -> None:
    from qntrack.cli.export_opensdg import export_opensdg

    # 'PosixPath' object has no attribute 'strip'.
    done = export_opensdg(Path("targets.yaml"), Path("site"), as_of=DAY)  # type: ignore[arg-type]
    assert done.files and (shipped / "site" / "data").is_dir()


def test_import_opensdg_takes_strings(shipped: Path) -> None:
    from qntrack.cli.export_opensdg import export_opensdg
    from qntrack.files.opensdg_run import import_opensdg

    export_opensdg("targets.yaml", "site", as_of=DAY)
    # 'str' object has no attribute 'is_dir'.
    done = import_opensdg("site", "copy", "2025-12-31T00:00:00Z")  # type: ignore[arg-type]
    assert done.added > 0 and (shipped / "copy" / "targets.yaml").is_file()


def test_the_documented_argument_types_are_in_the_signatures() -> None:
    """mypy --strict refused ``open_workspace(Path(...), as_of=date(...))``, which the
    docs offer: the annotations said ``str | None``."""
    from qntrack.cli.export_opensdg import export_opensdg
    from qntrack.files.checks import run_checks
    from qntrack.files.opensdg_run import import_opensdg
    from qntrack.kinds import assess

    def accepts(function: Callable[..., object], name: str, kind: type) -> bool:
        # The annotation as written (the modules postpone them): its alternatives by name.
        written = str(inspect.signature(function).parameters[name].annotation)
        names = {n.strip().split("[")[0].rsplit(".", 1)[-1] for n in written.split("|")}
        return bool({c.__name__ for c in kind.__mro__} & names) or (kind is Path and "PathLike" in names)

    assert accepts(open_workspace, "targets", Path) and accepts(open_workspace, "as_of", date)
    assert accepts(reference_day, "as_of", date)
    assert accepts(run_checks, "targets", Path) and accepts(run_checks, "as_of", date)
    assert accepts(export_opensdg, "targets", Path) and accepts(export_opensdg, "into", Path)
    assert accepts(export_opensdg, "as_of", date)
    assert accepts(import_opensdg, "repo_dir", str) and accepts(import_opensdg, "into", str)
    assert accepts(assess, "today", date)


def _report_data(as_of: str | date = DAY, since: str | date | None = None):  # type: ignore[no-untyped-def]
    from qntrack.output.report import build_report

    ws = open_workspace("targets.yaml", as_of=DAY)
    return build_report(ws.plan, ws.series, ws.store.observations, as_of=as_of, since=since, today=reference_day(DAY))


def test_build_report_reads_its_days_as_open_workspace_does(shipped: Path) -> None:
    # A date was a TypeError (no len()), "yesterday" a bare ValueError of fromisoformat.
    assert _report_data(date(2025, 12, 31), date(2025, 1, 1)) == _report_data(DAY, "2025-01-01")
    for as_of, since, named in ((DAY, "yesterday", "since"), ("31/12/2025", None, "as_of")):
        with pytest.raises(InputError) as caught:
            _report_data(as_of, since)
        assert str(caught.value.problems[0].location) == named
        assert "YYYY-MM-DD" in caught.value.problems[0].text("en")


def test_write_report_takes_a_string_path(shipped: Path) -> None:
    from qntrack.output.report import write_report

    # 'str' object has no attribute 'with_name'.
    written = write_report(_report_data(), "markdown", "en", "review.md")
    assert written[-1] == Path("review.md") and Path("review.md").read_text(encoding="utf-8").count("\n") > 10


def test_a_language_qntrack_does_not_speak_is_said_not_a_missing_catalog_file(shipped: Path) -> None:
    from qntrack.output.report import render, write_report

    data = _report_data()
    # FileNotFoundError: .../qntrack/catalog/fr.toml (a web service's ?lang=fr).
    for lang in ("fr", "VI", "../en"):
        with pytest.raises(ValueError, match="en, vi"):
            render(data, "markdown", lang)
        with pytest.raises(ValueError, match="en, vi"):
            write_report(data, "markdown", lang, Path("review.md"))
    assert not Path("review.md").exists()
    # A problem shown in another language is shown in English, as a missing entry is.
    with pytest.raises(InputError) as caught:
        open_workspace("nope.yaml")
    assert caught.value.problems[0].text("fr") == caught.value.problems[0].text("en")


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="the umask is read from /proc on Linux")
def test_writing_never_sets_the_process_umask(shipped: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``os.umask(0)`` then back, to read it, left every other thread of the caller's
    process (a web service) creating files writable by everyone in between."""
    import os

    from qntrack.cli.export_opensdg import export_opensdg
    from qntrack.output.report import write_report

    before = os.umask(0o027)
    try:
        set_to: list[int] = []
        real = os.umask

        def umask(mask: int) -> int:
            set_to.append(mask)
            return real(mask)

        monkeypatch.setattr(os, "umask", umask)
        write_report(_report_data(), "json", "en", Path("review.json"))
        export_opensdg("targets.yaml", "site", as_of=DAY)
        assert set_to == []
        assert Path("review.json").stat().st_mode & 0o777 == 0o640
        assert Path("site").stat().st_mode & 0o777 == 0o750
    finally:
        monkeypatch.undo()
        os.umask(before)


def test_a_whole_round_from_python_leaves_the_process_as_it_found_it(shipped: Path) -> None:
    """What docs/architecture.md promises a caller: nothing printed, no exit, no global
    setting changed, no thread or descriptor left open, after a success or an error."""
    import contextlib
    import io
    import locale
    import logging
    import os
    import signal
    import sys
    import threading
    import warnings

    from qntrack.cli.export_opensdg import export_opensdg
    from qntrack.files.checks import run_checks
    from qntrack.files.recording import record_many
    from qntrack.kinds import assess
    from qntrack.output.report import write_report
    from qntrack.plan.model import Location

    def state() -> tuple[object, ...]:
        return (
            sorted(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else None,
            threading.enumerate(),
            signal.getsignal(signal.SIGINT),
            signal.getsignal(signal.SIGTERM),
            locale.setlocale(locale.LC_ALL),
            dict(os.environ),
            os.getcwd(),
            list(logging.getLogger().handlers),
            list(warnings.filters),
            sys.getrecursionlimit(),
        )

    before = state()
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        ws = open_workspace(Path("targets.yaml"), as_of=date(2025, 12, 31))
        assess(ws.plan, ws.series, None, DAY)
        run_checks("targets.yaml", as_of=DAY)
        row = {"indicator": "grdp_growth", "period": "2026-Q1", "value": "7.1"}
        record_many("targets.yaml", [(Location("nb"), row)], undated="2026-04-20T00:00:00Z")
        with pytest.raises(InputError):
            record_many("targets.yaml", [(Location("nb"), {**row, "indicator": "nope"})])
        write_report(_report_data(), "markdown", "vi", "review.md")
        export_opensdg("targets.yaml", "site", as_of=DAY)
    assert (out.getvalue(), err.getvalue()) == ("", "")
    assert state() == before


def test_a_document_given_its_day_as_a_date_is_the_commands_json(shipped: Path) -> None:
    import json

    from qntrack.files.checks import run_checks
    from qntrack.kinds import assess
    from qntrack.output.documents import check_document, history_document, observations_document
    from qntrack.output.formats import status_document

    ws = open_workspace("targets.yaml", as_of=DAY)
    found = assess(ws.plan, ws.series, None, DAY)
    day = date(2025, 12, 31)
    rows = ws.store.observations[:2]
    # The date stood in the dict as it was given: json.dumps refused it ("Object of type
    # date is not JSON serializable"), and the dict was not the command's.
    pairs = [
        (status_document(found, day, "t"), status_document(found, DAY, "t")),
        (observations_document(rows, as_of=day), observations_document(rows, as_of=DAY)),
        (
            check_document(["stale"], run_checks("targets.yaml", as_of=day), as_of=day),
            check_document(["stale"], run_checks("targets.yaml", as_of=DAY), as_of=DAY),
        ),
        (history_document("fdi", [], as_of=day), history_document("fdi", [], as_of=DAY)),
    ]
    for given, expected in pairs:
        assert given == expected and json.loads(json.dumps(given)) == expected


def test_reading_a_workbook_leaves_the_warnings_filters_alone(shipped: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``warnings.catch_warnings`` swaps the process's filters: two threads of a web
    service importing workbooks at once could leave "ignore every warning" behind for
    good (one restores what the other had set). The command line silences openpyxl's
    warnings around each command instead (cli/app.py)."""
    import warnings

    import openpyxl

    from qntrack.files import workbooks
    from qntrack.files.importing import import_observations

    book = openpyxl.Workbook()
    for row in (["indicator", "period", "value"], ["grdp_growth", "2026-Q1", 7.5]):
        book.active.append(row)  # type: ignore[union-attr]
    book.save("in.xlsx")
    before = list(warnings.filters)
    seen: list[object] = []
    read = workbooks._read_sheet

    def reading(*args: object, **kwargs: object) -> object:
        seen.append(list(warnings.filters))
        return read(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(workbooks, "_read_sheet", reading)
    done = import_observations(Path("targets.yaml"), Path("in.xlsx"), dry_run=True)
    assert len(done.rows) == 1
    assert seen == [before] and list(warnings.filters) == before
