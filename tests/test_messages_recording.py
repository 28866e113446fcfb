"""recording.py's messages (validating a figure, retract) in the language the user chose,
and the same English as before."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import store_bytes as _store
from qntrack.cli import app
from qntrack.catalog import Message, catalog, render

runner = CliRunner()


@pytest.mark.parametrize(
    "args, vi, en",
    [
        (
            ["add-observation", "shar", "2025", "8"],
            "add-observation: lỗi: không có chỉ tiêu 'shar'; có phải ý bạn là 'share'?\n",
            "add-observation: error: unknown indicator 'shar'; did you mean 'share'?\n",
        ),
        (
            ["add-observation", "xyz", "2025", "8"],
            "add-observation: lỗi: không có chỉ tiêu 'xyz'; các chỉ tiêu đã khai báo: share, mining\n",
            "add-observation: error: unknown indicator 'xyz'; known: share, mining\n",
        ),
        (
            ["add-observation", "share", "2024-01", "8"],
            "add-observation: lỗi: kỳ 2024-01 chi tiết hơn tần suất công bố của chỉ tiêu 'share' (hằng quý, frequency: quarter): "
            "đó là tháng 1/2024, một tháng, trong khi chỉ tiêu cần một quý: hãy ghi 2024-Q1 (quý I/2024), quý chứa kỳ đó, "
            "hoặc nếu đúng là như vậy, hãy sửa khóa frequency của chỉ tiêu trong targets.yaml\n",
            "add-observation: error: period 2024-01 is finer than indicator 'share' is published (frequency: quarter): "
            "it is January 2024, a month, where a quarter is needed: write 2024-Q1 (Q1 2024), the quarter that holds it, "
            "or change the indicator's frequency in targets.yaml if that is intended\n",
        ),
        (
            ["add-observation", "share", "2024", "8", "--status", "bogus"],
            "add-observation: lỗi: loại số liệu 'bogus' không hợp lệ; hợp lệ: ước tính, sơ bộ, chính thức "
            "(estimate, preliminary, official), hoặc để trống\n",
            "add-observation: error: status 'bogus' is not one of: estimate, preliminary, official (or leave it empty)\n",
        ),
        (
            ["add-observation", "share", "2024", "8", "--note", "a\nb"],
            "add-observation: lỗi: ghi chú phải nằm trên một dòng\n",
            "add-observation: error: the note must be on one line\n",
        ),
        (
            ["add-observation", "share", "2024", "8", "--source", "a\x01"],
            "add-observation: lỗi: nguồn chứa ký tự điều khiển (U+0001)\n",
            "add-observation: error: the source contains a control character (U+0001)\n",
        ),
        (
            ["add-observation", "share", "2024", "8", "--source", "x" * 2001],
            "add-observation: lỗi: nguồn dài 2.001 ký tự; tối đa 2.000 ký tự\n",
            "add-observation: error: the source is 2,001 characters long; at most 2,000 are allowed\n",
        ),
    ],
)
def test_validation_messages_follow_lang(tracker: Path, args: list[str], vi: str, en: str):
    before = _store(tracker)
    r = runner.invoke(app, [*args, "--lang", "vi"])
    assert (r.exit_code, r.stderr) == (1, vi)
    r = runner.invoke(app, args)
    assert (r.exit_code, r.stderr) == (1, en)
    assert _store(tracker) == before


def test_retract_of_nothing_in_force_in_vietnamese_by_environment(tracker: Path, monkeypatch: pytest.MonkeyPatch):
    before = _store(tracker)
    monkeypatch.setenv("QNTRACK_LANG", "vi")
    r = runner.invoke(app, ["retract", "mining", "2016"])
    assert (r.exit_code, r.stderr) == (
        1,
        "retract: lỗi: mining kỳ 2016 không có số liệu đang có hiệu lực để rút lại (xem 'qntrack history mining')\n",
    )
    monkeypatch.delenv("QNTRACK_LANG")
    r = runner.invoke(app, ["retract", "mining", "2016"])
    assert (r.exit_code, r.stderr) == (
        1,
        "retract: error: mining 2016 has no figure in force to retract (see 'qntrack history mining')\n",
    )
    assert _store(tracker) == before


def test_a_torn_store_is_named_in_vietnamese(tracker: Path):
    (tracker / "observations.csv").write_bytes(_store(tracker) + b"share,2025,1")
    before = _store(tracker)
    r = runner.invoke(app, ["--lang", "vi", "retract", "share", "2021"])
    assert r.exit_code == 1
    assert r.stderr.endswith(
        "observations.csv:8: lỗi: tệp kết thúc bằng một dòng chưa đầy đủ; không ghi gì; "
        "hãy chạy 'qntrack check --repair' trước\n"
    )
    assert _store(tracker) == before


def test_another_modules_message_is_kept_inside_the_hint(tracker: Path):
    """The --force hint wraps timing.py's Message, not its English text (shown in the
    user's language once messages.render renders Message values)."""
    r = runner.invoke(app, ["add-observation", "share", "2099", "8", "--status", "estimate", "--lang", "vi"])
    assert r.exit_code == 1
    assert r.stderr.startswith("add-observation: lỗi: ")
    assert r.stderr.endswith("; nếu số liệu này đúng, dùng --force để vẫn ghi đúng như đã nhập\n")
    assert "2099" in r.stderr
    wrapped = Message("recording_force_hint", (("problem", Message("severity_error")),))
    assert render(wrapped, "en") == "error; --force records it as it is"


def test_every_recording_id_is_in_both_catalogs():
    # _within() builds its Message without msg(), which tests/test_messages.py looks for.
    for key in ("recording_force_hint", "recording_zone_hint"):
        assert "{problem}" in catalog("en")[key] and "{problem}" in catalog("vi")[key]


def test_the_zone_hint_follows_lang(tracker: Path):
    before = _store(tracker)
    args = ["add-observation", "share", "2023", "8", "--recorded-at", "2024-01-07T09:00"]
    r = runner.invoke(app, [*args, "--lang", "vi"])
    assert r.exit_code == 1
    assert r.stderr.startswith("add-observation: lỗi: ")
    assert r.stderr.endswith(
        "; hoặc khai báo múi giờ của kế hoạch (timezone: +07:00 trong targets.yaml), hoặc dùng --tz +07:00\n"
    )
    r = runner.invoke(app, args)
    assert r.stderr.endswith(", or declare the plan's zone (timezone: +07:00 in targets.yaml) or give --tz +07:00\n")
    assert _store(tracker) == before
