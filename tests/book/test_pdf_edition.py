"""Checks of the built PDF edition (``make pdf``): fonts, text, numbers of every page, images.

Everything expected is derived from the book: the pages ``_toc.yml`` lists, the numbers each
page glues into its prose (its nbval reference notebook), the quotes and glossary terms of
the data, and the charts of the built site. Skipped, with the hint, without the PDF tools.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from report_lib import paths
from support import pdf_readback as readback
from report_lib.data.dataset import load_dataset
from report_lib.data.survey.edition import edition_of
from report_lib.page.edition_text import book_title

from support.footer_fields import empty_fields
from report_lib.present.labels import Labels
from report_lib.publish.pdf.edition import pdf_path
from report_lib.publish.toc import read_toc

TOOLS = ("chromium", "pdffonts", "pdftotext", "pdfimages", "pdfinfo")
pytestmark = pytest.mark.skipif(
    not all(shutil.which(t) or (t == "chromium" and shutil.which("chromium-browser")) for t in TOOLS),
    reason="PDF tools missing: run `make system-deps` (chromium, poppler-utils, CJK fonts), then `make pdf`")

ROOT = paths.PROJECT_ROOT
SITE = ROOT / "_build" / "html"


@pytest.fixture(scope="module")
def pdf() -> Path:
    """The main edition (`make test` builds it; fails when it has not been built)."""
    path = pdf_path(ROOT)
    if not path.is_file():
        pytest.fail(f"no PDF at {path}: run `make pdf`")
    return path


@pytest.fixture(scope="module")
def pdf_text(pdf) -> str:
    """The text of the main edition."""
    return readback.text(pdf)


@pytest.fixture(scope="module")
def toc():
    """The pages of the main edition, read from _toc.yml."""
    return read_toc(ROOT).without_variants()


def test_pdf_exists_and_is_current(pdf):
    """The PDF exists, has pages, and is not older than the last HTML build of the same pages."""
    from report_lib.publish.pdf.chromium import page_count

    assert page_count(pdf) >= 5
    if (SITE / "index.html").is_file():
        assert pdf.stat().st_mtime >= (SITE / "index.html").stat().st_mtime - 3600


def test_pdf_embeds_a_cjk_font(pdf):
    """pdffonts lists an embedded CJK font, and every font is embedded."""
    assert readback.embedded_cjk_fonts(pdf), readback.fonts(pdf)
    assert all(font["embedded"] for font in readback.fonts(pdf))


def test_every_page_title_is_in_the_pdf(pdf_text, toc):
    """Each page _toc.yml lists (chapters, methods, glossary) is in the PDF, under its title."""
    titles = [readback.page_heading(ROOT, page, "en") for page in (toc.root, *toc.pages)]
    assert all(titles) and readback.missing(titles, pdf_text) == []


def test_the_cover_and_file_name_give_the_editions_year(pdf, pdf_text):
    """The PDF's cover is titled with the edition of the data it was built from, whose year names the file."""
    data = paths.data_dir()
    year = edition_of(data).year
    assert f"-{year if year is not None else 'wave'}" in pdf.name
    title = book_title(data, Labels(load_dataset(data), "en"))
    assert readback.squeeze(title) in readback.squeeze(pdf_text[:2000])


def test_prose_numbers_of_every_page_are_in_the_pdf(pdf_text, toc):
    """Every value a page glues into its prose (its nbval reference) appears in the PDF's text."""
    chapters = [p for p in toc.pages if p.startswith("chapters/")]
    assert chapters, "no chapter pages in _toc.yml"
    checked = 0
    for page in (toc.root, *toc.pages):
        numbers = readback.prose_numbers(page)
        if page in chapters:
            assert numbers, f"{page}: no prose_numbers() output in its nbval reference (make refresh-nbval)"
        assert readback.missing(list(numbers.values()), pdf_text) == [], page
        checked += len(numbers)
    assert checked >= 10


def test_chinese_quotes_and_terms_are_in_the_pdf(pdf_text, dataset):
    """The source title, every glossary term and every fragment of every quote are in the text."""
    source = dataset.metadata["figures"]["source"]
    terms = [source["title_zh"], *dataset.table("glossary")["term_zh"]]
    fragments = [part for quote in dataset.figures["quote_zh"] for part in quote.split()]
    assert readback.missing(terms, pdf_text) == []
    assert readback.missing(fragments, pdf_text) == []


def test_pdf_has_an_image_per_chart(pdf, toc):
    """The PDF embeds at least as many images as the built site has charts on the same pages."""
    if not (SITE / "index.html").is_file():
        pytest.fail("no built site: run `make book`")
    pages = [SITE / f"{page}.html" for page in (toc.root, *toc.pages)]
    charts = readback.chart_count([p for p in pages if p.is_file()])
    assert charts >= 1
    assert readback.image_count(pdf) >= charts


@pytest.fixture(scope="module")
def regional_text() -> str:
    """The text of the regional-bank edition (`make test` builds it with `make pdf SEGMENT=regional`)."""
    path = pdf_path(ROOT, "regional")
    if not path.is_file():
        pytest.fail(f"no PDF at {path}: run `make pdf SEGMENT=regional`")
    return readback.text(path)


def test_regional_edition_opens_chapters_with_its_findings(regional_text, dataset):
    """The regional edition has each chapter's key findings and the regional values of chapter 2."""
    assert regional_text.count("Key findings for this segment") >= 5
    assert "Regional small and medium banks" in regional_text
    regional = dataset.select(topic="rights_selection_factors", segment="regional").iloc[0]
    assert f"{regional['value_printed']}%" in regional_text
    assert "n=18 / 36, inferred" in " ".join(regional_text.split())


def test_no_python_object_leaks_into_the_pdf(pdf_text):
    """No cell prints a Python repr such as '<IPython.core.display.Markdown object>' instead of its content."""
    assert "<IPython.core" not in pdf_text and " object at 0x" not in pdf_text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_chart_footer_has_an_empty_field(lang, pdf_text, dataset):
    """Every chart footer printed in the PDF names its source and fills each field ("Source: ." / "来源：。" fail)."""
    if lang == "en":
        printed = pdf_text
    else:
        path = pdf_path(ROOT, lang="zh")
        if not path.is_file():
            pytest.fail(f"no Chinese PDF at {path}: run `make pdf PDF_LANG=zh`")
        printed = readback.text(path)
    label = Labels(dataset, lang)
    assert printed.count(label("footer.source") + label("footer.colon").rstrip()) >= 20
    assert empty_fields(printed, label) == []
