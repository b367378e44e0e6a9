"""Sphinx extension that makes the book's charts work offline.

On ``config-inited`` it writes vl-convert's Vega/Vega-Lite/vega-embed bundle (wrapped
in an IIFE so its top-level names cannot clash with Sphinx's ``_``) and the chart
stylesheet into ``_build/.site-static/``, adds that folder to ``html_static_path`` and
registers both files on every page. Chart data CSVs written there by executed
notebooks are copied into the site's ``_static/chart-data/`` at the end of the build.
"""

from __future__ import annotations

from pathlib import Path

import vl_convert as vlc

from report_lib import paths

BUNDLE = "vega-bundle.js"
STYLESHEET = "report-charts.css"
CSS = """
:root { --pst-font-family-base: -apple-system, "Segoe UI", "Helvetica Neue", Arial, "Noto Sans CJK SC",
        "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
.report-chart { margin: 1.5em 0; }
.report-chart-canvas { min-height: 120px; overflow-x: auto; }
.report-chart-footer { font-family: var(--pst-font-family-base); font-size: 0.8em; color: #555; margin-top: 0.4em; line-height: 1.4; }
.report-chart-data summary { font-size: 0.85em; cursor: pointer; color: #1f5f8b; }
.report-chart-table { font-size: 0.8em; }
.report-chart-table td, .report-chart-table th { padding: 0.15em 0.6em; }
table.report-table { font-size: 0.8em; width: 100%; }
table.report-table th { text-align: left !important; vertical-align: bottom; }
table.report-table td { vertical-align: top; white-space: normal; min-width: 4em; }
table.report-table td:first-child { overflow-wrap: anywhere; min-width: 10em; }
"""


def write_static_assets(folder: Path) -> None:
    """Write the offline Vega bundle and the chart stylesheet into ``folder`` (if changed)."""
    folder.mkdir(parents=True, exist_ok=True)
    bundle = "(function () {\n" + vlc.javascript_bundle() + "\n})();\n"
    target = folder / BUNDLE
    if not target.is_file() or target.read_text(encoding="utf-8") != bundle:
        target.write_text(bundle, encoding="utf-8")
    (folder / STYLESHEET).write_text(CSS, encoding="utf-8")


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
