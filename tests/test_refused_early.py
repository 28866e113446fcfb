"""A file that `report -o` or `export -o` will not replace is refused before any work.

The refusal used to come after the report was laid out (a PDF of the shipped plan: 10 s
and more; a national plan's: minutes) or after the store was read: the officer waited
for a message that needed nothing but the file's first bytes. The file is now looked at
before the store is read, and again just before it is replaced (it may change between).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_clean

FOREIGN = b"%PDF-1.4\nsomebody else's\n%%EOF\n"


def _no_work(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading the store or building the report fails the test: the refusal must come first."""
    import qntrack.files.store as store
    import qntrack.output.report as report

    def store_read(*args: object, **kwargs: object) -> None:
        raise AssertionError("the store was read before the refusal")

    def built(*args: object, **kwargs: object) -> None:
        raise AssertionError("the report was built before the refusal")

    monkeypatch.setattr(store, "read_store", store_read)
    monkeypatch.setattr(report, "build_report", built)


@pytest.mark.parametrize("name", ["theirs.pdf", "theirs.docx", "theirs.xlsx", "theirs.html", "theirs.md"])
def test_a_foreign_report_file_is_refused_before_the_store_is_read(
    tracker: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    (tracker / name).write_bytes(FOREIGN)
    _no_work(monkeypatch)
    r = run_clean("report", "-o", name)
    assert r.exit_code == 2, r.output
    assert r.stderr.startswith(f"{name}: error:") and "--force" in r.stderr
    assert (tracker / name).read_bytes() == FOREIGN


def test_an_edited_report_is_refused_before_the_store_is_read(tracker: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run_clean("report", "-o", "r.html").exit_code == 0
    edited = (tracker / "r.html").read_bytes().replace(b"</body>", b"<p>my own note</p></body>")
    (tracker / "r.html").write_bytes(edited)
    _no_work(monkeypatch)
    r = run_clean("report", "-o", "r.html")
    assert r.exit_code == 2 and r.stderr.startswith("r.html: error:"), r.output
    assert (tracker / "r.html").read_bytes() == edited


def test_a_read_only_report_is_refused_before_the_store_is_read(tracker: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run_clean("report", "-o", "r.md").exit_code == 0
    (tracker / "r.md").chmod(0o444)
    _no_work(monkeypatch)
    r = run_clean("report", "-o", "r.md")
    assert r.exit_code == 2 and r.stderr.startswith("r.md: error:"), r.output


def test_force_still_replaces_a_foreign_file(tracker: Path) -> None:
    (tracker / "theirs.md").write_bytes(FOREIGN)
    r = run_clean("report", "-o", "theirs.md", "--force")
    assert r.exit_code == 0, r.output
    assert (tracker / "theirs.md").read_bytes() != FOREIGN


def test_a_report_of_its_own_is_replaced_as_before(tracker: Path) -> None:
    assert run_clean("report", "-o", "r.md").exit_code == 0
    r = run_clean("report", "-o", "r.md")
    assert r.exit_code == 0 and r.stderr.startswith("wrote r.md"), r.output


def test_a_foreign_export_file_is_refused_before_the_store_is_read(
    tracker: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tracker / "data.csv").write_bytes(b"a,b\n1,2\n")
    _no_work(monkeypatch)
    r = run_clean("export", "sdmx-csv", "-o", "data.csv")
    assert r.exit_code == 2 and r.stderr.startswith("data.csv: error:"), r.output
    assert (tracker / "data.csv").read_bytes() == b"a,b\n1,2\n"


def test_a_foreign_open_sdg_folder_is_refused_before_the_store_is_read(
    tracker: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tracker.parent / "site"
    site.mkdir()
    (site / "notes.txt").write_text("somebody's notes\n", encoding="utf-8")
    _no_work(monkeypatch)
    r = run_clean("export", "opensdg", "--into", str(site))
    assert r.exit_code == 2 and "site" in r.stderr and "--force" in r.stderr, r.output
    assert sorted(p.name for p in site.iterdir()) == ["notes.txt"]


def test_an_open_sdg_export_into_the_plans_own_folder_is_refused_before_the_store_is_read(
    tracker: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _no_work(monkeypatch)
    r = run_clean("export", "opensdg", "--into", ".")
    assert r.exit_code == 2, r.output
