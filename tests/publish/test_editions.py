"""Tests of report_lib.publish.editions and search_words: each edition's config, toc captions and search words."""

from __future__ import annotations

from pathlib import Path

import pytest

from report_lib import paths
from report_lib.page.search_zh import ReportChineseSearch
from report_lib.present.labels import Labels
from report_lib.publish.editions import caption_key, edition_config, other_edition_prefix, translate_captions
from report_lib.publish.search_words import search_words, write_user_dictionary
from survey_helpers import tiny_wave_data

TERMS = ("私域", "客户关系管理", "营销数字化", "百融", "数据安全")
"""What a reader of the Chinese site must find (issue 13)."""


def test_the_editions_link_to_each_other_from_their_roots():
    """The Chinese site is ``zh/`` inside the English one."""
    assert other_edition_prefix("en") == "zh/" and other_edition_prefix("zh") == "../"


@pytest.mark.parametrize("lang, language, search", [("en", "en", "en"), ("zh", "zh_CN", "zh")])
def test_edition_config_is_in_its_language(tmp_path, dataset, lang, language, search):
    """Title, Sphinx language and search language are the edition's; pages are rendered, not executed."""
    config = edition_config(paths.PROJECT_ROOT, lang, paths.DEFAULT_DATA_DIR, tmp_path)
    sphinx = config["sphinx"]["config"]
    assert config["title"] == Labels(dataset, lang)("book.title")
    assert config["execute"]["execute_notebooks"] == "off"
    assert (sphinx["language"], sphinx["html_search_language"]) == (language, search)
    assert all(Path(p).is_absolute() and Path(p).is_dir() for p in sphinx["templates_path"])
    assert sphinx["report_other_edition"]["lang"] != lang
    if lang == "zh":
        assert Path(sphinx["html_search_options"]["dict"]).is_file()


@pytest.mark.parametrize("lang, title", [("en", "Bank marketing digitalization in China, 2024: an executable report"),
                                         ("zh", "2024年中国银行业营销数字化：可执行研究报告")])
def test_a_waves_edition_is_titled_with_its_year(tmp_path, lang, title):
    """Built from a wave of 2024, the site's title (every page's ``<title>``, the header) names 2024."""
    data = tiny_wave_data(tmp_path, "year: 2024\n")
    assert edition_config(paths.PROJECT_ROOT, lang, data, tmp_path / "edition")["title"] == title


def test_toc_captions_come_from_the_labels(tmp_path, dataset):
    """Every part caption of the toc (variants' part included) has a Chinese label."""
    toc = tmp_path / "toc.yml"
    toc.write_text("format: jb-book\nroot: intro\nparts:\n  - caption: The report\n    chapters: []\n"
                   "  - caption: By bank type\n    chapters: []\n", encoding="utf-8")
    text = translate_captions(toc, Labels(dataset, "zh"), tmp_path / "zh.yml").read_text(encoding="utf-8")
    assert caption_key("By bank type") == "toc.by_bank_type"
    assert "报告正文" in text and "分银行类型阅读" in text and "The report" not in text


def test_search_words_hold_the_terms_and_the_words_inside_names():
    words = search_words(paths.DEFAULT_DATA_DIR)
    assert set(TERMS) <= set(words) and "客户关系管理平台" in words


def test_chinese_search_indexes_words_inside_longer_ones(tmp_path):
    """客户关系管理平台 is found by 客户关系管理 and by 管理; 百融云创 by 百融."""
    search = ReportChineseSearch({"dict": str(write_user_dictionary(paths.DEFAULT_DATA_DIR, tmp_path / "words.txt"))})
    terms = set(search.split("银行部署客户关系管理平台，并与百融云创合作，重视私域流量和数据安全。"))
    assert set(TERMS) - {"营销数字化"} <= terms and "管理" in terms
