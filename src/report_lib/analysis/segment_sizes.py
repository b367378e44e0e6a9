"""How many respondents (n) stand behind each segment: stated for the sample, inferred for bank types.

The source states n only for the whole sample (120, ``bases.csv``). The number of
respondents per bank type is not published; :mod:`report_lib.analysis.sample_sizes` infers it from
the printed percentages (each must be k/n for a whole k). Where two splits explain the
figures equally well a bank type has two possible sizes, and both are shown. Every chart,
table and page that shows a segment's n gets it through :func:`report_lib.present.labels.n_text`, the one formatter.
"""

from __future__ import annotations

import hashlib

import pandas as pd

from report_lib.data.dataset import Dataset
from report_lib.analysis.sample_sizes import COMBINED, PARTS, Inference, infer_segment_sizes, segment_shares
from report_lib.analysis.segments import MARKET
from report_lib.analysis.wave_sizes import known_sizes

MARKET_BASE = "respondents_all"
"""The base whose stated n is the whole sample."""
INFERABLE = (*PARTS, *COMBINED)
"""Segments whose size is inferred: the bank types and their combinations (not sub-groups)."""

_INFERENCES: dict[str, Inference] = {}
"""Inference by a hash of the shares it is computed from (their content, never an object's identity)."""


def sample_n(dataset: Dataset) -> int | None:
    """Return the stated size of the whole sample, or ``None`` if ``bases.csv`` gives none."""
    n = dataset.table("bases").set_index("base").loc[MARKET_BASE, "n"]
    return int(n) if pd.notna(n) else None


def inference(dataset: Dataset) -> Inference:
    """Return the bank-type sizes inferred from the dataset's printed shares.

    Computed once per content: the cache key hashes the shares that constrain the sizes
    (:func:`~report_lib.analysis.sample_sizes.segment_shares`) and the stated sample size,
    so two datasets with the same shares share one inference and a changed share never
    returns a stale one.
    """
    figures, total = dataset.figures, sample_n(dataset) or 0
    shares = segment_shares(figures)
    key = hashlib.sha256(f"{total}\n{shares.to_csv(index=False)}".encode()).hexdigest()
    if key not in _INFERENCES:
        _INFERENCES[key] = infer_segment_sizes(figures, total)
    return _INFERENCES[key]


def sizes_known(dataset: Dataset) -> bool:
    """True when the dataset holds a survey wave, whose sizes are counted (:mod:`report_lib.analysis.wave_sizes`)."""
    return known_sizes(dataset) is not None


def segment_sizes(dataset: Dataset, segment: str) -> list[int]:
    """Return the possible sizes of ``segment``: the stated sample for ``all``, inferred for bank types.

    With a survey wave, the one counted size of ``segment``. Empty when nothing is known
    (a sub-group such as city commercial banks).
    """
    known = known_sizes(dataset)
    if known is not None:
        return [known[segment]] if segment in known else []
    if segment == MARKET:
        n = sample_n(dataset)
        return [n] if n is not None else []
    if segment in INFERABLE and sample_n(dataset):
        return inference(dataset).sizes(segment)
    return []
