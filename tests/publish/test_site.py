"""Tests of report_lib.publish.site: a failed build never destroys the last good one."""

from __future__ import annotations

from pathlib import Path

import pytest

from report_lib import paths
from report_lib.publish.site import build_html, swap_into_place

FAILING_PAGE = """---
kernelspec:
  display_name: Python 3
  language: python
  name: python3
---
# Broken

```{code-cell} ipython3
raise ValueError("this chapter cannot run")
```
"""


def good_build(root: Path) -> Path:
    html = root / "_build" / "html"
    html.mkdir(parents=True)
    (html / "index.html").write_text("last good build")
    return html / "index.html"


def test_swap_replaces_target_completely(tmp_path):
    """After a swap the target holds exactly the new tree and nothing is left aside."""
    new, target = tmp_path / "new", tmp_path / "html"
    new.mkdir(), target.mkdir()
    (new / "a.html").write_text("new")
    (target / "stale.html").write_text("old")
    swap_into_place(new, target)
    assert [p.name for p in target.iterdir()] == ["a.html"]
    assert not (tmp_path / "html.old").exists() and not new.exists()


def test_bad_data_stops_before_building(tmp_path, data_copy, capsys):
    """Invalid data exits non-zero, lists the problem, and leaves the last build untouched."""
    index = good_build(tmp_path)
    figures = data_copy / "published" / "figures.csv"
    figures.write_text(figures.read_text(encoding="utf-8").replace(",percent,", ",percentage,", 1), encoding="utf-8")
    assert build_html(root=tmp_path, data_dir=data_copy) == 1
    assert "column 'unit': 'percentage' is not one of" in capsys.readouterr().err
    assert index.read_text() == "last good build"


@pytest.mark.slow
def test_failing_notebook_keeps_last_good_build(tmp_path, capsys):
    """A chapter that raises fails the build (non-zero) and the last good HTML stays."""
    index = good_build(tmp_path)
    (tmp_path / "_config.yml").write_text("title: t\nexecute:\n  execute_notebooks: force\n"
                                          "sphinx:\n  config:\n    nb_execution_raise_on_error: true\n")
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: broken\n")
    (tmp_path / "broken.md").write_text(FAILING_PAGE)
    assert build_html(root=tmp_path, data_dir=paths.DEFAULT_DATA_DIR) != 0
    assert "the last good build" in capsys.readouterr().err
    assert index.read_text() == "last good build"
