"""Render one chapter for one segment and language, for a researcher: executed notebook and offline HTML.

``python -m report_lib render --chapter 2 --segment regional --lang zh --out DIR`` runs
the chapter through the same preparation as the book's variants (opening section,
hidden parameters) in ``DIR``, then builds a one-page Jupyter Book there with the
project's ``_config.yml`` (execution off), so ``DIR/_build/html/<chapter>.html`` opens
without a network and its chart CSVs sit in ``DIR/_build/html/_static/chart-data``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from report_lib import paths
from report_lib.publish import cache, notebooks
from report_lib.publish.toc import chapter_number, page_source, read_toc
from report_lib.publish.jobs import Variant, VariantError, VariantJob, variant_notebook


def find_chapter(root: Path, chapter: str) -> str:
    """Return the toc entry of ``chapter`` given as a number (``2``) or a file stem (``02_current_state``)."""
    chapters = read_toc(root).report
    for page in chapters:
        if chapter == Path(page).name or (chapter.isdigit() and chapter_number(page) == int(chapter)):
            return page
    raise ValueError(f"no chapter {chapter!r} in {root / '_toc.yml'}; chapters: {', '.join(chapters)}")


def render_one(chapter: str, segment: str, lang: str, out: Path, data_dir: Path | None = None,
               root: Path | None = None) -> list[Path]:
    """Execute one chapter for ``segment`` in ``lang`` into ``out`` and build its HTML; return both paths."""
    from report_lib.analysis.segments import MARKET, check_segment
    from report_lib.data.dataset import load_dataset
    from report_lib.present.labels import Labels

    root, data_dir = root or paths.PROJECT_ROOT, paths.data_dir(data_dir)
    page = find_chapter(root, str(chapter))
    data = load_dataset(data_dir)
    check_segment(data, segment)
    label = Labels(data, lang)
    out = out.resolve()
    variant = Variant(page, segment, lang)
    notebooks.render_config(root, out)
    (out / "_toc.yml").write_text(yaml.safe_dump({"format": "jb-book", "root": variant.stem}), encoding="utf-8")
    suffix = "" if segment == MARKET else label("variants.title_suffix").format(name=label.segment(segment, short=False))
    job = VariantJob(variant, page_source(root, page), suffix, chapter_number(page), label("opening.heading"))
    target = out / f"{variant.stem}.ipynb"
    try:  # the one cached executor: the same chapter rendered again into the same folder is not executed again
        cache.run_cached(variant_notebook(job), target, {"segment": segment, "lang": lang}, data_dir,
                         cache.environment_key(root), page, f"{page} failed for segment {segment}")
    except notebooks.ExecutionError as error:
        raise VariantError(str(error)) from None
    shutil.rmtree(out / "_build" / "html", ignore_errors=True)
    # Other pages are absent: links to them only warn, so the build is not strict.
    result, built = notebooks.jupyter_book(out, "html", out=out, strict=False, capture=True)
    html = built / f"{variant.stem}.html"
    if result.returncode != 0 or not html.is_file():
        raise VariantError(f"HTML build of {target} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return [target, html]
