"""Line charts: a printed level series, and published against recomputed growth.

Each builder takes :class:`~report_lib.present.labels.Labels` and returns ``(chart, table)``:
the chart without a title (:meth:`report_lib.page.page.Chapter.show` sets it) and the
labelled table behind it, written as the chart's CSV. Each is as wide as its column
(:func:`report_lib.present.charts.fit.fit_column`).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from report_lib.present import theme
from report_lib.present.charts.fit import fit_column
from report_lib.present.labels import Labels


YEAR_THEN_REST = ("indexof(datum.label, '年') > 0 ? [slice(datum.label, 0, indexof(datum.label, '年') + 1), "
                  "slice(datum.label, indexof(datum.label, '年') + 1)] : datum.label")
"""A Vega label expression: a Chinese quarter (``2022年第二季度``) on two lines after its year; other periods as they are."""


def level_line(levels: pd.Series, label: Labels, *, unit: str, period_axis: str) -> tuple[alt.LayerChart, pd.DataFrame]:
    """A printed level series by period as a line, each point labelled with its printed value.

    Parameters
    ----------
    levels
        Printed values (strings) indexed by period.
    label
        Labels of the page's language.
    unit
        Unit id of the values (its label names the value axis).
    period_axis
        Label key of the period axis (``axis.year``, ``axis.quarter``).
    """
    period, value, printed = label(period_axis), label.unit(unit), label("column.value")
    data = pd.DataFrame({
        period: [label.period(p) for p in levels.index.astype(str)],
        value: levels.astype(float).to_numpy(),
        printed: levels.to_numpy(),
    })
    x = alt.X(f"{period}:O", sort=None, axis=alt.Axis(labelAngle=0, labelExpr=YEAR_THEN_REST))
    y = alt.Y(f"{value}:Q", scale=alt.Scale(zero=False, padding=12))
    base = alt.Chart(data).encode(x=x, y=y, tooltip=[period, printed])
    chart = (base.mark_line() + base.mark_point(size=70) + base.mark_text(dy=-12).encode(text=f"{printed}:N"))
    return fit_column(chart, theme.WIDTH), data


def growth_check(comparison: pd.DataFrame, label: Labels, *, period_axis: str) -> tuple[alt.LayerChart, pd.DataFrame]:
    """Published growth rates against growth recomputed from levels, period by period.

    ``comparison`` is the output of :func:`report_lib.analysis.growth.compare_growth`;
    ``period_axis`` the label key of the period axis.
    """
    period, series, growth = label(period_axis), label("column.series"), label("axis.growth_pct")
    periods = [label.period(p) for p in comparison.index.astype(str)]
    long = pd.concat([
        pd.DataFrame({period: periods, series: label("series.published"),
                      growth: pd.to_numeric(comparison["published_growth"]).to_numpy()}),
        pd.DataFrame({period: periods, series: label("series.recomputed"),
                      growth: comparison["recomputed_growth"].round(2).to_numpy()}),
    ]).dropna()
    x = alt.X(f"{period}:O", sort=periods, axis=alt.Axis(labelAngle=0, labelExpr=YEAR_THEN_REST))
    colour = alt.Color(f"{series}:N", title=None,
                       scale=alt.Scale(range=[theme.HIGHLIGHT, theme.PALETTE[1]]))
    base = alt.Chart(long).encode(x=x, y=alt.Y(f"{growth}:Q"), color=colour, tooltip=list(long.columns))
    chart = fit_column(base.mark_line(opacity=0.5) + base.mark_point(size=70, filled=True), theme.WIDTH)
    table = comparison.reset_index()
    table["period"] = periods
    table = table.rename(columns={
        "period": label(period_axis), "level": label("column.level"),
        "published_growth": label("column.published_growth"),
        "recomputed_growth": label("column.recomputed_growth"),
        "difference_pp": label("column.difference_pp"), "consistent": label("column.consistent"),
    })
    return chart, table.round(2)  # two decimals, as the book prints recomputed growth
