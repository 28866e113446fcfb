"""Issue 17, twentieth session: what the caches' keys cover.

A cache may answer only for the code and libraries that would compute the same answer.
The keys had covered qntrack's own files by their sizes and times, and orjson by its
version; two installs whose files have the same sizes and times (a Nix store, or any
build that sets every file's time to one value, SOURCE_DATE_EPOCH) shared a cache, and
another PyYAML (which reads targets.yaml) or Rich (which drew the tables kept) did not
change the status cache's key.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from qntrack import __version__, cache
from qntrack.files import kept_plans

_PACKAGE = Path(cache.__file__).resolve().parents[1]


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A folder laid out as site-packages is by a wheel's install: the package, and its
    dist-info with a RECORD (each file's hash), every file's time set to one value."""
    where = tmp_path / "site"
    shutil.copytree(_PACKAGE, where / "qntrack", ignore=shutil.ignore_patterns("__pycache__"))
    info = where / f"qntrack-{__version__}.dist-info"
    info.mkdir()
    (info / "RECORD").write_text("qntrack/method/progress.py,sha256=aaaa,1000\n", encoding="utf-8")
    for folder, _, files in os.walk(where):
        for name in files:
            os.utime(os.path.join(folder, name), ns=(1_000_000_000, 1_000_000_000))
    return where


def _same_size_other_text(path: Path) -> None:
    """Change one character of a module, keeping its size and its time (as a rebuild with
    fixed times does when a '<' becomes a '>')."""
    st = path.stat()
    text = path.read_bytes()
    at = text.index(b"<") if b"<" in text else text.index(b"=")
    path.write_bytes(text[:at] + (b">" if text[at : at + 1] == b"<" else b"!") + text[at + 1 :])
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert path.stat().st_size == st.st_size


def test_an_install_with_fixed_times_is_told_from_another_by_its_record(site: Path):
    """Two wheels of the same version, one character apart, installed with every time the
    same: the RECORD that the installer wrote (a hash of each file) tells them apart."""
    package = site / "qntrack"
    before = kept_plans.code_fingerprint(root=package)
    assert cache.keeping._code_fingerprint(package) == cache.keeping._code_fingerprint(package)
    status_before = cache.keeping._code_fingerprint(package)
    _same_size_other_text(package / "method" / "progress.py")
    record = site / f"qntrack-{__version__}.dist-info" / "RECORD"
    st = record.stat()
    record.write_text("qntrack/method/progress.py,sha256=bbbb,1000\n", encoding="utf-8")
    os.utime(record, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert kept_plans.code_fingerprint(root=package) != before
    assert cache.keeping._code_fingerprint(package) != status_before


def test_a_package_without_a_record_is_fingerprinted_by_its_files(site: Path):
    """An editable install (a checkout) has no RECORD beside the package: its files' sizes
    and times stay the fingerprint, and a missing dist-info is no error."""
    shutil.rmtree(site / f"qntrack-{__version__}.dist-info")
    package = site / "qntrack"
    before = kept_plans.code_fingerprint(root=package)
    path = package / "method" / "progress.py"
    os.utime(path, ns=(2_000_000_000, 2_000_000_000))
    assert kept_plans.code_fingerprint(root=package) != before


@pytest.mark.parametrize(("module", "dist"), [("yaml", "PyYAML"), ("rich", "rich")])
def test_an_installed_library_is_known_by_its_record_without_being_imported(tmp_path: Path, module: str, dist: str):
    """PyYAML reads targets.yaml and Rich draws the tables the status cache keeps: another
    release of either is another key. Found as the import system would find them, but not
    imported (the cached status does not need them)."""
    where = tmp_path / "site"
    (where / module).mkdir(parents=True)
    (where / module / "__init__.py").write_text("", encoding="utf-8")
    info = where / f"{dist}-1.0.dist-info"
    info.mkdir()
    (info / "RECORD").write_text(f"{module}/__init__.py,sha256=one,0\n", encoding="utf-8")
    first = kept_plans.installation(module, dist, [str(where)])
    assert first == kept_plans.installation(module, dist, [str(where)])
    (info / "RECORD").write_text(f"{module}/__init__.py,sha256=two,0\n", encoding="utf-8")
    assert kept_plans.installation(module, dist, [str(where)]) != first
    # Renamed for another release: the dist-info's name carries the version.
    info.rename(where / f"{dist.lower()}-1.1.dist-info")
    assert kept_plans.installation(module, dist, [str(where)]) not in ("", first)


def test_no_such_library_is_an_empty_mark(tmp_path: Path):
    assert kept_plans.installation("no_such_module_here", "nothing", [str(tmp_path)]) == ""


@pytest.mark.parametrize("module", ["yaml", "rich"])
def test_another_pyyaml_or_rich_is_another_status_cache(
    module: str, package_copy20: Path, monkeypatch: pytest.MonkeyPatch
):
    before = cache.keeping._code_fingerprint(package_copy20)
    real = kept_plans.installation

    def upgraded(name: str, dist: str, path: list[str] | None = None) -> str:
        return real(name, dist, path) + ("|upgraded" if name == module else "")

    monkeypatch.setattr(kept_plans, "installation", upgraded)
    assert cache.keeping._code_fingerprint(package_copy20) != before


def test_the_libraries_found_are_the_ones_installed():
    """On this machine both are installed with a dist-info: the mark is never empty, so
    the key really holds them."""
    import rich
    import yaml

    for module, dist, imported in (("yaml", "PyYAML", yaml), ("rich", "rich", rich)):
        mark = kept_plans.installation(module, dist)
        assert mark, module
        assert str(Path(imported.__file__).resolve().parents[1]) in mark


@pytest.fixture
def package_copy20(tmp_path: Path) -> Path:
    copy = tmp_path / "package" / "qntrack"
    shutil.copytree(_PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


# --- A level target judged unit by unit: a unit that ended is judged only on the milestones
# due while it existed (methodology.md, "Breakdowns").

_ENDED_PLAN = """\
title: Districts merged in 2025
dimensions:
  locality:
    name: {en: Locality, vi: Địa phương}
    values:
      - Alpha
      - {value: Old Town, until: "2025-06-30"}
      - {value: New Ward, since: "2025-07-01", from: [Old Town]}
indicators:
  share:
    name: Share
    unit: "%"
    dimensions: [locality]
targets:
  - id: share-2030
    indicator: share
    baseline: 2020
    milestones: [{by: 2030, value: 30}]
    for_each: locality
  - id: share-25-30
    indicator: share
    baseline: 2020
    milestones: [{by: 2025, value: 15}, {by: 2030, value: 30}]
    for_each: locality
  - id: share-own
    indicator: share
    baseline: 2020
    milestones: [{by: 2030, value: 30}]
    for_each: locality
    overrides:
      Old Town: {milestones: [{by: 2030, value: 20}]}
"""

_ENDED_STORE = """\
indicator,period,value,status,source,note,recorded_at
share,2020,10,official,,,2021-03-01T00:00:00Z
share,2023,12,official,,,2024-03-01T00:00:00Z
share[locality=Alpha],2020,10,official,,,2021-03-01T00:00:00Z
share[locality=Alpha],2023,12,official,,,2024-03-01T00:00:00Z
share[locality=Old Town],2020,10,official,,,2021-03-01T00:00:00Z
share[locality=Old Town],2023,12,official,,,2024-03-01T00:00:00Z
"""


def _units_of(doc: dict, tid: str) -> dict[str, dict]:
    item = next(t for t in doc["targets"] if t["id"] == tid)
    return {u["dims"]["locality"]: u for u in item["breakdown"]}


@pytest.fixture
def merged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from conftest import make_tracker

    return make_tracker(tmp_path, monkeypatch, _ENDED_PLAN, _ENDED_STORE)


@pytest.mark.parametrize("cache_off", ["1", ""])
def test_an_ended_unit_is_judged_only_on_the_milestones_due_while_it_existed(
    merged: Path, monkeypatch: pytest.MonkeyPatch, cache_off: str
):
    import json

    from helpers import run_clean

    monkeypatch.setenv("QNTRACK_NO_CACHE", cache_off)
    done = run_clean("status", "--format", "json", "--as-of", "2025-06-01")
    assert done.exit_code == 0, done.output
    doc = json.loads(done.stdout)
    # share-2030: Old Town ended on 30 June 2025; its one milestone is 2030, when it no
    # longer exists: it is not one of the target's units, and the roll-up counts Alpha
    # alone.
    units = _units_of(doc, "share-2030")
    # New Ward, declared from 1 July 2025 with no figure, existed in 2030: listed without a
    # figure, not counted (issue 17, twenty-first session).
    assert sorted(units) == ["Alpha", "New Ward"] and units["New Ward"]["without_figure"]
    item = next(t for t in doc["targets"] if t["id"] == "share-2030")
    assert item["rollup"]["count"] == 1
    # share-25-30: Old Town existed in 2025 (the year its end cuts through): judged towards
    # 15 by 2025 alone. 10 (2020) -> 12 (2023): growth 1.2^(1/3) - 1 = 0.0626586; needed
    # 1.5^(1/5) - 1 = 0.0844718; P = 0.741769, moderate progress, score
    # 7.1429 x 0.741769 - 4.2857 = 1.012684. Alpha keeps both milestones.
    units = _units_of(doc, "share-25-30")
    old = units["Old Town"]
    assert [m["by"] for m in old["milestones"]] == ["2025"]
    assert [m["by"] for m in units["Alpha"]["milestones"]] == ["2025", "2030"]
    assert old["status"] == "moderate_progress"
    assert old["progress_value"] == pytest.approx(0.741769, abs=1e-6)
    assert old["score"] == pytest.approx(1.012684, abs=1e-6)
    assert not old["own_values"]
    # share-own: a unit given its own values is judged as written (as for a plan).
    units = _units_of(doc, "share-own")
    assert units["Old Town"]["own_values"] and [m["by"] for m in units["Old Town"]["milestones"]] == ["2030"]


@pytest.mark.parametrize(
    ("lang", "said"),
    [("en", "Moderate progress (milestones 2025 only: while the unit existed)"), ("vi", "chỉ xét mốc 2025")],
)
def test_the_tables_say_which_milestones_an_ended_unit_was_judged_on(merged: Path, lang: str, said: str):
    """The rank table and the report's units table: a unit judged on fewer milestones than
    the others says so beside its status, or two equal statuses would read as one test."""
    from helpers import run_clean

    table = run_clean("--lang", lang, "rank", "share-25-30", "--format", "table", "--as-of", "2025-06-01")
    assert table.exit_code == 0, table.output
    lines = [line for line in table.stdout.splitlines() if said in " ".join(line.split())]
    assert len(lines) == 1 and "Old" in lines[0]  # the name may wrap in 80 columns
    report = run_clean("--lang", lang, "report", "--format", "markdown", "--as-of", "2025-06-01")
    assert report.exit_code == 0, report.output
    rows = [line for line in report.stdout.splitlines() if line.startswith("| 1 | Old Town")]
    # share-25-30's table says it; share-own's (Old Town's own 2030 milestone) does not.
    assert sum(said in row for row in rows) == 1, rows


# --- A store in a folder a Mac named decomposed (the nineteenth session's list).


def test_a_store_in_a_folder_a_mac_named_decomposed_is_found(shipped: Path):
    """targets.yaml says `observations: "Dữ liệu/số liệu.csv"` as typed (NFC); the folder
    and the file came from a Mac, named decomposed (NFD). The file's own name was found
    since the eighteenth session; a folder's was not: every target was not available and
    add-observation would have started a second store beside the first."""
    import json
    import unicodedata

    from helpers import run_clean

    folder, name = (unicodedata.normalize("NFC", t) for t in ("Dữ liệu", "số liệu.csv"))
    on_disk = shipped / unicodedata.normalize("NFD", folder)
    on_disk.mkdir()
    (shipped / "observations.csv").rename(on_disk / unicodedata.normalize("NFD", name))
    plan = (shipped / "targets.yaml").read_text(encoding="utf-8")
    (shipped / "targets.yaml").write_text(
        plan.replace("\nobservations: observations.csv\n", f'\nobservations: "{folder}/{name}"\n'), encoding="utf-8"
    )
    done = run_clean("status", "--format", "json")
    assert done.exit_code == 0 and done.stderr == "", done.stderr
    statuses = {t["id"]: t["status"] for t in json.loads(done.stdout)["targets"]}
    assert statuses["cbct-share"] != "not_available"
    added = run_clean("add-observation", "grdp_growth", "2026-H1", "11.2", "--status", "estimate", "--source", "x")
    assert added.exit_code == 0 and "warning" not in added.stderr, added.stderr
    # One folder, the Mac's, one store in it, with the new row as its last line.
    assert [p.name for p in shipped.iterdir() if p.is_dir() and not p.name.startswith(".")] == [on_disk.name]
    [store] = [p for p in on_disk.iterdir() if p.suffix == ".csv"]  # beside it: its lock file
    assert store.read_text(encoding="utf-8").splitlines()[-1].startswith("grdp_growth,2026-H1,11.2,")


# --- A period whose figure was withdrawn is not "awaited" (the withdrawn pass's leftover).


@pytest.mark.parametrize(("lang", "mark"), [("en", "2024 (withdrawn)"), ("vi", "2024 (đã rút lại)")])
def test_a_withdrawn_year_is_not_said_awaited_without_its_withdrawal(shipped: Path, lang: str, mark: str):
    """grdp_growth 2024 (8.42) withdrawn with nothing recorded after it: show's "Deadlines
    passed, figure awaited" and "No figure" rows, the report's facts and the status table's
    "⌛ awaiting figure" said 2024 as if no one had published it; each now marks it."""
    from helpers import run_clean

    done = run_clean("retract", "grdp_growth", "2024", "--source", "GSO", "--note", "withdrawn")
    assert done.exit_code == 0, done.output
    show = run_clean("--lang", lang, "show", "grdp-double-digit", env={"COLUMNS": "200"})
    assert show.exit_code == 0, show.output
    awaited = [line for line in show.stdout.splitlines() if line.startswith(("Deadlines passed", "Đã đến hạn"))]
    none = [line for line in show.stdout.splitlines() if line.startswith(("No figure ", "Thiếu số liệu "))]
    assert len(awaited) == 1 and mark in awaited[0], show.stdout
    assert len(none) == 1 and mark in none[0], show.stdout
    report = run_clean("--lang", lang, "report", "--format", "markdown")
    assert report.exit_code == 0, report.output
    assert mark in report.stdout
    table = run_clean("--lang", lang, "status", "--format", "table", env={"COLUMNS": "200"})
    assert table.exit_code == 0, table.output
    assert "⌛" in table.stdout and mark in table.stdout
    # Before the retraction's day, 2024 has its figure: nothing awaited, nothing marked.
    before = run_clean("--lang", lang, "show", "grdp-double-digit", "--as-of", "2026-01-01", env={"COLUMNS": "200"})
    assert mark not in before.stdout


def test_a_roll_up_of_one_unit_says_one_unit(merged: Path):
    """share-2030 keeps Alpha alone once Old Town is not among its units: the report's
    roll-up said "1 units"."""
    from helpers import run_clean

    for lang, said in (("en", "1 unit: 1 limited progress; combined: Limited progress"), ("vi", "1 đơn vị: ")):
        done = run_clean("--lang", lang, "report", "--format", "markdown", "--as-of", "2025-06-01")
        assert done.exit_code == 0, done.output
        assert said in done.stdout
        assert "1 units" not in done.stdout


# --- A text longer than an Excel cell holds (the eighteenth session's list).


@pytest.mark.parametrize(("lang", "said"), [("en", "cut at Excel's limit"), ("vi", "giới hạn của Excel")])
def test_a_text_longer_than_an_excel_cell_says_it_was_cut(shipped: Path, lang: str, said: str):
    """A name of 40,000 characters was cut to Excel's 32,767 by XlsxWriter in silence: the
    cell read as the whole name. It now ends saying it was cut, within the limit."""
    import openpyxl

    from helpers import run_clean

    plan = (shipped / "targets.yaml").read_text(encoding="utf-8")
    long = "y" * 40_000
    for old in ('"Budget revenue plan 2024: 55,600 billion VND"', '"Dự toán thu ngân sách 2024: 55.600 tỷ đồng"'):
        assert old in plan
        plan = plan.replace(old, old[:-1] + f' {long}"')
    (shipped / "targets.yaml").write_text(plan, encoding="utf-8")
    done = run_clean("--lang", lang, "report", "--format", "xlsx", "-o", "r.xlsx")
    assert done.exit_code == 0, done.output
    long_cells = [
        c.value
        for ws in openpyxl.load_workbook(shipped / "r.xlsx")
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, str) and len(c.value) > 30_000
    ]
    assert long_cells  # the Summary's name, the units sheet's title
    for text in long_cells:
        assert len(text) <= 32_767 and said in text[-120:], text[-120:]


# --- A withdrawn quarter marks only a figure it could have given (the review's leftover).


def test_a_withdrawn_quarter_marks_no_full_year_figure_it_did_not_give(shipped: Path):
    """grdp_growth 2025-Q3 (12.88) withdrawn: the 2025 plan's status stands on the full
    year's 11.89, which no quarter gave, and was marked "11.89[1] (2025)" as if the
    withdrawal had touched it. A sub-annual figure touches a status only when it could be
    the year-to-date reading shown, after the latest full-year figure: cbct_va_growth's
    2025-H1 (23.81) is the average target's reading after its latest year, 2021."""
    import json

    from helpers import run_clean

    for args in (("grdp_growth", "2025-Q3"), ("cbct_va_growth", "2025-H1")):
        done = run_clean("retract", *args, "--source", "GSO", "--note", "withdrawn")
        assert done.exit_code == 0, done.output
    for cache_off in ("1", ""):
        doc = json.loads(run_clean("status", "--format", "json", env={"QNTRACK_NO_CACHE": cache_off}).stdout)
        withdrawn = {t["id"]: [w["period"] for w in t["withdrawn"]] for t in doc["targets"]}
        assert withdrawn["grdp-growth-plan-2025"] == []
        assert withdrawn["grdp-double-digit"] == []
        assert withdrawn["cbct-va-growth-2021-2025"] == ["2025-H1"]
        table = run_clean("status", "--format", "table", env={"QNTRACK_NO_CACHE": cache_off, "COLUMNS": "200"})
        assert "11.89[" not in table.stdout and "grdp_growth 2025-Q3" not in table.stdout
        assert "Processing and manufacturing value-added growth 2025-H1: 23.81% y/y" in table.stdout


# --- A warm status table printed without importing Rich (the shipped start-up goal).


def test_a_table_drawn_before_in_the_same_environment_is_printed_without_rich(shipped: Path):
    """The third run of `status --format table` in one environment prints the table the
    first drew, byte for byte as a run without the cache draws it, and imports no Rich
    (most of a warm table's start-up); another width is drawn afresh, as Rich draws it."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("QNTRACK_")}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[1] / "src")
    probe = (
        "import atexit, sys\n"
        "atexit.register(lambda: sys.stderr.write('RICH ' + str('rich.console' in sys.modules) + '\\n'))\n"
        "sys.argv[1:] = ['status', '--format', 'table']\n"
        "from qntrack.console import main\n"
        "main()\n"
    )

    def run(**more: str) -> tuple[str, str]:
        done = subprocess.run(
            [sys.executable, "-c", probe], env={**env, **more}, cwd=shipped, capture_output=True, timeout=120
        )
        assert done.returncode == 0, done.stderr
        return done.stdout.decode("utf-8"), done.stderr.decode("utf-8")

    cold, said = run(QNTRACK_NO_CACHE="1")
    assert "RICH True" in said
    runs = [run() for _ in range(3)]
    assert all(out == cold for out, _ in runs)
    assert "RICH False" in runs[2][1]  # the third: found by its environment, Rich not imported
    wide_cold, _ = run(QNTRACK_NO_CACHE="1", COLUMNS="150")
    wide, said = run(COLUMNS="150")
    assert wide == wide_cold != cold and "RICH True" in said
