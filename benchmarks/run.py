"""Time qntrack as whole processes and print each figure as a ratio to a baseline.

Absolute times drift on shared machines, so every measure is paired with a baseline
timed in the same run, the two interleaved run by run; the figure is the ratio of their
medians. Peak memory comes from ``os.wait4`` (the child's own maximum resident size).

    python benchmarks/run.py            # the full benchmark: ~1M rows, a few minutes
    python benchmarks/run.py --quick    # a small dataset and fewer runs: a smoke test
    python benchmarks/run.py --runs 7 --json results.json

Datasets are generated (seeded, so always the same) into benchmarks/.data/, which git
ignores; they are reused while the generator is unchanged. Before timing, qntrack's
bytecode is compiled, as installing it with pip does, so that no run pays for compiling.
"""

from __future__ import annotations

import argparse
import compileall
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (the generator next to this file; run in a child process)

PY = sys.executable


@dataclass
class Timing:
    seconds: list[float] = field(default_factory=list)
    peak_mb: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


@dataclass
class Row:
    measure: str
    value: float
    goal: float | None
    detail: str
    unit: str = "x"

    @property
    def met(self) -> bool | None:
        return None if self.goal is None else self.value <= self.goal


def qntrack_command() -> list[str]:
    script = Path(PY).parent / "qntrack"
    return [str(script)] if script.exists() else [PY, "-m", "qntrack"]


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    for name in ("QNTRACK_TARGETS", "QNTRACK_LANG", "QNTRACK_NO_CACHE"):
        env.pop(name, None)
    return env


def run_once(argv: list[str], timing: Timing, cwd: Path | None = None, expect: tuple[int, ...] = (0,)) -> None:
    """Run one process with its output discarded; record wall time and peak RSS."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=cwd, env=child_env())
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    if proc.returncode not in expect:
        raise SystemExit(f"benchmark command failed ({proc.returncode}): {' '.join(argv)}\n{err}")
    timing.seconds.append(elapsed)
    timing.peak_mb.append(usage.ru_maxrss / 1024)  # KiB on Linux


def paired(
    runs: int, baseline: list[str], measured: list[str], before=None, before_base=None, label: str = ""
) -> tuple[Timing, Timing]:
    """Alternate baseline and measured runs; ``before()`` and ``before_base()`` prepare them, untimed."""
    base, meas = Timing(), Timing()
    for i in range(runs):
        if before_base is not None:
            before_base()
        run_once(baseline, base)
        if before is not None:
            before()
        run_once(measured, meas)
        sys.stderr.write(f"  {label} {i + 1}/{runs}: {meas.seconds[-1]:.3f}s vs {base.seconds[-1]:.3f}s\n")
    return base, meas


# --- datasets ------------------------------------------------------------------------------


def dataset(root: Path, name: str, **kwargs: int) -> Path:
    """Generate once per generator version and parameters; return the folder."""
    folder = root / name
    stamp = hashlib.sha256(
        (Path(generate.__file__).read_text(encoding="utf-8") + repr(sorted(kwargs.items()))).encode()
    ).hexdigest()
    marker = folder / ".generated"
    if not (marker.exists() and marker.read_text() == stamp):
        if folder.exists():
            shutil.rmtree(folder)
        sys.stderr.write(f"generating {name} ({kwargs}) ...\n")
        # In a process of its own: the children timed later inherit this process's peak
        # memory figure through fork and exec, so it must stay small.
        code = (
            f"import json, generate; from pathlib import Path; "
            f"print(json.dumps(generate.generate(Path({str(folder)!r}), **{kwargs!r})))"
        )
        counts = subprocess.run([PY, "-c", code], cwd=HERE, check=True, capture_output=True, text=True).stdout
        (folder / "counts.json").write_text(counts)
        marker.write_text(stamp)
    return folder


def counts(folder: Path) -> dict[str, int]:
    return json.loads((folder / "counts.json").read_text())


def fresh_copy(src: Path, dst: Path) -> Path:
    if dst.exists():
        shutil.rmtree(dst)
    dst.mkdir(parents=True)
    for name in ("targets.yaml", "observations.csv"):
        shutil.copyfile(src / name, dst / name)
    return dst


def drop_cache(folder: Path) -> None:
    shutil.rmtree(folder / ".qntrack-cache", ignore_errors=True)


# --- the benchmark ---------------------------------------------------------------------------


def national_measures(
    rows: list[Row], runs: int, qn: list[str], national: Path, doubled: Path, work: Path, floor_argv: list[str]
) -> None:
    # status json, national, cold: no cache at all before each run.
    nat = fresh_copy(national, work / "national")
    status_json = [*qn, "--targets", str(nat / "targets.yaml"), "status", "--format", "json"]
    floor, cold = paired(
        runs,
        floor_argv + [str(nat / "observations.csv")],
        status_json,
        before=lambda: drop_cache(nat),
        label="status json cold",
    )
    rows.append(
        Row(
            "status json, national, cold",
            cold.median / floor.median,
            2.0,
            f"{cold.median:.2f}s vs CSV floor {floor.median:.2f}s",
        )
    )

    # The same after appending one row: the cache is warm from the previous run.
    counter = iter(range(10**6))

    def append_one() -> None:
        subprocess.run(
            [*qn, "--targets", str(nat / "targets.yaml"), "status", "--format", "json"],
            stdout=subprocess.DEVNULL,
            check=True,
            env=child_env(),
        )  # warm, untimed
        with open(nat / "observations.csv", "a", encoding="utf-8") as fh:
            fh.write(
                f"grdp_growth_total_p01,2024,{7 + next(counter) / 100:.2f},official,benchmark,,"
                f"{time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())}\n"
            )

    floor2, warm = paired(
        runs,
        floor_argv + [str(nat / "observations.csv")],
        status_json,
        before=append_one,
        label="status json after an append",
    )
    rows.append(
        Row(
            "status json, national, after one append",
            warm.median / floor2.median,
            0.3,
            f"{warm.median:.2f}s vs CSV floor {floor2.median:.2f}s",
        )
    )

    # add-observation: the national store against a 10-row store, same targets.yaml.
    small = fresh_copy(national, work / "ten-rows")
    with open(national / "observations.csv", encoding="utf-8") as fh:
        (small / "observations.csv").write_text("".join(next(fh) for _ in range(11)), encoding="utf-8")
    add_national = [
        *qn,
        "--targets",
        str(nat / "targets.yaml"),
        "add-observation",
        "grdp_growth_total_p02",
        "2024",
        "7.25",
        "--source",
        "benchmark",
    ]
    add_small = [
        *qn,
        "--targets",
        str(small / "targets.yaml"),
        "add-observation",
        "grdp_growth_total_p02",
        "2024",
        "7.25",
        "--source",
        "benchmark",
    ]
    # Both sides are mostly the same 4 MB targets.yaml parsed (about 1.5 s, give or take a
    # fifth from run to run on a shared machine) and should differ by nothing: three times
    # the runs, so that the ratio of their medians settles near what it is.
    ten, big = paired(3 * runs, add_small, add_national, label="add-observation")
    rows.append(
        Row(
            "add-observation, national vs 10-row store",
            big.median / ten.median,
            1.2,
            f"{big.median:.2f}s vs {ten.median:.2f}s",
        )
    )

    # check, national, against the CSV floor.
    check_argv = [*qn, "--targets", str(nat / "targets.yaml"), "check"]
    floor3, chk = paired(runs, floor_argv + [str(nat / "observations.csv")], check_argv, label="check")
    rows.append(
        Row(
            "check, national, vs CSV floor",
            chk.median / floor3.median,
            None,
            f"{chk.median:.2f}s vs {floor3.median:.2f}s",
        )
    )

    # How the cold status grows with the store: twice the rows against once.
    dbl = fresh_copy(doubled, work / "double")
    double_json = [*qn, "--targets", str(dbl / "targets.yaml"), "status", "--format", "json"]
    one, two = paired(
        runs,
        status_json,
        double_json,
        before=lambda: drop_cache(dbl),
        before_base=lambda: drop_cache(nat),
        label="2M vs 1M",
    )
    n1, n2 = counts(national)["rows"], counts(doubled)["rows"]
    rows.append(
        Row(
            f"status json cold, {n2:,} vs {n1:,} rows",
            two.median / one.median,
            2.1,
            f"{two.median:.2f}s vs {one.median:.2f}s",
        )
    )

    rows.append(
        Row(
            "peak memory, status json, national, cold",
            max(cold.peak_mb),
            600.0,
            f"CSV floor {max(floor.peak_mb):.0f} MB",
            unit="MB",
        )
    )


def shipped_measures(rows: list[Row], runs: int, qn: list[str], work: Path) -> None:
    # The shipped dataset against `import typer`; each command is run once untimed first.
    # These take a tenth of a second, so they get four times the runs: noise is relatively larger.
    shipped = fresh_copy(REPO, work / "shipped")
    typer_argv = [PY, "-c", "import typer"]
    for label, extra, goal in (
        ("--version", ["--version"], 1.15),
        ("status json", ["status", "--format", "json"], 1.5),
        ("status table", ["status", "--format", "table"], 2.0),
    ):
        argv = [*qn, *(["--targets", str(shipped / "targets.yaml")] if extra[0] != "--version" else []), *extra]
        run_once(argv, Timing())
        base, meas = paired(runs * 4, typer_argv, argv, label=label)
        rows.append(
            Row(
                f"{label}, shipped dataset, vs import typer",
                meas.median / base.median,
                goal,
                f"{meas.median * 1000:.0f}ms vs {base.median * 1000:.0f}ms",
            )
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a small dataset and 3 runs (a smoke test)")
    parser.add_argument("--runs", type=int, help="runs per measure (default 5, or 3 with --quick)")
    parser.add_argument("--data", type=Path, default=HERE / ".data", help="where datasets are generated")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument(
        "--only",
        choices=("national", "shipped"),
        help="only the measures on the national datasets, or only those on the shipped dataset",
    )
    args = parser.parse_args(argv)
    runs = args.runs or (3 if args.quick else 5)
    scale = dict(provinces=4, indicators=160, years=12) if args.quick else dict(provinces=63, indicators=160, years=25)
    double = {**scale, "years": scale["years"] * 2}

    import qntrack

    compileall.compile_dir(str(Path(qntrack.__file__).parent), quiet=1)
    qn = qntrack_command()
    root = args.data / ("quick" if args.quick else "full")
    national = dataset(root, "national", **scale)
    doubled = dataset(root, "double", **double)
    work = root / "work"
    rows: list[Row] = []
    floor_argv = [PY, str(HERE / "csv_floor.py")]

    if args.only != "shipped":
        national_measures(rows, runs, qn, national, doubled, work, floor_argv)
    if args.only != "national":
        shipped_measures(rows, runs, qn, work)

    c = counts(national)
    print(
        f"\nqntrack benchmark{' (quick)' if args.quick else ''}: {c['targets']:,} targets, {c['indicators']:,} "
        f"indicators, {c['rows']:,} rows ({c['revisions']:,} revisions); median of {runs} runs; "
        f"{os.cpu_count()} CPUs; Python {sys.version.split()[0]}\n"
    )
    width = max(len(r.measure) for r in rows)
    print(f"{'measure':<{width}}  {'figure':>8}  {'goal':>8}  met   detail")
    for r in rows:
        fig = f"{r.value:.0f} MB" if r.unit == "MB" else f"{r.value:.2f}x"
        goal = "-" if r.goal is None else (f"{r.goal:.0f} MB" if r.unit == "MB" else f"{r.goal:.2f}x")
        met = "-" if r.met is None else ("yes" if r.met else "NO")
        print(f"{r.measure:<{width}}  {fig:>8}  {goal:>8}  {met:<4}  {r.detail}")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "runs": runs,
                    "quick": args.quick,
                    "counts": c,
                    "rows": [
                        {
                            "measure": r.measure,
                            "value": r.value,
                            "goal": r.goal,
                            "unit": r.unit,
                            "met": r.met,
                            "detail": r.detail,
                        }
                        for r in rows
                    ],
                },
                indent=2,
            )
            + "\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
