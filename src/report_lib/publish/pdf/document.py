"""Turn Jupyter Book's single-page HTML into one printable document: cover, contents, pages.

The ``singlehtml`` builder puts every page of the table of contents into one HTML file,
each page after a marker ``<span id="document-<page>">``. This module keeps only the
article, gives every page's title the same heading level (``h1``, one page break before
each), removes what only works on screen (heading anchors, scripts, collapsed
``details``), and adds a cover and a table of contents whose page numbers are filled in
from a first printing (see :mod:`report_lib.publish.pdf.chromium`).
"""

from __future__ import annotations

import html
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from report_lib.present.theme import css_variables

PRINT_CSS = Path(__file__).with_name("print.css")
"""The print stylesheet; its colours come from :func:`report_lib.present.theme.css_variables`."""


def print_css() -> str:
    """Return the print stylesheet with the theme's palette as CSS custom properties before it."""
    return css_variables() + PRINT_CSS.read_text(encoding="utf-8")


@dataclass(frozen=True)
class Cover:
    """What the cover page says."""

    title: str
    subtitle: str
    lines: tuple[str, ...] = field(default_factory=tuple)
    """Source, attribution, edition date and segment, one paragraph each (plain text)."""
    edition: str = ""
    """Shown large under the subtitle: which edition this is (e.g. one bank type); empty for the main one."""


@dataclass(frozen=True)
class Entry:
    """One line of the table of contents: an anchor id, its title and its level (1 page, 2 section)."""

    anchor: str
    title: str
    level: int
    part: str | None = None


def _heading_text(heading: Tag) -> str:
    return " ".join(heading.get_text(" ", strip=True).replace("#", "").split())


BREAK_AFTER = "_/"
ZERO_WIDTH_SPACE = "\u200b"


def _break_identifiers(article: Tag) -> None:
    """Let table cells break long identifiers (``c1_card_growth_2018``) after ``_`` and ``/`` only.

    Without this a narrow column either overflows the page or breaks inside words.
    """
    for cell in article.find_all(["td", "th"]):
        for text in cell.find_all(string=True):
            if any(c in text for c in BREAK_AFTER):
                broken = "".join(c + ZERO_WIDTH_SPACE if c in BREAK_AFTER else c for c in text)
                text.replace_with(broken)


LINE_CHARS = 125
"""Characters of table text (7.6 pt) that fit the width of an A4 page between the margins."""


def _width(text: str) -> int:
    """Display width of ``text``: wide (CJK) characters count twice."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def column_shares(rows: list[list[str]]) -> list[float]:
    """Return each column's share of the table width, from the text of its cells.

    A column gets a share that grows with its typical text width (sub-linearly, so that a
    column of long notes does not starve the others) but never less than its longest word
    needs, so words break only where they may (Chinese text breaks between characters).
    """
    columns = list(zip(*rows)) if rows else []
    weights, minimums = [], []
    for cells in columns:
        widths = [_width(c) for c in cells] or [1]
        weights.append(max(sum(widths) / len(widths), 3) ** 0.75)
        words = [_width(w) for c in cells for w in c.replace(ZERO_WIDTH_SPACE, " ").split()] or [1]
        minimums.append(min(max(words) + 2, LINE_CHARS // 3) / LINE_CHARS)
    shares = [max(w / sum(weights), m) for w, m in zip(weights, minimums)]
    return [s / sum(shares) for s in shares]


def _set_column_widths(table: Tag, soup: BeautifulSoup) -> None:
    """Give ``table`` a ``colgroup`` so that it fits the page width (the CSS lays it out fixed)."""
    rows = [[cell.get_text(" ", strip=True) for cell in row.find_all(["td", "th"])] for row in table.find_all("tr")]
    count = max((len(r) for r in rows), default=0)
    rows = [r for r in rows if len(r) == count]
    if count < 2 or not rows:
        return
    colgroup = soup.new_tag("colgroup")
    for share in column_shares(rows):
        colgroup.append(soup.new_tag("col", attrs={"style": f"width: {100 * share:.1f}%"}))
    table.insert(0, colgroup)


def _unique_ids(pages: list[tuple[str, Tag]]) -> None:
    """Prefix ids that several pages use (``figures-in-this-chapter``) with their page's anchor.

    Links inside the same page follow; without this every such link, and the contents,
    would land on the first page that has the id.
    """
    seen: dict[str, int] = {}
    for _, section in pages:
        for name in {tag["id"] for tag in [section, *section.find_all(id=True)] if tag.get("id")}:
            seen[name] = seen.get(name, 0) + 1
    for page, section in pages:
        renamed = {}
        for tag in [section, *section.find_all(id=True)]:
            old = tag.get("id")
            if old and seen[old] > 1:
                renamed[old] = f"{page_anchor(page)}--{old}"
                tag["id"] = renamed[old]
        for link in section.find_all("a", href=True):
            if link["href"].startswith("#") and link["href"][1:] in renamed:
                link["href"] = "#" + renamed[link["href"][1:]]


def _depth(heading: Tag, section: Tag) -> int:
    """Number of sections from ``section`` (counted as 1) down to ``heading``."""
    depth = 0
    for parent in heading.parents:
        depth += parent.name == "section"
        if parent is section:
            return depth
    return 0


def _normalise_page(section: Tag, anchor: str) -> list[Entry]:
    """Give a page's headings levels h1 (title), h2, h3... by section depth; return its entries."""
    entries = []
    for heading in section.find_all(["h1", "h2", "h3", "h4", "h5", "h6"]):
        depth = _depth(heading, section)
        heading.name = f"h{min(max(depth, 1), 6)}"
        if depth == 1:
            heading["id"] = anchor
            entries.append(Entry(anchor, _heading_text(heading), 1))
        elif depth == 2 and heading.parent.get("id"):
            entries.append(Entry(heading.parent["id"], _heading_text(heading), 2))
    return entries


def page_anchor(page: str) -> str:
    """Return the anchor id of a page's title in the document (safe for URLs and PDF names)."""
    return "page-" + "".join(c if c.isalnum() else "-" for c in page)


def body_and_entries(singlehtml: str, root: str, pages: list[str],
                     captions: dict[str, str]) -> tuple[str, list[Entry]]:
    """Extract the printable body from Jupyter Book's single-page HTML and list its contents.

    Parameters
    ----------
    singlehtml
        The text of ``_build/singlehtml/<root>.html``.
    root
        The root page (its content comes first, without a marker).
    pages
        The other pages, in order (each marked by ``span#document-<page>``).
    captions
        Part captions, keyed by the first page of each part.
    """
    soup = BeautifulSoup(singlehtml, "html.parser")
    article = soup.find("article", class_="bd-article") or soup.body
    for removed in article.select("a.headerlink, script, style, link"):
        removed.decompose()
    for details in article.find_all("details"):
        details["open"] = "open"
    markers = []
    for page in pages:  # find every marker first: extracting a page also takes its sub-pages along
        marker = article.find(id=f"document-{page}")
        if marker is None:
            raise ValueError(f"page {page} is missing from the single-page HTML")
        markers.append((page, marker, marker.find_next_sibling("section")))
    for _, marker, section in markers:
        marker.extract(), section.extract()
    for wrapper in article.select("div.toctree-wrapper"):
        wrapper.decompose()
    entries = _normalise_page(article.find("section"), page_anchor(root))
    _unique_ids([(root, article.find("section"))] + [(page, section) for page, _, section in markers])
    for page, marker, section in markers:
        article.append(marker), article.append(section)
        found = _normalise_page(section, page_anchor(page))
        if page in captions and found:
            found[0] = Entry(found[0].anchor, found[0].title, 1, captions[page])
        entries.extend(found)
    _break_identifiers(article)
    for table in article.find_all("table"):
        _set_column_widths(table, soup)
    for link in article.select('a[href^="#document-"]'):  # page links land on the title, not before its page break
        link["href"] = "#" + page_anchor(link["href"].removeprefix("#document-"))
    for link in article.select('a.report-finding-link[href*=".html"]'):  # a key finding's link to another page's section
        page, _, target = link["href"].partition(".html")
        link["href"] = target if target else "#" + page_anchor(page)
    return article.decode_contents(), entries


def contents_html(entries: list[Entry], numbers: dict[str, int] | None = None, title: str = "Contents") -> str:
    """Return the table of contents; page numbers come from ``numbers`` (anchor -> page) when known."""
    items = []
    for entry in entries:
        if entry.part:
            items.append(f'<li class="part">{html.escape(entry.part)}</li>')
        number = (numbers or {}).get(entry.anchor, "")
        kind = "page" if entry.level == 1 else "section"
        items.append(f'<li class="{kind}"><a href="#{entry.anchor}"><span class="title">{html.escape(entry.title)}'
                     f'</span><span class="dots"></span><span class="number">{number}</span></a></li>')
    return f'<nav class="contents"><h1 id="contents">{html.escape(title)}</h1><ol>{"".join(items)}</ol></nav>'


def cover_html(cover: Cover) -> str:
    """Return the cover page."""
    lines = "".join(f"<p>{html.escape(line)}</p>" for line in cover.lines)
    return (f'<section class="cover"><h1 id="cover">{html.escape(cover.title)}</h1>'
            f'<p class="subtitle">{html.escape(cover.subtitle)}</p>'
            + (f'<p class="edition">{html.escape(cover.edition)}</p>' if cover.edition else "")
            + f'<div class="meta">{lines}</div></section>')


def document_html(cover: Cover, body: str, entries: list[Entry], numbers: dict[str, int] | None = None,
                  lang: str = "en") -> str:
    """Return the whole printable document: cover, contents, then the pages."""
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(cover.title)}'
            f'</title><style>{print_css()}</style></head><body>{cover_html(cover)}'
            f'{contents_html(entries, numbers)}<main>{body}</main></body></html>')
