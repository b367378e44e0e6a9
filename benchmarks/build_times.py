"""Time the project's commands and print medians (the machine is noisy: compare ratios within one run).

Usage: ``.venv/bin/python benchmarks/build_times.py [--repeat 3] [--only check-data,book,pdf,test]``.
After ``pdf`` it also prints the PDF's page count and file size.
Each command runs ``--repeat`` times in the current checkout (with its .venv already set up).

Scenarios of the bank-type variants (``report_lib.publish.variants``):

- ``book-cold``: ``_build/`` and ``variants/`` removed, then ``make book`` (every variant executes);
- ``book-no-change``: ``make book`` again (every variant comes from the cache);
- ``book-one-data-file``: ``make book DATA=<copy>`` after changing one data file of a copy of
  ``data/`` (``reference/policies.csv``, read only by chapter 1): exactly its readers re-execute.

For the book scenarios the time of the variant step alone (from its log line) is printed too.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAKE = ["make", "--no-print-directory"]
DATA_COPY = Path(tempfile.gettempdir()) / "report-benchmark-data"
VARIANT_LINE = re.compile(r"variants: (\d+) executed, \d+ reused from cache, \d+ failed, ([\d.]+) s")
"""The summary line of ``report_lib.publish.notebooks.run_all`` for the variants."""


def _clean() -> None:
    shutil.rmtree(ROOT / "_build", ignore_errors=True)
    shutil.rmtree(ROOT / "variants", ignore_errors=True)


def _change_one_data_file() -> None:
    if not DATA_COPY.is_dir():
        shutil.copytree(ROOT / "data", DATA_COPY)
    policies = DATA_COPY / "reference" / "policies.csv"
    text = policies.read_text(encoding="utf-8")
    marker = "Digital China"
    swapped = text.replace(marker, "Digital  China", 1) if marker in text else text.replace("Digital  China", marker, 1)
    policies.write_text(swapped, encoding="utf-8")


COMMANDS = {
    "check-data": (None, MAKE + ["check-data"]),
    "book": (None, MAKE + ["book"]),
    "pdf": (None, MAKE + ["pdf"]),
    "test": (None, MAKE + ["test"]),
    "book-cold": (_clean, MAKE + ["book"]),
    "book-no-change": (None, MAKE + ["book"]),
    "book-one-data-file": (_change_one_data_file, MAKE + ["book", f"DATA={DATA_COPY}"]),
}


def time_command(command: list[str]) -> tuple[float, str]:
    """Run ``command`` once in the project root; return wall seconds and its stderr (fails loudly on error)."""
    start = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr[-3000:]}")
    return time.perf_counter() - start, result.stderr


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", default="check-data,book,test")
    args = parser.parse_args()
    for name in args.only.split(","):
        prepare, command = COMMANDS[name]
        if name == "book-one-data-file":
            shutil.rmtree(DATA_COPY, ignore_errors=True)
            time_command(command[:-1] + [f"DATA={_copy()}"])  # first build from the copy: all cached
        times, variant_times, executed = [], [], []
        for _ in range(args.repeat):
            if prepare:
                prepare()
            seconds, log = time_command(command)
            times.append(seconds)
            found = VARIANT_LINE.search(log)
            if found:
                variant_times.append(float(found.group(2)))
                executed.append(int(found.group(1)))
        runs = ", ".join(f"{t:.1f}" for t in times)
        line = f"{name:<19} median {statistics.median(times):6.1f} s  (runs: {runs})"
        if variant_times:
            line += (f"; variant step median {statistics.median(variant_times):.1f} s, "
                     f"notebooks executed per run: {executed}")
        print(line, flush=True)
        if name == "pdf":
            print(f"{'':<19} {pdf_summary()}", flush=True)


def _copy() -> Path:
    shutil.copytree(ROOT / "data", DATA_COPY)
    return DATA_COPY


def pdf_summary() -> str:
    """Return the page count and size of the main PDF edition."""
    from report_lib.publish.pdf.edition import pdf_path
    from report_lib.publish.pdf.chromium import page_count

    pdf = pdf_path(ROOT)
    return f"{pdf.name}: {page_count(pdf)} pages, {pdf.stat().st_size / 1e6:.2f} MB"


if __name__ == "__main__":
    main()
