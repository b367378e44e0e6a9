"""The two survey appendix pages execute in both languages from a wave, through the book's one notebook pipeline."""

from __future__ import annotations

import pytest

from report_lib import paths
from report_lib.publish import notebooks
from survey_helpers import synthetic_wave

PAGES = ("reference/toplines", "reference/wave_comparison")


@pytest.fixture(scope="module")
def wave_dir(tmp_path_factory):
    return synthetic_wave(tmp_path_factory.mktemp("appendix"), n=200)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("page", PAGES)
def test_page_executes_from_a_wave(page, lang, wave_dir, tmp_path):
    """The page runs without error and shows its glued statement and a table."""
    notebook = notebooks.load_page(paths.PROJECT_ROOT / f"{page}.md", lang)
    notebooks.set_parameters(notebook, {"lang": lang, "data_dir": str(wave_dir)})
    (tmp_path / "_config.yml").write_text("title: t\n")
    (tmp_path / "reference").mkdir()
    notebooks.execute(notebook, tmp_path / "reference", env={"REPORT_DATA": str(wave_dir)}, name=page)
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    assert "report-table" in html and "report-chart-download" in html
