"""Issue 17, forty-seventh session, helper T: terminals, encodings and locales, read by a
hostile tester (narrow and wide terminals, pipes, legacy encodings, Ctrl-C). Each test
written failing first; expected values worked by hand, never copied from qntrack's output."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" viewBox="0 0 40 20">'
    '<rect x="0" y="0" width="{w}" height="20" fill="#336699"/></svg>'
)


def test_ctrl_c_while_a_word_chart_is_drawn_is_ctrl_c_not_a_cairo_error() -> None:
    """`report -o r.docx` stopped by Ctrl-C while cairo wrote a chart's PNG printed
    "Exception ignored from cffi callback" with a KeyboardInterrupt traceback, then
    "qntrack: error: cannot go on: 11" and exit 1: cffi swallows an exception raised in its
    callback and cairo returns its write error (status 11). Ctrl-C now reaches the command
    as Ctrl-C (exit 130, "interrupted"). Run in a child process of its own: signals are
    held on the main thread only, and a pytest-xdist worker may run tests on another."""
    pytest.importorskip("cairosvg")
    child = f"""
import io, os, signal, sys, types
import cairosvg.surface
from qntrack.output import chart_images

class Interrupted(io.BytesIO):
    sent = False
    def write(self, data):
        if not Interrupted.sent:  # Ctrl-C pressed while cairo hands over the PNG
            Interrupted.sent = True
            os.kill(os.getpid(), signal.SIGINT)
        return super().write(data)

cairosvg.surface.io = types.SimpleNamespace(BytesIO=Interrupted)
try:
    chart_images.png_of({_SVG.format(w=17)!r}, 20.0)
except KeyboardInterrupt:
    print("interrupted", Interrupted.sent)
    sys.exit(0)
print("not interrupted", Interrupted.sent)
sys.exit(1)
"""
    done = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stdout.strip()) == (0, "interrupted True"), done.stdout + done.stderr
    assert "Exception ignored" not in done.stderr, done.stderr


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("columns", [20, 40, 58])
def test_check_list_on_a_narrow_terminal_keeps_its_lines_within_the_terminal(
    tracker: object, monkeypatch: pytest.MonkeyPatch, lang: str, columns: int
) -> None:
    """`check --list` at a terminal narrower than 59 columns printed each rule whole on the
    line after its name, severity and when (the rule's column, 39 columns in, left under 20
    to wrap in), lines of up to 330 characters that the terminal folded at 40 wherever it
    fell: "targets.yaml follows" was cut "t" / "argets.yaml". Now each check is a block, its
    rule wrapped to the terminal under it; every word kept, in order."""
    import qntrack.cli.checking as cli
    from helpers import run_clean

    piped = run_clean("check", "--list", "--lang", lang).stdout
    monkeypatch.setattr(cli, "_terminal_columns", lambda: columns)
    shown = run_clean("check", "--list", "--lang", lang).stdout
    lines = shown.splitlines()
    assert max(len(line) for line in lines) <= columns, max(lines, key=len)
    assert shown.split() == piped.split()  # the same words, the same order
    from qntrack.files.checks import CHECKS

    # each check's name leads a line of its own block, at the left edge
    leading = [line.split()[0] for line in lines if line and not line.startswith(" ")]
    assert leading == [c.name for c in CHECKS]


def _stdout_on_a_terminal(cwd: object, env: dict[str, str], *args: str) -> tuple[int, bytes]:
    """``qntrack ARGS`` with its standard output on a pseudo-terminal: exit code, bytes sent."""
    import pty
    import subprocess
    import sys

    from helpers import read_terminal

    leader, follower = pty.openpty()
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "qntrack", *args],
            cwd=cwd,  # type: ignore[arg-type]
            env={**os.environ, **env},
            stdout=follower,
            stderr=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
        )
        sent = read_terminal(leader, proc)
        code = proc.wait(timeout=120)
    finally:
        os.close(follower)
        os.close(leader)
    return code, sent


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
def test_a_wide_sign_a_terminal_cannot_show_keeps_the_table_s_columns(shipped: object, encoding: str) -> None:
    """On a terminal in cp1252 (PYTHONIOENCODING set by a Windows profile or an IDE), the
    status table's "⌛ awaiting figure" rows were a column short: Rich lays '⌛' out two
    columns wide (East Asian Wide), the terminal's stream wrote it as one '?', and every
    cell after it on that line moved left, the right border out of line. A sign lost so is
    now written as one '?' a column it takes: each line of the table as wide as its border."""
    code, sent = _stdout_on_a_terminal(
        shipped,
        {"PYTHONIOENCODING": encoding, "COLUMNS": "100", "TERM": "dumb", "QNTRACK_LANG": "en", "NO_COLOR": "1"},
        "status",
        "--as-of",
        "2026-12-01",
    )
    assert code == 0
    lines = sent.decode(encoding, errors="strict").replace("\r\n", "\n").splitlines()
    awaiting = [line for line in lines if "awaiting figure" in line]
    assert awaiting, "\n".join(lines)  # the rows this is about are there
    border = next(line for line in lines if line.strip().startswith("+-"))
    framed = [line for line in lines if line.strip()[:1] in ("|", "+")]
    assert len(framed) > 20
    for line in framed:
        assert len(line) == len(border), line


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("columns", [20, 30, 40])
def test_a_report_s_progress_on_a_narrow_terminal_never_cuts_its_count(
    monkeypatch: pytest.MonkeyPatch, lang: str, columns: int
) -> None:
    """`report` of a plan of 1,620 targets at a 40-column terminal showed its progress as
    "Đang viết báo cáo ━━━━━━ 1620/… 0:00:…": the count and the time left cut, a figure
    shown wrong. The count is a figure: whole at any width the tables are drawn at (20
    and up), the bar, the time left and the spinner giving way first, the words wrapping."""
    import re
    import sys

    from qntrack.cli import report as report_cli
    from qntrack.output.report_view import SECTION_DONE

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    monkeypatch.setenv("COLUMNS", str(columns))
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    with report_cli._progress(1620, lang):
        tick = SECTION_DONE.get()
        assert tick is not None
        tick(1305, 1620)
    drawn = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen.getvalue())
    lines = [line for line in re.split(r"[\r\n]", drawn) if line.strip()]
    assert lines, screen.getvalue()
    assert "…" not in drawn, lines
    assert any("1305/1620" in line for line in lines), lines
    assert max(len(line) for line in lines) <= columns, lines


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("columns", [20, 24, 30])
def test_show_on_a_narrow_terminal_cuts_no_figure_label_or_mark(
    shipped: object, monkeypatch: pytest.MonkeyPatch, lang: str, columns: int
) -> None:
    """`show grdp-double-digit` at a 20-column terminal printed its table of years as
    "Pe…  Val…  Pa…" over "20…  10.…  ✓": the period, the figure and their headings cut,
    and its facts as "Indicat…", "Directi…", "[grdp_gro…"; at 30 columns 2023's revision
    mark "[1]" was cut to "[…", naming no note. Below the width a table holds, each row is
    now a block of "Heading: value" lines, as the observations under it already were."""
    from helpers import run_clean

    monkeypatch.setenv("COLUMNS", str(columns))
    r = run_clean("--lang", lang, "show", "grdp-double-digit", "--as-of", "2026-12-01")
    assert r.exit_code == 0, r.stderr
    lines = r.stdout.splitlines()
    assert "…" not in r.stdout, "\n".join(line for line in lines if "…" in line)
    assert max(len(line) for line in lines) <= columns, max(lines, key=len)
    # The years' figures of observations.csv, whole: 10.28 (2022), 11.03 (2023, which
    # revised 11.02: marked [1]), 8.42 (2024); in Vietnamese with a decimal comma.
    text = r.stdout if lang == "en" else r.stdout.replace(",", ".")
    for figure in ("10.28%", "11.03%", "8.42%", "[1]", "grdp_growth"):
        assert figure in text, figure


@pytest.mark.parametrize("columns", [22, 24, 26])
def test_show_s_key_figures_on_a_narrow_terminal_keep_passed_and_failed_whole(
    shipped: object, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    """`--lang vi show grdp-double-digit` at 24 columns printed "Đạt / không đạt  10 /": the
    key figures' grid, its label column at least 18 wide, was wider than the terminal and
    its lines were cropped at the edge, with no mark; 10 years passed, 1 failed (2024's
    8.42 under 10, 2015-2025 in observations.csv) read as "10 /". Each figure whole."""
    from helpers import run_clean

    monkeypatch.setenv("COLUMNS", str(columns))
    r = run_clean("--lang", "vi", "show", "grdp-double-digit", "--as-of", "2026-12-01")
    assert r.exit_code == 0, r.stderr
    lines = r.stdout.splitlines()
    at = next(k for k, line in enumerate(lines) if line.startswith("Đạt / không đạt"))
    said = " ".join(line.strip() for line in lines[at : at + 2])  # wrapped, never cropped
    assert "10 / 1" in said, lines[at : at + 2]


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_writer_waiting_for_another_s_lock_says_so_on_a_terminal(
    tracker: object, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """`add-observation` while another qntrack held the store's lock said nothing on the
    officer's terminal for up to 30 seconds (QNTRACK_LOCK_TIMEOUT's default), then "another
    qntrack process holds the lock ... (waited 30 s)": a command that seemed to hang. It
    now says at once, on a terminal, that it waits for the other process and how long at
    most; the refusal after it as before (exit 75), nothing written."""
    from pathlib import Path

    from helpers import lock_held_by_another_process, stderr_on_a_terminal

    store = Path("observations.csv")
    before = store.read_bytes()
    with lock_held_by_another_process(Path("observations.csv.lock")):
        code, said = stderr_on_a_terminal(
            "--lang",
            lang,
            "add-observation",
            "share",
            "2024-Q3",
            "12.5",
            "--source",
            "s",
            cwd=Path.cwd(),
            env={"QNTRACK_LOCK_TIMEOUT": "1", "QNTRACK_LANG": ""},
        )
    assert code == 75, said
    lines = [line for line in said.replace("\r\n", "\n").splitlines() if line.strip()]
    assert len(lines) == 2, lines
    waiting = {"en": "waiting", "vi": "đang chờ"}[lang]
    assert waiting in lines[0] and "observations.csv.lock" in lines[0], lines[0]
    assert ("1 s" if lang == "en" else "1 giây") in lines[0], lines[0]
    assert store.read_bytes() == before


def test_a_writer_that_does_not_wait_says_nothing_of_waiting(tracker: object) -> None:
    """QNTRACK_LOCK_TIMEOUT=0 (do not wait) and a free lock: no word of waiting."""
    from pathlib import Path

    from helpers import stderr_on_a_terminal

    code, said = stderr_on_a_terminal(
        "add-observation", "share", "2024-Q3", "12.5", "--source", "s", cwd=Path.cwd(), env={"QNTRACK_LANG": "en"}
    )
    assert code == 0, said
    assert "waiting" not in said, said


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_pdf_refused_into_a_pipe_or_a_file_is_not_called_terminal_text(tracker: object, lang: str) -> None:
    """`qntrack report --format pdf > bao-cao.pdf` (or `| lp`) was refused with "a PDF
    report is a file, not terminal text": standard output was a file or a pipe, no
    terminal, and a user who had just redirected it was told, in effect, to redirect it.
    A PDF is never written to standard output (docs/decisions.md): the message says that,
    and -o, whatever standard output is."""
    from helpers import run

    r = run("--lang", lang, "report", "--format", "pdf")  # standard output: the runner's, no terminal
    assert r.exit_code == 2 and r.stdout == ""
    assert "not terminal text" not in r.stderr and "không phải văn bản để hiện" not in r.stderr, r.stderr
    assert ("standard output" if lang == "en" else "đầu ra chuẩn") in r.stderr, r.stderr
    assert ("-o report.pdf" if lang == "en" else "-o bao-cao.pdf") in r.stderr, r.stderr
