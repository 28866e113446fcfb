"""Helpers the test files share (fixtures live in conftest.py): running qntrack in this
process, reading the store back, building series and reading a plan's problems.

Imported as ``from helpers import ...``; pytest puts tests/ on sys.path for conftest.py.
"""

from __future__ import annotations

import contextlib
import json
import os
import pty
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from conftest import dedent
from qntrack.cli import app
from qntrack.files.definitions import parse_plan
from qntrack.errors import InputError
from qntrack.plan.model import Observation
from qntrack.plan.periods import parse_period

runner = CliRunner()


def run(*args: str, input: str | bytes | None = None, env: Mapping[str, str] | None = None) -> Result:
    """qntrack with ``args`` through Typer's runner, in the current directory."""
    return runner.invoke(app, list(args), input=input, env=env)


def run_clean(*args: str, input: str | bytes | None = None, env: Mapping[str, str] | None = None) -> Result:
    """``run``, failing the test if qntrack ended any way but by an exit code."""
    r = run(*args, input=input, env=env)
    # Never a traceback: the only way out is an exit code.
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
    assert "Traceback" not in r.output
    return r


def run_bounded(*args: str, seconds: float = 10) -> Result:
    """``run_clean``, failing the test if qntrack has not ended within ``seconds``: opening a
    FIFO waits for a writer that never comes, and a hang must be a failed test, not a stuck
    suite. The alarm interrupts even a blocked open(); its handler's exception is not one
    the runner catches."""

    def hung(signum: int, frame: object) -> None:
        pytest.fail(f"qntrack {' '.join(args)} still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return run_clean(*args)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def json_of(*args: str) -> dict:
    """The JSON document qntrack ``args`` prints; the command must succeed."""
    r = run(*args)
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)


def store_text(folder: Path) -> str:
    """The store (observations.csv) in ``folder``, as text."""
    return (folder / "observations.csv").read_text(encoding="utf-8")


def store_bytes(folder: Path) -> bytes:
    """The store (observations.csv) in ``folder``, byte for byte."""
    return (folder / "observations.csv").read_bytes()


def stored_cells(folder: Path, width: int = 3) -> list[list[str]]:
    """The store's rows in ``folder`` as their first ``width`` cells (indicator, period,
    value, status...), split at commas: for stores whose cells hold none."""
    return [line.split(",")[:width] for line in store_text(folder).splitlines()[1:]]


def large_quarters(indicator: str) -> str:
    """2,100 rows of quarters (1400-Q1 to 1924-Q4) for ``indicator``, each with a note of
    480 characters, as a statistics office's export may carry: more than a megabyte, the
    size from which a long command shows what it does on a terminal (cli/waiting.py)."""
    note = "n" * 480
    return "".join(
        f"{indicator},{year}-Q{q},5.5,official,yearbook,{note},2026-01-01T00:00:00Z\n"
        for year in range(1400, 1925)
        for q in range(1, 5)
    )


def last_row(folder: Path) -> str:
    """The last line of the store in ``folder``, without its newline."""
    return store_text(folder).splitlines()[-1]


def series(indicator: str, *pairs: tuple[str, float]) -> list[Observation]:
    """Observations of ``indicator`` from (period, value) pairs, in period order."""
    return sorted((Observation(indicator, parse_period(p), v) for p, v in pairs), key=lambda o: o.period.sort_key)


def plan_problems(text: str) -> list[str]:
    """What parse_plan refuses ``text`` (read as targets.yaml) for, one line a problem."""
    with pytest.raises(InputError) as err:
        parse_plan(text, "targets.yaml")
    return [str(p) for p in err.value.problems]


def problems(text: str) -> list[str]:
    """``plan_problems`` of an indented triple-quoted plan."""
    return plan_problems(dedent(text))


def on_a_terminal(cwd: Path, *args: str) -> tuple[int, str]:
    """qntrack ``args`` run as a process whose standard output is a pseudo-terminal, as a
    person at a terminal runs it: its exit code and what it said on stderr."""
    import os
    import pty
    import sys

    leader, follower = pty.openpty()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "qntrack", *args],
            stdout=follower,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            cwd=cwd,
            timeout=120,
        )
    finally:
        os.close(follower)
        os.close(leader)
    return proc.returncode, proc.stderr.decode()


def refused_here(*args: str) -> str:
    """The messages of a command run in the current folder that must be refused as invalid
    input: exit 1 (README's code) and the store left byte for byte as it was."""
    before = Path("observations.csv").read_bytes()
    r = run_clean(*args)
    assert r.exit_code == 1, r.output
    assert Path("observations.csv").read_bytes() == before  # nothing written on a refusal
    return r.stderr


def made_once(factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """``make(path)`` run once for the whole test session, whichever worker asks first:
    pytest-xdist's workers share the parent of their temporary folders, and a lock there
    lets the others wait for the file rather than lay out the same report again (a PDF or
    Word report of the shipped plan takes seconds). Without xdist, simply made once."""
    from filelock import FileLock

    base = factory.getbasetemp()
    shared = base.parent if base.name.startswith("popen-gw") else base
    path = shared / name
    with FileLock(str(path) + ".lock"):
        if not path.exists():
            made = path.with_name(path.name + ".part")
            make(made)
            made.replace(path)
    return path


SHIPPED_DAY = "2026-12-01"


def shipped_report(factory: pytest.TempPathFactory, fmt: str, lang: str, *extra: str) -> Path:
    """The shipped plan's report in ``fmt`` and ``lang`` as of SHIPPED_DAY (``extra``: more
    options), written once a session whichever test file asks first: the Word report of
    the shipped plan takes seconds, and five files read the same one."""
    from conftest import ROOT

    def make(out: Path) -> None:
        args = ["report", "--format", fmt, "--lang", lang, "--as-of", SHIPPED_DAY, *extra]
        with pytest.MonkeyPatch.context() as mp:
            for name in [n for n in os.environ if n.startswith("QNTRACK_")]:
                mp.delenv(name)
            r = run_clean(*args, "--targets", str(ROOT / "targets.yaml"), "-o", str(out))
        assert r.exit_code == 0, r.output

    suffix = {"markdown": "md"}.get(fmt, fmt)
    return made_once(factory, "shipped-" + "-".join([lang, *extra]).replace("/", "_") + f".{suffix}", make)


def read_terminal(leader: int, proc: subprocess.Popen[bytes]) -> bytes:
    """Everything a pseudo-terminal's leader is sent until ``proc`` has exited and its
    output is drained. The caller keeps its copy of the follower open until this returns:
    when the last follower closes, Linux answers the leader with EIO and may drop what was
    not yet read (a table cut in the middle of a letter, seen under load)."""
    import select

    chunks = []
    while True:
        ready, _, _ = select.select([leader], [], [], 0.05)
        if ready:
            try:
                data = os.read(leader, 65536)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
        elif proc.poll() is not None:
            break  # exited, and nothing more came in 50 ms
    return b"".join(chunks)


def stderr_on_a_terminal(*args: str, cwd: Path | None = None, env: Mapping[str, str] | None = None) -> tuple[int, str]:
    """``qntrack ARGS`` run with its standard error on a pseudo-terminal (standard output
    and input closed off): its exit code and what the terminal was sent. The terminal is
    read while the command runs: a progress line no one reads would block it."""
    import sys

    leader, follower = pty.openpty()
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "qntrack", *args],
            cwd=cwd,
            env=None if env is None else {**os.environ, **env},
            stdout=subprocess.DEVNULL,
            stderr=follower,
            stdin=subprocess.DEVNULL,
        )
        said = read_terminal(leader, proc)  # read while it runs: a progress line no one reads would block it
        code = proc.wait(timeout=120)
    finally:
        os.close(follower)
        os.close(leader)
    return code, said.decode(errors="replace")


def write_repository(root: Path, files: Mapping[str, str]) -> Path:
    """A folder of text files (an Open SDG repository's, say), each dedented, its folders
    made: ``{"data/indicator_1-1-1.csv": "Year,Value\\n..."}``."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dedent(text), encoding="utf-8")
    return root


# Runs `qntrack add-observation --from FILE` with os.write slowed: after its second chunk of
# the store it says so in a marker file and waits, to be stopped there (killed, or sent a
# signal). The chunks are made 16 KiB rather than 1 MiB, so that a batch of a few thousand
# rows is written in many. Used by test_write_side.py and test_cron22.py.
PAUSED_IMPORT = r"""
import os, sys, time
from pathlib import Path

import qntrack.files.appending

qntrack.files.appending._WRITE = 1 << 14
marker = Path(sys.argv[1])
real = os.write
chunks = []

def write(fd, data):
    n = real(fd, data)
    if len(data) >= 1 << 13:
        chunks.append(n)
        if len(chunks) == 2:
            marker.touch()
            time.sleep(600)
    return n

os.write = write
sys.argv = ["qntrack", "add-observation", "--from", sys.argv[2]]
from qntrack.cli import main
main()
"""


@contextlib.contextmanager
def lock_held_by_another_process(lock: Path) -> Iterator[None]:
    """``lock`` (a store's ``.lock`` file) held by a second Python process for the block,
    as another qntrack writing would hold it; released when the block ends."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, filelock\nwith filelock.FileLock(sys.argv[1]):\n print('held', flush=True); sys.stdin.read()",
            str(lock),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        yield
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)


def warm_and_cold_targets(*args: str) -> dict:
    """The JSON ``status`` prints through the cache (twice: built, then served) and cold;
    all three must be the same, byte for byte, stderr too. The targets by id."""
    outs = [run("status", "--format", "json", *args, env=env) for env in ({}, {}, {"QNTRACK_NO_CACHE": "1"})]
    for r in outs:
        assert r.exit_code == 0, r.stderr
    assert outs[0].stdout == outs[1].stdout == outs[2].stdout
    assert outs[0].stderr == outs[1].stderr == outs[2].stderr
    return {t["id"]: t for t in json.loads(outs[0].stdout)["targets"]}


def shown(target: str, *args: str) -> str:
    """``show TARGET`` at 200 columns, its words joined by single spaces."""
    r = run("show", target, *args, env={"COLUMNS": "200"})
    assert r.exit_code == 0, r.stderr
    return " ".join(r.stdout.split())


def since_row(lang: str, indicator: str = "grdp_growth", since: str = "2026-04-25", as_of: str = "2026-06-01") -> str:
    """The one row of ``indicator`` in the Markdown report's "since the last review" table."""
    r = run_clean("--lang", lang, "report", "--format", "markdown", "--since", since, "--as-of", as_of)
    assert r.exit_code == 0, r.output
    name = indicator.replace("_", "\\_")
    rows = [line for line in r.stdout.splitlines() if line.startswith("| ") and f"({name})" in line]
    assert len(rows) == 1, rows
    return rows[0]


def zone_left_out(folder: Path) -> None:
    """The shipped plan names timezone: +07:00 since the thirty-eighth session, which reads a
    moment typed without its zone as Việt Nam's; a test of the words said to a plan that
    names no zone takes the line out of its copy (``folder``'s targets.yaml)."""
    plan = folder / "targets.yaml"
    lines = plan.read_text(encoding="utf-8").splitlines(keepends=True)
    plan.write_text("".join(line for line in lines if not line.startswith("timezone:")), encoding="utf-8")
