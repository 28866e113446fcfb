"""Plain sentences that say what an assessment means, in English or Vietnamese. Pure."""

from __future__ import annotations

from ..method.assessment import Assessment, MilestoneResult
from ..output.i18n import number, signed_percent, value_with_unit
from ..catalog import msg, render
from ..plan.model import Measure

__all__ = ["explain", "reason_text"]


def _v(value: float | None, unit: str, lang: str) -> str:
    return value_with_unit(value, unit, lang)


def _x(a: Assessment, value: float | None, lang: str) -> str:
    """A figure of the target's indicator: a growth rate as a plain per cent ("10.28%"),
    since its unit text ("% y/y", "% so với cùng kỳ") would only repeat what the sentence
    says; anything else with its unit."""
    if a.indicator.measure is Measure.RATE and value is not None:
        return f"{number(value, lang)}%"
    return _v(value, a.indicator.unit_in(lang), lang)


def _pp(value: float | None, unit: str, lang: str) -> str:
    """A difference in the indicator's unit: percentage points for a share ("–" for one
    that could not be computed: it overflowed)."""
    sign = "+" if value is not None and value > 0 else ""
    if unit.startswith("%"):
        return f"{sign}{number(value, lang)} {'điểm %' if lang == 'vi' else 'pp'}"
    return f"{sign}{number(value, lang)}" + (f" {unit}" if unit else "")


def _change_vi(before: str, after: str, change: float) -> str:
    """A change in Vietnamese: "tăng từ … lên …" for a rise, "giảm từ … xuống …" for a fall."""
    if change > 0:
        return f"tăng từ {before} lên {after}"
    if change < 0:
        return f"giảm từ {before} xuống {after}"
    return f"giữ nguyên ở {before}"


_REASONS = {
    "en": {
        "no_figures": "Not assessed: no figure has been recorded for this indicator yet.",
        "no_figure_for_period": "Not assessed: no figure for the target's period yet.",
        "no_annual_figure": "Not assessed: no full-year figure yet; part-year readings are not assessed.",
        "no_baseline": "Not assessed: no figure for the baseline year or later.",
        "one_figure": "Not assessed: the latest figure is of the baseline year; a change needs two figures at least a year apart.",
        "crosses_zero": "Not assessed: the series crosses zero, where a growth rate means nothing, and without a milestone there is no required change to compare with.",
        "target_equals_baseline": "Not assessed: the milestone equals the baseline, so no change is asked for to compare with.",
        "zero_baseline": "Not assessed: the baseline is zero, from which no growth rate exists, and without a milestone there is no required change to compare with.",
        "average_undefined": "Not assessed: a year fell by 100% or more, so no average growth rate exists.",
        "zero_target": "Not assessed: the target is zero, so no share of it can be measured.",
        "undefined": "Not assessed: the growth rate is undefined for these figures.",
        "overflow": "Not assessed: the figures are too large to compute with (beyond about 1.8 × 10^308); check them for a unit or typing slip.",
    },
    "vi": {
        "no_figures": "Chưa đánh giá: chỉ tiêu chưa có số liệu nào.",
        "no_figure_for_period": "Chưa đánh giá: chưa có số liệu cho kỳ của mục tiêu.",
        "no_annual_figure": "Chưa đánh giá: chưa có số liệu cả năm; số liệu một phần năm không dùng để đánh giá.",
        "no_baseline": "Chưa đánh giá: không có số liệu của năm gốc hoặc các năm sau đó.",
        "one_figure": "Chưa đánh giá: số mới nhất là của năm gốc; cần hai số liệu cách nhau ít nhất một năm.",
        "crosses_zero": "Chưa đánh giá: chuỗi số liệu đổi dấu qua số 0 nên tốc độ tăng không có nghĩa, và không có mốc để so với mức thay đổi cần đạt.",
        "target_equals_baseline": "Chưa đánh giá: mốc bằng giá trị gốc nên không có mức thay đổi cần đạt để so sánh.",
        "zero_baseline": "Chưa đánh giá: giá trị gốc bằng 0 nên không có tốc độ tăng, và không có mốc để so với mức thay đổi cần đạt.",
        "average_undefined": "Chưa đánh giá: có năm giảm từ 100% trở lên nên không tính được tốc độ bình quân.",
        "zero_target": "Chưa đánh giá: mục tiêu bằng 0 nên không tính được tỷ lệ đạt.",
        "undefined": "Chưa đánh giá: không tính được tốc độ tăng với các số liệu này.",
        "overflow": "Chưa đánh giá: số liệu quá lớn để tính toán (vượt khoảng 1,8 × 10^308); hãy kiểm tra lại đơn vị hoặc lỗi gõ số.",
    },
}


def reason_text(reason: str, lang: str) -> str:
    """The sentence for people behind a ``reason`` code of a not_available status."""
    words = _REASONS["vi" if lang == "vi" else "en"]
    return words.get(reason, words["undefined"])


def explain(a: Assessment, lang: str) -> list[str]:
    kind = a.target.kind
    if kind == "level":
        out = _level(a, lang)
    elif kind == "every_period":
        out = _every(a, lang)
    elif kind == "average":
        out = _average(a, lang)
    elif kind == "cumulative":
        out = _cumulative(a, lang)
    else:
        out = _plan(a, lang)
    if a.reason == "average_undefined" and a.details.get("undefined_by"):
        # The figures are there; one sentence says which year leaves no average, and why.
        return _average_undefined(a, lang)
    if a.status.value == "not_available" and a.reason:
        # Why there is no assessment, always said (docs/json.md, "reason"); for want of a
        # figure it says all there is to say.
        if a.reason in _NO_FIGURE:
            return [reason_text(a.reason, lang)]
        out.append(reason_text(a.reason, lang))
    return out


_NO_FIGURE = ("no_figures", "no_figure_for_period", "no_annual_figure", "no_baseline")


def _level(a: Assessment, lang: str) -> list[str]:
    vi = lang == "vi"
    unit = a.indicator.unit_in(lang)
    if a.latest is None or a.baseline is None:
        return ["Chưa có số liệu cả năm để đánh giá." if vi else "No full-year figure yet to assess."]
    out: list[str] = []
    latest, base = a.latest, a.baseline
    if a.achieved_rate is not None:
        span = f"{base.period}–{latest.period}"
        out.append(
            f"Giai đoạn {span}: {_change_vi(_v(base.value, unit, lang), _v(latest.value, unit, lang), latest.value - (base.value or 0.0))}, bình quân {signed_percent(a.achieved_rate, lang)}/năm."
            if vi else
            f"From {_v(base.value, unit, lang)} in {base.period} to {_v(latest.value, unit, lang)} in {latest.period}: {signed_percent(a.achieved_rate, lang)} a year."
        )
    if a.reason == "zero_baseline":
        # No rate to give, but the change itself is a fact worth saying.
        change = _pp(latest.value - (base.value or 0.0), unit, lang)
        out.append(
            f"Giai đoạn {base.period}–{latest.period}: {_change_vi(_v(base.value, unit, lang), _v(latest.value, unit, lang), latest.value - (base.value or 0.0))} ({change})."
            if vi else
            f"From {_v(base.value, unit, lang)} in {base.period} to {_v(latest.value, unit, lang)} in {latest.period} ({change})."
        )
    m0 = a.next_milestone
    if m0 is not None and m0.method == "absolute_change" and m0.achieved_change is not None:
        # No growth rate across zero: the change a year is what the assessment reads.
        change = _pp(m0.achieved_change, unit, lang)
        out.append(
            f"Giai đoạn {base.period}–{latest.period}: {_change_vi(_v(base.value, unit, lang), _v(latest.value, unit, lang), latest.value - (base.value or 0.0))}, bình quân {change}/năm"
            + (f" (lộ trình cần {_pp(m0.required_change, unit, lang)}/năm)." if m0.required_change is not None else ".")
            if vi else
            f"From {_v(base.value, unit, lang)} in {base.period} to {_v(latest.value, unit, lang)} in {latest.period}: {change} a year"
            + (f" against {_pp(m0.required_change, unit, lang)} a year required." if m0.required_change is not None else ".")
        )
        if base.value == 0 and _not_balance(a):
            out.append(render(msg("narrative_zero_baseline"), lang))
    # A missed deadline is said even after the headline has moved on to the next milestone.
    for missed in a.milestones:
        if missed.due and missed.status.value == "not_achieved" and missed is not a.next_milestone:
            out.append(_missed_sentence(missed, unit, lang))
            out.extend(_reached_sentence(missed, unit, lang))
    m = a.next_milestone
    if m is None:
        return out
    goal = _v(m.value, unit, lang)
    if m.status.value == "target_achieved":
        out.append(f"Đã đạt mốc {goal} ({m.by})." if vi else f"The {m.by} milestone of {goal} is achieved.")
        return out
    if m.due:
        out.append(_missed_sentence(m, unit, lang))
        out.extend(_reached_sentence(m, unit, lang))
        return out
    if m.awaiting_figure:
        out += _awaiting_level(a, m, unit, lang)
        # Every deadline behind us is said, not only the headline's: on 2099-01-01 the
        # 2030 figure is awaited as much as 2025's (issue 12).
        for later in a.milestones:
            if later.awaiting_figure and later.by > m.by:
                out += _awaiting_level(a, later, unit, lang, too=True)
        return out
    if m.projected is not None and (a.achieved_rate is not None or m.method == "absolute_change"):
        short = (m.projected < m.value) == a.indicator.increase
        verdict_en = f"short of {goal}" if short else f"meeting the milestone of {goal}"
        verdict_vi = f"chưa đạt {goal}" if short else f"vượt mốc {goal}"
        if m.method == "absolute_change":
            c = m.required_change_from_latest
            needed = None if c is None else _pp(c, unit, lang)
        else:
            r = m.required_rate_from_latest
            needed = None if r is None else signed_percent(r, lang)
        tail_en = f"; from now on it needs {needed} a year" if needed is not None and short else ""
        tail_vi = f"; từ nay cần {needed}/năm" if needed is not None and short else ""
        out.append(
            f"Với tốc độ này, năm {m.by} đạt {_v(m.projected, unit, lang)}, {verdict_vi}{tail_vi}."
            if vi else
            f"At this pace it reaches {_v(m.projected, unit, lang)} in {m.by}, {verdict_en}{tail_en}."
        )
    if m.trajectory is not None and m.deviation is not None:
        out.append(
            f"Theo lộ trình, năm {latest.period} cần {_v(m.trajectory, unit, lang)}; chênh lệch {_pp(m.deviation, unit, lang)}."
            if vi else
            f"The path to {goal} by {m.by} called for {_v(m.trajectory, unit, lang)} in {latest.period}; the deviation is {_pp(m.deviation, unit, lang)}."
        )
    out.extend(_reached_sentence(m, unit, lang))
    return out


def _not_balance(a: Assessment) -> bool:
    """A declared balance is always read by its change; saying why would be noise."""
    return a.indicator.measure is not Measure.BALANCE


def _awaiting_level(a: Assessment, m: MilestoneResult, unit: str, lang: str, too: bool = False) -> list[str]:
    """A deadline behind us with no figure for it: nothing "from now on", only what the
    pace achieved says the deadline's figure would be (docs/methodology.md). ``too``: a
    later deadline after the first such one, whose latest figure is already said."""
    latest = a.latest
    assert latest is not None
    if too:
        out = [render(msg("narrative_awaiting_milestone_too", by=m.by, goal=_v(m.value, unit, lang)), lang)]
    else:
        out = [render(msg("narrative_awaiting_milestone", by=m.by, latest=_v(latest.value, unit, lang),
                          period=latest.period), lang)]
    if m.projected is not None:
        short = (m.projected < m.value) == a.indicator.increase
        out.append(render(msg("narrative_awaiting_short" if short else "narrative_awaiting_meets", by=m.by,
                              projected=_v(m.projected, unit, lang), goal=_v(m.value, unit, lang)), lang))
    if m.trajectory is not None and m.deviation is not None:
        vi = lang == "vi"
        out.append(
            f"Theo lộ trình đến {_v(m.value, unit, lang)} năm {m.by}, năm {latest.period} cần {_v(m.trajectory, unit, lang)}; chênh lệch {_pp(m.deviation, unit, lang)}."
            if vi else
            f"The path to {_v(m.value, unit, lang)} by {m.by} called for {_v(m.trajectory, unit, lang)} in {latest.period}; the deviation is {_pp(m.deviation, unit, lang)}."
        )
    return out


def _missed_sentence(m: MilestoneResult, unit: str, lang: str) -> str:
    """"The 2025 milestone of 15% was not achieved: 14%." (the year of the figure when it
    is not the deadline's own: a deadline year with no figure is judged on the next one)."""
    judged = m.judged_on
    goal = _v(m.value, unit, lang)
    got = _v(judged.value, unit, lang) if judged is not None else "–"
    when = f" ({judged.period})" if judged is not None and judged.period != m.by else ""
    if lang == "vi":
        return f"Không đạt mốc {m.by} ({goal}): thực tế {got}{when}."
    return f"The {m.by} milestone of {goal} was not achieved: {got}{when}."


def _reached_sentence(m: MilestoneResult, unit: str, lang: str) -> list[str]:
    """When the milestone was, or would be, reached: a projection says "would be"."""
    vi = lang == "vi"
    goal = _v(m.value, unit, lang)
    if m.reached_in is not None and not m.reached_is_projection:
        return [f"Mốc {goal} đạt muộn, vào năm {m.reached_in}." if vi
                else f"{goal} was reached late, in {m.reached_in}."]
    if m.reached_in is not None:
        return [f"Với tốc độ hiện nay, mốc {goal} sẽ đạt được vào năm {m.reached_in}." if vi
                else f"At the current pace {goal} would be reached in {m.reached_in}."]
    if m.never_reached:
        return [f"Với tốc độ hiện nay, không bao giờ đạt {goal}." if vi
                else f"At the current pace {goal} is never reached."]
    return []


def _every(a: Assessment, lang: str) -> list[str]:
    vi = lang == "vi"
    d = a.details
    bound = next(iter(d["bound"].values()))
    word = ("ít nhất" if "at_least" in d["bound"] else "nhiều nhất") if vi else ("at least" if "at_least" in d["bound"] else "at most")
    total = d["passed"] + d["failed"]
    if not total:
        return ["Chưa có số liệu trong giai đoạn." if vi else "No figure in the span yet."]
    out = [
        f"{d['passed']}/{total} kỳ đạt ({word} {_x(a, bound, lang)}), {d['from']}–{d['to']}."
        if vi else f"{d['passed']} of {total} periods passed ({word} {_x(a, bound, lang)}), {d['from']}–{d['to']}."
    ]
    if d["first_failure"]:
        failed = next(p for p in d["periods"] if p["period"] == d["first_failure"])
        out.append(f"Chuỗi bị phá vỡ năm {d['first_failure']} ({_x(a, failed['value'], lang)})." if vi
                   else f"The run broke in {d['first_failure']} ({_x(a, failed['value'], lang)}).")
        if d["streak"] == 1:
            again = d["periods"][-1]["period"]
            out.append(f"Kỳ {again} đạt trở lại." if vi else f"{again} passed again.")
        elif d["streak"]:
            since = d["periods"][-d["streak"]]["period"]
            out.append(f"Đạt trở lại {d['streak']} kỳ liên tiếp từ {since}." if vi
                       else f"Passed again {d['streak']} periods in a row since {since}.")
    if a.awaiting_figures:
        # Every period over with no figure, the gaps before the latest among them.
        out.append(render(msg("narrative_awaiting_periods", periods=", ".join(map(str, a.awaiting_figures))), lang))
    elif d.get("missing"):
        gaps = ", ".join(d["missing"])
        out.append(f"Không có số liệu: {gaps}." if vi else f"No figure for {gaps}.")
    if a.provisional is not None:
        p = a.provisional
        passes = d.get("provisional_passes")
        out.append(
            f"Số tạm tính {p.period}: {_x(a, p.value, lang)} ({'đạt' if passes else 'không đạt'} ngưỡng); chưa tính cho đến khi có số cả năm."
            if vi else
            f"Provisional reading {p.period}: {_x(a, p.value, lang)} ({'passes' if passes else 'does not pass'}); not counted until the full-year figure."
        )
    return out


def _rate(value: float, lang: str, decimals: int = 2) -> str:
    """A growth rate in per cent (10.37 -> "10.37%"), whatever the indicator's unit text."""
    return f"{number(value, lang, decimals)}%"


def _average(a: Assessment, lang: str) -> list[str]:
    vi = lang == "vi"
    d = a.details
    if d.get("average") is None:
        return ["Chưa có số liệu trong giai đoạn." if vi else "No figure in the span yet."]
    bound = next(iter(d["bound"].values()))
    at_least = "at_least" in d["bound"]
    word = ("ít nhất" if at_least else "nhiều nhất") if vi else ("at least" if at_least else "at most")
    # 9.998 against 10 must not read "10% (target 10%)": one more decimal when rounding hides a miss.
    places = 3 if number(d["average"], "en") == number(bound, "en") and d["average"] != bound else 2
    years = [p["period"] for p in d["periods"]]
    span = years[0] if len(years) == 1 else f"{years[0]}–{years[-1]}"
    out = [
        f"Bình quân {d['years_with_data']} năm có số liệu ({span}): {_rate(d['average'], lang, places)}/năm (mục tiêu: {word} {_rate(bound, lang)}/năm)."
        if vi else
        f"Average over the {d['years_with_data']} year{'s' if d['years_with_data'] > 1 else ''} with data ({span}): "
        f"{_rate(d['average'], lang, places)} a year (target: {word} {_rate(bound, lang)} a year)."
    ]
    if d.get("required_rate_remaining") is not None and a.awaiting_figures:
        have = {p["period"] for p in d["periods"]}
        first, last = int(d["from"][:4]), int(d["to"][:4])
        years = ", ".join(str(y) for y in range(first, last + 1) if str(y) not in have)
        out.append(render(msg("narrative_awaiting_average", start=d["from"], end=d["to"], years=years,
                              word=word, need=_rate(d["required_rate_remaining"], lang)), lang))
    elif d.get("required_rate_remaining") is not None:
        n = d["years_in_span"] - d["years_with_data"]
        need = _rate(d["required_rate_remaining"], lang)
        out.append(
            f"{n} năm còn lại cần bình quân {word} {need}/năm để bình quân {d['from']}–{d['to']} đạt mục tiêu."
            if vi else
            f"{f'The remaining {n} years need' if n > 1 else 'The remaining year needs'} {word} {need} a year for the {d['from']}–{d['to']} average to meet the target."
        )
    if a.provisional is not None:
        p = a.provisional
        out.append(f"Số tạm tính {p.period}: {_rate(p.value, lang)} (chưa tính vào bình quân)." if vi
                   else f"Provisional reading {p.period}: {_rate(p.value, lang)} (not in the average).")
    return out


def _average_undefined(a: Assessment, lang: str) -> list[str]:
    """A year of −100 % or worse: the figures are in, but no geometric mean exists
    (docs/methodology.md, "Average over a span"); the years that did it are named."""
    d = a.details
    values = {p["period"]: p["value"] for p in d["periods"]}
    years = ", ".join(f"{y} ({_rate(values[y], lang)})" for y in d["undefined_by"])
    periods = [p["period"] for p in d["periods"]]
    span = periods[0] if len(periods) == 1 else f"{periods[0]}–{periods[-1]}"
    return [render(msg("narrative_average_undefined", years=years, span=span), lang)]


def _cumulative(a: Assessment, lang: str) -> list[str]:
    vi = lang == "vi"
    d = a.details
    if "total" not in d:
        return ["Chưa có số liệu trong giai đoạn." if vi else "No figure in the span yet."]
    if d["total"] is None:
        return []  # the total overflowed: the reason's sentence says so
    share = d["share_of_target"]
    out = [
        f"Lũy kế {_x(a, d['total'], lang)}, bằng {number((share or 0) * 100, lang, 1)}% mục tiêu sau {number(d['share_of_time'] * 100, lang, 1)}% thời gian."
        if vi else
        f"{_x(a, d['total'], lang)} so far: {number((share or 0) * 100, lang, 1)}% of the target after {number(d['share_of_time'] * 100, lang, 1)}% of the time."
    ]
    if d.get("needed_per_remaining_period") and a.awaiting_figures:
        out.append(render(msg("narrative_awaiting_cumulative", start=d["from"], end=d["to"], latest=a.latest.period,
                              needed=_x(a, d["needed_per_remaining_period"], lang)), lang))
    elif d.get("needed_per_remaining_period"):
        n = d["periods_remaining"]
        out.append(f"Mỗi kỳ trong {n} kỳ còn lại cần {_x(a, d['needed_per_remaining_period'], lang)}." if vi
                   else f"Each of the {n} remaining period{'s' if n > 1 else ''} needs {_x(a, d['needed_per_remaining_period'], lang)}.")
    if a.provisional is not None:
        p = a.provisional
        out.append(f"Số tạm tính {p.period}: {_x(a, p.value, lang)} (chưa cộng vào lũy kế)." if vi
                   else f"Provisional reading {p.period}: {_x(a, p.value, lang)} (not in the total).")
    return out


def _against_last_year(a: Assessment, d: dict, period: str, lang: str) -> list[str]:
    """The "so với cùng kỳ" sentence: a per-cent change, or points for a growth rate."""
    vi = lang == "vi"
    if "same_period_last_year" not in d:
        return []
    unit = a.indicator.unit_in(lang)
    previous = _previous(period)
    was = _x(a, d["same_period_last_year"], lang)
    if "difference_on_same_period_last_year" in d:
        change = _pp(d["difference_on_same_period_last_year"], unit, lang)
    elif "change_on_same_period_last_year" in d:
        change = signed_percent(d["change_on_same_period_last_year"] / 100, lang)
    else:
        return []
    now = d.get("value", a.latest.value if a.latest is not None else None)
    if vi and now is not None:
        # "tăng từ … lên …" for a rise, "giảm từ … xuống …" for a fall.
        moved = _change_vi(was, _x(a, now, lang), now - d["same_period_last_year"])
        if "-" not in period:
            return [f"So với năm {previous}: {moved} ({change})."]
        return [f"So với cùng kỳ năm trước ({previous}): {moved} ({change})."]
    if "-" not in period:  # a whole year: against the year before
        return [f"So với năm {previous} ({was}): {change}." if vi else f"Against {previous} ({was}): {change}."]
    return [f"So với cùng kỳ ({previous}: {was}): {change}." if vi
            else f"Against the same period a year earlier ({previous}: {was}): {change}."]


def _previous(period: str) -> str:
    year, _, rest = period.partition("-")
    return f"{int(year) - 1}" + (f"-{rest}" if rest else "")


def _plan(a: Assessment, lang: str) -> list[str]:
    vi = lang == "vi"
    d = a.details
    unit = a.indicator.unit_in(lang)
    got = _x(a, a.latest.value if a.latest else None, lang)
    if "percent_of_plan" in d and d["percent_of_plan"] is None:
        # A growth rate: met or missed by percentage points.
        pp = _pp(d["difference"], unit, lang)
        out = [f"Năm {d['period']}: {got}, so với kế hoạch {_x(a, d['plan'], lang)}: {pp}." if vi
               else f"{d['period']}: {got} against a plan of {_x(a, d['plan'], lang)}: {pp}."]
        return out + _against_last_year(a, d, d["period"], lang)
    if "percent_of_plan" in d:
        pct = number(d["percent_of_plan"], lang, 1)
        # "đạt 105% kế hoạch", "bằng 49% kế hoạch": a result below plan is "equal to" X %.
        verb = "đạt" if a.status.value == "target_achieved" else "bằng"
        out = [f"Năm {d['period']}: {got}, {verb} {pct}% kế hoạch ({_x(a, d['plan'], lang)})."
               if vi else
               f"{d['period']}: {got}, {pct}% of the plan ({_x(a, d['plan'], lang)})."]
        return out + _against_last_year(a, d, d["period"], lang)
    ytd = d.get("year_to_date")
    over = [render(msg("narrative_awaiting_plan", period=d["period"]), lang)] if a.awaiting_figures else []
    if not ytd:
        return over + ["Chưa có số liệu." if vi else "No figure yet."]
    if "percent_of_plan" in ytd:
        share = number(ytd["percent_of_plan"], lang, 1)
        time = number(ytd["share_of_time"] * 100, lang, 1)
        out = [f"{ytd['period']}: {_x(a, ytd['value'], lang)}, bằng {share}% kế hoạch năm sau {time}% thời gian."
               if vi else
               f"{ytd['period']}: {_x(a, ytd['value'], lang)}, {share}% of the annual plan after {time}% of the year."]
    else:
        plan = _x(a, d["plan"], lang)
        diff = f": {_pp(ytd['difference'], unit, lang)}" if "difference" in ytd else ""
        out = [f"{ytd['period']}: {_x(a, ytd['value'], lang)} ({'kế hoạch' if vi else 'plan'} {plan}){diff}."]
    return over + out + _against_last_year(a, ytd, ytd["period"], lang)
