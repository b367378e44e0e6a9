"""Chart builders of the book; every one takes its labels from :class:`~report_lib.labels.Labels`.

Each function returns ``(chart, data)``: the Altair chart and the tidy table behind it,
which :func:`report_lib.render.render_chart` writes as the chart's downloadable CSV.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from report_lib import theme
from report_lib.labels import Labels


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

    ``comparison`` is the output of :func:`report_lib.growth.compare_growth`.
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
