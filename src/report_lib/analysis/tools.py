"""The marketing tools of ``reference/tools.csv``: where the strategy matrix places each one.

The source's strategy matrix crosses three lifecycle stages with three channel layers and
places each tool where it is mostly used. ``tools.csv`` records a tool's stages and
channels as ``;``-separated ids; a tool with both is placed in every (stage, channel)
cell they span, a tool with only one of the two cannot be placed in the grid.
"""

from __future__ import annotations

import pandas as pd

from report_lib.analysis.printed import first_printings
from report_lib.analysis.segments import MARKET


def _ids(cell: str) -> list[str]:
    return [i for i in cell.split(";") if i]


def strategy_placements(tools: pd.DataFrame) -> pd.DataFrame:
    """Return one row per (tool, stage, channel) cell of the strategy matrix the tool is placed in.

    Returns
    -------
    DataFrame
        Columns ``tool_id``, ``stage``, ``channel`` and ``basis`` (the tool's
        ``placement_basis``: stated by the text or inferred from its description), in
        tool order, then stage, then channel as listed.
    """
    return pd.DataFrame([
        {"tool_id": t.tool_id, "stage": s, "channel": c, "basis": t.placement_basis}
        for t in tools.itertuples() for s in _ids(t.lifecycle_stage) for c in _ids(t.channel)
    ], columns=["tool_id", "stage", "channel", "basis"])


def placed_on_one_axis(tools: pd.DataFrame) -> pd.DataFrame:
    """Return the tools with a stage or a channel but not both (they have no cell in the grid)."""
    return tools[(tools["lifecycle_stage"] == "") != (tools["channel"] == "")]


IMPORTANCE_SUBJECTS = ("strategic_importance_current", "strategic_importance_future_5y")
"""The survey shares behind a tool's importance grade: strategic today and in five years."""


def importance_over_time(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the all-bank shares calling a tool strategic today and in five years, each printing once.

    Sorted by subject (today first), keeping the figures' order within a subject;
    repeat printings are left out (:func:`report_lib.analysis.printed.first_printings`).
    """
    rows = figures[figures["subject"].isin(IMPORTANCE_SUBJECTS) & (figures["segment"] == MARKET)]
    return first_printings(rows).sort_values("subject", kind="stable")
