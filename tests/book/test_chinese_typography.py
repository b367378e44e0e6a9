"""Every Chinese page of the built site (``make book``) keeps the Chinese style, the source's terms and shows no code.

The lint (:mod:`report_lib.publish.zh_lint`) reads running text, headings, captions (chart
footers), text alternatives, table cells, chart titles, axis and legend labels and tooltips;
verbatim source quotes are left out.
"""

from __future__ import annotations

import pytest

from report_lib import paths
from report_lib.publish.site_text import site_pages
from report_lib.publish.zh_lint import ZhRules, page_problems

ZH = paths.PROJECT_ROOT / "_build" / "html" / "zh"


@pytest.fixture(scope="module")
def rules(dataset) -> ZhRules:
    if not (ZH / "index.html").is_file():
        pytest.fail(f"no Chinese site at {ZH}: run `make book` first")
    return ZhRules.of(dataset)


def pages() -> list[str]:
    return [str(p.relative_to(ZH)) for p in site_pages(ZH)] if ZH.is_dir() else ["index.html"]


@pytest.mark.parametrize("page", pages())
def test_chinese_page_keeps_the_style(rules, page):
    """No break of the typography, no glossary variant, no code identifier on the page."""
    assert page_problems((ZH / page).read_text(encoding="utf-8"), rules) == []


def test_every_chinese_page_is_linted():
    """The lint covers the main pages, the reference pages and every bank-type rendition."""
    found = pages()
    assert "intro.html" in found and "chapters/02_current_state.html" in found
    assert sum(p.startswith("variants/") for p in found) >= 15


PLANTS = [
    ("报告称 约90% 已部署", "space"),
    ("该类型银行受访者 (样本量未公布)", "halfwidth-parenthesis"),
    ("评分均达到75分+", "bound"),
    ("在2022Q2达到峰值", "quarter"),
    ("**每个数值都有出处。**原报告", "literal-emphasis"),
    ("属第一梯队", "term"),
    ("regional = 农商行", "code"),
]


@pytest.mark.parametrize("plant, rule", PLANTS)
def test_a_planted_violation_fails_the_lint(rules, plant, rule):
    """A violation planted in a built page's paragraph is found under its rule."""
    html = (ZH / "intro.html").read_text(encoding="utf-8")
    at = html.index("<p>", html.index('class="bd-article"')) + len("<p>")
    found = page_problems(html[:at] + plant + html[at:], rules)
    assert any(f": {rule}: " in line for line in found), found
