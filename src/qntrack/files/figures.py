"""Figures as people write them: a spreadsheet's cell under the file's decimal convention,
or a number typed on the command line (``1.234,5``, ``85.000``, ``10,28``, a real minus).

What comes out is a float that ``rules.number`` then holds to the store's rule (finite,
not an underflow): this module decides only how the text is read, never whether the
figure is valid (docs/decisions.md, "Typing and importing").
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Sequence

from ..catalog import Message, msg
from ..catalog import said as _said
from .ranges import range_ends
from .rules import nonzero_mantissa
from .vocabulary import foreign_digits


def _within(message_id: str, problem: str | Message, **params: object) -> Message:
    """``message_id``'s sentence around another module's message (periods.py).

    msg() turns values into text at once (English); the Message itself is kept as the
    ``problem`` value so that it can be shown in the user's language once messages.render
    renders Message values (today it shows the English text there)."""
    pairs = [(k, str(v)) for k, v in params.items()] + [("problem", problem)]
    return Message(message_id, tuple(sorted(pairs, key=lambda kv: kv[0])))


# A figure's problem in a wide table names its period column: the same sentence with the
# period in front, one whole sentence per message (word order differs in Vietnamese).
_IN_PERIOD = {
    "import_value_empty": "import_value_empty_in_period",
    "import_value_foreign_digits": "import_value_foreign_digits_in_period",
    "import_value_no_figure": "import_value_no_figure_in_period",
    "import_value_excel_error": "import_value_excel_error_in_period",
    "import_value_percent": "import_value_percent_in_period",
    "import_value_accounting": "import_value_accounting_in_period",
    "import_value_trailing_minus": "import_value_trailing_minus_in_period",
    "import_value_cut_decimal": "import_value_cut_decimal_in_period",
    "import_value_excel_scientific": "import_value_excel_scientific_in_period",
    "import_value_excel_narrow": "import_value_excel_narrow_in_period",
    "import_value_not_number": "import_value_not_number_in_period",
    "import_value_footnote_mark": "import_value_footnote_mark_in_period",
    "import_value_range": "import_value_range_in_period",
    "import_value_words": "import_value_words_in_period",
    "import_value_point_in_comma_file": "import_value_point_in_comma_file_in_period",
    "import_value_comma_in_point_file": "import_value_comma_in_point_file_in_period",
    "import_value_not_finite": "import_value_not_finite_in_period",
    "import_value_ambiguous_dot": "import_value_ambiguous_dot_in_period",
    "import_value_ambiguous_comma": "import_value_ambiguous_comma_in_period",
    "import_value_beyond_precision": "import_value_beyond_precision_in_period",
}


def in_period(problem: str | Message, period: str) -> Message:
    if isinstance(problem, Message) and problem.id in _IN_PERIOD:
        pairs = [*problem.params, ("period", period)]
        return Message(_IN_PERIOD[problem.id], tuple(sorted(pairs)))
    return _within("import_in_period", problem, period=period)


# Thousands grouped by a space, as French, Russian or Polish Excel writes them (a no-break
# space U+00A0 or the narrow U+202F) and the SI does: '57 330,5'. A space never marks a
# decimal, so such a figure has one reading; the groups must be whole (3 digits, the first
# not starting with 0) or the text is read as it is, and refused as before.
_SPACE_GROUPED = re.compile(r"[-+]?[1-9]\d{0,2}(?:[\u00a0\u202f\u2009 ]\d{3})+(?:[.,]\d*)?")  # \u2009: SI's thin space


# The error values a spreadsheet shows where a formula gave no figure: Excel's (its
# ERROR.TYPE list, then Excel 365's dynamic-array, data-type and connection errors), Google
# Sheets' #ERROR! and LibreOffice Calc's codes ('Err:502'). Excel writes them into a CSV or
# "Unicode Text" file as it shows them, and openpyxl gives an error cell's so.
_EXCEL_ERRORS = frozenset(
    "#null! #div/0! #value! #ref! #name? #num! #n/a #getting_data #spill! #calc! #field!"
    " #blocked! #connect! #busy! #unknown! #external! #python! #error!".split()
)
_CALC_ERROR = re.compile(r"Err:\d{3}")


def excel_error(text: str) -> bool:
    """Whether ``text`` is a spreadsheet's error value (``_EXCEL_ERRORS``), case aside."""
    # Asked of every row's indicator, source and note in an import of 300,000 rows: a
    # text that starts with neither '#' nor an 'E' (Err:502) is answered at its first letter.
    head = text.lstrip()[:1]
    if not head or head not in "#Ee":
        return False
    raw = text.strip()
    return raw.lower() in _EXCEL_ERRORS or _CALC_ERROR.fullmatch(raw) is not None


# A sign and the figure with spaces between them ('- 2,5'), as a PDF or a spreadsheet
# pastes a negative figure and some people type it: one reading, the sign's.
_SPACED_SIGN = re.compile(r"^([-+])[\u00a0\u202f \t]+(?=[0-9.,])")


def _ungrouped(raw: str) -> str:
    """``raw`` without the spaces after its sign (``_SPACED_SIGN``) and those that group
    its thousands (``_SPACE_GROUPED``)."""
    raw = _SPACED_SIGN.sub(r"\1", raw, count=1) if raw[:1] in "-+" else raw
    if _SPACE_GROUPED.fullmatch(raw):
        return re.sub("[\u00a0\u202f\u2009 ]", "", raw)
    return raw


def _told(key: str, text: str, fixed: str, **more: str) -> ValueError:
    """The refusal ``key`` of ``text`` told ``fixed``, or, ending in its decimal mark, the cut figure's."""
    if fixed[-1:] in ".," and fixed[-2:-1].isdigit():
        return ValueError(msg("import_value_cut_decimal", text=text.strip(), whole=fixed[:-1]))
    return ValueError(msg(key, text=text.strip(), fixed=fixed, **more))


def parse_number_cell(text: str, decimal_comma: bool | None, explicit: bool) -> float:
    """A figure as a spreadsheet writes it, read under one decimal convention.

    ``explicit``: whether the user chose the convention; when it was only detected, a number
    that would mean different things under the two (``1,234`` or ``50.000``) is refused
    instead of guessed. ``decimal_comma`` None: none is known (``parse_number_either``)."""
    if text.strip()[:1] == "=" and len(text.strip()) > 1:  # a formula's text (session 46, helper X)
        raise ValueError(msg("s46x_import_value_formula", text=text.strip()))
    if decimal_comma is None:
        return parse_number_either(text)
    raw = _ungrouped(text.strip().replace("\u2212", "-"))  # a real minus sign, pasted from a document
    if not raw:
        raise ValueError(msg("import_value_empty"))
    if foreign_digits(raw):
        # float() and \\d would read them; no office writes them: refuse, never convert.
        raise ValueError(msg("import_value_foreign_digits", text=text))
    if raw[:1] in _DASHES and _a_number_before_the_sign(raw[1:], bool(decimal_comma)):
        # Word makes '-2,5' '–2,5' as it is typed: a dash, not a minus; said, never guessed.
        raise _told("import_value_dash", text, "-" + raw[1:].strip(), dash=raw[0])
    if raw in LONE_DASHES:
        # A table's "no figure", or Excel's Accounting zero: which one only the typist knows.
        raise ValueError(msg("import_value_dash_alone", text=raw))
    if raw.lower() in NOT_AVAILABLE:
        # An English table's "no figure" (twenty-sixth session): not a mistyped number.
        raise ValueError(msg("import_value_not_available", text=raw))
    if excel_error(raw):
        raise ValueError(msg("import_value_excel_error", text=raw))
    low = raw.lower().lstrip("+-")
    if low in ("nan", "inf", "infinity"):
        raise ValueError(msg("import_value_no_figure", text=text))
    if raw.endswith("%") and _a_number_before_the_sign(raw[:-1], decimal_comma):
        raise ValueError(msg("import_value_percent", text=text))
    if len(raw) > 1 and raw.strip("#") == "":  # Excel's '####': a number wider than its column
        raise ValueError(msg("import_value_excel_narrow", text=raw))
    if raw[:1] == "(" and raw[-1:] == ")" and _a_number_before_the_sign(raw[1:-1], decimal_comma):
        # Excel's Accounting format shows -2.5 as (2,5): said with the minus form, never guessed.
        raise _told("import_value_accounting", text, "-" + raw[1:-1].strip())
    if raw[-1:] == "-" and raw[:1] not in "-+" and _a_number_before_the_sign(raw[:-1], decimal_comma):
        # '2,5-': the minus after the figure, as some accounting exports write it; said.
        raise _told("import_value_trailing_minus", text, "-" + raw[:-1].strip())
    if raw[-1:] in ".," and raw[-2:-1].isdigit() and _a_number_before_the_sign(raw[:-1], decimal_comma):
        # '1,': a paste cut after its decimal mark ('1,9'), or Enter pressed too soon; no
        # one writes a figure so, and 1 would be stored for 1.9 (forty-fifth session).
        raise ValueError(msg("import_value_cut_decimal", text=text.strip(), whole=raw[:-1]))
    value = _read_number(raw, decimal_comma, explicit)
    if value is None:
        rest = raw[1:].strip()
        if raw[:1] in _APOSTROPHES and rest and any(_read_number(rest, c, True) is not None for c in (False, True)):
            # '9,1: Excel's text prefix typed by hand (or kept by a paste); said, never dropped.
            # Under either convention: the figure without it is then read, or told, as typed.
            raise _told("import_value_apostrophe", text, rest)
        if range_ends(raw) is not None:  # "6-7%": a plan's range, not a figure
            raise ValueError(msg("import_value_range", text=text))
        words = words_beside(raw)
        if words is not None:  # '1,5 billion USD', 'about 10,5': told the figure alone, never read
            raise ValueError(msg("import_value_words", text=text.strip(), words=words))
        from .heading_marks import footnote_mark  # only for a cell that is no number

        marked = footnote_mark(raw)  # '12,3*': a yearbook's note on the figure (forty-third session)
        if marked is not None and _a_number_before_the_sign(marked[0], decimal_comma):
            raise _told("import_value_footnote_mark", text, marked[0], mark=marked[1])
        if _read_number(raw, not decimal_comma, True) is None:
            raise ValueError(msg("import_value_not_number", text=text, example="1234,5" if decimal_comma else "1234.5"))
        # One sentence per convention: the two are not glued from translated halves.
        raise ValueError(
            msg("import_value_point_in_comma_file", text=text)
            if decimal_comma
            else msg("import_value_comma_in_point_file", text=text)
        )
    if not math.isfinite(value):
        raise ValueError(msg("import_value_not_finite", text=text))
    if value == 0.0:
        if nonzero_mantissa(raw):  # 1e-400 underflows to 0: refused as 1e309 is, never stored as 0
            raise ValueError(msg("store_value_underflow", text=text))
    shown = _EXCEL_SCIENTIFIC.fullmatch(raw)
    if shown:
        # What Excel shows of a number too wide for its cell: rounded, the figure is lost.
        digits = len(shown.group(1).replace(",", "").replace(".", ""))
        raise ValueError(msg("import_value_excel_scientific", text=text.strip(), digits=digits))
    if abs(value) >= _WHOLE_UNITS_HELD:
        return whole_units_kept(value, _number_text(raw, decimal_comma, True) or repr(value), text.strip())
    return value + 0.0  # '-0' is 0 (rules.number)


# A figure with words before or after it, as pasted from a press release or a report's
# sentence: '1,5 billion USD' (a unit, perhaps not the indicator's: FDI is recorded in
# million USD), 'about 10,5', 'over 10', '10,5 (est.)', '≈10,5', in either language. One
# number and no other digit; the words hold a letter or a sign of approximation or bound.
_WORDS_BESIDE = re.compile(r"(?P<before>[^\d]*?)\s*[-+]?\d+(?:[.,]\d+)*\s*(?P<after>[^\d]*)")
_BOUND_SIGNS = frozenset("≈~<>≥≤")


def words_beside(raw: str) -> str | None:
    """The words written beside the one number of ``raw`` (``'billion USD'`` of ``'1,5 billion USD'``),
    or None when ``raw`` is not one number with words around it."""
    found = _WORDS_BESIDE.fullmatch(raw)
    if found is None:
        return None
    words = " ".join(w for w in (found["before"].strip(), found["after"].strip()) if w)
    # A letter, a sign of approximation or bound, or of money ('$ 354.7', '€354', '354,7 ₫':
    # Unicode's currency symbols, told as words beside the figure, not "not a number").
    if not words or not any(c.isalpha() or c in _BOUND_SIGNS or unicodedata.category(c) == "Sc" for c in words):
        return None
    return words


# A number as Excel shows it in scientific notation (General in a narrow column, or the
# Scientific format): one digit, perhaps decimals, a capital E and a signed exponent of
# two digits or more ('1,23E+05'). Python and other programs write a small e ('1e5').
_EXCEL_SCIENTIFIC = re.compile(r"[-+]?(\d(?:[.,]\d+)?)E[-+]\d{2,3}")


def excel_scientific(text: str) -> bool:
    """Whether ``text`` is a number as Excel shows it in scientific notation (above)."""
    return _EXCEL_SCIENTIFIC.fullmatch(text.strip()) is not None


# The dashes and hyphens a word processor or a font puts where a minus was typed.
_APOSTROPHES = frozenset("'\u2018\u2019")  # Excel's text prefix, and as Word curls it
_DASHES = frozenset("\u2010\u2011\u2013\u2014\ufe63\uff0d")
# A dash alone in a figure's cell: a table's "no figure" (NO_FIGURE, below), or
# Excel's Accounting zero.
LONE_DASHES = frozenset({"-", "\u2013", "\u2014"})

# What an English table writes for no figure ("not available"; '..' as the UN and the World
# Bank print it), as lower case: said to mark none, never read as a number.
NOT_AVAILABLE = frozenset({"n/a", "n.a.", "n.a", "na", "..", "...", "\u2026"})


# Cells a yearbook prints where it has no figure; in a wide table they are skipped.
NO_FIGURE = LONE_DASHES | {"", "..", "...", "…"}


def no_figure(cell: str) -> bool:
    """A wide table's cell (stripped) that holds no figure: a yearbook's dash or dots, or an
    English table's 'N/A', 'n.a.', 'NA' (NOT_AVAILABLE): the table cannot leave
    the cell out as a long file leaves out its row (issue 17, twenty-seventh session).
    Excel's '#N/A' is not one of them: a lookup found nothing where a figure was meant."""
    return cell in NO_FIGURE or cell.lower() in NOT_AVAILABLE


def parse_number_either(text: str) -> float:
    """A number read with no decimal convention known (a workbook's text cell, a pasted
    table that shows none): only when both conventions read it alike or one cannot read it
    at all ('12,5', '1.234,5', '1234'); '1.234' and '1,234' are refused as ambiguous."""
    raw = _ungrouped(text.strip().replace("\u2212", "-"))
    as_point, as_comma = _read_number(raw, False, True), _read_number(raw, True, True)
    if as_point is not None and as_comma is not None and as_point != as_comma:
        mark = "," if "," in raw else "."
        whole, fraction = raw.replace(mark, ""), raw.replace(mark, ".")
        kind = "import_value_ambiguous_comma" if mark == "," else "import_value_ambiguous_dot"
        raise ValueError(msg(kind, text=raw, whole=whole, fraction=fraction))
    # parse_number_cell under the convention that reads it says what else is wrong
    # (empty, a percent sign, #DIV/0!, not finite, an underflow).
    return parse_number_cell(text, as_point is None and as_comma is not None, True)


def _a_number_before_the_sign(bare: str, decimal_comma: bool) -> bool:
    """Whether what comes before a '%' is a number in either convention: '7.2%' is told
    to lose its sign, '%' or 'abc %' is not a number."""
    bare = bare.strip()
    return bool(bare) and any(
        _read_number(bare, comma, True) is not None for comma in (decimal_comma, not decimal_comma)
    )


def _number_shapes(decimal_comma: bool) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A plain number and one with thousands groups, under one convention."""
    dec, grp = (",", ".") if decimal_comma else (".", ",")
    d, g = re.escape(dec), re.escape(grp)
    return (
        re.compile(rf"([-+]?(?:\d+(?:{d}\d*)?|{d}\d+))([eE][-+]?\d+)?"),
        re.compile(rf"[-+]?[1-9]\d{{0,2}}(?:{g}\d{{3}})+(?:{d}\d+)?"),
    )


# Compiled once: an import reads every cell under both conventions (convention_shown).
_NUMBER_SHAPES = {True: _number_shapes(True), False: _number_shapes(False)}


def _read_number(raw: str, decimal_comma: bool, explicit: bool) -> float | None:
    """The value under one convention; None when the text does not fit it at all."""
    text = _number_text(raw, decimal_comma, explicit)
    return None if text is None else float(text)


def _number_text(raw: str, decimal_comma: bool, explicit: bool) -> str | None:
    """``_read_number``'s figure as plain decimal text (``1234.5``, ``1e3``)."""
    dec, grp = (",", ".") if decimal_comma else (".", ",")
    plain_number, grouped_number = _NUMBER_SHAPES[decimal_comma]
    plain = plain_number.fullmatch(raw)
    if plain:
        return plain.group(1).replace(dec, ".") + (plain.group(2) or "")
    # A thousands group never starts with 0: '0.123' and '0,123' are only decimals.
    if not grouped_number.fullmatch(raw):
        return None
    if dec not in raw and not explicit:
        whole, fraction = raw.replace(grp, ""), raw.replace(grp, ".")
        raise ValueError(
            msg("import_value_ambiguous_dot", text=raw, whole=whole, fraction=fraction)
            if decimal_comma
            else msg("import_value_ambiguous_comma", text=raw, whole=whole, fraction=fraction)
        )
    return raw.replace(grp, "").replace(dec, ".")


# 2**53: from here on a double no longer holds every whole number (9007199254740993 is
# held as ...992), and an amount in dong could be stored as another amount.
_WHOLE_UNITS_HELD = 2.0**53


def whole_units_kept(value: float, decimal: str | int, text: str) -> float:
    """``value``, read from ``decimal`` (plain decimal text, or a whole number), when the
    double holds it to the nearest unit; else ValueError naming the figure it would become
    (issue 17, twenty-fifth session). A fraction's 18th digit is not an amount's: only the
    whole units are held to, and only past 2**53, where they can be lost."""
    if abs(value) < _WHOLE_UNITS_HELD or not math.isfinite(value):
        return value
    from decimal import ROUND_HALF_EVEN, Decimal

    kept = Decimal(repr(value))
    if Decimal(decimal).to_integral_value(ROUND_HALF_EVEN) == kept.to_integral_value(ROUND_HALF_EVEN):
        return value
    stored = format(kept.to_integral_value(ROUND_HALF_EVEN), "f")
    raise ValueError(msg("import_value_beyond_precision", text=text, stored=stored))


def parse_typed_number(text: str, lang: str | None) -> float:
    """A figure typed on the command line, as a person writes it.

    A real minus sign (U+2212) is a minus. ``10.28`` and ``10,5`` each have one reading.
    One separator followed by exactly three digits (``1,234``, ``85.000``; not after a
    lone 0: ``0.123`` is 0.123, as no thousands group starts with 0) groups
    thousands under one convention and is the decimal under the other: ``lang`` (the
    --lang given, or QNTRACK_LANG) decides, ``vi`` with the decimal comma, ``en`` with
    the decimal point; with no language it is refused as ambiguous. With both
    separators the last one is the decimal (``1.000,0`` is 1000); a separator repeated
    (``12.345.678``) can only group thousands. See docs/decisions.md.
    """
    raw = text.strip().replace("\u2212", "-")
    if not raw:  # "$VALUE" with the variable unset: said empty, not "'' is not a number"
        raise ValueError(msg("import_typed_empty"))
    if foreign_digits(raw):
        raise ValueError(msg("import_typed_foreign_digits", text=text))
    if raw.lower().lstrip("+-") in ("nan", "inf", "infinity"):
        raise ValueError(msg("import_typed_not_number", text=text))
    if range_ends(raw) is not None:  # "6-7%": a plan's range, not a figure
        raise ValueError(msg("import_typed_range", text=text))
    dot, comma = raw.rfind("."), raw.rfind(",")
    if dot >= 0 and comma >= 0:
        decimal_comma = comma > dot  # the last separator is the decimal
    else:
        mark = "," if comma >= 0 else "."
        # No thousands group starts with 0: '0.123' and '0,123' have one reading, 0.123.
        grouped = re.fullmatch(rf"[-+]?[1-9]\d{{0,2}}(?:{re.escape(mark)}\d{{3}})+", raw) is not None
        if not grouped:
            decimal_comma = mark == ","  # '10,5' and '10.28' have one reading each
        elif lang in ("vi", "en"):
            decimal_comma = lang == "vi"
        elif raw.count(mark) > 1:
            decimal_comma = mark == "."  # '12.345.678' or '1,234,567': only thousands
        else:
            whole, fraction = raw.replace(mark, ""), raw.replace(mark, ".")
            raise ValueError(
                msg("import_typed_ambiguous_comma", text=text, whole=whole, fraction=fraction)
                if mark == ","
                else msg("import_typed_ambiguous_point", text=text, whole=whole, fraction=fraction)
            )
    try:
        return parse_number_cell(raw, decimal_comma, explicit=True)
    except ValueError as exc:
        said = _said(exc)
        if isinstance(said, Message) and said.id == "import_value_excel_scientific":
            # Typed, there is no column to format: the figure is to be typed in full.
            from decimal import Decimal  # not at the top: most commands never need it

            whole = format(Decimal(raw.replace(",", ".")), "f")
            if lang == "vi":
                # As a Vietnamese reader types it, and as this function reads it back under
                # vi: 0,0025 (a comma then other than three digits, or after a lone 0, is
                # the decimal); no thousands dot, the figure typed in full.
                whole = whole.replace(".", ",")
            raise ValueError(
                msg("import_typed_excel_scientific", text=text, digits=dict(said.params)["digits"], whole=whole)
            ) from None
        if isinstance(said, Message) and said.id in (
            "import_value_no_figure",
            "import_value_excel_error",  # '#DIV/0!' pasted from a sheet: the formula is what to correct
            "import_value_not_finite",
            "store_value_underflow",
            "import_value_percent",  # '7.2%' pasted from Excel: the sign is what to remove
            "import_value_dash",  # '–2,5' pasted from Word: the dash is what to retype
            "import_value_accounting",  # '(2,5)' from an Accounting cell: the brackets are a minus
            "import_value_trailing_minus",  # '2,5-': the minus is to be typed first
            "import_value_cut_decimal",  # '1,': the figure was cut, or Enter pressed too soon
            "import_value_dash_alone",  # '-': no figure, or an Accounting zero
            "import_value_not_available",  # 'N/A': no figure
            "import_value_apostrophe",  # "'9,1": Excel's text prefix, typed by hand
            "import_value_excel_narrow",  # '####': the column was too narrow to show the figure
            "import_value_beyond_precision",  # 9007199254740993: would be stored as another amount
        ):
            raise
        if isinstance(said, Message) and said.id == "import_value_words":
            # Typed, the words go in --note, not in a note column.
            raise ValueError(Message("import_typed_words", said.params)) from None
        # The import's messages speak of the file's convention and its flags; here there are none.
        raise ValueError(msg("import_typed_not_number", text=text)) from None


def canonical(value: float) -> str:
    return repr(value)


# Up to here a whole double is shown by Excel as its digits; from 10^15 its 16th digit is
# not Excel's, and Python's own text (1e+16) is kept.
_WHOLE_SHOWN = 1e15


def number_text(value: float) -> str:
    """A number where text is read (a source, a note, a unit, an indicator): a whole number
    without a needless '.0' (a workbook's 5.0 is the source '5', 2020.0 the unit '2020'), any
    other as Python writes it (5.5, 1e+20). One rule for a workbook's number cell
    (``workbook_cells.cell_text``) and a Python caller's number (``caller_rows``): the same
    cell stored two ways made two units of one (thirty-eighth session)."""
    if value.is_integer() and abs(value) < _WHOLE_SHOWN:
        return str(int(value))
    return str(value)


# The tests of a file's convention tell digits apart only as 0 and 1-9 (a thousands group
# starts with 1-9): with 2-9 written 1, a national import's 300,000 distinct figures come
# down to a few hundred texts that read alike (issue 17).
_SHAPE = str.maketrans("23456789", "11111111")


def _shapes(cells: Sequence[str]) -> set[str]:
    """The distinct cells as the convention tests see them: stripped, a real minus as '-',
    and 2-9 written 1 (the digits of other scripts stay, for what \\d makes of them)."""
    if not cells:
        return set()
    joined = "\x00".join(cells)
    if joined.count("\x00") != max(len(cells) - 1, 0):  # a cell holding NUL: one at a time
        return {c.translate(_SHAPE).strip().replace("\u2212", "-") for c in cells}
    return {c.strip().replace("\u2212", "-") for c in set(joined.translate(_SHAPE).split("\x00"))}


def convention_shown(cells: Sequence[str], default: bool | None) -> bool | None:
    """The decimal convention the file's numbers show: decimal comma when some cell
    reads only that way ('3,13') and none only the other way ('1.5'); else ``default``
    (';' files: comma, ',' files: point), whose usual messages then name the odd cells.
    A ``default`` of None (a tab-separated file: Excel writes a copy or a text export in
    the user's own convention) stays None only when no cell reads one way only, so that
    each cell is read as ``parse_number_either`` reads it; a file showing both
    conventions is read with the decimal point, whose messages name the odd cells."""
    comma_only = point_only = False
    for raw in _shapes(cells):
        as_comma, as_point = _read_number(raw, True, True), _read_number(raw, False, True)
        comma_only = comma_only or (as_comma is not None and as_point is None)
        point_only = point_only or (as_point is not None and as_comma is None)
    if comma_only != point_only:
        return comma_only
    if default is None and comma_only:
        return False
    return default


def shows_thousands(cells: Sequence[str], decimal_comma: bool) -> bool:
    """Whether some cell can only be read with a thousands separator under the file's
    convention ('1.234,5' or '12.345.678' with decimal commas), or uses the convention's
    decimal mark ('12,5'): a file has one decimal mark, so the other separator can then
    only group thousands, and '85.000' in the same file is 85000, not ambiguous
    (docs/decisions.md, "Typing and importing")."""
    dec, grp = (",", ".") if decimal_comma else (".", ",")
    d, g = re.escape(dec), re.escape(grp)
    shown = re.compile(rf"[-+]?[1-9]\d{{0,2}}(?:{g}\d{{3}})+{d}\d+|[-+]?[1-9]\d{{0,2}}(?:{g}\d{{3}}){{2,}}")
    raws = _shapes(cells)
    if any(shown.fullmatch(raw) for raw in raws):
        return True
    # The decimal mark in use, in a file none of whose cells reads only the other way
    # (a file mixing '12,5' and '12.5' shows no one mark: its '85.000' stays ambiguous).
    decimal = re.compile(rf"[-+]?\d*{d}\d+(?:[eE][-+]?\d+)?")
    return any(decimal.fullmatch(raw) for raw in raws) and not any(
        _read_number(raw, not decimal_comma, True) is not None and _read_number(raw, decimal_comma, True) is None
        for raw in raws
    )
