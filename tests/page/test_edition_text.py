"""Tests of report_lib.page.edition_text: the edition's title, the introduction's opening, the comparison's heading."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from report_lib import paths
from report_lib.data.survey.edition import META_FILE, Edition
from report_lib.page import edition_text
from report_lib.page.page import open_page
from report_lib.present.labels import Labels
from survey_helpers import tiny_wave_data

META = "year: 2024\nfieldwork: 2024-03-01/2024-04-30\ndescription: Six respondents typed by hand.\n"


@pytest.fixture(scope="module")
def wave_folder(tmp_path_factory) -> Path:
    """A full data folder with the six-respondent tiny wave (2 state-owned, 1 joint-stock, 3 regional)."""
    root = tmp_path_factory.mktemp("edition_text")
    data = tiny_wave_data(root)
    (data / META_FILE).write_text(META, encoding="utf-8")
    return data


@pytest.fixture(scope="module")
def no_year_folder(wave_folder, tmp_path_factory) -> Path:
    """The tiny wave whose metadata gives no year."""
    data = tmp_path_factory.mktemp("no_year") / "data"
    shutil.copytree(wave_folder, data)
    (data / META_FILE).write_text("synthetic: false\n", encoding="utf-8")
    return data


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_report_edition_keeps_the_books_title(dataset, lang):
    """Without a wave the title is the label ``book.title``, as before editions."""
    label = Labels(dataset, lang)
    assert edition_text.book_title(paths.DEFAULT_DATA_DIR, label) == label("book.title")


@pytest.mark.parametrize("lang, expected", [
    ("en", "Bank marketing digitalization in China, 2024: an executable report"),
    ("zh", "2024年中国银行业营销数字化：可执行研究报告"),
])
def test_a_wave_of_a_year_is_titled_with_its_year(dataset, lang, expected):
    """A wave of 2024 without its own titles: the book's title with the wave's year, in both languages."""
    edition = Edition(2024, wave_file="survey/responses.csv")
    assert edition_text.edition_title(edition, Labels(dataset, lang)) == expected


def test_titles_the_metadata_gives_win(dataset):
    """``title_en`` and ``title_zh`` are used as given, each in its language."""
    edition = Edition(2024, title_en="Wave 2024", title_zh="二〇二四", wave_file="survey/responses.csv")
    assert [edition_text.edition_title(edition, Labels(dataset, lang)) for lang in ("en", "zh")] == ["Wave 2024", "二〇二四"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_wave_without_a_year_says_so_in_its_title(dataset, lang):
    """No year: titled as a survey wave, and no year of the report slips in."""
    title = edition_text.edition_title(Edition(None, wave_file="survey/responses.csv"), Labels(dataset, lang))
    assert "2023" not in title and "None" not in title
    assert title == Labels(dataset, lang)("book.title_no_year")


@pytest.mark.parametrize("lang, heading, opening", [
    ("en", "Bank marketing digitalization in China, 2023",
     "This site rebuilds the 2023 China Bank Marketing Digitalization Industry Research Report "
     "(《2023年中国银行营销数字化行业研究报告》) by iResearch (艾瑞咨询) as an executable report."),
    ("zh", "2023年中国银行营销数字化", "本网站将艾瑞咨询发布的《2023年中国银行营销数字化行业研究报告》重建为一份可执行的报告。"),
])
def test_without_a_wave_the_introduction_opens_as_before(lang, heading, opening):
    """The 2023 data folder: the heading and first sentence the introduction always had."""
    page = open_page(None, lang)
    assert edition_text.intro_heading(page) == heading
    assert edition_text.intro_opening(page) == opening
    assert edition_text.comparison_heading(page) == {"en": "Comparison with 2023", "zh": "与2023年报告的比较"}[lang]


def test_a_waves_introduction_gives_year_n_by_bank_type_and_fieldwork(wave_folder):
    """English: the wave's year, its file, N, each bank type's n, the fieldwork and the description."""
    page = open_page(str(wave_folder), "en")
    assert edition_text.intro_heading(page) == "Bank marketing digitalization in China, 2024"
    opening = edition_text.intro_opening(page)
    assert opening.startswith("This site is the 2024 edition of an executable report that continues the 2023 China")
    assert ("a 2024 survey wave (survey/responses.csv): N=6 bank practitioners "
            "(State-owned banks: 2; Joint-stock banks: 1; Regional small and medium banks: 3), "
            "who answered from 2024-03-01 to 2024-04-30.") in opening
    assert opening.endswith("“Six respondents typed by hand.”")
    assert edition_text.comparison_heading(page) == "2024 compared with the 2023 report"


def test_a_waves_introduction_in_chinese(wave_folder):
    """Chinese: the same values, no space between Chinese and numbers, dates as 年月日, full-width punctuation."""
    page = open_page(str(wave_folder), "zh")
    assert edition_text.intro_heading(page) == "2024年中国银行营销数字化"
    opening = edition_text.intro_opening(page)
    assert opening.startswith("本网站是可执行报告的2024年版")
    assert "共N=6名银行从业人员（国有六大行2名、股份制商业银行1名、区域性中小银行3名）" in opening
    assert "调研时间为2024年3月1日至2024年4月30日。" in opening
    assert " " not in opening.replace("Six respondents typed by hand.", "")
    assert edition_text.comparison_heading(page) == "2024年调研与2023年报告的比较"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_wave_without_a_year_opens_without_one(no_year_folder, lang):
    """No year in the metadata: no year in the heading or the opening, N still given, no fieldwork."""
    page = open_page(str(no_year_folder), lang)
    opening, heading = edition_text.intro_opening(page), edition_text.intro_heading(page)
    assert "None" not in opening + heading and "2024" not in opening + heading
    assert "N=6" in opening and "2024-03-01" not in opening
    assert heading == page.label("intro.heading_no_year")
