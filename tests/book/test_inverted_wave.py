"""A book built from a wave that contradicts 2023 states none of the 2023 findings as its own.

The inverted wave (:mod:`support.inverted_wave`) turns every share the 2023 report printed into
its complement. Chapters 2 and 4 are rendered from it in both languages, and every sentence of
their prose (tables, with their verbatim quotes, aside) that carries one of the 2023 report's
findings below must name 2023: attributed, never stated as this wave's. The list is the audit's
own: the sentences the 2023 edition typed before they were computed. Put one back as typed text
and this test fails.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from conftest import run_cli
from support.inverted_wave import write_inverted_wave

pytestmark = pytest.mark.slow

FINDINGS_2023 = {
    "en": [
        "Every bank type puts the same",
        "banks weigh data security first",
        "Deployment is near-universal and similar across bank types",
        "SCRM runs mainly in the bank's own app",
        "smaller banks without strong apps use WeCom",
        "The rights platform is the most balanced tool",
        "It is the most widely rolled out tool",
        "alue this platform strategically far more than",
        "matters more the smaller and more regional the bank",
        "far more than regional banks",
        "Banks keep them on their own premises",
        "the bank's own digital level leads at",
        "User rights platforms are the most widely used tool",
        "Traffic-acquisition products have the largest unmet plan",
        "AI and big data are the capabilities banks expect most",
        "Most banks keep marketing tools close",
        "tools have a printed share",
    ],
    "zh": [
        "各类银行都把这",
        "首先考虑的是数据安全",
        "这一平台的部署几乎已经普及",
        "SCRM主要依托银行自营App运行",
        "缺少强势App的中小银行则借助企业微信",
        "用户权益平台是表现最均衡的工具",
        "它是布局最广的工具",
        "战略评价远高于",
        "这一因素越重要",
        "远高于区域性中小银行",
        "银行多把这类产品部署在本地",
        "银行自身的数字化水平居首",
        "用户权益平台是应用最广的工具",
        "引流类产品“有计划、未落地”的比例最大",
        "人工智能与大数据是银行最期待的能力",
        "多数银行倾向于把营销工具握在自己手中",
        "报告给出占比的工具共",
    ],
}
ATTRIBUTION = "2023"
SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s*")


@pytest.fixture(scope="module")
def inverted_pages(tmp_path_factory) -> dict[tuple[str, int], list[str]]:
    """The prose sentences of chapters 2 and 4 rendered from the inverted wave, per (language, chapter)."""
    root = tmp_path_factory.mktemp("inverted")
    data = write_inverted_wave(root / "data")
    pages = {}
    for lang in ("en", "zh"):
        for chapter, stem in ((2, "02_current_state"), (4, "04_trends")):
            out = root / f"{lang}-{chapter}"
            done = run_cli("render", "--chapter", str(chapter), "--lang", lang, "--out", str(out), "--data", str(data))
            assert done.returncode == 0, done.stderr[-2000:]
            soup = BeautifulSoup((out / "_build" / "html" / f"{stem}.html").read_text(encoding="utf-8"), "html.parser")
            main = soup.find("main")
            text = " ".join(p.get_text(" ", strip=True) for p in main.find_all(["p", "li", "h1", "h2", "h3"])
                            if not p.find_parent("table"))
            pages[lang, chapter] = [s for s in SENTENCE_END.split(re.sub(r"\s+", " ", text).replace("’", "'")) if s]
    return pages


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_2023_finding_is_stated_as_the_waves(inverted_pages, lang):
    """Each sentence with a 2023 finding names 2023; none states it as what this wave found."""
    unattributed = [(chapter, phrase, sentence) for (language, chapter), sentences in inverted_pages.items()
                    if language == lang for sentence in sentences for phrase in FINDINGS_2023[lang]
                    if phrase in sentence.replace(" ", "" if lang == "zh" else " ") and ATTRIBUTION not in sentence]
    assert not unattributed, unattributed


def test_the_computed_sentences_say_what_the_inverted_data_says(inverted_pages):
    """The computed findings state the contradiction: CRM is not universal, scenario diversity matters less."""
    chapter2 = " ".join(inverted_pages["en", 2])
    assert "Deployment is not yet universal" in chapter2
    assert "It matters less the smaller and more regional the bank" in chapter2
    assert "Fewer than half of the banks that deploy them keep them on their own premises" in chapter2
    assert "不到半数" in " ".join(inverted_pages["zh", 2])
