"""The Excel report's level-target charts (issue 15): for each level target with a figure,
a native line chart of its full-year figures against the path to each milestone, drawn
from a block of cells beside it (year, figure, path, milestones) that an officer can
read, correct or extend. What is drawn is what the HTML chart draws (views/level.py):
full-year figures from five years before the baseline, the path from the baseline at
the milestone's required annual rate, and the milestones. Pure: no I/O.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Sequence

from .charts import COLOURS, alt_text, chart_word, object_name, value_label
from .report_view import _name

if TYPE_CHECKING:
    from ..method.assessment import Assessment
    from ..plan.model import Observation
    from .report import ReportData
    from .report_xlsx_book import _Book

__all__ = ["level_charts", "chart_columns", "named_chart"]


def named_chart(book: _Book, options: dict[str, Any], title: str) -> Any:
    """A chart named by its title: Excel's selection pane, and the list of objects a screen
    reader offers, show an embedded chart's name, which XlsxWriter otherwise makes
    "Chart 1", "Chart 2"… in every language (add_chart's `name` option)."""
    return book.wb.add_chart({**options, "name": object_name(title)})  # as the Word report's pictures


# Rows a chart takes on the sheet (its height, 300 px, is 15 rows of 20 px) and the gap after.
_CHART_ROWS = 16


def chart_columns(a: Assessment, rows: Sequence[Observation], lang: str) -> tuple[list[str], list[list[float | None]]]:
    """The chart's cells: the series' names and, one row per year, the year and each
    series' value (None where it has none). The figures first, then one path per milestone
    with a required rate (the trajectory, docs/methodology.md 1.2), then the milestones."""
    from ..kinds.span import years_of

    base = a.baseline
    first = base.period.year - 5 if base is not None else None
    # An amount's year recorded in parts as their sum, as it is judged and as the report's
    # chart draws it (views.level): 2022 in four quarters, 1,200.75, was missing here.
    annual = years_of(rows) if a.indicator.adds_up else [o for o in rows if o.period.is_year]
    figures = {o.period.year: o.value for o in annual if first is None or o.period.year >= first}
    names = [chart_word("actual", lang)]
    columns: list[dict[int, float]] = [figures]
    unit = a.indicator.unit_in(lang)
    if base is not None and base.value is not None:
        from .views.level import path_points

        for m in a.milestones:
            path = path_points(m, base.value, base.period.year)
            if not path:
                continue
            names.append(chart_word("path", lang, value=value_label(m.value, unit, lang), by=m.by))
            # To 12 significant digits, as P is read (methodology.md, "Figures on an edge"):
            # the path ends on its milestone, 30, not the floats' 30.00000000000002 that a
            # formula comparing the cells would read (fortieth session).
            columns.append({int(y): float(f"{v:.12g}") for y, v in path})
    names.append(chart_word("milestones", lang))
    columns.append({m.by.year: m.value for m in a.milestones})
    years = sorted(set().union(*columns))
    return names, [[float(y), *(c.get(y) for c in columns)] for y in years]


def level_charts(book: _Book, data: ReportData, title: str, year: str) -> None:
    """A sheet of the level targets' charts, each with its cells at the left; no sheet
    when no level target has a full-year figure to draw."""
    lang = book.lang
    drawn = []
    for a in data.assessments:
        if a.target.kind != "level":
            continue
        rows = data.series.get(a.target.series_key, [])
        names, table = chart_columns(a, rows, lang)
        if not any(r[1] is not None for r in table):
            continue  # no full-year figure: nothing to set against the path
        drawn.append((a, names, table))
    if not drawn:
        return
    from .report_xlsx_book import cell_text
    from .report_xlsx_print import print_setup

    ws = book.sheet(title)
    sheet = ws.get_name()
    top = 0
    widest = len(year)
    # Every chart starts in the same column, right of the widest block of cells.
    chart_col = max(len(names) for _, names, _ in drawn) + 2
    for n, (a, names, table) in enumerate(drawn, start=1):
        paths = len(names) > 2  # the figures, a path or more, the milestones
        # The block's heading is the chart's title, and the chart takes its title from that
        # cell: XlsxWriter reads a title text like "Top!KH2025: figures" as a reference to
        # cell KH2025 of a sheet "Top" (its _process_names), which a cell's never is.
        title = cell_text(_chart_title(a, lang, paths), lang)
        ws.write_string(top, 0, title, book.fmt(bold=True))
        ws.set_row(top + 1, 30)  # two lines: a path's name is long
        places = _path_places(a)
        # A year's figure that revised one is shown where the two differ, as every table
        # writes it: 1.0049 revising 1.005 was "1.005" here (forty-fourth session, pass A).
        from .report_xlsx_book import cell_decimals
        from .revision_marks import revised_places

        revised = data.revised.get(a.target.series_key)
        years = {o.period.year: o for o in data.series.get(a.target.series_key, []) if o.period.is_year}
        for i, row in enumerate(table, start=top + 2):
            ws.write_number(i, 0, row[0], book.fmt(num_format="0"))
            for col, value in enumerate(row[1:], start=1):
                if value is None:
                    continue
                if 1 < col < len(names):  # a path: at the decimals the reports write it with
                    ws.write_number(i, col, value, book.number(value, _shown_places(value, places[col - 2])))
                elif col == 1 and revised and (o := years.get(int(row[0] or 0))) is not None:
                    ws.write_number(i, col, value, book.number(value, revised_places(o, revised, cell_decimals(value))))
                else:
                    ws.write_number(i, col, value, book.number(value))
        first, last = top + 2, top + 1 + len(table)
        unit = a.indicator.unit_in(lang)
        if unit:
            # Under the block, its unit, which the value axis takes its title from: a unit
            # typed into the chart, "Top!A1", would be read by XlsxWriter as a reference to
            # cell A1 of a sheet "Top", as a title is (above); a cell's is always its text.
            from .i18n import label

            ws.write_string(last + 1, 0, label("unit", lang))
            ws.write_string(last + 1, 1, cell_text(unit, lang))
        widest = max([widest, *(min(len(name), 18) for name in names)])
        # A defined table, its header row the block's own: Excel's screen-reader support
        # finds a sheet's tables by one (or an autofilter, which a sheet has only once).
        headers = _unique([year, *names])
        ws.add_table(
            top + 1,
            0,
            last,
            len(names),
            {
                "name": f"chart_data_{n}",
                "style": "Table Style Light 1",
                "autofilter": False,
                "columns": [{"header": h, "header_format": book.header} for h in headers],
            },
        )
        chart = named_chart(book, {"type": "line"}, title)
        colours = [COLOURS["actual"]] + [COLOURS["path" if i % 2 == 0 else "path2"] for i in range(len(names) - 2)]
        for col in range(1, len(names) + 1):
            series: dict[str, Any] = {
                "name": [sheet, top + 1, col],
                "categories": [sheet, first, 0, last, 0],
                "values": [sheet, first, col, last, col],
            }
            if col == 1:  # the figures: a solid line with dots
                series |= {
                    "line": {"color": colours[0], "width": 2.25},
                    "marker": {"type": "circle", "size": 5, "fill": {"color": colours[0]}, "border": {"none": True}},
                }
            elif col < len(names):  # a path: dashed, no dots
                # the second milestone's path dash-dotted, as the report's charts draw it: its brown
                # and the first's orange print the same grey
                dash = "dash" if col % 2 == 0 else "dash_dot"
                series |= {"line": {"color": colours[col - 1], "dash_type": dash}, "marker": {"type": "none"}}
            else:  # the milestones: dots alone
                series |= {
                    "line": {"none": True},
                    "marker": {"type": "diamond", "size": 8, "fill": {"color": COLOURS["milestone"]}},
                }
            chart.add_series(series)
        # A year with no figure is stepped over, so the line joins the figures there are.
        chart.show_blanks_as("span")
        chart.set_title({"name": [sheet, top, 0], "name_font": {"size": 11}})
        chart.set_y_axis({**({"name": [sheet, last + 1, 1]} if unit else {}), "major_gridlines": {"visible": True}})
        chart.set_legend({"position": "bottom"})
        chart.set_size({"width": 640, "height": 300})
        about = alt_text(title, names, (), lang, "cells", unit)
        ws.insert_chart(top, chart_col, chart, {"description": about})
        top += max(len(table) + (4 if unit else 3), _CHART_ROWS)
    print_setup(ws)
    ws.set_column(0, 0, 8)
    ws.set_column(1, 8, widest + 2)


def _path_places(a: Assessment) -> list[int]:
    """The decimals of each path ``chart_columns`` draws, in its order: those the reports
    write the path and its deviation with (views.level.path_places), three where the
    baseline or the milestone was typed with three. "#,##0.00" showed a path of 13.8756
    from 12.345 as 13.88 where the reports, `show` and the Word report write 13.876
    (fortieth session, helper W)."""
    from .views.level import path_places, path_points

    base = a.baseline
    if base is None or base.value is None:
        return []
    return [path_places(a, m) for m in a.milestones if path_points(m, base.value, base.period.year)]


def _shown_places(value: float, places: int) -> int:
    """The decimals of ``value`` as i18n.number writes it at ``places``, trailing zeros
    dropped as there: the path's end on its milestone of 15 is "15", never "15.000"."""
    from .i18n import number

    text = number(value, "en", places)
    return 0 if "e" in text else len(text.partition(".")[2])


def _unique(headers: Sequence[str]) -> list[str]:
    """A table's column names, each once (Excel repairs a file whose table repeats one):
    two paths to the same value by the same date would."""
    seen: dict[str, int] = {}
    out = []
    for h in headers:
        seen[h] = seen.get(h, 0) + 1
        out.append(h if seen[h] == 1 else f"{h} ({seen[h]})")
    return out


def _chart_title(a: Assessment, lang: str, paths: bool) -> str:
    """ "…: figures against the path", or "…: figures" where no path is drawn."""
    from .report_xlsx_book import word

    return word("level_chart" if paths else "level_chart_figures", lang, name=_name(a, lang))
