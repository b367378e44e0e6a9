"""Turn a book page into the notebook of one bank-type variant, and read its run record back.

A variant lives in ``variants/<segment>/``, beside the other chapters of its segment, so
its Markdown is rewritten: the title gets the segment's name, MyST targets ``(name)=`` and
references to them get the segment as suffix (three copies of a chapter must not clash),
and relative links are re-rooted (:func:`rewrite_links`). A hidden last cell emits the
run record (:mod:`report_lib.run_record`) the cache keys on.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import PurePosixPath

import nbformat

from report_lib import run_record
from report_lib.data.market import MARKET
from report_lib.publish.notebooks import HIDE, code_cell
from report_lib.publish.toc import VARIANTS_DIR

LINKS_MARKER = "<!-- variant-links -->"
"""Where a template page (the variants index) takes its generated Markdown."""


def relocate(notebook: nbformat.NotebookNode, segment: str, title_suffix: str = "", page: str | None = None,
             chapters: tuple[str, ...] = (), extra_markdown: str = "") -> nbformat.NotebookNode:
    """Rewrite a page's Markdown for its variant of ``segment``, in place; return the notebook.

    The first ``# heading`` gets ``title_suffix``; for a bank type, targets get the segment
    as suffix and, with ``page`` (the toc entry), relative links are rewritten;
    ``extra_markdown`` replaces the :data:`LINKS_MARKER`. A hidden cell emitting the run
    record is appended.
    """
    titled = False
    for cell in notebook.cells:
        if cell.cell_type != "markdown":
            continue
        if segment != MARKET:
            cell.source = suffix_targets(cell.source, segment)
            if page is not None:
                cell.source = rewrite_links(cell.source, page, segment, chapters)
        if not titled and title_suffix and re.search(r"^# ", cell.source, re.M):
            cell.source = re.sub(r"^(# .+)$", lambda m: f"{m.group(1)}{title_suffix}", cell.source, count=1, flags=re.M)
            titled = True
        if LINKS_MARKER in cell.source:
            cell.source = cell.source.replace(LINKS_MARKER, extra_markdown)
    return add_run_record(notebook)


def add_run_record(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Append the hidden cell that emits the run record (the cache keys on it); return the notebook."""
    notebook.cells.append(code_cell("from report_lib import run_record\nrun_record.emit()", [HIDE]))
    return notebook


def rewrite_links(markdown: str, page: str, segment: str, chapters: tuple[str, ...] | list[str]) -> str:
    """Keep a chapter's relative links working from ``variants/<segment>/``.

    A relative link (``[text](path)`` or ``{doc}`path```) to another report chapter points to
    that chapter's variant for the same segment (same folder, same stem); any other relative
    link is re-rooted so it still reaches its original page.
    """
    origin = PurePosixPath(page).parent
    depth = "../" * (len(PurePosixPath(VARIANTS_DIR, segment).parts))
    stems = {PurePosixPath(c).name: c for c in chapters}

    def fix(path: str) -> str:
        if re.match(r"^([a-z]+:|#|/)", path):
            return path
        target = PurePosixPath(posixpath.normpath(origin / path))
        stem = target.with_suffix("").name if target.suffix in ("", ".md", ".ipynb") else None
        if stem in stems and str(target.with_suffix("")) == stems[stem]:
            return target.name
        return depth + str(target)

    markdown = re.sub(r"(\]\()([^)\s]+)(\))", lambda m: m.group(1) + fix(m.group(2)) + m.group(3), markdown)
    return re.sub(r"(\{doc\}`(?:[^`<]*<)?)([^`>]+)(>?`)", lambda m: m.group(1) + fix(m.group(2)) + m.group(3), markdown)


def suffix_targets(markdown: str, segment: str) -> str:
    """Suffix every MyST target ``(name)=`` defined in ``markdown``, and its references, with ``-<segment>``."""
    names = re.findall(r"^\(([\w.-]+)\)=\s*$", markdown, re.M)
    for name in names:
        markdown = re.sub(rf"^\({re.escape(name)}\)=", f"({name}-{segment})=", markdown, flags=re.M)
        markdown = re.sub(rf"(\{{(?:ref|numref)\}}`(?:[^`<]*<)?){re.escape(name)}(>?`)", rf"\g<1>{name}-{segment}\g<2>",
                          markdown)
    return markdown


def take_run_record(notebook: nbformat.NotebookNode) -> dict:
    """Remove the run-record cell of an executed notebook, in place; return its record (files read and written)."""
    record = {"read": [], "written": []}
    kept = []
    for cell in notebook.cells:
        outputs = [o for o in cell.get("outputs", []) if run_record.MIME_TYPE in o.get("data", {})]
        if outputs:
            record = dict(outputs[0]["data"][run_record.MIME_TYPE])
            continue
        kept.append(cell)
    notebook.cells = kept
    return record
