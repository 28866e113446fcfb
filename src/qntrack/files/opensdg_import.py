"""An Open SDG data repository as a qntrack plan and its figures (issue 16).

``import_opensdg(repo, into)`` writes ``into/targets.yaml`` and appends to
``into/observations.csv``; docs/formats.md ("Open SDG: import") says what maps to what:

- each indicator of the repository is an indicator (``1-2-1`` -> ``1_2_1``), and a
  ``Progress`` column an indicator of its own (``1_2_1_progress``): Open SDG assesses it in
  place of ``Value``;
- each disaggregation column is a dimension (shared by every indicator with a column of
  that name), ``Series`` and ``Units`` too: each row is stored as its unit's figure;
- each progress option is an ``open_sdg`` target judged ``of:`` the series Open SDG selects
  for it (the headline, or the series, unit and disaggregation the option names), found
  here by following sdg-build's own selection step by step;
- each indicator is a group named by its id, so the group is the indicator's published
  score and status.

All or nothing: any problem found in the repository stops the import with every problem
listed, unless ``skip_bad``, which leaves out the indicators with problems and says so.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .textfiles import real_path
from ..catalog import Message, msg
from ..errors import InputError
from ..kinds.open_sdg import DEFAULT_BASE_YEAR, DEFAULT_TARGET_YEAR
from ..plan.model import Location, Plan, Problem
from ..plan.units import FORBIDDEN, unit_key, unit_text
from ..plan.unit_resolution import unit_name_problem
from .opensdg_geocodes import Geocodes
from .opensdg_meta_text import NAMES, localized as _localized, sources as _sources, text as _text
from .opensdg_names import name_problems
from .opensdg_progress_on import progress_on
from .opensdg_options import DIRECTION_DEFAULT, Selection, option_problem, tag
from .opensdg_option_lines import option_at
from .opensdg_git import DIRTY as _DIRTY
from .opensdg_repo import DataRow, IndicatorData, Repository, read_repository
from .opensdg_repo import one_unit as _one_unit, raw_cells as _raw_cells, spaced as _spaced
from .opensdg_status import PROGRESS_SUFFIX

__all__ = ["ImportPlan", "plan_repository", "MARKER"]

# The first line of a targets.yaml the import wrote: the next import may replace it.
MARKER = "# Written by `qntrack import opensdg`"
# Open SDG's defaults for an option (sdg-build's progress measure).
# The characters the store's unit keys hold for themselves, and what an imported unit
# name has in their place (docs/formats.md).
_IN_PLACE = {"[": "(", "]": ")", ";": ",", "=": ":"}
# The years an option leaves to Open SDG (sdg-build's progress measure), an open_sdg
# target's defaults in targets.yaml too.
_DEFAULT_YEARS = {"base_year": DEFAULT_BASE_YEAR, "target_year": DEFAULT_TARGET_YEAR}
# Open SDG's words for a unit that is a per cent.
_PERCENT = PERCENT_WORDS = frozenset({"%", "percent", "percentage", "per cent", "percentage (%)", "percent (%)"})


@dataclass
class ImportPlan:
    """What the import would write: the plan (as YAML and parsed), each figure as a
    candidate row of ``record_many``, and what was left out and why."""

    text: str
    candidates: list[tuple[Location, dict[str, str]]]
    problems: list[Problem]
    left_out: dict[str, list[Problem]] = field(default_factory=dict)
    indicators: int = 0
    targets: int = 0
    repeated: int = 0
    empty_values: int = 0
    renamed_units: int = 0
    respelled_units: int = 0  # cells writing a unit otherwise than its first cell in the file
    respelled_first: Message | None = None  # where the first of them is, and its two spellings
    meta_only: list[str] = field(default_factory=list)
    data_only: list[str] = field(default_factory=list)  # data files with no metadata file (session 45, O)
    passed_over: tuple[list[str], str] = ([], "")  # data files the site's pattern does not read
    dated_by_git: int = 0  # data files dated by their last commit (not by --recorded-at)
    geocode_clashes: list[str] = field(default_factory=list)  # units given two GeoCodes (the first kept)
    geocodes_unplaced: list[str] = field(default_factory=list)  # data files whose GeoCodes were not kept
    geocodes_partly: list[str] = field(default_factory=list)  # units coded in one file, not in another
    geocodes_loose: list[tuple[str, str, int]] = field(
        default_factory=list
    )  # (column, file, rows): codes no unit holds
    shallow: bool = False
    warnings: list[Problem] = field(default_factory=list)  # said, nothing left out (opensdg_codes)
    # A source as this import writes it -> each text an import before 08283a1 wrote for the
    # same metadata, where the two differ: a figure stored so is unchanged (opensdg_run._changed_only).
    sources_before: dict[str, set[str]] = field(default_factory=dict)


def slug(text: str, allowed: str = "a-z0-9", sep: str = "_") -> str:
    """``text`` as an id: the tool's one fold (plan.units.fold: letters without their marks,
    the crossed d a plain d, lower case) of its compatibility letters made plain (NFKD: a
    ligature's 'fi', a full-width 'Ａ', a superscript '²', which a label copied from a PDF
    brings and a unit's name keeps), other characters ``sep``."""
    from ..plan.units import fold

    return re.sub(f"[^{allowed}]+", sep, fold(unicodedata.normalize("NFKD", text))).strip(sep)


def unit_name(text: str) -> str:
    """A cell as a unit's name: the store's own characters replaced, control characters spaces."""
    out = "".join(_IN_PLACE.get(c, c) for c in text)
    out = "".join(" " if unicodedata.category(c) == "Cc" else c for c in out)
    return unit_text(out)


class _Dimensions:
    """The dimensions of the whole import, one per column name, with unique ids."""

    def __init__(self, repo: Repository) -> None:
        from .dimensions import RESERVED_IDS
        from .store import HEADER
        from .vocabulary import HEADINGS
        from ..plan.units import unit_match

        self.repo = repo
        self.ids: dict[str, str] = {}  # label -> id
        self.names: dict[str, dict[str, str]] = {}  # id -> {en, vi}
        # Each dimension's units, declared: a unit named "Total" is then a unit of its own,
        # as in Open SDG, not the total a table's "Total" row is (files.vocabulary.is_total).
        self.values: dict[str, dict[str, str]] = {}  # id -> {unit_match(name): name}
        self._units: dict[tuple[str, str], str] = {}
        self.unit_names: dict[str, dict[str, dict[str, str]]] = {}  # id -> unit -> {lang: name}
        self._reserved = RESERVED_IDS
        self._columns = {unit_match(c) for c in HEADER} | {unit_match(k) for k in HEADINGS}
        self._match = unit_match
        self._by_match: dict[str, str] = {}  # unit_match(label) -> id
        self.geo = Geocodes()  # the GeoCode of each unit a site's maps place (opensdg_geocodes)

    def id_of(self, label: str) -> str:
        if label in self.ids:
            return self.ids[label]
        # "Sex" in one file and "sex" in another are one dimension: targets.yaml refuses two
        # dimensions whose names qntrack reads as one (plan.units.unit_match).
        same = self._by_match.get(self._match(label))
        if same is not None:
            self.ids[label] = same
            return same
        base = slug(label) or "dimension"
        if base in self._reserved or base[0].isdigit():
            base = f"{base}_group" if not base[0].isdigit() else f"d_{base}"
        dim_id, n = base, 2
        while dim_id in self.names:
            dim_id, n = f"{base}_{n}", n + 1
        self.ids[label] = self._by_match[self._match(label)] = dim_id
        plain = _spaced(label).strip() or dim_id
        # The label in each language the site's translations give it (by the header's
        # key, data.Sex); without a Vietnamese entry, the name in the site's language.
        texts = {lang: _spaced(t).strip() or plain for lang, t in self.repo.in_languages(label).items()}
        names = {"en": texts.get("en", plain)}
        if "vi" in self.repo.languages:
            names["vi"] = texts.get("vi", plain)
        names.update((lang, t) for lang, t in texts.items() if lang not in ("en", "vi") and t != names["en"])
        for lang, text in list(names.items()):
            if self._match(text) in self._columns:
                names[lang] = f"{text} (Open SDG)"  # a dimension may not take a column's name (Value, Source)
        self.names[dim_id] = names
        return dim_id

    def unit(self, dim_id: str, raw: str) -> str:
        """A cell as the dimension's unit: its name as the store holds one (``unit_name``),
        the first spelling met of a unit qntrack reads as one. Each cell text is worked
        out once: a repository repeats a few hundred names over its rows."""
        known = self._units.get((dim_id, raw))
        if known is None:
            name = unit_name(raw)
            known = self._units[(dim_id, raw)] = self.values.setdefault(dim_id, {}).setdefault(self._match(name), name)
            if known not in self.unit_names.setdefault(dim_id, {}):
                # The unit in the site's other languages, from its translation key.
                texts = {lang: unit_name(t) for lang, t in self.repo.in_languages(raw).items()}
                self.unit_names[dim_id][known] = {k: t for k, t in texts.items() if t and t != known}
        return known

    def declared(self, kept: tuple[set[str], set[tuple[str, str]]] | None = None) -> dict[str, Any]:
        """The dimensions as targets.yaml declares them. ``kept``: with indicators left out
        (--skip-bad), the dimensions the imported ones have and the units their figures
        name: what a left-out indicator alone brought is not declared (an import of the
        export would not declare it either)."""
        out: dict[str, Any] = {}
        for d, names in self.names.items():
            if kept is not None and d not in kept[0]:
                continue
            out[d] = {"name": names if len(set(names.values())) > 1 else names["en"]}
            units = [u for u in self.values.get(d, {}).values() if kept is None or (d, u) in kept[1]]
            if units:  # a column never filled in: an open list
                named = self.unit_names.get(d, {})
                out[d]["values"] = [self._unit_entry(d, u, named.get(u)) for u in units]
        return out

    def _unit_entry(self, dim_id: str, unit: str, names: dict[str, str] | None) -> Any:
        code = self.geo.codes.get((dim_id, unit))
        entry = {"value": unit, **({"names": names} if names else {}), **({"geocode": code} if code else {})}
        return entry if len(entry) > 1 else unit


def _figure_text(value: float) -> str:
    from .store import format_value

    return format_value(value)


def plan_repository(repo_dir: Path, recorded_at: str | None = None, skip_bad: bool = False) -> ImportPlan:
    """The plan and the figures of the repository at ``repo_dir`` (nothing written)."""
    repo = read_repository(repo_dir)
    if not repo.git and recorded_at is None and repo.indicators:
        # Outside git no file has a date: one message for the repository, not one a file.
        return ImportPlan("", [], [Problem(Location(str(repo_dir), 0), msg("opensdg_no_date"))])
    by_file: dict[str, list[Problem]] = {}
    for p in repo.problems:
        by_file.setdefault(p.location.file, []).append(p)
    dims = _Dimensions(repo)
    indicators: dict[str, Any] = {}
    targets: list[dict[str, Any]] = []
    candidates: list[tuple[Location, dict[str, str]]] = []
    out = ImportPlan("", candidates, [], meta_only=repo.meta_only, shallow=repo.shallow)
    out.data_only = [i.data_file for i in repo.indicators if i.meta_file is None]
    out.passed_over = repo.passed_over
    out.warnings = repo.warnings
    owned = {f for files in repo.files_of.values() for f in files}
    out.problems.extend(p for f, ps in by_file.items() if f not in owned for p in ps)

    def problems_of(inid: str) -> list[Problem]:
        return [p for f in repo.files_of.get(inid, []) for p in by_file.get(f, [])]

    for inid in repo.unread:
        # Its data file could not be read at all (not UTF-8, no Year, a folder, ...).
        if skip_bad:
            out.left_out[inid] = problems_of(inid)
        else:
            out.problems.extend(problems_of(inid))
    named: dict[str, IndicatorData] = {}  # qntrack's id -> the first indicator given it
    for ind in repo.indicators:
        found = problems_of(ind.inid)
        other = named.setdefault(slug(ind.inid), ind)
        if other is not ind:
            # 1-2-1 and 1_2_1 are both qntrack's 1_2_1: the second would replace the first.
            clash = msg(
                "hostile16_id_clash", inid=ind.inid, id=slug(ind.inid), other=other.inid, other_file=other.data_file
            )
            found.append(Problem(Location(ind.data_file, 0), clash))
        found.extend(name_problems(repo, ind, slug))
        made = _indicator(repo, ind, dims, recorded_at, found)
        if found:
            if skip_bad:
                out.left_out[ind.inid] = found
                continue
            out.problems.extend(found)
            continue
        ind_items, ind_targets, rows, counts = made
        if (before := _sources(repo, ind.meta, before=True)) != (source := _sources(repo, ind.meta)):
            out.sources_before.setdefault(source, set()).add(before)
        indicators.update(ind_items)
        targets.extend(ind_targets)
        candidates.extend(rows)
        out.indicators += 1
        out.targets += len(ind_targets)
        out.repeated += ind.repeated
        out.empty_values += counts[0]
        out.renamed_units += counts[1]
        out.respelled_units += counts[2]
        out.respelled_first = out.respelled_first or counts[3]
        out.dated_by_git += bool(ind.changed_at)
    out.geocode_clashes, out.geocodes_unplaced = dims.geo.clash_names(), dims.geo.unplaced
    out.geocodes_partly = dims.geo.partly_names()
    out.geocodes_loose = dims.geo.loose
    document: dict[str, Any] = {"version": 1, "title": f"Open SDG: {_named(real_path(repo_dir).name)}"}
    kept = None
    if out.left_out:
        have = {d for entry in indicators.values() for d in entry.get("dimensions", ())}
        met = {(k[4:], v) for _, fields in candidates for k, v in fields.items() if k.startswith("dim:")}
        kept = (have, met)
    if declared := dims.declared(kept):
        document["dimensions"] = declared
    document["indicators"] = indicators
    document["targets"] = targets
    head = (
        f"{MARKER} from {_named(str(real_path(repo_dir)))}.\n"
        "# The next import replaces this file: keep your own targets in another plan.\n"
        "# docs/formats.md says what each field comes from.\n"
    )
    out.text = head + yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100000)
    return out


def _named(path: str) -> str:
    """A folder's name as the plan may hold it: a line feed (which would end the comment
    it is in) and any control character as ``\\xNN``, as messages show them, and a byte
    that is not UTF-8 (a lone surrogate in ``path``, which no UTF-8 file can hold) as
    ``\\xNN`` too, as bash's ``$'...'`` and ``ls -b`` write it."""
    text = os.fsencode(path).decode("utf-8", "backslashreplace")
    return re.sub("[\x00-\x1f\x7f-\x9f]", lambda m: f"\\x{ord(m.group()):02x}", text)


def _indicator(
    repo: Repository, ind: IndicatorData, dims: _Dimensions, recorded_at: str | None, problems: list[Problem]
) -> tuple[
    dict[str, Any], list[dict[str, Any]], list[tuple[Location, dict[str, str]]], tuple[int, int, int, Message | None]
]:
    """One indicator's entries of targets.yaml and its rows; its problems added to ``problems``."""
    ind_id = slug(ind.inid)
    meta_file = ind.meta_file or ind.data_file
    if not ind_id:
        problems.append(Problem(Location(ind.data_file, 0), msg("opensdg_bad_id", inid=ind.inid)))
        return {}, [], [], (0, 0, 0, None)
    # The names' entities, as the export writes them for an attribute (thirty-first session).
    name = _localized(repo, ind, ("indicator_name", "graph_title"), NAMES) or ind.inid
    unit = _localized(repo, ind, ("computation_units",))
    if isinstance(unit, str) and unit.strip().lower() in _PERCENT:
        unit = "%"  # written straight after the figure, as qntrack writes a share: 12.3%
    own_dims = [dims.id_of(c) for c in ind.columns]
    if ind.has_series:
        own_dims.append(dims.id_of("Series"))
    if ind.has_units:
        own_dims.append(dims.id_of("Units"))
    asks, hand_set = progress_on(ind, meta_file, repo.warnings)
    options = ind.meta.get("progress_calculation_options") or [{}]
    if asks and not isinstance(options, list):
        problems.append(Problem(option_at(repo.root, meta_file, 0), msg("opensdg_options_not_list")))
        return {}, [], [], (0, 0, 0, None)
    directions = {str(o.get("direction", DIRECTION_DEFAULT)) for o in options if isinstance(o, dict)} if asks else set()
    entry: dict[str, Any] = {"name": name}
    if unit:
        entry["unit"] = unit
    if described := _localized(repo, ind, ("national_indicator_description",)):
        entry["description"] = described
    entry["direction"] = "increase" if directions == {"positive"} else "decrease" if asks else "increase"
    if own_dims:
        entry["dimensions"] = own_dims
    items = {ind_id: entry}
    if ind.has_progress:
        items[f"{ind_id}_progress"] = {**entry, "name": _suffix(name, " (progress)")}
    if hand_set:
        entry["open_sdg"] = {"progress_status": hand_set}  # the indicator's, not its Progress column's
    # The rows: one figure per row and column read (Value, and Progress where present).
    source = _sources(repo, ind.meta)
    when = ind.changed_at or recorded_at
    rows: list[tuple[Location, dict[str, str]]] = []
    empty = renamed = respelled = 0
    first_respelled: Message | None = None
    spelled: dict[tuple[str, str], tuple[str, int]] = {}  # (dimension, unit) -> its first cell, line
    if not when:
        said = "opensdg_no_date" if not repo.git else "opensdg_not_committed"
        problems.append(
            Problem(Location(ind.data_file, 0), msg("hostile16_uncommitted" if ind.commit == _DIRTY else said))
        )
        return {}, [], [], (0, 0, 0, None)
    from .rules import recorded_at as utc_stamp

    when = utc_stamp(when)  # a commit's date with its offset, as the store writes it: in UTC
    met: dict[tuple, DataRow] = {}  # (year, units as qntrack names them) -> the first row
    geo = dims.geo.column(ind)
    geo_dim = dims.id_of(geo) if geo is not None else None
    # What a row's cells give is worked out once for each distinct set of cells: a
    # repository repeats a few hundred of them over its rows (issue 17, twenty-sixth session).
    sets: dict[tuple[tuple[str, str], ...], _Cells] = {}
    for r in ind.rows:
        raw_cells = tuple(_raw_cells(r))
        of_set = sets.get(raw_cells)
        if of_set is None:
            of_set = sets[raw_cells] = _Cells(raw_cells, dims)
        cells = of_set.cells
        bad = of_set.bad
        if bad is None:
            bad = _one_unit(met.setdefault((r.year, of_set.key), r), r)
        if bad is not None:
            problems.append(Problem(Location(ind.data_file, r.line), bad))
            continue
        if geo_dim is not None and geo_dim in of_set.by_dim:
            dims.geo.place(geo_dim, of_set.by_dim[geo_dim], r.geocode)
        renamed += of_set.renamed
        # Open SDG reads 'Female' and 'female' as two values; qntrack as one unit: said.
        # Which cells differ from their unit's first spelling is known once the set has
        # been through here: a unit's first spelling never changes after.
        if of_set.respelled is None:
            of_set.respelled = 0
            for unit, (_, raw) in zip(cells, raw_cells, strict=True):
                first, line = spelled.setdefault(unit, (raw, r.line))
                if first != raw:
                    of_set.respelled += 1
                    first_respelled = first_respelled or msg(
                        "opensdg22_respelled_first",
                        file=ind.data_file,
                        line=r.line,
                        cell=raw,
                        first_line=line,
                        first=first,
                    )
        respelled += of_set.respelled
        # A row is left out when it gives no figure at all: an empty Value beside a Progress
        # figure is a row Open SDG's progress measure reads (its Progress), and is imported.
        empty += r.value is None and (r.progress is None or not ind.has_progress)
        for indicator_id, value in ((ind_id, r.value), (f"{ind_id}_progress", r.progress)):
            if indicator_id.endswith(PROGRESS_SUFFIX) and not ind.has_progress:
                continue
            if value is None:
                continue
            fields = {
                "indicator": indicator_id,
                "period": str(r.year),
                "value": _figure_text(value),
                "source": source,
                "note": f"{ind.data_file}:{r.line}"
                + (f" (Year {r.year_label})" if r.year_label != str(r.year) else ""),
                "recorded_at": when,
                **of_set.fields,
            }
            rows.append((Location(ind.data_file, r.line), fields))
    targets: list[dict[str, Any]] = []
    if asks:
        selection = Selection(ind, repo.header_keys)
        many = len(options) > 1
        for k, option in enumerate(options, start=1):
            wrong = option_problem(option)
            chosen, why = ([], wrong) if wrong is not None else selection.rows(option)
            if why is not None:
                problems.append(Problem(option_at(repo.root, meta_file, k), msg("opensdg_option", item=k, problem=why)))
                continue
            for missing in selection.unfiltered:  # a name no row has: sdg-build warns, then goes on
                unfiltered = msg("opensdg_option_unfiltered", item=k, problem=missing)
                repo.warnings.append(Problem(option_at(repo.root, meta_file, k), unfiltered, severity="warning"))
            of = _row_dims(chosen[0], dims) if chosen else []
            target: dict[str, Any] = {"id": slug(ind.inid, "a-z0-9", "-") + (f"-s{k}" if many else "")}
            target["type"] = "open_sdg"
            target["indicator"] = f"{ind_id}_progress" if ind.has_progress else ind_id
            if option.get("series") is not None or option.get("unit") is not None or option.get("disaggregation"):
                target["name"] = tag(ind.inid, option)
            target["group"] = ind.inid
            target["source"] = f"Open SDG {meta_file}, progress_calculation_options item {k}"
            goal = _text(repo, ind.meta.get("target_name"))
            if goal:
                target["note"] = goal[:1000]
            target["direction"] = "increase" if option.get("direction", DIRECTION_DEFAULT) == "positive" else "decrease"
            for key in ("base_year", "target", "target_year", "limit"):
                # Open SDG's default years, the plan's too, are left out as most sites leave
                # them: the export writes them, and its import gives the same plan again.
                if option.get(key) is not None and _DEFAULT_YEARS.get(key) != option[key]:
                    target[key] = option[key]
            if of:
                target["of"] = dict(of)
            targets.append(target)
    return items, targets, rows, (empty, renamed, respelled, first_respelled)


@lru_cache(maxsize=4096)
def _unit_problem(name: str) -> Message | None:
    return unit_name_problem(name)


def _suffix(name: Any, text: str) -> Any:
    return {k: v + text for k, v in name.items()} if isinstance(name, dict) else name + text


class _Cells:
    """One distinct set of a row's cells (``raw_cells``) as the import reads it: its units
    by dimension id, the first unit name the store refuses, how many cells had a
    character of the store's own replaced, and the row's ``dim:`` fields. ``respelled``:
    how many of its cells are spelled otherwise than their unit's first cell, once known."""

    __slots__ = ("cells", "key", "by_dim", "bad", "renamed", "fields", "respelled")

    def __init__(self, raw_cells: tuple[tuple[str, str], ...], dims: _Dimensions) -> None:
        self.cells = [(d := dims.id_of(label), dims.unit(d, value)) for label, value in raw_cells]
        self.key = tuple(self.cells)
        self.by_dim = dict(self.cells)
        self.bad = next((p for _, v in self.cells if (p := _unit_problem(v)) is not None), None)
        self.renamed = sum(1 for _, raw in raw_cells if any(c in raw for c in _IN_PLACE))
        self.fields = {f"dim:{d}": v for d, v in self.cells}
        self.respelled: int | None = None


def _row_dims(r: DataRow, dims: _Dimensions) -> list[tuple[str, str]]:
    """A row's units, by dimension id, as the store names them."""
    return [(d := dims.id_of(label), dims.unit(d, value)) for label, value in _raw_cells(r)]


def in_force_key(plan: Plan, fields: dict[str, str]) -> str:
    """The store key a candidate row is recorded under (its dims in the indicator's order)."""
    indicator = plan.indicators[fields["indicator"]]
    given = {k[4:]: v for k, v in fields.items() if k.startswith("dim:")}
    return unit_key(indicator.id, tuple((d, given[d]) for d in indicator.dimensions if d in given))


def refuse(problems: list[Problem]) -> InputError:
    return InputError(problems)


assert not set(_IN_PLACE) - set(FORBIDDEN)
