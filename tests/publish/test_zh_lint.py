"""Linting one Chinese page: typography, glossary variants and code, quotes and the data's keys left alone."""

from __future__ import annotations

from report_lib.publish.zh_lint import ZhRules, page_problems

RULES = ZhRules(quote_headers=frozenset({"原文引文"}), variants={"份额": "占比"},
                figure_ids=frozenset({"c1_card_level_2018"}), printed=frozenset({"数字驱动 智慧为民"}))


def page(body: str) -> str:
    return f"<html><body><article class='bd-article'>{body}</article></body></html>"


def test_a_clean_page_has_no_problem():
    """Chinese style, a figure id, a quote cell and a name printed with a space pass."""
    html = page("<p>约90%已部署（见c1_card_level_2018）。</p><p>数字驱动 智慧为民</p>"
                "<table><thead><tr><th>原文引文</th></tr></thead><tbody><tr><td>83%+ 份额</td></tr></tbody></table>")
    assert page_problems(html, RULES) == []


def test_each_kind_of_problem_is_named():
    """A typography break, a glossary variant and a code identifier each give a line naming the rule."""
    found = page_problems(page("<p>报告称 约90% 已部署</p><p>报告所列份额</p><p>统计基数为not_applicable</p>"), RULES)
    assert any(": space: " in f for f in found)
    assert any(": term: 份额 (use 占比)" in f for f in found)
    assert any(": code: not_applicable" in f for f in found)


def test_rules_of_the_data_folder(dataset):
    """The rules read the quote headers, the glossary's variants and the keys of the data."""
    rules = ZhRules.of(dataset)
    assert "原文引文" in rules.quote_headers and rules.variants["第一梯队"] == "一级核心工具"
    assert "c1_card_level_2018" in rules.figure_ids and "core_needs" in rules.figure_ids
    assert "数字驱动 智慧为民 绿色低碳 公平普惠" in rules.printed
