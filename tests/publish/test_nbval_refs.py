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
from report_lib.publish.nbval_refs import execute_page, reference_pages, reference_path
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
    """Changing one published level in a copy of the data makes nbval fail on chapter 1."""
    notebook = tmp_path / "01_background.ipynb"
    shutil.copy(reference_path(REFERENCES, "chapters/01_background"), notebook)
    assert run_nbval(notebook, paths.DEFAULT_DATA_DIR).returncode == 0

    set_figure_value(data_copy, "c1_card_level_2020", "89.9")
    result = run_nbval(notebook, data_copy)
    assert result.returncode != 0
    assert "89.9" in result.stdout


@pytest.mark.slow
def test_chapter_one_runs_with_chinese_labels(tmp_path, monkeypatch):
    """Chapter 1 executes with lang='zh': every label it needs exists in Chinese."""
    monkeypatch.setenv("REPORT_DATA", str(paths.DEFAULT_DATA_DIR))
    notebook = execute_page(paths.PROJECT_ROOT, "chapters/01_background", tmp_path, lang="zh")
    html = "".join(o.get("data", {}).get("text/html", "") for c in notebook.cells if c.cell_type == "code"
                   for o in c.outputs)
    assert "银行卡累计发卡量" in html and "重新计算增长率" in html


@pytest.mark.slow
def test_nbval_fails_when_a_segment_share_changes(tmp_path, data_copy):
    """'75%+' -> '76%+' for state-owned user reach changes the inferred sizes: nbval fails on chapter 2."""
    notebook = tmp_path / "02_current_state.ipynb"
    shutil.copy(reference_path(REFERENCES, "chapters/02_current_state"), notebook)
    set_figure_value(data_copy, "c2_need_user_reach_state_owned", "76")
    result = run_nbval(notebook, data_copy)
    assert result.returncode != 0
    assert "02_current_state.ipynb::Cell" in result.stdout  # the sizes, evidence and prose cells differ


@pytest.mark.slow
def test_chapter_two_runs_for_a_bank_type_in_chinese(tmp_path, monkeypatch):
    """Chapter 2 executes for regional banks with Chinese labels, inferred n on the bars."""
    monkeypatch.setenv("REPORT_DATA", str(paths.DEFAULT_DATA_DIR))
    notebook = execute_page(paths.PROJECT_ROOT, "chapters/02_current_state", tmp_path, lang="zh",
                            segment="regional")
    html = "".join(o.get("data", {}).get("text/html", "") for c in notebook.cells if c.cell_type == "code"
                   for o in c.outputs)
    assert "区域性" in html and "（推断）" in html
