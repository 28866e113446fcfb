"""Do the docs tell the truth, four sessions on? (issue 17, thirty-third session, helper D.)

A new user reads docs/json.md and docs/report.md, copies their JSON examples into a
script, and runs the commands on the shipped data and on a plan of their own. Each JSON
example of those pages is read here and set against what the command prints: every object
the example writes out lists the document's keys, in its order (an example that leaves keys
out says so with `"...": "..."`), and an example of the shipped data gives its figures as
the command prints them, to the decimals the page writes. The figures expected are the
pages' own (worked by hand in docs/methodology.md and tests/test_s28_l.py), never the
code's output."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from conftest import ROOT, dedent, make_tracker
from helpers import run_clean

JSON_MD = ROOT / "docs" / "json.md"
REPORT_MD = ROOT / "docs" / "report.md"


def _examples(page: Path) -> list[str]:
    """The page's ```json blocks, in its order."""
    return re.findall(r"```json\n(.*?)\n```", page.read_text(encoding="utf-8"), re.S)


def _read(block: str) -> Any:
    """A JSON example as a reader takes it: `[ ... ]` and `[...]` an array left out, `, ...]`
    the rest of one, and a fragment (`"since": {...}`) the object it would sit in."""
    text = re.sub(r"\[\s*\.\.\.\s*\]", "[]", block)
    text = re.sub(r",\s*\.\.\.\s*\]", "]", text).strip()
    return json.loads(text if text.startswith("{") else "{" + text + "}")


def _elided(value: Any) -> bool:
    return isinstance(value, str) and ("..." in value or "…" in value)


def _decimals(number: float) -> int:
    text = repr(number)
    return len(text.split(".", 1)[1]) if "." in text and "e" not in text else 0


def _compare(example: Any, actual: Any, where: str, values: bool) -> Iterator[str]:
    """Every way ``example`` is not ``actual``: an object's keys (all of them in order, or,
    with a `"..."` key, those shown in order), recursively; with ``values``, each figure
    and text the example writes out (a text with `...` left out, a number to the
    decimals written)."""
    if isinstance(example, dict):
        if not isinstance(actual, dict):
            yield f"{where}: the page shows an object, the command prints {actual!r}"
            return
        shown = [k for k in example if k != "..."]
        if "..." in example:
            rest = iter(actual)
            if not all(k in rest for k in shown):
                yield f"{where}: keys {shown} are not, in this order, among {list(actual)}"
        elif shown != list(actual):
            missing = [k for k in actual if k not in shown]
            extra = [k for k in shown if k not in actual]
            yield f"{where}: the page lists {shown}, the command prints {list(actual)} (not on the page: {missing}; not printed: {extra})"
        for key in shown:
            if key in actual:
                yield from _compare(example[key], actual[key], f"{where}.{key}", values)
    elif isinstance(example, list):
        items = [e for e in example if e != "..."]
        if not isinstance(actual, list):
            if values and items:
                yield f"{where}: the page shows a list, the command prints {actual!r}"
            return
        for i, item in enumerate(items):
            if i < len(actual):
                yield from _compare(item, actual[i], f"{where}[{i}]", values)
            elif values:
                yield f"{where}[{i}]: the page shows an item the command does not print"
    elif values and not _elided(example):
        if isinstance(example, bool) or example is None or isinstance(example, str):
            if example != actual:
                yield f"{where}: the page says {example!r}, the command prints {actual!r}"
        elif isinstance(actual, (int, float)) and not isinstance(actual, bool):
            places = _decimals(float(example)) if isinstance(example, float) else 0
            if not math.isclose(actual, example, abs_tol=0.5 * 10**-places + 1e-12):
                yield f"{where}: the page says {example!r}, the command prints {actual!r}"
        else:
            yield f"{where}: the page says {example!r}, the command prints {actual!r}"


def _periods_shown(example: dict[str, Any], details: dict[str, Any]) -> dict[str, Any]:
    """``details`` with only the periods the example shows (its `"..."` the others)."""
    shown = {p["period"] for p in example["periods"] if isinstance(p, dict)}
    return {**details, "periods": [p for p in details["periods"] if p["period"] in shown]}


def _json(*args: str) -> dict[str, Any]:
    result = run_clean(*args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# json.md's breakdown example, which is not of the shipped data, as a plan: one level
# target by three localities, 15 by 2025 from 2020. By hand (methodology.md): Alpha, 10 to
# 12 in 2023: a = 1.2^(1/3) - 1 = 0.0627, r = 1.5^(1/5) - 1 = 0.0845, P = 0.742, score
# 7.1429 x 0.7418 - 4.2857 = 1.0127, gap 3; Beta, its own 13, reached: achieved, 5; Gamma,
# 10 to 9: a = -0.0345, P = -0.409, deterioration, score 4.1667 x -0.409 - 2.5 = -4.20.
# The rollup's score is their mean, (1.0127 + 5 - 4.20) / 3 = 0.60: moderate progress.
UNITS_PLAN = dedent("""
    title: Localities
    dimensions:
      locality:
        values: [Alpha, Beta, Gamma]
    indicators:
      share: {name: Share, unit: "%", dimensions: [locality]}
    targets:
      - id: share-2025
        indicator: share
        baseline: 2020
        milestones:
          - {by: 2025, value: 15}
        for_each: locality
        overrides:
          Beta: {milestones: [{by: 2025, value: 13}]}
""")
UNITS_STORE = dedent("""
    indicator,period,value,status,source,note,recorded_at
    share[locality=Alpha],2020,10,official,,,2021-03-01T00:00:00Z
    share[locality=Alpha],2023,12,official,,,2024-03-01T00:00:00Z
    share[locality=Beta],2020,10,official,,,2021-03-01T00:00:00Z
    share[locality=Beta],2023,13,official,,,2024-03-01T00:00:00Z
    share[locality=Gamma],2020,10,official,,,2021-03-01T00:00:00Z
    share[locality=Gamma],2023,9,official,,,2024-03-01T00:00:00Z
""")


def test_every_json_example_of_json_md_lists_the_keys_the_commands_print(
    shipped: Path, tmp_path: Path, monkeypatch
) -> None:
    """json.md's examples are what a script author copies: its top level left out `groups`
    (printed on every status document), its target stopped at `details` (twelve keys
    printed after it) and wrote `baseline` and `latest` without their `revises` keys, its
    breakdown unit and rollup lacked the keys added since the twentieth session, and its
    rank units the five added since. Each example now lists the document's keys, in order,
    and the shipped data's examples its figures."""
    blocks = _examples(JSON_MD)
    assert len(blocks) == 8, "a new example of json.md: give it its command here"
    refusal, top, target, breakdown, every_period, latest, group, rank = (_read(b) for b in blocks)
    (shipped / "so-lieu.csv").write_text("indicator,period,value\nfdi,2024,abc\n", encoding="utf-8")
    refused = run_clean("add-observation", "--from", "so-lieu.csv", "--format", "json")
    assert refused.exit_code == 1
    status = _json("status", "--format", "json")
    by_id = {t["id"]: t for t in status["targets"]}
    problems = [
        *_compare(refusal, json.loads(refused.stdout), "refusal", values=True),
        *_compare(top, status, "top level", values=True),
        *_compare(target, by_id["cbct-share"], "cbct-share", values=True),
        *_compare(
            every_period, _periods_shown(every_period, by_id["grdp-double-digit"]["details"]), "details", values=True
        ),
        *_compare(latest["latest"], by_id["grdp-growth-plan-2023"]["latest"], "latest", values=True),
        *_compare(group, status["groups"][0], "groups[0]", values=True),
        *_compare(rank, _json("rank", "budget-revenue-plan-2024", "--format", "json"), "rank", values=False),
    ]
    folder = tmp_path / "units"
    folder.mkdir()
    make_tracker(folder, monkeypatch, UNITS_PLAN, UNITS_STORE)
    units = _json("status", "--format", "json")["targets"][0]
    for key in breakdown:
        problems += _compare(breakdown[key], units[key], key, values=True)
    assert not problems, "\n".join(problems)


def test_report_mds_json_examples_are_the_reports_keys_and_the_shipped_figures(shipped: Path) -> None:
    """report.md's `since` example wrote the shipped 2025 growth figure's note as null (it
    has one: the statistics office's release), and its `headline` stopped at
    `awaiting_figure`, without `at_risk` (twenty-seventh session) and `day` (thirty-second),
    both printed on every report. The figures are the shipped data's as of 2026-12-01 since
    the review of 2025-06-30: 23 targets, 11 achieved, 7 with a deadline missed (the
    double-digit streak first, broken in 2024 at 8.42 %), the CBCT share awaiting 2025's."""
    since_block, headline_block = (_read(b) for b in _examples(REPORT_MD))
    doc = _json("report", "--format", "json", "--since", "2025-06-30", "--as-of", "2026-12-01")
    since = doc["since"]
    shown = since_block["since"]
    row = shown["observations"][0]
    (same,) = [o for o in since["observations"] if (o["indicator"], o["period"]) == (row["indicator"], row["period"])]
    change = shown["status_changes"][0]
    (moved,) = [c for c in since["status_changes"] if c["id"] == change["id"]]
    problems = [
        *_compare(
            {k: v for k, v in shown.items() if k not in ("observations", "status_changes")},
            {k: v for k, v in since.items() if k not in ("observations", "status_changes")},
            "since",
            values=True,
        ),
        *_compare(row, same, "since.observations", values=True),
        *_compare(change, moved, "since.status_changes", values=True),
        *_compare(headline_block["headline"], doc["headline"], "headline", values=True),
    ]
    assert list(shown) == list(since)
    assert not problems, "\n".join(problems)


def _csv_header(*args: str) -> list[str]:
    result = run_clean(*args, "--format", "csv")
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()[0].split(",")


def test_json_mds_csv_columns_are_the_headers_the_commands_print(shipped: Path) -> None:
    """json.md's table of the status CSV's columns, and its sentences naming the columns of
    `rank`'s, `status --group-by`'s and `history`'s, are what a spreadsheet's author maps by
    position: each is the header the command prints, in its order."""
    text = JSON_MD.read_text(encoding="utf-8")
    table = text.split("## CSV and TSV", 1)[1].split("| columns | meaning |", 1)[1].split("\n\n", 1)[0]
    listed = [name for row in table.splitlines()[2:] for name in re.findall(r"`([a-z_]+)`", row.split(" | ")[0])]
    assert listed == _csv_header("status")
    rank = text.split("`rank --format csv|tsv` writes", 1)[1].split("\n\n", 1)[0]
    # The dimension's column comes after `rank`, named by its id (`locality`); a column is
    # named where it is first written in code quotes.
    header = _csv_header("rank", "budget-revenue-plan-2024")
    assert [n for n in dict.fromkeys(re.findall(r"`([a-z_]+)`", rank)) if n in header] == header
    groups = text.split("`status --group-by group|owner --format csv|tsv` writes", 1)[1].split("\n\n", 1)[0]
    header = _csv_header("status", "--group-by", "group")
    # "one column per status (`target_achieved` … `not_available`)": the statuses of the
    # page's own list, in its order.
    statuses = text.split("### Statuses\n\n", 1)[1].split(":", 1)[0]
    assert "`target_achieved` … `not_available`" in groups
    groups = groups.replace("`target_achieved` … `not_available`", statuses)
    assert [n for n in dict.fromkeys(re.findall(r"`([a-z_]+)`", groups)) if n in header] == header
    for command, sentence in (
        ("indicators", "`indicators --format csv|tsv` has the columns `"),
        ("targets", "`targets --format csv|tsv` keeps its four columns `"),
    ):
        columns = text.split(sentence, 1)[1].split("`", 1)[0]
        assert " ".join(columns.split()).split(", ") == _csv_header(command)
    history = text.split("`history --format csv|tsv` has the same columns, `", 1)[1].split("`", 1)[0]
    assert " ".join(history.split()).split(", ") == _csv_header("history", "grdp_growth", "2023")


def test_an_installed_page_never_sends_its_reader_to_the_source_for_an_installed_page() -> None:
    """`qntrack docs observations-format` said the SDMX-CSV columns were "in docs/formats.md,
    "SDMX-CSV", in qntrack's source", though `formats` is installed beside it: a user of `pip install qntrack`, who has no source, was sent
    looking for a page `qntrack docs formats` prints. A page said to be only in the source
    is one qntrack does not install, and an installed page is named with its command."""
    installed = {p.stem for p in (ROOT / "src" / "qntrack" / "docs").glob("*.md")}
    for page in sorted(installed):
        text = " ".join((ROOT / "src" / "qntrack" / "docs" / f"{page}.md").read_text(encoding="utf-8").split())
        for match in re.finditer(r"docs/([a-z-]+)\.md[^.;]{0,40}?in qntrack's source", text):
            assert match.group(1) not in installed, (page, match.group(0))
    text = " ".join((ROOT / "docs" / "observations-format.md").read_text(encoding="utf-8").split())
    assert 'in docs/formats.md (`qntrack docs formats`), "SDMX-CSV"' in text


MISSED_PLAN = dedent("""
    title: Districts
    dimensions:
      district:
        values: [Alpha, Beta]
    indicators:
      share: {name: Share, unit: "%", dimensions: [district]}
    targets:
      - id: share-2030
        indicator: share
        baseline: 2020
        milestones:
          - {by: 2023, value: 15}
          - {by: 2030, value: 20}
        for_each: district
""")
MISSED_STORE = dedent("""
    indicator,period,value,status,source,note,recorded_at
    share[district=Alpha],2020,10,official,,,2021-03-01T00:00:00Z
    share[district=Alpha],2023,16,official,,,2024-03-01T00:00:00Z
    share[district=Beta],2020,10,official,,,2021-03-01T00:00:00Z
    share[district=Beta],2023,12,official,,,2024-03-01T00:00:00Z
""")


def test_rank_json_and_csv_say_a_units_missed_milestone_as_its_table_does(tmp_path: Path, monkeypatch) -> None:
    """`rank`'s table says "✗ missed 2023" under a district that missed its 2023 milestone
    (12 against 15) on its way to 2030 (thirty-second session), and status's breakdown has
    the unit's `missed_milestones`; rank's JSON and CSV said it nowhere, so a script
    ranking districts for a review could not list the misses the table shows (its
    `milestones` give each milestone's status, but a plan's or a span's unit has none).
    Each unit now ends with `missed_milestones`, as `awaiting_figures` was added last time:
    Beta ["2023"], Alpha, 16 against 15, none."""
    make_tracker(tmp_path, monkeypatch, MISSED_PLAN, MISSED_STORE)
    table = run_clean("rank", "share-2030", "--as-of", "2026-12-01", "--format", "table", env={"COLUMNS": "160"})
    assert "✗ missed 2023" in table.stdout
    units = _json("rank", "share-2030", "--as-of", "2026-12-01", "--format", "json")["units"]
    assert [(u["dims"]["district"], u["missed_milestones"]) for u in units] == [("Alpha", []), ("Beta", ["2023"])]
    # Then the gap, added after it (thirty-fourth session).
    assert list(units[0])[-3:] == ["missed_milestones", "gap", "not_counted"]  # each added last in its session
    rows = run_clean("rank", "share-2030", "--as-of", "2026-12-01", "--format", "csv").stdout.splitlines()
    # The gap after it (thirty-fourth session).
    # Then not_counted (thirty-sixth session).
    assert rows[0].endswith(",awaiting_figures,missed_milestones,gap,not_counted")
    assert [r.rsplit(",", 3)[1] for r in rows[1:]] == ["", "2023"]
    status = _json("status", "--as-of", "2026-12-01", "--format", "json")["targets"][0]["breakdown"]
    assert [u["missed_milestones"] for u in status] == [u["missed_milestones"] for u in units]


def _readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_readmes_first_session_shows_the_vietnamese_figure_as_the_table_prints_it(shipped: Path) -> None:
    """README's `qntrack status --lang vi  # Vietnamese labels and number format (12,3%)`:
    the table prints the CBCT share as `12,3% GRDP`, the unit after a space, as every
    Vietnamese output writes a unit. The comment shows what the table prints."""
    line = next(x for x in _readme().splitlines() if x.startswith("qntrack status --lang vi "))
    shown = line.split("(", 1)[1].rsplit(")", 1)[0]
    table = run_clean("status", "--lang", "vi", "--format", "table", env={"COLUMNS": "160"})
    assert shown in table.stdout, shown


def test_the_readme_names_the_gate_word_fail_on_takes_beside_the_statuses(shipped: Path) -> None:
    """`status --fail-on awaiting_figure` trips (exit 3) on a deadline passed with no figure
    (docs/cli.md says it; issue 12); README's row of `status` named only the statuses'
    codes, so a reader of the README could not gate a review on figures not yet in."""
    row = next(x for x in _readme().splitlines() if x.startswith("| `status [TARGET_ID...]` |"))
    assert "`awaiting_figure`" in row
    assert run_clean("status", "--fail-on", "awaiting_figure").exit_code == 3


def test_every_python_file_the_docs_name_is_one_of_the_project() -> None:
    """docs/dependencies.md said typer "keeps `cli.py` a thin layer", a module that became
    the `cli/` package long ago: a maintainer looking for it found nothing. Each `.py` a page
    names in code quotes (outside its sketches in code blocks, and Open SDG's own
    `sdg/ProgressMeasure.py`) is a file of the project."""
    files = [
        p.relative_to(ROOT).as_posix()
        for d in ("src", "tests", "tools", "benchmarks")
        for p in (ROOT / d).rglob("*.py")
    ]
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    missing = []
    for page in pages:
        if page.name in ("decisions.md", "performance.md"):  # the record of what was, file names of their day
            continue
        text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.S)
        for name in sorted(set(re.findall(r"`([A-Za-z0-9_/.]+\.py)(?:::[a-z0-9_]+)?`", text))):
            if name.startswith("sdg/"):
                continue
            if not any(f == name or f.endswith("/" + name) for f in files):
                missing.append(f"{page.name}: {name}")
    assert not missing, missing


def test_the_readme_names_every_command_that_prints_tsv_into_a_pipe(shipped: Path) -> None:
    """README said "When standard output is not a terminal, `status` and `observations`
    print TSV", but `rank`, `history`, `indicators` and `targets` do too (their help says
    "tsv (default when piped)"), and `add-observation --dry-run`'s rows: a user piping
    `qntrack rank ... | less` and expecting the table read tab-separated rows. Every
    command whose help says so is named, and prints TSV when not on a terminal."""
    cli = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    piped = [
        section.split("\n", 1)[0].strip()
        for section in cli.split("\n## qntrack ")[1:]
        if "tsv (default when piped)" in " ".join(section.split())
    ]
    assert piped == ["history", "indicators", "observations", "rank", "status", "targets"], piped
    sentence = " ".join(_readme().split("When standard output is\nnot a terminal,", 1)[1].split(";", 1)[0].split())
    for command in piped:
        assert f"`{command}`" in sentence, (command, sentence)
    assert "`add-observation --dry-run`" in sentence, sentence
    header = {
        "history": ("history", "grdp_growth", "2023"),
        "rank": ("rank", "budget-revenue-plan-2024"),
    }
    for command in piped:
        out = run_clean(*header.get(command, (command,))).stdout
        assert "\t" in out.splitlines()[0] and "│" not in out, command
    dry = run_clean("add-observation", "grdp_growth", "2026-Q3", "5", "--status", "estimate", "--dry-run")
    assert dry.exit_code == 0 and dry.stdout.startswith("indicator\tperiod\tvalue\t"), dry.output


def test_worked_example_10_gives_the_p_the_outputs_print_for_the_unit_that_achieved(
    tmp_path: Path, monkeypatch
) -> None:
    """methodology.md's worked example 10 wrote "—" for Beta's achieved and required rates
    and P, though `rank` and status's breakdown print its P, 1.687: a reader checking the
    JSON against the page found a figure the page said was not there. By hand: a = 1.2^(1/3)
    - 1 = 0.06266, r = (12 / 10)^(1/5) - 1 = 0.03714, P = 1.6872; target achieved is read
    first (12 >= 12), score 5, so P changes nothing but is printed."""
    text = (ROOT / "docs" / "methodology.md").read_text(encoding="utf-8")
    row = next(x for x in text.splitlines() if x.startswith("| Beta | 10 | 12 |"))
    assert "1.6872" in row and "0.03714" in row
    plan = UNITS_PLAN.replace("value: 13}]}", "value: 12}]}")
    store = UNITS_STORE.replace("share[locality=Beta],2023,13", "share[locality=Beta],2023,12")
    make_tracker(tmp_path, monkeypatch, plan, store)
    units = _json("rank", "share-2025", "--format", "json", "--as-of", "2024-06-01")["units"]
    assert [(u["dims"]["locality"], u["status"]) for u in units] == [
        ("Beta", "target_achieved"),
        ("Alpha", "moderate_progress"),
        ("Gamma", "deterioration"),
    ]
    assert math.isclose(units[0]["progress_value"], 1.6872, abs_tol=5e-5) and units[0]["score"] == 5


POVERTY_PLAN = dedent("""
    title: Poverty
    dimensions:
      province:
        values: [{value: Ha Noi, names: {vi: Hà Nội}}]
      sex:
        values: [{value: Male, names: {vi: Nam}}, {value: Female, names: {vi: Nữ}}]
    indicators:
      poverty: {name: {en: Poverty rate, vi: Tỷ lệ hộ nghèo}, unit: "%", dimensions: [province, sex], direction: decrease}
    targets:
      - id: poverty-2025
        indicator: poverty
        baseline: 2020
        milestones:
          - {by: 2025, value: 3}
        for_each: [province, sex]
""")
POVERTY_STORE = dedent("""
    indicator,period,value,status,source,note,recorded_at
    poverty[province=Ha Noi;sex=Female],2020,10,official,GSO,,2021-03-01T00:00:00Z
    poverty[province=Ha Noi;sex=Female],2024,7.1,estimate,GSO,,2025-01-10T00:00:00Z
    poverty[province=Ha Noi;sex=Female],2024,6.8,official,GSO,,2025-03-10T00:00:00Z
""")


def test_report_mds_unit_legend_is_the_vietnamese_reports(tmp_path: Path, monkeypatch) -> None:
    """report.md quoted a revised unit's legend as "[1] Poverty rate (Hà Nội, Nữ) 2024: 7,1% →
    6,8%": the English indicator name beside the Vietnamese unit names and decimal commas,
    a line no report writes (the English one says "Poverty rate (Ha Noi, Female) 2024: 7.1%
    → 6.8%"). The page means the Vietnamese report, whose line is quoted now, and is
    what that report prints for a woman's poverty rate in Hà Nội revised from 7.1 to 6.8."""
    text = " ".join(REPORT_MD.read_text(encoding="utf-8").split())
    quoted = text.split("or withdrawn figure's \"[1] ", 1)[1].split('"', 1)[0]
    make_tracker(tmp_path, monkeypatch, POVERTY_PLAN, POVERTY_STORE)
    vi = run_clean("report", "--format", "markdown", "--lang", "vi", "--as-of", "2026-12-01")
    assert vi.exit_code == 0, vi.output
    assert quoted in vi.stdout, quoted
    en = run_clean("report", "--format", "markdown", "--as-of", "2026-12-01")
    assert "Poverty rate (Ha Noi, Female) 2024: 7.1% → 6.8%" in en.stdout


def test_the_readme_says_the_mark_of_a_figure_withdrawn_in_status_and_show(shipped: Path) -> None:
    """README's rows of `status` and `show` told the mark of a revised figure (`11.03%[1]`)
    but not the one of a figure withdrawn, which both have printed since the thirty-second
    session: with the CBCT share's 2023 figure (12.3) withdrawn, the latest is 2022's 11.5,
    marked `11.5%[1] of GRDP (2022)`, its line under the table saying 2023's was withdrawn.
    A reader meeting the mark looks it up in the README's table of commands."""
    rows = {x.split("|")[1].strip(): x for x in _readme().splitlines() if x.startswith("| `")}
    for command in ("`status [TARGET_ID...]`", "`show TARGET_ID`"):
        assert "`11.5%[1] of GRDP (2022)`" in rows[command], command
    assert run_clean("retract", "cbct_share", "2023", "--note", "typo").exit_code == 0
    for args in (("status", "cbct-share"), ("show", "cbct-share")):
        out = run_clean(*args, "--format", "table", env={"COLUMNS": "160"}).stdout
        assert "11.5%[1] of GRDP (2022)" in " ".join(out.split()), args
        assert "2023: 12.3% of GRDP → – (withdrawn on" in " ".join(out.split()), args


def test_python_api_md_gives_each_functions_parameters(tmp_path: Path) -> None:
    """python-api.md's table wrote `run_checks(targets, names=None, *, as_of=None)`, though
    it takes `today`, `jump_factor` (`check --jump-factor`) and `now` too, and
    `record_many(..., *, now=None)` without `undated`, `force` and `tz`, and `to_json(doc)`
    whose parameter is `document`: a notebook's author could not find how to loosen the
    jump rule, or give a batch its time zone, from Python. Each function the table writes
    out with its parameters lists them all, in order (a `...` stands for the ones left
    out: the commands' own hooks)."""
    import inspect

    import qntrack

    text = (ROOT / "docs" / "python-api.md").read_text(encoding="utf-8")
    problems = []
    table = text.split("| name | module |", 1)[1].split("\n\n", 1)[0]
    first_cells = " ".join(row.split(" | ")[0] for row in table.splitlines()[2:])
    for name, args in re.findall(r"`([a-z_]+)\(([^`]*)\)`", first_cells):
        function = getattr(qntrack, name)
        actual = list(inspect.signature(function).parameters)
        shown = [a.strip().split("=")[0] for a in args.split(",") if a.strip() not in ("", "*", "...")]
        if "..." in args:
            rest = iter(actual)
            if not all(a in rest for a in shown):
                problems.append((name, shown, actual))
        elif shown != actual:
            problems.append((name, shown, actual))
    assert not problems, problems
