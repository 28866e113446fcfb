"""Plain sentences that say what an assessment means, in English or Vietnamese. Pure."""

from __future__ import annotations

from .assessment import Assessment
from .i18n import number, signed_percent, value_with_unit

__all__ = ["explain"]


def _v(value: float | None, unit: str, lang: str) -> str:
    return value_with_unit(value, unit, lang)


def _pp(value: float, unit: str, lang: str) -> str:
    """A difference in the indicator's unit: percentage points for a share."""
    sign = "+" if value > 0 else ""
    if unit.startswith("%"):
        return f"{sign}{number(value, lang)} {'điểm %' if lang == 'vi' else 'pp'}"
    return f"{sign}{number(value, lang)}" + (f" {unit}" if unit else "")


def explain(a: Assessment, lang: str) -> list[str]:
    kind = a.target.kind
    if kind == "level":
        return _level(a, lang)
    if kind == "every_period":
        return _every(a, lang)
    if kind == "average":
        return _average(a, lang)
    if kind == "cumulative":
        return _cumulative(a, lang)
    return _plan(a, lang)


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
            f"Giai đoạn {span}: từ {_v(base.value, unit, lang)} lên {_v(latest.value, unit, lang)}, bình quân {signed_percent(a.achieved_rate, lang)}/năm."
            if vi else
            f"From {_v(base.value, unit, lang)} in {base.period} to {_v(latest.value, unit, lang)} in {latest.period}: {signed_percent(a.achieved_rate, lang)} a year."
        )
    m = a.next_milestone
    if m is None:
        return out
    goal = _v(m.value, unit, lang)
    if m.status.value == "target_achieved":
        out.append(f"Đã đạt mốc {goal} ({m.by})." if vi else f"The {m.by} milestone of {goal} is achieved.")
        return out
    if m.due:
        judged = m.judged_on or latest
        out.append(
            f"Không đạt mốc {goal} năm {m.by}: thực tế {_v(judged.value, unit, lang)} ({judged.period})."
            if vi else f"Missed the {m.by} milestone of {goal}: {_v(judged.value, unit, lang)} in {judged.period}."
        )
        return out
    if m.projected is not None and a.achieved_rate is not None:
        short = (m.projected < m.value) == a.indicator.increase
        verdict_en = f"short of {goal}" if short else f"reaching {goal}"
        verdict_vi = f"chưa đạt {goal}" if short else f"đạt {goal}"
        needed = m.required_rate_from_latest
        tail_en = f"; from now on it needs {signed_percent(needed, lang)} a year" if needed is not None and short else ""
        tail_vi = f"; từ nay cần {signed_percent(needed, lang)}/năm" if needed is not None and short else ""
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
    if m.reached_in is not None:
        out.append(f"Với tốc độ hiện nay, mốc {goal} đạt được vào năm {m.reached_in}." if vi
                   else f"At the current pace {goal} is reached in {m.reached_in}.")
    elif m.never_reached:
        out.append(f"Với tốc độ hiện nay, không bao giờ đạt {goal}." if vi
                   else f"At the current pace {goal} is never reached.")
    return out


def _every(a: Assessment, lang: str) -> list[str]:
    vi = lang == "vi"
    d = a.details
    unit = a.indicator.unit_in(lang)
    bound = next(iter(d["bound"].values()))
    word = ("ít nhất" if "at_least" in d["bound"] else "nhiều nhất") if vi else ("at least" if "at_least" in d["bound"] else "at most")
    total = d["passed"] + d["failed"]
    if not total:
        return ["Chưa có số liệu trong giai đoạn." if vi else "No figure in the span yet."]
    out = [
        f"{d['passed']}/{total} kỳ đạt ({word} {_v(bound, unit, lang)}), {d['from']}–{d['to']}."
        if vi else f"{d['passed']} of {total} periods passed ({word} {_v(bound, unit, lang)}), {d['from']}–{d['to']}."
    ]
    if d["first_failure"]:
        failed = next(p for p in d["periods"] if p["period"] == d["first_failure"])
        out.append(f"Chuỗi bị phá vỡ năm {d['first_failure']} ({_v(failed['value'], unit, lang)})." if vi
                   else f"The run broke in {d['first_failure']} ({_v(failed['value'], unit, lang)}).")
    if a.provisional is not None:
        p = a.provisional
        out.append(f"Số tạm tính {p.period}: {_v(p.value, unit, lang)}." if vi
                   else f"Provisional reading {p.period}: {_v(p.value, unit, lang)}.")
    return out


def _average(a: Assessment, lang: str) -> list[str]:
    vi = lang == "vi"
    d = a.details
    unit = a.indicator.unit_in(lang)
    if d.get("average") is None:
        return ["Chưa có số liệu trong giai đoạn." if vi else "No figure in the span yet."]
    bound = next(iter(d["bound"].values()))
    out = [
        f"Bình quân {d['years_with_data']} năm có số liệu: {_v(d['average'], unit, lang)}/năm (mục tiêu {_v(bound, unit, lang)})."
        if vi else
        f"Average over the {d['years_with_data']} years with data: {_v(d['average'], unit, lang)} a year (target {_v(bound, unit, lang)})."
    ]
    if d.get("required_rate_remaining") is not None:
        out.append(f"Các năm còn lại cần {_v(d['required_rate_remaining'], unit, lang)}/năm." if vi
                   else f"The remaining years need {_v(d['required_rate_remaining'], unit, lang)} a year.")
    return out


def _cumulative(a: Assessment, lang: str) -> list[str]:
    vi = lang == "vi"
    d = a.details
    unit = a.indicator.unit_in(lang)
    if "total" not in d:
        return ["Chưa có số liệu trong giai đoạn." if vi else "No figure in the span yet."]
    share = d["share_of_target"]
    out = [
        f"Lũy kế {_v(d['total'], unit, lang)}, bằng {number((share or 0) * 100, lang, 1)}% mục tiêu sau {number(d['share_of_time'] * 100, lang, 1)}% thời gian."
        if vi else
        f"{_v(d['total'], unit, lang)} so far: {number((share or 0) * 100, lang, 1)}% of the target after {number(d['share_of_time'] * 100, lang, 1)}% of the time."
    ]
    if d.get("needed_per_remaining_period"):
        out.append(f"Mỗi kỳ còn lại cần {_v(d['needed_per_remaining_period'], unit, lang)}." if vi
                   else f"Each remaining period needs {_v(d['needed_per_remaining_period'], unit, lang)}.")
    return out


def _plan(a: Assessment, lang: str) -> list[str]:
    vi = lang == "vi"
    d = a.details
    unit = a.indicator.unit_in(lang)
    if "percent_of_plan" in d and d["percent_of_plan"] is None:
        diff = d["difference"]
        sign = "+" if diff > 0 else ""
        pp = f"{sign}{number(diff, lang)} {'điểm %' if vi else 'pp'}"
        got = _v(a.latest.value if a.latest else None, unit, lang)
        return [f"Năm {d['period']}: {got}, so với kế hoạch {_v(d['plan'], unit, lang)}: {pp}." if vi
                else f"{d['period']}: {got} against a plan of {_v(d['plan'], unit, lang)}: {pp}."]
    if "percent_of_plan" in d:
        pct = number(d["percent_of_plan"], lang, 1)
        return [f"Năm {d['period']}: {_v(a.latest.value if a.latest else None, unit, lang)}, đạt {pct}% kế hoạch ({_v(d['plan'], unit, lang)})."
                if vi else
                f"{d['period']}: {_v(a.latest.value if a.latest else None, unit, lang)}, {pct}% of the plan ({_v(d['plan'], unit, lang)})."]
    ytd = d.get("year_to_date")
    if not ytd:
        return ["Chưa có số liệu." if vi else "No figure yet."]
    out = [f"{ytd['period']}: {_v(ytd['value'], unit, lang)}" + (
        f", bằng {number(ytd['percent_of_plan'], lang, 1)}% kế hoạch năm." if vi else f", {number(ytd['percent_of_plan'], lang, 1)}% of the annual plan."
    ) if "percent_of_plan" in ytd else f"{ytd['period']}: {_v(ytd['value'], unit, lang)} ({'kế hoạch' if vi else 'plan'} {_v(d['plan'], unit, lang)})."]
    if "change_on_same_period_last_year" in ytd:
        out.append(f"So với cùng kỳ: {signed_percent(ytd['change_on_same_period_last_year'] / 100, lang)}." if vi
                   else f"Against the same period last year: {signed_percent(ytd['change_on_same_period_last_year'] / 100, lang)}.")
    return out
