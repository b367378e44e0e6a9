"""Grid charts: cells in two categorical dimensions, filled, shaded or marked.

Each builder takes :class:`~report_lib.present.labels.Labels` and returns ``(chart, table)``:
the chart without a title (:meth:`report_lib.page.page.Chapter.show` sets it) and the
labelled table behind it, written as the chart's CSV. Each grid is as wide as its column
(:mod:`report_lib.present.charts.fit`): its cells shrink, and on a narrow column the names in
them wrap into shorter lines (:func:`cell_text`) and the labels of its axes wrap or stand upright.
"""

from __future__ import annotations

import textwrap

import altair as alt
import pandas as pd

from report_lib.analysis.evaluation import GRADES, maturity_effect_tier
from report_lib.analysis.segments import MARKET, bank_types
from report_lib.present import theme
from report_lib.present.charts.common import order_of
from report_lib.present.charts.fit import IS_NARROW, WRAPS, fit_column, label_axis, wrap_lines
from report_lib.present.labels import Labels, aside, figure_name, n_text, shown, tier_name


NAME_THEN_ASIDE = ("indexof(datum.label, '（') > 0 ? [slice(datum.label, 0, indexof(datum.label, '（')), "
                   "slice(datum.label, indexof(datum.label, '（'))] : "
                   "[split(datum.label, ' (')[0], '(' + split(datum.label, ' (')[1]]")
"""A Vega label expression: a name and its bracketed aside (``国有大行（n=…）``, ``State-owned (n=…)``) on two lines."""


def _tier_names(label: Labels) -> str:
    """A Vega expression naming the tiers 1, 2, 3 on the legend (``一级`` … in Chinese)."""
    return "".join(f"datum.value == {t} ? '{tier_name(label, t)}' : " for t in (1, 2)) + f"'{tier_name(label, 3)}'"


CELL_UNITS = 16
"""Line length of a name inside a grid cell on a narrow column (Latin letters; a Chinese character counts two)."""
CELL_FONT = {"fontSize": alt.ExprRef(f"{IS_NARROW} ? 9 : 10.5"), "lineHeight": alt.ExprRef(f"{IS_NARROW} ? 10.5 : 13")}
"""Font of the names in a grid cell: a little smaller on a narrow column."""
UPRIGHT = alt.ExprRef(f"{IS_NARROW} ? -90 : -40")
"""Angle of the slanted top labels of a grid: upright on a narrow column, where a slant would run past the chart."""


def cell_text(chart: alt.Chart, wide: str, narrow: str, rows: int) -> alt.Chart:
    """Text marks of names in grid cells: field ``wide`` on a wide column, ``narrow`` on a narrow one (as ``shown``),
    from the top of their cell down (a grid of ``rows`` rows), so that a long list stays inside its cell."""
    return chart.transform_calculate(shown=f"{IS_NARROW} ? datum['{narrow}'] : datum['{wide}']").mark_text(
        lineBreak="\n", align="center", baseline="top", dy=alt.ExprRef(f"6 - height / {rows} / 2"), **CELL_FONT)


def narrow_cell(names) -> str:
    """Names, one or more per cell, each wrapped into lines of :data:`CELL_UNITS`, all joined by newlines."""
    return "\n".join(line for name in names for line in wrap_lines(name, CELL_UNITS))


def strategy_matrix(placements: pd.DataFrame, label: Labels) -> tuple[alt.LayerChart, pd.DataFrame]:
    """The lifecycle stage x channel grid with the tools placed in it, stated ones marked ``*``.

    ``placements`` has one row per tool and cell: ``stage``, ``channel``, ``tool`` (name)
    and ``basis`` (``stated`` or ``inferred``); empty cells are drawn too.
    """
    stage, channel, tools = label("axis.lifecycle_stage"), label("axis.channel"), label("column.tools")
    stages = [label(f"stage.{s}") for s in ("acquisition", "value_growth", "retention")]
    channels = [label(f"channel.{c}") for c in ("online", "offline", "channel_linkage")]
    named = placements.assign(short=[f"{t}{' *' if b == 'stated' else ''}"
                                     for t, b in zip(placements["tool"], placements["basis"])])
    named["name"] = named["short"].map(lambda n: textwrap.fill(n, 26))
    cells = pd.DataFrame([(s, c) for s in stages for c in channels], columns=[stage, channel])
    grouped = named.groupby(["stage", "channel"])["name"].agg(list)
    short = named.groupby(["stage", "channel"])["short"].agg(list)
    cells[tools] = [grouped.get((s, c), []) for s, c in zip(cells[stage], cells[channel])]
    narrow = [narrow_cell(short.get((s, c), [])) for s, c in zip(cells[stage], cells[channel])]
    cells[label("column.count")] = cells[tools].map(len)
    x = alt.X(f"{stage}:N", sort=stages, axis=alt.Axis(orient="top", labelAngle=0, title=None))
    y_axis, wraps = label_axis(channels, limit=140, narrow_limit=90, units=12, title=None)
    y = alt.Y(f"{channel}:N", sort=channels, axis=y_axis)
    grid = alt.Chart(cells).encode(x=x, y=y).mark_rect(stroke=theme.CELL_STROKE, strokeWidth=3).encode(
        color=alt.Color(f"{label('column.count')}:Q", legend=None,
                        scale=alt.Scale(domain=[0, 4], range=[theme.CELL_EMPTY, theme.CELL_FULL])),
        tooltip=[stage, channel, tools])
    drawn = cells.assign(**{tools: cells[tools].map("\n".join), "narrow": narrow})
    text = cell_text(alt.Chart(drawn), tools, "narrow", len(channels)).encode(x=x, y=y, text=alt.Text("shown:N"))
    chart = fit_column(grid + text, theme.WIDTH, wraps, height=330)
    return chart, cells.assign(**{tools: cells[tools].map(label("join.separator").join)})


def tier_grid(grades: pd.DataFrame, label: Labels) -> tuple[alt.LayerChart, pd.DataFrame]:
    """The maturity x application-effect 3x3 grid, shaded by tier, with each tool in its cell.

    ``grades`` has one row per tool: ``tool`` (name), ``maturity``, ``effect`` (grades),
    ``tier`` (the tier its grades give) and ``published_tier``; a tool whose cell
    disagrees with its published tier is marked with the published tier it was given.
    """
    maturity, effect, tier = label("axis.maturity"), label("axis.effect"), label("column.tier")
    names = [label(f"grade.{g}") for g in GRADES]
    cells = pd.DataFrame([(label(f"grade.{m}"), label(f"grade.{e}"), maturity_effect_tier(m, e))
                          for m in GRADES for e in GRADES], columns=[maturity, effect, tier])
    placed = grades.assign(**{maturity: grades["maturity"].map(lambda g: label(f"grade.{g}")),
                              effect: grades["effect"].map(lambda g: label(f"grade.{g}"))})
    placed[label("column.agrees")] = placed["tier"] == placed["published_tier"]
    placed["shown"] = [t if ok else aside(label, t, label("column.published_tier") + label("footer.colon")
                                          + tier_name(label, p))
                       for t, ok, p in zip(placed["tool"], placed[label("column.agrees")], placed["published_tier"])]
    stacked = placed.groupby([maturity, effect])["shown"].agg(
        lambda names: "\n".join(textwrap.fill(n, 30) for n in names)).reset_index().rename(columns={"shown": "tool"})
    stacked["narrow"] = placed.groupby([maturity, effect])["shown"].agg(narrow_cell).to_numpy()
    x = alt.X(f"{maturity}:N", sort=names, axis=alt.Axis(labelAngle=0))
    y = alt.Y(f"{effect}:N", sort=list(reversed(names)))
    grid = alt.Chart(cells).mark_rect(stroke=theme.CELL_STROKE, strokeWidth=3).encode(
        x=x, y=y, color=alt.Color(f"{tier}:O", scale=alt.Scale(domain=[1, 2, 3], range=theme.TIER_RANGE),
                                  legend=alt.Legend(title=tier, labelExpr=_tier_names(label))),
        tooltip=[maturity, effect, tier])
    tools = label("column.tools")
    text = cell_text(alt.Chart(stacked.rename(columns={"tool": tools})), tools, "narrow", len(GRADES)).encode(
        x=x, y=y, text="shown:N")
    chart = fit_column(grid + text, theme.WIDTH - 40, height=360)
    placed = placed.assign(tier=placed["tier"].map(lambda t: tier_name(label, t)),
                           published_tier=placed["published_tier"].map(lambda t: tier_name(label, t)))
    table = placed[["tool", maturity, effect, "tier", "published_tier", label("column.agrees")]].rename(
        columns={"tool": tools, "tier": tier, "published_tier": label("column.published_tier")})
    return chart, table


def segment_heatmap(wide: pd.DataFrame, label: Labels) -> tuple[alt.LayerChart, pd.DataFrame]:
    """The figures the source splits by bank type, one row each, one column per bank type and all banks.

    ``wide`` is the output of :func:`report_lib.analysis.segment_comparison.split_figures`. Each cell
    shows the printed value with its qualifier; colour encodes the value (percent rows
    only share one scale, other units are drawn uncoloured); empty cells are figures the
    source does not give.
    """
    segments = [*bank_types(label.dataset), MARKET]
    name, who, value, printed = label("column.figure"), label("axis.segment"), label.unit("percent"), label("column.value")
    records = []
    for row in wide.to_dict("records"):
        for seg in segments:
            records.append({
                name: figure_name(label, row["subject"], row["category"]),
                who: aside(label, label.segment(seg), n_text(label, seg)),
                value: row[seg] if row["unit"] == "percent" else None,
                printed: shown(label, row[f"{seg}_shown"], row["unit"]),
            })
    data = pd.DataFrame(records)
    y_axis, wraps = label_axis(data[name], limit=210, title=None)
    for column in order_of(data[who]):  # a bank type's name over lines of its own on a narrow column, its n below
        cut = column.find("（") if "（" in column else column.find(" (")
        kind, n = (column[:cut], column[cut:].strip()) if cut > 0 else (column, "")
        wraps[column] = [*wrap_lines(kind, 10), *([n] if n else [])]
    x = alt.X(f"{who}:N", sort=order_of(data[who]), axis=alt.Axis(
        orient="top", labelAngle=0, title=None, labelLimit=160, labelFontSize=11,
        labelExpr=f"{IS_NARROW} ? {WRAPS}[datum.label] : {NAME_THEN_ASIDE}"))
    y = alt.Y(f"{name}:N", sort=order_of(data[name]), axis=y_axis)
    base = alt.Chart(data).encode(x=x, y=y, tooltip=[name, who, printed])
    cells = base.mark_rect(stroke=theme.CELL_GAP).encode(color=alt.Color(
        f"{value}:Q", scale=alt.Scale(scheme=theme.HEAT_SCHEME, domain=[0, 100]), legend=alt.Legend(orient="bottom")))
    text = base.mark_text().encode(text=f"{printed}:N", color=alt.condition(
        f"datum['{value}'] > 70", alt.value(theme.TEXT_ON_DARK), alt.value(theme.TEXT_ON_LIGHT)))
    chart = fit_column(cells + text, 4 * 128, wraps, height=alt.Step(24))
    return chart, data[data[printed] != ""].reset_index(drop=True)


def capability_grid(matrix: pd.DataFrame, cells: pd.DataFrame, label: Labels) -> tuple[alt.Chart, pd.DataFrame]:
    """A vendor x capability grid: a filled square where the text supports the capability.

    ``matrix`` is the output of :func:`report_lib.analysis.vendors.capability_matrix`; ``cells``
    (``reference/vendor_capabilities.csv``) gives the quote shown on hover and in the CSV.
    Empty squares mean *not stated*, which the legend says.
    """
    quotes = dict(zip(cells["vendor_id"] + ":" + cells["capability_id"], cells["quote_zh"]))
    vendor, capability, status, quote = (label("column.vendor"), label("column.capability"),
                                         label("column.status"), label("column.quote_zh"))
    long = matrix.stack().rename("marked").reset_index()
    data = pd.DataFrame({
        vendor: [label.name("vendors", v) for v in long["vendor_id"]],
        capability: [label.name("capabilities", c) for c in long["capability_id"]],
        status: long["marked"].map({True: label("series.marked"), False: label("series.not_stated")}),
        quote: (long["vendor_id"] + ":" + long["capability_id"]).map(quotes).fillna(""),
    })
    x = alt.X(f"{capability}:N", sort=[label.name("capabilities", c) for c in matrix.columns],
              axis=alt.Axis(orient="top", labelAngle=UPRIGHT, labelLimit=alt.ExprRef(f"{IS_NARROW} ? 150 : 320"),
                            title=None))
    y_axis, wraps = label_axis(data[vendor], limit=260, title=None)
    y = alt.Y(f"{vendor}:N", sort=[label.name("vendors", v) for v in matrix.index], axis=y_axis)
    colour = alt.Color(f"{status}:N", title=None, sort=[label("series.marked"), label("series.not_stated")],
                       scale=alt.Scale(range=[theme.HIGHLIGHT, theme.MARK_ABSENT]))
    square = alt.ExprRef(f"min(360, pow(0.6 * width / {len(matrix.columns)}, 2))")  # shrinks with the column
    chart = alt.Chart(data).mark_square(size=square, opacity=1, stroke=theme.MUTED, strokeWidth=1).encode(
        x=x, y=y, color=colour, tooltip=[vendor, capability, status, quote])
    return fit_column(chart, theme.WIDTH - 140, wraps, height=32 * len(matrix.index)), data


def theme_matrix(grid: pd.DataFrame, marked: pd.DataFrame, label: Labels) -> tuple[alt.LayerChart, pd.DataFrame]:
    """The expert x theme matrix: a dot in each coded cell, its quote in the tooltip.

    ``grid`` is :func:`report_lib.analysis.expert_themes.matrix`; ``marked`` is
    :func:`report_lib.analysis.expert_themes.cells`. The table is the matrix itself, one
    row per expert, a mark in each coded cell.
    """
    lang = label.lang
    expert_col, theme_col, quote = label("column.expert"), label("column.theme"), label("column.quote_zh")
    info = label.dataset.table("experts").set_index("expert_id")
    who = {e: aside(label, info.loc[e, "name_" + lang], str(info.loc[e, "company_" + lang]).split(" (")[0].split("（")[0])
           for e in grid.index}
    names = {t: label.name("themes", t) for t in grid.columns}
    quotes = marked.set_index(["expert_id", "theme_id"])["quote_zh"]
    long = grid.stack().rename("marked").reset_index()
    data = pd.DataFrame({
        expert_col: long["expert_id"].map(who).to_numpy(),
        theme_col: long["theme_id"].map(names).to_numpy(),
        "marked": long["marked"].to_numpy(),
        quote: [quotes.get((e, t), "") for e, t in zip(long["expert_id"], long["theme_id"])],
    })
    x = alt.X(f"{theme_col}:N", sort=[names[t] for t in grid.columns],
              axis=alt.Axis(orient="top", labelAngle=UPRIGHT, title=None,
                            labelLimit=alt.ExprRef(f"{IS_NARROW} ? 150 : 190")))
    y_axis, wraps = label_axis(who.values(), limit=230, title=None)
    y = alt.Y(f"{expert_col}:N", sort=[who[e] for e in grid.index], axis=y_axis)
    empty = alt.Chart(data).mark_rect(stroke=theme.CELL_GAP, strokeWidth=2, color=theme.MARK_ABSENT)
    dots = alt.Chart(data[data["marked"]]).mark_circle(
        size=alt.ExprRef(f"min(170, pow(0.55 * width / {grid.shape[1]}, 2))"), color=theme.HIGHLIGHT).encode(
        x=x, y=y, tooltip=[expert_col, theme_col, quote])
    chart = fit_column(empty.encode(x=x, y=y) + dots, 30 * grid.shape[1], wraps, height=28 * grid.shape[0])
    table = pd.DataFrame({expert_col: [who[e] for e in grid.index]})
    for theme_id in grid.columns:
        table[names[theme_id]] = ["●" if v else "" for v in grid[theme_id]]
    return chart, table
