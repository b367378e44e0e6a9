"""What every chart form shares: the title block, and the one labelled-bar core.

Every bar chart of the book is drawn by :func:`labelled_bars`: horizontal bars, each
labelled with its value as printed (and its n when it has one), optionally one panel
per item, coloured by group or by highlight role. Titles and bars fit the chart's column
(:mod:`report_lib.present.charts.fit`).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from report_lib.present import theme
from report_lib.present.charts.fit import IS_NARROW, WRAPS, fit_column, fit_panels, label_axis, wrapped

PANEL_HEADER = {"labelAngle": 0, "labelAlign": "left", "labelAnchor": "start", "labelFontWeight": 600,
                "labelOrient": "top", "labelFontSize": 12,
                "labelExpr": f"{IS_NARROW} && isValid({WRAPS}[datum.label]) ? {WRAPS}[datum.label] : datum.label"}
"""A panel's header: its item, wrapped on a narrow column (lines of :data:`HEADER_UNITS`, which fit beside the
narrow column's longest axis label)."""
HEADER_UNITS = 26


def title(text: str, subtitle: str = "") -> alt.Title:
    """Return a chart title block, with its subtitle when there is one.

    Parameters
    ----------
    text
        The title (a finding, in the page's language).
    subtitle
        What is plotted and in which unit; empty for none.

    On the site both wrap to the chart's column (:func:`report_lib.present.charts.fit.wrap_titles`).
    """
    return alt.Title(text, subtitle=subtitle) if subtitle else alt.Title(text)


def order_of(values: pd.Series) -> list:
    """Return the distinct ``values`` in order of first appearance (an axis sort)."""
    return list(dict.fromkeys(values))


def labelled_bars(data: pd.DataFrame, *, bar: str, value: str, text: str, x: alt.X, width: int,
                  colour: alt.Color | None = None, panel: str | None = None, tooltip: list[str] | None = None,
                  bar_height: float | dict | None = None, height: int | None = None, label_limit: int = 260,
                  dx: int = 4, interval: tuple[str, str] | None = None,
                  marked: str | None = None) -> alt.TopLevelMixin:
    """Draw ``data`` as horizontal bars, one per row, each labelled with its ``text``.

    Parameters
    ----------
    data
        One row per bar, columns already labelled in the page's language.
    bar
        Column naming each bar (the y axis, in row order).
    value
        Column with the bar length.
    text
        Column printed at the end of each bar (the value as printed, with its n if any).
    x
        The value axis (scale and ticks).
    width
        Width of the plotting area (of each panel) in the static editions; on the site the chart
        is as wide as its column (:mod:`report_lib.present.charts.fit`).
    colour
        Colour encoding (by group or highlight role); ``None`` for the theme's bar colour.
    panel
        Column whose values each get their own panel (one row of bars per item); ``None``
        for one panel.
    tooltip
        Columns shown on hover; all columns of ``data`` when ``None``.
    bar_height, height, label_limit, dx
        Bar thickness, panel height, longest bar name (px) on a wide column (a narrow one wraps
        it) and gap before the label.
    interval
        Columns of the lower and upper bound of each bar's interval, drawn as an error bar
        (the label then starts after the upper bound); ``None`` for none.
    marked
        Column of the bars drawn with the significance outline (a true value: non-empty)
        (:data:`report_lib.present.theme.SIGNIFICANT`); ``None`` for none.

    Returns
    -------
    altair.TopLevelMixin
        The layered (and, with ``panel``, faceted) chart, without a title.
    """
    axis, wraps = label_axis(data[bar], limit=label_limit)
    y = alt.Y(f"{bar}:N", sort=order_of(data[bar]), title=None, axis=axis)
    base = alt.Chart().encode(y=y, tooltip=tooltip or list(data.columns))
    outline = {} if marked is None else {
        "stroke": alt.condition(f"datum['{marked}']", alt.value(theme.SIGNIFICANT), alt.value(None)),
        "strokeWidth": alt.condition(f"datum['{marked}']", alt.value(2.5), alt.value(0))}
    bars = base.mark_bar(**({"height": bar_height} if bar_height is not None else {})).encode(
        x=x, **({"color": colour} if colour is not None else {}), **outline)
    labels = base.mark_text(align="left", dx=dx)
    if interval is None:
        labels = labels.encode(x=alt.X(f"{value}:Q"), text=f"{text}:N")
    else:  # after the interval's upper bound; a bar without an interval (a published row) after its end
        labels = labels.transform_calculate(
            label_at=f"isValid(datum['{interval[1]}']) ? datum['{interval[1]}'] : datum['{value}']"
        ).encode(x=alt.X("label_at:Q", title=value), text=f"{text}:N")
    layers = [bars]
    if interval is not None:
        layers.append(base.mark_errorbar(ticks=True, color=theme.ERROR_BAR).encode(
            x=alt.X(f"{interval[0]}:Q", title=value), x2=alt.X2(f"{interval[1]}:Q")))
    size = {"height": height} if height is not None else {}
    chart = alt.layer(*layers, labels, data=data)
    if panel is None:
        return fit_column(chart, width, wraps, **size)
    faceted = chart.properties(width=width, **size).facet(
        row=alt.Row(f"{panel}:N", sort=order_of(data[panel]), title=None, header=alt.Header(**PANEL_HEADER)),
        spacing=6).resolve_scale(y="independent")
    return fit_panels(faceted, {**wrapped(data[panel], HEADER_UNITS), **wraps})
