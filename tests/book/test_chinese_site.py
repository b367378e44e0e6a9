"""Checks of the built Chinese site (``make book``): every page in Chinese, same numbers, search finds Chinese terms.

Expected content is derived from the book: the pages ``_toc.yml`` lists, the English site's
pages (variants included), and the glued values of each page's executed notebooks in both
editions (``_build/edition-<lang>/``).
"""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import nbformat
import pytest

from report_lib import paths
from report_lib.publish.languages import edition_root
from report_lib.publish.toc import read_toc

ROOT = paths.PROJECT_ROOT
SITE = ROOT / "_build" / "html"
ZH = SITE / "zh"
TERMS = ("私域", "客户关系管理", "营销数字化", "百融", "数据安全")
CJK = re.compile(r"[\u4e00-\u9fff]")
PROSE_CJK = 40
"""Chinese characters a page's own paragraphs must hold at least (labels and tables alone do not count)."""
SPECIAL = {"search.html", "genindex.html"}


@pytest.fixture(scope="module", autouse=True)
def built():
    if not (ZH / "index.html").is_file():
        pytest.fail(f"no Chinese site at {ZH}: run `make book` first")


def html_pages(site: Path) -> list[Path]:
    """The content pages of a site (not the Chinese tree inside the English one, not assets)."""
    return sorted(p.relative_to(site) for p in site.rglob("*.html")
                  if not p.relative_to(site).parts[0] in ("zh", "_static", "_sources") and p.name not in SPECIAL)


def article(page: Path) -> str:
    """The HTML of the page's main article."""
    text = page.read_text(encoding="utf-8")
    match = re.search(r'<article class="bd-article"[^>]*>(.*?)</article>', text, re.S)
    return match.group(1) if match else text


def paragraphs(page: Path) -> str:
    """The text of the article's own paragraphs (tables and chart output removed)."""
    html = re.sub(r"<(table|script|style|figure)\b.*?</\1>", " ", article(page), flags=re.S)
    return unescape(re.sub(r"<[^>]+>", "", " ".join(re.findall(r"<p\b[^>]*>(.*?)</p>", html, re.S))))


def prose_cells(page: Path) -> str:
    """The text of table cells that hold sentences (e.g. the glossary's definitions), not short labels."""
    cells = (unescape(re.sub(r"<[^>]+>", "", c)) for c in re.findall(r"<td\b[^>]*>(.*?)</td>", article(page), re.S))
    return " ".join(c for c in cells if len(CJK.findall(c)) >= 20)


def glued(notebook: Path) -> dict[str, str]:
    """Every glued value of an executed notebook (name -> its text/plain or text/markdown)."""
    values = {}
    for cell in nbformat.read(notebook, as_version=4).cells:
        for output in cell.get("outputs", []):
            name = output.get("metadata", {}).get("scrapbook", {}).get("name")
            if name:
                data = output.get("data", {})
                values[name] = str(data.get("text/markdown") or data.get("text/plain") or "")
    return values


CHINESE_QUARTER = re.compile(r"第([一二三四])季度")
"""A quarter as Chinese writes it (``2022年第二季度``); English writes its number (``2022Q2``)."""


def digits(value: str) -> list[str]:
    """The numbers of a value, a Chinese quarter's number counted as the digit English prints."""
    value = CHINESE_QUARTER.sub(lambda m: f"Q{'一二三四'.index(m.group(1)) + 1}", value)
    return re.findall(r"\d+(?:\.\d+)?", value.replace(",", ""))


def test_every_english_page_has_a_chinese_page():
    """The Chinese tree holds the same pages as the English site, bank-type variants and their index included."""
    english = html_pages(SITE)
    assert len(english) > 20 and any(p.parts[0] == "variants" for p in english)
    assert [p for p in english if not (ZH / p).is_file()] == []


@pytest.mark.parametrize("page", read_toc(ROOT).all_pages)
def test_chinese_page_has_chinese_prose(page):
    """A Chinese page's own paragraphs (and sentence-long table cells) are Chinese, not only labels; lang is zh-CN."""
    html = ZH / f"{page}.html"
    assert 'lang="zh-CN"' in html.read_text(encoding="utf-8")[:500]
    assert len(CJK.findall(paragraphs(html) + prose_cells(html))) >= PROSE_CJK


def test_chinese_variant_pages_have_chinese_prose():
    variants = sorted((ZH / "variants").rglob("[0-9]*.html"))
    assert variants and [p for p in variants if len(CJK.findall(paragraphs(p))) < PROSE_CJK] == []


@pytest.mark.parametrize("page", read_toc(ROOT).all_pages)
def test_glued_numbers_are_the_same_in_both_languages(page):
    """Every name glued in English is glued in Chinese with the same digits (labels may differ, numbers not)."""
    en, zh = (glued(edition_root(ROOT, lang) / f"{page}.ipynb") for lang in ("en", "zh"))
    assert sorted(en) == sorted(zh)
    assert {n: digits(v) for n, v in en.items()} == {n: digits(v) for n, v in zh.items()}


def test_every_page_links_to_itself_in_the_other_language():
    """Each page's language link is relative and reaches the same page in the other tree."""
    for site, other in ((SITE, ZH), (ZH, SITE)):
        for page in html_pages(site):
            if page == Path("index.html"):  # the root index is a redirect to the root page
                continue
            href = re.search(r'class="report-edition-switch"><a href="([^"]+)"', (site / page).read_text(encoding="utf-8"))
            assert href and not href.group(1).startswith(("/", "http")), page
            assert ((site / page).parent / href.group(1)).resolve() == (other / page).resolve(), page


def search_index(site: Path) -> dict:
    text = (site / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1:text.rindex(")")])


def found(index: dict, term: str) -> set[str]:
    """Docnames whose text or title holds ``term`` according to the index."""
    docs = set()
    for table in ("terms", "titleterms"):
        hits = index[table].get(term, [])
        docs |= {index["docnames"][i] for i in ([hits] if isinstance(hits, int) else hits)}
    return docs


@pytest.mark.parametrize("term", TERMS)
def test_chinese_search_finds_the_term_on_the_pages_that_use_it(term):
    """The Chinese site's index finds every main page whose paragraphs use the term."""
    index = search_index(ZH)
    using = {page for page in read_toc(ROOT).all_pages if term in paragraphs(ZH / f"{page}.html")}
    assert using, f"no Chinese page uses {term}"
    assert using <= found(index, term)


def test_english_search_keeps_working():
    """The English index holds English words (stemmed) and is English; the Chinese one is zh."""
    index = search_index(SITE)
    assert found(index, "bank") and found(index, "vendor")
    assert "zh" in (ZH / "_static" / "documentation_options.js").read_text(encoding="utf-8")
