"""Tests of report_lib.publish.on_demand: one chapter, one segment, one language, rendered offline."""

import re

import nbformat
import pytest

from report_lib import paths
from report_lib.publish.on_demand import find_chapter
from conftest import run_cli


def test_find_chapter_by_number_or_stem():
    """``--chapter 1`` and ``--chapter 01_background`` name the same page; an unknown one lists the choices."""
    assert find_chapter(paths.PROJECT_ROOT, "1") == find_chapter(paths.PROJECT_ROOT, "01_background")
    with pytest.raises(ValueError, match="chapters/01_background"):
        find_chapter(paths.PROJECT_ROOT, "9")


@pytest.mark.slow
def test_render_chapter_one_for_regional_banks_in_chinese(tmp_path):
    """The CLI writes the executed notebook and an offline HTML page with Chinese chart labels and no parameters."""
    out = tmp_path / "out"
    result = run_cli("render", "--chapter", "1", "--segment", "regional", "--lang", "zh", "--out", str(out))
    assert result.returncode == 0, result.stderr[-2000:]
    notebook = nbformat.read(out / "01_background.ipynb", as_version=4)
    injected = next(c for c in notebook.cells if "injected-parameters" in c.metadata.get("tags", []))
    assert "lang = 'zh'" in injected.source and "remove-cell" in injected.metadata["tags"]
    html = (out / "_build" / "html" / "01_background.html").read_text(encoding="utf-8")
    assert "区域性中小银行" in html and "银行卡累计发卡量" in html
    assert "segment = 'regional'" not in html
    assert not re.search(r'<script[^>]+src="(?:https?:)?//', html)
    for href in re.findall(r'class="report-chart-download" href="([^"]+)"', html):
        assert (out / "_build" / "html" / href).is_file()


def test_render_refuses_an_unknown_segment(tmp_path):
    """A typo in --segment fails with the valid choices before anything runs."""
    result = run_cli("render", "--chapter", "1", "--segment", "rural", "--out", str(tmp_path / "x"))
    assert result.returncode == 1 and "state_owned" in result.stderr
