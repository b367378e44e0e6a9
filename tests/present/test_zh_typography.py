"""Chinese typography rules: each fails on a planted break and passes the source's own style."""

from __future__ import annotations

import pytest

from report_lib.present.zh_typography import chinese_punctuation, problems

CLEAN = [
    "报告称约90%已部署；满分5分。",
    "重要度评分均在75分以上（百分制）。",
    "国有六大行：“流量升级”一项占比居三类银行之首。",
    "信用卡在2022年第二季度达到8.07亿张的峰值。",
    "原文印为“83%+”，本书写作83%以上。",
    "以“决策式AI+生成式AI”为核心",
    "n=36或54（推断）",
    "等于56% + 44%之和",
    "Share of respondents (%), n=120",
]


@pytest.mark.parametrize("text", CLEAN)
def test_text_in_the_style_passes(text):
    """The source's style (and English text, and printed forms cited in quotes) has no problem."""
    assert problems(text) == []


PLANTED = [
    ("报告称 约90% 已部署", "space"),
    ("满分为 5分 的得分", "space"),
    ("从当前的51.7%以上 上升到", "space-between-chinese"),
    ("该类型银行受访者 (样本量未公布)", "halfwidth-parenthesis"),
    ("样本量未公布; 推断值见各条形", "halfwidth-semicolon"),
    ("精准营销,实现全渠道经营", "autocorrect"),
    ("来源：艾瑞咨询。 数据：政策文件", "autocorrect"),
    ("以”决策式AI+生成式AI”为核心", "quote-pair"),
    ("数字中国\"2522\"整体框架", "straight-quote"),
    ("评分均达到75分+", "bound"),
    ("占比83%+", "bound"),
    ("83%+", "bound"),
    ("印为51.7% +）", "bound"),
    ("~56%", "bound"),
    ("在2022Q2达到峰值", "quarter"),
    ("**每个数值都有出处。**原报告", "literal-emphasis"),
    ("*案例（某股份制银行）。*该行", "literal-emphasis"),
]


@pytest.mark.parametrize("text, rule", PLANTED)
def test_planted_break_is_found_by_its_rule(text, rule):
    """Each break of the style is reported under the rule that covers it."""
    assert rule in {p.rule for p in problems(text)}


def test_figure_ids_are_not_quarters():
    """A figure id that ends in a quarter (``c1_credit_level_2022q2``) is no quarter notation."""
    assert problems("见c1_credit_level_2022q2") == []


def test_a_printed_headline_gets_chinese_punctuation_and_keeps_its_words():
    """Half-width commas and straight quotes of the extraction become ，and “”; nothing else changes."""
    assert chinese_punctuation('以"决策式AI+生成式AI"为核心') == "以“决策式AI+生成式AI”为核心"
    assert chinese_punctuation("精准营销,实现用户全生命周期") == "精准营销，实现用户全生命周期"
    assert chinese_punctuation('Say "hi", then go') == 'Say "hi", then go'
