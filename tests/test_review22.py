"""Issue 17, twenty-second session: a hostile review of what the session merged
(docs/decisions.md, "Review of the twenty-second session's merged change")."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# `qntrack status` that sends itself SIGTERM at one moment of its start: {where} is
# patched to send it once, then to do what it does.
STOPPED_AT = r"""
import os, signal, sys
import qntrack.cli, qntrack.cli.app

module, name = {where!r}
owner = qntrack.cli if module == "cli" else sys.modules["qntrack.cli.app"]  # the module, not its app
real = getattr(owner, name)
sent = []

def patched(*a, **k):
    if not sent:
        sent.append(1)
        os.kill(os.getpid(), signal.SIGTERM)
    return real(*a, **k)

setattr(owner, name, patched)
sys.argv = ["qntrack", *{args!r}]
qntrack.cli.main()
"""


def _stopped_at(
    tracker: Path, where: tuple[str, str], args: tuple[str, ...] = ("status",)
) -> subprocess.CompletedProcess[str]:
    script = STOPPED_AT.replace("{where!r}", repr(where)).replace("{args!r}", repr(list(args)))
    return subprocess.run(
        [sys.executable, "-c", script], cwd=tracker, capture_output=True, text=True, encoding="utf-8", timeout=120
    )


def test_sigterm_while_the_command_is_chosen_is_said_and_exits_143(tracker: Path):
    """SIGTERM after main() installed its handler but before Typer runs (the command
    line's one command chosen, cli._asked_command): the Terminated it raised went up
    main() uncaught, a traceback and exit 1, where a cron script is told 143."""
    done = _stopped_at(tracker, ("cli", "_asked_command"))
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 143  # 128 + SIGTERM's 15, as docs/cli.md says
    assert done.stderr == "stopped (SIGTERM)\n"


def test_sigterm_before_typer_says_it_in_the_language_asked(tracker: Path):
    """`qntrack --lang vi status` stopped before Typer read --lang: said in English, where
    Ctrl-C at the same moment (console._interrupted) reads --lang from the command line."""
    done = _stopped_at(tracker, ("cli", "_asked_command"), ("--lang", "vi", "status"))
    assert done.returncode == 143
    assert done.stderr == "đã dừng (SIGTERM)\n"
    later = _stopped_at(tracker, ("app", "_kept_once"), ("status", "--lang=VI"))
    assert (later.returncode, later.stderr) == (143, "đã dừng (SIGTERM)\n")


def test_sigterm_while_typer_reads_the_command_line_exits_143_not_130(tracker: Path):
    """SIGTERM while Typer parses the command line (an option kept once, app._kept_once,
    before the command's own wrapper runs): Typer turned the Terminated, a
    KeyboardInterrupt, into Ctrl-C's exit 130 and said nothing."""
    done = _stopped_at(tracker, ("app", "_kept_once"))
    assert done.returncode == 143, (done.returncode, done.stderr)
    assert done.stderr == "stopped (SIGTERM)\n"


# --- Open SDG: a disaggregation legitimately numbered is no index --------------------------


def test_a_numbered_breakdown_of_one_year_is_imported_not_refused_as_row_numbers(tmp_path: Path):
    """An income quintile (1 to 5) of one year, after Year as a breakdown is: its cells are
    1, 2, 3, 4, 5 on the five rows, as an index's would be, and the import refused the
    file ('holds the rows' numbers'). Told apart: without an index column the rows are
    still one figure each (the file it was added to was valid), without the quintile the
    five rows are five figures for 2020's total (by hand: the keys (2020), five times)."""
    from helpers import run_clean, write_repository

    files = {
        "data/indicator_1-1-1.csv": "Year,Income quintile,Value\n2020,1,30\n2020,2,18\n2020,3,9\n2020,4,4\n2020,5,1\n",
        "meta/1-1-1.md": "---\nindicator_name: Poverty rate\n---\n",
    }
    repo = write_repository(tmp_path / "repo", files)
    done = run_clean("import", "opensdg", str(repo), "--into", str(tmp_path / "t"), "--recorded-at", "2025-11-01")
    assert done.exit_code == 0, done.stderr
    assert "rows' numbers" not in done.stderr
    store = (tmp_path / "t" / "observations.csv").read_text(encoding="utf-8")
    # the five units, each its own figure: 1_1_1[income_quintile=1] ... (the id as the import makes it)
    assert store.count("\n") == 1 + 5, store


# --- A per cent saved as a fraction, as a revision: one warning, as at entry ----------------

_SHARE_PLAN = """\
version: 1
title: Office
indicators:
  share: {name: Industry share, unit: "%"}
targets:
  - id: share-2030
    type: level
    indicator: share
    baseline: {period: 2020, value: 10}
    milestones:
      - {by: 2030, value: 20}
"""


def test_check_says_a_revision_saved_as_a_fraction_once(tmp_path: Path, monkeypatch):
    """2025's 15.3 revised to 0.153 (15.3 % saved by a spreadsheet as a fraction): entry
    says one warning, the per cent it likely is; check said two at the same line, 'a
    factor of 100; a unit or typing slip?' (the jump rule) and 'a per cent saved as a
    fraction' (the fraction rule, beside 2024's 15.1). Now once, the fraction's."""
    from conftest import make_tracker
    from helpers import run_clean

    make_tracker(
        tmp_path,
        monkeypatch,
        _SHARE_PLAN,
        "indicator,period,value,status,source,note,recorded_at\n"
        "share,2024,15.1,official,GSO,,2025-03-01T00:00:00Z\n"
        "share,2025,15.3,official,GSO,,2026-03-01T00:00:00Z\n"
        "share,2025,0.153,official,GSO,,2026-04-01T00:00:00Z\n",
    )
    done = run_clean("check")
    lines = [line for line in done.stderr.splitlines() if line.startswith("observations.csv:4:")]
    # 0.153 × 100 = 15.3, within twice 2024's 15.1: the fraction rule's line alone
    assert lines == [
        "observations.csv:4: warning: share 2025: 0.153 is below 1 where the figure for 2024 is 15.1: a per cent"
        " saved as a fraction (15.3% written 0.153 by a spreadsheet)? If so, withdraw it with"
        " 'qntrack retract share 2025' and record 15.3"
    ], done.stderr
    assert "factor of 100" not in done.output, done.output


# --- check's invisible rule on the store: a joiner or an isolate the text needs -------------

_HEADER = "indicator,period,value,status,source,note,recorded_at\n"


def test_a_joined_emoji_and_an_isolated_arabic_name_are_not_warned_of(tmp_path: Path, monkeypatch):
    """A family emoji is three emoji joined by U+200D (removed, it shows as three faces),
    and U+2067 ... U+2069 is how Unicode asks an Arabic name to be set inside a left-to-
    right text (an isolate cannot reorder what is outside it). check's new invisible rule
    on the store warned of both ('a report shows the note reordered or split; remove it'),
    which the text needs. An override (U+202E), an isolate left open and a joiner between
    Latin letters are still warned of, one warning each (rows 5, 6, 7: lines by hand)."""
    from conftest import make_tracker
    from helpers import run_clean

    make_tracker(
        tmp_path,
        monkeypatch,
        _SHARE_PLAN,
        _HEADER
        + "share,2021,14.1,official,GSO,team \U0001f468\u200d\U0001f469\u200d\U0001f467 visit,2027-03-01T00:00:00Z\n"
        + "share,2022,14.5,official,Minister \u2067\u0645\u062d\u0645\u062f \u0639\u0644\u064a\u2069 report,,2027-03-01T00:00:00Z\n"
        + "share,2023,14.9,official,Persian \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645,,2027-03-01T00:00:00Z\n"
        + "share,2024,15.1,official,GSO \u202eodatsop,,2027-03-01T00:00:00Z\n"
        + "share,2025,15.3,official,Minister \u2067\u0645\u062d\u0645\u062f report,,2027-03-01T00:00:00Z\n"
        + "share,2026,15.5,official,GSO,C\u1ee5\u200dc,2027-03-01T00:00:00Z\n",
    )
    done = run_clean("check", "invisible")
    warned = [line.split(": warning: ")[0] for line in done.stderr.splitlines() if ": warning: " in line]
    assert warned == ["observations.csv:5", "observations.csv:6", "observations.csv:7"], done.stderr
