"""Every page of the built site renders offline in headless Chromium.

Chromium loads each page from disk with its network routed to a local recording proxy,
so any request that would leave the machine (a CDN script, a web font) is caught. After
the scripts have run, every chart's container must report ``data-rendered="true"``.
Needs ``_build/html`` (``make test`` builds it first) and Chromium (``make system-deps``).
"""

from __future__ import annotations

import re
import shutil
import socketserver
import subprocess
import threading
from pathlib import Path

import pytest

from test_built_site import SITE, pages

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

BROWSER_SERVICE_HOSTS = (
    "update.googleapis.com", "clients2.google.com", "accounts.google.com", "clientservices.googleapis.com",
    "optimizationguide-pa.googleapis.com", "safebrowsing.googleapis.com", "content-autofill.googleapis.com",
    "redirector.gvt1.com", "edgedl.me.gvt1.com", "android.clients.google.com", "www.googleapis.com",
)
"""Hosts Chromium itself calls (updates, clock, sign-in), whatever page it shows; not page requests."""


def page_requests(requests: list[str]) -> list[str]:
    """The recorded requests that did not come from Chromium's own services."""
    return [r for r in requests if not any(host in r.split(" ")[1] for host in BROWSER_SERVICE_HOSTS)]


pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium not installed: run `make system-deps` (apt-get install chromium)"),
]


class RecordingProxy(socketserver.ThreadingTCPServer):
    """A proxy that records the first line of every request and answers 403."""

    allow_reuse_address = True
    daemon_threads = True

    def __init__(self):
        self.requests: list[str] = []

        class Handler(socketserver.StreamRequestHandler):
            def handle(handler):
                line = handler.rfile.readline(4096).decode("latin-1").strip()
                if line:
                    self.requests.append(line)
                handler.wfile.write(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")

        super().__init__(("127.0.0.1", 0), Handler)


@pytest.fixture(scope="module")
def proxy():
    server = RecordingProxy()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()


def rendered_dom(page: Path, proxy: RecordingProxy, profile: Path) -> str:
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
               "--disable-default-apps", "--disable-domain-reliability", "--no-pings",
               "--disable-client-side-phishing-detection", "--disable-features=OptimizationHints,Translate,MediaRouter",
               f"--user-data-dir={profile}", f"--proxy-server=http://127.0.0.1:{proxy.server_address[1]}",
               "--proxy-bypass-list=<-loopback>", "--virtual-time-budget=15000", "--dump-dom", page.as_uri()]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_every_page_renders_offline_with_all_charts(proxy, tmp_path):
    """Each page draws every chart and sends no request off the machine."""
    proxy.requests.clear()
    charted = 0
    for page in pages():
        source = page.read_text(encoding="utf-8")
        expected = len(re.findall(r'class="report-chart-canvas"', source))
        dom = rendered_dom(page, proxy, tmp_path / "profile")
        drawn = len(re.findall(r'class="report-chart-canvas[^"]*"[^>]*data-rendered="true"', dom))
        assert drawn == expected, f"{page.relative_to(SITE)}: {drawn} of {expected} charts drew"
        charted += expected
    assert charted >= 5, "the book should have charts"
    assert page_requests(proxy.requests) == [], f"requests left the machine: {page_requests(proxy.requests)[:5]}"


def test_recording_proxy_catches_a_cdn_script(proxy, tmp_path):
    """Control: a page that loads a script from a CDN is caught by the same check."""
    page = tmp_path / "cdn.html"
    page.write_text('<html><head><script src="https://cdn.jsdelivr.net/npm/vega@5"></script></head></html>')
    proxy.requests.clear()
    rendered_dom(page, proxy, tmp_path / "profile")
    assert any("cdn.jsdelivr.net" in r for r in page_requests(proxy.requests))
