"""Last review of the twentieth session's change (issue 17, twentieth session): each
defect's test, written failing first, the expected values worked out by hand in a comment
(docs/decisions.md, "Last review of the twentieth session's change")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import run_clean

_PLAN = """\
title: Ministry of Industry and Trade
indicators:
  exports: {name: Export turnover, unit: billion USD, measure: flow, frequency: month}
  trade_balance: {name: Trade balance, unit: billion USD, measure: balance, frequency: month}
targets:
  - id: exports-2025
    type: plan
    indicator: exports
    period: 2025
    value: 400
  - id: balance-2025
    type: plan
    indicator: trade_balance
    period: 2025
    value: 15
"""


def _store(months: range) -> str:
    rows = ["indicator,period,value,status,source,note,recorded_at"]
    for m in months:
        rows.append(f"exports,2025-{m:02d},34,official,MOIT,,2025-{min(m + 1, 12):02d}-06T00:00:00Z")
        rows.append(f"trade_balance,2025-{m:02d},1.5,official,MOIT,,2025-{min(m + 1, 12):02d}-06T00:00:00Z")
    return "\n".join(rows) + "\n"


def _targets() -> dict[str, dict]:
    r = run_clean("status", "--format", "json")
    assert r.exit_code == 0, r.output
    return {t["id"]: t for t in json.loads(r.stdout)["targets"]}


def test_a_flows_twelve_months_added_up_are_its_years_figure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, _PLAN, _store(range(1, 13)))
    t = _targets()
    # Twelve months of 34 recorded: 12 × 34 = 408 for the year, 408 / 400 = 102 % of the
    # plan, met: target achieved, score 5. December's 34 was left out ("January–November
    # 2025: 374", the year's figure "awaited") though it was recorded.
    e = t["exports-2025"]
    assert e["latest"]["period"] == "2025" and e["latest"]["value"] == 408.0
    assert e["status"] == "target_achieved" and e["score"] == 5.0
    assert e["details"]["percent_of_plan"] == pytest.approx(102.0)
    assert e["awaiting_figures"] == []
    # The trade balance: 12 × 1.5 = 18 against the plan's 15: met, by 3 (no per cent).
    b = t["balance-2025"]
    assert b["latest"]["value"] == 18.0 and b["status"] == "target_achieved"
    assert b["details"]["difference"] == pytest.approx(3.0)
    # show says the year's figure, not eleven months.
    r = run_clean("show", "exports-2025")
    assert "January–November" not in r.output and "not recorded yet" not in r.output, r.output


def test_eleven_months_stay_the_year_to_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, _PLAN, _store(range(1, 12)))
    e = _targets()["exports-2025"]
    # 11 × 34 = 374 by 2025-11M, still a year to date: the year's figure awaited.
    assert e["latest"] is None and e["provisional"]["period"] == "2025-11M"
    assert e["provisional"]["value"] == 374.0 and e["awaiting_figures"] == ["2025"]


@pytest.mark.parametrize(
    ("args", "example"),
    [
        # The example keeps the file's kind and folder: 'aux.xlsx' asked for a workbook and
        # was told "-o bao-cao.html", a report in another format; an SDMX export, a CSV.
        (("report", "-o", "aux.xlsx"), "-o bao-cao.xlsx"),
        (("report", "-o", "CON.md"), "-o bao-cao.md"),
        (("report", "-o", "out/com1.docx"), "-o out/bao-cao.docx"),
        (("export", "sdmx-csv", "-o", "nul.csv"), "-o bao-cao.csv"),
    ],
)
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_device_names_example_keeps_the_files_kind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], example: str, lang: str
):
    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, _PLAN, _store(range(1, 3)))
    (tmp_path / "out").mkdir()
    r = run_clean("--lang", lang, *args)
    assert r.exit_code == 2, r.output
    assert example in r.stderr and "bao-cao.html" not in r.stderr, r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["observations.csv", "out", "targets.yaml"]


@pytest.mark.parametrize("typed", ["12-2025", "09-2025", "9-2025", "2021-2025", "2024 - 2025", "2021–2025"])
def test_a_date_typed_as_a_figure_is_no_range(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: str):
    from conftest import make_tracker

    store = _store(range(1, 2))
    folder = make_tracker(tmp_path, monkeypatch, _PLAN, store)
    # A month and its year ("12-2025", December 2025) or a span of years ("2021-2025")
    # typed in the value's place (the period's column, copied one cell too far) is no
    # plan's range: it was told "'12-2025' is a range, ... record the one figure
    # published", as if 12 to 2025 billion USD had been published.
    r = run_clean("add-observation", "exports", "2025-02", typed)
    assert r.exit_code == 1, r.output
    assert "is a range" not in r.output and "not a number" in r.output, r.output
    assert (folder / "observations.csv").read_text(encoding="utf-8") == store


def test_a_range_of_figures_is_still_a_range(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, _PLAN, _store(range(1, 2)))
    # Neither end a year: 6 to 7, and 12 to 20 (no year is two digits).
    for typed in ("6-7", "12-20", "1500-1800"):
        r = run_clean("add-observation", "exports", "2025-02", typed)
        assert r.exit_code == 1 and "is a range" in r.output, (typed, r.output)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_month_missing_from_a_plans_sum_is_said_by_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str):
    from conftest import make_tracker

    # January, February, April, May and June recorded; March not. The year to date stops at
    # 2025-2M (34 + 34 = 68), and April to June (lines 6 to 8 of the store: header, then
    # two rows a month for January and February, then April's) were left out of it with
    # nothing said: show read "January–February 2025: 68", check was clean.
    store = _store(range(1, 3)) + "".join(
        f"exports,2025-{m:02d},34,official,MOIT,,2025-{m + 1:02d}-06T00:00:00Z\n" for m in (4, 5, 6)
    )
    make_tracker(tmp_path, monkeypatch, _PLAN, store)
    r = run_clean("--lang", lang, "check")
    warned = [line for line in r.output.splitlines() if "2025-04" in line]
    assert len(warned) == 1, r.output
    assert warned[0].startswith("observations.csv:6:"), r.output
    assert "2025-04, 2025-05, 2025-06" in warned[0] and "2025-2M" in warned[0] and "2025-03" in warned[0]
    assert ("68" in warned[0]) and ("not added up" in warned[0] if lang == "en" else "không được cộng" in warned[0])
    # With March recorded, nothing is said.
    (tmp_path / "observations.csv").write_text(
        store + "exports,2025-03,34,official,MOIT,,2025-07-07T00:00:00Z\n", encoding="utf-8"
    )
    r = run_clean("check")
    assert "2025-04" not in r.output, r.output


def test_the_shipped_dataset_stays_clean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    import shutil

    from conftest import enter

    root = Path(__file__).resolve().parent.parent
    for name in ("targets.yaml", "observations.csv"):
        shutil.copy(root / name, tmp_path / name)
    enter(tmp_path, monkeypatch)
    r = run_clean("check")
    assert r.exit_code == 0 and "warning" not in r.output, r.output


def test_a_years_months_added_up_are_compared_with_last_years_added_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from conftest import make_tracker

    last_year = "".join(
        f"exports,2024-{m:02d},30,official,MOIT,,2025-01-0{1 + m % 9}T00:00:00Z\n" for m in range(1, 13)
    )
    make_tracker(tmp_path, monkeypatch, _PLAN, _store(range(1, 13)) + last_year)
    e = _targets()["exports-2025"]
    # 2024: 12 × 30 = 360; 2025: 408; 408 / 360 − 1 = 0.13333 → +13.333 %.
    assert e["details"]["same_period_last_year"] == 360.0
    assert e["details"]["change_on_same_period_last_year"] == pytest.approx(13.3333, abs=1e-3)
