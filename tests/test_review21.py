"""Hostile review of the twenty-first session's merged change (issue 17): each defect's
test, written failing first, the expected text worked out by hand in a comment
(docs/decisions.md, "Review of the twenty-first session's merged change")."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_clean

_PLAN = """\
title: Ministry of Industry and Trade
observations: "~/Documents/qn-obs.csv"
indicators:
  exports: {name: Export turnover, unit: billion USD, measure: flow, frequency: month}
targets:
  - id: exports-2025
    type: plan
    indicator: exports
    period: 2025
    value: 400
"""


# --- 1. targets.yaml's `observations: "~/..."`: the Mac pass says a '~' a shell left as
# typed with the path to write (init, report -o, --from, QNTRACK_TARGETS), but a '~' in
# targets.yaml, read by no shell, was a store that "does not exist" and, on an append,
# "the folder '<here>/~' ... does not exist; create it": a folder named '~' again.


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "targets.yaml does not read '~' as your home folder"),
        ("vi", "targets.yaml không hiểu '~' là thư mục nhà của bạn"),
    ],
)
def test_a_tilde_in_the_observations_line_is_told_with_the_path_to_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, words: str
):
    from conftest import make_tracker

    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    folder = tmp_path / "plan"
    folder.mkdir()
    make_tracker(folder, monkeypatch, _PLAN, "")
    (folder / "observations.csv").unlink()
    # By hand: "~/Documents/qn-obs.csv" with HOME = <tmp>/home is <tmp>/home/Documents/qn-obs.csv,
    # the path to write; the value of line 2 starts at column 15 ('observations: ' is 14).
    written = f"{home}/Documents/qn-obs.csv"
    r = run_clean("--lang", lang, "status", "--format", "csv")
    assert r.exit_code == 0, r.output
    said = [line for line in r.output.splitlines() if line.startswith("targets.yaml:2:15:")]
    assert len(said) == 1, r.output
    assert words in said[0] and f'"{written}"' in said[0], said
    # An append is refused (exit 1, as a missing folder always was), naming the path to
    # write, and makes no folder '~' here.
    r = run_clean("--lang", lang, "add-observation", "exports", "2025-01", "33.6", "--source", "MOIT")
    assert r.exit_code == 1, r.output
    assert words in r.output and f'"{written}"' in r.output, r.output
    assert "create it" not in r.output and "hãy tạo thư mục" not in r.output, r.output
    assert not (folder / "~").exists()
    assert not Path(written).exists()
