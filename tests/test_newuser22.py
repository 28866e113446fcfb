"""A new user following the documentation on a fresh machine (issue 17, twenty-second
session): an analyst of another province clones the repository, does what README.md says
word for word, then starts her own plan with `qntrack init`, types figures by hand and
makes a newcomer's first mistakes. Each place where what she read left her stuck is pinned
here (docs/decisions.md, "A new user following the documentation").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import STORE_HEADER, make_tracker
from helpers import run_clean, store_text

ROOT = Path(__file__).resolve().parent.parent

# --- init says where the new tracker is, and that commands run here read another plan ------


@pytest.mark.parametrize(
    "lang, next_line",
    [
        (
            "en",
            "next: cd my-plan, replace the examples in targets.yaml with your plan's targets, "
            "then run qntrack check; qntrack reads the targets.yaml of the folder it runs in "
            "(here: targets.yaml)\n",
        ),
        (
            "vi",
            "tiếp theo: cd my-plan, thay các ví dụ trong targets.yaml bằng các mục tiêu của kế hoạch, "
            "rồi chạy qntrack check; qntrack đọc tệp targets.yaml của thư mục đang chạy lệnh "
            "(ở đây: targets.yaml)\n",
        ),
    ],
)
def test_init_in_a_folder_with_a_plan_says_to_cd_into_the_new_one(shipped: Path, lang: str, next_line: str):
    # README's first session runs `qntrack init my-plan` from the repository's folder,
    # which holds the shipped Quảng Ninh plan. init said "created my-plan/targets.yaml" and
    # "created my-plan/observations.csv", and nothing more: the next `add-observation`,
    # typed there, appended her province's figure to Quảng Ninh's store (as a helper of an
    # earlier session did by mistake). It now ends with where to go and why.
    before = (shipped / "observations.csv").read_bytes()
    r = run_clean("init", "my-plan", "--lang", lang)
    assert r.exit_code == 0, r.stderr
    lines = r.stderr.splitlines(keepends=True)
    assert len(lines) == 3, r.stderr
    assert lines[-1] == next_line
    assert (shipped / "my-plan" / "targets.yaml").is_file()
    assert (shipped / "observations.csv").read_bytes() == before


def test_init_in_an_empty_folder_says_to_cd_without_a_plan_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # No plan in the folder or above it: the hint is the same, without the "(here: ...)".
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("QNTRACK_LANG", raising=False)
    monkeypatch.delenv("QNTRACK_TARGETS", raising=False)
    r = run_clean("init", "ke hoach 2026")
    assert r.exit_code == 0, r.stderr
    # A folder's name with a space is quoted, as a shell (and cmd, and PowerShell) needs it.
    assert r.stderr.splitlines()[-1] == (
        'next: cd "ke hoach 2026", replace the examples in targets.yaml with your plan\'s targets, '
        "then run qntrack check; qntrack reads the targets.yaml of the folder it runs in"
    )


def test_init_here_needs_no_cd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # `qntrack init` (the current folder): nothing to change into; the two lines, then the
    # step without a cd (the twenty-second session's own item 8 changed this pinned line).
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("QNTRACK_LANG", raising=False)
    r = run_clean("init")
    assert r.exit_code == 0, r.stderr
    assert r.stderr == (
        "created targets.yaml\ncreated observations.csv\n"
        "next: replace the examples in targets.yaml with your plan's targets, then run qntrack check\n"
    )


# --- a text with spaces typed without quotes is told to be quoted ---------------------------


@pytest.mark.parametrize(
    "typed, said_en, said_vi",
    [
        (
            ["--source", "Cục", "Thống", "kê"],
            "Got unexpected extra argument(s) (Thống kê): a text holding spaces is written "
            'in quotes: --source "Cục Thống kê"',
            'thừa đối số (Thống kê): một văn bản có dấu cách phải đặt trong dấu nháy kép: --source "Cục Thống kê"',
        ),
        (
            # A status in Vietnamese is two words: "sơ bộ", "ước tính", "chính thức".
            ["--status", "sơ", "bộ"],
            'Got unexpected extra argument(s) (bộ): a text holding spaces is written in quotes: --status "sơ bộ"',
            'thừa đối số (bộ): một văn bản có dấu cách phải đặt trong dấu nháy kép: --status "sơ bộ"',
        ),
        (
            ["--note", "sơ", "bộ"],
            'Got unexpected extra argument(s) (bộ): a text holding spaces is written in quotes: --note "sơ bộ"',
            'thừa đối số (bộ): một văn bản có dấu cách phải đặt trong dấu nháy kép: --note "sơ bộ"',
        ),
    ],
)
def test_an_unquoted_source_is_told_to_be_quoted(shipped: Path, typed: list[str], said_en: str, said_vi: str):
    # `--source Cục Thống kê`, as a newcomer types it: the shell gives --source the word
    # "Cục", and "Thống" and "kê" are two more arguments. Click said "Got unexpected extra
    # argument(s) (Thống kê)" (vi "thừa đối số (Thống kê)"), which says nothing of quotes.
    before = store_text(shipped)
    for lang, said in (("en", said_en), ("vi", said_vi)):
        r = run_clean("add-observation", "grdp_growth", "2026-H1", "11.2", *typed, "--lang", lang)
        assert r.exit_code == 2, r.stderr
        assert r.stderr.rstrip("\n").splitlines()[-1].endswith(said), r.stderr
    assert store_text(shipped) == before


def test_an_unquoted_units_name_is_told_to_be_quoted(shipped: Path):
    # `--dim locality=Hạ Long`: the unit's name is two words; the whole option value is quoted.
    r = run_clean("add-observation", "budget_revenue", "2025", "18000", "--dim", "locality=Hạ", "Long")
    assert r.exit_code == 2, r.stderr
    assert r.stderr.rstrip("\n").endswith(
        'Got unexpected extra argument(s) (Long): a text holding spaces is written in quotes: --dim "locality=Hạ Long"'
    )


def test_an_extra_argument_not_after_an_options_value_keeps_clicks_words(shipped: Path):
    # `add-observation grdp_growth 2025 8.5 estimate`: no option's value before it; Click's
    # message as it was (tests/test_usage_vi.py pins its Vietnamese).
    r = run_clean("add-observation", "grdp_growth", "2025", "8.5", "estimate")
    assert r.exit_code == 2
    assert r.stderr.rstrip("\n").endswith("Error: Got unexpected extra argument(s) (estimate)")


# --- a target's id given where an indicator's is wanted -------------------------------------


@pytest.mark.parametrize(
    "lang, said",
    [
        ("en", "'fdi-plan-2025' is a target; its indicator is 'fdi'"),
        ("vi", "'fdi-plan-2025' là mục tiêu, theo dõi chỉ tiêu 'fdi'"),
    ],
)
def test_add_observation_and_retract_name_a_targets_indicator(shipped: Path, lang: str, said: str):
    # `history fdi-plan-2025` and `observations --indicator fdi-plan-2025` said "is a
    # target; its indicator is 'fdi'"; add-observation and retract, the two a newcomer types
    # first, said "unknown indicator 'fdi-plan-2025'; known: grdp_growth, ..." (nine ids,
    # none like the one typed). They say what history says now.
    before = store_text(shipped)
    r = run_clean("add-observation", "fdi-plan-2025", "2025", "1000", "--lang", lang)
    assert r.exit_code == 1
    assert said in r.stderr, r.stderr
    r = run_clean("retract", "fdi-plan-2025", "2025", "--lang", lang)
    assert r.exit_code == 1
    assert said in r.stderr, r.stderr
    assert store_text(shipped) == before


def test_an_imported_row_naming_a_target_is_told_its_indicator(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    make_tracker(
        tmp_path,
        monkeypatch,
        "indicators:\n  grdp_growth: {name: GRDP growth, unit: '%', measure: rate}\n"
        "targets:\n  - {id: growth-average, type: average, indicator: grdp_growth, at_least: 8, from: 2021, to: 2025}\n",
        STORE_HEADER,
    )
    (tmp_path / "rows.csv").write_text("indicator,period,value\ngrowth-average,2021,-2.5\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "rows.csv")
    assert r.exit_code == 1
    assert "rows.csv:2: error: 'growth-average' is a target; its indicator is 'grdp_growth'" in r.stderr, r.stderr
    assert store_text(tmp_path) == STORE_HEADER


# --- one year awaited is not "the years 2025" -----------------------------------------------


def test_one_year_awaited_is_not_called_years_in_vietnamese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # Her growth target, 8% a year on average over 2021-2025, with four years recorded
    # (-2.5, 7.8, 9.1, -1.2) and 2025 awaited. The sentence read "chưa có số liệu các năm
    # 2025" ("no figure yet for the years 2025"): "các năm" (the years) before a single
    # year. Vietnamese needs no plural there: "năm 2025", "năm 2024, 2025".
    # The need: 1.08^5 = 1.469328; 0.975 × 1.078 × 1.091 × 0.988 = 1.132936;
    # 1.469328 / 1.132936 - 1 = 0.29692, "29,7%" (29.6922 rounded up so that it suffices,
    # forty-first session; to nearest it was "29,69%").
    make_tracker(
        tmp_path,
        monkeypatch,
        "indicators:\n  grdp_growth: {name: Tăng trưởng GRDP, unit: '%', measure: rate}\n"
        "targets:\n  - {id: growth-average, type: average, indicator: grdp_growth, at_least: 8, from: 2021, to: 2025}\n",
        STORE_HEADER
        + "".join(
            f"grdp_growth,{year},{value},official,,,{year + 1}-06-30T00:00:00Z\n"
            for year, value in ((2021, -2.5), (2022, 7.8), (2023, 9.1), (2024, -1.2))
        ),
    )
    r = run_clean("report", "--format", "markdown", "--lang", "vi", "--as-of", "2026-06-30")
    assert r.exit_code == 0, r.stderr
    assert (
        "Giai đoạn 2021–2025 đã kết thúc, chưa có số liệu năm 2025; để bình quân đạt mục tiêu, "
        "năm chưa có số liệu cần ít nhất 29,7%."
    ) in r.stdout, r.stdout
    assert "các năm 2025" not in r.stdout


# --- a target's indicator written as the indicator's name -----------------------------------


@pytest.mark.parametrize(
    "lang, said",
    [
        ("en", "target 'share-2025': unknown indicator 'Industry share of GRDP'; did you mean 'industry_share'?"),
        (
            "vi",
            "mục tiêu 'share-2025': không có chỉ tiêu 'Tỷ trọng công nghiệp trong GRDP'; "
            "có phải ý bạn là 'industry_share'?",
        ),
    ],
)
def test_a_targets_indicator_written_as_its_name_is_told_the_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
):
    # A newcomer names the indicator in her language under a target (`indicator: Tỷ trọng
    # công nghiệp trong GRDP`), as add-observation reads a name and says its id. targets.yaml
    # said "unknown indicator '...'" and no more: nothing like the name is an id.
    name = "Industry share of GRDP" if lang == "en" else "Tỷ trọng công nghiệp trong GRDP"
    make_tracker(
        tmp_path,
        monkeypatch,
        "indicators:\n"
        "  industry_share: {name: {en: Industry share of GRDP, vi: Tỷ trọng công nghiệp trong GRDP}, unit: '%'}\n"
        "  grdp_growth: {name: GRDP growth, unit: '%'}\n"
        "targets:\n"
        "  - id: share-2025\n"
        f"    indicator: {name.lower()}\n"  # the case as typed does not count
        "    baseline: {period: 2020, value: 30}\n"
        "    milestones: [{by: 2025, value: 38}]\n",
        STORE_HEADER,
    )
    r = run_clean("check", "--lang", lang)
    assert r.exit_code == 1
    assert said.replace(f"'{name}'", f"'{name.lower()}'") in r.stderr, r.stderr


# --- methodology.md's worked example 3 says the day it is read on ---------------------------


def test_worked_example_3_names_the_day_its_figures_are_read_on(shipped: Path):
    # Worked example 3 reads "The latest figure is 2023, so the milestone is not yet due"
    # and gives "needed from now: 10.4 % a year for 2024 and 2025". Run today (after 2025),
    # `qntrack show cbct-share` shows the 2025 milestone awaiting its figure and no "needed
    # from now" for it: a reader checking the page against the tool found no 10.4 %. The page
    # now names the command and the day that give its figures.
    page = (ROOT / "docs" / "methodology.md").read_text(encoding="utf-8")
    example = page.split("### Worked example 3")[1].split("\n### ")[0]
    command = "qntrack show cbct-share --as-of 2024-12-31"
    assert command in example.replace("\n", " ")
    r = run_clean(*command.split()[1:])
    assert r.exit_code == 0, r.stderr
    out = " ".join(r.stdout.split())
    # (15 / 12.3)^(1/2) - 1 = 1.21951^(1/2) - 1 = 0.1043: "+10.5%/yr", the 2025 milestone's
    # (rounded up so that it suffices, forty-first session).
    assert "Milestone 15% of GRDP by 2025 Moderate progress" in out
    milestone_2025 = out.split("Milestone 15% of GRDP by 2025")[1].split("Milestone 30 %")[0]
    assert "Needed from now +10.5%/yr" in milestone_2025
    # 9.8 × 1.08886^3 = 12.65; 12.3 × 1.07868^2 = 14.31; ln(15/12.3)/ln(1.07868) = 2.62: 2026.
    assert "Trajectory 12.65% of GRDP (deviation -0.35 pp)" in milestone_2025
    assert "Projected 14.31% of GRDP (2025)" in milestone_2025
    assert "Would be reached in 2026" in milestone_2025


# --- a yearbook's "Sơ bộ 2024" heading in a table read without --wide ----------------------


@pytest.mark.parametrize(
    "lang, said",
    [
        ("en", "column 'Sơ bộ 2024' is a period: is this a wide table? add --wide"),
        ("vi", "cột 'Sơ bộ 2024' là một kỳ: đây có phải bảng dạng ngang không? hãy thêm --wide"),
    ],
)
def test_a_status_and_year_heading_without_wide_is_told_to_add_wide(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
):
    # Her yearbook table pasted without --wide: the columns 2021-2023 were each "a period:
    # is this a wide table? add --wide", but the last one, 'Sơ bộ 2024' (preliminary 2024,
    # which --wide reads as 2024 with its status), was "no column 'sơ bộ 2024'" with the
    # sixteen column names the long shape takes: the one heading most like a yearbook's.
    make_tracker(
        tmp_path,
        monkeypatch,
        "indicators:\n  grdp_growth: {name: {en: GRDP growth, vi: Tăng trưởng GRDP}, unit: '%', measure: rate}\n"
        "targets:\n  - {id: growth-average, type: average, indicator: grdp_growth, at_least: 8, from: 2021, to: 2025}\n",
        STORE_HEADER,
    )
    (tmp_path / "wide.tsv").write_text(
        "Chỉ tiêu\t2021\t2022\t2023\tSơ bộ 2024\r\nTăng trưởng GRDP\t-2,5\t7,8\t9,1\t-1,2\r\n", encoding="utf-8"
    )
    # With a value column beside them (a long table with stray headings), each is told.
    (tmp_path / "long.tsv").write_text(
        "Chỉ tiêu\tGiá trị\t2021\tSơ bộ 2024\r\nTăng trưởng GRDP\t7,8\t-2,5\t-1,2\r\n", encoding="utf-8"
    )
    r = run_clean("add-observation", "--from", "long.tsv", "--lang", lang)
    assert r.exit_code == 1
    assert f"long.tsv:1: {'error' if lang == 'en' else 'lỗi'}: {said}\n" in r.stderr, r.stderr
    assert "sơ bộ 2024'" not in r.stderr  # not "no column 'sơ bộ 2024'"
    assert store_text(tmp_path) == STORE_HEADER
    # Without one, the table has one reading since the twenty-seventh session: wide, said
    # once, 'Sơ bộ 2024' read as 2024 with its status (tests/test_wide_read_unasked.py).
    r = run_clean("add-observation", "--from", "wide.tsv", "--lang", lang, "--recorded-at", "2025-03-01")
    assert r.exit_code == 0, r.stderr
    assert "2021, 2022, 2023, Sơ bộ 2024" in r.stderr
    assert store_text(tmp_path) == STORE_HEADER + (
        "grdp_growth,2021,-2.5,,,,2025-03-01T00:00:00Z\n"
        "grdp_growth,2022,7.8,,,,2025-03-01T00:00:00Z\n"
        "grdp_growth,2023,9.1,,,,2025-03-01T00:00:00Z\n"
        "grdp_growth,2024,-1.2,preliminary,,,2025-03-01T00:00:00Z\n"
    )


# --- a pasted row whose figure is not out yet --------------------------------------------------


@pytest.mark.parametrize(
    "lang, said",
    [
        ("en", "<stdin>:3: warning: grdp_growth 2025: the value is empty, so the row is passed over (no figure yet)"),
        ("vi", "<stdin>:3: cảnh báo: grdp_growth 2025: giá trị để trống nên bỏ qua dòng này (chưa có số liệu)"),
    ],
)
def test_an_empty_value_in_a_pasted_row_says_what_to_do(shipped: Path, lang: str, said: str):
    # Her paste ends with the 2025 row, whose figure is not out yet. The thirtieth session
    # made it one rule for every long table: the row is passed over and said at its line
    # (it refused the whole paste before); the 2024 row is recorded.
    before = store_text(shipped)
    pasted = "Chỉ tiêu\tKỳ\tGiá trị\r\ngrdp_growth\t2024\t10,2\r\ngrdp_growth\t2025\t\r\n"
    r = run_clean("add-observation", "--from", "-", "--lang", lang, input=pasted.encode("utf-8"))
    assert r.exit_code == 0, r.stderr
    assert said in r.stderr, r.stderr
    assert store_text(shipped)[len(before) :].startswith("grdp_growth,2024,10.2,")


# --- observations: naming her Excel workbook ---------------------------------------------------


@pytest.mark.parametrize(
    "lang, said",
    [
        (
            "en",
            "so-lieu.xlsx: error: the observations file is an Excel workbook (.xlsx), not the CSV text qntrack "
            "keeps its figures in: name a CSV file in 'observations:' in targets.yaml (observations.csv, which "
            "the first add-observation creates with its header), then import the workbook's figures with "
            "qntrack add-observation --from so-lieu.xlsx\n",
        ),
        (
            "vi",
            "so-lieu.xlsx: lỗi: tệp số liệu là một bảng tính Excel (.xlsx), không phải tệp văn bản CSV mà "
            "qntrack dùng để lưu số liệu: hãy ghi tên một tệp CSV ở 'observations:' trong targets.yaml "
            "(observations.csv, được tạo kèm dòng tiêu đề ở lần add-observation đầu tiên), rồi nhập số liệu "
            "của bảng tính bằng qntrack add-observation --from so-lieu.xlsx\n",
        ),
    ],
)
def test_a_workbook_named_as_the_observations_file_is_said_to_be_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
):
    # She points targets.yaml at the workbook her figures are in (`observations:
    # so-lieu.xlsx`), taking it for the file qntrack reads them from. Every command said
    # "the observations file is a binary file, not CSV text": neither what the file is nor
    # what 'observations:' is for. An .xlsx (a zip) is named as one now, with the two steps.
    import openpyxl

    make_tracker(
        tmp_path,
        monkeypatch,
        "observations: so-lieu.xlsx\n"
        "indicators:\n  grdp_growth: {name: GRDP growth, unit: '%', measure: rate}\n"
        "targets:\n  - {id: growth-average, type: average, indicator: grdp_growth, at_least: 8, from: 2021, to: 2025}\n",
        STORE_HEADER,
    )
    book = openpyxl.Workbook()
    for row in (["Chỉ tiêu", "Kỳ", "Giá trị"], ["grdp_growth", "2024", 8.1]):
        book.active.append(row)
    book.save(tmp_path / "so-lieu.xlsx")
    before = (tmp_path / "so-lieu.xlsx").read_bytes()
    for command in (["status"], ["check"], ["add-observation", "grdp_growth", "2025", "8"]):
        r = run_clean(*command, "--lang", lang)
        assert r.exit_code == 1, (command, r.stderr)
        assert said in r.stderr, (command, r.stderr)
    assert (tmp_path / "so-lieu.xlsx").read_bytes() == before


# --- the starter's Open SDG target states its target before any figure -----------------------


# A report writes a year "năm 2030" in Vietnamese, as its level targets' "38% đến năm 2025".
@pytest.mark.parametrize("lang, goal", [("en", "2% by 2030"), ("vi", "2% đến năm 2030")])
def test_the_starters_open_sdg_target_shows_its_target_with_no_figure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, goal: str
):
    # `qntrack init`, then `qntrack status`: every target of the starter says what it aims
    # at ("15% by 2025", "≥ 10%, 2021–2025", "1,500 million USD (2025)") but its Open SDG
    # option (poverty-sdg: `target: 2`, `target_year: 2030`), whose goal column said "lower
    # is better" until a figure was recorded, and "2% by 2030" after.
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("QNTRACK_LANG", raising=False)
    monkeypatch.delenv("QNTRACK_TARGETS", raising=False)
    assert run_clean("init").exit_code == 0
    r = run_clean("report", "poverty-sdg", "--format", "markdown", "--lang", lang)
    assert r.exit_code == 0, r.stderr
    row = next(line for line in r.stdout.splitlines() if line.startswith("| 1 |"))
    assert f"| {goal} |" in row, row
    # The same words once a figure is in (2016: the base year, 9.9 → 3.1 by 2024).
    for year, value in (("2016", "9.9"), ("2024", "3.1")):
        assert run_clean("add-observation", "poverty", year, value, "--recorded-at", "2025-03-01").exit_code == 0
    r = run_clean("report", "poverty-sdg", "--format", "markdown", "--lang", lang)
    row = next(line for line in r.stdout.splitlines() if line.startswith("| 1 |"))
    assert f"| {goal} |" in row, row


# --- a file's name with a space, unquoted after --from ---------------------------------------


@pytest.mark.parametrize(
    "typed, said_en, said_vi",
    [
        (
            ["--from", "so", "lieu.tsv"],
            "give either INDICATOR PERIOD VALUE or --from FILE, not both (read as arguments: lieu.tsv): "
            'a text holding spaces is written in quotes: --from "so lieu.tsv"',
            "hãy cho INDICATOR PERIOD VALUE hoặc --from FILE, không cho cả hai (được đọc là đối số: lieu.tsv): "
            'một văn bản có dấu cách phải đặt trong dấu nháy kép: --from "so lieu.tsv"',
        ),
        (
            ["--source", "Cục", "Thống", "kê", "--from", "so lieu.tsv"],
            "give either INDICATOR PERIOD VALUE or --from FILE, not both (read as arguments: Thống kê): "
            'a text holding spaces is written in quotes: --source "Cục Thống kê"',
            "hãy cho INDICATOR PERIOD VALUE hoặc --from FILE, không cho cả hai (được đọc là đối số: Thống kê): "
            'một văn bản có dấu cách phải đặt trong dấu nháy kép: --source "Cục Thống kê"',
        ),
    ],
)
def test_an_unquoted_file_name_after_from_is_told_to_be_quoted(
    shipped: Path, typed: list[str], said_en: str, said_vi: str
):
    # `--from so lieu.tsv`: the shell gives --from "so", and "lieu.tsv" becomes INDICATOR;
    # the refusal was "give either INDICATOR PERIOD VALUE or --from FILE, not both", though
    # she gave no INDICATOR. So with an unquoted --source before --from.
    (shipped / "so lieu.tsv").write_text("indicator\tperiod\tvalue\ngrdp_growth\t2026-H1\t11.2\n", encoding="utf-8")
    before = store_text(shipped)
    for lang, said in (("en", said_en), ("vi", said_vi)):
        r = run_clean("add-observation", *typed, "--lang", lang)
        assert r.exit_code == 2, r.stderr
        assert r.stderr.rstrip("\n").endswith(said), r.stderr
    assert store_text(shipped) == before
    # Quoted, it is read; and words after no text option keep the command's own refusal.
    r = run_clean("add-observation", "--from", "so lieu.tsv", "--dry-run")
    assert r.exit_code == 0, r.stderr
    r = run_clean("add-observation", "grdp_growth", "--from", "so lieu.tsv")
    assert r.exit_code == 2
    assert r.stderr == "add-observation: error: give either INDICATOR PERIOD VALUE or --from FILE, not both\n"


@pytest.mark.parametrize(
    "lang, row, milestone",
    [
        ("en", "Target 2% by 2030", "Milestone 2% by 2030"),
        ("vi", "Mục tiêu 2% đến 2030", "Mốc 2% đến 2030"),
    ],
)
def test_show_of_the_starters_open_sdg_target_says_its_target_before_a_figure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, row: str, milestone: str
):
    # `qntrack show poverty-sdg` on the starter said its base year alone ("Base year asked
    # 2016"): not what it aims at. It says it now, in the words its milestone has once a
    # figure is in (then the milestones' table says it, and the row is not repeated).
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("QNTRACK_LANG", raising=False)
    monkeypatch.delenv("QNTRACK_TARGETS", raising=False)
    assert run_clean("init").exit_code == 0
    r = run_clean("show", "poverty-sdg", "--lang", lang)
    assert r.exit_code == 0, r.stderr
    lines = [" ".join(line.split()) for line in r.stdout.splitlines()]
    assert row in lines, r.stdout
    for year, value in (("2016", "9.9"), ("2024", "3.1")):
        assert run_clean("add-observation", "poverty", year, value, "--recorded-at", "2025-03-01").exit_code == 0
    r = run_clean("show", "poverty-sdg", "--lang", lang)
    lines = [" ".join(line.split()) for line in r.stdout.splitlines()]
    assert any(line.startswith(milestone) for line in lines), r.stdout
    assert row not in lines
