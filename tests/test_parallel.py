"""Parsing a large plan in a forked child (parallel.py) changes nothing but the time taken.

Each test lowers the size from which the child is used, so that small files take the
parallel path, and compares what open_workspace gives (or the error it raises) with the
plain path (QNTRACK_NO_PARALLEL=1) on the same files.
"""

from __future__ import annotations

import errno
import os
import shutil
import sys
from pathlib import Path

import pytest

from qntrack import parallel
from qntrack.errors import InputError
from qntrack.parallel import guess_store_name, start_plan
from qntrack.files.workspace import open_workspace

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import generate  # noqa: E402

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux") or (os.cpu_count() or 1) < 2,
                                reason="the child is used only on Linux with two cores or more")


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("national")
    generate.generate(folder, provinces=2, indicators=40, years=3, seed=11, revisions=0.05)
    return folder


@pytest.fixture
def plan(dataset: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("targets.yaml", "observations.csv"):
        shutil.copyfile(dataset / name, tmp_path / name)
    monkeypatch.delenv("QNTRACK_NO_PARALLEL", raising=False)
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 0)
    return tmp_path / "targets.yaml"


def plain(plan: Path, monkeypatch: pytest.MonkeyPatch):
    with monkeypatch.context() as m:
        m.setenv("QNTRACK_NO_PARALLEL", "1")
        return open_workspace(str(plan))


def error_text(call) -> str:
    with pytest.raises(InputError) as caught:
        call()
    return "\n".join(str(p) for p in caught.value.problems) + f"|{int(caught.value.code)}"


def same_workspace(a, b) -> None:
    assert a.plan == b.plan
    assert a.store_path == b.store_path
    assert a.store.observations == b.store.observations
    assert a.series == b.series


# --- the guess at the store's name ------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    (b"title: x\nobservations: figures.csv\nindicators: {}\n", "figures.csv"),
    (b"observations: data/obs.csv   # where the figures are\n", "data/obs.csv"),
    (b"observations: obs.csv\r\ntargets: []\r\n", "obs.csv"),
    (b"observations: 'quoted.csv'\n", "observations.csv"),  # quoted: not followed, default guessed
    (b"indicators:\n  observations: nested.csv\n", "observations.csv"),  # not top level
    (b"title: no store named\n", "observations.csv"),
    ("observations: số liệu.csv\n".encode(), "số liệu.csv"),
])
def test_guess_store_name(text: bytes, expected: str) -> None:
    assert guess_store_name(text) == expected


# --- when the child is used --------------------------------------------------------------------


def test_a_small_plan_is_parsed_in_this_process(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "PARALLEL_FROM", plan.stat().st_size + 1)
    assert start_plan(plan) is None


def test_turned_off_by_the_environment(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QNTRACK_NO_PARALLEL", "1")
    assert start_plan(plan) is None


def test_an_unreadable_plan_is_left_to_the_plain_path(tmp_path: Path) -> None:
    assert start_plan(tmp_path / "missing.yaml") is None


# --- same result --------------------------------------------------------------------------------


def test_same_workspace_as_the_plain_path(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    job = start_plan(plan)
    assert job is not None  # the child really is used here
    job.plan()
    job.close()
    same_workspace(open_workspace(str(plan)), plain(plan, monkeypatch))


def test_a_wrong_guess_reads_the_right_store(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A quoted name is not followed by the guess: the default file is read first, then the
    # one the plan names.
    folder = plan.parent
    (folder / "data").mkdir()
    shutil.move(folder / "observations.csv", folder / "data" / "figures.csv")
    (folder / "observations.csv").write_text("indicator,period,value,status,source,note,recorded_at\n", encoding="utf-8")
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("observations: observations.csv", 'observations: "data/figures.csv"'), encoding="utf-8")
    assert guess_store_name(plan.read_bytes()) == "observations.csv"
    ws = open_workspace(str(plan))
    assert ws.store_path == folder / "data" / "figures.csv"
    assert len(ws.store.observations) > 100
    same_workspace(ws, plain(plan, monkeypatch))


def test_a_missing_store_is_an_empty_store(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (plan.parent / "observations.csv").unlink()
    ws = open_workspace(str(plan))
    assert ws.store.observations == ()
    same_workspace(ws, plain(plan, monkeypatch))


# --- same errors ----------------------------------------------------------------------------------


def test_an_invalid_plan_gives_the_same_messages(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("direction: increase", "direction: upwards", 2), encoding="utf-8")
    parallel_error = error_text(lambda: open_workspace(str(plan)))
    assert "upwards" in parallel_error
    assert parallel_error == error_text(lambda: plain(plan, monkeypatch))


def test_a_plan_that_is_not_yaml_gives_the_same_message(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with open(plan, "a", encoding="utf-8") as fh:
        fh.write("  - [unclosed\n")
    parallel_error = error_text(lambda: open_workspace(str(plan)))
    assert parallel_error == error_text(lambda: plain(plan, monkeypatch))


def test_plan_problems_come_before_store_problems(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("direction: increase", "direction: upwards", 1), encoding="utf-8")
    with open(plan.parent / "observations.csv", "a", encoding="utf-8") as fh:
        fh.write("nope,2020,not a number,,x,,2024-01-01T00:00:00Z\n")
    parallel_error = error_text(lambda: open_workspace(str(plan)))
    assert "upwards" in parallel_error and "not a number" not in parallel_error
    assert parallel_error == error_text(lambda: plain(plan, monkeypatch))


def test_store_problems_are_reported_as_before(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with open(plan.parent / "observations.csv", "a", encoding="utf-8") as fh:
        fh.write("nope,2020,not a number,,x,,2024-01-01T00:00:00Z\n")
    parallel_error = error_text(lambda: open_workspace(str(plan)))
    assert "not a number" in parallel_error
    assert parallel_error == error_text(lambda: plain(plan, monkeypatch))


def test_a_store_that_is_a_folder_is_reported_as_before(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (plan.parent / "observations.csv").unlink()
    (plan.parent / "observations.csv").mkdir()
    parallel_error = error_text(lambda: open_workspace(str(plan)))
    assert "points at a directory" in parallel_error
    assert parallel_error == error_text(lambda: plain(plan, monkeypatch))


# --- check reads the plan the same way -------------------------------------------------------


def check_report(plan: Path) -> list[str]:
    from qntrack.files.checks import run_checks

    return [f"{p.check} {p}" for p in run_checks(str(plan))]


@pytest.mark.parametrize("damage", ["none", "bad plan", "not yaml", "bad row", "wrong guess", "folder", "torn"])
def test_check_reports_the_same_through_the_child(plan: Path, monkeypatch: pytest.MonkeyPatch, damage: str) -> None:
    folder = plan.parent
    text = plan.read_text(encoding="utf-8")
    if damage == "bad plan":
        plan.write_text(text.replace("direction: increase", "direction: upwards", 1), encoding="utf-8")
    elif damage == "not yaml":
        plan.write_text(text + "  - [unclosed\n", encoding="utf-8")
    elif damage == "bad row":
        with open(folder / "observations.csv", "a", encoding="utf-8") as fh:
            fh.write("nope,2020,not a number,,x,,2024-01-01T00:00:00Z\n")
    elif damage == "wrong guess":
        shutil.move(folder / "observations.csv", folder / "figures.csv")
        (folder / "observations.csv").write_text("indicator,period,value,status,source,note,recorded_at\n",
                                                 encoding="utf-8")
        plan.write_text(text.replace("observations: observations.csv", 'observations: "figures.csv"'), encoding="utf-8")
    elif damage == "folder":
        (folder / "observations.csv").unlink()
        (folder / "observations.csv").mkdir()
    elif damage == "torn":
        with open(folder / "observations.csv", "a", encoding="utf-8") as fh:
            fh.write("grdp_growth_total_p01,2031,1")
    job = start_plan(plan)
    assert job is not None  # the child really is used here
    job.close()
    through_child = check_report(plan)
    with monkeypatch.context() as m:
        m.setenv("QNTRACK_NO_PARALLEL", "1")
        assert through_child == check_report(plan)
    expected = {"none": None, "bad plan": "syntax", "not yaml": "syntax", "bad row": "store",
                "wrong guess": None, "folder": "store", "torn": "torn-line"}[damage]
    if expected:
        assert any(line.startswith(expected + " ") for line in through_child), through_child


# --- a child that fails is not trusted ----------------------------------------------------------


def test_a_child_that_dies_means_parsing_here(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "_child", lambda path, ready, answer, message, follow_up: os._exit(1))
    same_workspace(open_workspace(str(plan)), plain(plan, monkeypatch))


def test_a_garbled_answer_means_parsing_here(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def garble(path: Path, ready: int, answer: int, message: int, follow_up) -> None:
        os.write(answer, b"\x80\x05not a pickle")
        os.write(ready, b"P")
        os._exit(0)

    monkeypatch.setattr(parallel, "_child", garble)
    same_workspace(open_workspace(str(plan)), plain(plan, monkeypatch))


def test_an_unexpected_answer_means_parsing_here(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pickle

    def odd(path: Path, ready: int, answer: int, message: int, follow_up) -> None:
        os.write(answer, pickle.dumps(("something else", 42)))
        os.write(ready, b"P")
        os._exit(0)

    monkeypatch.setattr(parallel, "_child", odd)
    same_workspace(open_workspace(str(plan)), plain(plan, monkeypatch))


def _no_process(*args, **kwargs):
    raise OSError(errno.EAGAIN, "Resource temporarily unavailable")


def _no_more_files(*args, **kwargs):
    raise OSError(errno.EMFILE, "Too many open files")


@pytest.mark.parametrize("call, refusal", [("fork", _no_process), ("pipe", _no_more_files),
                                           ("memfd_create", _no_more_files)], ids=["fork", "pipe", "memfd"])
def test_no_child_to_be_had_means_parsing_here(plan: Path, monkeypatch: pytest.MonkeyPatch, call: str,
                                               refusal) -> None:
    # On a machine under heavy load fork() fails with EAGAIN or ENOMEM and pipe() with
    # EMFILE; a second core is a speed-up, never a condition (parallel.py).
    opened = len(os.listdir("/proc/self/fd"))
    monkeypatch.setattr(os, call, refusal)
    assert start_plan(plan) is None
    assert len(os.listdir("/proc/self/fd")) == opened  # no pipe left open
    same_workspace(open_workspace(str(plan)), plain(plan, monkeypatch))


@pytest.mark.parametrize("call, refusal", [("fork", _no_process), ("pipe", _no_more_files)], ids=["fork", "pipe"])
def test_no_child_to_be_had_beside_means_no_answer(monkeypatch: pytest.MonkeyPatch, call: str, refusal) -> None:
    opened = len(os.listdir("/proc/self/fd"))
    monkeypatch.setattr(os, call, refusal)
    assert parallel.beside(lambda: b"never")() is None  # the caller does that share itself
    assert len(os.listdir("/proc/self/fd")) == opened


def test_no_child_is_left_behind(plan: Path) -> None:
    job = start_plan(plan)
    assert job is not None
    job.plan()
    job.close()
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)


def busy(plan, message: bytes) -> bytes:
    import time

    time.sleep(600)
    return b"never"


def test_closing_stops_a_child_still_at_work(plan: Path) -> None:
    """An error found here must not wait for a follow-up nobody will read."""
    import signal

    job = start_plan(plan, follow_up=busy)
    assert job is not None
    job.send(b"go")
    job.plan()
    signal.alarm(60)  # a hang fails the test rather than the whole run
    try:
        job.close()
    finally:
        signal.alarm(0)
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)
    assert job.follow_up() is None


def test_a_follow_up_answers_through_the_pipe(plan: Path) -> None:
    job = start_plan(plan, follow_up=lambda p, message: message[::-1] + str(len(p.targets)).encode())
    assert job is not None
    job.send(b"abc")
    count = len(job.plan().targets)
    assert job.follow_up() == b"cba" + str(count).encode()


def test_no_message_means_no_follow_up(plan: Path) -> None:
    job = start_plan(plan, follow_up=busy)
    assert job is not None
    job.plan()
    assert job.follow_up() is None  # the message pipe closed: the child stops at once
