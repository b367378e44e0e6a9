"""Test support: read a built PDF back with poppler, and derive what it must contain from the book itself.

Only tests use this (the build never reads its PDF back), so it lives with them.

What the PDF holds: its embedded fonts (``pdffonts``), its text (``pdftotext``) and its
images (``pdfimages -list``). What it must hold is derived, never listed by hand: the
numbers each page glues into its prose (the ``prose_numbers`` cell of the page's nbval
reference notebook in ``tests/notebooks``), the quotes and glossary terms of
the data, and the number of charts in the built site. New chapters are covered as soon
as ``_toc.yml`` lists them.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import nbformat

from report_lib.publish.languages import edition_root
from report_lib.publish.nbval_refs import reference_path
from report_lib.publish.toc import page_source, page_title

REFERENCES = Path(__file__).resolve().parents[1] / "notebooks"
"""The nbval reference notebooks (``tests/notebooks``)."""
from report_lib.publish.pdf.chromium import find_tool

CJK_FONT = re.compile(r"WenQuanYi|NotoSansCJK|NotoSerifCJK|SourceHan|DroidSansFallback|Noto ?Sans ?CJK", re.I)
PROSE_CELL = "prose_numbers()"


def fonts(pdf: Path) -> list[dict[str, str]]:
    """Return the fonts of ``pdf`` as listed by ``pdffonts``: name, type and whether embedded."""
    output = subprocess.run([find_tool("pdffonts"), str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = []
    for line in output.splitlines()[2:]:
        match = re.match(r"(\S+)\s+(.+?)\s{2,}(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", line)
        if match:
            rows.append({"name": match.group(1), "type": match.group(2), "embedded": match.group(4) == "yes"})
    return rows


def embedded_cjk_fonts(pdf: Path) -> list[str]:
    """Return the names of the embedded CJK fonts of ``pdf`` (empty when Chinese could not show)."""
    return [f["name"] for f in fonts(pdf) if f["embedded"] and CJK_FONT.search(f["name"])]


def text(pdf: Path) -> str:
    """Return the text of ``pdf`` (UTF-8) in the order it was drawn.

    ``-raw`` keeps the lines of one table cell together: poppler's default reading order
    interleaves the wrapped lines of neighbouring cells (a quote split by the flag beside it).
    """
    return subprocess.run([find_tool("pdftotext"), "-raw", "-enc", "UTF-8", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout


SMART_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
"""Sphinx's smartquotes print straight quotes of the prose as curly ones: both read as straight."""


def squeeze(value: str) -> str:
    """Remove all whitespace (and zero-width spaces) and straighten quotes, so line breaks and typography do not matter."""
    return re.sub(r"[\s\u200b]+", "", value).translate(SMART_QUOTES)


def image_count(pdf: Path) -> int:
    """Return the number of images embedded in ``pdf`` (soft masks not counted)."""
    output = subprocess.run([find_tool("pdfimages"), "-list", str(pdf)], capture_output=True, text=True,
                            check=True).stdout
    return sum(1 for line in output.splitlines()[2:] if line.split()[2:3] == ["image"])


def prose_numbers(page: str, references: Path = REFERENCES) -> dict[str, str]:
    """Return the values ``page`` glues into its prose (name -> text), from its nbval reference in ``references``.

    Empty when the page has no reference notebook or glues nothing.
    """
    path = reference_path(references, page)
    if not path.is_file():
        return {}
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code" and PROSE_CELL in cell.source and cell.outputs:
            lines = cell.outputs[0]["data"]["text/plain"].splitlines()[1:]
            pairs = (line.split(None, 1) for line in lines)
            return {p[0]: p[1].strip() for p in pairs if len(p) == 2}
    return {}


GLUE = re.compile(r"\{glue(?::\w+)?\}`([^`]+)`")


def glued_values(notebook: Path) -> dict[str, str]:
    """Every value an executed notebook glues (name -> its Markdown, escapes removed)."""
    values = {}
    for cell in nbformat.read(notebook, as_version=4).cells:
        for output in cell.get("outputs", []):
            scrapbook = output.get("metadata", {}).get("scrapbook", {})
            if scrapbook.get("name"):  # myst-nb's glue: data under "<mime_prefix>text/markdown"
                markdown = output.get("data", {}).get(scrapbook.get("mime_prefix", "") + "text/markdown", "")
                values[scrapbook["name"]] = re.sub(r"\\(.)", r"\1", str(markdown))
    return values


def page_heading(root: Path, page: str, lang: str = "en") -> str:
    """A page's title as printed: its first ``# heading`` in ``lang``, glued names replaced by their values.

    A heading that is glued (the introduction's, which names the edition's year) takes the value
    the site's execution of the ``lang`` edition glued (``_build/edition-<lang>/<page>.ipynb``).
    """
    title = page_title(page_source(root, page), lang)
    if not GLUE.search(title):
        return title
    values = glued_values(edition_root(root, lang) / f"{page}.ipynb")
    return GLUE.sub(lambda match: values[match.group(1)], title)


def chart_count(html_pages: list[Path]) -> int:
    """Return the number of charts in the built HTML ``html_pages``."""
    return sum(len(re.findall(r'<figure class="report-chart"', p.read_text(encoding="utf-8"))) for p in html_pages)


def missing(needles: list[str], haystack: str) -> list[str]:
    """Return the ``needles`` that do not occur in ``haystack`` (whitespace ignored on both sides)."""
    squeezed = squeeze(haystack)
    return [n for n in needles if squeeze(n) not in squeezed]
