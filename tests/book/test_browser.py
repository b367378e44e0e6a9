"""Every page of the built site in headless Chromium: it renders offline, draws every chart, and is accessible.

Each page of both editions (variants included) is loaded from disk once per window size, in one
browser (:mod:`support.browser`); every check below reads those loads. Any request that would
leave the machine (a CDN script, a web font) is recorded and refused. After the scripts have
run, every chart's container must report ``data-rendered="true"``, and axe-core (WCAG 2.1 A/AA,
npm, installed into the git-ignored ``.tools/`` by ``make test``) must find no serious or
critical violation, wide or narrow. Needs ``_build/html`` (``make test`` builds it first) and
Chromium (``make system-deps``).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from report_lib import paths
from support.browser import CHROMIUM, MISSING, WINDOWS, Visit, file_urls, visit
from test_built_site import SITE, pages

pytestmark = [pytest.mark.browser, pytest.mark.skipif(CHROMIUM is None, reason=MISSING)]

AXE = Path(os.environ.get("REPORT_AXE", paths.PROJECT_ROOT / ".tools" / "node_modules" / "axe-core" / "axe.min.js"))
REDIRECT = re.compile(r'<meta http-equiv="Refresh"', re.I)
"""A page that only redirects (the site's ``index.html``) is checked as its target."""


@pytest.fixture(scope="module")
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
    return [page for page in pages() if not REDIRECT.search(page.read_text(encoding="utf-8"))]


@pytest.fixture(scope="module")
def site_visits(axe_source):
    """``site_visits(window)``: each content page of the built site loaded in a ``window``-sized viewport, with axe
    run in it (by page path relative to the site; loaded on first use, once per window)."""
    loaded: dict[str, dict[str, Visit]] = {}

    def visits(window: str) -> dict[str, Visit]:
        if window not in loaded:
            site_pages = content_pages()
            urls = file_urls(site_pages)
            by_url = visit(urls, window, axe=axe_source)
            loaded[window] = {page.relative_to(SITE).as_posix(): by_url[url] for page, url in zip(site_pages, urls)}
        return loaded[window]

    return visits


def test_every_page_renders_offline_with_all_charts(site_visits):
    """Each page draws every chart and sends no request off the machine."""
    visits = site_visits("desktop")
    undrawn = {name: f"{v.charts_drawn} of {v.charts} charts drew" for name, v in visits.items()
               if v.charts_drawn != v.charts or not v.ready}
    assert undrawn == {}
    assert sum(v.charts for v in visits.values()) >= 5, "the book should have charts"
    left = {name: v.requests[:5] for name, v in visits.items() if v.requests}
    assert left == {}, f"requests left the machine: {left}"


def test_offline_check_catches_a_cdn_script(tmp_path):
    """Control: a page that loads a script from a CDN is caught by the same check."""
    page = tmp_path / "cdn.html"
    page.write_text('<html><head><script src="https://cdn.jsdelivr.net/npm/vega@5"></script></head></html>')
    (seen,) = visit([page.as_uri()]).values()
    assert any("cdn.jsdelivr.net" in r for r in seen.requests)


def test_chart_check_catches_a_chart_that_does_not_draw(tmp_path):
    """Control: a chart container whose script never marks it drawn is reported, after the wait."""
    page = tmp_path / "undrawn.html"
    page.write_text('<html><body><div class="report-chart-canvas"></div></body></html>')
    (seen,) = visit([page.as_uri()], ready="() => true").values()
    assert (seen.charts, seen.charts_drawn) == (1, 0)


SLACK_PX = 1
"""Rounding between an SVG's width and its column's (CSS px)."""
DESKTOP_SHARE = 0.9
"""On a desktop a chart is drawn across at least this share of its column (it uses the room, not a phone's width)."""


@pytest.mark.parametrize("window", sorted(WINDOWS))
def test_every_chart_fits_its_column(site_visits, window):
    """Every chart of every page, both editions, is drawn within its column (no edge cut, no sideways scroll);
    on a desktop it also spans the column."""
    visits = site_visits(window)
    outside, narrow, charts = [], [], 0
    for name, seen in visits.items():
        for chart in seen.chart_widths:
            charts += 1
            where = f"{name}#{chart['id']}: drawn {chart['drawn']:.0f} px in a column of {chart['column']:.0f}"
            if (chart["right"] > chart["column_right"] + SLACK_PX or chart["left"] < chart["column_left"] - SLACK_PX
                    or chart["scrolls"] or chart["drawn"] == 0):
                outside.append(where)
            elif window == "desktop" and chart["drawn"] < DESKTOP_SHARE * chart["canvas"]:
                narrow.append(where)
    assert charts >= 100 and any(name.startswith("zh/") for name in visits), "every chart of both editions is read"
    assert outside == [], f"{len(outside)} of {charts} charts wider than their column at {WINDOWS[window]}:\n" + \
        "\n".join(outside[:20])
    assert narrow == [], f"{len(narrow)} of {charts} charts leave their column unused:\n" + "\n".join(narrow[:20])


def test_fit_check_catches_a_chart_wider_than_its_column(tmp_path):
    """Control: a fixed 900 px wide chart in a phone's window is measured wider than its column."""
    page = tmp_path / "wide.html"
    page.write_text('<html><body><article><figure id="chart-x"><div class="report-chart-canvas" data-rendered="true">'
                    '<svg width="900" height="10"></svg></div></figure></article></body></html>')
    (seen,) = visit([page.as_uri()], window="phone").values()
    (chart,) = seen.chart_widths
    assert chart["id"] == "chart-x" and chart["drawn"] == 900 and chart["right"] > chart["column_right"]


BLOCKING = {"serious", "critical"}


@pytest.mark.parametrize("window", sorted(WINDOWS))
def test_no_serious_axe_violation_on_any_page(site_visits, window):
    """Every page, wide and narrow: zero serious or critical WCAG 2.1 A/AA violations (per-page result printed)."""
    blocking: dict[str, list[str]] = {}
    visits = site_visits(window)
    for name, seen in visits.items():
        assert seen.violations is not None, f"{name}: axe did not run"
        print(f"axe {window} {name}: " + (", ".join(f"{v['id']} ({v['impact']}, {v['nodes']}: {v['targets']})"
                                             for v in seen.violations) or "none"))
        serious = [f"{v['id']} ({v['impact']}, {v['nodes']} nodes, e.g. {v['targets'][:1]})"
                   for v in seen.violations if v["impact"] in BLOCKING]
        if serious:
            blocking[name] = serious
    assert len(visits) >= 5, "the site should have pages"
    assert blocking == {}, "serious or critical axe violations: " + json.dumps(blocking, indent=1)


def test_axe_catches_a_known_violation(axe_source, tmp_path):
    """Control: the same harness reports the theme's old search button (label-content-name-mismatch)."""
    page = tmp_path / "bad.html"
    page.write_text('<!doctype html><html lang="en"><head><title>t</title></head><body><main>'
                    '<button aria-label="Search">Search Ctrl+K</button><img src="x.png"></main></body></html>',
                    encoding="utf-8")
    (seen,) = visit([page.as_uri()], axe=axe_source).values()
    found = {v["id"]: v["impact"] for v in seen.violations}
    assert found.get("image-alt") == "critical"
    assert "label-content-name-mismatch" in found
