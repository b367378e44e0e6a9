"""Reference notebooks for nbval: each book page executed once with the data of record.

nbval re-executes the reference notebooks and compares the outputs of the cells tagged
``nbval-check-output`` (the key-number tables) with the stored ones, so a changed figure
fails the tests. ``python -m report_lib refresh-nbval`` rewrites the references after an
intended change; a test checks that their code still matches the pages. The pages are
those of ``_toc.yml`` (variants aside) that have a cell tagged ``nbval-check-output``;
where the references live is the caller's choice (the command line passes ``tests/notebooks``).
Pages run through the one cached executor (:func:`report_lib.publish.cache.run_cached`) into
``_build/nbval-pages``: a refresh with nothing changed executes nothing.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import nbformat

from report_lib.publish import cache, notebooks
from report_lib.publish.lock import write_atomically
from report_lib.publish.toc import page_source, read_toc
from report_lib.publish.variant_page import add_run_record

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


def executed_path(root: Path, page: str, purpose: str = "nbval-pages") -> Path:
    """Return where the cached executor keeps ``page`` as the references run it (``_build/<purpose>/<page>.ipynb``)."""
    return root / "_build" / purpose / f"{page}.ipynb"


def reference_of(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Return the reference stored for an executed page: outputs of tagged cells only, no cache record, in place."""
    notebook.metadata.pop(cache.METADATA_KEY, None)
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop(notebooks.SOURCE_CELL, None)
        if cell.cell_type == "code" and CHECK_TAG not in cell.metadata.get("tags", []):
            cell.outputs = []  # nbval-lax compares only tagged cells; keep references small
    return notebook


def refresh_one(page: str, root: Path, folder: Path, data_dir: Path, environment: str,
                stored_parameters: dict[str, str] | None = None) -> notebooks.Outcome:
    """Execute ``page`` with ``data_dir`` (unless cached) and store it as its reference notebook in ``folder``.

    ``stored_parameters`` are set in the stored reference's parameters cell (e.g. a
    ``data_dir`` relative to ``folder``, for a reference nbval must run on other data than
    the test run's); the page itself runs with ``data_dir`` there.
    """
    purpose = "nbval-pages" if stored_parameters is None else "nbval-wave-pages"
    executed = executed_path(root, page, purpose)
    notebook = add_run_record(notebooks.load_page(page_source(root, page)))
    if stored_parameters is not None:
        notebooks.set_parameters(notebook, {name: str(data_dir) for name in stored_parameters})
    outcome = cache.run_cached(notebook, executed, {"page": page, "purpose": purpose}, data_dir, environment, page,
                               f"{page} failed")
    reference = reference_of(nbformat.read(executed, as_version=4))  # stable cell ids: a refresh diffs only real changes
    if stored_parameters is not None:
        notebooks.set_parameters(reference, stored_parameters)
        notebooks.number_cells(reference)
    write_atomically(reference_path(folder, page), nbformat.writes(reference))
    return outcome


def refresh_references(root: Path, folder: Path, data_dir: Path, workers: int = notebooks.WORKERS) -> list[Path]:
    """Execute every page of the book at ``root`` with ``data_dir`` into its reference notebook in ``folder``.

    The wave references (:func:`refresh_wave_references`) are refreshed too.
    """
    folder.mkdir(parents=True, exist_ok=True)
    pages = list(reference_pages(root))
    environment = cache.environment_key(root)
    notebooks.run_all(pages, partial(refresh_one, root=root, folder=folder, data_dir=data_dir,
                                     environment=environment), "nbval references", workers)
    return [reference_path(folder, page) for page in pages] + refresh_wave_references(root, folder, environment)


def refresh_wave_references(root: Path, folder: Path, environment: str | None = None) -> list[Path]:
    """Execute :data:`WAVE_PAGES` on the synthetic wave (:data:`WAVE_DATA`) into ``folder/wave``.

    The stored reference names the wave by a path relative to itself (nbval runs a notebook in
    its folder), so it checks the chapter computed from respondent-level answers whatever data
    the test run points at. ``make synthetic-wave`` writes the wave.
    """
    target = folder / WAVE_FOLDER
    target.mkdir(parents=True, exist_ok=True)
    relative = Path(*[".."] * len(target.resolve().relative_to(root.resolve()).parts)) / WAVE_DATA
    environment = environment or cache.environment_key(root)
    for page in WAVE_PAGES:
        refresh_one(page, root, target, (root / WAVE_DATA).resolve(), environment, {"data_dir": relative.as_posix()})
    return [reference_path(target, page) for page in WAVE_PAGES]
