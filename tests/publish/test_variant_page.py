"""Tests of report_lib.publish.variant_page: a page's Markdown rewritten for variants/<segment>/, its run record."""

from __future__ import annotations

import nbformat

from report_lib import run_record
from report_lib.publish.notebooks import HIDE
from report_lib.publish.variant_page import LINKS_MARKER, relocate, rewrite_links, take_run_record


def test_relative_links_still_reach_their_pages():
    """From variants/<segment>/, a link to another chapter goes to its variant; other links are re-rooted."""
    chapters = ["chapters/01_background", "chapters/02_current_state"]
    text = "[c1](01_background.md) [g](../reference/glossary.md) {doc}`../intro` [w](https://example.org) [s](#top)"
    assert rewrite_links(text, "chapters/02_current_state", "regional", chapters) == (
        "[c1](01_background.md) [g](../../reference/glossary.md) {doc}`../../intro` [w](https://example.org) [s](#top)")


def test_relocate_fills_the_links_marker_and_keeps_the_overview_targets():
    """The overview (all banks) keeps its targets; the marker gets the generated Markdown."""
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(f"(top)=\n# Title\n\n{LINKS_MARKER}")])
    relocate(notebook, "all", extra_markdown="| table |")
    assert notebook.cells[0].source == "(top)=\n# Title\n\n| table |"
    assert HIDE in notebook.cells[-1].metadata["tags"]


def test_run_record_is_read_and_its_cell_dropped():
    """The run-record cell's output is the record; the cell itself does not stay in the page."""
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("segment = 'regional'", metadata={"tags": ["injected-parameters", HIDE]}),
        nbformat.v4.new_code_cell("emit", metadata={"tags": [HIDE]}, outputs=[nbformat.v4.new_output(
            "display_data", data={run_record.MIME_TYPE: {"read": ["a.csv"], "written": []}})]),
    ])
    assert take_run_record(notebook) == {"read": ["a.csv"], "written": []}
    assert len(notebook.cells) == 1
