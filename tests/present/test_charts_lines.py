"""Tests of report_lib.present.charts.lines: level and growth-check lines, in both languages."""

from __future__ import annotations

from report_lib.analysis.growth import compare_growth
from report_lib.present import charts
from label_checks import label, labelled, words  # noqa: F401  (fixtures)


def test_level_line_keeps_the_printed_values(dataset, label, labelled):
    """Each point carries its value as printed; the table's columns are labels."""
    levels = dataset.series("bank_cards", "cards_cumulative")
    chart, table = charts.level_line(levels, label, unit="cards_100m", period_axis="axis.year")
    labelled(table)
    assert table[label("column.value")].tolist() == levels.tolist()
    assert len(chart.to_dict()["layer"]) == 3


def test_growth_check_has_published_and_recomputed_series(dataset, label, labelled):
    """Both series are drawn; the table is the comparison, one row per period."""
    levels = dataset.series("bank_cards", "cards_cumulative")
    comparison = compare_growth(levels, dataset.series("bank_cards", "cards_cumulative_growth"))
    chart, table = charts.growth_check(comparison, label, period_axis="axis.year")
    labelled(table)
    assert len(table) == len(comparison)
    assert chart.to_dict()["layer"][0]["encoding"]["color"]["field"] == label("column.series")
