"""A hostile file system and environment, the twenty-eighth session's sweep (issue 17,
pass C): every command that reads or writes a path, tried against missing, non-regular,
read-only and full places, links, odd names and encodings. What held is in the report;
what did not, and is fixed, is pinned here."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The small plan in a folder of its own (tmp_path/plan), the current directory."""
    from conftest import SMALL_OBSERVATIONS, SMALL_TARGETS

    folder = tmp_path / "plan"
    folder.mkdir()
    return make_tracker(folder, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)


def test_an_export_into_an_existing_folder_it_cannot_write_names_that_folder(
    plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``export opensdg --into site`` with ``site`` an empty folder the user may not write
    in (read-only, another user's, ``chattr +i``): the files are written first in a
    temporary folder inside it (``.qntrack-export.x1y2.tmp``), and that name was turned
    into ``site/qntrack-export``, a file that never exists and is not even the marker
    (``.qntrack-export``): "site/qntrack-export: error: cannot write ...". The folder the
    user named is the one to name, as it is when the folder is new."""
    site = plan.parent / "site"
    site.mkdir()
    real_mkdir = os.mkdir
    inside = os.path.realpath(site)

    def read_only(path, *a, **k):  # root ignores a mode: the refusal is made here
        if os.path.dirname(os.path.realpath(os.fsdecode(path))) == inside:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fsdecode(path))
        return real_mkdir(path, *a, **k)

    monkeypatch.setattr(os, "mkdir", read_only)
    r = run_clean("export", "opensdg", "--into", "../site")
    assert r.exit_code == 1, r.output
    assert r.stderr.startswith("../site: error: cannot write the Open SDG repository: Permission denied"), r.stderr
    assert "qntrack-export" not in r.stderr
    assert r.stderr.count("\n") == 1
    assert list(site.iterdir()) == []


def test_a_markdown_report_whose_charts_folder_is_a_link_names_the_folder_it_links_from(
    plan: Path, tmp_path: Path
) -> None:
    """``review-charts`` a link to a folder elsewhere (a shared drive's charts folder): the
    charts are written through it, as documented, but the confirmation named the folder the
    link points to as if it sat beside the report: "wrote review.md and 2 chart(s) in
    charts", a ``./charts`` that does not exist (with ``review-charts -> .``, the name of
    the tracker's own folder). The report's links read ``review-charts/...``: that is the
    folder to name."""
    far = tmp_path / "shared" / "charts"
    far.mkdir(parents=True)
    (plan / "review-charts").symlink_to(far, target_is_directory=True)
    r = run_clean("report", "-o", "review.md")
    assert r.exit_code == 0, r.output
    charts = sorted(p.name for p in far.iterdir())
    assert charts, "the charts are written through the link"
    assert r.stderr.splitlines()[0] == f"wrote review.md and {len(charts)} chart(s) in review-charts"
    assert "review-charts/" in (plan / "review.md").read_text(encoding="utf-8")


def test_a_markdown_report_named_in_bytes_that_are_not_utf8_links_its_charts_by_those_bytes(plan: Path) -> None:
    """``report -o $'review\\xff.md'`` (a name made under a Latin-1 locale, or copied from
    an old archive): the HTML, the export and init took the name, but the Markdown report
    ended in a traceback (UnicodeEncodeError), since its links to the charts carried the
    name's undecodable byte as a lone surrogate. A link is a URL: the byte is written as
    ``%FF``, which a viewer reads back as the byte the folder's name holds."""
    import urllib.parse

    name = os.fsdecode(b"review\xff.md")
    r = run_clean("report", "-o", name)
    assert r.exit_code == 0, r.output
    text = (plan / os.fsencode(name).decode("utf-8", "surrogateescape")).read_bytes().decode("utf-8")
    links = [line.rsplit("](", 1)[1][:-1] for line in text.splitlines() if line.startswith("![")]
    assert links and all(link.startswith("review%FF-charts/") for link in links), links[:2]
    for link in links:  # each one opens the chart written
        assert os.path.isfile(os.path.join(os.fsencode(plan), urllib.parse.unquote_to_bytes(link)))


REPOSITORY = {
    "config_data.yml": "languages:\n  - en\n",
    "data/indicator_1-1-1.csv": """\
        Year,Units,Value
        2015,Percent,10
        2020,Percent,8
        """,
    "meta/1-1-1.md": """\
        ---
        indicator_name: Poverty rate
        computation_units: Percent
        auto_progress_calculation: true
        progress_calculation_options:
        - target: 5
          target_year: 2030
        ---
        """,
}


@pytest.mark.parametrize(
    "folder, said",
    [
        (b"sdg\ndata", "sdg\\x0adata"),  # a line feed: a name pasted with its end of line
        (b"sdg\xffdata", "sdg\\xffdata"),  # a byte that is not UTF-8 (a Latin-1 name)
    ],
)
def test_an_import_from_a_folder_with_an_odd_name_writes_a_plan_it_can_read(
    tmp_path: Path, folder: bytes, said: str
) -> None:
    """The plan an import writes opens with a comment naming the repository. A folder whose
    name held a line feed put the rest of the name on a line of its own, outside the
    comment: the import then refused its own plan ("the plan made from this repository is
    one qntrack refuses ... not valid YAML", at lines of a file never written); a byte that is not UTF-8 ended in a traceback
    (UnicodeEncodeError). The name is written with ``\\x0a`` and ``\\xff`` in their place."""
    from helpers import write_repository

    repo = write_repository(Path(os.fsdecode(os.path.join(os.fsencode(tmp_path), folder))), REPOSITORY)
    r = run_clean("import", "opensdg", str(repo), "--into", str(tmp_path / "t"), "--recorded-at", "2024-01-15")
    assert r.exit_code == 0, r.output
    first = (tmp_path / "t" / "targets.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# Written by `qntrack import opensdg` from ") and first.endswith(f"{said}."), first
    status = run_clean("--targets", str(tmp_path / "t" / "targets.yaml"), "status", "--format", "csv")
    assert status.exit_code == 0, status.output


@pytest.mark.parametrize("home", ["missing", "a-file", ""])
def test_installing_completion_never_makes_a_home_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, home: str
) -> None:
    """``qntrack --install-completion`` writes ``~/.bashrc`` and ``~/.bash_completions/``
    (Typer's installer, which makes the folders it needs). With HOME naming a folder that
    does not exist (a service account, a container, a mistyped ``HOME=/hom/hoa``) it made
    that folder, the home included, and wrote a shell start-up file there, exit 0; with
    HOME empty it wrote ``/.bashrc`` and ``/.bash_completions/`` (Python's home for an
    empty HOME is the root folder). Refused now, one line naming
    HOME's folder, exit 1, nothing made."""
    import typer._completion_shared as shared

    from helpers import run

    monkeypatch.setattr(shared, "_get_shell_name", lambda: "bash")  # as under bash
    monkeypatch.chdir(tmp_path)
    if home == "a-file":
        (tmp_path / "a-file").write_text("x", encoding="utf-8")
    value = str(tmp_path / home) if home else ""
    before = sorted(p.name for p in tmp_path.iterdir())
    r = run("--install-completion", env={"HOME": value})
    assert r.exit_code == 1, r.output
    assert "Traceback" not in r.output
    assert r.stderr.startswith(f"{value or 'HOME'}: error: "), r.stderr
    assert "HOME" in r.stderr and r.stderr.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert not home or not (tmp_path / home).is_dir()
    assert not os.path.lexists("/.bash_completions")


@pytest.mark.parametrize("errno_", [errno.ENOSPC, errno.EBADF])
def test_rows_added_are_said_even_when_their_listing_cannot_be_written(
    tracker: Path, monkeypatch: pytest.MonkeyPatch, errno_: int
) -> None:
    """``add-observation ... --format json > /dev/full`` (or with stdout closed, ``>&-``):
    the row was appended, then printing it failed, and the one message was "standard
    output: error: cannot write: No space left on device", exit 1: the confirmation that
    the figure was added never came, so a script read a failure for a figure that is in
    the store. The confirmation is now said first, then the output's error (exit 1)."""
    import qntrack.cli.added_rows as added_rows

    def full(text: str) -> None:
        raise OSError(errno_, os.strerror(errno_))

    monkeypatch.setattr(added_rows, "_out", full)
    before = (tracker / "observations.csv").read_text(encoding="utf-8")
    r = run_clean("add-observation", "share", "2024", "13", "--status", "estimate", "--format", "json")
    assert r.exit_code == 1, r.output
    after = (tracker / "observations.csv").read_text(encoding="utf-8")
    assert after.startswith(before) and after[len(before) :].startswith("share,2024,13,estimate,")
    lines = r.stderr.splitlines()
    assert lines[0].startswith("added share 2024 = 13"), lines
    assert lines[-1].startswith("standard output: error: cannot write: "), lines


def test_a_plan_an_import_cannot_replace_is_named_not_its_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A later import into a tracker whose targets.yaml cannot be replaced (``chattr +i``,
    a file another user owns on a shared drive) named the temporary file it writes first:
    "t/.targets.yaml.33pgw3iu.tmp: error: cannot import the repository: Operation not
    permitted", a file that is gone by the time the user looks. It names targets.yaml."""
    from helpers import write_repository

    repo = write_repository(tmp_path / "repo", REPOSITORY)
    into = tmp_path / "t"
    first = run_clean("import", "opensdg", str(repo), "--into", str(into), "--recorded-at", "2024-01-15")
    assert first.exit_code == 0, first.output
    meta = repo / "meta" / "1-1-1.md"
    meta.write_text(meta.read_text(encoding="utf-8").replace("Poverty rate", "Poverty rate (new)"), encoding="utf-8")
    plan = (into / "targets.yaml").read_bytes()
    real_replace = os.replace

    def immutable(src, dst, *a, **k):  # what the kernel says of a chattr +i file (root too)
        if os.fspath(dst).endswith("targets.yaml"):
            raise PermissionError(errno.EPERM, os.strerror(errno.EPERM), os.fspath(src), None, os.fspath(dst))
        return real_replace(src, dst, *a, **k)

    monkeypatch.setattr(os, "replace", immutable)
    r = run_clean("import", "opensdg", str(repo), "--into", str(into), "--recorded-at", "2024-02-15")
    assert r.exit_code == 1, r.output
    said = r.stderr.splitlines()[0]
    assert said.startswith(f"{os.path.realpath(into / 'targets.yaml')}: error: cannot import the repository: "), said
    assert ".tmp" not in r.stderr
    assert (into / "targets.yaml").read_bytes() == plan
    assert sorted(p.name for p in into.iterdir() if p.name.endswith(".tmp")) == []


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-be"])
def test_a_file_of_figures_in_utf32_with_its_byte_order_mark_is_read(tracker: Path, encoding: str) -> None:
    """``--from`` a file saved as UTF-32 with its byte-order mark (a text editor's or a
    program's "Unicode" that is not UTF-16): the mark ``FF FE 00 00`` begins with UTF-16's
    ``FF FE``, so it was decoded as UTF-16 and refused as "not a table of figures: its
    first line names none of the columns", though the columns are there. A byte-order
    mark says the encoding: it is read, as UTF-16 with its mark is."""
    text = "indicator,period,value,status\nshare,2024,13,estimate\n"
    data = text.encode(encoding)
    if encoding == "utf-32-be":
        data = b"\x00\x00\xfe\xff" + data
    (tracker / "wide.csv").write_bytes(data)
    r = run_clean("add-observation", "--from", "wide.csv", "--dry-run", "--format", "csv")
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines()[1].startswith("share,2024,13,estimate,"), r.stdout


_VARIABLE_PLAN = """\
title: Ministry of Industry and Trade
observations: "$QN_DATA/qn-obs.csv"
indicators:
  exports: {name: Export turnover, unit: billion USD, measure: flow, frequency: month}
targets:
  - id: exports-2025
    type: plan
    indicator: exports
    period: 2025
    value: 400
"""


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "targets.yaml does not read '$QN_DATA' as an environment variable"),
        ("vi", "targets.yaml không hiểu '$QN_DATA' là một biến môi trường"),
    ],
)
def test_a_variable_in_the_observations_line_is_told_with_the_path_to_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, words: str
) -> None:
    """``observations: "$QN_DATA/qn-obs.csv"`` (a path copied from a shell script or a
    cron line): no shell reads targets.yaml, so ``$QN_DATA`` is a folder of that name
    beside it. ``status`` said only that the observations file does not exist, and an
    append "the folder '<here>/$QN_DATA' ... does not exist": a folder named after the
    variable again. Said as a '~' is (twenty-first session), with the path to write."""
    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.setenv("QN_DATA", str(data))
    folder = tmp_path / "plan"
    folder.mkdir()
    make_tracker(folder, monkeypatch, _VARIABLE_PLAN, "")
    (folder / "observations.csv").unlink()
    written = f"{data}/qn-obs.csv"  # by hand: $QN_DATA is <tmp>/data
    r = run_clean("--lang", lang, "status", "--format", "csv")
    assert r.exit_code == 0, r.output
    said = [line for line in r.stderr.splitlines() if line.startswith("targets.yaml:2:15:")]
    assert len(said) == 1, r.stderr
    assert words in said[0] and f'"{written}"' in said[0], said
    r = run_clean("--lang", lang, "add-observation", "exports", "2025-01", "33.6", "--source", "MOIT")
    assert r.exit_code == 1, r.output
    assert words in r.stderr and f'"{written}"' in r.stderr, r.stderr
    assert not (folder / "$QN_DATA").exists() and not Path(written).exists()


def test_an_unset_variable_in_the_observations_line_is_told_to_be_written_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same line with the variable unset here (set only in the script it came from):
    there is no path to offer, so the folder's full path is asked for."""
    monkeypatch.delenv("QN_DATA", raising=False)
    folder = tmp_path / "plan"
    folder.mkdir()
    make_tracker(folder, monkeypatch, _VARIABLE_PLAN, "")
    (folder / "observations.csv").unlink()
    r = run_clean("status", "--format", "csv")
    assert r.exit_code == 0, r.output
    assert "does not read '$QN_DATA' as an environment variable" in r.stderr, r.stderr
    assert "write the folder's full path in its place" in r.stderr
