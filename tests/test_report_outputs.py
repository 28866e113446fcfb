"""Where `qntrack report -o` may write: never over what the tracker reads, never over a
file qntrack did not write (without --force), never in place of a FIFO or a device, and
never in a format that the file's extension contradicts (issue #12, docs/report.md)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from conftest import make_tracker, SMALL_OBSERVATIONS, SMALL_TARGETS
from helpers import run


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)


def unchanged(plan: Path) -> bool:
    return (plan / "observations.csv").read_text(encoding="utf-8") == SMALL_OBSERVATIONS and (
        plan / "targets.yaml"
    ).read_text(encoding="utf-8") == SMALL_TARGETS


def refused(result, name: str) -> str:
    """The command stopped with exit 2 and one message naming ``name``."""
    assert result.exit_code == 2, result.output
    assert name in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""
    return result.stderr


# --- what the tracker reads -----------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["-o", "observations.csv"],
        ["--format", "markdown", "-o", "observations.csv"],
        ["-o", "targets.yaml"],
        ["--format", "json", "-o", "./sub/../observations.csv"],
        ["-o", "observations.csv.lock"],
        ["--format", "markdown", "-o", "observations.csv.torn-20240101T000000Z"],
    ],
)
def test_report_never_replaces_what_the_tracker_reads(plan: Path, args: list[str]):
    (plan / "sub").mkdir()
    message = refused(run("report", *args), args[-1])
    assert "a report never replaces it" in message or "lock or side file" in message
    assert unchanged(plan)
    assert not (plan / "observations.csv.lock").exists() or (plan / "observations.csv.lock").stat().st_size == 0


@pytest.mark.parametrize("args", [["-o", "observations.csv"], ["-o", "/dev/null"], ["-o", "sub"]])
def test_an_output_is_refused_before_the_store_is_read(plan: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]):
    """Refusing to write over the store, into a device or a folder waited until the whole
    store was read: 7 s on a national store (issue 17's hostile pass)."""
    from qntrack.files import store

    (plan / "sub").mkdir()

    def never(*a: object, **k: object) -> None:
        raise AssertionError("the store was read before the output was refused")

    monkeypatch.setattr(store, "read_store", never)
    r = run("report", *args)
    assert r.exit_code == 2, r.output
    assert "the store was read" not in r.output and "Traceback" not in r.output
    assert unchanged(plan)


def test_a_symlink_or_hard_link_to_the_store_is_refused(plan: Path):
    (plan / "link.md").symlink_to(plan / "observations.csv")
    os.link(plan / "observations.csv", plan / "hard.md")
    for name in ("link.md", "hard.md"):
        assert "observations file this tracker reads" in refused(run("report", "-o", name), name)
    assert (plan / "link.md").is_symlink()
    assert unchanged(plan)


def test_the_status_cache_is_refused(plan: Path):
    assert run("status", "--format", "json").exit_code == 0  # makes .qntrack-cache
    cache = next((plan / ".qntrack-cache").glob("status-*.bin"))
    before = cache.read_bytes()
    refused(run("report", "--format", "json", "-o", str(cache)), str(cache))
    refused(run("report", "-o", ".qntrack-cache/new.md"), ".qntrack-cache/new.md")
    assert cache.read_bytes() == before and not (plan / ".qntrack-cache" / "new.md").exists()


def test_the_store_named_in_another_folder_is_protected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    plan = make_tracker(
        tmp_path, monkeypatch, SMALL_TARGETS.replace("title:", "observations: data/obs.csv\ntitle:"), SMALL_OBSERVATIONS
    )
    (plan / "data").mkdir()
    (plan / "data" / "obs.csv").write_text(SMALL_OBSERVATIONS, encoding="utf-8")
    refused(run("report", "--format", "markdown", "-o", "data/obs.csv"), "data/obs.csv")
    assert (plan / "data" / "obs.csv").read_text(encoding="utf-8") == SMALL_OBSERVATIONS


# --- files qntrack did not write ------------------------------------------------------------


def test_a_foreign_file_is_not_replaced_without_force(plan: Path):
    notes = plan / "review.md"
    notes.write_text("# My own notes for the meeting\n", encoding="utf-8")
    message = refused(run("report", "-o", "review.md"), "review.md")
    assert "--force" in message and "not a report qntrack wrote" in message
    assert notes.read_text(encoding="utf-8") == "# My own notes for the meeting\n"
    assert not (plan / "review-charts").exists()  # nothing written at all
    result = run("report", "-o", "review.md", "--force")
    assert result.exit_code == 0, result.output
    assert notes.read_text(encoding="utf-8").startswith("# Test plan")


@pytest.mark.parametrize("name", ["r.html", "r.htm", "r.md", "r.markdown", "r.json", "r.toml"])
def test_a_report_qntrack_wrote_is_replaced_without_force(plan: Path, name: str):
    """Each format carries the generator mark; a second run replaces the first."""
    assert run("report", "-o", name).exit_code == 0
    first = (plan / name).read_bytes()
    assert b"sha256:" in first  # the mark carries the fingerprint
    result = run("report", "-o", name, "--lang", "vi")  # a different report over it
    assert result.exit_code == 0, result.output
    if not name.endswith((".json", ".toml")):  # the data formats do not change with --lang
        assert (plan / name).read_bytes() != first
    result = run("report", "-o", name)
    assert result.exit_code == 0, result.output
    assert (plan / name).read_bytes() == first
    assert f"wrote {name}" in result.stderr


@pytest.mark.parametrize("name", ["r.html", "r.md", "r.json", "r.toml"])
def test_a_report_edited_since_qntrack_wrote_it_is_not_replaced_without_force(plan: Path, name: str):
    """Issue #12: a report a person has since edited (meeting minutes added) is no longer
    what qntrack wrote; the mark alone survives the edit, the fingerprint does not."""
    assert run("report", "-o", name).exit_code == 0
    text = (plan / name).read_text(encoding="utf-8")
    edited = text.replace("Test plan", "Test plan (minutes: agreed to revise)", 1)
    assert edited != text
    (plan / name).write_text(edited, encoding="utf-8")
    message = refused(run("report", "-o", name), name)
    assert "was edited since qntrack wrote it" in message and "--force" in message
    assert (plan / name).read_text(encoding="utf-8") == edited
    assert "đã bị sửa" in refused(run("report", "-o", name, "--lang", "vi"), name)
    result = run("report", "-o", name, "--force")
    assert result.exit_code == 0, result.output
    assert (plan / name).read_text(encoding="utf-8") == text


def test_minutes_added_to_a_markdown_report_are_kept(plan: Path):
    """The tester's case: report, add minutes at the end, report again."""
    assert run("report", "-o", "mine.md").exit_code == 0
    with open(plan / "mine.md", "a", encoding="utf-8") as fh:
        fh.write("\n## Minutes\n\nAgreed to revise the targets.\n")
    refused(run("report", "-o", "mine.md"), "mine.md")
    assert "## Minutes" in (plan / "mine.md").read_text(encoding="utf-8")
    # A byte changed is an edit too, even a trailing newline.
    assert run("report", "-o", "two.md").exit_code == 0
    (plan / "two.md").write_bytes((plan / "two.md").read_bytes() + b"\n")
    refused(run("report", "-o", "two.md"), "two.md")


def test_an_edited_chart_is_not_replaced_without_force(plan: Path):
    assert run("report", "-o", "review.md").exit_code == 0
    chart = sorted((plan / "review-charts").glob("*.svg"))[0]
    chart.write_text(
        chart.read_text(encoding="utf-8").replace("</svg>", "<text>my note</text></svg>"), encoding="utf-8"
    )
    assert "was edited since" in refused(run("report", "-o", "review.md"), chart.name)
    assert "my note" in chart.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["r.html", "r.md", "r.json", "r.toml"])
def test_a_report_with_the_mark_but_no_fingerprint_is_replaced(plan: Path, name: str):
    """Reports written before the fingerprint (the mark alone) count as qntrack's, so an
    upgrade does not ask for --force; standard output carries no fingerprint either."""
    result = run("report", "--format", {"r.html": "html", "r.md": "markdown", "r.json": "json", "r.toml": "toml"}[name])
    assert result.exit_code == 0 and "sha256:" not in result.stdout
    (plan / name).write_text(result.stdout + ("\nedited\n" if name == "r.md" else ""), encoding="utf-8")
    result = run("report", "-o", name)
    assert result.exit_code == 0, result.output
    assert b"sha256:" in (plan / name).read_bytes()


def test_the_mark_is_read_at_the_end_of_a_long_markdown_report(plan: Path):
    """A report written before the fingerprint, notes put above it: still qntrack's."""
    text = run("report", "--format", "markdown").stdout
    assert text.rstrip().endswith("<!-- generator: qntrack -->")
    (plan / "r.md").write_text("# Notes\n" + "x" * 20_000 + "\n" + text, encoding="utf-8")
    assert run("report", "-o", "r.md").exit_code == 0


def test_a_fingerprint_is_found_at_the_end_of_a_long_markdown_report(plan: Path):
    from qntrack.files.outputs import mark_state, stamp

    body = "# Report\n" + "x" * 20_000 + "\n\n<!-- generator: qntrack -->\n"
    (plan / "r.md").write_bytes(stamp("markdown", body.encode("utf-8")))
    assert mark_state(plan / "r.md") == "qntrack"
    (plan / "r.md").write_bytes(b"# Notes\n" + (plan / "r.md").read_bytes())
    assert mark_state(plan / "r.md") == "edited"


def test_a_mark_in_the_middle_of_a_foreign_file_does_not_count(plan: Path):
    other = plan / "r.md"
    other.write_text("x" * 10_000 + "\n<!-- generator: qntrack -->\n" + "y" * 10_000, encoding="utf-8")
    refused(run("report", "-o", "r.md"), "r.md")
    assert other.stat().st_size == 20_029


# --- symlinks and non-regular files ---------------------------------------------------------


def test_a_symlink_is_written_through_to_its_target(plan: Path):
    (plan / "real").mkdir()
    (plan / "link.html").symlink_to(plan / "real" / "review.html")  # dangling: the report creates it
    result = run("report", "-o", "link.html")
    assert result.exit_code == 0, result.output
    assert (plan / "link.html").is_symlink()
    assert (plan / "real" / "review.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "through the link link.html" in result.stderr
    assert run("report", "-o", "link.html").exit_code == 0  # and again: the target is qntrack's
    assert (plan / "link.html").is_symlink()


def test_a_symlink_to_a_foreign_file_needs_force(plan: Path):
    (plan / "mine.html").write_text("<html>mine</html>", encoding="utf-8")
    (plan / "link.html").symlink_to(plan / "mine.html")
    refused(run("report", "-o", "link.html"), "link.html")
    assert (plan / "mine.html").read_text(encoding="utf-8") == "<html>mine</html>"


def test_a_fifo_is_never_replaced(plan: Path):
    os.mkfifo(plan / "pipe.md")
    message = refused(run("report", "-o", "pipe.md"), "pipe.md")
    assert "not a regular file" in message
    assert stat.S_ISFIFO(os.stat(plan / "pipe.md").st_mode)
    # --force does not change that.
    refused(run("report", "-o", "pipe.md", "--force"), "pipe.md")
    assert stat.S_ISFIFO(os.stat(plan / "pipe.md").st_mode)


def test_a_device_is_never_replaced(plan: Path):
    message = refused(run("report", "--format", "markdown", "-o", "/dev/null", "--force"), "/dev/null")
    assert "not a regular file" in message
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.parametrize("name", ["-", "/dev/stdout"])
def test_dash_and_dev_stdout_mean_standard_output(plan: Path, name: str):
    result = run("report", "-o", name)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Test plan") and "wrote" not in result.stderr


def test_a_folder_is_refused(plan: Path):
    (plan / "out.md").mkdir()
    assert "is a folder" in refused(run("report", "-o", "out.md"), "out.md")


# --- the format and the extension -----------------------------------------------------------


@pytest.mark.parametrize(
    "name, words",
    [
        ("review.doc", "Word 97-2003"),
        ("review.xls", "Excel"),  # the old binary format; .xlsx is written (test_report_xlsx.py)
        ("review.txt", "does not say which format"),
        ("review", "does not say which format"),
    ],
)
def test_an_extension_qntrack_cannot_write_is_refused(plan: Path, name: str, words: str):
    message = refused(run("report", "-o", name), name)
    assert words in message and ".html/.htm, .md/.markdown, .json, .toml, .xlsx, .docx or .pdf" in message
    assert not (plan / name).exists()


@pytest.mark.parametrize(
    "args",
    [
        ["--format", "markdown", "-o", "x.pdf"],
        ["--format", "html", "-o", "x.docx"],
        ["--format", "json", "-o", "x.html"],
        ["--format", "markdown", "-o", "x.toml"],
    ],
)
def test_a_format_the_extension_contradicts_is_refused(plan: Path, args: list[str]):
    refused(run("report", *args), args[-1])
    assert not (plan / args[-1]).exists()


def test_an_explicit_format_is_taken_for_a_neutral_extension(plan: Path):
    result = run("report", "--format", "markdown", "-o", "notes.txt")
    assert result.exit_code == 0, result.output
    assert (plan / "notes.txt").read_text(encoding="utf-8").startswith("# Test plan")


def test_the_format_comes_from_the_extension(plan: Path):
    assert run("report", "-o", "r.htm").exit_code == 0
    assert (plan / "r.htm").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert run("report", "-o", "r.toml").exit_code == 0
    assert (plan / "r.toml").read_text(encoding="utf-8").startswith("qntrack = ")


# --- the Markdown report's charts folder ----------------------------------------------------


def test_charts_qntrack_did_not_write_are_not_replaced(plan: Path):
    folder = plan / "review-charts"
    folder.mkdir()
    (folder / "share.svg").write_text("<svg>my own drawing</svg>", encoding="utf-8")
    (folder / "keep.txt").write_text("mine", encoding="utf-8")
    message = refused(run("report", "-o", "review.md"), "share.svg")
    assert "--force" in message
    assert (folder / "share.svg").read_text(encoding="utf-8") == "<svg>my own drawing</svg>"
    assert not (plan / "review.md").exists()
    result = run("report", "-o", "review.md", "--force")
    assert result.exit_code == 0, result.output
    assert (folder / "keep.txt").read_text(encoding="utf-8") == "mine"  # never deleted
    # Written once by qntrack, the charts are replaced by the next report without --force.
    assert run("report", "-o", "review.md").exit_code == 0
    assert (folder / "keep.txt").read_text(encoding="utf-8") == "mine"


def test_a_charts_folder_that_is_a_file_is_refused(plan: Path):
    (plan / "review-charts").write_text("not a folder", encoding="utf-8")
    assert "not a folder" in refused(run("report", "-o", "review.md"), "review-charts")
    assert (plan / "review-charts").read_text(encoding="utf-8") == "not a folder"
    assert not (plan / "review.md").exists()


def test_a_chart_that_is_a_fifo_is_refused(plan: Path):
    (plan / "review-charts").mkdir()
    os.mkfifo(plan / "review-charts" / "share.svg")
    refused(run("report", "-o", "review.md", "--force"), "share.svg")
    assert stat.S_ISFIFO(os.stat(plan / "review-charts" / "share.svg").st_mode)


def test_force_never_allows_a_file_the_tracker_reads(plan: Path):
    refused(run("report", "--format", "markdown", "-o", "observations.csv", "--force"), "observations.csv")
    assert unchanged(plan)


def test_stdout_appended_to_the_store_is_refused(plan: Path):
    """`qntrack report >> observations.csv` would glue a report onto the data."""
    import subprocess
    import sys

    with open(plan / "observations.csv", "a", encoding="utf-8") as store:
        proc = subprocess.run(
            [sys.executable, "-m", "qntrack", "report"],
            cwd=plan,
            stdout=store,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
            timeout=60,
        )
    assert proc.returncode == 2, proc.stderr
    assert "standard output is the observations file" in proc.stderr and "Traceback" not in proc.stderr
    assert unchanged(plan)


def test_reports_made_by_qntrack_0_1_are_replaced_without_force(plan: Path):
    """0.1 wrote no mark in Markdown or SVG: its footer line and its chart element are
    taken as qntrack's, so the usual `report -o review.md` keeps working after an upgrade."""
    (plan / "review.md").write_text(
        "# Test plan\n\nold\n\n---\n\nMade by qntrack 0.1.0. Statuses follow the "
        "Statistics Canada / Open SDG progress measure (docs/methodology.md).\n",
        encoding="utf-8",
    )
    (plan / "review-charts").mkdir()
    (plan / "review-charts" / "share.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" id="chart-share" class="pygal-chart" viewBox="0 0 760 340"><g/></svg>',
        encoding="utf-8",
    )
    result = run("report", "-o", "review.md")
    assert result.exit_code == 0, result.output
    assert "old" not in (plan / "review.md").read_text(encoding="utf-8")


def test_a_note_mentioning_qntrack_is_not_taken_for_a_report(plan: Path):
    (plan / "review.md").write_text("Made by qntrack? No, by hand.\n", encoding="utf-8")
    refused(run("report", "-o", "review.md"), "review.md")


def test_a_read_only_report_is_not_replaced_without_force(plan: Path):
    """Renaming over a file ignores its mode: a report someone made read-only (the final
    version, sent out) would be replaced silently. Its mode is the owner's word."""
    assert run("report", "-o", "final.html").exit_code == 0
    os.chmod(plan / "final.html", 0o444)
    before = (plan / "final.html").read_bytes()
    assert "chỉ đọc" in refused(run("report", "-o", "final.html", "--lang", "vi"), "final.html")
    assert (plan / "final.html").read_bytes() == before
    result = run("report", "-o", "final.html", "--lang", "vi", "--force")
    assert result.exit_code == 0, result.output
    assert (plan / "final.html").read_bytes() != before
    assert stat.S_IMODE(os.stat(plan / "final.html").st_mode) == 0o444  # the mode is kept
