"""Data strings stay text: a book built from data whose text ends in HTML, script and Markdown payloads.

A copy of the project (introduction, chapters 2 and 3 with their bank-type variants, the
glossary and the data of record) is built with the real command from a copy of ``data/``
whose labels, notes, glossary entries, vendor, case and expert texts and segment labels end
in :data:`support.payloads.PAYLOAD`. Each page is opened in headless Chromium (offline):
no payload handler may run (``data-pwned`` on ``<body>``), no link may point to
``javascript:``, no element may carry an event handler, and the payloads show literally.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from report_lib import paths
from support.book_copy import project_copy, start_build
from support.browser import CHROMIUM, MISSING, file_urls, visit
from support.payloads import PAYLOADS, poisoned_data

pytestmark = [pytest.mark.slow, pytest.mark.browser, pytest.mark.skipif(CHROMIUM is None, reason=MISSING)]

REPORT = ("chapters/02_current_state", "chapters/03_vendors")
PAGES = {
    "chapters/02_current_state.html": (0, 1, 2, 4),
    "chapters/03_vendors.html": (0, 1, 2, 4),
    "variants/regional/02_current_state.html": (0, 1, 2, 4),
    "variants/state_owned/03_vendors.html": (0, 1, 2, 4),
    "variants/index.html": (0, 1, 2, 4),
    "variants/regional/index.html": (0, 1, 2, 4),
    "reference/glossary.html": (0, 1, 2, 4),
    "reference/data_of_record.html": (0, 1, 2, 4),
}
"""Pages opened, each with the payloads (by index) whose text must show literally on it."""
SMART_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})
"""Sphinx's smartquotes curls straight quotes in headings: typography, not markup, so the check undoes it."""


class Page(HTMLParser):
    """What a rendered DOM holds: live links and handlers, the body's attributes, and the visible text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.handlers: list[str] = []
        self.body: dict[str, str | None] = {}
        self.text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "body":
            self.body = attributes
        if tag in ("script", "style"):
            self._skip += 1
        for name, value in attrs:
            if name in ("href", "src", "action", "xlink:href") and (value or "").strip().lower().startswith("javascript:"):
                self.links.append(f"<{tag} {name}={value}>")
            if name.startswith("on"):
                self.handlers.append(f"<{tag} {name}={value}>")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)


@pytest.fixture(scope="module")
def doms(tmp_path_factory) -> dict[str, str]:
    """The book built from the poisoned data, each page of :data:`PAGES` as the browser left it (by name)."""
    folder = tmp_path_factory.mktemp("markup")
    data = poisoned_data(paths.DEFAULT_DATA_DIR, folder / "data")
    root = project_copy(folder / "book", ("reference/data_of_record", "reference/glossary"), REPORT)
    process = start_build(root, data)
    _, err = process.communicate(timeout=1800)
    assert process.returncode == 0, err[-4000:]
    site = root / "_build" / "html"
    missing = [name for name in PAGES if not (site / name).is_file()]
    assert not missing, f"not built: {missing}"
    urls = file_urls([site / name for name in PAGES])
    visits = visit(urls)
    return {name: visits[url].dom for name, url in zip(PAGES, urls)}


@pytest.mark.parametrize("name", PAGES)
def test_payloads_stay_text(doms, name):
    """No payload runs or links; each shows as its own text."""
    page = Page()
    page.feed(doms[name])
    assert "data-pwned" not in page.body, f"{name}: a payload ran ({page.body['data-pwned']})"
    assert not page.links, f"{name}: javascript: links {page.links[:3]}"
    assert not page.handlers, f"{name}: event handlers {page.handlers[:3]}"
    text = " ".join(" ".join(page.text).split()).translate(SMART_QUOTES)
    for index in PAGES[name]:
        assert PAYLOADS[index] in text, f"{name}: payload {PAYLOADS[index]!r} does not show literally"
    assert "<svg onload" in text and "</script><script>" in text or name.startswith("reference/")


def test_a_payload_that_runs_is_seen(tmp_path):
    """Control: the same reading of the browser's DOM sees a handler that ran and a ``javascript:`` link."""
    page = tmp_path / "raw.html"
    page.write_text(f"<html><body><p>{PAYLOADS[1]} {PAYLOADS[0]}</p></body></html>", encoding="utf-8")
    (seen,) = visit([page.as_uri()], ready="() => document.body.dataset.pwned !== undefined").values()
    parsed = Page()
    parsed.feed(seen.dom)
    assert parsed.body.get("data-pwned") == "2" and parsed.links and parsed.handlers
