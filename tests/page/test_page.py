"""Tests of report_lib.page.page: what page cells call."""

import pandas as pd
import pytest

from report_lib.page.page import open_page


@pytest.fixture()
def page(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return open_page(lang="zh")


def test_table_relabels_columns_and_shows_dashes(page):
    """Columns get their labels in the page's language; missing values show as a dash."""
    bundle = page.table(pd.DataFrame({"period": ["2022"], "level": [None]}))._repr_mimebundle_()
    assert "时期" in bundle["text/plain"] and "–" in bundle["text/plain"]
    assert "<th>存量</th>" in bundle["text/html"]


def test_open_page_refuses_unknown_segment():
    """An unknown segment parameter fails before anything is computed."""
    with pytest.raises(ValueError, match="segment must be one of"):
        open_page(segment="foreign")


def test_glue_figures_glues_each_figure_as_printed(page, monkeypatch):
    """glue_figures glues every name of its mapping with the figure formatted as printed."""
    monkeypatch.setattr("myst_nb.glue", lambda *args, **kwargs: None)
    page.glue_figures({"growth": "c1_marketing_investment_growth_forecast_body"})
    assert page.glued == {"growth": "约35%"}
    assert "约35%" in page.prose_numbers()._repr_mimebundle_()["text/plain"]


def test_note_prints_a_sentence_and_nothing_when_empty(page):
    """A sentence comes back as Markdown; an empty one (the main book) as None, so no output."""
    assert page.note("") is None
    assert page.note("所示数值").data == "所示数值"
