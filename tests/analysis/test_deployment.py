"""Tests of report_lib.analysis.deployment: deployment-mode shares per tool against tools overall."""

import pandas as pd

from report_lib.analysis import deployment


def figures(rows):
    """A minimal figures frame: (id, topic, subject, category, value)."""
    frame = pd.DataFrame(rows, columns=["id", "topic", "subject", "category", "value"])
    return frame.assign(segment="all", value_printed=frame["value"].astype(str), qualifier="exact",
                        base="respondents_all", flag="")


def test_deployment_modes_reads_by_topic_and_subject():
    """Rows are found by topic suffix and mode_ prefix, not by id; other topics are ignored."""
    frame = figures([("a", "deployment_mode", "mode_on_premise", "", 56),
                     ("b", "crm_deployment_mode", "mode_private_cloud", "crm", 30),
                     ("c", "crm_product_choice", "mode_on_premise", "crm", 99)])
    modes = deployment.deployment_modes(frame)
    assert modes["id"].tolist() == ["a", "b"]
    assert modes["mode"].tolist() == ["on_premise", "private_cloud"]


def test_cloud_lean_follows_the_mode():
    """More private cloud or less on-premise than overall leans to the cloud; no overall value is said so."""
    frame = figures([("o1", "deployment_mode", "mode_on_premise", "", 56),
                     ("o2", "deployment_mode", "mode_private_cloud", "", 44),
                     ("t1", "x_deployment_mode", "mode_private_cloud", "rights", 65),
                     ("t2", "x_deployment_mode", "mode_on_premise", "crm", 72.8),
                     ("t3", "x_deployment_mode", "mode_on_premise", "other", 50),
                     ("t4", "x_deployment_mode", "mode_public_cloud", "sec", 1.7)])
    result = deployment.cloud_acceptance(frame).set_index("id")
    assert result.loc["t1", "difference_pp"] == 21.0
    assert result["cloud_lean"].to_dict() == {"t1": "more_cloud", "t2": "less_cloud", "t3": "more_cloud",
                                              "t4": "no_overall"}
    assert deployment.tools_leaning(result.reset_index(), "more_cloud") == ["rights", "other"]


def test_on_the_data_of_record_only_the_rights_platform_leans_to_the_cloud(dataset):
    """With the published chapter-2 figures, the rights platform is the one tool above the overall cloud share."""
    result = deployment.cloud_acceptance(dataset.figures)
    assert deployment.tools_leaning(result, "more_cloud") == ["user_rights_platform"]
    assert set(deployment.tools_leaning(result, "less_cloud")) == {"crm_platform", "customer_data_security_products"}


def test_other_segments_have_no_deployment_modes(dataset):
    """The source prints no deployment-mode share by bank type."""
    assert deployment.deployment_modes(dataset.figures, "regional").empty


def test_on_premise_from_gap_adds_the_gap_to_private_cloud():
    """The implied on-premise share is private cloud plus the printed gap, without float noise."""
    from report_lib.analysis.deployment import on_premise_from_gap

    assert on_premise_from_gap(36.4, 9.1) == 45.5
    assert f"{on_premise_from_gap(0.1, 0.2)}" == "0.3"


def test_each_tool_has_one_lean_when_four_modes_are_compared():
    """A wave compares four modes: a tool on premises less often than overall but on private cloud less often too
    leans to the cloud once (its on-premise comparison decides), never in both lists."""
    frame = figures([("o1", "deployment_mode", "mode_on_premise", "", 45),
                     ("o2", "deployment_mode", "mode_private_cloud", "", 20),
                     ("o3", "deployment_mode", "mode_public_cloud", "", 20),
                     ("c1", "crm_deployment_mode", "mode_on_premise", "crm", 30),
                     ("c2", "crm_deployment_mode", "mode_private_cloud", "crm", 10),
                     ("s1", "sec_deployment_mode", "mode_private_cloud", "sec", 30),
                     ("s2", "sec_deployment_mode", "mode_public_cloud", "sec", 10)])
    result = deployment.cloud_acceptance(frame)
    assert deployment.tools_leaning(result, "more_cloud") == ["crm"]
    assert deployment.tools_leaning(result, "less_cloud") == []
    assert deployment.tool_lean(result).to_dict() == {"crm": "more_cloud", "sec": "mixed"}
