"""Text that a program garbled on its way into an import (issue 17, seventeenth session).

A source or note is stored as it is given, so text read in the wrong encoding by the
program that made the file would be kept garbled for good. Three kinds are told apart
from the text alone, and refused with what it reads as and the mend:

- UTF-8 read as Windows-1252 and saved again (each letter of Vietnamese becomes two or
  three): the text encoded back as Windows-1252 is valid UTF-8;
- Vietnamese typed in the TCVN3 (ABC) fonts, read as Windows Latin text: a letter such
  as e with a hat or d with a stroke has a byte that Windows shows as a sign (the
  feminine ordinal, the registered sign);
- Vietnamese typed in the VNI fonts: the marks follow their vowel as
  letters of their own;
- UTF-8 read in a Windows console's code page (1258, 437, 850) and saved again, as
  PowerShell 5.1 saves a program's output (twentieth session): the text encoded back in
  that page is valid UTF-8.

Both old encodings hold only Windows Latin letters, so a text with a letter only
Vietnamese writes in Unicode (a with a dot below, u with a horn, d with a stroke) is never one of them; what it would read as must
hold such a letter, and the text a sign inside a word (TCVN3) or a mark after a vowel that
no French, German or Spanish name has (VNI), so that a name with an accent, an umlaut or
a diaeresis, or a copyright sign, is not taken for one (tests/test_files17.py). The tables are in files/vocabulary.py.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..catalog import Message, msg
from ..plan.model import Location, Problem
from .vocabulary import TCVN3_BYTES, TCVN3_LETTERS, VNI_LETTERS, VNI_MARKS

__all__ = ["CODE_PAGES", "garbled", "garbled_problem", "legacy_encoding", "lost_letters", "not_utf8"]

# Windows-1252's letters and signs above ASCII (what any of the three shows), so that most
# text, ASCII or Unicode Vietnamese, is passed at the first look.
_SUSPECT = re.compile(
    "[\u00a0-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]"
)
# The letters only Vietnamese writes in Unicode: a with a breve, d with a stroke, i and u
# with a tilde, o and u with a horn, and Latin Extended Additional.
_VIETNAMESE = re.compile("[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]")
_TCVN3 = dict(zip(TCVN3_BYTES.decode("cp1252"), TCVN3_LETTERS, strict=True))
_TCVN3_TABLE = str.maketrans(_TCVN3)
# A UTF-8 lead byte (0xC2-0xF4) followed by a continuation byte (0x80-0xBF), as Windows-1252
# shows them: the first two characters of any letter of UTF-8 read so.
_UTF8_PAIR = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039"
    "\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178]"
).search
_UNDEFINED = "\x81\x8d\x8f\x90\x9d"  # the bytes Windows-1252 leaves undefined, read as themselves
# A TCVN3 letter that Windows shows as a sign (the feminine ordinal for e with a hat, a
# tone's signs) right after a letter, as no text writes one (a copyright sign, an ordinal
# after a digit, stand apart from words). Not the registered and section signs (d with a
# stroke, small and capital): that letter only begins a syllable, after a space, so right
# after a letter they are a trademark ("Microsoft\u00ae") or a section sign, as written.
_TCVN3_SIGN_IN_WORD = re.compile(
    "[A-Za-z\u00c0-\u00ff]["
    + "".join(sorted(c for c in _TCVN3 if (not c.isalpha() or c in "\u00aa\u00b5") and c not in "\u00ae\u00a7"))
    + "]"
).search
_VOWELS = frozenset("aeiouyAEIOUY" + "".join(VNI_LETTERS[c] for c in "\u00f4\u00d4\u00f6\u00d6"))
_HATTED = {"\u0302": frozenset("aeoAEO"), "\u0306": frozenset("aA")}


def _windows_bytes(text: str) -> bytes | None:
    """``text`` as the Windows-1252 bytes it was read from, or None if it holds a letter
    Windows-1252 has not (the five bytes it leaves undefined are read as themselves)."""
    try:
        return text.encode("cp1252")
    except UnicodeEncodeError:
        if not any(ch in _UNDEFINED for ch in text):
            return None
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) in (0x81, 0x8D, 0x8F, 0x90, 0x9D):
                out.append(ord(ch))
            else:
                return None
    return bytes(out)


# The VNI marks that also follow a vowel in French, German or Spanish names (a diaeresis,
# an acute on a u) and, after o, in Vietnamese written with the tone on the first vowel
# of two: they count only beside a mark no other text writes so.
_WEAK = frozenset("\u00ef\u00eb\u00fc\u00fa\u00e9\u00e8\u00cf\u00cb\u00dc\u00da\u00c9\u00c8")
_WEAK_AFTER_O = frozenset("\u00e0\u00e1\u00c0\u00c1")


# A mark after a vowel that counts (``_WEAK``): a tone on any vowel, a hat (with or
# without a tone) on a, e or o (a grave or acute hat not after o), a breve alone on a.
_VNI_MARK_AFTER_VOWEL = re.compile(
    "[aeiouyAEIOUY\u00f4\u00d4\u00f6\u00d6][\u00f9\u00f8\u00fb\u00f5\u00d9\u00d8\u00db\u00d5]"
    "|[aeoAEO][\u00e2\u00e5\u00e3\u00e4\u00c2\u00c5\u00c3\u00c4]|[aeAE][\u00e1\u00e0\u00c1\u00c0]|[aA][\u00ea\u00ca]"
).search


# What no Vietnamese syllable has, so that a mark read so is another language's letter
# (second review, issue 17): a hook, tilde or grave tone before a final c, p or t (only
# the acute and the dot below come there: French "aout" and "cout" with a circumflex on
# the u are no o with a hook), and o, e or a with a hat before a, e or o (a hatted vowel
# is followed only by i, u or y: Portuguese "Joao" with a tilde is no o with a hat).
_NO_SYLLABLE_TONES = frozenset("\u0309\u0303\u0300")
_STOPS = frozenset("cptCPT")
_AFTER_A_HAT = frozenset("aeoAEO")


def _no_syllable(hat: str, tone: str, following: str) -> bool:
    """Whether a vowel with ``hat`` and ``tone`` before the letter ``following`` is in no
    Vietnamese syllable (``_NO_SYLLABLE_TONES``)."""
    return (tone in _NO_SYLLABLE_TONES and following in _STOPS) or (hat == "\u0302" and following in _AFTER_A_HAT)


def _vni(text: str) -> tuple[str, int]:
    """``text`` read as VNI, and how many marks joined a vowel that no other text would
    write there (``_WEAK``, ``_no_syllable``)."""
    out: list[str] = []
    joined = 0
    for i, ch in enumerate(text):
        mark = VNI_MARKS.get(ch)
        if mark is not None and out and out[-1][:1] in _VOWELS:
            hat, tone = mark
            base = unicodedata.normalize("NFD", out[-1])
            if not hat or base[0] in _HATTED[hat] and len(base) == 1:
                weak = ch in _WEAK or ch in _WEAK_AFTER_O and base[0] in "oO"
                weak = weak or _no_syllable(hat or base[1:2], tone, text[i + 1 : i + 2])
                out[-1] = unicodedata.normalize("NFC", base + hat + tone)
                joined += not weak
                continue
        out.append(VNI_LETTERS.get(ch, ch))
    return "".join(out), joined


# The code pages a Windows console reads a program's output in (PowerShell 5.1's '>' and
# '|' decode it so before saving): Vietnamese Windows's 1258 (its 0xC3 is a with a breve,
# a letter only Vietnamese has, so this test comes before that one), and the OEM pages of
# English and Western European Windows, 437 and 850 (box drawing for UTF-8's lead bytes).
CODE_PAGES = {"cp1258": "Windows-1258", "cp437": "437", "cp850": "850"}


def _code_page_read(text: str) -> tuple[str, str] | None:
    """The console code page ``text`` is UTF-8 read in, and what it reads as, when its
    bytes in that page are UTF-8 holding a letter only Vietnamese writes; else None. A
    real text is no such bytes: a UTF-8 lead byte must be followed by one of 64
    continuation bytes, which these pages give to signs and box drawing (tests/test_windows_office.py)."""
    for codec, name in CODE_PAGES.items():
        try:
            reading = text.encode(codec).decode("utf-8")
        except UnicodeError:
            continue
        if reading != text and _VIETNAMESE.search(reading):
            return (name, reading)
    return None


@lru_cache(maxsize=1 << 12)  # a national file repeats its sources and notes
def garbled(text: str) -> tuple[str, str] | None:
    """The encoding ``text`` was garbled from and what it reads as, or None when it is
    no garbled text (the module's docstring says how each is told). Each test is first a
    regular expression, so that a national file's distinct notes cost a search each."""
    if text.isascii():
        return None
    if (console := _code_page_read(text)) is not None:
        return console
    if _VIETNAMESE.search(text) or not _SUSPECT.search(text):
        return None  # a letter only Unicode Vietnamese has: never garbled
    raw = _windows_bytes(text)
    if raw is None:
        return None  # a letter Windows-1252 has not: Unicode text, or another script
    if _UTF8_PAIR(text):
        try:
            return ("UTF-8", raw.decode("utf-8"))
        except UnicodeDecodeError:
            pass
    if _TCVN3_SIGN_IN_WORD(text):
        tcvn3 = text.translate(_TCVN3_TABLE)
        if _VIETNAMESE.search(tcvn3):
            return ("TCVN3 (ABC)", tcvn3)
    if _VNI_MARK_AFTER_VOWEL(text):
        vni, joined = _vni(text)
        if joined and _VIETNAMESE.search(vni):
            return ("VNI", vni)
    return None


# A '?' between two letters of a word: where a program saving the file in a code page
# without Vietnamese letters (Excel's plain "CSV" on a Windows not set for Vietnamese)
# wrote each letter it could not ("S? K? ho?ch"). A URL's query ('?id=') is no such word.
_LOST = re.compile(r"([^\W\d_])\?+(?=([^\W\d_]))")
# The letters only Vietnamese writes (the vowels with a tone or a hat and a tone, o and u
# with a horn), which no other code page holds: a text that kept one was saved by a
# program that wrote Vietnamese, so its '?' is one typed (second review, issue 17).
_KEPT_VIETNAMESE = re.compile("[\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]")


def _latin(ch: str) -> bool:
    """Whether ``ch`` is a letter of the Latin script, as a Vietnamese word's are."""
    return ch.isascii() or unicodedata.name(ch, "").startswith("LATIN")


def _lost_in(token: str) -> bool:
    """Whether ``token`` has a '?' between two Latin letters of one case or a capital then
    a small letter ("ho?ch", "VI?T", "H?i"): a word keeps its case, so a small letter then a
    capital ("Why?No") is a question quoted without its space, and a '?' between letters
    of another script (two Chinese ideographs) stands in for none of Vietnamese's."""
    for m in _LOST.finditer(token):
        before, after = m[1], m[2]
        if _latin(before) and _latin(after) and not (before.islower() and after.isupper()):
            return True
    return False


def lost_letters(text: str) -> bool:
    """Whether ``text`` has a '?' inside a word (``_lost_in``), outside a URL or path,
    in a text that kept no letter only Vietnamese writes (``_KEPT_VIETNAMESE``)."""
    return (
        "?" in text
        and not _KEPT_VIETNAMESE.search(text)
        and any(
            _lost_in(token)
            for token in text.split()
            if "/" not in token and "=" not in token and not token.lower().startswith("www.")
        )
    )


def garbled_problem(column: str, text: str, where: Location) -> Problem | None:
    """The problem of a ``column`` cell holding garbled ``text`` (``garbled``), letters
    lost as '?' (``lost_letters``) or a spreadsheet's error value (``#REF!``), or None."""
    head = text.lstrip()[:1]
    if head and head in "#Ee":  # asked of 300,000 sources: the import only where it may be
        from .figures import excel_error

        if excel_error(text):  # a formula's error, not a source: stored, it would stay for good
            return Problem(where, msg("import_cell_excel_error", column=column, text=text.strip()))
    found = garbled(text)
    if found is None:
        if lost_letters(text):
            # Through a pipe, PowerShell 5.1's $OutputEncoding (ASCII) wrote the '?': the mend
            # is to give the file by name, not Excel's (twentieth session).
            key = "import_lost_letters_stdin" if where.file == "<stdin>" else "import_lost_letters"
            return Problem(where, msg(key, column=column, text=text))
        return None
    encoding, reading = found
    key = "import_garbled_utf8" if encoding == "UTF-8" else "import_garbled_legacy"
    if encoding in CODE_PAGES.values():
        key = "import_garbled_codepage"
    return Problem(where, msg(key, column=column, text=text, reading=reading, encoding=encoding))


# Windows-1258 writes a tone as a combining mark after its letter (0xCC grave, 0xEC acute,
# 0xD2 hook, 0xDE tilde, 0xF2 dot below).
_TONE_AFTER_LETTER = re.compile("[^\\W\\d_][\u0300\u0301\u0303\u0309\u0323]")


def legacy_encoding(line: bytes) -> tuple[str, str] | None:
    """The old Vietnamese encoding a line that is not UTF-8 is in, and what it reads as:
    TCVN3 (ABC) or VNI (told as ``garbled`` tells them), else Windows-1258 when a tone
    mark follows a letter; None when none of them can be told."""
    as_windows = "".join(chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252") for b in line)
    found = garbled(as_windows.strip())
    if found is not None and found[0] in ("TCVN3 (ABC)", "VNI"):
        return found
    as_1258 = line.decode("cp1258", errors="replace").strip()
    if _TONE_AFTER_LETTER.search(as_1258):
        return ("Windows-1258", unicodedata.normalize("NFC", as_1258))
    return None


def not_utf8(data: bytes, at: int, file: str) -> Message:
    """What an imported file that is not UTF-8 is, told from the line holding its first
    byte that is not (``legacy_encoding``): Windows-1258, TCVN3 or VNI, with what the line
    reads as; else the general words. Windows-1258 is Excel's "CSV (Comma delimited)" on
    Vietnamese Windows, or its "Text (Tab delimited)" when the line holds a tab (a .txt):
    told the workbook beside it (named as ``file``), which every Excel saves. A tab of the
    line quoted is shown as ``\\x09``, as a message shows every control character."""
    import os

    from .figure_units import shell_word

    start = max(data.rfind(b"\n", 0, at), data.rfind(b"\r", 0, at)) + 1
    ends = [i for i in (data.find(b"\n", at), data.find(b"\r", at)) if i >= 0]
    line = data[start : min(ends, default=len(data))]
    found = legacy_encoding(line)
    if found is None:
        return msg("import_not_utf8")
    encoding, reading = found
    reading = (reading if len(reading) <= 80 else reading[:79] + "\u2026").replace("\t", "\\x09")
    if encoding == "Windows-1258":
        # Standard input has no name to give the workbook: the session's example
        # (figures.xlsx, so-lieu.xlsx), as the help's examples are.
        book: object = (
            shell_word(os.path.splitext(file)[0] + ".xlsx") if file != "<stdin>" else Message("import_stdin_workbook")
        )
        tabbed = b"\t" in line
        return msg("import_not_utf8_1258_tab" if tabbed else "import_not_utf8_1258", reading=reading, workbook=book)
    return msg("import_not_utf8_legacy", encoding=encoding, reading=reading)
