"""The tracker as an Open SDG data repository (issue 16, "Export"): what each file holds.

``qntrack export opensdg --into DIR`` writes the plan and the figures in force as the
files Open SDG's build (sdg-build) reads (docs/formats.md, "Open SDG: export"):

- ``data/indicator_<inid>.csv``: ``Year``, ``Series`` and ``Units`` (the dimensions with
  those ids), one column per other dimension of the indicator by its English name,
  ``Value``, and ``Progress`` when the plan has the indicator's ``<id>_progress``
  companion; a total's row has empty dimension cells, as Open SDG's headline;
- ``meta/<inid>.md``: YAML front matter, with the progress options of the indicator's
  ``open_sdg`` targets, or the status qntrack computed for its other targets;
- ``config_data.yml``, ``_prose.yml`` (the metadata schema sdg-build requires, each field
  with Open SDG's translation key and tab) and, when the plan names its dimensions or
  units in other languages, ``translations/<lang>/data.yml``; for a Vietnamese site,
  ``translations/vi/metadata_fields.yml``, the fields' headings.

Only whole-year figures go out (Open SDG's ``Year``); derived indicators are left out.
This module decides the bytes; ``opensdg_write`` puts them on the disk. No clock here:
the assessments come in computed for the reference day.
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

import yaml

from ..errors import ExitCode, fail
from ..catalog import msg
from ..method.assessment import Assessment
from ..method.groups import Member, combine
from ..method.series import Series
from ..plan.model import Direction, Indicator, Observation, OpenSdgTarget, Plan, Problem, Target
from ..plan.units import Dims, split_key
from .opensdg_names import refuse_empty_units
from .opensdg_site_files import (
    config as _config,
    data_translations as _data_translations,
    field_labels,
    prose as _prose,
)
from .opensdg_row_order import in_declared_order
from .opensdg_status import PROGRESS_SUFFIX  # x_progress beside x: x's Progress column
from .opensdg_years import year_label
from .textfiles import as_given

__all__ = ["Export", "build_export", "inid", "PROGRESS_SUFFIX", "SERIES", "UNITS"]

# The dimensions written as Open SDG's own columns rather than as disaggregations.
SERIES, UNITS = "series", "units"
_OWN_COLUMNS = {SERIES: "Series", UNITS: "Units"}
# Column names sdg-build reads as something other than a disaggregation: a dimension
# named so would be taken for one of them (its open_sdg_indicator_options_defaults).
_RESERVED = {"Year", "Value", "Units", "Series", "Progress", "GeoCode", "Observation status"} | {
    "Unit multiplier",
    "Unit measure",
    "UNIT_MEASURE",
    "SERIES",
}
# The most sources one indicator's metadata lists (source_*_1 .. source_*_5).
MAX_SOURCES = 5
_URL = re.compile(r"https?://[^\s,;)\]>\"']+")


@dataclass
class Export:
    """The files of the repository (relative path -> bytes) and what the summary says."""

    files: dict[str, bytes] = field(default_factory=dict)
    indicators: int = 0
    figures: int = 0
    sub_annual: int = 0
    unknown_units: int = 0
    derived: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # the site's own settings left in DIR (opensdg_write)
    kept_fields: list[str] = field(default_factory=list)  # metadata files that kept the site's fields
    withdrawn: list[str] = field(default_factory=list)  # figures left out: a retraction in force
    # What every command that judges the targets warns of (Workspace.warnings_for): rows
    # targets.yaml does not define, figures check calls errors, milestones on the wrong side.
    warnings: list[Problem] = field(default_factory=list)
    # Rows of the exported indicators recorded after --as-of's day, and the first moment of
    # them: said beside the summary (issue 17, twenty-fourth session); (0, None) without one.
    later: tuple[int, str | None] = (0, None)
    zone: str = ""  # the plan's timezone:, in which the as-of day ended
    as_of: str | None = None
    # Indicator id -> what was written in place of its status set by hand (checks_open_sdg).
    replaced: dict[str, str] = field(default_factory=dict)
    # Target id -> the dimensions it is judged unit by unit on (``for_each:``), which no
    # progress option carries: said in the summary (issue 17, forty-second session).
    units_not_written: dict[str, tuple[str, ...]] = field(default_factory=dict)


def inid(indicator_id: str) -> str:
    """Open SDG's id of an indicator: ``1_2_1`` is ``1-2-1``, ``cbct_share`` ``cbct-share``."""
    return indicator_id.replace("_", "-")


def build_export(plan: Plan, series: Series, assessments: Sequence[Assessment]) -> Export:
    """Every file of the repository for ``plan`` with the figures in force in ``series``;
    ``assessments``: the plan's targets judged on them (for ``progress_status``)."""
    out = Export()
    judged = {a.target.id: a for a in assessments}
    by_base = _keys_by_indicator(series)
    companions = {i for i in plan.indicators if _companion_of(i, plan) is not None}
    seen: set[tuple[str, str]] = set()  # the units of the files written so far (opensdg_row_order)
    for ind in plan.indicators.values():
        if ind.id in companions:
            continue  # written as its base's Progress column
        if ind.formula:
            out.derived.append(ind.id)
            continue
        _check_columns(plan, ind)
        progress = plan.indicators.get(ind.id + PROGRESS_SUFFIX) if ind.id + PROGRESS_SUFFIX in companions else None
        labels: dict[tuple[Cells, int], str] = {}
        rows, sources = _rows(plan, ind, progress, by_base, out, labels)
        refuse_empty_units(plan, (cells for cells, _ in rows))  # a region 'NA' is no value to pandas
        if rows:
            out.files[f"data/indicator_{inid(ind.id)}.csv"] = _csv(plan, ind, progress, rows, labels, seen)
        targets = [t for t in plan.targets if t.indicator in (ind.id, progress.id if progress else None)]
        # An option (or the status written in its place) judges one series: a target's
        # units go out as figures, never as statuses of their own.
        out.units_not_written.update((t.id, t.for_each) for t in targets if t.for_each)
        meta = _meta(plan, ind, progress, targets, judged, sources, {cells for cells, _ in rows})
        out.files[f"meta/{inid(ind.id)}.md"] = _front_matter(meta)
        if ind.open_sdg_status and targets:
            written = meta.get("progress_status")
            out.replaced[ind.id] = f"progress_status: {written}" if written else "auto_progress_calculation: true"
        out.indicators += 1
    out.files["config_data.yml"] = _dump(_config(plan))
    out.files["_prose.yml"] = _dump(_prose(MAX_SOURCES))
    for lang, table in _data_translations(plan).items():
        out.files[f"translations/{lang}/data.yml"] = _dump(table)
    for lang, table in field_labels(plan, MAX_SOURCES).items():
        out.files[f"translations/{lang}/metadata_fields.yml"] = _dump(table)
    return out


def _companion_of(indicator_id: str, plan: Plan) -> str | None:
    """The base ``x`` of ``x_progress`` when both are in the plan and ``x`` is exported."""
    if not indicator_id.endswith(PROGRESS_SUFFIX):
        return None
    base = plan.indicators.get(indicator_id[: -len(PROGRESS_SUFFIX)])
    companion = plan.indicators[indicator_id]
    if base is None or base.formula or companion.formula:
        return None
    return base.id


def _keys_by_indicator(series: Series) -> dict[str, list[tuple[Dims, list[Observation]]]]:
    """The series in force, by the indicator they are figures of: the total, then units."""
    out: dict[str, list[tuple[Dims, list[Observation]]]] = {}
    for key, rows in series.items():
        parts = split_key(key)
        if parts is None:
            continue
        out.setdefault(parts[0], []).append((parts[1], rows))
    return out


def _dimension_ids(ind: Indicator, progress: Indicator | None) -> list[str]:
    """The indicator's dimensions, then any its Progress companion adds."""
    ids = list(ind.dimensions)
    for d in progress.dimensions if progress else ():
        if d not in ids:
            ids.append(d)
    return ids


def _ordered_columns(ids: Sequence[str]) -> list[str]:
    """Series and Units first (right after Year), then the others in declared order."""
    return [d for d in (SERIES, UNITS) if d in ids] + [d for d in ids if d not in _OWN_COLUMNS]


def _header(plan: Plan, dimension_id: str) -> str:
    return _OWN_COLUMNS.get(dimension_id) or plan.dimensions[dimension_id].name.en


def _check_columns(plan: Plan, ind: Indicator) -> None:
    """A dimension whose English name is a column sdg-build reads otherwise cannot be
    written: its units would be taken for years, values or series."""
    for d in ind.dimensions:
        name = plan.dimensions[d].name.en
        if d not in _OWN_COLUMNS and name in _RESERVED:
            where = plan.dimensions[d].location or plan.source_file  # its line in targets.yaml
            raise fail(where, msg("osexport_reserved_column", dimension=d, name=name), ExitCode.INVALID)


Cells = tuple[tuple[str, str], ...]


def _rows(
    plan: Plan,
    ind: Indicator,
    progress: Indicator | None,
    by_base: Mapping[str, list[tuple[Dims, list[Observation]]]],
    out: Export,
    labels: dict[tuple[Cells, int], str],
) -> tuple[dict[tuple[Cells, int], list[float | None]], list[str]]:
    """Value and Progress by (dimension cells, year), and the sources in the order the
    metadata lists them (_whole_first); ``labels`` gets the Year as the site wrote it, where the import kept it (year_label)."""
    allowed = set(_dimension_ids(ind, progress))
    table: dict[tuple[Cells, int], list[float | None]] = {}
    sources: Counter[str] = Counter()
    whole: Counter[str] = Counter()  # the same, of the whole's figures (no unit named)
    for column, source in ((0, ind), (1, progress)):
        if source is None:
            continue
        for dims, rows in by_base.get(source.id, []):
            if any(d not in allowed for d, _ in dims):
                out.unknown_units += len(rows)
                continue
            cells = tuple(sorted(dims))
            for o in rows:
                if not o.period.is_year:
                    out.sub_annual += 1
                    continue
                slot = table.setdefault((cells, o.period.year), [None, None])
                slot[column] = o.value
                label = year_label(o.note, o.period.year)
                if label and (column == 0 or (cells, o.period.year) not in labels):
                    labels[(cells, o.period.year)] = label
                out.figures += 1
                # As typed: the store's apostrophe guards a spreadsheet's cell, and Open SDG
                # shows these fields as a web page's text.
                if o.source.strip():
                    given = as_given(o.source.strip())
                    sources[given] += 1
                    if not cells:
                        whole[given] += 1
    return table, _whole_first(whole, sources)


def _csv(
    plan: Plan,
    ind: Indicator,
    progress: Indicator | None,
    rows: Mapping[tuple[Cells, int], list[float | None]],
    labels: Mapping[tuple[Cells, int], str],
    seen: set[tuple[str, str]],
) -> bytes:
    """The data file: the total's rows first, then each unit's (opensdg_row_order), each
    by year; ``seen``: the units earlier files hold."""
    ids = _ordered_columns(_dimension_ids(ind, progress))
    codes = {(d, u.value): u.geocode for d in ids for u in plan.dimensions[d].values or () if u.geocode}
    coded = [code for code in ((_geocode(dict(cells), ids, codes)) for cells, _ in rows) if code]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    geo = ["GeoCode"] if coded else []  # Open SDG's maps place a row by it (opensdg_geocodes)
    writer.writerow(["Year", *(_header(plan, d) for d in ids), *geo, "Value", *(["Progress"] if progress else [])])

    # The units in the plan's declared order: an import of the export declares them so again.
    declared = {d: [u.value for u in plan.dimensions[d].values or ()] for d in ids}
    turn = {cells: n for n, cells in enumerate(in_declared_order((c for c, _ in rows), ids, declared, seen))}
    for key in sorted(rows, key=lambda item: (turn[item[0]], item[1])):
        cells = dict(key[0])
        value, prog = rows[key]
        line = [
            labels.get(key, str(key[1])),
            *(cells.get(d, "") for d in ids),
            *([_geocode(cells, ids, codes)] if geo else []),
        ]
        line.append(_number(value))
        writer.writerow(line + ([_number(prog)] if progress else []))
    return buffer.getvalue().encode("utf-8")


def _geocode(cells: Mapping[str, str], ids: Sequence[str], codes: Mapping[tuple[str, str], str]) -> str:
    """A row's GeoCode: the code of its first unit that has one (targets.yaml's ``geocode:``)."""
    return next((codes[(d, cells[d])] for d in ids if (d, cells.get(d)) in codes), "")


def _number(value: float | None) -> str:
    """A figure exactly as stored, a whole one without a decimal (70900, not 70900.0: the
    store's own text, as typed or as the site wrote it); an empty cell for none."""
    from .store import format_value

    return "" if value is None else format_value(value)


def _whole(value: float) -> float | int:
    """A setting of a progress option as the site writes it: ``limit: 100``, not 100.0."""
    return int(value) if abs(value) < 1e15 and value == int(value) else value


def _meta(
    plan: Plan,
    ind: Indicator,
    progress: Indicator | None,
    targets: Sequence[Target],
    judged: Mapping[str, Assessment],
    sources: Sequence[str],
    units: set[Cells],
) -> dict[str, Any]:
    meta: dict[str, Any] = {
        # Open SDG writes both into the page as HTML (the heading's name, the chart's
        # title and its data-charttitle attribute, which the chart's script reads decoded):
        # escaped, each shown as typed (thirtieth session); and, as an attribute's value
        # between double quotes, with `"`, `'` and `&` as entities too (thirty-first session).
        "indicator_name": shown_in_attribute(ind.name.en),
        "graph_title": shown_in_attribute(ind.name.en),
    }
    if ind.unit:
        meta["computation_units"] = ind.unit
    if ind.description and ind.description.en.strip():
        # Where Open SDG's sample writes an indicator's description (meta/3-10-1.md).
        meta["national_indicator_description"] = shown_as_text(ind.description.en)
    meta.update(
        {
            # An indicator with no figure yet is one Open SDG shows as not started.
            "reporting_status": "complete" if units else "notstarted",
            "published": True,
            "data_non_statistical": False,
            "graph_type": "line",
            "indicator_number": inid(ind.id).replace("-", "."),
        }
    )
    meta.update(_sources(sources))
    meta.update(_progress(plan, ind, progress, targets, judged, units))
    return meta


def _whole_first(whole: Counter[str], sources: Counter[str]) -> list[str]:
    """The sources of the whole's figures first, the most used among them first, then the
    units' by how many figures each gives (ties: the first met). A national indicator by
    34 provinces and by sex has more figures from each provincial office than from the
    national one, whose series Open SDG shows first: counted together, five provincial
    offices filled the five places (issue 17, thirty-fourth session)."""
    return [text for text, _ in whole.most_common()] + [text for text, _ in sources.most_common() if text not in whole]


def _sources(sources: Sequence[str]) -> dict[str, Any]:
    """The first MAX_SOURCES sources (_whole_first), as Open SDG's numbered source fields."""
    out: dict[str, Any] = {}
    for n, text in enumerate(sources[:MAX_SOURCES], start=1):
        out[f"source_active_{n}"] = True
        out[f"source_organisation_{n}"] = out[f"source_url_text_{n}"] = shown_as_text(text)
        url = _URL.search(text)
        if url:
            out[f"source_url_{n}"] = url.group(0)
    return out


def _progress(
    plan: Plan,
    ind: Indicator,
    progress: Indicator | None,
    targets: Sequence[Target],
    judged: Mapping[str, Assessment],
    units: set[Cells],
) -> dict[str, Any]:
    """Open SDG's progress settings for the indicator's targets (docs/formats.md, "Open SDG: export")."""
    if not targets:
        # A status the site set by hand, which the plan carries for it (opensdg_status);
        # one qntrack computes is written from its targets below, at every export.
        hand = {"progress_status": ind.open_sdg_status} if ind.open_sdg_status else {}
        return {"auto_progress_calculation": False, **hand}
    # With a Progress column Open SDG judges every option on it: a target on the base's
    # own figures is then one Open SDG would judge on other numbers.
    computable = all(
        isinstance(t, OpenSdgTarget) and (progress is None or t.indicator == progress.id) and _selects(t.of, units)
        for t in targets
    )
    if computable:
        out: dict[str, Any] = {}
        notes = {t.note.en if t.note else "" for t in targets}
        if len(notes) == 1 and notes != {""}:
            # The wording of the target, which the import makes every option's note.
            out["target_name"] = shown_as_text(notes.pop())
        out["auto_progress_calculation"] = True
        out["progress_calculation_options"] = [
            _option(plan, ind, t, units) for t in targets if isinstance(t, OpenSdgTarget)
        ]
        return out
    members = [Member(t.id, judged[t.id].status, judged[t.id].score) for t in targets if t.id in judged]
    _, status = combine(members)
    return {"auto_progress_calculation": False, "progress_status": status.value}


def _selects(of: Dims, units: set[Cells]) -> bool:
    """Whether Open SDG's selection for ``of`` takes exactly the rows of that unit.

    Its build (sdg-build's SeriesProgress.filter_data) keeps the rows whose Series, Units
    and named disaggregations hold the option's values, whatever their other cells; with
    no disaggregation named, the rows whose disaggregation cells are all empty, whatever
    their Series and Units. A unit with figures finer than it (Women by age beside
    Women), or a total beside series, would make it mix several series (the build stops);
    a unit with no row at all would make it skip the filter. Such a target is judged by
    qntrack instead."""
    return _taken(dict(of), units) == {tuple(sorted(of))}


def _taken(named: Mapping[str, str], units: set[Cells]) -> set[Cells]:
    """The units whose rows an option naming ``named`` (dimension -> unit) selects."""
    disaggregations = [d for d in named if d not in _OWN_COLUMNS]

    def taken(cells: Cells) -> bool:
        have = dict(cells)
        if any(have.get(d) != named[d] for d in named if d in _OWN_COLUMNS):
            return False
        if disaggregations:
            return all(have.get(d) == named[d] for d in disaggregations)
        return all(d in _OWN_COLUMNS for d in have)

    return {cells for cells in units if taken(cells)}


def _option(plan: Plan, ind: Indicator, target: OpenSdgTarget, units: set[Cells]) -> dict[str, Any]:
    """One progress option; the direction always written (sdg-build reads none as negative)."""
    direction = target.direction or plan.indicators[target.indicator].direction
    option: dict[str, Any] = {
        "direction": "positive" if direction is Direction.INCREASE else "negative",
        "base_year": target.base_year,
        "target_year": target.target_year,
    }
    if target.target is not None:
        option["target"] = _whole(target.target)
    if target.limit is not None:
        option["limit"] = _whole(target.limit)
    of = dict(target.of)
    order = _dimension_ids(ind, plan.indicators.get(target.indicator))
    full = [d for d in (SERIES, UNITS) if d in of] + [d for d in order if d in of and d not in _OWN_COLUMNS]
    tagged = _as_tagged(inid(ind.id), target, of, full, units)
    named = full if tagged is None else tagged  # [] (name nothing) is an answer
    if SERIES in named:
        option["series"] = of[SERIES]
    if UNITS in named:
        option["unit"] = of[UNITS]
    rest = [{"field": _header(plan, d), "value": of[d]} for d in named if d not in _OWN_COLUMNS]
    if rest:
        option["disaggregation"] = rest
    return option


def _as_tagged(
    code: str, target: OpenSdgTarget, of: Mapping[str, str], full: Sequence[str], units: set[Cells]
) -> list[str] | None:
    """The dimensions to name, in order, so that Open SDG tags the option's series as the
    target is named (the import names a target by that tag: ``3-9-1 / Polio / Canada``,
    and leaves a target unnamed when the option named nothing), when such an option takes
    exactly the rows of the target's unit; else None (all of ``of``, the indicator's order).

    An option naming no unit where the indicator has one (Statistics Canada's 1-4-1), or its
    disaggregations in an order of its own (3-9-1), so comes back as it was written."""
    texts = list(target.name.languages().values()) if target.name else [code]
    for text in dict.fromkeys(texts):
        parts = text.split(" / ")
        if parts[0] != code:
            continue
        named: list[str] = []
        for part in parts[1:]:
            found = next((d for d in full if d not in named and of[d] == part), None)
            if found is None:
                break
            named.append(found)
        else:
            own = [d for d in (SERIES, UNITS) if d in named]
            in_tag_order = own + [d for d in named if d not in _OWN_COLUMNS]
            if in_tag_order == named and _taken({d: of[d] for d in named}, units) == {tuple(sorted(of.items()))}:
                return named
    return None


def shown_as_text(text: str) -> str:
    """A plan's text as Open SDG's site shows it as typed: the site renders a metadata
    field through markdownify, which lets HTML through (a plan's ``<script>`` would run on
    the published page), so ``<`` and ``>`` are written as entities, which the site shows
    as the characters and ``import opensdg`` reads back (``opensdg_meta_text.text``)."""
    return text.replace("<", "&lt;").replace(">", "&gt;")


def shown_in_attribute(text: str) -> str:
    """A name Open SDG also writes into an HTML attribute, ``data-charttitle="..."`` (the
    chart's title): a ``"`` there ended the attribute, and the title was cut. ``&``, ``<``,
    ``>``, ``"`` and ``'`` are written as entities (``html.escape``), which the browser
    decodes in the attribute and in the heading alike, and ``import opensdg`` reads back
    (``opensdg_meta_text.text``). Only the names: the other fields are rendered as
    Markdown, never put in an attribute, and keep ``shown_as_text`` (a site's own "R&D"
    source compared with an export's is the same text)."""
    return html.escape(text, quote=True)


def _dump(data: Any) -> bytes:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")


def _front_matter(meta: Mapping[str, Any]) -> bytes:
    return b"---\n" + _dump(dict(meta)) + b"---\n"
