"""Sphinx extension that makes the book's charts work offline.

On ``config-inited`` it writes vl-convert's Vega/Vega-Lite/vega-embed bundle (wrapped
in an IIFE so its top-level names cannot clash with Sphinx's ``_``) and the chart
stylesheet into ``_build/.site-static/``, adds that folder to ``html_static_path`` and
registers both files on every page. The stylesheet is this package's
``static/report-charts.css`` after the theme's colours as CSS custom properties. Chart
data CSVs written there by executed notebooks are copied into the site's
``_static/chart-data/`` at the end of the build.

With the config value ``report_other_edition`` (set by the publishing layer for each
language edition: ``prefix`` from this site's root to the other's, its ``lang``, link
``text`` and ``title``), every page starts with a relative link to the same page in the
other language, and its head names that page as the ``alternate`` in that language. The
Chinese search also indexes the report's words inside longer ones (:mod:`report_lib.page.search_zh`).
"""

from __future__ import annotations

import html
from pathlib import Path

import vl_convert as vlc

from report_lib import paths
from report_lib.page.search_zh import use_for_chinese
from report_lib.present import theme

BUNDLE = "vega-bundle.js"
STYLESHEET = "report-charts.css"
STYLESHEET_SOURCE = Path(__file__).parent / "static" / STYLESHEET


def write_static_assets(folder: Path) -> None:
    """Write the offline Vega bundle and the chart stylesheet into ``folder`` (the bundle if changed).

    The stylesheet is the theme's colours as CSS custom properties
    (:func:`report_lib.present.theme.css_variables`) followed by the package file
    ``static/report-charts.css``, which uses only ``var(--report-...)`` colours.
    """
    folder.mkdir(parents=True, exist_ok=True)
    bundle = "(function () {\n" + vlc.javascript_bundle() + "\n})();\n"
    target = folder / BUNDLE
    if not target.is_file() or target.read_text(encoding="utf-8") != bundle:
        target.write_text(bundle, encoding="utf-8")
    stylesheet = theme.css_variables() + STYLESHEET_SOURCE.read_text(encoding="utf-8")
    (folder / STYLESHEET).write_text(stylesheet, encoding="utf-8")


def _on_config_inited(app, config) -> None:
    folder = paths.site_static_dir(Path(app.confdir))
    write_static_assets(folder)
    config.html_static_path = list(config.html_static_path) + [str(folder)]


def other_edition_link(pagename: str, edition: dict) -> tuple[str, str]:
    """Return the HTML of the link to ``pagename`` in the other edition, and its ``<link rel="alternate">``."""
    href = "../" * pagename.count("/") + edition["prefix"] + pagename + ".html"
    lang, text, title = (html.escape(str(edition[k]), quote=True) for k in ("lang", "text", "title"))
    link = (f'<p class="report-edition-switch"><a href="{html.escape(href, quote=True)}" hreflang="{lang}" '
            f'lang="{lang}" title="{title}">{text}</a></p>\n')
    return link, f'<link rel="alternate" hreflang="{lang}" href="{html.escape(href, quote=True)}" />\n'


def _on_page_context(app, pagename, templatename, context, doctree) -> None:
    edition = app.config.report_other_edition
    if not edition or app.builder.name != "html":
        return
    link, alternate = other_edition_link(pagename, edition)
    context["body"] = link + context.get("body", "")
    context["metatags"] = context.get("metatags", "") + alternate


def setup(app) -> dict:
    """Register the extension with Sphinx."""
    app.add_config_value("report_other_edition", {}, "html")
    use_for_chinese()
    app.connect("config-inited", _on_config_inited)
    app.connect("html-page-context", _on_page_context)
    app.setup_extension("report_lib.page.wave_banner")  # "synthetic data" banner, from the data's metadata
    app.add_js_file(BUNDLE)
    app.add_css_file(STYLESHEET)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
