"""Survey bars: error bars, exact n and interval in the tooltip, the significance mark and the footer lines."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from report_lib.page.page import open_page
from report_lib.present import charts
from report_lib.present.footer import chart_footer
from survey_helpers import synthetic_wave

TOPIC = "core_needs_by_segment"


@pytest.fixture(scope="module")
def wave(tmp_path_factory):
    return synthetic_wave(tmp_path_factory.mktemp("wave"))


def layers(chart) -> list[dict]:
    spec = chart.to_dict()
    inner = spec.get("spec", spec)
    return inner["layer"]


def test_bars_of_a_wave_carry_interval_n_and_tooltip(wave):
    page = open_page(str(wave), "en")
    rows = page.data.select(topic=TOPIC)
    chart, table = charts.figure_bars(rows, page.label)
    marks = [layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"] for layer in layers(chart)]
    assert "errorbar" in marks
    assert (table["n"] == [f"n={int(n)}" for n in rows["n"]]).all()
    assert table["95% interval"].str.match(r"^\d+\.\d–\d+\.\d%$").all()
    tooltip = [t["field"] for t in layers(chart)[0]["encoding"]["tooltip"]]
    assert {"Value", "n", "95% interval"} <= set(tooltip)


def test_published_bars_have_no_interval(wave):
    page = open_page(None, "en")
    rows = page.data.select(topic=TOPIC)
    chart, table = charts.figure_bars(rows, page.label)
    assert "errorbar" not in json.dumps(chart.to_dict())
    assert "95% interval" not in table.columns


def test_significant_bars_of_the_bank_type_are_marked(wave):
    page = open_page(str(wave), "en", "regional")
    rows = page.data.select(topic=TOPIC)
    chart, table = charts.figure_bars(rows, page.label, highlight="regional")
    expected = ((rows["segment"] == "regional") & rows["significant"].eq(True)).to_numpy()
    assert expected.any() and (~expected).any()
    assert (table["Differs significantly from the other banks"].eq("◆").to_numpy() == expected).all()
    assert table.loc[expected, "Label"].str.endswith("◆").all()
    assert not table.loc[~expected, "Label"].str.contains("◆").any()
    assert "stroke" in layers(chart)[0]["encoding"]


def test_all_banks_rendition_marks_nothing(wave):
    page = open_page(str(wave), "en")
    rows = page.data.select(topic=TOPIC)
    _, table = charts.figure_bars(rows, page.label)
    assert not table["Label"].str.contains("◆").any()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_footer_of_a_wave_chart(wave, lang):
    page = open_page(str(wave), lang, "regional")
    rows = page.data.select(topic=TOPIC)
    footer = chart_footer(rows, page.label, None, None, "regional")
    label = page.label
    assert "inferred" not in footer and "推断" not in footer
    assert "survey/responses.csv" in footer and "core_needs" in footer
    assert label("footer.unweighted") in footer
    n = pd.to_numeric(rows.loc[rows["segment"] != "all", "n"])
    assert f"n={int(n.min())}–{int(n.max())}" in footer
    assert label("test.two_proportion_z_effective_n") in footer
    assert "iResearch" not in footer and "艾瑞" not in footer


def test_weighted_wave_footer_says_weighted(tmp_path):
    wave = synthetic_wave(tmp_path, weighted=True)
    page = open_page(str(wave), "en")
    rows = page.data.select(topic=TOPIC)
    assert page.label("footer.weighted") in chart_footer(rows, page.label)


def test_footer_explains_the_mark_only_when_the_chart_draws_it(wave):
    page = open_page(str(wave), "en", "regional")
    rows = page.data.select(topic=TOPIC)
    explained = page.label("footer.significance")
    marked = page.show("c2_needs_by_segment", charts.figure_bars(rows, page.label, highlight="regional"), rows)
    unmarked = page.show("c2_needs_by_segment", charts.figure_bars(rows, page.label), rows)
    assert explained in marked.html and explained not in unmarked.html


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_title_stating_a_2023_finding_is_descriptive_for_a_wave(wave, lang):
    """The 2023 title claims who leads; on a wave's figures the chart gets its descriptive title."""
    for data_dir, key in ((str(wave), "title_wave.c2_needs_by_segment"), (None, "title.c2_needs_by_segment")):
        page = open_page(data_dir, lang)
        rows = page.data.select(topic=TOPIC)
        shown = page.show("c2_needs_by_segment", charts.figure_bars(rows, page.label), rows)
        assert shown.spec["title"]["text"] == page.label(key)
