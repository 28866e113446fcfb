"""Deadlines that passed with no figure for them yet (issue 12: a deadline that is behind
us is never described as still ahead).

The core is given the reference day (``--as-of``, else the machine's date); a deadline has
passed once the last month of its period is over. Expected values are worked out by hand
in each docstring; none is copied from qntrack's output.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

from helpers import run as _run

from qntrack.files import workspace
from qntrack.kinds import assess_target
from qntrack.method.assessment import ended
from qntrack.plan.model import (
    AverageTarget,
    Baseline,
    Bound,
    CumulativeTarget,
    EveryPeriodTarget,
    Indicator,
    LevelTarget,
    Measure,
    Milestone,
    Observation,
    PlanTarget,
    Text,
)
from qntrack.output.narrative import explain
from qntrack.plan.periods import parse_period as P

ROOT = Path(__file__).resolve().parents[1]

SHARE = Indicator("share", Text.plain("Manufacturing share"), unit="%")
GROWTH = Indicator("growth", Text.plain("GRDP growth"), unit="% y/y", measure=Measure.RATE)
FDI = Indicator("fdi", Text.plain("FDI"), unit="million USD", measure=Measure.FLOW)


def rows(indicator: str, *pairs: tuple[str, float]) -> list[Observation]:
    return sorted((Observation(indicator, P(p), v) for p, v in pairs), key=lambda o: o.period.sort_key)


SHARE_ROWS = rows("share", ("2021", 11.3), ("2022", 11.5), ("2023", 12.3))
LEVEL = LevelTarget(
    id="share",
    indicator="share",
    baseline=Baseline(P("2020"), 9.8),
    milestones=(Milestone(P("2025"), 15.0), Milestone(P("2030"), 30.0)),
)


# --- when a period is over ----------------------------------------------------------------


@pytest.mark.parametrize(
    "period, today, over",
    [
        ("2025", date(2025, 12, 31), False),  # the last day of the year: not over yet
        ("2025", date(2026, 1, 1), True),
        ("2025-Q2", date(2025, 6, 30), False),
        ("2025-Q2", date(2025, 7, 1), True),
        ("2025-H1", date(2025, 7, 31), True),
        ("2025-01", date(2025, 1, 31), False),
        ("2025-01", date(2025, 2, 1), True),
    ],
)
def test_a_period_is_over_once_its_last_month_is(period: str, today: date, over: bool):
    assert ended(P(period), today) is over


def test_no_reference_day_means_no_deadline_is_taken_as_passed():
    """A Python caller without a calendar gets the assessment on the figures alone."""
    a = assess_target(LEVEL, SHARE, SHARE_ROWS)
    assert a.awaiting_figures == ()
    assert ended(P("1990"), None) is False


# --- level ----------------------------------------------------------------------------------


def test_level_milestone_passed_without_a_figure_is_awaited():
    """15% by 2025 with figures through 2023, on 2026-12-01: the 2025 figure is awaited.

    The headline stays on 2025 (no figure judges it yet); its status is still read on the
    2023 figure: Open SDG's method 2 for the worked example, P = 0.8854 (moderate).
    """
    a = assess_target(LEVEL, SHARE, SHARE_ROWS, date(2026, 12, 1))
    assert [str(p) for p in a.awaiting_figures] == ["2025"]
    assert a.next_milestone is not None and str(a.next_milestone.by) == "2025"
    assert a.next_milestone.awaiting_figure and not a.next_milestone.due
    assert not a.milestones[1].awaiting_figure  # 2030 is still ahead
    assert a.status.value == "moderate_progress"
    assert a.missed_milestones == ()  # not judged: no figure says it was missed


def test_level_milestone_before_its_deadline_is_not_awaited():
    a = assess_target(LEVEL, SHARE, SHARE_ROWS, date(2025, 12, 31))
    assert a.awaiting_figures == ()


def test_a_figure_for_the_deadline_ends_the_wait():
    """With 14 recorded for 2025 the milestone is judged (missed), not awaited."""
    a = assess_target(LEVEL, SHARE, SHARE_ROWS + rows("share", ("2025", 14.0)), date(2026, 12, 1))
    assert a.awaiting_figures == ()
    assert [str(p) for p in a.missed_milestones] == ["2025"]


def test_level_sentences_do_not_speak_of_time_left():
    """The worked example: 12.3 * (1 + 0.07868)^2 = 14.31 would have been 2025's figure.

    (0.07868 = (12.3 / 9.8)^(1/3) - 1.) No "from now on it needs": no year is left."""
    a = assess_target(LEVEL, SHARE, SHARE_ROWS, date(2026, 12, 1))
    text = " ".join(explain(a, "en"))
    assert "The 2025 deadline has passed and no 2025 figure is recorded yet; the latest is 12.3% (2023)." in text
    assert "2025 would have ended at 14.31%, short of 15%" in text
    assert "from now on" not in text and "At this pace it reaches" not in text
    vi = " ".join(explain(a, "vi"))
    # The deadline in words, as every period of a Vietnamese sentence (seventeenth session).
    assert "Đã qua hạn năm 2025 nhưng chưa có số liệu năm 2025" in vi and "14,31%" in vi
    assert "từ nay cần" not in vi


def test_no_figure_at_all_and_the_deadline_passed():
    a = assess_target(LEVEL, SHARE, [], date(2026, 12, 1))
    assert a.status.value == "not_available"
    assert [str(p) for p in a.awaiting_figures] == ["2025"]


# --- spans ----------------------------------------------------------------------------------


def test_average_over_a_span_that_ended_with_years_missing():
    """17% a year on average over 2021-2025, only 2021 (32.19%) known, on 2031-01-01.

    The four years without a figure need ((1.17^5 / 1.3219)^(1/4) - 1) = 13.4835% a year
    (1.17^5 = 2.192448, / 1.3219 = 1.658559, ^(1/4) = 1.134835)."""
    t = AverageTarget(id="avg", indicator="growth", bound=Bound(17.0), start=P("2021"), end=P("2025"))
    a = assess_target(t, GROWTH, rows("growth", ("2021", 32.19)), date(2031, 1, 1))
    # The years without a figure, not the span's end (thirtieth session).
    assert [str(p) for p in a.awaiting_figures] == ["2022", "2023", "2024", "2025"]
    assert a.details["required_rate_remaining"] == pytest.approx(13.4835, abs=1e-4)
    text = " ".join(explain(a, "en"))
    assert "The 2021–2025 span is over with no figure yet for 2022, 2023, 2024, 2025" in text
    # Written rounded up, so that it suffices: 13.49 (forty-first session).
    assert "13.49% a year" in text
    assert "remaining" not in text
    during = " ".join(explain(assess_target(t, GROWTH, rows("growth", ("2021", 32.19)), date(2022, 6, 1)), "en"))
    assert "The remaining 4 years need at least 13.49% a year" in during


def test_average_complete_span_is_not_awaiting():
    t = AverageTarget(id="avg", indicator="growth", bound=Bound(10.0), start=P("2021"), end=P("2022"))
    a = assess_target(t, GROWTH, rows("growth", ("2021", 10.28), ("2022", 10.28)), date(2031, 1, 1))
    assert a.awaiting_figures == ()


def test_cumulative_span_over_with_periods_missing():
    """50,000 over 2021-2025 with 2021-2023 = 30,000 in all: the two periods after 2023
    would each need (50,000 - 30,000) / 2 = 10,000."""
    t = CumulativeTarget(id="sum", indicator="fdi", bound=Bound(50000.0), start=P("2021"), end=P("2025"))
    a = assess_target(t, FDI, rows("fdi", ("2021", 10000), ("2022", 10000), ("2023", 10000)), date(2026, 3, 1))
    assert [str(p) for p in a.awaiting_figures] == ["2024", "2025"]  # the two without a figure
    text = " ".join(explain(a, "en"))
    assert "the periods after 2023 have no figure yet" in text and "10,000 million USD" in text
    assert "remaining" not in text


def test_every_period_lists_each_period_over_without_a_figure():
    """At least 10% every year 2021-2025, figures for 2021 and 2023, on 2025-06-01: 2022
    and 2024 are over with no figure; 2025 is not over."""
    t = EveryPeriodTarget(id="dd", indicator="growth", bound=Bound(10.0), start=P("2021"), end=P("2025"))
    a = assess_target(t, GROWTH, rows("growth", ("2021", 10.28), ("2023", 11.03)), date(2025, 6, 1))
    assert [str(p) for p in a.awaiting_figures] == ["2022", "2024"]
    assert "Over, with no figure yet: 2022, 2024." in explain(a, "en")


def test_plan_period_over_without_its_full_figure():
    """A 2025 plan with only the 9-month reading, on 2026-02-01."""
    t = PlanTarget(id="plan", indicator="fdi", period=P("2025"), value=1500.0)
    obs = rows("fdi", ("2025-9M", 900.0))
    a = assess_target(t, FDI, obs, date(2026, 2, 1))
    assert [str(p) for p in a.awaiting_figures] == ["2025"]
    assert explain(a, "en")[0] == "The 2025 plan period is over; its full figure is not recorded yet."
    assert assess_target(t, FDI, obs, date(2025, 12, 31)).awaiting_figures == ()


# --- the commands ---------------------------------------------------------------------------


@pytest.mark.parametrize("cache", ["1", ""])
def test_status_follows_the_reference_day_through_the_cache(tracker: Path, monkeypatch: pytest.MonkeyPatch, cache: str):
    """The same files, two days either side of the 2025 deadline: the second run must not
    be served the first one's statuses (the cache keys on the month)."""
    monkeypatch.setenv("QNTRACK_NO_CACHE", cache)
    for today, expected in ((date(2025, 12, 31), []), (date(2026, 1, 1), ["2025"]), (date(2025, 12, 31), [])):
        monkeypatch.setattr(
            workspace, "reference_day", lambda as_of, today=today: date.fromisoformat(as_of) if as_of else today
        )
        for fmt in ("json", "csv"):
            r = _run("status", "--format", fmt)
            assert r.exit_code == 0, r.output
            if fmt == "json":
                share = json.loads(r.stdout)["targets"][0]
                assert share["awaiting_figures"] == expected
                assert share["milestones"][0]["awaiting_figure"] is bool(expected)
            else:
                row = next(csv.DictReader(io.StringIO(r.stdout)))
                assert row["awaiting_figures"] == ";".join(expected)


def test_as_of_is_the_reference_day(tracker: Path):
    before = json.loads(_run("status", "-f", "json", "--as-of", "2024-12-31").stdout)["targets"][0]
    after = json.loads(_run("status", "-f", "json", "--as-of", "2031-01-01").stdout)["targets"][0]
    assert before["awaiting_figures"] == [] and after["awaiting_figures"] == ["2025", "2030"]


def test_the_table_and_the_report_say_the_figure_is_awaited(tracker: Path):
    r = _run("status", "-f", "table", "--as-of", "2026-12-01")
    assert "⌛ awaiting figure 2025" in r.stdout
    r = _run("status", "-f", "table", "--as-of", "2026-12-01", "--lang", "vi")
    assert "⌛ chờ số liệu 2025" in r.stdout
    r = _run("report", "--format", "markdown", "--as-of", "2026-12-01")
    assert "(⌛ awaiting figure 2025)" in r.stdout
    r = _run("show", "share", "--as-of", "2026-12-01", "-f", "table")
    assert "Deadlines passed, figure awaited" in r.stdout and "2025 deadline has passed" in r.stdout


def test_shipped_span_that_ended_says_so():
    """The case the hostile pass found: `show cbct-va-growth-2021-2025 --as-of 2031-01-01`
    spoke of "the remaining 4 years"."""
    r = _run(
        "show",
        "cbct-va-growth-2021-2025",
        "--as-of",
        "2031-01-01",
        "-f",
        "table",
        "--targets",
        str(ROOT / "targets.yaml"),
    )
    assert r.exit_code == 0, r.output
    assert "remaining" not in r.stdout
    assert "span is over" in r.stdout


def test_every_awaited_milestone_is_said():
    """On 2099-01-01 both deadlines are behind us with no figure: each is said, not only
    the headline's. 12.3 × 1.07868^7 = 20.90 would have been 2030's figure (1.07868 =
    (12.3 / 9.8)^(1/3); ln 1.07868 × 7 = 0.5302, e^0.5302 = 1.699)."""
    a = assess_target(LEVEL, SHARE, SHARE_ROWS, date(2099, 1, 1))
    assert [str(p) for p in a.awaiting_figures] == ["2025", "2030"]
    text = " ".join(explain(a, "en"))
    assert "The 2025 deadline has passed and no 2025 figure is recorded yet" in text
    assert "The 2030 deadline has passed too, and no 2030 figure is recorded yet" in text
    assert "2030 would have ended at 20.9%, short of 30%" in text
    vi = " ".join(explain(a, "vi"))
    assert "2030" in vi and "20,9%" in vi


def test_show_marks_each_awaited_milestone(shipped: Path):
    from helpers import run_clean

    r = run_clean("show", "cbct-share", "--as-of", "2099-01-01")
    assert r.exit_code == 0
    blocks = [line for line in r.stdout.splitlines() if line.startswith("Milestone ")]
    assert len(blocks) == 2 and all("⌛ awaiting figure" in b for b in blocks), blocks
    assert "Needed from now" not in r.stdout  # both deadlines are over
    assert "The 2030 deadline has passed too" in r.stdout


@pytest.mark.parametrize("cache", ["1", ""])
def test_fail_on_awaiting_figure_trips_on_a_deadline_passed_without_a_figure(
    tracker: Path, monkeypatch: pytest.MonkeyPatch, cache: str
):
    """A gate for scripts (the second hostile pass: no command failed on a late figure).
    Not a status: `not_achieved` alone does not trip on it; the word is taken in any case."""
    monkeypatch.setenv("QNTRACK_NO_CACHE", cache)
    monkeypatch.setattr(
        workspace, "reference_day", lambda as_of: date.fromisoformat(as_of) if as_of else date(2026, 12, 1)
    )
    for _ in range(2):  # cold, then warm through the cache
        r = _run("status", "-f", "json", "--fail-on", "AWAITING_FIGURE")
        assert r.exit_code == 3
        assert r.stderr.endswith("--fail-on awaiting_figure: share (2025: deadline passed, figure awaited)\n")
        assert _run("status", "-f", "json", "--fail-on", "not_achieved").exit_code == 0
    r = _run("status", "-f", "json", "--fail-on", "awaiting_figure", "--lang", "vi")
    assert "share (2025: đã qua hạn, chờ số liệu)" in r.stderr
    assert _run("status", "-f", "json", "--fail-on", "awaiting_figure", "--as-of", "2025-06-30").exit_code == 0
