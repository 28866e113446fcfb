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


# --- 3. a status set by hand beside targets that judge the indicator ---------------------

STORE = (
    "indicator,period,value,recorded_at,source,status,note\n"
    "poverty,2015,10,2025-01-01T00:00:00Z,GSO,,\npoverty,2020,8,2025-01-01T00:00:00Z,GSO,,\n"
)
HAND = (
    "version: 1\ntitle: T\nindicators:\n  poverty:\n    name: Poverty\n    direction: decrease\n"
    "    open_sdg:\n      progress_status: limited_progress\n"
)
TARGET = "targets:\n- id: p\n  indicator: poverty\n  type: plan\n  period: '2020'\n  value: 9\n"


def _tracker(root: Path, text: str) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "observations.csv").write_text(STORE, encoding="utf-8")
    plan = root / "targets.yaml"
    plan.write_text(text, encoding="utf-8")
    return plan


def test_check_warns_of_a_status_set_by_hand_that_targets_override(tmp_path: Path) -> None:
    plan = _tracker(tmp_path, HAND + TARGET)
    r = run_clean("--targets", str(plan), "check")
    assert r.exit_code == 0, r.output  # a warning
    said = [line for line in r.stderr.splitlines() if "limited_progress" in line]
    assert len(said) == 1, r.stderr
    # At the indicator's line (4), naming the indicator, the status and the target.
    assert said[0].startswith("targets.yaml:4") or f"{plan}:4" in said[0], said
    assert "poverty" in said[0] and "'p'" in said[0], said
    listed = run_clean("check", "--list")
    assert listed.stdout.splitlines()[-2].split()[:3] == [
        "open-sdg-status",
        "warning",
        "default",
    ]  # unit-baseline: 43rd
    only = run_clean("--targets", str(plan), "check", "open-sdg-status")
    assert only.exit_code == 0 and "limited_progress" in only.stderr, only.output
    # Vietnamese too.
    vi = run_clean("--lang", "vi", "--targets", str(plan), "check")
    assert any("limited_progress" in line and "mục tiêu" in line for line in vi.stderr.splitlines()), vi.stderr


def test_no_warning_without_targets_or_without_a_status_set_by_hand(tmp_path: Path) -> None:
    alone = _tracker(tmp_path / "a", HAND + "targets: []\n")
    assert "limited_progress" not in run_clean("--targets", str(alone), "check").stderr
    computed = _tracker(
        tmp_path / "b", HAND.replace("    open_sdg:\n      progress_status: limited_progress\n", "") + TARGET
    )
    assert "progress_status" not in run_clean("--targets", str(computed), "check").stderr


def test_the_export_says_which_status_it_wrote_instead(tmp_path: Path) -> None:
    plan = _tracker(tmp_path, HAND + TARGET)
    r = run_clean("--targets", str(plan), "export", "opensdg", "--into", str(tmp_path / "site"))
    assert r.exit_code == 0, r.output
    said = [line for line in r.stderr.splitlines() if "limited_progress" in line]
    assert len(said) == 1 and "'p'" in said[0], r.stderr
    # What it wrote: 8 is at most 9 in 2020, target_achieved (the plan target's status),
    # in the file and in the warning.
    front = (tmp_path / "site" / "meta" / "poverty.md").read_text(encoding="utf-8")
    assert "progress_status: target_achieved" in front
    assert "progress_status: target_achieved" in said[0], said


# --- 4. open_sdg on a Progress companion -----------------------------------------------


def test_open_sdg_on_a_progress_companion_is_refused_at_its_line(tmp_path: Path) -> None:
    text = (
        "version: 1\ntitle: T\nindicators:\n  poverty:\n    name: Poverty\n"
        "  poverty_progress:\n    name: Poverty (progress)\n"
        "    open_sdg:\n      progress_status: limited_progress\ntargets: []\n"
    )
    plan = _tracker(tmp_path, text)
    r = run_clean("--targets", str(plan), "check")
    assert r.exit_code == 1, r.output
    assert "Traceback" not in r.output
    line = [x for x in r.stderr.splitlines() if "poverty_progress" in x]
    assert line and ":8" in line[0].split(" ")[0], r.stderr  # the open_sdg line
    assert "poverty:" in line[0] or "'poverty'" in line[0], line  # what is valid: give it on poverty
    # Without poverty in the plan, poverty_progress is an indicator of its own: accepted.
    alone = _tracker(tmp_path / "alone", text.replace("  poverty:\n    name: Poverty\n", ""))
    (tmp_path / "alone" / "observations.csv").write_text(STORE.replace("poverty,", "poverty_progress,"))
    r = run_clean("--targets", str(alone), "check")
    assert r.exit_code == 0, r.output


def test_a_unit_no_row_has_is_warned_of_when_one_series_remains(tmp_path: Path) -> None:
    # sdg-build: "Field Per cent not found in column Units", then the rows unfiltered.
    meta = "---\nindicator_name: Employment\nauto_progress_calculation: true\nprogress_calculation_options:\n- unit: Per cent\n---\n"
    site = write_repository(
        tmp_path / "site",
        {"data/indicator_1-1-1.csv": "Year,Units,Value\n2015,Percent,50\n2020,Percent,60\n", "meta/1-1-1.md": meta},
    )
    r = _import(site, tmp_path / "t")
    assert r.exit_code == 0, r.output
    assert any("Per cent" in line and "item 1" in line for line in r.stderr.splitlines()), r.stderr
