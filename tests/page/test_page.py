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


def test_a_computed_finding_is_glued_with_its_reason_and_an_attributed_one_without(page, monkeypatch):
    """page.finding glues the sentence; a computed one carries a focusable marker naming the rule, an attributed none."""
    glued = {}
    monkeypatch.setattr("myst_nb.glue", lambda name, value, display: glued.__setitem__(name, value.data))
    computed = page.finding("security", "c2_security_on_premise")
    attributed = page.finding("factor", "c2_deploy_factor_first")
    assert computed.computed and not attributed.computed
    assert 'class="finding-why" tabindex="0"' in glued["security"] and "50%" in glued["security"]
    assert "finding-why" not in glued["factor"] and glued["factor"].startswith("2023年报告")


def test_a_2023_figure_in_a_wave_book_is_glued_as_the_reports(tmp_path, monkeypatch):
    """In a book built from a wave, a figure of a measured topic the wave did not replace says it is the 2023 report's."""
    from survey_helpers import synthetic_wave

    monkeypatch.setattr("myst_nb.glue", lambda *args, **kwargs: None)
    wave_page = open_page(str(synthetic_wave(tmp_path, n=200)), "en")
    wave_page.glue_figures({"city": "c2_layout_traffic_planned_not_started_city",
                            "planned": "c2_layout_traffic_planned_not_started"})
    assert wave_page.glued["city"].endswith("(2023 report)")
    assert "2023" not in wave_page.glued["planned"]


def test_key_findings_are_a_list_linking_each_to_its_section(page, monkeypatch):
    """The key findings glue as a MyST list; each item links to the chapter section that states it, in Chinese here."""
    glued = {}
    monkeypatch.setattr("myst_nb.glue", lambda name, value, display: glued.__setitem__(name, value.data))
    found = page.key_findings("key")
    items = glued["key"].strip().split("\n")
    assert len(items) == len(found) and all(item.startswith("- ") for item in items)
    assert 'href="chapters/02_current_state.html#c2-deployment">第2章</a>' in items[0]
    assert [page.glued[f"key_{n}"] for n in range(1, len(found) + 1)][0].startswith("多数银行")
