"""Tests of report_lib.publish.up_to_date: which changes make the published book out of date."""

from pathlib import Path

import pytest

from report_lib.publish import up_to_date


@pytest.fixture
def project(tmp_path) -> tuple[Path, Path]:
    root = tmp_path / "book"
    for name, text in {"_toc.yml": "root: intro\n", "intro.md": "# Intro\n", "chapters/01.md": "# One\n",
                       "src/report_lib/charts.py": "x = 1\n", "_templates/layout.html": "<html>",
                       "data/published/figures.csv": "id,value\na,1\n", "tests/test_a.py": "",
                       "_build/html/index.html": "", "_build/html/zh/index.html": "", "examples/wave.csv": ""}.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root, root / "data"


def key(project) -> str:
    root, data = project
    return up_to_date.inputs_key(root, data, {"builder": "html", "variants": None})


@pytest.mark.parametrize("changed", ["intro.md", "chapters/01.md", "src/report_lib/charts.py", "_templates/layout.html",
                                     "data/published/figures.csv", "_toc.yml"])
def test_a_changed_input_changes_the_key(project, changed):
    before = key(project)
    path = project[0] / changed
    path.write_text(path.read_text(encoding="utf-8") + " ", encoding="utf-8")
    assert key(project) != before


def test_a_new_page_changes_the_key(project):
    before = key(project)
    (project[0] / "chapters" / "02.md").write_text("# Two\n", encoding="utf-8")
    assert key(project) != before


@pytest.mark.parametrize("changed", ["tests/test_a.py", "_build/html/index.html", "examples/wave.csv"])
def test_what_no_build_reads_leaves_the_key(project, changed):
    before = key(project)
    (project[0] / changed).write_text("changed", encoding="utf-8")
    assert key(project) == before


def test_options_and_the_data_folder_are_part_of_the_key(project, tmp_path):
    root, data = project
    other = tmp_path / "other-data"
    other.mkdir()
    assert up_to_date.inputs_key(root, data, {"variants": False}) != up_to_date.inputs_key(root, data, {"variants": None})
    assert up_to_date.inputs_key(root, other, {}) != up_to_date.inputs_key(root, data, {})


def test_current_needs_the_stamp_of_these_inputs_and_every_edition(project):
    root, data = project
    current, inputs = up_to_date.book_is_current(root, data, "html", None)
    assert not current  # no good build recorded yet
    up_to_date.record(root, "html", inputs)
    assert up_to_date.book_is_current(root, data, "html", None) == (True, inputs)
    (root / "_build" / "html" / "zh" / "index.html").unlink()
    assert not up_to_date.book_is_current(root, data, "html", None)[0]
    (root / "_build" / "html" / "zh" / "index.html").write_text("")
    up_to_date.forget(root, "html")  # a build started: until it succeeds, nothing is current
    assert not up_to_date.book_is_current(root, data, "html", None)[0]
