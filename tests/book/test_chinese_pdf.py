"""Checks of the Chinese PDF edition (``make pdf PDF_LANG=zh``): Chinese prose, every page, the numbers, the terms.

What it must hold is derived from the book: each page's Chinese title (its zh block), the
values each page glues in the Chinese site's execution (``_build/edition-zh``), and the terms
the Chinese pages use.
"""

from __future__ import annotations

import re
import shutil

import pytest

from report_lib import paths
from report_lib.publish.languages import edition_root
from report_lib.publish.languages import page_for_language
from report_lib.publish.pdf.edition import pdf_path
from report_lib.data.dataset import load_dataset
from report_lib.data.survey.edition import edition_of
from report_lib.page.edition_text import book_title
from report_lib.present.labels import Labels
from report_lib.publish.toc import page_source, page_title, read_toc
from report_lib.present.zh_terms import variant_uses, variants
from report_lib.present.zh_typography import problems
from support import pdf_readback as readback
from test_chinese_site import TERMS, digits, glued

TOOLS = ("chromium", "pdftotext", "pdfinfo")
pytestmark = pytest.mark.skipif(
    not all(shutil.which(t) or (t == "chromium" and shutil.which("chromium-browser")) for t in TOOLS),
    reason="PDF tools missing: run `make system-deps` (chromium, poppler-utils, CJK fonts), then `make pdf PDF_LANG=zh`")

ROOT = paths.PROJECT_ROOT
PAGES = read_toc(ROOT).without_variants().all_pages


@pytest.fixture(scope="module")
def zh_text() -> str:
    path = pdf_path(ROOT, lang="zh")
    if not path.is_file():
        pytest.fail(f"no Chinese PDF at {path}: run `make pdf PDF_LANG=zh`")
    return readback.text(path)


def test_every_page_is_there_with_its_chinese_title(zh_text):
    titles = [readback.page_heading(ROOT, page, "zh") for page in PAGES]
    assert all(re.search(r"[\u4e00-\u9fff]", t) for t in titles)
    assert readback.missing(titles, zh_text) == []


def test_the_cover_and_file_name_give_the_editions_year(zh_text):
    """The Chinese PDF's cover is titled with the edition's Chinese title; the file name carries its year."""
    data = paths.data_dir()
    year = edition_of(data).year
    assert pdf_path(ROOT, lang="zh").name.endswith(f"-{year if year is not None else 'wave'}-zh.pdf")
    title = book_title(data, Labels(load_dataset(data), "zh"))
    assert readback.squeeze(title) in readback.squeeze(zh_text[:2000])


def first_chinese_sentence(page: str) -> str:
    """The first run of twelve Chinese characters in a page's Chinese prose (code cells, roles and code spans removed)."""
    text = page_for_language(page_source(ROOT, page).read_text(encoding="utf-8"), "zh")
    text = re.sub(r"^```\{code-cell\}.*?^```\s*$", " ", text, flags=re.S | re.M)
    text = re.sub(r"\{[\w:-]+\}`[^`]*`|`[^`]*`", " ", text)
    run = re.search(r"[\u4e00-\u9fff]{12,}", text)
    return run.group(0)[:12] if run else ""


@pytest.mark.parametrize("page", PAGES)
def test_each_page_prints_its_chinese_prose(zh_text, page):
    """Each page's Chinese prose (not only its labels) is in the PDF, and the whole is mostly Chinese."""
    sentence = first_chinese_sentence(page)
    assert sentence, f"{page} has no Chinese prose"
    assert readback.missing([sentence], zh_text) == []
    assert len(re.findall(r"[\u4e00-\u9fff]", zh_text)) > 20000


@pytest.mark.parametrize("page", PAGES)
def test_glued_numbers_are_printed(zh_text, page):
    """The digits of every value a page glues in Chinese are in the PDF."""
    numbers = {d for value in glued(edition_root(ROOT, "zh") / f"{page}.ipynb").values() for d in digits(value)}
    assert readback.missing(sorted(numbers), zh_text) == []


def test_the_terms_are_in_the_chinese_pdf(zh_text):
    assert readback.missing(list(TERMS), zh_text) == []


PDF_RULES = ("bound", "quarter", "literal-emphasis", "straight-quote")
"""The typography rules the PDF's text can be held to: the others read spaces or neighbours, which a PDF's line
breaks and table cells (run together once the breaks are taken out) change; the site's lint checks those."""


def quotes(dataset) -> list[str]:
    """Every verbatim source quote of the data (columns ``quote_zh`` and ``*_quote_zh``), without whitespace."""
    found = set()
    for name in dataset.tables:
        table = dataset.table(name)
        for column in (c for c in table.columns if c == "quote_zh" or c.endswith("_quote_zh")):
            found |= {re.sub(r"\s+", "", str(q)) for q in table[column].dropna() if str(q).strip()}
    found |= {re.sub(r"\s+", "", str(q)) for q in dataset.figures["quote_zh"].dropna() if str(q).strip()}
    return sorted(found, key=len, reverse=True)


def test_the_chinese_pdf_keeps_the_style(zh_text, dataset):
    """The PDF's text, its verbatim quotes taken out, keeps the Chinese notation and the source's terms."""
    text = re.sub(r"\s+", "", zh_text)
    for quote in quotes(dataset):
        text = text.replace(quote, "")
    found = [f"{p.rule}: {p.excerpt}" for chunk in text.split("。") for p in problems(chunk) if p.rule in PDF_RULES]
    found += [f"term: {v}" for v, _ in variant_uses(text, variants(dataset.table("glossary")))]
    assert found == []
