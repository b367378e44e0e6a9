"""The one place that says how many respondents (n) stand behind each segment.

The source states n only for the whole sample (120, ``bases.csv``). The number of
respondents per bank type is not published; :mod:`report_lib.sample_sizes` infers it from
the printed percentages (each must be k/n for a whole k). Where two splits explain the
figures equally well a bank type has two possible sizes, and both are shown. Every chart,
table and page that shows a segment's n calls these functions.
"""

from __future__ import annotations

import pandas as pd

from report_lib.dataset import Dataset
from report_lib.labels import Labels
from report_lib.sample_sizes import COMBINED, PARTS, Inference, infer_segment_sizes
from report_lib.segments import MARKET

MARKET_BASE = "respondents_all"
"""The base whose stated n is the whole sample."""
INFERABLE = (*PARTS, *COMBINED)
"""Segments whose size is inferred: the bank types and their combinations (not sub-groups)."""

_INFERENCES: dict[int, tuple[pd.DataFrame, Inference]] = {}
"""Inference by ``id`` of the figures it came from; the figures are kept so the id cannot be reused."""


def sample_n(dataset: Dataset) -> int | None:
    """Return the stated size of the whole sample, or ``None`` if ``bases.csv`` gives none."""
    n = dataset.table("bases").set_index("base").loc[MARKET_BASE, "n"]
    return int(n) if pd.notna(n) else None


def inference(dataset: Dataset) -> Inference:
    """Return the bank-type sizes inferred from the dataset's printed shares (computed once per dataset)."""
    figures = dataset.figures
    if id(figures) not in _INFERENCES:
        _INFERENCES[id(figures)] = (figures, infer_segment_sizes(figures, sample_n(dataset) or 0))
    return _INFERENCES[id(figures)][1]


def segment_sizes(dataset: Dataset, segment: str) -> list[int]:
    """Return the possible sizes of ``segment``: the stated sample for ``all``, inferred for bank types.

    Empty when nothing is known (a sub-group such as city commercial banks).
    """
    if segment == MARKET:
        n = sample_n(dataset)
        return [n] if n is not None else []
    if segment in INFERABLE and sample_n(dataset):
        return inference(dataset).sizes(segment)
    return []


def n_text(label: Labels, segment: str) -> str:
    """Return ``n=120``, ``n=36 / 54, inferred`` or "n not published" for ``segment``, in the label's language."""
    sizes = segment_sizes(label.dataset, segment)
    if not sizes:
        return label("footer.n_not_published")
    shown = " / ".join(map(str, sizes))
    return label("footer.n_all" if segment == MARKET else "footer.n_inferred").format(n=shown)
