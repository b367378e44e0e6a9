"""Sphinx extension that makes the book's pages work offline and load only what they use.

On ``config-inited`` it writes into ``_build/.site-static/`` (added to ``html_static_path``):
the Vega runtime from vl-convert (wrapped in an IIFE so its top-level names cannot clash with
Sphinx's ``_``; charts are compiled from Vega-Lite to Vega when a page executes, see
:mod:`report_lib.page.render`, so neither the Vega-Lite compiler nor vega-embed is served),
the chart script ``static/report-charts.js`` that draws them with a small tooltip, the chart
stylesheet (this package's ``static/report-charts.css`` after the theme's colours as CSS custom
properties) and the theme's stylesheet with the icons the site uses in place of Font Awesome's
web fonts (:mod:`report_lib.page.icons`; ``_templates/layout.html`` loads it instead of the
theme's stylesheet and ``fontawesome.js``). The chart stylesheet is on every page; the Vega
runtime and chart script only on pages that hold a chart, and the extensions' assets only on
pages that use them (:mod:`report_lib.page.page_assets`). When the site is built, the themes'
and myst-nb's stylesheets are cut down to the rules its pages can match
(:mod:`report_lib.page.css_purge`). Chart data CSVs written there by executed notebooks are
copied into the site's ``_static/chart-data/`` at the end of the build.

With the config value ``report_other_edition`` (set by the publishing layer for each
language edition: ``prefix`` from this site's root to the other's, its ``lang``, link
``text`` and ``title``), every page starts with a relative link to the same page in the
other language, and its head names that page as the ``alternate`` in that language. The
Chinese search also indexes the report's words inside longer ones (:mod:`report_lib.page.search_zh`).
"""

from __future__ import annotations

import hashlib
import html
from pathlib import Path

import vl_convert as vlc

from report_lib import paths
from report_lib.page.css_purge import purge, site_classes
from report_lib.page.icons import light_theme_stylesheet
from report_lib.page.page_assets import drop_unneeded
from report_lib.page.search_zh import use_for_chinese
from report_lib.present import theme

RUNTIME = "vega-runtime.js"
CHART_SCRIPT = "report-charts.js"
VEGA_MODULE = "https://cdn.jsdelivr.net/npm/vega@{version}/+esm"
"""The address vl-convert's bundler knows Vega's module by (its own copy: nothing is downloaded)."""
STYLESHEET = "report-charts.css"
THEME_STYLESHEET = "report-theme.css"
STATIC_SOURCE = Path(__file__).parent / "static"
PURGED = (THEME_STYLESHEET, "mystnb.*.css", "basic.css", "styles/sphinx-book-theme.css")
"""Stylesheets of the built site (under ``_static``) cut down to the rules its pages can match: the light
theme stylesheet, myst-nb's, Sphinx's basic theme's and sphinx-book-theme's."""
CHART_MARK = 'class="report-chart-canvas"'
"""What :mod:`report_lib.page.render` writes into a page for each interactive chart."""


def runtime_snippet() -> str:
    """Return the script vl-convert bundles with Vega: it imports Vega's namespace and makes it ``window.vega``.

    vl-convert's own snippets name Vega by its module's default export, which is empty; this one
    imports the module by the address vl-convert keeps its copy under (bundled from that copy, offline).
    """
    module = VEGA_MODULE.format(version=vlc.get_vega_version())
    return f'import * as vegaModule from "{module}";\nwindow.vega = vegaModule;'


def runtime_header() -> str:
    """Return the first line of the Vega runtime script: the Vega version and a digest of the snippet."""
    digest = hashlib.sha256(runtime_snippet().encode()).hexdigest()[:12]
    return f"/* Vega {vlc.get_vega_version()} (vl-convert, snippet {digest}) */"


def vega_runtime() -> str:
    """Return the Vega runtime (no Vega-Lite, no vega-embed) as one script that defines ``window.vega``.

    Its first line is :func:`runtime_header`, so an unchanged runtime need not be bundled again.
    """
    return runtime_header() + "\n(function () {\n" + vlc.javascript_bundle(runtime_snippet()) + "\n})();\n"


def write_static_assets(folder: Path, templates: tuple[Path, ...] = ()) -> None:
    """Write the Vega runtime (if its version changed), the chart script and both stylesheets into ``folder``.

    The chart stylesheet is the theme's colours as CSS custom properties
    (:func:`report_lib.present.theme.css_variables`) followed by the package file
    ``static/report-charts.css``, which uses only ``var(--report-...)`` colours. The theme
    stylesheet is :func:`report_lib.page.icons.light_theme_stylesheet` with the icons named in
    ``templates`` (the book's template folders) too.
    """
    folder.mkdir(parents=True, exist_ok=True)
    runtime = folder / RUNTIME
    if not runtime.is_file() or runtime.read_text(encoding="utf-8").split("\n", 1)[0] != runtime_header():
        runtime.write_text(vega_runtime(), encoding="utf-8")
    (folder / CHART_SCRIPT).write_text((STATIC_SOURCE / CHART_SCRIPT).read_text(encoding="utf-8"), encoding="utf-8")
    stylesheet = theme.css_variables() + (STATIC_SOURCE / STYLESHEET).read_text(encoding="utf-8")
    (folder / STYLESHEET).write_text(stylesheet, encoding="utf-8")
    (folder / THEME_STYLESHEET).write_text(light_theme_stylesheet(templates), encoding="utf-8")


def _on_config_inited(app, config) -> None:
    folder = paths.site_static_dir(Path(app.confdir))
    templates = tuple(Path(app.confdir, t) for t in config.templates_path)
    write_static_assets(folder, templates)
    config.html_static_path = list(config.html_static_path) + [str(folder)]


def other_edition_link(pagename: str, edition: dict) -> tuple[str, str]:
    """Return the HTML of the link to ``pagename`` in the other edition, and its ``<link rel="alternate">``."""
    href = "../" * pagename.count("/") + edition["prefix"] + pagename + ".html"
    lang, text, title = (html.escape(str(edition[k]), quote=True) for k in ("lang", "text", "title"))
    link = (f'<p class="report-edition-switch"><a href="{html.escape(href, quote=True)}" hreflang="{lang}" '
            f'lang="{lang}" title="{title}">{text}</a></p>\n')
    return link, f'<link rel="alternate" hreflang="{lang}" href="{html.escape(href, quote=True)}" />\n'


def _page_assets(app, pagename, templatename, context, doctree) -> None:
    """Give a page only the assets it uses: the Vega runtime and chart script (deferred, in order) if it
    holds a chart, and none of the extensions' assets it does not need (:mod:`report_lib.page.page_assets`)."""
    if app.builder.format != "html":
        return
    if CHART_MARK in context.get("body", ""):
        app.add_js_file(RUNTIME, loading_method="defer")
        app.add_js_file(CHART_SCRIPT, loading_method="defer")
    launch = (app.config.html_theme_options or {}).get("launch_buttons") or {}
    drop_unneeded(context, thebe=bool(launch.get("thebe")))


def _on_page_context(app, pagename, templatename, context, doctree) -> None:
    edition = app.config.report_other_edition
    if not edition or app.builder.name != "html":
        return
    link, alternate = other_edition_link(pagename, edition)
    context["body"] = link + context.get("body", "")
    context["metatags"] = context.get("metatags", "") + alternate


def purge_stylesheets(site: Path) -> None:
    """Cut each of the site's :data:`PURGED` stylesheets down to the rules its pages and scripts can match."""
    static = site / "_static"
    classes = site_classes(p for p in site.rglob("*.html") if "_static" not in p.relative_to(site).parts)
    for pattern in PURGED:
        for sheet in static.glob(pattern):
            sheet.write_text(purge(sheet.read_text(encoding="utf-8"), classes), encoding="utf-8")


def _on_build_finished(app, exception) -> None:
    if exception is None and app.builder.format == "html":
        purge_stylesheets(Path(app.outdir))


def setup(app) -> dict:
    """Register the extension with Sphinx."""
    app.add_config_value("report_other_edition", {}, "html")
    use_for_chinese()
    app.connect("config-inited", _on_config_inited)
    app.connect("html-page-context", _on_page_context)
    app.connect("html-page-context", _page_assets, priority=900)  # after the theme's and extensions' handlers
    app.connect("build-finished", _on_build_finished, priority=900)  # after myst-nb writes its stylesheet
    app.setup_extension("report_lib.page.wave_banner")  # "synthetic data" banner, from the data's metadata
    app.add_css_file(STYLESHEET)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
