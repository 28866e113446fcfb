"""Hostile authors of input files, and the people who open what qntrack writes (issue 17,
eighteenth session): a source that looks like a link but that no URL parser takes, an
import row padded with a million empty cells, the store's formula guard in the files other
systems publish, and text a spreadsheet would run, written out and read back.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from conftest import SMALL_OBSERVATIONS, SMALL_TARGETS, STORE_HEADER, make_tracker
from helpers import run_bounded, run_clean, store_text

# --- a source shaped like a link that is not one ---------------------------------------

# Each matches the report's test for a link (http(s)://, no space, no quote, no < >), and
# Python's urlsplit refuses each: an unclosed IPv6 bracket, and a host holding a character
# that NFKC normalisation turns into a '/' ('℀' is 'a/c').
NOT_LINKS = ["http://[x/report", "http://a\u2100b.example/page"]


@pytest.fixture
def odd_sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("QNTRACK_NO_CACHE", "1")
    rows = "".join(
        f'share,{2021 + i}-Q2,{12 + i},estimate,"{s}",,{2021 + i}-07-10T00:00:00Z\n' for i, s in enumerate(NOT_LINKS)
    )
    return make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS + rows)


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_a_source_no_url_parser_takes_is_shown_as_text_not_a_traceback(odd_sources: Path, fmt: str):
    r = run_bounded("report", "--format", fmt, seconds=60)
    assert r.exit_code == 0, r.stderr
    for source in NOT_LINKS:
        # Shown as typed (the markdown report escapes '[' and nothing else of these),
        # and never as a link's address.
        shown = source.replace("[", "\\[") if fmt == "markdown" else source
        assert shown in r.stdout
        assert f"]({source}" not in r.stdout and f'href="{source}' not in r.stdout


def test_the_word_report_shows_such_a_source_as_text(odd_sources: Path):
    r = run_bounded("report", "-o", "review.docx", seconds=60)
    assert r.exit_code == 0, r.stderr
    with zipfile.ZipFile(odd_sources / "review.docx") as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert "http://[x/report" in body and "http://a\u2100b.example/page" in body


# --- an import row padded with empty cells ---------------------------------------------

# Spreadsheets pad rows with empty cells, which the import drops; dropping them one at a
# time copied the row each time: 80,000 commas took 7.5 s, 5 million did not end in 300 s.
# 400,000 is read in well under a second when each is dropped once (ten seconds allowed on
# a shared machine; the quadratic drop took minutes).
PADDING = "," * 400_000


def _small(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("QNTRACK_NO_CACHE", "1")
    return make_tracker(tmp_path, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)


@pytest.mark.parametrize(
    "name, text, extra",
    [
        ("long.csv", STORE_HEADER + "share,2024-Q2,13.1,estimate,src,,2024-07-10T00:00:00Z" + PADDING + "\n", []),
        ("wide.csv", "indicator,2024-Q2\nshare,13.1" + PADDING + "\n", ["--wide", "--status", "estimate"]),
        (
            "sdmx.csv",
            "STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,TIME_PERIOD,OBS_VALUE,OBS_STATUS\n"
            "dataflow,GSO:DF_X(1.0),I,share,2024-Q2,13.1,E" + PADDING + "\n",
            [],
        ),
    ],
    ids=["long", "wide", "sdmx"],
)
def test_a_row_padded_with_empty_cells_is_read_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str, extra: list[str]
):
    folder = _small(tmp_path, monkeypatch)
    (folder / name).write_text(text, encoding="utf-8")
    r = run_bounded("add-observation", "--from", name, "--recorded-at", "2024-07-10", *extra, seconds=10)
    assert r.exit_code == 0, r.stderr
    # The one row, its padding dropped: share 2024-Q2 = 13.1, an estimate.
    assert store_text(folder).splitlines()[-1].startswith("share,2024-Q2,13.1,estimate,")


def test_a_padded_row_with_a_cell_too_many_is_still_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    folder = _small(tmp_path, monkeypatch)
    # The header has 7 columns; this row has 8 cells before its padding (an 'x' after the
    # moment), so it is refused with the count of cells that hold something or sit before one.
    row = "share,2024-Q2,13.1,estimate,src,,2024-07-10T00:00:00Z,x" + PADDING + "\n"
    (folder / "long.csv").write_text(STORE_HEADER + row, encoding="utf-8")
    before = store_text(folder)
    r = run_bounded("add-observation", "--from", "long.csv", seconds=10)
    assert r.exit_code == 1
    assert "long.csv:2: error:" in r.stderr and "8" in r.stderr
    assert store_text(folder) == before


# --- text a spreadsheet would run, written out and read back ---------------------------

# What people type that a spreadsheet would run, and a figure that must stay a number.
RISKY = {
    '=HYPERLINK("http://x","click")': '\'=HYPERLINK("http://x","click")',
    "@SUM(A1)": "'@SUM(A1)",
    "+84 912 345 678": "'+84 912 345 678",
    "- see the yearbook": "'- see the yearbook",
    " =1+1": "'=1+1",  # the store strips the space, then guards what is left
}


def test_formula_text_is_stored_guarded_and_round_trips_through_csv_and_tsv(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    folder = _small(tmp_path, monkeypatch)
    for i, (typed, _) in enumerate(RISKY.items()):
        r = run_clean(
            "add-observation", "mining", str(2005 + i), "-1.5", "--status", "official",
            "--source", typed, "--note", typed, "--recorded-at", f"{2006 + i}-01-01",
        )  # fmt: skip
        assert r.exit_code == 0, r.stderr
    stored = store_text(folder)
    for guarded in RISKY.values():
        # -1.5 stays a number (no apostrophe); the texts are behind one apostrophe.
        assert f"-1.5,official,{_csv(guarded)},{_csv(guarded)}," in stored
    for fmt in ("csv", "tsv"):
        listing = run_clean("observations", "--indicator", "mining", "--format", fmt)
        assert listing.exit_code == 0
        # Every data output a spreadsheet opens shows the guarded text, the figure a number.
        assert "'-1.5" not in listing.stdout and "\t-1.5\t" in listing.stdout.replace(",", "\t")
        other = tmp_path / f"again-{fmt}"
        other.mkdir()
        (other / "targets.yaml").write_text(SMALL_TARGETS, encoding="utf-8")
        (other / "observations.csv").write_text(STORE_HEADER, encoding="utf-8")
        (other / f"listing.{fmt}").write_text(listing.stdout, encoding="utf-8")
        back = run_clean(
            "--targets", str(other / "targets.yaml"), "add-observation", "--from", str(other / f"listing.{fmt}")
        )
        assert back.exit_code == 0, back.stderr
        # Read back, the store holds the very rows the first one holds for mining (each in
        # force: no period of mining was recorded twice; share was not listed).
        first = [line for line in stored.splitlines() if line.startswith("mining,")]
        again = [line for line in store_text(other).splitlines() if line.startswith("mining,")]
        assert sorted(again) == sorted(first)


def _csv(text: str) -> str:
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ',"') else text


# --- the Open SDG metadata is a web page's text, not a spreadsheet's cell ---------------


def test_open_sdg_metadata_gives_a_source_as_typed_without_the_store_apostrophe(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    folder = _small(tmp_path, monkeypatch)
    r = run_clean(
        "add-observation", "mining", "2021", "16.5", "--status", "official",
        "--source", "=Yearbook 2021", "--recorded-at", "2022-01-01",
    )  # fmt: skip
    assert r.exit_code == 0, r.stderr
    assert ",'=Yearbook 2021," in store_text(folder)  # the store keeps its guard
    r = run_clean("export", "opensdg", "--into", str(tmp_path / "site"))
    assert r.exit_code == 0, r.stderr
    meta = (tmp_path / "site" / "meta" / "mining.md").read_text(encoding="utf-8")
    # Open SDG shows these fields on the indicator's web page: the source as it was typed.
    # mining's three figures give one source each (src-e 2015, src-f 2020, this one 2021);
    # ties are listed in the order met, so it is the third.
    assert "source_organisation_3: =Yearbook 2021\n" in meta
    assert "'=Yearbook" not in meta


# --- a workbook whose sheet claims the whole grid -------------------------------------


def _workbook_reaching(path: Path, corner: str) -> None:
    """A workbook with one row of figures, and one blank-looking cell (a space) at
    ``corner``: what a stray keystroke far down a sheet leaves, and what makes the sheet's
    <dimension> claim every row and column up to it."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["indicator", "period", "value", "status", "source", "note", "recorded_at"])
    sheet.append(["share", "2024-Q2", 13.1, "estimate", "src", None, "2024-07-10T00:00:00Z"])
    sheet[corner] = " "
    book.save(path)


def test_a_workbook_reaching_the_last_cell_of_the_grid_is_read_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # XFD1048576 is the last cell Excel has: each of 1,048,576 rows was filled out to 16,384
    # cells (17 billion) and read one by one; a workbook to XFD2000 already took 2.6 s.
    folder = _small(tmp_path, monkeypatch)
    _workbook_reaching(folder / "far.xlsx", "XFD1048576")
    r = run_bounded("add-observation", "--from", "far.xlsx", seconds=30)
    assert r.exit_code == 0, r.stderr
    assert store_text(folder).splitlines()[-1] == "share,2024-Q2,13.1,estimate,src,,2024-07-10T00:00:00Z"


def test_rows_reaching_the_last_column_are_read_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # Below the table, rows each with one cell in XFD, the last column: each row is 16,384
    # cells wide, and asking each cell for its value took 19.5 s for 20,000 such rows.
    # What makes it quick, asserted without a stopwatch (speed is the benchmark's): a
    # stretch of openpyxl's one empty cell is passed over after one count, so only the
    # stretch holding the far cell has its cells asked for their values.
    import openpyxl
    from openpyxl.cell.read_only import EMPTY_CELL, EmptyCell

    from qntrack.files.workbook_book import filled_cells

    class Cell:  # a cell the sheet has
        value = "x"

    asked = []

    def counted(cell: object) -> None:
        asked.append(1)

    row = (EMPTY_CELL,) * 16_383 + (Cell(),)
    with monkeypatch.context() as patched:
        patched.setattr(EmptyCell, "value", property(counted))  # each empty cell asked, counted
        assert filled_cells(row) == [(16_383, "x")]
    # Only the last stretch of 256 holds the far cell: its 255 empty cells are asked, not
    # the 16,383 of the row, as each cell of it was before.
    assert len(asked) == 255
    # And through the import, with a few such rows under the table.
    folder = _small(tmp_path, monkeypatch)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["indicator", "period", "value", "status", "source", "note", "recorded_at"])
    sheet.append(["share", "2024-Q2", 13.1, "estimate", "src", None, "2024-07-10T00:00:00Z"])
    for _ in range(50):
        sheet.append({16_384: "x"})  # column 16,384 is XFD
    book.save(folder / "far.xlsx")
    r = run_clean("add-observation", "--from", "far.xlsx")
    assert r.exit_code == 0, r.stderr
    assert store_text(folder).splitlines()[-1] == "share,2024-Q2,13.1,estimate,src,,2024-07-10T00:00:00Z"


# --- control characters a hand edit leaves in the store --------------------------------


def test_check_names_a_control_character_a_hand_edit_left_in_the_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # add-observation refuses a control character in a source or a note; a hand edit (or a
    # paste into the file) is not refused, and csv and tsv print the stored text as it is:
    # ESC [ 2 J clears the screen of whoever prints them. check must name each row.
    folder = _small(tmp_path, monkeypatch)
    with open(folder / "observations.csv", "a", encoding="utf-8", newline="") as fh:
        fh.write("mining,2021,16.5,official,\x1b[2Jyearbook,,2022-01-10T00:00:00Z\n")  # line 8
        fh.write("mining,2023,15.9,official,yearbook,bell\x07,2024-01-10T00:00:00Z\n")  # line 9
    r = run_clean("check")
    assert r.exit_code == 1
    assert r.stderr.splitlines() == [
        "observations.csv:8: error: the source contains a control character (U+001B), which add-observation "
        "refuses: a terminal showing the file would act on it; remove it",
        "observations.csv:9: error: the note contains a control character (U+0007), which add-observation "
        "refuses: a terminal showing the file would act on it; remove it",
        "2 error(s), 0 warning(s)",
    ]
    vi = run_clean("check", "--lang", "vi")
    assert vi.stderr.splitlines()[0] == (
        "observations.csv:8: lỗi: nguồn chứa ký tự điều khiển (U+001B), ký tự mà add-observation không nhận: "
        "cửa sổ dòng lệnh hiển thị tệp sẽ thực thi nó; hãy xóa nó"
    )
    listed = run_clean("check", "--list")
    # The control check's line (the nineteenth session's `invisible` comes after it).
    assert listed.stdout.splitlines()[-10].split()[:3] == [
        "control",
        "error",
        "default",
    ]  # year-to-date (twentieth), parts-sum and lost-letters (twenty-first), official-replaced (24th),
    # yearly-unjudged (30th), unit-names (31st), open-sdg-status (37th), unit-baseline (43rd)


# --- where the plan says its figures are ------------------------------------------------


@pytest.mark.parametrize("address", ["https://example.org/data/observations.csv", "file:///srv/observations.csv"])
@pytest.mark.parametrize(
    "command", [["check"], ["add-observation", "share", "2024-Q2", "13.1", "--status", "estimate"]]
)
def test_a_web_address_as_the_store_is_refused_at_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, address: str, command: list[str]
):
    # It was read as a relative path ('https:/example.org/...', its '//' one '/'): said as a
    # folder 'https:' that does not exist, and a plan beside a folder of that name would
    # have had its figures written there.
    folder = _small(tmp_path, monkeypatch)
    (folder / "targets.yaml").write_text(f'observations: "{address}"\n' + SMALL_TARGETS, encoding="utf-8")
    before = sorted(p.name for p in folder.iterdir())
    r = run_clean(*command)
    assert r.exit_code == 1
    assert r.stderr == (
        f"targets.yaml:1:15: error: observations: '{address}' is an address (URL), not a file name; qntrack "
        "reads a file on this computer: download it, and give its name relative to targets.yaml (e.g. "
        "observations.csv)\n"
    )
    assert sorted(p.name for p in folder.iterdir()) == before


def test_a_store_beside_or_above_the_plan_is_still_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # A plan may name its figures in a folder above it (plans/2025/targets.yaml sharing
    # data/observations.csv) or by an absolute path: both are files on this computer.
    plans = tmp_path / "plans"
    plans.mkdir()
    (tmp_path / "observations.csv").write_text(SMALL_OBSERVATIONS, encoding="utf-8")
    _small(plans, monkeypatch)
    for name in ("../observations.csv", str(tmp_path / "observations.csv")):
        (plans / "targets.yaml").write_text(f'observations: "{name}"\n' + SMALL_TARGETS, encoding="utf-8")
        r = run_clean("observations", "--indicator", "mining", "--format", "csv")
        assert r.exit_code == 0, r.stderr
        assert "mining,2020,17.3,estimate,src-f,,2020-10-15T00:00:00Z" in r.stdout


def test_a_web_address_as_the_store_is_said_in_vietnamese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    folder = _small(tmp_path, monkeypatch)
    (folder / "targets.yaml").write_text('observations: "http://x.vn/a.csv"\n' + SMALL_TARGETS, encoding="utf-8")
    r = run_clean("check", "--lang", "vi")
    assert r.exit_code == 1
    assert r.stderr == (
        "targets.yaml:1:15: lỗi: observations: 'http://x.vn/a.csv' là một địa chỉ (URL), không phải tên tệp; "
        "qntrack đọc tệp trên máy này: hãy tải tệp về rồi ghi tên tệp tính từ thư mục chứa targets.yaml "
        "(ví dụ observations.csv)\n"
    )


# --- a cache folder that is a link --------------------------------------------------------


@pytest.mark.parametrize("command", [["status"], ["status", "--format", "json"]])
def test_a_cache_folder_shipped_as_a_link_is_never_written_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
):
    # A tracker from someone else (a zip, a clone) may hold '.qntrack-cache' as a link to
    # any folder ('..', a home): the cache's CACHEDIR.TAG written there tells backup tools
    # to skip that whole folder, its sweep removed hidden '.*.tmp' files older than an hour,
    # and status-*.bin files landed in it. The cache is only for speed: without a folder of
    # its own, none is kept.
    folder = tmp_path / "tracker"
    folder.mkdir()
    elsewhere = tmp_path / "documents"
    elsewhere.mkdir()
    (elsewhere / "letter.txt").write_text("mine\n", encoding="utf-8")
    old = elsewhere / ".draft.tmp"
    old.write_text("kept\n", encoding="utf-8")
    os.utime(old, (0, 0))  # older than an hour: what the sweep removes in a cache folder
    make_tracker(folder, monkeypatch, SMALL_TARGETS, SMALL_OBSERVATIONS)
    (folder / ".qntrack-cache").symlink_to(elsewhere, target_is_directory=True)
    for _ in range(2):  # the second run would keep the plan and read the status cache
        r = run_clean(*command)
        assert r.exit_code == 0, r.stderr
    assert sorted(p.name for p in elsewhere.iterdir()) == [".draft.tmp", "letter.txt"]
    assert (folder / ".qntrack-cache").is_symlink()


# --- an Open SDG repository whose folders are links ---------------------------------------


def test_an_export_never_writes_or_removes_through_a_linked_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # A repository from someone else, cloned with an earlier export's marker, may hold
    # 'data' as a link to any folder: the export wrote its files there, and removed the
    # files the marker listed under data/ (here data/letter.txt, someone's own file).
    _small(tmp_path, monkeypatch)
    elsewhere = tmp_path / "documents"
    elsewhere.mkdir()
    (elsewhere / "letter.txt").write_text("mine\n", encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / ".qntrack-export").write_text("qntrack 1.0 opensdg-export\ndata/letter.txt\n", encoding="utf-8")
    (site / "data").symlink_to(elsewhere, target_is_directory=True)
    r = run_clean("export", "opensdg", "--into", str(site))
    assert r.exit_code == 2
    assert r.stderr == (
        f"{site}: error: data is a link to another folder ({elsewhere}); an export writes only into "
        "folders of its own: remove the link, or choose another folder\n"
    )
    assert sorted(p.name for p in elsewhere.iterdir()) == ["letter.txt"]
    assert sorted(p.name for p in site.iterdir()) == [".qntrack-export", "data"]


# --- a value thousands of characters long, said in one readable line ----------------------


def test_a_value_thousands_of_digits_long_is_said_shortened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # A 5,000-digit number is no number qntrack can hold (a float ends near 1.8e308); the
    # message quoted all 5,000 digits. It now shows the first 40 and last 10 characters
    # and how many there were.
    digits = "9" * 5000
    folder = _small(tmp_path, monkeypatch)
    (folder / "targets.yaml").write_text(
        SMALL_TARGETS.replace("{by: 2025, value: 15}", "{by: 2025, value: " + digits + "}"), encoding="utf-8"
    )
    r = run_clean("check")
    assert r.exit_code == 1
    shown = "9" * 40 + "…[5,000 characters]…" + "9" * 10
    # SMALL_TARGETS' line 19 is '      - {by: 2025, value: 15}': the value is at column 6 + 20 + 1.
    assert (
        r.stderr
        == f"targets.yaml:19:27: error: target 'share': milestone value: '{shown}' is not a number; write a decimal like 12.5\n"
    )
    vi = run_clean("check", "--lang", "vi")
    assert "'" + "9" * 40 + "…[5.000 ký tự]…" + "9" * 10 + "'" in vi.stderr
    (folder / "targets.yaml").write_text(SMALL_TARGETS, encoding="utf-8")
    r = run_clean("add-observation", "share", "2024-Q2", digits, "--status", "estimate")
    assert r.exit_code == 1
    assert (
        r.stderr
        == f"add-observation: error: '{shown}' is not a finite number: beyond about 1.8 × 10^308, too large to be held; write it in a larger unit\n"
    )


def test_a_one_character_csi_is_a_control_character_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # U+009B is CSI in one character (C1): xterm acts on it as on ESC [. targets.yaml and
    # the terminal tables already took C1 for control characters; add-observation and
    # check did not (only C0 and DEL).
    folder = _small(tmp_path, monkeypatch)
    before = store_text(folder)
    r = run_clean("add-observation", "mining", "2021", "16.5", "--status", "official", "--source", "\u009b2Jyearbook")
    assert r.exit_code == 1
    assert r.stderr == "add-observation: error: the source contains a control character (U+009B)\n"
    assert store_text(folder) == before
    with open(folder / "observations.csv", "a", encoding="utf-8") as fh:
        fh.write("mining,2021,16.5,official,yearbook,\u0085next line,2022-01-10T00:00:00Z\n")  # line 8
    r = run_clean("check")
    assert r.exit_code == 1
    assert r.stderr == (
        "observations.csv:8: error: the note contains a control character (U+0085), which add-observation "
        "refuses: a terminal showing the file would act on it; remove it\n"
    )


# --- a long word in the PDF report --------------------------------------------------------


def test_a_long_unbroken_word_is_laid_out_at_once_in_the_pdf():
    # WeasyPrint breaks a word that fits no line ('overflow-wrap: anywhere') in time that
    # grows with the square of its length: a 4,000-character word in a table cell took
    # 33 s, and the store's four 2,000-character sources and notes added 45 s to a report.
    # A break opportunity (<wbr>) every 16 characters of a word of 40 or more lets it
    # break there (0.5 s). Entities stay whole; tags, the head and the charts are not touched.
    from qntrack.output.report_pdf import breakable

    html = (
        "<html><head><title>" + "T" * 50 + "</title></head><body><table><tr><td>"
        + "S" * 4000 + "</td><td>a&amp;" + "b" * 44 + '</td></tr></table><svg><text>' + "C" * 60
        + '</text></svg><a href="https://x.vn/' + "u" * 50 + '">short</a></body></html>'
    )  # fmt: skip
    made = breakable(html)
    # 4000 characters: 250 pieces of 16, 249 breaks between them.
    assert made.count("S" * 16 + "<wbr>") == 249 and "S" * 17 not in made
    # 'a&amp;' and 44 'b': 46 characters, the entity one of them: pieces of 16, 16, 14.
    assert "a&amp;" + "b" * 14 + "<wbr>" + "b" * 16 + "<wbr>" + "b" * 14 + "</td>" in made
    assert "T" * 50 in made and "C" * 60 in made and "u" * 50 in made  # head, chart, attribute
    # No stopwatch here (speed is the benchmark's, docs/performance.md): what makes the
    # layout quick is that no piece of a word is longer than 16 characters, asserted above.
