"""Print an HTML file to PDF with headless Chromium, and read back where its anchors landed.

Chromium lays out the page with the print stylesheet (A4, page numbers in the margin),
embeds the fonts it used (Noto CJK for Chinese) and the chart PNGs, writes a named
destination for every anchor that a link points to, and builds the PDF outline from the
headings. ``pdfinfo -dests`` (poppler) reads the destinations back: that is how the table
of contents gets its page numbers.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--no-pdf-header-footer",
                  "--generate-pdf-document-outline")
PRINT_TIMEOUT = 300


class ToolMissingError(RuntimeError):
    """A program the PDF build needs is not installed."""


def find_tool(*names: str) -> str:
    """Return the path of the first installed program of ``names``.

    Raises
    ------
    ToolMissingError
        With the hint to run ``make system-deps``.
    """
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    raise ToolMissingError(f"{' or '.join(names)} not found: run `make system-deps` "
                           "(installs chromium, fonts-noto-cjk, poppler-utils)")


def print_to_pdf(html_file: Path, pdf_file: Path) -> None:
    """Print ``html_file`` to ``pdf_file`` with headless Chromium (offline: a local file, no network)."""
    browser = find_tool(*BROWSERS)
    with tempfile.TemporaryDirectory(prefix="report-pdf-profile-") as profile:
        result = subprocess.run(
            [browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={pdf_file}",
             html_file.resolve().as_uri()],
            capture_output=True, text=True, timeout=PRINT_TIMEOUT)
    if result.returncode != 0 or not pdf_file.is_file() or pdf_file.stat().st_size == 0:
        raise RuntimeError(f"Chromium could not print {html_file} (exit {result.returncode}):\n{result.stderr[-2000:]}")


def destinations(pdf_file: Path) -> dict[str, int]:
    """Return the named destinations of ``pdf_file`` and their page numbers (1-based)."""
    output = subprocess.run([find_tool("pdfinfo"), "-dests", str(pdf_file)],
                            capture_output=True, text=True, check=True).stdout
    found = {}
    for line in output.splitlines():
        match = re.match(r"\s*(\d+)\s+\[.*\]\s+\"(.*)\"\s*$", line)
        if match:
            found[match.group(2)] = int(match.group(1))
    return found


def page_count(pdf_file: Path) -> int:
    """Return the number of pages of ``pdf_file``."""
    output = subprocess.run([find_tool("pdfinfo"), str(pdf_file)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", output, re.M).group(1))
