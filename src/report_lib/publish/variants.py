"""Render every report chapter once per bank type with papermill and put the results into the book.

For each chapter in the ``_toc.yml`` part captioned :data:`REPORT_PART` and each bank
type in ``segments.csv``, the chapter's jupytext page becomes a notebook (python3 kernel),
gets an opening "key findings for this segment" section (:mod:`report_lib.page.opening`)
after its parameters, and runs under papermill with ``segment``, ``lang`` and
``data_dir``. Executed notebooks land in ``variants/<segment>/<chapter>.ipynb`` (so the
page is ``variants/<segment>/<chapter>.html``), beside a generated index page per
segment and the overview ``variants/index.ipynb``. A toc with a :data:`VARIANT_PART`
part is written to ``_build/.variants-toc.yml``; the book is built with it, and myst-nb
is told not to execute ``variants/*`` again (``execute.exclude_patterns``).

Nothing here is committed: ``variants/`` is git-ignored and the toc lives in ``_build``.
Executions run on :data:`WORKERS` processes with one progress line per notebook, and
are skipped when :mod:`report_lib.publish.cache` says the notebook is fresh.
"""

from __future__ import annotations

import posixpath
import re
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import jupytext
import nbformat
import yaml

from report_lib import paths, run_record
from report_lib.publish import cache
from report_lib.present.labels import n_text
from report_lib.analysis.segments import MARKET

REPORT_PART = "The report"
VARIANT_PART = "By bank type"
VARIANTS_DIR = "variants"
TOC_NAME = ".variants-toc.yml"
WORKERS = 2
INDEX_TEMPLATE = Path(__file__).resolve().parent / "templates" / "variants_index.md"
LINKS_MARKER = "<!-- variant-links -->"
SOURCE_CELL = "report_source_cell"
HIDE = "remove-cell"
KERNEL_ATTEMPTS = 2
"""Executions tried when the kernel itself fails (not a cell): a second start usually works."""


class VariantError(RuntimeError):
    """A variant failed: the message names the segment, the chapter and the cell."""


@dataclass(frozen=True)
class Variant:
    """One notebook to render: a page (toc path without suffix) for one segment in one language."""

    page: str
    segment: str
    lang: str = "en"

    @property
    def stem(self) -> str:
        """The page's file name without suffix (``01_background``)."""
        return Path(self.page).name

    @property
    def docname(self) -> str:
        """The variant's document name in the book (``variants/regional/01_background``)."""
        return f"{VARIANTS_DIR}/{self.stem}" if self.segment == MARKET else f"{VARIANTS_DIR}/{self.segment}/{self.stem}"

    def target(self, root: Path) -> Path:
        """Where the executed notebook goes."""
        return root / f"{self.docname}.ipynb"


def report_chapters(root: Path) -> list[str]:
    """Return the chapter files of the toc part captioned :data:`REPORT_PART`, in toc order."""
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    for part in toc.get("parts", []):
        if part.get("caption") == REPORT_PART:
            return [c["file"] for c in part.get("chapters", [])]
    raise VariantError(f"{root / '_toc.yml'} has no part captioned {REPORT_PART!r}")


def chapter_number(stem: str) -> int | None:
    """Return the chapter number a file name starts with (``02_current_state`` -> 2), else None."""
    match = re.match(r"(\d+)", stem)
    return int(match.group(1)) if match else None


def page_source(root: Path, page: str) -> Path:
    """Return the source file of a toc entry (``.md`` or ``.ipynb``)."""
    for suffix in (".md", ".ipynb"):
        if (root / f"{page}{suffix}").is_file():
            return root / f"{page}{suffix}"
    raise VariantError(f"no source file for toc entry {page!r} in {root}")


def opening_cells(chapter: int) -> list[nbformat.NotebookNode]:
    """Return the cells of a bank-type rendition's opening section ("Key findings for this segment").

    They go right after the parameters cell; the variants and the PDF editions of a bank
    type both open each chapter with them.
    """
    return [
        nbformat.v4.new_markdown_cell("## Key findings for this segment"),
        _code(f"from report_lib.page.opening import opening\nopening(data_dir, lang, segment, chapter={chapter})",
              ["remove-input"]),
    ]


def _code(source: str, tags: list[str]) -> nbformat.NotebookNode:
    return nbformat.v4.new_code_cell(source, metadata={"tags": tags})


def prepare(source: Path, segment: str, title_suffix: str, chapter: int | None,
            extra_markdown: str = "", page: str | None = None, chapters: list[str] | None = None) -> nbformat.NotebookNode:
    """Read a jupytext page as the notebook papermill will run for ``segment``.

    The first heading gets ``title_suffix``; MyST targets ``(name)=`` and references to
    them are suffixed with the segment so that three copies of a chapter do not clash;
    an opening section follows the parameters cell (for a bank type and a numbered
    chapter); a hidden last cell emits the run record; ``extra_markdown`` replaces the
    :data:`LINKS_MARKER` of a template; with ``page`` (its toc entry) relative links are
    rewritten by :func:`rewrite_links`. Every original cell remembers its index in the
    page (metadata ``report_source_cell``) so that errors can name it.
    """
    notebook = jupytext.read(source)
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook.metadata.pop("jupytext", None)
    titled = False
    for number, cell in enumerate(notebook.cells):
        cell.metadata[SOURCE_CELL] = number
        if cell.cell_type != "markdown":
            continue
        if segment != MARKET:
            cell.source = _suffix_targets(cell.source, segment)
            if page is not None:
                cell.source = rewrite_links(cell.source, page, segment, chapters or [])
        if not titled and title_suffix and re.search(r"^# ", cell.source, re.M):
            cell.source = re.sub(r"^(# .+)$", lambda m: f"{m.group(1)}{title_suffix}", cell.source, count=1, flags=re.M)
            titled = True
        if LINKS_MARKER in cell.source:
            cell.source = cell.source.replace(LINKS_MARKER, extra_markdown)
    position = next((i + 1 for i, c in enumerate(notebook.cells) if "parameters" in c.metadata.get("tags", [])), None)
    if position is None:
        raise VariantError(f"{source}: no cell tagged 'parameters'; papermill cannot pass segment and lang")
    if segment != MARKET and chapter is not None:
        notebook.cells[position:position] = opening_cells(chapter)
    notebook.cells.append(_code("from report_lib import run_record\nrun_record.emit()", [HIDE]))
    for number, cell in enumerate(notebook.cells):
        cell.id = f"cell-{number}"  # deterministic ids: the cache key and diffs see only real changes
    return notebook


def rewrite_links(markdown: str, page: str, segment: str, chapters: list[str]) -> str:
    """Keep a chapter's relative links working from ``variants/<segment>/``.

    A relative link (``[text](path)`` or ``{doc}`path```) to another report chapter points to
    that chapter's rendition for the same segment (same folder, same stem); any other relative
    link is re-rooted so it still reaches its original page.
    """
    origin = PurePosixPath(page).parent
    depth = "../" * (len(PurePosixPath(VARIANTS_DIR, segment).parts))
    stems = {PurePosixPath(c).name: c for c in chapters}

    def fix(path: str) -> str:
        if re.match(r"^([a-z]+:|#|/)", path):
            return path
        target = PurePosixPath(posixpath.normpath(origin / path))
        stem = target.with_suffix("").name if target.suffix in ("", ".md", ".ipynb") else None
        if stem in stems and str(target.with_suffix("")) == stems[stem]:
            return target.name
        return depth + str(target)

    markdown = re.sub(r"(\]\()([^)\s]+)(\))", lambda m: m.group(1) + fix(m.group(2)) + m.group(3), markdown)
    return re.sub(r"(\{doc\}`(?:[^`<]*<)?)([^`>]+)(>?`)", lambda m: m.group(1) + fix(m.group(2)) + m.group(3), markdown)


def _suffix_targets(markdown: str, segment: str) -> str:
    names = re.findall(r"^\(([\w.-]+)\)=\s*$", markdown, re.M)
    for name in names:
        markdown = re.sub(rf"^\({re.escape(name)}\)=", f"({name}-{segment})=", markdown, flags=re.M)
        markdown = re.sub(rf"(\{{(?:ref|numref)\}}`(?:[^`<]*<)?){re.escape(name)}(>?`)", rf"\g<1>{name}-{segment}\g<2>",
                          markdown)
    return markdown


def finish(notebook: nbformat.NotebookNode) -> dict:
    """Post-process an executed notebook in place; return its run record.

    The injected-parameters cell gets ``remove-cell`` (papermill does not copy the
    parameters cell's tags, papermill issue 731) and the run-record cell is removed.
    """
    record = {"read": [], "written": []}
    kept = []
    for cell in notebook.cells:
        tags = cell.metadata.setdefault("tags", [])
        if "injected-parameters" in tags and HIDE not in tags:
            tags.append(HIDE)
        outputs = [o for o in cell.get("outputs", []) if run_record.MIME_TYPE in o.get("data", {})]
        if outputs:
            record = dict(outputs[0]["data"][run_record.MIME_TYPE])
            continue
        kept.append(cell)
    notebook.cells = kept
    return record


def describe_failure(variant: Variant, notebook_path: Path, error) -> str:
    """Name the segment, chapter and cell of a failed execution (papermill's error)."""
    where = f"cell {error.cell_index}"
    try:
        cells = nbformat.read(notebook_path, as_version=4).cells
        cell = next((c for c in cells if c.cell_type == "code" and c.source == error.source), cells[error.cell_index])
        first = next((line for line in cell.source.splitlines() if line.strip()), "")
        number = cell.metadata.get(SOURCE_CELL)
        where = (f"cell {number} of the page" if number is not None else "a cell added by the variant pipeline") \
            + f" (`{first.strip()[:80]}`)"
    except Exception:
        pass
    return (f"variant failed: segment {variant.segment}, chapter {variant.page}, {where}: "
            f"{error.ename}: {error.evalue}")


def execute(variant: Variant, target: Path, data_dir: Path, notebook: nbformat.NotebookNode, key: str) -> float:
    """Run ``notebook`` with papermill into ``target`` (in its folder); raise :class:`VariantError` naming the cell."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    target.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    for attempt in range(1, KERNEL_ATTEMPTS + 1):
        try:
            papermill.execute_notebook(
                notebook, str(target), kernel_name="python3", progress_bar=False, cwd=str(target.parent),
                parameters={"segment": variant.segment, "lang": variant.lang, "data_dir": str(data_dir)})
            break
        except PapermillExecutionError as error:  # a cell raised: report it, never retry
            raise VariantError(describe_failure(variant, target, error)) from None
        except Exception as error:  # the kernel died or did not start (e.g. a port race with another build)
            if attempt == KERNEL_ATTEMPTS:
                raise VariantError(f"variant failed: segment {variant.segment}, chapter {variant.page}: "
                                   f"kernel error after {attempt} attempts: {type(error).__name__}: {error}") from None
    executed = nbformat.read(target, as_version=4)
    record = finish(executed)
    cache.stamp(executed, key, data_dir, record["read"], record["written"])
    executed.metadata[cache.METADATA_KEY].update(segment=variant.segment, page=variant.page, lang=variant.lang)
    nbformat.write(executed, target)
    return time.perf_counter() - start


def _job(variant: Variant, root: Path, data_dir: Path, source: Path, title_suffix: str, chapter: int | None,
         extra: str, environment: str, force: bool) -> tuple[Variant, str, float]:
    notebook = prepare(source, variant.segment, title_suffix, chapter, extra,
                       page=variant.page, chapters=report_chapters(root))
    key = cache.variant_key(nbformat.writes(notebook), {"segment": variant.segment, "lang": variant.lang},
                                    environment)
    if not force and cache.is_fresh(variant.target(root), key, data_dir):
        return variant, "cached", 0.0
    return variant, "executed", execute(variant, variant.target(root), data_dir, notebook, key)


def _segments(data_dir: Path) -> list[tuple[str, str, str]]:
    from report_lib.data.dataset import load_dataset
    from report_lib.present.labels import Labels
    from report_lib.analysis.segments import bank_types

    data = load_dataset(data_dir)
    label = Labels(data, "en")
    table = data.table("segments").set_index("segment")
    return [(s, label.segment(s, short=False), f"{table.loc[s, 'description_en']} ({n_text(label, s)})")
            for s in bank_types(data)]


def segment_page(name: str, description: str) -> str:
    """Return the generated index page of one segment's part (MyST Markdown)."""
    return (f"# {name}\n\n{description}\n\n"
            f"Every chapter of the report, read from the side of {name.lower()}. Each chapter opens with "
            "*key findings for this segment*, computed from the data of record: where the source gives a "
            "figure both for this bank type and for all banks, the difference in percentage points, "
            "furthest above and furthest below. Where the source gives no figure by bank type, the page "
            "says so and shows the all-bank value as such; no per-segment number is estimated.\n\n"
            "```{tableofcontents}\n```\n")


def plan(root: Path, data_dir: Path, lang: str = "en",
         only: list[str] | None = None) -> tuple[list[tuple], list[tuple[str, str, str]]]:
    """Return the jobs (variant, source, title suffix, chapter, extra markdown) and the segments.

    ``only`` restricts the bank types (default: every bank type in ``segments.csv``).
    """
    segments = [s for s in _segments(data_dir) if only is None or s[0] in only]
    chapters = report_chapters(root)
    jobs = []
    for segment, name, _ in segments:
        for page in chapters:
            variant = Variant(page, segment, lang)
            jobs.append((variant, page_source(root, page), f" ({name})", chapter_number(variant.stem), ""))
    links = links_table(root, chapters, segments)
    jobs.append((Variant("variants/index", MARKET, lang), INDEX_TEMPLATE, "", None, links))
    return jobs, segments


def page_title(source: Path) -> str:
    """Return the first ``# heading`` of a page (its title in the book)."""
    for cell in jupytext.read(source).cells:
        match = re.search(r"^# (.+)$", cell.source, re.M) if cell.cell_type == "markdown" else None
        if match:
            return match.group(1).strip()
    return source.stem


def links_table(root: Path, chapters: list[str], segments: list[tuple[str, str, str]]) -> str:
    """Return a Markdown table: one row per chapter, one link per segment's rendition of it."""
    head = "| Chapter | " + " | ".join(name for _, name, _ in segments) + " |"
    rule = "|" + " --- |" * (len(segments) + 1)
    rows = [f"| {page_title(page_source(root, page))} | "
            + " | ".join(f"[{name}]({segment}/{Path(page).name}.ipynb)" for segment, name, _ in segments) + " |"
            for page in chapters]
    return "\n".join([head, rule, *rows])


def write_toc(root: Path, jobs: list[tuple], segments: list[tuple[str, str, str]]) -> Path:
    """Write the book's toc with the :data:`VARIANT_PART` part appended; return its path (in ``_build``)."""
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    chapters = [{"file": f"{VARIANTS_DIR}/index"}]
    for segment, name, description in segments:
        (root / VARIANTS_DIR / segment).mkdir(parents=True, exist_ok=True)
        (root / VARIANTS_DIR / segment / "index.md").write_text(segment_page(name, description), encoding="utf-8")
        sections = [{"file": v.docname} for v, *_ in jobs if v.segment == segment]
        chapters.append({"file": f"{VARIANTS_DIR}/{segment}/index", "sections": sections})
    toc.setdefault("parts", []).append({"caption": VARIANT_PART, "chapters": chapters})
    target = root / "_build" / TOC_NAME
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(yaml.safe_dump(toc, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return target


def remove_stale(root: Path, jobs: list[tuple]) -> None:
    """Delete variant notebooks no job produces any more (e.g. a chapter left the toc)."""
    wanted = {v.target(root) for v, *_ in jobs}
    for notebook in (root / VARIANTS_DIR).rglob("*.ipynb"):
        if notebook not in wanted:
            notebook.unlink()


def render_variants(root: Path | None = None, data_dir: Path | None = None, lang: str = "en",
                    workers: int = WORKERS, force: bool = False, log=None, only: list[str] | None = None) -> Path:
    """Execute (or reuse) every variant and write the toc; return the toc path.

    Raises
    ------
    VariantError
        When a variant fails; the message names segment, chapter and cell. Other
        variants already running finish first; the build must then stop.
    """
    root, data_dir = root or paths.PROJECT_ROOT, paths.data_dir(data_dir)
    log = log or (lambda line: print(line, file=sys.stderr, flush=True))
    jobs, segments = plan(root, data_dir, lang, only)
    environment = cache.environment_key(root)
    failures, start = [], time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(_job, job[0], root, data_dir, *job[1:], environment, force): job[0] for job in jobs}
        for done, future in enumerate(as_completed(futures), 1):
            try:
                variant, status, seconds = future.result()
            except Exception as error:  # VariantError names the cell; anything else at least the variant
                message = str(error) if isinstance(error, VariantError) else (
                    f"variant failed: segment {futures[future].segment}, chapter {futures[future].page}: "
                    f"{type(error).__name__}: {error}")
                failures.append(message)
                log(f"[{done}/{len(jobs)}] FAILED {message}")
                continue
            timing = f" in {seconds:.1f} s" if status == "executed" else ""
            log(f"[{done}/{len(jobs)}] {variant.docname}: {status}{timing}")
    if failures:
        raise VariantError("\n".join(failures))
    remove_stale(root, jobs)
    log(f"variants: {len(jobs)} notebooks ready in {time.perf_counter() - start:.1f} s")
    return write_toc(root, jobs, segments)
