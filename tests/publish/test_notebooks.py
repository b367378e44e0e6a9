"""Tests of report_lib.publish.notebooks: one parameter semantics, the opening, execution, progress lines."""

from __future__ import annotations

import nbformat
import pytest

from report_lib.publish import notebooks


def notebook_with(parameters_source: str | None) -> nbformat.NotebookNode:
    notebook = nbformat.v4.new_notebook()
    if parameters_source is not None:
        notebook.cells.append(notebooks.code_cell(parameters_source, ["parameters", "remove-cell"]))
    notebook.cells.append(nbformat.v4.new_code_cell("x = 1"))
    return notebook


def test_parameters_the_page_declares_go_into_a_hidden_cell():
    """Declared names are set in a hidden injected cell after the parameters cell, which stays as written."""
    notebook = notebook_with('segment = "all"\nlang = "en"\ndata_dir = None')
    assert notebooks.set_parameters(notebook, {"segment": "regional", "lang": "zh", "colour": "red"}) == ["segment", "lang"]
    assert notebook.cells[0].source == 'segment = "all"\nlang = "en"\ndata_dir = None'
    injected = notebook.cells[1]
    assert injected.source.endswith("segment = 'regional'\nlang = 'zh'")
    assert injected.metadata["tags"] == ["injected-parameters", "remove-cell"]


def test_setting_parameters_twice_replaces_the_injected_cell():
    """A second call replaces the injected cell instead of adding another."""
    notebook = notebook_with("segment = 'all'")
    notebooks.set_parameters(notebook, {"segment": "regional"})
    notebooks.set_parameters(notebook, {"segment": "joint_stock"})
    assert [c.source.splitlines()[-1] for c in notebook.cells] == ["segment = 'all'", "segment = 'joint_stock'", "x = 1"]


def test_page_without_parameters_is_left_alone():
    """A page with no parameters cell (the intro) runs as written."""
    notebook = notebook_with(None)
    assert notebooks.set_parameters(notebook, {"segment": "regional"}) == []
    assert [c.source for c in notebook.cells] == ["x = 1"]


def test_opening_follows_the_injected_parameters():
    """The opening heading and cell come after the parameters and the injected parameters."""
    notebook = notebook_with("segment = 'all'")
    notebooks.set_parameters(notebook, {"segment": "regional"})
    notebooks.insert_opening(notebook, 2, "Key findings")
    assert notebook.cells[2].source == "## Key findings"
    assert "chapter=2" in notebook.cells[3].source


def test_load_page_sets_the_kernel_and_cell_numbers(tmp_path):
    """A jupytext page reads as a python3 notebook whose cells know their index in the page."""
    (tmp_path / "page.md").write_text("# Page\n\n```{code-cell} ipython3\nx = 1\n```\n")
    notebook = notebooks.load_page(tmp_path / "page.md")
    assert notebook.metadata["kernelspec"]["name"] == "python3"
    assert [c.metadata[notebooks.SOURCE_CELL] for c in notebook.cells] == list(range(len(notebook.cells)))


def _outcome(job: int) -> notebooks.Outcome:
    if job == 3:
        raise notebooks.ExecutionError("job 3 failed: cell 1")
    return notebooks.Outcome(f"job {job}", "cached" if job % 2 else "executed", 0.5)


def test_run_all_prints_one_line_per_job_and_a_summary():
    """Every job gets one progress line (n of N, status, seconds) and the run ends with a summary."""
    lines: list[str] = []
    notebooks.run_all([1, 2], _outcome, "pages", workers=1, log=lines.append)
    assert lines == ["pages [1/2] job 1: cached", "pages [2/2] job 2: executed in 0.5 s",
                     lines[-1]]
    assert lines[-1].startswith("pages: 1 executed, 1 reused from cache, 0 failed, ")


def test_run_all_runs_every_job_then_names_the_failures():
    """A failing job does not stop the others; the error lists it."""
    lines: list[str] = []
    with pytest.raises(notebooks.ExecutionError, match="job 3 failed"):
        notebooks.run_all([2, 3, 4], _outcome, "pages", workers=1, log=lines.append)
    assert sum("executed in" in line for line in lines) == 2


def test_run_all_asks_the_check_first_and_starts_no_worker_when_all_are_fresh():
    """Jobs the check answers never reach ``work``; with every job answered no worker process starts."""
    lines: list[str] = []
    worked: list[int] = []

    def work(job: int) -> notebooks.Outcome:  # local: a worker process could not even receive it
        worked.append(job)
        return notebooks.Outcome(f"job {job}", "executed", 0.5)

    def check(job: int) -> notebooks.Outcome | None:
        return notebooks.Outcome(f"job {job}", "cached") if job != 3 else None

    notebooks.run_all([1, 2, 3], work, "pages", workers=2, log=lines.append, check=check)
    assert worked == [3] and lines[2] == "pages [3/3] job 3: executed in 0.5 s"
    outcomes = notebooks.run_all([1, 2], work, "pages", workers=2, log=lines.append, check=check)
    assert worked == [3] and [o.status for o in outcomes] == ["cached", "cached"]


@pytest.mark.slow
def test_execute_names_the_failing_cell_and_prints_no_kernel_warning(tmp_path, capfd):
    """A failing cell is named by its index in the page; the kernel starts without the TCP warning."""
    (tmp_path / "page.md").write_text("# Page\n\n```{code-cell} ipython3\nimport os\nprint(os.environ['PROBE'])\n"
                                      "```\n\n```{code-cell} ipython3\nraise ValueError('no data')\n```\n")
    notebook = notebooks.load_page(tmp_path / "page.md")
    with pytest.raises(notebooks.ExecutionError, match=r"page failed: cell 2 of the page .*ValueError: no data"):
        notebooks.execute(notebook, tmp_path, env={"PROBE": "here"}, name="page failed")
    assert notebook.cells[1].outputs[0]["text"] == "here\n"
    assert "without encryption" not in capfd.readouterr().err


def test_jupyter_book_drops_only_the_kernel_tcp_warning(tmp_path, monkeypatch):
    """The build's stderr reaches the caller without ipykernel's TCP warning lines, everything else kept."""
    script = tmp_path / "jupyter-book"
    script.write_text("#!/bin/sh\necho '[IPKernelApp] WARNING | Kernel is running over TCP without encryption. x' >&2\n"
                      "echo 'real warning' >&2\necho built\n")
    script.chmod(0o755)
    monkeypatch.setattr(notebooks.sys, "executable", str(tmp_path / "python"))
    result, built = notebooks.jupyter_book(tmp_path, "html", capture=True)
    assert result.returncode == 0 and result.stdout == "built\n" and result.stderr == "real warning\n"
    assert built == tmp_path / "_build" / "html"
