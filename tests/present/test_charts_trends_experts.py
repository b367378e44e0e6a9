"""Tests of report_lib.present.charts.trends and report_lib.present.charts.experts: (chart, table) pairs with labels."""

import pytest

from report_lib.present import charts
from report_lib.analysis import deployment
from report_lib.analysis import expert_themes
from report_lib.analysis import trends
from report_lib.present.labels import Labels


@pytest.fixture(params=["en", "zh"])
def label(dataset, request):
    return Labels(dataset, request.param)


def test_deployment_modes_chart_names_tools_and_modes(dataset, label):
    """Every plotted row has a tool name and a mode label; the all-tools row comes first."""
    chart, table = charts.deployment_modes(deployment.deployment_modes(dataset.figures), label, title="t")
    tools = table[label("column.tool")].tolist()
    assert tools[0] == label("tool.all_marketing_tools")
    assert label("mode.private_cloud") in set(table[label("column.deployment_mode")])
    assert chart.to_dict()["layer"]


def test_derived_services_chart_shows_printed_qualifiers(dataset, label):
    """The need for derivative services is labelled as approximate, as printed."""
    _, table = charts.derived_services(trends.derived_services(dataset.figures, dataset.table("bases")), label, title="t")
    assert table[label("column.value")].tolist()[0].startswith(("~", "约"))


def test_theme_charts_are_computed_from_the_coding(dataset, label):
    """The frequency chart's table sums to the marked expert cells; the matrix has one row per expert."""
    experts, theme_table = dataset.table("experts"), dataset.table("themes")
    marked = expert_themes.cells(dataset.table("expert_themes"))
    _, freq = charts.theme_frequency(expert_themes.theme_frequency(marked, experts, theme_table), theme_table,
                                             label, title="t")
    assert freq[label("axis.experts")].sum() == len(marked)
    grid = expert_themes.matrix(marked, experts, theme_table)
    _, table = charts.theme_matrix(grid, marked, experts, theme_table, label, title="t")
    assert len(table) == len(experts) and (table == "●").sum().sum() == len(marked)


def test_deployment_mode_colours_do_not_depend_on_language(dataset):
    """On-premise gets the first palette colour in English and in Chinese (the domain is in mode order)."""
    modes = deployment.deployment_modes(dataset.figures)
    scales = []
    for lang in ("en", "zh"):
        label = Labels(dataset, lang)
        chart, _ = charts.deployment_modes(modes, label, title="t")
        scale = chart.to_dict()["layer"][0]["encoding"]["color"]["scale"]
        assert scale["domain"][0] == label("mode.on_premise")
        scales.append(scale["range"])
    assert scales[0] == scales[1]
