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
