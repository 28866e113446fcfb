"""What a plan says and what was observed: indicators, targets, observations.

Plain typed values, no I/O. Locations (``Location``) travel with every definition and
row so that any later judgement about them can point at the line a person wrote.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any, NamedTuple, NoReturn, TypeVar

from ..plan.notebook import plan_repr
from ..plan.periods import Frequency, Period
from ..plan.units import Dimension, Dims, unit_key

if TYPE_CHECKING:
    from ..catalog import Message

__all__ = [
    "Location",
    "StandardOutput",
    "STANDARD_OUTPUT",
    "Problem",
    "Text",
    "text_in",
    "Direction",
    "Measure",
    "Indicator",
    "Bound",
    "published",
    "Milestone",
    "Baseline",
    "Target",
    "LevelTarget",
    "SpanTarget",
    "EveryPeriodTarget",
    "AverageTarget",
    "CumulativeTarget",
    "PlanTarget",
    "OpenSdgTarget",
    "Observation",
    "Plan",
    "ReadOnlyDict",
    "LESS_FINAL",
    "OBSERVATION_STATUSES",
    "RETRACTED",
]

OBSERVATION_STATUSES = ("estimate", "preliminary", "official")
# The statuses of a figure published to be replaced by an official one: checked when an
# official figure is replaced (files.checks_status), said of a status that rests on one
# (method.assessment), and marked beside a figure cited (output.i18n.with_kind, which
# spells them out: a warm status loads no plan model).
LESS_FINAL = frozenset({"estimate", "preliminary"})
# The status of a row that withdraws the figure in force for its indicator and period
# (`qntrack retract`). Its value is empty in the file and NaN in memory; no period has a
# figure in force while a retraction is its latest vintage (series.in_force).
RETRACTED = "retracted"


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a file: 1-based line and column (column 0 when unknown).

    In a workbook, ``line`` and ``column`` are the cell's row and column, and ``cell`` is
    how Excel names it (``Sheet1!C7``), shown instead of them (``so-lieu.xlsx:Sheet1!C7``)."""

    file: str
    line: int = 0
    column: int = 0
    cell: str = ""

    def __str__(self) -> str:
        if self.cell:
            return f"{self.file}:{self.cell}"
        if self.line and self.column:
            return f"{self.file}:{self.line}:{self.column}"
        if self.line:
            return f"{self.file}:{self.line}"
        return self.file


@dataclass(frozen=True, slots=True)
class StandardOutput(Location):
    """Standard output as a problem's place (``STANDARD_OUTPUT``): no file's name, said in
    the reader's words (the catalog's place_standard_output). A class of its own, not the text: a file a user
    named "standard output" (``report -o "standard output"``) is a Location of that text,
    equal to no StandardOutput, and keeps its name in every language (thirty-seventh
    session: it was said as standard output in Vietnamese)."""


STANDARD_OUTPUT = StandardOutput("standard output")


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong in the input, with where it is and, when known, what would be valid."""

    location: Location
    message: str | Message  # a Message is shown in the user's language (messages.py)
    severity: str = "error"
    check: str = ""

    def __str__(self) -> str:
        return self.text("en")

    def text(self, lang: str = "en") -> str:
        """``file:line:col: error: message`` in ``lang``: en or vi, in any case, or a
        locale's name (``vi_VN.UTF-8``); English for any other."""
        from ..catalog import language_of, msg, render

        lang = language_of(lang) or "en"
        severity = self.severity if lang == "en" else render(msg("severity_" + self.severity), lang)
        # A tab in a file's name is shown as the other control characters are (\x09), not
        # as a gap that reads as spaces (issue 17, twenty-ninth session).
        where = str(self.location).replace("\t", "\\x09")
        if isinstance(self.location, StandardOutput) and lang != "en":  # no file's name: the place in words
            where = render(msg("place_standard_output"), lang)
        return f"{where}: {severity}: {render(self.message, lang)}"


@dataclass(frozen=True, slots=True)
class Text:
    """A name in English and Vietnamese; either may stand in for the other. ``others``:
    the name in other languages a plan gives (an Open SDG site in French, issue 16), by
    language code, kept for the formats that carry them; qntrack itself speaks en and vi."""

    en: str
    vi: str
    others: tuple[tuple[str, str], ...] = ()

    def get(self, lang: str) -> str:
        if lang == "vi":
            return self.vi
        if lang != "en" and self.others:
            return dict(self.others).get(lang, self.en)
        return self.en

    def languages(self) -> dict[str, str]:
        """Every language the name is given in (en and vi always)."""
        return {"en": self.en, "vi": self.vi, **dict(self.others)}

    @classmethod
    def plain(cls, text: str) -> Text:
        return cls(text, text)


def text_in(text: Text | None, lang: str) -> str:
    """A free text of the plan (a note, a source, a description) in ``lang``; "" if none."""
    return "" if text is None else text.get(lang)


class Direction(str, Enum):
    INCREASE = "increase"
    DECREASE = "decrease"


class Measure(str, Enum):
    """What kind of quantity an indicator is; decides which arithmetic makes sense.

    ``level``: a level or share (% of GRDP, USD per person). ``rate``: a growth rate in
    per cent, one per period (GRDP growth 10.28 means +10.28 %). ``flow``: an amount per
    period that adds up over time (FDI attracted, investment).
    """

    LEVEL = "level"
    RATE = "rate"
    FLOW = "flow"
    # A level that can be negative (a trade or budget balance): level targets on it are
    # judged by absolute change, never by a growth rate (docs/methodology.md).
    BALANCE = "balance"


@dataclass(frozen=True, slots=True)
class Indicator:
    id: str
    name: Text
    unit: str = ""
    direction: Direction = Direction.INCREASE
    frequency: Frequency = Frequency.YEAR
    measure: Measure = Measure.LEVEL
    # Free text, as a name is read: {en, vi} or one text for both (None: not given).
    description: Text | None = None
    formula: str | None = None
    location: Location = field(default=Location(""), compare=False)
    unit_vi: str = ""  # the unit in Vietnamese, when targets.yaml gives {en: ..., vi: ...}
    # The dimensions its figures may be broken down by (issue 14), in declared order.
    dimensions: tuple[str, ...] = ()
    # Its unit in SDMX's terms (``sdmx: {unit_measure: VND, unit_mult: 9}``): the codes an
    # SDMX-CSV export writes as UNIT_MEASURE and UNIT_MULT (files/sdmx_units.py); "" if not said.
    unit_measure: str = ""
    unit_mult: str = ""
    # The progress status an Open SDG site set by hand for it (``open_sdg: {progress_status:
    # ...}``, files/opensdg_status.py): written back by ``export opensdg`` when no target
    # of it is judged; "" if not said.
    open_sdg_status: str = ""

    @property
    def increase(self) -> bool:
        return self.direction is Direction.INCREASE

    @property
    def adds_up(self) -> bool:
        """Whether its figures are amounts whose parts add up into their period: a flow, or
        a balance of flows (a trade balance). A year recorded only in quarters or months is
        then their sum, and a part-year reading a year to date (docs/methodology.md); a
        level's or a rate's parts make no year."""
        return self.measure in (Measure.FLOW, Measure.BALANCE)

    def unit_in(self, lang: str) -> str:
        return (self.unit_vi or self.unit) if lang == "vi" else self.unit


def published(x: float) -> float:
    """``x`` at 15 significant digits, the precision of a figure as typed: a figure holds 15
    to 17, and Excel, where most figures come from, keeps and shows 15; the 16th and 17th
    of a pasted computed cell (=10*0.1*10 is 9.999999999999998) are the binary's noise,
    not the figure's. What a figure is set against its goal with (a bound, a plan, a
    milestone) and what a gap is taken on; the figure itself is stored and reported as
    typed (docs/methodology.md, "Figures on an edge"). Not finite: as it is."""
    return float(f"{x:.15g}") + 0.0 if math.isfinite(x) else x


@dataclass(frozen=True, slots=True)
class Bound:
    """``at_least`` or ``at_most`` a value."""

    value: float
    at_least: bool = True

    def passes(self, x: float) -> bool:
        """Whether ``x`` meets the bound, both read at the 15 significant digits a typed
        figure has (``published``): 9.999999999999998, a computed cell's noise, meets "at
        least 10", as the 10 it prints as; 9.99999999999999 does not."""
        x, value = published(x), published(self.value)
        return x >= value if self.at_least else x <= value

    @property
    def keyword(self) -> str:
        return "at_least" if self.at_least else "at_most"


@dataclass(frozen=True, slots=True)
class Milestone:
    by: Period
    value: float
    location: Location = field(default=Location(""), compare=False)


@dataclass(frozen=True, slots=True)
class Baseline:
    period: Period
    value: float | None = None


@dataclass(frozen=True, slots=True)
class Target:
    """What every kind of target has in common."""

    id: str
    indicator: str
    name: Text | None = None
    # Where it comes from and what the reader should know, read as a name is: {en, vi}
    # or one text for both; None when not given.
    source: Text | None = None
    note: Text | None = None
    location: Location = field(default=Location(""), compare=False)
    # Who the target belongs to (issue 14): the resolution or plan that set it, and the
    # department that answers for it. Either may be absent.
    group: Text | None = None
    owner: Text | None = None
    # Judged for every unit of these dimensions too (``for_each:``, issue 14), and the
    # units given their own values (``overrides:``), each as a whole target of this kind.
    for_each: tuple[str, ...] = ()
    overrides: tuple[tuple[Dims, Target], ...] = ()
    # Judged on one unit's series rather than the total (``of:``, issue 16): an Open SDG
    # progress option names the disaggregation it assesses ("Sex: Both sexes").
    of: Dims = ()

    kind = "target"

    @property
    def series_key(self) -> str:
        """The store's name of the series the target is judged on: its indicator, or the
        unit ``of:`` names (``plan.units.unit_key``)."""
        return unit_key(self.indicator, self.of) if self.of else self.indicator


@dataclass(frozen=True, slots=True)
class LevelTarget(Target):
    """Reach a level by one or more deadlines; with no milestone, move the right way."""

    baseline: Baseline | None = None
    milestones: tuple[Milestone, ...] = ()
    limit: float | None = None

    kind = "level"


@dataclass(frozen=True, slots=True)
class SpanTarget(Target):
    """A bound over a span of periods, from ``start`` to ``end``; judged per kind below."""

    bound: Bound = Bound(0.0)
    start: Period = Period(2000)
    end: Period = Period(2000)


@dataclass(frozen=True, slots=True)
class EveryPeriodTarget(SpanTarget):
    """A threshold each period must pass ("double-digit growth every year")."""

    kind = "every_period"


@dataclass(frozen=True, slots=True)
class AverageTarget(SpanTarget):
    """An average growth rate over a span ("about 10% a year over 2021-2025")."""

    kind = "average"


@dataclass(frozen=True, slots=True)
class CumulativeTarget(SpanTarget):
    """A total over a span ("above 50,000 billion VND over 2021-2025")."""

    kind = "cumulative"


@dataclass(frozen=True, slots=True)
class PlanTarget(Target):
    """An annual plan figure ("1.5 billion USD of FDI in 2022")."""

    period: Period = Period(2000)
    value: float = 0.0

    kind = "plan"


@dataclass(frozen=True, slots=True)
class OpenSdgTarget(Target):
    """An Open SDG progress option, judged exactly as Open SDG's build judges it
    (``type: open_sdg``, issue 16; docs/methodology.md, "Open SDG targets"): from the base
    year (or the first later year with a figure) to the latest year, against ``target`` by
    ``target_year``, or, without a target, in the direction alone with an optional
    ``limit``. The defaults are Open SDG's: base year 2015, target year 2030."""

    base_year: int = 2015
    target: float | None = None
    target_year: int = 2030
    limit: float | None = None
    # The direction the option gives, when it differs from the indicator's (None: the
    # indicator's): one Open SDG indicator may assess a series in each direction.
    direction: Direction | None = None

    kind = "open_sdg"


class Observation(NamedTuple):
    """One published figure, as recorded: a later row for the same period revises it.

    A named tuple, where the rest of the model is frozen dataclasses: a national store
    has a million rows, and a tuple is made from the reader's columns in C
    (``store_fast._build_observations``) in under half the time of setting a dataclass's
    slots. It is as immutable, and compared and hashed by its values in the same way.
    """

    indicator: str
    period: Period
    value: float
    status: str = ""
    source: str = ""
    note: str = ""
    recorded_at: str = ""
    line: int = 0

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """A copy, a deep copy and a pickle (another process) made again with the value of
        every retraction, ``math.nan`` itself (files.rules.value): a NaN is equal to no
        other, so a retraction pickled was not equal to itself, nor ``Retracted`` to its
        copy (thirty-seventh session). A figure's as a named tuple's."""
        return (_observation, tuple(self))

    @property
    def published_figure(self) -> float | None:
        """The figure this row published, as two vintages are compared ("the same figure,
        status and source"): None for a retraction, which publishes none (its value is NaN,
        equal to nothing, not even another retraction's). One home for what ``check``'s
        vintage rules and ``history`` each wrote out (thirty-fourth session)."""
        return None if self.status == RETRACTED else self.value


def _observation(*fields: Any) -> Observation:
    """An Observation of ``fields``, a NaN value (a retraction's) as the one NaN every
    retraction read or recorded holds, so that two alike are equal (``Observation.__reduce__``)."""
    made = Observation(*fields)
    return made._replace(value=math.nan) if made.value != made.value else made


_K = TypeVar("_K")
_V = TypeVar("_V")


class ReadOnlyDict(dict[_K, _V]):
    """A plan's indicators and dimensions: a dict that cannot be changed (issue 17, thirtieth
    session). A parsed plan is kept for the whole process and handed to every caller
    (files/definitions.py); a notebook's ``del plan.indicators["fdi"]`` broke every later
    ``open_workspace`` of that plan, in every thread. Changing one raises a TypeError, as a
    tuple's does; ``dict(...)`` or ``.copy()`` gives a dict to change."""

    __slots__ = ()

    def _refuse(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise TypeError("a plan's mappings cannot be changed: dict(...) gives a copy to change")

    __setitem__ = __delitem__ = pop = popitem = clear = update = setdefault = __ior__ = _refuse

    def copy(self) -> dict[_K, _V]:
        return dict(self)

    def __reduce__(self) -> tuple[Any, ...]:  # pickled as a dict given to the class (kept_plans)
        return (type(self), (dict(self),))


@dataclass(frozen=True, slots=True)
class Plan:
    """The whole of targets.yaml, validated. Its ``indicators`` and ``dimensions`` are
    ``ReadOnlyDict``s, whatever mapping it is given."""

    __repr__ = plan_repr  # one line in a notebook, not every indicator and target

    title: str
    observations_path: str
    indicators: dict[str, Indicator]
    targets: tuple[Target, ...]
    source_file: str = "targets.yaml"
    # The UTC offset (e.g. "+07:00") for a recorded_at typed without one; "" if not declared.
    timezone: str = ""
    # The dimensions figures may be broken down by (``dimensions:``, issue 14), by id.
    dimensions: dict[str, Dimension] = field(default_factory=dict)
    # The title in Vietnamese, when targets.yaml gives ``title: {en, vi}`` ("" otherwise):
    # a document in Vietnamese is headed in Vietnamese (issue 15). ``title`` stays English.
    title_vi: str = ""
    # targets.yaml's ``sdmx:`` (files/sdmx_units.py): the dataflow an SDMX-CSV export names
    # when --structure-id is not given ("" for the derived one), and whether it writes FREQ.
    sdmx_structure: str = ""
    sdmx_freq: bool = False

    def __post_init__(self) -> None:
        for name in ("indicators", "dimensions"):
            if type(getattr(self, name)) is not ReadOnlyDict:
                object.__setattr__(self, name, ReadOnlyDict(getattr(self, name)))

    def title_in(self, lang: str) -> str:
        return (self.title_vi or self.title) if lang == "vi" else self.title

    def target(self, target_id: str) -> Target | None:
        for t in self.targets:
            if t.id == target_id:
                return t
        return None
