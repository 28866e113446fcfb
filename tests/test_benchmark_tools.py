"""The benchmark's generator writes a valid national-shaped dataset (small here, to stay fast)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qntrack.cli import app
from qntrack.files.definitions import load_plan
from qntrack.files.store import read_store

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))
import generate  # noqa: E402


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    folder = tmp_path_factory.mktemp("generated")
    counts = generate.generate(folder, provinces=2, indicators=99, years=5)
    return folder, counts


def test_a_small_dataset_passes_check(small):
    folder, counts = small
    assert counts["targets"] == 200 and 4_000 <= counts["rows"] <= 6_000
    r = CliRunner().invoke(app, ["check", "--targets", str(folder / "targets.yaml")], env={"QNTRACK_NO_CACHE": "1"})
    assert (r.exit_code, r.stdout, r.stderr) == (0, "", "")


def test_it_has_every_target_kind_revisions_and_a_derived_indicator(small):
    folder, counts = small
    plan = load_plan(folder / "targets.yaml")
    assert {t.kind for t in plan.targets} == {"level", "every_period", "average", "cumulative", "plan"}
    assert {i.frequency.value for i in plan.indicators.values()} == {"year", "half", "quarter", "month"}
    assert any(i.formula for i in plan.indicators.values())
    rows = read_store(folder / "observations.csv").observations
    assert len(rows) == counts["rows"]
    vintages = {(o.indicator, o.period) for o in rows}
    assert counts["revisions"] > 0 and len(vintages) == len(rows) - counts["revisions"]


def test_the_same_seed_gives_the_same_bytes(small, tmp_path: Path):
    folder, _ = small
    generate.generate(tmp_path, provinces=2, indicators=99, years=5)
    for name in ("targets.yaml", "observations.csv"):
        assert (tmp_path / name).read_bytes() == (folder / name).read_bytes()


def test_status_reads_it(small):
    folder, counts = small
    r = CliRunner().invoke(
        app, ["status", "--targets", str(folder / "targets.yaml"), "--format", "tsv"], env={"QNTRACK_NO_CACHE": "1"}
    )
    assert r.exit_code == 0 and len(r.stdout.splitlines()) == counts["targets"] + 1


def test_the_csv_floor_script_runs(small):
    folder, _ = small
    out = subprocess.run(
        [sys.executable, str(BENCHMARKS / "csv_floor.py"), str(folder / "observations.csv")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out == "198 indicators\n"


# --- issue 17's two shapes (benchmarks/shapes.py): small instances --------------------------

import csv  # noqa: E402

import shapes  # noqa: E402


@pytest.fixture(scope="module", params=("provinces", "independent"))
def shaped(request, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path, dict[str, int]]:
    folder = tmp_path_factory.mktemp(request.param)
    sizes = {
        "provinces": dict(indicators=10, years=2, provinces=12, import_rows=500),
        "independent": dict(indicators=60, years=30, import_rows=500),
    }[request.param]
    return request.param, folder, shapes.SHAPES[request.param](folder, **sizes)


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_a_shape_repeats_no_field_more_than_real_figures(shaped):
    name, folder, counts = shaped
    rows = _rows(folder / "observations.csv")
    assert len(rows) == counts["rows"] >= 1_000
    values = [r["value"] for r in rows]
    assert len(set(values)) >= 0.99 * len(values)
    # 4 to 6 significant digits, not a rounded step: few values end in 0 after the point.
    assert sum(v.endswith("0") and "." in v for v in values) < 0.15 * len(values)
    assert len({r["source"] for r in rows}) >= 12  # one an office (12 provinces here; 60 agencies)
    releases = {r["recorded_at"] for r in rows}
    assert len(releases) >= len(rows) / 100, name  # one moment a release, not one for the whole store


def test_a_shape_passes_check_and_its_import_file_adds_every_row(shaped, tmp_path: Path):
    name, folder, counts = shaped
    env = {"QNTRACK_NO_CACHE": "1"}
    r = CliRunner().invoke(app, ["check", "--targets", str(folder / "targets.yaml")], env=env)
    assert (r.exit_code, r.stdout, r.stderr) == (0, "", ""), name
    for file in ("targets.yaml", "observations.csv"):
        (tmp_path / file).write_bytes((folder / file).read_bytes())
    new = _rows(folder / "import.csv")
    assert len(new) == counts["import_rows"] == 500
    assert not {r["value"] for r in new} & {r["value"] for r in _rows(folder / "observations.csv")}
    r = CliRunner().invoke(
        app,
        ["--targets", str(tmp_path / "targets.yaml"), "add-observation", "--from", str(folder / "import.csv")],
        env=env,
    )
    assert r.exit_code == 0, r.stderr
    assert len(_rows(tmp_path / "observations.csv")) == counts["rows"] + 500


def test_a_shape_is_the_same_bytes_for_the_same_seed(tmp_path: Path):
    for n in (1, 2):
        shapes.provinces(tmp_path / str(n), indicators=3, years=1, provinces=3, import_rows=50)
    for file in ("targets.yaml", "observations.csv", "import.csv"):
        assert (tmp_path / "1" / file).read_bytes() == (tmp_path / "2" / file).read_bytes()


def test_provinces_break_figures_down_and_independent_indicators_have_one_level_target_each(shaped):
    name, folder, counts = shaped
    plan = load_plan(folder / "targets.yaml")
    keys = {r["indicator"] for r in _rows(folder / "observations.csv")}
    if name == "provinces":
        assert {len(i.dimensions) for i in plan.indicators.values()} == {1, 2}
        assert {"sdg_001", "sdg_001[province=Hà Nội;sex=Nữ]", "sdg_010[province=Huế]"} <= keys
        assert all(t.for_each for t in plan.targets)
    else:
        assert len(keys) == len(plan.indicators) == len(plan.targets) == counts["targets"] == 60
        assert all(t.kind == "level" and len(t.milestones) == 2 for t in plan.targets)
