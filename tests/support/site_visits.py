"""Fixtures: the built site as a browser sees it, every page loaded once per window size, with axe-core, in one Chromium.

The offline check (``tests/book/test_browser.py``) and the accessibility check
(``tests/book/test_accessibility.py``) read the same visits, so each page of both editions is
loaded once per window size in the whole test run. A plugin of the test suite
(``pytest_plugins`` in ``tests/conftest.py``), so that both files share one session fixture.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from report_lib import paths
from support.browser import CHROMIUM, MISSING, Visit, file_urls, visit

SITE = paths.PROJECT_ROOT / "_build" / "html"

AXE = Path(os.environ.get("REPORT_AXE", paths.PROJECT_ROOT / ".tools" / "node_modules" / "axe-core" / "axe.min.js"))
REDIRECT = re.compile(r'<meta http-equiv="Refresh"', re.I)
"""A page that only redirects (the site's ``index.html``) is checked as its target."""


@pytest.fixture(scope="session")
def axe_source() -> Path:
    """axe-core's script (fails with the command that installs it)."""
    if CHROMIUM is None:
        pytest.fail(MISSING)
    if not AXE.is_file():
        pytest.fail(f"axe-core not found at {AXE}: run `make test` (it runs "
                    "`npm install --no-save --prefix .tools axe-core@4`)")
    return AXE


def content_pages() -> list[Path]:
    """Every page of the built site (both editions, variants included) except the redirects."""
    if not (SITE / "index.html").is_file():
        pytest.fail(f"no built site at {SITE}: run `make book` first")
    pages = sorted(p for p in SITE.rglob("*.html") if "_static" not in p.parts)
    return [page for page in pages if not REDIRECT.search(page.read_text(encoding="utf-8"))]


@pytest.fixture(scope="session")
def site_visits(axe_source):
    """``site_visits(window)``: each content page of the built site loaded in a ``window``-sized viewport, with axe
    run in it (by page path relative to the site; loaded on first use, once per window)."""
    loaded: dict[str, dict[str, Visit]] = {}

    def visits(window: str) -> dict[str, Visit]:
        if window not in loaded:
            site_pages = content_pages()
            by_url = visit(file_urls(site_pages), window, axe=axe_source)
            loaded[window] = {page.relative_to(SITE).as_posix(): by_url[url]
                              for page, url in zip(site_pages, file_urls(site_pages))}
        return loaded[window]

    return visits
