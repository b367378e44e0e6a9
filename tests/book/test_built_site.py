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
