"""Reference notebooks for nbval: each book page executed once with the data of record.

nbval re-executes ``tests/notebooks/*.ipynb`` and compares the outputs of the cells
tagged ``nbval-check-output`` (the key-number tables) with the stored ones, so a changed
figure fails the tests. ``python -m report_lib refresh-nbval`` rewrites the references
after an intended change; a test checks that their code still matches the pages.
"""

from __future__ import annotations

import os
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient

from report_lib import paths

PAGES = ("intro.md", "chapters/01_background.md", "chapters/02_current_state.md", "chapters/03_vendors.md",
         "chapters/04_trends.md", "chapters/05_experts.md",
         "reference/data_of_record.md")
REFERENCE_DIR = paths.PROJECT_ROOT / "tests" / "notebooks"
CHECK_TAG = "nbval-check-output"


def reference_path(page: str) -> Path:
    """Return the reference notebook of a page (``chapters/01_background.md`` -> ``01_background.ipynb``)."""
    return REFERENCE_DIR / (Path(page).stem + ".ipynb")


def page_notebook(page: str) -> nbformat.NotebookNode:
    """Read a page (jupytext MyST) as a notebook with the python3 kernel."""
    notebook = jupytext.read(paths.PROJECT_ROOT / page)
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook.metadata.pop("jupytext", None)
    return notebook


def execute_page(page: str, workdir: Path, **parameters: str) -> nbformat.NotebookNode:
    """Execute a page in ``workdir``, with ``parameters`` overriding its ``parameters`` cell.

    The overrides are appended to the parameters cell itself, so the page's own
    structure (and its ``remove-cell`` tag) is kept.
    """
    notebook = page_notebook(page)
    if parameters:
        cell = next(c for c in notebook.cells if "parameters" in c.metadata.get("tags", []))
        cell.source += "\n" + "\n".join(f"{name} = {value!r}" for name, value in parameters.items())
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(workdir)}}).execute()
    return notebook


def refresh_references(data_dir: Path) -> list[Path]:
    """Execute every page with ``data_dir`` and store it as its nbval reference notebook."""
    REFERENCE_DIR.mkdir(parents=True, exist_ok=True)
    os.environ["REPORT_DATA"] = str(data_dir)
    written = []
    for page in PAGES:
        notebook = execute_page(page, REFERENCE_DIR)
        for number, cell in enumerate(notebook.cells):
            cell.id = f"cell-{number}"  # stable ids and no timestamps: a refresh diffs only real changes
            cell.metadata.pop("execution", None)
            if cell.cell_type == "code" and CHECK_TAG not in cell.metadata.get("tags", []):
                cell.outputs = []  # nbval-lax compares only tagged cells; keep references small
        target = reference_path(page)
        nbformat.write(notebook, target)
        written.append(target)
    return written
