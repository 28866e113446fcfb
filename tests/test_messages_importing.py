"""importing.py's messages (add-observation --from) in the language the user chose, and
the same English as before: a Vietnamese statistics officer reads why a file was refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from qntrack.cli import app
from qntrack.files.figures import _IN_PERIOD, parse_number_cell, parse_typed_number
from qntrack.catalog import Message, catalog, render

runner = CliRunner()


def _import(folder: Path, content: bytes, *options: str):
    (folder / "in.csv").write_bytes(content)
    return runner.invoke(app, ["add-observation", "--from", "in.csv", *options])


def test_excel_dates_and_number_conventions_in_vietnamese(tracker: Path):
    before = (tracker / "observations.csv").read_bytes()
    r = _import(
        tracker,
        "indicator;period;value\nshare;01/04/2025;12,5\nshare;2024;1.234\nshare;2023;12%\nshare;2022;12.5\n".encode(),
        "--lang",
        "vi",
    )
    assert r.exit_code == 1
    assert r.stderr.splitlines() == [
        "in.csv:2: lỗi: '01/04/2025' là một ngày: Excel đã tự đổi kỳ (có lẽ là 2025-04) thành ngày tháng; hãy định "
        "dạng cột kỳ là Text (Văn bản) trước khi gõ hoặc dán kỳ, hoặc viết kỳ dạng 2025-04 trong ô định dạng Text",
        "in.csv:3: lỗi: '1.234' có thể hiểu hai cách: 1234 nếu dấu chấm phân cách hàng nghìn, hoặc 1.234 nếu dấu chấm "
        "là dấu thập phân; hãy chỉ rõ bằng --decimal-comma (dấu chấm phân cách hàng nghìn) hoặc --decimal-point",
        "in.csv:4: lỗi: '12%': hãy viết số không kèm '%' (đơn vị tính khai báo cho chỉ tiêu 'share' là %)",
        "in.csv:5: lỗi: '12.5' được viết với dấu chấm thập phân (1234.5), nhưng tệp này được đọc với dấu phẩy thập "
        "phân (1234,5); nếu cả tệp viết theo cách đó, hãy dùng --decimal-point",
        "4 lỗi, 0 cảnh báo",
    ]
    assert (tracker / "observations.csv").read_bytes() == before


def test_the_same_file_in_english_as_before(tracker: Path):
    # (no '12,5' here: a decimal comma in the file would make '1.234' 1234, not ambiguous)
    r = _import(tracker, b"indicator;period;value\nshare;01/04/2025;12\nshare;2024;1.234\n")
    assert r.exit_code == 1
    assert r.stderr.splitlines()[:2] == [
        "in.csv:2: error: '01/04/2025' is a date: Excel turned the period (probably 2025-04) into a date; format the "
        "period column as Text before typing or pasting periods, or write it as 2025-04 in a Text cell",
        "in.csv:3: error: '1.234' is ambiguous: 1234 with a thousands separator, or 1.234 with a decimal point; say "
        "which with --decimal-comma (thousands separator) or --decimal-point",
    ]


def test_a_wide_tables_problems_name_the_period_in_vietnamese(tracker: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("QNTRACK_LANG", "vi")
    r = _import(tracker, b"indicator,2021,2022,Apr-25\nshare,1.234,abc,1\n", "--wide")
    assert r.exit_code == 1
    assert r.stderr.splitlines()[0] == (
        "in.csv:1: lỗi: cột 4: 'Apr-25' là một ngày: Excel đã tự đổi kỳ (có lẽ là 2025-04) thành ngày tháng; hãy "
        "định dạng các ô tiêu đề kỳ là Text (Văn bản) trước khi gõ hoặc dán kỳ, hoặc viết kỳ dạng 2025-04 trong ô "
        "định dạng Text"
    )
    r = _import(tracker, b"indicator,2021,2022\nshare,1.5,abc\n", "--wide")
    assert r.stderr == "in.csv:2: lỗi: kỳ 2022: 'abc' không phải là số; hãy viết một số, ví dụ 1234.5\n"
    monkeypatch.delenv("QNTRACK_LANG")
    r = _import(tracker, b"indicator,2021,2022\nshare,1.5,abc\n", "--wide")
    assert r.stderr == "in.csv:2: error: period 2022: 'abc' is not a number; write e.g. 1234.5\n"


def test_no_figure_in_a_wide_table_means_an_empty_cell(tracker: Path):
    # Leaving the row out would drop the indicator's other periods; an empty cell is skipped.
    r = _import(tracker, b"indicator,2021,2022\nshare,1.5,#N/A\n", "--wide")
    assert r.stderr == (
        "in.csv:2: error: period 2022: '#N/A' is an error value a spreadsheet shows where a formula gave no figure, not a figure: correct the formula and save the file again, or leave the cell empty if there is no figure\n"
    )
    r = _import(tracker, b"indicator,2021,2022\nshare,1.5,#N/A\n", "--wide", "--lang", "vi")
    assert r.stderr == (
        "in.csv:2: lỗi: kỳ 2022: '#N/A' là giá trị lỗi mà bảng tính hiện khi công thức không cho ra số liệu, không phải số liệu: hãy sửa công thức rồi lưu lại tệp; nếu chưa có số liệu, hãy để trống ô này\n"
    )
    r = _import(tracker, b"indicator,2021,2022\nshare,1.5,\n", "--wide")
    assert r.exit_code == 0


def test_header_and_table_problems_in_vietnamese(tracker: Path):
    # An unnamed column between named ones (one after them all is a spreadsheet's padding,
    # passed over: test_import_vietnamese.py).
    r = _import(tracker, b"indicatr,period,,valeu\n", "--lang", "vi")
    assert r.stderr.splitlines() == [
        "in.csv:1: lỗi: không có cột 'indicatr'; có phải ý bạn là 'indicator'? (hợp lệ: indicator, period, value, "
        "status, source, note, recorded_at)",
        "in.csv:1: lỗi: cột thứ 3 không có tên: hãy đặt tên cho cột, hoặc xóa cột đó (hợp lệ: indicator, period, value, "
        "status, source, note, recorded_at)",
        "in.csv:1: lỗi: không có cột 'valeu'; có phải ý bạn là 'value'? (hợp lệ: indicator, period, value, status, "
        "source, note, recorded_at)",
        "in.csv:1: lỗi: dòng tiêu đề cần có indicator, value (đang có: indicatr, period, '', valeu)",
        "4 lỗi, 0 cảnh báo",
    ]
    r = _import(
        tracker,
        b'indicator,period,value\nshare,2021,"1\n2"\nshare,2022,3,4,5\nshare,2023,1\nshare,2023,2\n',
        "--lang",
        "vi",
    )
    assert r.stderr.splitlines() == [
        "in.csv:2: lỗi: một ô trong ngoặc kép kéo dài từ dòng 2 đến dòng 3: ô có chứa dấu xuống dòng (Alt+Enter "
        "trong Excel), hoặc thiếu dấu ngoặc kép đóng; mỗi ô phải nằm trên một dòng: hãy bỏ dấu xuống dòng",
        "in.csv:4: lỗi: cần 3 ô như dòng tiêu đề, nhưng có 5 ô; trong tệp phân cách bằng dấu phẩy, số có dấu phẩy "
        "thập phân phải đặt trong ngoặc kép (\"3,13\"), hoặc hãy lưu tệp với dấu ';'",
        "in.csv:6: lỗi: share kỳ 2023 đã có ở dòng 5; hãy giữ một dòng, hoặc ghi thời điểm ghi nhận (recorded_at) "
        "riêng cho mỗi lần công bố",
        "3 lỗi, 0 cảnh báo",
    ]


def test_files_that_cannot_be_read_in_vietnamese(tracker: Path):
    r = runner.invoke(app, ["add-observation", "--from", "nope.csv", "--lang", "vi"])
    assert (r.exit_code, r.stderr) == (1, "nope.csv: lỗi: không tìm thấy tệp\n")
    r = _import(tracker, b"indicator,period,value\nshare,2021,caf\xe9\n", "--lang", "vi")
    assert r.stderr == (
        "in.csv:2: lỗi: không phải văn bản UTF-8 (có thể là bảng mã phương Tây, Windows-1252 hoặc Mac OS "
        "Roman, vốn không chứa được phần lớn chữ tiếng Việt, hoặc Windows-1258 hay TCVN3/ABC, các bảng mã "
        "tiếng Việt cũ); hãy lưu lại từ tệp gốc với bảng mã UTF-8 (Excel: CSV UTF-8 (Comma delimited); "
        'LibreOffice Calc: Text CSV, "Edit filter settings", bảng mã "Unicode (UTF-8)"; Numbers: File > '
        'Export To > CSV..., Advanced Options, Text Encoding "Unicode (UTF-8)") rồi nhập tệp đó\n'
    )
    r = _import(tracker, b"PK\x03\x04\x00\x00", "--lang", "vi")
    assert r.stderr == (
        "in.csv: lỗi: là tệp nhị phân, không phải văn bản CSV hoặc TSV (có phải tệp .xlsx không? hãy "
        "lưu lại dưới dạng CSV UTF-8)\n"
    )


def test_numbers_typed_on_the_command_line_carry_their_message():
    """The CLI shows them (cli.py passes str(exc) today: English)."""
    with pytest.raises(ValueError) as caught:
        parse_typed_number("1,234", None)
    said = caught.value.args[0]
    assert isinstance(said, Message)
    assert str(caught.value) == (
        "'1,234' is ambiguous: 1234 with a thousands separator, or 1.234 with a decimal "
        "comma; write 1234 for the first, or say how figures are written: --lang en reads it "
        "as 1234, --lang vi as 1.234"
    )
    assert render(said, "vi") == (
        "'1,234' có thể hiểu hai cách: 1234 nếu dấu phẩy phân cách hàng nghìn, hoặc 1.234 "
        "nếu dấu phẩy là dấu thập phân; hãy viết 1234 nếu là cách thứ nhất, hoặc cho biết cách viết "
        "số: --lang en đọc là 1234, --lang vi đọc là 1.234"
    )
    with pytest.raises(ValueError) as caught:
        parse_typed_number("1e999", "vi")
    assert render(caught.value.args[0], "vi") == (
        "'1e999' không phải là một số hữu hạn: lớn hơn khoảng 1,8 × 10^308, quá lớn để lưu được dưới dạng số; "
        "hãy ghi theo một đơn vị tính lớn hơn"
    )
    with pytest.raises(ValueError) as caught:
        parse_number_cell("", True, True)
    assert render(caught.value.args[0], "vi") == "giá trị để trống; nếu chưa có số liệu, hãy bỏ dòng này"


def test_every_id_built_without_msg_is_in_both_catalogs():
    # in_period() and _within() build Messages without msg(), which tests/test_messages.py looks for.
    en, vi = catalog("en"), catalog("vi")
    for plain, in_period in _IN_PERIOD.items():
        assert plain in en and in_period in en and in_period in vi
        # A wide table's cell is left empty, not its row left out (what to do differs).
        if plain not in ("import_value_no_figure", "import_value_excel_error", "import_value_empty"):
            assert en[in_period] == "period {period}: " + en[plain]
        assert vi[in_period].startswith("kỳ {period}: ")
    for key in ("import_in_period", "import_column_not_period"):
        assert "{problem}" in en[key] and "{problem}" in vi[key]
