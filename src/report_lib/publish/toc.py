"""The one reader of ``_toc.yml``: the book's pages in order, its report chapters and their numbers.

Every part of the publishing layer asks this module which pages exist: the variants
render the chapters of the part captioned :data:`REPORT_PART`, a PDF edition takes every
page except the variants (which live under :data:`VARIANTS_DIR`), and the nbval
references are the same pages. Nothing is listed by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import jupytext
import yaml

from report_lib.publish.languages import page_for_language
from report_lib.publish.lock import write_if_changed

REPORT_PART = "The report"
"""Caption of the ``_toc.yml`` part whose chapters get a variant per bank type."""
VARIANTS_DIR = "variants"
"""Folder (under the book root) of the generated bank-type variants."""
PAGE_SUFFIXES = (".md", ".ipynb")
INDEX_TEMPLATE = Path("reference") / "templates" / "variants_index.md"
"""The source of the variants' overview page, relative to the book root (excluded from the book's own build)."""


class TocError(ValueError):
    """The toc names a page that has no source file, or lacks a part the caller needs."""


@dataclass(frozen=True)
class Toc:
    """The pages of a ``_toc.yml`` (paths without suffix, in order)."""

    root: str
    pages: tuple[str, ...]
    """Every page after the root, in toc order."""
    captions: dict[str, str] = field(default_factory=dict)
    """Part caption of the first page of each part."""
    report: tuple[str, ...] = ()
    """The chapters of the part captioned :data:`REPORT_PART` (empty when there is none)."""

    @property
    def all_pages(self) -> tuple[str, ...]:
        """The root page followed by every other page."""
        return (self.root, *self.pages)

    def without_variants(self) -> Toc:
        """Return this toc without the pages under :data:`VARIANTS_DIR` (what a PDF edition prints)."""
        main = tuple(p for p in self.pages if not is_variant(p))
        return Toc(self.root, main, {p: c for p, c in self.captions.items() if p in main},
                   tuple(p for p in self.report if p in main))


def _walk(entries: list[dict], pages: list[str]) -> None:
    for entry in entries:
        if "file" in entry:
            pages.append(str(PurePosixPath(entry["file"]).with_suffix("")))
        for key in ("chapters", "sections"):
            _walk(entry.get(key, []), pages)


def read_toc(path: Path) -> Toc:
    """Read a Jupyter Book ``_toc.yml`` (jb-book format, with or without parts).

    ``path`` is the toc file or the book folder that holds ``_toc.yml``.
    """
    path = path / "_toc.yml" if path.is_dir() else path
    toc = yaml.safe_load(path.read_text(encoding="utf-8"))
    pages: list[str] = []
    captions: dict[str, str] = {}
    report: list[str] = []
    for part in toc.get("parts", [{"chapters": toc.get("chapters", [])}]):
        first = len(pages)
        _walk(part.get("chapters", []), pages)
        if part.get("caption") and len(pages) > first:
            captions[pages[first]] = part["caption"]
        if part.get("caption") == REPORT_PART:
            report = pages[first:]
    _walk(toc.get("sections", []), pages)
    return Toc(str(PurePosixPath(toc["root"]).with_suffix("")), tuple(pages), captions, tuple(report))


def write_toc(toc: Toc, path: Path) -> Path:
    """Write ``toc`` as a jb-book ``_toc.yml`` (one part per caption) and return its path."""
    parts: list[dict] = []
    for page in toc.pages:
        if page in toc.captions or not parts:
            parts.append({"caption": toc.captions.get(page, "Pages"), "chapters": []})
        parts[-1]["chapters"].append({"file": page})
    content = {"format": "jb-book", "root": toc.root, "parts": parts}
    path.parent.mkdir(parents=True, exist_ok=True)
    write_if_changed(path, yaml.safe_dump(content, allow_unicode=True, sort_keys=False))
    return path


def is_variant(page: str) -> bool:
    """True for a page of a bank-type variant (``variants/...``)."""
    return PurePosixPath(page).parts[0] == VARIANTS_DIR


def chapter_number(page: str) -> int | None:
    """Return the chapter number a page's file name starts with (``chapters/02_current_state`` -> 2), else None."""
    match = re.match(r"(\d+)", PurePosixPath(page).name)
    return int(match.group(1)) if match else None


def page_source(root: Path, page: str) -> Path:
    """Return the source file of a toc entry (``.md`` or ``.ipynb``) under ``root``."""
    for suffix in PAGE_SUFFIXES:
        if (root / f"{page}{suffix}").is_file():
            return root / f"{page}{suffix}"
    raise TocError(f"_toc.yml lists {page}, but neither {page}.md nor {page}.ipynb exists in {root}")


def page_title(source: Path, lang: str = "en") -> str:
    """Return the first ``# heading`` of a page in the edition ``lang`` (its title in the book), else its file stem."""
    text = page_for_language(source.read_text(encoding="utf-8"), lang) if source.suffix == ".md" else None
    for cell in (jupytext.reads(text, fmt="md:myst") if text is not None else jupytext.read(source)).cells:
        match = re.search(r"^# (.+)$", cell.source, re.M) if cell.cell_type == "markdown" else None
        if match:
            return match.group(1).strip()
    return source.stem


def page_sources(root: Path) -> list[Path]:
    """Return the source of every page the book shows: the toc's pages and the variants' overview template."""
    sources = [page_source(root, page) for page in read_toc(root).all_pages]
    return sources + ([root / INDEX_TEMPLATE] if (root / INDEX_TEMPLATE).is_file() else [])
