"""One headless Chromium for every browser check: pages loaded offline, their scripts run, what they did read back.

Playwright (``playwright`` on PyPI; it drives the system Chromium that ``make system-deps``
installs, never a browser of its own) opens the pages of one window size as tabs of one
browser, a few at a time. Each page is loaded from disk; every request that would leave the
machine (any scheme but ``file:``, ``data:``, ``blob:`` and ``about:``) is recorded and
refused, and Chromium's proxy points at a closed port as a second fence. A page counts as
loaded when its ``load`` event fired and its own scripts signal that they finished (every
chart container ``data-rendered="true"`` by default; the search page's summary for a search),
so no check waits a fixed time. Then axe-core runs in the page if asked, and the DOM is read.

Why not one ``chromium --headless --dump-dom`` per page, as before: each started a browser
(about 1 s) and waited a fixed virtual-time budget (3 to 30 s), one page after another;
the accessibility check alone took about two minutes per window size.
"""

from __future__ import annotations

import asyncio
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from playwright.async_api import TimeoutError as PlaywrightTimeout
from playwright.async_api import async_playwright

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
MISSING = "Chromium not installed: run `make system-deps` (apt-get install chromium)"
WINDOWS = {"desktop": (1280, 900), "phone": (390, 844)}
"""Window sizes: the theme shows different controls (sidebar search field, header search icon) at each."""
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")
TABS = max(2, os.cpu_count() or 2)
"""Pages loading at once: one per core keeps both busy while one page waits on its scripts."""
READY_TIMEOUT_MS = 60_000
"""How long a page may take to signal that its scripts finished; after that it is read as it stands."""
CHARTS = ".report-chart-canvas"
CHARTS_DRAWN = f"() => [...document.querySelectorAll('{CHARTS}')].every(e => e.dataset.rendered === 'true')"
"""Ready: every chart container says its chart drew (``report-charts.js`` sets it after Vega rendered)."""
SEARCH_DONE = "() => { const s = document.querySelector('.search-summary'); return !!s && s.innerText.length > 0; }"
"""Ready on Sphinx's search page: the summary line ("Search finished, ...") is written when the search ended."""
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
RUN_AXE = """(tags) => axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})
  .then(r => r.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length,
                                    targets: v.nodes.slice(0, 3).map(n => n.target.join(" "))})))"""
POLL_MS = 50
"""How often the ready predicate is tried (an interval: animation frames do not come to tabs in the background)."""
COUNT = "(selector) => document.querySelectorAll(selector).length"
CHART_WIDTHS = """(selector) => [...document.querySelectorAll(selector)].map(canvas => {
  const svg = canvas.querySelector('svg'), figure = canvas.closest('figure');
  const column = (canvas.closest('article') || document.body).getBoundingClientRect();
  const drawn = svg ? svg.getBoundingClientRect() : {left: 0, right: 0, width: 0};
  return {id: figure ? figure.id : canvas.id, drawn: drawn.width, left: drawn.left, right: drawn.right,
          column: column.width, column_left: column.left, column_right: column.right, canvas: canvas.clientWidth,
          scrolls: canvas.scrollWidth > canvas.clientWidth + 1};
})"""
"""Each chart's drawn width and edges (its SVG) against its column's (the page's article), in CSS px."""
DRAWN = f"{CHARTS}[data-rendered=\"true\"]"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run", "--disable-background-timer-throttling",
               "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows", "--disable-default-apps", "--proxy-server=http://127.0.0.1:9",
               "--proxy-bypass-list=<-loopback>"]


@dataclass
class Visit:
    """What one page did in the browser."""

    url: str
    dom: str = ""
    """The document after its scripts ran (``outerHTML`` of the root element)."""
    charts: int = 0
    charts_drawn: int = 0
    ready: bool = False
    """Whether the page signalled that its scripts finished before :data:`READY_TIMEOUT_MS`."""
    requests: list[str] = field(default_factory=list)
    """Requests that would have left the machine (refused)."""
    violations: list[dict] | None = None
    """axe-core's WCAG 2.1 A/AA violations (``None`` when axe was not asked for)."""
    chart_widths: list[dict] = field(default_factory=list)
    """Each chart's drawn width and edges against its column's (:data:`CHART_WIDTHS`), read once the charts drew."""


async def _visit(context, url: str, ready: str, axe: str | None, tabs: asyncio.Semaphore) -> Visit:
    async with tabs:
        visit = Visit(url)
        page = await context.new_page()

        def record(request):
            if not request.url.startswith(LOCAL_SCHEMES):
                visit.requests.append(f"{request.method} {request.url}")

        page.on("request", record)
        try:
            await page.goto(url, wait_until="load")
            try:
                await page.wait_for_function(ready, polling=POLL_MS, timeout=READY_TIMEOUT_MS)
                visit.ready = True
            except PlaywrightTimeout:
                pass
            visit.charts = await page.evaluate(COUNT, CHARTS)
            visit.charts_drawn = await page.evaluate(COUNT, DRAWN)
            visit.chart_widths = await page.evaluate(CHART_WIDTHS, CHARTS)
            if axe is not None:
                await page.evaluate("() => document.fonts.ready.then(() => true)")
                await page.add_script_tag(content=axe)
                visit.violations = await page.evaluate(RUN_AXE, WCAG_TAGS)
            visit.dom = await page.evaluate("() => document.documentElement.outerHTML")
        finally:
            await page.close()
        return visit


async def _visit_all(urls: list[str], window: str, ready: str, axe: str | None) -> dict[str, Visit]:
    width, height = WINDOWS[window]
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        try:
            context = await browser.new_context(viewport={"width": width, "height": height})
            await context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(LOCAL_SCHEMES)
                                else route.abort())
            tabs = asyncio.Semaphore(TABS)
            visits = await asyncio.gather(*(_visit(context, url, ready, axe, tabs) for url in urls))
        finally:
            await browser.close()
    return dict(zip(urls, visits))


def visit(urls: list[str], window: str = "desktop", ready: str = CHARTS_DRAWN, axe: Path | None = None
          ) -> dict[str, Visit]:
    """Load every URL of ``urls`` offline in one browser with a ``window``-sized viewport; return each one's :class:`Visit`.

    ``ready`` is a JavaScript predicate the page must satisfy once loaded (see :data:`CHARTS_DRAWN`,
    :data:`SEARCH_DONE`); ``axe`` is axe-core's ``axe.min.js``, run in each page when given.
    """
    if CHROMIUM is None:
        raise RuntimeError(MISSING)
    source = axe.read_text(encoding="utf-8") if axe is not None else None
    return asyncio.run(_visit_all(list(urls), window, ready, source))


def file_urls(pages: list[Path]) -> list[str]:
    """The ``file:`` URLs of ``pages``."""
    return [page.resolve().as_uri() for page in pages]
