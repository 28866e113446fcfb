"""The words and forms offices write, read as the store's: the import vocabulary.

Column headers, status words and period names as a statistics office writes them ("Quý
I/2024" for 2024-Q1). This module and the message catalog are where the program's
Vietnamese words live (docs/architecture.md); the importer and the command line ask here.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterable

from .digits import foreign_digits  # moved there, as excel_date was (twenty-ninth session);
from .excel_periods import excel_date  # both read here as before
from .number_words import months_in_digits
from .month_words import named_month
from ..plan.units import fold  # in the plan's model, where a unit typed is read too (fortieth session)

__all__ = [
    "fold",
    "names_folded",
    "is_total",
    "status_word",
    "is_realised",
    "ambiguous_period",
    "vietnamese_period",
    "with_a_year",
    "excel_date",
    "VIETNAMESE_COLUMNS",
    "ENGLISH_COLUMNS",
    "ROMAN_QUARTERS",
    "ROMAN_MONTHS",
    "YEAR_SEP",
    "without_realised",
    "HEADINGS",
    "column_of",
    "UNIT_COLUMNS",
    "ROW_NUMBER_COLUMNS",
    "is_row_number",
    "foreign_digits",
    "UNIT_SIZES_VI",
    "UNIT_RATE_VI",
    "UNIT_NOT_SIZE_VI",
    "UNIT_CURRENCIES_VI",
    "UNIT_PERCENT_VI",
    "UNIT_COUNTS_VI",
]


# The spellings a unit cell (ĐVT) gives one word of a unit (issue 17, twenty-eighth
# session), folded: the GSO's yearbook writes "Triệu đô la Mỹ" for triệu USD, a press
# release "tỷ VNĐ" for tỷ đồng, a narrow column "Tr.USD" or "Tỷ đ", the South "tỉ". Each is
# the one word targets.yaml writes; a word of another size or currency is never made one
# (nghìn tỷ đồng stays a thousand times tỷ đồng, triệu đồng is no triệu USD).
_UNIT_WORDS = {
    "tr": "trieu",
    "ti": "ty",
    "ngan": "nghin",
    "d": "dong",
    "vnd": "dong",
    "us$": "usd",
    "$": "usd",
    "mn": "million",
    "mln": "million",
    "mil": "million",
    "bn": "billion",
    "bln": "billion",
}
_UNIT_PHRASES = re.compile(r"\bdo la(?: my)?\b")  # đô la (Mỹ): the US dollar
# Per cent in words, as an English office heads a unit column ("percent", "per cent",
# "pct") and a Vietnamese one ("phần trăm"): the plan's "%" (issue 17, twenty-ninth
# session). Not "percentage points", nor per mille.
_PER_CENT = re.compile(r"(?<![\w%])(?:per ?cent|pct|phan tram)(?![\w%])")
# A whole unit cell that is a per cent said twice, once in words, as a yearbook's ĐVT
# column and an English table head it: "Tỷ lệ (%)", "Tỷ lệ %", "(%)", "Percent (%)" (its
# words already "%"): the plan's "%" (thirty-first session). Only the whole cell: "Tỷ
# lệ" alone (a ratio), "Tỷ lệ (‰)" or "% GRDP (%)" stay what they say.
_PER_CENT_CELL = re.compile(r"(?:(?:t[yi] le|%) ?)?\( ?% ?\)|t[yi] le ?%")


def unit_words(text: str) -> str:
    """A unit as ``fold`` writes it, each word in the spelling targets.yaml gives it:
    'Tr.USD' and 'Triệu đô la Mỹ' are 'trieu usd', 'tỷ VNĐ' is 'ty dong'."""
    key = _PER_CENT.sub("%", _UNIT_PHRASES.sub("usd", fold(text).replace(".", " ")))
    if _PER_CENT_CELL.fullmatch(key):
        return "%"
    words = [_UNIT_WORDS.get(word, word) for word in key.split()]
    if len(words) == 2 and words[0] in _CURRENCIES and words[1] in _SIZES:
        words.reverse()  # 'USD million', 'VND bn': a currency and its size, the English way round
    return " ".join(words)


# A unit per person in Vietnamese, as a refusal tells a plan to declare it (unit_cells).
PER_PERSON_VI = "/người"

# The two words a unit of money is: its size and its currency (unit_words' spelling). Only
# such a pair is put the other way round; any other unit keeps its words' order.
_SIZES = frozenset({"thousand", "million", "billion", "trillion", "nghin", "trieu", "ty"})
_CURRENCIES = frozenset({"usd", "dong", "eur", "cny", "jpy", "krw"})


def names_folded(indicators: Iterable[Any]) -> dict[str, set[str]]:
    """The ids of ``indicators`` under each of their names (English and Vietnamese) as
    ``fold`` writes it: an unknown id is looked up among them at no cost."""
    found: dict[str, set[str]] = {}
    for indicator in indicators:
        for name in {fold(indicator.name.en), fold(indicator.name.vi)}:
            found.setdefault(name, set()).add(indicator.id)
    return found


# The words a table's source line or footnote opens with, before its colon ("Nguồn: Cục
# Thống kê", "Ghi chú: số ước tính", "Source: GSO"), as ``fold`` writes them.
_NOTE_OPENINGS = frozenset({"nguon", "nguon so lieu", "ghi chu", "chu thich", "source", "sources", "note", "notes"})


def opens_a_note(text: str) -> bool:
    """Whether ``text`` opens as a source line or a footnote does: one of the words above,
    then a colon. No period, figure or moment is written so."""
    head, colon, _ = text.partition(":")
    return bool(colon) and fold(head) in _NOTE_OPENINGS


# Status words as offices write them (any case, with or without diacritics).
_STATUS_WORDS = {
    "uoc tinh": "estimate",
    "uoc": "estimate",
    # "Ước thực hiện" (estimated outturn; "Ước TH" in a table's heading) is how a plan
    # report heads the year's figure before the statistics office publishes it.
    "uoc thuc hien": "estimate",
    "uoc th": "estimate",
    "so bo": "preliminary",
    "chinh thuc": "official",
    # The words and abbreviations of a report's status column (issue 17, twenty-third
    # session): "ƯTH" (ước thực hiện), "số ước", "SB" (sơ bộ), "số chính thức".
    "uth": "estimate",
    "so uoc": "estimate",
    "so uoc tinh": "estimate",
    "sb": "preliminary",
    "so so bo": "preliminary",
    "so chinh thuc": "official",
    # The whole year's estimate as a six-month review heads it ("ước cả năm"; twenty-ninth session).
    **dict.fromkeys(("uoc ca nam", "uoc tinh ca nam", "uoc nam", "uoc thuc hien ca nam", "uoc th ca nam"), "estimate"),
    # The abbreviations of a yearbook's headings ("Prel. 2024"): status_heading.
    "prel.": "preliminary",
    "prel": "preliminary",
    "est.": "estimate",
    "estimate": "estimate",
    "preliminary": "preliminary",
    "official": "official",
    # An English-speaking office's words (issue 17, twenty-ninth session): "provisional", as
    # SDMX's OBS_STATUS P (read as preliminary, docs/formats.md) and the ONS say it; a flash
    # or advance estimate (Eurostat, the BEA); "final" for the figure no longer revised.
    **dict.fromkeys(("provisional", "prov.", "prov"), "preliminary"),
    **dict.fromkeys(("flash", "flash estimate", "advance estimate"), "estimate"),
    "final": "official",
}


# Pure, and asked of every cell of an import: remembered, within a bound (issue 17).
@lru_cache(maxsize=1 << 14)
def status_word(text: str) -> str:
    """The store's status for a status word ('Sơ bộ' is preliminary); unknown text as given."""
    return _STATUS_WORDS.get(fold(text), text)


# What a table writes in a unit's column on its total's row (issue 14): the province, a
# centrally-run city (Đà Nẵng, issue 17), the country, "all" (any case, any diacritics).
_TOTAL_WORDS = frozenset(
    fold(w)
    for w in (
        "Toàn tỉnh",
        "Cả tỉnh",
        "Toàn thành phố",
        "Cả thành phố",
        "Toàn TP",
        "Tổng",
        "Tổng số",
        "Tổng cộng",
        "Toàn quốc",
        "Cả nước",
        "Chung",
        "Total",
        "All",
    )
)


# A budget table's total line, "Cộng" (issue 17, twenty-ninth session): without its marks
# it is "cong", as "Công" (public, work) is, so it is a total only as written (any case).
_TOTAL_AS_WRITTEN = frozenset({"cộng"})


@lru_cache(maxsize=1 << 14)  # pure: asked of each unit cell an import names (issue 17)
def is_total(text: str) -> bool:
    """Whether a cell in a dimension's column names the total ('Toàn tỉnh', 'Tổng số', 'Cộng');
    with a colon after it ('Tổng cộng:', a total line's label), or 'Cộng' before a total word
    ('Cộng toàn tỉnh'): twenty-ninth session."""
    import unicodedata

    written = " ".join(unicodedata.normalize("NFC", text).lower().split()).removesuffix(":").rstrip()
    rest = written.removeprefix("cộng ")
    return (
        fold(written) in _TOTAL_WORDS
        or written in _TOTAL_AS_WRITTEN
        or (rest != written and fold(rest) in _TOTAL_WORDS)
    )


ROMAN_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
# A month in Roman numerals after its word, as a date may write it ("tháng XII/2025").
ROMAN_MONTHS = {r: n for n, r in enumerate("i ii iii iv v vi vii viii ix x xi xii".split(), start=1)}


YEAR_SEP = r"\s*(?:/|-|,|\s|nam)\s*(?:nam\s*)?"
_VI_PERIODS = (
    # The year, with its word or without: "2025", "Năm 2025", "Cả năm 2025" (the whole year).
    (re.compile(r"(?:(?:ca\s*)?nam\s*)?(\d{4})"), lambda m: (int(m[1]), 1, 12)),
    # "quí", the older spelling of quý, still common (forty-second session).
    (
        re.compile(rf"qu[yi]\s*(i|ii|iii|iv|0?[1-4]){YEAR_SEP}(\d{{4}})"),
        lambda m: (int(m[2]), 3 * _quarter(m[1]) - 2, 3 * _quarter(m[1])),
    ),
    # "6T cuối/2026": the second half as a report's chart labels it (output/period_words.py).
    (re.compile(rf"6\s*(?:thang|t)\s*cuoi(?:\s*nam)?{YEAR_SEP}(\d{{4}})"), lambda m: (int(m[1]), 7, 12)),
    # The halves as a report's tables and an office's notes write them: H1 2026, H1/2026,
    # 2026H1, 2026 H2, "nửa đầu năm 2026", "nửa cuối năm 2026" (each one span only).
    (
        re.compile(rf"nua\s*(dau|cuoi)(?:\s*nam)?{YEAR_SEP}(\d{{4}})"),
        lambda m: (int(m[2]), 1 if m[1] == "dau" else 7, 6 if m[1] == "dau" else 12),
    ),
    (re.compile(r"h\s*([12])\s*[/\-]?\s*(\d{4})"), lambda m: (int(m[2]), 6 * int(m[1]) - 5, 6 * int(m[1]))),
    (re.compile(r"(\d{4})\s*[/\-]?\s*h\s*([12])"), lambda m: (int(m[1]), 6 * int(m[2]) - 5, 6 * int(m[2]))),
    # A quarter after its year, as a half is (2025 Q3, 2025-Q3 is parse_period's own).
    (re.compile(r"(\d{4})\s*[/\-]?\s*q\s*([1-4])"), lambda m: (int(m[1]), 3 * int(m[2]) - 2, 3 * int(m[2]))),
    # The halves as English prose writes them: "first half of 2025", "2nd half 2025".
    (
        re.compile(r"(first|1st|second|2nd)\s*half\s*(?:of\s*)?(\d{4})"),
        lambda m: (int(m[2]), 1 if m[1] in ("first", "1st") else 7, 6 if m[1] in ("first", "1st") else 12),
    ),
    (
        re.compile(rf"(\d{{1,2}})\s*thang(?:\s*dau(?:\s*nam)?)?{YEAR_SEP}(\d{{4}})"),
        lambda m: (int(m[2]), 1, int(m[1])),
    ),
    # The months from January as a range, as a six-month table heads its column: "Tháng
    # 1-6/2025", "T1-T6/2025", "(từ) tháng 1 đến tháng 9/2025" (forty-second session); from
    # another month it is no period, and is refused as one.
    (
        re.compile(rf"(?:thang|t)\s*0?1\s*(?:-|\u2013|\u2014|den)\s*(?:thang|t)?\s*(\d{{1,2}}){YEAR_SEP}(\d{{4}})"),
        lambda m: (int(m[2]), 1, int(m[1])),
    ),
    (re.compile(rf"thang\s*(\d{{1,2}}){YEAR_SEP}(\d{{4}})"), lambda m: (int(m[2]), int(m[1]), int(m[1]))),
    (
        re.compile(rf"thang\s*({'|'.join(sorted(ROMAN_MONTHS, key=len, reverse=True))}){YEAR_SEP}(\d{{4}})"),
        lambda m: (int(m[2]), ROMAN_MONTHS[m[1]], ROMAN_MONTHS[m[1]]),
    ),
    # The short forms of a report's tables: Q3/2024 (quý), T10/2024 (tháng), 9T/2024 (9 tháng);
    # Q.I/2026 with a point, 6T đầu năm 2026 with its words (twenty-third session).
    (
        re.compile(rf"q\.?\s*(i|ii|iii|iv|[1-4]){YEAR_SEP}(\d{{4}})"),
        lambda m: (int(m[2]), 3 * _quarter(m[1]) - 2, 3 * _quarter(m[1])),
    ),
    (re.compile(rf"t\.?\s*(\d{{1,2}}){YEAR_SEP}(\d{{4}})"), lambda m: (int(m[2]), int(m[1]), int(m[1]))),
    # "6T2026" with no separator too, as a report's title runs them together (thirtieth session).
    (
        re.compile(rf"(\d{{1,2}})\s*t(?:\s*dau(?:\s*nam)?)?(?:{YEAR_SEP})?(\d{{4}})"),
        lambda m: (int(m[2]), 1, int(m[1])),
    ),
    # A month and its year with no word, as a table's period column writes "tháng 4/2025":
    # 04/2025, 4/2025 (one reading; no month 13). Not 2025/04 nor a day (15/04/2025).
    (re.compile(r"(\d{1,2})\s*/\s*(\d{4})"), lambda m: (int(m[2]), int(m[1]), int(m[1]))),
)


# A heading naming the realised figure of a period ("Thực hiện 6 tháng 2025", "TH 2025"):
# the period, with no status said (an estimate's "Ước TH" is a status heading).
_REALISED = re.compile(r"(?:thuc\s*hien|th)\b\s*[:\-]?\s*(.+)")


# "Thực hiện" (realised, "TH"): a figure that happened, with no word of its status (an
# estimate, a preliminary or an official figure): in a status cell, refused, not guessed.
_REALISED_WORDS = frozenset({"thuc hien", "th", "so thuc hien"})


def is_realised(text: str) -> bool:
    """Whether a status cell says "thực hiện" (realised), which names no status."""
    return fold(text) in _REALISED_WORDS


# A Roman numeral and a year alone: "I/2026", "IV-2026". Offices write a quarter so (quý
# I/2026) and, in a date, a month (tháng I/2026): which one is a guess (twenty-third session).
_ROMAN_ALONE = re.compile(r"(i|ii|iii|iv)\s*[/\-]\s*(\d{4})")


def ambiguous_period(text: str) -> tuple[str, str] | None:
    """(the quarter, the month) a Roman numeral before a year may be: ("2026-Q1",
    "2026-01") for 'I/2026'; None for any other text."""
    m = _ROMAN_ALONE.fullmatch(without_realised(fold(text)))
    if m is None or not 1000 <= int(m[2]) <= 9999:
        return None
    n = ROMAN_QUARTERS[m[1]]
    return f"{m[2]}-Q{n}", f"{m[2]}-{n:02d}"


# A total since January with its word, as a ministry's release heads it (issue 17, twentieth
# session): "Lũy kế 9 tháng 2025", "lũy kế tháng 9/2025" (to the end of September),
# "cộng dồn đến hết tháng 10/2025", "lũy kế từ đầu năm đến tháng 3/2025".
_CUMULATIVE = re.compile(r"(?:luy\s*ke|cong\s*don)\s*(?:tu\s*dau\s*nam\s*)?(?:den\s*(?:het\s*)?)?(.+)")


def _since_january(key: str) -> str | None:
    """The span from January that a folded "lũy kế ..." names, or None: a month is the
    months up to it, a span from January is itself, any other span (a third quarter) is
    no total since January and is not guessed."""
    from ..plan.periods import Period, parse_period

    found = vietnamese_period(key)
    if found is None:
        return None
    span = parse_period(found)
    if span.first == 1 or span.months == 1:
        return str(Period(span.year, 1, span.last))
    return None


# The same after the period, in brackets or not: "Năm 2025 (TH)", "Quý I/2026 thực hiện".
_REALISED_AFTER = re.compile(r"(.+?)\s*(?:\(\s*(?:thuc\s*hien|th)\s*\)|[\s\-]\s*(?:thuc\s*hien|th))")


def without_realised(key: str) -> str:
    """A folded period's text without the "realised" (thực hiện, TH) before or after it."""
    realised = _REALISED.fullmatch(key) or _REALISED_AFTER.fullmatch(key)
    return realised[1] if realised else key


def _quarter(text: str) -> int:
    return ROMAN_QUARTERS.get(text) or int(text)


# "từ" before a range of months from January, folded: dropped before the number words.
_FROM_JANUARY = re.compile(r"^tu\s*(?=(?:thang|t)\s*0?1\s*(?:-|\u2013|\u2014|den))")


def vietnamese_period(text: str) -> str | None:
    """The canonical period for a name as offices write it, or None.

    'Quý I/2024' is 2024-Q1, '6 tháng đầu năm 2024' 2024-H1, '9 tháng 2024' 2024-9M,
    '6 tháng cuối năm 2024' (or 'nửa cuối năm 2024') 2024-H2, 'Tháng 4/2024' (or 'tháng Tư năm 2024', '04/2024',
    '4/2024') 2024-04, 'Năm 2024' 2024, and the short forms 'Q3/2024', 'T10/2024', '9T/2024', 'H1 2024', 'H1/2024',
    '2024H1' (methodology section 3 names the same
    spans); and the English forms a document writes ('March 2026', 'Mar 2026',
    'January–September 2025': ``english_periods``). Canonical forms are
    parse_period's.
    """
    from ..plan.periods import Period

    key = fold(text)
    if foreign_digits(key):
        return None
    key = without_realised(key)
    # "Từ tháng 1 đến tháng 9/2025": its "từ" (from) folds to "tu", which the number words
    # read as "tư" (four), "4 thang 1 ..." (forty-second session).
    key = _FROM_JANUARY.sub("", key, count=1)
    key = months_in_digits(key)  # 'sáu tháng đầu năm 2026', a title's words (files.number_words)
    key = named_month(key)  # 'tháng Tư năm 2026', April in words (files.month_words)
    if cumulative := _CUMULATIVE.fullmatch(key):
        return _since_january(cumulative[1])
    for pattern, span in _VI_PERIODS:
        m = pattern.fullmatch(key)
        if m:
            year, first, last = span(m)
            if 1000 <= year <= 9999 and 1 <= first <= last <= 12:
                return str(Period(year, first, last))
            return None
    # An English document's words ("March 2026", "Mar 2026", "January–September 2025"), so
    # that a figure copied from an English report imports as one from a Vietnamese does.
    from .english_periods import english_document_periods

    key = key.replace("\u2013", "-").replace("\u2014", "-")
    for pattern, first, last in english_document_periods():
        m = pattern.fullmatch(key)
        if m:
            year = int(m[1])
            return str(Period(year, first, last)) if 1000 <= year <= 9999 else None
    return None


def with_a_year(text: str, year: int) -> str | None:
    """The canonical period ``text`` would be with ``year`` after it ('quý II' and 2026 make
    2026-Q2), when it names a span of no year; None when it has a year or names no span."""
    if re.search(r"\d{4}", text) or not text.strip():
        return None
    return vietnamese_period(f"{text.strip()} {year}")


# Column names as a Vietnamese statistics office writes them, read as the English ones.
VIETNAMESE_COLUMNS = {
    "chỉ tiêu": "indicator",
    "mã chỉ tiêu": "indicator",
    "tên chỉ tiêu": "indicator",
    "kỳ": "period",
    "kỳ báo cáo": "period",
    # The period column as an office's table heads it by what its cells are (issue 17,
    # twenty-ninth session); each cell still names its period whole, with its year.
    "kì": "period",
    "kì báo cáo": "period",
    "thời kỳ": "period",
    "thời kì": "period",
    "năm": "period",
    "quý": "period",
    "tháng": "period",
    "giá trị": "value",
    "số liệu": "value",
    "thực hiện": "value",  # beside a plan's column, the figure realised (thirtieth session)
    "loại số liệu": "status",
    "tình trạng": "status",
    "trạng thái": "status",
    "nguồn": "source",
    "ghi chú": "note",
    "thời điểm ghi nhận": "recorded_at",
    "ngày công bố": "recorded_at",
    "ngày ghi nhận": "recorded_at",
    "thời gian ghi nhận": "recorded_at",
}


# The same headings in an English table.
ENGLISH_COLUMNS = {"year": "period", "quarter": "period", "month": "period", "actual": "value"}
# Every heading read as one of the store's columns: a plan's dimension may take none of
# these names (files/dimensions, and import opensdg renames one: files/opensdg_import).
HEADINGS = {**VIETNAMESE_COLUMNS, **ENGLISH_COLUMNS}


def column_of(heading: str) -> str:
    """The column a header's cell names, given in lower case (NFC): "unit" for a unit's
    heading, the store's column for one of ``HEADINGS``, else the heading itself. The one
    reading of a CSV's header and a workbook's (import_headers, workbook_cells)."""
    if fold(heading) in UNIT_COLUMNS:
        return "unit"
    return HEADINGS.get(heading, heading)


# A workbook's unit column ("Đơn vị", "Đơn vị tính", "ĐVT"), as ``fold`` writes the name:
# its cells are checked against the indicator's unit (files/workbooks.py).
UNIT_COLUMNS = frozenset({"unit", "don vi", "don vi tinh", "dvt"})


# A table's row-number column ("STT", số thứ tự), as ``fold`` writes its heading: it holds
# no figure, and an import passes it over. Not "TT", which may also mean tình trạng.
ROW_NUMBER_COLUMNS = frozenset({"stt", "so tt", "so thu tu", "no.", "no", "#"})

# "TT" (thứ tự) left of a wide table's indicator column: row numbers (long shape: maybe tình trạng).
WIDE_ROW_NUMBER = "tt"


# The English ones, read as typed: with its tone mark taken off, "Nợ" (debt) is "no".
_ENGLISH_ROW_NUMBERS = frozenset({"no.", "no", "#"})


def is_row_number(name: str) -> bool:
    """Whether a column heading names the table's row numbers (``ROW_NUMBER_COLUMNS``)."""
    key = fold(name)
    return key in ROW_NUMBER_COLUMNS and (key not in _ENGLISH_ROW_NUMBERS or name.isascii())


# Vietnamese typed before Unicode, in the fonts of the time, as a program reading the file
# as Windows Latin text shows it (files/garbled.py): TCVN3 (ABC, the .VnTime fonts) gives
# each letter its own byte, ``TCVN3_BYTES[i]`` standing for ``TCVN3_LETTERS[i]`` ("Côc
# Thèng kª" is "Cục Thống kê"); VNI types a vowel, then its marks as a byte of their own
# ("Vieät Nam"), or a letter of its own for ơ ư đ and some of the i's.
TCVN3_BYTES = bytes(
    [*range(0xA1, 0xAF), *range(0xB5, 0xBA), *range(0xBB, 0xBF), *range(0xC6, 0xCD), *range(0xCE, 0xD9)]
    + [*range(0xDC, 0xE0), *range(0xE1, 0xF0), *range(0xF1, 0xFF)]
)
TCVN3_LETTERS = "ĂÂÊÔƠƯĐăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
# A VNI mark byte (as Windows Latin shows it) after a vowel: the vowel's hat (circumflex
# or breve) and its tone, as combining marks.
_HAT, _BREVE = "\u0302", "\u0306"
_TONES = {"sac": "\u0301", "huyen": "\u0300", "hoi": "\u0309", "nga": "\u0303", "nang": "\u0323"}
VNI_MARKS = {
    **{c: ("", _TONES[t]) for c, t in zip("ùøûõï", ("sac", "huyen", "hoi", "nga", "nang"), strict=True)},
    **{c: ("", _TONES[t]) for c, t in zip("ÙØÛÕÏ", ("sac", "huyen", "hoi", "nga", "nang"), strict=True)},
    **dict.fromkeys("âÂ", (_HAT, "")),
    **{c: (_HAT, _TONES[t]) for c, t in zip("áàåãä", ("sac", "huyen", "hoi", "nga", "nang"), strict=True)},
    **{c: (_HAT, _TONES[t]) for c, t in zip("ÁÀÅÃÄ", ("sac", "huyen", "hoi", "nga", "nang"), strict=True)},
    **dict.fromkeys("êÊ", (_BREVE, "")),
    **{c: (_BREVE, _TONES[t]) for c, t in zip("éèúüë", ("sac", "huyen", "hoi", "nga", "nang"), strict=True)},
    **{c: (_BREVE, _TONES[t]) for c, t in zip("ÉÈÚÜË", ("sac", "huyen", "hoi", "nga", "nang"), strict=True)},
}
VNI_LETTERS = dict(zip("ôÔöÖñÑæÆóÓòÒ", "ơƠưƯđĐỉỈĩĨịỊ", strict=True))


# A unit's Vietnamese words, for the comparison of its two languages (plan_indicators).
UNIT_SIZES_VI = {"nghìn": 3, "ngàn": 3, "triệu": 6, "tỷ": 9, "tỉ": 9}
UNIT_RATE_VI = ("trên", "mỗi")  # before a size word: the rate's denominator ("trên 1 nghìn dân")
UNIT_NOT_SIZE_VI = ("lệ", "trọng", "giá")  # after tỷ: tỷ lệ (a rate), tỷ trọng (a share)
UNIT_CURRENCIES_VI = {"đô": "usd", "vnđ": "vnd", "đồng": "vnd", "đ": "vnd"}
UNIT_PERCENT_VI = "phần trăm"
UNIT_COUNTS_VI = {"tấn": "mass", "người": "people", "dân": "people", "hộ": "households", "héc": "area"}  # marked
