"""Sphinx extension: the page title sphinx-book-theme prints stays text.

sphinx-book-theme sets ``pagetitle`` to the title's plain text and writes it unescaped into
the print header (``<h1>{{ pagetitle }}</h1>`` in its ``layout.html``), so a title built from
a data string (a bank type's variant pages) would become live markup there. This handler
runs after the theme's and escapes it.
"""

from __future__ import annotations

import html

AFTER_THEME = 900
"""Priority of the handler: later than the theme's (Sphinx's default is 500)."""


def escape_page_title(app, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Escape ``pagetitle`` for HTML once the theme has set it."""
    if isinstance(context.get("pagetitle"), str):
        context["pagetitle"] = html.escape(context["pagetitle"])


def setup(app) -> dict:
    """Register :func:`escape_page_title` on ``html-page-context``."""
    app.connect("html-page-context", escape_page_title, priority=AFTER_THEME)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
