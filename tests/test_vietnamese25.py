"""The six-month review in Vietnamese, as a Quảng Ninh officer does it (issue 17,
twenty-fifth session, pass V): every word a `--lang vi` user meets on the way, in the
reader's words. Each expected sentence is written by hand from the catalog's wording."""

from __future__ import annotations

from pathlib import Path

from helpers import run_clean


def _add(*args: str) -> None:
    r = run_clean("add-observation", *args)
    assert r.exit_code == 0, r.output


# --- 1. `check`'s official-replaced warning named the stored status word ("estimate")
# in a Vietnamese sentence, where every table says "ước tính".


def _official_then_later(status: str) -> None:
    _add("cbct_share", "2024", "12,9", "--status", "official", "--source", "Cục Thống kê",
         "--recorded-at", "2026-04-20T00:00:00Z")  # fmt: skip
    _add("cbct_share", "2024", "13,2", "--status", status, "--source", "Sở Công Thương",
         "--recorded-at", "2026-04-25T00:00:00Z")  # fmt: skip


def test_official_replaced_names_the_estimate_in_vietnamese(shipped: Path):
    _official_then_later("estimate")
    r = run_clean("--lang", "vi", "check")
    said = [line for line in r.output.splitlines() if "thay số chính thức" in line]
    assert len(said) == 1, r.output
    assert "13,2 (ước tính, ghi nhận lúc 2026-04-25T00:00:00Z)" in said[0], said
    assert "estimate," not in said[0], said
    # The command to type keeps the stored words: the shell reads them as they are.
    assert "--status official" in said[0], said


def test_official_replaced_names_a_preliminary_figure_in_vietnamese(shipped: Path):
    _official_then_later("preliminary")
    said = [line for line in run_clean("--lang", "vi", "check").output.splitlines() if "thay số chính thức" in line]
    assert len(said) == 1 and "13,2 (sơ bộ, ghi nhận lúc" in said[0], said


def test_official_replaced_keeps_its_english_words_in_english(shipped: Path):
    _official_then_later("estimate")
    said = [line for line in run_clean("check").output.splitlines() if "replaced an official figure" in line]
    assert len(said) == 1 and "13.2 (estimate, recorded 2026-04-25T00:00:00Z)" in said[0], said


# --- 2. A figure typed again whose stored vintage is no longer in force: "không có gì để
# thêm: ... = 5 (estimate) đã có trong ..." named the stored status word too.


def test_already_recorded_not_in_force_names_the_status_in_vietnamese(shipped: Path):
    _add("grdp_growth", "2024-Q2", "5", "--status", "estimate", "--recorded-at", "2026-04-20T00:00:00Z")
    _add("grdp_growth", "2024-Q2", "6", "--status", "official", "--recorded-at", "2026-04-25T00:00:00Z")
    r = run_clean("--lang", "vi", "add-observation", "grdp_growth", "2024-Q2", "5", "--status", "ước tính",
                  "--recorded-at", "2026-04-20T00:00:00Z")  # fmt: skip
    assert r.exit_code == 0, r.output
    assert "grdp_growth 2024-Q2 = 5 (ước tính) đã có trong observations.csv" in r.output, r.output
    assert "(estimate)" not in r.output, r.output


def _figure_then_retraction() -> None:
    _add("grdp_growth", "2024-Q2", "5", "--status", "estimate", "--recorded-at", "2026-04-20T00:00:00Z")
    r = run_clean("retract", "grdp_growth", "2024-Q2", "--recorded-at", "2026-04-25T00:00:00Z")
    assert r.exit_code == 0, r.output


def test_a_figure_typed_again_after_its_retraction_says_retracted_in_vietnamese(shipped: Path):
    _figure_then_retraction()
    r = run_clean("--lang", "vi", "add-observation", "grdp_growth", "2024-Q2", "5", "--status", "estimate",
                  "--recorded-at", "2026-04-20T00:00:00Z")  # fmt: skip
    assert r.exit_code == 0, r.output
    assert "nhưng đó không phải số liệu đang có hiệu lực (đã rút lại, ghi nhận lúc 2026-04-25T00:00:00Z)" in r.output
    assert "retracted" not in r.output, r.output


def test_an_imported_row_after_its_retraction_says_retracted_in_vietnamese(shipped: Path):
    _figure_then_retraction()
    Path("lai.csv").write_text(
        "indicator,period,value,status,source,note,recorded_at\n"
        "grdp_growth,2024-Q2,5,estimate,,,2026-04-20T00:00:00Z\n",
        encoding="utf-8",
    )
    r = run_clean("--lang", "vi", "add-observation", "--from", "lai.csv")
    assert r.exit_code == 0, r.output
    assert "không phải số liệu đang có hiệu lực (đã rút lại, ghi nhận 2026-04-25T00:00:00Z)" in r.output, r.output
    assert "retracted" not in r.output, r.output


def test_a_retraction_before_a_later_one_names_it_in_vietnamese(shipped: Path):
    _figure_then_retraction()
    r = run_clean("--lang", "vi", "retract", "grdp_growth", "2024-Q2", "--recorded-at", "2026-04-22T00:00:00Z")
    assert r.exit_code == 1, r.output
    assert "sẽ rút 5, nhưng một phiên bản sau (đã rút lại, ghi nhận lúc 2026-04-25T00:00:00Z)" in r.output, r.output
    english = run_clean("retract", "grdp_growth", "2024-Q2", "--recorded-at", "2026-04-22T00:00:00Z")
    assert "(retracted, recorded 2026-04-25T00:00:00Z)" in english.output, english.output


# --- 4. `status --fail-on "Không đạt"`: the status as every Vietnamese table writes it was
# refused as "không có mức đánh giá không đạt" (lower-cased, unquoted: "there is no
# status that is not achieved"), with the codes listed and no word of which was meant.


def test_fail_on_a_status_by_its_vietnamese_name_is_told_its_code(shipped: Path):
    r = run_clean("--lang", "vi", "status", "--fail-on", "Không đạt")
    assert r.exit_code == 2, r.output
    assert (
        "'Không đạt' là tên hiển thị của mức đánh giá not_achieved; --fail-on nhận mã của mức đánh giá:"
        " hãy ghi --fail-on not_achieved"
    ) in r.stderr, r.stderr
    assert r.stdout == "", r.stdout


def test_fail_on_names_in_either_language_and_case_are_told_the_codes_in_order(shipped: Path):
    r = run_clean("--lang", "vi", "status", "--fail-on", "tiến triển hạn chế, Not achieved,deterioration")
    assert r.exit_code == 2, r.output
    assert "hãy ghi --fail-on limited_progress,not_achieved,deterioration" in r.stderr, r.stderr
    english = run_clean("status", "--fail-on", "Not achieved")
    assert english.exit_code == 2
    assert (
        "'Not achieved' is the name of the status not_achieved as tables show it; --fail-on takes the status's"
        " code: write --fail-on not_achieved"
    ) in english.stderr, english.stderr


def test_fail_on_the_awaiting_word_is_told_its_code(shipped: Path):
    r = run_clean("--lang", "vi", "status", "--fail-on", "chờ số liệu")
    assert r.exit_code == 2 and "hãy ghi --fail-on awaiting_figure" in r.stderr, r.stderr


def test_fail_on_an_unknown_word_keeps_the_plain_refusal(shipped: Path):
    r = run_clean("status", "--fail-on", "bad")
    assert r.exit_code == 2 and "unknown status bad; valid:" in r.stderr, r.stderr


# --- 5. `--as-of`'s note of what it left out said "(sau ngày 2026-12-05)" and "đến hết
# ngày 2026-12-05" under a heading "tính đến 05/12/2026": the day qntrack judged by, in
# the reader's form as every other day a Vietnamese message tells (the moment recorded
# stays as stored, ISO, as the store holds it).


def test_history_as_of_says_its_day_as_the_reader_writes_it(shipped: Path):
    _add("grdp_growth", "2024-Q2", "5", "--status", "estimate", "--recorded-at", "2026-04-20T00:00:00Z")
    r = run_clean("--lang", "vi", "history", "grdp_growth", "2024-Q2", "--as-of", "2026-04-19")
    assert r.exit_code == 0, r.output
    assert (
        "1 phiên bản sau của grdp_growth 2024-Q2, ghi nhận lúc 2026-04-20T00:00:00Z (sau ngày 19/04/2026),"
        " không được liệt kê: --as-of chỉ liệt kê những gì đã biết đến hết ngày 19/04/2026 (giờ UTC)"
    ) in r.stderr, r.stderr
    english = run_clean("history", "grdp_growth", "2024-Q2", "--as-of", "2026-04-19")
    assert "recorded 2026-04-20T00:00:00Z (after 2026-04-19)" in english.stderr, english.stderr


def test_status_as_of_says_its_day_as_the_reader_writes_it(shipped: Path):
    _add("grdp_growth", "2024-Q2", "5", "--status", "estimate", "--recorded-at", "2026-04-20T00:00:00Z")
    r = run_clean("--lang", "vi", "status", "--as-of", "2026-04-19", "--format", "json")
    assert r.exit_code == 0, r.output
    assert "ghi nhận sau ngày 19/04/2026 (lúc 2026-04-20T00:00:00Z:" in r.stderr, r.stderr
    assert "đến hết ngày 19/04/2026 (giờ UTC)" in r.stderr, r.stderr
    assert "2026-04-19 " not in r.stderr and "2026-04-19)" not in r.stderr, r.stderr
