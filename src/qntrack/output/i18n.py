"""Words and number formats in English and Vietnamese. Pure; used by every human output.

Vietnamese writes a decimal comma and a thousands dot ("3,13" for 3.13, "50.000" for 50,000);
English the other way round. Machine formats (JSON, CSV, TSV) never go through here.
"""

from __future__ import annotations

import math

from ..catalog import catalog

__all__ = [
    "LANGS",
    "SIGNS",
    "spoken",
    "resolve_lang",
    "label",
    "status_label",
    "number",
    "signed_percent",
    "needed_rate_text",
    "hundredfold",
    "value_with_unit",
    "date_text",
    "replacing",
    "differing_decimals",
    "sufficient",
    "need_places",
    "value_beside",
    "target_kind_name",
]

LANGS = ("en", "vi")


def resolve_lang(lang: str | None) -> str:
    """The --lang option, else QNTRACK_LANG, else a Vietnamese locale (LANG=vi_VN.UTF-8),
    else English."""
    if lang:
        chosen = lang.strip().lower()
        return chosen if chosen in LANGS else "en"
    from ..catalog import environment_language

    return environment_language() or "en"


def label(key: str, lang: str) -> str:
    """A label of a table, a fact or a report (catalog ``label_<key>``), as written there:
    a label with ``{}`` is filled by its caller."""
    return _word("label_" + key, lang, key)


def kind_text(status: str, lang: str) -> str:
    """An observation's status in a table's Kind column: its word, or "not stated" for an
    empty status cell, never an empty cell a reader cannot tell from a missing column
    (issue 17, twentieth session)."""
    return label(status if status else "kind_not_stated", lang)


def with_kind(status: str, when: str, lang: str) -> str:
    """``when`` (a figure's period as written beside it) followed by the figure's kind where
    it is an estimate or preliminary, "(2026, estimate)", as a part-year reading says
    "part-year": a figure cited from a report's summary must say it is not the final one.
    An official figure, or one with no stated status, keeps its period alone: most figures
    are official, and a national report's tables are long (issue 17, twenty-seventh session)."""
    # plan.model.LESS_FINAL, spelt out: a warm status's table is written without loading
    # the plan's model (tests/test_s30_lead.py).
    return f"{when}, {label(status, lang)}" if status in ("estimate", "preliminary") else when


def status_label(status: str, lang: str) -> str:
    """A status for people (catalog ``status_<status>``): "Moderate progress"."""
    return _word("status_" + status, lang, status)


def kind_key(target: object) -> str:
    """The kind a target's words are looked up by: a plan for a half year or a quarter is
    not an annual plan ("plan_period"); a level target with no milestone has no deadline,
    it is judged by its direction ("level_direction"); every other target, its kind."""
    kind = str(getattr(target, "kind", ""))
    period = getattr(target, "period", None)
    if kind == "plan" and period is not None and not getattr(period, "is_year", True):
        return "plan_period"
    if kind == "level" and not getattr(target, "milestones", ()):
        return "level_direction"
    return kind


def kind_name(kind: str, lang: str) -> str:
    """A target's kind for people: in Vietnamese the report's name (catalog
    ``report_kind_<kind>``); in English the code of targets.yaml ("every_period"), which
    is what a reader types there (docs/decisions.md)."""
    return kind if lang != "vi" else _word("report_kind_" + kind, lang, kind)


def target_kind_name(target: object, lang: str) -> str:
    """A target's kind for people (``kind_name``): in Vietnamese the words of its kind, a
    half year's plan the catalog's ``report_kind_plan_period`` (``kind_key``); in English
    the code targets.yaml takes, "plan" for every plan (a reader types no "plan_period")."""
    return kind_name(kind_key(target), lang) if lang == "vi" else str(getattr(target, "kind", ""))


def _word(key: str, lang: str, default: str) -> str:
    # The catalog at the module's top: a report of 10,000 targets asks for 700,000 words,
    # and an import statement run for each was a second of it (issue 17, twenty-third
    # session); the catalog is loaded by every command before this module anyway.
    found = catalog(lang).get(key)
    if found is None:
        found = catalog("en").get(key, default)
    return found


# From here on a figure is written with its exponent ("2e+300"): a double holds 15-17
# significant digits, so wider integers print digits nobody typed.
_HUGE = 1e15
_TYPED_MOST = 6  # decimals a published figure is typed with, at most (typed_places)
_FLOAT_PLACES = 20  # decimals that tell any float near a band edge (at most 5) from the edge


def number(value: float | None, lang: str, decimals: int = 2) -> str:
    """Rounded for display, trailing zeros dropped, separators of the language."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    if abs(value) >= _HUGE:
        # Past 1e15 a float's digits are no longer the ones typed (2e300 would print as
        # 300 digits of binary noise): the exponent says it, as for tiny figures (issue 12).
        text = f"{value:.6g}"
    else:
        # Half away from zero, on the figure as typed (its shortest decimal form): 2.675
        # shows 2.68 as Excel shows the same cell in the workbook, where the binary double
        # just below 2.675 printed 2.67 (docs/decisions.md, "Numbers audit by hand").
        from decimal import ROUND_HALF_UP, Decimal  # here: a status served from the cache prints no figure

        exact = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
        text = f"{exact:,.{decimals}f}"
    if value and text.lstrip("-").strip("0.,") == "":
        # A figure that is not zero never reads 0 (issue 12): 0.0000001 keeps two
        # significant digits; past twelve decimals the exponent says it (1e-300).
        places = -math.floor(math.log10(abs(value))) + 1
        text = f"{value:.{places}f}" if places <= 12 else f"{value:.2g}"
    if "." in text and "e" not in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    if lang == "vi":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def _below_edges(
    value: float | None, edges: tuple[float, ...], lang: str, decimals: int = 2, above: tuple[float, ...] = ()
) -> str:
    """``number`` at ``decimals``, or at the decimals where it differs from a band edge it
    is below and ``decimals`` would round it onto (0.9492 is moderate progress: never
    "0.95", the substantial edge; issue 17, nineteenth session), or from an edge in
    ``above`` it is above (100.003 % of a plan where lower is better is not "100%", the
    plan met; issue 17, twentieth session)."""
    places = decimals
    if value is not None and math.isfinite(value):
        # At the decimals the figure is written with: the small-number rule writes 0.0049996
        # "0.005" (two significant digits), the edge 0.005 itself, where two decimals write
        # the edge "0.01".
        text = number(value, "en", decimals)
        shown = decimals if "e" in text else max(decimals, len(text.partition(".")[2]))
        sides = [(edge, value < edge) for edge in edges] + [(edge, value > edge) for edge in above]
        for edge, beyond in sides:
            if beyond and text == number(edge, "en", shown):
                places = max(places, differing_decimals(value, edge, shown))
                # An Open SDG target keeps its floats' last digits (203 / 200 - 1 is
                # 0.014999999999999902, moderate progress): past twelve decimals too, the
                # figure is never written as the edge it is below (session 45, helper N).
                while places < _FLOAT_PLACES and number(value, "en", places) == number(edge, "en", places):
                    places += 1
    return number(value, lang, places)


def progress_text(value: float | None, lang: str, within: bool = False) -> str:
    """P as every table and sentence writes it: the method's band edges (0.95, 0.6, 0;
    docs/methodology.md, "Statuses"; 0.015 and 0.005 of a direction-only target without a
    limit) never reached by rounding alone, nor 1, the milestone met (0.9998 is not "1";
    0.0049996 is not "0.005"; issue 17, twentieth session), nor, ``within`` (a pace kept
    within, on it at P <= 1: Assessment.pace_within), 1 from above (1.0017 is "1.002").
    Below a tenth (a direction-only target's P is a growth rate a year, 0.012), three
    significant digits: two decimals wrote 0.012 and 0.006 both "0.01" (twenty-seventh
    session; docs/methodology.md, "How P is written")."""
    places = 2
    if value is not None and math.isfinite(value) and 0 < abs(value) < 0.1:
        places = min(12, 2 - math.floor(math.log10(abs(value))))
    return _below_edges(value, (1.0, 0.95, 0.6, 0.015, 0.005, 0.0), lang, places, above=(1.0,) if within else ())


def percent_reached_text(value: float | None, lang: str) -> str:
    """A percent of a plan or of a cumulative target (99.98) as every table and sentence
    writes it: one decimal, or the decimals where it differs from 100 when one would round
    it onto 100 (99.98 is not "100%", the plan met; nor 100.003, a plan where lower is
    better missed; issue 17, twentieth session)."""
    return _below_edges(value, (100.0,), lang, 1, above=(100.0,))


def score_text(value: float | None, lang: str) -> str:
    """A score as every table writes it: the edges a group's status is read off (2.5, 0,
    -2.5; "Scores") never reached by rounding alone, nor the ends of the scale, 5 (a target
    achieved's) and -5 (4.999998 is not "5"; issue 17, twentieth session)."""
    return _below_edges(value, (5.0, 2.5, 0.0, -2.5), lang, above=(-5.0,))


def percent_text(share: float | None, lang: str) -> str:
    """A share (0.9998) as a percent: never "100%" below 100 (issue 17, twentieth session)."""
    return "–" if share is None else f"{percent_reached_text(hundredfold(share), lang)}%"


def hundredfold(share: float | None) -> float | None:
    """A fraction as a per cent, multiplied in decimal on its shortest form: 0.0515 is
    5.15, which one decimal writes 5.2 (half away from zero), where the floats' 0.0515 × 100
    is 5.1499999999999995, written 5.1 (issue 17, fortieth session). Not finite: the
    float's."""
    if share is None or not math.isfinite(share):
        return None if share is None else share * 100
    from decimal import Decimal  # here, as ``number``'s: a warm status prints no figure

    return float(Decimal(repr(float(share))) * 100) + 0.0


def sufficient(need: float | None, at_least: bool, decimals: int = 2) -> float | None:
    """A figure needed to meet a bound, rounded at ``decimals`` the way that still meets it:
    up for a floor's need, down for a cap's allowance. To nearest, the 13.4835 % a year an
    average's years without a figure need read "at least 13.48%", which leaves the average
    short (issue 17, forty-first session). Read at 12 significant digits first, as P is
    (docs/methodology.md, "Figures on an edge"), so that float noise above a figure
    (13.480000000000002) does not lift it a step; but only where that reading moves it by
    less than a thousandth of a step: a need of 13 digits before the point (12,333,333,333,
    333.34 VND a period) lost its last digits there and was written 33 VND short (forty-first
    session, tests/test_s41_h.py). Not finite, huge, or None: as given."""
    if need is None or not math.isfinite(need) or abs(need) >= _HUGE:
        return need
    from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal  # here: a warm status writes no need

    exact, read = Decimal(repr(need)), Decimal(f"{need:.12g}")
    if read and abs(read) < Decimal(1).scaleb(-decimals) / 2:
        # A need ``number`` writes with two significant digits (a figure not zero never
        # reads 0): rounded at them, so that 0.005 % a year is "+0.005%", not "+0.1%",
        # twenty times what is needed (forty-first session, tests/test_s41_h.py).
        decimals = max(decimals, -read.adjusted() + 1)
    step = Decimal(1).scaleb(-decimals)
    noise = abs(read - exact) < step.scaleb(-3)
    rounding = ROUND_CEILING if at_least else ROUND_FLOOR
    kept = (read if noise else exact).quantize(step, rounding=rounding)
    if not kept and read:
        # An allowance rounded towards zero onto nothing ("+0%/yr" for 0.0835 % allowed read
        # as none allowed): at the two significant digits a figure not zero is written with.
        kept = read.quantize(Decimal(1).scaleb(read.adjusted() - 1), rounding=rounding)
    return float(kept) + 0.0


def need_places(need: float | None, decimals: int = 2) -> int:
    """The decimals a need ``sufficient`` rounded is written at: ``decimals``, or those it
    was rounded at where it keeps two significant digits below a step (0.083 % allowed,
    which ``number`` at one decimal would write "0.1", above the allowance)."""
    typed = _typed_decimals(need)
    return decimals if typed is None else max(decimals, typed)


def signed_percent(rate: float | None, lang: str, decimals: int = 1, at_least: bool | None = None) -> str:
    """A rate (0.079) as "+7.9%"; "–" when undefined (or not finite: never "+–%"). A rate
    needed to reach a figure (``at_least`` True where the rate must be at least it, False at
    most) is rounded the way that suffices (``sufficient``), not to nearest."""
    if rate is None or not math.isfinite(rate):
        return "–"
    percent = percent_figure(rate, at_least, decimals)
    text = number(percent, lang, decimals if at_least is None else need_places(percent, decimals))
    return f"+{text}%" if rate > 0 and not text.startswith("-") else f"{text}%"


def percent_figure(rate: float, at_least: bool | None = None, decimals: int = 1) -> float | None:
    """The number of per cent ``signed_percent`` writes for ``rate`` (0.0889 is 8.89): the
    workbook's rate cells hold it, so that they show what the reports write (a needed rate,
    ``at_least`` given, already rounded so that it suffices). At 12 significant digits, as
    P is read (docs/methodology.md, "Figures on an edge"), then made a per cent in decimal:
    101.25 / 100 − 1 is 0.0125, "+1.3%" beside its P of 0.0125, where the floats'
    0.012499999999999956 wrote "+1.2%" (fortieth session)."""
    percent = hundredfold(float(f"{rate:.12g}"))
    return percent if at_least is None else sufficient(percent, at_least, decimals)


def achieved_rate_text(rate: float | None, base: float | None, lang: str) -> str:
    """A level's rate a year (achieved, required) as `show` and the reports write it
    ("+7.9%/yr"): from a baseline below zero, the rate is its size's (−500 to −350 is
    0.7^(1/3) − 1 = −11.2 % a year while the figure rose), and the cell says so. No rate
    (none lifts a figure of 0 to a milestone) is "–", not "–/yr"."""
    if rate is None:
        return "–"
    text = f"{signed_percent(rate, lang)}{label('per_year', lang)}"
    return f"{text} {label('rate_in_size', lang)}" if base is not None and base < 0 else text


def needed_rate_text(rate: float | None, base: float | None, increase: bool, lang: str) -> str:
    """The rate a year needed from now on, as ``achieved_rate_text`` writes a rate, rounded
    so that it suffices (``needed_rate``): "+19%/yr" for 18.9207 %, where "+18.9%/yr" would
    leave the figure short of its milestone (issue 17, forty-first session)."""
    if rate is None:
        return "–"
    text = f"{needed_rate(rate, base, increase, lang)}{label('per_year', lang)}"
    return f"{text} {label('rate_in_size', lang)}" if base is not None and base < 0 else text


def needed_rate(rate: float, base: float | None, increase: bool, lang: str) -> str:
    """A rate needed to take a figure to its milestone ("+19%"), rounded the way that
    suffices: up where the figure must rise, down where it must fall; below zero a rate is
    the figure's size's (``achieved_rate_text``), and the size must shrink where the figure
    must rise, so the other way."""
    return signed_percent(rate, lang, at_least=needed_up(base, increase))


def needed_up(base: float | None, increase: bool) -> bool:
    """Whether a rate needed from now is rounded up so that it suffices (``needed_rate``):
    up where the figure must rise, down where it must fall, and the other way below zero,
    where the rate is the figure's size's."""
    return increase != (base is not None and base < 0)


def typed_places(value: float | None, decimals: int = 2) -> int:
    """The decimals an observed figure is quoted at: those it was published with when they
    are three (its shortest decimal form, as ``number`` rounds it), so that 9.996 is never
    quoted as 10, beside a bound of 10 that one target judges it against and another does
    not (issue 17, nineteenth session); else ``decimals``. A figure with four or more looks
    computed, not published (10.33333): written at two, as every figure is, unless a rule
    of its own needs more (the decimals where it differs from its plan or bound), or two
    would write it as a whole number it is not (9.9996, "10": at the decimals where it
    differs from it, 9.9996; last review of the nineteenth session)."""
    typed = None if value is None else _typed_decimals(value)
    if value is None or typed is None:
        return decimals
    if typed <= 3:
        return max(decimals, typed)
    # Four or more, unless two would write a whole number it is not: 9.9996 is not "10" (a
    # bound another target judges it against), but written where it differs from it.
    # More than six: float arithmetic's (30.00000000000002, a computed cell), not a figure typed.
    if typed > _TYPED_MOST:
        return decimals
    places = decimals
    while places < typed and round(value, places) != 0 and round(value, places) == round(value):
        places += 1
    return places


def recorded_places(value: float | None, decimals: int = 2) -> int:
    """The decimals of a figure as recorded, for a table that lists the figures themselves
    (show's figures, the workbook's Figures sheet): every decimal it was typed with, up to
    ``_TYPED_MOST`` (-1.2004, never "-1.2" beside the sum -0.0004 it makes with 1.2); more
    is float arithmetic's noise, written at ``decimals`` (issue 17, twenty-first session)."""
    typed = _typed_decimals(value)
    if typed is None:
        return decimals
    return max(decimals, typed) if typed <= _TYPED_MOST else decimals


def _typed_decimals(value: float | None) -> int | None:
    """The decimals of ``value``'s shortest decimal form (repr: 9.996 has three), None for
    no figure, a whole number, or one too large or small to be written without an exponent."""
    if value is None or not math.isfinite(value) or abs(value) >= _HUGE:
        return None
    text = repr(float(value))
    if "e" in text or "." not in text:
        return None
    return len(text.split(".")[1].rstrip("0"))


def typed_value(value: float | None, unit: str, lang: str) -> str:
    """A figure typed in targets.yaml (a milestone, a bound, a baseline) with its unit, at
    the decimals it was typed with (``typed_places``): a milestone of 15.299 is not "15.3"
    (issue 17, twentieth session)."""
    return value_with_unit(value, unit, lang, typed_places(value))


# The units whose sign is written against the figure, "12.3%", "15.2‰" (value_with_unit;
# a difference in per mille too, summary.difference_text, narrative.difference_in_unit).
SIGNS = ("%", "\u2030")


def value_with_unit(value: float | None, unit: str, lang: str, decimals: int = 2) -> str:
    """A figure with its unit: a per-cent unit's sign against the figure, in every language
    and every place ("12.3% of GRDP", "12,3% GRDP", as the resolution and the province's
    reports write it, and as "12.3%" was; tables wrote "12.3 % of GRDP" until the
    forty-second session; a per-mille sign likewise, "15.2‰", as the statistics office
    writes a birth rate), any other unit after a space ("10,402 USD")."""
    text = number(value, lang, decimals)
    if value is None or not unit:
        return text
    return f"{text}{unit}" if unit.startswith(SIGNS) else f"{text} {unit}"


def date_text(day: str | None, lang: str) -> str:
    """A date (ISO "2025-01-05", or a stored timestamp, written as the day it falls on in
    the plan's zone: files.shown_days) as the language writes it: Vietnamese "05/01/2025",
    English ISO "2025-01-05"."""
    if not day:
        return ""
    if len(day) > 10:
        from ..files.shown_days import shown_day

        day = shown_day(day)
    iso = day[:10]
    if lang != "vi" or len(iso) != 10 or iso[4] != "-" or iso[7] != "-":
        return iso
    return f"{iso[8:10]}/{iso[5:7]}/{iso[0:4]}"


def timestamp_text(stamp: str, lang: str) -> str:
    """A stored timestamp as a table shows it, ISO 8601 in every language: as stored
    ("2026-10-02T23:30:00Z") when days are shown in UTC; else the same instant in the zone
    days are shown in (files.shown_days, the plan's), without its offset, which the
    column's heading says (``recorded_heading``): "2026-10-03T06:30:00" under "Recorded
    (UTC+07:00)", on the day ``--as-of`` counts it (fortieth session: history's table wrote
    the UTC moment, the day before in Ha Long, beside an ``--as-of`` that left it out).
    Vietnamese wrote it "05/07/2023 00:00:00Z", a day first beside an ISO time, a form
    nothing reads back (issue 17, twenty-third session); a day alone keeps the reader's
    form (date_text). Data for programs (TSV, CSV, JSON) keeps the stored moment."""
    from ..files.shown_days import shown_zone

    zone = shown_zone()
    if not zone:
        return stamp
    from ..method.recorded_days import in_zone

    there = in_zone(stamp, zone)
    return there[:19] if there != stamp else stamp  # a moment it cannot move stays as stored


def recorded_heading(lang: str) -> str:
    """The heading of a column of ``timestamp_text`` moments: "Recorded", with the zone
    they are written in when it is not UTC ("Recorded (UTC+07:00)", as the workbook's)."""
    from ..files.shown_days import shown_zone

    zone = shown_zone()
    if not zone:
        return label("recorded_at", lang)
    from ..method.recorded_days import zone_name

    return label("recorded_at_zone", lang).format(zone=zone_name(zone))


def differing_decimals(before: float, after: float, decimals: int = 2) -> int:
    """The decimals, from ``decimals``, at which two different figures as written differ
    (11.031 and 11.029: three, where two read "11.03 → 11.03"); ``decimals`` when they are
    equal, or do not differ up to twelve (issue 17, eighteenth session)."""
    if before == after or not all(math.isfinite(v) and abs(v) < _HUGE for v in (before, after)):
        return decimals
    for places in range(decimals, 13):
        if number(before, "en", places) != number(after, "en", places):
            return places
    return decimals


def value_beside(value: float | None, goal: float, unit: str, lang: str) -> str:
    """A figure computed to be set against ``goal`` (a projection against its milestone),
    with its unit, at two decimals, or at those where it differs from ``goal`` where two
    would write them alike: 14.9958 projected "short of 15%" is "14.996%", never "15%"
    (issue 17, fortieth session), as a latest figure of 14.999 is beside 15."""
    if value is None or not math.isfinite(value) or not math.isfinite(goal):
        return value_with_unit(value, unit, lang)
    return value_with_unit(value, unit, lang, differing_decimals(value, goal))


def replacing(
    before: float | None, shown: str, unit: str, lang: str, value: float | None = None, decimals: int = 2
) -> str:
    """A figure's cell with the figure it replaced before it, "10.3% → 9.8%" ("9.8% → –" for
    a retraction), as ``history`` and ``show`` print it: a revision is never read as a first
    estimate. ``before`` None or NaN (a first figure, or one after a retraction): ``shown``.
    With the figure's ``value``, both are written at the decimals, from ``decimals`` (those
    of ``shown``), where they differ (``differing_decimals``): never "11.03 → 11.03"."""
    if before is None or before != before:
        return shown
    if value is None or value != value:
        return f"{value_with_unit(before, unit, lang, typed_places(before))} → {shown}"
    places = replacing_places(before, value, decimals)
    return f"{value_with_unit(before, unit, lang, places)} → {value_with_unit(value, unit, lang, places)}"


def replacing_places(before: float | None, value: float, decimals: int = 2) -> int:
    """The decimals ``replacing`` writes a revision's two figures at (and a withdrawal's
    note the figure it withdrew: withdrawn.withdrawal_note); ``decimals`` for a first figure."""
    if before is None or before != before or value != value:
        return decimals
    return differing_decimals(before, value, max(decimals, typed_places(before)))


def spoken(lang: object) -> None:
    """Refuse a language qntrack does not write a report or a document in (a web service's
    ``?lang=fr`` was a FileNotFoundError naming the catalog file it looked for; "VI" gave a
    document in English without a word): an ArgumentError, an InputError that is still the
    ValueError it was."""
    from ..catalog import msg
    from ..errors import ArgumentError, ExitCode, fail

    if lang not in LANGS:
        raise fail(
            "lang", msg("report_unknown_lang", lang=repr(lang), valid=", ".join(LANGS)), ExitCode.USAGE, ArgumentError
        )
