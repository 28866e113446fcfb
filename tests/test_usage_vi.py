"""Click's own usage errors in the user's language (issue 12, "Error and warning messages
follow --lang"): an unknown option, a missing argument, a wrong choice, an extra argument,
an unknown command, with their "Usage:" and "Try ... for help." lines.

The Vietnamese below is written out by hand (not read back from the catalog), so a lost
translation fails. English stays byte for byte what Click prints (asserted here too).
Exit code 2 in both languages.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import modules_loaded
from qntrack.cli import app

runner = CliRunner()


def run(*args: str, env: dict[str, str] | None = None):
    return runner.invoke(app, list(args), env=env)


STATUS_USAGE_VI = (
    "Cách dùng: qntrack status [OPTIONS] [[TARGET_ID]...]...\nGõ 'qntrack status -h' để xem hướng dẫn.\n\n"
)


@pytest.mark.parametrize(
    "args, english, vietnamese",
    [
        (
            ["status", "--foo"],
            "Usage: qntrack status [OPTIONS] [[TARGET_ID]...]...\nTry 'qntrack status -h' for help.\n\n"
            "Error: No such option: --foo (Possible options: --format)\n",
            STATUS_USAGE_VI + "Lỗi: không có tùy chọn --foo (có phải ý bạn là: --format)\n",
        ),
        (
            ["status", "-x"],
            "Usage: qntrack status [OPTIONS] [[TARGET_ID]...]...\nTry 'qntrack status -h' for help.\n\n"
            "Error: No such option: -x\n",
            STATUS_USAGE_VI + "Lỗi: không có tùy chọn -x\n",
        ),
        (
            ["history"],
            "Usage: qntrack history [OPTIONS] {INDICATOR} [[PERIOD]]\nTry 'qntrack history -h' for help.\n\n"
            "Error: Missing argument 'INDICATOR'.\n",
            "Cách dùng: qntrack history [OPTIONS] {INDICATOR} [[PERIOD]]\nGõ 'qntrack history -h' để xem hướng dẫn.\n\n"
            "Lỗi: thiếu đối số 'INDICATOR'.\n",
        ),
        (
            ["status", "--format", "xml"],
            "Usage: qntrack status [OPTIONS] [[TARGET_ID]...]...\nTry 'qntrack status -h' for help.\n\n"
            "Error: Invalid value for '--format' / '-f': 'xml' is not one of 'table', 'json', 'csv', "
            "'tsv'.\n",
            STATUS_USAGE_VI + "Lỗi: giá trị không hợp lệ cho '--format' / '-f': 'xml' không phải là một trong "
            "'table', 'json', 'csv', 'tsv'.\n",
        ),
        (
            # Read by qntrack since pass K (s45), which names the value typed and what to give.
            ["check", "--jump-factor", "abc"],
            "--jump-factor: error: 'abc' must be a finite number greater than 1, e.g. 5\n",
            "--jump-factor: lỗi: 'abc' phải là một số hữu hạn lớn hơn 1, ví dụ 5\n",
        ),
        (
            ["show", "share", "extra"],
            "Usage: qntrack show [OPTIONS] {TARGET_ID}\nTry 'qntrack show -h' for help.\n\n"
            "Error: Got unexpected extra argument(s) (extra)\n",
            "Cách dùng: qntrack show [OPTIONS] {TARGET_ID}\nGõ 'qntrack show -h' để xem hướng dẫn.\n\n"
            "Lỗi: thừa đối số (extra)\n",
        ),
        (
            ["stat"],
            "Usage: qntrack [OPTIONS] COMMAND [ARGS]...\nTry 'qntrack -h' for help.\n\n"
            "Error: No such command 'stat'. Did you mean 'status'?\n",
            "Cách dùng: qntrack [OPTIONS] COMMAND [ARGS]...\nGõ 'qntrack -h' để xem hướng dẫn.\n\n"
            "Lỗi: không có lệnh 'stat'. Có phải ý bạn là 'status'?\n",
        ),
        (
            ["nosuch"],
            "Usage: qntrack [OPTIONS] COMMAND [ARGS]...\nTry 'qntrack -h' for help.\n\n"
            "Error: No such command 'nosuch'.\n",
            "Cách dùng: qntrack [OPTIONS] COMMAND [ARGS]...\nGõ 'qntrack -h' để xem hướng dẫn.\n\n"
            "Lỗi: không có lệnh 'nosuch'.\n",
        ),
        (
            ["status", "--as-of"],
            "Error: Option '--as-of' requires an argument.\n",
            "Lỗi: tùy chọn '--as-of' cần một giá trị.\n",
        ),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) else "",
)
def test_click_usage_errors_follow_lang(tracker: Path, args: list[str], english: str, vietnamese: str):
    r = run(*args)
    assert (r.exit_code, r.stderr) == (2, english)
    assert r.stdout == ""
    # --lang vi anywhere: after the error (Click stops reading at it), before the command
    # (a global option) ...
    r = run(*args, "--lang", "vi") if args[-1] != "--as-of" else run("--lang", "vi", *args)
    assert (r.exit_code, r.stderr) == (2, vietnamese)
    r = run("--lang=vi", *args)
    assert (r.exit_code, r.stderr) == (2, vietnamese)
    # ... or QNTRACK_LANG=vi, and an explicit --lang en wins over it.
    r = run(*args, env={"QNTRACK_LANG": "vi"})
    assert (r.exit_code, r.stderr) == (2, vietnamese)
    r = run("--lang", "en", *args, env={"QNTRACK_LANG": "vi"})
    assert (r.exit_code, r.stderr) == (2, english)


def test_a_missing_command_in_vietnamese(tracker: Path):
    r = run("--lang", "vi")
    assert r.exit_code == 2
    assert r.stderr == (
        "Cách dùng: qntrack [OPTIONS] COMMAND [ARGS]...\nGõ 'qntrack -h' để xem hướng dẫn.\n\nLỗi: thiếu lệnh.\n"
    )


def test_a_wrong_language_is_said_in_the_environment_language(tracker: Path):
    """`--lang fr`: the error is about --lang itself, so QNTRACK_LANG (or English) says it."""
    r = run("status", "--lang", "fr", env={"QNTRACK_LANG": "vi"})
    assert r.exit_code == 2
    # The value was typed, not taken from QNTRACK_LANG: the error does not name the variable
    # (it used to say "(env var: 'QNTRACK_LANG')" whatever the source; test_lang_choice.py).
    assert r.stderr.endswith("Lỗi: giá trị không hợp lệ cho '--lang': 'fr' không phải là một trong 'en', 'vi'.\n")
    r = run("status", "--lang", "fr")
    assert r.exit_code == 2
    assert r.stderr.endswith("Error: Invalid value for '--lang': 'fr' is not one of 'en', 'vi'.\n")


def test_a_value_that_looks_like_lang_is_not_taken_after_double_dash(tracker: Path):
    r = run("show", "share", "x", "--", "--lang", "vi")
    assert r.exit_code == 2
    # In English (the language after '--' is not read), told why --lang was not read
    # (fortieth session, tests/test_s40_lead.py).
    assert "Error: Got unexpected extra argument(s) (x --lang vi): after '--' every word is read" in r.stderr
    assert "so --lang was not read as an option" in r.stderr
    assert "Lỗi" not in r.stderr


def test_control_characters_in_a_vietnamese_usage_error_are_escaped(tracker: Path):
    r = run("show", "share", "a\x1b[2J", "--lang", "vi")
    assert r.exit_code == 2
    assert "\x1b" not in r.stderr
    assert r.stderr.endswith("Lỗi: thừa đối số (a\\x1b[2J)\n")


def test_help_and_no_arguments_are_unchanged(tracker: Path):
    """Help stays English (docs/decisions.md); `qntrack` alone still prints it, exit 2."""
    english = run()
    r = run(env={"QNTRACK_LANG": "vi"})
    assert (r.exit_code, r.stdout, r.stderr) == (english.exit_code, english.stdout, english.stderr)
    assert "Usage: qntrack [OPTIONS] COMMAND [ARGS]..." in r.stdout + r.stderr
    r = run("status", "-h", "--lang", "vi")
    assert r.exit_code == 0 and r.stdout.startswith("Usage: qntrack status")


def test_the_installed_command_in_a_pipe(tracker: Path):
    """As a user runs it, stderr piped and NO_COLOR set: plain lines, no escape codes."""
    env = {**os.environ, "NO_COLOR": "1", "QNTRACK_LANG": "vi"}
    code = "import sys; sys.argv = ['qntrack', 'status', '--foo']; from qntrack.cli import main; main()"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert r.returncode == 2
    assert r.stderr == STATUS_USAGE_VI + "Lỗi: không có tùy chọn --foo (có phải ý bạn là: --format)\n"
    assert r.stdout == ""


def test_usage_errors_cost_nothing_at_start_up():
    """The translation is imported only when a usage error is shown."""
    assert modules_loaded(["--version"], ["qntrack.cli.usage"]) == [False]
    assert modules_loaded(["status", "--targets", "none.yaml", "--format", "json"], ["qntrack.cli.usage"]) == [False]
    assert modules_loaded(["status", "--foo"], ["qntrack.cli.usage"]) == [True]


# --- check --list: each check's rule in the chosen language ---------------------------------

# (name, severity, when it runs, rule), as `check --list --lang vi` must print them.
LIST_VI = [
    (
        "syntax",
        "lỗi",
        "mặc định",
        "targets.yaml đúng cấu trúc đã mô tả: YAML hợp lệ, khóa đã biết, không trùng lặp, "
        "số và kỳ ở đúng chỗ, công thức không vòng lặp",
    ),
    (
        "store",
        "lỗi",
        "mặc định",
        "mọi dòng của tệp số liệu đọc được: văn bản UTF-8, dòng tiêu đề, bảy ô, kỳ hợp lệ, "
        "số hữu hạn, status đã biết, recorded_at theo ISO 8601",
    ),
    (
        "torn-line",
        "lỗi",
        "mặc định",
        "tệp số liệu kết thúc bằng một dòng đầy đủ (một lần ghi bị ngắt để lại dòng cuối "
        "dở dang; 'qntrack check --repair' chuyển dòng đó sang một tệp riêng)",
    ),
    ("unknown-indicator", "lỗi", "mặc định", "mọi số liệu đều thuộc một chỉ tiêu được khai báo trong targets.yaml"),
    (
        "derived-recorded",
        "lỗi",
        "mặc định",
        "không ghi số liệu cho chỉ tiêu tính từ công thức (giá trị của nó do công thức tính ra)",
    ),
    ("frequency", "lỗi", "mặc định", "không có số liệu nào cho một kỳ chi tiết hơn tần suất của chỉ tiêu"),
    (
        "timing",
        "lỗi",
        "mặc định",
        "không có số liệu nào được ghi nhận ở tương lai (quá một ngày lệch đồng hồ), cho "
        "một kỳ chưa bắt đầu vào lúc đó, hoặc trước khi kỳ kết thúc mà không phải là số liệu "
        "ước tính (estimate)",
    ),
    (
        "formula",
        "lỗi",
        "mặc định",
        "không có nguồn hay ghi chú nào trong tệp số liệu bắt đầu giống công thức bảng "
        "tính (=, +, -, @, kể cả sau dấu cách, hoặc một dấu tab): mở bằng bảng tính thì nó "
        "sẽ chạy; hãy thêm dấu nháy đơn (') ở đầu",
    ),
    (
        "same-moment",
        "lỗi",
        "mặc định",
        "không có hai lần ghi khác nhau của cùng một chỉ tiêu và kỳ được ghi nhận cùng "
        "một thời điểm (khi đó số nào có hiệu lực sẽ tùy vào thứ tự các dòng)",
    ),
    (
        "derived",
        "cảnh báo",
        "mặc định",
        "mọi giá trị tính từ công thức đều tính được (không chia cho 0, không có giá trị quá lớn)",
    ),
    (
        "growth-floor",
        "cảnh báo",
        "mặc định",
        "không có tốc độ tăng nào đang có hiệu lực (chỉ tiêu có measure: rate, "
        "hoặc được mục tiêu bình quân đọc) dưới -100%: quy mô sẽ giảm xuống dưới 0",
    ),
    (
        "jump",
        "cảnh báo",
        "mặc định",
        "không có lần ghi nào của một chỉ tiêu và kỳ chênh với lần ghi trước nó quá "
        "--jump-factor lần (mặc định 5 lần): 3,13 gõ thành 313; không có tỷ lệ phần trăm nào ghi thành phân "
        "số (0,153 thay cho 15,3), cũng không có tốc độ tăng nào ghi thành chỉ số phát triển so với cùng kỳ "
        "năm trước = 100 (108,5 thay cho 8,5)",
    ),
    (
        "stale",
        "cảnh báo",
        "khi gọi tên",
        "mọi chỉ tiêu đã có số liệu đều có số liệu cho kỳ tiếp theo sau kỳ mới nhất, "
        "trong vòng 90 ngày sau khi kỳ đó kết thúc (tính đến hôm nay hoặc --as-of)",
    ),
    (
        "milestone-due",
        "cảnh báo",
        "khi gọi tên",
        "mọi mốc (và kỳ kế hoạch, và cuối giai đoạn của mục tiêu theo giai "
        "đoạn) có kỳ đã kết thúc hơn 90 ngày trước đều có số liệu",
    ),
    (
        "unit",
        "lỗi",
        "mặc định",
        # The open list's spelling, a warning, added in the thirty-sixth session.
        "số liệu của một đơn vị phân tổ ghi đúng đơn vị mà targets.yaml khai báo, cho kỳ mà đơn vị đó tồn tại; "
        "đơn vị của chiều không liệt kê đơn vị được viết theo một cách (cảnh báo)",
    ),
    (
        "units-sum",
        "cảnh báo",
        "mặc định",
        "các đơn vị của một chỉ tiêu lượng theo kỳ (flow) cộng lại bằng tổng (sai lệch trong 0,5%), "
        "ở kỳ mà mọi đơn vị đều có số liệu",
    ),
    (
        "group-names",
        "cảnh báo",
        "mặc định",
        "các mục tiêu của cùng một nhóm (hoặc cùng một cơ quan chủ trì) ghi tên nhóm giống nhau ở cả hai ngôn ngữ",
    ),
    (
        "milestone-side",
        "cảnh báo",
        "mặc định",
        "mỗi mốc của mục tiêu loại level (mức cần đạt theo mốc) nằm đúng phía mà chỉ tiêu cần thay đổi so với "
        "giá trị gốc, và ngưỡng của mỗi mục tiêu theo giai đoạn đúng với hướng của chỉ tiêu (at_most khi càng "
        "thấp càng tốt)",
    ),
    (
        "repeated",
        "cảnh báo",
        "mặc định",
        "không dòng nào trùng hoàn toàn với một dòng trước nó (cùng chỉ tiêu, kỳ, giá trị, loại số liệu, nguồn và "
        "thời điểm ghi nhận: một số liệu bị git hợp nhất giữ lại hai lần, chỉ được tính một lần)",
    ),
    (
        "merged-retraction",
        "cảnh báo",
        "mặc định",
        "không lần rút lại nào rút mất một số liệu ở dòng sau nó (một số liệu điều chỉnh được hợp nhất từ bản sao khác, "
        "mà người rút lại chưa thấy)",
    ),
    (
        "control",
        "lỗi",
        "mặc định",
        "không có nguồn hay ghi chú nào trong tệp số liệu chứa ký tự điều khiển (chuỗi thoát, ký tự chuông, ký tự "
        "NUL: do sửa tay hoặc dán vào; add-observation không nhận chúng): cửa sổ dòng lệnh hiển thị tệp sẽ thực "
        "thi nó; cũng không chứa ký tự phi văn bản (U+FFFF, U+FDD0), vốn không phải là chữ",
    ),
    (
        "invisible",
        "cảnh báo",
        "mặc định",
        "targets.yaml không chứa ký tự nào không nhìn thấy được mà làm đảo thứ tự hoặc nối phần chữ quanh nó "
        "(U+202A-U+202E, U+2066-U+2069, U+200B-U+200D, U+FEFF trong văn bản): một tên có thể trông như tên khác; "
        "mã chứa ký tự như vậy bị từ chối; nguồn và ghi chú trong tệp số liệu cũng không chứa ký tự như vậy, "
        "vì báo cáo sẽ hiển thị sai thứ tự",
    ),
    (  # issue 17, twentieth session (tests/test_ministry20.py)
        "year-to-date",
        "cảnh báo",
        "mặc định",
        "không có số liệu đang có hiệu lực nào của chỉ tiêu lượng theo kỳ, cho một phần của năm (một tháng từ "
        "tháng 3, một quý từ quý III), không nhỏ hơn lũy kế các kỳ trước đó (và không quá hai lần số đó): số lũy kế "
        "từ đầu năm bị ghi thành số của riêng tháng",
    ),
    (  # issue 17, twenty-first session (tests/test_numbers21.py)
        "parts-sum",
        "cảnh báo",
        "khi gọi tên",
        "số liệu của một chỉ tiêu lượng theo kỳ hoặc cán cân cho từ hai tháng trở lên (lũy kế từ đầu năm, một quý, "
        "cả năm) bằng tổng các kỳ con đang có hiệu lực, trong phạm vi sai số làm tròn (mỗi số lệch tối đa nửa đơn vị "
        "của chữ số thập phân cuối)",
    ),
    (  # issue 17, twenty-first session (tests/test_mac21.py)
        "lost-letters",
        "cảnh báo",
        "mặc định",
        "không có nguồn hay ghi chú nào của tệp số liệu có chữ bị mất thành '?' giữa một từ, hay chữ tiếng Việt bị "
        "một chương trình đọc hoặc lưu với bảng mã khác làm hỏng, hay giá trị lỗi của bảng tính (#REF!, #N/A) được "
        "lưu thay cho nội dung (cảnh báo: số liệu vẫn đúng, chỉ chữ bị hỏng)",  # the error values: 35th session
    ),
    (  # issue 17, twenty-fourth session (tests/test_sources24b.py)
        "official-replaced",
        "cảnh báo",
        "mặc định",
        "không có số liệu đang có hiệu lực nào là số ước tính hay số sơ bộ ghi nhận sau số chính thức của cùng kỳ: "
        "một số ước tính ghi sau đã thay số chính thức, và mọi trạng thái, báo cáo, tệp xuất đều dùng số ước tính "
        "(cảnh báo: có thể là cố ý; một lần rút lại giữa hai số cho biết số chính thức đã được rút lại có chủ ý)",
    ),
    (  # issue 17, thirtieth session (tests/test_s30_i.py)
        "yearly-unjudged",
        "cảnh báo",
        "mặc định",
        "mỗi mục tiêu mức (level) có chỉ tiêu đã có số liệu thì có số liệu của cả một năm: một tỷ trọng hay một tốc độ "
        "chỉ ghi theo quý hoặc tháng khiến mục tiêu được đánh giá theo số liệu từng năm không bao giờ được đánh giá "
        "(số liệu các kỳ của chỉ tiêu lượng theo kỳ hoặc cán cân cộng lại thành năm nên không xét)",
    ),
    (
        "unit-names",
        "cảnh báo",
        "mặc định",
        "mỗi tên bằng ngôn ngữ khác (names:) của một đơn vị phân tổ chỉ đúng đơn vị đó: không trùng giá trị của "
        "đơn vị khác, cũng không trùng tên của đơn vị khác",
    ),
    (  # thirty-seventh session, pass J (tests/test_s37_j.py)
        "open-sdg-status",
        "cảnh báo",
        "mặc định",
        "không chỉ tiêu nào có đánh giá tiến độ đặt thủ công cho Open SDG (open_sdg: {progress_status: ...}) lại có "
        "mục tiêu trên chính nó hoặc trên chỉ tiêu _progress đi kèm: lệnh export opensdg sẽ ghi đánh giá theo các "
        "mục tiêu thay cho đánh giá đó",
    ),
    (  # forty-third session, helper N (tests/test_s43_n.py)
        "unit-baseline",
        "cảnh báo",
        "mặc định",
        "không mục tiêu mức nào được đánh giá theo từng đơn vị (for_each:) mà giá trị gốc ghi sẵn trong "
        "targets.yaml (giá trị của toàn bộ) lại khác số liệu riêng của một đơn vị trong năm đó: mỗi đơn vị không có "
        "giá trị gốc riêng trong overrides bắt đầu từ giá trị của toàn bộ",
    ),
]


def test_check_list_in_vietnamese(tracker: Path):
    r = run("check", "--list", "--lang", "vi")
    assert r.exit_code == 0 and r.stderr == ""
    # Columns as in English: each as wide as its widest entry ("unknown-indicator": 17,
    # "cảnh báo": 8, "khi gọi tên": 11 characters), two spaces between.
    assert r.stdout.splitlines() == [
        f"{name:<17}  {severity:<8}  {runs:<11}  {rule}" for name, severity, runs, rule in LIST_VI
    ]
    assert run("--lang", "vi", "check", "--list").stdout == r.stdout
    assert run("check", "--list", env={"QNTRACK_LANG": "vi"}).stdout == r.stdout


def test_check_list_in_english_as_before(tracker: Path):
    lines = run("check", "--list").stdout.splitlines()
    assert lines[0] == (
        "syntax             error    default    targets.yaml follows the documented schema: valid YAML, known keys, "
        "no duplicates, numbers and periods where expected, formulas without cycles"
    )
    # -18 and -16 since parts-sum, lost-letters (twenty-first), official-replaced (24th), yearly-unjudged (30th),
    # unit-names (31st), open-sdg-status (37th), unit-baseline (43rd): -19 and -17
    assert lines[-19] == (
        "jump               warning  default    no vintage of an indicator and period differs from the one before it "
        "by more than --jump-factor (default 5 times): 3,13 typed as 313; no per cent reads as a fraction "
        "(0.153 for 15.3) nor a growth rate as an index with the year before = 100 (108.5 for 8.5)"
    )
    assert lines[-17] == (
        "milestone-due      warning  on demand  every milestone (and plan period, and end of a span target) whose "
        "period ended more than 90 days ago has an observation"
    )


def test_check_list_json_keeps_its_keys_and_codes(tracker: Path):
    import json

    en = json.loads(run("check", "--list", "--format", "json").stdout)
    vi = json.loads(run("check", "--list", "--format", "json", "--lang", "vi").stdout)
    assert [sorted(c) for c in en["checks"]] == [
        ["default", "name", "rule", "severity"]
    ] * 30  # year-to-date (twentieth), parts-sum and lost-letters (twenty-first), official-replaced (24th),
    # yearly-unjudged (30th), unit-names (31st), open-sdg-status (37th), unit-baseline (43rd)
    # Names, severities (codes, not words) and defaults are the same in both languages.
    assert [{k: v for k, v in c.items() if k != "rule"} for c in en["checks"]] == [
        {k: v for k, v in c.items() if k != "rule"} for c in vi["checks"]
    ]
    # Three places further from the end since official-replaced (twenty-fourth session),
    # yearly-unjudged (thirtieth), unit-names (thirty-first), open-sdg-status (37th) and unit-baseline (43rd)
    # were added last.
    assert en["checks"][-11]["severity"] == "warning" and en["checks"][-10]["severity"] == "error"
    assert en["checks"][-9] == {**en["checks"][-9], "name": "invisible", "severity": "warning", "default": True}
    assert en["checks"][0]["rule"].startswith("targets.yaml follows the documented schema")
    assert [c["rule"] for c in vi["checks"]] == [rule for _, _, _, rule in LIST_VI]


@pytest.mark.parametrize(
    "english, vietnamese",
    [
        # Click's wordings that qntrack's own options cannot reach today, kept for a future one.
        ("Missing option '--name'.", "thiếu tùy chọn '--name'."),
        ("Missing parameter 'x'.", "thiếu tham số 'x'."),
        ("Option '--pair' requires 2 arguments.", "tùy chọn '--pair' cần 2 giá trị."),
        ("Option '--flag' does not take a value.", "tùy chọn '--flag' không nhận giá trị."),
        ("Argument 'pair' takes 2 values.", "đối số 'pair' nhận 2 giá trị."),
        (
            "Invalid value for '--n': Value error, '0' is not one of '1', '2'.",
            "giá trị không hợp lệ cho '--n': '0' không phải là một trong '1', '2'.",
        ),
        # A wording usage.py does not know keeps its words inside the Vietnamese frame.
        ("Something new from Click.", "Something new from Click."),
        ("Invalid value for '--x': something new", "giá trị không hợp lệ cho '--x': something new"),
    ],
)
def test_each_click_wording_in_vietnamese(english: str, vietnamese: str):
    from qntrack.catalog import render
    from qntrack.cli.usage import message

    assert render(message(english), "vi") == vietnamese
    # The English entries mirror Click's words (less the "Value error, " Pydantic puts
    # before a wrong choice; in English the CLI shows Click's own text, never these).
    assert render(message(english), "en") == english.replace("Value error, ", "")
