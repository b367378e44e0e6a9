"""The text a reader sees on a built page, piece by piece, for the checks of the Chinese edition.

A piece is one paragraph, list item, heading, caption (chart footer), summary (a chart's text
alternative), table cell, or one text of a chart: its title, subtitle, axis titles, legend
labels, tooltip field names and the labels in its data. The charts are Vega specs inside
the page (``var spec = {...}``, :mod:`report_lib.page.render`); their strings are read from
the JSON, and the string literals of their expressions (tooltips) from the expressions.

Verbatim source quotes are provenance and stay as printed: the cells of a column whose
header is a quote column (:data:`QUOTE_COLUMN_KEYS`, by label) are left out, and so are
code blocks.

Examples
--------
>>> [p.text for p in page_pieces("<article class='bd-article'><p>约90%已部署</p></article>", ())]
['约90%已部署']
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

QUOTE_COLUMN_KEYS = ("column.quote_zh", "column.source_of_figure")
"""Labels of the table columns that hold verbatim source quotes."""
TEXT_TAGS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "summary", "caption", "th", "td", "dt", "dd")
SPEC = re.compile(r"var spec = ")
CODE = "CODE"
"""What an inline code span becomes in a piece: a Latin word, so spacing around it is checked, its content not."""
LITERAL = re.compile(r"'((?:[^'\\]|\\.)*)'|\"((?:[^\"\\]|\\.)*)\"")


@dataclass(frozen=True)
class Piece:
    """One text a reader sees: where it is on the page (tag, or ``chart``) and the text."""

    where: str
    text: str


def _own_text(element) -> str:
    """The element's text without the text of nested block elements (a list item's sub-list, a cell's table)."""
    parts = []
    for child in element.children:
        if getattr(child, "name", None) in TEXT_TAGS + ("ul", "ol", "table", "pre", "script", "style", "div"):
            continue
        parts.append(child.get_text() if getattr(child, "name", None) else str(child))
    return "".join(parts).strip()


def _quote_cells(table, quote_headers: set[str]) -> set[int]:
    """The ``id`` of every body cell of ``table`` that stands in a quote column."""
    headers = [th.get_text(strip=True) for th in table.select("thead th")]
    columns = {i for i, h in enumerate(headers) if h in quote_headers}
    cells = set()
    for row in table.select("tbody tr"):
        for i, cell in enumerate(row.find_all(["td", "th"], recursive=False)):
            if i in columns:
                cells.add(id(cell))
    return cells


SKIP_KEYS = {"$schema", "name", "source", "field", "fields", "as", "groupby", "from", "scale", "ops", "key", "type", "orient",
             "description", "ariaRoleDescription", "format", "formatType", "interpolate", "shape", "fill", "stroke",
             "font", "align", "baseline", "cursor", "role", "style", "aria"}
"""Keys of a Vega spec whose strings no reader sees (ids, fields, enums) or that Vega writes itself
(``description``: the screen-reader text Vega-Lite builds as ``field: value; field: value``)."""
EXPRESSION_KEYS = {"signal", "expr", "test", "update"}
NAME_KEYS = {"data", "gridScale"}
"""Keys whose string value names a dataset or scale (``"data": "data_0"``); under ``data`` a list holds the datasets."""


def _strings(value, path: tuple[str, ...], skip_fields: set[str]) -> list[str]:
    """Every string of a Vega spec a reader sees: titles, axis and legend texts, data labels, tooltip literals.

    Strings under :data:`SKIP_KEYS` and data fields in ``skip_fields`` (verbatim quotes) are left out;
    an expression is read only inside a tooltip or a text mark, for its string literals.
    """
    key = path[-1] if path else ""
    if isinstance(value, dict):
        return [s for k, v in value.items() if k not in SKIP_KEYS and k not in skip_fields
                for s in _strings(v, path + (k,), skip_fields)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v, path, skip_fields)]
    if not isinstance(value, str) or key in NAME_KEYS:
        return []
    if key in EXPRESSION_KEYS:
        if "tooltip" not in path and "text" not in path:
            return []
        return [a or b for a, b in LITERAL.findall(value) if not (a or b) in skip_fields]
    return [value]


def chart_texts(html: str, skip_fields: tuple[str, ...] | set[str] = ()) -> list[str]:
    """Every text of every chart spec in a page's HTML (titles, axes, legends, tooltips, data labels)."""
    texts, decoder = [], json.JSONDecoder()
    for match in SPEC.finditer(html):
        spec, _ = decoder.raw_decode(html, match.end())
        texts += _strings(spec, (), set(skip_fields))
    return texts


def page_pieces(html: str, quote_headers: tuple[str, ...] | set[str]) -> list[Piece]:
    """Return the pieces of text of a page's article, quotes left out, then its charts' texts.

    Parameters
    ----------
    html
        A built page.
    quote_headers
        The headers (in the page's language) of the columns whose cells are verbatim quotes.
    """
    soup = BeautifulSoup(html, "html.parser")
    article = soup.find("article", class_="bd-article") or soup
    for hidden in article.find_all(["pre", "script", "style"]):
        hidden.decompose()
    for code in article.find_all("code"):  # an inline code span reads as a Latin word next to the text
        code.replace_with(CODE)
    quotes = set()
    for table in article.find_all("table"):
        quotes |= _quote_cells(table, set(quote_headers))
    pieces = []
    for element in article.find_all(TEXT_TAGS):
        text = _own_text(element)
        if text and id(element) not in quotes:
            pieces.append(Piece(element.name, text.replace("¶", "").strip()))
    return pieces + [Piece("chart", t) for t in chart_texts(html, quote_headers) if t.strip()]


def site_pages(site: Path) -> list[Path]:
    """Every content page of a built edition (assets, search and index pages left out)."""
    return sorted(p for p in site.rglob("*.html")
                  if p.relative_to(site).parts[0] not in ("_static", "_sources", "zh")
                  and p.name not in ("search.html", "genindex.html"))
