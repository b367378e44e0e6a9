"""Kernels for executing pages: a fresh one per page, or one kept warm page after page by a worker.

Starting a kernel and importing pandas, Altair and the library costs more than most pages'
own work, and it is the same cost for every page. A batch of pages
(:func:`report_lib.publish.notebooks.run_all`) therefore lets each worker process keep one
kernel and run its pages in it one after the other, as Quarto's kernel daemon and
jupyter-cache's "execution in one kernel" do. Before each page the kernel is brought back to
how a fresh kernel looks to a page (:data:`PREPARE`):

- the user namespace is emptied (IPython's ``%reset -f``: variables, imports bound to names,
  output history), so a page that uses a name it never defines fails as it would alone;
- the working folder and the environment variables are exactly the page's;
- the run record (:mod:`report_lib.run_record`) starts empty, so a page records only what it read;
- results are numbered by the page's cells (:func:`number_results`).

What stays is what is the same for every page: imported modules, and the library's caches,
which are keyed by the content they were computed from (never by a path or an object). The
nbval references are executed in a warm kernel by the build and compared, cell by cell, with
a fresh kernel's outputs by ``pytest --nbval``: a difference between the two fails the tests.

A kernel that dies is replaced by a fresh one; a single page outside a batch (an on-demand
render) gets a fresh kernel and shuts it down after.
"""

from __future__ import annotations

import json
import multiprocessing.util
import os
import uuid
from pathlib import Path

import nbformat

KERNEL_NAME = "python3"
STARTUP_TIMEOUT = 60
"""Seconds a new kernel has to answer."""
PREPARE = """\
get_ipython().run_line_magic("reset", "-f")
import os as _os, sys as _sys
_os.chdir({cwd})
_os.environ.clear()
_os.environ.update(__import__("json").loads({env}))
if "report_lib.run_record" in _sys.modules:
    _sys.modules["report_lib.run_record"].reset()
del _os, _sys
"""
"""Run before each page in a kept kernel: empty namespace, the page's folder, environment and run record."""

_warm: "Kernel | None" = None
_keep_warm = False
_finalizer: multiprocessing.util.Finalize | None = None


def kernel_manager():
    """Return a kernel manager whose kernel talks over IPC (Unix sockets in the Jupyter runtime folder), not TCP.

    No open ports to race for between parallel builds, and no "Kernel is running over TCP
    without encryption" warning, which ipykernel prints for every TCP kernel without CurveZMQ keys.
    """
    from jupyter_client.manager import KernelManager
    from jupyter_core.paths import jupyter_runtime_dir

    runtime = Path(jupyter_runtime_dir())
    runtime.mkdir(parents=True, exist_ok=True)
    return KernelManager(kernel_name=KERNEL_NAME, transport="ipc", ip=str(runtime / f"report-{uuid.uuid4().hex[:12]}"))


class Kernel:
    """One running kernel and its client, to execute notebooks in one after the other."""

    def __init__(self, cwd: Path, env: dict[str, str]):
        self.manager = kernel_manager()
        self.client = None
        self.pages = 0
        try:
            self.manager.start_kernel(cwd=str(cwd), env=env)
            self.client = self.manager.client()  # after the start: it reads the kernel's connection file
            self.client.start_channels()
            self.client.wait_for_ready(timeout=STARTUP_TIMEOUT)
        except BaseException:  # a kernel that does not come up is not left running
            self.shutdown()
            raise

    def run(self, notebook: nbformat.NotebookNode, cwd: Path, env: dict[str, str], timeout: int) -> None:
        """Execute ``notebook`` in this kernel in ``cwd`` with exactly the environment ``env``.

        Raises ``nbclient.exceptions.CellExecutionError`` when a cell fails, anything else
        when the kernel itself fails.
        """
        if self.pages:
            preparation = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
                PREPARE.format(cwd=repr(str(cwd)), env=repr(json.dumps(env))))])
            self._client_for(preparation, timeout).execute()
        self.pages += 1
        try:
            self._client_for(notebook, timeout).execute()
        finally:
            number_results(notebook)

    def _client_for(self, notebook: nbformat.NotebookNode, timeout: int):
        from nbclient import NotebookClient

        client = NotebookClient(notebook, km=self.manager, timeout=timeout, kernel_name=KERNEL_NAME,
                                record_timing=False)
        client.kc = self.client  # the kept client: nbclient neither starts a new one nor stops this one
        return client

    def shutdown(self) -> None:
        """Stop the client and the kernel, and remove the kernel's socket files."""
        try:
            if self.client is not None:
                self.client.stop_channels()
            if self.manager.has_kernel:
                self.manager.shutdown_kernel(now=True)  # its work is done; no need to wait
        finally:
            for socket in Path(self.manager.ip).parent.glob(Path(self.manager.ip).name + "-*"):
                socket.unlink(missing_ok=True)


def number_results(notebook: nbformat.NotebookNode) -> None:
    """Give every ``execute_result`` its cell's execution count, as a fresh kernel does.

    nbclient numbers the cells of each notebook from 1, but the kernel's own counter goes on
    from page to page, and results carry the kernel's number.
    """
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "execute_result":
                output["execution_count"] = cell.get("execution_count")


def keep_warm() -> None:
    """Keep one kernel in this process from now on, shut down when the process ends (a batch's worker)."""
    global _keep_warm, _finalizer
    _keep_warm = True
    if _finalizer is None:  # worker processes skip atexit handlers, not these
        _finalizer = multiprocessing.util.Finalize(None, release, exitpriority=10)


def release() -> None:
    """Shut down this process's kept kernel, if any, and stop keeping one."""
    global _warm, _keep_warm
    kernel, _warm, _keep_warm = _warm, None, False
    if kernel is not None:
        kernel.shutdown()


def run(notebook: nbformat.NotebookNode, cwd: Path, env: dict[str, str], timeout: int) -> None:
    """Execute ``notebook`` in ``cwd`` with environment ``env``: in the kept kernel when this process keeps one.

    A kernel that fails (dies, does not answer) is shut down and not kept; the caller may try
    again and gets a fresh one. A failing cell leaves the kernel kept: the next page empties it.
    """
    from nbclient.exceptions import CellExecutionError

    global _warm
    kernel, _warm = (_warm or Kernel(cwd, env)) if _keep_warm else Kernel(cwd, env), None
    healthy = False
    try:
        kernel.run(notebook, cwd, env, timeout)
        healthy = True
    except CellExecutionError:
        healthy = True  # the page failed, not the kernel
        raise
    finally:
        if healthy and _keep_warm:
            _warm = kernel
        else:
            kernel.shutdown()


def environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    """Return the environment a page runs with: this process's, plus ``extra``."""
    return {**os.environ, **(extra or {})}
