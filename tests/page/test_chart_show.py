"""Tests of Chapter.show and Chapter.download_name: a chart is keyed by one id."""

from __future__ import annotations

import pytest

from report_lib.page.page import open_page
from report_lib.present import charts


@pytest.fixture()
def in_book(tmp_path, monkeypatch):
    """Run in a scratch book (a folder with _config.yml) so CSVs land there."""
    (tmp_path / "_config.yml").write_text("title: t\n")
    (tmp_path / "chapters").mkdir()
    monkeypatch.chdir(tmp_path / "chapters")
    return tmp_path


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_show_takes_title_subtitle_and_alt_from_the_key(in_book, lang):
    """The key names the labels (title, subtitle, alt) and the CSV; the spec carries the title."""
    page = open_page(lang=lang, segment="regional")
    label, rows = page.label, page.data.select(topic="rights_selection_factors")
    shown = page.show("c2_rights_scenarios", charts.figure_bars(rows, label, highlight="regional"), rows)
    assert shown.spec["title"] == {"text": label("title.c2_rights_scenarios"),
                                   "subtitle": label("subtitle.c2_rights_scenarios")}
    assert shown.alt_text == label("alt.c2_rights_scenarios")
    assert shown.name == "c2-rights-scenarios-regional" + ("-zh" if lang == "zh" else "")
    assert (in_book / "_build" / ".site-static" / "chart-data" / f"{shown.name}.csv").is_file()


def test_show_formats_fields_and_needs_no_figures(in_book):
    """``**fields`` fill the labels' placeholders; without figures the footer cites the reference table's source,
    and without figures or reference there is no source to print, which is an error (never "来源：。")."""
    page = open_page(lang="zh", segment="joint_stock")
    name = page.label.segment("joint_stock", short=False)
    rows = page.data.select(topic="rights_selection_factors")
    chart = charts.figure_bars(rows, page.label, item="figure", highlight="joint_stock", market=True)
    shown = page.show("key_findings_c2", chart, reference="segments", segment=name)
    assert name in shown.spec["title"]["text"] and name in shown.alt_text
    assert shown.name == "key-findings-c2-joint_stock-zh"
    assert "来源：艾瑞咨询" in shown.html
    with pytest.raises(ValueError, match="needs a source"):
        page.show("key_findings_c2", chart, segment=name)


def test_download_name_is_the_key_with_dashes():
    """The main book's CSV is the key with dashes; variants add the segment and language."""
    assert open_page().download_name("c2_needs_by_segment") == "c2-needs-by-segment"
    assert open_page(lang="zh", segment="regional").download_name("c1_bank_cards") == "c1-bank-cards-regional-zh"
