"""Tests of report_lib.publish.kernels: a kept kernel looks fresh to every page it runs."""

import os

import nbformat
import pytest
from nbclient.exceptions import CellExecutionError

from report_lib.publish import kernels


def notebook(*sources: str) -> nbformat.NotebookNode:
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources],
                                    metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})


def text(cell) -> str:
    return "".join(o.get("text", "") or o.get("data", {}).get("text/plain", "") for o in cell.outputs)


@pytest.fixture
def kept():
    kernels.keep_warm()
    yield
    kernels.release()


def test_a_kept_kernel_runs_page_after_page_as_if_each_were_alone(kept, tmp_path):
    first_dir, second_dir = tmp_path / "first", tmp_path / "second"
    first_dir.mkdir(), second_dir.mkdir()
    first = notebook("import os\nleftover = 1\nprint(os.getpid())",
                     "from report_lib import run_record\nrun_record.record_read('one.csv')")
    kernels.run(first, first_dir, {**os.environ, "PROBE": "first", "ONLY_FIRST": "x"}, 60)
    second = notebook("import os\nprint(os.getpid(), os.getcwd(), os.environ['PROBE'], 'ONLY_FIRST' in os.environ)",
                      "from report_lib import run_record\nrun_record.files_read()",
                      "1 + 1",
                      "leftover")
    with pytest.raises(CellExecutionError, match="NameError"):
        kernels.run(second, second_dir, {**os.environ, "PROBE": "second"}, 60)
    pid = text(first.cells[0]).strip()
    assert text(second.cells[0]).split() == [pid, str(second_dir), "second", "False"]  # same kernel, page's folder and env
    assert text(second.cells[1]).strip() == "[]"  # the run record starts empty
    assert second.cells[2].execution_count == 3 and second.cells[2].outputs[0]["execution_count"] == 3


def test_outside_a_batch_every_page_gets_a_fresh_kernel(tmp_path):
    pids = []
    for _ in range(2):
        page = notebook("import os\nprint(os.getpid())")
        kernels.run(page, tmp_path, dict(os.environ), 60)
        pids.append(text(page.cells[0]).strip())
    assert pids[0] != pids[1]
