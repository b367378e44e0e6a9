"""The Chinese site's search page, run in headless Chromium offline, lists the pages for each term of issue 13."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest

from test_browser import CHROMIUM, page_requests, proxy, rendered_dom  # noqa: F401 (proxy is a fixture)
from test_chinese_site import TERMS, ZH

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium not installed: run `make system-deps` (apt-get install chromium)"),
]


class Address(str):
    """A URL with a query, passed where the browser helper expects a path (it asks for ``as_uri()``)."""

    def as_uri(self) -> str:
        return str(self)


@pytest.mark.parametrize("term", TERMS)
def test_search_page_finds_the_term(term, proxy, tmp_path):
    if not (ZH / "search.html").is_file():
        pytest.fail(f"no Chinese site at {ZH}: run `make book` first")
    dom = rendered_dom(Address((ZH / "search.html").as_uri() + "?q=" + quote(term)), proxy, tmp_path / "profile")
    results = re.findall(r'<li[^>]*>\s*<a href="([^"]+\.html)[^"]*"', dom.split('id="search-results"', 1)[-1])
    assert results, f"searching {term} listed no page"
    assert page_requests(proxy.requests) == []
