"""The status cache (the cache package) is an optimisation only: whatever happens to the files or
to the cache itself, `status` prints exactly what it prints with the cache turned off.

Every test compares the output through the cache with a cold run (QNTRACK_NO_CACHE=1,
the plain path of cli.status) on the same files.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from qntrack import cache
from qntrack.cli import app

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import generate  # noqa: E402

runner = CliRunner()


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two provinces of 41 indicators (every theme once, then the derived one), every target
    kind, revisions: generated once."""
    folder = tmp_path_factory.mktemp("national")
    generate.generate(folder, provinces=2, indicators=41, years=4, seed=7, revisions=0.05)
    return folder


@pytest.fixture
def plan(dataset: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh copy of the dataset for each test, which may change it."""
    for name in ("targets.yaml", "observations.csv"):
        shutil.copyfile(dataset / name, tmp_path / name)
    monkeypatch.delenv("QNTRACK_TARGETS", raising=False)
    monkeypatch.delenv("QNTRACK_NO_CACHE", raising=False)
    return tmp_path / "targets.yaml"


def status(plan: Path, *args: str, cached: bool = True):
    env = {} if cached else {"QNTRACK_NO_CACHE": "1"}
    return runner.invoke(app, ["status", "--targets", str(plan), *args], env=env)


COLD_RUNS: list[int] = []


@pytest.fixture(autouse=True)
def clock_in_2040(monkeypatch: pytest.MonkeyPatch):
    """The appends below are recorded in the 2030s: with the clock in 2040 they are past,
    so the cache may serve them (a figure recorded in the future is said by the plain path
    instead: tests/test_suspect_rows.py)."""
    from qntrack.files import store

    monkeypatch.setattr(store, "utc_now", lambda: "2040-01-01T00:00:00Z")


@pytest.fixture(autouse=True)
def count_cold_runs(monkeypatch: pytest.MonkeyPatch):
    """Count the times the cache is (re)built from the files."""
    real = cache._cold

    def counted(*args, **kwargs):
        COLD_RUNS.append(1)
        return real(*args, **kwargs)

    COLD_RUNS.clear()
    monkeypatch.setattr(cache, "_cold", counted)


def same_as_cold(plan: Path, *args: str, rebuilt: bool | None = None) -> str:
    """Run through the cache and cold; the outputs and exit codes must be identical.

    ``rebuilt``: whether the cached run had to start from the files (None: either).
    """
    before = len(COLD_RUNS)
    warm = status(plan, *args)
    if rebuilt is not None:
        assert (len(COLD_RUNS) > before) == rebuilt, "rebuilt" if not rebuilt else "served from the cache"
    cold = status(plan, *args, cached=False)
    assert (warm.exit_code, warm.stdout, warm.stderr) == (cold.exit_code, cold.stdout, cold.stderr)
    return warm.stdout


def cache_of(plan: Path) -> Path:
    return cache.cache_file(plan)


def append(plan: Path, *rows: str) -> None:
    with open(plan.parent / "observations.csv", "a", encoding="utf-8") as fh:
        fh.writelines(row + "\n" for row in rows)


def rows_of(plan: Path) -> list[str]:
    return (plan.parent / "observations.csv").read_text(encoding="utf-8").splitlines(keepends=True)


# --- cold, then warm ------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "csv", "tsv"])
def test_first_run_writes_the_cache_and_the_next_reads_it(plan: Path, fmt: str):
    first = same_as_cold(plan, "--format", fmt, rebuilt=True)
    assert cache_of(plan).is_file()
    assert (plan.parent / ".qntrack-cache" / "CACHEDIR.TAG").is_file()
    stamp = cache_of(plan).stat().st_mtime_ns
    assert same_as_cold(plan, "--format", fmt, rebuilt=False) == first
    assert cache_of(plan).stat().st_mtime_ns == stamp  # read, not rebuilt


def test_target_ids_and_the_fail_on_gate_through_the_cache(plan: Path):
    same_as_cold(plan, "--format", "json")
    ids = ["grdp-growth-total-p01", "fdi-total-p02", "trade-balance-p01"]
    same_as_cold(plan, *ids, "--format", "csv", rebuilt=False)
    gate = same_as_cold(plan, "--format", "json", "--fail-on", "not_achieved,deterioration", rebuilt=False)
    assert status(plan, "--format", "json", "--fail-on", "not_achieved,deterioration").exit_code == 3
    assert gate
    bad = status(plan, "grdp-growth-total-p0", "--format", "json")
    assert bad.exit_code == 1 and "no target 'grdp-growth-total-p0'; did you mean" in bad.stderr
    same_as_cold(plan, "grdp-growth-total-p0", "--format", "json")


# --- appends: only what changed is assessed again ---------------------------------------------


def test_append_to_a_measured_indicator(plan: Path):
    same_as_cold(plan, "--format", "json")
    append(plan, "grdp_growth_total_p01,2025-Q3,99.5,preliminary,Cục Thống kê,,2030-01-01T00:00:00Z")
    out = same_as_cold(plan, "--format", "json", rebuilt=False)
    assert "99.5" in out
    same_as_cold(plan, "--format", "tsv")


def test_a_revision_appended_is_marked_in_the_table_served_warm(plan: Path):
    # Issue 17, seventeenth session: the table marks a figure that revised an earlier one
    # and says under it what it replaced. A new period appended, then revised by a second
    # append: both served from the cache, each table byte for byte the cold one.
    table = ("--format", "table", "grdp-growth-total-p01")
    same_as_cold(plan, *table, rebuilt=True)
    append(plan, "grdp_growth_total_p01,2025-Q3,99.5,preliminary,Cục Thống kê,,2030-01-01T00:00:00Z")
    first = same_as_cold(plan, *table, rebuilt=False)
    assert "99.5% y/y" in first and "99.5[" not in first
    append(plan, "grdp_growth_total_p01,2025-Q3,98.7,official,Cục Thống kê,,2030-02-01T00:00:00Z")
    marked = same_as_cold(plan, *table, rebuilt=False)
    assert "98.7%[1] y/y" in marked
    # 99.5 (recorded 2030-01-01) replaced by 98.7 (recorded 2030-02-01), official.
    assert "[1] GRDP growth, Province 01 2025-Q3: 99.5% y/y → 98.7% y/y (official, recorded 2030-02-01" in marked


def test_append_a_revision_of_an_old_figure_and_an_older_vintage(plan: Path):
    same_as_cold(plan, "--format", "json")
    # A later vintage replaces the figure; an earlier-recorded one must not.
    append(
        plan,
        "poverty_rate_total_p01,2023,1.25,official,Niên giám,,2031-01-01T00:00:00Z",
        "poverty_rate_total_p02,2023,77.5,estimate,late entry,,2001-01-01T00:00:00Z",
    )
    # The earlier-recorded vintage slots in before the figure in force, which may now have
    # replaced it: the JSON's latest.revises says so (eighteenth session), and the cache
    # keeps no earlier vintage to tell, so this append is answered cold (cache/revisions.py,
    # as the table's marks always were). Served or rebuilt, the output is the cold run's.
    same_as_cold(plan, "--format", "json", rebuilt=True)


@given(st.binary(max_size=400).map(lambda b: b.replace(b"\r", b"\n")), st.integers(1, 64))
def test_the_line_count_read_off_the_line_index_is_the_count_of_newlines(data: bytes, stride: int):
    """The cold run counts the store's lines from its line index, whatever the spacing."""
    old = cache.lines._STRIDE
    cache.lines._STRIDE = stride
    try:
        assert cache._newlines(data, cache._line_index(data)) == data.count(b"\n")
    finally:
        cache.lines._STRIDE = old


@given(
    st.lists(st.binary(max_size=30).map(lambda b: b.replace(b"\n", b"")), min_size=1, max_size=60),
    st.integers(1, 64),
    st.data(),
)
def test_lines_are_found_by_number_in_any_order_asked(lines: list[bytes], stride: int, data: st.DataObject):
    """A broken-down indicator asks for its lines key by key, so not in the store's order:
    each comes back where it was asked, however the line index is spaced."""
    text = b"\n".join(lines) + b"\n"
    wanted = data.draw(st.lists(st.integers(1, len(lines)), max_size=40))
    old = cache.lines._STRIDE
    cache.lines._STRIDE = stride
    try:
        found = cache.lines._lines_at(text, len(text), cache._line_index(text), wanted)
    finally:
        cache.lines._STRIDE = old
    assert found == [lines[n - 1] for n in wanted]


@pytest.mark.parametrize("stride", [1, 100, 5000])
def test_old_rows_are_found_whatever_the_line_index_spacing(plan: Path, monkeypatch: pytest.MonkeyPatch, stride: int):
    monkeypatch.setattr(cache.lines, "_STRIDE", stride)
    same_as_cold(plan, "--format", "json")
    append(
        plan,
        "grdp_growth_total_p02,2025-Q3,42.5,preliminary,x,,2030-01-01T00:00:00Z",
        "export_value_total_p02,2025-Q3,1,estimate,x,,2030-01-01T00:00:00Z",
    )
    same_as_cold(plan, "--format", "json", rebuilt=False)


def test_append_to_an_input_of_a_derived_indicator(plan: Path):
    same_as_cold(plan, "--format", "json")
    append(plan, "export_value_total_p01,2025-Q3,5000,estimate,x,,2030-01-01T00:00:00Z")
    out = same_as_cold(plan, "--format", "json", rebuilt=False)
    assert '"indicator": "trade_balance_p01"' in out


def test_append_to_an_unknown_indicator_changes_nothing(plan: Path):
    before = same_as_cold(plan, "--format", "json")
    append(plan, "no_such_indicator,2024,1,,x,,2030-01-01T00:00:00Z")
    assert same_as_cold(plan, "--format", "json", rebuilt=False) == before


def test_many_appends_rewrite_the_cache_to_cover_them(plan: Path, monkeypatch: pytest.MonkeyPatch):
    same_as_cold(plan, "--format", "json")
    size = (plan.parent / "observations.csv").stat().st_size
    monkeypatch.setattr(cache, "REWRITE_AFTER", 1)
    append(plan, "fdi_total_p01,2025-Q3,12,,x,,2030-01-01T00:00:00Z")
    same_as_cold(plan, "--format", "json", rebuilt=False)
    stored = cache._load(cache_of(plan), cache._key(plan, cache._digest(plan.read_bytes())))
    assert stored is not None and stored["size"] > size
    append(plan, "fdi_total_p01,2025-Q4,13,,x,,2030-02-01T00:00:00Z")
    same_as_cold(plan, "--format", "json", rebuilt=False)


def test_a_rewrite_that_crosses_to_the_other_hash(plan: Path, monkeypatch: pytest.MonkeyPatch):
    store = plan.parent / "observations.csv"
    monkeypatch.setattr(cache.keeping, "_BIG", store.stat().st_size + 10)  # BLAKE2b now, SHA-256 after
    monkeypatch.setattr(cache, "REWRITE_AFTER", 1)
    same_as_cold(plan, "--format", "json")
    append(plan, "fdi_total_p01,2025-Q3,12,,x,,2030-01-01T00:00:00Z")
    same_as_cold(plan, "--format", "json", rebuilt=False)
    append(plan, "fdi_total_p01,2025-Q4,13,,x,,2030-02-01T00:00:00Z")
    same_as_cold(plan, "--format", "json", rebuilt=False)


def test_a_bad_appended_row_is_reported_as_without_cache(plan: Path):
    same_as_cold(plan, "--format", "json")
    append(plan, "fdi_total_p01,2025-Q5,12,,x,,2030-01-01T00:00:00Z")
    r = status(plan, "--format", "json")
    assert r.exit_code == 1 and "2025-Q5" in r.stderr
    same_as_cold(plan, "--format", "json")


def test_a_torn_append_is_reported_as_without_cache(plan: Path):
    same_as_cold(plan, "--format", "json")
    with open(plan.parent / "observations.csv", "a", encoding="utf-8") as fh:
        fh.write("fdi_total_p01,2025-Q3,1")
    r = status(plan, "--format", "json")
    assert r.exit_code == 1 and "incomplete last row" in r.stderr
    same_as_cold(plan, "--format", "json")


# --- any other change to the store: a full rebuild -----------------------------------------


def test_edit_a_row_in_the_middle(plan: Path):
    same_as_cold(plan, "--format", "json")
    rows = rows_of(plan)
    middle = len(rows) // 2
    fields = rows[middle].split(",")
    fields[2] = "1234.5" if fields[2] != "1234.5" else "4321.5"
    rows[middle] = ",".join(fields)
    (plan.parent / "observations.csv").write_text("".join(rows), encoding="utf-8")
    same_as_cold(plan, "--format", "json", rebuilt=True)
    same_as_cold(plan, "--format", "csv")


def test_edit_in_place_keeping_size_and_inode(plan: Path):
    same_as_cold(plan, "--format", "json")
    store = plan.parent / "observations.csv"
    data = bytearray(store.read_bytes())
    where = data.index(b"\n", len(data) // 3) + 1  # the start of some row in the first half
    comma = data.index(b",", data.index(b",", where) + 1) + 1  # its value
    data[comma] = ord("9") if data[comma] != ord("9") else ord("8")
    with open(store, "r+b") as fh:  # same inode, same size
        fh.write(bytes(data))
    same_as_cold(plan, "--format", "json", rebuilt=True)


def test_an_edit_in_place_with_rows_appended_too(plan: Path):
    """The prefix is hashed while the appended rows are worked out (cache._append_while_hashing):
    an edit in it, with an append after, is still a rebuild, never the appended answer."""
    same_as_cold(plan, "--format", "json")
    store = plan.parent / "observations.csv"
    data = bytearray(store.read_bytes())
    where = data.index(b"\n", len(data) // 3) + 1
    comma = data.index(b",", data.index(b",", where) + 1) + 1
    data[comma] = ord("9") if data[comma] != ord("9") else ord("8")
    with open(store, "r+b") as fh:  # same inode; the old size is the cached prefix
        fh.write(bytes(data))
    append(plan, "grdp_growth_total_p02,2025-Q3,42.5,preliminary,x,,2030-01-01T00:00:00Z")
    same_as_cold(plan, "--format", "json", rebuilt=True)


def test_truncate_the_store(plan: Path):
    same_as_cold(plan, "--format", "json")
    rows = rows_of(plan)
    (plan.parent / "observations.csv").write_text("".join(rows[: len(rows) * 2 // 3]), encoding="utf-8")
    same_as_cold(plan, "--format", "json", rebuilt=True)


def test_truncate_then_append_to_the_same_size(plan: Path):
    same_as_cold(plan, "--format", "json")
    store = plan.parent / "observations.csv"
    rows = rows_of(plan)
    last = rows[-1]
    # Drop the last row and append another of exactly the same length: only the hash tells.
    other = last.replace(",2", ",3", 1) if ",2" in last else last.replace("1", "2", 1)
    assert len(other) == len(last) and other != last
    store.write_text("".join(rows[:-1]) + other, encoding="utf-8")
    same_as_cold(plan, "--format", "json", rebuilt=True)


def test_replace_the_store_with_another_file(plan: Path):
    same_as_cold(plan, "--format", "json")
    store = plan.parent / "observations.csv"
    rows = rows_of(plan)
    replacement = plan.parent / "new.csv"
    replacement.write_text("".join(rows[:1] + rows[len(rows) // 2 :]), encoding="utf-8")
    os.replace(replacement, store)
    same_as_cold(plan, "--format", "json", rebuilt=True)


def test_replace_the_store_with_a_copy_plus_a_row(plan: Path):
    # Same content as the cached prefix, but another inode: rebuilt all the same.
    same_as_cold(plan, "--format", "json")
    store = plan.parent / "observations.csv"
    copy = plan.parent / "copy.csv"
    shutil.copyfile(store, copy)
    with open(copy, "a", encoding="utf-8") as fh:
        fh.write("fdi_total_p02,2025-Q3,42,,x,,2030-01-01T00:00:00Z\n")
    os.replace(copy, store)
    same_as_cold(plan, "--format", "json", rebuilt=True)


def test_store_deleted(plan: Path):
    same_as_cold(plan, "--format", "json")
    (plan.parent / "observations.csv").unlink()
    same_as_cold(plan, "--format", "json")


# --- targets.yaml and the cache itself ---------------------------------------------------------


def test_change_targets_yaml(plan: Path):
    same_as_cold(plan, "--format", "json")
    text = plan.read_text(encoding="utf-8")
    changed = text.replace("{by: 2025, value:", "{by: 2026, value:", 1)
    assert changed != text
    plan.write_text(changed, encoding="utf-8")
    same_as_cold(plan, "--format", "json", rebuilt=True)
    plan.write_text(text + "\n# a comment changes the hash\n", encoding="utf-8")
    same_as_cold(plan, "--format", "json")


def test_a_broken_targets_yaml_is_reported_as_without_cache(plan: Path):
    same_as_cold(plan, "--format", "json")
    plan.write_text(plan.read_text(encoding="utf-8").replace("unit:", "unitt:", 1), encoding="utf-8")
    r = status(plan, "--format", "json")
    assert r.exit_code == 1 and "did you mean 'unit'" in r.stderr
    same_as_cold(plan, "--format", "json")


@pytest.mark.parametrize("damage", ["flip a byte", "truncate", "garbage", "empty", "valid checksum, wrong shape"])
def test_a_corrupted_cache_is_detected_and_rebuilt(plan: Path, damage: str):
    good = same_as_cold(plan, "--format", "json")
    file = cache_of(plan)
    raw = bytearray(file.read_bytes())
    if damage == "flip a byte":
        raw[len(raw) // 2] ^= 0xFF
    elif damage == "truncate":
        raw = raw[: len(raw) // 2]
    elif damage == "garbage":
        raw = bytearray(os.urandom(1000))
    elif damage == "empty":
        raw = bytearray()
    else:
        import marshal

        payload = marshal.dumps({"key": "not the key", "entries": 12})
        raw = bytearray(b"".join(cache.keeping._framed(payload)))
    file.write_bytes(bytes(raw))
    assert same_as_cold(plan, "--format", "json", rebuilt=True) == good
    assert cache._load(file, cache._key(plan, cache._digest(plan.read_bytes()))) is not None


@pytest.mark.parametrize("damage", ["flip the last byte", "one byte fewer", "one byte more", "lengths off by one"])
def test_damaged_item_texts_after_the_payload_are_not_trusted(plan: Path, damage: str):
    """Each item's JSON text is kept after the payload (keeping.Texts) and hashed beside
    the work: a text damaged there is never printed, whatever else matches."""
    import marshal

    good = same_as_cold(plan, "--format", "json")
    file = cache_of(plan)
    raw = bytearray(file.read_bytes())
    hint, payload, texts = parts_of(bytes(raw))
    assert len(texts) > 1000  # the items' texts are there
    if damage == "flip the last byte":
        raw[-2] ^= 0x01  # inside the last item's text: '}' becomes '|'
    elif damage == "one byte fewer":
        raw = raw[:-1]
    elif damage == "one byte more":
        raw += b" "
    else:
        found = marshal.loads(payload)
        first = found["entries"][0]
        found["entries"] = (first[:3] + (first[3] + 1,) + first[4:],) + found["entries"][1:]
        raw = bytearray(b"".join(cache.keeping._framed(marshal.dumps(found), [texts], hint)))
    file.write_bytes(bytes(raw))
    assert same_as_cold(plan, "--format", "json", rebuilt=True) == good


@pytest.mark.parametrize(
    "hint", ["another file", "a shorter prefix", "a longer prefix", "garbage", "none", "a NUL", "a folder"]
)
def test_a_cache_whose_hint_is_wrong_is_not_trusted(plan: Path, hint: str):
    """The hint before the payload (cache/beside.py) only says where to start hashing: a
    hint naming another file or prefix, or none, never lets the cache answer."""
    good = same_as_cold(plan, "--format", "json")
    file = cache_of(plan)
    _, payload, texts = parts_of(file.read_bytes())
    store = plan.parent / "observations.csv"
    size = store.stat().st_size
    wrong = {
        "another file": f"{plan.stat().st_size}\n{plan}".encode(),
        "a shorter prefix": f"{size - 1}\n{store}".encode(),
        "a longer prefix": f"{size + 1}\n{store}".encode(),
        "garbage": b"\xff\xfe not a hint",
        "none": b"",
        "a NUL": f"{size}\n{store}\0".encode(),
        "a folder": f"10\n{plan.parent}".encode(),
    }[hint]
    file.write_bytes(b"".join(cache.keeping._framed(payload, [texts], wrong)))
    assert same_as_cold(plan, "--format", "json", rebuilt=True) == good
    assert same_as_cold(plan, "--format", "json", rebuilt=False) == good  # the rebuilt cache's hint is right


def test_damaged_item_texts_are_not_kept_anew_by_a_rewrite(plan: Path, monkeypatch: pytest.MonkeyPatch):
    """An append large enough to rewrite the cache writes the items' texts again with a
    fresh hash: texts damaged on disk must not be laundered into it."""
    same_as_cold(plan, "--format", "json")
    file = cache_of(plan)
    raw = bytearray(file.read_bytes())
    raw[-2] ^= 0x01
    file.write_bytes(bytes(raw))
    monkeypatch.setattr(cache, "REWRITE_AFTER", 1)
    saved: list[bytes] = []
    keep = cache._save

    def recorded(file: Path, cached: dict, texts: Any = (), hint: bytes = b"") -> None:
        saved.append(b"".join(texts))
        keep(file, cached, texts, hint)

    monkeypatch.setattr(cache, "_save", recorded)
    append(plan, "fdi_total_p01,2025-Q3,12,,x,,2030-01-01T00:00:00Z")
    same_as_cold(plan, "--format", "json", rebuilt=True)
    assert saved and all(texts.endswith(b" }") for texts in saved)  # never the damaged '!}'
    same_as_cold(plan, "--format", "json", rebuilt=False)


def test_a_cache_with_the_right_key_but_wrong_contents_is_not_trusted(plan: Path):
    import marshal

    good = same_as_cold(plan, "--format", "json")
    file = cache_of(plan)
    key = cache._key(plan, cache._digest(plan.read_bytes()))
    payload = marshal.dumps({"key": key, "store": "elsewhere.csv"})
    file.write_bytes(b"".join(cache.keeping._framed(payload)))
    assert same_as_cold(plan, "--format", "json", rebuilt=True) == good


def test_changed_code_means_a_rebuild(plan: Path, monkeypatch: pytest.MonkeyPatch):
    same_as_cold(plan, "--format", "json")
    stamp = cache_of(plan).stat().st_mtime_ns
    monkeypatch.setattr(cache.keeping, "_code_fingerprint", lambda: "another version of qntrack")
    same_as_cold(plan, "--format", "json", rebuilt=True)
    assert cache_of(plan).stat().st_mtime_ns != stamp


def test_a_cache_that_cannot_be_written_is_no_error(plan: Path):
    (plan.parent / ".qntrack-cache").write_text("a file where the folder would go", encoding="utf-8")
    same_as_cold(plan, "--format", "json")
    same_as_cold(plan, "--format", "json")
    assert (plan.parent / ".qntrack-cache").is_file()


def test_qntrack_no_cache_turns_it_off(plan: Path):
    status(plan, "--format", "json", cached=False)
    assert not (plan.parent / ".qntrack-cache").exists()


# --- what the cache does not answer -------------------------------------------------------------


def test_as_of_is_answered_from_the_files(plan: Path):
    same_as_cold(plan, "--format", "json")
    append(plan, "grdp_growth_total_p01,2025-Q3,99.5,preliminary,x,,2030-01-01T00:00:00Z")
    for day in ("2022-06-30", "2029-12-31", "2030-01-01"):
        out = same_as_cold(plan, "--format", "json", "--as-of", day)
        assert ("99.5" in out) == (day == "2030-01-01")


def test_table_as_of_is_answered_from_the_files(plan: Path):
    same_as_cold(plan, "--format", "table")
    append(plan, "grdp_growth_total_p01,2025-Q3,99.5,preliminary,x,,2030-01-01T00:00:00Z")
    before = len(COLD_RUNS)
    same_as_cold(plan, "--format", "table", "--as-of", "2029-12-31")
    assert len(COLD_RUNS) == before


# --- the terminal's table through the cache ----------------------------------------------------


def test_the_table_through_the_cache_in_both_languages(plan: Path):
    same_as_cold(plan, "--format", "json", rebuilt=True)
    # A cache written for machine output holds no table rows: the first table rebuilds it.
    first = same_as_cold(plan, "--format", "table", rebuilt=True)
    assert "GRDP growth," in first and "Province 02" in first
    assert same_as_cold(plan, "--format", "table", rebuilt=False) == first
    vi = same_as_cold(plan, "--lang", "vi", "--format", "table", rebuilt=False)
    assert "Mục tiêu" in vi and vi != first
    # The rebuilt cache still answers machine output.
    same_as_cold(plan, "--format", "json", rebuilt=False)


def test_the_table_after_appends(plan: Path):
    same_as_cold(plan, "--format", "table")
    append(
        plan,
        "grdp_growth_total_p01,2025-Q3,99.5,preliminary,x,,2030-01-01T00:00:00Z",
        "export_value_total_p01,2025-Q3,5000,estimate,x,,2030-01-01T00:00:00Z",
    )
    out = same_as_cold(plan, "--format", "table", rebuilt=False)
    assert "99.5" in out
    same_as_cold(plan, "--lang", "vi", "--format", "table", rebuilt=False)
    # A machine-output run after the append keeps the table rows for the next table.
    same_as_cold(plan, "--format", "json", rebuilt=False)
    same_as_cold(plan, "--format", "table", rebuilt=False)


def test_the_table_with_target_ids_and_the_fail_on_gate(plan: Path):
    same_as_cold(plan, "--format", "table")
    ids = ["grdp-growth-total-p01", "trade-balance-p01"]
    out = same_as_cold(plan, *ids, "--format", "table", rebuilt=False)
    assert "GRDP growth," in out and "Province 02" not in out
    gated = status(plan, "--format", "table", "--fail-on", "not_achieved,deterioration")
    assert gated.exit_code == 3
    same_as_cold(plan, "--format", "table", "--fail-on", "not_achieved,deterioration", rebuilt=False)
    bad = status(plan, "grdp-growth-total-p0", "--format", "table")
    assert bad.exit_code == 1 and "no target 'grdp-growth-total-p0'; did you mean" in bad.stderr
    same_as_cold(plan, "grdp-growth-total-p0", "--format", "table")


def test_the_table_after_an_edit_in_the_middle(plan: Path):
    same_as_cold(plan, "--format", "table")
    rows = rows_of(plan)
    rows[5] = rows[5].replace(",", ",", 1)[:-1].rsplit(",", 1)[0] + ",2031-01-01T00:00:00Z\n"
    (plan.parent / "observations.csv").write_text("".join(rows), encoding="utf-8")
    same_as_cold(plan, "--format", "table", rebuilt=True)


# --- periods a derived indicator leaves out ----------------------------------------------------

RATIO = """\
  export_cover_p01:
    name: "Exports over imports, Province 01"
    unit: "%"
    measure: level
    frequency: quarter
    formula: export_value_total_p01 / import_value_total_p01 * 100
"""


def with_ratio(plan: Path) -> int:
    """The plan plus a derived ratio with a target of its own; the ratio's line."""
    text = plan.read_text(encoding="utf-8")
    head, _, rest = text.partition("\nindicators:\n")
    plan.write_text(
        f"{head}\nindicators:\n{RATIO}{rest}  - id: export-cover-p01\n    indicator: export_cover_p01\n"
        "    type: level\n    baseline: 2015\n",
        encoding="utf-8",
    )
    return head.count("\n") + 3


def left_out(plan: Path, line: int, period: str) -> str:
    return (
        f"{plan}:{line}:3: warning: indicator 'export_cover_p01' in {period}: division by zero "
        "(import_value_total_p01 is 0); the period is left out\n"
    )


@pytest.mark.parametrize("fmt", ["json", "table"])
def test_a_period_left_out_is_warned_of_through_the_cache(plan: Path, fmt: str):
    """Imports of 0 in 2031-Q1: no ratio that quarter, and every run says so on stderr,
    from the cache as from the files; a revision of the zero, appended, ends the warning."""
    line = with_ratio(plan)
    append(
        plan,
        "export_value_total_p01,2031-Q1,50,estimate,x,,2032-01-01T00:00:00Z",
        "import_value_total_p01,2031-Q1,0,estimate,x,,2032-01-01T00:00:00Z",
    )
    same_as_cold(plan, "--format", fmt, rebuilt=True)
    served = status(plan, "--format", fmt)
    assert served.exit_code == 0 and served.stderr == left_out(plan, line, "2031-Q1")
    assert same_as_cold(plan, "--format", fmt, rebuilt=False) == served.stdout
    # A target that does not read the ratio: nothing to warn of.
    assert status(plan, "grdp-growth-total-p01", "--format", fmt).stderr == ""
    same_as_cold(plan, "grdp-growth-total-p01", "export-cover-p01", "--format", fmt, rebuilt=False)
    # The zero revised: 50 / 40 * 100 = 125 that quarter, and no warning.
    append(plan, "import_value_total_p01,2031-Q1,40,official,x,,2032-02-01T00:00:00Z")
    same_as_cold(plan, "--format", fmt, rebuilt=False)
    assert status(plan, "--format", fmt).stderr == ""
    assert '"value": 125.0' in status(plan, "export-cover-p01", "--format", "json").stdout
    # A zero in the next quarter: warned of in turn.
    append(
        plan,
        "export_value_total_p01,2031-Q2,60,estimate,x,,2032-04-01T00:00:00Z",
        "import_value_total_p01,2031-Q2,0,estimate,x,,2032-04-01T00:00:00Z",
    )
    same_as_cold(plan, "--format", fmt, rebuilt=False)
    assert status(plan, "--format", fmt).stderr == left_out(plan, line, "2031-Q2")


def parts_of(raw: bytes) -> tuple[bytes, bytes, bytes]:
    """A cache file's hint, payload and texts, as keeping._framed lays them out."""
    head = len(cache.keeping._MAGIC)
    assert raw.startswith(cache.keeping._MAGIC)
    payload_size = int.from_bytes(raw[head + 32 : head + 40], "little")
    start = head + 44 + int.from_bytes(raw[head + 40 : head + 44], "little")
    assert cache._digest(raw[start : start + payload_size]) == raw[head : head + 32]
    return raw[head + 44 : start], raw[start : start + payload_size], raw[start + payload_size :]


def stored(plan: Path) -> dict:
    found = cache._load(cache_of(plan), cache._key(plan, cache._digest(plan.read_bytes())))
    assert found is not None
    return found


# --- tables already drawn -------------------------------------------------------------------------

WAYS_OF_DRAWING = [
    {},
    {"COLUMNS": "80"},
    {"COLUMNS": "200"},
    {"FORCE_COLOR": "1"},
    {"FORCE_COLOR": "1", "NO_COLOR": "1"},
    {"FORCE_COLOR": "1", "TERM": "dumb"},
]


def table(plan: Path, lang: str, env: dict[str, str], cached: bool = True):
    env = {**env, **({} if cached else {"QNTRACK_NO_CACHE": "1"})}
    r = runner.invoke(app, ["status", "--targets", str(plan), "--lang", lang, "--format", "table"], env=env)
    assert r.exit_code == 0, r.output
    return r.stdout


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_drawn_table_is_printed_again_as_it_was(plan: Path, monkeypatch: pytest.MonkeyPatch, lang: str):
    from qntrack.output import render

    drawn = {}
    for env in WAYS_OF_DRAWING:
        drawn[repr(env)] = table(plan, lang, env)
        assert drawn[repr(env)] == table(plan, lang, env, cached=False)
    # Widths and colours really do draw differently (others may draw alike).
    assert len({drawn[repr(env)] for env in WAYS_OF_DRAWING[:4]}) == 4
    assert "\x1b[" in drawn[repr({"FORCE_COLOR": "1"})] and "\x1b[" not in drawn[repr({})]
    assert cache_of(plan).with_suffix(f".{lang}.drawn").is_file()

    def no_drawing(*args, **kwargs):
        raise AssertionError("drawn again")

    monkeypatch.setattr(render, "Table", no_drawing)
    for env in WAYS_OF_DRAWING:
        assert table(plan, lang, env) == drawn[repr(env)]


def test_new_rows_are_drawn_afresh(plan: Path):
    first = table(plan, "en", {})
    append(plan, "grdp_growth_total_p01,2025-Q3,99.5,preliminary,x,,2030-01-01T00:00:00Z")
    again = table(plan, "en", {})
    assert again != first and "99.5" in again
    assert again == table(plan, "en", {}, cached=False)


@pytest.mark.parametrize("damage", ["flip a byte", "empty", "right checksum, wrong shape"])
def test_a_damaged_drawn_table_is_not_trusted(plan: Path, damage: str):
    first = table(plan, "en", {})
    file = cache_of(plan).with_suffix(".en.drawn")
    raw = bytearray(file.read_bytes())
    if damage == "flip a byte":
        raw[-3] ^= 0xFF
        file.write_bytes(bytes(raw))
    elif damage == "empty":
        file.write_bytes(b"")
    else:
        import marshal

        stored = marshal.loads(parts_of(bytes(raw))[1])
        stored["views"] = {k: 42 for k in stored["views"]}
        payload = marshal.dumps(stored)
        file.write_bytes(b"".join(cache.keeping._framed(payload)))
    assert table(plan, "en", {}) == first == table(plan, "en", {}, cached=False)


# --- the plan as plain tuples ----------------------------------------------------------------------


def test_the_cache_keeps_named_records_and_each_items_json_text(plan: Path):
    """Each target's entry is a named record in memory, a plain tuple on disk; its JSON
    item is kept as text that reads back as the cold run's item, field for field, and its
    brief as exactly the item's fields the groups and the gate read."""
    import json

    cold = json.loads(status(plan, "--format", "json", cached=False).stdout)["targets"]
    same_as_cold(plan, "--format", "json", rebuilt=True)
    found = stored(plan)
    kept = found["entries"]
    assert [type(e) for e in kept] == [tuple] * len(cold)  # plain tuples on disk (marshal)
    assert found["texts"].proved()
    entries = cache.entries_from_disk(kept, found["texts"].data)
    assert [type(e) for e in entries] == [cache.Entry] * len(cold)
    assert [json.loads(bytes(e.item_json)) for e in entries] == cold
    wanted = ("id", "status", "score", "group_names", "owner_names", "awaiting_figures")
    assert [e.brief for e in entries] == [{k: item[k] for k in wanted} for item in cold]
    assert [(e.id, e.indicator, e.status) for e in entries] == [(t["id"], t["indicator"], t["status"]) for t in cold]


def test_cached_and_cold_json_share_one_writer(plan: Path, monkeypatch: pytest.MonkeyPatch):
    """Both paths write the status document with formats.document_parts from each item's
    text (formats.item_json): items written in another layout, cached and cold still agree,
    and an append's targets are written the same way."""
    from qntrack.output import formats

    monkeypatch.setattr(
        formats, "item_json", lambda item: formats.orjson.dumps(item, option=formats.orjson.OPT_SORT_KEYS)
    )
    first = same_as_cold(plan, "--format", "json", rebuilt=True)
    assert '\n    {"' in first  # each item on one line, keys sorted: the layout patched in
    assert same_as_cold(plan, "--format", "json", rebuilt=False) == first
    append(plan, "grdp_growth_total_p01,2025-Q3,99.5,preliminary,x,,2030-01-01T00:00:00Z")
    same_as_cold(plan, "grdp-growth-total-p01", "fdi-total-p02", "--format", "json", rebuilt=False)


def test_the_plan_survives_encoding(plan: Path):
    import marshal

    from qntrack.files.definitions import load_plan

    loaded = load_plan(plan)
    allowed = cache._allowed()
    for item in (*loaded.targets, *loaded.indicators.values()):
        back = cache._decode(marshal.loads(marshal.dumps(cache._encode(item))), allowed)
        assert back == item and type(back) is type(item) and back.location == item.location


def test_decoding_builds_only_allowed_classes():
    allowed = cache._allowed()
    with pytest.raises(KeyError):
        cache._decode(("D", "Popen", "rm -rf /"), allowed)
    with pytest.raises(ValueError):
        cache._decode(("X", 1), allowed)
    with pytest.raises(ValueError):
        cache._decode(b"bytes are not part of a plan", allowed)


def test_the_cache_is_written_whole_but_without_waiting_for_the_disk(plan: Path, monkeypatch: pytest.MonkeyPatch):
    """A crash can tear a cache that was not fsynced; _load's digest then refuses it (see
    test_a_corrupted_cache_is_detected_and_rebuilt). Files that are the truth still wait."""
    from qntrack.files.starter import write_atomically

    synced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd))[1])
    same_as_cold(plan, "--format", "json", rebuilt=True)
    assert cache_of(plan).exists() and synced == []
    write_atomically(plan.parent / "report.md", b"# a report\n")
    assert len(synced) == 1 and (plan.parent / "report.md").read_bytes() == b"# a report\n"


def test_bytes_that_are_not_utf8_are_reported_at_the_first(plan: Path):
    """Two rows whose bytes are not UTF-8: the first in the file is the one reported, as
    without the cache."""
    store = plan.parent / "observations.csv"
    lines = store.read_bytes().splitlines(keepends=True)
    bad = []
    for n in (1, 2):
        cells = lines[n].split(b",")
        cells[4] += b" C\xe9"  # a source saved as Windows-1258
        bad.append(b",".join(cells))
    rest = [line for n, line in enumerate(lines) if n not in (1, 2)]
    store.write_bytes(b"".join([*rest, *bad]))
    r = status(plan, "--format", "json")
    assert r.exit_code == 1
    assert r.stderr.startswith(f"{store}:{len(rest) + 1}: error: not UTF-8 text")
    same_as_cold(plan, "--format", "json")


def test_rows_of_undefined_indicators_warn_the_same_cold_and_cached(plan: Path):
    """Rows of indicators targets.yaml does not define are said, one line each, cold,
    cached and after an append."""
    header = (plan.parent / "observations.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("indicator,period,value")
    stray = [f"stray_{k},2020,1,,s,,2021-01-10T00:00:00Z" for k in range(12)]
    append(plan, *stray, stray[0])
    text = same_as_cold(plan, "--format", "json", rebuilt=True)
    warm = status(plan, "--format", "json")
    assert "2 row(s) for indicator 'stray_0'" in warm.stderr
    assert warm.stderr.count("targets.yaml does not define") == 12
    assert same_as_cold(plan, "--format", "json", rebuilt=False) == text
    append(plan, "stray_5,2021,1,,s,,2022-01-10T00:00:00Z", "stray_new,2021,1,,s,,2022-01-10T00:00:00Z")
    same_as_cold(plan, "--format", "json", rebuilt=False)
    assert "2 row(s) for indicator 'stray_5'" in status(plan, "--format", "json").stderr
    assert "1 row(s) for indicator 'stray_new'" in status(plan, "--format", "json").stderr
    same_as_cold(plan, "--format", "table", rebuilt=None)


# --- groups and owners (issue 14) -------------------------------------------------------------


def with_groups(plan: Path) -> None:
    """Every target of the dataset gets its province as group (both languages) and, every
    other one, an owner: some targets have none, as in a real plan."""
    out = []
    for n, line in enumerate(plan.read_text(encoding="utf-8").splitlines()):
        out.append(line)
        if line.startswith("  - id: "):
            province = line.rsplit("-p", 1)[1]
            out.append(f'    group: {{en: "Province {province}", vi: "Tỉnh {province}"}}')
            if n % 2:
                out.append(f'    owner: "Department {n % 3}"')
    plan.write_text("\n".join(out) + "\n", encoding="utf-8")


def test_groups_through_the_cache(plan: Path):
    with_groups(plan)
    first = same_as_cold(plan, "--format", "json", rebuilt=True)
    assert '"groups": [' in first and '"name": "Province 01"' in first
    same_as_cold(plan, "--format", "json", "--group-by", "owner", rebuilt=False)
    for fmt in ("csv", "tsv", "table"):
        for by in ("group", "owner"):
            out = same_as_cold(plan, "--format", fmt, "--group-by", by)
            assert ("Province 02" if by == "group" else "Department 1") in out
    same_as_cold(plan, "--format", "table", "--group-by", "group", "--lang", "vi")
    append(plan, "grdp_growth_total_p01,2025-Q3,99.5,preliminary,x,,2030-01-01T00:00:00Z")
    same_as_cold(plan, "--format", "json", rebuilt=False)
    same_as_cold(plan, "--format", "csv", "--group-by", "group", rebuilt=False)


def test_the_group_gate_through_the_cache(plan: Path):
    with_groups(plan)
    same_as_cold(plan, "--format", "json")
    every = status(plan, "--format", "json", "--fail-on", "not_achieved,deterioration")
    assert every.exit_code == 3 and "-p01" in every.stderr and "-p02" in every.stderr
    one = status(plan, "--format", "json", "--fail-on", "not_achieved,deterioration", "--group", "Province 01")
    assert one.exit_code == 3 and "-p01" in one.stderr and "-p02" not in one.stderr
    for fmt in ("json", "table"):
        same_as_cold(plan, "--format", fmt, "--fail-on", "not_achieved,deterioration", "--group", "province 01")
        same_as_cold(plan, "--format", fmt, "--fail-on", "not_achieved", "--group", "Tỉnh 02")
        bad = status(plan, "--format", fmt, "--fail-on", "not_achieved", "--group", "Province 03")
        assert bad.exit_code == 1 and (bad.stdout == "") == (fmt != "json")  # docs/json.md, "A refusal"
        assert "no group 'Province 03'; did you mean" in bad.stderr
        same_as_cold(plan, "--format", fmt, "--fail-on", "not_achieved", "--group", "Province 03")


_PACKAGE = Path(cache.__file__).resolve().parents[1]


@pytest.mark.parametrize(
    "module", sorted(str(p.relative_to(_PACKAGE)) for p in _PACKAGE.rglob("*") if p.suffix in (".py", ".toml"))
)
def test_the_code_fingerprint_covers_every_package(module: str, package_copy: Path):
    """A change to any module or catalog invalidates the cache: the kinds package and
    output/views were once left out of a list of packages the fingerprint read. On a copy
    of the package: touching the installed one would change the fingerprint under the
    cache tests another worker runs at the same moment (they would see a rebuild)."""
    path = package_copy / module
    st = path.stat()
    before = cache.keeping._code_fingerprint(package_copy)
    try:
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
        assert cache.keeping._code_fingerprint(package_copy) != before
    finally:
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


def test_another_orjson_is_another_cache(package_copy: Path, monkeypatch: pytest.MonkeyPatch):
    """The cache keeps each item's JSON text as orjson wrote it: an upgraded orjson, which
    writes the document around them, must not splice its layout with an older one's."""
    import orjson

    before = cache.keeping._code_fingerprint(package_copy)
    monkeypatch.setattr(orjson, "__version__", orjson.__version__ + ".post1", raising=False)
    assert cache.keeping._code_fingerprint(package_copy) != before


@pytest.fixture(scope="module")
def package_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package's modules and catalogs, copied with their times."""
    import shutil

    copy = tmp_path_factory.mktemp("package") / "qntrack"
    shutil.copytree(_PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def test_the_thread_beside_lets_go_of_a_jobs_data_once_done():
    """The cold run hands the store's bytes to the hashing thread and drops its own: the
    thread must not keep them until the block ends (a national store is 100 MB of the
    run's peak of memory)."""
    import threading
    import time
    import weakref
    from functools import partial

    from qntrack.cache.beside import Beside

    class Data:
        pass

    data, ran = Data(), threading.Event()
    gone = weakref.ref(data)
    with Beside() as beside:
        beside.add(partial(lambda held: ran.set(), data))
        del data
        assert ran.wait(5)
        deadline = time.monotonic() + 5
        while gone() is not None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert gone() is None  # still inside the block


def test_a_repair_waits_while_a_warm_status_has_the_store_mapped(plan: Path):
    """`check --repair` cuts the store back (an interrupted batch set aside). A status
    that has the store mapped would be killed by a bus error reading a part cut away, so
    it holds a shared lock on the store's lock file while mapped, and the repair, which
    cuts only under the append lock, waits (here: gives up after its timeout)."""
    import subprocess

    good = same_as_cold(plan, "--format", "json")
    store = plan.parent / "observations.csv"
    size = store.stat().st_size
    (plan.parent / "observations.csv.lock").touch()  # as the batch the journal tells of left it
    driver = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "import qntrack.cache\n"
        "from qntrack.cache import keeping\n"
        "from qntrack.cli import main\n"
        "from qntrack.errors import InputError\n"
        "from qntrack.files.repair import roll_back\n"
        "load = keeping._load\n"
        "def repair_meanwhile(file, key, early=None):\n"
        "    found = load(file, key, early)\n"
        "    store = Path('observations.csv')\n"
        f"    Path('observations.csv.pending').write_text('qntrack append journal 1\\nsize {size - 100}\\nrows 1\\n')\n"
        "    try:\n"
        "        roll_back(store)\n"
        "        sys.stderr.write('cut\\n')\n"
        "    except InputError:\n"
        "        sys.stderr.write('waited\\n')\n"
        "    os.unlink('observations.csv.pending')\n"
        "    return found\n"
        "qntrack.cache._load = repair_meanwhile\n"
        "sys.argv = ['qntrack', 'status', '--format', 'json']\n"
        "main()\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("QNTRACK_")}
    env["QNTRACK_LOCK_TIMEOUT"] = "0.2"
    run = subprocess.run([sys.executable, "-c", driver], cwd=plan.parent, env=env, capture_output=True, timeout=60)
    assert run.returncode == 0, run  # not killed by a signal
    assert run.stderr.startswith(b"waited\n"), run.stderr
    assert run.stdout.decode() == good and store.stat().st_size == size


def test_a_cache_claiming_a_huge_payload_is_not_read(plan: Path):
    """A cache file whose length field claims gigabytes (a sparse file, say) is no cache
    qntrack wrote: it is not read into memory (a MemoryError), and a cold run follows."""
    good = same_as_cold(plan, "--format", "json")
    file = cache_of(plan)
    raw = file.read_bytes()
    head = len(cache.keeping._MAGIC)
    claimed = 64 << 30
    with open(file, "r+b") as fh:
        fh.seek(head + 32)
        fh.write(claimed.to_bytes(8, "little"))
        fh.truncate(len(raw) + claimed)  # sparse: no disk used
    assert same_as_cold(plan, "--format", "json", rebuilt=True) == good
    assert same_as_cold(plan, "--format", "json", rebuilt=False) == good


def test_the_hashing_beside_stops_when_its_store_is_of_no_use(tmp_path: Path):
    """A hint may name any file (it is read before the payload is proved): leaving the
    block stops the hashing at the next chunk, not after the whole file."""
    from qntrack.cache.beside import Beside, hint_for

    big = tmp_path / "big"
    with open(big, "wb") as fh:
        fh.truncate(2 << 30)  # sparse
    with Beside() as beside:
        beside.hash_store(hint_for(str(big), 2 << 30))
        store = beside.store
        assert store is not None
    assert store.hashed < (2 << 30)


def test_the_same_plan_reached_by_another_path_names_it_as_that_run_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Warnings name targets.yaml as the run was given it; a cache written by a run that
    reached the plan another way (its store named by an absolute path, so both find the
    same store) is not used for them."""
    folder = tmp_path / "plan"
    folder.mkdir()
    root = Path(__file__).resolve().parent.parent
    text = (root / "targets.yaml").read_text(encoding="utf-8")
    store = folder / "obs.csv"
    shutil.copyfile(root / "observations.csv", store)
    with open(store, "a", encoding="utf-8") as fh:
        fh.write("nope_indicator,2025,1,estimate,x,,2025-12-20T00:00:00Z\n")
    assert "\nobservations: observations.csv" in text
    (folder / "targets.yaml").write_text(
        text.replace("\nobservations: observations.csv", f"\nobservations: {store}"), encoding="utf-8"
    )
    monkeypatch.delenv("QNTRACK_TARGETS", raising=False)
    monkeypatch.chdir(folder)
    first = runner.invoke(app, ["status", "--format", "json"])
    assert "targets.yaml does not define" in first.stderr
    monkeypatch.chdir(tmp_path)
    warm = runner.invoke(app, ["-t", "plan/targets.yaml", "status", "--format", "json"])
    cold = runner.invoke(app, ["-t", "plan/targets.yaml", "status", "--format", "json"], env={"QNTRACK_NO_CACHE": "1"})
    assert "plan/targets.yaml does not define" in cold.stderr
    assert (warm.exit_code, warm.stdout, warm.stderr) == (cold.exit_code, cold.stdout, cold.stderr)
