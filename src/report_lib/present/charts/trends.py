"""Charts of the trends chapter (chapter 4), in the book's one theme.

Each function returns ``(chart, data)``: the Altair chart and the labelled table behind
it, which :func:`report_lib.page.render.render_chart` writes as the chart's CSV.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from report_lib.present import theme
from report_lib.present.charts.general import _title
from report_lib.analysis import deployment
from report_lib.analysis.deployment import OVERALL
from report_lib.present.labels import Labels


def _tool_name(tool: str, label: Labels) -> str:
    if tool == OVERALL:
        return label("tool.all_marketing_tools")
    tools = label.dataset.table("tools").set_index("tool_id")
    return str(tools.loc[tool, f"name_{label.lang}"])


def deployment_modes(modes: pd.DataFrame, label: Labels, *, title: str,
                     subtitle: str = "") -> tuple[alt.Chart, pd.DataFrame]:
    """Printed deployment-mode shares by tool as dots, the all-tools row first, one colour per mode.

    ``modes`` is the output of :func:`report_lib.analysis.deployment.deployment_modes`.
    """
    tool, mode, share = label("column.tool"), label("column.deployment_mode"), label("axis.share_pct")
    printed, base = label("column.value"), label("column.base")
    data = pd.DataFrame({
        tool: [_tool_name(t, label) for t in modes["tool"]],
        mode: [label(f"mode.{m}") for m in modes["mode"]],
        share: modes["share"].to_numpy(),
        printed: [label.value(p, "percent", q) for p, q in zip(modes["printed"], modes["qualifier"])],
        base: [label.base(b) for b in modes["base"]],
        label("column.id"): modes["id"].to_numpy(),
    })
    order = list(dict.fromkeys(data[tool]))
    y = alt.Y(f"{tool}:N", sort=order, axis=alt.Axis(title=None, labelLimit=260))
    x = alt.X(f"{share}:Q", scale=alt.Scale(domain=[0, 100]), axis=alt.Axis(values=list(range(0, 101, 20))))
    present = [m for m in (deployment.ON_PREMISE, *deployment.CLOUD_MODES) if m in set(modes["mode"])]
    colour = alt.Color(f"{mode}:N", title=None, sort=[label(f"mode.{m}") for m in present],
                       scale=alt.Scale(domain=[label(f"mode.{m}") for m in present],
                                       range=theme.PALETTE[:len(present)]))
    base_chart = alt.Chart(data).encode(x=x, y=y, color=colour, tooltip=list(data.columns))
    chart = base_chart.mark_point(size=140, filled=True) + base_chart.mark_text(dy=-13).encode(text=f"{printed}:N")
    return chart.properties(width=theme.WIDTH - 200, height=52 * len(order), title=_title(title, subtitle)), data


def derived_services(summary: pd.DataFrame, label: Labels, *, title: str,
                     subtitle: str = "") -> tuple[alt.Chart, pd.DataFrame]:
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
    y = alt.Y(f"{what}:N", sort=list(data[what]), axis=alt.Axis(title=None, labelLimit=300))
    x = alt.X(f"{share}:Q", scale=alt.Scale(domain=[0, 100]), axis=alt.Axis(values=list(range(0, 101, 20))))
    bars = alt.Chart(data).mark_bar(height=26).encode(x=x, y=y, tooltip=list(data.columns))
    text = bars.mark_text(align="left", dx=5).encode(text=f"{printed}:N")
    return (bars + text).properties(width=theme.WIDTH - 160, height=90, title=_title(title, subtitle)), data
