"""A plan read again by the same process is not parsed again (files/definitions.py,
``_parsed_recently``), and sharing it is safe: no command changes the plan it was given."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_clean
from qntrack.files import definitions
from qntrack.files.definitions import load_plan, parse_plan


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Each parse's file name, as it happens."""
    calls: list[str] = []
    real = definitions.parse_plan

    def counting(text: str, file: str = "targets.yaml"):
        calls.append(file)
        return real(text, file)

    monkeypatch.setattr(definitions, "parse_plan", counting)
    monkeypatch.setattr(definitions, "_RECENT", {})
    return calls


def test_the_same_file_read_again_is_parsed_once(shipped: Path, counted: list[str]):
    first = load_plan(shipped / "targets.yaml")
    again = load_plan(shipped / "targets.yaml")
    assert again is first
    assert counted == [str(shipped / "targets.yaml")]


def test_an_edited_file_is_parsed_again(shipped: Path, counted: list[str]):
    path = shipped / "targets.yaml"
    first = load_plan(path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('title: {en: "', 'title: {en: "Edited ', 1), encoding="utf-8")
    edited = load_plan(path)
    assert edited is not first and edited.title.startswith("Edited ")
    assert len(counted) == 2


def test_the_same_text_under_another_name_is_parsed_for_that_name(shipped: Path, counted: list[str]):
    # The name is in every message and location the plan carries: another file is another plan.
    copy = shipped / "copy.yaml"
    copy.write_bytes((shipped / "targets.yaml").read_bytes())
    assert load_plan(copy).source_file == str(copy)
    assert load_plan(shipped / "targets.yaml").source_file == str(shipped / "targets.yaml")
    assert len(counted) == 2


def test_a_plan_with_problems_is_refused_every_time(tmp_path: Path, counted: list[str]):
    from qntrack.errors import InputError

    bad = tmp_path / "targets.yaml"
    bad.write_text("title: x\nindicators: {}\ntargets: [1]\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(InputError):
            load_plan(bad)
    assert len(counted) == 2


def test_the_plan_is_kept_only_for_a_few_files(tmp_path: Path, counted: list[str]):
    texts = [f"title: plan {i}\nindicators: {{}}\ntargets: []\n" for i in range(definitions._RECENT_SIZE + 2)]
    for i, text in enumerate(texts):
        (tmp_path / f"{i}.yaml").write_text(text, encoding="utf-8")
        load_plan(tmp_path / f"{i}.yaml")
    assert len(definitions._RECENT) == definitions._RECENT_SIZE
    load_plan(tmp_path / "0.yaml")  # the oldest went first
    assert len(counted) == len(texts) + 1


def test_no_command_changes_the_plan_it_shares(shipped: Path, monkeypatch: pytest.MonkeyPatch):
    """Every reading and writing command on the shipped plan, through one process; the
    plan kept is then compared, field by field, with a fresh parse of the same text."""
    monkeypatch.setattr(definitions, "_RECENT", {})
    monkeypatch.setenv("QNTRACK_NO_CACHE", "1")
    for args in (
        ["status", "--format", "json"],
        ["status", "--format", "table", "--lang", "vi"],
        ["status", "--as-of", "2024-06-30", "--group-by", "group"],
        ["check", "--format", "json"],
        ["show", "cbct-share"],
        ["history", "cbct_share"],
        ["report", "--format", "markdown"],
        ["report", "--format", "xlsx", "-o", str(shipped / "r.xlsx")],
        ["observations", "--format", "csv"],
        ["export", "sdmx-csv", "-o", str(shipped / "x.csv")],
        ["add-observation", "cbct_share", "2026-Q3", "14.2", "--source", "test"],
    ):
        r = run_clean(*args)
        assert r.exit_code in (0, 1), (args, r.stderr)
    [(file, text)] = definitions._RECENT  # one plan, read by every command
    assert text == (shipped / "targets.yaml").read_text(encoding="utf-8")
    assert definitions._RECENT[(file, text)] == parse_plan(text, file)


def test_threads_loading_plans_at_once_each_get_their_own(tmp_path: Path, counted: list[str]):
    # More files than are kept, loaded by 8 threads at once, again and again: the memo's
    # eviction must never fail a load or give one file another's plan.
    from concurrent.futures import ThreadPoolExecutor

    paths = []
    for i in range(definitions._RECENT_SIZE * 3):
        path = tmp_path / f"{i}.yaml"
        path.write_text(f"title: plan {i}\nindicators: {{}}\ntargets: []\n", encoding="utf-8")
        paths.append(path)
    with ThreadPoolExecutor(8) as pool:
        titles = list(pool.map(lambda p: load_plan(p).title, paths * 20))
    assert titles == [f"plan {i}" for i in range(len(paths))] * 20
