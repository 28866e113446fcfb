"""Session 37, pass J: Open SDG leftovers of passes D, F and G.

- A progress option whose ``disaggregation`` names a field the data file lacks was
  dropped in silence when one series remained; sdg-build's progress measure warns
  ("Column Sexes not found in data ...") and assesses the rows unfiltered.
- ``auto_progress_calculation: "true"`` (text) is off to sdg-build, which turns the
  calculation on only for YAML's true (``is True``); the import said "is off" without
  saying what it had read.

Expected texts are Open SDG's words and the values typed below."""

from __future__ import annotations

from pathlib import Path

import yaml

from helpers import run_clean, write_repository

DAY = "2025-11-01"


def _import(site: Path, into: Path, *more: str):
    return run_clean("import", "opensdg", str(site), "--into", str(into), "--recorded-at", DAY, *more)


# --- 1. a disaggregation field the data file lacks -------------------------------------

SEXES = (
    "---\nindicator_name: Employment\nauto_progress_calculation: true\n"
    "progress_calculation_options:\n- disaggregation:\n  - field: Sexes\n    value: Female\n"
    "  target: 80\n  direction: positive\n---\n"
)


def test_a_field_the_data_lacks_is_warned_of_with_the_closest_column(tmp_path: Path) -> None:
    # One column Sex with one value: one series remains, as sdg-build finds it.
    site = write_repository(
        tmp_path / "site",
        {"data/indicator_1-1-1.csv": "Year,Sex,Value\n2015,Female,50\n2020,Female,60\n", "meta/1-1-1.md": SEXES},
    )
    r = _import(site, tmp_path / "t")
    assert r.exit_code == 0, r.output
    warning = [line for line in r.stderr.splitlines() if "Sexes" in line]
    assert warning, r.stderr
    said = " ".join(warning)
    assert "meta/1-1-1.md" in said and "item 1" in said
    assert "Sexes" in said and "'Sex'" in said  # the field and the closest column
    # The target still assesses the one series, as sdg-build does.
    plan = yaml.safe_load((tmp_path / "t" / "targets.yaml").read_text(encoding="utf-8"))
    assert [t["target"] for t in plan["targets"]] == [80]


def test_a_value_no_row_has_is_warned_of_too(tmp_path: Path) -> None:
    meta = SEXES.replace("Sexes", "Sex").replace("value: Female", "value: Women")
    site = write_repository(
        tmp_path / "site",
        {"data/indicator_1-1-1.csv": "Year,Sex,Value\n2015,Female,50\n2020,Female,60\n", "meta/1-1-1.md": meta},
    )
    r = _import(site, tmp_path / "t")
    assert r.exit_code == 0, r.output
    assert any("Women" in line and "meta/1-1-1.md" in line for line in r.stderr.splitlines()), r.stderr


def test_the_warning_is_in_vietnamese_too(tmp_path: Path) -> None:
    site = write_repository(
        tmp_path / "site",
        {"data/indicator_1-1-1.csv": "Year,Sex,Value\n2015,Female,50\n2020,Female,60\n", "meta/1-1-1.md": SEXES},
    )
    r = run_clean("--lang", "vi", "import", "opensdg", str(site), "--into", str(tmp_path / "t"), "--recorded-at", DAY)
    assert r.exit_code == 0, r.output
    said = " ".join(line for line in r.stderr.splitlines() if "Sexes" in line)
    assert "cột" in said and "'Sex'" in said, r.stderr


# --- 2. auto_progress_calculation written as text --------------------------------------


def test_a_quoted_true_is_off_as_sdg_build_reads_it_and_says_what_was_read(tmp_path: Path) -> None:
    meta = '---\nindicator_name: Poverty\nauto_progress_calculation: "true"\nprogress_status: target_achieved\n---\n'
    site = write_repository(
        tmp_path / "site", {"data/indicator_1-1-1.csv": "Year,Value\n2015,10\n2020,8\n", "meta/1-1-1.md": meta}
    )
    r = _import(site, tmp_path / "t")
    assert r.exit_code == 0, r.output
    said = " ".join(line for line in r.stderr.splitlines() if "auto_progress_calculation" in line)
    # What was read (text 'true'), that sdg-build reads it as off, and what turns it on.
    assert "'true'" in said and "auto_progress_calculation: true" in said, r.stderr
    plan = yaml.safe_load((tmp_path / "t" / "targets.yaml").read_text(encoding="utf-8"))
    assert plan.get("targets") in (None, [])  # sdg-build computes nothing: the status is the site's
    assert plan["indicators"]["1_1_1"]["open_sdg"] == {"progress_status": "target_achieved"}


def test_a_quoted_true_without_a_status_is_said_too(tmp_path: Path) -> None:
    meta = "---\nindicator_name: Poverty\nauto_progress_calculation: 'yes'\n---\n"
    site = write_repository(
        tmp_path / "site", {"data/indicator_1-1-1.csv": "Year,Value\n2015,10\n2020,8\n", "meta/1-1-1.md": meta}
    )
    r = _import(site, tmp_path / "t")
    assert r.exit_code == 0, r.output
    assert any("'yes'" in line and "meta/1-1-1.md" in line for line in r.stderr.splitlines()), r.stderr


def test_yaml_true_and_false_say_nothing_of_it(tmp_path: Path) -> None:
    for word in ("true", "false"):
        meta = f"---\nindicator_name: Poverty\nauto_progress_calculation: {word}\n---\n"
        site = write_repository(
            tmp_path / word, {"data/indicator_1-1-1.csv": "Year,Value\n2015,10\n2020,8\n", "meta/1-1-1.md": meta}
        )
        r = _import(site, tmp_path / f"t{word}")
        assert r.exit_code == 0, r.output
        assert "auto_progress_calculation" not in r.stderr, r.stderr
