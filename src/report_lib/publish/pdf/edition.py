"""Build the PDF editions: ``make pdf`` (main edition), ``make pdf SEGMENT=regional PDF_LANG=zh``, or several at
once, ``make pdf PDF_EDITIONS="all:en regional:en all:zh"`` (their pages execute as one batch, then the editions
are rendered and printed side by side).

Route (chosen over the LaTeX builder, see README): the pages ``_toc.yml`` lists are executed
with the edition's parameters and static charts (:mod:`report_lib.publish.pdf.execute`: PNGs with
their footer as caption), Jupyter Book's ``singlehtml`` builder renders them as one page,
:mod:`report_lib.publish.pdf.document` adds a cover and a table of contents, and headless Chromium
prints it (:mod:`report_lib.publish.pdf.chromium`) twice: the first printing tells on which page each
heading landed, the second prints the contents with those page numbers. The executed pages and
Sphinx's environment are kept in ``_build/pdf-book/<name>`` (the cache: an unchanged page is not
executed or read again); printing happens in ``_build/.pdf-staging``; only a complete PDF replaces
``_build/pdf/<name>.pdf``, so a failed build keeps the last good one.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from report_lib import paths
from report_lib.analysis.segments import MARKET, check_segment
from report_lib.data.dataset import load_dataset
from report_lib.data.survey.edition import Edition as DataEdition, edition_of
from report_lib.page.edition_text import edition_title, fieldwork_text
from report_lib.present.labels import LANGUAGES, Labels
from report_lib.publish import cache, notebooks
from report_lib.publish.editions import SPHINX_LANGUAGE, caption_key
from report_lib.publish.incremental import render_incrementally
from report_lib.publish.notebooks import render_config
from report_lib.publish.pdf.chromium import ToolMissingError, destinations, find_tool, page_count, print_to_pdf
from report_lib.publish.pdf.document import Cover, body_and_entries, document_html
from report_lib.publish.pdf.execute import Edition, PdfPageJob, execute_jobs
from report_lib.publish.validation import validate_or_report
from report_lib.publish.toc import Toc, read_toc, write_toc

PDF_NAME = "bank-marketing-digitalization"
"""The PDF files' name, before the edition's year (:func:`pdf_name`)."""
NO_YEAR = "wave"
"""What stands for the year in the name of a PDF built from a wave whose metadata gives none."""
MAX_PASSES = 3


def pdf_name(edition: DataEdition, segment: str = MARKET, lang: str = "en") -> str:
    """Return the file name of a PDF edition: ``bank-marketing-digitalization-<year>[-<segment>][-<lang>].pdf``.

    The year is the data's edition's (``2023`` without a wave, the wave's ``year`` with one,
    ``wave`` when its metadata gives none).
    """
    year = NO_YEAR if edition.year is None else str(edition.year)
    suffix = (f"-{segment}" if segment != MARKET else "") + (f"-{lang}" if lang != "en" else "")
    return f"{PDF_NAME}-{year}{suffix}.pdf"


def pdf_path(root: Path, segment: str = MARKET, lang: str = "en", data_dir: Path | None = None) -> Path:
    """Return where an edition built from ``data_dir`` (default: env ``REPORT_DATA`` or ``data/``) is published.

    ``_build/pdf/`` and :func:`pdf_name`; ``make pdf``, the builds and the tests all ask here.
    """
    return root / "_build" / "pdf" / pdf_name(edition_of(paths.data_dir(data_dir)), segment, lang)


def wave_line(edition: DataEdition, label: Labels) -> str:
    """The cover's line on the survey wave the edition is computed from (empty without a wave)."""
    if not edition.is_wave:
        return ""
    key = "cover.wave" if edition.year is not None else "cover.wave_no_year"
    return label(key).format(year=edition.year, file=edition.wave_file, fieldwork=fieldwork_text(edition, label))


def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout.strip() if result.returncode == 0 else None


def edition_line(root: Path, label: Labels, today: dt.date | None = None) -> str:
    """Say which edition this is and where its date comes from (never an invented date).

    The date is the committer date of the last git commit of the book's sources; a build
    from uncommitted changes says so and adds the build date; outside git it is the build date.
    """
    today = today or dt.date.today()
    commit = _git(root, "log", "-1", "--format=%cs %h")
    if not commit:
        return label("cover.edition_no_git").format(today=today.isoformat())
    date, short = commit.split()
    line = label("cover.edition_git").format(date=date, commit=short)
    if _git(root, "status", "--porcelain", "--untracked-files=no"):
        line += label("cover.edition_uncommitted").format(today=today.isoformat())
    return line + label("cover.stop")


def make_cover(root: Path, data_dir: Path, segment: str, lang: str = "en") -> Cover:
    """Return the cover in ``lang``: the edition's title and wave, the source and its attribution, the edition and bank type."""
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    dataset = load_dataset(data_dir)
    label = Labels(dataset, lang)
    source = dataset.metadata["figures"]["source"]
    segments = dataset.table("segments").set_index("segment")
    names = {} if segment == MARKET else {"name_en": segments.loc[segment, "label_en"],
                                          "name_en_lower": segments.loc[segment, "label_en"].lower(),
                                          "name_zh": segments.loc[segment, "label_zh"]}
    kind = label("cover.kind_all") if segment == MARKET else label("cover.kind_segment").format(**names)
    edition = edition_of(data_dir)
    return Cover(
        title=edition_title(edition, label) if label.has("book.title") else config["title"],
        subtitle=f"《{source['title_zh']}》",
        edition="" if segment == MARKET else label("cover.edition").format(**names),
        lines=tuple(line for line in (
            wave_line(edition, label),
            label("cover.source").format(**{**source, "survey": source.get(f"survey_{lang}", source["survey"])}),
            label("cover.rights").format(**source),
            label("cover.scope").format(kind=kind, language=label(f"cover.language_{lang}")),
            label("cover.print_note"),
            edition_line(root, label),
        ) if line),
    )


def translated(toc: Toc, label: Labels) -> Toc:
    """Return ``toc`` with its part captions in the label's language (``toc.<caption in snake case>``)."""
    return replace(toc, captions={page: label(caption_key(caption)) for page, caption in toc.captions.items()})


def pdf_book(root: Path, name: str) -> Path:
    """Return the folder of the executed pages of the PDF edition ``name``, kept between builds (the cache)."""
    return root / "_build" / "pdf-book" / name


def prepare_book(root: Path, toc: Toc, book: Path, lang: str) -> None:
    """Make ``book`` the folder an edition's pages execute into: its configuration and its toc."""
    render_config(root, book, SPHINX_LANGUAGE[lang])  # first: it makes the folder the pages' book root,
    write_toc(toc, book / "_toc.yml")  # so chart CSVs land there, not in the site's static files


def render_singlehtml(root: Path, toc: Toc, book: Path, edition: Edition) -> Path:
    """Render the executed pages in ``book`` as one HTML page (incrementally); return its path."""
    result, built = render_incrementally(book, "singlehtml", book, env={"REPORT_DATA": str(edition.data_dir)},
                                         inputs=(root / "_templates",), stamp=cache.environment_key(root),
                                         capture=True)
    page = built / f"{toc.root}.html"
    if result.returncode != 0 or not page.is_file():
        printed = ((result.stdout or "") + (result.stderr or ""))[-3000:]
        raise RuntimeError(f"the single-page HTML build failed (exit {result.returncode}):\n{printed}")
    return page


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


@dataclass(frozen=True)
class PdfPlan:
    """One PDF edition about to be built: where it goes and what it is made of."""

    target: Path
    staging: Path
    toc: Toc
    cover: Cover
    edition: Edition
    book: Path


FAILURES = (ToolMissingError, ValueError, RuntimeError, FileNotFoundError, subprocess.SubprocessError)
"""What stops one edition's PDF (the last good one stays) without stopping the others."""


def plan_pdf(root: Path, data_dir: Path, segment: str, lang: str) -> PdfPlan:
    """Check the edition's bank type and language, clear its staging folder and prepare its book folder."""
    target = pdf_path(root, segment, lang, data_dir)
    dataset = load_dataset(data_dir)
    check_segment(dataset, segment)
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {', '.join(LANGUAGES)}; got {lang!r}")
    label = Labels(dataset, lang)
    toc = translated(read_toc(root).without_variants(), label)
    staging = root / "_build" / ".pdf-staging" / target.stem
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    edition = Edition(data_dir, {"segment": segment, "lang": lang}, toc.report, label("opening.heading"))
    book = pdf_book(root, target.stem)
    prepare_book(root, toc, book, lang)
    return PdfPlan(target, staging, toc, make_cover(root, data_dir, segment, lang), edition, book)


def publish_pdf(root: Path, plan: PdfPlan) -> str:
    """Render, print and publish one edition whose pages are executed; return the line that says so."""
    singlehtml = render_singlehtml(root, plan.toc, plan.book, plan.edition)
    pdf = print_with_contents(plan.cover, singlehtml, plan.toc, plan.staging)
    pages = page_count(pdf)
    plan.target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(pdf, plan.target)
    shutil.rmtree(plan.staging, ignore_errors=True)
    return (f"Built {plan.target} ({pages} pages, {plan.target.stat().st_size / 1e6:.1f} MB) "
            f"from data in {plan.edition.data_dir}")


def build_pdfs(root: Path | None = None, data_dir: Path | None = None,
               editions: tuple[tuple[str, str], ...] = ((MARKET, "en"),)) -> int:
    """Build the PDF editions ``editions`` (pairs of bank type and language) into ``_build/pdf/``; return the exit code.

    The data is validated once. The pages of every edition execute as one batch (the workers
    and their kept kernels serve them all); then the editions are rendered and printed side by
    side. An edition that fails keeps its last good PDF and does not stop the others; the
    exit code is 1 when any failed.
    """
    root = root or paths.PROJECT_ROOT
    data_dir = paths.data_dir(data_dir)
    if not validate_or_report(data_dir):
        return 1
    failed: dict[Path, str] = {}
    plans: list[PdfPlan] = []
    try:
        find_tool("chromium", "chromium-browser", "google-chrome"), find_tool("pdfinfo")
    except ToolMissingError as error:
        failed.update({pdf_path(root, segment, lang, data_dir): str(error) for segment, lang in editions})
    else:
        for segment, lang in editions:
            try:
                plans.append(plan_pdf(root, data_dir, segment, lang))
            except FAILURES as error:
                failed[pdf_path(root, segment, lang, data_dir)] = str(error)
    jobs = [PdfPageJob(page, plan.book, plan.edition) for plan in plans for page in plan.toc.all_pages]
    owners = [plan.target for plan in plans for _ in plan.toc.all_pages]
    for index, message in sorted(execute_jobs(root, jobs).items()):
        failed[owners[index]] = "\n".join(filter(None, [failed.get(owners[index]), message]))
    ready = [plan for plan in plans if plan.target not in failed]
    with ThreadPoolExecutor(max_workers=max(1, min(len(ready), notebooks.WORKERS))) as pool:
        for plan, future in [(plan, pool.submit(publish_pdf, root, plan)) for plan in ready]:
            try:
                print(future.result())
            except FAILURES as error:
                failed[plan.target] = str(error)
    for target, message in failed.items():
        print(f"PDF build failed: {message}\nThe last good PDF ({target}) is unchanged.", file=sys.stderr)
    return 1 if failed else 0


def build_pdf(root: Path | None = None, data_dir: Path | None = None, segment: str = MARKET,
              lang: str = "en") -> int:
    """Build the PDF edition for ``segment`` and ``lang`` into ``_build/pdf/``; return the exit code (0 on success).

    ``segment`` is a bank type (``all`` is the main edition) and ``lang`` the language of
    chart and table labels (``en`` or ``zh``); both are passed to every page that has them
    as parameters.
    """
    return build_pdfs(root, data_dir, ((segment, lang),))
