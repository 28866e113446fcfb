"""Thirty-fifth session, the lead (issue 17): what the session's lead found and mended.

A table that fits only by cutting a heading's word or a source's site name in pieces is
read worse than the blocks the same rows make at a narrower terminal.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_clean


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_rank_never_cuts_a_headings_word_or_a_sites_name_to_fit(shipped: Path, lang: str) -> None:
    # The shipped plan's budget revenue by locality: its dimension's heading is "Locality
    # (district level until 30 June 2025)", one of its sources thoibaotaichinhvietnam.vn.
    # At 103 columns its table fitted only by folding "(district" after 8 characters and
    # the site into four lines of 8; from 80 columns on, every width gives either a table
    # holding both whole or a block a unit.
    for width in range(80, 161):
        r = run_clean(
            "--lang", lang, "rank", "budget-revenue-plan-2024", "--format", "table", env={"COLUMNS": str(width)}
        )
        assert r.exit_code == 0, r.output
        words = r.output.split()
        assert "thoibaotaichinhvietnam.vn" in words, (width, r.output)
        heading = "(district" if lang == "en" else "(cấp"
        assert heading in words, (width, r.output)


@pytest.mark.parametrize(
    ("typed", "told"),
    [
        # A moment on a period's last day: the periods that end on that day, as the day is.
        ("2025-12-31T12:00:00", "2025-12, 2025-Q4, 2025-H2, 2025"),
        ("2025-06-30 17:30", "2025-06, 2025-Q2, 2025-H1"),
        # Midnight on a month's first day is how pandas gives a month Excel shows as a date.
        ("2025-12-01 00:00:00", "write 2025-12 if that is the period meant"),
        ("2025-12-01T00:00:00", "write 2025-12 if that is the period meant"),
    ],
)
def test_a_moment_typed_for_a_period_is_told_what_it_is(shipped: Path, typed: str, told: str) -> None:
    # A notebook's datetime (record_many's period, written by isoformat) or a pasted
    # "2025-12-31 12:00" was told "a month as Excel shows a date" or the generic words.
    r = run_clean("add-observation", "fdi", typed, "5", "--dry-run")
    assert r.exit_code == 1, r.output
    assert told in r.stderr, r.stderr
    if "T12" in typed or "17:30" in typed:
        assert "as Excel shows" not in r.stderr
        assert "a moment" in r.stderr


def test_a_moment_on_no_periods_last_day_is_told_it_is_a_moment(shipped: Path) -> None:
    r = run_clean("--lang", "vi", "add-observation", "fdi", "2025-06-15 10:00", "5", "--dry-run")
    assert r.exit_code == 1, r.output
    assert "'2025-06-15 10:00'" in r.stderr and "thời điểm" in r.stderr, r.stderr


@pytest.mark.parametrize("typed", ["ngày 1 tháng Giêng năm 2026", "ngày 31 tháng Chạp năm 2025"])
def test_a_lunar_months_name_is_never_told_a_gregorian_day(shipped: Path, typed: str) -> None:
    # Tháng Giêng and tháng Chạp name the first and last months of the lunar calendar (Tết
    # falls in tháng Giêng, late January to February); the calendar's January and December
    # are tháng Một and tháng Mười Hai. "ngày 31 tháng Chạp năm 2025" was told "write
    # 2025-12-31", about six weeks from the day meant; now the generic words, nothing guessed.
    r = run_clean("--lang", "vi", "status", "--as-of", typed)
    assert r.exit_code == 2, r.output
    assert "2026-01-01" not in r.stderr and "2025-12-31" not in r.stderr, r.stderr
    assert "âm lịch" in r.stderr, r.stderr  # told why: a month of the lunar calendar
    made = run_clean("add-observation", "fdi", "2024", "5", "--recorded-at", typed, "--dry-run")
    assert made.exit_code == 1, made.output
    assert "2026-01-01" not in made.stderr and "2025-12-31" not in made.stderr, made.stderr
    assert "lunar calendar" in made.stderr, made.stderr


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_check_names_a_spreadsheets_error_value_in_a_stored_source_or_note(shipped: Path, lang: str) -> None:
    # An import refuses '#REF!' as a source and '#N/A' as a note (a formula that gave no
    # result); the same cells in a store saved from a spreadsheet passed `check` in silence
    # (pass G's leftover). The figures are sound, their words lost: a warning of the
    # lost-letters rule at each line, as letters a spreadsheet lost are told.
    store = shipped / "observations.csv"
    lines = store.read_text(encoding="utf-8").splitlines(keepends=True)
    n = len(lines)
    store.write_text(
        "".join(lines)
        + "fdi,2019,600,estimate,#REF!,,2020-01-05T00:00:00Z\n"
        + "fdi,2018,500,estimate,,#N/A,2019-01-05T00:00:00Z\n",
        encoding="utf-8",
    )
    r = run_clean("--lang", lang, "check")
    assert r.exit_code == 0, r.output  # warnings: the store is readable, the figures sound
    out = r.stderr + r.stdout
    assert f"observations.csv:{n + 1}:" in out and "'#REF!'" in out, out
    assert f"observations.csv:{n + 2}:" in out and "'#N/A'" in out, out
    word = "formula" if lang == "en" else "công thức"
    assert out.count(word) >= 2, out


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_total_added_up_from_its_parts_is_not_said_recorded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    # 2024-9M 320 recorded, the first half only as its quarters (Q1 90 + Q2 110 = 200): the
    # Q3 plan's sentence said "9M (320) and H1 (200) are recorded", where no one recorded
    # H1 (pass G's leftover). Both totals are now said known, which each is.
    from conftest import make_tracker
    from test_s35_e import DIFFERENCE_PLAN

    store = (
        "indicator,period,value,status,source,note,recorded_at\n"
        "fdi,2024-Q1,90,official,s,,2024-04-05T00:00:00Z\n"
        "fdi,2024-Q2,110,official,s,,2024-07-05T00:00:00Z\n"
        "fdi,2024-9M,320,official,s,,2024-10-05T00:00:00Z\n"
    )
    make_tracker(tmp_path, monkeypatch, DIFFERENCE_PLAN, store)
    made = run_clean("--lang", lang, "show", "fdi-q3", "--as-of", "2024-10-10")
    assert made.exit_code == 0, made.output
    text = " ".join(made.stdout.split())
    if lang == "en":
        assert "January–September 2024 (320 million USD) and H1 2024 (200 million USD) are known," in text, text
        assert "are recorded" not in text, text
    else:
        assert "Đã có số liệu 9 tháng năm 2024 (320 million USD) và 6 tháng đầu năm 2024 (200 million USD)" in text
        assert "Đã ghi nhận 9 tháng" not in text, text


def test_rank_json_gives_each_units_figures_not_counted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Pass G's leftover: status's breakdown carried a unit's figures not counted (its
    # details.year_to_date.not_counted), rank's JSON, whose table says them since pass G, did not.
    # Hà Nội: July 100 and August 50, read on July (no period writes July-August); Huế: July
    # 30 and September 20, read on July (August missing stops the sum).
    import json

    from conftest import make_tracker
    from test_s35_g import UNITS_PLAN, UNITS_STORE  # each province its own plan (overrides)

    make_tracker(tmp_path, monkeypatch, UNITS_PLAN, UNITS_STORE)
    made = run_clean("rank", "fdi-q3", "--format", "json", "--as-of", "2024-10-10")
    assert made.exit_code == 0, made.output
    units = {u["dims"]["province"]: u for u in json.loads(made.stdout)["units"]}
    assert list(units["Hà Nội"])[-1] == "not_counted"  # added last: the contract
    assert units["Hà Nội"]["not_counted"] == [{"period": "2024-08", "value": 50.0, "why": "no_period", "missing": None}]
    assert units["Huế"]["not_counted"] == [
        {"period": "2024-09", "value": 20.0, "why": "period_missing", "missing": "2024-08"}
    ]
    status = json.loads(run_clean("status", "--format", "json", "--as-of", "2024-10-10").stdout)
    by_unit = {u["dims"]["province"]: u for u in status["targets"][0]["breakdown"]}
    for name, unit in units.items():  # the same as status's breakdown says, unit by unit
        assert unit["not_counted"] == by_unit[name]["details"]["year_to_date"]["not_counted"], name
