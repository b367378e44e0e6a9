"""Chart builders of the book; every one takes its labels from :class:`~report_lib.present.labels.Labels`.

Each function returns ``(chart, data)``: the Altair chart and the tidy table behind it,
which :func:`report_lib.page.render.render_chart` writes as the chart's downloadable CSV.
"""

from __future__ import annotations

import textwrap

import altair as alt
import pandas as pd

from report_lib.present import theme
from report_lib.analysis.evaluation import GRADES, maturity_effect_tier
from report_lib.analysis.segments import MARKET, bank_types
from report_lib.present.labels import Labels, figure_name, n_text, shown


def _title(title: str, subtitle: str) -> alt.Title:
    return alt.Title(title, subtitle=subtitle) if subtitle else alt.Title(title)


def level_line(levels: pd.Series, label: Labels, *, unit: str, period_axis: str, title: str,
               subtitle: str = "") -> tuple[alt.Chart, pd.DataFrame]:
    """A printed level series by period as a line, each point labelled with its printed value."""
    period, value, printed = label(period_axis), label.unit(unit), label("column.value")
    data = pd.DataFrame({
        period: levels.index.astype(str),
        value: levels.astype(float).to_numpy(),
        printed: levels.to_numpy(),
    })
    x = alt.X(f"{period}:O", sort=None, axis=alt.Axis(labelAngle=0))
    y = alt.Y(f"{value}:Q", scale=alt.Scale(zero=False, padding=12))
    base = alt.Chart(data).encode(x=x, y=y, tooltip=[period, printed])
    chart = (base.mark_line() + base.mark_point(size=70) + base.mark_text(dy=-12).encode(text=f"{printed}:N"))
    return chart.properties(width=theme.WIDTH, title=_title(title, subtitle)), data


def growth_check(comparison: pd.DataFrame, label: Labels, *, period_axis: str, title: str,
                 subtitle: str = "") -> tuple[alt.Chart, pd.DataFrame]:
    """Published growth rates against growth recomputed from levels, period by period.

    ``comparison`` is the output of :func:`report_lib.analysis.growth.compare_growth`.
    """
    period, series, growth = label(period_axis), label("column.series"), label("axis.growth_pct")
    long = pd.concat([
        pd.DataFrame({period: comparison.index.astype(str), series: label("series.published"),
                      growth: pd.to_numeric(comparison["published_growth"]).to_numpy()}),
        pd.DataFrame({period: comparison.index.astype(str), series: label("series.recomputed"),
                      growth: comparison["recomputed_growth"].round(2).to_numpy()}),
    ]).dropna()
    x = alt.X(f"{period}:O", sort=list(comparison.index.astype(str)), axis=alt.Axis(labelAngle=0))
    colour = alt.Color(f"{series}:N", title=None,
                       scale=alt.Scale(range=[theme.HIGHLIGHT, theme.PALETTE[1]]))
    base = alt.Chart(long).encode(x=x, y=alt.Y(f"{growth}:Q"), color=colour, tooltip=list(long.columns))
    chart = (base.mark_line(opacity=0.5) + base.mark_point(size=70, filled=True)).properties(
        width=theme.WIDTH, title=_title(title, subtitle))
    table = comparison.reset_index().rename(columns={
        "period": label(period_axis), "level": label("column.level"),
        "published_growth": label("column.published_growth"),
        "recomputed_growth": label("column.recomputed_growth"),
        "difference_pp": label("column.difference_pp"), "consistent": label("column.consistent"),
    })
    return chart, table.round(3)


def policy_ladder(policies: pd.DataFrame, levels: pd.DataFrame, label: Labels, *, title: str,
                  subtitle: str = "") -> tuple[alt.Chart, pd.DataFrame]:
    """The policy documents as a ladder: one row each, stepped from national strategy to banking."""
    lang = label.lang
    merged = policies.merge(levels, on="scope_level").sort_values("scope_order", kind="stable")
    level, policy = label("axis.scope_level"), label("column.policy")
    data = pd.DataFrame({
        policy: merged[f"short_{lang}"],
        level: merged[f"label_{lang}"],
        label("column.key_phrase"): merged[f"key_phrase_{lang}"],
        label("column.period_in_title"): merged["period_in_title"],
        label("column.issuer"): merged[f"issuer_{lang}"],
    })
    x = alt.X(f"{level}:N", sort=list(levels.sort_values("scope_order")[f"label_{lang}"]),
              axis=alt.Axis(orient="top", labelAngle=0, title=None, labelExpr="split(datum.label, ' ')"))
    y = alt.Y(f"{policy}:N", sort=list(data[policy]), axis=alt.Axis(labelLimit=320, title=None))
    points = alt.Chart(data).mark_point(size=160, filled=True).encode(x=x, y=y, tooltip=list(data.columns))
    rule = alt.Chart(data).mark_line(color=theme.MUTED, interpolate="step-after").encode(
        x=x, y=y, order=alt.Order("index:Q"))
    chart = (rule + points).transform_window(index="row_number()").properties(
        width=theme.WIDTH - 200, title=_title(title, subtitle))
    return chart, data


def share_bars(shares: pd.DataFrame, label: Labels, *, title: str, subtitle: str = "",
               highlight: str | None = None) -> tuple[alt.Chart, pd.DataFrame]:
    """Shares as horizontal bars, one row of bars per item, each labelled as printed and with its n.

    Parameters
    ----------
    shares
        One row per bar with columns ``item`` (row label), ``group`` (bar label, e.g. a
        bank type), ``value`` (number), ``shown`` (value as printed with its qualifier),
        ``n`` (text, e.g. ``"n=48"``) and ``key`` (the group's id, compared with ``highlight``).
    highlight
        A ``key`` drawn in the highlight colour; the other bars are muted. ``None`` draws
        every group in its own palette colour.
    """
    item, group, value = label("column.item"), label("column.group"), label("axis.share_pct")
    shown, n = label("column.value"), label("column.n")
    data = pd.DataFrame({
        item: shares["item"].to_numpy(), group: shares["group"].to_numpy(),
        value: shares["value"].astype(float).to_numpy(), shown: shares["shown"].to_numpy(),
        n: shares["n"].to_numpy(),
    })
    data[label("column.bar_label")] = [f"{s}  ({k})" if k else s for s, k in zip(data[shown], data[n])]
    if highlight is None:
        groups = list(dict.fromkeys(zip(data[group], shares["key"])))
        colour = alt.Color(f"{group}:N", legend=None, scale=alt.Scale(
            domain=[g for g, _ in groups], range=[theme.colour_of(k, i) for i, (_, k) in enumerate(groups)]))
    else:
        keys = shares["key"].to_numpy() == highlight
        data[label("column.highlighted")] = keys
        colour = alt.Color(f"{label('column.highlighted')}:N", legend=None,
                           scale=alt.Scale(domain=[True, False], range=[theme.HIGHLIGHT, theme.MUTED]))
    y = alt.Y(f"{group}:N", sort=list(dict.fromkeys(data[group])), title=None, axis=alt.Axis(labelLimit=280))
    base = alt.Chart().encode(y=y, tooltip=[item, group, shown, n])
    bars = base.mark_bar(height={"band": 0.75}).encode(
        x=alt.X(f"{value}:Q", scale=alt.Scale(domain=[0, 135]), axis=alt.Axis(values=[0, 25, 50, 75, 100])),
        color=colour)
    text = base.mark_text(align="left", dx=4).encode(x=alt.X(f"{value}:Q"), text=f"{label('column.bar_label')}:N")
    chart = alt.layer(bars, text, data=data).properties(width=theme.WIDTH - 160).facet(
        row=alt.Row(f"{item}:N", sort=list(dict.fromkeys(data[item])), title=None,
                    header=alt.Header(labelAngle=0, labelAlign="left", labelAnchor="start", labelFontWeight=600,
                                      labelOrient="top", labelFontSize=12)),
        spacing=6,
    ).resolve_scale(y="independent").properties(title=_title(title, subtitle))
    return chart, data


def strategy_matrix(placements: pd.DataFrame, label: Labels, *, title: str,
                    subtitle: str = "") -> tuple[alt.Chart, pd.DataFrame]:
    """The lifecycle stage x channel grid with the tools placed in it, stated ones marked ``*``.

    ``placements`` has one row per tool and cell: ``stage``, ``channel``, ``tool`` (name)
    and ``basis`` (``stated`` or ``inferred``); empty cells are drawn too.
    """
    stage, channel, tools = label("axis.lifecycle_stage"), label("axis.channel"), label("column.tools")
    stages = [label(f"stage.{s}") for s in ("acquisition", "value_growth", "retention")]
    channels = [label(f"channel.{c}") for c in ("online", "offline", "channel_linkage")]
    named = placements.assign(name=[textwrap.fill(f"{t}{' *' if b == 'stated' else ''}", 26)
                                    for t, b in zip(placements["tool"], placements["basis"])])
    cells = pd.DataFrame([(s, c) for s in stages for c in channels], columns=[stage, channel])
    grouped = named.groupby(["stage", "channel"])["name"].agg(list)
    cells[tools] = [grouped.get((s, c), []) for s, c in zip(cells[stage], cells[channel])]
    cells[label("column.count")] = cells[tools].map(len)
    x = alt.X(f"{stage}:N", sort=stages, axis=alt.Axis(orient="top", labelAngle=0, title=None))
    y = alt.Y(f"{channel}:N", sort=channels, axis=alt.Axis(title=None, labelLimit=140))
    base = alt.Chart(cells).encode(x=x, y=y)
    grid = base.mark_rect(stroke="#ffffff", strokeWidth=3).encode(
        color=alt.Color(f"{label('column.count')}:Q", legend=None,
                        scale=alt.Scale(domain=[0, 4], range=["#f4f6f8", "#a9c6dd"])),
        tooltip=[stage, channel, tools])
    shown = cells.assign(**{tools: cells[tools].map("\n".join)})
    text = alt.Chart(shown).mark_text(lineBreak="\n", fontSize=10.5, align="center", lineHeight=13).encode(
        x=x, y=y, text=alt.Text(f"{tools}:N"))
    chart = (grid + text).properties(
        width=theme.WIDTH, height=330, title=_title(title, subtitle))
    table = cells.assign(**{tools: cells[tools].map("; ".join)})
    return chart, table


def tier_grid(grades: pd.DataFrame, label: Labels, *, title: str, subtitle: str = "") -> tuple[alt.Chart, pd.DataFrame]:
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
    placed["shown"] = [t if ok else f"{t} ({label('column.published_tier')}: {p})"
                       for t, ok, p in zip(placed["tool"], placed[label("column.agrees")], placed["published_tier"])]
    stacked = placed.groupby([maturity, effect])["shown"].agg(
        lambda names: "\n".join(textwrap.fill(n, 30) for n in names)).reset_index().rename(columns={"shown": "tool"})
    x = alt.X(f"{maturity}:N", sort=names, axis=alt.Axis(labelAngle=0))
    y = alt.Y(f"{effect}:N", sort=list(reversed(names)))
    grid = alt.Chart(cells).mark_rect(stroke="#ffffff", strokeWidth=3).encode(
        x=x, y=y, color=alt.Color(f"{tier}:O", scale=alt.Scale(domain=[1, 2, 3], range=["#3f8f5a", "#b9dcbf", "#f4f6f8"]),
                                  legend=alt.Legend(title=tier)), tooltip=[maturity, effect, tier])
    tools = label("column.tools")
    text = alt.Chart(stacked.rename(columns={"tool": tools})).mark_text(lineBreak="\n", fontSize=10.5,
                                                                        lineHeight=13).encode(x=x, y=y, text=f"{tools}:N")
    chart = (grid + text).properties(width=theme.WIDTH - 40, height=360, title=_title(title, subtitle))
    table = placed[["tool", maturity, effect, "tier", "published_tier", label("column.agrees")]].rename(
        columns={"tool": tools, "tier": tier, "published_tier": label("column.published_tier")})
    return chart, table


def segment_bars(figures: pd.DataFrame, label: Labels, segment: str, *, title: str,
                 subtitle: str = "") -> tuple[alt.Chart, pd.DataFrame]:
    """Per-segment values of one or more figures, the chosen ``segment`` emphasised.

    ``figures`` are rows of figures.csv (any segments, including combined groups and the
    market). One bar per segment, in the order of ``segments.csv``, labelled with the
    value as printed (qualifier included, e.g. ``≥ 83%``) and each segment with its n
    (:mod:`report_lib.analysis.segment_sizes`); several figures become one panel each. The chosen
    segment is drawn in the highlight colour, all banks in dark grey, the rest muted.
    """
    order = label.dataset.table("segments").sort_values("order")["segment"].tolist()
    rows = figures.assign(_order=figures["segment"].map(order.index)).sort_values("_order", kind="stable")
    name, who, value, printed = (label("column.figure"), label("axis.segment"),
                                 label.unit(rows["unit"].iloc[0]), label("column.value"))
    data = pd.DataFrame({
        name: [figure_name(label, s, c) for s, c in zip(rows["subject"], rows["category"])],
        who: [f"{label.segment(s)} ({n_text(label, s)})" for s in rows["segment"]],
        value: rows["value"].to_numpy(),
        printed: [label.value(v, u, q) for v, u, q in zip(rows["value_printed"], rows["unit"], rows["qualifier"])],
        label("column.id"): rows["id"].to_numpy(),
    })
    roles = ["chosen" if s == segment else "market" if s == "all" else "other" for s in rows["segment"]]
    data["_role"] = roles
    colour = alt.Color("_role:N", legend=None,
                       scale=alt.Scale(domain=["chosen", "market", "other"], range=[theme.HIGHLIGHT, "#555555", theme.MUTED]))
    y = alt.Y(f"{who}:N", sort=list(dict.fromkeys(data[who])), title=None, axis=alt.Axis(labelLimit=260))
    base = alt.Chart(data).encode(y=y, tooltip=[name, who, printed])
    bars = base.mark_bar(height=16).encode(x=alt.X(f"{value}:Q", scale=alt.Scale(domain=[0, max(100, data[value].max())])),
                                           color=colour)
    text = base.mark_text(align="left", dx=4).encode(x=f"{value}:Q", text=f"{printed}:N")
    layered = (bars + text).properties(width=theme.WIDTH - 260, height=alt.Step(22))
    if data[name].nunique() > 1:
        chart = layered.facet(row=alt.Row(f"{name}:N", sort=list(dict.fromkeys(data[name])), title=None,
                                          header=alt.Header(labelAngle=0, labelAlign="left", labelAnchor="start",
                                                            labelOrient="top", labelFontWeight=600)))
        chart = chart.resolve_scale(y="independent").properties(title=_title(title, subtitle))
    else:
        chart = layered.properties(title=_title(title, subtitle))
    return chart, data.drop(columns="_role")


def segment_heatmap(wide: pd.DataFrame, label: Labels, *, title: str,
                    subtitle: str = "") -> tuple[alt.Chart, pd.DataFrame]:
    """The figures the source splits by bank type, one row each, one column per bank type and all banks.

    ``wide`` is the output of :func:`report_lib.analysis.segment_comparison.split_figures`. Each cell
    shows the printed value with its qualifier; colour encodes the value (percent rows
    only share one scale, other units are drawn uncoloured); empty cells are figures the
    source does not give.
    """
    segments = [*bank_types(label.dataset), MARKET]
    name, who, value, printed = label("column.figure"), label("axis.segment"), label.unit("percent"), label("column.value")
    records = []
    for row in wide.itertuples(index=False):
        row = row._asdict()
        for seg in segments:
            records.append({
                name: figure_name(label, row["subject"], row["category"]),
                who: f"{label.segment(seg)} ({n_text(label, seg)})",
                value: row[seg] if row["unit"] == "percent" else None,
                printed: shown(label, row[f"{seg}_shown"], row["unit"]),
            })
    data = pd.DataFrame(records)
    x = alt.X(f"{who}:N", sort=list(dict.fromkeys(data[who])), axis=alt.Axis(
        orient="top", labelAngle=0, title=None, labelLimit=160, labelFontSize=11,
        labelExpr="[split(datum.label, ' (')[0], '(' + split(datum.label, ' (')[1]]"))
    y = alt.Y(f"{name}:N", sort=list(dict.fromkeys(data[name])), axis=alt.Axis(title=None, labelLimit=210))
    base = alt.Chart(data).encode(x=x, y=y, tooltip=[name, who, printed])
    cells = base.mark_rect(stroke="white").encode(
        color=alt.Color(f"{value}:Q", scale=alt.Scale(scheme="blues", domain=[0, 100]), legend=alt.Legend(orient="bottom")))
    text = base.mark_text().encode(text=f"{printed}:N",
                                   color=alt.condition(f"datum['{value}'] > 70", alt.value("white"), alt.value("black")))
    chart = (cells + text).properties(width=4 * 128, height=alt.Step(24), title=_title(title, subtitle))
    return chart, data[data[printed] != ""].reset_index(drop=True)
