"""What a survey wave adds to a bar: its exact n, its 95% interval and, for a bank type, a significance mark.

Rows computed from a wave (:mod:`report_lib.analysis.wave_dataset`) carry ``n``, ``ci_low``,
``ci_high`` and, for a bank type, ``significant`` (the test against the other banks). Published
rows have these columns empty, and a folder without a wave has none of them: every function
here then says so (``False``, empty) and the chart is drawn as before.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from report_lib.present.labels import Labels


def has_intervals(figures: pd.DataFrame) -> bool:
    """True when some of ``figures`` carry a computed interval (``ci_low`` and ``ci_high``)."""
    return {"ci_low", "ci_high"} <= set(figures.columns) and bool(figures["ci_low"].notna().any())


def computed_n(figures: pd.DataFrame) -> pd.Series:
    """The exact n of each computed row (NaN on published rows and without a wave)."""
    if "n" not in figures.columns:
        return pd.Series(np.nan, index=figures.index)
    return pd.to_numeric(figures["n"], errors="coerce")


def significant_rows(figures: pd.DataFrame, segment: str | None) -> np.ndarray:
    """True for the rows of bank type ``segment`` that differ significantly from the other banks.

    ``None`` (no bank type chosen) or a folder without a wave marks nothing.
    """
    if segment is None or "significant" not in figures.columns:
        return np.zeros(len(figures), dtype=bool)
    return ((figures["segment"] == segment) & figures["significant"].eq(True)).to_numpy(dtype=bool)


def interval_text(label: Labels, low: float, high: float, unit: str) -> str:
    """An interval in ``unit`` as the book prints it, e.g. ``41.2–49.3%`` (empty when there is none)."""
    if pd.isna(low) or pd.isna(high):
        return ""
    return label.value(label("chart.interval").format(low=f"{low:.1f}", high=f"{high:.1f}"), unit, "exact")


def tests_named(figures: pd.DataFrame) -> list[str]:
    """The tests (column ``test``) behind the significance of ``figures``, in order of first use."""
    if "test" not in figures.columns:
        return []
    return [t for t in dict.fromkeys(figures["test"].dropna()) if t]
