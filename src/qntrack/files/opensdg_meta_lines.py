"""A site's metadata file changed field by field, in place (issue 17, twenty-third session).

The export wrote the fields it keeps of the site's ``meta/<id>.md`` again with its own
YAML (its order first, the site's blank lines gone, long lines wrapped anew), so that a
diff showed the whole front matter. Now each top-level field of the site's front matter is
a block of lines: a field whose value is unchanged keeps its lines byte for byte, a changed
one is written anew in its place, one the export drops is removed, and each of the export's new
fields goes after the field before it in the export's order (at the end when the file
holds none of those). Comments, blank lines and the page's text after
the front matter are the site's."""

from __future__ import annotations

import re
from typing import Any, Mapping

import yaml

__all__ = ["in_place", "same_value"]

# A line that may begin a top-level field: a key at the margin, then ':' and a space or
# the line's end ('https://...' in a text's continuation is not one).
_KEY = re.compile(r"""^(?:'[^']*'|"[^"]*"|[^\s#'"\-?:,\[\]{}&*!|>%@`][^:\n]*)\s*:(?:[ \t]|\r?\n|$)""")

# Open SDG's defaults for an option that does not say (sdg-build's progress measure): an
# option written without them is the one the export writes with them.
_OPTION_DEFAULTS = {"direction": "negative", "base_year": 2015, "target_year": 2030}


def same_value(key: str, site: Any, ours: Any) -> bool:
    """Whether the site's value is the export's (``limit: 100`` is 100.0; an option that
    leaves Open SDG's defaults out is one that writes them)."""
    if key == "progress_calculation_options" and isinstance(site, list) and isinstance(ours, list):
        fill = [{**_OPTION_DEFAULTS, **o} if isinstance(o, dict) else o for o in site]
        return fill == [{**_OPTION_DEFAULTS, **o} if isinstance(o, dict) else o for o in ours]
    return bool(site == ours) and isinstance(site, bool) == isinstance(ours, bool)


def _one_field(block: list[str]) -> str | None:
    """The name of the one field ``block`` holds; None when it does not read as one."""
    try:
        found = yaml.safe_load("".join(block))
    except yaml.YAMLError:
        return None
    return str(next(iter(found))) if isinstance(found, dict) and len(found) == 1 else None


def _blocks(lines: list[str]) -> list[tuple[str | None, list[str]]] | None:
    """The front matter's lines, grouped: what comes before the first field (None), then
    each top-level field with the lines below it. A line at the margin that looks like a
    field ('Note: ...') continues the field above while that field does not yet read (a
    quoted text over several lines). None when a block does not read as one field (the
    whole front matter is then written anew)."""
    out: list[tuple[str | None, list[str]]] = [(None, [])]
    current: list[str] | None = None
    for line in lines:
        if _KEY.match(line) and (current is None or _one_field(current) is not None):
            if current is not None:
                out.append((_one_field(current), current))
            current = [line]
        elif current is not None:
            current.append(line)
        else:
            out[0][1].append(line)
    if current is not None:
        out.append((_one_field(current), current))
    return None if any(key is None for key, _ in out[1:]) else out


def _trailing(block: list[str]) -> list[str]:
    """The blank lines and comments at a block's end: the gap before the next field."""
    n = len(block)
    while n > 1 and (not block[n - 1].strip() or block[n - 1].lstrip().startswith("#")):
        n -= 1
    return block[n:]


def in_place(front: list[str], site: Mapping[str, Any], final: Mapping[str, Any]) -> str | None:
    """The front matter (its lines between the ``---``) with ``final``'s fields: the
    site's lines where a field is unchanged; None when it cannot be split into fields."""
    blocks = _blocks(front)
    if blocks is None:
        return None
    chunks: list[tuple[str | None, list[str]]] = []
    for key, block in blocks:
        if key is None:
            chunks.append((None, block))
        elif key in final:
            if key in site and same_value(key, site[key], final[key]):
                chunks.append((key, block))
            else:
                chunks.append(
                    (key, [yaml.safe_dump({key: final[key]}, allow_unicode=True, sort_keys=False)] + _trailing(block))
                )
    written = {key for key, _ in blocks}
    order = list(final)
    for i, key in enumerate(order):
        if key not in written:
            _insert_after(
                chunks, order[:i], key, yaml.safe_dump({key: final[key]}, allow_unicode=True, sort_keys=False)
            )
    return "".join(line for _, lines in chunks for line in lines)


def _insert_after(chunks: list[tuple[str | None, list[str]]], before: list[str], key: str, text: str) -> None:
    """``text``, the new field ``key``, put right after the nearest field ``before`` it in
    the export's order that the file holds, ahead of that field's gap (blank lines and
    comments): a renumbered source's new ``source_url_2`` beside ``source_organisation_2``,
    where at the end of the front matter it stood apart from it (review of the
    twenty-third session). With no such field, at the end."""
    held = {k: n for n, (k, _) in enumerate(chunks) if k is not None}
    at = next((held[k] for k in reversed(before) if k in held), None)
    if at is None:
        last = chunks[-1][1] if chunks else []
        if last and not last[-1].endswith("\n"):
            last[-1] += "\n"
        chunks.append((key, [text]))
        return
    lines = chunks[at][1]
    gap = _trailing(lines)
    body = lines[: len(lines) - len(gap)]
    if body and not body[-1].endswith("\n"):
        body[-1] += "\n"
    chunks[at] = (chunks[at][0], body)
    chunks.insert(at + 1, (key, [text, *gap]))
