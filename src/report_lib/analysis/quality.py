"""Summaries of the data of record: coverage by chapter and the flagged figures."""

from __future__ import annotations

import pandas as pd


def figures_by_chapter(figures: pd.DataFrame) -> pd.DataFrame:
    """Count figures per chapter, with how many carry a flag."""
    counts = figures.groupby("chapter").agg(rows=("id", "size"), flagged=("flag", lambda f: int((f != "").sum())))
    counts.loc["all"] = counts.sum()
    return counts


def flagged_figures(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the figures that carry at least one flag, one row per flag they carry."""
    flagged = figures[figures["flag"] != ""].copy()
    flagged["flag"] = flagged["flag"].str.split(";")
    return flagged.explode("flag").reset_index(drop=True)
