"""Findings a chapter states in words, computed from the figures so they stay true for new data.

The 2023 text says who leads, whether a share is a majority and whether a share rises; with a
survey wave the figures change, so a page asks these functions and picks its sentence by the
answer (the sentences are labels). Each function reads the data of record (published rows, or
a wave's computed rows in their place) and returns ids and values, never words.
"""

from __future__ import annotations

import pandas as pd

MAJORITY = 50.0
"""A share above this (percent) is "more than half"."""
RARE = 5.0
"""A share below this (percent) is "almost never"."""


def rows_of(figures: pd.DataFrame, topic: str, subject: str, segments: list[str] | tuple[str, ...]) -> pd.DataFrame:
    """The rows of ``topic`` and ``subject`` for ``segments`` (one per segment, the first printed), in their order."""
    rows = figures[(figures["topic"] == topic) & (figures["subject"] == subject) & figures["segment"].isin(segments)]
    rows = rows.drop_duplicates("segment")
    return rows.set_index("segment", drop=False).reindex([s for s in segments if s in set(rows["segment"])])


def leading_segment(figures: pd.DataFrame, topic: str, subject: str,
                    segments: list[str] | tuple[str, ...]) -> str | None:
    """The segment with the highest value of ``topic``/``subject`` among ``segments``; ``None`` unless all have one.

    A tie for the top is no lead (``None``).
    """
    rows = rows_of(figures, topic, subject, segments)
    if len(rows) != len(segments):
        return None
    values = rows["value"].astype(float)
    top = values.max()
    return str(values.idxmax()) if (values == top).sum() == 1 else None


def is_rare(value: float) -> bool:
    """True when a share (percent) is below :data:`RARE`: what the text calls "almost never"."""
    return float(value) < RARE


def is_majority(value: float) -> bool:
    """True when a share (percent) is more than half."""
    return float(value) > MAJORITY


def direction(before: float, after: float) -> str:
    """``"up"``, ``"down"`` or ``"same"``: how a share moves from ``before`` to ``after``."""
    before, after = float(before), float(after)
    return "up" if after > before else "down" if after < before else "same"
