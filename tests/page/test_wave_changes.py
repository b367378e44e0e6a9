"""Tests of report_lib.page.wave_changes: a chart's note on a changed questionnaire and a chapter's "New in this wave"."""

from __future__ import annotations

import re

import pytest

from report_lib.page.page import open_page
from report_lib.page.render import RenderedChart
from report_lib.page.wave_changes import change_note, new_in_this_wave
from survey_helpers import changed_wave, synthetic_wave


@pytest.fixture(scope="module")
def wave_dir(tmp_path_factory):
    return changed_wave(tmp_path_factory.mktemp("changes"))


@pytest.fixture()
def book(tmp_path, monkeypatch):
    """A scratch book root, so chart CSVs land in tmp_path/_build."""
    (tmp_path / "_config.yml").write_text("title: t\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def text_of(part) -> str:
    return part.data if hasattr(part, "data") and isinstance(part.data, str) else part.html


@pytest.mark.parametrize("lang, expected", [
    ("en", "This wave did not ask “Which factors weigh most when your bank chooses how to deploy?"),
    ("zh", "本轮调查未询问“选择部署方式时，本行重点考量哪些因素？"),
])
def test_a_chart_of_a_question_not_asked_says_so_in_the_pages_language(wave_dir, lang, expected):
    page = open_page(str(wave_dir), lang)
    rows = page.data.select(topic="deployment_mode_factors_by_segment")
    note = change_note(page, rows)
    assert note.shown_2023 and note.text.startswith(expected) and note.text.count("“") == 1
    assert rows["value_printed"].tolist() == open_page(None, lang).data.select(
        topic="deployment_mode_factors_by_segment")["value_printed"].tolist()  # the 2023 values stay, said to be so


def test_a_chart_of_answered_questions_says_nothing_and_a_reworded_answer_is_named(wave_dir):
    page = open_page(str(wave_dir), "en")
    assert change_note(page, page.data.select(topic="deployment_mode")) == change_note(page, page.data.figures.iloc[0:0])
    note = change_note(page, page.data.select(topic="core_needs_by_segment"))
    assert not note.shown_2023 and "(now “Reach users across all channels”)" in note.text


def test_the_shown_chart_carries_the_note(wave_dir, book):
    from report_lib.present import charts

    page = open_page(str(wave_dir), "zh")
    rows = page.data.select(topic="deployment_mode_factors_by_segment")
    shown = page.show("c2_deployment_factors", charts.figure_bars(rows, page.label), rows)
    assert "本轮调查未询问" in shown.html and "部分数值为2023年报告所载" in str(shown.spec["title"])


def test_a_wave_without_a_change_and_the_2023_book_add_no_note(tmp_path):
    plain = synthetic_wave(tmp_path, n=120)
    for page in (open_page(str(plain), "en"), open_page(None, "en")):
        assert change_note(page, page.data.select(topic="deployment_mode_factors_by_segment")).text == ""
        assert new_in_this_wave(page, 4) == []


@pytest.mark.parametrize("lang, heading", [("en", "New in this wave"), ("zh", "本轮新增题目")])
def test_the_new_question_has_its_section_at_the_end_of_its_chapter(wave_dir, book, lang, heading):
    page = open_page(str(wave_dir), lang)
    parts = new_in_this_wave(page, 4)
    assert heading in text_of(parts[0]) and len(parts) == 4
    chart = parts[-1]
    assert isinstance(chart, RenderedChart)
    wording = "Does your bank use generative AI in its marketing?" if lang == "en" else "本行是否已在营销中应用生成式AI？"
    assert wording in text_of(parts[2]) and chart.spec["title"]["text"] == wording
    values = chart.spec["datasets"] if "datasets" in chart.spec else {}
    rows = [r for data in values.values() for r in data]
    assert len(rows) == 4 * 4  # four answers, all banks and three bank types
    assert all(re.search(r"\d", str(r)) for r in rows)
    assert new_in_this_wave(page, 2) == [] and new_in_this_wave(page, 3) == []


def test_a_bank_type_page_highlights_its_bank_type(wave_dir, book):
    page = open_page(str(wave_dir), "en", "regional")
    assert new_in_this_wave(page, 4)[-1].name.endswith("-regional")
