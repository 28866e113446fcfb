"""The site-wide files of an Open SDG export (moved out of ``opensdg_export``, issue 17,
twenty-third session): ``config_data.yml``, ``_prose.yml`` (the metadata schema sdg-build
requires), the ``data`` translations of the plan's dimensions and units, and the headings
of the metadata fields in Vietnamese (issue 17, twenty-ninth session)."""

from __future__ import annotations

from typing import Any

from ..catalog import catalog
from ..plan.model import Plan

__all__ = ["config", "data_translations", "prose", "languages", "field_labels"]

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


# The metadata fields an export writes (opensdg_export._meta), in the order of Open SDG's
# data starter, for sdg-build's schema check (a Prose.io configuration, read by its
# SchemaInputOpenSdg) and for the site: name, element, the key of its heading in
# sdg-translations' metadata_fields (target_name's is "target"), and the tab it shows on
# (its scope). A field with no scope is a setting the site reads, not shows.
# progress_calculation_options is a list, which no Prose.io element holds: left out, as
# the data starter leaves it, and read by the build as it is.
_FIELDS: tuple[tuple[str, str, str | None, str | None], ...] = (
    ("indicator_name", "text", "indicator_name", "global"),
    ("target_name", "text", "target", "global"),
    ("indicator_number", "text", "indicator", "global"),
    ("national_indicator_description", "text", "national_indicator_description", "national"),
    ("computation_units", "text", "computation_units", "national"),
    ("reporting_status", "select", "reporting_status", "data"),
    ("data_non_statistical", "checkbox", "data_non_statistical", "data"),
    ("published", "checkbox", None, None),
    ("graph_type", "select", "graph_type", "graph"),
    ("graph_title", "text", "graph_title", "graph"),
)
# Each source's fields (source_<kind>_<n>), as above, the scope source_<n>.
_SOURCE_FIELDS: tuple[tuple[str, str, bool], ...] = (
    ("active", "checkbox", False),
    ("organisation", "text", True),
    ("url_text", "text", True),
    ("url", "text", True),
)
_SETTINGS = (("auto_progress_calculation", "checkbox"), ("progress_status", "hidden"))
_CHOICES = {
    "reporting_status": ("complete", "inprogress", "notstarted"),
    "graph_type": ("line", "bar", "binary"),
}


def _fields(sources: int) -> list[tuple[str, str, str | None, str | None, str]]:
    """Every field: name, element, translation key, scope and English heading."""
    en = catalog("en")
    out = [(n, e, k, s, en[f"osexport_label_{k or n}"]) for n, e, k, s in _FIELDS]
    for n in range(1, sources + 1):
        for kind, element, shown in _SOURCE_FIELDS:
            name = f"source_{kind}_{n}"
            label = en[f"osexport_label_source_{kind}"].format(n=n)
            out.append((name, element, name if shown else None, f"source_{n}" if shown else None, label))
    out += [(n, e, None, None, en[f"osexport_label_{n}"]) for n, e in _SETTINGS]
    return out


def prose(sources: int) -> dict[str, Any]:
    """``_prose.yml``: every field the metadata may hold, ``sources`` numbered sources."""
    meta: list[dict[str, Any]] = []
    for name, element, key, scope, label in _fields(sources):
        field: dict[str, Any] = {"element": element, "label": label}
        if key:
            field["translation_key"] = f"metadata_fields.{key}"
        if scope:
            field["scope"] = scope
        if name in _CHOICES:
            field["options"] = [{"name": v, "value": v} for v in _CHOICES[name]]
        meta.append({"name": name, "field": field})
    return {"prose": {"metadata": {"meta": meta}}}


def field_labels(plan: Plan, sources: int) -> dict[str, dict[str, str]]:
    """The headings of the fields a site shows, by language, for the site's languages that
    qntrack has words for and sdg-translations has not (Vietnamese): without them the site
    shows each heading's key (``metadata_fields.target``)."""
    if "vi" not in languages(plan):
        return {}
    vi = catalog("vi")
    table = {}
    for name, _, key, scope, _ in _fields(sources):
        if key and scope:
            kind = name.rpartition("_")[0] if name.startswith("source_") else key
            table[key] = vi[f"osexport_label_{kind}"]
    return {"vi": table}
