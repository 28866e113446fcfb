"""What each target contributes to the outputs of ``status``, as the cache keeps it.

A target's JSON item, its CSV/TSV row, its status table row in each language and its
missed milestones (``Entry``), and the warnings about periods the derived indicators
leave out, as plain values; the outputs are written from them as the plain path writes
them (``formats.to_json``, ``tables.write_table``). ``DrawnTables`` keeps the status
table already drawn from a set of rows.
"""

from __future__ import annotations

import marshal
from itertools import accumulate, repeat
from pathlib import Path
from typing import Any, Callable, NamedTuple, Sequence

from .keeping import _load, _save

# The text to print, the statuses in it, the warnings about periods left out of the
# derived indicators it shows (series.left_out_warnings) and the targets' JSON items
# (what groups them, output.grouping).
Served = tuple[list[bytes | memoryview], list, list, list]
# The plan's title, the table's rows (summary.status_cells), the statuses, the tables
# already drawn from those rows, the warnings and the items, as above.
Table = tuple[str, list, list, "DrawnTables", list, list]


class Entry(NamedTuple):
    """What one target contributes to the outputs of ``status`` (``_entry``).

    Kept in the cache file as a plain tuple of these fields in this order (marshal stores
    only exact tuples), the item's text apart: ``entries_on_disk`` and ``entries_from_disk``.
    """

    id: str
    indicator: str
    status: str
    # The target's item of the JSON document's "targets" list (formats.assessment_dict)
    # as JSON text (formats.item_json): the document is written from these texts by
    # formats.document_parts, as the plain path writes it. Bytes, or a slice of the texts
    # a cache file keeps after its payload (``entries_from_disk``).
    item_json: bytes | memoryview
    # What the document's groups and ``status --fail-on``/``--group`` read of the item
    # (``_brief``): its id, status, score, group and owner names, deadlines awaiting a figure.
    brief: dict
    # The target's row of ``status --format csv/tsv`` (formats.status_rows), marshalled:
    # only those formats read it, and 10,000 rows of 38 values are a fifth of the time a
    # national cache takes to load.
    row: bytes
    # The target as ``_encode`` gives it, marshalled: an append assesses it again.
    target: bytes
    # Its row of the terminal's table in each language (summary.status_cells), or {}
    # when the cache was built without them.
    cells: dict
    # The milestones it missed, as text: what ``status --fail-on`` reads.
    missed: tuple


def entries_on_disk(entries: Sequence[Entry]) -> tuple[tuple[tuple, ...], list[Any]]:
    """The entries as the cache file keeps them: plain tuples (marshal stores only exact
    tuples) with each item's text replaced by its length, and the texts in order, kept
    after the payload (keeping.Texts): loaded, they are 10,000 slices of one buffer, not
    30 MB copied into 10,000 strings after being hashed with the payload."""
    rows = tuple((*e[:3], len(e.item_json), *e[4:]) for e in entries)
    return rows, [e.item_json for e in entries]


def entries_from_disk(rows: Sequence[tuple], texts: memoryview) -> tuple[Entry, ...] | None:
    """The entries ``entries_on_disk`` wrote, each item's text a slice of ``texts``; None
    if the lengths do not add up to the texts (a cache of another shape)."""
    if not rows:
        return () if not texts else None
    if any(len(row) != len(Entry._fields) for row in rows):
        return None
    columns = list(zip(*rows, strict=True))
    ends = list(accumulate(columns[3]))
    if ends[-1] != len(texts):
        return None
    columns[3] = tuple(map(texts.__getitem__, map(slice, [0, *ends[:-1]], ends)))
    # Made as ``Entry._make`` makes them, without a Python call per entry (10,000 of them).
    return tuple(map(tuple.__new__, repeat(Entry), zip(*columns, strict=True)))


def _gate_items(entries: Sequence[Entry]) -> list[tuple[str, str, tuple[str, ...], tuple[str, ...]]]:
    """(id, status, missed milestones, deadlines awaiting a figure) of each target, what
    ``status --fail-on`` reads."""
    return [(e.id, e.status, e.missed, tuple(e.brief["awaiting_figures"])) for e in entries]


def _warnings(state: dict, entries: Sequence[Entry]) -> list:
    """The warnings about periods left out that the targets of ``entries`` depend on, as
    the plain path gives them (``Workspace.warnings_for``)."""
    unknown: list = []
    if state.get("missing"):
        from pathlib import Path

        from ..files.store_missing import store_missing

        unknown.append(store_missing(Path(state["store_file"]), state["targets_file"]))
    if state["unknown"]:
        from ..files.rules import unknown_store_warnings

        unknown += unknown_store_warnings(
            state["unknown"], list(state["known"]), state["store_file"], state["targets_file"]
        )
    # After the figures check calls errors (never kept: _trusted), as the plain path says them.
    unknown += side_problems(state.get("sides", {}), {e.indicator for e in entries})
    if not state["warnings"]:
        return unknown
    from ..plan.model import Location, Problem
    from ..method.series import left_out_warnings

    left_out = {
        ind: [Problem(Location(*where), _message_from(message), "warning") for *where, message in kept]
        for ind, kept in state["warnings"].items()
    }
    return unknown + left_out_warnings(left_out, state["inputs"], {e.indicator for e in entries})


class DrawnTables:
    """The status table as already drawn from these rows, by how the terminal draws it.

    The rows (with the code and the language) and the way of drawing (width, colours:
    ``render_rows._how``) fix the text completely, so a table drawn once is printed again as
    it was, without Rich laying it out a second time. Kept beside the cache, in
    ``status-<hex>.<lang>.drawn``, with the digest of the rows it was drawn from: other rows find
    nothing there. A few ways of drawing are kept (terminals of several widths).
    """

    KEEP = 16  # eight ways of drawing, each also under its environment's key

    def __init__(self, file: Path, rows_digest: bytes) -> None:
        self.file = file
        self.rows_digest = rows_digest
        self._views: dict[str, str] | None = None
        # The key of everything Rich would read to decide how to draw (``environment_how``),
        # set by the caller: a table drawn once is found by it before Rich is imported.
        self.alias: str | None = None

    def _load(self) -> dict[str, str]:
        if self._views is None:
            stored = _load(self.file, ("drawn", self.rows_digest))
            views = stored.get("views") if stored else None
            ok = isinstance(views, dict) and all(type(k) is str and type(v) is str for k, v in views.items())
            self._views = dict(views) if ok else {}  # type: ignore[arg-type]
        return self._views

    def get(self, how: str) -> str | None:
        return self._load().get(how)

    def put(self, how: str, text: str) -> None:
        views = self._load()
        for key in (how, self.alias):
            if key is not None:
                views.pop(key, None)
                views[key] = text
        while len(views) > self.KEEP:
            del views[next(iter(views))]
        _save(self.file, {"key": ("drawn", self.rows_digest), "views": views})

    def printed(self, how: str, text: str) -> None:
        """``text``, found by Rich's ``how``, was printed: kept under ``alias`` too, so that
        the next run in this environment finds it without Rich."""
        if self.alias is not None and self._load().get(self.alias) != text:
            self.put(how, text)


def environment_how(lang: str) -> str | None:
    """A key of all that Rich reads to decide how it draws a table, taken whole without
    importing it: the whole environment (NO_COLOR, FORCE_COLOR, TERM, COLORTERM, COLUMNS
    and whatever else a release of Rich may read), whether each standard stream is a
    terminal and its size, standard output's kind and encoding, the platform, Python and
    the installed Rich (its RECORD). Rich's drawing is a function of these, so a table
    drawn under one key is the one Rich would draw again (``render_rows._how`` is the
    key Rich's own reading gives). None where ``_how`` keeps nothing (Windows, Jupyter).
    """
    import builtins
    import os
    import sys

    if sys.platform == "win32" or hasattr(builtins, "get_ipython"):
        return None
    from ..files.kept_plans import installation

    try:
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - every CPython has it
        from hashlib import blake2b
    streams = []
    for fd in (0, 1, 2):
        try:
            streams.append((os.isatty(fd), tuple(os.get_terminal_size(fd))))
        except (OSError, ValueError):
            streams.append((False, ()))
    out = sys.stdout
    try:
        out_tty = bool(out.isatty())
    except (AttributeError, ValueError, OSError):
        out_tty = False
    what = (
        lang,
        sorted(os.environ.items()),
        streams,
        type(out).__module__,
        type(out).__qualname__,
        out_tty,
        getattr(out, "encoding", None),
        getattr(out, "errors", None),
        sys.platform,
        sys.version,
        installation("rich", "rich"),
    )
    return "env:" + blake2b(repr(what).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _entry(
    assessment: Any,
    encoded_target: bytes,
    rows: Sequence[Any] | None,
    revised: dict[str, dict[str, float | None]] | None = None,
    whence: dict[str, dict[str, tuple[str, str]]] | None = None,
    dimensions: Any = None,
) -> Entry:
    """What one target contributes to the outputs (``Entry``); its table rows only when
    ``rows``, the indicator's series in force, is given. ``revised``: by series (the
    target's, its units'), by period's text, the value each figure replaced (the cache's
    ``revised``: summary.status_cells, and the JSON's and CSV's ``revises``); ``whence``,
    the same figures' sources and recorded_at (``revises_source``, the legend's words);
    ``dimensions``, the plan's, which name a target's own unit (``of:``) in its notes as
    the plain path names it (issue 17, thirty-second session)."""
    from ..output.formats import assessment_dict, item_json, status_rows

    cells = {}
    if rows is not None:
        from ..output.i18n import LANGS
        from ..output.summary import status_cells

        mine = (revised or {}).get(assessment.target.series_key)
        came = (whence or {}).get(assessment.target.series_key)
        cells = {lang: status_cells(assessment, lang, rows, mine, whence=came, dimensions=dimensions) for lang in LANGS}
    item = assessment_dict(assessment, revised, whence=whence)
    return Entry(
        assessment.target.id,
        assessment.target.indicator,
        assessment.status.value,
        item_json(item),
        _brief(item),
        marshal.dumps(tuple(list(status_rows([assessment], revised, whence=whence))[1])),
        encoded_target,
        cells,
        tuple(str(p) for p in assessment.missed_milestones),
    )


# The keys of a target's item that the groups and the gate read (output.grouping.groups_of,
# _gate_items): all the cache loads of an item besides its text.
_BRIEF = ("id", "status", "score", "group_names", "owner_names", "awaiting_figures")


def _brief(item: dict) -> dict:
    return {k: item[k] for k in _BRIEF}


def _chosen(entries: Sequence[Entry], target_ids: Sequence[str] | None) -> Sequence[Entry] | None:
    """The entries of the targets asked for, in the plan's order; None if one is unknown."""
    if not target_ids:
        return entries
    wanted = set(target_ids)
    if not wanted <= {e.id for e in entries}:
        return None  # the plain path names the unknown ones
    return [e for e in entries if e.id in wanted]


def kept_groups(entries: Sequence[Entry]) -> list[dict[str, Any]]:
    """The status document's ``groups`` by group of all the plan's targets
    (formats.groups_document), made wherever the entries are made (a cold run, an append)
    and kept beside them: a warm ``status --format json`` then writes them as they are,
    without importing the grouping and the method's groups, about 5 % of its time on the
    shipped plan (issue 17, twenty-fifth session: its goal is 1.5 × ``import typer``)."""
    from ..output.formats import groups_document

    return groups_document([e.brief for e in entries], "group")


def _output(
    title: str, entries: Sequence[Entry], kind: str, group_by: Any = "group", kept: list[dict[str, Any]] | None = None
) -> list[bytes | memoryview]:
    """The UTF-8 text of ``status --format KIND`` for the entries chosen (``_chosen``), in
    pieces to write in turn.

    The JSON document is written as the plain path writes it (formats.status_json): by
    formats.document_parts, from the items' text kept, its groups by ``group_by``; ``kept``:
    those groups, made with the entries (``kept_groups``), when they are all the plan's.
    """
    if kind == "json":
        from ..output.formats import document_parts

        if kept is None:
            from ..output.formats import groups_document

            kept = groups_document([e.brief for e in entries], group_by)
        return document_parts([e.item_json for e in entries], None, title, kept)
    from ..output.formats import status_rows
    from ..output.tables import write_table

    return [write_table([next(iter(status_rows([]))), *(marshal.loads(e.row) for e in entries)], kind).encode("utf-8")]


def _warned(left_out: dict, chosen: set[str]) -> dict:
    """``series.LeftOut`` of the indicators ``chosen`` as plain tuples:
    (file, line, column, message) for each warning; a Message as ``_message_plain`` has it."""
    return {
        ind: tuple((p.location.file, p.location.line, p.location.column, _message_plain(p.message)) for p in problems)
        for ind, problems in left_out.items()
        if ind in chosen
    }


def sides_plain(plan: Any, series: Any) -> dict:
    """Each level target's milestones on the wrong side of its baseline
    (``checks_due.wrong_side``), by target id in the plan's order: (indicator, warnings as
    ``_warned`` keeps them).
    Only targets with such a milestone are listed."""
    from ..files.checks_due import wrong_side
    from ..plan.model import LevelTarget, SpanTarget

    out: dict = {}
    for t in plan.targets:
        ind = plan.indicators.get(t.indicator)
        if isinstance(t, (LevelTarget, SpanTarget)) and ind is not None:  # a span's bound too (s46)
            found = side_plain(wrong_side(t, ind, series))
            if found:
                out[t.id] = (t.indicator, found)
    return out


def side_plain(problems: Any) -> tuple:
    """One target's wrong-side warnings as ``sides_plain`` keeps them (as ``_warned``)."""
    return tuple((p.location.file, p.location.line, p.location.column, _message_plain(p.message)) for p in problems)


def side_problems(sides: dict, shown: set[str]) -> list:
    """The kept wrong-side warnings of the targets of the ``shown`` indicators, as
    ``checks_due.milestone_side_problems`` gives them. None kept, nothing imported: a
    warm status loads no plan model (docs/performance.md, "The status cache")."""
    if not sides:
        return []
    from ..plan.model import Location, Problem

    return [
        Problem(Location(file, line, column), _message_from(message), "warning", "milestone-side")
        for indicator, kept in sides.values()
        if indicator in shown
        for file, line, column, message in kept
    ]


def _message_plain(message: Any) -> Any:
    """A warning's message as marshal-able values: a Message as (id, params), which is
    rebuilt (``_message_from``) and shown in the language of the run that prints it, so a
    cached run says the same as a cold one in English and in Vietnamese; text as it is. A
    Figure among the values (written by the reader's language: 20,5 in Vietnamese) is
    kept as ('figure', value)."""
    from ..catalog import Figure, Message

    if not isinstance(message, Message):
        return message
    return (message.id, tuple((k, ("figure", v.value) if isinstance(v, Figure) else v) for k, v in message.params))


def _message_from(plain: Any) -> Any:
    """The message ``_message_plain`` made plain."""
    if isinstance(plain, tuple):
        from ..catalog import Figure, Message

        return Message(
            plain[0],
            tuple(
                (k, Figure(v[1]) if isinstance(v, (tuple, list)) and v[:1] == ("figure",) else v) for k, v in plain[1]
            ),
        )
    return plain


def with_breakdowns(plan: Any, series: Any) -> Callable[[Any, Any], Any]:
    """A target's assessment with its units judged (kinds.assess does the same), the
    index of units made once, on first use."""
    from ..kinds.breakdown import assess_units, unit_index, with_units

    index: list[Any] = []

    def judged_with_units(judged: Any, today: Any) -> Any:
        if not index:
            index.append(unit_index(plan, series))
        units = assess_units(judged.target, judged.indicator, series, index[0], plan.dimensions, today)
        return with_units(judged, units)

    return judged_with_units


def title_in(state: dict, lang: str) -> str:
    """The plan's title in ``lang``, as Plan.title_in gives it."""
    return (state.get("title_vi") or state["title"]) if lang == "vi" else state["title"]
