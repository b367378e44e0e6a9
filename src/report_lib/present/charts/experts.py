"""Charts of the expert-voices chapter (chapter 5), in the book's one theme.

Each function returns ``(chart, data)``: the Altair chart and the labelled table behind it.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from report_lib.present import theme
from report_lib.present.charts.general import _title
from report_lib.present.labels import Labels


def _theme_names(themes: pd.DataFrame, lang: str) -> pd.Series:
    return themes.set_index("theme_id")[f"name_{lang}"]


def theme_frequency(frequency: pd.DataFrame, themes: pd.DataFrame, label: Labels, *, title: str,
                    subtitle: str = "") -> tuple[alt.Chart, pd.DataFrame]:
    """Experts per theme as horizontal bars, most frequent first; views in the tooltip and table.

    ``frequency`` is the output of :func:`report_lib.analysis.expert_themes.theme_frequency`.
    """
    name, experts, views = label("column.theme"), label("axis.experts"), label("column.views")
    names = _theme_names(themes, label.lang)
    data = pd.DataFrame({name: frequency["theme_id"].map(names).to_numpy(),
                         experts: frequency["experts"].to_numpy(), views: frequency["views"].to_numpy()})
    data = data.sort_values(experts, ascending=False, kind="stable").reset_index(drop=True)
    y = alt.Y(f"{name}:N", sort=list(data[name]), axis=alt.Axis(title=None, labelLimit=260))
    x = alt.X(f"{experts}:Q", axis=alt.Axis(tickMinStep=1, format="d"))
    bars = alt.Chart(data).mark_bar().encode(x=x, y=y, tooltip=list(data.columns))
    text = bars.mark_text(align="left", dx=4).encode(text=f"{experts}:Q")
    return (bars + text).properties(width=theme.WIDTH - 220, title=_title(title, subtitle)), data


def theme_matrix(grid: pd.DataFrame, marked: pd.DataFrame, experts: pd.DataFrame, themes: pd.DataFrame,
                 label: Labels, *, title: str, subtitle: str = "") -> tuple[alt.Chart, pd.DataFrame]:
    """The expert x theme matrix: a dot in each coded cell, its quote in the tooltip.

    ``grid`` is :func:`report_lib.analysis.expert_themes.matrix`; ``marked`` is :func:`report_lib.analysis.expert_themes.cells`.
    The table is the matrix itself, one row per expert, a mark in each coded cell.
    """
    lang = label.lang
    expert_col, theme_col, quote = label("column.expert"), label("column.theme"), label("column.quote_zh")
    info = experts.set_index("expert_id")
    who = {e: f"{info.loc[e, 'name_' + lang]} ({str(info.loc[e, 'company_' + lang]).split(' (')[0]})"
           for e in grid.index}
    names = _theme_names(themes, lang)
    quotes = marked.set_index(["expert_id", "theme_id"])["quote_zh"]
    long = grid.stack().rename("marked").reset_index()
    data = pd.DataFrame({
        expert_col: long["expert_id"].map(who).to_numpy(),
        theme_col: long["theme_id"].map(names).to_numpy(),
        "marked": long["marked"].to_numpy(),
        quote: [quotes.get((e, t), "") for e, t in zip(long["expert_id"], long["theme_id"])],
    })
    x = alt.X(f"{theme_col}:N", sort=[names[t] for t in grid.columns],
              axis=alt.Axis(orient="top", labelAngle=-40, title=None, labelLimit=190))
    y = alt.Y(f"{expert_col}:N", sort=[who[e] for e in grid.index], axis=alt.Axis(title=None, labelLimit=230))
    cells = alt.Chart(data).mark_rect(stroke="white", strokeWidth=2, color="#f1f3f5").encode(x=x, y=y)
    dots = alt.Chart(data[data["marked"]]).mark_circle(size=170, color=theme.HIGHLIGHT).encode(
        x=x, y=y, tooltip=[expert_col, theme_col, quote])
    chart = (cells + dots).properties(width=30 * grid.shape[1], height=28 * grid.shape[0],
                                      title=_title(title, subtitle))
    table = pd.DataFrame({expert_col: [who[e] for e in grid.index]})
    for theme_id in grid.columns:
        table[names[theme_id]] = ["●" if v else "" for v in grid[theme_id]]
    return chart, table
