"""The texts an Open SDG indicator's metadata gives the import (``opensdg_import``): its
name and unit in English and Vietnamese, and its sources as one line."""

from __future__ import annotations

from typing import Any

from .opensdg_repo import IndicatorData, Repository
from .opensdg_repo import spaced as _spaced


# The entities the export writes, each read back as its character: in every field ``<``
# and ``>`` (opensdg_export.shown_as_text); in the names, ``"``, ``'`` and ``&`` too
# (shown_in_attribute), ``&amp;`` last so that "&amp;lt;" is read "&lt;", as typed. A
# source's "&amp;" stays as written: a later import compares a figure's source with the
# one it read before, and every row of such a site would read as revised.
MARKUP = (("&lt;", "<"), ("&gt;", ">"))
NAMES = (*MARKUP, ("&quot;", '"'), ("&#x27;", "'"), ("&#39;", "'"), ("&amp;", "&"))


def text(repo: Repository, value: Any, lang: str | None = None, entities: tuple[tuple[str, str], ...] = MARKUP) -> str:
    """A field's text as the site shows it: the ``entities`` the export writes (``<`` and
    ``>``; a name's ``NAMES``) as the characters."""
    if value is None or isinstance(value, (dict, list)):
        return ""
    read = _spaced(repo.translate(str(value).strip(), lang)).strip()
    if "&" not in read:
        return read
    for entity, character in entities:
        read = read.replace(entity, character)
    return read


def localized(
    repo: Repository, indicator: IndicatorData, keys: tuple[str, ...], entities: tuple[tuple[str, str], ...] = MARKUP
) -> Any:
    """The first of ``keys`` the metadata gives, in English and, when the site has it,
    Vietnamese: each from the metadata in that language (the site's own files for its
    first language, ``meta/<lang>/`` for another), a translation key read in it. A site
    whose own language is not English names it in English where it has English, and in
    its own language where it does not."""

    def text_in(lang: str) -> str:
        own = lang == repo.language
        meta = indicator.meta if own else indicator.meta_by_lang.get(lang, {})
        for k in keys:
            value = meta.get(k) or indicator.meta.get(k)
            # A key the language does not translate is read as the site reads it.
            if t := text(repo, value, None if own or not _translates(repo, value, lang) else lang, entities):
                return t
        return ""

    en = text_in("en") if "en" in repo.languages else text_in(repo.language)
    if "vi" not in repo.languages:
        return en
    vi = text_in("vi")
    return {"en": en, "vi": vi} if vi and vi != en else en


def _translates(repo: Repository, value: Any, lang: str) -> bool:
    """Whether ``value`` is plain text, or a translation key that ``lang`` translates."""
    group, dot, key = str(value).partition(".")
    return not dot or " " in group or key in repo.translations.get(lang, {}).get(group, {})


def sources(repo: Repository, meta: dict[str, Any], before: bool = False) -> str:
    """The metadata's active sources, as one line: organisation, title, address.
    ``before``: as an import before 4 December 2026 (08283a1) wrote them, each address
    given again after a title that holds it (ImportPlan.sources_before)."""
    out = []
    for n in range(1, 21):
        if f"source_organisation_{n}" not in meta and f"source_url_text_{n}" not in meta:
            continue
        if str(meta.get(f"source_active_{n}", True)).strip().lower() == "false":
            continue
        parts = [text(repo, meta.get(f"source_{k}_{n}")) for k in ("organisation", "url_text", "url")]
        if parts[0] and parts[1].startswith(parts[0]):
            parts[0] = ""  # "Statistics Canada. Table 11-10-0135-01 ..." names its organisation already
        if parts[2] and (parts[2] in parts[0] or parts[2] in parts[1]) and not before:
            parts[2] = ""  # the title holds its address (qntrack's export): not given twice
        line = " ".join(p for p in parts if p)
        if line:
            out.append(line)
    return "; ".join(out)[:1000]
