"""The primitive tests a finding applies to figures: who leads, whether a share is a majority, a direction.

The 2023 text says who leads, whether a share is a majority and whether a share rises; with a
survey wave the figures change, so a finding asks these functions and picks its sentence by the
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


NEAR_UNIVERSAL = 85.0
"""A share at or above this (percent) in every bank type is "near-universal"."""
SIMILAR_PP = 15.0
"""Bank types whose shares lie within this many percentage points of each other are "similar"."""


THRESHOLDS = {"majority": MAJORITY, "rare": RARE, "near_universal": NEAR_UNIVERSAL, "similar_pp": SIMILAR_PP}
"""The named thresholds, as the ``rule.*`` labels quote them (``{majority:g}%``)."""


def from_wave(figures: pd.DataFrame) -> bool:
    """True when ``figures`` hold rows computed from a survey wave (they carry a ``provenance``)."""
    return "provenance" in figures.columns and bool(figures["provenance"].fillna("").ne("").any())


def measured(figures: pd.DataFrame) -> pd.DataFrame:
    """The rows a rule may compare: with a wave, only the wave's computed rows; else the exact or approximate ones.

    A printed bound ("83%+") cannot say which of two shares is larger, and a 2023 row left in a
    wave's book is not the wave's, so neither decides a finding.
    """
    if from_wave(figures):
        return figures[figures["provenance"].fillna("").ne("")]
    return figures[figures["qualifier"].isin(("exact", "approx"))]


def leader(rows: pd.DataFrame, by: str = "subject") -> str | None:
    """The ``by`` value of the row with the highest value; ``None`` for no rows or a tie at the top."""
    if rows.empty:
        return None
    values = rows["value"].astype(float)
    top = values.max()
    return str(rows.loc[values.idxmax(), by]) if (values == top).sum() == 1 else None
