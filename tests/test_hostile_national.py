"""A national statistics office's hostile pass over the reading commands and the plan.

Pinned below:
- a control character written as a YAML escape ("\\e[2J") in a plain-text field of
  targets.yaml (the title, a unit, a description, a target's source or note) was taken, and
  status and show printed it raw, clearing or retitling the reader's terminal; names
  ({en, vi}) were already refused;
- one mistake in an indicator or a dimension was followed by errors that were not true: a
  name with a control character made its indicator "declared 'measure: level'" (it said
  rate), and a bad unit name made the dimension "not declared";
- a write interrupted inside a Vietnamese letter (its UTF-8 cut after one or two of its
  bytes) was told "not UTF-8 text (perhaps Windows-1258 ...): save it as UTF-8", which no
  re-saving mends, instead of the torn last row that check --repair sets aside;
- rank with --as-of a date before any figure said "the units listed are not available and
  share one rank: record figures with add-observation" over an empty list, when the
  figures were there, only recorded after that date.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean as run
from test_ranking import RANK_OBSERVATIONS, RANK_TARGETS


def _edit(tracker: Path, old: str, new: str) -> None:
    path = tracker / "targets.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    "old, new, line",
    [
        ('title: "Test plan"', 'title: "T\\e]0;owned\\a\\e[2J"', 2),
        (
            '  mining:\n    name: "Mining share"\n    unit: "%"',
            '  mining:\n    name: "Mining share"\n    unit: "%\\e[31m"',
            11,
        ),
        (
            '    unit: "%"\n    direction: increase',
            '    unit: "%"\n    description: "a\\x9b2J"\n    direction: increase',
            7,
        ),
        ('source: "Resolution 01"', 'source: "Resolution\\e[2J 01"', 16),
        ('source: "Resolution 01"', 'source: "Resolution 01"\n    note: "x\\ry"', 17),
    ],
)
def test_a_control_character_in_any_text_of_the_plan_is_refused_at_its_line(
    tracker: Path, old: str, new: str, line: int
):
    _edit(tracker, old, new)
    for args in (("check",), ("status", "--format", "table"), ("show", "share")):
        r = run(*args)
        assert r.exit_code == 1, (args, r.stdout)
        assert "\x1b" not in r.stdout + r.stderr and "\x9b" not in r.stdout + r.stderr
        assert f"targets.yaml:{line}:" in r.stderr and "control character" in r.stderr, r.stderr


def test_an_indicator_with_a_bad_name_is_not_said_to_declare_another_measure(tracker: Path):
    _edit(
        tracker,
        '    name: "Mining share"\n    unit: "%"\n',
        '    name: "Mining\\a share"\n    unit: "%"\n    measure: rate\n',
    )
    _edit(tracker, "    baseline: 2015\n", "    type: average\n    from: 2021\n    to: 2025\n    at_least: 3\n")
    r = run("check")
    assert r.exit_code == 1
    assert "control character" in r.stderr and "measure: level" not in r.stderr, r.stderr
    assert r.stderr.count("error:") == 1, r.stderr


def test_a_dimension_with_a_bad_unit_is_not_then_said_to_be_undeclared(tracker: Path):
    _edit(tracker, "indicators:\n", 'dimensions:\n  region:\n    values: ["North", "So\\e[2Juth"]\nindicators:\n')
    _edit(
        tracker,
        '    unit: "%"\n    direction: decrease\n',
        '    unit: "%"\n    direction: decrease\n    dimensions: [region]\n',
    )
    _edit(tracker, "    baseline: 2015\n", "    baseline: 2015\n    for_each: region\n")
    r = run("check")
    assert r.exit_code == 1
    assert "targets.yaml:5:" in r.stderr and "control character" in r.stderr, r.stderr
    assert r.stderr.count("error:") == 1, r.stderr


@pytest.mark.parametrize("keep", [1, 2])
def test_a_last_row_cut_inside_a_letter_is_a_torn_row(tracker: Path, keep: int):
    store = tracker / "observations.csv"
    row = "share,2025,13.1,estimate,Cục Thống kê,,2026-01-10T00:00:00Z\n".encode()
    cut = row.index("ố".encode()) + keep  # one or two of the letter's three bytes
    store.write_bytes(store.read_bytes() + row[:cut])
    for args in (
        ("check",),
        ("status", "--format", "json"),
        ("add-observation", "mining", "2026", "9", "--source", "x"),
    ):
        r = run(*args)
        assert r.exit_code == 1 and "observations.csv:8: error:" in r.stderr, (args, r.stderr)
        assert "incomplete" in r.stderr and "check --repair" in r.stderr and "UTF-8" not in r.stderr, r.stderr
    r = run("check", "--repair")
    assert r.exit_code == 0, r.stderr
    assert [p.read_bytes() for p in tracker.glob("observations.csv.torn-*")] == [row[:cut]]
    assert run("status", "--format", "json").exit_code == 0


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_rank_as_of_before_any_figure_says_so_and_what_is_listed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
):
    make_tracker(tmp_path, monkeypatch, RANK_TARGETS, RANK_OBSERVATIONS)
    text = RANK_TARGETS
    said = {
        "en": ("by the end of 2000-01-01 (--as-of)", "add-observation", "none is listed", "the units listed"),
        "vi": (
            "đến hết ngày 01/01/2000 (--as-of)",
            "add-observation",
            "không đơn vị nào được liệt kê",
            "các đơn vị được liệt kê",
        ),
    }[lang]
    # poor-2030: the units with their own milestones are listed, without figures, then the
    # 3 other declared units, without a figure (issue 17, twenty-first session): 5 rows.
    r = run("rank", "poor-2030", "--as-of", "2000-01-01", "--format", "csv", "--lang", lang)
    assert r.exit_code == 0 and len(r.stdout.splitlines()) == 6, r.stdout
    assert said[0] in r.stderr and said[3] in r.stderr and said[1] not in r.stderr, r.stderr
    # A target with no unit of its own: nothing is listed, and the message says so.
    (tmp_path / "targets.yaml").write_text(
        text
        + "  - {id: poor-plain, indicator: poor, baseline: 2020, milestones: [{by: 2030, value: 5}], for_each: locality}\n",
        encoding="utf-8",
    )
    # Since issue 17's twenty-first session the 5 declared units are listed without a figure.
    r = run("rank", "poor-plain", "--as-of", "2000-01-01", "--format", "csv", "--lang", lang)
    assert r.exit_code == 0 and len(r.stdout.splitlines()) == 6, r.stdout
    assert said[0] in r.stderr and said[3] in r.stderr and said[2] not in r.stderr, r.stderr
    # With no figure at all, the advice to record some stays; an empty list is said empty.
    (tmp_path / "observations.csv").write_text(
        "indicator,period,value,status,source,note,recorded_at\n", encoding="utf-8"
    )
    r = run("rank", "poor-plain", "--format", "csv", "--lang", lang)
    assert r.exit_code == 0 and said[1] in r.stderr and said[3] in r.stderr and said[2] not in r.stderr, r.stderr
