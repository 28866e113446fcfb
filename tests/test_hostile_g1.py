"""Defects of the second hostile pass on the store, recording and checks (issue 12, g1)."""

from __future__ import annotations

import math

from helpers import run_clean, store_text
from qntrack.catalog import Figure
from qntrack.files.checks import jump_ratio


# 1. Figures of any size are shown, never a traceback after a row is written.

def test_figure_shows_any_float() -> None:
    assert Figure(math.inf).text("en") == "∞" and Figure(-math.inf).text("vi") == "-∞"
    assert Figure(1e300).text("en") == "1e+300" and Figure(1e-300).text("vi") == "1e-300"
    assert Figure(1e16).text("en") == "1e+16" and Figure(123.0).text("en") == "123"


def test_jump_ratio_of_extremes_is_infinite_not_an_error() -> None:
    assert jump_ratio(1e300, 1e-300, 5.0) == math.inf
    assert jump_ratio(1e-300, 1e300, 5.0) == math.inf


def test_extreme_revision_is_written_and_warned_of(tracker) -> None:
    r = run_clean("add-observation", "mining", "2021", "1e300", "--recorded-at", "2022-03-01T00:00:00Z")
    assert r.exit_code == 0, r.stderr
    r = run_clean("add-observation", "mining", "2021", "1e-300", "--recorded-at", "2022-04-01T00:00:00Z")
    assert r.exit_code == 0, r.stderr
    assert "∞" in r.stderr and "warning" in r.stderr
    assert store_text(tracker).splitlines()[-1].startswith("mining,2021,1e-300,")
    r = run_clean("check")
    assert r.exit_code == 0, r.stderr
    assert "∞" in r.stderr


def test_extreme_revision_from_file_is_written(tracker) -> None:
    (tracker / "in.csv").write_text("indicator,period,value,recorded_at\n"
                                    "mining,2021,1e300,2022-03-01T00:00:00Z\n", encoding="utf-8")
    assert run_clean("add-observation", "--from", "in.csv").exit_code == 0
    (tracker / "in.csv").write_text("indicator,period,value,recorded_at\n"
                                    "mining,2021,1e-300,2022-04-01T00:00:00Z\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "in.csv")
    assert r.exit_code == 0, r.stderr
    assert "∞" in r.stderr


def test_signed_percent_of_infinity_is_a_dash() -> None:
    from qntrack.output.i18n import signed_percent
    assert signed_percent(math.inf, "en") == "–" and signed_percent(-math.inf, "vi") == "–"
