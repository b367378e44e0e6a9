"""Tests of report_lib.page.page_assets: a page keeps only the extensions' assets it uses."""

from __future__ import annotations

from dataclasses import dataclass

from report_lib.page import page_assets


@dataclass
class Asset:
    filename: str | None
    attributes: dict | None = None


ALL = ["sphinx-design.min.css", "design-tabs.js", "copybutton.css", "copybutton.js", "clipboard.min.js",
       "pygments.css", "togglebutton.css", "togglebutton.js", "sphinx-thebe.css", "sphinx-thebe.js"]


def test_a_page_without_components_drops_every_extension_asset():
    """Prose and charts only: no design, copy, toggle, highlight or live-code asset."""
    assert page_assets.unneeded_assets('<p class="report-chart">x</p>', thebe=False) == set(ALL)


def test_each_feature_keeps_its_assets():
    """A design card, a code block, a dropdown each keep their extension's assets; thebe when the button is on."""
    body = '<div class="sd-card"></div><div class="highlight-python notranslate"><div class="highlight"><pre>'
    unneeded = page_assets.unneeded_assets(body + '<div class="admonition dropdown">', thebe=True)
    assert unneeded == set()
    assert "sphinx-design.min.css" in page_assets.unneeded_assets('<p class="not-sd-card">', thebe=False)


def test_drop_unneeded_edits_the_page_lists_in_place():
    """Inline scripts and other assets stay; the builder's list object is the one changed."""
    scripts = [Asset("_static/togglebutton.js?v=1"), Asset(None, {"body": "let toggleHintShow = 'x';"}),
               Asset(None, {"body": 'const THEBE_JS_URL = "https://x";'}), Asset(None, {"body": "var keep = 1;"}),
               Asset("_static/doctools.js")]
    styles = [Asset("_static/pygments.css"), Asset("_static/report-charts.css")]
    context = {"body": "<p>text</p>", "script_files": scripts, "css_files": styles}
    page_assets.drop_unneeded(context, thebe=False)
    assert context["script_files"] is scripts and [a.filename for a in scripts] == [None, "_static/doctools.js"]
    assert scripts[0].attributes == {"body": "var keep = 1;"}
    assert [a.filename for a in styles] == ["_static/report-charts.css"]
