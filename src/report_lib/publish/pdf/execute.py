"""Execute the book's pages for one edition (bank type, language) with static charts.

Each page gets the edition's parameters and, for a bank type, the chapters of the report
open with the segment's key findings, exactly as the variants do
(:mod:`report_lib.publish.notebooks`). Pages run with ``REPORT_CHART_MODE=static`` so
that charts come out as PNGs with their footers as captions. The executed notebooks
form a small book that Jupyter Book renders without executing again. Pages go through the
one cached executor (:func:`report_lib.publish.cache.run_cached`): a page whose source,
parameters, library and data read are unchanged is not executed again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import nbformat

from report_lib.data.market import MARKET
from report_lib.page.chart_mode import MODE_VARIABLE
from report_lib.publish import cache, notebooks
from report_lib.publish.toc import chapter_number, page_source
from report_lib.publish.variant_page import add_run_record


@dataclass(frozen=True)
class Edition:
    """What every page of a PDF edition is executed with."""

    data_dir: Path
    parameters: dict[str, str] = field(default_factory=dict)
    """``segment`` and ``lang``; each page takes those it declares."""
    report: tuple[str, ...] = ()
    """The report's chapters: for a bank type they open with its key findings."""
    opening_heading: str = ""


def page_notebook(root: Path, page: str, edition: Edition) -> nbformat.NotebookNode:
    """Return ``page`` as the edition executes it: parameters set, opening inserted for a bank type's chapter."""
    notebook = notebooks.load_page(page_source(root, page), edition.parameters.get("lang", "en"))
    notebooks.set_parameters(notebook, edition.parameters)
    chapter = chapter_number(page)
    if edition.parameters.get("segment", MARKET) != MARKET and chapter is not None and page in edition.report:
        notebooks.insert_opening(notebook, chapter, edition.opening_heading)
    return notebook


@dataclass(frozen=True)
class PdfPageJob:
    """One page of one edition, executed into ``target/<page>.ipynb``."""

    page: str
    target: Path
    edition: Edition

    def __str__(self) -> str:
        return f"{self.page} for the PDF with {self.edition.parameters}"


def execute_job(job: PdfPageJob, root: Path, environment: str, check_only: bool = False) -> notebooks.Outcome | None:
    """Execute one page of the book at ``root`` for its edition into ``target/<page>.ipynb``, unless cached
    (``check_only``: only look it up in the cache, see :func:`report_lib.publish.cache.run_cached`)."""
    edition = job.edition
    notebook = add_run_record(page_notebook(root, job.page, edition))
    name = "/".join([*(edition.parameters[key] for key in ("segment", "lang") if key in edition.parameters), job.page])
    return cache.run_cached(notebook, job.target / f"{job.page}.ipynb", {**edition.parameters, "page": job.page},
                            edition.data_dir, environment, name, f"{job.page} failed for the PDF with {edition.parameters}",
                            env={MODE_VARIABLE: "static"}, check_only=check_only)


def execute_jobs(root: Path, jobs: list[PdfPageJob], workers: int = notebooks.WORKERS) -> dict[int, str]:
    """Execute the pages of any number of editions as one batch (cached); return the failures by job index.

    One batch lets the workers and their kept kernels serve every edition; a failure is
    returned with the page's name and its failing cell, and the other jobs still run.
    """
    work = partial(execute_job, root=root, environment=cache.environment_key(root))
    try:
        notebooks.run_all(jobs, work, "PDF pages", workers, check=partial(work, check_only=True))
    except notebooks.ExecutionError as error:
        return error.failures
    return {}
