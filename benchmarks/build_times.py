"""Time the book's builds in one run and print each as a ratio to the floor or to the cold build.

Usage: ``.venv/bin/python benchmarks/build_times.py [--repeat 3] [--test]``
(with ``PYTHONPATH=src`` and the ``.venv`` already set up; ``make`` is run with ``-o .venv/.installed``).

Scenarios, each ``--repeat`` times (medians are printed; the machine is noisy, so compare
ratios within one run):

- ``floor``: what the pages cannot go below, as the issue defines it: papermill executing an
  empty notebook (the ``papermill`` command, a fresh kernel), times the number of pages the cold
  build executed, divided by the workers (:data:`report_lib.publish.notebooks.WORKERS`);
- ``kernel floor``: the same with the book's own executor instead of papermill: one empty page
  through :func:`report_lib.publish.cache.run_cached` (forced, a fresh kernel). It is lower than
  papermill's (no papermill process to start), so its ratios are the stricter ones;
- ``book-cold``: ``_build/`` and ``variants/`` removed, then ``make book`` (every page executes);
- ``book-no-change``: ``make book`` again (nothing executes, Sphinx reads nothing);
- ``book-one-data-file``: ``make book DATA=<copy>`` after changing one data file of a copy of
  ``data/`` (``reference/policies.csv``, read by chapter 1): exactly its readers execute, in
  both editions. The first build from the copy (untimed) reuses every page: a cache entry
  depends on the data's content, not on its folder;
- ``test`` (only with ``--test``, it is long): ``_build/`` and ``variants/`` removed, then ``make test``
  (what CI runs: the book cold, the three PDFs, the synthetic wave, every test).

Each line gives the median, the runs, the pages executed per run (from the executor's
summary lines) and the ratios.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from report_lib.publish import cache, notebooks
from report_lib.publish.variant_page import add_run_record

ROOT = Path(__file__).resolve().parents[1]
MAKE = ["make", "--no-print-directory", "-o", ".venv/.installed"]
DATA_COPY = Path(tempfile.gettempdir()) / "report-benchmark-data"
SUMMARY = re.compile(r"^[^\n:]+: (\d+) executed, \d+ reused from cache, \d+ failed, [\d.]+ s$", re.M)
"""The summary line :func:`report_lib.publish.notebooks.run_all` prints for each group of pages."""


def clean() -> None:
    """Remove everything a build made (cold start)."""
    shutil.rmtree(ROOT / "_build", ignore_errors=True)
    shutil.rmtree(ROOT / "variants", ignore_errors=True)


def toggle_one_data_file() -> None:
    """Change ``reference/policies.csv`` of the data copy (alternating between two spellings of one name)."""
    policies = DATA_COPY / "reference" / "policies.csv"
    text = policies.read_text(encoding="utf-8")
    marker = "Digital China"
    swapped = text.replace(marker, "Digital  China", 1) if marker in text else text.replace("Digital  China", marker, 1)
    policies.write_text(swapped, encoding="utf-8")


def run(command: list[str]) -> tuple[float, int]:
    """Run ``command`` in the project root; return wall seconds and pages executed (fails loudly on error)."""
    start = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr[-3000:]}")
    return time.perf_counter() - start, sum(int(n) for n in SUMMARY.findall(result.stderr))


def papermill_empty_seconds() -> float:
    """Run ``papermill`` on an empty notebook once (a fresh process and kernel); return the seconds."""
    with tempfile.TemporaryDirectory() as folder:
        empty = Path(folder) / "empty.ipynb"
        nbformat.write(nbformat.v4.new_notebook(metadata={"kernelspec": dict(notebooks.KERNELSPEC)}), empty)
        command = [str(Path(sys.executable).parent / "papermill"), "--log-level", "ERROR", str(empty),
                   str(Path(folder) / "out.ipynb")]
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return time.perf_counter() - start


def empty_page_seconds() -> float:
    """Execute an empty page through the cached executor (forced) once; return the seconds."""
    with tempfile.TemporaryDirectory() as folder:
        notebook = add_run_record(nbformat.v4.new_notebook(metadata={"kernelspec": dict(notebooks.KERNELSPEC)}))
        start = time.perf_counter()
        cache.run_cached(notebook, Path(folder) / "empty.ipynb", {}, ROOT / "data", "benchmark", "empty", "empty page",
                         force=True)
        return time.perf_counter() - start


def measure(name: str, repeat: int, command: list[str], prepare=None) -> dict:
    """Run a scenario ``repeat`` times; return its name, runs and pages executed."""
    times, executed = [], []
    for _ in range(repeat):
        if prepare:
            prepare()
        seconds, pages = run(command)
        times.append(seconds)
        executed.append(pages)
        print(f"  {name}: {seconds:.1f} s, {pages} pages executed", flush=True)
    return {"name": name, "times": times, "executed": executed}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3, help="runs per scenario (median printed; default 3)")
    parser.add_argument("--test", action="store_true", help="also time `make test` (long)")
    args = parser.parse_args()
    rows = [measure("book-cold", args.repeat, MAKE + ["book"], clean),
            measure("book-no-change", args.repeat, MAKE + ["book"])]
    shutil.rmtree(DATA_COPY, ignore_errors=True)
    shutil.copytree(ROOT / "data", DATA_COPY)
    run(MAKE + ["book", f"DATA={DATA_COPY}"])  # the copy holds the same content: every page reused
    rows.append(measure("book-one-data-file", args.repeat, MAKE + ["book", f"DATA={DATA_COPY}"], toggle_one_data_file))
    if args.test:
        rows.append(measure("test", args.repeat, MAKE + ["test"], clean))
    runs = max(args.repeat, 3)
    papermill = statistics.median(papermill_empty_seconds() for _ in range(runs))
    empty = statistics.median(empty_page_seconds() for _ in range(runs))
    pages = statistics.median(rows[0]["executed"])
    floor, kernel_floor = papermill * pages / notebooks.WORKERS, empty * pages / notebooks.WORKERS
    cold = statistics.median(rows[0]["times"])
    print(f"\nfloor: papermill on an empty notebook {papermill:.2f} s x {pages:g} pages / {notebooks.WORKERS} workers "
          f"= {floor:.1f} s")
    print(f"kernel floor: an empty page through the book's executor {empty:.2f} s x {pages:g} pages / "
          f"{notebooks.WORKERS} workers = {kernel_floor:.1f} s\n")
    print("| scenario | median | runs | pages executed | / floor | / kernel floor | / cold |")
    print("|---|---|---|---|---|---|---|")
    print(f"| floor (papermill) | {floor:.1f} s | | {pages:g} | 1.00 | {floor / kernel_floor:.2f} | {floor / cold:.2f} |")
    print(f"| kernel floor | {kernel_floor:.1f} s | | {pages:g} | {kernel_floor / floor:.2f} | 1.00 | "
          f"{kernel_floor / cold:.2f} |")
    for row in rows:
        median = statistics.median(row["times"])
        runs_text = ", ".join(f"{t:.1f}" for t in row["times"])
        executed = ", ".join(str(n) for n in row["executed"])
        print(f"| {row['name']} | {median:.1f} s | {runs_text} | {executed} | {median / floor:.2f} | "
              f"{median / kernel_floor:.2f} | {median / cold:.2f} |")


if __name__ == "__main__":
    main()
