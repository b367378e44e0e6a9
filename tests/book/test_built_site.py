"""Checks of the built site that need no browser: downloads resolve, nothing remote is referenced."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from report_lib import paths

SITE = paths.PROJECT_ROOT / "_build" / "html"


def pages() -> list[Path]:
    """Every HTML page of the built site (fails when the site has not been built)."""
    if not (SITE / "index.html").is_file():
        pytest.fail(f"no built site at {SITE}: run `make book` first")
    return sorted(p for p in SITE.rglob("*.html") if "_static" not in p.parts)


def test_built_html_has_no_remote_assets():
    """No page references a script, stylesheet or font on another host."""
    remote = re.compile(r'<(?:script|link)[^>]+(?:src|href)="(?:https?:)?//', re.I)
    offenders = [str(p.relative_to(SITE)) for p in pages() if remote.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_every_chart_links_its_data():
    """Each chart's 'Download data' link resolves to a non-empty CSV in the site."""
    links = 0
    for page in pages():
        for href in re.findall(r'class="report-chart-download" href="([^"]+)"', page.read_text(encoding="utf-8")):
            target = (page.parent / href).resolve()
            assert target.is_file(), f"{page.relative_to(SITE)}: {href} does not exist"
            assert len(pd.read_csv(target, encoding="utf-8-sig")) > 0
            links += 1
    assert links >= 5


def test_vega_is_served_locally_and_only_to_pages_with_charts():
    """The Vega runtime every chart needs is a static file of the site, loaded by exactly the pages with a chart."""
    for site in (SITE, SITE / "zh"):
        assert (site / "_static" / "vega-runtime.js").is_file() and (site / "_static" / "report-charts.js").is_file()
    for page in pages():
        text = page.read_text(encoding="utf-8")
        charted = 'class="report-chart-canvas"' in text
        assert ("vega-runtime.js" in text) == charted, page.relative_to(SITE)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_page_is_titled_with_the_editions_title(lang):
    """Each page's ``<title>`` ends with the site title and its header shows it: the edition of the data built from.

    The data folder is the one the site was built from (env ``REPORT_DATA``, as ``make`` sets
    it); a wave of 2024 titles every page with 2024, in both languages.
    """
    import html

    from report_lib.data.dataset import load_dataset
    from report_lib.data.survey.edition import edition_of
    from report_lib.page.edition_text import book_title
    from report_lib.present.labels import Labels

    data = paths.data_dir()
    title = html.escape(book_title(data, Labels(load_dataset(data), lang)), quote=False)
    year = edition_of(data).year
    assert year is None or str(year) in title
    site = SITE / "zh" if lang == "zh" else SITE
    checked = []
    for page in (p for p in pages() if p.is_relative_to(SITE / "zh") == (lang == "zh")):
        text = page.read_text(encoding="utf-8")
        if text.startswith('<meta http-equiv="Refresh"'):  # the root's index.html only redirects to the root page
            continue
        checked.append(page)
        found = re.search(r"<title>(.*?)</title>", text, re.S)
        assert found and found.group(1).strip().endswith(title), (page.relative_to(site), found)
        assert f'<p class="title logo__title">{title}</p>' in text, page.relative_to(site)
    assert len(checked) >= 5
