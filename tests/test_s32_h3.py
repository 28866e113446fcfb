"""Issue 17, thirty-second session, pass H3: two leftovers of the auditor's passes (H, H2).
Each test was written failing first; the expected words and figures are worked out by hand
from the rows typed here and the calendar."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean

# --- 1. show's Latest figure marked for a figure withdrawn, as status marks it ---------------

PLAN = """\
version: 1
title: "Audit plan"
indicators:
  share:
    name: "Manufacturing share"
    unit: "%"
    direction: increase
targets:
  - id: share
    indicator: share
    baseline: {period: 2020, value: 10}
    milestones:
      - {by: 2025, value: 15}
"""

# 2023's share: 12.9 then 13.1 (Yearbook 2023, 2024-06-30), 13.1 withdrawn on 2024-08-10
# (Dept), 13.2 recorded again on 2024-09-01.
STORE = """\
indicator,period,value,status,source,note,recorded_at
share,2022,12,official,Yearbook 2022,,2023-06-30T03:00:00Z
share,2023,12.9,official,Earlier,,2024-05-01T00:00:00Z
share,2023,13.1,official,Yearbook 2023,,2024-06-30T20:00:00Z
share,2023,,retracted,Dept,wrong table,2024-08-10T09:00:00Z
share,2023,13.2,official,Yearbook 2023 corrected,,2024-09-01T16:30:00Z
"""


@pytest.fixture
def audit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("COLUMNS", "250")
    return make_tracker(tmp_path, monkeypatch, PLAN, STORE)


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines()]


_WITHDRAWN = {
    "en": (
        "Latest 12%[1] (2022)",
        "Figures withdrawn (the figure withdrawn → the figure in force; – for none):",
        "[1] Manufacturing share 2023: 13.1% → – (withdrawn on 2024-08-10; source: Dept), withdrawing 13.1% "
        "(recorded 2024-06-30; source: Yearbook 2023); the 2022 figure is shown because the 2023 figure was withdrawn",
        "Milestones",
    ),
    "vi": (
        "Số mới nhất 12%[1] (2022)",
        "Số liệu đã bị rút lại (số bị rút lại → số liệu đang có hiệu lực; – nếu không có):",
        "[1] Manufacturing share 2023: 13,1% → – (rút lại ngày 10/08/2024; nguồn: Dept), rút lại số liệu 13,1% "
        "(ghi nhận 30/06/2024; nguồn: Yearbook 2023); số liệu 2022 được hiển thị vì số liệu 2023 đã bị rút lại",
        "Các mốc",
    ),
}


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_show_marks_the_latest_figure_shown_because_a_later_one_was_withdrawn(audit: Path, lang: str) -> None:
    """By the end of 2024-08-10 2023's 13.1 is withdrawn with nothing recorded again, and
    the latest figure is 2022's 12. `status`, `rank` and the report mark it "12%[1] (2022)"
    with the line that says why 2022's figure is shown; `show` printed "Latest 12% (2022)"
    bare, the withdrawal said only in its table of periods and a sentence at the end. Its
    Latest figure now bears the mark, the legend (heading and line, status's words) under
    its facts, before the milestones."""
    latest, heading, note, milestones = _WITHDRAWN[lang]
    shown = run_clean("--lang", lang, "show", "share", "--as-of", "2024-08-10")
    assert shown.exit_code == 0, shown.stderr
    lines = _lines(shown.stdout)
    assert latest in lines, shown.stdout
    flat = " ".join(shown.stdout.split())
    assert f"{heading} {note}" in flat, shown.stdout
    assert flat.index(note) < flat.index(milestones), shown.stdout
    assert flat.count("[1]") == 2, shown.stdout  # the mark and its line, nothing else marked
    # The very line status prints under its table.
    status = run_clean("--lang", lang, "status", "--as-of", "2024-08-10", "-f", "table").stdout
    assert note in _lines(status), status


@pytest.mark.parametrize(
    ("lang", "latest", "note"),
    [
        (
            "en",
            "Latest 13.2%[1] (2023)",
            "[1] Manufacturing share 2023: 13.1% → 13.2% (withdrawn on 2024-08-10, recorded again on 2024-09-01; "
            "source: Yearbook 2023 corrected), withdrawing 13.1% (recorded 2024-06-30; source: Yearbook 2023)",
        ),
        (
            "vi",
            "Số mới nhất 13,2%[1] (2023)",
            "[1] Manufacturing share 2023: 13,1% → 13,2% (rút lại ngày 10/08/2024, ghi lại ngày 01/09/2024; "
            "nguồn: Yearbook 2023 corrected), rút lại số liệu 13,1% (ghi nhận 30/06/2024; nguồn: Yearbook 2023)",
        ),
    ],
)
def test_show_marks_a_figure_recorded_again_after_a_withdrawal_as_status_does(
    audit: Path, lang: str, latest: str, note: str
) -> None:
    """From 2024-09-01 2023's figure in force is 13.2, recorded again after 13.1 was
    withdrawn: status marks "13.2%[1] (2023)" with the line naming both; show said "13.2%
    (2023)", and a reader comparing the two outputs saw one figure flagged and the other
    not."""
    shown = run_clean("--lang", lang, "show", "share", "--as-of", "2024-09-01").stdout
    assert latest in _lines(shown), shown
    assert note in " ".join(shown.split()), shown
    status = run_clean("--lang", lang, "status", "--as-of", "2024-09-01", "-f", "table").stdout
    assert note in _lines(status), status


def test_show_before_the_withdrawal_marks_only_the_revision(audit: Path) -> None:
    """By the end of 2024-08-09 nothing is withdrawn: 13.1 (2023) is in force, marked as the
    revision of 12.9 it is, and no withdrawal is spoken of."""
    shown = run_clean("show", "share", "--as-of", "2024-08-09").stdout
    assert "Latest 13.1%[1] (2023)" in _lines(shown), shown
    flat = " ".join(shown.split())
    assert (
        "[1] Manufacturing share 2023: 12.9% → 13.1% (official, recorded 2024-06-30; source: Yearbook 2023), "
        "replacing 12.9% (recorded 2024-05-01; source: Earlier)"
    ) in flat, shown
    assert "withdrawn" not in flat and "[2]" not in flat, shown


def test_show_s_json_already_lists_the_figure_withdrawn_as_status_does(audit: Path) -> None:
    """The JSON needed no new key: `show -f json` gives `withdrawn` as status does, and
    its `latest` is status's."""
    shown = json.loads(run_clean("show", "share", "--as-of", "2024-08-10", "-f", "json").stdout)
    status = json.loads(run_clean("status", "--as-of", "2024-08-10", "-f", "json").stdout)["targets"][0]
    assert shown["withdrawn"] == status["withdrawn"] and shown["latest"] == status["latest"]
    assert [(w["period"], w["value"], w["in_force"]) for w in shown["withdrawn"]] == [("2023", 13.1, None)]
    assert set(status) <= set(shown)


# --- 2. a day in ISO order, a digit short, that is no day of the calendar ---------------------

_NO_DAY = {
    ("2026-2-30", "en"): "'2026-2-30' is no day of the calendar: 2026-02 has 28 days",
    ("2026-2-30", "vi"): "'2026-2-30' không phải là ngày có thật: tháng 2/2026 có 28 ngày",
    ("2024-2-30", "en"): "'2024-2-30' is no day of the calendar: 2024-02 has 29 days",
    ("2026-4-31", "en"): "'2026-4-31' is no day of the calendar: 2026-04 has 30 days",
    ("2026-9-0", "en"): "'2026-9-0' is no day of the calendar: 2026-09 has 30 days",
    ("2026-13-1", "en"): "'2026-13-1' is no day of the calendar: there is no month 13",
    ("2026-13-1", "vi"): "'2026-13-1' không phải là ngày có thật: không có tháng 13",
}


@pytest.mark.parametrize(("typed", "lang"), list(_NO_DAY))
def test_a_day_a_digit_short_that_is_no_day_is_told_the_calendar(audit: Path, typed: str, lang: str) -> None:
    """`--as-of 2026-02-30` is told "no day of the calendar: 2026-02 has 28 days";
    `--as-of 2026-2-30`, the same text a digit short, got the generic "write YYYY-MM-DD,
    e.g. 2023-06-28", as if the order were wrong. It is told the calendar, the month padded
    (February 2026 has 28 days, 2024's 29, April 30; there is no month 13). `--since`
    reads its day the same way."""
    said = _NO_DAY[typed, lang]
    for command in (("status", "--as-of"), ("report", "-f", "markdown", "--since")):
        made = run_clean("--lang", lang, *command, typed)
        assert made.exit_code == 2, made.output
        assert said in made.stderr, made.stderr
        assert "e.g." not in made.stderr and "ví dụ" not in made.stderr, made.stderr
        assert made.stdout == ""


def test_a_day_a_digit_short_that_is_a_day_is_still_told_its_digits(audit: Path) -> None:
    """The calendar's message is for no day only: 2026-2-28 is a day, told 2026-02-28."""
    made = run_clean("status", "--as-of", "2026-2-28")
    assert made.exit_code == 2
    assert "write 2026-02-28" in made.stderr and "calendar" not in made.stderr, made.stderr


def test_a_notebook_s_day_a_digit_short_is_told_the_calendar(audit: Path) -> None:
    """`qntrack.status(as_of="2026-2-30")` reads the day as --as-of does."""
    import qntrack

    with pytest.raises(qntrack.InputError) as caught:
        qntrack.status("targets.yaml", as_of="2026-2-30")
    assert "'2026-2-30' is no day of the calendar: 2026-02 has 28 days" in str(caught.value)


def test_show_with_its_only_figure_withdrawn_marks_the_dash_as_status_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """2023's 13.1, the only figure, withdrawn: status shows "–[1]" and the line; show had no
    Latest row at all, and the withdrawal only in its table of periods. It now shows "–[1]"
    with the line, which speaks of no other figure shown."""
    store = "\n".join(STORE.splitlines()[:1] + STORE.splitlines()[3:5]) + "\n"
    make_tracker(tmp_path, monkeypatch, PLAN, store)
    monkeypatch.setenv("COLUMNS", "250")
    shown = run_clean("show", "share").stdout
    assert "Latest –[1]" in _lines(shown), shown
    note = (
        "[1] Manufacturing share 2023: 13.1% → – (withdrawn on 2024-08-10; source: Dept), withdrawing 13.1% "
        "(recorded 2024-06-30; source: Yearbook 2023)"
    )
    assert note in _lines(shown) and note in _lines(run_clean("status", "-f", "table").stdout), shown
    assert "is shown because" not in shown


@pytest.mark.parametrize(
    ("typed", "lang", "said"),
    [
        ("2026-2-30", "en", "recorded_at '2026-2-30' is not a real date"),
        ("2026-2-30", "vi", "recorded_at '2026-2-30' không phải là ngày giờ có thật"),
        ("2026-13-1", "en", "recorded_at '2026-13-1' is not a real date"),
    ],
)
def test_a_recorded_at_a_digit_short_that_is_no_day_is_told_so_as_its_padded_form_is(
    audit: Path, typed: str, lang: str, said: str
) -> None:
    """`--recorded-at 2026-02-30` is told "recorded_at '2026-02-30' is not a real date";
    `--recorded-at 2026-2-30` got "is not an ISO 8601 timestamp; write e.g.
    2023-11-27T09:00:00Z or 2023-11-27", though it is the ISO order a digit short, as
    `2026-1-6` (told "write 2026-01-06") is. It is now told it names no day, and nothing is
    written, by `add-observation` and `retract` alike."""
    before = Path("observations.csv").read_bytes()
    for command in (("add-observation", "share", "2024", "14"), ("retract", "share", "2023")):
        made = run_clean("--lang", lang, *command, "--recorded-at", typed)
        assert made.exit_code != 0 and said in made.stderr, made.stderr
        assert "ISO 8601" not in made.stderr, made.stderr
    assert Path("observations.csv").read_bytes() == before
