"""Vietnamese leftovers of the twenty-fifth session and the mid-year review again, as a
Quảng Ninh officer who reads Vietnamese only does it (issue 17, twenty-sixth session,
pass V). Each expected sentence is written by hand from the catalog's wording."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import run_clean, since_row


def _add(*args: str) -> None:
    r = run_clean("add-observation", *args)
    assert r.exit_code == 0, r.output


# --- 1. targets.yaml's own English values ("frequency: quarter") were quoted bare inside
# Vietnamese sentences: the key stays (the officer edits it), its meaning is said.


def test_a_finer_period_says_the_frequency_in_vietnamese(shipped: Path):
    r = run_clean("--lang", "vi", "add-observation", "grdp_vnd", "2026-Q1", "5")
    assert r.exit_code == 1, r.output
    assert "tần suất công bố của chỉ tiêu 'grdp_vnd' (hằng năm, frequency: year):" in r.output, r.output
    assert "hãy sửa khóa frequency của chỉ tiêu trong targets.yaml" in r.output, r.output


def test_a_finer_period_keeps_its_english_words_in_english(shipped: Path):
    r = run_clean("add-observation", "grdp_vnd", "2026-Q1", "5")
    assert r.exit_code == 1, r.output
    assert "is finer than indicator 'grdp_vnd' is published (frequency: year): it is" in r.output, r.output


def test_history_of_a_finer_period_says_the_frequency_in_vietnamese(shipped: Path):
    r = run_clean("--lang", "vi", "history", "cbct_va_growth", "2025-Q1")
    assert "chỉ tiêu 'cbct_va_growth' (6 tháng một lần, frequency: half) nên không có số liệu" in r.output, r.output


def test_a_stored_finer_period_is_said_in_vietnamese_and_its_json_stays_english(shipped: Path):
    with open("observations.csv", "a", encoding="utf-8") as f:
        f.write("grdp_vnd,2025-Q1,5,estimate,,,2026-01-01T00:00:00Z\n")
    r = run_clean("--lang", "vi", "check", "frequency")
    assert "chỉ tiêu 'grdp_vnd' (hằng năm, frequency: year); nếu tần suất" in r.output, r.output
    problems = json.loads(run_clean("--lang", "vi", "check", "frequency", "--format", "json").stdout)["problems"]
    assert "(frequency: year); if the frequency" in problems[0]["message"], problems


def test_a_stale_indicator_says_its_frequency_in_vietnamese(shipped: Path):
    r = run_clean("--lang", "vi", "check", "stale", "--as-of", "2026-12-01")
    assert "chỉ tiêu 'grdp_growth' (công bố hằng quý, frequency: quarter): số liệu mới nhất" in r.output, r.output
    assert "chỉ tiêu 'fdi' (công bố hằng tháng, frequency: month)" in r.output, r.output


MEASURES = """\
indicators:
  invest:
    name: Investment
    unit: bn VND
    frequency: year
    direction: increase
targets:
  - {id: invest-avg, type: average, indicator: invest, at_least: 10, from: 2021, to: 2025}
  - {id: invest-total, type: cumulative, indicator: invest, at_least: 1000, from: 2021, to: 2025}
"""


def test_a_measure_implied_by_another_target_is_said_in_vietnamese(tmp_path: Path, monkeypatch):
    (tmp_path / "targets.yaml").write_text(MEASURES, encoding="utf-8")
    (tmp_path / "observations.csv").write_text("indicator,period,value,status,source,note,recorded_at\n")
    monkeypatch.chdir(tmp_path)
    r = run_clean("--lang", "vi", "check")
    assert "đọc chỉ tiêu 'invest' là một tốc độ tăng (measure: rate);" in r.output, r.output
    assert "reads indicator 'invest' as a rate;" in run_clean("check").output


def test_a_declared_measure_is_said_in_vietnamese(tmp_path: Path, monkeypatch):
    (tmp_path / "targets.yaml").write_text(
        MEASURES.replace("    direction: increase\n", "    direction: increase\n    measure: level\n"), encoding="utf-8"
    )
    (tmp_path / "observations.csv").write_text("indicator,period,value,status,source,note,recorded_at\n")
    monkeypatch.chdir(tmp_path)
    r = run_clean("--lang", "vi", "check")
    assert "được khai báo 'measure: level' (một mức) ở dòng 7" in r.output, r.output
    assert "is declared 'measure: level' on line 7" in run_clean("check").output


# --- 2. A status-only revision (5 estimate, then 5 official) read as no change: "revising
# 5" in the confirmation, "revised | 5" in the report's since-table.


def _estimate_then(value: str, lang: str = "en") -> str:
    _add("grdp_growth", "2026-Q1", "5", "--status", "estimate", "--recorded-at", "2026-04-20T00:00:00Z")
    r = run_clean("--lang", lang, "add-observation", "grdp_growth", "2026-Q1", value, "--status", "official",
                  "--recorded-at", "2026-05-20T00:00:00Z")  # fmt: skip
    assert r.exit_code == 0, r.output
    return r.stderr


def test_a_status_only_revision_is_confirmed_as_a_status_change_in_vietnamese(shipped: Path):
    said = _estimate_then("5", "vi")
    assert (
        "đã thêm grdp_growth 2026-Q1 = 5 vào observations.csv: cùng số với số ghi nhận 20/04/2026, "
        "trạng thái đổi từ ước tính sang chính thức"
    ) in said, said


def test_a_status_only_revision_is_confirmed_as_a_status_change_in_english(shipped: Path):
    said = _estimate_then("5")
    assert (
        "added grdp_growth 2026-Q1 = 5 to observations.csv: the same figure as the one recorded 2026-04-20, "
        "its status changed from estimate to official"
    ) in said, said
    assert "revising" not in said, said


def test_a_revision_of_figure_and_status_keeps_the_revision_words(shipped: Path):
    said = _estimate_then("5,2", "vi")
    assert "đã thêm grdp_growth 2026-Q1 = 5,2 vào observations.csv, thay cho số 5 (ghi nhận 20/04/2026)" in said


def test_a_revision_of_the_figure_alone_keeps_its_words(shipped: Path):
    _add("grdp_growth", "2026-Q1", "5", "--status", "estimate", "--recorded-at", "2026-04-20T00:00:00Z")
    r = run_clean("add-observation", "grdp_growth", "2026-Q1", "5.2", "--status", "estimate")
    assert "added grdp_growth 2026-Q1 = 5.2 to observations.csv, revising 5 (recorded 2026-04-20)" in r.stderr


def test_the_since_table_says_a_status_only_revision_in_vietnamese(shipped: Path):
    # The Before cell is marked "[1]": its legend names the figure replaced's source (twenty-sixth session).
    _estimate_then("5")
    row = since_row("vi")
    assert "| trạng thái: ước tính → chính thức | 5%\\[1\\] so với cùng kỳ |" in row, row
    assert "điều chỉnh" not in row, row


def test_the_since_table_says_a_status_only_revision_in_english(shipped: Path):
    _estimate_then("5")
    assert "| status: estimate → official | 5%\\[1\\] y/y |" in since_row("en")


def test_the_since_table_keeps_revised_where_the_figure_moved(shipped: Path):
    _estimate_then("5.2")
    assert "| điều chỉnh | 5%\\[1\\] so với cùng kỳ |" in since_row("vi")
    assert "| revised | 5%\\[1\\] y/y |" in since_row("en")


def test_the_since_json_ends_each_row_with_the_previous_status(shipped: Path):
    _estimate_then("5")
    r = run_clean("report", "--format", "json", "--since", "2026-04-25", "--as-of", "2026-06-01")
    (row,) = json.loads(r.stdout)["since"]["observations"]
    assert row["change"] == "revised" and row["status"] == "official", row
    # then "in_force", added after it in the thirty-first session
    assert list(row)[-2] == "previous_status" and row["previous_status"] == "estimate", row


# --- 3. The timing refusal told an officer who typed options to fix "recorded_at" (the
# store's column) and the status "estimate": on the command line it names the options.


def test_a_figure_before_its_period_ended_names_the_options_in_vietnamese(shipped: Path):
    r = run_clean("--lang", "vi", "add-observation", "grdp_growth", "2026-Q1", "5", "--status", "official",
                  "--recorded-at", "2026-03-01T00:00:00Z")  # fmt: skip
    assert r.exit_code == 1, r.output
    assert (
        "ghi nhận ngày 01/03/2026, trước khi kỳ 2026-Q1 kết thúc (31/03/2026), nên chỉ có thể là số ước tính: "
        "hãy ghi --status estimate (ước tính), hoặc sửa --recorded-at thành ngày số liệu được công bố"
    ) in r.stderr, r.stderr
    assert "(recorded_at)" not in r.stderr, r.stderr


def test_a_figure_before_its_period_ended_names_the_options_in_english(shipped: Path):
    r = run_clean("add-observation", "grdp_growth", "2026-Q1", "5", "--status", "official",
                  "--recorded-at", "2026-03-01T00:00:00Z")  # fmt: skip
    assert (
        "so it can only be an estimate: give --status estimate, or set --recorded-at to the day the figure "
        "was published; --force records it as it is"
    ) in r.stderr, r.stderr


def test_a_period_begun_after_the_moment_typed_names_the_option(shipped: Path):
    r = run_clean("--lang", "vi", "add-observation", "grdp_growth", "2026-Q3", "5", "--status", "estimate",
                  "--recorded-at", "2026-03-01T00:00:00Z")  # fmt: skip
    assert "sau thời điểm ghi nhận số liệu (2026-03-01T00:00:00Z); hãy sửa kỳ hoặc --recorded-at;" in r.stderr
    r = run_clean("retract", "grdp_growth", "2025", "--recorded-at", "2024-01-01T00:00:00Z")
    assert "after the figure was recorded (2024-01-01T00:00:00Z); fix the period or --recorded-at" in r.stderr


def test_a_moment_typed_in_the_future_names_the_option(shipped: Path):
    r = run_clean("--lang", "vi", "add-observation", "grdp_growth", "2026-Q1", "5",
                  "--recorded-at", "2099-03-01T00:00:00Z")  # fmt: skip
    assert "--recorded-at 2099-03-01T00:00:00Z: thời điểm này nằm ở tương lai" in r.stderr, r.stderr


def test_an_imported_row_keeps_the_columns_words(shipped: Path):
    Path("in.csv").write_text(
        "indicator,period,value,status,recorded_at\ngrdp_growth,2026-Q1,5,official,2026-03-01T00:00:00Z\n"
    )
    r = run_clean("--lang", "vi", "add-observation", "--from", "in.csv")
    assert "in.csv:2: lỗi:" in r.stderr and "hoặc sửa thời điểm ghi nhận (recorded_at)" in r.stderr, r.stderr


# --- 4. The wait for a held lock was said "2.5 giây": Vietnamese writes a decimal comma.


def test_the_wait_for_a_held_lock_is_said_with_a_decimal_comma(shipped: Path, monkeypatch):
    from helpers import lock_held_by_another_process

    monkeypatch.setenv("QNTRACK_LOCK_TIMEOUT", "0.25")
    with lock_held_by_another_process(shipped / "observations.csv.lock"):
        vi = run_clean("--lang", "vi", "add-observation", "grdp_growth", "2026-Q1", "5", "--status", "estimate")
        en = run_clean("add-observation", "grdp_growth", "2026-Q1", "5", "--status", "estimate")
        with open("observations.csv", "a", encoding="utf-8") as f:
            f.write("grdp_growth,2026-Q")  # a torn last line, for check --repair
        repair = run_clean("--lang", "vi", "check", "--repair")
    assert vi.exit_code == 75, vi.output
    assert "(đã chờ 0,25 giây)" in vi.stderr, vi.stderr
    assert "(waited 0.25 s)" in en.stderr, en.stderr
    assert repair.exit_code == 75 and "(đã chờ 0,25 giây)" in repair.stderr, repair.stderr


# --- 6. A figure typed with its unit's words was told to write "the indicator's unit"
# without naming it; on the command line the indicator is known, and so is its unit.


def test_a_typed_figure_with_words_is_told_the_indicators_unit_in_vietnamese(shipped: Path):
    r = run_clean("--lang", "vi", "add-observation", "fdi", "2026-01", "1,5 tỷ USD")
    assert r.exit_code == 1, r.output
    assert r.stderr == (
        "add-observation: lỗi: '1,5 tỷ USD' có chữ bên cạnh số ('tỷ USD'): hãy chỉ viết số, theo đơn vị tính "
        "khai báo cho chỉ tiêu 'fdi', triệu USD (quy đổi nếu 'tỷ USD' là đơn vị khác); những chữ như 'khoảng', "
        "'trên' hãy ghi bằng --note\n"
    ), r.stderr


def test_a_typed_figure_with_words_is_told_the_indicators_unit_in_english(shipped: Path):
    r = run_clean("add-observation", "fdi", "2026-01", "1.5 billion USD")
    assert r.exit_code == 1, r.output
    assert (
        "'1.5 billion USD' has words beside the figure ('billion USD'): write the figure alone, in million USD, "
        "the unit indicator 'fdi' is declared in (converted, if 'billion USD' is another unit); a word such as "
        "'about' or 'over' goes in --note"
    ) in r.stderr, r.stderr


def test_a_units_figure_with_words_is_told_its_indicators_unit(shipped: Path):
    r = run_clean("--lang", "vi", "add-observation", "budget_revenue", "2025", "khoảng 4.000 tỷ đồng",
                  "--dim", "locality=Hạ Long")  # fmt: skip
    assert "theo đơn vị tính khai báo cho chỉ tiêu 'budget_revenue', tỷ đồng (quy đổi nếu" in r.stderr, r.stderr


def test_an_unknown_indicators_figure_with_words_keeps_the_generic_words(shipped: Path):
    r = run_clean("--lang", "vi", "add-observation", "fdi_x", "2026-01", "1,5 tỷ USD")
    assert r.exit_code == 1, r.output
    assert "hãy chỉ viết số, theo đơn vị tính khai báo cho chỉ tiêu (quy đổi nếu 'tỷ USD'" in r.stderr, r.stderr


def test_an_imported_cell_with_words_names_its_rows_unit(shipped: Path):
    # Pass L1: the row names its indicator, so its unit is told as on the command line.
    Path("in.csv").write_text("indicator,period,value\nfdi,2026-01,1.5 billion USD\n")
    r = run_clean("add-observation", "--from", "in.csv")
    assert "in million USD, the unit indicator 'fdi' is declared in (converted, if 'billion USD'" in r.stderr, r.stderr


# --- The review again (pass V). A per cent sign typed on the command line was told "the
# unit belongs to the indicator" without naming it, as the words beside a figure were.


def test_a_typed_percent_sign_is_told_the_indicators_unit(shipped: Path):
    r = run_clean("--lang", "vi", "add-observation", "grdp_growth", "2026-Q3", "10,5%")
    assert r.exit_code == 1, r.output
    assert r.stderr == (
        "add-observation: lỗi: '10,5%': hãy viết số không kèm '%' (đơn vị tính khai báo cho chỉ tiêu "
        "'grdp_growth' là % so với cùng kỳ)\n"
    ), r.stderr
    r = run_clean("add-observation", "cbct_share", "2026-Q3", "13.2%")
    assert "'13.2%': write the number without '%' (indicator 'cbct_share' is declared in % of GRDP)" in r.stderr


def test_an_imported_percent_sign_names_its_rows_unit(shipped: Path):
    Path("in.csv").write_text("indicator,period,value\ngrdp_growth,2026-Q3,10.5%\n")
    r = run_clean("add-observation", "--from", "in.csv")
    assert "write the number without '%' (indicator 'grdp_growth' is declared in % y/y)" in r.stderr, r.stderr


# A status's name typed without its marks, as on a keyboard with no Vietnamese input
# ("khong dat"), met the plain refusal; it is told its code, as "Không đạt" is.


def test_fail_on_a_status_name_without_its_marks_is_told_its_code(shipped: Path):
    r = run_clean("--lang", "vi", "status", "--fail-on", "khong dat")
    assert r.exit_code == 2, r.output
    assert "'khong dat' là tên hiển thị của mức đánh giá not_achieved;" in r.stderr, r.stderr
    assert "hãy ghi --fail-on not_achieved" in r.stderr, r.stderr
    r = run_clean("--lang", "vi", "status", "--fail-on", "Da dat muc tieu,tien trien tot")
    assert "hãy ghi --fail-on target_achieved,substantial_progress" in r.stderr, r.stderr
    r = run_clean("--lang", "vi", "status", "--fail-on", "deterioration,khong dat")
    assert "'khong dat' là tên hiển thị của mức đánh giá not_achieved;" in r.stderr, r.stderr
    assert "hãy ghi --fail-on deterioration,not_achieved" in r.stderr, r.stderr
