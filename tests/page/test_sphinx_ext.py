"""Tests of report_lib.page.sphinx_ext: the offline assets written for the site."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
import vl_convert as vlc

from report_lib.page import sphinx_ext
from report_lib.present import theme


def test_stylesheet_is_the_theme_variables_then_the_package_file(tmp_path):
    """The site's stylesheet defines the theme's colours, then uses them from the package's CSS file."""
    sphinx_ext.write_static_assets(tmp_path)
    css = (tmp_path / sphinx_ext.STYLESHEET).read_text(encoding="utf-8")
    assert css == theme.css_variables() + (sphinx_ext.STATIC_SOURCE / sphinx_ext.STYLESHEET).read_text(encoding="utf-8")
    assert "var(--report-highlight)" in css


def test_only_the_vega_runtime_is_served(tmp_path):
    """The runtime holds neither the Vega-Lite compiler nor vega-embed (under 0.6 MB) and defines window.vega."""
    sphinx_ext.write_static_assets(tmp_path)
    runtime = (tmp_path / sphinx_ext.RUNTIME).read_text(encoding="utf-8")
    assert runtime.startswith(sphinx_ext.runtime_header())
    assert "vegaEmbed" not in runtime and "vegaLite" not in runtime and len(runtime.encode()) < 600_000
    assert "reportChart" in (tmp_path / sphinx_ext.CHART_SCRIPT).read_text(encoding="utf-8")
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js not installed: run `make test-deps`")
    probe = f"global.window = global; require({json.dumps(str(tmp_path / sphinx_ext.RUNTIME))});" \
            "console.log(typeof window.vega.View, typeof window.vega.parse, window.vega.version)"
    result = subprocess.run([node, "-e", probe], capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["function", "function", vlc.get_vega_version()], result.stderr[-500:]


def test_unchanged_runtime_is_not_bundled_again(tmp_path, monkeypatch):
    """A runtime file whose header names the current Vega version is kept (bundling takes seconds)."""
    (tmp_path / sphinx_ext.RUNTIME).write_text(sphinx_ext.runtime_header() + "\nkept", encoding="utf-8")
    monkeypatch.setattr(sphinx_ext, "vega_runtime", lambda: (_ for _ in ()).throw(AssertionError("bundled")))
    sphinx_ext.write_static_assets(tmp_path)
    assert (tmp_path / sphinx_ext.RUNTIME).read_text(encoding="utf-8").endswith("kept")


def test_purged_stylesheet_keeps_what_the_site_uses(tmp_path):
    """After the build, the theme stylesheet keeps the rules of classes a page or script holds, drops the rest."""
    static = tmp_path / "_static"
    static.mkdir()
    (static / sphinx_ext.THEME_STYLESHEET).write_text(".used{a:1}.unused{b:2}.scripted{c:3}", encoding="utf-8")
    (static / "app.js").write_text('el.classList.add("scripted")', encoding="utf-8")
    (tmp_path / "page.html").write_text('<p class="used other">x</p><script src="_static/app.js"></script>',
                                        encoding="utf-8")
    sphinx_ext.purge_stylesheets(tmp_path)
    assert (static / sphinx_ext.THEME_STYLESHEET).read_text(encoding="utf-8") == ".used{a:1}.scripted{c:3}"


def test_every_page_links_to_itself_in_the_other_edition():
    """The link is relative (offline), climbs out of the page's folder and names the other language."""
    edition = {"prefix": "../", "lang": "en", "text": "English", "title": "Read this page in English"}
    link, alternate = sphinx_ext.other_edition_link("variants/regional/01_background", edition)
    assert 'href="../../../variants/regional/01_background.html"' in link and 'lang="en"' in link
    assert 'hreflang="en"' in alternate
    link, _ = sphinx_ext.other_edition_link("intro", {**edition, "prefix": "zh/"})
    assert 'href="zh/intro.html"' in link
