"""The sources of one language edition of the site, generated under ``_build/edition-<lang>/``.

Both editions come from the one page source and the one notebook pipeline
(:mod:`report_lib.publish.notebooks`): every page of ``_toc.yml`` is read in the edition's
language (:func:`report_lib.publish.languages.page_for_language`) and executed with the
parameter ``lang`` set to it, so code cells exist once and glued values come out in the
edition's language; the bank-type variants are rendered the same way
(:mod:`report_lib.publish.variants`). The folder then holds a small book Jupyter Book renders
without executing again: executed notebooks, a ``_config.yml`` whose title, Sphinx
``language`` and search language are the edition's, and a ``_toc.yml`` whose part captions
come from the labels (``toc.<caption in snake case>``). The Chinese edition searches with
jieba and the report's own words (:mod:`report_lib.publish.search_words`). Nothing here is
committed; an executed page is reused while :mod:`report_lib.publish.cache` says it is fresh.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Callable

import yaml

from report_lib.analysis.segments import MARKET
from report_lib.data.dataset import load_dataset
from report_lib.present.labels import Labels
from report_lib.publish import cache, notebooks
from report_lib.publish.languages import EDITIONS
from report_lib.publish.lock import write_if_changed
from report_lib.publish.search_words import write_user_dictionary
from report_lib.publish.toc import page_source, read_toc
from report_lib.publish.variant_page import relocate
from report_lib.publish.variants import render_variants

SITE_FOLDER = {"en": "", "zh": "zh"}
"""Where each edition lives in the published site (relative to ``_build/html``)."""
SPHINX_LANGUAGE = {"en": "en", "zh": "zh_CN"}
SEARCH_LANGUAGE = {"en": "en", "zh": "zh"}
SEARCH_WORDS = "search-words.txt"


def edition_root(root: Path, lang: str) -> Path:
    """Return the folder of the generated sources of the ``lang`` edition."""
    return root / "_build" / f"edition-{lang}"


def other_edition_prefix(lang: str) -> str:
    """Return the path from the ``lang`` site's root to the other language's site root (``zh/`` or ``../``)."""
    other = next(e for e in EDITIONS if e != lang)
    here, there = SITE_FOLDER[lang], SITE_FOLDER[other]
    up = "../" * len([p for p in here.split("/") if p])
    return up + (there + "/" if there else "")


def edition_config(root: Path, lang: str, data_dir: Path, folder: Path) -> dict:
    """Return the ``_config.yml`` of the ``lang`` edition: rendered (not executed), titled and searched in ``lang``."""
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    dataset = load_dataset(data_dir)
    label, other = Labels(dataset, lang), Labels(dataset, next(e for e in EDITIONS if e != lang))
    config["title"], config["author"] = label("book.title"), label("book.author")
    config.setdefault("execute", {})["execute_notebooks"] = "off"
    config["only_build_toc_files"] = True
    sphinx = config.setdefault("sphinx", {}).setdefault("config", {})
    sphinx["language"] = SPHINX_LANGUAGE[lang]
    sphinx["html_search_language"] = SEARCH_LANGUAGE[lang]
    if lang == "zh":
        words = write_user_dictionary(data_dir, folder / "_build" / SEARCH_WORDS)
        sphinx["html_search_options"] = {"dict": str(words)}
    sphinx["templates_path"] = [str((root / p).resolve()) for p in sphinx.get("templates_path", [])]
    sphinx["report_other_edition"] = {"prefix": other_edition_prefix(lang), "lang": other.lang,
                                      "text": other("language.name"), "title": other("language.read_in")}
    return config


def caption_key(caption: str) -> str:
    """Return the label key of a toc part caption: ``The report`` -> ``toc.the_report``."""
    return "toc." + re.sub(r"\W+", "_", caption.strip().lower()).strip("_")


def translate_captions(toc_path: Path, label: Labels, target: Path) -> Path:
    """Write the toc at ``toc_path`` to ``target`` with every part caption in the label's language; return it."""
    toc = yaml.safe_load(toc_path.read_text(encoding="utf-8"))
    for part in toc.get("parts", []):
        if "caption" in part:
            part["caption"] = label(caption_key(part["caption"]))
    write_if_changed(target, yaml.safe_dump(toc, allow_unicode=True, sort_keys=False))
    return target


@dataclass(frozen=True)
class PageJob:
    """One page of the book to execute for an edition (picklable, for the worker processes)."""

    page: str
    source: Path
    lang: str


def render_page(job: PageJob, folder: Path, data_dir: Path, environment: str,
                check_only: bool = False) -> notebooks.Outcome | None:
    """Execute one page in its edition's language into ``folder/<page>.ipynb``, unless the cached one is fresh."""
    notebook = relocate(notebooks.load_page(job.source, job.lang), MARKET)
    notebooks.set_parameters(notebook, {"lang": job.lang})  # the data folder comes in REPORT_DATA
    return cache.run_cached(notebook, folder / f"{job.page}.ipynb", {"lang": job.lang, "page": job.page}, data_dir,
                            environment, f"{job.lang}/{job.page}", f"page failed: {job.page} ({job.lang} edition)",
                            check_only=check_only)


def write_edition(root: Path, data_dir: Path, lang: str, variants: bool = True,
                  workers: int = notebooks.WORKERS, log: Callable[[str], None] | None = None) -> Path:
    """Generate the sources of the ``lang`` edition (pages executed, variants rendered, config, toc); return the folder.

    ``variants`` renders the bank-type variants when the toc has a report part; ``log`` takes the
    progress lines (default: stderr).

    Raises
    ------
    report_lib.publish.notebooks.ExecutionError
        When a page fails (the message names the page and the cell).
    report_lib.publish.variants.VariantError
        When a bank-type variant fails.
    """
    folder = edition_root(root, lang)
    folder.mkdir(parents=True, exist_ok=True)
    config = edition_config(root, lang, data_dir, folder)
    write_if_changed(folder / "_config.yml", yaml.safe_dump(config, allow_unicode=True, sort_keys=False))
    toc = read_toc(root)
    toc_path = root / "_toc.yml"
    if toc.report and variants:  # first: the variants are most of the work and fail the build as early
        toc_path = render_variants(root, data_dir, lang, workers, out=folder, log=log)
    jobs = [PageJob(page, page_source(root, page), lang) for page in toc.all_pages]
    work = partial(render_page, folder=folder, data_dir=data_dir, environment=cache.environment_key(root))
    notebooks.run_all(jobs, work, f"pages ({lang})", workers, log, check=partial(work, check_only=True))
    translate_captions(toc_path, Labels(load_dataset(data_dir), lang), folder / "_toc.yml")
    return folder


def clear_edition(root: Path, lang: str) -> None:
    """Delete the generated sources of the ``lang`` edition (the next build executes every page again)."""
    shutil.rmtree(edition_root(root, lang), ignore_errors=True)
