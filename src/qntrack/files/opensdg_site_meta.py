"""The site's own metadata kept when an export writes over it (issue 17, twenty-second
session).

An Open SDG data repository's ``meta/<id>.md`` holds much the plan does not: the national
description, limitations, ``data_start_values``, target lines, goal and tier, the page's
text after the front matter. ``export opensdg --force`` into the site's checkout replaced
the whole file with the export's fields, and the site lost them. Now the export's fields
are written first, then every field of the file already there that the export does not
write, as it was, then the page's text: a second export writes the same bytes
(docs/formats.md, "Where it is written")."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, Mapping

import yaml

from .opensdg_import import PERCENT_WORDS as _PERCENT
from .opensdg_meta_lines import in_place, same_value
from .opensdg_meta_text import MARKUP

__all__ = ["keep_site_fields"]

# The fields the plan gives, replaced whenever the export writes the file: with those it
# writes this time, those it writes for another plan (a target_name or progress_status an
# earlier export, or the site, left that no longer holds) and the numbered sources.
_PLANS = frozenset(
    {
        "indicator_name",
        "graph_title",
        "computation_units",
        "reporting_status",
        "indicator_number",
        "target_name",
        "auto_progress_calculation",
        "progress_calculation_options",
        "progress_status",
    }
)
_SOURCE = re.compile(r"source_(?:active|organisation|url_text|url)_\d+")
# The fields the export writes only because sdg-build's schema asks for them: the site's
# own choice (a bar chart, say) is kept.
_SITES_CHOICE = ("published", "data_non_statistical", "graph_type")
_DESCRIPTION = "national_indicator_description"


def _split(text: str) -> tuple[dict[str, Any], str] | None:
    """A metadata file's front matter and the text after it; None when it has none that
    reads as a mapping (the export's file replaces it, as before)."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return None
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        return None
    try:
        found = yaml.safe_load("".join(lines[1:end]))
    except yaml.YAMLError:
        return None
    return (found, "".join(lines[end + 1 :])) if isinstance(found, dict) else None


def keep_site_fields(target: Path, files: Mapping[str, bytes]) -> tuple[dict[str, bytes], list[str]]:
    """``files`` with each ``meta/*.md`` that ``target`` already holds merged with it, and
    the names of those that kept a field or text of the site's."""
    out = dict(files)
    kept: list[str] = []
    for name, data in files.items():
        path = target / name
        if not (name.startswith("meta/") and name.endswith(".md")) or not os.path.isfile(path) or path.is_symlink():
            continue
        try:
            site = _split(path.read_bytes().decode("utf-8-sig"))
        except (OSError, UnicodeDecodeError):
            site = None
        ours = _split(data.decode("utf-8"))
        if site is None or ours is None:
            continue
        fields, body = site
        mine = ours[0]
        chosen = {k: fields[k] for k in _SITES_CHOICE if k in fields and k in mine and fields[k] != mine[k]}
        if fields.get("indicator_name") == mine.get("indicator_name") and fields.get("graph_title") not in (None, ""):
            # The site titled its chart otherwise, and the plan has not renamed the indicator.
            chosen["graph_title"] = fields["graph_title"]
        if (
            mine.get("computation_units") == "%"
            and str(fields.get("computation_units", "")).strip().lower() in _PERCENT
        ):
            chosen["computation_units"] = fields["computation_units"]  # the site's word for '%'
        said = fields.get(_DESCRIPTION)
        if isinstance(said, str) and _read(said) == _read(str(mine.get(_DESCRIPTION, ""))):
            # The site's own line breaks of the description the plan gives (the import
            # reads them as one line), and its own markup: Statistics Canada's "<br><br>"
            # between paragraphs, which the import reads as text and the export writes
            # "&lt;br&gt;" (a '<' of the plan's is shown as typed), is the site's to keep.
            chosen[_DESCRIPTION] = said
        chosen = {k: v for k, v in chosen.items() if mine.get(k) != v}
        others = {
            k: v for k, v in fields.items() if k not in mine and str(k) not in _PLANS and not _SOURCE.fullmatch(str(k))
        }
        sources = _site_sources(fields, mine)
        if _default_options(fields, mine):
            mine = {k: v for k, v in mine.items() if k != "progress_calculation_options"}
        final = {**{k: v for k, v in mine.items() if sources is None or not _SOURCE.fullmatch(str(k))}, **chosen}
        final.update({**others, **(sources or {})})
        lines = path.read_bytes().decode("utf-8-sig").splitlines(keepends=True)
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
        front = in_place(lines[1:end], fields, final)
        if front is None:
            front = yaml.safe_dump(final, allow_unicode=True, sort_keys=False)
        out[name] = (lines[0] + front + "".join(lines[end:])).encode("utf-8")
        if chosen or others or body.strip() or sources:
            kept.append(name)
    return out, kept


def _read(text: str) -> list[str]:
    """A description's words as the import reads them: its entities ``&lt;`` and ``&gt;``
    as the characters, its line breaks as spaces."""
    for entity, character in MARKUP:
        text = text.replace(entity, character)
    return text.split()


def _default_options(fields: Mapping[str, Any], mine: Mapping[str, Any]) -> bool:
    """Whether the site computes progress with no options (Open SDG's defaults) and the
    export's one option is those defaults: the site's file stays without it."""
    written = mine.get("progress_calculation_options")
    return (
        "progress_calculation_options" not in fields
        and fields.get("auto_progress_calculation") is True
        and isinstance(written, list)
        and same_value("progress_calculation_options", [{}], written)
    )


def _site_sources(fields: Mapping[str, Any], mine: Mapping[str, Any]) -> dict[str, Any] | None:
    """The site's numbered sources (source_organisation_1, source_url_2, ...), kept as the
    site wrote them, and after them each source of the export's that is none of them (nor
    all of them joined, as the import gives each figure its indicator's sources); None
    when the site names no source (the export's are written)."""
    site = {str(k): v for k, v in fields.items() if _SOURCE.fullmatch(str(k))}
    numbers = {k.rsplit("_", 1)[1] for k in site}
    # The export writes each source's text as both its organisation and its title: sources
    # so written are an earlier export's, replaced by this one's.
    exports = all(site.get(f"source_organisation_{n}") == site.get(f"source_url_text_{n}") for n in numbers)
    if not site or exports:
        return None
    from .opensdg_import import _sources
    from .opensdg_repo import Repository

    stub = Repository(Path("."), ["en"], (), {}, [], [], False)
    known = {_sources(stub, dict(fields)), _sources(stub, dict(fields), before=True)}
    known |= {str(v).strip() for k, v in site.items() if not k.startswith("source_active_")}
    last = max(int(k.rsplit("_", 1)[1]) for k in site)
    out = dict(site)
    for n in range(1, 6):
        text = str(mine.get(f"source_organisation_{n}", "")).strip()
        if not text or text in known:
            continue
        last += 1
        out.update({f"source_active_{last}": True, f"source_organisation_{last}": text})
        out[f"source_url_text_{last}"] = text
        if f"source_url_{n}" in mine:
            out[f"source_url_{last}"] = mine[f"source_url_{n}"]
    return out
