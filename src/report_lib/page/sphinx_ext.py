"""Sphinx extension that makes the book's charts work offline.

On ``config-inited`` it writes vl-convert's Vega/Vega-Lite/vega-embed bundle (wrapped
in an IIFE so its top-level names cannot clash with Sphinx's ``_``) and the chart
stylesheet into ``_build/.site-static/``, adds that folder to ``html_static_path`` and
registers both files on every page. The stylesheet is this package's
``static/report-charts.css`` after the theme's colours as CSS custom properties. Chart
data CSVs written there by executed notebooks are copied into the site's
``_static/chart-data/`` at the end of the build.
"""

from __future__ import annotations

from pathlib import Path

import vl_convert as vlc

from report_lib import paths
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


def setup(app) -> dict:
    """Register the extension with Sphinx."""
    app.connect("config-inited", _on_config_inited)
    app.add_js_file(BUNDLE)
    app.add_css_file(STYLESHEET)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
