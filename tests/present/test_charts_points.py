"""Tests of report_lib.present.charts.points: the policy ladder and the deployment modes, in both languages."""

from __future__ import annotations

from report_lib.analysis import deployment
from report_lib.present import charts
from report_lib.present.labels import Labels
from label_checks import label, labelled, words  # noqa: F401  (fixtures)


def test_policy_ladder_one_row_per_policy(dataset, label, labelled):
    """Every policy document is one point, from national strategy down to banking."""
    policies = dataset.table("policies")
    chart, table = charts.policy_ladder(policies, dataset.table("policy_levels"), label)
    labelled(table)
    assert len(table) == len(policies)
    assert chart.to_dict()["layer"]


def test_deployment_modes_chart_names_tools_and_modes(dataset, label, labelled):
    """Every plotted row has a tool name and a mode label; the all-tools row comes first."""
    chart, table = charts.deployment_modes(deployment.deployment_modes(dataset.figures), label)
    labelled(table)
    tools = table[label("column.tool")].tolist()
    assert tools[0] == label("tool.all_marketing_tools")
    assert label("mode.private_cloud") in set(table[label("column.deployment_mode")])
    assert chart.to_dict()["layer"]


def test_deployment_mode_colours_do_not_depend_on_language(dataset):
    """On-premise gets the first palette colour in English and in Chinese (the domain is in mode order)."""
    modes = deployment.deployment_modes(dataset.figures)
    scales = []
    for lang in ("en", "zh"):
        label = Labels(dataset, lang)
        chart, _ = charts.deployment_modes(modes, label)
        scale = chart.to_dict()["layer"][0]["encoding"]["color"]["scale"]
        assert scale["domain"][0] == label("mode.on_premise")
        scales.append(scale["range"])
    assert scales[0] == scales[1]
