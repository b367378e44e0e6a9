"""Time the project's commands and print medians (the machine is noisy: compare ratios within one run).

Usage: ``.venv/bin/python benchmarks/build_times.py [--repeat 3] [--only check-data,book,pdf,test]``.
After ``pdf`` it also prints the PDF's page count and file size.
Each command runs ``--repeat`` times in the current checkout (with its .venv already set up).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = {
    "check-data": ["make", "--no-print-directory", "check-data"],
    "book": ["make", "--no-print-directory", "book"],
    "pdf": ["make", "--no-print-directory", "pdf"],
    "test": ["make", "--no-print-directory", "test"],
}


def time_command(command: list[str]) -> float:
    """Run ``command`` once in the project root; return wall seconds (fails loudly on error)."""
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", default=",".join(COMMANDS))
    args = parser.parse_args()
    for name in args.only.split(","):
        times = [time_command(COMMANDS[name]) for _ in range(args.repeat)]
        runs = ", ".join(f"{t:.1f}" for t in times)
        print(f"{name:<11} median {statistics.median(times):6.1f} s  (runs: {runs})")
        if name == "pdf":
            print(f"{'':<11} {pdf_summary()}")


def pdf_summary() -> str:
    """Return the page count and size of the main PDF edition."""
    from report_lib.pdf import pdf_path
    from report_lib.pdf_print import page_count

    pdf = pdf_path(ROOT)
    return f"{pdf.name}: {page_count(pdf)} pages, {pdf.stat().st_size / 1e6:.2f} MB"


if __name__ == "__main__":
    main()
