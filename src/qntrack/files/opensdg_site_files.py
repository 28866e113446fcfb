"""The site-wide files of an Open SDG export (moved out of ``opensdg_export``, issue 17,
twenty-third session): ``config_data.yml``, ``_prose.yml`` (the metadata schema sdg-build
requires) and the ``data`` translations of the plan's dimensions and units."""

from __future__ import annotations

from typing import Any

from ..plan.model import Plan

__all__ = ["config", "data_translations", "prose", "languages"]

# The dimensions written as Open SDG's own columns (opensdg_export.SERIES, UNITS).
_OWN_COLUMNS = {"series": "Series", "units": "Units"}


def languages(plan: Plan) -> list[str]:
    """The site's languages: English, then every other language the plan names an
    indicator, a dimension or a unit in (Vietnamese first)."""
    found: set[str] = set()
    for text in [i.name for i in plan.indicators.values()] + [d.name for d in plan.dimensions.values()]:
        found.update(lang for lang, t in text.languages().items() if lang != "en" and t and t != text.en)
    for d in plan.dimensions.values():
        for u in d.values or ():
            found.update(lang for lang, _ in u.names)
    found.discard("en")
    return ["en", *sorted(found, key=lambda lang: (lang != "vi", lang))]


def data_translations(plan: Plan) -> dict[str, dict[str, str]]:
    """Open SDG's ``data`` translations, by language: each column header's name and each
    unit's name in that language (Open SDG translates a data cell by its text). English
    too: a unit declared by its Vietnamese name, with ``names: {en: Female}``, is written as
    declared in the data, and the English site shows it by its English name."""
    used = {d for ind in plan.indicators.values() if not ind.formula for d in ind.dimensions}
    out: dict[str, dict[str, str]] = {}
    for lang in languages(plan):
        table: dict[str, str] = {}
        for d in plan.dimensions.values():
            if d.id not in used:
                continue
            name = d.name.languages().get(lang)
            if d.id not in _OWN_COLUMNS and name and name != d.name.en:
                table[d.name.en] = name
            for u in d.values or ():
                label = dict(u.names).get(lang)
                if label and label != u.value:
                    table[u.value] = label
        if table:
            out[lang] = table
    return out


def config(plan: Plan) -> dict[str, Any]:
    """sdg-build's settings: the sample repository's inputs, without git dates (an export
    is not a checkout), and the schema written beside it. The patterns take every file
    written (the sample's ``*-*`` would pass over ``indicator_fdi.csv``: an id without
    ``_`` has no ``-``); sdg-build names an indicator by its file name either way."""
    return {
        "languages": languages(plan),
        "site_dir": "_site",
        "schema_file": "_prose.yml",
        "src_dir": "",
        "inputs": [
            {"class": "InputCsvData", "path_pattern": "data/indicator_*.csv"},
            {"class": "InputYamlMdMeta", "path_pattern": "meta/*.md", "git": False},
        ],
        "translations": [
            {
                "class": "TranslationInputSdgTranslations",
                "source": "https://github.com/open-sdg/sdg-translations.git",
                "tag": "2.4.0",
            },
            {"class": "TranslationInputYaml", "source": "translations"},
        ],
    }


# The metadata fields an export writes, typed for sdg-build's schema check (a Prose.io
# configuration, its SchemaInputOpenSdg): text, yes/no, or a choice.
_TEXT_FIELDS = ("indicator_name", "graph_title", "computation_units", "indicator_number")
_CHECKBOXES = ("published", "data_non_statistical", "auto_progress_calculation")
_CHOICES = {
    "reporting_status": ("complete", "inprogress", "notstarted"),
    "graph_type": ("line", "bar", "binary"),
}


def prose() -> dict[str, Any]:
    meta: list[dict[str, Any]] = [{"name": n, "field": {"element": "text", "label": n}} for n in _TEXT_FIELDS]
    meta += [{"name": n, "field": {"element": "checkbox", "label": n}} for n in _CHECKBOXES]
    for name, values in _CHOICES.items():
        options = [{"name": v, "value": v} for v in values]
        meta.append({"name": name, "field": {"element": "select", "label": name, "options": options}})
    return {"prose": {"metadata": {"meta": meta}}}
