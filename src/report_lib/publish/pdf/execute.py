"""Execute the book's pages for one edition (bank type, language) with static charts.

Each page is read (jupytext MyST ``.md`` or ``.ipynb``), the edition's parameters are
appended to its ``parameters`` cell (only the names that cell defines, so its tags such
as ``remove-cell`` stay, unlike papermill's injected cell), and it is executed with
``REPORT_CHART_MODE=static`` so that charts come out as PNGs with their footers as
captions. The executed notebooks form a small book that Jupyter Book renders without
executing again. This is the same operation papermill performs for the bank-type
variants, so a segment edition shows what the variants show.
"""

from __future__ import annotations

import os
import re
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from report_lib.publish import variants
from report_lib.page.render import MODE_VARIABLE
from report_lib.analysis.segments import MARKET

PAGE_SUFFIXES = (".md", ".ipynb")
TIMEOUT = 300
WORKERS = 2
"""Pages executed at once (the machines have 2 cores)."""


class PageFailedError(RuntimeError):
    """A page raised while executing for the PDF; the message names the page and the error."""


def page_source(root: Path, page: str) -> Path:
    """Return the file of ``page`` (a ``_toc.yml`` entry without suffix) under ``root``."""
    try:
        return variants.page_source(root, page)
    except variants.VariantError:
        raise FileNotFoundError(f"_toc.yml lists {page}, but neither {page}.md nor {page}.ipynb exists") from None


def with_segment_opening(notebook: nbformat.NotebookNode, root: Path, page: str, parameters: dict[str, str]) -> bool:
    """Open a report chapter of a bank-type edition with its key findings, as its variant does.

    Returns whether the section was added (only for a bank type and a chapter of the report part).
    """
    segment = parameters.get("segment", MARKET)
    chapter = variants.chapter_number(Path(page).name)
    if segment == MARKET or chapter is None or page not in variants.report_chapters(root):
        return False
    position = next(i + 1 for i, c in enumerate(notebook.cells) if "parameters" in c.metadata.get("tags", []))
    notebook.cells[position:position] = variants.opening_cells(chapter)
    return True


def with_parameters(notebook: nbformat.NotebookNode, parameters: dict[str, str]) -> list[str]:
    """Append to the ``parameters`` cell the ``parameters`` it defines; return the names set.

    A page without a parameters cell, or a name the cell does not define, is left alone
    (the intro has no bank type; the glossary has a language but no bank type).
    """
    cell = next((c for c in notebook.cells if "parameters" in c.metadata.get("tags", [])), None)
    if cell is None:
        return []
    names = [n for n in parameters if re.search(rf"^{re.escape(n)}\s*=", cell.source, re.M)]
    if names:
        cell.source += "\n" + "\n".join(f"{name} = {parameters[name]!r}  # PDF edition" for name in names)
    return names


@contextmanager
def _environment(**values: str):
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def execute_page(root: Path, page: str, target: Path, parameters: dict[str, str]) -> Path:
    """Execute one page with ``parameters`` into ``target/<page>.ipynb`` and return that path.

    Raises
    ------
    PageFailedError
        When the page raises; the message names the page and the failing cell's error.
    """
    notebook = jupytext.read(page_source(root, page))
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook.metadata.pop("jupytext", None)
    with_parameters(notebook, parameters)
    with_segment_opening(notebook, root, page, parameters)
    out = target / f"{page}.ipynb"
    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        NotebookClient(notebook, timeout=TIMEOUT, kernel_name="python3",
                       resources={"metadata": {"path": str(out.parent)}}).execute()
    except CellExecutionError as error:
        raise PageFailedError(f"{page} failed for the PDF with {parameters}:\n{str(error)[-1500:]}") from None
    nbformat.write(notebook, out)
    return out


def execute_pages(root: Path, pages: list[str], target: Path, data_dir: Path,
                  parameters: dict[str, str], workers: int = WORKERS) -> list[Path]:
    """Execute ``pages`` of the book at ``root`` into ``target/<page>.ipynb``, ``workers`` at a time.

    Returns the executed notebooks in the order of ``pages``; the first failing page (a
    :class:`PageFailedError`) stops the edition.
    """
    with _environment(REPORT_DATA=str(data_dir), **{MODE_VARIABLE: "static"}):
        if workers <= 1 or len(pages) <= 1:
            return [execute_page(root, page, target, parameters) for page in pages]
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = [pool.submit(execute_page, root, page, target, parameters) for page in pages]
            return [future.result() for future in futures]
