"""PyYAML's problems said in the user's language (targets.yaml, and an Open SDG
repository's metadata): the mistakes of a file edited by hand, each with how to mend it;
the rest PyYAML's own words, marked as such."""

from __future__ import annotations

import re

import yaml

from ..catalog import Message, msg
from .smart_quotes import TYPOGRAPHIC  # TextEdit's “ ”: letters to YAML

__all__ = ["yaml_problem", "yaml_words"]

# PyYAML's words for the mistakes a person editing a plan by hand makes, each as a
# message that says how to mend it, in the user's language; the rest stay PyYAML's,
# marked as such. Matched on the start of PyYAML's problem (``problem`` of its error).
_YAML_WORDS = (
    ("expected <block end>", "authoring_yaml_indentation"),
    ("mapping values are not allowed", "authoring_yaml_colon"),
    ("could not find expected ':'", "authoring_yaml_no_colon"),
    ("expected ',' or '}'", "authoring_yaml_flow_mapping"),
    ("expected ',' or ']'", "authoring_yaml_flow_sequence"),
    ("found unexpected end of stream", "authoring_yaml_unclosed"),
    ("expected the node content, but found '<stream end>'", "authoring_yaml_unclosed"),  # "unit: ["
    ("found unknown escape character", "authoring_yaml_backslash"),  # "C:\Data"
    ("expected escape sequence of", "authoring_yaml_backslash"),  # "\x4"
    ("expected chomping or indentation indicators", "authoring_yaml_block_text"),  # >= 15
    ("found undefined alias", "authoring_yaml_alias"),
    ("expected alphabetic or numeric character", "authoring_yaml_anchor_name"),  # '& x', '*'
    ("second occurrence", "authoring_yaml_anchor_twice"),  # of an anchor: PyYAML's only one
    ("but found another document", "authoring_yaml_two_documents"),  # after '---'
    ("expected '<document start>'", "authoring_yaml_two_documents"),  # after '...'
)
_CANNOT_START = re.compile(r"^found character '(.+)' that cannot start any token")
# A closing bracket or a comma where a value should be: "unit: [}" (a list closed by the
# other kind), "[1, }", a stray "]", "[,]".
_NO_VALUE = re.compile(r"^expected the node content, but found '([\]},])'$")
# A tag the safe loader has no constructor for (PyYAML writes "!!x" as "tag:yaml.org,2002:x").
_TAG = re.compile(r"^could not determine a constructor for the tag '(.+)'$")
# A key and its value with no space after the colon ("indicator:g"), up to a comment.
_GLUED = re.compile(r"([A-Za-z_][\w-]*):([^\s:#][^#]*)")


def yaml_words(problem: str) -> Message:
    """PyYAML's ``problem`` as a message of the catalog."""
    for start, message_id in _YAML_WORDS:
        if problem.startswith(start):
            return msg(message_id)
    found = _CANNOT_START.match(problem)
    if found:
        return msg("authoring_yaml_cannot_start", char=found.group(1))
    found = _NO_VALUE.match(problem)
    if found:
        return msg("authoring_yaml_no_value", char=found.group(1))
    found = _TAG.match(problem)
    if found:  # "!!python/object:..." in a metadata file: written as typed, "!!" for YAML's prefix
        return msg("authoring_yaml_tag", tag=found.group(1).replace("tag:yaml.org,2002:", "!!", 1))
    if problem.startswith("found unhashable key"):  # "? [a]", "{[c]: 2}"
        return msg("authoring_yaml_unhashable_key")
    return msg("authoring_yaml_other", problem=problem)


def yaml_problem(exc: yaml.MarkedYAMLError, text: str, top_keys: tuple[str, ...] = ()) -> tuple[int, int, Message]:
    """The 1-based line and column of a YAML error in ``text`` (0 when PyYAML gives no
    place) and the message that says it: a tab named as such, else ``yaml_words``.
    ``top_keys``: the file's top-level keys, one of which written after a space is said so."""
    if text.lstrip("\ufeff \t\r\n").startswith("{\\rtf"):
        # TextEdit's default format (twenty-first session): no YAML, whatever PyYAML says.
        return 1, 0, msg("definitions_rtf")
    unclosed = _unclosed_quote(text.splitlines(), exc)
    if unclosed is not None:
        return unclosed
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 0
    col = mark.column + 1 if mark else 0
    said = (exc.problem or exc.context or "not valid YAML").strip()  # PyYAML's words, in English
    if top_keys and exc.problem_mark is not None and said.startswith(_TOP_KEY_SLIPS):
        # " timezone: +07:00": only the '#' of the starter's "# timezone:" deleted (or a
        # space typed): told as the top-level key it is (forty-first session).
        row = exc.problem_mark.line
        lines = text.splitlines()
        top = _TOP_KEY_SPACED.match(lines[row]) if row < len(lines) else None
        if top is not None and top[2] in top_keys:
            return row + 1, len(top[1]) + 1, msg("authoring_yaml_top_key_spaced", key=top[2])
    if said.startswith("could not find expected ':'") and exc.context_mark is not None:
        # "indicator:g": one text to YAML, refused on the line after it; said at its colon.
        lines = text.splitlines()
        at = exc.context_mark
        glued = _GLUED.match(lines[at.line][at.column :]) if at.line < len(lines) else None
        if glued:
            key, value = glued[1], glued[2].strip()
            written = f"{key}: {value}"
            return at.line + 1, at.column + len(key) + 1, msg("authoring_yaml_colon_space", written=written)
        if exc.problem_mark is not None and at.line < exc.problem_mark.line:
            # "targets" alone between two blocks, opening the one under it: said as the
            # same key at a file's start is (``_bare_key_above``; thirty-seventh session).
            opening = _bare_key_opening(lines, at.line)
            if opening is not None:
                return opening
            # "frequency year": the key with no colon at all. PyYAML sees it on the line
            # where the next key starts, which has nothing wrong; said where it begins.
            line, col = at.line + 1, at.column + 1
    if said.startswith("mapping values are not allowed") and mark is not None:
        # "- by:2025" then "value: 7" under it: one text to YAML, refused at the line under.
        glued_above = _glued_above(text.splitlines(), mark.line)
        if glued_above is not None:
            return glued_above
        bare_above = _bare_key_above(text.splitlines(), mark.line)
        if bare_above is not None:
            return bare_above
        spaced = _spaced_item_above(text.splitlines(), mark.line)
        if spaced is not None:
            return spaced
    if mark is not None and said.startswith(_FLOW_SLIPS):
        flow = _flow_no_colon(text.splitlines(), exc)
        if flow is not None:
            return flow
    if exc.problem_mark is not None and said.startswith("expected <block end>, but found '<block sequence start>'"):
        undashed = _item_without_dash(text.splitlines(), exc.problem_mark.line)
        if undashed is not None:
            return undashed
    if exc.problem_mark is not None and exc.context_mark is not None and said == "expected <block end>, but found '?'":
        # "  id: share-2025" in the column of the list's dashes: the item's '- ' forgotten.
        lines = text.splitlines()
        at, item = exc.problem_mark, exc.context_mark
        if (
            at.line < len(lines)
            and item.line < len(lines)
            and _ITEM_FIRST.match(lines[item.line])
            and _KEY_FIRST.match(lines[at.line])
            and at.column == item.column
        ):
            written = " " * at.column + "- " + lines[at.line].strip()
            return at.line + 1, at.column + 1, msg("authoring_yaml_item_no_dash", written=written, line=item.line + 1)
    if mark is not None:
        wide = _full_width_colon(text.splitlines(), exc)
        if wide is not None:
            return wide
    if exc.context_mark is not None and said.startswith(("expected ',' or '}'", "expected ',' or ']'")):
        # "{en: # persons, vi: ...}": the comment took the rest of the line, its closing
        # brace too; said at the brace's line, not as a missing comma (forty-seventh session).
        row, lines = exc.context_mark.line, text.splitlines()
        hashed = _FLOW_HASH.search(lines[row], exc.context_mark.column) if row < len(lines) else None
        if hashed is not None:
            shown = re.split(r"[,}\]]", lines[row][hashed.end() - 1 :], maxsplit=1)[0].strip()  # the value alone
            return row + 1, hashed.end(), msg("s47l_yaml_flow_comment", text=shown)
    message = yaml_words(said)
    if "\t" in said or "'\\t'" in said:
        message = msg("definitions_yaml_tab")
    elif mark is not None:
        lines = text.splitlines()
        if 0 < line <= len(lines) and "\t" in lines[line - 1]:
            message = msg("definitions_yaml_tab_on_line", problem=message)
        elif 0 < line <= len(lines) and TYPOGRAPHIC.search(lines[line - 1]):
            message = msg("definitions_yaml_smart_quotes", problem=message)
    return line, col, message


# A comment's '#' inside braces or brackets: after a space, '{', '[' or ','.
_FLOW_HASH = re.compile(r"[\s{\[,]#")


# A line of a top-level key written after spaces, and the YAML problems it meets.
_TOP_KEY_SPACED = re.compile(r"^( +)([a-z]+)\s*:(?:\s|$)")
_TOP_KEY_SLIPS = ("expected <block end>", "mapping values are not allowed")


# A list item's first key glued to its value, alone on its line: "- by:2025".
_GLUED_ITEM = re.compile(r"^(\s*-\s+)([A-Za-z_][\w-]*):([^\s:#/][^#]*?)\s*(?:#.*)?$")


def _glued_above(lines: list[str], at: int) -> tuple[int, int, Message] | None:
    """The line above line ``at`` (0-based) when it is a list item whose only key is glued
    to its value: its 1-based line, the column of the colon and the message; else None."""
    above = _line_above(lines, at)
    found = _GLUED_ITEM.match(lines[above]) if 0 <= above < len(lines) else None
    if found is None:
        return None
    key, value = found[2], found[3].strip()
    column = len(found[1]) + len(key) + 1
    return above + 1, column, msg("authoring_yaml_colon_space", written=f"{key}: {value}")


# A word alone on its line, no colon, no list dash, no comment: "indicators", "  share".
_BARE_KEY = re.compile(r"^( *)([^\s:#'\"\-\[\]{},&*!|>%@`][^\s:#]*)\s*$")
# A line that starts with a key and its colon: "    name: Share".
_KEY_FIRST = re.compile(r"^( *)[^\s:#'\"\-][^:#]*:(?:\s|$)")


# A line that starts a list item: "  - id: share-2030".
_ITEM_FIRST = re.compile(r"^( *)-(?:\s|$)")


def _bare_key_opening(lines: list[str], at: int) -> tuple[int, int, Message] | None:
    """Line ``at`` (0-based) when it is one word alone and the next line that is neither
    blank nor a comment is a key or a list item indented deeper: a key that opens a block
    without its colon, met after other keys (PyYAML says "could not find expected ':'" at
    the next line, not "mapping values are not allowed" as at a mapping's first key). Its
    1-based line and column and the message; else None."""
    found = _BARE_KEY.match(lines[at]) if 0 <= at < len(lines) else None
    if found is None or _wrapped(lines, at):
        return None
    below = next((line for line in lines[at + 1 :] if line.strip() and not line.lstrip().startswith("#")), "")
    under = _KEY_FIRST.match(below) or _ITEM_FIRST.match(below)
    if under is None or len(under[1]) < len(found[1]):
        return None
    if len(under[1]) == len(found[1]):
        if under.re is not _KEY_FIRST:
            return None
        # A key of the same mapping below ("observations" over "indicators:"): no ':' and no value.
        return at + 1, len(found[1]) + 1, msg("authoring_yaml_bare_key", key=found[2])
    return at + 1, len(found[1]) + 1, msg("authoring_yaml_block_no_colon", key=found[2])


def _bare_key_above(lines: list[str], at: int) -> tuple[int, int, Message] | None:
    """A key that opens a block written without its colon ("indicators" over the indented
    "  share:"): PyYAML reads it and the next line's key as one text and stops at that
    line's ':'. Its 1-based line and column and the message, when the line above ``at``
    (0-based, blank lines aside) is one word alone and line ``at`` is a key indented
    deeper; else None (issue 17, session 36, pass D)."""
    if not 0 < at < len(lines):
        return None
    below = _KEY_FIRST.match(lines[at])
    above = _line_above(lines, at)
    found = _BARE_KEY.match(lines[above]) if above >= 0 else None
    if below is None or found is None or len(below[1]) < len(found[1]) or _wrapped(lines, above):
        return None
    key = found[2]
    if len(below[1]) == len(found[1]):
        # "version" over "title: x": a key of the same mapping, this one with no ':' nor value
        # (thirty-seventh session: said at line 2, "check this line's indentation").
        return above + 1, len(found[1]) + 1, msg("authoring_yaml_bare_key", key=key)
    return above + 1, len(found[1]) + 1, msg("authoring_yaml_block_no_colon", key=key)


# A list item's first key with a space for its colon: "  - id share-2030" (key, then value).
# A key as the plan writes its keys (lower-case ASCII): "- Ha Long" over "until:" is a unit's
# name, whose mend is "- {value: Ha Long, until: ...}", not "Ha: Long".
_SPACED_ITEM = re.compile(r"^(\s*-\s+)([a-z_][a-z0-9_]*)\s+([^\s:#'\"\-\[{][^:#]*?)\s*(?:#.*)?$")


def _spaced_item_above(lines: list[str], at: int) -> tuple[int, int, Message] | None:
    """A list item's first key written without its colon ("- id share-2030") over the
    item's next key ("    type: plan", in the item's column): YAML reads the first line as
    the item's text and stops at the next line's ':', a line with nothing wrong (thirty-
    seventh session, pass F: told to check its indentation). Its 1-based line, the key's
    column and the message, when the line above ``at`` (0-based, blank lines aside) is such
    an item and line ``at`` a key in its column; else None."""
    if not 0 < at < len(lines):
        return None
    below = _KEY_FIRST.match(lines[at])
    above = _line_above(lines, at)
    found = _SPACED_ITEM.match(lines[above]) if above >= 0 else None
    if below is None or found is None or len(below[1]) != len(found[1]):
        return None
    key, value = found[2], found[3].strip()
    return above + 1, len(found[1]) + 1, msg("authoring_yaml_item_no_colon", key=key, value=value)


# A key, a space and its value in braces or brackets, no colon: "    name {en: GRDP, vi: ...}",
# "  - dimensions [locality]". YAML reads "name {en" as a key and stops further on: at a
# comma after a quoted text ("expected <block end>", told as indentation at a later column),
# at the next ':' ("mapping values are not allowed"), or at the line below ("could not find
# expected ':'"); each said by name at the key (issue 17, thirty-seventh session, pass I).
_FLOW_SLIPS = ("expected <block end>", "mapping values are not allowed", "could not find expected ':'")
_FLOW_NO_COLON = re.compile(r"^(\s*(?:-\s+)?)([a-z_][a-z0-9_]*)\s+([{\[].*[}\]])\s*(?:#.*)?$")


def _flow_no_colon(lines: list[str], exc: yaml.MarkedYAMLError) -> tuple[int, int, Message] | None:
    """The 1-based line, the key's column and the message when the line of ``exc``'s
    context or problem (the first of them that is) is a key without its colon before a
    value in braces or brackets; else None."""
    for mark in (exc.context_mark, exc.problem_mark):
        if mark is None or not 0 <= mark.line < len(lines):
            continue
        found = _FLOW_NO_COLON.match(lines[mark.line])
        if found is not None:
            written = f"{found[2]}: {found[3]}"
            return mark.line + 1, len(found[1]) + 1, msg("authoring_yaml_flow_no_colon", key=found[2], written=written)
    return None


# A key and a plain value on its line, which the lines indented under it may continue:
# "national_indicator_available: Tuberculosis incidence ... in Inuit" over "  Nunangat".
_PLAIN_VALUE = re.compile(r"^( *)(?:-\s+)?[^\s:#'\"\-][^:#]*:\s+[^\s|>#&*!'\"\[{%@`]")


def _wrapped(lines: list[str], at: int) -> bool:
    """Whether line ``at`` (0-based), a word alone, is the wrapped end of a value begun on
    a key's line above and indented less (Statistics Canada's metadata wraps long values
    so): no key missing its colon, whatever the line under it (session 45, pass O)."""
    indent = len(lines[at]) - len(lines[at].lstrip(" "))
    above = _line_above(lines, at)
    while above >= 0 and len(lines[above]) - len(lines[above].lstrip(" ")) >= indent:
        if _KEY_FIRST.match(lines[above]) or _ITEM_FIRST.match(lines[above]) or lines[above].lstrip().startswith("#"):
            return False
        above = _line_above(lines, above)
    start = _PLAIN_VALUE.match(lines[above]) if above >= 0 else None
    return start is not None and len(start[1]) < indent


def _unclosed_quote(lines: list[str], exc: yaml.MarkedYAMLError) -> tuple[int, int, Message] | None:
    """A quote left open (`unit: "%`): YAML reads on to the next quote, lines below, and
    stops just after it, blaming the indentation there (forty-fifth session, pass K). Where
    the error stands right after a quote and a line above opens one it does not close,
    the 1-based line and column of that quote, and the line to write; else None."""
    at = exc.problem_mark
    if at is None or at.line >= len(lines):
        return None
    before = lines[at.line][: at.column].rstrip()
    if not before or before[-1] not in "\"'":
        return None
    quote = before[-1]
    for row in range(at.line - 1, max(-1, at.line - 200), -1):
        line = lines[row]
        if line.lstrip().startswith("#"):
            continue
        count = len(re.findall(r'(?<!\\)"', line)) if quote == '"' else line.count("'")
        if count % 2:
            written = line.strip() + quote
            return (
                row + 1,
                line.rindex(quote) + 1,
                msg("authoring_yaml_unclosed_quote", line=at.line + 1, written=written),
            )
    return None


def _line_above(lines: list[str], at: int) -> int:
    """The 0-based index of the line above ``at`` that holds something, blank lines aside
    (-1 when none): where each slip read here looks for the key that went wrong."""
    above = at - 1
    while above >= 0 and not lines[above].strip():
        above -= 1
    return above


def _item_without_dash(lines: list[str], at: int) -> tuple[int, int, Message] | None:
    """A list's first item written without its '- ' ("targets:" over "    id: share-2030",
    a later target with its dash): YAML reads the first as a mapping and stops at the
    next item's dash, at line ``at`` (0-based), blaming its indentation. The 1-based line
    and column of the first item's first key and the message, when the content between
    the key that opens the list and line ``at`` starts with a key indented deeper than
    the dash; else None (forty-fourth session)."""
    item = _ITEM_FIRST.match(lines[at]) if 0 <= at < len(lines) else None
    if item is None:
        return None
    dash = len(item[1])
    first = None  # the first line holding something below the opening key
    above = at - 1
    while above >= 0:
        line = lines[above]
        if line.strip() and not line.lstrip().startswith("#"):
            indent = len(line) - len(line.lstrip(" "))
            if indent < dash:
                break  # the key that opens the list ("targets:")
            first = above
        above -= 1
    if above < 0 or first is None or not lines[above].rstrip().endswith(":"):
        return None
    found = _KEY_FIRST.match(lines[first])
    if found is None or len(found[1]) <= dash:
        return None
    written = " " * dash + "- " + lines[first].strip()
    return first + 1, len(found[1]) + 1, msg("authoring_yaml_item_no_dash", written=written, line=at + 1)


# A full-width colon, as a Chinese or Japanese input method types ':' (U+FF1A).
_FULL_WIDTH_COLON = "\uff1a"


def _full_width_colon(lines: list[str], exc: yaml.MarkedYAMLError) -> tuple[int, int, Message] | None:
    """The 1-based line and column of a full-width colon on the line of ``exc``'s context or
    problem (the first that holds one) and the message, with the line as it should be
    written; else None (forty-fourth session)."""
    # The line above the problem too: "- id： x" over "    type: plan" is stopped at the
    # second line, YAML having read the first as a text a key cannot follow (pass G).
    at_lines = [m.line for m in (exc.context_mark, exc.problem_mark) if m is not None]
    if exc.problem_mark is not None and exc.problem_mark.line <= len(lines):
        at_lines.append(_line_above(lines, exc.problem_mark.line))
    for number in at_lines:
        if not 0 <= number < len(lines) or _FULL_WIDTH_COLON not in lines[number]:
            continue
        line = lines[number]
        at = _bare_full_width_colon(line)
        if at is None:
            continue
        written = line.strip().replace(_FULL_WIDTH_COLON + " ", ": ").replace(_FULL_WIDTH_COLON, ": ")
        return number + 1, at + 1, msg("authoring_yaml_full_width_colon", written=written)
    return None


def _bare_full_width_colon(line: str) -> int | None:
    """The 0-based column of ``line``'s first full-width colon YAML reads as text of the
    document: not inside quotes, nor in a comment, where it is a value's or a note's own
    letter (pass G: one quoted in a resolution's name was blamed for the line's other slip)."""
    quote, depth = None, 0
    for i, c in enumerate(line):
        if quote is not None:
            if c == quote:
                quote = None
        elif c in "\"'":
            quote = c
        elif c == "#" and (i == 0 or line[i - 1] in " \t"):
            return None
        elif c in "{[":
            depth += 1
        elif c in "}]":
            depth -= 1
        elif c == ":" and depth <= 0 and line[i + 1 : i + 2] in ("", " "):
            return None  # a key's own colon: what follows is its value's text
        elif c == _FULL_WIDTH_COLON:
            return i
    return None
