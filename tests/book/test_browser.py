"""Every page of the built site renders offline in headless Chromium.

Each page is loaded from disk (:mod:`support.browser`); any request that would leave the
machine (a CDN script, a web font) is recorded and refused. After the scripts have run,
every chart's container must report ``data-rendered="true"``. Needs ``_build/html``
(``make test`` builds it first) and Chromium (``make system-deps``).
"""

from __future__ import annotations

import pytest

from support.browser import CHROMIUM, MISSING, visit

pytestmark = [pytest.mark.browser, pytest.mark.skipif(CHROMIUM is None, reason=MISSING)]


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
