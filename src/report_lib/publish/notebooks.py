"""The one notebook pipeline: read a page, set its parameters, open it for a segment, execute it, build a book.

Variants, PDF editions, nbval references and on-demand renders all use these functions:

- :func:`load_page` reads a jupytext page (or an ``.ipynb``) as a notebook with the python3 kernel;
- :func:`set_parameters` has one semantics, papermill's without papermill: a new cell tagged
  ``injected-parameters`` and ``remove-cell`` right after the page's ``parameters`` cell assigns
  the values of the names that cell defines. Names the page does not declare are left out (the
  intro takes no bank type, the glossary only a language), and a page without a ``parameters``
  cell gets none. The page's own cells are never edited, and the injected cell is hidden
  (papermill loses that tag, papermill issue 731);
- :func:`insert_opening` adds the "key findings for this segment" section of a bank type;
- :func:`execute` runs the notebook with nbclient in a kernel that talks over IPC
  (:mod:`report_lib.publish.kernels`);
- :func:`run_all` runs jobs on :data:`WORKERS` processes with one progress line per page and a
  summary; each worker keeps one kernel for all its pages (:func:`report_lib.publish.kernels.keep_warm`);
- :func:`jupyter_book` is the one ``jupyter-book build`` invocation
  (:mod:`report_lib.publish.incremental` runs it so that unchanged pages are not read again).
"""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, TypeVar

import jupytext
import nbformat
import yaml

from report_lib.publish import kernels
from report_lib.publish.languages import page_for_language
from report_lib.publish.lock import write_if_changed

WORKERS = int(os.environ.get("REPORT_WORKERS") or os.cpu_count() or 1)
"""Notebooks executed at once: one per core, or env ``REPORT_WORKERS``."""
KERNELSPEC = {"name": kernels.KERNEL_NAME, "display_name": "Python 3", "language": "python"}
PARAMETERS_TAG = "parameters"
INJECTED_TAG = "injected-parameters"
HIDE = "remove-cell"
SOURCE_CELL = "report_source_cell"
"""Cell metadata: the cell's index in the page, so an error can name it."""
TIMEOUT = 300
TCP_WARNING = "Kernel is running over TCP without encryption"
"""What ipykernel logs for every TCP kernel without CurveZMQ keys (IPC kernels do not)."""
KERNEL_ATTEMPTS = 2
"""Executions tried when the kernel itself fails (not a cell): a second start usually works."""

Job = TypeVar("Job")


class ExecutionError(RuntimeError):
    """A notebook failed; the message names the page and the cell.

    ``failures`` maps the index of every failed job of a :func:`run_all` batch to its message.
    """

    def __init__(self, message: str, failures: dict[int, str] | None = None):
        super().__init__(message)
        self.failures = failures or {}


def load_page(path: Path, lang: str = "en") -> nbformat.NotebookNode:
    """Read a page (jupytext MyST ``.md`` or ``.ipynb``) in the edition ``lang`` as a notebook with the python3 kernel.

    A MyST page keeps only ``lang``'s language blocks (:func:`report_lib.publish.languages.page_for_language`);
    every cell remembers its index in the page (metadata :data:`SOURCE_CELL`).
    """
    if Path(path).suffix == ".md":
        notebook = jupytext.reads(page_for_language(Path(path).read_text(encoding="utf-8"), lang), fmt="md:myst")
    else:
        notebook = jupytext.read(path)
    notebook.metadata["kernelspec"] = dict(KERNELSPEC)
    notebook.metadata.pop("jupytext", None)
    for number, cell in enumerate(notebook.cells):
        cell.metadata[SOURCE_CELL] = number
    return notebook


def _tagged(notebook: nbformat.NotebookNode, tag: str) -> int | None:
    return next((i for i, c in enumerate(notebook.cells) if tag in c.metadata.get("tags", [])), None)


def declared_parameters(notebook: nbformat.NotebookNode) -> list[str]:
    """Return the names the page's ``parameters`` cell assigns (none without such a cell)."""
    position = _tagged(notebook, PARAMETERS_TAG)
    if position is None:
        return []
    source = notebook.cells[position].source
    return [line.split("=")[0].strip() for line in source.splitlines()
            if "=" in line and line.split("=")[0].strip().isidentifier()]


def set_parameters(notebook: nbformat.NotebookNode, parameters: dict[str, object]) -> list[str]:
    """Assign ``parameters`` the page declares in a hidden cell after its ``parameters`` cell; return the names set.

    See the module docstring for the one semantics. Calling it again replaces the injected cell.
    """
    old = _tagged(notebook, INJECTED_TAG)
    if old is not None:
        del notebook.cells[old]
    declared = declared_parameters(notebook)
    names = [name for name in parameters if name in declared]
    if names:
        source = "# Injected parameters\n" + "\n".join(f"{name} = {parameters[name]!r}" for name in names)
        cell = nbformat.v4.new_code_cell(source, metadata={"tags": [INJECTED_TAG, HIDE]})
        notebook.cells.insert(_tagged(notebook, PARAMETERS_TAG) + 1, cell)
    return names


def code_cell(source: str, tags: list[str]) -> nbformat.NotebookNode:
    """Return a code cell with ``tags``."""
    return nbformat.v4.new_code_cell(source, metadata={"tags": tags})


def insert_opening(notebook: nbformat.NotebookNode, chapter: int, heading: str) -> None:
    """Open a chapter with its bank type's key findings: ``heading`` and the opening cell.

    They go after the parameters (and the injected parameters), so the opening sees the
    page's ``data_dir``, ``lang`` and ``segment``.
    """
    position = _tagged(notebook, INJECTED_TAG)
    position = _tagged(notebook, PARAMETERS_TAG) if position is None else position
    if position is None:
        raise ExecutionError("a page without a cell tagged 'parameters' cannot open for a bank type")
    notebook.cells[position + 1:position + 1] = [
        nbformat.v4.new_markdown_cell(f"## {heading}"),
        code_cell(f"from report_lib.page.opening import opening\nopening(data_dir, lang, segment, chapter={chapter})",
                  ["remove-input"]),
    ]


def number_cells(notebook: nbformat.NotebookNode) -> None:
    """Give cells deterministic ids (``cell-<n>``): caches and diffs then see only real changes."""
    for number, cell in enumerate(notebook.cells):
        cell.id = f"cell-{number}"


def describe_failure(notebook: nbformat.NotebookNode) -> str:
    """Name the failing cell of an executed notebook: its index in the page, first line and error."""
    for cell in notebook.cells:
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        if errors:
            number = cell.metadata.get(SOURCE_CELL)
            first = next((line.strip() for line in cell.source.splitlines() if line.strip()), "")
            where = f"cell {number} of the page" if number is not None else "a cell added by the pipeline"
            return f"{where} (`{first[:80]}`): {errors[0]['ename']}: {errors[0]['evalue']}"
    return "a cell failed"


def execute(notebook: nbformat.NotebookNode, cwd: Path, env: dict[str, str] | None = None,
            name: str = "notebook failed") -> nbformat.NotebookNode:
    """Execute ``notebook`` in place in ``cwd`` with environment ``os.environ | env``; return it.

    Inside :func:`run_all` the worker's kept kernel runs it (:mod:`report_lib.publish.kernels`),
    elsewhere a fresh kernel.

    Raises
    ------
    ExecutionError
        ``name`` (what failed, e.g. ``variant failed: segment regional, chapter ...``), then the failing cell; a kernel that dies or does not start is tried
        :data:`KERNEL_ATTEMPTS` times.
    """
    from nbclient.exceptions import CellExecutionError

    for attempt in range(1, KERNEL_ATTEMPTS + 1):
        try:
            kernels.run(notebook, cwd, kernels.environment(env), TIMEOUT)
            return notebook
        except CellExecutionError:  # a cell raised: report it, never retry
            raise ExecutionError(f"{name}: {describe_failure(notebook)}") from None
        except Exception as error:  # the kernel died or did not start
            if attempt == KERNEL_ATTEMPTS:
                raise ExecutionError(f"{name}: kernel error after {attempt} attempts: "
                                     f"{type(error).__name__}: {error}") from None
    return notebook


@dataclass(frozen=True)
class Outcome:
    """What one job did: ``executed`` or ``cached``, and how long it took."""

    name: str
    status: str
    seconds: float = 0.0


def run_all(jobs: list[Job], work: Callable[[Job], Outcome], what: str, workers: int = WORKERS,
            log: Callable[[str], None] | None = None,
            check: Callable[[Job], Outcome | None] | None = None) -> list[Outcome]:
    """Run ``work`` on every job, ``workers`` at a time, with one line per job and a summary.

    ``check``, when given, is asked first, in this process, for each job: the outcome of a job
    that needs no work (a fresh cache entry), or None. Only the other jobs go to the workers, so a
    build with nothing to execute starts no worker process. Every job runs even when one fails;
    then an :class:`ExecutionError` lists the failures. Returns the outcomes in the order of ``jobs``.
    """
    log = log or (lambda line: print(line, file=sys.stderr, flush=True))
    start, total = time.perf_counter(), len(jobs)
    outcomes: dict[int, Outcome] = {}
    failures: dict[int, str] = {}

    def report(done: int, outcome: Outcome) -> None:
        timing = f" in {outcome.seconds:.1f} s" if outcome.status == "executed" else ""
        log(f"{what} [{done}/{total}] {outcome.name}: {outcome.status}{timing}")

    def checked(index: int) -> Outcome | None:
        try:
            return check(jobs[index]) if check else None
        except Exception:  # the job itself will report what is wrong
            return None

    def results() -> Iterable[tuple[int, Callable[[], Outcome]]]:
        pending = []
        for index in range(total):
            outcome = checked(index)
            if outcome is None:
                pending.append(index)
            else:
                yield index, lambda outcome=outcome: outcome
        if workers <= 1 or len(pending) <= 1:
            kernels.keep_warm()
            try:
                for index in pending:
                    yield index, lambda job=jobs[index]: work(job)
            finally:
                kernels.release()
            return
        # Spawned, not forked: a fork of a process that has run a kernel client can deadlock in zmq.
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                 initializer=kernels.keep_warm) as pool:
            futures = {pool.submit(work, jobs[index]): index for index in pending}
            for future in as_completed(futures):
                yield futures[future], future.result

    for done, (index, result) in enumerate(results(), 1):
        try:
            outcomes[index] = result()
        except Exception as error:  # ExecutionError names the cell; anything else at least the job
            failures[index] = (str(error) if isinstance(error, ExecutionError)
                               else f"{jobs[index]}: {type(error).__name__}: {error}")
            log(f"{what} [{done}/{total}] FAILED {failures[index]}")
            continue
        report(done, outcomes[index])
    executed = sum(o.status == "executed" for o in outcomes.values())
    log(f"{what}: {executed} executed, {total - executed - len(failures)} reused from cache, "
        f"{len(failures)} failed, {time.perf_counter() - start:.1f} s")
    if failures:
        raise ExecutionError("\n".join(failures[i] for i in sorted(failures)), failures)
    return [outcomes[i] for i in range(total)]


def render_config(root: Path, folder: Path, language: str | None = None) -> Path:
    """Write the project's ``_config.yml`` into ``folder`` for pages already executed: render, do not execute.

    ``language`` replaces Sphinx's ``language`` (e.g. ``zh_CN`` for a Chinese edition).
    """
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    config.setdefault("execute", {})["execute_notebooks"] = "off"
    if language:
        config.setdefault("sphinx", {}).setdefault("config", {})["language"] = language
    config["only_build_toc_files"] = True
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "_config.yml"
    write_if_changed(path, yaml.safe_dump(config, allow_unicode=True, sort_keys=False))
    return path


def jupyter_book(root: Path, builder: str, toc: Path | None = None, out: Path | None = None,
                 env: dict[str, str] | None = None, strict: bool = True,
                 capture: bool = False) -> tuple[subprocess.CompletedProcess, Path]:
    """Run ``jupyter-book build`` on ``root``; return the finished process and the built folder.

    ``toc`` replaces ``root/_toc.yml``; ``out`` is the output root (the result lands in
    ``out/_build/<builder>``, default ``root``); ``strict`` turns warnings into errors (``-W -n``);
    ``capture`` keeps the output for an error message instead of printing it. The kernels
    myst-nb starts for the pages it executes itself use TCP, and their manager cannot be
    configured from here, so their :data:`TCP_WARNING` lines are dropped from stderr.
    """
    command = [str(Path(sys.executable).parent / "jupyter-book"), "build", str(root), "--builder", builder,
               "--keep-going", *(["--toc", str(toc)] if toc else []), *(["--path-output", str(out)] if out else []),
               *(["-W", "-n"] if strict else ["--quiet"])]
    environment, built = {**os.environ, **(env or {})}, (out or root) / "_build" / builder
    if capture:
        result = subprocess.run(command, env=environment, cwd=root, text=True, capture_output=True)
        result.stderr = "".join(line for line in result.stderr.splitlines(keepends=True) if TCP_WARNING not in line)
        return result, built
    with subprocess.Popen(command, env=environment, cwd=root, text=True, stderr=subprocess.PIPE) as process:
        for line in process.stderr:  # streamed: the build's progress stays visible
            if TCP_WARNING not in line:
                sys.stderr.write(line)
    return subprocess.CompletedProcess(command, process.returncode), built
