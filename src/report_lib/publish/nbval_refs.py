"""Reference notebooks for nbval: each book page executed once with the data of record.

nbval re-executes the reference notebooks and compares the outputs of the cells tagged
``nbval-check-output`` (the key-number tables) with the stored ones, so a changed figure
fails the tests. ``python -m report_lib refresh-nbval`` rewrites the references after an
intended change; a test checks that their code still matches the pages. The pages are
those of ``_toc.yml`` (variants aside) that have a cell tagged ``nbval-check-output``;
where the references live is the caller's choice (the command line passes ``tests/notebooks``).
"""

from __future__ import annotations

import time
from functools import partial
from pathlib import Path

import nbformat

from report_lib.publish import notebooks
from report_lib.publish.lock import write_atomically
from report_lib.publish.toc import page_source, read_toc

CHECK_TAG = "nbval-check-output"
WAVE_DATA = "examples/synthetic-wave"
"""The synthetic survey wave (``make synthetic-wave``) the wave references run on."""
WAVE_PAGES = ("chapters/02_current_state",)
"""Pages with a reference executed on :data:`WAVE_DATA` (exact n, intervals, counted sizes)."""
WAVE_FOLDER = "wave"
"""Sub-folder of the references that holds the wave references."""


def reference_pages(root: Path) -> tuple[str, ...]:
    """Return the pages that have a reference notebook: toc pages (variants aside) with a cell tagged :data:`CHECK_TAG`."""
    return tuple(page for page in read_toc(root).without_variants().all_pages
                 if any(CHECK_TAG in c.metadata.get("tags", []) for c in notebooks.load_page(page_source(root, page)).cells))


def reference_path(folder: Path, page: str) -> Path:
    """Return the reference notebook of a page in ``folder`` (``chapters/01_background`` -> ``01_background.ipynb``)."""
    return folder / (Path(page).stem + ".ipynb")


def execute_page(root: Path, page: str, workdir: Path, **parameters: str) -> nbformat.NotebookNode:
    """Execute a page of the book at ``root`` in ``workdir`` with ``parameters`` (see :func:`notebooks.set_parameters`)."""
    notebook = notebooks.load_page(page_source(root, page))
    notebooks.set_parameters(notebook, parameters)
    return notebooks.execute(notebook, workdir, name=f"{page} failed")


def refresh_one(page: str, root: Path, folder: Path, data_dir: Path,
                parameters: dict[str, str] | None = None) -> notebooks.Outcome:
    """Execute ``page`` with ``data_dir`` and store it as its reference notebook in ``folder``.

    ``parameters`` are set in the page's parameters cell (e.g. a ``data_dir`` relative to
    ``folder``, for a reference that must run on other data than the test run's).
    """
    start = time.perf_counter()
    folder.mkdir(parents=True, exist_ok=True)
    notebook = notebooks.load_page(page_source(root, page))
    if parameters:
        notebooks.set_parameters(notebook, parameters)
    notebooks.execute(notebook, folder, env={"REPORT_DATA": str(data_dir)}, name=f"{page} failed")
    notebooks.number_cells(notebook)  # stable ids and no timestamps: a refresh diffs only real changes
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop(notebooks.SOURCE_CELL, None)
        if cell.cell_type == "code" and CHECK_TAG not in cell.metadata.get("tags", []):
            cell.outputs = []  # nbval-lax compares only tagged cells; keep references small
    write_atomically(reference_path(folder, page), nbformat.writes(notebook))
    return notebooks.Outcome(page, "executed", time.perf_counter() - start)


def refresh_references(root: Path, folder: Path, data_dir: Path, workers: int = notebooks.WORKERS) -> list[Path]:
    """Execute every page of the book at ``root`` with ``data_dir`` into its reference notebook in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    pages = list(reference_pages(root))
    notebooks.run_all(pages, partial(refresh_one, root=root, folder=folder, data_dir=data_dir), "nbval references",
                      workers)
    return [reference_path(folder, page) for page in pages] + refresh_wave_references(root, folder)


def refresh_wave_references(root: Path, folder: Path) -> list[Path]:
    """Execute :data:`WAVE_PAGES` on the synthetic wave (:data:`WAVE_DATA`) into ``folder/wave``.

    The reference names the wave by a path relative to itself (nbval runs a notebook in its
    folder), so it checks the chapter computed from respondent-level answers whatever data the
    test run points at. ``make synthetic-wave`` writes the wave.
    """
    target = folder / WAVE_FOLDER
    data = root / WAVE_DATA
    relative = Path(*[".."] * len(target.relative_to(root).parts)) / WAVE_DATA
    for page in WAVE_PAGES:
        refresh_one(page, root, target, data, {"data_dir": relative.as_posix()})
    return [reference_path(target, page) for page in WAVE_PAGES]
