"""Tests of report_lib.publish.pdf.execute: pages run with the edition's parameters and static charts."""

from __future__ import annotations

import re

import pytest

from report_lib import paths
from report_lib.publish.pdf.execute import Edition, PdfPageJob, execute_jobs, page_notebook
from report_lib.publish.toc import read_toc

REPORT = read_toc(paths.PROJECT_ROOT).report


def _opened(page: str, segment: str) -> bool:
    edition = Edition(paths.DEFAULT_DATA_DIR, {"segment": segment, "lang": "en"}, REPORT, "Key findings")
    return any(c.source == "## Key findings" for c in page_notebook(paths.PROJECT_ROOT, page, edition).cells)


def test_bank_type_edition_opens_report_chapters_only():
    """A regional edition opens report chapters with the key findings; the main edition and other pages do not."""
    assert _opened("chapters/02_current_state", "regional")
    assert not _opened("chapters/02_current_state", "all")
    assert not _opened("reference/glossary", "regional")


@pytest.mark.slow
def test_failing_page_names_page_and_error(tmp_path):
    """A page that raises is reported by its job, with the page's name and the error; the other page still runs."""
    (tmp_path / "fine.md").write_text("# Fine\n")
    (tmp_path / "broken.md").write_text("---\nkernelspec:\n  name: python3\n  display_name: Python 3\n"
                                        "---\n# Broken\n\n```{code-cell} ipython3\nraise ValueError('no data')\n```\n")
    edition = Edition(paths.DEFAULT_DATA_DIR)
    jobs = [PdfPageJob(page, tmp_path / "out", edition) for page in ("fine", "broken")]
    failures = execute_jobs(tmp_path, jobs, workers=2)
    assert list(failures) == [1]
    assert re.search("(?s)broken failed for the PDF.*no data", failures[1])
    assert (tmp_path / "out" / "fine.ipynb").is_file()
