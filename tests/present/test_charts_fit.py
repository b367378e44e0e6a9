"""Tests of report_lib.present.charts.fit: charts as wide as their column, labels wrapped on a narrow one."""

from __future__ import annotations

import json

import altair as alt
import pandas as pd
import pytest
import vl_convert as vlc

from report_lib.analysis import trends
from report_lib.present import charts, theme
from report_lib.present.charts import fit
from label_checks import label  # noqa: F401  (fixture)


@pytest.mark.parametrize("text, units", [
    ("Share of respondents naming each need, by bank type", 16),
    ("All bank types want the same four things; regional banks lead on linking channels", 30),
    ("各类型银行的首要需求相同；区域性银行在渠道联动上领先", 20),
    ("数字化营销工具 CRM 与 CDP 的部署率", 12),
])
def test_wrapped_lines_fit_and_keep_every_word(text, units):
    """Each line holds at most ``units`` (a Chinese character counting two), and the lines read as the text."""
    lines = fit.wrap_lines(text, units)
    assert len(lines) > 1
    assert all(fit.display_units(line) <= units for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_a_word_longer_than_a_line_stays_whole():
    """A Latin word is never cut: it takes a line of its own."""
    assert fit.wrap_lines("a digitalization b", 5) == ["a", "digitalization", "b"]


def test_label_axis_wraps_only_long_labels_and_only_on_a_narrow_column():
    """Long labels get their lines; the axis picks them, and a shorter limit, when the column is narrow."""
    axis, wraps = fit.label_axis(["Short", "A much longer label than a phone can hold"], limit=280, units=20)
    assert list(wraps) == ["A much longer label than a phone can hold"]
    spec = axis.to_dict()
    assert spec["labelLimit"] == {"expr": f"{fit.IS_NARROW} ? {theme.NARROW_LABEL_LIMIT} : 280"}
    assert fit.WRAPS in spec["labelExpr"] and fit.IS_NARROW in spec["labelExpr"]


def test_fit_column_sizes_to_the_container_and_keeps_the_static_width():
    """The site's chart is container-sized (autosize fit-x in Vega); vl-convert draws it at its static width."""
    data = pd.DataFrame({"a": ["x", "y"], "b": [1, 2]})
    chart = fit.fit_column(alt.Chart(data).mark_bar().encode(x="b:Q", y="a:N"), 400, {"x": ["x"]}, height=90)
    spec = chart.to_dict()
    assert spec["width"] == "container" and spec["height"] == 90
    assert {p["name"] for p in spec["params"]} == {fit.COLUMN, fit.WRAPS}
    assert vlc.vegalite_to_vega(spec)["autosize"]["type"] == "fit-x"
    fixed = fit.fixed_width(spec)
    assert fixed["width"] == 400 and spec["width"] == "container", "the spec itself is left as it is"
    assert fit.fixed_width(fixed) is fixed


def test_static_width_gives_the_static_size():
    """A container-sized chart's PNG is as wide as the same chart drawn at the fixed width."""
    data = pd.DataFrame({"a": ["x", "y"], "b": [1, 2]})
    base = alt.Chart(data).mark_bar().encode(x="b:Q", y="a:N")
    fitted = vlc.vegalite_to_svg(fit.fixed_width(fit.fit_column(base, 300).to_dict()))
    fixed = vlc.vegalite_to_svg(base.properties(width=300).to_dict())
    assert fitted.split(">", 1)[0] == fixed.split(">", 1)[0]  # the same <svg width height>


def test_title_wraps_per_column_width():
    """A long title becomes a signal choosing lines by the container's width; a short one stays text."""
    assert fit.title_text("Short title", theme.TITLE_PX) == "Short title"
    long = "All bank types want the same four things; regional banks lead on linking online and offline channels"
    signal = fit.title_text(long, theme.TITLE_PX)["signal"]
    assert signal.count("containerSize()") >= 2
    narrowest = max(8, int(theme.TITLE_COLUMNS[0] / (theme.TITLE_PX * theme.UNIT_EM)))
    assert json.dumps(fit.wrap_lines(long, narrowest)) in signal
    assert "containerSize" not in fit.title_text(long, theme.TITLE_PX, fit.COLUMN)["signal"]


def test_wrap_titles_rewrites_title_and_subtitle_of_the_vega_spec():
    """Both the title and subtitle of a compiled chart become signals when they are long."""
    long = "A subtitle that says what is plotted, in which unit, and of whom, at some length"
    vega = {"title": {"text": long, "subtitle": long}, "signals": [{"name": fit.COLUMN, "update": "1"}]}
    wrapped = fit.wrap_titles(vega)["title"]
    assert "signal" in wrapped["text"] and "signal" in wrapped["subtitle"]
    assert wrapped["text"]["signal"].startswith(f"{fit.COLUMN} < "), "the chart's column parameter is read"


def test_every_bar_chart_fits_its_column(dataset, label):
    """A chart of one panel is container-sized; a faceted one carries the column parameters for the site's script."""
    single, _ = charts.derived_services(trends.derived_services(dataset.figures, dataset.table("bases")), label)
    assert single.to_dict()["width"] == "container"
    faceted, _ = charts.figure_bars(dataset.select(topic="core_needs_by_segment"), label)
    spec = faceted.to_dict()
    assert "facet" in spec and {p["name"] for p in spec["params"]} == {fit.COLUMN, fit.WRAPS}
    assert spec["spec"]["width"] == theme.WIDTH - 160


def test_a_narrow_label_keeps_at_most_its_lines():
    """A label of many lines keeps two on a narrow column, the second holding the rest (cut where drawn)."""
    (lines,) = fit.wrapped(["Strategically important in the next five years for most banks"], 20, most=2).values()
    assert lines[0] == "Strategically" and len(lines) == 2
    assert " ".join(lines) == "Strategically important in the next five years for most banks"
    (chinese,) = fit.wrapped(["未来五年具有战略重要性的工具"], 8, most=2).values()
    assert chinese == ["未来五年", "具有战略重要性的工具"]


def test_closing_punctuation_never_starts_a_line():
    """A Chinese comma stays at the end of its line, even a character past the line's length."""
    assert fit.wrap_lines("流量升级：提升流量获取能力，增强获客", 26) == ["流量升级：提升流量获取能力，", "增强获客"]
