"""Tests of report_lib.present.charts.bars: every bar chart through the one labelled-bar core, in both languages."""

from __future__ import annotations

from report_lib.analysis import expert_themes, trends, vendors
from report_lib.present import charts, theme
from label_checks import label, labelled, words  # noqa: F401  (fixtures)


def colour_scale(chart) -> dict:
    """The colour scale of the bars (first layer) of a faceted bar chart."""
    return chart.to_dict()["spec"]["layer"][0]["encoding"]["color"]["scale"]


def test_figure_bars_label_each_bar_with_value_and_n(dataset, label, labelled):
    """One bar per figure, labelled as printed with its n; the table's columns are labels."""
    rows = dataset.select(topic="core_needs_by_segment")
    chart, table = charts.figure_bars(rows, label)
    labelled(table)
    assert len(table) == len(rows)
    printed = table[label("column.value")]
    assert (table[label("column.bar_label")].str.startswith(tuple(printed))).all()
    assert chart.to_dict()["facet"]["row"]["field"] == label("column.item")


def test_figure_bars_highlight_one_key(dataset, label, labelled):
    """With a highlight, its bars are marked in the table and drawn in the highlight colour."""
    rows = dataset.select(topic="core_needs_by_segment")
    chart, table = charts.figure_bars(rows, label, highlight="regional")
    labelled(table)
    assert (table[label("column.highlighted")] == label("cell.yes")).tolist() == (rows["segment"] == "regional").tolist()
    assert colour_scale(chart)["range"] == [theme.HIGHLIGHT, theme.MUTED]


def test_figure_bars_segment_against_market(dataset, label, labelled):
    """The segment against all banks against the other bank types: three roles, three colours."""
    rows = dataset.select(topic="rights_selection_factors")
    chart, table = charts.figure_bars(rows, label, item="figure", highlight="regional", market=True)
    labelled(table)
    assert "role" not in table.columns
    assert colour_scale(chart) == {"domain": ["chosen", "market", "other"],
                                   "range": [theme.HIGHLIGHT, theme.MARKET_BAR, theme.MUTED]}


def test_figure_bars_read_category_as_tool(dataset, label):
    """``group="tool"`` names each bar by its tool, the all-tools row by its own label."""
    rows = dataset.figures[dataset.figures["topic"].str.endswith("deployment_mode")
                           & (dataset.figures["unit"] == "percent")]
    _, table = charts.figure_bars(rows, label, group="tool")
    names = set(table[label("column.group")])
    assert label.name("tools", rows["category"][rows["category"] != ""].iloc[0]) in names


def test_vendors_per_category_shows_the_lost_names(dataset, label, labelled):
    """One bar per category plus one for the lost names, whose count is 28."""
    vendor_list, categories = dataset.table("vendors"), dataset.table("vendor_categories")
    chart, data = charts.vendors_per_category(vendors.named_per_category(vendor_list, categories),
                                              vendors.list_coverage(vendor_list, 30), label)
    labelled(data)
    assert len(data) == len(categories) + 1
    assert data[label("column.vendor_count")].tolist() == [0, 0, 1, 1, 28]
    assert chart.to_dict()["layer"]


def test_claims_per_case_chart(dataset, label, labelled):
    """One bar per case with its count; vendor names in the chart's language."""
    _, data = charts.claims_per_case(vendors.claims_per_case(dataset.figures, dataset.table("cases")), label)
    labelled(data)
    assert data[label("column.claims")].sum() == 11
    assert ("蚂蚁集团" in data[label("column.vendor")].tolist()) == (label.lang == "zh")


def test_derived_services_chart_shows_printed_qualifiers(dataset, label, labelled):
    """The need for derivative services is labelled as approximate, as printed."""
    _, table = charts.derived_services(trends.derived_services(dataset.figures, dataset.table("bases")), label)
    labelled(table)
    assert table[label("column.value")].tolist()[0].startswith(("~", "约"))


def test_theme_frequency_sums_to_the_coding(dataset, label, labelled):
    """The frequency chart's table sums to the marked expert cells, most frequent first."""
    experts, themes = dataset.table("experts"), dataset.table("themes")
    marked = expert_themes.cells(dataset.table("expert_themes"))
    _, table = charts.theme_frequency(expert_themes.theme_frequency(marked, experts, themes), label)
    labelled(table)
    counts = table[label("axis.experts")]
    assert counts.sum() == len(marked) and counts.is_monotonic_decreasing
