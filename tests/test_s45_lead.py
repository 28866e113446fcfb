"""The forty-fifth session's own findings (issue 17), each pinned before its fix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean

HEADER = "indicator,period,value,status,source,note,recorded_at\n"
ROW = "pop[locality=Cẩm Phả],2024,10,official,x,,2025-01-01T00:00:00Z\n"

# A dimension's units, the second written without its '- ' and indented under the first:
# YAML reads the two lines as one plain text, "Cẩm Phả Uông Bí", a unit of its own.
UNITS_PLAN = """\
version: 1
title: Units
observations: observations.csv
dimensions:
  locality:
    name: {{en: Locality, vi: Địa phương}}
    values:
{values}
indicators:
  pop:
    name: Population
    unit: people
    dimensions: [locality]
targets:
  - id: pop-2030
    type: plan
    indicator: pop
    period: 2030
    value: 300
"""


@pytest.mark.parametrize(
    ("values", "told"),
    [
        ("      - Cẩm Phả\n        Uông Bí", "targets.yaml:8:9:"),
        ("      - Hạ Long\n      - Cẩm Phả\n          Uông Bí\n          Móng Cái", "targets.yaml:9:9:"),
        ("      - {value: Hạ Long}\n      - value: Cẩm Phả\n          Uông Bí", "targets.yaml:9:16:"),
    ],
)
def test_a_unit_written_over_two_lines_is_told_where_a_dash_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, values: str, told: str
) -> None:
    # Before: the plan was read with a unit "Cẩm Phả Uông Bí"; `check` then refused every
    # row of Cẩm Phả as "not a unit" and `status` ignored them with a warning, the plan
    # itself said nothing.
    make_tracker(tmp_path, monkeypatch, UNITS_PLAN.format(values=values), HEADER + ROW)
    r = run_clean("check")
    assert r.exit_code == 1, r.output
    said = " ".join(r.stderr.split())
    assert said.startswith(told), r.stderr
    assert "YAML reads as one unit" in said and "'- '" in said, r.stderr
    assert "not a unit of" not in said, r.stderr
    s = run_clean("status")
    assert s.exit_code != 0 and s.stdout == "", s.output
    assert "YAML reads as one unit" in " ".join(s.stderr.split()), s.stderr


def test_a_unit_s_name_on_one_line_in_quotes_or_a_block_is_still_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Only a plain text over lines is the slip: a quoted name is written as meant.
    values = '      - "Cẩm Phả"\n      - Uông Bí'
    make_tracker(tmp_path, monkeypatch, UNITS_PLAN.format(values=values), HEADER + ROW)
    r = run_clean("check")
    assert "YAML reads as one unit" not in r.stderr, r.stderr
    assert "not a unit of" not in r.stderr, r.stderr


def test_a_unit_without_its_dash_is_not_called_a_target(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The missing-dash message said "each item of a list (each target)" of a dimension's unit.
    values = "      - Cẩm Phả\n      Uông Bí: x"
    make_tracker(tmp_path, monkeypatch, UNITS_PLAN.format(values=values), HEADER + ROW)
    r = run_clean("check")
    assert r.exit_code == 1, r.output
    assert "each target" not in r.stderr, r.stderr


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_awaiting_mark_never_ends_a_line_of_the_narrow_status_table(shipped: Path, lang: str) -> None:
    # At 50 to 60 columns the Vietnamese blocks wrapped "· ⌛" at a line's end and put its
    # words ("chờ số liệu 2021–2025") on the next: the mark read as belonging to the status.
    for width in range(40, 101):
        r = run_clean("status", "--format", "table", "--lang", lang, env={"COLUMNS": str(width), "NO_COLOR": "1"})
        assert r.exit_code == 0, r.output
        alone = [line for line in r.stdout.splitlines() if line.rstrip().endswith("⌛")]
        assert not alone, (width, alone)
        assert len(re.findall(r"⌛ \w", r.stdout)) >= 3, (width, r.stdout)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_awaiting_mark_never_ends_a_line_of_a_narrow_show(shipped: Path, lang: str) -> None:
    # `show cbct-share` at 44 or 64 columns: "Moderate progress  ⌛" over "awaiting figure".
    for width in range(40, 101, 2):
        r = run_clean("show", "cbct-share", "--lang", lang, env={"COLUMNS": str(width), "NO_COLOR": "1"})
        assert r.exit_code == 0, r.output
        alone = [line for line in r.stdout.splitlines() if line.rstrip().endswith("⌛")]
        assert not alone, (width, alone)
        # The mark beside its first word, not cut to "…" as it was at 42 columns.
        assert re.search(r"⌛ \w", r.stdout), (width, r.stdout)
