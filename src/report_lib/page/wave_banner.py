"""The banner of a book built from synthetic survey data: "Synthetic data, not survey results".

A wave whose metadata says ``synthetic: true`` (``survey/responses.meta.yaml``, e.g. the
example wave of ``examples/synthetic_wave.py``) is random answers, not a survey: every page
built from it (site, bank-type variants, PDF) starts with this banner, in the page's language
(label ``banner.synthetic_data``). This module is the one place that decides it; the Sphinx
extension :mod:`report_lib.page.sphinx_ext` loads it, and the data folder is the build's
(env ``REPORT_DATA``, :func:`report_lib.paths.data_dir`).
"""

from __future__ import annotations

import html
from functools import lru_cache
from pathlib import Path

from report_lib import paths
from report_lib.data.csv_records import read_csv_records
from report_lib.data.survey.wave import wave_metadata
from report_lib.present import theme

LABEL = "banner.synthetic_data"
STYLE = (f"background:{theme.WARNING};color:{theme.TEXT_ON_DARK};padding:0.6em 1em;margin:0 0 1em 0;"
         "border-radius:4px;font-weight:600")


@lru_cache(maxsize=8)
def banner_text(data_dir: Path, lang: str) -> str:
    """The banner's text for pages built from ``data_dir`` in ``lang``; empty unless its wave is synthetic."""
    if not wave_metadata(data_dir).get("synthetic", False):
        return ""
    labels = read_csv_records(data_dir / "reference" / "labels.csv").set_index("key")
    return str(labels.loc[LABEL, lang])


def banner_html(data_dir: Path, lang: str) -> str:
    """The banner as an HTML block (empty when the data is not synthetic)."""
    text = banner_text(data_dir, lang)
    if not text:
        return ""
    return (f'<div class="report-synthetic-banner" role="note" lang="{lang}" style="{STYLE}">'
            f"{html.escape(text)}</div>\n")


def _on_page_context(app, pagename, templatename, context, doctree) -> None:
    lang = "zh" if str(app.config.language or "").startswith("zh") else "en"
    context["body"] = banner_html(paths.data_dir(), lang) + context.get("body", "")


def setup(app) -> dict:
    """Register the banner with Sphinx (every HTML page, the PDF's single page too)."""
    app.connect("html-page-context", _on_page_context)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
