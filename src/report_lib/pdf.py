"""Build the PDF edition: ``make pdf`` (main edition) or ``make pdf SEGMENT=regional`` (one bank type).

Route (chosen over the LaTeX builder, see README): Jupyter Book's ``singlehtml`` builder
executes the pages ``_toc.yml`` lists with ``REPORT_CHART_MODE=static`` (charts become PNGs
with their footer as caption), :mod:`report_lib.pdf_document` adds a cover and a table of
contents, and headless Chromium prints it (:mod:`report_lib.pdf_print`) twice: the first
printing tells on which page each heading landed, the second prints the contents with
those page numbers. Everything happens in ``_build/.pdf-staging``; only a complete PDF
replaces ``_build/pdf/<name>.pdf``, so a failed build keeps the last good one.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from report_lib import paths
from report_lib.build import validate_or_report
from report_lib.dataset import load_dataset
from report_lib.pdf_document import Cover, body_and_entries, document_html
from report_lib.pdf_pages import NoVariantsError, Toc, read_toc, select_pages, write_toc
from report_lib.pdf_print import ToolMissingError, destinations, find_tool, page_count, print_to_pdf
from report_lib.render import MODE_VARIABLE
from report_lib.segments import check_segment

PDF_NAME = "bank-marketing-digitalization-2023"
MAX_PASSES = 3


def pdf_path(root: Path, segment: str = "all") -> Path:
    """Return where the edition for ``segment`` is published: ``_build/pdf/<name>.pdf``."""
    name = PDF_NAME if segment == "all" else f"{PDF_NAME}-{segment}"
    return root / "_build" / "pdf" / f"{name}.pdf"


def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout.strip() if result.returncode == 0 else None


def edition_line(root: Path, today: dt.date | None = None) -> str:
    """Say which edition this is and where its date comes from (never an invented date).

    The date is the committer date of the last git commit of the book's sources; a build
    from uncommitted changes says so and adds the build date; outside git it is the build date.
    """
    today = today or dt.date.today()
    commit = _git(root, "log", "-1", "--format=%cs %h")
    if not commit:
        return f"Edition of {today.isoformat()} (the build date; the sources are not a git checkout)."
    date, short = commit.split()
    line = f"Edition of {date} (the date of the sources' last git commit, {short})"
    if _git(root, "status", "--porcelain", "--untracked-files=no"):
        line += f", built on {today.isoformat()} from uncommitted changes"
    return line + "."


def make_cover(root: Path, data_dir: Path, segment: str) -> Cover:
    """Return the cover: the book's title, the source and its attribution, the edition and bank type."""
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    dataset = load_dataset(data_dir)
    source = dataset.metadata["figures"]["source"]
    segments = dataset.table("segments").set_index("segment")
    kind = ("all bank types (main edition)" if segment == "all"
            else f"{segments.loc[segment, 'label_en']} ({segments.loc[segment, 'label_zh']}) only")
    return Cover(
        title=config["title"],
        subtitle=f"《{source['title_zh']}》",
        lines=(
            f"Source: {source['publisher_en']} ({source['publisher_zh']}), {source['title_en']}, "
            f"{source['year']}. {source['survey']}",
            f"Facts and figures © {source['year']} {source['publisher_en']}. The English text, the data "
            "tables and the code were written for this project, which keeps only facts, figures and short "
            "quotes from the source as provenance.",
            f"Bank type: {kind}.",
            edition_line(root),
        ),
    )


def _config_for_pdf(root: Path, path: Path) -> Path:
    """Write the book's ``_config.yml`` with execution forced (charts must be rendered static)."""
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    config.setdefault("execute", {})["execute_notebooks"] = "force"
    config["only_build_toc_files"] = True
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def build_singlehtml(root: Path, data_dir: Path, toc: Toc, staging: Path) -> Path:
    """Execute and build ``toc``'s pages as one HTML page (static charts); return its path."""
    command = [str(Path(sys.executable).parent / "jupyter-book"), "build", str(root),
               "--path-output", str(staging / "book"), "--builder", "singlehtml",
               "--toc", str(write_toc(toc, staging / "_toc.yml")),
               "--config", str(_config_for_pdf(root, staging / "_config.yml")), "-W", "-n", "--keep-going"]
    env = dict(os.environ, REPORT_DATA=str(data_dir), **{MODE_VARIABLE: "static"})
    result = subprocess.run(command, env=env, cwd=root)
    built = staging / "book" / "_build" / "singlehtml" / f"{toc.root}.html"
    if result.returncode != 0 or not built.is_file():
        raise RuntimeError(f"the single-page HTML build failed (exit {result.returncode})")
    return built


def print_with_contents(cover: Cover, singlehtml: Path, toc: Toc, staging: Path) -> Path:
    """Print cover, contents and pages; repeat until the contents' page numbers are stable."""
    body, entries = body_and_entries(singlehtml.read_text(encoding="utf-8"), toc.root, list(toc.pages), toc.captions)
    numbers: dict[str, int] = {}
    for attempt in range(MAX_PASSES):
        document = staging / "document.html"
        document.write_text(document_html(cover, body, entries, numbers), encoding="utf-8")
        pdf = staging / f"pass{attempt + 1}.pdf"
        print_to_pdf(document, pdf)
        landed = destinations(pdf)
        found = {entry.anchor: landed[entry.anchor] for entry in entries if entry.anchor in landed}
        if found == numbers:
            return pdf
        numbers = found
    raise RuntimeError(f"the contents' page numbers did not settle after {MAX_PASSES} printings")


def build_pdf(root: Path | None = None, data_dir: Path | None = None, segment: str = "all") -> int:
    """Build the PDF edition for ``segment`` into ``_build/pdf/``; return the exit code (0 on success)."""
    root = root or paths.PROJECT_ROOT
    data_dir = paths.data_dir(data_dir)
    target = pdf_path(root, segment)
    if not validate_or_report(data_dir):
        return 1
    staging = root / "_build" / ".pdf-staging" / segment
    try:
        find_tool("chromium", "chromium-browser", "google-chrome"), find_tool("pdfinfo")
        check_segment(load_dataset(data_dir), segment)
        toc = select_pages(read_toc(root / "_toc.yml"), segment)
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        cover = make_cover(root, data_dir, segment)
        pdf = print_with_contents(cover, build_singlehtml(root, data_dir, toc, staging), toc, staging)
        pages = page_count(pdf)
    except (ToolMissingError, NoVariantsError, ValueError, RuntimeError, subprocess.SubprocessError) as error:
        print(f"PDF build failed: {error}\nThe last good PDF ({target}) is unchanged.", file=sys.stderr)
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(pdf, target)
    shutil.rmtree(staging, ignore_errors=True)
    print(f"Built {target} ({pages} pages, {target.stat().st_size / 1e6:.1f} MB) from data in {data_dir}")
    return 0
