"""Helper G of the forty-fifth session: this session's changes tried hostilely, each
defect pinned before its fix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean

HEADER = "indicator,period,value,status,source,note,recorded_at\n"
ROW = "pop[locality=Hạ Long],2024,10,official,x,,2025-01-01T00:00:00Z\n"

from test_s45_lead import UNITS_PLAN  # noqa: E402  (the same plan of units, with {values} to fill)


@pytest.mark.parametrize(
    ("values", "told"),
    [
        ("      [Hạ Long, Cẩm Phả\n        Uông Bí]", "targets.yaml:8:17:"),
        (
            "      - Hạ Long\n      - Uông Bí\n      - value: Cẩm Phả\n        from: [Hạ Long\n          Uông Bí]",
            "targets.yaml:11:16:",
        ),
    ],
)
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_unit_over_lines_in_a_bracketed_list_is_told_its_comma(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, values: str, told: str, lang: str
) -> None:
    # `values: [Hạ Long, Cẩm Phả` over `Uông Bí]`: the comma at line 8's end forgotten. The
    # refusal said to start line 9 with '- ', which in brackets YAML reads as part of the
    # name ('Cẩm Phả - Uông Bí'), refused again with the same advice.
    make_tracker(tmp_path, monkeypatch, UNITS_PLAN.format(values=values), HEADER + ROW)
    r = run_clean("check", "--lang", lang)
    assert r.exit_code == 1, r.output
    said = " ".join(r.stderr.split())
    assert said.startswith(told), r.stderr
    assert "'- '" not in said, r.stderr
    assert "','" in said, r.stderr


@pytest.mark.parametrize(
    "error",
    [
        # Windows: CreateHardLinkW on FAT32 or exFAT fails with ERROR_INVALID_FUNCTION (1), and
        # on a share that makes no links with ERROR_NOT_SUPPORTED (50): Python gives both
        # errno EINVAL (CPython PC/errmap.h, winerror_to_errno's default).
        (22, "Incorrect function", 1),
        (22, "The request is not supported", 50),
        # Linux CIFS mounts without Unix extensions refuse a link with EACCES on some servers.
        (13, "Permission denied", None),
    ],
)
def test_a_store_on_a_disk_that_makes_no_links_takes_rows(
    tracker: Path, monkeypatch: pytest.MonkeyPatch, error: tuple[int, str, int | None]
) -> None:
    # The journal made by a hard link: a store on a Windows USB stick (FAT32, exFAT) was
    # refused every row, since only Linux's and macOS's errnos for "no links here" fell back.
    import os

    code, text, winerror = error

    def no_links(src: object, dst: object) -> None:
        exc = OSError(code, text)
        if winerror is not None:
            exc.winerror = winerror  # type: ignore[attr-defined]
        raise exc

    monkeypatch.setattr(os, "link", no_links)
    r = run_clean("add-observation", "share", "2025", "14")
    assert r.exit_code == 0, r.output
    assert b"share,2025,14" in (tracker / "observations.csv").read_bytes()
    assert not (tracker / "observations.csv.pending").exists()
    assert sorted(p.name for p in tracker.iterdir() if p.name.endswith(".tmp")) == []


def test_a_link_to_nothing_in_the_journal_s_place_is_left_for_the_user_to_remove(tracker: Path) -> None:
    # Told "it is none of qntrack's: remove it or move it", the user found it already gone:
    # the batch's undoing removed whatever stood at the journal's name.
    link = tracker / "observations.csv.pending"
    link.symlink_to(tracker / "nowhere")
    r = run_clean("add-observation", "share", "2025", "14")
    assert r.exit_code == 1 and "remove it or move it" in r.stderr, r.output
    assert link.is_symlink(), "the user's link was removed"


def test_another_writer_s_journal_is_not_removed_when_reading_it_fails(
    tracker: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two computers at once: the other's journal stands where this one's link failed. Were
    # reading it to fail (Ctrl-C, a share's hiccup), the undoing removed the other's journal,
    # and its batch, half written, could no longer be set aside by check --repair.
    import qntrack.files.journal as journal

    other = b"qntrack append journal 1\nsize 10\nrows 2\n"

    real_link = __import__("os").link

    def link(src: object, dst: object) -> None:
        (tracker / "observations.csv.pending").write_bytes(other)
        real_link(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr("os.link", link)
    real_read = journal.read_pending
    calls: list[Path] = []

    def read_pending(path: Path) -> object:  # Ctrl-C while the other's journal is read
        if (tracker / "observations.csv.pending").exists() and not calls:
            calls.append(path)
            raise KeyboardInterrupt
        return real_read(path)

    monkeypatch.setattr(journal, "read_pending", read_pending)
    r = run_clean("add-observation", "share", "2025", "14")
    assert r.exit_code != 0, r.output
    assert (tracker / "observations.csv.pending").read_bytes() == other


@pytest.mark.parametrize(
    ("typed", "whole"),
    [
        ("(12.)", "-12"),  # Excel's Accounting negative, cut after its point
        ("12.-", "-12"),  # the minus after the figure
        ("\u201312.", "-12"),  # Word's dash for a minus
        ("'12.", "12"),  # Excel's text prefix typed by hand
    ],
)
def test_a_figure_cut_after_its_decimal_mark_is_told_so_whatever_is_around_it(
    tracker: Path, typed: str, whole: str
) -> None:
    # '(12.)' was told "type -12.", which was then refused as a figure cut after its decimal
    # mark: the officer was sent from one refusal to the next. Told the whole figure at once.
    r = run_clean("add-observation", "share", "2025", typed, "--status", "estimate")
    assert r.exit_code == 1, r.output
    said = " ".join(r.stderr.split())
    assert "ends with its decimal mark" in said, r.stderr
    assert f"({whole} if that is all of it)" in said, r.stderr


SIZED_PLAN = """\
version: 1
title: Sizes
indicators:
  pop:
    name: {en: Population, vi: Dân số}
    unit: {en: thousand people, vi: nghìn người}
  fdi:
    name: {en: FDI attracted, vi: Vốn FDI thu hút}
    unit: {en: million USD, vi: triệu USD}
    measure: flow
  visitors:
    name: {en: Visitors, vi: Lượt khách}
    unit: {en: visits, vi: lượt khách}
    measure: flow
targets:
  - {id: pop-2030, indicator: pop, type: plan, period: 2030, value: 1500}
"""


@pytest.mark.parametrize(
    ("row", "told"),
    [
        # 1 nghìn người is 1,000 người: 1.500.000 người is 1.500 nghìn người, divided by 1,000.
        ("Dân số\tNgười\t1.500.000", "hãy chia các số liệu cho 1.000 "),
        # 1 triệu USD is 1,000,000 USD.
        ("Vốn FDI thu hút\tUSD\t4.500.000.000", "hãy chia các số liệu cho 1.000.000 "),
        # 1 nghìn lượt khách is 1,000 lượt khách: multiplied by 1,000.
        ("Lượt khách\tnghìn lượt khách\t15,2", "hãy nhân các số liệu với 1.000 "),
    ],
)
def test_a_unit_cell_without_a_size_word_is_told_the_factor_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, row: str, told: str
) -> None:
    # 'Người' against the plan's nghìn người, 'USD' against triệu USD: one thing in two sizes
    # as 'tỷ USD' is, yet only a unit cell with a size word of its own was told the factor.
    make_tracker(tmp_path, monkeypatch, SIZED_PLAN, HEADER)
    text = f"Chỉ tiêu\tĐVT\tNăm 2024\n{row}\n"
    r = run_clean(
        "--lang", "vi", "add-observation", "--from", "-", "--source", "x", "--recorded-at", "2026-07-10",
        input=text.encode("utf-8"),
    )  # fmt: skip
    assert r.exit_code == 1, r.output
    line2 = next(x for x in r.stderr.splitlines() if x.startswith("<stdin>:2:"))
    assert told in line2, r.stderr
    assert (tmp_path / "observations.csv").read_text(encoding="utf-8") == HEADER


def test_a_unit_cell_of_another_thing_without_a_size_word_gets_no_factor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_tracker(tmp_path, monkeypatch, SIZED_PLAN, HEADER)
    text = "Chỉ tiêu\tĐVT\tNăm 2024\nDân số\thộ\t1.500.000\nVốn FDI thu hút\tđồng\t100\n"
    r = run_clean("add-observation", "--from", "-", "--source", "x", "--recorded-at", "2026-07-10", input=text.encode())
    assert r.exit_code == 1, r.output
    assert "multiply" not in r.stderr and "divide" not in r.stderr, r.stderr


CUMULATIVE_PLAN = """\
version: 1
title: Investment
observations: observations.csv
indicators:
  inv:
    name: Investment
    unit: bn VND
    measure: flow
targets:
  - id: inv-2021-2025
    type: cumulative
    indicator: inv
    from: 2021
    to: 2025
    {bound}: 1000
"""


@pytest.mark.parametrize(
    ("bound", "lang", "said", "not_said"),
    [
        ("at_least", "en", "no figure yet for 2022: the total counts it as nothing", "counts them"),
        ("at_most", "en", "no figure yet for 2022: the total counts it as nothing", "counts them"),
        ("at_least", "vi", "chưa có số liệu năm 2022: lũy kế chưa tính kỳ này", "các kỳ này"),
        ("at_most", "vi", "chưa có số liệu năm 2022: lũy kế chưa tính kỳ này", "các kỳ này"),
    ],
)
def test_an_ended_total_missing_one_period_speaks_of_it_in_the_singular(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bound: str, lang: str, said: str, not_said: str
) -> None:
    # The running total's new gap sentence says one period in the singular ("2022 ... has no
    # figure yet: the total counts it as nothing"); once the span was over the same gap was
    # said "for 2022: the total counts them as nothing ... once they are in".
    rows = "".join(f"inv,{y},150,official,x,,2026-03-01T00:00:00Z\n" for y in (2021, 2023, 2024, 2025))
    make_tracker(tmp_path, monkeypatch, CUMULATIVE_PLAN.format(bound=bound), HEADER + rows)
    r = run_clean("show", "inv-2021-2025", "--as-of", "2026-06-01", "--lang", lang, env={"COLUMNS": "300"})
    assert r.exit_code == 0, r.output
    text = " ".join(r.stdout.split())
    assert said in text, r.stdout
    assert not_said not in text, r.stdout


@pytest.mark.parametrize("name", ["ke hoach.yaml", "targets.yml", "Kế hoạch 2026.yml"])
def test_init_refuses_beside_a_plan_under_another_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    # Every command names 'ke hoach.yaml' when no targets.yaml is found; the officer who ran
    # `init` all the same got a starter targets.yaml beside it, and every command then read
    # the starter's examples, as init beside targets.yaml.txt did before it was refused.
    # targets.yml was refused, but told "Explorer shows targets.yaml.txt as targets.yaml".
    from conftest import enter

    plan = "version: 1\ntitle: Mine\nindicators:\n  pop:\n    name: Population\n    unit: people\n"
    (tmp_path / name).write_text(plan, encoding="utf-8")
    enter(tmp_path, monkeypatch)
    r = run_clean("init")
    assert r.exit_code != 0, r.output
    said = " ".join(r.stderr.split())
    assert name in said and "nothing was written" in said, r.stderr
    assert "targets.yaml.txt" not in said, r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]
    vi = run_clean("--lang", "vi", "init")
    assert vi.exit_code != 0 and name in vi.stderr and "không ghi gì" in vi.stderr, vi.output


def test_init_beside_another_yaml_file_still_starts_a_plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from conftest import enter

    (tmp_path / "mkdocs.yml").write_text("site_name: Docs\nnav:\n  - index.md\n", encoding="utf-8")
    enter(tmp_path, monkeypatch)
    r = run_clean("init")
    assert r.exit_code == 0, r.output
    assert (tmp_path / "targets.yaml").exists()


@pytest.mark.parametrize(("typed", "meant"), [("vi-VN", "vi"), ("vi_VN.UTF-8", "vi"), ("EN-us", "en"), ("en_GB", "en")])
def test_a_language_typed_as_a_locale_is_told_its_code(shipped: Path, typed: str, meant: str) -> None:
    # QNTRACK_LANG=vi-VN is read as vi; '--lang vi-VN', as Windows' regional settings write
    # the language, was refused with the choices alone, where 'tiếng việt' is told 'vi'.
    r = run_clean("--lang", typed, "status")
    assert r.exit_code == 2, r.output
    assert f"did you mean '{meant}'?" in r.stderr, r.stderr


def test_an_export_stopped_just_after_a_rename_puts_that_file_back_too(tmp_path: Path, monkeypatch) -> None:
    # Ctrl-C arriving as a rename of the export over an earlier one returns, before the
    # export noted it as done: that file stayed the new export's, the others were put back,
    # and the user was told "nothing was written" of a folder half of one export and half
    # of the other.
    import os

    from helpers import write_repository
    from qntrack.files import opensdg_write

    def repo_with(value: str, name: str) -> Path:
        return write_repository(
            tmp_path / f"repo-{value}",
            {
                "data/indicator_1-1-1.csv": f"Year,Sex,Value\n2015,,10\n2020,,{value}\n2020,Female,7\n",
                "meta/1-1-1.md": f"---\nindicator_name: {name}\n---\n",
            },
        )

    def imported(repo: Path, day: str) -> None:
        r = run_clean("import", "opensdg", str(repo), "--into", str(tracker), "--recorded-at", day)
        assert r.exit_code == 0, r.output

    def snapshot(folder: Path) -> dict[str, bytes]:
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}

    tracker, site = tmp_path / "tracker", tmp_path / "site"
    imported(repo_with("8", "Poverty rate"), "2025-06-30")
    targets = str(tracker / "targets.yaml")
    assert run_clean("--targets", targets, "export", "opensdg", "--into", str(site)).exit_code == 0
    before = snapshot(site)
    imported(repo_with("9", "Poverty share"), "2025-07-30")

    real = os.replace
    renamed: list[str] = []

    def replace(src, dst, *args, **kwargs):  # type: ignore[no-untyped-def]
        real(src, dst, *args, **kwargs)
        if str(src).startswith(str(site)) and not renamed:  # the first file of the export
            renamed.append(str(dst))
            raise KeyboardInterrupt

    monkeypatch.setattr(opensdg_write.os, "replace", replace)
    done = run_clean("--targets", targets, "export", "opensdg", "--into", str(site))
    assert done.exit_code != 0, done.output
    assert renamed, "no rename was stopped"
    assert snapshot(site) == before


from test_s45_lead import STAY_OLD_NEW, province_plan  # noqa: E402  (the lead's plan by province)

MERGED_PLAN = province_plan(
    STAY_OLD_NEW,
    "  - id: fdi-run\n"
    "    type: cumulative\n"
    "    indicator: fdi\n"
    "    at_least: 500\n"
    "    from: 2021\n"
    "    to: 2027\n"
    "    for_each: province\n"
    "    overrides:\n"
    "      New: {at_least: 100}\n"
    "      Old: {at_least: 400}\n",
)


def _merged_store() -> str:
    rows = [f"fdi,{y},300,official,x,,2026-03-01T00:00:00Z\n" for y in range(2021, 2026)]
    rows += [f"fdi[province=Old],{y},90,official,x,,2026-03-01T00:00:00Z\n" for y in (2021, 2023, 2024)]
    rows += [
        f"fdi[province={u}],{p},{v},official,x,,2026-03-01T00:00:00Z\n"
        for u, p, v in [
            ("Old", "2025-Q1", 20),
            ("Old", "2025-Q2", 25.5),
            ("New", "2025-Q3", 50.1),
            ("New", "2025-Q4", 70.2),
        ]
    ]
    return HEADER + "".join(rows)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_awaiting_mark_keeps_its_word_in_a_unit_s_narrow_status_column(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    # `status fdi-run --by province` at 60 and 68 columns: Old's status, "Moderate progress
    # (2021–2025 only: while the unit existed)", narrowed the status column to its longest
    # word, narrower than "⌛ awaiting": the mark alone on a line, its words on the next.
    make_tracker(tmp_path, monkeypatch, MERGED_PLAN, _merged_store())
    for width in range(30, 121, 2):
        r = run_clean(
            "status", "fdi-run", "--by", "province", "--format", "table", "--as-of", "2026-06-01", "--lang", lang,
            env={"COLUMNS": str(width), "NO_COLOR": "1"},
        )  # fmt: skip
        assert r.exit_code == 0, r.output
        alone = [line for line in r.stdout.splitlines() if line.rstrip().endswith("⌛")]
        assert not alone, (width, r.stdout)


def test_the_vietnamese_closed_stdin_message_gives_a_vietnamese_example_file() -> None:
    # Pass F gave eleven Vietnamese refusals so-lieu.csv for figures.csv; this one kept
    # the English rows.csv ('--from - < rows.csv').
    from qntrack.catalog import catalog

    vi = catalog("vi")
    assert "so-lieu.csv" in vi["import_stdin_closed"], vi["import_stdin_closed"]
    english = [key for key, text in vi.items() if re.search(r"\b(?:rows|figures|data)\.csv\b", text)]
    assert english == [], english


def test_an_open_sdg_year_with_a_leading_zero_is_named_as_written(tmp_path: Path) -> None:
    # '02015' (a typo, or a cell formatted with leading zeros): read by its first four
    # characters, as Open SDG reads a Year once one is longer, it became the year 201, and
    # the refusal said "'201' is not a period; valid forms: 2023 (year), ...", a text the
    # file does not hold, without the column's name.
    from helpers import write_repository

    repo = write_repository(
        tmp_path / "repo",
        {
            "data/indicator_1-1-1.csv": "Year,Sex,Value\n02015,Female,1\n2016,,2\n",
            "meta/1-1-1.md": "---\nindicator_name: Poverty\n---\n",
        },
    )
    done = run_clean("import", "opensdg", str(repo), "--into", str(tmp_path / "t"), "--recorded-at", "2025-06-30")
    assert done.exit_code == 1, done.output
    assert "data/indicator_1-1-1.csv:2: error: Year '02015'" in done.stderr, done.stderr
    assert "'201'" not in done.stderr, done.stderr
