"""The source's terms (glossary variants) and code identifiers in Chinese text."""

from __future__ import annotations

import pandas as pd

from report_lib.present.zh_terms import code_identifiers, variant_uses, variants


def test_variants_are_read_from_the_glossary(dataset):
    """The glossary lists the tier, fit, share and claim variants, each with its term."""
    listed = variants(dataset.table("glossary"))
    assert listed["第一梯队"] == "一级核心工具"
    assert listed["契合度"] == "工具与业务匹配度"
    assert listed["份额"] == "占比"
    assert listed["量化声称"] == "量化说法"


def test_a_listed_variant_is_found():
    listed = variants(pd.DataFrame({"term_zh": ["占比"], "variants_zh": ["份额"]}))
    assert variant_uses("报告所列份额的其余部分", listed) == [("份额", "占比")]
    assert variant_uses("其余约44%为私有云部署", listed) == []


def test_a_glossary_without_variants_lists_none():
    assert variants(pd.DataFrame({"term_zh": ["占比"]})) == {}


def test_code_identifiers_are_found():
    """Python names, assignments and printed values are found; figure ids and file paths are not."""
    assert code_identifiers("不适用（not_applicable）", set()) == ["not_applicable"]
    assert code_identifiers("regional = 农商行", set()) == ["regional ="]
    assert code_identifiers("一致：True", set()) == ["True"]
    assert code_identifiers("<NA>", set()) == ["<NA>"]
    assert code_identifiers("见c1_card_level_2018", {"c1_card_level_2018"}) == []
    assert code_identifiers("政策文件（data/reference/policies.csv）", set()) == []
    assert code_identifiers("n=120", set()) == []
    assert code_identifiers("计数由report_lib.themes计算", set()) == ["report_lib"]
    assert code_identifiers("每个标记附一条原文（reference/expert_themes.csv）", set()) == []
