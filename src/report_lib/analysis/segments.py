"""Bank types (segments): which ids exist, which are bank types, and checking a requested one.

The survey reports figures for three bank types besides the whole market; the source
sometimes combines two (``state_owned_joint_stock``) or names a sub-group
(``city_commercial``). All of them are rows of ``reference/segments.csv``.
"""

from __future__ import annotations

import pandas as pd

from report_lib.data.dataset import Dataset
from report_lib.data.market import MARKET  # noqa: F401 (the analysis layer's name for it)


def segment_ids(dataset: Dataset) -> list[str]:
    """Return every segment id in display order."""
    table = dataset.table("segments").sort_values("order")
    return table["segment"].tolist()


def bank_types(dataset: Dataset) -> list[str]:
    """Return the bank-type segments a reader can choose (state-owned, joint-stock, regional)."""
    table = dataset.table("segments").sort_values("order")
    return table.loc[table["kind"] == "bank_type", "segment"].tolist()


def segment_figures(figures: pd.DataFrame, segment: str, chapters: tuple[int, ...] | None = None) -> pd.DataFrame:
    """Return the ``figures`` printed for ``segment`` (only those of ``chapters`` when given)."""
    keep = figures["segment"] == segment
    if chapters is not None:
        keep &= figures["chapter"].isin(chapters)
    return figures[keep]


def check_segment(dataset: Dataset, segment: str) -> str:
    """Return ``segment`` if a chapter can be rendered for it, else raise ``ValueError`` naming the choices."""
    choices = [MARKET, *bank_types(dataset)]
    if segment not in choices:
        raise ValueError(f"segment must be one of {', '.join(choices)}; got {segment!r}")
    return segment
