"""Which book pages go into a PDF edition, read from ``_toc.yml`` (never a hard-coded list).

A PDF edition takes every page the table of contents lists, in its order, except the
bank-type variants (pages under ``variants/``, which papermill renders for the site): a
segment edition (``make pdf SEGMENT=regional``) executes the same pages with the
``segment`` parameter instead (see :mod:`report_lib.publish.pdf.execute`), which is what the
variants are.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

VARIANTS_DIR = "variants"


@dataclass(frozen=True)
class Toc:
    """The root page and the other pages of a ``_toc.yml`` (paths without suffix, in order)."""

    root: str
    pages: tuple[str, ...]
    captions: dict[str, str]
    """Part caption of the first page of each part (for the PDF's table of contents)."""


def _walk(entries: list[dict], pages: list[str]) -> None:
    for entry in entries:
        if "file" in entry:
            pages.append(str(PurePosixPath(entry["file"]).with_suffix("")))
        for key in ("chapters", "sections"):
            _walk(entry.get(key, []), pages)


def read_toc(path: Path) -> Toc:
    """Read a Jupyter Book ``_toc.yml`` (jb-book format, with or without parts)."""
    toc = yaml.safe_load(path.read_text(encoding="utf-8"))
    pages: list[str] = []
    captions: dict[str, str] = {}
    for part in toc.get("parts", [{"chapters": toc.get("chapters", [])}]):
        first = len(pages)
        _walk(part.get("chapters", []), pages)
        if part.get("caption") and len(pages) > first:
            captions[pages[first]] = part["caption"]
    _walk(toc.get("sections", []), pages)
    return Toc(str(PurePosixPath(toc["root"]).with_suffix("")), tuple(pages), captions)


def is_variant(page: str) -> bool:
    """True for a page of a bank-type variant (``variants/...``)."""
    return PurePosixPath(page).parts[0] == VARIANTS_DIR


def select_pages(toc: Toc) -> Toc:
    """Return the pages of a PDF edition: every page of ``toc`` except the variants."""
    main = tuple(p for p in toc.pages if not is_variant(p))
    return Toc(toc.root, main, {p: c for p, c in toc.captions.items() if p in main})


def write_toc(toc: Toc, path: Path) -> Path:
    """Write ``toc`` as a jb-book ``_toc.yml`` (one part per caption) and return its path."""
    parts: list[dict] = []
    for page in toc.pages:
        if page in toc.captions or not parts:
            parts.append({"caption": toc.captions.get(page, "Pages"), "chapters": []})
        parts[-1]["chapters"].append({"file": page})
    content = {"format": "jb-book", "root": toc.root, "parts": parts}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
