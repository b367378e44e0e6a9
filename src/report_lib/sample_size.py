"""The one place that says how many respondents (n) stand behind each segment.

The source states n only for the whole sample (120, ``bases.csv``). The number of
respondents per bank type is not published; it can be inferred from the printed
percentages (each must be k/n for a whole k), which is work in progress in
``report_lib.sample_sizes``. Until that lands, :func:`segment_n` returns ``None`` for
every bank type and the book says "n not published". To show inferred sizes, change
only :func:`segment_n` (and mark them as inferred in :func:`n_text`); every chart,
table and page that shows a segment's n calls these two functions.
"""

from __future__ import annotations

import pandas as pd

from report_lib.dataset import Dataset
from report_lib.labels import Labels
from report_lib.segments import MARKET

MARKET_BASE = "respondents_all"
"""The base whose stated n is the whole sample."""


def segment_n(dataset: Dataset, segment: str) -> int | None:
    """Return the number of respondents of ``segment``, or ``None`` when the source does not state it.

    ``all`` gives the stated sample size from ``bases.csv``; bank types give ``None`` for now.
    """
    if segment == MARKET:
        bases = dataset.table("bases").set_index("base")
        n = bases.loc[MARKET_BASE, "n"]
        return int(n) if pd.notna(n) else None
    return None


def n_text(label: Labels, segment: str) -> str:
    """Return ``n=120`` or the label "n not published" for ``segment``, in the label's language."""
    n = segment_n(label.dataset, segment)
    return f"n={n}" if n is not None else label("footer.n_not_published")
