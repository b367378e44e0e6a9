"""Render every report chapter once per bank type and put the results into the book.

For each chapter of the report part of ``_toc.yml`` (:mod:`report_lib.publish.toc`) and each
bank type in ``segments.csv``, the chapter becomes a variant notebook
(:mod:`report_lib.publish.variant_page`) that opens with the segment's key findings and runs
with ``segment`` and ``lang`` (:mod:`report_lib.publish.notebooks`) and the data folder in ``REPORT_DATA``
(so a cache entry does not depend on where the data lies, only on what it holds). Executed
notebooks land in ``variants/<segment>/<chapter>.ipynb`` (so the page is
``variants/<segment>/<chapter>.html``), beside a generated index page per segment and the
overview ``variants/index.ipynb`` (from the book source ``reference/templates/variants_index.md``).
A toc with a :data:`VARIANT_PART` part is written to ``_build/.variants-toc.yml``; the book is
built with it, and myst-nb is told not to execute ``variants/*`` again (``execute.exclude_patterns``).

Nothing here is committed: ``variants/`` is git-ignored and the toc lives in ``_build``.
A variant is executed again only when :mod:`report_lib.publish.cache` says it is stale.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

import yaml

from report_lib import paths
from report_lib.data.market import MARKET
from report_lib.present.escape import markdown_text
from report_lib.present.labels import Labels, n_text
from report_lib.publish import cache, notebooks
from report_lib.publish.lock import write_if_changed
from report_lib.publish.toc import INDEX_TEMPLATE, VARIANTS_DIR, chapter_number, page_source, page_title, read_toc
from report_lib.publish.jobs import Variant, VariantError, VariantJob, render_job

VARIANT_PART = "By bank type"
TOC_NAME = ".variants-toc.yml"


@dataclass(frozen=True)
class Segment:
    """A bank type as its variants show it: id, full name and the description under its index title."""

    segment: str
    name: str
    description: str


def segments_of(data_dir: Path, lang: str = "en") -> tuple[Labels, list[Segment]]:
    """Return the labels of ``lang`` and every bank type with its name and description."""
    from report_lib.analysis.segments import bank_types
    from report_lib.data.dataset import load_dataset

    data = load_dataset(data_dir)
    label = Labels(data, lang)
    table = data.table("segments").set_index("segment")

    def described(s: str) -> str:
        text, n = table.loc[s, f"description_{lang}"], n_text(label, s)
        if lang == "zh" and not n:
            return text
        if lang == "zh":  # n_text already brackets 推断: the size as its own sentence, not nested brackets
            return f"{text}{label('footer.base')}{label('footer.colon')}{n}{label('footer.stop')}"
        return f"{text} ({n})"

    return label, [Segment(s, label.segment(s, short=False), described(s)) for s in bank_types(data)]


def segment_page(label: Labels, segment: Segment) -> str:
    """Return the generated index page of one segment's part (MyST Markdown)."""
    intro = label("variants.segment_intro").format(name=segment.name.lower() if label.lang == "en" else segment.name)
    return (f"# {markdown_text(segment.name)}\n\n{markdown_text(segment.description)}\n\n{markdown_text(intro)}\n\n"
            "```{tableofcontents}\n```\n")


def links_table(root: Path, label: Labels, chapters: tuple[str, ...], segments: list[Segment]) -> str:
    """Return a Markdown table: one row per chapter, one link per segment's variant of it."""
    head = f"| {label('variants.index_column')} | " + " | ".join(markdown_text(s.name) for s in segments) + " |"
    rule = "|" + " --- |" * (len(segments) + 1)
    rows = [f"| {page_title(page_source(root, page), label.lang)} | "
            + " | ".join(f"[{markdown_text(s.name)}]({s.segment}/{Path(page).name}.ipynb)" for s in segments) + " |"
            for page in chapters]
    return "\n".join([head, rule, *rows])


def plan(root: Path, data_dir: Path, lang: str = "en",
         only: list[str] | None = None) -> tuple[list[VariantJob], list[Segment], Labels]:
    """Return the jobs, the bank types and their labels; ``only`` restricts the bank types."""
    label, segments = segments_of(data_dir, lang)
    segments = [s for s in segments if only is None or s.segment in only]
    chapters = read_toc(root).report
    if not chapters:
        raise VariantError(f"{root / '_toc.yml'} has no report part: nothing to render per bank type")
    heading = label("opening.heading")
    jobs = [VariantJob(Variant(page, s.segment, lang), page_source(root, page),
                       label("variants.title_suffix").format(name=markdown_text(s.name)), chapter_number(page),
                       heading, chapters=chapters)
            for s in segments for page in chapters]
    jobs.append(VariantJob(Variant(f"{VARIANTS_DIR}/index", MARKET, lang), root / INDEX_TEMPLATE,
                           extra_markdown=links_table(root, label, chapters, segments)))
    return jobs, segments, label


def write_toc(root: Path, jobs: list[VariantJob], segments: list[Segment], label: Labels,
              out: Path | None = None) -> Path:
    """Write the segment index pages into ``out`` (default ``root``) and the book's toc with the
    :data:`VARIANT_PART` part into ``out/_build``; return the toc path."""
    out = out or root
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    chapters = [{"file": f"{VARIANTS_DIR}/index"}]
    for segment in segments:
        folder = out / VARIANTS_DIR / segment.segment
        folder.mkdir(parents=True, exist_ok=True)
        write_if_changed(folder / "index.md", segment_page(label, segment))
        sections = [{"file": j.variant.docname} for j in jobs if j.variant.segment == segment.segment]
        chapters.append({"file": f"{VARIANTS_DIR}/{segment.segment}/index", "sections": sections})
    toc.setdefault("parts", []).append({"caption": VARIANT_PART, "chapters": chapters})
    target = out / "_build" / TOC_NAME
    target.parent.mkdir(parents=True, exist_ok=True)
    write_if_changed(target, yaml.safe_dump(toc, sort_keys=False, allow_unicode=True))
    return target


def remove_stale(root: Path, jobs: list[VariantJob]) -> None:
    """Delete variant notebooks no job produces any more (e.g. a chapter left the toc)."""
    wanted = {j.variant.target(root) for j in jobs}
    for notebook in (root / VARIANTS_DIR).rglob("*.ipynb"):
        if notebook not in wanted:
            notebook.unlink()


def render_variants(root: Path | None = None, data_dir: Path | None = None, lang: str = "en",
                    workers: int = notebooks.WORKERS, force: bool = False, log=None,
                    only: list[str] | None = None, out: Path | None = None) -> Path:
    """Execute (or reuse) every variant in ``lang`` into ``out`` (default ``root``) and write the toc; return its path.

    Raises
    ------
    VariantError
        When a variant fails; the message names segment, chapter and cell. The other
        variants still run (and are cached); the build must then stop.
    """
    root, data_dir = root or paths.PROJECT_ROOT, paths.data_dir(data_dir)
    out = out or root
    jobs, segments, label = plan(root, data_dir, lang, only)
    work = partial(render_job, root=out, data_dir=data_dir, environment=cache.environment_key(root), force=force)
    try:
        notebooks.run_all(jobs, work, "variants", workers, log, check=partial(work, check_only=True))
    except notebooks.ExecutionError as error:
        raise VariantError(str(error)) from None
    remove_stale(out, jobs)
    return write_toc(root, jobs, segments, label, out)
