"""Figures pasted from Excel into `add-observation --from -` (issue 17, fifteenth session).

Excel copies a range as TSV: CRLF line ends and a trailing CRLF, numbers as displayed
(an accounting format shows a negative in brackets), a merged cell as its value then
empty cells, a cell with a line break (Alt+Enter) quoted with an embedded LF.
"""

from __future__ import annotations

from pathlib import Path

from helpers import run_clean, store_text


def paste(*rows: str) -> str:
    """Rows of tab-separated cells as Excel's clipboard holds them: CRLF after each."""
    return "".join(row + "\r\n" for row in rows)


def test_an_accounting_negative_is_refused_naming_the_minus_form(tracker: Path):
    # '(2,5)' is how Excel's Accounting format shows -2.5 (vi settings). It was refused as
    # "'(2,5)' is not a number; write e.g. 1234.5", which does not say that the brackets
    # are a minus sign. Refused (never guessed), naming what to type: -2,5.
    before = store_text(tracker)
    text = paste("indicator\tperiod\tvalue", "share\t2021-Q1\t2,5", "share\t2021-Q2\t(2,5)")
    r = run_clean("add-observation", "--from", "-", input=text)
    assert r.exit_code == 1, r.output
    assert "<stdin>:3: error: '(2,5)'" in r.stderr, r.stderr
    assert "-2,5" in r.stderr and "accounting" in r.stderr.lower(), r.stderr
    assert store_text(tracker) == before


def test_an_accounting_negative_in_a_wide_paste_names_its_period(tracker: Path):
    # en settings: (1,234.5) is -1234.5; the message names the form to type: -1,234.5.
    before = store_text(tracker)
    text = paste("indicator\t2021\t2022", "mining\t1.5\t(1,234.5)")
    r = run_clean("add-observation", "--from", "-", "--wide", input=text)
    assert r.exit_code == 1, r.output
    assert "2022" in r.stderr and "-1,234.5" in r.stderr and "accounting" in r.stderr.lower(), r.stderr
    assert store_text(tracker) == before


def test_an_indicator_merged_down_in_a_paste_says_what_to_do(tracker: Path):
    # A merged indicator cell pastes as its value on the first row, an empty cell below:
    # it was "unknown indicator ''; known: ...", as the workbook path no longer says.
    before = store_text(tracker)
    text = paste("indicator\tperiod\tvalue", "share\t2021-Q1\t2,5", "\t2021-Q2\t2,6")
    r = run_clean("add-observation", "--from", "-", input=text)
    assert r.exit_code == 1, r.output
    assert "<stdin>:3: error: the indicator cell is empty" in r.stderr, r.stderr
    assert "merged" in r.stderr and "unknown indicator" not in r.stderr, r.stderr
    assert store_text(tracker) == before


def test_a_cell_with_a_line_break_is_told_as_such(tracker: Path):
    # Excel copies a note typed with Alt+Enter as "line1<LF>line2" in quotes: the quote is
    # not missing, as the message asked; it now names the line break and its fix.
    before = store_text(tracker)
    text = paste("indicator\tperiod\tvalue\tnote", 'share\t2021-Q1\t2,5\t"first\nsecond"')
    r = run_clean("add-observation", "--from", "-", input=text)
    assert r.exit_code == 1, r.output
    assert "<stdin>:2: error:" in r.stderr and "line break" in r.stderr, r.stderr
    assert store_text(tracker) == before


def test_a_paste_with_thousands_and_decimal_commas_is_read_as_shown(tracker: Path):
    # vi settings: '1.234,5' is 1234.5 and '1.234' beside '2,5' is 1234 (the paste shows a
    # decimal comma, so the point groups thousands); CRLF, a trailing empty row of tabs.
    text = paste(
        "indicator\tperiod\tvalue", "mining\t2021\t1.234,5", "mining\t2022\t1.234", "mining\t2023\t2,5", "\t\t"
    )
    r = run_clean("add-observation", "--from", "-", "--recorded-at", "2024-06-30", input=text)
    assert r.exit_code == 0, r.output
    added = store_text(tracker).splitlines()[-3:]
    assert [line.split(",")[:3] for line in added] == [
        ["mining", "2021", "1234.5"],
        ["mining", "2022", "1234"],
        ["mining", "2023", "2.5"],
    ]


def test_an_indicator_merged_down_in_a_wide_paste_says_what_to_do(tracker: Path):
    # A wide table whose indicator is merged over two rows (two sources, say): the second
    # row's figures have no indicator; said as in the long shape, not "unknown indicator ''".
    before = store_text(tracker)
    text = paste("indicator\t2021\t2022", "mining\t1,5\t2,5", "\t1,6\t2,6")
    r = run_clean("add-observation", "--from", "-", "--wide", input=text)
    assert r.exit_code == 1, r.output
    assert "<stdin>:3: error: the indicator cell is empty" in r.stderr, r.stderr
    assert "unknown indicator" not in r.stderr, r.stderr
    assert store_text(tracker) == before


def test_a_typed_accounting_negative_names_the_minus_form(tracker: Path):
    # The same figure typed (pasted one cell into the command line): '(2,5)' was "not a
    # number; write a decimal like 10.28".
    before = store_text(tracker)
    r = run_clean("add-observation", "share", "2021-Q1", "(2,5)")
    assert r.exit_code != 0, r.output
    assert "-2,5" in r.stderr and "accounting" in r.stderr.lower(), r.stderr
    assert store_text(tracker) == before


def test_a_figure_excel_shows_in_scientific_notation_is_refused_not_rounded(tracker: Path):
    # A General cell too narrow for 123456 shows '1,23E+05' (vi settings), and the clipboard
    # carries what is shown: it was stored as 123000 (1.23 x 10^5), a wrong figure with no
    # word said. Excel's form (a capital E, a signed exponent of two digits or more) is
    # refused; a program's '1e5' stays a number (test_formats.py, test_hostile_g1.py).
    before = store_text(tracker)
    text = paste("indicator\tperiod\tvalue", "mining\t2021\t1,23E+05", "mining\t2022\t2,5")
    r = run_clean("add-observation", "--from", "-", input=text)
    assert r.exit_code == 1, r.output
    assert "<stdin>:2: error: '1,23E+05'" in r.stderr and "scientific" in r.stderr, r.stderr
    assert store_text(tracker) == before
    r = run_clean("add-observation", "--from", "-", "--wide", input=paste("indicator\t2021", "mining\t1.5E+03"))
    assert r.exit_code == 1 and "2021" in r.stderr and "scientific" in r.stderr, r.stderr
    assert store_text(tracker) == before


def test_a_lower_case_exponent_is_still_a_number(tracker: Path):
    # '2.5e1' is 2.5 x 10 = 25, as a program writes it: read, not refused (stored as 25).
    r = run_clean(
        "add-observation",
        "--from",
        "-",
        "--recorded-at",
        "2024-06-30",
        input=paste("indicator\tperiod\tvalue", "mining\t2021\t2.5e1"),
    )
    assert r.exit_code == 0, r.output
    assert store_text(tracker).splitlines()[-1].split(",")[:3] == ["mining", "2021", "25"]


def test_a_column_too_narrow_for_its_number_says_so(tracker: Path):
    # Excel shows '####' where a number is too wide for its column, and copies that: it
    # was "'####' is not a number; write e.g. 1234.5", which hides what to do.
    before = store_text(tracker)
    text = paste("indicator\tperiod\tvalue", "mining\t2021\t####", "mining\t2022\t2,5")
    r = run_clean("add-observation", "--from", "-", input=text)
    assert r.exit_code == 1, r.output
    assert "<stdin>:2: error: '####'" in r.stderr and "widen" in r.stderr, r.stderr
    assert store_text(tracker) == before


def test_excels_scientific_form_with_a_decimal_point_is_refused_on_every_path(tracker: Path):
    # The same display under English settings, '1.23E+05', in a file of the plain long shape:
    # the import's column-at-a-time path (import_columns) took it as float() reads it and
    # stored 123000, where the row-by-row path refuses it. Both now refuse it, pasted or read
    # from a file, CSV or TSV.
    before = store_text(tracker)
    csv_text = "indicator,period,value\nmining,2021,1.23E+05\nmining,2022,2.5\n"
    (tracker / "e.csv").write_text(csv_text, encoding="utf-8")
    for args, given in (
        (["--from", "e.csv"], None),
        (["--from", "-"], paste("indicator\tperiod\tvalue", "mining\t2021\t1.23E+05")),
    ):
        r = run_clean("add-observation", *args, input=given)
        assert r.exit_code == 1, r.output
        assert "'1.23E+05'" in r.stderr and "scientific" in r.stderr, r.stderr
    assert store_text(tracker) == before


def test_a_typed_figure_in_scientific_notation_is_told_to_be_typed_in_full(tracker: Path):
    # On the command line there is no column to format: the paste message ("format the
    # column as Number ... and copy it again") told a typist to do what they cannot.
    # 1.2E+03 = 1.2 x 10^3 = 1200, written in full in the message; still refused, since the
    # text may be Excel's rounded display of another figure (1234 shows as 1.2E+03 too).
    before = store_text(tracker)
    r = run_clean("add-observation", "mining", "2021", "1.2E+03")
    assert r.exit_code != 0, r.output
    assert "'1.2E+03'" in r.stderr and "1200" in r.stderr, r.stderr
    assert "column" not in r.stderr and "copy it again" not in r.stderr, r.stderr
    # 2.5E-03 = 0.0025, in full with no exponent; in Vietnamese with the decimal comma,
    # as a Vietnamese reader types it (seventeenth session, tests/test_vietnamese17.py).
    r = run_clean("add-observation", "mining", "2021", "2.5E-03", "--lang", "vi")
    assert r.exit_code != 0 and "0,0025" in r.stderr and "0.0025" not in r.stderr, r.stderr
    assert store_text(tracker) == before


def test_a_lone_dash_in_a_long_table_says_what_it_stands_for(tracker: Path):
    # A table marks "no figure" with '-', and Excel's Accounting format shows zero as '-'.
    # A wide table passes such a cell over (no figure for that period); a long table's row
    # exists only for its figure, so the row is refused, as before, but the message said
    # "'-' is not a number; write e.g. 1234.5", which names neither reading.
    before = store_text(tracker)
    text = paste("indicator\tperiod\tvalue", "mining\t2021\t-", "mining\t2022\t2,5")
    r = run_clean("add-observation", "--from", "-", input=text)
    assert r.exit_code == 1, r.output
    line = next(x for x in r.stderr.splitlines() if x.startswith("<stdin>:2: error:"))
    assert "'-'" in line and " 0" in line and "leave" in line, line
    assert store_text(tracker) == before


def test_a_source_line_under_a_table_whose_first_column_is_the_period(tracker: Path):
    # A yearbook's CSV with the period first ends with a source line in column A. With the
    # indicator first it is passed over as a note; here it was refused twice over ("the
    # indicator cell is empty", "the value is empty"), as if it were a row of figures.
    text = "period,indicator,value\n2021,mining,2.5\nNguồn: Cục Thống kê Quảng Ninh,,\nSource: GSO,,\n"
    (tracker / "y.csv").write_text(text, encoding="utf-8")
    r = run_clean("add-observation", "--from", "y.csv", "--recorded-at", "2024-06-30")
    assert r.exit_code == 0, r.stderr
    assert store_text(tracker).splitlines()[-1].split(",")[:3] == ["mining", "2021", "2.5"]
    # What only sits alone in the period column without being a note is still refused:
    # '2022' alone is a period without its row.
    (tracker / "z.csv").write_text("period,indicator,value\n2022,,\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "z.csv", "--recorded-at", "2024-06-30")
    assert r.exit_code == 1, r.stderr
