"""Tests of report_lib.page.sphinx_ext: the offline assets written for the site."""

from __future__ import annotations

from report_lib.page import sphinx_ext
from report_lib.present import theme


def test_stylesheet_is_the_theme_variables_then_the_package_file(tmp_path):
    """The site's stylesheet defines the theme's colours, then uses them from the package's CSS file."""
    sphinx_ext.write_static_assets(tmp_path)
    css = (tmp_path / sphinx_ext.STYLESHEET).read_text(encoding="utf-8")
    assert css == theme.css_variables() + sphinx_ext.STYLESHEET_SOURCE.read_text(encoding="utf-8")
    assert "var(--report-highlight)" in css and (tmp_path / sphinx_ext.BUNDLE).is_file()


def test_every_page_links_to_itself_in_the_other_edition():
    """The link is relative (offline), climbs out of the page's folder and names the other language."""
    edition = {"prefix": "../", "lang": "en", "text": "English", "title": "Read this page in English"}
    link, alternate = sphinx_ext.other_edition_link("variants/regional/01_background", edition)
    assert 'href="../../../variants/regional/01_background.html"' in link and 'lang="en"' in link
    assert 'hreflang="en"' in alternate
    link, _ = sphinx_ext.other_edition_link("intro", {**edition, "prefix": "zh/"})
    assert 'href="zh/intro.html"' in link
