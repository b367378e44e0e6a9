"""Build the PDF edition: ``make pdf`` (main edition), ``make pdf SEGMENT=regional PDF_LANG=zh``.

Route (chosen over the LaTeX builder, see README): the pages ``_toc.yml`` lists are executed
with the edition's parameters and static charts (:mod:`report_lib.publish.pdf.execute`: PNGs with
their footer as caption), Jupyter Book's ``singlehtml`` builder renders them as one page,
:mod:`report_lib.publish.pdf.document` adds a cover and a table of contents, and headless Chromium
prints it (:mod:`report_lib.publish.pdf.chromium`) twice: the first printing tells on which page each
heading landed, the second prints the contents with those page numbers. Everything happens
in ``_build/.pdf-staging``; only a complete PDF replaces ``_build/pdf/<name>.pdf``, so a
failed build keeps the last good one.
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
from report_lib.publish.site import validate_or_report
from report_lib.data.dataset import load_dataset
from report_lib.publish.pdf.document import Cover, body_and_entries, document_html
from report_lib.publish.pdf.execute import execute_pages
from report_lib.publish.pdf.pages import Toc, read_toc, select_pages, write_toc
from report_lib.publish.pdf.chromium import ToolMissingError, destinations, find_tool, page_count, print_to_pdf
from report_lib.analysis.segments import check_segment

PDF_NAME = "bank-marketing-digitalization-2023"
MAX_PASSES = 3
LANGUAGES = ("en", "zh")


def pdf_path(root: Path, segment: str = "all", lang: str = "en") -> Path:
    """Return where an edition is published: ``_build/pdf/<name>[-<segment>][-<lang>].pdf``."""
    name = PDF_NAME + (f"-{segment}" if segment != "all" else "") + (f"-{lang}" if lang != "en" else "")
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


def make_cover(root: Path, data_dir: Path, segment: str, lang: str = "en") -> Cover:
    """Return the cover: the book's title, the source and its attribution, the edition and bank type."""
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    dataset = load_dataset(data_dir)
    source = dataset.metadata["figures"]["source"]
    segments = dataset.table("segments").set_index("segment")
    kind = ("all bank types (main edition)" if segment == "all"
            else f"{segments.loc[segment, 'label_en']} ({segments.loc[segment, 'label_zh']}) only")
    edition = "" if segment == "all" else f"Edition for {segments.loc[segment, 'label_en'].lower()} " \
                                          f"({segments.loc[segment, 'label_zh']})"
    return Cover(
        title=config["title"],
        subtitle=f"《{source['title_zh']}》",
        edition=edition,
        lines=(
            f"Source: {source['publisher_en']} ({source['publisher_zh']}), {source['title_en']}, "
            f"{source['year']}. {source['survey']}",
            f"Facts and figures © {source['year']} {source['publisher_en']}. The English text, the data "
            "tables and the code were written for this project, which keeps only facts, figures and short "
            "quotes from the source as provenance.",
            f"Bank type: {kind}. Chart and table labels: {'Chinese' if lang == 'zh' else 'English'}.",
            "This is the print edition of the executable report's site: charts are static images, each "
            "followed by its footer and by its data (in place of the site's tooltips); the data file named "
            "in brackets is in the site's chart-data folder.",
            edition_line(root),
        ),
    )


def _config_for_pdf(root: Path, path: Path) -> Path:
    """Write the book's ``_config.yml`` for the executed pages: render them, do not execute again."""
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    config.setdefault("execute", {})["execute_notebooks"] = "off"
    config["only_build_toc_files"] = True
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def build_singlehtml(root: Path, data_dir: Path, toc: Toc, staging: Path, parameters: dict[str, str]) -> Path:
    """Execute ``toc``'s pages with ``parameters`` and render them as one HTML page; return its path."""
    book = staging / "book"
    book.mkdir(parents=True, exist_ok=True)
    _config_for_pdf(root, book / "_config.yml")  # first: it makes the staging folder the pages' book root,
    write_toc(toc, book / "_toc.yml")            # so chart CSVs land there, not in the site's static files
    execute_pages(root, [toc.root, *toc.pages], book, data_dir, parameters)
    command = [str(Path(sys.executable).parent / "jupyter-book"), "build", str(book),
               "--builder", "singlehtml", "-W", "-n", "--keep-going"]
    result = subprocess.run(command, env=dict(os.environ, REPORT_DATA=str(data_dir)), cwd=book)
    built = book / "_build" / "singlehtml" / f"{toc.root}.html"
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


def build_pdf(root: Path | None = None, data_dir: Path | None = None, segment: str = "all",
              lang: str = "en") -> int:
    """Build the PDF edition for ``segment`` and ``lang`` into ``_build/pdf/``; return the exit code (0 on success).

    ``segment`` is a bank type (``all`` is the main edition) and ``lang`` the language of
    chart and table labels (``en`` or ``zh``); both are passed to every page that has them
    as parameters.
    """
    root = root or paths.PROJECT_ROOT
    data_dir = paths.data_dir(data_dir)
    target = pdf_path(root, segment, lang)
    if not validate_or_report(data_dir):
        return 1
    staging = root / "_build" / ".pdf-staging" / target.stem
    try:
        find_tool("chromium", "chromium-browser", "google-chrome"), find_tool("pdfinfo")
        check_segment(load_dataset(data_dir), segment)
        if lang not in LANGUAGES:
            raise ValueError(f"lang must be one of {', '.join(LANGUAGES)}; got {lang!r}")
        toc = select_pages(read_toc(root / "_toc.yml"))
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        cover = make_cover(root, data_dir, segment, lang)
        singlehtml = build_singlehtml(root, data_dir, toc, staging, {"segment": segment, "lang": lang})
        pdf = print_with_contents(cover, singlehtml, toc, staging)
        pages = page_count(pdf)
    except (ToolMissingError, ValueError, RuntimeError, FileNotFoundError, subprocess.SubprocessError) as error:
        print(f"PDF build failed: {error}\nThe last good PDF ({target}) is unchanged.", file=sys.stderr)
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(pdf, target)
    shutil.rmtree(staging, ignore_errors=True)
    print(f"Built {target} ({pages} pages, {target.stat().st_size / 1e6:.1f} MB) from data in {data_dir}")
    return 0
