"""Computed survey figures take the place of the published figures of the same key.

A figure's key is ``(topic, subject, category, segment)``. A computed row whose key published
rows have replaces each of them under its ``id`` (so a chapter that names the figure finds it;
the report prints a few figures twice, under two ids);
the other computed rows (answers the 2023 report did not print, bank types it did not split)
are added. Published rows no option feeds stay as published.
"""

from __future__ import annotations

import pandas as pd

KEY = ["topic", "subject", "category", "segment"]


def merge_with_published(published: pd.DataFrame, computed: pd.DataFrame) -> pd.DataFrame:
    """Return ``published`` with every row of ``computed`` in it, replacing rows of the same key.

    Parameters
    ----------
    published
        The data of record (``published/figures.csv`` read as text, empty cells as ``""``).
    computed
        Rows of :func:`report_lib.analysis.survey_shares.wave_figures`.

    Returns
    -------
    pandas.DataFrame
        The union of both column sets; ``replaced`` is ``True`` on computed rows that took a
        published row's place, ``False`` on other computed rows and empty on published rows.
    """
    computed = computed.copy()
    computed["_key"] = list(map(tuple, computed[KEY].astype(str).itertuples(index=False)))
    keys = list(map(tuple, published[KEY].astype(str).itertuples(index=False)))
    matched = published.assign(_key=keys)[["id", "_key"]]
    matched = matched[matched["_key"].isin(set(computed["_key"]))]
    replacing = computed.drop(columns="id").merge(matched, on="_key").assign(replaced=True)
    added = computed[~computed["_key"].isin(set(matched["_key"]))].assign(replaced=False)
    kept = published[~published["id"].isin(set(matched["id"]))]
    return pd.concat([kept, replacing, added], ignore_index=True).drop(columns="_key")
