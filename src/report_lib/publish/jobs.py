"""The notebooks a worker process executes: one page of an edition or one bank-type variant, through the cache.

:func:`report_lib.publish.notebooks.run_all` sends these jobs to worker processes, which
import this module to run them. It imports neither the data, analysis, presentation nor
page layer (the pages' kernels do that), so a worker is ready in well under a second
instead of the five it took when the jobs lived beside the planning code in
:mod:`report_lib.publish.editions` and :mod:`report_lib.publish.variants`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from report_lib.data.market import MARKET
from report_lib.publish import cache, notebooks
from report_lib.publish.languages import edition_root
from report_lib.publish.toc import VARIANTS_DIR
from report_lib.publish.variant_page import relocate


class VariantError(RuntimeError):
    """A variant failed: the message names the segment, the chapter and the cell."""


@dataclass(frozen=True)
class Variant:
    """One notebook to render: a page (toc path without suffix) for one segment in one language."""

    page: str
    segment: str
    lang: str = "en"

    @property
    def stem(self) -> str:
        """The page's file name without suffix (``01_background``)."""
        return Path(self.page).name

    @property
    def docname(self) -> str:
        """The variant's document name in the book (``variants/regional/01_background``)."""
        return f"{VARIANTS_DIR}/{self.stem}" if self.segment == MARKET else f"{VARIANTS_DIR}/{self.segment}/{self.stem}"

    def target(self, root: Path) -> Path:
        """Where the executed notebook goes."""
        return root / f"{self.docname}.ipynb"


@dataclass(frozen=True)
class VariantJob:
    """Everything needed to render one variant (picklable, for the worker processes)."""

    variant: Variant
    source: Path
    title_suffix: str = ""
    chapter: int | None = None
    """The chapter number when the variant opens with the segment's key findings."""
    opening_heading: str = ""
    extra_markdown: str = ""
    chapters: tuple[str, ...] = field(default_factory=tuple)
    """The report's chapters, whose relative links are rewritten to stay among the segment's variants (none: no rewrite)."""


def variant_notebook(job: VariantJob) -> nbformat.NotebookNode:
    """Return the notebook a job executes: the page relocated, with parameters and (for a bank type) the opening."""
    variant = job.variant
    notebook = relocate(notebooks.load_page(job.source, variant.lang), variant.segment, job.title_suffix,
                        page=variant.page if job.chapters else None, chapters=job.chapters,
                        extra_markdown=job.extra_markdown)
    if notebooks.declared_parameters(notebook) == []:
        raise VariantError(f"{job.source}: no cell tagged 'parameters'; a variant cannot pass segment and lang")
    notebooks.set_parameters(notebook, {"segment": variant.segment, "lang": variant.lang})
    if variant.segment != MARKET and job.chapter is not None:
        notebooks.insert_opening(notebook, job.chapter, job.opening_heading)
    notebooks.number_cells(notebook)
    return notebook


def render_job(job: VariantJob, root: Path, data_dir: Path, environment: str, force: bool,
               check_only: bool = False, name: str | None = None) -> notebooks.Outcome | None:
    """Execute one variant into its target, unless the cache says the last execution is still good (``check_only``: see
    :func:`report_lib.publish.cache.run_cached`); ``name`` labels its progress line (default: its document name)."""
    variant = job.variant
    notebook = variant_notebook(job)
    notebook.metadata[cache.METADATA_KEY] = {"segment": variant.segment, "page": variant.page, "lang": variant.lang}
    return cache.run_cached(notebook, variant.target(root), {"segment": variant.segment, "lang": variant.lang},
                            data_dir, environment, name or variant.docname,
                            f"variant failed: segment {variant.segment}, chapter {variant.page}", force=force,
                            check_only=check_only)


@dataclass(frozen=True)
class PageJob:
    """One page of the book to execute for an edition (picklable, for the worker processes)."""

    page: str
    source: Path
    lang: str


def render_page(job: PageJob, folder: Path, data_dir: Path, environment: str,
                check_only: bool = False) -> notebooks.Outcome | None:
    """Execute one page in its edition's language into ``folder/<page>.ipynb``, unless the cached one is fresh."""
    notebook = relocate(notebooks.load_page(job.source, job.lang), MARKET)
    notebooks.set_parameters(notebook, {"lang": job.lang})  # the data folder comes in REPORT_DATA
    return cache.run_cached(notebook, folder / f"{job.page}.ipynb", {"lang": job.lang, "page": job.page}, data_dir,
                            environment, f"{job.lang}/{job.page}", f"page failed: {job.page} ({job.lang} edition)",
                            check_only=check_only)


def render_edition_job(job: PageJob | VariantJob, root: Path, data_dir: Path, environment: str,
                       check_only: bool = False) -> notebooks.Outcome | None:
    """Execute one page or bank-type variant of an edition into that edition's folder (see :func:`render_page`)."""
    if isinstance(job, PageJob):
        return render_page(job, edition_root(root, job.lang), data_dir, environment, check_only)
    return render_job(job, edition_root(root, job.variant.lang), data_dir, environment, force=False,
                      check_only=check_only, name=f"{job.variant.lang}/{job.variant.docname}")
