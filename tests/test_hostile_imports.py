"""Defects of a hostile pass on imports into a tracker with breakdowns (issue 17)."""

from __future__ import annotations

from helpers import run_clean, store_text


# 1. A row left out as already recorded whose period's vintage in force is the same figure
# (value, status and source; only its moment differs) is no news: the figure IS in force.
# It was said to be "not the figure in force", with advice to put it "back in force".

ROWS = "indicator,period,value,status,source\nmining,2021,18,official,Niên giám 2021\nmining,2022,17,official,NG\n"


def test_an_older_vintage_of_the_figure_in_force_is_not_said_out_of_force(tracker) -> None:
    (tracker / "in.csv").write_text(ROWS, encoding="utf-8")
    assert run_clean("add-observation", "--from", "in.csv").exit_code == 0  # stamped now
    # The same figures, dated when they were published: kept as earlier vintages.
    r = run_clean("add-observation", "--from", "in.csv", "--recorded-at", "2023-03-01T00:00:00Z")
    assert r.exit_code == 0, r.stderr
    before = store_text(tracker)
    for lang in ("en", "vi"):
        r = run_clean("add-observation", "--from", "in.csv", "--recorded-at", "2023-03-01T00:00:00Z", "--lang", lang)
        assert r.exit_code == 0, r.stderr
        assert "2 row(s)" in r.stderr or "2 dòng" in r.stderr, r.stderr
        assert "warning" not in r.stderr and "cảnh báo" not in r.stderr, r.stderr
    assert store_text(tracker) == before


def test_a_single_older_vintage_of_the_figure_in_force_is_said_already_recorded(tracker) -> None:
    args = ("add-observation", "mining", "2021", "18", "--status", "official", "--source", "S")
    assert run_clean(*args).exit_code == 0
    assert run_clean(*args, "--recorded-at", "2023-03-01T00:00:00Z").exit_code == 0
    r = run_clean(*args, "--recorded-at", "2023-03-01T00:00:00Z")
    assert r.exit_code == 0, r.stderr
    assert "already recorded" in r.stderr and "in force" not in r.stderr, r.stderr


def test_an_older_vintage_of_another_figure_is_still_said_out_of_force(tracker) -> None:
    # The warning stays where it has news: the figure in force is another (a revision).
    (tracker / "in.csv").write_text(ROWS, encoding="utf-8")
    assert run_clean("add-observation", "--from", "in.csv", "--recorded-at", "2023-03-01T00:00:00Z").exit_code == 0
    assert run_clean("add-observation", "mining", "2021", "19", "--status", "official").exit_code == 0
    r = run_clean("add-observation", "--from", "in.csv", "--recorded-at", "2023-03-01T00:00:00Z")
    assert r.exit_code == 0, r.stderr
    assert "not the figure in force (19," in r.stderr, r.stderr


# 2. A docstring's "\," was an invalid escape: a DeprecationWarning at every import of the
# module on Python 3.11, a SyntaxWarning from 3.12, in every run's warnings summary.


def test_the_sources_compile_without_an_invalid_escape() -> None:
    import warnings
    from pathlib import Path

    import qntrack

    for path in sorted(Path(qntrack.__file__).parent.rglob("*.py")):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            compile(path.read_text(encoding="utf-8"), str(path), "exec")


# 3. In a plan with breakdowns, an unknown column was told only the long shape's columns:
# 'provinces' got no "did you mean 'province'?", and the list of columns (said to be
# every column read) left out the dimensions' columns, as if a unit could not be given.

BREAKDOWNS = """\
title: {en: Breakdowns, vi: Phân tổ}
dimensions:
  province:
    name: {en: Province, vi: "Tỉnh, thành phố"}
    values: [Hà Nội, Huế]
  sex:
    name: {en: Sex, vi: Giới tính}
    values: [Nam, Nữ]
indicators:
  p: {name: Poverty, unit: "%", measure: rate, dimensions: [province, sex]}
targets: []
"""


def test_an_unknown_column_is_told_the_plans_breakdown_columns(tracker) -> None:
    (tracker / "targets.yaml").write_text(BREAKDOWNS, encoding="utf-8")
    (tracker / "observations.csv").write_text("indicator,period,value,status,source,note,recorded_at\n")
    (tracker / "in.csv").write_text("indicator,provinces,sex,period,value\np,Huế,Nam,2024,5\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "in.csv")
    assert r.exit_code == 1
    assert "did you mean 'province'?" in r.stderr and "province, sex" in r.stderr, r.stderr
    (tracker / "in.csv").write_text("chỉ tiêu,Tỉnh,kỳ,giá trị\np,Huế,2024,5\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "in.csv", "--lang", "vi")
    assert r.exit_code == 1
    assert "province, sex" in r.stderr, r.stderr
