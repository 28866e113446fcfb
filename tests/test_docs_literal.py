"""The documentation taken literally (issue 17, sixteenth session): a new user does exactly
what README.md and docs/ say, and each place where the tool and the page disagreed is
pinned here (docs/decisions.md, "The documentation taken literally").
"""

from __future__ import annotations

import builtins
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from helpers import run_clean, runner
from qntrack.cli import app

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


# --- The PDF engine's install message names what the pages say to install -------------


def _packages_the_docs_install_for_the_pdf() -> set[str]:
    """The Debian packages docs/report.md names for the PDF report ("The engine is an
    optional extra (README.md): ... apt-get install ..."), read from the page itself."""
    text = (DOCS / "report.md").read_text(encoding="utf-8")
    said = re.search(r"Debian or Ubuntu, `apt-get install ([^`]+)`", text.replace("\n", " "))
    assert said, "report.md no longer says which Debian packages the PDF needs"
    return set(said[1].split())


def _without_weasyprint(error: type[Exception]) -> Any:
    real = builtins.__import__

    def fake(module: str, *args: Any, **kwargs: Any) -> Any:
        if module == "weasyprint":
            raise error("simulated: no weasyprint")
        return real(module, *args, **kwargs)

    return fake


@pytest.mark.parametrize("error", [ImportError, OSError])
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_pdf_install_message_names_every_package_the_docs_list(
    shipped: Path, monkeypatch: pytest.MonkeyPatch, error: type[Exception], lang: str
):
    # README.md and docs/report.md list five Debian packages for the PDF report:
    # libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation2 fonts-dejavu-core fonts-symbola
    # (Symbola draws the signs the serifs lack, the ⌛ of "awaiting figure"). The message a
    # user sees without the engine named the first four only: one who followed it got a
    # PDF whose marks were missing glyphs.
    wanted = _packages_the_docs_install_for_the_pdf()
    assert wanted == {"libpango-1.0-0", "libpangoft2-1.0-0", "fonts-liberation2", "fonts-dejavu-core", "fonts-symbola"}
    monkeypatch.delitem(sys.modules, "weasyprint", raising=False)
    monkeypatch.setattr(builtins, "__import__", _without_weasyprint(error))
    r = run_clean("report", "-o", "r.pdf", "--lang", lang)
    assert r.exit_code == 1, r.output
    install = re.search(r"apt install ([a-z0-9.\- ]+)", r.stderr)
    assert install, r.stderr
    assert set(install[1].split()) == wanted, r.stderr
    assert not (shipped / "r.pdf").exists()


# --- dataset.md's groups table is the shipped plan's groups ------------------------------


def _expand(cell: str, ids: list[str]) -> set[str]:
    """The target ids a cell of dataset.md names: each `id`, and a run `first` … `-last`
    (or `first` … `last`) as every target between the two in targets.yaml's order."""
    named: set[str] = set(re.findall(r"`([a-z0-9-]+)`", cell))
    for first, last in re.findall(r"`([a-z0-9-]+)` … `([a-z0-9-]+)`", cell):
        end = last if last in ids else first.rsplit("-", 1)[0] + last
        named |= set(ids[ids.index(first) : ids.index(end) + 1])
    return {n for n in named if n in ids}


def test_the_dataset_pages_groups_table_lists_every_target_of_each_group():
    # dataset.md's "Groups and owners" table listed the annual socio-economic plans as
    # grdp-double-digit and grdp-growth-plan-2017 … -2025 (10 targets), but targets.yaml
    # also puts budget-revenue-plan-2024 and -2025 there: `status --group-by group` counts
    # 12 (1 + 9 + 2), and those two have no owner.
    from qntrack.files.definitions import parse_plan

    plan = parse_plan((ROOT / "targets.yaml").read_text(encoding="utf-8"))
    ids = [t.id for t in plan.targets]
    members: dict[str, set[str]] = {}
    for t in plan.targets:
        if t.group is not None:
            members.setdefault(t.group.en, set()).add(t.id)
    text = (DOCS / "dataset.md").read_text(encoding="utf-8")
    table = text.split("**Groups and owners**", 1)[1].split("\n\n", 2)[1]
    rows = [line.split("|")[1:-1] for line in table.splitlines() if line.startswith("| ") and "`" in line]
    listed = {cells[0].strip().split(" (")[0]: _expand(cells[1], ids) for cells in rows}
    assert listed == members
    # The annual plans' row by hand: 1 every-period target, 9 growth plans, 2 revenue plans.
    assert len(listed["Annual socio-economic plans"]) == 12


# --- README's exit codes are the reference's ------------------------------------------


def test_the_readmes_exit_code_table_has_every_code_of_the_reference():
    # docs/cli.md: "Exit codes: 0 success, 1 ..., 2 ..., 3 ..., 130 interrupted by Ctrl-C";
    # README's table stopped at 3, so a script written from README could not tell an
    # interrupted import (130) from an unknown failure.
    cli = (DOCS / "cli.md").read_text(encoding="utf-8")
    head = " ".join(cli.split("## qntrack", 1)[0].split())
    reference = {
        int(c)
        for c in re.findall(
            r"\b(\d+) (?:success|invalid|usage|a `--fail-on`|another process|interrupted|stopped)", head
        )
    }
    # 143: SIGTERM (twenty-second session); 75: a lock held past the wait (twenty-third);
    # 129: SIGHUP (forty-third).
    assert reference == {0, 1, 2, 3, 75, 129, 130, 143}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Exit codes", 1)[1].split("\n## ", 1)[0]
    assert {int(c) for c in re.findall(r"^\| (\d+) \|", table, flags=re.M)} == reference


# --- A dry run's warnings never tell to retract what it did not write -----------------

STAMP = "2026-02-01T00:00:00Z"  # after the shipped store's last row and after 2025 ended


def _warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ": warning: " in line or ": cảnh báo: " in line]


@pytest.mark.parametrize(
    "value, lang, words",
    [
        # 1189 / 11.89 (2025 in force) = 100: the jump rule's warning.
        ("1189", "en", "is 100 times the figure in force (11.89); a unit or typing slip?"),
        ("1189", "vi", "gấp 100 lần số liệu đang có hiệu lực (11,89); có phải nhầm đơn vị tính hoặc gõ nhầm?"),
        # -150 % is below the growth floor of -100 %.
        ("-150", "en", "is a growth rate below -100%: the quantity would have fallen below zero"),
        ("-150", "vi", "là tốc độ tăng dưới -100%: quy mô sẽ giảm xuống dưới 0"),
    ],
)
def test_a_dry_runs_warning_does_not_tell_to_retract_a_figure_it_never_wrote(
    shipped: Path, value: str, lang: str, words: str
):
    # `--dry-run` "validate[s] and show[s] what would be added; write[s] nothing", yet its
    # warning ended "If so, 'qntrack retract grdp_growth 2025' withdraws it": followed
    # literally, that retract withdraws 11.89, the right figure in force, since the slip
    # was never written. In a dry run the warning says to correct the figure instead.
    before = (shipped / "observations.csv").read_bytes()
    r = run_clean("add-observation", "grdp_growth", "2025", value, "--recorded-at", STAMP, "--dry-run", "--lang", lang)
    assert r.exit_code == 0, r.output
    warned = _warnings(r.stderr)
    # -150 after 11.89 is also a jump (12.6 times the figure in force): two warnings then.
    assert warned and any(words in w for w in warned), r.stderr
    fix = "correct it before adding it" if lang == "en" else "hãy sửa lại trước khi thêm"
    for w in warned:
        assert "retract" not in w and w.endswith(fix), w
    assert (shipped / "observations.csv").read_bytes() == before
    # Without --dry-run the row is written, and retract is then the way back.
    r = run_clean("add-observation", "grdp_growth", "2025", value, "--recorded-at", STAMP, "--lang", lang)
    assert r.exit_code == 0 and all("'qntrack retract grdp_growth 2025'" in w for w in _warnings(r.stderr))


# --- add-observation's --format is the dry run's --------------------------------------


def _option_help(help_text: str, option: str) -> str:
    """The help of one option in a --help screen, its wrapped lines joined."""
    lines = help_text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith(option))
    said = [lines[start].strip().removeprefix(option)]
    for line in lines[start + 1 :]:
        if line.strip().startswith("-") or not line.strip():
            break
        said.append(line.strip())
    return " ".join(" ".join(said).split())


def test_add_observations_format_says_it_shapes_the_dry_runs_rows(shipped: Path):
    # The help said "table (default on a terminal), json, csv or tsv (default when piped)"
    # as for status; a user who asked `add-observation ... --format json` for a JSON
    # confirmation got nothing on stdout: only --dry-run prints rows (the confirmation is a
    # message, on stderr). The help says so now, and docs/cli.md with it.
    r = run_clean("add-observation", "grdp_growth", "2026-H1", "10.1", "--status", "estimate", "--format", "json")
    # Since the twenty-second session --format without --dry-run prints the rows added:
    assert r.exit_code == 0 and [o["value"] for o in json.loads(r.stdout)["observations"]] == [10.1], r.output
    assert r.stderr.startswith("added grdp_growth 2026-H1 = 10.1")
    said = _option_help(run_clean("add-observation", "--help").stdout, "-f, --format <table|json|csv|tsv>")
    assert said.startswith("The rows added (with --dry-run: that would be added"), said
    reference = (DOCS / "cli.md").read_text(encoding="utf-8").split("## qntrack add-observation", 1)[1]
    assert said == _option_help(reference.split("\n## ", 1)[0], "-f, --format <table|json|csv|tsv>")


def test_json_md_documents_the_dry_runs_json(shipped: Path):
    # docs/json.md listed every JSON output but add-observation's; its dry run prints one.
    text = " ".join((DOCS / "json.md").read_text(encoding="utf-8").split())
    said = re.search(r"`add-observation --dry-run --format json` \([^)]*\): `\{qntrack, dry_run, observations", text)
    assert said, "json.md does not document add-observation's JSON"
    r = run_clean("add-observation", "grdp_growth", "2026-H1", "10.1", "--status", "estimate", "-n", "-f", "json")
    doc = json.loads(r.stdout)
    assert list(doc) == ["qntrack", "dry_run", "observations"] and doc["dry_run"] is True
    assert list(doc["observations"][0]) == [
        "indicator",
        "dims",
        "period",
        "value",
        "status",
        "source",
        "note",
        "recorded_at",
        "revises",  # then what it replaces, as history's vintages say it (twenty-seventh session)
        "revises_source",
        "revises_recorded_at",
        "revises_status",  # and its status, as every object with revises_source has it
    ]
    assert doc["observations"][0]["value"] == 10.1 and doc["observations"][0]["dims"] == {}


def test_an_indicator_with_no_figure_does_not_come_back_from_an_open_sdg_round_trip(shipped: Path):
    # formats.md, "Round trip", said only that an indicator written with progress_status
    # comes back with its figures; the shipped cbct_investment has no figure, so the export
    # writes its meta/cbct-investment.md (reporting_status: notstarted) and no data file,
    # and the import leaves it out with a warning. The page says so now.
    text = " ".join((DOCS / "formats.md").read_text(encoding="utf-8").split())
    assert (
        "An indicator with no figure in force (its metadata alone, `notstarted`, with no data file) does not come back"
        in text
    )
    assert run_clean("export", "opensdg", "--into", "sdg").exit_code == 0
    meta = (shipped / "sdg" / "meta" / "cbct-investment.md").read_text(encoding="utf-8")
    assert (
        "reporting_status: notstarted" in meta
        and not (shipped / "sdg" / "data" / "indicator_cbct-investment.csv").exists()
    )
    r = run_clean("import", "opensdg", "sdg", "--into", "back", "--recorded-at", "2026-01-08")
    assert r.exit_code == 0, r.output
    assert "metadata file(s) have no data file and were not imported: meta/cbct-investment.md" in r.stderr
    assert "cbct_investment" not in (shipped / "back" / "targets.yaml").read_text(encoding="utf-8")


# --- README's shell completion is what the shell gets ---------------------------------


def _completed(words: str) -> list[str]:
    """What Tab offers after ``words``, through the shell protocol's variables; in this
    process (tests/test_listing.py runs the console script itself, whose name names them)."""
    env = {"_QNTRACK_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(len(words.split()) - 1)}
    out = runner.invoke(app, [], env={**env, "QNTRACK_TARGETS": None}, prog_name="qntrack")
    assert out.exit_code == 0, out.stderr
    return out.stdout.split()


def test_the_readme_names_every_command_that_completes_ids(shipped: Path):
    # README said target ids after status, show and report, indicator ids after history,
    # add-observation and observations --indicator; rank completes target ids and retract
    # indicator ids as well, --fail-on its statuses and docs its pages. A user reading
    # README looks for what Tab does there.
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    said = re.search(
        r"offers target ids after (.*?) \(after `rank`, only those broken down by `for_each:`, which `rank` "
        r"accepts\), indicator ids after (.*?), statuses after",
        readme,
    )
    assert said, "README no longer says what completion offers"
    commands = [re.findall(r"`([a-z-]+(?: --[a-z]+)?)`", part) for part in said.groups()]
    assert commands == [
        ["status", "show", "report"],
        ["history", "add-observation", "retract", "observations --indicator"],
    ]
    # The shipped plan's ids starting 'budget-rev' / 'budget_': typed by hand from targets.yaml.
    for command in commands[0]:
        assert _completed(f"qntrack {command} budget-rev") == ["budget-revenue-plan-2024", "budget-revenue-plan-2025"]
    # rank: of the two, only budget-revenue-plan-2024 has for_each (targets.yaml)
    assert _completed("qntrack rank budget-rev") == ["budget-revenue-plan-2024"]
    for command in commands[1]:
        assert _completed(f"qntrack {command} budget_") == ["budget_revenue"]
    assert _completed("qntrack status --fail-on not_a") == ["not_achieved", "not_available"]
    assert _completed("qntrack docs me") == ["methodology"]


def test_the_report_pages_since_section_names_a_units_row_as_the_json_does(shipped: Path):
    # report.md said the JSON of "since the last review" keeps the store's key
    # (`fdi[locality=Hạ Long]`); json.md, and the report, give "indicator" and "dims".
    # The shipped store's units recorded after 2024-12-31: Cẩm Phả's and Hạ Long's 2024
    # revenue (recorded 2025-01 and 2025-02-10, lines of observations.csv).
    text = " ".join((DOCS / "report.md").read_text(encoding="utf-8").split())
    assert "the JSON keeps the store's key" not in text
    assert '(`"indicator": "fdi", "dims": {"locality": "Hạ Long"}`), never the store\'s key' in text
    doc = json.loads(run_clean("report", "--format", "json", "--since", "2024-12-31").stdout)
    units = [(o["indicator"], o["dims"]) for o in doc["since"]["observations"] if o["dims"]]
    assert units == [("budget_revenue", {"locality": "Cẩm Phả"}), ("budget_revenue", {"locality": "Hạ Long"})]


# --- dependencies.md names the modules that import rich --------------------------------


def test_dependencies_md_names_every_module_that_imports_rich():
    # dependencies.md said rich is "imported only by render.py"; five modules import it
    # (found with grep -rn 'from rich\|import rich' src/qntrack), each only when a table or
    # a progress line is drawn for a terminal.
    src = ROOT / "src" / "qntrack"
    importing = sorted(
        str(p.relative_to(src))
        for p in src.rglob("*.py")
        if re.search(r"^\s*(from rich[ .]|import rich\b)", p.read_text(encoding="utf-8"), flags=re.M)
    )
    assert importing == [
        "cli/report.py",
        "cli/unshown.py",  # the columns of a sign a terminal cannot show (forty-seventh session)
        "cli/waiting.py",
        "output/render.py",
        "output/render_console.py",  # the console's width and NO_COLOR (eighteenth session)
        "output/render_fitted.py",  # the tables fitted to the width (twenty-first session)
        "output/render_notes.py",
        "output/render_rows.py",
        "output/render_show.py",
        "output/render_show_chart.py",  # show's chart, moved out of render_show (forty-fourth session)
    ]
    row = next(
        line
        for line in (DOCS / "dependencies.md").read_text(encoding="utf-8").splitlines()
        if line.startswith("| rich |")
    )
    assert set(re.findall(r"`((?:cli|output)/[a-z_]+\.py)`", row)) == set(importing), row


# --- A period Excel made a date: the form to write is the one it probably was ----------


@pytest.mark.parametrize(
    "lang, words",
    [
        # 01/05/2024 read day first is 1 May 2024: the period was probably 2024-05.
        (
            "en",
            "Excel turned the period (probably 2024-05) into a date; format the period column as Text before "
            "typing or pasting periods, or write it as 2024-05 in a Text cell",
        ),
        (
            "vi",
            "Excel đã tự đổi kỳ (có lẽ là 2024-05) thành ngày tháng; hãy định dạng cột kỳ là Text (Văn bản) "
            "trước khi gõ hoặc dán kỳ, hoặc viết kỳ dạng 2024-05 trong ô định dạng Text",
        ),
    ],
)
def test_a_period_excel_made_a_date_is_told_to_be_written_as_its_guess(shipped: Path, lang: str, words: str):
    # observations-format.md and formats.md: such a cell "is refused ... with the period it
    # probably was (2024-05)". The message said "(probably 2024-05)" and then "write them as
    # 2025-04": a user doing what it said typed another month.
    (shipped / "in.csv").write_text("indicator,period,value\nfdi,01/05/2024,7.5\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "in.csv", "--lang", lang)
    assert r.exit_code == 1
    assert words in r.stderr and "2025-04" not in r.stderr, r.stderr


# --- Every period a document writes is read back, in English too ----------------------


def _period_words_table() -> list[tuple[str, list[str]]]:
    """report.md's "Periods in words" table: each code and every form a document writes
    for it (English, Vietnamese, and the short forms of a chart, en / vi)."""
    text = (DOCS / "report.md").read_text(encoding="utf-8").split("## Periods in words", 1)[1]
    rows = []
    table = next(block for block in text.split("\n\n") if block.startswith("| code |"))
    for line in table.splitlines()[2:]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        code = cells[0].strip("`")
        vietnamese = cells[2].split(" (")[0]  # "quý III/2025 (quý I-IV)": the form, not the note
        short_en, short_vi = (s.strip() for s in cells[3].split(" / "))
        rows.append((code, [cells[1], vietnamese, short_en, short_vi]))
    return rows


def test_the_period_words_table_is_read():
    # The table by hand: six codes, each with four forms.
    table = _period_words_table()
    assert [code for code, _ in table] == ["2025", "2026-H1", "2026-H2", "2025-Q3", "2026-03", "2025-9M"]
    assert table[4][1] == ["March 2026", "tháng 3/2026", "Mar 2026", "T3/2026"]


@pytest.mark.parametrize("code, forms", _period_words_table())
def test_every_period_a_document_writes_is_read_back_by_an_import(shipped: Path, code: str, forms: list[str]):
    # report.md: "every one of them, long or short, is read back by add-observation --from
    # as the same period, so a figure copied from a report into an office's table imports
    # as it was" -- said of the Vietnamese forms; the English report's "March 2026",
    # "Mar 2026" and "January–September 2025" were refused ("not a period", or "Excel turned
    # the period into a date"). A figure copied from an English report imports as well now.
    lines = "".join(f"fdi\t{form}\t{i + 1}\testimate\t2026-11-0{i + 1}\n" for i, form in enumerate(forms))
    (shipped / "in.tsv").write_text("indicator\tperiod\tvalue\tstatus\trecorded_at\n" + lines, encoding="utf-8")
    r = run_clean("add-observation", "--from", "in.tsv", "--dry-run", "--format", "tsv")
    assert r.exit_code == 0, r.output
    read = [line.split("\t")[1] for line in r.stdout.splitlines()[1:]]
    assert read == [code] * len(forms), (forms, read)


@pytest.mark.parametrize(
    "typed, code",
    [
        ("March 2026", "2026-03"),
        ("Sep 2025", "2025-09"),
        ("January–September 2025", "2025-9M"),
        ("Jan-Sep 2025", "2025-9M"),  # a hyphen typed for the document's en dash
        ("january–february 2026", "2026-2M"),
    ],
)
def test_an_english_period_is_read_on_the_command_line(shipped: Path, typed: str, code: str):
    r = run_clean("add-observation", "fdi", typed, "100", "--status", "estimate", "-n", "-f", "tsv")
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines()[1].split("\t")[1] == code


# --- --lang on every command, as README says ---------------------------------------------

_COMMANDS = (
    "status rank show observations add-observation retract indicators targets history check init docs report "
    "import export"
).split()


@pytest.mark.parametrize("command", _COMMANDS)
def test_every_command_takes_lang_as_readme_says(shipped: Path, command: str):
    # README: "Options shared by the commands: --targets PATH ..., --lang en|vi". import and
    # docs refused `--lang vi` ("Lỗi: không có tùy chọn --lang": the refusal itself in
    # Vietnamese); only `qntrack --lang vi import ...` worked.
    assert "--lang <en|vi>" in run_clean(command, "--help").stdout


def test_import_and_docs_speak_the_language_given_after_the_command(shipped: Path):
    # The shipped plan exported, then imported with --lang vi: its messages in Vietnamese.
    assert run_clean("export", "opensdg", "--into", "sdg").exit_code == 0
    r = run_clean("import", "opensdg", "sdg", "--into", "back", "--dry-run", "--lang", "vi")
    assert r.exit_code == 1 and "không phải bản sao git" in r.stderr, r.output  # not a git checkout
    r = run_clean("docs", "nope", "--lang", "vi")
    assert r.exit_code == 2 and r.stderr.startswith("docs: lỗi: "), r.output


def test_the_readme_says_which_commands_take_targets():
    # README said --targets is shared by the commands; init, docs and import read no plan
    # and refuse it (`init --targets foo`: "No such option"). The sentence names them.
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    said = re.search(
        r"`--targets PATH` \(or `QNTRACK_TARGETS`[^)]*\),? (?:on )?every command that reads a plan \(not ([^)]*)\)",
        readme,
    )
    assert said, "README does not say which commands take --targets"
    assert set(re.findall(r"`([a-z-]+)`", said[1])) == {"init", "docs", "import"}
    for command in _COMMANDS:
        takes = "--targets PATH" in run_clean(command, "--help").stdout
        assert takes == (command not in {"init", "docs", "import"}), command


def test_data_integrity_describes_the_two_writers_test_as_it_runs():
    # data-integrity.md named test_two_processes_appending_200_rows_each_leave_exactly_400
    # and described it as "500 one-row appends" each and "1000 well-formed rows".
    text = " ".join((DOCS / "data-integrity.md").read_text(encoding="utf-8").split())
    named = re.search(r"test_two_processes_appending_(\d+)_rows_each_leave_exactly_(\d+)", text)
    said = re.search(r"each makes (\d+) one-row appends\. The result has exactly one header and (\d+)", text)
    assert named and said
    assert said.groups() == named.groups() == ("200", "400")
    source = (ROOT / "tests" / "test_integrity.py").read_text(encoding="utf-8")
    assert f"def test_two_processes_appending_{named[1]}_rows_each_leave_exactly_{named[2]}(" in source


def test_the_benchmarks_default_run_is_timed_alike_in_its_help_and_performance_md():
    # performance.md said "about 13 minutes", run.py --help "about 15"; measured here, the
    # default run took 561 s (9.4 minutes), datasets generated included. Both say "10 to 15".
    page = (DOCS / "performance.md").read_text(encoding="utf-8")
    runner = " ".join((ROOT / "benchmarks" / "run.py").read_text(encoding="utf-8").split())
    said = re.search(r"python benchmarks/run\.py +# issue 17's two shapes and the start-up rows: ([^\n]+)", page)
    assert said and said[1] == "10 to 15 minutes"
    assert '(default both, 10 to " "15 minutes with the start-up rows)' in runner
