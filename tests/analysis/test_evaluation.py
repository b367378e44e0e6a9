"""Tests of report_lib.analysis.evaluation: tiers, the 3C core, importance over time, reading grades back."""

import pandas as pd
import pytest

from report_lib.analysis.evaluation import (comprehensive_importance, consistent_grades, evaluate_tools,
                                          in_3c_core, maturity_effect_tier, read_back_grades)


@pytest.mark.parametrize(("maturity", "effect", "tier"), [
    ("high", "high", 1), ("high", "medium", 2), ("medium", "high", 2),
    ("high", "low", 3), ("low", "high", 3), ("medium", "medium", 3), ("low", "low", 3),
])
def test_tier_rule_at_its_edges(maturity, effect, tier):
    """Tier 1 needs both high; one high and one low is tier 3, not tier 2."""
    assert maturity_effect_tier(maturity, effect) == tier


def test_3c_core_needs_one_high_and_no_low():
    """Medium-medium-high is core; high-high-low and medium everywhere are not."""
    assert in_3c_core("medium", "medium", "high")
    assert not in_3c_core("high", "high", "low") and not in_3c_core("medium", "medium", "medium")


def test_unknown_grade_is_an_error():
    """A misspelt grade raises instead of being treated as low."""
    with pytest.raises(ValueError, match="grade must be one of"):
        maturity_effect_tier("hi", "high")


def test_comprehensive_importance_uses_weights():
    """Equal weights round a medium/high mix up; weighting the present pulls it down."""
    assert comprehensive_importance({"t0": "medium", "t+5y": "high"}) == "high"
    assert comprehensive_importance({"t0": "medium", "t+5y": "high"}, {"t0": 3, "t+5y": 1}) == "medium"
    assert comprehensive_importance({"t0": "low", "t+5y": "high"}) == "medium"
    with pytest.raises(ValueError):
        comprehensive_importance({"t0": "high"}, {"t+5y": 1})


def test_read_back_forces_what_the_class_implies():
    """Tier 1 forces maturity and effect high; tier 1 outside the core forces importance low."""
    assert read_back_grades({}, 1, False) == {"importance": "low", "maturity": "high", "effect": "high"}
    assert read_back_grades({}, 1, True)["importance"] == "medium or high"


def test_stated_grades_that_contradict_the_class():
    """Medium maturity and medium effect cannot be tier 2: no combination survives."""
    assert consistent_grades({"maturity": "medium", "effect": "medium"}, 2, None) == []
    assert read_back_grades({"maturity": "medium", "effect": "medium"}, 2, True)["maturity"] == "contradiction"


def test_evaluate_tools_reports_the_conflict():
    """A tool whose stated grades contradict its tier is not reproduced and names 'tier'."""
    grades = pd.DataFrame({"tool_id": ["x", "x"], "dimension": ["maturity", "effect"],
                           "time_point": ["overall", "overall"], "grade": ["medium", "medium"]})
    classes = pd.DataFrame({"tool_id": ["x", "y"], "tier": [2, 1], "core": ["yes", "yes"]})
    result = evaluate_tools(grades, classes).set_index("tool_id")
    assert result.loc["x", "conflict"] == "tier" and not result.loc["x", "reproduced"]
    assert result.loc["y", "reproduced"] and result.loc["y", "maturity_basis"] == "inferred"


def test_published_results_on_the_data_of_record(dataset):
    """The models reproduce the published tiers and 3C core except the data-security tier."""
    result = evaluate_tools(dataset.table("tool_grades"), dataset.table("tool_classes")).set_index("tool_id")
    assert set(result.index[result["published_core"]]) == {
        "crm_platform", "user_rights_platform", "user_data_analysis_platform", "customer_data_security_products"}
    assert result.index[~result["reproduced"]].tolist() == ["customer_data_security_products"]
    assert result.loc["branch_operation_hardware", "importance"] == "low"
    assert result.loc["user_data_analysis_platform", "effect"] == "high"
