"""Tests of report_lib.present.charts.grids: matrices and heat maps, in both languages."""

from __future__ import annotations

import pandas as pd

from report_lib.analysis import evaluation, expert_themes, vendors
from report_lib.analysis.segment_comparison import split_figures
from report_lib.present import charts
from label_checks import label, labelled, words  # noqa: F401  (fixtures)


def test_strategy_matrix_has_every_cell(label, labelled):
    """All nine stage x channel cells are drawn, a stated tool marked with ``*``."""
    stage, channel = label("stage.acquisition"), label("channel.online")
    placements = pd.DataFrame([{"stage": stage, "channel": channel, "tool": "A", "basis": "stated"}])
    _, table = charts.strategy_matrix(placements, label)
    labelled(table)
    assert len(table) == 9 and table[label("column.tools")].tolist().count("A *") == 1


def test_tier_grid_marks_a_disagreeing_tier(dataset, label, labelled):
    """Every graded tool is placed; the table says whether its cell agrees with the published tier."""
    graded = evaluation.evaluate_tools(dataset.table("tool_grades"), dataset.table("tool_classes"))
    placed = graded.assign(tool=[label.name("tools", t) for t in graded["tool_id"]],
                           tier=[evaluation.maturity_effect_tier(m, e)
                                 for m, e in zip(graded["maturity"], graded["effect"])])
    _, table = charts.tier_grid(placed, label)
    labelled(table)
    assert len(table) == len(placed) and (~table[label("column.agrees")].astype(bool)).any()


def test_segment_heatmap_shows_printed_values(dataset, label, labelled):
    """Each non-empty cell is a printed value; columns are labels."""
    _, table = charts.segment_heatmap(split_figures(dataset), label)
    labelled(table)
    assert (table[label("column.value")] != "").all()


def test_capability_grid_has_every_pair_and_quotes_marked_ones(dataset, label, labelled):
    """The grid's table holds every vendor x capability pair; marked pairs carry their quote."""
    cells = dataset.table("vendor_capabilities")
    matrix = vendors.capability_matrix(cells, dataset.table("vendors"), dataset.table("capabilities"))
    _, data = charts.capability_grid(matrix, cells, label)
    labelled(data)
    assert len(data) == matrix.size
    marked = data[data[label("column.status")] == label("series.marked")]
    assert len(marked) == len(cells) and (marked[label("column.quote_zh")] != "").all()


def test_theme_matrix_has_one_row_per_expert(dataset, label, labelled):
    """One row per expert and a mark in each coded cell."""
    experts, themes = dataset.table("experts"), dataset.table("themes")
    marked = expert_themes.cells(dataset.table("expert_themes"))
    _, table = charts.theme_matrix(expert_themes.matrix(marked, experts, themes), marked, label)
    labelled(table)
    assert len(table) == len(experts) and (table == "●").sum().sum() == len(marked)
