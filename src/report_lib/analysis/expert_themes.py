"""The expert x theme coding of chapter 5: matrix, counts, and what each theme echoes.

``reference/expert_themes.csv`` has one row per marked cell; a row may name several
experts (``;``-separated) when they share one printed view. Every count here is
computed from those rows.

Examples
--------
>>> theme_frequency(cells(data.table("expert_themes")), data.table("experts"), data.table("themes"))  # doctest: +SKIP
"""

from __future__ import annotations

import pandas as pd


def cells(expert_themes: pd.DataFrame) -> pd.DataFrame:
    """Return one row per (expert, theme) marked cell: ``cell_id, expert_id, theme_id, quote_zh``."""
    long = expert_themes.assign(expert_id=expert_themes["expert_id"].str.split(";")).explode("expert_id")
    long["expert_id"] = long["expert_id"].str.strip()
    return long[["cell_id", "expert_id", "theme_id", "quote_zh"]].reset_index(drop=True)


def matrix(marked: pd.DataFrame, experts: pd.DataFrame, themes: pd.DataFrame) -> pd.DataFrame:
    """Return the expert x theme matrix as booleans, experts and themes in their ``order``.

    Parameters
    ----------
    marked
        Output of :func:`cells`.
    """
    expert_ids = experts.sort_values("order")["expert_id"].tolist()
    theme_ids = themes.sort_values("order")["theme_id"].tolist()
    grid = pd.crosstab(marked["expert_id"], marked["theme_id"]).reindex(
        index=expert_ids, columns=theme_ids, fill_value=0)
    return grid.gt(0).rename_axis(index="expert_id", columns="theme_id")


def theme_frequency(marked: pd.DataFrame, experts: pd.DataFrame, themes: pd.DataFrame) -> pd.DataFrame:
    """Count, per theme, the experts and the printed views that raise it.

    Returns
    -------
    pandas.DataFrame
        ``theme_id, experts, views`` in theme order (themes nobody raises have 0).
    """
    with_view = marked.merge(experts[["expert_id", "view_id"]], on="expert_id")
    theme_ids = themes.sort_values("order")["theme_id"]
    grouped = with_view.groupby("theme_id")
    return pd.DataFrame({
        "theme_id": theme_ids.to_numpy(),
        "experts": theme_ids.map(grouped["expert_id"].nunique()).fillna(0).astype(int).to_numpy(),
        "views": theme_ids.map(grouped["view_id"].nunique()).fillna(0).astype(int).to_numpy(),
    })


def themes_per_expert(marked: pd.DataFrame, experts: pd.DataFrame) -> pd.DataFrame:
    """Count the themes each expert's view is coded for: ``expert_id, themes`` in expert order."""
    ordered = experts.sort_values("order")["expert_id"]
    per = marked.groupby("expert_id")["theme_id"].nunique()
    return pd.DataFrame({"expert_id": ordered.to_numpy(),
                         "themes": ordered.map(per).fillna(0).astype(int).to_numpy()})


def cross_reference(themes: pd.DataFrame, trends: pd.DataFrame, lang: str,
                    need_label=None) -> pd.DataFrame:
    """Return each theme with the chapter-4 trend and chapter-2 core need it echoes.

    Parameters
    ----------
    themes, trends
        The reference tables.
    lang
        ``en`` or ``zh``: language of theme and trend titles.
    need_label
        Function from a need's subject id to its label; ``None`` shows the id.

    Returns
    -------
    pandas.DataFrame
        ``theme, trend, core_need``; missing echoes are ``None``.
    """
    titles = trends.set_index("trend_id")[f"title_{lang}"]
    ordered = themes.sort_values("order")
    label = need_label or (lambda subject: subject)
    return pd.DataFrame({
        "theme": ordered[f"name_{lang}"].to_numpy(),
        "trend": [titles[t] if t else None for t in ordered["echoes_trend"]],
        "core_need": [label(n) if n else None for n in ordered["echoes_need"]],
    })
