"""Issue 17, forty-fourth session, helper V: a Quảng Ninh planning officer, a native reader
of Vietnamese, reads every message added since the last Vietnamese review (b5bde284) and
the commands' Vietnamese output, as an editor of a Nghị quyết or a báo cáo sơ kết would.

1. "bằng 30% kế hoạch năm sau 50% thời gian": read as Vietnamese, "kế hoạch năm sau" is
   "next year's plan". A six-month review said the first half reached 30% of the *next*
   year's plan. Now "bằng 30% kế hoạch năm, khi đã qua 50% thời gian" (and the same for a
   plan of another period).
2. The catalog calls a target "mục tiêu" and an indicator "chỉ tiêu" (the `targets` and
   `indicators` tables, every report). The Excel report's note under the headline and the
   Python API's argument errors said "chỉ tiêu" for a target: "hãy tìm chỉ tiêu theo tên"
   on a sheet listing targets, "không phải mã của một chỉ tiêu" for a target id.
3. A terminal is "cửa sổ dòng lệnh" in most messages and "cửa sổ lệnh" in seven.
4. A baseline is "giá trị gốc" (show's "Giá trị gốc" row, the report's key figures, check's
   milestone messages), but check's per-unit baseline warning and its rule said "số gốc".
5. The series-crosses-zero reason broke its grammar around the filled-in target: "so tốc
   độ tăng đạt được với tốc độ mục tiêu (50 tỷ đồng vào năm 2030) cần, không có câu trả
   lời cho chuỗi này" (a verb left dangling after the bracket, and "không có câu trả lời"
   is a calque of "has no answer").
6. --dim's form is "CHIỀU=ĐƠN_VỊ" in every Vietnamese message but the finer-units hint's
   "CHIỀU=TÊN".

Expected texts are written out here by hand, as an officer would want to read them."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_tracker
from helpers import run_clean
from qntrack.catalog import catalog

# 1. A flow plan read part-way through its year.

_PLAN = """\
version: 1
indicators:
  fdi:
    name: {en: FDI, vi: Vốn FDI}
    unit: {en: million USD, vi: triệu USD}
    measure: flow
    frequency: month
  bal:
    name: {en: Balance, vi: Cán cân}
    unit: {en: billion VND, vi: tỷ đồng}
    measure: level
    frequency: year
targets:
  - id: fdi-2025
    type: plan
    indicator: fdi
    period: 2025
    value: 1000
  - id: fdi-h1
    type: plan
    indicator: fdi
    period: 2025-H1
    value: 600
  - id: bal-sdg
    type: open_sdg
    indicator: bal
    base_year: 2015
    target: 50
    target_year: 2030
"""
_FIGURES = """\
indicator,period,value,status,source,note,recorded_at
fdi,2025-Q1,300,estimate,src,,2025-04-05T00:00:00Z
bal,2015,-20,official,GSO,,2016-01-05T00:00:00Z
bal,2020,10,official,GSO,,2021-01-05T00:00:00Z
"""


def _shown(target: str) -> str:
    r = run_clean("show", target, "--lang", "vi", env={"COLUMNS": "200"})
    assert r.exit_code == 0, r.stderr
    return " ".join(r.stdout.split())


def test_a_year_to_date_share_is_not_next_years_plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """2025-Q1 300 of an annual plan of 1,000: 30% after 3 of 12 months, 25% of the time."""
    make_tracker(tmp_path, monkeypatch, _PLAN, _FIGURES)
    said = _shown("fdi-2025")
    assert "Quý I/2025: 300 triệu USD, bằng 30% kế hoạch năm, khi đã qua 25% thời gian." in said, said
    assert "kế hoạch năm sau" not in said


def test_a_period_plans_share_says_the_time_gone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """2025-Q1 300 of a first-half plan of 600: 50% after 3 of 6 months, 50% of the time."""
    make_tracker(tmp_path, monkeypatch, _PLAN, _FIGURES)
    said = _shown("fdi-h1")
    assert "bằng 50% kế hoạch 6 tháng đầu năm 2025, khi đã qua 50% thời gian của kỳ." in said, said


def test_the_series_across_zero_reason_reads_as_one_sentence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """From -20 (2015) to 10 (2020): the series crosses zero; the target 50 by 2030."""
    make_tracker(tmp_path, monkeypatch, _PLAN, _FIGURES)
    said = _shown("bal-sdg")
    assert (
        "Chưa đánh giá: chuỗi số liệu đổi dấu qua số 0, từ -20 tỷ đồng năm 2015 đến 10 tỷ đồng năm 2020,"
        " nên tốc độ tăng không có nghĩa: thước đo của Open SDG (so tốc độ tăng đạt được với tốc độ tăng"
        " cần có để đạt 50 tỷ đồng vào năm 2030) không áp dụng được cho chuỗi này."
    ) in said, said


# 2-4, 6. One word for one thing across the catalog.

_VI = catalog("vi")


@pytest.mark.parametrize(
    "key",
    [
        "xlsx_headline_links_note",
        "library_target_ids_empty",
        "library_assessments_type",
        "library_assessment_type",
        "library_known_after",
        "library_target_id_type",
        "library_target_type",
        "library_rows_type",
        "library_rows_item_type",
        "library_rows_other_series",
    ],
)
def test_a_target_is_a_muc_tieu(key: str) -> None:
    """Each of these English messages speaks of targets and of no indicator."""
    assert "target" in catalog("en")[key].lower() and "indicator" not in catalog("en")[key].lower()
    assert "mục tiêu" in _VI[key] and "chỉ tiêu" not in _VI[key], _VI[key]


def test_the_headline_note_of_the_workbook() -> None:
    assert _VI["xlsx_headline_links_note"] == (
        "Các tên dẫn tới dòng của trang Tổng hợp theo thứ tự của báo cáo: nếu đã sắp xếp lại trang Tổng hợp,"
        " hãy tìm mục tiêu theo tên."
    )


def test_a_terminal_is_one_word() -> None:
    odd = sorted(k for k, v in _VI.items() if "cửa sổ lệnh" in v)
    assert odd == []
    assert "đang đọc các dòng số liệu từ cửa sổ dòng lệnh:" in _VI["cli_rows_from_terminal"]


def test_a_baseline_is_a_gia_tri_goc() -> None:
    odd = sorted(k for k, v in _VI.items() if "số gốc" in v)
    assert odd == []
    assert "từ giá trị gốc ghi cho toàn bộ" in _VI["checks_unit_baseline"]


def test_the_dim_form_is_one_form() -> None:
    assert _VI["s42x_finer_units_one"] == "--dim {dim}=ĐƠN_VỊ"
    assert _VI["s42x_finer_units_more"] == "--dim CHIỀU=ĐƠN_VỊ cho mỗi chiều {dims}"
    assert not [k for k, v in _VI.items() if "=TÊN" in v]


# 7. A part-year reading left out of a rate's plan: "số liệu giữa kỳ", "quý đầu" and "được
# đánh giá theo" beside its sibling sentences' "chưa đủ", "quý I" (every period the tool
# writes) and "được đọc theo số liệu".

_RATE = """\
version: 1
indicators:
  growth:
    name: {en: Growth, vi: Tăng trưởng}
    unit: {en: "% y/y", vi: "% so với cùng kỳ"}
    measure: rate
    frequency: quarter
targets:
  - id: growth-2025
    type: plan
    indicator: growth
    period: 2025
    value: 8
"""
_RATE_FIGURES = """\
indicator,period,value,status,source,note,recorded_at
growth,2025-Q1,7,estimate,src,,2025-04-05T00:00:00Z
growth,2025-Q2,7.5,estimate,src,,2025-07-05T00:00:00Z
"""


def test_a_later_quarter_of_a_rate_is_said_in_the_catalogs_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_tracker(tmp_path, monkeypatch, _RATE, _RATE_FIGURES)
    said = _shown("growth-2025")
    assert (
        "Quý II/2025 (7,5% so với cùng kỳ) đã được ghi nhận nhưng không được tính: số liệu chưa đủ kỳ của một"
        " chỉ tiêu mức hoặc tốc độ tăng được tính cho các tháng từ đầu kỳ (quý I, 6 tháng, 9 tháng đầu năm),"
        " nên năm 2025 được đọc theo số liệu quý I/2025."
    ) in said, said


# 8. Two check messages whose Vietnamese did not read as Vietnamese: "hoặc không cách nào"
# (English "or neither", word for word) and "không còn trường hợp nào trong 2025 là mức
# trần bằng 0" (a subject missing: none *of what*).

_SIGN = """\
version: 1
indicators:
  poor:
    name: {en: Poor households, vi: Hộ nghèo}
    unit: {en: "% of households", vi: "phần trăm hộ"}
"""


def test_the_percent_sign_advice_says_both_or_neither(tmp_path: Path) -> None:
    plan = tmp_path / "targets.yaml"
    plan.write_text(_SIGN, encoding="utf-8")
    r = run_clean("--lang", "vi", "check", "--targets", str(plan))
    assert r.exit_code == 1
    assert (
        'hãy cho cả hai cách viết đơn vị cùng bắt đầu bằng "%" (ví dụ {en: "% of households", vi: "% hộ gia đình"})'
        ' hoặc cùng không bắt đầu bằng "%"'
    ) in r.stderr, r.stderr


def test_a_ceiling_of_zero_names_what_there_is_none_of() -> None:
    assert (
        "với chỉ tiêu càng thấp càng tốt, việc không để xảy ra trường hợp nào trong kỳ {period} là một mức trần"
        " bằng 0 cho kỳ đó:"
    ) in _VI["definitions_plan_zero_ceiling"]


# 9. An Open SDG repository's data files (data/indicator_*.csv) are "tệp dữ liệu" in most
# messages, beside "tệp siêu dữ liệu" for its meta/ files; six said "tệp số liệu", the
# catalog's word for qntrack's own observations file, so "không có tệp số liệu" read as
# "the tracker has no observations file".


def test_an_open_sdg_data_file_is_a_tep_du_lieu() -> None:
    en = catalog("en")
    odd = sorted(k for k, v in _VI.items() if "data file" in en.get(k, "") and "tệp số liệu" in v)
    assert odd == []
    assert _VI["s42l_opensdg_meta_only"].startswith("{count} tệp siêu dữ liệu ({pattern}) và không có tệp dữ liệu nào:")


# 10. The many-readings form of 7, in the report's summary note, where the indicator's name
# comes before the period: "Từ Tăng trưởng tháng 4/2025 đến quý II/2025" ("From Growth
# April 2025 to Q2 2025"). The name now stands before "từ", as Vietnamese places it.

_MONTHLY = _RATE.replace("frequency: quarter", "frequency: month")
_MONTHLY_FIGURES = """\
indicator,period,value,status,source,note,recorded_at
growth,2025-Q1,7,estimate,src,,2025-04-05T00:00:00Z
growth,2025-04,7.2,estimate,src,,2025-05-05T00:00:00Z
growth,2025-05,7.4,estimate,src,,2025-06-05T00:00:00Z
growth,2025-Q2,7.5,estimate,src,,2025-07-05T00:00:00Z
"""
_MANY_REST = (
    " (3 số, mới nhất là 7,5% so với cùng kỳ) đã được ghi nhận nhưng không được tính: số liệu chưa đủ kỳ của"
    " một chỉ tiêu mức hoặc tốc độ tăng được tính cho các tháng từ đầu kỳ (quý I, 6 tháng, 9 tháng đầu năm),"
    " nên năm 2025 được đọc theo số liệu quý I/2025."
)


def test_many_later_readings_in_show(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_tracker(tmp_path, monkeypatch, _MONTHLY, _MONTHLY_FIGURES)
    said = _shown("growth-2025")
    assert "Số liệu từ tháng 4/2025 đến quý II/2025" + _MANY_REST in said, said


def test_many_later_readings_in_the_reports_note(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_tracker(tmp_path, monkeypatch, _MONTHLY, _MONTHLY_FIGURES)
    r = run_clean("report", "--lang", "vi", "-o", "r.md")
    assert r.exit_code == 0, r.stderr
    text = " ".join((tmp_path / "r.md").read_text(encoding="utf-8").split())
    assert "Số liệu Tăng trưởng từ tháng 4/2025 đến quý II/2025" + _MANY_REST in text, text
    assert "Từ Tăng trưởng" not in text


# 11. An Open SDG progress option is "tùy chọn tiến độ" in four messages and was "phương án
# tiến độ" in the export's warning on targets judged unit by unit.


def test_an_open_sdg_progress_option_is_one_word() -> None:
    assert sorted(k for k, v in _VI.items() if "phương án tiến độ" in v) == []
    assert "mỗi tùy chọn tiến độ của Open SDG chỉ đánh giá một chuỗi số liệu" in _VI["s42x_opensdg_units_not_written"]


# 12. A cell of the observations file is "ô" in check's rule ("bảy ô") and in every import
# message ("cần 4 ô như dòng tiêu đề"), and was "trường" in the store's three field-count
# errors: a row of the same file counted in two words.


def test_a_stored_rows_cells_are_o(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_tracker(tmp_path, monkeypatch, _RATE, _RATE_FIGURES + "growth,2025-Q3,10,5,estimate,,,2025-10-05T00:00:00Z\n")
    r = run_clean("--lang", "vi", "check")
    assert r.exit_code == 1
    assert (
        "observations.csv:4: lỗi: cần 7 ô, nhưng có 8: '10,5' là số viết với dấu phẩy thập phân, làm số bị tách"
        " làm hai ở đây; hãy viết 10.5 (tệp số liệu ghi số với dấu chấm thập phân)"
    ) in r.stderr, r.stderr
    assert sorted(k for k, v in _VI.items() if k.startswith("store_field_count") and "trường" in v) == []
