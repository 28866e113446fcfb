"""Messages of the store, its files and the workspace in the user's language (issue 12,
"Error and warning messages follow --lang"): each kind of message once in Vietnamese, by
--lang and by QNTRACK_LANG, and the English as it always was."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from helpers import run_clean as run
from qntrack.catalog import Message
from qntrack.plan.periods import parse_period
from qntrack.files.rules import recorded_at as normalise_timestamp
from qntrack.files.rules import number as parse_value
from qntrack.files.store import parse_store, said
from qntrack.method.timing import parse_zone, timing_problems
from conftest import STORE_HEADER


HEADER = STORE_HEADER


def append(folder: Path, line: str) -> None:
    with open(folder / "observations.csv", "a", encoding="utf-8") as fh:
        fh.write(line)


# --- store.py: a row that is wrong, the file as a whole, the lock ---------------------------


def test_a_bad_value_in_the_store_is_said_in_vietnamese(tracker: Path):
    append(tracker, "share,2024,abc,estimate,s,,2025-01-10T00:00:00Z\n")
    vi = run("status", "--lang", "vi", "--format", "json")
    assert vi.exit_code == 1
    assert vi.stderr == "observations.csv:8: lỗi: 'abc' không phải là số; hãy viết số thập phân như 10.28\n"
    en = run("status", "--format", "json")
    assert en.exit_code == 1
    assert en.stderr == "observations.csv:8: error: 'abc' is not a number; write a decimal like 10.28\n"


def test_qntrack_lang_chooses_vietnamese_too(tracker: Path):
    append(tracker, "share,2024,1,nonsense,s,,2025-01-10T00:00:00Z\n")
    r = run("status", "--format", "json", env={"QNTRACK_LANG": "vi"})
    assert r.exit_code == 1
    assert r.stderr == (
        "observations.csv:8: lỗi: loại số liệu (status) 'nonsense' không hợp lệ; tệp số liệu chỉ nhận: (để trống), estimate, preliminary, official\n"
    )


def test_a_torn_last_row_and_a_timestamp_without_zone_in_vietnamese(tracker: Path):
    append(tracker, 'share,2024,1,estimate,s,,2025-01-10T09:00:00\nshare,2024,"1')
    r = run("status", "--lang", "vi", "--format", "json")
    assert r.exit_code == 1
    assert "observations.csv:8: lỗi: '2025-01-10T09:00:00' không có múi giờ;" in r.stderr
    # The one wording of a torn last row, as `check` says it too.
    assert (
        "observations.csv:9: lỗi: dòng cuối chưa hoàn chỉnh (tệp không kết thúc bằng ký tự xuống dòng: một "
        "lần ghi đã bị ngắt); các dòng trước đó vẫn nguyên vẹn; hãy chạy 'qntrack check --repair'"
    ) in r.stderr
    assert r.stderr.endswith("2 lỗi, 0 cảnh báo\n")


def test_a_header_with_a_missing_column(tracker: Path):
    (tracker / "observations.csv").write_text("indicator,period,value,status,source,recorded_at\n", encoding="utf-8")
    vi = run("status", "--lang", "vi", "--format", "json")
    assert vi.stderr == (
        "observations.csv:1: lỗi: dòng tiêu đề phải là indicator,period,value,status,source,note,"
        "recorded_at (thiếu note)\n"
    )
    en = run("status", "--format", "json")
    assert en.stderr == (
        "observations.csv:1: error: the header must be indicator,period,value,status,source,note,"
        "recorded_at (missing note)\n"
    )


def test_a_lock_timeout_that_is_not_a_number(tracker: Path):
    r = run("add-observation", "share", "2024", "13", "--lang", "vi", env={"QNTRACK_LOCK_TIMEOUT": "soon"})
    assert r.exit_code == 2
    assert r.stderr == "QNTRACK_LOCK_TIMEOUT: lỗi: 'soon' không phải là số giây, ví dụ 30\n"
    assert (tracker / "observations.csv").read_text(encoding="utf-8").count("\n") == 7


def test_the_fast_and_the_general_reader_give_the_same_messages():
    """The fast reader (plain file) and the general one (a file with CRLF line ends) carry
    the same Messages, rendered the same in both languages."""
    rows = [
        "x,2024,abc,,s,,2025-01-10T00:00:00Z",
        "x,2024,1,bad,s,,2025-01-10T00:00:00Z",
        ",2024,1,,s,,2025-01-10T00:00:00Z",
        "x,2024,1,,s,2025-01-10T00:00:00Z",
    ]
    fast = parse_store((HEADER + "\n".join(rows) + "\n").encode(), "o.csv").problems
    general = parse_store((HEADER + "\r\n".join(rows) + "\r\n").encode(), "o.csv").problems
    assert all(isinstance(p.message, Message) for p in fast)
    for lang in ("en", "vi"):
        assert [p.text(lang) for p in fast] == [p.text(lang) for p in general]
    assert [p.text("vi") for p in fast][2:] == [
        "o.csv:4: lỗi: chỉ tiêu bị để trống",
        "o.csv:5: lỗi: cần 7 ô (indicator,period,value,status,source,note,recorded_at), nhưng có 6",
    ]


def test_exceptions_carry_the_message_and_say_english_as_text():
    with pytest.raises(ValueError) as caught:
        parse_value("1,5")
    assert (
        str(caught.value) == "'1,5' is not a number; use a decimal point and no thousands separator, e.g. 3130 or 10.28"
    )
    assert said(caught.value).text("vi").startswith("'1,5' không phải là số; hãy dùng dấu chấm thập phân")
    with pytest.raises(ValueError) as caught:
        normalise_timestamp("yesterday")
    assert said(caught.value).text("vi") == (
        "'yesterday' không phải là thời điểm theo ISO 8601; hãy viết như 2023-11-27T09:00:00Z hoặc 2023-11-27"
    )
    assert said(ValueError("plain")) == "plain"


# --- timing.py ----------------------------------------------------------------------------


def test_timing_messages_are_messages():
    ((kind, message),) = timing_problems(parse_period("2025"), "2206-01-07T00:00:00Z", "", "2026-12-01T00:00:00Z")
    assert (
        str(message) == "recorded_at 2206-01-07T00:00:00Z is in the future (now: 2026-12-01T00:00:00Z); check the year"
    )
    assert message.text("vi") == (
        "thời điểm ghi nhận 2206-01-07T00:00:00Z nằm ở tương lai (bây giờ: 2026-12-01T00:00:00Z); hãy kiểm tra lại năm"
    )
    with pytest.raises(ValueError) as caught:
        parse_zone("+25:00")
    assert str(caught.value).startswith("'+25:00' is not a time zone (offsets run from -14:00 to +14:00)")
    assert said(caught.value).text("vi").startswith("'+25:00' không phải là múi giờ (độ lệch từ -14:00 đến +14:00)")


def test_a_figure_recorded_in_the_future_is_refused_in_vietnamese(tracker: Path):
    before = (tracker / "observations.csv").read_bytes()
    r = run("add-observation", "share", "2024", "13", "--recorded-at", "2206-01-07", "--lang", "vi")
    assert r.exit_code == 1
    assert "lỗi: --recorded-at 2206-01-07T00:00:00Z: thời điểm này nằm ở tương lai" in r.stderr
    assert (tracker / "observations.csv").read_bytes() == before


# --- textfiles.py ---------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_fifo_as_targets_file_in_vietnamese(tracker: Path):
    os.mkfifo(tracker / "plan.yaml")
    vi = run("status", "--targets", "plan.yaml", "--lang", "vi")
    assert vi.exit_code == 1
    assert vi.stderr == (
        "plan.yaml: lỗi: tệp mục tiêu là một đường ống có tên (FIFO), không phải tệp thông thường; "
        "hãy đưa đường dẫn của một tệp thông thường\n"
    )
    en = run("status", "--targets", "plan.yaml")
    assert en.stderr == (
        "plan.yaml: error: targets file is a named pipe (FIFO), not a regular file; give the path of an ordinary file\n"
    )


def test_a_binary_store_and_a_targets_file_not_found(tracker: Path):
    (tracker / "observations.csv").write_bytes(HEADER.encode() + b"\x00\x01")
    r = run("status", "--lang", "vi", "--format", "json")
    assert r.stderr == "observations.csv: lỗi: tệp số liệu là tệp nhị phân, không phải văn bản CSV\n"
    r = run("status", "--targets", "nowhere.yaml", "--lang", "vi")
    assert r.exit_code == 1 and r.stderr == "nowhere.yaml: lỗi: không tìm thấy tệp mục tiêu\n"


# --- workspace.py, series.py, cache.py --------------------------------------------------------


def test_no_targets_yaml_anywhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("QNTRACK_TARGETS", raising=False)
    r = run("status", "--lang", "vi")
    assert r.exit_code == 1
    assert r.stderr.startswith("targets.yaml: lỗi: không có targets.yaml ở thư mục này hay bất kỳ thư mục cha nào;")


def test_the_store_named_as_a_folder(tracker: Path):
    text = (tracker / "targets.yaml").read_text(encoding="utf-8")
    (tracker / "targets.yaml").write_text(text + "observations: data\n", encoding="utf-8")
    (tracker / "data").mkdir()
    r = run("status", "--lang", "vi")
    assert r.exit_code == 1
    assert r.stderr == (
        "targets.yaml:24:15: lỗi: 'observations: data' trỏ tới một thư mục; hãy ghi tên tệp CSV, "
        "ví dụ observations: data/observations.csv\n"
    )


def test_rows_of_an_unknown_indicator_warned_of_in_vietnamese_cold_and_cached(
    tracker: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.delenv("QNTRACK_NO_CACHE", raising=False)
    append(tracker, "shar,2024,13,estimate,s,,2025-01-10T00:00:00Z\nzzz,2024,1,,s,,2025-01-10T00:00:00Z\n")
    vi = (
        "observations.csv: cảnh báo: 1 dòng số liệu của chỉ tiêu 'shar' mà targets.yaml không định nghĩa "
        "(có phải ý bạn là 'share'?); các dòng này bị bỏ qua"
        '; nếu chỉ tiêu đã đổi mã, `qntrack docs targets-format` (mục "Changing the plan") hướng dẫn cách chuyển số liệu sang mã mới\n'
        "observations.csv: cảnh báo: 1 dòng số liệu của chỉ tiêu 'zzz' mà targets.yaml không định nghĩa; "
        "các dòng này bị bỏ qua"
        '; nếu chỉ tiêu đã đổi mã, `qntrack docs targets-format` (mục "Changing the plan") hướng dẫn cách chuyển số liệu sang mã mới\n'
        "0 lỗi, 2 cảnh báo\n"
    )
    cold = run("status", "--format", "json", "--lang", "vi", env={"QNTRACK_NO_CACHE": "1"})
    first = run("status", "--format", "json", "--lang", "vi")
    warm = run("status", "--format", "json", "--lang", "vi")
    assert cold.exit_code == first.exit_code == warm.exit_code == 0
    assert cold.stderr == first.stderr == warm.stderr == vi
    en = run("status", "--format", "json")
    assert en.stderr.startswith(
        "observations.csv: warning: 1 row(s) for indicator 'shar', which targets.yaml "
        "does not define (did you mean 'share'?); they are ignored"
        '; if it was renamed, `qntrack docs targets-format` ("Changing the plan") says how to carry its figures over\n'
    )


RATIO = """\
version: 1
title: "Ratio"
indicators:
  exports: {name: "Exports", unit: "USD m"}
  imports: {name: "Imports", unit: "USD m"}
  cover:
    name: "Export cover"
    unit: "%"
    formula: exports / imports * 100
targets:
  - id: cover
    indicator: cover
    baseline: 2023
"""


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_period_left_out_is_warned_of_the_same_cold_and_cached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
):
    """The warning comes back from the cache as a Message (cache.entries._message_plain), so it is
    said in the language of the run that prints it, whichever language built the cache."""
    from conftest import make_tracker

    rows = (
        "exports,2023,50,,s,,2024-05-01T00:00:00Z\nimports,2023,40,,s,,2024-05-01T00:00:00Z\n"
        "exports,2024,60,,s,,2025-05-01T00:00:00Z\nimports,2024,0,,s,,2025-05-01T00:00:00Z\n"
    )
    make_tracker(tmp_path, monkeypatch, RATIO, HEADER + rows)
    monkeypatch.delenv("QNTRACK_NO_CACHE", raising=False)
    other = "vi" if lang == "en" else "en"
    run("status", "--format", "json", "--lang", other)  # the cache, built in the other language
    expected = {
        "en": "targets.yaml:6:3: warning: indicator 'cover' in 2024: division by zero (imports is 0); "
        "the period is left out\n",
        "vi": "targets.yaml:6:3: cảnh báo: chỉ tiêu 'cover' kỳ 2024: phép chia cho 0 (imports bằng 0); "
        "kỳ này bị bỏ qua\n",
    }[lang]
    from qntrack import cache

    real, cold_runs = cache._cold, []
    monkeypatch.setattr(cache, "_cold", lambda *a, **k: cold_runs.append(1) or real(*a, **k))
    warm = run("status", "--format", "json", "--lang", lang)
    assert cold_runs == []  # served from the cache the other language built
    cold = run("status", "--format", "json", "--lang", lang, env={"QNTRACK_NO_CACHE": "1"})
    assert (warm.exit_code, warm.stdout, warm.stderr) == (cold.exit_code, cold.stdout, cold.stderr)
    assert warm.stderr == expected
    assert (tmp_path / ".qntrack-cache").is_dir()
    shutil.rmtree(tmp_path / ".qntrack-cache")
