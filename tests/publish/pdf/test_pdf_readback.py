"""Tests of tests/support/pdf_readback: the checks fail on a PDF that lacks what the book needs."""

from __future__ import annotations

import shutil

import nbformat
import pytest

from support import pdf_readback as readback
from report_lib.publish.pdf.chromium import print_to_pdf

needs_tools = pytest.mark.skipif(
    not (shutil.which("chromium") and shutil.which("pdffonts")),
    reason="PDF tools missing: run `make system-deps` (chromium, poppler-utils)")


@pytest.fixture(scope="module")
def latin_pdf(tmp_path_factory):
    """A PDF printed from Latin-only text in a Latin font: no CJK font, no image."""
    folder = tmp_path_factory.mktemp("latin")
    page = folder / "page.html"
    page.write_text('<html><body style="font-family: \'Liberation Sans\'"><h1>Report</h1>'
                    "<p>Growth fell to 2.46%.</p></body></html>", encoding="utf-8")
    print_to_pdf(page, folder / "page.pdf")
    return folder / "page.pdf"


@needs_tools
def test_pdf_without_cjk_font_is_caught(latin_pdf):
    """A PDF whose text has no CJK font gives no embedded CJK font, so the book's font test fails."""
    assert readback.fonts(latin_pdf)
    assert readback.embedded_cjk_fonts(latin_pdf) == []


@needs_tools
def test_missing_numbers_terms_and_images_are_caught(latin_pdf):
    """Numbers and Chinese terms absent from the PDF are reported; a PDF without charts has no image."""
    text = readback.text(latin_pdf)
    assert readback.missing(["2.46%", "16.99%", "营销数字化"], text) == ["16.99%", "营销数字化"]
    assert readback.image_count(latin_pdf) == 0


def test_missing_ignores_line_breaks():
    """A value split over two lines of the PDF still counts as present."""
    assert readback.missing(["7.98 hundred million cards"], "7.98 hundred\nmillion cards") == []


def test_prose_numbers_read_from_reference(monkeypatch, tmp_path):
    """The glued values are read from the prose_numbers() cell of a page's reference notebook."""
    notebook = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("book.prose_numbers()")
    cell.outputs = [nbformat.v4.new_output("execute_result", {"text/plain": (
        "        name                text\n  first_year                2018\n   peak_text  8.07 hundred million")})]
    notebook.cells.append(cell)
    nbformat.write(notebook, tmp_path / "02_state.ipynb")
    assert readback.prose_numbers("chapters/02_state", tmp_path) == {"first_year": "2018", "peak_text": "8.07 hundred million"}
