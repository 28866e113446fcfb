"""The paths-and-links pass's leftovers (issue 17, twenty-fourth session, pass P): a
repaired store keeps its other names, the library's refusals speak of its arguments, an
import never writes into another tracker's store through a link, and an export's name
must not say another format.

Each test was written failing first; the expected words are the catalog's keys, the
names the user typed and the numbers the README's table gives."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import SMALL_OBSERVATIONS
from helpers import run_clean

DAY = "2025-12-31"


# --- (a) check --repair on a store with another name -----------------------------------------


def test_repair_of_a_hard_linked_store_cuts_the_torn_row_under_every_name(tracker: Path) -> None:
    # `ln observations.csv backup.csv`, then an append killed mid-row. The repair replaced
    # observations.csv by a rename: backup.csv kept the torn row and the two names parted.
    torn = SMALL_OBSERVATIONS.encode() + b"share,2025,1"
    Path("observations.csv").write_bytes(torn)
    os.link("observations.csv", "backup.csv")
    r = run_clean("check", "--repair")
    assert r.exit_code == 0, r.output
    assert Path("observations.csv").read_bytes() == SMALL_OBSERVATIONS.encode()
    assert Path("backup.csv").read_bytes() == SMALL_OBSERVATIONS.encode()
    assert os.path.samefile("observations.csv", "backup.csv")
    [side] = [p for p in os.listdir(".") if ".torn-" in p]
    assert Path(side).read_bytes() == b"share,2025,1"
    assert os.stat("observations.csv").st_nlink == 2


def test_repair_of_a_hard_linked_store_written_meanwhile_leaves_it_as_it_was(
    tracker: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A script's `>>` (no lock) between the read and the cut: its row must not be cut off.
    from qntrack.files import repair, starter

    torn = SMALL_OBSERVATIONS.encode() + b"share,2025,1"
    Path("observations.csv").write_bytes(torn)
    os.link("observations.csv", "backup.csv")
    real = starter.write_atomically

    def meanwhile(path, data, *a, **k):  # type: ignore[no-untyped-def]
        done = real(path, data, *a, **k)  # the side file, then the script appends
        with open("backup.csv", "ab") as fh:
            fh.write(b"3.0,,script,,2026-01-05T00:00:00Z\n")
        return done

    monkeypatch.setattr(repair.starter, "write_atomically", meanwhile)
    r = run_clean("check", "--repair")
    assert r.exit_code == 1 and "changed" in r.stderr, r.output
    assert Path("observations.csv").read_bytes() == torn + b"3.0,,script,,2026-01-05T00:00:00Z\n"
    assert [p for p in os.listdir(".") if ".torn-" in p] == []


# --- (b) write_report's refusals, in a Python caller's words ---------------------------------


def _report_data():  # type: ignore[no-untyped-def]
    import qntrack
    from qntrack.output.report import build_report

    ws = qntrack.open_workspace("targets.yaml", as_of=DAY)
    return build_report(ws.plan, ws.series, ws.store.observations, None, DAY, None, DAY)


@pytest.mark.parametrize(
    ("name", "key", "advice"),
    [
        ("observations.csv", "outputs_is_read_by_tracker", "another path"),
        ("afolder", "outputs_is_folder_report", "afolder/review.md"),
        ("fifo.md", "outputs_not_regular", "another path"),
        ("minutes.md", "outputs_foreign_file", "force=True"),
        ("review.md ", "outputs_windows_trailing", "'review.md'"),
        ("CON.md", "outputs_windows_device", "another path"),
        ("sub\\review.md", "outputs_backslash", "sub/review.md"),
    ],
)
def test_write_report_refusals_speak_of_its_arguments_not_of_the_command_line(
    tracker: Path, name: str, key: str, advice: str
) -> None:
    # They said "give another name, e.g. -o review.html", "leave out -o to write to
    # standard output", "add --force": options a Python caller does not have.
    from qntrack import InputError, write_report

    os.mkdir("afolder")
    os.mkdir("sub")
    os.mkfifo("fifo.md")
    Path("minutes.md").write_text("# mine\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        write_report(_report_data(), "markdown", "en", name)
    assert caught.value.key == key  # the refusal a program tests is the same one
    for lang in ("en", "vi"):
        said = caught.value.text(lang)
        assert "-o" not in said and "--force" not in said and "--format" not in said, said
        assert "write_report" in said or "force=True" in said, said
    assert advice in caught.value.text("en")


def test_report_o_keeps_the_command_lines_words(tracker: Path) -> None:
    r = run_clean("report", "-o", "observations.csv")
    assert r.exit_code == 2 and "-o review.html" in r.stderr, r.output
    Path("minutes.md").write_text("# mine\n", encoding="utf-8")
    r = run_clean("report", "-o", "minutes.md")
    assert r.exit_code == 2 and "--force" in r.stderr, r.output


# --- (c) import_observations with an empty path ----------------------------------------------


def test_import_observations_of_an_empty_path_says_it_is_empty(tracker: Path) -> None:
    # It said ": error: is a directory, expected a CSV or TSV file": "" was read as the
    # current folder, and the message named no file at all.
    import qntrack
    from qntrack import InputError

    with pytest.raises(InputError) as caught:
        qntrack.import_observations("targets.yaml", "")
    error = caught.value
    assert (error.file, error.code, error.key) == ("source", 2, "library_import_source_empty")
    assert "empty" in str(error) and "directory" not in str(error), str(error)
    assert "trống" in error.text("vi"), error.text("vi")
    assert Path("observations.csv").read_text(encoding="utf-8") == SMALL_OBSERVATIONS


# --- (d), (e) import opensdg into a folder whose files are links -----------------------------

MARK = "# Written by `qntrack import opensdg`"


def _repo_and_tracker(tmp_path: Path) -> tuple[Path, Path]:
    """An Open SDG repository exported from the small tracker, and a tracker ``a``
    imported from it (same indicator ids in both)."""
    repo = tmp_path / "repo"
    assert run_clean("export", "opensdg", "--into", str(repo)).exit_code == 0
    a = tmp_path / "a"
    r = run_clean("import", "opensdg", str(repo), "--into", str(a), "--recorded-at", "2025-01-01")
    assert r.exit_code == 0, r.output
    return repo, a


@pytest.mark.parametrize("force", [False, True])
def test_import_never_appends_into_another_trackers_store_through_a_link(tmp_path: Path, force: bool) -> None:
    # `d/observations.csv -> ../a/observations.csv`, a the tracker of its own plan: the
    # import wrote d's plan and appended its rows into a's store, without a word.
    repo, a = _repo_and_tracker(tmp_path)
    store_before = (a / "observations.csv").read_bytes()
    plan_before = (a / "targets.yaml").read_bytes()
    d = tmp_path / "d"
    d.mkdir()
    os.symlink("../a/observations.csv", d / "observations.csv")
    args = ["import", "opensdg", str(repo), "--into", str(d), "--recorded-at", "2025-06-01"]
    r = run_clean(*args, *(["--force"] if force else []))
    assert r.exit_code == 2, r.output
    [line] = r.stderr.splitlines()
    assert "observations.csv" in line and "symbolic link" in line and str(a / "targets.yaml") in line, line
    assert (a / "observations.csv").read_bytes() == store_before
    assert (a / "targets.yaml").read_bytes() == plan_before
    assert sorted(os.listdir(d)) == ["observations.csv"]
    r = run_clean("--lang", "vi", *args)
    assert r.exit_code == 2 and "liên kết tượng trưng" in r.stderr, r.output


def test_import_into_a_folder_linked_to_an_imported_tracker_follows_both_links(tmp_path: Path) -> None:
    # `d/targets.yaml -> ../a/targets.yaml` and `d/observations.csv -> ../a/observations.csv`:
    # the rows went through the store's link, but the plan's link was replaced by a regular
    # file, so d and a parted. Both are now followed: d stays a view of a.
    repo, a = _repo_and_tracker(tmp_path)
    d = tmp_path / "d"
    d.mkdir()
    os.symlink("../a/targets.yaml", d / "targets.yaml")
    os.symlink("../a/observations.csv", d / "observations.csv")
    for extra in ([], ["--force"]):
        r = run_clean("import", "opensdg", str(repo), "--into", str(d), "--recorded-at", "2025-06-01", *extra)
        assert r.exit_code == 0, r.output
        assert (d / "targets.yaml").is_symlink() and (d / "observations.csv").is_symlink()
        assert (a / "targets.yaml").read_text(encoding="utf-8").startswith(MARK)


@pytest.mark.parametrize("force", [False, True])
def test_import_never_replaces_a_plan_elsewhere_through_a_link(tracker: Path, tmp_path: Path, force: bool) -> None:
    # `d/targets.yaml -> ../plan/targets.yaml`, a plan a person wrote: --force replaced the
    # link with a regular file (rows meanwhile went through a store link beside it).
    repo = tmp_path / "repo"
    assert run_clean("export", "opensdg", "--into", str(repo)).exit_code == 0
    d = tmp_path / "d"
    d.mkdir()
    os.symlink(tracker / "targets.yaml", d / "targets.yaml")
    plan_before = (tracker / "targets.yaml").read_bytes()
    args = ["import", "opensdg", str(repo), "--into", str(d), "--recorded-at", "2025-06-01"]
    r = run_clean(*args, *(["--force"] if force else []))
    assert r.exit_code == 2, r.output
    [line] = r.stderr.splitlines()
    assert "targets.yaml" in line and "symbolic link" in line and str(tracker / "targets.yaml") in line, line
    assert (d / "targets.yaml").is_symlink() and (tracker / "targets.yaml").read_bytes() == plan_before
    assert sorted(os.listdir(d)) == ["targets.yaml"]


# --- (f) export sdmx-csv -o: the extension rule, through a link too --------------------------


@pytest.mark.parametrize(("name", "instead"), [("x.md", "x.csv"), ("out/Figures.XLSX", "out/Figures.csv")])
def test_export_to_a_name_of_another_format_names_the_csv_name_to_write(tracker: Path, name: str, instead: str) -> None:
    # It said "give a .csv name, e.g. -o figures.csv": a name the officer had not chosen.
    os.mkdir("out")
    r = run_clean("export", "sdmx-csv", "-o", name)
    assert r.exit_code == 2, r.output
    assert f"-o {instead}" in r.stderr, r.stderr
    assert not Path(name).exists()


@pytest.mark.parametrize("force", [False, True])
def test_export_through_a_link_to_a_file_of_another_format_is_refused(tracker: Path, force: bool) -> None:
    # `latest.csv -> notes.md`: with --force the CSV went into notes.md, the rule held for
    # the link's name only (a report through such a link is refused).
    Path("notes.md").write_text("# my notes\n", encoding="utf-8")
    os.symlink("notes.md", "latest.csv")
    r = run_clean("export", "sdmx-csv", "-o", "latest.csv", *(["--force"] if force else []))
    assert r.exit_code == 2, r.output
    [line] = r.stderr.splitlines()
    assert "latest.csv" in line and "notes.md" in line and "symbolic link" in line, line
    assert Path("notes.md").read_text(encoding="utf-8") == "# my notes\n"
    r = run_clean("--lang", "vi", "export", "sdmx-csv", "-o", "latest.csv")
    assert r.exit_code == 2 and "liên kết tượng trưng" in r.stderr, r.output


def test_export_through_a_link_to_a_csv_file_is_still_written(tracker: Path) -> None:
    os.symlink("figures-2025.csv", "latest.csv")
    r = run_clean("export", "sdmx-csv", "-o", "latest.csv")
    assert r.exit_code == 0, r.output
    assert Path("latest.csv").is_symlink()
    assert Path("figures-2025.csv").read_text(encoding="utf-8").startswith("STRUCTURE,")


# --- report --format md ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "start"),
    [
        (["--format", "md"], "# "),
        (["-f", "MD"], "# "),
        (["--format=md"], "# "),
        (["-fmd"], "# "),
        (["--format", "htm", "-o", "r.htm"], ""),
    ],
)
def test_report_format_takes_the_extensions_it_writes_as_their_formats(
    tracker: Path, args: list[str], start: str
) -> None:
    # Click said "'md' is not one of 'html', 'markdown', ...", while -o review.md is read
    # as markdown: the two spellings of the extension rule (.md, .htm) are now the formats'.
    r = run_clean("report", *args, "--as-of", DAY)
    assert r.exit_code == 0, r.output
    if start:
        assert r.stdout.startswith(start), r.stdout[:80]
        assert r.stdout == run_clean("report", "--format", "markdown", "--as-of", DAY).stdout
    else:
        assert Path("r.htm").read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")


def test_report_format_xls_is_still_refused_with_the_formats(tracker: Path) -> None:
    # .xls is Excel 97's binary format, which qntrack does not write: no alias for xlsx.
    r = run_clean("report", "--format", "xls", "-o", "r.xls")
    assert r.exit_code == 2 and "xlsx" in r.stderr, r.output
    assert not Path("r.xls").exists()
    # A value after "--" is an argument, never read as a format.
    r = run_clean("report", "--format", "markdown", "--as-of", DAY, "--", "md")
    assert r.exit_code != 0 and "md" in r.stderr
