"""Each computed finding flips its sentence when its data flips, in English and in Chinese.

Every case builds a small frame of a wave's computed rows (with ``provenance``, so the rules
read them as measured), decides the finding on it and on its mirror image, and checks the
outcome and both languages' sentences change. The 2023 data of record decides or attributes
each finding as the 2023 report did.
"""

from __future__ import annotations

import pandas as pd
import pytest

from report_lib.analysis.findings.catalog import FINDINGS, find
from report_lib.analysis.segments import bank_types
from report_lib.present.finding_text import finding_reason, finding_sentence
from report_lib.present.labels import Labels

TYPES = ("state_owned", "joint_stock", "regional")


def rows(topic: str, values: dict[tuple[str, str], float], category: str = "",
         base: str = "respondents_all") -> list[dict]:
    """Computed rows of ``topic``: ``{(subject, segment): value}``."""
    return [{"id": f"{topic}_{subject}_{segment}", "chapter": 2, "topic": topic, "subject": subject,
             "segment": segment, "category": category, "value": value, "value_printed": f"{value:.1f}",
             "unit": "percent", "qualifier": "exact", "base": base, "flag": "", "n": 100.0,
             "provenance": "q@survey/responses.csv"} for (subject, segment), value in values.items()]


def by_type(subject: str, values: tuple[float, float, float]) -> dict:
    return {(subject, s): v for s, v in zip(TYPES, values)}


CASES = {
    "c2_needs_first": (
        rows("core_needs_by_segment", by_type("need_traffic_upgrade", (80, 80, 80)) | by_type("need_user_reach", (20, 20, 20))),
        rows("core_needs_by_segment", by_type("need_traffic_upgrade", (80, 20, 80)) | by_type("need_user_reach", (20, 80, 20)))),
    "c2_deploy_on_premise": (
        rows("deployment_mode", {("mode_on_premise", "all"): 60}),
        rows("deployment_mode", {("mode_on_premise", "all"): 40})),
    "c2_effect_positive": (
        rows("digitalization_effect_satisfaction", {("positive_effect_on_marketing", "all"): 60}),
        rows("digitalization_effect_satisfaction", {("positive_effect_on_marketing", "all"): 40})),
    "c2_deploy_factor_first": (
        rows("deployment_mode_factors_by_segment", {("factor_data_security", "all"): 70, ("factor_project_cost", "all"): 30}),
        rows("deployment_mode_factors_by_segment", {("factor_data_security", "all"): 30, ("factor_project_cost", "all"): 70})),
    "c2_effect_factor_first": (
        rows("digitalization_effect_attribution", {("factor_own_digital_level", "all"): 70, ("factor_product_design", "all"): 30}),
        rows("digitalization_effect_attribution", {("factor_own_digital_level", "all"): 30, ("factor_product_design", "all"): 70})),
    "c2_widest_in_use": (
        rows("rights_deployment_progress", {("stage_deployed_in_use", "all"): 60}, "user_rights_platform")
        + rows("crm_deployment_progress", {("stage_deployed_in_use", "all"): 40}, "crm_platform"),
        rows("rights_deployment_progress", {("stage_deployed_in_use", "all"): 40}, "user_rights_platform")
        + rows("crm_deployment_progress", {("stage_deployed_in_use", "all"): 60}, "crm_platform")),
    "c2_largest_unmet_plan": (
        rows("tool_deployment_progress", {("stage_planned_not_started", "all"): 60}, "traffic_acquisition_products")
        + rows("crm_deployment_progress", {("stage_planned_not_started", "all"): 40}, "crm_platform"),
        rows("tool_deployment_progress", {("stage_planned_not_started", "all"): 40}, "traffic_acquisition_products")
        + rows("crm_deployment_progress", {("stage_planned_not_started", "all"): 60}, "crm_platform")),
    "c2_crm_in_use_by_type": (
        rows("crm_deployment_progress", by_type("stage_deployed_in_use", (95, 90, 92)), "crm_platform"),
        rows("crm_deployment_progress", by_type("stage_deployed_in_use", (5, 40, 12)), "crm_platform")),
    "c2_scrm_channels": (
        rows("crm_scrm_channels", {("scrm_channel_own_app", "all"): 70, ("scrm_channel_wecom", "all"): 30,
                                   ("scrm_channel_own_app", "regional"): 70, ("scrm_channel_wecom", "regional"): 30}),
        rows("crm_scrm_channels", {("scrm_channel_own_app", "all"): 70, ("scrm_channel_wecom", "all"): 30,
                                   ("scrm_channel_own_app", "regional"): 30, ("scrm_channel_wecom", "regional"): 70})),
    "c2_rights_widest": (
        rows("rights_deployment_progress", {("stage_deployed_in_use", "all"): 60}, "user_rights_platform")
        + rows("crm_deployment_progress", {("stage_deployed_in_use", "all"): 40}, "crm_platform"),
        rows("rights_deployment_progress", {("stage_deployed_in_use", "all"): 40}, "user_rights_platform")
        + rows("crm_deployment_progress", {("stage_deployed_in_use", "all"): 60}, "crm_platform")),
    "c2_rights_scenario_gradient": (
        rows("rights_selection_factors", by_type("factor_scenario_diversity", (70, 80, 90)), "user_rights_platform"),
        rows("rights_selection_factors", by_type("factor_scenario_diversity", (90, 80, 70)), "user_rights_platform")),
    "c2_uda_effect_state_vs_regional": (
        rows("uda_evaluation_scores", by_type("application_effect_very_good", (60, 30, 20)), "user_data_analysis_platform"),
        rows("uda_evaluation_scores", by_type("application_effect_very_good", (20, 30, 60)), "user_data_analysis_platform")),
    "c2_security_on_premise": (
        rows("security_deployment_mode", {("mode_on_premise", "all"): 65}, "customer_data_security_products"),
        rows("security_deployment_mode", {("mode_on_premise", "all"): 35}, "customer_data_security_products")),
    "c4_cloud_lean": (
        rows("deployment_mode", {("mode_on_premise", "all"): 50})
        + rows("crm_deployment_mode", {("mode_on_premise", "all"): 70}, "crm_platform"),
        rows("deployment_mode", {("mode_on_premise", "all"): 50})
        + rows("crm_deployment_mode", {("mode_on_premise", "all"): 30}, "crm_platform")),
}


def test_every_finding_has_a_flip_case():
    """The cases below cover the whole catalog, so a new finding cannot go untested."""
    assert set(CASES) == set(FINDINGS)


@pytest.mark.parametrize("key", sorted(CASES))
def test_a_finding_flips_its_sentence_when_its_data_flips(dataset, key):
    """The finding's outcome and its sentence in both languages change with the data; each computed one says why."""
    decided = []
    for frame_rows in CASES[key]:
        frame = pd.DataFrame(frame_rows)
        data = dataset.with_figures(frame, ())
        found = find(key, frame, TYPES)
        assert found.computed, found
        sentences = {lang: finding_sentence(Labels(data, lang), found) for lang in ("en", "zh")}
        assert all(finding_reason(Labels(data, lang), found) for lang in ("en", "zh"))
        decided.append((found.outcome, sentences))
    (first, first_text), (second, second_text) = decided
    assert first != second or first_text["en"] != second_text["en"]
    assert first_text["en"] != second_text["en"] and first_text["zh"] != second_text["zh"]


def test_the_2023_data_decides_or_attributes_each_finding_as_the_report_did(dataset):
    """On the printed figures: bounds decide nothing (attributed); exact figures agree with the 2023 text."""
    outcomes = {key: find(key, dataset.figures, bank_types(dataset)).outcome for key in FINDINGS}
    assert outcomes["c2_crm_in_use_by_type"] == "near_universal_similar"
    assert outcomes["c2_rights_scenario_gradient"] == "rises"
    assert outcomes["c2_security_on_premise"] == "majority"
    assert outcomes["c4_cloud_lean"] == "printed"
    for key in ("c2_needs_first", "c2_deploy_factor_first", "c2_effect_factor_first", "c2_widest_in_use",
                "c2_largest_unmet_plan", "c2_scrm_channels", "c2_uda_effect_state_vs_regional"):
        assert outcomes[key] == "attributed", key


def test_a_tie_at_the_top_decides_nothing():
    """Two factors with the same share: no leader, so the sentence is the 2023 report's, attributed."""
    frame = pd.DataFrame(rows("deployment_mode_factors_by_segment",
                              {("factor_data_security", "all"): 50, ("factor_project_cost", "all"): 50}))
    assert find("c2_deploy_factor_first", frame, TYPES).outcome == "attributed"


def test_names_inside_an_english_sentence_lose_only_a_plain_capital(dataset):
    """``Customer data …`` reads ``customer data …`` mid-sentence; ``WeCom`` and ``CRM`` keep their capitals."""
    from report_lib.present.finding_text import in_sentence

    english, chinese = Labels(dataset, "en"), Labels(dataset, "zh")
    assert in_sentence(english, "Need derivative services") == "need derivative services"
    assert in_sentence(english, "WeCom") == "WeCom" and in_sentence(english, "CRM platform") == "CRM platform"
    assert in_sentence(chinese, "企业微信") == "企业微信"
