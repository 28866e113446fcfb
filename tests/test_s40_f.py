"""Issue 17, fortieth session, pass F: the documentation taken literally, and the OS
errors of every command that reads or writes a file, as a new and an unlucky user meet
them. Each test here failed before its fix.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

EXE = Path(sys.executable).parent / "qntrack"


def _qntrack(args: list[str], cwd: Path, closing: str = "") -> subprocess.CompletedProcess[str]:
    """The installed command in a child process, through sh when ``closing`` (``>&-``)
    leaves one of its streams not open at all."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("QNTRACK_")}
    command = [str(EXE)] if EXE.exists() else [sys.executable, "-m", "qntrack"]
    if closing:
        command = ["sh", "-c", f'exec "$@" {closing}', "sh", *command]
    return subprocess.run(
        command + args, cwd=cwd, capture_output=True, stdin=subprocess.DEVNULL, env=base, text=True, timeout=120
    )


# --- A binary report sent to a closed standard output --------------------------------------


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_a_binary_report_to_a_closed_stdout_is_one_line_not_a_traceback(shipped: Path, fmt: str):
    # `qntrack report --format xlsx >&-` (a cron line that closed its output) ended in a
    # Python traceback, AttributeError: 'Closed' object has no attribute 'buffer': the
    # workbook's bytes went to sys.stdout.buffer, which the stand-in for a closed standard
    # output lacked. The text formats said it in one line; the binary ones now do too.
    # One target of the shipped plan, charted: where the bytes go does not depend on the
    # targets reported, and the whole plan's Word report took 2 s of the child's time.
    before = (shipped / "observations.csv").read_bytes()
    proc = _qntrack(["report", "--format", fmt, "cbct-share"], shipped, closing=">&-")
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "standard output" in lines[0] and "closed" in lines[0]
    assert (shipped / "observations.csv").read_bytes() == before
    assert sorted(p.name for p in shipped.iterdir() if not p.name.startswith(".")) == [
        "observations.csv",
        "targets.yaml",
    ]


# --- init given a file ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "advice"),
    [("en", "give the path of a folder"), ("vi", "hãy cho đường dẫn của một thư mục")],
)
def test_init_given_a_file_says_what_to_give(shipped: Path, lang: str, advice: str):
    # `qntrack init targets.yaml` (the file one means to make) said only "targets.yaml:
    # error: is a file, not a folder", where a FIFO or a device given to init is told to
    # give a folder's path, which init creates when it does not exist.
    from helpers import run

    before = {p.name: p.read_bytes() for p in shipped.iterdir()}
    result = run("--lang", lang, "init", "targets.yaml")
    # Exit 2 since the forty-second session: a usage mistake, as `import opensdg --into
    # targets.yaml` and `export opensdg --into targets.yaml` (README, "Exit codes").
    assert result.exit_code == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("targets.yaml:"), result.stderr
    assert advice in lines[0], lines[0]
    assert "init" in lines[0].split(":", 2)[2], lines[0]
    assert {p.name: p.read_bytes() for p in shipped.iterdir()} == before


# --- Every option the pages give a command is one it has -----------------------------------

ROOT = Path(__file__).resolve().parent.parent
PAGES = [
    "README.md",
    "docs/cli.md",
    "docs/python-api.md",
    "docs/formats.md",
    "docs/observations-format.md",
    "docs/targets-format.md",
    "docs/json.md",
    "docs/data-integrity.md",
    "docs/methodology.md",
    "docs/report.md",
]
# Written on the pages as what is refused, with what the refusal says.
REFUSED_ON_PURPOSE = {("qntrack", "--as-of"), ("show", "-rf")}


def _options(command: object) -> set[str]:
    names = {"-h", "--help"}
    for param in getattr(command, "params", []):
        names.update(getattr(param, "opts", []))
        names.update(getattr(param, "secondary_opts", []))
    return names


def _commands_on_the_pages() -> list[tuple[str, str]]:
    """Each `qntrack ...` or `COMMAND --option ...` code span, and each command line of a
    code block or an `Example:` of --help, with the page it is on."""
    import typer

    from qntrack.cli import app

    names = set(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
    found = []
    for page in PAGES:
        text = (ROOT / page).read_text(encoding="utf-8")
        prose = re.sub(r"(?ms)^\s*```.*?^\s*```", "", text)
        spans = re.findall(r"`([^`]+)`", prose.replace("\n", " "))
        blocks = "\n".join(re.findall(r"(?ms)^\s*```[a-z]*\n(.*?)^\s*```", text))
        spans += [m[1] for m in re.finditer(r"(?m)^\s*(?:\$ )?(qntrack [a-z-]+.*)$", blocks)]
        spans += [m[1] for m in re.finditer(r"(?m)^\s*Example: (qntrack .*)$", text)]
        for span in spans:
            words = span.split()
            if words and (words[0] == "qntrack" or (words[0] in names and any(w.startswith("-") for w in words))):
                found.append((page, span if words[0] == "qntrack" else "qntrack " + span))
    return found


def test_every_option_the_pages_give_a_command_is_one_it_has():
    # A guard for the sweep of the fortieth session: every option written after a command
    # on README.md and the packaged pages (289 code spans and examples at the time) is one
    # that command, or qntrack itself, takes, so that a reader who types it is not told
    # "No such option". An option renamed later fails here, on the page that names it.
    import typer

    from qntrack.cli import app

    root = typer.main.get_command(app)
    on_the_pages = _commands_on_the_pages()
    assert len(on_the_pages) > 250
    unknown = set()
    for page, line in on_the_pages:
        command = root
        for word in line.split()[1:]:
            if word in ("|", "&&", ">", ">>", ";") or word.startswith("#"):
                break
            subcommands = getattr(command, "commands", {})
            if not word.startswith("-") and word in subcommands:
                command = subcommands[word]
                continue
            if word.startswith("-") and word != "-" and not re.match(r"^-[\d.]", word):
                option = re.split(r"[=,)\]]", word)[0]
                if not option or option in _options(command) | _options(root):
                    continue
                if (command.name if command is not root else "qntrack", option) in REFUSED_ON_PURPOSE:
                    continue
                unknown.add((page, line[:100], option))
    assert not unknown, sorted(unknown)


# --- import opensdg --into a folder that takes no new file ----------------------------------


@pytest.mark.parametrize("into", ["/proc/qntrack-s40f", "/proc/qntrack-s40f/tracker"])
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_an_import_into_a_system_folder_says_it_takes_no_file(shipped: Path, lang: str, into: str):
    # `import opensdg sdg --into /proc/tracker` said "No such file or directory: check the
    # path (and create the folder first)": the officer who ran `mkdir /proc/tracker` was
    # refused again. report -o, export opensdg --into and init said of the same folder that
    # it takes no new file (a system folder); the import now says so too.
    from helpers import run_clean

    assert run_clean("export", "opensdg", "--into", "sdg").exit_code == 0
    # A folder in /proc, or one in a folder there the import would make first (as init says it).
    r = run_clean("--lang", lang, "import", "opensdg", "sdg", "--into", into, "--recorded-at", "2025-06-30")
    assert r.exit_code == 1, r.output
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith("/proc/qntrack-s40f:"), r.stderr
    said = {
        "en": ["the folder '/proc' takes no new file", "nothing was written"],
        "vi": ["thư mục '/proc' không nhận tệp mới", "không ghi gì"],
    }[lang]
    for words in said:
        assert words in lines[0], lines[0]
    assert "create the folder first" not in lines[0] and "tạo thư mục" not in lines[0]


# --- A store whose name is too long for the system -----------------------------------------

LONG_STORE = "y" * 300 + ".csv"


def _store_named(folder: Path, name: str) -> None:
    plan = folder / "targets.yaml"
    text = plan.read_text(encoding="utf-8")
    assert "\nobservations: observations.csv\n" in text
    plan.write_text(text.replace("\nobservations: observations.csv\n", f"\nobservations: {name}\n"), encoding="utf-8")


def test_a_python_caller_gets_a_store_error_for_a_store_name_too_long(shipped: Path):
    # targets.yaml's `observations:` a name of 300 characters (a path pasted twice, a
    # generated name): qntrack.status() raised the bare OSError "[Errno 36] File name too
    # long" of pathlib's is_dir, where every other store the system refuses is a StoreError
    # naming the file, whose .code is the command's exit code (1).
    import qntrack

    _store_named(shipped, LONG_STORE)
    with pytest.raises(qntrack.StoreError) as caught:
        qntrack.status("targets.yaml")
    assert caught.value.code == 1
    text = caught.value.text("en")
    assert LONG_STORE in text and "File name too long" in text and "observations file" in text, text


@pytest.mark.parametrize(
    "args",
    [["status"], ["show", "cbct-share"], ["check"], ["add-observation", "grdp_growth", "2026-H1", "11.2"]],
    ids=" ".join,
)
def test_a_store_name_too_long_is_said_as_the_observations_file(shipped: Path, args: list[str]):
    # The command said "cannot use this file: File name too long", the words of an error no
    # handler had expected: not which file of the tracker it was. It now says, as for a
    # store whose path the system refuses otherwise, that it cannot read the observations file.
    from helpers import run_clean

    _store_named(shipped, LONG_STORE)
    before = {p.name: p.read_bytes() for p in shipped.iterdir() if p.is_file()}
    r = run_clean(*args)
    assert r.exit_code == 1, r.output
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith(LONG_STORE + ": "), lines[0]
    assert "cannot read the observations file: File name too long: use a shorter path" in lines[0], lines[0]
    assert {p.name: p.read_bytes() for p in shipped.iterdir() if p.is_file()} == before


# --- An Open SDG repository whose data or metadata file is a link to nothing -----------------


def _repository_with_a_link_to_nothing(folder: Path, file: str) -> Path:
    """The shipped tracker exported as an Open SDG repository, ``file`` in it replaced by a
    symbolic link to a file that does not exist (git-annex's link before `git annex get`,
    a file on a drive that is not mounted)."""
    from helpers import run_clean

    assert run_clean("export", "opensdg", "--into", "sdg").exit_code == 0
    link = folder / "sdg" / file
    assert link.is_file()
    link.unlink()
    link.symlink_to("../.git/annex/objects/missing")
    return folder / "sdg"


@pytest.mark.parametrize(
    ("file", "what"),
    [
        ("data/indicator_fdi.csv", "this data file"),
        ("meta/fdi.md", "this metadata file"),
        ("config_data.yml", "the site's config_data.yml"),
        ("translations/vi/data.yml", "this translation file"),
    ],
)
def test_an_import_refuses_a_file_that_links_to_nothing(shipped: Path, file: str, what: str):
    # A data file that was a link to nothing was passed over in silence: the FDI indicator,
    # its figures and its name were not imported, the import said "imported 7 indicator(s)",
    # exit 0, and not a word named fdi (a missing data file is at least listed as a
    # metadata file without data). A metadata file so was read as none: the indicator came
    # in without its name, unit and progress options. Both are now refused at the file.
    from helpers import run_clean

    _repository_with_a_link_to_nothing(shipped, file)
    r = run_clean("import", "opensdg", "sdg", "--into", "tracker", "--recorded-at", "2025-06-30")
    assert r.exit_code == 1, r.output
    errors = [line for line in r.stderr.splitlines() if ": error: " in line]
    assert len(errors) == 1, r.stderr
    # Named as the repository's other files are: from the repository (a data file) or as
    # given (sdg/config_data.yml, as when it is a folder or a FIFO).
    assert f"{file}: error: {what} is a symbolic link to ../.git/annex/objects/missing" in errors[0], errors[0]
    assert "does not exist" in errors[0]
    assert not (shipped / "tracker" / "observations.csv").exists()
    assert not (shipped / "tracker" / "targets.yaml").exists()


def test_an_import_with_skip_bad_names_the_indicator_a_link_to_nothing_leaves_out(shipped: Path):
    from helpers import run_clean

    _repository_with_a_link_to_nothing(shipped, "data/indicator_fdi.csv")
    r = run_clean("import", "opensdg", "sdg", "--into", "tracker", "--recorded-at", "2025-06-30", "--skip-bad")
    assert r.exit_code == 0, r.output
    assert "data/indicator_fdi.csv" in r.stderr and "symbolic link" in r.stderr, r.stderr
    assert "indicator fdi was left out (--skip-bad)" in r.stderr, r.stderr
    assert "fdi" not in (shipped / "tracker" / "targets.yaml").read_text(encoding="utf-8").split("indicators:", 1)[1]


def test_an_import_refuses_metadata_that_is_not_utf8(shipped: Path):
    # A data file that is not UTF-8 was refused ("Open SDG's files are UTF-8"), but a
    # metadata file was read with each bad byte turned into U+FFFD: the indicator came in
    # named "FDI attr\ufffdcted" (a Windows-1258 or Latin-1 save of one accented letter),
    # exit 0, without a word.
    from helpers import run_clean

    assert run_clean("export", "opensdg", "--into", "sdg").exit_code == 0
    meta = shipped / "sdg" / "meta" / "fdi.md"
    data = meta.read_bytes()
    assert data.count(b"indicator_name: FDI attracted\n") == 1
    meta.write_bytes(data.replace(b"indicator_name: FDI attracted\n", b"indicator_name: FDI attr\xe1cted\n"))
    r = run_clean("import", "opensdg", "sdg", "--into", "tracker", "--recorded-at", "2025-06-30")
    assert r.exit_code == 1, r.output
    errors = [line for line in r.stderr.splitlines() if ": error: " in line]
    assert errors == [
        "meta/fdi.md: error: not UTF-8 text: Open SDG's files are UTF-8; save it as UTF-8 and import again"
    ], r.stderr
    assert not (shipped / "tracker" / "targets.yaml").exists()


# --- check --repair names the store as every other command does -----------------------------


def test_repair_names_a_fifo_store_as_targets_yaml_gives_it(shipped: Path):
    # `check --repair` with the store a FIFO said "/home/hoa/qntrack/observations.csv:
    # error: ... named pipe", the absolute path of the file after its links were followed,
    # where status, add-observation and every other command name it "observations.csv",
    # as targets.yaml's `observations:` gives it.
    from helpers import run_clean

    (shipped / "observations.csv").unlink()
    os.mkfifo(shipped / "observations.csv")
    r = run_clean("check", "--repair")
    assert r.exit_code == 1, r.output
    assert r.stderr.startswith("observations.csv: error: the observations file is a named pipe (FIFO)"), r.stderr
    assert str(shipped) not in r.stderr


def test_repair_names_a_busy_store_as_targets_yaml_gives_it(shipped: Path, monkeypatch: pytest.MonkeyPatch):
    from helpers import lock_held_by_another_process, run_clean

    monkeypatch.setenv("QNTRACK_LOCK_TIMEOUT", "0.2")
    store = shipped / "observations.csv"
    whole = store.read_bytes()
    store.write_bytes(whole[:-10])  # a torn last row: the repair needs the lock
    with lock_held_by_another_process(shipped / "observations.csv.lock"):
        r = run_clean("check", "--repair")
    assert r.exit_code == 75, r.output
    assert r.stderr.startswith("observations.csv: error: another qntrack process holds the lock"), r.stderr
    assert "nothing was repaired" in r.stderr
    assert store.read_bytes() == whole[:-10]


# --- export opensdg --into a name too long ------------------------------------------------------


def test_an_export_into_a_name_too_long_says_what_it_was_doing(shipped: Path):
    # `export opensdg --into <300 characters>` said "cannot use this file: File name too
    # long", the words of the safety net for an error no handler expected, of a folder;
    # init and import --into say what they could not do, and so does the export now.
    from helpers import run_clean

    name = "z" * 300
    r = run_clean("export", "opensdg", "--into", name)
    assert r.exit_code == 1, r.output
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert lines[0] == (
        f"{name}: error: cannot write the Open SDG repository: File name too long: use a shorter path; "
        "nothing was written"
    ), lines[0]


# --- Something that is no file at the append journal's name ----------------------------------


def _journal_not_a_file(folder: Path, kind: str) -> None:
    journal = folder / "observations.csv.pending"
    if kind == "fifo":
        os.mkfifo(journal)
    else:  # a link to an endless device
        journal.symlink_to("/dev/zero")


@pytest.mark.parametrize("kind", ["fifo", "device"])
@pytest.mark.parametrize(
    "args",
    [["status"], ["add-observation", "grdp_growth", "2026-H1", "11.2"], ["check"], ["check", "--repair"]],
    ids=" ".join,
)
def test_a_fifo_or_device_at_the_journals_name_is_refused_not_read(shipped: Path, kind: str, args: list[str]):
    # A FIFO named observations.csv.pending hung every command that reads the store
    # (status, add-observation, check, check --repair) until killed: the journal was read
    # with a blocking open. A link from that name to /dev/zero was read to the end of
    # memory (the process was killed by the system). A folder there was refused by name;
    # a FIFO or a device is now refused alike, unread, in one line.
    _journal_not_a_file(shipped, kind)
    before = (shipped / "observations.csv").read_bytes()
    base = {k: v for k, v in os.environ.items() if not k.startswith("QNTRACK_")}
    proc = subprocess.run(
        [sys.executable, "-m", "qntrack", *args],
        cwd=shipped,
        capture_output=True,
        stdin=subprocess.DEVNULL,
        env=base,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 1, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("observations.csv.pending: error: "), lines[0]
    assert "not a regular file" in lines[0] and "append journal" in lines[0], lines[0]
    assert (shipped / "observations.csv").read_bytes() == before
