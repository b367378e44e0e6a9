"""The Chinese site's search page, run in headless Chromium offline, lists the pages for each term of issue 13."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest

from support.browser import CHROMIUM, MISSING, SEARCH_DONE, visit
from test_chinese_site import TERMS, ZH

pytestmark = [pytest.mark.browser, pytest.mark.skipif(CHROMIUM is None, reason=MISSING)]


@pytest.fixture(scope="module")
def searches() -> dict[str, object]:
    """Each term of :data:`TERMS` searched on the Chinese site's search page (one browser, all terms)."""
    if not (ZH / "search.html").is_file():
        pytest.fail(f"no Chinese site at {ZH}: run `make book` first")
    urls = {term: (ZH / "search.html").as_uri() + "?q=" + quote(term) for term in TERMS}
    visits = visit(list(urls.values()), ready=SEARCH_DONE)
    return {term: visits[url] for term, url in urls.items()}


@pytest.mark.parametrize("term", TERMS)
def test_search_page_finds_the_term(term, searches):
    seen = searches[term]
    assert seen.ready, f"searching {term}: the search never finished"
    results = re.findall(r'<li[^>]*>\s*<a href="([^"]+\.html)[^"]*"', seen.dom.split('id="search-results"', 1)[-1])
    assert results, f"searching {term} listed no page"
    assert seen.requests == []
