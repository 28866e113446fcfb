"""A statistics office round-tripping its data through Open SDG and SDMX (issue 17, twentieth
session): `import opensdg`, `export opensdg`, the import of the export, and the SDMX-CSV
forms, tried as an office would (docs/decisions.md, "An office round-tripping through Open
SDG and SDMX"). Expected values are written out by hand from the files below."""

from __future__ import annotations

from pathlib import Path

import yaml

from helpers import run_clean, write_repository


def _targets(folder: Path) -> list[dict]:
    return yaml.safe_load((folder / "targets.yaml").read_text(encoding="utf-8"))["targets"]


def _round_trip(tmp_path: Path, files: dict[str, str]) -> tuple[list[dict], list[dict], Path]:
    """Import the repository, export the tracker, import the export: both plans' targets."""
    repo = write_repository(tmp_path / "repo", files)
    first = run_clean("import", "opensdg", str(repo), "--into", str(tmp_path / "t1"), "--recorded-at", "2025-11-01")
    assert first.exit_code == 0, first.stderr
    site = tmp_path / "site"
    out = run_clean("--targets", str(tmp_path / "t1" / "targets.yaml"), "export", "opensdg", "--into", str(site))
    assert out.exit_code == 0, out.stderr
    again = run_clean("import", "opensdg", str(site), "--into", str(tmp_path / "t2"), "--recorded-at", "2025-11-02")
    assert again.exit_code == 0, again.stderr
    return _targets(tmp_path / "t1"), _targets(tmp_path / "t2"), site


# --- 1. a round trip keeps a target's name and Open SDG's series tag ----------------------


def test_an_option_naming_no_unit_keeps_its_bare_tag_through_a_round_trip(tmp_path: Path):
    # Statistics Canada's 1-4-1: one Units value, an option that names no unit. Open SDG
    # tags the series '1-4-1' (indicator_calculation_components.yml); the import judges
    # the one unit there is (of: {units: 2024 constant dollars}) and gives no name. The
    # export wrote `unit: 2024 constant dollars`, so Open SDG would tag the series
    # '1-4-1 / 2024 constant dollars' and the second import named the target so. By hand:
    # with one Units value, an option naming none takes the same two rows, so the export
    # leaves it out, and the tag stays '1-4-1' (no name).
    files = {
        "data/indicator_1-4-1.csv": """\
            Year,Units,Value
            2015,2024 constant dollars,70900
            2020,2024 constant dollars,75500
            """,
        "meta/1-4-1.md": """\
            ---
            indicator_name: Median income
            auto_progress_calculation: true
            progress_calculation_options:
            - direction: positive
            ---
            """,
    }
    first, second, site = _round_trip(tmp_path, files)
    assert "name" not in first[0]
    assert "name" not in second[0]
    assert first[0]["of"] == second[0]["of"] == {"units": "2024 constant dollars"}
    meta = (site / "meta" / "1-4-1.md").read_text(encoding="utf-8")
    option = yaml.safe_load(meta.split("---\n")[1])["progress_calculation_options"][0]
    assert "unit" not in option


def test_an_option_keeps_the_order_of_its_disaggregations_through_a_round_trip(tmp_path: Path):
    # 3-9-1's options list Selected diseases, Target population, Geography (the columns
    # are Geography first): Open SDG's tag follows the option's order,
    # '3-9-1 / Polio / 2-year-olds / Canada'. The export wrote the columns' order
    # (Geography first), so the second import named it '3-9-1 / Canada / Polio / 2-year-olds'.
    # By hand, the option written back in its own order gives back the first tag.
    files = {
        "data/indicator_3-9-1.csv": """\
            Year,Geography,Selected diseases,Target population,Value
            2015,Canada,Polio,2-year-olds,80
            2019,Canada,Polio,2-year-olds,85
            2015,Canada,Mumps,2-year-olds,70
            2019,Canada,Mumps,2-year-olds,75
            """,
        "meta/3-9-1.md": """\
            ---
            indicator_name: Vaccination coverage
            auto_progress_calculation: true
            progress_calculation_options:
            - direction: positive
              target: 95
              target_year: 2025
              disaggregation:
              - field: Selected diseases
                value: Polio
              - field: Target population
                value: 2-year-olds
              - field: Geography
                value: Canada
            ---
            """,
    }
    first, second, site = _round_trip(tmp_path, files)
    assert first[0]["name"] == "3-9-1 / Polio / 2-year-olds / Canada"
    assert second[0]["name"] == "3-9-1 / Polio / 2-year-olds / Canada"
    meta = (site / "meta" / "3-9-1.md").read_text(encoding="utf-8")
    option = yaml.safe_load(meta.split("---\n")[1])["progress_calculation_options"][0]
    assert [d["field"] for d in option["disaggregation"]] == ["Selected diseases", "Target population", "Geography"]
