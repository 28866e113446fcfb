"""A ministry's planning department adopting qntrack (issue 17, twentieth session): the
defects found, each test written failing first, the expected values worked out by hand in
a comment (docs/decisions.md, "A ministry's planning department adopting qntrack")."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_clean, store_text

# --- A range typed where one figure goes ("6-7%", "6–7", "6 to 7"): said as a range, with
# the figure to write, never "not a number; write a decimal like 12.5".

_PLAN = """\
title: Ministry of Industry and Trade
indicators:
  export_growth: {name: Export turnover growth, unit: "%", measure: rate, frequency: month}
  exports: {name: Export turnover, unit: billion USD, measure: flow, frequency: month}
  trade_balance: {name: Trade balance, unit: billion USD, measure: balance, frequency: month}
  cpi: {name: Average CPI increase, unit: "%", measure: rate, direction: decrease, frequency: month}
targets:
  - id: export-growth-2025
    type: plan
    indicator: export_growth
    period: 2025
    value: VALUE
"""

_EMPTY = "indicator,period,value,status,source,note,recorded_at\n"


@pytest.mark.parametrize("typed", ["6-7", '"6-7%"', "6–7", "6 to 7", "6,5-7"])
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_range_in_targets_yaml_is_said_as_a_range_with_the_figure_to_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: str, lang: str
):
    from conftest import make_tracker

    folder = make_tracker(tmp_path, monkeypatch, _PLAN.replace("VALUE", typed), _EMPTY)
    r = run_clean("--lang", lang, "check")
    assert r.exit_code == 1
    # The line of `value:` (line 12), once, with both ends said as figures to write: the
    # lower end where higher is better (6), the higher where lower is better (7).
    lines = [line for line in r.output.splitlines() if "error" in line or "lỗi" in line]
    assert len(lines) == 1, r.output
    assert lines[0].startswith("targets.yaml:12:"), r.output
    low = "6.5" if typed == "6,5-7" else "6"  # as targets.yaml reads a number: a decimal point
    if lang == "en":
        assert "is a range" in lines[0] and f"write {low}" in lines[0] and "7 where lower is better" in lines[0]
        assert "not a number" not in lines[0]
    else:
        assert "là một khoảng" in lines[0] and f"ghi {low}" in lines[0] and "7 nếu càng thấp càng tốt" in lines[0]
    assert "Traceback" not in r.output
    assert (folder / "observations.csv").read_text() == _EMPTY


@pytest.mark.parametrize("typed", ["6-7", "6-7%", "6–7", "6 to 7"])
def test_a_range_typed_as_a_figure_is_said_as_a_range(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: str):
    from conftest import make_tracker

    folder = make_tracker(tmp_path, monkeypatch, _PLAN.replace("VALUE", "6"), _EMPTY)
    r = run_clean("add-observation", "export_growth", "2025-09", typed)
    assert r.exit_code == 1
    assert "is a range" in r.output and "one figure" in r.output, r.output
    r = run_clean("--lang", "vi", "add-observation", "export_growth", "2025-09", typed)
    assert r.exit_code == 1
    assert "là một khoảng" in r.output, r.output
    assert store_text(folder) == _EMPTY


def test_a_negative_figure_and_a_date_are_no_range(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from conftest import make_tracker

    folder = make_tracker(tmp_path, monkeypatch, _PLAN.replace("VALUE", "6"), _EMPTY)
    # -1.2 is a deficit, read as before; 7-6 (the higher end first) is no range, and
    # neither is a period typed as a value.
    assert run_clean("add-observation", "trade_balance", "2025-01", "-1.2", "--status", "estimate").exit_code == 0
    assert "trade_balance,2025-01,-1.2,estimate" in store_text(folder)
    for typed in ("7-6", "2025-09"):
        r = run_clean("add-observation", "export_growth", "2025-09", typed)
        assert r.exit_code == 1 and "range" not in r.output, r.output
