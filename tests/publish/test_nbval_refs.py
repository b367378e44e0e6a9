"""The nbval reference notebooks are current, and nbval really fails when a figure changes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from conftest import set_figure_value
from report_lib import paths
from report_lib.publish.nbval_refs import reference_pages, reference_path
from report_lib.publish.notebooks import load_page
from report_lib.publish.toc import page_source

REFERENCES = Path(__file__).parents[1] / "notebooks"
PAGES = reference_pages(paths.PROJECT_ROOT)


def test_reference_pages_come_from_the_toc():
    """Every toc page with a key-number cell has a reference; the glossary (none) has not."""
    assert PAGES[0] == "intro" and "chapters/05_experts" in PAGES and "reference/glossary" not in PAGES


def code_sources(notebook) -> list[str]:
    return [cell.source for cell in notebook.cells if cell.cell_type == "code"]


@pytest.mark.parametrize("page", PAGES)
def test_reference_matches_page(page):
    """The stored reference runs the page's current code (else: python -m report_lib refresh-nbval)."""
    reference = nbformat.read(reference_path(REFERENCES, page), as_version=4)
    page_notebook = load_page(page_source(paths.PROJECT_ROOT, page))
    assert code_sources(reference) == code_sources(page_notebook), "run `python -m report_lib refresh-nbval`"


@pytest.mark.parametrize("page", PAGES)
def test_reference_checks_key_numbers(page):
    """Each reference has key-number cells that nbval compares."""
    reference = nbformat.read(reference_path(REFERENCES, page), as_version=4)
    checked = [c for c in reference.cells if "nbval-check-output" in c.metadata.get("tags", [])]
    assert checked and all(c.outputs for c in checked)


def run_nbval(notebook: Path, data_dir: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, REPORT_DATA=str(data_dir))
    return subprocess.run([sys.executable, "-m", "pytest", "--nbval-lax", "--nbval-current-env", "-q",
                           "-p", "no:cacheprovider", "--rootdir", str(notebook.parent), str(notebook)],
                          env=env, capture_output=True, text=True, cwd=paths.PROJECT_ROOT)


@pytest.mark.slow
def test_nbval_fails_when_a_figure_changes(tmp_path, data_copy):
    """Changing one published level in a copy of the data makes nbval fail on chapter 1.

    (That the reference passes with the data of record is what the nbval run over tests/notebooks shows.)
    """
    notebook = tmp_path / "01_background.ipynb"
    shutil.copy(reference_path(REFERENCES, "chapters/01_background"), notebook)
    set_figure_value(data_copy, "c1_card_level_2020", "89.9")
    result = run_nbval(notebook, data_copy)
    assert result.returncode != 0
    assert "89.9" in result.stdout


@pytest.mark.slow
def test_nbval_fails_when_a_segment_share_changes(tmp_path, data_copy):
    """'75%+' -> '76%+' for state-owned user reach changes the inferred sizes: nbval fails on chapter 2."""
    notebook = tmp_path / "02_current_state.ipynb"
    shutil.copy(reference_path(REFERENCES, "chapters/02_current_state"), notebook)
    set_figure_value(data_copy, "c2_need_user_reach_state_owned", "76")
    result = run_nbval(notebook, data_copy)
    assert result.returncode != 0
    assert "02_current_state.ipynb::Cell" in result.stdout  # the sizes, evidence and prose cells differ
