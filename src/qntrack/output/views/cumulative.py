"""How a cumulative target is said and drawn. Pure: no Rich."""

from __future__ import annotations

from typing import Sequence

from ...catalog import msg, render
from ...kinds.cumulative import CumulativeResult
from ...method.assessment import Assessment
from ...plan.model import Observation
from ..charts import COLOURS, DASHED, DOTTED, SOLID, Chart, _bound, _Plot, _value, _w
from ..i18n import label, number, value_with_unit
from ..narrative import _s, _x
from .span import SpanView

__all__ = ["VIEW"]


class CumulativeView(SpanView):
    name = "cumulative"
    definition_key = "def_cumulative"

    def sentences(self, a: Assessment, lang: str) -> list[str]:
        return _sentences(a, lang)

    def chart(self, a: Assessment, rows: Sequence[Observation], lang: str) -> Chart | None:
        return _chart(a, lang)

    def key_figures(self, a: Assessment, lang: str) -> list[tuple[str, str]] | None:
        from ..report_view import _percent, _t

        head = self.span_line(a, lang)
        d = a.result
        if head is None or not isinstance(d, CumulativeResult):
            return []
        span, sign, value = head
        unit = a.indicator.unit_in(lang)
        out = [span, (_t("target_total", lang), f"{sign} {value}")]
        f = d.figures
        if f is not None:
            out.append((_t("total", lang), value_with_unit(f.total, unit, lang)))
            out.append((_t("share_of_target", lang), _percent(f.share_of_target, lang)))
            out.append((_t("share_of_time", lang), _percent(f.share_of_time, lang)))
            if f.needed_per_remaining_period:
                out.append(
                    (
                        label("needed_per_period_without_figure", lang)
                        if a.awaiting_figures
                        else _t("needed_per_period", lang),
                        value_with_unit(f.needed_per_remaining_period, unit, lang),
                    )
                )
        return out

    def show_figures(self, a: Assessment, lang: str) -> list[tuple[str, str]]:
        d = a.result
        if not isinstance(d, CumulativeResult) or d.figures is None:
            return []
        f = d.figures
        unit = a.indicator.unit_in(lang)
        rows = [(label("kf_total_so_far", lang), value_with_unit(f.total, unit, lang))]
        if f.share_of_target is not None:
            rows.append((label("kf_share_of_target", lang), f"{number(f.share_of_target * 100, lang, 1)}%"))
        rows.append((label("kf_share_of_time", lang), f"{number(f.share_of_time * 100, lang, 1)}%"))
        if f.needed_per_remaining_period:
            rows.append(
                (
                    label("needed_per_period_without_figure", lang)
                    if a.awaiting_figures
                    else label("kf_needed_per_remaining_period", lang),
                    value_with_unit(f.needed_per_remaining_period, unit, lang),
                )
            )
        return rows


VIEW = CumulativeView()


def _sentences(a: Assessment, lang: str) -> list[str]:
    d = a.result
    if not isinstance(d, CumulativeResult) or d.figures is None:
        return [_s("no_figure_in_span", lang)]
    f = d.figures
    if f.total is None:
        return []  # the total overflowed: the reason's sentence says so
    out = [
        _s(
            "cumulative",
            lang,
            total=_x(a, f.total, lang),
            share=number((f.share_of_target or 0) * 100, lang, 1),
            time=number(f.share_of_time * 100, lang, 1),
        )
    ]
    if f.needed_per_remaining_period and a.awaiting_figures and a.latest is not None:
        out.append(
            render(
                msg(
                    "narrative_awaiting_cumulative",
                    start=d.start,
                    end=d.end,
                    latest=a.latest.period,
                    needed=_x(a, f.needed_per_remaining_period, lang),
                ),
                lang,
            )
        )
    elif f.needed_per_remaining_period:
        n = f.periods_remaining
        out.append(
            _s(
                "cumulative_each_many" if n > 1 else "cumulative_each_one",
                lang,
                n=n,
                needed=_x(a, f.needed_per_remaining_period, lang),
            )
        )
    if a.provisional is not None:
        p = a.provisional
        out.append(_s("cumulative_provisional", lang, period=p.period, value=_x(a, p.value, lang)))
    return out


def _chart(a: Assessment, lang: str) -> Chart | None:
    d = a.result
    if not isinstance(d, CumulativeResult):
        return None  # no figures of the kind (an assessment that overflowed)
    if not d.periods:
        return None
    _, bound = _bound(d.bound)
    unit = a.indicator.unit_in(lang)
    start, end = d.start, d.end
    origin = start.end - start.months / 12
    plot = _Plot()
    total = 0.0
    running = [(origin, 0.0)]
    for p in d.periods:
        total += p.value
        running.append((p.period.end, total))
    plot.add(_w("running_total", lang), running, COLOURS["actual"], stroke_style=SOLID)
    data_points = len(d.periods)
    plot.add(
        _w("target_total", lang, value=_value(bound, unit, lang)),
        [(origin, bound), (end.end, bound)],
        COLOURS["bound"],
        stroke_style=DASHED,
        show_dots=False,
    )
    plot.add(
        _w("even_pace", lang),
        [(origin, 0.0), (end.end, bound)],
        COLOURS["average"],
        stroke_style=DOTTED,
        show_dots=False,
    )
    return plot.render(a.target.id, lang, data_points=data_points)
