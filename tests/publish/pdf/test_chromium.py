"""Tests of report_lib.publish.pdf.chromium: Chromium prints offline and the anchors' pages can be read back."""

from __future__ import annotations

import shutil

import pytest

from report_lib.publish.pdf import chromium


def test_missing_tool_names_the_fix(monkeypatch):
    """A missing program is an error that says to run make system-deps."""
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(chromium.ToolMissingError, match="make system-deps"):
        chromium.find_tool("chromium")


@pytest.mark.skipif(not (shutil.which("chromium") and shutil.which("pdfinfo")),
                    reason="PDF tools missing: run `make system-deps` (chromium, poppler-utils)")
def test_anchor_pages_are_read_back(tmp_path):
    """An anchor after a page break is found on page 2; the document has two pages."""
    page = tmp_path / "page.html"
    page.write_text('<html><body><p><a href="#second">to the second page</a></p>'
                    '<h1 id="second" style="break-before: page">Second</h1></body></html>', encoding="utf-8")
    chromium.print_to_pdf(page, tmp_path / "page.pdf")
    assert chromium.destinations(tmp_path / "page.pdf")["second"] == 2
    assert chromium.page_count(tmp_path / "page.pdf") == 2
