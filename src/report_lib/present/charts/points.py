"""Point charts: the policy ladder, and deployment-mode shares by tool.

Each builder takes :class:`~report_lib.present.labels.Labels` and returns ``(chart, table)``:
the chart without a title (:meth:`report_lib.page.page.Chapter.show` sets it) and the
labelled table behind it, written as the chart's CSV. Each is as wide as its column, its
long labels wrapped on a narrow one (:mod:`report_lib.present.charts.fit`).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from report_lib.analysis import deployment
from report_lib.present import theme
from report_lib.present.charts.common import order_of
from report_lib.present.charts.fit import fit_column, label_axis
from report_lib.present.labels import Labels


def policy_ladder(policies: pd.DataFrame, levels: pd.DataFrame, label: Labels) -> tuple[alt.LayerChart, pd.DataFrame]:
    """The policy documents as a ladder: one row each, stepped from national strategy to banking.

    ``policies`` and ``levels`` are the reference tables ``policies`` and ``policy_levels``.
    """
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
    y_axis, wraps = label_axis(data[policy], limit=320, title=None)
    y = alt.Y(f"{policy}:N", sort=list(data[policy]), axis=y_axis)
    points = alt.Chart(data).mark_point(size=160, filled=True).encode(x=x, y=y, tooltip=list(data.columns))
    rule = alt.Chart(data).mark_line(color=theme.MUTED, interpolate="step-after").encode(
        x=x, y=y, order=alt.Order("index:Q"))
    chart = fit_column((rule + points).transform_window(index="row_number()"), theme.WIDTH - 200, wraps)
    return chart, data


def _tool(label: Labels, tool: str) -> str:
    """Name a tool id, the all-tools id :data:`~report_lib.analysis.deployment.OVERALL` included."""
    return label("tool.all_marketing_tools") if tool == deployment.OVERALL else label.name("tools", tool)


def deployment_modes(modes: pd.DataFrame, label: Labels) -> tuple[alt.LayerChart, pd.DataFrame]:
    """Printed deployment-mode shares by tool as dots, the all-tools row first, one colour per mode.

    ``modes`` is the output of :func:`report_lib.analysis.deployment.deployment_modes`.
    """
    tool, mode, share = label("column.tool"), label("column.deployment_mode"), label("axis.share_pct")
    printed, base = label("column.value"), label("column.base")
    data = pd.DataFrame({
        tool: [_tool(label, t) for t in modes["tool"]],
        mode: [label(f"mode.{m}") for m in modes["mode"]],
        share: modes["share"].to_numpy(),
        printed: [label.value(p, "percent", q) for p, q in zip(modes["printed"], modes["qualifier"])],
        base: [label.base(b) for b in modes["base"]],
        label("column.id"): modes["id"].to_numpy(),
    })
    order = order_of(data[tool])
    y_axis, wraps = label_axis(order, limit=260, title=None)
    y = alt.Y(f"{tool}:N", sort=order, axis=y_axis)
    x = alt.X(f"{share}:Q", scale=alt.Scale(domain=[0, 100]), axis=alt.Axis(values=list(range(0, 101, 20))))
    present = [m for m in (deployment.ON_PREMISE, *deployment.CLOUD_MODES) if m in set(modes["mode"])]
    colour = alt.Color(f"{mode}:N", title=None, sort=[label(f"mode.{m}") for m in present],
                       scale=alt.Scale(domain=[label(f"mode.{m}") for m in present],
                                       range=theme.PALETTE[:len(present)]))
    base_chart = alt.Chart(data).encode(x=x, y=y, color=colour, tooltip=list(data.columns))
    chart = base_chart.mark_point(size=140, filled=True) + base_chart.mark_text(dy=-13).encode(text=f"{printed}:N")
    return fit_column(chart, theme.WIDTH - 200, wraps, height=52 * len(order)), data
