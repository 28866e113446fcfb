"""qntrack scripted by a national office (issue 17, twenty-fifth session, pass H): bash,
cron and Python reading the machine-readable output. Expected values written by hand from
docs/json.md, the README's exit codes and the catalog's sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import STORE_HEADER, SMALL_OBSERVATIONS, SMALL_TARGETS, make_tracker
from helpers import run, store_text

# --- 1. a refusal under --format json is a JSON document on stdout -----------------------


def _refusal(stdout: str) -> dict:
    doc = json.loads(stdout)  # a script's json.loads / jq: never a parse error
    assert list(doc) == ["qntrack", "problems"]
    return doc


def test_a_refused_import_with_format_json_prints_its_problems(tracker: Path):
    (tracker / "in.csv").write_text("indicator,period,value\nshare,2025,abc\n", encoding="utf-8")
    for extra in ([], ["--dry-run"]):
        r = run("add-observation", "--from", "in.csv", "--format", "json", *extra)
        assert r.exit_code == 1
        assert r.stderr == "in.csv:2: error: 'abc' is not a number; write e.g. 1234.5\n"
        doc = _refusal(r.stdout)
        assert doc["problems"] == [
            {
                "file": "in.csv",
                "line": 2,
                "column": None,
                "severity": "error",
                "check": None,
                "message": "'abc' is not a number; write e.g. 1234.5",
                "code": doc["problems"][0]["code"],
            }
        ]
        assert isinstance(doc["problems"][0]["code"], str)
    assert store_text(tracker) == SMALL_OBSERVATIONS  # nothing written


def test_the_problems_are_in_english_whatever_the_language(tracker: Path):
    (tracker / "in.csv").write_text("indicator,period,value\nshare,2025,abc\n", encoding="utf-8")
    r = run("--lang", "vi", "add-observation", "--from", "in.csv", "--format", "json")
    assert r.exit_code == 1
    assert "lỗi" in r.stderr
    assert _refusal(r.stdout)["problems"][0]["message"] == "'abc' is not a number; write e.g. 1234.5"


@pytest.mark.parametrize(
    "args",
    [
        ("status", "nope", "--format", "json"),
        ("show", "nope", "--format", "json"),
        ("rank", "nope", "--format", "json"),
        ("history", "nope", "--format", "json"),
        ("observations", "--indicator", "nope", "--format", "json"),
        ("add-observation", "share", "2025", "x", "--format", "json"),
        ("report", "nope", "--format", "json"),
        ("indicators", "--format", "json", "-t", "none.yaml"),
        ("targets", "--format", "json", "-t", "none.yaml"),
    ],
)
def test_every_command_refused_for_its_input_prints_a_problems_document(args: tuple[str, ...], tracker: Path):
    r = run(*args)
    assert r.exit_code == 1, r.stderr
    problems = _refusal(r.stdout)["problems"]
    assert len(problems) >= 1
    assert all(p["severity"] in ("error", "warning") for p in problems)
    assert problems[0]["severity"] == "error"
    # The same words as stderr's first line, after its place.
    assert problems[0]["message"] in r.stderr.splitlines()[0]


def test_a_usage_error_and_another_format_keep_stdout_empty(tracker: Path):
    r = run("status", "--format", "json", "--as-of", "x")
    assert r.exit_code == 2
    assert r.stdout == ""
    r = run("status", "nope", "--format", "csv")
    assert r.exit_code == 1
    assert r.stdout == ""
    r = run("status", "nope")
    assert r.exit_code == 1
    assert r.stdout == ""


def test_a_report_written_to_a_file_prints_nothing_on_refusal(tracker: Path):
    r = run("report", "nope", "--format", "json", "-o", "r.json")
    assert r.exit_code == 1
    assert r.stdout == ""
    assert not (tracker / "r.json").exists()


def test_check_keeps_its_own_document(tracker: Path):
    (tracker / "observations.csv").write_text(SMALL_OBSERVATIONS + "share,2025,abc,,,,\n", encoding="utf-8")
    r = run("check", "--format", "json")
    assert r.exit_code == 1
    doc = json.loads(r.stdout)
    assert list(doc) == ["qntrack", "as_of", "checks", "problems", "as_of_end"]  # the last: 39th session, J


# --- 2. QNTRACK_TARGETS naming a folder, or cut at its space, names the variable ---------

TWO_WORDS = SMALL_TARGETS


@pytest.fixture
def spaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "ke hoach").mkdir()
    make_tracker(tmp_path / "ke hoach", monkeypatch, SMALL_TARGETS, STORE_HEADER)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_variable_naming_a_folder_is_told_the_variable(spaced: Path):
    r = run("status", env={"QNTRACK_TARGETS": "ke hoach"})
    assert r.exit_code == 1
    assert r.stdout == ""
    assert r.stderr == (
        "ke hoach: error: targets file is a directory, expected a file; name the plan in it: "
        'QNTRACK_TARGETS="ke hoach/targets.yaml"\n'
    )
    r = run("--lang", "vi", "indicators", env={"QNTRACK_TARGETS": "ke hoach"})
    assert r.stderr == (
        "ke hoach: lỗi: tệp mục tiêu là một thư mục, cần một tệp; hãy ghi tên kế hoạch trong thư mục: "
        'QNTRACK_TARGETS="ke hoach/targets.yaml"\n'
    )


def test_the_option_typed_over_the_variable_is_still_told_the_option(spaced: Path):
    r = run("status", "-t", "ke hoach", env={"QNTRACK_TARGETS": "elsewhere.yaml"})
    assert r.exit_code == 1
    assert r.stderr.endswith('name the plan in it: -t "ke hoach/targets.yaml"\n')


def test_the_variable_cut_at_its_space_is_told_to_be_quoted(spaced: Path):
    # `export QNTRACK_TARGETS=ke hoach/targets.yaml` (or systemd's Environment= line):
    # the shell sets the variable to 'ke' and never gives qntrack the rest.
    r = run("status", env={"QNTRACK_TARGETS": "ke"})
    assert r.exit_code == 1
    assert r.stdout == ""
    assert r.stderr == (
        "ke: error: targets file not found; QNTRACK_TARGETS holds 'ke', the start of the plan "
        "'ke hoach/targets.yaml': a name holding spaces is set in quotes: "
        'QNTRACK_TARGETS="ke hoach/targets.yaml"\n'
    )
    r = run("--lang", "vi", "status", env={"QNTRACK_TARGETS": "ke"})
    assert r.stderr == (
        "ke: lỗi: không tìm thấy tệp mục tiêu; QNTRACK_TARGETS chứa 'ke', phần đầu của kế hoạch "
        "'ke hoach/targets.yaml': tên có dấu cách phải đặt trong dấu nháy kép: "
        'QNTRACK_TARGETS="ke hoach/targets.yaml"\n'
    )


def test_the_variable_naming_nothing_near_keeps_the_plain_refusal(spaced: Path):
    r = run("status", env={"QNTRACK_TARGETS": "kh"})
    assert r.exit_code == 1
    assert r.stderr == "kh: error: targets file not found\n"
    (spaced / "ke hoach 2").mkdir()
    (spaced / "ke hoach 2" / "targets.yaml").write_text(SMALL_TARGETS, encoding="utf-8")
    r = run("status", env={"QNTRACK_TARGETS": "ke"})  # two plans start so: none is told
    assert r.stderr == "ke: error: targets file not found\n"


# --- 3. an amount in dong with more digits than a double holds is refused, never changed --

# 2**53 + 1 = 9007199254740993 is the first whole number a double cannot hold: the nearest
# is 9007199254740992 (IEEE 754 binary64, 53-bit significand).
TOO_LONG = "9007199254740993"
TOO_LONG_SAID = (
    "'9007199254740993' cannot be kept exactly: a figure holds 15 to 17 significant digits, and "
    "this one would be stored as 9007199254740992; round it to 15 digits, or declare the "
    "indicator in a larger unit (billion VND rather than VND)"
)


def test_a_typed_amount_a_double_cannot_hold_is_refused(tracker: Path):
    r = run("add-observation", "share", "2025", TOO_LONG, "--status", "estimate")
    assert r.exit_code == 1
    assert r.stderr == f"add-observation: error: {TOO_LONG_SAID}\n"
    assert store_text(tracker) == SMALL_OBSERVATIONS
    # 123456789012345678 is held as 123456789012345680 (a double's 17 digits).
    r = run("add-observation", "share", "2025", "123456789012345678", "--status", "estimate", "--format", "json")
    assert r.exit_code == 1
    assert "would be stored as 123456789012345680;" in r.stderr
    assert json.loads(r.stdout)["problems"][0]["code"] == "import_value_beyond_precision"


def test_a_typed_amount_is_told_in_vietnamese(tracker: Path):
    r = run("--lang", "vi", "add-observation", "share", "2025", "9.007.199.254.740.993", "--status", "estimate")
    assert r.exit_code == 1
    assert r.stderr == (
        "add-observation: lỗi: '9.007.199.254.740.993' không giữ được chính xác: một số liệu chỉ giữ được "
        "15 đến 17 chữ số có nghĩa, số này sẽ được lưu thành 9007199254740992; hãy làm tròn đến 15 chữ số, "
        "hoặc khai báo chỉ tiêu với đơn vị lớn hơn (tỷ đồng thay vì đồng)\n"
    )


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("9007199254740992", "9007199254740992.0"),  # 2**53: held exactly
        ("11511900000000000000", "1.15119e+19"),  # GDP 2024 in dong, 11,511,900 billion: exact
        ("1e21", "1e+21"),
        ("0.33333333333333333333", "0.3333333333333333"),  # a fraction's 18th digit: not an amount
        ("4503599627370496.75", "4503599627370497.0"),  # the nearest whole unit kept
    ],
)
def test_an_amount_a_double_holds_to_the_unit_is_recorded(typed: str, stored: str, tracker: Path):
    r = run("add-observation", "share", "2025", typed, "--status", "estimate", "--recorded-at", "2025-06-01T00:00:00Z")
    assert r.exit_code == 0, r.stderr
    assert store_text(tracker).endswith(f"share,2025,{stored},estimate,,,2025-06-01T00:00:00Z\n")


@pytest.mark.parametrize("separator", [",", ";"])
def test_an_imported_amount_a_double_cannot_hold_is_refused_at_its_line(separator: str, tracker: Path):
    comma = separator == ";"
    rows = [
        f"share{separator}2021{separator}{'11,3' if comma else '11.3'}",
        f"share{separator}2025{separator}{TOO_LONG}",
    ]
    header = separator.join(["indicator", "period", "value"])
    (tracker / "in.csv").write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    r = run("add-observation", "--from", "in.csv")
    assert r.exit_code == 1
    assert r.stderr == f"in.csv:3: error: {TOO_LONG_SAID}\n"
    assert store_text(tracker) == SMALL_OBSERVATIONS


def test_a_workbook_whole_number_a_double_cannot_hold_is_refused(tracker: Path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Data"
    sheet.append(["indicator", "period", "value"])
    sheet.append(["share", "2025", 12345])
    book.save(tracker / "made.xlsx")
    # A workbook holds doubles, and openpyxl writes an int through one; a program writing
    # the XML itself (an int64 column) can put down every digit, which openpyxl reads as int.
    import zipfile

    with zipfile.ZipFile(tracker / "made.xlsx") as made, zipfile.ZipFile(tracker / "in.xlsx", "w") as out:
        for item in made.infolist():
            data = made.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                assert b"<v>12345</v>" in data
                data = data.replace(b"<v>12345</v>", f"<v>{TOO_LONG}</v>".encode())
            out.writestr(item, data)
    r = run("add-observation", "--from", "in.xlsx")
    assert r.exit_code == 1
    assert TOO_LONG_SAID in r.stderr
    assert store_text(tracker) == SMALL_OBSERVATIONS


@pytest.mark.parametrize("value", [TOO_LONG, int(TOO_LONG)])
def test_record_many_refuses_the_amount_as_the_command_does(value: object, tracker: Path):
    import qntrack

    with pytest.raises(qntrack.InputError) as raised:
        qntrack.record_many("targets.yaml", [{"indicator": "share", "period": "2025", "value": value}])
    assert raised.value.key == "import_value_beyond_precision"
    assert "would be stored as 9007199254740992;" in str(raised.value)
    assert store_text(tracker) == SMALL_OBSERVATIONS


# --- 4. a zero is never written -0.0 -----------------------------------------------------

ZERO_STORE = (
    STORE_HEADER + "share,2021,-0,official,src,,2022-01-10T00:00:00Z\nmining,2015,21.3,,src-e,,2016-01-01T00:00:00Z\n"
)


def _no_negative_zero(text: str) -> None:
    assert "-0.0" not in text and "\t-0\t" not in text and ",-0," not in text, text


@pytest.mark.parametrize("cache", ["", "1"])
def test_a_stored_minus_zero_is_read_as_zero_by_every_command(cache: str, tmp_path: Path, monkeypatch):
    # A hand-edited store (or another program's) with '-0': the same zero as '0' everywhere.
    make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, ZERO_STORE)
    env = {"QNTRACK_NO_CACHE": cache} if cache else None
    for args in (
        ("status", "--format", "json"),
        ("status", "--format", "csv"),
        ("observations", "--format", "json"),
        ("show", "share", "--format", "json"),
        ("history", "share", "--format", "json"),
        ("report", "--format", "json"),
    ):
        r = run(*args, env=env)
        assert r.exit_code == 0, (args, r.stderr)
        _no_negative_zero(r.stdout)
    doc = json.loads(run("observations", "--format", "json").stdout)
    assert [o["value"] for o in doc["observations"] if o["indicator"] == "share"] == [0.0]
    assert str(doc["observations"][0]["value"]) == "0.0"  # not -0.0: the sign is gone


def test_an_imported_minus_zero_is_the_zero_stored(tracker: Path):
    (tracker / "in.csv").write_text(
        "indicator,period,value,status,recorded_at\n"
        "share,2024,-0,official,2025-06-01T00:00:00Z\n"
        "mining,2024,-0.0,official,2025-06-01T00:00:00Z\n",
        encoding="utf-8",
    )
    r = run("add-observation", "--from", "in.csv", "--format", "json")
    assert r.exit_code == 0, r.stderr
    _no_negative_zero(r.stdout)  # the rows added, as the store holds them (0)
    assert store_text(tracker).endswith(
        "share,2024,0,official,,,2025-06-01T00:00:00Z\nmining,2024,0,official,,,2025-06-01T00:00:00Z\n"
    )


def test_record_many_gives_back_the_zero_stored(tracker: Path):
    import qntrack

    done = qntrack.record_many(
        "targets.yaml",
        [
            {
                "indicator": "share",
                "period": "2024",
                "value": -0.0,
                "status": "official",
                "recorded_at": "2025-06-01T00:00:00Z",
            }
        ],
    )
    assert str(done.rows[0].value) == "0.0"


# --- 5. Windows' cmd keeps single quotes as letters --------------------------------------


def test_a_source_in_single_quotes_split_by_cmd_is_told_double_quotes(tracker: Path):
    # cmd.exe: --source 'Cuc TK' gives the words 'Cuc and TK' (quotes and all).
    r = run("add-observation", "share", "2025", "5", "--status", "estimate", "--source", "'Cuc", "TK'")
    assert r.exit_code == 2
    assert r.stderr.endswith(
        "Error: Got unexpected extra argument(s) (TK'): a text holding spaces is written in quotes: "
        '--source "Cuc TK"\n'
    )
    r = run("add-observation", "share", "2025", "5", "--source", "\u201cCuc", "TK\u201d")  # Word's curly quotes
    assert r.stderr.endswith('--source "Cuc TK"\n')
    assert store_text(tracker) == SMALL_OBSERVATIONS


def test_a_refusal_of_words_in_single_quotes_says_cmd_kept_them(tracker: Path):
    r = run("add-observation", "share", "'2025'", "'5'", "--status", "estimate")
    assert r.exit_code == 1
    lines = r.stderr.splitlines()
    assert lines[-1] == (
        "note: single quotes were kept around '2025', '5': Windows' cmd passes them on as letters "
        "(it reads only double quotes); type 2025 5"
    )
    r = run("--lang", "vi", "history", "share", "'2023'")
    assert r.exit_code == 2  # a PERIOD argument: a usage error
    assert r.stderr.splitlines()[-1] == (
        "lưu ý: dấu nháy đơn quanh '2023' được giữ lại: cmd của Windows chuyển chúng đi như chữ "
        "(cmd chỉ đọc dấu nháy kép); hãy gõ 2023"
    )
    r = run("status", "--as-of", "'2025-01-01'", "--format", "json")
    assert r.exit_code == 2
    assert r.stdout == ""
    assert r.stderr.splitlines()[-1].startswith("note: single quotes were kept around '2025-01-01':")


def test_a_text_with_spaces_is_told_in_double_quotes_and_no_note_without_quotes(tracker: Path):
    r = run("add-observation", "share", "2025", "x", "--source", "'Cuc TK'")
    assert r.stderr.splitlines()[-1].endswith('type "Cuc TK"')
    r = run("add-observation", "share", "2025", "x")
    assert "note:" not in r.stderr


# --- 6. a script saved with Windows line ends, and a variable set by cmd -----------------

CR_NOTE = (
    "note: 'json\\x0d' ends with a carriage return (\\x0d): a script saved with Windows line ends "
    "(CRLF) puts one after the last word of each line; convert it (dos2unix FILE), or save it with LF line ends"
)


def test_a_usage_error_from_a_crlf_script_says_so(tracker: Path):
    r = run("status", "--format", "json\r")
    assert r.exit_code == 2
    assert r.stdout == ""
    assert r.stderr.endswith(CR_NOTE + "\n")
    assert "\r" not in r.stderr


def test_a_refusal_from_a_crlf_script_says_so(tracker: Path):
    r = run("show", "nope\r")
    assert r.exit_code == 1
    assert r.stderr.splitlines()[-1] == CR_NOTE.replace("json", "nope")
    r = run("--lang", "vi", "show", "nope\r")
    assert r.stderr.splitlines()[-1] == (
        "lưu ý: 'nope\\x0d' kết thúc bằng ký tự về đầu dòng (\\x0d): một script lưu với kiểu xuống dòng của "
        "Windows (CRLF) có ký tự này sau từ cuối của mỗi dòng; hãy chuyển đổi nó (dos2unix TỆP), hoặc lưu "
        "với kiểu xuống dòng LF"
    )


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("targets.yaml\r", "'targets.yaml\\x0d'"),
        ("targets.yaml ", "'targets.yaml '"),
        ('"targets.yaml"', "'\"targets.yaml\"'"),
    ],
)
def test_the_variable_with_a_line_end_a_space_or_quotes_is_told_the_plan(value: str, shown: str, tracker: Path):
    # cmd's `set QNTRACK_TARGETS="targets.yaml"` keeps the quotes, `set X=a ` the space; a
    # .env file saved with CRLF gives the \r.
    r = run("status", env={"QNTRACK_TARGETS": value})
    assert r.exit_code == 1
    assert r.stderr.endswith(
        f"error: targets file not found; QNTRACK_TARGETS holds {shown}: its quotes, spaces or line end "
        "are part of the name it gives (cmd's set keeps them; a file saved with Windows line ends adds \\x0d); "
        "set QNTRACK_TARGETS=targets.yaml\n"
    )


def test_a_usage_error_of_a_word_in_single_quotes_says_cmd_kept_them(tracker: Path):
    r = run("status", "--format", "'json'")
    assert r.exit_code == 2
    assert r.stderr.endswith(
        "note: single quotes were kept around 'json': Windows' cmd passes them on as letters "
        "(it reads only double quotes); type json\n"
    )


def test_a_plan_amount_a_double_cannot_hold_is_refused_at_its_line(tmp_path: Path, monkeypatch):
    make_tracker(
        tmp_path,
        monkeypatch,
        SMALL_TARGETS.replace("{by: 2030, value: 30}", f"{{by: 2030, value: {TOO_LONG}}}"),
        STORE_HEADER,
    )
    r = run("check")
    assert r.exit_code == 1
    # Line 20 ("      - {by: 2030, value: ..."), column 27: where the value starts.
    assert f"targets.yaml:20:27: error: target 'share': milestone value: {TOO_LONG_SAID}\n" in r.stderr
