"""The nbval reference of chapter 2 on the synthetic wave runs the page's current code on that wave."""

from __future__ import annotations

from pathlib import Path

import nbformat

from report_lib import paths
from report_lib.publish.nbval_refs import WAVE_DATA, WAVE_FOLDER, WAVE_PAGES, reference_path
from report_lib.publish.notebooks import INJECTED_TAG, load_page
from report_lib.publish.toc import page_source

FOLDER = Path(__file__).parents[1] / "notebooks" / WAVE_FOLDER


def code(notebook, injected: bool = False) -> list[str]:
    return [c.source for c in notebook.cells
            if c.cell_type == "code" and (INJECTED_TAG in c.metadata.get("tags", [])) == injected]


def test_wave_reference_matches_page_and_points_at_the_wave():
    for page in WAVE_PAGES:
        reference = nbformat.read(reference_path(FOLDER, page), as_version=4)
        assert code(reference) == code(load_page(page_source(paths.PROJECT_ROOT, page))), "refresh the wave reference"
        (injected,) = code(reference, injected=True)
        assert f"data_dir = '../../../{WAVE_DATA}'" in injected
        checked = [c for c in reference.cells if "nbval-check-output" in c.metadata.get("tags", [])]
        assert checked and any(c.outputs for c in checked)  # the evidence of inferred sizes is empty with a wave
