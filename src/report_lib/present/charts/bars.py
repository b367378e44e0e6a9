"""Bar charts: every one drawn through :func:`report_lib.present.charts.common.labelled_bars`.

Each builder takes :class:`~report_lib.present.labels.Labels` and returns ``(chart, table)``:
the chart without a title (:meth:`report_lib.page.page.Chapter.show` sets it) and the
labelled table behind it, written as the chart's CSV.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from report_lib.analysis.segments import MARKET
from report_lib.present import theme
from report_lib.present.charts import survey_marks
from report_lib.present.charts.common import labelled_bars, order_of
from report_lib.present.charts.fit import IS_NARROW
from report_lib.present.labels import Labels, figure_name, n_text
from report_lib.present.zh_typography import chinese_punctuation

KINDS = ("subject", "segment", "tool", "figure")
ROOM, NARROW_ROOM = 1.35, 2.4
"""The value axis of :func:`figure_bars` runs to this many times the longest bar (a wide, a narrow column), so the
bar's label (value, n and marks) fits after it."""
ROLES = ("chosen", "market", "other")


def _name(label: Labels, row, kind: str) -> str:
    """Name a figures.csv row as a ``kind`` of :data:`KINDS`."""
    if kind == "segment":
        return label.segment(row.segment)
    if kind == "tool":
        return label.name("tools", row.category) if row.category else label("group.all_tools")
    if kind == "figure":
        return figure_name(label, row.subject, row.category)
    return label.subject(row.subject)


def _key(figures: pd.DataFrame, kind: str) -> pd.Series:
    """Return the id each bar of ``kind`` is highlighted and coloured by."""
    return figures[{"tool": "category", "figure": "id"}.get(kind, kind)]


def figure_bars(figures: pd.DataFrame, label: Labels, *, item: str = "subject", group: str = "segment",
                highlight: str | None = None, market: bool = False) -> tuple[alt.TopLevelMixin, pd.DataFrame]:
    """Figures of record as horizontal bars, one panel per item, each bar labelled as printed and with its n.

    Parameters
    ----------
    figures
        Rows of ``figures.csv``, one per bar, in the order to draw.
    label
        Labels of the page's language.
    item, group
        What a panel (row of bars) and a bar stand for, one of :data:`KINDS`: ``subject``,
        ``segment``, ``tool`` (the ``category`` column read as a tool id) or ``figure``
        (subject and category named together).
    highlight
        The id of the bar (its ``group`` id) drawn in the highlight colour, the others
        muted; ``None`` draws each group in its own colour (bank types in their fixed ones).
    market
        With ``highlight``, also draw the all-banks bar in the market colour: the segment
        against all banks against the other bank types.

    Returns
    -------
    tuple
        The chart and its table: item, group, value, value as printed, n, bar label (and
        whether the bar is highlighted). Rows computed from a survey wave add their exact n,
        their 95% interval (drawn as an error bar) and, for the ``highlight`` bank type, whether
        it differs significantly from the other banks (marked by a symbol and an outline).
    """
    rows = list(figures.itertuples())
    percent = set(figures["unit"]) <= {"percent"}
    item_col, group_col = label("column.item"), label("column.group")
    value = label("axis.share_pct") if percent else label.unit(figures["unit"].iloc[0])
    shown, n, bar_label = label("column.value"), label("column.n"), label("column.bar_label")
    exact_n = survey_marks.computed_n(figures)
    data = pd.DataFrame({
        item_col: [_name(label, r, item) for r in rows], group_col: [_name(label, r, group) for r in rows],
        value: figures["value"].astype(float).to_numpy(),
        shown: [label.value(r.value_printed, r.unit, r.qualifier) for r in rows],
        n: [n_text(label, r.segment, r.base) if pd.isna(k) else label("footer.n_all").format(n=int(k))
            for r, k in zip(rows, exact_n)],
    })
    intervals = survey_marks.has_intervals(figures)
    interval = (label("column.ci_low"), label("column.ci_high")) if intervals else None
    tooltip = [item_col, group_col, shown, n]
    if intervals:
        data[interval[0]] = figures["ci_low"].astype(float).to_numpy()
        data[interval[1]] = figures["ci_high"].astype(float).to_numpy()
        data[label("column.interval")] = [survey_marks.interval_text(label, lo, hi, u) for lo, hi, u
                                          in zip(data[interval[0]], data[interval[1]], figures["unit"])]
        tooltip.append(label("column.interval"))
    keys = _key(figures, group).to_numpy()
    marked = survey_marks.significant_rows(figures, highlight if group == "segment" else None)
    symbol = label("chart.significant_mark")
    data[bar_label] = [(label("format.bar_n").format(value=s, n=k) if k else s) + (" " + symbol if m else "")
                       for s, k, m in zip(data[shown], data[n], marked)]
    significant = None
    if marked.any():
        significant = label("column.significant")
        data[significant] = [symbol if m else "" for m in marked]  # the mark in the table; "" is false in Vega
        tooltip.append(significant)
    if highlight is None:
        groups = order_of(zip(data[group_col], keys))
        colour = alt.Color(f"{group_col}:N", legend=None, scale=alt.Scale(
            domain=[g for g, _ in groups], range=[theme.colour_of(k, i) for i, (_, k) in enumerate(groups)]))
    else:
        chosen = label("column.highlighted")
        data[chosen] = keys == highlight
        colour = alt.Color(f"{chosen}:N", legend=None,
                           scale=alt.Scale(domain=[True, False], range=[theme.HIGHLIGHT, theme.MUTED]))
    drawn = data
    if highlight is not None and market:
        drawn = data.assign(role=["chosen" if k == highlight else "market" if k == MARKET else "other" for k in keys])
        colour = alt.Color("role:N", legend=None, scale=alt.Scale(
            domain=list(ROLES), range=[theme.HIGHLIGHT, theme.MARKET_BAR, theme.MUTED]))
    top = max(100.0, float(data[interval[1] if intervals else value].max()))
    # room after the longest bar for its label ("≥ 83%  (n=36 / 54, inferred)"); a phone's narrow panel needs more
    room = alt.ExprRef(f"{IS_NARROW} ? {round(top * NARROW_ROOM)} : {round(top * ROOM)}")
    x = alt.X(f"{value}:Q", scale=alt.Scale(domainMin=0, domainMax=room),
              axis=alt.Axis(values=[0, 25, 50, 75, 100]) if top == 100 else alt.Axis())
    chart = labelled_bars(drawn, bar=group_col, value=value, text=bar_label, x=x, colour=colour, panel=item_col,
                          tooltip=tooltip, bar_height={"band": 0.75},
                          width=theme.WIDTH - 160, label_limit=280, interval=interval, marked=significant)
    if highlight is not None:  # the table says which bar is highlighted with a check mark, not Python's True
        data = data.assign(**{chosen: [label("cell.yes") if b else "" for b in data[chosen]]})
    return chart, data


def vendors_per_category(named: pd.DataFrame, coverage: dict[str, int], label: Labels
                         ) -> tuple[alt.TopLevelMixin, pd.DataFrame]:
    """Bars of readable TOP30 names per category, and one bar for the places whose name is lost.

    Parameters
    ----------
    named
        Output of :func:`report_lib.analysis.vendors.named_per_category`.
    coverage
        Output of :func:`report_lib.analysis.vendors.list_coverage` (``top30_places``, ``top30_named``, ``top30_lost``).
    label
        Labels of the page's language.
    """
    group, count, status, names = (label("column.vendor_category"), label("column.vendor_count"),
                                   label("column.status"), label("column.vendors"))
    rows = [{group: label.name("vendor_categories", r.category_id) if r.category_id else label("category.unplaced"),
             count: r.named, status: label("series.name_readable"),
             names: ", ".join(label.name("vendors", v) for v in r.vendor_ids.split(";") if v)}
            for r in named.itertuples()]
    rows.append({group: label("category.name_lost"), count: coverage["top30_lost"],
                 status: label("series.name_lost"), names: ""})
    data = pd.DataFrame(rows)
    if data.columns.duplicated().any():
        raise ValueError(f"two columns of the chart share a label: {list(data.columns)}")
    x = alt.X(f"{count}:Q", scale=alt.Scale(domain=[0, coverage["top30_places"]]), axis=alt.Axis(tickMinStep=1))
    colour = alt.Color(f"{status}:N", title=None, sort=[label("series.name_readable"), label("series.name_lost")],
                       scale=alt.Scale(range=[theme.HIGHLIGHT, theme.MUTED]), legend=alt.Legend(labelLimit=320))
    return labelled_bars(data, bar=group, value=count, text=count, x=x, colour=colour, bar_height=16,
                         width=theme.WIDTH - 200, label_limit=320), data


def claims_per_case(counts: pd.DataFrame, label: Labels) -> tuple[alt.TopLevelMixin, pd.DataFrame]:
    """Bars of the number of quantitative claims each case study makes (zero shows as 0).

    ``counts`` is the output of :func:`report_lib.analysis.vendors.claims_per_case`.
    """
    cases = label.dataset.table("cases")
    titles = {c: chinese_punctuation(t) if label.lang == "zh" else t
              for c, t in zip(cases["case_id"], cases[f"title_{label.lang}"])}
    vendor, case, claims = label("column.vendor"), label("column.case"), label("column.claims")
    data = pd.DataFrame({
        vendor: [label.name("vendors", v) for v in counts["vendor_id"]],
        case: counts["case_id"].map(titles).to_numpy(),
        claims: counts["claims"].to_numpy(),
    })
    x = alt.X(f"{claims}:Q", axis=alt.Axis(tickMinStep=1))
    return labelled_bars(data, bar=vendor, value=claims, text=claims, x=x, bar_height=16,
                         width=theme.WIDTH - 160), data


def derived_services(summary: pd.DataFrame, label: Labels) -> tuple[alt.TopLevelMixin, pd.DataFrame]:
    """Demand for, and willingness to pay for, derivative services as two bars labelled as printed.

    ``summary`` is the output of :func:`report_lib.analysis.trends.derived_services`.
    """
    what, share, printed = label("column.measure"), label("axis.share_pct"), label("column.value")
    data = pd.DataFrame({
        what: [label.subject(s) for s in summary["subject"]],
        share: summary["share"].to_numpy(),
        printed: [label.value(p, "percent", q) for p, q in zip(summary["printed"], summary["qualifier"])],
        label("column.implied_k"): summary["implied_k"].to_numpy(),
        label("column.id"): summary["id"].to_numpy(),
    })
    x = alt.X(f"{share}:Q", scale=alt.Scale(domain=[0, 100]), axis=alt.Axis(values=list(range(0, 101, 20))))
    return labelled_bars(data, bar=what, value=share, text=printed, x=x, bar_height=26, height=90,
                         width=theme.WIDTH - 160, label_limit=300, dx=5), data


def theme_frequency(frequency: pd.DataFrame, label: Labels) -> tuple[alt.TopLevelMixin, pd.DataFrame]:
    """Experts per theme as horizontal bars, most frequent first; views in the tooltip and table.

    ``frequency`` is the output of :func:`report_lib.analysis.expert_themes.theme_frequency`.
    """
    name, experts, views = label("column.theme"), label("axis.experts"), label("column.views")
    data = pd.DataFrame({name: [label.name("themes", t) for t in frequency["theme_id"]],
                         experts: frequency["experts"].to_numpy(), views: frequency["views"].to_numpy()})
    data = data.sort_values(experts, ascending=False, kind="stable").reset_index(drop=True)
    x = alt.X(f"{experts}:Q", axis=alt.Axis(tickMinStep=1, format="d"))
    return labelled_bars(data, bar=name, value=experts, text=experts, x=x, width=theme.WIDTH - 220), data
