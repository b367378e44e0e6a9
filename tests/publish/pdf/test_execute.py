"""Tests of report_lib.publish.pdf.execute: pages run with the edition's parameters and static charts."""

from __future__ import annotations

import nbformat
import pytest

from report_lib import paths
from report_lib.publish.pdf.execute import PageFailedError, execute_pages, page_source, with_parameters


def notebook_with(parameters_source: str | None) -> nbformat.NotebookNode:
    notebook = nbformat.v4.new_notebook()
    if parameters_source is not None:
        cell = nbformat.v4.new_code_cell(parameters_source)
        cell.metadata["tags"] = ["parameters", "remove-cell"]
        notebook.cells.append(cell)
    notebook.cells.append(nbformat.v4.new_code_cell("x = 1"))
    return notebook


def test_only_parameters_the_page_defines_are_set():
    """A page gets the edition's values for the names its parameters cell defines, and keeps its tags."""
    notebook = notebook_with('segment = "all"\nlang = "en"\ndata_dir = None')
    assert with_parameters(notebook, {"segment": "regional", "lang": "zh", "colour": "red"}) == ["segment", "lang"]
    cell = notebook.cells[0]
    assert cell.source.endswith("segment = 'regional'  # PDF edition\nlang = 'zh'  # PDF edition")
    assert cell.metadata["tags"] == ["parameters", "remove-cell"]


def test_page_without_parameters_is_left_alone():
    """A page with no parameters cell (the intro) runs as written."""
    notebook = notebook_with(None)
    assert with_parameters(notebook, {"segment": "regional"}) == []
    assert [c.source for c in notebook.cells] == ["x = 1"]


def test_missing_page_is_named(tmp_path):
    """A _toc.yml entry without a file is reported by name."""
    with pytest.raises(FileNotFoundError, match="chapters/09_gone"):
        page_source(tmp_path, "chapters/09_gone")


@pytest.mark.slow
def test_failing_page_names_page_and_error(tmp_path):
    """A page that raises stops the edition (pages run in parallel) with the page's name and the error."""
    (tmp_path / "fine.md").write_text("# Fine\n")
    (tmp_path / "broken.md").write_text("---\nkernelspec:\n  name: python3\n  display_name: Python 3\n"
                                        "---\n# Broken\n\n```{code-cell} ipython3\nraise ValueError('no data')\n```\n")
    with pytest.raises(PageFailedError, match="(?s)broken failed for the PDF.*no data"):
        execute_pages(tmp_path, ["fine", "broken"], tmp_path / "out", paths.DEFAULT_DATA_DIR, {}, workers=2)


def test_bank_type_edition_opens_chapters_with_key_findings():
    """A regional edition adds the key-findings section to report chapters only, right after the parameters."""
    from report_lib import paths
    from report_lib.publish.pdf.execute import with_segment_opening

    notebook = notebook_with("segment = 'all'")
    assert with_segment_opening(notebook, paths.PROJECT_ROOT, "chapters/02_current_state", {"segment": "regional"})
    assert notebook.cells[1].source == "## Key findings for this segment"
    plain = notebook_with("segment = 'all'")
    assert not with_segment_opening(plain, paths.PROJECT_ROOT, "chapters/02_current_state", {"segment": "all"})
    assert not with_segment_opening(plain, paths.PROJECT_ROOT, "reference/glossary", {"segment": "regional"})
