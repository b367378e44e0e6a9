"""Tests of report_lib.analysis.tools: strategy-matrix placements and the importance shares."""

import pandas as pd

from report_lib.analysis.tools import importance_over_time, placed_on_one_axis, strategy_placements


def _tools():
    return pd.DataFrame({"tool_id": ["a", "b", "c"], "lifecycle_stage": ["acquire;retain", "grow", ""],
                         "channel": ["online", "", "offline"], "placement_basis": ["stated", "inferred", "inferred"]})


def test_a_tool_is_placed_in_every_cell_its_stages_and_channels_span():
    """A tool with two stages and one channel gets two cells; tools missing an axis get none."""
    placed = strategy_placements(_tools())
    assert placed[["tool_id", "stage", "channel"]].values.tolist() == [["a", "acquire", "online"], ["a", "retain", "online"]]
    assert placed["basis"].tolist() == ["stated", "stated"]


def test_tools_on_one_axis_are_those_with_a_stage_or_a_channel_only():
    """b has a stage only and c a channel only: both are listed, a (both axes) is not."""
    assert placed_on_one_axis(_tools())["tool_id"].tolist() == ["b", "c"]


def test_importance_over_time_counts_each_printing_once(dataset):
    """The rights platform's shares are printed twice; the repeat rows are left out and today comes first."""
    rows = importance_over_time(dataset.figures)
    assert not rows["id"].str.endswith("_repeat").any()
    assert rows["id"].is_unique and set(rows["segment"]) == {"all"}
    assert rows["subject"].tolist() == sorted(rows["subject"])
