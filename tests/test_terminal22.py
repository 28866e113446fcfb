"""What reaches a terminal from files other people send (issue 17, twenty-second session).

A source, a note, a name or a unit comes from a CSV of another office, an Open SDG import
or a pasted spreadsheet. Control characters were already shown as escapes in messages
and terminal tables (test_terminal_text.py); these tests are about what was left: the
bidirectional controls (U+202A-U+202E, U+2066-U+2069, the "Trojan Source" characters),
which reorder what a reader sees on a terminal that lays out right-to-left text, and data
formats (csv, tsv, json) printed straight to a terminal.
"""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SMALL_OBSERVATIONS, SMALL_TARGETS, make_tracker
from helpers import run_clean as run

RLO, PDF, LRI, PDI, ZWSP = "\u202e", "\u202c", "\u2066", "\u2069", "\u200b"
BIDI = (RLO, PDF, LRI, PDI)
# A note a hand edit left in the store: a right-to-left override that shows "REVERSED" for
# "DESREVER", an isolate, and a zero-width space inside a word.
NOTE = f"note {RLO}DESREVER{PDF} {LRI}iso{PDI} zw{ZWSP}sp"
SOURCE = f"src {RLO}ECRUOS{PDF} end"


@pytest.fixture
def hand_edited(tracker: Path) -> Path:
    with (tracker / "observations.csv").open("a", encoding="utf-8", newline="") as f:
        f.write(f'share,2020,10.9,estimate,{SOURCE},"{NOTE}",2021-01-10T00:00:00Z\n')
    return tracker


@pytest.mark.parametrize(
    "args",
    [
        ("observations", "--format", "table"),
        ("history", "share", "--format", "table"),
        ("history", "share", "2020", "--format", "table"),
        ("show", "share", "--format", "table"),
    ],
)
def test_a_bidirectional_control_in_a_stored_text_is_shown_by_its_code(hand_edited: Path, args: tuple[str, ...]):
    r = run(*args, env={"COLUMNS": "300"})
    assert r.exit_code == 0, r.stderr
    for c in BIDI:
        assert c not in r.stdout, (args, repr(c))
    # Written as its code, where it was: the reader sees that the text holds one.
    assert "src <U+202E>ECRUOS<U+202C> end" in r.stdout, r.stdout


def test_the_history_table_names_every_invisible_character_of_a_note(hand_edited: Path):
    r = run("history", "share", "2020", "--format", "table", env={"COLUMNS": "300"})
    assert "note <U+202E>DESREVER<U+202C> <U+2066>iso<U+2069> zw<U+200B>sp" in r.stdout, r.stdout


def test_a_message_quoting_a_typed_value_shows_a_bidirectional_control_by_its_code(tracker: Path):
    # '9<RLO>5' is not a number; echoed as typed, the override would reverse the rest of
    # the message on a terminal laying out right-to-left text.
    r = run("add-observation", "share", "2025", f"9{RLO}5")
    assert r.exit_code == 1
    assert RLO not in r.stderr
    assert "'9<U+202E>5' is not a number" in r.stderr, r.stderr


def test_an_imported_cells_bad_value_is_quoted_with_the_code(tracker: Path):
    (tracker / "in.csv").write_text(f"indicator,period,value\nshare,2025,9{RLO}5\n", encoding="utf-8")
    r = run("add-observation", "--from", "in.csv")
    assert r.exit_code == 1
    assert RLO not in r.stderr
    assert "9<U+202E>5" in r.stderr, r.stderr


NAMED = (
    SMALL_TARGETS.replace('"Manufacturing share"', f'"Manufacturing {RLO}erahs{PDF}"')
    .replace('unit: "%"', f'unit: "{LRI}%{PDI}"', 1)
    .replace("  - id: share\n", f'  - id: share\n    group: "Resolution {RLO}10"\n')
)


@pytest.mark.parametrize(
    "args",
    [
        ("status", "--format", "table"),
        ("status", "--group-by", "group", "--format", "table"),
        ("show", "share", "--format", "table"),
        ("indicators", "--format", "table"),
        ("targets", "--format", "table"),
        ("observations", "--format", "table"),
    ],
)
def test_a_name_unit_or_group_from_targets_yaml_never_reorders_a_terminal_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
):
    # targets.yaml may hold such a character in a name (check warns of it, nineteenth
    # session); a terminal table never prints it, so it reorders nothing on screen.
    make_tracker(tmp_path, monkeypatch, NAMED, SMALL_OBSERVATIONS)
    r = run(*args, env={"COLUMNS": "250"})
    assert r.exit_code == 0, r.stderr
    for c in BIDI:
        assert c not in r.stdout, (args, repr(c))
    # The letters themselves are all there, in the order they are stored.
    if args[0] in ("show", "indicators", "targets"):
        assert "Manufacturing erahs" in r.stdout, r.stdout


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_data_formats_piped_keep_the_bidirectional_controls(hand_edited: Path, fmt: str):
    # A pipe or a file gets the stored text (a script must read what the store holds).
    r = run("history", "share", "2020", "--format", fmt)
    assert r.exit_code == 0, r.stderr
    if fmt == "json":
        (vintage,) = json.loads(r.stdout)["vintages"]
        assert (vintage["source"], vintage["note"]) == (SOURCE, NOTE)
    else:
        assert SOURCE in r.stdout


# --- data formats printed straight to a terminal ----------------------------------------


def _on_a_terminal(folder: Path, *args: str) -> str:
    """qntrack run with its standard output on a pseudo-terminal (as a person typing the
    command sees it); what the terminal received."""
    main, child = pty.openpty()
    env = {k: v for k, v in os.environ.items() if not k.startswith("QNTRACK_")}
    env.update(COLUMNS="200", TERM="xterm", PYTHONPATH=os.pathsep.join(sys.path))
    process = subprocess.Popen(
        [sys.executable, "-m", "qntrack", *args], cwd=folder, stdout=child, stderr=subprocess.PIPE, env=env
    )
    os.close(child)
    received = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the terminal's other end closed: the command ended
            break
        if not chunk:
            break
        received += chunk
    os.close(main)
    process.wait(timeout=60)
    assert process.returncode == 0, process.stderr.read() if process.stderr else ""
    return received.decode("utf-8")


CONTROLS = "src \x1b[2J\x1b]52;c;ZXZpbA==\x07 x\x9b2J"


@pytest.fixture
def controls_stored(tracker: Path) -> Path:
    with (tracker / "observations.csv").open("a", encoding="utf-8", newline="") as f:
        f.write(f'share,2020,10.9,estimate,"{CONTROLS}","{NOTE}",2021-01-10T00:00:00Z\n')
    return tracker


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json"])
def test_a_data_format_printed_on_a_terminal_acts_on_no_stored_character(controls_stored: Path, fmt: str):
    # ESC [ 2 J clears the screen, OSC 52 sets the clipboard, U+009B is a one-character CSI,
    # U+202E reverses the line: a csv listing typed at a terminal must do none of it.
    shown = _on_a_terminal(controls_stored, "observations", "--format", fmt)
    for c in ("\x1b", "\x07", "\x9b", *BIDI):
        assert c not in shown, (fmt, repr(c))
    # Each written as a JSON-style escape, valid in a JSON text and legible in a CSV cell.
    assert "src \\u001b[2J\\u001b]52;c;ZXZpbA==\\u0007 x\\u009b2J" in shown, shown
    assert "note \\u202eDESREVER\\u202c" in shown, shown
    if fmt == "json":  # still a JSON document, reading back as the stored text
        document = json.loads(shown.replace("\r\n", "\n"))
        sources = [o["source"] for o in document["observations"]]
        assert CONTROLS in sources


# --- the Vietnamese of the last four sessions' messages ----------------------------------


def test_a_units_dates_are_written_as_a_vietnamese_reader_writes_dates(shipped: Path):
    # Hạ Long is declared `until: "2025-06-30"` in the shipped plan; a 2026 figure for it is
    # refused naming its dates. The same output's other date reads 31/12/2026 in
    # Vietnamese, so the unit's last day is 30/06/2025 (day/month/year), not 2025-06-30.
    args = ("add-observation", "budget_revenue", "2026", "100", "--dim", "locality=Hạ Long", "--status", "estimate")
    vi = run(*args, "--lang", "vi")
    assert vi.exit_code == 1
    assert "đơn vị này tồn tại đến 30/06/2025 (targets.yaml)" in vi.stderr, vi.stderr
    en = run(*args)
    assert "it existed until 2025-06-30 (targets.yaml)" in en.stderr, en.stderr


def test_check_says_a_units_dates_in_vietnamese_too(shipped: Path):
    with (shipped / "observations.csv").open("a", encoding="utf-8", newline="") as f:
        f.write("budget_revenue[locality=Hạ Long],2026,100,estimate,x,,2026-03-01T00:00:00Z\n")
    r = run("check", "--lang", "vi")
    assert "(nó tồn tại đến 30/06/2025, theo targets.yaml)" in r.stdout + r.stderr, r.stdout + r.stderr


def test_one_withdrawn_year_is_said_as_one_year(shipped: Path):
    # grdp-average-2021-2025 is judged on 2021-2025; with 2024 withdrawn, the sentence
    # names one year: "số liệu năm 2024", never "các năm 2024" (several years).
    assert run("retract", "grdp_growth", "2024", "--source", "test").exit_code == 0
    vi = run("show", "grdp-average-2021-2025", "--lang", "vi", "--format", "table", env={"COLUMNS": "300"}).stdout
    assert "Giai đoạn 2021–2025 đã kết thúc, số liệu năm 2024 đã bị rút lại, không còn số liệu có hiệu lực" in vi, vi
    assert "các năm 2024" not in vi


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "'Ước tính 2025' begins with a status (estimate): write the period alone, 2025, and the status with --status estimate",
        ),
        (
            "vi",
            "'Ước tính 2025' bắt đầu bằng loại số liệu (ước tính): hãy ghi riêng kỳ, 2025, và loại số liệu bằng --status estimate",
        ),
    ],
)
def test_a_status_word_typed_before_the_period_is_said_to_begin_the_text(tracker: Path, lang: str, said: str):
    # 'Ước tính 2025' is not a status: it starts with one. "is a status (estimate) before
    # a period" / "là loại số liệu ... đứng trước kỳ" said the whole text was a status.
    r = run("--lang", lang, "add-observation", "share", "Ước tính 2025", "10")
    assert r.exit_code == 1
    assert said in r.stderr, r.stderr


def _catalogs() -> tuple[dict[str, str], dict[str, str]]:
    import tomllib

    root = Path(__file__).resolve().parents[1] / "src" / "qntrack" / "catalog"

    def flat(table: dict, into: dict[str, str]) -> dict[str, str]:
        for key, value in table.items():
            if isinstance(value, dict):
                flat(value, into)
            else:
                into[key] = value
        return into

    return tuple(flat(tomllib.loads((root / f"{lang}.toml").read_text(encoding="utf-8")), {}) for lang in ("en", "vi"))  # type: ignore[return-value]


def _words(english: str) -> str:
    """An English message without its placeholders, commands and quoted texts (`qntrack
    retract`, 'retract'), which are typed, not translated."""
    import re

    return re.sub(r"\{[^}]*\}|`[^`]*`|'[^']*'|qntrack retract", "", english)


@pytest.mark.parametrize(
    ("english", "vietnamese", "except_for"),
    [
        # The glossary's verb for a withdrawn figure (docs/decisions.md, "rút lại"): "rút số
        # liệu" alone, three times, read as taking a figure out of a file.
        (r"\bwithdr(?:aw|awn|aws|awal|ew)\b", "rút lại", ()),
        # A revised figure is "điều chỉnh" (report_revised, label_notes_heading): a revision
        # merged from another clone was "một lần sửa số liệu". The confirmation of an added
        # revision says what it replaced, "thay cho số 9,9", which says the same thing.
        (r"\brevis(?:ed|ion|ions)\b", "điều chỉnh", ("cli_added_one_revising",)),
        (r"\bmilestones?\b", "mốc", ("definitions_milestones_not_list",)),  # the key itself
    ],
)
def test_vietnamese_says_each_term_with_the_glossarys_word(english: str, vietnamese: str, except_for: tuple[str, ...]):
    import re

    en, vi = _catalogs()
    missing = [
        key
        for key, text in en.items()
        if re.search(english, _words(text)) and vietnamese not in vi[key].lower() and key not in except_for
    ]
    assert missing == [], missing


def test_vietnamese_uses_none_of_the_words_the_glossary_replaced():
    # docs/decisions.md's terminology list: the observation status is "loại số liệu" (was
    # "trạng thái", "tình trạng"), the store "tệp số liệu" (was "tệp quan sát"), the
    # baseline "giá trị gốc" (was "mức cơ sở"), a flow "lượng theo kỳ" (was "dạng dòng").
    _, vi = _catalogs()
    replaced = (
        "tình trạng",
        "không có trạng thái",
        "tệp quan sát",
        "số liệu quan sát",
        "mức cơ sở",
        "dạng dòng",
        "cột mốc",
    )
    found = sorted((key, word) for key, text in vi.items() for word in replaced if word in text)
    assert found == [], found


def test_a_published_total_beside_its_parts_says_a_plan_uses_it():
    # "a plan reads {value}" / "kế hoạch đọc số {value}" (a plan "reading" a figure, a
    # calque in Vietnamese): the figure published for the period is the one a plan that
    # needs the period uses.
    from qntrack.catalog import msg, render

    words = dict(indicator="x", period="2025-Q1", value="10", parts="3 + 3 + 3", total="9", apart="1")
    said = msg("checks_to_date_parts", **words)
    assert "(a plan that needs 2025-Q1 uses 10)" in render(said, "en")
    assert "(kế hoạch cần số liệu kỳ 2025-Q1 sẽ dùng số 10)" in render(said, "vi")


def test_checks_jump_writes_its_moments_as_a_vietnamese_reader_does(tracker: Path):
    # share 2021 is 11.3 recorded 2022-01-10; a second vintage of 113 (ten times it) at
    # 2022-02-01. The confirmation of a revision already writes its day 10/01/2022 in
    # Vietnamese (cli_added_one_revising); check's warning wrote 2022-01-10T00:00:00Z.
    with (tracker / "observations.csv").open("a", encoding="utf-8", newline="") as f:
        f.write("share,2021,113,estimate,src,,2022-02-01T00:00:00Z\n")
    vi = run("check", "--lang", "vi")
    said = vi.stdout + vi.stderr
    assert (
        "113 (ghi nhận lúc 2022-02-01T00:00:00Z) khác số liệu của lần ghi trước, 11,3 (dòng 2, ghi nhận lúc 2022-01-10T00:00:00Z)"
        in said
    ), said
    en = run("check")
    assert "113 (recorded 2022-02-01T00:00:00Z)" in en.stdout + en.stderr, en.stdout + en.stderr


def test_an_earlier_vintage_is_told_with_vietnamese_dates(tracker: Path):
    # share 2023 is 12.3, recorded 2023-10-15; a vintage recorded 2023-06-01 comes before it.
    vi = run(
        "--lang",
        "vi",
        "add-observation",
        "share",
        "2023",
        "12.1",
        "--status",
        "estimate",
        "--recorded-at",
        "2023-06-01",
        "--dry-run",
    )
    assert (
        "share kỳ 2023 = 12,1 ghi nhận lúc 2023-06-01T00:00:00Z, trước số liệu đang có hiệu lực (12,3, ghi nhận lúc 2023-10-15T00:00:00Z)"
        in vi.stderr
    ), vi.stderr


# --- check names what a hand edit left in the store's sources and notes ------------------


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "observations.csv:8: warning: the source holds U+202E (right-to-left override), a character no one sees "
            "that changes how the text around it is shown",
        ),
        (
            "vi",
            "observations.csv:8: cảnh báo: nguồn chứa U+202E (right-to-left override), một ký tự không nhìn thấy được "
            "làm thay đổi cách hiển thị phần chữ quanh nó",
        ),
    ],
)
def test_check_warns_of_a_bidirectional_control_in_a_stored_source(hand_edited: Path, lang: str, said: str):
    # Line 8 (the header, six rows, then the hand-edited one) holds U+202E in its source
    # and U+202E, U+2066 and U+200B in its note: a report in a browser shows them reordered.
    # Only the first of each text is named, as the control check names one.
    r = run("--lang", lang, "check")
    lines = (r.stdout + r.stderr).splitlines()
    assert r.exit_code == 0, lines  # a warning: the figures are sound
    assert any(line.startswith(said) for line in lines), lines
    note = [line for line in lines if line.startswith("observations.csv:8:") and ("note" in line or "ghi chú" in line)]
    assert len(note) == 1 and "U+202E" in note[0], lines


def test_check_says_nothing_of_a_store_without_such_a_character(tracker: Path):
    r = run("check", "invisible")
    assert r.exit_code == 0 and r.stdout + r.stderr == "", r.stdout + r.stderr


# --- the Markdown report, a text file read in terminals (cat, less) ----------------------


def test_the_markdown_report_writes_a_stored_control_character_as_an_escape(tracker: Path):
    # The latest figure of share, with ESC [ 2 J and U+009B (a one-character CSI) in its
    # source and OSC 52 (set the clipboard) in its note, as a hand edit could leave them.
    with (tracker / "observations.csv").open("a", encoding="utf-8", newline="") as f:
        f.write(
            'share,2024-Q2,13.0,estimate,"esc \x1b[2J src \x9b2J","note \x1b]52;c;ZXZp\x07 n",2024-07-05T00:00:00Z\n'
        )
        # A link made of a source (http(s) only): its control character percent-encoded.
        f.write("mining,2021,16.9,estimate,https://ex.am/p\x1b[2Jq,,2021-10-15T00:00:00Z\n")
    r = run("report", "-o", "r.md")
    assert r.exit_code == 0, r.stderr
    written = (tracker / "r.md").read_text(encoding="utf-8")
    for c in ("\x1b", "\x07", "\x9b"):
        assert c not in written, repr(c)
    # Shown as the terminal tables show them, \x1b (its backslash escaped for Markdown, so a
    # renderer shows "\x1b" too), with the Markdown escapes of '[' and ']' as before.
    assert "esc \\\\x1b\\[2J src \\\\x9b2J" in written, written
    assert "note \\\\x1b\\]52;c;ZXZp\\\\x07 n" in written, written
    assert "(https://ex.am/p%1B[2Jq)" in written, written


def test_a_ceilings_goal_is_said_with_the_glossarys_words():
    # A ceiling as a goal is "không quá" (faf2fb5, label_goal_at_most): the range message
    # told the author to write the high end "(tối đa 4.5)", a limit of characters' word.
    from qntrack.catalog import msg, render

    said = render(msg("definitions_number_range", text="4-4.5", low="4", high="4.5"), "vi")
    assert "nếu càng thấp càng tốt (không quá 4.5)" in said, said


def test_a_noncharacter_is_said_as_a_character_a_word_document_cannot_hold():
    # "..., điều mà tài liệu Word không thể chứa" (a thing, "which") after naming a
    # character reads as a calque of English "which"; Vietnamese names the character again.
    _, vi = _catalogs()
    assert [key for key, text in vi.items() if "điều mà" in text] == []
