"""Tests of report_lib.page.render: offline, deterministic charts with PNG and CSV."""

import base64
import struct
from xml.etree import ElementTree

import altair as alt
import pandas as pd
import pytest

from report_lib.page import chart_mode, render


@pytest.fixture()
def chart_in(tmp_path, monkeypatch):
    """Run in a scratch book (a folder with _config.yml) so CSVs land there."""
    (tmp_path / "_config.yml").write_text("title: t\n")
    page_dir = tmp_path / "chapters"
    page_dir.mkdir()
    monkeypatch.chdir(page_dir)
    data = pd.DataFrame({"年份": ["2021", "2022"], "value": [1.0, 2.0]})
    return tmp_path, data, alt.Chart(data).mark_bar().encode(x="年份:O", y="value:Q")


def test_site_chart_has_html_and_text_and_no_png(chart_in):
    """On the site the display bundle is interactive HTML and a text alternative; no PNG in the page."""
    _, data, chart = chart_in
    bundle = render.render_chart(chart, data, name="t", footer="Source: x", alt_text="Two bars.")._repr_mimebundle_()
    assert set(bundle) == {"text/html", "text/plain"}
    assert "reportChart(" in bundle["text/html"] and "cdn" not in bundle["text/html"].lower()


def test_site_chart_is_compiled_to_vega(chart_in):
    """The page carries the chart as Vega (compiled from Vega-Lite when it executed): the browser needs no compiler."""
    _, data, chart = chart_in
    html = render.render_chart(chart, data, name="t", footer="f", alt_text="Two bars.").html
    assert "/schema/vega/v" in html and "/schema/vega-lite/" not in html
    assert '"description": "Two bars."' in html


def test_static_chart_carries_a_png(chart_in, monkeypatch):
    """A static edition's display bundle adds the PNG that print needs."""
    _, data, chart = chart_in
    monkeypatch.setenv(chart_mode.MODE_VARIABLE, "static")
    bundle = render.render_chart(chart, data, name="t", footer="Source: x", alt_text="Two bars.")._repr_mimebundle_()
    assert base64.b64decode(bundle["image/png"]).startswith(b"\x89PNG")


def test_chart_description_is_its_alt_text(chart_in):
    """The embedded spec carries the alt text as its description, which Vega makes the SVG's accessible name."""
    _, data, chart = chart_in
    assert render.render_chart(chart, data, name="t", footer="f", alt_text="Two bars.").spec["description"] == "Two bars."


def test_chart_id_is_deterministic(chart_in):
    """Rendering the same chart twice gives byte-identical HTML (no random ids)."""
    _, data, chart = chart_in
    first = render.render_chart(chart, data, name="t", footer="f", alt_text="a").html
    assert first == render.render_chart(chart, data, name="t", footer="f", alt_text="a").html


def test_chart_data_written_and_linked(chart_in):
    """The chart's data is written as CSV under the site's static folder and linked relatively."""
    root, data, chart = chart_in
    html = render.render_chart(chart, data, name="my-chart", footer="f", alt_text="a").html
    written = root / "_build" / ".site-static" / "chart-data" / "my-chart.csv"
    assert pd.read_csv(written, encoding="utf-8-sig").equals(data.astype({"年份": "int64"}))
    assert 'href="../_static/chart-data/my-chart.csv"' in html


def test_missing_cjk_font_is_an_error(monkeypatch, tmp_path):
    """Without a CJK font, rendering fails loudly instead of drawing boxes."""
    monkeypatch.setattr(render, "CJK_FONT_DIRS", (tmp_path,))
    monkeypatch.delenv("REPORT_CJK_FONT_DIR", raising=False)
    with pytest.raises(render.FontMissingError, match="make system-deps"):
        render.register_cjk_fonts()


def test_static_mode_gives_image_with_footer_caption(chart_in, monkeypatch):
    """For print, the chart is its PNG with the footer as caption and the data shown: no script, no link."""
    _, data, chart = chart_in
    monkeypatch.setenv(chart_mode.MODE_VARIABLE, "static")
    html = render.render_chart(chart, data, name="t", footer="Source: x; base n=120", alt_text="Two bars.").html
    assert '<img class="report-chart-image" src="data:image/png;base64,' in html
    assert '<figcaption class="report-chart-footer">Source: x; base n=120' in html
    assert "<script" not in html and "href=" not in html and "<details" not in html
    assert "<table" in html


def test_label_line_breaks_show_as_spaces_in_data_tables():
    """A chart label wrapped with a newline reads as words in the data table, not as a literal backslash-n."""
    html = render.table_html(pd.DataFrame({"tool": ["Social customer\nrelationship\tsystem"], "n": [2]}))
    assert "Social customer relationship system" in html and "\\n" not in html and "\\t" not in html


def test_font_is_registered_once_and_only_where_a_png_holds_chinese(chart_in, monkeypatch):
    """The CJK font is registered on the first PNG that needs it: a static chart, or a site chart with Chinese text;
    an English site chart needs none."""
    _, data, chart = chart_in
    calls = []
    monkeypatch.setattr(render, "register_cjk_fonts", lambda: calls.append(1))
    render.prepare_static_renderer.cache_clear()
    english = alt.Chart(pd.DataFrame({"year": ["2021"], "v": [1.0]})).mark_bar().encode(x="year:O", y="v:Q")
    render.render_chart(english, data, name="site", footer="f", alt_text="a")
    assert calls == []
    render.render_chart(chart, data, name="site-zh", footer="f", alt_text="a")  # its axis is 年份
    monkeypatch.setenv(chart_mode.MODE_VARIABLE, "static")
    for name in ("a", "b"):
        render.render_chart(chart, data, name=name, footer="f", alt_text="a")
    render.prepare_static_renderer.cache_clear()  # the next test registers the real font again
    assert calls == [1]


def test_site_chart_offers_png_and_svg_that_open(chart_in):
    """Beside the CSV the site's chart links its PNG and SVG, written next to it: the PNG is a PNG of the
    chart's fixed size, the SVG is XML holding the chart's title."""
    root, data, chart = chart_in
    titled = chart.properties(title="Two years of bars", width=300)
    html = render.render_chart(titled, data, name="take", footer="f", alt_text="a", key="c9_take").html
    folder = root / "_build" / ".site-static" / "chart-data"
    for kind in ("csv", "png", "svg"):
        assert f'href="../_static/chart-data/take.{kind}" download' in html
    png = (folder / "take.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and png[12:16] == b"IHDR"
    width, height = struct.unpack(">II", png[16:24])
    assert width >= 2 * 300 and height > 0  # twice the pixels of a plot 300 px wide (plus its axes)
    svg = ElementTree.fromstring((folder / "take.svg").read_text(encoding="utf-8"))
    assert svg.tag.endswith("svg") and "Two years of bars" in "".join(svg.itertext())


def test_chart_anchor_is_its_key_and_stays_when_the_chart_changes(chart_in):
    """The figure's id (its address) comes from the chart's key, not its spec: a changed chart keeps its link."""
    _, data, chart = chart_in
    first = render.render_chart(chart, data, name="c2-needs-zh", footer="f", alt_text="a", key="c2_needs").html
    changed = render.render_chart(chart.mark_line(), data, name="c2-needs-zh", footer="f", alt_text="a",
                                  key="c2_needs").html
    for html in (first, changed):
        assert '<figure class="report-chart" id="chart-c2-needs">' in html
        assert 'class="report-chart-link" href="#chart-c2-needs"' in html
    assert render.anchor("C2 needs/by type") == "chart-c2-needs-by-type"


def test_link_texts_come_from_the_page(chart_in):
    """The page's texts name the links; the link to the chart reads its text to screen readers, shows a #."""
    _, data, chart = chart_in
    links = {"png": "图片（PNG）", "svg": "矢量图（SVG）", "link": "本图链接"}
    html = render.render_chart(chart, data, name="t", footer="f", alt_text="a", download_label="下载数据（CSV）",
                               links=links).html
    for text in ("下载数据（CSV）", *links.values()):
        assert text in html
    assert '<span aria-hidden="true">#</span><span class="report-visually-hidden">本图链接</span>' in html


def test_images_are_drawn_once_per_spec(chart_in, monkeypatch):
    """A chart drawn again (a page executed again) takes its images from the cache."""
    _, data, chart = chart_in
    render.render_chart(chart, data, name="first", footer="f", alt_text="a")

    def refuse(*args, **kwargs):
        raise AssertionError("drawn again")

    monkeypatch.setattr(render.vlc, "vegalite_to_svg", refuse)
    monkeypatch.setattr(render.vlc, "svg_to_png", refuse)
    render.render_chart(chart, data, name="second", footer="f", alt_text="a")


def test_column_width_follows_a_resized_window(chart_in):
    """The compiled chart reads its column's width again when the window is resized."""
    from report_lib.present.charts import fit

    _, data, chart = chart_in
    spec = fit.fit_column(chart, 300).to_dict()
    (signal,) = [s for s in render.vega_spec(spec)["signals"] if s["name"] == fit.COLUMN]
    assert signal["on"] == [{"events": "window:resize", "update": signal["update"]}]


def test_an_invalid_spec_still_fails_when_the_chart_is_rendered(chart_in):
    """The charts package turns off Altair's check of every object as it is built; the check of the whole spec stays."""
    import report_lib.present.charts  # noqa: F401  (turns the per-object check off)

    data = pd.DataFrame({"a": ["x", "y"], "b": [1, 2]})
    chart = alt.Chart(data).mark_bar().encode(x=alt.X("b", type="not a type"), y="a:N")  # accepted while building
    with pytest.raises(alt.utils.schemapi.SchemaValidationError):
        render.render_chart(chart, data, name="t", footer="f", alt_text="a")
